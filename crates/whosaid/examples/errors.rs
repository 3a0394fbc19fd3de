//! Error analysis on a PolNeAR split: `cargo run --release -p whosaid --example errors -- DIR`.
//! Prints missed and spurious cue words, and content/source boundary errors by category.

use std::collections::HashMap;
use whosaid_attribution::polnear::read_split;
use whosaid_attribution::{Enricher, Extractor};
use whosaid_core::{Document, Region};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or("../shared/data/polnear/dev".into());
    let model = std::env::args().nth(2);
    let arts = read_split(std::path::Path::new(&dir))?;
    let mut p = whosaid::layers_pipeline()?;
    let ex = match model {
        Some(m) => Extractor::from_bytes(&std::fs::read(m)?)?,
        None => Extractor::english()?,
    };
    let gold_cues = std::env::var("GOLD_CUES").is_ok();
    let ex2 = if gold_cues {
        Some(ex)
    } else {
        p.push(Box::new(ex));
        None
    };
    let _ = Enricher::new();
    let mut missed: HashMap<String, usize> = HashMap::new();
    let mut spurious: HashMap<String, usize> = HashMap::new();
    let mut cat: HashMap<&str, usize> = HashMap::new();
    let mut tot = (0usize, 0usize, 0usize);
    let show = std::env::var("SHOW").unwrap_or_default();
    for a in &arts {
        let mut d = Document::new(a.text.clone());
        p.run(&mut d)?;
        if let Some(ex) = &ex2 {
            let spans: Vec<whosaid_core::Span> = a
                .attributions
                .iter()
                .filter_map(|g| g.cue.as_ref()?.extent())
                .collect();
            d.attributions = ex.extract_for_cues(&d, &spans);
        }
        let r = whosaid_eval_lite(&a.text, &d, &a.attributions);
        tot.0 += r.0;
        tot.1 += r.1;
        tot.2 += r.2;
        let text = |r: &Region| -> String {
            r.parts()
                .iter()
                .map(|s| d.slice(*s))
                .collect::<Vec<_>>()
                .join(" … ")
        };
        for g in &a.attributions {
            let Some(gc) = &g.cue else { continue };
            let hit = d.attributions.iter().find(|p| p.cue.overlaps(gc));
            match hit {
                None => {
                    if show == "missed" {
                        let e = gc.extent().unwrap();
                        let ctx = whosaid_core::Span::new(
                            e.start.saturating_sub(80),
                            (e.end + 60).min(d.char_len()),
                        );
                        println!(
                            "MISS [{}] in: {}",
                            text(gc),
                            d.slice(ctx).replace('\n', " ")
                        );
                    }
                    *missed.entry(text(gc).to_lowercase()).or_default() += 1;
                    *cat.entry("cue missed").or_default() += 1;
                }
                Some(p) => {
                    let c = match (&p.content, &g.content) {
                        (Some(pc), Some(gc)) if pc.overlaps(gc) => {
                            let (pe, ge) = (pc.extent().unwrap(), gc.extent().unwrap());
                            if pe == ge {
                                "content exact-extent"
                            } else if pe.start > ge.start && pe.end < ge.end {
                                "content too short both ends"
                            } else if pe.start > ge.start {
                                "content starts late"
                            } else if pe.end < ge.end {
                                "content ends early"
                            } else if pe.start < ge.start || pe.end > ge.end {
                                "content too long"
                            } else {
                                "content other"
                            }
                        }
                        (None, Some(_)) => "content missing",
                        (Some(_), None) => "content spurious (gold none)",
                        (None, None) => "content both none",
                        _ => "content wrong place",
                    };
                    *cat.entry(c).or_default() += 1;
                    let s = match (&p.source, &g.source) {
                        (Some(ps), Some(gs)) if ps.overlaps(gs) => "source ok",
                        (None, Some(_)) => "source missing",
                        (Some(_), None) => "source spurious",
                        (None, None) => "source both none",
                        _ => "source wrong",
                    };
                    *cat.entry(s).or_default() += 1;
                    if !show.is_empty() && (s == show || c == show) {
                        println!(
                            "CUE {:?}\n  gold S {:?}\n  pred S {:?}\n  gold C {:?}\n  pred C {:?}",
                            text(gc),
                            g.source.as_ref().map(text),
                            p.source.as_ref().map(text),
                            g.content.as_ref().map(text),
                            p.content.as_ref().map(text)
                        );
                    }
                }
            }
        }
        for p in &d.attributions {
            if !a
                .attributions
                .iter()
                .any(|g| g.cue.as_ref().is_some_and(|c| c.overlaps(&p.cue)))
            {
                *spurious.entry(text(&p.cue).to_lowercase()).or_default() += 1;
            }
        }
    }
    let top = |m: &HashMap<String, usize>| {
        let mut v: Vec<_> = m.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        v.into_iter()
            .take(40)
            .map(|(k, n)| format!("{k}:{n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!(
        "missed cues ({}): {}",
        missed.values().sum::<usize>(),
        top(&missed)
    );
    println!(
        "spurious cues ({}): {}",
        spurious.values().sum::<usize>(),
        top(&spurious)
    );
    println!(
        "linked (simplified, not one-to-one): tp {} pred {} gold {} P {:.3} R {:.3}",
        tot.0,
        tot.1,
        tot.2,
        tot.0 as f64 / tot.1 as f64,
        tot.0 as f64 / tot.2 as f64
    );
    let mut c: Vec<_> = cat.into_iter().collect();
    c.sort();
    for (k, n) in c {
        println!("{k}: {n}");
    }
    Ok(())
}

/// Linked matches, counted loosely (each prediction matching any gold).
fn whosaid_eval_lite(
    _text: &str,
    d: &Document,
    gold: &[whosaid_attribution::polnear::GoldAttribution],
) -> (usize, usize, usize) {
    let ov = |a: &Option<Region>, b: &Option<Region>| match (a, b) {
        (Some(a), Some(b)) => a.overlaps(b),
        (None, None) => true,
        _ => false,
    };
    let tp = d
        .attributions
        .iter()
        .filter(|p| {
            gold.iter().any(|g| {
                g.cue.as_ref().is_some_and(|c| c.overlaps(&p.cue))
                    && ov(&p.content, &g.content)
                    && ov(&p.source, &g.source)
            })
        })
        .count();
    (tp, d.attributions.len(), gold.len())
}
