//! One error type for the agent. Messages name the step that failed and never carry key
//! material, auth values or tokens.

use std::path::PathBuf;

/// What went wrong; the text is meant for the operator.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A TPM command failed during `step`.
    #[error("{step}: {source}")]
    Tpm {
        step: &'static str,
        #[source]
        source: secl_tpm::Error,
    },
    /// Talking to HVS failed during `step` (unreachable, refused, or a malformed answer).
    #[error("{step}: {reason}")]
    Hvs { step: &'static str, reason: String },
    /// Reading or writing a file.
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The server's TLS set-up failed.
    #[error("TLS set-up: {0}")]
    Tls(#[from] secl_service::tls::TlsError),
    /// A command-line value or a file's content is unusable.
    #[error("{0}")]
    Invalid(String),
}

/// Result with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Maps an I/O error on `path` to [`Error::Io`].
pub(crate) fn io(path: &std::path::Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Maps a TPM error during `step` to [`Error::Tpm`].
pub(crate) fn tpm(step: &'static str) -> impl FnOnce(secl_tpm::Error) -> Error {
    move |source| Error::Tpm { step, source }
}
