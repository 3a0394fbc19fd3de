use crate::common::*;
use std::path::Path;
use whosaid_ingest::detect::{detect, from_extension, sniff};
use whosaid_ingest::{read_path, read_reader, Article, Columns, IngestError, Kind};

fn read_bytes(data: Vec<u8>, name: &str, kind: Option<Kind>) -> Vec<Result<Article, IngestError>> {
    read_reader(
        Box::new(std::io::Cursor::new(data)),
        name,
        kind,
        &Columns::default(),
    )
    .expect("readable")
    .collect()
}

#[test]
fn kind_from_str_and_display_round_trip() {
    for k in Kind::ALL {
        assert_eq!(k.to_string().parse::<Kind>(), Ok(k));
    }
    assert_eq!("RSS".parse::<Kind>(), Ok(Kind::Feed));
    assert_eq!("ndjson".parse::<Kind>(), Ok(Kind::Jsonl));
    let e = "pdf".parse::<Kind>().unwrap_err();
    assert!(e.to_string().contains("unknown input kind \"pdf\""));
}

#[test]
fn sniffing_by_content_then_extension() {
    let warc = html_response(
        "https://x.example/a",
        "2016-12-20T08:00:01Z",
        "<html></html>",
    );
    assert_eq!(sniff(&warc), Some(Kind::Warc));
    assert_eq!(detect(&gz(&warc), None), Kind::Warc);
    assert_eq!(detect(&gz(&warc)[..20], None), Kind::Text);
    assert_eq!(
        sniff(b"\xEF\xBB\xBF <?xml version=\"1.0\"?>\n<!-- c --><rss version=\"2.0\">"),
        Some(Kind::Feed)
    );
    assert_eq!(
        sniff(b"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"),
        Some(Kind::Feed)
    );
    assert_eq!(
        sniff(b"<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"x\">"),
        Some(Kind::Feed)
    );
    assert_eq!(sniff(b"<!DOCTYPE html><html>"), Some(Kind::Html));
    assert_eq!(sniff(b"  <html lang=en>"), Some(Kind::Html));
    assert_eq!(
        sniff(b"<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0\">\n<html>"),
        Some(Kind::Html)
    );
    assert_eq!(
        sniff(b"{\"text\": \"a\"}\n{\"text\": \"b\"}\n"),
        Some(Kind::Jsonl)
    );
    assert_eq!(sniff(b"{\"text\": \"a\"}\n{not json\n"), None);
    assert_eq!(
        sniff(b"{\n  \"version\": \"https://jsonfeed.org/version/1.1\",\n  \"items\": []\n}"),
        Some(Kind::Feed)
    );
    assert_eq!(sniff(b"id,Title,body\n1,a,b\n"), Some(Kind::Csv));
    assert_eq!(sniff(b"\"headline\",\"x\"\n"), Some(Kind::Csv));
    assert_eq!(sniff(b"Hello, world. The senator said.\n"), None);
    assert_eq!(sniff(b"WARC is a format, said the title"), None);
    assert_eq!(sniff(b"\x00\x01\x02"), None);
    assert_eq!(detect(b"a,b\n1,2\n", Some(Path::new("x.csv"))), Kind::Csv);
    assert_eq!(
        detect(b"<div>x</div>", Some(Path::new("x.txt"))),
        Kind::Html
    );
    assert_eq!(detect(b"plain", Some(Path::new("x.unknown"))), Kind::Text);
    assert_eq!(
        from_extension(Path::new("CC-NEWS-2016.warc.gz")),
        Some(Kind::Warc)
    );
    assert_eq!(from_extension(Path::new("a.jsonl.gz")), Some(Kind::Jsonl));
    assert_eq!(from_extension(Path::new("noext")), None);
}

#[test]
fn read_reader_every_kind() {
    // Text, with BOM.
    let t = read_bytes(
        b"\xEF\xBB\xBFThe senator said so.\n".to_vec(),
        "a.txt",
        None,
    );
    assert_eq!(t.len(), 1);
    assert_eq!(
        t[0].as_ref().map(|a| a.text.as_str()).ok(),
        Some("The senator said so.\n")
    );
    // Binary → error item.
    let t = read_bytes(b"abc\x00def".to_vec(), "b.bin", None);
    assert!(t[0]
        .as_ref()
        .is_err_and(|e| e.to_string().contains("binary file")));
    // HTML, gzipped.
    let h = read_bytes(
        gz(page("Senate vote", None, "HHH").as_bytes()),
        "p.html.gz",
        None,
    );
    let a = h[0].as_ref().expect("html article");
    assert!(a.text.contains("HHH The senator"), "{}", a.text);
    assert_eq!(a.id, "p.html.gz");
    assert_eq!(a.meta.title.as_deref(), Some("Senate vote"));
    // WARC, gzipped, without a telling name.
    let w = read_bytes(
        gz(&html_response(
            "https://x.example/a",
            "2016-12-20T08:00:01Z",
            &page("W", None, "WWW"),
        )),
        "data.bin",
        None,
    );
    assert_eq!(w.len(), 1);
    assert_eq!(
        w[0].as_ref().map(|a| a.id.as_str()).ok(),
        Some("https://x.example/a")
    );
    // Feed.
    let f = read_bytes(
        b"<rss version=\"2.0\"><channel><title>T</title><item><title>Hi</title><description>Body</description></item></channel></rss>".to_vec(),
        "f",
        None,
    );
    assert_eq!(
        f[0].as_ref().map(|a| a.text.as_str()).ok(),
        Some("Hi\n\nBody")
    );
    // JSONL, gzipped.
    let j = read_bytes(
        gz(b"{\"text\": \"One\"}\n{\"text\": \"Two\"}\n"),
        "j.jsonl.gz",
        None,
    );
    assert_eq!(j.len(), 2);
    // CSV forced with --kind over a misleading extension.
    let c = read_bytes(b"text\nOne\n".to_vec(), "c.txt", Some(Kind::Csv));
    assert_eq!(c[0].as_ref().map(|a| a.text.as_str()).ok(), Some("One"));
    // CSV without a text column: nothing readable.
    let e = read_reader(
        Box::new(&b"title,x\na,b\n"[..]),
        "n.csv",
        None,
        &Columns::default(),
    );
    assert!(e.is_err());
}

#[test]
fn read_path_opens_files_and_reports_missing_ones() {
    let dir = std::env::temp_dir().join(format!("whosaid-ingest-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let p = dir.join("corpus.csv");
    let _ = std::fs::write(&p, "title,text\nA,\"Line one\nline two\"\n");
    let items: Vec<_> = read_path(&p, None, &Columns::default())
        .expect("open")
        .collect();
    assert_eq!(items.len(), 1);
    let a = items[0].as_ref().expect("row");
    assert_eq!(a.text, "Line one\nline two");
    assert_eq!(a.origin.path, p.display().to_string());
    let _ = std::fs::remove_dir_all(&dir);

    let e = read_path(
        Path::new("/nonexistent/whosaid.txt"),
        None,
        &Columns::default(),
    )
    .err()
    .expect("missing file");
    assert!(
        e.to_string().starts_with("/nonexistent/whosaid.txt: "),
        "{e}"
    );
}
