//! Wire, markets, press-release and British copy: a press release's
//! dateline and the company before "today announced", its end matter
//! ("About …", "Media Contact:"), a gloss ranking the event after a closing
//! report ("…, South Korea's military said, the latest in a series…"), a
//! headline's "…, sources say", a company named by its first word, a
//! "they" going on with anonymous people, a report set against the claim
//! ("…, although it warned…"), and a clause's only verb read as a
//! participle ("China's foreign ministry called on all sides…").

mod common;
use common::{analysed, by_cue, by_source, content_parts, speaker, text_of};
use whosaid::core::SourceKind;

#[test]
fn a_press_release_names_the_company_and_drops_its_end_matter() {
    let doc = analysed(
        "Norvia Health Announces FDA Clearance of Home Heart Monitor\n\n\
         BOSTON, March 4, 2026 /PRNewswire/ -- Norvia Health, Inc., a digital health company, today announced that the U.S. Food and Drug Administration has granted clearance for its CardioBand monitor.\n\n\
         Norvia expects to begin shipping CardioBand to health systems in the second quarter of 2026.\n\n\
         About Norvia Health\n\
         Norvia Health develops wearable devices for remote cardiac care.\n\n\
         Media Contact:\n\
         Rachel Kim\n",
    );
    let announced = by_cue(&doc, "announced");
    assert_eq!(
        text_of(&doc, &announced.source).as_deref(),
        Some("Norvia Health, Inc., a digital health company")
    );
    assert_eq!(announced.source_kind, Some(SourceKind::Organization));
    let expects = by_cue(&doc, "expects");
    assert_eq!(speaker(expects), Some("Norvia Health, Inc."));
    let removed: Vec<&str> = doc.boilerplate.iter().map(|b| doc.slice(b.span)).collect();
    assert_eq!(
        removed,
        [
            "About Norvia Health",
            "Norvia Health develops wearable devices for remote cardiac care.",
            "Media Contact:",
            "Rachel Kim"
        ]
    );
}

#[test]
fn a_gloss_ranking_the_event_is_not_what_the_source_said() {
    let doc = analysed(
        "Launch\n\n\
         North Korea fired a ballistic missile into the sea off its east coast on Thursday, South Korea's military said, the latest in a series of launches that have raised tensions in the region.\n",
    );
    let said = by_cue(&doc, "said");
    assert_eq!(
        text_of(&doc, &said.content).as_deref(),
        Some("North Korea fired a ballistic missile into the sea off its east coast on Thursday")
    );
}

#[test]
fn markets_copy_keeps_its_anonymous_sources_and_companies_apart() {
    let doc = analysed(
        "Harlow Group weighs sale of logistics arm, sources say\n\n\
         Harlow Group is exploring a sale of its logistics division, according to people familiar with the matter.\n\n\
         The British conglomerate has hired advisers to sound out potential buyers, the people said. No final decision has been made, and Harlow could opt to keep the unit, they said.\n\n\
         Activist investor Greystone Capital has argued that the company is worth more in pieces. In a letter to the board last month, Greystone said the logistics arm was \"chronically undervalued\" within the group.\n",
    );
    let say = by_cue(&doc, "say");
    assert_eq!(text_of(&doc, &say.source).as_deref(), Some("sources"));
    assert_eq!(
        text_of(&doc, &say.content).as_deref(),
        Some("Harlow Group weighs sale of logistics arm")
    );
    let they = by_source(&doc, "they");
    assert_eq!(speaker(they), Some("the people"));
    let greystone = by_source(&doc, "Greystone");
    assert_eq!(speaker(greystone), Some("Greystone Capital"));
}

#[test]
fn a_contrasted_report_ends_the_claim_before_it() {
    let doc = analysed(
        "Bins\n\n\
         Friends of the Earth said councils that collected less often tended to recycle more, although it warned that food waste must still be collected weekly.\n",
    );
    let said = by_cue(&doc, "said");
    assert_eq!(
        text_of(&doc, &said.content).as_deref(),
        Some("councils that collected less often tended to recycle more")
    );
    let warned = by_cue(&doc, "warned");
    assert_eq!(warned.parent, None);
}

#[test]
fn a_sentences_only_verb_is_its_cue_and_its_subject_the_source() {
    let doc = analysed(
        "Restraint\n\n\
         China's foreign ministry called on all sides to exercise restraint.\n",
    );
    let called = by_cue(&doc, "called on");
    assert_eq!(
        text_of(&doc, &called.source).as_deref(),
        Some("China's foreign ministry")
    );
    assert_eq!(
        text_of(&doc, &called.content).as_deref(),
        Some("all sides to exercise restraint")
    );
}

#[test]
fn a_storms_name_is_no_speaker_and_a_year_no_claim() {
    let doc = analysed(
        "Hurricane Delia strengthens\n\n\
         Hurricane Delia strengthened into a Category 4 storm on Tuesday, the National Hurricane Center said.\n\n\
         Meteorologist Rick Knabb told CNN that Delia could intensify further over the warm waters of the Gulf. \"We've seen this movie before,\" he said.\n\n\
         As the economist John Maynard Keynes predicted in 1930, rising productivity should eventually buy us more leisure.\n",
    );
    let he = by_source(&doc, "he");
    assert_eq!(speaker(he), Some("Rick Knabb"));
    assert!(doc
        .entities
        .iter()
        .all(|e| !(e.name == "Delia" && e.kind == whosaid::core::EntityKind::Person)));
    let predicted = by_cue(&doc, "predicted");
    assert_eq!(
        text_of(&doc, &predicted.content).as_deref(),
        Some("rising productivity should eventually buy us more leisure")
    );
}

#[test]
fn a_ruling_keeps_neither_its_tally_nor_the_writers_gloss() {
    let doc = analysed(
        "Ruling\n\n\
         The Supreme Court ruled 6-3 on Friday that federal agencies cannot impose large civil penalties without a jury trial, a decision that could upend enforcement at dozens of regulators.\n",
    );
    let ruled = by_cue(&doc, "ruled");
    assert_eq!(
        text_of(&doc, &ruled.content).as_deref(),
        Some("that federal agencies cannot impose large civil penalties without a jury trial")
    );
}

#[test]
fn a_reporter_named_after_the_outlet_is_the_speaker() {
    let doc = analysed(
        "Apple\n\n\
         Bloomberg's Mark Gurman reported last month that the company had shelved work on a foldable iPad.\n",
    );
    let reported = by_cue(&doc, "reported last month");
    assert_eq!(speaker(reported), Some("Mark Gurman"));
    assert_eq!(reported.source_kind, Some(SourceKind::Person));
}

#[test]
fn a_source_with_claims_in_its_relative_clause_stays_whole() {
    let doc = analysed(
        "Arrest\n\n\
         A neighbor, who asked that her name not be used because she feared for her safety, said she heard shouting for about an hour before officers arrived.\n",
    );
    let said = by_cue(&doc, "said");
    assert_eq!(
        text_of(&doc, &said.source).as_deref(),
        Some("A neighbor, who asked that her name not be used because she feared for her safety")
    );
    assert_eq!(said.source.as_ref().map(|s| s.parts().len()), Some(1));
}

#[test]
fn a_projection_inside_the_sentence_takes_the_clause_and_the_participle() {
    let doc = analysed(
        "Results\n\n\
         Sen. Maria Ortiz has won re-election in Virginia, NBC News projects, defeating Republican challenger Tom Hale.\n",
    );
    let projects = by_cue(&doc, "projects");
    assert_eq!(text_of(&doc, &projects.source).as_deref(), Some("NBC News"));
    let parts = content_parts(&doc, projects);
    assert_eq!(
        parts,
        [
            "Sen. Maria Ortiz has won re-election in Virginia",
            "defeating Republican challenger Tom Hale"
        ]
    );
}

#[test]
fn a_participle_speaks_for_the_subject_of_its_clause() {
    let doc = analysed(
        "Taxes\n\n\
         Romney went after Trump on Wednesday over his refusal to release his taxes, calling it disqualifying and asserting that the only explanation must be a bombshell.\n",
    );
    let asserting = by_cue(&doc, "asserting");
    assert_eq!(text_of(&doc, &asserting.source).as_deref(), Some("Romney"));
}

#[test]
fn an_opening_question_ends_at_its_comma_and_a_name_keeps_its_particle() {
    let doc = analysed(
        "Transfer\n\n\
         Asked about the reports on Friday, United manager Erik ten Hag said: \"I don't talk about players from other clubs.\"\n",
    );
    let asked = by_cue(&doc, "Asked about");
    assert_eq!(
        text_of(&doc, &asked.content).as_deref(),
        Some("the reports on Friday")
    );
    let said = by_cue(&doc, "said:");
    assert_eq!(speaker(said), Some("Erik ten Hag"));
}

#[test]
fn a_participle_gap_ends_the_claim() {
    let doc = analysed(
        "Iowa\n\n\
         DES MOINES, Iowa — Sen. Ted Cruz accused Sen. Marco Rubio on Monday of supporting \"amnesty\" for millions of undocumented immigrants, escalating a feud that has dominated the final week before the caucuses.\n",
    );
    let accused = by_cue(&doc, "accused");
    assert_eq!(
        text_of(&doc, &accused.content).as_deref(),
        Some("Sen. Marco Rubio on Monday of supporting \"amnesty\" for millions of undocumented immigrants")
    );
}

#[test]
fn who_broke_the_story_and_where_it_came_from() {
    let doc = analysed(
        "Shutdown\n\n\
         Senate Democrats are weighing whether to force another shutdown vote next month, as first reported by Axios.\n\n\
         Majority Leader John Thune, R-S.D., dismissed the idea as \"a political stunt,\" according to a transcript of his remarks.\n\n\
         The White House has signaled it would not negotiate, as Politico reported last week.\n",
    );
    let first = by_cue(&doc, "as first reported by");
    assert_eq!(text_of(&doc, &first.source).as_deref(), Some("Axios"));
    assert_eq!(
        text_of(&doc, &first.content).as_deref(),
        Some("Senate Democrats are weighing whether to force another shutdown vote next month")
    );
    let according = by_cue(&doc, "according to");
    assert_eq!(
        text_of(&doc, &according.source).as_deref(),
        Some("a transcript of his remarks")
    );
    let reported = by_cue(&doc, "reported");
    assert_eq!(text_of(&doc, &reported.source).as_deref(), Some("Politico"));
}
