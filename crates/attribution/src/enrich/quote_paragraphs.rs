//! Quotations that run on over paragraphs.
//!
//! News style leaves a quotation open at the end of a paragraph when the
//! same speaker goes on in the next one, which opens with a quote mark again:
//!
//! ```text
//! "This is not over," he said. "Not by a long shot. We will appeal.
//!
//! "And we will win."
//! ```
//!
//! The span model reads one paragraph at a time, so the content stops at
//! the first paragraph's end; this pass carries it on.

use whosaid_core::{Attribution, Document, Region, Span};

/// At most this many paragraphs are added to one content (a runaway
/// unbalanced quote mark must not swallow an article).
const MAX_PARAGRAPHS: usize = 8;

/// Extends each content that ends a paragraph inside an open quotation
/// over the following paragraphs that continue it.
pub(crate) fn continue_quotes_over_paragraphs(doc: &Document, attrs: &mut [Attribution]) {
    if doc.paragraphs.len() < 2 {
        return;
    }
    // A paragraph holding a cue has a speaker of its own.
    let cues = super::nested::cue_index(attrs);
    for a in attrs.iter_mut() {
        let Some(content) = &a.content else {
            continue;
        };
        let Some(last) = content.parts().last().copied() else {
            continue;
        };
        let mut p = doc
            .paragraphs
            .partition_point(|para| para.end < last.end.max(1));
        let mut parts = content.parts().to_vec();
        let mut added = 0;
        while added < MAX_PARAGRAPHS {
            let (Some(&here), Some(&next)) = (doc.paragraphs.get(p), doc.paragraphs.get(p + 1))
            else {
                break;
            };
            let end = parts.last().map_or(here.end, |s| s.end);
            // The content reaches the paragraph's end (up to spaces and the
            // quote's own closing punctuation)…
            let rest = doc.slice(Span::new(end.min(here.end), here.end));
            if !rest
                .chars()
                .all(|c| c.is_whitespace() || matches!(c, '.' | '!' | '?' | ','))
            {
                break;
            }
            // …inside a quotation opened in this paragraph and not closed,
            // which the content opens…
            let own = parts.last().map_or("", |s| doc.slice(*s));
            if !ends_inside_quote(doc.slice(Span::new(here.start, end.max(here.start))))
                || !ends_inside_quote(own)
            {
                break;
            }
            // …and the next paragraph opens with a quote mark.
            let next_text = doc.slice(next);
            let lead = next_text.chars().take_while(|c| c.is_whitespace()).count() as u32;
            if !next_text.trim_start().starts_with(['“', '"']) {
                break;
            }
            if cues.overlapping(next).next().is_some() {
                break;
            }
            let trail = next_text
                .chars()
                .rev()
                .take_while(|c| c.is_whitespace())
                .count() as u32;
            let span = Span::new(next.start + lead, next.end - trail);
            if span.is_empty() {
                break;
            }
            parts.push(span);
            added += 1;
            p += 1;
        }
        if added > 0 {
            a.content = Some(Region::new(parts));
        }
    }
}

/// Whether `text` ends inside a quotation: more curly opening marks than
/// closing ones, or, with straight double quotes only, an odd number.
/// Text that mixes curly and straight marks is not read.
fn ends_inside_quote(text: &str) -> bool {
    let opens = text.matches('“').count();
    let closes = text.matches('”').count();
    let straight = text.matches('"').count();
    match (opens + closes, straight) {
        (0, n) => n % 2 == 1,
        (_, 0) => opens > closes,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::test_support::span_of;

    fn continued(text: &str, content: &str) -> Vec<String> {
        let mut doc = Document::new(text);
        let mut start = 0;
        for para in text.split("\n\n") {
            let s = doc.index().char_at_byte(start);
            doc.paragraphs
                .push(Span::new(s, s + para.chars().count() as u32));
            start += para.len() + 2;
        }
        let mut a = Attribution::with_cue(0, Region::single(span_of(&doc, "said")));
        a.content = Some(Region::single(span_of(&doc, content)));
        let mut attrs = vec![a];
        continue_quotes_over_paragraphs(&doc, &mut attrs);
        attrs[0]
            .content
            .iter()
            .flat_map(|c| c.parts())
            .map(|p| doc.slice(*p).to_string())
            .collect()
    }

    #[test]
    fn an_open_quotation_runs_on_into_the_next_paragraph() {
        let text = "“Not over,” he said. “Not by a long shot. We will appeal.\n\n“And we will win.”\n\nLater, he left.";
        assert_eq!(
            continued(text, "“Not by a long shot. We will appeal."),
            ["“Not by a long shot. We will appeal.", "“And we will win.”"]
        );
        let straight =
            "\"Not over,\" he said. \"We will appeal.\n\n\"And win.\n\n\"Twice.\"\n\nHe left.";
        assert_eq!(
            continued(straight, "\"We will appeal."),
            ["\"We will appeal.", "\"And win.", "\"Twice.\""]
        );
    }

    #[test]
    fn a_closed_quotation_or_a_plain_paragraph_stops_it() {
        let closed = "He said: “We will appeal.”\n\n“Another speaker.”";
        assert_eq!(
            continued(closed, "“We will appeal.”"),
            ["“We will appeal.”"]
        );
        let plain = "He said “we will appeal.\n\nThe court met on Monday.";
        assert_eq!(continued(plain, "“we will appeal."), ["“we will appeal."]);
        // The content stops before the paragraph ends.
        let short = "He said “we will appeal, and more.\n\n“Yes.”";
        assert_eq!(continued(short, "“we will appeal"), ["“we will appeal"]);
    }
}
