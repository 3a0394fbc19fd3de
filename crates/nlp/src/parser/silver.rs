//! Silver training trees: raw text parsed by the reparsing ensemble, keeping
//! the sentences on whose heads its members (nearly) all agree.
//!
//! Why: EWT train is 200k words of web text; a parser learns more from an
//! ensemble's trees on text like the text it will parse (news and web
//! articles), and the sentences the members agree on are the ones whose
//! trees are mostly right (tri-training: Li et al. 2014, Weiss et al. 2015).
//! `whosaid train silver-trees` writes them; `train parser --silver-trees`
//! adds them to EWT train after the jackknife, with the tags as written
//! (the embedded tagger's, as at run time).

use super::{parser_input, Reparser, TreeSentence};
use crate::{Segmenter, TagStage};
use whosaid_core::{Document, Stage, StageError};

/// Which parsed sentences become training trees.
#[derive(Debug, Clone, Copy)]
pub struct SilverOptions {
    /// Share of a sentence's words on whose head every member agreed.
    pub min_agreement: f64,
    /// Shorter sentences are skipped (headings, list items).
    pub min_words: usize,
    /// Longer sentences are skipped (run-ons, tables read as text).
    pub max_words: usize,
}

impl Default for SilverOptions {
    /// 0.8 of the words, 3 to 120 words (1.39 M words from the default
    /// texts): the greedy parser trained with these trees scores EWT dev
    /// UAS 85.81 and GUM Wikinews dev 84.04, against 85.76 / 83.46 at 0.9,
    /// 85.39 / 83.36 with only fully agreed sentences and 85.06 / 83.02
    /// with none (docs/benchmarks.md).
    fn default() -> Self {
        SilverOptions {
            min_agreement: 0.8,
            min_words: 3,
            max_words: 120,
        }
    }
}

/// The silver trees of one raw text, in text order: segmented and tagged by
/// the given stages, parsed by `reparser`.
pub fn silver_trees(
    text: &str,
    segmenter: &Segmenter,
    tagger: &TagStage,
    reparser: &Reparser,
    options: &SilverOptions,
) -> Result<Vec<TreeSentence>, StageError> {
    let mut doc = Document::new(text.to_string());
    segmenter.process(&mut doc)?;
    tagger.process(&mut doc)?;
    let mut trees = Vec::new();
    for sentence in &doc.sentences {
        let range = sentence.token_range();
        let n = range.len();
        if n < options.min_words || n > options.max_words {
            continue;
        }
        let (words, upos, xpos) = parser_input(&doc, range);
        let (arcs, agreed) = reparser.parse_with_agreement(&words, &upos, &xpos);
        if (agreed as f64 / n as f64) < options.min_agreement {
            continue;
        }
        trees.push(TreeSentence {
            words: words.iter().map(|w| w.to_string()).collect(),
            upos,
            xpos,
            heads: arcs.iter().map(|a| a.0).collect(),
            deprels: arcs.iter().map(|a| a.1).collect(),
        });
    }
    Ok(trees)
}

#[cfg(test)]
mod tests {
    use super::super::tests::TOY;
    use super::super::{read_conllu, right_to_left, train};
    use super::*;
    use crate::Tagger;

    #[test]
    fn silver_trees_keep_agreed_sentences_in_range() {
        let data = read_conllu(TOY);
        let l2r = train(&data, 15, 1);
        let r2l = right_to_left(&data, |s| train(s, 15, 1));
        let reparser = Reparser::new(vec![(l2r.clone(), 1.0), (r2l, 0.9)]).unwrap();
        let segmenter = Segmenter::english().unwrap();
        let tagger = TagStage::new(Tagger::english().unwrap());
        let text = "She said it. Yes.\n\nHe said that she said it.";
        let all = SilverOptions {
            min_agreement: 0.0,
            min_words: 1,
            max_words: 100,
        };
        let trees = silver_trees(text, &segmenter, &tagger, &reparser, &all).unwrap();
        assert_eq!(trees.len(), 3);
        assert_eq!(trees[0].words, ["She", "said", "it", "."]);
        for t in &trees {
            assert_eq!(t.heads.len(), t.words.len());
            assert_eq!(t.heads.iter().filter(|h| h.is_none()).count(), 1);
        }
        // Length limits.
        let short = SilverOptions {
            min_words: 3,
            max_words: 4,
            ..all
        };
        let trees = silver_trees(text, &segmenter, &tagger, &reparser, &short).unwrap();
        assert_eq!(trees.len(), 1);
        // Full agreement keeps only sentences every member parsed alike,
        // and those are the reparser's trees.
        let agreed = SilverOptions {
            min_agreement: 1.0,
            ..all
        };
        for t in silver_trees(text, &segmenter, &tagger, &reparser, &agreed).unwrap() {
            let words: Vec<&str> = t.words.iter().map(String::as_str).collect();
            let (arcs, n) = reparser.parse_with_agreement(&words, &t.upos, &t.xpos);
            assert_eq!(n, words.len());
            assert_eq!(arcs.iter().map(|a| a.0).collect::<Vec<_>>(), t.heads);
        }
        // One member: nothing is compared, nothing agreed.
        let alone = Reparser::new(vec![(l2r, 1.0)]).unwrap();
        assert!(silver_trees(text, &segmenter, &tagger, &alone, &agreed)
            .unwrap()
            .is_empty());
    }
}
