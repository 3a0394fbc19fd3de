//! One garden path the greedy tagger cannot see its way out of: "Figueroa
//! said the campaign planned to bus in supporters". Read left to right,
//! "the campaign planned" looks like a noun with a reduced relative ("the
//! campaign planned for years"), so the tagger says VBN; the clause that
//! follows a reporting verb needs a finite verb, and here there is no other.
//! With VBN the parser hangs the clause on the noun and the attribution
//! model finds no content.
//!
//! The repair reads the whole clause, which the tagger's left-to-right
//! features cannot: after a finite reporting or belief verb (and an
//! optional "that"), a noun phrase, then a VBN that takes an object or an
//! infinitive (not a preposition: "the emails released on Tuesday", "the
//! tax breaks used by Trump" stay participles), and no finite verb before
//! the clause ends. Then the VBN is the clause's past-tense verb.

use whosaid_core::Xpos;

/// Finite forms of verbs that take a bare clause ("said the union
/// expected…", "believe the campaign planned…"). Lowercase.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "claimed",
    "claims",
    "claim",
    "noted",
    "notes",
    "note",
    "added",
    "adds",
    "insisted",
    "insists",
    "insist",
    "argued",
    "argues",
    "argue",
    "acknowledged",
    "acknowledges",
    "acknowledge",
    "reported",
    "reports",
    "wrote",
    "writes",
    "write",
    "warned",
    "warns",
    "warn",
    "explained",
    "explains",
    "announced",
    "announces",
    "believed",
    "believes",
    "believe",
    "thought",
    "thinks",
    "think",
    "knew",
    "knows",
    "know",
    "contended",
    "contends",
    "contend",
    "predicted",
    "predicts",
    "predict",
    "asserted",
    "asserts",
    "assert",
    "admitted",
    "admits",
    "admit",
    "confirmed",
    "confirms",
    "confirm",
    "suggested",
    "suggests",
    "suggest",
    "tweeted",
    "tweets",
    "hoped",
    "hopes",
    "hope",
    "feared",
    "fears",
    "fear",
    "felt",
    "feels",
    "feel",
    "recalled",
    "recalls",
    "recall",
    "alleged",
    "alleges",
    "allege",
    "agreed",
    "agrees",
    "agree",
    "conceded",
    "concedes",
    "concede",
    "maintained",
    "maintains",
    "maintain",
    "complained",
    "complains",
    "complain",
    "testified",
    "testifies",
    "testify",
    "suspected",
    "suspects",
    "suspect",
    "guessed",
    "guess",
    "realized",
    "realizes",
    "realize",
    "stressed",
    "stresses",
    "stress",
    "countered",
    "counters",
    "counter",
    "replied",
    "replies",
    "reply",
    "recounted",
    "recounts",
    "recount",
    "posted",
    "posts",
    "post",
];

/// Words that open a new clause, so a finite verb after them is not the
/// complement's own.
const CLAUSE_OPENERS: &[&str] = &[
    "that", "because", "although", "though", "if", "whether", "while", "whereas", "since",
    "unless", "until", "once", "so",
];

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
                | Xpos::Hyph
        )
}

/// What may follow a past-tense verb directly but not a reduced relative
/// participle: an object, an infinitive, a clause.
fn opens_an_object(x: Xpos, lower: &str) -> bool {
    in_noun_phrase(x) && x != Xpos::Pos && x != Xpos::Hyph
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

/// Retags as VBD each VBN that is the only verb of a reporting verb's bare
/// complement clause (see the module docs). `lower` holds the words
/// lowercased, `xpos` the tagger's tags, changed in place.
pub(crate) fn repair_complement_verbs(lower: &[&str], xpos: &mut [Xpos]) {
    let n = xpos.len().min(lower.len());
    for cue in 0..n {
        if !(matches!(xpos[cue], Xpos::Vbd | Xpos::Vbz | Xpos::Vbp)
            && REPORTING.contains(&lower[cue]))
        {
            continue;
        }
        let mut start = cue + 1;
        if start < n && lower[start] == "that" {
            start += 1;
        }
        let mut end = start;
        while end < n && in_noun_phrase(xpos[end]) {
            end += 1;
        }
        let verb = end;
        if verb == start || verb + 1 >= n || xpos[verb] != Xpos::Vbn || !is_noun(xpos[verb - 1]) {
            continue;
        }
        if opens_an_object(xpos[verb + 1], lower[verb + 1])
            && !finite_verb_follows(lower, xpos, verb + 1)
        {
            xpos[verb] = Xpos::Vbd;
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
        repair_complement_verbs(&words, &mut tags);
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
    fn reduced_relatives_stay_participles() {
        // A preposition after the participle.
        let t = repaired("He/PRP said/VBD the/DT emails/NNS released/VBN on/IN Tuesday/NNP had/VBD no/DT bearing/NN ./.");
        assert_eq!(t[4], "VBN");
        let t = repaired("She/PRP said/VBD the/DT tax/NN breaks/NNS used/VBN by/IN Trump/NNP do/VBP nothing/NN ./.");
        assert_eq!(t[5], "VBN");
        // The clause has its own finite verb.
        let t = repaired("They/PRP believe/VBP the/DT nonwhites/NNS driven/VBN to/TO vote/VB against/IN him/PRP would/MD exceed/VB that/DT ./.");
        assert_eq!(t[4], "VBN");
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
        repair_complement_verbs(&[], &mut []);
        let t = repaired("said/VBD the/DT union/NN expected/VBN");
        assert_eq!(t[3], "VBN");
        repair_complement_verbs(&["said"], &mut [Xpos::Vbd, Xpos::Dt]);
    }
}
