//! Training data readers (UNER IOB2, PolNeAR CoreNLP silver) and the training loop.

use crate::classes::WordClasses;
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

fn open(path: &Path) -> Result<Box<dyn BufRead>, DataError> {
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

/// Reads a UNER IOB2 file (`ID FORM TAG …`, `#` comments, blank line between sentences).
pub fn read_iob2(path: &Path) -> Result<Vec<TaggedSentence>, DataError> {
    let mut out = Vec::new();
    let mut cur = TaggedSentence::default();
    let mut doc = String::new();
    for (ln, line) in open(path)?.lines().enumerate() {
        let line = line.map_err(|source| DataError::Io {
            path: path.to_owned(),
            source,
        })?;
        let line = line.trim_end();
        if let Some(rest) = line.strip_prefix("# newdoc id = ") {
            doc = rest.to_string();
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if line.is_empty() {
            if !cur.words.is_empty() {
                cur.doc = doc.clone();
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            return Err(DataError::Format {
                path: path.to_owned(),
                line: ln + 1,
                message: format!("expected ID FORM TAG, got {} column(s)", cols.len()),
            });
        }
        cur.words.push(cols[1].to_string());
        cur.labels.push(label_index(cols[2]));
    }
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
    for (ln, line) in open(path)?.lines().enumerate() {
        let line = line.map_err(|source| DataError::Io {
            path: path.to_owned(),
            source,
        })?;
        let line = line.trim_end();
        if let Some(rest) = line.strip_prefix("# newdoc id = ") {
            flush(&mut cur, &mut types, &doc, &mut out);
            doc = rest.to_string();
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        if line.is_empty() {
            flush(&mut cur, &mut types, &doc, &mut out);
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 10 {
            return Err(DataError::Format {
                path: path.to_owned(),
                line: ln + 1,
                message: format!("expected 10 columns, got {}", cols.len()),
            });
        }
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
    flush(&mut cur, &mut types, &doc, &mut out);
    Ok(out)
}

/// Reads the word forms of a CoNLL-U file (multi-word token lines and empty nodes skipped).
pub fn read_conllu_forms(path: &Path) -> Result<Vec<Vec<String>>, DataError> {
    let mut out = Vec::new();
    let mut cur = Vec::new();
    for line in open(path)?.lines() {
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
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 6,
            bits: 18,
            seed: 7,
        }
    }
}

/// Trains a tagger on `data` (shuffled each epoch with a seeded generator).
pub fn train(
    data: &[TaggedSentence],
    classes: WordClasses,
    opts: &TrainOptions,
    mut log: impl FnMut(usize, usize, usize),
) -> Tagger {
    let mut tr = Trainer::new(opts.bits, classes);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = opts
        .seed
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
    tr.finish()
}
