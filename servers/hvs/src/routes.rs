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
use secl_api::hvs::TpmEndorsementCollection;
use secl_api::kbs::TokenRequest;
use secl_attest::privacy_ca::identity::{IdentityChallengePayload, IdentityProofRequest};
use secl_auth::Principal;
use secl_service::http::{
    ApiError, JSON, bearer, created, param, parse_id, parse_json, query_params, require_accept,
    require_content_type,
};
use uuid::Uuid;

use crate::error::HvsError;
use crate::flavor::{FlavorImport, FlavorPart};
use crate::keys::pem_block;
use crate::service::{
    AikActivateRequest, AikChallengeRequest, ENDORSEMENT_NOT_FOUND, EndorsementFilter,
    EndorsementInput, FlavorGroupCreate, FlavorGroupFilter, GROUP_NOT_FOUND, HOST_LINK_NOT_FOUND,
    HOST_STATES, HostCreate, Hvs, MAX_NUMBER_OF_DAYS, REPORT_SEARCH_LIMIT, RegisterKeyInfo,
    ReportCriteria, ReportFilter, TAG_CERT_NOT_FOUND, TagCertCreate, TagCertFilter,
};

pub const BASE_PATH: &str = "/hvs/v2";
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
        HvsError::TooMany(m) => ApiError::new(StatusCode::TOO_MANY_REQUESTS, m),
        HvsError::Failed(m) => ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, m),
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
        .route(
            "/privacyca/identity-challenge-request",
            post(identity_challenge_request),
        )
        .route(
            "/privacyca/identity-challenge-response",
            post(identity_challenge_response),
        )
        .route("/hosts", get(list_hosts).post(create_host))
        .route("/hosts/{id}", get(get_host).delete(delete_host))
        .route(
            "/hosts/{id}/flavorgroups",
            get(list_host_groups).post(link_host_group),
        )
        .route(
            "/hosts/{id}/flavorgroups/{group}",
            get(get_host_group).delete(unlink_host_group),
        )
        .route("/flavors", get(list_flavors).post(create_flavors))
        .route("/flavors/{id}", get(get_flavor).delete(delete_flavor))
        .route(
            "/flavorgroups",
            get(list_flavorgroups).post(create_flavorgroup),
        )
        .route(
            "/flavorgroups/{id}",
            get(get_flavorgroup).delete(delete_flavorgroup),
        )
        .route(
            "/flavorgroups/{id}/flavors",
            get(list_flavorgroup_links).post(create_flavorgroup_link),
        )
        .route(
            "/flavorgroups/{id}/flavors/{flavor}",
            get(get_flavorgroup_link).delete(delete_flavorgroup_link),
        )
        .route(
            "/tag-certificates",
            get(list_tag_certificates).post(create_tag_certificate),
        )
        .route(
            "/tag-certificates/{id}",
            get(get_tag_certificate).delete(delete_tag_certificate),
        )
        .route("/rpc/deploy-tag-certificate", post(deploy_tag_certificate))
        .route(
            "/tpm-endorsements",
            get(list_endorsements)
                .post(create_endorsement)
                .delete(delete_endorsements),
        )
        .route(
            "/tpm-endorsements/{id}",
            get(get_endorsement)
                .put(update_endorsement)
                .delete(delete_endorsement),
        )
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

/// The caller's principal, if its bearer token may do `want`; 401 otherwise.
async fn authorize(hvs: &Hvs, headers: &HeaderMap, want: Permission) -> ApiResult<Principal> {
    hvs.tokens()
        .authorize(bearer(headers), want)
        .await
        .map_err(|e| api_error(e.into()))
}

/// The record as JSON; 404 with SecL's `missing` message when there is none.
fn found<T: serde::Serialize>(record: Result<Option<T>, HvsError>, missing: &str) -> ApiResult {
    match record.map_err(api_error)? {
        Some(r) => Ok(Json(r).into_response()),
        None => Err(ApiError::not_found(missing)),
    }
}

/// 204 when the record was deleted; 404 with SecL's `missing` message when there was none.
fn deleted(done: Result<bool, HvsError>, missing: &str) -> ApiResult {
    if done.map_err(api_error)? {
        Ok(StatusCode::NO_CONTENT.into_response())
    } else {
        Err(ApiError::not_found(missing))
    }
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
        "tag" => ("tag", hvs.tag_ca_der().to_vec()),
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

/// SecL's identity-challenge body: JSON only (415 `Invalid Content-Type`), SecL's
/// IdentityChallengePayload with no unknown fields (400 `Error marshaling json data`).
fn identity_payload(headers: &HeaderMap, body: &[u8]) -> ApiResult<IdentityChallengePayload> {
    require_content_type(headers, JSON)?;
    serde_json::from_slice(body)
        .map_err(|e| ApiError::bad_request(format!("Error marshaling json data: {e}")))
}

/// SecL's answer to a refused identity call: its fixed message, then the reason; 200 with the
/// IdentityProofRequest otherwise.
fn identity_answer(result: Result<IdentityProofRequest, HvsError>, what: &str) -> ApiResult {
    match result {
        Ok(proof) => Ok(Json(proof).into_response()),
        Err(HvsError::BadRequest(m)) => Err(ApiError::bad_request(format!(
            "Error while getting {what}: {m}"
        ))),
        Err(other) => Err(api_error(other)),
    }
}

async fn identity_challenge_request(State(hvs): St, headers: HeaderMap, body: Bytes) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("host_aiks", "certify")).await?;
    let payload = identity_payload(&headers, &body)?;
    let result = hvs.identity_challenge_request(payload).await;
    identity_answer(result, "IdentityProofRequest")
}

async fn identity_challenge_response(State(hvs): St, headers: HeaderMap, body: Bytes) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("host_aiks", "certify")).await?;
    let payload = identity_payload(&headers, &body)?;
    let result = hvs.identity_challenge_response(payload).await;
    identity_answer(result, "IdentityProofRequestResponse")
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
    let mut view = hvs
        .host_views(std::slice::from_ref(&host))
        .await
        .map_err(api_error)?;
    Ok(created(view.pop()))
}

async fn list_hosts(State(hvs): St, headers: HeaderMap) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("hosts", "search")).await?;
    require_accept(&headers, JSON)?;
    let hosts = hvs.hosts().await.map_err(api_error)?;
    let views = hvs.host_views(&hosts).await.map_err(api_error)?;
    Ok(Json(views).into_response())
}

async fn get_host(State(hvs): St, headers: HeaderMap, Path(id): Path<String>) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("hosts", "retrieve")).await?;
    require_accept(&headers, JSON)?;
    match hvs.host(parse_id(&id)?).await.map_err(api_error)? {
        Some(h) => {
            let mut view = hvs.host_views(&[h]).await.map_err(api_error)?;
            Ok(Json(view.pop()).into_response())
        }
        None => Err(ApiError::not_found("Host with given id does not exist")),
    }
}

async fn delete_host(State(hvs): St, headers: HeaderMap, Path(id): Path<String>) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("hosts", "delete")).await?;
    deleted(
        hvs.delete_host(parse_id(&id)?).await,
        "Host with given id does not exist",
    )
}

// ----- host flavor-group links (SecL's /hosts/{id}/flavorgroups) --------------------------

async fn list_host_groups(State(hvs): St, headers: HeaderMap, Path(id): Path<String>) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("hosts", "search")).await?;
    require_accept(&headers, JSON)?;
    let links = hvs
        .host_group_links(parse_id(&id)?)
        .await
        .map_err(api_error)?;
    Ok(Json(serde_json::json!({ "flavorgroup_host_links": links })).into_response())
}

/// SecL's HostFlavorgroupCreateRequest.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct HostGroupLinkCreate {
    flavorgroup_id: Option<Uuid>,
}

async fn link_host_group(
    State(hvs): St,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("hosts", "create")).await?;
    require_accept(&headers, JSON)?;
    require_content_type(&headers, JSON)?;
    let host = parse_id(&id)?;
    if body.is_empty() {
        return Err(ApiError::bad_request("The request body was not provided"));
    }
    let req: HostGroupLinkCreate = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request(format!("Unable to decode JSON request body: {e}")))?;
    let group = req
        .flavorgroup_id
        .filter(|g| !g.is_nil())
        .ok_or_else(|| ApiError::bad_request("Invalid Flavorgroup Id specified in request"))?;
    let link = hvs.link_host(host, group).await.map_err(api_error)?;
    Ok(created(link))
}

async fn get_host_group(
    State(hvs): St,
    headers: HeaderMap,
    Path((id, group)): Path<(String, String)>,
) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("hosts", "retrieve")).await?;
    require_accept(&headers, JSON)?;
    found(
        hvs.host_group_link(parse_id(&id)?, parse_id(&group)?).await,
        HOST_LINK_NOT_FOUND,
    )
}

async fn unlink_host_group(
    State(hvs): St,
    headers: HeaderMap,
    Path((id, group)): Path<(String, String)>,
) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("hosts", "delete")).await?;
    deleted(
        hvs.unlink_host(parse_id(&id)?, parse_id(&group)?).await,
        HOST_LINK_NOT_FOUND,
    )
}

// ----- flavors ----------------------------------------------------------------------------

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct FlavorsFromHost {
    host_id: String,
    flavor_parts: Vec<FlavorPart>,
    /// SecL's field; default `automatic`.
    #[serde(default)]
    flavorgroup_names: Vec<String>,
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
        hvs.flavors_from_host(id, &req.flavor_parts, req.flavorgroup_names)
            .await
            .map_err(api_error)?
    } else {
        let imp: FlavorImport = serde_json::from_value(value)
            .map_err(|e| ApiError::bad_request(format!("Invalid flavor: {e}")))?;
        vec![hvs.import_flavor(imp).await.map_err(api_error)?]
    };
    let views = hvs.flavor_views(&flavors).await.map_err(api_error)?;
    Ok(created(serde_json::json!({ "flavors": views })))
}

async fn list_flavors(State(hvs): St, headers: HeaderMap) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("flavors", "search")).await?;
    require_accept(&headers, JSON)?;
    let flavors = hvs.flavors().await.map_err(api_error)?;
    let views = hvs.flavor_views(&flavors).await.map_err(api_error)?;
    Ok(Json(serde_json::json!({ "flavors": views })).into_response())
}

async fn get_flavor(State(hvs): St, headers: HeaderMap, Path(id): Path<String>) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("flavors", "retrieve")).await?;
    require_accept(&headers, JSON)?;
    match hvs.flavor(parse_id(&id)?).await.map_err(api_error)? {
        Some(f) => {
            let mut view = hvs.flavor_views(&[f]).await.map_err(api_error)?;
            Ok(Json(view.pop()).into_response())
        }
        None => Err(ApiError::not_found("Flavor with given id does not exist")),
    }
}

async fn delete_flavor(State(hvs): St, headers: HeaderMap, Path(id): Path<String>) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("flavors", "delete")).await?;
    deleted(
        hvs.delete_flavor(parse_id(&id)?).await,
        "Flavor with given id does not exist",
    )
}

// ----- asset tags (SecL's tag certificates) -----------------------------------------------

/// SecL's JSON body checks for the tag and EK-registry routes: `Content-Type: application/json` (415
/// `Invalid Content-Type`), a body (400 `The request body is not provided`), known fields only
/// (400 `Unable to decode JSON request body`).
fn tag_body<T: serde::de::DeserializeOwned>(headers: &HeaderMap, body: &[u8]) -> ApiResult<T> {
    require_content_type(headers, JSON)?;
    if body.is_empty() {
        return Err(ApiError::bad_request("The request body is not provided"));
    }
    serde_json::from_slice(body)
        .map_err(|e| ApiError::bad_request(format!("Unable to decode JSON request body: {e}")))
}

async fn create_tag_certificate(State(hvs): St, headers: HeaderMap, body: Bytes) -> ApiResult {
    authorize(
        &hvs,
        &headers,
        Permission::new("tag_certificates", "create"),
    )
    .await?;
    require_accept(&headers, JSON)?;
    let req: TagCertCreate = tag_body(&headers, &body)?;
    let cert = hvs.create_tag_certificate(req).await.map_err(api_error)?;
    Ok(created(cert))
}

async fn list_tag_certificates(
    State(hvs): St,
    headers: HeaderMap,
    Query(q): Query<Vec<(String, String)>>,
) -> ApiResult {
    authorize(
        &hvs,
        &headers,
        Permission::new("tag_certificates", "search"),
    )
    .await?;
    require_accept(&headers, JSON)?;
    let filter = tag_filter(&q)?;
    let certs = hvs.tag_certificates(&filter).await.map_err(api_error)?;
    Ok(Json(serde_json::json!({ "certificates": certs })).into_response())
}

/// One certificate; SecL finds it through the search (`?id=`), so the same permission.
async fn get_tag_certificate(
    State(hvs): St,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> ApiResult {
    authorize(
        &hvs,
        &headers,
        Permission::new("tag_certificates", "search"),
    )
    .await?;
    require_accept(&headers, JSON)?;
    found(
        hvs.tag_certificate(parse_id(&id)?).await,
        TAG_CERT_NOT_FOUND,
    )
}

async fn delete_tag_certificate(
    State(hvs): St,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> ApiResult {
    authorize(
        &hvs,
        &headers,
        Permission::new("tag_certificates", "delete"),
    )
    .await?;
    deleted(
        hvs.delete_tag_certificate(parse_id(&id)?).await,
        TAG_CERT_NOT_FOUND,
    )
}

/// SecL's TagCertificateDeployCriteria.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TagDeploy {
    #[serde(default)]
    certificate_id: Option<String>,
}

async fn deploy_tag_certificate(State(hvs): St, headers: HeaderMap, body: Bytes) -> ApiResult {
    authorize(
        &hvs,
        &headers,
        Permission::new("tag_certificates", "deploy"),
    )
    .await?;
    require_accept(&headers, JSON)?;
    let req: TagDeploy = tag_body(&headers, &body)?;
    let id = req
        .certificate_id
        .as_deref()
        .and_then(|s| Uuid::try_parse(s.trim()).ok())
        .filter(|u| !u.is_nil())
        .ok_or_else(|| {
            ApiError::bad_request("Invalid UUID format of the Tag Certificate identifier provided")
        })?;
    let flavor = hvs.deploy_tag_certificate(id).await.map_err(api_error)?;
    let mut view = hvs.flavor_views(&[flavor]).await.map_err(api_error)?;
    Ok(Json(view.pop()).into_response())
}

/// SecL's tag certificate search parameters; anything else, or a value that does not parse,
/// is 400.
fn tag_filter(q: &[(String, String)]) -> ApiResult<TagCertFilter> {
    query_params(
        q,
        &[
            "id",
            "hardwareUuid",
            "subjectEqualTo",
            "subjectContains",
            "issuerEqualTo",
            "issuerContains",
            "validOn",
            "validBefore",
            "validAfter",
        ],
    )?;
    let uuid = |name: &str, what: &str| {
        query_uuid(q, name, || {
            format!("Invalid UUID format of the {what} specified")
        })
    };
    Ok(TagCertFilter {
        id: uuid("id", "TagCertificate Identifier")?,
        hardware_uuid: uuid("hardwareUuid", "Host HardwareUUID")?,
        subject_equal_to: query_text(q, "subjectEqualTo", 255)?,
        subject_contains: query_text(q, "subjectContains", 255)?,
        issuer_equal_to: query_text(q, "issuerEqualTo", 255)?,
        issuer_contains: query_text(q, "issuerContains", 255)?,
        valid_on: query_date(q, "validOn")?,
        valid_before: query_date(q, "validBefore")?,
        valid_after: query_date(q, "validAfter")?,
    })
}

// ----- EK registry (SecL's tpm-endorsements) ----------------------------------------------

fn endorsements_permission(action: &'static str) -> Permission {
    Permission::new("tpm_endorsements", action)
}

async fn create_endorsement(State(hvs): St, headers: HeaderMap, body: Bytes) -> ApiResult {
    authorize(&hvs, &headers, endorsements_permission("create")).await?;
    require_accept(&headers, JSON)?;
    let req: EndorsementInput = tag_body(&headers, &body)?;
    let record = hvs.create_endorsement(req).await.map_err(api_error)?;
    Ok(created(record))
}

async fn list_endorsements(
    State(hvs): St,
    headers: HeaderMap,
    Query(q): Query<Vec<(String, String)>>,
) -> ApiResult {
    authorize(&hvs, &headers, endorsements_permission("search")).await?;
    require_accept(&headers, JSON)?;
    let filter = endorsement_filter(&q)?;
    let tpmendorsements = hvs.endorsements(&filter).await.map_err(api_error)?;
    Ok(Json(TpmEndorsementCollection { tpmendorsements }).into_response())
}

/// SecL's `DELETE /tpm-endorsements?...`: every registration the search finds (needs both
/// `search` and `delete`); 204 also when none matched.
async fn delete_endorsements(
    State(hvs): St,
    headers: HeaderMap,
    Query(q): Query<Vec<(String, String)>>,
) -> ApiResult {
    authorize(&hvs, &headers, endorsements_permission("search")).await?;
    authorize(&hvs, &headers, endorsements_permission("delete")).await?;
    let filter = endorsement_filter(&q)?;
    for e in hvs.endorsements(&filter).await.map_err(api_error)? {
        hvs.delete_endorsement(e.id).await.map_err(api_error)?;
    }
    Ok(StatusCode::NO_CONTENT.into_response())
}

async fn get_endorsement(State(hvs): St, headers: HeaderMap, Path(id): Path<String>) -> ApiResult {
    authorize(&hvs, &headers, endorsements_permission("retrieve")).await?;
    require_accept(&headers, JSON)?;
    found(hvs.endorsement(parse_id(&id)?).await, ENDORSEMENT_NOT_FOUND)
}

async fn update_endorsement(
    State(hvs): St,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult {
    authorize(&hvs, &headers, endorsements_permission("store")).await?;
    require_accept(&headers, JSON)?;
    let id = parse_id(&id)?;
    let req: EndorsementInput = tag_body(&headers, &body)?;
    found(hvs.update_endorsement(id, req).await, ENDORSEMENT_NOT_FOUND)
}

async fn delete_endorsement(
    State(hvs): St,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> ApiResult {
    authorize(&hvs, &headers, endorsements_permission("delete")).await?;
    deleted(
        hvs.delete_endorsement(parse_id(&id)?).await,
        ENDORSEMENT_NOT_FOUND,
    )
}

/// SecL's tpm-endorsement search parameters; anything else, or a value that does not parse,
/// is 400.
fn endorsement_filter(q: &[(String, String)]) -> ApiResult<EndorsementFilter> {
    query_params(
        q,
        &[
            "id",
            "hardwareUuidEqualTo",
            "issuerEqualTo",
            "issuerContains",
            "revokedEqualTo",
            "commentEqualTo",
            "commentContains",
            "certificateDigestEqualTo",
            "afterId",
            "limit",
        ],
    )?;
    let uuid = |name: &str| {
        query_uuid(q, name, || {
            format!("Invalid {name} query param value, must be UUID")
        })
    };
    let text = |name: &str| query_text(q, name, 1024);
    let revoked = match query_value(q, "revokedEqualTo") {
        None => None,
        Some(v) => Some(secl_bool(v).ok_or_else(|| {
            ApiError::bad_request("Valid contents for RevokedEqualTo must be specified")
        })?),
    };
    let digest = match query_value(q, "certificateDigestEqualTo") {
        Some(d) if d.len() != 96 || !d.bytes().all(|b| b.is_ascii_hexdigit()) => {
            return Err(ApiError::bad_request(
                "Valid contents for CertificateDigestEqualTo must be specified (SHA-384, hex)",
            ));
        }
        d => d.map(str::to_ascii_lowercase),
    };
    Ok(EndorsementFilter {
        id: uuid("id")?,
        hardware_uuid: uuid("hardwareUuidEqualTo")?,
        issuer_equal_to: text("issuerEqualTo")?,
        issuer_contains: text("issuerContains")?,
        revoked,
        comment_equal_to: text("commentEqualTo")?,
        comment_contains: text("commentContains")?,
        certificate_digest: digest,
        after_id: uuid("afterId")?,
        limit: query_limit(q)?,
    })
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
    let filter = report_filter(&q)?;
    let reports = hvs.reports(&filter).await.map_err(api_error)?;
    if accepts(&headers, SAML) {
        let body: String = reports.iter().map(|r| r.saml.as_str()).collect();
        return Ok(([(header::CONTENT_TYPE, SAML)], body).into_response());
    }
    require_accept(&headers, JSON)?;
    Ok(Json(reports).into_response())
}

/// SecL's report search parameters; anything else, or a value that does not parse, is 400.
fn report_filter(q: &[(String, String)]) -> ApiResult<ReportFilter> {
    query_params(
        q,
        &[
            "id",
            "hostId",
            "hostHardwareId",
            "hostName",
            "hostStatus",
            "fromDate",
            "toDate",
            "latestPerHost",
            "numberOfDays",
            "limit",
            "afterId",
        ],
    )?;
    let get = |name: &str| query_value(q, name);
    let uuid = |name: &str, what: &str| {
        query_uuid(q, name, || {
            format!("Invalid UUID format of the {what} specified")
        })
    };
    let mut f = ReportFilter {
        id: uuid("id", "Report Identifier")?,
        host_id: uuid("hostId", "Host Identifier")?,
        hardware_uuid: uuid("hostHardwareId", "Host Hardware Identifier")?,
        after_id: uuid("afterId", "afterId")?,
        host_name: get("hostName").map(str::to_string),
        ..ReportFilter::default()
    };
    if let Some(s) = get("hostStatus") {
        if !HOST_STATES.iter().any(|h| h.eq_ignore_ascii_case(s)) {
            return Err(ApiError::bad_request(
                "Valid contents for HostStatus must be specified",
            ));
        }
        f.host_status = Some(s.to_string());
    }
    f.from = query_date(q, "fromDate")?;
    f.to = query_date(q, "toDate")?;
    if let Some(v) = get("latestPerHost") {
        f.latest_per_host = secl_bool(v)
            .ok_or_else(|| ApiError::bad_request("latestPerHost must be true or false"))?;
    }
    if let Some(v) = get("numberOfDays") {
        let days: u32 = v
            .parse()
            .ok()
            .filter(|d| *d <= MAX_NUMBER_OF_DAYS)
            .ok_or_else(|| {
                ApiError::bad_request("NumberOfDays must be an integer >= 0 and <= 365")
            })?;
        // As in SecL: a number of days replaces fromDate and toDate.
        if days > 0 {
            let now = time::OffsetDateTime::now_utc();
            f.to = Some(now + time::Duration::seconds(1));
            f.from = Some(now - time::Duration::days(i64::from(days)));
        }
    }
    if let Some(limit) = query_limit(q)? {
        f.limit = limit;
    }
    Ok(f)
}

/// Query parameter `name`, trimmed; None when it is absent or blank (SecL ignores blank
/// filters).
fn query_value<'a>(q: &'a [(String, String)], name: &str) -> Option<&'a str> {
    param(q, name).map(str::trim).filter(|v| !v.is_empty())
}

/// A UUID parameter; a malformed one is 400 with `message`, the route's SecL text.
fn query_uuid(
    q: &[(String, String)],
    name: &str,
    message: impl FnOnce() -> String,
) -> ApiResult<Option<Uuid>> {
    match query_value(q, name) {
        None => Ok(None),
        Some(v) => Uuid::try_parse(v)
            .map(Some)
            .map_err(|_| ApiError::bad_request(message())),
    }
}

/// A free-text parameter: at most `max` bytes and no control characters.
fn query_text(q: &[(String, String)], name: &str, max: usize) -> ApiResult<Option<String>> {
    match query_value(q, name) {
        Some(v) if v.len() > max || v.chars().any(char::is_control) => Err(ApiError::bad_request(
            format!("Valid contents for {name} must be specified"),
        )),
        other => Ok(other.map(str::to_string)),
    }
}

/// A date parameter in one of [`parse_date`]'s forms.
fn query_date(q: &[(String, String)], name: &str) -> ApiResult<Option<time::OffsetDateTime>> {
    query_value(q, name)
        .map(|v| parse_date(v, name))
        .transpose()
}

/// `limit`: an integer > 0, capped at [`REPORT_SEARCH_LIMIT`].
fn query_limit(q: &[(String, String)]) -> ApiResult<Option<usize>> {
    query_value(q, "limit")
        .map(|v| {
            v.parse::<usize>()
                .ok()
                .filter(|l| *l > 0)
                .map(|l| l.min(REPORT_SEARCH_LIMIT))
                .ok_or_else(|| ApiError::bad_request("Limit must be an integer > 0"))
        })
        .transpose()
}

/// SecL's booleans (Go's strconv.ParseBool subset it accepts): true, 1, t / false, 0, f, in
/// any case.
fn secl_bool(v: &str) -> Option<bool> {
    match v.to_ascii_lowercase().as_str() {
        "true" | "1" | "t" => Some(true),
        "false" | "0" | "f" => Some(false),
        _ => None,
    }
}

/// SecL's date formats: `YYYY-MM-DD`, `YYYY-MM-DD hh:mm:ss` (UTC) and RFC 3339.
fn parse_date(v: &str, name: &str) -> ApiResult<time::OffsetDateTime> {
    use time::format_description::well_known::Rfc3339;
    use time::macros::format_description;
    if let Ok(t) = time::OffsetDateTime::parse(v, &Rfc3339) {
        return Ok(t);
    }
    if let Ok(t) = time::PrimitiveDateTime::parse(
        v,
        format_description!("[year]-[month]-[day] [hour]:[minute]:[second]"),
    ) {
        return Ok(t.assume_utc());
    }
    if let Ok(d) = time::Date::parse(v, format_description!("[year]-[month]-[day]")) {
        return Ok(d.midnight().assume_utc());
    }
    Err(ApiError::bad_request(format!(
        "Invalid {name} specified: one of YYYY-MM-DD, YYYY-MM-DD hh:mm:ss or \
         YYYY-MM-DDThh:mm:ss.000Z must be specified"
    )))
}

// ----- flavor groups ----------------------------------------------------------------------

/// A group as SecL shows it, with the ids of its flavors (`flavorIds`) and, on request, the
/// flavors themselves.
async fn flavorgroup_view(
    hvs: &Hvs,
    g: crate::service::FlavorGroup,
    with_flavors: bool,
) -> ApiResult<serde_json::Value> {
    let ids = hvs
        .flavors_by_group()
        .await
        .map_err(api_error)?
        .remove(&g.id)
        .unwrap_or_default();
    let mut v = serde_json::json!({
        "id": g.id,
        "name": g.name,
        "flavorIds": ids,
        "flavor_match_policy_collection": g.flavor_match_policy_collection,
    });
    if with_flavors {
        let mut flavors = Vec::new();
        for id in &ids {
            if let Some(f) = hvs.flavor(*id).await.map_err(api_error)? {
                flavors.push(f);
            }
        }
        v["flavors"] =
            serde_json::Value::Array(hvs.flavor_views(&flavors).await.map_err(api_error)?);
    }
    Ok(v)
}

async fn create_flavorgroup(State(hvs): St, headers: HeaderMap, body: Bytes) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("flavorgroups", "create")).await?;
    require_accept(&headers, JSON)?;
    let req: FlavorGroupCreate = parse_json(&headers, &body)?;
    let g = hvs.create_flavorgroup(req).await.map_err(api_error)?;
    Ok(created(flavorgroup_view(&hvs, g, false).await?))
}

async fn list_flavorgroups(
    State(hvs): St,
    headers: HeaderMap,
    Query(q): Query<Vec<(String, String)>>,
) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("flavorgroups", "search")).await?;
    require_accept(&headers, JSON)?;
    query_params(
        &q,
        &["id", "nameEqualTo", "nameContains", "includeFlavorContent"],
    )?;
    let filter = FlavorGroupFilter {
        id: query_uuid(&q, "id", || {
            "Invalid id query param value, must be UUID".into()
        })?,
        name_equal_to: query_value(&q, "nameEqualTo").map(str::to_string),
        name_contains: query_value(&q, "nameContains").map(str::to_string),
    };
    // SecL reads anything but a true boolean as false.
    let with_flavors = query_value(&q, "includeFlavorContent").and_then(secl_bool) == Some(true);
    let groups = hvs.flavorgroups(&filter).await.map_err(api_error)?;
    let mut views = Vec::with_capacity(groups.len());
    for g in groups {
        views.push(flavorgroup_view(&hvs, g, with_flavors).await?);
    }
    Ok(Json(serde_json::json!({ "flavorgroups": views })).into_response())
}

async fn get_flavorgroup(State(hvs): St, headers: HeaderMap, Path(id): Path<String>) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("flavorgroups", "retrieve")).await?;
    require_accept(&headers, JSON)?;
    match hvs.flavorgroup(parse_id(&id)?).await.map_err(api_error)? {
        Some(g) => Ok(Json(flavorgroup_view(&hvs, g, false).await?).into_response()),
        None => Err(ApiError::not_found(GROUP_NOT_FOUND)),
    }
}

async fn delete_flavorgroup(
    State(hvs): St,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("flavorgroups", "delete")).await?;
    deleted(
        hvs.delete_flavorgroup(parse_id(&id)?).await,
        GROUP_NOT_FOUND,
    )
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct LinkRequest {
    flavor_id: String,
}

async fn create_flavorgroup_link(
    State(hvs): St,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Bytes,
) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("flavorgroups", "create")).await?;
    require_accept(&headers, JSON)?;
    let group = parse_id(&id)?;
    let req: LinkRequest = parse_json(&headers, &body)?;
    let flavor = Uuid::try_parse(req.flavor_id.trim())
        .ok()
        .filter(|u| !u.is_nil())
        .ok_or_else(|| ApiError::bad_request("Invalid FlavorID in request"))?;
    let link = hvs.link_flavor(group, flavor).await.map_err(api_error)?;
    Ok(created(link))
}

async fn list_flavorgroup_links(
    State(hvs): St,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("flavorgroups", "search")).await?;
    require_accept(&headers, JSON)?;
    let group = parse_id(&id)?;
    if hvs.flavorgroup(group).await.map_err(api_error)?.is_none() {
        return Err(ApiError::not_found("FlavorGroup does not exist"));
    }
    let links: Vec<_> = hvs
        .links()
        .await
        .map_err(api_error)?
        .into_iter()
        .filter(|l| l.flavorgroup_id == group)
        .collect();
    Ok(Json(serde_json::json!({ "flavor_flavorgroup_links": links })).into_response())
}

async fn get_flavorgroup_link(
    State(hvs): St,
    headers: HeaderMap,
    Path((id, flavor)): Path<(String, String)>,
) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("flavorgroups", "retrieve")).await?;
    require_accept(&headers, JSON)?;
    found(
        hvs.flavor_link(parse_id(&id)?, parse_id(&flavor)?).await,
        "FlavorGroup-Flavor link does not exist",
    )
}

async fn delete_flavorgroup_link(
    State(hvs): St,
    headers: HeaderMap,
    Path((id, flavor)): Path<(String, String)>,
) -> ApiResult {
    authorize(&hvs, &headers, Permission::new("flavorgroups", "delete")).await?;
    deleted(
        hvs.unlink_flavor(parse_id(&id)?, parse_id(&flavor)?).await,
        "FlavorGroup-Flavor link does not exist",
    )
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
