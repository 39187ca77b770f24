//! TPM2_MakeCredential done in software (TPM 2.0 Library Part 1 §24, Part 3 §12.6): the
//! PrivacyCA wraps a secret so that only the TPM holding the EK, and only while the AIK with
//! the given name is loaded in it, can recover it with TPM2_ActivateCredential. Byte layout as
//! tpm2-tools' `tpm2_makecredential -T none` (tpm2_identity_util.c) produces it.

use aes::cipher::KeyIvInit;
use hmac::{KeyInit, Mac};
use rand::Rng;
use sha2::Sha256;

use crate::error::{Error, Result, malformed, unsupported};
use crate::tpm2::HashAlg;

/// OAEP label for the seed; the TPM includes the terminating NUL.
const IDENTITY_LABEL: &[u8] = b"IDENTITY\0";
/// The default EK template's nameAlg is SHA-256, so the seed and HMAC key are 32 bytes.
const SEED_LEN: usize = 32;
/// The default EK template's symmetric algorithm is AES-128-CFB.
const SYM_KEY_BITS: u32 = 128;

type HmacSha256 = hmac::Hmac<Sha256>;
type Aes128CfbEnc = cfb_mode::Encryptor<aes::Aes128>;
type Aes128CfbDec = cfb_mode::Decryptor<aes::Aes128>;

/// KDFa (Part 1 §11.4.10.2) with HMAC-SHA-256: `HMAC(key, [i]₃₂ ‖ label ‖ 00 ‖ contextU ‖
/// contextV ‖ [bits]₃₂)` for i = 1, 2, …, truncated to `bits` (whole bytes only).
pub fn kdfa_sha256(
    key: &[u8],
    label: &str,
    context_u: &[u8],
    context_v: &[u8],
    bits: u32,
) -> Result<Vec<u8>> {
    if bits == 0 || !bits.is_multiple_of(8) || bits > 8 * 1024 {
        return Err(unsupported(format!("KDFa output of {bits} bits")));
    }
    let bytes = usize::try_from(bits / 8).map_err(|_| unsupported("KDFa size"))?;
    let mut out = Vec::with_capacity(bytes + 32);
    let mut counter: u32 = 1;
    while out.len() < bytes {
        let mut mac = <HmacSha256 as KeyInit>::new_from_slice(key)
            .map_err(|_| Error::Crypto("HMAC key".into()))?;
        mac.update(&counter.to_be_bytes());
        mac.update(label.as_bytes());
        mac.update(&[0]);
        mac.update(context_u);
        mac.update(context_v);
        mac.update(&bits.to_be_bytes());
        out.extend_from_slice(&mac.finalize().into_bytes());
        counter += 1;
    }
    out.truncate(bytes);
    Ok(out)
}

/// A credential name must be a TPM name: a SHA-256/384/512 algorithm id and its digest.
fn check_name(name: &[u8]) -> Result<()> {
    let ok = match name {
        [a, b, digest @ ..] => HashAlg::from_id(u16::from_be_bytes([*a, *b]))
            .is_some_and(|alg| alg != HashAlg::Sha1 && alg.size() == digest.len()),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(malformed(format!(
            "AIK name of {} bytes (want nameAlg ‖ digest)",
            name.len()
        )))
    }
}

/// TPM2_MakeCredential for an EK made from the default TCG template (RSA-2048, nameAlg
/// SHA-256, AES-128-CFB): returns the marshalled `TPM2B_ID_OBJECT` (credentialBlob) and
/// `TPM2B_ENCRYPTED_SECRET` (secret), as TPM2_ActivateCredential takes them.
///
/// `secret` is at most 32 bytes (a TPM2B_DIGEST no larger than the EK's nameAlg digest).
pub fn make_credential(
    ek_public: &rsa::PublicKey,
    aik_name: &[u8],
    secret: &[u8],
) -> Result<(Vec<u8>, Vec<u8>)> {
    check_name(aik_name)?;
    if secret.is_empty() || secret.len() > SEED_LEN {
        return Err(malformed(format!(
            "credential of {} bytes (1 to {SEED_LEN})",
            secret.len()
        )));
    }
    let mut seed = zeroize::Zeroizing::new([0u8; SEED_LEN]);
    rand::rng().fill_bytes(seed.as_mut());

    let padding = rsa::Oaep::<Sha256>::new_with_label(IDENTITY_LABEL.to_vec());
    let encrypted_seed = ek_public
        .encrypt(&mut rand::rng(), padding, seed.as_ref())
        .map_err(|e| Error::Crypto(format!("OAEP seed encryption: {e}")))?;

    let sym_key = zeroize::Zeroizing::new(kdfa_sha256(
        seed.as_ref(),
        "STORAGE",
        aik_name,
        &[],
        SYM_KEY_BITS,
    )?);
    let hmac_key = zeroize::Zeroizing::new(kdfa_sha256(
        seed.as_ref(),
        "INTEGRITY",
        &[],
        &[],
        8 * SEED_LEN as u32,
    )?);

    // encIdentity = CFB(symKey, IV = 0)(TPM2B_DIGEST credential)
    let mut enc_identity = Vec::with_capacity(2 + secret.len());
    enc_identity.extend_from_slice(&(secret.len() as u16).to_be_bytes());
    enc_identity.extend_from_slice(secret);
    let cipher = Aes128CfbEnc::new_from_slices(&sym_key, &[0u8; 16])
        .map_err(|_| Error::Crypto("AES-128-CFB key".into()))?;
    cipher.encrypt(&mut enc_identity);

    let mut mac = <HmacSha256 as KeyInit>::new_from_slice(&hmac_key)
        .map_err(|_| Error::Crypto("HMAC key".into()))?;
    mac.update(&enc_identity);
    mac.update(aik_name);
    let outer_hmac = mac.finalize().into_bytes();

    // TPM2B_ID_OBJECT { size, credential = TPM2B_DIGEST(outerHMAC) ‖ encIdentity }
    let inner_len = 2 + outer_hmac.len() + enc_identity.len();
    let mut id_object = Vec::with_capacity(2 + inner_len);
    id_object.extend_from_slice(&(inner_len as u16).to_be_bytes());
    id_object.extend_from_slice(&(outer_hmac.len() as u16).to_be_bytes());
    id_object.extend_from_slice(&outer_hmac);
    id_object.extend_from_slice(&enc_identity);

    let mut enc_secret = Vec::with_capacity(2 + encrypted_seed.len());
    let seed_len = u16::try_from(encrypted_seed.len())
        .map_err(|_| Error::Crypto("encrypted seed too long".into()))?;
    enc_secret.extend_from_slice(&seed_len.to_be_bytes());
    enc_secret.extend_from_slice(&encrypted_seed);
    Ok((id_object, enc_secret))
}

/// TPM2_ActivateCredential in software, given the EK's private key: what a TPM does with the
/// output of [`make_credential`]. For tests and tools that have no TPM; a real host does this
/// inside its TPM, where the EK's private key is.
pub fn activate_credential(
    ek_private: &rsa::PrivateKey,
    aik_name: &[u8],
    id_object: &[u8],
    encrypted_secret: &[u8],
) -> Result<Vec<u8>> {
    check_name(aik_name)?;
    let blob = tpm2b_exact(id_object, "TPM2B_ID_OBJECT")?;
    let enc_seed = tpm2b_exact(encrypted_secret, "TPM2B_ENCRYPTED_SECRET")?;
    let padding = rsa::Oaep::<Sha256>::new_with_label(IDENTITY_LABEL.to_vec());
    let seed = zeroize::Zeroizing::new(
        ek_private
            .decrypt(padding, enc_seed)
            .map_err(|_| Error::Crypto("seed does not decrypt under this EK".into()))?,
    );
    if seed.len() != SEED_LEN {
        return Err(malformed(format!("seed of {} bytes", seed.len())));
    }

    let (hmac_len, rest) = blob
        .split_first_chunk::<2>()
        .ok_or_else(|| malformed("credential blob: no integrity size"))?;
    let hmac_len = usize::from(u16::from_be_bytes(*hmac_len));
    if hmac_len != HashAlg::Sha256.size() || rest.len() < hmac_len {
        return Err(malformed("credential blob: integrity HMAC size"));
    }
    let (outer_hmac, enc_identity) = rest.split_at(hmac_len);

    let hmac_key = zeroize::Zeroizing::new(kdfa_sha256(
        &seed,
        "INTEGRITY",
        &[],
        &[],
        8 * SEED_LEN as u32,
    )?);
    let mut mac = <HmacSha256 as KeyInit>::new_from_slice(&hmac_key)
        .map_err(|_| Error::Crypto("HMAC key".into()))?;
    mac.update(enc_identity);
    mac.update(aik_name);
    mac.verify_slice(outer_hmac).map_err(|_| {
        Error::Crypto("credential integrity check failed (other AIK name or EK)".into())
    })?;

    let sym_key =
        zeroize::Zeroizing::new(kdfa_sha256(&seed, "STORAGE", aik_name, &[], SYM_KEY_BITS)?);
    let mut plain = zeroize::Zeroizing::new(enc_identity.to_vec());
    Aes128CfbDec::new_from_slices(&sym_key, &[0u8; 16])
        .map_err(|_| Error::Crypto("AES-128-CFB key".into()))?
        .decrypt(&mut plain);
    let secret = tpm2b_exact(&plain, "credential TPM2B_DIGEST")?;
    Ok(secret.to_vec())
}

/// The content of a TPM2B whose size covers exactly the rest of `bytes`.
fn tpm2b_exact<'a>(bytes: &'a [u8], what: &str) -> Result<&'a [u8]> {
    let (size, rest) = bytes
        .split_first_chunk::<2>()
        .ok_or_else(|| malformed(format!("{what}: no size")))?;
    if usize::from(u16::from_be_bytes(*size)) != rest.len() {
        return Err(malformed(format!(
            "{what}: size does not match its content"
        )));
    }
    Ok(rest)
}

/// The hash a name's first two bytes announce, for callers that want to check it.
pub fn name_alg(name: &[u8]) -> Option<HashAlg> {
    let [a, b, ..] = name else { return None };
    HashAlg::from_id(u16::from_be_bytes([*a, *b]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tpm2::TPM_ALG_SHA256;

    /// KDFa's first block is one HMAC over the spec's layout (the tpm2_makecredential
    /// interop test covers the whole construction).
    #[test]
    fn kdfa_single_block_is_one_hmac() {
        let key = [7u8; 32];
        let got = kdfa_sha256(&key, "STORAGE", b"ctx", &[], 128).unwrap();
        let mut mac = <HmacSha256 as KeyInit>::new_from_slice(&key).unwrap();
        mac.update(&1u32.to_be_bytes());
        mac.update(b"STORAGE\0ctx");
        mac.update(&128u32.to_be_bytes());
        assert_eq!(got, mac.finalize().into_bytes()[..16]);
    }

    #[test]
    fn kdfa_multi_block_continues_the_counter() {
        let key = [1u8; 32];
        let long = kdfa_sha256(&key, "INTEGRITY", &[], &[], 512).unwrap();
        assert_eq!(long.len(), 64);
        let mut mac = <HmacSha256 as KeyInit>::new_from_slice(&key).unwrap();
        mac.update(&2u32.to_be_bytes());
        mac.update(b"INTEGRITY\0");
        mac.update(&512u32.to_be_bytes());
        assert_eq!(long[32..], mac.finalize().into_bytes()[..]);
    }

    #[test]
    fn names_are_checked() {
        assert!(check_name(&[0x00, 0x0b]).is_err());
        assert!(check_name(&[0x00, 0x04, 1, 2]).is_err());
        let mut ok = vec![0x00, 0x0b];
        ok.extend_from_slice(&[0u8; 32]);
        assert!(check_name(&ok).is_ok());
        assert_eq!(name_alg(&ok), Some(HashAlg::Sha256));
        assert_eq!(TPM_ALG_SHA256, 0x000b);
    }
}
