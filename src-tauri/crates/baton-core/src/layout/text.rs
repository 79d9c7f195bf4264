//! Approximate, deterministic text measurement and wrapping for card titles.
//!
//! No font is loaded: each character counts as a fraction of an average width by its class
//! (narrow, regular, capital, wide, full-width). The UI and the exporters draw with a sans face
//! close to these proportions, so a wrapped line fits its card in either.

use super::LayoutStyle;

/// The width class of one character, relative to the average character width.
fn relative_width(c: char) -> f32 {
    match c {
        'i' | 'l' | 'j' | 't' | 'f' | 'r' | 'I' | '.' | ',' | ';' | ':' | '!' | '|' | '\''
        | '`' | '(' | ')' | '[' | ']' | ' ' => 0.6,
        'm' | 'w' | 'M' | 'W' | '@' | '%' => 1.6,
        c if c.is_uppercase() => 1.25,
        // CJK, Hangul, full-width forms and emoji take about a full em.
        '\u{1100}'..='\u{115F}'
        | '\u{2E80}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{1F300}'..='\u{1FAFF}' => 1.8,
        _ => 1.0,
    }
}

/// The width of one character in map units at the style's font size.
pub fn char_width(c: char, style: &LayoutStyle) -> f32 {
    relative_width(c) * style.char_width_factor * style.font_size
}

/// The approximate width of `text` in map units at the style's font size.
pub fn text_width(text: &str, style: &LayoutStyle) -> f32 {
    text.chars().map(|c| char_width(c, style)).sum()
}

const ELLIPSIS: char = '…';

/// A card title wrapped to the card's text width: at most `max_title_lines` lines; when the title
/// does not fit, the last line ends with an ellipsis and `clipped` is set.
#[derive(Debug, Clone, PartialEq)]
pub struct WrappedTitle {
    pub lines: Vec<String>,
    pub clipped: bool,
}

/// Greedy word wrap; a word wider than a whole line is broken between characters.
pub fn wrap_title(title: &str, available: f32, style: &LayoutStyle) -> WrappedTitle {
    let max_lines = style.max_title_lines.max(1) as usize;
    let mut lines = Lines {
        done: Vec::with_capacity(max_lines),
        current: String::new(),
        current_width: 0.0,
        max_lines,
        full: false,
    };
    let space = char_width(' ', style);
    for word in title.split_whitespace() {
        let word_width = text_width(word, style);
        if lines.current.is_empty() {
            lines.place_word(word, word_width, available, style);
        } else if lines.current_width + space + word_width <= available {
            lines.current.push(' ');
            lines.current.push_str(word);
            lines.current_width += space + word_width;
        } else if lines.break_line() {
            lines.place_word(word, word_width, available, style);
        }
        if lines.full {
            break;
        }
    }
    let clipped = lines.full;
    if !lines.current.is_empty() && !clipped {
        lines.done.push(std::mem::take(&mut lines.current));
    }
    let mut done = lines.done;
    if clipped {
        if let Some(last) = done.last_mut() {
            ellipsize(last, available, style);
        }
    }
    WrappedTitle {
        lines: done,
        clipped,
    }
}

struct Lines {
    done: Vec<String>,
    current: String,
    current_width: f32,
    max_lines: usize,
    /// Content remains but every line is used.
    full: bool,
}

impl Lines {
    /// Ends the current line; false (and `full`) when it was the last line allowed.
    fn break_line(&mut self) -> bool {
        if self.done.len() + 1 >= self.max_lines {
            self.done.push(std::mem::take(&mut self.current));
            self.full = true;
            return false;
        }
        self.done.push(std::mem::take(&mut self.current));
        self.current_width = 0.0;
        true
    }

    /// Puts `word` at the start of the (empty) current line, breaking it if it is too wide.
    fn place_word(&mut self, word: &str, word_width: f32, available: f32, style: &LayoutStyle) {
        if word_width <= available {
            self.current.push_str(word);
            self.current_width = word_width;
            return;
        }
        for c in word.chars() {
            let width = char_width(c, style);
            if self.current_width + width > available
                && !self.current.is_empty()
                && !self.break_line()
            {
                return;
            }
            self.current.push(c);
            self.current_width += width;
        }
    }
}

/// Ends `line` with an ellipsis, dropping characters until it fits.
fn ellipsize(line: &mut String, available: f32, style: &LayoutStyle) {
    let ellipsis = char_width(ELLIPSIS, style);
    let mut width = text_width(line, style);
    while width + ellipsis > available {
        match line.pop() {
            Some(c) => width -= char_width(c, style),
            None => break,
        }
    }
    let kept = line.trim_end().len();
    line.truncate(kept);
    line.push(ELLIPSIS);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style() -> LayoutStyle {
        LayoutStyle::default()
    }

    fn available() -> f32 {
        let s = style();
        s.card_width - 2.0 * s.card_padding
    }

    #[test]
    fn short_title_stays_on_one_line() {
        let wrapped = wrap_title("Calls the bank", available(), &style());
        assert_eq!(wrapped.lines, vec!["Calls the bank".to_owned()]);
        assert!(!wrapped.clipped);
    }

    #[test]
    fn every_line_fits_and_no_word_is_lost_when_it_fits() {
        let title =
            "Agent verifies the customer's identity and transfers the case to the cards team";
        let wrapped = wrap_title(title, available(), &style());
        assert!(wrapped.lines.len() > 1);
        assert!(!wrapped.clipped);
        for line in &wrapped.lines {
            assert!(text_width(line, &style()) <= available(), "{line}");
        }
        assert_eq!(wrapped.lines.join(" "), title);
    }

    #[test]
    fn long_title_is_clipped_to_max_lines_with_an_ellipsis() {
        let title = "word ".repeat(80);
        let wrapped = wrap_title(&title, available(), &style());
        assert_eq!(wrapped.lines.len(), 4);
        assert!(wrapped.clipped);
        let last = wrapped.lines.last().unwrap();
        assert!(last.ends_with(ELLIPSIS));
        assert!(text_width(last, &style()) <= available());
    }

    #[test]
    fn a_word_wider_than_the_card_is_broken() {
        let title = "x".repeat(60);
        let wrapped = wrap_title(&title, available(), &style());
        assert!(wrapped.lines.len() > 1);
        assert_eq!(wrapped.lines.concat(), title);
        for line in &wrapped.lines {
            assert!(text_width(line, &style()) <= available());
        }
    }

    #[test]
    fn wide_glyphs_measure_wider_than_narrow_ones() {
        assert!(text_width("WWWW", &style()) > text_width("iiii", &style()));
        assert!(text_width("日本", &style()) > text_width("ab", &style()));
    }
}
