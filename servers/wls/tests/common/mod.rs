//! WLS test fixtures: flavor signing keys and flavors. The WLS itself, its peers (swtpm,
//! `secl-hvs`, `secl-wla`, `secl-kbs`) and the HTTPS client come from secl-testkit.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use rsa::Pkcs1v15Sign;
use rsa::pkcs8::{EncodePrivateKey, LineEnding};
use serde_json::{Value, json};
use sha2::{Digest, Sha384};

/// A flavor-signing key and its self-signed certificate (written to `dir`).
pub struct SigningKey {
    pub key: rsa::PrivateKey,
    pub cert: PathBuf,
}

impl SigningKey {
    pub fn new(dir: &Path, name: &str) -> Self {
        std::fs::create_dir_all(dir).unwrap();
        let key = rsa::PrivateKey::new(&mut rand::rng(), 2048).unwrap();
        let pem = key.to_pkcs8_pem(LineEnding::LF).unwrap();
        let kp =
            rcgen::KeyPair::from_pkcs8_pem_and_sign_algo(&pem, &rcgen::PKCS_RSA_SHA256).unwrap();
        let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, format!("{name} Flavor Signing"));
        let cert = params.self_signed(&kp).unwrap();
        let path = dir.join(format!("{name}-cert.pem"));
        std::fs::write(&path, cert.pem()).unwrap();
        Self { key, cert: path }
    }

    /// `{"flavor": <flavor as given>, "signature": ...}` signed over SecL's bytes.
    pub fn sign(&self, flavor: &Value) -> Vec<u8> {
        let text = serde_json::to_string(flavor).unwrap();
        let hashed = Sha384::digest(secl_api::wls::signed_bytes(&text));
        let sig = self
            .key
            .sign(Pkcs1v15Sign::new::<Sha384>(), &hashed)
            .unwrap();
        format!(
            "{{\"flavor\":{text},\"signature\":\"{}\"}}",
            B64.encode(sig)
        )
        .into_bytes()
    }
}

pub const KEY_ID: &str = "fc0cc779-22b6-4741-b0d9-e2e69635ad1e";

/// A container-image flavor naming `key_url`.
pub fn flavor(id: &str, label: &str, key_url: &str) -> Value {
    json!({
        "meta": {"id": id, "description": {"flavor_part": "CONTAINER_IMAGE", "label": label}},
        "encryption_required": true,
        "encryption": {"key_url": key_url, "digest": "sha256:00"},
        "integrity_enforced": false
    })
}

/// A self-signed certificate in PEM (for a SAML certificate nobody signs with).
pub fn dummy_cert_pem(cn: &str) -> String {
    let kp = rcgen::KeyPair::generate().unwrap();
    let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, cn);
    params.self_signed(&kp).unwrap().pem()
}

/// A loopback port nothing listens on.
pub fn closed_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}
