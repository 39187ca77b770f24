//! HVS as the client of a host's trust agent: HTTPS trusting only the CA registered for that
//! host, its bearer token, timeouts and bounded answers. Errors say what failed but never carry
//! the token.

use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use reqwest::header::{ACCEPT, AUTHORIZATION, HeaderValue};
use rustls_pki_types::CertificateDer;
use rustls_pki_types::pem::PemObject;
use secl_api::http::{ClientSettings, ClientSetupError, describe, verified_client};
use serde::{Deserialize, Serialize};

/// Time allowed to connect and finish the TLS handshake.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Time allowed for one request (a TPM quote takes a few seconds on real hardware).
const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);
/// Largest answer accepted from an agent.
const MAX_ANSWER: usize = 256 * 1024;

/// Why talking to an agent failed; the message is safe to show an admin.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct AgentError(pub String);

/// What `GET /v2/host` answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostInfo {
    pub hardware_uuid: String,
    #[serde(default)]
    pub host_name: String,
    #[serde(default)]
    pub os_name: String,
    #[serde(default)]
    pub os_version: String,
    #[serde(default)]
    pub tpm_version: String,
    #[serde(default)]
    pub bios_name: String,
    #[serde(default)]
    pub bios_version: String,
    #[serde(default)]
    pub processor_info: String,
}

#[derive(Debug, Serialize)]
struct QuoteRequest<'a> {
    nonce: String,
    pcrs: &'a [u8],
    pcr_bank: &'static str,
}

/// One quoted PCR as the agent reports it.
#[derive(Debug, Clone, Deserialize)]
pub struct PcrValue {
    pub index: u8,
    pub value: String,
}

/// What `POST /v2/tpm/quote` answers.
#[derive(Debug, Clone, Deserialize)]
pub struct QuoteResponse {
    pub quote: String,
    pub signature: String,
    pub pcrs: Vec<PcrValue>,
    /// The asset-tag NV contents, base64, when the host has one; the quote's qualifying data
    /// is then `asset_tag_nonce(nonce, tag)`.
    #[serde(default)]
    pub asset_tag: Option<String>,
}

/// A decoded quote: TPMS_ATTEST, TPMT_SIGNATURE and the PCR values the agent claims.
#[derive(Debug, Clone)]
pub struct Quote {
    pub attest: Vec<u8>,
    pub signature: Vec<u8>,
    pub pcrs: Vec<(u8, Vec<u8>)>,
    /// The asset tag the agent read from its TPM (SHA-384 of the deployed tag certificate).
    pub asset_tag: Option<Vec<u8>>,
}

/// SecL's TagWriteRequest.
#[derive(Debug, Serialize)]
struct TagWriteRequest<'a> {
    tag: String,
    hardware_uuid: &'a str,
}

/// Largest asset tag accepted from an agent (SecL writes a 48-byte SHA-384 digest).
const MAX_ASSET_TAG: usize = 512;

/// A client for one trust agent.
pub struct Agent {
    http: reqwest::Client,
    base: String,
    auth: HeaderValue,
}

impl std::fmt::Debug for Agent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Agent").field("base", &self.base).finish()
    }
}

/// The agent's base URL from a connection string: `https://HOST:PORT[/path]`, optionally with
/// SecL's `intel:` vendor prefix; nothing else (no credentials, query or fragment).
pub fn normalize_connection_string(s: &str) -> Result<String, AgentError> {
    let raw = s.trim();
    let raw = raw.strip_prefix("intel:").unwrap_or(raw);
    let url = reqwest::Url::parse(raw)
        .map_err(|e| AgentError(format!("Invalid connection_string: {e}")))?;
    if url.scheme() != "https" {
        return Err(AgentError(
            "Invalid connection_string: must be an https:// URL".into(),
        ));
    }
    if url.host_str().is_none()
        || !url.username().is_empty()
        || url.password().is_some()
        || url.query().is_some()
        || url.fragment().is_some()
    {
        return Err(AgentError(
            "Invalid connection_string: https://HOST:PORT without credentials, query or fragment"
                .into(),
        ));
    }
    Ok(url.as_str().trim_end_matches('/').to_string())
}

impl Agent {
    /// A client for the agent at `base` that trusts only the certificates in `ca_pem`.
    pub fn new(base: &str, ca_pem: &str, token: &str) -> Result<Agent, AgentError> {
        let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(ca_pem.as_bytes())
            .collect::<Result<_, _>>()
            .map_err(|e| AgentError(format!("Invalid ta_ca_pem: {e}")))?;
        if certs.is_empty() {
            return Err(AgentError("Invalid ta_ca_pem: no CERTIFICATE in it".into()));
        }
        let settings = ClientSettings {
            connect_timeout: CONNECT_TIMEOUT,
            timeout: REQUEST_TIMEOUT,
            user_agent: concat!("secl-hvs/", env!("CARGO_PKG_VERSION")),
            http2: false,
        };
        let http = verified_client(certs, &settings).map_err(|e| match e {
            ClientSetupError::Certificate(e) => AgentError(format!("Invalid ta_ca_pem: {e}")),
            ClientSetupError::Tls(e) => AgentError(e.to_string()),
            ClientSetupError::Client(e) => AgentError(e.to_string()),
        })?;
        let mut auth = HeaderValue::from_str(&format!("Bearer {token}"))
            .map_err(|_| AgentError("Invalid ta_token: not a valid header value".into()))?;
        auth.set_sensitive(true);
        Ok(Agent {
            http,
            base: base.to_string(),
            auth,
        })
    }

    async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        accept: &str,
        body: Option<Vec<u8>>,
    ) -> Result<Vec<u8>, AgentError> {
        let url = format!("{}{path}", self.base);
        let fail = |m: String| AgentError(format!("trust agent {method} {path}: {m}"));
        let mut req = self
            .http
            .request(method.clone(), &url)
            .header(AUTHORIZATION, self.auth.clone())
            .header(ACCEPT, accept);
        if let Some(b) = body {
            req = req
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .body(b);
        }
        let mut resp = req.send().await.map_err(|e| fail(describe(&e)))?;
        let status = resp.status();
        let mut bytes = Vec::new();
        while let Some(chunk) = resp.chunk().await.map_err(|e| fail(describe(&e)))? {
            if bytes.len() + chunk.len() > MAX_ANSWER {
                return Err(fail("answer too large".into()));
            }
            bytes.extend_from_slice(&chunk);
        }
        if !status.is_success() {
            let text: String = String::from_utf8_lossy(&bytes)
                .trim()
                .chars()
                .take(300)
                .collect();
            return Err(fail(format!("answered {status}: {text}")));
        }
        Ok(bytes)
    }

    pub async fn host_info(&self) -> Result<HostInfo, AgentError> {
        let b = self
            .call(reqwest::Method::GET, "/v2/host", "application/json", None)
            .await?;
        serde_json::from_slice(&b).map_err(|e| AgentError(format!("trust agent /v2/host: {e}")))
    }

    /// The AIK certificate, DER.
    pub async fn aik(&self) -> Result<Vec<u8>, AgentError> {
        self.call(reqwest::Method::GET, "/v2/aik", "*/*", None)
            .await
    }

    /// The binding-key certificate, DER (the agent sends PEM).
    pub async fn binding_key_certificate(&self) -> Result<Vec<u8>, AgentError> {
        let b = self
            .call(
                reqwest::Method::GET,
                "/v2/binding-key-certificate",
                "application/x-pem-file",
                None,
            )
            .await?;
        let text = String::from_utf8_lossy(&b);
        secl_attest::privacy_ca::pem_certificate(&text)
            .map_err(|e| AgentError(format!("trust agent /v2/binding-key-certificate: {e}")))
    }

    /// A TPM quote over `pcrs` (SHA-256 bank) with `nonce` as qualifying data.
    pub async fn quote(&self, nonce: &[u8], pcrs: &[u8]) -> Result<Quote, AgentError> {
        let body = serde_json::to_vec(&QuoteRequest {
            nonce: B64.encode(nonce),
            pcrs,
            pcr_bank: "SHA256",
        })
        .map_err(|e| AgentError(e.to_string()))?;
        let b = self
            .call(
                reqwest::Method::POST,
                "/v2/tpm/quote",
                "application/json",
                Some(body),
            )
            .await?;
        let bad = |m: String| AgentError(format!("trust agent /v2/tpm/quote: {m}"));
        let r: QuoteResponse = serde_json::from_slice(&b).map_err(|e| bad(e.to_string()))?;
        let mut values = Vec::with_capacity(r.pcrs.len());
        for p in r.pcrs {
            let v = hex::decode(p.value.trim())
                .map_err(|_| bad(format!("PCR {} value is not hex", p.index)))?;
            values.push((p.index, v));
        }
        let asset_tag = match r.asset_tag {
            Some(t) => {
                let t = B64
                    .decode(t.trim())
                    .map_err(|_| bad("asset_tag is not base64".into()))?;
                if t.is_empty() || t.len() > MAX_ASSET_TAG {
                    return Err(bad(format!("asset_tag of {} bytes", t.len())));
                }
                Some(t)
            }
            None => None,
        };
        Ok(Quote {
            asset_tag,
            attest: B64
                .decode(r.quote.trim())
                .map_err(|_| bad("quote is not base64".into()))?,
            signature: B64
                .decode(r.signature.trim())
                .map_err(|_| bad("signature is not base64".into()))?,
            pcrs: values,
        })
    }
}

impl Agent {
    /// SecL's `POST /v2/tag`: the agent writes `digest` (SHA-384 of the tag certificate) into
    /// its TPM's asset-tag NV index; it refuses a tag made for another hardware UUID.
    pub async fn write_tag(&self, digest: &[u8], hardware_uuid: &str) -> Result<(), AgentError> {
        let body = serde_json::to_vec(&TagWriteRequest {
            tag: B64.encode(digest),
            hardware_uuid,
        })
        .map_err(|e| AgentError(e.to_string()))?;
        self.call(reqwest::Method::POST, "/v2/tag", "*/*", Some(body))
            .await
            .map(drop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connection_strings() {
        assert_eq!(
            normalize_connection_string("https://127.0.0.1:1443/").unwrap(),
            "https://127.0.0.1:1443"
        );
        assert_eq!(
            normalize_connection_string("intel:https://h.example:1443").unwrap(),
            "https://h.example:1443"
        );
        for bad in [
            "http://127.0.0.1:1",
            "https://u:p@127.0.0.1:1",
            "https://127.0.0.1:1/?x=1",
            "nonsense",
        ] {
            assert!(normalize_connection_string(bad).is_err(), "{bad}");
        }
    }
}
