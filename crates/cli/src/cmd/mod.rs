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
