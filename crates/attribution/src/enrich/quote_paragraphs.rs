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

use std::borrow::Cow;
use whosaid_core::{quoted_text, Attribution, Document, Region, Span};

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
            let own = parts
                .last()
                .map_or(Cow::Borrowed(""), |s| quoted_text(doc, *s));
            if !ends_inside_quote(&quoted_text(
                doc,
                Span::new(here.start, end.max(here.start)),
            )) || !ends_inside_quote(&own)
            {
                break;
            }
            // …and the next paragraph opens with a quote mark.
            let next_text = doc.slice(next);
            let lead = next_text.chars().take_while(|c| c.is_whitespace()).count() as u32;
            if !quoted_text(doc, next).trim_start().starts_with(['“', '"']) {
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

/// Carries a speaker into the paragraphs that quote on without a cue.
/// News style introduces a speaker once and goes on quoting them in
/// paragraphs of their own, each a quotation:
///
/// ```text
/// "The tariffs are a tax on families," said Linda Dempsey.
///
/// "They have done nothing to bring back jobs."
/// ```
///
/// Such a paragraph joins the content of the last attribution of the
/// paragraph before it, when that content is a quotation too; PolNeAR's
/// annotators mark it so.
pub(crate) fn continue_speakers_into_quote_paragraphs(doc: &Document, attrs: &mut [Attribution]) {
    if doc.paragraphs.len() < 2 {
        return;
    }
    let cues = super::nested::cue_index(attrs);
    // (attribution, paragraph it was carried into, paragraphs added).
    let mut carried: Option<(usize, usize, usize)> = None;
    for p in 1..doc.paragraphs.len() {
        let para = doc.paragraphs[p];
        let text = doc.slice(para);
        if !is_quotation_paragraph(&quoted_text(doc, para))
            || cues.overlapping(para).next().is_some()
        {
            carried = None;
            continue;
        }
        let lead = text.chars().take_while(|c| c.is_whitespace()).count() as u32;
        let trail = text.chars().rev().take_while(|c| c.is_whitespace()).count() as u32;
        let span = Span::new(para.start + lead, para.end - trail);
        let prev = doc.paragraphs[p - 1];
        if let Some((i, q, added)) = carried.filter(|&(_, q, _)| q + 1 == p) {
            if added >= MAX_PARAGRAPHS {
                carried = None;
                continue;
            }
            add_part(&mut attrs[i], span);
            carried = Some((i, q + 1, added + 1));
        } else if let Some(i) = colon_introduction(doc, attrs, &cues, prev) {
            // "Breitbart News responded:" — the quotation is what the cue
            // introduces; a content the model found before the cue
            // ("When Wallace died, Clinton released the following
            // statement:") is not.
            let cue_start = attrs[i].cue.extent().map_or(0, |c| c.start);
            let before_cue = attrs[i]
                .content
                .as_ref()
                .and_then(Region::extent)
                .is_none_or(|c| c.end <= cue_start);
            if before_cue {
                attrs[i].content = Some(Region::single(span));
            } else {
                add_part(&mut attrs[i], span);
            }
            carried = Some((i, p, 1));
        } else if let Some(i) = last_quoting_attribution(doc, attrs, &cues, prev) {
            add_part(&mut attrs[i], span);
            carried = Some((i, p, 1));
        } else {
            carried = None;
        }
    }
}

/// Adds `span` to the content of `a`, unless it is there already (the
/// open-quotation pass may have taken the paragraph in).
fn add_part(a: &mut Attribution, span: Span) {
    let mut parts = a
        .content
        .as_ref()
        .map_or_else(Vec::new, |c| c.parts().to_vec());
    if !parts.iter().any(|s| s.overlaps(&span)) {
        parts.push(span);
        a.content = Some(Region::new(parts));
    }
}

/// The attribution whose cue comes last in `para`, when `para` ends on a
/// colon that introduces what follows ("Clinton released the following
/// statement:").
fn colon_introduction(
    doc: &Document,
    attrs: &[Attribution],
    cues: &super::span_index::SpanIndex<usize>,
    para: Span,
) -> Option<usize> {
    if !doc.slice(para).trim_end().ends_with(':') {
        return None;
    }
    let i = last_cue_in(cues, para)?;
    // Nothing after the cue but its content, which must end the paragraph.
    let cue_end = attrs[i].cue.extent()?.end;
    let content_end = attrs[i]
        .content
        .as_ref()
        .and_then(Region::extent)
        .map(|c| c.end);
    let from = content_end.filter(|&e| e > cue_end).unwrap_or(cue_end);
    let rest = doc.slice(Span::new(from.min(para.end), para.end));
    rest.chars()
        .all(|c| c.is_whitespace() || c == ':')
        .then_some(i)
}

/// The attribution whose cue comes last in `para`, if its content ends in
/// `para` and is a quotation.
fn last_quoting_attribution(
    doc: &Document,
    attrs: &[Attribution],
    cues: &super::span_index::SpanIndex<usize>,
    para: Span,
) -> Option<usize> {
    let i = last_cue_in(cues, para)?;
    let last = *attrs[i].content.as_ref()?.parts().last()?;
    if last.end > para.end || last.end <= para.start {
        return None;
    }
    let quoted = quoted_text(doc, last);
    let quoted =
        quoted.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | '!' | '?'));
    quoted.ends_with(['”', '"']).then_some(i)
}

/// The attribution whose cue starts last in `para`.
fn last_cue_in(cues: &super::span_index::SpanIndex<usize>, para: Span) -> Option<usize> {
    cues.overlapping(para)
        .max_by_key(|(s, _)| s.start)
        .map(|(_, i)| i)
}

/// Whether a paragraph is one quotation of three words or more: it opens
/// with a quote mark and either ends with one or is left open for the next
/// paragraph.
fn is_quotation_paragraph(text: &str) -> bool {
    let text = text.trim();
    text.starts_with(['“', '"'])
        // A word or two ("Related:", a crowd's "Yesss!") is not a speaker's.
        && text.split_whitespace().nth(2).is_some()
        && (text.ends_with(['”', '"']) || ends_inside_quote(text))
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

    /// The content parts after `pass`, for one attribution with cue `cue`
    /// and content `content` (`None`: no content).
    fn after(
        pass: fn(&Document, &mut [Attribution]),
        text: &str,
        cue: &str,
        content: Option<&str>,
    ) -> Vec<String> {
        let doc = paragraphs(text);
        let mut a = Attribution::with_cue(0, Region::single(span_of(&doc, cue)));
        a.content = content.map(|c| Region::single(span_of(&doc, c)));
        let mut attrs = vec![a];
        pass(&doc, &mut attrs);
        crate::enrich::test_support::content_parts(&doc, &attrs[0])
    }

    fn continued(text: &str, content: &str) -> Vec<String> {
        after(continue_quotes_over_paragraphs, text, "said", Some(content))
    }

    fn carried(text: &str, cue: &str, content: Option<&str>) -> Vec<String> {
        after(continue_speakers_into_quote_paragraphs, text, cue, content)
    }

    fn paragraphs(text: &str) -> Document {
        let mut doc = Document::new(text);
        let mut start = 0;
        for para in text.split("\n\n") {
            let s = doc.index().char_at_byte(start);
            doc.paragraphs
                .push(Span::new(s, s + para.chars().count() as u32));
            start += para.len() + 2;
        }
        doc
    }

    #[test]
    fn quotation_paragraphs_without_a_cue_continue_the_last_speaker() {
        let text = "“A tax on families,” said Linda Dempsey.\n\n“They have done nothing. Nothing at all.\n\n“It should sit down with us.”\n\n“Yes,” the chairman agreed.";
        assert_eq!(
            carried(text, "said", Some("“A tax on families,”")),
            [
                "“A tax on families,”",
                "“They have done nothing. Nothing at all.",
                "“It should sit down with us.”"
            ]
        );
        // A reported, not quoted, content does not run on; nor does a
        // quotation into narration or a word or two.
        let indirect =
            "She said the tax was fair.\n\n“We disagree entirely with that,” a rival said.";
        assert_eq!(
            carried(indirect, "said", Some("the tax was fair")),
            ["the tax was fair"]
        );
        let narration = "“A tax,” she said.\n\n“Containment” was the policy of the day.";
        assert_eq!(carried(narration, "said", Some("“A tax,”")), ["“A tax,”"]);
        let related = "“A tax,” she said.\n\n“Related:”";
        assert_eq!(carried(related, "said", Some("“A tax,”")), ["“A tax,”"]);
    }

    #[test]
    fn a_colon_at_the_paragraph_end_introduces_the_quotation() {
        let text = "When Wallace died, Clinton released the following statement:\n\n“Our prayers are with his family.”";
        assert_eq!(
            carried(
                text,
                "released the following statement:",
                Some("When Wallace died")
            ),
            ["“Our prayers are with his family.”"]
        );
        let with_content =
            "He said that given the candidates on both sides:\n\n“There is only one: Trump.”";
        assert_eq!(
            carried(
                with_content,
                "said",
                Some("that given the candidates on both sides")
            ),
            [
                "that given the candidates on both sides",
                "“There is only one: Trump.”"
            ]
        );
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
    fn quotations_in_single_marks_run_on_too() {
        // British copy quotes in single marks; the tokens tell quotes from
        // apostrophes ("We've", "players'").
        let text = "'Not over,' he said. 'We've lost the players' trust and will appeal.\n\n'And we will win.'\n\nLater, he left.";
        let doc = crate::enrich::test_support::tagged(text);
        let mut a = Attribution::with_cue(0, Region::single(span_of(&doc, "said")));
        let first = "'We've lost the players' trust and will appeal.";
        a.content = Some(Region::single(span_of(&doc, first)));
        let mut attrs = vec![a];
        continue_quotes_over_paragraphs(&doc, &mut attrs);
        assert_eq!(
            crate::enrich::test_support::content_parts(&doc, &attrs[0]),
            [first, "'And we will win.'"]
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
