use crate::common::*;
use std::io::Read;
use whosaid_ingest::warc::{Pages, Reader};
use whosaid_ingest::{Article, IngestError};

const URI_A: &str = "https://news.example.com/2016/12/15/senate-vote";
const URI_B: &str = "https://news.example.com/politics/budget-talks";
const URI_C: &str = "https://news.example.com/politics/cut-short";

fn warcinfo() -> Vec<u8> {
    record(
        "warcinfo",
        None,
        "2016-12-20T08:00:00Z",
        "application/warc-fields",
        b"software: test\r\nformat: WARC File Format 1.0\r\n",
    )
}

fn image() -> Vec<u8> {
    record(
        "response",
        Some("https://news.example.com/img/photo.jpg"),
        "2016-12-20T08:00:02Z",
        "application/http; msgtype=response",
        &http(
            "200 OK",
            &[("Content-Type", "image/jpeg")],
            b"\xFF\xD8\xFF\xE0\x00\x10JFIF\x00garbage-image-bytes",
        ),
    )
}

/// Page B, chunked and gzip-encoded in the payload, without a date.
fn page_b() -> Vec<u8> {
    let body = gz(page("Budget talks resume", None, "BBB").as_bytes());
    let mut chunked = Vec::new();
    for c in body.chunks(100) {
        chunked.extend_from_slice(format!("{:x}\r\n", c.len()).as_bytes());
        chunked.extend_from_slice(c);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    record(
        "response",
        Some(URI_B),
        "2016-12-20T08:00:05Z",
        "application/http; msgtype=response",
        &http(
            "200 OK",
            &[
                ("Content-Type", "text/html"),
                ("Transfer-Encoding", "chunked"),
                ("Content-Encoding", "gzip"),
            ],
            &chunked,
        ),
    )
}

fn redirect() -> Vec<u8> {
    record(
        "response",
        Some("https://news.example.com/old"),
        "2016-12-20T08:00:06Z",
        "application/http; msgtype=response",
        &http(
            "301 Moved Permanently",
            &[("Content-Type", "text/html"), ("Location", "/new")],
            b"<html><body>Moved</body></html>",
        ),
    )
}

/// A record whose Content-Length claims more than it has.
fn too_long() -> Vec<u8> {
    let good = html_response(
        "https://news.example.com/broken-length",
        "2016-12-20T08:00:03Z",
        &page("Broken", None, "XXX"),
    );
    let s = String::from_utf8_lossy(&good).into_owned();
    let p = s.find("Content-Length: ").unwrap_or(0) + "Content-Length: ".len();
    let e = p + s[p..].find('\r').unwrap_or(0);
    format!("{}{}{}", &s[..p], 99_999, &s[e..]).into_bytes()
}

fn collect<R: Read>(
    r: Reader<R>,
) -> (
    Vec<Result<Article, IngestError>>,
    whosaid_ingest::warc::WarcStats,
) {
    let mut r = r;
    let mut out = Vec::new();
    for x in r.by_ref() {
        out.push(x);
    }
    let stats = r.stats().clone();
    (out, stats)
}

fn check_a(a: &Article) {
    assert_eq!(a.id, URI_A);
    assert_eq!(a.meta.url.as_deref(), Some(URI_A));
    // The page's own date wins over the crawl date.
    assert_eq!(a.meta.published.as_deref(), Some("2016-12-15T10:00:00Z"));
    assert_eq!(a.meta.title.as_deref(), Some("Senate vote delayed"));
    assert!(a.text.contains("AAA The senator said"), "{}", a.text);
    assert!(!a.text.contains("Copyright"));
}

fn check_b(a: &Article) {
    assert_eq!(a.id, URI_B);
    assert_eq!(a.meta.url.as_deref(), Some(URI_B));
    // No date in the page: WARC-Date.
    assert_eq!(a.meta.published.as_deref(), Some("2016-12-20T08:00:05Z"));
    assert!(a.text.contains("BBB The senator said"), "{}", a.text);
}

#[test]
fn warc_gz_per_record_members_good_bad_and_truncated() {
    let a = html_response(
        URI_A,
        "2016-12-20T08:00:01Z",
        &page("Senate vote delayed", Some("2016-12-15T10:00:00Z"), "AAA"),
    );
    let mut file = Vec::new();
    file.extend(gz(&warcinfo()));
    file.extend(gz(&a));
    file.extend(gz(&image()));
    let broken_at = file.len() as u64;
    file.extend(gz(&too_long()));
    // A member that is not a WARC record.
    file.extend(gz(b"this is not a WARC record at all\r\n\r\n"));
    // Corrupt deflate data inside a member with a good header.
    let mut bad = gz(&html_response(
        URI_C,
        "2016-12-20T08:00:04Z",
        &page("Bad", None, "ZZZ"),
    ));
    let mid = bad.len() / 2;
    for b in &mut bad[20..mid] {
        *b ^= 0x5a;
    }
    file.extend(bad);
    file.extend(gz(&page_b()));
    file.extend(gz(&redirect()));
    // Truncated tail: half a member.
    let c = gz(&html_response(
        URI_C,
        "2016-12-20T08:00:07Z",
        &page("Cut", None, "CCC"),
    ));
    file.extend_from_slice(&c[..c.len() / 2]);

    let (items, stats) = collect(Reader::new(file.as_slice(), "cc-news.warc.gz"));
    let oks: Vec<&Article> = items.iter().filter_map(|r| r.as_ref().ok()).collect();
    let errs: Vec<String> = items
        .iter()
        .filter_map(|r| r.as_ref().err().map(|e| e.to_string()))
        .collect();
    assert_eq!(oks.len(), 2, "errors: {errs:#?}");
    check_a(oks[0]);
    check_b(oks[1]);
    assert_eq!(oks[0].origin.record, Some(1));
    assert!(oks[0].origin.offset.is_some_and(|o| o > 0));
    assert_eq!(oks[0].meta.origin.as_deref(), Some("cc-news.warc.gz#1"));

    // too_long, not-a-record, corrupt member, truncated tail.
    assert_eq!(errs.len(), 4, "{errs:#?}");
    assert!(
        errs[0].contains("Content-Length 99999 runs past"),
        "{}",
        errs[0]
    );
    assert!(
        errs[0].contains(&format!("at byte {broken_at}")),
        "{}",
        errs[0]
    );
    assert!(
        errs[1].contains("expected a WARC/1.x version line"),
        "{}",
        errs[1]
    );
    assert!(errs[2].contains("cc-news.warc.gz"), "{}", errs[2]);
    assert!(errs[3].contains("truncated"), "{}", errs[3]);
    // The truncated tail is the last item.
    assert!(items.last().is_some_and(|r| r.is_err()));

    assert_eq!(stats.skipped_type, 1);
    assert_eq!(stats.skipped_not_html, 1);
    assert_eq!(stats.skipped_status, 1);
    assert_eq!(stats.pages, 2);
    assert_eq!(stats.errors, 4);
}

#[test]
fn warc_plain_resyncs_after_short_content_length() {
    let a = html_response(
        URI_A,
        "2016-12-20T08:00:01Z",
        &page("Senate vote delayed", Some("2016-12-15T10:00:00Z"), "AAA"),
    );
    // Content-Length 10 bytes short: the block does not end where it says.
    let short = {
        let r = html_response(
            "https://x.example/short",
            "2016-12-20T08:00:02Z",
            &page("S", None, "S"),
        );
        let s = String::from_utf8_lossy(&r).into_owned();
        let len = r.len() - s.find("\r\n\r\n").map_or(0, |p| p + 4) - 4;
        s.replace(
            &format!("Content-Length: {len}"),
            &format!("Content-Length: {}", len - 10),
        )
        .into_bytes()
    };
    let mut file = Vec::new();
    file.extend(warcinfo());
    file.extend(a);
    file.extend(short);
    file.extend(image());
    file.extend(page_b());
    // Truncated tail in the middle of a block.
    let c = html_response(URI_C, "2016-12-20T08:00:07Z", &page("Cut", None, "CCC"));
    file.extend_from_slice(&c[..c.len() - 200]);

    let (items, stats) = collect(Reader::new(file.as_slice(), "plain.warc"));
    let kinds: Vec<String> = items
        .iter()
        .map(|r| match r {
            Ok(a) => format!("ok {}", a.id),
            Err(e) => format!("err {e}"),
        })
        .collect();
    assert_eq!(kinds.len(), 4, "{kinds:#?}");
    check_a(items[0].as_ref().expect("A"));
    assert!(
        kinds[1].contains("plain.warc record 2") && kinds[1].contains("does not end"),
        "{kinds:#?}"
    );
    check_b(items[2].as_ref().expect("B"));
    assert!(kinds[3].contains("truncated"), "{kinds:#?}");
    // Offsets are byte offsets in the plain file.
    assert_eq!(
        items[0].as_ref().ok().and_then(|a| a.origin.offset),
        Some(warcinfo().len() as u64)
    );
    assert_eq!(stats.skipped_not_html, 1);
}

#[test]
fn warc_single_gzip_member_and_no_trailing_newlines() {
    let mut plain = Vec::new();
    plain.extend(warcinfo());
    plain.extend(html_response(
        URI_A,
        "2016-12-20T08:00:01Z",
        &page("Senate vote delayed", Some("2016-12-15T10:00:00Z"), "AAA"),
    ));
    plain.extend(page_b());
    // Last record without its "\r\n\r\n".
    plain.truncate(plain.len() - 4);
    let file = gz(&plain);
    let (items, _) = collect(Reader::new(file.as_slice(), "one.warc.gz"));
    assert_eq!(items.len(), 2, "{items:#?}");
    check_a(items[0].as_ref().expect("A"));
    check_b(items[1].as_ref().expect("B"));
}

#[test]
fn warc_oversized_record_is_skipped_streaming() {
    // A 70 MB block generated on the fly: skipped without being held.
    let head = b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://big.example/\r\n\
                 Content-Length: 70000000\r\n\r\n";
    let after = html_response(
        URI_A,
        "2016-12-20T08:00:01Z",
        &page("Senate vote delayed", Some("2016-12-15T10:00:00Z"), "AAA"),
    );
    let r = head
        .as_slice()
        .chain(std::io::repeat(b'x').take(70_000_000))
        .chain(&b"\r\n\r\n"[..])
        .chain(after.as_slice());
    let (items, _) = collect(Reader::new(r, "big.warc"));
    assert_eq!(items.len(), 2);
    let e = items[0].as_ref().expect_err("too large");
    assert!(
        matches!(
            e,
            IngestError::TooLarge {
                size: 70_000_000,
                ..
            }
        ),
        "{e}"
    );
    check_a(items[1].as_ref().expect("A"));
}

#[test]
fn warc_pages_keep_uri_date_and_body() {
    let file = gz(&page_b());
    let pages: Vec<_> = Pages::new(file.as_slice(), "p.warc.gz").collect();
    assert_eq!(pages.len(), 1);
    let p = pages[0].as_ref().expect("page");
    assert_eq!(p.uri.as_deref(), Some(URI_B));
    assert_eq!(p.date.as_deref(), Some("2016-12-20T08:00:05Z"));
    assert!(p.body.starts_with(b"<!DOCTYPE html>"));
}

#[test]
fn warc_empty_and_garbage_inputs_end_cleanly() {
    assert_eq!(Reader::new(&b""[..], "e.warc").count(), 0);
    let items: Vec<_> = Reader::new(&b"hello world\nthis is text\n"[..], "t.warc").collect();
    assert_eq!(items.len(), 1);
    assert!(items[0].is_err());
    let items: Vec<_> = Reader::new(&b"\x1f\x8b\x08garbage"[..], "g.warc.gz").collect();
    assert_eq!(items.len(), 1, "{items:#?}");
}
