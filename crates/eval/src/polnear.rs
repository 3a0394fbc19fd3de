//! Scorer: polnear.
