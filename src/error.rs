//! The library's one error type, for every command: content errors (the
//! input has problems: exit 1) and usage or environment errors (exit 2).

use crate::diagnostic::Diagnostics;

/// The library's error: content problems (exit 1) or usage and environment
/// problems (exit 2).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input has errors; every one of the run is here.
    #[error("{} content error(s)", .0.error_count())]
    Content(Diagnostics),
    /// The command cannot be carried out as asked.
    #[error("{0}")]
    Usage(String),
    /// Reading or writing failed.
    #[error("{path}: {source}")]
    Io {
        /// The path involved.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
}

impl Error {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            Error::Content(_) => 1,
            Error::Usage(_) | Error::Io { .. } => 2,
        }
    }
}
