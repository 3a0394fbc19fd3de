//! Two garden paths the greedy tagger cannot see its way out of, repaired
//! by reading the whole clause, which its left-to-right features cannot.
//!
//! **A clause's only verb read as a participle**: "Figueroa said the
//! campaign planned to bus in supporters". Read left to right, "the
//! campaign planned" looks like a noun with a reduced relative ("the
//! campaign planned for years"), so the tagger says VBN; the clause that
//! follows a reporting verb needs a finite verb, and here there is no
//! other. With VBN the parser hangs the clause on the noun and the
//! attribution model finds no content. After a reporting verb, a clause
//! coordinator or at a verbless sentence's start: a noun phrase, then a
//! VBN that takes an object or an infinitive (not a preposition: "the
//! emails released on Tuesday", "the tax breaks used by Trump" stay
//! participles), and no finite verb before the clause ends. Then the VBN
//! is the clause's past-tense verb.
//!
//! **A complementizer read as a relative pronoun**: "Trump tweeted in the
//! early morning hours that Machado was disgusting", "told reporters that
//! Donald Trump may have…": after a noun, "that" looks relative, and the
//! CoreNLP tags the tagger partly learnt from say so too. After a
//! reporting verb and only the phrases that may stand between it and its
//! clause (when, where, to whom), a "that" followed by a subject and its
//! finite verb, with no stranded preposition after the verb ("a story
//! that I heard about" stays relative), opens the reported clause.

use whosaid_core::Xpos;

/// Finite forms of verbs whose bare clause ("said the union expected…",
/// "believe the campaign planned…") is common. Lowercase.
#[rustfmt::skip]
const BARE_CLAUSE: &[&str] = &[
    "acknowledge", "acknowledged", "acknowledges", "allege", "alleged", "alleges", "argue",
    "argued", "argues", "assert", "asserted", "asserts", "believe", "believed", "believes",
    "claim", "claimed", "claims", "concede", "conceded", "concedes", "contend", "contended",
    "contends", "feel", "feels", "felt", "guess", "guessed", "hope", "hoped", "hopes", "insist",
    "insisted", "insists", "knew", "know", "knows", "predict", "predicted", "predicts",
    "realize", "realized", "realizes", "said", "say", "says", "suspect", "suspected",
    "suspects", "tell", "tells", "testified", "testifies", "testify", "think", "thinks",
    "thought", "told", "warn", "warned", "warns",
];

/// Reporting verbs that also take plain objects ("adds a tremendous value
/// compared to…", "wrote the letter"): a clause after them counts only
/// when "that" opens it.
#[rustfmt::skip]
const THAT_CLAUSE: &[&str] = &[
    "add", "added", "adds", "admit", "admits", "admitted", "agree", "agreed", "agrees",
    "announce", "announced", "announces", "complain", "complained", "complains", "confirm",
    "confirmed", "confirms", "counter", "countered", "counters", "explain", "explained",
    "explains", "fear", "feared", "fears", "find", "finds", "found", "maintain", "maintained",
    "maintains", "note", "noted", "notes", "post", "posted", "posts", "recall", "recalled",
    "recalls", "recount", "recounted", "recounts", "replied", "replies", "reply", "report",
    "reported", "reports", "show", "showed", "shows", "stress", "stressed", "stresses",
    "suggest", "suggested", "suggests", "tweet", "tweeted", "tweets", "write", "writes",
    "wrote",
];

/// Participles that work as prepositions ("compared to", "based on").
const PREPOSITION_LIKE: &[&str] = &[
    "compared",
    "based",
    "provided",
    "related",
    "aged",
    "concerned",
];

/// A participle spelt apart from its past tense ("stolen", "known",
/// "done", "begun") is never one.
fn participle_only(word: &str) -> bool {
    word.ends_with("en")
        || word.ends_with("wn")
        || word.ends_with("ne")
        || matches!(
            word,
            "begun" | "sung" | "swum" | "drunk" | "rung" | "sunk" | "shrunk" | "sprung"
        )
}

/// Words that open a new clause, so a finite verb after them is not the
/// complement's own.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "because", "although", "though", "if", "whether", "while", "whereas", "since",
    "unless", "until", "once", "so",
];

/// `word` is in `list`, which is sorted (the lists above are; a test checks).
fn listed(list: &[&str], word: &str) -> bool {
    list.binary_search(&word).is_ok()
}

fn is_noun(x: Xpos) -> bool {
    matches!(x, Xpos::Nn | Xpos::Nns | Xpos::Nnp | Xpos::Nnps)
}

/// Tags a noun phrase's words may carry (no verbs, no prepositions).
fn in_noun_phrase(x: Xpos) -> bool {
    is_noun(x)
        || matches!(
            x,
            Xpos::Dt
                | Xpos::Pdt
                | Xpos::PrpS
                | Xpos::Jj
                | Xpos::Jjr
                | Xpos::Jjs
                | Xpos::Cd
                | Xpos::Pos
        )
}

/// What may follow a past-tense verb directly but not a reduced relative
/// participle: an object, an infinitive, a clause.
fn opens_an_object(x: Xpos, lower: &str) -> bool {
    in_noun_phrase(x) && x != Xpos::Pos
        || matches!(x, Xpos::Prp | Xpos::To)
        // "planned to bus in supporters": the tagger's IN for an
        // infinitive's "to" comes with the same misreading.
        || lower == "to"
        || lower == "that"
}

/// The clause from `from` on has a finite verb before it ends.
fn finite_verb_follows(lower: &[&str], xpos: &[Xpos], from: usize) -> bool {
    for (w, &x) in lower.iter().zip(xpos).skip(from) {
        if x.is_finite_verb() {
            return true;
        }
        let ends = matches!(
            x,
            Xpos::Comma
                | Xpos::Colon
                | Xpos::Period
                | Xpos::OpenQuote
                | Xpos::CloseQuote
                | Xpos::Lrb
                | Xpos::Rrb
                | Xpos::Cc
                | Xpos::Wdt
                | Xpos::Wp
                | Xpos::WpS
                | Xpos::Wrb
        ) || CLAUSE_OPENERS.contains(w);
        if ends {
            return false;
        }
    }
    false
}

/// A finite reporting verb of either list.
fn reporting_verb(w: &str) -> bool {
    listed(BARE_CLAUSE, w) || listed(THAT_CLAUSE, w)
}

/// A reporting verb right after a comma or closing quotation mark: the
/// frame of a quotation that came before ("…, said one GOP source").
fn closing_frame(lower: &[&str], xpos: &[Xpos], i: usize) -> bool {
    i > 0 && matches!(xpos[i - 1], Xpos::Comma | Xpos::CloseQuote) && reporting_verb(lower[i])
}

/// No finite verb from `from` to the sentence's end but a closing frame's.
fn no_finite_verb_to_the_end(lower: &[&str], xpos: &[Xpos], from: usize) -> bool {
    (from..xpos.len()).all(|i| !xpos[i].is_finite_verb() || closing_frame(lower, xpos, i))
}

/// Where a clause whose subject comes first may begin.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Opening {
    /// The start of a sentence with no finite verb (not a headline:
    /// headlines drop the auxiliary, "Golf Courses Forced to Reach…").
    Verbless,
    /// After a reporting verb or a clause coordinator. `strong`: nothing
    /// else can follow there, so even a participle followed by a
    /// preposition ("the meeting deteriorated from there") is the verb.
    Clause { strong: bool },
}

/// A finite verb between the last clause break before `end` and `end`.
fn finite_verb_before(xpos: &[Xpos], end: usize) -> bool {
    xpos[..end]
        .iter()
        .rev()
        .take_while(|x| !matches!(x, Xpos::Comma | Xpos::Colon))
        .any(|x| x.is_finite_verb())
}

/// Where clauses may open: after a finite reporting verb (and "that");
/// after ", and" / ", but" that follow a clause with its verb (not a
/// list: "speeches, and other events designed to…"); after ";"; and at the
/// start of a verbless sentence that is not a headline.
fn clause_starts(lower: &[&str], xpos: &[Xpos], headline: bool) -> Vec<(usize, Opening)> {
    let n = xpos.len();
    let mut starts = Vec::new();
    if !headline && no_finite_verb_to_the_end(lower, xpos, 0) {
        let start = usize::from(n > 0 && xpos[0] == Xpos::OpenQuote);
        starts.push((start, Opening::Verbless));
    }
    for i in 0..n {
        let finite = matches!(xpos[i], Xpos::Vbd | Xpos::Vbz | Xpos::Vbp);
        let that = i + 1 < n && lower[i + 1] == "that";
        let reporting =
            finite && (listed(BARE_CLAUSE, lower[i]) || that && listed(THAT_CLAUSE, lower[i]));
        if reporting {
            // "…, says a source involved in…" and "told people gathered
            // at…" name the speaker or the hearers, not a clause's subject.
            let after_quote = i > 0 && matches!(xpos[i - 1], Xpos::Comma | Xpos::CloseQuote);
            let told = matches!(lower[i], "told" | "tell" | "tells");
            let strong = that || !(after_quote || told);
            starts.push((i + 1 + usize::from(that), Opening::Clause { strong }));
        } else if xpos[i] == Xpos::Cc
            && matches!(lower[i], "and" | "but")
            && i > 0
            && xpos[i - 1] == Xpos::Comma
            && finite_verb_before(xpos, i - 1)
        {
            starts.push((i + 1, Opening::Clause { strong: true }));
        } else if lower[i] == ";" {
            starts.push((i + 1, Opening::Clause { strong: false }));
        }
    }
    starts
}

/// Retags as VBD each VBN that is the only verb of a clause opened after a
/// reporting verb, a clause coordinator or at a verbless sentence's start
/// (see the module docs). `lower` holds the words lowercased, `xpos` the
/// tagger's tags, changed in place; `headline`: most words are capitalised.
pub(crate) fn repair_complement_verbs(lower: &[&str], xpos: &mut [Xpos], headline: bool) {
    let n = xpos.len().min(lower.len());
    let (lower, xpos) = (&lower[..n], &mut xpos[..n]);
    for (start, opening) in clause_starts(lower, xpos, headline) {
        let mut verb = start;
        while verb < n && in_noun_phrase(xpos[verb]) {
            verb += 1;
        }
        if verb == start
            || verb + 1 >= n
            || xpos[verb] != Xpos::Vbn
            || !is_noun(xpos[verb - 1])
            || participle_only(lower[verb])
            || PREPOSITION_LIKE.contains(&lower[verb])
        {
            continue;
        }
        let next = verb + 1;
        // "Campaign cash tied to Turkish group": without a context that
        // wants a clause, "to" must open an infinitive.
        let infinitive = lower[next] != "to" || xpos.get(next + 1) == Some(&Xpos::Vb);
        let finite = if opens_an_object(xpos[next], lower[next]) {
            (infinitive || opening != Opening::Verbless) && !finite_verb_follows(lower, xpos, next)
        } else {
            // A preposition or adverb may follow a participle too: only a
            // context that wants a clause, and no other verb to be its own,
            // decide it.
            // (Or a sentence with a full stop and no other verb: "China's
            // foreign ministry called on all sides to exercise restraint.")
            let full_sentence = opening == Opening::Verbless && lower.last() == Some(&".");
            (opening == (Opening::Clause { strong: true }) || full_sentence)
                && matches!(xpos[next], Xpos::In | Xpos::Rb | Xpos::Rp)
                && lower[next] != "by"
                && no_finite_verb_to_the_end(lower, xpos, next)
        };
        if finite {
            xpos[verb] = Xpos::Vbd;
        }
    }
}

/// Other forms of reporting verbs that may stand before "that" and their
/// clause ("saying in a statement that…").
#[rustfmt::skip]
const REPORTING_FORMS: &[&str] = &[
    "acknowledging", "adding", "announcing", "arguing", "assured", "assures", "assuring",
    "claiming", "confirming", "convinced", "explaining", "informed", "informs", "insisting",
    "notified", "noting", "persuaded", "posting", "reminded", "reminds", "reporting", "saying",
    "stated", "states", "stating", "suggesting", "telling", "tweeting", "warning", "writing",
];

/// Reporting verbs whose hearer may stand between them and their clause
/// ("told reporters that…").
#[rustfmt::skip]
const HEARER_FIRST: &[&str] = &[
    "assured", "assures", "assuring", "convinced", "informed", "informs", "notified",
    "persuaded", "reminded", "reminds", "tell", "telling", "tells", "told", "warn", "warned",
    "warning", "warns",
];

/// Words that may open the time phrase between a verb and its clause
/// ("said Sunday night that…", "said last week that…").
#[rustfmt::skip]
const TIME_WORDS: &[&str] = &[
    "april", "aug.", "august", "dec.", "december", "earlier", "feb.", "february", "friday",
    "jan.", "january", "july", "june", "march", "may", "monday", "nov.", "november", "oct.",
    "october", "saturday", "sept.", "september", "sunday", "thursday", "today", "tonight",
    "tuesday", "wednesday", "yesterday",
];

/// Time nouns after "this", "last" or "next" ("said this week that…"; "said
/// this thing that…" is no time).
#[rustfmt::skip]
const TIME_NOUNS: &[&str] = &[
    "afternoon", "autumn", "evening", "fall", "month", "morning", "night", "quarter", "season",
    "spring", "summer", "time", "week", "weekend", "winter", "year",
];

/// Nouns a relative "that" follows where the reported clause is not ("in
/// an engaging way that readers could understand").
const MANNER_NOUNS: &[&str] = &["way", "manner", "fashion", "extent", "degree"];

fn is_reporting_word(w: &str) -> bool {
    reporting_verb(w) || listed(REPORTING_FORMS, w)
}

/// The words between a reporting verb at `verb` and a "that" at `that` are
/// only what may stand there: the hearer (after "told"), phrases of place,
/// time and manner, no comma, no verb.
fn only_frame_between(lower: &[&str], xpos: &[Xpos], verb: usize, that: usize) -> bool {
    let between = verb + 1..that;
    if between.is_empty() || between.len() > 12 {
        return false;
    }
    let first = verb + 1;
    let time_phrase = matches!(lower[first], "this" | "last" | "next")
        && lower.get(first + 1).is_some_and(|w| listed(TIME_NOUNS, w));
    let opens = matches!(xpos[first], Xpos::In | Xpos::To | Xpos::Rb)
        || listed(TIME_WORDS, lower[first])
        || time_phrase
        || listed(HEARER_FIRST, lower[verb]);
    opens
        && !MANNER_NOUNS.contains(&lower[that - 1])
        && between.clone().all(|i| {
            lower[i] != "that"
                && (in_noun_phrase(xpos[i])
                    || matches!(
                        xpos[i],
                        Xpos::In | Xpos::To | Xpos::Rb | Xpos::Prp | Xpos::Hyph
                    ))
        })
}

/// What follows a complementizer "that" at `that`: a fronted phrase
/// ("that under President Obama, …", "that if…"), or a subject and its
/// finite verb with nothing missing after the verb group.
fn opens_a_full_clause(lower: &[&str], xpos: &[Xpos], that: usize) -> bool {
    let n = xpos.len();
    let Some(&next) = xpos.get(that + 1) else {
        return false;
    };
    if matches!(next, Xpos::In | Xpos::Wrb) && lower[that + 1] != "of" {
        return true;
    }
    let mut i = that + 1;
    let mut subject = false;
    while i < n
        && (in_noun_phrase(xpos[i])
            || matches!(
                xpos[i],
                Xpos::Prp | Xpos::Ex | Xpos::OpenQuote | Xpos::CloseQuote
            ))
    {
        subject |= is_noun(xpos[i]) || matches!(xpos[i], Xpos::Prp | Xpos::Ex | Xpos::Cd);
        i += 1;
    }
    if !subject || i >= n || !xpos[i].is_finite_verb() {
        return false;
    }
    // The verb group, then a stranded preposition ("that I don't agree
    // with.") is a relative clause's gap. (A clause break right after the
    // verb is no sign: "that he lied." is as common as "that I liked.")
    i += 1;
    while i < n
        && matches!(
            xpos[i],
            Xpos::Rb | Xpos::Vb | Xpos::Vbn | Xpos::Vbg | Xpos::Md
        )
    {
        i += 1;
    }
    let breaks =
        |j: usize| j >= n || matches!(xpos[j], Xpos::Comma | Xpos::Period | Xpos::Colon | Xpos::Cc);
    !(i < n && matches!(xpos[i], Xpos::In | Xpos::Rp) && breaks(i + 1))
}

/// Retags as IN each "that" the tagger read as a relative pronoun where it
/// opens a reporting verb's clause (see the module docs).
pub(crate) fn repair_complementizers(lower: &[&str], xpos: &mut [Xpos]) {
    let n = xpos.len().min(lower.len());
    let (lower, xpos) = (&lower[..n], &mut xpos[..n]);
    for that in 1..n {
        if lower[that] != "that" || xpos[that] != Xpos::Wdt {
            continue;
        }
        let frame_start = that.saturating_sub(13);
        let verb = (frame_start..that).rev().find(|&v| {
            matches!(
                xpos[v],
                Xpos::Vb | Xpos::Vbd | Xpos::Vbg | Xpos::Vbn | Xpos::Vbp | Xpos::Vbz
            ) && is_reporting_word(lower[v])
        });
        if let Some(verb) = verb {
            if only_frame_between(lower, xpos, verb, that) && opens_a_full_clause(lower, xpos, that)
            {
                xpos[that] = Xpos::In;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tags `tagged` ("word/TAG …") and returns the words' tags after the
    /// repair.
    fn repaired(tagged: &str) -> Vec<String> {
        let (words, mut tags): (Vec<String>, Vec<Xpos>) = tagged
            .split(' ')
            .map(|wt| {
                let (w, t) = wt.rsplit_once('/').unwrap_or((wt, "NN"));
                (w.to_lowercase(), Xpos::parse(t).unwrap_or_default())
            })
            .unzip();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        repair_complement_verbs(&words, &mut tags, false);
        repair_complementizers(&words, &mut tags);
        tags.iter().map(|t| t.as_str().to_string()).collect()
    }

    #[test]
    fn the_only_verb_of_a_bare_complement_is_finite() {
        let t = repaired("Figueroa/NNP said/VBD the/DT campaign/NN planned/VBN to/TO bus/VB in/RP supporters/NNS ./.");
        assert_eq!(t[4], "VBD");
        let t = repaired("Smith/NNP said/VBD the/DT union/NN expected/VBN production/NN to/TO improve/VB at/IN the/DT mine/NN when/WRB the/DT market/NN recovered/VBD ./.");
        assert_eq!(t[4], "VBD");
        let t = repaired("Figueroa/NNP said/VBD the/DT campaign/NN planned/VBN to/IN bus/NN in/IN supporters/NNS ./.");
        assert_eq!(t[4], "VBD");
        let t = repaired("They/PRP noted/VBD that/IN his/PRP$ attorney/NN offered/VBN to/TO have/VB Pagliano/NNP appear/VB ./.");
        assert_eq!(t[5], "VBD");
        let t = repaired("Officials/NNS said/VBD the/DT swap/NN involved/VBN difficult/JJ trade-offs/NNS but/CC that/IN it/PRP was/VBD fair/JJ ./.");
        assert_eq!(t[4], "VBD");
    }

    #[test]
    fn coordinated_and_verbless_clauses_get_their_verb() {
        let t = repaired("The/DT refusal/NN did/VBD not/RB go/VB well/RB ,/, and/CC the/DT meeting/NN deteriorated/VBN from/IN there/RB ,/, said/VBD one/CD source/NN ./.");
        assert_eq!(t[10], "VBD");
        let t = repaired("The/DT positions/NNS needed/VBN to/TO be/VB divided/VBN ./.");
        assert_eq!(t[2], "VBD");
        let t = repaired(
            "The/DT top/JJ 1/CD percent/NN paid/VBN 25.4/CD percent/NN of/IN taxes/NNS ./.",
        );
        assert_eq!(t[4], "VBD");
    }

    #[test]
    fn headlines_objects_and_participle_spellings_stay() {
        // Headline passives drop the auxiliary.
        let t = repaired("Man/NN arrested/VBN after/IN shooting/NN");
        assert_eq!(t[1], "VBN");
        let t = repaired("Passport/NN needed/VBN for/IN international/JJ cruise/NN");
        assert_eq!(t[1], "VBN");
        let t = repaired("Campaign/NN cash/NN tied/VBN to/IN Turkish/JJ group/NN");
        assert_eq!(t[2], "VBN");
        // A list's last item, the speaker of a closing frame, the hearers.
        let t = repaired("It/PRP grew/VBD ,/, driven/VBN by/IN wealth/NN ,/, gains/NNS ,/, and/CC networks/NNS set/VBN up/RP to/TO gather/VB funds/NNS ./.");
        assert_eq!(t[11], "VBN");
        let t = repaired("“/`` It/PRP 's/VBZ fine/JJ ,/, ”/'' says/VBZ a/DT source/NN involved/VBN in/IN the/DT plan/NN ./.");
        assert_eq!(t[9], "VBN");
        let t = repaired("He/PRP told/VBD 2,267/CD people/NNS gathered/VBN at/IN Purdue/NNP ./.");
        assert_eq!(t[4], "VBN");
        // "adds" takes an object; only "adds that" opens a clause.
        let t = repaired("Donating/VBG now/RB adds/VBZ a/DT tremendous/JJ value/NN compared/VBN to/IN donating/VBG later/RB ./.");
        assert_eq!(t[6], "VBN");
        let t = repaired("google/VB nazi/JJ stolen/VBN art/NN recovery/NN");
        assert_eq!(t[2], "VBN");
        let t = repaired("He/PRP said/VBD the/DT art/NN stolen/VBN from/IN them/PRP ./.");
        assert_eq!(t[4], "VBN");
    }

    #[test]
    fn reduced_relatives_stay_participles() {
        // A preposition after the participle.
        let t = repaired("He/PRP said/VBD the/DT emails/NNS released/VBN on/IN Tuesday/NNP had/VBD no/DT bearing/NN ./.");
        assert_eq!(t[4], "VBN");
        let t = repaired("She/PRP said/VBD the/DT tax/NN breaks/NNS used/VBN by/IN Trump/NNP do/VBP nothing/NN ./.");
        assert_eq!(t[5], "VBN");
        // The clause has its own finite verb.
        let t = repaired("They/PRP believe/VBP the/DT nonwhites/NNS driven/VBN to/TO vote/VB against/IN him/PRP would/MD exceed/VB that/DT ./.");
        assert_eq!(t[4], "VBN");
        let t = repaired("He/PRP said/VBD this/DT thing/NN about/IN a/DT judge/NN that/WDT I/PRP did/VBD n't/RB like/VB ./.");
        assert_eq!(t[7], "WDT");
        let t = repaired("She/PRP wrote/VBD in/IN an/DT engaging/JJ way/NN that/WDT readers/NNS could/MD understand/VB ./.");
        assert_eq!(t[6], "WDT");
        // Not after a reporting verb.
        let t = repaired(
            "Polls/NNS showed/VBD Clinton/NNP poised/VBN to/TO carry/VB the/DT state/NN ./.",
        );
        assert_eq!(t[3], "VBN");
        // An auxiliary makes it a participle anyway: no noun right before.
        let t = repaired(
            "He/PRP said/VBD the/DT union/NN had/VBD expected/VBN production/NN to/TO rise/VB ./.",
        );
        assert_eq!(t[5], "VBN");
    }

    #[test]
    fn odd_input_does_not_panic() {
        repair_complement_verbs(&[], &mut [], false);
        let t = repaired("said/VBD the/DT union/NN expected/VBN");
        assert_eq!(t[3], "VBN");
        repair_complement_verbs(&["said"], &mut [Xpos::Vbd, Xpos::Dt], false);
    }

    #[test]
    fn a_reported_clauses_that_is_a_complementizer() {
        let t = repaired("Trump/NNP tweeted/VBD in/IN the/DT early/JJ morning/NN hours/NNS that/WDT Machado/NNP was/VBD disgusting/JJ ./.");
        assert_eq!(t[7], "IN");
        let t = repaired("He/PRP told/VBD reporters/NNS that/WDT Donald/NNP Trump/NNP may/MD have/VB lied/VBN ./.");
        assert_eq!(t[3], "IN");
        let t = repaired("She/PRP said/VBD Sunday/NNP night/NN that/WDT under/IN Obama/NNP ,/, jobs/NNS grew/VBD ./.");
        assert_eq!(t[5], "IN");
        let t = repaired("He/PRP said/VBD this/DT week/NN that/WDT prices/NNS rose/VBD ./.");
        assert_eq!(t[4], "IN");
    }

    #[test]
    fn relative_thats_stay() {
        // A subject gap, an object gap, a stranded preposition.
        let t = repaired("He/PRP wrote/VBD a/DT book/NN that/WDT inspired/VBD the/DT film/NN ./.");
        assert_eq!(t[4], "WDT");
        let t = repaired(
            "He/PRP told/VBD them/PRP a/DT story/NN that/WDT I/PRP heard/VBD about/IN ./.",
        );
        assert_eq!(t[5], "WDT");
        let t = repaired(
            "They/PRP say/VBP one/CD word/NN that/WDT I/PRP do/VBP n't/RB agree/VB with/IN ./.",
        );
        assert_eq!(t[4], "WDT");
        let t = repaired("He/PRP said/VBD this/DT thing/NN about/IN a/DT judge/NN that/WDT I/PRP did/VBD n't/RB like/VB ./.");
        assert_eq!(t[7], "WDT");
        let t = repaired("She/PRP wrote/VBD in/IN an/DT engaging/JJ way/NN that/WDT readers/NNS could/MD understand/VB ./.");
        assert_eq!(t[6], "WDT");
        // Not after a reporting verb.
        let t = repaired("He/PRP bought/VBD the/DT car/NN that/WDT she/PRP liked/VBD most/RBS ./.");
        assert_eq!(t[4], "WDT");
        // "say" takes no object before its clause.
        let t = repaired(
            "They/PRP say/VBP many/JJ things/NNS that/WDT critics/NNS cite/VBP as/IN proof/NN ./.",
        );
        assert_eq!(t[4], "WDT");
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [
            BARE_CLAUSE,
            THAT_CLAUSE,
            REPORTING_FORMS,
            HEARER_FIRST,
            TIME_WORDS,
            TIME_NOUNS,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }
}
