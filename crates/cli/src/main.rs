//! `whosaid`: who said what, according to whom, in news articles.
//!
//! A thin user interface over the library crates; each subcommand's logic
//! lives in a library, and each area's commands in one module of `cmd/`.

use clap::{Parser, Subcommand};

mod cmd;

#[derive(Parser)]
#[command(
    name = "whosaid",
    version,
    about = "Who said what, according to whom, how sure, and where each claim came from."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Find every attribution in articles (plain text, HTML, WARC, feeds, JSONL/CSV).
    Analyze(cmd::analyze::Args),
    /// Extract clean text and metadata from HTML, WARC, feeds or corpora.
    Extract(cmd::ingest::ExtractArgs),
    /// Print the NLP layers (tokens, tags, trees, entities, coreference).
    Nlp(cmd::nlp::Args),
    /// Train a model from the shared data sets.
    Train {
        #[command(subcommand)]
        what: TrainCmd,
    },
    /// Measure quality and speed against annotated data.
    Eval {
        #[command(subcommand)]
        what: EvalCmd,
    },
}

#[derive(Subcommand)]
enum TrainCmd {
    #[command(flatten)]
    Nlp(cmd::nlp::Train),
    #[command(flatten)]
    Entities(cmd::entities::Train),
    #[command(flatten)]
    Attribution(cmd::attribution::Train),
    #[command(flatten)]
    Text(cmd::text::Train),
}

#[derive(Subcommand)]
enum EvalCmd {
    #[command(flatten)]
    Attribution(cmd::attribution::Eval),
    #[command(flatten)]
    Ingest(cmd::ingest::Eval),
    #[command(flatten)]
    Nlp(cmd::nlp::Eval),
    #[command(flatten)]
    Entities(cmd::entities::Eval),
    #[command(flatten)]
    Text(cmd::text::Eval),
}

/// Restores the default SIGPIPE action, as command-line filters expect:
/// `whosaid nlp big.txt | head` ends quietly when `head` closes the pipe
/// instead of failing a print (Rust ignores SIGPIPE by default, which turns
/// a closed pipe into a panic inside `println!`).
#[cfg(unix)]
fn reset_sigpipe() {
    // SAFETY: called first thing in main, before any other thread exists;
    // SIG_DFL is a valid disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

#[cfg(not(unix))]
fn reset_sigpipe() {}

fn main() -> std::process::ExitCode {
    reset_sigpipe();
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Analyze(args) => cmd::analyze::run(args),
        Command::Extract(args) => cmd::ingest::extract(args),
        Command::Nlp(args) => cmd::nlp::run(args),
        Command::Train { what } => match what {
            TrainCmd::Nlp(t) => cmd::nlp::train(t),
            TrainCmd::Entities(t) => cmd::entities::train(t),
            TrainCmd::Attribution(t) => cmd::attribution::train(t),
            TrainCmd::Text(t) => cmd::text::train(t),
        },
        Command::Eval { what } => match what {
            EvalCmd::Attribution(e) => cmd::attribution::eval(e),
            EvalCmd::Ingest(e) => cmd::ingest::eval(e),
            EvalCmd::Nlp(e) => cmd::nlp::eval(e),
            EvalCmd::Entities(e) => cmd::entities::eval(e),
            EvalCmd::Text(e) => cmd::text::eval(e),
        },
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("whosaid: error: {}", cmd::error_chain(&err));
            std::process::ExitCode::FAILURE
        }
    }
}
