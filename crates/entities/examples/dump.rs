//! Prints the mentions and entities the pipeline finds in a text file (error analysis).

use whosaid_core::Document;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: dump FILE")?;
    let text = std::fs::read_to_string(&path)?;
    let mut doc = Document::new(text);
    for s in whosaid_nlp::english_stages()? {
        s.process(&mut doc)?;
    }
    for s in whosaid_entities::english_stages()? {
        s.process(&mut doc)?;
    }
    for m in &doc.mentions {
        let e = m
            .entity
            .map_or("-".to_string(), |e| doc.entities[e as usize].name.clone());
        println!(
            "{:>6} {:<30} {:?}/{:?} -> {}",
            m.span.start,
            doc.slice(m.span),
            m.kind,
            m.mention_type,
            e
        );
    }
    Ok(())
}
