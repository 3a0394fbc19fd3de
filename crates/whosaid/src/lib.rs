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

use rayon::prelude::*;

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

    /// Analyses a batch of documents stage by stage, in parallel on the
    /// rayon pool: every document goes through one stage before any goes
    /// through the next. Each stage reads weight tables of tens of MB at
    /// random; run document by document, the other stages' tables evict
    /// them between documents, and run stage by stage they stay warm in the
    /// cache (same output, about a sixth less CPU time: docs/benchmarks.md). A
    /// document whose stage fails skips the later stages; the results are
    /// in the order of `docs`. With `times`, each stage's time is added.
    pub fn analyze_batch(
        &self,
        docs: &mut [Document],
        times: Option<&StageTimes>,
    ) -> Vec<Result<(), StageError>> {
        let mut results: Vec<Result<(), StageError>> = docs.iter().map(|_| Ok(())).collect();
        for (i, stage) in self.pipeline.stages().enumerate() {
            docs.par_iter_mut()
                .zip(results.par_iter_mut())
                .filter(|(_, result)| result.is_ok())
                .for_each(|(doc, result)| {
                    *result = match times {
                        Some(times) => times.time(i, || stage.process(doc)),
                        None => stage.process(doc),
                    };
                });
        }
        if let Some(times) = times {
            times.add_documents(results.iter().filter(|r| r.is_ok()).count() as u64);
        }
        results
    }

    /// Wraps `text` in a [`Document`] and analyses it.
    pub fn analyze_text(&self, text: &str) -> Result<Document, StageError> {
        let mut doc = Document::new(text);
        self.analyze(&mut doc)?;
        Ok(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    /// Appends its letter to the title; refuses documents whose text is "bad".
    struct Mark {
        letter: char,
        order: &'static Mutex<Vec<char>>,
    }

    impl Stage for Mark {
        fn name(&self) -> &'static str {
            "mark"
        }
        fn process(&self, doc: &mut Document) -> Result<(), StageError> {
            if let Ok(mut order) = self.order.lock() {
                order.push(self.letter);
            }
            if doc.text == "bad" {
                return Err(StageError::Failed {
                    stage: "mark",
                    message: "refused".into(),
                });
            }
            doc.meta
                .title
                .get_or_insert_with(String::new)
                .push(self.letter);
            Ok(())
        }
    }

    #[test]
    fn a_batch_runs_stage_by_stage_and_a_failure_skips_only_its_document() {
        static ORDER: Mutex<Vec<char>> = Mutex::new(Vec::new());
        let engine = Engine::from_pipeline(
            Pipeline::new()
                .with(Mark {
                    letter: 'a',
                    order: &ORDER,
                })
                .with(Mark {
                    letter: 'b',
                    order: &ORDER,
                }),
        );
        let mut docs: Vec<Document> = ["one", "bad", "three"].map(Document::new).to_vec();
        let times = StageTimes::new(engine.pipeline());
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build()
            .unwrap();
        let results = pool.install(|| engine.analyze_batch(&mut docs, Some(&times)));
        assert!(results[0].is_ok() && results[1].is_err() && results[2].is_ok());
        let titles: Vec<Option<&str>> = docs.iter().map(|d| d.meta.title.as_deref()).collect();
        assert_eq!(titles, [Some("ab"), None, Some("ab")]);
        // Every document through stage a before any through stage b; the
        // failed one is not given to stage b.
        assert_eq!(*ORDER.lock().unwrap(), ['a', 'a', 'a', 'b', 'b']);
        assert_eq!(times.documents(), 2);
    }
}
