//! Test fixtures: the real `secl-wla` binary (swtpm, process handling and HTTPS clients come
//! from secl-testkit), and an in-test HVS double that plays the PrivacyCA side of the
//! provisioning contract with secl-attest.
#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Mutex};

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use secl_attest::privacy_ca::{PrivacyCa, certificate_public_key, make_credential};
use secl_attest::tpm2::Public;
use secl_testkit::ServerProc;
use serde_json::{Value, json};

/// The `secl-wla` binary Cargo built for these tests.
pub fn wla() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_secl-wla"));
    cmd.env("TSS2_LOG", "all+none").env("SECL_WLA_LOG", "warn");
    cmd
}

/// Runs a command to completion (stdout and stderr captured).
pub fn output(cmd: &mut Command) -> Output {
    cmd.stdin(Stdio::null())
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"))
}

pub fn run_ok(cmd: &mut Command) -> Output {
    let out = output(cmd);
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Starts `secl-wla serve` and waits for its ready line (stderr in `data_dir` + `.log`).
pub fn serve(tcti: &str, data_dir: &Path, token_file: &Path) -> ServerProc {
    let mut cmd = wla();
    cmd.arg("serve")
        .arg("--data-dir")
        .arg(data_dir)
        .args(["--tpm", tcti, "--listen", "127.0.0.1:0"])
        .arg("--token-file")
        .arg(token_file);
    ServerProc::spawn(
        cmd,
        &["secl-wla listening on "],
        &data_dir.with_extension("log"),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

struct Challenge {
    secret: [u8; 32],
    aik: Public,
}

struct HvsState {
    token: String,
    ca: PrivacyCa,
    challenges: Mutex<HashMap<uuid::Uuid, Challenge>>,
}

/// The in-test HVS: its URL (…/hvs/v2), the CA file for its TLS, the PrivacyCA certificate.
pub struct FakeHvs {
    pub url: String,
    pub tls_ca: PathBuf,
    pub privacy_ca_der: Vec<u8>,
    _dir: tempfile::TempDir,
    _task: tokio::task::JoinHandle<()>,
}

impl Drop for FakeHvs {
    fn drop(&mut self) {
        self._task.abort();
    }
}

/// An error answer of the double: status and text.
type Fail = (StatusCode, String);

fn fail(status: StatusCode, m: impl std::fmt::Display) -> Fail {
    (status, format!("{m}\n"))
}

fn authorised(state: &HvsState, headers: &HeaderMap) -> Result<(), Fail> {
    match secl_service::http::bearer(headers) {
        Some(t) if t == state.token => Ok(()),
        _ => Err(fail(StatusCode::UNAUTHORIZED, "Unauthorized")),
    }
}

fn b64(v: &Value, field: &str) -> Result<Vec<u8>, Fail> {
    v[field]
        .as_str()
        .and_then(|s| B64.decode(s).ok())
        .ok_or_else(|| fail(StatusCode::BAD_REQUEST, format!("bad {field}")))
}

async fn aik_challenge(
    State(s): State<Arc<HvsState>>,
    headers: HeaderMap,
    Json(v): Json<Value>,
) -> Result<Response, Fail> {
    authorised(&s, &headers)?;
    let ek = certificate_public_key(&b64(&v, "ek_certificate")?)
        .map_err(|e| fail(StatusCode::BAD_REQUEST, e))?;
    let aik = Public::parse_tpm2b(&b64(&v, "aik_public")?)
        .map_err(|e| fail(StatusCode::BAD_REQUEST, e))?;
    let name = aik.name().map_err(|e| fail(StatusCode::BAD_REQUEST, e))?;
    let secret: [u8; 32] = rand_bytes();
    let (blob, enc) =
        make_credential(&ek, &name, &secret).map_err(|e| fail(StatusCode::BAD_REQUEST, e))?;
    let id = uuid::Uuid::new_v4();
    s.challenges
        .lock()
        .unwrap()
        .insert(id, Challenge { secret, aik });
    Ok((
        StatusCode::CREATED,
        Json(json!({
            "challenge_id": id,
            "credential_blob": B64.encode(blob),
            "encrypted_secret": B64.encode(enc),
        })),
    )
        .into_response())
}

async fn aik_activate(
    State(s): State<Arc<HvsState>>,
    headers: HeaderMap,
    Json(v): Json<Value>,
) -> Result<Response, Fail> {
    authorised(&s, &headers)?;
    let id: uuid::Uuid = v["challenge_id"]
        .as_str()
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| fail(StatusCode::BAD_REQUEST, "bad challenge_id"))?;
    let secret = b64(&v, "secret")?;
    let ch = s
        .challenges
        .lock()
        .unwrap()
        .remove(&id)
        .ok_or_else(|| fail(StatusCode::NOT_FOUND, "no such challenge"))?;
    if secret != ch.secret {
        return Err(fail(StatusCode::UNAUTHORIZED, "wrong secret"));
    }
    let key = ch
        .aik
        .rsa_public_key()
        .map_err(|e| fail(StatusCode::BAD_REQUEST, e))?;
    let name = ch
        .aik
        .name()
        .map_err(|e| fail(StatusCode::BAD_REQUEST, e))?;
    let cert =
        s.ca.issue_aik_certificate(&key, &name)
            .map_err(|e| fail(StatusCode::INTERNAL_SERVER_ERROR, e))?;
    Ok(Json(json!({ "aik_certificate": B64.encode(cert) })).into_response())
}

async fn certify_binding_key(
    State(s): State<Arc<HvsState>>,
    headers: HeaderMap,
    Json(v): Json<Value>,
) -> Result<Response, Fail> {
    authorised(&s, &headers)?;
    if v["tpm_version"] != "2.0"
        || !v["operating_system"]
            .as_str()
            .is_some_and(|o| o.eq_ignore_ascii_case("linux"))
    {
        return Err(fail(
            StatusCode::BAD_REQUEST,
            "bad tpm_version/operating_system",
        ));
    }
    let public = b64(&v, "public_key_modulus")?;
    let cert =
        s.ca.certify_binding_key(
            &b64(&v, "aik_der_certificate")?,
            public.get(2..).unwrap_or_default(),
            &b64(&v, "tpm_certify_key")?,
            &b64(&v, "tpm_certify_key_signature")?,
        )
        .map_err(|e| fail(StatusCode::BAD_REQUEST, e))?;
    Ok((
        StatusCode::CREATED,
        Json(json!({ "binding_key_der_certificate": B64.encode(cert) })),
    )
        .into_response())
}

pub fn rand_bytes<const N: usize>() -> [u8; N] {
    use rand::Rng as _;
    let mut b = [0u8; N];
    rand::rng().fill_bytes(&mut b);
    b
}

impl FakeHvs {
    /// Starts the double on 127.0.0.1 (call inside a tokio runtime); it accepts `token`.
    pub async fn start(token: &str) -> FakeHvs {
        secl_service::install_crypto_provider();
        let dir = tempfile::tempdir().unwrap();
        let names = vec!["127.0.0.1".to_string()];
        let files = secl_service::tls::self_signed(dir.path(), "test HVS", &names).unwrap();
        let tls = secl_service::tls::server_config(&files).unwrap();
        let ca = tokio::task::spawn_blocking(|| PrivacyCa::generate("HVS Privacy Certificate"))
            .await
            .unwrap()
            .unwrap();
        let privacy_ca_der = ca.certificate_der().to_vec();
        let state = Arc::new(HvsState {
            token: token.to_string(),
            ca,
            challenges: Mutex::new(HashMap::new()),
        });
        let app = axum::Router::new()
            .route("/hvs/v2/rpc/aik-challenge", post(aik_challenge))
            .route("/hvs/v2/rpc/aik-activate", post(aik_activate))
            .route(
                "/hvs/v2/rpc/certify-host-binding-key",
                post(certify_binding_key),
            )
            .with_state(state);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let task = tokio::spawn(async move {
            let _ = secl_service::serve_tls(listener, tls, app, std::future::pending()).await;
        });
        FakeHvs {
            url: format!("https://{addr}/hvs/v2"),
            tls_ca: files.ca.unwrap(),
            privacy_ca_der,
            _dir: dir,
            _task: task,
        }
    }
}

/// `secl-wla provision` against `hvs` (not yet run).
pub fn provision_cmd(
    tcti: &str,
    data_dir: &Path,
    hvs_url: &str,
    ca: &Path,
    token_file: &Path,
) -> Command {
    let mut cmd = wla();
    cmd.arg("provision")
        .arg("--data-dir")
        .arg(data_dir)
        .args(["--tpm", tcti, "--hvs-url", hvs_url])
        .arg("--hvs-ca")
        .arg(ca)
        .arg("--hvs-token-file")
        .arg(token_file);
    cmd
}

/// Writes `token` to a new file in `dir`.
pub fn token_file(dir: &Path, name: &str, token: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, format!("{token}\n")).unwrap();
    p
}
