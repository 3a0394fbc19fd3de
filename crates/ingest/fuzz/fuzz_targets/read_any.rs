//! Arbitrary bytes through kind detection and every reader. The first byte
//! picks a forced kind (or detection) so every reader gets fuzzed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use whosaid_ingest::{read_reader, Columns, Kind};

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let kind = Kind::ALL.get(first as usize % 8).copied();
    let input = std::io::Cursor::new(rest.to_vec());
    if let Ok(it) = read_reader(Box::new(input), "fuzz", kind, &Columns::default()) {
        for _ in it.take(100_000) {}
    }
});
