//! Typing, certainty, nesting and speakers for extracted attributions.

use whosaid_core::{Document, Stage, StageError};

/// Adds cue kind, source kind, quote kind, certainty, parent links and speakers.
#[derive(Default)]
pub struct Enricher {}

impl Enricher {
    pub fn new() -> Self {
        Enricher::default()
    }
}

impl Stage for Enricher {
    fn name(&self) -> &'static str {
        "enrich"
    }
    fn process(&self, _doc: &mut Document) -> Result<(), StageError> {
        Ok(())
    }
}
