//! The language of text output: English or Japanese.
//!
//! The knowledge base carries every name and note in both languages ([`Text`]); this module picks
//! one of them, and holds the words of the interface itself. A message is written where it is
//! used, in both languages at once (`lang.msg("Skill gaps:", "不足スキル:")`), so the two never
//! drift apart and a missing translation cannot compile. The handful of ids that text output
//! shows as words (readiness, kinds of move, employment …) are translated by [`Lang::term`].
//!
//! JSON never depends on the language: it carries ids and both names.
//!
//! The language comes from `--lang`, or else from the locale (see [`Lang::from_env_values`]);
//! reading the environment is the binary's job, so the library stays deterministic.

use clap::ValueEnum;

use crate::knowledge::format::Text;

/// The language text output is written in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, ValueEnum)]
pub enum Lang {
    /// English (the default).
    #[default]
    En,
    /// Japanese (日本語).
    Ja,
}

impl Lang {
    /// The language a locale asks for, in POSIX precedence: the first non-empty one of `LC_ALL`,
    /// `LC_MESSAGES` and `LANG` decides; a value starting with `ja` (`ja_JP.UTF-8`, `ja`) is
    /// Japanese, anything else (`C`, `POSIX`, `en_US.UTF-8`, none set) English.
    pub fn from_env_values(
        lc_all: Option<&str>,
        lc_messages: Option<&str>,
        lang: Option<&str>,
    ) -> Lang {
        let chosen = [lc_all, lc_messages, lang]
            .into_iter()
            .flatten()
            .find(|v| !v.is_empty());
        match chosen {
            Some(v) if v.starts_with("ja") => Lang::Ja,
            _ => Lang::En,
        }
    }

    /// Whether this is Japanese.
    pub fn is_ja(self) -> bool {
        self == Lang::Ja
    }

    /// A message of the interface in this language.
    pub fn msg<'a>(self, en: &'a str, ja: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Ja => ja,
        }
    }

    /// A text of the knowledge base (a name, a note, a reason) in this language.
    pub fn text(self, t: &Text) -> &str {
        self.msg(&t.en, &t.ja)
    }

    /// An id that text output shows as a word (`ready`, `lateral`, `employee` …), in this
    /// language; ids it does not know are shown as they are.
    pub fn term(self, id: &str) -> &str {
        if self == Lang::En {
            return id;
        }
        match id {
            "ready" => "準備完了",
            "stretch" => "挑戦圏",
            "long-term" => "長期",
            "advancement" => "ステップアップ",
            "lateral" => "横移動",
            "career-change" => "キャリアチェンジ",
            "specialisation" => "専門を深める",
            "entry" => "入口",
            "employee" => "会社員",
            "freelance" => "フリーランス",
            "skill" => "スキル",
            "certification" => "資格",
            "held" => "取得済み",
            "not held" => "未取得",
            "listed" => "希望あり",
            "not listed" => "希望なし",
            "none" => "なし",
            "unknown" => "不明",
            "below" => "下回る",
            "above" => "上回る",
            "within" => "範囲内",
            "total" => "通算",
            "management" => "マネジメント",
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn the_first_non_empty_locale_variable_decides() {
        let l = Lang::from_env_values;
        assert_eq!(l(None, None, None), Lang::En);
        assert_eq!(l(None, None, Some("ja_JP.UTF-8")), Lang::Ja);
        assert_eq!(l(Some("ja"), None, Some("en_US.UTF-8")), Lang::Ja);
        assert_eq!(l(Some("C"), None, Some("ja_JP.UTF-8")), Lang::En);
        assert_eq!(l(Some(""), Some("ja_JP.UTF-8"), Some("C")), Lang::Ja);
        assert_eq!(l(Some(""), Some(""), Some("ja_JP.UTF-8")), Lang::Ja);
        assert_eq!(l(None, Some("en_GB.UTF-8"), Some("ja_JP.UTF-8")), Lang::En);
        assert_eq!(l(Some("POSIX"), None, None), Lang::En);
        assert_eq!(l(Some(""), Some(""), Some("")), Lang::En);
    }

    #[test]
    fn terms_and_messages_follow_the_language() {
        assert_eq!(Lang::En.term("long-term"), "long-term");
        assert_eq!(Lang::Ja.term("long-term"), "長期");
        assert_eq!(Lang::Ja.term("sre"), "sre");
        assert_eq!(Lang::Ja.msg("score", "スコア"), "スコア");
    }
}
