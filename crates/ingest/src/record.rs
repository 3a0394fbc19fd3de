//! What every reader yields: an [`Article`] (text + metadata + where it came
//! from) or an [`IngestError`] naming the file, the record and the problem.

use crate::html::HtmlError;
use std::fmt;
use whosaid_core::Metadata;

/// Where an article (or an error) was found in its input.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Origin {
    /// The input file as given (`-` for standard input).
    pub path: String,
    /// Index of the record in the input (WARC record, feed entry, table row;
    /// 0-based, counting every record including skipped ones). `None` for
    /// single-article inputs (a text or HTML file).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<u64>,
    /// 1-based line number where the record starts, for line-oriented inputs
    /// (JSONL, CSV).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// Byte offset of the record in the file when known. For gzipped WARC it
    /// is the offset of the gzip member holding the record (what a
    /// Common Crawl index stores).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
}

impl Origin {
    /// The origin of a whole file.
    pub fn file(path: impl Into<String>) -> Self {
        Origin {
            path: path.into(),
            ..Default::default()
        }
    }

    /// The origin of record `index` of `path`.
    pub fn record(path: impl Into<String>, index: u64) -> Self {
        Origin {
            path: path.into(),
            record: Some(index),
            ..Default::default()
        }
    }

    /// `path` or `path#record`: the form stored in [`Metadata::origin`] and
    /// used as an article id when nothing better is known.
    pub fn key(&self) -> String {
        match self.record {
            Some(r) => format!("{}#{r}", self.path),
            None => self.path.clone(),
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.path)?;
        if let Some(r) = self.record {
            write!(f, " record {r}")?;
        }
        if let Some(l) = self.line {
            write!(f, " (line {l})")?;
        }
        if let Some(o) = self.offset {
            write!(f, " at byte {o}")?;
        }
        Ok(())
    }
}

/// One article read from any input format.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Article {
    /// Stable identifier: the article URL when the input gives one (WARC
    /// target URI, feed entry link, `url` column), otherwise [`Origin::key`]
    /// (`path` or `path#record`).
    pub id: String,
    /// The article text (for HTML inputs: the extracted main text).
    pub text: String,
    /// Title, authors, dates, outlet, URL, language; `meta.origin` is
    /// [`Origin::key`].
    pub meta: Metadata,
    /// Where the article was found.
    pub origin: Origin,
}

impl Article {
    /// Turns the article into a pipeline [`whosaid_core::Document`] with the
    /// article id.
    pub fn into_document(self) -> whosaid_core::Document {
        let mut doc = whosaid_core::Document::with_meta(self.text, self.meta);
        doc.id = self.id;
        doc
    }
}

/// Why an input, or one record of it, could not be read.
///
/// Errors inside a multi-record input (a WARC record, a feed entry, a table
/// row) are yielded by the iterator, which then goes on with the next record.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The file could not be opened or read.
    #[error("{origin}: {source}")]
    Io {
        /// Where reading failed.
        origin: Origin,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The input contains NUL bytes: not a text format.
    #[error("{origin}: binary file (NUL byte at byte {offset})")]
    Binary {
        /// The input or record.
        origin: Origin,
        /// Offset of the first NUL byte.
        offset: u64,
    },
    /// Text that is not valid UTF-8.
    #[error("{origin}: invalid UTF-8 at byte {offset}")]
    InvalidUtf8 {
        /// The input or record.
        origin: Origin,
        /// Offset of the first invalid byte (within the file or the field).
        offset: u64,
    },
    /// A record bigger than the reader accepts; it was skipped.
    #[error("{origin}: record is {size} bytes, over the {limit}-byte limit (skipped)")]
    TooLarge {
        /// The record.
        origin: Origin,
        /// Its declared or observed size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The input ends in the middle of a record.
    #[error("{origin}: truncated: {detail}")]
    Truncated {
        /// The unfinished record.
        origin: Origin,
        /// What was missing.
        detail: String,
    },
    /// A record that does not follow its format.
    #[error("{origin}: {detail}")]
    Malformed {
        /// The record.
        origin: Origin,
        /// What is wrong.
        detail: String,
    },
    /// An HTML page (a file, a WARC response, a feed entry) without main text.
    #[error("{origin}{}: {source}", url.as_deref().map(|u| format!(" <{u}>")).unwrap_or_default())]
    Html {
        /// The page.
        origin: Origin,
        /// The page URL, when known.
        url: Option<String>,
        /// What the HTML extractor said.
        #[source]
        source: HtmlError,
    },
}

impl IngestError {
    /// Where the error happened.
    pub fn origin(&self) -> &Origin {
        match self {
            IngestError::Io { origin, .. }
            | IngestError::Binary { origin, .. }
            | IngestError::InvalidUtf8 { origin, .. }
            | IngestError::TooLarge { origin, .. }
            | IngestError::Truncated { origin, .. }
            | IngestError::Malformed { origin, .. }
            | IngestError::Html { origin, .. } => origin,
        }
    }

    pub(crate) fn malformed(origin: Origin, detail: impl Into<String>) -> Self {
        IngestError::Malformed {
            origin,
            detail: detail.into(),
        }
    }
}

/// The stream every reader returns.
pub type Articles = Box<dyn Iterator<Item = Result<Article, IngestError>> + Send>;

/// A UTF-8 byte-order mark.
pub(crate) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Bytes → text for a text record: BOM stripped, NUL bytes and invalid UTF-8
/// refused.
pub(crate) fn decode_text(bytes: Vec<u8>, origin: &Origin) -> Result<String, IngestError> {
    let skip = if bytes.starts_with(BOM) { BOM.len() } else { 0 };
    if let Some(p) = bytes.iter().position(|&b| b == 0) {
        return Err(IngestError::Binary {
            origin: origin.clone(),
            offset: p as u64,
        });
    }
    let mut bytes = bytes;
    bytes.drain(..skip);
    String::from_utf8(bytes).map_err(|e| IngestError::InvalidUtf8 {
        origin: origin.clone(),
        offset: (e.utf8_error().valid_up_to() + skip) as u64,
    })
}

/// A plain-text article: the text as it is (BOM stripped, UTF-8 checked).
pub fn text_article(bytes: Vec<u8>, origin: Origin) -> Result<Article, IngestError> {
    let text = decode_text(bytes, &origin)?;
    if text.trim().is_empty() {
        return Err(IngestError::malformed(origin, "empty text"));
    }
    let id = origin.key();
    let meta = Metadata {
        origin: Some(id.clone()),
        ..Default::default()
    };
    Ok(Article {
        id,
        text,
        meta,
        origin,
    })
}

/// An HTML page → article via [`crate::html::extract`]. `url` is where the
/// page came from (used as hint, id and `meta.url` fallback).
pub fn html_article(
    bytes: &[u8],
    url: Option<&str>,
    origin: Origin,
) -> Result<Article, IngestError> {
    let ex = crate::html::extract(bytes, url).map_err(|source| IngestError::Html {
        origin: origin.clone(),
        url: url.map(str::to_string),
        source,
    })?;
    let mut meta = ex.meta;
    if meta.url.is_none() {
        meta.url = url.map(str::to_string);
    }
    meta.origin = Some(origin.key());
    Ok(Article {
        id: url.map_or_else(|| origin.key(), str::to_string),
        text: ex.text,
        meta,
        origin,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_article_strips_bom_and_checks_utf8() {
        let a = text_article(
            b"\xEF\xBB\xBFHello \xC3\xA9".to_vec(),
            Origin::file("a.txt"),
        )
        .expect("valid text");
        assert_eq!(a.text, "Hello é");
        assert_eq!(a.id, "a.txt");
        assert_eq!(a.meta.origin.as_deref(), Some("a.txt"));

        let e = text_article(b"abc\xFFdef".to_vec(), Origin::file("b.txt")).unwrap_err();
        assert!(
            matches!(e, IngestError::InvalidUtf8 { offset: 3, .. }),
            "{e}"
        );
        assert_eq!(e.to_string(), "b.txt: invalid UTF-8 at byte 3");

        let e = text_article(b"PK\x03\x04\x00\x00".to_vec(), Origin::file("c.txt")).unwrap_err();
        assert!(e.to_string().contains("binary file"), "{e}");

        let e = text_article(b"  \n".to_vec(), Origin::file("d.txt")).unwrap_err();
        assert!(e.to_string().contains("empty"), "{e}");
    }

    #[test]
    fn origin_display_names_record_line_and_offset() {
        let o = Origin {
            path: "x.csv".into(),
            record: Some(4),
            line: Some(7),
            offset: Some(120),
        };
        assert_eq!(o.to_string(), "x.csv record 4 (line 7) at byte 120");
        assert_eq!(o.key(), "x.csv#4");
    }
}
