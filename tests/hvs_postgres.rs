//! The HVS and the WLS on a real PostgreSQL store (`--store postgres://...`, a throw-away
//! database on the server scripts/test.sh starts). A swtpm host admitted by its EK
//! registration alone (no `--ek-ca`) is provisioned, registered, measured into flavors, linked
//! into a flavor group and given a deployed asset tag; its reports are trusted and carry the
//! tags. Everything is still there after the HVS restarts on the same database, and a second
//! HVS instance sharing the database and the key files (as `secl-hvs --help` asks) serves the
//! same hosts, flavors and certificates and signs trusted reports with the shared SAML key.
//! A WLS keeps a signed image flavor in PostgreSQL across a restart.
//!
//! Needs `cargo build --workspace --bins` first; skips when `SECL_SKIP_POSTGRES=1`.

use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use secl_testkit::{
    Client, ServerProc, Swtpm, TestDb, Wls, admin_token, provisioned_agent, start_hvs_with,
};
use serde_json::{Value, json};
use sha2::{Digest, Sha384};

const TA_TOKEN: &str = "ta-token-hvs-postgres-0123456789";

/// The key files several HVS instances on one store share (`secl-hvs --help`).
const SHARED_KEY_FILES: [&str; 7] = [
    "privacy-ca-cert.pem",
    "privacy-ca-key.pem",
    "tag-ca-cert.pem",
    "tag-ca-key.pem",
    "saml-cert.pem",
    "saml-key.pem",
    "seal.key",
];

/// `secl-hvs serve` over `store` with `data` as data directory and no EK CA: only registered
/// EK certificates are admitted. `log` names this run's log.
fn start_hvs(data: &Path, store: &str, log: &str) -> ServerProc {
    start_hvs_with(data, &["--store", store], &data.with_file_name(log))
}

fn client(hvs: &ServerProc, data: &Path) -> Client {
    Client::new(&hvs.url, &data.join("tls-ca.pem"))
}

#[track_caller]
fn ok(r: &secl_testkit::Resp, status: u16) -> Value {
    assert_eq!(r.status, status, "{}", r.text());
    r.json()
}

/// Everything the test created, as the HVS lists it.
fn snapshot(c: &Client, admin: &str) -> Value {
    let mut all = serde_json::Map::new();
    for route in [
        "/hosts",
        "/flavors",
        "/flavorgroups?includeFlavorContent=true",
        "/tpm-endorsements",
        "/tag-certificates",
    ] {
        all.insert(route.to_string(), ok(&c.get(route, admin), 200));
    }
    Value::Object(all)
}

/// A fresh report for `host_id`: trusted, its SAML signed by `saml_cert` and carrying the tag.
#[track_caller]
fn trusted_tagged_report(c: &Client, admin: &str, host_id: &str, saml_cert: &[u8]) {
    let r = ok(
        &c.post_json("/reports", admin, json!({"host_id": host_id})),
        201,
    );
    assert_eq!(r["trust_report"]["overall"], true, "{r}");
    assert_eq!(
        r["trust_report"]["parts"]["ASSET_TAG"]["trusted"], true,
        "{r}"
    );
    let saml = r["saml"].as_str().unwrap().as_bytes();
    let v = secl_saml::verify(
        saml,
        &[saml_cert.to_vec()],
        time::OffsetDateTime::now_utc(),
        None,
    )
    .unwrap_or_else(|e| panic!("SAML report does not verify: {e:?}"));
    assert!(v.trust_overall());
    assert_eq!(v.trust_flag("ASSET_TAG"), Some(true));
    assert_eq!(v.asset_tags(), [("country", "US")]);
}

fn saml_cert(c: &Client, admin: &str) -> Vec<u8> {
    let r = ok(&c.get("/ca-certificates/saml", admin), 200);
    B64.decode(r["certificate"].as_str().unwrap()).unwrap()
}

/// The swtpm's EK certificate (DER), as the agent reads it from NV.
fn ek_certificate(tpm: &Swtpm) -> Vec<u8> {
    let mut t = secl_tpm::Tpm::open(&tpm.tcti).unwrap();
    t.ek_certificate()
        .unwrap()
        .expect("swtpm has an EK certificate")
}

#[test]
fn hvs_state_lives_in_postgres_across_restarts_and_instances() {
    let Some(db) = TestDb::create() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let tpm = Swtpm::start(&root.join("swtpm"));
    let data_a: PathBuf = root.join("hvs-a");
    let hvs = start_hvs(&data_a, &db.url, "hvs-a-1.log");
    let admin = admin_token(&data_a);
    let c = client(&hvs, &data_a);
    assert!(
        !data_a.join("secl.redb").exists(),
        "--store postgres:// must not open the embedded store"
    );

    // The EK registration is what admits the host (no --ek-ca).
    let ek = ok(
        &c.post_json(
            "/tpm-endorsements",
            &admin,
            json!({"certificate": B64.encode(ek_certificate(&tpm)), "comment": "pg host"}),
        ),
        201,
    );
    let ek_id = ek["id"].as_str().unwrap().to_string();

    // Provisioned (AIK and binding key through the HVS), registered, measured.
    let agent = provisioned_agent(&tpm, &root.join("host"), &hvs, &data_a, TA_TOKEN);
    let host = ok(&c.post_json("/hosts", &admin, agent.registration()), 201);
    let host_id = host["id"].as_str().unwrap().to_string();
    let hardware_uuid = host["hardware_uuid"].as_str().unwrap().to_string();
    let flavors = ok(
        &c.post_json(
            "/flavors",
            &admin,
            json!({"host_id": host_id, "flavor_parts": ["PLATFORM", "OS", "HOST_UNIQUE"]}),
        ),
        201,
    );
    let flavors = flavors["flavors"].as_array().unwrap().clone();
    assert_eq!(flavors.len(), 3, "{flavors:?}");
    let flavor_id = flavors[0]["id"].as_str().unwrap().to_string();

    // A flavor group holding one of the host's flavors.
    let group = ok(
        &c.post_json(
            "/flavorgroups",
            &admin,
            json!({"name": "pg-group", "flavor_match_policy_collection": {"flavor_match_policies": [
                {"flavor_part": "PLATFORM",
                 "match_policy": {"match_type": "ANY_OF", "required": "REQUIRED"}}]}}),
        ),
        201,
    );
    let group_id = group["id"].as_str().unwrap().to_string();
    ok(
        &c.post_json(
            &format!("/flavorgroups/{group_id}/flavors"),
            &admin,
            json!({"flavor_id": flavor_id}),
        ),
        201,
    );

    // A tag certificate, created and deployed.
    let cert = ok(
        &c.post_json(
            "/tag-certificates",
            &admin,
            json!({"hardware_uuid": hardware_uuid,
                   "selection_content": [{"name": "country", "value": "US"}]}),
        ),
        201,
    );
    let cert_id = cert["id"].as_str().unwrap().to_string();
    let deployed = ok(
        &c.post_json(
            "/rpc/deploy-tag-certificate",
            &admin,
            json!({"certificate_id": cert_id}),
        ),
        200,
    );
    assert_eq!(deployed["flavor_part"], "ASSET_TAG", "{deployed}");

    assert!(
        hvs.logs().contains("postgres store at"),
        "not on PostgreSQL: {}",
        hvs.logs()
    );
    let saml = saml_cert(&c, &admin);
    trusted_tagged_report(&c, &admin, &host_id, &saml);
    let before = snapshot(&c, &admin);
    let text = before.to_string();
    for id in [&host_id, &flavor_id, &group_id, &ek_id, &cert_id] {
        assert!(text.contains(id.as_str()), "{id} not listed: {text}");
    }
    assert!(text.contains("pg-group"), "{text}");

    // Restarted on the same database: the same state, and still trusted.
    drop(c);
    hvs.stop();
    let hvs = start_hvs(&data_a, &db.url, "hvs-a-2.log");
    let c = client(&hvs, &data_a);
    assert_eq!(
        snapshot(&c, &admin),
        before,
        "state changed across the restart"
    );
    let links = ok(
        &c.get(&format!("/flavorgroups/{group_id}/flavors"), &admin),
        200,
    );
    assert!(links.to_string().contains(&flavor_id), "{links}");
    trusted_tagged_report(&c, &admin, &host_id, &saml);

    // A second instance on the same database with the shared key files: it mints no admin
    // token of its own, accepts the first one's, sees the same state and signs trusted
    // reports with the shared SAML key.
    let data_b = root.join("hvs-b");
    std::fs::create_dir_all(&data_b).unwrap();
    for f in SHARED_KEY_FILES {
        std::fs::copy(data_a.join(f), data_b.join(f)).unwrap_or_else(|e| panic!("{f}: {e}"));
    }
    let hvs_b = start_hvs(&data_b, &db.url, "hvs-b.log");
    assert!(
        !data_b.join("admin.token").exists(),
        "the second instance must not mint a second admin token"
    );
    let cb = client(&hvs_b, &data_b);
    assert_eq!(
        saml_cert(&cb, &admin),
        saml,
        "the SAML signer is the shared one"
    );
    assert_eq!(
        snapshot(&cb, &admin),
        before,
        "instance B sees another state"
    );
    trusted_tagged_report(&cb, &admin, &host_id, &saml);
    // What B changes, A sees.
    let group_b = ok(
        &cb.post_json(
            "/flavorgroups",
            &admin,
            json!({"name": "pg-group-b", "flavor_match_policy_collection": {"flavor_match_policies": [
                {"flavor_part": "OS",
                 "match_policy": {"match_type": "ANY_OF", "required": "REQUIRED"}}]}}),
        ),
        201,
    );
    let id_b = group_b["id"].as_str().unwrap();
    ok(&c.get(&format!("/flavorgroups/{id_b}"), &admin), 200);
    drop(agent);
}

/// A flavor-signing key and its self-signed certificate in `dir`.
fn signing_key(dir: &Path) -> (rsa::PrivateKey, PathBuf) {
    use rsa::pkcs8::{EncodePrivateKey, LineEnding};
    std::fs::create_dir_all(dir).unwrap();
    let key = rsa::PrivateKey::new(&mut rand::rng(), 2048).unwrap();
    let pem = key.to_pkcs8_pem(LineEnding::LF).unwrap();
    let kp = rcgen::KeyPair::from_pkcs8_pem_and_sign_algo(&pem, &rcgen::PKCS_RSA_SHA256).unwrap();
    let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, "pg Flavor Signing");
    let path = dir.join("flavor-signing-cert.pem");
    std::fs::write(&path, params.self_signed(&kp).unwrap().pem()).unwrap();
    (key, path)
}

/// `{"flavor": ..., "signature": ...}` signed over SecL's bytes.
fn sign(key: &rsa::PrivateKey, flavor: &Value) -> Vec<u8> {
    let text = serde_json::to_string(flavor).unwrap();
    let hashed = Sha384::digest(secl_api::wls::signed_bytes(&text));
    let sig = key
        .sign(rsa::Pkcs1v15Sign::new::<Sha384>(), &hashed)
        .unwrap();
    format!(
        "{{\"flavor\":{text},\"signature\":\"{}\"}}",
        B64.encode(sig)
    )
    .into_bytes()
}

#[test]
fn wls_image_flavors_live_in_postgres_across_restarts() {
    let Some(db) = TestDb::create() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let (key, cert) = signing_key(&tmp.path().join("keys"));
    let data = tmp.path().join("wls");
    let args = [
        "--store",
        db.url.as_str(),
        "--flavor-signing-cert",
        cert.to_str().unwrap(),
    ];
    let wls = Wls::start(&data, &args);
    assert!(!data.join("secl.redb").exists(), "embedded store opened");
    let admin = wls.admin();
    let id = "4b4e28ba-2fa1-41d2-883f-0016d3cca427";
    let flavor = json!({
        "meta": {"id": id, "description": {"flavor_part": "CONTAINER_IMAGE", "label": "pg:1"}},
        "encryption_required": true,
        "encryption": {"key_url": "https://127.0.0.1:9/kbs/v1/keys/fc0cc779-22b6-4741-b0d9-e2e69635ad1e/transfer",
                       "digest": "sha256:00"},
        "integrity_enforced": false
    });
    let c = wls.client("v1");
    let stored = ok(&c.post_raw("/flavors", &admin, sign(&key, &flavor)), 201);
    assert_eq!(stored["flavor"], flavor);
    let listed = ok(&c.get("/flavors", &admin), 200);
    assert!(
        wls.proc.logs().contains("postgres store at"),
        "not on PostgreSQL: {}",
        wls.proc.logs()
    );
    drop(c);
    wls.proc.stop();

    let wls = Wls::start(&data, &args);
    let c = wls.client("v1");
    assert_eq!(ok(&c.get("/flavors", &admin), 200), listed);
    let again = ok(&c.get(&format!("/flavors/{id}"), &admin), 200);
    assert_eq!(
        again, stored,
        "the signed flavor changed across the restart"
    );
    assert_eq!(
        ok(&c.get("/flavors?label=pg:1", &admin), 200)
            .as_array()
            .map(Vec::len),
        Some(1)
    );
}
