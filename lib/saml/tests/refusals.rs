//! The strict profile: everything the KBS must refuse, each with the error an audit record names.

mod common;

use common::*;
use secl_saml::{
    ALG_C14N, ALG_C14N_WITH_COMMENTS, ALG_RSA_SHA256, DEFAULT_ASSERTION_ID, SamlError, TrustReport,
    verify,
};
use time::{Duration, OffsetDateTime};

fn signed_report(now: OffsetDateTime) -> String {
    let s = signer();
    sample_report(now)
        .sign(DEFAULT_ASSERTION_ID, &s.key, &s.cert_der)
        .unwrap()
}

fn check(xml: &str, now: OffsetDateTime) -> Result<secl_saml::VerifiedReport, SamlError> {
    verify(xml.as_bytes(), &signer().trusted(), now, None)
}

/// The whole `<Signature ...>...</Signature>` element of a signed document.
fn signature_of(xml: &str) -> &str {
    let start = xml.find("<Signature ").unwrap();
    let end = xml.find("</Signature>").unwrap() + "</Signature>".len();
    &xml[start..end]
}

fn without_signature(xml: &str) -> String {
    xml.replacen(signature_of(xml), "", 1)
}

#[test]
fn valid_report_verifies_and_reads_attributes() {
    let now = now();
    let xml = signed_report(now);
    let v = check(&xml, now).unwrap();
    assert!(v.trust_overall());
    assert_eq!(v.issue_instant, now);
    assert_eq!(v.not_before, now);
    assert_eq!(v.not_on_or_after, now + Duration::days(1));
    assert_eq!(v.single("VMMVersion"), Some(""));
    // Exactly at NotBefore is valid; at NotOnOrAfter it is not.
    check(&xml, now).unwrap();
    assert_eq!(
        check(&xml, now + Duration::days(1)).unwrap_err(),
        SamlError::Expired
    );
    check(&xml, now + Duration::days(1) - Duration::seconds(1)).unwrap();
    // The model round-trips through the signed form.
    let back = TrustReport::parse_unverified(xml.as_bytes()).unwrap();
    assert_eq!(back, sample_report(now));
}

#[test]
fn reindented_document_is_refused() {
    let now = now();
    let xml = signed_report(now);
    let pretty = xml.replace("><", ">\n    <");
    assert_eq!(check(&pretty, now).unwrap_err(), SamlError::DigestMismatch);
    assert!(xmlsec_verify(&pretty, &signer().cert_pem()).is_err());
}

#[test]
fn altered_attribute_value_is_refused() {
    let now = now();
    let s = signer();
    let mut report = sample_report(now);
    for (k, v) in &mut report.attributes {
        if k == "TRUST_OVERALL" {
            *v = "false".into();
        }
    }
    let xml = report
        .sign(DEFAULT_ASSERTION_ID, &s.key, &s.cert_der)
        .unwrap();
    assert!(!check(&xml, now).unwrap().trust_overall());
    let needle = "Name=\"TRUST_OVERALL\"><saml2:AttributeValue";
    let at = xml.find(needle).unwrap();
    let (head, tail) = xml.split_at(at);
    let forged = format!("{head}{}", tail.replacen(">false<", ">true<", 1));
    assert_ne!(forged, xml);
    assert_eq!(check(&forged, now).unwrap_err(), SamlError::DigestMismatch);
}

#[test]
fn unsigned_report_is_refused() {
    let now = now();
    let unsigned = sample_report(now).to_unsigned_xml(DEFAULT_ASSERTION_ID);
    assert_eq!(check(&unsigned, now).unwrap_err(), SamlError::NotSigned);
    assert_eq!(
        check(&without_signature(&signed_report(now)), now).unwrap_err(),
        SamlError::NotSigned
    );
}

#[test]
fn wrong_reference_uri_is_refused() {
    let now = now();
    let xml = signed_report(now);
    let other = xml.replacen("URI=\"#MapAssertion\"", "URI=\"#Other\"", 1);
    assert!(matches!(
        check(&other, now),
        Err(SamlError::ReferenceMismatch(_))
    ));

    // A whole-document reference, validly signed by xmlsec1, is still not the profile.
    let s = signer();
    let template = default_template(&sample_report(now), DEFAULT_ASSERTION_ID).replacen(
        "URI=\"#MapAssertion\"",
        "URI=\"\"",
        1,
    );
    let signed = xmlsec_sign(&template, s);
    xmlsec_verify(&signed, &s.cert_pem()).unwrap();
    assert!(matches!(
        check(&signed, now),
        Err(SamlError::ReferenceMismatch(_))
    ));

    // Two references.
    let sig = signature_of(&xml);
    let reference = &sig[sig.find("<Reference ").unwrap()..sig.find("</Reference>").unwrap() + 12];
    let two = xml.replacen(reference, &format!("{reference}{reference}"), 1);
    assert!(matches!(
        check(&two, now),
        Err(SamlError::ReferenceMismatch(_))
    ));
}

#[test]
fn wrapping_attacks_are_refused() {
    let now = now();
    let xml = signed_report(now);
    let evil_unsigned = {
        let mut r = sample_report(now);
        r.attributes.push(("TAG_Evil".into(), "yes".into()));
        r.to_unsigned_xml("Evil")
    };

    // The genuine signed Assertion wrapped inside an evil root Assertion.
    let wrapped = evil_unsigned.replacen("</saml2:Issuer>", &format!("</saml2:Issuer>{xml}"), 1);
    assert_eq!(
        check(&wrapped, now).unwrap_err(),
        SamlError::SignatureMisplaced
    );

    // ... and the evil root borrowing the genuine ID.
    let same_id = wrapped.replacen("ID=\"Evil\"", "ID=\"MapAssertion\"", 1);
    assert_eq!(
        check(&same_id, now).unwrap_err(),
        SamlError::DuplicateId("MapAssertion".into())
    );

    // Classic XSW: the Signature moved onto an evil root, the genuine Assertion hidden in a
    // ds:Object inside it.
    let sig = signature_of(&xml);
    let hidden = without_signature(&xml);
    let xsw_sig = sig.replacen(
        "</Signature>",
        &format!("<Object>{hidden}</Object></Signature>"),
        1,
    );
    let xsw = evil_unsigned
        .replacen("ID=\"Evil\"", "ID=\"MapAssertion\"", 1)
        .replacen("</saml2:Issuer>", &format!("</saml2:Issuer>{xsw_sig}"), 1);
    assert_eq!(
        check(&xsw, now).unwrap_err(),
        SamlError::DuplicateId("MapAssertion".into())
    );
    // Same, with a different ID on the hidden copy: a second Assertion anywhere is refused.
    let xsw2 = xsw.replacen(
        "<Object><saml2:Assertion ID=\"MapAssertion\"",
        "<Object><saml2:Assertion ID=\"Hidden\"",
        1,
    );
    assert!(matches!(check(&xsw2, now), Err(SamlError::Malformed(_))));

    // An evil Assertion (different ID) placed inside the genuine one.
    let inner_evil = xml.replacen(
        "</saml2:Subject>",
        &format!("</saml2:Subject>{evil_unsigned}"),
        1,
    );
    assert!(matches!(
        check(&inner_evil, now),
        Err(SamlError::Malformed(_))
    ));

    // An evil element with the same ID placed elsewhere.
    let dup = xml.replacen(
        "<saml2:AttributeStatement>",
        "<saml2:AttributeStatement><saml2:Attribute ID=\"MapAssertion\" Name=\"TAG_x\"/>",
        1,
    );
    assert_eq!(
        check(&dup, now).unwrap_err(),
        SamlError::DuplicateId("MapAssertion".into())
    );
    let dup_xml_id = xml.replacen(
        "<saml2:Subject>",
        "<saml2:Subject xml:id=\"MapAssertion\">",
        1,
    );
    assert_eq!(
        check(&dup_xml_id, now).unwrap_err(),
        SamlError::DuplicateId("MapAssertion".into())
    );

    // The Signature moved into Subject.
    let moved =
        without_signature(&xml).replacen("<saml2:Subject>", &format!("<saml2:Subject>{sig}"), 1);
    assert_eq!(
        check(&moved, now).unwrap_err(),
        SamlError::SignatureMisplaced
    );

    // The Signature outside the Assertion, both under a wrapper element.
    let outside = format!("<Wrapper>{sig}{}</Wrapper>", without_signature(&xml));
    assert!(matches!(check(&outside, now), Err(SamlError::Malformed(_))));

    // A second Signature.
    let twice = xml.replacen(sig, &format!("{sig}{sig}"), 1);
    assert_eq!(
        check(&twice, now).unwrap_err(),
        SamlError::MultipleSignatures
    );
}

#[test]
fn injected_attributes_fail_the_digest() {
    let now = now();
    let xml = signed_report(now);
    let extra_attr = xml.replacen(
        "<saml2:AttributeStatement>",
        "<saml2:AttributeStatement><saml2:Attribute Name=\"TAG_Location\"><saml2:AttributeValue>Vault</saml2:AttributeValue></saml2:Attribute>",
        1,
    );
    assert_eq!(
        check(&extra_attr, now).unwrap_err(),
        SamlError::DigestMismatch
    );
    let extra_statement = xml.replacen(
        "</saml2:Assertion>",
        "<saml2:AttributeStatement><saml2:Attribute Name=\"TRUST_OVERALL\"><saml2:AttributeValue>true</saml2:AttributeValue></saml2:Attribute></saml2:AttributeStatement></saml2:Assertion>",
        1,
    );
    assert_eq!(
        check(&extra_statement, now).unwrap_err(),
        SamlError::DigestMismatch
    );
    assert!(xmlsec_verify(&extra_statement, &signer().cert_pem()).is_err());
}

#[test]
fn comment_injection_is_refused() {
    // Comments are outside a bare-name reference's digest (xmlsec1 accepts the result), so a
    // comment splitting a value must not be read as anything: it is refused as malformed.
    let now = now();
    let xml = signed_report(now);
    let split = xml.replacen(
        "0009e54e-642f-e511-906e-0012795d96dd",
        "0009e54e-642f-e511-906e<!---->-0012795d96dd",
        1,
    );
    xmlsec_verify(&split, &signer().cert_pem()).unwrap();
    assert!(matches!(check(&split, now), Err(SamlError::Malformed(_))));
}

#[test]
fn comments_inside_signed_info_are_signed() {
    let s = signer();
    let now = now();
    let template = default_template(&sample_report(now), DEFAULT_ASSERTION_ID).replacen(
        "<SignedInfo>",
        "<SignedInfo><!-- signed comment -->",
        1,
    );
    let signed = xmlsec_sign(&template, s);
    check(&signed, now).unwrap();
    let changed = signed.replacen("signed comment", "signed commenT", 1);
    assert_eq!(check(&changed, now).unwrap_err(), SamlError::BadSignature);

    // Under plain C14N for SignedInfo the comment is not signed.
    let template = secl_template(&sample_report(now), DEFAULT_ASSERTION_ID, ALG_RSA_SHA256)
        .replacen(
            &format!("<CanonicalizationMethod Algorithm=\"{ALG_C14N_WITH_COMMENTS}\"/>"),
            &format!("<!-- unsigned comment --><CanonicalizationMethod Algorithm=\"{ALG_C14N}\"/>"),
            1,
        );
    let signed = xmlsec_sign(&template, s);
    check(&signed, now).unwrap();
    check(
        &signed.replacen("unsigned comment", "unsigned commenT", 1),
        now,
    )
    .unwrap();
}

#[test]
fn doctype_and_entities_are_refused() {
    let now = now();
    let xml = signed_report(now);
    let with_entity = format!(
        "<!DOCTYPE saml2:Assertion [<!ENTITY t \"true\">]>{}",
        xml.replacen(">true<", ">&t;<", 1)
    );
    assert_eq!(check(&with_entity, now).unwrap_err(), SamlError::Doctype);
    let plain = format!("<?xml version=\"1.0\"?><!doctype x>{xml}");
    assert_eq!(check(&plain, now).unwrap_err(), SamlError::Doctype);
    let laughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><l>&b;</l>";
    assert_eq!(check(laughs, now).unwrap_err(), SamlError::Doctype);
    // Another declared encoding would make the signer see other characters.
    let latin1 = format!("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>{xml}");
    assert!(matches!(check(&latin1, now), Err(SamlError::Malformed(_))));
    let utf8 = format!("<?xml version=\"1.0\" encoding='UTF-8'?>\n{xml}");
    check(&utf8, now).unwrap();
    // An undeclared entity is simply not XML.
    let undeclared = xml.replacen(">true<", ">&t;<", 1);
    assert!(matches!(
        check(&undeclared, now),
        Err(SamlError::Malformed(_))
    ));
}

#[test]
fn validity_window_and_age_are_enforced() {
    let now = now();
    let xml = signed_report(now);
    assert_eq!(
        check(&xml, now - Duration::hours(1)).unwrap_err(),
        SamlError::NotYetValid
    );
    assert_eq!(
        check(&xml, now + Duration::days(2)).unwrap_err(),
        SamlError::Expired
    );
    let trusted = signer().trusted();
    let later = now + Duration::minutes(10);
    assert_eq!(
        verify(xml.as_bytes(), &trusted, later, Some(Duration::minutes(5))).unwrap_err(),
        SamlError::TooOld
    );
    verify(xml.as_bytes(), &trusted, later, Some(Duration::minutes(10))).unwrap();

    // A signed Conditions element narrows the window further.
    let s = signer();
    let unsigned = sample_report(now).to_unsigned_xml("cond").replacen(
        "<saml2:AttributeStatement>",
        &format!(
            "<saml2:Conditions NotBefore=\"{}\" NotOnOrAfter=\"{}\"/><saml2:AttributeStatement>",
            secl_saml::format_instant(now),
            secl_saml::format_instant(now + Duration::hours(1))
        ),
        1,
    );
    let signed = secl_saml::sign(&unsigned, &s.key, &s.cert_der).unwrap();
    let v = check(&signed, now).unwrap();
    assert_eq!(v.not_on_or_after, now + Duration::hours(1));
    assert_eq!(
        check(&signed, now + Duration::hours(2)).unwrap_err(),
        SamlError::Expired
    );
}

#[test]
fn untrusted_signers_are_refused() {
    let now = now();
    let xml = signed_report(now);
    let other = Signer::new("someone else", 30, 30);
    // Trusting only another certificate.
    assert_eq!(
        verify(xml.as_bytes(), &other.trusted(), now, None).unwrap_err(),
        SamlError::UntrustedSigner
    );
    assert_eq!(
        verify(xml.as_bytes(), &[], now, None).unwrap_err(),
        SamlError::UntrustedSigner
    );

    // Signed by an attacker who embeds the trusted certificate: the key does not match.
    let forged = sample_report(now)
        .sign(DEFAULT_ASSERTION_ID, &other.key, &other.cert_der)
        .unwrap();
    let b64 = |der: &[u8]| {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD.encode(der)
    };
    let forged = forged.replacen(&b64(&other.cert_der), &b64(&signer().cert_der), 1);
    assert_eq!(check(&forged, now).unwrap_err(), SamlError::BadSignature);

    // Without KeyInfo any trusted certificate may verify, but only the right one does.
    let sig = signature_of(&xml);
    let key_info = &sig[sig.find("<KeyInfo>").unwrap()..sig.find("</KeyInfo>").unwrap() + 10];
    let bare = xml.replacen(key_info, "", 1);
    let v = verify(
        bare.as_bytes(),
        &[other.cert_der.clone(), signer().cert_der.clone()],
        now,
        None,
    )
    .unwrap();
    assert_eq!(v.signer_cert_der, signer().cert_der);
    assert_eq!(
        verify(bare.as_bytes(), &other.trusted(), now, None).unwrap_err(),
        SamlError::BadSignature
    );
}

#[test]
fn signer_certificate_outside_validity_is_refused() {
    let short = Signer::new("short-lived", 1, 1);
    let now = now();
    let mut report = sample_report(now - Duration::days(5));
    report.not_on_or_after = now + Duration::days(5);
    let xml = report
        .sign(DEFAULT_ASSERTION_ID, &short.key, &short.cert_der)
        .unwrap();
    verify(xml.as_bytes(), &short.trusted(), now, None).unwrap();
    assert_eq!(
        verify(
            xml.as_bytes(),
            &short.trusted(),
            now + Duration::days(3),
            None
        )
        .unwrap_err(),
        SamlError::CertificateExpired
    );
    assert_eq!(
        verify(
            xml.as_bytes(),
            &short.trusted(),
            now - Duration::days(3),
            None
        )
        .unwrap_err(),
        SamlError::CertificateNotYetValid
    );
}

#[test]
fn algorithms_outside_the_profile_are_refused() {
    let now = now();
    let xml = signed_report(now);
    let unsupported = |from: &str, to: &str| {
        assert!(xml.contains(from), "{from}");
        let changed = xml.replacen(from, to, 1);
        match check(&changed, now) {
            Err(SamlError::UnsupportedAlgorithm(_)) => {}
            other => panic!("{to}: {other:?}"),
        }
    };
    let exc = "http://www.w3.org/2001/10/xml-exc-c14n#";
    unsupported(
        &format!("<CanonicalizationMethod Algorithm=\"{ALG_C14N_WITH_COMMENTS}\""),
        &format!("<CanonicalizationMethod Algorithm=\"{exc}\""),
    );
    unsupported(
        "<DigestMethod Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"",
        "<DigestMethod Algorithm=\"http://www.w3.org/2000/09/xmldsig#sha1\"",
    );
    unsupported(
        "<Transform Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"/>",
        "",
    );
    unsupported(
        "</Transforms>",
        &format!("<Transform Algorithm=\"{exc}\"/></Transforms>"),
    );
    unsupported(
        &format!("<Transform Algorithm=\"{ALG_C14N_WITH_COMMENTS}\"/>"),
        &format!("<Transform Algorithm=\"{exc}\"/>"),
    );
    unsupported(
        "<SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>",
        "<SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"><HMACOutputLength>8</HMACOutputLength></SignatureMethod>",
    );
}

#[test]
fn signing_refuses_bad_input() {
    let s = signer();
    let other = Signer::new("other", 30, 30);
    let report = sample_report(now());
    assert!(matches!(
        report.sign(DEFAULT_ASSERTION_ID, &s.key, &other.cert_der),
        Err(SamlError::Signing(_))
    ));
    assert!(matches!(
        report.sign("1bad id", &s.key, &s.cert_der),
        Err(SamlError::Malformed(_))
    ));
    let signed = report
        .sign(DEFAULT_ASSERTION_ID, &s.key, &s.cert_der)
        .unwrap();
    assert!(matches!(
        secl_saml::sign(&signed, &s.key, &s.cert_der),
        Err(SamlError::Malformed(_))
    ));
    assert_eq!(
        secl_saml::sign("<!DOCTYPE a><a/>", &s.key, &s.cert_der),
        Err(SamlError::Doctype)
    );
}
