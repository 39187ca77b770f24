//! The WLA key provider (flow 5) against a real swtpm: `UnWrapKey` over the unix socket with a
//! tonic client and with real skopeo, a small HTTPS stand-in for WLS that answers with a KEK
//! wrapped (RSA-OAEP-SHA-256, label `TPM2\0`) to the provisioned binding key, and every refusal
//! naming its cause.

mod common;

use std::collections::{BTreeMap, HashMap};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use common::*;
use secl_attest::privacy_ca::{certificate_public_key, pem_certificate};
use secl_ocicrypt::isecl;
use secl_ocicrypt::keyprovider::{keyunwrap_request, parse_keyunwrap_response};
use secl_testkit::{ServerProc, Swtpm, async_client, repo_root, skopeo};
use secl_wla_server::keyprovider::proto::KeyProviderKeyWrapProtocolInput;
use secl_wla_server::keyprovider::proto::key_provider_service_client::KeyProviderServiceClient;
use serde_json::Value;
use tonic::transport::{Channel, Endpoint, Uri};
use zeroize::Zeroizing;

const WLS_TOKEN: &str = "wls-token-for-the-wla";
const KEY_URL: &str =
    "https://kbs.example:9443/kbs/v1/keys/fc0cc779-22b6-4741-b0d9-e2e69635ad1e/transfer";
const OPTSDATA: &[u8] = br#"{"symkey":"dKzdcaeaOXhGL+VEjmAOO6s3+cnulBwb8LhKFLdf6K0=","digest":"sha256:c1579caf38eaef78c60e9b19f9ebccd14fec87a51a49ccec62b1322cba30f6e8","cipheroptions":{"nonce":"wQD6N/J8qy7O1qL8Gn+6zA=="}}"#;
const UNTRUSTED: &str = "Failed to retrieve Key for Image - Host is untrusted";

async fn blocking<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    tokio::task::spawn_blocking(f).await.unwrap()
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn kp_url(id: uuid::Uuid) -> String {
    format!("https://kbs.example:9443/kbs/v1/keys/{id}/transfer")
}

/// A provisioned host: swtpm, the HVS double it was provisioned against, its data directory.
struct Host {
    sw: Swtpm,
    hvs: FakeHvs,
    work: tempfile::TempDir,
    data: PathBuf,
    hardware_uuid: uuid::Uuid,
    /// The binding key's public key, from the certificate HVS issued (what a KBS wraps to).
    binding: rsa::PublicKey,
}

impl Host {
    async fn provision() -> Host {
        let sw = blocking(Swtpm::start_temp).await;
        let hvs = FakeHvs::start("hvs-token").await;
        let work = tempfile::tempdir().unwrap();
        let data = work.path().join("wla");
        let hvs_token = token_file(work.path(), "hvs.token", "hvs-token");
        let hardware_uuid = uuid::Uuid::new_v4();
        let mut cmd = provision_cmd(&sw.tcti, &data, &hvs.url, &hvs.tls_ca, &hvs_token);
        cmd.args(["--hardware-uuid", &hardware_uuid.to_string()]);
        blocking(move || run_ok(&mut cmd)).await;
        let pem = std::fs::read_to_string(data.join("binding-key.pem")).unwrap();
        let binding = certificate_public_key(&pem_certificate(&pem).unwrap()).unwrap();
        Host {
            sw,
            hvs,
            work,
            data,
            hardware_uuid,
            binding,
        }
    }

    /// What the KBS would send through WLS: `kek` wrapped to the binding key.
    fn wrap(&self, kek: &[u8]) -> Vec<u8> {
        wrap_to(&self.binding, kek)
    }
}

fn wrap_to(key: &rsa::PublicKey, secret: &[u8]) -> Vec<u8> {
    key.encrypt(
        &mut rand::rng(),
        rsa::Oaep::<sha2::Sha256>::new_with_label(secl_tpm::OAEP_LABEL.to_vec()),
        secret,
    )
    .unwrap()
}

/// One request the WLS stand-in received.
#[derive(Debug, Clone)]
struct Seen {
    authorization: Option<String>,
    content_type: Option<String>,
    accept: Option<String>,
    body: Value,
}

#[derive(Default)]
struct WlsState {
    /// key_url -> (status, body).
    answers: Mutex<HashMap<String, (u16, String)>>,
    seen: Mutex<Vec<Seen>>,
}

/// The WLS stand-in: `POST /wls/v1/keys` over HTTPS on 127.0.0.1.
struct FakeWls {
    url: String,
    ca: PathBuf,
    state: Arc<WlsState>,
    _dir: tempfile::TempDir,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for FakeWls {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn wls_keys(
    State(s): State<Arc<WlsState>>,
    headers: HeaderMap,
    body: Bytes,
) -> (StatusCode, String) {
    let h = |name: &str| {
        headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    s.seen.lock().unwrap().push(Seen {
        authorization: h("authorization"),
        content_type: h("content-type"),
        accept: h("accept"),
        body: body.clone(),
    });
    if h("authorization").as_deref() != Some(&format!("Bearer {WLS_TOKEN}")) {
        return (StatusCode::UNAUTHORIZED, "Unauthorized".into());
    }
    let url = body["key_url"].as_str().unwrap_or_default();
    match s.answers.lock().unwrap().get(url) {
        Some((status, text)) => (StatusCode::from_u16(*status).unwrap(), text.clone()),
        None => (
            StatusCode::NOT_FOUND,
            "Key with specified id does not exist".into(),
        ),
    }
}

impl FakeWls {
    async fn start() -> FakeWls {
        secl_service::install_crypto_provider();
        let dir = tempfile::tempdir().unwrap();
        let files =
            secl_service::tls::self_signed(dir.path(), "test WLS", &["127.0.0.1".to_string()])
                .unwrap();
        let tls = secl_service::tls::server_config(&files).unwrap();
        let state = Arc::new(WlsState::default());
        let app = axum::Router::new()
            .route("/wls/v1/keys", post(wls_keys))
            .with_state(state.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let task = tokio::spawn(async move {
            let _ = secl_service::serve_tls(listener, tls, app, std::future::pending()).await;
        });
        FakeWls {
            url: format!("https://{addr}/wls/v1"),
            ca: files.ca.unwrap(),
            state,
            _dir: dir,
            task,
        }
    }

    fn answer(&self, key_url: &str, status: u16, body: String) {
        self.state
            .answers
            .lock()
            .unwrap()
            .insert(key_url.to_string(), (status, body));
    }

    /// WLS's success: 201 `{"key": base64(wrapped)}`.
    fn give_key(&self, key_url: &str, wrapped: &[u8]) {
        self.answer(
            key_url,
            201,
            serde_json::json!({ "key": B64.encode(wrapped) }).to_string(),
        );
    }

    fn seen(&self) -> Vec<Seen> {
        self.state.seen.lock().unwrap().clone()
    }
}

/// A running `secl-wla serve` or `secl-wla keyprovider`, its stderr kept in a file.
struct Agent {
    proc: ServerProc,
    https: Option<String>,
    socket: PathBuf,
    log: PathBuf,
}

/// Starts `secl-wla ARGS` and waits for its ready lines (the HTTPS one first when `https`).
fn start_agent(args: Vec<String>, https: bool, log: PathBuf) -> Agent {
    let mut cmd = wla();
    cmd.args(&args);
    let mut ready = vec!["secl-wla key provider on unix:"];
    if https {
        ready.insert(0, "secl-wla listening on ");
    }
    let proc = ServerProc::spawn(cmd, &ready, &log).unwrap_or_else(|e| panic!("{e}"));
    let mut values = proc.ready.clone();
    let socket = PathBuf::from(values.pop().unwrap());
    Agent {
        https: values.pop(),
        proc,
        socket,
        log,
    }
}

/// A tonic client over the unix socket (a fresh connection, as ocicrypt makes per call).
async fn connect(socket: &Path) -> KeyProviderServiceClient<Channel> {
    let path = socket.to_path_buf();
    let channel = Endpoint::try_from("http://[::]:50051")
        .unwrap()
        .connect_with_connector(tower::service_fn(move |_: Uri| {
            let path = path.clone();
            async move {
                Ok::<_, std::io::Error>(hyper_util::rt::TokioIo::new(
                    tokio::net::UnixStream::connect(path).await?,
                ))
            }
        }))
        .await
        .expect("connect to the key provider socket");
    KeyProviderServiceClient::new(channel)
}

/// ocicrypt's keyunwrap request for `annotation`, with another scheme's private key beside ours.
fn request(annotation: &[u8]) -> Vec<u8> {
    keyunwrap_request(
        &[
            ("isecl", &[b"Enabled".as_slice()]),
            (
                "privkeys",
                &[b"-----BEGIN PRIVATE KEY-----\nnot ours\n".as_slice()],
            ),
        ],
        annotation,
    )
}

async fn unwrap_raw(socket: &Path, json: Vec<u8>) -> Result<Vec<u8>, tonic::Status> {
    let mut client = connect(socket).await;
    client
        .un_wrap_key(KeyProviderKeyWrapProtocolInput {
            key_provider_key_wrap_protocol_input: json,
        })
        .await
        .map(|r| r.into_inner().key_provider_key_wrap_protocol_output)
}

async fn unwrap(socket: &Path, annotation: &[u8]) -> Result<Zeroizing<Vec<u8>>, tonic::Status> {
    let out = unwrap_raw(socket, request(annotation)).await?;
    let v: Value = serde_json::from_slice(&out).unwrap();
    assert!(v["keywrapresults"]["annotation"].is_null(), "{v}");
    Ok(parse_keyunwrap_response(&out).unwrap())
}

/// Every file of a directory tree with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                todo.push(e.path());
            } else {
                out.insert(e.path(), std::fs::read(e.path()).unwrap());
            }
        }
    }
    out
}

fn serve_args(host: &Host, wls: &FakeWls, socket: &Path, ta_token: &Path) -> Vec<String> {
    let wls_token = token_file(host.work.path(), "wls.token", WLS_TOKEN);
    [
        "serve",
        "--data-dir",
        &host.data.display().to_string(),
        "--tpm",
        &host.sw.tcti,
        "--listen",
        "127.0.0.1:0",
        "--token-file",
        &ta_token.display().to_string(),
        "--keyprovider-socket",
        &socket.display().to_string(),
        "--wls-url",
        &wls.url,
        "--wls-ca",
        &wls.ca.display().to_string(),
        "--wls-token-file",
        &wls_token.display().to_string(),
        "--log",
        "debug",
    ]
    .map(String::from)
    .to_vec()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn unwrap_key_over_the_socket() {
    let host = Host::provision().await;
    let wls = FakeWls::start().await;
    let ta_token = token_file(host.work.path(), "ta.token", "ta-token");
    let socket = host.work.path().join("run/kp.sock");

    // A stale socket from an earlier run (its server gone) is replaced.
    std::fs::create_dir_all(socket.parent().unwrap()).unwrap();
    drop(std::os::unix::net::UnixListener::bind(&socket).unwrap());
    assert!(socket.exists());

    let args = serve_args(&host, &wls, &socket, &ta_token);
    let log = host.work.path().join("agent.log");
    let agent = blocking(move || start_agent(args, true, log)).await;
    assert_eq!(agent.socket, socket);
    assert_eq!(mode(&socket), 0o600);
    let before = snapshot(&host.data);

    // The happy path: exactly the sealed options come back.
    let kek: [u8; 32] = rand_bytes();
    wls.give_key(KEY_URL, &host.wrap(&kek));
    let annotation = isecl::seal(&kek, KEY_URL, OPTSDATA).unwrap();
    let t = Instant::now();
    let optsdata = unwrap(&socket, &annotation).await.expect("UnWrapKey");
    let first = t.elapsed();
    assert_eq!(&optsdata[..], OPTSDATA);
    let t = Instant::now();
    unwrap(&socket, &annotation).await.expect("UnWrapKey again");
    eprintln!(
        "UnWrapKey latency: first {first:?}, second {:?}",
        t.elapsed()
    );

    // WLS saw this host's hardware UUID, the key URL, the bearer token and JSON headers.
    let seen = wls.seen();
    let s = seen.last().unwrap();
    assert_eq!(
        s.authorization.as_deref(),
        Some(&*format!("Bearer {WLS_TOKEN}"))
    );
    assert_eq!(s.content_type.as_deref(), Some("application/json"));
    assert_eq!(s.accept.as_deref(), Some("application/json"));
    assert_eq!(s.body["hardware_uuid"], host.hardware_uuid.to_string());
    assert_eq!(s.body["key_url"], KEY_URL);
    assert_eq!(s.body.as_object().unwrap().len(), 2, "{}", s.body);

    // One call per layer, at once, each on its own connection, with quotes of the trust agent
    // in between: all succeed (the TPM lock serialises only the TPM step).
    let mut layers = Vec::new();
    for _ in 0..8 {
        let kek: [u8; 32] = rand_bytes();
        let url = kp_url(uuid::Uuid::new_v4());
        let opts = format!(r#"{{"symkey":"{}"}}"#, B64.encode(rand_bytes::<32>()));
        wls.give_key(&url, &host.wrap(&kek));
        layers.push((isecl::seal(&kek, &url, opts.as_bytes()).unwrap(), opts));
    }
    let http = async_client(&host.data.join("tls-ca.pem"));
    let base = agent.https.clone().unwrap();
    let mut calls = tokio::task::JoinSet::new();
    for (i, (annotation, opts)) in layers.into_iter().enumerate() {
        let socket = socket.clone();
        calls.spawn(async move {
            let got = unwrap(&socket, &annotation).await;
            (i, got.map(|o| o.to_vec()), opts)
        });
    }
    let quotes: Vec<_> = (0..2)
        .map(|_| {
            http.post(format!("{base}/v2/tpm/quote"))
                .bearer_auth("ta-token")
                .json(&serde_json::json!({"nonce": "AAEC", "pcrs": [0, 7]}))
                .send()
        })
        .collect();
    for q in quotes {
        assert_eq!(q.await.unwrap().status(), reqwest::StatusCode::OK);
    }
    let mut done = 0;
    while let Some(r) = calls.join_next().await {
        let (i, got, opts) = r.unwrap();
        let got = got.unwrap_or_else(|e| panic!("concurrent call {i}: {e}"));
        assert_eq!(got, opts.as_bytes(), "call {i}");
        done += 1;
    }
    assert_eq!(done, 8);

    // WrapKey is refused clearly.
    let mut c = connect(&socket).await;
    let e = c
        .wrap_key(KeyProviderKeyWrapProtocolInput {
            key_provider_key_wrap_protocol_input: b"{}".to_vec(),
        })
        .await
        .unwrap_err();
    assert_eq!(e.code(), tonic::Code::Unimplemented);
    assert!(
        e.message().contains("only unwraps") && e.message().contains("secl image encrypt"),
        "{e:?}"
    );

    // Refusals, each naming its cause.
    let expect =
        |r: Result<Zeroizing<Vec<u8>>, tonic::Status>, code: tonic::Code, parts: &[&str]| {
            let e = r.expect_err("must fail");
            assert_eq!(e.code(), code, "{e:?}");
            for p in parts {
                assert!(e.message().contains(p), "{p:?} not in {:?}", e.message());
            }
        };
    let raw = |json: &[u8]| {
        let socket = socket.clone();
        let json = json.to_vec();
        async move {
            unwrap_raw(&socket, json)
                .await
                .map(|o| parse_keyunwrap_response(&o).unwrap())
        }
    };
    expect(
        raw(b"{not json").await,
        tonic::Code::InvalidArgument,
        &["Error while parsing the keyprovider request"],
    );
    expect(
        raw(br#"{"op":"keyunwrap","keywrapparams":null,"keyunwrapparams":{"dc":null,"annotation":null}}"#).await,
        tonic::Code::InvalidArgument,
        &["annotation"],
    );
    expect(
        raw(br#"{"op":"keywrap","keywrapparams":{"ec":null,"optsdata":"e30="},"keyunwrapparams":null}"#).await,
        tonic::Code::InvalidArgument,
        &["keyunwrap"],
    );
    // Another provider's annotation (ocicrypt tries every configured provider).
    expect(
        unwrap(
            &socket,
            br#"{"kid":"lab","n":"AAAA","ct":"AAAA","tag":"AAAA"}"#,
        )
        .await,
        tonic::Code::InvalidArgument,
        &["isecl annotation"],
    );
    expect(
        unwrap(&socket, b"\x00\x01garbage").await,
        tonic::Code::InvalidArgument,
        &["isecl annotation"],
    );

    // WLS refuses: its message reaches the caller.
    let url = kp_url(uuid::Uuid::new_v4());
    wls.answer(&url, 500, format!("{UNTRUSTED}\n"));
    let sealed = isecl::seal(&kek, &url, OPTSDATA).unwrap();
    expect(
        unwrap(&socket, &sealed).await,
        tonic::Code::Unknown,
        &["Error while retrieving wrapped kek", UNTRUSTED, "500"],
    );
    // WLS answers without a key.
    let url = kp_url(uuid::Uuid::new_v4());
    wls.answer(&url, 201, r#"{"key":""}"#.into());
    let sealed = isecl::seal(&kek, &url, OPTSDATA).unwrap();
    expect(
        unwrap(&socket, &sealed).await,
        tonic::Code::Unknown,
        &["Error while retrieving wrapped kek"],
    );
    // An unknown key: WLS's 404 text.
    let sealed = isecl::seal(&kek, &kp_url(uuid::Uuid::new_v4()), OPTSDATA).unwrap();
    expect(
        unwrap(&socket, &sealed).await,
        tonic::Code::Unknown,
        &["Error while retrieving wrapped kek", "does not exist"],
    );

    // The KEK wrapped to another RSA key: the TPM refuses.
    let other = blocking(|| rsa::PrivateKey::new(&mut rand::rng(), 2048).unwrap()).await;
    let url = kp_url(uuid::Uuid::new_v4());
    wls.give_key(&url, &wrap_to(&other.to_public_key(), &kek));
    let sealed = isecl::seal(&kek, &url, OPTSDATA).unwrap();
    expect(
        unwrap(&socket, &sealed).await,
        tonic::Code::Unknown,
        &["Error while unwrapping kek", "binding key"],
    );
    // Not an AES-256 key.
    let url = kp_url(uuid::Uuid::new_v4());
    wls.give_key(&url, &host.wrap(&[7u8; 16]));
    let sealed = isecl::seal(&kek, &url, OPTSDATA).unwrap();
    expect(
        unwrap(&socket, &sealed).await,
        tonic::Code::Unknown,
        &["Error while unwrapping kek", "16 bytes"],
    );

    // A tampered GCM packet: the right KEK, altered ciphertext.
    let mut packet = isecl::parse_annotation(&annotation).unwrap();
    let mut aes = packet.aes_packet().unwrap();
    aes.cipher_text[3] ^= 1;
    packet.wrapped_key = aes.to_json();
    expect(
        unwrap(&socket, &packet.to_json()).await,
        tonic::Code::Unknown,
        &["Error while decrypting key", "authentication failed"],
    );
    // ... and a KEK that is not the one the packet was sealed with.
    let url = kp_url(uuid::Uuid::new_v4());
    wls.give_key(&url, &host.wrap(&rand_bytes::<32>()));
    let sealed = isecl::seal(&kek, &url, OPTSDATA).unwrap();
    expect(
        unwrap(&socket, &sealed).await,
        tonic::Code::Unknown,
        &["Error while decrypting key"],
    );

    // Too large a request is refused before parsing.
    let e = unwrap_raw(&socket, vec![b' '; 2 << 20]).await.unwrap_err();
    assert_eq!(e.code(), tonic::Code::OutOfRange, "{e:?}");

    // Still serving, and nothing was written: the data directory is byte for byte the same.
    assert_eq!(&unwrap(&socket, &annotation).await.unwrap()[..], OPTSDATA);
    assert_eq!(snapshot(&host.data), before);

    // Nothing secret in the log, though it ran at debug.
    let log = std::fs::read_to_string(&agent.log).unwrap();
    assert!(log.contains("UnWrapKey"), "debug log expected: {log}");
    for secret in [
        B64.encode(OPTSDATA),
        String::from_utf8_lossy(OPTSDATA).into_owned(),
        B64.encode(kek),
        hex::encode(kek),
        WLS_TOKEN.to_string(),
        "not ours".to_string(),
    ] {
        assert!(!log.contains(&secret), "the log leaks {secret}");
    }
}

/// What tpm2-tools says about the TPM: `tpm2_getcap ARG` or `tpm2_readpublic -c ARG` output.
fn tpm2_tool(tcti: &str, tool: &str, args: &[&str]) -> String {
    let out = run_ok(
        Command::new(tool)
            .args(args)
            .env("TPM2TOOLS_TCTI", tcti)
            .env("TSS2_LOG", "all+none"),
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn persistent_handles(tcti: &str) -> Vec<String> {
    tpm2_tool(tcti, "tpm2_getcap", &["handles-persistent"])
        .lines()
        .map(|l| l.trim().trim_start_matches("- ").to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn storage_primary_is_persistent_and_survives_restarts() {
    let host = Host::provision().await;
    let wls = FakeWls::start().await;
    let ta_token = token_file(host.work.path(), "ta.token", "ta-token");
    let tcti = host.sw.tcti.clone();

    // Provisioning left the storage primary at 0x81000000 and recorded its name.
    let name = std::fs::read_to_string(host.data.join("srk.name")).unwrap();
    let name = name.trim().to_string();
    assert_eq!(name.len(), 68);
    let public = tpm2_tool(&tcti, "tpm2_readpublic", &["-c", "0x81000000"]);
    assert!(public.contains(&format!("name: {name}")), "{public}");
    let handles = persistent_handles(&tcti);
    assert_eq!(handles.iter().filter(|h| *h == "0x81000000").count(), 1);

    let kek: [u8; 32] = rand_bytes();
    wls.give_key(KEY_URL, &host.wrap(&kek));
    let annotation = isecl::seal(&kek, KEY_URL, OPTSDATA).unwrap();
    let socket = host.work.path().join("kp.sock");
    let start = |log: &str| {
        let args = serve_args(&host, &wls, &socket, &ta_token);
        let log = host.work.path().join(log);
        blocking(move || start_agent(args, true, log))
    };
    // The agent writes its TLS CA when it first serves.
    let quote = |agent: &Agent| {
        async_client(&host.data.join("tls-ca.pem"))
            .post(format!("{}/v2/tpm/quote", agent.https.as_deref().unwrap()))
            .bearer_auth("ta-token")
            .json(&serde_json::json!({"nonce": "AAEC", "pcrs": [0, 7]}))
            .send()
    };
    let works = async |agent: &Agent, what: &str| {
        let t = Instant::now();
        let got = unwrap(&socket, &annotation).await;
        let unwrap_time = t.elapsed();
        assert_eq!(&got.unwrap_or_else(|e| panic!("{what}: {e}"))[..], OPTSDATA);
        let t = Instant::now();
        let r = quote(agent).await.unwrap();
        assert_eq!(r.status(), reqwest::StatusCode::OK, "{what}");
        eprintln!("{what}: UnWrapKey {unwrap_time:?}, quote {:?}", t.elapsed());
    };

    let agent = start("agent1.log").await;
    works(&agent, "persistent primary").await;
    works(&agent, "persistent primary, again").await;
    // The TPM resets under the running agent (a reboot of the TPM alone): it opens the TPM
    // per call, the persistent object survived, so the next calls just work.
    tokio::task::block_in_place(|| host.sw.restart());
    works(&agent, "after a TPM reset").await;
    // And after the agent restarts too.
    drop(agent);
    let agent = start("agent2.log").await;
    works(&agent, "after an agent restart").await;
    // Every call reused the one object at the handle; nothing was added.
    assert_eq!(persistent_handles(&tcti), handles);
    drop(agent);

    // A data directory provisioned before the primary was persistent (no srk.name) still
    // works, re-deriving the primary per call, and the agent says how to stop that.
    std::fs::remove_file(host.data.join("srk.name")).unwrap();
    let agent = start("agent3.log").await;
    works(&agent, "derived primary (older data directory)").await;
    let log = std::fs::read_to_string(&agent.log).unwrap();
    assert!(log.contains("srk.name is missing"), "{log}");
    drop(agent);

    // Provisioning the same TPM again keeps the object and its name.
    let again = host.work.path().join("wla-again");
    let hvs_token = token_file(host.work.path(), "hvs.token", "hvs-token");
    let mut cmd = provision_cmd(&tcti, &again, &host.hvs.url, &host.hvs.tls_ca, &hvs_token);
    blocking(move || run_ok(&mut cmd)).await;
    assert_eq!(
        std::fs::read_to_string(again.join("srk.name"))
            .unwrap()
            .trim(),
        name
    );
    assert_eq!(persistent_handles(&tcti), handles);

    // Someone else's key at the handle: provisioning refuses it, naming the step and why.
    tpm2_tool(&tcti, "tpm2_evictcontrol", &["-C", "o", "-c", "0x81000000"]);
    let ctx = host.work.path().join("other.ctx").display().to_string();
    tpm2_tool(
        &tcti,
        "tpm2_createprimary",
        &["-Q", "-C", "o", "-G", "ecc", "-c", &ctx],
    );
    tpm2_tool(
        &tcti,
        "tpm2_evictcontrol",
        &["-C", "o", "-c", &ctx, "0x81000000"],
    );
    let third = host.work.path().join("wla-third");
    let mut cmd = provision_cmd(&tcti, &third, &host.hvs.url, &host.hvs.tls_ca, &hvs_token);
    let out = blocking(move || output(&mut cmd)).await;
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("step 2") && err.contains("someone else's key"),
        "{err}"
    );
    assert!(!third.join("srk.name").exists());
    // ... and the agent, checking the recorded name, refuses to unwrap under it.
    std::fs::write(host.data.join("srk.name"), format!("{name}\n")).unwrap();
    let agent = start("agent4.log").await;
    let e = unwrap(&socket, &annotation).await.unwrap_err();
    assert!(e.message().contains("storage primary"), "{e:?}");
    drop(agent);
}

#[test]
fn keyprovider_flags_are_checked() {
    // --keyprovider-socket without its WLS: a usage error before anything starts.
    let out = output(wla().args([
        "serve",
        "--data-dir",
        "/nonexistent",
        "--tpm",
        "swtpm:host=127.0.0.1,port=1",
        "--token-file",
        "/nonexistent",
        "--keyprovider-socket",
        "/nonexistent/kp.sock",
    ]));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--wls-url"), "{err}");

    // Before provisioning, the key provider says what to do.
    let dir = tempfile::tempdir().unwrap();
    let token = token_file(dir.path(), "t", "x");
    std::fs::write(dir.path().join("ca.pem"), b"").unwrap();
    let out = output(
        wla()
            .arg("keyprovider")
            .arg("--data-dir")
            .arg(dir.path().join("wla"))
            .args(["--tpm", "swtpm:host=127.0.0.1,port=1"])
            .arg("--keyprovider-socket")
            .arg(dir.path().join("kp.sock"))
            .args(["--wls-url", "http://127.0.0.1:1/wls/v1"])
            .arg("--wls-ca")
            .arg(dir.path().join("ca.pem"))
            .arg("--wls-token-file")
            .arg(&token),
    );
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("must be https"), "{err}");
    assert!(!dir.path().join("kp.sock").exists());
}

/// A KEK source for the test's own encryption: one KEK, one key URL (the stand-in serves it).
struct TestKek {
    url: String,
    kek: [u8; 32],
}

#[async_trait::async_trait]
impl secl_ocicrypt::KekSource for TestKek {
    async fn new_kek(&self) -> secl_ocicrypt::Result<(String, Zeroizing<[u8; 32]>)> {
        Ok((self.url.clone(), Zeroizing::new(self.kek)))
    }

    async fn kek_for(&self, _: &str) -> secl_ocicrypt::Result<Zeroizing<[u8; 32]>> {
        Err(secl_ocicrypt::Error::Unwrap(
            "only the WLA unwraps here".into(),
        ))
    }
}

/// Layer digests of `oci:dir:latest`, in manifest order.
fn layer_digests(dir: &Path) -> Vec<(String, String)> {
    let index: Value =
        serde_json::from_slice(&std::fs::read(dir.join("index.json")).unwrap()).unwrap();
    let digest = index["manifests"][0]["digest"].as_str().unwrap();
    let manifest: Value = serde_json::from_slice(
        &std::fs::read(
            dir.join("blobs/sha256")
                .join(digest.trim_start_matches("sha256:")),
        )
        .unwrap(),
    )
    .unwrap();
    manifest["layers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["mediaType"].as_str().unwrap().to_string(),
                l["digest"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn skopeo_decrypts_through_the_key_provider() {
    let host = Host::provision().await;
    let wls = FakeWls::start().await;
    let w = host.work.path();

    // An image, encrypted with a KEK of this test under the isecl scheme, as WPM would.
    let plain = w.join("plain");
    let out = Command::new(repo_root().join("scripts/mkimage.py"))
        .arg(&plain)
        .args(["--layer", "text:hello.txt=hello from a secret layer"])
        .args(["--layer", "random:200K"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let kek: [u8; 32] = rand_bytes();
    let url = kp_url(uuid::Uuid::new_v4());
    wls.give_key(&url, &host.wrap(&kek));
    let encrypted = w.join("enc");
    {
        let src = secl_ocicrypt::LayoutSource::open(&plain, "latest")
            .await
            .unwrap();
        let dst = secl_ocicrypt::LayoutDest::create(&encrypted, "latest")
            .await
            .unwrap();
        let wrapper = secl_ocicrypt::IseclWrapper::new(Arc::new(TestKek {
            url: url.clone(),
            kek,
        }));
        secl_ocicrypt::encrypt_image(
            &src,
            &dst,
            &wrapper,
            &secl_ocicrypt::EncryptOptions::default(),
            &secl_ocicrypt::NoProgress,
        )
        .await
        .unwrap();
    }
    let original = layer_digests(&plain);
    let enc = layer_digests(&encrypted);
    assert!(
        enc.iter().all(|(mt, _)| mt.ends_with("+encrypted")),
        "{enc:?}"
    );

    // Only the key provider, on its own (the standalone subcommand).
    let wls_token = token_file(w, "wls.token", WLS_TOKEN);
    let socket = w.join("kp/wla.sock");
    let args: Vec<String> = [
        "keyprovider",
        "--data-dir",
        &host.data.display().to_string(),
        "--tpm",
        &host.sw.tcti,
        "--keyprovider-socket",
        &socket.display().to_string(),
        "--wls-url",
        &wls.url,
        "--wls-ca",
        &wls.ca.display().to_string(),
        "--wls-token-file",
        &wls_token.display().to_string(),
    ]
    .map(String::from)
    .to_vec();
    let log = w.join("kp.log");
    let agent = blocking(move || start_agent(args, false, log)).await;
    assert_eq!(mode(&socket), 0o600);
    assert_eq!(mode(socket.parent().unwrap()), 0o700);

    let config = w.join("ocicrypt.json");
    std::fs::write(
        &config,
        format!(
            r#"{{"key-providers":{{"isecl":{{"grpc":"unix://{}"}}}}}}"#,
            agent.socket.display()
        ),
    )
    .unwrap();
    let (skopeo, policy) = skopeo();
    let decrypted = w.join("dec");
    let (enc_ref, dec_ref) = (
        format!("oci:{}:latest", encrypted.display()),
        format!("oci:{}:latest", decrypted.display()),
    );
    let out = blocking(move || {
        Command::new(skopeo)
            .arg("--policy")
            .arg(policy)
            .args([
                "copy",
                "--decryption-key",
                "provider:isecl",
                &enc_ref,
                &dec_ref,
            ])
            .env("OCICRYPT_KEYPROVIDER_CONFIG", &config)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    })
    .await;
    assert!(
        out.status.success(),
        "skopeo copy --decryption-key provider:isecl failed: {}\nagent log: {}",
        String::from_utf8_lossy(&out.stderr),
        std::fs::read_to_string(&agent.log).unwrap_or_default()
    );
    assert_eq!(layer_digests(&decrypted), original);

    // An untrusted host: WLS refuses, skopeo fails and shows why.
    wls.answer(&url, 500, UNTRUSTED.into());
    let (skopeo, policy) = self::skopeo();
    let config = w.join("ocicrypt.json");
    let (enc_ref, dec_ref) = (
        format!("oci:{}:latest", encrypted.display()),
        format!("oci:{}:latest", w.join("dec2").display()),
    );
    let out = blocking(move || {
        Command::new(skopeo)
            .arg("--policy")
            .arg(policy)
            .args([
                "copy",
                "--decryption-key",
                "provider:isecl",
                &enc_ref,
                &dec_ref,
            ])
            .env("OCICRYPT_KEYPROVIDER_CONFIG", &config)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    })
    .await;
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Host is untrusted"), "{err}");
    // SIGTERM: a clean stop removes the socket.
    let status = blocking(move || agent.proc.stop()).await;
    assert!(status.success(), "{status:?}");
    assert!(!socket.exists(), "the socket is removed on exit");
}
