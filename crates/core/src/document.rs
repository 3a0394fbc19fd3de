//! The [`Document`]: one article's text and every layer the pipeline adds.

use crate::{Attribution, DepRel, Entity, Mention, Span, TextIndex, Upos, Xpos};
use serde::{Deserialize, Serialize};

/// Metadata found by ingestion (HTML meta tags, feed fields, CSV columns) or
/// by the cleaner (a plain-text title line).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// Publication date/time, ISO 8601 (`2016-12-15` or `2016-12-15T10:00:00Z`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Last-modified date/time, ISO 8601.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modified: Option<String>,
    /// The outlet ("Business Insider").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// BCP 47 language tag ("en").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Where the document came from: a file path, `path#record`, or `-`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
}

/// Why a block of text was set aside as boilerplate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BoilerplateKind {
    /// Photo caption or credit ("… Photo via AP").
    Caption,
    /// Video/related-story promos ("NOW WATCH: …", "Read more: …").
    Promo,
    /// Newsletter sign-up and alert boxes.
    Newsletter,
    /// "Follow us on Facebook, Twitter…", share buttons.
    Social,
    /// Navigation, copyright, cookie notices and other page furniture.
    Furniture,
    /// The writer's credit line ("By Dana Whitfield"), read into
    /// [`Metadata::authors`].
    Byline,
    /// Anything else a cleaner removed.
    Other,
}

/// A block of the original text that is not part of the article body. It stays
/// in [`Document::text`] (offsets never shift) but later stages skip it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Boilerplate {
    pub span: Span,
    pub kind: BoilerplateKind,
}

/// A sentence: a span and the range of its tokens in [`Document::tokens`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    /// First token and one past the last token.
    pub tokens: [u32; 2],
    /// Index of the paragraph it belongs to.
    pub paragraph: u32,
}

impl Sentence {
    #[inline]
    pub fn token_range(&self) -> std::ops::Range<usize> {
        self.tokens[0] as usize..self.tokens[1] as usize
    }
}

/// One token with its morpho-syntactic annotation. `head` and indices are
/// document-wide token indices, so trees never need sentence bookkeeping.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Token {
    pub span: Span,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub lemma: String,
    #[serde(default)]
    pub upos: Upos,
    #[serde(default)]
    pub xpos: Xpos,
    /// Index of the syntactic head in [`Document::tokens`]; `None` for a sentence root.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<u32>,
    #[serde(default)]
    pub deprel: DepRel,
}

/// One article flowing through the pipeline: the text never changes; every
/// stage adds a layer of offset-based annotations.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Document {
    /// Stable identifier: derived from the text unless ingestion sets one (URL, record id).
    pub id: String,
    /// The text all offsets point into (for HTML: the extracted main text).
    pub text: String,
    pub meta: Metadata,
    /// The headline inside `text`, when the article text starts with one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Span>,
    /// Blocks set aside as boilerplate, in text order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub boilerplate: Vec<Boilerplate>,
    /// Paragraph spans, in text order (boilerplate excluded).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<Span>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sentences: Vec<Sentence>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tokens: Vec<Token>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<Mention>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<Entity>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributions: Vec<Attribution>,
    #[serde(skip)]
    index: TextIndex,
}

impl Document {
    /// A document over `text` with an id derived from its content.
    pub fn new(text: impl Into<String>) -> Self {
        let text = text.into();
        let index = TextIndex::new(&text);
        Document {
            id: content_id(&text),
            text,
            index,
            ..Default::default()
        }
    }

    /// A document with metadata (the id still derives from the text unless `id` is given).
    pub fn with_meta(text: impl Into<String>, meta: Metadata) -> Self {
        Document {
            meta,
            ..Document::new(text)
        }
    }

    /// Rebuilds the offset index; call after deserialising a document.
    pub fn reindex(&mut self) {
        self.index = TextIndex::new(&self.text);
    }

    /// Length of the text in code points.
    pub fn char_len(&self) -> u32 {
        self.index.char_len()
    }

    /// The text of a span ("" when out of range).
    #[inline]
    pub fn slice(&self, span: Span) -> &str {
        self.index.slice(&self.text, span)
    }

    /// The code-point ↔ byte index of the text.
    pub fn index(&self) -> &TextIndex {
        &self.index
    }

    /// The text of token `i`.
    #[inline]
    pub fn token_text(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| self.slice(t.span))
    }

    /// True when `offset` falls inside a boilerplate block.
    pub fn is_boilerplate(&self, offset: u32) -> bool {
        let i = self.boilerplate.partition_point(|b| b.span.end <= offset);
        self.boilerplate
            .get(i)
            .is_some_and(|b| b.span.contains_offset(offset))
    }

    /// The parts of the text that later stages should read: everything except
    /// boilerplate, in order. Whitespace-only gaps are included; callers skip them.
    pub fn body_spans(&self) -> Vec<Span> {
        let mut out = Vec::new();
        let mut pos = 0;
        for b in &self.boilerplate {
            if b.span.start > pos {
                out.push(Span::new(pos, b.span.start));
            }
            pos = pos.max(b.span.end);
        }
        if self.char_len() > pos {
            out.push(Span::new(pos, self.char_len()));
        }
        out
    }

    /// The sentence containing token `i`.
    pub fn sentence_of_token(&self, i: u32) -> Option<usize> {
        let s = self.sentences.partition_point(|s| s.tokens[1] <= i);
        (s < self.sentences.len() && self.sentences[s].tokens[0] <= i).then_some(s)
    }

    /// Index of the first token whose span ends after `offset`.
    pub fn token_at_or_after(&self, offset: u32) -> usize {
        self.tokens.partition_point(|t| t.span.end <= offset)
    }
}

/// A stable 64-bit FNV-1a hash of the text, in hex: the same article always
/// gets the same id, on any machine, in any run.
pub fn content_id(text: &str) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in text.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_spans_skip_boilerplate() {
        let mut d = Document::new("Title\nNOW WATCH: x\nBody.");
        d.boilerplate.push(Boilerplate {
            span: Span::new(6, 18),
            kind: BoilerplateKind::Promo,
        });
        assert_eq!(d.body_spans(), vec![Span::new(0, 6), Span::new(18, 24)]);
        assert!(d.is_boilerplate(10));
        assert!(!d.is_boilerplate(20));
    }

    #[test]
    fn ids_are_stable() {
        assert_eq!(Document::new("abc").id, Document::new("abc").id);
        assert_ne!(Document::new("abc").id, Document::new("abd").id);
        assert_eq!(content_id(""), "cbf29ce484222325");
    }

    #[test]
    fn json_round_trip_keeps_offsets_usable() {
        let d = Document::new("“Yes,” he said.");
        let json = serde_json::to_string(&d).unwrap();
        let mut back: Document = serde_json::from_str(&json).unwrap();
        back.reindex();
        assert_eq!(back.slice(Span::new(10, 14)), "said");
    }
}
