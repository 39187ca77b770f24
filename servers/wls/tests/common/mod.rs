//! Test fixtures: the real `secl-wls` binary over HTTPS, a blocking HTTPS client, flavor
//! signing keys, and (for the end-to-end test) swtpm, `secl-hvs`, `secl-wla` and `secl-kbs`
//! started like tests/common/mod.rs does.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Once;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use rsa::Pkcs1v15Sign;
use rsa::pkcs8::{EncodePrivateKey, LineEnding};
use serde_json::{Value, json};
use sha2::{Digest, Sha384};

static PROVIDER: Once = Once::new();

pub fn install_provider() {
    PROVIDER.call_once(|| {
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// Another binary of this workspace (`cargo build -p secl-hvs-server -p secl-wla-server
/// -p secl-kbs-server` first).
pub fn bin(name: &str) -> PathBuf {
    let wls = PathBuf::from(env!("CARGO_BIN_EXE_secl-wls"));
    let path = wls.parent().unwrap().join(name);
    assert!(
        path.exists(),
        "{} is missing: run `cargo build --workspace --bins` before the tests",
        path.display()
    );
    path
}

/// A server child process that prints `<ready_prefix><url>` on stdout when ready; killed on
/// drop.
pub struct ServerProc {
    child: Child,
    pub url: String,
    pub log: PathBuf,
}

impl ServerProc {
    pub fn start(exe: &Path, args: &[&str], ready_prefix: &str, log: &Path) -> Self {
        Self::try_start(exe, args, ready_prefix, log).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Like [`ServerProc::start`], but returns the log when the server exits or never gets
    /// ready.
    pub fn try_start(
        exe: &Path,
        args: &[&str],
        ready_prefix: &str,
        log: &Path,
    ) -> Result<Self, String> {
        let stderr = std::fs::File::create(log).unwrap();
        let mut child = Command::new(exe)
            .args(args)
            .env("TSS2_LOG", "all+none")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .unwrap_or_else(|e| panic!("start {}: {e}", exe.display()));
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let prefix = ready_prefix.to_string();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(rest) = line.strip_prefix(&prefix) {
                    let _ = tx.send(rest.split_whitespace().next().unwrap_or("").to_string());
                }
            }
        });
        match rx.recv_timeout(Duration::from_secs(120)) {
            Ok(url) => Ok(Self {
                child,
                url,
                log: log.to_path_buf(),
            }),
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                Err(format!(
                    "{} did not start: {}",
                    exe.display(),
                    std::fs::read_to_string(log).unwrap_or_default()
                ))
            }
        }
    }

    pub fn logs(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }
}

impl Drop for ServerProc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `secl-wls serve` with `data` as its data directory, on a free loopback port.
pub struct Wls {
    pub proc: ServerProc,
    pub data: PathBuf,
}

impl Wls {
    pub fn start(data: &Path, extra: &[&str]) -> Self {
        Self::try_start(data, extra).unwrap_or_else(|e| panic!("{e}"))
    }

    pub fn try_start(data: &Path, extra: &[&str]) -> Result<Self, String> {
        std::fs::create_dir_all(data).unwrap();
        let mut args = vec![
            "serve",
            "--data-dir",
            data.to_str().unwrap(),
            "--listen",
            "127.0.0.1:0",
        ];
        args.extend_from_slice(extra);
        let proc = ServerProc::try_start(
            Path::new(env!("CARGO_BIN_EXE_secl-wls")),
            &args,
            "secl-wls listening on ",
            &data.with_extension("log"),
        )?;
        Ok(Self {
            proc,
            data: data.to_path_buf(),
        })
    }

    pub fn admin(&self) -> String {
        token(&self.data)
    }

    /// A client for `/wls/v1` (`v2` replaces the end of the ready line's `/wls/v2`).
    pub fn client(&self, version: &str) -> Client {
        let base = self.proc.url.trim_end_matches("/wls/v2").to_string();
        Client::new(
            &format!("{base}/wls/{version}"),
            &self.data.join("tls-ca.pem"),
        )
    }
}

pub fn token(data: &Path) -> String {
    std::fs::read_to_string(data.join("admin.token"))
        .unwrap()
        .trim()
        .to_string()
}

/// A blocking HTTPS client that trusts exactly one CA file.
pub struct Client {
    pub base: String,
    http: reqwest::Client,
    rt: tokio::runtime::Runtime,
}

pub struct Resp {
    pub status: u16,
    pub body: Vec<u8>,
    pub content_type: String,
}

impl Resp {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }
}

impl Client {
    pub fn new(base: &str, ca: &Path) -> Self {
        install_provider();
        let pem = std::fs::read(ca).unwrap();
        let mut roots = rustls::RootCertStore::empty();
        use rustls_pki_types::pem::PemObject;
        for c in rustls_pki_types::CertificateDer::pem_slice_iter(&pem) {
            roots.add(c.unwrap()).unwrap();
        }
        let tls = rustls::ClientConfig::builder()
            .with_root_certificates(roots)
            .with_no_client_auth();
        let http = reqwest::Client::builder()
            .tls_backend_preconfigured(tls)
            .timeout(Duration::from_secs(120))
            .build()
            .unwrap();
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        Self {
            base: base.to_string(),
            http,
            rt,
        }
    }

    pub fn send(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        headers: &[(&str, &str)],
        body: Option<Vec<u8>>,
    ) -> Resp {
        let url = format!("{}{}", self.base, path);
        let mut req = self
            .http
            .request(reqwest::Method::from_bytes(method.as_bytes()).unwrap(), url);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        if let Some(b) = body {
            req = req.body(b);
        }
        self.rt.block_on(async {
            let r = req.send().await.expect("request failed");
            let status = r.status().as_u16();
            let content_type = r
                .headers()
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string();
            let body = r.bytes().await.unwrap().to_vec();
            Resp {
                status,
                body,
                content_type,
            }
        })
    }

    pub fn get(&self, path: &str, token: &str) -> Resp {
        self.send(
            "GET",
            path,
            Some(token),
            &[("Accept", "application/json")],
            None,
        )
    }

    pub fn post_json(&self, path: &str, token: &str, body: &Value) -> Resp {
        self.post_raw(path, token, serde_json::to_vec(body).unwrap())
    }

    pub fn post_raw(&self, path: &str, token: &str, body: Vec<u8>) -> Resp {
        self.send(
            "POST",
            path,
            Some(token),
            &[
                ("Accept", "application/json"),
                ("Content-Type", "application/json"),
            ],
            Some(body),
        )
    }

    pub fn delete(&self, path: &str, token: &str) -> Resp {
        self.send("DELETE", path, Some(token), &[], None)
    }

    /// A token with `rules`, minted with `admin`.
    pub fn token(&self, admin: &str, rules: &[&str]) -> String {
        let r = self.post_json(
            "/tokens",
            admin,
            &json!({"name": "test", "permissions": rules}),
        );
        assert_eq!(r.status, 201, "{}", r.text());
        r.json()["token"].as_str().unwrap().to_string()
    }
}

/// A flavor-signing key and its self-signed certificate (written to `dir`).
pub struct SigningKey {
    pub key: rsa::PrivateKey,
    pub cert: PathBuf,
}

impl SigningKey {
    pub fn new(dir: &Path, name: &str) -> Self {
        std::fs::create_dir_all(dir).unwrap();
        let key = rsa::PrivateKey::new(&mut rand::rng(), 2048).unwrap();
        let pem = key.to_pkcs8_pem(LineEnding::LF).unwrap();
        let kp =
            rcgen::KeyPair::from_pkcs8_pem_and_sign_algo(&pem, &rcgen::PKCS_RSA_SHA256).unwrap();
        let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        params
            .distinguished_name
            .push(rcgen::DnType::CommonName, format!("{name} Flavor Signing"));
        let cert = params.self_signed(&kp).unwrap();
        let path = dir.join(format!("{name}-cert.pem"));
        std::fs::write(&path, cert.pem()).unwrap();
        Self { key, cert: path }
    }

    /// `{"flavor": <flavor as given>, "signature": ...}` signed over SecL's bytes.
    pub fn sign(&self, flavor: &Value) -> Vec<u8> {
        let text = serde_json::to_string(flavor).unwrap();
        let hashed = Sha384::digest(secl_api::wls::signed_bytes(&text));
        let sig = self
            .key
            .sign(Pkcs1v15Sign::new::<Sha384>(), &hashed)
            .unwrap();
        format!(
            "{{\"flavor\":{text},\"signature\":\"{}\"}}",
            B64.encode(sig)
        )
        .into_bytes()
    }
}

pub const KEY_ID: &str = "fc0cc779-22b6-4741-b0d9-e2e69635ad1e";

/// A container-image flavor naming `key_url`.
pub fn flavor(id: &str, label: &str, key_url: &str) -> Value {
    json!({
        "meta": {"id": id, "description": {"flavor_part": "CONTAINER_IMAGE", "label": label}},
        "encryption_required": true,
        "encryption": {"key_url": key_url, "digest": "sha256:00"},
        "integrity_enforced": false
    })
}

/// A self-signed certificate in PEM (for a SAML certificate nobody signs with).
pub fn dummy_cert_pem(cn: &str) -> String {
    let kp = rcgen::KeyPair::generate().unwrap();
    let mut params = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
    params
        .distinguished_name
        .push(rcgen::DnType::CommonName, cn);
    params.self_signed(&kp).unwrap().pem()
}

/// A loopback port nothing listens on.
pub fn closed_port() -> u16 {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    l.local_addr().unwrap().port()
}

// ----- real peers (copied from tests/common/mod.rs) ---------------------------------------

/// A swtpm started by scripts/swtpm.sh, stopped on drop.
pub struct Swtpm {
    pub dir: PathBuf,
    pub tcti: String,
}

impl Swtpm {
    pub fn start(dir: &Path) -> Self {
        // The script needs PORT and PORT+1 free.
        let port = loop {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            let p = l.local_addr().unwrap().port();
            if p < 65000 && std::net::TcpListener::bind(("127.0.0.1", p + 1)).is_ok() {
                break p;
            }
        };
        let out = Command::new(repo_root().join("scripts/swtpm.sh"))
            .arg("start")
            .arg(dir)
            .arg(port.to_string())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "swtpm did not start: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Self {
            dir: dir.to_path_buf(),
            tcti: String::from_utf8_lossy(&out.stdout).trim().to_string(),
        }
    }

    /// The swtpm EK CA chain, for `secl-hvs --ek-ca`.
    pub fn write_ek_ca(&self, path: &Path) {
        let mut pem = std::fs::read(self.dir.join("ca/swtpm-localca-rootca-cert.pem")).unwrap();
        pem.extend(std::fs::read(self.dir.join("ca/issuercert.pem")).unwrap());
        std::fs::write(path, pem).unwrap();
    }
}

impl Drop for Swtpm {
    fn drop(&mut self) {
        let _ = Command::new(repo_root().join("scripts/swtpm.sh"))
            .arg("stop")
            .arg(&self.dir)
            .output();
    }
}

pub fn start_hvs(data: &Path, ek_ca: &Path) -> ServerProc {
    std::fs::create_dir_all(data).unwrap();
    ServerProc::start(
        &bin("secl-hvs"),
        &[
            "serve",
            "--data-dir",
            data.to_str().unwrap(),
            "--listen",
            "127.0.0.1:0",
            "--ek-ca",
            ek_ca.to_str().unwrap(),
        ],
        "secl-hvs listening on ",
        &data.with_extension("log"),
    )
}

pub fn start_kbs(data: &Path) -> ServerProc {
    std::fs::create_dir_all(data).unwrap();
    ServerProc::start(
        &bin("secl-kbs"),
        &[
            "serve",
            "--data-dir",
            data.to_str().unwrap(),
            "--listen",
            "127.0.0.1:0",
        ],
        "secl-kbs listening on ",
        &data.with_extension("log"),
    )
}

pub fn run_bin(exe: &str, args: &[&str]) -> std::process::Output {
    Command::new(bin(exe))
        .args(args)
        .env("TSS2_LOG", "all+none")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

pub fn provision_wla(
    tpm: &Swtpm,
    wla_data: &Path,
    hvs: &ServerProc,
    hvs_data: &Path,
) -> std::process::Output {
    run_bin(
        "secl-wla",
        &[
            "provision",
            "--data-dir",
            wla_data.to_str().unwrap(),
            "--tpm",
            &tpm.tcti,
            "--hvs-url",
            &hvs.url,
            "--hvs-ca",
            hvs_data.join("tls-ca.pem").to_str().unwrap(),
            "--hvs-token-file",
            hvs_data.join("admin.token").to_str().unwrap(),
        ],
    )
}

pub fn start_wla(tpm: &Swtpm, wla_data: &Path, token_file: &Path, log: &Path) -> ServerProc {
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(token_file, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    ServerProc::start(
        &bin("secl-wla"),
        &[
            "serve",
            "--data-dir",
            wla_data.to_str().unwrap(),
            "--tpm",
            &tpm.tcti,
            "--listen",
            "127.0.0.1:0",
            "--token-file",
            token_file.to_str().unwrap(),
        ],
        "secl-wla listening on ",
        log,
    )
}
