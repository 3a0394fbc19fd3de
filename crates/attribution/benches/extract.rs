//! Extractor throughput (articles per second, one thread) over the PolNeAR dev
//! texts already run through the pipeline stages before attribution; falls
//! back to a synthetic article when `../shared` is absent.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;
use whosaid_attribution::Extractor;
use whosaid_core::{Document, Pipeline};

fn documents() -> Vec<Document> {
    let dev =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/polnear/dev/text");
    let mut texts: Vec<String> = std::fs::read_dir(&dev)
        .map(|rd| {
            let mut paths: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            paths
                .iter()
                .filter_map(|p| std::fs::read_to_string(p).ok())
                .collect()
        })
        .unwrap_or_default();
    if texts.is_empty() {
        texts.push(
            "“We will win,” the senator said on Tuesday, according to her aides.\n".repeat(40),
        );
    }
    let mut pre = Pipeline::new();
    let stages = whosaid_clean::english_stages()
        .into_iter()
        .chain(whosaid_nlp::english_stages())
        .chain(whosaid_entities::english_stages())
        .flatten();
    for s in stages {
        pre.push(s);
    }
    texts
        .into_iter()
        .map(|t| {
            let mut d = Document::new(t);
            let _ = pre.run(&mut d);
            d
        })
        .collect()
}

fn bench_extract(c: &mut Criterion) {
    let ex = match Extractor::english() {
        Ok(e) => e,
        Err(e) => panic!("model does not load: {e}"),
    };
    let docs = documents();
    let mut group = c.benchmark_group("attribution");
    group.throughput(Throughput::Elements(docs.len() as u64));
    group.sample_size(20);
    group.bench_function("extract_articles_one_thread", |b| {
        b.iter(|| docs.iter().map(|d| ex.extract(d).len()).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, bench_extract);
criterion_main!(benches);
