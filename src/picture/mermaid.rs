//! Mermaid flowchart (GitHub renders it in Markdown): one subgraph per family, the best route in
//! thick red.

use std::fmt::Write;

use super::{GraphView, colour};

/// The graph as a Mermaid flowchart.
pub fn render(g: &GraphView) -> String {
    let mut out = String::new();
    let title = g.title().replace('\\', "\\\\").replace('"', "\\\"");
    let _ = writeln!(out, "---\ntitle: \"{title}\"\n---");
    let _ = writeln!(out, "flowchart LR");
    for f in &g.families {
        let roles = g.family_roles(&f.id);
        if roles.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "  subgraph {}[\"{}\"]",
            family_id(&f.id),
            text(g.lang.text(&f.name))
        );
        for r in roles {
            let shape = if r.current {
                ("([\"", "\"])")
            } else {
                ("[\"", "\"]")
            };
            let _ = writeln!(
                out,
                "    {}{}{}{}",
                node_id(&r.id),
                shape.0,
                text(&g.label(r)),
                shape.1
            );
        }
        let _ = writeln!(out, "  end");
    }
    let mut route_links = Vec::new();
    for (i, t) in g.transitions.iter().enumerate() {
        let arrow = if t.on_route {
            route_links.push(i.to_string());
            "==>"
        } else if t.kind == "career-change" {
            "-.->"
        } else {
            "-->"
        };
        let _ = writeln!(out, "  {} {arrow} {}", node_id(&t.from), node_id(&t.to));
    }
    for f in &g.families {
        let _ = writeln!(
            out,
            "  style {} fill:none,stroke:{},stroke-width:2px",
            family_id(&f.id),
            f.colour
        );
    }
    for r in &g.roles {
        let stroke = if r.on_route {
            format!("stroke:{},stroke-width:3px", colour::ROUTE)
        } else {
            format!("stroke:{}", g.family_colour(&r.family))
        };
        let _ = writeln!(
            out,
            "  style {} fill:{},{stroke},color:#000",
            node_id(&r.id),
            r.fill
        );
    }
    if !route_links.is_empty() {
        let _ = writeln!(
            out,
            "  linkStyle {} stroke:{},stroke-width:4px",
            route_links.join(","),
            colour::ROUTE
        );
    }
    out
}

/// Node ids: prefixed (so no id clashes with a keyword such as `end`) and without hyphens.
fn node_id(id: &str) -> String {
    format!("r_{}", id.replace('-', "_"))
}

fn family_id(id: &str) -> String {
    format!("f_{}", id.replace('-', "_"))
}

/// Label text: Mermaid's entity for a double quote.
fn text(s: &str) -> String {
    s.replace('"', "#quot;")
}
