//! Streaming WARC reader (ISO 28500, WARC/1.0 and 1.1), plain or gzipped
//! (one gzip member per record as in Common Crawl CC-NEWS, or any other
//! member layout).
//!
//! [`Pages`] yields the HTML pages of `response` records (and `resource`
//! records whose type is HTML) with their target URI and date; [`Reader`]
//! runs each page through [`crate::html::extract`] and yields [`Article`]s.
//! Other records are skipped and counted in [`WarcStats`].
//!
//! Nothing but the current record is held in memory: records larger than
//! [`MAX_RECORD`] are skipped (streamed past) with an error. A broken record
//! (bad header, wrong `Content-Length`, corrupt gzip member) yields one
//! `Err` and reading resumes at the next record found: the next gzip member,
//! or the next line starting with `WARC/`. A truncated tail yields one `Err`
//! and ends the stream.

use crate::record::{Article, IngestError, Origin};
use flate2::bufread::GzDecoder;
use std::io::{self, BufRead, Read};

/// Records with a bigger block are skipped with [`IngestError::TooLarge`].
pub const MAX_RECORD: u64 = 64 << 20;
/// Limit on a WARC header block and on an HTTP response head.
const MAX_HEAD: usize = 256 << 10;
const BUF: usize = 64 << 10;
const GZ_MAGIC: [u8; 3] = [0x1f, 0x8b, 0x08];

/// Counts of what a reader saw.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WarcStats {
    /// Records started (good, skipped and broken).
    pub records: u64,
    /// HTML pages yielded by [`Pages`].
    pub pages: u64,
    /// Records of other types (warcinfo, request, metadata, revisit, …).
    pub skipped_type: u64,
    /// Responses whose content is not HTML (images, PDFs, JSON, …).
    pub skipped_not_html: u64,
    /// Responses with a status other than 2xx (redirects, errors).
    pub skipped_status: u64,
    /// Errors yielded.
    pub errors: u64,
    /// Errors found while looking for the next record after a broken one
    /// (false gzip headers in corrupt data); not yielded.
    pub suppressed_errors: u64,
}

/// An HTML page found in a WARC record, before text extraction.
#[derive(Debug, Clone)]
pub struct Page {
    /// `WARC-Target-URI`.
    pub uri: Option<String>,
    /// `WARC-Date` as written (ISO 8601).
    pub date: Option<String>,
    /// `WARC-Record-ID`.
    pub record_id: Option<String>,
    /// The HTTP payload: de-chunked and decompressed.
    pub body: Vec<u8>,
    /// Where the record is.
    pub origin: Origin,
}

// ---------------------------------------------------------------------------
// Byte sources

/// A buffered reader that can peek several bytes and knows its offset.
struct Raw<R> {
    inner: R,
    buf: Box<[u8]>,
    pos: usize,
    end: usize,
    /// Offset in the input of `buf[pos]`.
    offset: u64,
}

fn read_retry<R: Read + ?Sized>(r: &mut R, out: &mut [u8]) -> io::Result<usize> {
    loop {
        match r.read(out) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

impl<R: Read> Raw<R> {
    fn new(inner: R) -> Self {
        Raw {
            inner,
            buf: vec![0; BUF].into_boxed_slice(),
            pos: 0,
            end: 0,
            offset: 0,
        }
    }

    /// At least `n` bytes (fewer only at end of input).
    fn peek(&mut self, n: usize) -> io::Result<&[u8]> {
        let n = n.min(self.buf.len());
        if self.end - self.pos < n {
            self.buf.copy_within(self.pos..self.end, 0);
            self.end -= self.pos;
            self.pos = 0;
            while self.end < n {
                let k = read_retry(&mut self.inner, &mut self.buf[self.end..])?;
                if k == 0 {
                    break;
                }
                self.end += k;
            }
        }
        Ok(&self.buf[self.pos..self.end])
    }
}

impl<R: Read> BufRead for Raw<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos == self.end {
            self.pos = 0;
            self.end = read_retry(&mut self.inner, &mut self.buf)?;
        }
        Ok(&self.buf[self.pos..self.end])
    }

    fn consume(&mut self, amt: usize) {
        let amt = amt.min(self.end - self.pos);
        self.pos += amt;
        self.offset += amt as u64;
    }
}

impl<R: Read> Read for Raw<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let b = self.fill_buf()?;
        let k = b.len().min(out.len());
        out[..k].copy_from_slice(&b[..k]);
        self.consume(k);
        Ok(k)
    }
}

enum Dec<R> {
    Plain(Raw<R>),
    Gz(GzDecoder<Raw<R>>),
    Eof,
}

/// The decompressed stream, one gzip member at a time: `fill` returns an
/// empty slice at the end of each member; `next_member` moves on.
struct Source<R> {
    dec: Dec<R>,
    buf: Box<[u8]>,
    pos: usize,
    end: usize,
    gz: bool,
    /// Input offset of the current gzip member.
    member_start: u64,
    /// Decompressed bytes consumed in the current member (or the file).
    member_pos: u64,
    /// The current member was found by scanning for a gzip header after
    /// corrupt data and has not yet produced a good record.
    from_scan: bool,
}

impl<R: Read> Source<R> {
    fn new(reader: R) -> Self {
        let mut raw = Raw::new(reader);
        let gz = matches!(raw.peek(2), Ok(b) if b.starts_with(&GZ_MAGIC[..2]));
        Source {
            dec: if gz {
                Dec::Gz(GzDecoder::new(raw))
            } else {
                Dec::Plain(raw)
            },
            buf: vec![0; BUF].into_boxed_slice(),
            pos: 0,
            end: 0,
            gz,
            member_start: 0,
            member_pos: 0,
            from_scan: false,
        }
    }

    fn read_more(&mut self) -> io::Result<usize> {
        let out = &mut self.buf[self.end..];
        match &mut self.dec {
            Dec::Plain(r) => read_retry(r, out),
            Dec::Gz(d) => read_retry(d, out),
            Dec::Eof => Ok(0),
        }
    }

    /// Buffered bytes of the current member; empty at its end.
    fn fill(&mut self) -> io::Result<&[u8]> {
        if self.pos == self.end {
            self.pos = 0;
            self.end = 0;
            self.end = self.read_more()?;
        }
        Ok(&self.buf[self.pos..self.end])
    }

    /// At least `n` bytes of the current member (fewer at its end).
    fn peek(&mut self, n: usize) -> io::Result<&[u8]> {
        let n = n.min(self.buf.len());
        if self.end - self.pos < n {
            self.buf.copy_within(self.pos..self.end, 0);
            self.end -= self.pos;
            self.pos = 0;
            while self.end < n {
                let k = self.read_more()?;
                if k == 0 {
                    break;
                }
                self.end += k;
            }
        }
        Ok(&self.buf[self.pos..self.end])
    }

    fn consume(&mut self, k: usize) {
        let k = k.min(self.end - self.pos);
        self.pos += k;
        self.member_pos += k as u64;
    }

    /// Input offset of the next decompressed byte for plain input; for gzip
    /// the offset of its member when the member starts there.
    fn record_offset(&self) -> Option<u64> {
        if !self.gz {
            Some(self.member_pos)
        } else if self.member_pos == 0 {
            Some(self.member_start)
        } else {
            None
        }
    }

    fn take_raw(&mut self) -> Option<Raw<R>> {
        match std::mem::replace(&mut self.dec, Dec::Eof) {
            Dec::Gz(d) => Some(d.into_inner()),
            Dec::Plain(r) => Some(r),
            Dec::Eof => None,
        }
    }

    /// Starts the next gzip member; false at the end of the input.
    fn next_member(&mut self) -> io::Result<bool> {
        if !self.gz || self.pos != self.end {
            return Ok(false);
        }
        let Some(mut raw) = self.take_raw() else {
            return Ok(false);
        };
        if raw.fill_buf()?.is_empty() {
            return Ok(false);
        }
        self.start_member(raw, false);
        Ok(true)
    }

    fn start_member(&mut self, raw: Raw<R>, from_scan: bool) {
        self.member_start = raw.offset;
        self.member_pos = 0;
        self.from_scan = from_scan;
        self.pos = 0;
        self.end = 0;
        self.dec = Dec::Gz(GzDecoder::new(raw));
    }

    /// After a gzip error: drops the current member and scans the input for
    /// the next gzip header. False at the end of the input.
    fn resync_gz(&mut self) -> io::Result<bool> {
        self.pos = 0;
        self.end = 0;
        let Some(mut raw) = self.take_raw() else {
            return Ok(false);
        };
        if raw.offset == self.member_start {
            raw.consume(1);
        }
        loop {
            let b = raw.peek(GZ_MAGIC.len())?;
            if b.len() < GZ_MAGIC.len() {
                return Ok(false);
            }
            if b.starts_with(&GZ_MAGIC) {
                self.start_member(raw, true);
                return Ok(true);
            }
            let b = raw.fill_buf()?;
            let skip = b[1..]
                .iter()
                .position(|&x| x == GZ_MAGIC[0])
                .map_or(b.len(), |p| p + 1);
            raw.consume(skip);
        }
    }
}

// ---------------------------------------------------------------------------
// Record parsing

/// How to go on after a broken record.
enum Next {
    /// Already at the next record.
    Here,
    /// Scan for the next line starting with `WARC/`.
    Resync,
    /// The gzip stream is corrupt: find the next member, then resync.
    Gzip,
    /// Nothing more can be read.
    End,
}

/// Why `read_record` produced no page.
enum Stop {
    Skipped,
    End,
    Bad(IngestError, Next),
}

struct Head {
    fields: Vec<(String, String)>,
}

impl Head {
    fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// HTML pages of a WARC stream (see the module docs).
pub struct Pages<R> {
    src: Source<R>,
    path: String,
    index: u64,
    stats: WarcStats,
    done: bool,
}

impl<R: Read> Pages<R> {
    /// Reads a WARC stream (plain or gzipped, detected from the first
    /// bytes); `path` names it in origins and errors.
    pub fn new(reader: R, path: impl Into<String>) -> Self {
        Pages {
            src: Source::new(reader),
            path: path.into(),
            index: 0,
            stats: WarcStats::default(),
            done: false,
        }
    }

    /// What was seen so far.
    pub fn stats(&self) -> &WarcStats {
        &self.stats
    }

    fn io_stop(&self, e: io::Error, origin: &Origin, what: &str) -> Stop {
        io_stop(self.src.gz, self.src.member_start, e, origin, what)
    }

    /// One line (with its terminator) of the current member.
    fn read_line(&mut self, out: &mut Vec<u8>, limit: usize) -> io::Result<bool> {
        loop {
            let b = self.src.fill()?;
            if b.is_empty() {
                return Ok(false);
            }
            let (k, done) = match b.iter().position(|&c| c == b'\n') {
                Some(p) => (p + 1, true),
                None => (b.len(), false),
            };
            let room = limit.saturating_sub(out.len());
            out.extend_from_slice(&b[..k.min(room)]);
            self.src.consume(k);
            if done {
                return Ok(true);
            }
            if out.len() >= limit {
                return Ok(false);
            }
        }
    }

    /// Skips blank lines between records; false at the end of the input.
    fn at_record(&mut self) -> io::Result<bool> {
        loop {
            let b = self.src.fill()?;
            if b.is_empty() {
                if self.src.next_member()? {
                    continue;
                }
                return Ok(false);
            }
            let k = b.iter().take_while(|&&c| c == b'\r' || c == b'\n').count();
            if k == 0 {
                return Ok(true);
            }
            self.src.consume(k);
        }
    }

    fn read_head(&mut self, origin: &Origin) -> Result<Head, Stop> {
        let mut line = Vec::new();
        let mut fields: Vec<(String, String)> = Vec::new();
        let mut total = 0usize;
        let mut first = true;
        loop {
            line.clear();
            let complete = self
                .read_line(&mut line, MAX_HEAD)
                .map_err(|e| self.io_stop(e, origin, "record header"))?;
            if !complete {
                if line.len() >= MAX_HEAD {
                    return Err(Stop::Bad(
                        IngestError::malformed(origin.clone(), "WARC header line too long"),
                        Next::Resync,
                    ));
                }
                let more = self.src.next_member().unwrap_or(false);
                let e = IngestError::Truncated {
                    origin: origin.clone(),
                    detail: "input ends inside the WARC header".into(),
                };
                return Err(Stop::Bad(e, if more { Next::Here } else { Next::End }));
            }
            total += line.len();
            if total > MAX_HEAD {
                return Err(Stop::Bad(
                    IngestError::malformed(origin.clone(), "WARC header over 256 KiB"),
                    Next::Resync,
                ));
            }
            let text = String::from_utf8_lossy(&line);
            let text = text.trim_end_matches(['\r', '\n']);
            if first {
                first = false;
                if !text.starts_with("WARC/") {
                    let shown: String = text.chars().take(40).collect();
                    return Err(Stop::Bad(
                        IngestError::malformed(
                            origin.clone(),
                            format!("expected a WARC/1.x version line, found {shown:?}"),
                        ),
                        Next::Resync,
                    ));
                }
                continue;
            }
            if text.is_empty() {
                return Ok(Head { fields });
            }
            if text.starts_with([' ', '\t']) {
                if let Some(last) = fields.last_mut() {
                    last.1.push(' ');
                    last.1.push_str(text.trim());
                }
                continue;
            }
            match text.split_once(':') {
                Some((k, v)) => fields.push((k.trim().to_string(), v.trim().to_string())),
                None => {
                    let shown: String = text.chars().take(40).collect();
                    return Err(Stop::Bad(
                        IngestError::malformed(
                            origin.clone(),
                            format!("bad WARC header line {shown:?}"),
                        ),
                        Next::Resync,
                    ));
                }
            }
        }
    }

    /// Reads (into `sink`) or skips `n` block bytes, following the block
    /// into the next gzip member when it continues there.
    fn take_block(
        &mut self,
        mut n: u64,
        mut sink: Option<&mut Vec<u8>>,
        origin: &Origin,
        len: u64,
    ) -> Result<(), Stop> {
        while n > 0 {
            let (gz, ms) = (self.src.gz, self.src.member_start);
            let b = self
                .src
                .fill()
                .map_err(|e| io_stop(gz, ms, e, origin, "record block"))?;
            if b.is_empty() {
                let more = self
                    .src
                    .next_member()
                    .map_err(|e| self.io_stop(e, origin, "record block"))?;
                if !more {
                    return Err(Stop::Bad(
                        IngestError::Truncated {
                            origin: origin.clone(),
                            detail: format!(
                                "input ends {} bytes into a {len}-byte record block",
                                len - n
                            ),
                        },
                        Next::End,
                    ));
                }
                // A record compressed alone ends with its member; otherwise
                // (one member for many records, or arbitrary splits) it may
                // go on in the next member unless a record starts there.
                let own_member = self.src.gz && origin.offset.is_some();
                let next = self.src.peek(5).unwrap_or(&[]);
                if own_member || next.starts_with(b"WARC/") {
                    return Err(Stop::Bad(
                        IngestError::malformed(
                            origin.clone(),
                            format!(
                                "Content-Length {len} runs past the end of the record \
                                 (gzip member ends after {} bytes of block)",
                                len - n
                            ),
                        ),
                        Next::Here,
                    ));
                }
                continue;
            }
            let k = (b.len() as u64).min(n) as usize;
            if let Some(s) = sink.as_deref_mut() {
                s.extend_from_slice(&b[..k]);
            }
            self.src.consume(k);
            n -= k as u64;
        }
        Ok(())
    }

    /// After a block: the `\r\n\r\n` separator, or the end of the member.
    fn check_trailer(&mut self, origin: &Origin, len: u64) -> Result<(), Stop> {
        let (gz, ms) = (self.src.gz, self.src.member_start);
        let b = self
            .src
            .peek(4)
            .map_err(|e| io_stop(gz, ms, e, origin, "record end"))?;
        let nl = b.iter().take_while(|&&c| c == b'\r' || c == b'\n').count();
        if b.is_empty() || nl == b.len() || nl >= 2 {
            self.src.consume(nl);
            return Ok(());
        }
        Err(Stop::Bad(
            IngestError::malformed(
                origin.clone(),
                format!("record does not end after its Content-Length ({len} bytes)"),
            ),
            Next::Resync,
        ))
    }

    fn read_record(&mut self) -> Result<Page, Stop> {
        let at = self.at_record().map_err(|e| {
            // A gzip member broken before its first byte: count it as a record.
            let o = Origin {
                offset: self.src.gz.then_some(self.src.member_start),
                ..Origin::record(self.path.clone(), self.index)
            };
            self.index += 1;
            self.stats.records += 1;
            self.io_stop(e, &o, "record start")
        })?;
        if !at {
            return Err(Stop::End);
        }
        let origin = Origin {
            offset: self.src.record_offset(),
            ..Origin::record(self.path.clone(), self.index)
        };
        self.index += 1;
        self.stats.records += 1;
        let head = self.read_head(&origin)?;
        let Some(len) = head
            .get("Content-Length")
            .and_then(|v| v.trim().parse::<u64>().ok())
        else {
            return Err(Stop::Bad(
                IngestError::malformed(origin, "missing or invalid Content-Length"),
                Next::Resync,
            ));
        };
        if len > MAX_RECORD {
            self.take_block(len, None, &origin, len)?;
            self.check_trailer(&origin, len)?;
            return Err(Stop::Bad(
                IngestError::TooLarge {
                    origin,
                    size: len,
                    limit: MAX_RECORD,
                },
                Next::Here,
            ));
        }
        let kind = head.get("WARC-Type").unwrap_or("").to_ascii_lowercase();
        let is_html_resource = kind == "resource"
            && head
                .get("Content-Type")
                .is_some_and(|t| t.to_ascii_lowercase().contains("html"));
        if kind != "response" && !is_html_resource {
            self.take_block(len, None, &origin, len)?;
            self.check_trailer(&origin, len)?;
            self.stats.skipped_type += 1;
            return Err(Stop::Skipped);
        }

        let mut block = Vec::new();
        let first = len.min(MAX_HEAD as u64);
        self.take_block(first, Some(&mut block), &origin, len)?;
        let http = (!is_html_resource).then(|| parse_http(&block));
        let keep = match &http {
            None => true,
            Some(Ok(h)) => h.wanted(&block).is_ok(),
            Some(Err(_)) => false,
        };
        let rest = len - first;
        self.take_block(rest, keep.then_some(&mut block), &origin, len)?;
        self.check_trailer(&origin, len)?;
        let body = match http {
            None => block,
            Some(Err(m)) => {
                return Err(Stop::Bad(IngestError::malformed(origin, m), Next::Here));
            }
            Some(Ok(h)) => {
                match h.wanted(&block) {
                    Ok(()) => {}
                    Err(Skip::Status) => {
                        self.stats.skipped_status += 1;
                        return Err(Stop::Skipped);
                    }
                    Err(Skip::NotHtml) => {
                        self.stats.skipped_not_html += 1;
                        return Err(Stop::Skipped);
                    }
                }
                block.drain(..h.body_start);
                decode_payload(block, &h)
                    .map_err(|m| Stop::Bad(IngestError::malformed(origin.clone(), m), Next::Here))?
            }
        };
        Ok(Page {
            uri: head.get("WARC-Target-URI").map(clean_uri),
            date: head.get("WARC-Date").map(str::to_string),
            record_id: head.get("WARC-Record-ID").map(str::to_string),
            body,
            origin,
        })
    }

    /// Skips to the next line starting with `WARC/` or the next gzip
    /// member; false at the end.
    fn resync(&mut self) -> io::Result<bool> {
        let mut line_start = self.src.member_pos == 0;
        loop {
            let b = self.src.peek(5)?;
            if b.is_empty() {
                // A new gzip member is a record boundary: read_record reports
                // what is wrong with it, if anything.
                return self.src.next_member();
            }
            if line_start && b.starts_with(b"WARC/") {
                return Ok(true);
            }
            let b = self.src.fill()?;
            match b.iter().position(|&c| c == b'\n') {
                Some(p) => {
                    self.src.consume(p + 1);
                    line_start = true;
                }
                None => {
                    // Keep a possible "WARC/" split over the buffer edge.
                    let k = if line_start { 1 } else { b.len() };
                    self.src.consume(k);
                    line_start = false;
                }
            }
        }
    }

    /// Moves past a broken record; false when nothing more can be read.
    fn recover(&mut self, mut next: Next) -> bool {
        loop {
            let r = match next {
                Next::Here => return true,
                Next::End => return false,
                Next::Resync => self.resync(),
                Next::Gzip => match self.src.resync_gz() {
                    Ok(true) => self.resync(),
                    other => other,
                },
            };
            match r {
                Ok(ok) => return ok,
                // Corrupt data while scanning: look for the next gzip member.
                Err(_) if self.src.gz => {
                    self.stats.suppressed_errors += 1;
                    next = Next::Gzip;
                }
                Err(_) => return false,
            }
        }
    }
}

impl<R: Read> Iterator for Pages<R> {
    type Item = Result<Page, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            // Errors in a member found by scanning corrupt data are noise.
            let scanned = self.src.from_scan;
            match self.read_record() {
                Ok(page) => {
                    self.src.from_scan = false;
                    self.stats.pages += 1;
                    return Some(Ok(page));
                }
                Err(Stop::Skipped) => self.src.from_scan = false,
                Err(Stop::End) => self.done = true,
                Err(Stop::Bad(e, next)) => {
                    self.done = !self.recover(next);
                    if scanned {
                        self.stats.suppressed_errors += 1;
                        continue;
                    }
                    self.stats.errors += 1;
                    return Some(Err(e));
                }
            }
        }
        None
    }
}

/// `WARC-Target-URI` may be written `<uri>` (WARC/1.0 draft writers).
fn clean_uri(v: &str) -> String {
    v.trim()
        .trim_start_matches('<')
        .trim_end_matches('>')
        .to_string()
}

fn io_stop(gz: bool, member_start: u64, e: io::Error, origin: &Origin, what: &str) -> Stop {
    if gz && e.kind() != io::ErrorKind::UnexpectedEof {
        let origin = Origin {
            offset: origin.offset.or(Some(member_start)),
            ..origin.clone()
        };
        Stop::Bad(
            IngestError::malformed(origin, format!("corrupt gzip member ({what}): {e}")),
            Next::Gzip,
        )
    } else if e.kind() == io::ErrorKind::UnexpectedEof {
        Stop::Bad(
            IngestError::Truncated {
                origin: origin.clone(),
                detail: format!("input ends inside the record ({what}): {e}"),
            },
            if gz { Next::Gzip } else { Next::End },
        )
    } else {
        Stop::Bad(
            IngestError::Io {
                origin: origin.clone(),
                source: e,
            },
            Next::End,
        )
    }
}

enum Skip {
    NotHtml,
    Status,
}

/// The head of an HTTP response.
struct HttpHead {
    status: u16,
    fields: Vec<(String, String)>,
    body_start: usize,
}

impl HttpHead {
    fn get(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Whether the response is a 2xx HTML page (sniffing the body when the
    /// Content-Type is missing).
    fn wanted(&self, block: &[u8]) -> Result<(), Skip> {
        if !(200..300).contains(&self.status) {
            return Err(Skip::Status);
        }
        let html = match self.get("Content-Type") {
            Some(t) => t.to_ascii_lowercase().contains("html"),
            None => looks_like_html(block.get(self.body_start..).unwrap_or(&[])),
        };
        if html {
            Ok(())
        } else {
            Err(Skip::NotHtml)
        }
    }
}

/// Whether bytes start like an HTML document.
pub(crate) fn looks_like_html(b: &[u8]) -> bool {
    let b = b.strip_prefix(crate::record::BOM).unwrap_or(b);
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    let head: Vec<u8> = b[start..b.len().min(start + 512)].to_ascii_lowercase();
    head.starts_with(b"<!doctype html")
        || head.starts_with(b"<html")
        || head.starts_with(b"<head")
        || head.starts_with(b"<body")
        || (head.starts_with(b"<!--") || head.starts_with(b"<?xml"))
            && head.windows(5).any(|w| w == b"<html")
}

fn parse_http(block: &[u8]) -> Result<HttpHead, String> {
    let end = find(block, b"\r\n\r\n")
        .map(|p| p + 4)
        .or_else(|| find(block, b"\n\n").map(|p| p + 2));
    let Some(body_start) = end else {
        return Err(if block.len() >= MAX_HEAD {
            "HTTP response head over 256 KiB".into()
        } else {
            "HTTP response head does not end (no blank line)".into()
        });
    };
    let head = String::from_utf8_lossy(&block[..body_start]);
    let mut lines = head.lines();
    let status_line = lines.next().unwrap_or("");
    let mut parts = status_line.split_whitespace();
    let proto = parts.next().unwrap_or("");
    let status = parts.next().and_then(|s| s.parse::<u16>().ok());
    let (true, Some(status)) = (proto.starts_with("HTTP/"), status) else {
        let shown: String = status_line.chars().take(40).collect();
        return Err(format!("bad HTTP status line {shown:?}"));
    };
    let mut fields: Vec<(String, String)> = Vec::new();
    for l in lines {
        if l.is_empty() {
            break;
        }
        if l.starts_with([' ', '\t']) {
            if let Some(last) = fields.last_mut() {
                last.1.push(' ');
                last.1.push_str(l.trim());
            }
        } else if let Some((k, v)) = l.split_once(':') {
            fields.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    Ok(HttpHead {
        status,
        fields,
        body_start,
    })
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Undoes `Transfer-Encoding: chunked` and `Content-Encoding: gzip/deflate`
/// when the payload is still encoded (crawlers often store it decoded but
/// keep the header).
fn decode_payload(mut body: Vec<u8>, h: &HttpHead) -> Result<Vec<u8>, String> {
    if h.get("Transfer-Encoding")
        .is_some_and(|t| t.to_ascii_lowercase().contains("chunked"))
    {
        if let Some(d) = dechunk(&body) {
            body = d;
        }
    }
    let enc = h
        .get("Content-Encoding")
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match enc.as_str() {
        "" | "identity" | "none" => Ok(body),
        "gzip" | "x-gzip" if body.starts_with(&GZ_MAGIC[..2]) => {
            inflate(flate2::read::MultiGzDecoder::new(body.as_slice()))
                .map_err(|e| format!("body: bad gzip Content-Encoding: {e}"))
        }
        "deflate" if !looks_textual(&body) => {
            inflate(flate2::read::ZlibDecoder::new(body.as_slice()))
                .or_else(|_| inflate(flate2::read::DeflateDecoder::new(body.as_slice())))
                .map_err(|e| format!("body: bad deflate Content-Encoding: {e}"))
        }
        _ if looks_textual(&body) => Ok(body),
        other => Err(format!("body: unsupported Content-Encoding {other:?}")),
    }
}

/// Reads a decoder to the end, refusing more than [`MAX_RECORD`] bytes.
fn inflate(d: impl Read) -> io::Result<Vec<u8>> {
    let mut out = Vec::new();
    d.take(MAX_RECORD + 1).read_to_end(&mut out)?;
    if out.len() as u64 > MAX_RECORD {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "decompressed body over the 64 MiB limit",
        ));
    }
    Ok(out)
}

/// Plain markup or text (not compressed bytes).
fn looks_textual(b: &[u8]) -> bool {
    let head = &b[..b.len().min(64)];
    let start = head.iter().position(|c| !c.is_ascii_whitespace());
    start.is_none_or(|s| head[s] == b'<')
}

/// Decodes a chunked body; `None` when it is not one.
fn dechunk(b: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    loop {
        let nl = b.get(i..)?.iter().position(|&c| c == b'\n')? + i;
        let line = std::str::from_utf8(&b[i..nl]).ok()?;
        let size = line.split(';').next()?.trim();
        let n = usize::from_str_radix(size, 16).ok()?;
        i = nl + 1;
        if n == 0 {
            return Some(out);
        }
        out.extend_from_slice(b.get(i..i.checked_add(n)?)?);
        i += n;
        // The CRLF after the chunk data.
        if b.get(i) == Some(&b'\r') {
            i += 1;
        }
        if b.get(i) == Some(&b'\n') {
            i += 1;
        } else {
            return None;
        }
    }
}

// ---------------------------------------------------------------------------
// Articles

/// Articles of a WARC stream: [`Pages`] through [`crate::html::extract`].
/// `meta.url` falls back to the target URI and `meta.published` to the
/// `WARC-Date` when the page has none.
pub struct Reader<R> {
    pages: Pages<R>,
}

impl<R: Read> Reader<R> {
    /// Reads a WARC stream (plain or gzipped); `path` names it in origins.
    pub fn new(reader: R, path: impl Into<String>) -> Self {
        Reader {
            pages: Pages::new(reader, path),
        }
    }

    /// What was seen so far (extraction failures count as errors).
    pub fn stats(&self) -> &WarcStats {
        self.pages.stats()
    }
}

/// A WARC page → article.
pub fn page_article(page: Page) -> Result<Article, IngestError> {
    let mut a = crate::record::html_article(&page.body, page.uri.as_deref(), page.origin)?;
    if a.meta.published.is_none() {
        a.meta.published = page.date.as_deref().and_then(crate::html::dates::normalize);
    }
    Ok(a)
}

impl<R: Read> Iterator for Reader<R> {
    type Item = Result<Article, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        let r = self
            .pages
            .next()?
            .and_then(|p| page_article(p).inspect_err(|_| self.pages.stats.errors += 1));
        Some(r)
    }
}
