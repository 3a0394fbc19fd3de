//! Quality floor on PolNeAR dev: the full pipeline, scored by
//! `whosaid eval polnear`, must not fall below the measured figures
//! (docs/benchmarks.md). A regression fails CI.

use std::path::PathBuf;
use std::process::Command;

#[test]
fn polnear_dev_stays_above_the_floor() {
    let shared = std::env::var_os("WHOSAID_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let dev = shared.join("data/polnear/dev");
    if !dev.join("text").is_dir() {
        eprintln!("PolNeAR dev not found under {}; skipping", dev.display());
        return;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["eval", "polnear"])
        .arg(&dev)
        .args([
            "--min-linked-f1",
            "0.74",
            "--min-content-overlap-f1",
            "0.80",
        ])
        .output()
        .expect("whosaid runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    eprintln!("{stdout}{stderr}");
    assert!(
        out.status.success(),
        "PolNeAR dev below the floor:\n{stdout}{stderr}"
    );
    assert!(stdout.contains("linked attributions"));
}
