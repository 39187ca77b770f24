//! Helpers for end-to-end tests: start the real `secl-kbs` binary on a free loopback port, talk
//! to it over real HTTPS, and stop it (gracefully or with SIGKILL).
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Once;
use std::time::{Duration, Instant};

/// A binary of this workspace, built by `cargo build --workspace --bins` (the test script does
/// that first).
pub fn bin(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    // target/<profile>/deps/<test> -> target/<profile>/<name>
    let dir = exe.parent().and_then(Path::parent).expect("target dir");
    let path = dir.join(name);
    assert!(
        path.exists(),
        "{} is missing: run `cargo build --workspace --bins` before the tests",
        path.display()
    );
    path
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

static PROVIDER: Once = Once::new();

pub fn install_provider() {
    PROVIDER.call_once(|| {
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

/// A running KBS.
pub struct KbsProcess {
    pub child: Child,
    pub url: String,
    pub data_dir: PathBuf,
    pub stderr_log: PathBuf,
}

impl KbsProcess {
    /// Starts `secl-kbs serve` with `data_dir` and extra flags; waits for its ready line.
    pub fn start(data_dir: &Path, extra: &[&str]) -> Self {
        Self::start_with_env(data_dir, extra, &[])
    }

    pub fn start_with_env(data_dir: &Path, extra: &[&str], env: &[(&str, &str)]) -> Self {
        std::fs::create_dir_all(data_dir).unwrap();
        let stderr_log = data_dir.with_extension("stderr.log");
        let stderr = std::fs::File::create(&stderr_log).unwrap();
        let mut cmd = Command::new(bin("secl-kbs"));
        cmd.arg("serve")
            .arg("--data-dir")
            .arg(data_dir)
            .args(["--listen", "127.0.0.1:0", "--log", "info"])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(stderr);
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("start secl-kbs");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(rest) = line.strip_prefix("secl-kbs listening on ") {
                    let url = rest.split_whitespace().next().unwrap_or("").to_string();
                    let _ = tx.send(url);
                }
            }
        });
        let url = match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(u) => u,
            Err(_) => {
                let _ = child.kill();
                panic!(
                    "secl-kbs did not start: {}",
                    std::fs::read_to_string(&stderr_log).unwrap_or_default()
                );
            }
        };
        Self {
            child,
            url,
            data_dir: data_dir.to_path_buf(),
            stderr_log,
        }
    }

    pub fn admin_token(&self) -> String {
        std::fs::read_to_string(self.data_dir.join("admin.token"))
            .unwrap()
            .trim()
            .to_string()
    }

    pub fn ca_file(&self) -> PathBuf {
        self.data_dir.join("tls-ca.pem")
    }

    pub fn client(&self) -> Client {
        Client::new(&self.url, &self.ca_file())
    }

    /// SIGTERM and wait: a clean stop.
    pub fn stop(mut self) {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// SIGKILL: a crash.
    pub fn kill9(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    pub fn logs(&self) -> String {
        std::fs::read_to_string(&self.stderr_log).unwrap_or_default()
    }
}

impl Drop for KbsProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A blocking HTTPS client that trusts exactly the KBS's CA.
pub struct Client {
    pub base: String,
    pub http: reqwest::Client,
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
    pub fn json(&self) -> serde_json::Value {
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
        let mut tls = rustls::ClientConfig::builder()
            .with_root_certificates(roots)
            .with_no_client_auth();
        // HTTP/2 lets the server refuse an oversized body (413) without resetting the
        // connection under a client that is still sending.
        tls.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
        let http = reqwest::Client::builder()
            .tls_backend_preconfigured(tls)
            .timeout(Duration::from_secs(30))
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

    /// Sends a request; `path` is relative to `/kbs/v1`.
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

    pub fn post_json(&self, path: &str, token: &str, body: serde_json::Value) -> Resp {
        self.send(
            "POST",
            path,
            Some(token),
            &[
                ("Accept", "application/json"),
                ("Content-Type", "application/json"),
            ],
            Some(serde_json::to_vec(&body).unwrap()),
        )
    }

    pub fn delete(&self, path: &str, token: &str) -> Resp {
        self.send("DELETE", path, Some(token), &[], None)
    }

    /// Creates an AES-256 key and returns its id.
    pub fn create_key(&self, token: &str) -> String {
        let r = self.post_json(
            "/keys",
            token,
            serde_json::json!({"key_information":{"algorithm":"AES","key_length":256}}),
        );
        assert_eq!(r.status, 201, "{}", r.text());
        r.json()["key_information"]["id"]
            .as_str()
            .unwrap()
            .to_string()
    }

    /// Creates a token with `rules` and returns the bearer string.
    pub fn token(&self, admin: &str, rules: &[&str]) -> String {
        let r = self.post_json(
            "/tokens",
            admin,
            serde_json::json!({"name":"test","permissions":rules}),
        );
        assert_eq!(r.status, 201, "{}", r.text());
        r.json()["token"].as_str().unwrap().to_string()
    }

    pub fn count(&self, path: &str, admin: &str) -> usize {
        let r = self.get(path, admin);
        assert_eq!(r.status, 200, "{}", r.text());
        r.json().as_array().unwrap().len()
    }
}

/// A fresh RSA key pair: (private key, PEM `PUBLIC KEY`).
pub fn rsa_pair(bits: usize) -> (rsa::PrivateKey, String) {
    use rsa::pkcs8::{EncodePublicKey, LineEnding};
    let private = rsa::PrivateKey::new(&mut rand::rng(), bits).unwrap();
    let public = private
        .to_public_key()
        .to_public_key_pem(LineEnding::LF)
        .unwrap();
    (private, public)
}

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

/// skopeo with keyprovider support, installed by `scripts/install-skopeo.sh` (the test script
/// runs it), plus its permissive policy file.
pub fn skopeo() -> (PathBuf, PathBuf) {
    let dir = std::env::var_os("SECL_SKOPEO_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join(".tools/skopeo"));
    let bin = dir.join("skopeo");
    assert!(
        bin.exists(),
        "{} is missing: run scripts/install-skopeo.sh (scripts/test.sh does)",
        bin.display()
    );
    (bin, dir.join("policy.json"))
}

/// A throw-away docker-registry on 127.0.0.1, stopped on drop.
pub struct Registry {
    pub dir: PathBuf,
    pub addr: String,
}

impl Registry {
    pub fn start(dir: &Path) -> Self {
        std::fs::create_dir_all(dir).unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let out = Command::new(repo_root().join("scripts/registry.sh"))
            .arg("start")
            .arg(dir)
            .arg(port.to_string())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "registry did not start (run scripts/install-deps.sh): {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Self {
            dir: dir.to_path_buf(),
            addr: String::from_utf8_lossy(&out.stdout).trim().to_string(),
        }
    }
}

impl Drop for Registry {
    fn drop(&mut self) {
        let _ = Command::new(repo_root().join("scripts/registry.sh"))
            .arg("stop")
            .arg(&self.dir)
            .output();
    }
}

/// Builds an OCI layout with `scripts/mkimage.py` (an independent builder).
pub fn make_image(dir: &Path, layers: &[&str]) {
    let mut cmd = Command::new(repo_root().join("scripts/mkimage.py"));
    cmd.arg(dir);
    for l in layers {
        cmd.arg("--layer").arg(l);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The layer descriptors (media type, digest, size) of `oci:dir:tag`, read straight from the
/// layout's files.
pub fn layout_layers(dir: &Path, tag: &str) -> Vec<serde_json::Value> {
    let manifest = layout_manifest(dir, tag);
    manifest["layers"].as_array().unwrap().clone()
}

pub fn layout_manifest(dir: &Path, tag: &str) -> serde_json::Value {
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("index.json")).unwrap()).unwrap();
    let entry = index["manifests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["annotations"]["org.opencontainers.image.ref.name"] == tag)
        .unwrap_or_else(|| panic!("no tag {tag} in {}", dir.display()))
        .clone();
    serde_json::from_slice(&std::fs::read(blob(dir, entry["digest"].as_str().unwrap())).unwrap())
        .unwrap()
}

pub fn blob(dir: &Path, digest: &str) -> PathBuf {
    dir.join("blobs/sha256")
        .join(digest.trim_start_matches("sha256:"))
}

// ----- HVS helpers (shared by cli_hvs; hvs_e2e keeps its own copies) ------------------------

/// A swtpm started by scripts/swtpm.sh, stopped on drop.
pub struct Swtpm {
    pub dir: PathBuf,
    /// The TCTI string (`swtpm:host=127.0.0.1,port=N`) for tpm2-tools and secl-wla.
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

    /// Writes the swtpm EK CA chain (root, then issuer) to `path`, for `secl-hvs --ek-ca`.
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

/// A server child process that prints `<ready_prefix><url>` on stdout when ready; killed on
/// drop.
pub struct ServerProc {
    child: Child,
    pub url: String,
    log: PathBuf,
}

impl ServerProc {
    pub fn start(exe: &str, args: &[&str], ready_prefix: &str, log: &Path) -> Self {
        let stderr = std::fs::File::create(log).unwrap();
        let mut child = Command::new(bin(exe))
            .args(args)
            .env("TSS2_LOG", "all+none")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .unwrap_or_else(|e| panic!("start {exe}: {e}"));
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
        let url = match rx.recv_timeout(Duration::from_secs(120)) {
            Ok(u) => u,
            Err(_) => {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "{exe} did not start: {}",
                    std::fs::read_to_string(log).unwrap_or_default()
                );
            }
        };
        Self {
            child,
            url,
            log: log.to_path_buf(),
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

/// `secl-hvs serve` on a free loopback port with `data` as data directory (admin.token and
/// tls-ca.pem appear there) trusting the EK CAs in `ek_ca`.
pub fn start_hvs(data: &Path, ek_ca: &Path) -> ServerProc {
    std::fs::create_dir_all(data).unwrap();
    ServerProc::start(
        "secl-hvs",
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

/// Runs a workspace binary to completion (TSS logging off).
pub fn run_bin(exe: &str, args: &[&str]) -> std::process::Output {
    Command::new(bin(exe))
        .args(args)
        .env("TSS2_LOG", "all+none")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// `secl-wla provision` of the agent in `wla_data` against the HVS whose data directory is
/// `hvs_data`.
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

/// `secl-wla serve` of a provisioned agent, with `token_file` as its bearer token (mode 0600).
pub fn start_wla(tpm: &Swtpm, wla_data: &Path, token_file: &Path, log: &Path) -> ServerProc {
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(token_file, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    ServerProc::start(
        "secl-wla",
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
