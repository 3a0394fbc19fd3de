//! Sources shared with another verb.
//!
//! A reporting verb often has no subject of its own: it is the second of two
//! coordinated verbs ("Clinton celebrated in Florida … and **said** it was
//! another step"), a participle hanging off a clause ("he said, **noting**
//! that…"), or the complement of a control verb ("Trump went on to **note**
//! that…"). The span model then finds the cue and the content but no
//! source. The speaker is the subject of the verb the cue's verb depends on,
//! which the dependency tree gives. When the cue's verb has an active
//! subject of its own that the span model left out, that subject is the
//! source.

use whosaid_core::{Attribution, DepRel, Document, Region, Span, Upos, Xpos};

/// How far up the tree a cue's verb looks for a subject.
const MAX_STEPS: usize = 4;
/// Longer "sentences" (run-on text without full stops) are left alone: the
/// walk scans the sentence, and its trees are unreliable anyway.
const MAX_SENTENCE_TOKENS: usize = 300;

/// Gives a source to sourceless attributions: the cue verb's own active
/// subject, or the subject it shares with the verb it is coordinated with
/// or depends on.
pub(crate) fn add_shared_subjects(doc: &Document, attrs: &mut [Attribution]) {
    // Only sources change below: the cues indexed once stay valid.
    let cues = super::nested::cue_index(attrs);
    for a in attrs.iter_mut() {
        if a.source.is_some() {
            continue;
        }
        let Some(cue) = a.cue.extent() else {
            continue;
        };
        let Some(subject) = cue_subject(doc, cue) else {
            continue;
        };
        // The subject must not be part of this or another attribution's cue
        // or this one's content.
        // "It was alleged that…": the "it" of an impersonal passive is no one.
        if doc.slice(subject).eq_ignore_ascii_case("it")
            && super::impersonal::is_impersonal_cue(doc.slice(cue))
        {
            continue;
        }
        let taken = cues.overlapping(subject).next().is_some()
            || a.content
                .as_ref()
                .is_some_and(|c| c.overlaps_span(&subject));
        if !taken {
            a.source = Some(Region::single(subject));
        }
    }
}

/// The cue's own verb: a verb of the cue whose head lies outside it.
fn cue_verb(doc: &Document, cue: Span) -> Option<usize> {
    let first = doc.token_at_or_after(cue.start);
    let end = doc.token_at_or_after(cue.end).min(doc.tokens.len());
    (first..end).find(|&i| {
        let t = &doc.tokens[i];
        t.upos == Upos::Verb
            && t.head
                .is_none_or(|h| (h as usize) < first || (h as usize) >= end)
    })
}

/// The span of the cue verb's own active subject, else of the subject it
/// shares, if any. The governor may be any predicate with a subject ("Trump
/// was angry and said…").
fn cue_subject(doc: &Document, cue: Span) -> Option<Span> {
    let mut verb = cue_verb(doc, cue)?;
    let sentence = doc.sentences.get(doc.sentence_of_token(verb as u32)?)?;
    let range = sentence.token_range();
    // (A document read from elsewhere may have layers that disagree.)
    if range.len() > MAX_SENTENCE_TOKENS || range.end > doc.tokens.len() {
        return None;
    }
    // Of two subjects a parse may give one verb ("WASHINGTON (Reuters) -
    // The Federal Reserve held…", the dateline taken for one), the one
    // nearest the verb.
    let child = |v: usize, rels: &[DepRel]| {
        range
            .clone()
            .filter(|&k| {
                doc.tokens[k].head == Some(v as u32) && rels.contains(&doc.tokens[k].deprel)
            })
            .min_by_key(|&k| k.abs_diff(v))
    };
    const SUBJECTS: &[DepRel] = &[DepRel::Nsubj, DepRel::NsubjPass, DepRel::Expl];
    // A verb with a subject of its own ("Clinton won and Sanders said…")
    // shares nothing: its subject is the source the span model missed.
    if let Some(own) = child(verb, &[DepRel::Nsubj]) {
        return subtree_span(doc, range, own);
    }
    if child(verb, SUBJECTS).is_some() {
        return None;
    }
    // A passive cue's subject would be who was asked, not who asked:
    // "Asked about the bill, Trump said…", "… and was told that…".
    // A participle coordinated with one that has a perfect auxiliary
    // shares it ("has sharply criticized the deals and called for
    // tariffs"): active.
    let shares_perfect = doc.tokens[verb].deprel == DepRel::Conj
        && doc.tokens[verb].head.is_some_and(|h| {
            let h = h as usize;
            range.contains(&h)
                && doc.tokens[h].xpos == Xpos::Vbn
                && child(h, &[DepRel::Aux]).is_some()
                && child(h, &[DepRel::AuxPass]).is_none()
        });
    let passive = child(verb, &[DepRel::AuxPass]).is_some()
        || (doc.tokens[verb].xpos == Xpos::Vbn
            && child(verb, &[DepRel::Aux]).is_none()
            && !shares_perfect);
    if passive {
        return None;
    }
    // "A judge has rejected a request to make public the file, saying…":
    // a participle after a comma closes the main clause, whatever smaller
    // clause the parse hung it on; when the walk finds no subject, the
    // main clause's is the source.
    let cue_verb = verb;
    // (Not "…, according to his book": a preposition, not a participle.)
    let comma_participle = doc.tokens[verb].xpos == Xpos::Vbg
        && verb > range.start
        && doc.token_text(verb - 1) == ","
        && doc.tokens[verb].lemma != "accord";
    // Someone who can speak: a name, a pronoun, people or a body ("The
    // fracas erupted…, calling them rapists" is the tycoon's).
    let speaker_like = |k: usize| {
        let t = &doc.tokens[k];
        match t.upos {
            Upos::Propn | Upos::Pron => true,
            Upos::Noun => {
                let lower = doc.token_text(k).to_lowercase();
                super::source_kind::noun_names_people(&lower, &t.lemma)
                    || super::source_kind::is_body_head(&lower)
            }
            _ => false,
        }
    };
    let main_subject = || {
        let root = range.clone().find(|&k| doc.tokens[k].head.is_none())?;
        if root >= cue_verb || doc.tokens[root].upos != Upos::Verb {
            return None;
        }
        let subject = child(root, &[DepRel::Nsubj]).filter(|&k| speaker_like(k))?;
        subtree_span(doc, range.clone(), subject)
    };
    for _ in 0..MAX_STEPS {
        let t = &doc.tokens[verb];
        let Some(head) = t.head.map(|h| h as usize).filter(|h| range.contains(h)) else {
            return comma_participle.then(main_subject).flatten();
        };
        let shares = match t.deprel {
            DepRel::Conj => true,
            // "went on to note": the controller is the subject unless the
            // governor has an object ("urged them to say").
            DepRel::Xcomp => child(head, &[DepRel::Obj, DepRel::Iobj]).is_none(),
            // "he said, noting that…", "before sketching out…": an
            // adverbial clause without a subject of its own.
            DepRel::Advcl => true,
            _ => false,
        };
        if !shares {
            return comma_participle.then(main_subject).flatten();
        }
        if let Some(subject) = child(head, &[DepRel::Nsubj, DepRel::NsubjPass]) {
            return subtree_span(doc, range, subject);
        }
        verb = head;
    }
    comma_participle.then(main_subject).flatten()
}

/// "Zhao told reporters that the sale harms relations and urged Washington
/// to cancel it": a parse may coordinate "urged" with "harms", inside the
/// content, and the span model then takes "the sale" as who urged. A
/// coordinated cue verb whose tense differs from its governor's but matches
/// the cue of the attribution whose content holds that governor is that
/// attribution's second verb, and shares its source.
pub(crate) fn share_source_across_content(doc: &Document, attrs: &mut [Attribution]) {
    let finite = |x: Xpos| matches!(x, Xpos::Vbd | Xpos::Vbz | Xpos::Vbp);
    let outer: Vec<Option<(usize, Span, Region)>> = attrs
        .iter()
        .map(|b| {
            let verb = cue_verb(doc, b.cue.extent()?)?;
            Some((verb, b.content.as_ref()?.extent()?, b.source.clone()?))
        })
        .collect();
    for (i, a) in attrs.iter_mut().enumerate() {
        let (Some(cue), Some(source)) = (a.cue.extent(), a.source.as_ref()) else {
            continue;
        };
        let Some(verb) = cue_verb(doc, cue) else {
            continue;
        };
        let t = &doc.tokens[verb];
        let Some(head) = t
            .head
            .map(|h| h as usize)
            .filter(|_| t.deprel == DepRel::Conj)
        else {
            continue;
        };
        let Some(governor) = doc.tokens.get(head) else {
            continue;
        };
        if !finite(t.xpos) || !finite(governor.xpos) || governor.xpos == t.xpos {
            continue;
        }
        let Some(source_extent) = source.extent() else {
            continue;
        };
        let carrier = outer.iter().enumerate().find_map(|(j, o)| {
            let (v, content, src) = o.as_ref()?;
            (j != i
                && doc.tokens[*v].xpos == t.xpos
                && *v < head
                && content.contains(&governor.span)
                && content.contains(&source_extent)
                && !content.contains(&cue))
            .then(|| src.clone())
        });
        if let Some(src) = carrier {
            a.source = Some(src);
        }
    }
}

/// The contiguous run of `root`'s subtree around it, without edge punctuation.
pub(super) fn subtree_span(
    doc: &Document,
    range: std::ops::Range<usize>,
    root: usize,
) -> Option<Span> {
    let within = |mut k: usize| {
        for _ in 0..range.len() {
            if k == root {
                return true;
            }
            match doc.tokens[k].head {
                Some(h) if range.contains(&(h as usize)) => k = h as usize,
                _ => return false,
            }
        }
        false
    };
    let (mut lo, mut hi) = (root, root);
    while lo > range.start && within(lo - 1) {
        lo -= 1;
    }
    while hi + 1 < range.end && within(hi + 1) {
        hi += 1;
    }
    let punct = |k: usize| doc.tokens[k].upos == Upos::Punct;
    while lo < root && punct(lo) {
        lo += 1;
    }
    while hi > root && punct(hi) {
        hi -= 1;
    }
    Some(Span::new(
        doc.tokens[lo].span.start,
        doc.tokens[hi].span.end,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::test_support::{span_of, tagged};

    fn subject_of(text: &str, cue: &str) -> Option<String> {
        let doc = tagged(text);
        let cue = span_of(&doc, cue);
        cue_subject(&doc, cue).map(|s| doc.slice(s).to_string())
    }

    #[test]
    fn a_coordinated_verb_shares_the_first_verbs_subject() {
        assert_eq!(
            subject_of(
                "Clinton celebrated in Florida with supporters and said it was another step.",
                "said"
            )
            .as_deref(),
            Some("Clinton")
        );
    }

    #[test]
    fn a_participle_shares_the_perfect_auxiliary_of_the_verb_before() {
        assert_eq!(
            subject_of(
                "Donald Trump has sharply criticized free-trade deals and called for steep new tariffs on goods.",
                "called for"
            )
            .as_deref(),
            Some("Donald Trump")
        );
    }

    #[test]
    fn a_participle_shares_the_clauses_subject() {
        assert_eq!(
            subject_of(
                "The senator spoke for an hour, noting that the bill had failed.",
                "noting"
            )
            .as_deref(),
            Some("The senator")
        );
    }

    #[test]
    fn a_control_verb_passes_on_its_subject_but_not_past_an_object() {
        assert_eq!(
            subject_of("Trump went on to note that he had bought it.", "note").as_deref(),
            Some("Trump")
        );
        assert_eq!(
            subject_of("Aides urged him to say that the bill had failed.", "say"),
            None
        );
    }

    #[test]
    fn a_passive_cue_shares_nothing() {
        assert_eq!(
            subject_of("Asked about the bill, Trump said it was dead.", "Asked"),
            None
        );
        assert_eq!(
            subject_of(
                "Trump spoke for an hour and was asked about the bill.",
                "asked"
            ),
            None
        );
    }

    #[test]
    fn a_run_on_sentence_is_left_alone() {
        let short = "Clinton celebrated and said it was another step";
        assert_eq!(subject_of(short, "said").as_deref(), Some("Clinton"));
        let filler = " for the party".repeat(100);
        assert_eq!(subject_of(&format!("{short}{filler}"), "said"), None);
    }

    #[test]
    fn a_second_verb_in_the_cues_tense_shares_the_cues_source() {
        let text = "Zhao told a news briefing that the sale harms relations and urged Washington to cancel it.";
        let doc = tagged(text);
        let mut told = Attribution::with_cue(0, Region::single(span_of(&doc, "told")));
        told.source = Some(Region::single(span_of(&doc, "Zhao")));
        told.content = Some(Region::single(span_of(
            &doc,
            "that the sale harms relations",
        )));
        let mut urged = Attribution::with_cue(1, Region::single(span_of(&doc, "urged")));
        urged.source = Some(Region::single(span_of(&doc, "the sale")));
        urged.content = Some(Region::single(span_of(&doc, "Washington to cancel it")));
        let mut attrs = vec![told, urged];
        // The parse this pass repairs: "urged" coordinated with "harms".
        let v = doc.token_at_or_after(span_of(&doc, "urged").start);
        assert_eq!(doc.tokens[v].deprel, DepRel::Conj, "the parse changed");
        assert_eq!(
            doc.tokens[v].head.map(|h| doc.token_text(h as usize)),
            Some("harms"),
            "the parse changed"
        );
        share_source_across_content(&doc, &mut attrs);
        let source = attrs[1]
            .source
            .as_ref()
            .and_then(Region::extent)
            .map(|s| doc.slice(s));
        assert_eq!(source, Some("Zhao"));
    }

    #[test]
    fn a_verb_with_its_own_subject_keeps_it() {
        assert_eq!(
            subject_of("Clinton won and Sanders said it was close.", "said").as_deref(),
            Some("Sanders")
        );
    }
}
