//! Exit codes and errors that carry a hint.

use std::fmt;

use secl_api::Error as ApiError;

/// Exit codes of `secl` (documented in `secl --help`).
pub mod exit {
    pub const SUCCESS: u8 = 0;
    pub const ERROR: u8 = 1;
    pub const USAGE: u8 = 2;
    pub const UNAUTHORIZED: u8 = 3;
    pub const NOT_FOUND: u8 = 4;
    pub const UNREACHABLE: u8 = 5;
    pub const REFUSED: u8 = 6;
}

/// An error of the CLI itself, with a suggestion for fixing it.
#[derive(Debug)]
pub struct Hinted {
    pub message: String,
    pub hint: Option<String>,
    pub code: u8,
}

impl fmt::Display for Hinted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Hinted {}

/// An error with a hint and exit code 1.
pub fn hinted(message: impl Into<String>, hint: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(Hinted {
        message: message.into(),
        hint: Some(hint.into()),
        code: exit::ERROR,
    })
}

/// Exit code of a KBS, HVS or WLS client error.
pub fn api_exit_code(e: &ApiError) -> u8 {
    match e {
        ApiError::Connect { .. } | ApiError::Tls { .. } => exit::UNREACHABLE,
        ApiError::Unauthorized(_) | ApiError::Forbidden(_) => exit::UNAUTHORIZED,
        ApiError::NotFound(_) => exit::NOT_FOUND,
        ApiError::Conflict(_) => exit::REFUSED,
        ApiError::BadRequest { status, .. } => match status {
            400 | 409 | 413 | 415 | 422 => exit::REFUSED,
            _ => exit::ERROR,
        },
        ApiError::Server { .. } | ApiError::Decode(_) | ApiError::Config(_) => exit::ERROR,
    }
}

/// Exit code and hint of any error, looking through its context chain.
pub fn classify(err: &anyhow::Error) -> (u8, Option<String>) {
    for cause in err.chain() {
        if let Some(h) = cause.downcast_ref::<Hinted>() {
            return (h.code, h.hint.clone());
        }
        if let Some(api) = cause.downcast_ref::<ApiError>() {
            return (api_exit_code(api), api.hint());
        }
    }
    (exit::ERROR, None)
}

/// Replaces control characters so that server-provided text cannot drive the terminal.
pub fn clean(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use secl_api::{Message, Service};

    use super::*;

    #[test]
    fn api_errors_map_to_documented_codes() {
        let msg = || Message::new(Service::Kbs, "x");
        let (service, url, reason) = (Service::Hvs, String::from("u"), String::from("r"));
        let bad = |status| ApiError::BadRequest { status, msg: msg() };
        let cases = [
            (
                ApiError::Connect {
                    service,
                    url: url.clone(),
                    reason: reason.clone(),
                },
                5,
            ),
            (
                ApiError::Tls {
                    service,
                    url,
                    reason,
                },
                5,
            ),
            (ApiError::Unauthorized(msg()), 3),
            (ApiError::Forbidden(msg()), 3),
            (ApiError::NotFound(msg()), 4),
            (ApiError::Conflict(msg()), 6),
            (bad(400), 6),
            (bad(413), 6),
            (bad(415), 6),
            (bad(429), 1),
            (
                ApiError::Server {
                    status: 500,
                    msg: msg(),
                },
                1,
            ),
            (ApiError::Decode(msg()), 1),
            (ApiError::Config("x".into()), 1),
        ];
        for (e, code) in cases {
            assert_eq!(api_exit_code(&e), code, "{e}");
        }
    }

    #[test]
    fn classify_looks_through_context() {
        for service in [Service::Kbs, Service::Hvs, Service::Wls] {
            let e = anyhow::Error::new(ApiError::NotFound(Message::new(service, "gone")))
                .context("showing key");
            assert_eq!(classify(&e).0, exit::NOT_FOUND);
            let e = anyhow::Error::new(ApiError::Unauthorized(Message::new(service, "bad")))
                .context("outer");
            let (code, hint) = classify(&e);
            assert_eq!(code, exit::UNAUTHORIZED);
            let env = format!("SECL_{}_TOKEN", service.name());
            assert!(hint.unwrap().contains(&env));
        }
        let e = hinted("bad", "fix it").context("outer");
        assert_eq!(classify(&e), (exit::ERROR, Some("fix it".into())));
    }
}
