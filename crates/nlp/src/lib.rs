//! Pure-Rust English NLP: tokenizer, sentence splitter, POS tagger, lemmatiser and dependency parser, trained here.

pub mod segment;

pub use segment::{segment, Segmenter};

use whosaid_core::Stage;

/// The stages this crate contributes to the default English pipeline, in order,
/// with their models loaded (models are embedded in the binary).
pub fn english_stages() -> Result<Vec<Box<dyn Stage>>, whosaid_core::StageError> {
    Ok(vec![Box::new(Segmenter::new())])
}
