//! One error type for the service; routes map it onto SecL's status codes.

/// Why a WLS operation failed. Messages of the client-facing variants are safe to show.
#[derive(Debug, thiserror::Error)]
pub enum WlsError {
    /// The request is wrong or refers to something that cannot be used (400).
    #[error("{0}")]
    BadRequest(String),
    /// Missing or wrong credentials, or an untrusted flavor signer (401).
    #[error("{0}")]
    Unauthorized(String),
    /// Refused by this server's policy, e.g. `--require-image-flavor` (403).
    #[error("{0}")]
    Forbidden(String),
    /// No such record (404).
    #[error("{0}")]
    NotFound(String),
    /// A record with that identity exists (409).
    #[error("{0}")]
    Conflict(String),
    /// A key request failed at the HVS, the report or the KBS (500, as SecL answers). The
    /// message says which and is shown to the client; it never holds key material.
    #[error("{0}")]
    Upstream(String),
    /// Configuration or files on disk are unusable (start-up).
    #[error("{0}")]
    Config(String),
    /// The store failed.
    #[error("store: {0}")]
    Store(#[from] secl_store::StoreError),
    /// Anything else; details are logged, never sent.
    #[error("{0}")]
    Internal(String),
}

impl From<secl_auth::AuthError> for WlsError {
    fn from(e: secl_auth::AuthError) -> Self {
        use secl_auth::AuthError as A;
        match e {
            A::BadRequest(m) => WlsError::BadRequest(m),
            A::NotFound(m) => WlsError::NotFound(m),
            A::Unauthorized(m) => WlsError::Unauthorized(m),
            A::File(m) => WlsError::Config(m),
            A::Store(e) => WlsError::Store(e),
            A::Internal(m) => WlsError::Internal(m),
        }
    }
}

pub type Result<T, E = WlsError> = std::result::Result<T, E>;

pub(crate) fn bad(m: impl Into<String>) -> WlsError {
    WlsError::BadRequest(m.into())
}

pub(crate) fn internal(m: impl std::fmt::Display) -> WlsError {
    WlsError::Internal(m.to_string())
}
