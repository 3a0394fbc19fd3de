//! Reads news as it comes: plain text, HTML pages, WARC archives, RSS/Atom feeds, JSONL/CSV corpora.
//!
//! Every reader streams [`Article`]s (text, [`whosaid_core::Metadata`],
//! [`Origin`]) or [`IngestError`]s naming the file, the record and the
//! problem; a broken record never stops the stream.
#[deny(missing_docs)]
pub mod detect;
#[deny(missing_docs)]
pub mod feed;
pub mod html;
#[deny(missing_docs)]
pub mod record;
#[deny(missing_docs)]
pub mod table;
mod text;
#[deny(missing_docs)]
pub mod warc;

pub use detect::{read_path, read_reader, Kind};
pub use record::{Article, Articles, IngestError, Origin};
pub use table::Columns;
