//! SecL-style bearer tokens shared by the secl services: scoped permission rules such as
//! `keys:create:*` (see [`secl_api::permission`]), optional expiry, revocation, and only the
//! SHA-256 of each secret kept in the store. The admin token (`*:*:*`) is minted once, at the
//! first start, and written to a private file.
//!
//! A [`TokenStore`] works in one namespace of a [`secl_store::Store`]: namespace `kbs` keeps
//! tokens under kind `kbs.token` and its bootstrap marker under `kbs.meta`/`admin-bootstrap`.
#![forbid(unsafe_code)]

pub mod tokens;

use std::io::Write;
use std::path::Path;
use std::sync::Arc;

use secl_api::kbs::{TokenRequest, TokenResponse};
use secl_api::{Permission, Rule};
use secl_store::{Store, StoreError};
use time::OffsetDateTime;
use uuid::Uuid;
use zeroize::Zeroizing;

pub use tokens::TokenRecord;

const META_ADMIN: &str = "admin-bootstrap";
/// Longest token name accepted.
const MAX_NAME: usize = 256;
/// Longest lifetime a token may be given.
const MAX_LIFETIME_SECONDS: u64 = 10 * 366 * 86_400;

/// Why a token operation failed; services map each variant onto their own error type.
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    /// The request is malformed (400).
    #[error("{0}")]
    BadRequest(String),
    /// No such token (404).
    #[error("{0}")]
    NotFound(String),
    /// No valid credential (401).
    #[error("{0}")]
    Unauthorized(String),
    /// The admin token file could not be written.
    #[error("{0}")]
    File(String),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A stored record is unreadable, or another impossible state.
    #[error("internal error: {0}")]
    Internal(String),
}

pub type Result<T, E = AuthError> = std::result::Result<T, E>;

/// Who made a request, for permission checks and audit trails.
#[derive(Clone, Debug)]
pub struct Principal {
    pub token_id: Uuid,
    pub name: String,
    rules: Vec<Rule>,
}

impl Principal {
    /// Does any of this caller's rules grant `want`?
    pub fn may(&self, want: Permission) -> bool {
        secl_api::permission::any_grants(&self.rules, want)
    }

    /// How audit trails name this caller.
    pub fn actor(&self) -> String {
        format!("token {} ({})", self.name, self.token_id)
    }
}

/// Tokens of one service in a shared store. Cheap to clone.
#[derive(Clone)]
pub struct TokenStore {
    store: Arc<dyn Store>,
    kind_token: String,
    kind_meta: String,
    example_rule: &'static str,
}

impl std::fmt::Debug for TokenStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenStore")
            .field("store", &self.store.describe())
            .field("kind", &self.kind_token)
            .finish_non_exhaustive()
    }
}

fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

impl TokenStore {
    /// Tokens under `{namespace}.token`, the bootstrap marker under `{namespace}.meta`.
    /// `example_rule` is named when a token request carries no rule (e.g. `keys:create:*`).
    pub fn new(store: Arc<dyn Store>, namespace: &str, example_rule: &'static str) -> Self {
        Self {
            store,
            kind_token: format!("{namespace}.token"),
            kind_meta: format!("{namespace}.meta"),
            example_rule,
        }
    }

    fn encode(record: &TokenRecord) -> Result<Vec<u8>> {
        serde_json::to_vec(record)
            .map_err(|e| AuthError::Internal(format!("encoding a record: {e}")))
    }

    fn decode(bytes: &[u8]) -> Result<TokenRecord> {
        serde_json::from_slice(bytes)
            .map_err(|e| AuthError::Internal(format!("stored token record is unreadable: {e}")))
    }

    async fn record(&self, id: Uuid) -> Result<Option<TokenRecord>> {
        match self.store.get(&self.kind_token, &id.to_string()).await? {
            Some(bytes) => Ok(Some(Self::decode(&bytes)?)),
            None => Ok(None),
        }
    }

    /// First start: creates the admin token (`*:*:*`) and writes it to `admin_token_file`
    /// (mode 0600). Later starts, and other instances sharing the store, do nothing. Returns
    /// true when a token was written.
    pub async fn bootstrap_admin(&self, admin_token_file: &Path) -> Result<bool> {
        if self.store.get(&self.kind_meta, META_ADMIN).await?.is_some() {
            return Ok(false);
        }
        match self.store.insert(&self.kind_meta, META_ADMIN, b"1").await {
            Ok(()) => {}
            Err(StoreError::Conflict { .. }) => return Ok(false),
            Err(e) => return Err(e.into()),
        }
        self.write_admin_token(admin_token_file).await?;
        Ok(true)
    }

    /// Creates a fresh admin token and (re)writes `admin_token_file`: the recovery path when the
    /// file is lost. Earlier admin tokens stay valid until revoked.
    pub async fn write_admin_token(&self, admin_token_file: &Path) -> Result<Uuid> {
        let (record, bearer) = tokens::mint("admin", vec!["*:*:*".to_string()], None);
        self.store
            .insert(
                &self.kind_token,
                &record.id.to_string(),
                &Self::encode(&record)?,
            )
            .await?;
        let bearer = Zeroizing::new(format!("{bearer}\n"));
        write_private_replace(admin_token_file, bearer.as_bytes())?;
        Ok(record.id)
    }

    /// Resolves a bearer string to a principal: unknown, revoked and expired tokens are refused.
    pub async fn authenticate(&self, bearer: &str) -> Result<Principal> {
        let denied = || AuthError::Unauthorized("invalid or expired bearer token".into());
        let (id, secret) = tokens::split(bearer).ok_or_else(denied)?;
        let record = self.record(id).await?.ok_or_else(denied)?;
        if !tokens::secret_matches(&record, secret)
            || record.revoked
            || record.expires_at.is_some_and(|t| t <= now())
        {
            return Err(denied());
        }
        Ok(Principal {
            token_id: record.id,
            name: record.name.clone(),
            rules: record.rules(),
        })
    }

    /// Authorizes a request the SecL v5 way (HVS, WLS): the bearer token (None when the
    /// request carries none) must be valid and its rules must grant `want`. Every refusal is
    /// [`AuthError::Unauthorized`] with the message for the client; store failures pass through.
    pub async fn authorize(&self, bearer: Option<&str>, want: Permission) -> Result<Principal> {
        let Some(bearer) = bearer else {
            return Err(AuthError::Unauthorized(
                "Unauthorized: a bearer token is required".into(),
            ));
        };
        let who = match self.authenticate(bearer).await {
            Ok(who) => who,
            Err(AuthError::Unauthorized(_)) => {
                return Err(AuthError::Unauthorized(
                    "Unauthorized: invalid token".into(),
                ));
            }
            Err(e) => return Err(e),
        };
        if !who.may(want) {
            return Err(AuthError::Unauthorized(format!(
                "Insufficient privileges: {want} is required"
            )));
        }
        Ok(who)
    }

    /// Mints a token; the response carries the bearer string, shown this once only.
    pub async fn create(&self, req: &TokenRequest) -> Result<TokenResponse> {
        if req.name.trim().is_empty() {
            return Err(AuthError::BadRequest("token name is missing".into()));
        }
        if req.name.len() > MAX_NAME || req.name.chars().any(char::is_control) {
            return Err(AuthError::BadRequest(format!(
                "name must be at most {MAX_NAME} bytes without control characters"
            )));
        }
        if req.permissions.is_empty() {
            return Err(AuthError::BadRequest(format!(
                "a token needs at least one permission rule, e.g. {}",
                self.example_rule
            )));
        }
        for p in &req.permissions {
            p.parse::<Rule>()
                .map_err(|e| AuthError::BadRequest(e.to_string()))?;
        }
        let expires_at = match req.expires_in_seconds {
            None => None,
            Some(0) => {
                return Err(AuthError::BadRequest(
                    "expires_in_seconds must be > 0".into(),
                ));
            }
            Some(s) if s > MAX_LIFETIME_SECONDS => {
                return Err(AuthError::BadRequest(
                    "expires_in_seconds must be at most ten years".into(),
                ));
            }
            Some(s) => Some(now() + time::Duration::seconds(s as i64)),
        };
        let (record, bearer) = tokens::mint(&req.name, req.permissions.clone(), expires_at);
        self.store
            .insert(
                &self.kind_token,
                &record.id.to_string(),
                &Self::encode(&record)?,
            )
            .await?;
        let mut resp = record.to_response();
        resp.token = Some(bearer);
        Ok(resp)
    }

    /// Every token, oldest first, without secrets.
    pub async fn list(&self) -> Result<Vec<TokenResponse>> {
        let mut out = Vec::new();
        for (_, bytes) in self.store.list(&self.kind_token).await? {
            out.push(Self::decode(&bytes)?.to_response());
        }
        out.sort_by_key(|t| t.created_at);
        Ok(out)
    }

    /// Marks a token revoked; it is refused from then on.
    pub async fn revoke(&self, id: Uuid) -> Result<()> {
        let mut r = self
            .record(id)
            .await?
            .ok_or_else(|| AuthError::NotFound("Token with specified id does not exist".into()))?;
        r.revoked = true;
        self.store
            .put(&self.kind_token, &id.to_string(), &Self::encode(&r)?)
            .await?;
        Ok(())
    }
}

/// Writes a new file readable only by its owner; fails if it exists.
fn write_private_new(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    let io = |e: std::io::Error| AuthError::File(format!("cannot write {}: {e}", path.display()));
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(io)?;
    f.write_all(bytes).map_err(io)?;
    f.sync_all().map_err(io)?;
    Ok(())
}

/// Writes a file readable only by its owner, atomically replacing any old one.
fn write_private_replace(path: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = path.with_extension("tmp");
    let _ = std::fs::remove_file(&tmp);
    write_private_new(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
        .map_err(|e| AuthError::File(format!("cannot write {}: {e}", path.display())))
}

#[cfg(test)]
mod store_tests {
    use super::*;

    async fn store(dir: &Path) -> Arc<dyn Store> {
        secl_store::open(dir.to_str().unwrap()).await.unwrap()
    }

    fn req(name: &str, permissions: &[&str], expires: Option<u64>) -> TokenRequest {
        serde_json::from_value(serde_json::json!({
            "name": name,
            "permissions": permissions,
            "expires_in_seconds": expires,
        }))
        .unwrap()
    }

    #[tokio::test]
    async fn bootstrap_once_then_scoped_tokens_and_revocation() {
        let dir = tempfile::tempdir().unwrap();
        let ts = TokenStore::new(store(dir.path()).await, "test", "things:create:*");
        let file = dir.path().join("admin.token");
        assert!(ts.bootstrap_admin(&file).await.unwrap());
        assert!(!ts.bootstrap_admin(&file).await.unwrap());
        let admin = std::fs::read_to_string(&file).unwrap();
        let who = ts.authenticate(admin.trim()).await.unwrap();
        assert!(who.may(Permission::new("anything", "delete")));
        assert_eq!(who.name, "admin");

        let t = ts
            .create(&req("ci", &["reports:create:*"], None))
            .await
            .unwrap();
        let bearer = t.token.clone().unwrap();
        let who = ts.authenticate(&bearer).await.unwrap();
        assert!(who.may(Permission::new("reports", "create")));
        assert!(!who.may(Permission::new("hosts", "create")));
        assert_eq!(ts.list().await.unwrap().len(), 2);
        assert!(ts.list().await.unwrap().iter().all(|t| t.token.is_none()));

        ts.revoke(t.id).await.unwrap();
        assert!(matches!(
            ts.authenticate(&bearer).await,
            Err(AuthError::Unauthorized(_))
        ));
        assert!(matches!(
            ts.revoke(Uuid::new_v4()).await,
            Err(AuthError::NotFound(_))
        ));
    }

    #[tokio::test]
    async fn authorize_answers_as_secl_v5() {
        let dir = tempfile::tempdir().unwrap();
        let ts = TokenStore::new(store(dir.path()).await, "test", "things:create:*");
        let t = ts
            .create(&req("ci", &["hosts:search:*"], None))
            .await
            .unwrap();
        let bearer = t.token.unwrap();
        let msg = |r: Result<Principal>| match r {
            Err(AuthError::Unauthorized(m)) => m,
            other => panic!("{other:?}"),
        };
        let search = Permission::new("hosts", "search");
        let create = Permission::new("hosts", "create");
        assert_eq!(
            msg(ts.authorize(None, search).await),
            "Unauthorized: a bearer token is required"
        );
        assert_eq!(
            msg(ts.authorize(Some("secl.x.y"), search).await),
            "Unauthorized: invalid token"
        );
        assert_eq!(
            msg(ts.authorize(Some(&bearer), create).await),
            format!("Insufficient privileges: {create} is required")
        );
        assert_eq!(
            ts.authorize(Some(&bearer), search).await.unwrap().name,
            "ci"
        );
    }

    #[tokio::test]
    async fn bad_requests_and_namespaces() {
        let dir = tempfile::tempdir().unwrap();
        let s = store(dir.path()).await;
        let a = TokenStore::new(s.clone(), "a", "x:y:*");
        let b = TokenStore::new(s, "b", "x:y:*");
        for r in [
            req(" ", &["x:y"], None),
            req("n", &[], None),
            req("n", &["bad"], None),
            req("n", &["x:y"], Some(0)),
            req("n", &["x:y"], Some(MAX_LIFETIME_SECONDS + 1)),
        ] {
            assert!(matches!(a.create(&r).await, Err(AuthError::BadRequest(_))));
        }
        let t = a.create(&req("n", &["x:y"], Some(60))).await.unwrap();
        assert!(t.expires_at.is_some());
        let bearer = t.token.unwrap();
        assert!(a.authenticate(&bearer).await.is_ok());
        assert!(
            b.authenticate(&bearer).await.is_err(),
            "namespaces are apart"
        );
        assert!(b.list().await.unwrap().is_empty());
    }
}
