//! Typing, certainty, nesting and speakers for extracted attributions.
//!
//! The [`Enricher`] runs after the extractor. For each attribution it sets
//! - the cue kind (assert, belief, report, deny, accuse, request, no comment)
//!   from the cue's words and the words after it;
//! - the source kind (person, organization, media, anonymous, document,
//!   group, pronoun, other) from the source's words, its syntactic head and
//!   its tags, and the entity mentions inside it;
//! - the speaker: the entity a name, description or pronoun source refers to;
//! - the quote kind (direct, mixed, indirect) from the content's quote marks;
//! - certainty: hedges, the ICD 203 likelihood band and the confidence level,
//!   each expression given to the innermost attribution whose content holds it;
//! - the parent: the attribution whose content contains this one's cue.
//!
//! It also adds the refusals to comment ("did not immediately respond to
//! requests for comment") that carry no content and so escape span models,
//! and quotations credited after a dash (`“…” ― Jane Doe`), a layout the
//! span models never see in training.

mod assessment;
mod certainty;
mod credit;
mod cue_kind;
mod idioms;
mod impersonal;
mod nested;
mod quote_paragraphs;
mod shared_subject;
mod source_kind;
mod span_index;
#[cfg(test)]
mod test_support;
mod that_clauses;
pub(crate) mod words;

pub(crate) use nested::{clause_before_source, line_after_colon};
use source_kind::{HeadTag, SourceEntities};
use span_index::SpanIndex;
use std::collections::HashMap;
use whosaid_core::{
    quotation_marks, quoted_text, quotes_within, Attribution, Certainty, CueKind, DepRel, Document,
    EntityKind, Hedge, Mention, MentionType, QuoteKind, QuoteMark, Region, SourceKind, Span,
    Speaker, Stage, StageError, Upos, Xpos,
};
use whosaid_entities::lexicon::{self, Gender};
use words::{words_in, Word, DAY_PARTS, WEEKDAYS};

/// Adds cue kind, source kind, quote kind, certainty, parent links and speakers.
#[derive(Default)]
pub struct Enricher {}

impl Enricher {
    pub fn new() -> Self {
        Enricher::default()
    }
}

impl Stage for Enricher {
    fn name(&self) -> &'static str {
        "enrich"
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        add_no_comment_attributions(doc);
        assessment::add_assessments(doc);
        impersonal::add_impersonal_passives(doc);
        credit::add_layout_attributions(doc);
        let mut attrs = std::mem::take(&mut doc.attributions);
        that_clauses::add_that_clause_reports(doc, &mut attrs);
        nested::source_is_the_trailing_reporter(doc, &mut attrs);
        for a in &mut attrs {
            content_over_its_own_source_and_cue(doc, a);
            content_before_a_closing_cue(doc, a);
            content_before_a_cue_and_its_gloss(doc, a);
            content_before_a_cue_and_its_participle(doc, a);
        }
        nested::fix_dated_contents(doc, &mut attrs);
        nested::split_frame_before_according_to(doc, &mut attrs);
        nested::add_trailing_reports(doc, &mut attrs);
        nested::add_opening_according_to(doc, &mut attrs);
        nested::add_closing_per(doc, &mut attrs);
        nested::add_as_x_put_it(doc, &mut attrs);
        nested::add_as_reported_by(doc, &mut attrs);
        nested::add_inverted_credits(doc, &mut attrs);
        nested::detach_inner_sources(&mut attrs);
        nested::drop_source_parts_of_earlier_claims(&mut attrs);
        nested::stop_before_a_contrasted_report(doc, &mut attrs);
        nested::extend_outer_over_inner(&mut attrs);
        nested::extend_outer_over_relative_clause(doc, &mut attrs);
        nested::add_inner_attributions(doc, &mut attrs);
        nested::add_quoted_as_saying(doc, &mut attrs);
        shared_subject::add_shared_subjects(doc, &mut attrs);
        shared_subject::share_source_across_content(doc, &mut attrs);
        quote_paragraphs::continue_quotes_over_paragraphs(doc, &mut attrs);
        quote_paragraphs::continue_speakers_into_quote_paragraphs(doc, &mut attrs);
        drop_parts_claimed_by_a_later_cue(doc, &mut attrs);
        drop_parts_claimed_by_an_earlier_claim(&mut attrs);
        split_when_asked(doc, &mut attrs);
        asked_content_ends_at_its_comma(doc, &mut attrs);
        split_coordinated_reports(doc, &mut attrs);
        end_before_a_coordinated_report(doc, &mut attrs);
        drop_carrying_frame(doc, &mut attrs);
        complete_cut_phrases(doc, &mut attrs);
        for a in &mut attrs {
            if let Some(src) = &a.source {
                let src = drop_dateline(doc, src).unwrap_or_else(|| src.clone());
                let cue = a.cue.extent();
                a.source = tidy_source(doc, &src)
                    .and_then(|s| without_dangling_words(doc, &s))
                    .map(|s| with_whole_first_name(doc, s, cue));
            }
            drop_content_inside_source_phrase(doc, a);
            drop_content_dateline(doc, a);
            drop_stray_quote_marks(doc, a);
            drop_parts_between_source_and_cue(a);
            drop_relative_clause_of_source(doc, a);
            source_takes_its_split_relative_clause_whole(doc, a);
            according_to_names_its_source_after_it(doc, a);
            source_without_leading_as(doc, a);
            description_before_source_after_cue(doc, a);
            description_before_source_before_cue(doc, a);
            drop_concession_after_source(doc, a);
            participle_source_ends_before_its_verb(doc, a);
            drop_unquoted_parts_in_later_sentences(doc, a);
            give_content_its_subject(doc, a);
            answerer_is_not_the_asker(doc, a);
            subject_before_a_speech_verb(doc, a);
            participle_takes_its_clauses_subject(doc, a);
            impersonal::raising_subject_joins_content(doc, a);
            // A content takes in only its article back; a source its first
            // word's modifiers too ("the former | Secretary of State").
            if let Some(c) = &a.content {
                a.content = Some(with_leading_modifiers(doc, c, Modifiers::Determiner));
            }
            move_prepositional_phrase_to_cue(doc, a);
            without_evidence_joins_cue(doc, a);
            drop_addressee(doc, a);
            relative_clause_after_according_to(doc, a);
            drop_leading_time(doc, a);
            drop_leading_duration(doc, a);
            drop_closing_comment(doc, a);
            content_stays_in_its_clause(doc, a);
            content_ends_before_the_next_predicate(doc, a);
            content_ends_with_its_quotation(doc, a);
            drop_trailing_gloss(doc, a);
            drop_parts_after_a_participle_gap(doc, a);
            if let Some(c) = &a.source {
                // Not back over its own cue ("cautions Jones", the verb
                // tagged a noun).
                let widened = with_leading_modifiers(doc, c, Modifiers::Any);
                let over_cue = widened
                    .parts()
                    .iter()
                    .any(|w| a.cue.parts().iter().any(|q| w.overlaps(q)));
                if !over_cue {
                    a.source = Some(widened);
                }
            }
            if let (Some(src), Some(cue)) = (&a.source, a.cue.extent()) {
                let src = drop_time_before_cue(doc, src, cue);
                let src = subject_behind_a_time_word(doc, &src, cue).unwrap_or(src);
                let src = drop_prepositional_object(doc, &src, cue).unwrap_or(src);
                let src = drop_parenthetical_phrase(doc, &src, cue).unwrap_or(src);
                let src = relative_pronoun_source(doc, &src, cue).unwrap_or(src);
                let src = without_verb_after_relative_clause(doc, &src, cue).unwrap_or(src);
                a.source = Some(with_relative_antecedent(doc, &src, cue).unwrap_or(src));
            }
        }
        split_quoted_by(doc, &mut attrs);
        doc.attributions = attrs;
        // Boilerplate ("NOW WATCH: Trump slams…") is not the article's
        // reporting, and "That said, …" reports nothing.
        let attrs = std::mem::take(&mut doc.attributions);
        doc.attributions = attrs
            .into_iter()
            .filter(|a| {
                a.cue.extent().is_none_or(|c| {
                    !doc.is_boilerplate(c.start)
                        && !sentence_span_at(doc, c.start)
                            .is_some_and(|s| idioms::is_idiom_cue(doc, c, s))
                })
            })
            .collect();
        doc.attributions
            .sort_by_key(|a| a.cue.extent().map(|s| s.start).unwrap_or(0));
        for (i, a) in doc.attributions.iter_mut().enumerate() {
            a.id = i as u32;
        }
        let parents = find_parents(&doc.attributions);
        let mut enriched = Vec::with_capacity(doc.attributions.len());
        for (i, a) in doc.attributions.iter().enumerate() {
            let mut a = a.clone();
            a.parent = parents[i];
            // A nested claim ends where the claim that carries it ends
            // ("sought to “…,”| Michael McFaul … told"): what runs past the
            // outer content is outside the quotation.
            let outer_end = a
                .parent
                .and_then(|p| doc.attributions.get(p as usize))
                .and_then(|p| p.content.as_ref().and_then(Region::extent))
                .map(|c| c.end);
            if let (Some(end), Some(content)) = (outer_end, &a.content) {
                let clipped = content.within(Span::new(0, end));
                if !clipped.is_empty() {
                    a.content = Some(clipped);
                }
            }
            type_attribution(doc, &mut a);
            enriched.push(a);
        }
        assign_certainty(doc, &mut enriched);
        participle_shares_the_speakers_source(doc, &mut enriched);
        carry_speakers(doc, &mut enriched);
        pronoun_after_a_closing_credit(doc, &mut enriched);
        it_carries_its_bodys_claim(doc, &mut enriched);
        first_person_speaks_for_the_quoted(doc, &mut enriched);
        resolve_plural_pronouns(doc, &mut enriched);
        // An anonymous source is nobody in particular: "NBC's sources" are
        // not NBC, "US intelligence officials" are not the US. And people
        // named after a person are not that person: "his supporters", "some
        // of his rivals" (but "his remarks" are his).
        let person = |sp: &Speaker| {
            sp.entity
                .and_then(|e| doc.entities.get(e as usize))
                .is_some_and(|e| e.kind == EntityKind::Person)
        };
        let people_head = |src: &Region| {
            source_head_token(doc, src)
                .is_some_and(|t| source_kind::is_people_head(&doc.token_text(t).to_lowercase()))
        };
        for a in &mut enriched {
            let group_of_person = a.source_kind == Some(SourceKind::Group)
                && a.speaker.as_ref().is_some_and(person)
                && a.source.as_ref().is_some_and(people_head);
            if a.source_kind == Some(SourceKind::Anonymous) || group_of_person {
                a.speaker = None;
            }
        }
        doc.attributions = enriched;
        Ok(())
    }
}

/// An attribution of one span each, as the rules that add attributions
/// make them; `score` is how far the rule is trusted.
fn single_span_attribution(source: Span, cue: Span, content: Span, score: f32) -> Attribution {
    Attribution {
        source: Some(Region::single(source)),
        content: Some(Region::single(content)),
        score,
        ..Attribution::with_cue(0, Region::single(cue))
    }
}

/// A source without a leading dateline: "DECATUR, Ill. — Sen. Ted Cruz"
/// → "Sen. Ted Cruz" (the dateline says where the story was filed).
fn drop_dateline(doc: &Document, source: &Region) -> Option<Region> {
    let extent = source.extent()?;
    // The dateline opens the source's own text, or the line the source is
    // on: the model may take only part of "KYIV, Ukraine (AP) — Ukraine's
    // air force", leaving "Ukraine (AP" as a part of its own.
    let line = line_span_at(doc, extent.start)?;
    let end = [extent.start, line.start].into_iter().find_map(|from| {
        let text = doc.slice(Span::new(from, extent.end));
        dateline_len(text).map(|n| from + n)
    })?;
    if end <= extent.start {
        return None;
    }
    let kept = source.within(Span::new(end, u32::MAX));
    (!kept.is_empty()).then_some(kept)
}

/// The length (code points) of a dateline opening `text`, up to and with
/// the dash or colon after it: a place in capitals ("WASHINGTON", "LA
/// CROSSE, Wis.", "KYIV, Ukraine (AP)", "NEW DELHI:").
fn dateline_len(text: &str) -> Option<u32> {
    let (place, rest) = [" — ", " -- ", " – ", " - ", ": "]
        .iter()
        .filter_map(|d| text.split_once(d))
        .min_by_key(|(place, _)| place.len())?;
    let city = place.split([',', '(']).next().unwrap_or("");
    // A place, not a quoted speaker label ("\"WALLACE:") or a shouted
    // line ("HE’S FULL OF IT —").
    let capitals = city.starts_with(char::is_alphabetic)
        && !place.contains(['\'', '’', '"', '“'])
        && city.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !city.chars().any(char::is_lowercase)
        && place.chars().count() <= 40;
    (capitals && !rest.trim().is_empty())
        .then(|| (text.chars().count() - rest.chars().count()) as u32)
}

/// A content opening with the dateline of the story ("NEW DELHI: The
/// Centre will table the bill…, the minister said") starts after it.
fn drop_content_dateline(doc: &Document, a: &mut Attribution) {
    let Some(content) = &a.content else {
        return;
    };
    let Some(&first) = content.parts().first() else {
        return;
    };
    // Only at the start of a line, where datelines stand.
    if line_span_at(doc, first.start).is_none_or(|l| l.start != first.start) {
        return;
    }
    let Some(n) = dateline_len(doc.slice(first)) else {
        return;
    };
    let mut parts = content.parts().to_vec();
    parts[0] = Span::new(first.start + n, first.end);
    a.content = Some(Region::new(parts));
}

/// "The company plans to seek approval by the end of the year, chief
/// medical officer Dr. Helen Park said in an interview. “These are the
/// strongest results…,” she said.": a source after a comma whose cue closes
/// its sentence attributes the clause before the comma, not the quotation
/// of the next sentence, which has a cue of its own, nor the words that
/// close the cue ("…, she later recalled in an oral history.").
fn content_before_a_closing_cue(doc: &Document, a: &mut Attribution) {
    /// The words that may follow the cue ("in an interview", "on Monday").
    const MAX_TAIL: usize = 6;
    let Some((source, cue, content)) = source_cue_content(a) else {
        return;
    };
    let (Some(content), Some(sentence)) = (content.extent(), sentence_span_at(doc, cue.start))
    else {
        return;
    };
    // The content is the next sentence's, or only the cue's tail ("…, she
    // later recalled [in an oral history].").
    let after_cue = doc.token_at_or_after(cue.end);
    // (A prepositional phrase only: "noted [the clot's existence]" is
    // what was noted.)
    let tail_content = content.start >= cue.end
        && content.end <= sentence.end
        && doc.token_at_or_after(content.start) <= after_cue + 1
        && doc
            .tokens
            .get(doc.token_at_or_after(content.start))
            .is_some_and(|t| t.upos == Upos::Adp);
    if (content.start < sentence.end && !tail_content) || source.end > cue.start {
        return;
    }
    let end = doc.token_at_or_after(sentence.end);
    let tail_ok = end > after_cue
        && end - after_cue <= MAX_TAIL + 1
        && matches!(doc.token_text(end - 1), "." | "!")
        && (after_cue..end - 1).all(|t| !matches!(doc.tokens[t].upos, Upos::Punct | Upos::Verb));
    if !tail_ok {
        return;
    }
    // (For a tail content, a clause with a verb, not a lead-in phrase.)
    let clause = match tail_content {
        true => clause_with_a_verb_before_source(doc, source),
        false => nested::clause_before_source(doc, source),
    };
    if let Some(clause) = clause {
        a.content = Some(Region::single(clause));
    }
}

/// A closing cue's comma: for an attribution whose source comes before its
/// cue and whose content lies after the cue in the cue's sentence, the
/// first comma at most `max_tail` words after the cue with no verb,
/// pronoun or other punctuation before it ("said Wednesday, | a sign…").
/// Returns the source, the content's extent and the comma's token.
fn comma_after_closing_cue(
    doc: &Document,
    a: &Attribution,
    max_tail: usize,
) -> Option<(Span, Span, usize)> {
    let (source, cue, content) = source_cue_content(a)?;
    let content = content.extent()?;
    let sentence = sentence_span_at(doc, cue.start)?;
    if source.end > cue.start || content.start < cue.end || content.end > sentence.end {
        return None;
    }
    let after_cue = doc.token_at_or_after(cue.end);
    let comma = (after_cue..(after_cue + max_tail + 1).min(doc.tokens.len()))
        .find(|&k| doc.token_text(k) == ",")?;
    // ("tell us, a lot of…": a hearer makes the cue a parenthetical one.)
    let plain_tail = (after_cue..comma).all(|k| {
        !matches!(
            doc.tokens[k].upos,
            Upos::Verb | Upos::Aux | Upos::Punct | Upos::Pron
        )
    });
    plain_tail.then_some((source, content, comma))
}

/// The clause before ", SOURCE" when it is one, with a finite verb
/// ("During his years in office, Mr. Obama said" has none).
fn clause_with_a_verb_before_source(doc: &Document, source: Span) -> Option<Span> {
    let clause = nested::clause_before_source(doc, source)?;
    let (first, end) = (
        doc.token_at_or_after(clause.start),
        doc.token_at_or_after(clause.end),
    );
    (first..end.min(doc.tokens.len()))
        .any(|k| doc.tokens[k].xpos.is_finite_verb())
        .then_some(clause)
}

/// "Consumer prices rose 3.5% in March, the Labor Department said
/// Wednesday, a sign that inflation is proving stickier…": the noun phrase
/// after the cue's comma is the writer's gloss on the clause before the
/// source, not what the source said; that clause is. Only a closing cue
/// (a few words of time after it, no verb) and a gloss that is an
/// indefinite noun phrase ("a sign", "an indication", "another blow").
fn content_before_a_cue_and_its_gloss(doc: &Document, a: &mut Attribution) {
    const MAX_TAIL: usize = 4;
    let Some((source, content, comma)) = comma_after_closing_cue(doc, a, MAX_TAIL) else {
        return;
    };
    let det = comma + 1;
    // Or a definite one ranking the event: "the latest in a series of
    // launches", "the biggest drop since 2008", "the first such attack".
    let Some(ranked) = gloss_determiner(
        doc,
        det,
        &["first", "second", "third", "fourth", "fifth", "last"],
    ) else {
        return;
    };
    let mut noun = det + 1;
    while noun < doc.tokens.len() && doc.tokens[noun].upos == Upos::Adj {
        noun += 1;
    }
    let content_start = doc.token_at_or_after(content.start);
    // The content is the gloss or what its noun governs ("that inflation…"),
    // and the noun is no clause's subject ("said, a majority of Americans
    // have come to believe…" is what was said).
    if !doc.tokens.get(noun).is_some_and(|t| {
        // (Nor the object of the clause around a parenthetical credit:
        // "are reflecting, the polls tell us, a lot of anxiety".)
        (t.upos == Upos::Noun || (ranked && t.upos == Upos::Adp))
            && !matches!(
                t.deprel,
                DepRel::Nsubj | DepRel::NsubjPass | DepRel::Obj | DepRel::Iobj
            )
    }) || content_start < det
        || content_start > noun + 1
    {
        return;
    }
    if let Some(clause) = clause_with_a_verb_before_source(doc, source) {
        a.content = Some(Region::single(clause));
    }
}

/// "accused Sen. Marco Rubio of supporting “amnesty” for millions of
/// undocumented immigrants, escalating a feud | that has dominated the final
/// week": a content part after a gap that opens with a comma and a
/// participle saying nothing of speech belongs to the writer's phrase on
/// the event, not to the claim; the claim ends before the gap.
fn drop_parts_after_a_participle_gap(doc: &Document, a: &mut Attribution) {
    let Some(content) = &a.content else {
        return;
    };
    let parts = content.parts();
    let Some(cue) = a.cue.extent() else {
        return;
    };
    let cut = parts.windows(2).position(|w| {
        let gap = Span::new(w[0].end, w[1].start);
        if w[0].start < cue.end || gap.is_empty() {
            return false;
        }
        let k = doc.token_at_or_after(gap.start);
        doc.token_text(k) == ","
            && doc.tokens.get(k + 1).is_some_and(|t| {
                t.xpos == Xpos::Vbg && t.span.end <= gap.end && !is_participle_of_speech(&t.lemma)
            })
    });
    if let Some(i) = cut {
        a.content = Some(Region::new(parts[..=i].to_vec()));
    }
}

/// Whether token `det` opens a writer's gloss on an event: an indefinite
/// determiner ("a move", "another blow": `Some(false)`) or "the" before a
/// superlative or one of the `ranking` words ("the latest in a series",
/// "the first such attack": `Some(true)`, ranked); `None` otherwise.
fn gloss_determiner(doc: &Document, det: usize, ranking: &[&str]) -> Option<bool> {
    let word = doc.token_text(det).to_lowercase();
    let ranked = word == "the"
        && doc.tokens.get(det + 1).is_some_and(|t| {
            t.xpos == Xpos::Jjs
                || ranking.contains(&doc.token_text(det + 1).to_lowercase().as_str())
        });
    (ranked || matches!(word.as_str(), "a" | "an" | "another")).then_some(ranked)
}

/// Nouns with which a writer glosses the event just reported: "…, a move
/// that could trigger…", "…, a sign of growing unease…".
const GLOSS_NOUNS: &[&str] = &[
    "decision",
    "move",
    "step",
    "ruling",
    "sign",
    "signal",
    "indication",
    "blow",
    "setback",
    "reversal",
    "victory",
    "defeat",
    "development",
    "shift",
    "change",
    "escalation",
    "rebuke",
    "departure",
    "turnaround",
    "reflection",
];

/// "The Supreme Court ruled that agencies cannot impose penalties without a
/// jury trial, a decision that could upend enforcement": the noun phrase
/// after the claim's last comma that names the event ("a decision", "a
/// move", "the first move in that direction") is the writer's gloss on
/// it, not part of what was said (PolNeAR's contents stop before it, 10
/// times in 12 in train). Not inside a quotation.
fn drop_trailing_gloss(doc: &Document, a: &mut Attribution) {
    let Some(content) = &a.content else {
        return;
    };
    let Some(&last) = content.parts().last() else {
        return;
    };
    let (first, end) = (
        doc.token_at_or_after(last.start),
        doc.token_at_or_after(last.end),
    );
    let lower = |k: usize| doc.token_text(k).to_lowercase();
    let gloss_at = |comma: usize| {
        let det = comma + 1;
        if gloss_determiner(doc, det, &["first", "latest", "last"]).is_none() {
            return false;
        }
        // Up to two modifiers, then the noun.
        (det + 1..(det + 4).min(end)).any(|k| {
            GLOSS_NOUNS.contains(&lower(k).as_str())
                && doc.tokens.get(k).is_some_and(|t| t.upos == Upos::Noun)
                && (det + 1..k).all(|m| {
                    doc.tokens
                        .get(m)
                        .is_some_and(|t| matches!(t.upos, Upos::Adj | Upos::Noun))
                })
        })
    };
    let Some(comma) = (first + 2..end)
        .find(|&k| doc.token_text(k) == "," && gloss_at(k) && !inside_quotation(doc, k))
    else {
        return;
    };
    let Some(before) = doc.tokens.get(comma - 1) else {
        return;
    };
    let kept = content.within(Span::new(0, before.span.end));
    if !kept.is_empty() {
        a.content = Some(kept);
    }
}

/// "Democrat Angela Harris won the race, The Associated Press projected,
/// defeating Tom Becker…": a participle after a closing cue's comma that
/// says nothing of speech goes on with the clause before the source; the
/// model, reading on from the cue, takes the participle alone. The content
/// is the clause and the participle's phrase. ("…, police said, citing
/// witnesses" is a report of its own.)
fn content_before_a_cue_and_its_participle(doc: &Document, a: &mut Attribution) {
    /// The words that may follow the cue ("on Tuesday", "in a statement").
    const MAX_TAIL: usize = 4;
    let Some((source, content, comma)) = comma_after_closing_cue(doc, a, MAX_TAIL) else {
        return;
    };
    let participle = comma + 1;
    let Some(t) = doc.tokens.get(participle) else {
        return;
    };
    let lemma = t.lemma.as_str();
    if t.xpos != Xpos::Vbg
        || is_participle_of_speech(lemma)
        || doc.token_at_or_after(content.start) != participle
    {
        return;
    }
    if let Some(clause) = clause_with_a_verb_before_source(doc, source) {
        a.content = Some(Region::new(vec![clause, content]));
    }
}

/// "According to a person familiar with the matter who requested anonymity
/// to discuss internal talks, the agency is weighing…": the relative
/// clause after an opening "according to" phrase describes the source, up
/// to the comma; the content starts after it.
fn relative_clause_after_according_to(doc: &Document, a: &mut Attribution) {
    let Some((source, cue, content)) = source_cue_content(a) else {
        return;
    };
    let Some(first) = content.parts().first().copied() else {
        return;
    };
    if !doc.slice(cue).eq_ignore_ascii_case("according to")
        || source.start < cue.end
        || first.start < source.end
        || !doc
            .slice(Span::new(source.end, first.start))
            .trim()
            .is_empty()
    {
        return;
    }
    let start = doc.token_at_or_after(first.start);
    // ("that night" is no relative clause.)
    if !doc.tokens.get(start).is_some_and(|t| {
        matches!(doc.token_text(start), "who" | "which" | "whom")
            || doc.token_text(start) == "that" && t.xpos == Xpos::Wdt
    }) {
        return;
    }
    let end = doc.token_at_or_after(first.end);
    let Some(comma) = (start + 1..end).find(|&k| doc.token_text(k) == ",") else {
        return;
    };
    let Some(next) = (comma + 1 < end).then_some(comma + 1) else {
        return;
    };
    let mut parts = content.parts().to_vec();
    parts[0] = Span::new(doc.tokens[next].span.start, first.end);
    a.content = Some(Region::new(parts));
    let mut source_parts = a
        .source
        .as_ref()
        .map(|s| s.parts().to_vec())
        .unwrap_or_default();
    if let Some(last) = source_parts.last_mut() {
        last.end = doc.tokens[comma - 1].span.end;
    }
    a.source = Some(Region::new(source_parts));
}

/// A content or source without a quotation mark that belongs to the text
/// beside it: "left the district “with no good options.”| Enrollment has
/// dropped…, according to district figures" — the closing mark of the
/// sentence before is no opening of this content — and "“The economy,”|
/// chief executive Maria Lund said": nor of that source. Likewise an
/// opening mark after the last word. Told by the mark's shape: a closing
/// mark follows a word or punctuation and precedes a space; an opening one
/// the reverse.
fn drop_stray_quote_marks(doc: &Document, a: &mut Attribution) {
    a.content = a
        .content
        .as_ref()
        .map(|c| without_stray_quote_marks(doc, c));
    a.source = a.source.as_ref().map(|s| without_stray_quote_marks(doc, s));
}

fn without_stray_quote_marks(doc: &Document, region: &Region) -> Region {
    let mut parts = region.parts().to_vec();
    let is_mark = |t: usize| {
        matches!(
            doc.token_text(t),
            "\"" | "“" | "”" | "''" | "``" | "'" | "‘" | "’"
        )
    };
    let char_before = |t: usize| {
        doc.slice(Span::new(
            doc.tokens[t].span.start.saturating_sub(1),
            doc.tokens[t].span.start,
        ))
        .chars()
        .next()
    };
    let char_after = |t: usize| {
        let end = doc.tokens[t].span.end;
        doc.slice(Span::new(end, (end + 1).min(doc.char_len())))
            .chars()
            .next()
    };
    let spaced = |c: Option<char>| c.is_none_or(char::is_whitespace);
    if let Some(first) = parts.first_mut() {
        let t = doc.token_at_or_after(first.start);
        if t < doc.tokens.len()
            && doc.tokens[t].span.start == first.start
            && doc.tokens[t].span.end < first.end
            && is_mark(t)
            && !spaced(char_before(t))
            && spaced(char_after(t))
        {
            let next = doc.token_at_or_after(doc.tokens[t].span.end);
            if let Some(n) = doc.tokens.get(next).filter(|n| n.span.start < first.end) {
                *first = Span::new(n.span.start, first.end);
            }
        }
    }
    if let Some(last) = parts.last_mut() {
        let t = doc.token_at_or_after(last.end).saturating_sub(1);
        if t < doc.tokens.len()
            && doc.tokens[t].span.end == last.end
            && doc.tokens[t].span.start > last.start
            && is_mark(t)
            && spaced(char_before(t))
            && !spaced(char_after(t))
        {
            let prev = doc.tokens[..t]
                .iter()
                .rposition(|p| p.span.end <= doc.tokens[t].span.start);
            if let Some(p) = prev.filter(|&p| doc.tokens[p].span.end > last.start) {
                *last = Span::new(last.start, doc.tokens[p].span.end);
            }
        }
    }
    Region::new(parts)
}

/// A source without the stray marks a span model can take at its edges:
/// "(Having" → "Having", ">Sanders" → "Sanders", "SEO)" → "SEO", "…2014," →
/// "…2014". Quote marks, a closing bracket that closes one inside
/// ("Rep. Smith (D-Calif.)") and an abbreviation's full stop stay. `None`
/// when nothing is left.
fn tidy_source(doc: &Document, source: &Region) -> Option<Region> {
    const KEEP_START: &[char] = &['"', '“', '‘', '\'', '@', '#', '$'];
    // "About 17%" keeps its sign.
    const KEEP_END: &[char] = &['"', '”', '’', '\'', '.', ')', ']', '%'];
    let parts: Vec<Span> = source
        .parts()
        .iter()
        .filter_map(|&part| {
            let text = doc.slice(part);
            let lead = text
                .chars()
                .take_while(|c| !c.is_alphanumeric() && !KEEP_START.contains(c))
                .count();
            let rest: String = text.chars().skip(lead).collect();
            let mut kept = rest.chars().count();
            for c in rest.chars().rev() {
                let closes_inner = match c {
                    ')' => rest.contains('('),
                    ']' => rest.contains('['),
                    _ => true,
                };
                if c.is_alphanumeric() || (KEEP_END.contains(&c) && closes_inner) {
                    break;
                }
                kept -= 1;
            }
            let start = part.start + lead as u32;
            let mut end = start + kept as u32;
            // "Sen. Bernie Sanders (I-Vt" (the model stops before a full
            // stop): a bracket the source opened closes right after it.
            let opened = rest.matches('(').count() > rest.matches(')').count();
            if opened && kept > 0 {
                let after = doc.slice(Span::new(end, end + 2));
                if after.starts_with(')') {
                    end += 1;
                } else if after == ".)" {
                    end += 2;
                }
            }
            (kept > 0).then(|| Span::new(start, end))
        })
        .collect();
    (!parts.is_empty()).then(|| Region::new(parts))
}

/// A source that starts inside a name the entity layer found starts with
/// the name: "Downing | Street later confirmed" (the tagger read "Downing"
/// as a verb, and the span model began after it), "Jessica | Mackler". At
/// most two capitalised words are taken back, before a capitalised one,
/// and never the cue ("Said Comey" read as one name).
fn with_whole_first_name(doc: &Document, source: Region, cue: Option<Span>) -> Region {
    /// Longer names cut this way are headline runs the name tagger joined.
    const MAX_WORDS_BACK: usize = 2;
    let mut parts = source.parts().to_vec();
    let Some(first) = parts.first_mut() else {
        return source;
    };
    let name = doc.mentions.iter().find(|m| {
        m.mention_type == MentionType::Name
            && m.span.start < first.start
            && m.span.end > first.start
            && m.span.end <= first.end
    });
    let Some(m) = name else {
        return source;
    };
    let back = doc.token_at_or_after(m.span.start)..doc.token_at_or_after(first.start) + 1;
    let capitalised = back.len() <= MAX_WORDS_BACK + 1
        && back.clone().all(|k| {
            doc.token_text(k)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        });
    let over_cue = cue.is_some_and(|c| c.start < first.start && c.end > m.span.start);
    if !capitalised || over_cue {
        return source;
    }
    first.start = m.span.start;
    Region::new(parts)
}

/// Adverbs that stand between a subject and its verb ("it further wrote",
/// "Groberg then said"), lower-case as written there.
const PRE_VERB_ADVERBS: &[&str] = &[
    "again",
    "also",
    "earlier",
    "further",
    "later",
    "now",
    "previously",
    "recently",
    "repeatedly",
    "separately",
    "similarly",
    "subsequently",
    "then",
    "too",
];

/// A source without the function words and commas it was cut after ("the
/// budget office, the", "an analysis of … by Crowdpac, a", "opponents
/// for"): a noun phrase does not end on a determiner, preposition or
/// conjunction (4 of PolNeAR train's 19,561 gold sources do, such as a
/// relative clause ending "…she will caucus with"). A part's first word always
/// stays: "Both", "Some" and "that" are sources on their own.
fn without_dangling_words(doc: &Document, source: &Region) -> Option<Region> {
    if doc.tokens.is_empty() {
        return Some(source.clone());
    }
    let mut parts = source.parts().to_vec();
    if let Some(last) = parts.pop() {
        let first = doc.token_at_or_after(last.start);
        let full = doc.token_at_or_after(last.end);
        let mut end = full;
        // "it further | wrote", "Groberg then | said": an adverb of the
        // verb between a bare noun phrase and its cue ("people who have
        // seen him recently" keeps its clause's).
        let clause = (first..full.min(doc.tokens.len()))
            .any(|k| matches!(doc.tokens[k].upos, Upos::Verb | Upos::Aux));
        if end > first + 1 && !clause {
            let t = &doc.tokens[end - 1];
            if t.span.end <= last.end
                && t.upos == Upos::Adv
                && PRE_VERB_ADVERBS.contains(&doc.slice(t.span))
            {
                end -= 1;
            }
        }
        // Only whole tokens inside the part are judged.
        while end > first + 1 {
            let t = &doc.tokens[end - 1];
            // "Justice Samuel Alito, writing | in dissent, argued": a
            // participle after a comma opens a clause about the source.
            let participle = t.xpos == Xpos::Vbg
                && end >= first + 3
                && doc.slice(doc.tokens[end - 2].span) == ",";
            let dangling = t.span.end <= last.end
                && (matches!(t.upos, Upos::Det | Upos::Adp | Upos::Cconj | Upos::Sconj)
                    || participle
                    || matches!(doc.slice(t.span), "," | ";" | ":" | "-" | "—" | "–"));
            if !dangling {
                break;
            }
            end -= 1;
        }
        let cut = match doc.tokens.get(end.wrapping_sub(1)) {
            Some(t) if end < full && t.span.end > last.start => t.span.end.min(last.end),
            _ => last.end,
        };
        parts.push(Span::new(last.start, cut));
    }
    Some(Region::new(parts))
}

/// A source without the time phrase that dates the speech act when it stands
/// between the source's noun and the cue: "The FBI last month | said",
/// "Clinton on Tuesday | said" (PolNeAR's sources stop at the noun phrase).
/// A time phrase after a verb stays: "a poll released Monday" is the source.
fn drop_time_before_cue(doc: &Document, source: &Region, cue: Span) -> Region {
    let parts = source.parts();
    let Some(&last) = parts.last() else {
        return source.clone();
    };
    let between = doc.slice(Span::new(last.end.min(cue.start), cue.start));
    // Or the subject of a first verb that the cue's verb shares: "Gov.
    // Mike Pence on Thursday | blamed the media…, saying…".
    let verb_follows = || {
        doc.tokens
            .get(doc.token_at_or_after(last.end))
            .is_some_and(|t| matches!(t.upos, Upos::Verb | Upos::Aux | Upos::Adv))
    };
    if last.end > cue.start || !(between.trim().is_empty() || verb_follows()) {
        return source.clone();
    }
    let first = doc.token_at_or_after(last.start);
    let end = doc.token_at_or_after(last.end);
    let words: Vec<String> = (first..end)
        .map(|i| doc.token_text(i).to_lowercase())
        .collect();
    let time = trailing_time_phrase(&words);
    // The phrase must follow a noun or pronoun (the source's head), not a verb
    // or preposition, and leave at least that head.
    if time == 0 || time >= words.len() {
        return source.clone();
    }
    let head = first + words.len() - time - 1;
    // "USA Today", "NBC Nightly News Tonight": a capitalised day word
    // after a name is part of the name.
    let named = doc
        .token_text(head + 1)
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
        && matches!(
            words[words.len() - time].as_str(),
            "today" | "tonight" | "yesterday"
        );
    if named {
        return source.clone();
    }
    // A noun or pronoun, or the bracket closing a name's party and state:
    // "Sen. Chuck Grassley (R-Iowa) | on Wednesday".
    let nominal = doc.tokens.get(head).is_some_and(|t| {
        matches!(t.upos, Upos::Noun | Upos::Propn | Upos::Pron) || doc.slice(t.span) == ")"
    });
    if !nominal {
        return source.clone();
    }
    let mut kept = parts.to_vec();
    if let (Some(span), Some(tok)) = (kept.last_mut(), doc.tokens.get(head)) {
        span.end = tok.span.end;
    }
    Region::new(kept)
}

/// "Norvia Health, Inc., a digital health company, today announced…": a
/// source that is only the time phrase before its cue stands for the verb's
/// subject before it. `None` when the source is more than a time phrase or
/// the parse gives the verb no subject before it.
fn subject_behind_a_time_word(doc: &Document, source: &Region, cue: Span) -> Option<Region> {
    let extent = source.extent()?;
    if extent.end > cue.start {
        return None;
    }
    let first = doc.token_at_or_after(extent.start);
    let end = doc.token_at_or_after(extent.end);
    let words: Vec<String> = (first..end)
        .map(|i| doc.token_text(i).to_lowercase())
        .collect();
    if words.is_empty() || trailing_time_phrase(&words) != words.len() {
        return None;
    }
    let verb = doc.token_at_or_after(cue.start);
    let within = doc
        .sentence_of_token(verb as u32)
        .and_then(|s| doc.sentences.get(s))?
        .span;
    let subject = (0..first).rev().take(40).find(|&k| {
        doc.tokens
            .get(k)
            .is_some_and(|t| t.head == Some(verb as u32) && t.deprel.is_subject())
    })?;
    // The subject's words up to the time phrase, appositions and all.
    let start = (0..=subject)
        .rev()
        .take_while(|&k| dominated_by(doc, k, subject, within))
        .last()?;
    let last = (subject..first)
        .take_while(|&k| dominated_by(doc, k, subject, within))
        .last()?;
    // Not the punctuation closing an apposition.
    let last = (start..=last)
        .rev()
        .find(|&k| doc.tokens.get(k).is_some_and(|t| t.upos != Upos::Punct))?;
    let span = Span::new(
        doc.tokens.get(start)?.span.start,
        doc.tokens.get(last)?.span.end,
    );
    if !within.contains_offset(span.start) {
        return None;
    }
    let subject = Region::single(span);
    Some(drop_dateline(doc, &subject).unwrap_or(subject))
}

/// A source before its cue that starts right after a preposition, inside
/// the prepositional phrase that opens the sentence, began in that phrase:
/// "In an interview with [The Associated Press, the company's chief
/// executive, David Kim] said" keeps what follows the phrase's comma ("the
/// company's chief executive, David Kim"). `None` when the source does not
/// start so.
fn drop_prepositional_object(doc: &Document, source: &Region, cue: Span) -> Option<Region> {
    let parts = source.parts();
    let first = *parts.first()?;
    if source.extent()?.end > cue.start {
        return None;
    }
    let start = doc.token_at_or_after(first.start);
    let sentence = doc.sentences.get(doc.sentence_of_token(start as u32)?)?;
    let opening = (sentence.tokens[0] as usize..start)
        .find(|&i| !matches!(doc.tokens[i].upos, Upos::Punct))?;
    // "As the chief executive, Jeff Weiner, put it": "as" opens a clause.
    let preposition =
        |i: usize| doc.tokens[i].upos == Upos::Adp && !doc.token_text(i).eq_ignore_ascii_case("as");
    let before = start.checked_sub(1)?;
    if !preposition(opening)
        || !preposition(before)
        || doc.tokens[before].span.end > first.start
        || (opening..start).any(|i| doc.token_text(i) == ",")
    {
        return None;
    }
    let text = doc.slice(first);
    let comma = text.find(',')?;
    let rest = &text[comma + 1..];
    let lead = rest.chars().take_while(|c| c.is_whitespace()).count();
    if rest.trim().is_empty() {
        return None;
    }
    let offset = text[..comma + 1].chars().count() + lead;
    let mut kept = parts.to_vec();
    kept[0] = Span::new(first.start + offset as u32, first.end);
    Some(Region::new(kept))
}

/// A source that starts with a relative pronoun keeps only the cue's
/// subject: "(a report) which officials | said" → "officials" (the pronoun
/// is what they said something about), "(Mr. Smith,) who in 2010 | said" →
/// "who" (the pronoun is the speaker; the enricher then speaks for its
/// antecedent). `None` when the source does not start so or the parse
/// names neither as the subject of a cue word.
fn relative_pronoun_source(doc: &Document, source: &Region, cue: Span) -> Option<Region> {
    let parts = source.parts();
    let first = *parts.first()?;
    let pronoun = doc.token_at_or_after(first.start);
    let tok = doc.tokens.get(pronoun)?;
    let relative = matches!(tok.xpos, Xpos::Wp | Xpos::Wdt)
        && matches!(
            doc.token_text(pronoun).to_lowercase().as_str(),
            "who" | "whom" | "which" | "that"
        );
    let last = parts.last()?;
    let end = doc.token_at_or_after(last.end);
    if !relative || tok.span.start < first.start || end <= pronoun + 1 {
        return None;
    }
    let cue_tokens = doc.token_at_or_after(cue.start) as u32..doc.token_at_or_after(cue.end) as u32;
    // A subject takes no preposition: "who through his office | declined"
    // misparsed keeps its pronoun.
    let subject_of_cue = |i: usize| {
        doc.tokens.get(i).is_some_and(|t| {
            t.deprel.is_subject()
                && t.head.is_some_and(|h| cue_tokens.contains(&h))
                && !doc.tokens[pronoun..end]
                    .iter()
                    .any(|c| c.head == Some(i as u32) && c.deprel == DepRel::Case)
        })
    };
    let inside = |i: usize| {
        doc.tokens
            .get(i)
            .is_some_and(|t| parts.iter().any(|p| p.contains(&t.span)))
    };
    if (pronoun + 1..end).any(|i| inside(i) && subject_of_cue(i)) {
        // The pronoun leaves; the rest of the source stays as it was.
        let next = doc.tokens.get(pronoun + 1)?.span.start;
        let kept = source.within(Span::new(next, u32::MAX));
        return (!kept.is_empty()).then_some(kept);
    }
    subject_of_cue(pronoun).then(|| Region::single(tok.span))
}

/// "The source answered, “Correct.”": the model read the whole sentence as
/// content around a sourceless cue. A speech verb's subject just before it
/// is its source, and what stands before the subject (an adverb: "In
/// particular, Will wrote…") leaves the content. Passives and raising verbs
/// ("X is expected to…", whose subject PolNeAR leaves in the content) are
/// not speech verbs.
fn subject_before_a_speech_verb(doc: &Document, a: &mut Attribution) {
    let (None, Some(cue), Some(content)) = (&a.source, a.cue.extent(), a.content.as_ref()) else {
        return;
    };
    let parts = content.parts();
    if parts.len() == 1 {
        subject_after_a_fronted_quote(doc, a);
        return;
    }
    let verb = doc.token_at_or_after(cue.start);
    let Some(tok) = doc.tokens.get(verb) else {
        return;
    };
    // The verb alone, or with its particle: "called on", "called for".
    let particle = doc.tokens.get(verb + 1).is_some_and(|t| {
        matches!(t.upos, Upos::Adp | Upos::Part) && Span::new(tok.span.start, t.span.end) == cue
    });
    if parts.len() < 2
        || !(tok.span == cue || (particle && tok.lemma == "call"))
        || tok.upos != Upos::Verb
        || !matches!(tok.xpos, Xpos::Vbd | Xpos::Vbz | Xpos::Vbp)
        || !(SPEECH_LEMMAS.contains(&tok.lemma.as_str()) || tok.lemma == "urge")
        || parts[0].end > cue.start
        || parts[1].start < cue.end
        || !doc
            .slice(Span::new(parts[0].end, cue.start))
            .trim()
            .is_empty()
    {
        return;
    }
    // "All told, …" is no speech.
    if verb > 0 && doc.token_text(verb - 1).eq_ignore_ascii_case("all") && tok.lemma == "tell" {
        return;
    }
    // The verb's subject, ending right before it.
    let Some(subject) = (0..verb)
        .rev()
        .take(12)
        .find(|&k| doc.tokens[k].head == Some(verb as u32) && doc.tokens[k].deprel.is_subject())
    else {
        return;
    };
    let sentence = doc
        .sentence_of_token(verb as u32)
        .and_then(|s| doc.sentences.get(s));
    let Some(within) = sentence.map(|s| s.span) else {
        return;
    };
    let first = (0..=subject)
        .rev()
        .take_while(|&k| dominated_by(doc, k, subject, within))
        .last()
        .unwrap_or(subject);
    let start = doc.tokens[first].span.start;
    if verb != subject + 1 || start < parts[0].start {
        return;
    }
    // What is left before the subject must say nothing ("In particular,").
    let before: Vec<usize> = (doc.token_at_or_after(parts[0].start)..first).collect();
    if before
        .iter()
        .any(|&k| matches!(doc.tokens[k].upos, Upos::Verb | Upos::Aux))
    {
        return;
    }
    a.source = Some(Region::single(Span::new(
        start,
        doc.tokens[subject].span.end,
    )));
    a.content = Some(Region::new(parts[1..].to_vec()));
}

/// "Romney went after Trump…, calling it “disqualifying” and asserting
/// that…", "The nurse later sued, claiming…", "After saying he was
/// nervous…, the man…": a sourceless cue that is a participle on a clause
/// (through any participles coordinated with it) has that clause's subject
/// as its source. Only a subject in the cue's sentence that is no
/// relative or expletive word.
fn participle_takes_its_clauses_subject(doc: &Document, a: &mut Attribution) {
    let (None, Some(cue)) = (&a.source, a.cue.extent()) else {
        return;
    };
    let mut t = doc.token_at_or_after(cue.start);
    if doc.tokens.get(t).is_none_or(|tok| tok.xpos != Xpos::Vbg) {
        return;
    }
    let Some(within) = sentence_span_at(doc, cue.start) else {
        return;
    };
    let range = doc.token_at_or_after(within.start)..doc.token_at_or_after(within.end);
    // A dependent of `v` in the sentence with a relation `rel` accepts.
    let dependent = |v: usize, rel: fn(DepRel) -> bool| {
        range.clone().find(|&k| {
            doc.tokens
                .get(k)
                .is_some_and(|d| d.head == Some(v as u32) && rel(d.deprel))
        })
    };
    let subject_of = |v: usize| dependent(v, |r| matches!(r, DepRel::Nsubj | DepRel::NsubjPass));
    let object_of = |v: usize| dependent(v, |r| r == DepRel::Obj);
    // Up the heads (coordinated participles, the words the parse hung the
    // participle on) to the first verb with a subject; not out of a
    // reported clause.
    let start = t;
    let mut subject = None;
    // Whether the walk came up an object-control complement: "expects Holt
    // to insert himself… by calling out Trump" → Holt.
    let mut controlled = false;
    for _ in 0..6 {
        let Some(tok) = doc.tokens.get(t) else {
            return;
        };
        if t != start && tok.upos == Upos::Verb && tok.xpos != Xpos::Vbg {
            let object_control = matches!(
                tok.lemma.as_str(),
                "expect"
                    | "want"
                    | "ask"
                    | "urge"
                    | "tell"
                    | "allow"
                    | "encourage"
                    | "force"
                    | "persuade"
                    | "need"
                    | "require"
            );
            let controller = if controlled && object_control {
                object_of(t)
            } else {
                None
            };
            if let Some(k) = controller.or_else(|| subject_of(t)) {
                subject = Some(k);
                break;
            }
        }
        controlled = tok.deprel == DepRel::Xcomp;
        if matches!(
            tok.deprel,
            DepRel::Ccomp | DepRel::Parataxis | DepRel::AclRelcl
        ) {
            return;
        }
        match tok.head {
            Some(h)
                if within
                    .contains_offset(doc.tokens.get(h as usize).map_or(0, |x| x.span.start)) =>
            {
                t = h as usize
            }
            _ => return,
        }
    }
    let Some(subject) = subject else {
        return;
    };
    let t = start;
    if matches!(
        doc.token_text(subject).to_lowercase().as_str(),
        "who" | "which" | "that" | "it" | "there" | "this"
    ) {
        return;
    }
    // A subject after the participle only when a preposition or
    // subordinator opens the participle's phrase ("After saying…, the man").
    let opened = t > 0
        && doc
            .tokens
            .get(t - 1)
            .is_some_and(|p| matches!(p.upos, Upos::Adp | Upos::Sconj));
    if subject > t && !opened {
        return;
    }
    let cut = if subject < t { t } else { range.end };
    let Some(span) = subject_phrase(doc, range, subject, cut) else {
        return;
    };
    // Nor a subject that holds the cue or the content.
    let clashes = a.cue.parts().iter().any(|c| c.overlaps(&span))
        || a.content
            .as_ref()
            .is_some_and(|c| c.parts().iter().any(|p| p.overlaps(&span)));
    // A bracket the phrase opened closes with it ("Sen. Ted Cruz (R-Tex.)");
    // a dateline before it is no part of it.
    let mut span = span;
    let text = doc.slice(span);
    if text.matches('(').count() > text.matches(')').count() {
        let mut next = doc.token_at_or_after(span.end);
        if doc.token_text(next) == "." {
            next += 1;
        }
        if doc.token_text(next) == ")" {
            if let Some(close) = doc.tokens.get(next) {
                span.end = close.span.end;
            }
        }
    }
    let span = drop_dateline(doc, &Region::single(span))
        .and_then(|r| r.extent())
        .unwrap_or(span);
    // Someone who can speak: not "the strategy" or "his comments".
    let speaker_like = matches!(
        source_kind_of(doc, span),
        SourceKind::Person
            | SourceKind::Organization
            | SourceKind::Media
            | SourceKind::Pronoun
            | SourceKind::Group
            | SourceKind::Anonymous
            | SourceKind::Document
    );
    if !clashes && speaker_like {
        a.source = Some(Region::single(span));
    }
}

/// Lemmas of participles that report or judge ("citing", "warning",
/// "praising"), beyond [`SPEECH_LEMMAS`].
const REPORTING_LEMMAS: &[&str] = &[
    "accuse",
    "acknowledge",
    "admit",
    "argue",
    "blame",
    "call",
    "cite",
    "claim",
    "criticize",
    "deny",
    "describe",
    "express",
    "note",
    "point",
    "praise",
    "predict",
    "promise",
    "quote",
    "refer",
    "suggest",
    "urge",
    "vow",
    "warn",
];

/// Whether a participle's lemma says something of speech, so that the
/// participle is a cue of its own ("…, police said, citing witnesses"),
/// not a phrase going on with the clause before it.
pub(crate) fn is_participle_of_speech(lemma: &str) -> bool {
    SPEECH_LEMMAS.contains(&lemma) || REPORTING_LEMMAS.contains(&lemma)
}

/// Verbs whose subject before them is who spoke ([`subject_before_a_speech_verb`]).
const SPEECH_LEMMAS: &[&str] = &[
    "say", "answer", "reply", "add", "ask", "tell", "write", "respond", "explain", "insist",
    "declare", "tweet", "post",
];

/// `"Third time this year," one fan posted.`: the model read the fronted
/// quotation and the subject after it as the content of a sourceless cue.
/// A short noun phrase between the quotation's closing mark and a speech
/// verb is the source; the quotation alone is the content.
fn subject_after_a_fronted_quote(doc: &Document, a: &mut Attribution) {
    /// Longer than this, what stands before the verb is more than a subject.
    const MAX_SOURCE_TOKENS: usize = 6;
    let (None, Some(cue), Some(content)) = (&a.source, a.cue.extent(), a.content.as_ref()) else {
        return;
    };
    let (Some(part), true) = (content.extent(), content.parts().len() == 1) else {
        return;
    };
    let verb = doc.token_at_or_after(cue.start);
    let Some(tok) = doc.tokens.get(verb) else {
        return;
    };
    // (After a quotation and a noun, a past form may be tagged a
    // participle: "one fan posted.")
    if tok.span != cue
        || !matches!(tok.xpos, Xpos::Vbd | Xpos::Vbz | Xpos::Vbp | Xpos::Vbn)
        || !SPEECH_LEMMAS.contains(&tok.lemma.as_str())
        || part.end > cue.start
        || !doc.slice(Span::new(part.end, cue.start)).trim().is_empty()
    {
        return;
    }
    let first = doc.token_at_or_after(part.start);
    // The closing mark after a comma, then the subject up to the verb.
    let Some(close) = (first + 1..verb)
        .rev()
        .take(MAX_SOURCE_TOKENS + 1)
        .find(|&k| {
            doc.token_text(k - 1) == ","
                && matches!(
                    QuoteMark::of_double(doc.token_text(k)),
                    Some(QuoteMark::Close | QuoteMark::Toggle)
                )
        })
    else {
        return;
    };
    // Not an adverb before the verb ("…,” it further wrote").
    let end = (close + 1..verb)
        .rev()
        .find(|&k| doc.tokens[k].upos != Upos::Adv)
        .map_or(close + 1, |k| k + 1);
    let subject = close + 1..end;
    let nominal = subject
        .clone()
        .any(|k| matches!(doc.tokens[k].upos, Upos::Noun | Upos::Propn | Upos::Pron));
    let predicate = subject
        .clone()
        .any(|k| matches!(doc.tokens[k].upos, Upos::Verb | Upos::Aux));
    if subject.is_empty() || !nominal || predicate {
        return;
    }
    a.source = Some(Region::single(Span::new(
        doc.tokens[close + 1].span.start,
        doc.tokens[end - 1].span.end,
    )));
    a.content = Some(Region::single(Span::new(
        part.start,
        doc.tokens[close].span.end,
    )));
}

/// "Joe Hannouch, who is her husband, [denied any wrongdoing] and defended
/// the price hikes": a source ends where its relative clause closes; a
/// finite verb after the closing comma is the subject's next predicate
/// (the parse had hung it inside the clause, and the shared subject of
/// "defended" took it along).
fn without_verb_after_relative_clause(
    doc: &Document,
    source: &Region,
    cue: Span,
) -> Option<Region> {
    let extent = source.extent()?;
    if extent.end > cue.start {
        return None;
    }
    let (first, end) = (
        doc.token_at_or_after(extent.start),
        doc.token_at_or_after(extent.end),
    );
    let relative = (first + 1..end).find(|&k| {
        doc.token_text(k - 1) == "," && matches!(doc.token_text(k), "who" | "which" | "whose")
    })?;
    let finite = |k: usize| doc.tokens[k].xpos.is_finite_verb();
    let comma = (relative + 2..end).find(|&k| {
        doc.token_text(k) == ","
            && k + 1 < end
            && finite(k + 1)
            // The clause had its own verb: "whose husband, Navy SEAL Ty
            // Woods, was…" closes after its verb, not before it.
            && (relative + 1..k).any(finite)
    })?;
    let kept = source.within(Span::new(0, doc.tokens[comma].span.start));
    (!kept.is_empty()).then_some(kept)
}

/// "Researchers and clinicians [who treat anxiety] praised the study": a
/// source that is a relative clause without its antecedent (the parse hung
/// the cue on the clause) takes the noun phrase before it back.
fn with_relative_antecedent(doc: &Document, source: &Region, cue: Span) -> Option<Region> {
    const MAX_ANTECEDENT_TOKENS: usize = 8;
    let extent = source.extent()?;
    let pronoun = doc.token_at_or_after(extent.start);
    let tok = doc.tokens.get(pronoun)?;
    let relative = matches!(tok.xpos, Xpos::Wp | Xpos::Wdt)
        && matches!(
            doc.token_text(pronoun).to_lowercase().as_str(),
            "who" | "that"
        );
    // The clause's own verb inside the source, before the cue.
    let end = doc.token_at_or_after(extent.end);
    let has_verb = (pronoun + 1..end)
        .any(|k| doc.tokens[k].upos == Upos::Verb && doc.tokens[k].span.end <= cue.start);
    if !relative || tok.span.start != extent.start || !has_verb || extent.end > cue.start {
        return None;
    }
    let sentence = doc.sentences.get(doc.sentence_of_token(pronoun as u32)?)?;
    let mut start = pronoun;
    while start > sentence.tokens[0] as usize
        && pronoun - start < MAX_ANTECEDENT_TOKENS
        && matches!(
            doc.tokens[start - 1].upos,
            Upos::Noun | Upos::Propn | Upos::Adj | Upos::Det | Upos::Num | Upos::Cconj
        )
    {
        start -= 1;
    }
    while start < pronoun && doc.tokens[start].upos == Upos::Cconj {
        start += 1;
    }
    // The antecedent ends in a noun.
    let head = doc.tokens.get(pronoun.checked_sub(1)?)?;
    if start == pronoun || !matches!(head.upos, Upos::Noun | Upos::Propn) {
        return None;
    }
    Some(Region::single(Span::new(
        doc.tokens[start].span.start,
        extent.end,
    )))
}

/// Content parts that run straight on from the source inside its own
/// phrase are the source's modifiers, not what was said: "X, according to
/// three former officials who spoke | on condition of anonymity because…".
/// Some other part of the content stays.
fn drop_content_inside_source_phrase(doc: &Document, a: &mut Attribution) {
    let (Some(source), Some(content)) = (&a.source, &a.content) else {
        return;
    };
    // A passive cue's agent ("was berated by his father | for installing…")
    // shares its phrase with the verb's own modifiers in a parse.
    let passive = a.cue.extent().is_some_and(|cue| {
        let tokens = doc.token_at_or_after(cue.start)..doc.token_at_or_after(cue.end);
        source.extent().is_some_and(|s| s.start >= cue.end)
            && doc.tokens[tokens].iter().any(|t| t.xpos == Xpos::Vbn)
    });
    let Some(head) = source_head_token(doc, source).filter(|_| !passive) else {
        return;
    };
    let Some(sentence) = doc
        .sentence_of_token(head as u32)
        .and_then(|s| doc.sentences.get(s))
    else {
        return;
    };
    let range = sentence.token_range();
    // (A document read from elsewhere may have layers that disagree.)
    if range.end > doc.tokens.len() || !range.contains(&head) {
        return;
    }
    let Some(phrase) = shared_subject::subtree_span(doc, range, head) else {
        return;
    };
    let Some(extent) = source.extent() else {
        return;
    };
    let kept: Vec<Span> = content
        .parts()
        .iter()
        .copied()
        .filter(|p| {
            // Only a part that runs straight on from the source (or from
            // inside it: "The official, who | asked not to be named"), or
            // after a relative pronoun and its auxiliaries ("three people
            // familiar with the matter, who | spoke on condition of
            // anonymity").
            let gap = doc.slice(Span::new(extent.end.min(p.start), p.start));
            // The relative pronoun (or "speaking") opening the clause.
            let relative_pronoun = || {
                let mut gap_words = alphanumeric_words(gap);
                let first = gap_words
                    .next()
                    .or_else(|| alphanumeric_words(doc.slice(*p)).next());
                // "Miller, who has | voted Republican all her life".
                let auxiliary = |w: &str| {
                    matches!(
                        w,
                        "has" | "have" | "had" | "is" | "was" | "are" | "were" | "will" | "would"
                    )
                };
                (gap.trim_start().starts_with(',') && gap_words.all(auxiliary))
                    .then_some(first)
                    .flatten()
                    .filter(|w| matches!(*w, "who" | "which" | "whom" | "whose" | "speaking"))
            };
            let after_source = extent.start < p.start;
            let pronoun = after_source.then(relative_pronoun).flatten();
            // A clause on "who" after the source's comma is about the
            // source even where the parse hangs it elsewhere ("said
            // Miller, who has voted…" read as what was said).
            if pronoun.is_some_and(|w| matches!(w, "who" | "whom" | "whose")) {
                return false;
            }
            let runs_on = after_source && (gap.trim().is_empty() || pronoun.is_some());
            // The phrase ends at a word; the part may end at a comma.
            let text = doc.slice(*p);
            let trailing = text
                .chars()
                .rev()
                .take_while(|c| !c.is_alphanumeric())
                .count();
            let core = Span::new(p.start, p.end - trailing as u32);
            !(phrase.contains(&core) && runs_on)
        })
        .collect();
    if !kept.is_empty() && kept.len() < content.parts().len() {
        a.content = Some(Region::new(kept));
    }
}

/// "According to Billboard, [the album] sold…": the subject of a verb in
/// the content belongs to the content, not to the source before it.
fn give_content_its_subject(doc: &Document, a: &mut Attribution) {
    let (Some(source), Some(content)) = (
        a.source.as_ref().and_then(Region::extent),
        a.content.as_ref().and_then(Region::extent),
    ) else {
        return;
    };
    if source.end > content.start {
        return;
    }
    let in_source = |span: &Span| {
        a.source
            .as_ref()
            .is_some_and(|s| s.parts().iter().any(|p| p.contains(span)))
    };
    let first = doc.token_at_or_after(source.start);
    let end = doc.token_at_or_after(source.end).min(doc.tokens.len());
    // The subject of a verb in the content that the first source token it
    // can be found from belongs to ("the Times, a grand | jury has heard":
    // "grand" modifies the subject "jury").
    let subject_above = |k: usize| {
        let mut t = k;
        for _ in 0..4 {
            let tok = &doc.tokens[t];
            let head = tok
                .head
                .map(|h| h as usize)
                .filter(|&h| h < doc.tokens.len())?;
            if tok.deprel.is_subject() && content.contains(&doc.tokens[head].span) {
                return Some(t);
            }
            t = head;
        }
        None
    };
    let Some(subject) = (first..end)
        .filter(|&k| in_source(&doc.tokens[k].span))
        .find_map(subject_above)
    else {
        return;
    };
    let Some(sentence) = doc
        .sentence_of_token(subject as u32)
        .and_then(|s| doc.sentences.get(s))
    else {
        return;
    };
    let range = sentence.token_range();
    if range.end > doc.tokens.len() {
        return;
    }
    let Some(phrase) = shared_subject::subtree_span(doc, range, subject) else {
        return;
    };
    // Some source must stay before the subject, and the subject must run
    // to the source's end.
    let kept = doc.slice(Span::new(source.start, phrase.start.max(source.start)));
    let kept_len = kept
        .trim_end_matches(|c: char| c.is_whitespace() || c == ',')
        .chars()
        .count() as u32;
    let holds_cue = a.cue.extent().is_some_and(|c| phrase.overlaps(&c));
    if kept_len == 0 || phrase.end < source.end || holds_cue {
        return;
    }
    let cut = source.start + kept_len;
    a.source = a.source.as_ref().map(|s| s.within(Span::new(0, cut)));
    if let Some(c) = &a.content {
        let mut parts = c.parts().to_vec();
        parts.push(Span::new(phrase.start, content.start));
        a.content = Some(Region::new(parts));
    }
}

/// "…, one of the people said. The people spoke on the condition of
/// anonymity…": in a content without quotation marks, a part in a later
/// sentence than its cue is the reporter's next sentence, not more of what
/// was said. Some part in or before the cue's sentence stays.
fn drop_unquoted_parts_in_later_sentences(doc: &Document, a: &mut Attribution) {
    let (Some(cue), Some(content)) = (a.cue.extent(), &a.content) else {
        return;
    };
    let Some(extent) = content.extent() else {
        return;
    };
    let Some(sentence) = sentence_span_at(doc, cue.start) else {
        return;
    };
    // Only a content without any quotation mark: a quotation runs on over
    // sentences, and its marks may stand far from the part.
    let around = Span::new(extent.start.min(cue.start), extent.end.max(cue.end));
    if quotes_within(doc, around) {
        return;
    }
    keep_content_parts(a, |p| p.start < sentence.end);
}

/// "Graham, in an interview on CNN later that day, said…": a phrase set off
/// by commas between the name and its cue says where or when, not who.
fn drop_parenthetical_phrase(doc: &Document, source: &Region, cue: Span) -> Option<Region> {
    const OPENERS: &[&str] = &[
        "in",
        "on",
        "at",
        "during",
        "after",
        "before",
        "while",
        "speaking",
        "appearing",
        "addressing",
        "later",
        "earlier",
    ];
    // (Adverbs that modify the name itself stay: "voters, in particular,".)
    const ADVERBS: &[&str] = &[
        "in particular",
        "in turn",
        "in fact",
        "in general",
        "at least",
    ];
    let extent = source.extent()?;
    if extent.end > cue.start {
        return None;
    }
    let text = doc.slice(extent);
    let (at, _) = text.match_indices(", ").find(|(at, _)| {
        let phrase = &text[at + 2..];
        phrase
            .split_whitespace()
            .next()
            .is_some_and(|w| OPENERS.contains(&w))
            && !ADVERBS.iter().any(|a| phrase.starts_with(a))
    })?;
    let keep = text[..at].chars().count() as u32;
    // Some word stays before the comma.
    alphanumeric_words(&text[..at]).next()?;
    let cut = extent.start + keep;
    // A person named only after the comma is who spoke ("Tuesday at the
    // university, … Gov. John Kasich").
    let person_in = |span: Span| {
        doc.mentions.iter().any(|m| {
            m.kind == EntityKind::Person
                && m.mention_type == MentionType::Name
                && span.contains(&m.span)
                && source.overlaps_span(&m.span)
        })
    };
    if person_in(Span::new(cut, extent.end)) && !person_in(Span::new(extent.start, cut)) {
        return None;
    }
    let kept = source.within(Span::new(0, cut));
    (!kept.is_empty()).then_some(kept)
}

/// "Asked if she would resign, the director replied…": who was asked is
/// not who asked (PolNeAR gives an opening "Asked" no source in 39 of 45
/// train cases; the rest are "Asked by X"), and the question ends at its
/// comma.
fn answerer_is_not_the_asker(doc: &Document, a: &mut Attribution) {
    let Some(cue) = a.cue.extent() else {
        return;
    };
    let opens_sentence = sentence_span_at(doc, cue.start).is_some_and(|s| {
        doc.slice(Span::new(s.start, cue.start))
            .chars()
            .all(|c| !c.is_alphanumeric())
    });
    if !opens_sentence || !doc.slice(cue).starts_with("Asked") {
        return;
    }
    let Some(source) = a.source.as_ref().and_then(Region::extent) else {
        return;
    };
    let gap = doc.slice(Span::new(cue.end.min(source.start), source.start));
    let by_asker = gap.trim_end().ends_with(" by") || gap.trim() == "by";
    if source.start < cue.end || by_asker {
        return;
    }
    a.source = None;
    // The question runs to its comma (with a quotation's closing mark).
    let rest = doc.slice(Span::new(cue.end, source.start));
    let mut end = None;
    let chars: Vec<char> = rest.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c != ',' {
            continue;
        }
        match chars.get(i + 1) {
            Some('”' | '"' | '’' | '\'') => {
                end = Some(i + 2);
                break;
            }
            Some(w) if w.is_whitespace() => {
                end = Some(i);
                break;
            }
            _ => {}
        }
    }
    let Some(end) = end.map(|n| cue.end + n as u32) else {
        return;
    };
    if let Some(content) = &a.content {
        let kept = content.within(Span::new(0, end));
        if !kept.is_empty() {
            a.content = Some(kept);
        }
    }
}

/// The extents of an attribution's source and cue, and its content.
fn source_cue_content(a: &Attribution) -> Option<(Span, Span, &Region)> {
    Some((
        a.source.as_ref().and_then(Region::extent)?,
        a.cue.extent()?,
        a.content.as_ref()?,
    ))
}

/// Keeps the content parts `keep` accepts, unless that would keep none
/// (a content is never emptied by a rule that trims it).
fn keep_content_parts(a: &mut Attribution, keep: impl Fn(&Span) -> bool) {
    let Some(content) = &a.content else {
        return;
    };
    let kept: Vec<Span> = content.parts().iter().copied().filter(keep).collect();
    if !kept.is_empty() && kept.len() < content.parts().len() {
        a.content = Some(Region::new(kept));
    }
}

/// What stands between a source and the cue after it is about the source,
/// not what was said: "Dmitry Peskov, asked about a possible ceasefire,
/// said…". Some other part of the content stays.
fn drop_parts_between_source_and_cue(a: &mut Attribution) {
    let Some((source, cue, _)) = source_cue_content(a) else {
        return;
    };
    if source.end > cue.start {
        return;
    }
    let between = Span::new(source.end, cue.start);
    keep_content_parts(a, |p| !between.contains(p));
}

/// "Majority Leader John Thune, R-S.D., dismissed the idea…, according to
/// a transcript of his remarks": "according to" names its source after
/// it; source parts before the cue (here "R-S.D.") belong to the claim.
fn according_to_names_its_source_after_it(doc: &Document, a: &mut Attribution) {
    let (Some(source), Some(cue)) = (&a.source, a.cue.extent()) else {
        return;
    };
    let parts = source.parts();
    if !doc.slice(cue).to_lowercase().starts_with("according to") {
        return;
    }
    let after: Vec<Span> = parts
        .iter()
        .copied()
        .filter(|p| p.start >= cue.end)
        .collect();
    if !after.is_empty() && after.len() < parts.len() {
        a.source = Some(Region::new(after));
    }
}

/// ", as Politico reported last week": the subordinator leads the clause,
/// not the name; a source before its cue starts after it.
fn source_without_leading_as(doc: &Document, a: &mut Attribution) {
    let (Some(source), Some(cue)) = (&a.source, a.cue.extent()) else {
        return;
    };
    let parts = source.parts();
    let Some(&first) = parts.first() else {
        return;
    };
    let k = doc.token_at_or_after(first.start);
    if first.end <= cue.start
        && doc.token_text(k).eq_ignore_ascii_case("as")
        && doc
            .tokens
            .get(k)
            .is_some_and(|t| t.span.start == first.start)
    {
        if let Some(next) = doc.tokens.get(k + 1).filter(|n| n.span.end <= first.end) {
            let mut kept = parts.to_vec();
            kept[0] = Span::new(next.span.start, first.end);
            a.source = Some(Region::new(kept));
        }
    }
}

/// "A neighbor, who asked that her name not be used because she feared
/// for her safety, said…": a source before its cue in parts, a relative
/// clause opening after its first words with claims of its own carved out
/// of it, is the whole noun phrase up to the comma before the cue
/// (PolNeAR's sources take such a clause whole or leave it out, never in
/// pieces; whole in the train cases where the model split one).
fn source_takes_its_split_relative_clause_whole(doc: &Document, a: &mut Attribution) {
    let (Some(source), Some(cue)) = (&a.source, a.cue.extent()) else {
        return;
    };
    let parts = source.parts();
    let (Some(&first), Some(&last)) = (parts.first(), parts.last()) else {
        return;
    };
    if parts.len() < 2 || last.end > cue.start {
        return;
    }
    let (start, end) = (
        doc.token_at_or_after(first.start),
        doc.token_at_or_after(first.end),
    );
    let relative = (start + 1..=end).any(|k| {
        doc.token_text(k) == ","
            && matches!(
                doc.token_text(k + 1).to_lowercase().as_str(),
                "who" | "which" | "whom" | "whose"
            )
    });
    if !relative {
        return;
    }
    // Up to the comma closing the clause before the cue, or the last part.
    let cue_token = doc.token_at_or_after(cue.start);
    let close = cue_token
        .checked_sub(1)
        .filter(|&k| doc.token_text(k) == "," && doc.tokens[k].span.start >= last.end)
        .and_then(|k| doc.tokens.get(k.checked_sub(1)?))
        .map_or(last.end, |t| t.span.end.max(last.end));
    a.source = Some(Region::single(Span::new(first.start, close)));
}

/// A relative clause on a source after its cue describes the source, not
/// what was said: `"It sounded like a train," said Gwen Morris, 71, whose
/// garden wall was flattened.` PolNeAR puts such a clause in the source or
/// nowhere (121 and 76 train cases), never in the content. Another part of
/// the content stays.
fn drop_relative_clause_of_source(doc: &Document, a: &mut Attribution) {
    let Some((source, cue, _)) = source_cue_content(a) else {
        return;
    };
    if source.start < cue.end {
        return;
    }
    let Some(sentence) = sentence_span_at(doc, source.end.saturating_sub(1)) else {
        return;
    };
    let after = doc.slice(Span::new(source.end, sentence.end));
    // Right after the source, or after an age: "Gwen Morris, 71, whose".
    let opens_clause = after.trim_start().strip_prefix(',').is_some_and(|rest| {
        alphanumeric_words(rest)
            .find(|w| !w.bytes().all(|b| b.is_ascii_digit()))
            .is_some_and(|w| matches!(w, "who" | "whose" | "which" | "where" | "whom"))
    });
    // Or the source took the relative word itself ("the aide, Daniel Cho,
    // who | was granted immunity…"); a later pass trims it.
    let took_relative_word = {
        let text = doc.slice(source).trim_end();
        ["who", "whose", "which", "whom"].iter().any(|w| {
            text.strip_suffix(w)
                .is_some_and(|rest| rest.trim_end().ends_with(','))
        })
    };
    if !opens_clause && !took_relative_word {
        return;
    }
    let clause = Span::new(source.end, sentence.end);
    keep_content_parts(a, |p| !clause.contains(p));
}

/// A content that stops inside a phrase of its own takes the rest of the
/// phrase: the span model cuts "payments to a firm run | by his former
/// adviser" before the "by" that so often names a source. A dependent of
/// a word of the content's last part (an object, oblique, nominal
/// modifier — not a conjunct or a clause of its own), whose words start
/// right after the content, joins it whole when none of its words is an
/// attribution's cue or source.
fn complete_cut_phrases(doc: &Document, attrs: &mut [Attribution]) {
    /// Longest sentence read (the subtree walks are quadratic in it).
    const MAX_WORDS: usize = 150;
    if doc.tokens.is_empty() {
        return;
    }
    let taken = span_index::SpanIndex::new(
        attrs
            .iter()
            .flat_map(|a| {
                a.cue
                    .parts()
                    .iter()
                    .chain(a.source.iter().flat_map(|s| s.parts()))
                    .map(|&p| (p, ()))
                    .collect::<Vec<_>>()
            })
            .collect(),
    );
    let phrase = |r: DepRel| {
        matches!(
            r,
            DepRel::Obj
                | DepRel::Iobj
                | DepRel::Obl
                | DepRel::OblAgent
                | DepRel::OblUnmarked
                | DepRel::OblTmod
                | DepRel::OblNpmod
                | DepRel::Nmod
                | DepRel::NmodUnmarked
                | DepRel::NmodTmod
                | DepRel::NmodNpmod
                | DepRel::Nummod
                | DepRel::Compound
                | DepRel::Flat
                | DepRel::Xcomp
        )
    };
    for a in attrs.iter_mut() {
        let Some(mut last) = a.content.as_ref().and_then(|c| c.parts().last().copied()) else {
            continue;
        };
        let Some(sentence) = doc
            .sentence_of_token(doc.token_at_or_after(last.start) as u32)
            .map(|s| doc.sentences[s].token_range())
        else {
            continue;
        };
        let n = doc.tokens.len();
        let sentence = sentence.start.min(n)..sentence.end.min(n);
        if sentence.len() > MAX_WORDS {
            continue;
        }
        let grown = last;
        // The sentence's words under `d` (itself included): first and last.
        let extent_of = |d: usize| {
            let mut lo = d;
            let mut hi = d;
            for t in sentence.clone() {
                let mut x = Some(t);
                for _ in 0..sentence.len() {
                    match x {
                        Some(y) if y == d => {
                            lo = lo.min(t);
                            hi = hi.max(t);
                            break;
                        }
                        Some(y) => {
                            x = doc.tokens[y]
                                .head
                                .map(|h| h as usize)
                                .filter(|h| sentence.contains(h))
                        }
                        None => break,
                    }
                }
            }
            (lo, hi)
        };
        loop {
            let k = doc.token_at_or_after(last.end);
            if !sentence.contains(&k)
                || !doc
                    .slice(Span::new(last.end, doc.tokens[k].span.start))
                    .trim()
                    .is_empty()
            {
                break;
            }
            let joined = sentence.clone().skip_while(|&j| j < k).find_map(|d| {
                let t = &doc.tokens[d];
                let head = t
                    .head
                    .map(|h| h as usize)
                    .filter(|h| sentence.contains(h))?;
                if !phrase(t.deprel) || !last.contains(&doc.tokens[head].span) {
                    return None;
                }
                let (lo, hi) = extent_of(d);
                (lo == k).then_some(hi)
            });
            let Some(hi) = joined else {
                break;
            };
            let span = Span::new(doc.tokens[k].span.start, doc.tokens[hi].span.end);
            if taken.overlapping(span).next().is_some() {
                break;
            }
            last.end = span.end;
        }
        if last.end > grown.end {
            if let Some(content) = &a.content {
                let mut parts = content.parts().to_vec();
                if let Some(p) = parts.last_mut() {
                    p.end = last.end;
                }
                a.content = Some(Region::new(parts));
            }
        }
    }
}

/// "Chief financial officer Matthew Friend said promotions would…": the
/// model may take a whole sentence for the content, over its own source
/// and cue. What was said runs from the cue on; a title right before the
/// source is the source's; a quotation before ", Whitmer said in an
/// interview on CNN's “State of the Union.”" is the content, and the cue's
/// tail is not.
fn content_over_its_own_source_and_cue(doc: &Document, a: &mut Attribution) {
    let (Some(source), Some(cue), Some(region)) = (
        a.source.as_ref().and_then(Region::extent),
        a.cue.extent(),
        a.content.as_ref(),
    ) else {
        return;
    };
    let Some(content) = region.extent() else {
        return;
    };
    if source.end > cue.start
        || content.start >= cue.start
        || content.end <= cue.end
        || !doc
            .slice(Span::new(source.end, cue.start))
            .trim()
            .is_empty()
    {
        return;
    }
    let parts = region.parts().to_vec();
    // What follows the cue, from its next token.
    let after_cue = |parts: &[Span]| -> Vec<Span> {
        parts
            .iter()
            .filter(|p| p.end > cue.end)
            .map(|p| {
                let start = doc
                    .tokens
                    .get(doc.token_at_or_after(p.start.max(cue.end)))
                    .map_or(p.start, |t| t.span.start.max(p.start));
                Span::new(start.min(p.end), p.end)
            })
            .filter(|p| !p.is_empty())
            .collect()
    };
    if content.start >= source.start {
        // The content opened inside its source with the source's relative
        // clause ("Sarah Patel, | whose two children…, said the board…"):
        // the source is whole.
        let relative = doc
            .slice(Span::new(source.start, content.start))
            .trim_end()
            .ends_with(',')
            && words::first_words_in(doc, content, 1)
                .first()
                .is_some_and(|w| matches!(w.lower.as_str(), "who" | "whose" | "which" | "where"));
        let kept = after_cue(&parts);
        if relative && !kept.is_empty() {
            a.source = Some(Region::single(source));
            a.content = Some(Region::new(kept));
        }
        return;
    }
    let prefix = Span::new(content.start, source.start);
    let prefix_text = doc.slice(prefix).trim_end();
    let (first, end) = (
        doc.token_at_or_after(prefix.start),
        doc.token_at_or_after(prefix.end),
    );
    let tokens = doc.tokens.get(first..end).unwrap_or_default();
    let quoted = tokens.iter().any(|t| {
        let mark = doc.slice(t.span);
        QuoteMark::of_double(mark).is_some() || matches!(mark, "‘" | "’")
    });
    // A title: adjectives and nouns, maybe after a determiner and with a
    // possessive ("Chief financial officer", "the company's CEO"); not a
    // relative pronoun or a question before the source ("what her team
    // calls…", "Those who said…").
    let title = tokens.iter().enumerate().all(|(k, t)| match t.upos {
        Upos::Adj | Upos::Noun | Upos::Propn => true,
        Upos::Det => k == 0 && t.xpos == Xpos::Dt,
        Upos::Part => t.xpos == Xpos::Pos,
        _ => false,
    }) && tokens
        .iter()
        .any(|t| matches!(t.upos, Upos::Noun | Upos::Propn));
    // (Before a name: "The major danger | he sees" is no title.)
    let named = doc
        .tokens
        .get(doc.token_at_or_after(source.start))
        .is_some_and(|t| t.upos == Upos::Propn);
    if !quoted && title && named && !prefix_text.ends_with(',') {
        // A title before the name: the source's.
        let kept = after_cue(&parts);
        if !kept.is_empty() {
            a.source = Some(Region::single(Span::new(prefix.start, source.end)));
            a.content = Some(Region::new(kept));
        }
        return;
    }
    let Some(sentence) = sentence_span_at(doc, cue.start) else {
        return;
    };
    // (The content a quotation: "Asked if Sanders is “realistic…,” 72
    // percent said yes" is none.)
    if quoted
        && prefix_text.starts_with(['"', '“', '‘', '\''])
        && prefix_text
            .trim_end_matches(['"', '”', '’', '\''])
            .ends_with(',')
    {
        // The quotation before ", SOURCE CUE …": the cue's own tail in its
        // sentence is not said ("…in an interview on CNN's “State of the
        // Union.”"); a quotation going on after it is.
        // (A quotation going on in the sentence follows a comma: "…,” he
        // said, “and…”; a title in quotation marks follows a word.)
        let tail = |p: &Span| {
            let from = p.start.max(cue.end);
            let opens_quote = doc
                .slice(Span::new(from, p.end))
                .trim_start_matches([' ', '.', ','])
                .starts_with(['"', '“', '”', '‘', '\'']);
            let after_comma = doc
                .slice(Span::new(cue.end, from))
                .trim_end()
                .ends_with(',');
            p.end > cue.end && p.start < sentence.end && !(opens_quote && after_comma)
        };
        // (Not a question the answer followed, "…when asked about X",
        // which [`split_when_asked`] makes an attribution of its own.)
        let asked = doc
            .slice(Span::new(cue.start, sentence.end.max(cue.end)))
            .contains("asked");
        if !asked && parts.iter().any(tail) {
            let kept: Vec<Span> = parts
                .iter()
                .filter_map(|p| {
                    if p.start < cue.start && p.end > source.start {
                        // The part running over the source and cue: its
                        // quotation only.
                        let quotation_end = prefix.start + prefix_text.chars().count() as u32;
                        (quotation_end > p.start).then(|| Span::new(p.start, quotation_end))
                    } else if tail(p) {
                        long_quotation_in(doc, *p)
                    } else {
                        Some(*p)
                    }
                })
                .collect();
            if !kept.is_empty() {
                a.content = Some(Region::new(kept));
            }
        }
    }
}

/// The part of `span` from the first quotation in it that is no title,
/// if any: "…on ABC's “Good Morning America.” | “She's not going to…”"
/// keeps the second; "…, and “clear consequences for any violations.”"
/// keeps its quotation. A title is short and follows an outlet's
/// possessive, a name or a word that introduces one ("on", "titled").
fn long_quotation_in(doc: &Document, span: Span) -> Option<Span> {
    /// "Meet the Press", "Good Morning America": a title is short.
    const MAX_TITLE_WORDS: usize = 5;
    let (first, end) = (
        doc.token_at_or_after(span.start),
        doc.token_at_or_after(span.end),
    );
    let opens = |t: usize| match QuoteMark::of_double(doc.token_text(t)) {
        Some(QuoteMark::Open) => true,
        // A straight mark opens on the opening side, before a word.
        Some(QuoteMark::Toggle) => {
            let at = doc.tokens[t].span;
            let before = doc.slice(Span::new(at.start.saturating_sub(1), at.start));
            let after = doc.slice(Span::new(at.end, (at.end + 1).min(doc.char_len())));
            whosaid_core::opening_side(before.chars().next())
                && after.chars().any(|c| !c.is_whitespace())
        }
        _ => false,
    };
    (first..end.min(doc.tokens.len()))
        .filter(|&t| opens(t))
        .find(|&t| {
            let words = (t + 1..end.min(doc.tokens.len()))
                .take_while(|&k| QuoteMark::of_double(doc.token_text(k)).is_none())
                .filter(|&k| doc.token_text(k).chars().any(char::is_alphanumeric))
                .count();
            let after_a_name = t
                .checked_sub(1)
                .and_then(|p| doc.tokens.get(p))
                .is_some_and(|p| {
                    matches!(p.xpos, Xpos::Pos | Xpos::Nnp | Xpos::Nnps)
                        || matches!(
                            doc.token_text(t - 1).to_lowercase().as_str(),
                            "on" | "titled" | "called" | "show" | "program" | "podcast"
                        )
                });
            words > MAX_TITLE_WORDS || !after_a_name
        })
        .and_then(|t| doc.tokens.get(t))
        .map(|t| Span::new(t.span.start, span.end))
}

/// Whether the cue `cue` opens with a participle right after a comma
/// ("…, warning that", "…, citing new rules").
pub(crate) fn cue_is_a_comma_participle(doc: &Document, cue: Span) -> bool {
    let verb = doc.token_at_or_after(cue.start);
    verb > 0
        && doc.tokens.get(verb).is_some_and(|t| t.xpos == Xpos::Vbg)
        && doc.token_text(verb - 1) == ","
}

/// "Apple delays AI features in Europe, citing new rules": the model may
/// take the whole main clause before a participle for its source. Whoever
/// cites is that clause's subject: the source ends before its verb.
fn participle_source_ends_before_its_verb(doc: &Document, a: &mut Attribution) {
    let (Some(source), Some(cue)) = (a.source.as_ref().and_then(Region::extent), a.cue.extent())
    else {
        return;
    };
    if !cue_is_a_comma_participle(doc, cue) || source.end > cue.start {
        return;
    }
    let (first, end) = (
        doc.token_at_or_after(source.start),
        doc.token_at_or_after(source.end),
    );
    // The main clause's verb: not one of a relative clause ("a pollster
    // who worked on…" is the source whole).
    let Some(finite) = (first + 1..end).find(|&k| {
        doc.tokens.get(k).is_some_and(|t| {
            t.xpos.is_finite_verb()
                && t.upos != Upos::Aux
                && !matches!(t.deprel, DepRel::Acl | DepRel::AclRelcl)
        })
    }) else {
        return;
    };
    let subject = doc.tokens.get(first..finite).unwrap_or_default();
    if subject
        .iter()
        .any(|t| matches!(t.xpos, Xpos::Wdt | Xpos::Wp | Xpos::WpS) || t.upos == Upos::Punct)
    {
        return;
    }
    // Up to the subject's last noun ("Mr. Manafort | largely said").
    let Some(last) = (first..finite)
        .rev()
        .find(|&k| matches!(doc.tokens[k].upos, Upos::Noun | Upos::Propn | Upos::Pron))
    else {
        return;
    };
    a.source = Some(Region::single(Span::new(
        source.start,
        doc.tokens[last].span.end,
    )));
}

/// "…engaged in 2022, according to multiple reports, though neither ever
/// confirmed the engagement": a concession right after a closing source
/// is the writer's, not the source's; the content stops before it.
fn drop_concession_after_source(doc: &Document, a: &mut Attribution) {
    let Some((source, _, content)) = source_cue_content(a) else {
        return;
    };
    let parts = content.parts();
    if !parts.iter().any(|p| p.end <= source.start) {
        return;
    }
    let concession = |p: &Span| {
        // (Read from the source on: the model may leave the conjunction
        // out of the part.)
        p.start >= source.end
            && words::first_words_in(doc, Span::new(source.end, p.end), 1)
                .first()
                // (Right after the source's comma: a quotation going on
                // after the cue, "“But…”", is still the source's. A "but"
                // often goes on with the paraphrase: "…, he said, but…".)
                .filter(|w| doc.slice(Span::new(source.end, w.span.start)).trim() == ",")
                .is_some_and(|w| {
                    matches!(
                        w.lower.as_str(),
                        "though" | "although" | "while" | "whereas"
                    )
                })
    };
    if parts.iter().any(concession) {
        let kept: Vec<Span> = parts.iter().copied().filter(|p| !concession(p)).collect();
        a.content = Some(Region::new(kept));
    }
}

/// "“…safe,” his sister, Danielle Hill, told KUSA-TV.": the model may take
/// the description before the name, between the quotation and the source,
/// for a part of the content. A short phrase without a verb right before
/// ", SOURCE" that follows another content part is the source's start.
fn description_before_source_before_cue(doc: &Document, a: &mut Attribution) {
    /// "his older sister", "the company's founder": a short phrase.
    const MAX_TOKENS: usize = 5;
    let Some((source, cue, content)) = source_cue_content(a) else {
        return;
    };
    if source.end > cue.start {
        return;
    }
    let parts = content.parts();
    let Some(k) = parts.iter().position(|p| {
        p.end <= source.start && doc.slice(Span::new(p.end, source.start)).trim() == ","
    }) else {
        return;
    };
    let part = parts[k];
    // The phrase starts after the part's last closing quotation mark (and
    // its comma), or is the whole part after an earlier one.
    let (mut first, end) = (
        doc.token_at_or_after(part.start),
        doc.token_at_or_after(part.end),
    );
    let closing = (first..end).rev().find(|&t| {
        let mark = doc.token_text(t);
        mark == "’"
            || matches!(
                QuoteMark::of_double(mark),
                Some(QuoteMark::Close | QuoteMark::Toggle)
            )
    });
    match closing {
        Some(q) => first = q + 1,
        None if k == 0 => return,
        None => {}
    }
    if first < end && doc.token_text(first) == "," {
        first += 1;
    }
    let words = doc.tokens.get(first..end).unwrap_or_default();
    let noun_phrase = !words.is_empty()
        && words.len() <= MAX_TOKENS
        && words.iter().all(|t| {
            matches!(
                t.xpos,
                Xpos::Dt | Xpos::PrpS | Xpos::Jj | Xpos::Nn | Xpos::Nns | Xpos::Nnp | Xpos::Pos
            )
        })
        && words
            .last()
            .is_some_and(|t| matches!(t.xpos, Xpos::Nn | Xpos::Nns | Xpos::Nnp));
    // A determined phrase naming a person ("his sister", "the company's
    // founder"), not the end of the quoted clause ("…about" climate change).
    let describes_a_person = words
        .first()
        .is_some_and(|t| matches!(t.xpos, Xpos::Dt | Xpos::PrpS))
        && words
            .last()
            .is_some_and(|t| source_kind::names_people(&t.lemma.to_lowercase()));
    if !noun_phrase || !describes_a_person {
        return;
    }
    let phrase_start = doc.tokens[first].span.start;
    let kept: Vec<Span> = parts
        .iter()
        .filter_map(|&p| match p == part {
            // What stays of the part: the quotation before the phrase.
            true => closing.map(|q| Span::new(p.start, doc.tokens[q].span.end)),
            false => Some(p),
        })
        .collect();
    a.content = Some(Region::new(kept));
    a.source = Some(Region::single(Span::new(phrase_start, source.end)));
}

/// `"…," said the party's health spokesman, Wes Carter.` The model takes
/// the name as the source and the description before it, after the cue,
/// as content; both are the source. A content part between cue and source
/// with only a comma before the name, and no verb, joins the source
/// (another part of the content stays).
fn description_before_source_after_cue(doc: &Document, a: &mut Attribution) {
    let Some((source, cue, content)) = source_cue_content(a) else {
        return;
    };
    // The inverted order only: what was said comes before the cue.
    if source.start < cue.end || !content.parts().iter().any(|p| p.end <= cue.start) {
        return;
    }
    let Some(&part) = content
        .parts()
        .iter()
        .find(|p| p.start >= cue.end && p.end <= source.start)
    else {
        return;
    };
    if doc.slice(Span::new(part.end, source.start)).trim() != ","
        || !doc.slice(Span::new(cue.end, part.start)).trim().is_empty()
    {
        return;
    }
    let first = doc.token_at_or_after(part.start);
    let end = doc.token_at_or_after(part.end);
    let words = doc.tokens.get(first..end).unwrap_or_default();
    if words.is_empty()
        || words
            .iter()
            .any(|t| matches!(t.upos, Upos::Verb | Upos::Aux))
    {
        return;
    }
    let kept: Vec<Span> = content
        .parts()
        .iter()
        .copied()
        .filter(|p| *p != part)
        .collect();
    a.content = Some(Region::new(kept));
    a.source = Some(Region::single(Span::new(part.start, source.end)));
}

/// A content part after its cue that another attribution's content holds,
/// whose cue follows the part closely in the same paragraph, is that one's:
/// `Jane Miller said she had lost faith. "They forgot about us," said
/// Miller` gives the quotation to the second "said" only.
fn drop_parts_claimed_by_a_later_cue(doc: &Document, attrs: &mut [Attribution]) {
    /// How far (code points) the claiming cue may stand after the part.
    const NEAR: u32 = 60;
    // (cue extent, content parts) of every attribution, read before any changes.
    let before: Vec<(Option<Span>, Vec<Span>)> = attrs
        .iter()
        .map(|a| {
            let parts = a
                .content
                .as_ref()
                .map_or_else(Vec::new, |c| c.parts().to_vec());
            (a.cue.extent(), parts)
        })
        .collect();
    // Every content part of an attribution with a cue, tagged (cue, index):
    // which parts hold a given part is a query, not a scan.
    let holders = SpanIndex::new(
        before
            .iter()
            .enumerate()
            .filter_map(|(j, (cue, parts))| cue.map(|c| (c, j, parts)))
            .flat_map(|(c, j, parts)| parts.iter().map(move |&q| (q, (c, j))))
            .collect(),
    );
    // Which attributions name their source after the cue ("according to
    // officials"): a report that may carry a claim whole.
    let source_after_cue: Vec<bool> = attrs
        .iter()
        .map(|a| {
            let source = a.source.as_ref().and_then(Region::extent);
            matches!((source, a.cue.extent()), (Some(s), Some(c)) if s.start >= c.end)
        })
        .collect();
    let paragraph_of = |at: u32| doc.paragraphs.partition_point(|p| p.end <= at);
    for (i, a) in attrs.iter_mut().enumerate() {
        let (Some(cue), parts) = (&before[i].0, &before[i].1) else {
            continue;
        };
        if parts.len() < 2 {
            continue;
        }
        let own = Span::new(parts[0].start, parts[parts.len() - 1].end);
        let claimed = |part: &Span| {
            part.start >= cue.end
                && holders.containing(*part).any(|(_, (c, j))| {
                    j != i
                        && c.start >= part.end
                        && c.start - part.end <= NEAR
                        && paragraph_of(c.start) == paragraph_of(part.start)
                        // Not a claim nested in this one's content.
                        && !own.contains(&c)
                        // Nor a report that carries this one whole ("X is
                        // expected to…, according to officials").
                        && !(source_after_cue[j]
                            && before[j]
                                .1
                                .iter()
                                .any(|q| q.start <= cue.start && q.contains(part)))
                })
        };
        let kept: Vec<Span> = parts.iter().copied().filter(|p| !claimed(p)).collect();
        if !kept.is_empty() && kept.len() < parts.len() {
            a.content = Some(Region::new(kept));
        }
    }
}

/// "Analysts wrote that the guidance was “worse than expected,” while
/// Jefferies analyst Tom Reilly said the sell-off looked overdone": a content
/// part before its own source that an earlier attribution's content
/// already holds (the model ran Reilly's content back into the quotation)
/// is that one's. A quotation fronted before its source ("“…,” Brandt
/// told analysts") belongs to no earlier claim and stays.
fn drop_parts_claimed_by_an_earlier_claim(attrs: &mut [Attribution]) {
    // (content extent, cue extent, index) of the claims with both.
    let claims = SpanIndex::new(
        attrs
            .iter()
            .enumerate()
            .filter_map(|(j, a)| {
                let content = a.content.as_ref().and_then(Region::extent)?;
                Some((content, (a.cue.extent()?, j)))
            })
            .collect(),
    );
    for (i, a) in attrs.iter_mut().enumerate() {
        let (Some(source), Some(content), Some(own_cue)) = (
            a.source.as_ref().and_then(Region::extent),
            a.content.as_ref(),
            a.cue.extent(),
        ) else {
            continue;
        };
        let parts = content.parts();
        if parts.len() < 2 {
            continue;
        }
        // Held whole by a content that ends before this source: not a
        // claim that carries this one. Its cue opens that content, or
        // closes it before this source, which comes before its own cue
        // (`"Third time this year," one user posted. Another wrote that…`;
        // in `"…," Welch said, according to Vermont Edition` the report
        // carries Welch's claim).
        let claimed = |p: &Span| {
            p.end <= source.start
                && claims.containing(*p).any(|(other, (cue, j))| {
                    j != i
                        && other.end <= source.start
                        && (cue.end <= p.start
                            || (cue.start >= p.end
                                && cue.end <= source.start
                                && source.end <= own_cue.start))
                })
        };
        let kept: Vec<Span> = parts.iter().copied().filter(|p| !claimed(p)).collect();
        if !kept.is_empty() && kept.len() < parts.len() {
            a.content = Some(Region::new(kept));
        }
    }
}

/// "Prosecutors alleged that the developer had bribed two inspectors, and
/// the indictment says the payments totaled $80,000": a clause joined by
/// "and"/"but" whose subject reports with a finite verb of its own is the
/// next report, not more of what the first source said ("alleged that…
/// and that…" keeps its second clause, as does a report the model did not
/// find).
fn end_before_a_coordinated_report(doc: &Document, attrs: &mut [Attribution]) {
    let heads: Vec<Option<(Span, Span, Span)>> = attrs
        .iter()
        .map(|b| {
            let source = b.source.as_ref()?.extent()?;
            let cue = b.cue.extent()?;
            let content = b.content.as_ref()?.extent()?;
            Some((source, cue, content))
        })
        .collect();
    for (i, a) in attrs.iter_mut().enumerate() {
        let (Some(cue), Some(content)) = (a.cue.extent(), a.content.as_ref()) else {
            continue;
        };
        let Some(extent) = content.extent().filter(|c| c.start >= cue.end) else {
            continue;
        };
        let next = heads.iter().enumerate().filter_map(|(j, h)| {
            let (source, b_cue, b_content) = (*h)?;
            let verb = doc.tokens.get(doc.token_at_or_after(b_cue.start))?;
            let s = doc.token_at_or_after(source.start);
            let conj = s.checked_sub(1)?;
            let joined = matches!(doc.token_text(conj), "and" | "but")
                && conj > 0
                && doc.token_text(conj - 1) == ",";
            (j != i
                && joined
                && source.start > extent.start
                && b_content.end <= extent.end
                && source.end <= b_cue.start
                && doc
                    .slice(Span::new(source.end, b_cue.start))
                    .trim()
                    .is_empty()
                && verb.xpos.is_finite_verb())
            .then_some(conj - 1)
        });
        let Some(comma) = next.min() else { continue };
        let Some(end) = comma
            .checked_sub(1)
            .and_then(|k| doc.tokens.get(k))
            .map(|t| t.span.end)
            .filter(|&e| e > extent.start)
        else {
            continue;
        };
        let kept = content.within(Span::new(extent.start, end));
        if !kept.is_empty() {
            a.content = Some(kept);
        }
    }
}

/// "Finnish President Alexander Stubb, quoted by the newspaper Helsingin
/// Sanomat, said there was…": the speaker is the name before ", quoted by",
/// and the outlet that quoted him reports his claim, a report of its own
/// whose content is the speaker and what he said.
fn split_quoted_by(doc: &Document, attrs: &mut Vec<Attribution>) {
    let mut added = Vec::new();
    for a in attrs.iter_mut() {
        let (Some(source), Some(cue), Some(content)) = (
            a.source.as_ref().and_then(Region::extent),
            a.cue.extent(),
            a.content.as_ref().and_then(Region::extent),
        ) else {
            continue;
        };
        if source.end > cue.start || content.start < cue.end {
            continue;
        }
        let text = doc.slice(source);
        let Some((byte, marker)) = [", quoted by ", ", cited by "]
            .iter()
            .find_map(|m| text.find(m).map(|b| (b, *m)))
        else {
            continue;
        };
        let chars_before = text[..byte].chars().count() as u32;
        let speaker = Span::new(source.start, source.start + chars_before);
        let cue_start = speaker.end + 2;
        let report_cue = Span::new(cue_start, cue_start + marker.chars().count() as u32 - 3);
        let rest = &text[byte + marker.len()..];
        let reporter_text = rest.trim_end().trim_end_matches(',').trim_end();
        if speaker.is_empty() || !reporter_text.chars().any(char::is_alphanumeric) {
            continue;
        }
        let reporter_start = report_cue.end + 1;
        let reporter = Span::new(
            reporter_start,
            reporter_start + reporter_text.chars().count() as u32,
        );
        a.source = Some(Region::single(speaker));
        let mut report = Attribution::with_cue(0, Region::single(report_cue));
        report.source = Some(Region::single(reporter));
        report.content = Some(Region::new(vec![
            speaker,
            Span::new(cue.start, content.end),
        ]));
        report.score = a.score;
        added.push(report);
    }
    attrs.extend(added);
}

/// "Asked about the reports on Friday, United manager Erik ten Hag said:
/// …": the content of an opening "asked about" ends at the comma closing
/// its phrase, where the answerer (another attribution's source) begins.
fn asked_content_ends_at_its_comma(doc: &Document, attrs: &mut [Attribution]) {
    let sources: Vec<Span> = attrs
        .iter()
        .filter_map(|a| a.source.as_ref().and_then(Region::extent))
        .collect();
    for a in attrs.iter_mut() {
        let (None, Some(cue), Some(content)) = (
            &a.source,
            a.cue.extent(),
            a.content.as_ref().and_then(Region::extent),
        ) else {
            continue;
        };
        let verb = doc.token_at_or_after(cue.start);
        if doc
            .tokens
            .get(verb)
            .is_none_or(|t| !ASKED_LEMMAS.contains(&t.lemma.as_str()))
            || content.start < cue.end
        {
            continue;
        }
        let (first, end) = (
            doc.token_at_or_after(content.start),
            doc.token_at_or_after(content.end),
        );
        let Some(comma) = (first + 1..end).find(|&k| {
            doc.token_text(k) == ","
                && doc
                    .tokens
                    .get(k + 1)
                    .is_some_and(|n| sources.iter().any(|s| s.start == n.span.start))
        }) else {
            continue;
        };
        if let Some(before) = doc.tokens.get(comma - 1) {
            let kept = a
                .content
                .as_ref()
                .map(|c| c.within(Span::new(0, before.span.end)));
            if let Some(kept) = kept.filter(|k| !k.is_empty()) {
                a.content = Some(kept);
            }
        }
    }
}

/// Verbs of being questioned: "when asked about", "after being pressed on".
const ASKED_LEMMAS: &[&str] = &["ask", "press", "question"];

/// Subordinators that open a participle clause without a subject.
const PARTICIPLE_OPENERS: &[&str] = &["after", "before", "if", "when", "while"];

/// "“We'll see,” coach Andy Reid said with a smile when asked about the
/// quarterback's ankle.": being asked is an attribution of its own, with no
/// source (PolNeAR marks "when asked about" so, the asked-about thing its
/// content), and the answer's cue stops before it. The model ran the two
/// together, or gave the question the answerer for its source.
fn split_when_asked(doc: &Document, attrs: &mut Vec<Attribution>) {
    let asked_at = |k: usize| {
        doc.tokens.get(k).is_some_and(|t| {
            ASKED_LEMMAS.contains(&t.lemma.as_str()) && matches!(t.xpos, Xpos::Vbn | Xpos::Vbd)
        }) && k > 0
            && PARTICIPLE_OPENERS.contains(&doc.token_text(k - 1).to_lowercase().as_str())
    };
    let mut added = Vec::new();
    for a in attrs.iter_mut() {
        let Some(cue) = a.cue.extent() else { continue };
        let (c0, c1) = nested::tokens_in(doc, cue);
        // The question alone: a source before it was the answerer ("she,
        // when asked about…"); the asker comes after ("when asked by a
        // reporter whether…").
        if asked_at(c0) {
            if a.source
                .as_ref()
                .and_then(Region::extent)
                .is_some_and(|s| s.end <= cue.start)
            {
                a.source = None;
            }
            continue;
        }
        // The answer's cue with the question run into it.
        let Some(asked) = (c0 + 2..c1).find(|&k| asked_at(k)) else {
            continue;
        };
        let opener = asked - 1;
        let Some(answer_end) = (c0..opener)
            .rev()
            .find(|&k| doc.token_text(k) != ",")
            .map(|k| doc.tokens[k].span.end)
        else {
            continue;
        };
        let question_cue = Span::new(doc.tokens[asked].span.start, cue.end);
        a.cue = Region::single(Span::new(cue.start, answer_end));
        // The asked-about phrase right after the old cue, not a quotation.
        let Some(content) = &a.content else { continue };
        let parts = content.parts();
        let object = parts.iter().position(|p| {
            p.start >= cue.end
                && doc.slice(Span::new(cue.end, p.start)).trim().is_empty()
                && QuoteMark::of_double(doc.token_text(doc.token_at_or_after(p.start))).is_none()
        });
        let mut question = Attribution::with_cue(0, Region::single(question_cue));
        question.score = a.score;
        if let Some(i) = object.filter(|_| parts.len() > 1) {
            question.content = Some(Region::single(parts[i]));
            let kept: Vec<Span> = parts.iter().copied().filter(|p| *p != parts[i]).collect();
            a.content = Some(Region::new(kept));
        }
        added.push(question);
    }
    attrs.extend(added);
}

/// "20% reported receiving therapy and 14% reported taking medication":
/// two clauses joined by a conjunction, each with its cue. A content that
/// runs on to the next cue ends before the conjunction, and the noun phrase
/// between conjunction and cue is the next attribution's source (the model
/// gave it the whole first clause).
fn split_coordinated_reports(doc: &Document, attrs: &mut [Attribution]) {
    const MAX_SUBJECT_TOKENS: usize = 6;
    // Cues by start: the next one after a content is a binary search away.
    let mut cues: Vec<(Span, usize)> = attrs
        .iter()
        .enumerate()
        .filter_map(|(j, a)| a.cue.extent().map(|c| (c, j)))
        .collect();
    cues.sort_by_key(|&(c, j)| (c.start, j));
    let mut changes: Vec<(usize, Span, usize, Span)> = Vec::new();
    for (i, a) in attrs.iter().enumerate() {
        let (Some(cue), Some(content)) =
            (a.cue.extent(), a.content.as_ref().and_then(Region::extent))
        else {
            continue;
        };
        if content.start < cue.end {
            continue;
        }
        // The next cue right after the content.
        let after = cues.partition_point(|&(c, _)| c.start < content.end);
        let Some(&(next_cue, j)) = cues[after..]
            .iter()
            .take_while(|&&(c, _)| doc.slice(Span::new(content.end, c.start)).trim().is_empty())
            .find(|&&(_, j)| j != i)
        else {
            continue;
        };
        let (first, end) = (
            doc.token_at_or_after(content.start),
            doc.token_at_or_after(content.end),
        );
        let Some(conj) = (first + 1..end)
            .rev()
            .take(MAX_SUBJECT_TOKENS + 1)
            .find(|&k| matches!(doc.token_text(k), "and" | "but" | "while" | "whereas" | ";"))
        else {
            continue;
        };
        let subject = conj + 1..end;
        let nominal = subject.clone().any(|k| {
            matches!(
                doc.tokens[k].upos,
                Upos::Noun | Upos::Propn | Upos::Num | Upos::Pron
            )
        });
        let verbal = subject
            .clone()
            .any(|k| matches!(doc.tokens[k].upos, Upos::Verb | Upos::Aux));
        // Clauses, not a list of noun phrases ("7 in 10 in Tennessee, and
        // nearly 8 in 10 in Alabama support…"): the conjunction hangs on
        // the next cue's verb, and the subject opens with a noun phrase
        // ("and to date she has…" has none).
        let verb = doc.token_at_or_after(next_cue.start);
        let joins_clauses = doc.tokens[conj].head == Some(verb as u32)
            || doc
                .tokens
                .get(verb)
                .is_some_and(|t| t.head == Some(conj as u32));
        let opens_nominal = doc.tokens.get(conj + 1).is_some_and(|t| {
            matches!(
                t.upos,
                Upos::Det | Upos::Num | Upos::Noun | Upos::Propn | Upos::Pron | Upos::Adj
            )
        });
        if subject.is_empty()
            || !nominal
            || verbal
            || conj <= first
            || !joins_clauses
            || !opens_nominal
        {
            continue;
        }
        // The first clause ends at its last word, not on a comma.
        let Some(last) = (first..conj)
            .rev()
            .find(|&k| doc.tokens[k].upos != Upos::Punct)
        else {
            continue;
        };
        let kept = Span::new(content.start, doc.tokens[last].span.end);
        let source = Span::new(
            doc.tokens[conj + 1].span.start,
            doc.tokens[end - 1].span.end,
        );
        changes.push((i, kept, j, source));
    }
    for (i, kept, j, source) in changes {
        if let Some(c) = &attrs[i].content {
            let clipped = c.within(kept);
            if !clipped.is_empty() {
                attrs[i].content = Some(clipped);
            }
        }
        // Only a source that was missing or ran over the first clause.
        let runs_over = attrs[j]
            .source
            .as_ref()
            .and_then(Region::extent)
            .is_none_or(|s| s.start < source.start && s.end > source.start);
        if runs_over {
            attrs[j].source = Some(Region::single(source));
        }
    }
}

/// A content does not hold the cue and source of the attribution that
/// carries it: in "According to ESPN, the Bruins are expected to recall…",
/// what "are expected" says starts at "the Bruins", and in "…are expected
/// to recall a goaltender, ESPN reported" it ends at "goaltender". Only a
/// frame at the content's edge is cut.
fn drop_carrying_frame(doc: &Document, attrs: &mut [Attribution]) {
    // (cue ∪ source, content extent) of every attribution, before changes.
    let frames: Vec<(Option<Span>, Option<Span>)> = attrs
        .iter()
        .map(|b| {
            let frame = b.cue.extent().map(|c| {
                b.source
                    .as_ref()
                    .and_then(Region::extent)
                    .map_or(c, |s| c.cover(&s))
            });
            (frame, b.content.as_ref().and_then(Region::extent))
        })
        .collect();
    // The attributions by where their frame starts, so that each looks only
    // at frames near it (a long document has thousands).
    let mut by_start: Vec<(u32, usize)> = frames
        .iter()
        .enumerate()
        .filter_map(|(j, (frame, _))| Some((frame.as_ref()?.start, j)))
        .collect();
    by_start.sort_unstable();
    let starting_in = |lo: u32, hi: u32| {
        let first = by_start.partition_point(|&(s, _)| s < lo);
        by_start[first..]
            .iter()
            .take_while(move |&&(s, _)| s <= hi)
            .map(|&(_, j)| j)
    };
    /// A frame is a cue and its source: longer is no frame.
    const MAX_FRAME: u32 = 1000;
    let has_words = |start: u32, end: u32| {
        start < end
            && alphanumeric_words(doc.slice(Span::new(start, end)))
                .next()
                .is_some()
    };
    let separator = |c: &char| c.is_whitespace() || matches!(c, ',' | ':' | ';' | '—' | '–' | '-');
    for (i, a) in attrs.iter_mut().enumerate() {
        // "According to a complaint, the suspect argued…": a source that
        // starts inside the outer report's frame starts after it.
        if let (Some(cue), Some(source)) =
            (a.cue.extent(), a.source.as_ref().and_then(Region::extent))
        {
            let near = source.start.saturating_sub(MAX_FRAME);
            let opening = starting_in(near, source.start).find_map(|j| {
                let (frame, outer) = (frames[j].0?, frames[j].1?);
                (j != i
                    && outer.contains(&cue)
                    && outer.start >= frame.end
                    && frame.end <= cue.start
                    && frame.start <= source.start
                    && source.start < frame.end
                    && frame.end < source.end)
                    .then_some(frame)
            });
            // (Only a frame set off by a comma: "…declined | to comment,
            // didn't respond…" coordinates two refusals of one source.)
            let set_off = |frame: &Span| {
                let rest = doc.slice(Span::new(frame.end, source.end));
                rest.trim_start().starts_with([',', ':', '—', '–'])
            };
            if let Some(frame) = opening.filter(set_off) {
                let rest = doc.slice(Span::new(frame.end, source.end));
                let start = frame.end + rest.chars().take_while(separator).count() as u32;
                let kept = a
                    .source
                    .as_ref()
                    .map(|s| s.within(Span::new(start, u32::MAX)));
                if kept.as_ref().is_some_and(|k| !k.is_empty()) {
                    a.source = kept;
                }
            }
        }
        let (Some(cue), Some(content)) = (a.cue.extent(), a.content.as_ref()) else {
            continue;
        };
        let Some(extent) = content.extent() else {
            continue;
        };
        let carrying = starting_in(extent.start, extent.end).find_map(|j| {
            let (frame, outer) = (frames[j].0?, frames[j].1?);
            (j != i && outer.contains(&cue) && extent.contains(&frame) && !frame.overlaps(&cue))
                .then_some(frame)
        });
        let Some(frame) = carrying else {
            continue;
        };
        // A frame before the clause is cut only where the content wraps its
        // own cue and no source of its own stands between ("the Bruins |
        // are expected | to recall"): in "Russians now say they admire him,
        // a study concluded this year", "now say" belongs to a claim inside
        // the study's content.
        let own_source_between = a
            .source
            .as_ref()
            .and_then(Region::extent)
            .is_some_and(|s| s.start >= frame.end && s.end <= cue.start);
        let wraps_cue = extent.start < cue.start && cue.end < extent.end && !own_source_between;
        let cut = if wraps_cue && !has_words(extent.start, frame.start) {
            let rest = doc.slice(Span::new(frame.end, extent.end));
            let skip = rest.chars().take_while(separator).count() as u32;
            Span::new(extent.start, frame.end + skip)
        } else if cue.end <= frame.start && !has_words(frame.end, extent.end) {
            let before = doc.slice(Span::new(extent.start, frame.start));
            let skip = before.chars().rev().take_while(separator).count() as u32;
            Span::new(frame.start - skip, extent.end)
        } else {
            continue;
        };
        let kept: Vec<Span> = content
            .parts()
            .iter()
            .flat_map(|p| {
                [
                    Span::new(p.start, p.end.min(cut.start)),
                    Span::new(p.start.max(cut.end), p.end),
                ]
            })
            .filter(|p| p.start < p.end && has_words(p.start, p.end))
            .collect();
        if !kept.is_empty() {
            a.content = Some(Region::new(kept));
        }
    }
}

/// The runs of letters and digits in `text`.
fn alphanumeric_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// "said [Friday that the administration was grateful]": the time of the
/// saying is neither cue nor content; the content starts at "that", as
/// PolNeAR marks it.
fn drop_leading_time(doc: &Document, a: &mut Attribution) {
    /// "earlier this week", "late Tuesday night": a time phrase is short.
    const MAX_TIME_TOKENS: usize = 4;
    let Some((before, that)) = run_up_to_that(doc, a, MAX_TIME_TOKENS, true) else {
        drop_bare_leading_time(doc, a, MAX_TIME_TOKENS);
        return;
    };
    let mut words: Vec<String> = before
        .map(|k| doc.token_text(k))
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .map(str::to_lowercase)
        .collect();
    // A vote's tally before it: "ruled 6-3 on Friday that…".
    let tally = |w: &str| {
        w.split_once('-').is_some_and(|(a, b)| {
            !a.is_empty()
                && !b.is_empty()
                && a.len() <= 3
                && b.len() <= 3
                && (a.chars().chain(b.chars())).all(|c| c.is_ascii_digit())
        })
    };
    if words.first().is_some_and(|w| tally(w)) {
        words.remove(0);
        if words.is_empty() {
            start_content_at(doc, a, that);
            return;
        }
    }
    if words.is_empty() || trailing_time_phrase(&words) != words.len() {
        return;
    }
    start_content_at(doc, a, that);
}

/// "said [on Sunday it had shot down 38 drones]", "announced [Sunday she
/// will resign]": without "that", the clause starts right after the time
/// phrase (PolNeAR marks it so). Not a day's own noun phrase ("called
/// Friday's decision a win"), a time the content goes on to coordinate
/// ("on Monday and affirm…") or one that is the clause's subject.
fn drop_bare_leading_time(doc: &Document, a: &mut Attribution, max_tokens: usize) {
    let (Some(cue), Some(first)) = (
        a.cue.extent(),
        a.content.as_ref().and_then(|c| c.parts().first().copied()),
    ) else {
        return;
    };
    if cue.end > first.start || !doc.slice(Span::new(cue.end, first.start)).trim().is_empty() {
        return;
    }
    let start = doc.token_at_or_after(first.start);
    let mut words: Vec<String> = Vec::with_capacity(max_tokens);
    let mut clause_start = None;
    for k in start..(start + max_tokens).min(doc.tokens.len()) {
        let w = doc.token_text(k);
        if !w.chars().all(char::is_alphanumeric) {
            break;
        }
        words.push(w.to_lowercase());
        // Or a year: "As Keynes predicted | in 1930, rising productivity…".
        let year = words.len() == 2
            && words[0] == "in"
            && words[1].len() == 4
            && words[1]
                .parse::<u16>()
                .is_ok_and(|y| (1000..2200).contains(&y));
        if trailing_time_phrase(&words) == words.len() || year {
            clause_start = Some(k + 1);
        }
    }
    let Some(mut next) = clause_start else {
        return;
    };
    // The comma closing the phrase goes with it (and what follows it is a
    // clause, whatever its first word: "in 1930, rising productivity…").
    let comma = doc.token_text(next) == ",";
    if comma {
        next += 1;
    }
    // A verb right after makes the time phrase the subject ("saying [this
    // year will meet expectations]").
    let opens_a_clause = doc.tokens.get(next).is_some_and(|t| {
        t.span.end <= first.end
            && (comma || !matches!(t.upos, Upos::Verb | Upos::Aux))
            && !matches!(
                doc.token_text(next),
                "'s" | "’s" | "," | "." | ";" | ":" | "and" | "or" | "but"
            )
    });
    if opens_a_clause {
        start_content_at(doc, a, next);
    }
}

/// "have warned for [years that the pipeline is too thin]": how long the
/// saying has gone on is neither cue nor content; the content starts at
/// "that", and a cue that took the "for" ends before it.
fn drop_leading_duration(doc: &Document, a: &mut Attribution) {
    /// "for the past two years": a duration is short.
    const MAX_DURATION_TOKENS: usize = 5;
    const DURATIONS: &[&str] = &[
        "days", "decade", "decades", "hours", "month", "months", "time", "weeks", "year", "years",
    ];
    let (Some(cue), Some(first)) = (
        a.cue.extent(),
        a.content.as_ref().and_then(|c| c.parts().first().copied()),
    ) else {
        return;
    };
    let start = doc.token_at_or_after(first.start);
    let Some(for_token) = start.checked_sub(1) else {
        return;
    };
    let for_span = doc.tokens[for_token].span;
    if !doc.token_text(for_token).eq_ignore_ascii_case("for")
        || for_span.end > first.start
        || for_span.start < cue.start
        || !doc
            .slice(Span::new(cue.end.min(for_span.start), for_span.start))
            .trim()
            .is_empty()
    {
        return;
    }
    let end = doc
        .token_at_or_after(first.end)
        .min(start + MAX_DURATION_TOKENS + 1);
    // (Right after the duration, "that" opens the content even where the
    // tagger read a relative pronoun: "for months that pay is too low".)
    let Some(that) = (start + 1..end).find(|&k| doc.token_text(k) == "that") else {
        return;
    };
    let duration = DURATIONS.contains(&doc.token_text(that - 1).to_lowercase().as_str())
        && (start..that).all(|k| !matches!(doc.tokens[k].upos, Upos::Verb | Upos::Aux));
    if !duration {
        return;
    }
    start_content_at(doc, a, that);
    if cue.end == for_span.end && a.cue.parts().len() == 1 && for_token > 0 {
        let before = doc.tokens[for_token - 1].span.end;
        if before > cue.start {
            a.cue = Region::single(Span::new(cue.start, before));
        }
    }
}

/// The tokens of a content that runs straight on from its cue, up to a
/// "that" within `max_tokens` of its start, and that "that": "told [the
/// Times] that…", "said [Friday] that…". With `in_time_phrase`, also a
/// content begun after "on", "late"… wherever its cue ("said on
/// [Thursday] that…, according to…").
fn run_up_to_that(
    doc: &Document,
    a: &Attribution,
    max_tokens: usize,
    in_time_phrase: bool,
) -> Option<(std::ops::Range<usize>, usize)> {
    let cue = a.cue.extent()?;
    let first = *a.content.as_ref()?.parts().first()?;
    let gap = doc.slice(Span::new(cue.end.min(first.start), first.start));
    let start = doc.token_at_or_after(first.start);
    // Or a content the model began inside the time phrase of the cue
    // verb it reports ("said on | Thursday that…, according to…").
    let inside_phrase = in_time_phrase
        && start > 0
        && matches!(
            doc.token_text(start - 1).to_lowercase().as_str(),
            "on" | "late" | "early" | "earlier" | "last" | "this"
        );
    if !inside_phrase && (first.start < cue.end || !gap.trim().is_empty()) {
        return None;
    }
    let end = doc.token_at_or_after(first.end).min(start + max_tokens + 1);
    let that = (start + 1..end)
        .find(|&k| doc.token_text(k) == "that" && doc.tokens[k].upos == Upos::Sconj)?;
    Some((start..that, that))
}

/// The content's first part starts at token `k` (one of its own).
fn start_content_at(doc: &Document, a: &mut Attribution, k: usize) {
    if let Some(content) = &a.content {
        let mut parts = content.parts().to_vec();
        if let Some(first) = parts.first_mut() {
            *first = Span::new(doc.tokens[k].span.start, first.end);
        }
        a.content = Some(Region::new(parts));
    }
}

/// "Witnesses told [officers] the two men had argued…": without "that",
/// the parse tells the person told (the verb's indirect object) from the
/// clause told (its complement) that starts right after.
fn addressee_before_a_bare_clause(doc: &Document, a: &mut Attribution, verb: usize) {
    const MAX_ADDRESSEE_TOKENS: usize = 6;
    let Some(first) = a.content.as_ref().and_then(|c| c.parts().first().copied()) else {
        return;
    };
    let start = doc.token_at_or_after(first.start);
    let Some(addressee) = (start..(start + MAX_ADDRESSEE_TOKENS).min(doc.tokens.len()))
        .find(|&k| doc.tokens[k].deprel == DepRel::Iobj && doc.tokens[k].head == Some(verb as u32))
    else {
        return;
    };
    // The addressee's words run from the content's start to its head.
    let next = addressee + 1;
    let Some(sentence) = doc
        .sentence_of_token(verb as u32)
        .and_then(|s| doc.sentences.get(s))
    else {
        return;
    };
    if next >= sentence.tokens[1] as usize {
        return;
    }
    let within = sentence.span;
    // "told her group never…": "her" may be the group's; not before a
    // subject pronoun ("told her she was anxious").
    let nominative_next = doc.tokens.get(next).is_some_and(|_| {
        matches!(
            doc.token_text(next).to_lowercase().as_str(),
            "she" | "he" | "they" | "i" | "we" | "it" | "you"
        )
    });
    let in_addressee = (start..next).all(|k| dominated_by(doc, k, addressee, within))
        && (nominative_next || !doc.token_text(addressee).eq_ignore_ascii_case("her"));
    // The next word opens the verb's clausal complement.
    let clause = (next..sentence.tokens[1] as usize).find(|&k| {
        doc.tokens[k].deprel == DepRel::Ccomp && doc.tokens[k].head == Some(verb as u32)
    });
    // …with its subject first ("officers | the two men had argued"), maybe
    // after "that"; a clause without a subject of its own ("told her group
    // never worked…") or one that opens with something else ("the I.R.S. |
    // anything it doesn't know") is a misparse.
    let subject_first = |c: usize| {
        let at = if doc.token_text(next).eq_ignore_ascii_case("that") {
            next + 1
        } else {
            next
        };
        (at..c).any(|k| {
            doc.tokens[k].head == Some(c as u32)
                && doc.tokens[k].deprel.is_subject()
                && dominated_by(doc, at, k, within)
        })
    };
    let opens_clause =
        clause.is_some_and(|c| dominated_by(doc, next, c, within) && subject_first(c));
    if in_addressee && opens_clause && doc.tokens[next].span.end <= first.end {
        start_content_at(doc, a, next);
    }
}

/// "Moscow said it took the village, a claim that could not be verified":
/// the apposition closing the content is the reporter's comment on the
/// claim, not part of it.
fn drop_closing_comment(doc: &Document, a: &mut Attribution) {
    const NOUNS: &[&str] = &[
        "claim",
        "charge",
        "allegation",
        "assertion",
        "accusation",
        "statement",
        "remark",
        "comment",
        "contention",
        "characterization",
        "characterisation",
        "argument",
        "view",
        "move",
        "post",
        "tweet",
        "message",
    ];
    let Some(content) = &a.content else {
        return;
    };
    let Some(&last) = content.parts().last() else {
        return;
    };
    let text = doc.slice(last);
    let found = text.match_indices(", a").find_map(|(at, _)| {
        let mut words = text[at + 1..].split_whitespace();
        let article = words.next()?;
        let noun = words.next()?;
        let relative = words.next()?;
        (matches!(article, "a" | "an")
            && NOUNS.contains(&noun)
            && matches!(relative, "that" | "which"))
        .then_some(at)
    });
    let Some(at) = found else {
        return;
    };
    let keep = text[..at].chars().count() as u32;
    if alphanumeric_words(&text[..at]).count() < 3 {
        return;
    }
    let mut parts = content.parts().to_vec();
    if let Some(p) = parts.last_mut() {
        p.end = p.start + keep;
    }
    a.content = Some(Region::new(parts));
}

/// "citing “exhaustion and a need to heal,” in a post on Instagram that
/// drew…": a content that opens with a quotation closed by its comma ends
/// with it; the phrase after it places the saying, it is not said.
fn content_ends_with_its_quotation(doc: &Document, a: &mut Attribution) {
    let (Some(cue), Some(content)) = (a.cue.extent(), a.content.as_ref()) else {
        return;
    };
    let parts = content.parts();
    let Some(&last) = parts.last() else {
        return;
    };
    if last.start < cue.end || !doc.slice(Span::new(cue.end, last.start)).trim().is_empty() {
        return;
    }
    let (first, end) = nested::tokens_in(doc, last);
    let mark = |k: usize| QuoteMark::of_double(doc.token_text(k));
    if !matches!(mark(first), Some(QuoteMark::Open | QuoteMark::Toggle)) {
        return;
    }
    let Some(close) =
        (first + 1..end).find(|&k| matches!(mark(k), Some(QuoteMark::Close | QuoteMark::Toggle)))
    else {
        return;
    };
    let placed = doc.token_text(close - 1) == ","
        && doc
            .tokens
            .get(close + 1)
            .is_some_and(|t| t.upos == Upos::Adp)
        && close + 1 < end
        && (close + 1..end).all(|k| mark(k).is_none());
    if placed {
        let mut kept = parts[..parts.len() - 1].to_vec();
        kept.push(Span::new(last.start, doc.tokens[close].span.end));
        a.content = Some(Region::new(kept));
    }
}

/// "called the outlook “conservative” and raised their price target": a
/// finite verb coordinated with the cue verb and sharing its subject is the
/// source's next act, not part of what was said; the content ends before
/// its conjunction. (A verb with a subject of its own, "said the economy
/// grew and unemployment fell", may be the content's, whatever the parse
/// hung it on.)
fn content_ends_before_the_next_predicate(doc: &Document, a: &mut Attribution) {
    let (Some(cue), Some(content)) = (a.cue.extent(), a.content.as_ref()) else {
        return;
    };
    let (first, end) = nested::tokens_in(doc, cue);
    let Some(verb) = (first..end).find(|&k| doc.tokens[k].upos == Upos::Verb) else {
        return;
    };
    let Some(sentence) = doc
        .sentence_of_token(verb as u32)
        .and_then(|s| doc.sentences.get(s))
    else {
        return;
    };
    let range = sentence.token_range();
    let range = range.start.min(doc.tokens.len())..range.end.min(doc.tokens.len());
    let parts = content.parts();
    let Some(last) = parts.last().copied().filter(|p| p.start >= cue.end) else {
        return;
    };
    let (a0, b0) = nested::tokens_in(doc, last);
    let next = (a0 + 1..b0).find(|&k| {
        let t = &doc.tokens[k];
        t.deprel == DepRel::Conj
            && t.head == Some(verb as u32)
            && t.xpos.is_finite_verb()
            && matches!(doc.token_text(k - 1), "and" | "but")
            && !range
                .clone()
                .any(|c| doc.tokens[c].head == Some(k as u32) && doc.tokens[c].deprel.is_subject())
    });
    let Some(next) = next else {
        return;
    };
    // Only after a phrase: after a clause of the content's own ("said the
    // process was fair, but required…", "clarified that Clinton misspoke
    // and intended…", "said that Trump “has a long history…” and has…")
    // the verb may as well be that clause's. A quotation that opens the
    // content is one phrase whatever its verbs ("wrote “It’s time…,” and
    // shared a link"), and a conjunction inside a quotation is the
    // quotation's ("Mr. Clinton ''kind of looked at me funny… and gave me a
    // huge smile…'').
    let is_mark = |k: usize| QuoteMark::of_double(doc.token_text(k)).is_some();
    let opens_with_quote = is_mark(a0);
    let mut quoted = false;
    for k in a0..next {
        if is_mark(k) {
            quoted = !quoted;
        } else if !(quoted && opens_with_quote) && doc.tokens[k].xpos.is_finite_verb() {
            return;
        }
    }
    if quoted {
        return;
    }
    // The content's last word before the conjunction (and its comma).
    let Some(kept_end) = (a0..next - 1)
        .rev()
        .find(|&k| !matches!(doc.token_text(k), "," | ";"))
        .map(|k| doc.tokens[k].span.end)
    else {
        return;
    };
    // A quotation mark closing right there stays with its quote.
    let kept_end = doc
        .tokens
        .get(doc.token_at_or_after(kept_end))
        .filter(|t| t.span.start == kept_end && matches!(doc.slice(t.span), "\"" | "”"))
        .map_or(kept_end, |t| t.span.end);
    if kept_end <= last.start {
        return;
    }
    let mut kept = parts[..parts.len() - 1].to_vec();
    kept.push(Span::new(last.start, kept_end));
    a.content = Some(Region::new(kept));
}

/// "While critics argue [that trading prisoners encourages attacks], Obama
/// has deemed…": a cue inside an adverbial clause that opens its sentence
/// ("When…", "While…", "Although…") says nothing of the main clause after
/// it, so its content ends where that clause ends. PolNeAR's contents in
/// such clauses (223 on train) never run into the main clause. Not "As
/// X reported, …", whose main clause is what was reported.
fn content_stays_in_its_clause(doc: &Document, a: &mut Attribution) {
    const SUBORDINATORS: &[&str] = &[
        "when", "while", "although", "though", "because", "since", "if", "after", "before", "once",
        "until", "unless", "whereas",
    ];
    let (Some(cue), Some(content)) = (a.cue.extent(), a.content.as_ref()) else {
        return;
    };
    let Some(content_extent) = content.extent() else {
        return;
    };
    let verb = doc.token_at_or_after(cue.start);
    let Some(sentence) = doc
        .sentence_of_token(verb as u32)
        .and_then(|s| doc.sentences.get(s))
    else {
        return;
    };
    let range = sentence.token_range();
    // The sentence opens with the subordinator (after quote marks or "But").
    let Some(mark) = range
        .clone()
        .find(|&k| !matches!(doc.tokens[k].upos, Upos::Punct | Upos::Cconj))
    else {
        return;
    };
    let mark_word = doc.token_text(mark).to_lowercase();
    if !SUBORDINATORS.contains(&mark_word.as_str()) || doc.tokens[mark].deprel != DepRel::Mark {
        return;
    }
    // "If anything, Ash argued…": the cue is past the clause's comma.
    if (mark..verb).any(|k| doc.token_text(k) == ",") {
        return;
    }
    // The clause the mark opens: its verb, which must hold the cue.
    let Some(clause) = doc.tokens[mark].head.map(|h| h as usize) else {
        return;
    };
    if doc
        .tokens
        .get(clause)
        .is_none_or(|t| t.deprel != DepRel::Advcl)
    {
        return;
    }
    let within = sentence.span;
    if !dominated_by(doc, verb, clause, within) {
        return;
    }
    // The main clause follows: the clause ends before its head.
    let Some(main) = doc.tokens[clause].head.map(|h| h as usize) else {
        return;
    };
    if main < clause {
        return;
    }
    let Some(last) = range
        .clone()
        .filter(|&k| dominated_by(doc, k, clause, within))
        .filter(|&k| doc.tokens[k].upos != Upos::Punct)
        .max()
    else {
        return;
    };
    // The clause ends at a comma, maybe inside a quotation ("…for some
    // time,”"): a parse that ends it anywhere else has cut it wrong.
    let closing_quote = |k: usize| {
        doc.tokens.get(k).is_some_and(|t| {
            t.span.start == doc.tokens[k - 1].span.end
                && QuoteMark::of_double(doc.token_text(k)).is_some()
        })
    };
    let comma = |k: usize| k < range.end && doc.token_text(k) == ",";
    let mut end = doc.tokens[last].span.end;
    if closing_quote(last + 1) && comma(last + 2) {
        end = doc.tokens[last + 1].span.end;
    } else if comma(last + 1) && closing_quote(last + 2) {
        end = doc.tokens[last + 2].span.end;
    } else if !comma(last + 1) {
        return;
    }
    if content_extent.end <= end || content_extent.start >= end {
        return;
    }
    let clipped = content.within(Span::new(0, end));
    if !clipped.is_empty() {
        a.content = Some(clipped);
    }
}

/// "China warned [the United States that it would act]": the person told
/// is neither the cue nor what was said; the content starts at "that", as
/// PolNeAR marks "told | the Times | that …".
fn drop_addressee(doc: &Document, a: &mut Attribution) {
    /// Longer runs before "that" are more likely a clause the parse missed.
    const MAX_ADDRESSEE_TOKENS: usize = 8;
    let Some(cue) = a.cue.extent() else {
        return;
    };
    // The cue's verb ("recently | told").
    let first = doc.token_at_or_after(cue.start);
    let verb = (first..doc.token_at_or_after(cue.end))
        .find(|&k| doc.tokens[k].upos == Upos::Verb)
        .unwrap_or(first);
    let takes_addressee = doc.tokens.get(verb).is_some_and(|t| {
        t.upos == Upos::Verb
            && matches!(
                t.lemma.as_str(),
                "tell"
                    | "warn"
                    | "assure"
                    | "remind"
                    | "inform"
                    | "promise"
                    | "notify"
                    | "advise"
                    | "caution"
                    | "convince"
                    | "persuade"
                    | "reassure"
                    | "brief"
            )
    });
    // "wrote in a note to | clients that the peso…": a cue ending in "to"
    // leaves its object before the that-clause, short noun phrases only.
    let ends_in_to = doc.slice(cue).trim_end().to_lowercase().ends_with(" to");
    if !takes_addressee && ends_in_to {
        if let Some((before, that)) = run_up_to_that(doc, a, 4, false) {
            let noun_phrase = doc.tokens[before.clone()].iter().all(|t| {
                matches!(
                    t.upos,
                    Upos::Noun | Upos::Propn | Upos::Det | Upos::Adj | Upos::Pron | Upos::Num
                )
            });
            // Someone addressed ("clients", "investors", "us"), not a thing
            // whose that-clause is the content ("pointed to | reports that…").
            let addressed = doc.tokens[before.clone()].last().is_some_and(|t| {
                matches!(t.upos, Upos::Pron | Upos::Propn)
                    || t.upos == Upos::Noun && source_kind::names_people(&t.lemma)
            });
            if noun_phrase && addressed {
                start_content_at(doc, a, that);
            }
        }
        return;
    }
    if !takes_addressee {
        return;
    }
    let Some((before, that)) = run_up_to_that(doc, a, MAX_ADDRESSEE_TOKENS, false) else {
        addressee_before_a_bare_clause(doc, a, verb);
        return;
    };
    // Only a noun phrase or a time phrase: "told [she believed] that" is a
    // clause of its own.
    if doc.tokens[before].iter().any(|t| {
        matches!(
            t.upos,
            Upos::Verb | Upos::Aux | Upos::Sconj | Upos::Punct | Upos::Adj
        ) && !matches!(t.deprel, DepRel::Amod | DepRel::Compound)
    }) {
        return;
    }
    start_content_at(doc, a, that);
}

/// "Ellison claimed | without evidence that the report had been planted":
/// the phrase qualifies the claim, not what was claimed; it joins the cue
/// ("claimed without evidence"), which a fact-checker wants to see, and the
/// content starts at "that".
fn without_evidence_joins_cue(doc: &Document, a: &mut Attribution) {
    let (Some(cue), Some(content)) = (a.cue.extent(), &a.content) else {
        return;
    };
    let Some(&first) = content.parts().first() else {
        return;
    };
    if first.start < cue.end || !doc.slice(Span::new(cue.end, first.start)).trim().is_empty() {
        return;
    }
    let start = doc.token_at_or_after(first.start);
    let end = doc.token_at_or_after(first.end).min(start + 6);
    let word = |k: usize| doc.token_text(k).to_lowercase();
    if start >= end || word(start) != "without" {
        return;
    }
    let Some(that) = (start + 1..end).find(|&k| word(k) == "that") else {
        return;
    };
    let phrase_ok = (start + 1..that).all(|k| {
        matches!(
            word(k).as_str(),
            "evidence"
                | "proof"
                | "providing"
                | "offering"
                | "citing"
                | "presenting"
                | "any"
                | "giving"
                | "showing"
                | "supporting"
        )
    }) && (start + 1..that)
        .any(|k| matches!(word(k).as_str(), "evidence" | "proof"));
    if !phrase_ok || that + 1 >= doc.tokens.len() {
        return;
    }
    let mut cue_parts = a.cue.parts().to_vec();
    cue_parts.push(Span::new(cue.end, doc.tokens[that - 1].span.end));
    a.cue = Region::new(cue_parts);
    start_content_at(doc, a, that);
}

/// "Acme said in [a regulatory filing that it was cooperating]": a content
/// that starts at the object of a preposition after (or closing) its cue and goes on to
/// a clause opened by "that" or "whether" begins at that word; the phrase
/// joins the cue, as PolNeAR marks "said in a statement".
fn move_prepositional_phrase_to_cue(doc: &Document, a: &mut Attribution) {
    /// A longer phrase is more likely a clause the parse did not see.
    const MAX_PHRASE_TOKENS: usize = 12;
    let (Some(cue), Some(content)) = (a.cue.extent(), &a.content) else {
        return;
    };
    let Some(&first) = content.parts().first() else {
        return;
    };
    let start = doc.token_at_or_after(first.start);
    let Some(prep) = start.checked_sub(1) else {
        return;
    };
    let tok = &doc.tokens[prep];
    let gap = doc.slice(Span::new(cue.end.min(tok.span.start), tok.span.start));
    // The preposition follows the cue, or closes it ("posted on | X that",
    // "said in a note to | clients that").
    let closes_cue = tok.span.end == cue.end;
    if tok.upos != Upos::Adp
        || (tok.span.start < cue.end && !closes_cue)
        || !gap.trim().is_empty()
        || !matches!(doc.token_text(prep), "in" | "at" | "on" | "to" | "during")
    {
        return;
    }
    let end = doc
        .token_at_or_after(first.end)
        .min(start + MAX_PHRASE_TOKENS + 1);
    let Some(clause) = (start + 1..end).find(|&k| {
        matches!(doc.token_text(k), "that" | "whether") && doc.tokens[k].deprel == DepRel::Mark
    }) else {
        return;
    };
    if doc.tokens[start..clause]
        .iter()
        .any(|t| matches!(t.upos, Upos::Verb | Upos::Aux))
    {
        return;
    }
    // After a preposition of the cue's own, the clause must be the cue
    // verb's ("posted on X that…"), not the noun's ("pointing to reports
    // that…", "bristled at the suggestion that…").
    let clause_of_cue = || {
        let verb = doc.tokens[clause].head? as usize;
        let governor = doc.tokens.get(verb)?.head? as usize;
        Some(cue.contains(&doc.tokens.get(governor)?.span))
    };
    // Nor a noun whose content the clause is, however parsed ("took aim
    // at comments … that").
    const CONTENT_NOUNS: &[&str] = &[
        "report",
        "suggestion",
        "prediction",
        "comment",
        "remark",
        "idea",
        "fact",
        "news",
        "claim",
        "notion",
        "rumor",
        "rumour",
        "narrative",
        "revelation",
        "allegation",
        "assertion",
        "view",
        "belief",
        "argument",
        "statement",
        "warning",
        "promise",
        "finding",
        "assessment",
        "charge",
        "accusation",
        "theory",
        "speculation",
        "concern",
        "fear",
        "hope",
        "impression",
        "possibility",
        "evidence",
        "sign",
        "word",
        "message",
        "assurance",
        "suspicion",
        "conclusion",
        "perception",
        "insistence",
        "proposal",
    ];
    let content_noun = doc.tokens[start..clause]
        .iter()
        .any(|t| t.upos == Upos::Noun && CONTENT_NOUNS.contains(&t.lemma.as_str()));
    if closes_cue && (clause_of_cue() != Some(true) || content_noun) {
        return;
    }
    let mut cue_parts = a.cue.parts().to_vec();
    if let Some(last) = cue_parts.last_mut() {
        last.end = doc.tokens[clause - 1].span.end;
    }
    a.cue = Region::new(cue_parts);
    let mut parts = content.parts().to_vec();
    parts[0] = Span::new(doc.tokens[clause].span.start, first.end);
    a.content = Some(Region::new(parts));
}

/// Which words before a span [`with_leading_modifiers`] takes in.
#[derive(Clone, Copy, PartialEq)]
enum Modifiers {
    /// Determiners only ("the", "a", "every").
    Determiner,
    /// Determiners, possessives, adjectives, numbers and compound nouns.
    Any,
}

/// A span that starts after a modifier of one of its own words takes it
/// in, word by word: "told reporters the | race was over" → "the race was
/// over" (a span model can leave the article with the listener).
fn with_leading_modifiers(doc: &Document, region: &Region, which: Modifiers) -> Region {
    let mut parts = region.parts().to_vec();
    let Some(first) = parts.first_mut() else {
        return region.clone();
    };
    let end = doc.token_at_or_after(first.end);
    let mut start = doc.token_at_or_after(first.start);
    while start > 0 && start < end {
        let prev = &doc.tokens[start - 1];
        let adjacent = doc
            .slice(Span::new(prev.span.end, doc.tokens[start].span.start))
            .trim()
            .is_empty();
        let modifies_inside = prev
            .head
            .is_some_and(|h| (start..end).contains(&(h as usize)));
        let modifier = match which {
            Modifiers::Determiner => prev.deprel == DepRel::Det && prev.upos == Upos::Det,
            Modifiers::Any => matches!(
                prev.deprel,
                DepRel::Det | DepRel::NmodPoss | DepRel::Amod | DepRel::Nummod | DepRel::Compound
            ),
        };
        if !(adjacent && modifies_inside && modifier) {
            break;
        }
        start -= 1;
    }
    if let Some(t) = doc.tokens.get(start) {
        first.start = first.start.min(t.span.start);
    }
    Region::new(parts)
}

/// How many of the last `words` (lower-cased tokens) form a time phrase:
/// "(on|late|early) Tuesday (night)", "(last|this|earlier this) week",
/// "yesterday", "(on) Nov. 14"; 0 when they do not end in one.
fn trailing_time_phrase(words: &[String]) -> usize {
    // Periods named with "last", "this", "earlier" ("last week").
    const PERIODS: &[&str] = &[
        "week", "month", "year", "weekend", "spring", "summer", "fall", "autumn", "winter",
    ];
    // The k-th word from the end (1 = last); "" past either end.
    let w = |k: usize| -> &str {
        let i = words.len().checked_sub(k).filter(|_| k > 0);
        i.and_then(|i| words.get(i)).map_or("", String::as_str)
    };
    let is_day = |k: usize| WEEKDAYS.contains(&w(k));
    let is_period = |k: usize| PERIODS.contains(&w(k)) || DAY_PARTS.contains(&w(k));
    let mut n = if matches!(w(1), "yesterday" | "today" | "tonight") || is_day(1) {
        1
    } else if DAY_PARTS.contains(&w(1)) && is_day(2) {
        2
    } else if is_period(1) && matches!(w(2), "last" | "this" | "earlier" | "late") {
        if w(2) == "this" && w(3) == "earlier" {
            3
        } else {
            2
        }
    } else if w(1).chars().all(|c| c.is_ascii_digit())
        && !w(1).is_empty()
        && w(1).len() <= 2
        && whosaid_core::month_number(w(2)).is_some()
    {
        2
    } else {
        0
    };
    // "on Tuesday", "late Tuesday", "on Nov. 14"
    let dated = is_day(n)
        || whosaid_core::month_number(w(n)).is_some()
        || matches!(w(n), "yesterday" | "today");
    if dated && matches!(w(n + 1), "on" | "late" | "early" | "earlier") {
        n += 1;
    }
    n
}

/// Speakers the entity layer did not give: a named person source speaks for
/// itself ("cybersecurity expert, Michael Borohovski" → Michael Borohovski),
/// and a personal pronoun source ("…,” he added") continues the most recent
/// preceding named speaker of the same paragraph run: reporters introduce a
/// speaker by name, then quote on with "he said". A "she" does not continue
/// a speaker the document calls "he" or whose first name is a man's.
fn carry_speakers(doc: &Document, attrs: &mut [Attribution]) {
    let mut last_person: Option<(Speaker, u32)> = None;
    // The last person source without a name ("a campaign aide"), who may
    // speak on in a pronoun after the named one.
    let mut last_unnamed: Option<(Speaker, u32)> = None;
    // The last body that spoke ("The Israeli military said…"), whom an
    // "it" close after speaks for ("…, and it accused Hamas").
    let mut last_body: Option<(Speaker, u32)> = None;
    // Where the last top-level attribution with a source has its cue.
    let mut last_source_at: Option<u32> = None;
    let paragraph_of = |at: u32| doc.paragraphs.partition_point(|p| p.end <= at);
    for a in attrs.iter_mut() {
        let cue_start = a.cue.extent().map_or(0, |s| s.start);
        // "A witness, who asked not to be named, said she heard shots.
        // “Everyone was screaming,” she said.": the pronoun goes on with the
        // unnamed speaker just quoted, whoever the name layer, which knows
        // only named people, took it for.
        if a.speaker.is_some() && a.source_kind == Some(SourceKind::Pronoun) {
            let pronoun = a
                .source
                .as_ref()
                .and_then(Region::extent)
                .map(|s| doc.slice(s).to_lowercase());
            // (One person introduced so: "A witness", "an aide", not "No one".)
            let introduced = |sp: &Speaker| {
                let first = sp.name.split_whitespace().next().unwrap_or_default();
                matches!(
                    first.to_lowercase().as_str(),
                    "a" | "an" | "another" | "one"
                ) && !sp.name.to_lowercase().starts_with("one of")
            };
            let just_quoted = last_unnamed.as_ref().filter(|(sp, at)| {
                introduced(sp)
                    && Some(*at) == last_source_at
                    && cue_start.saturating_sub(*at) < 400
                    && paragraph_of(*at) == paragraph_of(cue_start)
                    && pronoun.as_deref().is_some_and(|p| {
                        let g = speaker_gender(doc, sp);
                        matches!(p, "he" | "she")
                            && (g == Gender::Unknown || g == pronoun_gender(p))
                    })
            });
            if let Some((speaker, _)) = just_quoted {
                a.speaker = Some(speaker.clone());
            }
        }
        if a.source.is_some() && a.parent.is_none() {
            last_source_at = Some(cue_start);
        }
        if a.speaker.is_none() {
            match (a.source_kind, &a.source) {
                (Some(SourceKind::Anonymous), Some(src)) => {
                    // "A witness, who asked not to be named": one unnamed
                    // person, who may speak on as "she".
                    if let Some(name) = person_description(doc, src)
                        .filter(|d| {
                            let first = d.split_whitespace().next().unwrap_or_default();
                            matches!(first.to_lowercase().as_str(), "a" | "an" | "one")
                        })
                        .filter(|_| a.parent.is_none())
                    {
                        last_unnamed = Some((Speaker { name, entity: None }, cue_start));
                    }
                }
                (Some(SourceKind::Person), Some(src)) => {
                    a.speaker = person_name(doc, src).map(|name| Speaker { name, entity: None });
                    // "A spokeswoman for the prime minister rejected… She
                    // would not confirm…": a pronoun after an unnamed
                    // person speaks for the description.
                    // (A nested claim's source is no one the article quotes.)
                    if a.speaker.is_none() {
                        if let Some(name) =
                            person_description(doc, src).filter(|_| a.parent.is_none())
                        {
                            last_unnamed = Some((Speaker { name, entity: None }, cue_start));
                        }
                        continue;
                    }
                }
                (Some(SourceKind::Pronoun), Some(src)) => {
                    let pronoun = doc.slice(src.extent().unwrap_or_default()).to_lowercase();
                    let personal = matches!(pronoun.as_str(), "he" | "she" | "him" | "her");
                    // Far back (several paragraphs), a pronoun may have moved on to someone else.
                    let near = |at: u32| cue_start.saturating_sub(at) < 1500;
                    // "Sanders said he…" then "She said…": not Sanders.
                    let agrees = |speaker: &Speaker| {
                        let g = speaker_gender(doc, speaker);
                        g == Gender::Unknown || g == pronoun_gender(&pronoun)
                    };
                    let named_at = last_person.as_ref().map_or(0, |(_, at)| *at);
                    let unnamed = last_unnamed
                        .as_ref()
                        .filter(|(sp, at)| *at >= named_at && near(*at) && agrees(sp));
                    let named = last_person
                        .as_ref()
                        .filter(|(sp, at)| near(*at) && agrees(sp));
                    if let (true, Some((speaker, _))) = (personal, unnamed.or(named)) {
                        a.speaker = Some(speaker.clone());
                    }
                    /// "It" reaches back only a sentence or two.
                    const IT_REACH: u32 = 600;
                    let body = last_body
                        .as_ref()
                        .filter(|(_, at)| cue_start.saturating_sub(*at) < IT_REACH);
                    if let ("it", Some((speaker, _))) = (pronoun.as_str(), body) {
                        a.speaker = Some(speaker.clone());
                    }
                }
                _ => {}
            }
        }
        let is_person = a.source_kind == Some(SourceKind::Person)
            || a.speaker
                .as_ref()
                .and_then(|s| s.entity)
                .and_then(|e| doc.entities.get(e as usize))
                .is_some_and(|e| e.kind == EntityKind::Person);
        if let (true, Some(sp)) = (is_person, &a.speaker) {
            last_person = Some((sp.clone(), cue_start));
        }
        // A body or a document speaks on as "it": by its entity when that
        // is a body (not "Cruz's campaign" → Ted Cruz), else by its own
        // definite description ("The memo", "the company").
        let body = matches!(
            a.source_kind,
            Some(SourceKind::Organization | SourceKind::Media | SourceKind::Document)
        );
        if body && a.parent.is_none() {
            // (A country speaks as a body through its ministries: "China's
            // foreign ministry said…, and it warned…".)
            let by_entity = a.speaker.clone().filter(|sp| is_body_entity(doc, sp));
            let by_description = || {
                let text = doc.slice(a.source.as_ref()?.extent()?);
                let definite = text.starts_with("The ") || text.starts_with("the ");
                (definite && a.speaker.is_none()).then(|| Speaker {
                    name: text.to_string(),
                    entity: None,
                })
            };
            last_body = by_entity.or_else(by_description).map(|sp| (sp, cue_start));
        }
    }
}

/// "The authority said fares would rise, citing fuel costs": a participle
/// after the content may hang in the parse from the content's verb, and the
/// span model then takes a thing ("fares") as who cited. A thing cites,
/// vows and calls nothing: the participle shares the source of the claim
/// whose content holds that thing.
fn participle_shares_the_speakers_source(doc: &Document, attrs: &mut [Attribution]) {
    let agent = |k: Option<SourceKind>| {
        matches!(
            k,
            Some(
                SourceKind::Person
                    | SourceKind::Organization
                    | SourceKind::Media
                    | SourceKind::Anonymous
                    | SourceKind::Group
                    | SourceKind::Pronoun
            )
        )
    };
    struct Carrier {
        cue: Span,
        content: Span,
        source: Region,
        kind: Option<SourceKind>,
        speaker: Option<Speaker>,
    }
    // Every claim with an agent for a source, before any changes.
    let carriers: Vec<Option<Carrier>> = attrs
        .iter()
        .map(|b| {
            agent(b.source_kind).then_some(())?;
            Some(Carrier {
                cue: b.cue.extent()?,
                content: b.content.as_ref()?.extent()?,
                source: b.source.clone()?,
                kind: b.source_kind,
                speaker: b.speaker.clone(),
            })
        })
        .collect();
    for (i, a) in attrs.iter_mut().enumerate() {
        let (Some(cue), Some(source)) =
            (a.cue.extent(), a.source.as_ref().and_then(Region::extent))
        else {
            continue;
        };
        if a.source_kind != Some(SourceKind::Other) || !cue_is_a_comma_participle(doc, cue) {
            continue;
        }
        let same_sentence = |at: u32| sentence_span_at(doc, at) == sentence_span_at(doc, cue.start);
        let carrier = carriers.iter().enumerate().find_map(|(j, c)| {
            let c = c.as_ref()?;
            (j != i
                && c.cue.end <= cue.start
                && same_sentence(c.cue.start)
                && c.content.contains(&source)
                && !c.content.contains(&cue))
            .then_some(c)
        });
        if let Some(c) = carrier {
            a.source = Some(c.source.clone());
            a.source_kind = c.kind;
            a.speaker = c.speaker.clone();
        }
    }
}

/// Whether `speaker` is an entity that speaks as a body ("it"): an
/// organization, an outlet or a country.
fn is_body_entity(doc: &Document, speaker: &Speaker) -> bool {
    speaker
        .entity
        .and_then(|e| doc.entities.get(e as usize))
        .is_some_and(|e| {
            matches!(
                e.kind,
                EntityKind::Organization | EntityKind::Media | EntityKind::Gpe
            )
        })
}

/// "The company now expects sales to fall…, it said in a regulatory
/// filing.": an "it" after the claim it carries is the body that claim
/// names as its own source.
fn it_carries_its_bodys_claim(doc: &Document, attrs: &mut [Attribution]) {
    let body = |a: &Attribution| {
        matches!(
            a.source_kind,
            Some(SourceKind::Organization | SourceKind::Media)
        ) && a.speaker.as_ref().is_some_and(|sp| is_body_entity(doc, sp))
    };
    for i in 0..attrs.len() {
        let a = &attrs[i];
        let it = a.speaker.is_none()
            && a.source_kind == Some(SourceKind::Pronoun)
            && a.source
                .as_ref()
                .and_then(Region::extent)
                .is_some_and(|s| doc.slice(s).eq_ignore_ascii_case("it"));
        // (The source after the claim: "…, it said".)
        let after_content = match (a.source.as_ref().and_then(Region::extent), &a.content) {
            (Some(s), Some(c)) => c.extent().is_some_and(|c| c.end <= s.start),
            _ => false,
        };
        if !it || !after_content {
            continue;
        }
        let id = a.id;
        let inner = attrs
            .iter()
            .find(|b| b.parent == Some(id) && body(b))
            .and_then(|b| b.speaker.clone());
        if let Some(speaker) = inner {
            attrs[i].speaker = Some(speaker);
        }
    }
}

/// Whether token `t` stands inside a quotation of its paragraph.
pub(crate) fn inside_quotation(doc: &Document, t: usize) -> bool {
    let at = doc.tokens[t].span.start;
    let Some(para) = doc
        .paragraphs
        .get(doc.paragraphs.partition_point(|p| p.end <= at))
        .filter(|p| p.start <= at)
    else {
        return false;
    };
    let first = doc.token_at_or_after(para.start);
    let marks = quotation_marks(doc, first..t);
    let mut open = false;
    for mark in marks.into_iter().flatten() {
        open = match mark {
            QuoteMark::Open => true,
            QuoteMark::Close => false,
            QuoteMark::Toggle => !open,
        };
    }
    open
}

/// "I" inside someone's words is that someone: in `WARREN: That's not
/// true. I've said that over and over`, or `"I told them no," Smith said`,
/// the nested claim's "I" speaks for the person who carries it.
fn first_person_speaks_for_the_quoted(doc: &Document, attrs: &mut [Attribution]) {
    let speakers: Vec<Option<Speaker>> = attrs
        .iter()
        .map(|a| {
            let person = a.source_kind == Some(SourceKind::Person)
                || a.source_kind == Some(SourceKind::Pronoun);
            a.speaker.clone().filter(|_| person)
        })
        .collect();
    for a in attrs.iter_mut() {
        let first_person = a.source_kind == Some(SourceKind::Pronoun)
            && a.source
                .as_ref()
                .and_then(Region::extent)
                .is_some_and(|s| matches!(doc.slice(s), "I" | "me"));
        if !first_person || a.speaker.is_some() {
            continue;
        }
        if let Some(speaker) = a
            .parent
            .and_then(|p| speakers.get(p as usize))
            .and_then(Option::clone)
        {
            a.speaker = Some(speaker);
            continue;
        }
        // "I believe…" in the writer's own words (an opinion column) is
        // the writer the byline names.
        let [author] = doc.meta.authors.as_slice() else {
            continue;
        };
        // (A page's author field may hold junk: "I", "-".)
        let named = author.chars().filter(|c| c.is_alphabetic()).count() >= 2;
        if !named || a.parent.is_some() || doc.tokens.is_empty() {
            continue;
        }
        let last = doc.tokens.len() - 1;
        let outside_quotes = a
            .source
            .as_ref()
            .and_then(Region::extent)
            .is_some_and(|s| !inside_quotation(doc, doc.token_at_or_after(s.start).min(last)));
        if outside_quotes {
            a.speaker = Some(Speaker {
                name: author.clone(),
                entity: None,
            });
        }
    }
}

/// The gender of a third-person singular pronoun (lower case).
/// "…, notes registered dietitian Kelly Jones. She says…": a sentence that
/// ends by crediting a named person makes that person the one a pronoun
/// opening the next sentence's attribution means. The entity layer reads
/// the credit's name as an object, not a subject, and prefers an earlier
/// subject of the same gender.
fn pronoun_after_a_closing_credit(doc: &Document, attrs: &mut [Attribution]) {
    // Cues by start, to look only at the previous sentence's.
    let mut by_cue: Vec<(Span, usize)> = attrs
        .iter()
        .enumerate()
        .filter_map(|(j, a)| a.cue.extent().map(|c| (c, j)))
        .collect();
    by_cue.sort_by_key(|&(c, j)| (c.start, j));
    for i in 0..attrs.len() {
        let Some(source) = attrs[i].source.as_ref().and_then(Region::extent) else {
            continue;
        };
        let gender = pronoun_gender(&doc.slice(source).to_lowercase());
        if gender == Gender::Unknown {
            continue;
        }
        let pronoun = doc.token_at_or_after(source.start);
        let Some(s) = doc.sentence_of_token(pronoun as u32) else {
            continue;
        };
        // The pronoun opens its sentence (after a quote mark or "But").
        let opens = (doc.sentences[s].tokens[0] as usize..pronoun)
            .all(|k| matches!(doc.tokens[k].upos, Upos::Punct | Upos::Cconj));
        if s == 0 || !opens {
            continue;
        }
        let previous = doc.sentences[s - 1].span;
        // "She added…", "She said:" after "The chancellor, Rachel Reeves,
        // told MPs…": going on speaks for whoever spoke last, wherever that
        // sentence named her.
        let goes_on = attrs[i].cue.extent().is_some_and(|c| {
            let k = doc.token_at_or_after(c.start);
            doc.tokens
                .get(k)
                .is_some_and(|t| matches!(t.lemma.as_str(), "add" | "continue" | "say" | "tell"))
        });
        // A credit after its cue that closes the previous sentence.
        let lo = by_cue.partition_point(|&(c, _)| c.start < previous.start);
        let hi = by_cue.partition_point(|&(c, _)| c.start < previous.end);
        let credits = by_cue[lo..hi].iter().map(|&(_, j)| j).filter(|&j| {
            let a = &attrs[j];
            let (Some(src), Some(cue)) =
                (a.source.as_ref().and_then(Region::extent), a.cue.extent())
            else {
                return false;
            };
            let closing = src.start > cue.end
                && doc
                    .slice(Span::new(src.end, previous.end))
                    .chars()
                    .all(|c| !c.is_alphanumeric());
            // (Not a relative clause's: "…his rivals, Jeb Bush and Chris
            // Christie, who say…")
            let relative = matches!(
                doc.slice(src).to_lowercase().as_str(),
                "who" | "which" | "that"
            );
            previous.contains(&cue)
                && previous.contains(&src)
                && (closing || (goes_on && a.parent.is_none() && !relative))
        });
        let credit = if goes_on {
            credits.max()
        } else {
            credits.min()
        }
        .map(|j| &attrs[j]);
        let Some(speaker) = credit.and_then(|a| a.speaker.clone()) else {
            continue;
        };
        let person = speaker
            .entity
            .and_then(|e| doc.entities.get(e as usize))
            .is_some_and(|e| e.kind == EntityKind::Person);
        let compatible = matches!(speaker_gender(doc, &speaker), Gender::Unknown)
            || speaker_gender(doc, &speaker) == gender;
        if person && compatible {
            attrs[i].speaker = Some(speaker);
        }
    }
}

fn pronoun_gender(pronoun: &str) -> Gender {
    match pronoun {
        "he" | "him" | "his" | "himself" => Gender::Male,
        "she" | "her" | "hers" | "herself" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// A speaker's gender as the document shows it: the pronouns resolved to
/// its entity (when they agree), else its first name; unknown otherwise.
fn speaker_gender(doc: &Document, speaker: &Speaker) -> Gender {
    let mut seen = Gender::Unknown;
    if let Some(e) = speaker.entity {
        for m in doc
            .mentions
            .iter()
            .filter(|m| m.entity == Some(e) && m.mention_type == MentionType::Pronoun)
        {
            let g = pronoun_gender(&doc.slice(m.span).to_lowercase());
            match (seen, g) {
                (_, Gender::Unknown) => {}
                (Gender::Unknown, g) => seen = g,
                (s, g) if s != g => return Gender::Unknown,
                _ => {}
            }
        }
    }
    if seen == Gender::Unknown {
        if let Some(first) = speaker.name.split_whitespace().next() {
            seen = lexicon::first_name_gender(first);
        }
    }
    // The title before a name: "MS. JEAN-PIERRE", "spokeswoman Mao Ning".
    if let (Gender::Unknown, Some(e)) = (seen, speaker.entity) {
        seen = doc
            .mentions
            .iter()
            .filter(|m| m.entity == Some(e) && m.mention_type == MentionType::Name)
            .filter_map(|m| doc.token_at_or_after(m.span.start).checked_sub(1))
            .map(|k| lexicon::title_gender(&doc.token_text(k).to_lowercase()))
            .find(|&g| g != Gender::Unknown)
            .unwrap_or(Gender::Unknown);
    }
    // A description's own words: "a spokeswoman for…".
    if seen == Gender::Unknown && speaker.entity.is_none() {
        seen = speaker
            .name
            .split_whitespace()
            .map(|w| lexicon::title_gender(&w.to_lowercase()))
            .find(|&g| g != Gender::Unknown)
            .unwrap_or(Gender::Unknown);
    }
    seen
}

/// An unnamed person source as a speaker's name: the phrase up to its
/// first comma, when it is short and not definite ("A spokeswoman for the
/// prime minister", "her lawyer").
fn person_description(doc: &Document, source: &Region) -> Option<String> {
    /// Longer phrases carry clauses, not a description.
    const MAX_WORDS: usize = 8;
    let text = doc.slice(source.parts().first().copied()?);
    let phrase = text.split(',').next()?.trim();
    let words = phrase.split_whitespace().count();
    // "The senator" most often refers back to a named one.
    let definite = phrase
        .split_whitespace()
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("the"));
    (!definite && (2..=MAX_WORDS).contains(&words)).then(|| phrase.to_string())
}

/// Speakers for "they"/"them" sources: the plural subject earlier in the
/// same sentence when it names people ("Two of the officials cited by NBC
/// pointed to evidence they say shows…" → the officials), else the source
/// of the nearest earlier attribution to a group or to anonymous sources
/// within the last two sentences.
fn resolve_plural_pronouns(doc: &Document, attrs: &mut [Attribution]) {
    // The sentence of each group or anonymous source, and the indices of
    // such attributions per sentence (ascending), so that finding the
    // nearest earlier one within two sentences needs no scan of all of them.
    let sentence_of = |src: Span| doc.sentence_of_token(doc.token_at_or_after(src.start) as u32);
    let mut groups_in_sentence: HashMap<usize, Vec<usize>> = HashMap::new();
    for (j, b) in attrs.iter().enumerate() {
        let group = matches!(
            b.source_kind,
            Some(SourceKind::Anonymous | SourceKind::Group)
        );
        if let Some(bs) = b.source.as_ref().and_then(Region::extent).filter(|_| group) {
            if let Some(sentence) = sentence_of(bs) {
                groups_in_sentence.entry(sentence).or_default().push(j);
            }
        }
    }
    // Name mentions, for the test that a subject holds a named entity.
    let names = SpanIndex::new(
        doc.mentions
            .iter()
            .filter(|m| m.mention_type == MentionType::Name)
            .map(|m| (m.span, ()))
            .collect(),
    );
    for i in 0..attrs.len() {
        let a = &attrs[i];
        if a.source_kind != Some(SourceKind::Pronoun) {
            continue;
        }
        let Some(src) = a.source.as_ref().and_then(Region::extent) else {
            continue;
        };
        if !matches!(doc.slice(src).to_lowercase().as_str(), "they" | "them") {
            continue;
        }
        let t = doc.token_at_or_after(src.start);
        let Some(s) = doc.sentence_of_token(t as u32) else {
            continue;
        };
        // The nearest earlier group or anonymous source (highest index
        // below `i`) in this sentence or the two before.
        let nearest_group = (s.saturating_sub(2)..=s)
            .filter_map(|sentence| {
                let list = groups_in_sentence.get(&sentence)?;
                list[..list.partition_point(|&j| j < i)].last().copied()
            })
            .max();
        let group_speaker = |j: usize| {
            let b: &Attribution = &attrs[j];
            let bs = b.source.as_ref().and_then(Region::extent)?;
            Some(b.speaker.clone().unwrap_or(Speaker {
                name: doc.slice(bs).trim().to_string(),
                entity: None,
            }))
        };
        if a.speaker.is_some() {
            // "…, the people said… No final decision has been made, they
            // said": a "they" the entity layer gave to a company goes on
            // with the people of the attribution just before it.
            let body = a.speaker.as_ref().is_some_and(|sp| is_body_entity(doc, sp));
            if body && nearest_group == i.checked_sub(1) {
                if let Some(speaker) = nearest_group.and_then(group_speaker) {
                    attrs[i].speaker = Some(speaker);
                }
            }
            continue;
        }
        let named = |span: Span| Speaker {
            name: doc.slice(span).to_string(),
            entity: None,
        };
        // Or the plural subject naming people of the main clause of the
        // sentence before, when no group source stands after it: "…, and the researchers who
        // ran the trial acknowledge it. But they also found…".
        let previous_subject = || main_plural_people_subject(doc, s.checked_sub(1)?);
        let group_start = |j: usize| {
            attrs[j]
                .source
                .as_ref()
                .and_then(Region::extent)
                .map(|e| e.start)
        };
        let speaker = plural_subject_before(doc, &names, s, t)
            .map(named)
            .or_else(|| match (previous_subject(), nearest_group) {
                (Some(subject), Some(j)) if group_start(j).is_some_and(|g| g >= subject.start) => {
                    group_speaker(j)
                }
                (Some(subject), _) => Some(named(subject)),
                (None, j) => j.and_then(group_speaker),
            });
        attrs[i].speaker = speaker;
    }
}

/// The last plural subject (plural noun or a number above one as head, not
/// a pronoun) of sentence `s` before token `t` that names people or holds a
/// named entity (a span of `names`, the name mentions), as the span of its
/// subtree cut at `t`.
fn plural_subject_before(
    doc: &Document,
    names: &SpanIndex<()>,
    s: usize,
    t: usize,
) -> Option<Span> {
    let range = doc.sentences.get(s)?.token_range();
    let start = range.start;
    let plural = |k: usize| {
        matches!(doc.tokens[k].xpos, Xpos::Nns | Xpos::Nnps)
            || doc.tokens[k].xpos == Xpos::Cd && !doc.token_text(k).eq_ignore_ascii_case("one")
    };
    let people = |k: usize| source_kind::is_people_head(&doc.token_text(k).to_lowercase());
    let Some(subject) = (start..t.min(range.end))
        .rev()
        .find(|&k| matches!(doc.tokens[k].deprel, DepRel::Nsubj | DepRel::NsubjPass) && plural(k))
    else {
        // No parsed subject (partitives such as "Two of the officials
        // cited by NBC pointed…" are often misparsed): the words before the
        // sentence's first verb, when they end in a plural noun naming people.
        let verb = (start..t.min(range.end)).find(|&k| doc.tokens[k].upos == Upos::Verb)?;
        let head = (start..verb)
            .rev()
            .find(|&k| doc.tokens[k].upos != Upos::Punct)?;
        if !(plural(head) && people(head))
            || (start..verb).any(|k| doc.tokens[k].upos == Upos::Pron)
        {
            return None;
        }
        return Some(Span::new(
            doc.tokens[start].span.start,
            doc.tokens[head].span.end,
        ));
    };
    // Only subjects that name people or hold a named entity: "conflicts
    // were negotiated … they" is not a speaker.
    let head_noun = if doc.tokens[subject].xpos == Xpos::Cd {
        // "Two of the officials": the noun the number counts.
        (subject + 1..t).find(|&k| {
            doc.tokens[k].head == Some(subject as u32)
                && matches!(doc.tokens[k].xpos, Xpos::Nns | Xpos::Nnps)
        })
    } else {
        Some(subject)
    };
    let named = names.containing(doc.tokens[subject].span).next().is_some();
    if !head_noun.is_some_and(people) && !named {
        return None;
    }
    subject_phrase(doc, range, subject, t)
}

/// The plural subject naming people of sentence `s`'s main clause (the
/// root's or a clause coordinated with it; the last if several): "Democrats
/// believe the pressure will become too great for Republicans to resist"
/// → "Democrats".
fn main_plural_people_subject(doc: &Document, s: usize) -> Option<Span> {
    let range = doc.sentences.get(s)?.token_range();
    let range = range.start.min(doc.tokens.len())..range.end.min(doc.tokens.len());
    let main = |h: Option<u32>| match h {
        None => true,
        Some(h) => doc.tokens.get(h as usize).is_some_and(|v| {
            v.head.is_none()
                || v.deprel == DepRel::Conj
                    && v.head.is_some_and(|r| {
                        doc.tokens.get(r as usize).is_some_and(|r| r.head.is_none())
                    })
        }),
    };
    let subject = range.clone().rev().find(|&k| {
        let t = &doc.tokens[k];
        matches!(t.deprel, DepRel::Nsubj | DepRel::NsubjPass)
            && matches!(t.xpos, Xpos::Nns | Xpos::Nnps)
            && source_kind::is_people_head(&doc.token_text(k).to_lowercase())
            && main(t.head)
            // (Not a quoted speaker's words: "“Workers need recourse…”")
            && !inside_quotation(doc, k)
    })?;
    subject_phrase(doc, range.clone(), subject, range.end)
}

/// The span of `subject`'s subtree within the sentence `range`, cut at
/// token `t`, without trailing punctuation.
fn subject_phrase(
    doc: &Document,
    range: std::ops::Range<usize>,
    subject: usize,
    t: usize,
) -> Option<Span> {
    let start = range.start;
    // The subject's subtree: tokens whose chain of heads reaches it.
    let in_subtree = |mut k: usize| {
        for _ in 0..64 {
            if k == subject {
                return true;
            }
            match doc.tokens[k].head {
                Some(h) if (h as usize) >= start && (h as usize) < range.end => k = h as usize,
                _ => return false,
            }
        }
        false
    };
    let first = (start..=subject).find(|&k| in_subtree(k))?;
    let last = (subject..t).rev().find(|&k| in_subtree(k))?;
    // Trailing punctuation is not part of the name.
    let last = (first..=last)
        .rev()
        .find(|&k| doc.tokens[k].upos != Upos::Punct)?;
    Some(Span::new(
        doc.tokens[first].span.start,
        doc.tokens[last].span.end,
    ))
}

/// The longest run of capitalised words in a source ("Michael McFaul, former
/// ambassador…" → "Michael McFaul"); `None` when no run of two or more words.
fn person_name(doc: &Document, source: &Region) -> Option<String> {
    let words: Vec<Word> = source
        .parts()
        .iter()
        .flat_map(|p| words_in(doc, *p))
        .collect();
    // Score runs of capitalised words: longer is better, and a run that closes
    // the source or its apposition ("…, Michael Borohovski,") is the name;
    // one followed by more words ("Business Insider on Wednesday") is not.
    let possessive = |w: &Word| w.lower.ends_with("'s") || w.lower.ends_with("’s");
    let mut best: Option<(usize, usize, usize)> = None;
    let mut i = 0;
    while i < words.len() {
        if words[i].capitalised && !matches!(words[i].lower.as_str(), "the" | "a" | "an") {
            let start = i;
            // Runs continue across adjacent words only (no comma between
            // them), and not past a possessive ("London's | Muslim mayor").
            while i + 1 < words.len()
                && !possessive(&words[i])
                && words[i + 1].capitalised
                && doc
                    .slice(Span::new(words[i].span.end, words[i + 1].span.start))
                    .trim()
                    .is_empty()
            {
                i += 1;
            }
            let len = i + 1 - start;
            let closes = words.get(i + 1).is_none_or(|next| {
                doc.slice(Span::new(words[i].span.end, next.span.start))
                    .contains(',')
            });
            let score = len * 2 + usize::from(closes) * 3;
            // ("South Dakota's" names whose governor, not a person.)
            if len >= 2 && !possessive(&words[i]) && best.is_none_or(|(_, _, b)| score > b) {
                best = Some((start, i + 1, score));
            }
        }
        i += 1;
    }
    let (s, e, _) = best?;
    Some(
        doc.slice(Span::new(words[s].span.start, words[e - 1].span.end))
            .to_string(),
    )
}

fn type_attribution(doc: &Document, a: &mut Attribution) {
    // A source of bare punctuation (a stray comma) names no one.
    let wordless = |r: &Region| {
        r.parts()
            .iter()
            .all(|p| !doc.slice(*p).chars().any(char::is_alphanumeric))
    };
    if a.source.as_ref().is_some_and(wordless) {
        a.source = None;
    }
    // "findings from the CIA that | suggested": the relative pronoun joins
    // the source to its cue; it is not part of who spoke.
    if let Some(src) = &a.source {
        let mut parts = src.parts().to_vec();
        // A part that ends on the relative word, and nothing after it: the
        // last part ("Bruno Fernandes, who | said"), or an earlier one that
        // opened a clause between commas ("President Trump, who |
        // [has repeatedly attacked] | Powell" once the inner claim's cue has
        // left the source; "Republicans who …" restricts and stays).
        let relative_end = |p: &Span, last: bool| {
            let text = doc.slice(*p).trim_end();
            [" that", " which", " who"].iter().find_map(|rel| {
                let kept = text.strip_suffix(rel)?.trim_end();
                (last || kept.ends_with(',')).then(|| kept.trim_end_matches(',').trim_end())
            })
        };
        let n = parts.len();
        if let Some(k) = (0..n).find(|&k| relative_end(&parts[k], k + 1 == n).is_some()) {
            let kept = relative_end(&parts[k], k + 1 == n).map(|t| t.chars().count() as u32);
            parts.truncate(k + 1);
            if let Some(len) = kept {
                // The comma goes too.
                parts[k].end = parts[k].start + len;
            }
        }
        a.source = Some(Region::new(parts));
    }
    let cue_extent = a.cue.extent().unwrap_or_default();
    let cue_words: Vec<Word> = a
        .cue
        .parts()
        .iter()
        .flat_map(|p| words_in(doc, *p))
        .collect();
    // The words after the cue up to the sentence end, at most a few hundred
    // characters: the kind reads the next words ("denied | it", "declined |
    // to comment"), and a run-on "sentence" must not make this quadratic.
    let sentence_end = sentence_span_at(doc, cue_extent.start).map_or(doc.char_len(), |s| s.end);
    let following_end = sentence_end.min(cue_extent.end.saturating_add(400));
    let following = words::first_words_in(
        doc,
        Span::new(cue_extent.end, following_end.max(cue_extent.end)),
        cue_kind::FOLLOWING_WORDS,
    );
    let kind = cue_kind::classify(&cue_words, &following);
    // A no-comment cue found by the rule stays one; the model's provisional kind is replaced.
    if a.cue_kind != CueKind::NoComment {
        a.cue_kind = kind;
    }
    // "“No comment,” she said.": the words said are the refusal.
    let refusal = a.content.as_ref().is_some_and(|c| {
        let words: Vec<String> = c
            .parts()
            .iter()
            .flat_map(|p| words_in(doc, *p))
            .map(|w| w.lower)
            .collect();
        words == ["no", "comment"]
    });
    if refusal {
        a.cue_kind = CueKind::NoComment;
    }
    if let Some(source) = &a.source {
        let (kind, speaker, head_token) = classify_source(doc, source);
        a.source_kind = Some(kind);
        a.speaker = speaker.or_else(|| relative_antecedent_speaker(doc, head_token?));
        // "…,” said one nurse, who asked not to be named": an unnamed
        // source whose relative clause, outside the span, grants anonymity.
        // (Also a spokesman typed by the body he speaks for: "An FAA
        // spokesman, who spoke on condition of anonymity".)
        let person_head = || {
            head_token.is_some_and(|t| {
                let w = doc.token_text(t).to_lowercase();
                w.starts_with("spokes") || source_kind::is_people_head(&w)
            })
        };
        let unnamed = match kind {
            SourceKind::Person | SourceKind::Group => {
                a.speaker.as_ref().is_none_or(|s| s.entity.is_none())
            }
            SourceKind::Organization => person_head(),
            _ => false,
        };
        let granted_anonymity = || {
            let described = without_members_or_relative_clause(doc, source);
            anonymity_follows(doc, described.as_ref().unwrap_or(source))
        };
        if unnamed && granted_anonymity() {
            a.source_kind = Some(SourceKind::Anonymous);
            a.speaker = None;
        }
    }
    if a.cue_kind == CueKind::NoComment {
        absorb_refusal_tail(doc, a);
        split_refusal(doc, a);
    }
    // (A refusal quotes nothing: "requests for comment" is what was refused.)
    a.quote = a
        .content
        .as_ref()
        .filter(|_| a.cue_kind != CueKind::NoComment)
        .and_then(|c| quote_kind(doc, c));
}

/// A refusal in PolNeAR's parts: the refusing verb is the cue and what
/// was refused the content — "declined | to comment", "did not respond
/// to | requests for comment", "did not return | a message for comment",
/// "declined | to comment on the data program" (73 train refusals whose
/// whole phrase as the cue linked to none). Phrases with nothing refused
/// ("no comment", "could not be reached for comment") stay whole.
fn split_refusal(doc: &Document, a: &mut Attribution) {
    let (Some(cue), None) = (a.cue.extent(), &a.content) else {
        return;
    };
    if a.cue.parts().len() != 1 {
        return;
    }
    let words = words_in(doc, cue);
    let lower: Vec<&str> = words.iter().map(|w| w.lower.as_str()).collect();
    let Some(verb) = lower.iter().position(|w| {
        matches!(
            *w,
            "declined" | "refused" | "respond" | "reply" | "return" | "responded" | "returned"
        )
    }) else {
        return;
    };
    // Where the content starts: after "respond to", "return", or at "to
    // comment" after "declined".
    let split = match lower[verb] {
        "respond" | "reply" | "responded" => {
            (lower.get(verb + 1) == Some(&"to")).then_some(verb + 2)
        }
        _ => Some(verb + 1),
    };
    let Some(split) = split.filter(|&k| k < words.len()) else {
        return;
    };
    // "declined | to comment on the data program": the topic after the
    // phrase, up to the clause's end, is part of what was refused.
    let after = doc.token_at_or_after(cue.end);
    let topic_end = (doc.token_text(after) == "on")
        .then(|| {
            let limit = (after + 14).min(doc.tokens.len());
            let end = (after + 1..limit)
                .find(|&k| matches!(doc.tokens[k].upos, Upos::Punct | Upos::Cconj))
                .unwrap_or(limit);
            (end > after + 1).then(|| doc.tokens[end - 1].span.end)
        })
        .flatten();
    let content_end = topic_end.unwrap_or(cue.end);
    let cue_span = Span::new(cue.start, words[split - 1].span.end);
    let content = Span::new(words[split].span.start, content_end);
    a.cue = Region::single(cue_span);
    a.content = Some(Region::single(content));
}

/// "did not immediately respond | to requests for comment": the tail of a
/// refusal is part of the cue, not something attributed.
fn absorb_refusal_tail(doc: &Document, a: &mut Attribution) {
    let (Some(content), Some(cue)) = (a.content.as_ref().and_then(Region::extent), a.cue.extent())
    else {
        return;
    };
    let words = words_in(doc, content);
    let is_tail = words.len() <= 8
        && words.first().is_some_and(|w| {
            matches!(
                w.lower.as_str(),
                "to" | "for" | "on" | "a" | "an" | "the" | "requests" | "request"
            )
        })
        && words.iter().any(|w| w.lower.starts_with("comment"));
    if is_tail && content.start >= cue.end {
        a.cue = Region::single(cue.cover(&content));
        a.content = None;
    }
}

/// A relative pronoun source speaks for the noun its clause modifies:
/// "Senator Jeff Sessions, who | said…" → Jeff Sessions. The antecedent is
/// the head of the cue verb's `acl:relcl`, or, when the parse attached the
/// clause elsewhere, the name right before the pronoun ("Trump, who says"):
/// a relative clause follows its antecedent.
fn relative_antecedent_speaker(doc: &Document, pronoun: usize) -> Option<Speaker> {
    let tok = doc.tokens.get(pronoun)?;
    let word = doc.slice(tok.span).to_lowercase();
    if !matches!(word.as_str(), "who" | "which" | "that") {
        return None;
    }
    let from_parse = tok
        .head
        .and_then(|v| doc.tokens.get(v as usize))
        .filter(|verb| verb.deprel == DepRel::AclRelcl)
        .and_then(|verb| doc.tokens.get(verb.head? as usize))
        .map(|t| t.span);
    // The word before the pronoun and its comma: a non-restrictive clause
    // follows its antecedent ("Trump, who"); a restrictive one may follow a
    // modifier of it ("a staffer at the State Department who").
    let before = pronoun
        .checked_sub(1)
        .filter(|&k| doc.token_text(k) == ",")
        .and_then(|k| k.checked_sub(1))
        .and_then(|k| doc.tokens.get(k))
        .map(|t| t.span);
    // "who" is said of people, "which" and "that" of bodies.
    let fits = |kind: EntityKind| match word.as_str() {
        "who" => kind == EntityKind::Person,
        _ => matches!(
            kind,
            EntityKind::Organization | EntityKind::Media | EntityKind::Gpe
        ),
    };
    let named = |at: Span, last_word: bool| {
        let first = doc.mentions.partition_point(|m| m.span.end <= at.start);
        let m = doc.mentions[first..]
            .iter()
            .take_while(|m| m.span.start < at.end)
            .find(|m| {
                m.span.overlaps(&at)
                    && m.entity.is_some()
                    && (!last_word || (m.span.end == at.end && m.mention_type == MentionType::Name))
            })?;
        let entity = doc.entities.get(m.entity? as usize)?;
        fits(entity.kind).then(|| Speaker {
            name: entity.name.clone(),
            entity: m.entity,
        })
    };
    from_parse
        .and_then(|at| named(at, false))
        .or_else(|| before.and_then(|at| named(at, true)))
        .or_else(|| common_noun_antecedent(doc, pronoun))
}

/// The antecedent of a relative pronoun as its words, when the parse
/// attaches the clause to a common noun that no entity names ("the
/// president, who said…", "the agency, which said…"): the noun with the
/// modifiers before it.
fn common_noun_antecedent(doc: &Document, pronoun: usize) -> Option<Speaker> {
    let verb = doc.tokens.get(pronoun)?.head? as usize;
    let verb_tok = doc.tokens.get(verb)?;
    if verb_tok.deprel != DepRel::AclRelcl {
        return None;
    }
    let noun = verb_tok.head? as usize;
    let noun_tok = doc.tokens.get(noun)?;
    if noun_tok.upos != Upos::Noun || noun > pronoun {
        return None;
    }
    // "who" is said of people and "which" of things and bodies: a clause the
    // parse hangs on the wrong kind of noun is not trusted.
    let people =
        source_kind::noun_names_people(&doc.slice(noun_tok.span).to_lowercase(), &noun_tok.lemma);
    let word = doc.slice(doc.tokens[pronoun].span).to_lowercase();
    if (word == "who") != people {
        return None;
    }
    // Whether token `k` lies in the noun's subtree (heads followed upward).
    let under_noun = |k: usize| {
        let mut at = k;
        for _ in 0..8 {
            match doc.tokens.get(at).and_then(|t| t.head) {
                Some(h) if h as usize == noun => return true,
                Some(h) => at = h as usize,
                None => return false,
            }
        }
        false
    };
    // The noun's own modifiers: determiners, adjectives, nouns, numbers and
    // possessives ("the former prime minister", "Mr. Trump's remarks"); a
    // preposition ("at the agency"), a verb or punctuation ends them.
    let modifier = |t: &whosaid_core::Token| {
        matches!(
            t.upos,
            Upos::Det | Upos::Adj | Upos::Noun | Upos::Propn | Upos::Num | Upos::Part
        ) || matches!(t.xpos, Xpos::PrpS | Xpos::WpS)
    };
    let mut first = noun;
    while first > 0 && modifier(&doc.tokens[first - 1]) && under_noun(first - 1) {
        first -= 1;
    }
    let span = Span::new(doc.tokens[first].span.start, doc.tokens[noun].span.end);
    Some(Speaker {
        name: doc.slice(span).to_string(),
        entity: None,
    })
}

/// Whether the capitalised word at token `t` is written so earlier in the
/// document, not at a sentence start: a name ("Roof called…" after "Dylann
/// Roof"), not a common noun that starts its sentence. Reads at most a few
/// thousand tokens back, so a long document's many sources stay linear.
fn capitalised_inside_sentence(doc: &Document, t: usize) -> bool {
    const MAX_BACK: usize = 4000;
    let word = doc.token_text(t);
    if !word.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let here = doc
        .sentences
        .partition_point(|s| (s.tokens[1] as usize) <= t);
    let mut budget = MAX_BACK;
    for s in doc.sentences[..here.min(doc.sentences.len())].iter().rev() {
        let [a, b] = s.tokens;
        let (a, b) = (a as usize + 1, (b as usize).min(t));
        if (a..b).any(|i| doc.token_text(i) == word) {
            return true;
        }
        budget = budget.saturating_sub(b.saturating_sub(a) + 1);
        if budget == 0 {
            break;
        }
    }
    false
}

/// The kind a phrase gets as a source, the entity it names (if any) and its
/// head token: read from its words, its syntactic head and the entity layer.
/// The part of a source that says who it is: "Critics, including Sen.
/// Maria Cantwell and Rep. Kay Granger" names some of the critics after
/// "including"; "An FAA spokesman, who spoke on condition of anonymity
/// because he was not authorized…" describes the spokesman after "who"
/// (and "he" there is the spokesman, not someone to resolve). `None` when
/// the source has neither.
fn without_members_or_relative_clause(doc: &Document, source: &Region) -> Option<Region> {
    let e = source.extent()?;
    let text = doc.slice(e);
    [
        ", including ",
        ", such as ",
        ", among them ",
        ", who ",
        ", whom ",
        ", whose ",
    ]
    .iter()
    .filter_map(|m| text.find(m))
    .min()
    .filter(|&b| b > 0)
    .map(|b| {
        source.within(Span::new(
            e.start,
            e.start + text[..b].chars().count() as u32,
        ))
    })
    .filter(|r| !r.is_empty())
}

fn classify_source(
    doc: &Document,
    source: &Region,
) -> (SourceKind, Option<Speaker>, Option<usize>) {
    let clipped = without_members_or_relative_clause(doc, source);
    let source = clipped.as_ref().unwrap_or(source);
    let words: Vec<Word> = source
        .parts()
        .iter()
        .flat_map(|p| words_in(doc, *p))
        .collect();
    let head_token = source_head_token(doc, source).map(|h| shared_head(doc, source, h));
    let head_word = head_token.and_then(|t| {
        let span = doc.tokens[t].span;
        words.iter().position(|w| w.span.overlaps(&span))
    });
    let (mut ents, mut speaker) = source_entities(doc, source, head_token);
    if let Some(named) = titled_name(doc, source) {
        ents.head_kind = Some(EntityKind::Person);
        speaker = Some(named);
    }
    let tag = head_token
        .and_then(|t| doc.tokens.get(t))
        .map_or(HeadTag::default(), |t| HeadTag {
            lemma: &t.lemma,
            upos: (t.upos != Upos::default()).then_some(t.upos),
            plural: matches!(t.xpos, Xpos::Nns | Xpos::Nnps),
            // Only read where it decides: a source's first word that the
            // tagger calls a common noun.
            capitalised_elsewhere: head_word == Some(0)
                && t.upos == Upos::Noun
                && head_token.is_some_and(|h| capitalised_inside_sentence(doc, h)),
        });
    (
        source_kind::classify(&words, head_word, tag, ents),
        speaker,
        head_token,
    )
}

/// The source kind `span` would get as an attribution's source ("the
/// senator" → person, "the photo" → other), from the document's tokens,
/// parse and entity layer. For scoring the kind rules on any noun phrase.
pub fn source_kind_of(doc: &Document, span: Span) -> SourceKind {
    classify_source(doc, &Region::single(span)).0
}

/// The token heading the source: one inside it whose syntactic head lies outside.
/// "U.S. and European officials": coordinated modifiers share the head
/// noun, but a parse may head the phrase with the first of them and make
/// the noun its conjunct. When the parse head is a place, a nationality or
/// an adjective and its conjunct is a bare plural noun ending the source,
/// that noun is the head (not "Trump and his surrogates": a person, and a
/// noun with a determiner).
fn shared_head(doc: &Document, source: &Region, head: usize) -> usize {
    let Some(extent) = source.extent() else {
        return head;
    };
    let modifier_like = doc.tokens[head].upos == Upos::Adj
        || doc.mentions.iter().any(|m| {
            m.span.contains(&doc.tokens[head].span)
                && matches!(m.kind, EntityKind::Gpe | EntityKind::Norp)
        });
    if !modifier_like {
        return head;
    }
    let last = doc.token_at_or_after(extent.end).saturating_sub(1);
    let Some(tok) = doc.tokens.get(last) else {
        return head;
    };
    // Only read once `last > head` holds.
    let bare = || {
        !doc.tokens[head..last].iter().any(|t| {
            t.head == Some(last as u32) && matches!(t.deprel, DepRel::Det | DepRel::NmodPoss)
        })
    };
    if last > head
        && tok.head == Some(head as u32)
        && tok.deprel == DepRel::Conj
        && tok.xpos == Xpos::Nns
        && bare()
    {
        last
    } else {
        head
    }
}

/// "State schools superintendent Greg Hanley", "Teachers union president
/// Karen Lewis": a person's name closing a source whose other words are
/// only nouns and adjectives before it — a title, however the parse heads
/// it ("schools" took the name as its modifier) — is that person.
fn titled_name(doc: &Document, source: &Region) -> Option<Speaker> {
    let (Some(extent), [_]) = (source.extent(), source.parts()) else {
        return None;
    };
    let first = doc.token_at_or_after(extent.start);
    let name = doc.mentions.iter().find(|m| {
        m.span.end == extent.end
            && m.kind == EntityKind::Person
            && m.mention_type == MentionType::Name
            && m.span.start > extent.start
    })?;
    let name_start = name.tokens[0] as usize;
    let titled = name_start > first
        && name_start - first <= 4
        && (first..name_start).all(|k| {
            matches!(doc.tokens[k].upos, Upos::Noun | Upos::Propn | Upos::Adj)
                && !doc.token_text(k).ends_with("'s")
        });
    let e = name.entity.filter(|_| titled)?;
    let entity = doc.entities.get(e as usize)?;
    Some(Speaker {
        name: entity.name.clone(),
        entity: Some(e),
    })
}

/// The source is followed, in its sentence, by a relative clause that
/// withholds the name: ", who asked not to be named", ", who spoke on
/// condition of anonymity", ", who was not authorized to speak publicly".
fn anonymity_follows(doc: &Document, source: &Region) -> bool {
    const MARKS: &[&str] = &[
        "not to be named",
        "not to be identified",
        "anonymity",
        "not authorized to",
        "not authorised to",
        "declined to be named",
        "declined to be identified",
        "requested anonymity",
    ];
    let Some(extent) = source.extent() else {
        return false;
    };
    let Some(sentence) = sentence_span_at(doc, extent.start) else {
        return false;
    };
    let end = sentence.end.min(extent.end.saturating_add(120));
    let after = doc.slice(Span::new(extent.end.min(end), end));
    let Some(clause) = after
        .strip_prefix(", who ")
        .or_else(|| after.strip_prefix(", whom "))
    else {
        return false;
    };
    // The relative clause, up to its closing comma.
    let clause = clause.split(',').next().unwrap_or(clause).to_lowercase();
    MARKS.iter().any(|m| clause.contains(m))
}

fn source_head_token(doc: &Document, source: &Region) -> Option<usize> {
    let extent = source.extent()?;
    let first = doc.token_at_or_after(extent.start);
    let inside = |t: usize| {
        doc.tokens
            .get(t)
            .is_some_and(|tok| source.overlaps_span(&tok.span))
    };
    let mut t = first;
    while t < doc.tokens.len() && doc.tokens[t].span.start < extent.end {
        let tok = &doc.tokens[t];
        if inside(t) && tok.deprel != whosaid_core::DepRel::Unset {
            // A possessor hung on the verb ("Bloomberg's | Mark Gurman
            // reported", misparsed) is no head when more of the source
            // follows it.
            let stray_possessor = tok.deprel == DepRel::NmodPoss
                && doc.tokens.get(t + 1).is_some_and(|n| n.xpos == Xpos::Pos)
                && inside(t + 2);
            match tok.head {
                Some(h) if inside(h as usize) => {}
                _ if tok.upos == whosaid_core::Upos::Punct || stray_possessor => {}
                _ => {
                    // "Ethics | experts" read as two subjects of the verb:
                    // the noun run's last noun heads it.
                    let mut head = t;
                    while head + 1 < doc.tokens.len()
                        && inside(head + 1)
                        && doc.tokens[head].upos == whosaid_core::Upos::Noun
                        && doc.tokens[head + 1].upos == whosaid_core::Upos::Noun
                        && doc.tokens[head + 1].head == tok.head
                        && doc.tokens[head + 1].deprel == tok.deprel
                    {
                        head += 1;
                    }
                    return Some(head);
                }
            }
        }
        t += 1;
    }
    None
}

/// Whether mention `m` only modifies the phrase headed by `head` ("Gordon's
/// | design", "the Clinton | campaign", "a detective for | the Sheriff's
/// office"), as opposed to naming what the phrase names ("Jill Martin, vice
/// president", "Sanders surrogate and actor Tim Robbins").
fn modifies(doc: &Document, m: &Mention, head: usize, within: Span) -> bool {
    let (a, b) = (m.tokens[0] as usize, m.tokens[1] as usize);
    let outside = |t: &whosaid_core::Token| t.head.is_none_or(|h| !(a..b).contains(&(h as usize)));
    let Some(root) = (a..b.min(doc.tokens.len())).find(|&t| outside(&doc.tokens[t])) else {
        return false;
    };
    root != head
        && matches!(
            doc.tokens[root].deprel.base(),
            "nmod" | "compound" | "obl" | "amod"
        )
        && dominated_by(doc, root, head, within)
}

/// Whether token `t`'s chain of heads reaches `head` without leaving `within`.
fn dominated_by(doc: &Document, mut t: usize, head: usize, within: Span) -> bool {
    // A chain longer than the span's tokens has a cycle or leaves it.
    for _ in 0..=doc.tokens.len().min(within.len() as usize) {
        if t == head {
            return true;
        }
        match doc.tokens.get(t).and_then(|tok| tok.head) {
            Some(h)
                if doc
                    .tokens
                    .get(h as usize)
                    .is_some_and(|x| within.contains_offset(x.span.start)) =>
            {
                t = h as usize
            }
            _ => return false,
        }
    }
    false
}

/// The rank of a source's mention that covers its head word: above all others.
const HEAD_RANK: u8 = 5;

/// Which entity kinds appear in the source, and whom it refers to.
fn source_entities(
    doc: &Document,
    source: &Region,
    head_token: Option<usize>,
) -> (SourceEntities, Option<Speaker>) {
    let mut ents = SourceEntities::default();
    let extent = match source.extent() {
        Some(e) => e,
        None => return (ents, None),
    };
    let head_span = head_token.map(|t| doc.tokens[t].span);
    let extent_first = doc.token_at_or_after(extent.start);
    let people_head = unnamed_people_head(doc, extent, head_token);
    let first = doc.mentions.partition_point(|m| m.span.end <= extent.start);
    let mut best: Option<(u8, usize)> = None;
    // Where the last place the source is in ends (a token index).
    let mut located_end: Option<usize> = None;
    // Whether a name before this one was a possessor ("Iran's …").
    let mut possessor_seen = false;
    for (i, m) in doc.mentions.iter().enumerate().skip(first) {
        if m.span.start >= extent.end {
            break;
        }
        if !source.overlaps_span(&m.span) || people_head.is_some_and(|h| !in_apposition(doc, m, h))
        {
            continue;
        }
        let name = m.mention_type == MentionType::Name
            && matches!(
                m.kind,
                EntityKind::Person
                    | EntityKind::Organization
                    | EntityKind::Gpe
                    | EntityKind::Location
                    | EntityKind::Media
            );
        if name && !head_token.is_some_and(|h| modifies(doc, m, h, extent)) {
            ents.name_off_head = true;
        }
        match m.kind {
            EntityKind::Person => ents.person |= m.mention_type == MentionType::Name,
            EntityKind::Organization | EntityKind::Gpe | EntityKind::Location => {
                ents.organization = true
            }
            EntityKind::Media => ents.media = true,
            EntityKind::Norp => ents.norp = true,
            _ => {}
        }
        let covers_head = head_span.is_some_and(|h| m.span.overlaps(&h));
        if covers_head && m.mention_type == MentionType::Name {
            ents.head_kind = Some(m.kind);
        }
        // Prefer the mention at the head, then names of people, then any
        // name. A person named as a possessor comes after the other people
        // ("Mrs Collins's predecessor, Robert Hale") but before bodies and
        // places ("New Hampshire Sen. Kelly Ayotte's campaign").
        // A place or body named as a possessor comes after the other names
        // ("Iran's state news agency IRNA", "Taiwan's Defense Ministry").
        let rank = if covers_head {
            HEAD_RANK
        } else if m.mention_type != MentionType::Name {
            0
        } else if m.kind == EntityKind::Person {
            if is_possessor(doc, m) {
                3
            } else {
                4
            }
        } else if is_possessor(doc, m)
            // (A name the tagger ran on past the source is no better, nor,
            // after a possessor, one in a phrase of the head: "Iran's
            // mission to the United Nations".)
            || m.span.end > extent.end
            || possessor_seen && after_preposition(doc, m.tokens[0] as usize)
        {
            1
        } else {
            2
        };
        possessor_seen |= m.mention_type == MentionType::Name && is_possessor(doc, m);
        // "one restaurant owner in Ohio", "polls in New Hampshire and
        // Iowa", "in Pasadena, Calif.": a place the source is in is where it
        // speaks, not who.
        let start = m.tokens[0] as usize;
        let place = matches!(m.kind, EntityKind::Gpe | EntityKind::Location) && !covers_head;
        // (Also as a modifier in the place's phrase: "an engineer in the
        // agency's Seattle office".)
        let after_in = (start.saturating_sub(5)..start)
            .rev()
            .take_while(|&p| {
                p >= extent_first
                    && doc.tokens.get(p).is_some_and(|t| {
                        !matches!(
                            t.upos,
                            Upos::Punct | Upos::Verb | Upos::Aux | Upos::Pron | Upos::Cconj
                        )
                    })
            })
            .find(|&p| doc.tokens.get(p).is_some_and(|t| t.upos == Upos::Adp))
            .is_some_and(|p| {
                matches!(
                    doc.token_text(p).to_lowercase().as_str(),
                    "in" | "near" | "at" | "across" | "outside"
                )
            });
        let after_located = located_end.is_some_and(|end| {
            end <= start
                && start - end <= 1
                && (end..start).all(|k| matches!(doc.token_text(k), "," | "and" | "or"))
        });
        let located = place && (after_in || after_located);
        if located {
            located_end = Some(m.tokens[1] as usize);
        }
        if m.entity.is_some() && !located && best.is_none_or(|(r, _)| rank > r) {
            best = Some((rank, i));
        }
    }
    // A place read as the head of "Vermont Sen. Bernie Sanders" (the parse
    // can make the first name of a flat run its head) modifies the person
    // named after it: the person speaks. Likewise a body heading one flat
    // name run with a person's name ("Treasury | Secretary | Janet Yellen").
    if let Some((HEAD_RANK, i)) = best {
        let kind = doc.mentions[i].kind;
        let place = matches!(kind, EntityKind::Gpe | EntityKind::Location);
        let body = kind == EntityKind::Organization;
        let in_flat_run = |m: &Mention| {
            doc.tokens.get(m.tokens[0] as usize).is_some_and(|t| {
                t.deprel == DepRel::Flat && t.head.is_some_and(|h| Some(h as usize) == head_token)
            })
        };
        // "Congress MP Shashi Tharoor", "Labour MP Jess Phillips": the body,
        // a capitalised title or two, and the name closing the source.
        let body_end = doc.mentions[i].tokens[1] as usize;
        let titled_after_body = |m: &Mention| {
            let start = m.tokens[0] as usize;
            // (Or the name and its party and state: "House Speaker Paul
            // Ryan (R-Wis.)".)
            let rest = doc
                .slice(Span::new(m.span.end.min(extent.end), extent.end))
                .trim();
            (rest.is_empty() || rest.starts_with('(') && rest.ends_with(')'))
                && (1..=2).contains(&start.saturating_sub(body_end))
                && (body_end..start).all(|k| {
                    doc.token_text(k)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
                })
        };
        let person = (place || body)
            .then(|| {
                doc.mentions[i + 1..]
                    .iter()
                    .take_while(|m| m.span.start < extent.end)
                    .position(|m| {
                        m.kind == EntityKind::Person
                            && m.mention_type == MentionType::Name
                            && m.entity.is_some()
                            && source.overlaps_span(&m.span)
                            && (place || in_flat_run(m) || titled_after_body(m))
                    })
            })
            .flatten();
        if let Some(k) = person {
            best = Some((HEAD_RANK, i + 1 + k));
            ents.head_kind = Some(EntityKind::Person);
        } else if (place || body) && is_possessor(doc, &doc.mentions[i]) {
            // "Taiwan's Defense Ministry" with the parse's head on "Taiwan":
            // the body named after the possessor speaks.
            let owned = doc.mentions[i + 1..]
                .iter()
                .take_while(|m| m.span.start < extent.end)
                .position(|m| {
                    matches!(m.kind, EntityKind::Organization | EntityKind::Media)
                        && m.mention_type == MentionType::Name
                        && m.entity.is_some()
                        && m.span.end <= extent.end
                        && !is_possessor(doc, m)
                });
            if let Some(k) = owned {
                best = Some((HEAD_RANK, i + 1 + k));
                ents.head_kind = Some(doc.mentions[i + 1 + k].kind);
            }
        }
    }
    // "A: They are working, slowly." in a Q&A interview: the interviewee.
    if let Some((e, entity)) = interview_answerer(doc, extent) {
        ents = SourceEntities::default();
        ents.person = true;
        ents.head_kind = Some(EntityKind::Person);
        let speaker = Speaker {
            name: entity.name.clone(),
            entity: Some(e),
        };
        return (ents, Some(speaker));
    }
    // A label in capitals ("ROSIE CURTS:") is read as an acronym's
    // organisation by the name tagger: the person named so elsewhere wins.
    if best.is_none() || doc.slice(extent).chars().all(|c| !c.is_lowercase()) {
        if let Some((e, entity)) = transcript_speaker(doc, extent) {
            ents = SourceEntities::default();
            ents.person = true;
            ents.head_kind = Some(EntityKind::Person);
            let speaker = Speaker {
                name: entity.name.clone(),
                entity: Some(e),
            };
            return (ents, Some(speaker));
        }
    }
    let speaker = best.and_then(|(_, i)| {
        let m = &doc.mentions[i];
        let e = m.entity?;
        let entity = doc.entities.get(e as usize)?;
        // A speaker is someone or some body, not a place or a date.
        matches!(
            entity.kind,
            EntityKind::Person | EntityKind::Organization | EntityKind::Media | EntityKind::Gpe
        )
        .then(|| Speaker {
            name: entity.name.clone(),
            entity: Some(e),
        })
    });
    (ents, speaker)
}

/// The source's head token when it is a people noun that no name covers
/// ("A Clinton aide", "supporters of Sanders", "Sanders' California
/// supporters"): such a source is those people, and the names that modify
/// it are not who speaks. A spokesperson speaks for whom they are named
/// after ("an FBI spokesman"), and a group is named by its name ("the
/// advocacy group Color of Change"), so those heads are not ones.
fn unnamed_people_head(doc: &Document, source: Span, head_token: Option<usize>) -> Option<usize> {
    let head = head_token?;
    let word = doc.token_text(head).to_lowercase();
    if !source_kind::is_people_head(&word)
        || word.starts_with("spokes")
        || matches!(word.as_str(), "group" | "groups")
    {
        return None;
    }
    let first = doc.mentions.partition_point(|m| m.span.end <= source.start);
    // A name covering the head, or one right after it: the head is then
    // a title ("Representative Charles B. Rangel").
    let named = doc.mentions[first..]
        .iter()
        .take_while(|m| m.span.start < source.end)
        .any(|m| {
            let (start, end) = (m.tokens[0] as usize, m.tokens[1] as usize);
            m.mention_type == MentionType::Name
                && ((start..end).contains(&head) || start == head + 1)
        });
    (!named).then_some(head)
}

/// Whether the word at token `t` follows a preposition, a determiner or
/// adjective aside ("to the United Nations", "of the new Senate").
fn after_preposition(doc: &Document, t: usize) -> bool {
    let mut k = t;
    while k > 0 && matches!(doc.tokens[k - 1].upos, Upos::Det | Upos::Adj) {
        k -= 1;
    }
    k > 0 && doc.tokens[k - 1].upos == Upos::Adp
}

/// Whether mention `m` is a possessor: followed by a possessive clitic, or
/// its head attached as one ("Collins's predecessor").
fn is_possessor(doc: &Document, m: &Mention) -> bool {
    let (first, end) = (m.tokens[0] as usize, m.tokens[1] as usize);
    doc.tokens
        .get(end)
        .is_some_and(|_| matches!(doc.token_text(end), "'s" | "’s"))
        || doc.tokens[first..end.min(doc.tokens.len())]
            .iter()
            .any(|t| {
                t.deprel == DepRel::NmodPoss
                    && t.head
                        .is_some_and(|h| !(first..end).contains(&(h as usize)))
            })
}

/// Whether mention `m` stands in apposition to `head`, directly or as a
/// conjunct of one ("a Clinton aide, John Smith,"; "rivals, Sens. Ted Cruz
/// … and Marco Rubio").
fn in_apposition(doc: &Document, m: &Mention, head: usize) -> bool {
    let (first, end) = (m.tokens[0] as usize, m.tokens[1] as usize);
    // "the aide, Daniel Cho, who…": a name set off by commas straight after
    // the head, whatever the parse made of it (a relative clause after it
    // can pull the name elsewhere).
    let set_off = first == head + 2
        && doc
            .tokens
            .get(head + 1)
            .is_some_and(|_| doc.token_text(head + 1) == ",")
        && doc.tokens.get(head).is_some_and(|t| t.upos == Upos::Noun)
        && (end >= doc.tokens.len() || matches!(doc.token_text(end), "," | "." | ";"))
        && !(end + 1 < doc.tokens.len() && matches!(doc.token_text(end + 1), "and" | "or"));
    if set_off {
        return true;
    }
    // The mention's own head: its token attached outside it.
    let Some(mut t) = (first..end).find(|&t| {
        doc.tokens
            .get(t)
            .and_then(|tok| tok.head)
            .is_some_and(|h| !(first..end).contains(&(h as usize)))
    }) else {
        return false;
    };
    // A name joined to the head by a comma and no conjunction is an
    // apposition the parse took for a conjunct ("strategist, Tad Devine,").
    let joined_by_comma = |t: usize| {
        !doc.tokens[head.min(t)..head.max(t)]
            .iter()
            .any(|tok| tok.head == Some(t as u32) && tok.deprel == DepRel::Cc)
    };
    for _ in 0..8 {
        // Up through conjuncts and the title a name belongs to
        // ("ally, Agriculture Secretary | Tom Vilsack").
        match doc.tokens.get(t).map(|tok| (tok.deprel, tok.head)) {
            // "Police Commissioner | Richard Ross": one flat name.
            Some((DepRel::Flat, Some(h))) if h as usize == head => return true,
            Some((DepRel::Appos, Some(h))) => return h as usize == head,
            Some((DepRel::Conj, Some(h))) if h as usize == head => return joined_by_comma(t),
            Some((_, Some(h))) if h as usize == head => return false,
            Some((DepRel::Conj | DepRel::Compound | DepRel::Flat, Some(h))) => t = h as usize,
            _ => return false,
        }
    }
    false
}

/// The "A" of a Q&A interview's answer is the person interviewed: the
/// person named most often before the first question (the introduction
/// presents them), or in the whole text when nobody is named there.
fn interview_answerer(doc: &Document, source: Span) -> Option<(u32, &whosaid_core::Entity)> {
    if doc.slice(source) != "A" {
        return None;
    }
    let interview = credit::interview(doc)?;
    if !interview.answers.iter().any(|a| a.label == source) {
        return None;
    }
    let first_question = interview.first_question;
    let most_named = |end: u32| {
        let mut counts = vec![0u32; doc.entities.len()];
        for m in doc.mentions.iter().take_while(|m| m.span.start < end) {
            if let Some(e) = m.entity.filter(|&e| {
                doc.entities
                    .get(e as usize)
                    .is_some_and(|x| x.kind == EntityKind::Person)
            }) {
                counts[e as usize] += 1;
            }
        }
        // The first named wins a tie.
        let best = counts.iter().copied().max().filter(|&n| n > 0)?;
        let e = counts.iter().position(|&n| n == best)?;
        Some((e as u32, &doc.entities[e]))
    };
    most_named(first_question).or_else(|| most_named(u32::MAX))
}

/// A transcript's speaker label in capitals ("PENCE:", "WALLACE:") is the
/// person of that surname named elsewhere in the document ("Mike Pence"),
/// when exactly one person entity has it as the last word of its name.
fn transcript_speaker(doc: &Document, source: Span) -> Option<(u32, &whosaid_core::Entity)> {
    let label = doc.slice(source).trim();
    if label.chars().count() < 3
        || !label
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '.' | '\'' | '’'))
        || label.chars().any(char::is_lowercase)
    {
        return None;
    }
    // "PENCE" is a surname; "ROSIE CURTS" a full name, matched by its
    // first and last words ("Rosie M. Curts").
    let label_words: Vec<String> = label.split_whitespace().map(str::to_lowercase).collect();
    let (first, last) = (label_words.first()?, label_words.last()?);
    let mut found = doc.entities.iter().enumerate().filter(|(_, e)| {
        let words: Vec<String> = e.name.split_whitespace().map(str::to_lowercase).collect();
        e.kind == EntityKind::Person
            && words.len() > 1
            && words.last() == Some(last)
            && (label_words.len() == 1 || words.first() == Some(first))
    });
    let (i, e) = found.next()?;
    found.next().is_none().then_some((i as u32, e))
}

const OPEN_QUOTES: &[char] = &['“', '"', '‘', '«', '„'];
const CLOSE_QUOTES: &[char] = &['”', '"', '’', '»', '“'];

/// Direct when the content is one quotation (edge punctuation aside), mixed
/// when it contains quoted material, indirect otherwise.
fn quote_kind(doc: &Document, content: &Region) -> Option<QuoteKind> {
    if content.is_empty() {
        return None;
    }
    let text: String = content
        .parts()
        .iter()
        .map(|p| quoted_text(doc, *p))
        .collect::<Vec<_>>()
        .join(" ")
        // Typewriter doubles (``…'' and ''…'', as some archives write
        // quotation marks) are double quotes.
        .replace("''", "\"")
        .replace("``", "\"");
    let trimmed = text.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '—' | '–')
    });
    let has_double = trimmed.contains(['“', '”', '"', '«', '»']);
    if !has_double {
        // Headlines quote in single marks: "Trump: 'I will win'".
        let single = trimmed.starts_with(['‘', '\''])
            && trimmed
                .trim_end_matches(['.', '?', '!'])
                .ends_with(['’', '\''])
            && trimmed.chars().count() > 2;
        return Some(if single {
            QuoteKind::Direct
        } else {
            QuoteKind::Indirect
        });
    }
    let starts = trimmed.starts_with(OPEN_QUOTES);
    let ends = trimmed
        .trim_end_matches([',', '.', '?', '!'])
        .ends_with(CLOSE_QUOTES)
        || trimmed.ends_with(CLOSE_QUOTES);
    // Skip the first character by its UTF-8 width (the opening quote is multi-byte).
    let rest = &trimmed[trimmed.chars().next().map_or(0, char::len_utf8)..];
    if starts && (ends || !rest.contains(['“', '"'])) {
        return Some(QuoteKind::Direct);
    }
    Some(QuoteKind::Mixed)
}

/// The sentence (or, without sentences, the line) containing `offset`.
fn sentence_span_at(doc: &Document, offset: u32) -> Option<Span> {
    if !doc.sentences.is_empty() {
        let i = doc.sentences.partition_point(|s| s.span.end <= offset);
        return doc.sentences.get(i).map(|s| s.span);
    }
    line_span_at(doc, offset)
}

fn line_span_at(doc: &Document, offset: u32) -> Option<Span> {
    let byte = doc.index().byte(offset);
    let start = doc.text[..byte].rfind('\n').map_or(0, |b| b + 1);
    let end = doc.text[byte..]
        .find('\n')
        .map_or(doc.text.len(), |b| byte + b);
    Some(Span::new(
        doc.index().char_at_byte(start),
        doc.index().char_at_byte(end),
    ))
}

/// For each attribution, the innermost other attribution whose content holds its cue.
fn find_parents(attrs: &[Attribution]) -> Vec<Option<u32>> {
    let content_len: Vec<Option<u32>> = attrs
        .iter()
        .map(|a| a.content.as_ref().map(Region::len))
        .collect();
    let contents = SpanIndex::new(
        attrs
            .iter()
            .enumerate()
            .flat_map(|(j, a)| {
                a.content
                    .iter()
                    .flat_map(move |c| c.parts().iter().map(move |&p| (p, j)))
            })
            .collect(),
    );
    attrs
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let cue = a.cue.extent()?;
            let own = content_len[i].unwrap_or(0);
            // The shortest content; the first attribution among equals.
            contents
                .containing(cue)
                .filter_map(|(_, j)| {
                    let len = content_len[j]?;
                    (j != i && len > own).then_some((len, j))
                })
                .min()
                .map(|(_, j)| j as u32)
        })
        .collect()
}

/// Gives each certainty expression to the innermost attribution whose content
/// (or cue) contains it.
fn assign_certainty(doc: &Document, attrs: &mut [Attribution]) {
    // Every cue and content part with its attribution and the rank of an
    // expression inside it: 0 in a cue, else the content's length.
    let ranked = SpanIndex::new(
        attrs
            .iter()
            .enumerate()
            .flat_map(|(j, a)| {
                let content_len = a.content.as_ref().map_or(u32::MAX, Region::len);
                let cue = a.cue.parts().iter().map(move |&p| (p, (0, j)));
                let content = a
                    .content
                    .iter()
                    .flat_map(move |c| c.parts().iter().map(move |&p| (p, (content_len, j))));
                cue.chain(content)
            })
            .collect(),
    );
    for (i, a) in attrs.iter_mut().enumerate() {
        // "could not be reached for comment" hedges nothing: a refusal's
        // cue is not read.
        let mut spans: Vec<Span> = if a.cue_kind == CueKind::NoComment {
            Vec::new()
        } else {
            a.cue.parts().to_vec()
        };
        if let Some(c) = &a.content {
            spans.extend_from_slice(c.parts());
        }
        let mut certainty = Certainty::default();
        for span in spans {
            for f in certainty::scan(&words_in(doc, span)) {
                if f.likelihood.is_none() && f.confidence.is_none() && is_proper_noun(doc, f.span) {
                    continue;
                }
                // The lowest rank; the first attribution among equals.
                let innermost = ranked
                    .containing(f.span)
                    .map(|(_, rank_and_index)| rank_and_index)
                    .min()
                    .map(|(_, j)| j);
                if innermost != Some(i) {
                    continue;
                }
                certainty.hedges.push(Hedge {
                    span: f.span,
                    text: doc.slice(f.span).to_string(),
                });
                if certainty.likelihood.is_none() {
                    certainty.likelihood = f.likelihood;
                }
                if certainty.confidence.is_none() {
                    certainty.confidence = f.confidence;
                }
            }
        }
        a.certainty = certainty;
    }
}

/// The tagger reads the one word at `span` as a proper noun: "in May" and
/// "Theresa May" are a month and a name, not the modal hedge.
fn is_proper_noun(doc: &Document, span: Span) -> bool {
    doc.tokens
        .get(doc.token_at_or_after(span.start))
        .is_some_and(|t| t.span == span && matches!(t.xpos, Xpos::Nnp | Xpos::Nnps))
}

/// Adds an attribution for every refusal to comment no existing cue covers:
/// the cue runs to "comment" (or the end of the refusal phrase), the source
/// is what precedes it in the sentence, and there is no content.
fn add_no_comment_attributions(doc: &mut Document) {
    let spans: Vec<Span> = if doc.sentences.is_empty() {
        doc.body_spans()
            .into_iter()
            .flat_map(|b| {
                let mut lines = Vec::new();
                let mut start = b.start;
                for (i, c) in doc.slice(b).chars().enumerate() {
                    if c == '\n' {
                        lines.push(Span::new(start, b.start + i as u32));
                        start = b.start + i as u32 + 1;
                    }
                }
                lines.push(Span::new(start, b.end));
                lines
            })
            .collect()
    } else {
        doc.sentences.iter().map(|s| s.span).collect()
    };
    let existing_cues = nested::cue_index(&doc.attributions);
    let mut added_cues = span_index::GrowingSpans::default();
    let mut added = Vec::new();
    for sentence in spans {
        // Every refusal added below ends at a word starting "comment", and
        // only ASCII letters lower-case to those letters: a sentence without
        // them (nearly all) needs no word scan.
        if !contains_ascii_ignore_case(doc.slice(sentence), b"comment") {
            continue;
        }
        let words = words_in(doc, sentence);
        // "Neither the White House nor the State Department responded to
        // requests for comment": the negation sits before the source.
        let neither = words.iter().position(|w| w.lower == "neither");
        let neither_phrases = neither.map_or(&[][..], |_| {
            &["responded to", "replied to", "returned", "commented"][..]
        });
        for phrase in cue_kind::NO_COMMENT.iter().chain(neither_phrases) {
            let negated_before = !cue_kind::NO_COMMENT.contains(phrase);
            for i in words::find_phrase(&words, phrase) {
                if negated_before && neither.is_none_or(|k| k + 1 >= i) {
                    continue;
                }
                let n = phrase.split(' ').count();
                let tail = &words[i..(i + n + 6).min(words.len())];
                let Some(comment_end) = tail.iter().position(|w| w.lower.starts_with("comment"))
                else {
                    continue;
                };
                let cue = Span::new(words[i].span.start, tail[comment_end].span.end);
                // "“No comment,” she said": a quotation an attribution
                // holds is the refusal of whoever said it.
                let quoted = doc
                    .slice(Span::new(sentence.start, cue.start))
                    .trim_end()
                    .ends_with(['“', '"', '‘', '\''])
                    && doc.attributions.iter().any(|a| {
                        a.content
                            .as_ref()
                            .is_some_and(|c| c.parts().iter().any(|p| p.contains(&cue)))
                    });
                let covered = quoted
                    || existing_cues.overlapping(cue).next().is_some()
                    || added_cues.overlaps(cue);
                if covered {
                    continue;
                }
                added_cues.insert(cue);
                // The cue keeps its negation: "Neither … responded to …".
                let (source, cue) = match neither.filter(|_| negated_before) {
                    Some(k) => (
                        source_before(doc, &words[k + 1..i]),
                        Region::new(vec![words[k].span, cue]),
                    ),
                    None => (source_before(doc, &words[..i]), Region::single(cue)),
                };
                added.push(Attribution {
                    source,
                    cue_kind: CueKind::NoComment,
                    score: 0.9,
                    ..Attribution::with_cue(0, cue)
                });
            }
        }
    }
    doc.attributions.extend(added);
}

/// Whether `text` holds `needle` (ASCII) in any letter case.
fn contains_ascii_ignore_case(text: &str, needle: &[u8]) -> bool {
    text.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

/// The subject before a cue: the words after the last clause boundary
/// (comma, "and"/"but" starting a clause) back to the sentence start.
fn source_before(doc: &Document, words: &[Word]) -> Option<Region> {
    let skip_leading = ["but", "and", "however", "so", "meanwhile", "also"];
    let mut start = 0;
    while start < words.len() && skip_leading.contains(&words[start].lower.as_str()) {
        start += 1;
    }
    let words = &words[start..];
    let (first, last) = (words.first()?, words.last()?);
    let span = Span::new(first.span.start, last.span.end);
    let text = doc.slice(span);
    // A long lead-in is not a subject ("In a statement on Tuesday, ..."): keep what follows the last comma.
    let start_after_comma = text.rfind(',').map(|b| {
        let prefix = &text[..b + 1];
        span.start + prefix.chars().count() as u32
    });
    let span = match start_after_comma {
        Some(s) => {
            let w = words.iter().find(|w| w.span.start >= s)?;
            Span::new(w.span.start, last.span.end)
        }
        None => span,
    };
    Some(Region::single(span))
}

#[cfg(test)]
mod tests {
    use super::*;
    use whosaid_core::{Confidence, Likelihood};

    #[test]
    fn sources_lose_stray_edge_marks() {
        let text = "(Having said that, >Sanders SEO) Rep. Smith (D-Calif.) McFaul, “Joe” ,;";
        let doc = Document::new(text);
        let tidy = |needle: &str| test_support::rewritten(&doc, needle, tidy_source);
        assert_eq!(tidy("(Having").as_deref(), Some("Having"));
        assert_eq!(tidy(">Sanders").as_deref(), Some("Sanders"));
        assert_eq!(tidy("SEO)").as_deref(), Some("SEO"));
        assert_eq!(
            tidy("Rep. Smith (D-Calif.)").as_deref(),
            Some("Rep. Smith (D-Calif.)")
        );
        assert_eq!(tidy("McFaul,").as_deref(), Some("McFaul"));
        assert_eq!(tidy("“Joe”").as_deref(), Some("“Joe”"));
        assert_eq!(tidy(",;"), None);
        let doc = Document::new("About 17% said so.");
        let tidy = |needle: &str| test_support::rewritten(&doc, needle, tidy_source);
        assert_eq!(tidy("About 17%").as_deref(), Some("About 17%"));
        // A bracket the source opened is closed.
        let doc = Document::new(
            "Sen. Bernie Sanders (I-Vt.) on Saturday said no. Rep. Joe Smith (D-Ohio) said yes.",
        );
        let tidy = |needle: &str| test_support::rewritten(&doc, needle, tidy_source);
        assert_eq!(
            tidy("Sen. Bernie Sanders (I-Vt").as_deref(),
            Some("Sen. Bernie Sanders (I-Vt.)")
        );
        assert_eq!(
            tidy("Rep. Joe Smith (D-Ohio").as_deref(),
            Some("Rep. Joe Smith (D-Ohio)")
        );
    }

    #[test]
    fn a_dateline_leaves_the_content() {
        let after = |text: &str, content: &str| {
            let doc = test_support::tagged(text);
            let mut a = test_support::spans(&doc, Some("the minister"), "said", &[content]);
            drop_content_dateline(&doc, &mut a);
            test_support::content_parts(&doc, &a)
        };
        assert_eq!(
            after(
                "NEW DELHI: The Centre will table the bill, the minister said.",
                "NEW DELHI: The Centre will table the bill"
            ),
            ["The Centre will table the bill"]
        );
        assert_eq!(
            after(
                "JERUSALEM - Netanyahu will meet Trump, the minister said.",
                "JERUSALEM - Netanyahu will meet Trump"
            ),
            ["Netanyahu will meet Trump"]
        );
        // A transcript's speaker label in a quotation is not a dateline.
        assert_eq!(
            after(
                "As the minister said: \"WALLACE: Let us start.\"",
                "\"WALLACE: Let us start.\""
            ),
            ["\"WALLACE: Let us start.\""]
        );
    }

    #[test]
    fn a_cue_closing_its_sentence_attributes_the_clause_before_the_source() {
        let text = "The company will seek approval by the end of the year, its chief \
                    officer, Helen Park, said in an interview. “These are strong \
                    results,” she said.";
        let doc = test_support::tagged(text);
        let mut a = test_support::spans(
            &doc,
            Some("its chief officer, Helen Park"),
            "said in an interview",
            &["“These are strong results"],
        );
        content_before_a_closing_cue(&doc, &mut a);
        assert_eq!(
            test_support::extent_text(&doc, &a.content).as_deref(),
            Some("The company will seek approval by the end of the year")
        );
        // A quotation's own cue keeps it.
        let mut b =
            test_support::spans(&doc, Some("she"), "said.", &["“These are strong results,”"]);
        content_before_a_closing_cue(&doc, &mut b);
        assert_eq!(
            test_support::extent_text(&doc, &b.content).as_deref(),
            Some("“These are strong results,”")
        );
    }

    #[test]
    fn a_name_after_a_title_of_nouns_is_the_person() {
        let typed = |text: &str, source: &str| {
            let doc = test_support::with_entities(text);
            let mut a = test_support::spans(&doc, Some(source), "said", &["scores fell"]);
            type_attribution(&doc, &mut a);
            (a.source_kind, a.speaker.map(|s| s.name))
        };
        assert_eq!(
            typed(
                "State schools superintendent Greg Hanley said scores fell.",
                "State schools superintendent Greg Hanley"
            ),
            (Some(SourceKind::Person), Some("Greg Hanley".to_string()))
        );
        assert_eq!(
            typed(
                "City Council president Marty Small said scores fell.",
                "City Council president Marty Small"
            ),
            (Some(SourceKind::Person), Some("Marty Small".to_string()))
        );
    }

    #[test]
    fn an_unnamed_source_granted_anonymity_after_the_cue_is_anonymous() {
        let kind = |text: &str, source: &str| {
            let doc = test_support::with_entities(text);
            let mut a = test_support::spans(&doc, Some(source), "said", &["“Nobody listened.”"]);
            type_attribution(&doc, &mut a);
            a.source_kind
        };
        assert_eq!(
            kind(
                "“Nobody listened.” said one nurse, who asked not to be named, on Friday.",
                "one nurse"
            ),
            Some(SourceKind::Anonymous)
        );
        assert_eq!(
            kind(
                "“Nobody listened.” said one nurse, who works nights.",
                "one nurse"
            ),
            Some(SourceKind::Person)
        );
    }

    #[test]
    fn coordinated_modifiers_share_the_head_noun() {
        let kind = |text: &str, source: &str, cue: &str| {
            let doc = test_support::with_entities(text);
            let mut a = test_support::spans(&doc, Some(source), cue, &["Iran supplied the drones"]);
            type_attribution(&doc, &mut a);
            a.source_kind
        };
        assert_eq!(
            kind(
                "According to U.S. and European officials, Iran supplied the drones.",
                "U.S. and European officials",
                "According to"
            ),
            Some(SourceKind::Anonymous)
        );
        assert_eq!(
            kind(
                "Trump and his surrogates said Iran supplied the drones.",
                "Trump and his surrogates",
                "said"
            ),
            Some(SourceKind::Person)
        );
    }

    #[test]
    fn a_quotation_mark_of_the_text_beside_leaves_the_content() {
        let after = |text: &str, source: &str, content: &str| {
            let doc = test_support::tagged(text);
            let mut a = test_support::spans(&doc, Some(source), "according to", &[content]);
            drop_stray_quote_marks(&doc, &mut a);
            test_support::content_parts(&doc, &a)
        };
        let text =
            "It left them \"with no options.\" Enrollment has dropped, according to figures.";
        assert_eq!(
            after(text, "figures", "\" Enrollment has dropped"),
            ["Enrollment has dropped"]
        );
        // Its own quotation marks stay.
        let text = "Enrollment has \"dropped,\" according to figures.";
        assert_eq!(
            after(text, "figures", "Enrollment has \"dropped,\""),
            ["Enrollment has \"dropped,\""]
        );
        let text = "Enrollment has “dropped” and “it rose,” according to figures.";
        assert_eq!(
            after(text, "figures", "Enrollment has “dropped” and “"),
            ["Enrollment has “dropped” and"]
        );
        // Nor does a source open with the closing mark of the quotation.
        let text = "“The economy,” chief executive Maria Lund said, “is fine.”";
        let doc = test_support::tagged(text);
        let mut a = test_support::spans(
            &doc,
            Some("” chief executive Maria Lund"),
            "said",
            &["“The economy,"],
        );
        drop_stray_quote_marks(&doc, &mut a);
        let source = a
            .source
            .as_ref()
            .and_then(Region::extent)
            .unwrap_or_default();
        assert_eq!(doc.slice(source), "chief executive Maria Lund");
    }

    #[test]
    fn a_dateline_leaves_the_source() {
        let text = "DECATUR, Ill. — Sen. Ted Cruz said no. Jean-Paul — our man — said yes.";
        let doc = Document::new(text);
        let dropped = |needle: &str| test_support::rewritten(&doc, needle, drop_dateline);
        assert_eq!(
            dropped("DECATUR, Ill. — Sen. Ted Cruz").as_deref(),
            Some("Sen. Ted Cruz")
        );
        // Not a dateline: a name in ordinary case.
        assert_eq!(dropped("Jean-Paul — our man"), None);
        // A source the model took in parts, the first inside the dateline.
        let text =
            "KYIV, Ukraine (AP) — Ukraine's air force said Saturday that it shot down 40 drones.";
        let doc = Document::new(text);
        let source = Region::new([
            test_support::span_of(&doc, "Ukraine (AP"),
            test_support::span_of(&doc, "Ukraine's air force"),
        ]);
        let kept = drop_dateline(&doc, &source).and_then(|r| r.extent());
        assert_eq!(kept.map(|s| doc.slice(s)), Some("Ukraine's air force"));
    }

    #[test]
    fn a_time_phrase_before_the_cue_leaves_the_source() {
        let text = "The FBI last month said no. Clinton on Tuesday said yes. A poll released Monday said so. Smith earlier this week told us. Ann Lee on Nov. 14 said it. Sen. Chuck Grassley (R-Iowa) on Wednesday said more. Gov. Mike Pence on Thursday blamed the media, saying they lied. The head of the agency on Friday, Ann Lee, then said so. A reporter for USA Today reported it.";
        let doc = test_support::tagged(text);
        let dropped = |source: &str, cue: &str| {
            let src = test_support::span_of(&doc, source);
            let at = doc.text.find(source).expect("source in text") + source.len() + 1;
            let c = at + doc.text[at..].find(cue).expect("cue after source");
            let c = doc.index().char_at_byte(c);
            let cue = Span::new(c, c + cue.chars().count() as u32);
            let out = drop_time_before_cue(&doc, &Region::single(src), cue);
            out.extent().map(|s| doc.slice(s).to_string())
        };
        assert_eq!(
            dropped("The FBI last month", "said").as_deref(),
            Some("The FBI")
        );
        assert_eq!(
            dropped("Clinton on Tuesday", "said").as_deref(),
            Some("Clinton")
        );
        assert_eq!(
            dropped("A poll released Monday", "said").as_deref(),
            Some("A poll released Monday")
        );
        assert_eq!(
            dropped("Smith earlier this week", "told").as_deref(),
            Some("Smith")
        );
        assert_eq!(
            dropped("Ann Lee on Nov. 14", "said").as_deref(),
            Some("Ann Lee")
        );
        assert_eq!(
            dropped("Sen. Chuck Grassley (R-Iowa) on Wednesday", "said").as_deref(),
            Some("Sen. Chuck Grassley (R-Iowa)")
        );
        // The subject of the verb the cue shares.
        assert_eq!(
            dropped("Gov. Mike Pence on Thursday", "saying").as_deref(),
            Some("Gov. Mike Pence")
        );
        assert_eq!(
            dropped("A reporter for USA Today", "reported").as_deref(),
            Some("A reporter for USA Today")
        );
        // Not when more than a verb stands between.
        assert_eq!(
            dropped("The head of the agency on Friday", "said").as_deref(),
            Some("The head of the agency on Friday")
        );
    }

    #[test]
    fn a_source_begun_inside_the_opening_prepositional_phrase_starts_after_it() {
        let trimmed = |text: &str, source: &str, cue: &str| {
            let doc = test_support::tagged(text);
            let cue = test_support::cue_after(&doc, source, cue);
            test_support::rewritten(&doc, source, |d, r| drop_prepositional_object(d, r, cue))
        };
        assert_eq!(
            trimmed(
                "In an interview with The Associated Press, the company's chief executive, \
                 David Kim, said he was shocked.",
                "The Associated Press, the company's chief executive, David Kim",
                "said"
            )
            .as_deref(),
            Some("the company's chief executive, David Kim")
        );
        // "As" opens a clause whose subject the source is.
        assert_eq!(
            trimmed(
                "As the chief executive, Jeff Weiner, put it, the firm is dead.",
                "the chief executive, Jeff Weiner",
                "put"
            ),
            None
        );
        // Not in the opening phrase: a source after its comma stays whole.
        assert_eq!(
            trimmed(
                "In Washington, Tom Ridge, a former secretary, said it was over.",
                "Tom Ridge, a former secretary",
                "said"
            ),
            None
        );
    }

    #[test]
    fn a_phrase_between_the_cue_and_a_that_clause_joins_the_cue() {
        // (cue, content) after the rule, for the given cue and content.
        let moved = |text: &str, cue: &str, content: &str| {
            let doc = test_support::tagged(text);
            let mut a = Attribution::with_cue(0, Region::single(test_support::span_of(&doc, cue)));
            a.content = Some(Region::single(test_support::span_of(&doc, content)));
            move_prepositional_phrase_to_cue(&doc, &mut a);
            let text_of = |r: &Region| r.extent().map(|s| doc.slice(s).to_string());
            (text_of(&a.cue), a.content.as_ref().and_then(text_of))
        };
        let filing = "Acme said in a regulatory filing that it was cooperating with the inquiry.";
        assert_eq!(
            moved(
                filing,
                "said",
                "a regulatory filing that it was cooperating with the inquiry"
            ),
            (
                Some("said in a regulatory filing".to_string()),
                Some("that it was cooperating with the inquiry".to_string())
            )
        );
        // The preposition may close the cue.
        let posted = "Elon Musk posted on X that the vehicle would be ready.";
        assert_eq!(
            moved(posted, "posted on", "X that the vehicle would be ready"),
            (
                Some("posted on X".to_string()),
                Some("that the vehicle would be ready".to_string())
            )
        );
        // Not when the clause is the noun's: "pointing to reports that…".
        let reports = "Clinton kept pointing to reports that Trump had used migrant workers.";
        assert_eq!(
            moved(
                reports,
                "pointing to",
                "reports that Trump had used migrant workers"
            ),
            (
                Some("pointing to".to_string()),
                Some("reports that Trump had used migrant workers".to_string())
            )
        );
        // Without a "that" clause the content stays.
        let twitter = "She wrote on Twitter about the change in the slogan.";
        assert_eq!(
            moved(twitter, "wrote", "Twitter about the change in the slogan"),
            (
                Some("wrote".to_string()),
                Some("Twitter about the change in the slogan".to_string())
            )
        );
    }

    #[test]
    fn a_part_claimed_by_the_next_cue_leaves_the_earlier_content() {
        let text = "Jane Miller said she had lost faith. \"They forgot about us,\" said Miller. \
                    She left.";
        let doc = test_support::tagged(text);
        let quote = test_support::span_of(&doc, "\"They forgot about us,\"");
        let mut first =
            Attribution::with_cue(0, Region::single(test_support::span_of(&doc, "said")));
        first.content = Some(Region::new([
            test_support::span_of(&doc, "she had lost faith"),
            quote,
        ]));
        let mut second = Attribution::with_cue(
            1,
            Region::single(test_support::cue_after(&doc, "us,", "said")),
        );
        second.content = Some(Region::single(quote));
        let mut attrs = vec![first, second];
        drop_parts_claimed_by_a_later_cue(&doc, &mut attrs);
        let parts = |a: &Attribution| -> Vec<String> { test_support::content_parts(&doc, a) };
        assert_eq!(parts(&attrs[0]), ["she had lost faith"]);
        assert_eq!(parts(&attrs[1]), ["\"They forgot about us,\""]);
    }

    #[test]
    fn a_participle_after_a_content_shares_the_speakers_source() {
        let doc =
            test_support::tagged("The transit authority said fares would rise, citing fuel costs.");
        let mut said =
            test_support::attribution(&doc, "The transit authority", "said", "fares would rise");
        said.source_kind = Some(SourceKind::Organization);
        let mut citing = test_support::attribution(&doc, "fares", "citing", "fuel costs");
        citing.id = 1;
        citing.source_kind = Some(SourceKind::Other);
        let mut attrs = vec![said, citing];
        participle_shares_the_speakers_source(&doc, &mut attrs);
        let source = attrs[1].source.as_ref().and_then(Region::extent);
        assert_eq!(source.map(|s| doc.slice(s)), Some("The transit authority"));
        assert_eq!(attrs[1].source_kind, Some(SourceKind::Organization));
    }

    #[test]
    fn i_inside_someones_words_is_that_someone() {
        let doc = Document::new("\"I told them no,\" Smith said.");
        let mut outer = test_support::attribution(&doc, "Smith", "said", "I told them no,");
        outer.source_kind = Some(SourceKind::Person);
        outer.speaker = Some(Speaker {
            name: "Jane Smith".into(),
            entity: None,
        });
        let mut inner =
            Attribution::with_cue(1, Region::single(test_support::span_of(&doc, "told")));
        inner.source = Some(Region::single(test_support::span_of(&doc, "I")));
        inner.source_kind = Some(SourceKind::Pronoun);
        inner.parent = Some(0);
        let mut attrs = vec![outer, inner];
        first_person_speaks_for_the_quoted(&doc, &mut attrs);
        assert_eq!(
            attrs[1].speaker.as_ref().map(|s| s.name.as_str()),
            Some("Jane Smith")
        );
    }

    #[test]
    fn the_subject_of_a_verb_in_the_content_leaves_the_source() {
        let doc = test_support::tagged("According to Billboard, the album sold a million copies.");
        let mut a = test_support::spans(
            &doc,
            Some("Billboard, the album"),
            "According to",
            &["sold a million copies"],
        );
        give_content_its_subject(&doc, &mut a);
        let text = |r| test_support::extent_text(&doc, r);
        assert_eq!(text(&a.source).as_deref(), Some("Billboard"));
        assert_eq!(
            text(&a.content).as_deref(),
            Some("the album sold a million copies")
        );
        // The source may end inside the subject's phrase.
        let doc = test_support::tagged(
            "According to the Times, a grand jury has heard testimony from four witnesses.",
        );
        let mut a = test_support::spans(
            &doc,
            Some("the Times, a grand"),
            "According to",
            &["jury has heard testimony from four witnesses"],
        );
        give_content_its_subject(&doc, &mut a);
        let text = |r| test_support::extent_text(&doc, r);
        assert_eq!(text(&a.source).as_deref(), Some("the Times"));
        assert_eq!(
            text(&a.content).as_deref(),
            Some("a grand jury has heard testimony from four witnesses")
        );
    }

    #[test]
    fn a_source_starts_after_the_frame_of_the_report_that_carries_it() {
        let doc = Document::new(
            "According to a complaint filed Monday, the suspect argued with the victim.",
        );
        let outer = test_support::spans(
            &doc,
            Some("a complaint filed Monday"),
            "According to",
            &["the suspect argued with the victim"],
        );
        let mut inner = test_support::spans(
            &doc,
            Some("a complaint filed Monday, the suspect"),
            "argued with",
            &[],
        );
        inner.id = 1;
        let mut attrs = vec![outer, inner];
        drop_carrying_frame(&doc, &mut attrs);
        let source = attrs[1].source.as_ref().and_then(Region::extent);
        assert_eq!(source.map(|s| doc.slice(s)), Some("the suspect"));
    }

    #[test]
    fn the_time_of_the_saying_leaves_the_content() {
        let kept = |text: &str, content: &str| -> String {
            let doc = test_support::tagged(text);
            let mut a = test_support::attribution(&doc, "Jean-Pierre", "said", content);
            drop_leading_time(&doc, &mut a);
            a.content
                .as_ref()
                .and_then(Region::extent)
                .map(|s| doc.slice(s).to_string())
                .unwrap_or_default()
        };
        assert_eq!(
            kept(
                "Jean-Pierre said Friday that the administration was grateful.",
                "Friday that the administration was grateful"
            ),
            "that the administration was grateful"
        );
        assert_eq!(
            kept(
                "Jean-Pierre said earlier this week that it was over.",
                "earlier this week that it was over"
            ),
            "that it was over"
        );
        // Not a time: "said the bill that passed…" keeps its words.
        assert_eq!(
            kept(
                "Jean-Pierre said the bill that passed was good.",
                "the bill that passed was good"
            ),
            "the bill that passed was good"
        );
        // Begun inside "on Thursday", whatever the cue.
        let doc = test_support::tagged(
            "Novaris said on Thursday that its vaccine worked, according to early results.",
        );
        let mut a = test_support::spans(
            &doc,
            Some("early results"),
            "according to",
            &["Thursday that its vaccine worked"],
        );
        drop_leading_time(&doc, &mut a);
        assert_eq!(
            test_support::extent_text(&doc, &a.content).as_deref(),
            Some("that its vaccine worked")
        );
    }

    #[test]
    fn the_person_told_leaves_a_bare_clause() {
        let after = |text: &str, source: &str, cue: &str, content: &str| {
            let doc = test_support::tagged(text);
            let mut a = test_support::attribution(&doc, source, cue, content);
            drop_addressee(&doc, &mut a);
            test_support::extent_text(&doc, &a.content)
        };
        assert_eq!(
            after(
                "Witnesses told officers the two men had argued inside the bar.",
                "Witnesses",
                "told",
                "officers the two men had argued inside the bar"
            )
            .as_deref(),
            Some("the two men had argued inside the bar")
        );
        // "her" may be the group's: the clause then has no subject.
        let content = "her group never worked with the firm";
        assert_eq!(
            after(
                "The director, Ina Kirsch, told her group never worked with the firm.",
                "Ina Kirsch",
                "told",
                content
            )
            .as_deref(),
            Some(content)
        );
        // Before a subject pronoun, "her" is the person told.
        assert_eq!(
            after(
                "Some doctors told her she was anxious.",
                "Some doctors",
                "told",
                "her she was anxious"
            )
            .as_deref(),
            Some("she was anxious")
        );
    }

    #[test]
    fn a_source_ends_where_its_relative_clause_closes() {
        let doc = test_support::tagged("The owner, Joe Hannouch, who also happens to be her husband, denied any wrongdoing and defended the price hikes. Dorothy Woods, whose husband, Ty Woods, was killed in the attack, discussed the controversy.");
        let cut = |source: &str, cue: &str| {
            let region = Region::single(test_support::span_of(&doc, source));
            let cue = test_support::span_of(&doc, cue);
            without_verb_after_relative_clause(&doc, &region, cue)
                .and_then(|r| test_support::extent_text(&doc, &Some(r)))
        };
        assert_eq!(
            cut(
                "Joe Hannouch, who also happens to be her husband, denied any wrongdoing",
                "defended"
            )
            .as_deref(),
            Some("Joe Hannouch, who also happens to be her husband")
        );
        // The clause's own verb after an apposition inside it stays.
        assert_eq!(
            cut(
                "Dorothy Woods, whose husband, Ty Woods, was killed in the attack",
                "discussed"
            ),
            None
        );
    }

    #[test]
    fn a_speech_verbs_subject_leaves_the_content_for_the_source() {
        let doc = test_support::tagged(
            "The source answered, \"Correct.\" The trip is expected to last a week.",
        );
        let span = |t: &str| test_support::span_of(&doc, t);
        let mut a = Attribution {
            content: Some(Region::new([span("The source"), span("\"Correct.\"")])),
            ..Attribution::with_cue(0, Region::single(span("answered")))
        };
        subject_before_a_speech_verb(&doc, &mut a);
        assert_eq!(
            test_support::extent_text(&doc, &a.source).as_deref(),
            Some("The source")
        );
        assert_eq!(test_support::content_parts(&doc, &a), ["\"Correct.\""]);
        // A raising verb's subject stays in its content, as PolNeAR has it.
        let mut b = Attribution {
            content: Some(Region::new([span("The trip"), span("to last a week")])),
            ..Attribution::with_cue(0, Region::single(span("is expected")))
        };
        subject_before_a_speech_verb(&doc, &mut b);
        assert!(b.source.is_none());
    }

    #[test]
    fn a_relative_clause_after_according_to_describes_the_source() {
        let doc = test_support::tagged(
            "According to a person familiar with the matter who requested anonymity to discuss internal talks, the agency is also weighing new limits.",
        );
        let span = |t: &str| test_support::span_of(&doc, t);
        let mut a = Attribution {
            source: Some(Region::single(span("a person familiar with the matter"))),
            content: Some(Region::single(span(
                "who requested anonymity to discuss internal talks, the agency is also weighing new limits",
            ))),
            ..Attribution::with_cue(0, Region::single(span("According to")))
        };
        relative_clause_after_according_to(&doc, &mut a);
        assert_eq!(
            test_support::content_parts(&doc, &a),
            ["the agency is also weighing new limits"]
        );
        assert_eq!(
            test_support::extent_text(&doc, &a.source).as_deref(),
            Some("a person familiar with the matter who requested anonymity to discuss internal talks")
        );
    }

    #[test]
    fn a_noun_run_read_as_two_subjects_is_headed_by_its_last_noun() {
        let doc = test_support::tagged("Ethics experts said the trips would violate the rules.");
        let source = Region::single(test_support::span_of(&doc, "Ethics experts"));
        let head = source_head_token(&doc, &source).map(|t| doc.token_text(t));
        assert_eq!(head, Some("experts"));
    }

    #[test]
    fn without_evidence_joins_the_cue() {
        let doc = test_support::tagged(
            "Ellison claimed without evidence that the report had been planted by his opponent.",
        );
        let mut a = test_support::attribution(
            &doc,
            "Ellison",
            "claimed",
            "without evidence that the report had been planted by his opponent",
        );
        without_evidence_joins_cue(&doc, &mut a);
        assert_eq!(
            doc.slice(a.cue.extent().unwrap_or_default()),
            "claimed without evidence"
        );
        assert_eq!(
            test_support::content_parts(&doc, &a),
            ["that the report had been planted by his opponent"]
        );
    }

    #[test]
    fn a_gloss_after_a_closing_cue_is_not_the_content() {
        let doc = test_support::tagged(
            "Consumer prices rose 3.5% in March from a year earlier, the Labor Department said Wednesday, a sign that inflation is proving stickier than hoped.",
        );
        let mut a = test_support::attribution(
            &doc,
            "the Labor Department",
            "said",
            "that inflation is proving stickier than hoped",
        );
        content_before_a_cue_and_its_gloss(&doc, &mut a);
        assert_eq!(
            test_support::content_parts(&doc, &a),
            ["Consumer prices rose 3.5% in March from a year earlier"]
        );
        // A content the cue introduces stays.
        let doc = test_support::tagged(
            "The minister said on Monday, a day after the vote, that she would resign.",
        );
        let mut b =
            test_support::attribution(&doc, "The minister", "said", "that she would resign");
        content_before_a_cue_and_its_gloss(&doc, &mut b);
        assert_eq!(
            test_support::content_parts(&doc, &b),
            ["that she would resign"]
        );
    }

    #[test]
    fn a_part_an_earlier_claim_holds_leaves_a_later_content() {
        let text = "Analysts wrote that the guidance was “worse than expected,” while Tom Reilly said the sell-off looked overdone. “We pause,” Laura Brandt said. “Orders slowed.”";
        let doc = Document::new(text);
        let span = |t: &str| test_support::span_of(&doc, t);
        let earlier = test_support::attribution(
            &doc,
            "Analysts",
            "wrote",
            "that the guidance was “worse than expected,”",
        );
        let later = Attribution {
            content: Some(Region::new([
                span("worse than expected,”"),
                span("the sell-off looked overdone"),
            ])),
            ..test_support::attribution(&doc, "Tom Reilly", "said", "the sell-off looked overdone")
        };
        // A fronted quotation no earlier claim holds stays.
        let fronted = Attribution {
            content: Some(Region::new([span("“We pause,”"), span("“Orders slowed.”")])),
            ..test_support::attribution(&doc, "Laura Brandt", "said", "“Orders slowed.”")
        };
        let mut attrs = vec![earlier, later, fronted];
        drop_parts_claimed_by_an_earlier_claim(&mut attrs);
        assert_eq!(
            test_support::content_parts(&doc, &attrs[1]),
            ["the sell-off looked overdone"]
        );
        assert_eq!(test_support::content_parts(&doc, &attrs[2]).len(), 2);
    }

    #[test]
    fn coordinated_reports_split_at_the_conjunction() {
        let text = "In 2022, 20% of adolescents reported receiving therapy and 14% reported taking medication.";
        let doc = test_support::tagged(text);
        let first = test_support::attribution(
            &doc,
            "20% of adolescents",
            "reported",
            "receiving therapy and 14%",
        );
        let second = Attribution {
            source: Some(Region::single(test_support::span_of(
                &doc,
                "20% of adolescents reported receiving therapy and 14%",
            ))),
            ..test_support::attribution(&doc, "14%", "reported", "taking medication")
        };
        let mut attrs = vec![first, second];
        split_coordinated_reports(&doc, &mut attrs);
        assert_eq!(
            test_support::extent_text(&doc, &attrs[0].content).as_deref(),
            Some("receiving therapy")
        );
        assert_eq!(
            test_support::extent_text(&doc, &attrs[1].source).as_deref(),
            Some("14%")
        );
    }

    #[test]
    fn a_relative_clause_source_takes_its_antecedent_back() {
        let doc =
            test_support::tagged("Researchers and clinicians who treat anxiety praised the study.");
        let source = Region::single(test_support::span_of(&doc, "who treat anxiety"));
        let cue = test_support::span_of(&doc, "praised");
        let found = with_relative_antecedent(&doc, &source, cue)
            .map(|r| test_support::extent_text(&doc, &Some(r)));
        assert_eq!(
            found.flatten().as_deref(),
            Some("Researchers and clinicians who treat anxiety")
        );
        // A pronoun that is the cue's own subject is left to the other rule.
        let source = Region::single(test_support::span_of(&doc, "who"));
        assert!(with_relative_antecedent(&doc, &source, cue).is_none());
    }

    #[test]
    fn a_content_in_an_opening_clause_ends_with_it() {
        let after = |text: &str, source: &str, cue: &str, content: &str| {
            let doc = test_support::tagged(text);
            let mut a = test_support::attribution(&doc, source, cue, content);
            content_stays_in_its_clause(&doc, &mut a);
            test_support::extent_text(&doc, &a.content)
        };
        assert_eq!(
            after(
                "While critics argue that the swap encourages kidnappings, the minister has defended it.",
                "critics",
                "argue",
                "that the swap encourages kidnappings, the minister has defended it"
            )
            .as_deref(),
            Some("that the swap encourages kidnappings")
        );
        // A quotation closing the clause keeps its comma and mark.
        assert_eq!(
            after(
                "Although he told the police that he was interested in politics and \"a better world for our children,\" he targeted a random mix of officials.",
                "he",
                "told",
                "that he was interested in politics and \"a better world for our children,\" he targeted a random mix of officials"
            )
            .as_deref(),
            Some("that he was interested in politics and \"a better world for our children,\"")
        );
        // "As X reported, …" reports the main clause.
        let main = "the agency issued subpoenas to the charity";
        assert_eq!(
            after(
                "As the newspaper reported today, the agency issued subpoenas to the charity.",
                "the newspaper",
                "reported",
                main
            )
            .as_deref(),
            Some(main)
        );
        // A cue past the clause's comma belongs to the main clause.
        let main = "the incident shows why the rules should change";
        assert_eq!(
            after(
                "If anything, Ash argued in his email, the incident shows why the rules should change.",
                "Ash",
                "argued",
                main
            )
            .as_deref(),
            Some(main)
        );
    }

    #[test]
    fn a_closing_comment_on_the_claim_is_not_content() {
        let doc =
            Document::new("Moscow said it took the village, a claim that could not be verified.");
        let mut a = test_support::attribution(
            &doc,
            "Moscow",
            "said",
            "it took the village, a claim that could not be verified",
        );
        drop_closing_comment(&doc, &mut a);
        let content = a.content.as_ref().and_then(Region::extent);
        assert_eq!(content.map(|s| doc.slice(s)), Some("it took the village"));
        // An apposition that is part of what was said stays.
        let doc = Document::new("He said it was a step, a step that others will follow.");
        let said = "it was a step, a step that others will follow";
        let mut b = test_support::attribution(&doc, "He", "said", said);
        drop_closing_comment(&doc, &mut b);
        let content = b.content.as_ref().and_then(Region::extent);
        assert_eq!(content.map(|s| doc.slice(s)), Some(said));
    }

    #[test]
    fn the_reporters_next_sentence_is_not_content() {
        let text = "Prosecutors have told his lawyers that he is a subject, one of the people said. The people spoke on the condition of anonymity.";
        let parts = |text: &str, content: [&str; 2]| -> Vec<String> {
            let doc = test_support::tagged(text);
            let mut a = test_support::spans(&doc, Some("one of the people"), "said", &content);
            drop_unquoted_parts_in_later_sentences(&doc, &mut a);
            test_support::content_parts(&doc, &a)
        };
        assert_eq!(
            parts(
                text,
                [
                    "Prosecutors have told his lawyers that he is a subject",
                    "the condition of anonymity"
                ]
            ),
            ["Prosecutors have told his lawyers that he is a subject"]
        );
        // A quotation runs on over its sentences.
        let text = "\"We are ready,\" one of the people said. \"We have the votes.\"";
        assert_eq!(
            parts(text, ["We are ready,", "We have the votes."]).len(),
            2
        );
    }

    #[test]
    fn a_phrase_of_place_or_time_after_the_name_leaves_the_source() {
        let text = "Graham, in an interview on CNN later that day, said he would call hearings. Voters, in particular, said no.";
        let doc = Document::new(text);
        let cut = |source: &str, cue: &str| {
            let cue = test_support::cue_after(&doc, source, cue);
            let src = Region::single(test_support::span_of(&doc, source));
            drop_parenthetical_phrase(&doc, &src, cue)
                .and_then(|r| r.extent())
                .map(|s| doc.slice(s).to_string())
        };
        assert_eq!(
            cut("Graham, in an interview on CNN later that day", "said").as_deref(),
            Some("Graham")
        );
        assert_eq!(cut("Voters, in particular", "said"), None);
    }

    #[test]
    fn members_named_after_including_are_not_the_source() {
        let doc = test_support::with_entities(
            "Critics, including Sen. Maria Cantwell and Rep. Kay Granger, have argued that it failed.",
        );
        let source = Region::single(test_support::span_of(
            &doc,
            "Critics, including Sen. Maria Cantwell and Rep. Kay Granger",
        ));
        let (kind, speaker, _) = classify_source(&doc, &source);
        assert_eq!(kind, SourceKind::Group);
        assert!(speaker.is_none());
    }

    #[test]
    fn who_was_asked_is_not_who_asked() {
        let doc = Document::new(
            "Asked if she would resign, the agency's director, Laura Kim, replied: \"No.\"",
        );
        let mut a = test_support::spans(
            &doc,
            Some("Laura Kim"),
            "Asked",
            &["if she would resign, the agency's director"],
        );
        answerer_is_not_the_asker(&doc, &mut a);
        assert!(a.source.is_none());
        let content = a.content.as_ref().and_then(Region::extent);
        assert_eq!(content.map(|s| doc.slice(s)), Some("if she would resign"));
        // "Asked by Lauer…": the asker is named.
        let doc = Document::new("Asked by Lauer whether she had practiced, she said no.");
        let mut b = test_support::spans(&doc, Some("Lauer"), "Asked", &[]);
        answerer_is_not_the_asker(&doc, &mut b);
        assert!(b.source.is_some());
    }

    #[test]
    fn what_stands_between_source_and_cue_is_not_content() {
        let text = "Kremlin spokesman Dmitry Peskov, asked about a ceasefire, said Moscow was open to talks.";
        let doc = Document::new(text);
        let mut a = test_support::attribution(&doc, "Dmitry Peskov", "said", "a ceasefire");
        a.content = Some(Region::new([
            test_support::span_of(&doc, "a ceasefire"),
            test_support::span_of(&doc, "Moscow was open to talks"),
        ]));
        drop_parts_between_source_and_cue(&mut a);
        let parts: Vec<&str> = a
            .content
            .iter()
            .flat_map(|c| c.parts())
            .map(|p| doc.slice(*p))
            .collect();
        assert_eq!(parts, ["Moscow was open to talks"]);
        // A content that is only that part stays: there is nothing else.
        let mut b = test_support::attribution(&doc, "Dmitry Peskov", "said", "a ceasefire");
        drop_parts_between_source_and_cue(&mut b);
        assert!(b.content.is_some_and(|c| c.parts().len() == 1));
    }

    #[test]
    fn a_content_cut_inside_its_phrase_takes_the_rest() {
        let text = "The minister denied any knowledge of payments made to a firm run by his former adviser, as rivals called for his resignation.";
        let doc = test_support::tagged(text);
        let after = |content: &str| {
            let mut attrs = vec![test_support::spans(
                &doc,
                Some("The minister"),
                "denied",
                &[content],
            )];
            attrs.push(test_support::spans(
                &doc,
                Some("rivals"),
                "called for",
                &["his resignation"],
            ));
            complete_cut_phrases(&doc, &mut attrs);
            test_support::content_parts(&doc, &attrs[0])
        };
        assert_eq!(
            after("any knowledge of payments made to a firm run"),
            ["any knowledge of payments made to a firm run by his former adviser"]
        );
        // Neither a conjunction, the clause after a comma, nor a phrase
        // of the cue's.
        let text = "Clinton says she respects Sanders and he is proud of his campaign.";
        let doc = test_support::tagged(text);
        let mut attrs = vec![test_support::spans(
            &doc,
            Some("Clinton"),
            "says",
            &["she respects Sanders"],
        )];
        complete_cut_phrases(&doc, &mut attrs);
        assert_eq!(
            test_support::content_parts(&doc, &attrs[0]),
            ["she respects Sanders"]
        );
        assert_eq!(
            after("any knowledge of payments made to a firm run by his former adviser"),
            ["any knowledge of payments made to a firm run by his former adviser"]
        );
    }

    #[test]
    fn a_description_between_cue_and_name_is_the_source() {
        let text = "\"The public deserve answers,\" said the party's health spokesman, Wes Carter.";
        let doc = test_support::tagged(text);
        let mut a = test_support::spans(
            &doc,
            Some("Wes Carter"),
            "said",
            &[
                "\"The public deserve answers,\"",
                "the party's health spokesman",
            ],
        );
        description_before_source_after_cue(&doc, &mut a);
        assert_eq!(
            test_support::extent_text(&doc, &a.source).as_deref(),
            Some("the party's health spokesman, Wes Carter")
        );
        assert_eq!(
            test_support::content_parts(&doc, &a),
            ["\"The public deserve answers,\""]
        );
        // Not when the cue opens the sentence: "Recalling the pitfalls…,
        // the RNC began spending…".
        let text = "Recalling the pitfalls of the last election, the RNC began spending early.";
        let doc = test_support::tagged(text);
        let mut a = test_support::spans(
            &doc,
            Some("the RNC"),
            "Recalling",
            &["the pitfalls of the last election", "began spending early"],
        );
        description_before_source_after_cue(&doc, &mut a);
        assert_eq!(
            test_support::extent_text(&doc, &a.source).as_deref(),
            Some("the RNC")
        );
    }

    #[test]
    fn a_relative_clause_on_a_source_after_its_cue_is_not_content() {
        let text = "'It sounded like a freight train,' said Gwen Morris, 71, whose garden wall was flattened. 'We lost everything.'";
        let doc = test_support::tagged(text);
        let parts = |content: &[&str]| {
            let mut a = test_support::spans(&doc, Some("Gwen Morris"), "said", content);
            drop_relative_clause_of_source(&doc, &mut a);
            test_support::content_parts(&doc, &a)
        };
        assert_eq!(
            parts(&[
                "'It sounded like a freight train,'",
                "garden wall was flattened",
                "'We lost everything.'"
            ]),
            [
                "'It sounded like a freight train,'",
                "'We lost everything.'"
            ]
        );
        // A content that is only the clause stays; so does one after a
        // source that is not followed by a relative clause.
        assert_eq!(
            parts(&["garden wall was flattened"]),
            ["garden wall was flattened"]
        );
        let plain = test_support::tagged("'It was loud,' said Gwen Morris. It fell on her wall.");
        let mut a = test_support::spans(
            &plain,
            Some("Gwen Morris"),
            "said",
            &["'It was loud,'", "It fell"],
        );
        drop_relative_clause_of_source(&plain, &mut a);
        assert_eq!(test_support::content_parts(&plain, &a).len(), 2);
        // The source took the relative word.
        let text = "\"Get rid of it,\" said the aide, Daniel Cho, who was granted immunity.";
        let doc = test_support::with_entities(text);
        let mut a = test_support::spans(
            &doc,
            Some("the aide, Daniel Cho, who"),
            "said",
            &["\"Get rid of it,\"", "was granted immunity"],
        );
        drop_relative_clause_of_source(&doc, &mut a);
        assert_eq!(
            test_support::content_parts(&doc, &a),
            ["\"Get rid of it,\""]
        );
        // And the named aide is a person, whatever the clause does to the parse.
        let mut a = test_support::spans(
            &doc,
            Some("the aide, Daniel Cho, who was granted immunity"),
            "said",
            &["\"Get rid of it,\""],
        );
        type_attribution(&doc, &mut a);
        assert_eq!(a.source_kind, Some(SourceKind::Person));
    }

    #[test]
    fn a_content_leaves_out_the_frame_of_the_claim_that_carries_it() {
        // The content parts of the first attribution after the pass, given
        // (source, cue, content parts) of each attribution.
        let after = |text: &str, attrs: &[(Option<&str>, &str, &[&str])]| -> Vec<String> {
            let doc = test_support::tagged(text);
            let mut attrs: Vec<Attribution> = attrs
                .iter()
                .map(|(source, cue, parts)| test_support::spans(&doc, *source, cue, parts))
                .collect();
            drop_carrying_frame(&doc, &mut attrs);
            test_support::content_parts(&doc, &attrs[0])
        };
        let text = "According to ESPN, the Bruins are expected to recall a goalie.";
        assert_eq!(
            after(
                text,
                &[
                    (
                        None,
                        "are expected",
                        &["According to ESPN, the Bruins", "to recall a goalie"]
                    ),
                    (
                        Some("ESPN"),
                        "According to",
                        &["the Bruins are expected to recall a goalie"]
                    ),
                ]
            ),
            ["the Bruins", "to recall a goalie"]
        );
        let text = "The Bruins are expected to recall a goalie, ESPN reported.";
        assert_eq!(
            after(
                text,
                &[
                    (
                        None,
                        "are expected",
                        &["The Bruins", "to recall a goalie, ESPN reported"]
                    ),
                    (
                        Some("ESPN"),
                        "reported",
                        &["The Bruins are expected to recall a goalie"]
                    ),
                ]
            ),
            ["The Bruins", "to recall a goalie"]
        );
        // The study's content holds a claim of its own; it keeps it even
        // where that claim's content runs too far.
        let text = "Russians now say they admire him, a study concluded this year.";
        assert_eq!(
            after(
                text,
                &[
                    (
                        Some("a study"),
                        "concluded",
                        &["Russians now say they admire him", "this year"]
                    ),
                    (
                        Some("Russians"),
                        "say",
                        &["they admire him, a study concluded this year"]
                    ),
                ]
            ),
            ["Russians now say they admire him", "this year"]
        );
    }

    #[test]
    fn a_content_part_inside_the_source_phrase_leaves_the_content() {
        // The content left of `text` given a source and two content parts.
        let kept = |text: &str, source: &str, parts: [&str; 2]| -> Vec<String> {
            let doc = test_support::tagged(text);
            let cue = ["according to", "said"]
                .iter()
                .find(|c| text.contains(*c))
                .expect("a cue");
            let cue = Region::single(test_support::span_of(&doc, cue));
            let mut a = Attribution::with_cue(0, cue);
            a.source = Some(Region::single(test_support::span_of(&doc, source)));
            a.content = Some(Region::new(
                parts.iter().map(|p| test_support::span_of(&doc, p)),
            ));
            drop_content_inside_source_phrase(&doc, &mut a);
            test_support::content_parts(&doc, &a)
        };
        let anonymity = "on condition of anonymity because they were not authorized to discuss it";
        assert_eq!(
            kept(
                "The decision was a mistake, according to three former officials who spoke \
                 on condition of anonymity because they were not authorized to discuss it.",
                "three former officials who spoke",
                ["The decision was a mistake", anonymity],
            ),
            ["The decision was a mistake"]
        );
        // After a comma and a relative pronoun the clause is still the source's.
        let spoke =
            "spoke on condition of anonymity because they were not authorized to discuss it";
        assert_eq!(
            kept(
                "The decision was a mistake, according to three former officials, who spoke \
                 on condition of anonymity because they were not authorized to discuss it.",
                "three former officials",
                ["The decision was a mistake", spoke],
            ),
            ["The decision was a mistake"]
        );
        // A "who" clause after the source's comma, whatever the parse.
        assert_eq!(
            kept(
                "\"They forgot about us,\" said Miller, who has voted Republican all her life.",
                "Miller",
                ["\"They forgot about us,\"", "voted Republican all her life"],
            ),
            ["\"They forgot about us,\""]
        );
    }

    #[test]
    fn a_span_takes_in_the_modifiers_left_before_it() {
        // The span `needle` of `text` after `with_leading_modifiers`.
        let widened = |text: &str, needle: &str, which: Modifiers| {
            let doc = test_support::tagged(text);
            let region = Region::single(test_support::span_of(&doc, needle));
            let r = with_leading_modifiers(&doc, &region, which);
            r.extent().map(|s| doc.slice(s).to_string())
        };
        let told = "Smith told reporters the race was over.";
        let former = "The former secretary said no.";
        for (text, needle, which, want) in [
            (
                told,
                "race was over",
                Modifiers::Determiner,
                "the race was over",
            ),
            // The listener is no modifier of the content.
            (
                told,
                "the race was over",
                Modifiers::Any,
                "the race was over",
            ),
            (former, "secretary", Modifiers::Any, "The former secretary"),
            (former, "secretary", Modifiers::Determiner, "secretary"),
        ] {
            assert_eq!(
                widened(text, needle, which).as_deref(),
                Some(want),
                "{needle}"
            );
        }
    }

    #[test]
    fn a_source_keeps_the_cues_subject_after_a_relative_pronoun() {
        // The source `source` of the cue `cue` (the first after it) in `text`.
        let kept = |text: &str, source: &str, cue: &str| {
            let doc = test_support::tagged(text);
            let src = test_support::span_of(&doc, source);
            let cue = test_support::cue_after(&doc, source, cue);
            relative_pronoun_source(&doc, &Region::single(src), cue)
                .and_then(|r| r.extent())
                .map(|s| doc.slice(s).to_string())
        };
        // The pronoun is what was said: the subject after it is the source.
        let plan = "The plan, which officials said was ready, failed.";
        assert_eq!(
            kept(plan, "which officials", "said").as_deref(),
            Some("officials")
        );
        // The pronoun is the speaker: a time phrase after it leaves.
        let smith = "Smith, who in 2010 said the plan was ready, left.";
        assert_eq!(kept(smith, "who in 2010", "said").as_deref(), Some("who"));
        // "That" as a determiner is part of the source.
        let person = "That person said the plan was ready.";
        assert_eq!(kept(person, "That person", "said"), None);
    }

    #[test]
    fn a_source_does_not_end_on_a_function_word() {
        let trimmed = |text: &str, source: &str| {
            let doc = test_support::tagged(text);
            let src = Region::single(test_support::span_of(&doc, source));
            without_dangling_words(&doc, &src)
                .and_then(|r| r.extent())
                .map(|s| doc.slice(s).to_string())
        };
        let text = "According to a statement from the White House, the president will travel.";
        assert_eq!(
            trimmed(text, "a statement from the White House, the").as_deref(),
            Some("a statement from the White House")
        );
        // A whole noun phrase and a one-word source are left as they are.
        assert_eq!(
            trimmed(text, "a statement from the White House").as_deref(),
            Some("a statement from the White House")
        );
        let both = "Both said the plan would fail.";
        assert_eq!(trimmed(both, "Both").as_deref(), Some("Both"));
        let dissent = "Justice Samuel Alito, writing in dissent, argued that it was wrong.";
        assert_eq!(
            trimmed(dissent, "Justice Samuel Alito, writing").as_deref(),
            Some("Justice Samuel Alito")
        );
    }

    #[test]
    fn a_relative_pronoun_closing_a_source_leaves_with_its_comma() {
        let doc = test_support::with_entities(
            "Bruno Fernandes, who scored twice, said the result would help.",
        );
        let mut a = Attribution::with_cue(0, Region::single(test_support::span_of(&doc, "said")));
        a.source = Some(Region::single(test_support::span_of(
            &doc,
            "Bruno Fernandes, who",
        )));
        type_attribution(&doc, &mut a);
        assert_eq!(
            test_support::extent_text(&doc, &a.source).as_deref(),
            Some("Bruno Fernandes")
        );
    }

    #[test]
    fn a_relative_pronoun_speaks_for_its_antecedent() {
        // The speaker of the word `at` in `text`.
        let speaker_of = |text: &str, at: &str| {
            let doc = test_support::with_entities(text);
            let t = doc.token_at_or_after(test_support::span_of(&doc, at).start);
            relative_antecedent_speaker(&doc, t).map(|s| s.name)
        };
        let sessions = "Senator Jeff Sessions, who said the bill was dead, left early.";
        assert_eq!(
            speaker_of(sessions, "who").as_deref(),
            Some("Jeff Sessions")
        );
        // Not a relative pronoun: no antecedent.
        assert_eq!(speaker_of(sessions, "bill"), None);
        // The clause attached elsewhere by the parse: the name before it.
        let cruz = "Ted Cruz endorses Trump, who says he is honored.";
        assert_eq!(speaker_of(cruz, "who").as_deref(), Some("Trump"));
        // "who" is not said of a place.
        let ohio = "Voters in Ohio, who have argued for it, lost.";
        assert_ne!(speaker_of(ohio, "who").as_deref(), Some("Ohio"));
        // A common noun no entity names: its words.
        let president = "The president, who said he would sign it, praised the deal.";
        assert_eq!(
            speaker_of(president, "who").as_deref(),
            Some("The president")
        );
        let agency = "Officials at the agency, which said it was reviewing the rule, left.";
        assert_eq!(speaker_of(agency, "which").as_deref(), Some("the agency"));
    }

    #[test]
    fn a_place_before_a_named_person_modifies_the_person() {
        let doc =
            test_support::with_entities("Vermont Sen. Bernie Sanders said the vote was rigged.");
        let mut a = Attribution::with_cue(0, Region::single(test_support::span_of(&doc, "said")));
        a.source = Some(Region::single(test_support::span_of(
            &doc,
            "Vermont Sen. Bernie Sanders",
        )));
        type_attribution(&doc, &mut a);
        assert_eq!(a.speaker.map(|s| s.name).as_deref(), Some("Bernie Sanders"));
        assert_eq!(a.source_kind, Some(SourceKind::Person));
        // So does a body with a title: "Rules Committee Chairman Bruce Ash".
        let text = "Rules Committee Chairman Bruce Ash criticized the plan on Saturday.";
        let doc = test_support::with_entities(text);
        let mut a =
            Attribution::with_cue(0, Region::single(test_support::span_of(&doc, "criticized")));
        a.source = Some(Region::single(test_support::span_of(
            &doc,
            "Rules Committee Chairman Bruce Ash",
        )));
        type_attribution(&doc, &mut a);
        assert_eq!(a.speaker.map(|s| s.name).as_deref(), Some("Bruce Ash"));
        assert_eq!(a.source_kind, Some(SourceKind::Person));
    }

    #[test]
    fn a_persons_supporters_are_not_that_person() {
        let text =
            "Bernie Sanders spoke. His supporters said the vote was rigged. His remarks said more.";
        let mut doc = test_support::with_entities(text);
        let attribution =
            |source, cue, content| test_support::attribution(&doc, source, cue, content);
        doc.attributions = vec![
            attribution("His supporters", "said", "the vote was rigged"),
            attribution("His remarks", "said more", "more"),
        ];
        Enricher::new().process(&mut doc).expect("enrich runs");
        let speaker = |i: usize| doc.attributions[i].speaker.as_ref().map(|s| s.name.clone());
        assert_eq!(doc.attributions[0].source_kind, Some(SourceKind::Group));
        assert_eq!(speaker(0), None);
        // Not people: the speaker stays.
        assert_eq!(speaker(1).as_deref(), Some("Bernie Sanders"));
    }

    #[test]
    fn a_persons_aides_are_not_that_person_but_a_named_aide_is() {
        let text = "Hillary Clinton spoke. A Clinton aide said the plan was dead. \
                    Supporters of Bernie Sanders said they were angry. \
                    Her chief policy aide, Jake Sullivan, said it was fine. \
                    An FBI spokesman said the case was closed.";
        let mut doc = test_support::with_entities(text);
        let attribution =
            |source, cue, content| test_support::attribution(&doc, source, cue, content);
        doc.attributions = vec![
            attribution("A Clinton aide", "said", "the plan was dead"),
            attribution("Supporters of Bernie Sanders", "said", "they were angry"),
            attribution(
                "Her chief policy aide, Jake Sullivan",
                "said",
                "it was fine",
            ),
            attribution("An FBI spokesman", "said", "the case was closed"),
        ];
        Enricher::new().process(&mut doc).expect("enrich runs");
        let speaker = |i: usize| doc.attributions[i].speaker.as_ref().map(|s| s.name.clone());
        let kind = |i: usize| doc.attributions[i].source_kind;
        // The name only modifies the people who speak.
        assert_eq!((kind(0), speaker(0)), (Some(SourceKind::Anonymous), None));
        assert_eq!((kind(1), speaker(1)), (Some(SourceKind::Group), None));
        // An apposition names the aide.
        assert_eq!(kind(2), Some(SourceKind::Person));
        assert_eq!(speaker(2).as_deref(), Some("Jake Sullivan"));
        // A spokesman speaks for the body named.
        assert_eq!(speaker(3).as_deref(), Some("FBI"));
    }

    #[test]
    fn a_named_possessor_speaks_only_when_no_one_else_is_named() {
        let text = "Hillary Clinton spoke. Clinton's campaign chairman, John Podesta, \
                    said the emails were stolen. New Hampshire Sen. Kelly Ayotte's campaign \
                    said she would vote no.";
        let mut doc = test_support::with_entities(text);
        let attribution =
            |source, cue, content| test_support::attribution(&doc, source, cue, content);
        doc.attributions = vec![
            attribution(
                "Clinton's campaign chairman, John Podesta",
                "said",
                "the emails were stolen",
            ),
            attribution(
                "New Hampshire Sen. Kelly Ayotte's campaign",
                "said",
                "she would vote no",
            ),
        ];
        Enricher::new().process(&mut doc).expect("enrich runs");
        let speaker = |i: usize| doc.attributions[i].speaker.as_ref().map(|s| s.name.clone());
        // The chairman is named: he speaks, not the one whose chairman he is.
        assert_eq!(speaker(0).as_deref(), Some("John Podesta"));
        // The campaign is nobody's but hers: the possessor still beats the place.
        assert_eq!(speaker(1).as_deref(), Some("Kelly Ayotte"));
    }

    #[test]
    fn a_pronoun_continues_a_speaker_of_its_gender_only() {
        let text = "Bernie Sanders stated that he had no regrets. She said the race was close. \
                    He added that the vote was fair.";
        let mut doc = test_support::with_entities(text);
        let attribution =
            |source, cue, content| test_support::attribution(&doc, source, cue, content);
        doc.attributions = vec![
            attribution("Bernie Sanders", "stated", "that he had no regrets"),
            attribution("She", "said", "the race was close"),
            attribution("He", "added", "that the vote was fair"),
        ];
        Enricher::new().process(&mut doc).expect("enrich runs");
        let speaker = |i: usize| doc.attributions[i].speaker.as_ref().map(|s| s.name.clone());
        assert_eq!(speaker(0).as_deref(), Some("Bernie Sanders"));
        assert_eq!(speaker(1), None);
        assert_eq!(speaker(2).as_deref(), Some("Bernie Sanders"));
    }

    #[test]
    fn it_speaks_for_the_body_or_document_just_before() {
        let text = "The Israeli military said it had struck a command center. It accused \
                    Hamas of hiding there. Cruz's campaign said the ad was false. It added \
                    that the ad would run.";
        let mut doc = test_support::with_entities(text);
        let attribution =
            |source, cue, content| test_support::attribution(&doc, source, cue, content);
        doc.attributions = vec![
            attribution(
                "The Israeli military",
                "said",
                "it had struck a command center",
            ),
            attribution("It", "accused", "Hamas of hiding there"),
            attribution("Cruz's campaign", "said", "the ad was false"),
            attribution("It", "added", "that the ad would run"),
        ];
        Enricher::new().process(&mut doc).expect("enrich runs");
        let speaker = |i: usize| doc.attributions[i].speaker.as_ref().map(|s| s.name.clone());
        assert_eq!(speaker(1).as_deref(), Some("The Israeli military"));
        // A campaign named after a person is no body "it" can be.
        assert_eq!(speaker(3), None);
    }

    #[test]
    fn a_month_or_a_name_is_not_the_modal_hedge() {
        let text = "The senator said the bill passed in May and may be repealed by Theresa May.";
        let mut doc = test_support::with_entities(text);
        doc.attributions = vec![test_support::attribution(
            &doc,
            "The senator",
            "said",
            "the bill passed in May and may be repealed by Theresa May",
        )];
        Enricher::new().process(&mut doc).expect("enrich runs");
        let hedges: Vec<&str> = doc.attributions[0]
            .certainty
            .hedges
            .iter()
            .map(|h| h.text.as_str())
            .collect();
        assert_eq!(hedges, ["may"]);
    }

    #[test]
    fn a_refusal_cue_is_not_a_hedge() {
        let mut doc = test_support::with_entities(
            "The chief executive of GridCo could not be reached for comment.",
        );
        Enricher::new().process(&mut doc).expect("enrich runs");
        let refusal = doc
            .attributions
            .iter()
            .find(|a| a.cue_kind == CueKind::NoComment)
            .expect("a no_comment attribution");
        assert!(
            refusal.certainty.hedges.is_empty(),
            "{:?}",
            refusal.certainty
        );
    }

    #[test]
    fn a_pronoun_after_an_unnamed_person_speaks_for_the_description() {
        let text = "Bernie Sanders stated that he had no regrets. A spokeswoman for the \
                    campaign said the race was close. She added that the vote was fair. \
                    He said it was over.";
        let mut doc = test_support::with_entities(text);
        let attribution =
            |source, cue, content| test_support::attribution(&doc, source, cue, content);
        doc.attributions = vec![
            attribution("Bernie Sanders", "stated", "that he had no regrets"),
            attribution(
                "A spokeswoman for the campaign",
                "said",
                "the race was close",
            ),
            attribution("She", "added", "that the vote was fair"),
            attribution("He", "said", "it was over"),
        ];
        Enricher::new().process(&mut doc).expect("enrich runs");
        let speaker = |i: usize| doc.attributions[i].speaker.as_ref().map(|s| s.name.clone());
        assert_eq!(
            speaker(2).as_deref(),
            Some("A spokeswoman for the campaign")
        );
        // "He" is not the spokeswoman: the named man before her.
        assert_eq!(speaker(3).as_deref(), Some("Bernie Sanders"));
    }

    #[test]
    fn a_title_after_a_body_names_the_person_and_a_party_names_a_group() {
        let text = "FBI Director James Comey said the case was closed. \
                    Republicans, led by Senate Majority Leader Mitch McConnell, vowed to block it.";
        let mut doc = test_support::with_entities(text);
        let attribution =
            |source, cue, content| test_support::attribution(&doc, source, cue, content);
        doc.attributions = vec![
            attribution("FBI Director James Comey", "said", "the case was closed"),
            attribution(
                "Republicans, led by Senate Majority Leader Mitch McConnell",
                "vowed",
                "to block it",
            ),
        ];
        Enricher::new().process(&mut doc).expect("enrich runs");
        let speaker = |i: usize| doc.attributions[i].speaker.as_ref().map(|s| s.name.clone());
        assert_eq!(doc.attributions[0].source_kind, Some(SourceKind::Person));
        assert_eq!(speaker(0).as_deref(), Some("James Comey"));
        assert_eq!(doc.attributions[1].source_kind, Some(SourceKind::Group));
    }

    #[test]
    fn odd_layers_never_panic() {
        let text = "Officials, who asked not to be named, said the deal was dead. \
                    “It is over. We will appeal.\n\n“And win,” she said. A Clinton aide \
                    declined to say whether. Neither X nor Y responded to requests for comment. \
                    The agency assessed with high confidence that it was over. \
                    Romney went after Trump, calling it bad and asserting that it failed. \
                    Asked about it, Mr. Hall said no. No decision was made, they said. \
                    Acme declined to comment on the deal, a move that surprised many.";
        let clean = test_support::with_entities(text);
        let len = clean.char_len();
        for variant in 0..4 {
            let mut doc = clean.clone();
            for (i, t) in doc.tokens.iter_mut().enumerate() {
                match variant {
                    // Out-of-range and cyclic heads.
                    0 if i % 3 == 0 => t.head = Some(10_000),
                    1 => t.head = Some(((i + 1) % 5) as u32),
                    _ => {}
                }
            }
            if variant == 2 {
                // A sentence running past the token layer.
                if let Some(s) = doc.sentences.last_mut() {
                    s.tokens[1] += 50;
                }
            }
            if variant == 3 {
                doc.tokens.truncate(5);
            }
            let whole = Region::single(Span::new(0, len));
            doc.attributions = vec![
                test_support::attribution(&doc, "Officials", "said", "the deal was dead"),
                Attribution {
                    content: Some(Region::single(test_support::span_of(
                        &doc,
                        "that it failed",
                    ))),
                    ..Attribution::with_cue(
                        0,
                        Region::single(test_support::span_of(&doc, "asserting")),
                    )
                },
                Attribution {
                    source: Some(whole.clone()),
                    content: Some(whole.clone()),
                    ..Attribution::with_cue(0, Region::single(Span::new(len / 2, len / 2 + 3)))
                },
            ];
            Enricher::new().process(&mut doc).expect("enrich runs");
        }
    }

    #[test]
    fn a_transcript_label_is_the_person_of_that_surname() {
        let text = "Mike Pence spoke.\nPENCE: We will win.\nSMITH: Why?\nANN SMITH: Yes.";
        let mut doc = Document::new(text);
        let person = |id: u32, name: &str| whosaid_core::Entity {
            id,
            kind: EntityKind::Person,
            name: name.into(),
            mentions: Vec::new(),
        };
        doc.entities = vec![
            person(0, "Mike Pence"),
            person(1, "Ann Smith"),
            person(2, "Bo Smith"),
        ];
        let label = |t: &str| test_support::span_of(&doc, t);
        let found = transcript_speaker(&doc, label("PENCE")).map(|(_, e)| e.name.as_str());
        assert_eq!(found, Some("Mike Pence"));
        // Two Smiths: no guess.
        assert!(transcript_speaker(&doc, label("SMITH")).is_none());
        // Only capitals count as a label.
        assert!(transcript_speaker(&doc, label("Pence")).is_none());
        // A full name tells the two apart.
        let found = transcript_speaker(&doc, label("ANN SMITH")).map(|(_, e)| e.name.as_str());
        assert_eq!(found, Some("Ann Smith"));
    }

    #[test]
    fn a_nested_claim_ends_with_the_claim_that_carries_it() {
        let text = "The president sought to “win it all,” Jane Doe, an aide, told NBC.";
        let mut doc = Document::new(text);
        doc.attributions = vec![
            // The inner content runs past the quotation into the credit.
            attr(&doc, "The president", "sought", "to “win it all,” Jane Doe"),
            attr(
                &doc,
                "Jane Doe, an aide",
                "told",
                "The president sought to “win it all,”",
            ),
        ];
        Enricher::new().process(&mut doc).unwrap();
        let a = &doc.attributions;
        assert_eq!(a[0].parent, Some(a[1].id));
        let content = a[0].content.as_ref().and_then(Region::extent).unwrap();
        assert_eq!(doc.slice(content), "to “win it all,”");
    }

    fn attr(doc: &Document, source: &str, cue: &str, content: &str) -> Attribution {
        let find = |needle: &str| test_support::span_of(doc, needle);
        Attribution {
            source: Some(Region::single(find(source))),
            content: Some(Region::single(find(content))),
            ..Attribution::with_cue(0, Region::single(find(cue)))
        }
    }

    #[test]
    fn nests_types_and_places_certainty() {
        let text = "US intelligence officials believe Putin was likely involved, NBC News reported.\n\
                    But now, officials say they have “a high level of confidence” about it, NBC reported.\n\
                    The FBI did not immediately respond to requests for comment.";
        let mut doc = Document::new(text);
        doc.attributions = vec![
            attr(
                &doc,
                "NBC News",
                "reported",
                "US intelligence officials believe Putin was likely involved",
            ),
            attr(
                &doc,
                "US intelligence officials",
                "believe",
                "Putin was likely involved",
            ),
            attr(
                &doc,
                "NBC",
                " reported.\n",
                "But now, officials say they have “a high level of confidence” about it",
            ),
            attr(
                &doc,
                "officials say",
                "say",
                "they have “a high level of confidence” about it",
            ),
        ];
        // The third cue's needle includes its spaces; narrow it to the word.
        let c = doc.attributions[2].cue.extent().unwrap();
        doc.attributions[2].cue = Region::single(Span::new(c.start + 1, c.start + 9));
        let s = doc.attributions[3]
            .source
            .as_ref()
            .unwrap()
            .extent()
            .unwrap();
        doc.attributions[3].source = Some(Region::single(Span::new(s.start, s.start + 9)));
        Enricher::new().process(&mut doc).unwrap();
        let a = &doc.attributions;
        assert_eq!(a.len(), 5, "the refusal to comment is added");
        let by_cue = |t: &str| {
            a.iter()
                .find(|x| doc.slice(x.cue.extent().unwrap()).starts_with(t))
                .unwrap()
        };
        let believe = by_cue("believe");
        let reported = by_cue("reported");
        assert_eq!(believe.parent, Some(reported.id));
        assert_eq!(believe.cue_kind, CueKind::Belief);
        assert_eq!(reported.cue_kind, CueKind::Report);
        assert_eq!(believe.certainty.likelihood, Some(Likelihood::Likely));
        assert!(
            reported.certainty.is_empty(),
            "the hedge belongs to the inner attribution"
        );
        assert_eq!(
            believe.source_kind,
            Some(whosaid_core::SourceKind::Anonymous)
        );
        let say = by_cue("say");
        assert_eq!(say.certainty.confidence, Some(Confidence::High));
        assert_eq!(say.quote, Some(QuoteKind::Mixed));
        let refusal = by_cue("did not");
        assert_eq!(refusal.cue_kind, CueKind::NoComment);
        // PolNeAR's parts: the refusing verb, and what was refused.
        assert_eq!(
            doc.slice(refusal.cue.extent().unwrap()),
            "did not immediately respond to"
        );
        assert_eq!(
            doc.slice(refusal.source.as_ref().unwrap().extent().unwrap()),
            "The FBI"
        );
        assert_eq!(
            doc.slice(refusal.content.as_ref().unwrap().extent().unwrap()),
            "requests for comment"
        );
    }

    #[test]
    fn quote_kinds() {
        let doc = Document::new(
            "“We will win,” she said. He said the plan “works” well. They said it failed.",
        );
        let q = |s: u32, e: u32| quote_kind(&doc, &Region::single(Span::new(s, e)));
        assert_eq!(q(0, 14), Some(QuoteKind::Direct));
        assert_eq!(q(33, 54), Some(QuoteKind::Mixed));
        assert_eq!(q(65, 74), Some(QuoteKind::Indirect));
        // A headline's single marks; an apostrophe alone is no quotation.
        let doc = Document::new("Trump: 'I will win Pennsylvania' ‘Yes.’ the players’ union");
        let q = |s: u32, e: u32| quote_kind(&doc, &Region::single(Span::new(s, e)));
        assert_eq!(q(7, 32), Some(QuoteKind::Direct));
        assert_eq!(q(33, 39), Some(QuoteKind::Direct));
        assert_eq!(q(40, 58), Some(QuoteKind::Indirect));
        let doc = Document::new("''We will win,'' she said. He said the plan ''works'' well.");
        let q = |s: u32, e: u32| quote_kind(&doc, &Region::single(Span::new(s, e)));
        assert_eq!(q(0, 16), Some(QuoteKind::Direct));
        assert_eq!(q(35, 57), Some(QuoteKind::Mixed));
    }
}

#[cfg(test)]
mod plural_pronoun_tests {
    use super::*;
    use test_support::{span_of, tagged};

    fn they_say(doc: &Document) -> Attribution {
        Attribution {
            source: Some(Region::single(span_of(doc, "they"))),
            source_kind: Some(SourceKind::Pronoun),
            ..Attribution::with_cue(0, Region::single(span_of(doc, "say")))
        }
    }

    #[test]
    fn they_is_the_plural_subject_that_names_people() {
        let speaker_of = |text: &str| {
            let doc = tagged(text);
            let mut attrs = vec![they_say(&doc)];
            resolve_plural_pronouns(&doc, &mut attrs);
            attrs[0].speaker.as_ref().map(|s| s.name.clone())
        };
        assert_eq!(
            speaker_of("Several unnamed officials pointed to new evidence they say shows it.")
                .as_deref(),
            Some("Several unnamed officials")
        );
        // A partitive subject, found with or without a parse that has it
        // as the subject.
        let partitive = speaker_of(
            "Two of the unnamed officials cited by NBC pointed to new evidence they say shows it.",
        );
        assert!(
            partitive
                .as_deref()
                .is_some_and(|s| s.starts_with("Two of the unnamed officials")),
            "{partitive:?}"
        );
        // A plural subject that names no one is not a speaker.
        let doc = tagged("The conflicts ended after talks that they say were hard.");
        let mut attrs = vec![they_say(&doc)];
        resolve_plural_pronouns(&doc, &mut attrs);
        assert!(attrs[0].speaker.is_none());
    }
}

#[cfg(test)]
mod index_exactness_tests {
    use super::*;

    /// [`find_parents`] as a scan of all attributions.
    fn parents_by_scan(attrs: &[Attribution]) -> Vec<Option<u32>> {
        attrs
            .iter()
            .enumerate()
            .map(|(i, a)| {
                let cue = a.cue.extent()?;
                let own = a.content.as_ref().map_or(0, Region::len);
                attrs
                    .iter()
                    .enumerate()
                    .filter(|&(j, p)| {
                        j != i
                            && p.content.as_ref().is_some_and(|c| {
                                c.parts().iter().any(|part| part.contains(&cue)) && c.len() > own
                            })
                    })
                    .min_by_key(|(_, p)| p.content.as_ref().map_or(u32::MAX, Region::len))
                    .map(|(j, _)| j as u32)
            })
            .collect()
    }

    #[test]
    fn parents_match_the_scan() {
        let mut found = 0;
        for seed in 0..40 {
            let attrs = nested::index_exactness_tests::crowded(60, seed);
            let parents = find_parents(&attrs);
            assert_eq!(parents, parents_by_scan(&attrs), "seed {seed}");
            found += parents.iter().flatten().count();
        }
        assert!(found > 0);
    }
}
