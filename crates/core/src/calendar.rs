//! Calendar words, shared by the stages that read dates: HTML metadata
//! ("Nov. 14, 2016") and time phrases around attributions ("on Nov. 14").

/// Full month names, lower case.
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Whether a lower-case word is a month's full name ("march", not "mar").
pub fn is_month_name(lower: &str) -> bool {
    MONTHS.contains(&lower)
}

/// The month (1–12) a word names: its full name or an abbreviation of at
/// least three letters ("Sept", "Nov."), in any case, with or without a
/// final period. Words that merely start like a month ("marsh", "junk")
/// name none.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.strip_suffix('.').unwrap_or(word);
    if w.len() < 3 || !w.is_ascii() {
        return None;
    }
    let w = w.to_ascii_lowercase();
    let m = MONTHS.iter().position(|full| full.starts_with(&w))?;
    Some(m as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::month_number;

    #[test]
    fn names_and_abbreviations_name_months() {
        for (w, m) in [
            ("January", 1),
            ("feb", 2),
            ("Mar.", 3),
            ("Sept.", 9),
            ("sept", 9),
            ("NOV", 11),
            ("december", 12),
            ("May", 5),
        ] {
            assert_eq!(month_number(w), Some(m), "{w}");
        }
        for w in ["marsh", "junk", "ma", "", "novembre", "Jänner", "."] {
            assert_eq!(month_number(w), None, "{w}");
        }
    }
}
