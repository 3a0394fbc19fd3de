//! Impersonal passives: "It is understood that…", "it was alleged last
//! night that…".
//!
//! British and wire copy attribute claims to no one in particular this way.
//! PolNeAR's American political news holds few of them (three in train and
//! dev, all found by the span model), so the model misses the rest; the
//! words themselves are unambiguous. PolNeAR marks the auxiliaries and the
//! participle as the cue ("was widely reported"), the that-clause as the
//! content, and no source.

use whosaid_core::{Attribution, Document, Region, Span, Upos};

/// Participles that report or hold a claim (read by their form: a tagger
/// may call "alleged" an adjective).
const REPORTING: &[&str] = &[
    "alleged",
    "reported",
    "understood",
    "believed",
    "said",
    "claimed",
    "thought",
    "expected",
    "feared",
    "rumored",
    "rumoured",
    "suggested",
    "estimated",
    "known",
    "assumed",
    "argued",
    "hoped",
    "announced",
    "noted",
    "acknowledged",
    "predicted",
    "confirmed",
];
/// Auxiliaries between "it" and the participle.
const AUXILIARIES: &[&str] = &[
    "is", "was", "'s", "’s", "has", "had", "have", "will", "would", "be", "been", "being",
];
/// Words between the participle and "that" ("last night", "by officials").
const MAX_GAP: usize = 5;

/// Whether a cue is a form of "be" and a reporting participle ("was
/// alleged", "has been widely reported"): its "it" is no one.
pub(crate) fn is_impersonal_cue(cue: &str) -> bool {
    let words: Vec<String> = cue.split_whitespace().map(str::to_lowercase).collect();
    let passive = words.iter().any(|w| {
        matches!(
            w.as_str(),
            "is" | "was" | "be" | "been" | "being" | "'s" | "’s"
        )
    });
    passive
        && words
            .last()
            .is_some_and(|w| REPORTING.contains(&w.as_str()))
}

/// Adds an attribution for each impersonal passive with a that-clause whose
/// participle no existing cue covers.
pub(crate) fn add_impersonal_passives(doc: &mut Document) {
    let cues = super::nested::cue_index(&doc.attributions);
    let mut added = Vec::new();
    for sentence in &doc.sentences {
        let range = sentence.token_range();
        if range.end > doc.tokens.len() {
            continue;
        }
        let text = |k: usize| doc.token_text(k).to_lowercase();
        for it in range.clone() {
            if text(it) != "it" || doc.tokens[it].upos != Upos::Pron {
                continue;
            }
            let mut k = it + 1;
            while k < range.end && AUXILIARIES.contains(&text(k).as_str()) {
                k += 1;
            }
            if k == it + 1 {
                continue;
            }
            let first_aux = it + 1;
            // "was widely reported", "is now understood".
            if k < range.end && doc.tokens[k].upos == Upos::Adv {
                k += 1;
            }
            let Some(participle) = (k < range.end).then_some(k) else {
                continue;
            };
            if !REPORTING.contains(&text(participle).as_str()) {
                continue;
            }
            let gap_end = (participle + 1 + MAX_GAP + 1).min(range.end);
            let Some(that) = (participle + 1..gap_end).find(|&j| text(j) == "that") else {
                continue;
            };
            // Only a time or a phrase between: a verb there starts a clause
            // of its own ("it was said he knew that…").
            if doc.tokens[participle + 1..that]
                .iter()
                .any(|t| matches!(t.upos, Upos::Verb | Upos::Aux | Upos::Pron))
            {
                continue;
            }
            // The content runs to the sentence's last word.
            let Some(last) = range
                .clone()
                .rev()
                .find(|&j| j > that && doc.tokens[j].upos != Upos::Punct)
            else {
                continue;
            };
            let cue = Span::new(
                doc.tokens[first_aux].span.start,
                doc.tokens[participle].span.end,
            );
            if cues.overlapping(cue).next().is_some() {
                continue;
            }
            let content = Span::new(doc.tokens[that].span.start, doc.tokens[last].span.end);
            added.push(Attribution {
                content: Some(Region::single(content)),
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

    fn found(text: &str) -> Vec<(String, String)> {
        let mut doc = tagged(text);
        add_impersonal_passives(&mut doc);
        found_spans(&doc)
            .into_iter()
            .map(|(_, cue, content)| (cue, content))
            .collect()
    }

    #[test]
    fn an_impersonal_passive_attributes_its_that_clause_to_no_one() {
        assert_eq!(
            found("It is understood that the memo was sent in March."),
            [(
                "is understood".to_string(),
                "that the memo was sent in March".to_string()
            )]
        );
        assert_eq!(
            found("It was alleged last night that other officials had raised concerns."),
            [(
                "was alleged".to_string(),
                "that other officials had raised concerns".to_string()
            )]
        );
        assert_eq!(
            found("It has been widely reported that the talks failed.")[0].0,
            "has been widely reported"
        );
    }

    #[test]
    fn impersonal_cues_are_be_and_a_reporting_participle() {
        assert!(is_impersonal_cue("was alleged"));
        assert!(is_impersonal_cue("has been widely reported"));
        assert!(!is_impersonal_cue("has said"));
        assert!(!is_impersonal_cue("was angry"));
    }

    #[test]
    fn other_uses_of_it_are_left_alone() {
        assert!(found("It was clear that the talks had failed.").is_empty());
        assert!(found("It was reported to the police on Monday.").is_empty());
        assert!(found("He said it was known he would run and that he had won.").is_empty());
    }
}
