//! Load generator for the KBS SAML key transfer (a benchmark, not a test; `bench/kbs-transfer.sh`
//! starts the KBS and runs this).
//!
//! ```text
//! cargo bench -p secl-kbs-server --bench saml_transfer -- \
//!     --url https://127.0.0.1:PORT/kbs/v1 --ca tls-ca.pem --token-file admin.token \
//!     [--clients 64] [--seconds 10] [--max-requests N] [--hosts 8] [--unique-bodies]
//! ```
//!
//! It makes its own trust material (a SAML signing certificate and a PrivacyCA, software AIKs
//! and binding keys), imports both certificates into the KBS, creates a key with a usage
//! policy, signs one report per host, then drives CLIENTS concurrent HTTPS keep-alive
//! connections (HTTP/1.1, one connection per client), each sending transfers back to back, for
//! a bounded time and count. Every answer must be 200 with a 256-byte blob. `--unique-bodies`
//! prefixes each body with a distinct XML comment (outside the signed element), so no two
//! bodies share a digest and every request takes the uncached verification path: parse, C14N,
//! digest and signature check all run again (the KBS caches nothing keyed by the signature), as
//! for the fresh report (new nonce) the WLS fetches for every key request. Bodies are never
//! signed inside the timed window; the prefix is one copy of a ~7 KiB string, and the whole
//! generator takes about a sixth of the two cores (perf, unique bodies), the rest is the KBS.
//!
//! `cargo bench -p secl-kbs-server --bench transfer_pieces` times the pieces of one uncached
//! transfer (XML parse, C14N, RSA verify, OAEP wrap) in isolation.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use rsa::pkcs8::DecodePrivateKey;
use rsa::traits::PublicKeyParts;
use secl_attest::privacy_ca::PrivacyCa;
use secl_attest::privacy_ca::identity::secl_aik_public;
use secl_attest::tpm2::{Attest, Attested, ClockInfo, HashAlg, Public, SigScheme, Signature};
use secl_saml::{DEFAULT_ASSERTION_ID, TrustReport};

const TARGET_RATE: f64 = 2000.0;
const TARGET_P99_MS: f64 = 50.0;

struct Args {
    url: String,
    ca: String,
    token_file: String,
    clients: usize,
    seconds: u64,
    max_requests: u64,
    hosts: usize,
    unique: bool,
}

fn args() -> Args {
    let mut a = Args {
        url: String::new(),
        ca: String::new(),
        token_file: String::new(),
        clients: 64,
        seconds: 10,
        max_requests: 1_000_000,
        hosts: 8,
        unique: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(k) = it.next() {
        let mut v = || it.next().unwrap_or_else(|| panic!("{k} needs a value"));
        match k.as_str() {
            "--url" => a.url = v(),
            "--ca" => a.ca = v(),
            "--token-file" => a.token_file = v(),
            "--clients" => a.clients = v().parse().expect("--clients N"),
            "--seconds" => a.seconds = v().parse().expect("--seconds N"),
            "--max-requests" => a.max_requests = v().parse().expect("--max-requests N"),
            "--hosts" => a.hosts = v().parse().expect("--hosts N"),
            "--unique-bodies" => a.unique = true,
            "--bench" => {} // cargo bench passes this
            other => panic!("unknown argument {other}"),
        }
    }
    assert!(
        !a.url.is_empty() && !a.ca.is_empty() && !a.token_file.is_empty(),
        "--url, --ca and --token-file are required (bench/kbs-transfer.sh passes them)"
    );
    a
}

fn aik_area(aik: &rsa::PrivateKey) -> Public {
    secl_aik_public(&aik.n().to_be_bytes())
}

/// One software host's signed report.
fn host_report(ca: &PrivacyCa, saml_key: &rsa::PrivateKey, saml_cert: &[u8]) -> String {
    let aik = rsa::PrivateKey::new(&mut rand::rng(), 2048).expect("AIK");
    let area = aik_area(&aik);
    let aik_cert = ca
        .issue_aik_certificate(&aik.to_public_key(), &area.name().expect("name"))
        .expect("AIK certificate");
    let binding = rsa::PrivateKey::new(&mut rand::rng(), 2048).expect("binding key");
    let bpub = Public::secl_binding_key(&binding.n().to_be_bytes());
    let attest = Attest {
        qualified_signer: area.name().expect("name"),
        extra_data: vec![0, 0xff, 0x55, 0xaa],
        clock_info: ClockInfo {
            clock: 1,
            reset_count: 1,
            restart_count: 0,
            safe: true,
        },
        firmware_version: 1,
        attested: Attested::Certify {
            name: bpub.name().expect("name"),
            qualified_name: bpub.name().expect("name"),
        },
    }
    .to_bytes();
    let sig = Signature {
        scheme: SigScheme::RsaSsa,
        hash: HashAlg::Sha256,
        sig: aik.pkcs1v15_sign::<sha2::Sha256>(&attest).expect("sign"),
    }
    .to_bytes();
    let binding_cert = ca
        .issue_binding_key_certificate(&bpub.to_bytes(), &attest, &sig)
        .expect("binding certificate");
    let attrs = vec![
        ("TRUST_OVERALL".to_string(), "true".to_string()),
        ("HardwareUUID".into(), uuid::Uuid::new_v4().to_string()),
        ("TPMVersion".into(), "2.0".into()),
        ("AIK_Certificate".into(), B64.encode(aik_cert)),
        ("Binding_Key_Certificate".into(), B64.encode(binding_cert)),
        ("TRUST_ASSET_TAG".into(), "true".into()),
        ("TAG_country".into(), "US".into()),
    ];
    let now = time::OffsetDateTime::now_utc();
    TrustReport::new("AttestationService", now, time::Duration::hours(1), attrs)
        .sign(DEFAULT_ASSERTION_ID, saml_key, saml_cert)
        .expect("signed report")
}

fn client(ca_pem: &[u8]) -> reqwest::Client {
    use rustls_pki_types::pem::PemObject;
    let mut roots = rustls::RootCertStore::empty();
    for c in rustls_pki_types::CertificateDer::pem_slice_iter(ca_pem) {
        roots.add(c.expect("CA PEM")).expect("CA certificate");
    }
    let mut tls = rustls::ClientConfig::builder()
        .with_root_certificates(roots)
        .with_no_client_auth();
    tls.alpn_protocols = vec![b"http/1.1".to_vec()];
    reqwest::Client::builder()
        .tls_backend_preconfigured(tls)
        .http1_only()
        .pool_max_idle_per_host(1)
        .timeout(Duration::from_secs(30))
        .build()
        .expect("HTTP client")
}

async fn setup(a: &Args, http: &reqwest::Client, token: &str) -> (String, Vec<String>) {
    eprintln!("==> making trust material and {} host reports", a.hosts);
    let saml_ca = PrivacyCa::generate("bench SAML").expect("SAML signer");
    let saml_key = rsa::PrivateKey::from_pkcs8_pem(&saml_ca.private_key_pem().expect("PEM"))
        .expect("SAML key");
    let ca = PrivacyCa::generate("HVS Privacy Certificate").expect("PrivacyCA");
    let reports: Vec<String> = (0..a.hosts)
        .map(|_| host_report(&ca, &saml_key, saml_ca.certificate_der()))
        .collect();
    for (path, pem) in [
        ("saml-certificates", saml_ca.certificate_pem()),
        ("tpm-identity-certificates", ca.certificate_pem()),
    ] {
        let r = http
            .post(format!("{}/{path}", a.url))
            .bearer_auth(token)
            .header("Content-Type", "application/x-pem-file")
            .header("Accept", "application/json")
            .body(pem)
            .send()
            .await
            .expect("import");
        assert_eq!(
            r.status(),
            201,
            "import {path}: {}",
            r.text().await.unwrap_or_default()
        );
    }
    let r = http
        .post(format!("{}/keys", a.url))
        .bearer_auth(token)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json")
        .body(r#"{"key_information":{"algorithm":"AES","key_length":256},"usage":"country:US"}"#)
        .send()
        .await
        .expect("create key");
    assert_eq!(r.status(), 201);
    let v: serde_json::Value = r.json().await.expect("key JSON");
    let id = v["key_information"]["id"]
        .as_str()
        .expect("key id")
        .to_string();
    (id, reports)
}

fn main() {
    let a = args();
    let _ = rustls::crypto::ring::default_provider().install_default();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    rt.block_on(run(a));
}

async fn run(a: Args) {
    let ca_pem = std::fs::read(&a.ca).expect("CA file");
    let token = std::fs::read_to_string(&a.token_file)
        .expect("token file")
        .trim()
        .to_string();
    let (id, reports) = setup(&a, &client(&ca_pem), &token).await;
    let reports: Arc<Vec<String>> = Arc::new(reports);
    let url = Arc::new(format!("{}/keys/{id}/transfer", a.url));

    // Warm-up: every connection handshakes, every report is verified once.
    let clients: Vec<reqwest::Client> = (0..a.clients).map(|_| client(&ca_pem)).collect();
    let send = |c: reqwest::Client, url: Arc<String>, body: String| async move {
        let r = c
            .post(url.as_str())
            .header("Content-Type", "application/samlassertion+xml")
            .header("Accept", "application/octet-stream")
            .body(body)
            .send()
            .await;
        match r {
            Ok(r) if r.status() == 200 => match r.bytes().await {
                Ok(b) if b.len() == 256 => Ok(()),
                Ok(b) => Err(format!("blob of {} bytes", b.len())),
                Err(e) => Err(e.to_string()),
            },
            Ok(r) => Err(format!(
                "{} {}",
                r.status(),
                r.text().await.unwrap_or_default()
            )),
            Err(e) => Err(e.to_string()),
        }
    };
    for (i, c) in clients.iter().enumerate() {
        send(c.clone(), url.clone(), reports[i % reports.len()].clone())
            .await
            .expect("warm-up transfer");
    }

    eprintln!(
        "==> {} clients, {} s or {} transfers{}",
        a.clients,
        a.seconds,
        a.max_requests,
        if a.unique { ", every body unique" } else { "" }
    );
    let stop = Arc::new(AtomicBool::new(false));
    let issued = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + Duration::from_secs(a.seconds);
    let start = Instant::now();
    let mut tasks = Vec::new();
    for (i, c) in clients.into_iter().enumerate() {
        let (stop, issued, url, reports) =
            (stop.clone(), issued.clone(), url.clone(), reports.clone());
        let max = a.max_requests;
        let unique = a.unique;
        tasks.push(tokio::spawn(async move {
            let mut lat = Vec::with_capacity(4096);
            let mut errors = 0u64;
            let mut first_error = None;
            let base = &reports[i % reports.len()];
            while !stop.load(Ordering::Relaxed) && Instant::now() < deadline {
                let n = issued.fetch_add(1, Ordering::Relaxed);
                if n >= max {
                    break;
                }
                let body = if unique {
                    let mut b = String::with_capacity(base.len() + 32);
                    b.push_str("<!--");
                    b.push_str(&n.to_string());
                    b.push_str("-->");
                    b.push_str(base);
                    b
                } else {
                    base.clone()
                };
                let t = Instant::now();
                match send(c.clone(), url.clone(), body).await {
                    Ok(()) => lat.push(t.elapsed()),
                    Err(e) => {
                        errors += 1;
                        first_error.get_or_insert(e);
                    }
                }
            }
            (lat, errors, first_error)
        }));
    }
    let mut lat = Vec::new();
    let mut errors = 0;
    let mut first_error = None;
    for t in tasks {
        let (l, e, f) = t.await.expect("client task");
        lat.extend(l);
        errors += e;
        if first_error.is_none() {
            first_error = f;
        }
    }
    stop.store(true, Ordering::Relaxed);
    let elapsed = start.elapsed().as_secs_f64();
    lat.sort_unstable();
    let pct = |p: f64| -> f64 {
        if lat.is_empty() {
            return f64::NAN;
        }
        let i = ((lat.len() as f64 * p).ceil() as usize).clamp(1, lat.len()) - 1;
        lat[i].as_secs_f64() * 1000.0
    };
    let rate = lat.len() as f64 / elapsed;
    let (p50, p99) = (pct(0.50), pct(0.99));
    println!(
        "transfers      {} in {elapsed:.2} s ({errors} failed)",
        lat.len()
    );
    println!("transfers/s    {rate:.0}");
    println!("p50            {p50:.2} ms");
    println!("p99            {p99:.2} ms");
    println!(
        "vs target      rate {:.2}x of {TARGET_RATE:.0}/s, p99 {:.2}x of {TARGET_P99_MS:.0} ms budget ({})",
        rate / TARGET_RATE,
        p99 / TARGET_P99_MS,
        if rate >= TARGET_RATE && p99 < TARGET_P99_MS && errors == 0 {
            "MET"
        } else {
            "NOT MET"
        }
    );
    if let Some(e) = first_error {
        eprintln!("first failure: {e}");
        std::process::exit(1);
    }
}
