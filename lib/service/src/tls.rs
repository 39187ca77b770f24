//! Server TLS. Operators may bring their own certificate; otherwise the server makes a private CA
//! and a leaf certificate on first start, keeps the CA certificate for clients to trust
//! (`tls-ca.pem`), and throws the CA's private key away so nothing else can be issued under it.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rcgen::{
    BasicConstraints, CertificateParams, CertifiedIssuer, DistinguishedName, DnType,
    ExtendedKeyUsagePurpose, IsCa, KeyPair, KeyUsagePurpose, SanType,
};
use rustls::pki_types::{CertificateDer, PrivateKeyDer, pem::PemObject};

/// What can go wrong setting up TLS.
#[derive(Debug, thiserror::Error)]
pub enum TlsError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {what}")]
    Pem { path: PathBuf, what: String },
    #[error("creating the self-signed certificate failed: {0}")]
    Generate(String),
    #[error("TLS configuration refused: {0}")]
    Rustls(#[from] rustls::Error),
}

/// Paths of a server's certificate chain and key, and of the CA to give clients when the
/// server made its own.
#[derive(Debug, Clone)]
pub struct TlsFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
    pub ca: Option<PathBuf>,
}

/// Uses `dir/tls-cert.pem` and `dir/tls-key.pem`, creating them (with `dir/tls-ca.pem`) when
/// absent. `names` become the leaf's subject alternative names (DNS names or IP addresses).
pub fn self_signed(dir: &Path, common_name: &str, names: &[String]) -> Result<TlsFiles, TlsError> {
    let files = TlsFiles {
        cert: dir.join("tls-cert.pem"),
        key: dir.join("tls-key.pem"),
        ca: Some(dir.join("tls-ca.pem")),
    };
    if files.cert.exists() && files.key.exists() {
        return Ok(files);
    }
    let gen_err = |e: rcgen::Error| TlsError::Generate(e.to_string());

    let mut ca_params = CertificateParams::new(Vec::<String>::new()).map_err(gen_err)?;
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, format!("{common_name} CA"));
    ca_params.distinguished_name = dn;
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    ca_params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    let ca_key = KeyPair::generate().map_err(gen_err)?;
    let ca = CertifiedIssuer::self_signed(ca_params, ca_key).map_err(gen_err)?;

    let mut leaf = CertificateParams::new(Vec::<String>::new()).map_err(gen_err)?;
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, common_name);
    leaf.distinguished_name = dn;
    leaf.subject_alt_names = names
        .iter()
        .map(|n| match n.parse::<std::net::IpAddr>() {
            Ok(ip) => Ok(SanType::IpAddress(ip)),
            Err(_) => n.clone().try_into().map(SanType::DnsName),
        })
        .collect::<Result<_, _>>()
        .map_err(gen_err)?;
    leaf.key_usages = vec![
        KeyUsagePurpose::DigitalSignature,
        KeyUsagePurpose::KeyEncipherment,
    ];
    leaf.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    let leaf_key = KeyPair::generate().map_err(gen_err)?;
    let leaf_cert = leaf.signed_by(&leaf_key, &ca).map_err(gen_err)?;

    std::fs::create_dir_all(dir).map_err(|source| TlsError::Write {
        path: dir.to_path_buf(),
        source,
    })?;
    write(&files.key, leaf_key.serialize_pem().as_bytes(), 0o600)?;
    write(
        &files.cert,
        format!("{}{}", leaf_cert.pem(), ca.pem()).as_bytes(),
        0o644,
    )?;
    if let Some(ca_path) = &files.ca {
        write(ca_path, ca.pem().as_bytes(), 0o644)?;
    }
    Ok(files)
}

fn write(path: &Path, bytes: &[u8], mode: u32) -> Result<(), TlsError> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let err = |source| TlsError::Write {
        path: path.to_path_buf(),
        source,
    };
    let tmp = path.with_extension("tmp");
    let _ = std::fs::remove_file(&tmp);
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(&tmp)
        .map_err(err)?;
    f.write_all(bytes).map_err(err)?;
    f.sync_all().map_err(err)?;
    std::fs::rename(&tmp, path).map_err(err)
}

/// The operator's certificate and key when given, else the self-made ones in `dir`.
pub fn files_or_self_signed(
    given: Option<&(PathBuf, PathBuf)>,
    dir: &Path,
    common_name: &str,
    names: &[String],
) -> Result<TlsFiles, TlsError> {
    match given {
        Some((cert, key)) => Ok(TlsFiles {
            cert: cert.clone(),
            key: key.clone(),
            ca: None,
        }),
        None => self_signed(dir, common_name, names),
    }
}

/// A rustls server configuration (ring provider, HTTP/2 and HTTP/1.1) from PEM files.
pub fn server_config(files: &TlsFiles) -> Result<Arc<rustls::ServerConfig>, TlsError> {
    let read = |p: &Path| {
        std::fs::read(p).map_err(|source| TlsError::Read {
            path: p.to_path_buf(),
            source,
        })
    };
    let cert_pem = read(&files.cert)?;
    let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(&cert_pem)
        .collect::<Result<_, _>>()
        .map_err(|e| TlsError::Pem {
            path: files.cert.clone(),
            what: e.to_string(),
        })?;
    if chain.is_empty() {
        return Err(TlsError::Pem {
            path: files.cert.clone(),
            what: "no CERTIFICATE block".into(),
        });
    }
    let key_pem = read(&files.key)?;
    let key = PrivateKeyDer::from_pem_slice(&key_pem).map_err(|e| TlsError::Pem {
        path: files.key.clone(),
        what: e.to_string(),
    })?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut cfg = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()?
        .with_no_client_auth()
        .with_single_cert(chain, key)?;
    cfg.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(Arc::new(cfg))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn self_signed_files_are_made_once_and_load() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let names = vec!["localhost".to_string(), "127.0.0.1".to_string()];
        let files = self_signed(dir.path(), "test", &names).unwrap();
        let first = std::fs::read(&files.cert).unwrap();
        let mode = std::fs::metadata(&files.key).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        server_config(&files).unwrap();
        let again = self_signed(dir.path(), "test", &names).unwrap();
        assert_eq!(std::fs::read(&again.cert).unwrap(), first);
    }

    #[test]
    fn garbage_pem_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let files = TlsFiles {
            cert: dir.path().join("c.pem"),
            key: dir.path().join("k.pem"),
            ca: None,
        };
        std::fs::write(&files.cert, "not pem").unwrap();
        std::fs::write(&files.key, "not pem").unwrap();
        assert!(matches!(server_config(&files), Err(TlsError::Pem { .. })));
    }
}
