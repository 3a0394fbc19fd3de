//! Random and mutated bytes through every reader: errors are fine, panics
//! and hangs are not. Deterministic (xorshift), no proptest.

use crate::common::*;
use whosaid_ingest::warc::Reader;

/// A small valid gzipped WARC to mutate.
fn sample_warc() -> Vec<u8> {
    let mut plain = html_response(
        "https://news.example.com/a",
        "2016-12-20T08:00:01Z",
        &page("A", Some("2016-12-15"), "AAA"),
    );
    plain.extend(record(
        "warcinfo",
        None,
        "2016-12-20T08:00:00Z",
        "application/warc-fields",
        b"software: x\r\n",
    ));
    plain
}

/// Flips, inserts and deletes a few random bytes.
pub fn mutate(rng: &mut XorShift, data: &[u8]) -> Vec<u8> {
    let mut d = data.to_vec();
    for _ in 0..1 + rng.below(8) {
        if d.is_empty() {
            d.push(rng.next() as u8);
            continue;
        }
        let i = rng.below(d.len());
        match rng.below(4) {
            0 => d[i] = rng.next() as u8,
            1 => d.insert(i, rng.next() as u8),
            2 => {
                d.remove(i);
            }
            _ => d.truncate(i),
        }
    }
    d
}

#[test]
fn garbage_through_warc_reader_never_panics() {
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let plain = sample_warc();
    let gzipped: Vec<u8> = [gz(&plain), gz(&plain)].concat();
    for round in 0..1500 {
        let input = match round % 4 {
            0 => rng.bytes(4096),
            1 => {
                let mut b = vec![0x1f, 0x8b, 0x08];
                b.extend(rng.bytes(2048));
                b
            }
            2 => mutate(&mut rng, &plain),
            _ => mutate(&mut rng, &gzipped),
        };
        let n = Reader::new(input.as_slice(), "fuzz.warc")
            .take(1000)
            .count();
        assert!(n < 1000, "round {round}: reader does not end");
    }
}

#[test]
fn garbage_through_every_kind_never_panics() {
    use whosaid_ingest::{read_reader, Columns, Kind};
    let samples: Vec<Vec<u8>> = vec![
        sample_warc(),
        gz(&sample_warc()),
        page("Title", Some("2016-12-15"), "P").into_bytes(),
        b"\xEF\xBB\xBFtitle,text,date\n\"a\",\"b\nc\",2016-12-15\nx,y,z\n".to_vec(),
        b"{\"text\": \"a\", \"authors\": [\"x\"]}\n{\"text\": 1}\n".to_vec(),
        b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>A</title>\
          <description><![CDATA[<p>x</p>]]></description><pubDate>Thu, 15 Dec 2016 10:00:00 GMT</pubDate></item></channel></rss>"
            .to_vec(),
        b"<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>A</title><content type=\"html\">&lt;p&gt;x&lt;/p&gt;</content></entry></feed>".to_vec(),
    ];
    let kinds: Vec<Option<Kind>> = std::iter::once(None)
        .chain(Kind::ALL.into_iter().map(Some))
        .collect();
    let mut rng = XorShift(0xD1B5_4A32_D192_ED03);
    for round in 0..2000 {
        let input = if round % 5 == 0 {
            rng.bytes(1024)
        } else {
            let s = &samples[rng.below(samples.len())];
            mutate(&mut rng, s)
        };
        let kind = kinds[round % kinds.len()];
        let name = ["x", "x.csv", "x.jsonl", "x.rss", "x.warc.gz", "x.html"][rng.below(6)];
        if let Ok(it) = read_reader(
            Box::new(std::io::Cursor::new(input)),
            name,
            kind,
            &Columns::default(),
        ) {
            let n = it.take(10_000).count();
            assert!(n < 10_000, "round {round}: reader does not end");
        }
    }
}
