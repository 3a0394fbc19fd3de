//! `whosaid train lemmas`, `whosaid eval sentences`, `whosaid eval lemmas`.

use super::{read_text_maybe_gz, CmdResult};
use anyhow::Context;
use std::path::PathBuf;
use std::process::ExitCode;
use whosaid_core::{Document, Xpos};
use whosaid_eval::sentences;
use whosaid_nlp::lemma::{self, Lemmatizer};

#[derive(clap::Subcommand)]
pub enum Train {
    /// Rebuild the lemmatiser's exception table from UD EWT train.
    Lemmas {
        /// UD EWT train CoNLL-U (gzip or plain).
        #[arg(
            long,
            default_value = "../shared/data/ud-ewt/en_ewt-ud-train.conllu.gz"
        )]
        train: PathBuf,
        #[arg(long, default_value = "models/lemmas.tsv")]
        out: PathBuf,
    },
    /// Train the sentence-boundary model: UD EWT train and GUM Wikinews
    /// train (gold) plus PolNeAR CoreNLP train sentences (silver, cut at
    /// blank lines).
    Sentences {
        #[arg(
            long,
            default_value = "../shared/data/ud-ewt/en_ewt-ud-train.conllu.gz"
        )]
        ewt: PathBuf,
        #[arg(
            long,
            default_value = "../shared/data/gum-wikinews/gum-wikinews-train.conllu.gz"
        )]
        gum: PathBuf,
        /// CoreNLP CoNLL-U with `Char=` offsets (silver).
        #[arg(long, default_value = "../shared/data/polnear-corenlp/train.conllu.gz")]
        corenlp: PathBuf,
        /// The article texts the CoreNLP offsets point into.
        #[arg(long, default_value = "../shared/data/polnear/train/text")]
        corenlp_text: PathBuf,
        /// Gold data only (no CoreNLP silver).
        #[arg(long)]
        no_silver: bool,
        /// Times each gold (UD) document is seen per epoch, silver once.
        #[arg(long, default_value_t = 5)]
        gold_repeat: usize,
        #[arg(long, default_value_t = 15)]
        epochs: usize,
        #[arg(long, default_value_t = 7)]
        seed: u64,
        #[arg(long, default_value = "models/sentences.bin")]
        out: PathBuf,
    },
}

#[derive(clap::Subcommand)]
pub enum Eval {
    /// Sentence splitting F1 against UD CoNLL-U (`# text` lines) or, with
    /// --text, against CoreNLP CoNLL-U with `Char=` offsets into DIR/NAME.txt.
    Sentences {
        file: PathBuf,
        /// Article texts for Char=-offset references (PolNeAR SPLIT/text).
        #[arg(long)]
        text: Option<PathBuf>,
        /// Score the rules alone, without the boundary model.
        #[arg(long, conflicts_with = "model")]
        rules: bool,
        /// Score this boundary model file instead of the embedded one.
        #[arg(long)]
        model: Option<PathBuf>,
    },
    /// Lemma accuracy on a UD CoNLL-U file (gold tokens; gold and predicted tags).
    Lemmas { file: PathBuf },
}

/// Gold (form, XPOS, lemma) of every word line in a CoNLL-U text.
fn triples(conllu: &str) -> Vec<(&str, Xpos, &str)> {
    conllu
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            if c.len() < 5 || !c[0].bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            Some((c[1], Xpos::parse(c[4])?, c[2]))
        })
        .collect()
}

pub fn train(cmd: Train) -> CmdResult {
    match cmd {
        Train::Lemmas { train, out } => {
            let text = read_text_maybe_gz(&train)?;
            let table = lemma::learn_exceptions(triples(&text));
            std::fs::write(&out, &table)
                .with_context(|| format!("cannot write {}", out.display()))?;
            eprintln!(
                "{} exceptions written to {}",
                table.lines().count(),
                out.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Train::Sentences {
            ewt,
            gum,
            corenlp,
            corenlp_text,
            no_silver,
            gold_repeat,
            epochs,
            seed,
            out,
        } => train_sentences(
            &[ewt, gum],
            (!no_silver).then_some(corenlp.as_path()),
            &corenlp_text,
            gold_repeat,
            epochs,
            seed,
            &out,
        ),
    }
}

/// A CoreNLP article's reference sentences, cut at blank lines.
struct Silver {
    text: String,
    sentences: Vec<whosaid_core::Span>,
}

fn read_silver(conllu: &std::path::Path, dir: &std::path::Path) -> anyhow::Result<Vec<Silver>> {
    let conllu = read_text_maybe_gz(conllu)?;
    let mut out = Vec::new();
    for (name, gold) in sentences::char_offset_sentences(&conllu) {
        let path = [dir.join(&name), dir.join(format!("{name}.txt"))]
            .into_iter()
            .find(|p| p.exists())
            .with_context(|| format!("no text for {name} in {}", dir.display()))?;
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let sentences = sentences::split_at_paragraphs(&text, &gold);
        out.push(Silver { text, sentences });
    }
    Ok(out)
}

fn train_sentences(
    gold_files: &[PathBuf],
    corenlp: Option<&std::path::Path>,
    corenlp_text: &std::path::Path,
    gold_repeat: usize,
    epochs: usize,
    seed: u64,
    out: &PathBuf,
) -> CmdResult {
    use whosaid_nlp::boundary::{BoundaryExample, BoundaryModel};
    let mut gold = Vec::new();
    for f in gold_files {
        let refs = sentences::ud_references(&read_text_maybe_gz(f)?);
        anyhow::ensure!(!refs.is_empty(), "{}: no sentences", f.display());
        eprintln!("{}: {} documents", f.display(), refs.len());
        gold.extend(refs);
    }
    let silver = match corenlp {
        Some(c) => read_silver(c, corenlp_text)?,
        None => Vec::new(),
    };
    eprintln!("silver: {} articles", silver.len());
    let docs: Vec<BoundaryExample> = gold
        .iter()
        .map(|r| BoundaryExample {
            text: &r.text,
            sentences: &r.sentences,
            weight: gold_repeat,
        })
        .chain(silver.iter().map(|s| BoundaryExample {
            text: &s.text,
            sentences: &s.sentences,
            weight: 1,
        }))
        .collect();
    let model = BoundaryModel::train(&docs, epochs, seed);
    std::fs::write(out, model.to_bytes())
        .with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!("model written to {}", out.display());
    Ok(ExitCode::SUCCESS)
}

pub fn eval(cmd: Eval) -> CmdResult {
    match cmd {
        Eval::Sentences {
            file,
            text,
            rules,
            model,
        } => {
            let seg = match (rules, model) {
                (true, _) => whosaid_nlp::Segmenter::new(),
                (false, Some(path)) => {
                    let bytes = std::fs::read(&path)
                        .with_context(|| format!("cannot read {}", path.display()))?;
                    whosaid_nlp::Segmenter::with_model(
                        whosaid_nlp::boundary::BoundaryModel::from_bytes(&bytes)
                            .with_context(|| path.display().to_string())?,
                    )
                }
                (false, None) => whosaid_nlp::Segmenter::english()?,
            };
            eval_sentences(&seg, file, text)
        }
        Eval::Lemmas { file } => eval_lemmas(file),
    }
}

fn split(seg: &whosaid_nlp::Segmenter, text: &str) -> Vec<whosaid_core::Span> {
    let mut doc = Document::new(text);
    seg.segment(&mut doc);
    doc.sentences.iter().map(|s| s.span).collect()
}

fn eval_sentences(
    seg: &whosaid_nlp::Segmenter,
    file: PathBuf,
    text_dir: Option<PathBuf>,
) -> CmdResult {
    let conllu = read_text_maybe_gz(&file)?;
    let mut total = whosaid_eval::ner::Prf::default();
    let mut by_paragraph = whosaid_eval::ner::Prf::default();
    let mut docs = 0;
    match text_dir {
        None => {
            for r in sentences::ud_references(&conllu) {
                total.add(&sentences::score(
                    &r.text,
                    &r.sentences,
                    &split(seg, &r.text),
                ));
                docs += 1;
            }
        }
        Some(dir) => {
            for (name, gold) in sentences::char_offset_sentences(&conllu) {
                let path = dir.join(&name);
                let path = if path.exists() {
                    path
                } else {
                    dir.join(format!("{name}.txt"))
                };
                let text = std::fs::read_to_string(&path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                let pred = split(seg, &text);
                total.add(&sentences::score(&text, &gold, &pred));
                let cut = sentences::split_at_paragraphs(&text, &gold);
                by_paragraph.add(&sentences::score(&text, &cut, &pred));
                docs += 1;
            }
        }
    }
    anyhow::ensure!(docs > 0, "{}: no documents", file.display());
    println!("file\t{}", file.display());
    println!("documents\t{docs}");
    println!(
        "sentences\tP {:.4}  R {:.4}  F1 {:.4}  ({}/{}/{})",
        total.precision(),
        total.recall(),
        total.f1(),
        total.tp,
        total.pred,
        total.gold
    );
    if by_paragraph.gold > 0 {
        println!(
            "sentences, reference cut at blank lines\tP {:.4}  R {:.4}  F1 {:.4}  ({}/{}/{})",
            by_paragraph.precision(),
            by_paragraph.recall(),
            by_paragraph.f1(),
            by_paragraph.tp,
            by_paragraph.pred,
            by_paragraph.gold
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn eval_lemmas(file: PathBuf) -> CmdResult {
    let conllu = read_text_maybe_gz(&file)?;
    let gold = triples(&conllu);
    anyhow::ensure!(!gold.is_empty(), "{}: no CoNLL-U words", file.display());
    let lem = Lemmatizer::english();
    let tagger = whosaid_nlp::Tagger::english()?;
    let mut right_gold_tags = 0usize;
    for (form, xpos, lemma) in &gold {
        right_gold_tags += usize::from(lem.lemma(form, *xpos) == *lemma);
    }
    // Predicted tags: tag each sentence's gold tokens.
    let mut right_pred_tags = 0usize;
    let mut n = 0usize;
    for s in whosaid_nlp::tagger::read_conllu(&conllu) {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let tags = tagger.tag(&words);
        for (w, (x, _)) in words.iter().zip(tags) {
            let Some((_, _, lemma)) = gold.get(n) else {
                break;
            };
            right_pred_tags += usize::from(lem.lemma(w, x) == *lemma);
            n += 1;
        }
    }
    println!("file\t{}", file.display());
    println!("words\t{}", gold.len());
    println!(
        "lemma accuracy (gold tags)\t{:.4}",
        right_gold_tags as f64 / gold.len() as f64
    );
    println!(
        "lemma accuracy (predicted tags)\t{:.4}",
        right_pred_tags as f64 / n.max(1) as f64
    );
    Ok(ExitCode::SUCCESS)
}
