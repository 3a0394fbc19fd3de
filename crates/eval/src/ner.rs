//! Scorer: ner.
