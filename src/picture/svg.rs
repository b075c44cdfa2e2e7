//! A self-contained SVG drawn by careergraph itself (no Graphviz): one horizontal lane per
//! family, seniority growing from left to right, transitions as curves, the best route in thick
//! red, and a legend.
//!
//! The layout is fixed by the data, not searched for: a role sits in its family's lane, in the
//! column of its seniority, stacked by id under the other roles of the same cell. So the picture
//! reads like a career map (moving right is moving up) and changes only where the knowledge base
//! does.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::{GraphView, RoleNode, colour};
use crate::html::escape::escape as esc;
use crate::lang::Lang;
use unicode_width::UnicodeWidthStr;

const NODE_W: f64 = 240.0;
const NODE_H: f64 = 34.0;
const COL_W: f64 = 282.0;
const ROW_H: f64 = 44.0;
const LANE_PAD: f64 = 12.0;
const LEFT: f64 = 150.0;
const TOP: f64 = 64.0;
const RIGHT: f64 = 70.0;
const LEGEND_H: f64 = 70.0;

/// Where a role is drawn: its top-left corner.
#[derive(Debug, Clone, Copy)]
struct Place {
    x: f64,
    y: f64,
    col: usize,
}

/// The graph as an SVG document.
pub fn render(g: &GraphView) -> String {
    let min_sen = g.roles.iter().map(|r| r.seniority).min().unwrap_or(1);
    let max_sen = g.roles.iter().map(|r| r.seniority).max().unwrap_or(1);
    let cols = usize::from(max_sen - min_sen) + 1;
    // Lanes: the families that have roles, by id.
    let mut places: BTreeMap<&str, Place> = BTreeMap::new();
    let mut lanes = Vec::new();
    let mut y = TOP + 24.0;
    for f in &g.families {
        let roles = g.family_roles(&f.id);
        if roles.is_empty() {
            continue;
        }
        let mut per_col = vec![0usize; cols];
        for r in &roles {
            let col = usize::from(r.seniority - min_sen);
            let x = LEFT + col as f64 * COL_W + (COL_W - NODE_W) / 2.0;
            let row = per_col.get(col).copied().unwrap_or(0);
            let ry = y + LANE_PAD + row as f64 * ROW_H;
            if let Some(n) = per_col.get_mut(col) {
                *n += 1;
            }
            places.insert(r.id.as_str(), Place { x, y: ry, col });
        }
        let rows = per_col.iter().copied().max().unwrap_or(1);
        let h = LANE_PAD * 2.0 + rows as f64 * ROW_H - (ROW_H - NODE_H);
        lanes.push((f, y, h));
        y += h + 8.0;
    }
    let width = LEFT + cols as f64 * COL_W + RIGHT;
    let height = y + LEGEND_H;

    let mut out = String::new();
    let _ = writeln!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
         viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"12\">"
    );
    let _ = writeln!(out, "<title>{}</title>", esc(&g.title()));
    let _ = writeln!(
        out,
        "<defs>{}{}</defs>",
        marker("arrow", "#8a8a8a"),
        marker("arrow-route", colour::ROUTE)
    );
    let _ = writeln!(
        out,
        "<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>"
    );
    let _ = writeln!(
        out,
        "<text x=\"16\" y=\"28\" font-size=\"16\" font-weight=\"bold\">{}</text>",
        esc(&g.title())
    );
    // Column headings.
    for c in 0..cols {
        let x = LEFT + c as f64 * COL_W + COL_W / 2.0;
        let _ = writeln!(
            out,
            "<text x=\"{x}\" y=\"{}\" text-anchor=\"middle\" fill=\"#555555\">seniority {}</text>",
            TOP + 8.0,
            usize::from(min_sen) + c
        );
    }
    // Lanes.
    for (f, ly, h) in &lanes {
        let _ = writeln!(
            out,
            "<rect x=\"8\" y=\"{ly}\" width=\"{}\" height=\"{h}\" rx=\"8\" fill=\"{}\" \
             fill-opacity=\"0.25\" stroke=\"{}\"/>",
            width - 16.0,
            f.colour,
            f.colour
        );
        let _ = writeln!(
            out,
            "<text x=\"20\" y=\"{}\" font-weight=\"bold\">{}</text>",
            ly + 22.0,
            esc(g.lang.text(&f.name))
        );
    }
    // Transitions: the others first, the route on top.
    for route in [false, true] {
        for t in g.transitions.iter().filter(|t| t.on_route == route) {
            let (Some(a), Some(b)) = (places.get(t.from.as_str()), places.get(t.to.as_str()))
            else {
                continue;
            };
            let d = curve(*a, *b);
            let style = if route {
                format!(
                    "stroke=\"{}\" stroke-width=\"3.5\" marker-end=\"url(#arrow-route)\"",
                    colour::ROUTE
                )
            } else {
                let dash = if t.kind == "career-change" {
                    " stroke-dasharray=\"5 4\""
                } else {
                    ""
                };
                format!(
                    "stroke=\"#8a8a8a\" stroke-opacity=\"0.55\" stroke-width=\"1.2\"{dash} \
                     marker-end=\"url(#arrow)\""
                )
            };
            let _ = writeln!(
                out,
                "<path d=\"{d}\" fill=\"none\" {style}><title>{} → {} ({}, {} years)</title></path>",
                esc(&t.from),
                esc(&t.to),
                t.kind,
                crate::rules::fmt_num(t.typical_years)
            );
        }
    }
    // Roles.
    for r in &g.roles {
        if let Some(p) = places.get(r.id.as_str()) {
            node(&mut out, g, r, *p);
        }
    }
    legend(&mut out, g, y + 10.0);
    out.push_str("</svg>\n");
    out
}

fn node(out: &mut String, g: &GraphView, r: &RoleNode, p: Place) {
    let (stroke, sw) = if r.on_route {
        (colour::ROUTE.to_string(), 3.0)
    } else {
        (g.family_colour(&r.family).to_string(), 2.0)
    };
    let l = g.lang;
    let mut tip = match l {
        Lang::En => format!("{} ({}, seniority {})", r.id, r.family, r.seniority),
        Lang::Ja => format!("{} ({}、職位レベル {})", r.id, r.family, r.seniority),
    };
    if let (Some(f), Some(rd)) = (r.fit, r.readiness) {
        let fit = l.msg("fit", "適合度");
        let _ = write!(tip, ": {fit} {:.0}%, {}", f * 100.0, l.term(rd));
    }
    let _ = writeln!(out, "<g><title>{}</title>", esc(&tip));
    if r.current {
        let _ = writeln!(
            out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"9\" fill=\"none\" \
             stroke=\"#000000\" stroke-width=\"1.5\"/>",
            p.x - 4.0,
            p.y - 4.0,
            NODE_W + 8.0,
            NODE_H + 8.0
        );
    }
    let _ = writeln!(
        out,
        "<rect x=\"{}\" y=\"{}\" width=\"{NODE_W}\" height=\"{NODE_H}\" rx=\"6\" fill=\"{}\" \
         stroke=\"{stroke}\" stroke-width=\"{sw}\"/>",
        p.x, p.y, r.fill
    );
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>",
        p.x + NODE_W / 2.0,
        p.y + NODE_H / 2.0 + 4.0,
        esc(&g.label(r))
    );
}

fn legend(out: &mut String, g: &GraphView, y: f64) {
    let l = g.lang;
    let mut x = 16.0;
    let item = |out: &mut String, x: &mut f64, swatch: String, label: &str| {
        out.push_str(&swatch);
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" fill=\"#333333\">{}</text>",
            *x + 34.0,
            y + 14.0,
            esc(label)
        );
        *x += 34.0 + label.width() as f64 * 6.6 + 24.0;
    };
    if g.profile.is_some() {
        let _ = writeln!(
            out,
            "<defs><linearGradient id=\"fit\"><stop offset=\"0\" stop-color=\"{}\"/>\
             <stop offset=\"0.5\" stop-color=\"{}\"/><stop offset=\"1\" stop-color=\"{}\"/>\
             </linearGradient></defs>",
            colour::fit(0.0),
            colour::fit(0.5),
            colour::fit(1.0)
        );
        let s = format!(
            "<rect x=\"{x}\" y=\"{}\" width=\"28\" height=\"16\" fill=\"url(#fit)\"/>\n",
            y + 2.0
        );
        item(
            out,
            &mut x,
            s,
            l.msg("fill: fit 0% → 100%", "塗り: 適合度 0% → 100%"),
        );
        let s = format!(
            "<rect x=\"{}\" y=\"{}\" width=\"24\" height=\"14\" rx=\"4\" fill=\"none\" \
             stroke=\"#000000\" stroke-width=\"1.5\"/>\n",
            x + 2.0,
            y + 3.0
        );
        item(out, &mut x, s, l.msg("current role", "現在の職種"));
    } else {
        let s = format!(
            "<rect x=\"{x}\" y=\"{}\" width=\"28\" height=\"16\" fill=\"{}\"/>\n",
            y + 2.0,
            colour::family(0)
        );
        item(
            out,
            &mut x,
            s,
            l.msg("fill: the role's family", "塗り: 職種の系統"),
        );
    }
    let line = |dash: &str, colour: &str, w: f64, x: f64| {
        format!(
            "<line x1=\"{x}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{colour}\" \
             stroke-width=\"{w}\"{dash}/>\n",
            y + 10.0,
            x + 28.0,
            y + 10.0
        )
    };
    let s = line("", "#8a8a8a", 1.5, x);
    item(out, &mut x, s, l.msg("move", "移動"));
    let s = line(" stroke-dasharray=\"5 4\"", "#8a8a8a", 1.5, x);
    item(out, &mut x, s, l.msg("career change", "キャリアチェンジ"));
    if g.route.is_some() {
        let s = line("", colour::ROUTE, 3.5, x);
        item(out, &mut x, s, l.msg("best route", "最適ルート"));
    }
    let note = l.msg(
        "Moving right is moving up in seniority. Drawn by careergraph graph --format svg.",
        "右へ進むほど職位レベルが上がります。careergraph graph --format svg で描画。",
    );
    let _ = writeln!(
        out,
        "<text x=\"16\" y=\"{}\" fill=\"#777777\" font-size=\"11\">{note}</text>",
        y + 44.0
    );
}

/// A cubic curve between two roles: right side to left side when moving right, left to right
/// when moving left, and a bulge to the right within one column.
fn curve(a: Place, b: Place) -> String {
    let mid = |p: Place| p.y + NODE_H / 2.0;
    let (x1, x2, c1, c2) = if b.col > a.col {
        let (x1, x2) = (a.x + NODE_W, b.x);
        let dx = (x2 - x1) / 2.0;
        (x1, x2, x1 + dx, x2 - dx)
    } else if b.col < a.col {
        let (x1, x2) = (a.x, b.x + NODE_W);
        let dx = (x1 - x2) / 2.0;
        (x1, x2, x1 - dx, x2 + dx)
    } else {
        let x = a.x + NODE_W;
        (x, x, x + 40.0, x + 40.0)
    };
    format!(
        "M{x1} {} C{c1} {} {c2} {} {x2} {}",
        mid(a),
        mid(a),
        mid(b),
        mid(b)
    )
}

fn marker(id: &str, colour: &str) -> String {
    format!(
        "<marker id=\"{id}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" \
         markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0 L10 5 L0 10 z\" \
         fill=\"{colour}\"/></marker>"
    )
}
