//! Reads news as it comes: plain text, HTML pages, WARC archives, RSS/Atom feeds, JSONL/CSV corpora.
pub mod html;
