//! # whosaid-eval
//!
//! Scorers that measure whosaid against annotated data. Each module owns one
//! task: PolNeAR attributions, main-text extraction (WCXB layout), UD tagging
//! and parsing, named entities (UNER), speaker coreference and source kinds (GUM).

pub mod coref;
pub mod extraction;
pub mod kinds;
pub mod ner;
pub mod polnear;
pub mod sentences;
pub mod ud;
