//! The career graph as text: every role by family with the moves out of it, and the best route.

use super::GraphView;
use crate::report::table;

/// A table of the roles by family, with fits and the best route when asked for.
pub fn render(g: &GraphView) -> String {
    let with_fit = g.profile.is_some();
    let mut header = vec!["family", "role", "name", "seniority"];
    if with_fit {
        header.extend(["fit", "readiness"]);
    }
    header.push("moves out");
    let mut t = table(&header);
    for f in &g.families {
        for r in g.family_roles(&f.id) {
            let mut mark = String::new();
            if r.current {
                mark.push_str(" (current)");
            }
            if r.on_route {
                mark.push_str(" *");
            }
            let mut row = vec![
                f.id.clone(),
                format!("{}{mark}", r.id),
                r.name.en.clone(),
                r.seniority.to_string(),
            ];
            if with_fit {
                row.push(
                    r.fit
                        .map_or(String::new(), |f| format!("{:.0}%", f * 100.0)),
                );
                row.push(r.readiness.unwrap_or_default().to_string());
            }
            let moves = g.transitions.iter().filter(|t| t.from == r.id).count();
            row.push(moves.to_string());
            t.add_row(row);
        }
    }
    let mut out = format!("{}\n\n{t}\n", g.title());
    if let Some(r) = &g.route {
        if r.roles.is_empty() {
            out.push_str(&format!("No route from {} to {}.\n", r.from, r.to));
        } else {
            out.push_str(&format!("* best route: {}\n", r.roles.join(" → ")));
        }
    }
    out.push_str(
        "`careergraph role ID` lists a role's moves. Draw the graph with --format dot \
         (Graphviz), mermaid (GitHub Markdown) or svg (an image).\n",
    );
    out
}
