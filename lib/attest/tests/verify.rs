//! TPM2_Quote and TPM2_Certify verification against attestations built here and signed by a
//! software AIK; each failure mode has its own error.

mod common;

use common::{FakeTpm, binding_public};
use secl_attest::Error;
use secl_attest::tpm2::{
    Attest, HashAlg, ObjectAttributes, SECL_CERTIFY_QUALIFYING_DATA, SigScheme, Signature,
};
use secl_attest::verify::{check_aik_attributes, verify_certify, verify_quote, verify_signature};
use sha2::{Digest, Sha256};

const NONCE: [u8; 20] = *b"fresh-nonce-20-bytes";

fn pcr(i: u8) -> Vec<u8> {
    Sha256::digest([i]).to_vec()
}

/// A TPMS_ATTEST for TPM2_Quote written byte by byte from Part 2 §10.12.8 / §10.12.1, not
/// through the crate's own marshalling.
fn quote_bytes(nonce: &[u8], pcrs: &[u8], values: &[Vec<u8>], signer_name: &[u8]) -> Vec<u8> {
    let mut b = Vec::new();
    b.extend_from_slice(&0xff54_4347u32.to_be_bytes()); // magic
    b.extend_from_slice(&0x8018u16.to_be_bytes()); // TPM_ST_ATTEST_QUOTE
    b.extend_from_slice(&(signer_name.len() as u16).to_be_bytes());
    b.extend_from_slice(signer_name);
    b.extend_from_slice(&(nonce.len() as u16).to_be_bytes());
    b.extend_from_slice(nonce);
    b.extend_from_slice(&0x0000_0000_05db_c25cu64.to_be_bytes()); // clock
    b.extend_from_slice(&3u32.to_be_bytes()); // resetCount
    b.extend_from_slice(&0u32.to_be_bytes()); // restartCount
    b.push(1); // safe
    b.extend_from_slice(&0x0005_0032_0007_e600u64.to_be_bytes()); // firmwareVersion
    b.extend_from_slice(&1u32.to_be_bytes()); // TPML_PCR_SELECTION.count
    b.extend_from_slice(&0x000bu16.to_be_bytes()); // SHA-256 bank
    b.push(3); // sizeofSelect
    let mut bitmap = [0u8; 3];
    for &i in pcrs {
        bitmap[usize::from(i / 8)] |= 1 << (i % 8);
    }
    b.extend_from_slice(&bitmap);
    let digest = Sha256::digest(values.concat());
    b.extend_from_slice(&32u16.to_be_bytes());
    b.extend_from_slice(&digest);
    b
}

struct Quote {
    tpm: FakeTpm,
    attest: Vec<u8>,
    sig: Vec<u8>,
    expected: Vec<(u8, Vec<u8>)>,
}

fn good_quote() -> Quote {
    let tpm = FakeTpm::new();
    let pcrs = [0u8, 1, 7, 17];
    let values: Vec<Vec<u8>> = pcrs.iter().map(|i| pcr(*i)).collect();
    let attest = quote_bytes(&NONCE, &pcrs, &values, &tpm.aik_name());
    let sig = tpm.sign(&attest);
    // Deliberately out of order: the verifier orders by index.
    let expected = vec![(7, pcr(7)), (0, pcr(0)), (17, pcr(17)), (1, pcr(1))];
    Quote {
        tpm,
        attest,
        sig,
        expected,
    }
}

#[test]
fn a_hand_built_quote_verifies_and_round_trips() {
    let q = good_quote();
    let info = verify_quote(&q.tpm.aik_public(), &q.attest, &q.sig, &NONCE, &q.expected).unwrap();
    assert_eq!(info.pcrs, vec![0, 1, 7, 17]);
    assert_eq!(info.clock_info.reset_count, 3);
    assert_eq!(info.qualified_signer, q.tpm.aik_name());
    assert_eq!(Attest::parse(&q.attest).unwrap().to_bytes(), q.attest);
}

#[test]
fn a_stale_nonce_is_a_nonce_mismatch() {
    let q = good_quote();
    let got = verify_quote(
        &q.tpm.aik_public(),
        &q.attest,
        &q.sig,
        b"an older nonce",
        &q.expected,
    );
    assert!(matches!(got, Err(Error::NonceMismatch { .. })), "{got:?}");
}

#[test]
fn wrong_pcr_values_are_a_digest_mismatch() {
    let q = good_quote();
    let mut expected = q.expected.clone();
    expected[0].1[0] ^= 1;
    let got = verify_quote(&q.tpm.aik_public(), &q.attest, &q.sig, &NONCE, &expected);
    assert!(
        matches!(got, Err(Error::PcrDigestMismatch { .. })),
        "{got:?}"
    );
}

#[test]
fn other_pcrs_are_a_selection_mismatch() {
    let q = good_quote();
    let got = verify_quote(
        &q.tpm.aik_public(),
        &q.attest,
        &q.sig,
        &NONCE,
        &q.expected[..3],
    );
    match got {
        Err(Error::PcrSelectionMismatch { expected, quoted }) => {
            assert_eq!(expected, "sha256:0,7,17");
            assert_eq!(quoted, "sha256:0,1,7,17");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn another_key_is_a_bad_signature() {
    let q = good_quote();
    let other = FakeTpm::new();
    assert_eq!(
        verify_quote(&other.aik_public(), &q.attest, &q.sig, &NONCE, &q.expected),
        Err(Error::BadSignature)
    );
    let mut attest = q.attest.clone();
    attest[30] ^= 1;
    assert_eq!(
        verify_quote(&q.tpm.aik_public(), &attest, &q.sig, &NONCE, &q.expected),
        Err(Error::BadSignature)
    );
}

#[test]
fn the_errors_are_distinct() {
    let q = good_quote();
    let aik = q.tpm.aik_public();
    let other = FakeTpm::new();
    let mut wrong_values = q.expected.clone();
    wrong_values[1].1[5] ^= 1;
    let errors = [
        verify_quote(&aik, &q.attest, &q.sig, b"stale", &q.expected).unwrap_err(),
        verify_quote(&aik, &q.attest, &q.sig, &NONCE, &wrong_values).unwrap_err(),
        verify_quote(&aik, &q.attest, &q.sig, &NONCE, &q.expected[1..]).unwrap_err(),
        verify_quote(&other.aik_public(), &q.attest, &q.sig, &NONCE, &q.expected).unwrap_err(),
    ];
    for (i, a) in errors.iter().enumerate() {
        for b in &errors[i + 1..] {
            assert_ne!(
                std::mem::discriminant(a),
                std::mem::discriminant(b),
                "{a} / {b}"
            );
        }
    }
}

#[test]
fn a_quote_is_not_a_certify_and_the_magic_matters() {
    let q = good_quote();
    let aik = q.tpm.aik_public();
    assert_eq!(
        verify_certify(&aik, &q.attest, &q.sig, None, None),
        Err(Error::WrongAttestType {
            expected: 0x8017,
            found: 0x8018
        })
    );
    let mut attest = q.attest.clone();
    attest[0] = 0;
    let sig = q.tpm.sign(&attest);
    assert_eq!(
        verify_quote(&aik, &attest, &sig, &NONCE, &q.expected),
        Err(Error::BadMagic { found: 0x0054_4347 })
    );
}

#[test]
fn malformed_expectations_are_refused() {
    let q = good_quote();
    let aik = q.tpm.aik_public();
    let short = vec![(0u8, vec![0u8; 20])];
    assert!(matches!(
        verify_quote(&aik, &q.attest, &q.sig, &NONCE, &short),
        Err(Error::Malformed { .. })
    ));
    let twice = vec![(0u8, pcr(0)), (0u8, pcr(0))];
    assert!(matches!(
        verify_quote(&aik, &q.attest, &q.sig, &NONCE, &twice),
        Err(Error::Malformed { .. })
    ));
}

#[test]
fn pss_signatures_verify_and_sha1_is_refused() {
    let q = good_quote();
    let pss = Signature {
        scheme: SigScheme::RsaPss,
        hash: HashAlg::Sha256,
        sig: q.tpm.aik.pss_sign::<Sha256>(&q.attest).unwrap(),
    }
    .to_bytes();
    verify_quote(&q.tpm.aik_public(), &q.attest, &pss, &NONCE, &q.expected).unwrap();
    let sha1 = Signature {
        scheme: SigScheme::RsaSsa,
        hash: HashAlg::Sha1,
        sig: vec![1; 256],
    }
    .to_bytes();
    assert!(matches!(
        verify_signature(&q.tpm.aik_public(), &q.attest, &sha1),
        Err(Error::Unsupported { .. })
    ));
}

#[test]
fn certify_of_a_binding_key_verifies_with_its_public_area() {
    let tpm = FakeTpm::new();
    let public = binding_public();
    let (attest, sig) = tpm.certify(&public, &SECL_CERTIFY_QUALIFYING_DATA);
    let info = verify_certify(
        &tpm.aik_public(),
        &attest,
        &sig,
        Some(&public.to_bytes()),
        Some(&SECL_CERTIFY_QUALIFYING_DATA),
    )
    .unwrap();
    assert_eq!(info.name, public.name().unwrap());
    assert_eq!(info.public.as_ref(), Some(&public));
}

#[test]
fn certify_of_another_key_is_a_name_mismatch() {
    let tpm = FakeTpm::new();
    let public = binding_public();
    let (attest, sig) = tpm.certify(&public, &SECL_CERTIFY_QUALIFYING_DATA);
    let got = verify_certify(
        &tpm.aik_public(),
        &attest,
        &sig,
        Some(&binding_public().to_bytes()),
        None,
    );
    assert!(matches!(got, Err(Error::NameMismatch { .. })), "{got:?}");
}

#[test]
fn certify_of_a_signing_or_movable_key_is_wrong_attributes() {
    let tpm = FakeTpm::new();
    let mut public = binding_public();
    public.attributes = ObjectAttributes(
        (public.attributes.0 | ObjectAttributes::SIGN) & !ObjectAttributes::FIXED_TPM,
    );
    let (attest, sig) = tpm.certify(&public, &SECL_CERTIFY_QUALIFYING_DATA);
    match verify_certify(
        &tpm.aik_public(),
        &attest,
        &sig,
        Some(&public.to_bytes()),
        None,
    ) {
        Err(Error::WrongAttributes { which }) => {
            assert_eq!(which, "fixedTPM is clear, sign is set");
        }
        other => panic!("{other:?}"),
    }
    // The AIK itself (restricted signing key) is no binding key either.
    let (attest, sig) = tpm.certify(&tpm.aik_public_area, &[]);
    match verify_certify(
        &tpm.aik_public(),
        &attest,
        &sig,
        Some(&tpm.aik_public_area.to_bytes()),
        None,
    ) {
        Err(Error::WrongAttributes { which }) => {
            assert_eq!(which, "decrypt is clear, sign is set, restricted is set");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn certify_tampering_and_qualifying_data() {
    let tpm = FakeTpm::new();
    let public = binding_public();
    let (attest, sig) = tpm.certify(&public, &SECL_CERTIFY_QUALIFYING_DATA);
    let aik = tpm.aik_public();
    let mut bad = attest.clone();
    let n = bad.len() - 1;
    bad[n] ^= 1;
    assert_eq!(
        verify_certify(&aik, &bad, &sig, None, None),
        Err(Error::BadSignature)
    );
    let mut bad = sig.clone();
    bad[10] ^= 1;
    assert_eq!(
        verify_certify(&aik, &attest, &bad, None, None),
        Err(Error::BadSignature)
    );
    assert!(matches!(
        verify_certify(&aik, &attest, &sig, None, Some(b"nonce")),
        Err(Error::NonceMismatch { .. })
    ));
    // A truncated signature blob is malformed, not a panic.
    assert!(matches!(
        verify_certify(&aik, &attest, &sig[..sig.len() - 1], None, None),
        Err(Error::Malformed { .. })
    ));
}

#[test]
fn aik_attributes_are_a_restricted_signing_key() {
    let tpm = FakeTpm::new();
    check_aik_attributes(&tpm.aik_public_area).unwrap();
    match check_aik_attributes(&binding_public()) {
        Err(Error::WrongAttributes { which }) => {
            assert_eq!(which, "restricted is clear, sign is clear, decrypt is set");
        }
        other => panic!("{other:?}"),
    }
}
