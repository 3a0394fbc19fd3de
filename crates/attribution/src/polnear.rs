//! Reader for the PolNeAR corpus (brat standoff attribution annotations).
//!
//! A split directory holds `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann`.
//! Spans are `T` lines (`Source`, `Cue`, `Content`, `Content2`; `Attribution`
//! copies the cue; `Discard`/`Discuss` are annotator notes and ignored);
//! relations are `E` lines whose arguments name the spans of one attribution.
//! Offsets count code points, end exclusive; a discontinuous span is
//! `s e;s e`. When an article has several annotator files, the first by file
//! name is used. The covered-text field of a `T` line may contain newlines, so
//! lines that are neither `T`, `E` nor another brat annotation type continue
//! the previous `T` line and are skipped.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use whosaid_core::{Region, Span};

/// A reader error, naming the file (and line) at fault.
#[derive(Debug, thiserror::Error)]
pub enum PolnearError {
    /// Reading failed; the I/O error is the `source` (printed after the path).
    #[error("{path}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}:{line}: {message}")]
    Malformed {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{path}: no annotation file for this text")]
    Missing { path: PathBuf },
}

/// One gold attribution relation.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldAttribution {
    /// Absent for sourceless attributions.
    pub source: Option<Region>,
    /// Absent in a handful of incomplete annotations.
    pub cue: Option<Region>,
    /// `Content` and `Content2` together; absent when not annotated.
    pub content: Option<Region>,
}

/// One article with its gold attributions.
#[derive(Debug, Clone)]
pub struct Article {
    /// File stem of the text (`nyt_2016-04-18_...`).
    pub name: String,
    pub text: String,
    pub attributions: Vec<GoldAttribution>,
}

/// Parses the content of one `.ann` file. `path` is used in error messages only.
pub fn parse_ann(content: &str, path: &Path) -> Result<Vec<GoldAttribution>, PolnearError> {
    let err = |line: usize, message: String| PolnearError::Malformed {
        path: path.to_path_buf(),
        line,
        message,
    };
    let mut spans: HashMap<&str, Region> = HashMap::new();
    // (line number, [(role, span id)])
    let mut relations: Vec<(usize, Vec<(&str, &str)>)> = Vec::new();
    for (n, line) in content.lines().enumerate() {
        let n = n + 1;
        let line = line.trim_end_matches('\r');
        let mut fields = line.split('\t');
        let id = fields.next().unwrap_or("");
        let kind = id.chars().next();
        let is_id = id.len() > 1 && id[1..].bytes().all(|b| b.is_ascii_digit());
        match kind {
            Some('T') if is_id => {
                let body = fields
                    .next()
                    .ok_or_else(|| err(n, "span line without a label field".into()))?;
                let (label, ranges) = body
                    .split_once(' ')
                    .ok_or_else(|| err(n, format!("span {id}: no offsets")))?;
                let mut parts = Vec::new();
                for r in ranges.split(';') {
                    let mut it = r.split_whitespace();
                    let parse = |s: Option<&str>| -> Result<u32, PolnearError> {
                        s.and_then(|s| s.parse::<u32>().ok())
                            .ok_or_else(|| err(n, format!("span {id}: bad offsets {r:?}")))
                    };
                    let s = parse(it.next())?;
                    let e = parse(it.next())?;
                    if e < s || it.next().is_some() {
                        return Err(err(n, format!("span {id}: bad offsets {r:?}")));
                    }
                    parts.push(Span::new(s, e));
                }
                match label {
                    // Discard/Discuss are annotator notes, ignored on their
                    // own; a relation may still use one as an argument.
                    "Source"
                    | "Cue"
                    | "Content"
                    | "Content2"
                    | "Attribution"
                    | "Attribution-no-source"
                    | "Discard"
                    | "Discuss" => {
                        spans.insert(id, Region::new(parts));
                    }
                    other => return Err(err(n, format!("span {id}: unknown label {other:?}"))),
                }
            }
            Some('E') if is_id => {
                let body = fields
                    .next()
                    .ok_or_else(|| err(n, "relation line without arguments".into()))?;
                let mut args = Vec::new();
                for (i, a) in body.split_whitespace().enumerate() {
                    // The first argument is the trigger (`Attribution:T4` or a
                    // bare `Attribution-no-source`); the others are role:span.
                    if i == 0 {
                        continue;
                    }
                    let (role, target) = a
                        .split_once(':')
                        .ok_or_else(|| err(n, format!("relation argument {a:?} has no ':'")))?;
                    args.push((role, target));
                }
                relations.push((n, args));
            }
            // Other brat annotation types (notes, attributes, normalisations).
            Some('#' | 'A' | 'R' | 'N' | 'M') => {}
            // Continuation of a covered-text field that spans a newline.
            _ => {}
        }
    }
    let mut out = Vec::with_capacity(relations.len());
    for (n, args) in relations {
        let mut gold = GoldAttribution {
            source: None,
            cue: None,
            content: None,
        };
        for (role, target) in args {
            let region = spans
                .get(target)
                .ok_or_else(|| err(n, format!("relation refers to unknown span {target}")))?;
            match role {
                "Source" => gold.source = Some(region.clone()),
                "Cue" => gold.cue = Some(region.clone()),
                "Content" | "Content2" => {
                    let merged = match gold.content.take() {
                        Some(c) => Region::new(
                            c.parts()
                                .iter()
                                .chain(region.parts())
                                .copied()
                                .collect::<Vec<_>>(),
                        ),
                        None => region.clone(),
                    };
                    gold.content = Some(merged);
                }
                other => return Err(err(n, format!("unknown relation role {other:?}"))),
            }
        }
        out.push(gold);
    }
    Ok(out)
}

/// Reads a split directory (`DIR/text`, `DIR/attributions`), articles sorted by
/// name, each with its first annotator file by name.
pub fn read_split(dir: &Path) -> Result<Vec<Article>, PolnearError> {
    read_split_with(dir, false)
}

/// Like [`read_split`], but one [`Article`] per annotator file: articles
/// annotated several times appear several times (more training signal).
pub fn read_split_all_annotators(dir: &Path) -> Result<Vec<Article>, PolnearError> {
    read_split_with(dir, true)
}

fn read_split_with(dir: &Path, all: bool) -> Result<Vec<Article>, PolnearError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| PolnearError::Io { path, source }
    };
    let text_dir = dir.join("text");
    let ann_dir = dir.join("attributions");
    let mut anns: Vec<String> = Vec::new();
    for e in std::fs::read_dir(&ann_dir).map_err(io(&ann_dir))? {
        let e = e.map_err(io(&ann_dir))?;
        if let Some(name) = e.file_name().to_str() {
            if name.ends_with(".ann") {
                anns.push(name.to_string());
            }
        }
    }
    anns.sort();
    // Annotation files by article, in name order (the first is the default).
    let mut by_article: HashMap<String, Vec<String>> = HashMap::new();
    for a in &anns {
        let stem = &a[..a.len() - 4];
        let article = stem.rsplit_once('_').map_or(stem, |(s, _)| s);
        by_article
            .entry(article.to_string())
            .or_default()
            .push(a.clone());
    }
    let mut texts: Vec<String> = Vec::new();
    for e in std::fs::read_dir(&text_dir).map_err(io(&text_dir))? {
        let e = e.map_err(io(&text_dir))?;
        if let Some(name) = e.file_name().to_str() {
            if let Some(stem) = name.strip_suffix(".txt") {
                texts.push(stem.to_string());
            }
        }
    }
    texts.sort();
    let mut out = Vec::with_capacity(texts.len());
    for name in texts {
        let tpath = text_dir.join(format!("{name}.txt"));
        let files = by_article.get(&name).ok_or_else(|| PolnearError::Missing {
            path: tpath.clone(),
        })?;
        let text = std::fs::read_to_string(&tpath).map_err(io(&tpath))?;
        let take = if all { files.len() } else { 1 };
        for ann in files.iter().take(take) {
            let apath = ann_dir.join(ann);
            let ann_text = std::fs::read_to_string(&apath).map_err(io(&apath))?;
            let attributions = parse_ann(&ann_text, &apath)?;
            let len = text.chars().count() as u32;
            for (i, a) in attributions.iter().enumerate() {
                for r in [&a.source, &a.cue, &a.content].into_iter().flatten() {
                    if r.extent().is_some_and(|e| e.end > len) {
                        return Err(PolnearError::Malformed {
                            path: apath.clone(),
                            line: 0,
                            message: format!("relation {} points past the end of the text", i + 1),
                        });
                    }
                }
            }
            out.push(Article {
                name: name.clone(),
                text: text.clone(),
                attributions,
            });
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_relations_discontinuous_and_continuations() {
        let ann = "T1\tSource 0 2\tHe\nT2\tCue 3 7\tsaid\nT3\tContent 9 12;20 25\tabc\nmore text\n\
                   T4\tAttribution 3 7\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n\
                   E2\tAttribution-no-source Cue:T2 Content:T5\nT5\tContent 30 31\tx\n\
                   T6\tDiscard 40 41\ty\n#1\tAnnotatorNotes T6\tnote\n";
        let g = parse_ann(ann, Path::new("x.ann")).unwrap();
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].source, Some(Region::single(Span::new(0, 2))));
        assert_eq!(
            g[0].content.as_ref().unwrap().parts(),
            &[Span::new(9, 12), Span::new(20, 25)]
        );
        assert_eq!(g[1].source, None);
        assert_eq!(g[1].content, Some(Region::single(Span::new(30, 31))));
    }

    #[test]
    fn malformed_lines_name_file_and_line() {
        let e = parse_ann("T1\tCue 3 x\tsaid\n", Path::new("a.ann")).unwrap_err();
        assert_eq!(e.to_string(), "a.ann:1: span T1: bad offsets \"3 x\"");
        let e = parse_ann("E1\tAttribution:T4 Cue:T9\n", Path::new("b.ann")).unwrap_err();
        assert!(e.to_string().starts_with("b.ann:1:"), "{e}");
    }

    #[test]
    fn reads_dev_split_when_present() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/polnear/dev");
        if !dir.exists() {
            eprintln!("note: {} absent, skipping", dir.display());
            return;
        }
        let arts = read_split(&dir).unwrap();
        assert_eq!(arts.len(), 84);
        let n: usize = arts.iter().map(|a| a.attributions.len()).sum();
        assert!(n > 1500, "{n}");
    }
}
