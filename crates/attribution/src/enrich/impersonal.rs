//! Impersonal passives: "It is understood that…", "it was alleged last
//! night that…".
//!
//! British and wire copy attribute claims to no one in particular this way.
//! PolNeAR's American political news holds few of them (three in train and
//! dev, all found by the span model), so the model misses the rest; the
//! words themselves are unambiguous. PolNeAR marks the auxiliaries and the
//! participle as the cue ("was widely reported"), the that-clause as the
//! content, and no source.

use whosaid_core::{Attribution, DepRel, Document, Region, Span, Upos, Xpos};

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

/// Participles whose passive raises its subject out of the claim: "X is
/// expected to win" says that someone expects X to win.
const RAISING: &[&str] = &[
    "expect",
    "say",
    "report",
    "rumor",
    "rumour",
    "think",
    "believe",
    "know",
    "project",
    "predict",
    "estimate",
    "suppose",
    "understand",
    "schedule",
];

/// "Executives are widely expected to unveil…", "more than 100 MPs
/// expected to vote against…": the subject of a raising passive is not
/// who expects; PolNeAR leaves such cues without a source and their subject
/// in the content (57 "be expected" cues in train, none with a source). The
/// model took the subject for the source; it moves into the content.
pub(crate) fn raising_subject_joins_content(doc: &Document, a: &mut Attribution) {
    let (Some(source), Some(cue)) = (&a.source, a.cue.extent()) else {
        return;
    };
    let Some(source_span) = source.extent() else {
        return;
    };
    if source_span.end > cue.start {
        return;
    }
    let first = doc.token_at_or_after(cue.start);
    // The cue ends with the participle ("'s expected to argue" is the
    // subject's own claim).
    let Some(verb) = (first..doc.tokens.len())
        .take_while(|&k| doc.tokens[k].span.end <= cue.end)
        .last()
    else {
        return;
    };
    let tok = &doc.tokens[verb];
    if tok.xpos != Xpos::Vbn || !RAISING.contains(&tok.lemma.as_str()) {
        return;
    }
    // "to" and its verb follow, past adverbs ("expected later to…").
    let Some(to) = (verb + 1..doc.tokens.len()).find(|&k| doc.tokens[k].upos != Upos::Adv) else {
        return;
    };
    if !doc.token_text(to).eq_ignore_ascii_case("to") || doc.tokens[to].upos != Upos::Part {
        return;
    }
    // A passive: its subject is a passive one, or the participle modifies
    // the noun ("MPs expected to vote"), or "be" is in the cue.
    let sentence = doc
        .sentence_of_token(verb as u32)
        .and_then(|s| doc.sentences.get(s))
        .map_or(verb..verb, |s| s.token_range());
    let passive_subject = doc.tokens[sentence.start.min(verb)..sentence.end.min(doc.tokens.len())]
        .iter()
        .any(|t| t.head == Some(verb as u32) && t.deprel == DepRel::NsubjPass);
    let be_in_cue = (first..verb).any(|k| doc.tokens[k].lemma == "be");
    if !(passive_subject || be_in_cue || tok.deprel == DepRel::Acl) {
        return;
    }
    let mut parts: Vec<Span> = source.parts().to_vec();
    if let Some(content) = &a.content {
        parts.extend(content.parts().iter().copied());
    }
    a.content = Some(Region::new(parts));
    a.source = None;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::test_support::{self, found_spans, tagged};

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
    fn the_subject_of_a_raising_passive_is_content_not_source() {
        let doc = tagged(
            "Executives are widely expected to unveil new shows. \
             The party faces a revolt, with more than 100 MPs expected to vote against it. \
             He expected me to read my statement.",
        );
        let check = |source: &str, cue: &str, content: &str| {
            let mut a = test_support::attribution(&doc, source, cue, content);
            raising_subject_joins_content(&doc, &mut a);
            (
                test_support::extent_text(&doc, &a.source),
                test_support::content_parts(&doc, &a),
            )
        };
        assert_eq!(
            check("Executives", "are widely expected", "to unveil new shows"),
            (
                None,
                vec!["Executives".to_string(), "to unveil new shows".to_string()]
            )
        );
        assert_eq!(
            check("more than 100 MPs", "expected", "to vote against it").0,
            None
        );
        // An active verb keeps its subject.
        assert_eq!(
            check("He", "expected", "me to read my statement")
                .0
                .as_deref(),
            Some("He")
        );
    }

    #[test]
    fn other_uses_of_it_are_left_alone() {
        assert!(found("It was clear that the talks had failed.").is_empty());
        assert!(found("It was reported to the police on Monday.").is_empty());
        assert!(found("He said it was known he would run and that he had won.").is_empty());
    }
}
