//! # whosaid-attribution
//!
//! Attribution extraction, in two stages:
//! - [`Extractor`] (learned from PolNeAR): finds cues and their source and
//!   content spans, writing `Document::attributions`;
//! - [`Enricher`]: types each attribution (cue kind, source kind, quote kind),
//!   reads its certainty (hedges, ICD 203 likelihood, confidence), links
//!   nested attributions (`parent`) and resolves the speaker of pronoun and
//!   descriptor sources through the entity layer.
//!
//! [`polnear`] reads the PolNeAR corpus; [`train()`] trains the extractor's model.

mod enrich;
mod extract;
mod features;
mod model;
pub mod polnear;
mod tagger;
mod train;
mod view;

pub use enrich::{source_kind_of, Enricher};
pub use extract::Extractor;
pub use model::ModelError;
pub use tagger::Model;
pub use train::{train, TrainOptions};

use whosaid_core::Stage;

/// The stages this crate contributes to the default English pipeline, in order,
/// with their models loaded (models are embedded in the binary).
pub fn english_stages() -> Result<Vec<Box<dyn Stage>>, whosaid_core::StageError> {
    Ok(vec![
        Box::new(Extractor::english()?),
        Box::new(Enricher::new()),
    ])
}
