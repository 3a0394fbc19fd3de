//! Source kinds: who the source is, from its words and the entity layer.

use super::words::Word;
use whosaid_core::{EntityKind, SourceKind};

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "i", "we", "you", "it", "him", "her", "them", "us", "me", "his", "their",
    "its", "our", "my", "who", "which", "whom", "this", "that", "these", "those", "one", "someone",
    "somebody", "everyone", "anyone",
];

/// Heads that, without a name in the source, mean the source is not identified.
const ANONYMOUS_HEADS: &[&str] = &[
    "official",
    "officials",
    "source",
    "sources",
    "aide",
    "aides",
    "insider",
    "insiders",
    "person",
    "people",
    "individual",
    "individuals",
    "staffer",
    "staffers",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "operative",
    "operatives",
    "diplomat",
    "diplomats",
    "investigator",
    "investigators",
    "agent",
    "agents",
    "representative",
    "representatives",
    "associate",
    "associates",
    "confidant",
    "confidants",
    "strategist",
    "strategists",
    "member",
    "members",
    "allies",
    "ally",
    "employee",
    "employees",
    "officer",
    "officers",
    "lawmaker",
    "lawmakers",
];

/// Words that mark anonymity whatever the head.
const ANONYMOUS_MARKERS: &[&str] = &[
    "unnamed",
    "anonymous",
    "anonymity",
    "unidentified",
    "familiar",
    "undisclosed",
];

const DOCUMENT_HEADS: &[&str] = &[
    "report",
    "reports",
    "finding",
    "findings",
    "study",
    "studies",
    "poll",
    "polls",
    "survey",
    "surveys",
    "document",
    "documents",
    "memo",
    "memos",
    "statement",
    "statements",
    "letter",
    "letters",
    "filing",
    "filings",
    "email",
    "emails",
    "analysis",
    "assessment",
    "assessments",
    "data",
    "record",
    "records",
    "complaint",
    "indictment",
    "lawsuit",
    "suit",
    "investigation",
    "book",
    "article",
    "articles",
    "story",
    "stories",
    "post",
    "tweet",
    "tweets",
    "video",
    "ad",
    "ads",
    "release",
    "transcript",
    "transcripts",
    "review",
    "audit",
    "ruling",
    "order",
    "decision",
    "website",
    "site",
    "estimate",
    "estimates",
    "figures",
    "numbers",
    "evidence",
    "research",
    "paper",
    "testimony",
    "message",
    "messages",
    "note",
    "notes",
    "cable",
    "cables",
    "dossier",
    "platform",
    "bill",
    "law",
    "report's",
    "projection",
    "projections",
    "forecast",
    "model",
    "index",
    "census",
    "exit",
    "results",
    "memorandum",
    "account",
    "accounts",
];

const GROUP_HEADS: &[&str] = &[
    "group",
    "groups",
    "electors",
    "voters",
    "democrats",
    "republicans",
    "critics",
    "supporters",
    "experts",
    "analysts",
    "scientists",
    "economists",
    "activists",
    "protesters",
    "residents",
    "americans",
    "citizens",
    "leaders",
    "lawyers",
    "attorneys",
    "observers",
    "fans",
    "donors",
    "delegates",
    "conservatives",
    "liberals",
    "progressives",
    "students",
    "parents",
    "workers",
    "doctors",
    "researchers",
    "members",
    "many",
    "some",
    "others",
    "both",
    "all",
    "most",
    "few",
    "several",
    "majority",
    "minority",
    "half",
    "surrogates",
    "campaigns",
    "candidates",
    "senators",
    "governors",
    "mayors",
    "historians",
    "pollsters",
    "evangelicals",
    "women",
    "men",
    "families",
    "veterans",
    "police",
    "officers",
    "advocates",
    "opponents",
    "proponents",
    "backers",
    "allies",
    "detractors",
    "skeptics",
    "pundits",
    "commentators",
    "insiders",
    "rivals",
    "friends",
    "followers",
    "colleagues",
    "endorsers",
    "competitors",
    "admirers",
    "elders",
    "directors",
    "organizations",
];

/// Common nouns that name a body, not a person: "the campaign", "the
/// administration", "the court".
const BODY_HEADS: &[&str] = &[
    "campaign",
    "government",
    "administration",
    "company",
    "firm",
    "corporation",
    "board",
    "department",
    "agency",
    "ministry",
    "office",
    "court",
    "union",
    "party",
    "committee",
    "council",
    "commission",
    "organization",
    "organisation",
    "congress",
    "senate",
    "legislature",
    "parliament",
    "bank",
    "university",
    "team",
];

/// Common nouns that name a news outlet: "the newspaper", "the network".
const OUTLET_HEADS: &[&str] = &[
    "newspaper",
    "paper",
    "network",
    "station",
    "magazine",
    "outlet",
    "channel",
    "broadcaster",
    "tabloid",
    "website",
];

/// Heads that count people: "52 percent of voters", "the crowd".
const COUNT_HEADS: &[&str] = &["percent", "crowd", "audience", "public", "electorate"];

/// Words that name news outlets, for when the entity layer has not typed the source.
const MEDIA_WORDS: &[&str] = &[
    "times",
    "post",
    "news",
    "journal",
    "reuters",
    "cnn",
    "nbc",
    "abc",
    "cbs",
    "fox",
    "msnbc",
    "politico",
    "axios",
    "bloomberg",
    "ap",
    "guardian",
    "telegraph",
    "tribune",
    "herald",
    "gazette",
    "newspaper",
    "outlet",
    "outlets",
    "magazine",
    "npr",
    "pbs",
    "bbc",
    "breitbart",
    "buzzfeed",
    "vox",
    "slate",
    "atlantic",
    "newsweek",
    "economist",
    "wsj",
    "usa",
    "today",
    "insider",
    "hill",
    "intercept",
    "daily",
    "caller",
    "beast",
    "salon",
];

/// What the entity layer saw inside the source span.
#[derive(Debug, Clone, Copy, Default)]
pub struct SourceEntities {
    pub person: bool,
    pub organization: bool,
    pub media: bool,
    pub norp: bool,
    /// The kind of the mention covering the source's head word, if any.
    pub head_kind: Option<EntityKind>,
}

/// Whether a (lowercased) head noun names people: officials, sources,
/// voters, experts…
pub(crate) fn is_people_head(word: &str) -> bool {
    ANONYMOUS_HEADS.contains(&word) || GROUP_HEADS.contains(&word)
}

/// Classifies a source from its words, the index of its head word (if the
/// parse gave one) and the entities found in it.
pub fn classify(words: &[Word], head: Option<usize>, ents: SourceEntities) -> SourceKind {
    let lower: Vec<&str> = words.iter().map(|w| w.lower.as_str()).collect();
    if lower.len() == 1 && PRONOUNS.contains(&lower[0]) {
        return SourceKind::Pronoun;
    }
    // The head is the last word before a post-modifier ("officials cited by
    // NBC", "findings from the CIA", "Michael McFaul, former ambassador").
    let head_ix = head.unwrap_or_else(|| default_head(&lower));
    let head_word = lower.get(head_ix).copied().unwrap_or("");
    let has_name = ents.person || ents.organization || ents.media;
    if lower.iter().any(|w| ANONYMOUS_MARKERS.contains(w)) {
        return SourceKind::Anonymous;
    }
    match ents.head_kind {
        // "Republicans, led by Senate Majority Leader Mitch McConnell": the
        // party's members, whoever leads them.
        Some(EntityKind::Norp)
            if is_plural_common_noun(words.get(head_ix)) || head_word.ends_with("ans") =>
        {
            return SourceKind::Group
        }
        Some(EntityKind::Media) => return SourceKind::Media,
        Some(EntityKind::Person) => return SourceKind::Person,
        Some(EntityKind::Organization | EntityKind::Gpe | EntityKind::Location) => {
            return SourceKind::Organization
        }
        _ => {}
    }
    if DOCUMENT_HEADS.contains(&head_word) {
        return SourceKind::Document;
    }
    if lower.contains(&"group") || lower.contains(&"coalition") {
        return SourceKind::Group;
    }
    if ANONYMOUS_HEADS.contains(&head_word) && !ents.person {
        // "NBC's sources", "US intelligence officials", "a White House official".
        let possessed_by_name = lower.iter().any(|w| w.ends_with("'s")) && has_name;
        if possessed_by_name || !has_name || !ents.person {
            return SourceKind::Anonymous;
        }
    }
    if ents.person {
        return SourceKind::Person;
    }
    if ents.media || looks_like_outlet(words) {
        return SourceKind::Media;
    }
    if ents.organization {
        return SourceKind::Organization;
    }
    // "Democrats", "the Russians"; not "the Russian president", where the
    // nationality only modifies the head.
    let norp_head = ents.norp && ents.head_kind == Some(EntityKind::Norp);
    if GROUP_HEADS.contains(&head_word) || norp_head {
        return SourceKind::Group;
    }
    if looks_like_organization(words) || BODY_HEADS.contains(&head_word) {
        return SourceKind::Organization;
    }
    if OUTLET_HEADS.contains(&head_word) {
        return SourceKind::Media;
    }
    if COUNT_HEADS.contains(&head_word) {
        return SourceKind::Group;
    }
    if lower.len() == 1 && PRONOUNS.contains(&lower[0]) {
        return SourceKind::Pronoun;
    }
    // A plural common noun names a group ("Companies", "many researchers"),
    // whatever the noun.
    if is_plural_common_noun(words.get(head_ix)) {
        return SourceKind::Group;
    }
    SourceKind::Person
}

/// A lower-case word that reads as a plural noun ("companies", "critics";
/// not "boss", "status"), or a capitalised one with a plural common-noun
/// ending ("Companies", "Researchers"; not the surname "Williams").
fn is_plural_common_noun(w: Option<&Word>) -> bool {
    const COMMON_PLURAL_ENDINGS: &[&str] = &[
        "ies", "ers", "ors", "ists", "ants", "ents", "ians", "ees", "ives", "ches",
    ];
    w.is_some_and(|w| {
        let l = w.lower.as_str();
        let plural = l.len() > 3
            && l.ends_with('s')
            && !["ss", "us", "is"].iter().any(|e| l.ends_with(e))
            && l.chars().all(|c| c.is_alphabetic() || c == '-');
        plural
            && (!w.capitalised || COMMON_PLURAL_ENDINGS.iter().any(|e| l.ends_with(e)))
            && !w.all_caps
    })
}

/// A capitalised name containing an outlet word ("The Washington Post", "NBC News").
fn looks_like_outlet(words: &[Word]) -> bool {
    let function = |w: &Word| matches!(w.lower.as_str(), "the" | "and" | "of" | "&");
    !words.is_empty()
        && words.iter().all(|w| w.capitalised || function(w))
        && words
            .iter()
            .any(|w| MEDIA_WORDS.contains(&w.lower.as_str()))
}

/// Words that make a capitalised name an institution.
const ORG_WORDS: &[&str] = &[
    "department",
    "office",
    "committee",
    "party",
    "agency",
    "bureau",
    "council",
    "association",
    "campaign",
    "administration",
    "congress",
    "senate",
    "house",
    "court",
    "university",
    "institute",
    "foundation",
    "inc",
    "corp",
    "company",
    "college",
    "commission",
    "service",
    "services",
    "intelligence",
    "ministry",
    "government",
    "police",
    "army",
    "pentagon",
    "kremlin",
    "fund",
    "center",
    "centre",
    "league",
    "union",
    "coalition",
    "organization",
    "organisation",
    "board",
    "group",
    "caucus",
    "pac",
    "network",
    "state",
    "states",
    "force",
];

/// A capitalised name with an institution word ("the Office of the Director
/// of National Intelligence") or an acronym ("The RNC", "The FBI last month").
fn looks_like_organization(words: &[Word]) -> bool {
    let acronym = |w: &Word| {
        w.capitalised
            && (2..=6).contains(&w.lower.len())
            && w.lower.chars().all(|c| c.is_ascii_alphabetic())
    };
    let first = words.iter().find(|w| w.lower != "the");
    first.is_some_and(|w| w.capitalised)
        && words
            .iter()
            .any(|w| w.capitalised && ORG_WORDS.contains(&w.lower.as_str()))
        || first.is_some_and(|w| acronym(w) && w.all_caps)
}

/// Index of the head word when no parse is available: the last word before
/// the first post-modifier boundary.
fn default_head(lower: &[&str]) -> usize {
    const BOUNDARY: &[&str] = &[
        "of", "from", "cited", "who", "which", "that", "with", "at", "for", "in", "close",
        "familiar",
    ];
    let end = lower
        .iter()
        .skip(1)
        .position(|w| BOUNDARY.contains(w))
        .map_or(lower.len(), |p| p + 1);
    end.saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::words::words_in;
    use whosaid_core::{Document, Span};

    fn kind(src: &str, ents: SourceEntities) -> SourceKind {
        let d = Document::new(src);
        classify(&words_in(&d, Span::new(0, d.char_len())), None, ents)
    }

    #[test]
    fn common_sources() {
        let none = SourceEntities::default();
        let media = SourceEntities {
            media: true,
            head_kind: Some(EntityKind::Media),
            ..none
        };
        let person = SourceEntities {
            person: true,
            head_kind: Some(EntityKind::Person),
            ..none
        };
        assert_eq!(kind("he", none), SourceKind::Pronoun);
        // Common nouns that name bodies, outlets and counts of people.
        assert_eq!(kind("the campaign", none), SourceKind::Organization);
        assert_eq!(kind("The administration", none), SourceKind::Organization);
        assert_eq!(kind("the newspaper", none), SourceKind::Media);
        assert_eq!(kind("52 percent of voters", none), SourceKind::Group);
        assert_eq!(kind("the senator", none), SourceKind::Person);
        assert_eq!(
            kind("US intelligence officials", none),
            SourceKind::Anonymous
        );
        assert_eq!(
            kind(
                "Two of the unnamed intelligence officials cited by NBC",
                SourceEntities {
                    media: true,
                    ..none
                }
            ),
            SourceKind::Anonymous
        );
        assert_eq!(
            kind(
                "NBC’s sources",
                SourceEntities {
                    media: true,
                    ..none
                }
            ),
            SourceKind::Anonymous
        );
        assert_eq!(kind("NBC News", media), SourceKind::Media);
        assert_eq!(kind("those reports", none), SourceKind::Document);
        assert_eq!(
            kind(
                "findings from the CIA",
                SourceEntities {
                    organization: true,
                    ..none
                }
            ),
            SourceKind::Document
        );
        assert_eq!(
            kind("Michael McFaul, former ambassador to Russia", person),
            SourceKind::Person
        );
        assert_eq!(
            kind("A group of electors within the Electoral College", none),
            SourceKind::Group
        );
        assert_eq!(kind("Companies", none), SourceKind::Group);
        assert_eq!(kind("many researchers", none), SourceKind::Group);
        assert_eq!(kind("the boss", none), SourceKind::Person);
        assert_eq!(kind("Williams", none), SourceKind::Person);
        let norp = SourceEntities { norp: true, ..none };
        assert_eq!(kind("The Russian president", norp), SourceKind::Person);
        assert_eq!(
            kind(
                "Trump and his surrogates",
                SourceEntities {
                    person: true,
                    ..none
                }
            ),
            SourceKind::Person
        );
        assert_eq!(kind("critics", none), SourceKind::Group);
        assert_eq!(
            kind("The Washington Post and The New York Times", none),
            SourceKind::Media
        );
        assert_eq!(kind("the news anchor", none), SourceKind::Person);
        assert_eq!(kind("The RNC", none), SourceKind::Organization);
        assert_eq!(kind("The FBI last month", none), SourceKind::Organization);
        assert_eq!(
            kind("the Office of the Director of National Intelligence", none),
            SourceKind::Organization
        );
        assert_eq!(kind("Michael Borohovski", none), SourceKind::Person);
    }
}
