//! One error type for the crate, so a verifier can match on exactly which check failed and
//! report it (the KBS writes it into its audit record).

/// Why a TPM structure, a quote, a certification or a certificate was rejected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The bytes do not form the structure they claim to be.
    #[error("malformed {what}")]
    Malformed {
        /// The structure or field that could not be read, and why.
        what: String,
    },
    /// Well formed, but an algorithm or structure this crate does not handle.
    #[error("unsupported {what}")]
    Unsupported {
        /// What is not supported.
        what: String,
    },
    /// The TPMS_ATTEST does not start with TPM_GENERATED_VALUE, so no TPM produced it.
    #[error("attestation magic is {found:#010x}, not TPM_GENERATED_VALUE (0xff544347)")]
    BadMagic {
        /// The magic that was found.
        found: u32,
    },
    /// A quote was given where a certification was expected, or the other way round.
    #[error("attestation type is {found:#06x}, expected {expected:#06x}")]
    WrongAttestType {
        /// The TPM_ST_ATTEST_* tag required here.
        expected: u16,
        /// The tag the structure carries.
        found: u16,
    },
    /// The signature does not verify over the attestation under the given key.
    #[error("signature does not verify under the attestation key")]
    BadSignature,
    /// `extraData` is not the nonce / qualifying data the verifier chose: stale or replayed.
    #[error("nonce mismatch: attestation carries {found}, expected {expected}")]
    NonceMismatch {
        /// Hex of the expected nonce.
        expected: String,
        /// Hex of the attested extraData.
        found: String,
    },
    /// The quote covers other PCRs (or another bank) than the verifier asked for.
    #[error("PCR selection mismatch: quote covers {quoted}, expected {expected}")]
    PcrSelectionMismatch {
        /// The expected selection, e.g. `sha256:0,1,7`.
        expected: String,
        /// The quoted selection.
        quoted: String,
    },
    /// The quoted PCR digest is not the digest of the expected PCR values.
    #[error("PCR digest mismatch: quote has {quoted}, expected values give {expected}")]
    PcrDigestMismatch {
        /// Hex digest of the expected PCR values.
        expected: String,
        /// Hex digest in the quote.
        quoted: String,
    },
    /// The certified name is not the name of the public area said to be certified.
    #[error("certified name {attested} is not the key's name {computed}")]
    NameMismatch {
        /// Hex of the name inside the TPMS_ATTEST.
        attested: String,
        /// Hex of the name computed from the public area.
        computed: String,
    },
    /// The certified key's attributes are not those of a TPM-bound decrypt-only key.
    #[error("key attributes are not a binding key's: {which}")]
    WrongAttributes {
        /// Each attribute that is wrong, e.g. `sign is set, fixedTPM is clear`.
        which: String,
    },
    /// The public key in a certificate is not the key in the public area it carries.
    #[error("certificate public key does not match the TPM public area")]
    KeyMismatch,
    /// A certificate lacks an extension this check needs.
    #[error("certificate lacks extension {oid}")]
    MissingExtension {
        /// Dotted OID of the missing extension.
        oid: String,
    },
    /// The certificate is not the kind expected here (for example a signing-key certificate
    /// presented as a binding-key certificate).
    #[error("wrong certificate: {what}")]
    WrongCertificate {
        /// What is wrong with it.
        what: String,
    },
    /// A certificate does not chain to any trusted root; `cert` says which one.
    #[error("{cert} certificate is not trusted: {reason}")]
    Untrusted {
        /// Which certificate: `leaf`, `AIK` or `binding key`.
        cert: &'static str,
        /// Why.
        reason: ChainError,
    },
    /// Key generation, signing or encryption failed inside the RSA library.
    #[error("crypto failure: {0}")]
    Crypto(String),
}

/// Why a certificate did not chain to a trusted root.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ChainError {
    /// The certificate (or a root) is not valid DER X.509.
    #[error("cannot parse certificate: {0}")]
    Parse(String),
    /// No root's subject is the certificate's issuer.
    #[error("issuer {issuer} is not among the trusted roots")]
    UnknownIssuer {
        /// The issuer name, for the log.
        issuer: String,
    },
    /// A root with the issuer's name exists, but its key did not sign this certificate.
    #[error("signature does not verify under any root named {issuer}")]
    BadSignature {
        /// The issuer name.
        issuer: String,
    },
    /// Signed with an algorithm other than RSA PKCS#1 v1.5 with SHA-256/384/512.
    #[error("unsupported signature algorithm {oid}")]
    UnsupportedAlgorithm {
        /// Dotted OID.
        oid: String,
    },
    /// The certificate or its root is outside its validity window at the time checked.
    #[error("{which} is valid {not_before} .. {not_after}, not at {now}")]
    NotValidAt {
        /// `certificate` or `root`.
        which: &'static str,
        /// RFC 3339.
        not_before: String,
        /// RFC 3339.
        not_after: String,
        /// RFC 3339.
        now: String,
    },
    /// The signing root is not allowed to sign certificates (basic constraints or key usage).
    #[error("root {subject} is not a CA")]
    NotCa {
        /// The root's subject.
        subject: String,
    },
    /// A critical extension this verifier does not understand (RFC 5280 says: reject).
    #[error("unhandled critical extension {oid}")]
    UnhandledCriticalExtension {
        /// Dotted OID.
        oid: String,
    },
}

/// Result with this crate's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

pub(crate) fn malformed(what: impl Into<String>) -> Error {
    Error::Malformed { what: what.into() }
}

pub(crate) fn unsupported(what: impl Into<String>) -> Error {
    Error::Unsupported { what: what.into() }
}
