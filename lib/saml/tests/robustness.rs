//! `verify` on hostile bytes: random input, every truncation and many mutations of a valid
//! report, pathological nesting and namespaces. It must return an error, never panic or hang.

mod common;

use common::*;
use secl_saml::{DEFAULT_ASSERTION_ID, TrustReport, canonicalize_document, verify};
use time::Duration;

/// A small deterministic PRNG (xorshift64*), so failures reproduce.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn random_truncated_and_mutated_inputs_never_panic() {
    let s = signer();
    let now = now();
    let trusted = s.trusted();
    let valid = sample_report(now)
        .sign(DEFAULT_ASSERTION_ID, &s.key, &s.cert_der)
        .unwrap();
    let valid = valid.as_bytes();
    verify(valid, &trusted, now, None).unwrap();

    let mut rng = Rng(0x5eed_1234_abcd_0001);
    // Pure noise, and noise made of XML-ish tokens.
    let tokens: [&[u8]; 14] = [
        b"<",
        b">",
        b"/",
        b"saml2:Assertion",
        b" ID=\"MapAssertion\"",
        b"<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\">",
        b"&amp;",
        b"&#xD;",
        b"<!--",
        b"-->",
        b"<![CDATA[",
        b"]]>",
        b"xmlns:a=\"u\"",
        b"\"",
    ];
    for _ in 0..2000 {
        let len = rng.below(300);
        let noise: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        assert!(verify(&noise, &trusted, now, None).is_err());
        let mut xmlish = Vec::new();
        for _ in 0..rng.below(40) {
            xmlish.extend_from_slice(tokens[rng.below(tokens.len())]);
        }
        assert!(verify(&xmlish, &trusted, now, None).is_err());
        let _ = TrustReport::parse_unverified(&xmlish);
    }

    // Every proper prefix of a valid report.
    for end in 0..valid.len() {
        assert!(
            verify(&valid[..end], &trusted, now, None).is_err(),
            "prefix {end}"
        );
    }

    // Random byte mutations. Some are canonically invisible (a space inside a start tag) and
    // may verify; any that verifies must read exactly the signed attributes.
    let expected = verify(valid, &trusted, now, None).unwrap();
    for _ in 0..3000 {
        let mut m = valid.to_vec();
        for _ in 0..=rng.below(3) {
            let at = rng.below(m.len());
            match rng.below(3) {
                0 => m[at] = rng.next() as u8,
                1 => {
                    m.remove(at);
                }
                _ => m.insert(at, b"<>\"'&= /"[rng.below(8)]),
            }
        }
        if let Ok(v) = verify(&m, &trusted, now, Some(Duration::hours(1))) {
            assert_eq!(
                v.attributes, expected.attributes,
                "mutation changed signed content"
            );
        }
    }
}

#[test]
fn pathological_structures_are_refused_without_crashing() {
    let s = signer();
    let now = now();
    let trusted = s.trusted();

    // Deep nesting: no recursion on input depth anywhere.
    let depth = 90_000;
    let deep = format!("{}{}", "<a>".repeat(depth), "</a>".repeat(depth));
    assert!(verify(deep.as_bytes(), &trusted, now, None).is_err());
    assert_eq!(canonicalize_document(&deep, true).unwrap(), deep);

    // Deep nesting inside a signed report (so canonicalization really runs during verify).
    let unsigned = sample_report(now).to_unsigned_xml("deep").replacen(
        "</saml2:Subject>",
        &format!("</saml2:Subject>{deep}"),
        1,
    );
    let signed = secl_saml::sign(&unsigned, &s.key, &s.cert_der).unwrap();
    verify(signed.as_bytes(), &trusted, now, None).unwrap();

    // Too many nodes.
    let wide = format!("<a>{}</a>", "<b/>".repeat(200_000));
    assert!(matches!(
        verify(wide.as_bytes(), &trusted, now, None),
        Err(secl_saml::SamlError::Malformed(_))
    ));

    // Too large.
    let huge = vec![b' '; secl_saml::MAX_REPORT_BYTES + 1];
    assert!(verify(&huge, &trusted, now, None).is_err());

    // Namespace explosion: many declarations inherited by many elements.
    let decls: String = (0..200)
        .map(|i| format!(" xmlns:p{i}=\"urn:{i}\""))
        .collect();
    let many = format!("<a{decls}>{}</a>", "<b/>".repeat(5000));
    assert!(canonicalize_document(&many, true).is_err());
    assert!(verify(many.as_bytes(), &trusted, now, None).is_err());

    // Not UTF-8, UTF-16, empty.
    assert!(verify(&[0xff, 0xfe, b'<', 0], &trusted, now, None).is_err());
    assert!(verify(b"", &trusted, now, None).is_err());
}
