//! HTML escaping: every piece of text the page shows goes through [`escape`], so a profile name
//! (user input) can never become markup.

/// Text made safe for HTML element content and quoted attribute values: `&`, `<`, `>`, `"` and
/// `'` become character references.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn plain_text_and_japanese_pass_through() {
        assert_eq!(escape("Sato 佐藤 (4 years)"), "Sato 佐藤 (4 years)");
        assert_eq!(escape(""), "");
    }

    #[test]
    fn markup_and_quotes_are_neutralised() {
        assert_eq!(
            escape("<script>alert('x')</script>"),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"
        );
        assert_eq!(
            escape(r#"" onload="alert(1)"#),
            "&quot; onload=&quot;alert(1)"
        );
        assert_eq!(escape("R&D <b>"), "R&amp;D &lt;b&gt;");
    }

    #[test]
    fn existing_references_are_escaped_again() {
        // Text is text: "&amp;" typed by a user shows as "&amp;", not "&".
        assert_eq!(escape("&amp;&#39;"), "&amp;amp;&amp;#39;");
    }

    #[test]
    fn escaped_text_has_no_markup_characters() {
        let hostile = "</style><img src=x onerror=alert(1)>\"'&<!-- ]]> \u{0}";
        let e = escape(hostile);
        assert!(!e.contains(['<', '>', '"', '\'']), "{e}");
    }
}
