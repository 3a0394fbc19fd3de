//! What the end-to-end test files share.

use whosaid::core::Document;

/// `text` run through the whole pipeline with the embedded models.
pub fn analysed(text: &str) -> Document {
    let engine = whosaid::Engine::english().expect("embedded models load");
    let mut doc = Document::new(text);
    engine.analyze(&mut doc).expect("analysis runs");
    doc
}
