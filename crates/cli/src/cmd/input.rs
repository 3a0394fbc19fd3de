//! Turning command-line inputs into documents, shared by `analyze` and `extract`.
//!
//! Every input goes through `whosaid_ingest::read_path`: the kind (plain
//! text, HTML, WARC, RSS/Atom, JSONL, CSV, any of them gzipped) is detected
//! from the content unless `--kind` forces it, and records stream one by one.

use std::path::Path;
use whosaid::Document;
use whosaid_ingest::{Article, Columns, Kind};

/// Flags naming the columns of JSONL/CSV corpora (defaults: text|content|body…,
/// title|headline, date|published…, outlet|source|site…, url|link).
#[derive(clap::Args, Clone, Debug, Default)]
pub struct ColumnArgs {
    /// Column (CSV) or field (JSONL) holding the article text.
    #[arg(long)]
    pub text_column: Option<String>,
    /// Column holding the headline.
    #[arg(long)]
    pub title_column: Option<String>,
    /// Column holding the publication date.
    #[arg(long)]
    pub date_column: Option<String>,
    /// Column holding the outlet name.
    #[arg(long)]
    pub outlet_column: Option<String>,
    /// Column holding the article URL.
    #[arg(long)]
    pub url_column: Option<String>,
}

impl ColumnArgs {
    pub fn columns(&self) -> Columns {
        Columns {
            text: self.text_column.clone(),
            title: self.title_column.clone(),
            date: self.date_column.clone(),
            outlet: self.outlet_column.clone(),
            url: self.url_column.clone(),
            ..Columns::default()
        }
    }
}

/// The articles in one input (a file, or `-` for standard input), streamed.
/// Errors name the input and the record.
pub fn read_articles(
    input: &Path,
    kind: Option<Kind>,
    columns: &Columns,
) -> anyhow::Result<Box<dyn Iterator<Item = anyhow::Result<Article>> + Send>> {
    let articles = whosaid_ingest::read_path(input, kind, columns)?;
    Ok(Box::new(articles.map(|a| a.map_err(anyhow::Error::from))))
}

/// An article as a document: the extracted text with its metadata; the id is
/// the article's (URL or `path#record`).
pub fn to_document(article: Article) -> Document {
    let mut doc = Document::with_meta(article.text, article.meta);
    if doc.meta.origin.is_none() {
        doc.meta.origin = Some(article.origin.key());
    }
    if !article.id.is_empty() {
        doc.id = article.id;
    }
    doc
}

/// The documents in one input, streamed.
pub fn read_documents(
    input: &Path,
    kind: Option<Kind>,
    columns: &Columns,
) -> anyhow::Result<Box<dyn Iterator<Item = anyhow::Result<Document>> + Send>> {
    Ok(Box::new(
        read_articles(input, kind, columns)?.map(|a| a.map(to_document)),
    ))
}
