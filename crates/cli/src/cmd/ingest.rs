//! `whosaid extract` and `whosaid eval extraction`.

use super::CmdResult;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct ExtractArgs {
    /// Files (HTML, WARC, RSS/Atom, JSONL, CSV, text), or - for standard input.
    pub inputs: Vec<PathBuf>,
    #[arg(long, default_value = "plain")]
    pub format: String,
}

#[derive(clap::Subcommand)]
pub enum Eval {
    /// Score main-text and metadata extraction on a WCXB-layout directory.
    Extraction { dir: PathBuf },
}

pub fn extract(_args: ExtractArgs) -> CmdResult {
    anyhow::bail!("extract is not built yet")
}

pub fn eval(_cmd: Eval) -> CmdResult {
    anyhow::bail!("extraction evaluation is not built yet")
}
