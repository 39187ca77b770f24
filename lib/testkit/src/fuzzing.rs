//! Fuzz target bodies for every parser that takes untrusted input, shared by the cargo-fuzz
//! binaries in `fuzz/` (libFuzzer, nightly) and `tests/parsers_no_panic.rs` (stable, CI), so
//! both exercise exactly the same code.
//!
//! Each function takes arbitrary bytes and must never panic. Where a parser has a round-trip
//! property (parse, serialise, parse again gives the same value; a report re-signed from what
//! was parsed verifies to the same content), the body asserts it, so a failed assertion here is
//! a finding, just like a panic inside a parser.
//!
//! The SAML signer key and certificate below are a throw-away test identity (self-signed,
//! `CN=secl fuzzing SAML signer (test only)`), trusted nowhere but in these bodies.

use std::future::Future;
use std::pin::pin;
use std::sync::{Arc, OnceLock};
use std::task::{Context, Poll, Waker};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivatePkcs8KeyDer};
use secl_api::permission::{Permission, Rule};
use secl_api::wls::{ImageFlavor, SignedImageFlavor, find_uuid_v4, minify_json, signed_bytes};
use secl_attest::privacy_ca::identity::{
    IdentityChallengePayload, IdentityProofRequest, open_proof, proof_credential, requested_aik,
    split_der_certificates,
};
use secl_attest::privacy_ca::{
    PrivacyCa, aik_certificate_name, binding_key_certificate_parts, certificate_public_key,
};
use secl_attest::tpm2::{Attest, Public, Signature};
use secl_attest::verify::{check_aik_attributes, check_binding_attributes, check_name};
use secl_ocicrypt::isecl::{self, AesPacket, IseclWrapper, KekSource};
use secl_ocicrypt::keyprovider::{self, KeyProviderInput, OP_KEYUNWRAP, OP_KEYWRAP};
use secl_ocicrypt::options::{
    PrivateLayerBlockCipherOptions, PublicLayerBlockCipherOptions, nonce,
};
use secl_ocicrypt::reference::{ImageRef, is_valid_tag};
use secl_saml::{TrustReport, TrustedSigners, VerifiedReport};
use time::OffsetDateTime;
use time::macros::datetime;
use zeroize::Zeroizing;

/// A target body: arbitrary bytes in, no panic out.
pub type Target = fn(&[u8]);

/// Every target: its name (the `fuzz/fuzz_targets/<name>.rs` binary and the
/// `fuzz/corpus/<name>/` seed directory) and its body.
pub const TARGETS: &[(&str, Target)] = &[
    ("saml_verify", saml_verify),
    ("saml_report", saml_report),
    ("saml_c14n", saml_c14n),
    ("keyprovider_request", keyprovider_request),
    ("isecl_annotation", isecl_annotation),
    ("layer_options", layer_options),
    ("image_reference", image_reference),
    ("tpm2_attest", tpm2_attest),
    ("tpm2_public", tpm2_public),
    ("tpm_certificate", tpm_certificate),
    ("pem_chain", pem_chain),
    ("image_flavor", image_flavor),
    ("permission_rule", permission_rule),
    ("identity_payload", identity_payload),
];

/// The instant every SAML check is made at: inside the test signer's validity
/// (2026-11-29 .. 2126-11-05) and inside the seed reports' windows.
pub const SAML_NOW: OffsetDateTime = datetime!(2027-01-01 00:00 UTC);

/// The KEK every isecl annotation in the seeds is sealed with, and what the fuzzing
/// [`KekSource`] hands out for any key URL.
pub const FUZZ_KEK: [u8; 32] = [0x42; 32];

/// The key URL the fuzzing [`KekSource`] gives new KEKs.
pub const FUZZ_KEY_URL: &str =
    "https://kbs.example:9443/kbs/v1/keys/6f1a4a2e-2f7c-4b83-9a33-5c1f2b0a9d11/transfer";

const SIGNER_KEY_PEM: &str = "-----BEGIN PRIVATE KEY-----
MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQC+I7R6+ZB7tqS2
0B/4jETjs2Q6Sg4GJD2lAAz53Khx5vhl6CPb+8+PklxW1coy6R+cGhWiNNHrVQof
dfYeoQsYfj4ushXbmDrtVeoL1e/1pgKMtqCahx/Taj7J7fAJHHLGOtfYOUNcOyVW
tRX1A/dgOJYYMbd4c+foxq4o6n/Up08D9BYHi7/gEJoY2tOn+BaYsaPlx0mA2u96
33rX41vVge4vrGPu5TpV7ioMzg6S/0yZ+8WQGA/hgpeCf47Jjne5nLmJdj3c+NmG
M7BmXIH+cNDPIuIhBN0KgZg8hf6umRkIegf3hiqNCr/XuHAcNjYRFD+e8uZTCjD1
/QJr55ppAgMBAAECggEALbdtBiJqPGyqRvBct4iWab8wypkSrSRalAkilZMaByT3
NZ1uvc5aVhVlUVWfA8WsnX5iFDmp/XDZeb4FmtCy18VG0zhra/y6smT1XLooM4Ki
W03v6KezncQOa8PjcnVeHU55ploCWbM445Ovv1UgTgjdAd02VWZc7MmUh272pFzZ
oFtlZOc/rI4CmAQgZ5tED0fCq7R9FWRuUb+iuyZNsKVVufX4PLu6W84a3R3HuXBh
n5UtmFqLXG+rfFrVUzIZVmjTrQjvdsP+Rkr9lV0k5yY5RRYxrKddu+OkrTyrcBuZ
IPfqjIHxc50Kmyaa+42azALEOLp8yHTvn5M0n/U47wKBgQDrWMBvn8Y2ZjiEeojl
B3HbJZxFVnhoGvSC1nthcqckR7cXQ+BNwrPu5V91/3bTkbnRq1sIfMq2ZS18dp23
JzLmbeQuPCqucg0d+W5+hHmD9LtW/+faw4/LXhvSUlJ0sYjYtqtMVGM0XNbVDM1/
8ZB72BArgvlRMgGlFK4MHigBJwKBgQDO01Z0GBLLcmy4A+2zyZu5KYHYpIXrAnb8
8DJYby97iXyXdWAP7DL/wY25zsxs3oTdJjnIh0oz0bCMgGcyVA1VUptKmoL+DR2j
8IBpCmrWyEJGbP197rr+oPIp8eFSdmfvuqK4vRDQtyb5NUMasle1FDNwz3OoErNd
uXFmoKOh7wKBgAhBfcasqSxhW5wyHDlEkJbqc9fu15x3TZqFYaCigACCz4ZuaCDy
MpOv0jB2fLmhRA5532Cl2Aqb9AOIubGiG2P/+OAyViD2eUVS6bBgf07EuAmuQnjn
IVU2AO3Y23GihLVtewbbcvt0QkkJAPB7DeF6S97q4koZ4frjhdOA/1BDAoGBAIAh
i4jGtTYXAGWMAYIFX5T5svidDF4Im+CdigMhdqApD+fhDo8uvHWX2o6HIDw+Kr+7
A8dIkV7DBIY2sjgKvGvkjlJMoOR1CazbvSHWE1RWokBxGyYedPh0izITKI1mz4ND
87VRZA55uQpgxd7PJ+kFx8yWqMcyNq7UyP1Ufas/AoGBANoEyBAOVg04bCgUyy7F
MaQZROS/o7nMrLR9A5T4uCRIqxnXB2uZzwFpFOgrrp8U0RveIfJUydUx10eVLLB6
kIkrhvfe9DwnRMl2/hXTTxUAsiePhISNxggI1fNWFIxdNa6XXt7S97CuNJv+ZGVQ
xjiiwYXhN/DCTbMNwzQqNkcM
-----END PRIVATE KEY-----";

const SIGNER_CERT_PEM: &str = "-----BEGIN CERTIFICATE-----
MIIDLjCCAhagAwIBAgIBATANBgkqhkiG9w0BAQsFADAvMS0wKwYDVQQDDCRzZWNs
IGZ1enppbmcgU0FNTCBzaWduZXIgKHRlc3Qgb25seSkwIBcNMjYxMTI5MDkxNzI4
WhgPMjEyNjExMDUwOTE3MjhaMC8xLTArBgNVBAMMJHNlY2wgZnV6emluZyBTQU1M
IHNpZ25lciAodGVzdCBvbmx5KTCCASIwDQYJKoZIhvcNAQEBBQADggEPADCCAQoC
ggEBAL4jtHr5kHu2pLbQH/iMROOzZDpKDgYkPaUADPncqHHm+GXoI9v7z4+SXFbV
yjLpH5waFaI00etVCh919h6hCxh+Pi6yFduYOu1V6gvV7/WmAoy2oJqHH9NqPsnt
8AkccsY619g5Q1w7JVa1FfUD92A4lhgxt3hz5+jGrijqf9SnTwP0FgeLv+AQmhja
06f4Fpixo+XHSYDa73rfetfjW9WB7i+sY+7lOlXuKgzODpL/TJn7xZAYD+GCl4J/
jsmOd7mcuYl2Pdz42YYzsGZcgf5w0M8i4iEE3QqBmDyF/q6ZGQh6B/eGKo0Kv9e4
cBw2NhEUP57y5lMKMPX9AmvnmmkCAwEAAaNTMFEwHQYDVR0OBBYEFIscziz3slyI
oLMARuk6KRet5IZtMB8GA1UdIwQYMBaAFIscziz3slyIoLMARuk6KRet5IZtMA8G
A1UdEwEB/wQFMAMBAf8wDQYJKoZIhvcNAQELBQADggEBAJvTkZCytttqem4C+Clm
XjBbdH4QTiIA4qRvygG264u5UOcp5tGfzJiFpZV2xQksfh3TP8wN48SFuiTERC4L
k+VrQOxwjeqZkaVtANj6v9v5hSC4FUcNkv6iPADpH3mzTMI8nBBGTrNPxgqaz9y/
foRTmNCfZx14cUXjUGwFsNeodnfGxdHcO0cjg5bBbajGeOJM8wjk6s4V/EjYupS5
7yvC45c4gQsxC0yAdYjD0VkQuek8F0TDid8LY0kk19FIEpVO9n7bxw0p3LChf9WG
guDm7zp7C03RH3pOE3EqzltNG6MkqxaryqqNn+qQ8xyqH9fh2ZJvGxYvkIU9oYMv
2nw=
-----END CERTIFICATE-----";

/// The test SAML signer: its RSA key and certificate (DER), parsed once.
pub struct SamlSigner {
    pub key: rsa::PrivateKey,
    pub cert_der: Vec<u8>,
    pub trusted: TrustedSigners,
}

/// The shared test SAML signer.
pub fn saml_signer() -> &'static SamlSigner {
    static S: OnceLock<SamlSigner> = OnceLock::new();
    S.get_or_init(|| {
        use rsa::pkcs8::DecodePrivateKey;
        let key_der =
            PrivatePkcs8KeyDer::from_pem_slice(SIGNER_KEY_PEM.as_bytes()).expect("test key PEM");
        let key = rsa::PrivateKey::from_pkcs8_der(key_der.secret_pkcs8_der()).expect("RSA key");
        let cert_der = CertificateDer::from_pem_slice(SIGNER_CERT_PEM.as_bytes())
            .expect("test certificate PEM")
            .to_vec();
        let trusted = TrustedSigners::new(std::slice::from_ref(&cert_der));
        SamlSigner {
            key,
            cert_der,
            trusted,
        }
    })
}

/// Strict SAML verification (XML-DSig profile, C14N, report fields) under the test signer.
/// A report that verifies must verify again identically, agree with the unverified reading of
/// the same bytes, and still verify after whole-document canonicalization (which keeps every
/// signed byte's meaning).
pub fn saml_verify(data: &[u8]) {
    let signer = saml_signer();
    let Ok(v) = secl_saml::verify_with(data, &signer.trusted, SAML_NOW, None) else {
        return;
    };
    exercise_verified(&v);
    let again = secl_saml::verify_with(data, &signer.trusted, SAML_NOW, None)
        .expect("a verified report verifies again");
    assert_eq!(v, again);
    let plain = TrustReport::parse_unverified(data).expect("a verified report parses unverified");
    assert_eq!(plain.issuer, v.issuer);
    assert_eq!(plain.issue_instant, v.issue_instant);
    for (name, value) in &plain.attributes {
        assert!(
            v.attributes
                .get(name)
                .is_some_and(|vals| vals.contains(value)),
            "attribute {name:?} differs between verified and unverified reading"
        );
    }
}

/// Unverified report parsing; parse -> serialise -> parse is stable, and the report re-signed
/// by the test signer verifies to the same content.
pub fn saml_report(data: &[u8]) {
    let Ok(first) = TrustReport::parse_unverified(data) else {
        return;
    };
    // Instants are written with millisecond precision: compare from the second reading on.
    let xml = first.to_unsigned_xml(secl_saml::DEFAULT_ASSERTION_ID);
    let Ok(report) = TrustReport::parse_unverified(xml.as_bytes()) else {
        // Only an instant that cannot be written back in RFC 3339 (a year outside 0..=9999
        // once converted to UTC) may fail here.
        assert!(
            !in_rfc3339_range(first.issue_instant)
                || !in_rfc3339_range(first.not_before)
                || !in_rfc3339_range(first.not_on_or_after),
            "a parsed report did not parse again after serialising: {xml}"
        );
        return;
    };
    let xml2 = report.to_unsigned_xml(secl_saml::DEFAULT_ASSERTION_ID);
    assert_eq!(xml, xml2, "serialise -> parse -> serialise is not stable");
    assert_eq!(
        TrustReport::parse_unverified(xml2.as_bytes()).expect("reparse"),
        report
    );

    // Re-signed, it verifies at the start of its window and says what was parsed.
    let signer = saml_signer();
    let signed = secl_saml::sign(&xml, &signer.key, &signer.cert_der).expect("signing a report");
    let now = report.not_before;
    let in_cert =
        (datetime!(2026-11-29 09:17:28 UTC)..datetime!(2126-11-05 09:17:28 UTC)).contains(&now);
    if in_cert && report.not_before < report.not_on_or_after {
        let v = secl_saml::verify_with(signed.as_bytes(), &signer.trusted, now, None)
            .unwrap_or_else(|e| panic!("a re-signed report does not verify: {e}\n{signed}"));
        assert_eq!(v.issuer, report.issuer);
        assert_eq!(v.issue_instant, report.issue_instant);
        assert_eq!(v.not_before, report.not_before);
        assert_eq!(v.not_on_or_after, report.not_on_or_after);
        let flat: Vec<(String, String)> = report.attributes.clone();
        for (name, value) in &flat {
            assert!(
                v.attributes
                    .get(name)
                    .is_some_and(|vals| vals.contains(value))
            );
        }
        let count: usize = v.attributes.values().map(Vec::len).sum();
        assert_eq!(count, flat.len());
        exercise_verified(&v);
    }
}

fn in_rfc3339_range(t: OffsetDateTime) -> bool {
    (0..=9999).contains(&t.to_offset(time::UtcOffset::UTC).year())
}

fn exercise_verified(v: &VerifiedReport) {
    let _ = v.trust_overall();
    for part in [
        "PLATFORM",
        "OS",
        "HOST_UNIQUE",
        "SOFTWARE",
        "ASSET_TAG",
        "IMA",
    ] {
        let _ = v.trust_flag(part);
    }
    let _ = (v.hardware_uuid(), v.tpm_version(), v.asset_tags());
    if let Ok(der) = v.aik_certificate_der() {
        tpm_certificate(&der);
    }
    if let Ok(der) = v.binding_key_certificate_der() {
        tpm_certificate(&der);
    }
}

/// Inclusive C14N 1.0 of a whole document, with and without comments; canonical form is a
/// fixed point (canonicalizing it again changes nothing).
pub fn saml_c14n(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for with_comments in [false, true] {
        let Ok(c) = secl_saml::canonicalize_document(text, with_comments) else {
            continue;
        };
        let again = secl_saml::canonicalize_document(&c, with_comments)
            .unwrap_or_else(|e| panic!("canonical form does not parse: {e}\n{c}"));
        assert_eq!(c, again, "C14N is not idempotent");
    }
}

/// A [`KekSource`] that hands out [`FUZZ_KEK`] for every URL.
struct FixedKek;

#[async_trait::async_trait]
impl KekSource for FixedKek {
    async fn new_kek(&self) -> secl_ocicrypt::Result<(String, Zeroizing<[u8; 32]>)> {
        Ok((FUZZ_KEY_URL.to_string(), Zeroizing::new(FUZZ_KEK)))
    }
    async fn kek_for(&self, _key_url: &str) -> secl_ocicrypt::Result<Zeroizing<[u8; 32]>> {
        Ok(Zeroizing::new(FUZZ_KEK))
    }
}

/// Drives a future that never waits on I/O (the wrappers here complete on first poll).
fn block_on<F: Future>(f: F) -> F::Output {
    let mut f = pin!(f);
    let mut cx = Context::from_waker(Waker::noop());
    for _ in 0..1000 {
        if let Poll::Ready(out) = f.as_mut().poll(&mut cx) {
            return out;
        }
    }
    panic!("a key-provider future that should not wait kept waiting");
}

/// The ocicrypt key-provider protocol as `secl keyprovider` serves it (`keyprovider::handle`
/// over the isecl wrapper) and as the WLA's gRPC `UnWrapKey` parses it (op, annotation, isecl
/// packet, AES-GCM open). A keywrap answer unwraps back to the same options.
pub fn keyprovider_request(data: &[u8]) {
    let Ok(input) = KeyProviderInput::from_json(data) else {
        return;
    };
    let _ = format!("{input:?}");
    let _ = (input.op(), input.parameters().map(|p| p.names()));
    let _ = input.params_for("isecl");

    // The WLA's steps (servers/wla/src/keyprovider.rs, `KeyProvider::unwrap`) before the WLS
    // and the TPM are asked.
    if input.op() == OP_KEYUNWRAP
        && let Some(annotation) = input
            .keyunwrapparams
            .as_ref()
            .and_then(|p| p.annotation.as_deref())
        && let Ok(packet) = isecl::parse_annotation(annotation)
        && let Ok(opts) = isecl::open(&FUZZ_KEK, &packet)
    {
        let _ = PrivateLayerBlockCipherOptions::from_json(&opts);
    }

    let wrapper = IseclWrapper::new(Arc::new(FixedKek));
    let Ok(answer) = block_on(keyprovider::handle(data, "isecl", &wrapper)) else {
        return;
    };
    match input.op() {
        OP_KEYWRAP => {
            let annotation =
                keyprovider::parse_keywrap_response(&answer).expect("own keywrap answer parses");
            let optsdata = input
                .keywrapparams
                .as_ref()
                .and_then(|p| p.optsdata.as_ref())
                .expect("a keywrap that succeeded had optsdata");
            let request = keyprovider::keyunwrap_request(&[("isecl", &[b"Enabled"])], &annotation);
            let back = block_on(keyprovider::handle(&request, "isecl", &wrapper))
                .expect("own keywrap answer unwraps");
            let opts = keyprovider::parse_keyunwrap_response(&back).expect("own answer parses");
            assert_eq!(
                opts.as_slice(),
                optsdata.as_slice(),
                "wrap -> unwrap round trip"
            );
        }
        OP_KEYUNWRAP => {
            keyprovider::parse_keyunwrap_response(&answer).expect("own keyunwrap answer parses");
        }
        other => panic!("handle answered op {other:?}"),
    }
}

/// Intel's isecl annotation (`AnnotationPacket`) and its `AesPacket`, as raw JSON and as the
/// base64 layer-annotation value; both serialise back to what parses to the same value.
pub fn isecl_annotation(data: &[u8]) {
    let decoded = std::str::from_utf8(data)
        .ok()
        .and_then(|s| B64.decode(s.trim()).ok());
    for bytes in [Some(data), decoded.as_deref()].into_iter().flatten() {
        if let Ok(packet) = isecl::parse_annotation(bytes) {
            let again = isecl::parse_annotation(&packet.to_json()).expect("own annotation parses");
            assert_eq!(again, packet);
            if let Ok(opts) = isecl::open(&FUZZ_KEK, &packet) {
                layer_options(&opts);
            }
        }
        if let Ok(aes) = AesPacket::from_json(bytes) {
            let again = AesPacket::from_json(&aes.to_json()).expect("own AesPacket parses");
            assert_eq!(again, aes);
        }
    }
}

/// ocicrypt's private and public layer option documents (and the pubopts annotation): Go's
/// `json.Marshal` form parses back to the same value and is itself stable.
pub fn layer_options(data: &[u8]) {
    let private = PrivateLayerBlockCipherOptions::from_json(data).ok();
    if let Some(p) = &private {
        let _ = format!("{p:?}");
        let json = p.to_json();
        let again = PrivateLayerBlockCipherOptions::from_json(&json).expect("own options parse");
        assert_eq!(&again, p, "private options round trip");
        assert_eq!(again.to_json().as_slice(), json.as_slice());
    }
    let public = PublicLayerBlockCipherOptions::from_json(data).ok();
    if let Some(p) = &public {
        let json = p.to_json();
        let again = PublicLayerBlockCipherOptions::from_json(&json).expect("own options parse");
        assert_eq!(&again, p, "public options round trip");
        assert_eq!(again.to_json(), json);
        let annotation = PublicLayerBlockCipherOptions::from_annotation(&p.to_annotation())
            .expect("own annotation parses");
        assert_eq!(&annotation, p);
    }
    if let (Some(public), Some(private)) = (&public, &private) {
        let _ = nonce(public, private);
    }
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(p) = PublicLayerBlockCipherOptions::from_annotation(text)
    {
        let again = PublicLayerBlockCipherOptions::from_annotation(&p.to_annotation())
            .expect("own annotation parses");
        assert_eq!(again, p);
    }
}

/// Image references (`oci:DIR[:TAG]`, `docker://HOST/REPO[:TAG|@DIGEST]`): the displayed form
/// parses back to the same reference.
pub fn image_reference(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = is_valid_tag(text);
    let Ok(r) = ImageRef::parse(text) else {
        return;
    };
    let shown = r.to_string();
    let again = ImageRef::parse(&shown)
        .unwrap_or_else(|e| panic!("{text:?} parsed, its display {shown:?} does not: {e}"));
    assert_eq!(again, r, "{text:?} -> {shown:?}");
}

/// TPMS_ATTEST and TPMT_SIGNATURE: marshalling a parsed value parses back to it.
pub fn tpm2_attest(data: &[u8]) {
    if let Ok(a) = Attest::parse(data) {
        let _ = a.tag();
        let bytes = a.to_bytes();
        assert_eq!(Attest::parse(&bytes).expect("own TPMS_ATTEST parses"), a);
        if let secl_attest::tpm2::Attested::Quote { pcr_select, .. } = &a.attested {
            for s in pcr_select {
                let _ = s.indices();
            }
        }
    }
    if let Ok(s) = Signature::parse(data) {
        assert_eq!(
            Signature::parse(&s.to_bytes()).expect("own TPMT_SIGNATURE parses"),
            s
        );
    }
}

/// TPMT_PUBLIC and TPM2B_PUBLIC (RSA): marshalling round-trips; name, key and attribute checks
/// never panic; a name computed from a key checks against that key.
pub fn tpm2_public(data: &[u8]) {
    for parsed in [Public::parse(data), Public::parse_tpm2b(data)] {
        let Ok(p) = parsed else { continue };
        assert_eq!(Public::parse(&p.to_bytes()).expect("own TPMT_PUBLIC"), p);
        assert_eq!(
            Public::parse_tpm2b(&p.to_tpm2b_bytes()).expect("own TPM2B_PUBLIC"),
            p
        );
        let _ = p.rsa_public_key();
        let _ = check_binding_attributes(&p);
        let _ = check_aik_attributes(&p);
        if let Ok(name) = p.name() {
            check_name(&name, &p).expect("a key's own name checks");
        }
        let _ = check_name(data, &p);
    }
}

/// X.509 certificates from a TPM: binding-key certificate parts (Intel's raw TPM2_Certify
/// extensions, this project's OCTET STRING ones, read by `der.rs`), AIK names, RSA keys.
pub fn tpm_certificate(data: &[u8]) {
    if let Ok(parts) = binding_key_certificate_parts(data) {
        tpm2_attest(&parts.attest);
        tpm2_attest(&parts.signature);
        if let Some(public) = &parts.public_area {
            tpm2_public(public);
        }
    }
    let _ = aik_certificate_name(data);
    let _ = certificate_public_key(data);
}

/// A PEM certificate chain as the KBS imports it (and as the SAML verifier's trust anchors
/// are read); an imported chain written back as PEM imports to the same chain.
pub fn pem_chain(data: &[u8]) {
    let _ = secl_saml::certs_from_pem(data);
    let _ = secl_kbs::parse_rsa_public_pem(data);
    let Ok(chain) = secl_kbs::certs::parse_pem_chain(uuid::Uuid::nil(), data) else {
        return;
    };
    let mut pem = String::new();
    for der in &chain.der {
        pem.push_str("-----BEGIN CERTIFICATE-----\n");
        let b64 = B64.encode(der);
        for line in b64.as_bytes().chunks(64) {
            pem.push_str(std::str::from_utf8(line).expect("base64 is ASCII"));
            pem.push('\n');
        }
        pem.push_str("-----END CERTIFICATE-----\n");
    }
    let again = secl_kbs::certs::parse_pem_chain(uuid::Uuid::nil(), pem.as_bytes())
        .expect("a chain written back as PEM imports");
    assert_eq!(again.der, chain.der);
    assert_eq!(again.meta, chain.meta);
    for der in &chain.der {
        tpm_certificate(der);
    }
}

/// A signed image flavor `{"flavor":…,"signature":…}` and the bytes its signature covers:
/// minifying is idempotent and keeps the JSON value; a parsed flavor serialises to JSON that
/// parses back to it and whose signed bytes are `{"flavor":<that JSON>}`; the UUID finder
/// returns a real v4 UUID at the offset it names.
pub fn image_flavor(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some((at, id)) = find_uuid_v4(text) {
        assert_eq!(id.get_version_num(), 4);
        let found = text.get(at..at + 36).expect("offset on a char boundary");
        assert_eq!(uuid::Uuid::try_parse(found).ok(), Some(id));
    }
    let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else {
        return;
    };
    let min = minify_json(text);
    assert_eq!(minify_json(&min), min, "minify_json is not idempotent");
    let min_value: serde_json::Value =
        serde_json::from_str(&min).expect("minified JSON stays JSON");
    assert_eq!(min_value, value, "minify_json changed the JSON value");
    let signed = signed_bytes(text);
    let signed_value: serde_json::Value =
        serde_json::from_slice(&signed).expect("signed bytes are JSON");
    assert_eq!(signed_value.get("flavor"), Some(&value));

    let flavor = serde_json::from_str::<SignedImageFlavor>(text)
        .map(|s| s.flavor)
        .or_else(|_| serde_json::from_str::<ImageFlavor>(text));
    if let Ok(flavor) = flavor {
        let json = serde_json::to_string(&flavor).expect("a flavor serialises");
        let again: ImageFlavor = serde_json::from_str(&json).expect("own flavor parses");
        assert_eq!(again, flavor);
        assert_eq!(
            signed_bytes(&json),
            format!("{{\"flavor\":{json}}}").into_bytes()
        );
        if let Some(e) = &flavor.encryption {
            let _ = find_uuid_v4(&e.key_url);
        }
    }
}

/// SecL permission rules: the displayed rule parses back to the same rule, and grants what it
/// names.
pub fn permission_rule(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(rule) = text.parse::<Rule>() else {
        return;
    };
    let shown = rule.to_string();
    assert_eq!(shown, text, "a valid rule displays as written");
    assert_eq!(shown.parse::<Rule>().expect("own rule parses"), rule);
    // An oracle from the text itself: each part is `*` or the wanted name, the context `*`.
    let parts: Vec<&str> = text.split(':').collect();
    for (resource, action) in [
        ("keys", "create"),
        ("keys", "transfer"),
        ("keys", "search"),
        ("key-transfer-policies", "create"),
        ("users", "*"),
        ("*", "*"),
    ] {
        let expected = (parts[0] == "*" || parts[0] == resource)
            && (parts[1] == "*" || parts[1] == action)
            && parts.get(2).is_none_or(|c| *c == "*");
        assert_eq!(
            rule.grants(Permission::new(resource, action)),
            expected,
            "{text:?} grants {resource}:{action}"
        );
    }
}

/// The fuzzing SAML signer's key as a PrivacyCA: what the identity-payload seeds are sealed to.
fn fuzz_privacy_ca() -> &'static PrivacyCa {
    static CA: OnceLock<PrivacyCa> = OnceLock::new();
    CA.get_or_init(|| PrivacyCa::from_pem(SIGNER_CERT_PEM, SIGNER_KEY_PEM).expect("test PrivacyCA"))
}

/// The AES key the identity-proof seeds are encrypted under.
pub const FUZZ_PROOF_KEY: [u8; 16] = [0x24; 16];

/// SecL's identity-challenge JSON (HVS's IdentityChallengePayload, the agent's
/// IdentityProofRequest): both round-trip through JSON; the AIK checks, opening a payload
/// sealed to the test PrivacyCA, splitting what it holds into certificates, and reading a
/// proof's credential and blob never panic.
pub fn identity_payload(data: &[u8]) {
    if let Ok(p) = serde_json::from_slice::<IdentityChallengePayload>(data) {
        let again = serde_json::to_vec(&p).expect("payload serialises");
        assert_eq!(
            serde_json::from_slice::<IdentityChallengePayload>(&again).expect("own payload"),
            p
        );
        let _ = requested_aik(&p.identity_request);
        if let Ok(plain) = fuzz_privacy_ca().open_identity_payload(&p) {
            let _ = split_der_certificates(&plain);
        }
    }
    if let Ok(p) = serde_json::from_slice::<IdentityProofRequest>(data) {
        let again = serde_json::to_vec(&p).expect("proof serialises");
        assert_eq!(
            serde_json::from_slice::<IdentityProofRequest>(&again).expect("own proof"),
            p
        );
        let _ = proof_credential(&p);
        let _ = open_proof(&p, &FUZZ_PROOF_KEY);
    }
}

/// Seeds made with this project's own writers (the rest of `fuzz/corpus/` is copied from real
/// inputs): `(target, file name, bytes)`. `tests/parsers_no_panic.rs` writes them when run
/// with `SECL_WRITE_FUZZ_SEEDS=1`; the isecl nonces and certificate serials are random, so
/// rewriting changes bytes but not shapes.
pub fn generated_seeds() -> Vec<(&'static str, String, Vec<u8>)> {
    use secl_attest::tpm2::{
        Attested, ClockInfo, HashAlg, PcrSelection, SECL_CERTIFY_QUALIFYING_DATA, SigScheme,
        TPM_ALG_SHA1, TPM_ALG_SHA256,
    };
    use secl_saml::format_instant;

    let signer = saml_signer();
    let mut out: Vec<(&'static str, String, Vec<u8>)> = Vec::new();
    let mut add = |target: &'static str, name: &str, bytes: Vec<u8>| {
        out.push((target, name.to_string(), bytes));
    };

    // TPM structures: a quote, a certify of SecL's binding key, its signature and public area.
    let modulus = {
        use rsa::traits::PublicKeyParts;
        let n = signer.key.to_public_key().n_bytes();
        let skip = n.iter().take_while(|b| **b == 0).count();
        n[skip..].to_vec()
    };
    let public = Public::secl_binding_key(&modulus);
    let name = public.name().expect("binding key name");
    let clock_info = ClockInfo {
        clock: 123_456_789,
        reset_count: 3,
        restart_count: 0,
        safe: true,
    };
    let quote = Attest {
        qualified_signer: name.clone(),
        extra_data: vec![0x5a; 20],
        clock_info: clock_info.clone(),
        firmware_version: 0x2000_0000_0001_0000,
        attested: Attested::Quote {
            pcr_select: vec![
                PcrSelection::new(TPM_ALG_SHA256, &[0, 1, 2, 3, 7]),
                PcrSelection::new(TPM_ALG_SHA1, &[17, 18]),
            ],
            pcr_digest: vec![0xa5; 32],
        },
    };
    let certify = Attest {
        qualified_signer: name.clone(),
        extra_data: SECL_CERTIFY_QUALIFYING_DATA.to_vec(),
        clock_info,
        firmware_version: 1,
        attested: Attested::Certify {
            name: name.clone(),
            qualified_name: name.clone(),
        },
    };
    let signature = Signature {
        scheme: SigScheme::RsaSsa,
        hash: HashAlg::Sha256,
        sig: vec![0x3c; 256],
    };
    add("tpm2_attest", "gen-quote.bin", quote.to_bytes());
    add("tpm2_attest", "gen-certify.bin", certify.to_bytes());
    add("tpm2_attest", "gen-signature.bin", signature.to_bytes());
    add("tpm2_public", "gen-binding-tpmt.bin", public.to_bytes());
    add(
        "tpm2_public",
        "gen-binding-tpm2b.bin",
        public.to_tpm2b_bytes(),
    );
    let [_, oaep] = Public::binding_key_templates(&modulus);
    add("tpm2_public", "gen-binding-oaep-tpmt.bin", oaep.to_bytes());

    // Certificates in this project's profile (AIK name and TPMT_PUBLIC extensions).
    let ca = PrivacyCa::from_pem(SIGNER_CERT_PEM, SIGNER_KEY_PEM).expect("test PrivacyCA");
    let aik = ca
        .issue_aik_certificate(&signer.key.to_public_key(), &name)
        .expect("AIK certificate");
    let binding = ca
        .issue_binding_key_certificate(
            &public.to_bytes(),
            &certify.to_bytes(),
            &signature.to_bytes(),
        )
        .expect("binding-key certificate");
    add("tpm_certificate", "gen-aik.der", aik.clone());
    add("tpm_certificate", "gen-binding.der", binding.clone());

    // SecL's identity-challenge bodies: the AIK certificate sealed to the test PrivacyCA as
    // an agent seals its EK certificate, and an answer encrypted under FUZZ_PROOF_KEY.
    {
        use secl_attest::privacy_ca::identity::{
            IdentityRequest, TPM12_ALG_AES, TPM12_ES_NONE, TpmSymmetricKeyParams, cbc_encrypt,
            proof_request, seal_payload, secl_aik_public,
        };
        let aik_public = secl_aik_public(&[0xc5; 256]);
        let request = IdentityRequest {
            tpm_version: "2.0".into(),
            aik_modulus: Some(aik_public.modulus.clone()),
            aik_name: Some(aik_public.name().expect("AIK name")),
            ..Default::default()
        };
        let ca_key = certificate_public_key(ca.certificate_der()).expect("CA key");
        let payload = seal_payload(&ca_key, &aik, request).expect("sealed payload");
        add(
            "identity_payload",
            "gen-challenge-request.json",
            serde_json::to_vec(&payload).expect("payload JSON"),
        );
        let mut proof = proof_request(&ca_key, &name, b"challenge").expect("proof");
        let iv = [0x11u8; 16];
        proof.symmetric_params = TpmSymmetricKeyParams {
            alg_id: TPM12_ALG_AES,
            enc_scheme: TPM12_ES_NONE,
            iv: Some(iv.to_vec()),
            ..Default::default()
        };
        proof.symmetric_blob = Some(cbc_encrypt(&FUZZ_PROOF_KEY, &iv, &aik).expect("proof blob"));
        add(
            "identity_payload",
            "gen-proof-request.json",
            serde_json::to_vec(&proof).expect("proof JSON"),
        );
    }

    // A signed SAML report as the HVS issues it, small and with the certificates.
    let instant = datetime!(2026-12-31 12:00:00.25 UTC);
    let base = vec![
        ("TRUST_OVERALL".to_string(), "true".to_string()),
        ("TRUST_PLATFORM".to_string(), "true".to_string()),
        ("TRUST_OS".to_string(), "NA".to_string()),
        ("TRUST_HOST_UNIQUE".to_string(), "false".to_string()),
        ("TPMVersion".to_string(), "2.0".to_string()),
        (
            "HardwareUUID".to_string(),
            "0f6a2b0c-5e4d-4c3b-8a29-1e0d9c8b7a6f".to_string(),
        ),
        ("TAG_country".to_string(), "US & <EU>".to_string()),
    ];
    let small = TrustReport::new("AttestationService", instant, time::Duration::days(1), base);
    let small_xml = small
        .sign(
            secl_saml::DEFAULT_ASSERTION_ID,
            &signer.key,
            &signer.cert_der,
        )
        .expect("sign");
    let mut with_certs_attrs = small.attributes.clone();
    with_certs_attrs.push(("AIK_Certificate".to_string(), B64.encode(&aik)));
    with_certs_attrs.push(("Binding_Key_Certificate".to_string(), B64.encode(&binding)));
    let with_certs = TrustReport::new(
        "AttestationService",
        instant,
        time::Duration::days(1),
        with_certs_attrs,
    );
    let with_certs_xml = with_certs
        .sign("a3f0c2d1-uuid-like-id", &signer.key, &signer.cert_der)
        .expect("sign");
    for target in ["saml_verify", "saml_report", "saml_c14n"] {
        add(
            target,
            "gen-signed-small.xml",
            small_xml.clone().into_bytes(),
        );
    }
    add(
        "saml_verify",
        "gen-signed-certs.xml",
        with_certs_xml.into_bytes(),
    );
    add(
        "saml_report",
        "gen-unsigned.xml",
        small
            .to_unsigned_xml(&format!("id-{}", format_instant(instant)).replace([':', '.'], "-"))
            .into_bytes(),
    );

    // isecl annotation, AesPacket, options, and key-provider requests around them.
    let private = PrivateLayerBlockCipherOptions::new(
        &[0x11; 32],
        &[0x22; 16],
        "sha256:c1579caf38eaef78c60e9b19f9ebccd14fec87a51a49ccec62b1322cba30f6e8",
    );
    let annotation = isecl::seal(&FUZZ_KEK, FUZZ_KEY_URL, &private.to_json()).expect("seal");
    let packet = isecl::parse_annotation(&annotation).expect("own annotation");
    add(
        "isecl_annotation",
        "gen-annotation.json",
        annotation.clone(),
    );
    add(
        "isecl_annotation",
        "gen-annotation.b64",
        B64.encode(&annotation).into_bytes(),
    );
    add(
        "isecl_annotation",
        "gen-aes-packet.json",
        packet.wrapped_key,
    );
    add(
        "layer_options",
        "gen-private.json",
        private.to_json().to_vec(),
    );
    let public_opts = PublicLayerBlockCipherOptions::new(&[0x33; 32]);
    add("layer_options", "gen-public.json", public_opts.to_json());
    add(
        "layer_options",
        "gen-pubopts-annotation.b64",
        public_opts.to_annotation().into_bytes(),
    );
    add(
        "keyprovider_request",
        "gen-keyunwrap.json",
        keyprovider::keyunwrap_request(
            &[("isecl", &[b"Enabled"]), ("privkeys-passwords", &[b""])],
            &annotation,
        ),
    );
    add(
        "keyprovider_request",
        "gen-keywrap.json",
        keyprovider::keywrap_request(&[("isecl", &[b"any"])], &private.to_json()).to_vec(),
    );

    // A signed image flavor as `secl image flavor` writes it (signature bytes are filler).
    let flavor = serde_json::json!({
        "meta": {
            "id": "4d1b9a8e-2c3f-4e5d-9a6b-7c8d9e0f1a2b",
            "description": {"flavor_part": "CONTAINER_IMAGE", "label": "app:1.0"}
        },
        "encryption_required": true,
        "encryption": {
            "key_url": FUZZ_KEY_URL,
            "digest": "sha256:0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45b0b2a2d1c9"
        },
        "integrity_enforced": false
    });
    let signed_flavor = format!(
        "{{\"flavor\":{},\"signature\":\"{}\"}}\n",
        serde_json::to_string(&flavor).expect("json"),
        B64.encode([0x7e; 48])
    );
    add(
        "image_flavor",
        "gen-signed-flavor.json",
        signed_flavor.into_bytes(),
    );
    add(
        "image_flavor",
        "gen-flavor-pretty.json",
        serde_json::to_string_pretty(&serde_json::json!({"flavor": flavor, "signature": "AAAA"}))
            .expect("json")
            .into_bytes(),
    );
    out
}
