//! `whosaid nlp` prints CoNLL-U whose Char= offsets point into the input.

use std::io::Write;
use std::process::{Command, Stdio};

#[test]
fn conllu_offsets_point_into_the_text() {
    let text = "“We will win,” the senator said. Sen. Smith didn’t agree.";
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["nlp", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("whosaid runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("output");
    assert!(out.status.success());
    let conllu = String::from_utf8_lossy(&out.stdout);
    let chars: Vec<char> = text.chars().collect();
    let mut rows = 0;
    for line in conllu
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 10, "{line}");
        let (s, e) = cols[9]
            .split('|')
            .find_map(|kv| kv.strip_prefix("Char="))
            .and_then(|r| r.split_once('-'))
            .expect("Char=s-e");
        let (s, e): (usize, usize) = (s.parse().unwrap(), e.parse().unwrap());
        assert_eq!(chars[s..e].iter().collect::<String>(), cols[1]);
        assert_ne!(cols[3], "_", "UPOS is filled");
        rows += 1;
    }
    assert_eq!(conllu.matches("# sent_id").count(), 2);
    assert!(rows >= 14);
    assert!(conllu.contains("\tn’t\t"));
    // The entity layers: Smith is a named person, and a coreference mention.
    let smith = conllu
        .lines()
        .find(|l| l.split('\t').nth(1) == Some("Smith"))
        .expect("Smith row");
    assert!(
        smith.contains("NER=B-PERSON") || smith.contains("NER=I-PERSON"),
        "{smith}"
    );
    assert!(smith.contains("Coref="), "{smith}");
    // Heads and relations are filled by the parser.
    assert!(conllu.contains("\troot\t"));
}
