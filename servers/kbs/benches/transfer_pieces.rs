//! Micro-benchmark of the pieces of one uncached SAML transfer (a benchmark, not a test):
//! `cargo bench -p secl-kbs-server --bench transfer_pieces`. Prints microseconds per call.

use std::hint::black_box;
use std::time::Instant;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use rsa::pkcs8::{DecodePrivateKey, DecodePublicKey};
use rsa::traits::PublicKeyParts;
use secl_attest::privacy_ca::PrivacyCa;
use secl_saml::{DEFAULT_ASSERTION_ID, TrustReport};
use sha2::{Digest, Sha256};

fn time<T>(name: &str, n: u32, mut f: impl FnMut() -> T) {
    for _ in 0..n.min(20) {
        black_box(f());
    }
    let t = Instant::now();
    for _ in 0..n {
        black_box(f());
    }
    let us = t.elapsed().as_secs_f64() * 1e6 / f64::from(n);
    println!("{name:<40} {us:>9.1} us");
}

fn main() {
    let signer = PrivacyCa::generate("bench SAML").expect("signer");
    let key =
        rsa::PrivateKey::from_pkcs8_pem(&signer.private_key_pem().expect("PEM")).expect("key");
    let ca = PrivacyCa::generate("HVS Privacy Certificate").expect("CA");
    let blob = B64.encode(ca.certificate_der());
    let attrs = vec![
        ("TRUST_OVERALL".to_string(), "true".to_string()),
        ("HardwareUUID".into(), uuid::Uuid::new_v4().to_string()),
        ("AIK_Certificate".into(), blob.clone()),
        ("Binding_Key_Certificate".into(), blob.clone()),
        ("TAG_country".into(), "US".into()),
    ];
    let now = time::OffsetDateTime::now_utc();
    let xml = TrustReport::new("AttestationService", now, time::Duration::hours(1), attrs)
        .sign(DEFAULT_ASSERTION_ID, &key, signer.certificate_der())
        .expect("signed");
    println!("report: {} bytes", xml.len());
    let trusted = vec![signer.certificate_der().to_vec()];
    let n = 2000;

    time("secl_saml::verify (whole)", n, || {
        secl_saml::verify(xml.as_bytes(), &trusted, now, None).expect("verify")
    });
    let signers = secl_saml::TrustedSigners::new(&trusted);
    time("secl_saml::verify_with (prepared)", n, || {
        secl_saml::verify_with(xml.as_bytes(), &signers, now, None).expect("verify")
    });
    time("roxmltree parse", n, || {
        roxmltree::Document::parse(&xml).map(|d| d.descendants().count())
    });
    time("canonicalize_document", n, || {
        secl_saml::canonicalize_document(&xml, false)
    });
    time("sha256(body)", n, || Sha256::digest(xml.as_bytes()));
    time("x509 parse (signer)", n, || {
        x509_parser::parse_x509_certificate(signer.certificate_der())
            .map(|(_, c)| c.validity().not_after)
    });
    let (_, cert) = x509_parser::parse_x509_certificate(signer.certificate_der()).expect("x509");
    let spki = cert.public_key().raw.to_vec();
    time("rsa PublicKey::from_public_key_der", n, || {
        rsa::PublicKey::from_public_key_der(&spki).expect("key")
    });
    let pubkey = rsa::PublicKey::from_public_key_der(&spki).expect("key");
    let msg = b"signed info bytes";
    let sig = key
        .sign(rsa::Pkcs1v15Sign::new::<Sha256>(), &Sha256::digest(msg))
        .expect("sign");
    time("rsa pkcs1v15 verify (parsed key)", n, || {
        pubkey.verify(
            rsa::Pkcs1v15Sign::new::<Sha256>(),
            &Sha256::digest(msg),
            &sig,
        )
    });
    let rsapub = cert.public_key().subject_public_key.data.to_vec();
    time("ring pkcs1v15 verify", n, || {
        ring::signature::UnparsedPublicKey::new(
            &ring::signature::RSA_PKCS1_2048_8192_SHA256,
            &rsapub,
        )
        .verify(msg, &sig)
    });
    let material = [7u8; 32];
    time("rsa OAEP-SHA256 encrypt (parsed key)", n, || {
        let padding = rsa::Oaep::<Sha256>::new_with_label(b"TPM2\0".to_vec());
        pubkey
            .encrypt(&mut rand::rng(), padding, &material)
            .expect("oaep")
    });
    let binding = rsa::PrivateKey::new(&mut rand::rng(), 2048).expect("binding key");
    let bpub = binding.to_public_key();
    time("rsa OAEP-SHA256 encrypt (2048)", n, || {
        let padding = rsa::Oaep::<Sha256>::new_with_label(b"TPM2\0".to_vec());
        bpub.encrypt(&mut rand::rng(), padding, &material)
            .expect("oaep")
    });
    println!("signer modulus bits {}", pubkey.n().bit_width());
}
