//! Scorer: PolNeAR attributions.
//!
//! Runs the full pipeline over `DIR/text` and compares `Document::attributions`
//! with the gold relations of `DIR/attributions` (first annotator file by name).
//!
//! Measures, per role (source, cue, content):
//! - **exact**: a predicted span matches a gold span of the same role when both
//!   cover the same text after trimming whitespace and punctuation at the edges
//!   of each part (parts separated only by whitespace/punctuation are merged);
//! - **overlap**: a predicted span matches a gold span of the same role when
//!   they share at least one code point; matching is one-to-one, greedy by
//!   overlap size (largest shared length first, ties by position).
//!
//! And **linked attributions**: a predicted attribution matches a gold one
//! (one-to-one, greedy by cue + content overlap) when their cues overlap,
//! their contents overlap (or both are absent) and their sources overlap (or
//! both are absent). Gold relations without a cue (a few incomplete
//! annotations) stay in the gold count and can never be matched.
//!
//! Speed is articles per second of analysis only (file reading excluded),
//! over a rayon pool, the articles analysed as one batch stage by stage
//! ([`whosaid::Engine::analyze_batch`]).

use serde::Serialize;
use std::path::Path;
use std::time::Instant;
use whosaid_attribution::polnear::{read_split, Article, GoldAttribution, PolnearError};
use whosaid_core::{Attribution, Document, Region, Span};

/// Precision, recall and F1 from counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    pub tp: usize,
    pub predicted: usize,
    pub gold: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    pub fn new(tp: usize, predicted: usize, gold: usize) -> Self {
        let precision = if predicted == 0 {
            0.0
        } else {
            tp as f64 / predicted as f64
        };
        let recall = if gold == 0 {
            0.0
        } else {
            tp as f64 / gold as f64
        };
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Prf {
            tp,
            predicted,
            gold,
            precision,
            recall,
            f1,
        }
    }
    fn add(&mut self, o: &Prf) {
        *self = Prf::new(
            self.tp + o.tp,
            self.predicted + o.predicted,
            self.gold + o.gold,
        );
    }
}

/// Exact and overlap scores of one role.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct RoleScore {
    pub exact: Prf,
    pub overlap: Prf,
}

/// The full report of `whosaid eval polnear`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PolnearReport {
    pub articles: usize,
    pub source: RoleScore,
    pub cue: RoleScore,
    pub content: RoleScore,
    pub linked: Prf,
    /// Analysis wall time in seconds (reading files excluded).
    pub seconds: f64,
    pub articles_per_second: f64,
    pub threads: usize,
}

/// Errors of the scorer.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error(transparent)]
    Data(#[from] PolnearError),
    #[error("{name}: {message}")]
    Analysis { name: String, message: String },
}

fn is_trim(c: char) -> bool {
    c.is_whitespace() || (!c.is_alphanumeric() && !matches!(c, '$' | '%' | '&' | '@' | '#'))
}

/// The normalised parts of a region for exact comparison.
pub fn normalise(text: &[char], r: &Region) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    for p in r.parts() {
        let (mut s, mut e) = (p.start as usize, (p.end as usize).min(text.len()));
        while s < e && is_trim(text[s]) {
            s += 1;
        }
        while e > s && is_trim(text[e - 1]) {
            e -= 1;
        }
        if s >= e {
            continue;
        }
        match out.last_mut() {
            Some(last)
                if (last.end as usize) <= s
                    && text[last.end as usize..s].iter().all(|&c| is_trim(c)) =>
            {
                last.end = e as u32;
            }
            _ => out.push(Span::new(s as u32, e as u32)),
        }
    }
    out
}

/// One-to-one greedy matching by a pair weight (> 0 means compatible).
/// Returns the number of matched pairs and the matches (pred, gold).
fn greedy(
    n_pred: usize,
    n_gold: usize,
    weight: impl Fn(usize, usize) -> u64,
) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for p in 0..n_pred {
        for g in 0..n_gold {
            let w = weight(p, g);
            if w > 0 {
                pairs.push((w, p, g));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut used_p = vec![false; n_pred];
    let mut used_g = vec![false; n_gold];
    let mut out = Vec::new();
    for (_, p, g) in pairs {
        if !used_p[p] && !used_g[g] {
            used_p[p] = true;
            used_g[g] = true;
            out.push((p, g));
        }
    }
    out
}

fn role_score(text: &[char], pred: &[&Region], gold: &[&Region]) -> RoleScore {
    let overlap = greedy(pred.len(), gold.len(), |p, g| {
        pred[p].overlap_len(gold[g]) as u64
    });
    let pn: Vec<Vec<Span>> = pred.iter().map(|r| normalise(text, r)).collect();
    let gn: Vec<Vec<Span>> = gold.iter().map(|r| normalise(text, r)).collect();
    let exact = greedy(pred.len(), gold.len(), |p, g| {
        (!pn[p].is_empty() && pn[p] == gn[g]) as u64
    });
    RoleScore {
        exact: Prf::new(exact.len(), pred.len(), gold.len()),
        overlap: Prf::new(overlap.len(), pred.len(), gold.len()),
    }
}

fn opt_overlap(a: &Option<Region>, b: &Option<Region>) -> Option<u64> {
    match (a, b) {
        (Some(a), Some(b)) => {
            let o = a.overlap_len(b) as u64;
            (o > 0).then_some(o)
        }
        (None, None) => Some(0),
        _ => None,
    }
}

/// Scores one article's predictions against its gold attributions.
pub fn score_article(text: &str, pred: &[Attribution], gold: &[GoldAttribution]) -> PolnearReport {
    let chars: Vec<char> = text.chars().collect();
    let mut r = PolnearReport {
        articles: 1,
        ..Default::default()
    };
    let ps: Vec<&Region> = pred.iter().filter_map(|a| a.source.as_ref()).collect();
    let gs: Vec<&Region> = gold.iter().filter_map(|a| a.source.as_ref()).collect();
    r.source = role_score(&chars, &ps, &gs);
    let pc: Vec<&Region> = pred.iter().map(|a| &a.cue).collect();
    let gc: Vec<&Region> = gold.iter().filter_map(|a| a.cue.as_ref()).collect();
    r.cue = role_score(&chars, &pc, &gc);
    let pt: Vec<&Region> = pred.iter().filter_map(|a| a.content.as_ref()).collect();
    let gt: Vec<&Region> = gold.iter().filter_map(|a| a.content.as_ref()).collect();
    r.content = role_score(&chars, &pt, &gt);
    let linked = greedy(pred.len(), gold.len(), |p, g| {
        let (pa, ga) = (&pred[p], &gold[g]);
        let Some(gcue) = &ga.cue else { return 0 };
        let cue = pa.cue.overlap_len(gcue) as u64;
        if cue == 0 {
            return 0;
        }
        let Some(content) = opt_overlap(&pa.content, &ga.content) else {
            return 0;
        };
        if opt_overlap(&pa.source, &ga.source).is_none() {
            return 0;
        }
        cue + content + 1
    });
    r.linked = Prf::new(linked.len(), pred.len(), gold.len());
    r
}

fn merge(total: &mut PolnearReport, r: &PolnearReport) {
    total.articles += r.articles;
    for (t, x) in [
        (&mut total.source, &r.source),
        (&mut total.cue, &r.cue),
        (&mut total.content, &r.content),
    ] {
        t.exact.add(&x.exact);
        t.overlap.add(&x.overlap);
    }
    total.linked.add(&r.linked);
}

/// Scores predictions already made (one document per article, same order).
pub fn score(articles: &[Article], docs: &[Document]) -> PolnearReport {
    let mut total = PolnearReport::default();
    for (a, d) in articles.iter().zip(docs) {
        merge(
            &mut total,
            &score_article(&a.text, &d.attributions, &a.attributions),
        );
    }
    total
}

/// Reads a split, analyses every article with `engine` in parallel and scores it.
pub fn evaluate(
    engine: &whosaid::Engine,
    dir: &Path,
) -> Result<(PolnearReport, Vec<Document>), EvalError> {
    let articles = read_split(dir)?;
    let mut docs: Vec<Document> = articles
        .iter()
        .map(|a| Document::new(a.text.clone()))
        .collect();
    let start = Instant::now();
    let results = engine.analyze_batch(&mut docs, None);
    if let Some((a, Err(e))) = articles.iter().zip(results).find(|(_, r)| r.is_err()) {
        return Err(EvalError::Analysis {
            name: a.name.clone(),
            message: e.to_string(),
        });
    }
    let seconds = start.elapsed().as_secs_f64();
    let mut report = score(&articles, &docs);
    report.seconds = seconds;
    report.articles_per_second = if seconds > 0.0 {
        articles.len() as f64 / seconds
    } else {
        0.0
    };
    report.threads = rayon::current_num_threads();
    Ok((report, docs))
}

impl PolnearReport {
    /// A plain-text table.
    pub fn to_table(&self) -> String {
        let mut s = String::new();
        s.push_str(&format!("PolNeAR: {} articles\n", self.articles));
        s.push_str("role      match    P      R      F1     (tp/pred/gold)\n");
        for (name, r) in [
            ("source", &self.source),
            ("cue", &self.cue),
            ("content", &self.content),
        ] {
            for (m, p) in [("exact", &r.exact), ("overlap", &r.overlap)] {
                s.push_str(&format!(
                    "{name:<9} {m:<8} {:.3}  {:.3}  {:.3}  ({}/{}/{})\n",
                    p.precision, p.recall, p.f1, p.tp, p.predicted, p.gold
                ));
            }
        }
        let l = &self.linked;
        s.push_str(&format!(
            "linked attributions  P {:.3}  R {:.3}  F1 {:.3}  ({}/{}/{})\n",
            l.precision, l.recall, l.f1, l.tp, l.predicted, l.gold
        ));
        s.push_str(&format!(
            "speed: {:.1} articles/s ({:.2} s analysis, {} threads)\n",
            self.articles_per_second, self.seconds, self.threads
        ));
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attr(
        source: Option<(u32, u32)>,
        cue: (u32, u32),
        content: Option<(u32, u32)>,
    ) -> Attribution {
        Attribution {
            source: source.map(|(s, e)| Region::single(Span::new(s, e))),
            content: content.map(|(s, e)| Region::single(Span::new(s, e))),
            ..Attribution::with_cue(0, Region::single(Span::new(cue.0, cue.1)))
        }
    }

    fn gold(
        source: Option<(u32, u32)>,
        cue: (u32, u32),
        content: Option<(u32, u32)>,
    ) -> GoldAttribution {
        GoldAttribution {
            source: source.map(|(s, e)| Region::single(Span::new(s, e))),
            cue: Some(Region::single(Span::new(cue.0, cue.1))),
            content: content.map(|(s, e)| Region::single(Span::new(s, e))),
        }
    }

    #[test]
    fn exact_ignores_edge_punctuation_and_overlap_is_one_to_one() {
        //          0         1         2
        //          0123456789012345678901234
        let text = "“We won,” Smith said.";
        let g = [gold(Some((10, 15)), (16, 20), Some((1, 7)))];
        let p = [attr(Some((10, 15)), (16, 20), Some((0, 9)))];
        let r = score_article(text, &p, &g);
        assert_eq!(r.content.exact.tp, 1);
        assert_eq!(r.linked.tp, 1);
        // Two predictions over one gold: one true positive, one false positive.
        let p2 = [p[0].clone(), attr(None, (16, 20), Some((1, 3)))];
        let r = score_article(text, &p2, &g);
        assert_eq!(r.content.overlap.tp, 1);
        assert_eq!(r.content.overlap.predicted, 2);
        assert_eq!(r.linked.tp, 1);
        assert!((r.linked.precision - 0.5).abs() < 1e-9);
    }

    #[test]
    fn sourceless_must_match_sourceless() {
        let text = "It was reported that x happened.";
        let g = [gold(None, (7, 15), Some((16, 31)))];
        let ok = score_article(text, &[attr(None, (7, 15), Some((21, 31)))], &g);
        assert_eq!(ok.linked.tp, 1);
        let bad = score_article(text, &[attr(Some((0, 2)), (7, 15), Some((21, 31)))], &g);
        assert_eq!(bad.linked.tp, 0);
    }
}
