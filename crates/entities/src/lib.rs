//! # whosaid-entities
//!
//! Named entities, in-document aliasing and speaker coreference.
//!
//! [`EntityStage`] runs after segmentation (and tagging/parsing, when present):
//! 1. an averaged-perceptron Viterbi tagger ([`tagger`]) finds PERSON / ORG /
//!    LOC names; lexicons ([`lexicon`]) turn outlets into `Media`, nationality
//!    and party words into `Norp`, office words before or beside a name into `Title`;
//! 2. [`resolve`] clusters name mentions into entities (surname, sub-name and
//!    acronym aliases), links definite descriptions ("the Russian president")
//!    and third-person pronouns to them (gender, number, recency, subject and
//!    quote-speaker preferences).
//!
//! Everything degrades gracefully when POS tags or dependencies are unset.

pub mod classes;
pub mod gazetteer;
pub mod lexicon;
pub mod resolve;
pub mod tagger;
pub mod train;

use whosaid_core::{Document, Stage, StageError};

pub use tagger::{NameType, Tagger};

/// The embedded NER model (`whosaid train ner` writes it).
static NER_MODEL: &[u8] = include_bytes!("../../../models/ner.bin");

/// Loads the embedded NER model.
pub fn embedded_tagger() -> Result<Tagger, StageError> {
    Tagger::from_bytes(NER_MODEL).map_err(|e| StageError::Failed {
        stage: "entities",
        message: e.to_string(),
    })
}

/// Fills `doc.mentions` and `doc.entities`: names, titles, descriptions, pronouns.
pub struct EntityStage {
    tagger: Tagger,
    /// The built-in place list, for names the tagger read as people's.
    places: gazetteer::Gazetteer,
}

impl EntityStage {
    /// A stage with the embedded model.
    pub fn new() -> Result<Self, StageError> {
        Ok(EntityStage::with_tagger(embedded_tagger()?))
    }

    /// A stage with a given tagger (training/evaluation).
    pub fn with_tagger(tagger: Tagger) -> Self {
        EntityStage {
            tagger,
            places: gazetteer::Gazetteer::builtin(),
        }
    }

    /// The tagger.
    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }
}

impl Stage for EntityStage {
    fn name(&self) -> &'static str {
        "entities"
    }
    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        resolve::annotate(&self.tagger, &self.places, doc);
        Ok(())
    }
}

/// The stages this crate contributes to the default English pipeline, in order,
/// with their models loaded (models are embedded in the binary).
pub fn english_stages() -> Result<Vec<Box<dyn Stage>>, whosaid_core::StageError> {
    Ok(vec![Box::new(EntityStage::new()?)])
}
