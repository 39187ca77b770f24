//! Verifying what a host's TPM signed with its AIK: a quote of PCRs (freshness by nonce) and a
//! certification of another key (the binding key). Checks run signature first, so nothing in
//! an attestation is interpreted before it is known to come from the TPM.

use sha2::{Sha256, Sha384, Sha512};

use crate::error::{Error, Result, malformed, unsupported};
use crate::tpm2::{
    Attest, Attested, ClockInfo, HashAlg, Public, SigScheme, Signature, TPM_ALG_SHA256,
    TPM_ST_ATTEST_CERTIFY, TPM_ST_ATTEST_QUOTE,
};

/// What a verified quote says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteInfo {
    /// The PCR indices covered (SHA-256 bank), ascending.
    pub pcrs: Vec<u8>,
    /// The quoted PCR digest.
    pub pcr_digest: Vec<u8>,
    /// The TPM clock when the quote was made.
    pub clock_info: ClockInfo,
    /// TPM firmware version.
    pub firmware_version: u64,
    /// Qualified name of the key that signed.
    pub qualified_signer: Vec<u8>,
}

/// What a verified certification says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertifyInfo {
    /// Name of the certified object.
    pub name: Vec<u8>,
    /// Qualified name of the certified object.
    pub qualified_name: Vec<u8>,
    /// `extraData` (SecL's binding-key certification uses `00ff55aa`).
    pub extra_data: Vec<u8>,
    /// The certified public area, when one was given and checked against `name`.
    pub public: Option<Public>,
    /// The TPM clock at certification.
    pub clock_info: ClockInfo,
    /// Qualified name of the key that signed.
    pub qualified_signer: Vec<u8>,
}

/// Verify a TPMT_SIGNATURE over `message` under `key`. RSASSA (PKCS#1 v1.5) or RSAPSS (any
/// salt length, as TPMs differ) with SHA-256/384/512; SHA-1 is refused.
pub fn verify_signature(key: &rsa::PublicKey, message: &[u8], signature: &[u8]) -> Result<()> {
    let sig = Signature::parse(signature)?;
    verify_parsed_signature(key, message, &sig)
}

fn verify_parsed_signature(key: &rsa::PublicKey, message: &[u8], sig: &Signature) -> Result<()> {
    use rsa::signature::Verifier;
    let ok = match (sig.scheme, sig.hash) {
        (_, HashAlg::Sha1) => return Err(unsupported("SHA-1 signature")),
        (SigScheme::RsaSsa, HashAlg::Sha256) => {
            key.pkcs1v15_verify::<Sha256>(message, &sig.sig).is_ok()
        }
        (SigScheme::RsaSsa, HashAlg::Sha384) => {
            key.pkcs1v15_verify::<Sha384>(message, &sig.sig).is_ok()
        }
        (SigScheme::RsaSsa, HashAlg::Sha512) => {
            key.pkcs1v15_verify::<Sha512>(message, &sig.sig).is_ok()
        }
        (SigScheme::RsaPss, hash) => {
            let Ok(s) = rsa::pss::Signature::try_from(sig.sig.as_slice()) else {
                return Err(Error::BadSignature);
            };
            match hash {
                HashAlg::Sha256 => {
                    rsa::pss::VerifyingKey::<Sha256>::new_with_auto_salt_len(key.clone())
                        .verify(message, &s)
                        .is_ok()
                }
                HashAlg::Sha384 => {
                    rsa::pss::VerifyingKey::<Sha384>::new_with_auto_salt_len(key.clone())
                        .verify(message, &s)
                        .is_ok()
                }
                HashAlg::Sha512 => {
                    rsa::pss::VerifyingKey::<Sha512>::new_with_auto_salt_len(key.clone())
                        .verify(message, &s)
                        .is_ok()
                }
                HashAlg::Sha1 => false,
            }
        }
    };
    if ok { Ok(()) } else { Err(Error::BadSignature) }
}

/// The qualifying data of a quote made while an asset tag is deployed: SHA-256(nonce ‖ tag).
/// The trust agent quotes with it and reports the tag beside the quote; the verifier recomputes
/// it, so the tag it compares is the one bound to that very quote.
pub fn asset_tag_nonce(nonce: &[u8], tag: &[u8]) -> Vec<u8> {
    use sha2::Digest as _;
    let mut h = Sha256::new();
    h.update(nonce);
    h.update(tag);
    h.finalize().to_vec()
}

/// Verify a TPM2_Quote: the signature by `aik` over `attest`, that it is a quote, that its
/// extraData is `nonce`, that it covers exactly the PCRs in `pcr_values` in the SHA-256 bank,
/// and that its PCR digest is the hash of those values in PCR order. `pcr_values` may come in
/// any order; each value must be 32 bytes and each index appear once.
pub fn verify_quote(
    aik: &rsa::PublicKey,
    attest: &[u8],
    sig: &[u8],
    nonce: &[u8],
    pcr_values: &[(u8, Vec<u8>)],
) -> Result<QuoteInfo> {
    check_header(attest, TPM_ST_ATTEST_QUOTE)?;
    let signature = Signature::parse(sig)?;
    verify_parsed_signature(aik, attest, &signature)?;
    let parsed = Attest::parse(attest)?;
    let Attested::Quote {
        pcr_select,
        pcr_digest,
    } = &parsed.attested
    else {
        return Err(Error::WrongAttestType {
            expected: TPM_ST_ATTEST_QUOTE,
            found: parsed.tag(),
        });
    };
    check_extra_data(&parsed.extra_data, nonce)?;

    let mut expected: Vec<(u8, &[u8])> = Vec::with_capacity(pcr_values.len());
    for (index, value) in pcr_values {
        if value.len() != 32 {
            return Err(malformed(format!(
                "expected PCR {index}: {} bytes, a SHA-256 PCR has 32",
                value.len()
            )));
        }
        if expected.iter().any(|(i, _)| i == index) {
            return Err(malformed(format!("expected PCR {index} given twice")));
        }
        expected.push((*index, value.as_slice()));
    }
    expected.sort_by_key(|(i, _)| *i);
    let expected_indices: Vec<u8> = expected.iter().map(|(i, _)| *i).collect();

    // Exactly one SHA-256 bank, selecting exactly the expected PCRs; empty banks are ignored
    // (tools list every bank with an empty bitmap).
    let banks: Vec<_> = pcr_select
        .iter()
        .filter(|s| s.bitmap.iter().any(|b| *b != 0))
        .collect();
    let quoted_indices = match banks.as_slice() {
        [one] if one.hash == TPM_ALG_SHA256 => one.indices(),
        _ => Vec::new(),
    };
    if banks.len() != 1 || banks[0].hash != TPM_ALG_SHA256 || quoted_indices != expected_indices {
        return Err(Error::PcrSelectionMismatch {
            expected: describe_selection(&[(TPM_ALG_SHA256, expected_indices)]),
            quoted: describe_selection(
                &banks
                    .iter()
                    .map(|s| (s.hash, s.indices()))
                    .collect::<Vec<_>>(),
            ),
        });
    }

    // The TPM hashes the concatenated values with the signing scheme's hash.
    let concat: Vec<u8> = expected
        .iter()
        .flat_map(|(_, v)| v.iter().copied())
        .collect();
    let computed = signature.hash.digest(&concat)?;
    if computed != *pcr_digest {
        return Err(Error::PcrDigestMismatch {
            expected: hex::encode(&computed),
            quoted: hex::encode(pcr_digest),
        });
    }
    Ok(QuoteInfo {
        pcrs: quoted_indices,
        pcr_digest: pcr_digest.clone(),
        clock_info: parsed.clock_info,
        firmware_version: parsed.firmware_version,
        qualified_signer: parsed.qualified_signer,
    })
}

/// Verify a TPM2_Certify: magic and type, the signature by `aik`, extraData (when
/// `qualifying_data` is given) and, when the certified TPMT_PUBLIC is given, that the
/// certified name is its name and that it is a binding key: `fixedTPM`, `fixedParent`,
/// `sensitiveDataOrigin` and `decrypt` set, `sign` and `restricted` clear. Pass `None` for
/// `qualifying_data` where extraData is not a nonce (SecL's fixed `00ff55aa`).
pub fn verify_certify(
    aik: &rsa::PublicKey,
    attest: &[u8],
    sig: &[u8],
    certified_public: Option<&[u8]>,
    qualifying_data: Option<&[u8]>,
) -> Result<CertifyInfo> {
    // Magic and type first: that is what SecL checks and names in its errors, and neither
    // needs trusting the content.
    check_header(attest, TPM_ST_ATTEST_CERTIFY)?;
    let signature = Signature::parse(sig)?;
    verify_parsed_signature(aik, attest, &signature)?;
    let parsed = Attest::parse(attest)?;
    let Attested::Certify {
        name,
        qualified_name,
    } = parsed.attested
    else {
        return Err(Error::WrongAttestType {
            expected: TPM_ST_ATTEST_CERTIFY,
            found: parsed.tag(),
        });
    };
    if let Some(q) = qualifying_data {
        check_extra_data(&parsed.extra_data, q)?;
    }
    let public = match certified_public {
        None => None,
        Some(bytes) => {
            let public = Public::parse(bytes)?;
            check_name(&name, &public)?;
            check_binding_attributes(&public)?;
            Some(public)
        }
    };
    Ok(CertifyInfo {
        name,
        qualified_name,
        extra_data: parsed.extra_data,
        public,
        clock_info: parsed.clock_info,
        qualified_signer: parsed.qualified_signer,
    })
}

/// The certified `name` must be the name of `public`.
pub fn check_name(name: &[u8], public: &Public) -> Result<()> {
    let computed = public.name()?;
    if computed != name {
        return Err(Error::NameMismatch {
            attested: hex::encode(name),
            computed: hex::encode(&computed),
        });
    }
    Ok(())
}

/// A binding key must never leave its TPM and may only decrypt: `fixedTPM`, `fixedParent`,
/// `sensitiveDataOrigin` (the TPM made the private part, nobody else knows it) and `decrypt`
/// set; `sign` and `restricted` clear.
pub fn check_binding_attributes(public: &Public) -> Result<()> {
    let a = public.attributes;
    let mut wrong = Vec::new();
    if !a.fixed_tpm() {
        wrong.push("fixedTPM is clear");
    }
    if !a.fixed_parent() {
        wrong.push("fixedParent is clear");
    }
    if !a.sensitive_data_origin() {
        wrong.push("sensitiveDataOrigin is clear");
    }
    if !a.decrypt() {
        wrong.push("decrypt is clear");
    }
    if a.sign() {
        wrong.push("sign is set");
    }
    if a.restricted() {
        wrong.push("restricted is set");
    }
    if wrong.is_empty() {
        Ok(())
    } else {
        Err(Error::WrongAttributes {
            which: wrong.join(", "),
        })
    }
}

/// An AIK must be a TPM-bound restricted signing key (so it only signs TPM-made structures,
/// never a forged TPMS_ATTEST): `fixedTPM`, `fixedParent`, `sensitiveDataOrigin`,
/// `restricted` and `sign` set, `decrypt` clear. A PrivacyCA checks this on the AIK's
/// TPMT_PUBLIC, then makes the credential for that public area's [`Public::name`], so the name
/// it activates is the key it certifies.
pub fn check_aik_attributes(public: &Public) -> Result<()> {
    let a = public.attributes;
    let mut wrong = Vec::new();
    for (ok, what) in [
        (a.fixed_tpm(), "fixedTPM is clear"),
        (a.fixed_parent(), "fixedParent is clear"),
        (a.sensitive_data_origin(), "sensitiveDataOrigin is clear"),
        (a.restricted(), "restricted is clear"),
        (a.sign(), "sign is clear"),
        (!a.decrypt(), "decrypt is set"),
    ] {
        if !ok {
            wrong.push(what);
        }
    }
    if wrong.is_empty() {
        Ok(())
    } else {
        Err(Error::WrongAttributes {
            which: wrong.join(", "),
        })
    }
}

/// Magic and type from the first six bytes, before anything else is read.
fn check_header(attest: &[u8], expected: u16) -> Result<()> {
    let (Some(m), Some(t)) = (attest.get(0..4), attest.get(4..6)) else {
        return Err(malformed("TPMS_ATTEST: shorter than its header"));
    };
    let magic = u32::from_be_bytes([m[0], m[1], m[2], m[3]]);
    if magic != crate::tpm2::TPM_GENERATED_VALUE {
        return Err(Error::BadMagic { found: magic });
    }
    let tag = u16::from_be_bytes([t[0], t[1]]);
    if tag != expected {
        return Err(Error::WrongAttestType {
            expected,
            found: tag,
        });
    }
    Ok(())
}

fn check_extra_data(found: &[u8], expected: &[u8]) -> Result<()> {
    if found != expected {
        return Err(Error::NonceMismatch {
            expected: hex::encode(expected),
            found: hex::encode(found),
        });
    }
    Ok(())
}

fn describe_selection(banks: &[(u16, Vec<u8>)]) -> String {
    if banks.is_empty() {
        return "nothing".into();
    }
    banks
        .iter()
        .map(|(hash, idx)| {
            let bank = match HashAlg::from_id(*hash) {
                Some(HashAlg::Sha1) => "sha1".to_string(),
                Some(HashAlg::Sha256) => "sha256".to_string(),
                Some(HashAlg::Sha384) => "sha384".to_string(),
                Some(HashAlg::Sha512) => "sha512".to_string(),
                None => format!("{hash:#06x}"),
            };
            let list: Vec<String> = idx.iter().map(u8::to_string).collect();
            format!("{bank}:{}", list.join(","))
        })
        .collect::<Vec<_>>()
        .join(" ")
}
