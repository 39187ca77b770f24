//! HVS end to end with real processes: swtpm, `secl-hvs serve`, `secl-wla provision` and
//! `secl-wla serve`; host registration, flavors from the host, trusted and untrusted SAML
//! reports checked by `secl_saml`-independent xmlsec1 and by chain checks, refusals.
//!
//! Needs `cargo build --workspace --bins` first (scripts/test.sh does it), swtpm, swtpm_setup,
//! certtool, tpm2-tools and xmlsec1 (scripts/install-deps.sh).

use std::path::Path;
use std::process::Command;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use secl_testkit::{Client, Swtpm, TpmHvs, provision_wla, start_hvs, xmlsec_verify};
use serde_json::json;

fn post(
    c: &Client,
    path: &str,
    token: &str,
    accept: &str,
    body: serde_json::Value,
) -> secl_testkit::Resp {
    c.send(
        "POST",
        path,
        Some(token),
        &[("Accept", accept), ("Content-Type", "application/json")],
        Some(serde_json::to_vec(&body).unwrap()),
    )
}

fn der_of_pem(pem: &str) -> Vec<u8> {
    let b64: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    B64.decode(b64).unwrap()
}

/// Verifies a SAML report with xmlsec1 under `cert_pem`.
/// A live AIK challenge made with tpm2-tools (as an agent would), for the refusal checks.
fn tpm2_tools_challenge(tpm: &Swtpm, dir: &Path, c: &Client, admin: &str) -> serde_json::Value {
    let t = |args: &[&str]| {
        let out = Command::new(args[0])
            .args(&args[1..])
            .args(["-T", &tpm.tcti])
            .current_dir(dir)
            .env("TSS2_LOG", "all+none")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    t(&["tpm2_createek", "-c", "ek.ctx", "-G", "rsa", "-u", "ek.pub"]);
    t(&[
        "tpm2_createak",
        "-C",
        "ek.ctx",
        "-c",
        "ak.ctx",
        "-G",
        "rsa",
        "-g",
        "sha256",
        "-s",
        "rsassa",
        "-u",
        "ak.pub",
        "-n",
        "ak.name",
    ]);
    t(&["tpm2_nvread", "-C", "o", "0x1c00002", "-o", "ek.der"]);
    let mut ek = std::fs::read(dir.join("ek.der")).unwrap();
    // NV may hold padding after the DER SEQUENCE.
    if ek[1] == 0x82 {
        ek.truncate(4 + usize::from(u16::from_be_bytes([ek[2], ek[3]])));
    }
    let ak = std::fs::read(dir.join("ak.pub")).unwrap();
    let r = post(
        c,
        "/rpc/aik-challenge",
        admin,
        "application/json",
        json!({"ek_certificate": B64.encode(&ek), "aik_public": B64.encode(&ak)}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    r.json()
}

#[test]
fn hvs_attests_a_real_tpm_host() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let site = TpmHvs::start(root);
    let (tpm, hvs, hvs_data) = (&site.tpm, &site.hvs, &site.hvs_data);
    let admin = site.admin.clone();
    let c = site.client();

    // Public routes.
    let r = c.send("GET", "/version", None, &[], None);
    assert_eq!(r.status, 200);
    let r = c.send(
        "GET",
        "/ca-certificates?domain=saml",
        None,
        &[("Accept", "application/x-pem-file")],
        None,
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let saml_pem = r.text();
    assert!(saml_pem.starts_with("-----BEGIN CERTIFICATE-----"));
    let r = c.send(
        "GET",
        "/ca-certificates?domain=ek",
        None,
        &[("Accept", "application/json")],
        None,
    );
    assert_eq!(r.json()["ca_certificate"].as_array().unwrap().len(), 2);
    let r = c.send("GET", "/ca-certificates?domain=tls", None, &[], None);
    assert_eq!(r.status, 400);
    assert!(
        r.text()
            .contains("Invalid domain/Certificate Type provided")
    );
    let r = c.send(
        "GET",
        "/ca-certificates/privacy",
        None,
        &[("Accept", "application/json")],
        None,
    );
    assert_eq!(r.status, 200);
    let privacy_der = B64
        .decode(r.json()["certificate"].as_str().unwrap())
        .unwrap();

    // Every other route needs the token.
    let id = uuid::Uuid::new_v4();
    for (m, p) in [
        ("GET", "/hosts".to_string()),
        ("POST", "/hosts".into()),
        ("GET", format!("/hosts/{id}")),
        ("DELETE", format!("/hosts/{id}")),
        ("GET", "/flavors".into()),
        ("POST", "/flavors".into()),
        ("DELETE", format!("/flavors/{id}")),
        ("GET", "/reports".into()),
        ("POST", "/reports".into()),
        ("POST", "/rpc/aik-challenge".into()),
        ("POST", "/rpc/aik-activate".into()),
        ("POST", "/rpc/certify-host-binding-key".into()),
    ] {
        for tok in [None, Some("wrong")] {
            let r = c.send(
                m,
                &p,
                tok,
                &[("Content-Type", "application/json")],
                Some(b"{}".to_vec()),
            );
            assert_eq!(r.status, 401, "{m} {p} with {tok:?}: {}", r.text());
        }
    }

    // An HVS that trusts another EK CA (here: the first HVS's PrivacyCA) refuses the TPM.
    let other_data = root.join("hvs-other");
    let other = start_hvs(&other_data, &hvs_data.join("privacy-ca-cert.pem"));
    let out = provision_wla(tpm, &root.join("wla-refused"), &other, &other_data);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("EK certificate is not issued by a trusted EK CA"),
        "{err}"
    );
    drop(other);

    // A wrong secret does not activate, and the challenge is then used up.
    let ch = tpm2_tools_challenge(tpm, root, &c, &admin);
    let activate = json!({"challenge_id": ch["challenge_id"], "secret": B64.encode([0u8; 32])});
    let r = post(
        &c,
        "/rpc/aik-activate",
        &admin,
        "application/json",
        activate.clone(),
    );
    assert_eq!(r.status, 400, "{}", r.text());
    assert!(r.text().contains("secret does not match"), "{}", r.text());
    let r = post(
        &c,
        "/rpc/aik-activate",
        &admin,
        "application/json",
        activate,
    );
    assert_eq!(r.status, 400);
    assert!(r.text().contains("already used"), "{}", r.text());

    // Provisioning through the real agent.
    let ta_token = "ta-token-0123456789abcdef";
    let agent = site.agent(root, ta_token);

    // Register: a wrong agent token is refused with the agent's reason.
    let mut reg = agent.registration();
    reg["ta_token"] = json!("nope");
    let r = post(&c, "/hosts", &admin, "application/json", reg.clone());
    assert_eq!(r.status, 400, "{}", r.text());
    reg["ta_token"] = json!(ta_token);
    let r = post(&c, "/hosts", &admin, "application/json", reg.clone());
    assert_eq!(
        r.status,
        201,
        "{}\nHVS: {}\nWLA: {}",
        r.text(),
        hvs.logs(),
        agent.proc.logs()
    );
    let host = r.json();
    assert_eq!(host["state"], "CONNECTED");
    assert!(host.get("ta_token").is_none() && host.get("ta_token_sealed").is_none());
    assert!(!r.text().contains(ta_token));
    let host_id = host["id"].as_str().unwrap().to_string();
    let hw = host["hardware_uuid"].as_str().unwrap().to_string();
    let r = post(&c, "/hosts", &admin, "application/json", reg);
    assert_eq!(r.status, 409, "{}", r.text());
    assert_eq!(c.get(&format!("/hosts/{host_id}"), &admin).status, 200);
    assert_eq!(c.get("/hosts", &admin).json().as_array().unwrap().len(), 1);

    // No flavor yet: a report is made but not trusted.
    let r = post(
        &c,
        "/reports",
        &admin,
        "application/json",
        json!({"host_id": host_id}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(r.json()["trust_report"]["overall"], false);

    // Flavors from the host.
    let r = post(
        &c,
        "/flavors",
        &admin,
        "application/json",
        json!({"host_id": host_id, "flavor_parts": ["PLATFORM", "OS", "HOST_UNIQUE"]}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let flavors = r.json()["flavors"].as_array().unwrap().clone();
    assert_eq!(flavors.len(), 3);
    let platform = flavors
        .iter()
        .find(|f| f["flavor_part"] == "PLATFORM")
        .unwrap();
    assert_eq!(platform["pcrs"].as_array().unwrap().len(), 8);
    let unique = flavors
        .iter()
        .find(|f| f["flavor_part"] == "HOST_UNIQUE")
        .unwrap();
    assert_eq!(unique["hardware_uuid"], hw.as_str());

    // Trusted report, as SAML.
    let r = post(
        &c,
        "/reports",
        &admin,
        "application/samlassertion+xml",
        json!({"hardware_uuid": hw}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    assert!(r.content_type.starts_with("application/samlassertion+xml"));
    let saml = r.text();
    let saml_der = der_of_pem(&saml_pem);
    let v = secl_saml::verify(
        saml.as_bytes(),
        std::slice::from_ref(&saml_der),
        time::OffsetDateTime::now_utc(),
        None,
    )
    .unwrap();
    assert!(v.trust_overall(), "{saml}");
    assert_eq!(v.trust_flag("PLATFORM"), Some(true));
    assert_eq!(v.trust_flag("OS"), Some(true));
    assert_eq!(v.trust_flag("HOST_UNIQUE"), Some(true));
    assert_eq!(v.single("TRUST_SOFTWARE"), Some("NA"));
    assert_eq!(v.hardware_uuid(), Some(hw.as_str()));
    assert_eq!(v.tpm_version(), Some("2.0"));
    assert_eq!(v.issuer, "AttestationService");
    let (ok, msg) = xmlsec_verify(root, saml.as_bytes(), &saml_pem);
    assert!(ok, "xmlsec1: {msg}");
    let tampered = saml.replacen(">true<", ">false<", 1);
    assert!(!xmlsec_verify(root, tampered.as_bytes(), &saml_pem).0);
    // AIK and binding-key certificates chain to the PrivacyCA.
    let aik = v.aik_certificate_der().unwrap();
    let binding = v.binding_key_certificate_der().unwrap();
    secl_attest::privacy_ca::verify_binding_certificate(
        &binding,
        &aik,
        std::slice::from_ref(&privacy_der),
    )
    .unwrap();

    // PCR 7 changes: the next report is untrusted and says why.
    tpm.extend_pcr(7, &"ab".repeat(32));
    let r = post(
        &c,
        "/reports",
        &admin,
        "application/json",
        json!({"host_id": host_id}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let report = r.json();
    assert_eq!(report["trust_report"]["overall"], false);
    assert_eq!(
        report["trust_report"]["parts"]["PLATFORM"]["trusted"],
        false
    );
    assert_eq!(report["trust_report"]["parts"]["OS"]["trusted"], true);
    let faults = report["trust_report"]["parts"]["PLATFORM"]["faults"]
        .as_array()
        .unwrap();
    assert_eq!(faults.len(), 1, "{faults:?}");
    assert_eq!(faults[0]["pcr_index"], 7);
    let v = secl_saml::verify(
        report["saml"].as_str().unwrap().as_bytes(),
        &[saml_der],
        time::OffsetDateTime::now_utc(),
        None,
    )
    .unwrap();
    assert!(!v.trust_overall());
    assert_eq!(v.trust_flag("PLATFORM"), Some(false));

    // Stored reports: latest per host by default, all on request.
    let r = c.get(&format!("/reports?hostId={host_id}"), &admin);
    assert_eq!(r.json().as_array().unwrap().len(), 1);
    assert_eq!(r.json()[0]["id"], report["id"]);
    let r = c.get(
        &format!("/reports?hostHardwareId={hw}&latestPerHost=false"),
        &admin,
    );
    assert_eq!(r.json().as_array().unwrap().len(), 3);

    // Scoped tokens: reports:create may create reports but not add hosts; revoked is refused.
    let r = c.post_json(
        "/tokens",
        &admin,
        json!({"name": "reporter", "permissions": ["reports:create:*"]}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let (reporter, reporter_id) = (
        r.json()["token"].as_str().unwrap().to_string(),
        r.json()["id"].as_str().unwrap().to_string(),
    );
    let report = json!({"host_id": host_id});
    let r = post(
        &c,
        "/reports",
        &reporter,
        "application/json",
        report.clone(),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let r = post(&c, "/hosts", &reporter, "application/json", json!({}));
    assert_eq!(r.status, 401, "{}", r.text());
    assert!(r.text().contains("hosts:create"), "{}", r.text());
    assert_eq!(c.get("/reports", &reporter).status, 401);
    let listed = c.get("/tokens", &admin).json();
    assert_eq!(listed.as_array().unwrap().len(), 2, "{listed}");
    assert!(!listed.to_string().contains(&reporter));
    assert_eq!(
        c.delete(&format!("/tokens/{reporter_id}"), &reporter)
            .status,
        401
    );
    assert_eq!(
        c.delete(&format!("/tokens/{reporter_id}"), &admin).status,
        204
    );
    let r = post(&c, "/reports", &reporter, "application/json", report);
    assert_eq!(r.status, 401, "{}", r.text());

    // Unknown host; agent gone.
    let r = post(
        &c,
        "/reports",
        &admin,
        "application/json",
        json!({"host_name": "no-such-host"}),
    );
    assert_eq!(r.status, 400);
    assert!(r.text().contains("Host for given criteria does not exist"));
    drop(agent);
    let r = post(
        &c,
        "/reports",
        &admin,
        "application/json",
        json!({"host_id": host_id}),
    );
    assert_eq!(r.status, 400);
    assert!(
        r.text().contains("Host is not in CONNECTED state"),
        "{}",
        r.text()
    );
    assert_eq!(
        c.get(&format!("/hosts/{host_id}"), &admin).json()["state"],
        "CONNECTION_FAILURE"
    );

    // Flavor import and deletion; host deletion.
    let r = post(
        &c,
        "/flavors",
        &admin,
        "application/json",
        json!({"flavor_part": "OS", "pcrs": [{"index": 8, "value": "00".repeat(32)}]}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let fid = r.json()["flavors"][0]["id"].as_str().unwrap().to_string();
    assert_eq!(
        c.get("/flavors", &admin).json()["flavors"]
            .as_array()
            .unwrap()
            .len(),
        4
    );
    assert_eq!(c.delete(&format!("/flavors/{fid}"), &admin).status, 204);
    assert_eq!(c.delete(&format!("/hosts/{host_id}"), &admin).status, 204);
    assert_eq!(c.get(&format!("/hosts/{host_id}"), &admin).status, 404);
    // Nothing of the agent token was logged.
    assert!(!hvs.logs().contains(ta_token));
}
