//! Article corpora as tables: JSON Lines (one object per line) and CSV with a
//! header row. Both stream row by row; a bad row yields an `Err` naming the
//! file and line and reading goes on with the next row.
//!
//! Columns are picked by name (case-insensitive) from the defaults below or
//! from a [`Columns`] override: text `text|content|body|article|maintext`,
//! title `title|headline`, date `date|published|publish_date|date_publish|…`,
//! outlet `outlet|source|site|site_name|domain|source_domain`, URL
//! `url|link`, authors `authors|author|byline`, language `language|lang`,
//! id `id`.

use crate::record::{Article, IngestError, Origin, BOM};
use std::io::{self, BufRead, Read};
use whosaid_core::Metadata;

/// Lines (JSONL) or fields (CSV) longer than this are refused.
pub const MAX_ROW: usize = 64 << 20;

/// Default column names for each field, in order of preference.
pub mod defaults {
    /// Article text.
    pub const TEXT: &[&str] = &["text", "content", "body", "article", "maintext"];
    /// Headline.
    pub const TITLE: &[&str] = &["title", "headline"];
    /// Publication date.
    pub const DATE: &[&str] = &[
        "date",
        "published",
        "publish_date",
        "date_publish",
        "published_at",
        "date_published",
        "pubdate",
    ];
    /// Outlet name or domain.
    pub const OUTLET: &[&str] = &[
        "outlet",
        "source",
        "site",
        "site_name",
        "domain",
        "source_domain",
        "publication",
    ];
    /// Article URL.
    pub const URL: &[&str] = &["url", "link"];
    /// Authors (a JSON array, or names separated by `;` or `|`).
    pub const AUTHORS: &[&str] = &["authors", "author", "byline"];
    /// Language tag.
    pub const LANGUAGE: &[&str] = &["language", "lang"];
    /// Record id.
    pub const ID: &[&str] = &["id"];
}

/// Column names overriding the defaults; `None` keeps the defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Columns {
    /// Article text (required in every row).
    pub text: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publication date (normalised to ISO 8601 when recognised).
    pub date: Option<String>,
    /// Outlet → `meta.site_name`.
    pub outlet: Option<String>,
    /// URL → `meta.url` and the article id.
    pub url: Option<String>,
    /// Authors.
    pub authors: Option<String>,
    /// Language.
    pub language: Option<String>,
    /// Record id → the article id (before the URL).
    pub id: Option<String>,
}

/// Which field a column feeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Text,
    Title,
    Date,
    Outlet,
    Url,
    Authors,
    Language,
    Id,
}

const FIELDS: [Field; 8] = [
    Field::Text,
    Field::Title,
    Field::Date,
    Field::Outlet,
    Field::Url,
    Field::Authors,
    Field::Language,
    Field::Id,
];

impl Columns {
    fn names(&self, f: Field) -> (Option<&str>, &'static [&'static str]) {
        match f {
            Field::Text => (self.text.as_deref(), defaults::TEXT),
            Field::Title => (self.title.as_deref(), defaults::TITLE),
            Field::Date => (self.date.as_deref(), defaults::DATE),
            Field::Outlet => (self.outlet.as_deref(), defaults::OUTLET),
            Field::Url => (self.url.as_deref(), defaults::URL),
            Field::Authors => (self.authors.as_deref(), defaults::AUTHORS),
            Field::Language => (self.language.as_deref(), defaults::LANGUAGE),
            Field::Id => (self.id.as_deref(), defaults::ID),
        }
    }

    /// The index of the column for `f` among `header`: the override if set,
    /// else the first default present.
    fn pick(&self, f: Field, header: &[String]) -> Option<usize> {
        let find = |n: &str| {
            header
                .iter()
                .position(|h| h.trim().eq_ignore_ascii_case(n.trim()))
        };
        match self.names(f) {
            (Some(n), _) => find(n),
            (None, defs) => defs.iter().find_map(|n| find(n)),
        }
    }

    /// The text column names looked for, for error messages.
    fn text_names(&self) -> String {
        match &self.text {
            Some(n) => n.clone(),
            None => defaults::TEXT.join("|"),
        }
    }

    /// Whether `name` is one of the default column names (for detection).
    pub fn is_known(name: &str) -> bool {
        let n = name.trim().trim_matches('"').trim();
        [
            defaults::TEXT,
            defaults::TITLE,
            defaults::DATE,
            defaults::OUTLET,
            defaults::URL,
        ]
        .iter()
        .any(|d| d.iter().any(|k| k.eq_ignore_ascii_case(n)))
    }
}

/// The values of one row by field.
#[derive(Default)]
struct Row {
    text: Option<String>,
    title: Option<String>,
    date: Option<String>,
    outlet: Option<String>,
    url: Option<String>,
    authors: Vec<String>,
    language: Option<String>,
    id: Option<String>,
}

impl Row {
    fn set(&mut self, f: Field, v: String) {
        let v = v.trim().to_string();
        if v.is_empty() {
            return;
        }
        match f {
            Field::Text => self.text = Some(v),
            Field::Title => self.title = Some(v),
            Field::Date => self.date = Some(v),
            Field::Outlet => self.outlet = Some(v),
            Field::Url => self.url = Some(v),
            Field::Authors => {
                self.authors = v
                    .split([';', '|'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect()
            }
            Field::Language => self.language = Some(v),
            Field::Id => self.id = Some(v),
        }
    }

    fn into_article(self, origin: Origin, columns: &Columns) -> Result<Article, IngestError> {
        let Some(text) = self.text else {
            return Err(IngestError::malformed(
                origin,
                format!("row has no text (column {})", columns.text_names()),
            ));
        };
        let published = self.date.as_deref().and_then(crate::html::dates::normalize);
        let id = self
            .id
            .clone()
            .or_else(|| self.url.clone())
            .unwrap_or_else(|| origin.key());
        let meta = Metadata {
            title: self.title,
            authors: self.authors,
            published,
            site_name: self.outlet,
            url: self.url,
            language: self.language,
            origin: Some(origin.key()),
            ..Default::default()
        };
        Ok(Article {
            id,
            text,
            meta,
            origin,
        })
    }
}

// ---------------------------------------------------------------------------
// JSONL

/// Articles of a JSON Lines stream (see the module docs).
pub struct Jsonl<R> {
    reader: R,
    path: String,
    columns: Columns,
    line: u64,
    row: u64,
    offset: u64,
    done: bool,
}

/// Reads JSON Lines: one object per line; blank lines are skipped.
pub fn jsonl<R: BufRead>(reader: R, path: impl Into<String>, columns: &Columns) -> Jsonl<R> {
    Jsonl {
        reader,
        path: path.into(),
        columns: columns.clone(),
        line: 0,
        row: 0,
        offset: 0,
        done: false,
    }
}

/// Reads one line (without the newline) into `buf`, keeping at most
/// `limit` bytes; returns the full line length, `None` at the end.
pub(crate) fn read_line_bounded<R: BufRead>(
    r: &mut R,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Option<usize>> {
    buf.clear();
    let mut total = 0usize;
    loop {
        let b = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if b.is_empty() {
            return Ok((total > 0).then_some(total));
        }
        let (k, end) = match b.iter().position(|&c| c == b'\n') {
            Some(p) => (p + 1, true),
            None => (b.len(), false),
        };
        let room = limit.saturating_sub(buf.len());
        buf.extend_from_slice(&b[..k.min(room)]);
        total += k;
        r.consume(k);
        if end {
            if buf.last() == Some(&b'\n') {
                buf.pop();
            }
            return Ok(Some(total));
        }
    }
}

fn json_string(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        serde_json::Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

impl<R: BufRead> Jsonl<R> {
    fn row(&mut self, buf: &[u8], origin: Origin) -> Result<Article, IngestError> {
        let value: serde_json::Value = serde_json::from_slice(buf)
            .map_err(|e| IngestError::malformed(origin.clone(), format!("invalid JSON: {e}")))?;
        let serde_json::Value::Object(obj) = value else {
            return Err(IngestError::malformed(origin, "line is not a JSON object"));
        };
        let keys: Vec<String> = obj.keys().cloned().collect();
        let mut row = Row::default();
        for f in FIELDS {
            let Some(i) = self.columns.pick(f, &keys) else {
                continue;
            };
            let Some(v) = obj.get(&keys[i]) else {
                continue;
            };
            if f == Field::Authors {
                if let serde_json::Value::Array(a) = v {
                    row.authors = a.iter().filter_map(json_string).collect();
                    continue;
                }
            }
            if let Some(s) = json_string(v) {
                row.set(f, s);
            }
        }
        row.into_article(origin, &self.columns)
    }
}

impl<R: BufRead> Iterator for Jsonl<R> {
    type Item = Result<Article, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        let mut buf = Vec::new();
        while !self.done {
            let start = self.offset;
            let got = read_line_bounded(&mut self.reader, &mut buf, MAX_ROW + 1);
            self.line += 1;
            let origin = Origin {
                path: self.path.clone(),
                record: Some(self.row),
                line: Some(self.line),
                offset: Some(start),
            };
            let len = match got {
                Ok(Some(n)) => n,
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(source) => {
                    self.done = true;
                    return Some(Err(IngestError::Io { origin, source }));
                }
            };
            self.offset += len as u64;
            let mut line = buf.as_slice();
            if self.line == 1 {
                line = line.strip_prefix(BOM).unwrap_or(line);
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.row += 1;
            if buf.len() > MAX_ROW {
                return Some(Err(IngestError::TooLarge {
                    origin,
                    size: len as u64,
                    limit: MAX_ROW as u64,
                }));
            }
            let line = line.to_vec();
            return Some(self.row(&line, origin));
        }
        None
    }
}

// ---------------------------------------------------------------------------
// CSV

/// Drops a leading UTF-8 BOM.
pub(crate) struct SkipBom<R> {
    inner: R,
    checked: bool,
    pending: Vec<u8>,
}

impl<R: Read> SkipBom<R> {
    pub(crate) fn new(inner: R) -> Self {
        SkipBom {
            inner,
            checked: false,
            pending: Vec::new(),
        }
    }
}

impl<R: Read> Read for SkipBom<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if !self.checked {
            self.checked = true;
            let mut head = [0u8; 3];
            let mut n = 0;
            while n < 3 {
                match self.inner.read(&mut head[n..]) {
                    Ok(0) => break,
                    Ok(k) => n += k,
                    Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                    Err(e) => return Err(e),
                }
            }
            if &head[..n] != BOM {
                self.pending = head[..n].to_vec();
            }
        }
        if !self.pending.is_empty() {
            let k = out.len().min(self.pending.len());
            out[..k].copy_from_slice(&self.pending[..k]);
            self.pending.drain(..k);
            return Ok(k);
        }
        self.inner.read(out)
    }
}

/// Articles of a CSV stream with a header row (see the module docs).
pub struct Csv<R> {
    reader: csv::Reader<SkipBom<R>>,
    path: String,
    columns: Columns,
    picks: Vec<(Field, usize)>,
    names: Vec<String>,
    row: u64,
    done: bool,
}

/// Reads CSV with a header row (comma-separated, `"`-quoted, fields may
/// hold newlines). Fails at once when the header has no text column or an
/// overridden column is missing.
pub fn csv<R: Read>(
    reader: R,
    path: impl Into<String>,
    columns: &Columns,
) -> Result<Csv<R>, IngestError> {
    let path = path.into();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(true)
        .from_reader(SkipBom::new(reader));
    let origin = Origin {
        line: Some(1),
        ..Origin::file(path.clone())
    };
    let header = reader.byte_headers().map_err(|e| csv_error(e, &origin))?;
    let names: Vec<String> = header
        .iter()
        .map(|h| String::from_utf8_lossy(h).trim().to_string())
        .collect();
    let mut picks = Vec::new();
    for f in FIELDS {
        match (columns.pick(f, &names), columns.names(f).0) {
            (Some(i), _) => picks.push((f, i)),
            (None, Some(n)) => {
                return Err(IngestError::malformed(
                    origin,
                    format!("no column {n:?} in the header ({})", names.join(", ")),
                ))
            }
            (None, None) if f == Field::Text => {
                return Err(IngestError::malformed(
                    origin,
                    format!(
                        "no text column ({}) in the header ({})",
                        columns.text_names(),
                        names.join(", ")
                    ),
                ))
            }
            (None, None) => {}
        }
    }
    Ok(Csv {
        reader,
        path,
        columns: columns.clone(),
        picks,
        names,
        row: 0,
        done: false,
    })
}

fn csv_error(e: csv::Error, origin: &Origin) -> IngestError {
    let mut origin = origin.clone();
    if let Some(p) = e.position() {
        origin.line = Some(p.line());
        origin.offset = Some(p.byte());
    }
    match e.into_kind() {
        csv::ErrorKind::Io(source) => IngestError::Io { origin, source },
        other => IngestError::malformed(origin, format!("bad CSV: {other:?}")),
    }
}

impl<R: Read> Iterator for Csv<R> {
    type Item = Result<Article, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let mut rec = csv::ByteRecord::new();
        let mut origin = Origin::record(self.path.clone(), self.row);
        let got = self.reader.read_byte_record(&mut rec);
        if let Some(p) = rec.position() {
            origin.line = Some(p.line());
            origin.offset = Some(p.byte());
        }
        match got {
            Ok(true) => {}
            Ok(false) => {
                self.done = true;
                return None;
            }
            Err(e) => {
                let fatal = matches!(e.kind(), csv::ErrorKind::Io(_));
                self.done = fatal;
                self.row += 1;
                return Some(Err(csv_error(e, &origin)));
            }
        }
        self.row += 1;
        let mut row = Row::default();
        for &(f, i) in &self.picks {
            let Some(v) = rec.get(i) else {
                continue;
            };
            if v.len() > MAX_ROW {
                return Some(Err(IngestError::TooLarge {
                    origin,
                    size: v.len() as u64,
                    limit: MAX_ROW as u64,
                }));
            }
            match std::str::from_utf8(v) {
                Ok(s) if !s.contains('\0') => {
                    row.set(f, s.trim_start_matches('\u{feff}').to_string())
                }
                bad => {
                    let col = self.names.get(i).cloned().unwrap_or_default();
                    let what = match bad {
                        Err(e) => format!("invalid UTF-8 at byte {} of the field", e.valid_up_to()),
                        Ok(_) => "NUL byte (binary data)".to_string(),
                    };
                    return Some(Err(IngestError::malformed(
                        origin,
                        format!("column {col:?}: {what}"),
                    )));
                }
            }
        }
        Some(row.into_article(origin, &self.columns))
    }
}
