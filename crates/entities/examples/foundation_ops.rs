//! Runs the NLP foundation (or, with a second argument, the entity stages alone)
//! on the bench article N times, for instruction counts under
//! `valgrind --tool=cachegrind` (steadier than wall time on a shared VM):
//! `foundation_ops 20` minus `foundation_ops 0` is the cost of 20 documents.
use whosaid_core::{Document, Stage};
const TEXT: &str = "US intelligence officials believe Russian President Vladimir Putin was likely directly involved in the hacking campaign, NBC News reported Tuesday. \
The Russian president sought to weaken America, Michael McFaul, former ambassador to Russia, told NBC. \
“And most certainly he likes President-elect Trump’s views on Russia,” he added. \
The Republican National Committee said the RNC was not hacked, according to The Washington Post. \
Hillary Clinton's campaign chairman John Podesta said she was not surprised. Clinton declined to comment.\n";
fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10);
    let only_entities = std::env::args().nth(2).is_some();
    let text = TEXT.repeat(6);
    let stages: Vec<Box<dyn Stage>> = whosaid_nlp::english_stages()
        .unwrap()
        .into_iter()
        .chain(whosaid_entities::english_stages().unwrap())
        .collect();
    let mut base = Document::new(text.as_str());
    let k = stages.len() - whosaid_entities::english_stages().unwrap().len();
    for s in &stages[..k] {
        s.process(&mut base).unwrap();
    }
    let mut m = 0;
    for _ in 0..n {
        if only_entities {
            let mut d = base.clone();
            for s in &stages[k..] {
                s.process(&mut d).unwrap();
            }
            m += d.mentions.len();
        } else {
            let mut d = Document::new(text.as_str());
            for s in &stages {
                s.process(&mut d).unwrap();
            }
            m += d.mentions.len();
        }
    }
    println!("{m}");
}
