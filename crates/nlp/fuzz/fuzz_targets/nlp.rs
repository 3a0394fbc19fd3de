//! Arbitrary text through segment → tag → parse: offsets must stay inside the
//! text and nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use whosaid_core::{Document, Stage};

fn stages() -> &'static Vec<Box<dyn Stage>> {
    static STAGES: OnceLock<Vec<Box<dyn Stage>>> = OnceLock::new();
    STAGES.get_or_init(|| whosaid_nlp::english_stages().expect("embedded models load"))
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut doc = Document::new(text);
    for stage in stages() {
        let _ = stage.process(&mut doc);
    }
    let len = doc.char_len();
    for t in &doc.tokens {
        assert!(t.span.start < t.span.end && t.span.end <= len);
    }
    for s in &doc.sentences {
        assert!(s.span.end <= len && s.tokens[0] <= s.tokens[1]);
    }
});
