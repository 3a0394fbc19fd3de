//! Police and court copy, celebrity news: a record closing a sentence
//! ("…, the affidavit states."), a report with its hearer ("…, the reps
//! confirmed to People on Thursday."), a relative's description before the
//! name ("his sister, Danielle Hill, told KUSA-TV"), and the writer's
//! concession after a closing source ("…, according to multiple reports,
//! though neither ever confirmed it").

mod common;
use common::{analysed, by_cue, by_source, content_parts, text_of};
use whosaid::core::SourceKind;

#[test]
fn a_record_or_a_hearer_after_the_cue_closes_a_report() {
    let doc = analysed(
        "Shooting\n\n\
         Witnesses told investigators he returned about 20 minutes later and fired several shots at the door, the affidavit states.\n\n\
         Singer Lana Cruz and actor Theo Marsh have ended their relationship after three years together, representatives for both confirmed to People on Thursday.\n",
    );
    let states = by_cue(&doc, "states");
    assert_eq!(
        text_of(&doc, &states.source).as_deref(),
        Some("the affidavit")
    );
    assert_eq!(states.source_kind, Some(SourceKind::Document));
    assert_eq!(
        text_of(&doc, &states.content).as_deref(),
        Some("Witnesses told investigators he returned about 20 minutes later and fired several shots at the door")
    );
    let confirmed = by_cue(&doc, "confirmed");
    assert_eq!(
        text_of(&doc, &confirmed.content).as_deref(),
        Some("Singer Lana Cruz and actor Theo Marsh have ended their relationship after three years together")
    );
    // A plural noun closing a sentence is no cue: "…, in several states."
    let doc = analysed("Polls\n\nThe law passed last year, in several states.\n");
    assert!(doc.attributions.is_empty(), "{:?}", doc.attributions);
}

#[test]
fn a_description_before_the_name_is_the_source() {
    let doc = analysed(
        "Victim\n\n\
         \"Marcus was the kind of guy who would step in front of anyone,\" his sister, Danielle Hill, told KUSA-TV. \"He did that for a living.\"\n",
    );
    let told = by_cue(&doc, "told");
    assert_eq!(
        text_of(&doc, &told.source).as_deref(),
        Some("his sister, Danielle Hill")
    );
    let parts = content_parts(&doc, told);
    assert_eq!(
        parts,
        [
            "\"Marcus was the kind of guy who would step in front of anyone,\"",
            "\"He did that for a living.\""
        ]
    );
}

#[test]
fn a_concession_after_a_closing_source_is_the_writers() {
    let doc = analysed(
        "Split\n\n\
         The pair met on the set of the film and were engaged briefly in 2022, according to multiple reports, though neither ever confirmed the engagement.\n",
    );
    let according = by_cue(&doc, "according to");
    assert_eq!(
        text_of(&doc, &according.content).as_deref(),
        Some("The pair met on the set of the film and were engaged briefly in 2022")
    );
}

#[test]
fn a_content_over_its_own_source_and_cue_is_cut_back() {
    let doc = analysed(
        "Earnings\n\n\
         Chief financial officer Matthew Friend said promotions would weigh on margins through the spring.\n\n\
         Sarah Patel, whose two children attend Bren Mar Park Elementary, said the board had ignored families' concerns.\n\n\
         \"I've loved every minute of this job, but it's time for the next chapter,\" Whitmer said in an interview on CNN's \"State of the Union.\"\n",
    );
    let friend = by_source(&doc, "Chief financial officer Matthew Friend");
    assert_eq!(
        text_of(&doc, &friend.content).as_deref(),
        Some("promotions would weigh on margins through the spring")
    );
    let patel = by_source(
        &doc,
        "Sarah Patel, whose two children attend Bren Mar Park Elementary",
    );
    assert_eq!(
        text_of(&doc, &patel.content).as_deref(),
        Some("the board had ignored families' concerns")
    );
    // The programme's title in quotation marks is where, not what.
    let whitmer = by_source(&doc, "Whitmer");
    assert_eq!(
        text_of(&doc, &whitmer.content).as_deref(),
        Some("\"I've loved every minute of this job, but it's time for the next chapter,\"")
    );
}
