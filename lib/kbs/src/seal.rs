//! Sealing key material at rest under a master key (AES-256-GCM, the record id as AAD so a sealed
//! blob cannot be moved to another key's record).

use aes_gcm::aead::{Aead, Payload};
use aes_gcm::{Aes256Gcm, KeyInit, Nonce};
use rand::Rng;
use std::io::Write;
use std::path::Path;
use zeroize::Zeroizing;

use crate::KbsError;

const NONCE_LEN: usize = 12;

/// The master key that seals every key at rest. Dropped keys are wiped.
pub struct MasterKey(Zeroizing<[u8; 32]>);

impl std::fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MasterKey(..)")
    }
}

impl MasterKey {
    /// Reads the master key from `path` (32 raw bytes, or 64 hex characters), creating it with
    /// mode 0600 if it does not exist. Refuses a file that others can read.
    pub fn load_or_create(path: &Path) -> Result<Self, KbsError> {
        match std::fs::read(path) {
            Ok(bytes) => {
                check_private(path)?;
                Self::from_file_bytes(&bytes).ok_or_else(|| {
                    KbsError::Config(format!(
                        "master key file {} must hold 32 bytes (or 64 hex digits)",
                        path.display()
                    ))
                })
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                let mut key = Zeroizing::new([0u8; 32]);
                rand::rng().fill_bytes(key.as_mut());
                write_private_new(path, key.as_ref())?;
                Ok(Self(key))
            }
            Err(e) => Err(KbsError::Config(format!(
                "cannot read master key file {}: {e}",
                path.display()
            ))),
        }
    }

    fn from_file_bytes(bytes: &[u8]) -> Option<Self> {
        let mut key = Zeroizing::new([0u8; 32]);
        if bytes.len() == 32 {
            key.copy_from_slice(bytes);
            return Some(Self(key));
        }
        let text = std::str::from_utf8(bytes).ok()?.trim();
        let decoded = Zeroizing::new(hex::decode(text).ok()?);
        if decoded.len() != 32 {
            return None;
        }
        key.copy_from_slice(&decoded);
        Some(Self(key))
    }

    /// A master key from raw bytes (tests, and operators who keep the key elsewhere).
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(Zeroizing::new(bytes))
    }

    /// Seals `plaintext`: `nonce || ciphertext || tag`.
    pub fn seal(&self, aad: &[u8], plaintext: &[u8]) -> Result<Vec<u8>, KbsError> {
        let cipher = Aes256Gcm::new_from_slice(self.0.as_ref())
            .map_err(|_| KbsError::Internal("master key has the wrong length".into()))?;
        let mut nonce = [0u8; NONCE_LEN];
        rand::rng().fill_bytes(&mut nonce);
        let ct = cipher
            .encrypt(
                &Nonce::from(nonce),
                Payload {
                    msg: plaintext,
                    aad,
                },
            )
            .map_err(|_| KbsError::Internal("sealing failed".into()))?;
        let mut out = Vec::with_capacity(NONCE_LEN + ct.len());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&ct);
        Ok(out)
    }

    /// Opens what [`seal`](Self::seal) made with the same `aad`.
    pub fn open(&self, aad: &[u8], sealed: &[u8]) -> Result<Zeroizing<Vec<u8>>, KbsError> {
        if sealed.len() < NONCE_LEN + 16 {
            return Err(KbsError::Sealed);
        }
        let cipher = Aes256Gcm::new_from_slice(self.0.as_ref())
            .map_err(|_| KbsError::Internal("master key has the wrong length".into()))?;
        let (nonce, ct) = sealed.split_at(NONCE_LEN);
        let nonce: [u8; NONCE_LEN] = nonce.try_into().map_err(|_| KbsError::Sealed)?;
        cipher
            .decrypt(&Nonce::from(nonce), Payload { msg: ct, aad })
            .map(Zeroizing::new)
            .map_err(|_| KbsError::Sealed)
    }
}

/// Writes a new file readable only by its owner; fails if it exists.
pub fn write_private_new(path: &Path, bytes: &[u8]) -> Result<(), KbsError> {
    use std::os::unix::fs::OpenOptionsExt;
    let io = |e: std::io::Error| KbsError::Config(format!("cannot write {}: {e}", path.display()));
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(io)?;
    f.write_all(bytes).map_err(io)?;
    f.sync_all().map_err(io)?;
    Ok(())
}

/// Writes a file readable only by its owner, atomically replacing any old one.
pub fn write_private_replace(path: &Path, bytes: &[u8]) -> Result<(), KbsError> {
    let tmp = path.with_extension("tmp");
    let _ = std::fs::remove_file(&tmp);
    write_private_new(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
        .map_err(|e| KbsError::Config(format!("cannot write {}: {e}", path.display())))
}

fn check_private(path: &Path) -> Result<(), KbsError> {
    use std::os::unix::fs::PermissionsExt;
    let meta = std::fs::metadata(path)
        .map_err(|e| KbsError::Config(format!("cannot stat {}: {e}", path.display())))?;
    if meta.permissions().mode() & 0o077 != 0 {
        return Err(KbsError::Config(format!(
            "{} is readable by others; run `chmod 600 {}`",
            path.display(),
            path.display()
        )));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_open_round_trip_and_binding() {
        let k = MasterKey::from_bytes([7; 32]);
        let s = k.seal(b"id-1", b"secret").unwrap();
        assert_eq!(&*k.open(b"id-1", &s).unwrap(), b"secret");
        assert!(matches!(k.open(b"id-2", &s), Err(KbsError::Sealed)));
        let other = MasterKey::from_bytes([8; 32]);
        assert!(matches!(other.open(b"id-1", &s), Err(KbsError::Sealed)));
        let mut flipped = s.clone();
        flipped[20] ^= 1;
        assert!(matches!(k.open(b"id-1", &flipped), Err(KbsError::Sealed)));
        assert!(matches!(k.open(b"id-1", &s[..10]), Err(KbsError::Sealed)));
    }

    #[test]
    fn master_key_file_is_created_private_and_reloaded() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("master.key");
        let a = MasterKey::load_or_create(&p).unwrap();
        let mode = std::fs::metadata(&p).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let b = MasterKey::load_or_create(&p).unwrap();
        let s = a.seal(b"x", b"y").unwrap();
        assert_eq!(&*b.open(b"x", &s).unwrap(), b"y");
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(matches!(
            MasterKey::load_or_create(&p),
            Err(KbsError::Config(_))
        ));
    }
}
