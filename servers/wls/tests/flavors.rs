//! Image flavors and tokens against the real `secl-wls` over HTTPS: upload, list, show,
//! delete; refused signatures, signers, bodies and media types; the permission matrix.

mod common;

use common::{KEY_ID, SigningKey, flavor};
use secl_testkit::Wls;
use serde_json::json;

fn key_url(id: &str) -> String {
    format!("https://127.0.0.1:9/kbs/v1/keys/{id}/transfer")
}

#[test]
fn flavors_upload_list_show_delete_and_refusals() {
    let dir = tempfile::tempdir().unwrap();
    let trusted = SigningKey::new(&dir.path().join("keys"), "trusted");
    let stranger = SigningKey::new(&dir.path().join("keys"), "stranger");
    let wls = Wls::start(
        &dir.path().join("wls"),
        &["--flavor-signing-cert", trusted.cert.to_str().unwrap()],
    );
    let admin = wls.admin();
    let c = wls.client("v1");

    // Version is open and the ready line names /wls/v2.
    assert!(wls.proc.url.ends_with("/wls/v2"), "{}", wls.proc.url);
    let r = c.send("GET", "/version", None, &[], None);
    assert_eq!(r.status, 200);
    assert!(r.text().starts_with("secl-wls "), "{}", r.text());

    // Upload: the answer carries the flavor as sent and its signature.
    let id = "1b4e28ba-2fa1-41d2-883f-0016d3cca427";
    let f = flavor(id, "app:1", &key_url(KEY_ID));
    let signed = trusted.sign(&f);
    let r = c.post_raw("/flavors", &admin, signed.clone());
    assert_eq!(r.status, 201, "{}", r.text());
    let body = r.json();
    assert_eq!(body["flavor"], f);
    assert!(body["signature"].as_str().unwrap().len() > 100);

    // Pretty-printing the file does not break the signature (whitespace is not signed).
    let pretty_f = flavor(
        "2b4e28ba-2fa1-41d2-883f-0016d3cca427",
        "app:2",
        &key_url(KEY_ID),
    );
    let signed2: serde_json::Value = serde_json::from_slice(&trusted.sign(&pretty_f)).unwrap();
    let pretty = serde_json::to_vec_pretty(&signed2).unwrap();
    let r = c.post_raw("/flavors", &admin, pretty);
    assert_eq!(r.status, 201, "{}", r.text());

    // List, filters, show; served the same under /wls/v2.
    let r = c.get("/flavors", &admin);
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json().as_array().unwrap().len(), 2);
    let r = c.get("/flavors?label=app:1", &admin);
    assert_eq!(r.json().as_array().unwrap().len(), 1);
    assert_eq!(r.json()[0]["flavor"]["meta"]["id"], id);
    let r = c.get(&format!("/flavors?id={id}"), &admin);
    assert_eq!(r.json().as_array().unwrap().len(), 1);
    assert_eq!(c.get("/flavors?label=none", &admin).json(), json!([]));
    assert_eq!(c.get("/flavors?bogus=1", &admin).status, 400);
    assert_eq!(c.get("/flavors?id=nope", &admin).status, 400);
    let r = c.get(&format!("/flavors/{id}"), &admin);
    assert_eq!(r.status, 200);
    assert_eq!(r.json()["flavor"], f);
    // What comes back verifies again: uploading it elsewhere would work, and here it is a
    // duplicate.
    let r = c.post_raw("/flavors", &admin, r.body.clone());
    assert_eq!(r.status, 409, "{}", r.text());
    let v2 = wls.client("v2");
    assert_eq!(v2.get(&format!("/flavors/{id}"), &admin).status, 200);
    assert_eq!(
        c.get("/flavors/3b4e28ba-2fa1-41d2-883f-0016d3cca427", &admin)
            .status,
        404
    );

    // Duplicates: same id, same label.
    let r = c.post_raw("/flavors", &admin, signed.clone());
    assert_eq!(r.status, 409);
    assert!(r.text().contains("already exists"), "{}", r.text());
    let same_label = flavor(
        "4b4e28ba-2fa1-41d2-883f-0016d3cca427",
        "app:1",
        &key_url(KEY_ID),
    );
    let r = c.post_raw("/flavors", &admin, trusted.sign(&same_label));
    assert_eq!(r.status, 409);
    assert!(r.text().contains("Label app:1"), "{}", r.text());

    // Refused: tampered flavor, signer not trusted, malformed bodies, media types.
    let other = flavor(
        "5b4e28ba-2fa1-41d2-883f-0016d3cca427",
        "app:5",
        &key_url(KEY_ID),
    );
    let tampered = String::from_utf8(trusted.sign(&other))
        .unwrap()
        .replace("app:5", "app:6");
    let r = c.post_raw("/flavors", &admin, tampered.into_bytes());
    assert_eq!(r.status, 401, "{}", r.text());
    assert!(r.text().contains("does not verify"), "{}", r.text());
    let r = c.post_raw("/flavors", &admin, stranger.sign(&other));
    assert_eq!(r.status, 401, "{}", r.text());
    assert!(
        r.text().contains("flavor-signing certificate"),
        "{}",
        r.text()
    );
    for bad in [
        b"not json".to_vec(),
        b"{}".to_vec(),
        br#"{"flavor":{},"signature":"AAAA"}"#.to_vec(),
        Vec::new(),
    ] {
        let r = c.post_raw("/flavors", &admin, bad);
        assert_eq!(r.status, 400, "{}", r.text());
    }
    let unknown_part = json!({
        "meta": {"id": "6b4e28ba-2fa1-41d2-883f-0016d3cca427",
                 "description": {"flavor_part": "PLATFORM", "label": "x"}},
        "encryption_required": false
    });
    let r = c.post_raw("/flavors", &admin, trusted.sign(&unknown_part));
    assert_eq!(r.status, 400);
    assert!(r.text().contains("flavor part"), "{}", r.text());
    let r = c.send(
        "POST",
        "/flavors",
        Some(&admin),
        &[("Content-Type", "text/plain")],
        Some(trusted.sign(&other)),
    );
    assert_eq!(r.status, 415, "{}", r.text());
    let r = c.send(
        "POST",
        "/flavors",
        Some(&admin),
        &[
            ("Content-Type", "application/json"),
            ("Accept", "application/xml"),
        ],
        Some(trusted.sign(&other)),
    );
    assert_eq!(r.status, 415);
    assert_eq!(r.text(), "Invalid Accept type\n");
    assert_eq!(
        c.get("/flavors", &admin).json().as_array().unwrap().len(),
        2
    );

    // Delete.
    assert_eq!(c.delete(&format!("/flavors/{id}"), &admin).status, 204);
    assert_eq!(c.delete(&format!("/flavors/{id}"), &admin).status, 404);
    assert_eq!(c.get(&format!("/flavors/{id}"), &admin).status, 404);
    // The label is free again.
    let r = c.post_raw("/flavors", &admin, trusted.sign(&same_label));
    assert_eq!(r.status, 201, "{}", r.text());

    // Flavors survive a restart (kill -9).
    drop(wls);
    let wls = Wls::start(
        &dir.path().join("wls"),
        &["--flavor-signing-cert", trusted.cert.to_str().unwrap()],
    );
    let c = wls.client("v1");
    assert_eq!(
        c.get("/flavors", &admin).json().as_array().unwrap().len(),
        2
    );
}

#[test]
fn uploads_without_signing_certificates_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let key = SigningKey::new(&dir.path().join("keys"), "k");
    let wls = Wls::start(&dir.path().join("wls"), &[]);
    let c = wls.client("v1");
    let f = flavor(
        "1b4e28ba-2fa1-41d2-883f-0016d3cca427",
        "a",
        &key_url(KEY_ID),
    );
    let r = c.post_raw("/flavors", &wls.admin(), key.sign(&f));
    assert_eq!(r.status, 401, "{}", r.text());
    assert!(r.text().contains("--flavor-signing-cert"), "{}", r.text());
}

/// Every protected route: no token, a garbage token and a token lacking exactly the
/// permission get 401 and change nothing; a token with exactly that permission gets in.
#[test]
fn permission_matrix() {
    let dir = tempfile::tempdir().unwrap();
    let key = SigningKey::new(&dir.path().join("keys"), "k");
    let wls = Wls::start(
        &dir.path().join("wls"),
        &["--flavor-signing-cert", key.cert.to_str().unwrap()],
    );
    let admin = wls.admin();
    let c = wls.client("v1");
    let id = "1b4e28ba-2fa1-41d2-883f-0016d3cca427";
    let f = flavor(id, "app", &key_url(KEY_ID));
    let everything_but = |keep: &str| -> Vec<String> {
        [
            "flavors:create",
            "flavors:search",
            "flavors:retrieve",
            "flavors:delete",
            "keys:create",
            "tokens:create",
            "tokens:search",
            "tokens:delete",
        ]
        .iter()
        .filter(|p| **p != keep)
        .map(|p| format!("{p}:*"))
        .collect()
    };
    let tok = |rules: &[String]| {
        let r: Vec<&str> = rules.iter().map(String::as_str).collect();
        c.token(&admin, &r)
    };
    let garbage =
        "secl.00000000000000000000000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    // flavors:create
    let lacking = tok(&everything_but("flavors:create"));
    for t in [None, Some(garbage), Some(lacking.as_str())] {
        let r = c.send(
            "POST",
            "/flavors",
            t,
            &[("Content-Type", "application/json")],
            Some(key.sign(&f)),
        );
        assert_eq!(r.status, 401, "{t:?}: {}", r.text());
    }
    assert_eq!(
        c.get("/flavors", &admin).json(),
        json!([]),
        "nothing stored"
    );
    let only = tok(&["flavors:create:*".to_string()]);
    assert_eq!(c.post_raw("/flavors", &only, key.sign(&f)).status, 201);

    // flavors:search, flavors:retrieve
    for (perm, path) in [
        ("flavors:search", "/flavors".to_string()),
        ("flavors:retrieve", format!("/flavors/{id}")),
    ] {
        let lacking = tok(&everything_but(perm));
        for t in [None, Some(garbage), Some(lacking.as_str())] {
            let r = c.send("GET", &path, t, &[], None);
            assert_eq!(r.status, 401, "{perm} {t:?}");
        }
        let only = tok(&[format!("{perm}:*")]);
        assert_eq!(c.get(&path, &only).status, 200, "{perm}");
    }

    // flavors:delete
    let lacking = tok(&everything_but("flavors:delete"));
    for t in [None, Some(garbage), Some(lacking.as_str())] {
        let r = c.send("DELETE", &format!("/flavors/{id}"), t, &[], None);
        assert_eq!(r.status, 401);
    }
    assert_eq!(
        c.get(&format!("/flavors/{id}"), &admin).status,
        200,
        "still there"
    );
    let only = tok(&["flavors:delete:*".to_string()]);
    assert_eq!(c.delete(&format!("/flavors/{id}"), &only).status, 204);

    // keys:create: authorization comes before the body is looked at; with the permission a
    // bad body gets its 400.
    let lacking = tok(&everything_but("keys:create"));
    for t in [None, Some(garbage), Some(lacking.as_str())] {
        let r = c.send(
            "POST",
            "/keys",
            t,
            &[("Content-Type", "application/json")],
            Some(b"{}".to_vec()),
        );
        assert_eq!(r.status, 401, "{t:?}");
    }
    let only = tok(&["keys:create:*".to_string()]);
    let r = c.post_raw("/keys", &only, b"{}".to_vec());
    assert_eq!(r.status, 400, "{}", r.text());

    // tokens: create, search, delete.
    let before = c.get("/tokens", &admin).json().as_array().unwrap().len();
    let lacking = tok(&everything_but("tokens:create"));
    for t in [None, Some(garbage), Some(lacking.as_str())] {
        let r = c.send(
            "POST",
            "/tokens",
            t,
            &[("Content-Type", "application/json")],
            Some(br#"{"name":"x","permissions":["*:*:*"]}"#.to_vec()),
        );
        assert_eq!(r.status, 401);
    }
    // (the lacking token itself is the one new token)
    assert_eq!(
        c.get("/tokens", &admin).json().as_array().unwrap().len(),
        before + 1
    );
    let only = tok(&["tokens:create:*".to_string()]);
    assert_eq!(
        c.post_json(
            "/tokens",
            &only,
            json!({"name": "wla", "permissions": ["keys:create:*"]})
        )
        .status,
        201
    );
    let lacking = tok(&everything_but("tokens:search"));
    for t in [None, Some(garbage), Some(lacking.as_str())] {
        assert_eq!(c.send("GET", "/tokens", t, &[], None).status, 401);
    }
    let only = tok(&["tokens:search:*".to_string()]);
    let list = c.get("/tokens", &only);
    assert_eq!(list.status, 200);
    assert!(
        !list.text().contains("\"token\""),
        "secrets are never listed"
    );
    let victim = list
        .json()
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "wla")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let lacking = tok(&everything_but("tokens:delete"));
    for t in [None, Some(garbage), Some(lacking.as_str())] {
        let r = c.send("DELETE", &format!("/tokens/{victim}"), t, &[], None);
        assert_eq!(r.status, 401);
    }
    let only = tok(&["tokens:delete:*".to_string()]);
    assert_eq!(c.delete(&format!("/tokens/{victim}"), &only).status, 204);

    // A revoked token is refused.
    let t = tok(&["flavors:search:*".to_string()]);
    let tid = c
        .get("/tokens", &admin)
        .json()
        .as_array()
        .unwrap()
        .last()
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(c.get("/flavors", &t).status, 200);
    assert_eq!(c.delete(&format!("/tokens/{tid}"), &admin).status, 204);
    assert_eq!(c.get("/flavors", &t).status, 401);
}

#[test]
fn admin_token_is_private_and_can_be_reset() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("wls");
    let wls = Wls::start(&data, &[]);
    let old = wls.admin();
    let mode = std::fs::metadata(data.join("admin.token"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    drop(wls);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_secl-wls"))
        .args(["reset-admin-token", "--data-dir", data.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let wls = Wls::start(&data, &[]);
    let new = wls.admin();
    assert_ne!(old, new);
    let c = wls.client("v2");
    assert_eq!(c.get("/tokens", &new).status, 200);
    assert_eq!(
        c.get("/tokens", &old).status,
        200,
        "old admin stays until revoked"
    );
}
