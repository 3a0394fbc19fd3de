//! `whosaid nlp` prints CoNLL-U whose Char= offsets point into the input.

mod common;

use common::{whosaid, write, TempDir};
use std::io::Write;
use std::process::{Command, Stdio};

/// Runs `whosaid nlp - EXTRA…` on `input`; the command must succeed.
fn nlp(extra: &[&str], input: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args(["nlp", "-"])
        .args(extra)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("whosaid runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("write");
    let out = child.wait_with_output().expect("output");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn conllu_offsets_point_into_the_text() {
    let text = "“We will win,” the senator said. Sen. Smith didn’t agree.";
    let conllu = nlp(&[], text);
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

/// `--pretokenized` keeps the given tokens and fills every predicted column;
/// the input's FEATS and DEPS (which whosaid does not predict) are blanked so
/// they cannot pass for predictions.
#[test]
fn pretokenized_conllu_is_tagged_lemmatised_and_parsed() {
    let gold = "# text = Officials said it.\n\
                1\tOfficials\tGOLDLEMMA\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t2:nsubj\t_\n\
                2\tsaid\tGOLDLEMMA\tVERB\tVBD\tTense=Past\t0\troot\t0:root\t_\n\
                3\tit\tGOLDLEMMA\tPRON\tPRP\tCase=Nom\t2\tobj\t2:obj\tSpaceAfter=No\n\
                4\t.\tGOLDLEMMA\tPUNCT\t.\t_\t2\tpunct\t2:punct\t_\n\n";
    let conllu = nlp(&["--pretokenized"], gold);
    let rows: Vec<Vec<&str>> = conllu
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').collect())
        .collect();
    assert_eq!(rows.len(), 4, "{conllu}");
    assert_eq!(rows[1][1], "said");
    assert_eq!(rows[1][2], "say", "predicted lemma");
    assert!(rows.iter().all(|r| r[5] == "_" && r[8] == "_"), "{conllu}");
    assert_eq!(rows.iter().filter(|r| r[6] == "0").count(), 1, "one root");
    assert_eq!(rows[2][9], "SpaceAfter=No", "MISC kept");
}

/// Lines that are not ten-column word lines (a lone ID, a short line, a
/// range, an empty node, stray bytes) pass through untouched and do not
/// shift the tags of the word lines.
#[test]
fn pretokenized_input_with_malformed_lines_is_passed_through() {
    let input = "\u{1}garbage\n1\n\t\t\t\n\n\
                 1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
                 1\tdo\n\
                 3.1\tx\t_\n\
                 2\tSmith\t_\t_\t_\t_\t_\t_\t_\t_\n\
                 3\tleft\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
    let conllu = nlp(&["--pretokenized"], input);
    assert!(conllu.contains("\u{1}garbage\n1\n"), "{conllu}");
    assert!(conllu.contains("\n1\tdo\n3.1\tx\t_\n"), "{conllu}");
    let words: Vec<Vec<&str>> = conllu
        .lines()
        .map(|l| l.split('\t').collect::<Vec<_>>())
        .filter(|c| c.len() == 10 && c[0].parse::<u32>().is_ok())
        .collect();
    assert_eq!(words.len(), 2, "{conllu}");
    assert_eq!((words[0][1], words[0][3]), ("Smith", "PROPN"), "{conllu}");
    assert_eq!((words[1][1], words[1][3]), ("left", "VERB"), "{conllu}");
}

#[test]
fn the_accurate_parser_fills_the_same_columns() {
    let text = "Officials said on Tuesday that the vote would be delayed.";
    let fast = nlp(&[], text);
    let accurate = nlp(&["--accurate"], text);
    let rows = |c: &str| -> Vec<Vec<String>> {
        c.lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(|l| l.split('\t').map(str::to_string).collect())
            .collect()
    };
    let (f, a) = (rows(&fast), rows(&accurate));
    assert_eq!(f.len(), a.len());
    // Same tokens and tags; each tree has one root.
    for (x, y) in f.iter().zip(&a) {
        assert_eq!(x[..5], y[..5]);
    }
    assert_eq!(a.iter().filter(|r| r[6] == "0").count(), 1);
    assert_eq!(f.iter().filter(|r| r[6] == "0").count(), 1);
}

#[test]
fn silver_trees_are_written_for_the_sentences_the_parsers_agree_on() {
    let dir = TempDir::new("silver-trees");
    let text = write(
        &dir,
        "a.txt",
        "The senator said on Tuesday that the vote would be delayed. Officials did not comment.",
    );
    let json = write(
        &dir,
        "b.json",
        r#"{"ground_truth": {"main_content": "The company said its profits rose."}}"#,
    );
    let out = dir.join("silver.conllu");
    let out_arg = out.display().to_string();
    let trees = |agreement: &str| -> Vec<Vec<Vec<String>>> {
        let o = whosaid(&[
            "train",
            "silver-trees",
            &text,
            &json,
            "--out",
            &out_arg,
            "--min-agreement",
            agreement,
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let conllu = std::fs::read_to_string(&out).expect("silver file");
        conllu
            .split("\n\n")
            .filter(|b| !b.trim().is_empty())
            .map(|b| {
                b.lines()
                    .map(|l| l.split('\t').map(str::to_string).collect())
                    .collect()
            })
            .collect()
    };
    let all = trees("0");
    // Every sentence of both files, in order, each a tree with one root.
    assert_eq!(all.len(), 3);
    assert_eq!(all[0][1][1], "senator");
    assert_eq!(all[2][1][1], "company");
    for s in &all {
        assert_eq!(s.iter().filter(|r| r[6] == "0").count(), 1, "{s:?}");
        assert!(s.iter().all(|r| r.len() == 10 && !r[3].is_empty()));
    }
    // Full agreement keeps a subset of them, unchanged.
    for s in trees("1") {
        assert!(all.contains(&s));
    }
    // A missing input is named.
    let o = whosaid(&[
        "train",
        "silver-trees",
        "/nonexistent/x.txt",
        "--out",
        &out_arg,
    ]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("/nonexistent/x.txt"));
}
