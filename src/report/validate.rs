//! Rendering of `validate`.

use serde::Serialize;

use super::Options;
use super::paint::Paint;
use crate::diagnostics::Diagnostic;
use crate::knowledge::KnowledgeBase;
use crate::lang::Lang;

/// The origin `validate` names when it checks the knowledge base shipped inside the binary.
pub const BUILTIN: &str = "the built-in knowledge base";

/// What a knowledge base holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Roles.
    pub roles: usize,
    /// Skills.
    pub skills: usize,
    /// Certifications.
    pub certifications: usize,
    /// Transitions.
    pub transitions: usize,
    /// Rules of thumb.
    pub rules: usize,
    /// Income figures.
    pub incomes: usize,
    /// Entries of the source registry (0 without one).
    pub sources: usize,
}

impl Counts {
    /// Counts a knowledge base.
    pub fn of(kb: &KnowledgeBase) -> Self {
        Self {
            roles: kb.roles.len(),
            skills: kb.skills.len(),
            certifications: kb.certifications.len(),
            transitions: kb.transitions.len(),
            rules: kb.rules.len(),
            incomes: kb.roles.iter().map(|r| r.incomes.len()).sum(),
            sources: kb.sources.len(),
        }
    }
}

/// The result of `validate`.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    /// What was checked.
    pub origin: String,
    /// Number of files.
    pub files: usize,
    /// Number of errors.
    pub errors: usize,
    /// Number of warnings.
    pub warnings: usize,
    /// Whether the check passed.
    pub ok: bool,
    /// What the knowledge base holds, when it compiled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counts: Option<Counts>,
    /// Every problem, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

/// The one-paragraph summary (diagnostics go to standard error, in English).
pub fn text(s: &Summary, o: Options) -> String {
    let origin = if s.origin == BUILTIN {
        o.lang.msg(BUILTIN, "組み込みの知識ベース")
    } else {
        &s.origin
    };
    let (files, errors, warnings) = (s.files, s.errors, s.warnings);
    let n = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut out = match o.lang {
        Lang::En => format!(
            "{origin}: {}, {}, {}\n",
            n(files, "file", "files"),
            n(errors, "error", "errors"),
            n(warnings, "warning", "warnings")
        ),
        Lang::Ja => format!("{origin}: ファイル{files}件、エラー{errors}件、警告{warnings}件\n"),
    };
    if let Some(c) = s.counts {
        let (r, sk, ce, t, ru, i, so) = (
            c.roles,
            c.skills,
            c.certifications,
            c.transitions,
            c.rules,
            c.incomes,
            c.sources,
        );
        out.push_str(&match o.lang {
            Lang::En => format!(
                "{r} roles, {sk} skills, {ce} certifications, {t} transitions, {ru} rules of thumb, {i} income figures, {}\n",
                n(so, "source", "sources")
            ),
            Lang::Ja => format!(
                "職種{r}件、スキル{sk}件、資格{ce}件、移動{t}件、経験則{ru}件、年収データ{i}件、出典{so}件\n"
            ),
        });
    }
    let verdict = match (s.ok, o.lang) {
        (true, Lang::En) => o.paint(Paint::Good, "ok"),
        (true, Lang::Ja) => o.paint(Paint::Good, "問題なし"),
        (false, Lang::En) => o.paint(Paint::Bad, "FAILED"),
        (false, Lang::Ja) => o.paint(Paint::Bad, "失敗"),
    };
    out.push_str(&verdict);
    out.push('\n');
    out
}
