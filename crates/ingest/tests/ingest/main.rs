//! Integration tests for the input formats: one binary, one module per format.

mod common;
mod detect;
mod feed;
mod garbage;
mod table;
mod warc;
