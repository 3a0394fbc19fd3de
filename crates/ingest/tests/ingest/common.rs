//! Test data builders.

use std::io::Write;

/// An article page with enough body text for main-text extraction.
pub fn page(title: &str, published: Option<&str>, marker: &str) -> String {
    let date = published
        .map(|d| format!(r#"<meta property="article:published_time" content="{d}">"#))
        .unwrap_or_default();
    let para = format!(
        "<p>{marker} The senator said on Tuesday that the committee would meet again next week \
         to consider the proposal, according to two aides familiar with the plan, who asked \
         not to be named because the talks were private.</p>"
    );
    format!(
        "<!DOCTYPE html><html><head><title>{title}</title>{date}</head><body>\
         <nav><a href=\"/\">Home</a></nav><article><h1>{title}</h1>{p}{p}{p}</article>\
         <footer>Copyright</footer></body></html>",
        p = para
    )
}

/// One WARC record (header + block + separator).
pub fn record(kind: &str, uri: Option<&str>, date: &str, ctype: &str, block: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(b"WARC/1.0\r\n");
    out.extend_from_slice(format!("WARC-Type: {kind}\r\n").as_bytes());
    if let Some(u) = uri {
        out.extend_from_slice(format!("WARC-Target-URI: {u}\r\n").as_bytes());
    }
    out.extend_from_slice(format!("WARC-Date: {date}\r\n").as_bytes());
    out.extend_from_slice(b"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n");
    out.extend_from_slice(format!("Content-Type: {ctype}\r\n").as_bytes());
    out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", block.len()).as_bytes());
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

/// An HTTP response block.
pub fn http(status: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut out = format!("HTTP/1.1 {status}\r\n").into_bytes();
    for (k, v) in headers {
        out.extend_from_slice(format!("{k}: {v}\r\n").as_bytes());
    }
    out.extend_from_slice(b"\r\n");
    out.extend_from_slice(body);
    out
}

/// A response record for an HTML page.
pub fn html_response(uri: &str, date: &str, html: &str) -> Vec<u8> {
    record(
        "response",
        Some(uri),
        date,
        "application/http; msgtype=response",
        &http(
            "200 OK",
            &[("Content-Type", "text/html; charset=utf-8")],
            html.as_bytes(),
        ),
    )
}

/// One gzip member.
pub fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let _ = e.write_all(data);
    e.finish().unwrap_or_default()
}

/// Deterministic pseudo-random bytes (xorshift64*).
pub struct XorShift(pub u64);

impl XorShift {
    /// Next 64 random bits.
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// Up to `max` random bytes.
    pub fn bytes(&mut self, max: usize) -> Vec<u8> {
        let n = self.below(max + 1);
        (0..n).map(|_| self.next() as u8).collect()
    }
}
