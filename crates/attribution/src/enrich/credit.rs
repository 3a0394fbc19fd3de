//! Attributions made by layout rather than by a reporting verb:
//!
//! - quotations credited with a dash: `“…” ― Sonya Herridge` (reader
//!   round-ups, epigraphs, pull quotes); the credit may close the
//!   quotation's paragraph or stand alone on the next line;
//! - transcript turns: `"WALLACE: Let’s start with…` (a speaker in capitals,
//!   a colon, the turn);
//! - "Name: claim" headlines: `Pat Caddell: Democrat Voters Worried…`, when
//!   the label names a source (an entity, a plural noun, a document noun),
//!   not for slogans (`Revealed: …`).
//!
//! The punctuation mark is the cue, the name the source and the rest the
//! content. The span models learn reporting verbs and rarely or never see
//! these layouts in training, so rules add them where no attribution found
//! by the models covers the place (a turn or headline may hold model
//! attributions inside its content: they nest).

use whosaid_core::{Attribution, Document, EntityKind, MentionType, Region, Span, Upos, Xpos};

const DASHES: &[char] = &['―', '—', '–'];
const OPENING: &[char] = &['“', '"', '”', '‘'];
const CLOSING: &[char] = &['”', '"', '’'];
/// A credit longer than this is prose, not a name (code points).
const MAX_CREDIT: usize = 80;

/// Adds the layout attributions (see the module docs) no existing
/// attribution covers.
pub(crate) fn add_layout_attributions(doc: &mut Document) {
    add_dash_credits(doc);
    add_colon_credits(doc);
    add_interview_answers(doc);
}

/// A paragraph's question or answer label in an interview set as "Q: …" /
/// "A: …" (or "Q. …" / "A. …"): the letter, and the mark after it.
fn interview_label(doc: &Document, para: Span) -> Option<(char, Span, Span)> {
    let text = doc.slice(para);
    let mut chars = text.chars();
    let letter = chars.next()?;
    let mark = chars.next()?;
    let space = chars.next()?;
    (matches!(letter, 'Q' | 'A') && matches!(mark, ':' | '.') && space.is_whitespace()).then(|| {
        (
            letter,
            Span::new(para.start, para.start + 1),
            Span::new(para.start + 1, para.start + 2),
        )
    })
}

/// An answer's "A" label, the mark after it and its paragraph.
pub(crate) struct Answer {
    pub(crate) label: Span,
    pub(crate) mark: Span,
    pub(crate) paragraph: Span,
}

/// An interview set as questions and answers: its answers and where its
/// first question starts.
pub(crate) struct Interview {
    pub(crate) answers: Vec<Answer>,
    pub(crate) first_question: u32,
}

/// The interview the text is set as, if it has both a "Q" and an "A"
/// paragraph.
pub(crate) fn interview(doc: &Document) -> Option<Interview> {
    let mut first_question = None;
    let mut answers = Vec::new();
    for &paragraph in &doc.paragraphs {
        match interview_label(doc, paragraph) {
            Some(('Q', label, _)) => {
                first_question.get_or_insert(label.start);
            }
            Some((_, label, mark)) => answers.push(Answer {
                label,
                mark,
                paragraph,
            }),
            None => {}
        }
    }
    let first_question = first_question?;
    (!answers.is_empty()).then_some(Interview {
        answers,
        first_question,
    })
}

/// "Q: Are the sanctions working? / A: They are working, slowly.": each
/// answer is the interviewee's turn (whom the speaker pass finds: see
/// `interview_answerer`). Only the label and its mark must be free: an
/// answer may hold the model's attributions ("I think…"), which nest.
fn add_interview_answers(doc: &mut Document) {
    let Some(interview) = interview(doc) else {
        return;
    };
    let taken = Taken::of(&doc.attributions);
    let mut added = Vec::new();
    for Answer {
        label,
        mark,
        paragraph: para,
    } in interview.answers
    {
        let text: Vec<char> = doc.slice(para).chars().collect();
        let mut start = 2;
        while start < text.len() && text[start].is_whitespace() {
            start += 1;
        }
        let mut end = text.len();
        while end > start && text[end - 1].is_whitespace() {
            end -= 1;
        }
        if start >= end || taken.overlaps(label) || taken.overlaps(mark) {
            continue;
        }
        let turn = shift(para, Span::new(start as u32, end as u32));
        added.push(layout_attribution(label, mark, turn));
    }
    doc.attributions.extend(added);
}

/// Adds an attribution for each dash-credited quotation no existing
/// attribution covers.
fn add_dash_credits(doc: &mut Document) {
    let mut added: Vec<Attribution> = Vec::new();
    let mut taken = Taken::of(&doc.attributions);
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
        push_uncovered(&mut taken, &mut added, source, cue, content);
    }
    doc.attributions.extend(added);
}

/// Where attributions already are: their cue parts and content extents,
/// sorted and merged, so each check is a binary search (a page of a million
/// transcript lines stays linear-logarithmic).
struct Taken(Vec<Span>);

impl Taken {
    fn of(attrs: &[Attribution]) -> Self {
        let spans: Vec<Span> = attrs
            .iter()
            .flat_map(|a| {
                a.cue
                    .parts()
                    .iter()
                    .copied()
                    .chain(a.content.as_ref().and_then(Region::extent))
            })
            .collect();
        // A region's parts are the spans sorted, empty ones dropped and
        // overlapping or touching ones merged.
        Taken(Region::new(spans).parts().to_vec())
    }

    fn overlaps(&self, s: Span) -> bool {
        let i = self.0.partition_point(|t| t.end <= s.start);
        self.0.get(i).is_some_and(|t| t.start < s.end)
    }

    /// Marks `s` taken; `s` overlaps nothing taken.
    fn take(&mut self, s: Span) {
        let i = self.0.partition_point(|t| t.end <= s.start);
        self.0.insert(i, s);
    }
}

/// Adds `source` → `cue` → `content` to `added` unless an attribution
/// already has that cue or content there.
fn push_uncovered(
    taken: &mut Taken,
    added: &mut Vec<Attribution>,
    source: Span,
    cue: Span,
    content: Span,
) {
    if content.is_empty() || taken.overlaps(cue) || taken.overlaps(content) {
        return;
    }
    taken.take(cue);
    taken.take(content);
    added.push(layout_attribution(source, cue, content));
}

/// An attribution a layout rule found: one span each, a fixed score.
fn layout_attribution(source: Span, cue: Span, content: Span) -> Attribution {
    super::single_span_attribution(source, cue, content, 0.8)
}

/// Labels that open a line with a colon but credit nobody.
const LABELS: &[&str] = &[
    "update",
    "updated",
    "note",
    "editor's note",
    "editor’s note",
    "correction",
    "clarification",
    "breaking",
    "exclusive",
    "related",
    "read more",
    "watch",
    "now watch",
    "video",
    "photos",
    "photo",
    "live",
    "analysis",
    "opinion",
    "editorial",
    "commentary",
    "review",
    "explainer",
    "fact check",
    "q",
    "a",
    "source",
    "sources",
    "credit",
    "disclosure",
    "transcript",
    "ps",
    "p.s",
    "warning",
    "spoiler",
    "bottom line",
    "the bottom line",
    "recap",
    "background",
    "the latest",
    "bombshell",
    "revealed",
    "exposed",
    "boom",
    "scoop",
    "developing",
    "just in",
    "breaking news",
    "news guide",
    "must read",
    "must watch",
];

/// Transcript turns ("WALLACE: …") in any paragraph and a "Name: claim" title.
fn add_colon_credits(doc: &mut Document) {
    let mut added: Vec<Attribution> = Vec::new();
    let mut taken = Taken::of(&doc.attributions);
    let paragraphs = doc.paragraphs.clone();
    for (p, &para) in paragraphs.iter().enumerate() {
        let chars: Vec<char> = doc.slice(para).chars().collect();
        let in_title = doc
            .title
            .is_some_and(|t| t.start < para.end && para.start < t.end);
        let is_title = in_title || is_headline(doc, para);
        let Some((name, colon)) = colon_credit(&chars, is_title) else {
            continue;
        };
        let (source, cue) = (
            shift(para, name),
            shift(para, Span::new(colon as u32, colon as u32 + 1)),
        );
        // "SACHA PFEIFFER, HOST:" alone on its line: the turn is the next
        // paragraph (radio transcripts), unless that opens a turn itself
        // or is a stage note ("(SOUNDBITE OF MUSIC)").
        // (A short line in capitals reads as a headline too.)
        if !in_title && chars[colon + 1..].iter().all(|c| c.is_whitespace()) {
            // A section label in capitals ("SHORT READS:", "PREVIOUSLY:")
            // is no speaker: a label alone needs a role or a person's name.
            let role = (name.end as usize) < colon;
            if !role && !names_a_person(doc, source) {
                continue;
            }
            let Some(&next) = paragraphs.get(p + 1) else {
                continue;
            };
            let next_chars: Vec<char> = doc.slice(next).chars().collect();
            if next_chars.first() == Some(&'(') || colon_credit(&next_chars, false).is_some() {
                continue;
            }
            // (The turn may hold the model's attributions: they nest.)
            if !taken.overlaps(source) && !taken.overlaps(cue) {
                taken.take(Span::new(source.start, cue.end));
                added.push(layout_attribution(source, cue, next));
            }
            continue;
        }
        // A title's label credits someone only when it names a person or
        // body or a document ("Pat Caddell:", "Report:"), not when it is a
        // slogan ("Revealed:", "BOOM:", "Stealth Over Health:").
        if is_title && !names_a_source(doc, shift(para, name)) {
            continue;
        }
        let mut start = colon + 1;
        while start < chars.len() && chars[start].is_whitespace() {
            start += 1;
        }
        let mut end = chars.len();
        // A transcript paragraph opened by a quote mark runs on unclosed; a
        // closing mark at its end belongs to the transcript, not the turn.
        if OPENING.contains(&chars[0]) && end > start && CLOSING.contains(&chars[end - 1]) {
            end -= 1;
        }
        if start >= end {
            continue;
        }
        // The turn or title may hold attributions of its own ("WALLACE: …
        // he told us"): they nest inside it, so only the name and the colon
        // must be free.
        if taken.overlaps(source) || taken.overlaps(cue) {
            // The model found the turn: its speaker is the label's name,
            // not the role after it ("SERGIO MARTINEZ-BELTRAN, BYLINE:").
            if !is_title {
                for a in doc.attributions.iter_mut() {
                    if a.cue.extent() == Some(cue) {
                        a.source = Some(Region::single(source));
                    }
                }
            }
            continue;
        }
        taken.take(Span::new(source.start, cue.end));
        let turn = shift(para, Span::new(start as u32, end as u32));
        added.push(layout_attribution(source, cue, turn));
    }
    doc.attributions.extend(added);
}

/// Whether a speaker label names a person the entity layer found, in any
/// case ("SACHA PFEIFFER" for "Sacha Pfeiffer"), or by a listed first name.
fn names_a_person(doc: &Document, label: Span) -> bool {
    let text = doc.slice(label);
    let first = text.split_whitespace().next().unwrap_or_default();
    // (A first name in capitals is looked up capitalised.)
    whosaid_entities::lexicon::first_name_gender(first)
        != whosaid_entities::lexicon::Gender::Unknown
        || doc
            .entities
            .iter()
            .any(|e| e.kind == EntityKind::Person && e.name.to_lowercase() == text.to_lowercase())
}

/// Nouns that make a title label a document source ("Report:", "AP Poll:").
const DOCUMENT_WORDS: &[&str] = &[
    "report",
    "reports",
    "poll",
    "survey",
    "study",
    "memo",
    "documents",
    "filing",
    "indictment",
    "lawsuit",
];

/// Whether `label` names a source: it ends with the name of a person,
/// organisation or outlet the entity layer found ("McCain Challenger Kelli
/// Ward:", "Judicial Watch:"), with a plural noun ("Historians:") or with a
/// document noun ("AP Poll:"). Slogans ("Revealed:", "BOOM:", "Clinton
/// Wades In:") name no one.
fn names_a_source(doc: &Document, label: Span) -> bool {
    let named = doc.mentions.iter().any(|m| {
        m.mention_type == MentionType::Name
            && m.span.start < label.end
            && m.span.end >= label.end
            && matches!(
                m.kind,
                EntityKind::Person | EntityKind::Organization | EntityKind::Media
            )
    });
    let last = doc.tokens.iter().rev().find(|t| t.span.end <= label.end);
    let plural = last.is_some_and(|t| t.span.end == label.end && t.xpos == Xpos::Nns);
    named
        || plural
        || doc
            .slice(label)
            .split_whitespace()
            .last()
            .is_some_and(|w| DOCUMENT_WORDS.contains(&w.to_lowercase().as_str()))
        || proper_name_before_a_statement(doc, label)
}

/// "Sanders: Clinton Is Not Qualified…": a label of one to three proper
/// nouns the entity layer missed (headline case hides names), not in
/// capitals (a slogan: "BOOM:"), before a line with a verb ("Best Travel
/// Toothbrush: Aquasonic Icon" states nothing).
fn proper_name_before_a_statement(doc: &Document, label: Span) -> bool {
    let first = doc.token_at_or_after(label.start);
    let end = doc.token_at_or_after(label.end);
    let words = doc.tokens.get(first..end).unwrap_or_default();
    let text = doc.slice(label);
    let proper = !words.is_empty()
        && words.len() <= 3
        && words
            .iter()
            .all(|t| matches!(t.xpos, Xpos::Nnp | Xpos::Nnps))
        && text.chars().any(char::is_lowercase);
    let Some(line) = super::line_span_at(doc, label.start) else {
        return false;
    };
    let statement = doc.tokens[end.min(doc.tokens.len())..]
        .iter()
        .take_while(|t| t.span.end <= line.end)
        .any(|t| matches!(t.upos, Upos::Verb | Upos::Aux));
    proper && statement
}

/// A paragraph set as a headline inside an article: one short line in
/// title case without a closing full stop ("Sanders: Clinton Is Not
/// Qualified To Be President").
fn is_headline(doc: &Document, para: Span) -> bool {
    let text = doc.slice(para).trim();
    let words: Vec<&str> = text.split_whitespace().collect();
    !text.contains('\n')
        && (3..=16).contains(&words.len())
        && !text.ends_with(['.', '!', '?', '"', '”'])
        && words
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || w.len() <= 3)
}

/// The name before a paragraph's first colon and the colon's index, when the
/// name is a transcript speaker (capitals: "WALLACE", "SEN. SMITH") or, in a
/// title, a short capitalised name ("Pat Caddell", "Poll").
fn colon_credit(chars: &[char], is_title: bool) -> Option<(Span, usize)> {
    let colon = chars.iter().take(48).position(|c| *c == ':')?;
    // Text must follow ("He said:" at a paragraph end is a verb cue), or
    // nothing at all (a speaker label on its own line).
    let alone = chars[colon + 1..].iter().all(|c| c.is_whitespace());
    if !alone
        && (!chars.get(colon + 1).is_some_and(|c| c.is_whitespace()) || colon + 2 >= chars.len())
    {
        return None;
    }
    let mut start = 0;
    while start < colon && (OPENING.contains(&chars[start]) || chars[start].is_whitespace()) {
        start += 1;
    }
    // "SACHA PFEIFFER, HOST": the name before the role.
    let end = chars[start..colon]
        .iter()
        .position(|c| *c == ',')
        .map_or(colon, |i| start + i);
    let name: String = chars[start..end].iter().collect();
    let role: String = chars[end..colon].iter().collect();
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 || LABELS.contains(&name.to_lowercase().as_str()) {
        return None;
    }
    let letters = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count();
    let capitals = |text: &str| {
        text.chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | '\'' | '’' | '-' | ','))
    };
    // "UNIDENTIFIED PERSON #1"
    let numbered = |w: &str| {
        w.strip_prefix('#')
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
    };
    let speaker = letters(&name) >= 2
        && words
            .iter()
            .all(|w| numbered(w) || capitals(w) && letters(w) >= 1)
        && capitals(&role)
        && role.matches(',').count() <= 1;
    if alone && !speaker {
        return None;
    }
    let titled = is_title
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
        });
    let titled = titled && end == colon;
    (speaker || titled).then(|| (Span::new(start as u32, end as u32), colon))
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
        add_layout_attributions(&mut doc);
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
    fn transcript_turns_are_attributions() {
        assert_eq!(
            run("Partial transcript as follows:\n\"WALLACE: Will she be there?\n\"PENCE: Well, look.\""),
            [
                ("WALLACE".into(), ":".into(), "Will she be there?".into()),
                ("PENCE".into(), ":".into(), "Well, look.".into())
            ]
        );
        for text in [
            "UPDATE: The vote was moved.",
            "He said: “We will win.”",
            "NOTE: prices may vary",
            "At 10:30 the meeting began.",
            "Pat Caddell: Democrat Voters Worried",
        ] {
            assert!(run(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn radio_transcript_labels_name_their_speakers() {
        assert_eq!(
            run("SERGIO MARTINEZ-BELTRAN, BYLINE: It's a Saturday in Austin.\nSACHA PFEIFFER, HOST:\nThe legislature meets this week.\nUNIDENTIFIED PERSON #1: Yeah.\nSHORT READS:\nA list of stories."),
            [
                (
                    "SERGIO MARTINEZ-BELTRAN".into(),
                    ":".into(),
                    "It's a Saturday in Austin.".into()
                ),
                (
                    "SACHA PFEIFFER".into(),
                    ":".into(),
                    "The legislature meets this week.".into()
                ),
                ("UNIDENTIFIED PERSON #1".into(), ":".into(), "Yeah.".into()),
            ]
        );
        // A label alone before another turn or a stage note credits nothing.
        for text in [
            "SACHA PFEIFFER, HOST:\nRAY SUAREZ, BYLINE: Good morning.",
            "SACHA PFEIFFER, HOST:\n(SOUNDBITE OF MUSIC)",
            "COVID-19: cases rose again.",
        ] {
            let found = run(text);
            assert!(
                found
                    .iter()
                    .all(|(s, _, _)| s != "SACHA PFEIFFER" && s != "COVID-19"),
                "{text}: {found:?}"
            );
        }
    }

    #[test]
    fn a_turn_the_model_found_takes_the_labels_name() {
        let text = "SERGIO MARTINEZ-BELTRAN, BYLINE: It's a Saturday in Austin.";
        let mut doc = Document::new(text);
        doc.paragraphs = vec![Span::new(0, text.chars().count() as u32)];
        let at = |needle: &str| {
            let start = text[..text.find(needle).expect("in text")].chars().count() as u32;
            Span::new(start, start + needle.chars().count() as u32)
        };
        doc.attributions.push(Attribution {
            source: Some(Region::single(at("BYLINE"))),
            content: Some(Region::single(at("It's a Saturday in Austin."))),
            ..Attribution::with_cue(0, Region::single(at(":")))
        });
        add_layout_attributions(&mut doc);
        assert_eq!(doc.attributions.len(), 1);
        let source = doc.attributions[0].source.as_ref().and_then(Region::extent);
        assert_eq!(
            source.map(|s| doc.slice(s)),
            Some("SERGIO MARTINEZ-BELTRAN")
        );
    }

    /// A one-paragraph title document whose entity layer found `names`.
    fn title_doc(title: &str, names: &[(&str, EntityKind)]) -> Document {
        let mut doc = Document::new(title);
        let n = title.chars().count() as u32;
        doc.paragraphs = vec![Span::new(0, n)];
        doc.title = Some(Span::new(0, n));
        for (name, kind) in names {
            let at = title[..title.find(name).expect("name in title")]
                .chars()
                .count() as u32;
            doc.mentions.push(whosaid_core::Mention {
                span: Span::new(at, at + name.chars().count() as u32),
                tokens: [0, 0],
                kind: *kind,
                mention_type: MentionType::Name,
                entity: None,
            });
        }
        doc
    }

    fn extent(doc: &Document, r: &Option<Region>) -> String {
        let span = r.as_ref().and_then(Region::extent).unwrap_or_default();
        doc.slice(span).to_string()
    }

    #[test]
    fn name_colon_titles_are_attributions() {
        let title = "Pat Caddell: Democrat Voters Worried About Clinton";
        let mut doc = title_doc(title, &[("Pat Caddell", EntityKind::Person)]);
        add_layout_attributions(&mut doc);
        assert_eq!(doc.attributions.len(), 1);
        let a = &doc.attributions[0];
        assert_eq!(extent(&doc, &a.source), "Pat Caddell");
        assert_eq!(
            extent(&doc, &a.content),
            "Democrat Voters Worried About Clinton"
        );
        // A document noun is a source too.
        let mut doc = title_doc("AP Poll: Voters See Sanders As Electable", &[]);
        add_layout_attributions(&mut doc);
        assert_eq!(doc.attributions.len(), 1);
        // Section labels and slogans credit nobody, even around a name.
        for (title, names) in [
            ("Analysis: Why Voters Worry", vec![]),
            ("Revealed: What The Videos Contain", vec![]),
            (
                "Clinton Wades In: Urges Britain To Stay",
                vec![("Clinton", EntityKind::Person)],
            ),
        ] {
            let mut doc = title_doc(title, &names);
            add_layout_attributions(&mut doc);
            assert!(doc.attributions.is_empty(), "{title}");
        }
    }

    #[test]
    fn a_title_credit_holds_the_attributions_inside_it() {
        // "Voters Worried About …" was found by the model: the title's own
        // credit still goes around it.
        let title = "Pat Caddell: Democrat Voters Worried About Clinton";
        let mut doc = title_doc(title, &[("Pat Caddell", EntityKind::Person)]);
        doc.attributions.push(Attribution {
            source: Some(Region::single(Span::new(13, 28))),
            content: Some(Region::single(Span::new(43, 50))),
            ..Attribution::with_cue(0, Region::single(Span::new(29, 42)))
        });
        add_layout_attributions(&mut doc);
        assert_eq!(doc.attributions.len(), 2);
        assert_eq!(extent(&doc, &doc.attributions[1].source), "Pat Caddell");
    }

    #[test]
    fn a_long_transcript_stays_linear() {
        // 100,000 turns: each checks what is taken by binary search, not by
        // scanning every attribution added before it.
        let text = "\"AB: yes.\n".repeat(100_000);
        assert_eq!(run(&text).len(), 100_000);
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
