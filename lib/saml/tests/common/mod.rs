//! Shared test helpers: throw-away signing identities (openssl CLI), xmlsec1 wrappers, samples.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

use rsa::pkcs8::DecodePrivateKey;
use rustls_pki_types::PrivatePkcs8KeyDer;
use rustls_pki_types::pem::PemObject;
use secl_saml::{
    ALG_C14N_WITH_COMMENTS, ALG_ENVELOPED, ALG_RSA_SHA256, ALG_SHA256, DSIG_NS, TrustReport,
};
use time::{Duration, OffsetDateTime};

pub const SAML_ID_ATTR: &str = "--id-attr:ID";
pub const SAML_ASSERTION: &str = "urn:oasis:names:tc:SAML:2.0:assertion:Assertion";
pub const ALG_RSA_SHA1: &str = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A signing identity: an RSA-2048 key from `openssl genpkey` and a self-signed certificate
/// (rcgen, so the validity window can be chosen) in a tempdir, as PEM files for xmlsec1.
pub struct Signer {
    pub dir: tempfile::TempDir,
    pub key: rsa::PrivateKey,
    pub cert_der: Vec<u8>,
}

impl Signer {
    /// Valid from `days_before` days ago until `days_after` days from now.
    pub fn new(cn: &str, days_before: i64, days_after: i64) -> Signer {
        let dir = tempfile::tempdir().expect("tempdir");
        let key_path = dir.path().join("key.pem");
        let out = Command::new("openssl")
            .args([
                "genpkey",
                "-algorithm",
                "RSA",
                "-pkeyopt",
                "rsa_keygen_bits:2048",
                "-out",
            ])
            .arg(&key_path)
            .output()
            .expect("openssl is missing: run scripts/install-deps.sh");
        assert!(out.status.success(), "openssl genpkey failed: {out:?}");
        let key_pem = std::fs::read_to_string(&key_path).unwrap();
        let key_der = PrivatePkcs8KeyDer::from_pem_slice(key_pem.as_bytes()).expect("PKCS#8 key");
        let key = rsa::PrivateKey::from_pkcs8_der(key_der.secret_pkcs8_der()).expect("RSA key");

        let kp = rcgen::KeyPair::from_pem_and_sign_algo(&key_pem, &rcgen::PKCS_RSA_SHA256).unwrap();
        let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, cn);
        let today = OffsetDateTime::now_utc();
        params.not_before = today - Duration::days(days_before);
        params.not_after = today + Duration::days(days_after);
        let cert = params.self_signed(&kp).unwrap();
        std::fs::write(dir.path().join("cert.pem"), cert.pem()).unwrap();
        Signer {
            dir,
            key,
            cert_der: cert.der().to_vec(),
        }
    }

    pub fn key_pem(&self) -> PathBuf {
        self.dir.path().join("key.pem")
    }

    pub fn cert_pem(&self) -> PathBuf {
        self.dir.path().join("cert.pem")
    }

    pub fn trusted(&self) -> Vec<Vec<u8>> {
        vec![self.cert_der.clone()]
    }
}

/// The shared identity most tests sign with (openssl keygen is slow-ish; do it once).
pub fn signer() -> &'static Signer {
    static S: std::sync::OnceLock<Signer> = std::sync::OnceLock::new();
    S.get_or_init(|| Signer::new("test HVS SAML", 30, 30))
}

/// Fails the test (never skips it) when xmlsec1 is absent: interop is the point of these tests.
pub fn xmlsec1() -> Command {
    let probe = Command::new("xmlsec1").arg("--version").output();
    match probe {
        Ok(o) if o.status.success() => Command::new("xmlsec1"),
        _ => panic!(
            "xmlsec1 is not installed: run scripts/install-deps.sh (Debian package `xmlsec1`); \
             the SAML interop tests need it as an independent signer and verifier"
        ),
    }
}

/// `xmlsec1 --verify` of `xml` against `cert_pem`: Ok on exit 0, Err(stderr) otherwise.
pub fn xmlsec_verify(xml: &str, cert_pem: &Path) -> Result<(), String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("signed.xml");
    std::fs::write(&path, xml).unwrap();
    let out = xmlsec1()
        .args([
            "--verify",
            SAML_ID_ATTR,
            SAML_ASSERTION,
            "--pubkey-cert-pem",
        ])
        .arg(cert_pem)
        .arg(&path)
        .output()
        .unwrap();
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    }
}

/// `xmlsec1 --sign` of a template with `signer`'s key and certificate.
pub fn xmlsec_sign(template: &str, signer: &Signer) -> String {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("template.xml");
    let output = dir.path().join("signed.xml");
    std::fs::write(&input, template).unwrap();
    let keyspec = format!(
        "{},{}",
        signer.key_pem().display(),
        signer.cert_pem().display()
    );
    let out = xmlsec1()
        .args([
            "--sign",
            "--privkey-pem",
            &keyspec,
            SAML_ID_ATTR,
            SAML_ASSERTION,
            "--output",
        ])
        .arg(&output)
        .arg(&input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "xmlsec1 --sign failed: {}\n--- template ---\n{template}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read_to_string(&output).unwrap()
}

/// An xmlsec1 signature template as reference/rust-deps-and-tpm.md shows it.
pub fn signature_template(id: &str, c14n: &str, sig_alg: &str, transform_c14n: &str) -> String {
    format!(
        "<Signature xmlns=\"{DSIG_NS}\"><SignedInfo><CanonicalizationMethod Algorithm=\"{c14n}\"/>\
         <SignatureMethod Algorithm=\"{sig_alg}\"/><Reference URI=\"#{id}\"><Transforms>\
         <Transform Algorithm=\"{ALG_ENVELOPED}\"/><Transform Algorithm=\"{transform_c14n}\"/>\
         </Transforms><DigestMethod Algorithm=\"{ALG_SHA256}\"/><DigestValue></DigestValue>\
         </Reference></SignedInfo><SignatureValue></SignatureValue><KeyInfo><X509Data/></KeyInfo>\
         </Signature>"
    )
}

/// SecL's template: the report with the Signature right after Issuer.
pub fn secl_template(report: &TrustReport, id: &str, sig_alg: &str) -> String {
    let unsigned = report.to_unsigned_xml(id);
    let sig = signature_template(id, ALG_C14N_WITH_COMMENTS, sig_alg, ALG_C14N_WITH_COMMENTS);
    unsigned.replacen("</saml2:Issuer>", &format!("</saml2:Issuer>{sig}"), 1)
}

pub fn default_template(report: &TrustReport, id: &str) -> String {
    secl_template(report, id, ALG_RSA_SHA256)
}

/// A fixed "now" for reports built by tests: whole seconds, UTC.
pub fn now() -> OffsetDateTime {
    let t = OffsetDateTime::now_utc();
    t.replace_nanosecond(0).unwrap()
}

/// A realistic report, with a value that needs escaping, issued at `issued`, valid a day.
pub fn sample_report(issued: OffsetDateTime) -> TrustReport {
    let attrs = [
        ("TRUST_PLATFORM", "true"),
        ("TRUST_OS", "true"),
        ("TRUST_HOST_UNIQUE", "NA"),
        ("TRUST_ASSET_TAG", "true"),
        ("TRUST_OVERALL", "true"),
        ("TPMVersion", "2.0"),
        ("HardwareUUID", "0009e54e-642f-e511-906e-0012795d96dd"),
        ("AIK_Certificate", "TUlJRFVUQ0NBYm1nQXdJQkFnSVJBSUlE"),
        (
            "Binding_Key_Certificate",
            "TUlJRlBqQ0NBNmFnQXdJQkFnSVJBVFdm",
        ),
        ("HostName", "worker-1 <rack \"7\"> & 'co'"),
        ("InstalledComponents", "[tagent wlagent]"),
        ("VMMVersion", ""),
        ("OSName", "Debian\tGNU/Linux\r\nbookworm ]]> é 中"),
        ("TAG_Location", "Portland"),
    ];
    TrustReport::new(
        "AttestationService",
        issued,
        Duration::days(1),
        attrs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    )
}
