//! Social-media round-ups ("“…,” one user posted on X."), briefing
//! transcripts with speaker labels in capitals, and reporting verbs with a
//! duration or a second predicate after them.

mod common;
use common::{analysed, by_cue, text_of};
use whosaid::core::Attribution;

#[test]
fn posts_quoted_in_a_round_up_have_their_posters() {
    let doc = analysed(
        "Fans react as singer cancels tour\n\n\
         Some fans were less forgiving. \"Third time this year,\" one user posted on X. Another wrote that she had flown from Brazil for the Paris show.\n\n\
         \"Never again,\" one fan posted.\n",
    );
    let posted: Vec<&Attribution> = doc
        .attributions
        .iter()
        .filter(|a| a.cue.extent().is_some_and(|c| doc.slice(c) == "posted"))
        .collect();
    assert_eq!(posted.len(), 2, "{:?}", doc.attributions);
    assert_eq!(
        text_of(&doc, &posted[0].source).as_deref(),
        Some("one user")
    );
    assert_eq!(
        text_of(&doc, &posted[0].content).as_deref(),
        Some("\"Third time this year,\"")
    );
    assert_eq!(text_of(&doc, &posted[1].source).as_deref(), Some("one fan"));
    assert_eq!(
        text_of(&doc, &posted[1].content).as_deref(),
        Some("\"Never again,\"")
    );
    // "X." ends its sentence: the next writer's content is hers alone.
    let wrote = by_cue(&doc, "wrote");
    assert_eq!(text_of(&doc, &wrote.source).as_deref(), Some("Another"));
    assert_eq!(
        text_of(&doc, &wrote.content).as_deref(),
        Some("that she had flown from Brazil for the Paris show")
    );
}

#[test]
fn a_quotation_before_a_pronoun_and_an_adverb_has_the_pronoun_for_source() {
    let doc = analysed(
        "Paper criticises developer\n\n\
         The Times profiled the developer in 2010. \"But since then, his fortunes have changed,\" it further wrote.\n",
    );
    let wrote = by_cue(&doc, "wrote");
    assert_eq!(text_of(&doc, &wrote.source).as_deref(), Some("it"));
    assert_eq!(
        text_of(&doc, &wrote.content).as_deref(),
        Some("\"But since then, his fortunes have changed,\"")
    );
}

#[test]
fn how_long_something_was_said_is_neither_cue_nor_content() {
    let doc = analysed(
        "Pilot shortage\n\n\
         Industry groups have warned for years that the pipeline is too thin.\n\n\
         The union has argued for months that pay is too low.\n",
    );
    let warned = by_cue(&doc, "have warned");
    assert_eq!(
        text_of(&doc, &warned.content).as_deref(),
        Some("that the pipeline is too thin")
    );
    let argued = by_cue(&doc, "has argued");
    assert_eq!(
        text_of(&doc, &argued.content).as_deref(),
        Some("that pay is too low")
    );
}

#[test]
fn a_second_predicate_of_the_source_is_not_what_was_said() {
    let doc = analysed(
        "Delta shares rise\n\n\
         Analysts at J.P. Morgan, in a note to clients, called the outlook \"conservative\" and raised their price target to $58.\n\n\
         Luis Osuna, the group's president, said the group is not an advocacy group and supports candidates on both sides.\n",
    );
    let called = by_cue(&doc, "called");
    assert_eq!(
        text_of(&doc, &called.content).as_deref(),
        Some("the outlook \"conservative\"")
    );
    // After a clause of the content's own, the verb may be that clause's.
    let said = by_cue(&doc, "said");
    assert_eq!(
        text_of(&doc, &said.content).as_deref(),
        Some("the group is not an advocacy group and supports candidates on both sides")
    );
}

#[test]
fn a_he_in_a_briefing_turn_is_not_the_woman_speaking() {
    let doc = analysed(
        "Press briefing\n\n\
         MS. JEAN-PIERRE: Good afternoon, everyone. The president spoke with congressional leaders this morning. He made clear that he will not accept cuts to Social Security.\n\n\
         Q: Will he sign the bill?\n",
    );
    let turn = by_cue(&doc, ":");
    assert_eq!(
        text_of(&doc, &turn.source).as_deref(),
        Some("MS. JEAN-PIERRE")
    );
    let made_clear = by_cue(&doc, "made clear");
    assert!(
        made_clear
            .speaker
            .as_ref()
            .is_none_or(|s| !s.name.contains("JEAN-PIERRE")),
        "{:?}",
        made_clear.speaker
    );
}
