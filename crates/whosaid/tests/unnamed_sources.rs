//! Unnamed sources in wire copy: a relative clause that withholds the name
//! makes the source anonymous (and its words are no speaker to resolve),
//! and a pronoun right after an unnamed speaker goes on with that speaker.

use whosaid::core::{Attribution, Document, SourceKind};

mod common;
use common::analysed;

fn with_content<'d>(doc: &'d Document, starts: &str) -> &'d Attribution {
    doc.attributions
        .iter()
        .find(|a| {
            a.content
                .as_ref()
                .and_then(|c| c.extent())
                .is_some_and(|c| doc.slice(c).trim_start_matches('"').starts_with(starts))
        })
        .unwrap_or_else(|| panic!("no content starting {starts:?}"))
}

#[test]
fn a_source_granted_anonymity_in_its_relative_clause_is_anonymous() {
    let doc = analysed(
        "Sen. Richard Blumenthal asked Boeing to turn over documents by May 1.\n\n\
         The Federal Aviation Administration said it was investigating the allegations. \
         An FAA spokesman, who spoke on condition of anonymity because he was not authorized \
         to discuss the probe, said inspectors had visited the plant twice this month.\n",
    );
    let a = with_content(&doc, "inspectors had visited");
    assert_eq!(a.source_kind, Some(SourceKind::Anonymous));
    // "he" in the clause is the spokesman, not the senator.
    assert!(a
        .speaker
        .as_ref()
        .is_none_or(|s| s.name != "Richard Blumenthal"));
}

#[test]
fn a_pronoun_goes_on_with_the_unnamed_speaker_just_quoted() {
    let doc = analysed(
        "Police Chief Linda Torres said officers had responded to calls in 2021. \
         \"We are reviewing every one of those contacts,\" Torres said.\n\n\
         A witness, who asked not to be named for fear of retaliation, said she heard at least six \
         shots before people began running. \"Everyone was screaming,\" she said.\n",
    );
    let a = with_content(&doc, "Everyone was screaming");
    assert_eq!(
        a.speaker.as_ref().map(|s| s.name.as_str()),
        Some("A witness")
    );
}
