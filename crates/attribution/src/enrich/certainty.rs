//! Certainty: hedge and booster expressions, the ICD 203 likelihood band they
//! express, and analytic confidence ("a high level of confidence"), kept apart.

use super::words::{find_phrase, Word};
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

/// Every certainty expression in `words`, non-overlapping, longest match first.
pub fn scan(words: &[Word]) -> Vec<Found> {
    let mut taken = vec![false; words.len()];
    let mut found = Vec::new();
    let mut take = |phrase: &str, likelihood, confidence, found: &mut Vec<Found>| {
        let n = phrase.split(' ').count();
        for i in find_phrase(words, phrase) {
            if taken[i..i + n].iter().any(|&t| t) {
                continue;
            }
            taken[i..i + n].iter_mut().for_each(|t| *t = true);
            found.push(Found {
                span: words[i].span.cover(&words[i + n - 1].span),
                likelihood,
                confidence,
            });
        }
    };
    for (p, c) in CONFIDENCE {
        take(p, None, Some(*c), &mut found);
    }
    for (p, l) in LIKELIHOOD {
        take(p, Some(*l), None, &mut found);
    }
    for p in HEDGES {
        take(p, None, None, &mut found);
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
        let f = scan_text("And most certainly he likes it");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].likelihood, None);
    }
}
