//! Helpers shared by the enricher's tests.

use whosaid_core::{Attribution, Document, Region, Span};

/// `text` through the embedded NLP stages (segment, tag, parse).
pub(crate) fn tagged(text: &str) -> Document {
    let mut doc = Document::new(text);
    for stage in whosaid_nlp::english_stages().expect("models load") {
        stage.process(&mut doc).expect("nlp runs");
    }
    doc
}

/// `text` through the NLP and entity stages (adds mentions and entities).
pub(crate) fn with_entities(text: &str) -> Document {
    let mut doc = tagged(text);
    for stage in whosaid_entities::english_stages().expect("models load") {
        stage.process(&mut doc).expect("entities run");
    }
    doc
}

/// The code-point span of the first occurrence of `needle`.
pub(crate) fn span_of(doc: &Document, needle: &str) -> Span {
    let b = doc.text.find(needle).expect("needle in text");
    let s = doc.index().char_at_byte(b);
    Span::new(s, s + needle.chars().count() as u32)
}

/// The text `rewrite` makes of the source `needle` (its extent), or None
/// when it drops or declines the source.
pub(crate) fn rewritten(
    doc: &Document,
    needle: &str,
    rewrite: impl Fn(&Document, &Region) -> Option<Region>,
) -> Option<String> {
    let src = Region::single(span_of(doc, needle));
    rewrite(doc, &src)
        .and_then(|r| r.extent())
        .map(|s| doc.slice(s).to_string())
}

/// An attribution over the first occurrence of `source`, the first `cue`
/// after it, and the first occurrence of `content`.
pub(crate) fn attribution(doc: &Document, source: &str, cue: &str, content: &str) -> Attribution {
    let mut a = Attribution::with_cue(0, Region::single(cue_after(doc, source, cue)));
    a.source = Some(Region::single(span_of(doc, source)));
    a.content = Some(Region::single(span_of(doc, content)));
    a
}

/// The code-point span of the first `cue` after the first occurrence of
/// `source`.
pub(crate) fn cue_after(doc: &Document, source: &str, cue: &str) -> Span {
    let at = doc.text.find(source).expect("source in text") + source.len();
    let c = doc
        .index()
        .char_at_byte(at + doc.text[at..].find(cue).expect("cue after the source"));
    Span::new(c, c + cue.chars().count() as u32)
}

/// The text of each part of an attribution's content, in order.
pub(crate) fn content_parts(doc: &Document, a: &Attribution) -> Vec<String> {
    a.content
        .iter()
        .flat_map(|c| c.parts())
        .map(|p| doc.slice(*p).to_string())
        .collect()
}

/// (source, cue, content) text of each attribution of `doc`, by extent.
pub(crate) fn found_spans(doc: &Document) -> Vec<(Option<String>, String, String)> {
    let text_of = |r: &Region| {
        r.extent()
            .map(|s| doc.slice(s).to_string())
            .unwrap_or_default()
    };
    doc.attributions
        .iter()
        .map(|a| {
            (
                a.source.as_ref().map(text_of),
                text_of(&a.cue),
                a.content.as_ref().map(text_of).unwrap_or_default(),
            )
        })
        .collect()
}

/// An attribution over the first occurrences of `cue`, `source` and each
/// content part, wherever they stand (a content before its cue, a source
/// after it).
pub(crate) fn spans(
    doc: &Document,
    source: Option<&str>,
    cue: &str,
    content: &[&str],
) -> Attribution {
    let mut a = Attribution::with_cue(0, Region::single(span_of(doc, cue)));
    a.source = source.map(|s| Region::single(span_of(doc, s)));
    a.content = (!content.is_empty()).then(|| Region::new(content.iter().map(|c| span_of(doc, c))));
    a
}

/// The text a region's extent covers.
pub(crate) fn extent_text(doc: &Document, region: &Option<Region>) -> Option<String> {
    region
        .as_ref()
        .and_then(Region::extent)
        .map(|s| doc.slice(s).to_string())
}
