//! Asset tags end to end with real processes: two swtpm hosts with their agents, `secl-hvs`
//! and `secl-kbs`. A tag certificate is created and deployed with `secl hvs tag`; the host's
//! TPM then holds the certificate's SHA-384 digest in NV index 0x01c10110 (read back with
//! tpm2-tools), its reports carry `TRUST_ASSET_TAG` true and `TAG_country` (checked by xmlsec1
//! and the strict verifier), and a KBS key created with `--usage country:US` is released to it
//! and refused to the untagged host. A rewritten or removed NV index makes the host untrusted
//! with SecL's asset-tag faults. Then SecL's permissions and malformed bodies on the new routes.
//!
//! Needs `cargo build --workspace --bins` first and the tools scripts/install-deps.sh installs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use secl_testkit::{
    Client, KbsProcess, ServerProc, Swtpm, TpmHvs, admin_token, provisioned_agent, secl_command,
    secl_json, secl_ok, start_hvs, stderr, xmlsec_verify,
};
use serde_json::{Value, json};
use sha2::Digest;

const TA_TOKEN: &str = "ta-token-asset-tags-0123456789";

/// One provisioned host serving the trust-agent API.
struct Host {
    tpm: Swtpm,
    wla: ServerProc,
    data: PathBuf,
    id: String,
    hardware_uuid: String,
}

/// tpm2-tools against a host's swtpm (the agent opens the TPM per call, so it is free).
fn tpm2(tpm: &Swtpm, dir: &Path, args: &[&str]) -> Output {
    Command::new(args[0])
        .args(&args[1..])
        .args(["-T", &tpm.tcti])
        .current_dir(dir)
        .env("TSS2_LOG", "all+none")
        .output()
        .expect("tpm2-tools (scripts/install-deps.sh installs them)")
}

/// The asset-tag NV index as the TPM holds it, or None when it is not defined.
fn nv_asset_tag(host: &Host, dir: &Path) -> Option<Vec<u8>> {
    let out = dir.join(format!("nv-{}.bin", uuid::Uuid::new_v4()));
    let o = tpm2(
        &host.tpm,
        dir,
        &[
            "tpm2_nvread",
            "-C",
            "o",
            "0x1c10110",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    o.status.success().then(|| std::fs::read(&out).unwrap())
}

struct Site {
    root: PathBuf,
    hvs: ServerProc,
    hvs_data: PathBuf,
    admin: String,
    kbs: KbsProcess,
}

impl Site {
    fn hvs(&self) -> Client {
        Client::new(&self.hvs.url, &self.hvs_data.join("tls-ca.pem"))
    }

    /// `secl` as the HVS and KBS admin.
    fn secl(&self, args: &[&str]) -> Output {
        let home = self.root.join("home");
        std::fs::create_dir_all(&home).unwrap();
        secl_command(&home)
            .env("SECL_HVS_URL", &self.hvs.url)
            .env("SECL_HVS_CA_CERT", self.hvs_data.join("tls-ca.pem"))
            .env("SECL_HVS_TOKEN_FILE", self.hvs_data.join("admin.token"))
            .env("SECL_KBS_URL", &self.kbs.url)
            .env("SECL_CA_CERT", self.kbs.ca_file())
            .env("SECL_KBS_TOKEN_FILE", self.kbs.data_dir.join("admin.token"))
            .args(args)
            .output()
            .expect("run secl")
    }

    /// Provisions, serves and registers a host over `tpm`.
    fn add_host(&self, name: &str, tpm: Swtpm) -> Host {
        let agent = provisioned_agent(
            &tpm,
            &self.root.join(name),
            &self.hvs,
            &self.hvs_data,
            TA_TOKEN,
        );
        let r = self
            .hvs()
            .post_json("/hosts", &self.admin, agent.registration());
        assert_eq!(r.status, 201, "{}", r.text());
        let h = r.json();
        Host {
            tpm,
            wla: agent.proc,
            data: agent.data,
            id: h["id"].as_str().unwrap().to_string(),
            hardware_uuid: h["hardware_uuid"].as_str().unwrap().to_string(),
        }
    }

    /// A fresh report: (JSON, SAML assertion).
    fn report(&self, host: &Host) -> (Value, Vec<u8>) {
        let r = self
            .hvs()
            .post_json("/reports", &self.admin, json!({"host_id": host.id}));
        assert_eq!(r.status, 201, "{}", r.text());
        let v = r.json();
        let saml = v["saml"].as_str().unwrap().as_bytes().to_vec();
        (v, saml)
    }

    fn saml_cert(&self) -> Vec<u8> {
        let r = self.hvs().get("/ca-certificates/saml", &self.admin);
        assert_eq!(r.status, 200, "{}", r.text());
        B64.decode(r.json()["certificate"].as_str().unwrap())
            .unwrap()
    }

    /// The report's TRUST_* and TAG_* as the KBS would read them, after the strict verifier
    /// and xmlsec1 both accepted the signature.
    fn verified(&self, saml: &[u8]) -> secl_saml::VerifiedReport {
        let cert = self.saml_cert();
        let cert_pem = secl_attest::privacy_ca::pem_encode("CERTIFICATE", &cert);
        let (good, why) = xmlsec_verify(&self.root, saml, &cert_pem);
        assert!(good, "xmlsec1: {why}");
        secl_saml::verify(saml, &[cert], time::OffsetDateTime::now_utc(), None).unwrap()
    }
}

fn asset_tag_part(report: &Value) -> Value {
    report["trust_report"]["parts"]["ASSET_TAG"].clone()
}

#[test]
fn deployed_asset_tags_reach_reports_and_release_keys() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().to_path_buf();
    let tpm_a = Swtpm::start(&root.join("a").join("swtpm"));
    let tpm_b = Swtpm::start(&root.join("b").join("swtpm"));
    // One EK CA file holding both hosts' chains.
    let ek_ca = root.join("ek-ca.pem");
    let (ca_a, ca_b) = (root.join("ek-a.pem"), root.join("ek-b.pem"));
    tpm_a.write_ek_ca(&ca_a);
    tpm_b.write_ek_ca(&ca_b);
    let mut both = std::fs::read(&ca_a).unwrap();
    both.extend(std::fs::read(&ca_b).unwrap());
    std::fs::write(&ek_ca, both).unwrap();

    let hvs_data = root.join("hvs");
    let hvs = start_hvs(&hvs_data, &ek_ca);
    let kbs = KbsProcess::start(&root.join("kbs"), &[]);
    let site = Site {
        admin: admin_token(&hvs_data),
        root: root.clone(),
        hvs,
        hvs_data,
        kbs,
    };
    secl_ok(&site.secl(&["kbs", "trust-hvs"]));
    let a = site.add_host("a", tpm_a);
    let b = site.add_host("b", tpm_b);
    for h in [&a, &b] {
        let f = secl_json(&site.secl(&[
            "hvs",
            "flavor",
            "create",
            "--from-host",
            &h.id,
            "--output",
            "json",
        ]));
        assert_eq!(f.as_array().unwrap().len(), 3, "{f}");
    }
    // Before any tag: trusted, TRUST_ASSET_TAG NA, no TAG_*, nothing in NV.
    let (r, saml) = site.report(&a);
    assert_eq!(r["trust_report"]["overall"], true, "{r}");
    assert!(r["trust_report"]["parts"].get("ASSET_TAG").is_none(), "{r}");
    let v = site.verified(&saml);
    assert_eq!(v.single("TRUST_ASSET_TAG"), Some("NA"));
    assert!(v.asset_tags().is_empty());
    assert_eq!(nv_asset_tag(&a, &root), None);

    // A usage-tagged KBS key, refused to both hosts while untagged.
    let key = secl_json(&site.secl(&[
        "kbs",
        "key",
        "create",
        "--usage",
        "country:US",
        "--output",
        "json",
    ]));
    let key = key["key_information"]["id"]
        .as_str()
        .or_else(|| key["id"].as_str())
        .unwrap_or_else(|| panic!("no key id in {key}"))
        .to_string();
    let t = site.kbs.transfer_saml(&key, &saml);
    assert_eq!(t.status, 401, "{}", t.text());

    // Create (by host id) and deploy the tag certificate with the CLI.
    let cert = secl_json(&site.secl(&[
        "hvs",
        "tag",
        "create",
        "--host",
        &a.id,
        "--tag",
        "country=US",
        "--tag",
        "rack=r12",
        "--output",
        "json",
    ]));
    assert_eq!(cert["hardware_uuid"], a.hardware_uuid.as_str(), "{cert}");
    assert_eq!(cert["subject"], a.hardware_uuid.as_str(), "{cert}");
    assert_eq!(cert["issuer"], "CN=HVS Tag Certificate", "{cert}");
    let cert_id = cert["id"].as_str().unwrap().to_string();
    let der = B64.decode(cert["certificate"].as_str().unwrap()).unwrap();
    let digest = sha2::Sha384::digest(&der).to_vec();
    assert_eq!(cert["asset_tag_digest"], B64.encode(&digest));
    // The certificate chains to the Tag CA the HVS serves, and states the tags as SecL does.
    let tag_ca = site.hvs().get("/ca-certificates/tag", &site.admin);
    assert_eq!(tag_ca.status, 200, "{}", tag_ca.text());
    let tag_ca = B64
        .decode(tag_ca.json()["certificate"].as_str().unwrap())
        .unwrap();
    secl_attest::privacy_ca::verify_chain(&der, &[tag_ca]).unwrap();
    let info = secl_attest::privacy_ca::parse_tag_certificate(&der).unwrap();
    assert_eq!(
        info.tags,
        [
            ("country".into(), "US".into()),
            ("rack".into(), "r12".into())
        ]
    );
    let listed = secl_json(&site.secl(&[
        "hvs",
        "tag",
        "list",
        "--hardware-uuid",
        &a.hardware_uuid,
        "--output",
        "json",
    ]));
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
    let shown = secl_ok(&site.secl(&["hvs", "tag", "show", &cert_id]));
    assert!(
        shown.contains("country=US") && shown.contains("rack=r12"),
        "{shown}"
    );

    let flavor = secl_json(&site.secl(&["hvs", "tag", "deploy", &cert_id, "--output", "json"]));
    assert_eq!(flavor["flavor_part"], "ASSET_TAG", "{flavor}");
    assert_eq!(flavor["hardware_uuid"], a.hardware_uuid.as_str());
    assert_eq!(flavor["flavorgroup_names"], json!(["host_unique"]));
    assert_eq!(flavor["asset_tag"]["digest"], B64.encode(&digest));
    // The TPM holds the certificate's SHA-384 digest.
    assert_eq!(nv_asset_tag(&a, &root), Some(digest.clone()));

    // Tagged host: trusted, TRUST_ASSET_TAG true, one TAG_ per tag, signature intact.
    let (r, saml_a) = site.report(&a);
    assert_eq!(r["trust_report"]["overall"], true, "{r}");
    assert_eq!(asset_tag_part(&r)["trusted"], true, "{r}");
    let v = site.verified(&saml_a);
    assert!(v.trust_overall());
    assert_eq!(v.trust_flag("ASSET_TAG"), Some(true));
    let mut tags = v.asset_tags();
    tags.sort();
    assert_eq!(tags, [("country", "US"), ("rack", "r12")]);
    // Untagged host: NA, no TAG_*.
    let (rb, saml_b) = site.report(&b);
    assert_eq!(rb["trust_report"]["overall"], true, "{rb}");
    let vb = site.verified(&saml_b);
    assert_eq!(vb.single("TRUST_ASSET_TAG"), Some("NA"));
    assert!(vb.asset_tags().is_empty());

    // The payoff: the usage-tagged key goes to the tagged host only.
    let t = site.kbs.transfer_saml(&key, &saml_a);
    assert_eq!(t.status, 200, "{}", t.text());
    assert_eq!(t.body.len(), 256, "wrapped to the RSA-2048 binding key");
    assert_eq!(site.kbs.last_transfer(&key)["outcome"], "granted");
    let t = site.kbs.transfer_saml(&key, &saml_b);
    assert_eq!(t.status, 401, "{}", t.text());
    let denied = site.kbs.last_transfer(&key);
    assert_eq!(denied["outcome"], "denied", "{denied}");
    assert!(
        denied["reason"].as_str().unwrap().contains("usage"),
        "{denied}"
    );
    // A key asking for another country is refused to the tagged host too.
    let other = secl_json(&site.secl(&[
        "kbs",
        "key",
        "create",
        "--usage",
        "country:FR",
        "--output",
        "json",
    ]));
    let other = other["key_information"]["id"]
        .as_str()
        .or_else(|| other["id"].as_str())
        .unwrap()
        .to_string();
    assert_eq!(site.kbs.transfer_saml(&other, &saml_a).status, 401);

    // The NV index rewritten with another host's certificate digest (through the agent's own
    // tag route, as a rogue deployment would): untrusted, AssetTagMismatch, no TAG_*.
    let cert_b = site.hvs().post_json(
        "/tag-certificates",
        &site.admin,
        json!({"hardware_uuid": b.hardware_uuid,
               "selection_content": [{"name": "country", "value": "US"}]}),
    );
    assert_eq!(cert_b.status, 201, "{}", cert_b.text());
    let digest_b = B64
        .decode(cert_b.json()["asset_tag_digest"].as_str().unwrap())
        .unwrap();
    let agent = Client::new(&a.wla.url, &a.data.join("tls-ca.pem"));
    let w = agent.post_json(
        "/v2/tag",
        TA_TOKEN,
        json!({"tag": B64.encode(&digest_b), "hardware_uuid": a.hardware_uuid}),
    );
    assert_eq!(w.status, 200, "{}", w.text());
    assert_eq!(nv_asset_tag(&a, &root), Some(digest_b.clone()));
    let (r, saml) = site.report(&a);
    assert_eq!(r["trust_report"]["overall"], false, "{r}");
    let part = asset_tag_part(&r);
    assert_eq!(part["trusted"], false, "{r}");
    assert_eq!(part["faults"][0]["name"], "AssetTagMismatch", "{r}");
    assert!(
        part["faults"][0]["description"]
            .as_str()
            .unwrap()
            .contains("Asset tag"),
        "{r}"
    );
    let v = site.verified(&saml);
    assert_eq!(v.trust_flag("ASSET_TAG"), Some(false));
    assert!(!v.trust_overall());
    assert!(v.asset_tags().is_empty(), "no TAG_* for a failed rule");
    assert_eq!(site.kbs.transfer_saml(&key, &saml).status, 401);
    // The agent refuses a tag made for another hardware UUID, and malformed tags.
    for body in [
        json!({"tag": B64.encode(&digest), "hardware_uuid": b.hardware_uuid}),
        json!({"tag": B64.encode([1u8; 20]), "hardware_uuid": a.hardware_uuid}),
        json!({"tag": "!!", "hardware_uuid": a.hardware_uuid}),
    ] {
        let w = agent.post_json("/v2/tag", TA_TOKEN, &body);
        assert_eq!(w.status, 400, "{body}: {}", w.text());
    }
    assert_eq!(agent.post_json("/v2/tag", "wrong", json!({})).status, 401);
    assert_eq!(nv_asset_tag(&a, &root), Some(digest_b));

    // Deploying the host's own certificate again restores trust and the key release.
    secl_ok(&site.secl(&["hvs", "tag", "deploy", &cert_id]));
    let (r, saml) = site.report(&a);
    assert_eq!(r["trust_report"]["overall"], true, "{r}");
    assert_eq!(site.kbs.transfer_saml(&key, &saml).status, 200);

    // The index removed from the TPM: AssetTagMissing.
    let o = tpm2(&a.tpm, &root, &["tpm2_nvundefine", "-C", "o", "0x1c10110"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let (r, saml) = site.report(&a);
    assert_eq!(r["trust_report"]["overall"], false, "{r}");
    assert_eq!(
        asset_tag_part(&r)["faults"][0]["name"],
        "AssetTagMissing",
        "{r}"
    );
    assert_eq!(site.verified(&saml).trust_flag("ASSET_TAG"), Some(false));

    // A certificate for the other host deploys there; a deleted one is gone.
    let id_b = cert_b.json()["id"].as_str().unwrap().to_string();
    secl_ok(&site.secl(&["hvs", "tag", "deploy", &id_b]));
    let (rb, saml_b) = site.report(&b);
    assert_eq!(rb["trust_report"]["overall"], true, "{rb}");
    assert_eq!(site.verified(&saml_b).trust_flag("ASSET_TAG"), Some(true));
    assert_eq!(site.kbs.transfer_saml(&key, &saml_b).status, 200);
    secl_ok(&site.secl(&["hvs", "tag", "delete", &id_b, "--yes"]));
    let o = site.secl(&["hvs", "tag", "show", &id_b]);
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    // `secl hvs ca-cert get --type tag` prints the Tag CA.
    let pem = secl_ok(&site.secl(&["hvs", "ca-cert", "get", "--type", "tag"]));
    assert!(pem.starts_with("-----BEGIN CERTIFICATE-----"), "{pem}");
}

/// SecL's permissions on the new routes, and its answers to malformed bodies and queries.
#[test]
fn tag_routes_check_permissions_and_bodies() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let site = TpmHvs::start(root);
    let admin = site.admin.clone();
    let c = site.client();
    let hw = uuid::Uuid::new_v4().to_string();
    let good =
        json!({"hardware_uuid": hw, "selection_content": [{"name": "country", "value": "US"}]});
    let r = c.post_json("/tag-certificates", &admin, &good);
    assert_eq!(r.status, 201, "{}", r.text());
    let id = r.json()["id"].as_str().unwrap().to_string();

    // Permissions: none, a wrong token and a token for other routes are refused; the route's
    // own permission alone gets through.
    let other = c.token(&admin, &["hosts:*:*", "reports:*:*", "flavors:*:*"]);
    let deploy_body = json!({"certificate_id": id});
    let routes: Vec<(&str, String, &str, Option<Value>)> = vec![
        (
            "POST",
            "/tag-certificates".into(),
            "tag_certificates:create:*",
            Some(good.clone()),
        ),
        (
            "GET",
            "/tag-certificates".into(),
            "tag_certificates:search:*",
            None,
        ),
        (
            "GET",
            format!("/tag-certificates/{id}"),
            "tag_certificates:search:*",
            None,
        ),
        (
            "POST",
            "/rpc/deploy-tag-certificate".into(),
            "tag_certificates:deploy:*",
            Some(deploy_body.clone()),
        ),
        (
            "DELETE",
            format!("/tag-certificates/{}", uuid::Uuid::new_v4()),
            "tag_certificates:delete:*",
            None,
        ),
    ];
    let headers = [
        ("Content-Type", "application/json"),
        ("Accept", "application/json"),
    ];
    for (method, path, perm, body) in &routes {
        let bytes = body.as_ref().map(|b| serde_json::to_vec(b).unwrap());
        for tok in [None, Some("wrong"), Some(other.as_str())] {
            let r = c.send(method, path, tok, &headers, bytes.clone());
            assert_eq!(r.status, 401, "{method} {path} with {tok:?}: {}", r.text());
        }
        let only = c.token(&admin, &[perm]);
        let r = c.send(method, path, Some(&only), &headers, bytes.clone());
        let want = match (*method, path.as_str()) {
            ("POST", "/tag-certificates") => 201,
            ("GET", _) => 200,
            // Its hardware UUID belongs to no registered host.
            ("POST", _) => 400,
            _ => 404,
        };
        assert_eq!(r.status, want, "{method} {path} with {perm}: {}", r.text());
    }
    // The search permission does not create, deploy or delete.
    let search = c.token(&admin, &["tag_certificates:search:*"]);
    assert_eq!(c.post_json("/tag-certificates", &search, &good).status, 401);
    assert_eq!(
        c.delete(&format!("/tag-certificates/{id}"), &search).status,
        401
    );
    let r = c.post_json("/rpc/deploy-tag-certificate", &admin, &deploy_body);
    assert!(
        r.text().contains("Target Host lookup failed"),
        "{}",
        r.text()
    );

    // Malformed creations: 400 with SecL's messages, nothing stored.
    let before = c.get("/tag-certificates", &admin).json()["certificates"]
        .as_array()
        .unwrap()
        .len();
    for (body, says) in [
        (
            json!({"hardware_uuid": "not-a-uuid", "selection_content": [{"name": "a", "value": "b"}]}),
            "Hardware UUID",
        ),
        (
            json!({"hardware_uuid": uuid::Uuid::nil(), "selection_content": [{"name": "a", "value": "b"}]}),
            "Hardware UUID",
        ),
        (
            json!({"hardware_uuid": hw, "selection_content": []}),
            "Selection Content",
        ),
        (json!({"hardware_uuid": hw}), "Selection Content"),
        (
            json!({"hardware_uuid": hw, "selection_content": [{"name": "", "value": "b"}]}),
            "Key",
        ),
        (
            json!({"hardware_uuid": hw, "selection_content": [{"name": "a", "value": "<b>"}]}),
            "Value",
        ),
        (
            json!({"hardware_uuid": hw, "selection_content": [{"name": "a", "value": "1"}, {"name": "A", "value": "2"}]}),
            "twice",
        ),
        (
            json!({"hardware_uuid": hw, "selection_content": [{"name": "a"}]}),
            "decode",
        ),
        (
            json!({"hardware_uuid": hw, "selection_content": [{"name": "a", "value": "b"}], "x": 1}),
            "decode",
        ),
    ] {
        let r = c.post_json("/tag-certificates", &admin, &body);
        assert_eq!(r.status, 400, "{body}: {}", r.text());
        assert!(r.text().contains(says), "{body}: {}", r.text());
    }
    let r = c.post_raw("/tag-certificates", &admin, Vec::new());
    assert_eq!(r.status, 400, "{}", r.text());
    let r = c.send(
        "POST",
        "/tag-certificates",
        Some(&admin),
        &[
            ("Content-Type", "text/plain"),
            ("Accept", "application/json"),
        ],
        Some(serde_json::to_vec(&good).unwrap()),
    );
    assert_eq!(r.status, 415, "{}", r.text());
    let after = c.get("/tag-certificates", &admin).json()["certificates"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(before, after);

    // Malformed and unknown deployments.
    for (body, status, says) in [
        (json!({"certificate_id": "nope"}), 400, "Invalid UUID"),
        (
            json!({"certificate_id": uuid::Uuid::nil()}),
            400,
            "Invalid UUID",
        ),
        (json!({}), 400, "Invalid UUID"),
        (
            json!({"certificate_id": uuid::Uuid::new_v4()}),
            400,
            "does not exist",
        ),
        (json!({"certificate_id": id, "x": 1}), 400, "decode"),
    ] {
        let r = c.post_json("/rpc/deploy-tag-certificate", &admin, &body);
        assert_eq!(r.status, status, "{body}: {}", r.text());
        assert!(r.text().contains(says), "{body}: {}", r.text());
    }

    // Search parameters.
    let list = |q: &str| c.get(&format!("/tag-certificates{q}"), &admin);
    let n = |q: &str| {
        let r = list(q);
        assert_eq!(r.status, 200, "{q}: {}", r.text());
        r.json()["certificates"].as_array().unwrap().len()
    };
    assert_eq!(n(&format!("?hardwareUuid={hw}")), after);
    assert_eq!(n(&format!("?hardwareUuid={}", uuid::Uuid::new_v4())), 0);
    assert_eq!(n(&format!("?id={id}")), 1);
    assert_eq!(n(&format!("?subjectEqualTo={hw}")), after);
    assert_eq!(n("?issuerContains=Tag"), after);
    assert_eq!(n("?validOn=2000-01-01"), 0);
    // Midnight today precedes the certificates; tomorrow is within their year.
    let today = time::OffsetDateTime::now_utc().date();
    assert_eq!(n(&format!("?validOn={today}")), 0);
    assert_eq!(n(&format!("?validOn={}", today.next_day().unwrap())), after);
    assert_eq!(
        n(&format!("?validBefore={}", today.next_day().unwrap())),
        after
    );
    for bad in ["?hardwareUuid=x", "?id=1", "?validOn=yesterday", "?bogus=1"] {
        assert_eq!(list(bad).status, 400, "{bad}: {}", list(bad).text());
    }

    // Flavor routes refuse ASSET_TAG flavors: they come from deployments only.
    let r = c.post_json(
        "/flavors",
        &admin,
        json!({"flavor_part": "ASSET_TAG", "pcrs": [{"index": 0, "value": "00".repeat(32)}]}),
    );
    assert_eq!(r.status, 400, "{}", r.text());

    // Delete, then it is gone.
    assert_eq!(
        c.delete(&format!("/tag-certificates/{id}"), &admin).status,
        204
    );
    assert_eq!(
        c.get(&format!("/tag-certificates/{id}"), &admin).status,
        404
    );
    assert_eq!(
        c.delete(&format!("/tag-certificates/{id}"), &admin).status,
        404
    );
    assert_eq!(c.delete("/tag-certificates/nope", &admin).status, 400);
    drop(site);
}
