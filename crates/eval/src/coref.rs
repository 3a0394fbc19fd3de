//! Scorer: coref. Reads GUM CoNLL-U with gold `Entity=` brackets and measures,
//! for third-person personal pronouns whose gold chain has an earlier named
//! person mention, whether the system linked the pronoun to that person; and
//! the same for definite descriptions of people ("the senator").

use flate2::read::MultiGzDecoder;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use whosaid_core::{Document, Mention, MentionType, Sentence, Span, Token};

/// Errors reading a GUM file.
#[derive(Debug, thiserror::Error)]
pub enum CorefError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Format {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

/// A gold mention: token range (document-wide, end exclusive), chain id, entity type.
#[derive(Debug, Clone)]
pub struct GoldMention {
    pub start: usize,
    pub end: usize,
    pub chain: String,
    pub etype: String,
    /// Contains a proper noun.
    pub named: bool,
}

/// One GUM document with gold tokens and mentions.
#[derive(Debug, Clone, Default)]
pub struct GoldDoc {
    pub id: String,
    pub forms: Vec<String>,
    pub space_after: Vec<bool>,
    pub upos: Vec<String>,
    /// Sentence token ranges.
    pub sentences: Vec<(usize, usize)>,
    /// Tokens that start a paragraph.
    pub par_starts: Vec<usize>,
    pub mentions: Vec<GoldMention>,
}

impl GoldDoc {
    /// A [`Document`] over the gold tokens (text rebuilt from forms and
    /// SpaceAfter), with sentences and paragraphs but no POS or parse: the
    /// caller runs its own tagger/parser so the figure reflects the pipeline.
    pub fn document(&self) -> Document {
        let mut text = String::new();
        let mut spans = Vec::with_capacity(self.forms.len());
        let mut pos = 0u32;
        let mut par_bounds = Vec::new();
        for (i, f) in self.forms.iter().enumerate() {
            if i > 0 && self.par_starts.contains(&i) {
                text.push('\n');
                pos += 1;
            }
            if self.par_starts.contains(&i) {
                par_bounds.push(pos);
            }
            let n = f.chars().count() as u32;
            spans.push(Span::new(pos, pos + n));
            text.push_str(f);
            pos += n;
            if self.space_after[i] && i + 1 < self.forms.len() {
                text.push(' ');
                pos += 1;
            }
        }
        let mut doc = Document::new(text);
        doc.id = self.id.clone();
        doc.tokens = spans
            .iter()
            .map(|&span| Token {
                span,
                ..Default::default()
            })
            .collect();
        let mut paragraphs = Vec::new();
        for (k, &b) in par_bounds.iter().enumerate() {
            let e = par_bounds.get(k + 1).map_or(pos, |&n| n - 1);
            paragraphs.push(Span::new(b, e));
        }
        if paragraphs.is_empty() {
            paragraphs.push(Span::new(0, pos));
        }
        doc.sentences = self
            .sentences
            .iter()
            .map(|&(a, b)| {
                let span = Span::new(spans[a].start, spans[b - 1].end);
                let paragraph = paragraphs
                    .iter()
                    .position(|p| p.end >= span.start && p.start <= span.start)
                    .unwrap_or(0) as u32;
                Sentence {
                    span,
                    tokens: [a as u32, b as u32],
                    paragraph,
                }
            })
            .collect();
        doc.paragraphs = paragraphs;
        doc
    }
}

/// Parses one `Entity=` value, updating open mentions and emitting closed ones.
/// Whether the system put mention `m` (standing for gold mention `gm`) in an
/// entity that has an earlier, non-pronoun mention of `gm`'s gold chain.
fn links_to_chain(gold: &GoldDoc, doc: &Document, m: &Mention, gm: &GoldMention) -> bool {
    m.entity.is_some_and(|e| {
        doc.entities[e as usize].mentions.iter().any(|&k| {
            let m = &doc.mentions[k as usize];
            m.mention_type != MentionType::Pronoun
                && (m.tokens[0] as usize) < gm.start
                && gold.mentions.iter().any(|g| {
                    g.chain == gm.chain
                        && (m.tokens[0] as usize) < g.end
                        && g.start < m.tokens[1] as usize
                })
        })
    })
}

/// The last named person mention of `gm`'s gold chain before it.
fn named_antecedent<'g>(gold: &'g GoldDoc, gm: &GoldMention) -> Option<&'g GoldMention> {
    gold.mentions
        .iter()
        .rfind(|m| m.chain == gm.chain && m.start < gm.start && m.named && m.etype == "person")
}

/// Counts gold mention `gm` (whose named antecedent is `ante`) as scored,
/// resolved and right by the system's mention `pred`, and prints the
/// decision when `verbose`.
fn tally(
    acc: &mut Accuracy,
    gold: &GoldDoc,
    doc: &Document,
    gm: &GoldMention,
    ante: &GoldMention,
    pred: Option<&Mention>,
    verbose: bool,
) {
    acc.total += 1;
    let ok = pred.is_some_and(|m| links_to_chain(gold, doc, m, gm));
    if pred.is_some_and(|m| m.entity.is_some()) {
        acc.resolved += 1;
    }
    if ok {
        acc.correct += 1;
    }
    if verbose {
        let got = pred
            .and_then(|m| m.entity)
            .map_or("-".to_string(), |e| doc.entities[e as usize].name.clone());
        println!(
            "{}\t{}\t{}\t{}\tgot {}\twant {}",
            if ok { "OK" } else { "XX" },
            gold.id,
            gm.start,
            gold.forms[gm.start..gm.end].join(" "),
            got,
            gold.forms[ante.start..ante.end].join(" ")
        );
    }
}

/// Scores definite descriptions of people ("the senator", "the former
/// ambassador") whose gold chain has an earlier named person mention:
/// whether the system linked the description to that person.
pub fn score_descriptions(gold: &GoldDoc, doc: &Document, verbose: bool) -> Accuracy {
    let mut acc = Accuracy::default();
    for gm in &gold.mentions {
        let definite = gm.end >= gm.start + 2
            && gold.forms[gm.start].eq_ignore_ascii_case("the")
            && !gm.named
            && gm.etype == "person"
            && gold.upos[gm.start + 1..gm.end]
                .iter()
                .all(|u| !matches!(u.as_str(), "PRON" | "VERB" | "AUX"));
        if !definite {
            continue;
        }
        let Some(ante) = named_antecedent(gold, gm) else {
            continue;
        };
        let pred = doc.mentions.iter().find(|m| {
            m.mention_type == MentionType::Nominal
                && (m.tokens[0] as usize) < gm.end
                && gm.start < m.tokens[1] as usize
        });
        tally(&mut acc, gold, doc, gm, ante, pred, verbose);
    }
    acc
}

fn parse_entity(
    v: &str,
    tok: usize,
    open: &mut Vec<(String, String, usize)>,
    out: &mut Vec<(usize, usize, String, String)>,
) {
    let b = v.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'(' {
            let st = i + 1;
            let mut j = st;
            while j < b.len() && b[j] != b'(' && b[j] != b')' {
                j += 1;
            }
            let label = &v[st..j];
            let mut parts = label.split('-');
            let id = parts.next().unwrap_or("").to_string();
            let ty = parts.next().unwrap_or("").to_string();
            if j < b.len() && b[j] == b')' {
                out.push((tok, tok + 1, id, ty));
                i = j + 1;
            } else {
                open.push((id, ty, tok));
                i = j;
            }
        } else if b[i].is_ascii_alphanumeric() {
            let st = i;
            while i < b.len() && b[i] != b')' && b[i] != b'(' {
                i += 1;
            }
            let id = &v[st..i];
            if i < b.len() && b[i] == b')' {
                i += 1;
            }
            if let Some(k) = open.iter().rposition(|(oid, _, _)| oid == id) {
                let (oid, ty, s) = open.remove(k);
                out.push((s, tok + 1, oid, ty));
            }
        } else {
            i += 1;
        }
    }
}

/// Reads a GUM CoNLL-U file (optionally gzipped).
pub fn read_gum(path: &Path) -> Result<Vec<GoldDoc>, CorefError> {
    let f = std::fs::File::open(path).map_err(|source| CorefError::Io {
        path: path.to_owned(),
        source,
    })?;
    let r: Box<dyn Read> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(MultiGzDecoder::new(f))
    } else {
        Box::new(f)
    };
    let mut docs = Vec::new();
    let mut cur = GoldDoc::default();
    let mut open = Vec::new();
    let mut closed = Vec::new();
    let mut sent_start = None;
    let finish = |cur: &mut GoldDoc,
                  closed: &mut Vec<(usize, usize, String, String)>,
                  docs: &mut Vec<GoldDoc>| {
        if cur.forms.is_empty() {
            return;
        }
        for (s, e, id, ty) in closed.drain(..) {
            let named = (s..e).any(|k| cur.upos[k] == "PROPN");
            cur.mentions.push(GoldMention {
                start: s,
                end: e,
                chain: id,
                etype: ty,
                named,
            });
        }
        cur.mentions.sort_by_key(|m| (m.start, m.end));
        docs.push(std::mem::take(cur));
    };
    for (ln, line) in BufReader::new(r).lines().enumerate() {
        let line = line.map_err(|source| CorefError::Io {
            path: path.to_owned(),
            source,
        })?;
        let line = line.trim_end();
        if let Some(id) = line.strip_prefix("# newdoc id = ") {
            finish(&mut cur, &mut closed, &mut docs);
            open.clear();
            cur.id = id.to_string();
            continue;
        }
        if line.starts_with("# newpar") && !line.starts_with("# newpar_") {
            cur.par_starts.push(cur.forms.len());
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if line.is_empty() {
            if let Some(s) = sent_start.take() {
                cur.sentences.push((s, cur.forms.len()));
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 {
            return Err(CorefError::Format {
                path: path.to_owned(),
                line: ln + 1,
                message: format!("expected 10 columns, got {}", cols.len()),
            });
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue; // multiword ranges and empty nodes
        }
        let tok = cur.forms.len();
        sent_start.get_or_insert(tok);
        cur.forms.push(cols[1].to_string());
        cur.upos.push(cols[3].to_string());
        let misc = cols[9];
        cur.space_after
            .push(!misc.split('|').any(|kv| kv == "SpaceAfter=No"));
        if let Some(v) = misc.split('|').find_map(|kv| kv.strip_prefix("Entity=")) {
            parse_entity(v, tok, &mut open, &mut closed);
        }
    }
    if let Some(s) = sent_start.take() {
        cur.sentences.push((s, cur.forms.len()));
    }
    finish(&mut cur, &mut closed, &mut docs);
    Ok(docs)
}

/// Pronoun accuracy counts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Accuracy {
    pub correct: usize,
    pub total: usize,
    /// Pronouns the system linked to any entity.
    pub resolved: usize,
}

impl Accuracy {
    pub fn accuracy(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.correct as f64 / self.total as f64
        }
    }
}

const PRONOUNS: &[&str] = &[
    "he",
    "him",
    "his",
    "himself",
    "she",
    "her",
    "hers",
    "herself",
    "they",
    "them",
    "their",
    "themselves",
];

/// Scores a processed document (same tokens as `gold`).
pub fn score(gold: &GoldDoc, doc: &Document, verbose: bool) -> Accuracy {
    let mut acc = Accuracy::default();
    for gm in &gold.mentions {
        if gm.end != gm.start + 1
            || !PRONOUNS.contains(&gold.forms[gm.start].to_lowercase().as_str())
        {
            continue;
        }
        let Some(ante) = named_antecedent(gold, gm) else {
            continue;
        };
        let pred = doc
            .mentions
            .iter()
            .find(|m| m.tokens[0] as usize == gm.start && m.mention_type == MentionType::Pronoun);
        tally(&mut acc, gold, doc, gm, ante, pred, verbose);
    }
    acc
}
