//! One error type for everything the host side of the TPM can report.

/// What went wrong talking to the TPM. Callers match on the variant; the text is for operators
/// and never carries key material, auth values or plaintext.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The TCTI string is not one this crate accepts (see [`crate::Tpm::open`]).
    #[error("bad TCTI {tcti:?}: {reason}")]
    Tcti { tcti: String, reason: String },
    /// The TCTI was fine but no TPM answered there.
    #[error("cannot open the TPM at {tcti}: {reason}")]
    Open { tcti: String, reason: String },
    /// The TPM holds no RSA-2048 EK certificate in NV index 0x01c00002.
    #[error("the TPM holds no EK certificate (NV index 0x01c00002)")]
    NoEkCertificate,
    /// A TPM command failed; `command` names it (as in the TPM 2.0 specification, without the
    /// `TPM2_` prefix).
    #[error("TPM2_{command} failed: {reason}")]
    Tpm {
        command: &'static str,
        reason: String,
    },
    /// TPM2_RSA_Decrypt failed. Deliberately says nothing more: wrong key, wrong label, bad
    /// padding and wrong auth all look the same to the caller (no padding oracle).
    #[error("decryption failed")]
    Decrypt,
    /// TPM2_ActivateCredential failed: the credential was not made for this TPM's EK and this
    /// AIK's name, or it was altered.
    #[error("credential activation failed: the credential was not made for this EK and AIK")]
    Credential,
    /// Bytes that should hold a TPM structure (key blobs from disk, a credential from the
    /// network, an EK certificate from NV) do not.
    #[error("malformed {what}: {reason}")]
    Malformed { what: &'static str, reason: String },
    /// The persistent storage primary is missing, or the object at its handle is not the key
    /// this crate derives (someone else's key must never parent or salt ours).
    #[error("storage primary: {0}")]
    StoragePrimary(String),
    /// The TPM or a key uses something this crate does not handle (say, a non-RSA EK).
    #[error("unsupported: {0}")]
    Unsupported(String),
    /// A caller-supplied argument is out of range (nonce too long, PCR index too high...).
    #[error("invalid argument: {0}")]
    InvalidArgument(String),
    /// Reading or writing a key blob file.
    #[error("{path}: {source}")]
    Io {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Result with this crate's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Maps a tss-esapi error from `command` to [`Error::Tpm`].
pub(crate) fn tpm(command: &'static str) -> impl FnOnce(tss_esapi::Error) -> Error {
    move |e| Error::Tpm {
        command,
        reason: e.to_string(),
    }
}

pub(crate) fn malformed(what: &'static str, reason: impl Into<String>) -> Error {
    Error::Malformed {
        what,
        reason: reason.into(),
    }
}
