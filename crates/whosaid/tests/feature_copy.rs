//! Health and feature copy credits its experts with varied verbs, often
//! after the claim ("…, notes registered dietitian Kelly Jones."), then
//! goes on with a pronoun for the expert just credited; an opinion
//! column speaks as the writer its byline names.

mod common;
use common::analysed;

#[test]
fn experts_credited_after_their_claims_speak_on_in_the_next_sentence() {
    let doc = analysed(
        "Is fasting good for you?\n\n\
         \"For most people, the benefits come down to eating fewer calories,\" explains Dr. Priya Nair, an endocrinologist.\n\n\
         Still, some people find fasting easier to stick with, notes registered dietitian Kelly Jones. \
         She says clients who snack late at night often do well with an early cutoff.\n\n\
         Not everyone should try it, cautions Jones. Pregnant women should talk to their doctor first, she advises.\n",
    );
    let by_cue = |cue: &str| {
        doc.attributions
            .iter()
            .find(|a| a.cue.extent().is_some_and(|c| doc.slice(c) == cue))
            .unwrap_or_else(|| panic!("no attribution on {cue:?}"))
    };
    let source = |cue: &str| {
        by_cue(cue)
            .source
            .as_ref()
            .and_then(|s| s.extent())
            .map(|s| doc.slice(s))
    };
    let speaker = |cue: &str| by_cue(cue).speaker.as_ref().map(|s| s.name.as_str());
    assert_eq!(source("notes"), Some("registered dietitian Kelly Jones"));
    assert_eq!(source("cautions"), Some("Jones"));
    // "She says" follows the credit to Kelly Jones, not the earlier expert.
    assert_eq!(speaker("says"), Some("Kelly Jones"));
    assert_eq!(source("advises"), Some("she"));
    let content = by_cue("cautions")
        .content
        .as_ref()
        .and_then(|c| c.extent())
        .map(|c| doc.slice(c));
    assert_eq!(content, Some("Not everyone should try it"));
}

#[test]
fn an_opinion_columns_i_is_the_writer_the_byline_names() {
    let doc = analysed(
        "Opinion: The minimum wage debate is missing the point\n\n\
         By Dana Whitfield\n\n\
         I believe the real question is not whether to raise the wage but how fast. \
         \"I can pay $15,\" one restaurant owner told me.\n",
    );
    assert_eq!(doc.meta.authors, ["Dana Whitfield"]);
    let believe = doc
        .attributions
        .iter()
        .find(|a| a.cue.extent().is_some_and(|c| doc.slice(c) == "believe"))
        .expect("an attribution on \"believe\"");
    assert_eq!(
        believe.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Dana Whitfield")
    );
    // The quoted "I" is not the writer.
    let writers = doc
        .attributions
        .iter()
        .filter(|a| {
            a.speaker
                .as_ref()
                .is_some_and(|s| s.name == "Dana Whitfield")
        })
        .count();
    assert_eq!(writers, 1, "{:?}", doc.attributions);
}
