//! The HTTPS core every typed client ([`crate::client::KbsClient`], [`crate::hvs::HvsClient`],
//! [`crate::wls::WlsClient`]) is a thin wrapper over, and the one [`Error`] they all return.
//!
//! A [`ServiceClient`] trusts exactly the CA certificates it is given (there is no way to turn
//! certificate verification off), speaks HTTP/2 or HTTP/1.1 over rustls with the `ring`
//! provider, refuses plain `http://` so that a bearer token never travels in clear text, follows
//! no redirects, has connect and request timeouts and never shows its token in `Debug` output
//! or errors.
//!
//! Call [`install_crypto_provider`] once at process start (the client itself does not depend on
//! a process-wide provider, but other rustls users in the process may).

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

// ----- services ---------------------------------------------------------------------------

/// The secl service a client talks to; errors name it and their hints speak its flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Service {
    Kbs,
    Hvs,
    Wls,
}

impl Service {
    /// `KBS`, `HVS`, `WLS`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Kbs => "KBS",
            Self::Hvs => "HVS",
            Self::Wls => "WLS",
        }
    }

    /// The `secl` flag that names the server's URL.
    fn url_flag(self) -> &'static str {
        match self {
            Self::Kbs => "--kbs-url",
            Self::Hvs => "--hvs-url",
            Self::Wls => "--wls-url",
        }
    }

    fn tls_hint(self) -> String {
        match self {
            Self::Kbs => "check that --ca-cert names the CA certificate (PEM) that issued the KBS \
                          TLS certificate, and that the URL host matches a name in that \
                          certificate"
                .to_string(),
            Self::Hvs | Self::Wls => format!(
                "check that --{s}-ca-cert names the CA certificate (PEM) that issued the {S} TLS \
                 certificate (the {S} writes it to tls-ca.pem in its data directory), and that \
                 the URL host matches a name in that certificate",
                s = self.name().to_ascii_lowercase(),
                S = self.name()
            ),
        }
    }

    fn token_hint(self) -> &'static str {
        match self {
            Self::Kbs => {
                "check the bearer token (SECL_KBS_TOKEN or --token-file) and that it carries the \
                 permission this operation needs"
            }
            Self::Hvs => {
                "check the HVS admin token (SECL_HVS_TOKEN or --hvs-token-file; the HVS writes it \
                 to admin.token in its data directory)"
            }
            Self::Wls => {
                "check the WLS token (SECL_WLS_TOKEN or --wls-token-file; the WLS writes its \
                 admin token to admin.token in its data directory) and its permissions"
            }
        }
    }

    fn decode_hint(self) -> String {
        let what = match self {
            Self::Kbs => "a secl or SecL KBS",
            Self::Hvs => "a secl HVS",
            Self::Wls => "a secl WLS",
        };
        format!(
            "check that {} points at {what} of a matching version",
            self.url_flag()
        )
    }
}

impl fmt::Display for Service {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

// ----- errors -----------------------------------------------------------------------------

/// What went wrong, in words for people (a server's message made safe for a terminal, or ours),
/// and the service it concerns. Displays as the text alone; compares equal to its text.
#[derive(Clone, PartialEq, Eq)]
pub struct Message {
    service: Service,
    text: String,
}

impl Message {
    pub fn new(service: Service, text: impl Into<String>) -> Self {
        Self {
            service,
            text: text.into(),
        }
    }

    pub fn service(&self) -> Service {
        self.service
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }
}

impl std::ops::Deref for Message {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl fmt::Debug for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {:?}", self.service, self.text)
    }
}

impl PartialEq<str> for Message {
    fn eq(&self, other: &str) -> bool {
        self.text == other
    }
}

impl PartialEq<&str> for Message {
    fn eq(&self, other: &&str) -> bool {
        self.text == *other
    }
}

impl PartialEq<String> for Message {
    fn eq(&self, other: &String) -> bool {
        &self.text == other
    }
}

/// What can go wrong talking to a KBS, HVS or WLS. Every variant carries a message meant for
/// people that names the service where it matters; [`Error::hint`] suggests a fix.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The server could not be reached (refused, unresolvable, timed out, connection dropped).
    #[error("cannot reach the {service} at {url}: {reason}")]
    Connect {
        service: Service,
        url: String,
        reason: String,
    },
    /// The TLS handshake failed, usually because the server certificate is not trusted.
    #[error("TLS failure talking to the {service} at {url}: {reason}")]
    Tls {
        service: Service,
        url: String,
        reason: String,
    },
    /// 401: no token, or one the server does not accept.
    #[error("not authorized: {0}")]
    Unauthorized(Message),
    /// 403: a valid token without the permission the operation needs.
    #[error("not authorized: {0}")]
    Forbidden(Message),
    /// 404.
    #[error("not found: {0}")]
    NotFound(Message),
    /// 409.
    #[error("conflict: {0}")]
    Conflict(Message),
    /// Any other 4xx.
    #[error("the {} refused the request (HTTP {status}): {msg}", msg.service())]
    BadRequest { status: u16, msg: Message },
    /// 5xx.
    #[error("the {} failed (HTTP {status}): {msg}", msg.service())]
    Server { status: u16, msg: Message },
    /// The answer was not what the API promises.
    #[error("unexpected answer from the {service}: {0}", service = .0.service())]
    Decode(Message),
    /// The client could not be set up (bad URL, unreadable CA file, ...).
    #[error("{0}")]
    Config(String),
}

impl Error {
    /// The service the failure concerns; `None` for a client that could not be set up.
    pub fn service(&self) -> Option<Service> {
        match self {
            Error::Connect { service, .. } | Error::Tls { service, .. } => Some(*service),
            Error::Unauthorized(m)
            | Error::Forbidden(m)
            | Error::NotFound(m)
            | Error::Conflict(m)
            | Error::Decode(m)
            | Error::BadRequest { msg: m, .. }
            | Error::Server { msg: m, .. } => Some(m.service()),
            Error::Config(_) => None,
        }
    }

    /// A suggestion for how to fix the problem, if there is a useful one.
    pub fn hint(&self) -> Option<String> {
        match self {
            Error::Connect { service, url, .. } => Some(format!(
                "check that the {service} is running and reachable at {url}, or pass the right {}",
                service.url_flag()
            )),
            Error::Tls { service, .. } => Some(service.tls_hint()),
            Error::Unauthorized(m) | Error::Forbidden(m) => {
                Some(m.service().token_hint().to_string())
            }
            Error::NotFound(_) => Some("check the ID (list commands show existing IDs)".into()),
            Error::Conflict(_) | Error::BadRequest { .. } => None,
            Error::Server { msg, .. } => Some(format!("see the {} log for details", msg.service())),
            Error::Decode(m) => Some(m.service().decode_hint()),
            Error::Config(_) => None,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Maps an error status and its `text/plain` body.
pub(crate) fn status_error(service: Service, status: StatusCode, body: &[u8]) -> Error {
    let msg = Message::new(service, server_message(status, body));
    match status.as_u16() {
        401 => Error::Unauthorized(msg),
        403 => Error::Forbidden(msg),
        404 => Error::NotFound(msg),
        409 => Error::Conflict(msg),
        s @ 400..=499 => Error::BadRequest { status: s, msg },
        s @ 500..=599 => Error::Server { status: s, msg },
        s => Error::Decode(Message::new(
            service,
            format!("unexpected HTTP status {s}: {msg}"),
        )),
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
pub fn find_tls_error(e: &(dyn std::error::Error + 'static)) -> Option<String> {
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        if let Some(tls) = err.downcast_ref::<rustls::Error>() {
            return Some(tls.to_string());
        }
        // `io::Error::source` skips the wrapped error itself, so look inside.
        if let Some(io) = err.downcast_ref::<std::io::Error>()
            && let Some(inner) = io.get_ref()
            && let Some(found) = find_tls_error(inner)
        {
            return Some(found);
        }
        cur = err.source();
    }
    None
}

/// A failed request in words: timed out, cannot connect or failed, then every cause (the TLS
/// reason is a few levels down).
pub fn describe(e: &reqwest::Error) -> String {
    let mut text = if e.is_timeout() {
        "timed out".to_string()
    } else if e.is_connect() {
        "cannot connect".to_string()
    } else {
        "request failed".to_string()
    };
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
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

// ----- setup ------------------------------------------------------------------------------

/// Reads every `CERTIFICATE` block of a PEM file.
fn read_ca_certs(ca_pem: &Path) -> Result<Vec<CertificateDer<'static>>> {
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

/// How a [`verified_client`] behaves beyond its trust anchors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientSettings {
    /// Time allowed to open a TCP connection and finish the TLS handshake.
    pub connect_timeout: Duration,
    /// Time allowed for one whole request, answer included.
    pub timeout: Duration,
    pub user_agent: &'static str,
    /// Offer HTTP/2 by ALPN (with HTTP/1.1 as the fallback); without it, HTTP/1.1 only.
    pub http2: bool,
}

/// Why [`verified_client`] could not set a client up; each caller words it for its users.
#[derive(Debug, thiserror::Error)]
pub enum ClientSetupError {
    /// A trust anchor rustls cannot use.
    #[error("unusable CA certificate: {0}")]
    Certificate(rustls::Error),
    #[error("TLS setup failed: {0}")]
    Tls(rustls::Error),
    #[error("cannot set up the HTTPS client: {0}")]
    Client(reqwest::Error),
}

/// An HTTPS-only client over rustls (`ring` provider) that trusts exactly `certs` and nothing
/// else (there is no way to turn verification off) and follows no redirects: the one way secl
/// builds a client, whether a CLI talks to a server or a server to another.
pub fn verified_client(
    certs: Vec<CertificateDer<'static>>,
    settings: &ClientSettings,
) -> std::result::Result<reqwest::Client, ClientSetupError> {
    let mut roots = rustls::RootCertStore::empty();
    for cert in certs {
        roots.add(cert).map_err(ClientSetupError::Certificate)?;
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(ClientSetupError::Tls)?
        .with_root_certificates(roots)
        .with_no_client_auth();
    if settings.http2 {
        tls.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    }
    reqwest::Client::builder()
        .tls_backend_preconfigured(tls)
        .https_only(true)
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(settings.connect_timeout)
        .timeout(settings.timeout)
        .user_agent(settings.user_agent)
        .build()
        .map_err(ClientSetupError::Client)
}

/// Normalises the URL of `service`, whose API lives under one of `api_paths` (e.g. `/kbs/v1`):
/// an `https` URL without credentials, query or fragment, with those API paths and the trailing
/// `/` cut, so that `https://kbs:9443`, `https://kbs:9443/` and SecL's `https://kbs:9443/kbs/v1/`
/// all mean the same server.
pub(crate) fn normalise_base(url: &str, api_paths: &[&str], service: Service) -> Result<Url> {
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
    let mut path = base.path().trim_end_matches('/');
    for api in api_paths {
        if let Some(prefix) = path.strip_suffix(api) {
            path = prefix;
        }
    }
    let path = path.to_string();
    base.set_path(&path);
    Ok(base)
}

/// The `Authorization` header value of a bearer token, marked sensitive.
fn bearer_header(token: &str) -> Result<HeaderValue> {
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

/// The HTTPS client every typed client uses: trusts exactly `certs`, HTTP/2 or HTTP/1.1,
/// timeouts.
fn http_client(certs: Vec<CertificateDer<'static>>, what: &str) -> Result<reqwest::Client> {
    let settings = ClientSettings {
        connect_timeout: CONNECT_TIMEOUT,
        timeout: REQUEST_TIMEOUT,
        user_agent: concat!("secl/", env!("CARGO_PKG_VERSION")),
        http2: true,
    };
    verified_client(certs, &settings).map_err(|e| match e {
        ClientSetupError::Certificate(_) => Error::Config(format!("{what}: {e}")),
        _ => Error::Config(e.to_string()),
    })
}

// ----- the client -------------------------------------------------------------------------

/// A bearer token. Never shown by `Debug`.
#[derive(Clone)]
struct Token(HeaderValue);

/// An HTTPS client for one secl service: its base URL, the reqwest client and the bearer token.
#[derive(Clone)]
pub struct ServiceClient {
    service: Service,
    http: reqwest::Client,
    /// Scheme, host, port and any path prefix, without a trailing `/` and without the API path.
    base: Url,
    token: Option<Token>,
}

impl fmt::Debug for ServiceClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ServiceClient")
            .field("service", &self.service)
            .field("base", &self.base.as_str())
            .field("token", &self.token.as_ref().map(|_| "<redacted>"))
            .finish_non_exhaustive()
    }
}

impl ServiceClient {
    /// A client for `service` at `url` that trusts exactly the CA certificates `certs` (`what`
    /// names them in errors); the API paths `api_paths` are cut from the end of `url`. `token` is
    /// the bearer token, if any.
    pub fn new(
        service: Service,
        url: &str,
        api_paths: &[&str],
        certs: Vec<CertificateDer<'static>>,
        what: &str,
        token: Option<&str>,
    ) -> Result<Self> {
        let base = normalise_base(url, api_paths, service)?;
        let http = http_client(certs, what)?;
        let token = token.map(bearer_header).transpose()?.map(Token);
        Ok(Self {
            service,
            http,
            base,
            token,
        })
    }

    /// Like [`ServiceClient::new`] with the CA certificates read from the PEM file `ca_pem`.
    pub fn with_ca_file(
        service: Service,
        url: &str,
        api_paths: &[&str],
        ca_pem: &Path,
        token: Option<&str>,
    ) -> Result<Self> {
        let certs = read_ca_certs(ca_pem)?;
        let what = ca_pem.display().to_string();
        Self::new(service, url, api_paths, certs, &what, token)
    }

    pub fn service(&self) -> Service {
        self.service
    }

    /// The server's base URL as normalised (without the API path).
    pub fn base_url(&self) -> &str {
        self.base.as_str()
    }

    /// URL of `<api>/<segments...>` (each segment percent-encoded) with the query pairs.
    pub fn url(&self, api: &str, segments: &[&str], query: &[(&str, String)]) -> Url {
        let mut url = self.base.clone();
        // `https` URLs always have a base, so `path_segments_mut` succeeds.
        if let Ok(mut path) = url.path_segments_mut() {
            path.pop_if_empty();
            path.extend(api.split('/').filter(|s| !s.is_empty()));
            path.extend(segments);
        }
        if !query.is_empty() {
            url.query_pairs_mut()
                .extend_pairs(query.iter().map(|(k, v)| (k, v)));
        }
        url
    }

    /// A request that carries the bearer token (if the client has one).
    pub fn request(&self, method: Method, url: Url, accept: &str) -> RequestBuilder {
        let rb = self.anonymous(method, url, accept);
        match &self.token {
            Some(Token(value)) => rb.header(AUTHORIZATION, value.clone()),
            None => rb,
        }
    }

    /// A request that never carries the token (for unauthenticated routes such as `version`).
    pub fn anonymous(&self, method: Method, url: Url, accept: &str) -> RequestBuilder {
        self.http.request(method, url).header(ACCEPT, accept)
    }

    /// `rb` with `body` as its JSON body.
    pub fn with_json<B: Serialize + ?Sized>(
        &self,
        rb: RequestBuilder,
        body: &B,
    ) -> Result<RequestBuilder> {
        let bytes = serde_json::to_vec(body)
            .map_err(|e| Error::Config(format!("cannot encode the request: {e}")))?;
        Ok(rb.header(CONTENT_TYPE, media::JSON).body(bytes))
    }

    /// Sends the request; transport failures and error statuses become [`Error`]s.
    pub async fn send(&self, rb: RequestBuilder) -> Result<Response> {
        let resp = rb.send().await.map_err(|e| self.transport_error(&e))?;
        let status = resp.status();
        if status.is_success() {
            return Ok(resp);
        }
        let body = resp.bytes().await.unwrap_or_default();
        Err(status_error(self.service, status, &body))
    }

    /// The answer's body.
    pub async fn bytes(&self, rb: RequestBuilder) -> Result<Vec<u8>> {
        let resp = self.send(rb).await?;
        let body = resp.bytes().await.map_err(|e| self.transport_error(&e))?;
        Ok(body.to_vec())
    }

    /// The answer's body as UTF-8 text; `what` names it in errors.
    pub async fn text(&self, rb: RequestBuilder, what: &str) -> Result<String> {
        String::from_utf8(self.bytes(rb).await?)
            .map_err(|_| self.decode_error(format!("{what} is not UTF-8 text")))
    }

    /// The answer's body as JSON.
    pub async fn json<T: DeserializeOwned>(&self, rb: RequestBuilder) -> Result<T> {
        let body = self.bytes(rb).await?;
        serde_json::from_slice(&body).map_err(|e| self.decode_error(format!("bad JSON: {e}")))
    }

    /// Sends the request and ignores the answer's body.
    pub async fn empty(&self, rb: RequestBuilder) -> Result<()> {
        self.send(rb).await.map(drop)
    }

    /// An [`Error::Decode`] about this client's service.
    pub fn decode_error(&self, text: impl Into<String>) -> Error {
        Error::Decode(Message::new(self.service, text))
    }

    fn transport_error(&self, e: &reqwest::Error) -> Error {
        let service = self.service;
        let url = self.base.to_string();
        if let Some(reason) = find_tls_error(e) {
            return Error::Tls {
                service,
                url,
                reason,
            };
        }
        if e.is_timeout() {
            return Error::Connect {
                service,
                url,
                reason: "timed out".into(),
            };
        }
        if e.is_decode() || e.is_body() {
            return self.decode_error(error_chain(e));
        }
        Error::Connect {
            service,
            url,
            reason: error_chain(e),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A client for `url` with no trusted CA (never connects in unit tests).
    pub(crate) fn client(service: Service, url: &str, api: &[&str]) -> ServiceClient {
        ServiceClient::new(service, url, api, Vec::new(), "test", None).unwrap()
    }

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
            let base = normalise_base(given, &["/kbs/v1"], Service::Kbs).unwrap();
            assert_eq!(base.as_str(), want, "{given}");
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
                matches!(
                    normalise_base(bad, &["/kbs/v1"], Service::Kbs),
                    Err(Error::Config(_))
                ),
                "{bad:?} accepted"
            );
        }
    }

    #[test]
    fn urls_are_built_with_encoded_segments_and_queries() {
        let c = client(Service::Kbs, "https://gw/p/kbs/v1/", &["/kbs/v1"]);
        assert_eq!(
            c.url("/kbs/v1", &["keys", "a/b"], &[("q", "a b&c".into())])
                .as_str(),
            "https://gw/p/kbs/v1/keys/a%2Fb?q=a+b%26c"
        );
    }

    #[test]
    fn statuses_map_to_variants() {
        let e = |s: u16, body: &str| {
            status_error(
                Service::Kbs,
                StatusCode::from_u16(s).unwrap(),
                body.as_bytes(),
            )
        };
        assert!(matches!(e(401, "no\n"), Error::Unauthorized(m) if m == "no"));
        assert!(matches!(e(403, ""), Error::Forbidden(m) if m == "Forbidden"));
        assert!(matches!(e(404, "gone"), Error::NotFound(_)));
        assert!(matches!(e(409, "dup"), Error::Conflict(_)));
        assert!(matches!(e(415, "x"), Error::BadRequest { status: 415, .. }));
        assert!(matches!(e(503, "x"), Error::Server { status: 503, .. }));
        assert!(matches!(e(302, "x"), Error::Decode(_)));
        assert_eq!(e(403, "no").to_string(), "not authorized: no");
    }

    #[test]
    fn errors_name_their_service() {
        for (service, flag) in [
            (Service::Kbs, "--kbs-url"),
            (Service::Hvs, "--hvs-url"),
            (Service::Wls, "--wls-url"),
        ] {
            let e = status_error(service, StatusCode::BAD_REQUEST, b"");
            assert_eq!(
                e.to_string(),
                format!(
                    "the {} refused the request (HTTP 400): Bad Request",
                    service.name()
                )
            );
            assert_eq!(e.service(), Some(service));
            let e = Error::Decode(Message::new(service, "x"));
            assert!(e.hint().unwrap().contains(flag), "{e:?}");
            let e = status_error(service, StatusCode::UNAUTHORIZED, b"x");
            let env = format!("SECL_{}_TOKEN", service.name());
            assert!(e.hint().unwrap().contains(&env), "{e:?}");
        }
    }

    #[test]
    fn hints_are_the_services_own() {
        let tls = |service| {
            Error::Tls {
                service,
                url: "u".into(),
                reason: "r".into(),
            }
            .hint()
            .unwrap()
        };
        assert_eq!(
            tls(Service::Kbs),
            "check that --ca-cert names the CA certificate (PEM) that issued the KBS TLS \
             certificate, and that the URL host matches a name in that certificate"
        );
        assert_eq!(
            tls(Service::Wls),
            "check that --wls-ca-cert names the CA certificate (PEM) that issued the WLS TLS \
             certificate (the WLS writes it to tls-ca.pem in its data directory), and that the \
             URL host matches a name in that certificate"
        );
        let connect = Error::Connect {
            service: Service::Hvs,
            url: "https://h/".into(),
            reason: "r".into(),
        };
        assert_eq!(
            connect.hint().unwrap(),
            "check that the HVS is running and reachable at https://h/, or pass the right --hvs-url"
        );
        assert_eq!(connect.to_string(), "cannot reach the HVS at https://h/: r");
        let decode = Error::Decode(Message::new(Service::Kbs, "bad JSON"));
        assert_eq!(
            decode.to_string(),
            "unexpected answer from the KBS: bad JSON"
        );
        assert_eq!(
            decode.hint().unwrap(),
            "check that --kbs-url points at a secl or SecL KBS of a matching version"
        );
        let server = Error::Server {
            status: 502,
            msg: Message::new(Service::Wls, "down"),
        };
        assert_eq!(server.to_string(), "the WLS failed (HTTP 502): down");
        assert_eq!(server.hint().unwrap(), "see the WLS log for details");
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
        let c = ServiceClient::new(
            Service::Hvs,
            "https://hvs",
            &[],
            Vec::new(),
            "t",
            Some("sekrit-token"),
        )
        .unwrap();
        let dbg = format!("{c:?}");
        assert!(!dbg.contains("sekrit"), "{dbg}");
        assert!(dbg.contains("redacted"), "{dbg}");
    }

    #[test]
    fn bad_tokens_are_refused_without_echoing_them() {
        for bad in ["  ", "a\nb-sekrit"] {
            let e = ServiceClient::new(Service::Kbs, "https://k", &[], Vec::new(), "t", Some(bad))
                .unwrap_err();
            assert!(matches!(e, Error::Config(_)), "{e}");
            assert!(!e.to_string().contains("sekrit"), "{e}");
        }
    }

    #[test]
    fn pem_without_certificates_is_refused() {
        assert!(matches!(
            ca_certs_from_pem(b"hello", "x.pem"),
            Err(Error::Config(_))
        ));
    }
}
