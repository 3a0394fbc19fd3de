//! Scorer: coref.
