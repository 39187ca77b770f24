//! The real `secl` binary against a fake KBS (canned HTTPS answers on 127.0.0.1): output
//! formats, exit codes, and that no secret is ever printed.

mod common;

use std::process::Output;

use secl_testkit::secl_command;

const KEY_ID: &str = "1b4e28ba-2fa1-41d2-883f-0016d3cca427";
const CERT_ID: &str = "7d2c1a2e-9a39-4d51-9b5a-1d2f3e4a5b6c";
const TOKEN_ID: &str = "0e8d6a6c-6f1a-4c55-8f0b-2b9b7f1f4d11";

fn key_json() -> String {
    format!(
        r#"{{"key_information":{{"id":"{KEY_ID}","algorithm":"AES","key_length":256,"key_string":"SECRETMATERIAL"}},
"transfer_policy_id":"3ce27bbd-3c5f-4b15-8c0a-44310f0f83d9",
"transfer_link":"https://kbs/kbs/v1/keys/{KEY_ID}/transfer",
"created_at":"2020-09-23T11:16:26.738467277Z","label":"nginx\u001b[31m key","usage":"country:US"}}"#
    )
}

fn answer(request_line: &str) -> (&'static str, &'static str, String) {
    let mut parts = request_line.split(' ');
    let method = parts.next().unwrap_or_default();
    let path = parts.next().unwrap_or_default();
    let key_path = format!("/kbs/v1/keys/{KEY_ID}");
    let not_found = (
        "404 Not Found",
        "text/plain",
        "Key with specified id does not exist\n".to_string(),
    );
    match (method, path) {
        ("GET", "/kbs/v1/version") => ("200 OK", "text/plain", "v9.9\n".into()),
        ("GET", "/kbs/v1/keys") => ("200 OK", "application/json", format!("[{}]", key_json())),
        ("GET", p) if p == key_path => ("200 OK", "application/json", key_json()),
        ("DELETE", p) if p == key_path => ("204 No Content", "text/plain", String::new()),
        ("POST", "/kbs/v1/keys") => (
            "400 Bad Request",
            "text/plain",
            "key_length is not supported\n".into(),
        ),
        ("POST", "/kbs/v1/key-transfer-policies") => {
            ("409 Conflict", "text/plain", "policy exists\n".into())
        }
        ("GET", "/kbs/v1/audit") => (
            "403 Forbidden",
            "text/plain",
            "Insufficient privileges\n".into(),
        ),
        ("POST", "/kbs/v1/tokens") => (
            "201 Created",
            "application/json",
            format!(
                r#"{{"id":"{TOKEN_ID}","name":"wpm","permissions":["keys:create:*"],
"created_at":"2025-01-01T00:00:00Z","expires_at":null,"revoked":false,"token":"NEWTOKEN.abc"}}"#
            ),
        ),
        ("GET", "/kbs/v1/tokens") => (
            "200 OK",
            "application/json",
            format!(
                r#"[{{"id":"{TOKEN_ID}","name":"wpm","permissions":["keys:create:*","keys:transfer:*"],
"created_at":"2025-01-01T00:00:00Z","expires_at":"2025-02-01T00:00:00Z","revoked":false,"token":"LEAKEDTOKEN"}}]"#
            ),
        ),
        ("GET", p) if p == format!("/kbs/v1/tpm-identity-certificates/{CERT_ID}") => (
            "200 OK",
            "application/json",
            format!(
                r#"{{"id":"{CERT_ID}","certificate":"MIIB","subject":"CN=HVS Privacy Certificate",
"issuer":"CN=HVS Privacy Certificate","not_before":"2024-01-01T00:00:00Z",
"not_after":"2034-01-01T00:00:00Z","revoked":false,"digest":"ab12","chain_length":1}}"#
            ),
        ),
        _ => not_found,
    }
}

struct Fake {
    url: String,
    ca: tempfile::NamedTempFile,
    home: tempfile::TempDir,
}

async fn fake() -> Fake {
    let pki = common::pki();
    let (url, _) = common::serve(pki.server.clone(), answer).await;
    let ca = tempfile::NamedTempFile::new().expect("ca file");
    std::fs::write(ca.path(), &pki.ca_pem).expect("write ca");
    Fake {
        url,
        ca,
        home: tempfile::tempdir().expect("home"),
    }
}

async fn secl(f: &Fake, args: &[&str]) -> Output {
    let mut cmd = secl_command(f.home.path());
    cmd.env("SECL_KBS_URL", &f.url)
        .env("SECL_CA_CERT", f.ca.path())
        .env("SECL_KBS_TOKEN", "admin-t0k3n")
        .args(args);
    tokio::task::spawn_blocking(move || cmd.output().expect("run secl"))
        .await
        .expect("join")
}

fn text(o: &Output) -> (String, String) {
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    let err = String::from_utf8_lossy(&o.stderr).into_owned();
    for secret in ["SECRETMATERIAL", "LEAKEDTOKEN", "admin-t0k3n"] {
        assert!(!out.contains(secret), "{secret} printed: {out}");
        assert!(!err.contains(secret), "{secret} printed: {err}");
    }
    (out, err)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn key_list_table_and_json() {
    let f = fake().await;
    let o = secl(&f, &["kbs", "key", "list"]).await;
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].starts_with("ID  "), "{out}");
    assert!(lines[1].starts_with(KEY_ID), "{out}");
    assert!(
        !out.contains('\u{1b}'),
        "escape sequence passed through: {out:?}"
    );
    // Columns line up: each header starts where its value starts.
    let col = lines[0].find("ALGORITHM").expect("column");
    assert_eq!(&lines[1][col..col + 3], "AES", "{out}");

    let o = secl(&f, &["--output", "json", "kbs", "key", "list"]).await;
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v[0]["key_information"]["id"], KEY_ID);
    assert_eq!(
        v[0]["transfer_link"],
        format!("https://kbs/kbs/v1/keys/{KEY_ID}/transfer")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn key_show_delete_and_quiet() {
    let f = fake().await;
    let o = secl(&f, &["kbs", "key", "show", KEY_ID]).await;
    let (out, _) = text(&o);
    assert!(o.status.success());
    assert!(out.contains("Algorithm:"), "{out}");
    assert!(out.contains("country:US"), "{out}");

    let o = secl(&f, &["-q", "kbs", "key", "show", KEY_ID]).await;
    assert_eq!(text(&o).0, format!("{KEY_ID}\n"));

    let o = secl(
        &f,
        &["--output", "json", "kbs", "key", "delete", KEY_ID, "--yes"],
    )
    .await;
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v, serde_json::json!({ "deleted": KEY_ID }));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exit_codes_follow_statuses() {
    let f = fake().await;
    let cases: [(&[&str], i32, &str); 5] = [
        (
            &["kbs", "key", "show", CERT_ID],
            4,
            "not found: Key with specified id",
        ),
        (
            &["kbs", "audit"],
            3,
            "not authorized: Insufficient privileges",
        ),
        (&["kbs", "key", "create"], 6, "key_length is not supported"),
        (&["kbs", "policy", "create"], 6, "conflict: policy exists"),
        (&["kbs", "cert", "show", KEY_ID], 4, "not found"),
    ];
    for (args, code, msg) in cases {
        let o = secl(&f, args).await;
        let (_, err) = text(&o);
        assert_eq!(o.status.code(), Some(code), "{args:?}: {err}");
        assert!(err.contains(msg), "{args:?}: {err}");
        assert!(err.starts_with("error: "), "{args:?}: {err}");
    }
    let o = secl(&f, &["kbs", "audit"]).await;
    assert!(text(&o).1.contains("hint: check the bearer token"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tokens_are_shown_once_and_never_listed() {
    let f = fake().await;
    let args = [
        "kbs",
        "token",
        "create",
        "--name",
        "wpm",
        "--permission",
        "keys:create:*",
        "--expires-in",
        "30d",
    ];
    let o = secl(&f, &args).await;
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert_eq!(out, "NEWTOKEN.abc\n");
    assert!(err.contains("cannot be shown again"), "{err}");

    let mut json_args = vec!["--output", "json"];
    json_args.extend(args);
    let o = secl(&f, &json_args).await;
    let (out, _) = text(&o);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["token"], "NEWTOKEN.abc");
    assert_eq!(v["id"], TOKEN_ID);

    let o = secl(&f, &["kbs", "token", "list"]).await;
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    assert!(out.contains("keys:create:*,keys:transfer:*"), "{out}");
    let o = secl(&f, &["--output", "json", "kbs", "token", "list"]).await;
    let (out, _) = text(&o);
    assert!(!out.contains("\"token\""), "{out}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cert_show_falls_back_to_tpm_identity() {
    let f = fake().await;
    let o = secl(&f, &["--output", "json", "kbs", "cert", "show", CERT_ID]).await;
    let (out, err) = text(&o);
    assert!(o.status.success(), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["kind"], "tpm-identity");
    assert_eq!(v["subject"], "CN=HVS Privacy Certificate");

    let o = secl(&f, &["kbs", "cert", "show", CERT_ID, "--kind", "saml"]).await;
    assert_eq!(o.status.code(), Some(4));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn version_table_and_json() {
    let f = fake().await;
    let o = secl(&f, &["kbs", "version"]).await;
    assert_eq!(text(&o).0, "v9.9\n");
    let o = secl(&f, &["--output", "json", "kbs", "version"]).await;
    let v: serde_json::Value = serde_json::from_str(&text(&o).0).expect("json");
    assert_eq!(v, serde_json::json!({ "version": "v9.9" }));
}
