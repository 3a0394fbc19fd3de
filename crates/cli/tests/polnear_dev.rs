//! Quality floor on PolNeAR dev: the full pipeline, scored by
//! `whosaid eval polnear`, must not fall below the measured figures
//! (docs/benchmarks.md). A regression fails CI.

mod common;

#[test]
fn polnear_dev_stays_above_the_floor() {
    let dev = common::shared_dir().join("data/polnear/dev");
    if !dev.join("text").is_dir() {
        eprintln!("PolNeAR dev not found under {}; skipping", dev.display());
        return;
    }
    let (ok, text) = common::whosaid_reported(&[
        "eval".as_ref(),
        "polnear".as_ref(),
        dev.as_os_str(),
        "--min-linked-f1".as_ref(),
        "0.75".as_ref(),
        "--min-content-overlap-f1".as_ref(),
        "0.81".as_ref(),
    ]);
    assert!(ok, "PolNeAR dev below the floor:\n{text}");
    assert!(text.contains("linked attributions"));
}
