//! Metadata: structured data first (JSON-LD, OpenGraph, `<meta>`, `itemprop`),
//! then heuristics (`<time datetime>`, bylines, URL dates, visible dates).

use super::dates;
use dom_query::{Document, NodeRef};
use serde_json::Value;
use whosaid_core::Metadata;

/// Collected candidates, strongest source first.
#[derive(Default)]
struct Ld {
    title: Option<String>,
    authors: Vec<String>,
    published: Option<String>,
    modified: Option<String>,
    site: Option<String>,
    url: Option<String>,
    /// Dates on non-article objects (a Yoast `WebPage`): used when no
    /// article object carries one.
    page_published: Option<String>,
    page_modified: Option<String>,
}

const ARTICLE_TYPES: [&str; 9] = [
    "NewsArticle",
    "Article",
    "BlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "Report",
    "TechArticle",
    "ScholarlyArticle",
];

fn is_article(v: &Value) -> bool {
    match v.get("@type") {
        Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()) || t.ends_with("Article"),
        Some(Value::Array(a)) => a.iter().any(|t| {
            t.as_str()
                .is_some_and(|t| ARTICLE_TYPES.contains(&t) || t.ends_with("Article"))
        }),
        _ => false,
    }
}

fn names(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => push_author(out, s),
        Value::Array(a) => a.iter().for_each(|x| names(x, out)),
        Value::Object(o) => {
            if let Some(Value::String(n)) = o.get("name") {
                push_author(out, n);
            }
        }
        _ => {}
    }
}

fn push_author(out: &mut Vec<String>, s: &str) {
    let s = decode_entities(&clean_ws(s));
    let s = s.trim_start_matches("By ").trim_start_matches("by ").trim();
    if s.is_empty() || s.len() > 80 || s.starts_with("http") || out.iter().any(|a| a == s) {
        return;
    }
    out.push(s.to_string());
}

fn text_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(clean_ws(s)),
        Value::Array(a) => text_of(a.first()),
        Value::Object(o) => text_of(o.get("name")),
        _ => None,
    }
}

/// Walks JSON-LD (objects, arrays, `@graph`) with a depth bound.
fn walk(v: &Value, depth: usize, ld: &mut Ld, site_fallback: &mut Option<String>) {
    if depth > 16 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| walk(x, depth + 1, ld, site_fallback)),
        Value::Object(o) => {
            if is_article(v) {
                if ld.title.is_none() {
                    ld.title = text_of(o.get("headline")).or_else(|| text_of(o.get("name")));
                }
                if ld.authors.is_empty() {
                    if let Some(a) = o.get("author").or_else(|| o.get("creator")) {
                        names(a, &mut ld.authors);
                    }
                }
                if ld.published.is_none() {
                    ld.published = o
                        .get("datePublished")
                        .or_else(|| o.get("dateCreated"))
                        .and_then(Value::as_str)
                        .and_then(dates::normalize);
                }
                if ld.modified.is_none() {
                    ld.modified = o
                        .get("dateModified")
                        .and_then(Value::as_str)
                        .and_then(dates::normalize);
                }
                if ld.site.is_none() {
                    ld.site = text_of(o.get("publisher"));
                }
                if ld.url.is_none() {
                    ld.url = o.get("url").and_then(Value::as_str).map(str::to_string);
                }
            } else if o.contains_key("datePublished") || o.contains_key("dateModified") {
                if ld.page_published.is_none() {
                    ld.page_published = o
                        .get("datePublished")
                        .and_then(Value::as_str)
                        .and_then(dates::normalize);
                }
                if ld.page_modified.is_none() {
                    ld.page_modified = o
                        .get("dateModified")
                        .and_then(Value::as_str)
                        .and_then(dates::normalize);
                }
            } else if matches!(o.get("@type"), Some(Value::String(t)) if t == "WebSite" || t == "Organization" || t == "NewsMediaOrganization")
                && site_fallback.is_none()
            {
                *site_fallback = text_of(o.get("name"));
            }
            if let Some(g) = o.get("@graph") {
                walk(g, depth + 1, ld, site_fallback);
            }
            if let Some(m) = o.get("mainEntity") {
                walk(m, depth + 1, ld, site_fallback);
            }
        }
        _ => {}
    }
}

/// `s` with runs of whitespace (as `char::is_whitespace` has it) made one
/// space and none at either end.
pub(crate) fn clean_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for_each_word(s, |w| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    });
    out
}

/// How many whitespace-separated words `s` has.
pub(crate) fn count_words(s: &str) -> usize {
    let mut n = 0;
    for_each_word(s, |_| n += 1);
    n
}

/// Calls `f` with each whitespace-separated word of `s`, as
/// `split_whitespace` yields them: bytes below 0x80 are classified without
/// decoding (`split_whitespace` decodes every character; this runs on all
/// the page's text).
fn for_each_word<'a>(s: &'a str, mut f: impl FnMut(&'a str)) {
    let b = s.as_bytes();
    let mut start = None;
    let mut i = 0;
    while i < b.len() {
        let (space, len) = if b[i] < 0x80 {
            (matches!(b[i], b'\t'..=b'\r' | b' '), 1)
        } else {
            match s[i..].chars().next() {
                Some(c) => (c.is_whitespace(), c.len_utf8()),
                None => break,
            }
        };
        if space {
            if let Some(st) = start.take() {
                f(&s[st..i]);
            }
        } else if start.is_none() {
            start = Some(i);
        }
        i += len;
    }
    if let Some(st) = start {
        f(&s[st..]);
    }
}

/// The page's `<meta>` tags, read once: (key lowercased, which attribute
/// named it — property, name, itemprop — and the content).
struct Metas(Vec<(String, u8, String)>);

impl Metas {
    fn read(metas: &[NodeRef]) -> Self {
        let mut out = Vec::new();
        for m in metas {
            let Some(content) = m.attr("content") else {
                continue;
            };
            for (rank, attr) in ["property", "name", "itemprop"].iter().enumerate() {
                if let Some(k) = m.attr(attr) {
                    out.push((
                        k.trim().to_ascii_lowercase(),
                        rank as u8,
                        content.to_string(),
                    ));
                }
            }
        }
        Metas(out)
    }

    /// Contents for `keys`, in key order, then attribute order, then page order.
    fn values<'a>(&'a self, keys: &'a [&str]) -> impl Iterator<Item = &'a str> + 'a {
        keys.iter().flat_map(move |k| {
            (0..3u8).flat_map(move |rank| {
                self.0
                    .iter()
                    .filter(move |(key, r, _)| *r == rank && key.eq_ignore_ascii_case(k))
                    .map(|(_, _, c)| c.as_str())
            })
        })
    }
}

fn meta(metas: &Metas, keys: &[&str]) -> Option<String> {
    metas.values(keys).map(clean_ws).find(|c| !c.is_empty())
}

fn meta_date(metas: &Metas, keys: &[&str]) -> Option<String> {
    metas.values(keys).find_map(dates::normalize)
}

const PUBLISHED_KEYS: [&str; 30] = [
    "published",
    "published-date",
    "publication_date",
    "article:published",
    "article:published_time",
    "og:article:published_time",
    "datePublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "article.published",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.date",
    "sailthru.date",
    "parsely-pub-date",
    "cxenseparse:recs:publishtime",
    "cxenseparse:publishtime",
    "og:publish_date",
    "published_time",
    "published-time",
    "publish_time",
    "published_at",
    "date-pub",
    "citation_publication_date",
    "citation_online_date",
    "citation_date",
];

const MODIFIED_KEYS: [&str; 8] = [
    "article:modified_time",
    "og:updated_time",
    "dateModified",
    "dcterms.modified",
    "last-modified",
    "og:article:modified_time",
    "modified-date",
    "modified-time",
];

/// The elements the metadata is read from, gathered in one walk over the
/// page (each in page order) instead of one selector query apiece.
#[derive(Default)]
struct Survey<'a> {
    /// `meta[content]`
    metas: Vec<NodeRef<'a>>,
    /// `script[type="application/ld+json" i]`
    ld_json: Vec<NodeRef<'a>>,
    /// The first `head title`.
    head_title: Option<NodeRef<'a>>,
    /// The first `h1`.
    h1: Option<NodeRef<'a>>,
    /// `link[rel="canonical" i]`
    canonical: Vec<NodeRef<'a>>,
    /// `html` elements (the root, unless the page nests one).
    html: Vec<NodeRef<'a>>,
    /// `meta[http-equiv="content-language" i]`
    content_language: Vec<NodeRef<'a>>,
    /// `script:not([src])`
    inline_scripts: Vec<NodeRef<'a>>,
    /// `[data-pubdate]`
    data_pubdate: Vec<NodeRef<'a>>,
    /// `[data-lastmod]`
    data_lastmod: Vec<NodeRef<'a>>,
}

impl<'a> Survey<'a> {
    fn read(doc: &'a Document) -> Self {
        let mut s = Survey::default();
        for n in doc.root().descendants_it() {
            let Some(el) = n.element_ref() else { continue };
            let has = |attr: &str, value: &str| {
                el.attrs
                    .iter()
                    .any(|a| &*a.name.local == attr && a.value.eq_ignore_ascii_case(value))
            };
            for a in el.attrs.iter() {
                match &*a.name.local {
                    "data-pubdate" => s.data_pubdate.push(n),
                    "data-lastmod" => s.data_lastmod.push(n),
                    _ => {}
                }
            }
            match &*el.name.local {
                "script" if !el.attrs.iter().any(|a| &*a.name.local == "src") => {
                    if has("type", "application/ld+json") {
                        s.ld_json.push(n);
                    }
                    s.inline_scripts.push(n);
                }
                "meta" => {
                    if el.attrs.iter().any(|a| &*a.name.local == "content") {
                        s.metas.push(n);
                    }
                    if has("http-equiv", "content-language") {
                        s.content_language.push(n);
                    }
                }
                "script" if has("type", "application/ld+json") => s.ld_json.push(n),
                "title"
                    if s.head_title.is_none()
                        && n.ancestors_it(None).any(|a| a.has_name("head")) =>
                {
                    s.head_title = Some(n)
                }
                "h1" if s.h1.is_none() => s.h1 = Some(n),
                "link" if has("rel", "canonical") => s.canonical.push(n),
                "html" => s.html.push(n),
                _ => {}
            }
        }
        s
    }
}

/// Reads the page's metadata (call before the document is pruned).
#[cfg(test)]
pub fn extract(doc: &Document, url_hint: Option<&str>) -> Metadata {
    extract_with_source(doc, None, url_hint)
}

/// [`extract`], also given the page's decoded HTML (`source`) for phrases
/// searched faster in the raw text than in the tree.
pub fn extract_with_source(
    doc: &Document,
    source: Option<&str>,
    url_hint: Option<&str>,
) -> Metadata {
    let survey = Survey::read(doc);
    let metas = Metas::read(&survey.metas);
    // Read only when a date search needs them, and then once.
    let scripts: std::cell::OnceCell<Vec<String>> = std::cell::OnceCell::new();
    let mut ld = Ld::default();
    let mut site_fallback = None;
    for s in &survey.ld_json {
        let raw = s.text();
        let raw = raw.trim().trim_end_matches(';');
        if let Ok(v) = serde_json::from_str::<Value>(raw) {
            walk(&v, 0, &mut ld, &mut site_fallback);
        }
    }

    let mut m = Metadata::default();
    let og_title = meta(&metas, &["og:title", "twitter:title"]);
    let html_title = survey.head_title.map(|t| clean_ws(&t.text()));
    let h1 = survey
        .h1
        .map(|t| clean_ws(&t.text()))
        .filter(|t| !t.is_empty());
    m.site_name = meta(&metas, &["og:site_name", "application-name"])
        .or(ld.site.clone())
        .or(site_fallback)
        .or_else(|| html_title.as_deref().and_then(title_suffix));
    // The page's visible headline (its first <h1>) is the title when it
    // agrees with the declared one (which often carries the site name or an
    // SEO variant); a logo or section <h1> that does not is passed over.
    let declared = ld
        .title
        .clone()
        .or(og_title)
        .or_else(|| meta(&metas, &["headline", "dc.title", "title"]))
        .map(|t| strip_site(&decode_entities(&t), m.site_name.as_deref()));
    m.title = match (h1.clone(), declared) {
        (Some(h), Some(t)) if word_overlap(&h, &t) >= 0.5 && h.len() <= 300 => Some(h),
        (_, Some(t)) => Some(t),
        // Only the document <title>: the <h1> is the headline unless the
        // two disagree (a page that has loaded the next story's <h1>
        // first, or a logo <h1>).
        (Some(h), None) => match html_title
            .as_deref()
            .map(|t| strip_site(&decode_entities(t), m.site_name.as_deref()))
        {
            Some(t) if !t.is_empty() && word_containment(&h, &t) < 0.5 => Some(t),
            _ => Some(h),
        },
        (None, None) => html_title
            .as_deref()
            .map(|t| strip_site(&decode_entities(t), m.site_name.as_deref())),
    };

    let head = header(doc, m.title.as_deref());
    m.authors = ld.authors.clone();
    if m.authors.is_empty() {
        if let Some(a) = meta(
            &metas,
            &[
                "author",
                "article:author",
                "dc.creator",
                "parsely-author",
                "sailthru.author",
                "byl",
            ],
        ) {
            if !a.starts_with("http") {
                split_byline(&a, &mut m.authors);
            }
        }
    }
    if m.authors.is_empty() {
        for marked in author_elements(doc) {
            if let Some(a) = marked
                .iter()
                .map(|e| clean_ws(&e.text()))
                .find(|t| !t.is_empty() && t.len() < 120)
            {
                split_byline(&a, &mut m.authors);
                if !m.authors.is_empty() {
                    break;
                }
            }
        }
    }
    if m.authors.is_empty() {
        m.authors = head.as_ref().map(header_byline).unwrap_or_default();
    }
    // An organisation named as the author (the site itself) gives way to a
    // person's byline under the headline.
    if m.authors.len() == 1
        && m.site_name.as_deref().is_some_and(|s| {
            word_overlap(s, &m.authors[0]) >= 0.5 || s.eq_ignore_ascii_case(&m.authors[0])
        })
    {
        if let Some(b) = head.as_ref().map(header_byline).filter(|b| !b.is_empty()) {
            m.authors = b;
        }
    }

    let meta_published = meta_date(&metas, &PUBLISHED_KEYS);
    m.published = ld
        .published
        .clone()
        .or_else(|| meta_published.clone())
        .or_else(|| ld.page_published.clone());
    let shown = head.as_ref().map(header_dates).unwrap_or_default();
    // Structured sources that disagree (JSON-LD kept from an old version,
    // `<meta>` tags updated): the one whose day the page shows by its
    // headline, under any label, is the current one.
    if let Some(p) = m.published.as_deref() {
        let day = |d: &str| d.get(..10).map(str::to_string);
        let shown_day = |c: &&String| shown.iter().any(|(d, _)| day(d) == day(c));
        let others = [meta_published.as_ref(), ld.page_published.as_ref()];
        if !shown.iter().any(|(d, _)| day(d) == day(p)) {
            if let Some(c) = others.into_iter().flatten().find(shown_day) {
                m.published = Some(c.clone());
            }
        }
    }
    // A publication timestamp identical to the modification one is the
    // content system writing its last save as both: an element the page
    // marks as the publication time (`<time pubdate>`, microdata
    // `datePublished`) that says otherwise is the publication date.
    if let Some(p) = m.published.as_deref().filter(|p| p.len() > 10) {
        let modified = ld
            .modified
            .clone()
            .or_else(|| meta_date(&metas, &MODIFIED_KEYS));
        if modified.as_deref() == Some(p) {
            if let Some(d) = marked_published_time(doc).filter(|d| d.get(..10) != p.get(..10)) {
                m.published = Some(d);
            }
        }
    }
    // The date the page shows by its headline wins over metadata that
    // disagrees with it: a date labelled "Published" first, else the first
    // unlabelled one. An "Updated" date is not a publication date: it is
    // used only when nothing else gives one.
    if !shown.is_empty() {
        let meta_day = m.published.as_deref().and_then(dates::day_number);
        // The page shows local time, metadata often UTC: a shown date a day
        // off still agrees when some time zone (UTC−12 to UTC+14) makes the
        // metadata's timestamp fall on it. Without a zone in the metadata,
        // a day either way.
        let agrees = |d: &str| match m.published.as_deref() {
            Some(p) => dates::zone_explains(d, p).unwrap_or_else(|| {
                dates::day_number(d)
                    .zip(meta_day)
                    .is_some_and(|(a, b)| (a - b).abs() <= 1)
            }),
            None => false,
        };
        // A date labelled "Published" must match exactly; an unlabelled one
        // agrees as above.
        let labelled = shown.iter().find(|(_, l)| *l == Label::Published);
        let settled = match labelled {
            Some((d, _)) => m
                .published
                .as_deref()
                .is_some_and(|p| p.get(..10) == d.get(..10)),
            None => shown.iter().any(|(d, _)| agrees(d)),
        };
        if !settled {
            let pick = labelled
                .or_else(|| shown.iter().find(|(_, l)| *l == Label::None))
                .or_else(|| shown.first().filter(|_| m.published.is_none()));
            if let Some((d, _)) = pick {
                m.published = Some(time_attribute(doc, d).unwrap_or_else(|| d.clone()));
            }
        }
        // A shown all-numeric date ("03/10/2023") is read day first when
        // the page's URL dates it that way (`/2023/october/03/`).
        if let (Some(p), Some(u)) = (m.published.as_deref(), url_hint.and_then(dates::from_url)) {
            if p.get(..10) != Some(u.as_str())
                && shown.iter().any(|(d, _)| d.get(..10) == p.get(..10))
                && dates::swap_day_month(p).as_deref() == Some(u.as_str())
            {
                m.published = Some(u);
            }
        }
    }
    // A date in the page's URL is the publisher's own calendar day: it wins
    // over a timestamp whose UTC date a time zone moves off it
    // (`/2025/12/18/` against `2025-12-19T03:05:00+00:00`).
    if let (Some(p), Some(u)) = (m.published.as_deref(), url_hint.and_then(dates::from_url)) {
        if p.get(..10) != Some(u.as_str()) && dates::zone_explains(&u, p) == Some(true) {
            m.published = Some(u);
        }
    }
    if m.published.is_none() {
        m.published = time_element(doc);
    }
    if m.published.is_none() {
        m.published = data_attribute_date(&survey.data_pubdate, "data-pubdate")
            .or_else(|| {
                script_date(
                    scripts.get_or_init(|| inline_scripts(&survey.inline_scripts)),
                    &SCRIPT_PUBLISHED_KEYS,
                )
            })
            .or_else(|| attribute_json_date(doc));
    }
    if m.published.is_none() {
        m.published = url_hint.and_then(dates::from_url);
    }
    if m.published.is_none() {
        m.published = near_title_date(doc, survey.h1).or_else(|| visible_date(doc));
    }
    m.modified = ld
        .modified
        .clone()
        .or_else(|| meta_date(&metas, &MODIFIED_KEYS))
        .or_else(|| ld.page_modified.clone())
        .or_else(|| data_attribute_date(&survey.data_lastmod, "data-lastmod"))
        .or_else(|| {
            script_date(
                scripts.get_or_init(|| inline_scripts(&survey.inline_scripts)),
                &SCRIPT_MODIFIED_KEYS,
            )
        });

    m.url = survey
        .canonical
        .iter()
        .find_map(|l| l.attr("href").map(|h| h.trim().to_string()))
        .filter(|h| h.starts_with("http"))
        .or_else(|| meta(&metas, &["og:url"]))
        .or(ld.url)
        .or_else(|| url_hint.map(str::to_string));
    if m.published.is_none() {
        m.published = m.url.as_deref().and_then(dates::from_url);
    }
    if m.published.is_none() {
        // Last resort: the first date written out anywhere on the page
        // (bylines laid out away from the headline, "Last updated" footers).
        m.published = super::body(doc).and_then(|b| {
            let text = visible_text(b);
            dates::find_written(&text).or_else(|| dates::find_labelled_numeric(&text))
        });
    }
    // "This article was originally published on 26 Sep 2019": the page
    // says in words when it first appeared.
    if let Some(d) = source.and_then(originally_published) {
        m.published = Some(d);
    }
    m.language = survey
        .html
        .iter()
        .find_map(|h| h.attr("lang").or_else(|| h.attr("xml:lang")))
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .or_else(|| {
            survey
                .content_language
                .iter()
                .find_map(|x| x.attr("content").map(|c| c.trim().to_string()))
        })
        .or_else(|| {
            meta(&metas, &["og:locale", "language", "dc.language"]).map(|l| l.replace('_', "-"))
        });
    m
}

/// Elements marked as naming the author, strongest mark first, each list in
/// page order (one walk for the selectors `[rel="author"]`,
/// `[itemprop="author"] [itemprop="name"]`, `[itemprop="author"]`,
/// `.byline`, `.author-name`, `.author`, `[class*="byline" i]`).
fn author_elements(doc: &Document) -> [Vec<NodeRef<'_>>; 7] {
    let mut out: [Vec<NodeRef>; 7] = Default::default();
    for n in doc.root().descendants_it() {
        let Some(el) = n.element_ref() else { continue };
        let attr = |name: &str| {
            el.attrs
                .iter()
                .find(|a| &*a.name.local == name)
                .map(|a| &*a.value)
        };
        // `rel` values compare case-insensitively on HTML elements.
        if attr("rel").is_some_and(|r| {
            r == "author"
                || (r.eq_ignore_ascii_case("author")
                    && &*el.name.ns == "http://www.w3.org/1999/xhtml")
        }) {
            out[0].push(n);
        }
        match attr("itemprop") {
            Some("author") => out[2].push(n),
            Some("name")
                if n.ancestors_it(None)
                    .any(|a| a.attr("itemprop").is_some_and(|p| &*p == "author")) =>
            {
                out[1].push(n)
            }
            _ => {}
        }
        if let Some(class) = attr("class") {
            let mut tokens = class.split_ascii_whitespace();
            if tokens.clone().any(|c| c == "byline") {
                out[3].push(n);
            }
            if tokens.clone().any(|c| c == "author-name") {
                out[4].push(n);
            }
            if tokens.any(|c| c == "author") {
                out[5].push(n);
            }
            if contains_ignore_ascii_case(class, "byline") {
                out[6].push(n);
            }
        }
    }
    out
}

/// Whether `hay` contains `needle` (ASCII letters compared case-insensitively).
pub(crate) fn contains_ignore_ascii_case(hay: &str, needle: &str) -> bool {
    hay.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Keys that name a publication date in the JSON state of script-rendered
/// pages (Next.js, Gatsby, Prismic, Contentful...).
const SCRIPT_PUBLISHED_KEYS: [&str; 8] = [
    "datePublished",
    "publishedDate",
    "first_publication_date",
    "publishDate",
    "published_at",
    "publishedAt",
    "date_published",
    "publish_date",
];
const SCRIPT_MODIFIED_KEYS: [&str; 5] = [
    "dateModified",
    "modifiedDate",
    "last_publication_date",
    "updatedAt",
    "updated_at",
];

/// The page's inline scripts (each under 4 MB), read once for both date
/// searches.
fn inline_scripts(scripts: &[NodeRef]) -> Vec<String> {
    scripts
        .iter()
        .map(|s| s.text().to_string())
        .filter(|t| t.len() < 4 << 20)
        .collect()
}

/// The first `"key": "date"` (or `key:"date"`) for one of `keys` in the page's
/// inline scripts, in key order.
fn script_date(scripts: &[String], keys: &[&str]) -> Option<String> {
    for key in keys {
        // memchr's vectorised search: the scripts are often most of the page.
        let finder = memchr::memmem::Finder::new(key.as_bytes());
        for text in scripts {
            let mut from = 0;
            while let Some(pos) = finder.find(&text.as_bytes()[from..]) {
                let after = from + pos + key.len();
                from = after;
                // Accept `key":"v"`, `key": "v"`, `key:"v"`, `key\":\"v`.
                let rest = text[after..].trim_start_matches(['"', '\\']).trim_start();
                let Some(rest) = rest.strip_prefix(':') else {
                    continue;
                };
                let rest = rest.trim_start().trim_start_matches(['"', '\\']);
                let end = rest.find(['"', '\\', ',']).unwrap_or(rest.len()).min(40);
                if let Some(d) = rest.get(..end).and_then(dates::normalize) {
                    return Some(d);
                }
            }
        }
    }
    None
}

/// `datePublished` in JSON-LD that a page carries in an attribute instead
/// of a script (`<meta name="script:ld+json" content="{&quot;datePublished
/// &quot;: ...}">`, component props): read when nothing else dates the page.
fn attribute_json_date(doc: &Document) -> Option<String> {
    let finder = memchr::memmem::Finder::new(b"datePublished");
    let mut values = Vec::new();
    for n in doc.root().descendants_it() {
        let Some(el) = n.element_ref() else { continue };
        for a in el.attrs.iter() {
            if finder.find(a.value.as_bytes()).is_some() {
                values.push(a.value.to_string());
            }
        }
    }
    script_date(&values, &["datePublished"])
}

/// The `datetime` of a `<time>` element that shows `day` as its text, when
/// the two name days no time zone reconciles: the attribute is the
/// element's machine-readable value (`<time datetime="2024-12-20">August 28,
/// 2024</time>`).
fn time_attribute(doc: &Document, day: &str) -> Option<String> {
    doc.select("time[datetime]").iter().find_map(|t| {
        if dates::find_visible(&t.text()).as_deref() != day.get(..10) {
            return None;
        }
        let d = t.attr("datetime").as_deref().and_then(dates::normalize)?;
        let near = dates::zone_explains(day, &d).unwrap_or_else(|| {
            dates::day_number(day)
                .zip(dates::day_number(&d))
                .is_some_and(|(a, b)| (a - b).abs() <= 1)
        });
        (!near).then_some(d)
    })
}

/// The first date an element marks as the publication time: `<time
/// pubdate>`, microdata `itemprop="datePublished"`.
fn marked_published_time(doc: &Document) -> Option<String> {
    first_time_in(doc, &MARKED_PUBLISHED)
}

/// Elements that mark themselves as the publication time.
const MARKED_PUBLISHED: [&str; 3] = [
    "time[pubdate]",
    "time[itemprop=\"datePublished\"]",
    "[itemprop=\"datePublished\"]",
];

/// The first date found in elements matching `selectors`, tried in order:
/// the `datetime`/`content` attribute, else a date in the element's text.
fn first_time_in(doc: &Document, selectors: &[&str]) -> Option<String> {
    for sel in selectors {
        for t in doc.select(sel).iter() {
            let v = t.attr("datetime").or_else(|| t.attr("content"));
            if let Some(d) = v.as_deref().and_then(dates::normalize) {
                return Some(d);
            }
            if let Some(d) = dates::find_visible(&t.text()) {
                return Some(d);
            }
        }
    }
    None
}

/// The date after "originally published" / "first published" in the page's
/// HTML ("This article was originally published on 26 Sep 2019 at 4:12pm"),
/// within a few words of the phrase.
fn originally_published(source: &str) -> Option<String> {
    for phrase in ["riginally published", "irst published"] {
        let finder = memchr::memmem::Finder::new(phrase.as_bytes());
        for at in finder.find_iter(source.as_bytes()) {
            let start = at + phrase.len();
            let end = floor_char(source, (start + 400).min(source.len()));
            let Some(raw) = source.get(start..end) else {
                continue;
            };
            // Tags dropped, entities decoded, spaces collapsed.
            let mut text = String::with_capacity(raw.len());
            let mut in_tag = false;
            for c in raw.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' if in_tag => {
                        in_tag = false;
                        text.push(' ');
                    }
                    _ if !in_tag => text.push(c),
                    _ => {}
                }
            }
            let text = clean_ws(&decode_entities(&text));
            let near = &text[..floor_char(&text, text.len().min(80))];
            // The same sentence only ("Originally published in March 2022.
            // Last updated on December 20, 2024." names no day).
            let near = match near
                .match_indices(". ")
                .find(|(i, _)| near[i + 2..].starts_with(|c: char| c.is_uppercase()))
            {
                Some((i, _)) => &near[..i],
                None => near,
            };
            if let Some(d) = dates::find_visible(near) {
                return Some(d);
            }
        }
    }
    None
}

/// A date in a `data-*` attribute (`<body data-pubdate="2022-10-05">`) of
/// the elements that carry it.
fn data_attribute_date(elements: &[NodeRef], attr: &str) -> Option<String> {
    elements
        .iter()
        .find_map(|e| e.attr(attr).as_deref().and_then(dates::normalize))
}

/// `<time datetime>`, preferring one marked as the publication time.
fn time_element(doc: &Document) -> Option<String> {
    first_time_in(doc, &MARKED_PUBLISHED)
        .or_else(|| first_time_in(doc, &["time[class*=\"publish\" i]", "time[datetime]"]))
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Label {
    Published,
    Updated,
    None,
}

/// Text a reader sees under `root`: scripts, styles and form controls left
/// out, a space between text nodes, a line break at each block.
fn visible_text(root: NodeRef) -> String {
    let mut text = String::new();
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        if n.is_text() {
            n.query(|t| {
                if let dom_query::NodeData::Text { contents } = &t.data {
                    text.push_str(contents);
                    text.push(' ');
                }
            });
            continue;
        }
        let Some(name) = n.qual_name_ref().map(|q| q.local.clone()) else {
            continue;
        };
        if matches!(
            &*name,
            "script" | "style" | "noscript" | "template" | "svg" | "select" | "option" | "button"
        ) {
            continue;
        }
        if !matches!(&*name, "span" | "a" | "em" | "strong" | "b" | "i") {
            text.push('\n');
        }
        let mut c = n.last_child();
        while let Some(ch) = c {
            c = ch.prev_sibling();
            stack.push(ch);
        }
    }
    text
}

/// The page's visible text up to a window past its headline, and where the
/// headline is in it.
struct Header {
    text: String,
    start: usize,
    end: usize,
}

impl Header {
    fn after(&self, n: usize) -> &str {
        &self.text[self.end..floor_char(&self.text, (self.end + n).min(self.text.len()))]
    }
}

fn header(doc: &Document, title: Option<&str>) -> Option<Header> {
    let body = super::body(doc)?;
    // Visible text in page order, up to a window past the first headline.
    let mut text = String::new();
    let mut h1: Option<(usize, usize)> = None;
    let mut h1_node = None;
    let mut h1_is_h1 = false;
    enum Step<'a> {
        Enter(dom_query::NodeRef<'a>),
        Exit(dom_query::NodeId),
    }
    let mut stack = vec![Step::Enter(body)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Exit(id) => {
                if h1_node == Some(id) {
                    let start = h1.map_or(0, |(s, _)| s);
                    h1_node = None;
                    // A one-word <h1> is a logo or a section name; an <h2>
                    // or <h3> is the headline only when it repeats the title.
                    let words = text[start..].split_whitespace().count();
                    let ok = if h1_is_h1 {
                        words >= 2
                    } else {
                        words >= 3 && title.is_some_and(|t| word_overlap(&text[start..], t) >= 0.6)
                    };
                    h1 = ok.then_some((start, text.len()));
                }
            }
            Step::Enter(n) => {
                if n.is_text() {
                    let t = n.text();
                    for w in t.split_whitespace() {
                        text.push_str(w);
                        text.push(' ');
                    }
                    if let Some((_, end)) = h1 {
                        if h1_node.is_none() && text.len() > end + 400 {
                            break;
                        }
                    }
                    continue;
                }
                if !n.is_element() {
                    continue;
                }
                let name = n
                    .node_name()
                    .map(|s| s.to_ascii_lowercase())
                    .unwrap_or_default();
                if matches!(
                    name.as_str(),
                    "script"
                        | "style"
                        | "noscript"
                        | "template"
                        | "svg"
                        | "select"
                        | "option"
                        | "button"
                ) {
                    continue;
                }
                if matches!(name.as_str(), "h1" | "h2" | "h3") && h1.is_none() {
                    h1 = Some((text.len(), text.len()));
                    h1_node = Some(n.id);
                    h1_is_h1 = name == "h1";
                }
                stack.push(Step::Exit(n.id));
                let mut kids = Vec::new();
                let mut c = n.first_child();
                while let Some(ch) = c {
                    c = ch.next_sibling();
                    kids.push(ch);
                }
                stack.extend(kids.into_iter().rev().map(Step::Enter));
                // Block boundaries become line breaks (a byline ends there).
                if !matches!(name.as_str(), "span" | "a" | "em" | "strong" | "b" | "i") {
                    text.push('\n');
                }
            }
        }
    }
    let (start, end) = h1.filter(|_| h1_node.is_none())?;
    Some(Header { text, start, end })
}

/// Dates written just after (then just before) the page's headline, with
/// the label in front of each ("Published", "Updated"...).
fn header_dates(h: &Header) -> Vec<(String, Label)> {
    let (text, start, end) = (&h.text, h.start, h.end);
    let after_end = floor_char(text, (end + 400).min(text.len()));
    let before_start = floor_char(text, start.saturating_sub(200));
    let mut out = Vec::new();
    for (base, window) in [
        (end, &text[end..after_end]),
        (before_start, &text[before_start..start]),
    ] {
        let mut prev_end = base;
        for (pos, d) in dates::find_all_visible(window) {
            // The label sits between the previous date and this one.
            // (Matches can overlap: "2023 Jan 7, 2024" holds two.)
            let lead_start = floor_char(
                text,
                (base + pos)
                    .saturating_sub(30)
                    .max(prev_end)
                    .min(base + pos),
            );
            prev_end = (base + pos + 8).min(base + window.len());
            prev_end = floor_char(text, prev_end);
            let lead = text[lead_start..base + pos].to_lowercase();
            let label = if ["updated", "modified", "reviewed", "edited", "refreshed"]
                .iter()
                .any(|w| lead.contains(w))
            {
                Label::Updated
            } else if ["published", "posted", "released", "written", "created"]
                .iter()
                .any(|w| lead.contains(w))
            {
                Label::Published
            } else {
                Label::None
            };
            out.push((d, label));
        }
    }
    out
}

/// "By Jane Doe and John Roe" written just under the headline.
fn header_byline(h: &Header) -> Vec<String> {
    let window = h.after(300);
    let mut out = Vec::new();
    let lines: Vec<Vec<&str>> = window
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>())
        .filter(|l| !l.is_empty())
        .collect();
    for (li, line) in lines.iter().enumerate() {
        let Some(i) = line.iter().position(|t| {
            matches!(
                t.to_lowercase().as_str(),
                "by" | "by:" | "author:" | "authors:" | "written by:"
            )
        }) else {
            continue;
        };
        // The name follows on the same line, else on the next one.
        let toks: &[&str] = if i + 1 < line.len() {
            &line[i + 1..]
        } else if let Some(next) = lines.get(li + 1) {
            next
        } else {
            continue;
        };
        let mut name = Vec::new();
        for (j, w) in toks.iter().enumerate().take(12) {
            let dated = toks
                .get(j + 1)
                .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()));
            let bare = w.trim_end_matches([',', ';', ':', '|']);
            let connector = matches!(
                bare,
                "and"
                    | "&"
                    | "van"
                    | "de"
                    | "der"
                    | "von"
                    | "la"
                    | "du"
                    | "da"
                    | "di"
                    | "del"
                    | "bin"
            );
            let capital = bare.chars().next().is_some_and(char::is_uppercase);
            if bare.is_empty()
                || !(connector || capital)
                || bare.chars().any(|c| c.is_ascii_digit())
                || (dated && dates::is_month(bare))
                || matches!(
                    bare,
                    "Updated"
                        | "Published"
                        | "Posted"
                        | "Last"
                        | "On"
                        | "Reviewed"
                        | "Fact"
                        | "Edited"
                )
            {
                break;
            }
            name.push(*w);
            if w.ends_with(['|', ';', ':']) {
                break;
            }
        }
        while name.last().is_some_and(|w| matches!(*w, "and" | "&")) {
            name.pop();
        }
        if name.is_empty() {
            continue;
        }
        split_byline(&name.join(" "), &mut out);
        if !out.is_empty() {
            break;
        }
    }
    out
}

/// A date written just under (else just above) the page's `<h1>`: where
/// bylines put it when no markup names it.
fn near_title_date(doc: &Document, h1: Option<NodeRef>) -> Option<String> {
    let h1 = h1?;
    let title = clean_ws(&h1.text());
    if title.len() < 8 {
        return None;
    }
    let body = super::body(doc)?;
    let text = clean_ws(&body.text());
    let at = text.find(&title)?;
    let after_start = at + title.len();
    let after_end = floor_char(&text, (after_start + 600).min(text.len()));
    if let Some(d) = dates::find_visible(&text[after_start..after_end]) {
        return Some(d);
    }
    let before_start = floor_char(&text, at.saturating_sub(200));
    dates::find_visible(&text[before_start..at])
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A date written in an element whose class/id names a date, then in the
/// article header area.
fn visible_date(doc: &Document) -> Option<String> {
    for sel in [
        "[class*=\"publish\" i]",
        "[class*=\"date\" i]",
        "[id*=\"date\" i]",
        "[class*=\"byline\" i]",
        "[class*=\"meta\" i]",
        "[class*=\"time\" i]",
    ] {
        for e in doc.select(sel).iter().take(20) {
            let t = e.text();
            if t.len() > 300 {
                continue;
            }
            if let Some(d) = dates::find_visible(&t) {
                return Some(d);
            }
        }
    }
    None
}

/// "By Jane Doe and John Roe" / "Jane Doe, John Roe" → names.
pub(crate) fn split_byline(s: &str, out: &mut Vec<String>) {
    let s = decode_entities(&clean_ws(s));
    let mut s = s.as_str();
    for p in [
        "by",
        "written by",
        "posted by",
        "text by",
        "words by",
        "author",
        "authored by",
    ] {
        if s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p)) {
            let rest = &s[p.len()..];
            if rest.is_empty() || rest.starts_with([' ', ':']) {
                s = rest.trim_start_matches([' ', ':']);
            }
        }
    }
    if s.is_empty() {
        return;
    }
    // Cut trailing roles/dates ("Jane Doe | Reuters", "Jane Doe, Staff Writer").
    let s = s.split(['|', '\n', '•', '·']).next().unwrap_or(s);
    let s = s.split(" - ").next().unwrap_or(s).trim();
    for part in s
        .split(" and ")
        .flat_map(|p| p.split(", "))
        .flat_map(|p| p.split(" & "))
    {
        let p = part.trim().trim_end_matches(',').trim();
        let words = p.split_whitespace().count();
        if words == 0 || words > 5 || p.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let lower = p.to_ascii_lowercase();
        if [
            "staff",
            "writer",
            "editor",
            "reporter",
            "correspondent",
            "updated",
            "published",
            "contributor",
            "founder",
            "expert",
            "view more",
            "posts",
            "director",
            "manager",
            "officer",
        ]
        .iter()
        .any(|w| lower.contains(w))
        {
            continue;
        }
        push_author(out, p);
    }
}

/// The lowercased alphanumeric runs of `s`: the words titles and headlines
/// are compared by.
pub(crate) fn lower_words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The words of `a` found in `b`, and the word counts of both.
fn shared_words(a: &str, b: &str) -> (usize, usize, usize) {
    let (wa, wb): (Vec<String>, Vec<String>) = (lower_words(a).collect(), lower_words(b).collect());
    let shared = wa.iter().filter(|w| wb.contains(w)).count();
    (shared, wa.len(), wb.len())
}

/// Share of `a`'s words that occur in `b`.
fn word_containment(a: &str, b: &str) -> f64 {
    let (shared, na, _) = shared_words(a, b);
    shared as f64 / na.max(1) as f64
}

/// Shared words over the longer title's word count.
fn word_overlap(a: &str, b: &str) -> f64 {
    let (shared, na, nb) = shared_words(a, b);
    shared as f64 / na.max(nb).max(1) as f64
}

/// Decodes the character references that survive into metadata strings
/// (`&#8211;`, `&#038;`, `&amp;`): some sites escape them twice.
pub(crate) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest[..rest.len().min(12)].find(';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..end];
        let decoded = if let Some(num) = name.strip_prefix('#') {
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => num.parse::<u32>().ok(),
            };
            code.and_then(char::from_u32)
        } else {
            match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                "bull" => Some('•'),
                "middot" => Some('·'),
                "ndash" => Some('–'),
                "mdash" => Some('—'),
                "lsquo" => Some('‘'),
                "rsquo" => Some('’'),
                "ldquo" => Some('“'),
                "rdquo" => Some('”'),
                "hellip" => Some('…'),
                "raquo" => Some('»'),
                "laquo" => Some('«'),
                _ => None,
            }
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn title_suffix(t: &str) -> Option<String> {
    for sep in [" | ", " - ", " — ", " – ", " :: "] {
        if let Some(i) = t.rfind(sep) {
            let s = t[i + sep.len()..].trim();
            if !s.is_empty() && s.split_whitespace().count() <= 4 {
                return Some(s.to_string());
            }
        }
    }
    None
}

fn strip_site(t: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " — ", " – ", " :: ", " • ", " · "] {
        if let Some(i) = t.rfind(sep) {
            let suffix = t[i + sep.len()..].trim();
            if site.is_some_and(|s| s.eq_ignore_ascii_case(suffix))
                || suffix.split_whitespace().count() <= 3
            {
                return t[..i].trim().to_string();
            }
        }
    }
    t.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_graph_and_og() {
        let html = r#"<html lang="en-GB"><head><title>Big story - The Daily</title>
        <meta property="og:site_name" content="The Daily">
        <meta property="article:modified_time" content="2016-12-16T08:00:00Z">
        <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"Daily"},
          {"@type":"NewsArticle","headline":"Big story","datePublished":"2016-12-15T10:00:00Z",
           "author":[{"@type":"Person","name":"Jane Doe"},{"name":"John Roe"}]}]}</script>
        </head><body><p>x</p></body></html>"#;
        let doc = Document::from(html);
        let m = extract(&doc, None);
        assert_eq!(m.title.as_deref(), Some("Big story"));
        assert_eq!(m.authors, vec!["Jane Doe", "John Roe"]);
        assert_eq!(m.published.as_deref(), Some("2016-12-15T10:00:00Z"));
        assert_eq!(m.modified.as_deref(), Some("2016-12-16T08:00:00Z"));
        assert_eq!(m.site_name.as_deref(), Some("The Daily"));
        assert_eq!(m.language.as_deref(), Some("en-GB"));
    }

    #[test]
    fn heuristics() {
        let html = r#"<html><head><title>Story | Gazette</title></head><body>
          <h1>Story</h1><div class="byline">By Jane Doe and John Roe</div>
          <span class="date">Nov. 14, 2016</span><p>Text.</p></body></html>"#;
        let doc = Document::from(html);
        let m = extract(&doc, Some("https://g.example/news/story"));
        assert_eq!(m.authors, vec!["Jane Doe", "John Roe"]);
        assert_eq!(m.published.as_deref(), Some("2016-11-14"));
        assert_eq!(m.site_name.as_deref(), Some("Gazette"));
        // The date and byline shown under the headline beat metadata that
        // disagrees (an organisation as author, another object's date).
        let html = r#"<html><head><title>Big news story</title>
          <meta name="author" content="The Gazette"><meta property="og:site_name" content="The Gazette">
          <meta property="article:published_time" content="2020-01-01T10:00:00Z"></head><body>
          <h1>Big news story today</h1><div class="meta"><span>By <a href="/a">Jane Doe</a> and John Roe</span>
          <div>Published <time>March 3, 2021</time></div><div>Updated April 4, 2021</div></div>
          <p>Text.</p></body></html>"#;
        let doc = Document::from(html);
        let m = extract(&doc, None);
        assert_eq!(m.authors, vec!["Jane Doe", "John Roe"]);
        assert_eq!(m.published.as_deref(), Some("2021-03-03"));
        let doc = Document::from("<p>x</p>");
        let m = extract(&doc, Some("https://g.example/2016/12/15/a.html"));
        assert_eq!(m.published.as_deref(), Some("2016-12-15"));
    }

    #[test]
    fn numeric_shown_date_read_as_the_url_gives_it() {
        let html = r#"<html><head><title>How many wine styles are there</title></head><body>
          <h1>How many wine styles are there</h1><div><span>03/10/2023</span> by Staff</div>
          <p>Text.</p></body></html>"#;
        let doc = Document::from(html);
        let m = extract(&doc, Some("https://w.example/blog/2023/october/03/wine"));
        assert_eq!(m.published.as_deref(), Some("2023-10-03"));
        // Without a URL date, month first as before.
        let m = extract(&doc, Some("https://w.example/blog/wine"));
        assert_eq!(m.published.as_deref(), Some("2023-03-10"));
        // Dates that overlap ("2023 Jan 7, 2024") do not upset the labels.
        let html = r#"<html><body><h1>A long enough headline</h1>
          <p>Posted 2023 Jan 7, 2024 and updated 2024 Feb 2</p></body></html>"#;
        let m = extract(&Document::from(html), None);
        assert!(m.published.is_some());
    }

    #[test]
    fn whitespace_as_split_whitespace_has_it() {
        for s in [
            "",
            "   ",
            "a",
            " a  b\tc\n\x0bd\x0ce\r ",
            "x\u{a0}y\u{2003}z\u{3000} é ü\u{85}v\u{200b}w",
            "\u{a0}lead and trail\u{2029}",
        ] {
            let expected = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(clean_ws(s), expected, "{s:?}");
            assert_eq!(count_words(s), s.split_whitespace().count(), "{s:?}");
        }
    }

    #[test]
    fn data_attribute_and_script_dates() {
        let html = r#"<html><body data-pubdate="2022-10-05" data-lastmod="2022-11-01">
          <p>Text.</p></body></html>"#;
        let m = extract(&Document::from(html), None);
        assert_eq!(m.published.as_deref(), Some("2022-10-05"));
        assert_eq!(m.modified.as_deref(), Some("2022-11-01"));
        let html = r#"<html><head><script src="/app.js"></script>
          <script>window.__STATE__={"publishedAt":"2021-04-05T10:00:00Z","updatedAt":"2021-05-06"}</script>
          </head><body><p>Text.</p></body></html>"#;
        let m = extract(&Document::from(html), None);
        assert_eq!(m.published.as_deref(), Some("2021-04-05T10:00:00Z"));
        assert_eq!(m.modified.as_deref(), Some("2021-05-06"));
    }

    #[test]
    fn citation_dates() {
        let html = r#"<html><head><meta name="citation_publication_date" content="2023 Jan 7">
          </head><body><h1>A study of things</h1><p>Text.</p></body></html>"#;
        let m = extract(&Document::from(html), None);
        assert_eq!(m.published.as_deref(), Some("2023-01-07"));
    }

    #[test]
    fn shown_date_a_time_zone_cannot_explain_beats_metadata() {
        let page = |stamp: &str, shown: &str| {
            format!(
                r#"<html><head><script type="application/ld+json">
                {{"@type":"NewsArticle","datePublished":"{stamp}"}}</script></head>
                <body><h1>The headline of the story</h1><div>{shown}</div>
                <p>Text.</p></body></html>"#
            )
        };
        // 22:02 UTC on the 19th is the 18th in no time zone: the page's day wins.
        let m = extract(
            &Document::from(page("2025-12-19T22:02:58Z", "Dec 18, 2025").as_str()),
            None,
        );
        assert_eq!(m.published.as_deref(), Some("2025-12-18"));
        // 03:05 UTC is the evening before in the Americas: the metadata stays.
        let m = extract(
            &Document::from(page("2025-12-19T03:05:00Z", "Dec 18, 2025").as_str()),
            None,
        );
        assert_eq!(m.published.as_deref(), Some("2025-12-19T03:05:00Z"));
        // No zone: a day either way still agrees.
        let m = extract(
            &Document::from(page("2025-12-19T22:02:58", "Dec 18, 2025").as_str()),
            None,
        );
        assert_eq!(m.published.as_deref(), Some("2025-12-19T22:02:58"));
    }

    #[test]
    fn url_day_beats_a_utc_timestamp_a_zone_moves() {
        let html = r#"<html><head><meta property="article:published_time" content="2025-12-19T03:05:00+00:00">
          </head><body><p>Text.</p></body></html>"#;
        let doc = Document::from(html);
        let m = extract(&doc, Some("https://b.example/2025/12/18/a-post/"));
        assert_eq!(m.published.as_deref(), Some("2025-12-18"));
        // A URL two days off is another date (a republication): metadata stays.
        let m = extract(&doc, Some("https://b.example/2025/12/17/a-post/"));
        assert_eq!(m.published.as_deref(), Some("2025-12-19T03:05:00+00:00"));
    }

    #[test]
    fn disagreeing_structured_dates_settled_by_the_shown_day() {
        let html = r#"<html><head>
          <meta property="article:published_time" content="2025-12-19T18:06:00Z">
          <script type="application/ld+json">{"@type":"Article","datePublished":"2018-04-03T16:50:31Z"}</script>
          </head><body><h1>The best running shoes this year</h1>
          <div>By Amanda Furrer Updated: Dec 19, 2025 1:06 PM EST</div><p>Text.</p></body></html>"#;
        let m = extract(&Document::from(html), None);
        assert_eq!(m.published.as_deref(), Some("2025-12-19T18:06:00Z"));
        // Nothing shown: JSON-LD first, as before.
        let html = html.replace("Updated: Dec 19, 2025 1:06 PM EST", "");
        let m = extract(&Document::from(html.as_str()), None);
        assert_eq!(m.published.as_deref(), Some("2018-04-03T16:50:31Z"));
    }

    #[test]
    fn marked_publication_time_beats_a_timestamp_equal_to_the_modified_one() {
        let html = r#"<html><head><script type="application/ld+json">
          {"@type":"Article","datePublished":"2025-11-29T12:28:31-05:00","dateModified":"2025-11-29T12:28:31-05:00"}
          </script></head><body><h1>Free accounting tools</h1><p>TEXT</p>
          <div>Published <time pubdate datetime="2025-08-13">August 13, 2025</time></div></body></html>"#;
        // The byline at the foot of the article, out of the headline's reach.
        let html = html.replace("TEXT", &"Some words of the article. ".repeat(30));
        let m = extract(&Document::from(html.as_str()), None);
        assert_eq!(m.published.as_deref(), Some("2025-08-13"));
        // A modification after publication: the structured date stays.
        let html = html.replace(
            r#""dateModified":"2025-11-29T12:28:31-05:00""#,
            r#""dateModified":"2025-11-30T09:00:00-05:00""#,
        );
        let m = extract(&Document::from(html.as_str()), None);
        assert_eq!(m.published.as_deref(), Some("2025-11-29T12:28:31-05:00"));
    }

    #[test]
    fn json_ld_in_an_attribute() {
        let html = r#"<html><head><meta name="script:ld+json" content="{&quot;@type&quot;:&quot;Article&quot;,&quot;dateModified&quot;:&quot;2025-11-18T09:00:00-05:00&quot;,&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}">
          </head><body><p>Text.</p></body></html>"#;
        let m = extract(&Document::from(html), None);
        assert_eq!(m.published.as_deref(), Some("2025-11-17T09:00:00-05:00"));
    }

    #[test]
    fn originally_published_in_words() {
        let html = r#"<html><body><h1>Pros and cons of tiny homes</h1><div>30 Sep 2022</div>
          <p>Text.</p><p class="note">This article was originally published on
          26 Sep 2019 at 4:12pm but has been regularly updated.</p></body></html>"#;
        let m = extract_with_source(&Document::from(html), Some(html), None);
        assert_eq!(m.published.as_deref(), Some("2019-09-26"));
        assert_eq!(
            originally_published("<em>First published</em> on <b>March 3, 2021</b>.").as_deref(),
            Some("2021-03-03")
        );
        // A day named only in the next sentence is another date.
        assert_eq!(
            originally_published(
                "Originally published in March 2022. Last updated on December 20, 2024."
            ),
            None
        );
        // Too far from the phrase.
        assert_eq!(
            originally_published(&format!(
                "originally published {} May 4, 2022",
                "x ".repeat(60)
            )),
            None
        );
        // Cut inside a multi-byte character at the window's end: no panic.
        let long = format!("originally published {}", "é".repeat(300));
        assert_eq!(originally_published(&long), None);
    }

    #[test]
    fn time_element_attribute_beats_its_text_when_no_zone_reconciles_them() {
        let page = |attr: &str| {
            format!(
                r#"<html><body><h1>How a coffee shop runs its stack</h1>
                <div><time datetime="{attr}">August 28, 2024</time></div><p>Text.</p></body></html>"#
            )
        };
        let m = extract(&Document::from(page("2024-12-20").as_str()), None);
        assert_eq!(m.published.as_deref(), Some("2024-12-20"));
        // The attribute in UTC, the text in local time: the text stays.
        let m = extract(&Document::from(page("2024-08-29T04:13:00Z").as_str()), None);
        assert_eq!(m.published.as_deref(), Some("2024-08-28"));
    }

    #[test]
    fn a_modified_date_is_not_a_publication_date() {
        // Published and modified stay apart: a page dated only as modified
        // has no publication date (htmldate would fall back; on WCXB that
        // fallback was right on 1 of the 16 pages it fired on).
        let html = r#"<html><head><meta property="article:modified_time" content="2023-06-12T10:39:42+00:00">
          </head><body><h1>Our work</h1><p>Text.</p></body></html>"#;
        let m = extract(&Document::from(html), None);
        assert_eq!(m.published, None);
        assert_eq!(m.modified.as_deref(), Some("2023-06-12T10:39:42+00:00"));
        // A date written on the page comes first.
        let html = html.replace("<p>Text.</p>", "<p>Posted March 3, 2021.</p>");
        let m = extract(&Document::from(html.as_str()), None);
        assert_eq!(m.published.as_deref(), Some("2021-03-03"));
    }
}
