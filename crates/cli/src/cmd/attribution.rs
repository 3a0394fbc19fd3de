//! `whosaid train attribution` and `whosaid eval polnear`.

use super::CmdResult;
use anyhow::Context;
use rayon::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;
use whosaid_attribution::polnear::{read_split, read_split_all_annotators};
use whosaid_attribution::{train as train_model, Enricher, Extractor, TrainOptions};
use whosaid_core::{Document, Pipeline};

#[derive(clap::Subcommand)]
pub enum Train {
    /// Train the attribution model on PolNeAR train (tune on dev).
    Attribution {
        /// PolNeAR root holding train/ and dev/.
        #[arg(long, default_value = "../shared/data/polnear")]
        data: PathBuf,
        /// Where to write the model.
        #[arg(long, default_value = "models/attribution.bin")]
        out: PathBuf,
        #[arg(long, default_value_t = 7)]
        seed: u64,
        /// Passes over the data for the cue tagger.
        #[arg(long, default_value_t = 10)]
        cue_epochs: usize,
        /// Passes over the data for the role tagger.
        #[arg(long, default_value_t = 10)]
        role_epochs: usize,
        /// log2 of the hashed feature buckets per tagger.
        #[arg(long, default_value_t = 18)]
        bits: u32,
        /// Added to the cue tagger's "begin a cue" bias (recall/precision trade-off, tuned on dev).
        #[arg(long, default_value_t = 3.0, allow_hyphen_values = true)]
        cue_bias: f32,
        /// Models to train with seeds seed, seed+1, … and average (an ensemble).
        #[arg(long, default_value_t = 5)]
        ensemble: u64,
        /// Train on every annotator's file of multiply-annotated articles (default: the first only).
        #[arg(long)]
        all_annotators: bool,
        /// Zero weights below this fraction of the largest (model size).
        #[arg(long, default_value_t = 0.002)]
        prune: f32,
    },
}

#[derive(clap::Subcommand)]
pub enum Eval {
    /// Score attributions against a PolNeAR split (DIR/text, DIR/attributions).
    Polnear {
        dir: PathBuf,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
        /// Exit non-zero when linked attribution F1 is below this.
        #[arg(long)]
        min_linked_f1: Option<f64>,
        /// Exit non-zero when content overlap F1 is below this.
        #[arg(long)]
        min_content_overlap_f1: Option<f64>,
        /// Parse with the reparsing ensemble (`whosaid nlp --accurate`).
        #[arg(long)]
        accurate: bool,
    },
    /// Score the source-kind rules on a GUM CoNLL-U file: every non-pronoun
    /// subject mention typed as a source, against GUM's entity types.
    Kinds {
        file: PathBuf,
        /// Print each typed subject (gold type, kind, text).
        #[arg(long)]
        verbose: bool,
        /// Exit non-zero when the share of subjects typed right is below this.
        #[arg(long)]
        min_accuracy: Option<f64>,
    },
}

/// The default pipeline's stages before attribution extraction: the
/// features the model is trained on must come from the same layers.
fn pre_pipeline() -> anyhow::Result<Pipeline> {
    Ok(whosaid::layers_pipeline()?)
}

fn analyse_all(pre: &Pipeline, texts: Vec<String>) -> anyhow::Result<Vec<Document>> {
    texts
        .into_par_iter()
        .map(|t| {
            let mut d = Document::new(t);
            pre.run(&mut d)?;
            Ok(d)
        })
        .collect()
}

pub fn train(cmd: Train) -> CmdResult {
    let Train::Attribution {
        data,
        out,
        seed,
        cue_epochs,
        role_epochs,
        bits,
        cue_bias,
        all_annotators,
        ensemble,
        prune,
    } = cmd;
    let t0 = Instant::now();
    let train_split = if all_annotators {
        read_split_all_annotators(&data.join("train"))?
    } else {
        read_split(&data.join("train"))?
    };
    let pre = pre_pipeline()?;
    let texts = train_split.iter().map(|a| a.text.clone()).collect();
    let docs = analyse_all(&pre, texts)?;
    let pairs: Vec<(Document, _)> = docs
        .into_iter()
        .zip(train_split.into_iter().map(|a| a.attributions))
        .collect();
    eprintln!(
        "read and analysed {} training articles in {:.1} s",
        pairs.len(),
        t0.elapsed().as_secs_f64()
    );
    let t1 = Instant::now();
    let models: Vec<_> = (0..ensemble.max(1))
        .map(|k| {
            let opts = TrainOptions {
                seed: seed + k,
                cue_epochs,
                role_epochs,
                bits,
            };
            train_model(&pairs, &opts)
        })
        .collect();
    let mut model = whosaid_attribution::Model::average(&models).context("no model trained")?;
    model.boost_cues(cue_bias);
    eprintln!("trained in {:.1} s", t1.elapsed().as_secs_f64());
    let bytes = model.to_bytes(prune)?;
    std::fs::write(&out, &bytes).with_context(|| format!("writing {}", out.display()))?;
    eprintln!("wrote {} ({} bytes)", out.display(), bytes.len());
    // Dev score of the model as written (quantised), with the full pipeline.
    let dev = data.join("dev");
    if dev.exists() {
        let mut p = pre_pipeline()?;
        p.push(Box::new(Extractor::from_bytes(&bytes)?));
        p.push(Box::new(Enricher::new()));
        let engine = whosaid::Engine::from_pipeline(p);
        let (report, _) = whosaid_eval::polnear::evaluate(&engine, &dev)?;
        eprint!("dev:\n{}", report.to_table());
    }
    Ok(ExitCode::SUCCESS)
}

pub fn eval(cmd: Eval) -> CmdResult {
    let (dir, json, min_linked_f1, min_content_overlap_f1, accurate) = match cmd {
        Eval::Polnear {
            dir,
            json,
            min_linked_f1,
            min_content_overlap_f1,
            accurate,
        } => (dir, json, min_linked_f1, min_content_overlap_f1, accurate),
        Eval::Kinds {
            file,
            verbose,
            min_accuracy,
        } => return eval_kinds(&file, verbose, min_accuracy),
    };
    let engine = whosaid::Engine::english_with(super::nlp::parser_model(accurate))?;
    let (report, _) = whosaid_eval::polnear::evaluate(&engine, &dir)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{}", report.to_table());
    }
    let mut ok = true;
    if let Some(min) = min_linked_f1 {
        if report.linked.f1 < min {
            eprintln!(
                "linked attribution F1 {:.3} is below the floor {min}",
                report.linked.f1
            );
            ok = false;
        }
    }
    if let Some(min) = min_content_overlap_f1 {
        if report.content.overlap.f1 < min {
            eprintln!(
                "content overlap F1 {:.3} is below the floor {min}",
                report.content.overlap.f1
            );
            ok = false;
        }
    }
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// `whosaid eval kinds FILE`: the source-kind rules on GUM's subjects.
fn eval_kinds(file: &std::path::Path, verbose: bool, min_accuracy: Option<f64>) -> CmdResult {
    let docs = whosaid_eval::coref::read_gum(file)
        .with_context(|| format!("reading {}", file.display()))?;
    // The gold tokens, sentences and paragraphs stay; everything else is the pipeline's.
    let mut stages = whosaid_nlp::english_stages()?;
    stages.retain(|s| s.name() != "segment");
    stages.extend(whosaid_entities::english_stages()?);
    let mut total = whosaid_eval::kinds::Confusion::default();
    for gd in docs {
        let mut doc = gd.document();
        for s in &stages {
            s.process(&mut doc)?;
        }
        for d in whosaid_eval::kinds::decisions(&gd, &doc, whosaid_attribution::source_kind_of) {
            if verbose {
                println!(
                    "{}\t{}\t{:?}\t{}",
                    if d.correct() { "ok" } else { "WRONG" },
                    d.etype,
                    d.kind,
                    d.text.replace('\n', " ")
                );
            }
            total.add(&d);
        }
    }
    println!("file\t{}", file.display());
    print!("{}", total.to_table());
    println!(
        "subjects typed right\t{:.4}\t({} / {})",
        total.accuracy(),
        total.correct(),
        total.total()
    );
    println!("person precision\t{:.4}", total.person_precision());
    if let Some(min) = min_accuracy {
        if total.accuracy() < min {
            eprintln!(
                "subjects typed right {:.3} is below the floor {min}",
                total.accuracy()
            );
            return Ok(ExitCode::FAILURE);
        }
    }
    Ok(ExitCode::SUCCESS)
}
