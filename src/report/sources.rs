//! Sources as a reader meets them: the numbered list text and Markdown output end with, the
//! registry entries JSON output lists, and `careergraph sources`.
//!
//! Every `source` field holds the id of an entry of the knowledge base's registry (see
//! `rules/README.md#sources`). Text and Markdown show the entry (`[1] title — publisher (2025)
//! https://…`), never the id; JSON keeps the ids in the `source` fields scripts read and adds the
//! entries they name once, as a top-level `sources` list. A source that names no entry (a
//! knowledge base without a registry, or the postings file a user gives `jobs`) is shown as it is
//! written.

use std::collections::BTreeSet;

use serde::Serialize;
use serde_json::Value;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::paint::Paint;
use super::{Options, Style, json, markdown, table_in};
use crate::knowledge::find_source;
use crate::knowledge::model::Source;
use crate::lang::Lang;

/// Numbered source footnotes: `[1]`, `[2]` … in order of first use, listed once at the end.
#[derive(Debug, Default)]
pub(crate) struct Sources(Vec<String>);

impl Sources {
    /// The footnote mark of a source, adding it on first use.
    pub fn mark(&mut self, source: &str) -> String {
        let n = match self.0.iter().position(|s| s == source) {
            Some(i) => i + 1,
            None => {
                self.0.push(source.to_string());
                self.0.len()
            }
        };
        format!("[{n}]")
    }

    /// The sources marked so far, in the order of their numbers.
    pub fn cited(&self) -> &[String] {
        &self.0
    }

    /// The list of sources, one per line, each as [`cite`] writes it.
    pub fn render(&self, o: Options) -> String {
        if self.0.is_empty() {
            return String::new();
        }
        let mut out = format!("\n{}\n", o.heading(o.lang.msg("Sources:", "出典:")));
        for (i, s) in self.0.iter().enumerate() {
            out.push_str(&o.item("  ", 0, &format!("[{}] {}", i + 1, cite(o.registry, s))));
            out.push('\n');
        }
        out
    }
}

/// A source as a reader can follow it: `title — publisher (year) URL` for an entry of the
/// registry; the source as written when it names none.
pub fn cite(registry: &[Source], source: &str) -> String {
    match find_source(registry, source) {
        Some(s) => format!("{} — {} ({}) {}", s.title, s.publisher, s.year(), s.url),
        None => source.to_string(),
    }
}

/// The ids a JSON value cites: the strings of every `source` (or `…_source`) field and of every
/// `sources` (or `…_sources`) list of strings, at any depth.
pub fn cited(value: &Value) -> BTreeSet<&str> {
    fn walk<'a>(v: &'a Value, out: &mut BTreeSet<&'a str>) {
        match v {
            Value::Object(map) => {
                for (key, x) in map {
                    match x {
                        Value::String(s) if key == "source" || key.ends_with("_source") => {
                            out.insert(s);
                        }
                        Value::Array(items) if key == "sources" || key.ends_with("_sources") => {
                            for item in items {
                                match item {
                                    Value::String(s) => {
                                        out.insert(s);
                                    }
                                    other => walk(other, out),
                                }
                            }
                        }
                        _ => walk(x, out),
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut out = BTreeSet::new();
    walk(value, &mut out);
    out
}

/// The registry entries a value's sources name, sorted by id.
pub fn entries<'a>(registry: &'a [Source], value: &Value) -> Vec<&'a Source> {
    cited(value)
        .into_iter()
        .filter_map(|id| find_source(registry, id))
        .collect()
}

/// Pretty JSON of an answer (an object) with the registry entries its sources name appended as
/// a top-level `sources` list, sorted by id (empty without a registry).
pub fn cited_json<T: Serialize>(value: &T, registry: &[Source]) -> String {
    let Ok(mut v) = serde_json::to_value(value) else {
        return json(value);
    };
    let list = serde_json::to_value(entries(registry, &v)).unwrap_or(Value::Array(Vec::new()));
    if let Value::Object(map) = &mut v {
        map.insert("sources".into(), list);
    }
    json(&v)
}

/// The widest a line of `careergraph sources` gets.
const WIDTH: usize = 80;

/// `careergraph sources`: the registry, by id. Text fits 80 columns (id, kind, year, title cut
/// to fit); Markdown adds the publisher and links the title; JSON has every field.
pub fn list(registry: &[Source], has_registry: bool, style: Style, o: Options) -> String {
    let l = o.lang;
    if style == Style::Json {
        return json(&serde_json::json!({ "sources": registry }));
    }
    if !has_registry {
        return l
            .msg(
                "This knowledge base has no source registry: its sources are free text.\n\
                 Add a `sources` list to its rule files (see rules/README.md#sources).\n",
                "この知識ベースには出典の登録簿がありません(出典は自由記述です)。\n\
                 ルールファイルに `sources` を加えてください(rules/README.md#sources)。\n",
            )
            .to_string();
    }
    if style == Style::Markdown {
        let mut t = table_in(
            l,
            &[
                ("id", "id"),
                ("kind", "種類"),
                ("date", "日付"),
                ("title", "タイトル"),
                ("publisher", "発行元"),
            ],
        );
        for s in registry {
            let title = if s.is_web() {
                format!("[{}]({})", s.title.replace(['[', ']'], ""), s.url)
            } else {
                format!("{} ({})", s.title, s.url)
            };
            t.add_row(vec![
                format!("`{}`", s.id),
                s.kind.as_str().to_string(),
                s.date.clone(),
                title,
                s.publisher.clone(),
            ]);
        }
        let (title, count) = match l {
            Lang::En => ("## Sources", format!("{} sources.", registry.len())),
            Lang::Ja => ("## 出典", format!("出典{}件。", registry.len())),
        };
        return format!("{title}\n\n{}\n{count}\n", markdown(&t));
    }
    let header = [
        l.msg("id", "id"),
        l.msg("kind", "種類"),
        l.msg("year", "年"),
        l.msg("title", "タイトル"),
    ];
    let id_width = registry
        .iter()
        .map(|s| s.id.width())
        .chain([header[0].width()])
        .max()
        .unwrap_or(0);
    let kind_width = "third-party".len().max(header[1].width());
    let year_width = 4.max(header[2].width());
    let title_width = WIDTH
        .saturating_sub(id_width + kind_width + year_width + 6)
        .max(10);
    let row = |cells: [&str; 4]| {
        let [id, kind, year, title] = cells;
        format!(
            "{}  {}  {}  {}",
            pad(id, id_width),
            pad(kind, kind_width),
            pad(year, year_width),
            fit(title, title_width)
        )
    };
    let head = row(header);
    let mut out = format!(
        "{}\n{}\n",
        o.paint(Paint::Heading, head.trim_end()),
        "─".repeat(head.trim_end().width())
    );
    for s in registry {
        out.push_str(&row([&s.id, s.kind.as_str(), s.year(), &s.title]));
        out.push('\n');
    }
    out.push_str(&match l {
        Lang::En => format!(
            "\n{} sources. `--format json` gives each one's publisher, address, date and note.\n",
            registry.len()
        ),
        Lang::Ja => format!(
            "\n出典{}件。発行元・URL・日付・注記は `--format json` で表示します。\n",
            registry.len()
        ),
    });
    out
}

/// `text` padded with spaces to `width` columns.
fn pad(text: &str, width: usize) -> String {
    format!("{text}{}", " ".repeat(width.saturating_sub(text.width())))
}

/// `text` cut to at most `width` columns, ending in `…` when cut.
fn fit(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::knowledge::format::SourceKind;

    fn entry(id: &str, title: &str, url: &str) -> Source {
        Source {
            id: id.into(),
            title: title.into(),
            publisher: "P".into(),
            url: url.into(),
            date: "2025-11".into(),
            kind: SourceKind::Seed,
            note: None,
            best_available: None,
        }
    }

    #[test]
    fn a_registry_entry_is_cited_by_title_publisher_year_and_address() {
        let registry = [entry("a", "Title", "https://a.example/x")];
        assert_eq!(cite(&registry, "a"), "Title — P (2025) https://a.example/x");
        assert_eq!(cite(&registry, "free text"), "free text");
        let o = Options {
            registry: &registry,
            ..Options::default()
        };
        let mut src = Sources::default();
        assert_eq!(src.mark("a"), "[1]");
        assert_eq!(src.mark("b"), "[2]");
        assert_eq!(src.mark("a"), "[1]");
        assert_eq!(
            src.render(o),
            "\nSources:\n  [1] Title — P (2025) https://a.example/x\n  [2] b\n"
        );
    }

    #[test]
    fn json_lists_the_entries_its_sources_name_once_by_id() {
        let registry = [entry("a", "A", "https://a"), entry("b", "B", "https://b")];
        let value = serde_json::json!({
            "x": [{"source": "b"}, {"source": "a"}, {"high_source": "a"}],
            "y": {"sources": ["b", "unknown"]},
        });
        let ids: Vec<&str> = cited(&value).into_iter().collect();
        assert_eq!(ids, ["a", "b", "unknown"]);
        let out: Value = serde_json::from_str(&cited_json(&value, &registry)).unwrap_or_default();
        let listed: Vec<&str> = out["sources"]
            .as_array()
            .map(|a| a.iter().filter_map(|s| s["id"].as_str()).collect())
            .unwrap_or_default();
        assert_eq!(listed, ["a", "b"]);
        assert_eq!(out["sources"][0]["kind"], "seed");
        assert_eq!(out["x"][0]["source"], "b", "the fields keep the ids");
    }

    #[test]
    fn the_list_fits_80_columns() {
        let long =
            "インフラエンジニアと開発エンジニアの違いは?年収や仕事内容、スキルを比較する長い題名";
        let registry = [
            entry("levtech-infra-vs-se-2025", long, "https://a"),
            entry("x", "Short", "https://b"),
        ];
        let text = list(&registry, true, Style::Text, Options::default());
        for line in text.lines() {
            assert!(line.width() <= WIDTH, "{line:?} is {} wide", line.width());
        }
        assert!(text.contains("levtech-infra-vs-se-2025  seed"), "{text}");
        assert!(text.contains('…'));
        assert!(text.contains("x                         seed         2025  Short"));
        let none = list(&[], false, Style::Text, Options::default());
        assert!(none.contains("no source registry"));
    }
}
