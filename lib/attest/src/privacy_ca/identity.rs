//! SecL's PrivacyCA identity-challenge protocol, as Intel's trust agent speaks it with HVS
//! (`POST privacyca/identity-challenge-request` and `privacyca/identity-challenge-response`).
//!
//! Whatever the agent sends travels in an [`IdentityChallengePayload`]: the plaintext (the EK
//! certificate in the first call, the released challenge in the second) is AES-CBC encrypted
//! with PKCS#7 padding under a fresh key (`symblob`, IV in `tpm_symmetric_params.IV`), and that
//! key is RSA-OAEP encrypted to the PrivacyCA's certificate key with SHA-256, MGF1-SHA-256 and
//! an empty label (`asymblob`; `tpm_asymmetric_params.TpmAlgEncScheme` = 0x000b says so).
//!
//! Whatever HVS answers is an [`IdentityProofRequest`]: TPM2_MakeCredential to the EK and the
//! AIK's name of a fresh AES-128 key (`credential` is the TPM2B_ID_OBJECT, `secret` the
//! TPM2B_ENCRYPTED_SECRET), and the payload (the challenge, then the AIK certificate)
//! AES-128-CBC encrypted under that key (`symmetric_blob`, IV in `symmetric_params.IV`). Only
//! the TPM holding the EK, with that AIK loaded, recovers the key.
//!
//! The field names, the TPM 1.2 algorithm numbers in the parameter blocks and the JSON forms
//! (byte fields as standard base64, absent ones as `null`) are SecL's; this module only reads
//! what it can check and refuses every other algorithm with a reason.

use aes::cipher::{BlockCipherDecrypt, BlockCipherEncrypt, KeyInit};
use rand::Rng;
use rsa::traits::PublicKeyParts;
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use zeroize::Zeroizing;

use super::credential::make_credential;
use crate::error::{Error, Result, malformed, unsupported};
use crate::tpm2::{ObjectAttributes, Public, RsaScheme, TPM_ALG_RSASSA, TPM_ALG_SHA256};

/// TPM 1.2 `TPM_ALG_RSA`, in `tpm_asymmetric_params.TpmAlgId`.
pub const TPM12_ALG_RSA: i64 = 1;
/// TPM 1.2 `TPM_ALG_AES` (AES-128), in the symmetric parameters' `TpmAlgId`.
pub const TPM12_ALG_AES: i64 = 6;
/// TPM 1.2 `TPM_ES_NONE`: what HVS puts in an answer's symmetric parameters.
pub const TPM12_ES_NONE: i64 = 1;
/// TPM 1.2 `TPM_ES_SYM_CBC_PKCS5PAD`: the agent's symmetric blob is CBC with PKCS#5 padding.
pub const TPM12_ES_SYM_CBC_PKCS5PAD: i64 = 0xff;
/// TPM 1.2 `TPM_SS_NONE`.
pub const TPM12_SS_NONE: i64 = 1;
/// SecL marks an OAEP-SHA-256 asymmetric blob with the TPM 2.0 id of SHA-256.
pub const ASYM_SCHEME_OAEP_SHA256: i64 = TPM_ALG_SHA256 as i64;
/// The only `tpm_version` this protocol serves.
pub const TPM_VERSION_2: &str = "2.0";
/// The size of an AES block and so of every IV here.
const BLOCK: usize = 16;
/// Largest plaintext accepted in a symmetric blob: an EK certificate chain fits many times.
pub const MAX_SYM_BLOB: usize = 64 * 1024;

/// Standard base64 for `Option<Vec<u8>>`, `null` for `None`: Go's encoding of a `[]byte`.
mod b64 {
    use base64::Engine;
    use base64::engine::general_purpose::STANDARD;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(v: &Option<Vec<u8>>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(bytes) => s.serialize_str(&STANDARD.encode(bytes)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<u8>>, D::Error> {
        let Some(text) = Option::<String>::deserialize(d)? else {
            return Ok(None);
        };
        // Go's decoder skips line breaks inside the string; so does this one.
        let compact: String = text.chars().filter(|c| *c != '\r' && *c != '\n').collect();
        STANDARD
            .decode(compact.as_bytes())
            .map(Some)
            .map_err(|e| serde::de::Error::custom(format!("invalid base64: {e}")))
    }
}

/// SecL's `IdentityRequest`: what the agent says about its AIK.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentityRequest {
    /// `"2.0"`.
    #[serde(default)]
    pub tpm_version: String,
    /// TPM 1.2 only; Intel's agent leaves it `null`.
    #[serde(default, with = "b64")]
    pub identity_request_blob: Option<Vec<u8>>,
    /// The AIK's RSA modulus (the TPMT_PUBLIC's `unique`), big-endian.
    #[serde(default, with = "b64")]
    pub aik_modulus: Option<Vec<u8>>,
    /// TPM 1.2 only; Intel's agent leaves it `null`.
    #[serde(default, with = "b64")]
    pub aik_blob: Option<Vec<u8>>,
    /// The AIK's TPM name: nameAlg ‖ digest of its TPMT_PUBLIC.
    #[serde(default, with = "b64")]
    pub aik_name: Option<Vec<u8>>,
}

/// SecL's `TpmAsymmetricKeyParams` (Go field names, no JSON tags).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TpmAsymmetricKeyParams {
    #[serde(rename = "TpmAlgId", default)]
    pub alg_id: i64,
    #[serde(rename = "TpmAlgEncScheme", default)]
    pub enc_scheme: i64,
    #[serde(rename = "TpmAlgSignatureScheme", default)]
    pub signature_scheme: i64,
    #[serde(rename = "KeyLength", default)]
    pub key_length: i64,
    #[serde(rename = "PrimesCount", default)]
    pub primes_count: i64,
    #[serde(rename = "ExponentSize", default)]
    pub exponent_size: i64,
}

/// SecL's `TpmSymmetricKeyParams` (Go field names, no JSON tags).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TpmSymmetricKeyParams {
    #[serde(rename = "TpmAlgId", default)]
    pub alg_id: i64,
    #[serde(rename = "TpmAlgEncScheme", default)]
    pub enc_scheme: i64,
    #[serde(rename = "TpmAlgSignatureScheme", default)]
    pub signature_scheme: i64,
    #[serde(rename = "KeyLength", default)]
    pub key_length: i64,
    #[serde(rename = "BlockSize", default)]
    pub block_size: i64,
    #[serde(rename = "IV", default, with = "b64")]
    pub iv: Option<Vec<u8>>,
}

/// SecL's `IdentityChallengePayload`: the body of both agent calls.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentityChallengePayload {
    #[serde(default)]
    pub identity_request: IdentityRequest,
    #[serde(default)]
    pub tpm_asymmetric_params: TpmAsymmetricKeyParams,
    #[serde(default)]
    pub tpm_symmetric_params: TpmSymmetricKeyParams,
    /// The AES-CBC encrypted plaintext.
    #[serde(default, with = "b64")]
    pub symblob: Option<Vec<u8>>,
    /// The RSA-OAEP encrypted AES key.
    #[serde(default, with = "b64")]
    pub asymblob: Option<Vec<u8>>,
}

/// SecL's `IdentityProofRequest`: HVS's answer to both calls.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdentityProofRequest {
    /// TPM2B_ENCRYPTED_SECRET of MakeCredential.
    #[serde(default, with = "b64")]
    pub secret: Option<Vec<u8>>,
    /// TPM2B_ID_OBJECT of MakeCredential.
    #[serde(default, with = "b64")]
    pub credential: Option<Vec<u8>>,
    #[serde(default)]
    pub symmetric_params: TpmSymmetricKeyParams,
    /// The AES-128-CBC encrypted payload.
    #[serde(default, with = "b64")]
    pub symmetric_blob: Option<Vec<u8>>,
    /// Unused by SecL for TPM 2.0; always `null`.
    #[serde(default, with = "b64")]
    pub ek_blob: Option<Vec<u8>>,
}

/// One AES key of any size Go's `aes.NewCipher` takes.
enum Aes {
    A128(aes::Aes128),
    A192(aes::Aes192),
    A256(aes::Aes256),
}

impl Aes {
    fn new(key: &[u8]) -> Result<Self> {
        let bad = |_| Error::Crypto("AES key".into());
        Ok(match key.len() {
            16 => Self::A128(aes::Aes128::new_from_slice(key).map_err(bad)?),
            24 => Self::A192(aes::Aes192::new_from_slice(key).map_err(bad)?),
            32 => Self::A256(aes::Aes256::new_from_slice(key).map_err(bad)?),
            n => return Err(malformed(format!("symmetric key of {n} bytes (not AES)"))),
        })
    }

    fn encrypt(&self, block: &mut aes::Block) {
        match self {
            Self::A128(c) => c.encrypt_block(block),
            Self::A192(c) => c.encrypt_block(block),
            Self::A256(c) => c.encrypt_block(block),
        }
    }

    fn decrypt(&self, block: &mut aes::Block) {
        match self {
            Self::A128(c) => c.decrypt_block(block),
            Self::A192(c) => c.decrypt_block(block),
            Self::A256(c) => c.decrypt_block(block),
        }
    }
}

/// AES-CBC with PKCS#7 padding (what SecL calls PKCS5PAD).
pub fn cbc_encrypt(key: &[u8], iv: &[u8], plaintext: &[u8]) -> Result<Vec<u8>> {
    let cipher = Aes::new(key)?;
    let iv: [u8; BLOCK] = iv
        .try_into()
        .map_err(|_| malformed(format!("IV of {} bytes (want {BLOCK})", iv.len())))?;
    let pad = BLOCK - plaintext.len() % BLOCK;
    let mut data = Vec::with_capacity(plaintext.len() + pad);
    data.extend_from_slice(plaintext);
    data.resize(plaintext.len() + pad, pad as u8);
    let mut prev = iv;
    for chunk in data.chunks_exact_mut(BLOCK) {
        let mut block = aes::Block::default();
        for (b, (p, c)) in block.iter_mut().zip(prev.iter().zip(chunk.iter())) {
            *b = p ^ c;
        }
        cipher.encrypt(&mut block);
        chunk.copy_from_slice(&block);
        prev.copy_from_slice(chunk);
    }
    Ok(data)
}

/// The inverse of [`cbc_encrypt`]. Every failure (length, padding) gives the same error, so
/// the answer tells nothing about the plaintext.
pub fn cbc_decrypt(key: &[u8], iv: &[u8], ciphertext: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    let cipher = Aes::new(key)?;
    let iv: [u8; BLOCK] = iv
        .try_into()
        .map_err(|_| malformed(format!("IV of {} bytes (want {BLOCK})", iv.len())))?;
    if ciphertext.is_empty() || !ciphertext.len().is_multiple_of(BLOCK) {
        return Err(malformed(format!(
            "symmetric blob of {} bytes (a positive multiple of {BLOCK})",
            ciphertext.len()
        )));
    }
    let mut out = Zeroizing::new(Vec::with_capacity(ciphertext.len()));
    let mut prev = iv;
    for chunk in ciphertext.chunks_exact(BLOCK) {
        let mut block = aes::Block::default();
        block.copy_from_slice(chunk);
        cipher.decrypt(&mut block);
        out.extend(block.iter().zip(prev.iter()).map(|(b, p)| b ^ p));
        prev.copy_from_slice(chunk);
    }
    let bad = || Error::Crypto("symmetric blob does not decrypt (wrong key or padding)".into());
    let pad = usize::from(*out.last().ok_or_else(bad)?);
    if pad == 0
        || pad > BLOCK
        || out[out.len() - pad..]
            .iter()
            .any(|b| usize::from(*b) != pad)
    {
        return Err(bad());
    }
    let keep = out.len() - pad;
    out.truncate(keep);
    Ok(out)
}

/// The agent side of either call: `plaintext` sealed to the PrivacyCA as SecL's agent seals it
/// (fresh AES-128 key and IV, OAEP-SHA-256 with an empty label), with `request` alongside.
pub fn seal_payload(
    privacy_ca: &rsa::PublicKey,
    plaintext: &[u8],
    request: IdentityRequest,
) -> Result<IdentityChallengePayload> {
    if plaintext.is_empty() || plaintext.len() > MAX_SYM_BLOB {
        return Err(malformed(format!(
            "payload of {} bytes (1 to {MAX_SYM_BLOB})",
            plaintext.len()
        )));
    }
    let mut key = Zeroizing::new([0u8; 16]);
    rand::rng().fill_bytes(key.as_mut());
    let mut iv = [0u8; BLOCK];
    rand::rng().fill_bytes(&mut iv);
    let symblob = cbc_encrypt(key.as_ref(), &iv, plaintext)?;
    let asymblob = privacy_ca
        .encrypt(&mut rand::rng(), rsa::Oaep::<Sha256>::new(), key.as_ref())
        .map_err(|e| Error::Crypto(format!("OAEP encryption to the PrivacyCA: {e}")))?;
    Ok(IdentityChallengePayload {
        identity_request: request,
        tpm_asymmetric_params: TpmAsymmetricKeyParams {
            alg_id: TPM12_ALG_RSA,
            enc_scheme: ASYM_SCHEME_OAEP_SHA256,
            signature_scheme: TPM12_SS_NONE,
            key_length: 2048,
            primes_count: 2,
            exponent_size: 0,
        },
        tpm_symmetric_params: TpmSymmetricKeyParams {
            alg_id: TPM12_ALG_AES,
            enc_scheme: TPM12_ES_SYM_CBC_PKCS5PAD,
            signature_scheme: TPM12_SS_NONE,
            key_length: 128,
            block_size: 128,
            iv: Some(iv.to_vec()),
        },
        symblob: Some(symblob),
        asymblob: Some(asymblob),
    })
}

/// The HVS side of either call: the plaintext of a payload, given the PrivacyCA's private key.
/// Only OAEP-SHA-256 asymmetric blobs and AES-CBC-PKCS#7 symmetric blobs are accepted (SecL
/// would fall back to PKCS#1 v1.5 for any other scheme number; that padding is a decryption
/// oracle, and SecL's own agent never asks for it).
pub fn open_payload(
    privacy_ca: &rsa::PrivateKey,
    payload: &IdentityChallengePayload,
) -> Result<Zeroizing<Vec<u8>>> {
    let asym = &payload.tpm_asymmetric_params;
    if asym.enc_scheme != ASYM_SCHEME_OAEP_SHA256 {
        return Err(unsupported(format!(
            "asymmetric scheme {:#x} (only {ASYM_SCHEME_OAEP_SHA256:#06x}, RSA-OAEP-SHA-256)",
            asym.enc_scheme
        )));
    }
    let sym = &payload.tpm_symmetric_params;
    if sym.alg_id != TPM12_ALG_AES || sym.enc_scheme != TPM12_ES_SYM_CBC_PKCS5PAD {
        return Err(unsupported(format!(
            "symmetric algorithm {:#x} scheme {:#x} (only AES {TPM12_ALG_AES:#x}, CBC-PKCS5PAD {TPM12_ES_SYM_CBC_PKCS5PAD:#x})",
            sym.alg_id, sym.enc_scheme
        )));
    }
    let asymblob = present(&payload.asymblob, "asymblob")?;
    let symblob = present(&payload.symblob, "symblob")?;
    let iv = present(&sym.iv, "tpm_symmetric_params.IV")?;
    if symblob.len() > MAX_SYM_BLOB + BLOCK {
        return Err(malformed(format!("symblob of {} bytes", symblob.len())));
    }
    if asymblob.len() != privacy_ca.size() {
        return Err(malformed(format!(
            "asymblob of {} bytes (the PrivacyCA key takes {})",
            asymblob.len(),
            privacy_ca.size()
        )));
    }
    let key = Zeroizing::new(
        privacy_ca
            .decrypt(rsa::Oaep::<Sha256>::new(), asymblob)
            .map_err(|_| {
                Error::Crypto("asymblob does not decrypt under the PrivacyCA key".into())
            })?,
    );
    cbc_decrypt(&key, iv, symblob)
}

/// The HVS side of an answer: `payload` (a challenge or an AIK certificate) for the TPM that
/// holds the EK with `ek_public` and has the AIK named `aik_name` loaded.
pub fn proof_request(
    ek_public: &rsa::PublicKey,
    aik_name: &[u8],
    payload: &[u8],
) -> Result<IdentityProofRequest> {
    let mut key = Zeroizing::new([0u8; 16]);
    rand::rng().fill_bytes(key.as_mut());
    let mut iv = [0u8; BLOCK];
    rand::rng().fill_bytes(&mut iv);
    let symmetric_blob = cbc_encrypt(key.as_ref(), &iv, payload)?;
    let (credential, secret) = make_credential(ek_public, aik_name, key.as_ref())?;
    Ok(IdentityProofRequest {
        secret: Some(secret),
        credential: Some(credential),
        symmetric_params: TpmSymmetricKeyParams {
            alg_id: TPM12_ALG_AES,
            enc_scheme: TPM12_ES_NONE,
            signature_scheme: 0,
            key_length: 0,
            block_size: 0,
            iv: Some(iv.to_vec()),
        },
        symmetric_blob: Some(symmetric_blob),
        ek_blob: None,
    })
}

/// The agent side of an answer, before the TPM: the TPM2B_ID_OBJECT and TPM2B_ENCRYPTED_SECRET
/// for TPM2_ActivateCredential, each checked to be one whole TPM2B.
pub fn proof_credential(proof: &IdentityProofRequest) -> Result<(&[u8], &[u8])> {
    let credential = present(&proof.credential, "credential")?;
    let secret = present(&proof.secret, "secret")?;
    whole_tpm2b(credential, "credential")?;
    whole_tpm2b(secret, "secret")?;
    Ok((credential, secret))
}

/// The agent side of an answer, after the TPM: the payload, given the key that
/// TPM2_ActivateCredential released.
pub fn open_proof(proof: &IdentityProofRequest, key: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    let sym = &proof.symmetric_params;
    if sym.alg_id != TPM12_ALG_AES {
        return Err(unsupported(format!(
            "symmetric algorithm {:#x} (only AES {TPM12_ALG_AES:#x})",
            sym.alg_id
        )));
    }
    let iv = present(&sym.iv, "symmetric_params.IV")?;
    let blob = present(&proof.symmetric_blob, "symmetric_blob")?;
    cbc_decrypt(key, iv, blob)
}

/// The AIK public area SecL's trust agent and this project's agent both create: RSA-2048
/// restricted signing key, RSASSA-SHA-256, nameAlg SHA-256,
/// `fixedTPM|fixedParent|sensitiveDataOrigin|userWithAuth|restricted|sign`, no policy, default
/// exponent, `unique` = `modulus`. The protocol carries only the modulus and the name, so a
/// verifier rebuilds this to check that the name is that of a restricted signing key with that
/// very modulus.
pub fn secl_aik_public(modulus: &[u8]) -> Public {
    Public {
        name_alg: TPM_ALG_SHA256,
        attributes: ObjectAttributes(
            ObjectAttributes::FIXED_TPM
                | ObjectAttributes::FIXED_PARENT
                | ObjectAttributes::SENSITIVE_DATA_ORIGIN
                | ObjectAttributes::USER_WITH_AUTH
                | ObjectAttributes::RESTRICTED
                | ObjectAttributes::SIGN,
        ),
        auth_policy: Vec::new(),
        symmetric: None,
        scheme: Some(RsaScheme {
            scheme: TPM_ALG_RSASSA,
            hash: Some(TPM_ALG_SHA256),
        }),
        key_bits: u16::try_from(modulus.len().saturating_mul(8)).unwrap_or(0),
        exponent: 0,
        modulus: modulus.to_vec(),
    }
}

/// The AIK an [`IdentityRequest`] describes: its modulus must be 2048 bits and its name the
/// name of [`secl_aik_public`] of that modulus. Returns that public area.
pub fn requested_aik(request: &IdentityRequest) -> Result<Public> {
    if request.tpm_version.trim() != TPM_VERSION_2 {
        return Err(unsupported(format!(
            "tpm_version {:?} (only \"{TPM_VERSION_2}\")",
            request.tpm_version
        )));
    }
    let modulus = present(&request.aik_modulus, "aik_modulus")?;
    let name = present(&request.aik_name, "aik_name")?;
    if modulus.len() != 256 {
        return Err(malformed(format!(
            "aik_modulus of {} bytes (an RSA-2048 AIK has 256)",
            modulus.len()
        )));
    }
    let public = secl_aik_public(modulus);
    public.rsa_public_key()?;
    let computed = public.name()?;
    if computed != name {
        return Err(malformed(format!(
            "aik_name {} is not the name of a restricted RSA-2048 signing AIK with this aik_modulus ({})",
            hex::encode(name),
            hex::encode(&computed)
        )));
    }
    Ok(public)
}

/// The certificates in a DER blob that may hold several, back to back (SecL's agent sends the
/// EK certificate alone; a chain is allowed). At most 8. Padding after the last one (all 0x00
/// or all 0xff, as an NV index sized generously holds) is ignored.
pub fn split_der_certificates(blob: &[u8]) -> Result<Vec<&[u8]>> {
    let mut out = Vec::new();
    let mut rest = blob;
    while !rest.is_empty() {
        let padding = rest.iter().all(|b| *b == 0) || rest.iter().all(|b| *b == 0xff);
        if !out.is_empty() && padding {
            break;
        }
        if out.len() == 8 {
            return Err(malformed("more than 8 certificates in the EK blob"));
        }
        let len = der_element_len(rest)
            .ok_or_else(|| malformed("EK blob: not a sequence of DER certificates"))?;
        let (cert, tail) = rest.split_at(len);
        out.push(cert);
        rest = tail;
    }
    if out.is_empty() {
        return Err(malformed("EK blob is empty"));
    }
    Ok(out)
}

/// Length of the DER SEQUENCE at the start of `b` (tag, length, content), if it fits.
fn der_element_len(b: &[u8]) -> Option<usize> {
    if *b.first()? != 0x30 {
        return None;
    }
    let first = usize::from(*b.get(1)?);
    let (header, content) = if first < 0x80 {
        (2, first)
    } else {
        let n = first & 0x7f;
        if n == 0 || n > 3 {
            return None;
        }
        let bytes = b.get(2..2 + n)?;
        let content = bytes
            .iter()
            .fold(0usize, |acc, x| (acc << 8) | usize::from(*x));
        (2 + n, content)
    };
    let total = header.checked_add(content)?;
    (total <= b.len()).then_some(total)
}

fn present<'a>(v: &'a Option<Vec<u8>>, field: &str) -> Result<&'a [u8]> {
    match v.as_deref() {
        Some(b) if !b.is_empty() => Ok(b),
        _ => Err(malformed(format!("{field} is missing"))),
    }
}

fn whole_tpm2b(bytes: &[u8], field: &str) -> Result<()> {
    match bytes.split_first_chunk::<2>() {
        Some((size, rest)) if usize::from(u16::from_be_bytes(*size)) == rest.len() => Ok(()),
        _ => Err(malformed(format!(
            "{field}: its size prefix does not match its {} bytes",
            bytes.len()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::privacy_ca::activate_credential;

    fn rsa_key() -> rsa::PrivateKey {
        rsa::PrivateKey::new(&mut rand::rng(), 2048).unwrap()
    }

    fn request(modulus: &[u8]) -> IdentityRequest {
        let public = secl_aik_public(modulus);
        IdentityRequest {
            tpm_version: "2.0".into(),
            aik_modulus: Some(modulus.to_vec()),
            aik_name: Some(public.name().unwrap()),
            ..Default::default()
        }
    }

    #[test]
    fn cbc_round_trips_and_pads_like_pkcs7() {
        let key = [3u8; 16];
        let iv = [9u8; 16];
        for len in [1usize, 15, 16, 17, 100] {
            let plain = vec![0x5a; len];
            let ct = cbc_encrypt(&key, &iv, &plain).unwrap();
            assert_eq!(ct.len(), (len / 16 + 1) * 16);
            assert_eq!(cbc_decrypt(&key, &iv, &ct).unwrap().as_slice(), plain);
        }
        // One full block of padding for a block-aligned plaintext, as Go's agent writes it.
        let ct = cbc_encrypt(&key, &iv, &[0u8; 16]).unwrap();
        assert_eq!(ct.len(), 32);
    }

    /// Known answer: FIPS-197 AES-128 key and block, one CBC block with a zero IV, then the
    /// PKCS#7 block that follows it.
    #[test]
    fn cbc_known_answer() {
        let key = hex::decode("000102030405060708090a0b0c0d0e0f").unwrap();
        let plain = hex::decode("00112233445566778899aabbccddeeff").unwrap();
        let ct = cbc_encrypt(&key, &[0u8; 16], &plain).unwrap();
        assert_eq!(hex::encode(&ct[..16]), "69c4e0d86a7b0430d8cdb78070b4c55a");
    }

    #[test]
    fn cbc_refuses_bad_lengths_and_padding() {
        let key = [1u8; 16];
        let iv = [2u8; 16];
        assert!(cbc_decrypt(&key, &iv, &[]).is_err());
        assert!(cbc_decrypt(&key, &iv, &[0u8; 17]).is_err());
        assert!(cbc_decrypt(&key, &iv[..8], &[0u8; 16]).is_err());
        assert!(cbc_decrypt(&key[..5], &iv, &[0u8; 16]).is_err());
        let mut ct = cbc_encrypt(&key, &iv, b"hello").unwrap();
        let last = ct.len() - 1;
        ct[last] ^= 1;
        assert!(cbc_decrypt(&key, &iv, &ct).is_err());
        // Another key mostly breaks the padding; it never yields the plaintext.
        let ct = cbc_encrypt(&key, &iv, b"hello").unwrap();
        if let Ok(p) = cbc_decrypt(&[7u8; 16], &iv, &ct) {
            assert_ne!(p.as_slice(), b"hello");
        }
    }

    #[test]
    fn payload_round_trips_through_json() {
        let ca = rsa_key();
        let modulus = vec![0xc5; 256];
        let payload =
            seal_payload(&ca.to_public_key(), b"ek certificate", request(&modulus)).unwrap();
        let json = serde_json::to_string(&payload).unwrap();
        // SecL's field names and Go's null for unset byte fields.
        for field in [
            "\"identity_request\":{\"tpm_version\":\"2.0\",\"identity_request_blob\":null,\"aik_modulus\":\"",
            "\"aik_blob\":null",
            "\"tpm_asymmetric_params\":{\"TpmAlgId\":1,\"TpmAlgEncScheme\":11,\"TpmAlgSignatureScheme\":1,\"KeyLength\":2048,\"PrimesCount\":2,\"ExponentSize\":0}",
            "\"tpm_symmetric_params\":{\"TpmAlgId\":6,\"TpmAlgEncScheme\":255,\"TpmAlgSignatureScheme\":1,\"KeyLength\":128,\"BlockSize\":128,\"IV\":\"",
            "\"symblob\":\"",
            "\"asymblob\":\"",
        ] {
            assert!(json.contains(field), "{field} not in {json}");
        }
        let back: IdentityChallengePayload = serde_json::from_str(&json).unwrap();
        assert_eq!(back, payload);
        assert_eq!(
            open_payload(&ca, &back).unwrap().as_slice(),
            b"ek certificate"
        );
        assert_eq!(
            requested_aik(&back.identity_request).unwrap().modulus,
            modulus
        );
    }

    #[test]
    fn payload_refusals() {
        let ca = rsa_key();
        let good = seal_payload(&ca.to_public_key(), b"secret", request(&[0xc5; 256])).unwrap();

        let mut p = good.clone();
        p.tpm_asymmetric_params.enc_scheme = 2;
        assert!(matches!(
            open_payload(&ca, &p),
            Err(Error::Unsupported { .. })
        ));

        let mut p = good.clone();
        p.tpm_symmetric_params.enc_scheme = TPM12_ES_NONE;
        assert!(matches!(
            open_payload(&ca, &p),
            Err(Error::Unsupported { .. })
        ));

        let mut p = good.clone();
        p.asymblob.as_mut().unwrap().truncate(100);
        assert!(matches!(
            open_payload(&ca, &p),
            Err(Error::Malformed { .. })
        ));

        let mut p = good.clone();
        p.asymblob.as_mut().unwrap()[7] ^= 1;
        assert!(matches!(open_payload(&ca, &p), Err(Error::Crypto(_))));

        let mut p = good.clone();
        p.symblob.as_mut().unwrap().pop();
        assert!(open_payload(&ca, &p).is_err());

        let mut p = good.clone();
        p.tpm_symmetric_params.iv = None;
        assert!(matches!(
            open_payload(&ca, &p),
            Err(Error::Malformed { .. })
        ));

        // Another PrivacyCA's key.
        assert!(open_payload(&rsa_key(), &good).is_err());
    }

    #[test]
    fn json_refusals() {
        let bad_b64 = r#"{"identity_request":{"tpm_version":"2.0","aik_name":"@@@"}}"#;
        assert!(serde_json::from_str::<IdentityChallengePayload>(bad_b64).is_err());
        let unknown = r#"{"identity_request":{},"extra":1}"#;
        assert!(serde_json::from_str::<IdentityChallengePayload>(unknown).is_err());
        // Go accepts missing fields and nulls for byte fields.
        let sparse = r#"{"identity_request":{"tpm_version":"2.0","aik_blob":null}}"#;
        let p: IdentityChallengePayload = serde_json::from_str(sparse).unwrap();
        assert_eq!(p.identity_request.aik_blob, None);
    }

    #[test]
    fn aik_name_must_match_the_modulus_and_template() {
        let modulus = vec![0xc5; 256];
        assert!(requested_aik(&request(&modulus)).is_ok());

        let mut r = request(&modulus);
        r.aik_modulus.as_mut().unwrap()[10] ^= 1;
        assert!(matches!(requested_aik(&r), Err(Error::Malformed { .. })));

        // The name of a decrypt key with the same modulus is refused.
        let mut decrypt = secl_aik_public(&modulus);
        decrypt.attributes = ObjectAttributes(
            ObjectAttributes::FIXED_TPM
                | ObjectAttributes::FIXED_PARENT
                | ObjectAttributes::DECRYPT,
        );
        let mut r = request(&modulus);
        r.aik_name = Some(decrypt.name().unwrap());
        assert!(matches!(requested_aik(&r), Err(Error::Malformed { .. })));

        let mut r = request(&modulus);
        r.aik_modulus = Some(vec![0xc5; 128]);
        assert!(matches!(requested_aik(&r), Err(Error::Malformed { .. })));

        let mut r = request(&modulus);
        r.tpm_version = "1.2".into();
        assert!(matches!(requested_aik(&r), Err(Error::Unsupported { .. })));

        let mut r = request(&modulus);
        r.aik_name = None;
        assert!(matches!(requested_aik(&r), Err(Error::Malformed { .. })));
    }

    /// An AIK made by Intel's trust agent on a real TPM (modulus and name from SecL's HVS test
    /// data): the rebuilt template gives exactly its name.
    #[test]
    fn intel_trust_agent_aik_matches_the_template() {
        use base64::Engine;
        let b64 = |s: &str| base64::engine::general_purpose::STANDARD.decode(s).unwrap();
        let modulus = b64(concat!(
            "musrA8GOcUtcD3phno/e4XseAdzLG/Ff1qXBIZ/GWdQUKTvOQlUq5P+BJLD1ifp7bpyvXdpesnHZuhXpi4AM",
            "8D2uJYTs4MeamMJ2LKAu/zSk9IDz4Z4gnQACSGSWzqafXv8OAh6D7/EOjzUh/sjkZdTVjsKzyHGp7GbY+G+m",
            "t9/PdF1e4/TJlp41s6rQ6BAJ0mA4gNdkrJLW2iedM1MZJn2JgYWDtxej5wD6Gm7/BGD+Rn9wqyU4U6fjEsNq",
            "eXj0E0DtkreMAi9cAQuoagckvh/ru1o8psyzTM+Bk+EqpFrfg3nz4nDC+Nrz+IBjuJuFGNUUFbxC6FrdtX4c",
            "2jnQIQ=="
        ));
        let name = b64("AAuTbAaKYOG2opc4QXq0QzsUHFRMsV0m5lcmRK4SLrzdRA==");
        let r = IdentityRequest {
            tpm_version: "2.0".into(),
            aik_modulus: Some(modulus),
            aik_name: Some(name),
            ..Default::default()
        };
        requested_aik(&r).unwrap();
    }

    /// The answer opens with the EK's private key (what the TPM does) into the payload.
    #[test]
    fn proof_round_trips_with_software_activation() {
        let ek = rsa_key();
        let name = secl_aik_public(&[0xc5; 256]).name().unwrap();
        let proof = proof_request(&ek.to_public_key(), &name, b"the AIK certificate").unwrap();
        let json = serde_json::to_string(&proof).unwrap();
        assert!(json.contains(
            "\"symmetric_params\":{\"TpmAlgId\":6,\"TpmAlgEncScheme\":1,\"TpmAlgSignatureScheme\":0,\"KeyLength\":0,\"BlockSize\":0,\"IV\":\""
        ));
        assert!(json.ends_with(",\"ek_blob\":null}"), "{json}");
        let back: IdentityProofRequest = serde_json::from_str(&json).unwrap();
        let (credential, secret) = proof_credential(&back).unwrap();
        let key = activate_credential(&ek, &name, credential, secret).unwrap();
        assert_eq!(key.len(), 16);
        assert_eq!(
            open_proof(&back, &key).unwrap().as_slice(),
            b"the AIK certificate"
        );

        // Another AIK name: the credential does not open.
        let other = secl_aik_public(&[0xc6; 256]).name().unwrap();
        assert!(activate_credential(&ek, &other, credential, secret).is_err());

        let mut cut = back.clone();
        cut.credential.as_mut().unwrap().pop();
        assert!(proof_credential(&cut).is_err());
        let mut none = back.clone();
        none.secret = None;
        assert!(proof_credential(&none).is_err());
    }

    #[test]
    fn der_certificates_split() {
        let a = [0x30, 0x03, 1, 2, 3];
        let b = [0x30, 0x81, 0x01, 9];
        let blob: Vec<u8> = a.iter().chain(b.iter()).copied().collect();
        let parts = split_der_certificates(&blob).unwrap();
        assert_eq!(parts, vec![&a[..], &b[..]]);
        assert!(split_der_certificates(&[]).is_err());
        assert!(split_der_certificates(&[0x30, 0x05, 1]).is_err());
        assert!(split_der_certificates(&[0x31, 0x00]).is_err());
        assert!(split_der_certificates(&[0x30, 0x80]).is_err());
        assert!(split_der_certificates(&[0x30, 0x00].repeat(9)).is_err());
        let padded: Vec<u8> = a.iter().copied().chain([0u8; 7]).collect();
        assert_eq!(split_der_certificates(&padded).unwrap(), vec![&a[..]]);
        let padded: Vec<u8> = a.iter().copied().chain([0xffu8; 3]).collect();
        assert_eq!(split_der_certificates(&padded).unwrap(), vec![&a[..]]);
        assert!(split_der_certificates(&[0u8; 4]).is_err());
    }
}
