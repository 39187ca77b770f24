//! The KBS SAML key transfer over real HTTPS (`POST /kbs/v1/keys/{id}/transfer` with
//! `application/samlassertion+xml`): the granted case decrypted with the binding key, every
//! release check refused with SecL's 401 and an audit record naming the check, media-type and
//! malformed-body answers, cache invalidation on certificate deletes (also across two instances
//! sharing one PostgreSQL store), and one run with real parts (swtpm, secl-wla, secl-hvs) whose
//! blob is decrypted inside the TPM.

use std::sync::OnceLock;
use std::time::Instant;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use rsa::pkcs8::DecodePrivateKey;
use rsa::traits::PublicKeyParts;
use secl_attest::privacy_ca::PrivacyCa;
use secl_attest::privacy_ca::identity::secl_aik_public;
use secl_attest::tpm2::{Attest, Attested, ClockInfo, HashAlg, Public, SigScheme, Signature};
use secl_saml::{DEFAULT_ASSERTION_ID, TrustReport};
use secl_testkit::{Client, KbsProcess, Resp, TestDb, fixture, rsa_pair};
use serde_json::json;
use time::{Duration, OffsetDateTime};

const DENIED: &str = "Client not trusted by HVS\n";

// ----- software test material --------------------------------------------------------------

/// A SAML signer: key and self-signed certificate (a PrivacyCa makes a fine one).
struct Signer {
    key: rsa::PrivateKey,
    cert_der: Vec<u8>,
    cert_pem: String,
}

fn signer(cn: &str) -> Signer {
    let ca = PrivacyCa::generate(cn).unwrap();
    Signer {
        key: rsa::PrivateKey::from_pkcs8_pem(&ca.private_key_pem().unwrap()).unwrap(),
        cert_der: ca.certificate_der().to_vec(),
        cert_pem: ca.certificate_pem(),
    }
}

/// A software host: AIK and binding key, with certificates from a PrivacyCA.
struct Host {
    hardware_uuid: String,
    aik_cert: Vec<u8>,
    binding: rsa::PrivateKey,
    binding_cert: Vec<u8>,
}

fn aik_public_area(aik: &rsa::PrivateKey) -> Public {
    secl_aik_public(&aik.n().to_be_bytes())
}

/// TPM2_Certify of `public` by `aik`, as a TPM makes it: (TPMS_ATTEST, TPMT_SIGNATURE).
fn certify(aik: &rsa::PrivateKey, public: &Public) -> (Vec<u8>, Vec<u8>) {
    let attest = Attest {
        qualified_signer: aik_public_area(aik).name().unwrap(),
        extra_data: vec![0x00, 0xff, 0x55, 0xaa],
        clock_info: ClockInfo {
            clock: 1_000_000,
            reset_count: 1,
            restart_count: 0,
            safe: true,
        },
        firmware_version: 0x0005_0032_0007_e600,
        attested: Attested::Certify {
            name: public.name().unwrap(),
            qualified_name: public.name().unwrap(),
        },
    }
    .to_bytes();
    let sig = Signature {
        scheme: SigScheme::RsaSsa,
        hash: HashAlg::Sha256,
        sig: aik.pkcs1v15_sign::<sha2::Sha256>(&attest).unwrap(),
    }
    .to_bytes();
    (attest, sig)
}

fn rsa2048() -> rsa::PrivateKey {
    rsa::PrivateKey::new(&mut rand::rng(), 2048).unwrap()
}

/// A host whose AIK certificate comes from `aik_ca`, binding certificate from `binding_ca`,
/// and whose binding key is certified by `certifier` (its own AIK when `None`).
fn host_with(
    aik_ca: &PrivacyCa,
    binding_ca: &PrivacyCa,
    certifier: Option<&rsa::PrivateKey>,
) -> Host {
    let aik = rsa2048();
    let aik_area = aik_public_area(&aik);
    let aik_cert = aik_ca
        .issue_aik_certificate(&aik.to_public_key(), &aik_area.name().unwrap())
        .unwrap();
    let binding = rsa2048();
    let area = Public::secl_binding_key(&binding.n().to_be_bytes());
    let (attest, sig) = certify(certifier.unwrap_or(&aik), &area);
    let binding_cert = binding_ca
        .issue_binding_key_certificate(&area.to_bytes(), &attest, &sig)
        .unwrap();
    Host {
        hardware_uuid: uuid::Uuid::new_v4().to_string(),
        aik_cert,
        binding,
        binding_cert,
    }
}

/// Everything made once per test binary (RSA-3072 generation is the slow part).
struct Material {
    saml: Signer,
    other_saml: Signer,
    ca: PrivacyCa,
    other_ca: PrivacyCa,
    host: Host,
    host_b: Host,
    other_aik: rsa::PrivateKey,
}

fn material() -> &'static Material {
    static M: OnceLock<Material> = OnceLock::new();
    M.get_or_init(|| {
        let ca = PrivacyCa::generate("HVS Privacy Certificate").unwrap();
        let host = host_with(&ca, &ca, None);
        let host_b = host_with(&ca, &ca, None);
        Material {
            saml: signer("HVS SAML Certificate"),
            other_saml: signer("Another SAML Certificate"),
            other_ca: PrivacyCa::generate("HVS Privacy Certificate").unwrap(),
            ca,
            host,
            host_b,
            other_aik: rsa2048(),
        }
    })
}

/// What a report says; each refusal case changes one thing.
#[derive(Clone)]
struct Spec {
    issued: OffsetDateTime,
    validity: Duration,
    trust_overall: &'static str,
    tags: Vec<(&'static str, &'static str)>,
    trust_asset_tag: Option<&'static str>,
}

impl Default for Spec {
    fn default() -> Self {
        Self {
            issued: OffsetDateTime::now_utc() - Duration::seconds(5),
            validity: Duration::hours(1),
            trust_overall: "true",
            tags: vec![("country", "US")],
            trust_asset_tag: Some("true"),
        }
    }
}

fn report(spec: &Spec, host: &Host, aik_cert: &[u8], signer: &Signer) -> String {
    let mut attrs = vec![
        ("TRUST_OVERALL".to_string(), spec.trust_overall.to_string()),
        ("TRUST_PLATFORM".into(), "true".into()),
        ("HardwareUUID".into(), host.hardware_uuid.clone()),
        ("TPMVersion".into(), "2.0".into()),
        ("AIK_Certificate".into(), B64.encode(aik_cert)),
        (
            "Binding_Key_Certificate".into(),
            B64.encode(&host.binding_cert),
        ),
    ];
    if let Some(t) = spec.trust_asset_tag {
        attrs.push(("TRUST_ASSET_TAG".into(), t.into()));
    }
    for (k, v) in &spec.tags {
        attrs.push((format!("TAG_{k}"), v.to_string()));
    }
    TrustReport::new("AttestationService", spec.issued, spec.validity, attrs)
        .sign(DEFAULT_ASSERTION_ID, &signer.key, &signer.cert_der)
        .unwrap()
}

fn good_report(spec: &Spec) -> String {
    let m = material();
    report(spec, &m.host, &m.host.aik_cert, &m.saml)
}

// ----- KBS helpers -------------------------------------------------------------------------

struct Kbs {
    _dir: tempfile::TempDir,
    kbs: KbsProcess,
    c: Client,
    admin: String,
}

fn import(c: &Client, admin: &str, path: &str, pem: &str) -> String {
    let r = c.send(
        "POST",
        path,
        Some(admin),
        &[
            ("Accept", "application/json"),
            ("Content-Type", "application/x-pem-file"),
        ],
        Some(pem.as_bytes().to_vec()),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    r.json()["id"].as_str().unwrap().to_string()
}

/// A KBS trusting the test SAML signer and PrivacyCA.
fn kbs() -> Kbs {
    let m = material();
    let dir = tempfile::tempdir().unwrap();
    let kbs = KbsProcess::start(&dir.path().join("kbs"), &[]);
    let c = kbs.client();
    let admin = kbs.admin_token();
    import(&c, &admin, "/saml-certificates", &m.saml.cert_pem);
    import(
        &c,
        &admin,
        "/tpm-identity-certificates",
        &m.ca.certificate_pem(),
    );
    Kbs {
        _dir: dir,
        kbs,
        c,
        admin,
    }
}

impl Kbs {
    fn key(&self, body: serde_json::Value) -> String {
        let r = self.c.post_json("/keys", &self.admin, body);
        assert_eq!(r.status, 201, "{}", r.text());
        r.json()["key_information"]["id"]
            .as_str()
            .unwrap()
            .to_string()
    }

    fn key_with_usage(&self, usage: &str) -> String {
        self.key(json!({"key_information":{"algorithm":"AES","key_length":256},"usage":usage}))
    }

    fn transfer(&self, id: &str, body: &str) -> Resp {
        self.c.send(
            "POST",
            &format!("/keys/{id}/transfer"),
            None,
            &[
                ("Content-Type", "application/samlassertion+xml"),
                ("Accept", "application/octet-stream"),
            ],
            Some(body.as_bytes().to_vec()),
        )
    }

    /// The key bytes, by envelope transfer as the owner.
    fn key_bytes(&self, id: &str) -> Vec<u8> {
        let (private, public) = rsa_pair(3072);
        let r = self.c.send(
            "POST",
            &format!("/keys/{id}"),
            Some(&self.admin),
            &[
                ("Accept", "application/json"),
                ("Content-Type", "text/plain"),
            ],
            Some(public.into_bytes()),
        );
        assert_eq!(r.status, 200, "{}", r.text());
        private
            .oaep_decrypt::<sha2::Sha384>(
                &B64.decode(r.json()["wrapped_key"].as_str().unwrap())
                    .unwrap(),
            )
            .unwrap()
    }

    fn last_transfer_audit(&self) -> serde_json::Value {
        let a = self.c.get("/audit?action=key.transfer", &self.admin).json();
        a.as_array()
            .unwrap()
            .last()
            .cloned()
            .expect("an audit record")
    }

    /// Keys, certificates and policies as listed: what a refusal must not change.
    fn state(&self) -> Vec<String> {
        [
            "/keys",
            "/saml-certificates",
            "/tpm-identity-certificates",
            "/key-transfer-policies",
        ]
        .iter()
        .map(|p| self.c.get(p, &self.admin).text())
        .collect()
    }

    /// Asserts SecL's 401, an unchanged store and an audit record with `code`.
    fn assert_denied(&self, id: &str, body: &str, code: &str) {
        let before = self.state();
        let r = self.transfer(id, body);
        assert_eq!(r.status, 401, "{code}: {}", r.text());
        assert_eq!(r.text(), DENIED, "{code}");
        assert_eq!(self.state(), before, "{code}: a refusal changed the store");
        let a = self.last_transfer_audit();
        assert_eq!(a["outcome"], "denied", "{code}: {a}");
        assert_eq!(a["key_id"], id, "{code}: {a}");
        let reason = a["reason"].as_str().unwrap();
        assert!(
            reason.starts_with(&format!("{code}: ")),
            "expected {code}, audited {reason}"
        );
        assert!(
            !self.kbs.logs().contains("MapAssertion"),
            "the SAML body reached the log"
        );
    }
}

fn unwrap_binding(key: &rsa::PrivateKey, blob: &[u8]) -> Result<Vec<u8>, rsa::Error> {
    let padding = rsa::Oaep::<sha2::Sha256>::new_with_label(b"TPM2\0".to_vec());
    key.decrypt(padding, blob)
}

// ----- tests -------------------------------------------------------------------------------

#[test]
fn a_trusted_report_releases_the_key_wrapped_to_the_binding_key() {
    let m = material();
    let k = kbs();
    let id = k.key_with_usage("country:US");
    let xml = good_report(&Spec::default());
    let r = k.transfer(&id, &xml);
    assert_eq!(r.status, 200, "{}\n{}", r.text(), k.kbs.logs());
    assert_eq!(r.content_type, "application/octet-stream");
    assert_eq!(r.body.len(), 256);
    let a = k.last_transfer_audit();
    assert_eq!(a["outcome"], "granted", "{a}");
    assert_eq!(
        a["actor"],
        format!("saml host {}", m.host.hardware_uuid).as_str()
    );
    let key = unwrap_binding(&m.host.binding, &r.body).expect("binding key opens the blob");
    assert_eq!(key.len(), 32);
    assert_eq!(key, k.key_bytes(&id), "SAML and envelope transfer disagree");

    // The same report again (verification cached): a fresh blob of the same key.
    let r2 = k.transfer(&id, &xml);
    assert_eq!(r2.status, 200, "{}", r2.text());
    assert_ne!(r2.body, r.body, "OAEP is randomised");
    assert_eq!(unwrap_binding(&m.host.binding, &r2.body).unwrap(), key);

    // A key without usage needs no tags; a report without TRUST_ASSET_TAG is fine for it.
    let plain = k.key(json!({"key_information":{"algorithm":"AES","key_length":256}}));
    let xml = good_report(&Spec {
        tags: vec![],
        trust_asset_tag: None,
        ..Spec::default()
    });
    let r = k.transfer(&plain, &xml);
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(
        unwrap_binding(&m.host.binding, &r.body).unwrap(),
        k.key_bytes(&plain)
    );
    // Tag names and values compare case-insensitively.
    let r = k.transfer(
        &k.key_with_usage("COUNTRY:us"),
        &good_report(&Spec::default()),
    );
    assert_eq!(r.status, 200, "{}", r.text());
}

#[test]
fn every_failed_release_check_is_refused_and_audited() {
    let m = material();
    let k = kbs();
    let id = k.key_with_usage("country:US");
    let now = OffsetDateTime::now_utc();

    // Altered signature byte.
    let xml = good_report(&Spec::default());
    let start = xml.find("<SignatureValue>").unwrap() + "<SignatureValue>".len() + 10;
    let mut bytes = xml.clone().into_bytes();
    bytes[start] = if bytes[start] == b'A' { b'B' } else { b'A' };
    k.assert_denied(&id, &String::from_utf8(bytes).unwrap(), "saml-signature");
    // Altered content under a kept signature.
    k.assert_denied(
        &id,
        &xml.replacen("TPMVersion\">", "TPMVersion\"> ", 1)
            .replacen(">2.0<", ">1.2<", 1),
        "saml-signature",
    );

    // Signed by a certificate that was never imported.
    let foreign = report(&Spec::default(), &m.host, &m.host.aik_cert, &m.other_saml);
    k.assert_denied(&id, &foreign, "saml-signer");

    // Expired and not yet valid.
    let expired = good_report(&Spec {
        issued: now - Duration::hours(2),
        validity: Duration::hours(1),
        ..Spec::default()
    });
    k.assert_denied(&id, &expired, "saml-expired");
    let future = good_report(&Spec {
        issued: now + Duration::hours(1),
        ..Spec::default()
    });
    k.assert_denied(&id, &future, "saml-not-yet-valid");

    // Older than the key's policy allows (60 s), though still within its own window.
    let r = k.c.post_json(
        "/key-transfer-policies",
        &k.admin,
        json!({"attestation_type":["TPM"],"tpm":{"max_report_age_seconds":60}}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let strict = k.key(json!({
        "key_information":{"algorithm":"AES","key_length":256},
        "transfer_policy_id": r.json()["id"],
    }));
    let old = good_report(&Spec {
        issued: now - Duration::seconds(120),
        ..Spec::default()
    });
    k.assert_denied(&strict, &old, "report-too-old");
    // The default policy (300 s) accepts the same report.
    assert_eq!(k.transfer(&id, &old).status, 200);

    // Untrusted host.
    let untrusted = good_report(&Spec {
        trust_overall: "false",
        ..Spec::default()
    });
    k.assert_denied(&id, &untrusted, "trust-overall");

    // AIK certificate from another PrivacyCA.
    let other_aik = host_with(&m.other_ca, &m.ca, None);
    k.assert_denied(
        &id,
        &report(&Spec::default(), &other_aik, &other_aik.aik_cert, &m.saml),
        "aik-chain",
    );
    // Binding certificate from another PrivacyCA.
    let other_binding = host_with(&m.ca, &m.other_ca, None);
    k.assert_denied(
        &id,
        &report(
            &Spec::default(),
            &other_binding,
            &other_binding.aik_cert,
            &m.saml,
        ),
        "binding-chain",
    );
    // Binding key certified by another AIK than the report's.
    let wrong_certifier = host_with(&m.ca, &m.ca, Some(&m.other_aik));
    k.assert_denied(
        &id,
        &report(
            &Spec::default(),
            &wrong_certifier,
            &wrong_certifier.aik_cert,
            &m.saml,
        ),
        "binding-certify",
    );
    // Another host's (valid) binding certificate next to this host's AIK.
    k.assert_denied(
        &id,
        &report(&Spec::default(), &m.host_b, &m.host.aik_cert, &m.saml),
        "binding-certify",
    );

    // Usage tags: missing, different value, asset tag not verified.
    k.assert_denied(
        &id,
        &good_report(&Spec {
            tags: vec![("state", "CA")],
            ..Spec::default()
        }),
        "usage-tags",
    );
    k.assert_denied(
        &id,
        &good_report(&Spec {
            tags: vec![("country", "DE")],
            ..Spec::default()
        }),
        "usage-tags",
    );
    k.assert_denied(
        &id,
        &good_report(&Spec {
            trust_asset_tag: Some("false"),
            ..Spec::default()
        }),
        "usage-tags",
    );

    // Unknown and deleted keys.
    let good = good_report(&Spec::default());
    k.assert_denied(&uuid::Uuid::new_v4().to_string(), &good, "key-not-found");
    let doomed = k.key_with_usage("country:US");
    assert_eq!(k.transfer(&doomed, &good).status, 200);
    assert_eq!(k.c.delete(&format!("/keys/{doomed}"), &k.admin).status, 204);
    k.assert_denied(&doomed, &good, "key-not-found");

    // Intel's real report: pretty-printed after signing, so its signature is broken.
    import(
        &k.c,
        &k.admin,
        "/saml-certificates",
        &std::fs::read_to_string(fixture("intel-secl/saml_cert.pem")).unwrap(),
    );
    import(
        &k.c,
        &k.admin,
        "/tpm-identity-certificates",
        &std::fs::read_to_string(fixture("intel-secl/privacyca_cert.pem")).unwrap(),
    );
    let intel = std::fs::read_to_string(fixture("intel-secl/saml_report.xml")).unwrap();
    // Its SAML certificate expired in 2023, and the signer is checked before the digest...
    k.assert_denied(&id, &intel, "saml-signer");
    // ...but within the certificate's lifetime the signature itself is what fails.
    let intel_cert =
        secl_saml::certs_from_pem(&std::fs::read(fixture("intel-secl/saml_cert.pem")).unwrap())
            .unwrap();
    assert_eq!(
        secl_saml::verify(
            intel.as_bytes(),
            &intel_cert[..1],
            time::macros::datetime!(2023-01-01 0:00 UTC),
            None
        )
        .unwrap_err(),
        secl_saml::SamlError::DigestMismatch
    );

    // After all that, the good report still works and nothing leaked into the log.
    assert_eq!(k.transfer(&id, &good).status, 200);
    let logs = k.kbs.logs();
    assert!(!logs.contains(&B64.encode(&m.host.binding_cert)[..40]));
}

#[test]
fn a_report_replayed_for_another_host_yields_a_blob_only_that_host_opens() {
    let m = material();
    let k = kbs();
    let id = k.key_with_usage("country:US");
    // Host B's genuine report, sent by anyone: the blob is wrapped to B's binding key.
    let xml = report(&Spec::default(), &m.host_b, &m.host_b.aik_cert, &m.saml);
    let r = k.transfer(&id, &xml);
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(
        k.last_transfer_audit()["actor"],
        format!("saml host {}", m.host_b.hardware_uuid).as_str()
    );
    assert!(unwrap_binding(&m.host.binding, &r.body).is_err());
    assert_eq!(
        unwrap_binding(&m.host_b.binding, &r.body).unwrap(),
        k.key_bytes(&id)
    );
}

#[test]
fn deleting_an_imported_certificate_revokes_cached_trust_at_once() {
    let m = material();
    let k = kbs();
    let id = k.key_with_usage("country:US");
    let xml = good_report(&Spec::default());
    assert_eq!(k.transfer(&id, &xml).status, 200);

    let list = k.c.get("/tpm-identity-certificates", &k.admin).json();
    let ca_id = list[0]["id"].as_str().unwrap().to_string();
    assert_eq!(
        k.c.delete(&format!("/tpm-identity-certificates/{ca_id}"), &k.admin)
            .status,
        204
    );
    k.assert_denied(&id, &xml, "aik-chain");
    import(
        &k.c,
        &k.admin,
        "/tpm-identity-certificates",
        &m.ca.certificate_pem(),
    );
    assert_eq!(k.transfer(&id, &xml).status, 200);

    let list = k.c.get("/saml-certificates", &k.admin).json();
    let saml_id = list[0]["id"].as_str().unwrap().to_string();
    assert_eq!(
        k.c.delete(&format!("/saml-certificates/{saml_id}"), &k.admin)
            .status,
        204
    );
    k.assert_denied(&id, &xml, "saml-signer");
}

/// How long an import or delete on one instance may take to hold on another sharing its store:
/// each instance reloads its trusted certificates about every second.
const PROPAGATION_BOUND: std::time::Duration = std::time::Duration::from_secs(3);

/// Good reports whose bodies all differ (each issued at least 1 ms after the last), so that no
/// cache keyed by the body can answer for one.
struct FreshReports(std::cell::Cell<OffsetDateTime>);

impl FreshReports {
    fn new() -> Self {
        Self(std::cell::Cell::new(OffsetDateTime::UNIX_EPOCH))
    }

    fn next(&self) -> String {
        let issued = (OffsetDateTime::now_utc() - Duration::seconds(5))
            .max(self.0.get() + Duration::milliseconds(1));
        self.0.set(issued);
        good_report(&Spec {
            issued,
            ..Spec::default()
        })
    }
}

impl Kbs {
    /// Transfers `id` with a fresh report every 50 ms until `done` holds for the answer (with
    /// the last transfer audit record); asserts that this happened within [`PROPAGATION_BOUND`]
    /// of `since` (when the change was acknowledged) and prints how long it took.
    fn until(
        &self,
        what: &str,
        since: Instant,
        id: &str,
        reports: &FreshReports,
        done: impl Fn(&Resp, &serde_json::Value) -> bool,
    ) {
        loop {
            let r = self.transfer(id, &reports.next());
            assert!(
                r.status == 200 || r.status == 401,
                "{what}: {} {}",
                r.status,
                r.text()
            );
            let audit = self.last_transfer_audit();
            if done(&r, &audit) {
                let took = since.elapsed();
                eprintln!("{what}: after {took:?}");
                assert!(took < PROPAGATION_BOUND, "{what}: took {took:?}");
                return;
            }
            assert!(
                since.elapsed() < PROPAGATION_BOUND,
                "{what}: not within {PROPAGATION_BOUND:?}; last answer {} {}, audited {audit}",
                r.status,
                r.text()
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }

    fn until_granted(&self, what: &str, since: Instant, id: &str, reports: &FreshReports) {
        self.until(what, since, id, reports, |r, a| {
            r.status == 200 && a["outcome"] == "granted"
        });
    }

    fn until_denied(
        &self,
        what: &str,
        since: Instant,
        id: &str,
        reports: &FreshReports,
        code: &str,
    ) {
        self.until(what, since, id, reports, |r, a| {
            if r.status != 401 {
                return false;
            }
            assert_eq!(r.text(), DENIED, "{what}");
            assert_eq!(a["outcome"], "denied", "{what}: {a}");
            let reason = a["reason"].as_str().unwrap();
            assert!(
                reason.starts_with(&format!("{code}: ")),
                "{what}: expected {code}, audited {reason}"
            );
            true
        });
    }
}

#[test]
fn certificate_imports_and_deletes_on_one_instance_hold_on_another_sharing_the_store() {
    let Some(db) = TestDb::create() else { return };
    let m = material();
    let shared = tempfile::tempdir().unwrap();
    let master = shared.path().join("master.key");
    let args = [
        "--store",
        db.url.as_str(),
        "--master-key-file",
        master.to_str().unwrap(),
    ];
    let instance = |admin: Option<&str>| {
        let dir = tempfile::tempdir().unwrap();
        let kbs = KbsProcess::start(&dir.path().join("kbs"), &args);
        let admin = admin.map_or_else(|| kbs.admin_token(), str::to_string);
        Kbs {
            c: kbs.client(),
            _dir: dir,
            kbs,
            admin,
        }
    };
    let a = instance(None);
    let b = instance(Some(&a.admin));
    let id = a.key_with_usage("country:US");
    let reports = FreshReports::new();

    // B trusts nothing yet (and has loaded that); A imports both certificates; B follows.
    b.assert_denied(&id, &reports.next(), "saml-signer");
    let saml = import(&a.c, &a.admin, "/saml-certificates", &m.saml.cert_pem);
    let ca_pem = m.ca.certificate_pem();
    let ca = import(&a.c, &a.admin, "/tpm-identity-certificates", &ca_pem);
    let since = Instant::now();
    b.until_granted("imports on A granted on B", since, &id, &reports);
    assert_eq!(a.transfer(&id, &reports.next()).status, 200);

    // The SAML certificate deleted on B: B refuses at once, A within the bound.
    let path = format!("/saml-certificates/{saml}");
    assert_eq!(b.c.delete(&path, &b.admin).status, 204);
    let since = Instant::now();
    b.assert_denied(&id, &reports.next(), "saml-signer");
    a.until_denied(
        "SAML delete on B refused on A",
        since,
        &id,
        &reports,
        "saml-signer",
    );
    // Imported again on A (B has just loaded its trust without it): B grants again.
    b.assert_denied(&id, &reports.next(), "saml-signer");
    let saml = import(&a.c, &a.admin, "/saml-certificates", &m.saml.cert_pem);
    let since = Instant::now();
    assert_eq!(a.transfer(&id, &reports.next()).status, 200);
    b.until_granted("SAML re-import on A granted on B", since, &id, &reports);

    // The PrivacyCA certificate deleted on A: A refuses at once, B within the bound.
    let path = format!("/tpm-identity-certificates/{ca}");
    assert_eq!(a.c.delete(&path, &a.admin).status, 204);
    let since = Instant::now();
    a.assert_denied(&id, &reports.next(), "aik-chain");
    b.until_denied(
        "PrivacyCA delete on A refused on B",
        since,
        &id,
        &reports,
        "aik-chain",
    );
    // Imported again on B (A has just loaded its trust without it): A grants again.
    a.assert_denied(&id, &reports.next(), "aik-chain");
    import(&b.c, &b.admin, "/tpm-identity-certificates", &ca_pem);
    let since = Instant::now();
    assert_eq!(b.transfer(&id, &reports.next()).status, 200);
    a.until_granted(
        "PrivacyCA re-import on B granted on A",
        since,
        &id,
        &reports,
    );

    // Both certificates are listed once, whichever instance asks.
    for k in [&a, &b] {
        let list = k.c.get("/saml-certificates", &k.admin).json();
        assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
        assert_eq!(list[0]["id"], saml.as_str());
        let list = k.c.get("/tpm-identity-certificates", &k.admin).json();
        assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    }
}

#[test]
fn media_types_and_malformed_bodies() {
    let k = kbs();
    let id = k.key_with_usage("country:US");
    let path = format!("/keys/{id}/transfer");
    let send = |ct: Option<&str>, body: &[u8]| {
        let mut h = vec![("Accept", "application/octet-stream")];
        if let Some(ct) = ct {
            h.push(("Content-Type", ct));
        }
        k.c.send("POST", &path, None, &h, Some(body.to_vec()))
    };
    let xml = good_report(&Spec::default());
    for ct in [None, Some("application/xml"), Some("application/json")] {
        let r = send(ct, xml.as_bytes());
        assert_eq!(r.status, 415, "{ct:?}: {}", r.text());
        assert_eq!(r.text(), "Invalid Content-Type\n");
    }
    // text/plain keeps the v4 envelope transfer, which needs a token.
    let r = send(Some("text/plain"), xml.as_bytes());
    assert_eq!(r.status, 401, "{}", r.text());
    assert_ne!(r.text(), DENIED);

    let saml = Some("application/samlassertion+xml");
    let r = send(saml, b"");
    assert_eq!(r.status, 400, "{}", r.text());
    for bad in [
        &b"not xml at all"[..],
        b"<a/>",
        b"<saml2:Assertion/>",
        b"<saml2:Assertion xmlns:saml2=\"urn:oasis:names:tc:SAML:2.0:assertion\">",
        b"\xff\xfe<x/>",
        b"<!DOCTYPE a [<!ENTITY b \"c\">]><a>&b;</a>",
    ] {
        let r = send(saml, bad);
        assert_eq!(r.status, 400, "{bad:?}: {}", r.text());
        assert_eq!(r.text(), "Failed to unmarshal SAML report\n");
    }
    // A well-formed but unsigned assertion is a trust refusal, not a parse error.
    let unsigned = TrustReport::new(
        "AttestationService",
        OffsetDateTime::now_utc(),
        Duration::hours(1),
        vec![("TRUST_OVERALL".into(), "true".into())],
    )
    .to_unsigned_xml("MapAssertion");
    k.assert_denied(&id, &unsigned, "saml-signature");
    // Size limit.
    let big = format!("<!--{}-->{xml}", "x".repeat(300 * 1024));
    let r = send(saml, big.as_bytes());
    assert_eq!(r.status, 413, "{}", r.text());
    // A malformed key id.
    let r = k.c.send(
        "POST",
        "/keys/not-a-uuid/transfer",
        None,
        &[("Content-Type", "application/samlassertion+xml")],
        Some(xml.into_bytes()),
    );
    assert_eq!(r.status, 400, "{}", r.text());
}

// ----- real parts --------------------------------------------------------------------------

#[test]
fn real_hvs_report_releases_a_key_that_the_hosts_tpm_unwraps() {
    use secl_testkit::TpmHvs;
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let site = TpmHvs::start(root);
    let tpm = &site.tpm;
    let h = site.client();

    let agent = site.agent(root, "ta-token-0123456789abcdef");
    let wla_data = agent.data.clone();
    let host = site.register(&agent);
    let host_id = host["id"].as_str().unwrap().to_string();
    let hw = host["hardware_uuid"].as_str().unwrap().to_string();
    site.flavors_from_host(&host_id, &["PLATFORM", "OS", "HOST_UNIQUE"]);
    let r = h.send(
        "POST",
        "/reports",
        Some(&site.admin),
        &[
            ("Accept", "application/samlassertion+xml"),
            ("Content-Type", "application/json"),
        ],
        Some(serde_json::to_vec(&json!({"hardware_uuid": hw})).unwrap()),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let saml = r.text();
    // The agent must let go of the TPM before the test uses it.
    drop(agent);

    // Trust set-up of the KBS from the HVS's public certificate routes.
    let r = h.send(
        "GET",
        "/ca-certificates?domain=saml",
        None,
        &[("Accept", "application/x-pem-file")],
        None,
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let saml_pem = r.text();
    let r = h.send(
        "GET",
        "/ca-certificates/privacy",
        None,
        &[("Accept", "application/json")],
        None,
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let privacy_der = B64
        .decode(r.json()["certificate"].as_str().unwrap())
        .unwrap();
    let privacy_pem = secl_attest::privacy_ca::pem_encode("CERTIFICATE", &privacy_der);
    let dir = tempfile::tempdir().unwrap();
    let kbs = KbsProcess::start(&dir.path().join("kbs"), &[]);
    let c = kbs.client();
    let admin = kbs.admin_token();
    let k = Kbs {
        _dir: dir,
        kbs,
        c,
        admin,
    };
    // Untrusted until both certificates are imported.
    let id = k.key(json!({"key_information":{"algorithm":"AES","key_length":256}}));
    k.assert_denied(&id, &saml, "saml-signer");
    import(&k.c, &k.admin, "/saml-certificates", &saml_pem);
    k.assert_denied(&id, &saml, "aik-chain");
    import(&k.c, &k.admin, "/tpm-identity-certificates", &privacy_pem);

    let r = k.transfer(&id, &saml);
    assert_eq!(r.status, 200, "{}\n{}", r.text(), k.kbs.logs());
    assert_eq!(r.body.len(), 256);
    assert_eq!(
        k.last_transfer_audit()["actor"],
        format!("saml host {hw}").as_str()
    );

    // Unwrap inside the TPM with the agent's binding key.
    let blobs = secl_tpm::KeyBlobs::read_file(&wla_data.join("binding-key.blob")).unwrap();
    let auth = std::fs::read(wla_data.join("binding-key.auth")).unwrap();
    let mut t = secl_tpm::Tpm::open(&tpm.tcti).unwrap();
    let key = t.rsa_decrypt(&blobs, &auth, &r.body).unwrap();
    assert_eq!(key.len(), 32);
    assert_eq!(key.to_vec(), k.key_bytes(&id));
    // A blob for another key does not come out as this one.
    let mut altered = r.body.clone();
    altered[0] ^= 1;
    assert!(t.rsa_decrypt(&blobs, &auth, &altered).is_err());
}
