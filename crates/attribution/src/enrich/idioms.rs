//! Fixed phrases built on a reporting verb that report nothing: "That said,"
//! and "Having said that," (a concession), "easier said than done",
//! "needless to say", "it goes without saying", and the writer's "let's
//! say / let's look at / let us consider", a death "pronounced" by a
//! doctor. The span model reads their verb as a cue like any other.

use super::words::{first_words_in, words_in, Word};
use whosaid_core::{Document, Span};

/// Words that may come before a concessive "that said" in its sentence.
const CONCESSION_LEAD: &[&str] = &[
    "with", "all", "but", "and", "so", "yet", "now", "that", "this", "being", "having", "been",
];

/// Whether the cue at `cue` (its extent; `sentence` the sentence holding it)
/// is the verb of one of these phrases.
pub(crate) fn is_idiom_cue(doc: &Document, cue: Span, sentence: Span) -> bool {
    let before = words_in(doc, Span::new(sentence.start.min(cue.start), cue.start));
    if after_lets(&before) {
        return true;
    }
    let cue_words = words_in(doc, cue);
    let after_end = sentence.end.max(cue.end);
    let after = first_words_in(doc, Span::new(cue.end, after_end), 3);
    // "was pronounced dead at the scene": a death recorded, not a claim.
    if cue_words.last().is_some_and(|w| w.lower == "pronounced")
        && after.first().is_some_and(|w| w.lower == "dead")
    {
        return true;
    }
    let [verb] = cue_words.as_slice() else {
        return false;
    };
    let prev = |k: usize| {
        before
            .len()
            .checked_sub(k)
            .map(|i| before[i].lower.as_str())
    };
    let next = |k: usize| after.get(k).map(|w: &Word| w.lower.as_str());
    // The character right after a word (or the cue), skipping nothing.
    let comma_after = |end: u32| doc.slice(Span::new(end, (end + 1).min(after_end))) == ",";
    match verb.lower.as_str() {
        "said" => {
            let lead_only = before
                .iter()
                .all(|w| CONCESSION_LEAD.contains(&w.lower.as_str()));
            // "That said, …", "With that said, …", "That being said, …".
            let that_said = lead_only
                && before
                    .iter()
                    .any(|w| matches!(w.lower.as_str(), "that" | "this"))
                && comma_after(cue.end);
            // "Having said that, …".
            let having_said = lead_only
                && prev(1) == Some("having")
                && matches!(next(0), Some("that" | "this"))
                && after.first().is_some_and(|w| comma_after(w.span.end));
            let easier = prev(1) == Some("easier") && next(0) == Some("than");
            that_said || having_said || easier
        }
        "say" => {
            // "needless to say", "suffice it to say", "to say the least",
            // "that is to say", "so to say".
            prev(1) == Some("to")
                && (matches!(prev(2), Some("needless" | "is" | "so"))
                    || (prev(2) == Some("it") && prev(3) == Some("suffice"))
                    || (next(0) == Some("the") && next(1) == Some("least")))
        }
        "saying" => prev(1) == Some("without") && matches!(prev(2), Some("goes" | "go" | "went")),
        _ => false,
    }
}

/// "Let's say a problem pops up", "let’s take a look at", "Let us now
/// consider": the writer invites the reader; nobody is credited. The words
/// before the cue end with "let's" or "let us", an adverb or two aside.
fn after_lets(before: &[Word]) -> bool {
    let mut rest = before;
    while let [head @ .., last] = rest {
        if matches!(
            last.lower.as_str(),
            "just" | "quickly" | "now" | "first" | "briefly" | "also"
        ) {
            rest = head;
        } else {
            break;
        }
    }
    match rest {
        [.., w] if matches!(w.lower.as_str(), "let's" | "let’s") => true,
        [.., let_, us] => let_.lower == "let" && matches!(us.lower.as_str(), "us" | "'s" | "’s"),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the first occurrence of `cue` in `text` (one sentence) is an idiom.
    fn idiom(text: &str, cue: &str) -> bool {
        let d = Document::new(text);
        let at = text.find(cue).expect("cue in text");
        let start = text[..at].chars().count() as u32;
        let span = Span::new(start, start + cue.chars().count() as u32);
        is_idiom_cue(&d, span, Span::new(0, d.char_len()))
    }

    #[test]
    fn concessions_and_fixed_phrases_are_idioms() {
        assert!(idiom(
            "That said, Cruz cannot get enough delegates.",
            "said"
        ));
        assert!(idiom("With that said, SEO is not dead.", "said"));
        assert!(idiom("All that said, streaming has grown.", "said"));
        assert!(idiom("That being said, the books arrived.", "said"));
        assert!(idiom("Having said that, he left.", "said"));
        assert!(idiom("That’s easier said than done.", "said"));
        assert!(idiom("Needless to say, the vote failed.", "say"));
        assert!(idiom("It was a bad week, to say the least.", "say"));
        assert!(idiom(
            "It goes without saying that safety matters.",
            "saying"
        ));
        assert!(idiom(
            "The bouncer was pronounced dead at the scene.",
            "was pronounced"
        ));
        assert!(!idiom(
            "The judge pronounced the sentence unjust.",
            "pronounced"
        ));
    }

    #[test]
    fn the_writers_lets_credits_nobody() {
        assert!(idiom("For example, let’s say the cost is $10,000.", "say"));
        assert!(idiom(
            "Let's take a look at some customers.",
            "take a look at"
        ));
        assert!(idiom("Let’s just say I’m not laughing yet.", "say"));
        assert!(idiom("Let us now consider the evidence.", "consider"));
        assert!(!idiom("He let his aides say the plan was dead.", "say"));
    }

    #[test]
    fn reports_stay() {
        // A relative "that" after a noun is the message's subject.
        assert!(!idiom(
            "They passed out water bottles that said, “Welcome.”",
            "said"
        ));
        assert!(!idiom("That said more about him than about her.", "said"));
        assert!(!idiom(
            "He said that, in his view, the deal was dead.",
            "said"
        ));
        assert!(!idiom("Officials did not say the least thing.", "say"));
        assert!(!idiom("He has said that before.", "said"));
    }
}
