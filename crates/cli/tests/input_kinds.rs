//! `whosaid analyze` and `whosaid extract` read every input kind news comes
//! as — HTML pages, RSS feeds, JSONL and CSV corpora, plain text — detected
//! by content; bad records are named and the rest still comes out.

mod common;

use common::{whosaid, write, TempDir};
use std::process::Output;

const BODY: &str = "The senator spoke to reporters after the vote on Tuesday afternoon.";
const QUOTE: &str = "“We will not accept this deal,” Senator Jane Smith said on Tuesday.";

fn page() -> String {
    format!(
        r#"<!doctype html><html lang="en"><head><title>Deal stalls - The Daily</title>
<meta property="og:site_name" content="The Daily">
<meta property="article:published_time" content="2016-12-15T10:00:00Z">
<link rel="canonical" href="https://daily.example/2016/12/15/deal"></head>
<body><nav><a href="/">Home</a> <a href="/politics">Politics</a></nav>
<article><h1>Deal stalls</h1><p class="byline">By Ann Writer</p>
<p>{BODY} It was a long session, and the chamber was nearly empty by the end of the evening.</p>
<p>{QUOTE}</p>
<p>Negotiations are expected to resume next week, according to aides familiar with the talks.</p>
</article><div class="newsletter">Sign up for our newsletter</div></body></html>"#
    )
}

fn jsonl(out: &Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON document per line"))
        .collect()
}

#[test]
fn html_page_is_read_as_main_text_with_metadata() {
    let dir = TempDir::new("kinds-html");
    let path = write(&dir, "page.html", page());
    let out = whosaid(&["extract", "--format", "json", &path]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = jsonl(&out);
    assert_eq!(rows.len(), 1);
    let r = &rows[0];
    let text = r["text"].as_str().expect("text");
    assert!(text.contains("We will not accept this deal"), "{text}");
    assert!(!text.contains("Sign up for our newsletter"), "{text}");
    assert!(!text.contains("Politics"), "{text}");
    assert_eq!(r["title"], "Deal stalls");
    assert_eq!(
        r["published"].as_str().map(|d| &d[..10]),
        Some("2016-12-15")
    );
    assert_eq!(r["site_name"], "The Daily");
    assert_eq!(r["url"], "https://daily.example/2016/12/15/deal");

    let out = whosaid(&["analyze", "--format", "jsonl", &path]);
    assert!(out.status.success());
    let docs = jsonl(&out);
    assert_eq!(docs.len(), 1);
    let attributions = docs[0]["attributions"].as_array().expect("attributions");
    assert!(
        attributions.iter().any(|a| a["cue"]["text"] == "said"
            && a["source"]["text"]
                .as_str()
                .is_some_and(|s| s.contains("Jane Smith"))),
        "{attributions:?}"
    );
}

#[test]
fn corpora_stream_rows_and_name_the_bad_one() {
    let dir = TempDir::new("kinds-corpora");
    let good = serde_json::json!({"title": "Deal stalls", "text": format!("{BODY}\n\n{QUOTE}"), "url": "https://daily.example/a"});
    let lines = format!(
        "{good}\n{{not json\n{}\n",
        serde_json::json!({"headline": "Second", "content": QUOTE})
    );
    let jsonl_path = write(&dir, "corpus.jsonl", &lines);
    let csv_path = write(
        &dir,
        "corpus.csv",
        format!(
            "\u{feff}title,text,date\nDeal stalls,\"{}\n\n{}\",2016-12-15\n",
            BODY,
            QUOTE.replace('"', "\"\"")
        ),
    );
    let out = whosaid(&["analyze", "--format", "jsonl", &jsonl_path, &csv_path]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "a bad row fails the run: {err}");
    assert!(
        err.contains("corpus.jsonl") && err.contains("line 2"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    let docs = jsonl(&out);
    assert_eq!(docs.len(), 3, "two JSONL rows and one CSV row");
    for d in &docs {
        assert!(
            d["attributions"].as_array().is_some_and(|a| !a.is_empty()),
            "every row's quote is found: {d}"
        );
    }
    assert!(docs
        .iter()
        .any(|d| d["meta"]["url"] == "https://daily.example/a"));
    assert!(docs.iter().any(|d| d["meta"]["published"]
        .as_str()
        .is_some_and(|p| p.starts_with("2016-12-15"))));
}

#[test]
fn feed_items_become_documents_and_kind_can_be_forced() {
    let dir = TempDir::new("kinds-feed");
    let rss = format!(
        r#"<?xml version="1.0"?><rss version="2.0"><channel><title>The Daily</title>
<item><title>Deal stalls</title><link>https://daily.example/a</link>
<description><![CDATA[<p>{QUOTE}</p>]]></description><pubDate>Thu, 15 Dec 2016 10:00:00 GMT</pubDate></item>
<item><title>No date here</title><link>https://daily.example/b</link><description>{BODY}</description></item>
</channel></rss>"#
    );
    let path = write(&dir, "feed.xml", &rss);
    let out = whosaid(&["extract", "--format", "json", &path]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows = jsonl(&out);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["title"], "Deal stalls");
    assert!(rows[0]["text"]
        .as_str()
        .is_some_and(|t| t.contains("We will not accept")));
    assert!(rows[1]["published"].is_null());

    // Forcing the kind reads the same bytes as plain text.
    let out = whosaid(&["extract", "--format", "json", "--kind", "text", &path]);
    assert!(out.status.success());
    let rows = jsonl(&out);
    assert_eq!(rows.len(), 1);
    assert!(rows[0]["text"].as_str().is_some_and(|t| t.contains("<rss")));
}

#[test]
fn timings_name_every_stage_on_stderr() {
    let dir = TempDir::new("kinds-timings");
    let a = write(&dir, "a.txt", format!("{BODY}\n\n{QUOTE}\n"));
    let b = write(&dir, "b.txt", QUOTE);
    let out = whosaid(&["analyze", "--format", "jsonl", "--timings", &a, &b]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(jsonl(&out).len(), 2, "stdout holds only the documents");
    let err = String::from_utf8_lossy(&out.stderr);
    for stage in [
        "clean",
        "segment",
        "tag",
        "parse",
        "entities",
        "attribution",
        "all",
    ] {
        assert!(
            err.lines().any(|l| l.starts_with(stage)),
            "no {stage} row in:\n{err}"
        );
    }
    // Without the flag, nothing on stderr.
    let out = whosaid(&["analyze", "--format", "jsonl", &a]);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
