//! `POST /keys` refusals against the real `secl-wls` over HTTPS, without a TPM: bad requests,
//! an unreachable HVS, a KBS whose TLS cannot be verified, `--require-image-flavor`.

mod common;

use std::io::Write as _;
use std::time::Duration;

use common::{KEY_ID, SigningKey, closed_port, dummy_cert_pem, flavor};
use secl_testkit::Wls;
use serde_json::json;

const HW: &str = "0009e54e-642f-e511-906e-0012795d96dd";

/// HVS settings pointing at a closed port, a SAML certificate nobody signs with.
fn hvs_args(dir: &std::path::Path) -> Vec<String> {
    std::fs::create_dir_all(dir).unwrap();
    let ca = dir.join("hvs-ca.pem");
    std::fs::write(&ca, dummy_cert_pem("HVS CA")).unwrap();
    let saml = dir.join("saml.pem");
    std::fs::write(&saml, dummy_cert_pem("HVS SAML Certificate")).unwrap();
    let token = dir.join("hvs.token");
    std::fs::write(&token, "secl.x.y\n").unwrap();
    vec![
        "--hvs-url".into(),
        format!("https://127.0.0.1:{}/hvs/v2", closed_port()),
        "--hvs-ca".into(),
        ca.display().to_string(),
        "--hvs-token-file".into(),
        token.display().to_string(),
        "--saml-cert".into(),
        saml.display().to_string(),
    ]
}

fn start(dir: &std::path::Path, extra: &[String]) -> Wls {
    let args: Vec<&str> = extra.iter().map(String::as_str).collect();
    Wls::start(&dir.join("wls"), &args)
}

fn key_req(key_url: &str) -> serde_json::Value {
    json!({"hardware_uuid": HW, "key_url": key_url})
}

#[test]
fn malformed_key_requests_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut args = hvs_args(&dir.path().join("hvs"));
    let kbs_ca = dir.path().join("kbs-ca.pem");
    std::fs::write(&kbs_ca, dummy_cert_pem("KBS CA")).unwrap();
    args.extend(["--kbs-ca".into(), kbs_ca.display().to_string()]);
    let wls = start(dir.path(), &args);
    let c = wls.client("v2");
    let t = c.token(&wls.admin(), &["keys:create:*"]);
    let url = format!("https://127.0.0.1:9/kbs/v1/keys/{KEY_ID}/transfer");

    let cases: Vec<(serde_json::Value, u16, &str)> = vec![
        (json!({"hardware_uuid": HW}), 400, "JSON marshal error"),
        (
            json!({"hardware_uuid": HW, "key_url": url, "extra": 1}),
            400,
            "unknown field",
        ),
        (
            json!({"hardware_uuid": "not-a-uuid", "key_url": url}),
            400,
            "Invalid hardware UUID format",
        ),
        (
            json!({"hardware_uuid": HW, "key_url": ""}),
            400,
            "keyUrl is empty",
        ),
        (
            json!({"hardware_uuid": HW, "key_url": "https://kbs/kbs/v1/keys/"}),
            400,
            "key id",
        ),
        (
            json!({"hardware_uuid": HW, "key_url": format!("http://kbs/kbs/v1/keys/{KEY_ID}")}),
            400,
            "https",
        ),
    ];
    for (body, status, want) in cases {
        let r = c.post_json("/keys", &t, &body);
        assert_eq!(r.status, status, "{body}: {}", r.text());
        assert!(r.text().contains(want), "{body}: {}", r.text());
        assert!(r.content_type.starts_with("text/plain"));
    }
    let r = c.post_raw("/keys", &t, b"{".to_vec());
    assert_eq!(r.status, 400);
    // Media types.
    let body = serde_json::to_vec(&key_req(&url)).unwrap();
    let r = c.send(
        "POST",
        "/keys",
        Some(&t),
        &[
            ("Content-Type", "application/json"),
            ("Accept", "application/octet-stream"),
        ],
        Some(body.clone()),
    );
    assert_eq!(r.status, 415);
    assert_eq!(r.text(), "Invalid Accept type\n");
    let r = c.send(
        "POST",
        "/keys",
        Some(&t),
        &[
            ("Content-Type", "text/plain"),
            ("Accept", "application/json"),
        ],
        Some(body),
    );
    assert_eq!(r.status, 415);

    // A well-formed request with the HVS down: a clear error, SecL's prefix, no hang.
    let started = std::time::Instant::now();
    let r = c.post_json("/keys", &t, key_req(&url));
    assert_eq!(r.status, 500, "{}", r.text());
    let text = r.text();
    assert!(
        text.contains("Failed to retrieve Key for Image - Failed to read HVS response")
            && text.contains("cannot reach the HVS"),
        "{text}"
    );
    assert!(started.elapsed() < Duration::from_secs(30));
    // v1 serves the same route.
    let r = wls.client("v1").post_json("/keys", &t, key_req(&url));
    assert_eq!(r.status, 500);
    assert!(!wls.proc.logs().contains(&t), "tokens are never logged");
}

/// Without `--kbs-ca` no KBS is contacted: a real listener named by the key URL sees no
/// connection, and the HVS is not even asked.
#[test]
fn kbs_without_configured_ca_is_never_contacted() {
    let dir = tempfile::tempdir().unwrap();
    let args = hvs_args(&dir.path().join("hvs"));
    let wls = start(dir.path(), &args);
    let c = wls.client("v2");
    let t = c.token(&wls.admin(), &["keys:create:*"]);
    let kbs = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    kbs.set_nonblocking(true).unwrap();
    let port = kbs.local_addr().unwrap().port();
    let url = format!("https://127.0.0.1:{port}/kbs/v1/keys/{KEY_ID}/transfer");
    let r = c.post_json("/keys", &t, key_req(&url));
    assert_eq!(r.status, 500, "{}", r.text());
    let text = r.text();
    assert!(
        text.contains("no KBS CA certificate is configured (--kbs-ca)"),
        "{text}"
    );
    assert!(text.contains("refusing to contact it"), "{text}");
    assert!(!text.contains("HVS"), "the HVS was not asked: {text}");
    std::thread::sleep(Duration::from_millis(200));
    match kbs.accept() {
        Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {}
        other => panic!("something connected to the KBS listener: {other:?}"),
    }
}

#[test]
fn require_image_flavor_refuses_unnamed_keys() {
    let dir = tempfile::tempdir().unwrap();
    let key = SigningKey::new(&dir.path().join("keys"), "k");
    let mut args = hvs_args(&dir.path().join("hvs"));
    let kbs_ca = dir.path().join("kbs-ca.pem");
    std::fs::write(&kbs_ca, dummy_cert_pem("KBS CA")).unwrap();
    args.extend([
        "--kbs-ca".into(),
        kbs_ca.display().to_string(),
        "--flavor-signing-cert".into(),
        key.cert.display().to_string(),
        "--require-image-flavor".into(),
    ]);
    let wls = start(dir.path(), &args);
    let c = wls.client("v1");
    let admin = wls.admin();
    let t = c.token(&admin, &["keys:create:*"]);
    let url = format!("https://127.0.0.1:9/kbs/v1/keys/{KEY_ID}/transfer");
    let r = c.post_json("/keys", &t, key_req(&url));
    assert_eq!(r.status, 403, "{}", r.text());
    assert!(
        r.text()
            .contains(&format!("no image flavor names key {KEY_ID}"))
            && r.text().contains("--require-image-flavor"),
        "{}",
        r.text()
    );
    // Once a flavor names the key (under any KBS URL form), the request goes on to the HVS.
    let f = flavor(
        "1b4e28ba-2fa1-41d2-883f-0016d3cca427",
        "app",
        &format!(
            "https://kbs.example:9443/kbs/v1/keys/{}",
            KEY_ID.to_uppercase()
        ),
    );
    assert_eq!(c.post_raw("/flavors", &admin, key.sign(&f)).status, 201);
    let r = c.post_json("/keys", &t, key_req(&url));
    assert_eq!(r.status, 500, "{}", r.text());
    assert!(r.text().contains("HVS"), "{}", r.text());
    // Another key is still refused.
    let other = "0f5d2bd6-8f4e-4a4e-9b5a-2b1e6a3c7d10";
    let r = c.post_json(
        "/keys",
        &t,
        key_req(&format!("https://127.0.0.1:9/kbs/v1/keys/{other}/transfer")),
    );
    assert_eq!(r.status, 403);
}

#[test]
fn start_up_refusals_are_clear() {
    let dir = tempfile::tempdir().unwrap();
    // Half an HVS configuration.
    let e = Wls::try_start(
        &dir.path().join("a"),
        &["--hvs-url", "https://127.0.0.1:1/hvs/v2"],
    )
    .err()
    .unwrap();
    assert!(e.contains("must be given together"), "{e}");
    // No --saml-cert and the HVS unreachable: the download is named.
    let hvs = dir.path().join("hvs");
    let mut args = hvs_args(&hvs);
    args.truncate(6);
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let e = Wls::try_start(&dir.path().join("b"), &a).err().unwrap();
    assert!(
        e.contains("SAML certificate could not be downloaded"),
        "{e}"
    );
    // An unreadable KBS CA.
    let bad = dir.path().join("bad.pem");
    std::fs::File::create(&bad)
        .unwrap()
        .write_all(b"nope")
        .unwrap();
    let e = Wls::try_start(&dir.path().join("c"), &["--kbs-ca", bad.to_str().unwrap()])
        .err()
        .unwrap();
    assert!(e.contains("bad.pem"), "{e}");
}
