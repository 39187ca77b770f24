//! The HVS calls of provisioning: HTTPS that trusts only the given CA, a bearer token, timeouts,
//! and errors that name the step.

use std::path::Path;
use std::time::Duration;

use reqwest::header::{ACCEPT, AUTHORIZATION, HeaderValue};
use rustls_pki_types::CertificateDer;
use rustls_pki_types::pem::PemObject;
use secl_api::http::{ClientSettings, ClientSetupError, describe, verified_client};
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{Error, Result};
use crate::files;

/// Time allowed to open a connection and finish the TLS handshake.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Time allowed for one whole request, answer included.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);
/// Longest HVS error text quoted in our errors.
const MAX_ERROR_TEXT: usize = 512;

/// A client for one HVS.
pub struct Hvs {
    http: reqwest::Client,
    base: String,
    auth: HeaderValue,
}

impl std::fmt::Debug for Hvs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the token.
        f.debug_struct("Hvs").field("base", &self.base).finish()
    }
}

impl Hvs {
    /// `base` is the HVS URL up to `/hvs/v2`; `ca` a PEM file whose certificates are the only
    /// trust anchors; `token_file` holds the bearer token.
    pub fn new(base: &str, ca: &Path, token_file: &Path) -> Result<Hvs> {
        const STEP: &str = "setting up the HVS client";
        let (http, auth) = https_client(STEP, "--hvs-url", base, ca, token_file, REQUEST_TIMEOUT)?;
        Ok(Hvs {
            http,
            base: base.trim_end_matches('/').to_string(),
            auth,
        })
    }

    /// `POST {base}/{path}` with a JSON body; any 2xx answer must be the JSON `R`.
    pub async fn post<B: Serialize, R: DeserializeOwned>(
        &self,
        step: &'static str,
        path: &str,
        body: &B,
    ) -> Result<R> {
        let url = format!("{}/{path}", self.base);
        let request = self.http.post(&url).json(body);
        self.call(step, "POST", url, request).await
    }

    /// `GET {base}/{path}`; any 2xx answer must be the JSON `R`.
    pub async fn get<R: DeserializeOwned>(&self, step: &'static str, path: &str) -> Result<R> {
        let url = format!("{}/{path}", self.base);
        let request = self.http.get(&url);
        self.call(step, "GET", url, request).await
    }

    async fn call<R: DeserializeOwned>(
        &self,
        step: &'static str,
        method: &str,
        url: String,
        request: reqwest::RequestBuilder,
    ) -> Result<R> {
        let fail = |reason: String| Error::Hvs {
            step,
            reason: format!("{method} {url}: {reason}"),
        };
        let response = request
            .header(AUTHORIZATION, self.auth.clone())
            .header(ACCEPT, "application/json")
            .send()
            .await
            .map_err(|e| fail(describe(&e)))?;
        let status = response.status();
        let bytes = response.bytes().await.map_err(|e| fail(describe(&e)))?;
        if !status.is_success() {
            let text = String::from_utf8_lossy(&bytes);
            let text: String = text.trim().chars().take(MAX_ERROR_TEXT).collect();
            return Err(fail(format!("HVS answered {status}: {text}")));
        }
        serde_json::from_slice(&bytes).map_err(|e| fail(format!("unexpected answer: {e}")))
    }
}

/// An HTTPS client for `base` (`flag` names the option it came from) that trusts only the
/// certificates in the PEM file `ca`, never follows redirects and gives up after `timeout`;
/// plus the sensitive `Authorization` header made from `token_file`. Shared by the HVS and WLS
/// clients.
pub(crate) fn https_client(
    step: &'static str,
    flag: &str,
    base: &str,
    ca: &Path,
    token_file: &Path,
    timeout: Duration,
) -> Result<(reqwest::Client, HeaderValue)> {
    let invalid = |m: String| Error::Invalid(format!("{step}: {m}"));
    let url = reqwest::Url::parse(base).map_err(|e| invalid(format!("{flag} {base}: {e}")))?;
    if url.scheme() != "https" {
        return Err(invalid(format!("{flag} {base}: must be https")));
    }
    let pem = files::read(ca)?;
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(&pem)
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| invalid(format!("{}: {e}", ca.display())))?;
    if certs.is_empty() {
        return Err(invalid(format!("{}: no CERTIFICATE in it", ca.display())));
    }
    let settings = ClientSettings {
        connect_timeout: CONNECT_TIMEOUT,
        timeout,
        user_agent: concat!("secl-wla/", env!("CARGO_PKG_VERSION")),
        http2: false,
    };
    let http = verified_client(certs, &settings).map_err(|e| match e {
        ClientSetupError::Certificate(e) => invalid(format!("{}: {e}", ca.display())),
        ClientSetupError::Tls(e) => invalid(e.to_string()),
        ClientSetupError::Client(e) => invalid(e.to_string()),
    })?;
    let token = files::read_token(token_file)?;
    let mut auth = HeaderValue::from_str(&format!("Bearer {token}")).map_err(|_| {
        invalid(format!(
            "{}: the token has characters HTTP headers cannot carry",
            token_file.display()
        ))
    })?;
    auth.set_sensitive(true);
    Ok((http, auth))
}
