//! Strict verification of SecL trust reports.
//!
//! Order follows goxmldsig (structure, signer certificate, digest, signature value) so results
//! compare with SecL's, then the validity window, which SecL's KBS skips and this one enforces.

use std::collections::BTreeMap;

use roxmltree::Node;
use rsa::pkcs8::DecodePublicKey;
use rsa::traits::PublicKeyParts;
use rsa::{Pkcs1v15Sign, PublicKey};
use rustls_pki_types::CertificateDer;
use rustls_pki_types::pem::PemObject;
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

use crate::c14n::canonicalize;
use crate::report::read_assertion;
use crate::xml::{decode_b64, element_children, is, leaf_text, parse};
use crate::{
    ALG_C14N, ALG_C14N_WITH_COMMENTS, ALG_ENVELOPED, ALG_RSA_SHA256, ALG_SHA256, DSIG_NS, Result,
    SAML_NS, SamlError,
};

/// Larger input is refused before parsing; a SecL report is about 20 KiB.
pub const MAX_REPORT_BYTES: usize = 1 << 20;

/// A report whose signature, signer and validity window have been checked. Every field comes
/// from the root Assertion whose digest was verified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedReport {
    /// The root Assertion's ID (the one the Reference named).
    pub id: String,
    /// `saml2:Issuer`.
    pub issuer: String,
    /// `IssueInstant`.
    pub issue_instant: OffsetDateTime,
    /// The effective start of validity (SubjectConfirmationData and Conditions, the later).
    pub not_before: OffsetDateTime,
    /// The effective end of validity (the earlier of both).
    pub not_on_or_after: OffsetDateTime,
    /// Attribute name to its values, in document order.
    pub attributes: BTreeMap<String, Vec<String>>,
    /// The trusted certificate (DER) whose key verified the signature.
    pub signer_cert_der: Vec<u8>,
}

impl VerifiedReport {
    /// The attribute's value if it occurs exactly once with exactly one value: a repeated
    /// attribute is ambiguous and is treated as absent.
    pub fn single(&self, name: &str) -> Option<&str> {
        match self.attributes.get(name).map(Vec::as_slice) {
            Some([v]) => Some(v.as_str()),
            _ => None,
        }
    }

    /// `TRUST_OVERALL` is exactly `true`.
    pub fn trust_overall(&self) -> bool {
        self.single("TRUST_OVERALL") == Some("true")
    }

    /// A `TRUST_*` flag (`PLATFORM`, `OS`, `HOST_UNIQUE`, `SOFTWARE`, `ASSET_TAG`, `IMA`):
    /// `Some(true|false)`, `None` for `NA` or absent.
    pub fn trust_flag(&self, part: &str) -> Option<bool> {
        match self.single(&format!("TRUST_{part}")) {
            Some("true") => Some(true),
            Some("false") => Some(false),
            _ => None,
        }
    }

    /// `HardwareUUID`.
    pub fn hardware_uuid(&self) -> Option<&str> {
        self.single("HardwareUUID")
    }

    /// `TPMVersion` (SecL's KBS looks for `tpmVersion` and so never checks it).
    pub fn tpm_version(&self) -> Option<&str> {
        self.single("TPMVersion")
    }

    /// The AIK certificate (DER).
    pub fn aik_certificate_der(&self) -> Result<Vec<u8>> {
        self.der_attribute("AIK_Certificate")
    }

    /// The binding-key certificate (DER).
    pub fn binding_key_certificate_der(&self) -> Result<Vec<u8>> {
        self.der_attribute("Binding_Key_Certificate")
    }

    /// Asset tags: `TAG_<name>` attributes as `(name, first value)`, names as written (SecL's
    /// KBS compares them case-insensitively).
    pub fn asset_tags(&self) -> Vec<(&str, &str)> {
        self.attributes
            .iter()
            .filter_map(|(k, v)| {
                let name = k.strip_prefix("TAG_")?;
                v.first().map(|v| (name, v.as_str()))
            })
            .collect()
    }

    fn der_attribute(&self, name: &str) -> Result<Vec<u8>> {
        let v = self
            .single(name)
            .ok_or_else(|| SamlError::MissingAttribute(name.to_owned()))?;
        decode_b64(v, name).map_err(|_| SamlError::MissingAttribute(name.to_owned()))
    }
}

/// Splits a PEM bundle into DER certificates (the form [`verify`] takes). SecL uses only the
/// first certificate of an imported SAML file as the trust anchor; callers decide.
pub fn certs_from_pem(pem: &[u8]) -> Result<Vec<Vec<u8>>> {
    let certs = CertificateDer::pem_slice_iter(pem)
        .map(|c| c.map(|c| c.as_ref().to_vec()))
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| SamlError::malformed(format!("bad PEM: {e}")))?;
    if certs.is_empty() {
        return Err(SamlError::malformed("no CERTIFICATE in PEM"));
    }
    Ok(certs)
}

pub(crate) fn as_text(xml: &[u8]) -> Result<&str> {
    if xml.len() > MAX_REPORT_BYTES {
        return Err(SamlError::malformed("report is too large"));
    }
    std::str::from_utf8(xml).map_err(|_| SamlError::malformed("report is not UTF-8"))
}

/// The parsed ds:Signature of the strict profile.
struct SignatureParts<'a, 'i> {
    element: Node<'a, 'i>,
    signed_info: Node<'a, 'i>,
    signed_info_comments: bool,
    digest_value: Vec<u8>,
    signature_value: Vec<u8>,
    embedded_cert: Option<Vec<u8>>,
}

/// Verifies `xml` under the strict profile and returns what the signed root Assertion says.
///
/// `trusted_certs` are DER certificates; the signer must be byte-equal to the embedded
/// KeyInfo certificate (SecL's rule) or, without KeyInfo, any trusted certificate whose key
/// verifies. The signer certificate must be valid at `now`; so must the report
/// (NotBefore <= now < NotOnOrAfter); with `max_age`, `now - IssueInstant <= max_age`.
/// No clock skew is allowed for; callers wanting some adjust `now`.
///
/// Comments are outside the digest of a bare-name `#ID` reference (XML-DSig 4.3.3.3, as
/// xmlsec1 does), so a comment inside any value that is read is refused as malformed rather
/// than letting it split a value unnoticed.
pub fn verify(
    xml: &[u8],
    trusted_certs: &[Vec<u8>],
    now: OffsetDateTime,
    max_age: Option<Duration>,
) -> Result<VerifiedReport> {
    verify_with(xml, &TrustedSigners::new(trusted_certs), now, max_age)
}

/// A trusted signer certificate, parsed once: its validity and a key ready for verification.
#[derive(Debug, Clone)]
struct Signer {
    der: Vec<u8>,
    /// `None` if the certificate is unusable (unparsable, trailing bytes, not an RSA key).
    parsed: Option<(SignerKey, OffsetDateTime, OffsetDateTime)>,
}

/// How a signer's RSA key verifies: ring's PKCS#1 v1.5 verifier (several times faster) for the
/// sizes and exponents it supports, the `rsa` crate for anything else it accepted before.
#[derive(Debug, Clone)]
enum SignerKey {
    /// Big-endian modulus and exponent without leading zeros.
    Ring {
        n: Vec<u8>,
        e: Vec<u8>,
    },
    Rsa(Box<PublicKey>),
}

impl SignerKey {
    fn new(key: PublicKey) -> Self {
        let trim = |b: Box<[u8]>| {
            let skip = b.iter().take_while(|x| **x == 0).count();
            b[skip..].to_vec()
        };
        let (n, e) = (trim(key.n_bytes()), trim(key.e_bytes()));
        let bits = key.n().bit_width_vartime();
        let e_bits = key.e().bit_width_vartime();
        let e_odd = e.last().is_some_and(|b| b & 1 == 1);
        // ring's RSA_PKCS1_2048_8192_SHA256 takes a 2048..=8192-bit modulus, odd 3 <= e < 2^33.
        if (2048..=8192).contains(&bits) && (2..=33).contains(&e_bits) && e_odd {
            SignerKey::Ring { n, e }
        } else {
            SignerKey::Rsa(Box::new(key))
        }
    }

    /// Whether `signature` is an RSASSA-PKCS1-v1_5 SHA-256 signature of `message`.
    fn verifies(&self, message: &[u8], signature: &[u8]) -> bool {
        match self {
            SignerKey::Ring { n, e } => ring::signature::RsaPublicKeyComponents { n, e }
                .verify(
                    &ring::signature::RSA_PKCS1_2048_8192_SHA256,
                    message,
                    signature,
                )
                .is_ok(),
            SignerKey::Rsa(key) => key
                .verify(
                    Pkcs1v15Sign::new::<Sha256>(),
                    &Sha256::digest(message),
                    signature,
                )
                .is_ok(),
        }
    }
}

/// Trusted SAML signer certificates (DER), parsed once so that a caller verifying many reports
/// (the KBS) does not parse certificates and RSA keys on every report. [`verify_with`] under
/// these behaves exactly as [`verify`] under the same DER list.
#[derive(Debug, Clone, Default)]
pub struct TrustedSigners {
    signers: Vec<Signer>,
}

impl TrustedSigners {
    /// Parses `trusted_certs`; an unusable certificate is kept but can never verify.
    pub fn new(trusted_certs: &[Vec<u8>]) -> Self {
        Self {
            signers: trusted_certs
                .iter()
                .map(|der| Signer {
                    der: der.clone(),
                    parsed: parse_cert(der).map(|(k, nb, na)| (SignerKey::new(k), nb, na)),
                })
                .collect(),
        }
    }

    /// The certificates, in the order given.
    pub fn certificates(&self) -> impl Iterator<Item = &[u8]> {
        self.signers.iter().map(|s| s.der.as_slice())
    }

    /// The validity window (not before, not after) of a trusted certificate byte-equal to
    /// `der`, if it is one and is usable.
    pub fn validity(&self, der: &[u8]) -> Option<(OffsetDateTime, OffsetDateTime)> {
        self.signers
            .iter()
            .find(|s| s.der == der)
            .and_then(|s| s.parsed.as_ref())
            .map(|(_, nb, na)| (*nb, *na))
    }
}

/// [`verify`] under signer certificates parsed in advance.
pub fn verify_with(
    xml: &[u8],
    trusted: &TrustedSigners,
    now: OffsetDateTime,
    max_age: Option<Duration>,
) -> Result<VerifiedReport> {
    let text = as_text(xml)?;
    let doc = parse(text)?;
    let root = doc.root_element();
    if !is(root, SAML_NS, "Assertion") {
        return Err(SamlError::malformed(
            "document element is not a saml2:Assertion",
        ));
    }
    let id = root
        .attribute("ID")
        .filter(|v| !v.is_empty())
        .ok_or_else(|| SamlError::malformed("Assertion has no ID"))?;

    // No second element may answer to the ID the Reference names (ID, Id, id, xml:id...).
    for n in doc.descendants().filter(|n| n.is_element() && *n != root) {
        if n.attributes()
            .any(|a| a.name().eq_ignore_ascii_case("id") && a.value() == id)
        {
            return Err(SamlError::DuplicateId(id.to_owned()));
        }
    }

    let mut signatures = doc.descendants().filter(|n| is(*n, DSIG_NS, "Signature"));
    let signature = signatures.next().ok_or(SamlError::NotSigned)?;
    if signatures.next().is_some() {
        return Err(SamlError::MultipleSignatures);
    }
    if signature.parent() != Some(root) {
        return Err(SamlError::SignatureMisplaced);
    }
    if doc
        .descendants()
        .any(|n| n != root && is(n, SAML_NS, "Assertion"))
    {
        return Err(SamlError::malformed("a second saml2:Assertion is present"));
    }

    let sig = parse_signature(signature, id)?;

    // Signer: goxmldsig's rule is a trusted certificate byte-equal to the embedded one.
    let candidates: Vec<&Signer> = match &sig.embedded_cert {
        Some(embedded) => {
            let c: Vec<_> = trusted
                .signers
                .iter()
                .filter(|t| t.der == *embedded)
                .collect();
            if c.is_empty() {
                return Err(SamlError::UntrustedSigner);
            }
            c
        }
        None => trusted.signers.iter().collect(),
    };
    let mut keys = Vec::new();
    let mut validity_error = None;
    for signer in candidates {
        let Some((key, not_before, not_after)) = &signer.parsed else {
            continue;
        };
        if now < *not_before {
            validity_error.get_or_insert(SamlError::CertificateNotYetValid);
        } else if now > *not_after {
            validity_error.get_or_insert(SamlError::CertificateExpired);
        } else {
            keys.push((key, &signer.der));
        }
    }
    if keys.is_empty() {
        return Err(validity_error.unwrap_or(SamlError::UntrustedSigner));
    }

    // Reference digest over the root Assertion minus the enveloped Signature. A bare-name
    // `#ID` reference selects the element WITHOUT comments (XML-DSig 4.3.3.3), so comments are
    // dropped even under the WithComments transform, as xmlsec1 does.
    let signed = canonicalize(root, Some(sig.element.id()), false)?;
    if Sha256::digest(signed.as_bytes()).as_slice() != sig.digest_value.as_slice() {
        return Err(SamlError::DigestMismatch);
    }

    let signed_info = canonicalize(sig.signed_info, None, sig.signed_info_comments)?;
    let signer = keys
        .into_iter()
        .find(|(key, _)| key.verifies(signed_info.as_bytes(), &sig.signature_value))
        .map(|(_, der)| der.clone())
        .ok_or(SamlError::BadSignature)?;

    // Only now is the content trusted; read it from the very element that was digested.
    let fields = read_assertion(root)?;
    let not_before = match fields.conditions.0 {
        Some(c) => c.max(fields.not_before),
        None => fields.not_before,
    };
    let not_on_or_after = match fields.conditions.1 {
        Some(c) => c.min(fields.not_on_or_after),
        None => fields.not_on_or_after,
    };
    if now < not_before {
        return Err(SamlError::NotYetValid);
    }
    if now >= not_on_or_after {
        return Err(SamlError::Expired);
    }
    if let Some(max_age) = max_age
        && now - fields.issue_instant > max_age
    {
        return Err(SamlError::TooOld);
    }
    Ok(VerifiedReport {
        id: fields.id,
        issuer: fields.issuer,
        issue_instant: fields.issue_instant,
        not_before,
        not_on_or_after,
        attributes: fields.attributes,
        signer_cert_der: signer,
    })
}

/// The RSA key and validity window of a DER certificate; `None` if unusable.
fn parse_cert(der: &[u8]) -> Option<(PublicKey, OffsetDateTime, OffsetDateTime)> {
    let (rest, cert) = x509_parser::parse_x509_certificate(der).ok()?;
    if !rest.is_empty() {
        return None;
    }
    let key = PublicKey::from_public_key_der(cert.public_key().raw).ok()?;
    let validity = cert.validity();
    let nb = OffsetDateTime::from_unix_timestamp(validity.not_before.timestamp()).ok()?;
    let na = OffsetDateTime::from_unix_timestamp(validity.not_after.timestamp()).ok()?;
    Some((key, nb, na))
}

fn algorithm<'a>(node: Node<'a, '_>) -> Result<&'a str> {
    node.attribute("Algorithm").ok_or_else(|| {
        SamlError::malformed(format!("<{}> has no Algorithm", node.tag_name().name()))
    })
}

/// An algorithm element must be empty: parameters (HMACOutputLength, InclusiveNamespaces,
/// XPath) are outside the profile.
fn no_parameters(node: Node<'_, '_>) -> Result<()> {
    if element_children(node)?.is_empty() {
        Ok(())
    } else {
        Err(SamlError::UnsupportedAlgorithm(format!(
            "parameters inside <{}>",
            node.tag_name().name()
        )))
    }
}

fn c14n_comments(alg: &str) -> Result<bool> {
    match alg {
        ALG_C14N_WITH_COMMENTS => Ok(true),
        ALG_C14N => Ok(false),
        other => Err(SamlError::UnsupportedAlgorithm(format!(
            "canonicalization {other}"
        ))),
    }
}

fn dsig_children<'a, 'i>(node: Node<'a, 'i>) -> Result<Vec<Node<'a, 'i>>> {
    let children = element_children(node)?;
    if let Some(c) = children
        .iter()
        .find(|c| c.tag_name().namespace() != Some(DSIG_NS))
    {
        return Err(SamlError::malformed(format!(
            "unexpected <{}> inside <{}>",
            c.tag_name().name(),
            node.tag_name().name()
        )));
    }
    Ok(children)
}

fn named<'a, 'i>(nodes: &[Node<'a, 'i>], expected: &[&str], parent: &str) -> Result<()> {
    let names: Vec<&str> = nodes.iter().map(|n| n.tag_name().name()).collect();
    if names != expected {
        return Err(SamlError::malformed(format!(
            "<{parent}> must contain {expected:?}, found {names:?}"
        )));
    }
    Ok(())
}

fn parse_signature<'a, 'i>(signature: Node<'a, 'i>, id: &str) -> Result<SignatureParts<'a, 'i>> {
    let children = dsig_children(signature)?;
    let (signed_info, signature_value, key_info) = match children.as_slice() {
        [si, sv] => (*si, *sv, None),
        [si, sv, ki] => (*si, *sv, Some(*ki)),
        _ => {
            return Err(SamlError::malformed(
                "Signature must contain SignedInfo, SignatureValue and optionally KeyInfo",
            ));
        }
    };
    named(
        &[signed_info, signature_value],
        &["SignedInfo", "SignatureValue"],
        "Signature",
    )?;

    let si = dsig_children(signed_info)?;
    let references: Vec<_> = si
        .iter()
        .filter(|n| n.tag_name().name() == "Reference")
        .collect();
    if references.len() != 1 {
        return Err(SamlError::ReferenceMismatch(format!(
            "expected exactly one Reference, found {}",
            references.len()
        )));
    }
    named(
        &si,
        &["CanonicalizationMethod", "SignatureMethod", "Reference"],
        "SignedInfo",
    )?;
    let (c14n_method, sig_method, reference) = (si[0], si[1], si[2]);

    no_parameters(c14n_method)?;
    let signed_info_comments = c14n_comments(algorithm(c14n_method)?)?;
    no_parameters(sig_method)?;
    let sig_alg = algorithm(sig_method)?;
    if sig_alg != ALG_RSA_SHA256 {
        return Err(SamlError::UnsupportedAlgorithm(format!(
            "signature {sig_alg}"
        )));
    }

    let uri = reference.attribute("URI").unwrap_or("");
    if uri.strip_prefix('#') != Some(id) {
        return Err(SamlError::ReferenceMismatch(format!(
            "Reference URI {uri:?} does not name the root Assertion {id:?}"
        )));
    }
    let rc = dsig_children(reference)?;
    named(
        &rc,
        &["Transforms", "DigestMethod", "DigestValue"],
        "Reference",
    )?;
    let transforms = dsig_children(rc[0])?;
    named(&transforms, &["Transform", "Transform"], "Transforms").map_err(|_| {
        SamlError::UnsupportedAlgorithm(
            "transforms must be exactly enveloped-signature then inclusive C14N".into(),
        )
    })?;
    for t in &transforms {
        no_parameters(*t)?;
    }
    if algorithm(transforms[0])? != ALG_ENVELOPED {
        return Err(SamlError::UnsupportedAlgorithm(format!(
            "first transform {}",
            algorithm(transforms[0])?
        )));
    }
    // Either inclusive variant; which one makes no difference under a bare-name reference.
    c14n_comments(algorithm(transforms[1])?)?;
    no_parameters(rc[1])?;
    let digest_alg = algorithm(rc[1])?;
    if digest_alg != ALG_SHA256 {
        return Err(SamlError::UnsupportedAlgorithm(format!(
            "digest {digest_alg}"
        )));
    }
    let digest_value = decode_b64(&leaf_text(rc[2])?, "DigestValue")?;
    let signature_value = decode_b64(&leaf_text(signature_value)?, "SignatureValue")?;

    let embedded_cert = match key_info {
        None => None,
        Some(ki) => {
            named(&[ki], &["KeyInfo"], "Signature")?;
            first_x509_certificate(ki)?
        }
    };
    Ok(SignatureParts {
        element: signature,
        signed_info,
        signed_info_comments,
        digest_value,
        signature_value,
        embedded_cert,
    })
}

/// The first KeyInfo/X509Data/X509Certificate, as goxmldsig takes it.
fn first_x509_certificate(key_info: Node<'_, '_>) -> Result<Option<Vec<u8>>> {
    for data in element_children(key_info)? {
        if !is(data, DSIG_NS, "X509Data") {
            continue;
        }
        for cert in element_children(data)? {
            if is(cert, DSIG_NS, "X509Certificate") {
                return decode_b64(&leaf_text(cert)?, "X509Certificate").map(Some);
            }
        }
    }
    Ok(None)
}
