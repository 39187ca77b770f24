//! Intel's real data (tests/fixtures/README.md): a binding-key certificate certified by a real
//! TPM's AIK, the AIK certificate, and the PrivacyCA that issued both.

mod common;

use common::{FakeTpm, binding_public, fixture_der, shared_ca};
use secl_attest::privacy_ca::{
    NameCheck, binding_key_certificate_parts, certificate_public_key,
    verify_binding_certificate_at, verify_chain_at,
};
use secl_attest::tpm2::{
    Attest, Attested, HashAlg, Public, SECL_CERTIFY_QUALIFYING_DATA, SigScheme, Signature,
    TPM_ALG_SHA256,
};
use secl_attest::verify::{check_name, verify_certify};
use secl_attest::{ChainError, Error};
use time::macros::datetime;

const BINDING: &str = "binding_key_certificate.pem";
const AIK: &str = "aik_certificate.pem";
const PRIVACY_CA: &str = "privacyca_cert.pem";

/// Inside every window (and the day these tests were written).
const INSIDE: time::OffsetDateTime = datetime!(2026-11-29 06:00 UTC);
/// After the PrivacyCA and the AIK certificate expired (2027-11-23), before the binding
/// certificate does (2032-11-23).
const AFTER_CA: time::OffsetDateTime = datetime!(2028-01-01 00:00 UTC);

fn roots() -> Vec<Vec<u8>> {
    vec![fixture_der(PRIVACY_CA)]
}

#[test]
fn binding_certificate_extensions_parse_as_a_certify() {
    let parts = binding_key_certificate_parts(&fixture_der(BINDING)).unwrap();
    assert_eq!(
        parts.public_area, None,
        "Intel's certificates carry no TPMT_PUBLIC"
    );
    assert_eq!(parts.attest.len(), 145);
    let attest = Attest::parse(&parts.attest).unwrap();
    assert_eq!(attest.extra_data, SECL_CERTIFY_QUALIFYING_DATA);
    assert_eq!(attest.extra_data, [0x00, 0xff, 0x55, 0xaa]);
    assert_eq!(attest.clock_info.reset_count, 3);
    assert_eq!(attest.firmware_version, 0x0005_0032_0007_e600);
    let Attested::Certify {
        name,
        qualified_name,
    } = &attest.attested
    else {
        panic!("not a certify: {attest:?}");
    };
    assert_eq!(name.len(), 34);
    assert_eq!(name[..2], TPM_ALG_SHA256.to_be_bytes());
    assert_eq!(
        hex::encode(&name[2..]),
        "938b0241d7e9522dd7ee745833635c3fd519b0793ee3d90d5fddec39562f1c9b"
    );
    assert_eq!(qualified_name.len(), 34);
    // Marshalling gives back the very bytes the TPM signed.
    assert_eq!(attest.to_bytes(), parts.attest);

    let sig = Signature::parse(&parts.signature).unwrap();
    assert_eq!(sig.scheme, SigScheme::RsaSsa);
    assert_eq!(sig.hash, HashAlg::Sha256);
    assert_eq!(sig.sig.len(), 256);
    // Intel takes "the last 256 bytes": the same bytes.
    assert_eq!(sig.sig, parts.signature[parts.signature.len() - 256..]);
    assert_eq!(sig.to_bytes(), parts.signature);
}

#[test]
fn certify_signature_verifies_under_the_aik_certificate_key() {
    let parts = binding_key_certificate_parts(&fixture_der(BINDING)).unwrap();
    let aik = certificate_public_key(&fixture_der(AIK)).unwrap();
    let info = verify_certify(
        &aik,
        &parts.attest,
        &parts.signature,
        None,
        Some(&SECL_CERTIFY_QUALIFYING_DATA),
    )
    .unwrap();
    assert_eq!(info.extra_data, [0x00, 0xff, 0x55, 0xaa]);

    // The certified name is SecL's binding-key template over the certificate's modulus.
    use rsa::traits::PublicKeyParts;
    let template = Public::secl_binding_key(&parts.public_key.n().to_be_bytes());
    check_name(&info.name, &template).unwrap();
}

#[test]
fn tampered_attest_or_signature_fails_the_signature_check() {
    let parts = binding_key_certificate_parts(&fixture_der(BINDING)).unwrap();
    let aik = certificate_public_key(&fixture_der(AIK)).unwrap();

    let mut attest = parts.attest.clone();
    attest[60] ^= 1; // inside the clock info
    assert_eq!(
        verify_certify(&aik, &attest, &parts.signature, None, None),
        Err(Error::BadSignature)
    );
    let mut sig = parts.signature.clone();
    let last = sig.len() - 1;
    sig[last] ^= 0x80;
    assert_eq!(
        verify_certify(&aik, &parts.attest, &sig, None, None),
        Err(Error::BadSignature)
    );
    // A stale qualifying value is its own error.
    assert!(matches!(
        verify_certify(&aik, &parts.attest, &parts.signature, None, Some(b"other")),
        Err(Error::NonceMismatch { .. })
    ));
    // Another key did not sign it.
    let other = FakeTpm::new();
    assert_eq!(
        verify_certify(
            &other.aik_public(),
            &parts.attest,
            &parts.signature,
            None,
            None
        ),
        Err(Error::BadSignature)
    );
    // And a public area other than the certified one is caught by name.
    assert!(matches!(
        verify_certify(
            &aik,
            &parts.attest,
            &parts.signature,
            Some(&binding_public().to_bytes()),
            None
        ),
        Err(Error::NameMismatch { .. })
    ));
}

#[test]
fn both_certificates_chain_to_the_privacy_ca_inside_their_windows() {
    verify_chain_at(&fixture_der(BINDING), &roots(), INSIDE).unwrap();
    verify_chain_at(&fixture_der(AIK), &roots(), INSIDE).unwrap();
    // The binding certificate was signed with SHA384WithRSA, the AIK's with SHA256WithRSA.
}

#[test]
fn outside_the_windows_the_chain_is_refused() {
    // After 2027-11-23 the AIK certificate itself has expired ...
    match verify_chain_at(&fixture_der(AIK), &roots(), AFTER_CA) {
        Err(Error::Untrusted {
            reason: ChainError::NotValidAt { which, .. },
            ..
        }) => assert_eq!(which, "certificate"),
        other => panic!("{other:?}"),
    }
    // ... and the binding certificate, still valid, chains to an expired root.
    match verify_chain_at(&fixture_der(BINDING), &roots(), AFTER_CA) {
        Err(Error::Untrusted {
            reason: ChainError::NotValidAt { which, .. },
            ..
        }) => assert_eq!(which, "root"),
        other => panic!("{other:?}"),
    }
    // Before issuance.
    assert!(matches!(
        verify_chain_at(
            &fixture_der(BINDING),
            &roots(),
            datetime!(2022-11-23 11:00 UTC)
        ),
        Err(Error::Untrusted {
            reason: ChainError::NotValidAt { .. },
            ..
        })
    ));
}

#[test]
fn kbs_checks_pass_on_intel_data_with_the_template_name_check() {
    let v =
        verify_binding_certificate_at(&fixture_der(BINDING), &fixture_der(AIK), &roots(), INSIDE)
            .unwrap();
    assert_eq!(v.name_check, NameCheck::Template);
    assert_eq!(
        v.public_key,
        certificate_public_key(&fixture_der(BINDING)).unwrap()
    );
    assert_eq!(v.certify.extra_data, SECL_CERTIFY_QUALIFYING_DATA);

    match verify_binding_certificate_at(
        &fixture_der(BINDING),
        &fixture_der(AIK),
        &roots(),
        AFTER_CA,
    ) {
        Err(Error::Untrusted { cert, .. }) => assert_eq!(cert, "AIK"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_wrong_pairing_or_trust_store_is_refused() {
    // The binding certificate given as the AIK certificate: chains, but its key did not sign.
    assert_eq!(
        verify_binding_certificate_at(
            &fixture_der(BINDING),
            &fixture_der(BINDING),
            &roots(),
            INSIDE
        ),
        Err(Error::BadSignature)
    );
    // The AIK certificate given as the binding certificate: wrong subject.
    assert!(matches!(
        verify_binding_certificate_at(&fixture_der(AIK), &fixture_der(AIK), &roots(), INSIDE),
        Err(Error::WrongCertificate { .. })
    ));
    // Our own CA has the same name as Intel's, but not its key.
    let ours = vec![shared_ca().certificate_der().to_vec()];
    match verify_chain_at(&fixture_der(BINDING), &ours, INSIDE) {
        Err(Error::Untrusted {
            reason: ChainError::BadSignature { issuer },
            ..
        }) => assert_eq!(issuer, "CN=HVS Privacy Certificate"),
        other => panic!("{other:?}"),
    }
    // No root of that name at all.
    let other = secl_attest::privacy_ca::PrivacyCa::generate("Someone Else").unwrap();
    assert!(matches!(
        verify_chain_at(
            &fixture_der(BINDING),
            &[other.certificate_der().to_vec()],
            INSIDE
        ),
        Err(Error::Untrusted {
            reason: ChainError::UnknownIssuer { .. },
            ..
        })
    ));
    // An empty trust store trusts nothing.
    assert!(matches!(
        verify_chain_at(&fixture_der(BINDING), &[], INSIDE),
        Err(Error::Untrusted { .. })
    ));
}

#[test]
fn a_certificate_reusing_intels_certify_for_another_key_is_caught_by_name() {
    if !common::tool_available("openssl", "version") {
        return;
    }
    // Someone with a PrivacyCA key issues a binding certificate for their own key but pastes
    // Intel's genuine TPM2_Certify into it: the attestation verifies, the name does not.
    let parts = binding_key_certificate_parts(&fixture_der(BINDING)).unwrap();
    let ca = shared_ca();
    let attacker_key = binding_public();
    let cert = forge_binding_cert(ca, &attacker_key, &parts.attest, &parts.signature);
    let aik_cert = ca
        .issue_aik_certificate(
            &certificate_public_key(&fixture_der(AIK)).unwrap(),
            &FakeTpm::new().aik_name(),
        )
        .unwrap();
    let roots = vec![ca.certificate_der().to_vec()];
    let got =
        verify_binding_certificate_at(&cert, &aik_cert, &roots, time::OffsetDateTime::now_utc());
    assert!(matches!(got, Err(Error::NameMismatch { .. })), "{got:?}");
}

/// The PrivacyCA API refuses to issue such a certificate (checked here), so openssl signs
/// it with the CA's key, as a CA compromised or careless enough would.
fn forge_binding_cert(
    ca: &secl_attest::privacy_ca::PrivacyCa,
    attacker: &Public,
    attest: &[u8],
    signature: &[u8],
) -> Vec<u8> {
    assert!(matches!(
        ca.issue_binding_key_certificate(&attacker.to_bytes(), attest, signature),
        Err(Error::NameMismatch { .. })
    ));
    forged::binding_cert(ca, attacker, attest, signature)
}

mod forged {
    //! A CA-signed binding certificate for a key other than the certified one.
    use super::*;
    use std::process::Command;

    pub fn binding_cert(
        ca: &secl_attest::privacy_ca::PrivacyCa,
        attacker: &Public,
        attest: &[u8],
        signature: &[u8],
    ) -> Vec<u8> {
        let dir = tempfile::tempdir().unwrap();
        let p = |n: &str| dir.path().join(n);
        std::fs::write(p("ca.pem"), ca.certificate_pem()).unwrap();
        std::fs::write(p("ca.key"), ca.private_key_pem().unwrap().as_bytes()).unwrap();
        use rsa::pkcs8::EncodePublicKey;
        let key = attacker.rsa_public_key().unwrap();
        std::fs::write(
            p("pub.pem"),
            key.to_public_key_pem(rsa::pkcs8::LineEnding::LF).unwrap(),
        )
        .unwrap();
        let ext = format!(
            "keyUsage=critical,digitalSignature,keyEncipherment\n\
             2.5.4.133.3.2.41=DER:{}\n2.5.4.133.3.2.41.1=DER:{}\n",
            hex::encode(attest),
            hex::encode(signature)
        );
        std::fs::write(p("ext.cnf"), ext).unwrap();
        // A throwaway key signs the CSR; -force_pubkey puts the attacker's key in the cert.
        let out = Command::new("openssl")
            .args(["req", "-new", "-newkey", "rsa:2048", "-nodes", "-subj"])
            .arg("/CN=Binding_Key_Certificate")
            .arg("-keyout")
            .arg(p("tmp.key"))
            .arg("-out")
            .arg(p("req.csr"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let out = Command::new("openssl")
            .args(["x509", "-req", "-sha384", "-days", "3650"])
            .arg("-in")
            .arg(p("req.csr"))
            .arg("-CA")
            .arg(p("ca.pem"))
            .arg("-CAkey")
            .arg(p("ca.key"))
            .arg("-force_pubkey")
            .arg(p("pub.pem"))
            .arg("-extfile")
            .arg(p("ext.cnf"))
            .args(["-set_serial", "12345", "-outform", "DER", "-out"])
            .arg(p("cert.der"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::fs::read(p("cert.der")).unwrap()
    }
}
