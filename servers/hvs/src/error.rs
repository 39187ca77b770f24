//! One error type for the service; routes map it onto SecL's status codes.

/// Why an HVS operation failed. Messages of the client-facing variants are safe to show.
#[derive(Debug, thiserror::Error)]
pub enum HvsError {
    /// The request is wrong or refers to something that cannot be used (400).
    #[error("{0}")]
    BadRequest(String),
    /// No such record (404).
    #[error("{0}")]
    NotFound(String),
    /// A record with that identity exists (409).
    #[error("{0}")]
    Conflict(String),
    /// Too much is pending; the client should retry later (429).
    #[error("{0}")]
    TooMany(String),
    /// Missing or wrong credentials (401).
    #[error("{0}")]
    Unauthorized(String),
    /// Something outside the HVS (a host's trust agent) failed the operation (500, with this
    /// message, which never carries a secret).
    #[error("{0}")]
    Failed(String),
    /// Configuration or key material on disk is unusable (start-up).
    #[error("{0}")]
    Config(String),
    /// The store failed.
    #[error("store: {0}")]
    Store(#[from] secl_store::StoreError),
    /// Anything else; details are logged, never sent.
    #[error("{0}")]
    Internal(String),
}

impl From<secl_auth::AuthError> for HvsError {
    fn from(e: secl_auth::AuthError) -> Self {
        use secl_auth::AuthError as A;
        match e {
            A::BadRequest(m) => HvsError::BadRequest(m),
            A::NotFound(m) => HvsError::NotFound(m),
            A::Unauthorized(m) => HvsError::Unauthorized(m),
            A::File(m) => HvsError::Config(m),
            A::Store(e) => HvsError::Store(e),
            A::Internal(m) => HvsError::Internal(m),
        }
    }
}

pub type Result<T, E = HvsError> = std::result::Result<T, E>;

pub(crate) fn bad(m: impl Into<String>) -> HvsError {
    HvsError::BadRequest(m.into())
}

pub(crate) fn internal(m: impl std::fmt::Display) -> HvsError {
    HvsError::Internal(m.to_string())
}
