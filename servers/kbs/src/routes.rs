//! The `/kbs/v1` routes: authorization, media-type checks and body parsing, then one call into
//! `secl_kbs::Kbs`. Authorization happens before the body is looked at, so an unauthorized
//! caller learns nothing from validation errors.

use std::sync::Arc;

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use base64::Engine;
use secl_api::Permission;
use secl_api::kbs::{
    BASE_PATH, CertKind, KeyRequest, KeyTransferPolicyRequest, KeyTransferResponse,
    KeyTransferV4Response, TokenRequest,
};
use secl_api::media;
use secl_kbs::{AuditFilter, CertFilter, Kbs, KbsError, KeyFilter, Principal, SamlTransferError};
use secl_service::http::{
    ApiError, bearer, content_type, created, param, parse_json, query_params, require_accept,
    require_content_type,
};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use uuid::Uuid;

#[derive(Clone)]
pub struct AppState {
    pub kbs: Arc<Kbs>,
}

type ApiResult<T = Response> = Result<T, ApiError>;

/// Maps service errors onto SecL's status codes; internal details go to the log only.
fn api_error(e: KbsError) -> ApiError {
    match e {
        KbsError::BadRequest(m) => ApiError::bad_request(m),
        KbsError::NotFound(m) => ApiError::not_found(m),
        KbsError::Conflict(m) => ApiError::new(StatusCode::CONFLICT, m),
        KbsError::Unauthorized(m) => ApiError::unauthorized(m),
        other => {
            tracing::error!("request failed: {other}");
            ApiError::internal()
        }
    }
}

pub fn router(kbs: Arc<Kbs>, max_body_bytes: usize) -> Router {
    let cert_routes = |kind: CertKind| {
        Router::new()
            .route(
                "/",
                get(move |s, h, u, q| list_certs(kind, s, h, u, q))
                    .post(move |s, h, u, b| import_cert(kind, s, h, u, b)),
            )
            .route(
                "/{id}",
                get(move |s, h, u, p| get_cert(kind, s, h, u, p))
                    .delete(move |s, h, u, p| delete_cert(kind, s, h, u, p)),
            )
    };
    let v1 = Router::new()
        .route("/version", get(version))
        .route("/keys", get(search_keys).post(create_key))
        .route(
            "/keys/{id}",
            get(get_key).delete(delete_key).post(envelope_transfer),
        )
        .route("/keys/{id}/transfer", post(transfer_by_content_type))
        .nest("/saml-certificates", cert_routes(CertKind::Saml))
        .nest(
            "/tpm-identity-certificates",
            cert_routes(CertKind::TpmIdentity),
        )
        .route(
            "/key-transfer-policies",
            get(list_policies).post(create_policy),
        )
        .route(
            "/key-transfer-policies/{id}",
            get(get_policy).put(update_policy).delete(delete_policy),
        )
        .route("/tokens", get(list_tokens).post(create_token))
        .route("/tokens/{id}", axum::routing::delete(revoke_token))
        .route("/audit", get(read_audit));
    Router::new()
        .nest(BASE_PATH, v1)
        .fallback(|| async { ApiError::not_found("Not found") })
        .layer(DefaultBodyLimit::max(max_body_bytes))
        .with_state(AppState { kbs })
}

/// The caller's principal, if it may do `want`; 401 otherwise.
async fn authorize(
    st: &AppState,
    headers: &HeaderMap,
    uri: &Uri,
    want: Permission,
) -> ApiResult<Principal> {
    let Some(token) = bearer(headers) else {
        return Err(ApiError::unauthorized(
            "Unauthorized: a bearer token is required",
        ));
    };
    let who = st.kbs.authenticate(token).await.map_err(api_error)?;
    if !who.may(want) {
        let path = uri.path().strip_prefix("/kbs").unwrap_or(uri.path());
        return Err(ApiError::unauthorized(format!(
            "Insufficient privileges to access {path}"
        )));
    }
    Ok(who)
}

fn parse_id(raw: &str) -> ApiResult<Uuid> {
    match Uuid::try_parse(raw) {
        Ok(id) if id.get_version_num() == 4 => Ok(id),
        _ => Err(ApiError::bad_request("Invalid id: must be a UUID v4")),
    }
}

fn time_param(q: &[(String, String)], name: &str) -> ApiResult<Option<OffsetDateTime>> {
    param(q, name)
        .map(|v| {
            OffsetDateTime::parse(v, &Rfc3339)
                .map_err(|_| ApiError::bad_request(format!("{name} must be an RFC 3339 date-time")))
        })
        .transpose()
}

fn uuid_param(q: &[(String, String)], name: &str) -> ApiResult<Option<Uuid>> {
    param(q, name)
        .map(|v| {
            Uuid::try_parse(v).map_err(|_| ApiError::bad_request(format!("{name} must be a UUID")))
        })
        .transpose()
}

// ----- version ---------------------------------------------------------------------------------

async fn version() -> String {
    format!("secl-kbs {}\n", env!("CARGO_PKG_VERSION"))
}

// ----- keys ------------------------------------------------------------------------------------

async fn create_key(
    State(st): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    body: Bytes,
) -> ApiResult {
    let who = authorize(&st, &headers, &uri, Permission::new("keys", "create")).await?;
    require_accept(&headers, media::JSON)?;
    let req: KeyRequest = parse_json(&headers, &body)?;
    let key = st.kbs.create_key(req, &who).await.map_err(api_error)?;
    Ok(created(key))
}

async fn search_keys(
    State(st): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    Query(q): Query<Vec<(String, String)>>,
) -> ApiResult {
    authorize(&st, &headers, &uri, Permission::new("keys", "search")).await?;
    require_accept(&headers, media::JSON)?;
    query_params(
        &q,
        &["algorithm", "keyLength", "curveType", "transferPolicyId"],
    )?;
    let key_length = param(&q, "keyLength")
        .map(|v| {
            v.parse::<u32>()
                .map_err(|_| ApiError::bad_request("keyLength must be a number"))
        })
        .transpose()?;
    let f = KeyFilter {
        algorithm: param(&q, "algorithm").map(str::to_string),
        key_length,
        curve_type: param(&q, "curveType").map(str::to_string),
        transfer_policy_id: uuid_param(&q, "transferPolicyId")?,
    };
    let keys = st.kbs.search_keys(&f).await.map_err(api_error)?;
    Ok(Json(keys).into_response())
}

async fn get_key(
    State(st): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    Path(id): Path<String>,
) -> ApiResult {
    authorize(&st, &headers, &uri, Permission::new("keys", "retrieve")).await?;
    require_accept(&headers, media::JSON)?;
    let key = st.kbs.get_key(parse_id(&id)?).await.map_err(api_error)?;
    Ok(Json(key).into_response())
}

async fn delete_key(
    State(st): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    Path(id): Path<String>,
) -> ApiResult {
    let who = authorize(&st, &headers, &uri, Permission::new("keys", "delete")).await?;
    st.kbs
        .delete_key(parse_id(&id)?, &who)
        .await
        .map_err(api_error)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// Authorizes a transfer; a refusal is written to the audit trail before it is answered.
async fn authorize_transfer(
    st: &AppState,
    headers: &HeaderMap,
    uri: &Uri,
    id: &str,
) -> ApiResult<Principal> {
    match authorize(st, headers, uri, Permission::new("keys", "transfer")).await {
        Ok(who) => Ok(who),
        Err(e) => {
            let key_id = Uuid::try_parse(id).ok();
            if let Err(audit) = st
                .kbs
                .audit_denied(
                    "key.transfer",
                    key_id,
                    "unauthenticated or unauthorized",
                    &e.message,
                )
                .await
            {
                tracing::error!("audit write failed: {audit}");
                return Err(ApiError::internal());
            }
            Err(e)
        }
    }
}

async fn wrap_for_envelope(
    st: &AppState,
    headers: &HeaderMap,
    uri: &Uri,
    id: &str,
    body: &Bytes,
) -> ApiResult<(Uuid, Vec<u8>)> {
    let who = authorize_transfer(st, headers, uri, id).await?;
    require_accept(headers, media::JSON)?;
    require_content_type(headers, media::TEXT)?;
    let id = parse_id(id)?;
    let wrapped = st
        .kbs
        .envelope_transfer(id, body, &who)
        .await
        .map_err(api_error)?;
    Ok((id, wrapped))
}

/// v5 envelope transfer: `POST /keys/{id}` with a PEM public key.
async fn envelope_transfer(
    State(st): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult {
    let (_, wrapped) = wrap_for_envelope(&st, &headers, &uri, &id, &body).await?;
    Ok(Json(KeyTransferResponse {
        wrapped_key: base64::engine::general_purpose::STANDARD.encode(wrapped),
    })
    .into_response())
}

/// `POST /keys/{id}/transfer`: v4 envelope transfer for `text/plain`; the SAML form (for
/// attested hosts, no bearer token: the signed report is the credential) is chosen by
/// `application/samlassertion+xml`.
async fn transfer_by_content_type(
    State(st): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult {
    match content_type(&headers).as_deref() {
        Some(media::TEXT) => {
            let (id, wrapped) = wrap_for_envelope(&st, &headers, &uri, &id, &body).await?;
            Ok(Json(KeyTransferV4Response {
                id,
                payload: base64::engine::general_purpose::STANDARD.encode(wrapped),
            })
            .into_response())
        }
        Some(media::SAML) => saml_transfer(&st, &id, &body).await,
        _ => Err(ApiError::unsupported_media("Invalid Content-Type")),
    }
}

/// SAML transfer: 200 with the raw RSA-OAEP blob for the binding key, 401 `Client not trusted
/// by HVS` for any failed release check (the audit record says which), 400 for a body that is
/// not a SAML assertion. Neither the body nor the key is ever logged.
async fn saml_transfer(st: &AppState, id: &str, body: &Bytes) -> ApiResult {
    if body.is_empty() {
        return Err(ApiError::bad_request("The request body was not provided"));
    }
    if body.len() > secl_kbs::transfer::MAX_SAML_BYTES {
        return Err(ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "SAML report is too large",
        ));
    }
    let id = parse_id(id)?;
    match st.kbs.saml_transfer(id, body).await {
        Ok(wrapped) => Ok((
            [(axum::http::header::CONTENT_TYPE, media::OCTET_STREAM)],
            wrapped,
        )
            .into_response()),
        Err(SamlTransferError::Unmarshal) => {
            Err(ApiError::bad_request("Failed to unmarshal SAML report"))
        }
        Err(SamlTransferError::Denied(_)) => {
            Err(ApiError::unauthorized("Client not trusted by HVS"))
        }
        Err(SamlTransferError::Kbs(e)) => Err(api_error(e)),
    }
}

// ----- certificates ----------------------------------------------------------------------------

fn cert_perm(kind: CertKind, action: &'static str) -> Permission {
    Permission::new(kind.resource(), action)
}

async fn import_cert(
    kind: CertKind,
    State(st): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    body: Bytes,
) -> ApiResult {
    authorize(&st, &headers, &uri, cert_perm(kind, "create")).await?;
    require_accept(&headers, media::JSON)?;
    require_content_type(&headers, media::PEM_FILE)?;
    if body.is_empty() {
        return Err(ApiError::bad_request("The request body was not provided"));
    }
    let cert = st.kbs.import_cert(kind, &body).await.map_err(api_error)?;
    Ok(created(cert))
}

async fn list_certs(
    kind: CertKind,
    State(st): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    Query(q): Query<Vec<(String, String)>>,
) -> ApiResult {
    authorize(&st, &headers, &uri, cert_perm(kind, "search")).await?;
    require_accept(&headers, media::JSON)?;
    query_params(
        &q,
        &[
            "subjectEqualTo",
            "subjectContains",
            "issuerEqualTo",
            "issuerContains",
            "validOn",
            "validBefore",
            "validAfter",
        ],
    )?;
    let f = CertFilter {
        subject_equal_to: param(&q, "subjectEqualTo").map(str::to_string),
        subject_contains: param(&q, "subjectContains").map(str::to_string),
        issuer_equal_to: param(&q, "issuerEqualTo").map(str::to_string),
        issuer_contains: param(&q, "issuerContains").map(str::to_string),
        valid_on: time_param(&q, "validOn")?,
        valid_before: time_param(&q, "validBefore")?,
        valid_after: time_param(&q, "validAfter")?,
    };
    let certs = st.kbs.list_certs(kind, &f).await.map_err(api_error)?;
    Ok(Json(certs).into_response())
}

async fn get_cert(
    kind: CertKind,
    State(st): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    Path(id): Path<String>,
) -> ApiResult {
    authorize(&st, &headers, &uri, cert_perm(kind, "retrieve")).await?;
    let id = parse_id(&id)?;
    // The PEM chain as imported for `Accept: application/x-pem-file`, JSON otherwise.
    let wants_pem = headers
        .get(axum::http::header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains(media::PEM_FILE));
    if wants_pem {
        let pem = st.kbs.cert_pem(kind, id).await.map_err(api_error)?;
        return Ok(([(axum::http::header::CONTENT_TYPE, media::PEM_FILE)], pem).into_response());
    }
    require_accept(&headers, media::JSON)?;
    let cert = st.kbs.get_cert(kind, id).await.map_err(api_error)?;
    Ok(Json(cert).into_response())
}

async fn delete_cert(
    kind: CertKind,
    State(st): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    Path(id): Path<String>,
) -> ApiResult {
    authorize(&st, &headers, &uri, cert_perm(kind, "delete")).await?;
    st.kbs
        .delete_cert(kind, parse_id(&id)?)
        .await
        .map_err(api_error)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

// ----- key transfer policies -------------------------------------------------------------------

const POLICIES: &str = "key_transfer_policies";

async fn create_policy(
    State(st): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    body: Bytes,
) -> ApiResult {
    authorize(&st, &headers, &uri, Permission::new(POLICIES, "create")).await?;
    require_accept(&headers, media::JSON)?;
    let req: KeyTransferPolicyRequest = parse_json(&headers, &body)?;
    let p = st.kbs.create_policy(&req).await.map_err(api_error)?;
    Ok(created(p))
}

async fn list_policies(State(st): State<AppState>, headers: HeaderMap, uri: Uri) -> ApiResult {
    authorize(&st, &headers, &uri, Permission::new(POLICIES, "search")).await?;
    require_accept(&headers, media::JSON)?;
    let p = st.kbs.list_policies().await.map_err(api_error)?;
    Ok(Json(p).into_response())
}

async fn get_policy(
    State(st): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    Path(id): Path<String>,
) -> ApiResult {
    authorize(&st, &headers, &uri, Permission::new(POLICIES, "retrieve")).await?;
    require_accept(&headers, media::JSON)?;
    let p = st.kbs.get_policy(parse_id(&id)?).await.map_err(api_error)?;
    Ok(Json(p).into_response())
}

async fn update_policy(
    State(st): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult {
    authorize(&st, &headers, &uri, Permission::new(POLICIES, "update")).await?;
    require_accept(&headers, media::JSON)?;
    let id = parse_id(&id)?;
    let req: KeyTransferPolicyRequest = parse_json(&headers, &body)?;
    let p = st.kbs.update_policy(id, &req).await.map_err(api_error)?;
    Ok(Json(p).into_response())
}

async fn delete_policy(
    State(st): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    Path(id): Path<String>,
) -> ApiResult {
    authorize(&st, &headers, &uri, Permission::new(POLICIES, "delete")).await?;
    st.kbs
        .delete_policy(parse_id(&id)?)
        .await
        .map_err(api_error)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

// ----- tokens and audit ------------------------------------------------------------------------

async fn create_token(
    State(st): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    body: Bytes,
) -> ApiResult {
    authorize(&st, &headers, &uri, Permission::new("tokens", "create")).await?;
    require_accept(&headers, media::JSON)?;
    let req: TokenRequest = parse_json(&headers, &body)?;
    let t = st.kbs.create_token(&req).await.map_err(api_error)?;
    Ok(created(t))
}

async fn list_tokens(State(st): State<AppState>, headers: HeaderMap, uri: Uri) -> ApiResult {
    authorize(&st, &headers, &uri, Permission::new("tokens", "search")).await?;
    require_accept(&headers, media::JSON)?;
    let t = st.kbs.list_tokens().await.map_err(api_error)?;
    Ok(Json(t).into_response())
}

async fn revoke_token(
    State(st): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    Path(id): Path<String>,
) -> ApiResult {
    authorize(&st, &headers, &uri, Permission::new("tokens", "delete")).await?;
    st.kbs
        .revoke_token(parse_id(&id)?)
        .await
        .map_err(api_error)?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

async fn read_audit(
    State(st): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    Query(q): Query<Vec<(String, String)>>,
) -> ApiResult {
    authorize(&st, &headers, &uri, Permission::new("audit", "search")).await?;
    require_accept(&headers, media::JSON)?;
    query_params(&q, &["after", "limit", "keyId", "action"])?;
    let num = |name: &str| -> ApiResult<Option<u64>> {
        param(&q, name)
            .map(|v| {
                v.parse::<u64>()
                    .map_err(|_| ApiError::bad_request(format!("{name} must be a number")))
            })
            .transpose()
    };
    let f = AuditFilter {
        after: num("after")?.unwrap_or(0),
        limit: num("limit")?.unwrap_or(0) as usize,
        key_id: uuid_param(&q, "keyId")?,
        action: param(&q, "action").map(str::to_string),
    };
    let records = st.kbs.read_audit(&f).await.map_err(api_error)?;
    Ok(Json(records).into_response())
}
