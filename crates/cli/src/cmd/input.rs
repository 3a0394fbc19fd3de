//! Turning command-line inputs into documents, shared by `analyze` and `extract`.

use std::path::Path;
use whosaid::Document;

/// Input kinds a user can force with `--kind`.
#[derive(clap::ValueEnum, Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kind {
    Text,
}

/// Largest input read, in bytes: larger files get a clear error instead of
/// exhausting memory.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// The documents in one input (a file, or `-` for standard input), streamed.
/// Errors name the input.
pub fn read_documents(
    input: &Path,
    _kind: Option<Kind>,
) -> anyhow::Result<Box<dyn Iterator<Item = anyhow::Result<Document>>>> {
    let name = if input.as_os_str() == "-" {
        "<stdin>".to_string()
    } else {
        input.display().to_string()
    };
    let bytes = if input.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(
            &mut std::io::Read::take(std::io::stdin(), MAX_INPUT_BYTES + 1),
            &mut buf,
        )
        .map_err(|e| anyhow::anyhow!("{name}: cannot read: {e}"))?;
        buf
    } else {
        let meta =
            std::fs::metadata(input).map_err(|e| anyhow::anyhow!("{name}: cannot read: {e}"))?;
        if meta.len() > MAX_INPUT_BYTES {
            anyhow::bail!(
                "{name}: file is {} bytes, larger than the {} byte limit",
                meta.len(),
                MAX_INPUT_BYTES
            );
        }
        std::fs::read(input).map_err(|e| anyhow::anyhow!("{name}: cannot read: {e}"))?
    };
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        anyhow::bail!("{name}: input is larger than the {MAX_INPUT_BYTES} byte limit");
    }
    if bytes.contains(&0) {
        anyhow::bail!("{name}: looks like a binary file (contains NUL bytes), not text");
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => anyhow::bail!(
            "{name}: not valid UTF-8 (first bad byte at offset {})",
            e.utf8_error().valid_up_to()
        ),
    };
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text);
    if text.trim().is_empty() {
        anyhow::bail!("{name}: empty file, nothing to analyse");
    }
    let mut doc = Document::new(text);
    doc.meta.origin = Some(name);
    Ok(Box::new(std::iter::once(Ok(doc))))
}
