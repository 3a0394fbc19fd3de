//! `whosaid nlp`, `whosaid train tagger|parser`, `whosaid eval ud`.
//!
//! `whosaid nlp` prints the layers computed so far (tokens, sentences, tags,
//! heads and relations); the lemma column stays `_` until that stage exists.

use super::CmdResult;
use anyhow::Context;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;
use whosaid_core::{Upos, Xpos};
use whosaid_nlp::{parser, tagger};

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
    /// Parse with the reparsing ensemble (three parsers vote on each
    /// head): about 1 point more UAS than the default on EWT (dev 0.9,
    /// test 1.1), parsing about seven times slower.
    #[arg(long)]
    pub accurate: bool,
}

/// The widest beam the commands accept: what a model file may store.
const MAX_BEAM: usize = parser::MAX_BEAM_WIDTH;

/// The embedded parser model an `--accurate` flag asks for.
pub fn parser_model(accurate: bool) -> whosaid::ParserModel {
    if accurate {
        whosaid::ParserModel::Accurate
    } else {
        whosaid::ParserModel::Fast
    }
}

#[derive(clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Train {
    /// Train the POS tagger (XPOS + UPOS) on UD English EWT train (and, by
    /// default, GUM Wikinews train), with word classes from raw text.
    Tagger {
        /// UD EWT folder.
        #[arg(long, default_value = "../shared/data/ud-ewt")]
        data: PathBuf,
        #[arg(long, default_value = "models/tagger.bin")]
        out: PathBuf,
        #[arg(long, default_value_t = 12)]
        epochs: usize,
        #[arg(long, default_value_t = 7)]
        seed: u64,
        /// More gold training files (CoNLL-U, gzip'd or not), added to EWT
        /// train; `--extra` alone for none.
        #[arg(long, num_args = 0.., default_value = GUM_TRAIN)]
        extra: Vec<PathBuf>,
        /// Folders of raw texts for the word classes (with the training
        /// words): `.json` files are WCXB ground truth (their
        /// `ground_truth.main_content`), others plain text; `--unlabeled`
        /// alone for none.
        #[arg(long, num_args = 0.., default_values = [UNLABELED, WCXB_TRUTH])]
        unlabeled: Vec<PathBuf>,
        /// Number of word classes (0: none).
        #[arg(long, default_value_t = TAGGER_CLASSES)]
        classes: usize,
        /// Models trained (seeds `seed`, `seed`+1, …) and averaged into one
        /// of the same size.
        #[arg(long, default_value_t = TAGGER_ENSEMBLE)]
        ensemble: usize,
        /// Machine-tagged news (PolNeAR CoreNLP CoNLL-U, Penn XPOS) for the
        /// XPOS pass; `--silver` alone for none.
        #[arg(long, num_args = 0..=1, default_value = SILVER)]
        silver: Option<PathBuf>,
        /// The silver articles' texts (NAME.txt), for their original word
        /// forms.
        #[arg(long, default_value = SILVER_TEXT)]
        silver_text: PathBuf,
        /// Each epoch reads one in this many silver sentences (rotating).
        #[arg(long, default_value_t = TAGGER_SILVER_EVERY)]
        silver_every: usize,
    },
    /// Train the dependency parser on UD English EWT train; scores EWT dev
    /// with tags from the embedded tagger.
    Parser {
        #[arg(
            long,
            default_value = "../shared/data/ud-ewt/en_ewt-ud-train.conllu.gz"
        )]
        train: PathBuf,
        #[arg(long, default_value = "../shared/data/ud-ewt/en_ewt-ud-dev.conllu.gz")]
        dev: PathBuf,
        #[arg(long, default_value = "models/parser.bin")]
        out: PathBuf,
        #[arg(long, default_value_t = 12)]
        epochs: usize,
        #[arg(long, default_value_t = 7)]
        seed: u64,
        /// Training POS tags: `jackknife` (each fold tagged by a tagger trained
        /// on the other folds, as the parser will see at run time), `gold`, or
        /// `embedded` (the shipped tagger, which has seen the train set).
        #[arg(long, default_value = "jackknife")]
        tags: String,
        /// Folds for `--tags jackknife`.
        #[arg(long, default_value_t = 10)]
        folds: usize,
        /// More gold training trees, added to `--train` (and jackknifed with
        /// it). None by default: with GUM Wikinews train the parser scored
        /// higher on EWT dev and news text but lower on EWT test, and the
        /// attribution model retrained on it failed the seed article.
        #[arg(long, num_args = 0..)]
        extra: Vec<PathBuf>,
        /// Silver trees (CoNLL-U from `whosaid train silver-trees`) added
        /// to the training trees after the jackknife, with the tags they
        /// were written with.
        #[arg(long, num_args = 0..)]
        silver_trees: Vec<PathBuf>,
        /// Raw texts for the jackknife taggers' word classes (as `train
        /// tagger --unlabeled`).
        #[arg(long, num_args = 0.., default_values = [UNLABELED, WCXB_TRUTH])]
        unlabeled: Vec<PathBuf>,
        /// Silver news for the jackknife taggers (as `train tagger
        /// --silver`); `--silver` alone for none.
        #[arg(long, num_args = 0..=1, default_value = SILVER)]
        silver: Option<PathBuf>,
        #[arg(long, default_value = SILVER_TEXT)]
        silver_text: PathBuf,
        /// Also write the training trees with the tags trained on, as CoNLL-U
        /// (reusable with `--tags gold` to skip jackknifing).
        #[arg(long)]
        write_train: Option<PathBuf>,
        /// Models trained (seeds `seed`, `seed`+1, …) and averaged into one
        /// of the same size (EWT dev UAS 84.83 → 85.00 with 3, 85.19 with 5,
        /// 85.06 with 8).
        #[arg(long, default_value_t = 5)]
        ensemble: usize,
        /// Train with beam search of this width (global max-violation
        /// perceptron; the width is stored in the model and used to parse).
        /// Without it: the greedy parser with its dynamic oracle.
        #[arg(long)]
        beam: Option<usize>,
        /// The beam width stored in the model for parsing, when it differs
        /// from the training width `--beam`.
        #[arg(long, requires = "beam")]
        decode_beam: Option<usize>,
        /// Train on the sentences reversed: the model parses right to left
        /// (a member of the reparsing ensemble; see `eval ud --reparse`).
        #[arg(long)]
        right_to_left: bool,
    },
    /// Parse raw texts with a reparsing ensemble and write, as CoNLL-U,
    /// the sentences on whose heads its members agree: training trees for
    /// `train parser --silver-trees`.
    SilverTrees {
        /// Folders or files of raw text (`.json` files: WCXB ground truth,
        /// their `ground_truth.main_content`).
        #[arg(num_args = 1.., default_values = [UNLABELED, WCXB_TRUTH])]
        texts: Vec<PathBuf>,
        #[arg(long)]
        out: PathBuf,
        /// The ensemble, `MODEL=WEIGHT` each as `eval ud --reparse`;
        /// default: the embedded `--accurate` ensemble.
        #[arg(long, num_args = 1..)]
        reparse: Vec<String>,
        /// Share of a sentence's words whose head every member agrees on.
        #[arg(long, default_value_t = parser::silver::SilverOptions::default().min_agreement)]
        min_agreement: f64,
        #[arg(long, default_value_t = parser::silver::SilverOptions::default().min_words)]
        min_words: usize,
        #[arg(long, default_value_t = parser::silver::SilverOptions::default().max_words)]
        max_words: usize,
    },
}

#[derive(clap::Subcommand)]
pub enum Eval {
    /// XPOS/UPOS accuracy and parser UAS/LAS (gold tokens, predicted tags)
    /// on a CoNLL-U file, and tokens/s.
    Ud {
        file: PathBuf,
        /// A parser model file instead of the embedded one.
        #[arg(long)]
        parser: Option<PathBuf>,
        /// Decode with this beam width instead of the model's own.
        #[arg(long, conflicts_with = "accurate")]
        beam: Option<usize>,
        /// The embedded reparsing ensemble (`whosaid nlp --accurate`)
        /// instead of the fast parser.
        #[arg(long, conflicts_with = "parser")]
        accurate: bool,
        /// Parse with a reparsing ensemble of these parsers, each
        /// `MODEL=WEIGHT`: MODEL is `fast`, `ewt`, `beam` or `r2l` (the
        /// embedded models) or a model file; `--accurate` is `--reparse
        /// beam=1 r2l=0.9 ewt=0.8`.
        #[arg(long, num_args = 1.., conflicts_with_all = ["parser", "beam", "accurate"])]
        reparse: Vec<String>,
    },
}

pub fn run(args: Args) -> CmdResult {
    let text = if args.input.as_os_str() == "-" {
        let mut t = String::new();
        std::io::stdin()
            .read_to_string(&mut t)
            .context("cannot read standard input")?;
        t
    } else {
        std::fs::read_to_string(&args.input)
            .with_context(|| format!("{}: cannot read as UTF-8 text", args.input.display()))?
    };
    let model = parser_model(args.accurate);
    if args.pretokenized {
        return tag_pretokenized(&text, model);
    }
    let pipeline = whosaid::layers_pipeline_with(model)?;
    let mut doc = whosaid::Document::new(text);
    pipeline.run(&mut doc)?;
    match args.format.as_str() {
        "json" => {
            let opts = whosaid_output::JsonOptions { layers: true };
            println!("{}", whosaid_output::to_json(&doc, opts));
        }
        "conllu" => print!("{}", to_conllu(&doc)),
        other => anyhow::bail!("unknown format {other:?} (conllu or json)"),
    }
    Ok(ExitCode::SUCCESS)
}

/// Upper-case NER label of an entity kind (`PERSON`, `ORG`, `GPE`, …).
fn ner_label(kind: whosaid_core::EntityKind) -> &'static str {
    use whosaid_core::EntityKind as K;
    match kind {
        K::Person => "PERSON",
        K::Organization => "ORG",
        K::Media => "MEDIA",
        K::Gpe => "GPE",
        K::Location => "LOC",
        K::Norp => "NORP",
        K::Title => "TITLE",
        K::Date => "DATE",
        K::Misc => "MISC",
    }
}

/// Per token: the `NER=` BIO label of the named mention it is in, and the
/// `Coref=` brackets of the mentions that open or close on it
/// (CoNLL-2012 style: `(e3` opens entity 3's mention, `e3)` closes it).
fn entity_misc(doc: &whosaid::Document) -> (Vec<Option<String>>, Vec<String>) {
    let n = doc.tokens.len();
    let mut ner: Vec<Option<String>> = vec![None; n];
    let mut coref: Vec<String> = vec![String::new(); n];
    for m in &doc.mentions {
        let (a, b) = (m.tokens[0] as usize, (m.tokens[1] as usize).min(n));
        if a >= b {
            continue;
        }
        if m.mention_type == whosaid_core::MentionType::Name {
            for (k, slot) in ner[a..b].iter_mut().enumerate() {
                if slot.is_none() {
                    let bio = if k == 0 { "B" } else { "I" };
                    *slot = Some(format!("{bio}-{}", ner_label(m.kind)));
                }
            }
        }
        if let Some(e) = m.entity {
            let mut add = |t: usize, mark: String| {
                if !coref[t].is_empty() {
                    coref[t].push(',');
                }
                coref[t].push_str(&mark);
            };
            if b - a == 1 {
                add(a, format!("(e{e})"));
            } else {
                add(a, format!("(e{e}"));
                add(b - 1, format!("e{e})"));
            }
        }
    }
    (ner, coref)
}

/// CoNLL-U of every sentence: sentence-local ids and heads; MISC holds
/// `NER=` (BIO over named mentions), `Coref=` (entity brackets) and
/// `Char=start-end` (code points); `_` for layers not computed.
fn to_conllu(doc: &whosaid::Document) -> String {
    use std::fmt::Write;
    let (ner, coref) = entity_misc(doc);
    let mut out = String::new();
    let _ = writeln!(out, "# newdoc id = {}", doc.id);
    for (n, s) in doc.sentences.iter().enumerate() {
        let _ = writeln!(out, "# sent_id = {}", n + 1);
        let _ = writeln!(out, "# text = {}", doc.slice(s.span).replace('\n', " "));
        let first = s.tokens[0];
        for t in s.token_range() {
            let tok = &doc.tokens[t];
            let or_blank = |v: &str| {
                if v.is_empty() || v == "_" {
                    "_".to_string()
                } else {
                    v.to_string()
                }
            };
            let head = match (tok.head, tok.deprel) {
                (_, whosaid_core::DepRel::Unset) => "_".to_string(),
                (Some(h), _) => (h - first + 1).to_string(),
                (None, _) => "0".to_string(),
            };
            let mut misc = String::new();
            if let Some(label) = &ner[t] {
                let _ = write!(misc, "NER={label}|");
            }
            if !coref[t].is_empty() {
                let _ = write!(misc, "Coref={}|", coref[t]);
            }
            let _ = write!(misc, "Char={}-{}", tok.span.start, tok.span.end);
            let _ = writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t{}",
                t as u32 - first + 1,
                doc.slice(tok.span),
                or_blank(&tok.lemma),
                tok.upos,
                tok.xpos,
                head,
                tok.deprel,
                misc
            );
        }
        out.push('\n');
    }
    out
}

/// Tags, lemmatises and parses the tokens of a CoNLL-U input and prints it
/// back with LEMMA, UPOS, XPOS, HEAD and DEPREL filled, FEATS and DEPS
/// blanked (whosaid predicts neither: the input's would pass for ours) and
/// ID, FORM and MISC kept, so standard UD scorers can compare it with gold.
fn tag_pretokenized(text: &str, parser_model: whosaid::ParserModel) -> CmdResult {
    let model = tagger::Tagger::english().context("the embedded tagger model does not load")?;
    let lemmatizer = whosaid_nlp::lemma::Lemmatizer::english();
    let parser =
        parser::english_parser(parser_model).context("the embedded parser model does not load")?;
    let mut block: Vec<&str> = Vec::new();
    let mut out = String::new();
    let flush = |block: &mut Vec<&str>, out: &mut String| {
        let words: Vec<&str> = block
            .iter()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let cols: Vec<&str> = l.split('\t').collect();
                is_token_line(&cols).then(|| cols[1])
            })
            .collect();
        let tags = model.tag(&words);
        let xpos: Vec<Xpos> = tags.iter().map(|t| t.0).collect();
        let upos: Vec<Upos> = tags.iter().map(|t| t.1).collect();
        let mut arcs = parser.parse(&words, &upos, &xpos).into_iter();
        let mut tags = tags.into_iter();
        for line in block.drain(..) {
            let mut cols: Vec<String> = line.split('\t').map(str::to_string).collect();
            if is_token_line(&cols) {
                if let Some((x, u)) = tags.next() {
                    cols[2] = lemmatizer.lemma(&cols[1], x);
                    cols[5] = "_".to_string();
                    cols[8] = "_".to_string();
                    cols[3] = u.to_string();
                    cols[4] = x.to_string();
                }
                if let Some((h, rel)) = arcs.next() {
                    cols[6] = h.map_or(0, |h| h + 1).to_string();
                    cols[7] = rel.to_string();
                }
            }
            out.push_str(&cols.join("\t"));
            out.push('\n');
        }
    };
    for line in text.lines() {
        if line.trim().is_empty() {
            flush(&mut block, &mut out);
            out.push('\n');
        } else {
            block.push(line);
        }
    }
    flush(&mut block, &mut out);
    print!("{out}");
    Ok(ExitCode::SUCCESS)
}

/// A CoNLL-U word line: ten columns and an integer ID (not a multiword
/// range "1-2" or an empty node "3.1"). Other lines pass through untouched;
/// words and tags are matched over these lines only.
fn is_token_line<S: AsRef<str>>(cols: &[S]) -> bool {
    cols.len() == 10 && {
        let id = cols[0].as_ref();
        !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit())
    }
}

/// Reads a CoNLL-U file, gzip-compressed or not.
fn read_conllu(path: &Path) -> anyhow::Result<Vec<tagger::TaggedSentence>> {
    let sentences = tagger::read_conllu(&super::read_text_maybe_gz(path)?);
    anyhow::ensure!(
        !sentences.is_empty(),
        "{}: no CoNLL-U sentences",
        path.display()
    );
    Ok(sentences)
}

/// Reads a CoNLL-U treebank, gzip-compressed or not.
fn read_trees(path: &Path) -> anyhow::Result<Vec<parser::TreeSentence>> {
    let sentences = parser::read_conllu(&super::read_text_maybe_gz(path)?);
    anyhow::ensure!(
        !sentences.is_empty(),
        "{}: no CoNLL-U sentences",
        path.display()
    );
    Ok(sentences)
}

/// Tags every sentence with `model`: (XPOS, UPOS) per word.
fn tag_all(model: &tagger::Tagger, sentences: &[parser::TreeSentence]) -> Vec<Tags> {
    sentences
        .iter()
        .map(|s| {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            model.tag(&words)
        })
        .collect()
}

/// Default extra gold training data: GUM's Wikinews documents (news,
/// interviews, biographies), train split only.
const GUM_TRAIN: &str = "../shared/data/gum-wikinews/gum-wikinews-train.conllu.gz";
/// Default raw texts for the tagger's word classes.
const UNLABELED: &str = "../shared/data/polnear/train/text";
/// WCXB article bodies (JSON ground truth), also for the word classes.
const WCXB_TRUTH: &str = "../shared/data/wcxb-articles/ground-truth";
/// Default silver training data for the tagger's XPOS pass, and the texts
/// its offsets point into.
const SILVER: &str = "../shared/data/polnear-corenlp/train.conllu.gz";
const SILVER_TEXT: &str = "../shared/data/polnear/train/text";
/// The tagger's ensemble size and silver share.
const TAGGER_ENSEMBLE: usize = 3;
const TAGGER_SILVER_EVERY: usize = 8;
/// Default number of word classes.
const TAGGER_CLASSES: usize = 128;
/// Exchange passes of the word-class induction.
const CLASS_ITERATIONS: usize = 10;

/// `whosaid train silver-trees`: every text parsed on all threads, the
/// trees written in text order (the same file on every run).
fn write_silver_trees(
    paths: &[PathBuf],
    out: &Path,
    reparse: &[String],
    options: &parser::silver::SilverOptions,
) -> CmdResult {
    use rayon::prelude::*;
    let texts = super::raw_texts(paths)?;
    let reparser = if reparse.is_empty() {
        parser::Reparser::english().context("the embedded parser models do not load")?
    } else {
        reparser(reparse)?
    };
    let segmenter = whosaid_nlp::Segmenter::english()?;
    let tagger = whosaid_nlp::TagStage::new(tagger::Tagger::english()?);
    let start = Instant::now();
    let trees: Vec<Vec<parser::TreeSentence>> = texts
        .par_iter()
        .map(|(path, text)| {
            parser::silver::silver_trees(text, &segmenter, &tagger, &reparser, options)
                .with_context(|| path.display().to_string())
        })
        .collect::<anyhow::Result<_>>()?;
    let trees: Vec<parser::TreeSentence> = trees.into_iter().flatten().collect();
    std::fs::write(out, parser::to_conllu(&trees))
        .with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "{} silver trees ({} words) from {} texts in {:.1} s: {}",
        trees.len(),
        trees.iter().map(|t| t.words.len()).sum::<usize>(),
        texts.len(),
        start.elapsed().as_secs_f64(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Word classes over the raw texts of `dir` (files in name order) and the
/// training words.
fn word_classes(
    dirs: &[PathBuf],
    train_words: impl Iterator<Item = Vec<String>>,
    classes: usize,
) -> anyhow::Result<whosaid_nlp::clusters::Clusters> {
    if classes == 0 {
        return Ok(Default::default());
    }
    let texts = super::raw_texts(dirs)?;
    let mut corpus = whosaid_nlp::clusters::segment_texts(texts.iter().map(|(_, t)| t.as_str()));
    corpus.extend(train_words);
    let start = Instant::now();
    let c = whosaid_nlp::clusters::Clusters::induce(&corpus, classes, CLASS_ITERATIONS);
    eprintln!(
        "{classes} word classes over {} words ({} sentences) in {:.1} s",
        c.len(),
        corpus.len(),
        start.elapsed().as_secs_f64()
    );
    Ok(c)
}

/// Reads the silver sentences of `path` (CoreNLP CoNLL-U; see
/// [`tagger::read_silver`]) with the article texts of the folder `texts`.
fn read_silver(path: &Path, texts: &Path) -> anyhow::Result<Vec<tagger::TaggedSentence>> {
    let raw = super::read_text_maybe_gz(path)?;
    // An article without its text keeps CoreNLP's word forms; say so, since
    // a wrong --silver-text would otherwise change the model silently.
    let mut missing = 0usize;
    let out = tagger::read_silver(&raw, |name| {
        std::fs::read_to_string(texts.join(format!("{name}.txt"))).unwrap_or_else(|_| {
            missing += 1;
            String::new()
        })
    });
    anyhow::ensure!(!out.is_empty(), "{}: no CoNLL-U sentences", path.display());
    if missing > 0 {
        eprintln!(
            "warning: {missing} silver article text(s) not found in {}; their words keep CoreNLP's forms",
            texts.display()
        );
    }
    Ok(out)
}

/// Replaces the gold tags of `train` by jackknifed ones: each of `folds`
/// folds is tagged by a tagger trained (as `whosaid train tagger` does) on
/// the other folds. The word classes are induced once, from all of `train`'s
/// words and the raw texts (no tags are read).
fn jackknife(
    train: &mut [parser::TreeSentence],
    folds: usize,
    clusters: &whosaid_nlp::clusters::Clusters,
    silver: &[tagger::TaggedSentence],
) {
    use rayon::prelude::*;
    let folds = folds.max(2);
    let tagged: Vec<tagger::TaggedSentence> = train
        .iter()
        .map(|s| tagger::TaggedSentence {
            words: s.words.clone(),
            xpos: s.xpos.clone(),
            upos: s.upos.clone(),
        })
        .collect();
    let tags: Vec<Vec<(usize, Tags)>> = (0..folds)
        .into_par_iter()
        .map(|f| {
            let rest: Vec<tagger::TaggedSentence> = tagged
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds != f)
                .map(|(_, s)| tagger::TaggedSentence {
                    words: s.words.clone(),
                    xpos: s.xpos.clone(),
                    upos: s.upos.clone(),
                })
                .collect();
            let model = tagger::train_with(&rest, silver, clusters, &tagger_options());
            tagged
                .iter()
                .enumerate()
                .filter(|(i, _)| i % folds == f)
                .map(|(i, s)| {
                    let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                    (i, model.tag(&words))
                })
                .collect()
        })
        .collect();
    for (i, t) in tags.into_iter().flatten() {
        train[i].xpos = t.iter().map(|p| p.0).collect();
        train[i].upos = t.iter().map(|p| p.1).collect();
    }
}

/// (XPOS, UPOS) per word of a sentence.
type Tags = Vec<(Xpos, Upos)>;

/// The tagger's training defaults, reused for jackknifing.
const TAGGER_EPOCHS: usize = 12;
const TAGGER_SEED: u64 = 7;

fn tagger_options() -> tagger::TrainOptions {
    tagger::TrainOptions {
        epochs: TAGGER_EPOCHS,
        seed: TAGGER_SEED,
        ensemble: TAGGER_ENSEMBLE,
        silver_every: TAGGER_SILVER_EVERY,
    }
}

pub fn train(cmd: Train) -> CmdResult {
    let (data, out, extra, unlabeled, classes, silver, silver_text, options) = match cmd {
        Train::Tagger {
            data,
            out,
            epochs,
            seed,
            extra,
            unlabeled,
            classes,
            ensemble,
            silver,
            silver_text,
            silver_every,
        } => (
            data,
            out,
            extra,
            unlabeled,
            classes,
            silver,
            silver_text,
            tagger::TrainOptions {
                epochs,
                seed,
                ensemble,
                silver_every,
            },
        ),
        Train::SilverTrees {
            texts,
            out,
            reparse,
            min_agreement,
            min_words,
            max_words,
        } => {
            let options = parser::silver::SilverOptions {
                min_agreement,
                min_words,
                max_words,
            };
            return write_silver_trees(&texts, &out, &reparse, &options);
        }
        Train::Parser {
            train,
            dev,
            out,
            epochs,
            seed,
            tags,
            folds,
            write_train,
            extra,
            silver_trees,
            unlabeled,
            silver,
            silver_text,
            ensemble,
            beam,
            decode_beam,
            right_to_left,
        } => {
            for w in [beam, decode_beam].into_iter().flatten() {
                anyhow::ensure!(
                    (1..=MAX_BEAM).contains(&w),
                    "beam width {w}: must be 1 to {MAX_BEAM}"
                );
            }
            let silver = match silver {
                Some(p) if tags == "jackknife" => read_silver(&p, &silver_text)?,
                _ => Vec::new(),
            };
            let mut added = Vec::new();
            for path in &silver_trees {
                added.extend(read_trees(path)?);
            }
            return train_parser(
                &train,
                &extra,
                &added,
                &dev,
                &out,
                epochs,
                seed,
                &tags,
                folds,
                &unlabeled,
                &silver,
                write_train.as_deref(),
                ensemble,
                beam.map(|b| (b, decode_beam.unwrap_or(b))),
                right_to_left,
            );
        }
    };
    let mut train = read_conllu(&data.join("en_ewt-ud-train.conllu.gz"))?;
    for path in &extra {
        train.extend(read_conllu(path)?);
    }
    let dev = read_conllu(&data.join("en_ewt-ud-dev.conllu.gz"))?;
    let clusters = word_classes(&unlabeled, train.iter().map(|s| s.words.clone()), classes)?;
    let silver = match &silver {
        Some(p) => read_silver(p, &silver_text)?,
        None => Vec::new(),
    };
    let start = Instant::now();
    let model = tagger::train_with(&train, &silver, &clusters, &options);
    eprintln!(
        "trained on {} sentences in {:.1} s",
        train.len(),
        start.elapsed().as_secs_f64()
    );
    let bytes = model.to_bytes();
    std::fs::write(&out, &bytes).with_context(|| format!("cannot write {}", out.display()))?;
    // Score what was written, after quantisation.
    let written = tagger::Tagger::from_bytes(&bytes)?;
    let (x, u) = tagger::accuracy(&written, &dev);
    println!(
        "wrote {} ({} bytes); EWT dev: XPOS {:.2} %, UPOS {:.2} %",
        out.display(),
        bytes.len(),
        x * 100.0,
        u * 100.0
    );
    Ok(ExitCode::SUCCESS)
}

#[allow(clippy::too_many_arguments)]
fn train_parser(
    train: &Path,
    extra: &[PathBuf],
    silver_trees: &[parser::TreeSentence],
    dev: &Path,
    out: &Path,
    epochs: usize,
    seed: u64,
    tags: &str,
    folds: usize,
    unlabeled: &[PathBuf],
    silver: &[tagger::TaggedSentence],
    write_train: Option<&Path>,
    ensemble: usize,
    beam: Option<(usize, usize)>,
    right_to_left: bool,
) -> CmdResult {
    let mut train = read_trees(train)?;
    for path in extra {
        train.extend(read_trees(path)?);
    }
    let dev = read_trees(dev)?;
    let tagger = tagger::Tagger::english().context("the embedded tagger model does not load")?;
    let start = Instant::now();
    match tags {
        "gold" => {}
        "embedded" => {
            let predicted = tag_all(&tagger, &train);
            for (s, t) in train.iter_mut().zip(predicted) {
                s.xpos = t.iter().map(|p| p.0).collect();
                s.upos = t.iter().map(|p| p.1).collect();
            }
        }
        "jackknife" => {
            // The tagger's word classes (same corpus: the training words
            // and the raw texts), induced once for all folds.
            let clusters = word_classes(
                unlabeled,
                train.iter().map(|s| s.words.clone()),
                TAGGER_CLASSES,
            )?;
            jackknife(&mut train, folds, &clusters, silver)
        }
        other => anyhow::bail!("unknown --tags {other:?} (jackknife, gold or embedded)"),
    }
    eprintln!(
        "training tags ({tags}) ready in {:.1} s",
        start.elapsed().as_secs_f64()
    );
    if let Some(path) = write_train {
        std::fs::write(path, parser::to_conllu(&train))
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    // After the jackknife: silver trees keep the embedded tagger's tags,
    // the tags the parser reads at run time.
    train.extend_from_slice(silver_trees);
    let start = Instant::now();
    let trainer = |train: &[parser::TreeSentence]| match beam {
        Some((width, decode)) => {
            parser::train_ensemble_beam(train, epochs, seed, ensemble, width).with_beam(decode)
        }
        None => parser::train_ensemble(train, epochs, seed, ensemble),
    };
    let model = if right_to_left {
        parser::right_to_left(&train, trainer)
    } else {
        trainer(&train)
    };
    eprintln!(
        "trained on {} sentences in {:.1} s",
        train.len(),
        start.elapsed().as_secs_f64()
    );
    let bytes = model.to_bytes();
    std::fs::write(out, &bytes).with_context(|| format!("cannot write {}", out.display()))?;
    // Score what was written, after quantisation.
    let written = parser::Parser::from_bytes(&bytes)?;
    let predicted = tag_all(&tagger, &dev);
    let a = parser::attachment(&written, &dev, &predicted);
    let g = parser::attachment(&written, &dev, &[]);
    println!(
        "wrote {} ({} bytes); EWT dev, predicted tags: UAS {:.2} %, LAS {:.2} % (full relations {:.2} %); gold tags: UAS {:.2} %, LAS {:.2} %",
        out.display(),
        bytes.len(),
        a.uas * 100.0,
        a.las * 100.0,
        a.las_full * 100.0,
        g.uas * 100.0,
        g.las * 100.0
    );
    Ok(ExitCode::SUCCESS)
}

/// The ensemble `eval ud --reparse` asks for: `MODEL=WEIGHT` each.
fn reparser(specs: &[String]) -> anyhow::Result<parser::Reparser> {
    let mut members = Vec::with_capacity(specs.len());
    for spec in specs {
        let (name, weight) = spec
            .rsplit_once('=')
            .with_context(|| format!("--reparse {spec:?}: expected MODEL=WEIGHT"))?;
        let weight: f32 = weight
            .parse()
            .with_context(|| format!("--reparse {spec:?}: bad weight"))?;
        let model = match name {
            "fast" => parser::Parser::english()?,
            "ewt" => parser::Parser::english_ewt()?,
            "beam" => parser::Parser::english_beam()?,
            "r2l" => parser::Parser::english_right_to_left()?,
            path => {
                let bytes = std::fs::read(path).with_context(|| format!("cannot read {path}"))?;
                parser::Parser::from_bytes(&bytes).with_context(|| path.to_string())?
            }
        };
        members.push((model, weight));
    }
    Ok(parser::Reparser::new(members)?)
}

pub fn eval(cmd: Eval) -> CmdResult {
    let Eval::Ud {
        file,
        parser,
        beam,
        accurate,
        reparse,
    } = cmd;
    if let Some(w) = beam {
        anyhow::ensure!(
            (1..=MAX_BEAM).contains(&w),
            "beam width {w}: must be 1 to {MAX_BEAM}"
        );
    }
    let gold = read_conllu(&file)?;
    let model = tagger::Tagger::english().context("the embedded tagger model does not load")?;
    let start = Instant::now();
    let (x, u) = tagger::accuracy(&model, &gold);
    let secs = start.elapsed().as_secs_f64();
    let tokens: usize = gold.iter().map(|s| s.words.len()).sum();
    println!(
        "{}: {} sentences, {tokens} tokens (gold tokenisation)",
        file.display(),
        gold.len()
    );
    println!("XPOS {:.2} %  UPOS {:.2} %", x * 100.0, u * 100.0);
    println!(
        "tagging speed: {:.0} tokens/s (one thread)",
        tokens as f64 / secs.max(1e-9)
    );
    let trees = read_trees(&file)?;
    let parser: Box<dyn parser::DependencyParser> = if !reparse.is_empty() {
        Box::new(reparser(&reparse)?)
    } else if accurate {
        parser::english_parser(whosaid::ParserModel::Accurate)
            .context("the embedded parser models do not load")?
    } else {
        let single = match parser {
            Some(path) => {
                let bytes = std::fs::read(&path)
                    .with_context(|| format!("cannot read {}", path.display()))?;
                parser::Parser::from_bytes(&bytes)?
            }
            None => parser::Parser::english().context("the embedded parser model does not load")?,
        };
        Box::new(match beam {
            Some(width) => single.with_beam(width),
            None => single,
        })
    };
    let predicted = tag_all(&model, &trees);
    let start = Instant::now();
    let a = parser::attachment(parser.as_ref(), &trees, &predicted);
    let secs = start.elapsed().as_secs_f64();
    println!(
        "UAS {:.2} %  LAS {:.2} %  (predicted tags; all words incl. punctuation; LAS on universal relations, {:.2} % with subtypes)",
        a.uas * 100.0,
        a.las * 100.0,
        a.las_full * 100.0
    );
    let g = parser::attachment(parser.as_ref(), &trees, &[]);
    println!(
        "with gold tags: UAS {:.2} %  LAS {:.2} %",
        g.uas * 100.0,
        g.las * 100.0
    );
    println!(
        "parsing speed: {:.0} tokens/s (one thread, parsing only)",
        a.words as f64 / secs.max(1e-9)
    );
    Ok(ExitCode::SUCCESS)
}
