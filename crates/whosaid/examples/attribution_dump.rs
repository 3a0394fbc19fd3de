//! Dumps tokens, raw extractor output and enriched output of a PolNeAR split
//! as tab-separated lines, for error analysis scripts:
//! `cargo run --release -p whosaid --example attribution_dump -- DIR > OUT`.

use whosaid_attribution::polnear::read_split;
use whosaid_attribution::{Enricher, Extractor};
use whosaid_core::{Attribution, Document, Region, Stage};

fn reg(r: &Option<Region>) -> String {
    match r {
        None => "-".into(),
        Some(r) => r
            .parts()
            .iter()
            .map(|s| format!("{},{}", s.start, s.end))
            .collect::<Vec<_>>()
            .join(";"),
    }
}

fn attrs(tag: &str, a: &[Attribution]) {
    for x in a {
        println!(
            "{tag}\t{}\t{}\t{}\t{:.3}",
            reg(&x.source),
            reg(&Some(x.cue.clone())),
            reg(&x.content),
            x.score
        );
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).unwrap_or_default();
    let arts = read_split(std::path::Path::new(&dir))?;
    let p = whosaid::layers_pipeline()?;
    let ex = match std::env::args().nth(2) {
        Some(m) => Extractor::from_bytes(&std::fs::read(m)?)?,
        None => Extractor::english()?,
    };
    let en = Enricher::new();
    for a in &arts {
        let mut d = Document::new(a.text.clone());
        p.run(&mut d)?;
        println!("DOC\t{}", a.name);
        for (si, s) in d.sentences.iter().enumerate() {
            for i in s.tokens[0]..s.tokens[1] {
                let t = &d.tokens[i as usize];
                println!(
                    "TOK\t{i}\t{}\t{}\t{si}\t{:?}\t{:?}\t{}\t{}\t{:?}",
                    t.span.start,
                    t.span.end,
                    t.upos,
                    t.xpos,
                    t.lemma,
                    t.head.map_or(-1, |h| h as i64),
                    t.deprel
                );
            }
        }
        ex.process(&mut d)?;
        attrs("RAW", &d.attributions);
        en.process(&mut d)?;
        attrs("FIN", &d.attributions);
    }
    Ok(())
}
