//! # whosaid-core
//!
//! The document model every whosaid stage shares. A [`Document`] holds the
//! article text, which never changes, and layers of annotations that point
//! into it by [`Span`]s of **Unicode code points** (end exclusive):
//! boilerplate blocks, paragraphs, sentences, tokens (with POS and dependency
//! trees), entity mentions and clusters, and attributions.
//!
//! Stages implement [`Stage`] and are chained in a [`Pipeline`]:
//! ingest → clean → segment → tag/parse → entities → attributions.

mod attribution;
mod calendar;
mod document;
mod entity;
mod mem;
mod pipeline;
mod quotes;
mod span;
mod tags;
mod text;

pub use attribution::{
    Attribution, Certainty, Confidence, CueKind, Hedge, Likelihood, QuoteKind, SourceKind, Speaker,
};
pub use calendar::{is_month_name, month_number};
pub use document::{content_id, Boilerplate, BoilerplateKind, Document, Metadata, Sentence, Token};
pub use entity::{Entity, EntityKind, Mention, MentionType};
pub use mem::{huge_page_vec, prefetch, NarrowRows, WeightRows};
pub use pipeline::{Pipeline, Stage, StageError, StageTimes};
pub use quotes::{
    closing_side, opening_side, quotation_marks, quoted_text, quotes_within, QuoteMark,
};
pub use span::{Region, Span};
pub use tags::{DepRel, Upos, Xpos};
pub use text::{lowercase_into, TextIndex};

/// Version of the JSON document schema written by `whosaid analyze --format json`.
pub const SCHEMA_VERSION: &str = "1.0";
