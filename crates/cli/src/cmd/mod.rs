//! One module per area; each owns its subcommands' arguments and wiring.

pub mod analyze;
pub mod attribution;
pub mod entities;
pub mod ingest;
pub mod input;
pub mod nlp;

/// What every command returns: an exit code, or an error printed by `main`.
pub type CmdResult = anyhow::Result<std::process::ExitCode>;
