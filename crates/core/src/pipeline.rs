//! Pipeline stages: small named steps that each add layers to a [`Document`].

use crate::Document;

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

    /// Runs every stage on `doc`, stopping at the first error.
    pub fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        for stage in &self.stages {
            stage.process(doc)?;
        }
        Ok(())
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
    fn runs_stages_in_order() {
        let p = Pipeline::new().with(Upper);
        assert_eq!(p.stage_names(), vec!["upper"]);
        let mut d = Document::new("hi");
        p.run(&mut d).unwrap();
        assert_eq!(d.meta.title.as_deref(), Some("HI"));
    }
}
