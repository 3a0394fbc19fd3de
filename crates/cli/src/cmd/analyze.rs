//! `whosaid analyze`: the main job.

use super::CmdResult;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories to analyse, or - for standard input.
    #[arg(default_value = "-")]
    pub inputs: Vec<PathBuf>,
}

pub fn run(_args: Args) -> CmdResult {
    anyhow::bail!("analyze is not built yet")
}
