//! Scorer: extraction.
