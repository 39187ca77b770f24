//! Asset-tag certificates as SecL's HVS issues them: an X.509 certificate whose subject CN is
//! the host's hardware UUID, signed SHA384WithRSA by the HVS Tag CA, carrying one non-critical
//! extension [`TAG_ATTRIBUTE_OID`] per tag, each a DER `SEQUENCE { name, value }` of
//! PrintableString (UTF8String when a character needs it), the way Go's `asn1.Marshal` writes a
//! two-string struct. As in SecL the certificate holds the CA's own public key (the tag is an
//! attribute statement, no key is certified).
//!
//! The host's TPM keeps only the certificate's SHA-384 digest ([`tag_digest`]); trust
//! evaluation compares that digest, the report then names the tags.

use sha2::{Digest, Sha384};
use time::{Duration, OffsetDateTime};

use super::{CertSig, PrivacyCa, chain, der, now, sign_certificate};
use crate::error::{Result, malformed};

/// SecL's OID of one tag attribute (2.5.4.789.1).
pub const TAG_ATTRIBUTE_OID: &[u128] = &[2, 5, 4, 789, 1];

/// What a tag certificate says, read back from its DER.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagCertificateInfo {
    /// The subject CN: the hardware UUID the tags were made for.
    pub subject: String,
    /// The issuer as `CN=...` (RFC 4514 form of x509-parser).
    pub issuer: String,
    pub not_before: OffsetDateTime,
    pub not_after: OffsetDateTime,
    /// `(name, value)` in certificate order.
    pub tags: Vec<(String, String)>,
}

impl PrivacyCa {
    /// A tag certificate for the host `hardware_uuid` stating `tags`, valid from now for
    /// `validity`. Refuses an empty tag list (SecL does too).
    pub fn issue_tag_certificate(
        &self,
        hardware_uuid: &str,
        tags: &[(String, String)],
        validity: Duration,
    ) -> Result<Vec<u8>> {
        if tags.is_empty() {
            return Err(malformed("tag certificate without tags"));
        }
        if hardware_uuid.is_empty() || hardware_uuid.len() > 64 {
            return Err(malformed("tag certificate subject must be 1 to 64 bytes"));
        }
        let mut exts = vec![self.authority_key_id()];
        for (name, value) in tags {
            let attr = der::seq(&[&der::directory_string(name), &der::directory_string(value)]);
            exts.push(der::extension(&der::oid(TAG_ATTRIBUTE_OID), false, &attr));
        }
        let now = now();
        let public = self.key.to_public_key();
        let tbs = self.tbs(
            CertSig::Sha384,
            now,
            now + validity,
            &der::name_cn(hardware_uuid),
            &public,
            &exts,
        )?;
        sign_certificate(&self.key, tbs, CertSig::Sha384)
    }
}

/// SHA-384 of the certificate's DER: what the host's TPM holds in its asset-tag NV index.
pub fn tag_digest(cert_der: &[u8]) -> Vec<u8> {
    Sha384::digest(cert_der).to_vec()
}

/// Reads a tag certificate: subject CN, issuer, validity and the tag attributes.
pub fn parse_tag_certificate(cert_der: &[u8]) -> Result<TagCertificateInfo> {
    let cert =
        chain::parse_cert(cert_der).map_err(|e| malformed(format!("tag certificate: {e}")))?;
    let subject = cert
        .subject()
        .iter_common_name()
        .next()
        .and_then(|cn| cn.as_str().ok())
        .ok_or_else(|| malformed("tag certificate: no subject CN"))?
        .to_string();
    let oid = der::oid_content(TAG_ATTRIBUTE_OID);
    let mut tags = Vec::new();
    for ext in cert.extensions() {
        if ext.oid.as_bytes() != oid.as_slice() {
            continue;
        }
        let pair = read_pair(ext.value)
            .ok_or_else(|| malformed("tag certificate: a tag attribute is not two strings"))?;
        tags.push(pair);
    }
    Ok(TagCertificateInfo {
        subject,
        issuer: cert.issuer().to_string(),
        not_before: cert.validity().not_before.to_datetime(),
        not_after: cert.validity().not_after.to_datetime(),
        tags,
    })
}

/// One DER TLV: (tag, content, rest); definite lengths up to 4 bytes.
fn read_tlv(b: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = b.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        let len = rest[..n]
            .iter()
            .fold(0usize, |acc, x| (acc << 8) | usize::from(*x));
        (len, &rest[n..])
    };
    if rest.len() < len {
        return None;
    }
    Some((tag, &rest[..len], &rest[len..]))
}

/// `SEQUENCE { string, string }` with nothing after it.
fn read_pair(value: &[u8]) -> Option<(String, String)> {
    const STRINGS: [u8; 3] = [0x0c, 0x13, 0x16]; // UTF8String, PrintableString, IA5String
    let (0x30, body, []) = read_tlv(value)? else {
        return None;
    };
    let (t1, name, rest) = read_tlv(body)?;
    let (t2, val, []) = read_tlv(rest)? else {
        return None;
    };
    if !STRINGS.contains(&t1) || !STRINGS.contains(&t2) {
        return None;
    }
    Some((
        String::from_utf8(name.to_vec()).ok()?,
        String::from_utf8(val.to_vec()).ok()?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_certificates_round_trip_and_chain_to_the_tag_ca() {
        let ca = PrivacyCa::generate("HVS Tag Certificate").unwrap();
        let hw = "6a4a3a8e-0000-4000-8000-000000000001";
        let tags = vec![
            ("country".to_string(), "US".to_string()),
            ("city".to_string(), "Zürich".to_string()),
        ];
        let der = ca
            .issue_tag_certificate(hw, &tags, Duration::days(365))
            .unwrap();
        let info = parse_tag_certificate(&der).unwrap();
        assert_eq!(info.subject, hw);
        assert_eq!(info.tags, tags);
        assert_eq!(info.issuer, "CN=HVS Tag Certificate");
        assert!(info.not_after > info.not_before);
        assert_eq!(tag_digest(&der).len(), 48);
        super::super::verify_chain(&der, &[ca.certificate_der().to_vec()]).unwrap();
        assert!(
            ca.issue_tag_certificate(hw, &[], Duration::days(1))
                .is_err()
        );
        // A tag attribute that is not two strings is refused.
        assert!(read_pair(&der::seq(&[&der::directory_string("x")])).is_none());
        assert!(read_pair(&[0x30, 0x05, 0x13]).is_none());
    }
}
