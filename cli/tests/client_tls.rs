//! The typed KBS client against a tiny local HTTPS responder (no KBS needed): certificate
//! trust, error classification, headers and request shapes.

mod common;

use common::{pki, pki_for, serve};
use secl_api::client::{CertFilter, Error, KbsClient, KeyFilter, ca_certs_from_pem};
use secl_api::kbs::CertKind;
use uuid::Uuid;

const KEY: &str = r#"{"key_information":{"id":"1b4e28ba-2fa1-41d2-883f-0016d3cca427","algorithm":"AES","key_length":256},
"transfer_policy_id":"3ce27bbd-3c5f-4b15-8c0a-44310f0f83d9",
"transfer_link":"https://kbs/kbs/v1/keys/1b4e28ba-2fa1-41d2-883f-0016d3cca427/transfer",
"created_at":"2020-09-23T11:16:26.738467277Z"}"#;

fn answer(request_line: &str) -> (&'static str, &'static str, String) {
    let path = request_line.split(' ').nth(1).unwrap_or_default();
    if path == "/kbs/v1/version" {
        ("200 OK", "text/plain", "v1.2.3\n".into())
    } else if path.starts_with("/kbs/v1/keys?") || path == "/kbs/v1/keys" {
        ("200 OK", "application/json", format!("[{KEY}]"))
    } else if path.starts_with("/kbs/v1/saml-certificates") {
        ("200 OK", "application/json", "[]".into())
    } else if path.starts_with("/kbs/v1/tokens") {
        ("401 Unauthorized", "text/plain", "bad token\n".into())
    } else if path.starts_with("/kbs/v1/key-transfer-policies") {
        ("200 OK", "application/json", "{not json".into())
    } else {
        (
            "404 Not Found",
            "text/plain; charset=utf-8",
            "Key with specified id does not exist\n".into(),
        )
    }
}

fn client(url: &str, ca_pem: &str, token: Option<&str>) -> KbsClient {
    let certs = ca_certs_from_pem(ca_pem.as_bytes(), "test CA").expect("ca pem");
    KbsClient::with_ca_certs(url, certs, "test CA", token).expect("client")
}

#[tokio::test]
async fn trusted_server_answers_and_requests_are_well_formed() {
    let pki = pki();
    let (url, seen) = serve(pki.server.clone(), answer).await;
    let c = client(&format!("{url}/kbs/v1/"), &pki.ca_pem, Some("tok-123"));

    assert_eq!(c.version().await.expect("version"), "v1.2.3");
    let keys = c
        .list_keys(&KeyFilter {
            algorithm: Some("AES".into()),
            key_length: Some(256),
            ..KeyFilter::default()
        })
        .await
        .expect("list keys");
    assert_eq!(keys.len(), 1);
    assert_eq!(keys[0].key_information.key_length, Some(256));

    let certs = c
        .list_certs(
            CertKind::Saml,
            &CertFilter {
                subject_contains: Some("HVS SAML".into()),
                valid_on: Some(time::macros::datetime!(2025-01-31 00:00:00 UTC)),
                ..CertFilter::default()
            },
        )
        .await
        .expect("list certs");
    assert!(certs.is_empty());

    let seen = seen.lock().expect("lock").clone();
    assert_eq!(seen.len(), 3, "{seen:?}");
    let version = &seen[0];
    assert!(
        version.starts_with("GET /kbs/v1/version HTTP/1.1"),
        "{version}"
    );
    assert!(
        !version.to_ascii_lowercase().contains("authorization:"),
        "version must not send the token: {version}"
    );
    let list = &seen[1];
    assert!(
        list.starts_with("GET /kbs/v1/keys?algorithm=AES&keyLength=256 HTTP/1.1"),
        "{list}"
    );
    let lower = list.to_ascii_lowercase();
    assert!(lower.contains("accept: application/json"), "{list}");
    assert!(lower.contains("authorization: bearer tok-123"), "{list}");
    assert!(
        seen[2].starts_with(
            "GET /kbs/v1/saml-certificates?subjectContains=HVS+SAML&validOn=2025-01-31T00%3A00%3A00Z "
        ),
        "{}",
        seen[2]
    );
}

#[tokio::test]
async fn error_statuses_are_classified() {
    let pki = pki();
    let (url, _) = serve(pki.server.clone(), answer).await;
    let c = client(&url, &pki.ca_pem, Some("tok"));
    let id = Uuid::new_v4();
    match c.get_key(id).await {
        Err(Error::NotFound(m)) => assert_eq!(m, "Key with specified id does not exist"),
        other => panic!("expected NotFound, got {other:?}"),
    }
    assert!(matches!(c.list_tokens().await, Err(Error::Unauthorized(m)) if m == "bad token"));
    assert!(matches!(c.get_policy(id).await, Err(Error::Decode(_))));
}

#[tokio::test]
async fn untrusted_server_certificate_is_a_tls_error() {
    let served = pki();
    let other = pki();
    let (url, seen) = serve(served.server.clone(), answer).await;
    let c = client(&url, &other.ca_pem, Some("tok-secret"));
    let err = c.version().await.expect_err("must not trust");
    assert!(matches!(err, Error::Tls { .. }), "{err:?}");
    assert!(err.hint().unwrap_or_default().contains("--ca-cert"));
    assert!(seen.lock().expect("lock").is_empty());
    let err = c.list_keys(&KeyFilter::default()).await.expect_err("tls");
    assert!(!format!("{err} {err:?}").contains("tok-secret"));
}

#[tokio::test]
async fn wrong_host_name_is_a_tls_error() {
    // The certificate names only localhost; the client connects to 127.0.0.1.
    let pki = pki_for(&["localhost"]);
    let (url, seen) = serve(pki.server.clone(), answer).await;
    let c = client(&url, &pki.ca_pem, None);
    let err = c.version().await.expect_err("name mismatch");
    assert!(matches!(err, Error::Tls { .. }), "{err:?}");
    assert!(seen.lock().expect("lock").is_empty());
}

#[tokio::test]
async fn nothing_listening_is_a_connect_error() {
    let pki = pki();
    let c = client("https://127.0.0.1:1", &pki.ca_pem, None);
    let err = c.version().await.expect_err("nothing listens");
    assert!(matches!(err, Error::Connect { .. }), "{err:?}");
    assert!(err.to_string().contains("https://127.0.0.1:1/"), "{err}");
    assert!(err.hint().unwrap_or_default().contains("--kbs-url"));
}
