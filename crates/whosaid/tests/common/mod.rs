//! What the end-to-end test files share.
// Each test file compiles this module on its own and uses part of it.
#![allow(dead_code)]

use whosaid::core::{Attribution, Document, Region};

/// `text` run through the whole pipeline with the embedded models.
pub fn analysed(text: &str) -> Document {
    let engine = whosaid::Engine::english().expect("embedded models load");
    let mut doc = Document::new(text);
    engine.analyze(&mut doc).expect("analysis runs");
    doc
}

/// The text from the first to the last character of `r`.
pub fn text_of(doc: &Document, r: &Option<Region>) -> Option<String> {
    r.as_ref()
        .and_then(|r| r.extent())
        .map(|s| doc.slice(s).to_string())
}

/// The first attribution whose cue reads `cue`.
pub fn by_cue<'a>(doc: &'a Document, cue: &str) -> &'a Attribution {
    doc.attributions
        .iter()
        .find(|a| a.cue.extent().is_some_and(|c| doc.slice(c) == cue))
        .unwrap_or_else(|| panic!("no attribution cued {cue:?}: {:?}", doc.attributions))
}

/// The first attribution whose source reads `source`.
pub fn by_source<'a>(doc: &'a Document, source: &str) -> &'a Attribution {
    doc.attributions
        .iter()
        .find(|a| text_of(doc, &a.source).as_deref() == Some(source))
        .unwrap_or_else(|| {
            panic!(
                "no attribution with source {source:?}: {:?}",
                doc.attributions
            )
        })
}

/// The texts of the parts of `a`'s content, in order.
pub fn content_parts<'a>(doc: &'a Document, a: &Attribution) -> Vec<&'a str> {
    a.content
        .iter()
        .flat_map(|c| c.parts())
        .map(|p| doc.slice(*p))
        .collect()
}

/// The name of `a`'s speaker.
pub fn speaker(a: &Attribution) -> Option<&str> {
    a.speaker.as_ref().map(|s| s.name.as_str())
}
