//! HTTPS to the servers under test: rustls over ring, trusting exactly one CA file (the one the
//! server wrote), so a test also checks that the server presents the certificate it should.

use std::path::Path;
use std::sync::{Arc, Once};
use std::time::Duration;

use rustls_pki_types::pem::PemObject as _;

/// Installs ring as rustls' process-wide provider, once: reqwest and servers built without a
/// provider feature need one before their first TLS handshake.
pub fn install_provider() {
    static PROVIDER: Once = Once::new();
    PROVIDER.call_once(|| {
        let _ = rustls::crypto::ring::default_provider().install_default();
    });
}

/// A rustls client configuration over ring that trusts only the certificates in the PEM file
/// `ca`.
pub fn tls_config(ca: &Path) -> rustls::ClientConfig {
    let pem = std::fs::read(ca).unwrap_or_else(|e| panic!("{}: {e}", ca.display()));
    let mut roots = rustls::RootCertStore::empty();
    for c in rustls_pki_types::CertificateDer::pem_slice_iter(&pem) {
        roots.add(c.unwrap()).unwrap();
    }
    rustls::ClientConfig::builder_with_provider(Arc::new(rustls::crypto::ring::default_provider()))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots)
        .with_no_client_auth()
}

/// An async reqwest client trusting only `ca`, for tests that already run inside tokio.
pub fn async_client(ca: &Path) -> reqwest::Client {
    install_provider();
    reqwest::Client::builder()
        .tls_backend_preconfigured(tls_config(ca))
        .build()
        .unwrap()
}

/// A blocking HTTPS client for one server: `base` plus a path per request, trusting only the
/// server's CA file. Blocking (on its own small runtime) so that tests read top to bottom.
pub struct Client {
    pub base: String,
    pub http: reqwest::Client,
    rt: tokio::runtime::Runtime,
}

/// A whole answer, read before the test looks at it.
pub struct Resp {
    pub status: u16,
    pub body: Vec<u8>,
    pub content_type: String,
}

impl Resp {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The body as JSON; a test that expects JSON and gets something else fails showing it.
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.text()))
    }
}

impl Client {
    /// Offers HTTP/2 and HTTP/1.1: over HTTP/2 a server can refuse an oversized body (413)
    /// without resetting the connection under a client that is still sending.
    pub fn new(base: &str, ca: &Path) -> Self {
        Self::with_alpn(base, ca, vec![b"h2".to_vec(), b"http/1.1".to_vec()])
    }

    /// Offers no ALPN, so the server speaks HTTP/1.1 (what the WLS tests were written over).
    pub fn http1(base: &str, ca: &Path) -> Self {
        Self::with_alpn(base, ca, Vec::new())
    }

    fn with_alpn(base: &str, ca: &Path, alpn: Vec<Vec<u8>>) -> Self {
        install_provider();
        let mut tls = tls_config(ca);
        tls.alpn_protocols = alpn;
        // Generous: an attested key request waits for a fresh TPM quote through two servers.
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

    /// Sends a request to `base` + `path` with an optional bearer token.
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

    /// POSTs `body` (a `Value` or a reference to one) as JSON.
    pub fn post_json(&self, path: &str, token: &str, body: impl serde::Serialize) -> Resp {
        self.post_raw(path, token, serde_json::to_vec(&body).unwrap())
    }

    /// POSTs bytes labelled as JSON, for bodies that must stay byte for byte as written.
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

    /// Creates an AES-256 key at a KBS and returns its id.
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

    /// Creates a token with `rules` (any server's `/tokens`) and returns the bearer string.
    pub fn token(&self, admin: &str, rules: &[&str]) -> String {
        let r = self.post_json(
            "/tokens",
            admin,
            serde_json::json!({"name":"test","permissions":rules}),
        );
        assert_eq!(r.status, 201, "{}", r.text());
        r.json()["token"].as_str().unwrap().to_string()
    }

    /// How many items a JSON array listing at `path` holds.
    pub fn count(&self, path: &str, admin: &str) -> usize {
        let r = self.get(path, admin);
        assert_eq!(r.status, 200, "{}", r.text());
        r.json().as_array().unwrap().len()
    }
}
