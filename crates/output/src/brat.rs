//! brat standoff (`.ann`) output, compatible with PolNeAR: `Source`, `Cue`,
//! `Content` text-bound annotations, an `Attribution` copy of the cue, and one
//! `E` event line per attribution.

use std::fmt::Write;
use whosaid_core::{Document, Region};

/// The `.ann` text for `doc`'s attributions. Offsets are code points, as in PolNeAR.
pub fn to_brat(doc: &Document) -> String {
    let mut out = String::new();
    let mut next_t = 1;
    for (i, a) in doc.attributions.iter().enumerate() {
        let mut add = |label: &str, region: &Region, out: &mut String| -> Option<String> {
            if region.is_empty() {
                return None;
            }
            let id = format!("T{next_t}");
            next_t += 1;
            let offsets: Vec<String> = region
                .parts()
                .iter()
                .map(|p| format!("{} {}", p.start, p.end))
                .collect();
            let text: Vec<String> = region
                .parts()
                .iter()
                .map(|p| one_line(doc.slice(*p)))
                .collect();
            let _ = writeln!(
                out,
                "{id}\t{label} {}\t{}",
                offsets.join(";"),
                text.join(" ")
            );
            Some(id)
        };
        let source = a.source.as_ref().and_then(|r| add("Source", r, &mut out));
        let cue = add("Cue", &a.cue, &mut out);
        let content = a.content.as_ref().and_then(|r| add("Content", r, &mut out));
        let anchor = add("Attribution", &a.cue, &mut out);
        let Some(anchor) = anchor else { continue };
        let mut event = format!("E{}\tAttribution:{anchor}", i + 1);
        if let Some(t) = content {
            let _ = write!(event, " Content:{t}");
        }
        if let Some(t) = cue {
            let _ = write!(event, " Cue:{t}");
        }
        if let Some(t) = source {
            let _ = write!(event, " Source:{t}");
        }
        out.push_str(&event);
        out.push('\n');
    }
    out
}

/// brat keeps one annotation a line: fold line breaks inside a span.
fn one_line(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c == '\n' || c == '\r' || c == '\t' {
                ' '
            } else {
                c
            }
        })
        .collect()
}
