//! Printing: human-readable text by default, pretty JSON for `--json`.
//!
//! Nothing raw from a file reaches the terminal: every line goes through `text`, `notes` or
//! `CliError::report`, which show control characters as escapes (`\e`, `\r`, `\u{9b}`...), so a
//! value cannot move the cursor, retitle the window, colour the screen or rewrite a line. The
//! line breaks the CLI puts between its own lines are kept; a line break inside a value is shown
//! as `\n` by `shown`, which commands use for every user value they format (names, labels,
//! paths, CSV values), and which also cuts a long value to `MAX_SHOWN_CHARS` characters and `…`.
//! JSON stays whole and valid: serde escapes C0 controls already; the C1 ones are escaped here.
//!
//! A closed pipe (`baton history f.baton | head -1`) is not an error: the reader has what it
//! wanted, so the write is dropped silently.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;

use serde::Serialize;

use crate::error::CliError;

/// The most characters of one user value shown in text output.
pub const MAX_SHOWN_CHARS: usize = 200;

/// The most characters of one printed text line: a safety net behind `shown`, long enough for
/// any line the CLI builds from shortened values.
pub const MAX_LINE_CHARS: usize = 2000;

/// Writes `text` to stdout, control characters (other than its line breaks) escaped and each
/// line cut to `MAX_LINE_CHARS`.
pub fn text(text: &str) -> Result<(), CliError> {
    write_stdout(&terminal_safe(text))
}

/// The report of an edit already committed to the file. A failure to print it (stdout closed or
/// full) is told on stderr, and the command still succeeds (exit 0): the edit was made, and a
/// script that retried on exit 1 would make it twice (or undo twice).
pub fn announce(printed: Result<(), CliError>) -> Result<(), CliError> {
    if let Err(error) = printed {
        notes(&format!(
            "warning: the change is saved, but its report could not be printed: {error}\n"
        ));
    }
    Ok(())
}

/// Writes JSON text to stdout whole (C1 controls escaped, as `escape_c1_in_json`).
pub fn json_text(json: &str) -> Result<(), CliError> {
    write_stdout(&escape_c1_in_json(json))
}

/// Writes `value` to stdout as pretty JSON and a newline, whole.
pub fn json<T: Serialize + ?Sized>(value: &T) -> Result<(), CliError> {
    let mut rendered = serde_json::to_string_pretty(value)
        .map_err(|error| CliError::new(format!("cannot render JSON: {error}")))?;
    rendered.push('\n');
    write_stdout(&escape_c1_in_json(&rendered))
}

fn write_stdout(text: &str) -> Result<(), CliError> {
    let mut stdout = io::stdout().lock();
    let written = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
    match written {
        Err(error) if error.kind() != io::ErrorKind::BrokenPipe => {
            Err(CliError::new(format!("cannot write to stdout: {error}")))
        }
        _ => Ok(()),
    }
}

/// "1 step", "3 steps".
pub fn count(n: usize, singular: &str, plural: &str) -> String {
    if n == 1 {
        format!("1 {singular}")
    } else {
        format!("{n} {plural}")
    }
}

/// Writes `text` to stderr (escaped and cut as `text` does): notes that accompany a result or an
/// error (rejected rows...). A failure to write there has nowhere to be reported, so it is
/// dropped.
pub fn notes(text: &str) {
    let mut stderr = io::stderr().lock();
    let _ = stderr
        .write_all(terminal_safe(text).as_bytes())
        .and_then(|()| stderr.flush());
}

/// A user value as text output shows it: control characters escaped (a line break too, so a
/// value never starts a line of its own) and cut to `MAX_SHOWN_CHARS` characters and `…`.
pub fn shown(value: &str) -> String {
    let mut out = String::with_capacity(value.len().min(MAX_SHOWN_CHARS * 4));
    for (taken, c) in value.chars().enumerate() {
        if taken == MAX_SHOWN_CHARS {
            out.push('…');
            break;
        }
        push_escaped(&mut out, c);
    }
    out
}

/// A text the CLI prints whole (a suggestion's reason...) but that may quote user values: every
/// control character escaped, a line break too, so it stays one line.
pub fn one_line(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    value.chars().for_each(|c| push_escaped(&mut out, c));
    out
}

/// A path, as `shown`.
pub fn path(path: &Path) -> String {
    shown(&path.display().to_string())
}

/// `text` with every control character but `\n` escaped, each line cut to `MAX_LINE_CHARS`.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    let clean = !text.chars().any(needs_escape) && text.lines().all(|l| l.len() <= MAX_LINE_CHARS);
    if clean {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len().min(1 << 20));
    let mut on_line = 0usize;
    for c in text.chars() {
        if c == '\n' {
            out.push('\n');
            on_line = 0;
            continue;
        }
        if on_line == MAX_LINE_CHARS {
            out.push('…');
        }
        on_line = on_line.saturating_add(1);
        if on_line <= MAX_LINE_CHARS {
            push_escaped(&mut out, c);
        }
    }
    Cow::Owned(out)
}

/// Control characters (C0, DEL, C1) and the invisible marks that reorder a line on screen
/// (bidirectional overrides and isolates).
fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{1b}' => out.push_str("\\e"),
        c if needs_escape(c) => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
        c => out.push(c),
    }
}

/// serde_json leaves C1 controls (U+0080..U+009F; U+009B starts a terminal command on some
/// terminals) raw. They can only occur inside JSON strings, where `\u00XX` means the same.
pub fn escape_c1_in_json(json: &str) -> Cow<'_, str> {
    let is_c1 = |c: char| ('\u{80}'..='\u{9f}').contains(&c);
    if !json.chars().any(is_c1) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 64);
    for c in json.chars() {
        if is_c1(c) {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shown_escapes_controls_and_line_breaks() {
        assert_eq!(
            shown("a\u{1b}]0;pwned\u{7}\nerror: x\r\u{9b}"),
            "a\\e]0;pwned\\u{7}\\nerror: x\\r\\u{9b}"
        );
        assert_eq!(shown("Über café"), "Über café");
    }

    #[test]
    fn shown_cuts_long_values() {
        let long = "é".repeat(MAX_SHOWN_CHARS + 1);
        let cut = shown(&long);
        assert_eq!(cut.chars().count(), MAX_SHOWN_CHARS + 1);
        assert!(cut.ends_with('…'));
        assert_eq!(
            shown(&"x".repeat(MAX_SHOWN_CHARS)).chars().count(),
            MAX_SHOWN_CHARS
        );
    }

    #[test]
    fn terminal_safe_keeps_line_breaks_and_escapes_the_rest() {
        assert_eq!(terminal_safe("one\ntwo\n"), "one\ntwo\n");
        assert_eq!(terminal_safe("a\u{1b}[31mred\r\n"), "a\\e[31mred\\r\n");
        assert_eq!(terminal_safe("x\u{202e}y"), "x\\u{202e}y");
        let long = format!("{}\nshort\n", "x".repeat(MAX_LINE_CHARS + 10));
        let safe = terminal_safe(&long);
        let lines: Vec<&str> = safe.lines().collect();
        assert_eq!(lines[0].chars().count(), MAX_LINE_CHARS + 1);
        assert_eq!(lines[1], "short");
    }

    #[test]
    fn json_escapes_c1_controls_and_stays_valid() {
        let rendered = serde_json::to_string(&"a\u{9b}b").unwrap();
        let escaped = escape_c1_in_json(&rendered);
        assert_eq!(escaped, "\"a\\u009bb\"");
        let back: String = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, "a\u{9b}b");
    }
}
