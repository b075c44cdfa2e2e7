//! Colours: a fixed palette for families and a red–yellow–green scale for fit.

/// Grey, for anything without a colour of its own.
pub const NEUTRAL: &str = "#d9d9d9";

/// The highlight of the best route.
pub const ROUTE: &str = "#c62828";

/// Light, distinct fills (ColorBrewer Set3), so black text stays readable on each.
const FAMILIES: [&str; 12] = [
    "#8dd3c7", "#ffffb3", "#bebada", "#fb8072", "#80b1d3", "#fdb462", "#b3de69", "#fccde5",
    "#bc80bd", "#ccebc5", "#ffed6f", "#d9d9d9",
];

/// The colour of the `i`-th family (by index; the palette repeats after twelve).
pub fn family(i: usize) -> &'static str {
    FAMILIES
        .get(i % FAMILIES.len())
        .copied()
        .unwrap_or("#d9d9d9")
}

/// The fill for a fit 0–1: light red at 0, light yellow at 0.5, light green at 1.
pub fn fit(fit: f64) -> String {
    const RED: [f64; 3] = [244.0, 166.0, 166.0];
    const YELLOW: [f64; 3] = [251.0, 227.0, 142.0];
    const GREEN: [f64; 3] = [150.0, 214.0, 150.0];
    let f = if fit.is_finite() {
        fit.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let (a, b, t) = if f < 0.5 {
        (RED, YELLOW, f * 2.0)
    } else {
        (YELLOW, GREEN, (f - 0.5) * 2.0)
    };
    let [r, g, b] = std::array::from_fn::<u8, 3, _>(|i| {
        let (x, y) = (
            a.get(i).copied().unwrap_or(0.0),
            b.get(i).copied().unwrap_or(0.0),
        );
        (x + (y - x) * t).round() as u8
    });
    format!("#{r:02x}{g:02x}{b:02x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_runs_from_red_through_yellow_to_green() {
        assert_eq!(fit(0.0), "#f4a6a6");
        assert_eq!(fit(0.5), "#fbe38e");
        assert_eq!(fit(1.0), "#96d696");
        assert_eq!(fit(f64::NAN), fit(0.0));
        assert_eq!(fit(7.0), fit(1.0));
    }
}
