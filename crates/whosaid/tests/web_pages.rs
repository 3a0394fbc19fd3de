//! Every WCXB article page (`../shared/data/wcxb-articles/html`: blogs,
//! shops, magazines, news) goes through ingestion and the whole pipeline.
//! Web pages reach corners PolNeAR never does: a quoted single word once
//! made the parser's punctuation pass loop until memory ran out.

use std::path::PathBuf;
use whosaid::core::Document;
use whosaid_ingest::{read_path, Columns, Kind};

fn shared_dir() -> PathBuf {
    std::env::var_os("WHOSAID_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
}

#[test]
fn every_wcxb_page_is_analysed() {
    let dir = shared_dir().join("data/wcxb-articles/html");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("{} not found; skipping", dir.display());
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| Some(e.ok()?.path())).collect();
    paths.sort();
    let mut docs: Vec<Document> = Vec::new();
    for path in &paths {
        let articles = read_path(path, Some(Kind::Html), &Columns::default())
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        // A page without any text is a reported error, not a document.
        docs.extend(articles.filter_map(Result::ok).map(|a| a.into_document()));
    }
    assert!(
        docs.len() + 5 >= paths.len(),
        "{} of {} pages read",
        docs.len(),
        paths.len()
    );
    let engine = whosaid::Engine::english().expect("embedded models load");
    let results = engine.analyze_batch(&mut docs, None);
    for (doc, result) in docs.iter().zip(&results) {
        if let Err(e) = result {
            panic!("{}: {e}", doc.meta.origin.as_deref().unwrap_or("?"));
        }
        for a in &doc.attributions {
            assert!(a
                .cue
                .extent()
                .is_some_and(|s| s.end as usize <= doc.text.chars().count()));
        }
    }
    assert!(docs.iter().map(|d| d.attributions.len()).sum::<usize>() > 0);
}
