//! HTML pages: decoded bytes → main text, typed blocks mapped back to the
//! source, and metadata (title, authors, dates, site, canonical URL, language).
//!
//! Pipeline: [`charset::decode`] → one html5ever parse (dom_query) →
//! [`meta::extract`] on the untouched tree → boilerplate pruning →
//! dom_smoothie's Readability chooses the article container → the container is
//! walked into blocks → paragraph-level boilerplate filter. When Readability
//! finds nothing, the pruned `<body>` is walked instead.

pub mod charset;
pub mod dates;
mod extract;
pub mod meta;

use std::ops::Range;
use whosaid_core::{Metadata, Span};

/// Pages larger than this are refused rather than parsed.
pub const MAX_BYTES: usize = 64 << 20;

/// Why an HTML page could not be read.
#[derive(Debug, thiserror::Error)]
pub enum HtmlError {
    #[error("page is empty")]
    Empty,
    #[error("page is {0} bytes, over the {MAX_BYTES}-byte limit")]
    TooLarge(usize),
    #[error("no text found in the page")]
    NoText,
}

/// What a block of main text was in the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Paragraph,
    Heading,
    Quote,
    ListItem,
}

/// One paragraph-like block of the extracted text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Block {
    /// Where the block is in [`Extracted::text`] (code points, end exclusive).
    pub text_span: Span,
    /// Approximate byte range of the block in [`Extracted::html`]: located by
    /// searching the block's opening words after the previous block; empty
    /// (`start..start`) when they could not be found verbatim (entities, markup).
    pub source_bytes: Range<usize>,
    pub kind: BlockKind,
}

/// The result of reading one page.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// Main text; blocks separated by "\n\n".
    pub text: String,
    pub meta: Metadata,
    pub blocks: Vec<Block>,
    /// The decoded page (what `source_bytes` index into).
    pub html: String,
}

/// Extracts main text, blocks and metadata from raw page bytes (any charset).
/// `url_hint` is where the page came from (used for URL dates and as the
/// fallback canonical URL).
pub fn extract(bytes: &[u8], url_hint: Option<&str>) -> Result<Extracted, HtmlError> {
    if bytes.len() > MAX_BYTES {
        return Err(HtmlError::TooLarge(bytes.len()));
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(HtmlError::Empty);
    }
    let (html, _) = charset::decode(bytes);
    // html5ever and the extractors recurse on deep trees in places; very deep
    // pages run on a thread with a stack sized for them instead of overflowing.
    let depth = rough_depth(&html);
    if depth > 512 {
        let stack = 64 << 20 | (depth * 8192).min(1 << 30);
        let url = url_hint.map(str::to_string);
        return std::thread::scope(|s| {
            std::thread::Builder::new()
                .stack_size(stack)
                .spawn_scoped(s, || extract_decoded(html.clone(), url.as_deref()))
                .map_err(|_| HtmlError::NoText)?
                .join()
                .map_err(|_| HtmlError::NoText)?
        });
    }
    extract_decoded(html, url_hint)
}

/// The page's `<body>` (the first one in page order: the parser makes one,
/// under the root `<html>`).
pub(crate) fn body(doc: &dom_query::Document) -> Option<dom_query::NodeRef<'_>> {
    let html = root_html(doc)?;
    html.children_it(false)
        .find(|c| c.has_name("body"))
        .or_else(|| doc.select("body").nodes().first().copied())
}

/// The page's root `<html>` element.
pub(crate) fn root_html(doc: &dom_query::Document) -> Option<dom_query::NodeRef<'_>> {
    doc.root()
        .children_it(false)
        .find(|c| c.has_name("html"))
        .or_else(|| doc.select("html").nodes().first().copied())
}

/// Upper bound on element nesting: counts open tags minus close tags.
fn rough_depth(html: &str) -> usize {
    let b = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    // memchr's vectorised scan from one `<` to the next: a byte-by-byte
    // loop over the page cost about 2 % of the extraction.
    for i in memchr::memchr_iter(b'<', b) {
        match b.get(i + 1) {
            Some(b'/') => depth = depth.saturating_sub(1),
            Some(c) if c.is_ascii_alphabetic() => {
                depth += 1;
                max = max.max(depth);
            }
            _ => {}
        }
    }
    max
}

fn extract_decoded(html: String, url_hint: Option<&str>) -> Result<Extracted, HtmlError> {
    let doc = dom_query::Document::from(html.as_str());
    let url_hint = url_hint.filter(|u| u.starts_with("http://") || u.starts_with("https://"));
    let meta = meta::extract_with_source(&doc, Some(&html), url_hint);
    let core = extract::prune(&doc, meta.title.as_deref());
    // The paragraph-density candidate, walked before Readability takes the tree.
    let container = core.and_then(|c| extract::container(&doc, c));
    let mut candidate: Vec<extract::RawBlock> =
        container.as_ref().map(extract::blocks).unwrap_or_default();
    candidate.retain(|b| !extract::is_boilerplate(&b.text));
    // A container the page itself marks as the article body (a CMS's
    // `entry-content`, `article-body`...) with enough text is taken as it
    // is: Readability, a quarter of the time per page, picks the same or a
    // no better one there (on WCXB's dev pages: same body F1 either way).
    if container.is_some_and(|n| extract::is_marked_body(&n))
        && candidate.iter().map(|b| b.text.len()).sum::<usize>() >= READABILITY_MIN_CHARS
    {
        return finish(html, meta, candidate);
    }

    // Readability's attempts, strict to loose, as its `parse` makes them:
    // the first that finds enough text, else the longest. The strict one
    // runs on this tree as it is; the looser ones (each needs the tree as
    // it was) only when it comes out short, on a fresh parse cloned per
    // attempt: cloning the tree up front on every page, as `parse` does,
    // costs more than parsing again for the tenth of pages that need it.
    let count =
        |v: &[extract::RawBlock]| -> usize { v.iter().map(|b| b.text.chars().count()).sum() };
    let mut raw = readability(doc, dom_smoothie::ParsePolicy::Strict);
    if count(&raw) < READABILITY_MIN_CHARS {
        let fresh = dom_query::Document::from(html.as_str());
        extract::prune(&fresh, meta.title.as_deref());
        let mut best = count(&raw);
        let looser = [
            dom_smoothie::ParsePolicy::Moderate,
            dom_smoothie::ParsePolicy::Clean,
            dom_smoothie::ParsePolicy::Raw,
        ];
        let mut fresh = Some(fresh);
        for (i, policy) in looser.into_iter().enumerate() {
            let Some(doc) = (if i + 1 < looser.len() {
                fresh.clone()
            } else {
                fresh.take()
            }) else {
                break;
            };
            let attempt = readability(doc, policy);
            let n = count(&attempt);
            if n > best {
                best = n;
                raw = attempt;
            }
            if n >= READABILITY_MIN_CHARS {
                break;
            }
        }
    }
    let chars = |v: &[extract::RawBlock]| v.iter().map(|b| b.text.len()).sum::<usize>();
    if chars(&raw) < 200 && chars(&candidate) < 200 {
        // Neither Readability nor the paragraph container found anything:
        // walk the whole (pruned) body.
        let doc = dom_query::Document::from(html.as_str());
        extract::prune(&doc, meta.title.as_deref());
        if let Some(b) = body(&doc).map(|b| extract::blocks(&b)) {
            if b.iter().map(|b| b.text.len()).sum::<usize>()
                > raw.iter().map(|b| b.text.len()).sum::<usize>()
            {
                raw = b;
            }
        }
    }
    raw.retain(|b| !extract::is_boilerplate(&b.text));
    let words =
        |v: &[extract::RawBlock]| -> usize { v.iter().map(|b| meta::count_words(&b.text)).sum() };
    if words(&raw) * 2 < words(&candidate) {
        raw = candidate;
    }
    finish(html, meta, raw)
}

/// The chosen blocks as the page's text, with their spans and source ranges.
fn finish(
    html: String,
    meta: Metadata,
    mut raw: Vec<extract::RawBlock>,
) -> Result<Extracted, HtmlError> {
    // Drop a leading heading that repeats the title: the body starts after it.
    if let (Some(first), Some(title)) = (raw.first(), meta.title.as_deref()) {
        if first.kind == BlockKind::Heading && first.text.eq_ignore_ascii_case(title.trim()) {
            raw.remove(0);
        }
    }
    if raw.is_empty() {
        return Err(HtmlError::NoText);
    }

    let mut text = String::new();
    let mut blocks = Vec::with_capacity(raw.len());
    let mut cp = 0u32;
    let mut cursor = 0usize;
    for b in raw {
        if !text.is_empty() {
            text.push_str("\n\n");
            cp += 2;
        }
        let len = b.text.chars().count() as u32;
        let source_bytes = locate(&html, &b.text, &mut cursor);
        text.push_str(&b.text);
        blocks.push(Block {
            text_span: Span {
                start: cp,
                end: cp + len,
            },
            source_bytes,
            kind: b.kind,
        });
        cp += len;
    }
    Ok(Extracted {
        text,
        meta,
        blocks,
        html,
    })
}

/// Readability's own threshold (`char_threshold`) for an attempt that
/// found the article.
const READABILITY_MIN_CHARS: usize = 500;

/// Readability's article from one attempt with `policy`, walked into
/// blocks (empty when it finds none).
fn readability(
    doc: dom_query::Document,
    policy: dom_smoothie::ParsePolicy,
) -> Vec<extract::RawBlock> {
    let cfg = dom_smoothie::Config {
        max_elements_to_parse: 0,
        disable_json_ld: true,
        char_threshold: READABILITY_MIN_CHARS,
        ..Default::default()
    };
    let Ok(mut r) = dom_smoothie::Readability::with_document(doc, None, Some(cfg)) else {
        return Vec::new();
    };
    if r.parse_with_policy(policy).is_err() {
        return Vec::new();
    }
    // The article is the container Readability built in its own tree:
    // walked there rather than serialised and parsed again.
    r.doc
        .select_single("#readability-page-1")
        .nodes()
        .first()
        .map(extract::blocks)
        .unwrap_or_default()
}

/// Finds a block's opening words in the page at or after `cursor`.
fn locate(html: &str, text: &str, cursor: &mut usize) -> Range<usize> {
    // The longest prefix of plain word characters: those appear verbatim.
    let mut end = 0;
    for (i, c) in text.char_indices() {
        if !(c.is_alphanumeric() || c == ' ') || i >= 48 {
            break;
        }
        end = i + c.len_utf8();
    }
    let needle = text[..end].trim_end();
    if needle.len() < 3 {
        return *cursor..*cursor;
    }
    // Forward only: blocks come in page order, and a search from the start
    // for every unfound block is quadratic on long pages.
    // memmem's vectorised search: an unfound block scans the rest of the page.
    let found =
        memchr::memmem::find(&html.as_bytes()[*cursor..], needle.as_bytes()).map(|p| p + *cursor);
    match found {
        Some(start) => {
            *cursor = start + needle.len();
            // The block ends at the next block-closing tag.
            let end = memchr::memmem::find(&html.as_bytes()[start..], b"</")
                .map_or(html.len(), |p| start + p);
            start..end.max(start + needle.len())
        }
        None => *cursor..*cursor,
    }
}

#[cfg(test)]
mod tests;
