//! The one WLS call of the key provider: `POST <wls-url>/keys` with the host's hardware UUID and
//! the image's key URL, answered with the KEK wrapped to this host's binding key (SecL v5
//! `wlsclient/keys_client.go`).

use std::path::Path;
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use reqwest::StatusCode;
use reqwest::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderValue};
use secl_api::http::describe;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::hvs::https_client;

/// Time allowed for one key request: WLS asks HVS for a fresh quote and then the KBS, so
/// more than a plain call, but bounded (ocicrypt itself never gives up).
pub const KEY_REQUEST_TIMEOUT: Duration = Duration::from_secs(90);
/// Largest answer read: a wrapped RSA-2048 KEK is 344 base64 characters.
const MAX_ANSWER: usize = 64 * 1024;
/// Longest WLS error text quoted in our errors.
const MAX_ERROR_TEXT: usize = 512;

/// A client for one WLS.
pub struct Wls {
    http: reqwest::Client,
    keys_url: String,
    auth: HeaderValue,
}

impl std::fmt::Debug for Wls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Never the token.
        f.debug_struct("Wls")
            .field("keys_url", &self.keys_url)
            .finish()
    }
}

/// Why WLS gave no wrapped key.
#[derive(Debug, thiserror::Error)]
pub enum WlsError {
    /// No answer: connection, TLS or timeout.
    #[error("POST {url}: {reason}")]
    Unreachable { url: String, reason: String },
    /// WLS answered with an error status; `message` is its text (e.g. `Failed to retrieve Key
    /// for Image - Host is untrusted`).
    #[error("WLS answered {status}: {message}")]
    Refused { status: StatusCode, message: String },
    /// A 2xx answer that is not `{"key": base64}`.
    #[error("unexpected WLS answer: {0}")]
    Malformed(String),
    /// A 2xx answer with no key in it.
    #[error("WLS returned no key")]
    Empty,
}

#[derive(Serialize)]
struct KeyRequest<'a> {
    hardware_uuid: String,
    key_url: &'a str,
}

#[derive(Deserialize)]
struct KeyResponse {
    #[serde(default)]
    key: Option<String>,
}

impl Wls {
    /// `base` is the WLS URL up to `/wls/v1` or `/wls/v2`; `ca` a PEM file whose certificates
    /// are the only trust anchors; `token_file` holds a bearer token with `keys:create`.
    pub fn new(base: &str, ca: &Path, token_file: &Path) -> Result<Wls> {
        let (http, auth) = https_client(
            "setting up the WLS client",
            "--wls-url",
            base,
            ca,
            token_file,
            KEY_REQUEST_TIMEOUT,
        )?;
        Ok(Wls {
            http,
            // Go's path.Join(base, "keys").
            keys_url: format!("{}/keys", base.trim_end_matches('/')),
            auth,
        })
    }

    /// The KBS key behind `key_url`, wrapped to this host's binding key (raw bytes).
    pub async fn wrapped_key(
        &self,
        hardware_uuid: &uuid::Uuid,
        key_url: &str,
    ) -> std::result::Result<Vec<u8>, WlsError> {
        let unreachable = |e: reqwest::Error| WlsError::Unreachable {
            url: self.keys_url.clone(),
            reason: describe(&e),
        };
        let mut response = self
            .http
            .post(&self.keys_url)
            .header(AUTHORIZATION, self.auth.clone())
            .header(CONTENT_TYPE, "application/json")
            .header(ACCEPT, "application/json")
            .json(&KeyRequest {
                hardware_uuid: hardware_uuid.to_string(),
                key_url,
            })
            .send()
            .await
            .map_err(unreachable)?;
        let status = response.status();
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(unreachable)? {
            if body.len() + chunk.len() > MAX_ANSWER {
                return Err(WlsError::Malformed(format!(
                    "{status} answer larger than {MAX_ANSWER} bytes"
                )));
            }
            body.extend_from_slice(&chunk);
        }
        if !(status == StatusCode::OK || status == StatusCode::CREATED) {
            let text = String::from_utf8_lossy(&body);
            let mut message: String = text
                .trim()
                .chars()
                .filter(|c| !c.is_control() || *c == ' ')
                .take(MAX_ERROR_TEXT)
                .collect();
            if message.is_empty() {
                message = "(no message)".into();
            }
            return Err(WlsError::Refused { status, message });
        }
        let answer: KeyResponse = serde_json::from_slice(&body)
            .map_err(|e| WlsError::Malformed(format!("not {{\"key\": base64}}: {e}")))?;
        let key = answer.key.unwrap_or_default();
        if key.trim().is_empty() {
            return Err(WlsError::Empty);
        }
        B64.decode(key.trim())
            .map_err(|e| WlsError::Malformed(format!("key is not base64: {e}")))
    }
}
