//! SAML trust reports: building, signing (enveloped XML-DSig, RSA-SHA256, C14N with comments) and strict verification.
//!
//! The format is the one Intel SecL-DC's HVS emits (`saml2:Assertion ID="MapAssertion"`, signed by
//! goxmldsig `SignEnveloped`). Signing emits no indentation, so the bytes signed are the bytes sent.
//! Verification follows a strict profile because the KBS releases keys on its result: one
//! Signature, a direct child of the root Assertion, one Reference naming that root by its unique
//! ID, fixed transforms and algorithms, a trusted signer certificate, and attributes read only from
//! the element whose digest was checked.
#![forbid(unsafe_code)]

mod c14n;
mod error;
mod report;
mod sign;
mod verify;
mod xml;

pub use c14n::canonicalize_document;
pub use error::SamlError;
pub use report::{TrustReport, format_instant};
pub use sign::sign;
pub use verify::{
    MAX_REPORT_BYTES, TrustedSigners, VerifiedReport, certs_from_pem, verify, verify_with,
};

/// The SAML 2.0 assertion namespace (prefix `saml2` in SecL's reports).
pub const SAML_NS: &str = "urn:oasis:names:tc:SAML:2.0:assertion";
/// The XML-DSig namespace.
pub const DSIG_NS: &str = "http://www.w3.org/2000/09/xmldsig#";
/// Inclusive Canonical XML 1.0, comments dropped.
pub const ALG_C14N: &str = "http://www.w3.org/TR/2001/REC-xml-c14n-20010315";
/// Inclusive Canonical XML 1.0 with comments (what SecL signs with).
pub const ALG_C14N_WITH_COMMENTS: &str =
    "http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments";
/// The enveloped-signature transform.
pub const ALG_ENVELOPED: &str = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";
/// RSASSA-PKCS1-v1_5 with SHA-256.
pub const ALG_RSA_SHA256: &str = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
/// SHA-256 digest.
pub const ALG_SHA256: &str = "http://www.w3.org/2001/04/xmlenc#sha256";
/// The ID SecL's HVS always gives its assertions.
pub const DEFAULT_ASSERTION_ID: &str = "MapAssertion";

/// Result alias for this crate.
pub type Result<T, E = SamlError> = std::result::Result<T, E>;
