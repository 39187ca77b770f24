//! `secl-wla` against a real swtpm and an in-test HVS double: provisioning end to end, then the
//! trust-agent API (authentication, host info, AIK, quotes, PCR changes, bad requests).

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use common::*;
use reqwest::StatusCode;
use secl_attest::privacy_ca::{
    certificate_public_key, pem_certificate, verify_binding_certificate,
};
use secl_attest::verify::verify_quote;
use secl_testkit::{Swtpm, async_client};
use serde_json::{Value, json};

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    tokio::task::spawn_blocking(f).await.unwrap()
}

/// (attest, signature, [(index, value)]) of a quote answer.
/// Quoted PCRs: (index, value).
type Pcrs = Vec<(u8, Vec<u8>)>;

fn parse_quote(v: &Value) -> (Vec<u8>, Vec<u8>, Pcrs) {
    let attest = B64.decode(v["quote"].as_str().unwrap()).unwrap();
    let sig = B64.decode(v["signature"].as_str().unwrap()).unwrap();
    let pcrs = v["pcrs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["index"].as_u64().unwrap() as u8,
                hex::decode(p["value"].as_str().unwrap()).unwrap(),
            )
        })
        .collect();
    (attest, sig, pcrs)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn provision_then_serve_quotes() {
    let sw = blocking(Swtpm::start_temp).await;
    let hvs = FakeHvs::start("hvs-token").await;
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("wla");
    let hvs_token = token_file(work.path(), "hvs.token", "hvs-token");
    let ta_token = token_file(work.path(), "ta.token", "ta-token");
    let hw = uuid::Uuid::new_v4();

    // Provisioning, end to end.
    let mut cmd = provision_cmd(&sw.tcti, &data, &hvs.url, &hvs.tls_ca, &hvs_token);
    cmd.args(["--hardware-uuid", &hw.to_string()]);
    let out = blocking(move || run_ok(&mut cmd)).await;
    assert!(String::from_utf8_lossy(&out.stdout).contains(&hw.to_string()));

    assert_eq!(mode(&data), 0o700);
    for secret in ["aik.blob", "binding-key.blob", "binding-key.auth"] {
        assert_eq!(mode(&data.join(secret)), 0o600, "{secret}");
    }
    assert_eq!(
        std::fs::read(data.join("binding-key.auth")).unwrap().len(),
        32
    );
    let hw_file = std::fs::read_to_string(data.join("hardware-uuid")).unwrap();
    assert_eq!(hw_file.trim(), hw.to_string());
    let aik_der = std::fs::read(data.join("aik.cer")).unwrap();
    let binding_pem = std::fs::read_to_string(data.join("binding-key.pem")).unwrap();
    assert!(binding_pem.starts_with("-----BEGIN CERTIFICATE-----\n"));
    let binding_der = pem_certificate(&binding_pem).unwrap();
    // The checks a KBS makes on the pair: both chain to the PrivacyCA, the binding key was
    // certified by that AIK, and the certified name is the certificate's key.
    verify_binding_certificate(
        &binding_der,
        &aik_der,
        std::slice::from_ref(&hvs.privacy_ca_der),
    )
    .expect("binding certificate verifies like the KBS checks it");

    // The trust-agent API.
    let (tcti, d, t) = (sw.tcti.clone(), data.clone(), ta_token.clone());
    let agent = blocking(move || serve(&tcti, &d, &t)).await;
    let base = agent.url.clone();
    assert_eq!(mode(&data.join("tls-key.pem")), 0o600);
    let http = async_client(&data.join("tls-ca.pem"));
    let get = |path: &str, token: Option<&str>| {
        let mut r = http.get(format!("{base}{path}"));
        if let Some(t) = token {
            r = r.bearer_auth(t);
        }
        r.send()
    };

    for path in [
        "/v2/host",
        "/v2/aik",
        "/v2/binding-key-certificate",
        "/v2/nope",
    ] {
        assert_eq!(
            get(path, None).await.unwrap().status(),
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            get(path, Some("wrong")).await.unwrap().status(),
            StatusCode::UNAUTHORIZED
        );
    }
    let r = http
        .post(format!("{base}/v2/tpm/quote"))
        .json(&json!({"nonce": "AAEC", "pcrs": [0]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);

    let r = get("/v2/host", Some("ta-token")).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let host: Value = r.json().await.unwrap();
    assert_eq!(host["hardware_uuid"], hw.to_string());
    assert_eq!(host["os_name"], "Linux");
    assert_eq!(host["tpm_version"], "2.0");
    for field in [
        "host_name",
        "os_version",
        "bios_name",
        "bios_version",
        "processor_info",
    ] {
        assert!(
            host[field].as_str().is_some_and(|s| !s.is_empty()),
            "{field}"
        );
    }

    let r = get("/v2/aik", Some("ta-token")).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "application/pkix-cert");
    let served_aik = r.bytes().await.unwrap().to_vec();
    assert_eq!(served_aik, aik_der);
    let aik_key = certificate_public_key(&served_aik).expect("AIK certificate parses");

    let r = get("/v2/binding-key-certificate", Some("ta-token"))
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "application/x-pem-file");
    assert_eq!(r.text().await.unwrap(), binding_pem);

    let quote = |nonce: Vec<u8>, pcrs: Vec<u8>| {
        http.post(format!("{base}/v2/tpm/quote"))
            .bearer_auth("ta-token")
            .json(&json!({"nonce": B64.encode(nonce), "pcrs": pcrs, "pcr_bank": "SHA256"}))
            .send()
    };
    let nonce: [u8; 20] = rand_bytes();
    let t = std::time::Instant::now();
    let r = quote(nonce.to_vec(), vec![7, 0]).await.unwrap();
    eprintln!("quote latency: first {:?}", t.elapsed());
    assert_eq!(r.status(), StatusCode::OK);
    let (attest, sig, before) = parse_quote(&r.json().await.unwrap());
    assert_eq!(before.iter().map(|p| p.0).collect::<Vec<_>>(), [0, 7]);
    let attested = secl_attest::tpm2::Attest::parse(&attest).unwrap();
    assert_eq!(attested.extra_data, nonce);
    // Signature under the AIK certificate's key, nonce and PCR digest.
    verify_quote(&aik_key, &attest, &sig, &nonce, &before).expect("quote verifies");
    assert!(verify_quote(&aik_key, &attest, &sig, b"another nonce", &before).is_err());

    // A measured boot that measured something else: PCR 7 changes, PCR 0 does not.
    let digest = hex::encode(rand_bytes::<32>());
    let tcti = sw.tcti.clone();
    blocking(move || {
        run_ok(wla().args([
            "pcr-extend",
            "--tpm",
            &tcti,
            "--index",
            "7",
            "--data",
            &digest,
        ]))
    })
    .await;
    let nonce: [u8; 32] = rand_bytes();
    let t = std::time::Instant::now();
    let r = quote(nonce.to_vec(), vec![0, 7]).await.unwrap();
    eprintln!("quote latency: second {:?}", t.elapsed());
    let (attest, sig, after) = parse_quote(&r.json().await.unwrap());
    verify_quote(&aik_key, &attest, &sig, &nonce, &after).expect("second quote verifies");
    assert_eq!(after[0], before[0]);
    assert_ne!(after[1].1, before[1].1, "PCR 7 must change");

    // Malformed requests: 400 with a message, and the agent keeps serving.
    let long = B64.encode([0u8; 65]);
    for body in [
        "not json".to_string(),
        r#"{"pcrs":[0]}"#.into(),
        r#"{"nonce":"","pcrs":[0]}"#.into(),
        r#"{"nonce":"@@@","pcrs":[0]}"#.into(),
        format!(r#"{{"nonce":"{long}","pcrs":[0]}}"#),
        r#"{"nonce":"AAEC","pcrs":[]}"#.into(),
        r#"{"nonce":"AAEC","pcrs":[24]}"#.into(),
        r#"{"nonce":"AAEC","pcrs":[300]}"#.into(),
        r#"{"nonce":"AAEC","pcrs":[3,3]}"#.into(),
        r#"{"nonce":"AAEC","pcrs":[0],"pcr_bank":"SHA1"}"#.into(),
    ] {
        let r = http
            .post(format!("{base}/v2/tpm/quote"))
            .bearer_auth("ta-token")
            .header("content-type", "application/json")
            .body(body.clone())
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{body}");
        let text = r.text().await.unwrap();
        assert!(text.starts_with("Invalid quote request"), "{body}: {text}");
    }
    let r = quote(vec![1], (0..24).collect()).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let (_, _, all) = parse_quote(&r.json().await.unwrap());
    assert_eq!(all.len(), 24);

    // pcr-extend refuses a digest that is not 32 bytes.
    let tcti = sw.tcti.clone();
    let out = blocking(move || {
        output(wla().args([
            "pcr-extend",
            "--tpm",
            &tcti,
            "--index",
            "7",
            "--data",
            "abcd",
        ]))
    })
    .await;
    assert!(!out.status.success());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failures_name_the_step() {
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("wla");
    let ta_token = token_file(work.path(), "ta.token", "ta-token");

    // Serving before provisioning says what to do.
    let (d, t) = (data.clone(), ta_token.clone());
    let out = blocking(move || {
        output(
            wla()
                .arg("serve")
                .arg("--data-dir")
                .arg(&d)
                .args([
                    "--tpm",
                    "swtpm:host=127.0.0.1,port=1",
                    "--listen",
                    "127.0.0.1:0",
                ])
                .arg("--token-file")
                .arg(&t),
        )
    })
    .await;
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("secl-wla provision"), "{err}");

    let sw = blocking(Swtpm::start_temp).await;
    let hvs = FakeHvs::start("hvs-token").await;

    // A token HVS refuses: step 3 fails with HVS's status, the AIK blob is already there.
    let wrong = token_file(work.path(), "wrong.token", "not-the-token");
    let mut cmd = provision_cmd(&sw.tcti, &data, &hvs.url, &hvs.tls_ca, &wrong);
    cmd.args(["--hardware-uuid", &uuid::Uuid::new_v4().to_string()]);
    let out = blocking(move || output(&mut cmd)).await;
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("step 3") && err.contains("401"), "{err}");
    assert!(
        !err.contains("not-the-token"),
        "the token must not be printed: {err}"
    );
    assert_eq!(mode(&data.join("aik.blob")), 0o600);

    // An HVS whose certificate does not chain to --hvs-ca: refused at the TLS level.
    let other_ca = sw.dir.join("ca/swtpm-localca-rootca-cert.pem");
    let token = token_file(work.path(), "hvs.token", "hvs-token");
    let mut cmd = provision_cmd(&sw.tcti, &data, &hvs.url, &other_ca, &token);
    let out = blocking(move || output(&mut cmd)).await;
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("step 3") && err.to_lowercase().contains("certificate"),
        "{err}"
    );

    // Plain http is refused before anything else happens.
    let url = hvs.url.replace("https://", "http://");
    let mut cmd = provision_cmd(&sw.tcti, &data, &url, &hvs.tls_ca, &token);
    let out = blocking(move || output(&mut cmd)).await;
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("must be https"));
}
