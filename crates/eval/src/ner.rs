//! Scorer: ner. Exact typed-span precision/recall/F1 over sentences.

use std::collections::HashSet;

/// A typed span over word indices of one sentence: `(sentence, start, end, type)`.
pub type TypedSpan = (usize, usize, usize, String);

/// Precision, recall and F1 with the counts behind them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Prf {
    pub tp: usize,
    pub gold: usize,
    pub pred: usize,
}

impl Prf {
    /// Adds another count (micro-averaging over documents).
    pub fn add(&mut self, other: &Prf) {
        self.tp += other.tp;
        self.gold += other.gold;
        self.pred += other.pred;
    }
    pub fn precision(&self) -> f64 {
        if self.pred == 0 {
            0.0
        } else {
            self.tp as f64 / self.pred as f64
        }
    }
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            self.tp as f64 / self.gold as f64
        }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Scores predicted spans against gold spans (exact boundaries and type).
/// Returns the overall figure and one per type, sorted by type name.
pub fn score(gold: &[TypedSpan], pred: &[TypedSpan]) -> (Prf, Vec<(String, Prf)>) {
    let g: HashSet<&TypedSpan> = gold.iter().collect();
    let p: HashSet<&TypedSpan> = pred.iter().collect();
    let mut types: Vec<String> = g.iter().chain(p.iter()).map(|s| s.3.clone()).collect();
    types.sort();
    types.dedup();
    let all = Prf {
        tp: g.intersection(&p).count(),
        gold: g.len(),
        pred: p.len(),
    };
    let per = types
        .into_iter()
        .map(|t| {
            let prf = Prf {
                tp: g.intersection(&p).filter(|s| s.3 == t).count(),
                gold: g.iter().filter(|s| s.3 == t).count(),
                pred: p.iter().filter(|s| s.3 == t).count(),
            };
            (t, prf)
        })
        .collect();
    (all, per)
}

/// Spans from IOB2 tag strings ("B-PER", "I-PER", "O") of one sentence.
pub fn iob2_spans(sentence: usize, tags: &[&str]) -> Vec<TypedSpan> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        if let Some(t) = tags[i]
            .strip_prefix("B-")
            .or_else(|| tags[i].strip_prefix("I-"))
        {
            let mut j = i + 1;
            while j < tags.len() && tags[j].strip_prefix("I-") == Some(t) {
                j += 1;
            }
            out.push((sentence, i, j, t.to_string()));
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_typed_spans() {
        let g = iob2_spans(0, &["B-PER", "I-PER", "O", "B-LOC"]);
        let p = iob2_spans(0, &["B-PER", "I-PER", "O", "B-ORG"]);
        let (all, per) = score(&g, &p);
        assert_eq!((all.tp, all.gold, all.pred), (1, 2, 2));
        assert_eq!(per.len(), 3);
        assert!((all.f1() - 0.5).abs() < 1e-9);
    }
}
