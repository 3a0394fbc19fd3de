//! Lemmatiser: suffix rules by Penn tag, plus an exception table learned from
//! UD EWT train (every form whose gold lemma the rules get wrong).
//!
//! `whosaid train nlp lemmas` rebuilds `models/lemmas.tsv` (lines
//! `form<TAB>XPOS<TAB>lemma`, forms lowercased); the table is embedded.

use std::collections::HashMap;
use whosaid_core::Xpos;

static ENGLISH_TABLE: &str = include_str!("../../../models/lemmas.tsv");

/// Lemmas for (word, Penn tag) pairs.
pub struct Lemmatizer {
    /// Per Penn tag (by `Xpos::index`): lowercased form → lemma. Split by tag
    /// so a lookup borrows the form instead of building a (String, tag) key.
    exceptions: Vec<HashMap<String, String>>,
}

impl Lemmatizer {
    /// The lemmatiser with the embedded English exception table.
    pub fn english() -> Self {
        Self::from_table(ENGLISH_TABLE)
    }

    /// A lemmatiser over a `form<TAB>XPOS<TAB>lemma` table (bad lines skipped).
    pub fn from_table(table: &str) -> Self {
        let mut exceptions = vec![HashMap::new(); Xpos::ALL.len()];
        for line in table.lines() {
            let mut cols = line.split('\t');
            if let (Some(form), Some(tag), Some(lemma)) = (cols.next(), cols.next(), cols.next()) {
                if let Some(x) = Xpos::parse(tag) {
                    exceptions[x.index()].insert(form.to_string(), lemma.to_string());
                }
            }
        }
        Lemmatizer { exceptions }
    }

    /// The lemma of `word` tagged `xpos`.
    pub fn lemma(&self, word: &str, xpos: Xpos) -> String {
        let lower = normalise(word);
        if let Some(l) = self.exceptions[xpos.index()].get(lower.as_str()) {
            return l.clone();
        }
        rules(word, &lower, xpos)
    }
}

/// Lowercase with the typographic apostrophe folded.
fn normalise(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == '’' { '\'' } else { c })
        .collect()
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// "stopp" → "stop", "runn" → "run"; "fall", "miss", "buzz" keep theirs.
fn undouble(stem: &str) -> Option<String> {
    let b = stem.as_bytes();
    let n = b.len();
    if n >= 3
        && b[n - 1] == b[n - 2]
        && !is_vowel(b[n - 1])
        && !matches!(b[n - 1], b'l' | b's' | b'z' | b'f')
    {
        return Some(stem[..n - 1].to_string());
    }
    None
}

/// Adds the silent e a stripped stem lost ("mak(ing)" → "make", "bas(ed)"
/// → "base", "solv(ed)" → "solve", "prais(ed)" → "praise", "declin(ed)" →
/// "decline"); the exception table holds what this
/// gets wrong among EWT's forms, so it only guesses for unseen words.
fn restore_e(stem: &str) -> String {
    let b = stem.as_bytes();
    let n = b.len();
    if n < 2 {
        return stem.to_string();
    }
    let last = b[n - 1];
    let vowels = b.iter().filter(|c| is_vowel(**c)).count();
    let cvc = is_vowel(b[n - 2])
        && !is_vowel(last)
        && !matches!(last, b'w' | b'x' | b'y')
        && (n == 2 || !is_vowel(b[n - 3]))
        && vowels == 1;
    let needs_e = cvc
        || last == b'v'
        || stem.ends_with("iz")
        || stem.ends_with("dg")
        || stem.ends_with("nc")
        || stem.ends_with("rc")
        // "prais(ed)", "propos(ed)", "releas(ing)", "caus(ed)".
        || (n > 3 && last == b's' && is_vowel(b[n - 2]) && !is_vowel(b[n - 3]))
        // "prais(ed)", "paus(ed)", "pleas(ed)", "bruis(ed)"; not "bias(ed)".
        || (n > 3
            && last == b's'
            && is_vowel(b[n - 2])
            && is_vowel(b[n - 3])
            && !stem.ends_with("ias"))
        || (n > 3 && stem.ends_with("at") && !is_vowel(b[n - 3]))
        // "declin(ed)", "outlin(ing)"; not "join(ed)", "remain(ing)".
        || (n > 3 && stem.ends_with("in") && !is_vowel(b[n - 3]));
    if needs_e {
        format!("{stem}e")
    } else {
        stem.to_string()
    }
}

/// Suffix rules for forms the table does not hold.
fn rules(word: &str, lower: &str, xpos: Xpos) -> String {
    let strip = |suffix: &str| lower.strip_suffix(suffix).filter(|s| s.len() >= 2);
    match xpos {
        // Proper nouns keep their form (EWT lemmatises "Putin" as "Putin").
        Xpos::Nnp => word.to_string(),
        Xpos::Nnps => word
            .strip_suffix('s')
            .filter(|s| s.len() >= 2)
            .unwrap_or(word)
            .to_string(),
        Xpos::Nns => {
            if let Some(s) = strip("ies") {
                format!("{s}y")
            } else if let Some(s) = ["sses", "xes", "ches", "shes", "zzes"]
                .iter()
                .find_map(|suf| lower.strip_suffix(suf).map(|s| (s, suf)))
                .map(|(s, suf)| format!("{s}{}", &suf[..suf.len() - 2]))
            {
                s
            } else if lower.ends_with("ss") || lower.ends_with("us") || lower.ends_with("is") {
                lower.to_string()
            } else {
                strip("s").map_or_else(|| lower.to_string(), str::to_string)
            }
        }
        Xpos::Vbz => {
            if let Some(s) = strip("ies") {
                format!("{s}y")
            } else if let Some(s) = ["sses", "xes", "ches", "shes", "zzes", "oes"]
                .iter()
                .find_map(|suf| lower.strip_suffix(suf).map(|s| (s, suf)))
                .map(|(s, suf)| format!("{s}{}", &suf[..suf.len() - 2]))
            {
                s
            } else {
                strip("s").map_or_else(|| lower.to_string(), str::to_string)
            }
        }
        Xpos::Vbd | Xpos::Vbn => {
            if let Some(s) = strip("ied") {
                format!("{s}y")
            } else if let Some(s) = strip("eed") {
                format!("{s}ee")
            } else if let Some(s) = strip("ed") {
                undouble(s).unwrap_or_else(|| restore_e(s))
            } else {
                lower.to_string()
            }
        }
        Xpos::Vbg => {
            if let Some(s) = strip("ying").filter(|s| s.ends_with(['l', 'd', 't'])) {
                format!("{s}ie")
            } else if let Some(s) = strip("ing") {
                undouble(s).unwrap_or_else(|| restore_e(s))
            } else {
                lower.to_string()
            }
        }
        Xpos::Jjr | Xpos::Rbr => {
            if let Some(s) = strip("ier") {
                format!("{s}y")
            } else if let Some(s) = strip("er") {
                undouble(s).unwrap_or_else(|| s.to_string())
            } else {
                lower.to_string()
            }
        }
        Xpos::Jjs | Xpos::Rbs => {
            if let Some(s) = strip("iest") {
                format!("{s}y")
            } else if let Some(s) = strip("est") {
                undouble(s).unwrap_or_else(|| s.to_string())
            } else {
                lower.to_string()
            }
        }
        _ => lower.to_string(),
    }
}

/// Builds the exception table from gold (form, XPOS, lemma) triples: every
/// form whose most frequent gold lemma the rules do not produce. Sorted, so
/// the output is deterministic.
pub fn learn_exceptions<'a>(triples: impl IntoIterator<Item = (&'a str, Xpos, &'a str)>) -> String {
    let mut counts: HashMap<(String, Xpos), HashMap<String, usize>> = HashMap::new();
    for (form, xpos, lemma) in triples {
        if lemma == "_" || lemma.is_empty() {
            continue;
        }
        // Gold case is kept: EWT lemmatises "I" as "I", "Sunni" as "Sunni".
        let lemma = lemma.replace('’', "'");
        *counts
            .entry((normalise(form), xpos))
            .or_default()
            .entry(lemma)
            .or_default() += 1;
    }
    let mut rows: Vec<String> = Vec::new();
    for ((form, xpos), lemmas) in counts {
        let Some((best, _)) = lemmas
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        else {
            continue;
        };
        // Proper nouns: the rules keep the written form; only record changes.
        let by_rule = rules(&form, &form, xpos);
        if by_rule != best && !form.contains('\t') && !best.contains('\t') {
            rows.push(format!("{form}\t{}\t{best}", xpos.as_str()));
        }
    }
    rows.sort();
    let mut out = rows.join("\n");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_cover_regular_forms() {
        let l = Lemmatizer::from_table("");
        assert_eq!(l.lemma("officials", Xpos::Nns), "official");
        assert_eq!(l.lemma("agencies", Xpos::Nns), "agency");
        assert_eq!(l.lemma("churches", Xpos::Nns), "church");
        assert_eq!(l.lemma("reported", Xpos::Vbd), "report");
        assert_eq!(l.lemma("stopped", Xpos::Vbd), "stop");
        assert_eq!(l.lemma("denied", Xpos::Vbd), "deny");
        assert_eq!(l.lemma("declined", Xpos::Vbd), "decline");
        assert_eq!(l.lemma("outlining", Xpos::Vbg), "outline");
        assert_eq!(l.lemma("joined", Xpos::Vbd), "join");
        assert_eq!(l.lemma("remaining", Xpos::Vbg), "remain");
        assert_eq!(l.lemma("praised", Xpos::Vbd), "praise");
        assert_eq!(l.lemma("paused", Xpos::Vbd), "pause");
        assert_eq!(l.lemma("pleasing", Xpos::Vbg), "please");
        assert_eq!(l.lemma("biased", Xpos::Vbn), "bias");
        assert_eq!(l.lemma("believes", Xpos::Vbz), "believe");
        assert_eq!(l.lemma("running", Xpos::Vbg), "run");
        assert_eq!(l.lemma("bigger", Xpos::Jjr), "big");
        assert_eq!(l.lemma("Putin", Xpos::Nnp), "Putin");
        assert_eq!(l.lemma("The", Xpos::Dt), "the");
    }

    #[test]
    fn exceptions_override_rules() {
        let table = learn_exceptions([
            ("said", Xpos::Vbd, "say"),
            ("told", Xpos::Vbn, "tell"),
            ("reported", Xpos::Vbd, "report"),
        ]);
        assert!(
            !table.contains("reported"),
            "regular forms stay out of the table"
        );
        let l = Lemmatizer::from_table(&table);
        assert_eq!(l.lemma("said", Xpos::Vbd), "say");
        assert_eq!(l.lemma("Told", Xpos::Vbn), "tell");
    }

    #[test]
    fn embedded_table_loads_and_odd_input_is_safe() {
        let l = Lemmatizer::english();
        assert_eq!(l.lemma("said", Xpos::Vbd), "say");
        assert_eq!(l.lemma("was", Xpos::Vbd), "be");
        for w in ["", "s", "ed", "ing", "ß", "日本", "’s"] {
            for x in [Xpos::Nns, Xpos::Vbd, Xpos::Vbg, Xpos::Vbz, Xpos::Jjs] {
                let _ = l.lemma(w, x);
            }
        }
    }
}
