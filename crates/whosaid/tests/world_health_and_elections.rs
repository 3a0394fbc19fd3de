//! Wire copy from abroad, health agencies, election nights and document
//! leaks: foreign capitals the name tagger reads as people, acronyms of
//! bodies named in full ("the WHO", "the F.A.A."), a participle after a
//! trailing report, the time between a cue and a bare clause, and a
//! company named after its common noun.

mod common;
use common::{analysed, by_cue, by_source, content_parts, speaker, text_of};
use whosaid::core::{EntityKind, SourceKind};

#[test]
fn a_capital_is_no_one_to_refer_back_to() {
    let doc = analysed(
        "Ukraine says it downed dozens of drones in overnight attack on Kyiv\n\n\
         Kremlin spokesman Dmitry Peskov told reporters that Moscow remained open to talks but that Kyiv had shown no interest. He did not comment on the drone attack.\n",
    );
    let kyiv: Vec<EntityKind> = doc
        .entities
        .iter()
        .filter(|e| e.name == "Kyiv")
        .map(|e| e.kind)
        .collect();
    assert_eq!(kyiv, [EntityKind::Gpe], "{:?}", doc.entities);
    let refusal = by_cue(&doc, "did not comment on");
    assert_eq!(speaker(refusal), Some("Dmitry Peskov"));
}

#[test]
fn an_acronym_is_the_body_named_in_full() {
    let doc = analysed(
        "WHO warns of rising measles cases in Europe\n\n\
         GENEVA — Measles cases in Europe rose more than 30-fold last year, the World Health Organization said Thursday, warning that falling vaccination rates had left millions of children exposed.\n\n\
         Kazakhstan, Russia and Romania reported the most infections, the WHO said.\n",
    );
    let warns = by_cue(&doc, "warns of");
    assert_eq!(warns.source_kind, Some(SourceKind::Organization));
    assert_eq!(speaker(warns), Some("World Health Organization"));
    // The participle goes on from the report, not from the claim before it.
    let warning = by_cue(&doc, "warning");
    assert_eq!(
        text_of(&doc, &warning.source).as_deref(),
        Some("the World Health Organization")
    );
    let said: Vec<_> = doc
        .attributions
        .iter()
        .filter(|a| text_of(&doc, &a.source).as_deref() == Some("the WHO"))
        .collect();
    assert_eq!(said.len(), 1, "{:?}", doc.attributions);
    assert_eq!(speaker(said[0]), Some("World Health Organization"));

    let doc = analysed(
        "Senior officials at the Federal Aviation Administration were warned about the flaw.\n\n\
         The F.A.A. said in a statement that it takes every safety concern seriously.\n",
    );
    let statement = by_cue(&doc, "said in a statement");
    assert_eq!(speaker(statement), Some("Federal Aviation Administration"));
}

#[test]
fn a_projection_carries_the_clause_and_its_participle() {
    let doc = analysed(
        "Election night\n\n\
         Democrat Angela Harris won the Pennsylvania governor's race on Tuesday, The Associated Press projected, defeating Republican Tom Becker in a close contest.\n",
    );
    let projected = by_cue(&doc, "projected");
    let parts = content_parts(&doc, projected);
    assert_eq!(
        parts,
        [
            "Democrat Angela Harris won the Pennsylvania governor's race on Tuesday",
            "defeating Republican Tom Becker in a close contest"
        ]
    );
    // A participle that reports is a claim of its own.
    let doc =
        analysed("Fire\n\nThe fire started near a power line, officials said, citing witnesses.\n");
    let said = by_cue(&doc, "said");
    assert_eq!(
        text_of(&doc, &said.content).as_deref(),
        Some("The fire started near a power line")
    );
}

#[test]
fn the_time_of_saying_is_not_what_was_said() {
    let doc = analysed(
        "Drones\n\n\
         Ukraine's air force said on Sunday it had shot down 38 drones.\n\n\
         Officials announced Tuesday night they would close the border.\n\n\
         The minister said this year will be hard.\n",
    );
    let contents: Vec<Option<String>> = doc
        .attributions
        .iter()
        .map(|a| text_of(&doc, &a.content))
        .collect();
    for want in [
        "it had shot down 38 drones",
        "they would close the border",
        // A time that is the clause's subject stays.
        "this year will be hard",
    ] {
        assert!(
            contents.iter().any(|c| c.as_deref() == Some(want)),
            "{want:?} in {contents:?}"
        );
    }
}

#[test]
fn a_company_named_after_its_noun_is_a_company() {
    let doc = analysed(
        "Crash\n\n\
         In one email, an engineer in the agency's Seattle office wrote that the system can fail silently.\n\n\
         The manufacturer, Aerion Systems, denied that it had pressured regulators.\n",
    );
    let denied = by_cue(&doc, "denied");
    assert_eq!(denied.source_kind, Some(SourceKind::Organization));
    // The office's city is where the engineer works, not who wrote.
    let wrote = by_cue(&doc, "wrote");
    assert_ne!(speaker(wrote), Some("Seattle"));
}

#[test]
fn a_family_name_first_or_a_first_name_alone_names_the_person() {
    let doc = analysed(
        "Biden and Xi agree to restore military talks\n\n\
         President Biden and Chinese leader Xi Jinping agreed on Wednesday to resume military talks, the White House said.\n\n\
         Mr. Xi said the world was big enough for both countries to succeed.\n\n\
         Hillary Clinton spoke first. Hillary said the plan would work.\n",
    );
    assert_eq!(speaker(by_source(&doc, "Mr. Xi")), Some("Xi Jinping"));
    assert_eq!(speaker(by_source(&doc, "Hillary")), Some("Hillary Clinton"));
}

#[test]
fn where_a_closing_cue_was_said_is_not_what_was_said() {
    let doc = analysed(
        "Obituary\n\n\
         She graduated first in her class in 1958 but was turned down by every firm she applied to, she later recalled in an oral history.\n",
    );
    let recalled = by_cue(&doc, "later recalled");
    assert_eq!(
        text_of(&doc, &recalled.content).as_deref(),
        Some("She graduated first in her class in 1958 but was turned down by every firm she applied to")
    );
}

#[test]
fn a_participle_speaks_for_the_main_clauses_subject_alone() {
    let doc = analysed(
        "Iowa\n\n\
         On Sunday, Pastor Bradley Cranston endorsed Senator Ted Cruz of Texas, urging his parishioners to also consider voting for him.\n",
    );
    let urging = by_cue(&doc, "urging");
    assert_eq!(
        text_of(&doc, &urging.source).as_deref(),
        Some("Pastor Bradley Cranston")
    );
}

#[test]
fn an_it_after_a_bodys_claim_is_that_body() {
    let doc = analysed(
        "Nike warns\n\n\
         Nike shares fell 12 percent on Thursday after the sportswear maker cut its revenue forecast.\n\n\
         The company now expects sales to fall in its fiscal second quarter, it said in a regulatory filing.\n",
    );
    let said = by_cue(&doc, "said");
    assert_eq!(text_of(&doc, &said.source).as_deref(), Some("it"));
    assert_eq!(speaker(said), Some("Nike"));
}
