use whosaid_ingest::table::{csv, jsonl, Columns};
use whosaid_ingest::{Article, IngestError};

fn split(items: Vec<Result<Article, IngestError>>) -> (Vec<Article>, Vec<String>) {
    let mut ok = Vec::new();
    let mut err = Vec::new();
    for i in items {
        match i {
            Ok(a) => ok.push(a),
            Err(e) => err.push(e.to_string()),
        }
    }
    (ok, err)
}

#[test]
fn csv_quoted_newlines_bom_defaults_and_bad_rows() {
    let data = "\u{feff}Headline,Content,Publish_Date,site_name,URL,author\n\
        \"Vote delayed\",\"The senator said, \"\"We wait.\"\"\nSecond paragraph.\",2016-12-15T10:00:00Z,Example News,https://x.example/a,Jane Doe; John Roe\n\
        \"No text\",,2016-12-16,,,\n\
        Plain,Just text,not a date,,,\n"
        .as_bytes()
        .to_vec();
    let mut bad = data.clone();
    // A row with invalid UTF-8 in the text column.
    bad.extend_from_slice(b"Broken,\"abc\xFF\",,,,\nLast,Final row,,,,\n");
    let items: Vec<_> = csv(bad.as_slice(), "c.csv", &Columns::default())
        .expect("header")
        .collect();
    let (ok, err) = split(items);
    assert_eq!(ok.len(), 3, "{err:?}");
    let a = &ok[0];
    assert_eq!(a.text, "The senator said, \"We wait.\"\nSecond paragraph.");
    assert_eq!(a.meta.title.as_deref(), Some("Vote delayed"));
    assert_eq!(a.meta.published.as_deref(), Some("2016-12-15T10:00:00Z"));
    assert_eq!(a.meta.site_name.as_deref(), Some("Example News"));
    assert_eq!(a.meta.url.as_deref(), Some("https://x.example/a"));
    assert_eq!(a.meta.authors, vec!["Jane Doe", "John Roe"]);
    assert_eq!(a.id, "https://x.example/a");
    assert_eq!(a.origin.record, Some(0));
    assert_eq!(a.origin.line, Some(2));
    assert_eq!(ok[1].text, "Just text");
    assert_eq!(ok[1].meta.published, None);
    assert_eq!(ok[1].id, "c.csv#2");
    assert_eq!(ok[2].text, "Final row");
    assert_eq!(err.len(), 2, "{err:?}");
    // The quoted newline makes the empty-text row line 4.
    assert!(
        err[0].starts_with("c.csv record 1 (line 4)") && err[0].contains("no text"),
        "{}",
        err[0]
    );
    assert!(
        err[1].contains("record 3 (line 6)") && err[1].contains("invalid UTF-8"),
        "{}",
        err[1]
    );
}

#[test]
fn csv_missing_text_column_and_overrides() {
    let data = b"title,summary\nA,B\n";
    let e = csv(&data[..], "m.csv", &Columns::default())
        .err()
        .expect("no text column");
    assert!(e.to_string().contains("no text column"), "{e}");
    assert!(e.to_string().contains("title, summary"), "{e}");

    let cols = Columns {
        text: Some("summary".into()),
        ..Default::default()
    };
    let a: Vec<_> = csv(&data[..], "m.csv", &cols).expect("header").collect();
    assert_eq!(a.len(), 1);
    assert_eq!(a[0].as_ref().map(|a| a.text.as_str()).ok(), Some("B"));

    let cols = Columns {
        date: Some("when".into()),
        ..cols
    };
    let e = csv(&data[..], "m.csv", &cols)
        .err()
        .expect("missing override");
    assert!(e.to_string().contains("no column \"when\""), "{e}");
}

#[test]
fn jsonl_bad_line_in_the_middle_and_missing_fields() {
    let data = "\u{feff}{\"maintext\": \"First article.\", \"title\": \"One\", \"date_publish\": \"2016-12-15 10:00:00\", \"authors\": [\"A. B\", \"C. D\"], \"source_domain\": \"example.com\", \"language\": \"en\"}\n\
        \n\
        {\"maintext\": \"Second\", oops}\n\
        [1, 2]\n\
        {\"title\": \"no text\"}\n\
        {\"text\": \"Third article.\", \"id\": 42, \"url\": \"https://x.example/3\"}\n\
        {\"text\": \"Unterminated\"";
    let items: Vec<_> = jsonl(data.as_bytes(), "n.jsonl", &Columns::default()).collect();
    let (ok, err) = split(items);
    assert_eq!(ok.len(), 2, "{err:?}");
    let a = &ok[0];
    assert_eq!(a.text, "First article.");
    assert_eq!(a.meta.title.as_deref(), Some("One"));
    assert_eq!(a.meta.published.as_deref(), Some("2016-12-15T10:00:00"));
    assert_eq!(a.meta.authors, vec!["A. B", "C. D"]);
    assert_eq!(a.meta.site_name.as_deref(), Some("example.com"));
    assert_eq!(a.meta.language.as_deref(), Some("en"));
    assert_eq!(a.id, "n.jsonl#0");
    assert_eq!(ok[1].id, "42");
    assert_eq!(ok[1].meta.url.as_deref(), Some("https://x.example/3"));
    assert_eq!(ok[1].origin.line, Some(6));
    assert_eq!(err.len(), 4, "{err:?}");
    assert!(
        err[0].starts_with("n.jsonl record 1 (line 3)") && err[0].contains("invalid JSON"),
        "{}",
        err[0]
    );
    assert!(
        err[1].contains("line 4") && err[1].contains("not a JSON object"),
        "{}",
        err[1]
    );
    assert!(
        err[2].contains("line 5") && err[2].contains("no text"),
        "{}",
        err[2]
    );
    assert!(
        err[3].contains("line 7") && err[3].contains("invalid JSON"),
        "{}",
        err[3]
    );
}

#[test]
fn jsonl_streams_many_rows() {
    struct Rows(u64, Vec<u8>);
    impl std::io::Read for Rows {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            if self.1.is_empty() {
                if self.0 == 0 {
                    return Ok(0);
                }
                self.0 -= 1;
                self.1 = format!("{{\"text\": \"Row {} text.\"}}\n", self.0).into_bytes();
            }
            let k = out.len().min(self.1.len());
            out[..k].copy_from_slice(&self.1[..k]);
            self.1.drain(..k);
            Ok(k)
        }
    }
    let r = std::io::BufReader::new(Rows(200_000, Vec::new()));
    let n = jsonl(r, "big.jsonl", &Columns::default())
        .filter(|a| a.is_ok())
        .count();
    assert_eq!(n, 200_000);
}
