//! The career graph as text: every role by family with the moves out of it, and the best route.

use super::GraphView;
use crate::lang::Lang;
use crate::report::{Options, table_in};

/// A table of the roles by family, with fits and the best route when asked for.
pub fn render(g: &GraphView, o: Options) -> String {
    let l = g.lang;
    let with_fit = g.profile.is_some();
    let mut header = vec![
        ("family", "系統"),
        ("role", "職種"),
        ("name", "名前"),
        ("seniority", "職位レベル"),
    ];
    if with_fit {
        header.extend([("fit", "適合度"), ("readiness", "準備状況")]);
    }
    header.push(("moves out", "移動先の数"));
    let mut t = table_in(l, &header);
    for f in &g.families {
        for r in g.family_roles(&f.id) {
            let mut mark = String::new();
            if r.current {
                mark.push_str(l.msg(" (current)", " (現在)"));
            }
            if r.on_route {
                mark.push_str(" *");
            }
            let mut row = vec![
                f.id.clone(),
                format!("{}{mark}", r.id),
                l.text(&r.name).to_string(),
                r.seniority.to_string(),
            ];
            if with_fit {
                row.push(
                    r.fit
                        .map_or(String::new(), |f| format!("{:.0}%", f * 100.0)),
                );
                row.push(l.term(r.readiness.unwrap_or_default()).to_string());
            }
            let moves = g.transitions.iter().filter(|t| t.from == r.id).count();
            row.push(moves.to_string());
            t.add_row(row);
        }
    }
    let readiness = with_fit.then_some(5);
    // Narrow: the seniority, then the name, go first (the id stays: it is what a user types).
    let table = o.fitted_table(&t, &[3, 2], readiness, o.readiness_cell());
    let mut out = format!("{}\n\n{table}\n", o.heading(&g.title()));
    if let Some(r) = &g.route {
        let (from, to) = (&r.from, &r.to);
        out.push_str(&match (r.roles.is_empty(), l) {
            (true, Lang::En) => format!("No route from {from} to {to}.\n"),
            (true, Lang::Ja) => format!("{from} から {to} へのルートはありません。\n"),
            (false, Lang::En) => format!("* best route: {}\n", r.roles.join(" → ")),
            (false, Lang::Ja) => format!("* 最適ルート: {}\n", r.roles.join(" → ")),
        });
    }
    out.push_str(l.msg(
        "`careergraph role ID` lists a role's moves. Draw the graph with --format dot \
         (Graphviz), mermaid (GitHub Markdown) or svg (an image).\n",
        "`careergraph role ID` で職種の移動先を一覧できます。--format dot (Graphviz)、\
         mermaid (GitHub Markdown)、svg (画像) で図にできます。\n",
    ));
    out
}
