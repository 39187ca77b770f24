//! The WLS with real peers: swtpm, `secl-hvs`, `secl-wla` (provisioned, serving) and
//! `secl-kbs`, all over real HTTPS. A trusted host gets its key wrapped by the KBS (and from
//! the cache the second time); a KBS whose CA is not trusted gets nothing; after a PCR changes the host is
//! refused with SecL's `Host is untrusted`.
//!
//! Needs `cargo build -p secl-hvs-server -p secl-wla-server -p secl-kbs-server` first, swtpm,
//! swtpm_setup and certtool (scripts/install-deps.sh).

mod common;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use common::dummy_cert_pem;
use secl_testkit::{
    Client, KbsProcess, Swtpm, Wls, admin_token, bin, provision_wla, start_hvs, start_wla,
};
use serde_json::json;

#[test]
fn wls_brokers_keys_for_attested_hosts_only() {
    let _ = bin("secl-hvs");
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();

    // HVS, and a host: swtpm + provisioned secl-wla, registered, flavors taken from it.
    let tpm = Swtpm::start(&root.join("tpm"));
    let ek_ca = root.join("ek-ca.pem");
    tpm.write_ek_ca(&ek_ca);
    let hvs_data = root.join("hvs");
    let hvs = start_hvs(&hvs_data, &ek_ca);
    let hvs_admin = admin_token(&hvs_data);
    let hc = Client::http1(&hvs.url, &hvs_data.join("tls-ca.pem"));
    let wla_data = root.join("wla");
    let out = provision_wla(&tpm, &wla_data, &hvs, &hvs_data);
    assert!(
        out.status.success(),
        "provision: {}\nHVS: {}",
        String::from_utf8_lossy(&out.stderr),
        hvs.logs()
    );
    let ta_token_file = root.join("ta.token");
    std::fs::write(&ta_token_file, "ta-token-0123456789abcdef\n").unwrap();
    let wla = start_wla(&tpm, &wla_data, &ta_token_file, &root.join("wla.log"));
    let ta_ca = std::fs::read_to_string(wla_data.join("tls-ca.pem")).unwrap();
    let r = hc.post_json(
        "/hosts",
        &hvs_admin,
        json!({"connection_string": wla.url, "ta_ca_pem": ta_ca,
                "ta_token": "ta-token-0123456789abcdef"}),
    );
    assert_eq!(r.status, 201, "{}\nHVS: {}", r.text(), hvs.logs());
    let host_id = r.json()["id"].as_str().unwrap().to_string();
    let hw = r.json()["hardware_uuid"].as_str().unwrap().to_string();
    let r = hc.post_json(
        "/flavors",
        &hvs_admin,
        json!({"host_id": host_id, "flavor_parts": ["PLATFORM", "OS", "HOST_UNIQUE"]}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    // The WLS's own HVS token: reports:create only.
    let hvs_token = hc.token(&hvs_admin, &["reports:create:*"]);
    let hvs_token_file = root.join("wls-hvs.token");
    std::fs::write(&hvs_token_file, format!("{hvs_token}\n")).unwrap();

    // A KBS with a key, trusting the HVS's SAML certificate and PrivacyCA.
    let kbs_data = root.join("kbs");
    let kbs = KbsProcess::start(&kbs_data, &[]);
    let kbs_admin = admin_token(&kbs_data);
    let kc = Client::http1(&kbs.url, &kbs_data.join("tls-ca.pem"));
    let r = kc.post_json(
        "/keys",
        &kbs_admin,
        json!({"key_information": {"algorithm": "AES", "key_length": 256}}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let key_url = r.json()["transfer_link"].as_str().unwrap().to_string();
    for (path, file) in [
        ("/saml-certificates", "saml-cert.pem"),
        ("/tpm-identity-certificates", "privacy-ca-cert.pem"),
    ] {
        let r = kc.send(
            "POST",
            path,
            Some(&kbs_admin),
            &[
                ("Content-Type", "application/x-pem-file"),
                ("Accept", "application/json"),
            ],
            Some(std::fs::read(hvs_data.join(file)).unwrap()),
        );
        assert_eq!(r.status, 201, "{path}: {}", r.text());
    }
    let transfers = || {
        kc.get("/audit?action=key.transfer", &kbs_admin)
            .json()
            .as_array()
            .unwrap()
            .len()
    };

    // The WLS: no --saml-cert, so it downloads the HVS's at start.
    let hvs_args = [
        "--hvs-url".to_string(),
        hvs.url.clone(),
        "--hvs-ca".into(),
        hvs_data.join("tls-ca.pem").display().to_string(),
        "--hvs-token-file".into(),
        hvs_token_file.display().to_string(),
    ];
    let mut args: Vec<String> = hvs_args.to_vec();
    args.extend([
        "--kbs-ca".into(),
        kbs_data.join("tls-ca.pem").display().to_string(),
    ]);
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let wls = Wls::start(&root.join("wls"), &a);
    assert!(
        wls.proc
            .logs()
            .contains("downloaded the HVS SAML signing certificate"),
        "{}",
        wls.proc.logs()
    );
    let c = wls.client("v2");
    let wla_token = c.token(&wls.admin(), &["keys:create:*"]);
    let req = json!({"hardware_uuid": hw, "key_url": key_url});

    // Trusted host: the fresh report goes to the KBS.
    let before = transfers();
    let r = c.post_json("/keys", &wla_token, &req);
    assert_eq!(
        r.status,
        201,
        "{}\nWLS: {}\nKBS: {}",
        r.text(),
        wls.proc.logs(),
        kbs.logs()
    );
    // The KBS's SAML transfer is in: the key comes back wrapped to the binding key.
    let key = B64.decode(r.json()["key"].as_str().unwrap()).unwrap();
    assert_eq!(key.len(), 256, "RSA-2048 OAEP blob");
    assert!(!wls.proc.logs().contains(r.json()["key"].as_str().unwrap()));
    // A second request is answered from the cache (after a fresh attestation): the KBS
    // sees no new transfer. v1 answers 200.
    let after_first = transfers();
    let r = wls.client("v1").post_json("/keys", &wla_token, &req);
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(B64.decode(r.json()["key"].as_str().unwrap()).unwrap(), key);
    assert_eq!(transfers(), after_first);
    assert!(
        !wls.proc.logs().contains("saml2:Assertion"),
        "reports are never logged"
    );

    // Another hardware UUID: the HVS knows no such host.
    let r = c.post_json(
        "/keys",
        &wla_token,
        json!({"hardware_uuid": "00000000-0000-4000-8000-000000000001", "key_url": key_url}),
    );
    assert_eq!(r.status, 500);
    assert!(
        r.text()
            .starts_with("Failed to retrieve Key for Image - Failed to read HVS response"),
        "{}",
        r.text()
    );

    // A WLS that does not trust the KBS's CA: TLS fails, the report is never sent.
    let other_ca = root.join("other-ca.pem");
    std::fs::write(&other_ca, dummy_cert_pem("Some other CA")).unwrap();
    let mut args: Vec<String> = hvs_args.to_vec();
    args.extend([
        "--kbs-ca".into(),
        other_ca.display().to_string(),
        "--saml-cert".into(),
        hvs_data.join("saml-cert.pem").display().to_string(),
    ]);
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let wls2 = Wls::start(&root.join("wls2"), &a);
    let c2 = wls2.client("v2");
    let t2 = c2.token(&wls2.admin(), &["keys:create:*"]);
    let seen = transfers();
    let r = c2.post_json("/keys", &t2, &req);
    assert_eq!(r.status, 500, "{}", r.text());
    assert!(
        r.text().contains("TLS failure talking to the KBS") && r.text().contains("--kbs-ca"),
        "{}",
        r.text()
    );
    assert_eq!(transfers(), seen, "the KBS received nothing");
    drop(wls2);

    // A PCR changes: the host is untrusted and refused, however the KBS would answer.
    tpm.extend_pcr(7, &"ab".repeat(32));
    let seen = transfers();
    let r = c.post_json("/keys", &wla_token, &req);
    assert_eq!(r.status, 500, "{}", r.text());
    assert_eq!(
        r.text(),
        "Failed to retrieve Key for Image - Host is untrusted\n"
    );
    assert_eq!(
        transfers(),
        seen,
        "an untrusted host's report never reaches the KBS"
    );
    assert_eq!(transfers(), before + 1, "one granted transfer in all");
}
