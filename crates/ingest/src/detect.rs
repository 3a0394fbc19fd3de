//! Input kind detection and the one entry point that reads any input:
//! [`read_path`] (or [`read_reader`] for a stream).
//!
//! The kind is decided from the first [`SNIFF`] bytes (decompressed when
//! gzipped), then from the file extension (`.gz` stripped), else plain text:
//!
//! | content starts with | kind |
//! | --- | --- |
//! | `WARC/1.x` (also inside gzip) | [`Kind::Warc`] |
//! | `<rss`, `<feed`, `<rdf:RDF` (after `<?xml …?>`, comments) | [`Kind::Feed`] |
//! | `<!doctype html`, `<html`, `<head`, `<body`, other HTML tags | [`Kind::Html`] |
//! | `{` and every complete line a JSON object | [`Kind::Jsonl`] |
//! | a comma-separated header with a known column name | [`Kind::Csv`] |

use crate::record::{html_article, text_article, Articles, IngestError, Origin, BOM};
use crate::table::Columns;
use std::fmt;
use std::io::{self, Read};
use std::path::Path;
use std::str::FromStr;

/// How many leading bytes detection looks at.
pub const SNIFF: usize = 8 << 10;
/// Text and HTML files (one article each) larger than this are refused.
pub const MAX_ARTICLE: u64 = 64 << 20;

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Plain text: the whole file is one article.
    Text,
    /// One HTML page.
    Html,
    /// A WARC archive, plain or gzipped.
    Warc,
    /// RSS, Atom or JSON Feed.
    Feed,
    /// JSON Lines, one article object per line.
    Jsonl,
    /// CSV with a header row.
    Csv,
}

impl Kind {
    /// Every kind.
    pub const ALL: [Kind; 6] = [
        Kind::Text,
        Kind::Html,
        Kind::Warc,
        Kind::Feed,
        Kind::Jsonl,
        Kind::Csv,
    ];

    /// The name used by `FromStr` and `Display`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Html => "html",
            Kind::Warc => "warc",
            Kind::Feed => "feed",
            Kind::Jsonl => "jsonl",
            Kind::Csv => "csv",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A `--kind` value that names no kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown input kind {0:?} (expected text, html, warc, feed, jsonl or csv)")]
pub struct UnknownKind(pub String);

impl FromStr for Kind {
    type Err = UnknownKind;

    /// Accepts the kind names and common aliases (`txt`, `htm`, `rss`,
    /// `atom`, `ndjson`, `json`), case-insensitively.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(match s.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" => Kind::Text,
            "html" | "htm" => Kind::Html,
            "warc" => Kind::Warc,
            "feed" | "rss" | "atom" => Kind::Feed,
            "jsonl" | "ndjson" | "json" => Kind::Jsonl,
            "csv" => Kind::Csv,
            _ => return Err(UnknownKind(s.to_string())),
        })
    }
}

/// The kind suggested by a file name (`.gz` stripped), if any.
pub fn from_extension(path: &Path) -> Option<Kind> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let ext = name.rsplit_once('.')?.1;
    Some(match ext {
        "warc" => Kind::Warc,
        "rss" | "atom" | "rdf" | "xml" => Kind::Feed,
        "html" | "htm" | "xhtml" | "shtml" => Kind::Html,
        "jsonl" | "ndjson" | "jsonlines" | "json" => Kind::Jsonl,
        "csv" => Kind::Csv,
        "txt" | "text" | "md" => Kind::Text,
        _ => return None,
    })
}

const HTML_TAGS: &[&str] = &[
    "html", "head", "body", "meta", "title", "link", "div", "p", "article", "section", "main",
    "header", "span", "table", "h1", "h2", "h3", "h4", "h5", "h6", "script", "style", "nav", "ul",
    "ol", "a", "img", "br", "base",
];

/// The kind the content (already decompressed) shows, if it shows one.
pub fn sniff(prefix: &[u8]) -> Option<Kind> {
    let b = prefix.strip_prefix(BOM).unwrap_or(prefix);
    let start = b.iter().position(|c| !c.is_ascii_whitespace())?;
    let b = &b[start..];
    if b.starts_with(b"WARC/1.") || b.starts_with(b"WARC/0.") {
        return Some(Kind::Warc);
    }
    if b.contains(&0) {
        return None;
    }
    match b[0] {
        b'<' => sniff_markup(b),
        b'{' => sniff_json(b),
        _ => sniff_csv(b),
    }
}

fn sniff_markup(b: &[u8]) -> Option<Kind> {
    let lower = b[..b.len().min(SNIFF)].to_ascii_lowercase();
    let mut i = 0;
    while i < lower.len() {
        let rest = &lower[i..];
        if rest[0].is_ascii_whitespace() {
            i += 1;
        } else if rest.starts_with(b"<?") {
            i += find(rest, b"?>")? + 2;
        } else if rest.starts_with(b"<!--") {
            i += find(rest, b"-->")? + 3;
        } else if rest.starts_with(b"<!doctype") {
            if rest[9..].trim_ascii_start().starts_with(b"html") {
                return Some(Kind::Html);
            }
            i += find(rest, b">")? + 1;
        } else if rest[0] == b'<' {
            let name: Vec<u8> = rest[1..]
                .iter()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b':' | b'-' | b'_'))
                .copied()
                .collect();
            let name = String::from_utf8_lossy(&name);
            return match name.as_ref() {
                "rss" | "feed" | "rdf:rdf" | "channel" => Some(Kind::Feed),
                n if HTML_TAGS.contains(&n) => Some(Kind::Html),
                _ => None,
            };
        } else {
            return None;
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn sniff_json(b: &[u8]) -> Option<Kind> {
    let complete = b.len() < SNIFF;
    let mut lines: Vec<&[u8]> = b.split(|&c| c == b'\n').collect();
    if !complete && lines.len() > 1 {
        lines.pop();
    }
    let mut checked = 0;
    for (n, l) in lines.iter().enumerate() {
        let l = l.trim_ascii();
        if l.is_empty() {
            continue;
        }
        let partial = !complete && n + 1 == lines.len();
        if partial {
            // One long line: a JSON object opening is enough.
            return (l.starts_with(b"{\"") || l.starts_with(b"{ \"")).then_some(Kind::Jsonl);
        }
        match serde_json::from_slice::<serde_json::Value>(l) {
            Ok(serde_json::Value::Object(o)) => {
                if checked == 0
                    && o.get("version")
                        .and_then(|v| v.as_str())
                        .is_some_and(|v| v.contains("jsonfeed.org"))
                {
                    return Some(Kind::Feed);
                }
                checked += 1;
            }
            _ => {
                // A pretty-printed JSON Feed is one object over many lines.
                if checked == 0 && find(b, b"jsonfeed.org/version").is_some() {
                    return Some(Kind::Feed);
                }
                return None;
            }
        }
    }
    (checked > 0).then_some(Kind::Jsonl)
}

fn sniff_csv(b: &[u8]) -> Option<Kind> {
    let line = b.split(|&c| c == b'\n').next()?;
    let line = String::from_utf8_lossy(line);
    if !line.contains(',') {
        return None;
    }
    line.split(',').any(Columns::is_known).then_some(Kind::Csv)
}

/// Decompresses what a gzip prefix holds (a partial member is fine).
fn gunzip_prefix(prefix: &[u8]) -> Vec<u8> {
    let mut d = flate2::read::MultiGzDecoder::new(prefix);
    let mut out = vec![0u8; SNIFF];
    let mut n = 0;
    while n < out.len() {
        match d.read(&mut out[n..]) {
            Ok(0) | Err(_) => break,
            Ok(k) => n += k,
        }
    }
    out.truncate(n);
    out
}

fn is_gzip(b: &[u8]) -> bool {
    b.starts_with(&[0x1f, 0x8b])
}

/// The kind of an input from its first bytes (gzip looked into) and name.
pub fn detect(prefix: &[u8], path: Option<&Path>) -> Kind {
    let content = if is_gzip(prefix) {
        sniff(&gunzip_prefix(prefix))
    } else {
        sniff(prefix)
    };
    content
        .or_else(|| path.and_then(from_extension))
        .unwrap_or(Kind::Text)
}

/// Reads any input file: `kind` forces the format, else it is detected.
/// `-` reads standard input. Gzipped inputs of every kind are decompressed
/// on the fly.
///
/// `Err` when nothing can be read (the file cannot be opened, a feed does
/// not parse, a CSV header has no text column); otherwise errors of single
/// records (and of a text or HTML file's one article) come from the
/// iterator, which goes on after them.
pub fn read_path(
    path: &Path,
    kind: Option<Kind>,
    columns: &Columns,
) -> Result<Articles, IngestError> {
    let name = path.display().to_string();
    let reader: Box<dyn Read + Send> = if name == "-" {
        Box::new(io::stdin())
    } else {
        let f = std::fs::File::open(path).map_err(|source| IngestError::Io {
            origin: Origin::file(name.clone()),
            source,
        })?;
        Box::new(f)
    };
    read_reader(reader, &name, kind, columns)
}

/// [`read_path`] over any stream; `name` names it in origins and errors
/// and its extension is a detection hint.
pub fn read_reader(
    mut reader: Box<dyn Read + Send>,
    name: &str,
    kind: Option<Kind>,
    columns: &Columns,
) -> Result<Articles, IngestError> {
    let origin = Origin::file(name);
    let io_err = |source| IngestError::Io {
        origin: origin.clone(),
        source,
    };
    let mut prefix = Vec::with_capacity(SNIFF);
    (&mut reader)
        .take(SNIFF as u64)
        .read_to_end(&mut prefix)
        .map_err(io_err)?;
    let kind = kind.unwrap_or_else(|| detect(&prefix, Some(Path::new(name))));
    let gz = is_gzip(&prefix);
    let stream = io::Cursor::new(prefix).chain(reader);
    // The WARC reader handles gzip itself, member by member.
    let stream: Box<dyn Read + Send> = if gz && kind != Kind::Warc {
        Box::new(flate2::read::MultiGzDecoder::new(stream))
    } else {
        Box::new(stream)
    };
    let one = |r: Result<crate::Article, IngestError>| -> Articles { Box::new(std::iter::once(r)) };
    Ok(match kind {
        Kind::Warc => Box::new(crate::warc::Reader::new(stream, name)),
        Kind::Text => one(read_all(stream, &origin).and_then(|b| text_article(b, origin.clone()))),
        Kind::Html => {
            one(read_all(stream, &origin).and_then(|b| html_article(&b, None, origin.clone())))
        }
        Kind::Feed => Box::new(crate::feed::read(stream, name)?),
        Kind::Jsonl => Box::new(crate::table::jsonl(
            io::BufReader::with_capacity(64 << 10, stream),
            name,
            columns,
        )),
        Kind::Csv => Box::new(crate::table::csv(stream, name, columns)?),
    })
}

/// Reads a one-article input, at most [`MAX_ARTICLE`] bytes.
fn read_all(r: impl Read, origin: &Origin) -> Result<Vec<u8>, IngestError> {
    let mut b = Vec::new();
    r.take(MAX_ARTICLE + 1)
        .read_to_end(&mut b)
        .map_err(|source| IngestError::Io {
            origin: origin.clone(),
            source,
        })?;
    if b.len() as u64 > MAX_ARTICLE {
        return Err(IngestError::TooLarge {
            origin: origin.clone(),
            size: b.len() as u64,
            limit: MAX_ARTICLE,
        });
    }
    Ok(b)
}
