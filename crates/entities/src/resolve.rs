//! From tagged names to mentions and entities: typing (Media, Norp, Title),
//! aliasing, definite descriptions and pronouns.

use crate::gazetteer::Gazetteer;
use crate::lexicon::{self, Gender};
use crate::tagger::{spans, NameType, Tagger};
use std::cmp::Ordering;
use std::collections::HashMap;
use whosaid_core::{Document, Entity, EntityKind, Mention, MentionType, Span, Upos, Xpos};

/// Per-mention working data.
#[derive(Debug, Clone)]
struct M {
    start: usize,
    end: usize,
    kind: EntityKind,
    mtype: MentionType,
    entity: Option<usize>,
    sent: usize,
    subject: bool,
    quoted: bool,
    /// Descriptor words (lower-case titles, nationalities) attached to a person name.
    desc: Vec<String>,
}

#[derive(Debug, Clone)]
struct E {
    kind: EntityKind,
    gender: Gender,
    desc: Vec<String>,
    /// Name tokens of the longest name mention.
    name: Vec<String>,
}

fn kind_group(k: EntityKind) -> u8 {
    match k {
        EntityKind::Person => 0,
        EntityKind::Organization | EntityKind::Media => 1,
        EntityKind::Gpe | EntityKind::Location => 2,
        EntityKind::Norp => 3,
        _ => 4,
    }
}

fn is_open_quote(s: &str) -> bool {
    matches!(s, "“" | "‘" | "«")
}
fn is_close_quote(s: &str) -> bool {
    matches!(s, "”" | "’" | "»")
}

/// Whether each token lies inside quotation marks.
fn quoted_tokens(doc: &Document) -> Vec<bool> {
    let mut out = vec![false; doc.tokens.len()];
    for s in &doc.sentences {
        let _ = s;
    }
    let mut inside = false;
    let mut para_end = 0u32;
    // Paragraphs in text order (the usual case) allow a binary search for
    // the first one ending after a token; otherwise scan them in order.
    let ends_sorted = doc.paragraphs.is_sorted_by_key(|p| p.end);
    for (i, t) in doc.tokens.iter().enumerate() {
        // Quotes never run across paragraphs unclosed (news style reopens them).
        if t.span.start >= para_end {
            inside = false;
            let next = if ends_sorted {
                doc.paragraphs
                    .get(doc.paragraphs.partition_point(|p| p.end <= t.span.start))
            } else {
                doc.paragraphs.iter().find(|p| p.end > t.span.start)
            };
            para_end = next.map_or(u32::MAX, |p| p.end);
        }
        let w = doc.token_text(i);
        if is_open_quote(w) {
            inside = true;
        } else if is_close_quote(w) && w != "’" {
            inside = false;
        } else if w == "\"" || w == "``" || w == "''" {
            inside = if w == "``" {
                true
            } else if w == "''" {
                false
            } else {
                !inside
            };
        } else if w.starts_with('“') {
            inside = true;
        }
        out[i] = inside && !is_open_quote(w);
    }
    out
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// Calls `f` with `w` lower-cased: on the stack for a short ASCII word, so
/// the word-list checks asked of most tokens allocate nothing.
fn with_lower<R>(w: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    if w.is_ascii() && w.len() <= buf.len() {
        let bytes = &mut buf[..w.len()];
        bytes.copy_from_slice(w.as_bytes());
        bytes.make_ascii_lowercase();
        if let Ok(l) = std::str::from_utf8(bytes) {
            return f(l);
        }
    }
    f(&lower(w))
}

/// Whether `w` is a title word: lower-cased, or an honorific without its
/// full stop ("Ms", "Dr").
fn is_title(w: &str) -> bool {
    lexicon::is_bare_honorific(w) || with_lower(w, lexicon::is_title_word)
}

fn cap(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Whether the mention is a grammatical subject: the parse says so, or the
/// word-order test does (a greedy parser often reads "X, former ambassador
/// …, told NBC" as an apposition; the order test catches that subject).
fn is_subject(doc: &Document, start: usize, end: usize, sent_start: usize) -> bool {
    let has_parse = doc.tokens[start..end].iter().any(|t| t.head.is_some())
        && doc.tokens[start..end]
            .iter()
            .any(|t| t.deprel != Default::default());
    if has_parse {
        // The mention's head: the token whose head lies outside the span.
        for t in &doc.tokens[start..end] {
            let outside = t
                .head
                .is_none_or(|h| (h as usize) < start || (h as usize) >= end);
            if outside {
                if t.deprel.is_subject() {
                    return true;
                }
                break;
            }
        }
    }
    // No parse: a name right before a speech/action verb, or opening its sentence,
    // unless a preposition governs it.
    if start > sent_start
        && matches!(
            doc.token_text(start - 1),
            "by" | "of"
                | "to"
                | "from"
                | "with"
                | "in"
                | "for"
                | "at"
                | "on"
                | "about"
                | "against"
                | "between"
                | "and"
                | "than"
                | "toward"
                | "towards"
                | "over"
                | "under"
        )
    {
        return false;
    }
    let next = doc.token_text(end);
    let has_pos = doc
        .tokens
        .get(end)
        .is_some_and(|t| t.upos != Upos::default());
    if has_pos {
        if doc.tokens[end].upos.is_verbal() {
            return true;
        }
    } else if next.ends_with("ed") || next.ends_with("s") && !cap(next) && next.len() > 2 {
        return true;
    }
    if next == "," {
        // Appositive subject: "Michael McFaul, former ambassador, told NBC", at the
        // clause start (sentence start, or after a comma or closing quote).
        let mut a = start;
        while a > sent_start && is_title(doc.token_text(a - 1)) {
            a -= 1;
        }
        return a == sent_start || matches!(doc.token_text(a - 1), "," | "”" | "\"" | "''");
    }
    let _ = sent_start;
    start == sent_start
}

/// Runs NER, typing, aliasing and coreference on `doc`, replacing its mentions and entities.
pub fn annotate(tagger: &Tagger, places: &Gazetteer, doc: &mut Document) {
    doc.mentions.clear();
    doc.entities.clear();
    if doc.tokens.is_empty() {
        return;
    }
    let quoted = quoted_tokens(doc);
    let mut ms: Vec<M> = Vec::new();
    let mut taken = vec![false; doc.tokens.len()];
    // Each sentence tagged, then the document made consistent (a name
    // tagged in one sentence is tagged where it repeats untagged).
    let tagged: Vec<usize> = (0..doc.sentences.len())
        .filter(|&si| {
            let r = doc.sentences[si].token_range();
            !r.is_empty() && !doc.is_boilerplate(doc.tokens[r.start].span.start)
        })
        .collect();
    let words: Vec<Vec<&str>> = tagged
        .iter()
        .map(|&si| {
            doc.sentences[si]
                .token_range()
                .map(|i| doc.token_text(i))
                .collect()
        })
        .collect();
    let outside: Vec<Vec<bool>> = tagged
        .iter()
        .map(|&si| headline_verbs(doc, doc.sentences[si].token_range()))
        .collect();
    let all_labels = tagger.tag_document_outside(&words, &outside);
    for (&si, labels) in tagged.iter().zip(&all_labels) {
        let s = &doc.sentences[si];
        let r = s.token_range();
        let sentence_words: Vec<&str> = r.clone().map(|i| doc.token_text(i)).collect();
        let nouns: Vec<bool> = r
            .clone()
            .map(|i| matches!(doc.tokens[i].upos, Upos::Propn | Upos::Noun))
            .collect();
        for (a, b, t) in join_conjoined_names(&sentence_words, &nouns, spans(labels)) {
            let (mut a, mut b) = (r.start + a, r.start + b);
            // Possessive clitics and leading determiners are not part of the name.
            while b > a && matches!(doc.token_text(b - 1), "'s" | "’s" | "'" | "’") {
                b -= 1;
            }
            while a < b && matches!(doc.token_text(a), "the" | "The") {
                a += 1;
            }
            // "As House Speaker Paul Ryan…": a sentence's first word is
            // capitalised anyway, and a preposition, conjunction or
            // wh-adverb there opens the clause, not the name.
            while a < b
                && a == r.start
                && b - a > 1
                && matches!(
                    doc.tokens[a].xpos,
                    Xpos::In | Xpos::Cc | Xpos::Wrb | Xpos::To
                )
            {
                a += 1;
            }
            // "Ms Collins", "MS. JEAN-PIERRE": the tagger takes an honorific
            // without its full stop, or in capitals, into the name; it is a
            // title, and says the name is a person's.
            let mut honorific = false;
            while b - a > 1 && lexicon::is_honorific(doc.token_text(a)) {
                a += 1;
                honorific = true;
            }
            if a >= b
                || !doc.tokens[a..b]
                    .iter()
                    .enumerate()
                    .any(|(k, _)| cap(doc.token_text(a + k)))
            {
                continue;
            }
            // "Campaigners said…": a plural common noun capitalised only
            // because it opens the sentence is not a name ("Caltrans",
            // capitalised inside a sentence too, is one).
            if b - a == 1
                && a == r.start
                && doc.tokens[a].xpos == Xpos::Nns
                && !capitalised_inside_a_sentence(doc, doc.token_text(a))
            {
                continue;
            }
            let text: Vec<&str> = (a..b).map(|i| doc.token_text(i)).collect();
            let kind = match t {
                _ if honorific => EntityKind::Person,
                // "Fox Business" read as a person's name: an outlet's brand
                // leads it.
                NameType::Per if lexicon::is_outlet_brand_name(&text) => EntityKind::Media,
                // "Quadrivium, a foundation that…": the apposition says what
                // the name is.
                // "MarketScreener", "PayPal": a brand's inner capital.
                NameType::Per if text.len() == 1 && is_camel_case_brand(text[0]) => {
                    EntityKind::Organization
                }
                // "League" alone (of "Premier League" cut by the tagger) is
                // no one's name.
                NameType::Per if text.len() == 1 && is_body_word_alone(text[0]) => {
                    EntityKind::Organization
                }
                NameType::Per => appositive_body(doc, b, r.end)
                    .or_else(|| body_before_name(doc, a, b, r.clone()))
                    .unwrap_or(EntityKind::Person),
                NameType::Org => {
                    let joined = text.join(" ");
                    // "Sun-Times", "Star-Tribune": an outlet word after a hyphen.
                    let hyphenated_outlet = text.len() == 1
                        && text[0]
                            .rsplit_once('-')
                            .is_some_and(|(head, w)| !head.is_empty() && lexicon::is_media_word(w));
                    // "The Tribune", "The Guardian": an outlet word named
                    // alone after "The".
                    let the_outlet_word = text.len() == 1
                        && lexicon::is_media_word(text[0])
                        && a > r.start
                        && matches!(doc.token_text(a - 1), "The" | "the");
                    if lexicon::is_known_outlet(&joined)
                        || lexicon::is_outlet_brand_name(&text)
                        || hyphenated_outlet
                        || the_outlet_word
                        || text.len() > 1 && text.iter().skip(1).any(|w| lexicon::is_media_word(w))
                    {
                        EntityKind::Media
                    } else {
                        EntityKind::Organization
                    }
                }
                // "Politico" read as a place.
                NameType::Loc if lexicon::is_known_outlet(&text.join(" ")) => EntityKind::Media,
                NameType::Loc => {
                    let last = lower(text[text.len() - 1]);
                    if matches!(
                        last.as_str(),
                        "river"
                            | "mountains"
                            | "mountain"
                            | "sea"
                            | "ocean"
                            | "lake"
                            | "valley"
                            | "desert"
                            | "island"
                            | "islands"
                            | "coast"
                            | "peninsula"
                            | "region"
                    ) {
                        EntityKind::Location
                    } else {
                        EntityKind::Gpe
                    }
                }
            };
            // "MARGARET BRENNAN: Senator, …": a transcript's speaker label
            // in capitals, read by the tagger as an organisation.
            let kind = if kind != EntityKind::Person && is_capitalised_speaker_label(doc, a, b) {
                EntityKind::Person
            } else {
                kind
            };
            // "Lena Park, who owns a bakery": a listed first name and a
            // relative "who" make a person of a name read as a place or body.
            let kind = if matches!(
                kind,
                EntityKind::Gpe | EntityKind::Location | EntityKind::Organization
            ) && b - a >= 2
                && lexicon::first_name_gender(text[0]) != Gender::Unknown
                && b + 1 < doc.tokens.len()
                && doc.token_text(b) == ","
                && doc.token_text(b + 1).eq_ignore_ascii_case("who")
            {
                EntityKind::Person
            } else {
                kind
            };
            // A lone nationality/party word is a NORP, not a place or organisation.
            let kind = if b - a == 1 && lexicon::is_norp(text[0]) && kind != EntityKind::Person {
                EntityKind::Norp
            } else {
                kind
            };
            for x in &mut taken[a..b] {
                *x = true;
            }
            ms.push(name_mention(doc, a..b, kind, si, r.start, &quoted));
        }
        // Outlets the tagger missed ("Reuters", "CNN" at sentence ends) and NORP words.
        for i in r.clone() {
            if taken[i] {
                continue;
            }
            let w = doc.token_text(i);
            let kind = if lexicon::is_norp(w) && w != "North" {
                EntityKind::Norp
            } else if cap(w) && lexicon::is_known_outlet(w) {
                EntityKind::Media
            } else {
                continue;
            };
            taken[i] = true;
            ms.push(M {
                start: i,
                end: i + 1,
                kind,
                mtype: MentionType::Name,
                entity: None,
                sent: si,
                subject: false,
                quoted: quoted[i],
                desc: Vec::new(),
            });
        }
    }
    ms.sort_by_key(|m| (m.start, m.end));
    join_name_particles(doc, &mut ms, &mut taken);
    consistent_types(doc, places, &mut ms, &mut taken, &quoted);
    drop_leading_role_words(doc, &mut ms, &mut taken);
    add_titles(doc, &mut ms, &mut taken, &quoted);
    let mut es = alias(doc, &mut ms);
    ms.sort_by_key(|m| (m.start, m.end));
    let mut ms = add_nominals(doc, ms, &mut es, &taken, &quoted);
    // A name "the company" showed to be a body's ("Meta … The company")
    // is a body's wherever it stands.
    for m in &mut ms {
        if let Some(e) = m.entity {
            if es[e].kind == EntityKind::Organization && m.kind == EntityKind::Person {
                m.kind = EntityKind::Organization;
            }
        }
    }
    let ms = add_pronouns(doc, ms, &mut es, &quoted);
    emit(doc, ms, es);
}

/// Capitalised words that head a body's name and are nobody's name on
/// their own.
fn is_body_word_alone(w: &str) -> bool {
    matches!(
        w,
        "League"
            | "Party"
            | "Club"
            | "University"
            | "Committee"
            | "Council"
            | "Commission"
            | "Department"
            | "Ministry"
            | "Agency"
            | "Association"
            | "Federation"
            | "Institute"
            | "Foundation"
            | "Senate"
            | "Parliament"
    )
}

/// Names the tagger cut at a conjunction inside them: "Johnson & Johnson"
/// (two people), "the Food and Beverage Association" ("Beverage
/// Association"). An ampersand between capitalised words joins them into
/// one organisation; "and" does when the word before it is capitalised,
/// in no name of its own, opens the phrase ("the", "of", the sentence's
/// start), and the name after it ends in an organisation's head word.
/// `words` are a sentence's, `nouns` which of them are tagged nouns ("He
/// and House Judiciary Committee Chairman…" joins nothing); spans index
/// into them.
fn join_conjoined_names(
    words: &[&str],
    nouns: &[bool],
    spans: Vec<(usize, usize, NameType)>,
) -> Vec<(usize, usize, NameType)> {
    let mut out: Vec<(usize, usize, NameType)> = Vec::with_capacity(spans.len());
    for (a, b, t) in spans {
        if a >= 2 && cap(words[a - 2]) && nouns[a - 2] {
            let free = out.last().is_none_or(|l| l.1 <= a - 2);
            if words[a - 1] == "&" {
                match out.last_mut() {
                    Some(last) if last.1 == a - 1 => {
                        last.1 = b;
                        last.2 = NameType::Org;
                    }
                    _ if free => out.push((a - 2, b, NameType::Org)),
                    _ => out.push((a, b, t)),
                }
                continue;
            }
            let opens = a == 2 || matches!(words[a - 3], "the" | "The" | "of");
            if t == NameType::Org
                && free
                && opens
                && words[a - 1] == "and"
                && !words[a - 2].chars().all(|c| c.is_uppercase())
                && lexicon::name_head_kind(&lower(words[b - 1])) == 1
            {
                out.push((a - 2, b, t));
                continue;
            }
        }
        out.push((a, b, t));
    }
    out
}

/// Tokens `a..b` open a line, stand before a colon, are two or three words
/// in capitals and start with a known first name: a transcript's speaker
/// label ("MARGARET BRENNAN:").
fn is_capitalised_speaker_label(doc: &Document, a: usize, b: usize) -> bool {
    let line_start = a == 0 || {
        let gap = Span::new(doc.tokens[a - 1].span.end, doc.tokens[a].span.start);
        doc.slice(gap).contains('\n')
    };
    let words: Vec<&str> = (a..b).map(|i| doc.token_text(i)).collect();
    let capitals = words.iter().all(|w| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    });
    let first_name = words
        .first()
        .is_some_and(|w| lexicon::first_name_gender(&lexicon::title_case(w)) != Gender::Unknown);
    line_start
        && (2..=3).contains(&words.len())
        && capitals
        && first_name
        && b < doc.tokens.len()
        && doc.token_text(b) == ":"
}

/// A name mention of tokens `tokens` in sentence `sent` (whose first
/// token is `sent_start`), not yet aliased.
fn name_mention(
    doc: &Document,
    tokens: std::ops::Range<usize>,
    kind: EntityKind,
    sent: usize,
    sent_start: usize,
    quoted: &[bool],
) -> M {
    M {
        start: tokens.start,
        end: tokens.end,
        kind,
        mtype: MentionType::Name,
        entity: None,
        sent,
        subject: is_subject(doc, tokens.start, tokens.end, sent_start),
        quoted: quoted.get(tokens.start).copied().unwrap_or(false),
        desc: Vec::new(),
    }
}

/// Document-level consistency: a surname of a full person name is a person
/// wherever it recurs ("Trump" tagged as a place, or missed, after "Donald
/// Trump"); acronyms of bodies named in full, and listed places read as
/// people's names, take their kinds.
fn consistent_types(
    doc: &Document,
    places: &Gazetteer,
    ms: &mut Vec<M>,
    taken: &mut [bool],
    quoted: &[bool],
) {
    // A capitalised word right after a person title is a name ("President-elect Trump").
    let titled = |i: usize| -> bool {
        i > 0
            && is_title(doc.token_text(i - 1))
            && !with_lower(doc.token_text(i - 1), |p| {
                matches!(p, "former" | "first" | "acting" | "head" | "chief")
            })
    };
    for m in ms.iter_mut() {
        if m.end - m.start == 1
            && matches!(m.kind, EntityKind::Gpe | EntityKind::Organization)
            && titled(m.start)
        {
            m.kind = EntityKind::Person;
        }
    }
    for (si, s) in doc.sentences.iter().enumerate() {
        let r = s.token_range();
        for i in r.clone() {
            let w = doc.token_text(i);
            if !taken[i]
                && i > r.start
                && titled(i)
                && cap(w)
                && w.chars().count() > 1
                && !lexicon::is_norp(w)
                && !is_title(w)
            {
                let mut e = i + 1;
                while e < r.end
                    && !taken[e]
                    && cap(doc.token_text(e))
                    && !is_title(doc.token_text(e))
                {
                    e += 1;
                }
                for x in &mut taken[i..e] {
                    *x = true;
                }
                ms.push(name_mention(
                    doc,
                    i..e,
                    EntityKind::Person,
                    si,
                    r.start,
                    quoted,
                ));
            }
        }
    }
    ms.sort_by_key(|m| (m.start, m.end));
    // A name right after a person noun is a person ("their child, Gloria",
    // "his wife Manju Sam"), and so is every other mention of the same words.
    let after_person_noun = |m: &M| -> bool {
        let mut j = m.start;
        if j > 0 && doc.token_text(j - 1) == "," {
            j -= 1;
        }
        j > 0 && with_lower(doc.token_text(j - 1), lexicon::is_relation_noun)
    };
    let people: Vec<String> = ms
        .iter()
        .filter(|m| {
            m.mtype == MentionType::Name && m.kind != EntityKind::Person && after_person_noun(m)
        })
        .map(|m| words_of(doc, m.start, m.end))
        .collect();
    retype_names(
        doc,
        ms,
        people,
        |k| k != EntityKind::Person,
        EntityKind::Person,
    );
    // "Acme" after "Acme Corp.": a company's name without its legal suffix
    // still names the company, whatever the tagger made of it.
    let companies: Vec<String> = ms
        .iter()
        .filter(|m| {
            m.mtype == MentionType::Name
                && m.kind == EntityKind::Organization
                && m.end - m.start > 1
                && lexicon::is_company_suffix(doc.token_text(m.end - 1))
        })
        .map(|m| words_of(doc, m.start, m.end - 1))
        .collect();
    retype_names(
        doc,
        ms,
        companies,
        |k| {
            matches!(
                k,
                EntityKind::Person | EntityKind::Gpe | EntityKind::Location
            )
        },
        EntityKind::Organization,
    );
    // "Thames Water, which faces…", "Ofwat's chief executive": people
    // are "who", and have no chief executive or shareholders; "Labour" and
    // "Western Power Distribution" say what they are.
    let bodies: Vec<String> = ms
        .iter()
        .filter(|m| {
            m.mtype == MentionType::Name
                && m.kind == EntityKind::Person
                && !titled(m.start)
                && (names_a_body_after(doc, m.end, m.subject) || is_body_name(doc, m.start, m.end))
        })
        .map(|m| words_of(doc, m.start, m.end))
        .collect();
    retype_names(
        doc,
        ms,
        bodies,
        |k| k == EntityKind::Person,
        EntityKind::Organization,
    );
    // One name, one kind: "Cloudspire, the cloud software company" and,
    // later, "Shares of Cloudspire rose" (tagged a person) are one body.
    // The majority of a name's person and organization mentions decides;
    // on a tie, the first (a name is introduced with what it is); a title
    // before any mention makes it a person.
    let mut votes: HashMap<String, (i32, EntityKind)> = HashMap::new();
    for m in ms.iter().filter(|m| {
        m.mtype == MentionType::Name
            && matches!(m.kind, EntityKind::Person | EntityKind::Organization)
    }) {
        // A title ("Sen. Warner") settles it.
        let vote = match m.kind {
            EntityKind::Person if titled(m.start) => 1000,
            EntityKind::Person => 1,
            _ => -1,
        };
        votes
            .entry(words_of(doc, m.start, m.end))
            .and_modify(|(v, _)| *v += vote)
            .or_insert((vote, m.kind));
    }
    let mut as_body = Vec::new();
    let mut as_person = Vec::new();
    for (name, (vote, first)) in votes {
        match (vote.cmp(&0), first) {
            (Ordering::Less, _) | (Ordering::Equal, EntityKind::Organization) => as_body.push(name),
            _ => as_person.push(name),
        }
    }
    retype_names(
        doc,
        ms,
        as_body,
        |k| k == EntityKind::Person,
        EntityKind::Organization,
    );
    retype_names(
        doc,
        ms,
        as_person,
        |k| k == EntityKind::Organization,
        EntityKind::Person,
    );
    // A body's short name: "Acme Robotics" and, later, "Acme did not
    // respond" (tagged a person) — the first word of a body's name of
    // several words, not any person's surname nor a first name.
    let body_heads: Vec<&str> = ms
        .iter()
        .filter(|m| {
            // A proper name throughout ("Acme Robotics"), not a person's
            // name before a common noun ("Obama administration").
            m.mtype == MentionType::Name
                && m.kind == EntityKind::Organization
                && m.end - m.start > 1
                && cap(doc.token_text(m.end - 1))
                // (A title-case headline runs names over its verbs.)
                && doc.title.is_none_or(|t| doc.tokens[m.start].span.start >= t.end)
        })
        .map(|m| doc.token_text(m.start))
        .collect();
    if !body_heads.is_empty() {
        let person_words: Vec<&str> = ms
            .iter()
            .filter(|m| m.kind == EntityKind::Person && (m.end - m.start > 1 || titled(m.start)))
            .map(|m| doc.token_text(m.end - 1))
            .collect();
        let short: Vec<String> = ms
            .iter()
            .filter(|m| {
                let w = doc.token_text(m.start);
                m.mtype == MentionType::Name
                    && m.kind == EntityKind::Person
                    && m.end - m.start == 1
                    && !titled(m.start)
                    && body_heads.contains(&w)
                    && !person_words.contains(&w)
                    && lexicon::first_name_gender(w) == Gender::Unknown
            })
            .map(|m| words_of(doc, m.start, m.end))
            .collect();
        retype_names(
            doc,
            ms,
            short,
            |k| k == EntityKind::Person,
            EntityKind::Organization,
        );
    }
    // "the World Health Organization … the WHO": an acronym of a body the
    // document names in full is that body wherever the tagger missed it
    // (two capitals or more, with or without stops: "F.A.A.").
    let acronyms: Vec<String> = ms
        .iter()
        .filter(|m| {
            m.mtype == MentionType::Name
                && matches!(m.kind, EntityKind::Organization | EntityKind::Media)
                && m.end - m.start > 1
        })
        .map(|m| {
            let words: Vec<String> = (m.start..m.end)
                .map(|i| doc.token_text(i).to_string())
                .collect();
            initials(&words)
        })
        .filter(|a| a.chars().count() >= 2)
        .collect();
    if !acronyms.is_empty() {
        add_one_word_names(doc, ms, taken, quoted, EntityKind::Organization, |w| {
            w.starts_with(|c: char| c.is_ascii_uppercase())
                && acronym_letters(w).is_some_and(|l| acronyms.contains(&l))
        });
    }
    // A listed place read as a person's name ("an attack on Kyiv", "Kyiv
    // had shown no interest"): unseen foreign names are where the tagger
    // errs, and a place list is general knowledge. Not a name any mention
    // gives a title, nor a first name ("Chad", "Victoria"); a person's
    // full name ending with it ("Andrew Jackson") makes it a surname
    // again just below.
    let titled_names: Vec<String> = ms
        .iter()
        .filter(|m| m.mtype == MentionType::Name && titled(m.start))
        .map(|m| words_of(doc, m.start, m.end))
        .collect();
    let listed_places: Vec<String> = ms
        .iter()
        .filter(|m| {
            m.mtype == MentionType::Name
                && m.kind == EntityKind::Person
                && lexicon::first_name_gender(doc.token_text(m.start)) == Gender::Unknown
                && places.contains_name(
                    &(m.start..m.end)
                        .map(|i| doc.token_text(i))
                        .collect::<Vec<_>>(),
                )
        })
        .map(|m| words_of(doc, m.start, m.end))
        .filter(|w| !titled_names.contains(w))
        .collect();
    retype_names(
        doc,
        ms,
        listed_places,
        |k| k == EntityKind::Person,
        EntityKind::Gpe,
    );
    // A storm's name ("Hurricane Delia", "Typhoon Haiyan") names no person.
    let storm = |w: &str| {
        with_lower(w, |l| {
            matches!(l, "hurricane" | "typhoon" | "cyclone" | "storm")
        })
    };
    let storms: Vec<String> = ms
        .iter()
        .filter(|m| {
            m.mtype == MentionType::Name
                && m.kind == EntityKind::Person
                && (storm(doc.token_text(m.start))
                    || m.start > 0 && storm(doc.token_text(m.start - 1)))
        })
        .map(|m| words_of(doc, m.start, m.end))
        .collect();
    retype_names(
        doc,
        ms,
        storms,
        |k| k == EntityKind::Person,
        EntityKind::Misc,
    );
    // An unlisted one-word "place" that opens the name of a company with
    // only company words after it is that company ("Norvia Health, Inc."
    // … "Norvia expects…").
    let company_first_words: Vec<String> = ms
        .iter()
        .filter(|m| {
            m.mtype == MentionType::Name
                && m.kind == EntityKind::Organization
                && m.end - m.start > 1
                && (m.start + 1..m.end).all(|i| {
                    let w = doc.token_text(i);
                    w == "," || lexicon::is_org_suffix(w)
                })
        })
        .map(|m| doc.token_text(m.start).to_string())
        .collect();
    let unlisted_places: Vec<String> = ms
        .iter()
        .filter(|m| {
            m.mtype == MentionType::Name
                && m.end - m.start == 1
                && m.kind == EntityKind::Gpe
                && company_first_words
                    .iter()
                    .any(|w| w == doc.token_text(m.start))
                && !places.contains_name(&[doc.token_text(m.start)])
        })
        .map(|m| words_of(doc, m.start, m.end))
        .collect();
    retype_names(
        doc,
        ms,
        unlisted_places,
        |k| k == EntityKind::Gpe,
        EntityKind::Organization,
    );
    let mut surnames: Vec<&str> = ms
        .iter()
        .filter(|m| m.kind == EntityKind::Person && (m.end - m.start > 1 || titled(m.start)))
        .map(|m| doc.token_text(m.end - 1))
        .filter(|w| w.chars().count() > 1 && cap(w))
        .collect();
    surnames.sort_unstable();
    surnames.dedup();
    if surnames.is_empty() {
        return;
    }
    for m in ms.iter_mut() {
        if m.end - m.start == 1
            && matches!(
                m.kind,
                EntityKind::Gpe | EntityKind::Organization | EntityKind::Location
            )
            && surnames.binary_search(&doc.token_text(m.start)).is_ok()
        {
            m.kind = EntityKind::Person;
        }
    }
    // Every surname is capitalised: most tokens need no search.
    add_one_word_names(doc, ms, taken, quoted, EntityKind::Person, |w| {
        cap(w) && surnames.binary_search(&w).is_ok()
    });
}

/// A name mention of `kind` for every token no mention has taken whose word
/// `is_name` accepts; `ms` stays sorted.
fn add_one_word_names(
    doc: &Document,
    ms: &mut Vec<M>,
    taken: &mut [bool],
    quoted: &[bool],
    kind: EntityKind,
    is_name: impl Fn(&str) -> bool,
) {
    let before = ms.len();
    for (si, s) in doc.sentences.iter().enumerate() {
        for i in s.token_range() {
            if !taken[i] && is_name(doc.token_text(i)) {
                taken[i] = true;
                ms.push(name_mention(
                    doc,
                    i..i + 1,
                    kind,
                    si,
                    s.tokens[0] as usize,
                    quoted,
                ));
            }
        }
    }
    if ms.len() > before {
        ms.sort_by_key(|m| (m.start, m.end));
    }
}

/// Whether the name of tokens `start..end` is a body by its own words: a
/// party ("Labour", "Sinn Féin"), or a name of several words closed by one
/// that heads names of bodies ("Western Power Distribution", "Anglian
/// Water"), unless it opens with a first name ("Frank Church") or names an
/// outlet.
fn is_body_name(doc: &Document, start: usize, end: usize) -> bool {
    if lexicon::is_party_name(&words_of(doc, start, end)) {
        return true;
    }
    let end = rest_of_name(doc, end);
    let last = doc.token_text(end - 1);
    end - start > 1
        && lexicon::first_name_gender(doc.token_text(start)) == Gender::Unknown
        && !lexicon::is_media_word(last)
        && with_lower(last, |w| {
            lexicon::name_head_kind(w) == 1
                || matches!(
                    w,
                    "distribution"
                        | "water"
                        | "power"
                        | "gas"
                        | "rail"
                        | "railways"
                        | "utilities"
                        // health systems and drug companies: "HCA Healthcare",
                        // "Sutter Health", "Vertex Pharmaceuticals"
                        | "health"
                        | "healthcare"
                        | "pharma"
                        | "therapeutics"
                        | "biosciences"
                        | "biotech"
                )
        })
}

/// A single word with a capital after a small letter that no surname
/// prefix explains: a brand or a site ("MarketScreener", "PayPal",
/// "YouTube"), not "McCain", "DeSantis", "LaHood", "MacArthur", "LeBron".
fn is_camel_case_brand(word: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "Mc", "Mac", "De", "Da", "Di", "Du", "La", "Le", "Van", "Von", "St", "Fitz", "Jo", "Ja",
        "Ke", "Ka", "Ra",
    ];
    let chars: Vec<char> = word.chars().collect();
    let inner_capital =
        (1..chars.len()).find(|&i| chars[i].is_uppercase() && chars[i - 1].is_lowercase());
    let Some(at) = inner_capital else {
        return false;
    };
    let prefix: String = chars[..at].iter().collect();
    chars.iter().all(|c| c.is_alphanumeric()) && !PREFIXES.contains(&prefix.as_str())
}

/// The end of a name whose last capitalised words the name tagger left out
/// ("HCA" tagged in "HCA Healthcare"): proper nouns right after token
/// `end`, a single space apart, at most three.
fn rest_of_name(doc: &Document, end: usize) -> usize {
    let mut k = end;
    while k < doc.tokens.len()
        && k < end + 3
        && k > 0
        && doc.tokens[k].upos == Upos::Propn
        && doc.token_text(k).starts_with(|c: char| c.is_uppercase())
        && doc.slice(Span::new(
            doc.tokens[k - 1].span.end,
            doc.tokens[k].span.start,
        )) == " "
    {
        k += 1;
    }
    k
}

/// The words of tokens `start..end`, joined by spaces.
/// `word` occurs capitalised somewhere other than at a sentence start.
fn capitalised_inside_a_sentence(doc: &Document, word: &str) -> bool {
    doc.sentences
        .iter()
        .any(|s| s.token_range().skip(1).any(|k| doc.token_text(k) == word))
}

/// The words from token `end` on say the name before them is a body, not a
/// person: ", which …" after a subject ("Thames Water, which faces…, said";
/// not "a policy of Obama, which…"), "'s chief executive", "'s
/// shareholders".
fn names_a_body_after(doc: &Document, end: usize, subject: bool) -> bool {
    let word = |k: usize| (k < doc.tokens.len()).then(|| lower(doc.token_text(k)));
    let (Some(first), second) = (word(end), word(end + 1)) else {
        return false;
    };
    match first.as_str() {
        "," => subject && second.as_deref() == Some("which"),
        "'s" | "’s" => {
            let third = word(end + 2);
            match second.as_deref() {
                Some("chief") => matches!(
                    third.as_deref(),
                    Some("executive" | "financial" | "operating" | "technology")
                ),
                Some(w) => matches!(
                    w,
                    "ceo" | "shareholders" | "headquarters" | "subsidiary" | "board"
                ),
                None => false,
            }
        }
        _ => false,
    }
}

fn words_of(doc: &Document, start: usize, end: usize) -> String {
    (start..end)
        .map(|i| doc.token_text(i))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Gives kind `to` to every name mention whose words are among `names`
/// and whose kind `from` accepts: what one mention shows of a name holds
/// for all its mentions.
fn retype_names(
    doc: &Document,
    ms: &mut [M],
    mut names: Vec<String>,
    from: impl Fn(EntityKind) -> bool,
    to: EntityKind,
) {
    if names.is_empty() {
        return;
    }
    names.sort_unstable();
    names.dedup();
    for m in ms.iter_mut() {
        if m.mtype == MentionType::Name
            && from(m.kind)
            && names.binary_search(&words_of(doc, m.start, m.end)).is_ok()
        {
            m.kind = to;
        }
    }
}

/// Lower-case words inside family names: "Erik ten Hag", "Bill de
/// Blasio", "Edwin van der Sar".
const NAME_PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "ten", "ter", "da", "di", "du", "bin", "dos", "das", "del",
    "la", "le",
];

/// A person's name the tagger cut at a lower-case particle ("Erik" | ten |
/// "Hag") runs on over the particles and the capitalised words after them;
/// a name mention that started there joins it.
fn join_name_particles(doc: &Document, ms: &mut Vec<M>, taken: &mut [bool]) {
    let capitalised = |k: usize| {
        let w = doc.token_text(k);
        w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-')
    };
    let mut absorbed = vec![false; ms.len()];
    for i in 0..ms.len() {
        if absorbed[i] || ms[i].kind != EntityKind::Person || ms[i].mtype != MentionType::Name {
            continue;
        }
        let sentence_end = doc
            .sentences
            .get(ms[i].sent)
            .map_or(doc.tokens.len(), |s| s.tokens[1] as usize)
            .min(taken.len());
        let mut k = ms[i].end;
        while k < sentence_end && NAME_PARTICLES.contains(&doc.token_text(k)) {
            k += 1;
        }
        if k == ms[i].end || k >= sentence_end || !capitalised(k) {
            continue;
        }
        let mut end = k + 1;
        while end < sentence_end && capitalised(end) && !taken[end] {
            end += 1;
        }
        // A mention of what follows the particle joins this one.
        for (j, m) in ms.iter().enumerate() {
            if j != i && m.start >= ms[i].end && m.start < end.max(m.end) && m.start <= k {
                end = end.max(m.end);
                absorbed[j] = true;
            }
        }
        for t in &mut taken[ms[i].end..end] {
            *t = true;
        }
        ms[i].end = end;
    }
    let mut j = 0;
    ms.retain(|_| {
        j += 1;
        !absorbed[j - 1]
    });
}

/// "Meteorologist Rick Knabb", "Teammate Andre Wilkins": a capitalised
/// role word opening a sentence is read into the name after it. A person's
/// name of three or more words whose first word is no first name, title or
/// honorific, and whose second is a first name, starts at that first name.
fn drop_leading_role_words(doc: &Document, ms: &mut [M], taken: &mut [bool]) {
    for m in ms.iter_mut() {
        if m.mtype != MentionType::Name || m.kind != EntityKind::Person || m.end - m.start < 3 {
            continue;
        }
        let (first, second) = (doc.token_text(m.start), doc.token_text(m.start + 1));
        let opens_sentence = doc
            .sentences
            .get(m.sent)
            .is_some_and(|s| s.tokens[0] as usize == m.start);
        if opens_sentence
            && first.chars().all(char::is_alphabetic)
            && lexicon::first_name_gender(first) == Gender::Unknown
            && lexicon::first_name_gender(second) != Gender::Unknown
            && !is_title(first)
            && !lexicon::is_honorific(&lower(first))
        {
            if let Some(t) = taken.get_mut(m.start) {
                *t = false;
            }
            m.start += 1;
        }
    }
}

/// Title mentions before a person's name ("Russian President", "former ambassador")
/// and appositive descriptions after it ("McFaul, former ambassador to Russia").
fn add_titles(doc: &Document, ms: &mut Vec<M>, taken: &mut [bool], quoted: &[bool]) {
    let n = ms.len();
    let mut new = Vec::new();
    for k in 0..n {
        if ms[k].kind != EntityKind::Person {
            continue;
        }
        let sent = &doc.sentences[ms[k].sent];
        let s0 = sent.tokens[0] as usize;
        let mut a = ms[k].start;
        let mut desc = Vec::new();
        // Walk left over title words, "of X" inside titles, and nationality words.
        loop {
            if a <= s0 {
                break;
            }
            let w = doc.token_text(a - 1);
            let lw = lower(w);
            if is_title(w) && !taken[a - 1] {
                desc.push(lw);
                a -= 1;
            } else if a >= s0 + 3
                && cap(w)
                && doc.token_text(a - 2) == "of"
                && is_title(doc.token_text(a - 3))
                && !taken[a - 1]
            {
                desc.push(lw);
                a -= 2;
            } else if lexicon::is_norp(w) && a < ms[k].start {
                desc.push(lw);
                break; // the NORP mention itself stays
            } else {
                break;
            }
        }
        if a < ms[k].start {
            for x in &mut taken[a..ms[k].start] {
                *x = true;
            }
            new.push(M {
                start: a,
                end: ms[k].start,
                kind: EntityKind::Title,
                mtype: MentionType::Nominal,
                entity: None,
                sent: ms[k].sent,
                subject: false,
                quoted: quoted[a],
                desc: vec![format!("@{k}")],
            });
        }
        // Appositive: ", (the|a|former)* title-words …"
        let e = ms[k].end;
        let s1 = sent.tokens[1] as usize;
        if e + 1 < s1 && doc.token_text(e) == "," {
            let mut j = e + 1;
            while j < s1 && with_lower(doc.token_text(j), |l| matches!(l, "the" | "a" | "an")) {
                j += 1;
            }
            let st = j;
            while j < s1 && !taken[j] {
                let lw = lower(doc.token_text(j));
                if is_title(doc.token_text(j)) || lexicon::is_norp(doc.token_text(j)) {
                    desc.push(lw);
                    j += 1;
                } else {
                    break;
                }
            }
            if j > st && desc.iter().any(|d| lexicon::is_person_noun(d)) {
                for x in &mut taken[st..j] {
                    *x = true;
                }
                new.push(M {
                    start: st,
                    end: j,
                    kind: EntityKind::Title,
                    mtype: MentionType::Nominal,
                    entity: None,
                    sent: ms[k].sent,
                    subject: false,
                    quoted: quoted[st],
                    desc: vec![format!("@{k}")],
                });
            }
        }
        ms[k].desc = desc;
    }
    ms.extend(new);
}

/// Whether the name `t` (kind group `g`) names the entity whose full name is
/// `full` (an entity of the same group).
fn same_name(g: u8, t: &[String], full: &[String]) -> bool {
    if full == t {
        true
    } else if g == 0 {
        // Person: the short form ends with the surname, all its words in the full name.
        t.last() == full.last() && t.iter().all(|w| full.contains(w))
    } else if g == 1 {
        let sub = full.windows(t.len()).any(|w| w == t)
            && t.len() < full.len()
            && full[t.len()..]
                .iter()
                .all(|w| w == "," || lexicon::is_org_suffix(w))
            && full[..t.len()] == t[..];
        let acr = t.len() == 1
            && full.len() >= 2
            && acronym_letters(&t[0]).is_some_and(|a| initials(full) == a);
        sub || acr
    } else {
        false
    }
}

/// Entities by kind group and by the words a matching name must share with
/// them, so that clustering a name looks only at entities it could join
/// instead of every entity of the document.
#[derive(Debug, Default)]
struct AliasIndex {
    /// (group, last name word) → entity indices, ascending. Every match of
    /// a person, and every exact match, shares the last word.
    by_last: HashMap<(u8, String), Vec<usize>>,
    /// (group, first name word) → entity indices: organisation sub-names
    /// ("Apple" for "Apple Inc") share the first word.
    by_first: HashMap<(u8, String), Vec<usize>>,
    /// (group, initials) → entity indices: organisation acronyms.
    by_initials: HashMap<(u8, String), Vec<usize>>,
}

impl AliasIndex {
    fn add(&mut self, entity: usize, g: u8, name: &[String]) {
        let (Some(first), Some(last)) = (name.first(), name.last()) else {
            return;
        };
        self.by_last
            .entry((g, last.clone()))
            .or_default()
            .push(entity);
        // A person's name may put the family name first ("Xi Jinping",
        // "Kim Jong Un"): a later "Mr. Xi" names it by that word.
        if g == 0 && (2..=3).contains(&name.len()) {
            self.by_first
                .entry((g, first.clone()))
                .or_default()
                .push(entity);
        }
        if g == 1 {
            self.by_first
                .entry((g, first.clone()))
                .or_default()
                .push(entity);
            self.by_initials
                .entry((g, initials(name)))
                .or_default()
                .push(entity);
        }
    }

    /// The first entity (lowest index) that `t` names, as a scan of all
    /// entities in order with [`same_name`] would find it.
    /// A mention whose honorific gives its `gender` ("Mrs. Clinton", "Mr.
    /// Clinton") skips entities known to be of the other.
    /// A one-word name that is no surname of the document's people names a
    /// person by the first word of the full name: a first name
    /// ("Hillary") or the family name in East Asian order ("Mr. Xi").
    fn find(&self, es: &[E], g: u8, t: &[String], gender: Gender) -> Option<usize> {
        let (Some(first), Some(last)) = (t.first(), t.last()) else {
            return None;
        };
        let agrees = |e: usize| {
            gender == Gender::Unknown || es[e].gender == Gender::Unknown || es[e].gender == gender
        };
        let first_match = |list: Option<&Vec<usize>>| {
            list.and_then(|l| {
                l.iter().copied().find(|&e| {
                    kind_group(es[e].kind) == g && same_name(g, t, &es[e].name) && agrees(e)
                })
            })
        };
        let mut best = first_match(self.by_last.get(&(g, last.clone())));
        if g == 0 && best.is_none() && t.len() == 1 {
            best = self
                .by_first
                .get(&(g, first.clone()))
                .and_then(|l| l.iter().copied().find(|&e| agrees(e)));
        }
        if g == 1 {
            for list in [
                self.by_first.get(&(g, first.clone())),
                self.by_initials
                    .get(&(g, acronym_letters(first).unwrap_or_else(|| first.clone()))),
            ] {
                if let Some(e) = first_match(list) {
                    best = Some(best.map_or(e, |b: usize| b.min(e)));
                }
            }
        }
        best
    }
}

/// The letters of an acronym: two or more capitals, each with or without a
/// full stop ("WHO", "F.A.A." → "FAA").
fn acronym_letters(w: &str) -> Option<String> {
    let letters: String = w.chars().filter(|&c| c != '.').collect();
    let dotted = w.contains('.');
    let well_formed = if dotted {
        // Every capital followed by its stop.
        let mut chars = w.chars();
        std::iter::from_fn(|| Some((chars.next()?, chars.next())))
            .all(|(c, stop)| c.is_uppercase() && stop == Some('.'))
    } else {
        true
    };
    (letters.chars().count() >= 2 && letters.chars().all(char::is_uppercase) && well_formed)
        .then_some(letters)
}

fn initials(words: &[String]) -> String {
    words
        .iter()
        .filter(|w| cap(w))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Clusters name mentions into entities. Person: same surname / sub-name;
/// organisations: exact, sub-name or acronym; places and NORPs: exact.
fn alias(doc: &Document, ms: &mut [M]) -> Vec<E> {
    let mut es: Vec<E> = Vec::new();
    let toks = |m: &M| -> Vec<String> {
        (m.start..m.end)
            .map(|i| doc.token_text(i).to_string())
            .collect()
    };
    // Longest names first so short forms attach to the full name they abbreviate.
    let mut order: Vec<usize> = (0..ms.len())
        .filter(|&i| ms[i].mtype == MentionType::Name)
        .collect();
    order.sort_by_key(|&i| (std::cmp::Reverse(ms[i].end - ms[i].start), i));
    let mut index = AliasIndex::default();
    for &i in &order {
        let t = toks(&ms[i]);
        let g = kind_group(ms[i].kind);
        let honorific_gender = ms[i]
            .desc
            .iter()
            .filter(|w| lexicon::is_honorific(w))
            .map(|w| lexicon::title_gender(w))
            .find(|&g| g != Gender::Unknown)
            .unwrap_or(Gender::Unknown);
        let found = index.find(&es, g, &t, honorific_gender);
        let ei = match found {
            Some(ei) => {
                // Media outranks Organization for the same entity.
                if ms[i].kind == EntityKind::Media {
                    es[ei].kind = EntityKind::Media;
                }
                ei
            }
            None => {
                // (A one-word name no full name took up is a first name
                // or a surname; a first name gives the gender: "Delia".)
                let gender = if ms[i].kind == EntityKind::Person && !t.is_empty() {
                    lexicon::first_name_gender(&t[0])
                } else {
                    Gender::Unknown
                };
                index.add(es.len(), g, &t);
                es.push(E {
                    kind: ms[i].kind,
                    gender,
                    desc: Vec::new(),
                    name: t.clone(),
                });
                es.len() - 1
            }
        };
        ms[i].entity = Some(ei);
        let d = ms[i].desc.clone();
        for w in d {
            if es[ei].gender == Gender::Unknown {
                es[ei].gender = lexicon::title_gender(&w);
            }
            if !es[ei].desc.contains(&w) {
                es[ei].desc.push(w);
            }
        }
    }
    // Media kind on every mention of a media entity; titles point at their person.
    for k in 0..ms.len() {
        if let Some(e) = ms[k].entity {
            if es[e].kind == EntityKind::Media && ms[k].kind == EntityKind::Organization {
                ms[k].kind = EntityKind::Media;
            }
        }
        if ms[k].kind == EntityKind::Title {
            if let Some(p) = ms[k]
                .desc
                .first()
                .and_then(|d| d.strip_prefix('@'))
                .and_then(|d| d.parse::<usize>().ok())
            {
                ms[k].entity = ms.get(p).and_then(|m| m.entity);
            }
            ms[k].desc.clear();
        }
    }
    es
}

/// Mentions in text order, split at a point that only moves forward: the
/// passes adding descriptions and pronouns walk the text once, read only
/// mentions before the current token and insert at it, so a gap buffer
/// makes each insertion O(1) instead of a memmove of every later mention.
#[derive(Debug)]
struct MentionCursor {
    /// Mentions before the cursor, in text order.
    done: Vec<M>,
    /// Mentions after the cursor, in reverse text order (next one last).
    rest: Vec<M>,
    /// The most tokens any mention spans: a mention holding token `j`
    /// starts at most that far before it.
    longest: usize,
}

impl MentionCursor {
    /// `ms` must be sorted by (start, end).
    fn new(mut ms: Vec<M>) -> Self {
        ms.reverse();
        MentionCursor {
            done: Vec::with_capacity(ms.len()),
            longest: ms.iter().map(|m| m.end - m.start).max().unwrap_or(0),
            rest: ms,
        }
    }

    /// The mentions starting before token `at`, in text order.
    fn before(&mut self, at: usize) -> &[M] {
        while self.rest.last().is_some_and(|m| m.start < at) {
            self.done.extend(self.rest.pop());
        }
        let n = self.done.partition_point(|m| m.start < at);
        &self.done[..n]
    }

    /// Inserts `m` where a sorted insert would (after every mention whose
    /// (start, end) is not greater). `m` must not start before a mention
    /// already passed.
    fn insert(&mut self, m: M) {
        debug_assert!(self
            .done
            .last()
            .is_none_or(|x| (x.start, x.end) <= (m.start, m.end)));
        while self
            .rest
            .last()
            .is_some_and(|x| (x.start, x.end) <= (m.start, m.end))
        {
            self.done.extend(self.rest.pop());
        }
        self.longest = self.longest.max(m.end - m.start);
        self.done.push(m);
    }

    fn into_vec(mut self) -> Vec<M> {
        self.rest.reverse();
        self.done.append(&mut self.rest);
        self.done
    }
}

/// Per-entity mention counts over a prefix of the mentions that only grows:
/// the salience term of [`best_antecedent`] without recounting the whole
/// prefix at each referring expression.
#[derive(Debug)]
struct Salience {
    /// How many leading mentions are counted.
    counted: usize,
    count: Vec<u32>,
}

impl Salience {
    fn new(entities: usize) -> Self {
        Salience {
            counted: 0,
            count: vec![0; entities],
        }
    }

    /// Counts for `before`, which must extend the prefix counted so far.
    fn advance(&mut self, before: &[M]) -> &[u32] {
        for m in before.get(self.counted..).unwrap_or_default() {
            if let Some(e) = m.entity {
                if let Some(c) = self.count.get_mut(e) {
                    *c += 1;
                }
            }
        }
        self.counted = self.counted.max(before.len());
        &self.count
    }
}

// Antecedent score weights, tuned on GUM Wikinews train/dev pronouns.
const SALIENCE: f32 = 0.8;
const SUBJECT: f32 = 1.0;
// (2.0 since a first name joins its full name, session 24: a name quoted
// just before, "prays that Bernie ends up the nominee", had drawn a
// speaker's "he" with its entity's salience; 1.5 and 2.0 tie on GUM.)
const QUOTED: f32 = 2.0;
const SENT_DIST: f32 = 0.5;

/// The best earlier candidate entity for a referring expression at token
/// `at`. `before` holds the mentions starting before `at`, in text order, and
/// `count` their number per entity (salience).
#[allow(clippy::too_many_arguments)]
fn best_antecedent(
    before: &[M],
    count: &[u32],
    es: &[E],
    at: usize,
    sent: usize,
    quoted_here: bool,
    max_back: usize,
    ok: impl Fn(&M, &E) -> bool,
) -> Option<usize> {
    let (sal, subj, qpen, dw) = (SALIENCE, SUBJECT, QUOTED, SENT_DIST);
    let mut best: Option<(f32, usize)> = None;
    for m in before.iter().rev() {
        if m.sent + max_back < sent {
            break;
        }
        let Some(e) = m.entity else { continue };
        if !ok(m, &es[e]) {
            continue;
        }
        let dist = (sent - m.sent) as f32;
        let mut sc = -dw * dist;
        if m.subject {
            sc += subj;
        }
        if m.quoted && !quoted_here {
            sc -= qpen;
        }
        if m.mtype == MentionType::Name {
            sc += 0.3;
        }
        // Salience: entities mentioned often so far are likelier antecedents.
        sc += sal * (1.0 + count.get(e).copied().unwrap_or(0) as f32).ln();
        // Recency within the window breaks ties.
        sc -= (at - m.start) as f32 * 0.002;
        if best.is_none_or(|(b, _)| sc > b) {
            best = Some((sc, e));
        }
    }
    best.map(|(_, e)| e)
}

/// Definite descriptions: "the (Russian) president", "the ambassador", "the company".
/// `ms` must be sorted by (start, end); returns it with the descriptions inserted.
fn add_nominals(
    doc: &Document,
    ms: Vec<M>,
    es: &mut [E],
    taken: &[bool],
    quoted: &[bool],
) -> Vec<M> {
    let mut ms = MentionCursor::new(ms);
    let mut salience = Salience::new(es.len());
    for (si, s) in doc.sentences.iter().enumerate() {
        let r = s.token_range();
        let mut i = r.start;
        while i < r.end {
            if !matches!(doc.token_text(i), "the" | "The") || taken[i] {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            let mut mods = Vec::new();
            while j < r.end && lexicon::is_norp(doc.token_text(j)) {
                mods.push(lower(doc.token_text(j)));
                j += 1;
            }
            // "the Italian told reporters": a singular nationality with no
            // noun after it is someone just named ("the Serb", "the Republican").
            let norp_head = !mods.is_empty()
                && (j >= r.end
                    || !matches!(
                        doc.tokens[j].upos,
                        Upos::Noun | Upos::Propn | Upos::Adj | Upos::Num
                    ))
                && lexicon::is_singular_norp(doc.token_text(j - 1));
            if norp_head {
                mods.pop();
                j -= 1;
            }
            while j < r.end
                && (matches!(doc.token_text(j), "former" | "top" | "senior" | "new")
                    || doc.tokens[j].upos == Upos::Adj && !cap(doc.token_text(j)))
            {
                j += 1;
            }
            // The nationality is a NORP mention of its own; the description
            // holds it, as "the Russian president" does.
            if j >= r.end || taken[j] && !norp_head {
                i += 1;
                continue;
            }
            let head = lower(doc.token_text(j));
            // A title directly before a name is handled as a Title, not a description.
            let next_name = j + 1 < r.end && (taken[j + 1] && cap(doc.token_text(j + 1)));
            // Relation and role nouns ("the boy", "the student") have no
            // title to match; they take the nearest person of their gender.
            let role = norp_head || !lexicon::is_person_noun(&head) && is_role_noun(&head);
            let person = (lexicon::is_person_noun(&head) || role) && !next_name;
            let org = matches!(
                head.as_str(),
                "company"
                    | "agency"
                    | "bureau"
                    | "firm"
                    | "committee"
                    | "network"
                    | "newspaper"
                    | "paper"
                    | "organization"
                    | "organisation"
                    | "group"
                    | "party"
            ) && !next_name;
            if !(person || org) {
                i += 1;
                continue;
            }
            let end = j + 1;
            let at = i;
            let q = quoted[i];
            let before = ms.before(at);
            let count = salience.advance(before);
            let target = if person {
                best_antecedent(before, count, es, at, si, q, 6, |m, e| {
                    e.kind == EntityKind::Person
                        && m.mtype != MentionType::Pronoun
                        && (e.desc.contains(&head) || e.desc.iter().any(|d| d.starts_with(&head)))
                        && mods.iter().all(|md| {
                            e.desc.contains(md)
                                || e.desc.iter().all(|d| !lexicon::is_norp(&capitalise(d)))
                        })
                })
                .or_else(|| {
                    // Generic roles ("the official", "the boy") with no title
                    // match: the nearest person whose gender does not clash.
                    // "The Republican" names a party member the
                    // descriptions above did not find, not the nearest person.
                    let generic = role && !(norp_head && lexicon::is_party_member_word(&head))
                        || matches!(
                            head.as_str(),
                            "official"
                                | "spokesman"
                                | "spokeswoman"
                                | "expert"
                                | "analyst"
                                | "source"
                        );
                    let g = lexicon::title_gender(&head);
                    // An epithet points at someone of the last sentence or this one.
                    let window = if norp_head || is_epithet(&head) { 1 } else { 2 };
                    generic
                        .then(|| {
                            best_antecedent(before, count, es, at, si, q, window, |_, e| {
                                e.kind == EntityKind::Person
                                    && (g == Gender::Unknown
                                        || e.gender == Gender::Unknown
                                        || e.gender == g)
                            })
                        })
                        .flatten()
                })
            } else {
                let want_media = matches!(head.as_str(), "network" | "newspaper" | "paper");
                // "The company" is no ministry, court or party.
                let business = matches!(head.as_str(), "company" | "firm");
                // "The committee" names itself so ("Democratic National
                // Committee", "DNC"); "City Hall" is none.
                let committee = head == "committee";
                let names_a_committee = |name: &[String]| {
                    name.iter().any(|w| w.eq_ignore_ascii_case("committee"))
                        || name.len() == 1
                            && (2..=6).contains(&name[0].len())
                            && name[0].chars().all(|c| c.is_ascii_uppercase())
                };
                let body = best_antecedent(before, count, es, at, si, q, 3, |_, e| {
                    if want_media {
                        e.kind == EntityKind::Media
                    } else {
                        e.kind == EntityKind::Organization
                            && (!committee || names_a_committee(&e.name))
                            && !(business
                                && (e
                                    .name
                                    .last()
                                    .is_some_and(|w| with_lower(w, is_public_body_word))
                                    || lexicon::is_party_name(&e.name.join(" ").to_lowercase())))
                    }
                });
                // "Meta said in a blog post… The company did not say…": a
                // one-word name read as a person's, with no first name or
                // title to say so, that "the company" takes up just after,
                // was the company's.
                let unknown_company = || {
                    best_antecedent(before, count, es, at, si, q, 1, |m, e| {
                        e.kind == EntityKind::Person
                            && e.name.len() == 1
                            && e.gender == Gender::Unknown
                            && e.desc.is_empty()
                            && m.subject
                            && lexicon::first_name_gender(&e.name[0]) == Gender::Unknown
                    })
                };
                match body {
                    None if business => {
                        let company = unknown_company();
                        if let Some(e) = company {
                            es[e].kind = EntityKind::Organization;
                        }
                        company
                    }
                    found => found,
                }
            };
            if let Some(e) = target {
                let kind = es[e].kind;
                ms.insert(M {
                    start: i,
                    end,
                    kind,
                    mtype: MentionType::Nominal,
                    entity: Some(e),
                    sent: si,
                    subject: is_subject(doc, i, end, r.start),
                    quoted: q,
                    desc: Vec::new(),
                });
            }
            i = end;
        }
    }
    ms.into_vec()
}

/// The last word of a public body's name ("Justice Department", "Senate
/// Intelligence Committee"): no company.
fn is_public_body_word(w: &str) -> bool {
    matches!(
        w,
        "department"
            | "ministry"
            | "agency"
            | "bureau"
            | "office"
            | "committee"
            | "commission"
            | "council"
            | "court"
            | "party"
            | "senate"
            | "house"
            | "congress"
            | "parliament"
            | "police"
            | "army"
            | "navy"
            | "administration"
            | "government"
            | "university"
            | "school"
            | "service"
    )
}

/// Nouns for a person by relation, age or role that refer back to a named
/// person without a title to match ("the boy", "the student", "the kid").
fn is_role_noun(w: &str) -> bool {
    lexicon::is_relation_noun(w)
        || matches!(
            w,
            "student" | "kid" | "teen" | "youngster" | "pupil" | "lady" | "gentleman" | "guy"
        )
        || is_epithet(w)
}

/// Sports and feature copy names someone just mentioned by nationality,
/// position or age: "the Spaniard", "the striker", "the 22-year-old".
fn is_epithet(w: &str) -> bool {
    matches!(
        w,
        "spaniard"
            | "frenchman"
            | "frenchwoman"
            | "englishman"
            | "englishwoman"
            | "scotsman"
            | "welshman"
            | "irishman"
            | "dutchman"
            | "swede"
            | "dane"
            | "briton"
            | "striker"
            | "midfielder"
            | "defender"
            | "goalkeeper"
            | "winger"
            | "teenager"
    ) || w
        .strip_suffix("-year-old")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Third-person pronouns.
/// `ms` must be sorted by (start, end); returns it with the pronouns inserted.
fn add_pronouns(doc: &Document, ms: Vec<M>, es: &mut [E], quoted: &[bool]) -> Vec<M> {
    let mut ms = MentionCursor::new(ms);
    let mut salience = Salience::new(es.len());
    for (si, s) in doc.sentences.iter().enumerate() {
        for i in s.token_range() {
            let w = doc.token_text(i);
            let g = match w {
                "he" | "He" | "him" | "his" | "His" | "himself" => Gender::Male,
                "she" | "She" | "her" | "Her" | "hers" | "herself" => Gender::Female,
                "they" | "They" | "them" | "their" | "Their" | "themselves" => Gender::Unknown,
                _ => continue,
            };
            let plural = g == Gender::Unknown;
            let q = quoted[i];
            let longest = ms.longest;
            let before = ms.before(i);
            let count = salience.advance(before);
            // "Putin — whom he has praised": the pronoun is the relative
            // clause's subject, so it is not the noun "whom" stands for.
            let barred = relative_object_antecedent(doc, before, longest, i, s.token_range().start);
            let es_ok = |e: usize| Some(e) != barred;
            let target = if plural {
                // 'they' only to organisations, and only when no plural common noun intervenes.
                let e = best_antecedent(before, count, es, i, si, q, 1, |m, e| {
                    m.subject
                        && matches!(e.kind, EntityKind::Organization | EntityKind::Media)
                        && m.entity.is_some_and(es_ok)
                });
                e.filter(|&e| {
                    let last = before
                        .iter()
                        .rev()
                        .find(|m| m.entity == Some(e) && m.subject)
                        .map_or(i, |m| m.end);
                    !(last..i).any(|k| {
                        let t = doc.token_text(k);
                        t.len() > 3
                            && t.ends_with('s')
                            && !cap(t)
                            && !matches!(t, "this" | "was" | "has" | "does" | "says" | "is")
                            && doc.tokens[k].upos != Upos::Verb
                    })
                })
            } else {
                let compatible = |e: &E| {
                    e.kind == EntityKind::Person && (e.gender == g || e.gender == Gender::Unknown)
                };
                // Quote-speaker pronoun ("…,” he added"): the speaker is the latest
                // unquoted subject before the quote, not whoever the quote mentions.
                let after_quote = i > s.tokens[0] as usize
                    && matches!(doc.token_text(i - 1), "”" | "\"" | "''")
                    && matches!(w, "he" | "she");
                let speaker = if after_quote {
                    // Mentions are in sentence order: stop at the first one
                    // more than two sentences back.
                    before
                        .iter()
                        .rev()
                        .take_while(|m| m.sent + 2 >= si)
                        .filter(|m| m.subject && !m.quoted)
                        .find_map(|m| m.entity.filter(|&e| compatible(&es[e])))
                } else {
                    None
                };
                speaker.or_else(|| {
                    best_antecedent(before, count, es, i, si, q, 3, |m, e| {
                        compatible(e) && m.entity.is_some_and(es_ok)
                    })
                })
            };
            if let Some(e) = target {
                if !plural && es[e].gender == Gender::Unknown {
                    es[e].gender = g;
                }
                let kind = es[e].kind;
                let subject = doc.tokens[i].deprel.is_subject()
                    || doc.tokens[i].deprel == Default::default()
                        && matches!(w, "he" | "He" | "she" | "She" | "they" | "They");
                ms.insert(M {
                    start: i,
                    end: i + 1,
                    kind,
                    mtype: MentionType::Pronoun,
                    entity: Some(e),
                    sent: si,
                    subject,
                    quoted: q,
                    desc: Vec::new(),
                });
            }
        }
    }
    ms.into_vec()
}

/// The entity of the noun that a relative "whom" just before the pronoun at
/// `i` stands for ("Putin — whom he praised", "the aide to whom she wrote"),
/// skipping punctuation and a preposition between the noun and "whom".
/// `before` holds the mentions starting before `i`, in text order, none
/// longer than `longest` tokens.
fn relative_object_antecedent(
    doc: &Document,
    before: &[M],
    longest: usize,
    i: usize,
    sent_start: usize,
) -> Option<usize> {
    let k = (i.saturating_sub(2).max(sent_start)..i)
        .rev()
        .find(|&k| doc.token_text(k).eq_ignore_ascii_case("whom"))?;
    let mut j = k.checked_sub(1)?;
    while j > sent_start && matches!(doc.tokens[j].upos, Upos::Punct | Upos::Adp) {
        j -= 1;
    }
    if j < sent_start {
        return None;
    }
    first_holding(before, longest, j).and_then(|m| m.entity)
}

/// The first mention of `ms` (sorted by start, none longer than `longest`
/// tokens) that holds token `j`: none starting `longest` or more tokens
/// before `j` reaches it, so a binary search skips those.
fn first_holding(ms: &[M], longest: usize, j: usize) -> Option<&M> {
    let first = ms.partition_point(|m| m.start + longest <= j);
    ms[first..]
        .iter()
        .take_while(|m| m.start <= j)
        .find(|m| j < m.end)
}

/// Writes mentions and entities into the document (unlinked mentions keep `entity: None`).
fn emit(doc: &mut Document, ms: Vec<M>, es: Vec<E>) {
    let mut used: Vec<Option<u32>> = vec![None; es.len()];
    let mut entities: Vec<Entity> = Vec::new();
    let mut mentions = Vec::with_capacity(ms.len());
    for m in &ms {
        let span = Span::new(
            doc.tokens[m.start].span.start,
            doc.tokens[m.end - 1].span.end,
        );
        let entity = m.entity.map(|e| {
            *used[e].get_or_insert_with(|| {
                entities.push(Entity {
                    id: entities.len() as u32,
                    kind: es[e].kind,
                    name: es[e].name.join(" "),
                    mentions: Vec::new(),
                });
                entities.len() as u32 - 1
            })
        });
        if let Some(e) = entity {
            entities[e as usize].mentions.push(mentions.len() as u32);
        }
        mentions.push(Mention {
            span,
            tokens: [m.start as u32, m.end as u32],
            kind: m.kind,
            mention_type: m.mtype,
            entity,
        });
    }
    // Names as written: rebuild from the text so spacing matches ("Al-Zaman").
    for e in &mut entities {
        if let Some(best) = e
            .mentions
            .iter()
            .map(|&k| &mentions[k as usize])
            .filter(|m: &&Mention| m.mention_type == MentionType::Name)
            .max_by_key(|m| (m.tokens[1] - m.tokens[0], std::cmp::Reverse(m.span.start)))
        {
            e.name = doc.slice(best.span).to_string();
        }
    }
    doc.mentions = mentions;
    doc.entities = entities;
}

/// "The manufacturer, Aerion Systems, denied…": a name in apposition
/// after a body's common noun is that body's. The name closes its
/// apposition with a comma or the sentence ("sued the company, Smith
/// said" is a new clause).
fn body_before_name(
    doc: &Document,
    start: usize,
    end: usize,
    sentence: std::ops::Range<usize>,
) -> Option<EntityKind> {
    /// "its parent company", "the Detroit-based carmaker": a short phrase.
    const MAX_PHRASE: usize = 4;
    if start < sentence.start + 2 || doc.token_text(start - 1) != "," {
        return None;
    }
    if end < sentence.end && !matches!(doc.token_text(end), "," | "." | ")" | ";") {
        return None;
    }
    let head = doc.tokens.get(start - 2)?;
    if head.upos != Upos::Noun {
        return None;
    }
    let kind = body_noun_kind(&head.lemma.to_lowercase())?;
    // Back to the phrase's determiner ("the", "its", "a").
    let determined = (start.saturating_sub(2 + MAX_PHRASE).max(sentence.start)..start - 2)
        .rev()
        .take_while(|&k| {
            matches!(
                doc.tokens[k].upos,
                Upos::Det | Upos::Adj | Upos::Noun | Upos::Propn | Upos::Pron
            )
        })
        .any(|k| matches!(doc.tokens[k].upos, Upos::Det) || doc.tokens[k].xpos == Xpos::PrpS);
    determined.then_some(kind)
}

/// The kind the apposition right after a name gives it (token `end` is its
/// comma, the sentence ends before `limit`) when it is a noun phrase headed
/// by a word for a company, institution or outlet: ", one of the largest hospital systems", ", a
/// Texas-based company that…". The head is the phrase's last noun before a
/// preposition, clause or punctuation, so ", a company spokesman" is a
/// person.
fn appositive_body(doc: &Document, end: usize, limit: usize) -> Option<EntityKind> {
    let end = rest_of_name(doc, end).min(limit);
    if end >= limit || doc.token_text(end) != "," {
        return None;
    }
    let mut j = end + 1;
    // "one of the …"
    if j + 1 < limit && lower(doc.token_text(j)) == "one" && doc.token_text(j + 1) == "of" {
        j += 2;
    }
    let mut head: Option<usize> = None;
    while j < limit && j < end + 12 {
        let t = &doc.tokens[j];
        match t.upos {
            Upos::Det | Upos::Adj | Upos::Num | Upos::Part | Upos::Adv => {}
            Upos::Noun | Upos::Propn => head = Some(j),
            Upos::Pron if matches!(t.xpos, Xpos::PrpS) => {}
            // A participle inside the phrase ("the company's departing
            // chief revenue officer").
            Upos::Verb if head.is_some() && matches!(t.xpos, Xpos::Vbg | Xpos::Vbn) => {}
            _ => break,
        }
        j += 1;
    }
    // "Patriot, the coal miners' union invested…": a clause's subject after
    // an introductory phrase, not an apposition.
    if j < limit
        && matches!(
            doc.tokens[j].xpos,
            Xpos::Vbd | Xpos::Vbz | Xpos::Vbp | Xpos::Md
        )
    {
        return None;
    }
    let h = head?;
    let head_tok = &doc.tokens[h];
    if head_tok.upos != Upos::Noun {
        return None;
    }
    let lemma = if head_tok.lemma.is_empty() {
        lower(doc.token_text(h))
    } else {
        head_tok.lemma.to_lowercase()
    };
    body_noun_kind(&lemma)
}

/// The kind of body a common noun (a lemma) names: an outlet ("the
/// network") or an organization ("the company", "the manufacturer").
fn body_noun_kind(lemma: &str) -> Option<EntityKind> {
    if matches!(
        lemma,
        "network" | "newspaper" | "website" | "magazine" | "broadcaster"
    ) {
        Some(EntityKind::Media)
    } else {
        lexicon::is_body_noun(lemma).then_some(EntityKind::Organization)
    }
}

/// The finite verbs of a headline-style sentence ("Senate Passes Budget
/// Deal", "Clinton Denies Wrongdoing in Email Probe"): every content word
/// is capitalised there, so the name tagger, which leans on capitals, runs
/// names over the verb. The tagger's POS still tells the verb apart, and no
/// name is kept across it. Other sentences get no such words.
fn headline_verbs(doc: &Document, range: std::ops::Range<usize>) -> Vec<bool> {
    let words: Vec<&str> = range
        .clone()
        .map(|i| doc.token_text(i))
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let capitalised = words.iter().filter(|w| cap(w)).count();
    if words.len() < 4 || capitalised * 10 < words.len() * 7 {
        return Vec::new();
    }
    range
        .map(|i| {
            matches!(
                doc.tokens[i].xpos,
                Xpos::Vbz | Xpos::Vbd | Xpos::Vbp | Xpos::Md
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_with_and_without_stops() {
        assert_eq!(acronym_letters("WHO").as_deref(), Some("WHO"));
        assert_eq!(acronym_letters("F.A.A.").as_deref(), Some("FAA"));
        assert_eq!(acronym_letters("U.S.").as_deref(), Some("US"));
        for not in ["A", "Who", "F.A.A", "FA.A.", "F.a.a.", "", ".."] {
            assert_eq!(acronym_letters(not), None, "{not}");
        }
    }

    #[test]
    fn camel_case_brands_are_not_surnames() {
        for brand in [
            "MarketScreener",
            "PayPal",
            "YouTube",
            "AICodeKing",
            "OpenAI",
        ] {
            assert!(is_camel_case_brand(brand), "{brand}");
        }
        for name in [
            "McCain",
            "DeSantis",
            "LaHood",
            "MacArthur",
            "LeBron",
            "Trump",
            "FBI",
            "O'Brien",
        ] {
            assert!(!is_camel_case_brand(name), "{name}");
        }
    }

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    fn entity(kind: EntityKind, name: &str) -> E {
        E {
            kind,
            gender: Gender::Unknown,
            desc: Vec::new(),
            name: words(name),
        }
    }

    fn mention(start: usize, end: usize, sent: usize, entity: Option<usize>) -> M {
        M {
            start,
            end,
            kind: EntityKind::Person,
            mtype: MentionType::Name,
            entity,
            sent,
            subject: false,
            quoted: false,
            desc: Vec::new(),
        }
    }

    #[test]
    fn alias_index_finds_what_a_scan_of_all_entities_finds() {
        use EntityKind::*;
        let es = vec![
            entity(Person, "Donald Trump"),
            entity(Person, "Ivanka Trump"),
            entity(Organization, "Apple Inc"),
            entity(Media, "Cable News Network"),
            entity(Gpe, "New York"),
            entity(Organization, "Apple Computer Corp"),
            entity(Organization, "Apple"),
            entity(Norp, "Russian"),
        ];
        let mut index = AliasIndex::default();
        for (i, e) in es.iter().enumerate() {
            index.add(i, kind_group(e.kind), &e.name);
        }
        let queries = [
            (Person, "Trump"),
            (Person, "Ivanka Trump"),
            (Person, "Donald"),
            (Person, "Ivanka"),
            (Organization, "Apple"),
            (Organization, "CNN"),
            (Media, "Cable News Network"),
            (Organization, "ACC"),
            (Gpe, "York"),
            (Gpe, "New York"),
            (Norp, "Russian"),
            (Location, "Russian"),
        ];
        for (kind, name) in queries {
            let g = kind_group(kind);
            let t = words(name);
            // A person's one word that no name ends with: a first word.
            let scan = es
                .iter()
                .position(|e| kind_group(e.kind) == g && same_name(g, &t, &e.name))
                .or_else(|| {
                    es.iter().position(|e| {
                        g == 0
                            && kind_group(e.kind) == g
                            && t.len() == 1
                            && (2..=3).contains(&e.name.len())
                            && e.name[0] == t[0]
                    })
                });
            assert_eq!(index.find(&es, g, &t, Gender::Unknown), scan, "{name}");
        }
    }

    #[test]
    fn first_holding_finds_what_a_scan_finds() {
        let ms = vec![
            mention(0, 4, 0, Some(0)),
            mention(1, 2, 0, Some(1)),
            mention(2, 3, 0, Some(2)),
            mention(2, 6, 0, Some(3)),
            mention(7, 8, 1, Some(4)),
            mention(9, 11, 1, Some(5)),
        ];
        for j in 0..13 {
            let scan = ms.iter().find(|m| m.start <= j && j < m.end);
            let found = first_holding(&ms, 4, j);
            assert_eq!(found.map(|m| m.entity), scan.map(|m| m.entity), "token {j}");
        }
    }

    #[test]
    fn mention_cursor_inserts_where_a_sorted_insert_would() {
        let ms = vec![
            mention(0, 2, 0, Some(0)),
            mention(3, 4, 0, Some(1)),
            mention(5, 6, 1, Some(0)),
            mention(5, 7, 1, None),
            mention(9, 10, 2, Some(1)),
        ];
        let mut sorted = ms.clone();
        let mut cursor = MentionCursor::new(ms);
        let mut salience = Salience::new(2);
        for (at, end) in [(4, 5), (5, 6), (8, 9)] {
            let before = cursor.before(at);
            assert!(before.iter().all(|m| m.start < at));
            assert_eq!(before.len(), sorted.iter().filter(|m| m.start < at).count());
            let count = salience.advance(before).to_vec();
            for (e, &counted) in count.iter().enumerate() {
                let expected = sorted
                    .iter()
                    .filter(|m| m.start < at && m.entity == Some(e))
                    .count();
                assert_eq!(counted as usize, expected, "entity {e} at {at}");
            }
            let m = mention(at, end, 1, Some(0));
            let pos = sorted.partition_point(|x| (x.start, x.end) <= (m.start, m.end));
            sorted.insert(pos, m.clone());
            cursor.insert(m);
        }
        let key = |v: &[M]| v.iter().map(|m| (m.start, m.end)).collect::<Vec<_>>();
        assert_eq!(key(&cursor.into_vec()), key(&sorted));
    }
}
