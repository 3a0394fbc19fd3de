//! `whosaid train attribution` and `whosaid eval polnear`.

use super::CmdResult;
use std::path::PathBuf;

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
    },
}

#[derive(clap::Subcommand)]
pub enum Eval {
    /// Score attributions against a PolNeAR split (DIR/text, DIR/attributions).
    Polnear { dir: PathBuf },
}

pub fn train(_cmd: Train) -> CmdResult {
    anyhow::bail!("attribution training is not built yet")
}

pub fn eval(_cmd: Eval) -> CmdResult {
    anyhow::bail!("PolNeAR evaluation is not built yet")
}
