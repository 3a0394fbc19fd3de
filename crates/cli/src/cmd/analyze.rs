//! `whosaid analyze`: the main job. Reads articles from files, directories or
//! standard input, runs the pipeline on all cores, and writes the terminal
//! view, JSON, JSONL or brat — to stdout or one file per input with `--out`.

use super::CmdResult;
use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use whosaid::{Document, Engine, StageTimes};
use whosaid_output::{JsonOptions, TerminalOptions};

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories (read recursively) to analyse, or - for standard input.
    #[arg(default_value = "-")]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Write one output file per input document into this directory
    /// (NAME.txt → OUTDIR/NAME.json, .jsonl, .ann or .txt).
    #[arg(long, short)]
    pub out: Option<PathBuf>,
    /// Colour in the text view.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// In the text view, print the article with sources, cues and contents
    /// highlighted (default: when colour is on).
    #[arg(long)]
    pub show_text: Option<bool>,
    /// In JSON output, add the sentence and token layers.
    #[arg(long)]
    pub layers: bool,
    /// Force the input kind instead of detecting it from the content:
    /// text, html, warc, feed, jsonl or csv.
    #[arg(long)]
    pub kind: Option<whosaid_ingest::Kind>,
    #[command(flatten)]
    pub columns: super::input::ColumnArgs,
    /// Largest document analysed, in bytes of text: news articles are far
    /// smaller, and a larger one is reported by name instead of stalling a batch.
    #[arg(long, default_value_t = 5 * 1024 * 1024)]
    pub max_doc_bytes: usize,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// Print the time spent in each pipeline stage (summed over threads)
    /// on standard error at the end.
    #[arg(long)]
    pub timings: bool,
    /// Parse with the reparsing ensemble (more accurate trees, about seven
    /// times slower parsing; the attribution model was trained on the fast
    /// parser's trees).
    #[arg(long)]
    pub accurate: bool,
}

#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq, Debug)]
pub enum Format {
    /// Readable view for a terminal.
    Text,
    /// One pretty JSON document per article (schema whosaid/1).
    Json,
    /// One JSON document per line.
    Jsonl,
    /// brat standoff (.ann), PolNeAR-compatible.
    Brat,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Brat => "ann",
        }
    }
}

#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq, Debug)]
pub enum Color {
    Auto,
    Always,
    Never,
}

/// Documents processed per parallel batch: bounds memory on huge corpora
/// while keeping every core busy and the output in input order.
const BATCH: usize = 256;

/// Text per batch, in bytes: a batch closes early when its documents hold
/// this much (the layers take ~35 times the text: 16 MiB of long documents
/// stay under ~600 MB besides the models).
const BATCH_BYTES: usize = 16 << 20;

/// How the analysed documents are written.
struct Writer {
    format: Format,
    out_dir: Option<PathBuf>,
    terminal: TerminalOptions,
    json: JsonOptions,
    /// Stage times, when `--timings` asked for them.
    times: Option<StageTimes>,
}

impl Writer {
    fn render(&self, doc: &Document) -> String {
        match self.format {
            Format::Text => whosaid_output::render(doc, self.terminal),
            Format::Json => whosaid_output::to_json(doc, self.json) + "\n",
            Format::Jsonl => whosaid_output::to_json_line(doc, self.json) + "\n",
            Format::Brat => whosaid_output::to_brat(doc),
        }
    }
}

pub fn run(args: Args) -> CmdResult {
    if let Some(n) = args.threads {
        // Only fails if a global pool exists already; then the default one is used.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(n)
            .build_global();
    }
    let stdout_tty = std::io::stdout().is_terminal();
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => stdout_tty && args.out.is_none() && std::env::var_os("NO_COLOR").is_none(),
    };
    let mut writer = Writer {
        format: args.format,
        out_dir: args.out.clone(),
        terminal: TerminalOptions {
            color,
            show_text: args.show_text.unwrap_or(color),
            ..Default::default()
        },
        json: JsonOptions {
            layers: args.layers,
        },
        times: None,
    };
    if let Some(dir) = &writer.out_dir {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create output directory {}", dir.display()))?;
    }
    let engine = Engine::english_with(super::nlp::parser_model(args.accurate))
        .map_err(|e| anyhow::anyhow!("cannot load the models: {e}"))?;
    if args.timings {
        writer.times = Some(StageTimes::new(engine.pipeline()));
    }

    let (files, mut failures) = collect_inputs(&args.inputs);
    let progress = if files.len() > 1 {
        ProgressBar::new(files.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    progress.set_style(
        ProgressStyle::with_template("{spinner} {pos}/{len} files {wide_bar} {per_sec} eta {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );

    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut docs: Vec<(String, Document)> = Vec::with_capacity(BATCH);
    let mut batch_bytes = 0usize;
    let mut written = 0usize;
    let columns = args.columns.columns();
    for input in &files {
        match super::input::read_documents(input, args.kind, &columns) {
            Ok(iter) => {
                for (i, item) in iter.enumerate() {
                    match item {
                        Ok(doc) if doc.text.len() > args.max_doc_bytes => {
                            let origin = doc.meta.origin.as_deref().unwrap_or("<input>");
                            progress.suspend(|| {
                                eprintln!(
                                    "whosaid: {origin}: document is {} bytes, over the {} byte limit (--max-doc-bytes)",
                                    doc.text.len(),
                                    args.max_doc_bytes
                                )
                            });
                            failures += 1;
                        }
                        Ok(doc) => {
                            batch_bytes += doc.text.len();
                            docs.push((output_name(input, i), doc));
                        }
                        Err(e) => {
                            progress.suspend(|| eprintln!("whosaid: {}", super::error_chain(&e)));
                            failures += 1;
                        }
                    }
                    if docs.len() >= BATCH || batch_bytes >= BATCH_BYTES {
                        batch_bytes = 0;
                        written += flush(
                            &engine,
                            &writer,
                            &mut docs,
                            &mut out,
                            &progress,
                            &mut failures,
                        )?;
                    }
                }
            }
            Err(e) => {
                progress.suspend(|| eprintln!("whosaid: {}", super::error_chain(&e)));
                failures += 1;
            }
        }
        progress.inc(1);
    }
    written += flush(
        &engine,
        &writer,
        &mut docs,
        &mut out,
        &progress,
        &mut failures,
    )?;
    out.flush().context("cannot write to standard output")?;
    progress.finish_and_clear();
    if let Some(times) = &writer.times {
        eprint!("{}", times.report());
    }
    if failures > 0 {
        eprintln!("whosaid: {written} document(s) analysed, {failures} input(s) failed");
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// Analyses a batch in parallel and writes it in input order. Returns how many were written.
fn flush(
    engine: &Engine,
    writer: &Writer,
    docs: &mut Vec<(String, Document)>,
    out: &mut impl Write,
    progress: &ProgressBar,
    failures: &mut usize,
) -> anyhow::Result<usize> {
    let (names, mut batch): (Vec<String>, Vec<Document>) = docs.drain(..).unzip();
    let analysed = engine.analyze_batch(&mut batch, writer.times.as_ref());
    let rendered: Vec<(String, Result<String, String>)> = names
        .into_par_iter()
        .zip(batch.into_par_iter().zip(analysed))
        .map(|(name, (doc, analysed))| {
            let result = analysed.map(|()| writer.render(&doc)).map_err(|e| {
                let origin = doc.meta.origin.as_deref().unwrap_or(&name);
                format!("{origin}: {e}")
            });
            (name, result)
        })
        .collect();
    let mut written = 0;
    for (name, result) in rendered {
        match result {
            Ok(text) => {
                match &writer.out_dir {
                    Some(dir) => {
                        let path = dir.join(format!("{name}.{}", writer.format.extension()));
                        std::fs::write(&path, text)
                            .with_context(|| format!("cannot write {}", path.display()))?;
                    }
                    None => {
                        if written > 0 && writer.format == Format::Text {
                            writeln!(out)?;
                        }
                        out.write_all(text.as_bytes())
                            .context("cannot write to standard output")?;
                    }
                }
                written += 1;
            }
            Err(e) => {
                progress.suspend(|| eprintln!("whosaid: {e}"));
                *failures += 1;
            }
        }
    }
    Ok(written)
}

/// The base name of the output file for record `i` of `input`: `NAME` for the
/// first record, `NAME.2`, `NAME.3`… for further records of multi-record inputs.
fn output_name(input: &Path, i: usize) -> String {
    let stem = if input.as_os_str() == "-" {
        "stdin".to_string()
    } else {
        input
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "document".into())
    };
    if i == 0 {
        stem
    } else {
        format!("{stem}.{}", i + 1)
    }
}

/// Expands directories (recursively, sorted, hidden entries skipped) into
/// files. Unreadable entries are reported and counted, never fatal.
fn collect_inputs(inputs: &[PathBuf]) -> (Vec<PathBuf>, usize) {
    let mut files = Vec::new();
    let mut failures = 0;
    for input in inputs {
        if input.as_os_str() == "-" || !input.is_dir() {
            files.push(input.clone());
            continue;
        }
        let mut stack = vec![input.clone()];
        while let Some(dir) = stack.pop() {
            let entries = match std::fs::read_dir(&dir) {
                Ok(e) => e,
                Err(e) => {
                    eprintln!("whosaid: {}: cannot read directory: {e}", dir.display());
                    failures += 1;
                    continue;
                }
            };
            let mut found: Vec<PathBuf> = Vec::new();
            for entry in entries {
                match entry {
                    Ok(entry) => {
                        let path = entry.path();
                        if path
                            .file_name()
                            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                        {
                            continue;
                        }
                        found.push(path);
                    }
                    Err(e) => {
                        eprintln!(
                            "whosaid: {}: cannot read directory entry: {e}",
                            dir.display()
                        );
                        failures += 1;
                    }
                }
            }
            found.sort();
            let (dirs, plain): (Vec<PathBuf>, Vec<PathBuf>) =
                found.into_iter().partition(|p| p.is_dir());
            files.extend(plain);
            // Popped in reverse, so subdirectories are visited in sorted order.
            stack.extend(dirs.into_iter().rev());
        }
    }
    (files, failures)
}
