//! Throughput of the nlp stages on a news-like article: segment, tag and
//! parse together, and each of tag and parse alone (tokens/s).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use whosaid_core::{Document, Stage};
use whosaid_nlp::{ParseStage, Parser, Segmenter, TagStage, Tagger};

const TEXT: &str = "US intelligence officials believe Russian President Vladimir Putin was likely directly involved in the hacking campaign, NBC News reported Tuesday. \
The Russian president sought to weaken America, Michael McFaul, former ambassador to Russia, told NBC. \
“And most certainly he likes President-elect Trump’s views on Russia,” he added. \
The Republican National Committee said the RNC was not hacked, according to The Washington Post. \
Hillary Clinton's campaign chairman John Podesta said she was not surprised. Clinton declined to comment.\n";

fn bench(c: &mut Criterion) {
    let text = TEXT.repeat(6);
    let seg = Segmenter::english().expect("embedded boundary model");
    let tag = TagStage::new(Tagger::english().expect("tagger model"));
    let parse = ParseStage::new(Parser::english().expect("parser model"));
    let mut segmented = Document::new(text.clone());
    seg.process(&mut segmented).expect("segment");
    let mut tagged = segmented.clone();
    tag.process(&mut tagged).expect("tag");
    let mut g = c.benchmark_group("nlp");
    g.throughput(Throughput::Elements(segmented.tokens.len() as u64));
    g.bench_function("segment+tag+parse", |b| {
        b.iter(|| {
            let mut d = Document::new(text.clone());
            seg.process(&mut d).expect("segment");
            tag.process(&mut d).expect("tag");
            parse.process(&mut d).expect("parse");
            d.tokens.len()
        })
    });
    g.bench_function("tag", |b| {
        b.iter(|| {
            let mut d = segmented.clone();
            tag.process(&mut d).expect("tag");
            d.tokens.len()
        })
    });
    g.bench_function("parse", |b| {
        b.iter(|| {
            let mut d = tagged.clone();
            parse.process(&mut d).expect("parse");
            d.tokens.len()
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
