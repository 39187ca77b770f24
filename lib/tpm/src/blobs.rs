//! TPM structures as bytes: key blobs that live on disk, public areas, names and public keys.
//! Nothing here talks to a TPM, and everything here accepts untrusted bytes.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::Path;

use rsa::pkcs8::EncodePublicKey;
use sha2::{Digest as _, Sha256};
use tss_esapi::interface_types::algorithm::HashingAlgorithm;
use tss_esapi::structures::{Private, Public};
use tss_esapi::traits::{Marshall, UnMarshall};

use crate::error::{Error, Result, malformed};

/// TPM_ALG_SHA256, the only name algorithm this crate produces or accepts.
pub const TPM_ALG_SHA256: u16 = 0x000b;

/// Largest key blob file [`KeyBlobs::read_file`] will read: far above any real TPM2B pair, far
/// below anything that could hurt.
const MAX_BLOB_FILE: u64 = 64 * 1024;

/// A key created under the storage primary, as it is kept between runs.
///
/// `private` is encrypted and integrity-protected by the TPM under the storage primary, so both
/// halves may be stored on disk; they are useless on any other TPM. Reloading needs only that
/// primary, persistent or re-derived (the same key), so keys survive agent and TPM restarts.
#[derive(Clone, PartialEq, Eq)]
pub struct KeyBlobs {
    /// Marshalled TPM2B_PUBLIC (two-byte big-endian size, then the TPMT_PUBLIC).
    pub public: Vec<u8>,
    /// Marshalled TPM2B_PRIVATE (two-byte big-endian size, then the parent-encrypted sensitive).
    pub private: Vec<u8>,
}

impl std::fmt::Debug for KeyBlobs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Sizes only: blobs are opaque, and names are what logs should show.
        f.debug_struct("KeyBlobs")
            .field("public", &format_args!("{} bytes", self.public.len()))
            .field("private", &format_args!("{} bytes", self.private.len()))
            .finish()
    }
}

impl KeyBlobs {
    /// Marshalled TPMT_PUBLIC: what TPM2_Certify names and HVS hashes.
    pub fn public_area(&self) -> Result<Vec<u8>> {
        public_area(&self.public)
    }

    /// The TPM name: nameAlg (0x000b) || SHA-256(TPMT_PUBLIC), 34 bytes.
    pub fn name(&self) -> Result<Vec<u8>> {
        name(&self.public)
    }

    /// The RSA public key as DER SubjectPublicKeyInfo, for certificates.
    pub fn public_key_der(&self) -> Result<Vec<u8>> {
        public_key_der(&self.public)
    }

    /// One self-delimiting byte string: TPM2B_PUBLIC || TPM2B_PRIVATE.
    pub fn to_bytes(&self) -> Vec<u8> {
        [self.public.as_slice(), self.private.as_slice()].concat()
    }

    /// Parses [`KeyBlobs::to_bytes`] output, checking both structures strictly.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let (_, rest) = split_tpm2b("key blob (public part)", bytes)?;
        let public = &bytes[..bytes.len() - rest.len()];
        let (_, tail) = split_tpm2b("key blob (private part)", rest)?;
        if !tail.is_empty() {
            return Err(malformed("key blob", "trailing bytes after TPM2B_PRIVATE"));
        }
        let blobs = KeyBlobs {
            public: public.to_vec(),
            private: rest.to_vec(),
        };
        blobs.parse()?;
        Ok(blobs)
    }

    /// Writes [`KeyBlobs::to_bytes`] to `path` atomically (temporary file, fsync, rename) with
    /// mode 0600: whoever can read the blob and knows the auth can use the key on this TPM.
    pub fn write_file(&self, path: &Path) -> Result<()> {
        let io = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        let file_name = path
            .file_name()
            .ok_or_else(|| Error::InvalidArgument(format!("{} names no file", path.display())))?;
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let mut tmp_name = std::ffi::OsString::from(".");
        tmp_name.push(file_name);
        tmp_name.push(format!(".tmp{}", std::process::id()));
        let tmp = dir.join(tmp_name);
        let _ = fs::remove_file(&tmp);
        let result = (|| {
            let mut f = fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&tmp)?;
            // The umask can only narrow the mode, but make the intent explicit.
            f.set_permissions(fs::Permissions::from_mode(0o600))?;
            f.write_all(&self.to_bytes())?;
            f.sync_all()?;
            fs::rename(&tmp, path)?;
            fs::File::open(dir)?.sync_all()
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        result.map_err(io)
    }

    /// Reads a file written by [`KeyBlobs::write_file`].
    pub fn read_file(path: &Path) -> Result<Self> {
        let io = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        let f = fs::File::open(path).map_err(io)?;
        let len = f.metadata().map_err(io)?.len();
        if len > MAX_BLOB_FILE {
            return Err(malformed("key blob", format!("{len} bytes is too large")));
        }
        let bytes = fs::read(path).map_err(io)?;
        KeyBlobs::from_bytes(&bytes)
    }

    /// The tss-esapi forms, checked: a strictly parsed public area and a size-checked private.
    pub(crate) fn parse(&self) -> Result<(Public, Private)> {
        let public = parse_public(&self.public)?;
        let body = tpm2b_body("TPM2B_PRIVATE", &self.private)?;
        if body.is_empty() {
            return Err(malformed("TPM2B_PRIVATE", "empty"));
        }
        let private =
            Private::try_from(body).map_err(|e| malformed("TPM2B_PRIVATE", e.to_string()))?;
        Ok((public, private))
    }
}

/// The endorsement key's public part, as the PrivacyCA needs it for MakeCredential.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EkPublic {
    /// Marshalled TPM2B_PUBLIC of the RSA-2048 EK.
    pub public: Vec<u8>,
    /// True when it was found at persistent handle 0x81010001, false when derived from the
    /// standard EK template (the same key on a TPM whose EK certificate matches the template).
    pub persistent: bool,
}

impl EkPublic {
    /// Marshalled TPMT_PUBLIC.
    pub fn public_area(&self) -> Result<Vec<u8>> {
        public_area(&self.public)
    }

    /// The TPM name: 0x000b || SHA-256(TPMT_PUBLIC).
    pub fn name(&self) -> Result<Vec<u8>> {
        name(&self.public)
    }

    /// DER SubjectPublicKeyInfo; compare with the EK certificate's key.
    pub fn public_key_der(&self) -> Result<Vec<u8>> {
        public_key_der(&self.public)
    }
}

/// Marshalled TPMT_PUBLIC inside a TPM2B_PUBLIC, after checking that it parses exactly.
pub fn public_area(tpm2b_public: &[u8]) -> Result<Vec<u8>> {
    parse_public(tpm2b_public)?;
    Ok(tpm2b_body("TPM2B_PUBLIC", tpm2b_public)?.to_vec())
}

/// TPM name of a TPM2B_PUBLIC: nameAlg || H(TPMT_PUBLIC). Only SHA-256 names are supported.
pub fn name(tpm2b_public: &[u8]) -> Result<Vec<u8>> {
    let public = parse_public(tpm2b_public)?;
    if public.name_hashing_algorithm() != HashingAlgorithm::Sha256 {
        return Err(Error::Unsupported(format!(
            "name algorithm {:?} (only SHA-256)",
            public.name_hashing_algorithm()
        )));
    }
    let area = tpm2b_body("TPM2B_PUBLIC", tpm2b_public)?;
    let mut out = TPM_ALG_SHA256.to_be_bytes().to_vec();
    out.extend_from_slice(&Sha256::digest(area));
    Ok(out)
}

/// DER SubjectPublicKeyInfo of an RSA TPM2B_PUBLIC (exponent 0 in the TPM means 65537).
pub fn public_key_der(tpm2b_public: &[u8]) -> Result<Vec<u8>> {
    let key = rsa_public_key(&parse_public(tpm2b_public)?)?;
    let der = key
        .to_public_key_der()
        .map_err(|e| malformed("RSA public key", e.to_string()))?;
    Ok(der.as_bytes().to_vec())
}

/// The RSA public key of a parsed public area.
pub(crate) fn rsa_public_key(public: &Public) -> Result<rsa::PublicKey> {
    let Public::Rsa {
        parameters, unique, ..
    } = public
    else {
        return Err(Error::Unsupported("not an RSA key".into()));
    };
    let e = match parameters.exponent().value() {
        0 => 65537,
        e => e,
    };
    let n = unique.value();
    if n.is_empty() {
        return Err(malformed("RSA public key", "empty modulus"));
    }
    rsa::PublicKey::new(
        rsa::BoxedUint::from_be_slice_vartime(n),
        rsa::BoxedUint::from(u64::from(e)),
    )
    .map_err(|e| malformed("RSA public key", e.to_string()))
}

/// Parses a TPM2B_PUBLIC strictly: the size must cover exactly the rest, and the TPMT_PUBLIC
/// must re-marshal to the same bytes (no trailing data, nothing lost in translation, so the
/// name computed from these bytes is the name the TPM computes).
pub(crate) fn parse_public(tpm2b_public: &[u8]) -> Result<Public> {
    const WHAT: &str = "TPM2B_PUBLIC";
    let area = tpm2b_body(WHAT, tpm2b_public)?;
    let public = Public::unmarshall(area).map_err(|e| malformed(WHAT, e.to_string()))?;
    let again = public
        .marshall()
        .map_err(|e| malformed(WHAT, e.to_string()))?;
    if again != area {
        return Err(malformed(WHAT, "not a canonical TPMT_PUBLIC"));
    }
    Ok(public)
}

/// A TPM2B_PUBLIC for a tss-esapi public area.
pub(crate) fn public_to_tpm2b(public: &Public) -> Result<Vec<u8>> {
    let area = public
        .marshall()
        .map_err(|e| malformed("TPMT_PUBLIC", e.to_string()))?;
    tpm2b(&area)
}

/// Prefixes `body` with its two-byte big-endian size.
pub(crate) fn tpm2b(body: &[u8]) -> Result<Vec<u8>> {
    let size = u16::try_from(body.len())
        .map_err(|_| Error::InvalidArgument("TPM2B body longer than 65535 bytes".into()))?;
    let mut out = Vec::with_capacity(body.len() + 2);
    out.extend_from_slice(&size.to_be_bytes());
    out.extend_from_slice(body);
    Ok(out)
}

/// Splits one TPM2B off the front of `bytes`: (body, rest).
pub(crate) fn split_tpm2b<'a>(what: &'static str, bytes: &'a [u8]) -> Result<(&'a [u8], &'a [u8])> {
    let [hi, lo, rest @ ..] = bytes else {
        return Err(malformed(what, "shorter than its size field"));
    };
    let size = usize::from(u16::from_be_bytes([*hi, *lo]));
    if rest.len() < size {
        return Err(malformed(
            what,
            format!("size field says {size} bytes, {} present", rest.len()),
        ));
    }
    Ok(rest.split_at(size))
}

/// The body of a TPM2B that must span all of `bytes`.
pub(crate) fn tpm2b_body<'a>(what: &'static str, bytes: &'a [u8]) -> Result<&'a [u8]> {
    let (body, rest) = split_tpm2b(what, bytes)?;
    if !rest.is_empty() {
        return Err(malformed(
            what,
            format!("{} bytes after the structure", rest.len()),
        ));
    }
    Ok(body)
}

/// Length of the DER element at the start of `bytes` (header included), so that NV padding
/// after an EK certificate can be cut off.
pub(crate) fn der_len(bytes: &[u8]) -> Option<usize> {
    let [tag, first, rest @ ..] = bytes else {
        return None;
    };
    if *tag != 0x30 {
        return None;
    }
    let (len, header) = if first & 0x80 == 0 {
        (usize::from(*first), 2)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        let len = rest[..n]
            .iter()
            .fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
        (len, 2 + n)
    };
    let total = header.checked_add(len)?;
    (total <= bytes.len()).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tpm2b_split_is_strict() {
        assert!(split_tpm2b("x", &[]).is_err());
        assert!(split_tpm2b("x", &[0]).is_err());
        assert!(split_tpm2b("x", &[0, 3, 1, 2]).is_err());
        assert_eq!(
            split_tpm2b("x", &[0, 2, 1, 2, 9]).unwrap(),
            (&[1u8, 2][..], &[9u8][..])
        );
        assert!(tpm2b_body("x", &[0, 1, 1, 2]).is_err());
        assert_eq!(tpm2b(&[7, 8]).unwrap(), vec![0, 2, 7, 8]);
    }

    #[test]
    fn garbage_blobs_are_errors_not_panics() {
        for bytes in [
            &[][..],
            &[0, 0, 0, 0],
            &[0, 4, 0, 1, 0, 11, 0, 0],
            &[0xff; 600],
            &[0, 2, 0, 1, 0, 1, 0],
        ] {
            assert!(KeyBlobs::from_bytes(bytes).is_err());
            assert!(parse_public(bytes).is_err());
            assert!(name(bytes).is_err());
            assert!(public_key_der(bytes).is_err());
        }
    }

    #[test]
    fn der_len_cuts_padding() {
        assert_eq!(der_len(&[0x30, 2, 1, 2, 0, 0]), Some(4));
        assert_eq!(der_len(&[0x30, 0x81, 1, 5, 0xff]), Some(4));
        assert_eq!(der_len(&[0x30, 0x82, 1, 0]), None);
        assert_eq!(der_len(&[0x04, 1, 0]), None);
        assert_eq!(der_len(&[0x30, 0x85, 1, 1, 1, 1, 1]), None);
    }

    #[test]
    fn debug_shows_sizes_only() {
        let b = KeyBlobs {
            public: vec![1, 2, 3],
            private: vec![0xaa; 5],
        };
        assert_eq!(
            format!("{b:?}"),
            "KeyBlobs { public: 3 bytes, private: 5 bytes }"
        );
    }
}
