//! `whosaid train ner`, `whosaid eval ner` and `whosaid eval coref`.

use super::CmdResult;
use std::path::PathBuf;

#[derive(clap::Subcommand)]
pub enum Train {
    /// Train the named-entity model.
    Ner {
        #[arg(long, default_value = "../shared/data")]
        data: PathBuf,
        #[arg(long, default_value = "models/ner.bin")]
        out: PathBuf,
    },
}

#[derive(clap::Subcommand)]
pub enum Eval {
    /// Entity F1 on a UNER IOB2 file.
    Ner { file: PathBuf },
    /// Pronoun → named-person antecedent accuracy on a GUM CoNLL-U file.
    Coref { file: PathBuf },
}

pub fn train(_cmd: Train) -> CmdResult {
    anyhow::bail!("NER training is not built yet")
}

pub fn eval(_cmd: Eval) -> CmdResult {
    anyhow::bail!("entity evaluation is not built yet")
}
