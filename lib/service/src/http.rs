//! HTTP conventions shared by the servers, after SecL: errors are `text/plain` messages ending in
//! a newline; JSON routes insist on JSON `Accept` and `Content-Type`.

use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};

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
