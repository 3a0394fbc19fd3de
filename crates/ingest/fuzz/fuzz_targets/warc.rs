//! Arbitrary bytes as a WARC stream (plain, or gzipped when they start with
//! the gzip magic): every record yields an article or an error, the stream
//! ends, nothing panics.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut n = 0usize;
    for page in whosaid_ingest::warc::Pages::new(data, "fuzz.warc") {
        n += 1;
        if let Ok(p) = page {
            let _ = whosaid_ingest::warc::page_article(p);
        }
        assert!(n <= data.len() + 2, "more records than bytes");
    }
});
