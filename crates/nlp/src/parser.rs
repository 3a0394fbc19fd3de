//! Dependency parser: greedy arc-hybrid transitions scored by an averaged
//! perceptron over hashed features, trained with a dynamic oracle.
//!
//! Why this design: a greedy transition parser makes two decisions per word
//! (linear time, no chart), so it parses at hundreds of thousands of words a
//! second on one core. Two hashed tables keep the inner loop cheap: the
//! transition table has three classes (shift, left-arc, right-arc), so each
//! feature costs one short row; the relation table is consulted once per
//! word, when its arc is made. In the arc-hybrid system a word leaves the
//! stack only when it has all its dependents, so the relation classifier sees
//! the dependent's complete subtree (its case marker, its auxiliaries).
//! The dynamic oracle (Goldberg & Nivre 2013) lets training follow the
//! model's own mistakes, as parsing will. The artificial root sits at the end
//! of the buffer and takes exactly one word, so every sentence gets one root.
//!
//! Feature hashing mirrors the tagger: word forms and tags are hashed once
//! per sentence, and each feature is a mix of a template id with up to three
//! of those values.

use crate::perceptron::{self, Packed4, QTable, Table, Trainer};
use whosaid_core::{DepRel, Document, Stage, StageError, Upos, Xpos};

mod beam;
mod direction;
mod reparse;
pub mod silver;
pub use beam::train_ensemble_beam;
pub use direction::right_to_left;
pub use reparse::{eisner, Reparser};

/// Log2 of the feature buckets of the transition table.
pub const ACTION_BITS: u32 = 22;
/// Log2 of the feature buckets of the relation table.
pub const LABEL_BITS: u32 = 17;

const MAGIC: &[u8; 8] = b"WSPAR001";

/// Quantised weights below this magnitude are dropped from the model file.
const PRUNE: i16 = 600;

/// From this epoch on, training follows the model's own wrong transitions
/// nine times in ten (exploration, as in Goldberg & Nivre 2013).
const EXPLORE_FROM: usize = 1;

const SHIFT: usize = 0;
const LEFT: usize = 1;
const RIGHT: usize = 2;
const ACTIONS: usize = 3;
// The transition table is packed four classes to a row.
const _: () = assert!(ACTIONS <= 4);

/// The widest beam a model file may store.
pub const MAX_BEAM_WIDTH: usize = 256;

/// The longest sentence a beam model decodes with its beam: every step
/// copies each item's state, so beam decoding is quadratic in the sentence
/// length (20,000 words took 5.5 s against 0.3 s greedily), and a run-on
/// "sentence" of a megabyte would take minutes. EWT's longest sentence has
/// 159 words.
pub const BEAM_MAX_WORDS: usize = 400;

/// A trained parser.
#[derive(Clone)]
pub struct Parser {
    /// Transition weights, packed for inference (read at random: the hot table).
    action: Packed4,
    /// Relation weights (one row of 56 i16 per bucket, summed as integers).
    label: QTable,
    /// Beam width of decoding: 1 is greedy (the shipped parser); wider
    /// models are read from a `WSPAR002` file or set by [`Parser::with_beam`].
    beam: usize,
    /// Trained on sentences read right to left, and so parses them that way
    /// (a `WSPAR003` file; see [`right_to_left`]).
    right_to_left: bool,
}

/// Errors reading a parser model.
#[derive(Debug, thiserror::Error)]
pub enum ParserError {
    #[error("not a whosaid parser model (bad magic or version)")]
    BadMagic,
    #[error("parser model is truncated or corrupt: {0}")]
    Corrupt(String),
    #[error("reparsing ensemble: {0}")]
    Ensemble(String),
}

impl From<perceptron::ModelError> for ParserError {
    fn from(e: perceptron::ModelError) -> Self {
        match e {
            perceptron::ModelError::BadMagic => ParserError::BadMagic,
            perceptron::ModelError::Corrupt(m) => ParserError::Corrupt(m),
        }
    }
}

/// One parsed word: its head within the sentence (`None` for the root) and relation.
pub type Arc = (Option<usize>, DepRel);

/// Anything that parses a tagged sentence into a tree: one model
/// ([`Parser`]) or a reparsing ensemble ([`Reparser`]).
pub trait DependencyParser: Send + Sync {
    /// Each word's head and relation; exactly one word is the root (see
    /// [`Parser::parse`]).
    fn parse(&self, words: &[&str], upos: &[Upos], xpos: &[Xpos]) -> Vec<Arc>;
}

impl DependencyParser for Parser {
    fn parse(&self, words: &[&str], upos: &[Upos], xpos: &[Xpos]) -> Vec<Arc> {
        Parser::parse(self, words, upos, xpos)
    }
}

impl<P: DependencyParser + ?Sized> DependencyParser for Box<P> {
    fn parse(&self, words: &[&str], upos: &[Upos], xpos: &[Xpos]) -> Vec<Arc> {
        (**self).parse(words, upos, xpos)
    }
}

/// Which embedded English parser model to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ParserModel {
    /// Greedy decoding (`models/parser.bin`): the pipeline's default.
    #[default]
    Fast,
    /// The reparsing ensemble ([`Reparser::english`]): the beam-search
    /// model, a right-to-left beam-search model and a greedy model vote
    /// on each word's head; about 1 point more UAS than `Fast` on EWT
    /// (dev 0.9, test 1.1), parsing about seven times slower (three
    /// parsers, two of them with beam search).
    Accurate,
}

/// The chosen embedded English parser.
pub fn english_parser(model: ParserModel) -> Result<Box<dyn DependencyParser>, ParserError> {
    Ok(match model {
        ParserModel::Fast => Box::new(Parser::english()?),
        ParserModel::Accurate => Box::new(Reparser::english()?),
    })
}

impl Parser {
    /// The parser with the embedded English model (the fast one).
    pub fn english() -> Result<Self, ParserError> {
        Parser::from_bytes(include_bytes!("../../../models/parser.bin"))
    }

    /// The greedy model trained on EWT train alone (`models/parser-ewt.bin`,
    /// the pipeline's parser until session 11): the reparsing ensemble's
    /// third member. The default parser learnt from this ensemble's trees
    /// (silver trees), so as a member it would mostly repeat the others'
    /// votes: EWT dev +0.15 UAS with it, under the +0.25 an ensemble
    /// change must show (docs/benchmarks.md).
    pub fn english_ewt() -> Result<Self, ParserError> {
        Parser::from_bytes(include_bytes!("../../../models/parser-ewt.bin"))
    }

    /// The embedded beam-search model (`models/parser-beam.bin`, beam 4).
    pub fn english_beam() -> Result<Self, ParserError> {
        Parser::from_bytes(include_bytes!("../../../models/parser-beam.bin"))
    }

    /// The embedded right-to-left beam-search model
    /// (`models/parser-r2l.bin`, beam 4): a member of the reparsing
    /// ensemble, weaker alone.
    pub fn english_right_to_left() -> Result<Self, ParserError> {
        Parser::from_bytes(include_bytes!("../../../models/parser-r2l.bin"))
    }

    /// Parses one sentence given its words and POS tags (one per word; missing
    /// tags read as unset). Returns each word's head and relation; exactly one
    /// word is the root. A beam model parses sentences over
    /// [`BEAM_MAX_WORDS`] greedily.
    pub fn parse(&self, words: &[&str], upos: &[Upos], xpos: &[Xpos]) -> Vec<Arc> {
        let mut arcs = self.parse_unrepaired(words, upos, xpos);
        repair(words, upos, &mut arcs);
        arcs
    }

    /// The tree as decoded, before the repairs [`Parser::parse`] makes: the
    /// reparser combines these and repairs the combination once.
    fn parse_unrepaired(&self, words: &[&str], upos: &[Upos], xpos: &[Xpos]) -> Vec<Arc> {
        let width = if words.len() <= BEAM_MAX_WORDS {
            self.beam
        } else {
            1
        };
        self.decode(words, upos, xpos, width)
    }

    /// Decodes with `width` (1 = greedy) in the model's reading direction.
    fn decode(&self, words: &[&str], upos: &[Upos], xpos: &[Xpos], width: usize) -> Vec<Arc> {
        if !self.right_to_left {
            return self.decode_l2r(words, upos, xpos, width);
        }
        let (words, upos, xpos) = direction::reversed_input(words, upos, xpos);
        direction::unreversed_arcs(self.decode_l2r(&words, &upos, &xpos, width))
    }

    fn decode_l2r(&self, words: &[&str], upos: &[Upos], xpos: &[Xpos], width: usize) -> Vec<Arc> {
        if width > 1 {
            self.decode_beam(words, upos, xpos, width)
        } else {
            self.decode_greedy(words, upos, xpos)
        }
    }

    /// Greedy decoding: the best transition at each step.
    fn decode_greedy(&self, words: &[&str], upos: &[Upos], xpos: &[Xpos]) -> Vec<Arc> {
        let toks = Toks::new(words, upos, xpos);
        let mut st = State::new(words.len());
        let mut features = Vec::with_capacity(96);
        let mut scores = [0f32; ACTIONS];
        let mut lscores = vec![0i32; self.label.classes];
        while !st.terminal() {
            let valid = st.valid();
            // A forced move (an empty stack shifts; an empty buffer reduces
            // right) needs no scores: about one decision in ten in news.
            let a = match forced(&valid) {
                Some(a) => a,
                None => {
                    action_features(&toks, &st, &mut features);
                    self.action.scores(&features, &mut scores);
                    argmax(&scores, |c| valid[c])
                }
            };
            let rel = match st.arc(a) {
                Some((h, d)) => self.label_of(&toks, &st, h, d, &mut features, &mut lscores),
                None => DepRel::Unset,
            };
            st.apply(a, rel);
        }
        tree_of(&st)
    }

    fn label_of(
        &self,
        toks: &Toks,
        st: &State,
        h: usize,
        d: usize,
        features: &mut Vec<u64>,
        acc: &mut [i32],
    ) -> DepRel {
        if h == st.n {
            return DepRel::Root;
        }
        label_features(toks, st, h, d, features);
        DepRel::from_index(self.label.best(features, acc, label_allowed)).unwrap_or(DepRel::Dep)
    }

    /// Serialises the model: magic, then the transition and relation tables
    /// (bits, classes, scale, i16 weights), deflated.
    pub fn to_bytes(&self) -> Vec<u8> {
        let label = self.label.to_table();
        let greedy = perceptron::to_bytes(MAGIC, &[&self.action.to_table(), &label], PRUNE);
        direction::direction_bytes(self.right_to_left, beam::beam_bytes(self.beam, greedy))
    }

    /// Reads a model written by [`Parser::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ParserError> {
        match direction::direction_header(bytes)? {
            // One direction header at most: the inner file has none.
            Some(rest) => Ok(Parser::from_left_to_right_bytes(rest)?.reading_right_to_left()),
            None => Parser::from_left_to_right_bytes(bytes),
        }
    }

    /// Whether the model reads sentences right to left.
    pub fn is_right_to_left(&self) -> bool {
        self.right_to_left
    }

    /// Reads a `WSPAR001` or `WSPAR002` model file.
    fn from_left_to_right_bytes(bytes: &[u8]) -> Result<Self, ParserError> {
        match beam::beam_header(bytes)? {
            // One header at most: the inner file is a greedy model.
            Some((width, rest)) => Ok(Parser::from_greedy_bytes(rest)?.with_beam(width)),
            None => Parser::from_greedy_bytes(bytes),
        }
    }

    /// Reads a greedy (`WSPAR001`) model file.
    fn from_greedy_bytes(bytes: &[u8]) -> Result<Self, ParserError> {
        let raw = perceptron::unseal(MAGIC, bytes)?;
        let mut cur = perceptron::Cursor::new(&raw);
        let action = QTable::read(&mut cur)?;
        let label = QTable::read(&mut cur)?;
        if action.classes != ACTIONS || label.classes != DepRel::ALL.len() {
            return Err(ParserError::Corrupt(
                "transition or relation set differs from this build".into(),
            ));
        }
        // The transitions packed straight from the file's i16 weights.
        let action = Packed4::from_qtable(&action);
        Ok(Parser {
            action,
            label,
            beam: 1,
            right_to_left: false,
        })
    }
}

/// News puts the speaker after the quotation: "“…,” Michael McFaul, former
/// ambassador to Russia, told NBC." UD attaches the speech verb to the
/// quotation's root as `parataxis`, with the speaker as its subject. The
/// greedy parser, which sees few such sentences in EWT, often makes the
/// speaker an object of the quotation's verb and the speech verb a `conj`.
/// When a verb hangs from the root after a closing quotation mark and a
/// comma, with only a noun phrase (no verb) between the mark and it and no
/// subject of its own, the noun phrase becomes its subject and the verb a
/// `parataxis`.
fn repair_trailing_speech(words: &[&str], upos: &[Upos], arcs: &mut [Arc]) {
    let Some(root) = arcs.iter().position(|a| a.0.is_none()) else {
        return;
    };
    let closes = |w: &str| matches!(w, "”" | "\"" | "''" | "’");
    // The closing mark after the root: `,”` or `”,`.
    let Some(q) = (root + 1..words.len()).find(|&i| {
        closes(words[i])
            && (words.get(i.wrapping_sub(1)) == Some(&",") || words.get(i + 1) == Some(&","))
    }) else {
        return;
    };
    let start = if words.get(q + 1) == Some(&",") {
        q + 2
    } else {
        q + 1
    };
    // The first verb after the mark.
    let Some(v) =
        (start..words.len()).find(|&i| matches!(upos.get(i), Some(Upos::Verb | Upos::Aux)))
    else {
        return;
    };
    if v == start
        || arcs[v].0 != Some(root)
        || !matches!(
            arcs[v].1,
            DepRel::Conj | DepRel::Dep | DepRel::Ccomp | DepRel::Advcl
        )
        || arcs.iter().any(|a| a.0 == Some(v) && a.1.is_subject())
        || !matches!(
            upos.get(start),
            Some(Upos::Propn | Upos::Noun | Upos::Pron | Upos::Det | Upos::Adj | Upos::Num)
        )
    {
        return;
    }
    // The head of the phrase between the mark and the verb: its word whose
    // head lies outside the phrase.
    let inside = |i: usize| (start..v).contains(&i);
    let heads: Vec<usize> = (start..v)
        .filter(|&i| !arcs[i].0.is_some_and(inside) && upos.get(i) != Some(&Upos::Punct))
        .collect();
    let [subject] = heads[..] else {
        return;
    };
    arcs[subject] = (Some(v), DepRel::Nsubj);
    arcs[v].1 = DepRel::Parataxis;
}

fn label_allowed(c: usize) -> bool {
    c != DepRel::Unset.index() && c != DepRel::Root.index()
}

/// The only valid transition, when there is just one.
fn forced(valid: &[bool; ACTIONS]) -> Option<usize> {
    let mut only = None;
    for (a, &ok) in valid.iter().enumerate() {
        if ok {
            if only.is_some() {
                return None;
            }
            only = Some(a);
        }
    }
    only
}

fn argmax(scores: &[f32], allowed: impl Fn(usize) -> bool) -> usize {
    perceptron::argmax(scores, f32::NEG_INFINITY, allowed)
}

/// What a parser reads for the tokens `range` of `doc`: their words, UPOS
/// and XPOS tags.
pub(crate) fn parser_input(
    doc: &Document,
    range: std::ops::Range<usize>,
) -> (Vec<&str>, Vec<Upos>, Vec<Xpos>) {
    let words = range.clone().map(|t| doc.token_text(t)).collect();
    let toks = doc.tokens.get(range).unwrap_or_default();
    (
        words,
        toks.iter().map(|t| t.upos).collect(),
        toks.iter().map(|t| t.xpos).collect(),
    )
}

/// The "parse" stage: fills `head` and `deprel` of every token, sentence by
/// sentence (heads are document-wide token indices; `None` marks the root).
pub struct ParseStage {
    parser: Box<dyn DependencyParser>,
}

impl ParseStage {
    pub fn new(parser: impl DependencyParser + 'static) -> Self {
        ParseStage {
            parser: Box::new(parser),
        }
    }
}

impl Stage for ParseStage {
    fn name(&self) -> &'static str {
        "parse"
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        for s in 0..doc.sentences.len() {
            let sentence = doc.sentences[s].token_range();
            // A dateline is parsed apart: read as the clause's first words
            // it becomes its subject ("WASHINGTON (Reuters) - The Federal
            // Reserve held…" gets two).
            let dateline = dateline_tokens(doc, sentence.clone());
            let range = sentence.start + dateline..sentence.end;
            let arcs = {
                let (words, upos, xpos) = parser_input(doc, range.clone());
                self.parser.parse(&words, &upos, &xpos)
            };
            let first = range.start;
            let mut root = None;
            for (t, (h, rel)) in range.zip(arcs) {
                if let Some(tok) = doc.tokens.get_mut(t) {
                    tok.head = h.map(|h| (first + h) as u32);
                    tok.deprel = rel;
                    if h.is_none() {
                        root = Some(t as u32);
                    }
                }
            }
            attach_dateline(doc, sentence.start..sentence.start + dateline, root);
        }
        Ok(())
    }
}

/// How many tokens of the sentence `range` make a news dateline opening a
/// paragraph: a place in capitals, perhaps a region and an agency, then a
/// dash or colon ("WASHINGTON —", "KYIV, Ukraine (AP) —", "LA CROSSE, Wis.
/// -", "NEW DELHI:"), or a transcript's speaker label ("WALLACE:"), as
/// much apart from the clause. 0 when there is none.
pub fn dateline_tokens(doc: &Document, range: std::ops::Range<usize>) -> usize {
    const MAX: usize = 18;
    let range = range.start..range.end.min(doc.tokens.len());
    let Some(first) = doc.tokens.get(range.start) else {
        return 0;
    };
    // At a paragraph's (or line's) start.
    let line_start = first.span.start == 0
        || doc
            .slice(whosaid_core::Span::new(
                first.span.start - 1,
                first.span.start,
            ))
            .starts_with('\n');
    if !line_start {
        return 0;
    }
    let word = |t: usize| doc.token_text(t);
    let capitals = |t: usize| {
        let w = word(t);
        w.chars().any(char::is_alphabetic)
            && !w.chars().any(char::is_lowercase)
            && w.chars().all(|c| c.is_alphabetic() || ".'’-".contains(c))
    };
    let capitalised = |t: usize| {
        let w = word(t);
        w.starts_with(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || ".'’-".contains(c))
    };
    let dash = |t: usize| matches!(word(t), "—" | "–" | "-" | "--" | ":");
    let end = range.end.min(range.start + MAX);
    let mut t = range.start;
    while t < end && capitals(t) {
        t += 1;
    }
    let letters: usize = (range.start..t)
        .map(|k| word(k).chars().filter(|c| c.is_alphabetic()).count())
        .sum();
    if letters < 3 {
        return 0;
    }
    // ", Ill.", ", Ukraine", ", N.J."
    if t < end && word(t) == "," {
        let mut k = t + 1;
        while k < end && capitalised(k) && k < t + 4 {
            k += 1;
        }
        if k == t + 1 {
            return 0;
        }
        t = k;
    }
    // A press release's date, ", March 4, 2026" (the region step may have
    // taken the month for a region word), then its wire: "/PRNewswire/".
    let month = |t: usize| whosaid_core::month_number(word(t)).is_some();
    let number = |t: usize, max: usize| {
        let w = word(t);
        !w.is_empty() && w.len() <= max && w.chars().all(|c| c.is_ascii_digit())
    };
    if t < end && word(t) == "," && month(t + 1) && number(t + 2, 2) {
        t += 2;
    } else if t < end && month(t) && number(t + 1, 2) {
        t += 1;
    }
    if t > range.start && month(t - 1) && number(t, 2) {
        t += 1;
        if word(t) == "," && number(t + 1, 4) {
            t += 2;
        }
    }
    if t + 2 < end && word(t) == "/" && word(t + 2) == "/" && capitalised(t + 1) {
        t += 3;
    }
    // "(AP)", "(Reuters)", "(BUSINESS WIRE)"
    if t < end && word(t) == "(" {
        let close = (t + 1..end.min(t + 5)).find(|&k| word(k) == ")");
        match close {
            Some(c) if c > t + 1 && (t + 1..c).all(capitalised) => t = c + 1,
            _ => return 0,
        }
    }
    // The colon form only straight after the place ("NEW DELHI: …").
    let colon_ok = word(t.min(range.end - 1)) != ":"
        || doc
            .token_text(t.saturating_sub(1))
            .chars()
            .all(char::is_alphabetic);
    if t < end && dash(t) && colon_ok && t + 3 <= range.end {
        t + 1 - range.start
    } else {
        0
    }
}

/// Hangs the dateline tokens `range` on the clause's `root`: the place's
/// first word depends on it (`dep`); the place's other words are `flat` on
/// that word, the first word of a region or agency after a comma or in
/// brackets its `appos` ("KYIV, Ukraine (AP)"), with the rest `flat` on it.
fn attach_dateline(doc: &mut Document, range: std::ops::Range<usize>, root: Option<u32>) {
    let Some(root) = root else {
        return;
    };
    let place = range.start as u32;
    // The word later words of the current group hang on.
    let mut group: Option<u32> = Some(place);
    for t in range {
        let punct = matches!(
            doc.token_text(t),
            "—" | "–" | "-" | "--" | ":" | "," | "(" | ")"
        );
        let Some(tok) = doc.tokens.get_mut(t) else {
            return;
        };
        (tok.head, tok.deprel) = if t as u32 == place {
            (Some(root), DepRel::Dep)
        } else if punct {
            group = None;
            (Some(place), DepRel::Punct)
        } else if let Some(g) = group {
            (Some(g), DepRel::Flat)
        } else {
            group = Some(t as u32);
            (Some(place), DepRel::Appos)
        };
    }
}

/// The hashed values features read, per word; two extra entries stand for
/// the artificial root (index n) and "no word" (index n + 1).
struct Toks {
    word: Vec<u64>,
    xpos: Vec<u64>,
    upos: Vec<u64>,
    /// Word and XPOS together.
    wp: Vec<u64>,
    /// Last three characters of the lowercased word.
    suffix: Vec<u64>,
}

fn hash_str(s: &str) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h
}

impl Toks {
    fn new(words: &[&str], upos: &[Upos], xpos: &[Xpos]) -> Self {
        let n = words.len();
        let mut t = Toks {
            word: Vec::with_capacity(n + 2),
            xpos: Vec::with_capacity(n + 2),
            upos: Vec::with_capacity(n + 2),
            wp: Vec::with_capacity(n + 2),
            suffix: Vec::with_capacity(n + 2),
        };
        let mut lower = String::new();
        for (i, w) in words.iter().enumerate() {
            lower.clear();
            lower.extend(w.chars().flat_map(char::to_lowercase).map(|c| {
                if c == '’' {
                    '\''
                } else {
                    c
                }
            }));
            let word = hash_str(&lower);
            let x = xpos.get(i).map_or(0, |x| x.index() as u64);
            let start = lower.char_indices().rev().nth(2).map_or(0, |(b, _)| b);
            t.word.push(word);
            t.xpos.push(x);
            t.upos.push(upos.get(i).map_or(0, |u| u.index() as u64));
            t.wp.push(mix(1, word, x, 0));
            t.suffix.push(hash_str(&lower[start..]));
        }
        for (word, tag) in [(hash_str("<root>"), 254), (hash_str("<none>"), 255)] {
            t.word.push(word);
            t.xpos.push(tag);
            t.upos.push(tag);
            t.wp.push(mix(1, word, tag, 0));
            t.suffix.push(word);
        }
        t
    }
}

/// The tree of a terminal state.
fn tree_of(st: &State) -> Vec<Arc> {
    (0..st.n)
        .map(|i| {
            let h = st.head[i];
            (
                (h < st.n).then_some(h),
                DepRel::from_index(st.label[i] as usize).unwrap_or_default(),
            )
        })
        .collect()
}

/// The repairs every parse gets: a speaker after a quotation, then
/// punctuation placed as UD places it.
fn repair(words: &[&str], upos: &[Upos], arcs: &mut [Arc]) {
    repair_trailing_speech(words, upos, arcs);
    crate::punct::fix_punctuation(words, upos, arcs);
}

/// A parser configuration: the stack, the buffer `b..=n` (n is the root)
/// and the partial tree.
struct State {
    n: usize,
    stack: Vec<usize>,
    b: usize,
    /// Head of each word (n = root, `usize::MAX` = not attached yet).
    head: Vec<usize>,
    label: Vec<u8>,
    /// Leftmost, second leftmost, rightmost and second rightmost dependents
    /// (n + 1 = none), for words, the root and "none".
    lc1: Vec<usize>,
    lc2: Vec<usize>,
    rc1: Vec<usize>,
    rc2: Vec<usize>,
    /// Number of left and right dependents.
    nl: Vec<u8>,
    nr: Vec<u8>,
    /// Bitsets of the relations of left and right dependents.
    lset: Vec<u64>,
    rset: Vec<u64>,
}

const UNATTACHED: usize = usize::MAX;

impl State {
    fn new(n: usize) -> Self {
        let none = n + 1;
        State {
            n,
            stack: Vec::with_capacity(n.min(1024)),
            b: 0,
            head: vec![UNATTACHED; n],
            label: vec![0; n + 2],
            lc1: vec![none; n + 2],
            lc2: vec![none; n + 2],
            rc1: vec![none; n + 2],
            rc2: vec![none; n + 2],
            nl: vec![0; n + 2],
            nr: vec![0; n + 2],
            lset: vec![0; n + 2],
            rset: vec![0; n + 2],
        }
    }

    fn terminal(&self) -> bool {
        self.b >= self.n && self.stack.is_empty()
    }

    /// Which transitions are allowed: the root is never shifted and takes a
    /// dependent only when that is the last word on the stack.
    fn valid(&self) -> [bool; ACTIONS] {
        let depth = self.stack.len();
        [
            self.b < self.n,
            depth >= 1 && (self.b < self.n || depth == 1),
            depth >= 2,
        ]
    }

    /// The arc a transition makes: (head, dependent).
    fn arc(&self, a: usize) -> Option<(usize, usize)> {
        let s0 = *self.stack.last()?;
        match a {
            LEFT => Some((self.b, s0)),
            RIGHT => Some((self.stack[self.stack.len().checked_sub(2)?], s0)),
            _ => None,
        }
    }

    fn apply(&mut self, a: usize, rel: DepRel) {
        match self.arc(a) {
            Some((h, d)) => {
                self.stack.pop();
                self.attach(h, d, rel);
            }
            None => {
                self.stack.push(self.b);
                self.b += 1;
            }
        }
    }

    fn attach(&mut self, h: usize, d: usize, rel: DepRel) {
        self.head[d] = h;
        self.label[d] = rel.index() as u8;
        if h >= self.n {
            return;
        }
        let none = self.n + 1;
        let bit = 1u64 << (rel.index() & 63);
        if d < h {
            if self.lc1[h] == none || d < self.lc1[h] {
                self.lc2[h] = self.lc1[h];
                self.lc1[h] = d;
            } else if self.lc2[h] == none || d < self.lc2[h] {
                self.lc2[h] = d;
            }
            self.nl[h] = self.nl[h].saturating_add(1);
            self.lset[h] |= bit;
        } else {
            if self.rc1[h] == none || d > self.rc1[h] {
                self.rc2[h] = self.rc1[h];
                self.rc1[h] = d;
            } else if self.rc2[h] == none || d > self.rc2[h] {
                self.rc2[h] = d;
            }
            self.nr[h] = self.nr[h].saturating_add(1);
            self.rset[h] |= bit;
        }
    }

    /// The cost of each transition against a projective gold tree: how many
    /// gold arcs it makes unreachable (arc-hybrid is arc-decomposable).
    fn costs(&self, gold: &[usize], children: &[Vec<usize>]) -> [u32; ACTIONS] {
        let mut costs = [u32::MAX; ACTIONS];
        let valid = self.valid();
        let in_buffer = |i: usize| i >= self.b;
        let on_stack = |i: usize| i < self.n && i < self.b && self.head[i] == UNATTACHED;
        let depth = self.stack.len();
        if valid[SHIFT] {
            let b0 = self.b;
            let s0 = self.stack.last().copied();
            let mut c = children[b0].iter().filter(|&&d| on_stack(d)).count() as u32;
            let h = gold[b0];
            if on_stack(h) && Some(h) != s0 {
                c += 1;
            }
            costs[SHIFT] = c;
        }
        if depth >= 1 {
            let s0 = self.stack[depth - 1];
            // Dependents of s0 still in the buffer are lost when it is popped.
            let lost = children[s0].iter().filter(|&&d| in_buffer(d)).count() as u32;
            let h = gold[s0];
            let s1 = depth.checked_sub(2).map(|i| self.stack[i]);
            if valid[LEFT] {
                let wrong_head = (in_buffer(h) && h != self.b) || Some(h) == s1;
                costs[LEFT] = lost + u32::from(wrong_head);
            }
            if valid[RIGHT] {
                costs[RIGHT] = lost + u32::from(in_buffer(h));
            }
        }
        costs
    }
}

/// Mixes a template id with up to three values into a feature hash.
#[inline]
fn mix(template: u64, a: u64, b: u64, c: u64) -> u64 {
    let mut h = (template + 1).wrapping_mul(0x9e3779b97f4a7c15);
    for x in [a, b, c] {
        h = (h ^ x).wrapping_mul(0xbf58476d1ce4e5b9);
        h ^= h >> 31;
    }
    h
}

fn bucket(d: usize) -> u64 {
    match d {
        0..=4 => d as u64,
        5..=6 => 5,
        7..=10 => 6,
        _ => 7,
    }
}

fn action_features(t: &Toks, st: &State, out: &mut Vec<u64>) {
    out.clear();
    let n = st.n;
    let none = n + 1;
    let depth = st.stack.len();
    let s = |k: usize| depth.checked_sub(k + 1).map_or(none, |i| st.stack[i]);
    let (s0, s1, s2) = (s(0), s(1), s(2));
    let b0 = if st.b <= n { st.b } else { none };
    let b1 = if st.b < n { st.b + 1 } else { none };
    let b2 = if st.b + 1 < n { st.b + 2 } else { none };
    let (s0l, s0l2, s0r, s0r2) = (st.lc1[s0], st.lc2[s0], st.rc1[s0], st.rc2[s0]);
    let (b0l, b0l2) = (st.lc1[b0], st.lc2[b0]);
    let (s1l, s1r) = (st.lc1[s1], st.rc1[s1]);
    let w = |i: usize| t.word[i];
    let p = |i: usize| t.xpos[i];
    let u = |i: usize| t.upos[i];
    let wp = |i: usize| t.wp[i];
    let l = |i: usize| st.label[i] as u64;
    let dist = if s0 < n && b0 <= n {
        bucket(b0 - s0)
    } else {
        8
    };
    let f = |out: &mut Vec<u64>, id: u64, a: u64, b: u64, c: u64| out.push(mix(id, a, b, c));

    f(out, 0, 0, 0, 0);
    // Single words.
    f(out, 1, w(s0), 0, 0);
    f(out, 2, p(s0), 0, 0);
    f(out, 3, wp(s0), 0, 0);
    f(out, 4, w(s1), 0, 0);
    f(out, 5, p(s1), 0, 0);
    f(out, 6, wp(s1), 0, 0);
    f(out, 7, w(b0), 0, 0);
    f(out, 8, p(b0), 0, 0);
    f(out, 9, wp(b0), 0, 0);
    f(out, 10, w(b1), 0, 0);
    f(out, 11, p(b1), 0, 0);
    f(out, 12, wp(b1), 0, 0);
    f(out, 13, w(b2), 0, 0);
    f(out, 14, p(b2), 0, 0);
    f(out, 15, wp(b2), 0, 0);
    f(out, 16, p(s2), 0, 0);
    f(out, 17, w(s2), 0, 0);
    // Pairs.
    f(out, 20, wp(s0), wp(b0), 0);
    f(out, 21, wp(s0), w(b0), 0);
    f(out, 22, w(s0), wp(b0), 0);
    f(out, 23, wp(s0), p(b0), 0);
    f(out, 24, p(s0), wp(b0), 0);
    f(out, 25, w(s0), w(b0), 0);
    f(out, 26, p(s0), p(b0), 0);
    f(out, 27, p(b0), p(b1), 0);
    f(out, 28, p(s1), p(s0), 0);
    f(out, 29, w(s1), w(s0), 0);
    f(out, 30, wp(s1), p(s0), 0);
    f(out, 31, p(s1), wp(s0), 0);
    f(out, 32, p(s1), p(b0), 0);
    f(out, 33, w(s1), w(b0), 0);
    // Triples.
    f(out, 40, p(b0), p(b1), p(b2));
    f(out, 41, p(s0), p(b0), p(b1));
    f(out, 42, p(s1), p(s0), p(b0));
    f(out, 43, p(s0), p(s0l), p(b0));
    f(out, 44, p(s0), p(s0r), p(b0));
    f(out, 45, p(s0), p(b0), p(b0l));
    f(out, 46, p(s1), p(s0), p(s0l));
    f(out, 47, p(s1), p(s0), p(s0r));
    f(out, 48, p(s1), p(s1r), p(s0));
    f(out, 49, p(s2), p(s1), p(s0));
    f(out, 50, w(s0), p(b0), p(b1));
    f(out, 51, p(s0), w(b0), p(b1));
    f(out, 52, p(s1), p(s1l), p(s0));
    // Distance.
    f(out, 60, w(s0), dist, 0);
    f(out, 61, p(s0), dist, 0);
    f(out, 62, w(b0), dist, 0);
    f(out, 63, p(b0), dist, 0);
    f(out, 64, w(s0), w(b0), dist);
    f(out, 65, p(s0), p(b0), dist);
    // Valency.
    f(out, 70, w(s0), st.nr[s0] as u64, 0);
    f(out, 71, p(s0), st.nr[s0] as u64, 0);
    f(out, 72, w(s0), st.nl[s0] as u64, 0);
    f(out, 73, p(s0), st.nl[s0] as u64, 0);
    f(out, 74, w(b0), st.nl[b0] as u64, 0);
    f(out, 75, p(b0), st.nl[b0] as u64, 0);
    // Dependents.
    f(out, 80, w(s0l), 0, 0);
    f(out, 81, p(s0l), 0, 0);
    f(out, 82, l(s0l), 0, 0);
    f(out, 83, w(s0r), 0, 0);
    f(out, 84, p(s0r), 0, 0);
    f(out, 85, l(s0r), 0, 0);
    f(out, 86, w(b0l), 0, 0);
    f(out, 87, p(b0l), 0, 0);
    f(out, 88, l(b0l), 0, 0);
    f(out, 89, w(s0l2), 0, 0);
    f(out, 90, p(s0l2), 0, 0);
    f(out, 91, l(s0l2), 0, 0);
    f(out, 92, w(s0r2), 0, 0);
    f(out, 93, p(s0r2), 0, 0);
    f(out, 94, l(s0r2), 0, 0);
    f(out, 95, w(b0l2), 0, 0);
    f(out, 96, p(b0l2), 0, 0);
    f(out, 97, l(b0l2), 0, 0);
    f(out, 98, p(s1r), l(s1r), 0);
    // Third order.
    f(out, 100, p(s0), p(s0l), p(s0l2));
    f(out, 101, p(s0), p(s0r), p(s0r2));
    f(out, 102, p(b0), p(b0l), p(b0l2));
    // Relation sets.
    f(out, 110, w(s0), st.rset[s0], 0);
    f(out, 111, p(s0), st.rset[s0], 0);
    f(out, 112, w(s0), st.lset[s0], 0);
    f(out, 113, p(s0), st.lset[s0], 0);
    f(out, 114, w(b0), st.lset[b0], 0);
    f(out, 115, p(b0), st.lset[b0], 0);
    // Universal POS.
    f(out, 130, u(s0), u(b0), 0);
    f(out, 131, u(s1), u(s0), u(b0));
    f(out, 132, u(s0), u(b0), u(b1));
    // Suffixes stand in for unknown words.
    f(out, 140, t.suffix[s0], p(b0), 0);
    f(out, 141, p(s0), t.suffix[b0], 0);
    // String neighbours of s0 and b0 (not tree positions).
    let s0_prev = if s0 > 0 && s0 < n { s0 - 1 } else { none };
    let s0_next = if s0 + 1 < n { s0 + 1 } else { none };
    let b0_prev = if b0 > 0 && b0 <= n { b0 - 1 } else { none };
    f(out, 150, p(s0_prev), p(s0), p(b0));
    f(out, 151, p(s0), p(s0_next), p(b0));
    f(out, 152, p(s0), p(b0_prev), p(b0));
    f(out, 153, w(s0_next), p(s0), 0);
    f(out, 154, w(b0_prev), p(b0), 0);
    // More lexical context.
    f(out, 160, w(b0), w(b1), 0);
    f(out, 161, w(s0), w(b0), w(b1));
    f(out, 162, p(s0), p(b0), p(b1) << 8 | p(b2));
    f(out, 163, u(s0), 0, 0);
    f(out, 164, u(b0), 0, 0);
    f(out, 165, w(s0), l(s0r), p(b0));
    f(out, 166, w(b0), l(b0l), p(s0));
}

fn label_features(t: &Toks, st: &State, h: usize, d: usize, out: &mut Vec<u64>) {
    out.clear();
    let none = st.n + 1;
    let w = |i: usize| t.word[i];
    let p = |i: usize| t.xpos[i];
    let u = |i: usize| t.upos[i];
    let dir = u64::from(d < h);
    let dist = bucket(h.abs_diff(d));
    let prev = if d > 0 { d - 1 } else { none };
    let next = if d + 1 < st.n { d + 1 } else { none };
    let (dl, dr) = (st.lc1[d], st.rc1[d]);
    let f = |out: &mut Vec<u64>, id: u64, a: u64, b: u64, c: u64| out.push(mix(id, a, b, c));
    f(out, 200, dir, 0, 0);
    f(out, 201, w(d), dir, 0);
    f(out, 202, p(d), dir, 0);
    f(out, 203, u(d), dir, 0);
    f(out, 204, w(h), dir, 0);
    f(out, 205, p(h), dir, 0);
    f(out, 206, u(h), dir, 0);
    f(out, 207, w(d), p(h), dir);
    f(out, 208, p(d), w(h), dir);
    f(out, 209, p(d), p(h), dir);
    f(out, 210, w(d), w(h), dir);
    f(out, 211, p(d), p(h), dist);
    f(out, 212, u(d), u(h), dir);
    f(out, 213, st.lset[d], p(d), 0);
    f(out, 214, st.rset[d], p(d), 0);
    f(out, 215, st.lset[h], p(h), dir);
    f(out, 216, w(dl), p(d), 0);
    f(out, 217, p(dl), l_of(st, dl), p(d));
    f(out, 218, w(dr), p(d), 0);
    f(out, 219, p(prev), p(d), dir);
    f(out, 220, p(next), p(d), dir);
    f(out, 221, t.suffix[d], p(h), dir);
    f(out, 222, st.rset[h], p(h), dir);
    f(out, 223, w(dl), p(d), p(h));
}

fn l_of(st: &State, i: usize) -> u64 {
    st.label[i] as u64
}

/// One sentence of a treebank: words, gold tags and the gold tree.
#[derive(Debug, Clone, Default)]
pub struct TreeSentence {
    pub words: Vec<String>,
    pub upos: Vec<Upos>,
    pub xpos: Vec<Xpos>,
    /// Head of each word within the sentence; `None` for the root.
    pub heads: Vec<Option<usize>>,
    pub deprels: Vec<DepRel>,
}

impl TreeSentence {
    /// The projectivised gold heads (root as n) and each word's dependents
    /// (indexed up to n + 1), as the trainers read them; `None` when the
    /// gold heads do not form a tree.
    fn projective_gold(&self) -> Option<(Vec<usize>, Vec<Vec<usize>>)> {
        let mut heads = self.gold_heads()?;
        projectivize(&mut heads)?;
        let mut children = vec![Vec::new(); heads.len() + 2];
        for (d, &h) in heads.iter().enumerate() {
            children[h].push(d);
        }
        Some((heads, children))
    }

    /// Gold heads with the root as index n, when they form a tree (every
    /// word reaches the root, one word attaches to it); `None` otherwise.
    fn gold_heads(&self) -> Option<Vec<usize>> {
        let n = self.words.len();
        if self.heads.len() != n || self.deprels.len() != n {
            return None;
        }
        let heads: Vec<usize> = self.heads.iter().map(|h| h.unwrap_or(n)).collect();
        if heads.iter().any(|&h| h > n) || heads.iter().filter(|&&h| h == n).count() != 1 {
            return None;
        }
        for start in 0..n {
            let (mut i, mut steps) = (start, 0);
            while i != n {
                i = heads[i];
                steps += 1;
                if steps > n {
                    return None;
                }
            }
        }
        Some(heads)
    }
}

/// True when every word between `h` and `d` descends from `h`.
fn arc_is_projective(heads: &[usize], h: usize, d: usize) -> bool {
    let n = heads.len();
    let (lo, hi) = if h < d { (h, d) } else { (d, h) };
    (lo + 1..hi).all(|k| {
        let mut i = k;
        let mut steps = 0;
        while i != h && i < n && steps <= n {
            i = heads[i];
            steps += 1;
        }
        i == h
    })
}

/// Makes a tree projective by lifting the shortest non-projective arc to the
/// head's head until none is left (relations unchanged). `None` if that
/// does not converge (it always does on a tree).
fn projectivize(heads: &mut [usize]) -> Option<()> {
    let n = heads.len();
    for _ in 0..=n * n {
        let worst = (0..n)
            .filter(|&d| heads[d] < n && !arc_is_projective(heads, heads[d], d))
            .min_by_key(|&d| heads[d].abs_diff(d));
        match worst {
            None => return Some(()),
            Some(d) => heads[d] = heads[heads[d]],
        }
    }
    None
}

/// Reads CoNLL-U sentences with their trees (multiword-token and empty-node
/// lines skipped). Heads out of range read as the root; relations unknown
/// to [`DepRel`] fall back to their universal part, then to `dep`.
pub fn read_conllu(text: &str) -> Vec<TreeSentence> {
    crate::conllu::blocks(text, 8)
        .map(|b| {
            let n = b.words.len();
            let tagged = crate::tagger::TaggedSentence::from_block(&b);
            TreeSentence {
                words: tagged.words,
                upos: tagged.upos,
                xpos: tagged.xpos,
                heads: b
                    .words
                    .iter()
                    .map(|c| {
                        c[6].parse::<usize>()
                            .ok()
                            .filter(|&h| h >= 1 && h <= n)
                            .map(|h| h - 1)
                    })
                    .collect(),
                deprels: b
                    .words
                    .iter()
                    .map(|c| {
                        DepRel::parse(c[7])
                            .or_else(|| DepRel::parse(c[7].split(':').next().unwrap_or("")))
                            .unwrap_or(DepRel::Dep)
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Writes sentences with their tags and trees as CoNLL-U (lemma, features
/// and MISC blank).
pub fn to_conllu(sentences: &[TreeSentence]) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for s in sentences {
        for (i, w) in s.words.iter().enumerate() {
            let head = s.heads.get(i).copied().flatten().map_or(0, |h| h + 1);
            let _ = writeln!(
                out,
                "{}\t{}\t_\t{}\t{}\t_\t{}\t{}\t_\t_",
                i + 1,
                w,
                s.upos.get(i).copied().unwrap_or_default(),
                s.xpos.get(i).copied().unwrap_or_default(),
                head,
                s.deprels.get(i).copied().unwrap_or_default()
            );
        }
        out.push('\n');
    }
    out
}

/// Trains a parser on sentences with trees, reading the tags in each
/// sentence (gold or predicted: whatever the caller put there). `epochs`
/// passes, order shuffled each pass with a seeded generator (deterministic).
/// Non-projective trees are projectivised; sentences without a valid tree
/// are skipped.
pub fn train(sentences: &[TreeSentence], epochs: usize, seed: u64) -> Parser {
    train_ensemble(sentences, epochs, seed, 1)
}

/// As [`train`] with `ensemble` models (seeds `seed..seed + ensemble`, so
/// each sees its own shuffles and exploration), whose averaged weights are
/// averaged into one model of the same size: parsing costs the same.
pub fn train_ensemble(
    sentences: &[TreeSentence],
    epochs: usize,
    seed: u64,
    ensemble: usize,
) -> Parser {
    let (action, label) = crate::perceptron::averaged_pairs(ensemble, seed, |seed| {
        train_one(sentences, epochs, seed)
    });
    Parser {
        action: Packed4::from_qtable(&QTable::from_table(&action)),
        label: QTable::from_table(&label),
        beam: 1,
        right_to_left: false,
    }
}

/// One averaged perceptron pair (transitions, relations).
fn train_one(sentences: &[TreeSentence], epochs: usize, seed: u64) -> (Table, Table) {
    let mut at = Trainer::new(ACTION_BITS, ACTIONS);
    let mut lt = Trainer::new(LABEL_BITS, DepRel::ALL.len());
    let prepared: Vec<(usize, Vec<usize>, Vec<Vec<usize>>)> = sentences
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let (heads, children) = s.projective_gold()?;
            Some((i, heads, children))
        })
        .collect();
    let mut order: Vec<usize> = (0..prepared.len()).collect();
    let mut rng = perceptron::Shuffler::new(seed);
    let mut next_rand = move || rng.next_u64();
    let mut features = Vec::with_capacity(96);
    let mut scores = [0f32; ACTIONS];
    let mut lscores = vec![0f32; DepRel::ALL.len()];
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, (next_rand() % (i as u64 + 1)) as usize);
        }
        let explore = epoch >= EXPLORE_FROM;
        for &k in &order {
            let (si, gold, children) = &prepared[k];
            let sent = &sentences[*si];
            let words: Vec<&str> = sent.words.iter().map(String::as_str).collect();
            let toks = Toks::new(&words, &sent.upos, &sent.xpos);
            let mut st = State::new(words.len());
            while !st.terminal() {
                action_features(&toks, &st, &mut features);
                at.table.scores(&features, &mut scores);
                let valid = st.valid();
                let pred = argmax(&scores, |c| valid[c]);
                let costs = st.costs(gold, children);
                let min = costs.iter().copied().min().unwrap_or(0);
                let best = argmax(&scores, |c| costs[c] == min);
                at.update(
                    &features,
                    best,
                    if costs[pred] == min { best } else { pred },
                );
                let a = if costs[pred] == min || (explore && next_rand() % 10 != 0) {
                    pred
                } else {
                    best
                };
                let rel = match st.arc(a) {
                    Some((h, _)) if h == st.n => DepRel::Root,
                    Some((h, d)) => {
                        label_features(&toks, &st, h, d, &mut features);
                        lt.table.scores(&features, &mut lscores);
                        let guess = argmax(&lscores, label_allowed);
                        if gold[d] == h {
                            let truth = sent.deprels[d];
                            if label_allowed(truth.index()) {
                                lt.update(&features, truth.index(), guess);
                            }
                        }
                        DepRel::from_index(guess).unwrap_or(DepRel::Dep)
                    }
                    None => DepRel::Unset,
                };
                st.apply(a, rel);
            }
        }
    }
    (at.averaged(), lt.averaged())
}

/// Attachment scores over all words, punctuation included (CoNLL 2018 style).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Attachment {
    pub words: usize,
    /// Right head.
    pub uas: f64,
    /// Right head and universal relation (subtypes ignored, as CoNLL 2018).
    pub las: f64,
    /// Right head and full relation, subtype included.
    pub las_full: f64,
}

/// Parses every sentence with the tags it carries and scores the trees.
pub fn attachment(
    parser: &dyn DependencyParser,
    sentences: &[TreeSentence],
    tags: &[Vec<(Xpos, Upos)>],
) -> Attachment {
    let (mut n, mut u, mut l, mut lf) = (0usize, 0usize, 0usize, 0usize);
    for (i, s) in sentences.iter().enumerate() {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let arcs = match tags.get(i) {
            Some(t) => {
                let xpos: Vec<Xpos> = t.iter().map(|p| p.0).collect();
                let upos: Vec<Upos> = t.iter().map(|p| p.1).collect();
                parser.parse(&words, &upos, &xpos)
            }
            None => parser.parse(&words, &s.upos, &s.xpos),
        };
        for (j, (h, rel)) in arcs.into_iter().enumerate() {
            n += 1;
            if s.heads.get(j) == Some(&h) {
                u += 1;
                let g = s.deprels.get(j).copied().unwrap_or_default();
                l += usize::from(g.base() == rel.base());
                lf += usize::from(g == rel);
            }
        }
    }
    let d = n.max(1) as f64;
    Attachment {
        words: n,
        uas: u as f64 / d,
        las: l as f64 / d,
        las_full: lf as f64 / d,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` through the default NLP stages.
    fn analysed(text: &str) -> Document {
        let mut doc = Document::new(text);
        for stage in crate::english_stages().expect("models load") {
            stage.process(&mut doc).expect("stage runs");
        }
        doc
    }

    #[test]
    fn a_dateline_is_parsed_apart_from_its_clause() {
        let first = |text: &str| {
            let doc = analysed(text);
            dateline_tokens(&doc, doc.sentences[0].token_range())
        };
        assert_eq!(
            first("WASHINGTON (Reuters) - The Fed held rates steady."),
            5
        );
        assert_eq!(
            first("KYIV, Ukraine (AP) — Ukraine's air force said it won."),
            7
        );
        assert_eq!(
            first("NEW DELHI: The Centre will table the bill on Monday."),
            3
        );
        assert_eq!(first("LA CROSSE, Wis. — The mayor said no."), 5);
        // A press release's, with its date and wire.
        assert_eq!(
            first("BOSTON, March 4, 2026 /PRNewswire/ -- Norvia Health today announced a deal."),
            10
        );
        assert_eq!(first("NEW YORK, Nov. 3 — The mayor said no."), 6);
        assert_eq!(first("The Fed held rates steady on Wednesday."), 0);
        assert_eq!(first("US - The Fed held rates steady."), 0);
        // Only at a line's start.
        let doc = analysed("He left. WASHINGTON — The Fed held rates steady.");
        assert_eq!(dateline_tokens(&doc, doc.sentences[1].token_range()), 0);
        // The dateline hangs on the clause's root, which keeps one subject.
        let doc = analysed("WASHINGTON (Reuters) - The Federal Reserve held rates steady.");
        let held = (0..doc.tokens.len())
            .find(|&t| doc.token_text(t) == "held")
            .unwrap();
        assert_eq!(doc.tokens[0].head, Some(held as u32));
        assert_eq!(doc.tokens[0].deprel, DepRel::Dep);
        let subjects = doc
            .tokens
            .iter()
            .filter(|t| t.head == Some(held as u32) && t.deprel == DepRel::Nsubj)
            .count();
        assert_eq!(subjects, 1);
    }

    #[test]
    fn a_speaker_after_the_quotation_is_the_speech_verbs_subject() {
        // “It works,” Jane Doe, an analyst, told NBC.
        let words = [
            "“", "It", "works", ",", "”", "Jane", "Doe", ",", "an", "analyst", ",", "told", "NBC",
            ".",
        ];
        use Upos::*;
        let upos = [
            Punct, Pron, Verb, Punct, Punct, Propn, Propn, Punct, Det, Noun, Punct, Verb, Propn,
            Punct,
        ];
        let mut arcs: Vec<Arc> = vec![
            (Some(2), DepRel::Punct),
            (Some(2), DepRel::Nsubj),
            (None, DepRel::Root),
            (Some(2), DepRel::Punct),
            (Some(2), DepRel::Punct),
            (Some(2), DepRel::Obj), // the misparse: the speaker as an object
            (Some(5), DepRel::Flat),
            (Some(9), DepRel::Punct),
            (Some(9), DepRel::Det),
            (Some(5), DepRel::Appos),
            (Some(2), DepRel::Punct),
            (Some(2), DepRel::Conj),
            (Some(11), DepRel::Iobj),
            (Some(11), DepRel::Punct),
        ];
        let before = arcs.clone();
        repair_trailing_speech(&words, &upos, &mut arcs);
        assert_eq!(arcs[5], (Some(11), DepRel::Nsubj));
        assert_eq!(arcs[11], (Some(2), DepRel::Parataxis));
        // Nothing else moves, and a verb with its own subject is left alone.
        let moved = (0..arcs.len()).filter(|&i| arcs[i] != before[i]).count();
        assert_eq!(moved, 2);
        let mut again = arcs.clone();
        repair_trailing_speech(&words, &upos, &mut again);
        assert_eq!(again, arcs);
        // Fewer tags than words (the parser reads missing ones as unset).
        for n in 0..upos.len() {
            repair_trailing_speech(&words, &upos[..n], &mut before.clone());
        }
    }

    pub(super) const TOY: &str = "\
1\tShe\tshe\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2\tsaid\tsay\tVERB\tVBD\t_\t0\troot\t_\t_
3\tit\tit\tPRON\tPRP\t_\t2\tobj\t_\t_
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
2\tofficials\tofficial\tNOUN\tNNS\t_\t3\tnsubj\t_\t_
3\ttold\ttell\tVERB\tVBD\t_\t0\troot\t_\t_
4\tNBC\tNBC\tPROPN\tNNP\t_\t3\tobj\t_\t_
5\tthat\tthat\tSCONJ\tIN\t_\t8\tmark\t_\t_
6\tit\tit\tPRON\tPRP\t_\t8\tnsubj\t_\t_
7\twas\tbe\tAUX\tVBD\t_\t8\tcop\t_\t_
8\ttrue\ttrue\tADJ\tJJ\t_\t3\tccomp\t_\t_
9\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_

# a multiword token and an empty node are skipped
1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
1\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_
2\tn't\tnot\tPART\tRB\t_\t3\tadvmod\t_\t_
3\tgo\tgo\tVERB\tVB\t_\t0\troot\t_\t_
3.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t_\t_
4\thome\thome\tADV\tRB\t_\t3\tadvmod\t_\t_
5\t!\t!\tPUNCT\t.\t_\t3\tpunct\t_\t_

1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\t_
2\tsaw\tsee\tVERB\tVBD\t_\t0\troot\t_\t_
3\ta\ta\tDET\tDT\t_\t4\tdet\t_\t_
4\tman\tman\tNOUN\tNN\t_\t2\tobj\t_\t_
5\twho\twho\tPRON\tWP\t_\t6\tnsubj\t_\t_
6\tleft\tleave\tVERB\tVBD\t_\t4\tacl:relcl\t_\t_
7\tyesterday\tyesterday\tNOUN\tNN\t_\t2\tobl:tmod\t_\t_
8\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_
";

    #[test]
    fn reads_conllu() {
        let s = read_conllu(TOY);
        assert_eq!(s.len(), 4);
        assert_eq!(s[2].words, vec!["do", "n't", "go", "home", "!"]);
        assert_eq!(s[2].heads, vec![Some(2), Some(2), None, Some(2), Some(2)]);
        assert_eq!(s[3].deprels[5], DepRel::AclRelcl);
        assert_eq!(s[1].deprels[0], DepRel::Det);
    }

    #[test]
    fn toy_treebank_is_learnt() {
        let data = read_conllu(TOY);
        let p = train(&data, 15, 1);
        let a = attachment(&p, &data, &[]);
        assert!(
            a.uas > 0.99 && a.las_full > 0.99,
            "fits its training data: {a:?}"
        );
        let back = Parser::from_bytes(&p.to_bytes()).unwrap();
        assert_eq!(attachment(&back, &data, &[]), a);
        assert!(Parser::from_bytes(b"garbage").is_err());
        assert!(Parser::from_bytes(&p.to_bytes()[..40]).is_err());
    }

    #[test]
    fn the_packed_model_writes_back_the_same_file() {
        // Loading packs the transition table; writing unpacks it: the bytes
        // must survive the round trip (the model file is the source of truth).
        let bytes = train(&read_conllu(TOY), 3, 9).to_bytes();
        let back = Parser::from_bytes(&bytes).expect("reads its own bytes");
        assert_eq!(back.to_bytes(), bytes);
    }

    #[test]
    fn an_ensemble_is_one_model_of_the_same_shape() {
        let data = read_conllu(TOY);
        let p = train_ensemble(&data, 15, 1, 3);
        assert!(attachment(&p, &data, &[]).uas > 0.99);
        let bytes = p.to_bytes();
        assert_eq!(bytes, train_ensemble(&data, 15, 1, 3).to_bytes());
        assert_eq!(Parser::from_bytes(&bytes).unwrap().to_bytes(), bytes);
        assert_eq!(
            train_ensemble(&data, 3, 9, 1).to_bytes(),
            train(&data, 3, 9).to_bytes()
        );
    }

    #[test]
    fn a_beam_header_wraps_one_greedy_model_only() {
        let p = train(&read_conllu(TOY), 2, 1).with_beam(3);
        let bytes = p.to_bytes();
        assert_eq!(Parser::from_bytes(&bytes).unwrap().beam(), 3);
        // A header around a header is refused, however many there are.
        let mut nested = bytes[..12].to_vec();
        for _ in 0..100_000 {
            nested.extend_from_slice(&bytes[..12]);
        }
        nested.extend_from_slice(&bytes[12..]);
        assert!(Parser::from_bytes(&nested).is_err());
        assert!(Parser::from_bytes(&bytes[..10]).is_err());
    }

    #[test]
    fn both_embedded_models_load_and_parse() {
        let words = ["The", "senator", "said", "she", "would", "vote", "."];
        use Upos::*;
        let upos = [Det, Noun, Verb, Pron, Aux, Verb, Punct];
        let xpos = [
            Xpos::Dt,
            Xpos::Nn,
            Xpos::Vbd,
            Xpos::Prp,
            Xpos::Md,
            Xpos::Vb,
            Xpos::Period,
        ];
        let fast = Parser::english().unwrap();
        let ewt = Parser::english_ewt().unwrap();
        assert_eq!(ewt.beam(), 1);
        assert!(!ewt.is_right_to_left());
        let accurate = Parser::english_beam().unwrap();
        let r2l = Parser::english_right_to_left().unwrap();
        assert_eq!(fast.beam(), 1);
        assert_eq!(accurate.beam(), 4);
        assert_eq!(r2l.beam(), 4);
        assert!(r2l.is_right_to_left() && !accurate.is_right_to_left());
        let ensemble = english_parser(ParserModel::Accurate).unwrap();
        // Over the beam's length limit the beam models parse greedily and
        // the ensemble leaves it to its first member (a tree with one root,
        // in linear time).
        let long: Vec<&str> = vec!["word"; 20 * BEAM_MAX_WORDS];
        for p in [&accurate as &dyn DependencyParser, &r2l, &ensemble] {
            let arcs = p.parse(&long, &[], &[]);
            assert_eq!(arcs.iter().filter(|a| a.0.is_none()).count(), 1);
        }
        let parsers: [&dyn DependencyParser; 5] = [&fast, &ewt, &accurate, &r2l, &ensemble];
        for p in parsers {
            let arcs = p.parse(&words, &upos, &xpos);
            // "said" is the root, "senator" its subject, "vote" its complement.
            assert_eq!(arcs[2], (None, DepRel::Root));
            assert_eq!(arcs[1], (Some(2), DepRel::Nsubj));
            assert_eq!(arcs[5].0, Some(2));
        }
    }

    #[test]
    fn training_is_deterministic() {
        let data = read_conllu(TOY);
        assert_eq!(train(&data, 3, 9).to_bytes(), train(&data, 3, 9).to_bytes());
    }

    #[test]
    fn one_root_and_no_panics_on_odd_input() {
        let p = train(&read_conllu(TOY), 2, 1);
        assert!(p.parse(&[], &[], &[]).is_empty());
        assert_eq!(
            p.parse(&["Hi"], &[Upos::Intj], &[Xpos::Uh]),
            vec![(None, DepRel::Root)]
        );
        // Tags missing or short: read as unset.
        let words = ["a", "b", "", "中文", "’’"];
        let arcs = p.parse(&words, &[], &[Xpos::Nn]);
        assert_eq!(arcs.len(), 5);
        assert_eq!(arcs.iter().filter(|a| a.0.is_none()).count(), 1);
        assert!(arcs.iter().filter_map(|a| a.0).all(|h| h < 5));
        let long: Vec<&str> = vec!["word"; 3000];
        let arcs = p.parse(&long, &[], &[]);
        assert_eq!(arcs.iter().filter(|a| a.0.is_none()).count(), 1);
    }

    #[test]
    fn non_projective_and_broken_trees_are_handled() {
        // "A hearing is scheduled on the issue today": 2 → 7 crosses 4 → 3.
        let text = "\
1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_
2\thearing\thearing\tNOUN\tNN\t_\t4\tnsubj:pass\t_\t_
3\tis\tbe\tAUX\tVBZ\t_\t4\taux:pass\t_\t_
4\tscheduled\tschedule\tVERB\tVBN\t_\t0\troot\t_\t_
5\ton\ton\tADP\tIN\t_\t7\tcase\t_\t_
6\tthe\tthe\tDET\tDT\t_\t7\tdet\t_\t_
7\tissue\tissue\tNOUN\tNN\t_\t2\tnmod\t_\t_
8\ttoday\ttoday\tNOUN\tNN\t_\t4\tobl:tmod\t_\t_

1\tcycle\tcycle\tNOUN\tNN\t_\t2\tdep\t_\t_
2\there\there\tADV\tRB\t_\t1\tdep\t_\t_

1\ttwo\ttwo\tNUM\tCD\t_\t0\troot\t_\t_
2\troots\troot\tNOUN\tNNS\t_\t0\troot\t_\t_
3\tbad\tbad\tADJ\tJJ\t_\t99\tamod\t_\t_
";
        let data = read_conllu(text);
        assert_eq!(data.len(), 3);
        let mut heads = data[0].gold_heads().unwrap();
        assert!(!arc_is_projective(&heads, 1, 6));
        projectivize(&mut heads).unwrap();
        assert!((0..heads.len()).all(|d| arc_is_projective(&heads, heads[d], d)));
        assert_eq!(heads[6], 3, "issue lifted to scheduled");
        assert!(data[1].gold_heads().is_none());
        assert!(data[2].gold_heads().is_none());
        let p = train(&data, 3, 1);
        assert_eq!(attachment(&p, &data, &[]).words, 13);
    }
}
