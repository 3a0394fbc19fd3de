//! Arbitrary bytes as an HTML page: `html::extract` may refuse them but must
//! not panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = whosaid_ingest::html::extract(data, Some("https://example.com/2016/12/15/a"));
});
