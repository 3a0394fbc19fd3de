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
    Extraction {
        dir: PathBuf,
        /// Write one JSON line per page (scores, dates, authors) to this file.
        #[arg(long)]
        dump: Option<PathBuf>,
    },
}

pub fn extract(_args: ExtractArgs) -> CmdResult {
    anyhow::bail!("extract is not built yet")
}

pub fn eval(cmd: Eval) -> CmdResult {
    use anyhow::Context;
    use std::io::Write;
    let Eval::Extraction { dir, dump } = cmd;
    let r = whosaid_eval::extraction::score_dir(&dir)?;
    if let Some(path) = dump {
        let mut f = std::io::BufWriter::new(
            std::fs::File::create(&path).with_context(|| format!("creating {}", path.display()))?,
        );
        for p in &r.per_page {
            writeln!(f, "{}", serde_json::to_string(p)?)?;
        }
    }
    println!("pages                {} ({} rejected)", r.pages, r.errors);
    println!(
        "body word F1         {:.4} (P {:.4}, R {:.4})",
        r.word_f1, r.word_precision, r.word_recall
    );
    println!("with snippets found  {:.4}", r.with_found);
    println!("without leaked       {:.4}", r.without_leaked);
    println!(
        "title exact          {:.4} of {}",
        r.title_accuracy, r.title_pages
    );
    println!(
        "author exact         {:.4} of {}",
        r.author_accuracy, r.author_pages
    );
    println!(
        "published date exact {:.4} of {}",
        r.date_accuracy, r.date_pages
    );
    println!(
        "ms/page              median {:.2}, mean {:.2} (one thread)",
        r.ms_median, r.ms_mean
    );
    Ok(std::process::ExitCode::SUCCESS)
}
