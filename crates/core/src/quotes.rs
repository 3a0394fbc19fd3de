//! Which tokens are quotation marks.
//!
//! Double marks always are. Single marks (' ‘ ’) are apostrophes far more
//! often than quotes, yet headlines everywhere ("Trump: 'I will win'") and
//! British and Commonwealth copy ("'It sounded like a freight train,' said
//! Gwen Morris") quote in them. So a single mark counts only in a paragraph
//! without double marks (inside one, singles are quotes within quotes), and
//! only as one of a pair: an opening-shaped mark (after a space, before a
//! word) closed by a closing-shaped one (after a word, before a space or
//! punctuation). Possessives ("the players' union", tagged POS), decades
//! ("the '90s") and unpaired elisions stay apostrophes. A paragraph that
//! opens with a single mark never closed is a quotation running on into
//! the next paragraph, as with double marks; so does one opening a
//! sentence and left open.

use crate::{Document, Span, Xpos};
use std::borrow::Cow;
use std::ops::Range;

/// How a token works as a quotation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteMark {
    /// Opens a quotation (“, ``, „, or a paired single mark).
    Open,
    /// Closes one (”, '', or a paired single mark).
    Close,
    /// A straight double quote: opens when none is open, else closes.
    Toggle,
}

impl QuoteMark {
    /// What a double mark does by its text alone (`"`, “, ”, ``, '', „);
    /// `None` for any other word.
    pub fn of_double(word: &str) -> Option<QuoteMark> {
        match word {
            "\"" => Some(QuoteMark::Toggle),
            "“" | "``" | "„" => Some(QuoteMark::Open),
            "”" | "''" => Some(QuoteMark::Close),
            _ => None,
        }
    }
}

/// A quotation mark with `before` just before it (`None`: the text's start)
/// is placed to open one: after a space, a bracket or a dash.
pub fn opening_side(before: Option<char>) -> bool {
    before.is_none_or(|c| c.is_whitespace() || "([{—–-/".contains(c))
}

/// A quotation mark with `after` just after it (`None`: the text's end) is
/// placed to close one: before a space, punctuation, a bracket or a dash.
pub fn closing_side(after: Option<char>) -> bool {
    after.is_none_or(|c| c.is_whitespace() || ".,;:!?)]}—–-".contains(c))
}

/// The quotation marks among the tokens `range` of `doc`, one paragraph:
/// entry `k` is for token `range.start + k`.
pub fn quotation_marks(doc: &Document, range: Range<usize>) -> Vec<Option<QuoteMark>> {
    let range = range.start.min(doc.tokens.len())..range.end.min(doc.tokens.len());
    let text = &doc.text;
    let idx = doc.index();
    let before = |i: usize| {
        let start = idx.byte(doc.tokens[i].span.start);
        text[..start].chars().next_back()
    };
    let after = |i: usize| {
        let end = idx.byte(doc.tokens[i].span.end);
        text[end..].chars().next()
    };
    let word = |i: usize| doc.slice(doc.tokens[i].span);
    let mut marks: Vec<Option<QuoteMark>> = vec![None; range.len()];
    let mut i = range.start;
    while i < range.end {
        let k = i - range.start;
        let mark = match word(i) {
            // Typewriter doubles split in two tokens (''We're in a
            // bubble,'' as the New York Times archive writes quotes).
            "'" if i + 1 < range.end
                && word(i + 1) == "'"
                && doc.tokens[i].span.end == doc.tokens[i + 1].span.start =>
            {
                let mark = if opening_side(before(i)) {
                    QuoteMark::Open
                } else {
                    QuoteMark::Close
                };
                marks[k + 1] = Some(mark);
                i += 1;
                Some(mark)
            }
            w => QuoteMark::of_double(w),
        };
        marks[k] = mark;
        i += 1;
    }
    if marks.iter().any(Option::is_some) {
        return marks;
    }
    let mut open: Option<usize> = None;
    for i in range.clone() {
        let word = word(i);
        if !matches!(word, "'" | "‘" | "’") {
            continue;
        }
        let (prev, next) = (before(i), after(i));
        // A possessive follows a letter ("the players' union"); after a
        // full stop the tagger's POS is a guess ("for families.'").
        if doc.tokens[i].xpos == Xpos::Pos && prev.is_some_and(char::is_alphabetic) {
            continue;
        }
        let opens = word != "’"
            && opening_side(prev)
            && next.is_some_and(|c| !c.is_whitespace() && !c.is_ascii_digit());
        let closes = word != "‘" && prev.is_some_and(|c| !c.is_whitespace()) && closing_side(next);
        if closes {
            if let Some(o) = open.take() {
                marks[o - range.start] = Some(QuoteMark::Open);
                marks[i - range.start] = Some(QuoteMark::Close);
            }
        } else if opens && open.is_none() {
            open = Some(i);
        }
    }
    // Left open at the paragraph's end: a quotation running on, when it
    // opens the paragraph or a sentence ("he said. 'We will appeal.").
    if let Some(o) = open {
        let start = idx.byte(doc.tokens[o].span.start);
        let opens_sentence = text[idx.byte(doc.tokens[range.start].span.start)..start]
            .trim_end()
            .chars()
            .next_back()
            .is_none_or(|c| matches!(c, '.' | '!' | '?' | ':'));
        if opens_sentence {
            marks[o - range.start] = Some(QuoteMark::Open);
        }
    }
    marks
}

/// The text of `span` with its single quotation marks written as the curly
/// doubles they stand for (‘It’s over,’ → “It’s over,”; a split '' → one
/// mark), so text tests written for double marks read every quotation.
/// Apostrophes stay; without single marks or tokens the text is as it is.
pub fn quoted_text(doc: &Document, span: Span) -> Cow<'_, str> {
    let text = doc.slice(span);
    if !text.contains(['\'', '‘', '’']) || doc.tokens.is_empty() {
        return Cow::Borrowed(text);
    }
    // Paragraphs are sorted: a binary search finds the one holding the span.
    let p = doc.paragraphs.partition_point(|p| p.end <= span.start);
    let paragraph = doc
        .paragraphs
        .get(p)
        .filter(|p| p.start <= span.start)
        .copied()
        .unwrap_or(Span::new(0, doc.char_len()));
    let first = doc.token_at_or_after(paragraph.start);
    let end = doc.token_at_or_after(paragraph.end);
    let marks = quotation_marks(doc, first..end);
    let mut out = String::with_capacity(text.len());
    let mut at = span.start;
    let mut previous: Option<(Span, QuoteMark)> = None;
    for (mark, token) in marks.iter().zip(&doc.tokens[first..end]) {
        let (Some(mark), true) = (mark, span.contains(&token.span)) else {
            continue;
        };
        if !matches!(doc.slice(token.span), "'" | "‘" | "’") {
            continue;
        }
        out.push_str(doc.slice(Span::new(at, token.span.start)));
        // The second half of a split '' adds nothing.
        let split_half = previous.is_some_and(|(p, m)| p.end == token.span.start && m == *mark);
        if !split_half {
            out.push(if *mark == QuoteMark::Close {
                '”'
            } else {
                '“'
            });
        }
        previous = Some((token.span, *mark));
        at = token.span.end;
    }
    if at == span.start {
        return Cow::Borrowed(text);
    }
    out.push_str(doc.slice(Span::new(at, span.end)));
    Cow::Owned(out)
}

/// Whether a quotation mark stands within `span`: a double mark anywhere in
/// its text, or a single one that quotes in its paragraph.
pub fn quotes_within(doc: &Document, span: Span) -> bool {
    let text = quoted_text(doc, span);
    text.contains(['"', '“', '”', '„', '«', '»']) || text.contains("''")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Span, Token};

    /// A document of whitespace- and punctuation-split tokens, one paragraph;
    /// tokens listed in `possessive` are tagged POS.
    fn doc(text: &str, possessive: &[usize]) -> Document {
        let mut d = Document::new(text);
        let chars: Vec<char> = text.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if chars[i].is_whitespace() {
                i += 1;
                continue;
            }
            let start = i;
            if chars[i].is_alphanumeric() {
                while i < chars.len() && chars[i].is_alphanumeric() {
                    i += 1;
                }
            } else {
                i += 1;
            }
            d.tokens.push(Token {
                span: Span::new(start as u32, i as u32),
                ..Default::default()
            });
        }
        for &k in possessive {
            d.tokens[k].xpos = Xpos::Pos;
        }
        d
    }

    fn quoted(d: &Document) -> Vec<(&str, QuoteMark)> {
        quotation_marks(d, 0..d.tokens.len())
            .into_iter()
            .enumerate()
            .filter_map(|(i, m)| m.map(|m| (d.token_text(i), m)))
            .collect()
    }

    #[test]
    fn paired_single_marks_quote_where_no_double_mark_does() {
        use QuoteMark::*;
        let d = doc(
            "'It sounded like a train,' said Gwen. ‘We lost it all.’",
            &[],
        );
        assert_eq!(
            quoted(&d),
            [("'", Open), ("'", Close), ("‘", Open), ("’", Close)]
        );
    }

    #[test]
    fn apostrophes_are_not_quotation_marks() {
        // players' (POS), the '90s, and an elision never closed.
        let d = doc("The players' union said the '90s were 'orrible.", &[2]);
        assert_eq!(quoted(&d), []);
    }

    #[test]
    fn single_marks_inside_double_quotes_are_nested_not_counted() {
        let d = doc("\"He said 'no' to us,\" she said.", &[]);
        let marks = quoted(&d);
        assert_eq!(marks.len(), 2);
        assert!(marks.iter().all(|(w, _)| *w == "\""));
    }

    #[test]
    fn typewriter_doubles_split_in_two_tokens_are_double_marks() {
        use QuoteMark::*;
        let d = doc(
            "He said, ''We're in a 'bubble,'' adding ''it is bad.''",
            &[],
        );
        assert_eq!(
            quoted(&d),
            [
                ("'", Open),
                ("'", Open),
                ("'", Close),
                ("'", Close),
                ("'", Open),
                ("'", Open),
                ("'", Close),
                ("'", Close)
            ]
        );
    }

    #[test]
    fn quoted_text_writes_quoting_single_marks_as_doubles() {
        let all = |d: &Document| quoted_text(d, Span::new(0, d.char_len())).into_owned();
        let d = doc("'It is over,' he said of the players' union.", &[8]);
        assert_eq!(all(&d), "“It is over,” he said of the players' union.");
        assert!(quotes_within(&d, Span::new(0, 14)));
        assert!(!quotes_within(&d, Span::new(15, 40)));
        let d = doc("He said ''the end.''", &[]);
        assert_eq!(all(&d), "He said “the end.”");
    }

    #[test]
    fn an_unclosed_single_mark_opening_the_paragraph_runs_on() {
        let d = doc("'We were told to leave. Then the water came.", &[]);
        assert_eq!(quoted(&d), [("'", QuoteMark::Open)]);
        // Not when it opens mid-paragraph.
        let d = doc("He called it 'a disgrace and left.", &[]);
        assert_eq!(quoted(&d), []);
    }
}
