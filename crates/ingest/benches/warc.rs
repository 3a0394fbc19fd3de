//! WARC reader throughput and memory on a synthetic CC-NEWS-like archive
//! (one gzip member per record: warcinfo, HTML responses, images, redirects)
//! generated on the fly by a `Read` implementation: nothing is written to
//! disk and the archive is never in memory, so the peak RSS printed at the
//! end shows the reader's own footprint stays flat whatever the size.
//!
//! ```text
//! # default: 64 MB of compressed archive per iteration
//! CARGO_TARGET_DIR=/work/targets/ingest cargo bench -p whosaid-ingest --bench warc
//! # 1 GB (compressed) archive, record parsing only:
//! WHOSAID_BENCH_WARC_MB=1024 cargo bench -p whosaid-ingest --bench warc -- pages
//! ```
//!
//! `warc/pages` measures record parsing + gzip + HTTP decoding (MB/s of
//! compressed input); `warc/articles` adds main-text extraction on a small
//! archive (articles/s).

use criterion::{criterion_group, Criterion, Throughput};
use std::io::{Read, Write};
use whosaid_ingest::warc::{Pages, Reader};

fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let _ = e.write_all(data);
    e.finish().unwrap_or_default()
}

fn record(kind: &str, uri: &str, block: &[u8]) -> Vec<u8> {
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n\
         WARC-Date: 2016-12-20T08:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n\
         Content-Length: {}\r\n\r\n",
        block.len()
    )
    .into_bytes();
    out.extend_from_slice(block);
    out.extend_from_slice(b"\r\n\r\n");
    out
}

fn page(i: usize) -> String {
    let para = format!(
        "<p>Story {i}: the senator said on Tuesday that the committee would meet again next \
         week to consider the proposal, according to two aides familiar with the plan.</p>"
    );
    format!(
        "<!DOCTYPE html><html><head><title>Story {i}</title></head><body><nav>Home</nav>\
         <article><h1>Story {i}</h1>{}</article></body></html>",
        para.repeat(12 + i % 20)
    )
}

/// Compressed records to cycle through.
fn members() -> Vec<Vec<u8>> {
    let mut m = Vec::new();
    for i in 0..32 {
        let html = page(i);
        let block =
            format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
        m.push(gz(&record(
            "response",
            &format!("https://news.example.com/story/{i}"),
            block.as_bytes(),
        )));
        if i % 4 == 0 {
            let mut img = b"HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\n\r\n".to_vec();
            img.extend((0..20_000u32).map(|x| (x.wrapping_mul(2_654_435_761) >> 13) as u8));
            m.push(gz(&record(
                "response",
                "https://news.example.com/a.jpg",
                &img,
            )));
        }
    }
    m
}

/// An endless-looking archive of `budget` compressed bytes (whole members).
struct Synthetic<'a> {
    members: &'a [Vec<u8>],
    cur: usize,
    pos: usize,
    left: u64,
}

impl<'a> Synthetic<'a> {
    fn new(members: &'a [Vec<u8>], budget: u64) -> Self {
        Synthetic {
            members,
            cur: 0,
            pos: 0,
            left: budget,
        }
    }
}

impl Read for Synthetic<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let Some(mut m) = self.members.get(self.cur) else {
            return Ok(0);
        };
        if self.pos == m.len() {
            if self.left == 0 {
                return Ok(0);
            }
            self.cur = (self.cur + 1) % self.members.len();
            self.pos = 0;
            m = &self.members[self.cur];
        }
        let k = out.len().min(m.len() - self.pos);
        out[..k].copy_from_slice(&m[self.pos..self.pos + k]);
        self.pos += k;
        self.left = self.left.saturating_sub(k as u64);
        Ok(k)
    }
}

fn peak_rss_kb() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn bench(c: &mut Criterion) {
    let mb: u64 = std::env::var("WHOSAID_BENCH_WARC_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(64);
    let members = members();
    let budget = mb << 20;

    let mut g = c.benchmark_group("warc");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(budget));
    g.bench_function(format!("pages/{mb}MB"), |b| {
        b.iter(|| {
            let mut n = 0usize;
            for p in Pages::new(Synthetic::new(&members, budget), "synthetic.warc.gz") {
                n += p.map_or(0, |p| p.body.len());
            }
            n
        })
    });
    eprintln!(
        "warc/pages/{mb}MB: peak RSS {} kB",
        peak_rss_kb().unwrap_or(0)
    );

    let small = 2u64 << 20;
    let pages = Pages::new(Synthetic::new(&members, small), "s").count() as u64;
    g.throughput(Throughput::Elements(pages));
    g.bench_function("articles/2MB", |b| {
        b.iter(|| {
            Reader::new(Synthetic::new(&members, small), "synthetic.warc.gz")
                .filter(|a| a.is_ok())
                .count()
        })
    });
    g.finish();
    eprintln!(
        "after warc/articles: peak RSS {} kB",
        peak_rss_kb().unwrap_or(0)
    );
}

criterion_group!(benches, bench);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
