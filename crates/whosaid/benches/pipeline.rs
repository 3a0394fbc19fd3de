//! Whole-pipeline throughput: articles per second on one thread, over the
//! PolNeAR dev texts when `../shared` is present, else over the seed article.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;

fn articles() -> Vec<String> {
    let shared = std::env::var_os("WHOSAID_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let dev = shared.join("data/polnear/dev/text");
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
        let seed = shared.join("corpus/seed/putin-dnc-hacks.txt");
        texts.extend(std::fs::read_to_string(seed).ok());
    }
    if texts.is_empty() {
        texts
            .push("“We will win,” the senator said on Tuesday, according to her aides.".repeat(40));
    }
    texts
}

fn bench_pipeline(c: &mut Criterion) {
    let engine = match whosaid::Engine::english() {
        Ok(e) => e,
        Err(e) => panic!("models do not load: {e}"),
    };
    let texts = articles();
    let mut group = c.benchmark_group("pipeline");
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.sample_size(10);
    group.bench_function("analyze_articles_one_thread", |b| {
        b.iter(|| {
            let mut n = 0;
            for t in &texts {
                if let Ok(doc) = engine.analyze_text(t) {
                    n += doc.attributions.len();
                }
            }
            n
        })
    });
    group.finish();
}

criterion_group!(benches, bench_pipeline);
criterion_main!(benches);
