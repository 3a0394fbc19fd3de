//! Learned sentence boundaries.
//!
//! The rules in [`crate::segment`] end sentences at `.`, `!`, `?` and `…`.
//! Web and e-mail text often ends them without punctuation ("Thanks Dawn
//! Please call me"), and some rule ends are wrong ("No. 5"). The boundary
//! model is a binary averaged perceptron over the gap after each token of a
//! paragraph: it reads the rules' decision, the tokens around the gap (forms,
//! shapes), the whitespace in the gap and how far the gap is from the
//! paragraph's edges and the nearest rule ends, and takes the final decision.
//!
//! Only *candidate* gaps are scored: a rule end, a token that does not end
//! in a letter or digit, or a next token that does not start with a lowercase
//! letter. Elsewhere (a word followed by a lowercase word) a sentence never
//! ends, in training as at run time; that skips most gaps.

use crate::perceptron::{self, Table, Trainer};
use crate::segment::{paragraph_spans, rule_ends, text_of, tokenize};
use whosaid_core::{Span, Token};

const MAGIC: &[u8; 8] = b"WSSENT01";
const BITS: u32 = 18;
/// Quantised weights below this magnitude are stored as zero.
const PRUNE: i16 = 2;

/// Errors reading a boundary model.
#[derive(Debug, thiserror::Error)]
pub enum BoundaryError {
    #[error("sentence-boundary model: {0}")]
    Model(String),
}

/// The sentence-boundary model (see the module docs).
#[derive(Clone)]
pub struct BoundaryModel {
    table: Table,
}

impl std::fmt::Debug for BoundaryModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BoundaryModel")
            .field("bits", &self.table.bits)
            .finish()
    }
}

/// One training document: its text and reference sentence spans (code points).
pub struct BoundaryExample<'a> {
    pub text: &'a str,
    pub sentences: &'a [Span],
    /// How many times the document is seen per epoch (gold data over silver).
    pub weight: usize,
}

impl BoundaryModel {
    /// The embedded English model (trained by `whosaid train sentences`).
    pub fn english() -> Result<Self, BoundaryError> {
        Self::from_bytes(include_bytes!("../../../models/sentences.bin"))
    }

    /// Reads a model written by [`BoundaryModel::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, BoundaryError> {
        let mut tables = perceptron::from_bytes(MAGIC, bytes, 1)
            .map_err(|e| BoundaryError::Model(format!("{e:?}")))?;
        match tables.pop() {
            Some(table) if table.classes == 2 => Ok(BoundaryModel { table }),
            _ => Err(BoundaryError::Model("unexpected table shape".into())),
        }
    }

    /// The model file (quantised, deflated).
    pub fn to_bytes(&self) -> Vec<u8> {
        perceptron::to_bytes(MAGIC, &[&self.table], PRUNE)
    }

    /// Replaces the rules' `ends` over one paragraph's `tokens` with the
    /// model's decisions. The paragraph's last token always ends a sentence.
    pub(crate) fn decide(&self, chars: &[char], tokens: &[Token], ends: &mut [bool]) {
        let rule = ends.to_vec();
        let ctx = Context::new(chars, tokens, &rule);
        let mut features = Vec::with_capacity(FEATURES);
        let mut scratch = [0f32; 2];
        let n = tokens.len().min(ends.len());
        for (k, end) in ends.iter_mut().enumerate().take(n.saturating_sub(1)) {
            *end = ctx.candidate(k) && {
                ctx.features(k, &mut features);
                self.table.best(&features, &mut scratch, |_| true) == 1
            };
        }
        move_ends_before_openers(chars, tokens, ends);
    }

    /// Trains a model on `docs` (deterministic given `seed`).
    pub fn train(docs: &[BoundaryExample], epochs: usize, seed: u64) -> BoundaryModel {
        // Every candidate gap's features and label, extracted once.
        let mut gaps: Vec<(Vec<u64>, usize, usize)> = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            let chars: Vec<char> = doc.text.chars().collect();
            let gold_ends = gold_ends(&chars, doc.sentences);
            let whole = Span::new(0, chars.len() as u32);
            let mut tokens = Vec::new();
            let mut ends = Vec::new();
            for para in paragraph_spans(&chars, whole) {
                tokens.clear();
                tokenize(&chars, para, &mut tokens);
                rule_ends(&chars, &tokens, &mut ends);
                let ctx = Context::new(&chars, &tokens, &ends);
                let inner = tokens.len().saturating_sub(1);
                for (k, token) in tokens.iter().enumerate().take(inner) {
                    if !ctx.candidate(k) {
                        continue;
                    }
                    let mut f = Vec::with_capacity(FEATURES);
                    ctx.features(k, &mut f);
                    let label = usize::from(gold_ends.binary_search(&token.span.end).is_ok());
                    gaps.push((f, label, d));
                }
            }
        }
        let mut trainer = Trainer::new(BITS, 2);
        let mut order: Vec<usize> = gaps
            .iter()
            .enumerate()
            .flat_map(|(i, g)| std::iter::repeat_n(i, docs[g.2].weight))
            .collect();
        let mut rng = perceptron::Shuffler::new(seed);
        let mut scratch = [0f32; 2];
        for _ in 0..epochs {
            rng.shuffle(&mut order);
            for &g in &order {
                let (f, label, _) = &gaps[g];
                let guess = trainer.table.best(f, &mut scratch, |_| true);
                trainer.update(f, *label, guess);
            }
        }
        BoundaryModel {
            table: trainer.averaged(),
        }
    }
}

/// Moves a sentence end that falls right after an opening quote mark (one
/// character, with space or the paragraph start or another such mark
/// before it and a word attached after it) to before the run of marks: such
/// a mark opens what follows and never ends a sentence. NYT-style text opens
/// quotations with two apostrophes, which CoreNLP (and so the silver
/// sentences the model learned from) always reads as a closing `''`, so the
/// model ended "He left. ''" and started the next sentence at "It is
/// over,''".
fn move_ends_before_openers(chars: &[char], tokens: &[Token], ends: &mut [bool]) {
    let n = tokens.len().min(ends.len());
    // One pass: `run` is where the current run of opening marks starts.
    let mut run: Option<usize> = None;
    for k in 0..n.saturating_sub(1) {
        let (t, next) = (&tokens[k], &tokens[k + 1]);
        let spaced_before = k == 0 || tokens[k - 1].span.end < t.span.start;
        let opens = t.span.end == t.span.start + 1
            && next.span.start == t.span.end
            && crate::segment::opens_quote(chars[t.span.start as usize])
            && (spaced_before || run.is_some());
        if !opens {
            run = None;
            continue;
        }
        let start = *run.get_or_insert(k);
        if ends[k] {
            ends[k] = false;
            if start > 0 {
                ends[start - 1] = true;
            }
        }
    }
}

/// Sorted end offsets of the reference sentences, whitespace trimmed.
fn gold_ends(chars: &[char], sentences: &[Span]) -> Vec<u32> {
    let mut out: Vec<u32> = sentences
        .iter()
        .filter_map(|s| {
            let (start, mut e) = (s.start as usize, (s.end as usize).min(chars.len()));
            while e > start && chars[e - 1].is_whitespace() {
                e -= 1;
            }
            (e > start).then_some(e as u32)
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

const FEATURES: usize = 24;

/// One paragraph's tokens, their lowercased forms and shapes, and the rules' ends.
struct Context<'a> {
    chars: &'a [char],
    tokens: &'a [Token],
    rule: &'a [bool],
    lower: Vec<String>,
    shape: Vec<String>,
    /// Per token: tokens back to the previous rule end (or the paragraph
    /// start) and on to the next one (or the paragraph end).
    back: Vec<usize>,
    on: Vec<usize>,
}

impl<'a> Context<'a> {
    fn new(chars: &'a [char], tokens: &'a [Token], rule: &'a [bool]) -> Self {
        let lower = tokens
            .iter()
            .map(|t| text_of(chars, t).to_lowercase())
            .collect();
        let shape = tokens.iter().map(|t| shape(chars, t)).collect();
        let n = tokens.len();
        let mut back = Vec::with_capacity(n);
        let mut last: Option<usize> = None;
        for k in 0..n {
            back.push(last.map_or(k + 1, |j| k - j));
            if rule.get(k).copied().unwrap_or(false) {
                last = Some(k);
            }
        }
        let mut on = vec![0; n];
        let mut next: Option<usize> = None;
        for k in (0..n).rev() {
            on[k] = next.map_or(n - k, |j| j - k);
            if rule.get(k).copied().unwrap_or(false) {
                next = Some(k);
            }
        }
        Context {
            chars,
            tokens,
            rule,
            lower,
            shape,
            back,
            on,
        }
    }

    fn first(&self, k: usize) -> char {
        self.chars[self.tokens[k].span.start as usize]
    }

    fn last(&self, k: usize) -> char {
        self.chars[self.tokens[k].span.end as usize - 1]
    }

    /// Whether the gap after token `k` can end a sentence at all.
    fn candidate(&self, k: usize) -> bool {
        self.rule[k] || !self.last(k).is_alphanumeric() || !self.first(k + 1).is_lowercase()
    }

    fn lower_at(&self, k: isize) -> &[u8] {
        if k < 0 {
            return b"<s>";
        }
        self.lower.get(k as usize).map_or(b"</s>", |s| s.as_bytes())
    }

    fn shape_at(&self, k: isize) -> &[u8] {
        if k < 0 {
            return b"<s>";
        }
        self.shape.get(k as usize).map_or(b"</s>", |s| s.as_bytes())
    }

    /// The whitespace between token `k` and the next: none, one space, more, a line break.
    fn gap(&self, k: usize) -> u8 {
        let (s, e) = (
            self.tokens[k].span.end as usize,
            self.tokens[k + 1].span.start as usize,
        );
        let gap = &self.chars[s..e];
        if gap.contains(&'\n') {
            3
        } else {
            gap.len().min(2) as u8
        }
    }

    fn features(&self, k: usize, out: &mut Vec<u64>) {
        out.clear();
        let i = k as isize;
        let n = self.tokens.len();
        let rule = [u8::from(self.rule[k])];
        let gap = [self.gap(k)];
        // Distances in tokens, bucketed: from the paragraph start, to its
        // end, back to the previous rule end and on to the next one.
        let since_start = [bucket(k + 1)];
        let to_end = [bucket(n - k - 1)];
        let (back, on) = ([bucket(self.back[k])], [bucket(self.on[k])]);
        let (cur, next, prev, next2) = (
            self.lower_at(i),
            self.lower_at(i + 1),
            self.lower_at(i - 1),
            self.lower_at(i + 2),
        );
        let (cs, ns, ps, n2s) = (
            self.shape_at(i),
            self.shape_at(i + 1),
            self.shape_at(i - 1),
            self.shape_at(i + 2),
        );
        out.push(feat(0, &[]));
        out.push(feat(1, &[&rule]));
        out.push(feat(2, &[&rule, cur]));
        out.push(feat(3, &[&rule, ns]));
        out.push(feat(4, &[cur]));
        out.push(feat(5, &[next]));
        out.push(feat(6, &[prev]));
        out.push(feat(7, &[cur, next]));
        out.push(feat(8, &[cs, ns]));
        out.push(feat(9, &[ps, cs, ns]));
        out.push(feat(10, &[cur, ns]));
        out.push(feat(11, &[next, n2s]));
        out.push(feat(12, &[&gap]));
        out.push(feat(13, &[&gap, &rule, cs]));
        out.push(feat(14, &[&since_start, &rule]));
        out.push(feat(15, &[&to_end, &rule]));
        out.push(feat(16, &[cur, &rule, ns]));
        out.push(feat(17, &[next2]));
        out.push(feat(18, &[prev, cur]));
        out.push(feat(19, &[&back, &rule, ns]));
        out.push(feat(20, &[&on, &rule]));
        out.push(feat(21, &[ps, cur]));
        out.push(feat(22, &[next, &rule]));
        out.push(feat(23, &[cs, ns, n2s, &rule]));
        debug_assert_eq!(out.len(), FEATURES);
    }
}

/// 0, 1, 2, 3, 4-5, 6-9, 10-19, 20-39, 40+.
fn bucket(n: usize) -> u8 {
    match n {
        0..=3 => n as u8,
        4..=5 => 4,
        6..=9 => 5,
        10..=19 => 6,
        20..=39 => 7,
        _ => 8,
    }
}

/// Character classes with runs collapsed, at most 5: "Dawn" → "Xx", "U.S." → "X.X.".
fn shape(chars: &[char], t: &Token) -> String {
    let mut out = String::new();
    let mut last = '\0';
    for &c in &chars[t.span.start as usize..t.span.end as usize] {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if k != last {
            out.push(k);
            last = k;
            if out.chars().count() >= 5 {
                break;
            }
        }
    }
    out
}

fn feat(template: u8, parts: &[&[u8]]) -> u64 {
    crate::tagger::feat(template, parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use whosaid_core::Document;

    fn sentences(seg: &crate::Segmenter, text: &str) -> Vec<String> {
        let mut d = Document::new(text);
        seg.segment(&mut d);
        d.sentences
            .iter()
            .map(|s| d.slice(s.span).to_string())
            .collect()
    }

    #[test]
    fn a_model_learns_unpunctuated_ends_and_round_trips() {
        // Sentences that end without punctuation before a capitalised word.
        let parts = [
            "Thanks for the call",
            "Please send the file",
            "Call me later",
            "We can talk then",
            "The meeting is at noon",
            "Bring the notes",
        ];
        let text = format!(
            "{} {}\n\n{} {}\n\n{} {}",
            parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]
        );
        let mut spans = Vec::new();
        let mut from = 0;
        for p in parts {
            let at = from + text[from..].find(p).expect("part in text");
            let start = text[..at].chars().count() as u32;
            spans.push(Span::new(start, start + p.chars().count() as u32));
            from = at + p.len();
        }
        let docs = [BoundaryExample {
            text: &text,
            sentences: &spans,
            weight: 1,
        }];
        let model = BoundaryModel::train(&docs, 5, 1);
        let back = BoundaryModel::from_bytes(&model.to_bytes()).expect("round trip");
        let seg = crate::Segmenter::with_model(back);
        assert_eq!(
            sentences(&seg, "Thanks for the call Please send the file"),
            ["Thanks for the call", "Please send the file"]
        );
        // The rules alone keep it one sentence.
        assert_eq!(
            sentences(
                &crate::Segmenter::new(),
                "Thanks for the call Please send the file"
            )
            .len(),
            1
        );
    }

    #[test]
    fn the_english_model_loads_and_keeps_news_sentences() {
        let seg = crate::Segmenter::english().expect("embedded model");
        assert_eq!(
            sentences(
                &seg,
                "He said “the CIA is not a group of dopes.” They agreed. Sen. Smith met Gov. Jones on Nov. 14."
            ),
            [
                "He said “the CIA is not a group of dopes.”",
                "They agreed.",
                "Sen. Smith met Gov. Jones on Nov. 14."
            ]
        );
    }

    #[test]
    fn two_apostrophes_open_the_next_sentence() {
        let seg = crate::Segmenter::english().expect("embedded model");
        assert_eq!(
            sentences(
                &seg,
                "''It is over,'' she said. ''We lost.'' Then he left. ''Not again,'' he said."
            ),
            [
                "''It is over,'' she said.",
                "''We lost.''",
                "Then he left.",
                "''Not again,'' he said."
            ]
        );
        // The same marks with space after them close nothing and open nothing.
        let mut ends = vec![true, false];
        let text: Vec<char> = "' x".chars().collect();
        let token = |s, e| Token {
            span: Span::new(s, e),
            ..Default::default()
        };
        let tokens = [token(0, 1), token(2, 3)];
        move_ends_before_openers(&text, &tokens, &mut ends);
        assert_eq!(ends, [true, false]);
        // A paragraph of 100,000 attached marks is one linear pass.
        let marks = format!("{}x", "\"".repeat(100_000));
        assert_eq!(sentences(&seg, &marks).len(), 1);
    }

    #[test]
    fn odd_and_huge_paragraphs_go_through_the_model() {
        let seg = crate::Segmenter::english().expect("embedded model");
        // 200,000 capitalised words in one paragraph: every gap is a
        // candidate, so per-gap work must not grow with the paragraph.
        let long = "Word ".repeat(200_000);
        for t in [
            "",
            "\n\n",
            ".",
            "?!?!",
            "”",
            "a. b. c.",
            "中文。日本語！",
            long.as_str(),
        ] {
            let mut d = Document::new(t);
            seg.segment(&mut d);
            let covered: u32 = d.sentences.iter().map(|s| s.tokens[1] - s.tokens[0]).sum();
            assert_eq!(covered as usize, d.tokens.len(), "{t:.20}");
        }
    }

    #[test]
    fn corrupt_models_are_errors() {
        assert!(BoundaryModel::from_bytes(b"").is_err());
        assert!(BoundaryModel::from_bytes(b"WSSENT01garbage").is_err());
    }
}
