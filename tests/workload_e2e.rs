//! The product's whole story with real processes over real HTTPS: KBS, HVS and WLS servers, a
//! host agent over swtpm serving the ocicrypt gRPC key provider on a unix socket, and real
//! skopeo calling it as CRI-O would. A trusted host decrypts; every refusal shows a clear error
//! on skopeo's side and, where the KBS was asked, the failed check in the KBS audit trail.
//!
//! Needs `cargo build --workspace --bins` first and the tools scripts/install-deps.sh installs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use secl_testkit::{
    Client, KbsProcess, ServerProc, Swtpm, bin, blob, layout_layers, make_image, provision_wla_ok,
    secl_json, skopeo, start_wla_with, stderr,
};
use serde_json::{Value, json};

/// One host: its swtpm, its provisioned agent serving the trust-agent API and the key-provider
/// socket, and its identity at the HVS.
struct Host {
    tpm: Swtpm,
    data: PathBuf,
    socket: PathBuf,
    wla: ServerProc,
    /// The HVS's id for the host.
    id: String,
    hardware_uuid: String,
}

/// The servers of one site.
struct Site {
    dir: tempfile::TempDir,
    kbs: KbsProcess,
    hvs: ServerProc,
    hvs_data: PathBuf,
    hvs_admin: String,
    wls: ServerProc,
    wls_data: PathBuf,
}

fn read_token(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap().trim().to_string()
}

/// Writes a token file the way servers want it: owner-only.
fn write_secret(path: &Path, token: &str) {
    use std::os::unix::fs::PermissionsExt;
    let token = token.trim();
    assert!(!token.is_empty(), "empty token for {}", path.display());
    std::fs::write(path, format!("{token}\n")).unwrap();
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
}

fn ok(out: &Output, what: &str) -> String {
    assert!(
        out.status.success(),
        "{what} failed: {}\n{}",
        String::from_utf8_lossy(&out.stderr),
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn wait_for(path: &Path, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !path.exists() {
        assert!(Instant::now() < deadline, "{what} did not appear");
        std::thread::sleep(Duration::from_millis(50));
    }
}

impl Site {
    /// One swtpm per host name (each with its own EK CA), then the KBS, an HVS trusting those
    /// EK CAs and signing reports valid for `saml_validity` seconds, and a WLS that trusts
    /// this KBS's CA only.
    fn start(hosts: &[&str], saml_validity: u32) -> (Self, Vec<Swtpm>) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let mut tpms = Vec::new();
        let mut hvs_args: Vec<String> = Vec::new();
        for name in hosts {
            let tpm = Swtpm::start(&root.join(name).join("swtpm"));
            let ek_ca = root.join(format!("{name}-ek-ca.pem"));
            tpm.write_ek_ca(&ek_ca);
            hvs_args.push("--ek-ca".into());
            hvs_args.push(ek_ca.display().to_string());
            tpms.push(tpm);
        }
        let kbs = KbsProcess::start(&root.join("kbs"), &[]);
        let hvs_data = root.join("hvs");
        let validity = saml_validity.to_string();
        let mut args = vec![
            "serve",
            "--data-dir",
            hvs_data.to_str().unwrap(),
            "--listen",
            "127.0.0.1:0",
            "--saml-validity-seconds",
            &validity,
        ];
        args.extend(hvs_args.iter().map(String::as_str));
        let hvs = ServerProc::start(
            bin("secl-hvs"),
            &args,
            "secl-hvs listening on ",
            &root.join("hvs.log"),
        );
        let hvs_admin = read_token(&hvs_data.join("admin.token"));
        // The WLS gets a token that can only ask for reports (`secl hvs token create`).
        let wls_hvs_token = root.join("wls-hvs.token");
        let out = Command::new(bin("secl"))
            .env("HOME", root)
            .env("SECL_HVS_URL", &hvs.url)
            .env("SECL_HVS_CA_CERT", hvs_data.join("tls-ca.pem"))
            .env("SECL_HVS_TOKEN_FILE", hvs_data.join("admin.token"))
            .args(["-q", "hvs", "token", "create", "--name", "wls"])
            .args(["--permission", "reports:create:*"])
            .stdin(Stdio::null())
            .output()
            .unwrap();
        write_secret(&wls_hvs_token, &ok(&out, "secl hvs token create"));
        let wls_data = root.join("wls");
        let wls = ServerProc::start(
            bin("secl-wls"),
            &[
                "serve",
                "--data-dir",
                wls_data.to_str().unwrap(),
                "--listen",
                "127.0.0.1:0",
                "--hvs-url",
                &hvs.url,
                "--hvs-ca",
                hvs_data.join("tls-ca.pem").to_str().unwrap(),
                "--hvs-token-file",
                wls_hvs_token.to_str().unwrap(),
                "--kbs-ca",
                kbs.ca_file().to_str().unwrap(),
            ],
            "secl-wls listening on ",
            &root.join("wls.log"),
        );
        let site = Site {
            dir,
            kbs,
            hvs,
            hvs_data,
            hvs_admin,
            wls,
            wls_data,
        };
        // The KBS admin trusts this HVS in one step: its SAML signing certificate and its
        // PrivacyCA, fetched over verified TLS.
        let imported = site.trust_hvs();
        assert_eq!(
            imported,
            [("saml".into(), true), ("tpm-identity".into(), true)]
        );
        assert_eq!(
            site.trust_hvs(),
            [("saml".into(), false), ("tpm-identity".into(), false)],
            "a second trust-hvs must change nothing"
        );
        (site, tpms)
    }

    /// `secl kbs trust-hvs`: (kind, newly imported) per certificate.
    fn trust_hvs(&self) -> Vec<(String, bool)> {
        let out = ok(
            &self.secl(&["--output", "json", "kbs", "trust-hvs"]),
            "secl kbs trust-hvs",
        );
        let v: Value = serde_json::from_str(&out).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["kind"].as_str().unwrap().to_string(),
                    c["imported"].as_bool().unwrap(),
                )
            })
            .collect()
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn hvs_client(&self) -> Client {
        Client::new(&self.hvs.url, &self.hvs_data.join("tls-ca.pem"))
    }

    /// `secl` as the image owner and admin of this site.
    fn secl(&self, args: &[&str]) -> Output {
        let mut c = Command::new(bin("secl"));
        for (k, _) in std::env::vars() {
            if k.starts_with("SECL_") {
                c.env_remove(k);
            }
        }
        c.env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.path("config"))
            .env("SECL_KBS_URL", &self.kbs.url)
            .env("SECL_CA_CERT", self.kbs.ca_file())
            .env("SECL_KBS_TOKEN_FILE", self.kbs.data_dir.join("admin.token"))
            .env("SECL_ENVELOPE_KEY", self.path("owner/envelope.pem"))
            .env("SECL_HVS_URL", &self.hvs.url)
            .env("SECL_HVS_CA_CERT", self.hvs_data.join("tls-ca.pem"))
            .env("SECL_HVS_TOKEN_FILE", self.hvs_data.join("admin.token"))
            .env("SECL_WLS_URL", &self.wls.url)
            .env("SECL_WLS_CA_CERT", self.wls_data.join("tls-ca.pem"))
            .env("SECL_WLS_TOKEN_FILE", self.wls_data.join("admin.token"))
            .args(args)
            .stdin(Stdio::null());
        c.output().unwrap()
    }

    /// A provisioned, registered host with flavors taken from it, serving the key provider.
    fn add_host(&self, name: &str, tpm: Swtpm) -> Host {
        let root = self.path(name);
        let data = root.join("wla");
        provision_wla_ok(&tpm, &data, &self.hvs, &self.hvs_data, &[]);
        let ta_token_file = root.join("ta.token");
        std::fs::write(&ta_token_file, format!("ta-{}\n", uuid::Uuid::new_v4())).unwrap();
        // The agent's WLS token may only ask for keys (`secl wls token create`).
        let wls_token = root.join("wls.token");
        let out = self.secl(&[
            "-q",
            "wls",
            "token",
            "create",
            "--name",
            name,
            "--permission",
            "keys:create:*",
        ]);
        write_secret(&wls_token, &ok(&out, "secl wls token create"));
        let socket = root.join("run/wlagent.sock");
        let wla = start_wla_with(
            &tpm,
            &data,
            &ta_token_file,
            &root.join("wla.log"),
            &[
                "--keyprovider-socket",
                socket.to_str().unwrap(),
                "--wls-url",
                &self.wls.url,
                "--wls-ca",
                self.wls_data.join("tls-ca.pem").to_str().unwrap(),
                "--wls-token-file",
                wls_token.to_str().unwrap(),
            ],
        );
        wait_for(&socket, "the key-provider socket");
        let host = ok(
            &self.secl(&[
                "hvs",
                "--output",
                "json",
                "host",
                "add",
                &wla.url,
                "--ta-ca",
                data.join("tls-ca.pem").to_str().unwrap(),
                "--ta-token-file",
                ta_token_file.to_str().unwrap(),
            ]),
            "secl hvs host add",
        );
        let host: Value = serde_json::from_str(&host).unwrap();
        assert_eq!(host["state"], "CONNECTED", "{host}");
        let id = host["id"].as_str().unwrap().to_string();
        ok(
            &self.secl(&["hvs", "flavor", "create", "--from-host", &id]),
            "secl hvs flavor create",
        );
        Host {
            tpm,
            data,
            socket,
            wla,
            id,
            hardware_uuid: host["hardware_uuid"].as_str().unwrap().to_string(),
        }
    }

    fn oci(&self, name: &str) -> String {
        format!("oci:{}:latest", self.path(name).display())
    }

    /// skopeo copy with the given ocicrypt key-provider configuration.
    fn skopeo(&self, provider_config: &Path, args: &[&str]) -> Output {
        let (skopeo, policy) = skopeo();
        let mut c = Command::new(skopeo);
        c.arg("--policy")
            .arg(policy)
            .arg("copy")
            .arg("-q")
            .args(args)
            .env("OCICRYPT_KEYPROVIDER_CONFIG", provider_config)
            .env("HOME", self.dir.path())
            .env("SECL_KBS_URL", &self.kbs.url)
            .env("SECL_CA_CERT", self.kbs.ca_file())
            .env("SECL_KBS_TOKEN_FILE", self.kbs.data_dir.join("admin.token"))
            .env("SECL_ENVELOPE_KEY", self.path("owner/envelope.pem"))
            .stdin(Stdio::null());
        c.output().unwrap()
    }

    /// skopeo decrypting `src` into `dst` through `host`'s WLA socket, as CRI-O would.
    fn decrypt_on(&self, host: &Host, src: &str, dst: &str) -> Output {
        let cfg = self.path(&format!("ocicrypt-grpc-{}.json", host.hardware_uuid));
        std::fs::write(
            &cfg,
            format!(
                r#"{{"key-providers":{{"isecl":{{"grpc":"unix://{}"}}}}}}"#,
                host.socket.display()
            ),
        )
        .unwrap();
        self.skopeo(
            &cfg,
            &[
                "--decryption-key",
                "provider:isecl",
                &self.oci(src),
                &self.oci(dst),
            ],
        )
    }

    /// Encrypts a fresh small image with `secl image encrypt` (extra flags passed on) and
    /// returns the KBS key id it used.
    fn encrypted_image(&self, name: &str, extra: &[&str]) -> String {
        make_image(
            &self.path(name),
            &["text:hello.txt=attested release\n", "gzrandom:64K"],
        );
        let enc = format!("{name}-enc");
        let mut args = vec!["image", "encrypt"];
        args.extend_from_slice(extra);
        let (src, dst) = (self.oci(name), self.oci(&enc));
        args.push(&src);
        args.push(&dst);
        ok(&self.secl(&args), "secl image encrypt");
        let inspect = ok(
            &self.secl(&["image", "inspect", "--output", "json", &self.oci(&enc)]),
            "secl image inspect",
        );
        let url = inspect
            .split('"')
            .find(|s| s.starts_with("https://") && s.contains("/keys/"))
            .unwrap_or_else(|| panic!("no key URL in {inspect}"))
            .to_string();
        url.rsplit('/')
            .find(|s| uuid::Uuid::try_parse(s).is_ok())
            .unwrap()
            .to_string()
    }

    /// A fresh SAML report for `host` straight from the HVS.
    fn saml_report(&self, host: &Host) -> Vec<u8> {
        let r = self.hvs_client().send(
            "POST",
            "/reports",
            Some(&self.hvs_admin),
            &[
                ("Accept", "application/samlassertion+xml"),
                ("Content-Type", "application/json"),
            ],
            Some(serde_json::to_vec(&json!({"hardware_uuid": host.hardware_uuid})).unwrap()),
        );
        assert_eq!(r.status, 201, "{}", r.text());
        r.body
    }
}

/// SHA-256 of each layer blob of an OCI layout, from the files.
fn layer_digests(dir: &Path) -> Vec<String> {
    use sha2::Digest;
    layout_layers(dir, "latest")
        .iter()
        .map(|l| {
            let bytes = std::fs::read(blob(dir, l["digest"].as_str().unwrap())).unwrap();
            hex::encode(sha2::Sha256::digest(&bytes))
        })
        .collect()
}

/// Every file under `dir` with the SHA-256 of its content.
fn snapshot(dir: &Path) -> std::collections::BTreeMap<PathBuf, String> {
    use sha2::Digest;
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let h = hex::encode(sha2::Sha256::digest(std::fs::read(&p).unwrap()));
                out.insert(p, h);
            }
        }
    }
    out
}

#[test]
fn trusted_host_decrypts_untrusted_host_does_not() {
    let (site, mut tpms) = Site::start(&["host-a"], 600);
    let a = site.add_host("host-a", tpms.remove(0));

    let before = snapshot(&a.data);

    // 1. An image encrypted by `secl image encrypt` decrypts on the trusted host.
    let key1 = site.encrypted_image("app", &[]);
    let out = site.decrypt_on(&a, "app-enc", "app-dec");
    assert!(
        out.status.success(),
        "trusted decrypt: {}\nWLA: {}\nWLS: {}",
        stderr(&out),
        a.wla.logs(),
        site.wls.logs()
    );
    assert_eq!(
        layer_digests(&site.path("app")),
        layer_digests(&site.path("app-dec"))
    );
    let granted = site.kbs.last_transfer(&key1);
    assert_eq!(granted["outcome"], "granted", "{granted}");
    // The grant names the host whose signed report it was made for.
    assert_eq!(
        granted["actor"],
        format!("saml host {}", a.hardware_uuid).as_str()
    );

    // 2. An image skopeo encrypted through `secl keyprovider` decrypts there too.
    make_image(&site.path("sk"), &["text:a.txt=alpha\n", "gzrandom:64K"]);
    let cmd_cfg = site.path("ocicrypt-cmd.json");
    std::fs::write(
        &cmd_cfg,
        format!(
            r#"{{"key-providers":{{"isecl":{{"cmd":{{"path":"{}","args":["keyprovider"]}}}}}}}}"#,
            bin("secl").display()
        ),
    )
    .unwrap();
    let out = site.skopeo(
        &cmd_cfg,
        &[
            "--encryption-key",
            "provider:isecl:any",
            &site.oci("sk"),
            &site.oci("sk-enc"),
        ],
    );
    assert!(out.status.success(), "skopeo encrypt: {}", stderr(&out));
    let out = site.decrypt_on(&a, "sk-enc", "sk-dec");
    assert!(
        out.status.success(),
        "decrypt of skopeo's image: {}",
        stderr(&out)
    );
    assert_eq!(
        layer_digests(&site.path("sk")),
        layer_digests(&site.path("sk-dec"))
    );

    // 3. A key whose usage asks for an asset tag the host lacks is refused by the KBS.
    let tagged = site.encrypted_image("tagged", &["--usage", "country:atlantis"]);
    let out = site.decrypt_on(&a, "tagged-enc", "tagged-dec");
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("Client not trusted by HVS"),
        "{}",
        stderr(&out)
    );
    assert!(!site.path("tagged-dec").join("index.json").exists());
    let denied = site.kbs.last_transfer(&tagged);
    assert_eq!(denied["outcome"], "denied", "{denied}");
    assert!(
        denied["reason"].as_str().unwrap().contains("usage"),
        "{denied}"
    );
    // Once the HVS has deployed that tag into the host's TPM, its reports carry
    // TAG_country=atlantis and the same image decrypts there, through the same agent.
    let cert = secl_json(&site.secl(&[
        "hvs",
        "tag",
        "create",
        "--host",
        &a.id,
        "--tag",
        "country=atlantis",
        "--output",
        "json",
    ]));
    ok(
        &site.secl(&["hvs", "tag", "deploy", cert["id"].as_str().unwrap()]),
        "secl hvs tag deploy",
    );
    let out = site.decrypt_on(&a, "tagged-enc", "tagged-dec");
    assert!(out.status.success(), "tagged decrypt: {}", stderr(&out));
    assert_eq!(
        layer_digests(&site.path("tagged")),
        layer_digests(&site.path("tagged-dec"))
    );
    let granted = site.kbs.last_transfer(&tagged);
    assert_eq!(granted["outcome"], "granted", "{granted}");

    // 4. A deleted key is refused.
    let gone = site.encrypted_image("gone", &[]);
    ok(
        &site.secl(&["kbs", "key", "delete", &gone, "--yes"]),
        "key delete",
    );
    let out = site.decrypt_on(&a, "gone-enc", "gone-dec");
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("Client not trusted by HVS"),
        "{}",
        stderr(&out)
    );
    let denied = site.kbs.last_transfer(&gone);
    assert_eq!(denied["outcome"], "denied", "{denied}");
    assert!(
        denied["reason"].as_str().unwrap().contains("key"),
        "{denied}"
    );

    // 5. Without the HVS SAML certificate imported, the KBS trusts no report.
    let certs = site.secl(&["--output", "json", "kbs", "cert", "list", "--kind", "saml"]);
    let certs: Value = serde_json::from_str(&ok(&certs, "cert list")).unwrap();
    for c in certs.as_array().unwrap() {
        ok(
            &site.secl(&[
                "kbs",
                "cert",
                "delete",
                "--kind",
                "saml",
                c["id"].as_str().unwrap(),
                "--yes",
            ]),
            "cert delete",
        );
    }
    let nocert = site.encrypted_image("nocert", &[]);
    let out = site.decrypt_on(&a, "nocert-enc", "nocert-dec");
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("Client not trusted by HVS"),
        "{}",
        stderr(&out)
    );
    let denied = site.kbs.last_transfer(&nocert);
    assert!(
        denied["reason"].as_str().unwrap().contains("saml"),
        "{denied}"
    );
    assert_eq!(
        site.trust_hvs(),
        [("saml".into(), true), ("tpm-identity".into(), false)],
        "trust-hvs imports only what is missing"
    );
    let out = site.decrypt_on(&a, "nocert-enc", "nocert-dec");
    assert!(out.status.success(), "after re-import: {}", stderr(&out));

    // 6. A measured PCR changes: the host is no longer trusted and gets no key, not even one
    //    the WLS has cached.
    a.tpm.extend_pcr(7, &"cd".repeat(32));
    let out = site.decrypt_on(&a, "app-enc", "app-dec-2");
    assert!(!out.status.success(), "an untrusted host decrypted");
    assert!(
        stderr(&out).contains("Host is untrusted"),
        "{}",
        stderr(&out)
    );
    assert!(!site.path("app-dec-2").join("index.json").exists());
    // The KBS, shown that untrusted report directly, refuses it and says why.
    let untrusted = site.saml_report(&a);
    let r = site.kbs.transfer_saml(&key1, &untrusted);
    assert_eq!(r.status, 401, "{}", r.text());
    assert_eq!(r.text().trim(), "Client not trusted by HVS");
    let denied = site.kbs.last_transfer(&key1);
    assert!(
        denied["reason"].as_str().unwrap().contains("trust"),
        "{denied}"
    );

    // Nothing reached the agent's disk: its data directory is exactly as it was.
    assert_eq!(
        snapshot(&a.data),
        before,
        "the agent wrote to its data directory"
    );
}

#[test]
fn replayed_and_expired_reports_and_unknown_kbs_are_refused() {
    // Reports are valid for 4 s here, long enough for one WLS round trip.
    let (site, mut tpms) = Site::start(&["host-a", "host-b"], 4);
    let a = site.add_host("host-a", tpms.remove(0));
    let b = site.add_host("host-b", tpms.remove(0));

    let key = site.encrypted_image("app", &[]);
    let out = site.decrypt_on(&b, "app-enc", "app-dec");
    assert!(out.status.success(), "host b: {}", stderr(&out));

    // B's report, replayed by someone else, yields only a blob that B's TPM can open: the
    // grant is audited under B's hardware UUID and A's TPM cannot open it.
    let b_report = site.saml_report(&b);
    let r = site.kbs.transfer_saml(&key, &b_report);
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.body.len(), 256);
    let granted = site.kbs.last_transfer(&key);
    assert_eq!(granted["outcome"], "granted");
    assert_eq!(
        granted["actor"],
        format!("saml host {}", b.hardware_uuid).as_str()
    );
    // A's TPM: the agent is idle, so the test may use the swtpm for a moment.
    let blobs =
        secl_tpm::KeyBlobs::read_file(&a.data.join("binding-key.blob")).expect("binding key blobs");
    let auth = std::fs::read(a.data.join("binding-key.auth")).unwrap();
    let mut tpm = secl_tpm::Tpm::open(&a.tpm.tcti).unwrap();
    assert!(
        tpm.rsa_decrypt(&blobs, &auth, &r.body).is_err(),
        "host A opened host B's key"
    );
    drop(tpm);

    // The same report once expired is refused, and the audit says so.
    std::thread::sleep(Duration::from_secs(5));
    let r = site.kbs.transfer_saml(&key, &b_report);
    assert_eq!(r.status, 401, "{}", r.text());
    let denied = site.kbs.last_transfer(&key);
    assert_eq!(denied["outcome"], "denied");
    assert!(
        denied["reason"].as_str().unwrap().contains("expired"),
        "{denied}"
    );

    // Intel's real report (its signature does not verify) gets the same 401.
    let intel = std::fs::read(secl_testkit::fixture("intel-secl/saml_report.xml")).unwrap();
    let r = site.kbs.transfer_saml(&key, &intel);
    assert_eq!(r.status, 401, "{}", r.text());

    // A KBS the WLS was not told to trust: the WLS refuses to send it the report.
    let other = KbsProcess::start(&site.path("other-kbs"), &[]);
    let mut c = Command::new(bin("secl"));
    c.env("HOME", site.path("other-home"))
        .env("SECL_KBS_URL", &other.url)
        .env("SECL_CA_CERT", other.ca_file())
        .env("SECL_KBS_TOKEN_FILE", other.data_dir.join("admin.token"))
        .env("SECL_ENVELOPE_KEY", site.path("other-owner/envelope.pem"));
    make_image(&site.path("foreign"), &["text:f.txt=foreign\n"]);
    let out = c
        .args([
            "image",
            "encrypt",
            &site.oci("foreign"),
            &site.oci("foreign-enc"),
        ])
        .output()
        .unwrap();
    ok(&out, "encrypt against the other KBS");
    let out = site.decrypt_on(&a, "foreign-enc", "foreign-dec");
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("TLS failure talking to the KBS"), "{err}");
    let c = other.client();
    let audit = c.get("/audit?action=key.transfer", &other.admin_token());
    // Only the owner's own envelope transfer (made while encrypting) is on record there.
    let records = audit.json();
    assert!(
        records
            .as_array()
            .unwrap()
            .iter()
            .all(|r| !r["actor"].as_str().unwrap_or("").starts_with("saml")),
        "the unknown KBS was sent a report: {records}"
    );
}
