//! The KBS over real HTTPS, as a separate process: every route, every permission refusal,
//! malformed input, unknown ids, restart and crash durability.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use secl_testkit::{Client, KbsProcess, fixture, rsa_pair};
use serde_json::json;

fn start() -> (tempfile::TempDir, KbsProcess) {
    let dir = tempfile::tempdir().unwrap();
    let kbs = KbsProcess::start(&dir.path().join("kbs"), &[]);
    (dir, kbs)
}

fn pem(name: &str) -> Vec<u8> {
    std::fs::read(fixture(name)).unwrap()
}

fn import(c: &Client, token: &str, path: &str, body: Vec<u8>) -> secl_testkit::Resp {
    c.send(
        "POST",
        path,
        Some(token),
        &[
            ("Accept", "application/json"),
            ("Content-Type", "application/x-pem-file"),
        ],
        Some(body),
    )
}

fn envelope(c: &Client, token: &str, path: &str, public_pem: &str) -> secl_testkit::Resp {
    c.send(
        "POST",
        path,
        Some(token),
        &[
            ("Accept", "application/json"),
            ("Content-Type", "text/plain"),
        ],
        Some(public_pem.as_bytes().to_vec()),
    )
}

#[test]
fn version_is_open_and_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let (_d, kbs) = start();
    let c = kbs.client();
    let r = c.send("GET", "/version", None, &[], None);
    assert_eq!(r.status, 200);
    assert!(r.text().starts_with("secl-kbs "), "{}", r.text());
    for f in ["admin.token", "master.key", "tls-key.pem", "secl.redb"] {
        let mode = std::fs::metadata(kbs.data_dir.join(f))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "{f} is readable by others: {mode:o}");
    }
}

#[test]
fn key_lifecycle_search_and_transfer() {
    let (_d, kbs) = start();
    let c = kbs.client();
    let admin = kbs.admin_token();

    let r = c.post_json(
        "/keys",
        &admin,
        json!({"key_information":{"algorithm":"AES","key_length":256},"label":"nginx","usage":"country:US"}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let key = r.json();
    let id = key["key_information"]["id"].as_str().unwrap().to_string();
    assert_eq!(uuid::Uuid::parse_str(&id).unwrap().get_version_num(), 4);
    assert_eq!(
        key["transfer_link"].as_str().unwrap(),
        format!("{}/keys/{id}/transfer", kbs.url)
    );
    assert_eq!(key["usage"], "country:US");
    let k128 = c.post_json(
        "/keys",
        &admin,
        json!({"key_information":{"algorithm":"aes","key_length":128}}),
    );
    assert_eq!(k128.status, 201, "{}", k128.text());

    let got = c.get(&format!("/keys/{id}"), &admin);
    assert_eq!(got.status, 200);
    assert_eq!(got.json(), key);

    assert_eq!(c.count("/keys", &admin), 2);
    assert_eq!(c.count("/keys?algorithm=AES&keyLength=256", &admin), 1);
    assert_eq!(c.count("/keys?keyLength=128", &admin), 1);
    let policy = key["transfer_policy_id"].as_str().unwrap();
    assert_eq!(
        c.count(&format!("/keys?transferPolicyId={policy}"), &admin),
        2
    );
    assert_eq!(c.get("/keys?colour=red", &admin).status, 400);
    assert_eq!(c.get("/keys?keyLength=big", &admin).status, 400);

    // Envelope transfer (v5 and v4 forms): opens with the matching private key only.
    let (private, public) = rsa_pair(2048);
    let (other, _) = rsa_pair(2048);
    let r = envelope(&c, &admin, &format!("/keys/{id}"), &public);
    assert_eq!(r.status, 200, "{}", r.text());
    let wrapped = STANDARD
        .decode(r.json()["wrapped_key"].as_str().unwrap())
        .unwrap();
    let secret = private.oaep_decrypt::<sha2::Sha384>(&wrapped).unwrap();
    assert_eq!(secret.len(), 32);
    assert!(other.oaep_decrypt::<sha2::Sha384>(&wrapped).is_err());
    assert!(private.oaep_decrypt::<sha2::Sha256>(&wrapped).is_err());

    let r = envelope(&c, &admin, &format!("/keys/{id}/transfer"), &public);
    assert_eq!(r.status, 200, "{}", r.text());
    let v4 = r.json();
    assert_eq!(v4["id"], id.as_str());
    let again = private
        .oaep_decrypt::<sha2::Sha384>(&STANDARD.decode(v4["payload"].as_str().unwrap()).unwrap())
        .unwrap();
    assert_eq!(again, secret, "the same key must come back each time");

    // A bad public key is refused and audited as a denial.
    let r = envelope(&c, &admin, &format!("/keys/{id}"), "not a key");
    assert_eq!(r.status, 400);
    assert_eq!(r.text(), "Failed to decode public key\n");

    // The SAML form is not served yet: a clear 4xx, never 5xx.
    let r = c.send(
        "POST",
        &format!("/keys/{id}/transfer"),
        None,
        &[("Content-Type", "application/samlassertion+xml")],
        Some(b"<saml2:Assertion/>".to_vec()),
    );
    assert!((400..500).contains(&r.status), "{} {}", r.status, r.text());

    let audit = c.get(&format!("/audit?keyId={id}"), &admin).json();
    let outcomes: Vec<(&str, &str)> = audit
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["action"].as_str().unwrap(),
                a["outcome"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        outcomes,
        [
            ("key.create", "done"),
            ("key.transfer", "granted"),
            ("key.transfer", "granted"),
            ("key.transfer", "denied"),
            ("key.transfer", "denied"),
        ]
    );
    assert!(audit[3]["reason"].as_str().unwrap().contains("public key"));

    assert_eq!(c.delete(&format!("/keys/{id}"), &admin).status, 204);
    assert_eq!(c.get(&format!("/keys/{id}"), &admin).status, 404);
    let r = envelope(&c, &admin, &format!("/keys/{id}"), &public);
    assert_eq!(r.status, 404);
    assert_eq!(r.text(), "Key with specified id does not exist\n");
    let last = c.get(&format!("/audit?keyId={id}"), &admin).json();
    let last = last.as_array().unwrap();
    assert_eq!(last[last.len() - 2]["action"], "key.delete");
    assert_eq!(last[last.len() - 1]["outcome"], "denied");
    assert_eq!(
        c.get("/audit?action=key.delete", &admin)
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn key_create_validation() {
    let (_d, kbs) = start();
    let c = kbs.client();
    let admin = kbs.admin_token();
    let cases = [
        (
            json!({"key_information":{"key_length":256}}),
            "key algorithm is missing",
        ),
        (
            json!({"key_information":{"algorithm":"DES","key_length":256}}),
            "key algorithm is not supported",
        ),
        (
            json!({"key_information":{"algorithm":"AES"}}),
            "Key length is missing",
        ),
        (
            json!({"key_information":{"algorithm":"AES","key_length":100}}),
            "key_length is not supported",
        ),
        (
            json!({"key_information":{"algorithm":"AES","key_length":256},"transfer_policy_id":"5a6c1b0e-2f9d-4a3b-8c7d-112233445566"}),
            "Unknown key transfer policy requested",
        ),
        (
            json!({"key_information":{"algorithm":"AES","key_length":256},"usage":"country US"}),
            "usage must be",
        ),
        (
            json!({"key_information":{"algorithm":"AES","key_length":256},"colour":"red"}),
            "unknown field",
        ),
        (
            json!({"key_information":{"algorithm":"AES","key_length":256,"key_string":"x"}}),
            "not supported",
        ),
    ];
    for (body, msg) in cases {
        let r = c.post_json("/keys", &admin, body.clone());
        assert_eq!(r.status, 400, "{body}: {}", r.text());
        assert!(r.text().contains(msg), "{body}: {}", r.text());
    }
    assert_eq!(
        c.count("/keys", &admin),
        0,
        "a refused create stored something"
    );

    // A chosen id is honoured once.
    let id = "0f8fad5b-d9cb-469f-a165-70867728950e";
    let body = json!({"key_information":{"id":id,"algorithm":"AES","key_length":256}});
    assert_eq!(c.post_json("/keys", &admin, body.clone()).status, 201);
    assert_eq!(c.post_json("/keys", &admin, body).status, 409);
}

#[test]
fn malformed_oversized_and_wrong_media_change_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let kbs = KbsProcess::start(&dir.path().join("kbs"), &["--max-body-bytes", "65536"]);
    let c = kbs.client();
    let admin = kbs.admin_token();
    let json_h = [
        ("Accept", "application/json"),
        ("Content-Type", "application/json"),
    ];
    for (path, body) in [
        ("/keys", b"{not json".to_vec()),
        ("/keys", b"".to_vec()),
        ("/keys", b"[]".to_vec()),
        (
            "/key-transfer-policies",
            b"{\"attestation_type\":\"TPM\"}".to_vec(),
        ),
        ("/tokens", b"{\"name\":1}".to_vec()),
    ] {
        let r = c.send("POST", path, Some(&admin), &json_h, Some(body));
        assert_eq!(r.status, 400, "{path}: {}", r.text());
        assert!(r.content_type.starts_with("text/plain"));
    }
    let big = vec![b' '; 200_000];
    for (path, ct) in [
        ("/keys", "application/json"),
        ("/saml-certificates", "application/x-pem-file"),
        ("/tokens", "application/json"),
    ] {
        let r = c.send(
            "POST",
            path,
            Some(&admin),
            &[("Accept", "application/json"), ("Content-Type", ct)],
            Some(big.clone()),
        );
        assert_eq!(r.status, 413, "{path}: {}", r.text());
    }
    let key_body = br#"{"key_information":{"algorithm":"AES","key_length":256}}"#.to_vec();
    let r = c.send(
        "POST",
        "/keys",
        Some(&admin),
        &[("Content-Type", "text/plain")],
        Some(key_body.clone()),
    );
    assert_eq!(
        (r.status, r.text().as_str()),
        (415, "Invalid Content-Type\n")
    );
    let r = c.send(
        "POST",
        "/keys",
        Some(&admin),
        &[
            ("Accept", "application/xml"),
            ("Content-Type", "application/json"),
        ],
        Some(key_body),
    );
    assert_eq!(
        (r.status, r.text().as_str()),
        (415, "Invalid Accept type\n")
    );
    let r = c.send(
        "POST",
        "/saml-certificates",
        Some(&admin),
        &[("Content-Type", "application/json")],
        Some(pem("intel-secl/saml_cert.pem")),
    );
    assert_eq!(r.status, 415);
    for bad in [
        b"-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n".to_vec(),
        b"hello".to_vec(),
        b"-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIGZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk6Ow==\n-----END PRIVATE KEY-----\n".to_vec(),
        [pem("intel-secl/cms_root.pem"), b"-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIGZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3ODk6Ow==\n-----END PRIVATE KEY-----\n".to_vec()].concat(),
    ] {
        let r = import(&c, &admin, "/saml-certificates", bad);
        assert_eq!(r.status, 400, "{}", r.text());
    }
    let r = c.send(
        "POST",
        "/keys/not-a-uuid/transfer",
        Some(&admin),
        &[("Content-Type", "application/json")],
        Some(b"{}".to_vec()),
    );
    assert_eq!(r.status, 415);
    assert_eq!(c.count("/keys", &admin), 0);
    assert_eq!(c.count("/saml-certificates", &admin), 0);
    assert_eq!(
        c.count("/key-transfer-policies", &admin),
        1,
        "only the default policy"
    );
    assert_eq!(c.count("/tokens", &admin), 1, "only the admin token");
}

#[test]
fn unknown_and_invalid_ids() {
    let (_d, kbs) = start();
    let c = kbs.client();
    let admin = kbs.admin_token();
    let unknown = "3f0e2a4c-8d1b-4c6e-9f7a-0b1c2d3e4f50";
    for path in [
        "/keys/{}",
        "/saml-certificates/{}",
        "/tpm-identity-certificates/{}",
        "/key-transfer-policies/{}",
    ] {
        let p = path.replace("{}", unknown);
        assert_eq!(c.get(&p, &admin).status, 404, "GET {p}");
        assert_eq!(c.delete(&p, &admin).status, 404, "DELETE {p}");
        let bad = path.replace("{}", "123");
        assert_eq!(c.get(&bad, &admin).status, 400, "GET {bad}");
    }
    assert_eq!(c.delete(&format!("/tokens/{unknown}"), &admin).status, 404);
    let (_, public) = rsa_pair(2048);
    assert_eq!(
        envelope(&c, &admin, &format!("/keys/{unknown}"), &public).status,
        404
    );
    assert_eq!(c.get("/no/such/route", &admin).status, 404);
    let r = c.send(
        "PUT",
        "/key-transfer-policies/3f0e2a4c-8d1b-4c6e-9f7a-0b1c2d3e4f50",
        Some(&admin),
        &[("Content-Type", "application/json")],
        Some(br#"{"attestation_type":["TPM"]}"#.to_vec()),
    );
    assert_eq!(r.status, 404);
}

#[test]
fn certificates_import_search_and_delete() {
    let (_d, kbs) = start();
    let c = kbs.client();
    let admin = kbs.admin_token();
    let chain = pem("intel-secl/saml_cert.pem");
    let r = import(&c, &admin, "/saml-certificates", chain.clone());
    assert_eq!(r.status, 201, "{}", r.text());
    let saml = r.json();
    assert_eq!(saml["subject"], "CN=HVS SAML Certificate");
    assert_eq!(saml["chain_length"], 2);
    assert_eq!(saml["revoked"], false);
    assert_eq!(saml["digest"].as_str().unwrap().len(), 96);
    let id = saml["id"].as_str().unwrap();

    let r = import(
        &c,
        &admin,
        "/tpm-identity-certificates",
        pem("intel-secl/privacyca_cert.pem"),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let pca_id = r.json()["id"].as_str().unwrap().to_string();

    // The stores are separate.
    assert_eq!(c.count("/saml-certificates", &admin), 1);
    assert_eq!(c.count("/tpm-identity-certificates", &admin), 1);
    assert_eq!(
        c.get(&format!("/tpm-identity-certificates/{id}"), &admin)
            .status,
        404
    );

    // Search parameters.
    for (q, n) in [
        ("subjectEqualTo=CN%3DHVS%20SAML%20Certificate", 1),
        ("subjectContains=SAML", 1),
        ("subjectContains=Privacy", 0),
        ("issuerContains=CMS%20Signing%20CA", 1),
        ("validOn=2023-01-01T00:00:00Z", 1),
        ("validOn=2030-01-01T00:00:00Z", 0),
        ("validBefore=2024-01-01T00:00:00Z", 1),
        ("validAfter=2022-01-01T00:00:00Z", 1),
        ("validAfter=2023-01-01T00:00:00Z", 0),
    ] {
        assert_eq!(
            c.count(&format!("/saml-certificates?{q}"), &admin),
            n,
            "{q}"
        );
    }
    assert_eq!(
        c.get("/saml-certificates?validOn=yesterday", &admin).status,
        400
    );
    assert_eq!(c.get("/saml-certificates?subject=x", &admin).status, 400);

    // The whole chain is kept, byte for byte.
    let r = c.send(
        "GET",
        &format!("/saml-certificates/{id}"),
        Some(&admin),
        &[("Accept", "application/x-pem-file")],
        None,
    );
    assert_eq!(r.status, 200);
    assert_eq!(r.body, chain);
    assert_eq!(
        c.get(&format!("/saml-certificates/{id}"), &admin).json(),
        saml
    );

    assert_eq!(
        c.delete(&format!("/saml-certificates/{id}"), &admin).status,
        204
    );
    assert_eq!(c.count("/saml-certificates", &admin), 0);
    assert_eq!(c.count("/tpm-identity-certificates", &admin), 1);
    assert_eq!(
        c.delete(&format!("/tpm-identity-certificates/{pca_id}"), &admin)
            .status,
        204
    );
}

#[test]
fn transfer_policies() {
    let (_d, kbs) = start();
    let c = kbs.client();
    let admin = kbs.admin_token();
    let list = c.get("/key-transfer-policies", &admin).json();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["default"], true);
    let default_id = list[0]["id"].as_str().unwrap().to_string();

    let r = c.post_json(
        "/key-transfer-policies",
        &admin,
        json!({"attestation_type":["TPM"],"tpm":{"max_report_age_seconds":60}}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let p = r.json();
    let pid = p["id"].as_str().unwrap().to_string();
    assert_eq!(p["tpm"]["max_report_age_seconds"], 60);

    for bad in [
        json!({"attestation_type":["SGX"]}),
        json!({"attestation_type":[]}),
        json!({"attestation_type":["TPM","TPM"]}),
        json!({"attestation_type":["TPM"],"tpm":{"max_report_age_seconds":0}}),
        json!({"attestation_type":["TPM"],"tpm":{"max_age":5}}),
        json!({"attestation_type":["QUANTUM"]}),
    ] {
        let r = c.post_json("/key-transfer-policies", &admin, bad.clone());
        assert_eq!(r.status, 400, "{bad}: {}", r.text());
    }

    let r = c.send(
        "PUT",
        &format!("/key-transfer-policies/{pid}"),
        Some(&admin),
        &[("Content-Type", "application/json")],
        Some(br#"{"attestation_type":["TPM"],"tpm":{"max_report_age_seconds":120}}"#.to_vec()),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["tpm"]["max_report_age_seconds"], 120);
    assert_eq!(
        c.get(&format!("/key-transfer-policies/{pid}"), &admin)
            .json()["tpm"]["max_report_age_seconds"],
        120
    );

    // A policy in use, and the default, cannot go.
    let r = c.post_json(
        "/keys",
        &admin,
        json!({"key_information":{"algorithm":"AES","key_length":256},"transfer_policy_id":pid}),
    );
    assert_eq!(r.status, 201);
    let key = r.json()["key_information"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(
        c.delete(&format!("/key-transfer-policies/{pid}"), &admin)
            .status,
        409
    );
    assert_eq!(
        c.delete(&format!("/key-transfer-policies/{default_id}"), &admin)
            .status,
        409
    );
    assert_eq!(c.delete(&format!("/keys/{key}"), &admin).status, 204);
    assert_eq!(
        c.delete(&format!("/key-transfer-policies/{pid}"), &admin)
            .status,
        204
    );
    assert_eq!(c.count("/key-transfer-policies", &admin), 1);
}

#[test]
fn tokens_scope_expire_and_revoke() {
    let (_d, kbs) = start();
    let c = kbs.client();
    let admin = kbs.admin_token();
    let r = c.post_json(
        "/tokens",
        &admin,
        json!({"name":"ci","permissions":["keys:create:*","keys:transfer:*"]}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let t = r.json();
    let ci = t["token"].as_str().unwrap().to_string();
    let ci_id = t["id"].as_str().unwrap().to_string();

    // The CI token may create and transfer keys, and nothing else.
    let key = c.create_key(&ci);
    let (_, public) = rsa_pair(2048);
    assert_eq!(
        envelope(&c, &ci, &format!("/keys/{key}"), &public).status,
        200
    );
    assert_eq!(c.get(&format!("/keys/{key}"), &ci).status, 401);
    assert_eq!(c.delete(&format!("/keys/{key}"), &ci).status, 401);
    assert_eq!(c.get("/tokens", &ci).status, 401);
    assert_eq!(c.get("/audit", &ci).status, 401);

    // Listing never shows a secret.
    let list = c.get("/tokens", &admin);
    assert!(!list.text().contains(&ci[ci.len() - 20..]));
    assert!(
        list.json()
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t.get("token").is_none())
    );

    for bad in [
        json!({"name":"x","permissions":[]}),
        json!({"name":"x","permissions":["keys"]}),
        json!({"name":"","permissions":["keys:create"]}),
        json!({"name":"x","permissions":["keys:create"],"expires_in_seconds":0}),
    ] {
        assert_eq!(
            c.post_json("/tokens", &admin, bad.clone()).status,
            400,
            "{bad}"
        );
    }

    // Expiry.
    let r = c.post_json(
        "/tokens",
        &admin,
        json!({"name":"short","permissions":["keys:search"],"expires_in_seconds":1}),
    );
    let short = r.json()["token"].as_str().unwrap().to_string();
    assert_eq!(c.get("/keys", &short).status, 200);
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert_eq!(c.get("/keys", &short).status, 401);

    // Revocation.
    assert_eq!(c.delete(&format!("/tokens/{ci_id}"), &admin).status, 204);
    let r = c.post_json(
        "/keys",
        &ci,
        json!({"key_information":{"algorithm":"AES","key_length":256}}),
    );
    assert_eq!(r.status, 401);
    let listed = c.get("/tokens", &admin).json();
    let revoked = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == ci_id.as_str())
        .unwrap();
    assert_eq!(revoked["revoked"], true);

    // Forged and foreign tokens.
    let forged = format!("{}AAAA", &ci[..ci.len() - 4]);
    assert_eq!(c.get("/keys", &forged).status, 401);
    assert_eq!(c.get("/keys", "eyJhbGciOiJIUzI1NiJ9.e30.x").status, 401);
}

/// Every route, without a token and with a token that lacks exactly its permission: 401, and
/// nothing changes. With exactly that permission: not 401.
#[test]
fn permission_matrix() {
    let (_d, kbs) = start();
    let c = kbs.client();
    let admin = kbs.admin_token();
    let key = c.create_key(&admin);
    let cert = import(
        &c,
        &admin,
        "/saml-certificates",
        pem("intel-secl/saml_cert.pem"),
    )
    .json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let tcert = import(
        &c,
        &admin,
        "/tpm-identity-certificates",
        pem("intel-secl/privacyca_cert.pem"),
    )
    .json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let policy = c
        .post_json(
            "/key-transfer-policies",
            &admin,
            json!({"attestation_type":["TPM"]}),
        )
        .json()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let (_, public) = rsa_pair(2048);
    let key_body = br#"{"key_information":{"algorithm":"AES","key_length":256}}"#.to_vec();
    let policy_body = br#"{"attestation_type":["TPM"]}"#.to_vec();
    let token_body = br#"{"name":"n","permissions":["keys:search"]}"#.to_vec();
    let saml_pem = pem("intel-secl/saml_cert.pem");
    let pca_pem = pem("intel-secl/privacyca_cert.pem");
    let dummy_token = "9b2f7c9e-3a1d-4e5f-8a7b-6c5d4e3f2a1b".to_string();

    struct Route {
        method: &'static str,
        path: String,
        perm: &'static str,
        ct: &'static str,
        body: Option<Vec<u8>>,
    }
    let r = |method, path: String, perm, ct, body: Option<Vec<u8>>| Route {
        method,
        path,
        perm,
        ct,
        body,
    };
    // Mutating routes come last so the "allowed" pass does not remove what earlier ones need.
    let routes = vec![
        r("GET", "/keys".into(), "keys:search", "", None),
        r("GET", format!("/keys/{key}"), "keys:retrieve", "", None),
        r(
            "POST",
            "/keys".into(),
            "keys:create",
            "application/json",
            Some(key_body),
        ),
        r(
            "POST",
            format!("/keys/{key}"),
            "keys:transfer",
            "text/plain",
            Some(public.clone().into_bytes()),
        ),
        r(
            "POST",
            format!("/keys/{key}/transfer"),
            "keys:transfer",
            "text/plain",
            Some(public.into_bytes()),
        ),
        r(
            "GET",
            "/saml-certificates".into(),
            "saml_certificates:search",
            "",
            None,
        ),
        r(
            "GET",
            format!("/saml-certificates/{cert}"),
            "saml_certificates:retrieve",
            "",
            None,
        ),
        r(
            "POST",
            "/saml-certificates".into(),
            "saml_certificates:create",
            "application/x-pem-file",
            Some(saml_pem),
        ),
        r(
            "GET",
            "/tpm-identity-certificates".into(),
            "tpm_identity_certificates:search",
            "",
            None,
        ),
        r(
            "GET",
            format!("/tpm-identity-certificates/{tcert}"),
            "tpm_identity_certificates:retrieve",
            "",
            None,
        ),
        r(
            "POST",
            "/tpm-identity-certificates".into(),
            "tpm_identity_certificates:create",
            "application/x-pem-file",
            Some(pca_pem),
        ),
        r(
            "GET",
            "/key-transfer-policies".into(),
            "key_transfer_policies:search",
            "",
            None,
        ),
        r(
            "GET",
            format!("/key-transfer-policies/{policy}"),
            "key_transfer_policies:retrieve",
            "",
            None,
        ),
        r(
            "POST",
            "/key-transfer-policies".into(),
            "key_transfer_policies:create",
            "application/json",
            Some(policy_body.clone()),
        ),
        r(
            "PUT",
            format!("/key-transfer-policies/{policy}"),
            "key_transfer_policies:update",
            "application/json",
            Some(policy_body),
        ),
        r("GET", "/tokens".into(), "tokens:search", "", None),
        r(
            "POST",
            "/tokens".into(),
            "tokens:create",
            "application/json",
            Some(token_body),
        ),
        r("GET", "/audit".into(), "audit:search", "", None),
        r(
            "DELETE",
            format!("/tokens/{dummy_token}"),
            "tokens:delete",
            "",
            None,
        ),
        r(
            "DELETE",
            format!("/key-transfer-policies/{policy}"),
            "key_transfer_policies:delete",
            "",
            None,
        ),
        r(
            "DELETE",
            format!("/saml-certificates/{cert}"),
            "saml_certificates:delete",
            "",
            None,
        ),
        r(
            "DELETE",
            format!("/tpm-identity-certificates/{tcert}"),
            "tpm_identity_certificates:delete",
            "",
            None,
        ),
        r("DELETE", format!("/keys/{key}"), "keys:delete", "", None),
    ];
    let counts = |c: &Client| {
        [
            "/keys",
            "/saml-certificates",
            "/tpm-identity-certificates",
            "/key-transfer-policies",
            "/tokens",
        ]
        .map(|p| c.count(p, &admin))
    };
    // A token with every permission except the route's own.
    let all: Vec<&str> = routes.iter().map(|r| r.perm).collect();
    let before = counts(&c);
    for route in &routes {
        let others: Vec<&str> = all.iter().copied().filter(|p| *p != route.perm).collect();
        let lacking = c.token(&admin, &others);
        let mut headers = vec![("Accept", "application/json")];
        if !route.ct.is_empty() {
            headers.push(("Content-Type", route.ct));
        }
        for token in [None, Some(lacking.as_str()), Some("secl.garbage")] {
            let resp = c.send(
                route.method,
                &route.path,
                token,
                &headers,
                route.body.clone(),
            );
            assert_eq!(
                resp.status,
                401,
                "{} {} with {:?} should be refused: {}",
                route.method,
                route.path,
                token.map(|_| "a token"),
                resp.text()
            );
        }
    }
    let mut after = counts(&c);
    after[4] -= routes.len(); // the "lacking" tokens made above
    assert_eq!(before, after, "a refused request changed the store");

    for route in &routes {
        let exact = c.token(&admin, &[route.perm]);
        let mut headers = vec![("Accept", "application/json")];
        if !route.ct.is_empty() {
            headers.push(("Content-Type", route.ct));
        }
        let resp = c.send(
            route.method,
            &route.path,
            Some(&exact),
            &headers,
            route.body.clone(),
        );
        assert_ne!(
            resp.status,
            401,
            "{} {} with {}: {}",
            route.method,
            route.path,
            route.perm,
            resp.text()
        );
        assert!(
            resp.status < 500,
            "{} {}: {}",
            route.method,
            route.path,
            resp.text()
        );
    }

    // Denied transfers are audited with the reason.
    let denied = c.get("/audit?action=key.transfer", &admin).json();
    assert!(denied.as_array().unwrap().iter().any(|a| {
        a["outcome"] == "denied"
            && a["reason"]
                .as_str()
                .unwrap_or("")
                .contains("Insufficient privileges")
    }));
}

#[test]
fn restart_keeps_everything_and_kill9_keeps_acknowledged_keys() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("kbs");
    let kbs = KbsProcess::start(&data, &[]);
    let c = kbs.client();
    let admin = kbs.admin_token();
    let key = c.create_key(&admin);
    let cert = import(
        &c,
        &admin,
        "/saml-certificates",
        pem("intel-secl/saml_cert.pem"),
    );
    assert_eq!(cert.status, 201);
    let policy = c.post_json(
        "/key-transfer-policies",
        &admin,
        json!({"attestation_type":["TPM"]}),
    );
    assert_eq!(policy.status, 201);
    let scoped = c.token(&admin, &["keys:retrieve"]);
    let (private, public) = rsa_pair(2048);
    let wrapped = envelope(&c, &admin, &format!("/keys/{key}"), &public).json();
    let secret = private
        .oaep_decrypt::<sha2::Sha384>(
            &STANDARD
                .decode(wrapped["wrapped_key"].as_str().unwrap())
                .unwrap(),
        )
        .unwrap();
    kbs.stop();

    let kbs = KbsProcess::start(&data, &[]);
    let c = kbs.client();
    assert_eq!(
        kbs.admin_token(),
        admin,
        "a restart must not replace the admin token"
    );
    assert_eq!(c.get(&format!("/keys/{key}"), &scoped).status, 200);
    assert_eq!(c.count("/saml-certificates", &admin), 1);
    assert_eq!(c.count("/key-transfer-policies", &admin), 2);
    let wrapped = envelope(&c, &admin, &format!("/keys/{key}"), &public).json();
    let again = private
        .oaep_decrypt::<sha2::Sha384>(
            &STANDARD
                .decode(wrapped["wrapped_key"].as_str().unwrap())
                .unwrap(),
        )
        .unwrap();
    assert_eq!(again, secret, "the key material changed across a restart");

    // kill -9 right after the 201.
    let mut acknowledged = Vec::new();
    for _ in 0..3 {
        acknowledged.push(c.create_key(&admin));
    }
    kbs.kill9();
    let kbs = KbsProcess::start(&data, &[]);
    let c = kbs.client();
    for id in &acknowledged {
        assert_eq!(
            c.get(&format!("/keys/{id}"), &admin).status,
            200,
            "key {id} lost after kill -9"
        );
    }
    assert_eq!(c.count("/keys", &admin), 4);
    let audit = c.get("/audit?action=key.create", &admin).json();
    assert_eq!(audit.as_array().unwrap().len(), 4);

    // With the master key gone, sealed keys do not open: no silent plaintext fallback.
    kbs.stop();
    std::fs::remove_file(data.join("master.key")).unwrap();
    let kbs = KbsProcess::start(&data, &[]);
    let c = kbs.client();
    let r = envelope(&c, &admin, &format!("/keys/{key}"), &public);
    assert_eq!(r.status, 500, "{}", r.text());
    assert!(
        !kbs.logs().contains(&admin),
        "the admin token reached a log"
    );
}

#[test]
fn logs_never_carry_secrets() {
    let (_d, kbs) = start();
    let c = kbs.client();
    let admin = kbs.admin_token();
    let t = c.token(&admin, &["keys:create"]);
    let key = c.create_key(&t);
    let (_, public) = rsa_pair(2048);
    let r = envelope(&c, &admin, &format!("/keys/{key}"), &public);
    let wrapped = r.json()["wrapped_key"].as_str().unwrap().to_string();
    c.get("/keys", "secl.0123.fake-secret-value");
    let logs = kbs.logs();
    for secret in [&admin, &t, &wrapped, &"fake-secret-value".to_string()] {
        assert!(!logs.contains(secret.as_str()), "a secret reached the log");
    }
    let secret_part = admin.rsplit('.').next().unwrap();
    assert!(!logs.contains(secret_part));
}
