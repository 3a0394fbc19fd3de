//! Scorer: main-text and metadata extraction on a WCXB-layout directory
//! (`html/ID.html.gz` + `ground-truth/ID.json`).
//!
//! - Body word F1: bag of lowercased words (maximal runs of alphanumeric
//!   characters), precision/recall/F1 per page, averaged over pages with a
//!   non-empty `main_content`. A page the extractor rejects scores 0.
//! - Snippets: share of `with` snippets contained in the extracted text and of
//!   `without` snippets leaked into it, both compared after lowercasing and
//!   collapsing whitespace.
//! - Title: exact match after lowercasing and keeping only alphanumeric words.
//! - Author: among pages whose truth names an author, the set of lowercased
//!   name words we extract (all authors) equals the truth's.
//! - Date: among pages whose truth has a `publish_date`, our `published` names
//!   the same calendar date (first 10 characters, `YYYY-MM-DD`; the time of
//!   day and zone are ignored: the truth gives dates only).
//! - Speed: wall time of `html::extract` alone (after gunzip), one thread.

use flate2::read::GzDecoder;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;
use whosaid_ingest::html;

/// Why a directory could not be scored.
#[derive(Debug, thiserror::Error)]
pub enum ExtractionEvalError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: bad ground truth: {source}")]
    Json {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error("{0}: no html/*.html.gz pages")]
    Empty(PathBuf),
}

#[derive(Deserialize, Default)]
struct Truth {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    publish_date: Option<String>,
    #[serde(default)]
    main_content: Option<String>,
    #[serde(default)]
    with: Vec<String>,
    #[serde(default)]
    without: Vec<String>,
}

#[derive(Deserialize)]
struct TruthFile {
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    ground_truth: Truth,
}

/// One page's scores (written by `--dump` for failure analysis).
#[derive(Debug, Clone, Serialize)]
pub struct PageScore {
    pub id: String,
    pub f1: f64,
    pub precision: f64,
    pub recall: f64,
    pub ms: f64,
    pub title_ok: Option<bool>,
    pub author_ok: Option<bool>,
    pub date_ok: Option<bool>,
    pub date_pred: Option<String>,
    pub date_gold: Option<String>,
    pub author_pred: Vec<String>,
    pub author_gold: Option<String>,
    pub error: Option<String>,
    /// The truth has a body text to score against (two WCXB pages have
    /// none: an F1 against nothing says nothing about the extractor).
    pub body_scored: bool,
}

/// The averaged figures.
#[derive(Debug, Clone, Serialize)]
pub struct ExtractionReport {
    pub pages: usize,
    pub errors: usize,
    /// Averaged over the `body_pages` pages whose truth has a body.
    pub word_f1: f64,
    pub body_pages: usize,
    pub word_precision: f64,
    pub word_recall: f64,
    pub with_found: f64,
    pub without_leaked: f64,
    pub title_accuracy: f64,
    pub title_pages: usize,
    pub author_accuracy: f64,
    pub author_pages: usize,
    pub date_accuracy: f64,
    pub date_pages: usize,
    pub ms_median: f64,
    pub ms_mean: f64,
    #[serde(skip)]
    pub per_page: Vec<PageScore>,
}

fn words(s: &str) -> HashMap<String, u32> {
    let mut m = HashMap::new();
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *m.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    m
}

/// Bag-of-words precision, recall, F1.
pub fn word_prf(pred: &str, gold: &str) -> (f64, f64, f64) {
    let (p, g) = (words(pred), words(gold));
    let np: u32 = p.values().sum();
    let ng: u32 = g.values().sum();
    if np == 0 || ng == 0 {
        return (0.0, 0.0, 0.0);
    }
    let common: u32 = p
        .iter()
        .map(|(w, c)| (*c).min(*g.get(w).unwrap_or(&0)))
        .sum();
    let (pr, rc) = (
        f64::from(common) / f64::from(np),
        f64::from(common) / f64::from(ng),
    );
    let f = if common == 0 {
        0.0
    } else {
        2.0 * pr * rc / (pr + rc)
    };
    (pr, rc, f)
}

fn norm_ws(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn norm_words(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn name_words(s: &str) -> std::collections::BTreeSet<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && *w != "and")
        .map(str::to_lowercase)
        .collect()
}

fn read(path: &Path) -> Result<Vec<u8>, ExtractionEvalError> {
    std::fs::read(path).map_err(|source| ExtractionEvalError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Scores every page of `dir` on one thread.
pub fn score_dir(dir: &Path) -> Result<ExtractionReport, ExtractionEvalError> {
    let html_dir = dir.join("html");
    let mut ids: Vec<String> = std::fs::read_dir(&html_dir)
        .map_err(|source| ExtractionEvalError::Io {
            path: html_dir.clone(),
            source,
        })?
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            e.file_name()
                .to_str()
                .and_then(|n| n.strip_suffix(".html.gz"))
                .map(str::to_string)
        })
        .collect();
    ids.sort();
    if ids.is_empty() {
        return Err(ExtractionEvalError::Empty(dir.to_path_buf()));
    }
    let mut per_page = Vec::with_capacity(ids.len());
    let (mut with_n, mut with_hit, mut without_n, mut without_hit) =
        (0usize, 0usize, 0usize, 0usize);
    for id in &ids {
        let gz_path = html_dir.join(format!("{id}.html.gz"));
        let gz = read(&gz_path)?;
        let mut bytes = Vec::new();
        GzDecoder::new(&gz[..])
            .read_to_end(&mut bytes)
            .map_err(|source| ExtractionEvalError::Io {
                path: gz_path.clone(),
                source,
            })?;
        let gt_path = dir.join("ground-truth").join(format!("{id}.json"));
        let tf: TruthFile = serde_json::from_slice(&read(&gt_path)?).map_err(|source| {
            ExtractionEvalError::Json {
                path: gt_path.clone(),
                source,
            }
        })?;
        let t = tf.ground_truth;

        let start = Instant::now();
        let result = html::extract(&bytes, tf.url.as_deref());
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        let (text, meta, error) = match result {
            Ok(x) => (x.text, x.meta, None),
            Err(e) => (String::new(), Default::default(), Some(e.to_string())),
        };
        let gold = t.main_content.clone().unwrap_or_default();
        let body_scored = !gold.trim().is_empty();
        let (precision, recall, f1) = word_prf(&text, &gold);
        let lt = norm_ws(&text);
        for w in &t.with {
            with_n += 1;
            with_hit += usize::from(lt.contains(&norm_ws(w)));
        }
        for w in &t.without {
            without_n += 1;
            without_hit += usize::from(lt.contains(&norm_ws(w)));
        }
        let title_ok = t
            .title
            .as_deref()
            .filter(|g| !g.trim().is_empty())
            .map(|g| {
                meta.title
                    .as_deref()
                    .is_some_and(|p| norm_words(p) == norm_words(g))
            });
        let author_gold = t.author.clone().filter(|a| !a.trim().is_empty());
        let author_ok = author_gold.as_deref().map(|g| {
            !meta.authors.is_empty() && name_words(&meta.authors.join(" ")) == name_words(g)
        });
        let date_gold = t.publish_date.clone().filter(|d| d.len() >= 10);
        let date_ok = date_gold.as_deref().map(|g| {
            meta.published
                .as_deref()
                .is_some_and(|p| p.get(..10) == g.get(..10))
        });
        per_page.push(PageScore {
            id: id.clone(),
            f1,
            precision,
            recall,
            ms,
            title_ok,
            author_ok,
            date_ok,
            date_pred: meta.published.clone(),
            date_gold,
            author_pred: meta.authors.clone(),
            author_gold,
            error,
            body_scored,
        });
    }
    let scored: Vec<&PageScore> = per_page.iter().filter(|p| p.body_scored).collect();
    let n = scored.len().max(1) as f64;
    let acc = |f: &dyn Fn(&PageScore) -> Option<bool>| {
        let v: Vec<bool> = per_page.iter().filter_map(f).collect();
        (
            v.iter().filter(|x| **x).count() as f64 / v.len().max(1) as f64,
            v.len(),
        )
    };
    let (title_accuracy, title_pages) = acc(&|p| p.title_ok);
    let (author_accuracy, author_pages) = acc(&|p| p.author_ok);
    let (date_accuracy, date_pages) = acc(&|p| p.date_ok);
    let mut ms: Vec<f64> = per_page.iter().map(|p| p.ms).collect();
    ms.sort_by(|a, b| a.total_cmp(b));
    Ok(ExtractionReport {
        pages: per_page.len(),
        errors: per_page.iter().filter(|p| p.error.is_some()).count(),
        word_f1: scored.iter().map(|p| p.f1).sum::<f64>() / n,
        body_pages: scored.len(),
        word_precision: scored.iter().map(|p| p.precision).sum::<f64>() / n,
        word_recall: scored.iter().map(|p| p.recall).sum::<f64>() / n,
        with_found: with_hit as f64 / with_n.max(1) as f64,
        without_leaked: without_hit as f64 / without_n.max(1) as f64,
        title_accuracy,
        title_pages,
        author_accuracy,
        author_pages,
        date_accuracy,
        date_pages,
        ms_median: ms[ms.len() / 2],
        ms_mean: ms.iter().sum::<f64>() / ms.len() as f64,
        per_page,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_f1() {
        let (p, r, f) = word_prf("The cat sat.", "the cat sat on the mat");
        assert!((p - 1.0).abs() < 1e-9 && (r - 0.5).abs() < 1e-9 && (f - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(word_prf("", "x").2, 0.0);
    }

    #[test]
    fn pages_without_a_gold_body_are_not_averaged() {
        use std::io::Write;
        let dir = std::env::temp_dir().join(format!("whosaid-wcxb-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("html")).unwrap();
        std::fs::create_dir_all(dir.join("ground-truth")).unwrap();
        let body = "The council voted on Monday to build the new bridge across the river.";
        let page =
            format!("<html><body><article><p>{body}</p><p>{body}</p></article></body></html>");
        let twice = format!("{body} {body}");
        for (id, gold) in [("1", twice.as_str()), ("2", "")] {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            gz.write_all(page.as_bytes()).unwrap();
            std::fs::write(dir.join(format!("html/{id}.html.gz")), gz.finish().unwrap()).unwrap();
            let truth = serde_json::json!({"ground_truth": {"main_content": gold}});
            std::fs::write(
                dir.join(format!("ground-truth/{id}.json")),
                truth.to_string(),
            )
            .unwrap();
        }
        let r = score_dir(&dir).expect("scores");
        std::fs::remove_dir_all(&dir).ok();
        assert_eq!((r.pages, r.body_pages), (2, 1));
        assert!(
            r.word_f1 > 0.9,
            "the one page with a body scores alone: {}",
            r.word_f1
        );
    }

    #[test]
    fn scores_shared_set_if_present() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/wcxb-articles");
        if !dir.exists() {
            eprintln!("note: {} absent, skipping", dir.display());
            return;
        }
        // A quick smoke pass is enough here; `whosaid eval extraction` gives the figures.
        let r = score_dir(&dir).expect("scores");
        assert!(r.pages > 700);
        assert!(r.word_f1 > 0.85, "word F1 {}", r.word_f1);
    }
}
