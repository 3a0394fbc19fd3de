//! Cue kinds from the cue's words: deny, accuse, request, belief, report,
//! no comment, else assert.

use super::words::Word;
use whosaid_core::CueKind;

/// Stems (lowercase word starts) per kind. A cue word matches a kind when it
/// starts with one of the stems; `=word` matches that word only (a stem
/// would catch others: "pled" → "pledged", "beg" → "began"); entries with a
/// space match the cue's words joined.
const DENY: &[&str] = &[
    "deny",
    "denie",
    "denied",
    "denial",
    "reject",
    "refute",
    "dispute",
    "disput",
    "scoff",
    "rebut",
    "dismiss",
    "disavow",
    "contradict",
    "pushed back",
    "push back",
    "pushes back",
    "rebuff",
    "repudiat",
    "debunk",
];
const ACCUSE: &[&str] = &[
    "accus",
    "blam",
    "fault",
    "implicat",
    "indict",
    "charg",
    "allege",
    "alleging",
    "allegation",
];
const REQUEST: &[&str] = &[
    "request",
    "ask",
    "urg",
    "demand",
    "plead",
    "=pled",
    "appeal",
    "petition",
    "=beg",
    "=begs",
    "=begged",
    "=begging",
    "implor",
    "call for",
    "called for",
    "calling for",
    "calls for",
    "call on",
    "called on",
    "calling on",
    "calls on",
    "invit",
];
const BELIEF: &[&str] = &[
    "believ",
    "think",
    "thought",
    "fear",
    "suspect",
    "assum",
    "feel",
    "felt",
    "hope",
    "expect",
    "worr",
    "doubt",
    "want",
    "seek",
    "sought",
    "intend",
    "plan",
    "consider",
    "assess",
    "judg",
    "conclud",
    "convinced",
    "figur",
    "suppos",
    "wonder",
    "know",
    "knew",
    "understand",
    "understood",
    "presum",
    "reckon",
    "imagin",
    "wish",
    "determin",
    "hop",
    "guess",
    "trust",
    "aim",
    "tried",
    "try",
    "attempt",
    "decid",
];
const REPORT: &[&str] = &[
    "report",
    "according",
    "cite",
    "cited",
    "citing",
    "reveal",
    "learned",
    "obtained",
    "disclos",
    "publish",
    "=per",
    "leak",
    "quoted by",
];
/// Words that can sit in a cue without deciding its kind.
const NEUTRAL: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "did",
    "does",
    "do",
    "not",
    "never",
    "also",
    "formally",
    "publicly",
    "repeatedly",
    "strongly",
    "immediately",
    "previously",
    "later",
    "then",
    "will",
    "would",
    "could",
    "may",
    "might",
    "to",
    "at",
    "the",
    "a",
    "an",
    "he",
    "she",
    "they",
    "it",
];

/// Phrases that mark a refusal or failure to comment. Checked against the cue
/// and the words right after it.
pub const NO_COMMENT: &[&str] = &[
    "declined to comment",
    "declined comment",
    "declined to be interviewed",
    "did not respond to",
    "did not immediately respond to",
    "didn't respond to",
    "didn't immediately respond to",
    "did not return",
    "did not immediately return",
    "didn't return",
    "didn't immediately return",
    "could not be reached",
    "couldn't be reached",
    "could not immediately be reached",
    "did not reply",
    "did not immediately reply",
    "not immediately available for comment",
    "no comment",
    "refused to comment",
    "would not comment",
    "wouldn't comment",
    "did not comment",
    "did not immediately comment",
    "didn't comment",
    "didn't immediately comment",
    "declined immediate comment",
    "did not answer",
    "had no comment",
    "has no comment",
    "have no comment",
    "no immediate comment",
    "not respond to",
];

fn matches_any(word: &str, joined: &str, stems: &[&str]) -> bool {
    stems.iter().any(|s| {
        if let Some(exact) = s.strip_prefix('=') {
            word == exact
        } else if s.contains(' ') {
            joined.contains(s)
        } else {
            word.starts_with(s)
        }
    })
}

/// How many of the words after a cue [`classify`] reads.
pub const FOLLOWING_WORDS: usize = 6;

/// Classifies a cue given its words and the words that follow it in the sentence.
pub fn classify(cue: &[Word], following: &[Word]) -> CueKind {
    let joined: String = cue
        .iter()
        .chain(following.iter().take(FOLLOWING_WORDS))
        .map(|w| w.lower.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    // The short test of the two first: it fails for nearly every cue.
    if names_refused_object(&joined) && NO_COMMENT.iter().any(|p| joined.contains(p)) {
        return CueKind::NoComment;
    }
    let cue_joined: String = cue
        .iter()
        .map(|w| w.lower.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if refuses_to_answer(cue, &joined) || has_not_commented(&cue_joined) {
        return CueKind::NoComment;
    }
    let content_words: Vec<&str> = cue
        .iter()
        .map(|w| w.lower.as_str())
        .filter(|w| !NEUTRAL.contains(w))
        .collect();
    let words: Vec<&str> = if content_words.is_empty() {
        cue.iter().map(|w| w.lower.as_str()).collect()
    } else {
        content_words
    };
    // A plea in court is a statement, not a request: "pleaded guilty".
    let plea = words.iter().any(|w| w.starts_with("plead") || *w == "pled")
        && (joined.contains("guilty") || joined.contains("no contest"));
    if plea {
        return CueKind::Assert;
    }
    // "asked him to resign", "asked for a recount" request; "asked whether
    // he would run" and "“Why?” asked Gonzalez" put a question.
    let asks = words.iter().any(|w| w.starts_with("ask"))
        && !words
            .iter()
            .any(|w| matches_any(w, &cue_joined, &REQUEST[..1]));
    if asks {
        let after: Vec<&str> = following.iter().take(4).map(|w| w.lower.as_str()).collect();
        let requests = cue_joined.ends_with(" for")
            || cue_joined.ends_with(" to")
            || after.first().is_some_and(|w| matches!(*w, "for" | "that"))
            || after.contains(&"to");
        if !requests {
            return CueKind::Assert;
        }
    }
    for (stems, kind) in [
        (DENY, CueKind::Deny),
        (ACCUSE, CueKind::Accuse),
        (REQUEST, CueKind::Request),
        (REPORT, CueKind::Report),
        (BELIEF, CueKind::Belief),
    ] {
        if words.iter().any(|w| matches_any(w, &cue_joined, stems)) {
            return kind;
        }
    }
    CueKind::Assert
}

/// Refusals to say something in particular ("declined to say whether…",
/// "would not say how many…", "refused to discuss…"): the speaker withholds
/// comment on that. The refusal starts in the cue itself.
fn refuses_to_answer(cue: &[Word], joined: &str) -> bool {
    const REFUSALS: &[&str] = &[
        "declined to discuss",
        "refused to discuss",
        "declined to elaborate",
        "refused to elaborate",
        "declined to specify",
        "refused to specify",
        "declined to confirm",
        "refused to confirm",
        "declined to disclose",
        "refused to disclose",
        "declined to identify",
        "refused to identify",
        "declined to answer",
        "refused to answer",
        "would not elaborate",
        "wouldn't elaborate",
        "would not discuss",
        "wouldn't discuss",
    ];
    // "refused to say that…" can deny (and "refused to say the words…"
    // refuses a phrase); "would not say whether…" withholds.
    const NON_ANSWERS: &[&str] = &[
        "declined to say",
        "refused to say",
        "would not say",
        "wouldn't say",
        "did not say",
        "didn't say",
        "would not confirm",
        "wouldn't confirm",
    ];
    const OPEN_QUESTIONS: &[&str] = &[
        "whether", "if", "how", "when", "what", "who", "why", "where", "which",
    ];
    let starts_in_cue = |phrase: &str| {
        let first = phrase.split(' ').next().unwrap_or("");
        cue.iter().any(|w| w.lower == first)
    };
    let refusal = REFUSALS
        .iter()
        .any(|p| joined.contains(p) && starts_in_cue(p));
    let non_answer = || {
        NON_ANSWERS.iter().any(|p| {
            joined.split(p).nth(1).is_some_and(|after| {
                after
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| OPEN_QUESTIONS.contains(&w))
            }) && starts_in_cue(p)
        })
    };
    refusal || non_answer()
}

/// "has not commented publicly on", "has yet to comment on": the cue itself
/// says no comment was given (not "said the FBI has not commented").
fn has_not_commented(cue: &str) -> bool {
    [
        "not commented",
        "not publicly commented",
        "not yet commented",
        "n't commented",
        "yet to comment",
    ]
    .iter()
    .any(|p| cue.contains(p))
}

/// "did not return" alone is too generic ("did not return to the stage"):
/// a refusal to comment names what was refused or who could not be reached.
fn names_refused_object(joined: &str) -> bool {
    [
        "comment",
        "request",
        "call",
        "email",
        "message",
        "inquir",
        "question",
        "reached",
        "interview",
    ]
    .iter()
    .any(|o| joined.contains(o))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::words::words_in;
    use whosaid_core::{Document, Span};

    fn kind(cue: &str, after: &str) -> CueKind {
        let d = Document::new(format!("{cue} {after}"));
        let n = cue.chars().count() as u32;
        let cw = words_in(&d, Span::new(0, n));
        let fw = words_in(&d, Span::new(n, d.char_len()));
        classify(&cw, &fw)
    }

    #[test]
    fn kinds_of_common_cues() {
        assert_eq!(kind("has denied", "it was hacked"), CueKind::Deny);
        assert_eq!(kind("have scoffed at", "the notion"), CueKind::Deny);
        assert_eq!(
            kind("formally accused", "Russia of hacking"),
            CueKind::Accuse
        );
        assert_eq!(kind("have requested", "a briefing"), CueKind::Request);
        // Stems that would catch other words, and pleas in court.
        assert_eq!(kind("pledged", "to cut taxes"), CueKind::Assert);
        assert_eq!(kind("began", "to say that"), CueKind::Assert);
        assert_eq!(kind("begged", "him to stay"), CueKind::Request);
        assert_eq!(
            kind("pleaded", "with voters to stay home"),
            CueKind::Request
        );
        assert_eq!(kind("pleaded guilty", "to fraud"), CueKind::Assert);
        assert_eq!(kind("believe", "Putin was"), CueKind::Belief);
        assert_eq!(kind("sought to", "make us weaker"), CueKind::Belief);
        assert_eq!(kind("reported", "Tuesday"), CueKind::Report);
        assert_eq!(kind("According to", "those reports"), CueKind::Report);
        assert_eq!(
            kind("per", "a report from The Information"),
            CueKind::Report
        );
        assert_eq!(kind("as per", "ESPN"), CueKind::Report);
        assert_eq!(kind("said", "that"), CueKind::Assert);
        assert_eq!(kind("told", "NBC"), CueKind::Assert);
        assert_eq!(
            kind("did not immediately respond to requests for comment", ""),
            CueKind::NoComment
        );
        assert_eq!(
            kind("declined", "to comment on the matter"),
            CueKind::NoComment
        );
        assert_eq!(
            kind("did not immediately comment on", "the claim"),
            CueKind::NoComment
        );
        assert_eq!(
            kind("has not commented publicly on", "the case"),
            CueKind::NoComment
        );
        assert_eq!(
            kind("has yet to comment on", "the lawsuit"),
            CueKind::NoComment
        );
        assert_eq!(kind("did not return", "to the stage"), CueKind::Assert);
        assert_eq!(
            kind("said", "the FBI has not publicly commented"),
            CueKind::Assert
        );
        // Refusing to say something in particular withholds comment on it.
        assert_eq!(
            kind("declined to say", "whether he would run"),
            CueKind::NoComment
        );
        assert_eq!(kind("would not say", "how many died"), CueKind::NoComment);
        assert_eq!(kind("would not say", "that he lied"), CueKind::Assert);
        assert_eq!(kind("refused to say", "the words"), CueKind::Assert);
        assert_eq!(kind("said", "he declined to say more"), CueKind::Assert);
        // Asking for something requests it; asking a question does not.
        assert_eq!(kind("asked", "him to resign"), CueKind::Request);
        assert_eq!(kind("asked", "for a recount"), CueKind::Request);
        assert_eq!(kind("asked", "whether he would run"), CueKind::Assert);
        assert_eq!(kind("asked", "Maria Gonzalez a teacher"), CueKind::Assert);
        assert_eq!(kind("alleges", "that the company lied"), CueKind::Accuse);
        assert_eq!(kind("claiming allegiance to", "the group"), CueKind::Assert);
    }
}
