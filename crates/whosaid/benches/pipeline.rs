//! Whole-pipeline throughput: articles per second over the PolNeAR dev
//! texts when `../shared` is present, else over the seed article — one
//! article at a time on one thread, and the articles as one batch run stage
//! by stage (`Engine::analyze_batch`, as `whosaid analyze` and `whosaid eval
//! polnear` run them) on one thread and on every core.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::PathBuf;
use whosaid::Document;

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
    let one_thread = match rayon::ThreadPoolBuilder::new().num_threads(1).build() {
        Ok(pool) => pool,
        Err(e) => panic!("no thread pool: {e}"),
    };
    let batch = |texts: &[String]| {
        let mut docs: Vec<Document> = texts.iter().map(|t| Document::new(t.as_str())).collect();
        let ok = engine.analyze_batch(&mut docs, None);
        docs.iter()
            .zip(ok)
            .filter(|(_, ok)| ok.is_ok())
            .map(|(d, _)| d.attributions.len())
            .sum::<usize>()
    };
    group.bench_function("analyze_batch_one_thread", |b| {
        b.iter(|| one_thread.install(|| batch(&texts)))
    });
    group.bench_function("analyze_batch_all_threads", |b| b.iter(|| batch(&texts)));
    group.finish();
}

criterion_group!(benches, bench_pipeline);
criterion_main!(benches);
