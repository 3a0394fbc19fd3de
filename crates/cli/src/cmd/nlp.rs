//! `whosaid nlp`, `whosaid train tagger|parser`, `whosaid eval ud|sentences`.

use super::CmdResult;
use std::path::PathBuf;

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
    /// Train the POS tagger and dependency parser.
    Parser {
        #[arg(long, default_value = "../shared/data")]
        data: PathBuf,
        #[arg(long, default_value = "models")]
        out: PathBuf,
    },
}

#[derive(clap::Subcommand)]
pub enum Eval {
    /// UPOS/XPOS/UAS/LAS on a gold CoNLL-U file.
    Ud { file: PathBuf },
}

pub fn run(_args: Args) -> CmdResult {
    anyhow::bail!("the nlp command is not built yet")
}

pub fn train(_cmd: Train) -> CmdResult {
    anyhow::bail!("parser training is not built yet")
}

pub fn eval(_cmd: Eval) -> CmdResult {
    anyhow::bail!("UD evaluation is not built yet")
}
