//! The `/hvs/v2` routes: authorization first (before the body is looked at), then parsing,
//! then one call into [`Hvs`].
//!
//! Every route except `version` and `ca-certificates` needs a bearer token (see [`secl_auth`])
//! whose rules grant the route's SecL permission, e.g. `hosts:create`; the admin token written
//! at first start holds `*:*:*`.

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
use secl_auth::Principal;
use secl_service::http::{ApiError, bearer, require_accept, require_content_type};
use serde::de::DeserializeOwned;
use uuid::Uuid;

use crate::error::HvsError;
use crate::flavor::{FlavorImport, FlavorPart};
use crate::keys::pem_block;
use crate::service::{
    AikActivateRequest, AikChallengeRequest, HostCreate, Hvs, RegisterKeyInfo, ReportCriteria,
};

pub const BASE_PATH: &str = "/hvs/v2";
const JSON: &str = "application/json";
const PEM: &str = "application/x-pem-file";
const SAML: &str = "application/samlassertion+xml";

type ApiResult<T = Response> = Result<T, ApiError>;
type St = State<Arc<Hvs>>;

/// Maps service errors onto SecL's status codes; internal details go to the log only.
fn api_error(e: HvsError) -> ApiError {
    match e {
        HvsError::BadRequest(m) => ApiError::bad_request(m),
        HvsError::NotFound(m) => ApiError::not_found(m),
        HvsError::Conflict(m) => ApiError::new(StatusCode::CONFLICT, m),
        HvsError::Unauthorized(m) => ApiError::unauthorized(m),
        other => {
            tracing::error!("request failed: {other}");
            ApiError::internal()
        }
    }
}

pub fn router(hvs: Arc<Hvs>, max_body_bytes: usize) -> Router {
    let v2 = Router::new()
        .route("/version", get(version))
        .route("/ca-certificates", get(ca_certificates))
        .route("/ca-certificates/{kind}", get(ca_certificate))
        .route("/rpc/aik-challenge", post(aik_challenge))
        .route("/rpc/aik-activate", post(aik_activate))
        .route("/rpc/certify-host-binding-key", post(certify_binding_key))
        .route("/hosts", get(list_hosts).post(create_host))
        .route("/hosts/{id}", get(get_host).delete(delete_host))
        .route("/flavors", get(list_flavors).post(create_flavors))
        .route("/flavors/{id}", get(get_flavor).delete(delete_flavor))
        .route("/reports", get(list_reports).post(create_report))
        .route("/reports/{id}", get(get_report))
        .route("/tokens", get(list_tokens).post(create_token))
        .route("/tokens/{id}", delete(revoke_token));
    Router::new()
        .nest(BASE_PATH, v2)
        .fallback(|| async { ApiError::not_found("Not found") })
        .layer(DefaultBodyLimit::max(max_body_bytes))
        .with_state(hvs)
}

/// The caller's principal, if it may do `want`; 401 otherwise.
async fn authorize(hvs: &Hvs, headers: &HeaderMap, want: Permission) -> ApiResult<Principal> {
    let Some(token) = bearer(headers) else {
        return Err(ApiError::unauthorized(
            "Unauthorized: a bearer token is required",
        ));
    };
    let who = match hvs.authenticate(token).await {
        Ok(who) => who,
        Err(HvsError::Unauthorized(_)) => {
            return Err(ApiError::unauthorized("Unauthorized: invalid token"));
        }
        Err(e) => return Err(api_error(e)),
    };
    if !who.may(want) {
        return Err(ApiError::unauthorized(format!(
            "Insufficient privileges: {want} is required"
        )));
    }
    Ok(who)
}

fn parse_json<T: DeserializeOwned>(headers: &HeaderMap, body: &Bytes) -> ApiResult<T> {
    require_content_type(headers, JSON)?;
    if body.is_empty() {
        return Err(ApiError::bad_request("The request body was not provided"));
    }
    serde_json::from_slice(body)
        .map_err(|e| ApiError::bad_request(format!("Invalid JSON body: {e}")))
}

fn parse_id(raw: &str) -> ApiResult<Uuid> {
    Uuid::try_parse(raw).map_err(|_| ApiError::bad_request("Invalid id: must be a UUID"))
}

fn created<T: serde::Serialize>(v: T) -> Response {
    (StatusCode::CREATED, Json(v)).into_response()
}

fn query_params(q: &[(String, String)], allowed: &[&str]) -> ApiResult<()> {
    for (k, _) in q {
        if !allowed.contains(&k.as_str()) {
            return Err(ApiError::bad_request(format!(
                "Invalid query parameter provided: {k}"
            )));
        }
    }
    Ok(())
}

fn param<'a>(q: &'a [(String, String)], name: &str) -> Option<&'a str> {
    q.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

/// Whether the client asked for `media` (rather than JSON).
fn accepts(headers: &HeaderMap, media: &str) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',').any(|m| {
                m.split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .eq_ignore_ascii_case(media)
            })
        })
}

// ----- public -----------------------------------------------------------------------------

async fn version() -> String {
    format!("secl-hvs {}\n", env!("CARGO_PKG_VERSION"))
}

const INVALID_DOMAIN: &str = "Invalid domain/Certificate Type provided";

async fn ca_certificates(
    State(hvs): St,
    headers: HeaderMap,
    Query(q): Query<Vec<(String, String)>>,
) -> ApiResult {
    query_params(&q, &["domain"])?;
    let certs: Vec<(String, Vec<u8>)> = match param(&q, "domain") {
        Some("saml") => vec![("saml".into(), hvs.saml_cert_der().to_vec())],
        Some("root") => vec![("privacy".into(), hvs.privacy_ca_der().to_vec())],
        Some("ek" | "endorsement") => hvs
            .ek_cas()
            .iter()
            .enumerate()
            .map(|(i, c)| (format!("endorsement-{i}"), c.clone()))
            .collect(),
        _ => return Err(ApiError::bad_request(INVALID_DOMAIN)),
    };
    if accepts(&headers, PEM) {
        let body: String = certs
            .iter()
            .map(|(_, d)| pem_block("CERTIFICATE", d))
            .collect();
        return Ok(([(header::CONTENT_TYPE, PEM)], body).into_response());
    }
    require_accept(&headers, JSON)?;
    let list: Vec<_> = certs
        .iter()
        .map(|(name, d)| serde_json::json!({"name": name, "certificate": B64.encode(d)}))
        .collect();
    Ok(Json(serde_json::json!({ "ca_certificate": list })).into_response())
}

async fn ca_certificate(State(hvs): St, headers: HeaderMap, Path(kind): Path<String>) -> ApiResult {
    let (name, der) = match kind.as_str() {
        "privacy" | "aik" | "root" => ("privacy", hvs.privacy_ca_der().to_vec()),
        "saml" => ("saml", hvs.saml_cert_der().to_vec()),
        "ek" | "endorsement" => {
            // The root when one was configured, else the first certificate.
            let cas = hvs.ek_cas();
            let root = cas
                .iter()
                .find(|c| {
                    x509_parser::parse_x509_certificate(c)
                        .is_ok_and(|(_, x)| x.subject().as_raw() == x.issuer().as_raw())
                })
                .or(cas.first());
            match root {
                Some(c) => ("endorsement", c.clone()),
                None => return Err(ApiError::not_found("No EK CA is configured")),
            }
        }
        _ => return Err(ApiError::bad_request(INVALID_DOMAIN)),
    };
    if accepts(&headers, PEM) {
        return Ok((
            [(header::CONTENT_TYPE, PEM)],
            pem_block("CERTIFICATE", &der),
        )
            .into_response());
    }
    require_accept(&headers, JSON)?;
    Ok(
        Json(serde_json::json!({"name": name, "type": kind, "certificate": B64.encode(der)}))
            .into_response(),
    )
}

// ----- PrivacyCA RPCs ---------------------------------------------------------------------

async fn aik_challenge(State(hvs): St, headers: HeaderMap, body: Bytes) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("host_aiks", "certify")).await?;
    let req: AikChallengeRequest = parse_json(&headers, &body)?;
    let c = hvs.aik_challenge(req).await.map_err(api_error)?;
    Ok(created(c))
}

async fn aik_activate(State(hvs): St, headers: HeaderMap, body: Bytes) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("host_aiks", "certify")).await?;
    let req: AikActivateRequest = parse_json(&headers, &body)?;
    let der = hvs.aik_activate(req).await.map_err(api_error)?;
    Ok(created(
        serde_json::json!({"aik_certificate": B64.encode(der)}),
    ))
}

async fn certify_binding_key(State(hvs): St, headers: HeaderMap, body: Bytes) -> ApiResult {
    authorize(
        &hvs,
        &headers,
        Permission::new("host_signing_key_certificates", "create"),
    )
    .await?;
    let req: RegisterKeyInfo = parse_json(&headers, &body)?;
    let der = hvs.certify_binding_key(req).map_err(api_error)?;
    Ok(created(
        serde_json::json!({"binding_key_der_certificate": B64.encode(der)}),
    ))
}

// ----- hosts ------------------------------------------------------------------------------

async fn create_host(State(hvs): St, headers: HeaderMap, body: Bytes) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("hosts", "create")).await?;
    require_accept(&headers, JSON)?;
    let req: HostCreate = parse_json(&headers, &body)?;
    let host = hvs.create_host(req).await.map_err(api_error)?;
    Ok(created(host.public()))
}

async fn list_hosts(State(hvs): St, headers: HeaderMap) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("hosts", "search")).await?;
    require_accept(&headers, JSON)?;
    let hosts: Vec<_> = hvs
        .hosts()
        .await
        .map_err(api_error)?
        .iter()
        .map(|h| h.public())
        .collect();
    Ok(Json(hosts).into_response())
}

async fn get_host(State(hvs): St, headers: HeaderMap, Path(id): Path<String>) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("hosts", "retrieve")).await?;
    require_accept(&headers, JSON)?;
    match hvs.host(parse_id(&id)?).await.map_err(api_error)? {
        Some(h) => Ok(Json(h.public()).into_response()),
        None => Err(ApiError::not_found("Host with given id does not exist")),
    }
}

async fn delete_host(State(hvs): St, headers: HeaderMap, Path(id): Path<String>) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("hosts", "delete")).await?;
    if hvs.delete_host(parse_id(&id)?).await.map_err(api_error)? {
        Ok(StatusCode::NO_CONTENT.into_response())
    } else {
        Err(ApiError::not_found("Host with given id does not exist"))
    }
}

// ----- flavors ----------------------------------------------------------------------------

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FlavorsFromHost {
    host_id: String,
    flavor_parts: Vec<FlavorPart>,
}

/// `{"host_id","flavor_parts"}` creates flavors from the host; anything else is one flavor to
/// import.
async fn create_flavors(State(hvs): St, headers: HeaderMap, body: Bytes) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("flavors", "create")).await?;
    require_accept(&headers, JSON)?;
    let value: serde_json::Value = parse_json(&headers, &body)?;
    let flavors = if value.get("host_id").is_some() {
        let req: FlavorsFromHost = serde_json::from_value(value)
            .map_err(|e| ApiError::bad_request(format!("Invalid JSON body: {e}")))?;
        let id = Uuid::try_parse(&req.host_id)
            .map_err(|_| ApiError::bad_request("host_id must be a UUID"))?;
        hvs.flavors_from_host(id, &req.flavor_parts)
            .await
            .map_err(api_error)?
    } else {
        let imp: FlavorImport = serde_json::from_value(value)
            .map_err(|e| ApiError::bad_request(format!("Invalid flavor: {e}")))?;
        vec![hvs.import_flavor(imp).await.map_err(api_error)?]
    };
    Ok(created(serde_json::json!({ "flavors": flavors })))
}

async fn list_flavors(State(hvs): St, headers: HeaderMap) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("flavors", "search")).await?;
    require_accept(&headers, JSON)?;
    let flavors = hvs.flavors().await.map_err(api_error)?;
    Ok(Json(serde_json::json!({ "flavors": flavors })).into_response())
}

async fn get_flavor(State(hvs): St, headers: HeaderMap, Path(id): Path<String>) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("flavors", "retrieve")).await?;
    require_accept(&headers, JSON)?;
    match hvs.flavor(parse_id(&id)?).await.map_err(api_error)? {
        Some(f) => Ok(Json(f).into_response()),
        None => Err(ApiError::not_found("Flavor with given id does not exist")),
    }
}

async fn delete_flavor(State(hvs): St, headers: HeaderMap, Path(id): Path<String>) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("flavors", "delete")).await?;
    if hvs.delete_flavor(parse_id(&id)?).await.map_err(api_error)? {
        Ok(StatusCode::NO_CONTENT.into_response())
    } else {
        Err(ApiError::not_found("Flavor with given id does not exist"))
    }
}

// ----- reports ----------------------------------------------------------------------------

async fn create_report(State(hvs): St, headers: HeaderMap, body: Bytes) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("reports", "create")).await?;
    let saml = accepts(&headers, SAML);
    if !saml {
        require_accept(&headers, JSON)?;
    }
    let req: ReportCriteria = parse_json(&headers, &body)?;
    let report = hvs.create_report(&req).await.map_err(api_error)?;
    if saml {
        return Ok((
            StatusCode::CREATED,
            [(header::CONTENT_TYPE, SAML)],
            report.saml,
        )
            .into_response());
    }
    Ok(created(report))
}

/// One stored report: its SAML assertion for `Accept: application/samlassertion+xml`, JSON
/// otherwise.
async fn get_report(State(hvs): St, headers: HeaderMap, Path(id): Path<String>) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("reports", "retrieve")).await?;
    let Some(r) = hvs.report(parse_id(&id)?).await.map_err(api_error)? else {
        return Err(ApiError::not_found("Report with given id does not exist"));
    };
    if accepts(&headers, SAML) {
        return Ok(([(header::CONTENT_TYPE, SAML)], r.saml).into_response());
    }
    require_accept(&headers, JSON)?;
    Ok(Json(r).into_response())
}

async fn list_reports(
    State(hvs): St,
    headers: HeaderMap,
    Query(q): Query<Vec<(String, String)>>,
) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("reports", "search")).await?;
    query_params(&q, &["hostId", "hostHardwareId", "latestPerHost"])?;
    let host_id = param(&q, "hostId")
        .map(|v| Uuid::try_parse(v).map_err(|_| ApiError::bad_request("hostId must be a UUID")))
        .transpose()?;
    let latest = match param(&q, "latestPerHost") {
        None | Some("true") => true,
        Some("false") => false,
        Some(_) => return Err(ApiError::bad_request("latestPerHost must be true or false")),
    };
    let reports = hvs
        .reports(host_id, param(&q, "hostHardwareId"), latest)
        .await
        .map_err(api_error)?;
    if accepts(&headers, SAML) {
        let body: String = reports.iter().map(|r| r.saml.as_str()).collect();
        return Ok(([(header::CONTENT_TYPE, SAML)], body).into_response());
    }
    require_accept(&headers, JSON)?;
    Ok(Json(reports).into_response())
}

// ----- tokens -----------------------------------------------------------------------------

async fn create_token(State(hvs): St, headers: HeaderMap, body: Bytes) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("tokens", "create")).await?;
    require_accept(&headers, JSON)?;
    let req: TokenRequest = parse_json(&headers, &body)?;
    let t = hvs
        .tokens()
        .create(&req)
        .await
        .map_err(|e| api_error(e.into()))?;
    Ok(created(t))
}

async fn list_tokens(State(hvs): St, headers: HeaderMap) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("tokens", "search")).await?;
    require_accept(&headers, JSON)?;
    let t = hvs.tokens().list().await.map_err(|e| api_error(e.into()))?;
    Ok(Json(t).into_response())
}

async fn revoke_token(State(hvs): St, headers: HeaderMap, Path(id): Path<String>) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("tokens", "delete")).await?;
    hvs.tokens()
        .revoke(parse_id(&id)?)
        .await
        .map_err(|e| api_error(e.into()))?;
    Ok(StatusCode::NO_CONTENT.into_response())
}
