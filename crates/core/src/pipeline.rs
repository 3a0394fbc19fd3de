//! Pipeline stages: small named steps that each add layers to a [`Document`].

use crate::Document;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Errors a stage can report. Stages never panic on input text.
#[derive(Debug, thiserror::Error)]
pub enum StageError {
    #[error("stage {stage}: {message}")]
    Failed {
        stage: &'static str,
        message: String,
    },
    #[error("document too large for stage {stage}: {chars} code points (limit {limit})")]
    TooLarge {
        stage: &'static str,
        chars: u32,
        limit: u32,
    },
}

/// One step of the pipeline (clean, segment, tag, parse, entities, attributions...).
///
/// Stages hold only immutable state (models, lexicons), so one pipeline is
/// shared across threads and documents are processed independently.
pub trait Stage: Send + Sync {
    /// A short stable name ("tokenize", "parse", "attribution").
    fn name(&self) -> &'static str;
    /// Adds this stage's layers to `doc`.
    fn process(&self, doc: &mut Document) -> Result<(), StageError>;
}

/// An ordered list of stages.
#[derive(Default)]
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
}

impl Pipeline {
    pub fn new() -> Self {
        Pipeline::default()
    }

    /// Appends a stage.
    pub fn with(mut self, stage: impl Stage + 'static) -> Self {
        self.stages.push(Box::new(stage));
        self
    }

    pub fn push(&mut self, stage: Box<dyn Stage>) {
        self.stages.push(stage);
    }

    /// Names of the stages, in order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// The stages, in order (for callers that run them over batches of
    /// documents, stage by stage).
    pub fn stages(&self) -> impl Iterator<Item = &dyn Stage> {
        self.stages.iter().map(|s| s.as_ref())
    }

    /// Runs every stage on `doc`, stopping at the first error.
    pub fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        for stage in &self.stages {
            stage.process(doc)?;
        }
        Ok(())
    }

    /// Runs every stage on `doc` like [`Pipeline::run`], adding each
    /// stage's wall time to `times` (which may be shared by threads).
    pub fn run_timed(&self, doc: &mut Document, times: &StageTimes) -> Result<(), StageError> {
        for (i, stage) in self.stages.iter().enumerate() {
            times.time(i, || stage.process(doc))?;
        }
        times.add_documents(1);
        Ok(())
    }
}

/// Time spent in each stage of a [`Pipeline`], summed over documents and
/// threads: where an analysis spends its time, without a profiler.
#[derive(Debug)]
pub struct StageTimes {
    names: Vec<&'static str>,
    nanos: Vec<AtomicU64>,
    documents: AtomicU64,
}

impl StageTimes {
    /// Zeroed totals for the stages of `pipeline`.
    pub fn new(pipeline: &Pipeline) -> Self {
        let names = pipeline.stage_names();
        StageTimes {
            nanos: names.iter().map(|_| AtomicU64::new(0)).collect(),
            names,
            documents: AtomicU64::new(0),
        }
    }

    /// Adds `elapsed` to the total of stage number `stage` (in pipeline
    /// order; out-of-range numbers are ignored).
    fn add(&self, stage: usize, elapsed: Duration) {
        if let Some(n) = self.nanos.get(stage) {
            let ns = u64::try_from(elapsed.as_nanos()).unwrap_or(u64::MAX);
            n.fetch_add(ns, Ordering::Relaxed);
        }
    }

    /// Runs `work` (one stage on one document), adding its wall time to
    /// stage number `stage`.
    pub fn time<T>(&self, stage: usize, work: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let out = work();
        self.add(stage, start.elapsed());
        out
    }

    /// Counts `n` more documents that went through every stage.
    pub fn add_documents(&self, n: u64) {
        self.documents.fetch_add(n, Ordering::Relaxed);
    }

    /// Documents that went through every stage.
    pub fn documents(&self) -> u64 {
        self.documents.load(Ordering::Relaxed)
    }

    /// Each stage's name and total time, in pipeline order.
    pub fn totals(&self) -> Vec<(&'static str, Duration)> {
        self.names
            .iter()
            .zip(&self.nanos)
            .map(|(name, n)| (*name, Duration::from_nanos(n.load(Ordering::Relaxed))))
            .collect()
    }

    /// A small table: stage, total seconds, share of the total, and
    /// milliseconds per document.
    pub fn report(&self) -> String {
        let totals = self.totals();
        let all: Duration = totals.iter().map(|(_, d)| *d).sum();
        let docs = self.documents().max(1) as f64;
        let mut out = format!(
            "{:<12} {:>9} {:>6} {:>9}\n",
            "stage", "total s", "share", "ms/doc"
        );
        for (name, d) in totals.iter().chain([&("all", all)]) {
            let share = if all.is_zero() {
                0.0
            } else {
                100.0 * d.as_secs_f64() / all.as_secs_f64()
            };
            out.push_str(&format!(
                "{:<12} {:>9.3} {:>5.1}% {:>9.3}\n",
                name,
                d.as_secs_f64(),
                share,
                1000.0 * d.as_secs_f64() / docs
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Upper;
    impl Stage for Upper {
        fn name(&self) -> &'static str {
            "upper"
        }
        fn process(&self, doc: &mut Document) -> Result<(), StageError> {
            doc.meta.title = Some(doc.text.to_uppercase());
            Ok(())
        }
    }

    #[test]
    fn timed_runs_count_every_stage_and_document() {
        let pipeline = Pipeline::new().with(Upper).with(Upper);
        let times = StageTimes::new(&pipeline);
        for text in ["a", "b", "c"] {
            let mut doc = Document::new(text);
            pipeline.run_timed(&mut doc, &times).unwrap();
            assert_eq!(
                doc.meta.title.as_deref(),
                Some(text.to_uppercase().as_str())
            );
        }
        assert_eq!(times.documents(), 3);
        let totals = times.totals();
        assert_eq!(totals.len(), 2);
        assert!(totals.iter().all(|(name, _)| *name == "upper"));
        let report = times.report();
        assert!(report.lines().count() == 4, "{report}");
        assert!(report.lines().last().unwrap().starts_with("all"));
    }

    #[test]
    fn runs_stages_in_order() {
        let p = Pipeline::new().with(Upper);
        assert_eq!(p.stage_names(), vec!["upper"]);
        let mut d = Document::new("hi");
        p.run(&mut d).unwrap();
        assert_eq!(d.meta.title.as_deref(), Some("HI"));
    }
}
