//! JSON written straight from the data (no intermediate `serde_json::Value`), with every float
//! rounded to 4 decimals so output is readable and identical across platforms.

use std::io;

use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter, Serializer};

/// A float as printed: rounded to 4 decimals, `-0` as `0`; kept as is when rounding overflows.
pub fn round(x: f64) -> f64 {
    let r = (x * 10_000.0).round() / 10_000.0;
    if !r.is_finite() {
        x
    } else if r == 0.0 {
        0.0
    } else {
        r
    }
}

/// A formatter that rounds floats and otherwise lays out JSON as `F` does.
struct Rounding<F>(F);

impl<F: Formatter> Formatter for Rounding<F> {
    fn write_f32<W: ?Sized + io::Write>(&mut self, w: &mut W, value: f32) -> io::Result<()> {
        self.write_f64(w, f64::from(value))
    }
    fn write_f64<W: ?Sized + io::Write>(&mut self, w: &mut W, value: f64) -> io::Result<()> {
        self.0.write_f64(w, round(value))
    }
    fn begin_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + io::Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// Writes `value` as indented JSON (two spaces), floats rounded.
pub fn write_pretty<W: io::Write, T: Serialize + ?Sized>(
    w: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut ser = Serializer::with_formatter(w, Rounding(PrettyFormatter::new()));
    value.serialize(&mut ser)
}

/// Writes `value` as JSON on one line, floats rounded.
pub fn write_compact<W: io::Write, T: Serialize + ?Sized>(
    w: W,
    value: &T,
) -> serde_json::Result<()> {
    let mut ser = Serializer::with_formatter(w, Rounding(CompactFormatter));
    value.serialize(&mut ser)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_are_rounded_and_the_layout_kept() {
        let v =
            serde_json::json!({"a": [1.23456789, -0.00001, 2.0, 3], "b": {}, "c": [], "d": 1e308});
        let mut out = Vec::new();
        write_compact(&mut out, &v).expect("writes");
        assert_eq!(
            String::from_utf8_lossy(&out),
            r#"{"a":[1.2346,0.0,2.0,3],"b":{},"c":[],"d":1e+308}"#
        );
        let mut pretty = Vec::new();
        write_pretty(&mut pretty, &serde_json::json!({"a": [0.5], "b": []})).expect("writes");
        assert_eq!(
            String::from_utf8_lossy(&pretty),
            "{\n  \"a\": [\n    0.5\n  ],\n  \"b\": []\n}"
        );
    }
}
