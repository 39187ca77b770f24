//! The HVS EK registry (SecL's `/tpm-endorsements`) against real processes: which swtpm hosts
//! the PrivacyCA admits, through `secl-wla provision` (both AIK protocols) and the `secl`
//! CLI, for every combination of a configured EK CA, a registration, a revoked registration
//! and `--require-ek-registration`; the registry's permissions; and malformed requests, which
//! are refused with a reason and change nothing.

use std::path::{Path, PathBuf};
use std::process::Output;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use secl_testkit::{
    Client, Resp, ServerProc, Swtpm, admin_token, provision_wla_ok, provision_wla_with,
    secl_command, secl_json, secl_ok, serve_agent, start_hvs_with, stderr, stdout,
};
use serde_json::{Value, json};

const ROUTE: &str = "/tpm-endorsements";

/// One HVS with its data directory and admin token.
struct Hvs {
    proc: ServerProc,
    data: PathBuf,
    admin: String,
}

impl Hvs {
    fn start(data: PathBuf, extra: &[&str]) -> Self {
        let proc = start_hvs_with(&data, extra, &data.with_extension("log"));
        Self {
            admin: admin_token(&data),
            proc,
            data,
        }
    }

    fn client(&self) -> Client {
        Client::new(&self.proc.url, &self.data.join("tls-ca.pem"))
    }

    /// `secl hvs --output json ARGS...` as the admin.
    fn secl(&self, home: &Path, args: &[&str]) -> Output {
        std::fs::create_dir_all(home).unwrap();
        secl_command(home)
            .env("SECL_HVS_URL", &self.proc.url)
            .env("SECL_HVS_CA_CERT", self.data.join("tls-ca.pem"))
            .env("SECL_HVS_TOKEN_FILE", self.data.join("admin.token"))
            .args(["hvs", "--output", "json"])
            .args(args)
            .output()
            .expect("run secl")
    }

    fn registrations(&self) -> Vec<Value> {
        let r = self.client().get(ROUTE, &self.admin);
        assert_eq!(r.status, 200, "{}", r.text());
        r.json()["tpmendorsements"].as_array().unwrap().clone()
    }
}

/// The swtpm's EK certificate (DER), as the agent reads it from NV.
fn ek_certificate(tpm: &Swtpm) -> Vec<u8> {
    let mut t = secl_tpm::Tpm::open(&tpm.tcti).unwrap();
    t.ek_certificate()
        .unwrap()
        .expect("swtpm has an EK certificate")
}

/// `secl-wla provision` in a fresh directory below `root`; the output.
fn provision(tpm: &Swtpm, root: &Path, hvs: &Hvs, protocol: &str) -> Output {
    let dir = root.join(format!("wla-{}", uuid::Uuid::new_v4()));
    provision_wla_with(
        tpm,
        &dir,
        &hvs.proc,
        &hvs.data,
        &["--aik-protocol", protocol],
    )
}

/// Provisioning must fail and say `reason`.
#[track_caller]
fn refused(out: &Output, hvs: &Hvs, reason: &str) {
    let text = format!("{}{}", stdout(out), stderr(out));
    assert!(
        !out.status.success(),
        "provisioned, should not be: {text}\nHVS: {}",
        hvs.proc.logs()
    );
    assert!(
        text.contains(reason),
        "want {reason:?} in: {text}\nHVS: {}",
        hvs.proc.logs()
    );
}

#[track_caller]
fn provisioned(out: &Output, hvs: &Hvs) {
    assert!(
        out.status.success(),
        "provision: {}{}\nHVS: {}",
        stdout(out),
        stderr(out),
        hvs.proc.logs()
    );
}

#[test]
fn ek_registry_decides_which_hosts_are_provisioned() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let home = root.join("home");
    let tpm = Swtpm::start(&root.join("swtpm"));
    let ek_ca = root.join("ek-ca.pem");
    tpm.write_ek_ca(&ek_ca);
    let ek_ca_arg = ek_ca.to_str().unwrap();
    let ek_der = ek_certificate(&tpm);
    let ek_file = root.join("ek.der");
    std::fs::write(&ek_file, &ek_der).unwrap();
    let ek_path = ek_file.to_str().unwrap();

    // (a) The EK CA configured, nothing registered: provisioned, by both protocols.
    let with_ca = Hvs::start(root.join("hvs-ca"), &["--ek-ca", ek_ca_arg]);
    for protocol in ["rpc", "privacyca"] {
        provisioned(&provision(&tpm, root, &with_ca, protocol), &with_ca);
    }

    // (d) Registered but revoked: refused although the chain to its CA would pass.
    let e = secl_json(&with_ca.secl(
        &home,
        &[
            "ek",
            "register",
            "--certificate",
            ek_path,
            "--comment",
            "lab host",
        ],
    ));
    assert_eq!(e["revoked"], false, "{e}");
    assert_eq!(
        B64.decode(e["certificate"].as_str().unwrap()).unwrap(),
        ek_der
    );
    let id = e["id"].as_str().unwrap().to_string();
    let e = secl_json(&with_ca.secl(&home, &["ek", "revoke", &id]));
    assert_eq!(e["revoked"], true, "{e}");
    for protocol in ["rpc", "privacyca"] {
        let out = provision(&tpm, root, &with_ca, protocol);
        refused(&out, &with_ca, "revoked");
    }
    // Cleared again, the chain (and the registration) admit it.
    let e = secl_json(&with_ca.secl(&home, &["ek", "unrevoke", &id]));
    assert_eq!(e["revoked"], false, "{e}");
    provisioned(&provision(&tpm, root, &with_ca, "rpc"), &with_ca);
    drop(with_ca);

    // (c) No EK CA for this swtpm, not registered: refused, saying why.
    let no_ca = Hvs::start(root.join("hvs-noca"), &[]);
    for protocol in ["rpc", "privacyca"] {
        let out = provision(&tpm, root, &no_ca, protocol);
        refused(&out, &no_ca, "not registered");
    }

    // (b) No EK CA, the EK registered: provisioned, and the host is then trusted in a report.
    let e = secl_json(&no_ca.secl(&home, &["ek", "register", "--certificate", ek_path]));
    assert_eq!(e["certificate_digest"].as_str().unwrap().len(), 96, "{e}");
    provisioned(&provision(&tpm, root, &no_ca, "privacyca"), &no_ca);
    let host_dir = root.join("host-b");
    provision_wla_ok(&tpm, &host_dir.join("wla"), &no_ca.proc, &no_ca.data, &[]);
    let agent = serve_agent(&tpm, &host_dir, "ta-token-ek-registry-0123456789");
    let c = no_ca.client();
    let host = c.post_json("/hosts", &no_ca.admin, agent.registration());
    assert_eq!(host.status, 201, "{}", host.text());
    let host_id = host.json()["id"].as_str().unwrap().to_string();
    let r = c.post_json(
        "/flavors",
        &no_ca.admin,
        json!({"host_id": host_id, "flavor_parts": ["PLATFORM", "OS"]}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let r = c.post_json("/reports", &no_ca.admin, json!({"host_id": host_id}));
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(r.json()["trust_report"]["overall"], true, "{}", r.text());
    // Deleted, the registration no longer admits it.
    let id = e["id"].as_str().unwrap();
    secl_ok(&no_ca.secl(&home, &["ek", "delete", id, "--yes"]));
    refused(
        &provision(&tpm, root, &no_ca, "rpc"),
        &no_ca,
        "not registered",
    );
    drop(agent);
    drop(no_ca);

    // (e) --require-ek-registration: the chain alone is not enough; registered, it is.
    let strict = Hvs::start(
        root.join("hvs-strict"),
        &["--ek-ca", ek_ca_arg, "--require-ek-registration"],
    );
    for protocol in ["rpc", "privacyca"] {
        let out = provision(&tpm, root, &strict, protocol);
        refused(&out, &strict, "requires registration");
    }
    secl_json(&strict.secl(&home, &["ek", "register", "--certificate", ek_path]));
    for protocol in ["rpc", "privacyca"] {
        provisioned(&provision(&tpm, root, &strict, protocol), &strict);
    }
    let list = secl_json(&strict.secl(&home, &["ek", "list"]));
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
}

/// A self-signed certificate (DER) standing in for an EK certificate.
fn some_certificate(name: &str) -> Vec<u8> {
    rcgen::generate_simple_self_signed(vec![name.to_string()])
        .unwrap()
        .cert
        .der()
        .to_vec()
}

fn send(c: &Client, method: &str, path: &str, token: Option<&str>, body: Option<Value>) -> Resp {
    let headers = [
        ("Accept", "application/json"),
        ("Content-Type", "application/json"),
    ];
    c.send(
        method,
        path,
        token,
        &headers,
        body.map(|b| serde_json::to_vec(&b).unwrap()),
    )
}

#[track_caller]
fn status(r: &Resp, want: u16, message: &str) {
    assert_eq!(r.status, want, "{}", r.text());
    assert!(r.text().contains(message), "want {message:?}: {}", r.text());
}

#[test]
fn registry_api_permissions_and_malformed_requests() {
    let tmp = tempfile::tempdir().unwrap();
    let hvs = Hvs::start(tmp.path().join("hvs"), &[]);
    let c = hvs.client();
    let admin = hvs.admin.as_str();
    let cert = some_certificate("ek-one.test");
    let hw = uuid::Uuid::new_v4().to_string();

    // Created with SecL's body (including the fields SecL's clients send along).
    let r = send(
        &c,
        "POST",
        ROUTE,
        Some(admin),
        Some(json!({
            "hardware_uuid": hw, "issuer": "CN=ek-one.test", "revoked": false,
            "certificate": B64.encode(&cert), "comment": "first", "id": null
        })),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let e = r.json();
    let id = e["id"].as_str().unwrap().to_string();
    assert_eq!(e["hardware_uuid"], hw.as_str());
    assert_eq!(e["issuer"], "CN=ek-one.test");
    assert_eq!(e["comment"], "first");
    let digest = e["certificate_digest"].as_str().unwrap().to_string();
    assert_eq!(
        digest,
        hex::encode(<sha2::Sha384 as sha2::Digest>::digest(&cert))
    );
    let one = format!("{ROUTE}/{id}");

    // Malformed or conflicting bodies: 400 (415 for the media type), nothing changes.
    let other = B64.encode(some_certificate("ek-two.test"));
    for (body, message) in [
        (json!({"certificate": "%%not base64%%"}), "not valid base64"),
        (
            json!({"certificate": B64.encode(b"hello, not a certificate")}),
            "not a DER X.509 certificate",
        ),
        (
            json!({"certificate": other, "hardware_uuid": "not-a-uuid"}),
            "hardware_uuid is not a UUID",
        ),
        (
            json!({"certificate": other, "surprise": 1}),
            "Unable to decode JSON request body",
        ),
        (
            json!({"comment": "no certificate"}),
            "certificate must be specified",
        ),
        (
            json!({"certificate": other, "comment": "line\nbreak"}),
            "without control characters",
        ),
        (
            json!({"certificate": B64.encode(&cert)}),
            "same certificate already exist",
        ),
        (
            json!({"certificate": other, "hardware_uuid": hw}),
            "same hardware_uuid already exist",
        ),
    ] {
        let r = send(&c, "POST", ROUTE, Some(admin), Some(body.clone()));
        status(&r, 400, message);
    }
    let r = c.send(
        "POST",
        ROUTE,
        Some(admin),
        &[
            ("Accept", "application/json"),
            ("Content-Type", "text/plain"),
        ],
        Some(b"{}".to_vec()),
    );
    status(&r, 415, "Invalid Content-Type");
    let r = c.send(
        "POST",
        ROUTE,
        Some(admin),
        &[
            ("Accept", "application/json"),
            ("Content-Type", "application/json"),
        ],
        Some(Vec::new()),
    );
    status(&r, 400, "The request body is not provided");
    for (body, message) in [
        (
            json!({"revoked": "yes"}),
            "Unable to decode JSON request body",
        ),
        (json!({"certificate": "@@@"}), "not valid base64"),
        (
            json!({"hardware_uuid": "12"}),
            "hardware_uuid is not a UUID",
        ),
    ] {
        status(
            &send(&c, "PUT", &one, Some(admin), Some(body)),
            400,
            message,
        );
    }
    let all = hvs.registrations();
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0], e, "a refused request changed the record");

    // Search parameters: SecL's names; unknown or unparsable ones are 400.
    for (q, n) in [
        (format!("?hardwareUuidEqualTo={hw}"), 1),
        (format!("?hardwareUuidEqualTo={}", uuid::Uuid::new_v4()), 0),
        (format!("?certificateDigestEqualTo={digest}"), 1),
        ("?issuerContains=ek-ONE".to_string(), 1),
        ("?commentEqualTo=first".to_string(), 1),
        ("?revokedEqualTo=true".to_string(), 0),
        ("?revokedEqualTo=false&limit=1".to_string(), 1),
        (format!("?id={id}"), 1),
        (format!("?afterId={id}"), 0),
    ] {
        let r = c.get(&format!("{ROUTE}{q}"), admin);
        assert_eq!(r.status, 200, "{q}: {}", r.text());
        assert_eq!(
            r.json()["tpmendorsements"].as_array().unwrap().len(),
            n,
            "{q}"
        );
    }
    for q in [
        "?bogus=1",
        "?id=12",
        "?revokedEqualTo=maybe",
        "?certificateDigestEqualTo=xyz",
        "?limit=0",
    ] {
        assert_eq!(c.get(&format!("{ROUTE}{q}"), admin).status, 400, "{q}");
    }

    // Update keeps what is not given; unknown ids are 404 with SecL's message.
    let r = send(&c, "PUT", &one, Some(admin), Some(json!({"revoked": true})));
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json()["revoked"], true);
    let r = send(
        &c,
        "PUT",
        &one,
        Some(admin),
        Some(json!({"comment": "second"})),
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(
        r.json()["revoked"],
        true,
        "a comment edit must not un-revoke"
    );
    assert_eq!(r.json()["comment"], "second");
    let missing = format!("{ROUTE}/{}", uuid::Uuid::new_v4());
    let not_found = "TpmEndorsement with given ID does not exist";
    status(&c.get(&missing, admin), 404, not_found);
    status(
        &send(
            &c,
            "PUT",
            &missing,
            Some(admin),
            Some(json!({"revoked": false})),
        ),
        404,
        not_found,
    );
    status(&c.delete(&missing, admin), 404, not_found);
    status(&c.get(&format!("{ROUTE}/not-a-uuid"), admin), 400, "UUID");

    // Permissions: each route needs its own; other tokens and no token are 401.
    let token_for = |action: &str| c.token(admin, &[&format!("tpm_endorsements:{action}:*")]);
    let unrelated = c.token(admin, &["hosts:search:*"]);
    let body = json!({"certificate": B64.encode(some_certificate("ek-three.test"))});
    let routes: [(&str, String, &str, Option<Value>, u16); 5] = [
        ("POST", ROUTE.to_string(), "create", Some(body), 201),
        ("GET", ROUTE.to_string(), "search", None, 200),
        ("GET", one.clone(), "retrieve", None, 200),
        (
            "PUT",
            one.clone(),
            "store",
            Some(json!({"comment": "x"})),
            200,
        ),
        ("DELETE", one.clone(), "delete", None, 204),
    ];
    for (method, path, action, body, ok) in routes {
        let right = token_for(action);
        let wrong = token_for(if action == "search" {
            "create"
        } else {
            "search"
        });
        for tok in [
            None,
            Some("not-a-token"),
            Some(unrelated.as_str()),
            Some(wrong.as_str()),
        ] {
            let r = send(&c, method, &path, tok, body.clone());
            assert_eq!(r.status, 401, "{method} {path} with {tok:?}: {}", r.text());
        }
        let r = send(&c, method, &path, Some(&right), body);
        assert_eq!(r.status, ok, "{method} {path} with {action}: {}", r.text());
    }
    // SecL's collection delete needs search and delete.
    let both = c.token(
        admin,
        &["tpm_endorsements:search:*", "tpm_endorsements:delete:*"],
    );
    assert_eq!(
        send(&c, "DELETE", ROUTE, Some(&token_for("delete")), None).status,
        401
    );
    assert_eq!(hvs.registrations().len(), 1);
    assert_eq!(send(&c, "DELETE", ROUTE, Some(&both), None).status, 204);
    assert!(hvs.registrations().is_empty());

    // Registrations survive a restart (they are in the store).
    let r = send(
        &c,
        "POST",
        ROUTE,
        Some(admin),
        Some(json!({"certificate": B64.encode(&cert)})),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    let Hvs { proc, data, .. } = hvs;
    proc.stop();
    let hvs = Hvs::start(data, &[]);
    let all = hvs.registrations();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0], r.json());
}
