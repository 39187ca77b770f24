//! The PrivacyCA of HVS: MakeCredential for AIK activation, AIK certificates, binding-key
//! certificates (reference §7.4), and the checks a KBS makes on them.
//!
//! Certificates are built by hand (a small DER writer) so that the issuer name is the CA
//! certificate's subject byte for byte (Go and OpenSSL chain by exact name) and so that the
//! project's own extensions can use OIDs minted under `2.25` (ITU-T X.667, no registration
//! needed), whose UUID arc no certificate library here can encode.
//!
//! # Certificate shapes
//!
//! * PrivacyCA: self-signed, RSA-3072, SHA384WithRSA, 10 years, basic constraints CA
//!   (critical), key usage keyCertSign+cRLSign (critical), subject key identifier.
//! * AIK: as SecL issues it (subject = issuer = the CA's name), SHA256WithRSA (what SecL's HVS
//!   verifies AIK certificates with), 5 years like Intel's, key usage digitalSignature
//!   (critical), authority key identifier and, in the [`CertProfile::Secl`] profile, the AIK's
//!   TPM name in extension [`AIK_NAME_OID`] (SecL meant to put it in a SAN, but Go dropped it
//!   and raw bytes are not a valid SAN).
//! * Binding key: exactly reference §7.4, plus, in the [`CertProfile::Secl`] profile, the
//!   key's TPMT_PUBLIC in extension [`BINDING_PUBLIC_AREA_OID`].
//!
//! The project extensions hold a DER OCTET STRING around the raw TPM bytes (RFC 5280: an
//! extension value is DER); Intel's two TPM extensions hold raw bytes and are kept so.

mod chain;
mod credential;
pub mod identity;
mod tag;

use base64::Engine;
use rsa::pkcs1::{DecodeRsaPrivateKey, EncodeRsaPublicKey};
use rsa::pkcs8::{DecodePrivateKey, EncodePrivateKey, EncodePublicKey, LineEnding};
use sha2::{Digest, Sha256, Sha384};
use time::{Duration, OffsetDateTime};
use zeroize::Zeroizing;

pub use chain::{
    BINDING_KEY_CERT_CN, BindingCertParts, BindingVerification, NameCheck, aik_certificate_name,
    binding_key_certificate_parts, certificate_public_key, verify_binding_certificate,
    verify_binding_certificate_at, verify_chain, verify_chain_at,
};
pub use credential::{activate_credential, kdfa_sha256, make_credential, name_alg};
pub use tag::{TAG_ATTRIBUTE_OID, TagCertificateInfo, parse_tag_certificate, tag_digest};

use crate::der;
use crate::error::{Error, Result, malformed};
use crate::tpm2::{Attest, Attested, Public, Signature, TPM_ST_ATTEST_CERTIFY, rsa_key_bytes};
use crate::verify::{check_binding_attributes, check_name, verify_certify};

/// The project's OID arc, minted once from the random UUID
/// `4a87b4c5-8dca-463b-8dc8-999859ae3097` as ITU-T X.667 allows without registration.
pub const SECL_OID_ARC: &str = "2.25.99067498249544570000084251540401827991";
/// Extension carrying a binding key's TPMT_PUBLIC (in an OCTET STRING).
pub const BINDING_PUBLIC_AREA_OID: &str = "2.25.99067498249544570000084251540401827991.1";
/// Extension carrying an AIK's TPM name (in an OCTET STRING).
pub const AIK_NAME_OID: &str = "2.25.99067498249544570000084251540401827991.2";
/// Intel's extension with the TPM2_Certify TPMS_ATTEST.
pub const TPM_CERTIFY_ATTEST_OID: &str = "2.5.4.133.3.2.41";
/// Intel's extension with the TPM2_Certify TPMT_SIGNATURE.
pub const TPM_CERTIFY_SIGNATURE_OID: &str = "2.5.4.133.3.2.41.1";

/// Validity of the PrivacyCA certificate.
pub const CA_VALIDITY_YEARS: i32 = 10;
/// Validity of AIK certificates (Intel's fixture AIK certificate has 5 years).
pub const AIK_CERT_VALIDITY_YEARS: i32 = 5;
/// Validity of binding-key certificates (`HOST_KEYS_CERT_VALIDITY`).
pub const BINDING_CERT_VALIDITY_YEARS: i32 = 10;

pub(crate) mod oids {
    const ARC: u128 = 99_067_498_249_544_570_000_084_251_540_401_827_991;
    pub const SECL_TPMT_PUBLIC: &[u128] = &[2, 25, ARC, 1];
    pub const SECL_AIK_NAME: &[u128] = &[2, 25, ARC, 2];
    pub const TPM_CERTIFY_ATTEST: &[u128] = &[2, 5, 4, 133, 3, 2, 41];
    pub const TPM_CERTIFY_SIGNATURE: &[u128] = &[2, 5, 4, 133, 3, 2, 41, 1];
    pub const SHA256_WITH_RSA: &[u128] = &[1, 2, 840, 113_549, 1, 1, 11];
    pub const SHA384_WITH_RSA: &[u128] = &[1, 2, 840, 113_549, 1, 1, 12];
    pub const SHA512_WITH_RSA: &[u128] = &[1, 2, 840, 113_549, 1, 1, 13];
    pub const KEY_USAGE: &[u128] = &[2, 5, 29, 15];
    pub const BASIC_CONSTRAINTS: &[u128] = &[2, 5, 29, 19];
    pub const SUBJECT_KEY_ID: &[u128] = &[2, 5, 29, 14];
    pub const AUTHORITY_KEY_ID: &[u128] = &[2, 5, 29, 35];
}

/// Which extensions of this project the PrivacyCA writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CertProfile {
    /// Binding certificates carry the TPMT_PUBLIC, AIK certificates the AIK name, so a
    /// verifier can check the certified name against any key template. Go's crypto/x509
    /// (Intel's KBS and WLS) rejects any certificate with an OID arc of 2³¹ or more, so it
    /// cannot parse these `2.25` extensions: use only where no Intel service reads them.
    Secl,
    /// Only what SecL writes, so Intel's Go services accept the certificates (the default).
    /// Our KBS still checks the certified name of keys made from a known template
    /// ([`Public::binding_key_templates`]) without the extra extension.
    #[default]
    IntelCompatible,
}

/// Key usage bits (RFC 5280 §4.2.1.3).
const KU_DIGITAL_SIGNATURE: u8 = 0;
const KU_KEY_ENCIPHERMENT: u8 = 2;
const KU_KEY_CERT_SIGN: u8 = 5;
const KU_CRL_SIGN: u8 = 6;

/// HVS's PrivacyCA: its key and self-signed certificate.
pub struct PrivacyCa {
    key: rsa::PrivateKey,
    cert_der: Vec<u8>,
    /// The CA certificate's subject, DER, byte for byte: every issued certificate's issuer.
    subject: Vec<u8>,
    /// Authority key identifier for issued certificates: the CA's subject key identifier.
    key_id: Vec<u8>,
    profile: CertProfile,
}

impl std::fmt::Debug for PrivacyCa {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PrivacyCa")
            .field("subject", &hex::encode(&self.subject))
            .field("profile", &self.profile)
            .finish_non_exhaustive()
    }
}

impl PrivacyCa {
    /// A new CA: RSA-3072 key, self-signed certificate `CN=<common_name>` valid 10 years.
    pub fn generate(common_name: &str) -> Result<Self> {
        if common_name.is_empty() || common_name.len() > 64 {
            return Err(malformed("PrivacyCA common name must be 1 to 64 bytes"));
        }
        let key = rsa::PrivateKey::new(&mut rand::rng(), 3072)
            .map_err(|e| Error::Crypto(format!("RSA-3072 key generation: {e}")))?;
        let public = key.to_public_key();
        let spki = spki_der(&public)?;
        let key_id = key_identifier(&public)?;
        let subject = der::name_cn(common_name);
        let now = now();
        let tbs = der::seq(&[
            &der::explicit(0, &der::small_uint(2)),
            &der::uint(&random_serial()),
            &alg_id(oids::SHA384_WITH_RSA),
            &subject,
            &der::seq(&[
                &der::time(now),
                &der::time(add_years(now, CA_VALIDITY_YEARS)),
            ]),
            &subject,
            &spki,
            &der::explicit(
                3,
                &der::seq(&[
                    &der::extension(
                        &der::oid(oids::KEY_USAGE),
                        true,
                        &der::named_bits(&[KU_KEY_CERT_SIGN, KU_CRL_SIGN]),
                    ),
                    &der::extension(
                        &der::oid(oids::BASIC_CONSTRAINTS),
                        true,
                        &der::seq(&[&der::boolean_true()]),
                    ),
                    &der::extension(
                        &der::oid(oids::SUBJECT_KEY_ID),
                        false,
                        &der::octet_string(&key_id),
                    ),
                ]),
            ),
        ]);
        let cert_der = sign_certificate(&key, tbs, CertSig::Sha384)?;
        Ok(Self {
            key,
            cert_der,
            subject,
            key_id,
            profile: CertProfile::default(),
        })
    }

    /// Load a CA from its PEM certificate and PEM private key (PKCS#8 `PRIVATE KEY` or PKCS#1
    /// `RSA PRIVATE KEY`), e.g. HVS's `privacy-ca-cert.pem` and its key. The key must be the
    /// certificate's.
    pub fn from_pem(cert_pem: &str, key_pem: &str) -> Result<Self> {
        let cert_der = pem_certificate(cert_pem)?;
        let key = rsa::PrivateKey::from_pkcs8_pem(key_pem)
            .or_else(|_| rsa::PrivateKey::from_pkcs1_pem(key_pem))
            .map_err(|_| malformed("PrivacyCA key: not a PEM RSA private key"))?;
        let cert = chain::parse_cert(&cert_der)
            .map_err(|e| malformed(format!("PrivacyCA certificate: {e}")))?;
        let cert_key = certificate_public_key(&cert_der)?;
        if rsa_key_bytes(&cert_key) != rsa_key_bytes(&key.to_public_key()) {
            return Err(Error::KeyMismatch);
        }
        let subject = cert.subject().as_raw().to_vec();
        let ski = cert.extensions().iter().find_map(|ext| {
            if ext.oid.as_bytes() == der::oid_content(oids::SUBJECT_KEY_ID).as_slice() {
                der::read_octet_string(ext.value).map(<[u8]>::to_vec)
            } else {
                None
            }
        });
        let key_id = match ski {
            Some(id) => id,
            None => key_identifier(&cert_key)?,
        };
        Ok(Self {
            key,
            cert_der,
            subject,
            key_id,
            profile: CertProfile::default(),
        })
    }

    /// Choose which project extensions issued certificates carry.
    #[must_use]
    pub fn with_profile(mut self, profile: CertProfile) -> Self {
        self.profile = profile;
        self
    }

    /// The profile in use.
    pub fn profile(&self) -> CertProfile {
        self.profile
    }

    /// The CA certificate, DER.
    pub fn certificate_der(&self) -> &[u8] {
        &self.cert_der
    }

    /// The CA certificate, PEM: what a KBS imports as its TPM-identity certificate.
    pub fn certificate_pem(&self) -> String {
        pem_encode("CERTIFICATE", &self.cert_der)
    }

    /// The private key as PKCS#8 PEM, for storing it (sealed) and loading it with
    /// [`PrivacyCa::from_pem`].
    pub fn private_key_pem(&self) -> Result<Zeroizing<String>> {
        self.key
            .to_pkcs8_pem(LineEnding::LF)
            .map_err(|e| Error::Crypto(format!("PKCS#8 encoding: {e}")))
    }

    /// An AIK certificate for a key whose credential activation succeeded: the AIK's RSA key
    /// and, in the SecL profile, its TPM name.
    pub fn issue_aik_certificate(
        &self,
        aik_public: &rsa::PublicKey,
        aik_name: &[u8],
    ) -> Result<Vec<u8>> {
        if name_alg(aik_name).is_none_or(|a| a.size() + 2 != aik_name.len()) {
            return Err(malformed("AIK name is not nameAlg ‖ digest"));
        }
        let now = now();
        let mut exts = vec![
            der::extension(
                &der::oid(oids::KEY_USAGE),
                true,
                &der::named_bits(&[KU_DIGITAL_SIGNATURE]),
            ),
            self.authority_key_id(),
        ];
        if self.profile == CertProfile::Secl {
            exts.push(der::extension(
                &der::oid(oids::SECL_AIK_NAME),
                false,
                &der::octet_string(aik_name),
            ));
        }
        let tbs = self.tbs(
            CertSig::Sha256,
            now,
            add_years(now, AIK_CERT_VALIDITY_YEARS),
            &self.subject,
            aik_public,
            &exts,
        )?;
        sign_certificate(&self.key, tbs, CertSig::Sha256)
    }

    /// A binding-key certificate exactly as reference §7.4 describes (plus the public-area
    /// extension in the SecL profile), after checking what can be checked without the AIK:
    /// the public area is an RSA binding key (TPM-bound, decrypt-only), the attestation is a
    /// TPM2_Certify whose certified name is that key's name, and the signature parses. The
    /// caller must have verified the signature under the host's AIK ([`verify_certify`]), or
    /// use [`PrivacyCa::certify_binding_key`], which does both.
    pub fn issue_binding_key_certificate(
        &self,
        binding_public_area: &[u8],
        attest: &[u8],
        signature: &[u8],
    ) -> Result<Vec<u8>> {
        let public = Public::parse(binding_public_area)?;
        check_binding_attributes(&public)?;
        let key = public.rsa_public_key()?;
        let parsed = Attest::parse(attest)?;
        let Attested::Certify { name, .. } = &parsed.attested else {
            return Err(Error::WrongAttestType {
                expected: TPM_ST_ATTEST_CERTIFY,
                found: parsed.tag(),
            });
        };
        check_name(name, &public)?;
        Signature::parse(signature)?;

        let now = now();
        let mut exts = vec![
            der::extension(
                &der::oid(oids::KEY_USAGE),
                true,
                &der::named_bits(&[KU_DIGITAL_SIGNATURE, KU_KEY_ENCIPHERMENT]),
            ),
            self.authority_key_id(),
            der::extension(&der::oid(oids::TPM_CERTIFY_ATTEST), false, attest),
            der::extension(&der::oid(oids::TPM_CERTIFY_SIGNATURE), false, signature),
        ];
        if self.profile == CertProfile::Secl {
            exts.push(der::extension(
                &der::oid(oids::SECL_TPMT_PUBLIC),
                false,
                &der::octet_string(binding_public_area),
            ));
        }
        let tbs = self.tbs(
            CertSig::Sha384,
            now,
            add_years(now, BINDING_CERT_VALIDITY_YEARS),
            &der::name_cn(BINDING_KEY_CERT_CN),
            &key,
            &exts,
        )?;
        sign_certificate(&self.key, tbs, CertSig::Sha384)
    }

    /// HVS's `certify-host-binding-key`: the AIK certificate must be this CA's and valid now,
    /// the TPM2_Certify must verify under it and name the given public area, which must be a
    /// binding key; then the certificate is issued.
    pub fn certify_binding_key(
        &self,
        aik_cert_der: &[u8],
        binding_public_area: &[u8],
        attest: &[u8],
        signature: &[u8],
    ) -> Result<Vec<u8>> {
        chain::verify_chain(aik_cert_der, std::slice::from_ref(&self.cert_der)).map_err(
            |e| match e {
                Error::Untrusted { reason, .. } => Error::Untrusted {
                    cert: "AIK",
                    reason,
                },
                other => other,
            },
        )?;
        let aik = certificate_public_key(aik_cert_der)?;
        verify_certify(&aik, attest, signature, Some(binding_public_area), None)?;
        self.issue_binding_key_certificate(binding_public_area, attest, signature)
    }

    /// The plaintext of a SecL identity-challenge payload sealed to this CA's key (see
    /// [`identity::open_payload`]).
    pub fn open_identity_payload(
        &self,
        payload: &identity::IdentityChallengePayload,
    ) -> Result<Zeroizing<Vec<u8>>> {
        identity::open_payload(&self.key, payload)
    }

    fn authority_key_id(&self) -> Vec<u8> {
        // AuthorityKeyIdentifier ::= SEQUENCE { keyIdentifier [0] IMPLICIT OCTET STRING }
        der::extension(
            &der::oid(oids::AUTHORITY_KEY_ID),
            false,
            &der::seq(&[&der::tlv(0x80, &self.key_id)]),
        )
    }

    fn tbs(
        &self,
        sig: CertSig,
        not_before: OffsetDateTime,
        not_after: OffsetDateTime,
        subject: &[u8],
        key: &rsa::PublicKey,
        extensions: &[Vec<u8>],
    ) -> Result<Vec<u8>> {
        let exts: Vec<&[u8]> = extensions.iter().map(Vec::as_slice).collect();
        Ok(der::seq(&[
            &der::explicit(0, &der::small_uint(2)),
            &der::uint(&random_serial()),
            &alg_id(sig.oid()),
            &self.subject,
            &der::seq(&[&der::time(not_before), &der::time(not_after)]),
            subject,
            &spki_der(key)?,
            &der::explicit(3, &der::seq(&exts)),
        ]))
    }
}

#[derive(Clone, Copy)]
enum CertSig {
    Sha256,
    Sha384,
}

impl CertSig {
    fn oid(self) -> &'static [u128] {
        match self {
            Self::Sha256 => oids::SHA256_WITH_RSA,
            Self::Sha384 => oids::SHA384_WITH_RSA,
        }
    }
}

fn alg_id(oid: &[u128]) -> Vec<u8> {
    der::seq(&[&der::oid(oid), &der::null()])
}

fn sign_certificate(key: &rsa::PrivateKey, tbs: Vec<u8>, sig: CertSig) -> Result<Vec<u8>> {
    let signature = match sig {
        CertSig::Sha256 => key.pkcs1v15_sign::<Sha256>(&tbs),
        CertSig::Sha384 => key.pkcs1v15_sign::<Sha384>(&tbs),
    }
    .map_err(|e| Error::Crypto(format!("certificate signature: {e}")))?;
    Ok(der::seq(&[
        &tbs,
        &alg_id(sig.oid()),
        &der::bit_string(&signature),
    ]))
}

fn spki_der(key: &rsa::PublicKey) -> Result<Vec<u8>> {
    key.to_public_key_der()
        .map(|d| d.as_bytes().to_vec())
        .map_err(|e| Error::Crypto(format!("SubjectPublicKeyInfo: {e}")))
}

/// RFC 7093 method 1: the leftmost 160 bits of SHA-256 of the subjectPublicKey.
fn key_identifier(key: &rsa::PublicKey) -> Result<Vec<u8>> {
    let pkcs1 = key
        .to_pkcs1_der()
        .map_err(|e| Error::Crypto(format!("RSAPublicKey: {e}")))?;
    Ok(Sha256::digest(pkcs1.as_bytes())[..20].to_vec())
}

/// A random serial below 2^130 (SecL's bound), never zero.
fn random_serial() -> Vec<u8> {
    use rand::Rng;
    let mut s = [0u8; 17];
    rand::rng().fill_bytes(&mut s);
    s[0] &= 0x03;
    if s.iter().all(|b| *b == 0) {
        s[16] = 1;
    }
    s.to_vec()
}

fn now() -> OffsetDateTime {
    let t = OffsetDateTime::now_utc();
    t.replace_nanosecond(0).unwrap_or(t)
}

/// `t` plus whole years; 29 February becomes 1 March, as Go's `AddDate` does.
fn add_years(t: OffsetDateTime, years: i32) -> OffsetDateTime {
    let year = t.year().saturating_add(years);
    t.replace_year(year)
        .or_else(|_| (t + Duration::days(1)).replace_year(year))
        .unwrap_or(t)
}

/// `der` as a PEM block with `label` (base64 in 64-character lines).
pub fn pem_encode(label: &str, der: &[u8]) -> String {
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

/// The first CERTIFICATE block of a PEM text, DER.
pub fn pem_certificate(pem_text: &str) -> Result<Vec<u8>> {
    for item in x509_parser::pem::Pem::iter_from_buffer(pem_text.as_bytes()) {
        let item = item.map_err(|e| malformed(format!("PEM: {e}")))?;
        if item.label == "CERTIFICATE" {
            return Ok(item.contents);
        }
    }
    Err(malformed("PEM: no CERTIFICATE block"))
}
