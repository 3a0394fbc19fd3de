//! Bad input gives a clear error naming the file, never a panic, and never
//! loses what was already processed.

mod common;

use common::{whosaid, write, TempDir};
use std::process::Output;

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn no_panic(o: &Output) {
    let err = stderr(o);
    assert!(!err.contains("panicked"), "panic: {err}");
    assert_ne!(
        o.status.code(),
        Some(101),
        "exit code 101 means a panic: {err}"
    );
}

#[test]
fn each_bad_file_is_named_and_the_good_one_still_comes_out() {
    let dir = TempDir::new("test-bad");
    let good = write(
        &dir,
        "good.txt",
        "“We will win,” the senator said on Tuesday.\n".as_bytes(),
    );
    let binary = write(&dir, "binary.bin", [0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 3]);
    let latin1 = write(
        &dir,
        "latin1.txt",
        b"Caf\xe9 owners said they were pleased.\n",
    );
    let empty = write(&dir, "empty.txt", b"");
    let out = whosaid(&[
        "analyze", "--format", "jsonl", &binary, &good, &latin1, &empty,
    ]);
    no_panic(&out);
    let err = stderr(&out);
    assert!(err.contains(&binary) && err.contains("binary"), "{err}");
    assert!(err.contains(&latin1) && err.contains("UTF-8"), "{err}");
    assert!(err.contains(&empty) && err.contains("empty"), "{err}");
    assert_eq!(out.status.code(), Some(1), "failures give a non-zero exit");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 1, "the good file is still analysed");
    assert!(stdout.contains("the senator said"));
}

#[test]
fn a_directory_with_unreadable_entries_still_completes() {
    let dir = TempDir::new("test-unreadable");
    write(&dir, "a.txt", b"The mayor said the budget was balanced.\n");
    write(&dir, "b.txt", b"Officials said the bridge would reopen.\n");
    // A dangling link cannot be read even by root.
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.join("missing.txt"), dir.join("dangling.txt")).expect("symlink");
    let out_dir = dir.join("out");
    let out = whosaid(&[
        "analyze",
        "--format",
        "json",
        "--out",
        out_dir.to_str().unwrap(),
        dir.to_str().unwrap(),
    ]);
    no_panic(&out);
    assert!(
        out_dir.join("a.json").exists() && out_dir.join("b.json").exists(),
        "{}",
        stderr(&out)
    );
    #[cfg(unix)]
    assert!(stderr(&out).contains("dangling.txt"), "{}", stderr(&out));
}

#[test]
fn oversized_documents_are_refused_by_name() {
    let dir = TempDir::new("test-big");
    // 50 MB of text: refused with a clear message, not analysed for minutes.
    let line = "The spokesman said the plan would be announced soon. ".repeat(20) + "\n";
    let big: String = line.repeat(50 * 1024 * 1024 / line.len() + 1);
    let path = write(&dir, "big.txt", big.as_bytes());
    let out = whosaid(&["analyze", &path]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&path) && stderr(&out).contains("limit"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn missing_file_is_reported() {
    let out = whosaid(&["analyze", "/nonexistent/whosaid/article.txt"]);
    no_panic(&out);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("/nonexistent/whosaid/article.txt"));
}
