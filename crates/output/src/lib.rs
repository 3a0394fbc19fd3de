//! # whosaid-output
//!
//! Writers for analysed [`Document`](whosaid_core::Document)s:
//! - [`terminal::render`]: a readable view, coloured when asked;
//! - [`json::to_json`] / [`json::to_json_line`]: the versioned JSON view
//!   (schema [`json::SCHEMA`], documented in docs/schema.md);
//! - [`brat::to_brat`]: PolNeAR-compatible brat standoff `.ann`.

pub mod brat;
pub mod json;
pub mod terminal;

pub use brat::to_brat;
pub use json::{to_json, to_json_line, JsonOptions};
pub use terminal::{render, TerminalOptions};

#[cfg(test)]
mod tests {
    use super::*;
    use whosaid_core::{
        Attribution, Certainty, CueKind, Document, Likelihood, Region, SourceKind, Span,
    };

    fn sample() -> Document {
        // “We will likely win,” Smith said. NBC reported it.
        let mut d =
            Document::new("“We will likely win,” Smith said.\nNBC reported that Smith said so.");
        let attr = |id, source: Span, cue: Span, content: Span, parent| Attribution {
            id,
            source: Some(Region::single(source)),
            cue: Region::single(cue),
            content: Some(Region::single(content)),
            source_kind: Some(SourceKind::Person),
            speaker: None,
            cue_kind: CueKind::Assert,
            quote: None,
            certainty: Certainty::default(),
            parent,
            score: 0.9,
        };
        let mut a0 = attr(
            0,
            Span::new(22, 27),
            Span::new(28, 32),
            Span::new(0, 21),
            None,
        );
        a0.certainty.likelihood = Some(Likelihood::Likely);
        d.attributions.push(a0);
        d.attributions.push(attr(
            1,
            Span::new(34, 37),
            Span::new(38, 46),
            Span::new(47, 66),
            None,
        ));
        d.attributions.push(attr(
            2,
            Span::new(52, 57),
            Span::new(58, 62),
            Span::new(63, 65),
            Some(1),
        ));
        d
    }

    #[test]
    fn brat_lines_are_polnear_shaped() {
        let d = sample();
        let ann = to_brat(&d);
        let lines: Vec<&str> = ann.lines().collect();
        assert_eq!(lines[0], "T1\tSource 22 27\tSmith");
        assert_eq!(lines[1], "T2\tCue 28 32\tsaid");
        assert_eq!(lines[2], "T3\tContent 0 21\t“We will likely win,”");
        assert_eq!(lines[3], "T4\tAttribution 28 32\tsaid");
        assert_eq!(lines[4], "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1");
        assert_eq!(ann.lines().filter(|l| l.starts_with('E')).count(), 3);
    }

    #[test]
    fn json_view_carries_text_chain_and_bands() {
        let d = sample();
        let v: serde_json::Value =
            serde_json::from_str(&to_json(&d, JsonOptions::default())).unwrap();
        assert_eq!(v["schema"], json::SCHEMA);
        assert_eq!(v["attributions"][0]["source"]["text"], "Smith");
        assert_eq!(
            v["attributions"][0]["certainty"]["likelihood"]["band"],
            "likely"
        );
        assert_eq!(
            v["attributions"][0]["certainty"]["likelihood"]["percent"],
            serde_json::json!([55, 80])
        );
        assert_eq!(v["attributions"][2]["parent"], "A2");
        assert_eq!(v["attributions"][2]["via"], serde_json::json!(["A2"]));
        assert!(to_json_line(&d, JsonOptions::default()).lines().count() == 1);
    }

    #[test]
    fn terminal_view_shows_chain_and_plain_text_without_colour() {
        let d = sample();
        let out = render(
            &d,
            TerminalOptions {
                show_text: true,
                ..Default::default()
            },
        );
        assert!(!out.contains('\x1b'));
        assert!(out.contains("A3"));
        assert!(out.contains("via A2"));
        assert!(out.contains("likelihood likely (55-80 %)"));
        let coloured = render(
            &d,
            TerminalOptions {
                color: true,
                show_text: true,
                ..Default::default()
            },
        );
        assert!(coloured.contains("\x1b[1;33msaid\x1b[0m"));
    }
}
