//! HTTP conventions shared by the servers, after SecL: errors are `text/plain` messages ending in
//! a newline; JSON routes insist on JSON `Accept` and `Content-Type`.

use axum::Json;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;
use uuid::Uuid;

/// The JSON media type.
pub const JSON: &str = "application/json";

/// An error answer: status plus a message that is safe to show the client.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
}

impl ApiError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
        }
    }
    pub fn bad_request(m: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, m)
    }
    pub fn unauthorized(m: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, m)
    }
    pub fn not_found(m: impl Into<String>) -> Self {
        Self::new(StatusCode::NOT_FOUND, m)
    }
    pub fn unsupported_media(m: impl Into<String>) -> Self {
        Self::new(StatusCode::UNSUPPORTED_MEDIA_TYPE, m)
    }
    pub fn internal() -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "Internal server error")
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (
            self.status,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            format!("{}\n", self.message),
        )
            .into_response()
    }
}

fn media_type(value: &str) -> &str {
    value.split(';').next().unwrap_or("").trim()
}

/// The request's Content-Type must be `want` (parameters such as charset are allowed).
pub fn require_content_type(headers: &HeaderMap, want: &str) -> Result<(), ApiError> {
    let got = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(media_type);
    if got.is_some_and(|g| g.eq_ignore_ascii_case(want)) {
        Ok(())
    } else {
        Err(ApiError::unsupported_media("Invalid Content-Type"))
    }
}

/// The media type of the request body, lower-cased, if any.
pub fn content_type(headers: &HeaderMap) -> Option<String> {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| media_type(v).to_ascii_lowercase())
}

/// The client must accept `want`. SecL demands exactly `application/json`; this server also takes
/// a missing header and wildcards, which is what curl and browsers send.
pub fn require_accept(headers: &HeaderMap, want: &str) -> Result<(), ApiError> {
    let Some(v) = headers.get(header::ACCEPT) else {
        return Ok(());
    };
    let v = v.to_str().unwrap_or("");
    let (top, _) = want.split_once('/').unwrap_or((want, ""));
    let ok = v.split(',').map(media_type).any(|m| {
        m.eq_ignore_ascii_case(want) || m == "*/*" || m.eq_ignore_ascii_case(&format!("{top}/*"))
    });
    if ok {
        Ok(())
    } else {
        Err(ApiError::unsupported_media("Invalid Accept type"))
    }
}

/// The bearer token of a request, if it carries one.
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    let v = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = v.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|t| !t.is_empty())
}

/// A JSON request body: `Content-Type` must be JSON and the body present.
pub fn parse_json<T: DeserializeOwned>(headers: &HeaderMap, body: &[u8]) -> Result<T, ApiError> {
    require_content_type(headers, JSON)?;
    if body.is_empty() {
        return Err(ApiError::bad_request("The request body was not provided"));
    }
    serde_json::from_slice(body).map_err(|e| {
        // serde's message names the field and position, never echoes secrets of ours.
        ApiError::bad_request(format!("Invalid JSON body: {e}"))
    })
}

/// 201 with a JSON body.
pub fn created<T: Serialize>(v: T) -> Response {
    (StatusCode::CREATED, Json(v)).into_response()
}

/// An id in a path: any UUID.
pub fn parse_id(raw: &str) -> Result<Uuid, ApiError> {
    Uuid::try_parse(raw).map_err(|_| ApiError::bad_request("Invalid id: must be a UUID"))
}

/// Refuses any query parameter not in `allowed` (SecL does the same).
pub fn query_params(q: &[(String, String)], allowed: &[&str]) -> Result<(), ApiError> {
    for (k, _) in q {
        if !allowed.contains(&k.as_str()) {
            return Err(ApiError::bad_request(format!(
                "Invalid query parameter provided: {k}"
            )));
        }
    }
    Ok(())
}

/// The first value of query parameter `name`.
pub fn param<'a>(q: &'a [(String, String)], name: &str) -> Option<&'a str> {
    q.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn h(name: header::HeaderName, v: &str) -> HeaderMap {
        let mut m = HeaderMap::new();
        m.insert(name, HeaderValue::from_str(v).unwrap());
        m
    }

    #[test]
    fn accept_rules() {
        let j = "application/json";
        assert!(require_accept(&HeaderMap::new(), j).is_ok());
        assert!(require_accept(&h(header::ACCEPT, "application/json"), j).is_ok());
        assert!(require_accept(&h(header::ACCEPT, "*/*"), j).is_ok());
        assert!(require_accept(&h(header::ACCEPT, "text/html, application/*"), j).is_ok());
        assert!(require_accept(&h(header::ACCEPT, "application/xml"), j).is_err());
    }

    #[test]
    fn content_type_rules() {
        let j = "application/json";
        assert!(
            require_content_type(
                &h(header::CONTENT_TYPE, "application/json; charset=utf-8"),
                j
            )
            .is_ok()
        );
        assert!(require_content_type(&h(header::CONTENT_TYPE, "text/plain"), j).is_err());
        assert!(require_content_type(&HeaderMap::new(), j).is_err());
    }

    #[test]
    fn json_bodies_ids_and_query_parameters() {
        let json = h(header::CONTENT_TYPE, "application/json");
        let v: serde_json::Value = parse_json(&json, b"{\"a\":1}").unwrap();
        assert_eq!(v["a"], 1);
        let err = |r: Result<serde_json::Value, ApiError>| r.unwrap_err();
        assert_eq!(err(parse_json(&json, b"")).status, StatusCode::BAD_REQUEST);
        assert!(
            err(parse_json(&json, b"{"))
                .message
                .starts_with("Invalid JSON body: ")
        );
        let text = h(header::CONTENT_TYPE, "text/plain");
        assert_eq!(
            err(parse_json(&text, b"{}")).status,
            StatusCode::UNSUPPORTED_MEDIA_TYPE
        );
        assert_eq!(created(1).status(), StatusCode::CREATED);
        assert!(parse_id("7d2a4e46-2ef2-4d3c-9b4e-1c1c7b5e2a10").is_ok());
        assert_eq!(
            parse_id("1").unwrap_err().message,
            "Invalid id: must be a UUID"
        );
        let q = vec![("a".to_string(), "1".to_string())];
        assert_eq!(param(&q, "a"), Some("1"));
        assert_eq!(param(&q, "b"), None);
        assert!(query_params(&q, &["a", "b"]).is_ok());
        assert_eq!(
            query_params(&q, &["b"]).unwrap_err().message,
            "Invalid query parameter provided: a"
        );
    }

    #[test]
    fn bearer_parsing() {
        assert_eq!(bearer(&h(header::AUTHORIZATION, "Bearer abc")), Some("abc"));
        assert_eq!(
            bearer(&h(header::AUTHORIZATION, "bearer  abc ")),
            Some("abc")
        );
        assert_eq!(bearer(&h(header::AUTHORIZATION, "Basic abc")), None);
        assert_eq!(bearer(&h(header::AUTHORIZATION, "Bearer ")), None);
        assert_eq!(bearer(&HeaderMap::new()), None);
    }
}
