//! Enveloped XML-DSig signing exactly as SecL's HVS does it (goxmldsig `SignEnveloped`).

use rsa::pkcs8::DecodePublicKey;
use rsa::{Pkcs1v15Sign, PrivateKey, PublicKey};
use sha2::{Digest, Sha256};

use crate::c14n::canonicalize;
use crate::report::TrustReport;
use crate::xml::{encode_b64, escape_attr, is, parse};
use crate::{
    ALG_C14N_WITH_COMMENTS, ALG_ENVELOPED, ALG_RSA_SHA256, ALG_SHA256, DSIG_NS, Result, SAML_NS,
    SamlError,
};

impl TrustReport {
    /// Builds the assertion with `id` and signs it (see [`sign`]).
    pub fn sign(&self, id: &str, key: &PrivateKey, cert_der: &[u8]) -> Result<String> {
        sign(&self.to_unsigned_xml(id), key, cert_der)
    }
}

/// Signs an unsigned SAML assertion: the Signature goes right after `saml2:Issuer` (first child
/// if there is none), references the root by `#ID`, uses the enveloped and C14N-with-comments
/// transforms, SHA-256 and RSA-SHA256, and embeds `cert_der` in KeyInfo. The rest of the input
/// is kept byte for byte, so a caller that sends the result sends exactly what was signed.
pub fn sign(unsigned_xml: &str, key: &PrivateKey, cert_der: &[u8]) -> Result<String> {
    check_key_matches_cert(key, cert_der)?;
    let doc = parse(unsigned_xml)?;
    let root = doc.root_element();
    if !is(root, SAML_NS, "Assertion") {
        return Err(SamlError::malformed(
            "document element is not a saml2:Assertion",
        ));
    }
    let id = root
        .attribute("ID")
        .ok_or_else(|| SamlError::malformed("Assertion has no ID"))?;
    if !is_ncname(id) {
        return Err(SamlError::malformed("Assertion ID is not an XML name"));
    }
    if doc.descendants().any(|n| is(n, DSIG_NS, "Signature")) {
        return Err(SamlError::malformed("document is already signed"));
    }
    if doc
        .descendants()
        .filter(|n| n.is_element() && *n != root)
        .any(|n| {
            n.attributes()
                .any(|a| a.name().eq_ignore_ascii_case("id") && a.value() == id)
        })
    {
        return Err(SamlError::DuplicateId(id.to_owned()));
    }

    // Nothing is in the document yet that the enveloped transform would remove; the bare-name
    // `#ID` reference leaves comments out (XML-DSig 4.3.3.3) whatever the c14n transform says.
    let digest = Sha256::digest(canonicalize(root, None, false)?.as_bytes());

    let insert_at = match root.children().find(|n| is(*n, SAML_NS, "Issuer")) {
        Some(issuer) => issuer.range().end,
        None => start_tag_end(unsigned_xml, root.range().start)?,
    };
    let (head, tail) = unsigned_xml
        .split_at_checked(insert_at)
        .ok_or_else(|| SamlError::malformed("cannot place the Signature"))?;

    let mut sig_open = String::new();
    sig_open.push_str("<Signature xmlns=\"");
    sig_open.push_str(DSIG_NS);
    sig_open.push_str("\"><SignedInfo><CanonicalizationMethod Algorithm=\"");
    sig_open.push_str(ALG_C14N_WITH_COMMENTS);
    sig_open.push_str("\"/><SignatureMethod Algorithm=\"");
    sig_open.push_str(ALG_RSA_SHA256);
    sig_open.push_str("\"/><Reference URI=\"#");
    escape_attr(id, &mut sig_open);
    sig_open.push_str("\"><Transforms><Transform Algorithm=\"");
    sig_open.push_str(ALG_ENVELOPED);
    sig_open.push_str("\"/><Transform Algorithm=\"");
    sig_open.push_str(ALG_C14N_WITH_COMMENTS);
    sig_open.push_str("\"/></Transforms><DigestMethod Algorithm=\"");
    sig_open.push_str(ALG_SHA256);
    sig_open.push_str("\"/><DigestValue>");
    sig_open.push_str(&encode_b64(&digest));
    sig_open.push_str("</DigestValue></Reference></SignedInfo><SignatureValue>");
    let mut sig_close = String::new();
    sig_close.push_str("</SignatureValue><KeyInfo><X509Data><X509Certificate>");
    sig_close.push_str(&encode_b64(cert_der));
    sig_close.push_str("</X509Certificate></X509Data></KeyInfo></Signature>");

    // SignedInfo is canonicalized in its final context (inclusive C14N pulls in the
    // ancestors' namespaces), so canonicalize it inside the assembled document.
    let draft = [head, &sig_open, &sig_close, tail].concat();
    let signed_info_c14n = {
        let doc = parse(&draft)?;
        let signed_info = doc
            .descendants()
            .find(|n| is(*n, DSIG_NS, "SignedInfo"))
            .ok_or_else(|| SamlError::Signing("SignedInfo vanished".into()))?;
        canonicalize(signed_info, None, true)?
    };
    let hashed = Sha256::digest(signed_info_c14n.as_bytes());
    let signature = key
        .sign(Pkcs1v15Sign::new::<Sha256>(), &hashed)
        .map_err(|e| SamlError::Signing(e.to_string()))?;

    Ok([head, &sig_open, &encode_b64(&signature), &sig_close, tail].concat())
}

/// A signature under a key that does not match the embedded certificate would never verify;
/// catching it here names the real mistake.
fn check_key_matches_cert(key: &PrivateKey, cert_der: &[u8]) -> Result<()> {
    let (_, cert) = x509_parser::parse_x509_certificate(cert_der)
        .map_err(|_| SamlError::Signing("signer certificate is not valid DER".into()))?;
    let cert_key = PublicKey::from_public_key_der(cert.public_key().raw)
        .map_err(|_| SamlError::Signing("signer certificate does not hold an RSA key".into()))?;
    if &cert_key != key.as_ref() {
        return Err(SamlError::Signing(
            "private key does not match the certificate".into(),
        ));
    }
    Ok(())
}

/// Offset just after the `>` of the start tag beginning at `start` (attribute values may
/// contain `>`, so quotes are skipped).
fn start_tag_end(text: &str, start: usize) -> Result<usize> {
    let bytes = text.as_bytes();
    let mut quote = None;
    for (i, b) in bytes.iter().enumerate().skip(start) {
        match (quote, *b) {
            (None, b'"' | b'\'') => quote = Some(*b),
            (Some(q), c) if c == q => quote = None,
            (None, b'>') => {
                if i > 0 && bytes[i - 1] == b'/' {
                    return Err(SamlError::malformed("Assertion is empty"));
                }
                return Ok(i + 1);
            }
            _ => {}
        }
    }
    Err(SamlError::malformed("unterminated start tag"))
}

/// Restricts IDs to XML NCNames so `#ID` is an unambiguous same-document reference.
fn is_ncname(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_alphabetic() || c == '_' => {}
        _ => return false,
    }
    chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}
