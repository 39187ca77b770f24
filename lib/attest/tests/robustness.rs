//! Every parser fed truncated, mutated and random bytes: errors, never panics. Bounded in
//! count and deterministic (a fixed xorshift seed), so a failure reproduces.

mod common;

use common::{FakeTpm, binding_public, fixture_der, shared_ca};
use secl_attest::privacy_ca::{
    activate_credential, aik_certificate_name, binding_key_certificate_parts,
    certificate_public_key, pem_certificate, verify_binding_certificate_at, verify_chain_at,
};
use secl_attest::tpm2::{Attest, Public, SECL_CERTIFY_QUALIFYING_DATA, Signature};
use secl_attest::verify::{verify_certify, verify_quote};
use time::macros::datetime;

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }
}

/// Run every TPM-structure parser and verifier on `b`.
fn tpm_parsers(b: &[u8], aik: &rsa::PublicKey) {
    let _ = Attest::parse(b);
    let _ = Signature::parse(b);
    let _ = Public::parse(b);
    if let Ok(p) = Public::parse_tpm2b(b) {
        let _ = p.name();
        let _ = p.rsa_public_key();
    }
    let _ = verify_certify(aik, b, b, Some(b), Some(b));
    let _ = verify_quote(aik, b, b, b, &[(0, vec![0; 32])]);
}

fn cert_parsers(b: &[u8], roots: &[Vec<u8>]) {
    let now = datetime!(2026-11-29 00:00 UTC);
    let _ = binding_key_certificate_parts(b);
    let _ = aik_certificate_name(b);
    let _ = certificate_public_key(b);
    let _ = verify_chain_at(b, roots, now);
    let _ = verify_binding_certificate_at(b, b, roots, now);
    let _ = pem_certificate(&String::from_utf8_lossy(b));
}

fn valid_tpm_structures() -> (FakeTpm, Vec<Vec<u8>>) {
    let tpm = FakeTpm::new();
    let public = binding_public();
    let (attest, sig) = tpm.certify(&public, &SECL_CERTIFY_QUALIFYING_DATA);
    let intel = binding_key_certificate_parts(&fixture_der("binding_key_certificate.pem")).unwrap();
    let structures = vec![
        attest,
        sig,
        public.to_bytes(),
        public.to_tpm2b_bytes(),
        tpm.aik_public_area.to_bytes(),
        intel.attest,
        intel.signature,
    ];
    (tpm, structures)
}

#[test]
fn every_strict_prefix_of_a_tpm_structure_is_an_error() {
    let (tpm, structures) = valid_tpm_structures();
    for s in &structures {
        for n in 0..s.len() {
            let prefix = &s[..n];
            assert!(Attest::parse(prefix).is_err());
            assert!(Signature::parse(prefix).is_err());
            assert!(Public::parse(prefix).is_err());
            assert!(Public::parse_tpm2b(prefix).is_err());
            tpm_parsers(prefix, &tpm.aik_public());
        }
        // One byte too many is refused as well.
        let mut longer = s.clone();
        longer.push(0);
        assert!(Attest::parse(&longer).is_err());
        assert!(Signature::parse(&longer).is_err());
        assert!(Public::parse(&longer).is_err());
    }
}

#[test]
fn parse_and_marshal_are_inverse_on_valid_structures() {
    let (_, s) = valid_tpm_structures();
    assert_eq!(Attest::parse(&s[0]).unwrap().to_bytes(), s[0]);
    assert_eq!(Signature::parse(&s[1]).unwrap().to_bytes(), s[1]);
    assert_eq!(Public::parse(&s[2]).unwrap().to_bytes(), s[2]);
    assert_eq!(Public::parse_tpm2b(&s[3]).unwrap().to_bytes(), s[2]);
    assert_eq!(Attest::parse(&s[5]).unwrap().to_bytes(), s[5]);
    assert_eq!(Signature::parse(&s[6]).unwrap().to_bytes(), s[6]);
}

#[test]
fn mutated_and_random_tpm_bytes_never_panic() {
    let (tpm, structures) = valid_tpm_structures();
    let aik = tpm.aik_public();
    let mut rng = XorShift(0x5ec1_a77e_57ed_0001);
    for round in 0..3000 {
        let b = if round % 2 == 0 {
            let len = rng.below(400);
            rng.bytes(len)
        } else {
            let mut b = structures[rng.below(structures.len())].clone();
            for _ in 0..1 + rng.below(4) {
                let i = rng.below(b.len());
                b[i] = rng.next() as u8;
            }
            b
        };
        tpm_parsers(&b, &aik);
    }
    // Sizes at the extremes.
    tpm_parsers(&[0xff; 4096], &aik);
    let mut huge = vec![0xff, 0x54, 0x43, 0x47, 0x80, 0x18];
    huge.extend_from_slice(&[0xff; 64]);
    tpm_parsers(&huge, &aik);
}

#[test]
fn certificate_parsers_survive_prefixes_and_mutations() {
    let ca = shared_ca();
    let h = FakeTpm::new();
    let public = binding_public();
    let (attest, sig) = h.certify(&public, &SECL_CERTIFY_QUALIFYING_DATA);
    let ours = ca
        .issue_binding_key_certificate(&public.to_bytes(), &attest, &sig)
        .unwrap();
    let certs = [
        ours,
        fixture_der("binding_key_certificate.pem"),
        fixture_der("aik_certificate.pem"),
    ];
    let roots = vec![
        ca.certificate_der().to_vec(),
        fixture_der("privacyca_cert.pem"),
    ];
    for c in &certs {
        // Every 7th prefix keeps the RSA work bounded; all are errors.
        for n in (0..c.len()).step_by(7) {
            assert!(binding_key_certificate_parts(&c[..n]).is_err());
            cert_parsers(&c[..n], &roots);
        }
    }
    let mut rng = XorShift(0x5ec1_a77e_57ed_0002);
    for _ in 0..300 {
        let mut c = certs[rng.below(certs.len())].clone();
        for _ in 0..1 + rng.below(3) {
            let i = rng.below(c.len());
            c[i] = rng.next() as u8;
        }
        cert_parsers(&c, &roots);
        let len = rng.below(600);
        cert_parsers(&rng.bytes(len), &roots);
    }
}

#[test]
fn credential_activation_survives_garbage() {
    let ek = common::rsa_key();
    let name = FakeTpm::new().aik_name();
    let mut rng = XorShift(0x5ec1_a77e_57ed_0003);
    for _ in 0..200 {
        let a = rng.below(80);
        let b = rng.below(300);
        let blob = rng.bytes(a);
        let enc = rng.bytes(b);
        assert!(activate_credential(&ek, &name, &blob, &enc).is_err());
    }
}
