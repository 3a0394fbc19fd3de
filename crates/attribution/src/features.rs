//! Feature templates of the two taggers.
//!
//! - The cue tagger labels every token O / B / I (begin / inside a cue).
//! - The role tagger runs once per cue over the cue's paragraph and labels
//!   every token O / S / C (source / content of *this* cue), with features
//!   that describe the token relative to the cue: direction and distance,
//!   sentence offset, quotation membership, other cues in between, and the
//!   dependency path to the cue head when a parse exists.

use crate::view::{mix, Tok, View};

/// Cue tagger labels.
pub const CUE_O: u8 = 0;
pub const CUE_B: u8 = 1;
pub const CUE_I: u8 = 2;
pub const CUE_LABELS: usize = 3;

/// Role tagger labels.
pub const ROLE_O: u8 = 0;
pub const ROLE_S: u8 = 1;
pub const ROLE_C: u8 = 2;
pub const ROLE_LABELS: usize = 3;

#[inline]
fn f1(t: u64, a: u64) -> u64 {
    mix(t, a)
}
#[inline]
fn f2(t: u64, a: u64, b: u64) -> u64 {
    mix(mix(t, a), b)
}
#[inline]
fn f3(t: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(mix(mix(t, a), b), c)
}

/// `mix(template, dir)` of the role templates 100..140 for each direction
/// (0 before the cue, 1 inside, 2 after), hashed at compile time: the first
/// step of every role feature led by the direction.
const ROLE_DIR: [[u64; 40]; 3] = {
    let mut t = [[0u64; 40]; 3];
    let mut dir = 0;
    while dir < 3 {
        let mut k = 0;
        while k < 40 {
            t[dir][k] = mix(100 + k as u64, dir as u64);
            k += 1;
        }
        dir += 1;
    }
    t
};

/// `f2(t, dir, a)` for a role template `t` in 100..140 and `dir` < 3.
#[inline]
fn fd2(t: u64, dir: u64, a: u64) -> u64 {
    mix(ROLE_DIR[dir as usize][(t - 100) as usize], a)
}

/// `f3(t, dir, a, b)` for a role template `t` in 100..140 and `dir` < 3.
#[inline]
fn fd3(t: u64, dir: u64, a: u64, b: u64) -> u64 {
    mix(fd2(t, dir, a), b)
}

const NONE: u64 = 0x5151;

fn word_at(v: &View, i: isize) -> u64 {
    if i < 0 || i as usize >= v.toks.len() {
        NONE
    } else {
        v.toks[i as usize].word
    }
}

fn upos_at(v: &View, i: isize) -> u64 {
    if i < 0 || i as usize >= v.toks.len() {
        255
    } else {
        v.toks[i as usize].upos as u64
    }
}

/// The always-on feature of the cue tagger.
pub fn cue_bias_feature() -> u64 {
    f1(1, 0)
}

/// Features of token `i` for the cue tagger; `stacked` adds the features
/// of the first pass's output (second pass).
pub fn cue_features(v: &View, i: usize, stacked: bool, out: &mut Vec<u64>) {
    out.clear();
    if stacked {
        stack_features(v, i, out);
    }
    cue_base_features(v, i, out);
}

/// Number of features [`cue_base_features`] appends.
pub const CUE_BASE_FEATURES: usize = 43;

/// The features of token `i` both cue passes share (the second pass adds
/// [`stack_features`] before them), appended to `out`. They read nothing
/// the first pass writes, so the extractor builds them once per token.
pub fn cue_base_features(v: &View, i: usize, out: &mut Vec<u64>) {
    let t = &v.toks[i];
    let ii = i as isize;
    let w = t.word;
    let lem = t.lemma;
    out.push(cue_bias_feature());
    out.push(f1(2, w));
    out.push(f1(3, lem));
    out.push(f1(4, t.stem));
    out.push(f1(5, t.suffix));
    let wp = word_at(v, ii - 1);
    let wn = word_at(v, ii + 1);
    out.push(f1(6, wp));
    out.push(f1(7, wn));
    out.push(f1(8, word_at(v, ii - 2)));
    out.push(f1(9, word_at(v, ii + 2)));
    out.push(f2(10, w, wn));
    out.push(f2(11, wp, w));
    out.push(f1(12, t.upos as u64));
    out.push(f1(13, t.xpos as u64));
    out.push(f2(14, upos_at(v, ii - 1), t.upos as u64));
    out.push(f2(15, t.upos as u64, upos_at(v, ii + 1)));
    out.push(f2(16, t.shape as u64, t.sent_first as u64));
    out.push(f2(17, t.in_quote as u64, lem));
    // Quote marks and commas around: "…,” she said" / "said: “…".
    let lo = i.saturating_sub(3);
    let hi = (i + 4).min(v.toks.len());
    let q_before = v.toks[lo..i].iter().any(|t| t.is_quote);
    let q_after = v.toks[i + 1..hi].iter().any(|t| t.is_quote);
    let c_before = i > 0 && v.toks[i - 1].is_comma;
    let c_after = i + 1 < v.toks.len() && v.toks[i + 1].is_comma;
    out.push(f3(18, q_before as u64, q_after as u64, t.stem));
    out.push(f3(19, c_before as u64, c_after as u64, t.stem));
    out.push(f3(
        20,
        q_before as u64 * 2 + q_after as u64,
        c_before as u64,
        t.upos as u64,
    ));
    // Syntax (constant until a parser sets heads).
    out.push(f1(21, t.deprel as u64));
    out.push(f2(22, t.deprel as u64, lem));
    out.push(f2(23, (t.children & 0b1011111) as u64, lem));
    out.push(f2(24, t.children as u64 & 0b1111111, t.upos as u64));
    let hd = t.head.map_or(NONE, |h| v.toks[h as usize].lemma);
    out.push(f2(25, hd, t.deprel as u64));
    out.push(f3(
        26,
        t.sent_first as u64,
        t.sent_last as u64,
        t.in_quote as u64,
    ));
    out.push(f2(27, t.stem, wn));
    let shp = if i > 0 { v.toks[i - 1].shape as u64 } else { 9 };
    out.push(f2(28, shp, w));
    out.push(f3(
        29,
        shp,
        t.shape as u64,
        t.is_comma as u64 + 2 * t.sent_first as u64,
    ));
    // Where the token sits relative to the quotations of its sentence.
    let (qb, qa) = (t.quote_before, t.opener_after);
    out.push(f3(30, qb as u64, qa as u64, t.stem));
    // The lemma's cue rate in train, crossed with context: lets contexts
    // learned on frequent cues carry over to rarer ones.
    let rb = t.rate as u64;
    out.push(f1(40, rb));
    out.push(f3(41, rb, qb as u64, qa as u64));
    out.push(f3(42, rb, c_before as u64, c_after as u64));
    out.push(f2(43, rb, t.upos as u64));
    out.push(f2(44, rb, shp));
    out.push(f2(45, rb, t.in_quote as u64));
    out.push(f2(46, rb, wn));
    out.push(f2(47, rb, wp));
    out.push(f2(48, rb, (t.children & 0b1011111) as u64));
    out.push(f2(49, rb, t.deprel as u64));
    out.push(f3(52, rb, t.xpos as u64, upos_at(v, ii + 1)));
    out.push(f3(
        53,
        t.xpos as u64,
        upos_at(v, ii - 1),
        upos_at(v, ii + 1),
    ));

    out.push(f3(
        31,
        qb as u64 * 2 + qa as u64,
        t.in_quote as u64,
        t.suffix,
    ));
}

/// Second-pass features: the first pass's margin here and the cues it found
/// elsewhere in the sentence (univocality: one clause rarely has two cues).
pub fn stack_features(v: &View, i: usize, out: &mut Vec<u64>) {
    let t = &v.toks[i];
    let m = t.p1m as u64;
    let (before, after) = (t.p1_before as u64, t.p1_after as u64);
    let nearest = t.p1_near as usize;
    let others = (before + after).min(2);
    let nb = bucket(nearest);
    out.push(f1(60, m));
    out.push(f2(61, m, t.rate as u64));
    out.push(f2(62, m, t.stem));
    out.push(f3(63, m, others, t.in_quote as u64));
    out.push(f3(64, m, nb, (before > 0) as u64 * 2 + (after > 0) as u64));
    out.push(f3(65, others, t.stem, t.in_quote as u64));
    out.push(f2(66, m, t.p1 as u64));
    let mp = if i > 0 { v.toks[i - 1].p1 as u64 } else { 9 };
    let mn = if i + 1 < v.toks.len() {
        v.toks[i + 1].p1 as u64
    } else {
        9
    };
    out.push(f3(67, mp, t.p1 as u64, mn));
}

/// Transition features of the cue tagger at token `i` from label `prev` (3 = start).
pub fn cue_transition(prev: usize) -> u64 {
    f1(39, prev as u64)
}

/// What the role tagger knows about one cue.
pub struct CueCtx {
    /// Suffix hash of the cue head ("-ing" participles take the main subject).
    pub suffix: u64,
    pub start: usize,
    pub end: usize,
    /// Syntactic head of the cue (or a lexical stand-in without a parse).
    pub head: usize,
    pub lemma: u64,
    /// Deprel of the cue head.
    pub deprel: u8,
    /// Punctuation context: quote/comma before the cue and after it.
    pub ctx: u64,
}

impl CueCtx {
    pub fn new(v: &View, start: usize, end: usize) -> CueCtx {
        // The cue token whose head lies outside the cue; without a parse the
        // last token, unless it is a particle ("according to" → "according").
        let mut head = None;
        for i in start..end {
            match v.toks[i].head {
                Some(h) if (h as usize) >= start && (h as usize) < end => {}
                Some(_) => {
                    head = Some(i);
                    break;
                }
                None => {
                    if v.toks[i].upos != 0 {
                        head = Some(i);
                        break;
                    }
                }
            }
        }
        let head = head.unwrap_or_else(|| {
            if end - start > 1 && v.toks[end - 1].shape == 0 && short_function(&v.toks[end - 1]) {
                start
            } else {
                end - 1
            }
        });
        let pre = if start > 0 {
            let t = &v.toks[start - 1];
            t.is_quote as u64 * 2 + t.is_comma as u64
        } else {
            7
        };
        let post = if end < v.toks.len() {
            let t = &v.toks[end];
            t.is_quote as u64 * 2 + t.is_comma as u64 + if t.shape == 4 { 4 } else { 0 }
        } else {
            7
        };
        // What follows the cue in its sentence: how many tokens, and whether a
        // clause opener ("that", a quote, a colon) comes — "X, officials said
        // on Tuesday." has its content before the cue, "said on Tuesday that
        // X" after it.
        let last = &v.toks[end - 1];
        let mut left = 0u64;
        let mut k = end;
        while k < v.toks.len() && v.toks[k].sent == last.sent && left < 8 {
            left += 1;
            k += 1;
        }
        let left = match left {
            0..=1 => 0,
            2..=3 => 1,
            4..=7 => 2,
            _ => 3,
        };
        let tail = left * 2 + last.opener_after as u64;
        CueCtx {
            suffix: v.toks[head].suffix,
            start,
            end,
            head,
            lemma: v.toks[head].lemma,
            deprel: v.toks[head].deprel,
            ctx: (pre * 8 + post) * 16 + tail,
        }
    }
}

fn short_function(t: &Tok) -> bool {
    // "to", "that", "of", "about": hashed words are compared through a tiny table.
    thread_local! {
        static WORDS: [u64; 5] = ["to", "that", "of", "about", "on"].map(|w| mix(3, crate::view::hash_lower(w)));
    }
    WORDS.with(|ws| ws.contains(&t.word))
}

fn bucket(d: usize) -> u64 {
    match d {
        0 => 0,
        1 => 1,
        2 => 2,
        3 => 3,
        4..=5 => 4,
        6..=8 => 5,
        9..=12 => 6,
        13..=20 => 7,
        21..=35 => 8,
        _ => 9,
    }
}

/// Per-window precomputation for the role tagger.
pub struct RoleWindow {
    pub start: usize,
    pub end: usize,
    /// For each window token: the relation of the cue head's child on the path
    /// up from the token (255: not under the cue head; 254: the cue itself; 253: no parse).
    path: Vec<u8>,
    /// Number of other cue starts between token and cue (capped at 2).
    between: Vec<u8>,
    /// After the cue: an opener ("that", quote, colon) lies between cue and
    /// token (bit 1) / the token is the first opener (bit 2). Before the cue:
    /// a comma or quote lies between token and cue (bit 1).
    mark: Vec<u8>,
}

impl RoleWindow {
    /// `is_cue[i]` flags tokens of any cue; `cue_start[i]` the first token of each cue.
    pub fn new(v: &View, cue: &CueCtx, cue_start: &[bool], max_side: usize) -> RoleWindow {
        let (ps, pe) = v.pars[v.toks[cue.start].par as usize];
        let start = (ps as usize).max(cue.start.saturating_sub(max_side));
        let end = (pe as usize).min(cue.end + max_side);
        let parsed = v.toks[start..end].iter().any(|t| t.head.is_some());
        let mut path = Vec::with_capacity(end - start);
        for j in start..end {
            if j >= cue.start && j < cue.end {
                path.push(254);
                continue;
            }
            if !parsed {
                path.push(253);
                continue;
            }
            let mut cur = j;
            let mut res = 255u8;
            for _ in 0..40 {
                match v.toks[cur].head {
                    Some(h) if h as usize == cue.head => {
                        res = v.toks[cur].deprel;
                        break;
                    }
                    Some(h) => cur = h as usize,
                    None => break,
                }
            }
            path.push(res);
        }
        let mut between = vec![0u8; end - start];
        // Count cue starts between j and the cue, walking outwards.
        let mut c = 0u8;
        for j in (start..cue.start).rev() {
            between[j - start] = c;
            if cue_start[j] && j < cue.start {
                c = (c + 1).min(2);
            }
        }
        let mut c = 0u8;
        for j in cue.end..end {
            if cue_start[j] {
                c = (c + 1).min(2);
            }
            between[j - start] = c;
        }
        let mut mark = vec![0u8; end - start];
        let mut seen = false;
        for j in cue.end..end {
            let t = &v.toks[j];
            if t.sent != v.toks[cue.head].sent && !seen {
                // A new sentence starts a new clause anyway.
                seen = true;
            }
            if t.is_opener && !seen {
                mark[j - start] = 2;
                seen = true;
            } else {
                mark[j - start] = seen as u8;
            }
        }
        let mut seen = false;
        for j in (start..cue.start).rev() {
            mark[j - start] = seen as u8;
            let t = &v.toks[j];
            if t.is_comma || t.is_quote {
                seen = true;
            }
        }
        RoleWindow {
            start,
            end,
            path,
            between,
            mark,
        }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }
}

/// Features of token `j` (document index) for the role tagger.
pub fn role_features(
    v: &View,
    cue: &CueCtx,
    win: &RoleWindow,
    is_cue: &[bool],
    j: usize,
    out: &mut Vec<u64>,
) {
    out.clear();
    let t = &v.toks[j];
    let (dir, d) = if j < cue.start {
        (0u64, cue.start - j)
    } else if j >= cue.end {
        (2u64, j - cue.end + 1)
    } else {
        (1u64, 0)
    };
    let db = bucket(d);
    let ch = &v.toks[cue.head];
    let sd = (t.sent as i64 - ch.sent as i64).clamp(-3, 3) as u64 + 3;
    let ob = win.between[j - win.start] as u64;
    let same_run = t.quote_run != 0 && t.quote_run == ch.quote_run;
    let q = t.in_quote as u64 + 2 * same_run as u64 + 4 * ch.in_quote as u64;
    let path = win.path[j - win.start] as u64;
    let jj = j as isize;
    let d_dir = mix(dir, 0);
    out.push(fd2(100, dir, db));
    out.push(fd2(101, dir, t.word));
    out.push(fd2(102, dir, t.lemma));
    out.push(fd3(103, dir, t.upos as u64, db));
    out.push(fd2(104, dir, t.xpos as u64));
    out.push(fd3(105, dir, upos_at(v, jj - 1), t.upos as u64));
    out.push(fd2(106, dir, word_at(v, jj - 1)));
    out.push(fd2(107, dir, word_at(v, jj + 1)));
    out.push(fd3(108, dir, cue.lemma, db));
    out.push(fd3(109, dir, sd, ob));
    out.push(fd2(110, dir, q));
    out.push(fd3(111, dir, q, sd));
    out.push(fd2(112, dir, is_cue[j] as u64));
    out.push(f3(
        113,
        d_dir,
        t.shape as u64,
        t.sent_first as u64 * 2 + t.sent_last as u64,
    ));
    out.push(fd2(114, dir, path));
    out.push(fd3(115, dir, path, cue.lemma));
    out.push(f3(116, cue.deprel as u64, dir, path));
    out.push(fd3(117, dir, t.is_comma as u64, (d <= 2) as u64));
    if d <= 3 {
        out.push(fd3(118, dir, cue.lemma, t.word));
    }
    // Cue context split in coarse parts (sparse conjunctions overfit).
    out.push(fd3(119, dir, cue.ctx / 16, sd * 8 + q));
    out.push(fd3(120, dir, cue.ctx % 16, db));
    out.push(fd3(121, dir, ob, q));
    out.push(fd3(122, dir, t.upos as u64, path));
    out.push(fd3(123, dir, t.is_quote as u64, q));
    let sp = (t.sent_pos as u64).min(6);
    out.push(fd3(128, dir, cue.suffix, sp * 8 + sd));
    out.push(fd3(129, dir, cue.ctx / 16, sp * 8 + t.shape as u64));
    out.push(fd3(135, dir, t.upos as u64, upos_at(v, jj + 1)));
    out.push(fd3(136, dir, t.xpos as u64, sd));
    let mk = win.mark[j - win.start] as u64;
    out.push(fd3(124, dir, mk, sd));
    out.push(fd3(125, dir, mk, cue.lemma));
    out.push(fd3(126, dir, mk, t.upos as u64));
    out.push(fd3(127, dir, mk, db));
    // Tokens between the cue and a later "that"/quote are usually neither
    // content nor source ("told reporters on Friday that …").
    out.push(fd3(
        132,
        dir,
        mk,
        t.opener_after as u64 * 2 + t.quote_before as u64,
    ));
}

/// Number of distinct [`role_transition_key`]s.
pub const ROLE_TRANS_KEYS: usize = 8;

/// The context of a role transition into token `j`: sentence boundary,
/// quotation boundary, and whether the cue starts or ends here.
pub fn role_transition_key(v: &View, cue: &CueCtx, j: usize) -> usize {
    let boundary = if j == 0 {
        0
    } else {
        let a = &v.toks[j - 1];
        let b = &v.toks[j];
        (a.sent != b.sent) as usize + 2 * (a.quote_run != b.quote_run) as usize
    };
    let at_cue = (j == cue.start || j == cue.end) as usize;
    boundary * 2 + at_cue
}

/// Transition features of the role tagger for a [`role_transition_key`] from
/// label `prev` (3 = start).
pub fn role_transition(key: usize, prev: usize, out: &mut Vec<u64>) {
    out.clear();
    out.push(f1(130, prev as u64));
    out.push(f3(131, prev as u64, (key / 2) as u64, (key % 2) as u64));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::Layers;
    use whosaid_core::Document;

    #[test]
    fn direction_led_role_features_hash_as_written_out() {
        for dir in 0..3 {
            for t in 100..140 {
                assert_eq!(fd2(t, dir, 77), f2(t, dir, 77));
                assert_eq!(fd3(t, dir, 5, 9), f3(t, dir, 5, 9));
            }
        }
    }

    #[test]
    fn the_base_cue_features_have_their_fixed_count() {
        // The extractor keeps CUE_BASE_FEATURES slots per token for them.
        let d = Document::new("“It is over,” she said, according to them.");
        let v = View::with_layers(&d, Layers::ALL);
        let mut out = Vec::new();
        for i in 0..v.len() {
            out.clear();
            cue_base_features(&v, i, &mut out);
            assert_eq!(out.len(), CUE_BASE_FEATURES);
        }
    }
}
