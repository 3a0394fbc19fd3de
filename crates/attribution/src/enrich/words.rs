//! A light word scanner for lexicon matching inside spans. It does not need
//! the token layer, so enrichment works on any document, and it folds case
//! and curly apostrophes once per word.

use whosaid_core::{Document, Span};

/// Weekday names, lower-cased (time phrases: "on Tuesday", "said Monday").
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Parts of a day, lower-cased ("Tuesday night", "this morning").
pub const DAY_PARTS: &[&str] = &["morning", "afternoon", "evening", "night"];

/// A word with its code-point span and its lowercased form.
#[derive(Debug, Clone)]
pub struct Word {
    pub span: Span,
    pub lower: String,
    /// The word starts with an uppercase letter or a digit.
    pub capitalised: bool,
    /// The word has letters and none of them is lowercase ("FBI", "U.S").
    pub all_caps: bool,
}

/// The words (runs of alphanumerics, inner apostrophes, hyphens and periods
/// of abbreviations) inside `span`.
pub fn words_in(doc: &Document, span: Span) -> Vec<Word> {
    first_words_in(doc, span, usize::MAX)
}

/// The first `max` of [`words_in`] (the scan stops there).
pub fn first_words_in(doc: &Document, span: Span, max: usize) -> Vec<Word> {
    let text = doc.slice(span);
    let mut out = Vec::new();
    let mut start: Option<u32> = None;
    let mut cur = String::new();
    let mut capitalised = false;
    let mut all_caps = true;
    let mut offset = span.start;
    // One character of lookahead (an inner joiner needs an alphanumeric
    // after it), without collecting the span's characters first.
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let inner_joiner = matches!(c, '\'' | '’' | '-' | '.')
            && start.is_some()
            && chars.peek().is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() || inner_joiner {
            if start.is_none() {
                start = Some(offset);
                capitalised = c.is_uppercase() || c.is_numeric();
                all_caps = true;
            }
            if c.is_lowercase() {
                all_caps = false;
            }
            if c == '’' {
                cur.push('\'');
            } else if c.is_ascii() {
                cur.push(c.to_ascii_lowercase());
            } else {
                cur.extend(c.to_lowercase());
            }
        } else if let Some(s) = start.take() {
            out.push(Word {
                span: Span::new(s, offset),
                lower: std::mem::take(&mut cur),
                capitalised,
                all_caps,
            });
            if out.len() >= max {
                return out;
            }
        }
        offset += 1;
    }
    if let Some(s) = start.filter(|_| out.len() < max) {
        out.push(Word {
            span: Span::new(s, offset),
            lower: cur,
            capitalised,
            all_caps,
        });
    }
    out
}

/// Finds `phrase` (lowercase words separated by single spaces) in `words`;
/// returns the index of each match's first word.
pub fn find_phrase(words: &[Word], phrase: &str) -> Vec<usize> {
    // Called for every lexicon phrase on every scanned span: the phrase is
    // split lazily, and only where its first word matches.
    let n = phrase.split(' ').count();
    let first = phrase.split(' ').next().unwrap_or(phrase);
    if n > words.len() {
        return Vec::new();
    }
    (0..=words.len() - n)
        .filter(|&i| {
            words[i].lower == first
                && phrase
                    .split(' ')
                    .enumerate()
                    .skip(1)
                    .all(|(k, p)| words[i + k].lower == p)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_words_with_offsets() {
        let d = Document::new("“U.S. officials’ view,” he said — likely.");
        let w = words_in(&d, Span::new(0, d.char_len()));
        let lowers: Vec<&str> = w.iter().map(|w| w.lower.as_str()).collect();
        assert_eq!(lowers, ["u.s", "officials", "view", "he", "said", "likely"]);
        assert_eq!(d.slice(w[4].span), "said");
        assert_eq!(find_phrase(&w, "he said"), vec![3]);
    }
}
