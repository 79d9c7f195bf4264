//! User text made harmless for each format that could read it as something else.

use std::borrow::Cow;

/// A cell of user text for CSV: one that a spreadsheet would take for a formula (starting with
/// `=`, `+`, `-`, `@`, tab or carriage return, as OWASP lists) gets a leading apostrophe, which
/// spreadsheets show as text. Everything else is left exactly as it is.
pub fn csv_cell(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

/// User text for a Markdown table cell or paragraph: every character Markdown or HTML could
/// read as syntax is escaped (a backslash, or an entity for `<`, `>` and `&`), line breaks become
/// spaces, so a title can neither break the table nor inject markup.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' | '\t' => out.push(' '),
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '.'
            | '!' | '|' | '~' | '"' | '\'' | '=' | ':' | '$' | '%' | '^' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_looking_cells_become_text() {
        for formula in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(csv_cell(formula), format!("'{formula}"));
        }
        assert_eq!(csv_cell("Plain = fine"), "Plain = fine");
        assert_eq!(csv_cell(""), "");
    }

    #[test]
    fn markdown_syntax_is_escaped() {
        assert_eq!(markdown("a|b"), "a\\|b");
        assert_eq!(markdown("*bold*"), "\\*bold\\*");
        assert_eq!(
            markdown("<script>x</script>"),
            "&lt;script&gt;x&lt;/script&gt;"
        );
        assert_eq!(markdown("line\nbreak"), "line break");
        assert_eq!(markdown("[a](javascript:x)"), "\\[a\\]\\(javascript\\:x\\)");
    }
}
