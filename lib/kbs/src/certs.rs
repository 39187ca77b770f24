//! Imported certificates (SAML signing and TPM identity): parsing a PEM chain and searching.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use rustls_pki_types::pem::SectionKind;
use secl_api::kbs::Certificate;
use sha2::{Digest, Sha384};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::KbsError;

/// A parsed PEM chain, ready to store.
pub struct ParsedChain {
    pub meta: Certificate,
    /// The chain as DER, leaf first, in the order given.
    pub der: Vec<Vec<u8>>,
}

/// Parses an uploaded PEM body: one or more `CERTIFICATE` blocks and nothing else (a private key
/// pasted by mistake is refused, not stored).
pub fn parse_pem_chain(id: Uuid, body: &[u8]) -> Result<ParsedChain, KbsError> {
    let bad = |m: &str| KbsError::BadRequest(m.to_string());
    let mut rd: &[u8] = body;
    let mut der = Vec::new();
    loop {
        match rustls_pki_types::pem::from_buf(&mut rd) {
            Ok(Some((SectionKind::Certificate, bytes))) => der.push(bytes),
            Ok(Some((kind, _))) => {
                return Err(KbsError::BadRequest(format!(
                    "only CERTIFICATE PEM blocks may be imported, found {kind:?}"
                )));
            }
            Ok(None) => break,
            Err(_) => return Err(bad("Failed to decode certificate: malformed PEM")),
        }
    }
    // Every PEM armour line must have become a certificate: anything the parser skipped (a block
    // glued to the previous one, a private key) is refused rather than stored.
    let text = String::from_utf8_lossy(body);
    if text.contains("PRIVATE KEY") {
        return Err(bad(
            "refusing a PEM body that contains a private key: import certificates only",
        ));
    }
    if text.matches("-----BEGIN ").count() != der.len() {
        return Err(bad(
            "Failed to decode certificate: a PEM block is malformed or not a CERTIFICATE",
        ));
    }
    let Some(leaf) = der.first() else {
        return Err(bad(
            "Failed to decode certificate: no CERTIFICATE block found",
        ));
    };
    for (i, d) in der.iter().enumerate() {
        x509_parser::parse_x509_certificate(d).map_err(|_| {
            KbsError::BadRequest(format!(
                "Failed to decode certificate: block {} is not an X.509 certificate",
                i + 1
            ))
        })?;
    }
    let (_, cert) = x509_parser::parse_x509_certificate(leaf)
        .map_err(|_| bad("Failed to decode certificate"))?;
    let meta = Certificate {
        id,
        certificate: STANDARD.encode(leaf),
        subject: cert.subject().to_string(),
        issuer: cert.issuer().to_string(),
        not_before: cert.validity().not_before.to_datetime(),
        not_after: cert.validity().not_after.to_datetime(),
        revoked: false,
        digest: hex::encode(Sha384::digest(leaf)),
        chain_length: der.len(),
    };
    Ok(ParsedChain { meta, der })
}

/// SecL's certificate search parameters. Times are RFC 3339.
#[derive(Debug, Default, Clone)]
pub struct CertFilter {
    pub subject_equal_to: Option<String>,
    pub subject_contains: Option<String>,
    pub issuer_equal_to: Option<String>,
    pub issuer_contains: Option<String>,
    /// Valid at this instant.
    pub valid_on: Option<OffsetDateTime>,
    /// Validity ends before this instant.
    pub valid_before: Option<OffsetDateTime>,
    /// Validity starts after this instant.
    pub valid_after: Option<OffsetDateTime>,
}

impl CertFilter {
    pub fn matches(&self, c: &Certificate) -> bool {
        self.subject_equal_to
            .as_ref()
            .is_none_or(|s| &c.subject == s)
            && self
                .subject_contains
                .as_ref()
                .is_none_or(|s| c.subject.contains(s.as_str()))
            && self.issuer_equal_to.as_ref().is_none_or(|s| &c.issuer == s)
            && self
                .issuer_contains
                .as_ref()
                .is_none_or(|s| c.issuer.contains(s.as_str()))
            && self
                .valid_on
                .is_none_or(|t| c.not_before <= t && t <= c.not_after)
            && self.valid_before.is_none_or(|t| c.not_after < t)
            && self.valid_after.is_none_or(|t| c.not_before > t)
    }
}
