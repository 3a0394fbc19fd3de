//! Reporting verbs the span model rarely saw: "Her lawyer, Mark Delaney,
//! maintains that his client is innocent."
//!
//! The model learned the verbs PolNeAR's writers use most; a rarer one
//! ("maintains", "avers", "testified", "posits") before a that-clause goes
//! unmarked, though the construction says as plainly as "said that" who
//! claims what. Where the parse gives such a verb a subject and a clausal
//! complement opened by "that", and no attribution has a cue on it, the
//! subject is the source, the verb the cue and the that-clause the content.

use super::nested::cue_index;
use super::shared_subject::subtree_span;
use whosaid_core::{Attribution, DepRel, Document, Upos, Xpos};

/// Lemmas of verbs that report or hold a claim in a that-clause, beyond
/// those the model knows well (the common ones are here too: the model's
/// own cue wins, so they add only where it missed).
const REPORTING_LEMMAS: &[&str] = &[
    "acknowledge",
    "admit",
    "allege",
    "announce",
    "argue",
    "assert",
    "aver",
    "boast",
    "brag",
    "caution",
    "charge",
    "claim",
    "complain",
    "concede",
    "conclude",
    "confirm",
    "contend",
    "declare",
    "emphasize",
    "emphasise",
    "estimate",
    "explain",
    "hint",
    "insist",
    "maintain",
    "note",
    "observe",
    "posit",
    "predict",
    "proclaim",
    "reiterate",
    "remark",
    "report",
    "speculate",
    "state",
    "stress",
    "surmise",
    "swear",
    "testify",
    "theorize",
    "theorise",
    "warn",
];

/// Adds an attribution for each reporting verb with a subject and a
/// that-clause on which no attribution has its cue.
pub(crate) fn add_that_clause_reports(doc: &Document, attrs: &mut Vec<Attribution>) {
    let cues = cue_index(attrs);
    let mut added = Vec::new();
    for sentence in &doc.sentences {
        let range = sentence.token_range();
        if range.end > doc.tokens.len() {
            continue;
        }
        for v in range.clone() {
            let verb = &doc.tokens[v];
            if verb.upos != Upos::Verb
                || !matches!(verb.xpos, Xpos::Vbd | Xpos::Vbz | Xpos::Vbp)
                || !REPORTING_LEMMAS.contains(&verb.lemma.as_str())
                || cues.overlapping(verb.span).next().is_some()
            {
                continue;
            }
            // "that" right after the verb (an adverb may come between),
            // marking a clause the verb governs.
            let Some(that) = (v + 1..range.end).find(|&k| doc.tokens[k].upos != Upos::Adv) else {
                continue;
            };
            let Some(clause) = doc.tokens[that].head.map(|h| h as usize) else {
                continue;
            };
            if !doc.token_text(that).eq_ignore_ascii_case("that")
                || doc.tokens[that].deprel != DepRel::Mark
                || doc
                    .tokens
                    .get(clause)
                    .is_none_or(|t| t.deprel != DepRel::Ccomp || t.head != Some(v as u32))
            {
                continue;
            }
            let Some(subject) = range.clone().find(|&k| {
                doc.tokens[k].head == Some(v as u32) && doc.tokens[k].deprel == DepRel::Nsubj
            }) else {
                continue;
            };
            let (Some(source), Some(content)) = (
                subtree_span(doc, range.clone(), subject),
                subtree_span(doc, range.clone(), clause),
            ) else {
                continue;
            };
            // The source before the verb, the clause after it.
            if source.end > verb.span.start || content.start < verb.span.end {
                continue;
            }
            // Inside a quotation the verb is the quoted speaker's words,
            // which PolNeAR leaves to the quotation's own attribution.
            if super::inside_quotation(doc, v) {
                continue;
            }
            let content = whosaid_core::Span::new(doc.tokens[that].span.start, content.end);
            added.push(super::single_span_attribution(
                source, verb.span, content, 0.5,
            ));
        }
    }
    attrs.extend(added);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::test_support::{extent_text, tagged};

    fn found(text: &str) -> Vec<(String, String, String)> {
        let doc = tagged(text);
        let mut attrs = Vec::new();
        add_that_clause_reports(&doc, &mut attrs);
        attrs
            .iter()
            .map(|a| {
                (
                    extent_text(&doc, &a.source).unwrap_or_default(),
                    doc.slice(a.cue.extent().unwrap_or_default()).to_string(),
                    extent_text(&doc, &a.content).unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn a_rare_reporting_verb_before_a_that_clause_attributes_it() {
        assert_eq!(
            found("Her lawyer, Mark Delaney, maintains that his client is innocent."),
            [(
                "Her lawyer, Mark Delaney".to_string(),
                "maintains".to_string(),
                "that his client is innocent".to_string()
            )]
        );
    }

    #[test]
    fn other_verbs_and_that_uses_are_left_alone() {
        // Not a reporting verb; "that" as a determiner; no subject.
        assert!(found("The company built that factory in 2019.").is_empty());
        assert!(found("He maintains that old car himself.").is_empty());
        assert!(found("The board ate lunch so that it could vote early.").is_empty());
        // Inside a quotation: the quoted speaker's words.
        assert!(
            found("\"Obama emphasized that he did not pick a nominee for votes,\" she wrote.")
                .is_empty()
        );
    }
}
