//! The cleaner on real text: the seed article's gold boilerplate is removed
//! and nothing else is; on PolNeAR train, removed lines hold (almost) no gold
//! attribution spans, so cleaning never costs attributions.

use std::path::PathBuf;
use whosaid_clean::Cleaner;
use whosaid_core::{Document, Span, Stage};

fn shared() -> PathBuf {
    std::env::var_os("WHOSAID_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
}

fn clean(text: &str) -> Document {
    let mut doc = Document::new(text);
    Cleaner::new()
        .process(&mut doc)
        .expect("cleaning never fails");
    doc
}

#[test]
fn seed_boilerplate_removed_and_body_kept() {
    let dir = shared().join("corpus/seed");
    let (Ok(text), Ok(gold)) = (
        std::fs::read_to_string(dir.join("putin-dnc-hacks.txt")),
        std::fs::read_to_string(dir.join("putin-dnc-hacks.gold.json")),
    ) else {
        eprintln!("seed not found under {}; skipping", dir.display());
        return;
    };
    let gold: serde_json::Value = serde_json::from_str(&gold).expect("gold JSON");
    let doc = clean(&text);
    let wanted: Vec<&str> = gold["boilerplate"]
        .as_array()
        .expect("list")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    for w in &wanted {
        assert!(
            doc.boilerplate
                .iter()
                .any(|b| doc.slice(b.span).contains(w)),
            "not removed: {w}"
        );
    }
    for b in &doc.boilerplate {
        let removed = doc.slice(b.span);
        assert!(
            wanted.iter().any(|w| removed.contains(w)),
            "body line removed: {removed}"
        );
    }
    assert_eq!(doc.title.map(|t| doc.slice(t)), gold["title"].as_str());
}

/// Spans of every `T` line in a brat file (discontinuous parts included).
fn ann_spans(ann: &str) -> Vec<Span> {
    ann.lines()
        .filter(|l| l.starts_with('T'))
        .filter_map(|l| l.split('\t').nth(1))
        .flat_map(|f| {
            let offsets = f.split_once(' ').map_or("", |(_, o)| o);
            offsets
                .split(';')
                .filter_map(|p| {
                    let (s, e) = p.trim().split_once(' ')?;
                    Some(Span::new(s.parse().ok()?, e.parse().ok()?))
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn polnear_train_attributions_survive_cleaning() {
    let root = shared().join("data/polnear/train");
    let Ok(entries) = std::fs::read_dir(root.join("text")) else {
        eprintln!("PolNeAR not found under {}; skipping", root.display());
        return;
    };
    let mut anns: Vec<PathBuf> = std::fs::read_dir(root.join("attributions"))
        .expect("attributions dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    anns.sort();
    let (mut docs, mut removed_lines, mut spans, mut lost) = (0, 0, 0, 0);
    for entry in entries.flatten() {
        let path = entry.path();
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let doc = clean(&text);
        docs += 1;
        removed_lines += doc.boilerplate.len();
        // First annotator file by name, as the evaluation does.
        let Some(ann) = anns.iter().find(|a| {
            a.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(&format!("{stem}_")))
        }) else {
            continue;
        };
        for span in ann_spans(&std::fs::read_to_string(ann).unwrap_or_default()) {
            spans += 1;
            if doc.boilerplate.iter().any(|b| b.span.overlaps(&span)) {
                lost += 1;
            }
        }
    }
    eprintln!("PolNeAR train: {docs} articles, {removed_lines} lines removed, {lost} of {spans} gold spans touch a removed line");
    // What remains are "Follow X on Twitter" and promo lines that annotators
    // marked up; they are page furniture, not reporting.
    assert!(docs > 800);
    assert!(
        lost * 1000 <= spans,
        "cleaning removes gold attribution text: {lost} of {spans} spans"
    );
}
