//! The `/wls/v1` and `/wls/v2` routes (the same handlers under both): authorization first
//! (before the body is looked at), then parsing, then one call into [`Wls`].
//!
//! Every route except `version` needs a bearer token (see [`secl_auth`]) whose rules grant the
//! route's SecL permission, e.g. `keys:create`; the admin token written at first start holds
//! `*:*:*`.

use std::sync::Arc;

use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use secl_api::Permission;
use secl_api::kbs::TokenRequest;
use secl_api::wls::{BASE_PATH, BASE_PATH_V1, KeyRequest, KeyResponse};
use secl_auth::Principal;
use secl_service::http::{
    ApiError, JSON, bearer, created, param, parse_id, parse_json, query_params, require_accept,
    require_content_type,
};

use crate::error::WlsError;
use crate::flavor::{FlavorRecord, parse_upload};
use crate::service::Wls;

type ApiResult<T = Response> = Result<T, ApiError>;
type St = State<Arc<Wls>>;

/// Maps service errors onto SecL's status codes; internal details go to the log only.
fn api_error(e: WlsError) -> ApiError {
    match e {
        WlsError::BadRequest(m) => ApiError::bad_request(m),
        WlsError::Unauthorized(m) => ApiError::unauthorized(m),
        WlsError::Forbidden(m) => ApiError::new(StatusCode::FORBIDDEN, m),
        WlsError::NotFound(m) => ApiError::not_found(m),
        WlsError::Conflict(m) => ApiError::new(StatusCode::CONFLICT, m),
        WlsError::Upstream(m) => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, m),
        other => {
            tracing::error!("request failed: {other}");
            ApiError::internal()
        }
    }
}

fn api() -> Router<Arc<Wls>> {
    Router::new()
        .route("/version", get(version))
        .route("/flavors", get(list_flavors).post(create_flavor))
        .route("/flavors/{id}", get(get_flavor).delete(delete_flavor))
        .route("/tokens", get(list_tokens).post(create_token))
        .route("/tokens/{id}", delete(revoke_token))
}

pub fn router(wls: Arc<Wls>, max_body_bytes: usize) -> Router {
    Router::new()
        .nest(BASE_PATH_V1, api().route("/keys", post(key_v1)))
        .nest(BASE_PATH, api().route("/keys", post(key_v2)))
        .fallback(|| async { ApiError::not_found("Not found") })
        .layer(DefaultBodyLimit::max(max_body_bytes))
        .with_state(wls)
}

/// The caller's principal, if its bearer token may do `want`; 401 otherwise.
async fn authorize(wls: &Wls, headers: &HeaderMap, want: Permission) -> ApiResult<Principal> {
    wls.tokens()
        .authorize(bearer(headers), want)
        .await
        .map_err(|e| api_error(e.into()))
}

fn json_text(status: StatusCode, text: String) -> Response {
    (status, [(header::CONTENT_TYPE, JSON)], text).into_response()
}

// ----- public -----------------------------------------------------------------------------

async fn version() -> String {
    format!("secl-wls {}\n", env!("CARGO_PKG_VERSION"))
}

// ----- keys -------------------------------------------------------------------------------

/// SecL v4 answered 200.
async fn key_v1(st: St, headers: HeaderMap, body: Bytes) -> ApiResult {
    key(st, headers, body, StatusCode::OK).await
}

/// SecL v5 answers 201.
async fn key_v2(st: St, headers: HeaderMap, body: Bytes) -> ApiResult {
    key(st, headers, body, StatusCode::CREATED).await
}

async fn key(State(wls): St, headers: HeaderMap, body: Bytes, ok: StatusCode) -> ApiResult {
    let who = authorize(&wls, &headers, Permission::new("keys", "create")).await?;
    require_accept(&headers, JSON)?;
    require_content_type(&headers, JSON)?;
    let req: KeyRequest = serde_json::from_slice(&body).map_err(|e| {
        ApiError::bad_request(format!("Failed to retrieve key - JSON marshal error: {e}"))
    })?;
    tracing::debug!(caller = %who.actor(), "key requested");
    let key = wls.transfer_key(&req).await.map_err(api_error)?;
    let resp = KeyResponse {
        key: B64.encode(key.as_slice()),
    };
    Ok((ok, Json(resp)).into_response())
}

// ----- flavors ----------------------------------------------------------------------------

fn flavor_json(r: &FlavorRecord) -> ApiResult<String> {
    r.to_json().map(|v| v.get().to_string()).map_err(api_error)
}

async fn create_flavor(State(wls): St, headers: HeaderMap, body: Bytes) -> ApiResult {
    authorize(&wls, &headers, Permission::new("flavors", "create")).await?;
    require_accept(&headers, JSON)?;
    require_content_type(&headers, JSON)?;
    if body.is_empty() {
        return Err(ApiError::bad_request("The request body was not provided"));
    }
    let upload = parse_upload(&body).map_err(api_error)?;
    let r = wls.create_flavor(upload).await.map_err(api_error)?;
    Ok(json_text(StatusCode::CREATED, flavor_json(&r)?))
}

async fn list_flavors(
    State(wls): St,
    headers: HeaderMap,
    Query(q): Query<Vec<(String, String)>>,
) -> ApiResult {
    authorize(&wls, &headers, Permission::new("flavors", "search")).await?;
    require_accept(&headers, JSON)?;
    query_params(&q, &["id", "label"])?;
    let id = param(&q, "id").map(parse_id).transpose()?;
    let flavors = wls
        .flavors(id, param(&q, "label"))
        .await
        .map_err(api_error)?;
    let items: Vec<String> = flavors.iter().map(flavor_json).collect::<ApiResult<_>>()?;
    Ok(json_text(StatusCode::OK, format!("[{}]", items.join(","))))
}

async fn get_flavor(State(wls): St, headers: HeaderMap, Path(id): Path<String>) -> ApiResult {
    authorize(&wls, &headers, Permission::new("flavors", "retrieve")).await?;
    require_accept(&headers, JSON)?;
    match wls.flavor(parse_id(&id)?).await.map_err(api_error)? {
        Some(r) => Ok(json_text(StatusCode::OK, flavor_json(&r)?)),
        None => Err(ApiError::not_found("Flavor with given id does not exist")),
    }
}

async fn delete_flavor(State(wls): St, headers: HeaderMap, Path(id): Path<String>) -> ApiResult {
    authorize(&wls, &headers, Permission::new("flavors", "delete")).await?;
    if wls.delete_flavor(parse_id(&id)?).await.map_err(api_error)? {
        Ok(StatusCode::NO_CONTENT.into_response())
    } else {
        Err(ApiError::not_found("Flavor with given id does not exist"))
    }
}

// ----- tokens -----------------------------------------------------------------------------

async fn create_token(State(wls): St, headers: HeaderMap, body: Bytes) -> ApiResult {
    authorize(&wls, &headers, Permission::new("tokens", "create")).await?;
    require_accept(&headers, JSON)?;
    let req: TokenRequest = parse_json(&headers, &body)?;
    let t = wls
        .tokens()
        .create(&req)
        .await
        .map_err(|e| api_error(e.into()))?;
    Ok(created(t))
}

async fn list_tokens(State(wls): St, headers: HeaderMap) -> ApiResult {
    authorize(&wls, &headers, Permission::new("tokens", "search")).await?;
    require_accept(&headers, JSON)?;
    let t = wls.tokens().list().await.map_err(|e| api_error(e.into()))?;
    Ok(Json(t).into_response())
}

async fn revoke_token(State(wls): St, headers: HeaderMap, Path(id): Path<String>) -> ApiResult {
    authorize(&wls, &headers, Permission::new("tokens", "delete")).await?;
    wls.tokens()
        .revoke(parse_id(&id)?)
        .await
        .map_err(|e| api_error(e.into()))?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
