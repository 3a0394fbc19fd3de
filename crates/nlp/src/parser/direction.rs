//! Right-to-left parsing: the same arc-hybrid parser trained on sentences
//! with their word order reversed.
//!
//! Why: a left-to-right greedy parser commits to early attachments before it
//! has seen the rest of the sentence, so its errors differ from those of a
//! parser reading the other way; a reparsing ensemble (Sagae & Lavie 2006)
//! gains from that disagreement. Reversing the input, rather than adding
//! mirrored transitions, keeps one transition system, one feature set and
//! one trainer. The model file records the direction, so a right-to-left
//! model parses right to left wherever it is loaded.

use super::{Arc, Parser, ParserError, TreeSentence};
use whosaid_core::{Upos, Xpos};

/// Magic of a model file with reading options: this magic, flags (u32,
/// little-endian; bit 0: reads right to left, the others must be clear),
/// then a `WSPAR001` or `WSPAR002` model file. Left-to-right models are
/// written without it, so their files are unchanged.
const DIRECTION_MAGIC: &[u8; 8] = b"WSPAR003";

const RIGHT_TO_LEFT: u32 = 1;

/// The model file for `inner` bytes read right to left when asked.
pub(super) fn direction_bytes(right_to_left: bool, inner: Vec<u8>) -> Vec<u8> {
    if !right_to_left {
        return inner;
    }
    let mut out = DIRECTION_MAGIC.to_vec();
    out.extend_from_slice(&RIGHT_TO_LEFT.to_le_bytes());
    out.extend(inner);
    out
}

/// The inner model file of a right-to-left (`WSPAR003`) file; `None` for
/// any other file.
pub(super) fn direction_header(bytes: &[u8]) -> Result<Option<&[u8]>, ParserError> {
    let Some(rest) = bytes.strip_prefix(DIRECTION_MAGIC.as_slice()) else {
        return Ok(None);
    };
    let (flags, rest) = rest
        .split_first_chunk::<4>()
        .ok_or_else(|| ParserError::Corrupt("direction flags missing".into()))?;
    match u32::from_le_bytes(*flags) {
        RIGHT_TO_LEFT => Ok(Some(rest)),
        other => Err(ParserError::Corrupt(format!(
            "unknown direction flags {other:#x}"
        ))),
    }
}

impl Parser {
    /// The same weights marked as trained on reversed sentences.
    pub(super) fn reading_right_to_left(mut self) -> Self {
        self.right_to_left = true;
        self
    }
}

/// Trains a right-to-left parser: `train` (any of the trainers) runs on the
/// sentences reversed, and the model it returns is marked to reverse what
/// it parses. Tags travel with their words; heads are renumbered.
pub fn right_to_left(
    sentences: &[TreeSentence],
    train: impl FnOnce(&[TreeSentence]) -> Parser,
) -> Parser {
    let reversed: Vec<TreeSentence> = sentences.iter().map(TreeSentence::reversed).collect();
    train(&reversed).reading_right_to_left()
}

impl TreeSentence {
    /// The sentence with its words in reverse order, heads renumbered
    /// (heads out of range are kept, so an invalid tree stays invalid).
    pub fn reversed(&self) -> TreeSentence {
        let n = self.words.len();
        TreeSentence {
            words: self.words.iter().rev().cloned().collect(),
            upos: self.upos.iter().rev().copied().collect(),
            xpos: self.xpos.iter().rev().copied().collect(),
            heads: self
                .heads
                .iter()
                .rev()
                .map(|h| h.map(|h| if h < n { n - 1 - h } else { h }))
                .collect(),
            deprels: self.deprels.iter().rev().copied().collect(),
        }
    }
}

/// The words and tags of a sentence in reverse order; missing tags (the
/// tag slices may be shorter than the words) read as unset, as in parsing.
pub(super) fn reversed_input<'a>(
    words: &[&'a str],
    upos: &[Upos],
    xpos: &[Xpos],
) -> (Vec<&'a str>, Vec<Upos>, Vec<Xpos>) {
    let n = words.len();
    (
        words.iter().rev().copied().collect(),
        (0..n)
            .rev()
            .map(|i| upos.get(i).copied().unwrap_or_default())
            .collect(),
        (0..n)
            .rev()
            .map(|i| xpos.get(i).copied().unwrap_or_default())
            .collect(),
    )
}

/// A tree of the reversed sentence as a tree of the sentence.
pub(super) fn unreversed_arcs(arcs: Vec<Arc>) -> Vec<Arc> {
    let n = arcs.len();
    arcs.into_iter()
        .rev()
        .map(|(h, rel)| (h.and_then(|h| n.checked_sub(h + 1)), rel))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::tests::TOY;
    use super::super::{attachment, read_conllu, train, train_ensemble_beam};
    use super::*;
    use whosaid_core::DepRel;

    #[test]
    fn reversing_twice_gives_the_sentence_back() {
        for s in read_conllu(TOY) {
            let r = s.reversed();
            assert_eq!(r.words.first(), s.words.last());
            assert_eq!(r.gold_heads().is_some(), s.gold_heads().is_some());
            let back = r.reversed();
            assert_eq!(back.words, s.words);
            assert_eq!(back.heads, s.heads);
            assert_eq!(back.deprels, s.deprels);
        }
        let arcs = vec![
            (Some(1), DepRel::Nsubj),
            (None, DepRel::Root),
            (Some(1), DepRel::Obj),
        ];
        let rev = unreversed_arcs(arcs.clone());
        assert_eq!(rev[0], (Some(1), DepRel::Obj));
        assert_eq!(unreversed_arcs(rev), arcs);
    }

    #[test]
    fn a_right_to_left_model_learns_and_round_trips() {
        let data = read_conllu(TOY);
        for beam in [false, true] {
            let p = right_to_left(&data, |s| {
                if beam {
                    train_ensemble_beam(s, 15, 1, 1, 4)
                } else {
                    train(s, 15, 1)
                }
            });
            assert!(p.is_right_to_left());
            let a = attachment(&p, &data, &[]);
            assert!(a.uas > 0.99 && a.las_full > 0.99, "beam {beam}: {a:?}");
            let bytes = p.to_bytes();
            assert!(bytes.starts_with(DIRECTION_MAGIC));
            let back = Parser::from_bytes(&bytes).unwrap();
            assert!(back.is_right_to_left());
            assert_eq!(back.beam(), p.beam());
            assert_eq!(back.to_bytes(), bytes);
            assert_eq!(attachment(&back, &data, &[]), a);
            // Odd input: one root, heads in range.
            for words in [vec![], vec!["Hi"], vec!["word"; 500]] {
                let arcs = back.parse(&words, &[Upos::Noun], &[]);
                assert_eq!(arcs.len(), words.len());
                assert_eq!(
                    arcs.iter().filter(|a| a.0.is_none()).count(),
                    usize::from(!words.is_empty())
                );
                assert!(arcs.iter().filter_map(|a| a.0).all(|h| h < words.len()));
            }
        }
        // A left-to-right file is written as before, without the header.
        assert!(!train(&data, 2, 1).to_bytes().starts_with(DIRECTION_MAGIC));
    }

    #[test]
    fn bad_direction_headers_are_refused() {
        let p = right_to_left(&read_conllu(TOY), |s| train(s, 2, 1));
        let bytes = p.to_bytes();
        assert!(Parser::from_bytes(&bytes[..10]).is_err());
        let mut flags = bytes.clone();
        flags[8] = 3;
        assert!(Parser::from_bytes(&flags).is_err());
        // A header around a header is refused.
        let mut nested = bytes[..12].to_vec();
        nested.extend_from_slice(&bytes);
        assert!(Parser::from_bytes(&nested).is_err());
    }
}
