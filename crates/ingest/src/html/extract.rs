//! Main text: prune obvious boilerplate (navigation, captions, share/newsletter/
//! related boxes, comments), let dom_smoothie's Readability pick the article
//! container, then walk it into typed blocks and drop boilerplate paragraphs.

use super::meta::{clean_ws, contains_ignore_ascii_case, lower_words};
use super::BlockKind;
use dom_query::{Document, NodeData, NodeRef};

/// Class substrings that mark an element as never article text.
const CLASS_NOISE: &str = "newsletter|social|share|related|comment|caption|credit|advert|promo|\
    subscribe|sidebar|breadcrumb|author-bio|tags|recommend|cookie|popup|modal|outbrain|taboola|\
    trending|most-read|mostread|most-popular|more-stories|morestories|read-next|readnext|also-read|\
    byline";

fn class_noise() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    // ASCII case folding only: the same as matching the lowercased class.
    RE.get_or_init(|| {
        regex::Regex::new(&format!("(?i-u){CLASS_NOISE}")).unwrap_or_else(|_| unreachable!())
    })
}

/// Whether an element is boilerplate by its tag or attributes (one pass over
/// the tree: a CSS selector list this long costs more than the parse).
fn is_noise(el: &dom_query::Element, name: &str) -> bool {
    if matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "nav"
            | "figcaption"
            | "textarea"
            | "button"
            | "select"
    ) {
        return true;
    }
    let attr = |name: &str| {
        el.attrs
            .iter()
            .find(|a| &*a.name.local == name)
            .map(|a| &*a.value)
    };
    if let Some(role) = attr("role") {
        if role.eq_ignore_ascii_case("navigation") || role.eq_ignore_ascii_case("complementary") {
            return true;
        }
    }
    if attr("aria-label").is_some_and(|a| contains_ignore_ascii_case(a, "share")) {
        return true;
    }
    if let Some(id) = attr("id") {
        if contains_ignore_ascii_case(id, "newsletter")
            || contains_ignore_ascii_case(id, "comments")
        {
            return true;
        }
    }
    attr("class").is_some_and(|c| class_noise().is_match(c))
}

/// Paragraph text (outside links) an `<article>` needs, with an `<h1>` of
/// its own, to count as a whole story rather than a teaser card.
const STORY_MIN_CHARS: usize = 300;

/// Whole stories after the page's own: sites that scroll on into the next
/// article load it into the same page as a second `<article>` with its own
/// `<h1>` and paragraphs. The page's story is the one whose headline shares
/// the most words with the page `title` (at least 60 % of the headline's
/// words), else the first; the others are returned for removal. Teaser
/// cards (little text), comments (no headline) and an article's sections
/// as `<article>`s under `<h2>`s never count.
fn other_stories<'a>(doc: &'a Document, title: Option<&str>) -> Vec<NodeRef<'a>> {
    let mut stories: Vec<NodeRef> = Vec::new();
    for a in doc
        .root()
        .descendants_it()
        .filter(|n| n.has_name("article"))
    {
        if stories
            .iter()
            .any(|s| a.ancestors_it(None).any(|x| x.id == s.id))
        {
            continue;
        }
        let has_headline = a.descendants_it().any(|d| d.has_name("h1"));
        let text: usize = a
            .descendants_it()
            .filter(|d| d.has_name("p"))
            .map(|p| own_text_len(&p))
            .sum();
        if has_headline && text >= STORY_MIN_CHARS {
            stories.push(a);
        }
    }
    if stories.len() < 2 {
        return Vec::new();
    }
    let words = |s: &str| -> std::collections::HashSet<String> { lower_words(s).collect() };
    let title_words = title.map(words).unwrap_or_default();
    let overlap = |a: &NodeRef| -> f64 {
        let Some(h) = a.descendants_it().find(|d| d.has_name("h1")) else {
            return 0.0;
        };
        let hw = words(&h.text());
        if hw.is_empty() {
            return 0.0;
        }
        hw.iter().filter(|w| title_words.contains(*w)).count() as f64 / hw.len() as f64
    };
    let mut main = 0;
    let mut best = 0.6;
    for (i, a) in stories.iter().enumerate() {
        let o = overlap(a);
        if o > best {
            best = o;
            main = i;
        }
    }
    stories.remove(main);
    stories
}

/// Removes obvious boilerplate (and whole stories other than the page's
/// own: see [`other_stories`]) before the container is chosen; returns the
/// element that holds the most paragraph text (the fallback container).
pub fn prune(doc: &Document, title: Option<&str>) -> Option<dom_query::NodeId> {
    for story in other_stories(doc, title) {
        story.remove_from_parent();
    }
    // Class substrings over-match on wrappers ("ast-no-sidebar" on <body>,
    // "story-sidebar-mode" on the main column): the structural elements, the
    // element that holds the most paragraph text, and its ancestors are kept.
    let protected = paragraph_core(doc);
    let core = protected.first().copied();
    // A set: every element is checked against it (pages nest thousands deep).
    let protected: std::collections::HashSet<dom_query::NodeId> = protected.into_iter().collect();
    let Some(root) = super::root_html(doc) else {
        return core;
    };
    let mut stack = vec![root];
    let mut doomed = Vec::new();
    while let Some(node) = stack.pop() {
        let noise = {
            let Some(el) = node.element_ref() else {
                continue;
            };
            // Element names are lowercase from the parser (SVG's camelCase
            // names match none of these).
            let name = &*el.name.local;
            let structural = matches!(name, "html" | "head" | "body" | "main" | "article");
            !structural && !protected.contains(&node.id) && is_noise(&el, name)
        };
        if noise {
            doomed.push(node);
            continue;
        }
        let mut c = node.first_child();
        while let Some(ch) = c {
            c = ch.next_sibling();
            stack.push(ch);
        }
    }
    for node in doomed {
        node.remove_from_parent();
    }
    core
}

/// Calls `f` with each text node's contents under `n` (and `n` itself), in
/// page order: an element's text without building it.
fn for_each_text(n: &NodeRef, mut f: impl FnMut(&str)) {
    for d in std::iter::once(*n).chain(n.descendants_it()) {
        d.query(|t| {
            if let NodeData::Text { contents } = &t.data {
                f(contents);
            }
        });
    }
}

/// Non-space characters of an element's text.
fn visible_len(n: &NodeRef) -> usize {
    let mut len = 0;
    for_each_text(n, |t| {
        len += t.chars().filter(|c| !c.is_whitespace()).count()
    });
    len
}

/// Byte length of an element's text with surrounding whitespace trimmed.
fn trimmed_len(n: &NodeRef) -> usize {
    // (length, leading and trailing whitespace) of each text node.
    let mut parts: Vec<(usize, usize, usize)> = Vec::new();
    for_each_text(n, |t| {
        let lead = t.len() - t.trim_start().len();
        let trail = t.len() - t.trim_end().len();
        parts.push((t.len(), lead, trail));
    });
    let total: usize = parts.iter().map(|p| p.0).sum();
    let mut lead = 0;
    for &(len, l, _) in &parts {
        lead += l;
        if l < len {
            break;
        }
    }
    if lead == total {
        return 0;
    }
    let mut trail = 0;
    for &(len, _, t) in parts.iter().rev() {
        trail += t;
        if t < len {
            break;
        }
    }
    total - lead - trail
}

/// Non-space characters inside links.
fn link_len(n: &NodeRef) -> usize {
    n.descendants_it()
        .filter(|d| d.has_name("a"))
        .map(|a| visible_len(&a))
        .sum()
}

/// The page's `<p>` elements, in page order.
fn paragraphs(doc: &Document) -> Vec<NodeRef<'_>> {
    doc.root()
        .descendants_it()
        .filter(|n| n.has_name("p"))
        .collect()
}

/// Text of a `<p>` outside links (teaser lists are links).
fn own_text_len(p: &NodeRef) -> usize {
    let all = visible_len(p);
    if all < 60 {
        return all;
    }
    let linked = link_len(p);
    all.saturating_sub(linked)
}

/// The article container when Readability's pick is doubtful: the parent of
/// the most paragraph text, widened to an ancestor while the ancestor holds
/// markedly more substantial paragraph text (articles split across sibling
/// sections).
pub fn container<'a>(doc: &'a Document, core: dom_query::NodeId) -> Option<NodeRef<'a>> {
    let core = NodeRef::new(core, &doc.tree);
    let mut totals: std::collections::HashMap<dom_query::NodeId, usize> = Default::default();
    for p in &paragraphs(doc) {
        let len = own_text_len(p);
        if len < 60 {
            continue;
        }
        for a in p.ancestors_it(None) {
            *totals.entry(a.id).or_insert(0) += len;
        }
    }
    // Wrappers that add nothing are passed through; an ancestor is taken
    // when it adds a quarter more text, within a few levels of the last one.
    let mut cur = core;
    let mut cur_total = *totals.get(&cur.id)?;
    let mut cur_all = visible_len(&cur);
    let mut cur_links = link_len(&cur);
    let mut probe = core;
    let mut idle = 0;
    let mut levels = 0;
    while let Some(parent) = probe.parent() {
        if parent.has_name("body") || parent.has_name("html") || !parent.is_element() || idle > 5 {
            break;
        }
        let t = *totals.get(&parent.id).unwrap_or(&0);
        // What the ancestor adds must be mostly paragraphs, or a good share
        // of paragraphs with few links (headings, lists), not menus.
        let (all, links) = if t * 4 >= cur_total * 5 {
            (visible_len(&parent), link_len(&parent))
        } else {
            (0, 0)
        };
        let added = all.saturating_sub(cur_all);
        let added_links = links.saturating_sub(cur_links);
        let added_p = t.saturating_sub(cur_total);
        // Sections more than five levels away (reached through wrappers
        // around one element, as page builders nest them) must add text
        // with almost no links (under 2 %): split article parts, not menus
        // or teasers.
        let far = levels > 5;
        if t * 4 >= cur_total * 5
            && (added_p * 2 >= added || (added_p * 3 >= added && added_links * 4 <= added))
            && !(far && added_links * 50 > added)
        {
            cur = parent;
            cur_total = t;
            cur_all = all;
            cur_links = links;
            idle = 0;
            levels = 0;
        } else {
            // A wrapper around one element is passed through without
            // counting towards the limit on levels that add too little.
            if !only_element_child(&parent) {
                idle += 1;
            }
            levels += 1;
        }
        probe = parent;
    }
    Some(cur)
}

/// Class names content management systems give the element that holds an
/// article's body (WordPress `entry-content`, `article-body`, `story-body`...).
const BODY_CLASSES: [&str; 7] = [
    "entry-content",
    "article-body",
    "articlebody",
    "article-content",
    "post-content",
    "post-body",
    "story-body",
];

/// Whether the page marks this element as the article's body by its class.
pub fn is_marked_body(n: &NodeRef) -> bool {
    n.attr("class").is_some_and(|c| {
        BODY_CLASSES
            .iter()
            .any(|k| contains_ignore_ascii_case(&c, k))
    })
}

/// Whether `n` has exactly one element child.
fn only_element_child(n: &NodeRef) -> bool {
    let mut count = 0;
    let mut c = n.first_child();
    while let Some(ch) = c {
        if ch.is_element() {
            count += 1;
            if count > 1 {
                return false;
            }
        }
        c = ch.next_sibling();
    }
    count == 1
}

/// The parent of the most `<p>` text and all its ancestors: the article's
/// paragraphs almost always sit side by side in one container.
fn paragraph_core(doc: &Document) -> Vec<dom_query::NodeId> {
    // Parents in first-seen order (ties go to the last, as before), with an
    // index so each paragraph finds its parent's entry in constant time.
    let mut totals: Vec<(NodeRef, usize)> = Vec::new();
    let mut index: std::collections::HashMap<dom_query::NodeId, usize> =
        std::collections::HashMap::new();
    for p in paragraphs(doc) {
        let Some(mut parent) = p.parent() else {
            continue;
        };
        // A wrapper around this paragraph alone (`<div class="paragraph"><p>`,
        // one per paragraph) is passed through: the paragraphs sit side by
        // side a level up.
        while only_element_child(&parent) && !parent.has_name("body") {
            match parent.parent() {
                Some(up) if up.is_element() => parent = up,
                _ => break,
            }
        }
        let len = trimmed_len(&p);
        match index.get(&parent.id) {
            Some(&i) => totals[i].1 += len,
            None => {
                index.insert(parent.id, totals.len());
                totals.push((parent, len));
            }
        }
    }
    let Some((best, total)) = totals.iter().max_by_key(|(_, t)| *t) else {
        return Vec::new();
    };
    if *total < 400 {
        return Vec::new();
    }
    let mut out = vec![best.id];
    out.extend(best.ancestors_it(None).map(|a| a.id));
    out
}

/// A block before offsets are assigned.
pub struct RawBlock {
    pub text: String,
    pub kind: BlockKind,
}

fn kind_of(name: &str) -> Option<BlockKind> {
    Some(match name {
        "p" | "div" | "section" | "article" | "td" | "th" | "pre" | "dd" | "dt" | "main"
        | "header" | "table" | "tr" | "figure" | "center" | "address" => BlockKind::Paragraph,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
        "blockquote" => BlockKind::Quote,
        "li" => BlockKind::ListItem,
        "ul" | "ol" | "dl" => BlockKind::Paragraph,
        _ => return None,
    })
}

/// Walks a subtree (iteratively: pages can nest thousands deep) into blocks.
pub fn blocks(root: &NodeRef) -> Vec<RawBlock> {
    let mut out = Vec::new();
    let mut buf = String::new();
    // Kind of the innermost open block; Quote/ListItem are inherited.
    let mut kinds: Vec<BlockKind> = vec![BlockKind::Paragraph];
    enum Step<'a> {
        Enter(NodeRef<'a>),
        Exit(bool),
    }
    let flush = |buf: &mut String, kind: BlockKind, out: &mut Vec<RawBlock>| {
        let t = clean_ws(buf);
        buf.clear();
        if !t.is_empty() {
            out.push(RawBlock { text: t, kind });
        }
    };
    let mut stack = vec![Step::Enter(*root)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Exit(block) => {
                let k = *kinds.last().unwrap_or(&BlockKind::Paragraph);
                if block {
                    flush(&mut buf, k, &mut out);
                    kinds.pop();
                }
            }
            Step::Enter(n) => {
                if n.is_text() {
                    n.query(|t| {
                        if let NodeData::Text { contents } = &t.data {
                            buf.push_str(contents);
                        }
                    });
                    continue;
                }
                if !n.is_element() && !n.is_document() {
                    continue;
                }
                // Element names are lowercase from the parser; the document
                // node has none.
                let local = n.qual_name_ref().map(|q| q.local.clone());
                let name: &str = local.as_deref().unwrap_or("");
                if matches!(
                    name,
                    "script"
                        | "style"
                        | "noscript"
                        | "template"
                        | "figcaption"
                        | "textarea"
                        | "button"
                        | "select"
                ) {
                    continue;
                }
                if name == "br" {
                    buf.push(' ');
                    continue;
                }
                let block = match kind_of(name) {
                    Some(k) => {
                        let outer = *kinds.last().unwrap_or(&BlockKind::Paragraph);
                        flush(&mut buf, outer, &mut out);
                        let k = match (outer, k) {
                            (BlockKind::Quote, BlockKind::Paragraph) => BlockKind::Quote,
                            (BlockKind::ListItem, BlockKind::Paragraph) => BlockKind::ListItem,
                            _ => k,
                        };
                        kinds.push(k);
                        true
                    }
                    None => false,
                };
                stack.push(Step::Exit(block));
                let mut c = n.last_child();
                while let Some(ch) = c {
                    c = ch.prev_sibling();
                    stack.push(Step::Enter(ch));
                }
                if !block {
                    // Inline elements: keep words apart where markup separated them.
                    if matches!(name, "span" | "a" | "em" | "strong" | "b" | "i") {
                        continue;
                    }
                    buf.push(' ');
                }
            }
        }
    }
    flush(&mut buf, BlockKind::Paragraph, &mut out);
    out
}

/// Paragraph-level filter: promos, share prompts, credits, "NOW WATCH", ads.
pub fn is_boilerplate(t: &str) -> bool {
    // Every rule below is for short blocks: long paragraphs are kept untouched.
    let words = t.split_whitespace().take(26).count();
    if words > 25 {
        return false;
    }
    let lower = t.to_lowercase();
    const STARTS: [&str; 24] = [
        "now watch",
        "watch:",
        "also on",
        "read more",
        "read also",
        "related:",
        "related articles",
        "related stories",
        "recommended",
        "advertisement",
        "sponsored",
        "sign up",
        "subscribe",
        "follow us",
        "share this",
        "share on",
        "click here",
        "photo:",
        "image:",
        "credit:",
        "(photo",
        "see also",
        "more:",
        "don't miss",
    ];
    if words <= 25 && STARTS.iter().any(|s| lower.starts_with(s)) {
        return true;
    }
    // Paywall and registration prompts, wherever they sit in the block.
    const PROMPTS: [&str; 6] = [
        "already a subscriber",
        "subscribe to continue",
        "to continue reading",
        "unlimited digital access",
        "log in to continue",
        "create a free account",
    ];
    if PROMPTS.iter().any(|p| lower.contains(p)) {
        return true;
    }
    if words <= 6 {
        const WHOLE: [&str; 12] = [
            "advertisement",
            "share",
            "tweet",
            "email",
            "print",
            "facebook",
            "twitter",
            "linkedin",
            "comments",
            "loading...",
            "skip to content",
            "continue reading",
        ];
        if WHOLE
            .iter()
            .any(|w| lower.trim_end_matches(['.', ':']) == *w)
        {
            return true;
        }
        if lower.contains("getty images") || lower.contains("©") || lower.starts_with("photo by") {
            return true;
        }
    }
    false
}
