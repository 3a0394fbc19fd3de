//! # whosaid-clean
//!
//! Plain-text cleaning for scraped news: finds the headline and sets aside
//! boilerplate lines — photo captions and credits, promos ("NOW WATCH: …"),
//! newsletter and alert boxes, "Follow X on Twitter" lines, copyright and
//! advertisement furniture.
//!
//! Nothing is deleted: the text never changes, removed lines are recorded in
//! [`Document::boilerplate`](whosaid_core::Document::boilerplate) with their
//! kind, so offsets stay valid and every removal can be shown to the user.
//! Later stages skip those spans.
//!
//! The rules read one line at a time and look for markers that body prose
//! does not carry (credit lines, glued caption text, imperative promos); a
//! line-level rule that could fire on reporting ("Watching Trump talk…",
//! "Following the Iowa caucus…") is anchored to whole phrases and short lines.

use whosaid_core::{Boilerplate, BoilerplateKind, Document, Span, Stage, StageError};

/// The cleaning stages of the default pipeline (headline detection, boilerplate lines).
pub fn english_stages() -> Result<Vec<Box<dyn Stage>>, StageError> {
    Ok(vec![Box::new(Cleaner::new())])
}

/// Headline detection and line-level boilerplate removal.
#[derive(Debug, Default, Clone)]
pub struct Cleaner {}

impl Cleaner {
    pub fn new() -> Self {
        Cleaner::default()
    }
}

impl Stage for Cleaner {
    fn name(&self) -> &'static str {
        "clean"
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let lines = lines(&doc.text);
        let mut found: Vec<Boilerplate> = Vec::new();
        for line in &lines {
            if let Some(kind) = classify_line(line.text) {
                found.push(Boilerplate {
                    span: line.span(doc),
                    kind,
                });
            }
        }
        // A press release's end matter ("About Norvia Health", "Media
        // Contact:", the forward-looking-statements notice) to the end.
        if let Some(first) = press_release_trailer(&lines) {
            for line in lines[first..].iter().filter(|l| !l.text.trim().is_empty()) {
                let span = line.span(doc);
                if !found.iter().any(|b| b.span.overlaps(&span)) {
                    found.push(Boilerplate {
                        span,
                        kind: BoilerplateKind::Furniture,
                    });
                }
            }
        }
        // "By Dana Whitfield" among the first lines: the writer, not text.
        if let Some((line, authors)) = lines
            .iter()
            .filter(|l| !l.text.trim().is_empty())
            .take(MAX_BYLINE_LINE)
            .find_map(|l| byline_authors(l.text).map(|a| (l, a)))
        {
            let span = line.span(doc);
            if !found.iter().any(|b| b.span.overlaps(&span)) {
                found.push(Boilerplate {
                    span,
                    kind: BoilerplateKind::Byline,
                });
                if doc.meta.authors.is_empty() {
                    doc.meta.authors = authors;
                }
            }
        }
        if doc.title.is_none() {
            doc.title = headline(&lines, &found, doc);
            // A title known from the page or feed wins: the text's first
            // line is the headline only when it repeats it (HTML main text
            // starts with the body).
            if let (Some(known), Some(t)) = (doc.meta.title.as_deref(), doc.title) {
                if !doc.slice(t).trim().eq_ignore_ascii_case(known.trim()) {
                    doc.title = None;
                }
            }
            if doc.meta.title.is_none() {
                doc.meta.title = doc.title.map(|t| doc.slice(t).trim().to_string());
            }
        }
        doc.boilerplate.extend(found);
        doc.boilerplate.sort_by_key(|b| b.span.start);
        doc.boilerplate.dedup_by_key(|b| b.span);
        Ok(())
    }
}

/// Markers of a wire-distributed press release in its opening lines.
const RELEASE_WIRES: &[&str] = &[
    "/PRNewswire",
    "(BUSINESS WIRE)",
    "(GLOBE NEWSWIRE)",
    "/CNW/",
    "(ACCESSWIRE)",
    "(Newsfile Corp.",
];

/// Headings that open a press release's end matter wherever they stand.
const RELEASE_TRAILER_HEADINGS: &[&str] = &[
    "Media Contact",
    "Media Contacts",
    "Press Contact",
    "Press Contacts",
    "Investor Contact",
    "Investor Contacts",
    "Media and Investor Contact",
    "Forward-Looking Statements",
    "Cautionary Note Regarding Forward-Looking Statements",
    "Safe Harbor Statement",
];

/// The index of the line where a press release's end matter starts: a
/// contact or forward-looking-statements heading, a "SOURCE Acme Corp" or
/// "###" line, or, in a release sent over a wire, its "About Acme Corp"
/// heading. Only after the first third of the lines: a release's end
/// matter follows its body.
fn press_release_trailer(lines: &[Line<'_>]) -> Option<usize> {
    let from = lines.len() / 3;
    let wire = lines
        .iter()
        .filter(|l| !l.text.trim().is_empty())
        .take(5)
        .any(|l| RELEASE_WIRES.iter().any(|w| l.text.contains(w)));
    let heading = |line: &str| {
        let line = line.trim().trim_end_matches(':').trim_end();
        if RELEASE_TRAILER_HEADINGS.contains(&line) || line == "###" {
            return true;
        }
        if let Some(name) = line.strip_prefix("SOURCE ") {
            return name.split_whitespace().count() <= 8 && name.starts_with(char::is_uppercase);
        }
        // "About Norvia Health": a short line of capitalised words.
        wire && line.strip_prefix("About ").is_some_and(|name| {
            let words: Vec<&str> = name.split_whitespace().collect();
            !words.is_empty()
                && words.len() <= 8
                && words.iter().all(|w| {
                    w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                        || matches!(*w, "of" | "and" | "&" | "for" | "the")
                })
                && !name.ends_with(['?', '!'])
        })
    };
    (from..lines.len()).find(|&i| heading(lines[i].text))
}

/// A byline stands among the first lines of a text (after a headline, a
/// kicker, a date).
const MAX_BYLINE_LINE: usize = 5;

/// The names of a credit line "By Dana Whitfield", "By Laura Chen and Tom
/// Ruiz", "BY DANA WHITFIELD": each name two to four capitalised words.
/// `None` for any other line ("By the time it ended, …").
pub fn byline_authors(line: &str) -> Option<Vec<String>> {
    let rest = line
        .trim()
        .strip_prefix("By ")
        .or_else(|| line.trim().strip_prefix("BY "))?;
    let names: Vec<&str> = rest
        .split(" and ")
        .flat_map(|part| part.split(", "))
        .map(str::trim)
        .collect();
    let is_name = |name: &str| {
        let words: Vec<&str> = name.split_whitespace().collect();
        (2..=4).contains(&words.len())
            && words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’'))
            })
    };
    (!names.is_empty() && names.iter().all(|n| is_name(n)))
        .then(|| names.iter().map(|n| n.to_string()).collect())
}

/// One line of the text, without its line break, and its byte offset.
struct Line<'t> {
    text: &'t str,
    byte_start: usize,
}

impl Line<'_> {
    /// The line's span without surrounding whitespace, in code points.
    fn span(&self, doc: &Document) -> Span {
        let lead = self.text.len() - self.text.trim_start().len();
        let trimmed = self.text.trim();
        let start = doc.index().char_at_byte(self.byte_start + lead);
        let end = doc
            .index()
            .char_at_byte(self.byte_start + lead + trimmed.len());
        Span::new(start, end)
    }
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            out.push(Line {
                text: &text[start..i],
                byte_start: start,
            });
            start = i + 1;
        }
    }
    out.push(Line {
        text: &text[start..],
        byte_start: start,
    });
    out
}

/// The headline: the first non-empty line when it is short, does not read as
/// a boilerplate line, and is followed by more text.
fn headline(lines: &[Line<'_>], boilerplate: &[Boilerplate], doc: &Document) -> Option<Span> {
    let mut non_empty = lines.iter().filter(|l| !l.text.trim().is_empty());
    let first = non_empty.next()?;
    non_empty.next()?;
    let text = first.text.trim();
    let words = text.split_whitespace().count();
    let span = first.span(doc);
    let is_boilerplate = boilerplate.iter().any(|b| b.span.overlaps(&span));
    // A headline is one short line; a first line of body prose runs longer
    // and holds several sentences.
    let sentences = sentence_breaks(text);
    (words <= 40 && text.chars().count() <= 300 && sentences == 0 && !is_boilerplate)
        .then_some(span)
}

/// Counts ". " that ends a sentence: the word before the period is not an
/// abbreviation ("U.S.", "Gov.", "Corp."), so "China warns U.S. over Taiwan
/// arms sale" stays one line of headline.
fn sentence_breaks(text: &str) -> usize {
    text.match_indices(". ")
        .filter(|&(at, _)| {
            let word = text[..at]
                .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '"')
                .next()
                .unwrap_or("");
            let mut chars = word.chars();
            match chars.next() {
                None => false,
                Some(c) if c.is_uppercase() => word.chars().count() >= 5 && !word.contains('.'),
                Some(_) => !word.contains('.'),
            }
        })
        .count()
}

/// Credit markers that body prose does not carry.
const CREDIT_MARKERS: &[&str] = &[
    "Getty Images",
    "via AP",
    "AP Photo",
    "Pool Photo",
    "Photo via",
    "Photo by",
    "Photograph by",
    "Photo credit",
    "Image credit",
    "Image via",
    "Credit:",
    "/Reuters",
    "/AFP",
    "/Sputnik",
    "/AP",
    "/EPA",
    "Shutterstock",
    "(Photo",
    "Photo:",
    "Image:",
];

const PROMO_PREFIXES: &[&str] = &[
    "NOW WATCH",
    "WATCH:",
    "WATCH ",
    "READ MORE",
    "Read more:",
    "Read More:",
    "READ:",
    "RELATED:",
    "Related:",
    "SEE ALSO",
    "See also:",
    "MORE:",
    "ALSO ON",
    "Also on ",
    "Click here",
    "CLICK HERE",
    "Don't miss",
    "Don’t miss",
    "DON'T MISS",
    "DON’T MISS",
    "Recommended:",
    "RECOMMENDED:",
    "Trending:",
    "TRENDING:",
    "Sponsored",
    "SPONSORED",
    "Read next",
    "Read Next",
    "READ NEXT",
    "Download the ",
    "Get the app",
    "Have a news tip",
    "Have a tip",
    "Got a news tip",
    "Got a tip",
];

/// Whole lines that are a page's widgets, not its reporting.
const WIDGET_LINES: &[&str] = &[
    "Listen to this article",
    "Listen to this story",
    "Recommended for you",
    "Related Coverage",
    "Related Stories",
    "Related Articles",
    "Related Content",
    "More Stories",
    "Most Read",
    "Most Popular",
    "Join the conversation",
    "Comments",
    "Share this article",
    "Print",
];

const NEWSLETTER_MARKERS: &[&str] = &[
    "Emails & Alerts",
    "Email & Alerts",
    "Sign up for",
    "Sign up to",
    "Sign Up for",
    "SIGN UP",
    "Subscribe to",
    "Subscribe here",
    "newsletter",
    "Newsletter",
    "to your inbox",
    "in your inbox",
    "delivered to your",
];

const SOCIAL_NETWORKS: &[&str] = &[
    "Facebook",
    "Twitter",
    "LinkedIn",
    "Instagram",
    "YouTube",
    "Pinterest",
    "Google+",
];

/// "©" only before a year or a name: "Ã©" is mojibake for "é", not a copyright.
const FURNITURE_MARKERS: &[&str] = &[
    "Copyright ",
    "All rights reserved",
    "All Rights Reserved",
    "This article originally appeared",
    "This story originally appeared",
    "This story has been updated",
    "This article has been updated",
    "Our Standards:",
];

/// The boilerplate kind of a line, or `None` for body text.
pub fn classify_line(line: &str) -> Option<BoilerplateKind> {
    let line = line.trim();
    if line.is_empty() {
        return None;
    }
    let words = line.split_whitespace().count();
    if is_caption(line, words) {
        return Some(BoilerplateKind::Caption);
    }
    let short = words <= 30;
    if short && PROMO_PREFIXES.iter().any(|p| line.starts_with(p)) && !starts_with_reporting(line) {
        return Some(BoilerplateKind::Promo);
    }
    if WIDGET_LINES.contains(&line.trim_end_matches(['.', ':'])) {
        return Some(BoilerplateKind::Promo);
    }
    if short && is_credit_line(line) {
        return Some(BoilerplateKind::Furniture);
    }
    if short && is_media_pointer(line) {
        return Some(BoilerplateKind::Promo);
    }
    if short && NEWSLETTER_MARKERS.iter().any(|m| line.contains(m)) {
        return Some(BoilerplateKind::Newsletter);
    }
    if short && is_social(line) {
        return Some(BoilerplateKind::Social);
    }
    if short
        && (FURNITURE_MARKERS.iter().any(|m| line.contains(m))
            || has_copyright_sign(line)
            || is_advertisement(line))
    {
        return Some(BoilerplateKind::Furniture);
    }
    None
}

/// "WATCH: …" is a promo, "Watching Trump talk…" is reporting: the prefix
/// must end a word.
fn starts_with_reporting(line: &str) -> bool {
    let first = line.split_whitespace().next().unwrap_or("");
    first.chars().all(|c| c.is_alphabetic())
        && first.chars().any(|c| c.is_lowercase())
        && first.len() > 5
        && !matches!(
            first,
            "Related" | "Recommended" | "Trending" | "Sponsored" | "Download"
        )
}

/// A wire service's staff line: "(Reporting by Jane Doe; Editing by John
/// Smith)", "Reporting by Jane Doe in Paris; Writing by …". A sentence that
/// starts "Reporting by The Post showed…" names no editor or writer.
fn is_credit_line(line: &str) -> bool {
    let body = line.trim_start_matches('(');
    let staff = ["Reporting by", "Additional reporting by", "Compiled by"]
        .iter()
        .any(|p| body.starts_with(p));
    let roles = ["Editing by", "Writing by", "editing by", "writing by"]
        .iter()
        .any(|r| line.contains(r));
    staff && (roles || line.starts_with('('))
}

/// Photo captions and credits: a credit marker on a short line, on a line
/// ending in a parenthesised credit, or glued to caption text the way
/// scrapers concatenate credit and caption ("…/Sputnik, Kremlin Pool Photo
/// via APRussian President…").
fn is_caption(line: &str, words: usize) -> bool {
    // BBC-style labels scraped with their text: "Image caption Crews
    // worked through the night", "Media caption …", "Image source …".
    const CAPTION_LABELS: &[&str] = &["Image caption", "Media caption", "Image source"];
    /// A label on a longer line is prose ("Image source code…" aside).
    const MAX_LABELLED_WORDS: usize = 40;
    if words <= MAX_LABELLED_WORDS && CAPTION_LABELS.iter().any(|l| line.starts_with(l)) {
        return true;
    }
    if !CREDIT_MARKERS.iter().any(|m| line.contains(m)) {
        return false;
    }
    let trailing_credit = line.trim_end_matches(['.', ' ']).ends_with(')')
        && line.rfind('(').is_some_and(|p| {
            CREDIT_MARKERS
                .iter()
                .any(|m| line[p..].contains(m.trim_start_matches('(')))
        });
    words <= 14 || trailing_credit || has_glued_words(line)
}

/// The seam of concatenated page elements inside one "word": a run of four
/// or more lowercase letters followed by a capitalised word ("putinAlexei"),
/// or an acronym run into a capitalised word ("APRussian"). Brand and family
/// names (WikiLeaks, YouTube, McFaul, DeSantis) have shorter runs.
fn has_glued_words(line: &str) -> bool {
    line.split_whitespace().any(|w| {
        let chars: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        let mut lower_run = 0;
        for i in 0..chars.len() {
            let c = chars[i];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            if c.is_uppercase() && next_lower && lower_run >= 4 {
                return true;
            }
            lower_run = if c.is_lowercase() { lower_run + 1 } else { 0 };
        }
        let caps = chars.iter().take_while(|c| c.is_uppercase()).count();
        caps >= 3 && chars.get(caps).is_some_and(|c| c.is_lowercase()) && chars.len() >= caps + 3
    })
}

/// "Watch the video above.", "Listen to the full interview below:".
fn is_media_pointer(line: &str) -> bool {
    let starts = [
        "Watch ",
        "Listen ",
        "Read the full",
        "See the full",
        "View the",
        "Click ",
    ]
    .iter()
    .any(|p| line.starts_with(p));
    let points = [" above", " below", " here"]
        .iter()
        .any(|p| line.contains(p));
    starts && points
}

/// "Follow Pam Key on Twitter @pamkeyNEN.", "Follow Business Insider on Facebook, Twitter…".
fn is_social(line: &str) -> bool {
    let networks = SOCIAL_NETWORKS.iter().filter(|n| line.contains(*n)).count();
    let starts = [
        "Follow ",
        "Like us",
        "Share this",
        "Share on",
        "Connect with",
        "Find us",
        "Join us on",
        "Tweet this",
    ]
    .iter()
    .any(|p| line.starts_with(p));
    starts && (networks >= 1 || line.contains('@'))
        || networks >= 3 && line.split_whitespace().count() <= 12
}

/// "© 2016 …", "(©AP)": a copyright sign that starts a word. Inside a word
/// ("clichÃ©") it is mojibake for "é", not a copyright.
fn has_copyright_sign(line: &str) -> bool {
    let mut prev = ' ';
    for c in line.chars() {
        if c == '©' && (prev.is_whitespace() || matches!(prev, '(' | '[')) {
            return true;
        }
        prev = c;
    }
    false
}

fn is_advertisement(line: &str) -> bool {
    matches!(
        line.trim_end_matches(['.', ':']),
        "Advertisement" | "ADVERTISEMENT" | "Ad" | "Story continues below advertisement"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_typical_boilerplate_lines() {
        use BoilerplateKind::*;
        let cases = [
            ("Vladimir putinAlexei Druzhinin/Sputnik, Kremlin Pool Photo via APRussian President Vladimir Putin listens during a meeting in the Novo-Ogaryovo residence outside Moscow, Russia, on Monday, Nov. 14, 2016.", Some(Caption)),
            ("Scott Olson via Getty Images.", Some(Caption)),
            ("Image caption Crews worked through the night to restore power to homes in the county", Some(Caption)),
            ("Christoph Blocher reacts during an electoral meeting on October 2, 2015. (FABRICE COFFRINI/AFP/Getty Images.)", Some(Caption)),
            ("NOW WATCH: ‘I don’t believe it’: Trump slams reports of Russian election hacking", Some(Promo)),
            ("Watch the full interview below:", Some(Promo)),
            ("Business Insider Emails & Alerts", Some(Newsletter)),
            ("Site highlights each day to your inbox.", Some(Newsletter)),
            ("Follow Business Insider Australia on Facebook, Twitter, LinkedIn, and Instagram.", Some(Social)),
            ("Follow Pam Key on Twitter @pamkeyNEN.", Some(Social)),
            ("Copyright 2016 The Associated Press. All rights reserved.", Some(Furniture)),
            ("Advertisement", Some(Furniture)),
            ("It's a gun advocate clicha\u{303}© that an armed society.", None),
            ("It's a gun advocate clichÃ© that an armed society is a polite society.", None),
            ("Watching Trump talk on Tuesday night about unifying the party, Reed said: \"I was struck.\"", None),
            ("Following the Iowa caucus, Clinton is currently leading Sanders, 48 percent to 45 percent.", None),
            ("DALLAS (AP) — Democratic presidential candidate Martin O’Malley is shifting staff to Iowa.", None),
            ("WikiLeaks published emails that McFaul and DeSantis discussed on an iPhone, he said.", None),
            ("Listen to this article", Some(Promo)),
            ("Recommended for you", Some(Promo)),
            ("Read next: Council approves new bike lanes", Some(Promo)),
            ("Download the app for the latest news", Some(Promo)),
            ("Have a news tip? Email us at tips@example.com", Some(Promo)),
            ("Join the conversation", Some(Promo)),
            ("Reporting by Jane Doe; Editing by John Smith", Some(Furniture)),
            ("(Reporting by Jane Doe in Paris)", Some(Furniture)),
            ("Our Standards: The Thomson Reuters Trust Principles.", Some(Furniture)),
            ("This story has been updated to include comment from business groups.", Some(Furniture)),
            ("Reporting by The Post showed the deal had stalled, officials said.", None),
            ("Listen to what the senator said on Tuesday about the deal.", None),
            ("More from the interview appears below, the network said in a statement.", None),
        ];
        for (line, want) in cases {
            assert_eq!(classify_line(line), want, "{line}");
        }
    }

    #[test]
    fn a_byline_names_the_writers() {
        assert_eq!(
            byline_authors("By Dana Whitfield"),
            Some(vec!["Dana Whitfield".to_string()])
        );
        assert_eq!(
            byline_authors("By Laura Chen and Tom Ruiz"),
            Some(vec!["Laura Chen".to_string(), "Tom Ruiz".to_string()])
        );
        assert_eq!(byline_authors("By the time it ended, nobody cared."), None);
        assert_eq!(byline_authors("By Friday"), None);
        let mut doc = Document::new(
            "Opinion: The wage debate\n\nBy Dana Whitfield\n\nI believe the question is how fast.",
        );
        Cleaner::new().process(&mut doc).expect("clean");
        assert_eq!(doc.meta.authors, ["Dana Whitfield"]);
        assert!(
            doc.boilerplate
                .iter()
                .any(|b| b.kind == BoilerplateKind::Byline
                    && doc.slice(b.span) == "By Dana Whitfield")
        );
    }

    #[test]
    fn a_known_title_overrides_a_first_line_that_differs() {
        let text = "The body starts here with a short line\n\nMore body text follows.";
        let mut doc = Document::new(text);
        doc.meta.title = Some("Page title".into());
        Cleaner::new().process(&mut doc).unwrap();
        assert_eq!(doc.title, None);
        assert_eq!(doc.meta.title.as_deref(), Some("Page title"));
        let mut doc = Document::new("Page title\n\nBody text.");
        doc.meta.title = Some("Page title".into());
        Cleaner::new().process(&mut doc).unwrap();
        assert_eq!(doc.title.map(|t| doc.slice(t)), Some("Page title"));
    }

    #[test]
    fn a_press_releases_end_matter_is_furniture() {
        let removed = |text: &str| {
            let mut doc = Document::new(text);
            Cleaner::new().process(&mut doc).unwrap();
            doc.boilerplate
                .iter()
                .map(|b| doc.slice(b.span).to_string())
                .collect::<Vec<_>>()
        };
        let release = "Acme Wins Approval\n\nBOSTON, March 4, 2026 /PRNewswire/ -- Acme, Inc. today announced approval.\n\n\"This is a milestone,\" said Jo Lee, Acme's chief executive.\n\nAbout Acme, Inc.\nAcme makes monitors. For more information, visit acme.example.\n\nMedia Contact:\nRachel Kim\npress@acme.example";
        assert_eq!(
            removed(release),
            [
                "About Acme, Inc.",
                "Acme makes monitors. For more information, visit acme.example.",
                "Media Contact:",
                "Rachel Kim",
                "press@acme.example"
            ]
        );
        // Without a wire, "About …" may be a news story's subheading.
        let story = "Council votes on budget\n\nThe council met on Monday.\n\nIt voted 5-4.\n\nAbout the vote\nThe mayor said the vote was close.";
        assert!(removed(story).is_empty());
    }

    #[test]
    fn headline_and_removals_keep_offsets() {
        let text = "Senator says deal is close\n\nPhoto by Jane Doe/Getty Images\n“We are close,” the senator said.\n\nNOW WATCH: The deal explained";
        let mut doc = Document::new(text);
        Cleaner::new().process(&mut doc).unwrap();
        assert_eq!(
            doc.title.map(|t| doc.slice(t)),
            Some("Senator says deal is close")
        );
        assert_eq!(
            doc.meta.title.as_deref(),
            Some("Senator says deal is close")
        );
        let removed: Vec<&str> = doc.boilerplate.iter().map(|b| doc.slice(b.span)).collect();
        assert_eq!(
            removed,
            [
                "Photo by Jane Doe/Getty Images",
                "NOW WATCH: The deal explained"
            ]
        );
        assert_eq!(doc.text, text, "the text never changes");
    }

    #[test]
    fn abbreviations_do_not_make_a_headline_prose() {
        for title in [
            "China warns U.S. over Taiwan arms sale",
            "Gov. Newsom signs budget",
            "Acme Corp. cuts 300 jobs",
        ] {
            let mut doc = Document::new(format!("{title}\n\nBEIJING - Body text here."));
            Cleaner::new().process(&mut doc).unwrap();
            assert_eq!(doc.title.map(|t| doc.slice(t)), Some(title));
        }
        let mut doc =
            Document::new("The talks failed. Both sides blamed each other.\n\nMore text.");
        Cleaner::new().process(&mut doc).unwrap();
        assert_eq!(doc.title, None);
    }

    #[test]
    fn no_headline_for_single_paragraph_or_prose() {
        let mut doc = Document::new("Just one line of text.");
        Cleaner::new().process(&mut doc).unwrap();
        assert_eq!(doc.title, None);
        let mut doc = Document::new(
            "The senator said the deal was close. Aides agreed. Others did not.\n\nMore text.",
        );
        Cleaner::new().process(&mut doc).unwrap();
        assert_eq!(doc.title, None);
        let mut doc = Document::new("");
        Cleaner::new().process(&mut doc).unwrap();
        assert!(doc.boilerplate.is_empty());
    }
}
