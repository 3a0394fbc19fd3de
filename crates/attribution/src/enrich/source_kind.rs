//! Source kinds: who the source is, from its words and the entity layer.

use super::words::Word;
use super::words::WEEKDAYS;
use std::borrow::Cow;
use whosaid_core::is_month_name;
use whosaid_core::{EntityKind, SourceKind, Upos};
use whosaid_entities::lexicon;

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
    // "two people briefed on the plans"
    "briefed",
];

const DOCUMENT_HEADS: &[&str] = &[
    "report",
    "editorial",
    "average",
    "version",
    "polling",
    "readout",
    "disclosure",
    "disclosures",
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
    "affidavit",
    "affidavits",
    "warrant",
    "motion",
    "subpoena",
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
    // People counted in surveys, studies and features.
    "adolescents",
    "teens",
    "teenagers",
    "children",
    "kids",
    "youths",
    "adults",
    "seniors",
    "retirees",
    "millennials",
    "patients",
    "participants",
    "respondents",
    "consumers",
    "customers",
    "shoppers",
    "users",
    "employees",
    "nurses",
    "teachers",
    "clinicians",
    "physicians",
    "homeowners",
    "renters",
    "tenants",
    "investors",
    "traders",
    "farmers",
    "drivers",
    "passengers",
    "travelers",
    "travellers",
    "immigrants",
    "refugees",
    "migrants",
    "survivors",
    "victims",
    "witnesses",
    "owners",
    "landlords",
];

/// Common nouns that name a body, not a person: "the campaign", "the
/// administration", "the court".
const BODY_HEADS: &[&str] = &[
    "campaign",
    "club",
    "mission",
    "consulate",
    "delegation",
    "utility",
    "state",
    "authority",
    "nonprofit",
    "non-profit",
    "charity",
    "foundation",
    "institute",
    "school",
    "hospital",
    "church",
    "city",
    "county",
    "municipality",
    "institution",
    "country",
    "nation",
    "airline",
    "kingdom",
    "business",
    "startup",
    "bureau",
    "giant",
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
    // "Ukraine's air force", "the military", "the embassy".
    "force",
    "military",
    "navy",
    "embassy",
    "regime",
    "cabinet",
    "regulator",
    "watchdog",
];

/// Common nouns that name a news outlet: "the newspaper", "the network".
const OUTLET_HEADS: &[&str] = &[
    "newspaper",
    "affiliate",
    "media",
    "press",
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
const COUNT_HEADS: &[&str] = &[
    "percent",
    "percentage",
    "crowd",
    "audience",
    "public",
    "electorate",
];

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
    /// A name in the source does not hang from its head word in the parse
    /// (or there is no parse): the head cannot be trusted to say what the
    /// phrase names.
    pub name_off_head: bool,
}

/// Whether a (lowercased) head noun names people: officials, sources,
/// voters, experts…
pub(crate) fn is_people_head(word: &str) -> bool {
    ANONYMOUS_HEADS.contains(&word) || GROUP_HEADS.contains(&word)
}

/// What the tagger said about the source's head word (all unset when the
/// document has no tags).
#[derive(Debug, Clone, Copy, Default)]
pub struct HeadTag<'a> {
    pub lemma: &'a str,
    pub upos: Option<Upos>,
    /// Tagged as a plural noun (NNS, NNPS).
    pub plural: bool,
    /// The word is also capitalised earlier in the document, not at a
    /// sentence start.
    pub capitalised_elsewhere: bool,
}

/// Classifies a source from its words, the index of its head word (if the
/// parse gave one), what the tagger said about that word and the entities
/// found in it.
pub fn classify(
    words: &[Word],
    head: Option<usize>,
    tag: HeadTag,
    ents: SourceEntities,
) -> SourceKind {
    let lower: Vec<&str> = words.iter().map(|w| w.lower.as_str()).collect();
    // (An acronym is no pronoun: "WHO warns of rising measles cases".)
    let acronym = words.len() == 1 && words[0].all_caps && lower[0].len() >= 3;
    if lower.len() == 1 && PRONOUNS.contains(&lower[0]) && !acronym {
        return SourceKind::Pronoun;
    }
    // "one of the people", "two of those officials": some of an anonymous
    // set are anonymous too.
    let partitive = lower.len() > 2
        && lower[1] == "of"
        && (is_number(lower[0])
            || matches!(
                lower[0],
                "one" | "some" | "several" | "many" | "most" | "each" | "another" | "both" | "all"
            ));
    if partitive
        && classify(
            &words[2..],
            None,
            HeadTag::default(),
            SourceEntities::default(),
        ) == SourceKind::Anonymous
    {
        return SourceKind::Anonymous;
    }
    // The head is the last word before a post-modifier ("officials cited by
    // NBC", "findings from the CIA", "Michael McFaul, former ambassador").
    // A parse that heads the phrase with a function word ("The | Republican
    // presidential candidate") is no guide: read the phrase's own head.
    let function_head = lower.len() > 1
        && matches!(
            tag.upos,
            Some(Upos::Det | Upos::Adp | Upos::Cconj | Upos::Sconj | Upos::Part | Upos::Punct)
        );
    let (head, tag) = if function_head {
        (None, HeadTag::default())
    } else {
        (head, tag)
    };
    let head_ix = head.unwrap_or_else(|| default_head(&lower));
    let head_word = lower.get(head_ix).copied().unwrap_or("");
    let has_name = ents.person || ents.organization || ents.media;
    if lower.iter().any(|w| ANONYMOUS_MARKERS.contains(w)) {
        return SourceKind::Anonymous;
    }
    // "the Interfax news agency", "state news agency KCNA", "the wire
    // service": an agency that reports the news is an outlet; so is "the
    // newspaper Helsingin Sanomat", named after the word for it.
    let named_outlet = {
        let rest: Vec<&Word> = words.iter().skip_while(|w| w.lower == "the").collect();
        // (A common noun, not "Media Research Center's Bozell".)
        rest.len() >= 2
            && !rest[0].capitalised
            && OUTLET_HEADS.contains(&rest[0].lower.as_str())
            && rest[1].capitalised
    };
    if named_outlet
        || lower
            .windows(2)
            .any(|w| matches!((w[0], w[1]), ("news", "agency") | ("wire", "service")))
    {
        return SourceKind::Media;
    }
    // "More than 120 Labour MPs", "Senate Democrats", "Tory MPs": members
    // of a party or body, several people, whatever the name tagger made of
    // the phrase.
    // (Listed people nouns only: "The Lakers" is a team. "MPs" may be
    // tagged a singular proper noun.)
    // A parse may head a name at its first word ("Tory | MPs", flat): the
    // phrase's last word counts too, when no "of" comes before it ("the
    // House of Representatives" is a body).
    let compact = lower.len() <= 3;
    let last_word = lower
        .last()
        .copied()
        .filter(|_| compact && !lower.contains(&"of"));
    let plural_listed = |w: &str| {
        w.strip_suffix('s')
            .is_some_and(|noun| noun.len() >= 2 && is_listed_person_noun(noun))
    };
    let members = (tag.plural && is_listed_person_noun(&singular(head_word, tag.lemma)))
        || plural_listed(head_word)
        || last_word.is_some_and(plural_listed);
    // A person's name leads only a short phrase of members or a
    // coordination ("Trump and his attorneys"); "The Democrats' leading
    // candidate, Vermont Sen. Bernie Sanders" is one person.
    let several = compact || lower.contains(&"and");
    if members
        && match ents.head_kind {
            // (Not when a person is named in a longer phrase: "The
            // Democrats' leading candidate, Vermont Sen. Bernie Sanders".)
            Some(EntityKind::Organization | EntityKind::Norp) => compact || !ents.person,
            Some(EntityKind::Person) => several,
            _ => false,
        }
    {
        return SourceKind::Group;
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
    // A name inside a phrase headed by a common noun is not what the phrase
    // names: "Gordon's design of a rampart" is a thing, "a detective for the
    // Sheriff's office" a person, "the Clinton campaign" a body. A
    // spokesman still speaks for the body named ("an FBI spokesman"). A
    // common noun capitalised only because it starts the phrase
    // ("Children in mainland Australia") is still a common noun.
    let common_head = ents.head_kind.is_none()
        && !ents.name_off_head
        && tag.upos == Some(Upos::Noun)
        && words.get(head_ix).is_some_and(|w| {
            !w.capitalised
                    || head_ix == 0 && !tag.capitalised_elsewhere
                    // An office capitalised as in a title ("the former
                    // CEO of Hewlett-Packard") is still a person's.
                    || lexicon::is_title_word(&w.lower)
        })
        && !head_word.starts_with("spokes");
    if common_head && (ents.person || ents.media || ents.organization) {
        return common_noun_kind(words, head_ix, tag);
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
    // "the Italian told reporters", "a Republican said": one person.
    if norp_head
        // (Capitalised as a name, not an acronym: "the GOP" is a group.)
        && words.get(head_ix).is_some_and(|w| {
            let mut chars = w.lower.chars();
            let title_case = chars.next().is_some_and(char::is_alphabetic)
                && chars.all(char::is_lowercase);
            w.capitalised && !w.all_caps && title_case && lexicon::names_one_of_a_people(&w.lower)
        })
        && words
            .first()
            .is_some_and(|w| matches!(w.lower.as_str(), "the" | "a" | "an"))
    {
        return SourceKind::Person;
    }
    if GROUP_HEADS.contains(&head_word) || norp_head {
        return SourceKind::Group;
    }
    let name: Vec<&Word> = words.iter().skip_while(|w| w.lower == "the").collect();
    let party = name.iter().all(|w| w.capitalised)
        && lexicon::is_party_name(
            &name
                .iter()
                .map(|w| w.lower.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        );
    if looks_like_organization(words, head)
        || party
        || is_body_head(head_word)
        || is_web_address(head_word)
    {
        return SourceKind::Organization;
    }
    if OUTLET_HEADS.contains(&head_word) {
        return SourceKind::Media;
    }
    if COUNT_HEADS.contains(&head_word) {
        return SourceKind::Group;
    }
    common_noun_kind(words, head_ix, tag)
}

/// The kind of a source that no name, entity or listed head types: people
/// nouns give persons and groups, numbers give counts of people or years,
/// names the tagger knows give persons, and other common nouns name things
/// ("the photo below shows", "tradition dictates").
fn common_noun_kind(words: &[Word], head_ix: usize, tag: HeadTag) -> SourceKind {
    let Some(head) = words.get(head_ix) else {
        return SourceKind::Person;
    };
    // "he and his staff", "she … she".
    if PRONOUNS.contains(&head.lower.as_str()) && !DETERMINER_HEADS.contains(&head.lower.as_str()) {
        return SourceKind::Pronoun;
    }
    let plural = tag.plural || is_plural_common_noun(Some(head));
    // "About four in 10 voters", "One in three": shares of a sample.
    let share = words
        .windows(3)
        .any(|w| is_number(&w[0].lower) && w[1].lower == "in" && is_number(&w[2].lower));
    if share {
        return SourceKind::Group;
    }
    if head.lower.chars().all(|c| c.is_ascii_digit()) {
        let year =
            head.lower.len() == 4 && (head.lower.starts_with("1") || head.lower.starts_with("20"));
        return if year {
            SourceKind::Other
        } else {
            SourceKind::Group
        };
    }
    let noun = singular(&head.lower, tag.lemma);
    let noun = noun.as_ref();
    if COLLECTIVE_HEADS.contains(&noun)
        || GROUP_HEADS.contains(&head.lower.as_str())
        || COUNT_HEADS.contains(&noun)
    {
        return SourceKind::Group;
    }
    // "A handful of Republican insiders", "a number of analysts": the
    // people counted.
    if QUANTITY_HEADS.contains(&noun) {
        let counted = words[head_ix + 1..]
            .iter()
            .skip_while(|w| w.lower != "of")
            .any(|w| {
                names_people(&singular(&w.lower, "")) || GROUP_HEADS.contains(&w.lower.as_str())
            });
        if counted {
            return SourceKind::Group;
        }
    }
    // Not "may": "May said" is Theresa May more often than the month.
    if (is_month_name(noun) && noun != "may") || WEEKDAYS.contains(&noun) {
        return SourceKind::Other;
    }
    if is_body_head(noun) || OUTLET_HEADS.contains(&noun) {
        // "Companies", "the firms": several bodies.
        return if plural {
            SourceKind::Group
        } else if OUTLET_HEADS.contains(&noun) {
            SourceKind::Media
        } else {
            SourceKind::Organization
        };
    }
    if DOCUMENT_HEADS.contains(&noun) {
        return SourceKind::Document;
    }
    // "the Philippine coast guard", "the state's national guard": a
    // service, not a guard on duty.
    let before = head_ix.checked_sub(1).and_then(|k| words.get(k));
    if noun == "guard" && before.is_some_and(|w| matches!(w.lower.as_str(), "coast" | "national")) {
        return SourceKind::Organization;
    }
    let counted_people = CARDINALS[1..].contains(&head.lower.as_str())
        || NUMBER_HEADS.contains(&head.lower.as_str());
    if names_people(noun) || counted_people {
        return if plural {
            SourceKind::Group
        } else {
            SourceKind::Person
        };
    }
    // A name the entity layer missed ("Sweet said", "Williams"): a
    // capitalised word the tagger calls a proper noun, that the document
    // capitalises earlier inside a sentence, or that comes after the
    // phrase's first word (the tagger often calls "Whigs" common nouns);
    // any capitalised word when there are no tags.
    let name = head.capitalised
        && !head
            .lower
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit())
        && (head_ix > 0 || tag.capitalised_elsewhere || tag.upos.is_none_or(|u| u == Upos::Propn));
    if name && plural && head_ix > 0 {
        return SourceKind::Group;
    }
    if name || DETERMINER_HEADS.contains(&head.lower.as_str()) {
        return SourceKind::Person;
    }
    SourceKind::Other
}

/// Nouns for collections of people: "the family", "the couple", "the crowds".
const COLLECTIVE_HEADS: &[&str] = &[
    "army",
    "audience",
    "authorities",
    "left",
    "ones",
    "right",
    "band",
    "elite",
    "establishment",
    "leadership",
    "bunch",
    "camp",
    "casualties",
    "casualty",
    "community",
    "couple",
    "crew",
    "crowd",
    "dead",
    "electorate",
    "family",
    "faction",
    "folk",
    "folks",
    "generation",
    "guys",
    "jury",
    "movement",
    "pair",
    "panel",
    "public",
    "rest",
    "side",
    "squad",
    "staff",
    "trio",
];

/// Nouns that count what follows their "of".
const QUANTITY_HEADS: &[&str] = &[
    "handful",
    "plurality",
    "number",
    "lot",
    "majority",
    "minority",
    "share",
    "third",
    "quarter",
    "fraction",
    "host",
    "range",
    "variety",
    "dozen",
    "hundred",
    "thousand",
    "million",
    "score",
    "slew",
    "array",
    "string",
    "coalition",
    "collection",
];

/// Words that head a source standing for people without naming a noun
/// ("Another said", "the latter", "the other").
const DETERMINER_HEADS: &[&str] = &[
    "one",
    "those",
    "whoever",
    "whomever",
    "another",
    "other",
    "latter",
    "former",
    "each",
    "either",
    "neither",
    "none",
    "nobody",
    "everybody",
    "someone",
    "anyone",
    "everyone",
    "no-one",
];

/// Number words from one to ten.
const CARDINALS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// Number words that stand for people counted: "the two", "dozens".
const NUMBER_HEADS: &[&str] = &["dozen", "dozens", "hundreds", "thousands", "millions"];

fn is_number(w: &str) -> bool {
    let digits = !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == ',');
    digits || CARDINALS.contains(&w)
}

/// The singular of a lower-cased noun: the tagger's lemma when it has one,
/// else the word without a plural ending.
fn singular<'a>(lower: &'a str, lemma: &'a str) -> Cow<'a, str> {
    if !lemma.is_empty() && lemma.chars().all(|c| !c.is_uppercase()) {
        return Cow::Borrowed(lemma);
    }
    if let Some(stem) = lower.strip_suffix("ies").filter(|s| s.len() > 1) {
        return Cow::Owned(format!("{stem}y"));
    }
    if lower.len() > 3 && lower.ends_with('s') && !lower.ends_with("ss") && !lower.ends_with("us") {
        return Cow::Borrowed(&lower[..lower.len() - 1]);
    }
    Cow::Borrowed(lower)
}

/// Whether a lower-cased common noun names a body ("the campaign", "the
/// ministry"; the entity layer's words for companies too: "the
/// manufacturer", "the insurer").
pub(crate) fn is_body_head(lower: &str) -> bool {
    // (Not the list's words that head other things too: "a body of work",
    // "the political system", "his brand", "a health care provider".)
    BODY_HEADS.contains(&lower)
        || lexicon::is_body_noun(lower)
            && !matches!(lower, "body" | "system" | "brand" | "provider")
}

/// Whether a common noun (lower-cased, with the tagger's lemma or "") names
/// people: "official", "voters", "the former prime minister".
pub(crate) fn noun_names_people(lower: &str, lemma: &str) -> bool {
    is_people_head(lower) || names_people(&singular(lower, lemma))
}

/// Whether a singular common noun is listed as naming a person (no
/// agent-noun guess: "laker" is not).
fn is_listed_person_noun(noun: &str) -> bool {
    PERSON_NOUNS.binary_search(&noun).is_ok() || lexicon::is_person_noun(noun)
}

/// Whether a singular common noun names a person: listed, or built as an
/// agent noun ("-ist", "-ian", "-er", "-or", "-man", "-ee") and not one of
/// the things built alike ("paper", "factor", "committee").
pub(crate) fn names_people(noun: &str) -> bool {
    // "Ex-diplomat", "ex-wife", "co-founder": the noun after the prefix.
    let noun = ["ex-", "co-", "vice-"]
        .iter()
        .find_map(|p| noun.strip_prefix(p))
        .filter(|rest| !rest.is_empty())
        .unwrap_or(noun);
    if is_listed_person_noun(noun) || is_people_head(noun) || lexicon::is_relation_noun(noun) {
        return true;
    }
    if AGENT_LOOKALIKES.binary_search(&noun).is_ok() {
        return false;
    }
    let n = noun.len();
    (n >= 6 && noun.ends_with("ist"))
        || (n >= 5 && noun.ends_with("ian"))
        || (n >= 5 && (noun.ends_with("er") || noun.ends_with("or")))
        || (n >= 6 && noun.ends_with("ee"))
        || noun.ends_with("surgeon")
        || noun.ends_with("man")
        || noun.ends_with("men")
        || noun.ends_with("mate")
        || noun.ends_with("person")
        // "the 22-year-old", "the Spaniard".
        || noun.ends_with("-year-old")
        || matches!(noun, "spaniard" | "swede" | "dane" | "briton" | "scot")
}

/// Nouns for people that no agent-noun ending gives away and the entity
/// lexicon's person and relation nouns do not list (sorted).
const PERSON_NOUNS: &[&str] = &[
    "accomplice",
    "adult",
    "advocate",
    "agent",
    "ally",
    "anchor",
    "applicant",
    "architect",
    "aristocrat",
    "artiste",
    "assistant",
    "athlete",
    "attendant",
    "backer",
    "being",
    "bishop",
    "boss",
    "bride",
    "buddy",
    "cardinal",
    "casualty",
    "celebrity",
    "chair",
    "champion",
    "chef",
    "citizen",
    "civilian",
    "clerk",
    "client",
    "co-founder",
    "coach",
    "cofounder",
    "colleague",
    "commandant",
    "comrade",
    "consultant",
    "contestant",
    "convict",
    "cop",
    "counsel",
    "countess",
    "critic",
    "czar",
    "dad",
    "defendant",
    "delegate",
    "democrat",
    "deputy",
    "descendant",
    "dignitary",
    "doctor",
    "duchess",
    "duke",
    "emperor",
    "empress",
    "enemy",
    "fan",
    "fiance",
    "follower",
    "genius",
    "god",
    "goddess",
    "goer",
    "graduate",
    "grandchild",
    "guard",
    "guest",
    "guru",
    "guy",
    "head",
    "heavyweight",
    "heir",
    "heiress",
    "hero",
    "heroine",
    "hostess",
    "human",
    "idol",
    "immigrant",
    "incumbent",
    "individual",
    "inmate",
    "intern",
    "journalist",
    "juror",
    "kid",
    "knight",
    "lady",
    "lead",
    "legend",
    "liberal",
    "lieutenant",
    "lobbyist",
    "lord",
    "magnate",
    "maid",
    "major",
    "manager",
    "marquis",
    "mate",
    "mep",
    "migrant",
    "millionaire",
    "mistress",
    "mom",
    "monarch",
    "monk",
    "mp",
    "mum",
    "native",
    "nun",
    "nurse",
    "occupant",
    "opponent",
    "orphan",
    "participant",
    "pastor",
    "patient",
    "patriarch",
    "peer",
    "people",
    "person",
    "pilgrim",
    "pilot",
    "pioneer",
    "poet",
    "priest",
    "princess",
    "principal",
    "professional",
    "prophet",
    "protagonist",
    "protege",
    "protégé",
    "publicist",
    "rabbi",
    "recipient",
    "refugee",
    "regent",
    "relative",
    "rep",
    "republican",
    "resident",
    "respondent",
    "rival",
    "saint",
    "scholar",
    "sergeant",
    "servant",
    "sibling",
    "soldier",
    "sponsor",
    "spouse",
    "stakeholder",
    "student",
    "successor",
    "surgeon",
    "surrogate",
    "survivor",
    "suspect",
    "teen",
    "tenant",
    "tsar",
    "tycoon",
    "user",
    "whip",
    "witness",
    "youth",
];

/// Things spelt like agent nouns (sorted).
const AGENT_LOOKALIKES: &[&str] = &[
    "answer",
    "banner",
    "barrier",
    "behavior",
    "behaviour",
    "border",
    "browser",
    "calculator",
    "cancer",
    "career",
    "center",
    "centre",
    "chamber",
    "chapter",
    "character",
    "charter",
    "cluster",
    "color",
    "colour",
    "committee",
    "computer",
    "container",
    "corner",
    "corridor",
    "counter",
    "cover",
    "degree",
    "dinner",
    "disaster",
    "door",
    "elevator",
    "error",
    "exterior",
    "factor",
    "favor",
    "favour",
    "fever",
    "filter",
    "finger",
    "floor",
    "flower",
    "folder",
    "generator",
    "guarantee",
    "headquarter",
    "honor",
    "honour",
    "horror",
    "humor",
    "humour",
    "indicator",
    "interior",
    "labor",
    "labour",
    "ladder",
    "layer",
    "letter",
    "liter",
    "litre",
    "liver",
    "manner",
    "marker",
    "matter",
    "meter",
    "metre",
    "mirror",
    "monitor",
    "motor",
    "newsletter",
    "number",
    "order",
    "paper",
    "poster",
    "power",
    "printer",
    "processor",
    "quarter",
    "radiator",
    "reactor",
    "register",
    "river",
    "rumor",
    "rumour",
    "scanner",
    "sector",
    "sensor",
    "server",
    "shelter",
    "shower",
    "sticker",
    "summer",
    "terror",
    "theater",
    "theatre",
    "timer",
    "tower",
    "tracker",
    "tractor",
    "trailer",
    "transistor",
    "tumor",
    "vapor",
    "water",
    "weather",
    "winter",
];

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
    "distribution",
    "water",
    "power",
    "utilities",
    "railways",
    "airlines",
];

/// A capitalised name with an institution word ("the Office of the Director
/// of National Intelligence") or an acronym ("The RNC", "The FBI last month").
fn looks_like_organization(words: &[Word], head: Option<usize>) -> bool {
    let acronym = |w: &Word| {
        w.capitalised
            && (2..=6).contains(&w.lower.len())
            && w.lower.chars().all(|c| c.is_ascii_alphabetic())
    };
    let first_ix = words.iter().position(|w| w.lower != "the");
    let first = first_ix.map(|i| &words[i]);
    // An acronym modifying a parsed head is not the name ("HR | outsourcing").
    let acronym_heads = head.is_none_or(|h| Some(h) == first_ix);
    first.is_some_and(|w| w.capitalised)
        && words
            .iter()
            .any(|w| w.capitalised && ORG_WORDS.contains(&w.lower.as_str()))
        || acronym_heads && first.is_some_and(|w| acronym(w) && w.all_caps)
}

/// A site named by its address ("according to PowerOutage.us", "Data.gov"):
/// a name, a dot and a top-level domain of two to six letters.
fn is_web_address(word: &str) -> bool {
    word.rsplit_once('.').is_some_and(|(name, domain)| {
        !name.is_empty()
            && name.chars().next().is_some_and(char::is_alphanumeric)
            && (2..=6).contains(&domain.len())
            && domain.chars().all(|c| c.is_ascii_lowercase())
    })
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
        classify(
            &words_in(&d, Span::new(0, d.char_len())),
            None,
            HeadTag::default(),
            ents,
        )
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
        assert_eq!(
            kind("The Philippine coast guard", none),
            SourceKind::Organization
        );
        assert_eq!(kind("A guard", none), SourceKind::Person);
        // Members of a body or party, whatever the name tagger called the phrase.
        let org = SourceEntities {
            organization: true,
            head_kind: Some(EntityKind::Organization),
            ..none
        };
        let named = SourceEntities {
            person: true,
            head_kind: Some(EntityKind::Person),
            ..none
        };
        assert_eq!(kind("More than 120 Labour MPs", org), SourceKind::Group);
        assert_eq!(kind("Senate Democrats", org), SourceKind::Group);
        assert_eq!(kind("Tory MPs", named), SourceKind::Group);
        assert_eq!(
            kind("The House of Representatives", org),
            SourceKind::Organization
        );
        assert_eq!(kind("James Harris", named), SourceKind::Person);
        assert_eq!(kind("the Interfax news agency", org), SourceKind::Media);
        assert_eq!(
            kind("the newspaper Helsingin Sanomat", named),
            SourceKind::Media
        );
        assert_eq!(kind("52 percent of voters", none), SourceKind::Group);
        // People counted by surveys.
        assert_eq!(kind("Millennials", none), SourceKind::Group);
        assert_eq!(kind("the adolescents", none), SourceKind::Group);
        assert_eq!(kind("the senator", none), SourceKind::Person);
        assert_eq!(kind("PowerOutage.us", none), SourceKind::Organization);
        assert_eq!(kind("Data.gov", none), SourceKind::Organization);
        // Bodies no tagger typed, by their names.
        assert_eq!(kind("Labour", none), SourceKind::Organization);
        assert_eq!(kind("Sinn Féin", none), SourceKind::Organization);
        assert_eq!(
            kind("Western Power Distribution", none),
            SourceKind::Organization
        );
        assert_eq!(kind("the air force", none), SourceKind::Organization);
        assert_eq!(kind("one of the people", none), SourceKind::Anonymous);
        assert_eq!(kind("two of those officials", none), SourceKind::Anonymous);
        assert_eq!(
            kind("US intelligence officials", none),
            SourceKind::Anonymous
        );
        assert_eq!(
            kind("two people briefed on the plans", none),
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
        assert_eq!(kind("Ex-diplomat", none), SourceKind::Person);
        assert_eq!(kind("the co-founder", none), SourceKind::Person);
        assert_eq!(kind("Williams", none), SourceKind::Person);
        let norp = SourceEntities { norp: true, ..none };
        assert_eq!(kind("The Russian president", norp), SourceKind::Person);
        let norp_head = SourceEntities {
            norp: true,
            head_kind: Some(EntityKind::Norp),
            ..none
        };
        assert_eq!(kind("the Italian", norp_head), SourceKind::Person);
        assert_eq!(kind("the Italians", norp_head), SourceKind::Group);
        assert_eq!(kind("the Chinese", norp_head), SourceKind::Group);
        assert_eq!(kind("the GOP", norp_head), SourceKind::Group);
        assert_eq!(kind("a Republican", norp_head), SourceKind::Person);
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

    /// The kind of `src` whose word `head` the tagger read as `upos`
    /// (`lemma`, plural or not).
    fn tagged(src: &str, head: usize, lemma: &str, upos: Upos, plural: bool) -> SourceKind {
        let d = Document::new(src);
        let tag = HeadTag {
            lemma,
            upos: Some(upos),
            plural,
            capitalised_elsewhere: false,
        };
        classify(
            &words_in(&d, Span::new(0, d.char_len())),
            Some(head),
            tag,
            SourceEntities::default(),
        )
    }

    #[test]
    fn a_capitalised_first_common_noun_still_heads_the_phrase() {
        let d = Document::new("Executives for Mondelez");
        let words = words_in(&d, Span::new(0, d.char_len()));
        let org = SourceEntities {
            organization: true,
            ..SourceEntities::default()
        };
        let tag = |capitalised_elsewhere| HeadTag {
            lemma: "executive",
            upos: Some(Upos::Noun),
            plural: true,
            capitalised_elsewhere,
        };
        assert_eq!(
            classify(&words, Some(0), tag(false), org),
            SourceKind::Group
        );
        // Written capitalised inside earlier sentences: a name the entity
        // layer missed, so the organisation named decides as before.
        assert_eq!(
            classify(&words, Some(0), tag(true), org),
            SourceKind::Organization
        );
    }

    #[test]
    fn common_nouns_name_people_bodies_or_things() {
        use Upos::{Noun, Num, Propn};
        // Things and ideas are not persons.
        assert_eq!(
            tagged("the photo below", 1, "photo", Noun, false),
            SourceKind::Other
        );
        assert_eq!(
            tagged("tradition", 0, "tradition", Noun, false),
            SourceKind::Other
        );
        assert_eq!(
            tagged("The debate", 1, "debate", Noun, false),
            SourceKind::Other
        );
        assert_eq!(
            tagged("his interests", 1, "interest", Noun, true),
            SourceKind::Other
        );
        assert_eq!(
            tagged("HR outsourcing", 1, "outsourcing", Noun, false),
            SourceKind::Other
        );
        assert_eq!(
            tagged("the paper", 1, "paper", Noun, false),
            SourceKind::Document
        );
        // People nouns, listed or built as agent nouns.
        assert_eq!(
            tagged("the judge", 1, "judge", Noun, false),
            SourceKind::Person
        );
        assert_eq!(
            tagged("The narrator", 1, "narrator", Noun, false),
            SourceKind::Person
        );
        assert_eq!(
            tagged("the radioman", 1, "radioman", Noun, false),
            SourceKind::Person
        );
        assert_eq!(
            tagged("a physician", 1, "physician", Noun, false),
            SourceKind::Person
        );
        assert_eq!(
            tagged("some participants", 1, "participant", Noun, true),
            SourceKind::Group
        );
        assert_eq!(
            tagged("fishermen", 0, "fisherman", Noun, true),
            SourceKind::Group
        );
        // Things spelt like agent nouns.
        assert_eq!(
            tagged("the computer", 1, "computer", Noun, false),
            SourceKind::Other
        );
        assert_eq!(
            tagged("That factor", 1, "factor", Noun, false),
            SourceKind::Other
        );
        // Collectives, bodies, outlets and counts.
        assert_eq!(
            tagged("the couple", 1, "couple", Noun, false),
            SourceKind::Group
        );
        assert_eq!(
            tagged("The non-profit", 1, "non-profit", Noun, false),
            SourceKind::Organization
        );
        assert_eq!(
            tagged("the firms", 1, "firm", Noun, true),
            SourceKind::Group
        );
        assert_eq!(
            tagged("the media", 1, "media", Noun, false),
            SourceKind::Media
        );
        assert_eq!(
            tagged("About four in 10", 1, "four", Num, false),
            SourceKind::Group
        );
        assert_eq!(tagged("43", 0, "43", Num, false), SourceKind::Group);
        assert_eq!(tagged("1710", 0, "1710", Num, false), SourceKind::Other);
        assert_eq!(
            tagged(
                "A handful of Republican insiders",
                1,
                "handful",
                Noun,
                false
            ),
            SourceKind::Group
        );
        assert_eq!(
            tagged("a number of votes", 1, "number", Noun, false),
            SourceKind::Other
        );
        // Names the entity layer missed, and months.
        assert_eq!(
            tagged("Sweet", 0, "Sweet", Propn, false),
            SourceKind::Person
        );
        assert_eq!(
            tagged("most Whigs", 1, "whig", Noun, true),
            SourceKind::Group
        );
        assert_eq!(
            tagged("Language", 0, "language", Noun, false),
            SourceKind::Other
        );
        assert_eq!(
            tagged("October", 0, "October", Propn, false),
            SourceKind::Other
        );
        // Pronoun heads of longer sources; pronoun-like heads for people.
        assert_eq!(
            tagged("he and his staff", 0, "he", Upos::Pron, false),
            SourceKind::Pronoun
        );
        assert_eq!(
            tagged("one of her brothers", 0, "one", Num, false),
            SourceKind::Person
        );
        assert_eq!(
            tagged("Another", 0, "another", Upos::Det, false),
            SourceKind::Person
        );
    }

    #[test]
    fn lexicons_are_sorted_for_binary_search() {
        for list in [PERSON_NOUNS, AGENT_LOOKALIKES] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{:?}", &list[..3]);
        }
    }
}
