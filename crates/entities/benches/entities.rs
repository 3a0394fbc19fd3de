//! Throughput of the entity stage (NER + aliasing + coreference) on a
//! segmented article, and of the whole NLP foundation from raw text:
//! tokenise + split + tag/lemma + parse + NER/coreference, one thread.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use whosaid_core::{Document, Stage};

const TEXT: &str = "US intelligence officials believe Russian President Vladimir Putin was likely directly involved in the hacking campaign, NBC News reported Tuesday. \
The Russian president sought to weaken America, Michael McFaul, former ambassador to Russia, told NBC. \
“And most certainly he likes President-elect Trump’s views on Russia,” he added. \
The Republican National Committee said the RNC was not hacked, according to The Washington Post. \
Hillary Clinton's campaign chairman John Podesta said she was not surprised. Clinton declined to comment.\n";

fn bench(c: &mut Criterion) {
    let text = TEXT.repeat(6);
    let seg = whosaid_nlp::Segmenter::english().expect("embedded boundary model");
    let mut base = Document::new(text);
    seg.process(&mut base).expect("segment");
    let stage = whosaid_entities::EntityStage::new().expect("model");
    let mut g = c.benchmark_group("entities");
    g.throughput(Throughput::Elements(base.tokens.len() as u64));
    g.bench_function("stage", |b| {
        b.iter(|| {
            let mut d = base.clone();
            stage.process(&mut d).expect("stage");
            d.mentions.len()
        })
    });
    let stages: Vec<Box<dyn Stage>> = whosaid_nlp::english_stages()
        .expect("nlp models")
        .into_iter()
        .chain(whosaid_entities::english_stages().expect("entity model"))
        .collect();
    let raw = base.text.clone();
    g.bench_function("foundation", |b| {
        b.iter(|| {
            let mut d = Document::new(raw.as_str());
            for s in &stages {
                s.process(&mut d).expect("stage");
            }
            d.mentions.len()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
