//! Pure-Rust English NLP: tokenizer, sentence splitter, POS tagger, lemmatiser and dependency parser, trained here.

pub mod parser;
mod perceptron;
pub mod segment;
pub mod tagger;

pub use parser::{ParseStage, Parser};
pub use segment::{segment, Segmenter};
pub use tagger::{TagStage, Tagger};

use whosaid_core::Stage;

/// The stages this crate contributes to the default English pipeline, in order,
/// with their models loaded (models are embedded in the binary).
pub fn english_stages() -> Result<Vec<Box<dyn Stage>>, whosaid_core::StageError> {
    let tagger = Tagger::english().map_err(|e| whosaid_core::StageError::Failed {
        stage: "tag",
        message: e.to_string(),
    })?;
    Ok(vec![
        Box::new(Segmenter::new()),
        Box::new(TagStage::new(tagger)),
    ])
}
