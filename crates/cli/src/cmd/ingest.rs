//! `whosaid extract` and `whosaid eval extraction`.

use super::CmdResult;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct ExtractArgs {
    /// Files (HTML, WARC, RSS/Atom, JSONL, CSV, text; gzipped or not), or - for standard input.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// plain: metadata lines then the text; json: one JSON object per article and line.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Plain)]
    pub format: ExtractFormat,
    /// Force the input kind instead of detecting it: text, html, warc, feed, jsonl or csv.
    #[arg(long)]
    pub kind: Option<whosaid_ingest::Kind>,
    #[command(flatten)]
    pub columns: super::input::ColumnArgs,
}

#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq, Debug)]
pub enum ExtractFormat {
    Plain,
    Json,
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

pub fn extract(args: ExtractArgs) -> CmdResult {
    use std::io::Write;
    let columns = args.columns.columns();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let (mut written, mut failures) = (0usize, 0usize);
    for input in &args.inputs {
        let articles = match super::input::read_articles(input, args.kind, &columns) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("whosaid: {}", super::error_chain(&e));
                failures += 1;
                continue;
            }
        };
        for article in articles {
            let article = match article {
                Ok(a) => a,
                Err(e) => {
                    eprintln!("whosaid: {}", super::error_chain(&e));
                    failures += 1;
                    continue;
                }
            };
            let m = &article.meta;
            let result = match args.format {
                ExtractFormat::Json => writeln!(
                    out,
                    "{}",
                    serde_json::json!({
                        "id": article.id,
                        "origin": article.origin.key(),
                        "title": m.title,
                        "authors": m.authors,
                        "published": m.published,
                        "modified": m.modified,
                        "site_name": m.site_name,
                        "url": m.url,
                        "language": m.language,
                        "text": article.text,
                    })
                ),
                ExtractFormat::Plain => {
                    let field = |name: &str, v: &Option<String>| {
                        v.as_ref()
                            .map(|v| format!("{name}: {v}\n"))
                            .unwrap_or_default()
                    };
                    let authors = if m.authors.is_empty() {
                        String::new()
                    } else {
                        format!("authors: {}\n", m.authors.join("; "))
                    };
                    writeln!(
                        out,
                        "=== {}\n{}{}{}{}{}{}{}\n{}\n",
                        article.origin.key(),
                        field("title", &m.title),
                        authors,
                        field("published", &m.published),
                        field("modified", &m.modified),
                        field("site", &m.site_name),
                        field("url", &m.url),
                        field("language", &m.language),
                        article.text
                    )
                }
            };
            if let Err(e) = result {
                // A closed pipe (`| head`) ends the output quietly.
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    return Ok(std::process::ExitCode::SUCCESS);
                }
                return Err(e.into());
            }
            written += 1;
        }
    }
    if let Err(e) = out.flush() {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(e.into());
        }
    }
    if failures > 0 {
        eprintln!(
            "whosaid: {written} article(s) extracted, {failures} input(s) or record(s) failed"
        );
        return Ok(std::process::ExitCode::from(1));
    }
    Ok(std::process::ExitCode::SUCCESS)
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
        "body word F1         {:.4} (P {:.4}, R {:.4}; {} pages with a gold body)",
        r.word_f1, r.word_precision, r.word_recall, r.body_pages
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
