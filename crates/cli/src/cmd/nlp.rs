//! `whosaid nlp`, `whosaid train tagger`, `whosaid eval ud`.

use super::CmdResult;
use anyhow::Context;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;
use whosaid_nlp::tagger;

#[derive(clap::Args)]
pub struct Args {
    /// A text file, or - for standard input.
    #[arg(default_value = "-")]
    pub input: PathBuf,
    #[arg(long, default_value = "conllu")]
    pub format: String,
    /// Read CoNLL-U and tag/parse its tokens.
    #[arg(long)]
    pub pretokenized: bool,
}

#[derive(clap::Subcommand)]
pub enum Train {
    /// Train the POS tagger (XPOS + UPOS) on UD English EWT train.
    Tagger {
        /// UD EWT folder.
        #[arg(long, default_value = "../shared/data/ud-ewt")]
        data: PathBuf,
        #[arg(long, default_value = "models/tagger.bin")]
        out: PathBuf,
        #[arg(long, default_value_t = 12)]
        epochs: usize,
        #[arg(long, default_value_t = 7)]
        seed: u64,
    },
}

#[derive(clap::Subcommand)]
pub enum Eval {
    /// XPOS/UPOS accuracy (gold tokens) on a CoNLL-U file, and tokens/s.
    Ud { file: PathBuf },
}

pub fn run(_args: Args) -> CmdResult {
    anyhow::bail!("the nlp command is not built yet")
}

/// Reads a CoNLL-U file, gzip-compressed or not.
fn read_conllu(path: &Path) -> anyhow::Result<Vec<tagger::TaggedSentence>> {
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut text = String::new();
    if bytes.starts_with(&[0x1f, 0x8b]) {
        flate2::read::GzDecoder::new(bytes.as_slice())
            .read_to_string(&mut text)
            .with_context(|| format!("{}: not valid gzip'd UTF-8", path.display()))?;
    } else {
        text = String::from_utf8(bytes)
            .with_context(|| format!("{}: not valid UTF-8", path.display()))?;
    }
    let sentences = tagger::read_conllu(&text);
    anyhow::ensure!(
        !sentences.is_empty(),
        "{}: no CoNLL-U sentences",
        path.display()
    );
    Ok(sentences)
}

pub fn train(cmd: Train) -> CmdResult {
    let Train::Tagger {
        data,
        out,
        epochs,
        seed,
    } = cmd;
    let train = read_conllu(&data.join("en_ewt-ud-train.conllu.gz"))?;
    let dev = read_conllu(&data.join("en_ewt-ud-dev.conllu.gz"))?;
    let start = Instant::now();
    let model = tagger::train(&train, epochs, seed);
    eprintln!(
        "trained on {} sentences in {:.1} s",
        train.len(),
        start.elapsed().as_secs_f64()
    );
    let bytes = model.to_bytes();
    std::fs::write(&out, &bytes).with_context(|| format!("cannot write {}", out.display()))?;
    // Score what was written, after quantisation.
    let written = tagger::Tagger::from_bytes(&bytes)?;
    let (x, u) = tagger::accuracy(&written, &dev);
    println!(
        "wrote {} ({} bytes); EWT dev: XPOS {:.2} %, UPOS {:.2} %",
        out.display(),
        bytes.len(),
        x * 100.0,
        u * 100.0
    );
    Ok(ExitCode::SUCCESS)
}

pub fn eval(cmd: Eval) -> CmdResult {
    let Eval::Ud { file } = cmd;
    let gold = read_conllu(&file)?;
    let model = tagger::Tagger::english().context("the embedded tagger model does not load")?;
    let start = Instant::now();
    let (x, u) = tagger::accuracy(&model, &gold);
    let secs = start.elapsed().as_secs_f64();
    let tokens: usize = gold.iter().map(|s| s.words.len()).sum();
    println!(
        "{}: {} sentences, {tokens} tokens (gold tokenisation)",
        file.display(),
        gold.len()
    );
    println!("XPOS {:.2} %  UPOS {:.2} %", x * 100.0, u * 100.0);
    println!(
        "tagging speed: {:.0} tokens/s (one thread)",
        tokens as f64 / secs.max(1e-9)
    );
    Ok(ExitCode::SUCCESS)
}
