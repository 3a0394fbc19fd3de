//! Tokenizer, sentence splitter and paragraphs.
//!
//! One pass over the characters of each body span (boilerplate is skipped)
//! gives UD-style tokens with code-point offsets: clitics split ("don't" →
//! do + n't, "Clinton's" → Clinton + 's), abbreviations and initials keep
//! their period ("U.S.", "Sen.", "J."), numbers keep their separators
//! ("1,000.5"), URLs, e-mails, @handles and #hashtags stay whole, "..." and
//! dashes are single tokens. Sentences end at . ! ? … with any closing
//! quotes and brackets ("…dopes.”"), never inside a paragraph break, and a
//! headline line ends its sentence without punctuation.

use crate::boundary::BoundaryModel;
use whosaid_core::{Document, Sentence, Span, Stage, StageError, Token};

/// The "segment" stage: paragraphs, tokens and sentences.
///
/// [`Segmenter::new`] splits sentences by rules alone; [`Segmenter::english`]
/// lets the embedded boundary model ([`crate::boundary`]) take the final
/// decision at each gap, reading the rules' decision as one of its features.
#[derive(Debug, Default, Clone)]
pub struct Segmenter {
    boundaries: Option<BoundaryModel>,
}

impl Segmenter {
    /// Rules only.
    pub fn new() -> Self {
        Segmenter::default()
    }

    /// Rules plus the embedded English sentence-boundary model.
    pub fn english() -> Result<Self, crate::boundary::BoundaryError> {
        Ok(Segmenter::with_model(BoundaryModel::english()?))
    }

    /// Rules plus `model`.
    pub fn with_model(model: BoundaryModel) -> Self {
        Segmenter {
            boundaries: Some(model),
        }
    }

    /// Segments `doc`: fills `paragraphs`, `tokens` and `sentences` (replacing any).
    pub fn segment(&self, doc: &mut Document) {
        segment_with(doc, self.boundaries.as_ref());
    }
}

impl Stage for Segmenter {
    fn name(&self) -> &'static str {
        "segment"
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        self.segment(doc);
        Ok(())
    }
}

/// Titles and honorifics: a period after them never ends a sentence.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "sens", "rep", "reps", "gov", "govs", "gen", "lt", "col",
    "sgt", "capt", "cmdr", "adm", "maj", "prof", "rev", "hon", "st", "mt", "ft", "pres", "supt",
    "atty", "messrs", "amb", "no", "nos", "vs", "v", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "fig", "op", "ave",
];

/// Other abbreviations that keep their period; they end a sentence only
/// when a clear sentence start follows.
const OTHER_ABBREVIATIONS: &[&str] = &[
    "jr", "sr", "inc", "corp", "co", "ltd", "llc", "bros", "etc", "dept", "univ", "assn", "est",
    "approx", "blvd", "mass", "calif", "fla", "ill", "tenn", "wash", "ariz", "colo", "conn", "ga",
    "ky", "la", "md", "mich", "minn", "miss", "mo", "nev", "okla", "ore", "pa", "va", "wis", "wyo",
    "ala", "ark", "del", "kan", "neb", "vt", "tex",
];

/// Words that start sentences after an abbreviation ("…in the U.S. The …").
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "A",
    "This",
    "That",
    "There",
    "His",
    "Her",
    "Their",
    "On",
    "At",
    "For",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "According",
    "Meanwhile",
    "However",
];

const CLOSERS: &[char] = &['”', '"', '’', '\'', ')', ']', '»'];
/// A quotation mark that can open a quotation (straight, curly, guillemet,
/// or a PTB-style backtick).
pub(crate) fn opens_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '`' | '«')
}

/// A character that can open a sentence before its first word: an opening
/// quotation mark or bracket.
fn opens_sentence(c: char) -> bool {
    opens_quote(c) || matches!(c, '(' | '[')
}

/// Segments `doc` by rules alone (no boundary model): fills `paragraphs`,
/// `tokens` and `sentences` (replacing any).
pub fn segment(doc: &mut Document) {
    segment_with(doc, None);
}

fn segment_with(doc: &mut Document, model: Option<&BoundaryModel>) {
    let chars: Vec<char> = doc.text.chars().collect();
    let mut paragraphs: Vec<Span> = Vec::new();
    let mut tokens: Vec<Token> = Vec::new();
    let mut sentences: Vec<Sentence> = Vec::new();
    let mut ends: Vec<bool> = Vec::new();
    for body in doc.body_spans() {
        for para in paragraph_spans(&chars, body) {
            let first = tokens.len();
            tokenize(&chars, para, &mut tokens);
            if tokens.len() == first {
                continue;
            }
            let p = paragraphs.len() as u32;
            paragraphs.push(para);
            rule_ends(&chars, &tokens[first..], &mut ends);
            if let Some(m) = model {
                m.decide(&chars, &tokens[first..], &mut ends);
            }
            // No sentence opens with a comma or semicolon: "Sen. Lindsey
            // Graham, R-S.C., tweeted…" goes on after the abbreviation.
            // Nor does a lowercase word after a bracket closing on a
            // period: "Paul D. Ryan (R-Wis.) said…" goes on.
            for k in 0..ends.len().saturating_sub(1) {
                let next = first_char(&chars, &tokens[first + k + 1]);
                let closed_abbreviation = first_char(&chars, &tokens[first + k]) == ')'
                    && tokens[first + k].span.start > 0
                    && chars.get(tokens[first + k].span.start as usize - 1) == Some(&'.');
                if matches!(next, ',' | ';') || (closed_abbreviation && next.is_lowercase()) {
                    ends[k] = false;
                } else if letter_ends_sentence(&chars, &tokens[first..], k) {
                    ends[k] = true;
                }
            }
            let mut start = first;
            for (k, &end) in ends.iter().enumerate() {
                if end || k + 1 == ends.len() {
                    push_sentence(&tokens, start, first + k + 1, p, &mut sentences);
                    start = first + k + 1;
                }
            }
        }
    }
    doc.paragraphs = paragraphs;
    doc.tokens = tokens;
    doc.sentences = sentences;
}

/// A single letter with a period after a lowercase word, then a word that
/// opens sentences, ends one: "posted on X. Another wrote…", "a plan B. The
/// vote…". After a capitalised word it is an initial ("George W. Bush").
fn letter_ends_sentence(chars: &[char], tokens: &[Token], k: usize) -> bool {
    let t = &tokens[k];
    let letter = t.span.len() == 2
        && chars
            .get(t.span.start as usize)
            .is_some_and(|c| c.is_alphabetic())
        && chars.get(t.span.start as usize + 1) == Some(&'.');
    letter
        && k > 0
        && first_char(chars, &tokens[k - 1]).is_lowercase()
        && tokens.get(k + 1).is_some_and(|next| {
            let next = text_of(chars, next);
            SENTENCE_STARTERS.contains(&next.as_str())
                || OPENING_DETERMINERS.contains(&next.as_str())
        })
}

/// Capitalised determiners and pronouns that open a sentence and start no
/// surname (beyond [`SENTENCE_STARTERS`]).
const OPENING_DETERMINERS: &[&str] = &[
    "All", "Another", "Both", "Each", "Its", "Many", "Most", "My", "Our", "Some", "These", "Those",
    "You", "Your",
];

/// Paragraphs inside a body span: every line is one, except that a line
/// ending without sentence punctuation continues when the next one starts in
/// lowercase (hard-wrapped text).
pub(crate) fn paragraph_spans(chars: &[char], body: Span) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut start = body.start as usize;
    let end = (body.end as usize).min(chars.len());
    let mut i = start;
    while i <= end {
        if i == end || chars[i] == '\n' {
            let (s, e) = trim(chars, start, i);
            if s < e {
                let joins = out.last().is_some_and(|prev: &Span| {
                    let last = chars[prev.end as usize - 1];
                    !matches!(last, '.' | '!' | '?' | ':' | '”' | '"' | '…')
                        && chars[s].is_lowercase()
                        && chars[prev.end as usize..s]
                            .iter()
                            .filter(|c| **c == '\n')
                            .count()
                            < 2
                });
                match out.last_mut() {
                    Some(prev) if joins => prev.end = e as u32,
                    _ => out.push(Span::new(s as u32, e as u32)),
                }
            }
            start = i + 1;
        }
        i += 1;
    }
    out
}

fn trim(chars: &[char], mut s: usize, mut e: usize) -> (usize, usize) {
    while s < e && chars[s].is_whitespace() {
        s += 1;
    }
    while e > s && chars[e - 1].is_whitespace() {
        e -= 1;
    }
    (s, e)
}

fn push(tokens: &mut Vec<Token>, s: usize, e: usize) {
    if s < e {
        tokens.push(Token {
            span: Span::new(s as u32, e as u32),
            ..Default::default()
        });
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Tokens of one paragraph.
pub(crate) fn tokenize(chars: &[char], para: Span, tokens: &mut Vec<Token>) {
    let end = para.end as usize;
    let mut i = para.start as usize;
    while i < end {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        // URLs: run to whitespace, minus trailing punctuation.
        if starts_with(chars, i, "http://")
            || starts_with(chars, i, "https://")
            || starts_with(chars, i, "www.")
        {
            let mut j = i;
            while j < end && !chars[j].is_whitespace() {
                j += 1;
            }
            while j > i + 4
                && matches!(
                    chars[j - 1],
                    '.' | ',' | ';' | ':' | '!' | '?' | ')' | '”' | '"' | '’'
                )
            {
                j -= 1;
            }
            push(tokens, i, j);
            i = j;
            continue;
        }
        if (c == '@' || c == '#') && chars.get(i + 1).is_some_and(|n| word_char(*n)) && i < end {
            let mut j = i + 1;
            while j < end && word_char(chars[j]) {
                j += 1;
            }
            push(tokens, i, j);
            i = j;
            continue;
        }
        if word_char(c) {
            i = word(chars, i, end, tokens);
            continue;
        }
        // Ellipses and dashes.
        if c == '.' && chars.get(i + 1) == Some(&'.') {
            let mut j = i;
            while j < end && (chars[j] == '.' || chars[j] == ' ' && chars.get(j + 1) == Some(&'.'))
            {
                j += 1;
            }
            push(tokens, i, j);
            i = j;
            continue;
        }
        if c == '-' && chars.get(i + 1) == Some(&'-') {
            let mut j = i;
            while j < end && chars[j] == '-' {
                j += 1;
            }
            push(tokens, i, j);
            i = j;
            continue;
        }
        push(tokens, i, i + 1);
        i += 1;
    }
}

fn starts_with(chars: &[char], i: usize, pat: &str) -> bool {
    pat.chars()
        .enumerate()
        .all(|(k, p)| chars.get(i + k).is_some_and(|c| c.eq_ignore_ascii_case(&p)))
}

/// A word starting at `i`: letters/digits with inner joiners, then clitics
/// and an abbreviation period. Returns where scanning resumes.
fn word(chars: &[char], start: usize, end: usize, tokens: &mut Vec<Token>) -> usize {
    let mut j = start;
    while j < end {
        let c = chars[j];
        if word_char(c) {
            j += 1;
            continue;
        }
        let next = chars.get(j + 1).copied().filter(|_| j + 1 < end);
        let prev = chars[j - 1];
        let joins = match c {
            // 1,000 and 3.5; U.S and e-mail addresses; a.m
            ',' => prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
            '.' => next.is_some_and(|n| n.is_alphanumeric()) && (prev.is_alphanumeric()),
            '-' | '/' | '&' => {
                next.is_some_and(word_char) && c != '/'
                    || c == '/' && prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit())
            }
            '@' => next.is_some_and(word_char),
            _ if is_apostrophe(c) => {
                next.is_some_and(|n| n.is_alphabetic()) && !is_clitic_at(chars, j, end)
            }
            _ => false,
        };
        if !joins {
            break;
        }
        j += 1;
    }
    // "don't" → do + n't (the n belongs to the clitic).
    let mut word_end = j;
    if j < end
        && is_apostrophe(chars[j])
        && j >= start + 2
        && chars[j - 1].eq_ignore_ascii_case(&'n')
        && chars
            .get(j + 1)
            .is_some_and(|c| c.eq_ignore_ascii_case(&'t'))
        && !chars.get(j + 2).is_some_and(|c| c.is_alphanumeric())
    {
        word_end = j - 1;
        push(tokens, start, word_end);
        push(tokens, word_end, j + 2);
        return j + 2;
    }
    // Clitics: 's 're 've 'll 'd 'm, and a bare possessive apostrophe (voters').
    if j < end && is_apostrophe(chars[j]) {
        let clitic_len = clitic_len(chars, j, end);
        if clitic_len > 0 {
            push(tokens, start, j);
            push(tokens, j, j + clitic_len);
            return j + clitic_len;
        }
        if chars[j - 1] == 's'
            && !chars.get(j + 1).is_some_and(|c| c.is_alphanumeric())
            && chars[j] == '’'
        {
            push(tokens, start, j);
            push(tokens, j, j + 1);
            return j + 1;
        }
    }
    // An abbreviation or initial keeps its period.
    if j < end && chars[j] == '.' {
        let w: String = chars[start..j].iter().collect::<String>().to_lowercase();
        let single_letter = j - start == 1 && chars[start].is_alphabetic();
        // "U.S." and "a.m." keep their period; "PowerOutage.us." and
        // "Data.gov." end on a domain, and the period ends the sentence.
        let dotted = w
            .rsplit_once('.')
            .is_some_and(|(_, last)| last.chars().count() == 1);
        if single_letter
            || dotted
            || TITLE_ABBREVIATIONS.contains(&w.as_str())
            || OTHER_ABBREVIATIONS.contains(&w.as_str())
        {
            word_end = j + 1;
        }
    }
    push(tokens, start, word_end);
    word_end
}

/// Length of a clitic starting at the apostrophe `j` ('s, 're, 've, 'll, 'd, 'm), or 0.
fn clitic_len(chars: &[char], j: usize, end: usize) -> usize {
    for c in ["s", "re", "ve", "ll", "d", "m"] {
        let n = c.len();
        let matches = c.chars().enumerate().all(|(k, p)| {
            chars
                .get(j + 1 + k)
                .is_some_and(|x| x.eq_ignore_ascii_case(&p))
        });
        let after = j + 1 + n;
        if matches && (after >= end || !chars[after].is_alphanumeric()) {
            return n + 1;
        }
    }
    0
}

fn is_clitic_at(chars: &[char], j: usize, end: usize) -> bool {
    clitic_len(chars, j, end) > 0
        || j >= 1
            && chars[j - 1].eq_ignore_ascii_case(&'n')
            && chars
                .get(j + 1)
                .is_some_and(|c| c.eq_ignore_ascii_case(&'t'))
            && !chars.get(j + 2).is_some_and(|c| c.is_alphanumeric())
}

pub(crate) fn text_of(chars: &[char], t: &Token) -> String {
    chars[t.span.start as usize..t.span.end as usize]
        .iter()
        .collect()
}

/// The rules' sentence ends over one paragraph's `tokens`: `ends[k]` is true
/// when a sentence ends after token `k` (the last token always ends one).
pub(crate) fn rule_ends(chars: &[char], tokens: &[Token], ends: &mut Vec<bool>) {
    let n = tokens.len();
    ends.clear();
    ends.resize(n, false);
    let mut i = 0;
    while i < n {
        let t = text_of(chars, &tokens[i]);
        let terminal = matches!(t.as_str(), "." | "!" | "?" | "…") || t.starts_with("..");
        let abbreviation = t.len() > 1 && t.ends_with('.') && !t.starts_with("..");
        let mut end = i + 1;
        let mut boundary = false;
        if terminal || abbreviation {
            // Closing quotes and brackets belong to the sentence they close.
            while end < n
                && CLOSERS.contains(&first_char(chars, &tokens[end]))
                && closes(chars, tokens, end)
            {
                end += 1;
            }
            boundary = match tokens.get(end) {
                None => true,
                Some(next) => {
                    let next_text = text_of(chars, next);
                    let c = next_text.chars().next().unwrap_or(' ');
                    let starts = c.is_uppercase() || c.is_ascii_digit() || opens_sentence(c);
                    if terminal {
                        // A bare "." (no quote or bracket closing after it)
                        // is not an abbreviation's: a lowercase word after
                        // it starts a sentence too (web and email text: "oh.
                        // my bad."). After "?", "!", "…" or a closing quote,
                        // lowercase continues the sentence ("?” he asks").
                        starts || c == '—' || (t == "." && end == i + 1 && c.is_lowercase())
                    } else {
                        let w = t.trim_end_matches('.').to_lowercase();
                        // "…shortly after 2 a.m. “The whole sky…": a
                        // quotation opening with a sentence starter.
                        let quoted_starter = opens_sentence(c)
                            && tokens.get(end + 1).is_some_and(|after| {
                                SENTENCE_STARTERS.contains(&text_of(chars, after).as_str())
                            });
                        !TITLE_ABBREVIATIONS.contains(&w.as_str())
                            && w.len() != 1
                            && (SENTENCE_STARTERS.contains(&next_text.as_str()) || quoted_starter)
                    }
                }
            };
        }
        if boundary {
            ends[end - 1] = true;
            i = end;
        } else {
            i += 1;
        }
    }
    if let Some(last) = ends.last_mut() {
        *last = true;
    }
}

/// A quote mark after a sentence end closes it when nothing but a sentence
/// start or the paragraph end follows it (not an opening quote of the next).
fn closes(chars: &[char], tokens: &[Token], i: usize) -> bool {
    let c = first_char(chars, &tokens[i]);
    if matches!(c, '”' | '’' | ')' | ']' | '»') {
        return true;
    }
    // Straight quotes: closing when attached to the previous token.
    i > 0 && tokens[i - 1].span.end == tokens[i].span.start
}

fn first_char(chars: &[char], t: &Token) -> char {
    chars.get(t.span.start as usize).copied().unwrap_or(' ')
}

fn push_sentence(tokens: &[Token], s: usize, e: usize, p: u32, out: &mut Vec<Sentence>) {
    if s < e {
        out.push(Sentence {
            span: Span::new(tokens[s].span.start, tokens[e - 1].span.end),
            tokens: [s as u32, e as u32],
            paragraph: p,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<String> {
        let mut d = Document::new(text);
        segment(&mut d);
        d.tokens
            .iter()
            .map(|t| d.slice(t.span).to_string())
            .collect()
    }

    fn sents(text: &str) -> Vec<String> {
        let mut d = Document::new(text);
        segment(&mut d);
        d.sentences
            .iter()
            .map(|s| d.slice(s.span).to_string())
            .collect()
    }

    #[test]
    fn ud_style_tokens() {
        assert_eq!(
            toks("I don't think Clinton’s aides can't."),
            ["I", "do", "n't", "think", "Clinton", "’s", "aides", "ca", "n't", "."]
        );
        assert_eq!(
            toks("Sen. J. Smith of the U.S. paid $1,000.50 at 3 p.m."),
            [
                "Sen.", "J.", "Smith", "of", "the", "U.S.", "paid", "$", "1,000.50", "at", "3",
                "p.m."
            ]
        );
        assert_eq!(
            toks("See https://example.com/a?b=1, or mail a.b@c.org #tag @handle"),
            [
                "See",
                "https://example.com/a?b=1",
                ",",
                "or",
                "mail",
                "a.b@c.org",
                "#tag",
                "@handle"
            ]
        );
        assert_eq!(
            toks("Figures from PowerOutage.us. Ph.D. students at 5 a.m. in the U.K."),
            [
                "Figures",
                "from",
                "PowerOutage.us",
                ".",
                "Ph.D.",
                "students",
                "at",
                "5",
                "a.m.",
                "in",
                "the",
                "U.K."
            ]
        );
        assert_eq!(
            toks("“Wait...” — she said -- no"),
            ["“", "Wait", "...", "”", "—", "she", "said", "--", "no"]
        );
        assert_eq!(
            toks("O’Malley’s pro-Russia stance"),
            ["O’Malley", "’s", "pro-Russia", "stance"]
        );
    }

    #[test]
    fn sentences_end_with_their_quotes_and_respect_abbreviations() {
        assert_eq!(
            sents("He said “the CIA is not a group of dopes.” They agreed. Sen. Smith met Gov. Jones on Nov. 14. In the U.S. The end."),
            ["He said “the CIA is not a group of dopes.”", "They agreed.", "Sen. Smith met Gov. Jones on Nov. 14.", "In the U.S.", "The end."]
        );
        // An abbreviation ends a sentence before a quotation that opens
        // like one, not before a quoted name.
        assert_eq!(
            sents("It blew up at 2 a.m. “The sky turned orange,” she said. The U.S. “Patriot” missile flew."),
            ["It blew up at 2 a.m.", "“The sky turned orange,” she said.", "The U.S. “Patriot” missile flew."]
        );
        assert_eq!(
            sents("Headline without period\nBody starts here. Next one!"),
            ["Headline without period", "Body starts here.", "Next one!"]
        );
    }

    #[test]
    fn boilerplate_is_skipped_and_offsets_are_code_points() {
        let mut d = Document::new("Title\nNOW WATCH: promo\n“Yes,” he said.");
        d.boilerplate.push(whosaid_core::Boilerplate {
            span: Span::new(6, 22),
            kind: whosaid_core::BoilerplateKind::Promo,
        });
        segment(&mut d);
        let words: Vec<&str> = d.tokens.iter().map(|t| d.slice(t.span)).collect();
        assert_eq!(words, ["Title", "“", "Yes", ",", "”", "he", "said", "."]);
        assert_eq!(d.paragraphs.len(), 2);
        assert_eq!(d.sentences.len(), 2);
        assert_eq!(d.sentences[1].paragraph, 1);
    }

    #[test]
    fn no_sentence_opens_with_a_comma() {
        assert_eq!(
            sents("Sen. Lindsey Graham, R-S.C., tweeted that it was war. He left."),
            [
                "Sen. Lindsey Graham, R-S.C., tweeted that it was war.",
                "He left."
            ]
        );
        // The learned boundaries too.
        let mut d = Document::new("Sen. Lindsey Graham, R-S.C., tweeted that it was war.");
        Segmenter::english().expect("model loads").segment(&mut d);
        assert_eq!(d.sentences.len(), 1);
    }

    #[test]
    fn a_lowercase_word_after_a_bracketed_abbreviation_goes_on() {
        for text in [
            "House Speaker Paul D. Ryan (R-Wis.) said the spate demands more listening.",
            "Sen. Claire McCaskill (D-Mo.) scolded him.",
        ] {
            let mut d = Document::new(text);
            Segmenter::english().expect("model loads").segment(&mut d);
            assert_eq!(d.sentences.len(), 1, "{text}");
        }
        // A capital after it still starts a sentence.
        let mut d = Document::new("He voted no (see p. 4.) The bill failed.");
        Segmenter::english().expect("model loads").segment(&mut d);
        assert_eq!(d.sentences.len(), 2);
    }

    #[test]
    fn a_letter_after_a_lowercase_word_can_end_a_sentence() {
        let count = |text: &str| {
            let mut d = Document::new(text);
            Segmenter::english().expect("model loads").segment(&mut d);
            d.sentences.len()
        };
        assert_eq!(
            count("One user posted on X. Another wrote that she had flown in."),
            2
        );
        assert_eq!(count("They never had a plan B. The vote failed."), 2);
        // Initials stay in their names.
        assert_eq!(
            count("Former President George W. Bush said he would vote."),
            1
        );
        assert_eq!(count("The author J. K. Rowling spoke."), 1);
    }

    #[test]
    fn odd_inputs_never_panic() {
        for t in [
            "",
            " ",
            "\n\n\n",
            "...",
            "?!?!",
            "''''",
            "'",
            "’s",
            "n't",
            "a.",
            ".a",
            "@",
            "#",
            "--",
            "http://",
            "中文。日本語！ Ελληνικά; русский.",
            "x".repeat(1_000_000).as_str(),
        ] {
            let mut d = Document::new(t);
            segment(&mut d);
            for s in &d.sentences {
                assert!(s.tokens[0] < s.tokens[1]);
            }
            for tok in &d.tokens {
                assert!(tok.span.start < tok.span.end && tok.span.end <= d.char_len());
            }
        }
        let long_sentence = "word ".repeat(200_000);
        let mut d = Document::new(long_sentence);
        segment(&mut d);
        assert_eq!(d.tokens.len(), 200_000);
        assert_eq!(d.sentences.len(), 1);
    }
}
