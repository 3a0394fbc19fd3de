//! Assessments in intelligence and analysts' language.
//!
//! "The agency assessed with high confidence that the missile was fired
//! from the east", "we judge that…": the estimative verbs of ICD 203
//! reports. PolNeAR's political news holds almost none of them (no
//! "assess" cue in train), so the span model does not know them; the
//! dependency tree does: the verb's clausal complement is the content and
//! its subject the source.

use super::shared_subject::subtree_span;
use whosaid_core::{Attribution, CueKind, DepRel, Document, Region, Span, Upos};

/// Lemmas of the estimative verbs.
const ESTIMATIVE: &[&str] = &["assess", "judge"];
/// Words between the verb and its complement that may join the cue ("with
/// high confidence", "with moderate confidence").
const MAX_CUE_TAIL: usize = 6;
/// Longer sentences are left alone (their trees are unreliable).
const MAX_SENTENCE_TOKENS: usize = 200;

/// Adds an attribution for each estimative verb with a clausal complement
/// that no existing cue covers.
pub(crate) fn add_assessments(doc: &mut Document) {
    let cues = super::nested::cue_index(&doc.attributions);
    let mut added = Vec::new();
    for sentence in &doc.sentences {
        let range = sentence.token_range();
        if range.len() > MAX_SENTENCE_TOKENS || range.end > doc.tokens.len() {
            continue;
        }
        for v in range.clone() {
            let t = &doc.tokens[v];
            if t.upos != Upos::Verb || !ESTIMATIVE.iter().any(|l| t.lemma.eq_ignore_ascii_case(l)) {
                continue;
            }
            let child = |rel: DepRel| {
                range
                    .clone()
                    .find(|&k| doc.tokens[k].head == Some(v as u32) && doc.tokens[k].deprel == rel)
            };
            // The complement; a greedy parse may hang a that-clause as an
            // adverbial one.
            let that_clause = |c: usize| {
                range.clone().any(|k| {
                    doc.tokens[k].head == Some(c as u32)
                        && doc.tokens[k].deprel == DepRel::Mark
                        && doc.token_text(k).eq_ignore_ascii_case("that")
                })
            };
            let complement = child(DepRel::Ccomp)
                .or_else(|| child(DepRel::Advcl).filter(|&c| that_clause(c)))
                .filter(|&c| c > v);
            let Some(complement) = complement else {
                continue;
            };
            let Some(content) = subtree_span(doc, range.clone(), complement) else {
                continue;
            };
            // A question is weighed, not estimated: "assess whether
            // foreigners are credible", "don't judge what people buy".
            let opener = doc
                .token_text(doc.token_at_or_after(content.start))
                .to_lowercase();
            if matches!(
                opener.as_str(),
                "whether" | "if" | "what" | "how" | "who" | "why" | "when" | "where" | "which"
            ) {
                continue;
            }
            // The cue: the verb with its auxiliaries and negation before it,
            // and what stands between it and the complement when that hangs
            // from the verb ("assessed | with high confidence | that…").
            let mut first = v;
            while first > range.start
                && doc.tokens[first - 1].head == Some(v as u32)
                && matches!(doc.tokens[first - 1].deprel, DepRel::Aux | DepRel::Advmod)
            {
                first -= 1;
            }
            let content_first = doc.token_at_or_after(content.start);
            let mut last = v;
            let governed = |k: usize| {
                let mut k = k;
                for _ in 0..4 {
                    match doc.tokens[k].head {
                        Some(h) if h as usize == v => return true,
                        Some(h) if range.contains(&(h as usize)) => k = h as usize,
                        _ => return false,
                    }
                }
                false
            };
            if content_first > v + 1
                && content_first - v - 1 <= MAX_CUE_TAIL
                && (v + 1..content_first).all(governed)
            {
                last = content_first - 1;
            }
            let cue = Span::new(doc.tokens[first].span.start, doc.tokens[last].span.end);
            if cues.overlapping(cue).next().is_some() {
                continue;
            }
            // The subject; or, when the parse reads the verb as modifying
            // the noun before it ("The agency | assessed…" as a reduced
            // relative), that noun's phrase up to the verb.
            let subject = child(DepRel::Nsubj)
                .filter(|&s| s < first)
                .and_then(|s| subtree_span(doc, range.clone(), s));
            let modified = || {
                let h = t.head.map(|h| h as usize).filter(|&h| h < first)?;
                if !matches!(t.deprel, DepRel::Acl) {
                    return None;
                }
                let phrase = subtree_span(doc, range.clone(), h)?;
                Some(Span::new(phrase.start, doc.tokens[first - 1].span.end))
            };
            let source = subject.or_else(modified).map(Region::single);
            added.push(Attribution {
                source,
                content: Some(Region::single(content)),
                cue_kind: CueKind::Belief,
                score: 0.8,
                ..Attribution::with_cue(0, Region::single(cue))
            });
        }
    }
    doc.attributions.extend(added);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::test_support::{found_spans, tagged};

    fn assessed(text: &str) -> Vec<(Option<String>, String, String)> {
        let mut doc = tagged(text);
        add_assessments(&mut doc);
        found_spans(&doc)
    }

    #[test]
    fn an_estimative_verb_attributes_its_complement() {
        let found = assessed(
            "The agency assessed with high confidence that the missile was fired from the east.",
        );
        assert_eq!(
            found,
            [(
                Some("The agency".to_string()),
                "assessed with high confidence".to_string(),
                "that the missile was fired from the east".to_string()
            )]
        );
        let found = assessed("We judge that Moscow will not stop.");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, "judge");
        assert_eq!(found[0].2, "that Moscow will not stop");
    }

    #[test]
    fn other_senses_and_covered_cues_are_left_alone() {
        // No clausal complement.
        assert!(assessed("The team assessed the damage on Monday.").is_empty());
        assert!(assessed("The judge ruled that the law stands.").is_empty());
        assert!(assessed("Officers assess whether visitors pose a risk.").is_empty());
    }
}
