//! The learned attribution extractor (cue, source and content spans).

use whosaid_core::{Document, Stage, StageError};

/// Finds attributions and writes their spans to `Document::attributions`.
pub struct Extractor {}

impl Extractor {
    /// The extractor with the embedded English model.
    pub fn english() -> Result<Self, StageError> {
        Ok(Extractor {})
    }
}

impl Stage for Extractor {
    fn name(&self) -> &'static str {
        "attribution"
    }
    fn process(&self, _doc: &mut Document) -> Result<(), StageError> {
        Ok(())
    }
}
