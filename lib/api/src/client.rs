//! Typed async HTTPS client for the KBS (`/kbs/v1`).
//!
//! The client trusts exactly the CA certificates of one PEM file the caller names; there is no way
//! to turn certificate verification off. Plain `http://` URLs are refused so that a bearer token
//! never travels in clear text.
//!
//! Call [`install_crypto_provider`] once at process start (the client itself does not depend on a
//! process-wide provider, but other rustls users in the process may).

use std::fmt;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderValue};
use reqwest::{Method, RequestBuilder, Response, StatusCode, Url};
use rustls_pki_types::CertificateDer;
use rustls_pki_types::pem::PemObject;
use serde::Serialize;
use serde::de::DeserializeOwned;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use uuid::Uuid;

use crate::kbs::{
    AuditRecord, BASE_PATH, CertKind, Certificate, KeyRequest, KeyResponse, KeyTransferPolicy,
    KeyTransferPolicyRequest, KeyTransferResponse, TokenRequest, TokenResponse,
};
use crate::media;

/// Time allowed to open a TCP connection (and finish the TLS handshake).
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Time allowed for one whole request, answer included.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);
/// Longest server error message kept (the rest is cut).
pub(crate) const MAX_ERROR_MESSAGE: usize = 1024;

/// Installs rustls' `ring` provider as the process default. Calling it again, or after someone
/// else installed a provider, is harmless.
pub fn install_crypto_provider() {
    // `Err` only means a provider is already installed, which is what we want.
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// What can go wrong talking to a KBS. Every variant carries a message meant for people;
/// [`Error::hint`] suggests a fix.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The server could not be reached (refused, unresolvable, timed out, connection dropped).
    #[error("cannot reach the KBS at {url}: {reason}")]
    Connect { url: String, reason: String },
    /// The TLS handshake failed, usually because the server certificate is not trusted.
    #[error("TLS failure talking to the KBS at {url}: {reason}")]
    Tls { url: String, reason: String },
    /// 401 or 403.
    #[error("not authorized: {0}")]
    Unauthorized(String),
    /// 404.
    #[error("not found: {0}")]
    NotFound(String),
    /// 409.
    #[error("conflict: {0}")]
    Conflict(String),
    /// Any other 4xx.
    #[error("the KBS refused the request (HTTP {status}): {msg}")]
    BadRequest { status: u16, msg: String },
    /// 5xx.
    #[error("the KBS failed (HTTP {status}): {msg}")]
    Server { status: u16, msg: String },
    /// The answer was not what the API promises.
    #[error("unexpected answer from the KBS: {0}")]
    Decode(String),
    /// The client could not be set up (bad URL, unreadable CA file, ...).
    #[error("{0}")]
    Config(String),
}

impl Error {
    /// A suggestion for how to fix the problem, if there is a useful one.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::Connect { url, .. } => Some(format!(
                "check that the KBS is running and reachable at {url}, or pass the right --kbs-url"
            )),
            Error::Tls { .. } => Some(
                "check that --ca-cert names the CA certificate (PEM) that issued the KBS TLS \
                 certificate, and that the URL host matches a name in that certificate"
                    .to_string(),
            ),
            Error::Unauthorized(_) => Some(
                "check the bearer token (SECL_KBS_TOKEN or --token-file) and that it carries \
                 the permission this operation needs"
                    .to_string(),
            ),
            Error::NotFound(_) => Some("check the ID (list commands show existing IDs)".into()),
            Error::Conflict(_) | Error::BadRequest { .. } => None,
            Error::Server { .. } => Some("see the KBS log for details".into()),
            Error::Decode(_) => Some(
                "check that --kbs-url points at a secl or SecL KBS of a matching version".into(),
            ),
            Error::Config(_) => None,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Filters of `GET /kbs/v1/keys`; only set fields are sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeyFilter {
    pub algorithm: Option<String>,
    pub key_length: Option<u32>,
    pub curve_type: Option<String>,
    pub transfer_policy_id: Option<Uuid>,
}

/// Filters of a certificate search; only set fields are sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CertFilter {
    pub subject_equal_to: Option<String>,
    pub subject_contains: Option<String>,
    pub issuer_equal_to: Option<String>,
    pub issuer_contains: Option<String>,
    pub valid_on: Option<OffsetDateTime>,
    pub valid_before: Option<OffsetDateTime>,
    pub valid_after: Option<OffsetDateTime>,
}

/// Filters of `GET /kbs/v1/audit`; only set fields are sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Only records with a sequence number greater than this.
    pub after: Option<u64>,
    pub limit: Option<usize>,
    pub key_id: Option<Uuid>,
    pub action: Option<String>,
}

/// A bearer token. Never shown by `Debug`.
#[derive(Clone)]
struct Token(HeaderValue);

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Typed KBS client.
#[derive(Clone)]
pub struct KbsClient {
    http: reqwest::Client,
    /// Scheme, host, port and any path prefix, without a trailing `/` and without `/kbs/v1`.
    base: Url,
    token: Option<Token>,
}

impl fmt::Debug for KbsClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KbsClient")
            .field("base", &self.base.as_str())
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .finish_non_exhaustive()
    }
}

/// Reads every `CERTIFICATE` block of a PEM file.
pub(crate) fn read_ca_certs(ca_pem: &Path) -> Result<Vec<CertificateDer<'static>>> {
    let bytes = std::fs::read(ca_pem).map_err(|e| {
        Error::Config(format!(
            "cannot read CA certificate file {}: {e}",
            ca_pem.display()
        ))
    })?;
    ca_certs_from_pem(&bytes, &ca_pem.display().to_string())
}

/// Parses every `CERTIFICATE` block of PEM text; `what` names the source in errors.
pub fn ca_certs_from_pem(pem: &[u8], what: &str) -> Result<Vec<CertificateDer<'static>>> {
    let certs = CertificateDer::pem_slice_iter(pem)
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| Error::Config(format!("{what} is not valid PEM: {e}")))?;
    if certs.is_empty() {
        return Err(Error::Config(format!(
            "{what} holds no PEM CERTIFICATE block"
        )));
    }
    Ok(certs)
}

/// Builds a rustls configuration that trusts exactly `certs`.
pub(crate) fn tls_config(
    certs: Vec<CertificateDer<'static>>,
    what: &str,
) -> Result<rustls::ClientConfig> {
    let mut roots = rustls::RootCertStore::empty();
    for cert in certs {
        roots
            .add(cert)
            .map_err(|e| Error::Config(format!("{what}: unusable CA certificate: {e}")))?;
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| Error::Config(format!("TLS setup failed: {e}")))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    Ok(config)
}

/// Normalises a user-given KBS URL: `https://kbs:9443`, `https://kbs:9443/` and SecL's
/// `https://kbs:9443/kbs/v1/` all mean the same server.
fn normalise_base(url: &str) -> Result<Url> {
    normalise_base_for(url, BASE_PATH, "KBS")
}

/// Normalises the URL of the `service` whose API lives under `base_path` (e.g. `/kbs/v1`): an
/// `https` URL without credentials, query or fragment, with `base_path` and trailing `/` cut.
pub(crate) fn normalise_base_for(url: &str, base_path: &str, service: &str) -> Result<Url> {
    let mut base = Url::parse(url.trim())
        .map_err(|e| Error::Config(format!("invalid {service} URL {url:?}: {e}")))?;
    if base.scheme() != "https" {
        return Err(Error::Config(format!(
            "{service} URL {url:?} must use https:// (the bearer token is never sent in clear text)"
        )));
    }
    if base.host_str().is_none_or(str::is_empty) {
        return Err(Error::Config(format!("{service} URL {url:?} has no host")));
    }
    if !base.username().is_empty() || base.password().is_some() {
        return Err(Error::Config(format!(
            "{service} URL must not carry credentials; use a token instead (URL host: {})",
            base.host_str().unwrap_or_default()
        )));
    }
    if base.query().is_some() || base.fragment().is_some() {
        return Err(Error::Config(format!(
            "{service} URL {url:?} must not have a query or fragment"
        )));
    }
    let mut path = base.path().trim_end_matches('/').to_string();
    if let Some(prefix) = path.strip_suffix(base_path) {
        path = prefix.to_string();
    }
    base.set_path(&path);
    Ok(base)
}

/// The `Authorization` header value of a bearer token, marked sensitive.
pub(crate) fn bearer_header(token: &str) -> Result<HeaderValue> {
    let t = token.trim();
    if t.is_empty() {
        return Err(Error::Config("the bearer token is empty".into()));
    }
    let mut value = HeaderValue::from_str(&format!("Bearer {t}")).map_err(|_| {
        Error::Config("the bearer token contains characters not allowed in an HTTP header".into())
    })?;
    value.set_sensitive(true);
    Ok(value)
}

/// The HTTPS client every typed client uses: `tls` only, https only, no redirects, timeouts.
pub(crate) fn http_client(tls: rustls::ClientConfig) -> Result<reqwest::Client> {
    reqwest::Client::builder()
        .tls_backend_preconfigured(tls)
        .https_only(true)
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(CONNECT_TIMEOUT)
        .timeout(REQUEST_TIMEOUT)
        .user_agent(concat!("secl/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| Error::Config(format!("cannot set up the HTTPS client: {e}")))
}

impl KbsClient {
    /// A client for the KBS at `url` that trusts exactly the CA certificates in the PEM file
    /// `ca_pem`. `token` is the bearer token, if any (only `version` works without one).
    pub fn new(url: &str, ca_pem: &Path, token: Option<&str>) -> Result<Self> {
        let certs = read_ca_certs(ca_pem)?;
        Self::with_ca_certs(url, certs, &ca_pem.display().to_string(), token)
    }

    /// Like [`KbsClient::new`] with the CA certificates already parsed; `what` names them in
    /// errors.
    pub fn with_ca_certs(
        url: &str,
        certs: Vec<CertificateDer<'static>>,
        what: &str,
        token: Option<&str>,
    ) -> Result<Self> {
        let base = normalise_base(url)?;
        let tls = tls_config(certs, what)?;
        let token = token.map(bearer_header).transpose()?.map(Token);
        let http = http_client(tls)?;
        Ok(Self { http, base, token })
    }

    /// The server's base URL as normalised (without `/kbs/v1`).
    pub fn base_url(&self) -> &str {
        self.base.as_str()
    }

    /// URL of `/kbs/v1/<segments...>` with the given query pairs.
    fn url(&self, segments: &[&str], query: &[(&str, String)]) -> Url {
        let mut url = self.base.clone();
        {
            // `https` URLs always have a base, so `path_segments_mut` succeeds.
            if let Ok(mut path) = url.path_segments_mut() {
                path.pop_if_empty();
                for s in BASE_PATH.split('/').filter(|s| !s.is_empty()) {
                    path.push(s);
                }
                for s in segments {
                    path.push(s);
                }
            }
        }
        if !query.is_empty() {
            let mut pairs = url.query_pairs_mut();
            for (k, v) in query {
                pairs.append_pair(k, v);
            }
        }
        url
    }

    fn request(&self, method: Method, url: Url, accept: &str) -> RequestBuilder {
        let mut rb = self.http.request(method, url).header(ACCEPT, accept);
        if let Some(Token(value)) = &self.token {
            rb = rb.header(AUTHORIZATION, value.clone());
        }
        rb
    }

    /// Sends the request and maps transport failures and error statuses.
    async fn send(&self, rb: RequestBuilder) -> Result<Response> {
        let resp = rb.send().await.map_err(|e| self.transport_error(&e))?;
        let status = resp.status();
        if status.is_success() {
            return Ok(resp);
        }
        let body = resp.bytes().await.unwrap_or_default();
        Err(status_error(status, &body))
    }

    async fn json<T: DeserializeOwned>(&self, rb: RequestBuilder) -> Result<T> {
        let resp = self.send(rb).await?;
        let body = resp.bytes().await.map_err(|e| self.transport_error(&e))?;
        serde_json::from_slice(&body).map_err(|e| Error::Decode(format!("bad JSON: {e}")))
    }

    async fn empty(&self, rb: RequestBuilder) -> Result<()> {
        self.send(rb).await.map(drop)
    }

    fn with_json<B: Serialize>(rb: RequestBuilder, body: &B) -> Result<RequestBuilder> {
        let bytes = serde_json::to_vec(body)
            .map_err(|e| Error::Config(format!("cannot encode the request: {e}")))?;
        Ok(rb.header(CONTENT_TYPE, media::JSON).body(bytes))
    }

    fn transport_error(&self, e: &reqwest::Error) -> Error {
        let url = self.base.to_string();
        if let Some(tls) = find_tls_error(e) {
            return Error::Tls { url, reason: tls };
        }
        if e.is_timeout() {
            return Error::Connect {
                url,
                reason: "timed out".into(),
            };
        }
        if e.is_decode() || e.is_body() {
            return Error::Decode(error_chain(e));
        }
        Error::Connect {
            url,
            reason: error_chain(e),
        }
    }

    /// `GET /kbs/v1/version` (no authentication).
    pub async fn version(&self) -> Result<String> {
        let rb = self
            .http
            .get(self.url(&["version"], &[]))
            .header(ACCEPT, media::TEXT);
        let resp = self.send(rb).await?;
        let body = resp.bytes().await.map_err(|e| self.transport_error(&e))?;
        let text = String::from_utf8(body.to_vec())
            .map_err(|_| Error::Decode("version is not UTF-8 text".into()))?;
        Ok(text.trim().to_string())
    }

    /// `POST /kbs/v1/keys`.
    pub async fn create_key(&self, req: &KeyRequest) -> Result<KeyResponse> {
        let rb = self.request(Method::POST, self.url(&["keys"], &[]), media::JSON);
        self.json(Self::with_json(rb, req)?).await
    }

    /// `GET /kbs/v1/keys?...`.
    pub async fn list_keys(&self, filter: &KeyFilter) -> Result<Vec<KeyResponse>> {
        let mut q = Vec::new();
        if let Some(a) = &filter.algorithm {
            q.push(("algorithm", a.clone()));
        }
        if let Some(l) = filter.key_length {
            q.push(("keyLength", l.to_string()));
        }
        if let Some(c) = &filter.curve_type {
            q.push(("curveType", c.clone()));
        }
        if let Some(p) = filter.transfer_policy_id {
            q.push(("transferPolicyId", p.to_string()));
        }
        let rb = self.request(Method::GET, self.url(&["keys"], &q), media::JSON);
        self.json(rb).await
    }

    /// `GET /kbs/v1/keys/{id}`.
    pub async fn get_key(&self, id: Uuid) -> Result<KeyResponse> {
        let rb = self.request(
            Method::GET,
            self.url(&["keys", &id.to_string()], &[]),
            media::JSON,
        );
        self.json(rb).await
    }

    /// `DELETE /kbs/v1/keys/{id}`.
    pub async fn delete_key(&self, id: Uuid) -> Result<()> {
        let rb = self.request(
            Method::DELETE,
            self.url(&["keys", &id.to_string()], &[]),
            media::JSON,
        );
        self.empty(rb).await
    }

    /// `POST /kbs/v1/keys/{id}` with a PEM `PUBLIC KEY`: the key wrapped for that public key.
    pub async fn transfer_key(
        &self,
        id: Uuid,
        public_key_pem: &str,
    ) -> Result<KeyTransferResponse> {
        let rb = self
            .request(
                Method::POST,
                self.url(&["keys", &id.to_string()], &[]),
                media::JSON,
            )
            .header(CONTENT_TYPE, media::TEXT)
            .body(public_key_pem.to_string());
        self.json(rb).await
    }

    /// `POST /kbs/v1/{saml,tpm-identity}-certificates` with a PEM chain.
    pub async fn import_cert(&self, kind: CertKind, pem: &[u8]) -> Result<Certificate> {
        let rb = self
            .request(Method::POST, self.url(&[kind.path()], &[]), media::JSON)
            .header(CONTENT_TYPE, media::PEM_FILE)
            .body(pem.to_vec());
        self.json(rb).await
    }

    /// `GET /kbs/v1/{saml,tpm-identity}-certificates?...`.
    pub async fn list_certs(
        &self,
        kind: CertKind,
        filter: &CertFilter,
    ) -> Result<Vec<Certificate>> {
        let mut q = Vec::new();
        let strings = [
            ("subjectEqualTo", &filter.subject_equal_to),
            ("subjectContains", &filter.subject_contains),
            ("issuerEqualTo", &filter.issuer_equal_to),
            ("issuerContains", &filter.issuer_contains),
        ];
        for (name, value) in strings {
            if let Some(v) = value {
                q.push((name, v.clone()));
            }
        }
        let times = [
            ("validOn", filter.valid_on),
            ("validBefore", filter.valid_before),
            ("validAfter", filter.valid_after),
        ];
        for (name, value) in times {
            if let Some(t) = value {
                let t = t
                    .format(&Rfc3339)
                    .map_err(|e| Error::Config(format!("cannot format {name}: {e}")))?;
                q.push((name, t));
            }
        }
        let rb = self.request(Method::GET, self.url(&[kind.path()], &q), media::JSON);
        self.json(rb).await
    }

    /// `GET /kbs/v1/{saml,tpm-identity}-certificates/{id}`.
    pub async fn get_cert(&self, kind: CertKind, id: Uuid) -> Result<Certificate> {
        let rb = self.request(
            Method::GET,
            self.url(&[kind.path(), &id.to_string()], &[]),
            media::JSON,
        );
        self.json(rb).await
    }

    /// `DELETE /kbs/v1/{saml,tpm-identity}-certificates/{id}`.
    pub async fn delete_cert(&self, kind: CertKind, id: Uuid) -> Result<()> {
        let rb = self.request(
            Method::DELETE,
            self.url(&[kind.path(), &id.to_string()], &[]),
            media::JSON,
        );
        self.empty(rb).await
    }

    /// `POST /kbs/v1/key-transfer-policies`.
    pub async fn create_policy(&self, req: &KeyTransferPolicyRequest) -> Result<KeyTransferPolicy> {
        let rb = self.request(
            Method::POST,
            self.url(&["key-transfer-policies"], &[]),
            media::JSON,
        );
        self.json(Self::with_json(rb, req)?).await
    }

    /// `GET /kbs/v1/key-transfer-policies`.
    pub async fn list_policies(&self) -> Result<Vec<KeyTransferPolicy>> {
        let rb = self.request(
            Method::GET,
            self.url(&["key-transfer-policies"], &[]),
            media::JSON,
        );
        self.json(rb).await
    }

    /// `GET /kbs/v1/key-transfer-policies/{id}`.
    pub async fn get_policy(&self, id: Uuid) -> Result<KeyTransferPolicy> {
        let rb = self.request(
            Method::GET,
            self.url(&["key-transfer-policies", &id.to_string()], &[]),
            media::JSON,
        );
        self.json(rb).await
    }

    /// `PUT /kbs/v1/key-transfer-policies/{id}`.
    pub async fn update_policy(
        &self,
        id: Uuid,
        req: &KeyTransferPolicyRequest,
    ) -> Result<KeyTransferPolicy> {
        let rb = self.request(
            Method::PUT,
            self.url(&["key-transfer-policies", &id.to_string()], &[]),
            media::JSON,
        );
        self.json(Self::with_json(rb, req)?).await
    }

    /// `DELETE /kbs/v1/key-transfer-policies/{id}`.
    pub async fn delete_policy(&self, id: Uuid) -> Result<()> {
        let rb = self.request(
            Method::DELETE,
            self.url(&["key-transfer-policies", &id.to_string()], &[]),
            media::JSON,
        );
        self.empty(rb).await
    }

    /// `POST /kbs/v1/tokens`; the answer carries the token itself, this once.
    pub async fn create_token(&self, req: &TokenRequest) -> Result<TokenResponse> {
        let rb = self.request(Method::POST, self.url(&["tokens"], &[]), media::JSON);
        self.json(Self::with_json(rb, req)?).await
    }

    /// `GET /kbs/v1/tokens`.
    pub async fn list_tokens(&self) -> Result<Vec<TokenResponse>> {
        let rb = self.request(Method::GET, self.url(&["tokens"], &[]), media::JSON);
        self.json(rb).await
    }

    /// `DELETE /kbs/v1/tokens/{id}`.
    pub async fn revoke_token(&self, id: Uuid) -> Result<()> {
        let rb = self.request(
            Method::DELETE,
            self.url(&["tokens", &id.to_string()], &[]),
            media::JSON,
        );
        self.empty(rb).await
    }

    /// `GET /kbs/v1/audit?...`.
    pub async fn audit(&self, filter: &AuditFilter) -> Result<Vec<AuditRecord>> {
        let mut q = Vec::new();
        if let Some(a) = filter.after {
            q.push(("after", a.to_string()));
        }
        if let Some(l) = filter.limit {
            q.push(("limit", l.to_string()));
        }
        if let Some(k) = filter.key_id {
            q.push(("keyId", k.to_string()));
        }
        if let Some(a) = &filter.action {
            q.push(("action", a.clone()));
        }
        let rb = self.request(Method::GET, self.url(&["audit"], &q), media::JSON);
        self.json(rb).await
    }
}

/// Maps an error status and its `text/plain` body.
pub(crate) fn status_error(status: StatusCode, body: &[u8]) -> Error {
    let msg = server_message(status, body);
    match status.as_u16() {
        401 | 403 => Error::Unauthorized(msg),
        404 => Error::NotFound(msg),
        409 => Error::Conflict(msg),
        s @ 400..=499 => Error::BadRequest { status: s, msg },
        s @ 500..=599 => Error::Server { status: s, msg },
        s => Error::Decode(format!("unexpected HTTP status {s}: {msg}")),
    }
}

/// The server's message, made safe to show on a terminal: control characters replaced, length
/// capped, the status reason used when the body is empty.
pub(crate) fn server_message(status: StatusCode, body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let mut msg: String = text
        .trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(MAX_ERROR_MESSAGE)
        .collect();
    if text.trim().chars().count() > MAX_ERROR_MESSAGE {
        msg.push('…');
    }
    if msg.is_empty() {
        msg = status
            .canonical_reason()
            .unwrap_or("no message")
            .to_string();
    }
    msg
}

/// A rustls error anywhere in the source chain, as text.
pub(crate) fn find_tls_error(e: &(dyn std::error::Error + 'static)) -> Option<String> {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        if let Some(tls) = err.downcast_ref::<rustls::Error>() {
            return Some(tls.to_string());
        }
        // `io::Error::source` skips the wrapped error itself, so look inside.
        if let Some(io) = err.downcast_ref::<std::io::Error>()
            && let Some(inner) = io.get_ref()
        {
            if let Some(tls) = inner.downcast_ref::<rustls::Error>() {
                return Some(tls.to_string());
            }
            if let Some(found) = find_tls_error(inner) {
                return Some(found);
            }
        }
        cur = err.source();
    }
    None
}

/// `a: b: c` of an error and its sources, skipping repeats.
pub(crate) fn error_chain(e: &(dyn std::error::Error + 'static)) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        let s = err.to_string();
        if !parts.iter().any(|p| p.contains(&s)) {
            parts.push(s);
        }
        cur = err.source();
    }
    parts.join(": ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_forms_are_normalised() {
        for (given, want) in [
            ("https://kbs:9443", "https://kbs:9443/"),
            ("https://kbs:9443/", "https://kbs:9443/"),
            ("https://kbs:9443/kbs/v1", "https://kbs:9443/"),
            ("https://kbs:9443/kbs/v1/", "https://kbs:9443/"),
            ("https://gw/prefix/kbs/v1/", "https://gw/prefix"),
            ("  https://kbs  ", "https://kbs/"),
        ] {
            assert_eq!(normalise_base(given).unwrap().as_str(), want, "{given}");
        }
    }

    #[test]
    fn bad_urls_are_refused() {
        for bad in [
            "http://kbs:9443",
            "kbs:9443",
            "",
            "https://u:p@kbs/",
            "https://kbs/?a=b",
        ] {
            assert!(
                matches!(normalise_base(bad), Err(Error::Config(_))),
                "{bad:?} accepted"
            );
        }
    }

    fn client(url: &str) -> KbsClient {
        KbsClient {
            http: reqwest::Client::builder()
                .tls_backend_preconfigured(tls_config(Vec::new(), "test").unwrap())
                .build()
                .unwrap(),
            base: normalise_base(url).unwrap(),
            token: None,
        }
    }

    #[test]
    fn urls_are_built_with_encoded_queries() {
        let c = client("https://kbs:9443/kbs/v1/");
        assert_eq!(
            c.url(&["keys"], &[]).as_str(),
            "https://kbs:9443/kbs/v1/keys"
        );
        assert_eq!(
            c.url(
                &["saml-certificates"],
                &[("subjectContains", "a b&c".into())]
            )
            .as_str(),
            "https://kbs:9443/kbs/v1/saml-certificates?subjectContains=a+b%26c"
        );
        let c = client("https://gw/prefix");
        assert_eq!(
            c.url(&["version"], &[]).as_str(),
            "https://gw/prefix/kbs/v1/version"
        );
    }

    #[test]
    fn statuses_map_to_variants() {
        let e =
            |s: u16, body: &str| status_error(StatusCode::from_u16(s).unwrap(), body.as_bytes());
        assert!(matches!(e(401, "no\n"), Error::Unauthorized(m) if m == "no"));
        assert!(matches!(e(403, ""), Error::Unauthorized(m) if m == "Forbidden"));
        assert!(matches!(e(404, "gone"), Error::NotFound(_)));
        assert!(matches!(e(409, "dup"), Error::Conflict(_)));
        assert!(matches!(e(415, "x"), Error::BadRequest { status: 415, .. }));
        assert!(matches!(e(503, "x"), Error::Server { status: 503, .. }));
        assert!(matches!(e(302, "x"), Error::Decode(_)));
    }

    #[test]
    fn server_messages_are_sanitised() {
        let msg = server_message(StatusCode::BAD_REQUEST, b"bad\x1b[31m thing\r\n");
        assert_eq!(msg, "bad [31m thing");
        let long = vec![b'a'; 5000];
        let msg = server_message(StatusCode::BAD_REQUEST, &long);
        assert_eq!(msg.chars().count(), MAX_ERROR_MESSAGE + 1);
    }

    #[test]
    fn debug_redacts_the_token() {
        let mut c = client("https://kbs");
        c.token = Some(Token(HeaderValue::from_static("Bearer sekrit-token")));
        let dbg = format!("{c:?}");
        assert!(!dbg.contains("sekrit"), "{dbg}");
        assert!(dbg.contains("redacted"), "{dbg}");
    }

    #[test]
    fn pem_without_certificates_is_refused() {
        assert!(matches!(
            ca_certs_from_pem(b"hello", "x.pem"),
            Err(Error::Config(_))
        ));
    }
}
