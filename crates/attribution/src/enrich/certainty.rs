//! Certainty: hedge and booster expressions, the ICD 203 likelihood band they
//! express, and analytic confidence ("a high level of confidence"), kept apart.

use super::words::Word;
use std::collections::HashMap;
use std::sync::LazyLock;
use whosaid_core::{Confidence, Likelihood, Span};

/// Likelihood phrases, longest first so "very likely" wins over "likely".
const LIKELIHOOD: &[(&str, Likelihood)] = &[
    ("almost no chance", Likelihood::AlmostNoChance),
    ("virtually no chance", Likelihood::AlmostNoChance),
    ("no chance", Likelihood::AlmostNoChance),
    ("remote chance", Likelihood::AlmostNoChance),
    ("highly unlikely", Likelihood::VeryUnlikely),
    ("very unlikely", Likelihood::VeryUnlikely),
    ("highly improbable", Likelihood::VeryUnlikely),
    ("extremely unlikely", Likelihood::VeryUnlikely),
    ("roughly even chance", Likelihood::RoughlyEvenChance),
    ("roughly even odds", Likelihood::RoughlyEvenChance),
    ("even chance", Likelihood::RoughlyEvenChance),
    ("toss-up", Likelihood::RoughlyEvenChance),
    ("fifty-fifty", Likelihood::RoughlyEvenChance),
    ("50-50", Likelihood::RoughlyEvenChance),
    ("almost certainly", Likelihood::AlmostCertain),
    ("almost certain", Likelihood::AlmostCertain),
    ("nearly certain", Likelihood::AlmostCertain),
    ("virtually certain", Likelihood::AlmostCertain),
    ("all but certain", Likelihood::AlmostCertain),
    ("very likely", Likelihood::VeryLikely),
    ("highly likely", Likelihood::VeryLikely),
    ("highly probable", Likelihood::VeryLikely),
    ("very probably", Likelihood::VeryLikely),
    ("most likely", Likelihood::VeryLikely),
    ("more likely than not", Likelihood::Likely),
    ("unlikely", Likelihood::Unlikely),
    ("improbable", Likelihood::Unlikely),
    ("probably not", Likelihood::Unlikely),
    ("doubtful", Likelihood::Unlikely),
    ("likely", Likelihood::Likely),
    ("probably", Likelihood::Likely),
    ("probable", Likelihood::Likely),
    ("apt to", Likelihood::Likely),
];

/// Confidence phrases.
const CONFIDENCE: &[(&str, Confidence)] = &[
    ("high level of confidence", Confidence::High),
    ("high degree of confidence", Confidence::High),
    ("high confidence", Confidence::High),
    ("highly confident", Confidence::High),
    ("very confident", Confidence::High),
    ("moderate level of confidence", Confidence::Moderate),
    ("moderate degree of confidence", Confidence::Moderate),
    ("moderate confidence", Confidence::Moderate),
    ("moderately confident", Confidence::Moderate),
    ("medium confidence", Confidence::Moderate),
    ("low level of confidence", Confidence::Low),
    ("low degree of confidence", Confidence::Low),
    ("low confidence", Confidence::Low),
];

/// Other hedges and boosters: reported as found, no band.
const HEDGES: &[&str] = &[
    "most certainly",
    "certainly",
    "definitely",
    "undoubtedly",
    "no doubt",
    "clearly",
    "surely",
    "possibly",
    "perhaps",
    "maybe",
    "may",
    "might",
    "could",
    "apparently",
    "allegedly",
    "reportedly",
    "seemingly",
    "presumably",
    "supposedly",
    "appears",
    "appeared",
    "seems",
    "seemed",
    "suggests",
    "suggested",
    "not certain",
    "uncertain",
    "unclear",
    "unconfirmed",
    "potentially",
    "arguably",
];

/// One expression found, with what it means.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub span: Span,
    pub likelihood: Option<Likelihood>,
    pub confidence: Option<Confidence>,
}

/// A lexicon phrase split into its words, with what it means.
struct Phrase {
    words: Vec<&'static str>,
    likelihood: Option<Likelihood>,
    confidence: Option<Confidence>,
}

/// Every phrase in the order [`scan`] gives them precedence (confidence,
/// likelihood, other hedges), and for each first word the phrases that
/// start with it: a span is scanned once, not once per phrase.
struct PhraseIndex {
    phrases: Vec<Phrase>,
    by_first: HashMap<&'static str, Vec<usize>>,
}

static PHRASES: LazyLock<PhraseIndex> = LazyLock::new(|| {
    let phrases: Vec<Phrase> = CONFIDENCE
        .iter()
        .map(|&(p, c)| (p, None, Some(c)))
        .chain(LIKELIHOOD.iter().map(|&(p, l)| (p, Some(l), None)))
        .chain(HEDGES.iter().map(|&p| (p, None, None)))
        .map(|(p, likelihood, confidence)| Phrase {
            words: p.split(' ').collect(),
            likelihood,
            confidence,
        })
        .collect();
    let mut by_first: HashMap<&'static str, Vec<usize>> = HashMap::new();
    for (k, p) in phrases.iter().enumerate() {
        by_first.entry(p.words[0]).or_default().push(k);
    }
    PhraseIndex { phrases, by_first }
});

/// Every certainty expression in `words`, non-overlapping, longest match first.
pub fn scan(words: &[Word]) -> Vec<Found> {
    let index = &*PHRASES;
    // Every match as (phrase, first word), then taken in phrase order and,
    // per phrase, from left to right.
    let mut matches: Vec<(usize, usize)> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let Some(candidates) = index.by_first.get(w.lower.as_str()) else {
            continue;
        };
        for &k in candidates {
            let phrase = &index.phrases[k].words;
            let fits = words
                .get(i..i + phrase.len())
                .is_some_and(|ws| ws.iter().zip(phrase).all(|(w, p)| w.lower == *p));
            if fits {
                matches.push((k, i));
            }
        }
    }
    if matches.is_empty() {
        return Vec::new();
    }
    // "10 percent more likely to die", "twice as likely", "less likely
    // than": a comparison of rates is what was found, not how sure anyone
    // is of it.
    matches.retain(|&(k, i)| {
        let phrase = &index.phrases[k].words;
        let compared = phrase.len() == 1
            && matches!(phrase[0], "likely" | "unlikely" | "probable")
            && (i > 0
                && matches!(
                    words[i - 1].lower.as_str(),
                    "more" | "less" | "as" | "equally"
                )
                || words.get(i + 1).is_some_and(|w| w.lower == "than"));
        !compared
    });
    if matches.is_empty() {
        return Vec::new();
    }
    matches.sort_unstable();
    let mut taken = vec![false; words.len()];
    let mut found = Vec::new();
    for (k, i) in matches {
        let phrase = &index.phrases[k];
        let n = phrase.words.len();
        if taken[i..i + n].iter().any(|&t| t) {
            continue;
        }
        taken[i..i + n].iter_mut().for_each(|t| *t = true);
        found.push(Found {
            span: words[i].span.cover(&words[i + n - 1].span),
            likelihood: phrase.likelihood,
            confidence: phrase.confidence,
        });
    }
    found.sort_by_key(|f| f.span);
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::enrich::words::words_in;
    use whosaid_core::Document;

    fn scan_text(t: &str) -> Vec<Found> {
        let d = Document::new(t);
        scan(&words_in(&d, Span::new(0, d.char_len())))
    }

    #[test]
    fn bands_and_confidence_are_separate() {
        let f = scan_text("Putin was likely directly involved");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].likelihood, Some(Likelihood::Likely));
        let f = scan_text("they have “a high level of confidence” regarding it");
        assert_eq!(f[0].confidence, Some(Confidence::High));
        assert_eq!(f[0].likelihood, None);
        let f = scan_text("it is very likely, though unlikely to matter");
        assert_eq!(
            f.iter().filter_map(|f| f.likelihood).collect::<Vec<_>>(),
            [Likelihood::VeryLikely, Likelihood::Unlikely]
        );
        // A comparison of rates is no likelihood.
        assert!(scan_text("eaters are 10 percent more likely to die early").is_empty());
        assert!(scan_text("twice as likely, and less likely than before").is_empty());
        let f = scan_text("And most certainly he likes it");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].likelihood, None);
    }
}
