use super::*;

fn page(body: &str) -> String {
    format!("<!doctype html><html lang=\"en\"><head><title>A headline - Gazette</title></head><body>{body}</body></html>")
}

const PARA: &str = "The minister said on Tuesday that the talks would continue next week, according to two officials who were present at the meeting in the capital.";

#[test]
fn article_text_blocks_and_boilerplate() {
    let body = format!(
        "<nav><a href=/>Home</a> <a href=/world>World</a></nav>\
         <article><h1>A headline</h1><p>{PARA}</p><figure><img src=x><figcaption>Photo by Someone/Getty Images</figcaption></figure>\
         <h2>Background</h2><p>{PARA} More.</p><blockquote><p>We will not give up, she said.</p></blockquote>\
         <ul><li>First point of the story goes here.</li><li>Second point.</li></ul><p>NOW WATCH: a video</p>\
         <div class=\"share-tools\">Share on Facebook</div><p>{PARA} End.</p></article>\
         <div class=\"related-links\"><a href=/x>Also on the site: other story</a></div>"
    );
    let x = extract(
        page(&body).as_bytes(),
        Some("https://g.example/2016/12/15/a.html"),
    )
    .unwrap();
    assert!(x.text.starts_with("The minister said"), "{}", x.text);
    assert!(x.text.contains("\n\nBackground\n\n"));
    assert!(!x.text.contains("Getty"));
    assert!(!x.text.contains("NOW WATCH"));
    assert!(!x.text.contains("Share on"));
    assert!(!x.text.contains("Home"));
    assert!(x.blocks.iter().any(|b| b.kind == BlockKind::Heading));
    assert!(x.blocks.iter().any(|b| b.kind == BlockKind::Quote));
    assert!(x.blocks.iter().any(|b| b.kind == BlockKind::ListItem));
    for b in &x.blocks {
        let t: String = x
            .text
            .chars()
            .skip(b.text_span.start as usize)
            .take((b.text_span.end - b.text_span.start) as usize)
            .collect();
        assert!(!t.contains("\n\n"));
        if !b.source_bytes.is_empty() {
            let src = &x.html[b.source_bytes.clone()];
            assert!(src.starts_with(&t[..t.len().min(10)]), "{src} vs {t}");
        }
    }
    assert_eq!(x.meta.published.as_deref(), Some("2016-12-15"));
    assert_eq!(x.meta.language.as_deref(), Some("en"));
}

#[test]
fn empty_nul_and_garbage() {
    assert!(matches!(extract(b"", None), Err(HtmlError::Empty)));
    assert!(matches!(extract(b"  \n", None), Err(HtmlError::Empty)));
    assert!(extract(b"<html><body></body></html>", None).is_err());
    let x = extract(format!("<p>{PARA}\0 with a NUL\0</p>").as_bytes(), None).unwrap();
    assert!(x.text.contains("minister"));
    let _ = extract(b"\xff\xfe<\x00p\x00>\x00", None);
    let _ = extract(b"<<<>>><//><p <a =\"'>&#xFFFFFFFF;&#0;", None);
}

#[test]
fn deep_nesting_does_not_overflow() {
    let mut s = String::from("<html><body>");
    for _ in 0..10_000 {
        s.push_str("<div>");
    }
    s.push_str(&format!("<p>{PARA}</p>"));
    for _ in 0..10_000 {
        s.push_str("</div>");
    }
    s.push_str("</body></html>");
    let r = extract(s.as_bytes(), None);
    // html5ever caps nesting; the text survives or a clear error comes back.
    if let Ok(x) = r {
        assert!(x.text.contains("minister"));
    }
}

#[test]
fn large_page() {
    if std::env::var("WHOSAID_SKIP_LARGE").is_ok() {
        return;
    }
    let mut s = String::with_capacity(51 << 20);
    s.push_str("<html><body><article>");
    while s.len() < 50 << 20 {
        s.push_str("<p>");
        s.push_str(PARA);
        s.push_str("</p>\n");
    }
    s.push_str("</article></body></html>");
    let x = extract(s.as_bytes(), None).unwrap();
    assert!(x.text.len() > 1 << 20);
    let too_big = vec![b'a'; MAX_BYTES + 1];
    assert!(matches!(
        extract(&too_big, None),
        Err(HtmlError::TooLarge(_))
    ));
}

#[test]
fn short_articles_go_through_readability_looser_attempts() {
    // Under Readability's 500 characters: its strict attempt comes out
    // short and the looser ones run on a fresh parse.
    let body = format!("<div class=\"story\"><h1>A headline</h1><p>{PARA}</p></div>");
    let x = extract(page(&body).as_bytes(), None).unwrap();
    assert_eq!(x.text, PARA);
    // Long enough for the strict attempt alone.
    let body = format!("<article><p>{PARA}</p><p>{PARA} Two.</p><p>{PARA} Three.</p><p>{PARA} Four.</p></article><footer><p>About us and other links.</p></footer>");
    let x = extract(page(&body).as_bytes(), None).unwrap();
    assert!(x.text.ends_with("Four."), "{}", x.text);
    assert_eq!(x.blocks.len(), 4);
}

#[test]
fn rough_depth_counts_open_minus_closed_tags() {
    assert_eq!(
        rough_depth("<html><body><div><p>a</p><p>b</p></div></body></html>"),
        4
    );
    assert_eq!(rough_depth("a < b and <3 <"), 0);
    assert_eq!(rough_depth("<a><b><c>"), 3);
    assert_eq!(rough_depth(""), 0);
}

#[test]
fn marked_article_body_is_taken_as_it_is() {
    let body = format!(
        "<header><a href=/>Home</a></header><div class=\"post-wrap\"><h1>A headline</h1>\
         <div class=\"Entry-Content clearfix\"><p>{PARA}</p><h2>More</h2><p>{PARA} Two.</p>\
         <p>{PARA} Three.</p><p>Share on Facebook</p><p>{PARA} Four.</p></div>\
         <div class=\"author-box\"><p>Jane writes about things.</p></div></div>"
    );
    let x = extract(page(&body).as_bytes(), None).unwrap();
    assert!(x.text.starts_with("The minister said"), "{}", x.text);
    assert!(x.text.contains("\n\nMore\n\n"));
    assert!(x.text.ends_with("Four."), "{}", x.text);
    assert!(!x.text.contains("Share on"));
    assert!(!x.text.contains("Jane writes"));
    let el = dom_query::Document::from(
        "<div class=\"story-body__inner\">x</div><div class=\"body\">y</div>",
    );
    let divs = el.select("div");
    let nodes = divs.nodes();
    assert!(extract::is_marked_body(&nodes[0]));
    assert!(!extract::is_marked_body(&nodes[1]));
}

#[test]
fn paragraphs_wrapped_one_by_one() {
    // AsciiDoc and some page builders wrap each paragraph in its own <div>:
    // the container is the element that holds the wrappers.
    let mut body = String::from("<nav><a href=/>Home</a></nav><div class=\"content\">");
    for i in 0..6 {
        body.push_str(&format!(
            "<div class=\"paragraph\"><p>{PARA} Part {i}.</p></div>"
        ));
    }
    body.push_str("</div>");
    let doc = dom_query::Document::from(page(&body).as_str());
    let core = extract::prune(&doc, None).map(|id| dom_query::NodeRef::new(id, &doc.tree));
    assert_eq!(
        core.and_then(|n| n.attr("class")).as_deref(),
        Some("content")
    );
    let x = extract(page(&body).as_bytes(), None).unwrap();
    for i in 0..6 {
        assert!(x.text.contains(&format!("Part {i}.")), "{}", x.text);
    }
}

#[test]
fn article_split_across_deeply_nested_sections() {
    // Page builders put each section of one article eight wrappers deep.
    let section = |i: usize| {
        let mut s = String::new();
        for _ in 0..8 {
            s.push_str("<div class=\"row\">");
        }
        s.push_str(&format!(
            "<p>{PARA} Section {i} one.</p><p>{PARA} Section {i} two.</p><p>{PARA} Section {i} three.</p>"
        ));
        for _ in 0..8 {
            s.push_str("</div>");
        }
        s
    };
    let mut body = String::from("<div class=\"page\">");
    for i in 0..4 {
        body.push_str(&section(i));
    }
    body.push_str("</div>");
    let doc = dom_query::Document::from(page(&body).as_str());
    let core = extract::prune(&doc, None).and_then(|c| extract::container(&doc, c));
    assert_eq!(core.and_then(|n| n.attr("class")).as_deref(), Some("page"));
    // A menu as far away is not taken in.
    let mut menu = String::from("<div class=\"site\"><ul>");
    for i in 0..30 {
        menu.push_str(&format!(
            "<li><a href=/s{i}>Section number {i} of the site</a></li>"
        ));
    }
    menu.push_str("</ul>");
    let body = format!("{menu}{}</div>", section(0));
    let doc = dom_query::Document::from(page(&body).as_str());
    let core = extract::prune(&doc, None).and_then(|c| extract::container(&doc, c));
    assert_ne!(core.and_then(|n| n.attr("class")).as_deref(), Some("site"));
}

#[test]
fn read_next_and_most_popular_grids_are_not_the_article() {
    // A short article beside a grid of teasers whose summaries hold more
    // paragraph text than the article itself.
    let teasers: String = (0..12)
        .map(|i| {
            format!(
                "<div class=\"card\"><h3><a href=/s{i}>Another headline {i}</a></h3>\
                 <p>A fairly long summary of another story on the site, written to make \
                 readers click through to story number {i}.</p></div>"
            )
        })
        .collect();
    for class in [
        "more-stories",
        "most-popular-list",
        "read-next-section",
        "OUTBRAIN",
    ] {
        let body = format!(
            "<div class=main><h1>A headline</h1><div class=content><p>{PARA}</p><p>{PARA} Two.</p></div></div>\
             <div class=\"{class}\"><h2>More</h2>{teasers}</div>"
        );
        let x = extract(page(&body).as_bytes(), None).unwrap();
        assert!(
            x.text.starts_with("The minister said"),
            "{class}: {}",
            x.text
        );
        assert!(x.text.contains("Two."), "{class}: {}", x.text);
        assert!(
            !x.text.contains("summary of another story"),
            "{class}: {}",
            x.text
        );
    }
}

#[test]
fn the_next_story_loaded_into_the_page_is_not_part_of_it() {
    let story = |h: &str, tag: &str| {
        format!("<article><h1>{h}</h1><p>{PARA} ({tag} one)</p><p>{PARA} ({tag} two)</p><p>{PARA} ({tag} three)</p></article>")
    };
    let two = format!(
        "{}<div class=next-label>Next</div>{}",
        story("Minister says talks will go on", "first"),
        story("Storm closes schools across the north", "second")
    );
    // No title: the first story is the page's.
    let x = extract(page(&two).as_bytes(), None).unwrap();
    assert!(x.text.contains("(first three)"), "{}", x.text);
    assert!(!x.text.contains("(second one)"), "{}", x.text);
    // The title names the second story: that one is kept.
    let titled = format!(
        "<!doctype html><html><head><title>Storm closes schools across the north | Gazette</title></head><body>{two}</body></html>"
    );
    let x = extract(titled.as_bytes(), None).unwrap();
    assert_eq!(
        x.meta.title.as_deref(),
        Some("Storm closes schools across the north")
    );
    assert!(x.text.contains("(second three)"), "{}", x.text);
    assert!(!x.text.contains("(first one)"), "{}", x.text);
    // One story whose sections are <article>s under <h2>s stays whole.
    let sections = format!(
        "<h1>A guide</h1><article><h2>Costs</h2><p>{PARA} (costs)</p><p>{PARA}</p><p>{PARA}</p></article>\
         <article><h2>Timing</h2><p>{PARA} (timing)</p><p>{PARA}</p><p>{PARA}</p></article>"
    );
    let x = extract(page(&sections).as_bytes(), None).unwrap();
    assert!(
        x.text.contains("(costs)") && x.text.contains("(timing)"),
        "{}",
        x.text
    );
}

#[test]
fn paywall_prompts_are_boilerplate_only_in_short_blocks() {
    assert!(extract::is_boilerplate(
        "Get unlimited digital access for $1 a week. Already a subscriber? Log in."
    ));
    assert!(extract::is_boilerplate("Subscribe to continue reading"));
    let long = format!(
        "{PARA} She said she had to stop before she could continue reading the report aloud."
    );
    assert!(!extract::is_boilerplate(&long));
}

#[test]
fn the_byline_is_metadata_not_body_text() {
    let body = format!(
        "<article><h1>A headline</h1>\
         <div class=\"article-byline\">By <a href=/a/jane>Jane Doe</a>, Environment Correspondent</div>\
         <p>{PARA}</p><p>{PARA} Two.</p></article>"
    );
    let x = extract(page(&body).as_bytes(), None).unwrap();
    assert!(x.text.starts_with("The minister said"), "{}", x.text);
    assert!(!x.text.contains("Correspondent"), "{}", x.text);
    assert_eq!(x.meta.authors, ["Jane Doe"]);
}
