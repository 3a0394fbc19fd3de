//! Scorer: ud.
