//! Interop with xmlsec1 (libxmlsec1 + libxml2), an independent XML-DSig implementation:
//! what `sign` produces xmlsec1 accepts, and what xmlsec1 signs `verify` accepts.

mod common;

use common::*;
use secl_saml::{
    ALG_C14N, ALG_C14N_WITH_COMMENTS, ALG_RSA_SHA256, DEFAULT_ASSERTION_ID, SamlError, verify,
};
use time::Duration;

/// Whitespace-only text between tags.
fn has_indentation(xml: &str) -> bool {
    xml.split('>')
        .skip(1)
        .any(|seg| seg.starts_with(char::is_whitespace) && seg.trim_start().starts_with('<'))
}

#[test]
fn our_signatures_verify_in_xmlsec1() {
    let s = signer();
    let now = now();
    for (i, id) in [DEFAULT_ASSERTION_ID, "report-3f2a9c", "_x.y-z"]
        .iter()
        .enumerate()
    {
        let mut report = sample_report(now - Duration::minutes(i as i64));
        // Also a report with no attributes, and one with many.
        if i == 1 {
            report.attributes.clear();
        }
        if i == 2 {
            for n in 0..200 {
                report
                    .attributes
                    .push((format!("TAG_k{n}"), format!("v&{n}<")));
            }
        }
        let signed = report.sign(id, &s.key, &s.cert_der).unwrap();
        assert!(!has_indentation(&signed), "no indentation is emitted");
        xmlsec_verify(&signed, &s.cert_pem())
            .unwrap_or_else(|e| panic!("xmlsec1 refused our signature for {id}: {e}\n{signed}"));
        let v = verify(signed.as_bytes(), &s.trusted(), now, None).unwrap();
        assert_eq!(v.id, *id);
    }
}

#[test]
fn xmlsec1_refuses_our_signature_once_altered() {
    let s = signer();
    let signed = sample_report(now())
        .sign(DEFAULT_ASSERTION_ID, &s.key, &s.cert_der)
        .unwrap();
    let altered = signed.replacen("Portland", "Portlanc", 1);
    assert!(xmlsec_verify(&altered, &s.cert_pem()).is_err());
}

#[test]
fn xmlsec1_signed_secl_template_verifies() {
    let s = signer();
    let now = now();
    let report = sample_report(now);
    let signed = xmlsec_sign(&default_template(&report, DEFAULT_ASSERTION_ID), s);
    let v = verify(
        signed.as_bytes(),
        &s.trusted(),
        now,
        Some(Duration::minutes(5)),
    )
    .unwrap_or_else(|e| panic!("{e}\n{signed}"));
    assert!(v.trust_overall());
    assert_eq!(
        v.hardware_uuid(),
        Some("0009e54e-642f-e511-906e-0012795d96dd")
    );
    assert_eq!(v.single("HostName"), Some("worker-1 <rack \"7\"> & 'co'"));
    // Literal CR survives because it is written as a character reference.
    assert_eq!(
        v.single("OSName"),
        Some("Debian\tGNU/Linux\r\nbookworm ]]> é 中")
    );
    assert_eq!(v.signer_cert_der, s.cert_der);
    assert_eq!(v.asset_tags(), vec![("Location", "Portland")]);
}

/// A document built to exercise C14N: XML declaration and comments outside the root, comments
/// inside, CRLF line ends, attributes and namespace declarations out of canonical order,
/// superfluous redeclarations, a default namespace and its undeclaration, xml:lang inherited
/// by SignedInfo, CDATA, character references, single quotes, empty elements, a PI.
fn odd_document(id: &str, now: time::OffsetDateTime, signature: &str) -> String {
    let t = secl_saml::format_instant(now);
    let until = secl_saml::format_instant(now + Duration::hours(1));
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\r\n<!-- before the root -->\r\n\
<s:Assertion xmlns:z=\"urn:z\" Version='2.0' xml:lang=\"en\" xmlns:s=\"urn:oasis:names:tc:SAML:2.0:assertion\" \
IssueInstant=\"{t}\" ID=\"{id}\" xmlns:a=\"urn:a\" a:zz=\"1\" z:aa=\"2\" b=\"3\"\r\n   xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\">\r\n\
  <!-- a comment inside, with <tags> &amp; stuff -->\r\n\
  <s:Issuer xmlns:s=\"urn:oasis:names:tc:SAML:2.0:assertion\" >Issuer &amp; Co &#x3C;x&#62;</s:Issuer>{signature}\r\n\
  <s:Subject xmlns=\"urn:default\">\r\n\
    <s:NameID Format='urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified'>HVS</s:NameID>\r\n\
    <s:SubjectConfirmation Method=\"urn:oasis:names:tc:SAML:2.0:cm:sender-vouches\">\r\n\
      <s:SubjectConfirmationData NotOnOrAfter=\"{until}\" NotBefore=\"{t}\"/>\r\n\
    </s:SubjectConfirmation>\r\n\
    <inner xmlns=\"\" attr=\"tab&#9;nl&#10;cr&#13; lit\ttab\nnl\" empty=''><deep xml:space=\"preserve\" \
 xmlns:b=\"urn:b\" xmlns:a=\"urn:a\">text &#13; cr, &gt; and ]]&gt; <![CDATA[cdata <here> & ]]>end</deep><e/>\
<?target some   data ?><x:y xmlns:x=\"urn:default\"/></inner>\r\n\
  </s:Subject>\r\n\
  <s:AttributeStatement><!-- attrs -->\r\n\
    <s:Attribute z:b=\"x\" a:b=\"y\" Name=\"TRUST_OVERALL\"><s:AttributeValue xsi:type=\"xsd:string\" \
xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">true</s:AttributeValue></s:Attribute>\r\n\
  </s:AttributeStatement>\r\n\
</s:Assertion>\r\n<!-- after the root -->\r\n"
    )
}

#[test]
fn xmlsec1_signed_odd_document_verifies_with_comments() {
    let s = signer();
    let now = now();
    let tmpl = signature_template(
        "odd-1",
        ALG_C14N_WITH_COMMENTS,
        ALG_RSA_SHA256,
        ALG_C14N_WITH_COMMENTS,
    );
    let signed = xmlsec_sign(&odd_document("odd-1", now, &tmpl), s);
    let v = verify(signed.as_bytes(), &s.trusted(), now, None)
        .unwrap_or_else(|e| panic!("{e}\n{signed}"));
    assert!(v.trust_overall());
    assert_eq!(v.issuer, "Issuer & Co <x>");

    // A bare-name `#ID` reference leaves comments out (XML-DSig 4.3.3.3), so xmlsec1 and we
    // accept a changed comment; text is what is signed.
    let changed = signed.replacen("a comment inside", "a comment inside!", 1);
    xmlsec_verify(&changed, &s.cert_pem()).unwrap();
    verify(changed.as_bytes(), &s.trusted(), now, None).unwrap();
    let changed = signed.replacen("Issuer &amp; Co", "Issuer &amp; Cx", 1);
    assert!(xmlsec_verify(&changed, &s.cert_pem()).is_err());
    assert_eq!(
        verify(changed.as_bytes(), &s.trusted(), now, None),
        Err(SamlError::DigestMismatch)
    );
}

#[test]
fn xmlsec1_signed_odd_document_verifies_without_comments() {
    let s = signer();
    let now = now();
    let tmpl = signature_template("odd-2", ALG_C14N, ALG_RSA_SHA256, ALG_C14N);
    let signed = xmlsec_sign(&odd_document("odd-2", now, &tmpl), s);
    let v = verify(signed.as_bytes(), &s.trusted(), now, None)
        .unwrap_or_else(|e| panic!("{e}\n{signed}"));
    assert!(v.trust_overall());

    // Comments are not signed here, so changing one does not matter...
    let changed = signed.replacen("a comment inside", "another comment", 1);
    verify(changed.as_bytes(), &s.trusted(), now, None).unwrap();
    // ...but text does.
    let changed = signed.replacen("cdata <here>", "cdata <HERE>", 1);
    assert_eq!(
        verify(changed.as_bytes(), &s.trusted(), now, None),
        Err(SamlError::DigestMismatch)
    );
}

#[test]
fn our_canonical_form_matches_xmlsec1_for_the_odd_document() {
    // Sign the odd document ourselves (Signature inserted after Issuer, the rest kept byte for
    // byte) and let xmlsec1 check both the digest and the SignedInfo canonical form.
    let s = signer();
    let now = now();
    let unsigned = odd_document("odd-3", now, "");
    let signed = secl_saml::sign(&unsigned, &s.key, &s.cert_der).unwrap();
    xmlsec_verify(&signed, &s.cert_pem()).unwrap_or_else(|e| panic!("{e}\n{signed}"));
    verify(signed.as_bytes(), &s.trusted(), now, None).unwrap();
}

#[test]
fn xmlsec1_rsa_sha1_is_refused() {
    let s = signer();
    let now = now();
    let signed = xmlsec_sign(&secl_template(&sample_report(now), "sha1", ALG_RSA_SHA1), s);
    // xmlsec1 itself accepts it; the strict profile does not.
    xmlsec_verify(&signed, &s.cert_pem()).unwrap();
    assert!(matches!(
        verify(signed.as_bytes(), &s.trusted(), now, None),
        Err(SamlError::UnsupportedAlgorithm(_))
    ));
}
