//! Interviews set as questions and answers ("Q: … / A: …"): each answer is
//! the interviewee's turn, and the interviewee is the person the
//! introduction presents.

use whosaid::core::SourceKind;

mod common;
use common::analysed;

#[test]
fn every_answer_of_a_q_and_a_is_the_interviewees() {
    let doc = analysed(
        "Ex-diplomat says sanctions are working\n\n\
         Former ambassador Richard Haines spent three decades in the Foreign Service. \
         Haines spoke with us about the war. Laura Chen asked the questions.\n\n\
         Q: Are the sanctions working?\n\n\
         A: They are working, slowly. The economy is running on military spending.\n\n\
         Q: Some analysts say the West has already lost.\n\n\
         A: I think that is premature. Look at the oil price cap.\n",
    );
    let answers: Vec<_> = doc
        .attributions
        .iter()
        .filter(|a| {
            a.source
                .as_ref()
                .and_then(|s| s.extent())
                .is_some_and(|s| doc.slice(s) == "A")
        })
        .collect();
    assert_eq!(answers.len(), 2, "{:?}", doc.attributions);
    for a in &answers {
        assert_eq!(
            a.speaker.as_ref().map(|s| s.name.as_str()),
            Some("Richard Haines")
        );
        assert_eq!(a.source_kind, Some(SourceKind::Person));
    }
    let contents: Vec<&str> = answers
        .iter()
        .filter_map(|a| a.content.as_ref().and_then(|c| c.extent()))
        .map(|c| doc.slice(c))
        .collect();
    assert!(
        contents
            .contains(&"They are working, slowly. The economy is running on military spending."),
        "{contents:?}"
    );
    // The question is nobody's claim.
    assert!(!doc.attributions.iter().any(|a| a
        .source
        .as_ref()
        .and_then(|s| s.extent())
        .is_some_and(|s| doc.slice(s) == "Q")));
}
