//! Headings of non-news pages read as "Label: Name" must not become
//! attributions, while colon headlines that state something still do.

use whosaid::core::Document;

#[test]
fn a_colon_after_a_label_is_no_cue_but_a_colon_before_a_statement_is() {
    let engine = whosaid::Engine::english().expect("embedded models load");
    let text = "Best Travel Toothbrush: Aquasonic Icon\n\n\
        The brush folds into a small case and charges over USB.\n\n\
        Sanders: Clinton Is Not Qualified To Be President\n\n\
        The senator spoke to reporters on Tuesday.\n";
    let mut doc = Document::new(text);
    engine.analyze(&mut doc).expect("analysis runs");
    let contents: Vec<&str> = doc
        .attributions
        .iter()
        .filter_map(|a| a.content.as_ref()?.extent())
        .map(|s| doc.slice(s))
        .collect();
    assert!(
        !contents.contains(&"Aquasonic Icon"),
        "a product name after a label is no statement: {contents:?}"
    );
    assert!(
        contents.contains(&"Clinton Is Not Qualified To Be President"),
        "a headline quoting a claim keeps its attribution: {contents:?}"
    );
}
