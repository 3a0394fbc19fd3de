//! Date normalisation to ISO 8601: `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS[zone]`
//! when a time is known. Accepts ISO forms, `YYYY/MM/DD`, "Nov. 14, 2016",
//! "14 November 2016", "November 14th, 2016", and dates in URL paths.

use regex::Regex;
use std::sync::OnceLock;
use whosaid_core::month_number as month;

/// Whether a word is a month name or abbreviation ("Sept.", "March").
pub fn is_month(w: &str) -> bool {
    month(w).is_some()
}

fn valid(y: i32, m: u32, d: u32) -> bool {
    (1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)
}

fn ymd(y: i32, m: u32, d: u32) -> Option<String> {
    valid(y, m, d).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn re_iso() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?")
            .expect("static regex")
    })
}

fn re_mdy() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(
            r"(?i)(?-u:\b)([A-Za-z]{3,9}\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?-u:\b)",
        )
        .expect("static regex")
    })
}

fn re_dmy() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)(?-u:\b)(\d{1,2})(?:(?:st|nd|rd|th)?\s+(?:of\s+)?([A-Za-z]{3,9}\.?),?\s+|-([A-Za-z]{3,9})-)(\d{4})(?-u:\b)")
            .expect("static regex")
    })
}

/// The month of a [`re_dmy`] match: spaced ("14 Nov. 2016") or hyphenated
/// ("14-Nov-2016").
fn dmy_month(c: &regex::Captures) -> Option<u32> {
    month(c.get(2).or_else(|| c.get(3))?.as_str())
}

fn re_numeric() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?-u:\b)(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?-u:\b)").expect("static regex")
    })
}

/// Year first with the month's name ("2023 Jan 7": PubMed-style citation dates).
fn re_ymd_named() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)(?-u:\b)(\d{4})\s+([A-Za-z]{3,9}\.?)\s+(\d{1,2})(?-u:\b)")
            .expect("static regex")
    })
}

fn re_url() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?i)/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$|\b)|/((?:19|20)\d{2})(\d{2})(\d{2})/|/((?:19|20)\d{2})/([a-z]{3,9})/(\d{1,2})(?:/|-|$|\b)")
            .expect("static regex")
    })
}

/// Normalises a date string found in metadata (`content`, `datetime`, JSON-LD).
pub fn normalize(s: &str) -> Option<String> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Some(c) = re_iso().captures(s) {
        let y: i32 = c[1].parse().ok()?;
        let m: u32 = c[2].parse().ok()?;
        let d: u32 = c[3].parse().ok()?;
        let date = ymd(y, m, d)?;
        if let (Some(h), Some(mi)) = (c.get(4), c.get(5)) {
            let sec = c.get(6).map_or("00", |x| x.as_str());
            let zone = c.get(7).map_or(String::new(), |z| {
                let z = z.as_str();
                if z.len() == 5 {
                    format!("{}:{}", &z[..3], &z[3..])
                } else {
                    z.to_string()
                }
            });
            return Some(format!("{date}T{}:{}:{sec}{zone}", h.as_str(), mi.as_str()));
        }
        return Some(date);
    }
    if let Some(d) = find_visible(s) {
        return Some(d);
    }
    // Unix timestamps (seconds or milliseconds) appear in some meta tags.
    if s.bytes().all(|b| b.is_ascii_digit()) && (10..=13).contains(&s.len()) {
        let secs: i64 = s.parse().ok()?;
        let secs = if s.len() == 13 { secs / 1000 } else { secs };
        return civil(secs);
    }
    None
}

/// Days since the epoch to a calendar date (Howard Hinnant's algorithm).
fn civil(secs: i64) -> Option<String> {
    let z = secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    ymd(y, m, d)
}

/// Finds the first written-out date in running text ("Nov. 14, 2016",
/// "14 November 2016", "2016-12-15", "12/15/2016").
pub fn find_visible(s: &str) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    let mut consider = |pos: usize, v: Option<String>| {
        if let Some(v) = v {
            if best.as_ref().is_none_or(|(p, _)| pos < *p) {
                best = Some((pos, v));
            }
        }
    };
    for c in re_mdy().captures_iter(s) {
        if let (Some(m), Ok(d), Ok(y)) = (month(&c[1]), c[2].parse(), c[3].parse()) {
            consider(c.get(0).map_or(0, |x| x.start()), ymd(y, m, d));
            break;
        }
    }
    for c in re_dmy().captures_iter(s) {
        if let (Some(m), Ok(d), Ok(y)) = (dmy_month(&c), c[1].parse(), c[4].parse()) {
            consider(c.get(0).map_or(0, |x| x.start()), ymd(y, m, d));
            break;
        }
    }
    for c in re_ymd_named().captures_iter(s) {
        if let (Ok(y), Some(m), Ok(d)) = (c[1].parse(), month(&c[2]), c[3].parse()) {
            consider(c.get(0).map_or(0, |x| x.start()), ymd(y, m, d));
            break;
        }
    }
    if let Some(c) = re_iso().captures(s) {
        if let (Ok(y), Ok(m), Ok(d)) = (c[1].parse(), c[2].parse(), c[3].parse()) {
            consider(c.get(0).map_or(0, |x| x.start()), ymd(y, m, d));
        }
    }
    if let Some(c) = re_numeric().captures(s) {
        if let (Ok(a), Ok(b), Ok(y)) = (c[1].parse::<u32>(), c[2].parse::<u32>(), c[3].parse()) {
            // Month first (US) unless the first number cannot be a month.
            let v = if a > 12 { ymd(y, b, a) } else { ymd(y, a, b) };
            consider(c.get(0).map_or(0, |x| x.start()), v);
        }
    }
    best.map(|(_, v)| v)
}

/// The same date with day and month swapped (`2023-03-10` → `2023-10-03`):
/// the other reading of an all-numeric date such as "03/10/2023".
pub fn swap_day_month(s: &str) -> Option<String> {
    let y: i32 = s.get(..4)?.parse().ok()?;
    let m: u32 = s.get(5..7)?.parse().ok()?;
    let d: u32 = s.get(8..10)?.parse().ok()?;
    ymd(y, d, m)
}

/// Days since the epoch of a normalised date's calendar day.
pub fn day_number(s: &str) -> Option<i64> {
    let y: i64 = s.get(..4)?.parse().ok()?;
    let m: i64 = s.get(5..7)?.parse().ok()?;
    let d: i64 = s.get(8..10)?.parse().ok()?;
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Whether a calendar day (`YYYY-MM-DD...`) is the local date, somewhere
/// between UTC−12 and UTC+14, of a normalised timestamp that carries a time
/// and a zone (`2025-12-02T23:00:55+00:00`). `None` when the timestamp has no
/// zone (a bare date, or a time without offset): then nothing is known.
pub fn zone_explains(day: &str, stamp: &str) -> Option<bool> {
    let target = day_number(day)?;
    let date = day_number(stamp)?;
    let time = stamp.get(10..)?.strip_prefix('T')?;
    let h: i64 = time.get(..2)?.parse().ok()?;
    let mi: i64 = time.get(3..5)?.parse().ok()?;
    let zone = time.get(8..)?;
    let offset = if zone == "Z" {
        0
    } else {
        let sign = match zone.get(..1)? {
            "+" => 1,
            "-" => -1,
            _ => return None,
        };
        let zh: i64 = zone.get(1..3)?.parse().ok()?;
        let zm: i64 = zone.get(4..6)?.parse().ok()?;
        sign * (zh * 60 + zm)
    };
    let utc = date * 1440 + h * 60 + mi - offset;
    let earliest = (utc - 12 * 60).div_euclid(1440);
    let latest = (utc + 14 * 60).div_euclid(1440);
    Some((earliest..=latest).contains(&target))
}

/// Every written-out date in running text, with its byte offset, in order.
pub fn find_all_visible(s: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for c in re_mdy().captures_iter(s) {
        if let (Some(m), Ok(d), Ok(y)) = (month(&c[1]), c[2].parse(), c[3].parse()) {
            if let Some(v) = ymd(y, m, d) {
                out.push((c.get(0).map_or(0, |x| x.start()), v));
            }
        }
    }
    for c in re_dmy().captures_iter(s) {
        if let (Some(m), Ok(d), Ok(y)) = (dmy_month(&c), c[1].parse(), c[4].parse()) {
            if let Some(v) = ymd(y, m, d) {
                out.push((c.get(0).map_or(0, |x| x.start()), v));
            }
        }
    }
    for c in re_ymd_named().captures_iter(s) {
        if let (Ok(y), Some(m), Ok(d)) = (c[1].parse(), month(&c[2]), c[3].parse()) {
            if let Some(v) = ymd(y, m, d) {
                out.push((c.get(0).map_or(0, |x| x.start()), v));
            }
        }
    }
    for c in re_iso().captures_iter(s) {
        if let (Ok(y), Ok(m), Ok(d)) = (c[1].parse(), c[2].parse(), c[3].parse()) {
            if let Some(v) = ymd(y, m, d) {
                out.push((c.get(0).map_or(0, |x| x.start()), v));
            }
        }
    }
    for c in re_numeric().captures_iter(s) {
        if let (Ok(a), Ok(b), Ok(y)) = (c[1].parse::<u32>(), c[2].parse::<u32>(), c[3].parse()) {
            let v = if a > 12 { ymd(y, b, a) } else { ymd(y, a, b) };
            if let Some(v) = v {
                out.push((c.get(0).map_or(0, |x| x.start()), v));
            }
        }
    }
    out.sort();
    out
}

/// The first date written with its month's name ("Nov. 14, 2016", "14
/// November 2016") in running text: the forms least often something else
/// (numeric ones are also versions, references, DOIs).
pub fn find_written(s: &str) -> Option<String> {
    // Month names spelled out in the patterns and ASCII word boundaries:
    // this runs over a whole page's text, where the general patterns'
    // Unicode boundaries force the slow matcher.
    fn re_mdy() -> &'static Regex {
        static R: OnceLock<Regex> = OnceLock::new();
        R.get_or_init(|| {
            Regex::new(&format!(
                r"(?i)(?-u:\b)({MONTH_WORD})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?-u:\b)"
            ))
            .expect("static regex")
        })
    }
    fn re_dmy() -> &'static Regex {
        static R: OnceLock<Regex> = OnceLock::new();
        R.get_or_init(|| {
            Regex::new(&format!(
                r"(?i)(?-u:\b)(\d{{1,2}})(?:(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_WORD}),?\s+|-({MONTH_WORD})-)(\d{{4}})(?-u:\b)"
            ))
            .expect("static regex")
        })
    }
    const MONTH_WORD: &str = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?";
    let mdy = re_mdy().captures_iter(s).find_map(|c| {
        let v = ymd(c[3].parse().ok()?, month(&c[1])?, c[2].parse().ok()?)?;
        Some((c.get(0)?.start(), v))
    });
    let dmy = re_dmy().captures_iter(s).find_map(|c| {
        let v = ymd(c[4].parse().ok()?, dmy_month(&c)?, c[1].parse().ok()?)?;
        Some((c.get(0)?.start(), v))
    });
    match (mdy, dmy) {
        (Some(a), Some(b)) => Some(if b.0 < a.0 { b.1 } else { a.1 }),
        (a, b) => a.or(b).map(|(_, v)| v),
    }
}

/// An all-numeric date right after a label that names it ("Post time:
/// 01-04-2024", "Published: 03/10/2023"), month first unless the first
/// number cannot be a month: the last resort of a page dated nowhere else.
pub fn find_labelled_numeric(s: &str) -> Option<String> {
    static R: OnceLock<Regex> = OnceLock::new();
    let re = R.get_or_init(|| {
        Regex::new(r"(?i)(?-u:\b)(?:posted|published|post time|post date|publish date|date)(?:\s+on)?\s*:?\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?-u:\b)")
            .expect("static regex")
    });
    re.captures_iter(s).find_map(|c| {
        let a: u32 = c[1].parse().ok()?;
        let b: u32 = c[2].parse().ok()?;
        let y: i32 = c[3].parse().ok()?;
        // A two-digit year ("Posted 11/14/16") as POSIX `%y` reads it:
        // 00–68 this century, 69–99 the last.
        let y = match (c[3].len(), y) {
            (2, 0..=68) => 2000 + y,
            (2, _) => 1900 + y,
            _ => y,
        };
        if a > 12 {
            ymd(y, b, a)
        } else {
            ymd(y, a, b)
        }
    })
}

/// A date in a URL path (`/2016/12/15/`, `/20161215/`).
pub fn from_url(url: &str) -> Option<String> {
    let c = re_url().captures(url)?;
    let (y, m, d) = if c.get(1).is_some() {
        (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
    } else if c.get(4).is_some() {
        (c[4].parse().ok()?, c[5].parse().ok()?, c[6].parse().ok()?)
    } else {
        (c[7].parse().ok()?, month(&c[8])?, c[9].parse().ok()?)
    };
    ymd(y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises() {
        assert_eq!(
            normalize("2016-12-15T10:00:00Z").as_deref(),
            Some("2016-12-15T10:00:00Z")
        );
        assert_eq!(
            normalize("2016-12-15T10:00:00+0100").as_deref(),
            Some("2016-12-15T10:00:00+01:00")
        );
        assert_eq!(normalize("2016-12-15").as_deref(), Some("2016-12-15"));
        assert_eq!(normalize("Nov. 14, 2016").as_deref(), Some("2016-11-14"));
        assert_eq!(normalize("14 November 2016").as_deref(), Some("2016-11-14"));
        assert_eq!(
            normalize("Updated September 3rd, 2021 at 5pm").as_deref(),
            Some("2021-09-03")
        );
        assert_eq!(normalize("1481796000").as_deref(), Some("2016-12-15"));
        assert_eq!(normalize("no date"), None);
        assert_eq!(
            from_url("https://x.com/2016/12/15/politics/a.html").as_deref(),
            Some("2016-12-15")
        );
        assert_eq!(
            from_url("https://x.com/news/20161215/a").as_deref(),
            Some("2016-12-15")
        );
        assert_eq!(from_url("https://x.com/a-2016"), None);
        assert_eq!(
            find_written("v2.1 of 2020-01-01, by Jo on 3 March 2021; May 4, 2022").as_deref(),
            Some("2021-03-03")
        );
        assert_eq!(find_written("see 10.1016/j.x.2016.07.010"), None);
    }

    #[test]
    fn hyphenated_day_month_year() {
        assert_eq!(normalize("14-Nov-2016").as_deref(), Some("2016-11-14"));
        assert_eq!(
            find_all_visible("By Staff | 4-Sept-2016 | 3 min read"),
            vec![(11, "2016-09-04".to_string())]
        );
        assert_eq!(
            find_written("Last edited 07-jan-2021 10:02").as_deref(),
            Some("2021-01-07")
        );
        // Not a month between the hyphens.
        assert_eq!(normalize("14-Now-2016"), None);
    }

    #[test]
    fn dates_among_non_ascii_text() {
        assert_eq!(
            normalize("Nov.\u{a0}14,\u{a0}2016").as_deref(),
            Some("2016-11-14")
        );
        let found =
            find_all_visible("Publié — March 3, 2021 · Mis à jour 4 April 2021 · 05/06/2021");
        let days: Vec<&str> = found.iter().map(|(_, d)| d.as_str()).collect();
        assert_eq!(days, ["2021-03-03", "2021-04-04", "2021-05-06"]);
        assert_eq!(
            find_visible("«3 March 2021»").as_deref(),
            Some("2021-03-03")
        );
        // Letters run into the numbers: not dates.
        assert_eq!(find_visible("ABC12/10/2020x"), None);
    }

    #[test]
    fn labelled_numeric_dates() {
        assert_eq!(
            find_labelled_numeric("Share Post time: 01-04-2024 Next").as_deref(),
            Some("2024-01-04")
        );
        assert_eq!(
            find_labelled_numeric("Published on 25/03/2023").as_deref(),
            Some("2023-03-25")
        );
        // Unlabelled numbers are versions, prices, references.
        assert_eq!(find_labelled_numeric("version 01-04-2024"), None);
        assert_eq!(
            find_labelled_numeric("Posted: 11.14.16 by staff").as_deref(),
            Some("2016-11-14")
        );
        assert_eq!(
            find_labelled_numeric("Published 3/10/23.").as_deref(),
            Some("2023-03-10")
        );
        assert_eq!(find_labelled_numeric("Date: 1.2.345"), None);
        assert_eq!(
            find_labelled_numeric("Posted 12/31/99").as_deref(),
            Some("1999-12-31")
        );
        assert_eq!(find_labelled_numeric("Posted: 31-31-2024"), None);
    }

    #[test]
    fn time_zones_explain_a_day_off_only_when_they_can() {
        // 23:00 UTC is already the next day east of UTC+1, never the day before.
        assert_eq!(
            zone_explains("2025-12-03", "2025-12-02T23:00:55+00:00"),
            Some(true)
        );
        assert_eq!(
            zone_explains("2025-12-01", "2025-12-02T23:00:55+00:00"),
            Some(false)
        );
        // 22:02 UTC on the 19th is the 19th or 20th everywhere: not the 18th.
        assert_eq!(
            zone_explains("2025-12-18", "2025-12-19T22:02:58Z"),
            Some(false)
        );
        assert_eq!(
            zone_explains("2025-12-20", "2025-12-19T22:02:58Z"),
            Some(true)
        );
        // 03:05 UTC is the evening before in the Americas.
        assert_eq!(
            zone_explains("2025-12-18", "2025-12-19T03:05:00+00:00"),
            Some(true)
        );
        // Offsets are applied: 19:05 at UTC−8 is 03:05 UTC the next day.
        assert_eq!(
            zone_explains("2025-12-19", "2025-12-18T19:05:00-08:00"),
            Some(true)
        );
        assert_eq!(
            zone_explains("2025-12-17", "2025-12-18T19:05:00-08:00"),
            Some(false)
        );
        // Two days off is never a time zone.
        assert_eq!(
            zone_explains("2025-12-21", "2025-12-19T12:00:00Z"),
            Some(false)
        );
        // No zone, no answer.
        assert_eq!(zone_explains("2025-12-18", "2025-12-19T03:05:00"), None);
        assert_eq!(zone_explains("2025-12-18", "2025-12-19"), None);
        assert_eq!(zone_explains("2025-12-18", "garbage"), None);
    }

    #[test]
    fn year_first_month_names_and_url_month_names() {
        // PubMed-style citation dates.
        assert_eq!(normalize("2023 Jan 7").as_deref(), Some("2023-01-07"));
        assert_eq!(normalize("2024 June 30").as_deref(), Some("2024-06-30"));
        assert_eq!(
            find_all_visible("Cureus. 2023 Jan 7;15(1):e33475."),
            vec![(8, "2023-01-07".to_string())]
        );
        assert_eq!(normalize("2023 Janitor 7"), None);
        assert_eq!(
            from_url("https://x.org/blog/2023/october/03/wine-styles").as_deref(),
            Some("2023-10-03")
        );
        assert_eq!(from_url("https://x.org/blog/2023/tips/03/x"), None);
        assert_eq!(swap_day_month("2023-03-10").as_deref(), Some("2023-10-03"));
        assert_eq!(swap_day_month("2023-03-25"), None);
    }
}
