//! Graphviz DOT: one cluster per family, the best route in thick red.

use std::fmt::Write;

use super::{GraphView, colour};

/// The graph in DOT (render with `dot -Tsvg`).
pub fn render(g: &GraphView) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph careergraph {{");
    let _ = writeln!(
        out,
        "  graph [rankdir=LR, fontname=\"sans-serif\", labelloc=t, label={}];",
        quote(&g.title())
    );
    let _ = writeln!(
        out,
        "  node [shape=box, style=\"rounded,filled\", fontname=\"sans-serif\", fontsize=11];"
    );
    let _ = writeln!(out, "  edge [color=\"#9e9e9e\", arrowsize=0.7];");
    for f in &g.families {
        let roles = g.family_roles(&f.id);
        if roles.is_empty() {
            continue;
        }
        let _ = writeln!(out, "  subgraph {} {{", quote(&format!("cluster_{}", f.id)));
        let _ = writeln!(
            out,
            "    label={}; style=\"rounded\"; color={}; penwidth=2;",
            quote(g.lang.text(&f.name)),
            quote(&f.colour)
        );
        for r in roles {
            let mut attrs = format!("label={}, fillcolor={}", quote(&g.label(r)), quote(&r.fill));
            // The route's red border, else the family's (the fill already is the family's
            // without a profile).
            if r.on_route {
                let _ = write!(attrs, ", color={}, penwidth=3", quote(colour::ROUTE));
            } else if g.profile.is_some() {
                let _ = write!(attrs, ", color={}, penwidth=2", quote(&f.colour));
            }
            if r.current {
                attrs.push_str(", peripheries=2");
            }
            let _ = writeln!(out, "    {} [{attrs}];", quote(&r.id));
        }
        let _ = writeln!(out, "  }}");
    }
    for t in &g.transitions {
        let style = if t.on_route {
            format!(" [color={}, penwidth=3]", quote(colour::ROUTE))
        } else if t.kind == "career-change" {
            " [style=dashed]".to_string()
        } else {
            String::new()
        };
        let _ = writeln!(out, "  {} -> {}{style};", quote(&t.from), quote(&t.to));
    }
    out.push_str("}\n");
    out
}

/// A DOT string literal.
fn quote(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}
