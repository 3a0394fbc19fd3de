//! Repairs and additions around nesting that the span model misses.
//!
//! - **Inner attributions.** A reported content that itself opens with
//!   "SUBJECT believe/say/suggested …" ("NBC reported [US intelligence
//!   officials believe [Putin was likely involved]]", "reported [findings from
//!   the CIA that suggested [Russia tried …]]") holds a second attribution;
//!   so does a headline ("REPORT: Intelligence officials believe …"). The model
//!   is trained on PolNeAR, where such inner cues are often left to the outer
//!   one; the chain of custody needs them.
//! - **Dated cues.** "X, NBC News reported Tuesday." — a content that is only
//!   the time after the cue is the clause before the source instead.

use super::span_index::{GrowingSpans, SpanIndex};
use super::words::{DAY_PARTS, WEEKDAYS};
use whosaid_core::{
    Attribution, DepRel, Document, EntityKind, MentionType, QuoteMark, Region, Span, Upos, Xpos,
};

/// Verb forms that open an inner attribution after its subject.
const INNER_CUES: &[&str] = &[
    "believe",
    "believes",
    "believed",
    "say",
    "says",
    "said",
    "think",
    "thinks",
    "thought",
    "suggest",
    "suggests",
    "suggested",
    "claim",
    "claims",
    "claimed",
    "conclude",
    "concludes",
    "concluded",
    "assess",
    "assesses",
    "assessed",
    "allege",
    "alleges",
    "alleged",
    "argue",
    "argues",
    "argued",
    "insist",
    "insists",
    "insisted",
    "warn",
    "warns",
    "warned",
    "suspect",
    "suspects",
    "suspected",
    "fear",
    "fears",
    "feared",
    "indicate",
    "indicates",
    "indicated",
    "contend",
    "contends",
    "contended",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "admit",
    "admits",
    "admitted",
    "deny",
    "denies",
    "denied",
    "confirm",
    "confirms",
    "confirmed",
    "assert",
    "asserts",
    "asserted",
    "state",
    "states",
    "stated",
    "predict",
    "predicts",
    "predicted",
    "determined",
    "estimate",
    "estimates",
    "estimated",
];

/// Tags a subject noun phrase may be made of ("two of the unnamed US
/// intelligence officials", "findings from the CIA", "Russia's spies").
fn subject_tag(x: Xpos) -> bool {
    matches!(
        x,
        Xpos::Dt
            | Xpos::Pdt
            | Xpos::Jj
            | Xpos::Jjr
            | Xpos::Jjs
            | Xpos::Nn
            | Xpos::Nns
            | Xpos::Nnp
            | Xpos::Nnps
            | Xpos::Cd
            | Xpos::Pos
            | Xpos::PrpS
            | Xpos::In
            | Xpos::Cc
    )
}

fn is_noun(x: Xpos) -> bool {
    matches!(x, Xpos::Nn | Xpos::Nns | Xpos::Nnp | Xpos::Nnps)
}

/// The text span of tokens `[a, b)` (`b > a`).
fn span_of_tokens(doc: &Document, a: usize, b: usize) -> Span {
    Span::new(doc.tokens[a].span.start, doc.tokens[b - 1].span.end)
}

/// An attribution a rule adds where the model found no cue: one span
/// each, and a middling score.
fn added_by_rule(cue: Span, source: Span, content: Span) -> Attribution {
    super::single_span_attribution(source, cue, content, 0.5)
}

/// Tokens `[a, b)` of the document inside `span`.
pub(super) fn tokens_in(doc: &Document, span: Span) -> (usize, usize) {
    let a = doc.token_at_or_after(span.start);
    let mut b = a;
    while b < doc.tokens.len() && doc.tokens[b].span.end <= span.end {
        b += 1;
    }
    (a, b)
}

/// An inner attribution opening `span` at token `first`: subject, cue verb,
/// then the rest of `span` as content.
fn inner_at(doc: &Document, first: usize, end: usize) -> Option<Attribution> {
    let lower = |i: usize| doc.token_text(i).to_ascii_lowercase();
    let mut i = first;
    // Subject: a noun phrase with its prepositional tail, up to 12 tokens.
    while i < end && i - first < 12 && subject_tag(doc.tokens[i].xpos) {
        // Prepositions and conjunctions only inside the phrase, not first.
        if i == first && matches!(doc.tokens[i].xpos, Xpos::In | Xpos::Cc) {
            return None;
        }
        i += 1;
    }
    let subject_end = i;
    // "told officers | the two men had argued": a determiner right after a
    // noun opens the subject; the words before it are the hearer.
    let first = (first + 1..subject_end)
        .find(|&t| doc.tokens[t].xpos == Xpos::Dt && is_noun(doc.tokens[t - 1].xpos))
        .unwrap_or(first);
    if subject_end == first || !(first..subject_end).any(|t| is_noun(doc.tokens[t].xpos)) {
        return None;
    }
    // The phrase must end on a noun ("officials", "the CIA"), not "of".
    if !is_noun(doc.tokens[subject_end - 1].xpos) {
        return None;
    }
    // A relative pronoun ("findings … that suggested"), then auxiliaries/adverbs.
    if i < end && matches!(lower(i).as_str(), "that" | "which" | "who") {
        i += 1;
    }
    while i < end
        && (matches!(doc.tokens[i].xpos, Xpos::Rb | Xpos::Md)
            || matches!(lower(i).as_str(), "have" | "has" | "had" | "now" | "also"))
    {
        i += 1;
    }
    let tells = matches!(lower(i).as_str(), "tell" | "tells" | "told");
    if i >= end || !(INNER_CUES.contains(&lower(i).as_str()) || tells) {
        return None;
    }
    if !matches!(
        doc.tokens[i].xpos,
        Xpos::Vb | Xpos::Vbd | Xpos::Vbp | Xpos::Vbz | Xpos::Vbn
    ) {
        return None;
    }
    let cue = i;
    let mut c = cue + 1;
    // "told him that…", "told reporters that…": the listener, then "that".
    // Or "told cabinet colleagues | the government could lose…": a
    // determiner or pronoun after the listener opens a clause with a finite
    // verb of its own.
    if tells {
        let finite = |j: usize| doc.tokens[j].xpos.is_finite_verb();
        let listener_end = (c..end.min(c + 5)).find(|&k| {
            lower(k) == "that"
                || k > c
                    && matches!(doc.tokens[k].xpos, Xpos::Dt | Xpos::Prp)
                    && (is_noun(doc.tokens[k - 1].xpos) || doc.tokens[k - 1].xpos == Xpos::Prp)
                    && (k + 1..end.min(k + 8)).any(finite)
        })?;
        if listener_end == c
            || !(c..listener_end)
                .all(|k| subject_tag(doc.tokens[k].xpos) || doc.tokens[k].xpos == Xpos::Prp)
        {
            return None;
        }
        c = listener_end;
    }
    if c < end && lower(c) == "that" {
        c += 1;
    }
    // Content: the rest of the span, without closing punctuation.
    let mut e = end;
    while e > c && matches!(doc.token_text(e - 1), "." | "," | ";" | ":" | "”" | "\"") {
        e -= 1;
    }
    if e < c + 3 {
        return None;
    }
    let a = added_by_rule(
        span_of_tokens(doc, cue, cue + 1),
        span_of_tokens(doc, first, subject_end),
        span_of_tokens(doc, c, e),
    );
    Some(a)
}

/// Adds inner attributions opening an attribution's content or the headline.
pub(super) fn add_inner_attributions(doc: &Document, attrs: &mut Vec<Attribution>) {
    let mut regions: Vec<Span> = attrs
        .iter()
        .filter_map(|a| a.content.as_ref()?.parts().first().copied())
        .collect();
    if let Some(title) = doc.title {
        regions.push(title);
    }
    let cues = cue_index(attrs);
    let mut added_cues = GrowingSpans::default();
    let mut added = Vec::new();
    for region in regions {
        let (mut first, end) = tokens_in(doc, region);
        if first >= end {
            continue;
        }
        // A kicker before the headline proper ("REPORT: …", "EXCLUSIVE: …").
        if let Some(colon) = (first..end.min(first + 4)).find(|&t| doc.token_text(t) == ":") {
            first = colon + 1;
        }
        // A content may open with "that" (the complementiser the model left in).
        if first < end && doc.token_text(first).eq_ignore_ascii_case("that") {
            first += 1;
        }
        if first >= end {
            continue;
        }
        let Some(inner) = inner_at(doc, first, end) else {
            continue;
        };
        let Some(cue) = inner.cue.extent() else {
            continue;
        };
        let taken = cues.overlapping(cue).next().is_some() || added_cues.overlaps(cue);
        if !taken {
            for &part in inner.cue.parts() {
                added_cues.insert(part);
            }
            added.push(inner);
        }
    }
    attrs.extend(added);
}

/// "The Post quoted [another unnamed GOP official as saying that …]": the
/// person quoted is a source of their own, nested in the outlet's report.
/// Adds that inner attribution (source: the phrase before "as saying";
/// cue: "as saying"; content: the rest) to each content that opens so.
pub(super) fn add_quoted_as_saying(doc: &Document, attrs: &mut Vec<Attribution>) {
    /// The quoted person's phrase is a noun phrase, not a clause.
    const MAX_SOURCE_TOKENS: usize = 12;
    let cues = cue_index(attrs);
    let mut added = Vec::new();
    for a in attrs.iter() {
        let Some(&region) = a.content.as_ref().and_then(|c| c.parts().first()) else {
            continue;
        };
        let (first, end) = tokens_in(doc, region);
        let Some(r#as) = (first + 1..end.min(first + MAX_SOURCE_TOKENS + 1)).find(|&t| {
            doc.token_text(t) == "as"
                && t + 1 < end
                && matches!(
                    doc.token_text(t + 1),
                    "saying" | "telling" | "writing" | "stating" | "warning" | "predicting"
                )
        }) else {
            continue;
        };
        let verb_before = doc.tokens[first..r#as]
            .iter()
            .any(|t| matches!(t.upos, Upos::Verb | Upos::Aux));
        if verb_before || r#as + 3 > end {
            continue;
        }
        let cue = span_of_tokens(doc, r#as, r#as + 2);
        if cues.overlapping(cue).next().is_some() {
            continue;
        }
        let mut inner = Attribution::with_cue(0, Region::single(cue));
        inner.source = Some(Region::single(span_of_tokens(doc, first, r#as)));
        inner.content = Some(Region::single(Span::new(
            doc.tokens[r#as + 2].span.start,
            region.end,
        )));
        inner.score = 0.5;
        added.push(inner);
    }
    attrs.extend(added);
}

/// Every cue part of `attrs`, with its attribution's index.
pub(super) fn cue_index(attrs: &[Attribution]) -> SpanIndex<usize> {
    SpanIndex::new(
        attrs
            .iter()
            .enumerate()
            .flat_map(|(j, a)| a.cue.parts().iter().map(move |&p| (p, j)))
            .collect(),
    )
}

/// Each attribution's source, cue and content extents, read before the
/// attributions change.
type Extents = (Option<Span>, Option<Span>, Option<Span>);

/// (key, index) of the attributions with a source, a cue and a content,
/// sorted by key: the passes below binary-search them by position.
fn complete_by(extents: &[Extents], key: impl Fn((Span, Span, Span)) -> u32) -> Vec<(u32, usize)> {
    let mut index: Vec<(u32, usize)> = extents
        .iter()
        .enumerate()
        .filter_map(|(j, &(src, cue, content))| Some((key((src?, cue?, content?)), j)))
        .collect();
    index.sort_unstable();
    index
}

/// Runs the last part of `a`'s content on to `end`.
fn extend_content_to(a: &mut Attribution, end: u32) {
    if let Some(content) = &a.content {
        let mut parts = content.parts().to_vec();
        if let Some(last) = parts.last_mut() {
            last.end = end;
        }
        a.content = Some(Region::new(parts));
    }
}

fn extents_of(attrs: &[Attribution]) -> Vec<Extents> {
    attrs
        .iter()
        .map(|a| {
            (
                a.source.as_ref().and_then(Region::extent),
                a.cue.extent(),
                a.content.as_ref().and_then(Region::extent),
            )
        })
        .collect()
}

/// "Measles cases rose 30-fold, [the WHO] said Thursday, warning that…":
/// the span model may give the participle a source that runs from the
/// reported claim over its reporter ("Measles cases rose 30-fold, the
/// WHO"). A participle's source that opens with an earlier report's
/// content and closes with its source is that reporter: the participle
/// goes on from the report.
pub(super) fn source_is_the_trailing_reporter(doc: &Document, attrs: &mut [Attribution]) {
    let extents = extents_of(attrs);
    for (i, a) in attrs.iter_mut().enumerate() {
        let (Some(source), Some(cue), _) = extents[i] else {
            continue;
        };
        // A participle after a comma ("…, warning that"); a finite verb
        // has its own subject ("Democrats, Frank notes, applaud…").
        if !super::cue_is_a_comma_participle(doc, cue) {
            continue;
        }
        // The claim is in the source (it may open after a dateline) and
        // the reporter closes it.
        let reporter = extents.iter().enumerate().find_map(|(j, e)| {
            let (Some(src), Some(c), Some(content)) = *e else {
                return None;
            };
            (j != i
                && source.start < src.start
                && src.end == source.end
                && src.end <= c.start
                && c.end <= cue.start
                && content.overlaps(&source)
                && content.end <= src.start)
                .then_some(j)
        });
        if let Some(j) = reporter {
            a.source = extents[j].0.map(Region::single);
        }
    }
}

/// "[The Russian president] sought to “make us weaker…,” [Michael McFaul] …
/// told NBC": the model may give the outer attribution a source in two parts,
/// the first of which is the source of an inner attribution whose cue comes
/// between the two and whose content overlaps the outer content. That part
/// belongs to the inner claim: it leaves the outer source, and the outer
/// content starts there instead (McFaul told NBC the whole inner claim).
pub(super) fn detach_inner_sources(attrs: &mut [Attribution]) {
    let inner = extents_of(attrs);
    // (cue start, index) of the attributions with all three parts: an inner
    // cue lies between the source part and the outer cue, so its start is
    // found by binary search.
    let by_cue_start = complete_by(&inner, |(_, cue, _)| cue.start);
    for (i, a) in attrs.iter_mut().enumerate() {
        let (Some(source), Some(cue), Some(content)) = (
            a.source.clone(),
            a.cue.extent(),
            a.content.as_ref().and_then(Region::extent),
        ) else {
            continue;
        };
        let parts = source.parts();
        if parts.len() < 2 {
            continue;
        }
        let owned_elsewhere = |p: &Span| {
            // p.end <= icue.start <= icue.end <= cue.start
            let lo = by_cue_start.partition_point(|&(s, _)| s < p.end);
            let hi = by_cue_start.partition_point(|&(s, _)| s <= cue.start);
            by_cue_start[lo..hi.max(lo)].iter().any(|&(_, j)| {
                let (Some(src), Some(icue), Some(icontent)) = inner[j] else {
                    return false;
                };
                j != i
                    && src.start <= p.start
                    && p.end <= src.end
                    && p.end <= icue.start
                    && icue.end <= cue.start
                    && icontent.start < content.end
                    && content.start < icontent.end
            })
        };
        let Some(first) = parts.first().filter(|p| owned_elsewhere(p)).copied() else {
            continue;
        };
        a.source = Some(Region::new(parts[1..].to_vec()));
        if first.start < content.start {
            let mut cparts = a
                .content
                .as_ref()
                .map(|c| c.parts().to_vec())
                .unwrap_or_default();
            if let Some(c0) = cparts.first_mut() {
                c0.start = first.start;
            }
            a.content = Some(Region::new(cparts));
        }
    }
}

/// "[She] has not commented on the case, though [she] appeared to reference
/// it…, writing: “…”": a source in parts whose first part is the source of
/// an earlier attribution, with that attribution's cue and content between
/// the parts, keeps only what follows: the first part spoke the earlier
/// claim, unless what follows is itself a claim's content.
pub(super) fn drop_source_parts_of_earlier_claims(attrs: &mut [Attribution]) {
    let extents = extents_of(attrs);
    let by_cue_start = complete_by(&extents, |(_, cue, _)| cue.start);
    for (i, a) in attrs.iter_mut().enumerate() {
        let (Some(source), Some(cue)) = (a.source.clone(), a.cue.extent()) else {
            continue;
        };
        let parts = source.parts();
        let (Some(&first), Some(&last)) = (parts.first(), parts.last()) else {
            continue;
        };
        if parts.len() < 2 || last.end > cue.start {
            continue;
        }
        let lo = by_cue_start.partition_point(|&(s, _)| s < first.end);
        let hi = by_cue_start.partition_point(|&(s, _)| s < last.start);
        let earlier = by_cue_start[lo..hi.max(lo)].iter().any(|&(_, j)| {
            let (Some(src), Some(_), Some(content)) = extents[j] else {
                return false;
            };
            j != i && src.start <= first.start && first.end <= src.end && content.end <= last.start
        });
        // What is left must not be an earlier claim's content ("…citing
        // Exodus, endorsed [Senator Cruz], urging": the pastor urged).
        // (A scan, so read only when an earlier claim was found.)
        let left_is_content = || {
            extents.iter().enumerate().any(|(j, e)| {
                j != i
                    && e.2
                        .is_some_and(|c| c.start <= last.start && last.end <= c.end)
            })
        };
        if earlier && !left_is_content() {
            a.source = Some(Region::new(parts[1..].to_vec()));
        }
    }
}

/// "Friends of the Earth said councils… recycle more, although it warned
/// that…": a content that runs into the source of a report set against it
/// by a concessive or contrastive conjunction ("although", "though",
/// "but", "while", "whereas", "yet") ends before that conjunction's comma:
/// the second report is the writer's, not part of the first claim (and
/// [`extend_outer_over_inner`] must not nest it there).
pub(super) fn stop_before_a_contrasted_report(doc: &Document, attrs: &mut [Attribution]) {
    let extents = extents_of(attrs);
    let by_source_start = complete_by(&extents, |(src, _, _)| src.start);
    for (i, a) in attrs.iter_mut().enumerate() {
        let (Some(outer), Some(cue)) = (extents[i].2, extents[i].1) else {
            continue;
        };
        if outer.start < cue.end {
            continue;
        }
        let lo = by_source_start.partition_point(|&(s, _)| s <= outer.start);
        let hi = by_source_start.partition_point(|&(s, _)| s < outer.end);
        let cut = by_source_start[lo..hi.max(lo)]
            .iter()
            .find_map(|&(start, j)| {
                let inner_cue = extents[j].1?;
                if j == i || inner_cue.start < outer.end.saturating_sub(1) {
                    return None;
                }
                let t = doc.token_at_or_after(start);
                let conj = t.checked_sub(1)?;
                let comma = conj.checked_sub(1)?;
                let contrast = matches!(
                    doc.token_text(conj).to_lowercase().as_str(),
                    "although" | "though" | "but" | "while" | "whereas" | "yet"
                );
                let before = doc.tokens.get(comma.checked_sub(1)?)?;
                (contrast && doc.token_text(comma) == "," && before.span.start >= outer.start)
                    .then_some(before.span.end)
            });
        if let Some(end) = cut {
            let kept = a.content.as_ref().map(|c| c.within(Span::new(0, end)));
            if let Some(kept) = kept.filter(|k| !k.is_empty()) {
                a.content = Some(kept);
            }
        }
    }
}

/// "reported [findings from the CIA that] | suggested [Russia tried …]": when
/// the model cuts an outer content short at an inner attribution whose source
/// lies inside it, the outer content runs on over the inner one (what was
/// reported is the whole inner claim), so the chain nests. Likewise when the
/// outer content is exactly the inner content, it takes in the inner source
/// and cue before it.
pub(super) fn extend_outer_over_inner(attrs: &mut [Attribution]) {
    let extents = extents_of(attrs);
    // (content start, index) of the attributions with a cue and a content,
    // and (cue start, index) of those with all three parts: each search
    // below asks for one content start or a cue start within two
    // characters, so a binary search finds every candidate.
    let mut by_content_start: Vec<(u32, usize)> = extents
        .iter()
        .enumerate()
        .filter_map(|(j, (_, cue, content))| cue.and(Some((content.as_ref()?.start, j))))
        .collect();
    by_content_start.sort_unstable();
    let by_cue_start = complete_by(&extents, |(_, cue, _)| cue.start);
    for (i, a) in attrs.iter_mut().enumerate() {
        let Some(outer) = extents[i].2 else { continue };
        // "[US officials believe] X, NBC reported": the outer content is the
        // inner one's content alone; what NBC reported starts at the inner
        // source (the officials' belief), so the outer content does too.
        let first = by_content_start.partition_point(|&(s, _)| s < outer.start);
        // Same content start, in index order: the first attribution that
        // fits; or, failing that, one whose content ends where the outer
        // one does and starts a word or two before it (the model left
        // "Russian | President Vladimir Putin was…" out of what NBC
        // reported).
        const CUT_WORDS: u32 = 12;
        let own_cue = extents[i].1;
        let fits = |j: usize| {
            let (src, cue, _) = extents[j];
            let cue = cue?;
            let start = src.map_or(cue.start, |s| s.start.min(cue.start));
            (j != i && cue.end <= outer.start && start < outer.start && outer.start - start <= 200)
                .then_some(start)
        };
        let near =
            by_content_start.partition_point(|&(s, _)| s < outer.start.saturating_sub(CUT_WORDS));
        let opener = by_content_start[first..]
            .iter()
            .take_while(|&&(s, _)| s == outer.start)
            .find_map(|&(_, j)| fits(j))
            .or_else(|| {
                by_content_start[near..first]
                    .iter()
                    .filter(|&&(_, j)| extents[j].2.is_some_and(|c| c.end == outer.end))
                    .find_map(|&(_, j)| fits(j))
                    // Not over this attribution's own cue ("According to
                    // GMA News, Salceda | said the…").
                    .filter(|&start| own_cue.is_none_or(|c| c.end <= start || c.start >= outer.end))
            });
        if let (Some(start), Some(content)) = (opener, a.content.as_ref()) {
            let mut parts = content.parts().to_vec();
            if let Some(first) = parts.first_mut() {
                first.start = start;
            }
            a.content = Some(Region::new(parts));
            continue;
        }
        let lo = by_cue_start.partition_point(|&(s, _)| s < outer.end);
        let hi = by_cue_start.partition_point(|&(s, _)| s <= outer.end.saturating_add(2));
        // The first attribution, in index order, that fits.
        let inner = by_cue_start[lo..hi.max(lo)]
            .iter()
            .filter_map(|&(_, j)| {
                let (src, _, content) = extents[j];
                let (src, content) = (src?, content?);
                (j != i
                    && src.start >= outer.start
                    && src.start < outer.end
                    && content.end > outer.end)
                    .then_some((j, content.end))
            })
            .min()
            .map(|(_, end)| end);
        if let Some(end) = inner {
            extend_content_to(a, end);
        }
    }
}

/// "reported [findings from the CIA] that suggested [Russia tried …]": the
/// outer content stops before a relative clause on one of its words, and
/// that clause is an inner attribution whose source ("the CIA that") starts
/// inside the outer content and runs up to its cue. A relative clause
/// belongs to the noun phrase it modifies, so what was reported is the
/// whole phrase: the outer content runs on over the inner claim, and the
/// chain nests. (Where the cut falls right at the inner cue,
/// [`extend_outer_over_inner`] already does this.)
pub(super) fn extend_outer_over_relative_clause(doc: &Document, attrs: &mut [Attribution]) {
    let extents = extents_of(attrs);
    let by_source_start = complete_by(&extents, |(src, _, _)| src.start);
    // Does a word of the cue head a relative clause on a word of `outer`?
    let relative_on = |cue: Span, outer: Span| {
        let (a, b) = tokens_in(doc, cue);
        doc.tokens.get(a..b).unwrap_or_default().iter().any(|t| {
            matches!(t.deprel, DepRel::AclRelcl | DepRel::Acl)
                && t.head
                    .and_then(|h| doc.tokens.get(h as usize))
                    .is_some_and(|h| h.span.start >= outer.start && h.span.end <= outer.end)
        })
    };
    for (i, a) in attrs.iter_mut().enumerate() {
        let Some(outer) = extents[i].2 else { continue };
        let lo = by_source_start.partition_point(|&(s, _)| s < outer.start);
        let hi = by_source_start.partition_point(|&(s, _)| s < outer.end);
        // The first attribution, in index order, that fits.
        let inner = by_source_start[lo..hi.max(lo)]
            .iter()
            .filter_map(|&(_, j)| {
                let (src, cue, content) = extents[j];
                let (src, cue, content) = (src?, cue?, content?);
                (j != i
                    && cue.start >= outer.end
                    && cue.start <= src.end.saturating_add(2)
                    && content.end > outer.end
                    && relative_on(cue, outer))
                .then_some((j, content.end))
            })
            .min()
            .map(|(_, end)| end);
        if let Some(end) = inner {
            extend_content_to(a, end);
        }
    }
}

/// Verbs that close "X, SOURCE VERB [time]." sentences.
const TRAILING_CUES: &[&str] = &[
    "said",
    "says",
    // Election calls: "…, NBC News projects."
    "projects",
    "projected",
    // Plural subjects, as headlines have them: "…, sources say".
    "say",
    "report",
    "warn",
    "claim",
    "allege",
    "insist",
    "reported",
    "reports",
    "told",
    "added",
    "adds",
    "wrote",
    "writes",
    "noted",
    "notes",
    "explained",
    "argued",
    "insisted",
    "warned",
    "claimed",
    "confirmed",
    "acknowledged",
    "stated",
    "states",
    "alleges",
    "alleged",
    "maintains",
    "contends",
    "announced",
    "tweeted",
    "posted",
    "replied",
    "commented",
    "concluded",
    // Feature and health copy: "…, she advises."
    "advises",
    "advised",
    "cautions",
    "cautioned",
    "explains",
    "recalls",
    "recalled",
    "observes",
    "observed",
    "emphasizes",
    "emphasized",
    "stresses",
    "stressed",
    "admits",
    "admitted",
    "concedes",
    "conceded",
    "insists",
    "argues",
    "warns",
    "suggests",
    "suggested",
    // A record or a study: "…, the statement showed", "…, a poll found".
    "showed",
    "shows",
    "found",
    "finds",
    "indicated",
    "indicates",
    "revealed",
    "reveals",
];

/// "According to White House pool reports, Obama said…": a sentence that
/// opens with "According to" and a short phrase up to its comma reports
/// the rest of the sentence on that phrase's word, whatever else it
/// reports. Added when the model found no cue there (it tends to keep only
/// the inner "said").
pub(super) fn add_opening_according_to(doc: &Document, attrs: &mut Vec<Attribution>) {
    /// Longer than this, the "source" is more likely a clause.
    const MAX_SOURCE_TOKENS: usize = 12;
    let cues = cue_index(attrs);
    let mut added = Vec::new();
    for sentence in &doc.sentences {
        let range = sentence.token_range();
        if range.end > doc.tokens.len() || range.len() < 6 {
            continue;
        }
        // Skip an opening quote mark or dash-free punctuation.
        let Some(at) = range.clone().find(|&k| doc.tokens[k].upos != Upos::Punct) else {
            continue;
        };
        if !doc.token_text(at).eq_ignore_ascii_case("according") || doc.token_text(at + 1) != "to" {
            continue;
        }
        let Some(comma) =
            (at + 3..range.end.min(at + 3 + MAX_SOURCE_TOKENS)).find(|&k| doc.token_text(k) == ",")
        else {
            continue;
        };
        // The content: after the comma to the sentence's last word.
        let Some(last) = (comma + 1..range.end)
            .rev()
            .find(|&k| doc.tokens[k].upos != Upos::Punct)
        else {
            continue;
        };
        if last < comma + 3 {
            continue;
        }
        let cue = span_of_tokens(doc, at, at + 2);
        if cues.overlapping(cue).next().is_some() {
            continue;
        }
        let a = added_by_rule(
            cue,
            span_of_tokens(doc, at + 2, comma),
            span_of_tokens(doc, comma + 1, last + 1),
        );
        added.push(a);
    }
    attrs.extend(added);
}

/// "The Washington Post reported on Sunday that, according to U.S.
/// officials, Iran supplied the drones": the model may give the inner
/// "according to" a content that opens with the outer frame ("The
/// Washington Post reported on Sunday that") and miss the outer cue. That
/// frame — a subject, a finite verb and "that" just before the "according
/// to" phrase — becomes the outer attribution, reporting everything after
/// "that"; the inner content keeps what follows its source.
pub(super) fn split_frame_before_according_to(doc: &Document, attrs: &mut Vec<Attribution>) {
    let cues = cue_index(attrs);
    let mut added = Vec::new();
    for a in attrs.iter_mut() {
        let (Some(cue), Some(source), Some(content)) = (
            a.cue.extent(),
            a.source.as_ref().and_then(Region::extent),
            a.content.clone(),
        ) else {
            continue;
        };
        if !doc.slice(cue).eq_ignore_ascii_case("according to") {
            continue;
        }
        let Some(&frame) = content.parts().first().filter(|p| p.end <= cue.start) else {
            continue;
        };
        let Some(&last) = content.parts().last().filter(|p| p.start >= source.end) else {
            continue;
        };
        let (first, end) = (
            doc.token_at_or_after(frame.start),
            doc.token_at_or_after(frame.end),
        );
        let Some(that) = (first..end)
            .rev()
            .find(|&k| doc.tokens[k].upos != Upos::Punct)
            .filter(|&k| doc.token_text(k).eq_ignore_ascii_case("that"))
        else {
            continue;
        };
        // The frame's verb, with a subject before it in the frame.
        let Some(verb) = (first..that).find(|&k| {
            matches!(doc.tokens[k].xpos, Xpos::Vbd | Xpos::Vbz | Xpos::Vbp)
                && doc.tokens[k].upos == Upos::Verb
        }) else {
            continue;
        };
        if verb < first + 1 || cues.overlapping(doc.tokens[verb].span).next().is_some() {
            continue;
        }
        let Some(after_that) =
            (that + 1..doc.tokens.len()).find(|&k| doc.tokens[k].upos != Upos::Punct)
        else {
            continue;
        };
        let outer = Attribution {
            score: a.score,
            ..added_by_rule(
                doc.tokens[verb].span,
                span_of_tokens(doc, first, verb),
                Span::new(doc.tokens[after_that].span.start, last.end),
            )
        };
        a.content = Some(Region::new(content.parts()[1..].to_vec()));
        added.push(outer);
    }
    attrs.extend(added);
}

/// "Apple is in talks to buy Lumina, per a report from The Information." —
/// "per" after a comma, closing the sentence, reports the clause before the
/// comma on the phrase after it (up to a relative clause: "…that cited
/// people familiar with the matter"). Added when the model found no cue
/// there; the sports and tech copy that writes it is rare in PolNeAR.
pub(super) fn add_closing_per(doc: &Document, attrs: &mut Vec<Attribution>) {
    const MAX_SOURCE_TOKENS: usize = 12;
    let cues = cue_index(attrs);
    let mut added = Vec::new();
    for sentence in &doc.sentences {
        let range = sentence.token_range();
        if range.end > doc.tokens.len() || range.len() < 6 {
            continue;
        }
        let Some(at) = range.clone().skip(3).find(|&k| {
            doc.token_text(k).eq_ignore_ascii_case("per") && doc.token_text(k - 1) == ","
        }) else {
            continue;
        };
        // The source: to the end, or to a relative word or comma.
        let stop = (at + 1..range.end)
            .find(|&k| {
                doc.tokens[k].upos == Upos::Punct
                    || matches!(doc.token_text(k), "that" | "which" | "who")
            })
            .unwrap_or(range.end);
        // "per se", "per cent", "per day" measure or qualify.
        let latin_or_rate = matches!(
            doc.token_text(at + 1).to_lowercase().as_str(),
            "se" | "cent"
                | "capita"
                | "annum"
                | "day"
                | "week"
                | "month"
                | "year"
                | "hour"
                | "person"
                | "share"
                | "head"
                | "unit"
        );
        let nominal = !latin_or_rate
            && (at + 1..stop)
                .any(|k| matches!(doc.tokens[k].upos, Upos::Noun | Upos::Propn | Upos::Pron));
        let relative = stop < range.end && doc.tokens[stop].upos != Upos::Punct;
        let ends_sentence = (stop..range.end).all(|k| doc.tokens[k].upos == Upos::Punct);
        // Or set off by commas mid-sentence: "…have agreed terms, per
        // sources close to the talks, and hope to…".
        let parenthetical = stop + 1 < range.end && doc.token_text(stop) == ",";
        if stop <= at + 1
            || stop - at - 1 > MAX_SOURCE_TOKENS
            || !nominal
            || !(relative || ends_sentence || parenthetical)
        {
            continue;
        }
        let Some(first) = (range.start..at).find(|&k| doc.tokens[k].upos != Upos::Punct) else {
            continue;
        };
        if at - 1 < first + 3 {
            continue;
        }
        // Mid-sentence, the clause before must be whole ("A quarter of
        // that, per the plan, is $40,000" splits one).
        let finite = (first..at).any(|k| doc.tokens[k].xpos.is_finite_verb());
        if parenthetical && !(relative || ends_sentence) && !finite {
            continue;
        }
        let cue = doc.tokens[at].span;
        if cues.overlapping(cue).next().is_some() {
            continue;
        }
        let a = added_by_rule(
            cue,
            span_of_tokens(doc, at + 1, stop),
            span_of_tokens(doc, first, at - 1),
        );
        added.push(a);
    }
    attrs.extend(added);
}

/// "Senate Democrats are weighing another shutdown vote, as first reported
/// by Axios.": the outlet that broke a story, the origin a reader (and
/// provenance) wants. Source: what follows "by" to the sentence's end
/// (without a closing time, "on Tuesday"); cue: "as … reported by";
/// content: the clause before the comma. Added where the model found no
/// cue there. (PolNeAR's annotators did not mark the four in train.)
pub(super) fn add_as_reported_by(doc: &Document, attrs: &mut Vec<Attribution>) {
    let cues = cue_index(attrs);
    let mut added = Vec::new();
    for sentence in &doc.sentences {
        let range = sentence.token_range();
        if range.end > doc.tokens.len() || range.len() < 7 {
            continue;
        }
        let lower = |k: usize| doc.token_text(k).to_ascii_lowercase();
        let Some(comma) = range.clone().find(|&k| {
            doc.token_text(k) == ","
                && lower(k + 1) == "as"
                && (lower(k + 2) == "reported"
                    || matches!(
                        lower(k + 2).as_str(),
                        "first" | "originally" | "previously" | "earlier"
                    ) && lower(k + 3) == "reported")
        }) else {
            continue;
        };
        let reported = if lower(comma + 2) == "reported" {
            comma + 2
        } else {
            comma + 3
        };
        if lower(reported + 1) != "by" || comma < range.start + 3 {
            continue;
        }
        // The source runs to the sentence's end, less its stop and a time.
        let mut end = range.end;
        while end > reported + 2 && doc.tokens[end - 1].upos == Upos::Punct {
            end -= 1;
        }
        while end > reported + 3 && is_time_word(doc.token_text(end - 1)) {
            end -= 1;
        }
        if end > reported + 3 && doc.token_text(end - 1) == "on" {
            end -= 1;
        }
        if end <= reported + 2 || end - (reported + 2) > 8 {
            continue;
        }
        let cue = span_of_tokens(doc, comma + 1, reported + 2);
        if cues.overlapping(cue).next().is_some() {
            continue;
        }
        let source = span_of_tokens(doc, reported + 2, end);
        let content = span_of_tokens(doc, range.start, comma);
        let mut a = added_by_rule(cue, source, content);
        a.cue_kind = whosaid_core::CueKind::Report;
        added.push(a);
    }
    attrs.extend(added);
}

/// "As one restaurant owner in Ohio put it to me last year: “I can pay
/// $15.”" and "As the senator puts it, the bill is dead.": the phrase after
/// "As" is the source, "put it" the cue, and what follows the colon or
/// comma the content (a quotation to its closing mark, else the rest of
/// the sentence). Added where the model found no cue on "put".
pub(super) fn add_as_x_put_it(doc: &Document, attrs: &mut Vec<Attribution>) {
    const MAX_SOURCE_TOKENS: usize = 12;
    let cues = cue_index(attrs);
    let mut added = Vec::new();
    for sentence in &doc.sentences {
        let range = sentence.token_range();
        if range.end > doc.tokens.len() || range.len() < 5 {
            continue;
        }
        let Some(r#as) = range.clone().find(|&k| doc.tokens[k].upos != Upos::Punct) else {
            continue;
        };
        if !doc.token_text(r#as).eq_ignore_ascii_case("as") {
            continue;
        }
        let window = (r#as + 2..range.end.min(r#as + 2 + MAX_SOURCE_TOKENS)).collect::<Vec<_>>();
        let Some(&put) = window.iter().find(|&&k| {
            k + 1 < range.end
                && matches!(doc.token_text(k), "put" | "puts")
                && doc.token_text(k + 1).eq_ignore_ascii_case("it")
        }) else {
            continue;
        };
        let cue = span_of_tokens(doc, put, put + 2);
        if cues.overlapping(cue).next().is_some() {
            continue;
        }
        // The phrase ends at ":" or "," (after "to me", "last year").
        let Some(mark) = (put + 2..range.end).find(|&k| matches!(doc.token_text(k), ":" | ","))
        else {
            continue;
        };
        if mark > put + 6 || mark + 1 >= range.end {
            continue;
        }
        let source = span_of_tokens(doc, r#as + 1, put);
        let first = mark + 1;
        // A quotation runs to its closing mark, maybe sentences on.
        let opens_quote = matches!(doc.token_text(first), "“" | "\"");
        let end = if opens_quote {
            let para_end = doc
                .paragraphs
                .iter()
                .find(|p| p.contains_offset(doc.tokens[first].span.start))
                .map_or(sentence.span.end, |p| p.end);
            (first + 1..doc.tokens.len())
                .take_while(|&k| doc.tokens[k].span.end <= para_end)
                .find(|&k| matches!(doc.token_text(k), "”" | "\""))
                .map(|k| k + 1)
        } else {
            range
                .clone()
                .rev()
                .find(|&k| doc.tokens[k].upos != Upos::Punct)
                .map(|k| k + 1)
        };
        let Some(end) = end.filter(|&e| e > first + 1) else {
            continue;
        };
        added.push(added_by_rule(cue, source, span_of_tokens(doc, first, end)));
    }
    attrs.extend(added);
}

/// Reporting verbs that open an inverted credit after a clause ("…, states
/// Lauren Slayton, a dietitian."; "“…,” describes Slayton."). Feature and
/// health copy varies the verb far more than PolNeAR's news does.
const INVERTED_CUES: &[&str] = &[
    "says",
    "said",
    "adds",
    "added",
    "notes",
    "noted",
    "explains",
    "explained",
    "writes",
    "wrote",
    "states",
    "stated",
    "cites",
    "describes",
    "observes",
    "observed",
    "recalls",
    "recalled",
    "continues",
    "continued",
    "argues",
    "argued",
    "insists",
    "insisted",
    "warns",
    "warned",
    "concedes",
    "conceded",
    "admits",
    "admitted",
    "cautions",
    "cautioned",
    "emphasizes",
    "emphasized",
    "emphasises",
    "emphasised",
    "stresses",
    "stressed",
    "suggests",
    "suggested",
    "advises",
    "advised",
    "asks",
    "asked",
    "replies",
    "replied",
    "answers",
    "answered",
    "quips",
    "quipped",
    "jokes",
    "joked",
    "shares",
    "shared",
    "reveals",
    "revealed",
    "confirms",
    "confirmed",
    "concludes",
    "concluded",
];

/// "These antioxidants can minimize oxidative stress, cites Sylvia
/// Klinger, …" and "“Coffee has a long half-life,” describes Slayton." — a
/// clause, a comma (inside or before a closing quotation mark), a reporting
/// verb, then a person's name: the name said the clause. The span model
/// knows "said X" but misreads rarer verbs, taking the clause as source
/// and the name as content, or finds no cue. Such attributions are
/// rewritten, and added where no cue was found.
pub(super) fn add_inverted_credits(doc: &Document, attrs: &mut Vec<Attribution>) {
    let cues = cue_index(attrs);
    let mut added = Vec::new();
    let mut rewrite: Vec<(usize, Span, Span)> = Vec::new();
    let mut m = 0;
    for sentence in &doc.sentences {
        let range = sentence.token_range();
        if range.end > doc.tokens.len() || range.len() < 6 {
            continue;
        }
        for k in range.start + 4..range.end.saturating_sub(1) {
            // ", VERB" or ",” VERB" (the rare, cheap test first: this runs
            // on every word); the content ends before a plain comma and
            // after a closing mark.
            let prev = doc.token_text(k - 1);
            let content_end = if prev == "," {
                k - 1
            } else if QuoteMark::of_double(prev).is_some() && doc.token_text(k - 2) == "," {
                k
            } else {
                continue;
            };
            // The tagger may call a rarer verb a plural noun ("cautions
            // Jones"); the name after it decides.
            let word = doc.token_text(k);
            if !matches!(
                doc.tokens[k].xpos,
                Xpos::Vbz | Xpos::Vbd | Xpos::Vbn | Xpos::Nns
            ) || !INVERTED_CUES.iter().any(|c| c.eq_ignore_ascii_case(word))
            {
                continue;
            }
            // A person's name right after the verb, maybe after a title of
            // up to four words ("notes registered dietitian Kelly Jones"),
            // then a comma or the end.
            let Some(name) = (k + 1..(k + 6).min(range.end)).find_map(|t| {
                let name_start = doc.tokens[t].span.start;
                while m < doc.mentions.len() && doc.mentions[m].span.start < name_start {
                    m += 1;
                }
                let titled = (k + 1..t).all(|w| {
                    matches!(doc.tokens[w].upos, Upos::Noun | Upos::Adj | Upos::Propn)
                        || doc.tokens[w].xpos == Xpos::Vbn
                });
                let name = doc.mentions[m..]
                    .iter()
                    .take_while(|x| x.span.start == name_start)
                    .find(|x| x.kind == EntityKind::Person && x.mention_type == MentionType::Name);
                name.filter(|_| titled)
            }) else {
                continue;
            };
            let after = doc.token_at_or_after(name.span.end);
            if after < range.end && !matches!(doc.token_text(after), "," | "." | "!" | ";") {
                continue;
            }
            // The credit closes the sentence: what follows the name only
            // describes it ("…, said Marcia Smith, a vice president, Teck
            // wants…" goes on with the claim, as does a quotation).
            let mut relative = false;
            let goes_on = (after..range.end).any(|t| {
                let w = doc.token_text(t);
                relative |= matches!(w, "who" | "whose" | "which" | "that");
                QuoteMark::of_double(w).is_some()
                    || !relative && doc.tokens[t].xpos.is_finite_verb()
            });
            if goes_on {
                continue;
            }
            let Some(first) = range.clone().find(|&t| {
                doc.tokens[t].upos != Upos::Punct
                    || QuoteMark::of_double(doc.token_text(t)).is_some()
            }) else {
                continue;
            };
            if content_end < first + 3 {
                continue;
            }
            let cue = doc.tokens[k].span;
            let content = span_of_tokens(doc, first, content_end);
            // The description after the name is the source's too ("…, said
            // Howard Rubel, a senior analyst at Jefferies.").
            // It stops at a relative clause or a phrase on the verb (", who
            // notes…", ", on Facebook").
            let stop = (after..range.end)
                .find(|&t| {
                    doc.token_text(t) == ","
                        && doc.tokens.get(t + 1).is_some_and(|n| {
                            n.upos == Upos::Adp
                                || matches!(doc.token_text(t + 1), "who" | "whose" | "which")
                        })
                })
                .unwrap_or(range.end);
            let source_end = (after..stop)
                .rev()
                .find(|&t| doc.tokens[t].upos != Upos::Punct)
                .map_or(name.span.end, |t| doc.tokens[t].span.end.max(name.span.end));
            let source = Span::new(doc.tokens[k + 1].span.start, source_end);
            match cues.overlapping(cue).next() {
                Some((_, j)) => {
                    let a = &attrs[j];
                    let source_is_name =
                        a.source.as_ref().and_then(Region::extent).is_some_and(|s| {
                            // (A source that holds the cue is no reading.)
                            s.start >= cue.end && s.start < name.span.end && name.span.start < s.end
                        });
                    if !source_is_name && a.cue.extent() == Some(cue) {
                        rewrite.push((j, source, content));
                    }
                }
                None => added.push(added_by_rule(cue, source, content)),
            }
        }
    }
    for (j, source, content) in rewrite {
        attrs[j].source = Some(Region::single(source));
        attrs[j].content = Some(Region::single(content));
    }
    attrs.extend(added);
}

/// "…, NBC News reported Tuesday." — the commonest shape of a news
/// attribution: a clause, a comma, a short source, a reporting verb, maybe
/// a time, the full stop. Added when the model found no cue there.
pub(super) fn add_trailing_reports(doc: &Document, attrs: &mut Vec<Attribution>) {
    let cues = cue_index(attrs);
    let mut added = Vec::new();
    for sent in &doc.sentences {
        let (first, mut end) = (sent.tokens[0] as usize, sent.tokens[1] as usize);
        if end <= first + 4 {
            continue;
        }
        if matches!(doc.token_text(end - 1), "." | "!") {
            end -= 1;
        }
        if let Some(a) = trailing_report(doc, &cues, first, end) {
            added.push(a);
            continue;
        }
        // "…, NBC News projects, defeating Republican challenger Tom Hale.":
        // a participle that says nothing of speech after the report goes
        // on with the clause; the content is both.
        let participle = (first + 4..end).find(|&k| {
            doc.token_text(k) == ","
                && doc.tokens.get(k + 1).is_some_and(|t| {
                    t.xpos == Xpos::Vbg && !super::is_participle_of_speech(&t.lemma)
                })
        });
        if let Some(comma) = participle {
            if let Some(mut a) = trailing_report(doc, &cues, first, comma) {
                let phrase = span_of_tokens(doc, comma + 1, end);
                if let Some(clause) = a.content.as_ref().and_then(Region::extent) {
                    a.content = Some(Region::new(vec![clause, phrase]));
                    added.push(a);
                }
            }
        }
    }
    attrs.extend(added);
}

/// The report "SOURCE VERB [time]" closing the tokens `first..end` of a
/// sentence after a comma, with the clause before the comma as its content,
/// when the model found no cue there.
fn trailing_report(
    doc: &Document,
    cues: &SpanIndex<usize>,
    first: usize,
    end: usize,
) -> Option<Attribution> {
    // Trailing time words ("Tuesday", "on Monday night").
    let mut v = end;
    while v > first
        && end - v < 4
        && is_time_word(doc.token_text(v - 1))
        && doc.token_text(v - 1) != "."
    {
        v -= 1;
    }
    // The medium after the verb: "…, one user posted on X."
    // (A capitalised word, whatever its tag: "People" reads as NNS.)
    let mut m = v;
    while m > first + 1
        && v - m < 3
        && doc.tokens.get(m - 1).is_some_and(|t| {
            matches!(t.xpos, Xpos::Nnp | Xpos::Nnps)
                || doc.slice(t.span).starts_with(|c: char| c.is_uppercase())
        })
    {
        m -= 1;
    }
    // …or the hearer: "…, representatives confirmed to People."
    if m < v && matches!(doc.token_text(m - 1), "on" | "to") {
        v = m - 1;
    }
    if v == first {
        return None;
    }
    // "…, Nair points out.": the verb before its particle.
    let phrasal = v >= first + 2
        && doc.token_text(v - 1).eq_ignore_ascii_case("out")
        && matches!(
            doc.token_text(v - 2).to_ascii_lowercase().as_str(),
            "points" | "pointed"
        );
    let cue = if phrasal { v - 2 } else { v - 1 };
    let word = doc.token_text(cue).to_ascii_lowercase();
    // (A past form closing the sentence may be tagged a participle:
    // "…, a government watchdog found.")
    let cue_xpos = doc.tokens.get(cue).map(|t| t.xpos)?;
    let verb_tag = matches!(
        cue_xpos,
        Xpos::Vbd | Xpos::Vbz | Xpos::Vbp | Xpos::Vbn | Xpos::Unset
    );
    // A present form read as a plural noun ("…, the affidavit states.")
    // only after a plain noun phrase: "…, in several states." is none.
    let noun_tag = cue_xpos == Xpos::Nns && word.ends_with('s');
    if !phrasal && (!TRAILING_CUES.contains(&word.as_str()) || !(verb_tag || noun_tag)) {
        return None;
    }
    // The source: a short noun phrase right after a comma.
    let comma = (first..cue)
        .rev()
        .take(9)
        .find(|&t| doc.token_text(t) == ",")?;
    // A quotation closing after its comma is the content: "“Third
    // time this year,” one user posted."
    let quoted = doc.tokens.get(comma + 1).is_some_and(|t| {
        let mark = doc.slice(t.span);
        matches!(mark, "’" | "'")
            || matches!(
                QuoteMark::of_double(mark),
                Some(QuoteMark::Close | QuoteMark::Toggle)
            )
    });
    let (sa, sb) = (comma + 1 + usize::from(quoted), cue);
    if sa >= sb
        || !(sa..sb).any(|t| is_noun(doc.tokens[t].xpos) || matches!(doc.tokens[t].xpos, Xpos::Prp))
        || (sa..sb).any(|t| {
            matches!(
                doc.tokens[t].xpos,
                Xpos::Vb | Xpos::Vbd | Xpos::Vbz | Xpos::Vbp | Xpos::Vbg | Xpos::Md
            )
        })
    {
        return None;
    }
    let plain_noun_phrase = (sa..sb).all(|t| {
        matches!(
            doc.tokens[t].xpos,
            Xpos::Dt | Xpos::PrpS | Xpos::Jj | Xpos::Nn | Xpos::Nnp | Xpos::Nnps | Xpos::Pos
        )
    }) && is_noun(doc.tokens[sb - 1].xpos);
    if noun_tag && !verb_tag && !plain_noun_phrase {
        return None;
    }
    let cue_span = span_of_tokens(doc, cue, v);
    if cues.overlapping(cue_span).next().is_some() {
        return None;
    }
    let source = span_of_tokens(doc, sa, sb);
    let content = if quoted {
        (comma > first + 2).then(|| span_of_tokens(doc, first, comma + 2))
    } else {
        clause_before_source(doc, source)
    };
    Some(added_by_rule(cue_span, source, content?))
}

/// Words that make up a bare time after a cue ("reported Tuesday", "said on
/// Monday night", "told reporters last week" is not one: it names a hearer).
fn is_time_word(w: &str) -> bool {
    let w = w.to_ascii_lowercase();
    let w = w.as_str();
    WEEKDAYS.contains(&w)
        || DAY_PARTS.contains(&w)
        || matches!(
            w,
            "today"
                | "yesterday"
                | "tonight"
                | "on"
                | "last"
                | "this"
                | "week"
                | "month"
                | "year"
                | "earlier"
                | "later"
                | "."
        )
}

/// The clause before ", SOURCE" in the source's sentence ("Officials
/// believe X, NBC News reported Tuesday." → "Officials believe X"), when the
/// source directly follows a comma and the clause has a few tokens.
pub(crate) fn clause_before_source(doc: &Document, source: Span) -> Option<Span> {
    let s_tok = doc.token_at_or_after(source.start);
    if s_tok == 0 || s_tok >= doc.tokens.len() || doc.token_text(s_tok - 1) != "," {
        return None;
    }
    let sent = doc.sentence_of_token(s_tok as u32)?;
    let first = doc.sentences[sent].tokens[0] as usize;
    let comma = s_tok - 1;
    if comma <= first + 2 {
        return None;
    }
    Some(Span::new(
        doc.tokens[first].span.start,
        doc.tokens[comma - 1].span.end,
    ))
}

/// The next line of text after a cue that ends its line with a colon ("He
/// said:" ¶ "“In all the administrations…”"): the span model reads one
/// paragraph at a time, so it cannot see that content.
pub(crate) fn line_after_colon(doc: &Document, cue: Span) -> Option<Span> {
    let bytes = doc.index().byte(cue.end.min(doc.char_len()));
    let rest = doc.text.get(bytes..)?;
    let mut chars = rest.chars().peekable();
    let mut pos = cue.end;
    let ends_with_colon = doc.slice(cue).trim_end().ends_with(':');
    let mut colon = ends_with_colon;
    let mut newline = false;
    // Up to the end of the cue's line: only spaces and one colon.
    while let Some(&c) = chars.peek() {
        if c == '\n' {
            newline = true;
            break;
        }
        if c == ':' && !colon {
            colon = true;
        } else if !c.is_whitespace() {
            return None;
        }
        chars.next();
        pos += 1;
    }
    if !(colon && newline) {
        return None;
    }
    // Skip blank lines, then take the next line.
    while chars.peek().is_some_and(|c| c.is_whitespace()) {
        chars.next();
        pos += 1;
    }
    let start = pos;
    let mut end = pos;
    for c in chars {
        if c == '\n' {
            break;
        }
        pos += 1;
        if !c.is_whitespace() {
            end = pos;
        }
    }
    (end > start).then(|| Span::new(start, end))
}

/// "X, NBC News reported Tuesday.": a content that is only the time after
/// the cue becomes the clause before ", SOURCE".
pub(super) fn fix_dated_contents(doc: &Document, attrs: &mut [Attribution]) {
    for a in attrs.iter_mut() {
        let (Some(content), Some(source), Some(cue)) = (
            a.content.as_ref().and_then(Region::extent),
            a.source.as_ref().and_then(Region::extent),
            a.cue.extent(),
        ) else {
            continue;
        };
        if content.start < cue.end || source.end > cue.start {
            continue;
        }
        let (ca, cb) = tokens_in(doc, content);
        if cb <= ca || cb - ca > 4 || !(ca..cb).all(|t| is_time_word(doc.token_text(t))) {
            continue;
        }
        if let Some(clause) = clause_before_source(doc, source) {
            a.content = Some(Region::single(clause));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::enrich::test_support::{span_of, tagged};

    #[test]
    fn an_opening_according_to_reports_the_rest_of_the_sentence() {
        let text = "According to White House pool reports, Obama said there is love in Orlando.";
        let doc = tagged(text);
        let mut inner = Attribution::with_cue(0, Region::single(span_of(&doc, "said")));
        inner.source = Some(Region::single(span_of(&doc, "Obama")));
        inner.content = Some(Region::single(span_of(&doc, "there is love in Orlando")));
        let mut attrs = vec![inner];
        add_opening_according_to(&doc, &mut attrs);
        assert_eq!(attrs.len(), 2);
        let outer = &attrs[1];
        let text_of = |r: Option<&Region>| r.and_then(Region::extent).map(|s| doc.slice(s));
        assert_eq!(text_of(Some(&outer.cue)), Some("According to"));
        assert_eq!(
            text_of(outer.source.as_ref()),
            Some("White House pool reports")
        );
        assert_eq!(
            text_of(outer.content.as_ref()),
            Some("Obama said there is love in Orlando")
        );
        // Found already: nothing added.
        add_opening_according_to(&doc, &mut attrs);
        assert_eq!(attrs.len(), 2);
    }

    #[test]
    fn the_person_quoted_as_saying_is_a_nested_source() {
        let text = "The Post quoted another unnamed official as saying that the campaign was over.";
        let doc = tagged(text);
        let mut outer = Attribution::with_cue(0, Region::single(span_of(&doc, "quoted")));
        outer.source = Some(Region::single(span_of(&doc, "The Post")));
        outer.content = Some(Region::single(span_of(
            &doc,
            "another unnamed official as saying that the campaign was over",
        )));
        let mut attrs = vec![outer];
        add_quoted_as_saying(&doc, &mut attrs);
        let text_of = |r: &Option<Region>| {
            r.as_ref()
                .and_then(Region::extent)
                .map(|s| doc.slice(s).to_string())
        };
        assert_eq!(attrs.len(), 2);
        let inner = &attrs[1];
        assert_eq!(
            text_of(&inner.source).as_deref(),
            Some("another unnamed official")
        );
        assert_eq!(
            text_of(&Some(inner.cue.clone())).as_deref(),
            Some("as saying")
        );
        assert_eq!(
            text_of(&inner.content).as_deref(),
            Some("that the campaign was over")
        );
        // A clause before "as" is no quoted person's name.
        let clause = "He said the vote went as planned, saying nothing more.";
        let doc = tagged(clause);
        let mut a = Attribution::with_cue(0, Region::single(span_of(&doc, "said")));
        a.content = Some(Region::single(span_of(&doc, "the vote went as planned")));
        let mut attrs = vec![a];
        add_quoted_as_saying(&doc, &mut attrs);
        assert_eq!(attrs.len(), 1);
    }

    #[test]
    fn a_colon_at_the_end_of_a_line_points_to_the_next_line() {
        let text = "Then the senator spoke. He said:\n\n“We will win.” ¶\nMore.";
        let doc = Document::new(text);
        let content = line_after_colon(&doc, span_of(&doc, "said"));
        assert_eq!(content.map(|c| doc.slice(c)), Some("“We will win.” ¶"));
        let doc = Document::new("He said: “We will win.”\nMore.");
        assert_eq!(line_after_colon(&doc, span_of(&doc, "said")), None);
        let doc = Document::new("He said\nMore.");
        assert_eq!(line_after_colon(&doc, span_of(&doc, "said")), None);
        let doc = Document::new("He said:");
        assert_eq!(line_after_colon(&doc, span_of(&doc, "said")), None);
    }

    #[test]
    fn an_inner_source_leaves_the_outer_source() {
        let text = "The president sought to “win,” Jane Doe, an aide, told NBC.";
        let doc = Document::new(text);
        let sp = |t: &str| span_of(&doc, t);
        let inner = Attribution {
            source: Some(Region::single(sp("The president"))),
            content: Some(Region::single(sp("to “win,”"))),
            ..Attribution::with_cue(0, Region::single(sp("sought")))
        };
        let outer = Attribution {
            source: Some(Region::new(vec![
                sp("The president"),
                sp("Jane Doe, an aide"),
            ])),
            content: Some(Region::single(sp("“win,”"))),
            ..Attribution::with_cue(1, Region::single(sp("told")))
        };
        let mut attrs = vec![inner, outer];
        detach_inner_sources(&mut attrs);
        assert_eq!(text_of(&doc, attrs[1].source.as_ref()), "Jane Doe, an aide");
        assert_eq!(
            text_of(&doc, attrs[1].content.as_ref()),
            "The president sought to “win,”"
        );
        assert_eq!(text_of(&doc, attrs[0].source.as_ref()), "The president");
    }

    #[test]
    fn the_source_of_an_earlier_claim_leaves_a_later_source() {
        let text = "She has not commented on the case, though she appeared to \
                    refer to it, writing: “Some people only love you.” He cited \
                    the law, endorsed Cruz, urging voters to follow.";
        let doc = Document::new(text);
        let sp = |t: &str| span_of(&doc, t);
        let claim = |source: Vec<Span>, cue: &str, content: &str| Attribution {
            source: Some(Region::new(source)),
            content: Some(Region::single(sp(content))),
            ..Attribution::with_cue(0, Region::single(sp(cue)))
        };
        let mut attrs = vec![
            claim(vec![sp("She")], "has not commented on", "the case"),
            claim(
                vec![sp("She"), sp("she")],
                "writing:",
                "“Some people only love you.”",
            ),
            claim(vec![sp("He")], "cited", "the law"),
            claim(vec![sp("He")], "endorsed", "Cruz"),
            claim(vec![sp("He"), sp("Cruz")], "urging", "voters to follow"),
        ];
        drop_source_parts_of_earlier_claims(&mut attrs);
        let parts = |a: &Attribution| -> Vec<&str> {
            a.source
                .iter()
                .flat_map(|r| r.parts())
                .map(|p| doc.slice(*p))
                .collect()
        };
        assert_eq!(parts(&attrs[1]), ["she"]);
        assert_eq!(parts(&attrs[0]), ["She"]);
        // "Cruz" is what he endorsed, not who urged.
        assert_eq!(parts(&attrs[4]), ["He", "Cruz"]);
    }

    /// The text a region covers (its extent), "" when absent.
    fn text_of<'d>(doc: &'d Document, r: Option<&Region>) -> &'d str {
        doc.slice(r.and_then(Region::extent).unwrap_or_default())
    }

    /// Each attribution's source and content text, in order.
    fn sources_and_contents<'d>(
        doc: &'d Document,
        attrs: &[Attribution],
    ) -> Vec<(&'d str, &'d str)> {
        attrs
            .iter()
            .map(|a| {
                (
                    text_of(doc, a.source.as_ref()),
                    text_of(doc, a.content.as_ref()),
                )
            })
            .collect()
    }

    fn outer(doc: &Document, source: &str, cue: &str, content: &str) -> Attribution {
        Attribution {
            source: Some(Region::single(span_of(doc, source))),
            content: Some(Region::single(span_of(doc, content))),
            ..Attribution::with_cue(0, Region::single(span_of(doc, cue)))
        }
    }

    #[test]
    fn inner_attribution_in_a_reported_content() {
        let doc = tagged(
            "US intelligence officials believe Putin was likely involved in the hacks, NBC News reported.",
        );
        let mut attrs = vec![outer(
            &doc,
            "NBC News",
            "reported",
            "US intelligence officials believe Putin was likely involved in the hacks",
        )];
        add_inner_attributions(&doc, &mut attrs);
        assert_eq!(attrs.len(), 2);
        let inner = &attrs[1];
        assert_eq!(
            text_of(&doc, inner.source.as_ref()),
            "US intelligence officials"
        );
        assert_eq!(doc.slice(inner.cue.extent().unwrap_or_default()), "believe");
        assert_eq!(
            text_of(&doc, inner.content.as_ref()),
            "Putin was likely involved in the hacks"
        );
    }

    #[test]
    fn an_inner_tell_skips_its_listener() {
        let doc = tagged("Smith said the mayor had told him that the city would not budge.");
        let mut attrs = vec![outer(
            &doc,
            "Smith",
            "said",
            "the mayor had told him that the city would not budge",
        )];
        add_inner_attributions(&doc, &mut attrs);
        assert_eq!(attrs.len(), 2);
        assert_eq!(text_of(&doc, attrs[1].source.as_ref()), "the mayor");
        assert_eq!(doc.slice(attrs[1].cue.extent().unwrap_or_default()), "told");
        assert_eq!(
            text_of(&doc, attrs[1].content.as_ref()),
            "the city would not budge"
        );
        // Without "that", a determiner after the listener opens the clause
        // when a finite verb follows.
        let doc = tagged("Smith said the mayor told the council the city would not budge.");
        let mut attrs = vec![outer(
            &doc,
            "Smith",
            "said",
            "the mayor told the council the city would not budge",
        )];
        add_inner_attributions(&doc, &mut attrs);
        assert_eq!(attrs.len(), 2);
        assert_eq!(
            text_of(&doc, attrs[1].content.as_ref()),
            "the city would not budge"
        );
        // Nothing is told without a clause: "the council the plan".
        let doc = tagged("Smith said the mayor told the council the whole plan in detail.");
        let mut attrs = vec![outer(
            &doc,
            "Smith",
            "said",
            "the mayor told the council the whole plan in detail",
        )];
        add_inner_attributions(&doc, &mut attrs);
        assert_eq!(attrs.len(), 1);
    }

    #[test]
    fn relative_clause_subject_and_no_false_inner() {
        let doc = tagged(
            "The Post reported findings from the CIA that suggested Russia tried to help him win. \
             The Post reported the meeting was held in March at the hotel.",
        );
        let mut attrs = vec![
            outer(
                &doc,
                "The Post",
                "reported",
                "findings from the CIA that suggested Russia tried to help him win",
            ),
            outer(
                &doc,
                "The Post",
                "reported the meeting",
                "the meeting was held in March at the hotel",
            ),
        ];
        add_inner_attributions(&doc, &mut attrs);
        assert_eq!(attrs.len(), 3, "only the first content holds a cue");
        assert_eq!(
            doc.slice(attrs[2].cue.extent().unwrap_or_default()),
            "suggested"
        );
    }

    #[test]
    fn the_frame_before_according_to_is_the_outer_attribution() {
        let doc = tagged(
            "The Washington Post reported on Sunday that, according to U.S. officials, \
             Iran supplied the drones.",
        );
        let sp = |t: &str| span_of(&doc, t);
        let mut attrs = vec![Attribution {
            source: Some(Region::single(sp("U.S. officials"))),
            content: Some(Region::new(vec![
                sp("The Washington Post reported on Sunday that"),
                sp("Iran supplied the drones"),
            ])),
            ..Attribution::with_cue(0, Region::single(sp("according to")))
        }];
        split_frame_before_according_to(&doc, &mut attrs);
        assert_eq!(attrs.len(), 2);
        assert_eq!(
            text_of(&doc, attrs[0].content.as_ref()),
            "Iran supplied the drones"
        );
        let outer = &attrs[1];
        assert_eq!(text_of(&doc, outer.source.as_ref()), "The Washington Post");
        assert_eq!(
            doc.slice(outer.cue.extent().unwrap_or_default()),
            "reported"
        );
        assert_eq!(
            text_of(&doc, outer.content.as_ref()),
            "according to U.S. officials, Iran supplied the drones"
        );
    }

    #[test]
    fn as_someone_put_it_credits_what_follows() {
        let doc = tagged(
            "As one restaurant owner in Ohio put it to me last year: \"I can pay $15. The guy in rural Mississippi can't.\" As the senator puts it, the bill is dead on arrival.",
        );
        let mut attrs = Vec::new();
        add_as_x_put_it(&doc, &mut attrs);
        let found = sources_and_contents(&doc, &attrs);
        assert_eq!(
            found,
            [
                (
                    "one restaurant owner in Ohio",
                    "\"I can pay $15. The guy in rural Mississippi can't.\""
                ),
                ("the senator", "the bill is dead on arrival")
            ]
        );
    }

    #[test]
    fn a_closing_per_reports_the_clause_before_it() {
        let doc = tagged(
            "Apple is in talks to buy Lumina, per a report from The Information that \
             cited people familiar with the matter. He scored twice, per ESPN. Prices \
             rose 3 per cent, per se. The club have agreed terms with the player, per \
             sources close to the talks, and hope to finish the deal on Friday.",
        );
        let mut attrs = Vec::new();
        add_closing_per(&doc, &mut attrs);
        let found = sources_and_contents(&doc, &attrs);
        assert_eq!(
            found,
            [
                (
                    "a report from The Information",
                    "Apple is in talks to buy Lumina"
                ),
                ("ESPN", "He scored twice"),
                (
                    "sources close to the talks",
                    "The club have agreed terms with the player"
                )
            ]
        );
    }

    #[test]
    fn an_inner_subject_after_the_hearer_leaves_the_hearer_out() {
        let doc = tagged("Witnesses told officers the two men had argued inside the bar.");
        let first = doc.token_at_or_after(span_of(&doc, "officers").start);
        let end = doc.tokens.len();
        let inner = inner_at(&doc, first, end).expect("an inner attribution");
        assert_eq!(text_of(&doc, inner.source.as_ref()), "the two men");
    }

    #[test]
    fn an_inverted_credit_after_a_clause_names_the_speaker() {
        let doc = crate::enrich::test_support::with_entities(
            "These antioxidants can minimize oxidative stress, cites Sylvia Klinger, a \
             registered dietitian. \"Coffee has a long half-life,\" describes Lauren Slayton. \
             Rather than raising the tax, said Marcia Smith, a vice president, Teck wants \
             the gap narrowed. Not everyone should try it, cautions registered dietitian \
             Kelly Jones, who runs a clinic.",
        );
        let mut attrs = Vec::new();
        add_inverted_credits(&doc, &mut attrs);
        let found: Vec<(&str, &str, &str)> = attrs
            .iter()
            .map(|a| {
                (
                    text_of(&doc, a.source.as_ref()),
                    doc.slice(a.cue.extent().unwrap_or_default()),
                    text_of(&doc, a.content.as_ref()),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (
                    "Sylvia Klinger, a registered dietitian",
                    "cites",
                    "These antioxidants can minimize oxidative stress"
                ),
                (
                    "Lauren Slayton",
                    "describes",
                    "\"Coffee has a long half-life,\""
                ),
                // A title before the name; a relative clause after it is not
                // the source's.
                (
                    "registered dietitian Kelly Jones",
                    "cautions",
                    "Not everyone should try it"
                ),
            ]
        );
        // The model's reading with the clause as source is rewritten.
        let mut attrs = vec![added_by_rule(
            span_of(&doc, "cites"),
            span_of(&doc, "These antioxidants"),
            span_of(&doc, "Sylvia Klinger, a registered dietitian"),
        )];
        add_inverted_credits(&doc, &mut attrs);
        assert_eq!(
            text_of(&doc, attrs[0].source.as_ref()),
            "Sylvia Klinger, a registered dietitian"
        );
        assert_eq!(
            text_of(&doc, attrs[0].content.as_ref()),
            "These antioxidants can minimize oxidative stress"
        );
    }

    #[test]
    fn trailing_report_is_added_once() {
        let doc = tagged(
            "Officials believe the hack was directed from Moscow, NBC News reported Tuesday.",
        );
        let mut attrs = Vec::new();
        add_trailing_reports(&doc, &mut attrs);
        assert_eq!(attrs.len(), 1);
        let a = &attrs[0];
        assert_eq!(text_of(&doc, a.source.as_ref()), "NBC News");
        assert_eq!(
            text_of(&doc, a.content.as_ref()),
            "Officials believe the hack was directed from Moscow"
        );
        add_trailing_reports(&doc, &mut attrs);
        assert_eq!(attrs.len(), 1, "not added twice");
        // A record speaks as well as an outlet.
        let doc = tagged("Two policymakers dissented on Wednesday, the statement showed.");
        let mut attrs = Vec::new();
        add_trailing_reports(&doc, &mut attrs);
        assert_eq!(attrs.len(), 1);
        assert_eq!(text_of(&doc, attrs[0].source.as_ref()), "the statement");
        assert_eq!(
            text_of(&doc, attrs[0].content.as_ref()),
            "Two policymakers dissented on Wednesday"
        );
        // A closing "found" the tagger read as a participle.
        let doc = tagged(
            "The agency took an average of 14 months to act on reports of near-collisions at busy airports, a government watchdog found.",
        );
        let mut attrs = Vec::new();
        add_trailing_reports(&doc, &mut attrs);
        assert_eq!(attrs.len(), 1);
        assert_eq!(
            text_of(&doc, attrs[0].source.as_ref()),
            "a government watchdog"
        );
        // Feature copy's verbs, one with its particle.
        let doc = tagged(
            "The trial found no benefit from fasting, Nair points out. Pregnant women should \
             talk to their doctor first, she advises.",
        );
        let mut attrs = Vec::new();
        add_trailing_reports(&doc, &mut attrs);
        let found: Vec<(&str, &str)> = attrs
            .iter()
            .map(|a| {
                (
                    text_of(&doc, a.source.as_ref()),
                    doc.slice(a.cue.extent().unwrap_or_default()),
                )
            })
            .collect();
        assert_eq!(found, [("Nair", "points out"), ("she", "advises")]);
    }

    #[test]
    fn outer_content_takes_in_the_inner_source_and_cue() {
        let doc =
            tagged("US officials believe Putin was involved in the hacks, NBC News reported.");
        let mut attrs = vec![
            outer(
                &doc,
                "US officials",
                "believe",
                "Putin was involved in the hacks",
            ),
            outer(
                &doc,
                "NBC News",
                "reported",
                "Putin was involved in the hacks",
            ),
        ];
        extend_outer_over_inner(&mut attrs);
        assert_eq!(
            text_of(&doc, attrs[1].content.as_ref()),
            "US officials believe Putin was involved in the hacks"
        );
        assert_eq!(
            text_of(&doc, attrs[0].content.as_ref()),
            "Putin was involved in the hacks",
            "the inner one is untouched"
        );
        // Also when the outer content lost the inner content's first word.
        let doc =
            tagged("US officials believe Russian President Putin was involved, NBC News reported.");
        let mut attrs = vec![
            outer(
                &doc,
                "US officials",
                "believe",
                "Russian President Putin was involved",
            ),
            outer(&doc, "NBC News", "reported", "President Putin was involved"),
        ];
        extend_outer_over_inner(&mut attrs);
        assert_eq!(
            text_of(&doc, attrs[1].content.as_ref()),
            "US officials believe Russian President Putin was involved"
        );
    }

    #[test]
    fn outer_content_runs_over_a_relative_clause_that_is_an_inner_claim() {
        let text = "The Post reported findings from the CIA that suggested Russia tried to help.";
        // The parse is set by hand: the rule reads it, whatever the model says.
        let parsed = |rel: DepRel, head: &str| {
            let mut doc = tagged(text);
            let at = |doc: &Document, w: &str| doc.token_at_or_after(span_of(doc, w).start);
            let (cue, head) = (at(&doc, "suggested"), at(&doc, head));
            doc.tokens[cue].deprel = rel;
            doc.tokens[cue].head = Some(head as u32);
            doc
        };
        let attrs = |doc: &Document| {
            vec![
                outer(doc, "The Post", "reported", "findings from the CIA"),
                outer(doc, "the CIA that", "suggested", "Russia tried to help"),
            ]
        };
        let doc = parsed(DepRel::AclRelcl, "findings");
        let mut a = attrs(&doc);
        extend_outer_over_relative_clause(&doc, &mut a);
        assert_eq!(
            text_of(&doc, a[0].content.as_ref()),
            "findings from the CIA that suggested Russia tried to help"
        );
        assert_eq!(text_of(&doc, a[1].content.as_ref()), "Russia tried to help");
        // A clause that hangs from the outer cue is a claim of its own.
        let doc = parsed(DepRel::Ccomp, "reported");
        let mut a = attrs(&doc);
        extend_outer_over_relative_clause(&doc, &mut a);
        assert_eq!(
            text_of(&doc, a[0].content.as_ref()),
            "findings from the CIA"
        );
    }

    #[test]
    fn dated_cue_takes_the_clause_before_the_source() {
        let doc = tagged(
            "Officials believe the hack was directed from Moscow, NBC News reported Tuesday.",
        );
        let mut attrs = vec![outer(&doc, "NBC News", "reported", "Tuesday")];
        fix_dated_contents(&doc, &mut attrs);
        assert_eq!(
            text_of(&doc, attrs[0].content.as_ref()),
            "Officials believe the hack was directed from Moscow"
        );
    }
}

/// The indexed passes against the scans of every attribution they replace,
/// on many small attributions crowded together (so that starts and ends
/// coincide often).
#[cfg(test)]
pub(super) mod index_exactness_tests {
    use super::*;

    /// Deterministic attributions: each part absent now and then, some
    /// sources in two parts.
    pub(crate) fn crowded(n: usize, seed: u64) -> Vec<Attribution> {
        let mut state = seed;
        let mut next = |m: u32| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 33) as u32) % m
        };
        let span = |next: &mut dyn FnMut(u32) -> u32| {
            let start = next(120);
            Span::new(start, start + next(12))
        };
        (0..n)
            .map(|_| {
                let mut a = Attribution::with_cue(0, Region::single(span(&mut next)));
                if next(5) > 0 {
                    let first = span(&mut next);
                    a.source = Some(if next(3) == 0 {
                        let second = Span::new(first.end + next(5), first.end + 5 + next(5));
                        Region::new(vec![first, second])
                    } else {
                        Region::single(first)
                    });
                }
                if next(5) > 0 {
                    let first = span(&mut next);
                    a.content = Some(if next(4) == 0 {
                        let second = Span::new(first.end + next(5), first.end + 5 + next(30));
                        Region::new(vec![first, second])
                    } else {
                        Region::single(first)
                    });
                }
                a
            })
            .collect()
    }

    /// [`extend_outer_over_inner`] as a scan of all attributions.
    fn extend_by_scan(attrs: &mut [Attribution]) {
        let extents = extents_of(attrs);
        for (i, a) in attrs.iter_mut().enumerate() {
            let Some(outer) = extents[i].2 else { continue };
            let opener = extents
                .iter()
                .enumerate()
                .find_map(|(j, (src, cue, content))| {
                    let (cue, content) = ((*cue)?, (*content)?);
                    let start = src.map_or(cue.start, |s| s.start.min(cue.start));
                    (j != i
                        && content.start == outer.start
                        && cue.end <= outer.start
                        && start < outer.start
                        && outer.start - start <= 200)
                        .then_some(start)
                });
            // The fallback: a content ending with the outer one and starting
            // at most 12 characters before it, the earliest start first.
            let own_cue = extents[i].1;
            let opener = opener.or_else(|| {
                extents
                    .iter()
                    .enumerate()
                    .filter_map(|(j, (src, cue, content))| {
                        let (cue, content) = ((*cue)?, (*content)?);
                        let start = src.map_or(cue.start, |s| s.start.min(cue.start));
                        (j != i
                            && content.start < outer.start
                            && content.start >= outer.start.saturating_sub(12)
                            && content.end == outer.end
                            && cue.end <= outer.start
                            && start < outer.start
                            && outer.start - start <= 200)
                            .then_some((content.start, j, start))
                    })
                    .min()
                    .map(|(_, _, start)| start)
                    .filter(|&start| own_cue.is_none_or(|c| c.end <= start || c.start >= outer.end))
            });
            if let (Some(start), Some(content)) = (opener, a.content.as_ref()) {
                let mut parts = content.parts().to_vec();
                parts[0].start = start;
                a.content = Some(Region::new(parts));
                continue;
            }
            let inner = extents
                .iter()
                .enumerate()
                .find_map(|(j, (src, cue, content))| {
                    let (src, cue, content) = ((*src)?, (*cue)?, (*content)?);
                    (j != i
                        && src.start >= outer.start
                        && src.start < outer.end
                        && cue.start >= outer.end
                        && cue.start <= outer.end + 2
                        && content.end > outer.end)
                        .then_some(content.end)
                });
            let (Some(end), Some(content)) = (inner, a.content.as_ref()) else {
                continue;
            };
            let mut parts = content.parts().to_vec();
            if let Some(last) = parts.last_mut() {
                last.end = end;
            }
            a.content = Some(Region::new(parts));
        }
    }

    /// [`detach_inner_sources`]' test of a source part as a scan.
    fn owned_elsewhere_by_scan(attrs: &[Attribution], i: usize) -> bool {
        let inner = extents_of(attrs);
        let (Some(_), Some(cue), Some(content)) = inner[i] else {
            return false;
        };
        let Some(p) = attrs[i]
            .source
            .as_ref()
            .and_then(|s| s.parts().first().copied())
        else {
            return false;
        };
        inner.iter().enumerate().any(|(j, (src, icue, icontent))| {
            let (Some(src), Some(icue), Some(icontent)) = (src, icue, icontent) else {
                return false;
            };
            j != i
                && src.start <= p.start
                && p.end <= src.end
                && p.end <= icue.start
                && icue.end <= cue.start
                && icontent.start < content.end
                && content.start < icontent.end
        })
    }

    #[test]
    fn indexed_passes_match_the_scans() {
        // Both rules must fire on this data for the comparison to mean anything.
        let (mut extended, mut detached_any) = (0, 0);
        for seed in 0..40 {
            let attrs = crowded(60, seed);
            let mut indexed = attrs.clone();
            let mut scanned = attrs.clone();
            extend_outer_over_inner(&mut indexed);
            extend_by_scan(&mut scanned);
            assert_eq!(indexed, scanned, "extend, seed {seed}");
            extended += indexed.iter().zip(&attrs).filter(|(a, b)| a != b).count();

            let mut detached = attrs.clone();
            detach_inner_sources(&mut detached);
            for (i, (before, after)) in attrs.iter().zip(&detached).enumerate() {
                let multi = before.source.as_ref().is_some_and(|s| s.parts().len() > 1);
                let expect_detached = multi && owned_elsewhere_by_scan(&attrs, i);
                detached_any += usize::from(expect_detached);
                assert_eq!(
                    before.source != after.source,
                    expect_detached,
                    "detach, seed {seed}, {i}"
                );
            }
        }
        assert!(
            extended > 0 && detached_any > 0,
            "{extended} {detached_any}"
        );
    }
}
