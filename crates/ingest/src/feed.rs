//! RSS (0.9x, 1.0/RDF, 2.0), Atom and JSON Feed via `feed-rs`: each entry
//! becomes an [`Article`].
//!
//! Text: the entry content when present (HTML content goes through
//! [`crate::html::extract`], or plain tag stripping when that finds no main
//! text); otherwise the title and the summary (HTML stripped). Title,
//! published/updated dates, authors, link, feed title (outlet) and language
//! go to the metadata.

use crate::record::{Article, IngestError, Origin, BOM};
use std::io::Read;
use whosaid_core::Metadata;

/// Feeds larger than this are refused (a feed is parsed whole).
pub const MAX_FEED: u64 = 64 << 20;

/// The entries of a parsed feed, as articles.
pub struct Entries {
    entries: std::vec::IntoIter<feed_rs::model::Entry>,
    site_name: Option<String>,
    language: Option<String>,
    path: String,
    index: u64,
}

/// Reads and parses a whole feed (at most [`MAX_FEED`] bytes); entries are
/// then turned into articles one by one.
pub fn read<R: Read>(reader: R, path: impl Into<String>) -> Result<Entries, IngestError> {
    let path = path.into();
    let origin = Origin::file(path.clone());
    let mut bytes = Vec::new();
    reader
        .take(MAX_FEED + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| IngestError::Io {
            origin: origin.clone(),
            source,
        })?;
    if bytes.len() as u64 > MAX_FEED {
        return Err(IngestError::TooLarge {
            origin,
            size: bytes.len() as u64,
            limit: MAX_FEED,
        });
    }
    parse(&bytes, path)
}

/// Parses a feed held in memory.
pub fn parse(bytes: &[u8], path: impl Into<String>) -> Result<Entries, IngestError> {
    let path = path.into();
    let origin = Origin::file(path.clone());
    let b = bytes.strip_prefix(BOM).unwrap_or(bytes);
    // The XML declaration must come first: drop whitespace before it.
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let feed = feed_rs::parser::parse(&b[start..])
        .map_err(|e| IngestError::malformed(origin, format!("not a readable feed: {e}")))?;
    Ok(Entries {
        entries: feed.entries.into_iter(),
        site_name: feed.title.map(|t| text_of(&t)).filter(|t| !t.is_empty()),
        language: feed.language,
        path,
        index: 0,
    })
}

/// A feed `Text` as plain text (HTML stripped when typed or looking so).
fn text_of(t: &feed_rs::model::Text) -> String {
    if t.content_type.to_string().contains("html") || t.content.contains('<') {
        fragment_text(&t.content)
    } else {
        crate::text::clean_ws(&t.content)
    }
}

fn is_html(c: &feed_rs::model::Content, body: &str) -> bool {
    let ty = c.content_type.to_string().to_ascii_lowercase();
    ty.contains("html") || (!ty.starts_with("text/plain") && body.contains('<'))
}

/// Main text of an HTML fragment: the page extractor when it keeps most of
/// the text, tag stripping otherwise (fragments are small, and the
/// extractor's boilerplate filter is tuned for whole pages).
pub fn html_fragment_text(html: &str, url: Option<&str>) -> String {
    let stripped = fragment_text(html);
    match crate::html::extract(html.as_bytes(), url) {
        Ok(ex) if ex.text.len() * 2 >= stripped.len() => ex.text,
        _ => stripped,
    }
}

/// Text of an HTML fragment: tags removed, entities decoded, one paragraph
/// per block element ("\n\n" between them), whitespace collapsed.
pub fn fragment_text(html: &str) -> String {
    crate::text::html_to_text(html)
}

impl Entries {
    fn article(&self, e: feed_rs::model::Entry, origin: Origin) -> Result<Article, IngestError> {
        let link = e
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .or(e.links.first())
            .map(|l| l.href.trim().to_string())
            .filter(|l| !l.is_empty());
        let title = e.title.as_ref().map(text_of).filter(|t| !t.is_empty());
        let content = e
            .content
            .as_ref()
            .and_then(|c| {
                let body = c.body.as_deref()?;
                Some(if is_html(c, body) {
                    html_fragment_text(body, link.as_deref())
                } else {
                    body.trim().to_string()
                })
            })
            .filter(|t| !t.is_empty());
        let text = match content {
            Some(t) => t,
            None => {
                let summary = e.summary.as_ref().map(text_of).filter(|t| !t.is_empty());
                [title.clone(), summary]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join("\n\n")
            }
        };
        if text.is_empty() {
            return Err(IngestError::malformed(
                origin,
                "feed entry has no content, summary or title",
            ));
        }
        const ISO: &str = "%Y-%m-%dT%H:%M:%SZ";
        let published = e.published.or(e.updated).map(|d| d.format(ISO).to_string());
        let modified = e.updated.map(|d| d.format(ISO).to_string());
        let authors = e
            .authors
            .iter()
            .map(|p| p.name.trim().to_string())
            .filter(|n| !n.is_empty())
            .collect();
        let id = link
            .clone()
            .or_else(|| Some(e.id.trim().to_string()).filter(|i| !i.is_empty()))
            .unwrap_or_else(|| origin.key());
        let meta = Metadata {
            title,
            authors,
            published,
            modified,
            site_name: self.site_name.clone(),
            url: link,
            language: e.language.clone().or_else(|| self.language.clone()),
            origin: Some(origin.key()),
        };
        Ok(Article {
            id,
            text,
            meta,
            origin,
        })
    }
}

impl Iterator for Entries {
    type Item = Result<Article, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        let e = self.entries.next()?;
        let origin = Origin::record(self.path.clone(), self.index);
        self.index += 1;
        Some(self.article(e, origin))
    }
}
