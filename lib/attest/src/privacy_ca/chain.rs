//! The KBS side: does a certificate chain to an imported PrivacyCA, and does a binding-key
//! certificate prove (through the AIK's TPM2_Certify) that its key lives in that host's TPM.

use rsa::pkcs8::DecodePublicKey;
use sha2::{Sha256, Sha384, Sha512};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use x509_parser::certificate::X509Certificate;
use x509_parser::prelude::FromDer;

use super::oids;
use crate::der;
use crate::error::{ChainError, Error, Result, malformed, unsupported};
use crate::tpm2::{Public, rsa_key_bytes};
use crate::verify::{CertifyInfo, check_name, verify_certify};

/// Subject CN SecL gives binding-key certificates (reference §7.4).
pub const BINDING_KEY_CERT_CN: &str = "Binding_Key_Certificate";

/// The pieces of a binding-key certificate a verifier needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BindingCertParts {
    /// The certified RSA key: what the KBS wraps the image key to.
    pub public_key: rsa::PublicKey,
    /// Extension 2.5.4.133.3.2.41: the raw TPMS_ATTEST of TPM2_Certify.
    pub attest: Vec<u8>,
    /// Extension 2.5.4.133.3.2.41.1: the raw TPMT_SIGNATURE over it by the AIK.
    pub signature: Vec<u8>,
    /// This project's extension with the key's raw TPMT_PUBLIC, when present.
    pub public_area: Option<Vec<u8>>,
}

/// How the certified name was tied to the certificate's key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameCheck {
    /// Against the TPMT_PUBLIC the certificate carries (this project's certificates).
    PublicArea,
    /// Against a known binding-key template rebuilt from the certificate's modulus
    /// ([`Public::binding_key_templates`]): Intel's certificates, which carry no public area.
    Template,
}

/// Outcome of [`verify_binding_certificate`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BindingVerification {
    /// The binding key to wrap to.
    pub public_key: rsa::PublicKey,
    /// What the TPM certified.
    pub certify: CertifyInfo,
    /// How the certified name was matched to `public_key`.
    pub name_check: NameCheck,
}

/// [`verify_chain_at`] now.
pub fn verify_chain(leaf_der: &[u8], roots: &[Vec<u8>]) -> Result<()> {
    verify_chain_at(leaf_der, roots, OffsetDateTime::now_utc())
}

/// Whether `leaf_der` is signed by one of `roots` (RSA PKCS#1 v1.5 with SHA-256/384/512) and
/// both are within their validity windows at `now`. One level only: SecL's PrivacyCA issues
/// AIK and binding certificates directly. A root whose basic constraints or key usage forbid
/// signing certificates is refused; unparsable roots are skipped.
pub fn verify_chain_at(leaf_der: &[u8], roots: &[Vec<u8>], now: OffsetDateTime) -> Result<()> {
    chain(leaf_der, roots, now).map_err(|reason| Error::Untrusted {
        cert: "leaf",
        reason,
    })
}

fn chain(
    leaf_der: &[u8],
    roots: &[Vec<u8>],
    now: OffsetDateTime,
) -> std::result::Result<(), ChainError> {
    let leaf = parse_cert(leaf_der).map_err(ChainError::Parse)?;
    check_critical_extensions(&leaf)?;
    check_validity(&leaf, "certificate", now)?;
    let hash = signature_hash(&leaf)?;
    let issuer = leaf.issuer().to_string();

    let mut named = false;
    for root_der in roots {
        let Ok(root) = parse_cert(root_der) else {
            continue;
        };
        if root.subject().as_raw() != leaf.issuer().as_raw() {
            continue;
        }
        named = true;
        let Ok(key) = rsa::PublicKey::from_public_key_der(root.public_key().raw) else {
            continue;
        };
        if !signature_ok(
            &key,
            hash,
            leaf.tbs_certificate.as_ref(),
            &leaf.signature_value.data,
        ) {
            continue;
        }
        check_is_ca(&root)?;
        check_validity(&root, "root", now)?;
        return Ok(());
    }
    Err(if named {
        ChainError::BadSignature { issuer }
    } else {
        ChainError::UnknownIssuer { issuer }
    })
}

#[derive(Clone, Copy)]
enum CertHash {
    Sha256,
    Sha384,
    Sha512,
}

fn signature_ok(key: &rsa::PublicKey, hash: CertHash, tbs: &[u8], sig: &[u8]) -> bool {
    match hash {
        CertHash::Sha256 => key.pkcs1v15_verify::<Sha256>(tbs, sig).is_ok(),
        CertHash::Sha384 => key.pkcs1v15_verify::<Sha384>(tbs, sig).is_ok(),
        CertHash::Sha512 => key.pkcs1v15_verify::<Sha512>(tbs, sig).is_ok(),
    }
}

/// The hash of an RSA PKCS#1 v1.5 certificate signature; the inner and outer algorithm must
/// agree (RFC 5280 §4.1.1.2) and parameters be NULL or absent.
fn signature_hash(cert: &X509Certificate<'_>) -> std::result::Result<CertHash, ChainError> {
    let outer = &cert.signature_algorithm;
    let inner = &cert.tbs_certificate.signature;
    let oid = outer.algorithm.as_bytes();
    let unsupported = || ChainError::UnsupportedAlgorithm {
        oid: der::oid_to_string(oid),
    };
    if inner.algorithm.as_bytes() != oid {
        return Err(unsupported());
    }
    for params in [&outer.parameters, &inner.parameters] {
        if let Some(p) = params
            && !(p.tag() == x509_parser::der_parser::asn1_rs::Tag::Null && p.data.is_empty())
        {
            return Err(unsupported());
        }
    }
    if oid == der::oid_content(oids::SHA256_WITH_RSA).as_slice() {
        Ok(CertHash::Sha256)
    } else if oid == der::oid_content(oids::SHA384_WITH_RSA).as_slice() {
        Ok(CertHash::Sha384)
    } else if oid == der::oid_content(oids::SHA512_WITH_RSA).as_slice() {
        Ok(CertHash::Sha512)
    } else {
        Err(unsupported())
    }
}

fn check_validity(
    cert: &X509Certificate<'_>,
    which: &'static str,
    now: OffsetDateTime,
) -> std::result::Result<(), ChainError> {
    let v = cert.validity();
    let (nb, na) = (v.not_before.to_datetime(), v.not_after.to_datetime());
    if now < nb || now > na {
        let f = |t: OffsetDateTime| t.format(&Rfc3339).unwrap_or_default();
        return Err(ChainError::NotValidAt {
            which,
            not_before: f(nb),
            not_after: f(na),
            now: f(now),
        });
    }
    Ok(())
}

fn check_is_ca(root: &X509Certificate<'_>) -> std::result::Result<(), ChainError> {
    let not_ca = || ChainError::NotCa {
        subject: root.subject().to_string(),
    };
    match root.basic_constraints() {
        Ok(Some(bc)) if !bc.value.ca => return Err(not_ca()),
        Err(_) => return Err(not_ca()),
        _ => {}
    }
    match root.key_usage() {
        Ok(Some(ku)) if !ku.value.key_cert_sign() => Err(not_ca()),
        Err(_) => Err(not_ca()),
        _ => Ok(()),
    }
}

/// RFC 5280: a verifier must reject a certificate with a critical extension it does not
/// process. Understood here: key usage, basic constraints, subject alt name, extended key
/// usage.
fn check_critical_extensions(cert: &X509Certificate<'_>) -> std::result::Result<(), ChainError> {
    const KNOWN: [&[u8]; 4] = [
        &[0x55, 0x1d, 0x0f],
        &[0x55, 0x1d, 0x13],
        &[0x55, 0x1d, 0x11],
        &[0x55, 0x1d, 0x25],
    ];
    for ext in cert.extensions() {
        if ext.critical && !KNOWN.contains(&ext.oid.as_bytes()) {
            return Err(ChainError::UnhandledCriticalExtension {
                oid: der::oid_to_string(ext.oid.as_bytes()),
            });
        }
    }
    Ok(())
}

/// Parse one DER certificate with nothing after it.
pub(crate) fn parse_cert(der: &[u8]) -> std::result::Result<X509Certificate<'_>, String> {
    match X509Certificate::from_der(der) {
        Ok(([], cert)) => Ok(cert),
        Ok(_) => Err("trailing bytes after certificate".into()),
        Err(e) => Err(e.to_string()),
    }
}

/// The RSA public key of a DER certificate.
pub fn certificate_public_key(der: &[u8]) -> Result<rsa::PublicKey> {
    let cert = parse_cert(der).map_err(|e| malformed(format!("certificate: {e}")))?;
    rsa::PublicKey::from_public_key_der(cert.public_key().raw)
        .map_err(|e| unsupported(format!("certificate key (not RSA?): {e}")))
}

/// The value of the single extension `arcs`, if present; a repeated one is malformed.
fn extension_value<'a>(cert: &X509Certificate<'a>, arcs: &[u128]) -> Result<Option<&'a [u8]>> {
    let want = der::oid_content(arcs);
    let mut found = None;
    for ext in cert.extensions() {
        if ext.oid.as_bytes() == want.as_slice() {
            if found.is_some() {
                return Err(malformed(format!(
                    "certificate: extension {} repeated",
                    der::oid_to_string(&want)
                )));
            }
            found = Some(ext.value);
        }
    }
    Ok(found)
}

fn required_extension<'a>(cert: &X509Certificate<'a>, arcs: &[u128]) -> Result<&'a [u8]> {
    extension_value(cert, arcs)?.ok_or_else(|| Error::MissingExtension {
        oid: der::oid_to_string(&der::oid_content(arcs)),
    })
}

/// A project extension holds a DER OCTET STRING around raw TPM bytes.
fn wrapped_extension(cert: &X509Certificate<'_>, arcs: &[u128]) -> Result<Option<Vec<u8>>> {
    match extension_value(cert, arcs)? {
        None => Ok(None),
        Some(v) => der::read_octet_string(v)
            .map(|b| Some(b.to_vec()))
            .ok_or_else(|| {
                malformed(format!(
                    "certificate: extension {} is not an OCTET STRING",
                    der::oid_to_string(&der::oid_content(arcs))
                ))
            }),
    }
}

/// Take a binding-key certificate apart: its key, the TPM2_Certify attestation and signature
/// (Intel's extensions hold them raw) and, when present, the TPMT_PUBLIC (this project's
/// extension holds it in an OCTET STRING).
pub fn binding_key_certificate_parts(der: &[u8]) -> Result<BindingCertParts> {
    let cert = parse_cert(der).map_err(|e| malformed(format!("binding key certificate: {e}")))?;
    let public_key = rsa::PublicKey::from_public_key_der(cert.public_key().raw)
        .map_err(|e| unsupported(format!("binding key (not RSA?): {e}")))?;
    Ok(BindingCertParts {
        public_key,
        attest: required_extension(&cert, oids::TPM_CERTIFY_ATTEST)?.to_vec(),
        signature: required_extension(&cert, oids::TPM_CERTIFY_SIGNATURE)?.to_vec(),
        public_area: wrapped_extension(&cert, oids::SECL_TPMT_PUBLIC)?,
    })
}

/// The AIK name this project's PrivacyCA puts in AIK certificates; `None` for certificates
/// without it (Intel's).
pub fn aik_certificate_name(der: &[u8]) -> Result<Option<Vec<u8>>> {
    let cert = parse_cert(der).map_err(|e| malformed(format!("AIK certificate: {e}")))?;
    wrapped_extension(&cert, oids::SECL_AIK_NAME)
}

/// [`verify_binding_certificate_at`] now.
pub fn verify_binding_certificate(
    binding_der: &[u8],
    aik_der: &[u8],
    privacy_ca_roots: &[Vec<u8>],
) -> Result<BindingVerification> {
    verify_binding_certificate_at(
        binding_der,
        aik_der,
        privacy_ca_roots,
        OffsetDateTime::now_utc(),
    )
}

/// The KBS checks on a SAML report's two TPM certificates (reference §3.5 steps 6-8, made
/// stricter): the AIK certificate and the binding-key certificate both chain to an imported
/// PrivacyCA and are valid at `now`; the binding certificate is one (CN
/// `Binding_Key_Certificate`); its TPM2_Certify attestation is a certification signed by the
/// AIK; and the certified name is the name of the certificate's very key, through the
/// TPMT_PUBLIC the certificate carries or, failing that, a known binding-key template rebuilt
/// from its modulus (which also proves the key is TPM-bound and decrypt-only).
pub fn verify_binding_certificate_at(
    binding_der: &[u8],
    aik_der: &[u8],
    privacy_ca_roots: &[Vec<u8>],
    now: OffsetDateTime,
) -> Result<BindingVerification> {
    chain(aik_der, privacy_ca_roots, now).map_err(|reason| Error::Untrusted {
        cert: "AIK",
        reason,
    })?;
    chain(binding_der, privacy_ca_roots, now).map_err(|reason| Error::Untrusted {
        cert: "binding key",
        reason,
    })?;
    {
        let cert = parse_cert(binding_der).map_err(|e| malformed(format!("certificate: {e}")))?;
        let cn_ok = cert
            .subject()
            .iter_common_name()
            .filter_map(|a| a.as_str().ok())
            .eq([BINDING_KEY_CERT_CN]);
        if !cn_ok {
            return Err(Error::WrongCertificate {
                what: format!(
                    "subject is {}, not CN={BINDING_KEY_CERT_CN}",
                    cert.subject()
                ),
            });
        }
    }
    let parts = binding_key_certificate_parts(binding_der)?;
    let aik = certificate_public_key(aik_der)?;
    let certify = verify_certify(
        &aik,
        &parts.attest,
        &parts.signature,
        parts.public_area.as_deref(),
        None,
    )?;
    let name_check = match &certify.public {
        Some(public) => {
            if rsa_key_bytes(&public.rsa_public_key()?) != rsa_key_bytes(&parts.public_key) {
                return Err(Error::KeyMismatch);
            }
            NameCheck::PublicArea
        }
        None => {
            let (modulus, exponent) = rsa_key_bytes(&parts.public_key);
            if exponent != [0x01, 0x00, 0x01] {
                return Err(Error::NameMismatch {
                    attested: hex::encode(&certify.name),
                    computed: "(certificate key has a non-default exponent and no public area)"
                        .into(),
                });
            }
            let templates = Public::binding_key_templates(&modulus);
            if !templates
                .iter()
                .any(|t| check_name(&certify.name, t).is_ok())
            {
                // Report against SecL's template, the one Intel's agents use.
                check_name(&certify.name, &templates[0])?;
            }
            NameCheck::Template
        }
    };
    Ok(BindingVerification {
        public_key: parts.public_key,
        certify,
        name_check,
    })
}
