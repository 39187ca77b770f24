//! The trust-agent HTTPS API HVS calls: host information, the AIK certificate, the binding-key
//! certificate, TPM quotes and SecL's asset-tag write. Every route needs the bearer token.
//!
//! Asset tag: `POST /v2/tag` writes the SHA-384 digest of the host's tag certificate into TPM
//! NV index 0x01c10110 (SecL's). A quote then reports it as `asset_tag` and binds it: the
//! quote's extraData is SHA-256(nonce ‖ tag) instead of the nonce, so the digest the HVS
//! compares is the one the agent claimed when the TPM signed.

use std::collections::BTreeSet;
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use secl_service::http::{ApiError, bearer, require_accept};
use secl_tpm::{KeyBlobs, PCR_COUNT, PcrBank};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::host::HostInfo;

/// Largest request body: a quote request is well under 1 KiB.
const MAX_BODY: usize = 16 * 1024;
/// Largest nonce TPM2_Quote takes as extraData (TPM2B_DATA of a SHA-512-capable TPM).
pub const MAX_NONCE: usize = 64;

/// What the routes share.
pub struct AgentState {
    /// The bearer token every request must present.
    pub token: String,
    /// The TPM, opened per call.
    pub tpm: crate::storage_primary::TpmAccess,
    pub aik: KeyBlobs,
    pub aik_cert_der: Vec<u8>,
    pub binding_cert_pem: Vec<u8>,
    pub host: HostInfo,
    /// swtpm and raw TPMs serve one client at a time: one TPM session at a time (shared with
    /// the key provider).
    pub tpm_lock: crate::keyprovider::TpmLock,
}

impl std::fmt::Debug for AgentState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AgentState")
            .field("tpm", &self.tpm)
            .finish_non_exhaustive()
    }
}

/// The router with authentication and a body limit.
pub fn router(state: Arc<AgentState>) -> Router {
    Router::new()
        .route("/v2/host", get(host))
        .route("/v2/aik", get(aik))
        .route("/v2/binding-key-certificate", get(binding_key_certificate))
        .route("/v2/tpm/quote", post(quote))
        .route("/v2/tag", post(write_tag))
        .fallback(|| async { ApiError::not_found("Not found") })
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(middleware::from_fn_with_state(state.clone(), authenticate))
        .with_state(state)
}

/// Compares SHA-256 digests, so the time taken says nothing about the token or its length.
fn token_matches(presented: &str, expected: &str) -> bool {
    let a = Sha256::digest(presented.as_bytes());
    let b = Sha256::digest(expected.as_bytes());
    a.iter()
        .zip(b.iter())
        .fold(0u8, |acc, (x, y)| acc | (x ^ y))
        == 0
}

async fn authenticate(
    State(state): State<Arc<AgentState>>,
    request: Request,
    next: Next,
) -> Response {
    match bearer(request.headers()) {
        Some(t) if token_matches(t, &state.token) => next.run(request).await,
        Some(_) => ApiError::unauthorized("Invalid token").into_response(),
        None => ApiError::unauthorized("Missing bearer token").into_response(),
    }
}

async fn host(
    State(state): State<Arc<AgentState>>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    require_accept(&headers, "application/json")?;
    Ok(axum::Json(state.host.clone()).into_response())
}

async fn aik(State(state): State<Arc<AgentState>>) -> Response {
    (
        [(header::CONTENT_TYPE, "application/pkix-cert")],
        state.aik_cert_der.clone(),
    )
        .into_response()
}

async fn binding_key_certificate(State(state): State<Arc<AgentState>>) -> Response {
    (
        [(header::CONTENT_TYPE, "application/x-pem-file")],
        state.binding_cert_pem.clone(),
    )
        .into_response()
}

/// `POST /v2/tpm/quote` request.
#[derive(Debug, Serialize, Deserialize)]
pub struct QuoteRequest {
    /// 1 to 64 bytes, base64; becomes the quote's extraData.
    pub nonce: String,
    /// PCR indices 0..=23, each once.
    pub pcrs: Vec<u8>,
    /// Only `SHA256`.
    #[serde(default = "sha256")]
    pub pcr_bank: String,
}

fn sha256() -> String {
    "SHA256".into()
}

/// One quoted PCR.
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct PcrValue {
    pub index: u8,
    /// Lower-case hex.
    pub value: String,
}

/// `POST /v2/tpm/quote` answer.
#[derive(Debug, Serialize, Deserialize)]
pub struct QuoteResponse {
    /// TPMS_ATTEST, base64.
    pub quote: String,
    /// TPMT_SIGNATURE, base64.
    pub signature: String,
    pub pcrs: Vec<PcrValue>,
    /// The asset-tag NV contents, base64, when the index is defined; the quote's extraData is
    /// then [`tagged_nonce`] rather than the nonce.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asset_tag: Option<String>,
}

/// The extraData of a quote made while an asset tag is deployed (see the module docs).
pub use secl_attest::verify::asset_tag_nonce as tagged_nonce;

/// SecL's TagWriteRequest: the SHA-384 digest of the tag certificate and the hardware UUID
/// of the host it was made for.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TagWriteRequest {
    tag: String,
    hardware_uuid: String,
}

/// Length of a SHA-384 digest, the only asset tag SecL writes.
const TAG_LEN: usize = 48;

/// A checked tag write: the 48-byte digest, refused when it was made for another host.
fn parse_tag_request(body: &[u8], own_uuid: &str) -> Result<Vec<u8>, ApiError> {
    let req: TagWriteRequest = serde_json::from_slice(body)
        .map_err(|e| ApiError::bad_request(format!("Invalid tag request: {e}")))?;
    let tag = B64
        .decode(req.tag.trim())
        .map_err(|_| ApiError::bad_request("Invalid tag request: tag is not base64"))?;
    if tag.len() != TAG_LEN {
        return Err(ApiError::bad_request(format!(
            "Invalid tag request: tag of {} bytes (a SHA-384 digest has {TAG_LEN})",
            tag.len()
        )));
    }
    let hw = uuid::Uuid::try_parse(req.hardware_uuid.trim())
        .map_err(|_| ApiError::bad_request("Invalid tag request: hardware_uuid is not a UUID"))?;
    if !hw.to_string().eq_ignore_ascii_case(own_uuid.trim()) {
        return Err(ApiError::bad_request(
            "Invalid tag request: the tag was made for another host's hardware UUID",
        ));
    }
    Ok(tag)
}

/// `POST /v2/tag`: the asset tag goes into the TPM (NV index 0x01c10110, replaced).
async fn write_tag(
    State(state): State<Arc<AgentState>>,
    body: Bytes,
) -> Result<Response, ApiError> {
    let tag = parse_tag_request(&body, &state.host.hardware_uuid)?;
    let _one_at_a_time = state.tpm_lock.lock().await;
    let st = state.clone();
    let result = tokio::task::spawn_blocking(move || {
        let mut tpm = st.tpm.open()?;
        tpm.nv_replace(secl_tpm::ASSET_TAG_NV_INDEX, &tag)
    })
    .await
    .map_err(|e| {
        tracing::error!("tag task failed: {e}");
        ApiError::internal()
    })?;
    match result {
        Ok(()) => {
            tracing::info!("asset tag written to NV index 0x01c10110");
            Ok(StatusCode::OK.into_response())
        }
        Err(e) => {
            tracing::error!("writing the asset tag failed: {e}");
            Err(ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Writing the asset tag to the TPM failed",
            ))
        }
    }
}

/// A checked quote request: (nonce, PCR indices ascending, bank).
fn parse_quote_request(body: &[u8]) -> Result<(Vec<u8>, Vec<u8>, PcrBank), ApiError> {
    let req: QuoteRequest = serde_json::from_slice(body)
        .map_err(|e| ApiError::bad_request(format!("Invalid quote request: {e}")))?;
    let nonce = B64
        .decode(req.nonce.trim())
        .map_err(|_| ApiError::bad_request("Invalid quote request: nonce is not base64"))?;
    if nonce.is_empty() || nonce.len() > MAX_NONCE {
        return Err(ApiError::bad_request(format!(
            "Invalid quote request: nonce of {} bytes (1 to {MAX_NONCE})",
            nonce.len()
        )));
    }
    if req.pcrs.is_empty() {
        return Err(ApiError::bad_request(
            "Invalid quote request: no PCRs selected",
        ));
    }
    let mut seen = BTreeSet::new();
    for &i in &req.pcrs {
        if i >= PCR_COUNT {
            return Err(ApiError::bad_request(format!(
                "Invalid quote request: PCR {i} (PCRs are 0 to {})",
                PCR_COUNT - 1
            )));
        }
        if !seen.insert(i) {
            return Err(ApiError::bad_request(format!(
                "Invalid quote request: PCR {i} selected twice"
            )));
        }
    }
    let bank = match req.pcr_bank.to_ascii_uppercase().replace('-', "").as_str() {
        "SHA256" => PcrBank::Sha256,
        other => {
            return Err(ApiError::bad_request(format!(
                "Invalid quote request: PCR bank {other:?} (only SHA256)"
            )));
        }
    };
    Ok((nonce, seen.into_iter().collect(), bank))
}

async fn quote(
    State(state): State<Arc<AgentState>>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    require_accept(&headers, "application/json")?;
    let (nonce, pcrs, bank) = parse_quote_request(&body)?;
    let _one_at_a_time = state.tpm_lock.lock().await;
    let st = state.clone();
    let result = tokio::task::spawn_blocking(move || {
        let mut tpm = st.tpm.open()?;
        let tag = tpm.nv_read(secl_tpm::ASSET_TAG_NV_INDEX)?;
        let extra = match &tag {
            Some(t) => tagged_nonce(&nonce, t),
            None => nonce,
        };
        tpm.quote(&st.aik, &pcrs, bank, &extra).map(|q| (q, tag))
    })
    .await
    .map_err(|e| {
        tracing::error!("quote task failed: {e}");
        ApiError::internal()
    })?;
    let (quote, tag) = match result {
        Ok(q) => q,
        Err(secl_tpm::Error::InvalidArgument(m)) => {
            return Err(ApiError::bad_request(format!("Invalid quote request: {m}")));
        }
        Err(e) => {
            tracing::error!("TPM quote failed: {e}");
            return Err(ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "TPM quote failed",
            ));
        }
    };
    Ok(axum::Json(QuoteResponse {
        quote: B64.encode(&quote.attest),
        signature: B64.encode(&quote.signature),
        pcrs: quote
            .pcr_values
            .into_iter()
            .map(|(index, v)| PcrValue {
                index,
                value: hex::encode(v),
            })
            .collect(),
        asset_tag: tag.map(|t| B64.encode(t)),
    })
    .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_comparison() {
        assert!(token_matches("abc", "abc"));
        assert!(!token_matches("abd", "abc"));
        assert!(!token_matches("ab", "abc"));
        assert!(!token_matches("", "abc"));
    }

    #[test]
    fn tag_request_validation() {
        let hw = "6a4a3a8e-0000-4000-8000-000000000001";
        let tag = B64.encode([7u8; 48]);
        let ok = format!(
            r#"{{"tag":"{tag}","hardware_uuid":"{}"}}"#,
            hw.to_uppercase()
        );
        assert_eq!(parse_tag_request(ok.as_bytes(), hw).unwrap(), [7u8; 48]);
        let short = B64.encode([7u8; 32]);
        for bad in [
            "not json".to_string(),
            format!(r#"{{"tag":"{tag}"}}"#),
            format!(r#"{{"tag":"!!","hardware_uuid":"{hw}"}}"#),
            format!(r#"{{"tag":"{short}","hardware_uuid":"{hw}"}}"#),
            format!(r#"{{"tag":"{tag}","hardware_uuid":"nope"}}"#),
            format!(r#"{{"tag":"{tag}","hardware_uuid":"6a4a3a8e-0000-4000-8000-000000000002"}}"#),
            format!(r#"{{"tag":"{tag}","hardware_uuid":"{hw}","x":1}}"#),
        ] {
            let e = parse_tag_request(bad.as_bytes(), hw).unwrap_err();
            assert_eq!(e.status, StatusCode::BAD_REQUEST, "{bad}");
        }
        assert_ne!(tagged_nonce(b"n", &[1]), tagged_nonce(b"n", &[2]));
    }

    #[test]
    fn quote_request_validation() {
        let ok = br#"{"nonce":"AAEC","pcrs":[7,0,23],"pcr_bank":"SHA256"}"#;
        let (nonce, pcrs, bank) = parse_quote_request(ok).unwrap();
        assert_eq!(nonce, [0, 1, 2]);
        assert_eq!(pcrs, [0, 7, 23]);
        assert_eq!(bank, PcrBank::Sha256);
        for bad in [
            &br#"not json"#[..],
            br#"{"pcrs":[0]}"#,
            br#"{"nonce":"","pcrs":[0]}"#,
            br#"{"nonce":"!!","pcrs":[0]}"#,
            br#"{"nonce":"AAEC","pcrs":[]}"#,
            br#"{"nonce":"AAEC","pcrs":[24]}"#,
            br#"{"nonce":"AAEC","pcrs":[-1]}"#,
            br#"{"nonce":"AAEC","pcrs":[1,1]}"#,
            br#"{"nonce":"AAEC","pcrs":[1],"pcr_bank":"SHA1"}"#,
        ] {
            let e = parse_quote_request(bad).unwrap_err();
            assert_eq!(
                e.status,
                StatusCode::BAD_REQUEST,
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
        let long = format!(r#"{{"nonce":"{}","pcrs":[0]}}"#, B64.encode([0u8; 65]));
        assert!(parse_quote_request(long.as_bytes()).is_err());
    }
}
