//! One variant per refusal reason, so a KBS audit record can say exactly why a report failed.

/// Why a SAML report was refused (or could not be built or signed).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SamlError {
    /// Not well-formed XML, or not the expected SAML/XML-DSig structure.
    #[error("malformed SAML report: {0}")]
    Malformed(String),
    /// A DOCTYPE (and with it entity declarations) is refused outright.
    #[error("SAML report contains a DOCTYPE; DTDs and entities are refused")]
    Doctype,
    /// The document carries no ds:Signature.
    #[error("SAML report is not signed")]
    NotSigned,
    /// More than one ds:Signature anywhere in the document.
    #[error("SAML report contains more than one Signature")]
    MultipleSignatures,
    /// The Signature is not a direct child of the root Assertion.
    #[error("the Signature is not a direct child of the root Assertion")]
    SignatureMisplaced,
    /// Not exactly one Reference, or its URI does not name the root Assertion.
    #[error("signature reference mismatch: {0}")]
    ReferenceMismatch(String),
    /// Another element carries the root Assertion's ID.
    #[error("ID {0:?} is carried by more than one element")]
    DuplicateId(String),
    /// An algorithm or transform outside the strict profile.
    #[error("unsupported or disallowed algorithm: {0}")]
    UnsupportedAlgorithm(String),
    /// The digest of the signed Assertion does not match its DigestValue.
    #[error("digest of the signed Assertion does not match")]
    DigestMismatch,
    /// The SignatureValue does not verify under the signer's key.
    #[error("signature value does not verify")]
    BadSignature,
    /// The signer certificate is not one of the trusted certificates.
    #[error("signer certificate is not trusted")]
    UntrustedSigner,
    /// The signer certificate's NotAfter has passed.
    #[error("signer certificate has expired")]
    CertificateExpired,
    /// The signer certificate's NotBefore is still in the future.
    #[error("signer certificate is not yet valid")]
    CertificateNotYetValid,
    /// The report's NotBefore is still in the future.
    #[error("SAML report is not yet valid")]
    NotYetValid,
    /// The report's NotOnOrAfter has passed.
    #[error("SAML report has expired")]
    Expired,
    /// The report was issued longer ago than the caller allows.
    #[error("SAML report is older than allowed")]
    TooOld,
    /// A required attribute is missing, repeated, or not decodable.
    #[error("SAML attribute {0:?} is missing or invalid")]
    MissingAttribute(String),
    /// Building or signing a report failed (bad key, key/certificate mismatch).
    #[error("cannot sign SAML report: {0}")]
    Signing(String),
}

impl SamlError {
    /// A short stable code for audit records and metrics.
    pub fn code(&self) -> &'static str {
        match self {
            SamlError::Malformed(_) => "malformed",
            SamlError::Doctype => "doctype",
            SamlError::NotSigned => "not_signed",
            SamlError::MultipleSignatures => "multiple_signatures",
            SamlError::SignatureMisplaced => "signature_misplaced",
            SamlError::ReferenceMismatch(_) => "reference_mismatch",
            SamlError::DuplicateId(_) => "duplicate_id",
            SamlError::UnsupportedAlgorithm(_) => "unsupported_algorithm",
            SamlError::DigestMismatch => "digest_mismatch",
            SamlError::BadSignature => "bad_signature",
            SamlError::UntrustedSigner => "untrusted_signer",
            SamlError::CertificateExpired => "certificate_expired",
            SamlError::CertificateNotYetValid => "certificate_not_yet_valid",
            SamlError::NotYetValid => "not_yet_valid",
            SamlError::Expired => "expired",
            SamlError::TooOld => "too_old",
            SamlError::MissingAttribute(_) => "missing_attribute",
            SamlError::Signing(_) => "signing",
        }
    }

    pub(crate) fn malformed(msg: impl Into<String>) -> Self {
        SamlError::Malformed(msg.into())
    }
}
