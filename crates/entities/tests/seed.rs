//! The seed article through the real pipeline (nlp stages + entities): people,
//! organisations and the quote-speaker pronouns. General methods only.

use std::path::Path;
use whosaid_core::{Document, EntityKind, MentionType};

fn run(text: &str) -> Document {
    let mut doc = Document::new(text);
    for s in whosaid_nlp::english_stages().expect("nlp stages") {
        s.process(&mut doc).expect("nlp");
    }
    for s in whosaid_entities::english_stages().expect("entity stages") {
        s.process(&mut doc).expect("entities");
    }
    doc
}

fn entity_of<'a>(doc: &'a Document, name: &str) -> Option<&'a whosaid_core::Entity> {
    doc.entities.iter().find(|e| {
        e.mentions.iter().any(|&m| {
            let m = &doc.mentions[m as usize];
            let t = doc.slice(m.span);
            m.mention_type == MentionType::Name && (t == name || t.ends_with(&format!(" {name}")))
        })
    })
}

/// The name of the entity the first mention reading `words` (any case)
/// refers to.
fn entity_name_of_mention(doc: &Document, words: &str) -> Option<String> {
    doc.mentions
        .iter()
        .find(|m| doc.slice(m.span).eq_ignore_ascii_case(words))
        .and_then(|m| m.entity)
        .and_then(|e| doc.entities.get(e as usize))
        .map(|e| e.name.clone())
}

#[test]
fn seed_article_entities_and_speaker_pronouns() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/seed/putin-dnc-hacks.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("note: {} absent, skipping", path.display());
        return;
    };
    let doc = run(&text);
    for p in ["Putin", "McFaul", "Borohovski", "Trump", "Clinton"] {
        let e = entity_of(&doc, p).unwrap_or_else(|| panic!("{p} not found"));
        assert_eq!(e.kind, EntityKind::Person, "{p}");
    }
    for o in [
        "NBC News",
        "CIA",
        "FBI",
        "RNC",
        "WikiLeaks",
        "Washington Post",
    ] {
        let e = entity_of(&doc, o).unwrap_or_else(|| panic!("{o} not found"));
        assert!(
            matches!(e.kind, EntityKind::Organization | EntityKind::Media),
            "{o}: {:?}",
            e.kind
        );
    }
    // "…,” he added." and "…,” he said, adding" resolve to the quoted speakers.
    for (cue, who) in [("he added", "McFaul"), ("he said, adding", "Borohovski")] {
        let at = text.find(cue).expect("cue in text");
        let at = text[..at].chars().count() as u32;
        let m = doc
            .mentions
            .iter()
            .find(|m| m.span.start == at && m.mention_type == MentionType::Pronoun)
            .unwrap_or_else(|| panic!("pronoun before '{cue}' not linked"));
        let e = &doc.entities[m.entity.expect("linked") as usize];
        assert!(e.name.ends_with(who), "'{cue}' → {} (want {who})", e.name);
    }
}

#[test]
fn a_name_after_a_relation_noun_is_a_person_everywhere() {
    // The tagger alone types this "Gloria" as a place; "their … child,
    // Gloria" makes her a person, and every other "Gloria" with her.
    let doc = run(
        "The parents are on trial over the death of their nine-month-old child, Gloria. \
                   Gloria developed severe eczema at four months. \
                   Gloria also became unable to move her legs.",
    );
    let gloria: Vec<_> = doc
        .mentions
        .iter()
        .filter(|m| doc.slice(m.span) == "Gloria")
        .collect();
    assert_eq!(gloria.len(), 3);
    assert!(gloria.iter().all(|m| m.kind == EntityKind::Person));
}

/// The entity of the pronoun mention starting at character offset `at`.
fn referent_of(doc: &Document, at: usize) -> Option<&whosaid_core::Entity> {
    let m = doc
        .mentions
        .iter()
        .position(|m| m.span.start as usize == at && m.mention_type == MentionType::Pronoun)?;
    doc.entities
        .iter()
        .find(|e| e.mentions.contains(&(m as u32)))
}

#[test]
fn the_subject_of_a_whom_clause_is_not_the_noun_whom_stands_for() {
    // Hill is the salient, nearby subject; "whom" stands for him, so "he"
    // is the other man.
    let text = "Mark Hill won the race on Monday. Hill thanked his staff, and Hill \
                spoke to reporters. Voters asked about Senator John Smith's support for \
                Hill — whom he has praised for years.";
    let doc = run(text);
    let at = text[..text.find("he has").expect("pronoun")]
        .chars()
        .count();
    let e = referent_of(&doc, at).expect("the pronoun is resolved");
    assert_eq!(e.name, "John Smith");
}

/// The entity a nominal mention starting with `phrase` was linked to.
fn nominal_entity<'a>(doc: &'a Document, text: &str, phrase: &str) -> Option<&'a str> {
    let at = text[..text.find(phrase)?].chars().count() as u32;
    let m = doc
        .mentions
        .iter()
        .find(|m| m.span.start == at && m.mention_type == MentionType::Nominal)?;
    Some(doc.entities[m.entity? as usize].name.as_str())
}

#[test]
fn role_nouns_refer_back_to_a_person_of_their_gender() {
    let text = "Ahmed Mohamed, 14, brought a clock to school on Monday. \
                Teacher Sarah Jones called the police. \
                The boy said he had built it himself.";
    let doc = run(text);
    assert_eq!(nominal_entity(&doc, text, "The boy"), Some("Ahmed Mohamed"));
    let text = "Maria Lopez won the spelling bee. The girl thanked her coach.";
    let doc = run(text);
    assert_eq!(nominal_entity(&doc, text, "The girl"), Some("Maria Lopez"));
    // A title noun still needs its title: no president was named.
    let text = "John Smith spoke first. The president did not answer.";
    let doc = run(text);
    assert_eq!(nominal_entity(&doc, text, "The president"), None);
}

#[test]
fn names_in_a_title_case_headline_stop_at_its_verb() {
    let doc = run("Clinton Denies Wrongdoing in Email Probe\n\nSenate Passes Budget Deal After All-Night Session\n\nThe story begins here.");
    let names: Vec<&str> = doc
        .mentions
        .iter()
        .filter(|m| m.mention_type == MentionType::Name)
        .map(|m| doc.slice(m.span))
        .collect();
    assert!(names.contains(&"Clinton"), "{names:?}");
    assert!(names.contains(&"Senate"), "{names:?}");
    assert!(
        !names
            .iter()
            .any(|n| n.contains("Denies") || n.contains("Passes")),
        "{names:?}"
    );
}

#[test]
fn an_apposition_for_a_company_types_the_name() {
    let kind_of = |text: &str, name: &str| {
        let doc = run(text);
        entity_of(&doc, name).map(|e| e.kind)
    };
    // Read as people's names by the name tagger alone.
    assert_eq!(
        kind_of(
            "Robey Warshaw, a firm founded in 2014, advised the board on the deal.",
            "Robey Warshaw"
        ),
        Some(EntityKind::Organization)
    );
    assert_eq!(
        kind_of(
            "Quadrivium, a foundation that funds research, gave the money.",
            "Quadrivium"
        ),
        Some(EntityKind::Organization)
    );
    // A plural head after "one of": a hospital system is a body too.
    assert_eq!(
        kind_of(
            "When Norwell Health, one of the largest hospital systems in the U.S., told employees it would stop covering the drugs, it pointed them elsewhere.",
            "Norwell Health"
        ),
        Some(EntityKind::Organization)
    );
    // A health system or drug company named by its closing word.
    assert_eq!(
        kind_of(
            "Employees of Halvorsen Healthcare said the plan was sound.",
            "Halvorsen Healthcare"
        ),
        Some(EntityKind::Organization)
    );
    // A person described by an occupation stays a person.
    assert_eq!(
        kind_of(
            "Tim Hess, a real estate developer in Virginia, said the plan was sound.",
            "Tim Hess"
        ),
        Some(EntityKind::Person)
    );
}

#[test]
fn a_body_named_short_keeps_its_kind() {
    let doc = run("Shares of Halvern Robotics fell 14% on Tuesday.\n\nHalvern did not respond to a request for comment. Donald Trump Jr. spoke at the Trump Organization, and Trump said he was pleased.");
    let short = doc
        .mentions
        .iter()
        .find(|m| doc.slice(m.span) == "Halvern")
        .expect("Halvern");
    assert_eq!(short.kind, EntityKind::Organization);
    // A person's surname that also opens a body's name stays the person.
    let trump = doc
        .mentions
        .iter()
        .rfind(|m| doc.slice(m.span) == "Trump")
        .expect("Trump");
    assert_eq!(trump.kind, EntityKind::Person);
}

#[test]
fn honorifics_without_a_full_stop_are_titles() {
    let doc = run("The housing minister, Sarah Collins, defended the target.\n\nMs Collins told the BBC that it was achievable. Fighting in DR Congo has displaced thousands.");
    let sarah = entity_of(&doc, "Sarah Collins").expect("Sarah Collins");
    let name_texts: Vec<&str> = sarah
        .mentions
        .iter()
        .map(|&m| &doc.mentions[m as usize])
        .filter(|m| m.mention_type == MentionType::Name)
        .map(|m| doc.slice(m.span))
        .collect();
    // "Ms Collins" is Sarah Collins, named "Collins" after her title.
    assert_eq!(name_texts, ["Sarah Collins", "Collins"]);
    assert_eq!(sarah.kind, EntityKind::Person);
    // Capitals are not an honorific: "DR Congo" is not a person.
    let congo = entity_of(&doc, "Congo");
    assert!(
        congo.is_none_or(|e| e.kind != EntityKind::Person),
        "{congo:?}"
    );
}

#[test]
fn an_honorific_names_the_person_of_its_gender() {
    // Newspaper style: "Mrs. Clinton" is Hillary, "Mr. Clinton" is Bill.
    let doc = run(
        "Hillary Clinton and Bill Clinton arrived in Iowa on Monday.\n\n\
         Mr. Clinton spoke first. Mrs. Clinton followed him an hour later.",
    );
    let named = |text: &str| {
        let at = doc.text.find(text).expect("in the text");
        let at = doc.index().char_at_byte(at + text.len() - "Clinton".len());
        doc.mentions
            .iter()
            .find(|m| m.span.start == at && m.mention_type == MentionType::Name)
            .and_then(|m| m.entity)
            .map(|e| doc.entities[e as usize].name.clone())
    };
    assert_eq!(named("Mr. Clinton").as_deref(), Some("Bill Clinton"));
    assert_eq!(named("Mrs. Clinton").as_deref(), Some("Hillary Clinton"));
    // A transcript's label in capitals keeps its honorific out of the name.
    let doc = run("Briefing\n\nMS. JEAN-PIERRE: Good afternoon.\n\nQ: Is he coming?");
    let e = entity_of(&doc, "JEAN-PIERRE").expect("the label names her");
    assert_eq!(e.name, "JEAN-PIERRE");
    assert_eq!(e.kind, EntityKind::Person);
}

#[test]
fn the_company_takes_up_a_one_word_name_as_a_body() {
    let doc = run("Fans react as singer cancels tour\n\n\
         Pop star Mara Lind canceled the remaining dates of her world tour on Monday.\n\n\
         Ticketmaster said it had not been notified of the cancellation until Monday morning. \
         A spokesperson for the company said customers should wait for an email.");
    let seller = entity_of(&doc, "Ticketmaster").expect("Ticketmaster");
    assert_eq!(seller.kind, EntityKind::Organization);
    let company = doc
        .mentions
        .iter()
        .find(|m| doc.slice(m.span) == "the company")
        .and_then(|m| m.entity);
    assert_eq!(company, Some(seller.id));
    // A person named in full stays one.
    let doc = run("Jane Smith said the plan was sound. The company did not comment.");
    let smith = entity_of(&doc, "Jane Smith").expect("Jane Smith");
    assert_eq!(smith.kind, EntityKind::Person);
}

#[test]
fn a_company_named_without_its_legal_suffix_is_the_same_company() {
    let doc = run("A former officer of Acme Corp. was charged on Thursday.\n\nAcme said in a filing that it was cooperating. A statement from the Justice Department said the company had been warned.");
    let acme = entity_of(&doc, "Acme Corp.").expect("Acme Corp.");
    assert_eq!(acme.kind, EntityKind::Organization);
    let texts: Vec<&str> = acme
        .mentions
        .iter()
        .map(|&m| doc.slice(doc.mentions[m as usize].span))
        .collect();
    assert!(texts.contains(&"Acme"), "{texts:?}");
    // "The company" is not the Justice Department.
    let justice = entity_of(&doc, "Justice Department").expect("Justice Department");
    assert!(
        justice
            .mentions
            .iter()
            .all(|&m| doc.slice(doc.mentions[m as usize].span) != "the company"),
        "{justice:?}"
    );
}

#[test]
fn an_outlet_word_after_a_hyphen_names_an_outlet() {
    let doc = run("The Sun-Times cited a city official as saying the gap had grown.");
    let paper = entity_of(&doc, "Sun-Times").expect("Sun-Times");
    assert_eq!(paper.kind, EntityKind::Media);
}

#[test]
fn the_committee_refers_back_only_to_a_committee() {
    let doc = run("Protesters gathered outside City Hall on Monday. The committee said it had collected 40,000 signatures.");
    let hall = entity_of(&doc, "City Hall");
    assert!(
        hall.is_none_or(|e| e
            .mentions
            .iter()
            .all(|&m| doc.slice(doc.mentions[m as usize].span) != "The committee")),
        "{hall:?}"
    );
    let doc = run("The Democratic National Committee met on Monday. The committee said it had raised $5 million.");
    let dnc = entity_of(&doc, "Democratic National Committee").expect("DNC");
    assert!(dnc
        .mentions
        .iter()
        .any(|&m| doc.slice(doc.mentions[m as usize].span) == "The committee"));
}

#[test]
fn a_transcript_speaker_label_in_capitals_is_a_person() {
    let doc = run("Interview transcript\n\nMARGARET BRENNAN: Senator, thank you for joining us.\n\nWARREN: Thank you.\n\nBRENNAN: Will it pass?");
    let e = entity_of(&doc, "MARGARET BRENNAN").expect("the label is a name");
    assert_eq!(e.kind, EntityKind::Person);
    // Not every name in capitals: an organisation's label stays one.
    let doc = run("Statement\n\nACME CORP: We deny it.");
    assert!(entity_of(&doc, "ACME CORP").is_none_or(|e| e.kind != EntityKind::Person));
}

#[test]
fn which_and_a_chief_executive_make_a_name_a_body() {
    let doc = run("Thames Water, which faces the largest penalty, said it was disappointed. \"It is the biggest case,\" said David Black, Ofwat's chief executive.");
    for name in ["Thames Water", "Ofwat"] {
        let e = entity_of(&doc, name).unwrap_or_else(|| panic!("{name} found"));
        assert_eq!(e.kind, EntityKind::Organization, "{name}");
    }
    assert_eq!(
        entity_of(&doc, "David Black").map(|e| e.kind),
        Some(EntityKind::Person)
    );
    // "which" after a name that is not the subject refers to something else.
    let doc = run("Aides defended the policy of President Barack Obama, which began in 2012.");
    assert_eq!(
        entity_of(&doc, "Barack Obama").map(|e| e.kind),
        Some(EntityKind::Person)
    );
}

#[test]
fn a_plural_noun_opening_a_sentence_is_not_a_name() {
    let doc = run("Campaigners said the fines did not go far enough.");
    assert!(entity_of(&doc, "Campaigners").is_none());
}

#[test]
fn a_name_keeps_one_kind_in_a_document() {
    let doc = run("SAN FRANCISCO — Cloudspire, the cloud software company, said on Monday that it would cut about 1,500 jobs.\n\nIn a memo to employees, chief executive Priya Raman wrote that the company had hired too quickly.\n\nA company spokeswoman declined to say which teams would be affected. Shares of Cloudspire rose 6 percent in after-hours trading.");
    let kinds: Vec<EntityKind> = doc
        .entities
        .iter()
        .filter(|e| e.name == "Cloudspire")
        .map(|e| e.kind)
        .collect();
    assert!(!kinds.is_empty());
    assert!(
        kinds.iter().all(|&k| k == EntityKind::Organization),
        "{kinds:?}"
    );
    // A title settles it the other way: "Sen. Warner" is a person however
    // often "Warner" is tagged a body.
    let doc = run("Warner said the bill would pass. Sen. Warner spoke on Monday.");
    assert!(doc
        .entities
        .iter()
        .filter(|e| e.name.ends_with("Warner"))
        .all(|e| e.kind == EntityKind::Person));
}

#[test]
fn a_name_closed_by_a_body_word_is_a_body() {
    let doc = run("The Clinton Foundation said it had done nothing wrong. Hillary Clinton declined to comment.");
    assert!(entity_of(&doc, "Clinton Foundation").is_none_or(|e| e.kind != EntityKind::Person));
    assert_eq!(
        entity_of(&doc, "Hillary Clinton").map(|e| e.kind),
        Some(EntityKind::Person)
    );
}

#[test]
fn sports_copy_names_people_by_nationality_and_age() {
    let doc = run("Mikel Arteta refused to comment on Friday. \"I'm not going to talk about it,\" the Spaniard told reporters.\n\nArsenal have agreed terms with Lucas Ferreira. The 22-year-old said he was delighted.");
    let mention_of = |words: &str| entity_name_of_mention(&doc, words);
    assert_eq!(mention_of("the Spaniard").as_deref(), Some("Mikel Arteta"));
    assert_eq!(
        mention_of("The 22-year-old").as_deref(),
        Some("Lucas Ferreira")
    );
}

#[test]
fn a_nationality_as_a_noun_names_the_person_just_mentioned() {
    let doc = run("Jannik Sinner was gracious in defeat. \"He played unbelievable tennis,\" the Italian told reporters. The Italians in the crowd cheered.");
    let mention_of = |words: &str| entity_name_of_mention(&doc, words);
    assert_eq!(mention_of("the Italian").as_deref(), Some("Jannik Sinner"));
    // The people, not one of them.
    assert_ne!(mention_of("The Italians").as_deref(), Some("Jannik Sinner"));
}

#[test]
fn names_joined_by_a_conjunction_stay_whole() {
    let doc = run("The Food and Beverage Association said it disagreed. Johnson & Johnson declined to comment. Clinton and Justice Department officials met.");
    let names: Vec<&str> = doc.mentions.iter().map(|m| doc.slice(m.span)).collect();
    assert!(
        names.contains(&"Food and Beverage Association"),
        "{names:?}"
    );
    assert!(names.contains(&"Johnson & Johnson"), "{names:?}");
    let jj = doc
        .mentions
        .iter()
        .find(|m| doc.slice(m.span) == "Johnson & Johnson")
        .and_then(|m| m.entity)
        .and_then(|e| doc.entities.get(e as usize));
    assert_eq!(jj.map(|e| e.kind), Some(EntityKind::Organization));
    // A name of its own before "and" is left alone.
    assert!(
        !names.iter().any(|n| n.starts_with("Clinton and")),
        "{names:?}"
    );
}

#[test]
fn a_first_name_and_a_relative_who_make_a_person() {
    let doc = run("Lena Park, who owns a bakery on Main Street, pushed back against the plan. The bakery is near Lincoln Park, which opened in 1990.");
    let kind_of = |name: &str| doc.entities.iter().find(|e| e.name == name).map(|e| e.kind);
    assert_eq!(kind_of("Lena Park"), Some(EntityKind::Person));
    assert_ne!(kind_of("Lincoln Park"), Some(EntityKind::Person));
}

#[test]
fn an_outlet_word_named_alone_after_the_is_an_outlet() {
    let doc = run("The Tribune reported Thursday that the senator flew to Aspen. The trips were not disclosed, according to the Times.");
    for name in ["Tribune", "Times"] {
        assert_eq!(
            doc.entities.iter().find(|e| e.name == name).map(|e| e.kind),
            Some(EntityKind::Media),
            "{name}"
        );
    }
}

#[test]
fn a_sentences_capitalised_preposition_is_no_part_of_a_name() {
    let doc = run("As House Speaker Paul Ryan (R-Wis.) has pointed out, that is racism.");
    let names: Vec<&str> = doc.mentions.iter().map(|m| doc.slice(m.span)).collect();
    assert!(!names.iter().any(|n| n.starts_with("As ")), "{names:?}");
    assert_eq!(
        entity_name_of_mention(&doc, "Paul Ryan").as_deref(),
        Some("Paul Ryan"),
        "{names:?}"
    );
}
