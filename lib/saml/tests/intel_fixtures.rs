//! Intel SecL-DC's own fixtures (see tests/fixtures/PROVENANCE.md).

mod common;

use common::fixture;
use secl_saml::{SamlError, TrustReport, certs_from_pem, verify};
use time::macros::datetime;

fn read(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap()
}

/// SecL's KBS trusts the first certificate of an imported SAML file.
fn intel_saml_cert() -> Vec<Vec<u8>> {
    vec![certs_from_pem(&read("saml_cert.pem")).unwrap().remove(0)]
}

/// SecL's KBS strips indentation before verifying (regex `( *)<` -> `<`, then drops newlines).
fn secl_strip(xml: &[u8]) -> Vec<u8> {
    let text = String::from_utf8(xml.to_vec())
        .unwrap()
        .replace("\r\n", "")
        .replace('\n', "");
    let mut out = String::new();
    let mut spaces = String::new();
    for c in text.chars() {
        match c {
            ' ' => spaces.push(c),
            '<' => {
                spaces.clear();
                out.push(c);
            }
            c => {
                out.push_str(&spaces);
                spaces.clear();
                out.push(c);
            }
        }
    }
    out.push_str(&spaces);
    out.into_bytes()
}

#[test]
fn real_report_parses_but_its_reindented_signature_fails() {
    let xml = read("saml_report.xml");
    let report = TrustReport::parse_unverified(&xml).unwrap();
    assert_eq!(report.issuer, "AttestationService");
    assert_eq!(report.subject_name, "HVS");
    assert_eq!(report.issue_instant, datetime!(2022-11-24 10:11:25.86 UTC));
    assert_eq!(report.not_before, datetime!(2022-11-24 10:11:25.86 UTC));
    assert_eq!(
        report.not_on_or_after,
        datetime!(2296-09-08 10:11:25.86 UTC)
    );
    let get = |n: &str| {
        report
            .attributes
            .iter()
            .find(|(k, _)| k == n)
            .map(|(_, v)| v.as_str())
    };
    assert_eq!(get("TRUST_OVERALL"), Some("true"));
    assert_eq!(get("TPMVersion"), Some("2.0"));
    assert_eq!(
        get("HardwareUUID"),
        Some("0009e54e-642f-e511-906e-0012795d96dd")
    );
    assert_eq!(get("VMMVersion"), Some(""));
    assert!(get("AIK_Certificate").unwrap().starts_with("MIID"));
    assert!(get("Binding_Key_Certificate").unwrap().starts_with("MIIF"));

    // The KeyInfo certificate is the trusted one and in date, so the digest is what fails.
    let now = datetime!(2022-12-01 00:00 UTC);
    assert_eq!(
        verify(&xml, &intel_saml_cert(), now, None),
        Err(SamlError::DigestMismatch)
    );
}

/// What goxmldsig signed in Intel's HVS verifies here once SecL's own whitespace stripping
/// undoes the pretty-printing: real-world proof of the canonicalization (SignedInfo included).
#[test]
fn real_report_verifies_after_secl_style_stripping() {
    let xml = secl_strip(&read("saml_report.xml"));
    let now = datetime!(2022-12-01 00:00 UTC);
    let v = verify(&xml, &intel_saml_cert(), now, None).unwrap();
    assert_eq!(v.id, "MapAssertion");
    assert!(v.trust_overall());
    assert_eq!(v.tpm_version(), Some("2.0"));
    assert_eq!(
        v.hardware_uuid(),
        Some("0009e54e-642f-e511-906e-0012795d96dd")
    );
    assert_eq!(v.trust_flag("PLATFORM"), Some(true));
    assert_eq!(v.trust_flag("ASSET_TAG"), None);
    assert!(v.asset_tags().is_empty());
    let aik = v.aik_certificate_der().unwrap();
    let bk = v.binding_key_certificate_der().unwrap();
    assert_eq!(aik[0], 0x30);
    assert_eq!(bk[0], 0x30);

    // Outside the SAML certificate's validity (it expired 2023-11-23).
    assert_eq!(
        verify(
            &xml,
            &intel_saml_cert(),
            datetime!(2024-01-01 00:00 UTC),
            None
        ),
        Err(SamlError::CertificateExpired)
    );
    // Older than a one-hour policy.
    assert_eq!(
        verify(
            &xml,
            &intel_saml_cert(),
            now,
            Some(time::Duration::hours(1))
        ),
        Err(SamlError::TooOld)
    );
}

#[test]
fn intel_invalid_report_is_refused() {
    let xml = read("invalid_saml_report.xml");
    // Signed with another (2020) certificate: not the trusted one.
    assert_eq!(
        verify(
            &xml,
            &intel_saml_cert(),
            datetime!(2022-12-01 00:00 UTC),
            None
        ),
        Err(SamlError::UntrustedSigner)
    );
    // Even trusting its own certificate, in date, stripped as SecL does: the digest fails.
    let report = TrustReport::parse_unverified(&xml).unwrap();
    assert_eq!(report.issuer, "AttestationService");
    let text = String::from_utf8(xml.clone()).unwrap();
    let b64 = text
        .split("<X509Certificate>")
        .nth(1)
        .and_then(|s| s.split("</X509Certificate>").next())
        .unwrap();
    use base64::Engine;
    let own = base64::engine::general_purpose::STANDARD
        .decode(b64.split_whitespace().collect::<String>())
        .unwrap();
    let stripped = secl_strip(&xml);
    assert_eq!(
        verify(&stripped, &[own], datetime!(2021-01-01 00:00 UTC), None),
        Err(SamlError::DigestMismatch)
    );
}
