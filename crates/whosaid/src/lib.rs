//! # whosaid
//!
//! The engine: the default English pipeline assembled from the stage crates,
//! clean → segment → tag/parse → entities → attributions, with every model
//! embedded in the binary (a fresh install needs no data files).
//!
//! ```no_run
//! let engine = whosaid::Engine::english().unwrap();
//! let doc = engine.analyze_text("“We will win,” she said.").unwrap();
//! for a in &doc.attributions {
//!     println!("{} {:?}", a.label(), a.cue_kind);
//! }
//! ```

pub use whosaid_core as core;
pub use whosaid_core::{Document, Pipeline, Stage, StageError, StageTimes};
pub use whosaid_nlp::ParserModel;

/// The analysis engine. Build it once and share it across threads: stages hold
/// only immutable models.
pub struct Engine {
    pipeline: Pipeline,
}

/// The default English stages up to and including entities (clean →
/// segment → tag/parse → entities): the layers the attribution model reads,
/// for `whosaid nlp` and for training and scoring that model.
pub fn layers_pipeline() -> Result<Pipeline, StageError> {
    layers_pipeline_with(ParserModel::Fast)
}

/// [`layers_pipeline`] with the chosen parser model.
pub fn layers_pipeline_with(parser: ParserModel) -> Result<Pipeline, StageError> {
    let mut pipeline = Pipeline::new();
    for stage in whosaid_clean::english_stages()?
        .into_iter()
        .chain(whosaid_nlp::english_stages_with(parser)?)
        .chain(whosaid_entities::english_stages()?)
    {
        pipeline.push(stage);
    }
    Ok(pipeline)
}

impl Engine {
    /// The default English pipeline with the embedded models.
    pub fn english() -> Result<Self, StageError> {
        Engine::english_with(ParserModel::Fast)
    }

    /// The default English pipeline with the chosen parser model (the
    /// attribution model was trained on the fast parser's trees).
    pub fn english_with(parser: ParserModel) -> Result<Self, StageError> {
        let mut pipeline = layers_pipeline_with(parser)?;
        for stage in whosaid_attribution::english_stages()? {
            pipeline.push(stage);
        }
        Ok(Engine { pipeline })
    }

    /// An engine over a custom pipeline.
    pub fn from_pipeline(pipeline: Pipeline) -> Self {
        Engine { pipeline }
    }

    pub fn pipeline(&self) -> &Pipeline {
        &self.pipeline
    }

    /// Runs every stage on `doc`.
    pub fn analyze(&self, doc: &mut Document) -> Result<(), StageError> {
        self.pipeline.run(doc)
    }

    /// Runs every stage on `doc`, adding each stage's time to `times`
    /// (see [`StageTimes::new`] with [`Engine::pipeline`]).
    pub fn analyze_timed(&self, doc: &mut Document, times: &StageTimes) -> Result<(), StageError> {
        self.pipeline.run_timed(doc, times)
    }

    /// Wraps `text` in a [`Document`] and analyses it.
    pub fn analyze_text(&self, text: &str) -> Result<Document, StageError> {
        let mut doc = Document::new(text);
        self.analyze(&mut doc)?;
        Ok(doc)
    }
}
