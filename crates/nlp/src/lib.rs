//! Pure-Rust English NLP: tokenizer, sentence splitter, POS tagger, lemmatiser and dependency parser, trained here.

pub mod boundary;
pub mod clusters;
pub mod conllu;
pub mod lemma;
pub mod parser;
mod perceptron;
mod punct;
pub mod segment;
pub mod tagger;

pub use parser::{DependencyParser, ParseStage, Parser, ParserModel, Reparser};
pub use segment::{segment, Segmenter};
pub use tagger::{TagStage, Tagger};

use whosaid_core::Stage;

/// The stages this crate contributes to the default English pipeline, in order,
/// with their models loaded (models are embedded in the binary).
///
/// Segment → tag (with lemmas) → parse: the entity resolver and the
/// attribution model read the trees.
pub fn english_stages() -> Result<Vec<Box<dyn Stage>>, whosaid_core::StageError> {
    english_stages_with(ParserModel::Fast)
}

/// [`english_stages`] with the chosen parser model.
pub fn english_stages_with(
    parser: ParserModel,
) -> Result<Vec<Box<dyn Stage>>, whosaid_core::StageError> {
    let tagger = Tagger::english().map_err(|e| whosaid_core::StageError::Failed {
        stage: "tag",
        message: e.to_string(),
    })?;
    let segmenter = Segmenter::english().map_err(|e| whosaid_core::StageError::Failed {
        stage: "segment",
        message: e.to_string(),
    })?;
    Ok(vec![
        Box::new(segmenter),
        Box::new(TagStage::new(tagger)),
        Box::new(parse_stage_with(parser)?),
    ])
}

/// The dependency-parse stage with the embedded (fast) model; run it after
/// the tag stage.
pub fn parse_stage() -> Result<ParseStage, whosaid_core::StageError> {
    parse_stage_with(ParserModel::Fast)
}

/// The dependency-parse stage with the chosen embedded model.
pub fn parse_stage_with(model: ParserModel) -> Result<ParseStage, whosaid_core::StageError> {
    let parser = parser::english_parser(model).map_err(|e| whosaid_core::StageError::Failed {
        stage: "parse",
        message: e.to_string(),
    })?;
    Ok(ParseStage::new(parser))
}
