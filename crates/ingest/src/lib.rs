//! Reads news as it comes: plain text, HTML pages, WARC archives, RSS/Atom feeds, JSONL/CSV corpora.
//!
//! Every reader streams [`Article`]s (text, [`whosaid_core::Metadata`],
//! [`Origin`]) or [`IngestError`]s naming the file, the record and the
//! problem; a broken record never stops the stream.
pub mod detect;
pub mod feed;
pub mod html;
pub mod record;
pub mod table;
mod text;
pub mod warc;

pub use detect::{read_path, read_reader, Kind};
pub use record::{Article, Articles, IngestError, Origin};
pub use table::Columns;
