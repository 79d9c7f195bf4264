//! The text of a survey CSV: its encoding, its separator, where its lines start, and a quote
//! left open.

use std::borrow::Cow;

use super::SourceEncoding;

/// 1-based line numbers from byte offsets. The csv reader's own line count skips the empty
/// lines it passes over, so a row after a blank line would be reported a line too early.
pub(super) struct LineCounter<'a> {
    text: &'a [u8],
    byte: usize,
    line: u32,
}

impl<'a> LineCounter<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Self {
            text: text.as_bytes(),
            byte: 0,
            line: 1,
        }
    }

    /// The line on which the record starting at `byte` lies. The reader places a record's
    /// start before the empty lines it skipped, so those are passed over first (a record never
    /// begins with a line ending). Offsets come in file order, so the file is scanned once.
    /// `\n`, `\r\n` and a lone `\r` each end a line.
    pub(super) fn line_at(&mut self, byte: u64) -> u32 {
        let mut target = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while matches!(self.text.get(target), Some(b'\n' | b'\r')) {
            target += 1;
        }
        while self.byte < target {
            let b = self.text[self.byte];
            let lone_cr = b == b'\r' && self.text.get(self.byte + 1) != Some(&b'\n');
            if b == b'\n' || lone_cr {
                self.line = self.line.saturating_add(1);
            }
            self.byte += 1;
        }
        self.line
    }
}

/// The line where a quoted value opens that is still open at the end of the file, if any. The
/// csv reader reads such a value to the end of the file without complaint, so its state machine
/// is followed here: a quote opens a quoted value only at the start of a field; inside one, `""`
/// is a quote, and a lone `"` closes it.
pub(super) fn unterminated_quote(text: &[u8], separator: u8) -> Option<u32> {
    #[derive(Clone, Copy)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted { opened_on: u32 },
        QuoteInQuoted { opened_on: u32 },
    }
    let mut state = State::FieldStart;
    let mut line = 1u32;
    for (at, &byte) in text.iter().enumerate() {
        let lone_cr = byte == b'\r' && text.get(at + 1) != Some(&b'\n');
        let line_break = byte == b'\n' || lone_cr;
        state = match (state, byte) {
            (State::FieldStart, b'"') => State::Quoted { opened_on: line },
            (State::FieldStart | State::Unquoted, _) if byte == separator || line_break => {
                State::FieldStart
            }
            (State::FieldStart | State::Unquoted, b'\r') => state,
            (State::FieldStart | State::Unquoted, _) => State::Unquoted,
            (State::Quoted { opened_on }, b'"') => State::QuoteInQuoted { opened_on },
            (State::Quoted { .. }, _) => state,
            (State::QuoteInQuoted { opened_on }, b'"') => State::Quoted { opened_on },
            (State::QuoteInQuoted { .. }, _) if byte == separator || line_break => {
                State::FieldStart
            }
            (State::QuoteInQuoted { .. }, _) => State::Unquoted,
        };
        if line_break {
            line = line.saturating_add(1);
        }
    }
    match state {
        State::Quoted { opened_on } => Some(opened_on),
        _ => None,
    }
}

/// UTF-16 when the bytes open with its byte-order mark (`FF FE` little-endian, `FE FF`
/// big-endian: Excel's "Unicode text" and some survey tools write it), the mark removed and an
/// unpaired surrogate read as U+FFFD; else UTF-8 when valid (borrowed: a large file is not
/// copied); else Windows-1252.
pub(super) fn decode(bytes: &[u8]) -> (Cow<'_, str>, SourceEncoding) {
    let utf16 = match bytes {
        [0xff, 0xfe, ..] => Some((encoding_rs::UTF_16LE, SourceEncoding::Utf16Le)),
        [0xfe, 0xff, ..] => Some((encoding_rs::UTF_16BE, SourceEncoding::Utf16Be)),
        _ => None,
    };
    if let Some((encoding, source)) = utf16 {
        let (text, _had_errors) = encoding.decode_without_bom_handling(&bytes[2..]);
        return (text, source);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (Cow::Borrowed(text), SourceEncoding::Utf8),
        Err(_) => (
            Cow::Owned(bytes.iter().map(|&b| windows_1252(b)).collect()),
            SourceEncoding::Windows1252,
        ),
    }
}

/// One Windows-1252 byte as a char. 0x80..0x9F hold typographic characters; the five bytes
/// Windows leaves undefined map to the C1 control of the same number, as browsers do.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9f => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// `,`, `;` or a tab: the most frequent outside quotes on the first line (`,` first, then `;`
/// on a tie). Tabs are what Excel's "Unicode text" export separates with.
pub(super) fn detect_separator(text: &str) -> u8 {
    let mut in_quotes = false;
    let (mut commas, mut semicolons, mut tabs) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' | '\r' if !in_quotes => break,
            ',' if !in_quotes => commas += 1,
            ';' if !in_quotes => semicolons += 1,
            '\t' if !in_quotes => tabs += 1,
            _ => {}
        }
    }
    if tabs > commas && tabs > semicolons {
        b'\t'
    } else if semicolons > commas {
        b';'
    } else {
        b','
    }
}
