//! Foreign and wire news names its sources through their country: "Iran's
//! state news agency IRNA", "Taiwan's Defense Ministry". The body named,
//! not the country that owns it, is who speaks.

mod common;
use common::analysed;

#[test]
fn a_body_named_through_its_country_speaks_for_itself() {
    let doc = analysed(
        "China warns U.S. over Taiwan arms sale\n\n\
         Iran's state news agency IRNA reported that Tehran had also condemned the deal.\n\n\
         Taiwan's Defense Ministry thanked Washington in a statement, saying the weapons would help the island defend itself.\n\n\
         Iran's mission to the United Nations denied the allegations.\n",
    );
    let speaker_of = |source: &str| {
        doc.attributions
            .iter()
            .find(|a| {
                a.source
                    .as_ref()
                    .and_then(|s| s.extent())
                    .is_some_and(|s| doc.slice(s) == source)
            })
            .unwrap_or_else(|| panic!("no attribution to {source:?}: {:?}", doc.attributions))
            .speaker
            .as_ref()
            .map(|s| s.name.clone())
    };
    assert_eq!(
        speaker_of("Iran's state news agency IRNA").as_deref(),
        Some("IRNA")
    );
    assert_eq!(
        speaker_of("Taiwan's Defense Ministry").as_deref(),
        Some("Defense Ministry")
    );
    // A name in a phrase of the head does not outrank the possessor.
    assert_eq!(
        speaker_of("Iran's mission to the United Nations").as_deref(),
        Some("Iran")
    );
}

#[test]
fn a_place_the_source_is_in_does_not_speak() {
    let doc = analysed(
        "A judge in Ohio said the order would stand. Exit polls in New Hampshire and Iowa showed a close race.\n",
    );
    for a in &doc.attributions {
        let speaker = a.speaker.as_ref().map(|s| s.name.as_str());
        assert!(
            !matches!(speaker, Some("Ohio" | "New Hampshire" | "Iowa")),
            "{:?} speaks as {speaker:?}",
            a.source
                .as_ref()
                .and_then(|s| s.extent())
                .map(|s| doc.slice(s))
        );
    }
    assert!(doc.attributions.len() >= 2, "{:?}", doc.attributions);
}
