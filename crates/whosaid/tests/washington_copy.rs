//! Washington copy: lawmakers named with party and state ("Sen. Claire
//! McCaskill (D-Mo.)"), clauses the tagger's left-to-right reading gets
//! wrong ("said the union expected…", "tweeted in the early morning hours
//! that…"), and verbs that share a subject and an auxiliary.

mod common;
use common::{analysed, by_cue, text_of};
use whosaid::core::Attribution;

#[test]
fn a_lawmakers_party_and_state_do_not_end_the_sentence_or_the_source() {
    let doc = analysed(
        "In an interview on CBS's \"Face the Nation,\" House Speaker Paul D. Ryan (R-Wis.) said the recent spate of shootings demands more listening.\n\n\
         Democratic presidential candidate Sen. Bernie Sanders (I-Vt.) on Saturday criticized the accord, saying the agreement goes nowhere near far enough.\n\n\
         As House Speaker Paul Ryan (R-Wis.) has pointed out, that is the textbook definition of racism.\n",
    );
    let said = by_cue(&doc, "said");
    assert_eq!(
        text_of(&doc, &said.source).as_deref(),
        Some("House Speaker Paul D. Ryan (R-Wis.)")
    );
    let criticized = by_cue(&doc, "criticized");
    assert_eq!(
        text_of(&doc, &criticized.source).as_deref(),
        Some("Democratic presidential candidate Sen. Bernie Sanders (I-Vt.)")
    );
    // The person named after the body and title speaks, not "House".
    let pointed = by_cue(&doc, "has pointed out");
    assert!(
        pointed
            .speaker
            .as_ref()
            .is_some_and(|s| s.name.ends_with("Ryan")),
        "{:?}",
        pointed.speaker
    );
}

#[test]
fn clauses_the_tagger_misreads_are_still_reported() {
    let doc = analysed(
        "Phil Smith, a spokesman for the United Mine Workers of America, said the union expected production to improve at the mine when the broader coal market recovered.\n\n\
         Kadzik's refusal to answer fully did not go over well with Republicans, and the meeting deteriorated from there, said one GOP source in the room.\n",
    );
    let said: Vec<&Attribution> = doc
        .attributions
        .iter()
        .filter(|a| a.cue.extent().is_some_and(|c| doc.slice(c) == "said"))
        .collect();
    assert_eq!(said.len(), 2, "{:?}", doc.attributions);
    assert_eq!(
        text_of(&doc, &said[0].content).as_deref(),
        Some("the union expected production to improve at the mine when the broader coal market recovered")
    );
    assert_eq!(
        text_of(&doc, &said[1].source).as_deref(),
        Some("one GOP source in the room")
    );
    let doc = analysed(
        "Trump tweeted in the early morning hours that Machado was “disgusting” and “a con” and encouraged Americans to “check out” her tape.\n",
    );
    let tweeted = by_cue(&doc, "tweeted");
    assert_eq!(text_of(&doc, &tweeted.source).as_deref(), Some("Trump"));
    assert!(text_of(&doc, &tweeted.content).is_some_and(|c| c.starts_with("that Machado was")));
}

#[test]
fn a_second_participle_shares_the_first_ones_subject() {
    let doc = analysed(
        "Republican nominee Donald Trump, in particular, has sharply criticized long-standing free-trade deals and called for steep new tariffs on goods from China and Mexico.\n",
    );
    let called = by_cue(&doc, "called for");
    assert_eq!(
        called.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Donald Trump"),
        "{:?}",
        doc.attributions
    );
}
