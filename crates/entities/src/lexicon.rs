//! Hand-written word lists: titles, nationalities and parties, news outlets,
//! gendered first names. Small on purpose: the tagger finds names; these lists
//! only type and link what it finds.

use std::sync::LazyLock;

/// Office and role words that precede a name ("Sen.", "President-elect") or head
/// a description of a person ("the ambassador"). Lower-case.
pub const TITLE_WORDS: &[&str] = &[
    "president",
    "president-elect",
    "vice",
    "sen.",
    "senator",
    "rep.",
    "representative",
    "gov.",
    "governor",
    "mayor",
    "secretary",
    "minister",
    "ambassador",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "dr.",
    "prof.",
    "professor",
    "judge",
    "justice",
    "gen.",
    "general",
    "col.",
    "lt.",
    "adm.",
    "admiral",
    "chancellor",
    "premier",
    "king",
    "queen",
    "prince",
    "pope",
    "speaker",
    "leader",
    "attorney",
    "lawyer",
    "candidate",
    "nominee",
    "commissioner",
    "sheriff",
    "chief",
    "officer",
    "official",
    "analyst",
    "expert",
    "agent",
    "adviser",
    "advisor",
    "aide",
    "strategist",
    "manager",
    "founder",
    "executive",
    "economist",
    "mr.",
    "mrs.",
    "ms.",
    "miss",
    "sgt.",
    "capt.",
    "captain",
    "congressman",
    "congresswoman",
    "lawmaker",
    "diplomat",
    "envoy",
    "head",
    "editor",
    "reporter",
    "correspondent",
    "researcher",
    "scientist",
    "author",
    "coach",
    "owner",
    "deputy",
    "former",
    "acting",
    "prime",
    "first",
    "lady",
    "pastor",
    "reverend",
    "rev.",
    "detective",
    "prosecutor",
    "democrat",
    "republican",
    "activist",
    "host",
    "anchor",
];

/// Common nouns (lemmas) for a company or institution: what an apposition
/// after an organization's name is headed by ("HCA, one of the largest
/// hospital systems", "Acme, a company based in Ohio").
pub fn is_body_noun(w: &str) -> bool {
    matches!(
        w,
        "company"
            | "firm"
            | "corporation"
            | "conglomerate"
            | "startup"
            | "chain"
            | "insurer"
            | "bank"
            | "airline"
            | "hospital"
            | "nonprofit"
            | "non-profit"
            | "charity"
            | "foundation"
            | "institute"
            | "university"
            | "college"
            | "agency"
            | "organization"
            | "organisation"
            | "association"
            | "coalition"
            | "union"
            | "subsidiary"
            | "brand"
            | "utility"
            | "tank"
            | "body"
            | "regulator"
            | "watchdog"
            // "one of the largest hospital systems", "the nation's biggest
            // drugmaker", "a Detroit-based automaker"
            | "system"
            | "provider"
            | "retailer"
            | "manufacturer"
            | "automaker"
            | "carmaker"
            | "drugmaker"
            | "lender"
            | "giant"
            | "supplier"
            | "distributor"
    )
}

/// Title words that may head a definite description of a person ("the senator").
pub fn is_person_noun(w: &str) -> bool {
    matches!(
        w,
        "president"
            | "president-elect"
            | "senator"
            | "governor"
            | "mayor"
            | "secretary"
            | "minister"
            | "ambassador"
            | "director"
            | "chairman"
            | "chairwoman"
            | "ceo"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "professor"
            | "judge"
            | "general"
            | "chancellor"
            | "premier"
            | "king"
            | "queen"
            | "prince"
            | "pope"
            | "speaker"
            | "leader"
            | "attorney"
            | "lawyer"
            | "candidate"
            | "nominee"
            | "commissioner"
            | "sheriff"
            | "chief"
            | "officer"
            | "official"
            | "analyst"
            | "expert"
            | "adviser"
            | "advisor"
            | "aide"
            | "strategist"
            | "manager"
            | "founder"
            | "executive"
            | "economist"
            | "congressman"
            | "congresswoman"
            | "lawmaker"
            | "diplomat"
            | "envoy"
            | "editor"
            | "reporter"
            | "researcher"
            | "scientist"
            | "author"
            | "coach"
            | "owner"
            | "businessman"
            | "businesswoman"
            | "billionaire"
            | "actor"
            | "actress"
            | "singer"
            | "player"
            | "prosecutor"
            | "detective"
            | "activist"
            | "host"
            | "man"
            | "woman"
            | "mogul"
            | "star"
            | "veteran"
            | "representative"
            | "congressmember"
            | "legislator"
            | "politician"
    )
}

/// Gender implied by a title or role noun, when it has one.
pub fn title_gender(w: &str) -> Gender {
    match w {
        "mr." | "mr" | "king" | "prince" | "chairman" | "spokesman" | "congressman"
        | "businessman" | "man" | "actor" | "pope" | "boy" | "son" | "father" | "brother"
        | "husband" | "uncle" | "nephew" | "grandson" | "grandfather" | "stepson" | "boyfriend"
        | "widower" | "gentleman" => Gender::Male,
        "mrs." | "mrs" | "ms." | "ms" | "miss" | "queen" | "princess" | "chairwoman"
        | "spokeswoman" | "congresswoman" | "businesswoman" | "woman" | "actress" | "lady"
        | "girl" | "daughter" | "mother" | "sister" | "wife" | "aunt" | "niece"
        | "granddaughter" | "grandmother" | "stepdaughter" | "girlfriend" | "widow" => {
            Gender::Female
        }
        _ => Gender::Unknown,
    }
}

/// The legal or group word that ends a company's full name ("Acme Corp.",
/// "Alphabet Inc", "Tata Group"): without it, the name is still the
/// company's.
pub fn is_company_suffix(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "corp"
            | "corp."
            | "corporation"
            | "inc"
            | "inc."
            | "incorporated"
            | "co"
            | "co."
            | "company"
            | "ltd"
            | "ltd."
            | "limited"
            | "llc"
            | "l.l.c."
            | "plc"
            | "lp"
            | "l.p."
            | "ag"
            | "sa"
            | "s.a."
            | "nv"
            | "n.v."
            | "gmbh"
            | "group"
            | "holdings"
    )
}

/// Honorifics written without a full stop, as British and Irish outlets
/// write them ("Ms Collins", "Dr Shah"). Matched with their case, so that
/// "DR Congo" and "MS" (the disease, the company) are not titles.
pub fn is_bare_honorific(w: &str) -> bool {
    matches!(w, "Mr" | "Mrs" | "Ms" | "Mx" | "Dr" | "Prof" | "Messrs")
}

/// Is `w` (lower-case) a title word?
pub fn is_title_word(w: &str) -> bool {
    listed_lower(w).title()
}

/// Nouns for people by relation or age ("their child, Gloria"; "his wife
/// Manju"): a name right after one is a person's.
pub fn is_relation_noun(w: &str) -> bool {
    matches!(
        w,
        "child"
            | "son"
            | "daughter"
            | "wife"
            | "husband"
            | "mother"
            | "father"
            | "brother"
            | "sister"
            | "baby"
            | "infant"
            | "boy"
            | "girl"
            | "man"
            | "woman"
            | "grandson"
            | "granddaughter"
            | "grandmother"
            | "grandfather"
            | "uncle"
            | "aunt"
            | "nephew"
            | "niece"
            | "cousin"
            | "fiancé"
            | "fiancee"
            | "fiancée"
            | "girlfriend"
            | "boyfriend"
            | "partner"
            | "widow"
            | "widower"
            | "friend"
            | "victim"
            | "teenager"
            | "toddler"
            | "stepson"
            | "stepdaughter"
    )
}

/// Nationalities, religions and political groups (NORP), capitalised forms.
pub fn is_norp(w: &str) -> bool {
    listed(w).norp()
}

/// A name of two words or more that is a known outlet, or a known outlet's
/// brand followed by a section or channel word: "Fox Business", "CNN
/// Money", "NBC News". A person whose first name happens to be a brand
/// ("Fox Mulder") does not end in such a word, and a lone surname that is
/// also a brand ("Fox" for Vicente Fox) is left to the tagger.
pub fn is_outlet_brand_name(words: &[&str]) -> bool {
    match words {
        [] | [_] => false,
        [first, .., last] => {
            is_known_outlet(&words.join(" "))
                || is_known_outlet(first)
                    && (is_media_word(last)
                        || matches!(*last, "Business" | "Sports" | "Money" | "Politics"))
        }
    }
}

/// Words that make an organisation name a news outlet ("X News", "the X Times").
pub fn is_media_word(w: &str) -> bool {
    listed(w).media_word()
}

/// Well-known outlets whose names carry no outlet word.
pub fn is_known_outlet(name: &str) -> bool {
    listed(name).known_outlet()
}

/// Political parties named without the word "Party" ("Labour said…"),
/// which taggers trained on American text take for people. Any case.
pub fn is_party_name(name: &str) -> bool {
    const PARTIES: &[&str] = &[
        "labour",
        "snp",
        "lib dems",
        "liberal democrats",
        "plaid cymru",
        "sinn fein",
        "sinn féin",
        "fianna fail",
        "fianna fáil",
        "fine gael",
        "ukip",
        "reform uk",
        "likud",
        "fidesz",
        "afd",
        "cdu",
        "spd",
        "bjp",
        "anc",
        "syriza",
        "podemos",
    ];
    PARTIES.contains(&name.to_lowercase().as_str())
}

/// Grammatical gender of a referent, as far as it is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

/// Gender of a common first name (capitalised form).
pub fn first_name_gender(w: &str) -> Gender {
    listed(w).gender()
}

/// Words that close an organisation name and may be dropped in a short alias
/// ("NBC News" → "NBC", "Apple Inc." → "Apple").
pub fn is_org_suffix(w: &str) -> bool {
    matches!(
        w,
        "News"
            | "Inc"
            | "Inc."
            | "Corp"
            | "Corp."
            | "Corporation"
            | "Co."
            | "Company"
            | "Ltd"
            | "Ltd."
            | "LLC"
            | "Group"
            | "Party"
            | "Network"
            | "Campaign"
    )
}

/// What a (lower-cased) word says when it closes a capitalised name: 1 for
/// words that head organisation names ("Inc.", "University", "Committee"),
/// 2 for place-name heads ("Street", "River", "County"), 3 for words that
/// head either ("Center", "Museum", "Hall"), 0 otherwise. General lexical
/// knowledge for the tagger's name-span features.
pub fn name_head_kind(lower: &str) -> u8 {
    listed_lower(lower).head_kind()
}

/// Nationalities, religions and political groups (NORP), capitalised forms.
const NORP_WORDS: &[&str] = &[
    "Russian",
    "Russians",
    "American",
    "Americans",
    "Chinese",
    "British",
    "French",
    "German",
    "Germans",
    "Iranian",
    "Iranians",
    "Iraqi",
    "Iraqis",
    "Syrian",
    "Syrians",
    "Israeli",
    "Israelis",
    "Palestinian",
    "Palestinians",
    "Mexican",
    "Mexicans",
    "Canadian",
    "Canadians",
    "Japanese",
    "Korean",
    "Koreans",
    "North",
    "Ukrainian",
    "Ukrainians",
    "European",
    "Europeans",
    "Saudi",
    "Saudis",
    "Turkish",
    "Indian",
    "Indians",
    "Italian",
    "Italians",
    "Spanish",
    "Cuban",
    "Cubans",
    "Afghan",
    "Afghans",
    "Pakistani",
    "Egyptian",
    "Libyan",
    "Soviet",
    "Muslim",
    "Muslims",
    "Christian",
    "Christians",
    "Jewish",
    "Jews",
    "Catholic",
    "Catholics",
    "Evangelical",
    "Evangelicals",
    "Islamic",
    "Arab",
    "Arabs",
    "Latino",
    "Latinos",
    "Hispanic",
    "Hispanics",
    "African",
    "Asian",
    "Democrat",
    "Democrats",
    "Democratic",
    "Republican",
    "Republicans",
    "GOP",
    "Conservative",
    "Conservatives",
    "Liberal",
    "Liberals",
    "Libertarian",
    "Socialist",
    "Communist",
    "Sunni",
    "Shiite",
    "Kurdish",
    "Kurds",
    "Western",
    "Australian",
    "Brazilian",
    "Greek",
    "Dutch",
    "Swedish",
    "Polish",
    "Irish",
    "Scottish",
    "English",
    "Venezuelan",
    "Nigerian",
    "Kenyan",
    "Filipino",
    "Vietnamese",
    "Thai",
    "Belarusian",
    "Georgian",
    "Crimean",
    "Yemeni",
    "Lebanese",
    "Jordanian",
    "Qatari",
    "Emirati",
    "Swiss",
    "Austrian",
];

/// Words that make an organisation name a news outlet.
const MEDIA_WORDS: &[&str] = &[
    "News",
    "Times",
    "Post",
    "Journal",
    "Herald",
    "Tribune",
    "Gazette",
    "Telegraph",
    "Guardian",
    "Press",
    "Magazine",
    "Daily",
    "Insider",
    "Chronicle",
    "Review",
    "Monitor",
    "Observer",
    "Reporter",
    "Examiner",
    "Standard",
    "Independent",
    "Radio",
    "Television",
    "TV",
    "Network",
    "Broadcasting",
    "Newsweek",
    "Wire",
    "Dispatch",
    "Mirror",
    "Sun",
    "Register",
    "Inquirer",
    "Bulletin",
    "Courier",
    "Sentinel",
    "Beast",
    "Hill",
    "Atlantic",
    "Politico",
    "Axios",
];

/// Well-known outlets whose names carry no outlet word.
const KNOWN_OUTLETS: &[&str] = &[
    "Reuters",
    "AP",
    "Associated Press",
    "CNN",
    "NBC",
    "ABC",
    "CBS",
    "MSNBC",
    "Fox",
    "BBC",
    "NPR",
    "PBS",
    "Bloomberg",
    "Politico",
    "Breitbart",
    "Vox",
    "Slate",
    "Salon",
    "BuzzFeed",
    "HuffPost",
    "Huffington Post",
    "Axios",
    "AFP",
    "Agence France-Presse",
    "Newsweek",
    "Time",
    "Forbes",
    "Fortune",
    "TASS",
    "RT",
    "Sputnik",
    "Interfax",
    "Al Jazeera",
    "CNBC",
    "C-SPAN",
    "Univision",
    "Telemundo",
    "Mother Jones",
    "The Hill",
    "The Atlantic",
    "The New Yorker",
    "The Economist",
    "Vice",
    "Gawker",
    "Mashable",
    "TechCrunch",
    "Wired",
    "ProPublica",
    "The Intercept",
    "Daily Beast",
    "The Daily Beast",
    "Yahoo",
    "Yahoo News",
    "Xinhua",
    "Kyodo",
    "Der Spiegel",
    "Le Monde",
    "Haaretz",
    "Wikinews",
    "Rolling Stone",
    "Billboard",
    "Pitchfork",
    "The Verge",
    "Verge",
    "Ars Technica",
    "Engadget",
    "Semafor",
    "Business Insider",
    "Al Arabiya",
    "NDTV",
    "Deutsche Welle",
    "France 24",
    "Euronews",
    "Yonhap",
    "Nikkei",
    "Bild",
    "Le Figaro",
    "El País",
    "Stratechery",
];

/// Common male first names.
const MALE_NAMES: &[&str] = &[
    "Aaron",
    "Abdullah",
    "Adam",
    "Ahmed",
    "Al",
    "Alan",
    "Albert",
    "Alex",
    "Alexander",
    "Alexei",
    "Ali",
    "Andrew",
    "Andy",
    "Anthony",
    "Antonio",
    "Arnold",
    "Barack",
    "Ben",
    "Benjamin",
    "Bernie",
    "Bill",
    "Bob",
    "Boris",
    "Brad",
    "Brian",
    "Bruce",
    "Carl",
    "Carlos",
    "Charles",
    "Chris",
    "Christopher",
    "Chuck",
    "Colin",
    "Daniel",
    "Dan",
    "Dave",
    "David",
    "Dennis",
    "Dick",
    "Dmitry",
    "Don",
    "Donald",
    "Doug",
    "Douglas",
    "Ed",
    "Edward",
    "Eric",
    "Francis",
    "Frank",
    "Fred",
    "Gary",
    "George",
    "Gerald",
    "Greg",
    "Harry",
    "Henry",
    "Howard",
    "Hugh",
    "Ian",
    "Igor",
    "Ivan",
    "Jack",
    "Jacob",
    "James",
    "Jared",
    "Jason",
    "Jeb",
    "Jeff",
    "Jeffrey",
    "Jerry",
    "Jim",
    "Jimmy",
    "Joe",
    "John",
    "Johnny",
    "Jon",
    "Jonathan",
    "Jose",
    "Joseph",
    "Josh",
    "Juan",
    "Justin",
    "Keith",
    "Ken",
    "Kenneth",
    "Kevin",
    "Larry",
    "Lawrence",
    "Lee",
    "Leon",
    "Louis",
    "Marco",
    "Mark",
    "Martin",
    "Matt",
    "Matthew",
    "Max",
    "Michael",
    "Mike",
    "Mitch",
    "Mitt",
    "Mohammed",
    "Muhammad",
    "Nathan",
    "Newt",
    "Nicholas",
    "Nick",
    "Oliver",
    "Patrick",
    "Paul",
    "Pete",
    "Peter",
    "Philip",
    "Phil",
    "Ralph",
    "Rand",
    "Ray",
    "Reince",
    "Richard",
    "Rick",
    "Rob",
    "Robert",
    "Roger",
    "Ron",
    "Ronald",
    "Rudy",
    "Rudolph",
    "Russell",
    "Ryan",
    "Sam",
    "Samuel",
    "Scott",
    "Sean",
    "Sergei",
    "Sergey",
    "Stephen",
    "Steve",
    "Steven",
    "Ted",
    "Thomas",
    "Tim",
    "Timothy",
    "Todd",
    "Tom",
    "Tony",
    "Victor",
    "Vince",
    "Vladimir",
    "Walter",
    "William",
    "Willie",
    "Xi",
    "Bashar",
    "Benny",
    "Hassan",
    "Recep",
    "Emmanuel",
    "Francois",
    "Angelo",
    "Giuseppe",
    "Karl",
    "Klaus",
    "Hans",
    "Wolfgang",
    "Jean",
    "Pierre",
    "Luis",
    "Miguel",
    "Pedro",
    "Kim",
    "Lindsey",
    "Marty",
    "Newton",
    "Orrin",
    "Trey",
    "Corey",
    "Kellyanne_",
    "Rex",
    "Mike",
    "Steve",
    "Jeh",
    "Rahm",
    "Eliot",
    "Chris",
    "Dana",
    "Darrell",
    "Devin",
    "Kirk",
    "Lamar",
    "Mac",
    "Mo",
    "Nate",
    "Roy",
    "Tim",
    "Wayne",
    "Zach",
    "Isaac",
    "Abraham",
    "Mikhail",
    "Yuri",
    "Viktor",
    "Andrei",
    "Anatoly",
    "Nikolai",
    "Leonid",
    "Gennady",
    "Evgeny",
    "Yevgeny",
    "Oleg",
    "Ramzan",
    "Dmitri",
    "Vladislav",
    "Hugo",
    "Fidel",
    "Raul",
    "Nicolas",
    "Enrique",
    "Felipe",
    "Shinzo",
    "Narendra",
    "Justin",
    "Malcolm",
    "Benjamin",
    "Ehud",
    "Ariel",
    "Shimon",
    "Yitzhak",
    "Mahmoud",
    "Yasser",
];

/// Common female first names.
const FEMALE_NAMES: &[&str] = &[
    "Abigail",
    "Alice",
    "Alison",
    "Amanda",
    "Amy",
    "Andrea",
    "Angela",
    "Ann",
    "Anna",
    "Anne",
    "Barbara",
    "Betsy",
    "Betty",
    "Beth",
    "Carly",
    "Carol",
    "Caroline",
    "Catherine",
    "Charlotte",
    "Chelsea",
    "Christina",
    "Christine",
    "Claire",
    "Condoleezza",
    "Debbie",
    "Deborah",
    "Diana",
    "Diane",
    "Donna",
    "Elizabeth",
    "Ellen",
    "Elena",
    "Emily",
    "Emma",
    "Eva",
    "Hillary",
    "Hilary",
    "Heather",
    "Helen",
    "Huma",
    "Ivanka",
    "Jane",
    "Janet",
    "Jennifer",
    "Jessica",
    "Jill",
    "Joan",
    "Joanna",
    "Joni",
    "Judith",
    "Julia",
    "Julie",
    "Karen",
    "Kate",
    "Katherine",
    "Kathleen",
    "Kathy",
    "Kelly",
    "Kellyanne",
    "Kirsten",
    "Laura",
    "Lauren",
    "Linda",
    "Lisa",
    "Loretta",
    "Lynn",
    "Madeleine",
    "Margaret",
    "Maria",
    "Marie",
    "Marine",
    "Martha",
    "Mary",
    "Megyn",
    "Melania",
    "Michelle",
    "Monica",
    "Nancy",
    "Natalia",
    "Nicole",
    "Nikki",
    "Olga",
    "Patricia",
    "Paula",
    "Rachel",
    "Rebecca",
    "Rosa",
    "Ruth",
    "Sally",
    "Samantha",
    "Sandra",
    "Sarah",
    "Sharon",
    "Sheryl",
    "Sonia",
    "Sophie",
    "Stephanie",
    "Susan",
    "Susanna",
    "Suzanne",
    "Tammy",
    "Teresa",
    "Theresa",
    "Tina",
    "Valerie",
    "Victoria",
    "Virginia",
    "Wendy",
    "Yulia",
    "Elaine",
    "Elise",
    "Maxine",
    "Nina",
    "Irina",
    "Svetlana",
    "Tatiana",
    "Ekaterina",
    "Maria",
    "Marion",
    "Margot",
    "Ségolène",
    "Dilma",
    "Cristina",
    "Aung",
    "Benazir",
    "Indira",
    "Golda",
    "Tsai",
    "Park",
    "Mia",
    "Sara",
    "Kristen",
    "Kristin",
    "Meghan",
    "Megan",
    "Hope",
    "Omarosa",
    "Dianne",
    "Barbra",
    "Oprah",
    "Gwen",
    "Gabrielle",
    "Gabby",
    "Tulsi",
    "Kamala",
    "Elizabeth",
    "Heidi",
    "Claire",
    "Jeanne",
    "Shelley",
    "Lisa",
    "Liz",
    "Debra",
];

/// Lower-case words that head organisation names ("Inc.", "University").
const ORG_HEADS: &[&str] = &[
    "inc",
    "inc.",
    "corp",
    "corp.",
    "corporation",
    "co",
    "co.",
    "company",
    "ltd",
    "ltd.",
    "llc",
    "plc",
    "gmbh",
    "ag",
    "sa",
    "group",
    "holdings",
    "partners",
    "associates",
    "bank",
    "association",
    "assn",
    "university",
    "college",
    "school",
    "institute",
    "academy",
    "committee",
    "council",
    "commission",
    "department",
    "dept",
    "dept.",
    "ministry",
    "agency",
    "administration",
    "bureau",
    "office",
    "party",
    "union",
    "federation",
    "league",
    "society",
    "foundation",
    "fund",
    "trust",
    "church",
    "club",
    "team",
    "board",
    "court",
    "senate",
    "congress",
    "parliament",
    "assembly",
    "army",
    "navy",
    "force",
    "forces",
    "police",
    "services",
    "service",
    "systems",
    "technologies",
    "technology",
    "solutions",
    "industries",
    "international",
    "airlines",
    "airways",
    "motors",
    "enterprises",
    "network",
    "news",
    "times",
    "post",
    "journal",
    "press",
    "media",
    "records",
    "studios",
    "entertainment",
    "restaurant",
    "cafe",
    "grill",
    "bar",
    "pizza",
    "store",
    "stores",
    "shop",
    "bakery",
    "salon",
    "hotel",
    "inn",
    "motel",
    "clinic",
    "hospital",
    "laboratory",
    "labs",
    "organization",
    "organisation",
    "coalition",
    "alliance",
    "movement",
    "campaign",
    "firm",
    "consulting",
    "insurance",
    "energy",
    "communications",
    "electric",
    "software",
    "pharmaceuticals",
    "authority",
    "unit",
    "division",
    "corps",
    "brigade",
    "lodge",
    "chamber",
];

/// Lower-case words that head place names ("Street", "County").
const PLACE_HEADS: &[&str] = &[
    "street",
    "st",
    "st.",
    "avenue",
    "ave",
    "ave.",
    "road",
    "rd",
    "rd.",
    "boulevard",
    "blvd",
    "lane",
    "drive",
    "highway",
    "river",
    "lake",
    "sea",
    "ocean",
    "gulf",
    "mountain",
    "mountains",
    "mount",
    "mt",
    "mt.",
    "island",
    "islands",
    "peninsula",
    "valley",
    "county",
    "city",
    "town",
    "village",
    "state",
    "province",
    "region",
    "district",
    "territory",
    "republic",
    "kingdom",
    "beach",
    "bay",
    "coast",
    "desert",
    "forest",
    "canyon",
    "falls",
    "heights",
    "hills",
    "square",
    "bridge",
    "airport",
    "station",
    "port",
    "harbor",
    "harbour",
    "creek",
    "springs",
    "plaza",
    "park",
    "east",
    "west",
    "north",
    "south",
];

/// Lower-case words that head either ("Center", "Museum").
const EITHER_HEADS: &[&str] = &[
    "center", "centre", "museum", "hall", "library", "theater", "theatre", "stadium", "arena",
    "mall", "house", "palace", "gallery", "zoo",
];

/// What the exact-case word lists say of a word, as bits: one hash lookup
/// answers all of them (the NER tagger asks for every token, and the lists
/// as `match` arms or slices cost a string comparison per entry).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Listed(u8);

const NORP: u8 = 1;
const MEDIA_WORD: u8 = 2;
const KNOWN_OUTLET: u8 = 4;
const MALE: u8 = 8;
const FEMALE: u8 = 16;

impl Listed {
    pub fn norp(self) -> bool {
        self.0 & NORP != 0
    }
    pub fn media_word(self) -> bool {
        self.0 & MEDIA_WORD != 0
    }
    pub fn known_outlet(self) -> bool {
        self.0 & KNOWN_OUTLET != 0
    }
    /// A name on both first-name lists is male.
    pub fn gender(self) -> Gender {
        if self.0 & MALE != 0 {
            Gender::Male
        } else if self.0 & FEMALE != 0 {
            Gender::Female
        } else {
            Gender::Unknown
        }
    }
}

/// What the lower-case word lists say of a word: a title word, and the
/// [`name_head_kind`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListedLower(u8);

const TITLE: u8 = 4;
const HEAD_KIND: u8 = 3;

impl ListedLower {
    pub fn title(self) -> bool {
        self.0 & TITLE != 0
    }
    pub fn head_kind(self) -> u8 {
        self.0 & HEAD_KIND
    }
}

type WordMap = crate::gazetteer::KeyMap<&'static str, u8>;

fn word_map<'a>(lists: impl IntoIterator<Item = (&'a [&'static str], u8)>) -> WordMap {
    let mut map = WordMap::default();
    for (words, bits) in lists {
        for &w in words {
            *map.entry(w).or_default() |= bits;
        }
    }
    map
}

/// The exact-case lists a word is on.
pub fn listed(w: &str) -> Listed {
    static MAP: LazyLock<WordMap> = LazyLock::new(|| {
        word_map([
            (NORP_WORDS, NORP),
            (MEDIA_WORDS, MEDIA_WORD),
            (KNOWN_OUTLETS, KNOWN_OUTLET),
            (MALE_NAMES, MALE),
            (FEMALE_NAMES, FEMALE),
        ])
    });
    Listed(MAP.get(w).copied().unwrap_or(0))
}

/// The lower-case lists a (lower-case) word is on.
pub fn listed_lower(lower: &str) -> ListedLower {
    static MAP: LazyLock<WordMap> = LazyLock::new(|| {
        word_map([
            (TITLE_WORDS, TITLE),
            (ORG_HEADS, 1),
            (PLACE_HEADS, 2),
            (EITHER_HEADS, 3),
        ])
    });
    ListedLower(MAP.get(lower).copied().unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_lookup_answers_every_list() {
        assert_eq!(first_name_gender("Donald"), Gender::Male);
        assert_eq!(first_name_gender("Hillary"), Gender::Female);
        assert_eq!(first_name_gender("donald"), Gender::Unknown);
        // On two lists at once: an outlet's name that is also an outlet word.
        assert!(is_known_outlet("Politico") && is_media_word("Politico"));
        assert!(is_known_outlet("Associated Press") && !is_norp("Associated Press"));
        assert!(is_norp("Democrats") && !is_norp("democrats"));
        assert!(is_title_word("sen.") && !is_title_word("Sen."));
        assert_eq!(name_head_kind("university"), 1);
        assert_eq!(name_head_kind("street"), 2);
        assert_eq!(name_head_kind("museum"), 3);
        // A title word heads no name.
        assert!(is_title_word("president") && name_head_kind("president") == 0);
    }

    #[test]
    fn an_outlet_brand_with_a_section_word_is_an_outlet() {
        assert!(is_outlet_brand_name(&["Fox", "Business"]));
        assert!(is_outlet_brand_name(&["Bloomberg", "Politics"]));
        assert!(is_outlet_brand_name(&["Al", "Jazeera"]));
        // People who share a brand's name.
        assert!(!is_outlet_brand_name(&["Fox", "Mulder"]));
        assert!(!is_outlet_brand_name(&["Michael", "Bloomberg"]));
        assert!(!is_outlet_brand_name(&["Fox"]));
    }
}
