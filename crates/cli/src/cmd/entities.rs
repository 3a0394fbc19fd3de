//! `whosaid train ner`, `whosaid eval ner` and `whosaid eval coref`.

use super::CmdResult;
use anyhow::Context;
use std::path::PathBuf;
use whosaid_entities::tagger::{spans, NameType, LABELS};
use whosaid_entities::{train, Tagger};

#[derive(clap::Subcommand)]
pub enum Train {
    /// Train the named-entity model (UNER EWT train + PolNeAR CoreNLP silver train;
    /// word classes induced from those texts, GUM Wikinews train and WCXB article bodies).
    Ner {
        #[arg(long, default_value = "../shared/data")]
        data: PathBuf,
        #[arg(long, default_value = "models/ner.bin")]
        out: PathBuf,
        /// Leave out the PolNeAR silver data.
        #[arg(long)]
        no_silver: bool,
        #[arg(long, default_value_t = 8)]
        epochs: usize,
        /// log2 of the hashed feature table size.
        #[arg(long, default_value_t = 18)]
        bits: u32,
        #[arg(long, default_value_t = 7)]
        seed: u64,
        /// How many times the UNER sentences are repeated in the mix (weights gold over silver).
        #[arg(long, default_value_t = 3)]
        uner_repeat: usize,
        /// How many times GUM Wikinews train names are added (0: none; no gain on UNER dev).
        #[arg(long, default_value_t = 0)]
        gum_repeat: usize,
        /// Train without the distributional word classes.
        #[arg(long)]
        no_classes: bool,
        /// Experiments only: a folder of place names in the GeoNames JSON
        /// layout read by `train::read_places`, or `builtin` for the
        /// hand-written list the resolver uses (`crates/entities/data/places.txt`),
        /// for the gazetteer features. The shipped model is trained without
        /// one (neither list gained on UNER dev), so its gazetteer is empty
        /// and those features off.
        #[arg(long)]
        places: Option<PathBuf>,
    },
}

#[derive(clap::Subcommand)]
pub enum Eval {
    /// Entity F1 on a UNER IOB2 file (PER/ORG/LOC; gold tokens; each
    /// document tagged as a whole, as the pipeline does).
    Ner {
        file: PathBuf,
        /// Use this model file instead of the embedded one.
        #[arg(long)]
        model: Option<PathBuf>,
        /// Print missed (-) and spurious (+) spans.
        #[arg(long)]
        errors: bool,
    },
    /// Pronoun → named-person antecedent accuracy on a GUM CoNLL-U file.
    Coref {
        file: PathBuf,
        /// Print each pronoun decision.
        #[arg(long)]
        verbose: bool,
        /// Use this NER model file instead of the embedded one.
        #[arg(long)]
        model: Option<PathBuf>,
    },
}

pub fn train(cmd: Train) -> CmdResult {
    let Train::Ner {
        data,
        out,
        no_silver,
        epochs,
        bits,
        seed,
        uner_repeat,
        gum_repeat,
        no_classes,
        places,
    } = cmd;
    let uner = data.join("uner-ewt/en_ewt-uner-train.iob2.gz");
    let mut sents =
        train::read_iob2(&uner).with_context(|| format!("reading {}", uner.display()))?;
    eprintln!("UNER train: {} sentences (×{uner_repeat})", sents.len());
    let one = sents.clone();
    for _ in 1..uner_repeat {
        sents.extend(one.iter().cloned());
    }
    let gum = data.join("gum-wikinews/gum-wikinews-train.conllu.gz");
    if gum_repeat > 0 {
        let g = train::read_gum(&gum).with_context(|| format!("reading {}", gum.display()))?;
        eprintln!("GUM train: {} sentences (×{gum_repeat})", g.len());
        for _ in 0..gum_repeat {
            sents.extend(g.iter().cloned());
        }
    }
    if !no_silver {
        let pn = data.join("polnear-corenlp/train.conllu.gz");
        let s = train::read_corenlp(&pn).with_context(|| format!("reading {}", pn.display()))?;
        eprintln!("PolNeAR silver train: {} sentences", s.len());
        sents.extend(s);
    }
    let classes = if no_classes {
        Default::default()
    } else {
        let t0 = std::time::Instant::now();
        let text = unlabeled_text(&data, &one, &gum)?;
        let toks: usize = text.iter().map(|s| s.len()).sum();
        let opts = whosaid_entities::classes::ClassOptions {
            seed,
            ..Default::default()
        };
        let c = whosaid_entities::classes::WordClasses::induce(&text, &opts);
        eprintln!(
            "word classes: {} words from {toks} tokens ({:.1} s)",
            c.len(),
            t0.elapsed().as_secs_f64()
        );
        c
    };
    let opts = train::TrainOptions {
        epochs,
        bits,
        seed,
        ensemble: 1,
    };
    let places = match places {
        Some(dir) if dir.as_os_str() == "builtin" => {
            let g = whosaid_entities::gazetteer::Gazetteer::builtin();
            eprintln!("gazetteer: built-in place list ({} keys)", g.len());
            g
        }
        Some(dir) => {
            let names = train::read_places(&dir)
                .with_context(|| format!("reading place names in {}", dir.display()))?;
            let g = whosaid_entities::gazetteer::Gazetteer::from_names(&names);
            eprintln!("gazetteer: {} place names ({} keys)", names.len(), g.len());
            g
        }
        None => Default::default(),
    };
    let tagger = train::train(&sents, classes, places, &opts, |ep, errs, toks| {
        eprintln!(
            "epoch {}: {:.4} token error rate",
            ep + 1,
            errs as f64 / toks.max(1) as f64
        );
    });
    let bytes = tagger.to_bytes();
    std::fs::write(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
    Ok(std::process::ExitCode::SUCCESS)
}

/// Unlabeled text for the word classes: UNER train, PolNeAR CoreNLP train and GUM
/// Wikinews train word forms, and the WCXB article bodies (dev split's ground truth).
fn unlabeled_text(
    data: &std::path::Path,
    uner: &[train::TaggedSentence],
    gum: &std::path::Path,
) -> anyhow::Result<Vec<Vec<String>>> {
    let mut text: Vec<Vec<String>> = uner.iter().map(|s| s.words.clone()).collect();
    let pn = data.join("polnear-corenlp/train.conllu.gz");
    text.extend(
        train::read_conllu_forms(&pn).with_context(|| format!("reading {}", pn.display()))?,
    );
    text.extend(
        train::read_conllu_forms(gum).with_context(|| format!("reading {}", gum.display()))?,
    );
    let dir = data.join("wcxb-articles/ground-truth");
    for (_, body) in super::raw_texts(&[dir])? {
        text.extend(whosaid_entities::classes::tokenize_plain(&body));
    }
    Ok(text)
}

fn load_tagger(model: Option<PathBuf>) -> anyhow::Result<Tagger> {
    Ok(match model {
        Some(p) => {
            let b = std::fs::read(&p).with_context(|| format!("reading {}", p.display()))?;
            Tagger::from_bytes(&b).with_context(|| format!("loading {}", p.display()))?
        }
        None => whosaid_entities::embedded_tagger()?,
    })
}

pub fn eval(cmd: Eval) -> CmdResult {
    match cmd {
        Eval::Ner {
            file,
            model,
            errors,
        } => {
            let tagger = load_tagger(model)?;
            let sents =
                train::read_iob2(&file).with_context(|| format!("reading {}", file.display()))?;
            let mut gold = Vec::new();
            let mut pred = Vec::new();
            // Tagged a document at a time (`# newdoc id`), as the pipeline
            // does: a name tagged in one sentence is tagged where it repeats.
            let mut labels: Vec<Vec<usize>> = Vec::with_capacity(sents.len());
            for doc in sents.chunk_by(|a, b| a.doc == b.doc) {
                let words: Vec<&[String]> = doc.iter().map(|s| s.words.as_slice()).collect();
                labels.extend(tagger.tag_document(&words));
            }
            for (si, s) in sents.iter().enumerate() {
                let tags: Vec<&str> = s.labels.iter().map(|&l| LABELS[l]).collect();
                gold.extend(whosaid_eval::ner::iob2_spans(si, &tags));
                for (a, b, t) in spans(&labels[si]) {
                    let t = match t {
                        NameType::Per => "PER",
                        NameType::Org => "ORG",
                        NameType::Loc => "LOC",
                    };
                    pred.push((si, a, b, t.to_string()));
                }
            }
            if errors {
                let text = |si: usize, a: usize, b: usize| sents[si].words[a..b].join(" ");
                for g in gold.iter().filter(|g| !pred.contains(g)) {
                    println!("-\t{}\t{}", g.3, text(g.0, g.1, g.2));
                }
                for p in pred.iter().filter(|p| !gold.contains(p)) {
                    println!("+\t{}\t{}", p.3, text(p.0, p.1, p.2));
                }
            }
            let (all, per) = whosaid_eval::ner::score(&gold, &pred);
            println!("file\t{}", file.display());
            println!("sentences\t{}", sents.len());
            for (t, p) in per
                .iter()
                .chain(std::iter::once(&("ALL".to_string(), all.clone())))
            {
                println!(
                    "{t}\tP {:.4}\tR {:.4}\tF1 {:.4}\t(gold {}, pred {}, correct {})",
                    p.precision(),
                    p.recall(),
                    p.f1(),
                    p.gold,
                    p.pred,
                    p.tp
                );
            }
            Ok(std::process::ExitCode::SUCCESS)
        }
        Eval::Coref {
            file,
            verbose,
            model,
        } => {
            let docs = whosaid_eval::coref::read_gum(&file)
                .with_context(|| format!("reading {}", file.display()))?;
            let mut stages = whosaid_nlp::english_stages()?;
            stages.retain(|s| s.name() != "segment");
            let ent = whosaid_entities::EntityStage::with_tagger(load_tagger(model)?);
            let mut total = whosaid_eval::coref::Accuracy::default();
            let mut descriptions = whosaid_eval::coref::Accuracy::default();
            for gd in docs {
                let mut doc = gd.document();
                for s in &stages {
                    s.process(&mut doc)?;
                }
                whosaid_core::Stage::process(&ent, &mut doc)?;
                let acc = whosaid_eval::coref::score(&gd, &doc, verbose);
                total.correct += acc.correct;
                total.total += acc.total;
                total.resolved += acc.resolved;
                let acc = whosaid_eval::coref::score_descriptions(&gd, &doc, verbose);
                descriptions.correct += acc.correct;
                descriptions.total += acc.total;
                descriptions.resolved += acc.resolved;
            }
            println!("file\t{}", file.display());
            println!(
                "pronoun→named-person antecedent accuracy\t{:.4}\t({} / {}; {} resolved to some entity)",
                total.accuracy(),
                total.correct,
                total.total,
                total.resolved
            );
            println!(
                "definite description→named-person antecedent accuracy\t{:.4}\t({} / {}; {} resolved to some entity)",
                descriptions.accuracy(),
                descriptions.correct,
                descriptions.total,
                descriptions.resolved
            );
            Ok(std::process::ExitCode::SUCCESS)
        }
    }
}
