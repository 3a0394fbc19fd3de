use whosaid_ingest::feed;
use whosaid_ingest::Article;

const RSS: &str = "\u{feff}\n  <?xml version=\"1.0\" encoding=\"UTF-8\"?>
<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"
     xmlns:dc=\"http://purl.org/dc/elements/1.1/\">
<channel>
  <title>Example News</title>
  <link>https://news.example.com/</link>
  <description>All the news</description>
  <language>en-us</language>
  <item>
    <title>Senate vote delayed</title>
    <link>https://news.example.com/a</link>
    <dc:creator>Jane Doe</dc:creator>
    <pubDate>Thu, 15 Dec 2016 10:00:00 GMT</pubDate>
    <description><![CDATA[<p>Short <b>teaser</b>.</p>]]></description>
    <content:encoded><![CDATA[<p>The senator said on Tuesday that the vote would wait.</p>
      <p>&ldquo;We need more time,&rdquo; she told reporters &amp; aides.</p>]]></content:encoded>
  </item>
  <item>
    <title>Budget &amp; taxes</title>
    <link>https://news.example.com/b</link>
    <description>&lt;p&gt;Lawmakers &lt;i&gt;agreed&lt;/i&gt; on a budget.&lt;/p&gt;</description>
  </item>
  <item>
    <title>Only a title</title>
  </item>
  <item>
    <link>https://news.example.com/empty</link>
  </item>
</channel>
</rss>";

const ATOM: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
  <title type="text">Le Journal</title>
  <id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
  <updated>2016-12-16T09:00:00Z</updated>
  <entry>
    <title type="html">Vote &lt;em&gt;report&#233;&lt;/em&gt;</title>
    <link rel="alternate" href="https://journal.example.fr/vote"/>
    <link rel="enclosure" href="https://journal.example.fr/photo.jpg"/>
    <id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
    <updated>2016-12-16T08:30:00Z</updated>
    <author><name>Marie Curie</name></author>
    <author><name>Pierre Curie</name></author>
    <summary type="text">Un résumé.</summary>
    <content type="html">&lt;div&gt;&lt;p&gt;Le sénateur a déclaré mardi que le vote attendrait.&lt;/p&gt;&lt;p&gt;« Il nous faut plus de temps », a-t-elle dit.&lt;/p&gt;&lt;/div&gt;</content>
  </entry>
  <entry>
    <title>Texte brut</title>
    <id>tag:journal.example.fr,2016:2</id>
    <updated>2016-12-16T07:00:00Z</updated>
    <published>2016-12-15T07:00:00Z</published>
    <content type="text">Plain text content &lt;not a tag&gt;.</content>
  </entry>
</feed>"#;

fn all(src: &str, path: &str) -> Vec<Result<Article, String>> {
    feed::read(src.as_bytes(), path)
        .expect("feed parses")
        .map(|r| r.map_err(|e| e.to_string()))
        .collect()
}

#[test]
fn rss_cdata_html_description_missing_dates_and_bom() {
    let items = all(RSS, "news.rss");
    assert_eq!(items.len(), 4);
    let a = items[0].as_ref().expect("first item");
    assert_eq!(
        a.text,
        "The senator said on Tuesday that the vote would wait.\n\n\u{201c}We need more time,\u{201d} she told reporters & aides."
    );
    assert_eq!(a.id, "https://news.example.com/a");
    assert_eq!(a.meta.title.as_deref(), Some("Senate vote delayed"));
    assert_eq!(a.meta.published.as_deref(), Some("2016-12-15T10:00:00Z"));
    assert_eq!(a.meta.authors, vec!["Jane Doe"]);
    assert_eq!(a.meta.site_name.as_deref(), Some("Example News"));
    assert_eq!(a.meta.language.as_deref(), Some("en-us"));
    assert_eq!(a.meta.url.as_deref(), Some("https://news.example.com/a"));
    assert_eq!(a.origin.record, Some(0));
    assert_eq!(a.meta.origin.as_deref(), Some("news.rss#0"));

    // No content: title + summary with the escaped HTML stripped; no date.
    let b = items[1].as_ref().expect("second item");
    assert_eq!(b.text, "Budget & taxes\n\nLawmakers agreed on a budget.");
    assert_eq!(b.meta.title.as_deref(), Some("Budget & taxes"));
    assert_eq!(b.meta.published, None);
    assert_eq!(b.meta.modified, None);

    let c = items[2].as_ref().expect("title only");
    assert_eq!(c.text, "Only a title");
    assert_eq!(c.meta.url, None);

    let d = items[3].as_ref().expect_err("nothing to read");
    assert!(
        d.starts_with("news.rss record 3") && d.contains("no content"),
        "{d}"
    );
}

#[test]
fn atom_html_content_updated_only_and_plain_text_content() {
    let items = all(ATOM, "journal.atom");
    assert_eq!(items.len(), 2);
    let a = items[0].as_ref().expect("first entry");
    assert_eq!(
        a.text,
        "Le sénateur a déclaré mardi que le vote attendrait.\n\n« Il nous faut plus de temps », a-t-elle dit."
    );
    assert_eq!(a.meta.title.as_deref(), Some("Vote reporté"));
    assert_eq!(
        a.meta.url.as_deref(),
        Some("https://journal.example.fr/vote")
    );
    // Only <updated>: it is the best publication date there is.
    assert_eq!(a.meta.published.as_deref(), Some("2016-12-16T08:30:00Z"));
    assert_eq!(a.meta.modified.as_deref(), Some("2016-12-16T08:30:00Z"));
    assert_eq!(a.meta.authors, vec!["Marie Curie", "Pierre Curie"]);
    assert_eq!(a.meta.site_name.as_deref(), Some("Le Journal"));

    let b = items[1].as_ref().expect("second entry");
    assert_eq!(b.text, "Plain text content <not a tag>.");
    assert_eq!(b.meta.published.as_deref(), Some("2016-12-15T07:00:00Z"));
    assert_eq!(b.meta.modified.as_deref(), Some("2016-12-16T07:00:00Z"));
    assert_eq!(b.id, "tag:journal.example.fr,2016:2");
}

#[test]
fn long_html_content_goes_through_main_text_extraction() {
    let para = "<p>The senator said on Tuesday that the committee would meet again next week \
                to consider the proposal, according to two aides.</p>";
    let body = format!("<div>{para}{para}<p>Share this on Facebook</p>{para}</div>");
    let xml = format!(
        "<rss version=\"2.0\"><channel><title>T</title><item><title>X</title>\
         <description><![CDATA[teaser]]></description>\
         <content:encoded xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"><![CDATA[{body}]]></content:encoded>\
         </item></channel></rss>"
    );
    let items = all(&xml, "x.rss");
    let a = items[0].as_ref().expect("item");
    assert!(a.text.starts_with("The senator said"), "{}", a.text);
    assert_eq!(a.text.matches("The senator said").count(), 3, "{}", a.text);
}

#[test]
fn not_a_feed_is_an_error() {
    let e = feed::read(&b"hello, world"[..], "x.xml")
        .err()
        .expect("error");
    assert!(
        e.to_string().starts_with("x.xml: not a readable feed"),
        "{e}"
    );
    let e = feed::read(&b"<rss><channel><item><title>x"[..], "t.xml");
    assert!(e.is_err() || e.is_ok_and(|mut i| i.all(|r| r.is_ok() || r.is_err())));
}
