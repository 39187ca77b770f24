//! HVS against a malicious trust agent, over real HTTPS between real processes: swtpm,
//! `secl-hvs serve`, `secl-wla provision` / `secl-wla serve`, and a tampering HTTPS proxy inside
//! the test (axum over TLS with an rcgen-made CA, which is the `ta_ca_pem` the HVS is given) in
//! front of the real agents.
//!
//! Refused, each with the cause named: a replayed (stale-nonce) quote, a quote signed by another
//! host's AIK, PCR values altered next to a genuine signed attest, an AIK certificate from
//! another HVS's PrivacyCA and a binding-key certificate from another PrivacyCA. Control: the
//! same proxy without tampering registers and is trusted, before and after the attacks.
//!
//! Needs `cargo build --workspace --bins` first, swtpm, swtpm_setup, certtool and tpm2-tools
//! (scripts/install-deps.sh).

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};
use secl_testkit::{
    Client, Resp, ServerProc, Swtpm, admin_token, provision_wla, start_hvs, start_wla,
};
use serde_json::{Value, json};

/// What the proxy does to the traffic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Everything to the primary agent, untouched (quote answers are recorded).
    Forward,
    /// `/v2/tpm/quote` answers with the last recorded answer instead of asking the agent.
    ReplayQuote,
    /// `/v2/tpm/quote` goes to the second host (another TPM, another AIK).
    QuoteFromOtherHost,
    /// The quote answer's first PCR value is changed; attest and signature are kept.
    AlterPcr,
    /// Everything goes to the host provisioned against the other HVS.
    OtherHvsHost,
    /// `/v2/binding-key-certificate` comes from the host provisioned against the other HVS.
    BindingFromOtherHvs,
}

struct ProxyState {
    mode: Mutex<Mode>,
    primary: String,
    second: String,
    other_hvs: String,
    http: reqwest::Client,
    last_quote: Mutex<Option<Vec<u8>>>,
    /// Quote requests seen, and how many of them were tampered with.
    quotes: AtomicUsize,
    tampered: AtomicUsize,
}

/// The malicious trust agent: HTTPS on 127.0.0.1 with a CA of its own; stopped on drop (its
/// runtime goes with it).
struct Proxy {
    state: Arc<ProxyState>,
    url: String,
    ca_pem: String,
    rt: Option<tokio::runtime::Runtime>,
}

impl Proxy {
    fn start(primary: &str, second: &str, other_hvs: &str, upstream_cas: &[&Path]) -> Self {
        secl_testkit::install_provider();
        let (ca_pem, chain, key) = proxy_tls();
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut tls = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_no_client_auth()
            .with_single_cert(chain, key)
            .unwrap();
        tls.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];

        let mut roots = rustls::RootCertStore::empty();
        for ca in upstream_cas {
            for c in CertificateDer::pem_slice_iter(&std::fs::read(ca).unwrap()) {
                roots.add(c.unwrap()).unwrap();
            }
        }
        let client_tls = rustls::ClientConfig::builder()
            .with_root_certificates(roots)
            .with_no_client_auth();
        let http = reqwest::Client::builder()
            .tls_backend_preconfigured(client_tls)
            .timeout(std::time::Duration::from_secs(60))
            .build()
            .unwrap();
        let state = Arc::new(ProxyState {
            mode: Mutex::new(Mode::Forward),
            primary: primary.to_string(),
            second: second.to_string(),
            other_hvs: other_hvs.to_string(),
            http,
            last_quote: Mutex::new(None),
            quotes: AtomicUsize::new(0),
            tampered: AtomicUsize::new(0),
        });
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let listener = rt
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .unwrap();
        let port = listener.local_addr().unwrap().port();
        let app = Router::new().fallback(handle).with_state(state.clone());
        rt.spawn(secl_service::serve_tls(
            listener,
            Arc::new(tls),
            app,
            std::future::pending(),
        ));
        Self {
            state,
            url: format!("https://127.0.0.1:{port}"),
            ca_pem,
            rt: Some(rt),
        }
    }

    fn set(&self, mode: Mode) {
        *self.state.mode.lock().unwrap() = mode;
    }

    fn quotes(&self) -> usize {
        self.state.quotes.load(Ordering::SeqCst)
    }

    fn tampered(&self) -> usize {
        self.state.tampered.load(Ordering::SeqCst)
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        if let Some(rt) = self.rt.take() {
            rt.shutdown_background();
        }
    }
}

/// A CA and a leaf for 127.0.0.1 made with rcgen: (CA PEM, leaf chain, leaf key).
fn proxy_tls() -> (String, Vec<CertificateDer<'static>>, PrivateKeyDer<'static>) {
    use rcgen::{
        BasicConstraints, CertificateParams, CertifiedIssuer, DnType, ExtendedKeyUsagePurpose,
        IsCa, KeyPair, KeyUsagePurpose, SanType,
    };
    let mut ca = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca.distinguished_name
        .push(DnType::CommonName, "malicious trust agent CA");
    ca.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    let ca = CertifiedIssuer::self_signed(ca, KeyPair::generate().unwrap()).unwrap();
    let mut leaf = CertificateParams::new(Vec::<String>::new()).unwrap();
    leaf.distinguished_name
        .push(DnType::CommonName, "malicious trust agent");
    leaf.subject_alt_names = vec![SanType::IpAddress("127.0.0.1".parse().unwrap())];
    leaf.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    leaf.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    let leaf_key = KeyPair::generate().unwrap();
    let leaf = leaf.signed_by(&leaf_key, &ca).unwrap();
    let key = PrivateKeyDer::from_pem_slice(leaf_key.serialize_pem().as_bytes()).unwrap();
    (ca.pem(), vec![leaf.der().clone(), ca.der().clone()], key)
}

fn text_response(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "text/plain")], body).into_response()
}

/// Sends the request to `base` as it came and returns the upstream answer (status, content
/// type, body).
async fn forward(
    st: &ProxyState,
    base: &str,
    method: &Method,
    uri: &Uri,
    headers: &HeaderMap,
    body: &Bytes,
) -> Result<(u16, String, Vec<u8>), String> {
    let path = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    let mut req = st.http.request(
        reqwest::Method::from_bytes(method.as_str().as_bytes()).unwrap(),
        format!("{base}{path}"),
    );
    for name in ["authorization", "accept", "content-type"] {
        if let Some(v) = headers.get(name).and_then(|v| v.to_str().ok()) {
            req = req.header(name, v);
        }
    }
    if !body.is_empty() {
        req = req.body(body.to_vec());
    }
    let r = req.send().await.map_err(|e| format!("upstream: {e}"))?;
    let status = r.status().as_u16();
    let ct = r
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("application/octet-stream")
        .to_string();
    let body = r.bytes().await.map_err(|e| e.to_string())?.to_vec();
    Ok((status, ct, body))
}

fn respond(status: u16, ct: &str, body: Vec<u8>) -> Response {
    (
        StatusCode::from_u16(status).unwrap(),
        [(header::CONTENT_TYPE, ct.to_string())],
        body,
    )
        .into_response()
}

async fn handle(
    State(st): State<Arc<ProxyState>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let mode = *st.mode.lock().unwrap();
    let path = uri.path().to_string();
    let is_quote = path == "/v2/tpm/quote";
    if is_quote {
        st.quotes.fetch_add(1, Ordering::SeqCst);
    }
    let base = match mode {
        Mode::OtherHvsHost => st.other_hvs.as_str(),
        Mode::QuoteFromOtherHost if is_quote => st.second.as_str(),
        Mode::BindingFromOtherHvs if path == "/v2/binding-key-certificate" => {
            st.tampered.fetch_add(1, Ordering::SeqCst);
            st.other_hvs.as_str()
        }
        _ => st.primary.as_str(),
    };
    if is_quote && mode == Mode::ReplayQuote {
        let Some(old) = st.last_quote.lock().unwrap().clone() else {
            return text_response(StatusCode::BAD_GATEWAY, "no quote to replay".into());
        };
        st.tampered.fetch_add(1, Ordering::SeqCst);
        return respond(200, "application/json", old);
    }
    let (status, ct, mut answer) = match forward(&st, base, &method, &uri, &headers, &body).await {
        Ok(a) => a,
        Err(e) => return text_response(StatusCode::BAD_GATEWAY, e),
    };
    if is_quote && status == 200 {
        match mode {
            Mode::Forward => *st.last_quote.lock().unwrap() = Some(answer.clone()),
            Mode::QuoteFromOtherHost => {
                st.tampered.fetch_add(1, Ordering::SeqCst);
            }
            Mode::AlterPcr => {
                let mut v: Value = serde_json::from_slice(&answer).unwrap();
                let first = &mut v["pcrs"][0]["value"];
                let old = first.as_str().unwrap().to_string();
                let new = if old == "ff".repeat(32) {
                    "ee".repeat(32)
                } else {
                    "ff".repeat(32)
                };
                *first = Value::String(new);
                answer = serde_json::to_vec(&v).unwrap();
                st.tampered.fetch_add(1, Ordering::SeqCst);
            }
            _ => {}
        }
    }
    respond(status, &ct, answer)
}

fn register(c: &Client, admin: &str, proxy: &Proxy, ta_token: &str) -> Resp {
    c.post_json(
        "/hosts",
        admin,
        json!({
            "connection_string": proxy.url,
            "ta_ca_pem": proxy.ca_pem,
            "ta_token": ta_token,
            "description": "behind a malicious proxy",
        }),
    )
}

fn report(c: &Client, admin: &str, host_id: &str) -> Resp {
    c.post_json("/reports", admin, json!({ "host_id": host_id }))
}

/// A 400 whose message names `causes` (all of them).
#[track_caller]
fn assert_refused(r: &Resp, causes: &[&str], hvs: &ServerProc) {
    let text = r.text();
    let short: String = text.chars().take(500).collect();
    assert_eq!(r.status, 400, "{short}\nHVS: {}", hvs.logs());
    for c in causes {
        assert!(text.contains(c), "{c:?} not in {text:?}");
    }
}

#[test]
fn hvs_refuses_a_malicious_trust_agent() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();

    // Three TPMs: two hosts of HVS A, one host of HVS B.
    let tpm1 = Swtpm::start(&root.join("swtpm1"));
    let tpm2 = Swtpm::start(&root.join("swtpm2"));
    let tpm3 = Swtpm::start(&root.join("swtpm3"));
    let (ek_a, ek_b) = (root.join("ek-a.pem"), root.join("ek-b.pem"));
    tpm1.write_ek_ca(&ek_a);
    let ek2 = root.join("ek-2.pem");
    tpm2.write_ek_ca(&ek2);
    let mut both = std::fs::read(&ek_a).unwrap();
    both.extend(std::fs::read(&ek2).unwrap());
    std::fs::write(&ek_a, both).unwrap();
    tpm3.write_ek_ca(&ek_b);

    let (data_a, data_b) = (root.join("hvs-a"), root.join("hvs-b"));
    let hvs_a = start_hvs(&data_a, &ek_a);
    let hvs_b = start_hvs(&data_b, &ek_b);
    let (admin_a, admin_b) = (admin_token(&data_a), admin_token(&data_b));
    let ca = Client::new(&hvs_a.url, &data_a.join("tls-ca.pem"));
    let cb = Client::new(&hvs_b.url, &data_b.join("tls-ca.pem"));

    let ta_token = "ta-token-attacks-0123456789abcdef";
    let token_file = root.join("ta.token");
    std::fs::write(&token_file, format!("{ta_token}\n")).unwrap();
    let mut agents = Vec::new();
    for (name, tpm, hvs, data) in [
        ("wla1", &tpm1, &hvs_a, &data_a),
        ("wla2", &tpm2, &hvs_a, &data_a),
        ("wla-b", &tpm3, &hvs_b, &data_b),
    ] {
        let dir = root.join(name);
        let out = provision_wla(tpm, &dir, hvs, data);
        assert!(
            out.status.success(),
            "provision {name}: {}\nHVS: {}",
            String::from_utf8_lossy(&out.stderr),
            hvs.logs()
        );
        let wla = start_wla(tpm, &dir, &token_file, &root.join(format!("{name}.log")));
        agents.push((wla, dir));
    }
    let cas: Vec<_> = agents.iter().map(|(_, d)| d.join("tls-ca.pem")).collect();
    let proxy = Proxy::start(
        &agents[0].0.url,
        &agents[1].0.url,
        &agents[2].0.url,
        &cas.iter().map(|p| p.as_path()).collect::<Vec<_>>(),
    );

    // 3. A host provisioned against HVS B: its AIK certificate is not from A's PrivacyCA.
    proxy.set(Mode::OtherHvsHost);
    let r = register(&ca, &admin_a, &proxy, ta_token);
    assert_refused(&r, &["AIK certificate is not trusted"], &hvs_a);
    // ...while HVS B, whose PrivacyCA issued it, takes the very same host through the proxy.
    let r = register(&cb, &admin_b, &proxy, ta_token);
    assert_eq!(r.status, 201, "{}\nHVS B: {}", r.text(), hvs_b.logs());

    // 4. Host 1's own AIK (from A) but a binding-key certificate from B's PrivacyCA.
    proxy.set(Mode::BindingFromOtherHvs);
    let r = register(&ca, &admin_a, &proxy, ta_token);
    assert_refused(&r, &["binding key certificate is not trusted"], &hvs_a);
    assert_eq!(proxy.tampered(), 1);
    assert_eq!(ca.count("/hosts", &admin_a), 0);

    // Control: untouched, the same proxy registers, gives flavors and is trusted.
    proxy.set(Mode::Forward);
    let r = register(&ca, &admin_a, &proxy, ta_token);
    assert_eq!(r.status, 201, "{}\nHVS: {}", r.text(), hvs_a.logs());
    let host_id = r.json()["id"].as_str().unwrap().to_string();
    let r = ca.post_json(
        "/flavors",
        &admin_a,
        json!({"host_id": host_id, "flavor_parts": ["PLATFORM", "OS", "HOST_UNIQUE"]}),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(r.json()["flavors"].as_array().unwrap().len(), 3);
    let trusted = |c: &Client| {
        let r = report(c, &admin_a, &host_id);
        assert_eq!(r.status, 201, "{}\nHVS: {}", r.text(), hvs_a.logs());
        let v = r.json();
        assert_eq!(v["trust_report"]["overall"], true, "{v}");
    };
    trusted(&ca);
    let quotes_before = proxy.quotes();
    assert!(quotes_before >= 2, "the proxy saw {quotes_before} quotes");

    // 1. Stale nonce: the quote answer of the previous request is replayed.
    proxy.set(Mode::ReplayQuote);
    let r = report(&ca, &admin_a, &host_id);
    assert_refused(&r, &["quote does not verify", "nonce mismatch"], &hvs_a);

    // 2. A genuine quote over the fresh nonce, but signed by host 2's AIK.
    proxy.set(Mode::QuoteFromOtherHost);
    let r = report(&ca, &admin_a, &host_id);
    assert_refused(
        &r,
        &["quote does not verify", "signature does not verify"],
        &hvs_a,
    );

    // 5. The genuine signed attest with one PCR value changed next to it.
    proxy.set(Mode::AlterPcr);
    let r = report(&ca, &admin_a, &host_id);
    assert_refused(
        &r,
        &["quote does not verify", "PCR digest mismatch"],
        &hvs_a,
    );
    assert_eq!(proxy.quotes(), quotes_before + 3);
    assert_eq!(proxy.tampered(), 4);

    // Control again: nothing stuck; and only the trusted reports were stored.
    proxy.set(Mode::Forward);
    trusted(&ca);
    let r = ca.get(
        &format!("/reports?hostId={host_id}&latestPerHost=false"),
        &admin_a,
    );
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(r.json().as_array().unwrap().len(), 2, "{}", r.text());
    assert!(!hvs_a.logs().contains(ta_token));

    drop(proxy);
    drop(agents);
}
