//! The owner's RSA envelope key pair.

use std::io::Write;
use std::path::{Path, PathBuf};

use rsa::pkcs1::DecodeRsaPrivateKey;
use rsa::pkcs8::{DecodePrivateKey, EncodePrivateKey, EncodePublicKey, LineEnding};
use rustls_pki_types::pem::SectionKind;
use zeroize::Zeroizing;

/// Size of keys this tool makes (Intel's WPM uses the same).
pub const ENVELOPE_BITS: usize = 3072;

#[derive(Debug, thiserror::Error)]
pub enum EnvelopeError {
    #[error("{path}: {detail}")]
    File { path: PathBuf, detail: String },
    #[error(
        "{path} is readable by other users; run `chmod 600 {path}` (it holds the private envelope key)"
    )]
    Permissions { path: PathBuf },
    #[error("{path} holds no usable RSA private key ({detail})")]
    Key { path: PathBuf, detail: String },
    #[error(
        "the KBS answer does not open with this envelope key (was it wrapped for another key?)"
    )]
    Unwrap,
}

/// The owner's envelope key pair. The private key never leaves this process.
pub struct EnvelopeKey {
    private: rsa::PrivateKey,
    public_pem: String,
    path: PathBuf,
}

impl std::fmt::Debug for EnvelopeKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EnvelopeKey")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl EnvelopeKey {
    /// Loads the private key at `path`, creating a new RSA-3072 pair there (0600, with the public
    /// half beside it as `<path>.pub`) when the file does not exist. Several processes may race
    /// here (skopeo runs one key provider per layer): exactly one key wins and all use it.
    pub fn load_or_create(path: &Path) -> Result<Self, EnvelopeError> {
        match std::fs::read(path) {
            Ok(pem) => Self::from_pem(path, &Zeroizing::new(pem)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Self::create(path),
            Err(e) => Err(EnvelopeError::File {
                path: path.to_path_buf(),
                detail: e.to_string(),
            }),
        }
    }

    fn create(path: &Path) -> Result<Self, EnvelopeError> {
        let file_err = |detail: String| EnvelopeError::File {
            path: path.to_path_buf(),
            detail,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            use std::os::unix::fs::DirBuilderExt;
            std::fs::DirBuilder::new()
                .recursive(true)
                .mode(0o700)
                .create(dir)
                .map_err(|e| file_err(format!("cannot create directory: {e}")))?;
        }
        let private = rsa::PrivateKey::new(&mut rand::rng(), ENVELOPE_BITS)
            .map_err(|e| file_err(format!("key generation failed: {e}")))?;
        let pem = private
            .to_pkcs8_pem(LineEnding::LF)
            .map_err(|e| file_err(format!("encoding the key failed: {e}")))?;
        // Write under a private temporary name, then hard-link into place: the link fails if
        // another process won the race, and then its key is the one everybody uses.
        // Unique per process and per call: threads of one process race here too.
        let tmp = path.with_extension(format!(
            "tmp{}-{}",
            std::process::id(),
            uuid::Uuid::new_v4().simple()
        ));
        {
            use std::os::unix::fs::OpenOptionsExt;
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(0o600)
                .open(&tmp)
                .map_err(|e| file_err(format!("cannot write: {e}")))?;
            f.write_all(pem.as_bytes())
                .and_then(|_| f.sync_all())
                .map_err(|e| file_err(format!("cannot write: {e}")))?;
        }
        let linked = std::fs::hard_link(&tmp, path);
        let _ = std::fs::remove_file(&tmp);
        match linked {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                let pem = std::fs::read(path).map_err(|e| file_err(e.to_string()))?;
                return Self::from_pem(path, &Zeroizing::new(pem));
            }
            Err(e) => return Err(file_err(format!("cannot write: {e}"))),
        }
        let key = Self::from_private(path, private)?;
        // The public half is for people (and Intel's WPM layout); losing it is harmless.
        let _ = std::fs::write(public_path(path), key.public_pem.as_bytes());
        Ok(key)
    }

    fn from_pem(path: &Path, pem: &[u8]) -> Result<Self, EnvelopeError> {
        use std::os::unix::fs::PermissionsExt;
        let meta = std::fs::metadata(path).map_err(|e| EnvelopeError::File {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })?;
        if meta.permissions().mode() & 0o077 != 0 {
            return Err(EnvelopeError::Permissions {
                path: path.to_path_buf(),
            });
        }
        let key_err = |detail: &str| EnvelopeError::Key {
            path: path.to_path_buf(),
            detail: detail.to_string(),
        };
        let mut rd: &[u8] = pem;
        let (kind, der) = match rustls_pki_types::pem::from_buf(&mut rd) {
            Ok(Some(section)) => section,
            _ => return Err(key_err("not PEM")),
        };
        let der = Zeroizing::new(der);
        let private = match kind {
            // Intel's WPM writes PKCS#1 under a `PRIVATE KEY` label; accept both encodings.
            SectionKind::PrivateKey => rsa::PrivateKey::from_pkcs8_der(&der)
                .or_else(|_| rsa::PrivateKey::from_pkcs1_der(&der))
                .map_err(|_| key_err("not an RSA key"))?,
            SectionKind::RsaPrivateKey => {
                rsa::PrivateKey::from_pkcs1_der(&der).map_err(|_| key_err("not an RSA key"))?
            }
            _ => return Err(key_err("expected a PRIVATE KEY block")),
        };
        Self::from_private(path, private)
    }

    fn from_private(path: &Path, private: rsa::PrivateKey) -> Result<Self, EnvelopeError> {
        let public_pem = private
            .to_public_key()
            .to_public_key_pem(LineEnding::LF)
            .map_err(|e| EnvelopeError::Key {
                path: path.to_path_buf(),
                detail: e.to_string(),
            })?;
        Ok(Self {
            private,
            public_pem,
            path: path.to_path_buf(),
        })
    }

    /// The PEM `PUBLIC KEY` to send to the KBS.
    pub fn public_pem(&self) -> &str {
        &self.public_pem
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Opens an envelope-transfer answer (RSA-OAEP-SHA384, empty label).
    pub fn unwrap(&self, wrapped: &[u8]) -> Result<Zeroizing<Vec<u8>>, EnvelopeError> {
        self.private
            .oaep_decrypt::<sha2::Sha384>(wrapped)
            .map(Zeroizing::new)
            .map_err(|_| EnvelopeError::Unwrap)
    }
}

/// Where the public half of `path` is written.
pub fn public_path(path: &Path) -> PathBuf {
    let mut p = path.as_os_str().to_owned();
    p.push(".pub");
    PathBuf::from(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn created_once_private_and_reloaded() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("secl/envelope-key.pem");
        let a = EnvelopeKey::load_or_create(&path).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let b = EnvelopeKey::load_or_create(&path).unwrap();
        assert_eq!(a.public_pem(), b.public_pem());
        assert!(public_path(&path).exists());
        let public = rsa::PublicKey::from_public_key_pem(a.public_pem()).unwrap();
        let ct = public.oaep_encrypt::<sha2::Sha384>(b"kek").unwrap();
        assert_eq!(&*b.unwrap(&ct).unwrap(), b"kek");
        let ct256 = public.oaep_encrypt::<sha2::Sha256>(b"kek").unwrap();
        assert!(matches!(b.unwrap(&ct256), Err(EnvelopeError::Unwrap)));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        assert!(matches!(
            EnvelopeKey::load_or_create(&path),
            Err(EnvelopeError::Permissions { .. })
        ));
    }

    #[test]
    fn concurrent_first_use_agrees_on_one_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.pem");
        let keys: Vec<String> = std::thread::scope(|s| {
            let hs: Vec<_> = (0..4)
                .map(|_| {
                    s.spawn(|| {
                        EnvelopeKey::load_or_create(&path)
                            .unwrap()
                            .public_pem()
                            .to_string()
                    })
                })
                .collect();
            hs.into_iter().map(|h| h.join().unwrap()).collect()
        });
        assert!(keys.windows(2).all(|w| w[0] == w[1]));
    }

    #[test]
    fn garbage_is_refused() {
        use std::os::unix::fs::OpenOptionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.pem");
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path)
            .unwrap()
            .write_all(b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
            .unwrap();
        assert!(matches!(
            EnvelopeKey::load_or_create(&path),
            Err(EnvelopeError::Key { .. })
        ));
    }

    use rsa::pkcs8::DecodePublicKey;
}
