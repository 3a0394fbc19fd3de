//! Trains the tagger on EWT train and scores EWT dev (or a file given as the
//! second argument): `cargo run --release -p whosaid-nlp --example tagger_dev -- DATA_DIR [EPOCHS] [EVAL_FILE]`.
//! Environment: `EXTRA=a.conllu.gz,b.conllu.gz` adds gold training files;
//! `CLUSTERS=128` adds word classes induced from the training words and the
//! texts under `UNLABELED` (default PolNeAR train), with `ITERS` exchange
//! passes (default 10; plain-text files only: `whosaid train tagger` also
//! reads the WCXB JSON bodies); `ENSEMBLE=3` averages three models (seeds
//! `SEED`, default 7, and up); `SILVER=…/polnear-corenlp/train.conllu.gz
//! SILVER_EVERY=8` adds silver news for the XPOS pass. `whosaid train
//! tagger` uses GUM Wikinews train, 128 classes (10 passes) over PolNeAR
//! train and the WCXB bodies, an ensemble of 3 and that silver by default.

use std::io::Read;
use std::time::Instant;
use whosaid_nlp::tagger;

fn read(path: &str) -> Vec<tagger::TaggedSentence> {
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path).expect("open"))
        .read_to_string(&mut text)
        .expect("gzip");
    tagger::read_conllu(&text)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args
        .get(1)
        .map_or("/work/shared/data/ud-ewt", String::as_str);
    let epochs: usize = args.get(2).and_then(|e| e.parse().ok()).unwrap_or(12);
    let mut train = read(&format!("{dir}/en_ewt-ud-train.conllu.gz"));
    // EXTRA=path1,path2: more gold training files (e.g. GUM Wikinews train).
    if let Ok(extra) = std::env::var("EXTRA") {
        for p in extra.split(',').filter(|p| !p.is_empty()) {
            train.extend(read(p));
        }
    }
    let eval_file = args
        .get(3)
        .cloned()
        .unwrap_or_else(|| format!("{dir}/en_ewt-ud-dev.conllu.gz"));
    let dev = read(&eval_file);
    let start = Instant::now();
    // CLUSTERS=N: word classes from the training forms plus the texts of
    // the folder UNLABELED (default PolNeAR train).
    let classes: usize = std::env::var("CLUSTERS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let clusters = if classes > 0 {
        let dir = std::env::var("UNLABELED")
            .unwrap_or_else(|_| "/work/shared/data/polnear/train/text".into());
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .expect("unlabeled dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        names.sort();
        let texts: Vec<String> = names
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .collect();
        let mut corpus = whosaid_nlp::clusters::segment_texts(texts.iter().map(String::as_str));
        corpus.extend(train.iter().map(|s| s.words.clone()));
        let iters: usize = std::env::var("ITERS")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(10);
        let c = whosaid_nlp::clusters::Clusters::induce(&corpus, classes, iters);
        eprintln!(
            "{} word classes over {} words in {:.1} s",
            classes,
            c.len(),
            start.elapsed().as_secs_f64()
        );
        c
    } else {
        Default::default()
    };
    let start = Instant::now();
    let env = |k: &str, d: usize| {
        std::env::var(k)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(d)
    };
    let options = tagger::TrainOptions {
        epochs,
        seed: env("SEED", 7) as u64,
        ensemble: env("ENSEMBLE", 1),
        silver_every: env("SILVER_EVERY", 0),
    };
    // SILVER=file: machine-tagged XPOS (CoreNLP CoNLL-U, no UPOS) for the
    // XPOS pass, its words spelt as in the texts of SILVER_TEXT (default
    // PolNeAR train); SILVER_EVERY=k: one in k silver sentences per epoch.
    let silver: Vec<tagger::TaggedSentence> = std::env::var("SILVER")
        .map(|p| {
            let mut raw = String::new();
            flate2::read::GzDecoder::new(std::fs::File::open(&p).expect("open"))
                .read_to_string(&mut raw)
                .expect("gzip");
            let texts = std::env::var("SILVER_TEXT")
                .unwrap_or_else(|_| "/work/shared/data/polnear/train/text".into());
            tagger::read_silver(&raw, |name| {
                std::fs::read_to_string(format!("{texts}/{name}.txt")).unwrap_or_default()
            })
        })
        .unwrap_or_default();
    let model = tagger::train_with(&train, &silver, &clusters, &options);
    let train_secs = start.elapsed().as_secs_f64();
    let bytes = model.to_bytes();
    if let Ok(out) = std::env::var("WRITE") {
        std::fs::write(out, &bytes).expect("write model");
    }
    let model = tagger::Tagger::from_bytes(&bytes).expect("round trip");
    let start = Instant::now();
    let (x, u) = tagger::accuracy(&model, &dev);
    let secs = start.elapsed().as_secs_f64();
    if std::env::var_os("CONFUSIONS").is_some() {
        let mut conf: std::collections::HashMap<(String, String), usize> = Default::default();
        let mut words: std::collections::HashMap<String, usize> = Default::default();
        for s in &dev {
            let ws: Vec<&str> = s.words.iter().map(String::as_str).collect();
            for (i, (px, _)) in model.tag(&ws).into_iter().enumerate() {
                if px != s.xpos[i] {
                    *conf
                        .entry((s.xpos[i].as_str().into(), px.as_str().into()))
                        .or_default() += 1;
                    *words
                        .entry(format!(
                            "{} {}->{}",
                            s.words[i],
                            s.xpos[i].as_str(),
                            px.as_str()
                        ))
                        .or_default() += 1;
                }
            }
        }
        let mut v: Vec<_> = conf.into_iter().collect();
        v.sort_by_key(|e| std::cmp::Reverse(e.1));
        for ((g, p), n) in v.iter().take(30) {
            println!("{g} -> {p}: {n}");
        }
        let mut v: Vec<_> = words.into_iter().collect();
        v.sort_by_key(|e| std::cmp::Reverse(e.1));
        for (w, n) in v.iter().take(40) {
            println!("{w}: {n}");
        }
    }
    if std::env::var_os("UCONF").is_some() {
        let mut conf: std::collections::HashMap<String, usize> = Default::default();
        let (mut xok_uerr, mut xerr_uerr, mut xerr_uok) = (0, 0, 0);
        for s in &dev {
            let ws: Vec<&str> = s.words.iter().map(String::as_str).collect();
            for (i, (px, pu)) in model.tag(&ws).into_iter().enumerate() {
                let xo = px == s.xpos[i];
                let uo = pu == s.upos[i];
                match (xo, uo) {
                    (true, false) => xok_uerr += 1,
                    (false, false) => xerr_uerr += 1,
                    (false, true) => xerr_uok += 1,
                    _ => {}
                }
                if !uo {
                    *conf
                        .entry(format!(
                            "{}->{} ({}->{}) xok={}",
                            s.upos[i].as_str(),
                            pu.as_str(),
                            s.xpos[i].as_str(),
                            px.as_str(),
                            xo
                        ))
                        .or_default() += 1;
                }
            }
        }
        println!("xok_uerr {xok_uerr} xerr_uerr {xerr_uerr} xerr_uok {xerr_uok}");
        let mut v: Vec<_> = conf.into_iter().collect();
        v.sort_by_key(|e| std::cmp::Reverse(e.1));
        for (g, n) in v.iter().take(45) {
            println!("{g}: {n}");
        }
    }
    let tokens: usize = dev.iter().map(|s| s.words.len()).sum();
    // CPU time (utime + stime, clock ticks) of this process, so a loaded
    // machine does not skew the speed much.
    let cpu = || -> f64 {
        let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
        let rest = stat.rsplit(')').next().unwrap_or("");
        let f: Vec<f64> = rest
            .split_whitespace()
            .map(|x| x.parse().unwrap_or(0.0))
            .collect();
        (f.get(11).copied().unwrap_or(0.0) + f.get(12).copied().unwrap_or(0.0)) / 100.0
    };
    let words: Vec<Vec<&str>> = dev
        .iter()
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect();
    let c0 = cpu();
    let mut n = 0usize;
    for _ in 0..10 {
        for w in &words {
            n += model.tag(w).len();
        }
    }
    println!(
        "tag only: {:.0} tokens per CPU second",
        n as f64 / (cpu() - c0).max(1e-9)
    );
    println!(
        "train {train_secs:.1} s; {} bytes; XPOS {:.2} %  UPOS {:.2} %; {:.0} tokens/s",
        bytes.len(),
        x * 100.0,
        u * 100.0,
        tokens as f64 / secs
    );
}
