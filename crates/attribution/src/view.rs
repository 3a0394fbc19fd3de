//! A compact per-token view of a [`Document`] for feature extraction.
//!
//! Everything the models read is precomputed once per document as hashes and
//! small integers, so feature extraction allocates nothing per token. Layers
//! that are not set yet degrade gracefully: without tokens the view tokenizes
//! the text itself; without sentences or paragraphs it splits them itself;
//! unset POS tags, lemmas and heads simply give constant features.

use whosaid_core::{quotation_marks, DepRel, Document, QuoteMark, Span};

/// Hash mixing (splitmix64 finaliser): feature keys are combinations of
/// template ids and value hashes.
#[inline]
pub const fn mix(a: u64, b: u64) -> u64 {
    let mut z = a
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(b)
        .wrapping_add(0x632B_E59B_D9B4_E019);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// FNV-1a over the lowercased characters of `s` (UTF-8 bytes).
pub fn hash_lower(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    if s.is_ascii() {
        // The same bytes the general loop below hashes, without decoding
        // and case-mapping each character (every lemma is hashed per token).
        for &b in s.as_bytes() {
            h ^= b.to_ascii_lowercase() as u64;
            h = h.wrapping_mul(0x100_0000_01b3);
        }
        return h;
    }
    let mut buf = [0u8; 4];
    for c in s.chars() {
        for l in c.to_lowercase() {
            for &b in l.encode_utf8(&mut buf).as_bytes() {
                h ^= b as u64;
                h = h.wrapping_mul(0x100_0000_01b3);
            }
        }
    }
    h
}

/// Per-token information the feature templates read.
#[derive(Debug, Clone, Default)]
pub struct Tok {
    pub span: Span,
    /// Lowercased word.
    pub word: u64,
    /// Crude suffix-stripped stem (works before lemmas exist).
    pub stem: u64,
    /// Lemma when the tagger set one, else the stem.
    pub lemma: u64,
    /// Last three characters.
    pub suffix: u64,
    /// Word shape class: 0 lower, 1 capitalised, 2 all caps, 3 digit, 4 punctuation, 5 other.
    pub shape: u8,
    pub upos: u8,
    pub xpos: u8,
    pub deprel: u8,
    pub head: Option<u32>,
    /// Bit set of the relations of this token's children (see [`child_bit`]).
    pub children: u32,
    /// Inside a quotation (marks included).
    pub in_quote: bool,
    /// Quote run id (0 = none): tokens of the same quotation share it.
    pub quote_run: u32,
    /// A double quotation mark.
    pub is_quote: bool,
    /// A comma, colon, semicolon or dash.
    pub is_comma: bool,
    /// "that", "whether", "if", a colon or a quotation mark: opens a reported clause.
    pub is_opener: bool,
    /// First-pass cue tagger output (stacking): label (0 O, 1 B, 2 I).
    pub p1: u8,
    /// First-pass margin bucket of being in a cue (0-9, 5 = about even).
    pub p1m: u8,
    /// First-pass cue starts before / after this token in its sentence (capped at 2).
    pub p1_before: u8,
    pub p1_after: u8,
    /// Distance to the nearest other first-pass cue start in the sentence (capped at 99).
    pub p1_near: u8,
    /// A quotation mark occurs earlier in the sentence.
    pub quote_before: bool,
    /// A quotation mark or clause opener occurs later in the sentence.
    pub opener_after: bool,
    /// Position in the sentence (0 = first token), capped at 255.
    pub sent_pos: u8,
    /// Cue-rate bucket of the lemma from the model's lexicon (0 = unknown).
    pub rate: u8,
    pub sent: u32,
    pub par: u32,
    pub sent_first: bool,
    pub sent_last: bool,
}

/// Which token annotation layers a view reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layers {
    /// POS tags and lemmas.
    pub pos: bool,
    /// Heads and dependency relations.
    pub parse: bool,
}

impl Layers {
    pub const ALL: Layers = Layers {
        pos: true,
        parse: true,
    };

    /// The layers actually present in a document.
    pub fn present(doc: &Document) -> Layers {
        Layers {
            pos: doc
                .tokens
                .iter()
                .any(|t| t.upos != whosaid_core::Upos::Unset || !t.lemma.is_empty()),
            parse: doc.tokens.iter().any(|t| t.head.is_some()),
        }
    }
}

/// The bit of a dependency relation in [`Tok::children`].
pub fn child_bit(rel: DepRel) -> u32 {
    match rel.base() {
        "nsubj" => 1,
        "csubj" => 2,
        "ccomp" => 4,
        "xcomp" => 8,
        "obj" => 16,
        "iobj" => 32,
        "obl" => 64,
        "parataxis" => 128,
        "mark" => 256,
        "advcl" => 512,
        "aux" => 1024,
        "punct" => 2048,
        _ => 0,
    }
}

/// The token view of a document.
pub struct View {
    pub toks: Vec<Tok>,
    /// Token ranges of paragraphs, in order.
    pub pars: Vec<(u32, u32)>,
}

fn shape_of(s: &str) -> u8 {
    let mut chars = s.chars();
    let Some(first) = chars.next() else { return 5 };
    if s.chars().all(|c| !c.is_alphanumeric()) {
        4
    } else if s.chars().any(|c| c.is_ascii_digit()) {
        3
    } else if first.is_uppercase() {
        if s.chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
            && s.len() > 1
        {
            2
        } else {
            1
        }
    } else if first.is_lowercase() {
        0
    } else {
        5
    }
}

/// FNV-1a over bytes.
fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x100_0000_01b3);
    }
    h
}

/// Word, stem and suffix hashes of a token from its lowercased form
/// (`lower` is a reused buffer: no allocation per token).
fn word_hashes(s: &str, lower: &mut String) -> (u64, u64, u64) {
    whosaid_core::lowercase_into(s, lower);
    let w = lower.as_str();
    let word = mix(3, fnv(w.as_bytes()));
    let mut st = w;
    for suf in ["ing", "ied", "ies", "ed", "es", "s", "e"] {
        if st.len() > suf.len() + 2 && st.ends_with(suf) {
            st = &st[..st.len() - suf.len()];
            break;
        }
    }
    let stem = mix(7, fnv(st.as_bytes()));
    // Byte offset of the last three characters (bytes, when ASCII).
    let start = if w.is_ascii() {
        w.len().saturating_sub(3)
    } else {
        let n = w.chars().count();
        w.char_indices()
            .nth(n.saturating_sub(3))
            .map_or(0, |(b, _)| b)
    };
    let suffix = mix(11, fnv(&w.as_bytes()[start..]));
    (word, stem, suffix)
}

/// Fallback tokenizer used when the document has no token layer: alphanumeric
/// runs (with inner `.`, `'`, `’`, `-`), clitics `'s`/`n't` split off, every
/// other non-space character a token of its own. Returns code-point spans.
pub fn fallback_tokens(text: &str) -> Vec<Span> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let n = chars.len();
    while i < n {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let start = i;
            i += 1;
            while i < n {
                let d = chars[i];
                if d.is_alphanumeric() {
                    i += 1;
                } else if matches!(d, '.' | '\'' | '’' | '-' | ',')
                    && i + 1 < n
                    && chars[i + 1].is_alphanumeric()
                    && !(d == ','
                        && !(chars[i - 1].is_ascii_digit() && chars[i + 1].is_ascii_digit()))
                {
                    i += 2;
                } else if d == '.' && i - start == 1 && chars[start].is_uppercase() {
                    // Initials: "J." and "U.S." keep their period.
                    i += 1;
                    break;
                } else {
                    break;
                }
            }
            let mut end = i;
            // Split clitics.
            let word: String = chars[start..end].iter().collect::<String>().to_lowercase();
            let mut clitic = None;
            if word.len() > 3 && (word.ends_with("'s") || word.ends_with("’s")) {
                clitic = Some(end - 2);
            } else if word.len() > 3 && (word.ends_with("n't") || word.ends_with("n’t")) {
                clitic = Some(end - 3);
            }
            if let Some(c) = clitic {
                out.push(Span::new(start as u32, c as u32));
                out.push(Span::new(c as u32, end as u32));
            } else {
                // Abbreviations like "Sen." and "Mr." keep their period.
                if end < n
                    && chars[end] == '.'
                    && matches!(
                        word.as_str(),
                        "mr" | "mrs"
                            | "ms"
                            | "dr"
                            | "sen"
                            | "rep"
                            | "gov"
                            | "st"
                            | "jr"
                            | "sr"
                            | "gen"
                            | "lt"
                            | "col"
                            | "sgt"
                            | "inc"
                            | "corp"
                            | "co"
                            | "vs"
                            | "prof"
                            | "rev"
                            | "ft"
                            | "no"
                            | "jan"
                            | "feb"
                            | "aug"
                            | "sept"
                            | "sep"
                            | "oct"
                            | "nov"
                            | "dec"
                    )
                {
                    end += 1;
                    i = end;
                }
                out.push(Span::new(start as u32, end as u32));
            }
        } else {
            out.push(Span::new(i as u32, i as u32 + 1));
            i += 1;
        }
    }
    out
}

impl View {
    /// Builds the view reading only the annotation layers in `use_layers`
    /// (a model trained without POS or parses must not see them: its
    /// features would no longer match the ones it learned).
    pub fn with_layers(doc: &Document, use_layers: Layers) -> View {
        let text = &doc.text;
        let idx = doc.index();
        let own;
        let spans: Vec<Span> = if doc.tokens.is_empty() {
            own = fallback_tokens(text);
            own.clone()
        } else {
            doc.tokens.iter().map(|t| t.span).collect()
        };
        let n = spans.len();
        let mut toks: Vec<Tok> = Vec::with_capacity(n);
        let mut lower = String::new();
        for (i, sp) in spans.iter().enumerate() {
            let s = &text[idx.byte(sp.start)..idx.byte(sp.end)];
            let (word, stem, suffix) = word_hashes(s, &mut lower);
            let mut t = Tok {
                span: *sp,
                word,
                stem,
                lemma: stem,
                suffix,
                shape: shape_of(s),
                // Double marks by their text for the fallback sentence
                // splitter; `quotation_marks` settles them below.
                is_quote: QuoteMark::of_double(s).is_some(),
                is_comma: matches!(s, "," | ":" | ";" | "—" | "–" | "--" | "-" | "―"),
                is_opener: s == ":"
                    || s.eq_ignore_ascii_case("that")
                    || s.eq_ignore_ascii_case("whether")
                    || s.eq_ignore_ascii_case("if"),
                ..Default::default()
            };
            if let Some(dt) = doc.tokens.get(i) {
                if use_layers.pos {
                    if !dt.lemma.is_empty() {
                        t.lemma = mix(5, hash_lower(&dt.lemma));
                    }
                    t.upos = dt.upos.index() as u8;
                    t.xpos = dt.xpos.index() as u8;
                }
                if use_layers.parse {
                    t.deprel = dt.deprel.index() as u8;
                    t.head = dt.head.filter(|&h| (h as usize) < n && h as usize != i);
                }
            }
            toks.push(t);
        }
        // Children relations.
        if !doc.tokens.is_empty() && use_layers.parse {
            for i in 0..n {
                if let Some(h) = toks[i].head {
                    let rel = doc.tokens[i].deprel;
                    toks[h as usize].children |= child_bit(rel);
                }
            }
        }
        // Paragraphs: lines of text, further split where the document's
        // paragraph layer starts one (the finer of both). Lines are what
        // PolNeAR's contents stay within (99% of them), whatever joins a
        // paragraph segmenter makes.
        let mut cuts: Vec<u32> = vec![0];
        if text.is_ascii() {
            // Code points are bytes.
            let newlines = text.bytes().enumerate().filter(|&(_, b)| b == b'\n');
            cuts.extend(newlines.map(|(ci, _)| ci as u32 + 1));
        } else {
            for (ci, c) in text.chars().enumerate() {
                if c == '\n' {
                    cuts.push(ci as u32 + 1);
                }
            }
        }
        cuts.extend(doc.paragraphs.iter().map(|p| p.start));
        cuts.sort_unstable();
        cuts.dedup();
        let par_spans: Vec<Span> = cuts
            .iter()
            .enumerate()
            .map(|(k, &c)| Span::new(c, cuts.get(k + 1).copied().unwrap_or(doc.char_len())))
            .collect();
        let mut pars = Vec::new();
        {
            let mut p = 0usize;
            let mut cur: Option<(u32, u32, usize)> = None;
            for (i, t) in toks.iter_mut().enumerate() {
                while p < par_spans.len() && par_spans[p].end <= t.span.start {
                    p += 1;
                }
                let pi = p.min(par_spans.len().saturating_sub(1));
                match &mut cur {
                    Some((_, e, q)) if *q == pi => *e = i as u32 + 1,
                    _ => {
                        if let Some((s, e, _)) = cur {
                            pars.push((s, e));
                        }
                        cur = Some((i as u32, i as u32 + 1, pi));
                    }
                }
                t.par = pars.len() as u32;
            }
            if let Some((s, e, _)) = cur {
                pars.push((s, e));
            }
        }
        // Sentences: the document's layer, else a simple punctuation splitter.
        if !doc.sentences.is_empty() && !doc.tokens.is_empty() {
            for (si, s) in doc.sentences.iter().enumerate() {
                let r = s.token_range();
                for i in r.clone() {
                    if let Some(t) = toks.get_mut(i) {
                        t.sent = si as u32;
                    }
                }
                if let Some(t) = toks.get_mut(r.start) {
                    t.sent_first = true;
                }
                if r.end > 0 {
                    if let Some(t) = toks.get_mut(r.end - 1) {
                        t.sent_last = true;
                    }
                }
            }
        } else {
            let mut sent = 0u32;
            let mut first = true;
            for i in 0..n {
                if i > 0 && toks[i].par != toks[i - 1].par && !first {
                    toks[i - 1].sent_last = true;
                    sent += 1;
                    first = true;
                }
                toks[i].sent = sent;
                toks[i].sent_first = first;
                first = false;
                let s = doc.slice(toks[i].span);
                if matches!(s, "." | "!" | "?") {
                    // Closing quotes and brackets stay with the sentence.
                    let mut j = i + 1;
                    while j < n && matches!(doc.slice(toks[j].span), "”" | "\"" | "’" | ")" | "'")
                    {
                        j += 1;
                    }
                    let next_upper = j < n
                        && (toks[j].shape == 1
                            || toks[j].shape == 2
                            || toks[j].shape == 3
                            || toks[j].is_quote);
                    if next_upper && j == i + 1 {
                        toks[i].sent_last = true;
                        sent += 1;
                        first = true;
                    } else if next_upper {
                        // The quote marks end this sentence; handled when reached.
                        toks[j - 1].sent_last = true;
                    }
                } else if toks[i].sent_last {
                    sent += 1;
                    first = true;
                }
            }
            if let Some(t) = toks.last_mut() {
                t.sent_last = true;
            }
        }
        // Positions within sentences.
        let mut pos = 0u32;
        for i in 0..n {
            if i > 0 && toks[i].sent != toks[i - 1].sent {
                pos = 0;
            }
            toks[i].sent_pos = pos.min(255) as u8;
            pos += 1;
        }
        // Quotation marks: doubles, and singles where they quote (see
        // `quotation_marks`); without a token layer, doubles by their text.
        let mut marks: Vec<Option<QuoteMark>> = if doc.tokens.len() == n {
            pars.iter()
                .flat_map(|&(s, e)| quotation_marks(doc, s as usize..e as usize))
                .collect()
        } else {
            toks.iter()
                .map(|t| QuoteMark::of_double(doc.slice(t.span)))
                .collect()
        };
        // One entry per token, whatever the paragraph runs covered.
        marks.resize(n, None);
        for (t, mark) in toks.iter_mut().zip(&marks) {
            t.is_quote = mark.is_some();
            t.is_opener |= matches!(mark, Some(QuoteMark::Open | QuoteMark::Toggle));
            // A single mark that quotes (and each half of a split '') reads
            // as the curly double it stands for: the model learned quotes
            // from those.
            let canonical = match mark {
                Some(QuoteMark::Open) => "“",
                Some(QuoteMark::Close) => "”",
                _ => continue,
            };
            if matches!(doc.slice(t.span), "'" | "‘" | "’") {
                (t.word, t.stem, t.suffix) = word_hashes(canonical, &mut lower);
                t.lemma = if use_layers.pos {
                    mix(5, hash_lower(canonical))
                } else {
                    t.stem
                };
            }
        }
        // Quote marks before / openers after, within each sentence (two sweeps).
        let mut seen = false;
        for i in 0..n {
            if i > 0 && toks[i].sent != toks[i - 1].sent {
                seen = false;
            }
            toks[i].quote_before = seen;
            seen |= toks[i].is_quote;
        }
        let mut seen = false;
        for i in (0..n).rev() {
            if i + 1 < n && toks[i].sent != toks[i + 1].sent {
                seen = false;
            }
            toks[i].opener_after = seen;
            seen |= toks[i].is_quote || toks[i].is_opener;
        }
        // Quotations per paragraph: “ opens, ” closes, " toggles. An unclosed
        // quotation runs to the paragraph end (multi-paragraph quotes).
        let mut run = 0u32;
        for &(s, e) in &pars {
            let mut open = false;
            for (t, mark) in toks[s as usize..e as usize]
                .iter_mut()
                .zip(&marks[s as usize..e as usize])
            {
                if let Some(mark) = mark {
                    let opening = match mark {
                        QuoteMark::Open => true,
                        QuoteMark::Close => false,
                        QuoteMark::Toggle => !open,
                    };
                    if opening {
                        if !open {
                            run += 1;
                        }
                        open = true;
                        t.in_quote = true;
                        t.quote_run = run;
                    } else {
                        t.in_quote = open;
                        t.quote_run = if open { run } else { 0 };
                        open = false;
                    }
                } else if open {
                    t.in_quote = true;
                    t.quote_run = run;
                }
            }
        }
        View { toks, pars }
    }

    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// Fills the per-token summaries of first-pass cue starts (`p1 == 1`)
    /// elsewhere in the sentence, in linear time.
    pub fn summarise_first_pass(&mut self) {
        let n = self.toks.len();
        let (mut count, mut last): (u8, Option<usize>) = (0, None);
        for i in 0..n {
            if i > 0 && self.toks[i].sent != self.toks[i - 1].sent {
                count = 0;
                last = None;
            }
            let t = &mut self.toks[i];
            t.p1_before = count;
            t.p1_near = last.map_or(99, |l| (i - l).min(99) as u8);
            if t.p1 == 1 {
                count = (count + 1).min(2);
                last = Some(i);
            }
        }
        let (mut count, mut next): (u8, Option<usize>) = (0, None);
        for i in (0..n).rev() {
            if i + 1 < n && self.toks[i].sent != self.toks[i + 1].sent {
                count = 0;
                next = None;
            }
            let t = &mut self.toks[i];
            t.p1_after = count;
            if let Some(nx) = next {
                t.p1_near = t.p1_near.min((nx - i).min(99) as u8);
            }
            if t.p1 == 1 {
                count = (count + 1).min(2);
                next = Some(i);
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallback_tokenizer_splits_clitics_and_punctuation() {
        let text = "“We don’t know,” Sen. Smith said of the U.S. plan.";
        let d = Document::new(text);
        let toks: Vec<&str> = fallback_tokens(text).iter().map(|s| d.slice(*s)).collect();
        assert_eq!(
            toks,
            vec![
                "“", "We", "do", "n’t", "know", ",", "”", "Sen.", "Smith", "said", "of", "the",
                "U.S", ".", "plan", "."
            ]
        );
    }

    #[test]
    fn quotes_and_sentences() {
        let d = Document::new("He said. “It is over,” she said.\nNext par");
        let v = View::with_layers(&d, Layers::ALL);
        let inq: Vec<bool> = v.toks.iter().map(|t| t.in_quote).collect();
        assert!(!inq[0]);
        assert!(inq[3] && inq[4]);
        assert_eq!(v.pars.len(), 2);
        assert!(v.toks[3].sent > v.toks[0].sent);
    }
}
