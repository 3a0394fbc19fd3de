//! One module per area; each owns its subcommands' arguments and wiring.

pub mod analyze;
pub mod attribution;
pub mod entities;
pub mod ingest;
pub mod input;
pub mod nlp;
pub mod text;

/// What every command returns: an exit code, or an error printed by `main`.
pub type CmdResult = anyhow::Result<std::process::ExitCode>;

/// An error and its causes on one line, `outer: cause: …`, leaving out
/// what the message before a cause already says: library errors such as
/// `IngestError` spell out their source themselves (anyhow's `{:#}` would
/// print it twice), and a cause that starts with the file name a context
/// ends with ("reading a.txt" / "a.txt: no such file") keeps only the rest.
pub fn error_chain(err: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in err.chain() {
        let full = cause.to_string();
        if line.ends_with(&full) {
            continue;
        }
        let text = match full.split_once(": ") {
            Some((head, rest)) if !head.is_empty() && line.ends_with(head) => rest,
            _ => full.as_str(),
        };
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(text);
    }
    line
}

/// Reads a text file, gunzipping it when it starts with the gzip magic.
pub fn read_text_maybe_gz(path: &std::path::Path) -> anyhow::Result<String> {
    use anyhow::Context;
    use std::io::Read;
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut text = String::new();
        flate2::read::MultiGzDecoder::new(bytes.as_slice())
            .read_to_string(&mut text)
            .with_context(|| format!("{}: not valid gzip'd UTF-8", path.display()))?;
        Ok(text)
    } else {
        String::from_utf8(bytes).with_context(|| format!("{}: not valid UTF-8", path.display()))
    }
}

/// The raw texts of folders (files in name order) or files, with their
/// paths: `.json` files are WCXB ground truth (the article body), others
/// plain text.
pub fn raw_texts(
    paths: &[std::path::PathBuf],
) -> anyhow::Result<Vec<(std::path::PathBuf, String)>> {
    use anyhow::Context;
    let mut texts = Vec::new();
    for path in paths {
        let names: Vec<std::path::PathBuf> = if path.is_dir() {
            let mut names: Vec<std::path::PathBuf> = std::fs::read_dir(path)
                .with_context(|| format!("cannot list {}", path.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file())
                .collect();
            names.sort();
            names
        } else {
            vec![path.clone()]
        };
        for p in names {
            let text = read_text_maybe_gz(&p)?;
            if p.extension().is_some_and(|e| e == "json") {
                let v: serde_json::Value = serde_json::from_str(&text)
                    .with_context(|| format!("{}: not JSON", p.display()))?;
                if let Some(body) = v["ground_truth"]["main_content"].as_str() {
                    texts.push((p, body.to_string()));
                }
            } else {
                texts.push((p, text));
            }
        }
    }
    Ok(texts)
}

#[cfg(test)]
mod tests {
    use super::error_chain;
    use anyhow::Context;

    #[test]
    fn a_cause_already_in_the_message_is_not_repeated() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "no such file");
        let err = whosaid_ingest::IngestError::Io {
            origin: whosaid_ingest::Origin::file("a.html"),
            source: io,
        };
        let err = anyhow::Error::from(err);
        assert_eq!(error_chain(&err), "a.html: no such file");
    }

    #[test]
    fn context_and_cause_both_shown() {
        let err: anyhow::Result<()> =
            Err(std::io::Error::other("disk full")).context("cannot write out/a.json");
        let err = err.unwrap_err();
        assert_eq!(error_chain(&err), "cannot write out/a.json: disk full");
    }

    #[test]
    fn a_file_name_named_by_the_context_is_not_repeated() {
        let err: anyhow::Result<()> =
            Err(anyhow::anyhow!("a.txt: no such file")).context("reading a.txt");
        let err = err.unwrap_err();
        assert_eq!(error_chain(&err), "reading a.txt: no such file");
    }
}
