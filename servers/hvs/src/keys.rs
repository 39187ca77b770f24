//! Key material HVS keeps as files in its data directory (0600): the PrivacyCA, the SAML
//! signing key and certificate, the key that seals trust-agent tokens in the store, and the
//! admin token. Files rather than store records so that several instances sharing a
//! PostgreSQL store can be given the same identity by copying them.

use std::path::Path;

use aes_gcm::aead::{Aead, Payload};
use aes_gcm::{Aes256Gcm, KeyInit, Nonce};
use rand::Rng;
use rsa::pkcs8::{DecodePrivateKey, EncodePrivateKey, LineEnding};
use secl_attest::privacy_ca::PrivacyCa;
use zeroize::Zeroizing;

use crate::error::{HvsError, Result, internal};

/// CN of the PrivacyCA certificate, as SecL names it.
pub const PRIVACY_CA_CN: &str = "HVS Privacy Certificate";
/// CN of the Tag CA certificate (signs asset-tag certificates), as SecL names it.
pub const TAG_CA_CN: &str = "HVS Tag Certificate";
/// CN of the SAML signing certificate, as SecL names it.
pub const SAML_CN: &str = "HVS SAML Certificate";
const SAML_CERT_YEARS: i32 = 5;
const NONCE_LEN: usize = 12;

/// Writes a new file readable only by its owner; fails if it exists.
pub fn write_private_new(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| HvsError::Config(format!("cannot create {}: {e}", path.display())))?;
    f.write_all(bytes)
        .and_then(|()| f.sync_all())
        .map_err(|e| HvsError::Config(format!("cannot write {}: {e}", path.display())))
}

/// Replaces a private file atomically (temporary file, then rename).
pub fn replace_private(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = path.with_extension(format!("tmp-{}", uuid::Uuid::new_v4()));
    write_private_new(&tmp, bytes)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        HvsError::Config(format!("cannot replace {}: {e}", path.display()))
    })
}

/// Reads a private file, refusing one that others may read (it holds a key).
fn read_private(path: &Path) -> Result<Option<Zeroizing<Vec<u8>>>> {
    use std::os::unix::fs::PermissionsExt;
    match std::fs::read(path) {
        Ok(bytes) => {
            let mode = std::fs::metadata(path)
                .map_err(|e| HvsError::Config(format!("{}: {e}", path.display())))?
                .permissions()
                .mode();
            if mode & 0o077 != 0 {
                return Err(HvsError::Config(format!(
                    "{} is accessible by others (mode {:o}); chmod 600 it",
                    path.display(),
                    mode & 0o777
                )));
            }
            Ok(Some(Zeroizing::new(bytes)))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(HvsError::Config(format!(
            "cannot read {}: {e}",
            path.display()
        ))),
    }
}

fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path)
        .map_err(|e| HvsError::Config(format!("cannot read {}: {e}", path.display())))
}

/// Loads the PrivacyCA from `dir`, creating it on first start.
pub fn privacy_ca(dir: &Path) -> Result<PrivacyCa> {
    load_ca(dir, "privacy-ca", PRIVACY_CA_CN)
}

/// Loads the Tag CA (`tag-ca-cert.pem`, `tag-ca-key.pem`) from `dir`, creating it on first
/// start; data directories of earlier versions get one on their next start.
pub fn tag_ca(dir: &Path) -> Result<PrivacyCa> {
    load_ca(dir, "tag-ca", TAG_CA_CN)
}

/// A CA kept as `<stem>-cert.pem` and `<stem>-key.pem` (0600) in `dir`.
fn load_ca(dir: &Path, stem: &str, cn: &str) -> Result<PrivacyCa> {
    let cert = dir.join(format!("{stem}-cert.pem"));
    let key = dir.join(format!("{stem}-key.pem"));
    if let Some(key_pem) = read_private(&key)? {
        let key_pem = std::str::from_utf8(&key_pem)
            .map_err(|_| HvsError::Config(format!("{} is not PEM", key.display())))?;
        return PrivacyCa::from_pem(&read_text(&cert)?, key_pem)
            .map_err(|e| HvsError::Config(format!("{cn} CA in {}: {e}", dir.display())));
    }
    let ca = PrivacyCa::generate(cn).map_err(internal)?;
    write_private_new(&key, ca.private_key_pem().map_err(internal)?.as_bytes())?;
    replace_private(&cert, ca.certificate_pem().as_bytes())?;
    tracing::info!("first start: {cn} CA created in {}", cert.display());
    Ok(ca)
}

/// The SAML signing key and its certificate (DER).
pub struct SamlSigner {
    pub key: rsa::PrivateKey,
    pub cert_der: Vec<u8>,
}

impl std::fmt::Debug for SamlSigner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SamlSigner").finish_non_exhaustive()
    }
}

/// Loads the SAML signer from `dir`, creating an RSA-3072 key and a self-signed certificate
/// (CN `HVS SAML Certificate`, 5 years) on first start.
pub fn saml_signer(dir: &Path) -> Result<SamlSigner> {
    let cert = dir.join("saml-cert.pem");
    let key = dir.join("saml-key.pem");
    if let Some(key_pem) = read_private(&key)? {
        let key_pem = std::str::from_utf8(&key_pem)
            .map_err(|_| HvsError::Config(format!("{} is not PEM", key.display())))?;
        let key = rsa::PrivateKey::from_pkcs8_pem(key_pem)
            .map_err(|_| HvsError::Config("SAML key: not a PKCS#8 RSA key".into()))?;
        let cert_der = secl_attest::privacy_ca::pem_certificate(&read_text(&cert)?)
            .map_err(|e| HvsError::Config(format!("{}: {e}", cert.display())))?;
        return Ok(SamlSigner { key, cert_der });
    }
    let rsa_key = rsa::PrivateKey::new(&mut rand::rng(), 3072).map_err(internal)?;
    let pem = rsa_key.to_pkcs8_pem(LineEnding::LF).map_err(internal)?;
    let cert_der = self_signed_saml_cert(&pem)?;
    write_private_new(&key, pem.as_bytes())?;
    replace_private(&cert, pem_block("CERTIFICATE", &cert_der).as_bytes())?;
    tracing::info!(
        "first start: SAML certificate created in {}",
        cert.display()
    );
    Ok(SamlSigner {
        key: rsa_key,
        cert_der,
    })
}

fn self_signed_saml_cert(key_pem: &str) -> Result<Vec<u8>> {
    use rcgen::{CertificateParams, DistinguishedName, DnType, IsCa, KeyPair, KeyUsagePurpose};
    let kp = KeyPair::from_pkcs8_pem_and_sign_algo(key_pem, &rcgen::PKCS_RSA_SHA256)
        .map_err(internal)?;
    let mut params = CertificateParams::new(Vec::<String>::new()).map_err(internal)?;
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, SAML_CN);
    params.distinguished_name = dn;
    let now = time::OffsetDateTime::now_utc();
    params.not_before = now - time::Duration::minutes(5);
    params.not_after = now
        .replace_year(now.year() + SAML_CERT_YEARS)
        .unwrap_or(now + time::Duration::days(365 * 5));
    params.is_ca = IsCa::ExplicitNoCa;
    params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    let cert = params.self_signed(&kp).map_err(internal)?;
    Ok(cert.der().to_vec())
}

/// PEM text of one DER block.
pub fn pem_block(label: &str, der: &[u8]) -> String {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

/// AES-256-GCM key for secrets in the store (trust-agent tokens).
pub struct SealKey(Zeroizing<[u8; 32]>);

impl SealKey {
    /// Loads `dir/seal.key`, creating it on first start.
    pub fn load_or_create(dir: &Path) -> Result<Self> {
        let path = dir.join("seal.key");
        let mut key = Zeroizing::new([0u8; 32]);
        match read_private(&path)? {
            Some(bytes) if bytes.len() == 32 => key.copy_from_slice(&bytes),
            Some(_) => {
                return Err(HvsError::Config(format!(
                    "{} must hold 32 bytes",
                    path.display()
                )));
            }
            None => {
                rand::rng().fill_bytes(key.as_mut());
                write_private_new(&path, key.as_ref())?;
            }
        }
        Ok(Self(key))
    }

    #[cfg(test)]
    pub fn from_bytes(b: [u8; 32]) -> Self {
        Self(Zeroizing::new(b))
    }

    /// `nonce ‖ ciphertext ‖ tag`, bound to `aad` (the record id) so records cannot swap.
    pub fn seal(&self, aad: &[u8], plaintext: &[u8]) -> Result<Vec<u8>> {
        let cipher = Aes256Gcm::new_from_slice(self.0.as_ref()).map_err(internal)?;
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
            .map_err(|_| internal("sealing failed"))?;
        let mut out = nonce.to_vec();
        out.extend_from_slice(&ct);
        Ok(out)
    }

    /// Opens what [`SealKey::seal`] made with the same `aad`.
    pub fn open(&self, aad: &[u8], sealed: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
        if sealed.len() < NONCE_LEN + 16 {
            return Err(internal("sealed value too short"));
        }
        let cipher = Aes256Gcm::new_from_slice(self.0.as_ref()).map_err(internal)?;
        let (nonce, ct) = sealed.split_at(NONCE_LEN);
        let nonce: [u8; NONCE_LEN] = nonce.try_into().map_err(internal)?;
        cipher
            .decrypt(&Nonce::from(nonce), Payload { msg: ct, aad })
            .map(Zeroizing::new)
            .map_err(|_| internal("sealed value does not open (seal.key changed?)"))
    }
}

/// A fresh admin token: 32 random bytes, hex.
pub fn new_token() -> Zeroizing<String> {
    let mut b = Zeroizing::new([0u8; 32]);
    rand::rng().fill_bytes(b.as_mut());
    Zeroizing::new(hex::encode(b.as_ref()))
}

/// Constant-time equality of two byte strings of public length.
pub fn ct_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_round_trip_and_binding() {
        let k = SealKey::from_bytes([7; 32]);
        let s = k.seal(b"host-1", b"token").unwrap();
        assert_eq!(&*k.open(b"host-1", &s).unwrap(), b"token");
        assert!(k.open(b"host-2", &s).is_err());
        assert!(k.open(b"host-1", &s[..10]).is_err());
    }

    #[test]
    fn constant_time_compare() {
        assert!(ct_eq(b"abc", b"abc"));
        assert!(!ct_eq(b"abc", b"abd"));
        assert!(!ct_eq(b"abc", b"ab"));
    }

    #[test]
    fn key_files_are_created_private_and_reloaded() {
        use std::os::unix::fs::PermissionsExt;
        let dir = std::env::temp_dir().join(format!("secl-hvs-keys-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let a = saml_signer(&dir).unwrap();
        let mode = std::fs::metadata(dir.join("saml-key.pem"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        let b = saml_signer(&dir).unwrap();
        assert_eq!(a.cert_der, b.cert_der);
        let cert = x509_parser::parse_x509_certificate(&a.cert_der).unwrap().1;
        assert!(cert.subject().to_string().contains(SAML_CN));
        std::fs::set_permissions(
            dir.join("saml-key.pem"),
            std::fs::Permissions::from_mode(0o644),
        )
        .unwrap();
        assert!(matches!(saml_signer(&dir), Err(HvsError::Config(_))));
        let _ = std::fs::remove_dir_all(dir);
    }
}
