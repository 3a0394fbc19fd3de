//! Quality floor for source kinds on GUM Wikinews dev: `whosaid eval kinds`
//! must not fall below the measured figure (docs/benchmarks.md, 0.898).

mod common;

#[test]
fn gum_dev_source_kinds_stay_above_the_floor() {
    let dev = common::shared_dir().join("data/gum-wikinews/gum-wikinews-dev.conllu.gz");
    if !dev.is_file() {
        eprintln!("GUM dev not found at {}; skipping", dev.display());
        return;
    }
    let (ok, text) = common::whosaid_reported(&[
        "eval".as_ref(),
        "kinds".as_ref(),
        dev.as_os_str(),
        "--min-accuracy".as_ref(),
        "0.88".as_ref(),
    ]);
    assert!(ok, "GUM dev source kinds below the floor:\n{text}");
    assert!(text.contains("subjects typed right"));
}
