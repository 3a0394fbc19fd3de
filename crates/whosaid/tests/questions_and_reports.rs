//! Answers to questions ("…,” the coach said when asked about…"), refusals
//! in quotation marks, reports that carry a whole claim ("X is expected
//! to…, according to officials"), a country speaking through its ministry,
//! and quotations placed by a phrase after them.

mod common;
use common::{analysed, by_cue, content_parts, text_of};
use whosaid::core::{Attribution, CueKind};

#[test]
fn being_asked_is_apart_from_the_answer() {
    let doc = analysed(
        "Chiefs notebook\n\n\
         \"We'll see,\" coach Andy Reid said with a smile when asked about the quarterback's ankle. \"He's a tough kid.\"\n\n\
         \"No comment,\" she said when asked about the report.\n",
    );
    let said = by_cue(&doc, "said with a smile");
    assert_eq!(
        text_of(&doc, &said.source).as_deref(),
        Some("coach Andy Reid")
    );
    let parts = content_parts(&doc, said);
    assert_eq!(parts, ["\"We'll see,\"", "\"He's a tough kid.\""]);
    let asked: Vec<&Attribution> = doc
        .attributions
        .iter()
        .filter(|a| {
            a.cue
                .extent()
                .is_some_and(|c| doc.slice(c) == "asked about")
        })
        .collect();
    assert_eq!(asked.len(), 2, "{:?}", doc.attributions);
    // Whoever asked, the answerer did not.
    assert!(asked.iter().all(|a| a.source.is_none()));
    assert_eq!(
        text_of(&doc, &asked[0].content).as_deref(),
        Some("the quarterback's ankle")
    );
    // The refusal is hers, once.
    let refusals: Vec<&Attribution> = doc
        .attributions
        .iter()
        .filter(|a| a.cue_kind == CueKind::NoComment)
        .collect();
    assert_eq!(refusals.len(), 1, "{refusals:?}");
    assert_eq!(text_of(&doc, &refusals[0].source).as_deref(), Some("she"));
}

#[test]
fn a_report_carrying_a_claim_leaves_it_whole() {
    let doc = analysed(
        "Summit\n\n\
         Philippine President Ferdinand Marcos Jr. is expected to raise the issue at the summit, according to two officials familiar with his plans.\n",
    );
    let expected = by_cue(&doc, "is expected");
    let content = text_of(&doc, &expected.content).unwrap_or_default();
    assert!(
        content.ends_with("to raise the issue at the summit"),
        "{content}"
    );
}

#[test]
fn it_after_a_ministry_is_its_country() {
    let doc = analysed(
        "China condemns test\n\n\
         China's foreign ministry said it was \"resolutely opposed\" to the test and warned North Korea against further provocations.\n\n\
         The Philippine coast guard rejected the account.\n",
    );
    let warned = by_cue(&doc, "warned");
    assert_eq!(
        warned.speaker.as_ref().map(|s| s.name.as_str()),
        Some("China")
    );
    let rejected = by_cue(&doc, "rejected");
    assert_eq!(
        rejected.source_kind,
        Some(whosaid::core::SourceKind::Organization)
    );
}

#[test]
fn a_quotation_closed_by_its_comma_ends_the_content() {
    let doc = analysed(
        "Singer cancels tour\n\n\
         Pop star Mara Lind canceled the remaining dates of her world tour on Monday, citing \"exhaustion and a need to heal,\" in a post on Instagram that drew more than a million likes.\n",
    );
    let citing = by_cue(&doc, "citing");
    assert_eq!(
        text_of(&doc, &citing.content).as_deref(),
        Some("\"exhaustion and a need to heal,\"")
    );
}

#[test]
fn a_second_report_joined_by_and_ends_the_first() {
    let doc = analysed(
        "Developer charged\n\n\
         Prosecutors alleged that the developer had bribed two inspectors, and the indictment says the payments totaled $80,000.\n",
    );
    let alleged = by_cue(&doc, "alleged");
    assert_eq!(
        text_of(&doc, &alleged.content).as_deref(),
        Some("that the developer had bribed two inspectors")
    );
    let says = by_cue(&doc, "says");
    assert_eq!(
        text_of(&doc, &says.source).as_deref(),
        Some("the indictment")
    );
    assert_eq!(says.parent, None);
}

#[test]
fn she_added_is_whoever_spoke_last() {
    let doc = analysed(
        "Mayor and challenger spar\n\n\
         Mayor Karen Bass said the city had built more units than ever.\n\n\
         Ms. Bass's campaign spokeswoman, Sarah Lee, said in an email that the challenger had never built affordable housing. She added that the mayor would release a plan next week.\n",
    );
    let added = by_cue(&doc, "added");
    assert_eq!(
        added.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Sarah Lee")
    );
}

/// The relative clause holds a claim of its own ("has repeatedly
/// attacked"); the source is not left in pieces around it but takes it
/// whole, as PolNeAR's sources do where the model splits one.
#[test]
fn a_relative_clause_between_commas_stays_whole_in_the_source() {
    let doc = analysed(
        "Fed holds rates\n\n\
         President Trump, who has repeatedly attacked Powell, wrote on social media that the Fed was \"always too late.\"\n",
    );
    let wrote = by_cue(&doc, "wrote");
    let parts: Vec<&str> = wrote
        .source
        .iter()
        .flat_map(|s| s.parts())
        .map(|p| doc.slice(*p))
        .collect();
    assert_eq!(
        parts,
        ["President Trump, who has repeatedly attacked Powell"]
    );
}

#[test]
fn she_said_after_a_titled_name_is_that_person() {
    let doc = analysed(
        "Starmer faces revolt\n\n\
         A No 10 spokesman said the government was \"listening carefully\" but insisted the reforms were \"the right thing to do.\" Downing Street later confirmed that ministers would meet the rebels on Tuesday.\n\n\
         Rachael Maskell, one of the rebels, told the BBC the cuts would \"push disabled people into poverty.\" Ms Maskell said she had \"no choice\" but to vote against the bill.\n\n\
         The chancellor, Rachel Reeves, told MPs that the cuts were necessary to balance the books. She said: \"We will not borrow to fund day-to-day spending.\"\n",
    );
    let said = by_cue(&doc, "said:");
    assert_eq!(
        said.speaker.as_ref().map(|s| s.name.as_str()),
        Some("Rachel Reeves")
    );
    // The tagger reads "Downing" as a verb; the name is whole all the same.
    let confirmed = by_cue(&doc, "later confirmed");
    assert_eq!(
        text_of(&doc, &confirmed.source).as_deref(),
        Some("Downing Street")
    );
}

#[test]
fn a_closing_participle_speaks_for_the_main_clause() {
    let doc = analysed(
        "Judge rejects request\n\n\
         A New York judge has rejected a media request to make public the contents of a 25-year-old court file on Donald Trump's divorce, saying the courts have no business deciding what information could be useful to voters.\n",
    );
    let saying = by_cue(&doc, "saying");
    assert_eq!(
        text_of(&doc, &saying.source).as_deref(),
        Some("A New York judge")
    );
}

#[test]
fn quoted_by_an_outlet_is_the_outlets_report() {
    let doc = analysed(
        "Kremlin dismisses report\n\n\
         \"There is nothing to comment on here,\" Kremlin spokesman Dmitry Peskov told reporters, according to the Interfax news agency.\n\n\
         Finnish President Alexander Stubb, quoted by the newspaper Helsingin Sanomat, said there was \"no immediate military threat.\"\n",
    );
    let according = by_cue(&doc, "according to");
    assert_eq!(
        according.source_kind,
        Some(whosaid::core::SourceKind::Media)
    );
    let said = by_cue(&doc, "said");
    assert_eq!(
        text_of(&doc, &said.source).as_deref(),
        Some("Finnish President Alexander Stubb")
    );
    let quoted = by_cue(&doc, "quoted by");
    assert_eq!(
        text_of(&doc, &quoted.source).as_deref(),
        Some("the newspaper Helsingin Sanomat")
    );
    assert_eq!(quoted.cue_kind, CueKind::Report);
    assert_eq!(quoted.source_kind, Some(whosaid::core::SourceKind::Media));
    // The report carries Stubb's claim.
    assert_eq!(said.parent, Some(quoted.id));
}
