//! Signer keys of every size the verifier takes: ring's verifier for 2048..=8192-bit keys, the
//! `rsa` crate for the rest, and the prepared [`TrustedSigners`] agreeing with [`verify`].

mod common;

use std::process::Command;

use base64::Engine;
use common::*;
use rsa::pkcs8::DecodePrivateKey;
use rustls_pki_types::CertificateDer;
use rustls_pki_types::pem::PemObject;
use secl_saml::{DEFAULT_ASSERTION_ID, SamlError, TrustedSigners, verify, verify_with};

/// An RSA key of `bits` and a self-signed certificate for it (openssl, so any size works).
fn identity(bits: u32) -> (rsa::PrivateKey, Vec<u8>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let (key, cert) = (dir.path().join("k.pem"), dir.path().join("c.pem"));
    let out = Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=signer",
        ])
        .args(["-newkey", &format!("rsa:{bits}"), "-keyout"])
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .expect("openssl is missing: run scripts/install-deps.sh");
    assert!(out.status.success(), "openssl req failed: {out:?}");
    let key = rsa::PrivateKey::from_pkcs8_pem(&std::fs::read_to_string(key).unwrap()).unwrap();
    let cert = CertificateDer::from_pem_file(cert).expect("certificate");
    (key, cert.as_ref().to_vec())
}

#[test]
fn every_key_size_verifies_and_a_bad_signature_fails_on_both_paths() {
    for bits in [1024, 2048, 3072, 4096] {
        let (key, cert) = identity(bits);
        let t = now();
        let xml = sample_report(t)
            .sign(DEFAULT_ASSERTION_ID, &key, &cert)
            .unwrap();
        let trusted = vec![cert.clone()];
        let prepared = TrustedSigners::new(&trusted);
        let a = verify(xml.as_bytes(), &trusted, t, None).expect("verify");
        let b = verify_with(xml.as_bytes(), &prepared, t, None).expect("verify_with");
        assert_eq!(a, b, "{bits} bits");
        assert_eq!(a.signer_cert_der, cert);
        assert!(prepared.validity(&cert).is_some());
        assert_eq!(prepared.certificates().count(), 1);

        // Flip one bit of the signature value: refused by either verifier.
        let start = xml.find("<SignatureValue>").unwrap() + "<SignatureValue>".len();
        let mut bad = xml.clone().into_bytes();
        bad[start + 10] = if bad[start + 10] == b'A' { b'B' } else { b'A' };
        for r in [
            verify(&bad, &trusted, t, None),
            verify_with(&bad, &prepared, t, None),
        ] {
            assert_eq!(r.unwrap_err(), SamlError::BadSignature, "{bits} bits");
        }

        // A signature made by another key of the same size is refused too.
        // (Its KeyInfo names the trusted certificate: KeyInfo is outside the digest.)
        let (other, other_cert) = identity(bits);
        let b64 = |d: &[u8]| base64::engine::general_purpose::STANDARD.encode(d);
        let forged = sample_report(t)
            .sign(DEFAULT_ASSERTION_ID, &other, &other_cert)
            .unwrap();
        assert!(forged.contains(&b64(&other_cert)));
        let forged = forged.replace(&b64(&other_cert), &b64(&cert));
        assert_eq!(
            verify_with(forged.as_bytes(), &prepared, t, None).unwrap_err(),
            SamlError::BadSignature
        );
    }
}

#[test]
fn unusable_trusted_certificates_trust_nothing() {
    let s = signer();
    let xml = sample_report(now())
        .sign(DEFAULT_ASSERTION_ID, &s.key, &s.cert_der)
        .unwrap();
    let mut trailing = s.cert_der.clone();
    trailing.push(0);
    for trusted in [vec![b"not a certificate".to_vec()], vec![trailing]] {
        let prepared = TrustedSigners::new(&trusted);
        assert!(prepared.validity(&trusted[0]).is_none());
        assert_eq!(
            verify_with(xml.as_bytes(), &prepared, now(), None).unwrap_err(),
            SamlError::UntrustedSigner
        );
    }
}
