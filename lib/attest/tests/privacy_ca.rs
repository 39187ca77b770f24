//! The PrivacyCA: certificates it issues (checked by the parts extractor, the chain verifier
//! and openssl), the KBS checks on them, and MakeCredential (checked against tpm2-tools).

mod common;

use std::process::Command;

use common::{FakeTpm, binding_public, rsa_key, shared_ca, tool_available};
use secl_attest::privacy_ca::{
    AIK_NAME_OID, BINDING_KEY_CERT_CN, BINDING_PUBLIC_AREA_OID, CertProfile, NameCheck, PrivacyCa,
    activate_credential, aik_certificate_name, binding_key_certificate_parts,
    certificate_public_key, make_credential, verify_binding_certificate, verify_chain,
    verify_chain_at,
};
use secl_attest::tpm2::{Public, SECL_CERTIFY_QUALIFYING_DATA, TPM_ST_ATTEST_QUOTE};
use secl_attest::{ChainError, Error};
use time::{Duration, OffsetDateTime};

/// A host as HVS sees it: AIK certificate, binding public area and its TPM2_Certify.
struct Host {
    tpm: FakeTpm,
    aik_cert: Vec<u8>,
    public: Public,
    attest: Vec<u8>,
    sig: Vec<u8>,
}

fn host(ca: &PrivacyCa) -> Host {
    let tpm = FakeTpm::new();
    let aik_cert = ca
        .issue_aik_certificate(&tpm.aik_public(), &tpm.aik_name())
        .unwrap();
    let public = binding_public();
    let (attest, sig) = tpm.certify(&public, &SECL_CERTIFY_QUALIFYING_DATA);
    Host {
        tpm,
        aik_cert,
        public,
        attest,
        sig,
    }
}

fn roots(ca: &PrivacyCa) -> Vec<Vec<u8>> {
    vec![ca.certificate_der().to_vec()]
}

fn openssl_text(der: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cert.der");
    std::fs::write(&path, der).unwrap();
    let out = Command::new("openssl")
        .args(["x509", "-inform", "DER", "-noout", "-text", "-in"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `openssl verify` of `leaf` against `ca` as an independent chain check.
fn openssl_verify(ca: &PrivacyCa, leaf: &[u8]) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("ca.pem"), ca.certificate_pem()).unwrap();
    let leaf_pem = dir.path().join("leaf.der");
    std::fs::write(&leaf_pem, leaf).unwrap();
    let pem = Command::new("openssl")
        .args(["x509", "-inform", "DER", "-in"])
        .arg(&leaf_pem)
        .output()
        .unwrap();
    std::fs::write(dir.path().join("leaf.pem"), pem.stdout).unwrap();
    let out = Command::new("openssl")
        .args(["verify", "-CAfile"])
        .arg(dir.path().join("ca.pem"))
        .arg(dir.path().join("leaf.pem"))
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr),
    )
}

#[test]
fn the_ca_certificate_is_a_ten_year_rsa3072_ca() {
    let ca = shared_ca();
    verify_chain(ca.certificate_der(), &roots(ca)).unwrap();
    if !tool_available("openssl", "version") {
        return;
    }
    let text = openssl_text(ca.certificate_der());
    for want in [
        "Signature Algorithm: sha384WithRSAEncryption",
        "Issuer: CN = HVS Privacy Certificate",
        "Subject: CN = HVS Privacy Certificate",
        "Public-Key: (3072 bit)",
        "X509v3 Basic Constraints: critical",
        "CA:TRUE",
        "X509v3 Key Usage: critical",
        "Certificate Sign, CRL Sign",
        "X509v3 Subject Key Identifier",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
    let nb = OffsetDateTime::now_utc();
    let years = text
        .lines()
        .filter(|l| l.contains("Not After"))
        .collect::<String>();
    assert!(years.contains(&(nb.year() + 10).to_string()), "{years}");
}

#[test]
fn the_ca_survives_pem_round_trip_and_rejects_a_foreign_key() {
    let ca = shared_ca();
    let key_pem = ca.private_key_pem().unwrap();
    let loaded = PrivacyCa::from_pem(&ca.certificate_pem(), &key_pem).unwrap();
    assert_eq!(loaded.certificate_der(), ca.certificate_der());
    let tpm = FakeTpm::new();
    let aik_cert = loaded
        .issue_aik_certificate(&tpm.aik_public(), &tpm.aik_name())
        .unwrap();
    verify_chain(&aik_cert, &roots(ca)).unwrap();

    // A key that is not the certificate's.
    use rsa::pkcs8::EncodePrivateKey;
    let other = rsa_key().to_pkcs8_pem(rsa::pkcs8::LineEnding::LF).unwrap();
    assert_eq!(
        PrivacyCa::from_pem(&ca.certificate_pem(), &other).unwrap_err(),
        Error::KeyMismatch
    );
    assert!(matches!(
        PrivacyCa::from_pem("not pem", &key_pem),
        Err(Error::Malformed { .. })
    ));
}

#[test]
fn intels_privacy_ca_certificate_loads_with_a_matching_key_only() {
    // Intel's key is not public; loading its certificate with ours must fail cleanly.
    let intel = common::fixture_pem("privacyca_cert.pem");
    assert_eq!(
        PrivacyCa::from_pem(&intel, &shared_ca().private_key_pem().unwrap()).unwrap_err(),
        Error::KeyMismatch
    );
}

#[test]
fn aik_certificate_shape() {
    let ca = shared_ca();
    let h = host(ca);
    verify_chain(&h.aik_cert, &roots(ca)).unwrap();
    assert_eq!(
        aik_certificate_name(&h.aik_cert).unwrap(),
        Some(h.tpm.aik_name())
    );
    assert_eq!(
        certificate_public_key(&h.aik_cert).unwrap(),
        h.tpm.aik_public()
    );
    assert!(matches!(
        ca.issue_aik_certificate(&h.tpm.aik_public(), &[0, 0x0b, 1, 2]),
        Err(Error::Malformed { .. })
    ));
    if !tool_available("openssl", "version") {
        return;
    }
    let text = openssl_text(&h.aik_cert);
    for want in [
        "Signature Algorithm: sha256WithRSAEncryption",
        "Issuer: CN = HVS Privacy Certificate",
        "Subject: CN = HVS Privacy Certificate",
        "X509v3 Key Usage: critical",
        "Digital Signature",
        "X509v3 Authority Key Identifier",
        AIK_NAME_OID,
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
}

#[test]
fn binding_certificate_round_trips_and_openssl_shows_it() {
    let ca = shared_ca();
    let h = host(ca);
    let cert = ca
        .issue_binding_key_certificate(&h.public.to_bytes(), &h.attest, &h.sig)
        .unwrap();
    let parts = binding_key_certificate_parts(&cert).unwrap();
    assert_eq!(parts.attest, h.attest);
    assert_eq!(parts.signature, h.sig);
    assert_eq!(parts.public_area, Some(h.public.to_bytes()));
    assert_eq!(parts.public_key, h.public.rsa_public_key().unwrap());
    verify_chain(&cert, &roots(ca)).unwrap();

    if !tool_available("openssl", "version") {
        return;
    }
    let text = openssl_text(&cert);
    for want in [
        "Signature Algorithm: sha384WithRSAEncryption",
        "Issuer: CN = HVS Privacy Certificate",
        &format!("Subject: CN = {BINDING_KEY_CERT_CN}"),
        "Public-Key: (2048 bit)",
        "Exponent: 65537",
        "X509v3 Key Usage: critical",
        "Digital Signature, Key Encipherment",
        "X509v3 Authority Key Identifier",
        "2.5.4.133.3.2.41: \n",
        "2.5.4.133.3.2.41.1: \n",
        BINDING_PUBLIC_AREA_OID,
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
    // The three TPM extensions are not critical.
    assert!(!text.contains("2.5.4.133.3.2.41: critical"));
    assert!(!text.contains(&format!("{BINDING_PUBLIC_AREA_OID}: critical")));
    let (ok, out) = openssl_verify(ca, &cert);
    assert!(ok, "openssl verify: {out}");
}

#[test]
fn kbs_checks_pass_on_our_certificates_with_the_public_area() {
    let ca = shared_ca();
    let h = host(ca);
    let cert = ca
        .certify_binding_key(&h.aik_cert, &h.public.to_bytes(), &h.attest, &h.sig)
        .unwrap();
    let v = verify_binding_certificate(&cert, &h.aik_cert, &roots(ca)).unwrap();
    assert_eq!(v.name_check, NameCheck::PublicArea);
    assert_eq!(v.public_key, h.public.rsa_public_key().unwrap());
    assert_eq!(v.certify.public.as_ref(), Some(&h.public));

    // Eleven years on, everything has expired.
    let later = OffsetDateTime::now_utc() + Duration::days(11 * 366);
    assert!(matches!(
        verify_chain_at(&cert, &roots(ca), later),
        Err(Error::Untrusted {
            reason: ChainError::NotValidAt { .. },
            ..
        })
    ));
}

#[test]
fn the_intel_profile_omits_our_extensions_and_still_checks_the_name() {
    let ca = PrivacyCa::from_pem(
        &shared_ca().certificate_pem(),
        &shared_ca().private_key_pem().unwrap(),
    )
    .unwrap()
    .with_profile(CertProfile::IntelCompatible);
    let h = host(&ca);
    assert_eq!(aik_certificate_name(&h.aik_cert).unwrap(), None);
    let cert = ca
        .issue_binding_key_certificate(&h.public.to_bytes(), &h.attest, &h.sig)
        .unwrap();
    assert_eq!(
        binding_key_certificate_parts(&cert).unwrap().public_area,
        None
    );
    let v = verify_binding_certificate(&cert, &h.aik_cert, &roots(&ca)).unwrap();
    assert_eq!(v.name_check, NameCheck::Template);
    if tool_available("openssl", "version") {
        assert!(!openssl_text(&cert).contains("2.25."));
    }
}

#[test]
fn only_known_templates_pass_without_the_public_area() {
    let secl = shared_ca();
    let intel = PrivacyCa::from_pem(&secl.certificate_pem(), &secl.private_key_pem().unwrap())
        .unwrap()
        .with_profile(CertProfile::IntelCompatible);
    let tpm = FakeTpm::new();
    let aik_cert = secl
        .issue_aik_certificate(&tpm.aik_public(), &tpm.aik_name())
        .unwrap();
    let [_, oaep] = Public::binding_key_templates(&binding_public().modulus);
    // A binding key with a policy: fine, but no template reproduces its name.
    let mut with_policy = binding_public();
    with_policy.auth_policy = vec![0x5a; 32];
    for (public, without_area_ok) in [(oaep, true), (with_policy, false)] {
        let (attest, sig) = tpm.certify(&public, &SECL_CERTIFY_QUALIFYING_DATA);
        let with_area = secl
            .issue_binding_key_certificate(&public.to_bytes(), &attest, &sig)
            .unwrap();
        let v = verify_binding_certificate(&with_area, &aik_cert, &roots(secl)).unwrap();
        assert_eq!(v.name_check, NameCheck::PublicArea);
        let without = intel
            .issue_binding_key_certificate(&public.to_bytes(), &attest, &sig)
            .unwrap();
        let got = verify_binding_certificate(&without, &aik_cert, &roots(secl));
        if without_area_ok {
            assert_eq!(got.unwrap().name_check, NameCheck::Template);
        } else {
            assert!(matches!(got, Err(Error::NameMismatch { .. })), "{got:?}");
        }
    }
}

#[test]
fn a_certificate_from_another_ca_fails_the_chain() {
    let ca = shared_ca();
    let other = PrivacyCa::generate("Rogue Privacy CA").unwrap();
    let h = host(&other);
    let cert = other
        .issue_binding_key_certificate(&h.public.to_bytes(), &h.attest, &h.sig)
        .unwrap();
    assert!(matches!(
        verify_chain(&cert, &roots(ca)),
        Err(Error::Untrusted {
            reason: ChainError::UnknownIssuer { .. },
            ..
        })
    ));
    match verify_binding_certificate(&cert, &h.aik_cert, &roots(ca)) {
        Err(Error::Untrusted { cert, .. }) => assert_eq!(cert, "AIK"),
        other => panic!("{other:?}"),
    }
    // Same name, other key.
    let twin = PrivacyCa::generate("HVS Privacy Certificate").unwrap();
    let h = host(&twin);
    assert!(matches!(
        verify_chain(&h.aik_cert, &roots(ca)),
        Err(Error::Untrusted {
            reason: ChainError::BadSignature { .. },
            ..
        })
    ));
    // HVS refuses to certify a binding key for an AIK certificate it did not issue.
    match ca.certify_binding_key(&h.aik_cert, &h.public.to_bytes(), &h.attest, &h.sig) {
        Err(Error::Untrusted { cert, .. }) => assert_eq!(cert, "AIK"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn tampered_certificates_fail_with_the_matching_error() {
    let ca = shared_ca();
    let h = host(ca);
    let cert = ca
        .issue_binding_key_certificate(&h.public.to_bytes(), &h.attest, &h.sig)
        .unwrap();
    // A flipped bit in the attestation inside the certificate breaks the CA signature.
    let pos = find(&cert, &h.attest);
    let mut bad = cert.clone();
    bad[pos + 40] ^= 1;
    assert!(matches!(
        verify_binding_certificate(&bad, &h.aik_cert, &roots(ca)),
        Err(Error::Untrusted {
            cert: "binding key",
            reason: ChainError::BadSignature { .. }
        })
    ));
    // A flipped bit in the CA's signature likewise.
    let mut bad = cert.clone();
    let n = bad.len() - 3;
    bad[n] ^= 1;
    assert!(matches!(
        verify_chain(&bad, &roots(ca)),
        Err(Error::Untrusted {
            reason: ChainError::BadSignature { .. },
            ..
        })
    ));
    // Truncated: a parse error, not a panic.
    assert!(matches!(
        verify_chain(&cert[..cert.len() - 1], &roots(ca)),
        Err(Error::Untrusted {
            reason: ChainError::Parse(_),
            ..
        })
    ));
    // The certify signed by another AIK: the CA verifies at issuance ...
    let other = FakeTpm::new();
    let (attest, sig) = other.certify(&h.public, &SECL_CERTIFY_QUALIFYING_DATA);
    assert_eq!(
        ca.certify_binding_key(&h.aik_cert, &h.public.to_bytes(), &attest, &sig),
        Err(Error::BadSignature)
    );
    // ... and the KBS at release, if a careless CA issued it anyway.
    let cert = ca
        .issue_binding_key_certificate(&h.public.to_bytes(), &attest, &sig)
        .unwrap();
    assert_eq!(
        verify_binding_certificate(&cert, &h.aik_cert, &roots(ca)),
        Err(Error::BadSignature)
    );
}

#[test]
fn the_ca_refuses_to_certify_what_is_not_a_binding_key() {
    let ca = shared_ca();
    let h = host(ca);
    // Another key's public area.
    assert!(matches!(
        ca.issue_binding_key_certificate(&binding_public().to_bytes(), &h.attest, &h.sig),
        Err(Error::NameMismatch { .. })
    ));
    // The AIK (signing, restricted).
    let (attest, sig) = h.tpm.certify(&h.tpm.aik_public_area, &[]);
    assert!(matches!(
        ca.issue_binding_key_certificate(&h.tpm.aik_public_area.to_bytes(), &attest, &sig),
        Err(Error::WrongAttributes { .. })
    ));
    // A quote in place of the certify.
    let mut quote = h.attest.clone();
    quote[4..6].copy_from_slice(&TPM_ST_ATTEST_QUOTE.to_be_bytes());
    assert!(
        ca.issue_binding_key_certificate(&h.public.to_bytes(), &quote, &h.sig)
            .is_err()
    );
    assert!(matches!(
        ca.certify_binding_key(&h.aik_cert, &h.public.to_bytes(), &quote, &h.sig),
        Err(Error::WrongAttestType { .. })
    ));
}

#[test]
fn make_credential_round_trips_through_software_activation() {
    let ek = rsa_key();
    let tpm = FakeTpm::new();
    let secret = *b"0123456789abcdef0123456789abcdef";
    let (blob, enc) = make_credential(&ek.to_public_key(), &tpm.aik_name(), &secret).unwrap();
    // TPM2B_ID_OBJECT = size ‖ TPM2B_DIGEST(outerHMAC) ‖ encIdentity(2 + 32)
    assert_eq!(blob.len(), 2 + 2 + 32 + 2 + 32);
    assert_eq!(
        u16::from_be_bytes([blob[0], blob[1]]) as usize,
        blob.len() - 2
    );
    assert_eq!(blob[2..4], [0, 32]);
    // TPM2B_ENCRYPTED_SECRET = size ‖ RSA-2048 OAEP ciphertext
    assert_eq!(enc.len(), 2 + 256);
    assert_eq!(enc[..2], [1, 0]);
    assert_eq!(
        activate_credential(&ek, &tpm.aik_name(), &blob, &enc).unwrap(),
        secret
    );
    // Another AIK name, another EK, a flipped bit: all refused.
    let other = FakeTpm::new();
    assert!(activate_credential(&ek, &other.aik_name(), &blob, &enc).is_err());
    assert!(activate_credential(&rsa_key(), &tpm.aik_name(), &blob, &enc).is_err());
    let mut bad = blob.clone();
    bad[40] ^= 1;
    assert!(activate_credential(&ek, &tpm.aik_name(), &bad, &enc).is_err());
    // Credential size limits.
    assert!(make_credential(&ek.to_public_key(), &tpm.aik_name(), &[]).is_err());
    assert!(make_credential(&ek.to_public_key(), &tpm.aik_name(), &[0; 33]).is_err());
    assert!(make_credential(&ek.to_public_key(), b"short", &secret).is_err());
}

/// tpm2-tools computes MakeCredential independently (OpenSSL); activating its output with
/// our software ActivateCredential proves seed size, OAEP label, KDFa, CFB and HMAC layout
/// agree with it; comparing lengths proves the framing.
#[test]
fn tpm2_makecredential_output_activates_with_our_implementation() {
    if !tool_available("tpm2_makecredential", "--version") {
        return;
    }
    use rsa::pkcs8::EncodePublicKey;
    let ek = rsa_key();
    let tpm = FakeTpm::new();
    let secret = b"sixteen byte key";
    let dir = tempfile::tempdir().unwrap();
    let p = |n: &str| dir.path().join(n);
    std::fs::write(
        p("ek.pem"),
        ek.to_public_key()
            .to_public_key_pem(rsa::pkcs8::LineEnding::LF)
            .unwrap(),
    )
    .unwrap();
    std::fs::write(p("secret"), secret).unwrap();
    let out = Command::new("tpm2_makecredential")
        .args(["-T", "none", "-G", "rsa", "-u"])
        .arg(p("ek.pem"))
        .arg("-s")
        .arg(p("secret"))
        .arg("-n") // tpm2-tools 5.x takes the name as hex
        .arg(hex::encode(tpm.aik_name()))
        .arg("-o")
        .arg(p("cred"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = std::fs::read(p("cred")).unwrap();
    // tpm2-tools framing: magic BADCC0DE, version 1, TPM2B_ID_OBJECT, TPM2B_ENCRYPTED_SECRET.
    assert_eq!(file[..8], [0xba, 0xdc, 0xc0, 0xde, 0, 0, 0, 1]);
    let blob_len = 2 + usize::from(u16::from_be_bytes([file[8], file[9]]));
    let blob = &file[8..8 + blob_len];
    let enc = &file[8 + blob_len..];
    assert_eq!(
        activate_credential(&ek, &tpm.aik_name(), blob, enc).unwrap(),
        secret
    );
    let (ours_blob, ours_enc) =
        make_credential(&ek.to_public_key(), &tpm.aik_name(), secret).unwrap();
    assert_eq!(ours_blob.len(), blob.len());
    assert_eq!(ours_blob[..4], blob[..4]);
    assert_eq!(ours_enc.len(), enc.len());
    assert_eq!(ours_enc[..2], enc[..2]);
}

fn find(haystack: &[u8], needle: &[u8]) -> usize {
    haystack
        .windows(needle.len())
        .position(|w| w == needle)
        .expect("present")
}
