//! Quotations credited with a dash: `“…” ― Sonya Herridge`.
//!
//! Reader-response round-ups, epigraphs and pull quotes give a quotation
//! and then its speaker after a dash, with no reporting verb. The span
//! models learn reporting verbs and never see this layout in training, so a
//! rule adds it: the dash is the cue, the name after it the source and the
//! quotation the content. The credit may close the quotation's paragraph or
//! stand alone on the next line.

use whosaid_core::{Attribution, Document, Region, Span};

const DASHES: &[char] = &['―', '—', '–'];
const OPENING: &[char] = &['“', '"', '”', '‘'];
const CLOSING: &[char] = &['”', '"', '’'];
/// A credit longer than this is prose, not a name (code points).
const MAX_CREDIT: usize = 80;

/// Adds an attribution for each dash-credited quotation no existing
/// attribution covers.
pub(crate) fn add_dash_credits(doc: &mut Document) {
    let mut added: Vec<Attribution> = Vec::new();
    let paragraphs = doc.paragraphs.clone();
    for (i, para) in paragraphs.iter().enumerate() {
        let chars: Vec<char> = doc.slice(*para).chars().collect();
        // The credit closes this paragraph: “…” ― Name
        let found = match credit_after_quote(&chars) {
            Some((quote_end, dash, name)) => Some((
                Span::new(para.start, para.start + quote_end as u32),
                shift(*para, dash),
                shift(*para, name),
            )),
            // Or it is the whole paragraph, after a quotation paragraph.
            None => i
                .checked_sub(1)
                .and_then(|p| paragraphs.get(p))
                .filter(|prev| is_quotation(&doc.slice(**prev).chars().collect::<Vec<_>>()))
                .and_then(|prev| {
                    let (dash, name) = credit(&chars, 0)?;
                    Some((*prev, shift(*para, dash), shift(*para, name)))
                }),
        };
        let Some((content, cue, source)) = found else {
            continue;
        };
        let covered = doc.attributions.iter().any(|a| {
            a.cue.overlaps_span(&cue)
                || a.content
                    .as_ref()
                    .and_then(Region::extent)
                    .is_some_and(|c| c.start < content.end && content.start < c.end)
        });
        if covered {
            continue;
        }
        added.push(Attribution {
            source: Some(Region::single(source)),
            content: Some(Region::single(content)),
            score: 0.8,
            ..Attribution::with_cue(0, Region::single(cue))
        });
    }
    doc.attributions.extend(added);
}

fn shift(para: Span, s: Span) -> Span {
    Span::new(para.start + s.start, para.start + s.end)
}

/// A paragraph that opens and closes with quote marks.
fn is_quotation(chars: &[char]) -> bool {
    chars.len() >= 3
        && chars.first().is_some_and(|c| OPENING.contains(c))
        && chars.last().is_some_and(|c| CLOSING.contains(c))
}

/// In a paragraph that opens with a quote mark: the end of the quotation
/// (after its closing mark), the dash and the name that end the paragraph.
fn credit_after_quote(chars: &[char]) -> Option<(usize, Span, Span)> {
    if !chars.first().is_some_and(|c| OPENING.contains(c)) {
        return None;
    }
    // The last dash of the paragraph, right after a closing quote mark.
    let dash = chars.iter().rposition(|c| DASHES.contains(c))?;
    let quote_end = chars[..dash].iter().rposition(|c| !c.is_whitespace())? + 1;
    if quote_end < 2 || !CLOSING.contains(&chars[quote_end - 1]) {
        return None;
    }
    let (dash, name) = credit(chars, dash)?;
    Some((quote_end, dash, name))
}

/// A dash at `at` (after optional whitespace), then a name running to the
/// end of `chars`: capitalised, short, no quote marks or sentence inside.
/// The name stops at a comma ("― Jane Doe, 34, Ohio" → "Jane Doe").
fn credit(chars: &[char], at: usize) -> Option<(Span, Span)> {
    let dash = at + chars[at..].iter().position(|c| !c.is_whitespace())?;
    if !DASHES.contains(&chars[dash]) {
        return None;
    }
    let start = dash + 1 + chars[dash + 1..].iter().position(|c| !c.is_whitespace())?;
    let rest = &chars[start..];
    if rest.len() > MAX_CREDIT
        || !rest[0].is_uppercase()
        || rest
            .iter()
            .any(|c| OPENING.contains(c) || CLOSING.contains(c) || matches!(c, '!' | '?' | ':'))
    {
        return None;
    }
    let mut end = rest.iter().position(|c| *c == ',').unwrap_or(rest.len());
    while end > 0 && (rest[end - 1].is_whitespace() || rest[end - 1] == '.') {
        end -= 1;
    }
    let name = &rest[..end];
    let words: Vec<&[char]> = name
        .split(|c| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    // One to five words, each capitalised or a short particle ("de", "van").
    let name_like = !words.is_empty()
        && words.len() <= 5
        && words
            .iter()
            .all(|w| w[0].is_uppercase() || (w.len() <= 3 && w.iter().all(|c| c.is_lowercase())));
    if !name_like {
        return None;
    }
    Some((
        Span::new(dash as u32, dash as u32 + 1),
        Span::new(start as u32, (start + end) as u32),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<(String, String, String)> {
        let mut doc = Document::new(text);
        // Paragraphs: one per line, as the segmenter gives them.
        let mut start = 0u32;
        for line in text.split('\n') {
            let n = line.chars().count() as u32;
            if n > 0 {
                doc.paragraphs.push(Span::new(start, start + n));
            }
            start += n + 1;
        }
        add_dash_credits(&mut doc);
        doc.attributions
            .iter()
            .map(|a| {
                let s = |r: &Option<Region>| {
                    r.as_ref()
                        .and_then(Region::extent)
                        .map(|s| doc.slice(s).to_string())
                        .unwrap_or_default()
                };
                (
                    s(&a.source),
                    doc.slice(a.cue.extent().unwrap_or_default()).to_string(),
                    s(&a.content),
                )
            })
            .collect()
    }

    #[test]
    fn credits_after_a_quotation_are_attributions() {
        assert_eq!(
            run("“He represents our greatest shame.” ― Sonya Herridge\n“Generalized everyone.”― Carla Sanchez."),
            [
                (
                    "Sonya Herridge".into(),
                    "―".into(),
                    "“He represents our greatest shame.”".into()
                ),
                ("Carla Sanchez".into(), "―".into(), "“Generalized everyone.”".into())
            ]
        );
        assert_eq!(
            run("“We will win.”\n— Jane de Vries, 34, Ohio"),
            [("Jane de Vries".into(), "—".into(), "“We will win.”".into())]
        );
    }

    #[test]
    fn dashes_in_prose_are_not_credits() {
        for text in [
            "WASHINGTON ― Donald Trump said nothing.",
            "“It is over” ― and then he left the room without saying anything else at all to anyone",
            "The plan — Smith said — failed.",
            "“Yes” — asked the reporter?",
            "He said “no” — Smith",
        ] {
            assert!(run(text).is_empty(), "{text}");
        }
    }
}
