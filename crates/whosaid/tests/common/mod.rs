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
