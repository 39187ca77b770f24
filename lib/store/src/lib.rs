//! Persistence for the secl servers behind one interface.
//!
//! The model is deliberately small: named collections of records (`kind`, `id`) → bytes, plus
//! append-only logs with increasing sequence numbers (audit trails). Servers keep their own typed
//! views on top. Every acknowledged write is durable: the embedded backend commits with fsync,
//! the PostgreSQL backend commits synchronously.
#![forbid(unsafe_code)]

mod embedded;
mod postgres;

pub use embedded::EmbeddedStore;
pub use postgres::PostgresStore;

use std::sync::Arc;

/// Everything that can go wrong in a store, matchable by callers.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// `insert` found a record with that id already.
    #[error("a {kind} record with id {id} already exists")]
    Conflict { kind: String, id: String },
    /// The store location or URL could not be understood.
    #[error("invalid store location {0:?}: use a directory path, embedded:PATH or postgres://...")]
    Location(String),
    /// The embedded database file failed.
    #[error("embedded store: {0}")]
    Embedded(String),
    /// The PostgreSQL server failed or could not be reached.
    #[error("postgres store: {0}")]
    Postgres(String),
    /// Filesystem trouble around the store.
    #[error("store I/O: {0}")]
    Io(#[from] std::io::Error),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// One storage interface for every backend.
#[async_trait::async_trait]
pub trait Store: Send + Sync + 'static {
    /// Adds a new record; `StoreError::Conflict` if (`kind`, `id`) exists.
    async fn insert(&self, kind: &str, id: &str, value: &[u8]) -> Result<()>;
    /// Adds or replaces a record.
    async fn put(&self, kind: &str, id: &str, value: &[u8]) -> Result<()>;
    /// Reads one record.
    async fn get(&self, kind: &str, id: &str) -> Result<Option<Vec<u8>>>;
    /// All records of a kind, ordered by id.
    async fn list(&self, kind: &str) -> Result<Vec<(String, Vec<u8>)>>;
    /// Removes a record; false if there was none.
    async fn delete(&self, kind: &str, id: &str) -> Result<bool>;
    /// Appends to log `log`; returns the new entry's sequence number (1, 2, ... per log, strictly
    /// increasing, shared correctly by several processes on one PostgreSQL).
    async fn append(&self, log: &str, value: &[u8]) -> Result<u64>;
    /// Entries of `log` with sequence number greater than `after`, oldest first, at most `limit`.
    async fn read_log(&self, log: &str, after: u64, limit: usize) -> Result<Vec<(u64, Vec<u8>)>>;
    /// Short human description for logs (never includes credentials).
    fn describe(&self) -> String;
}

/// Opens a store from a location: a directory path or `embedded:DIR` for the embedded store
/// (file `DIR/secl.redb`), `postgres://...` / `postgresql://...` for PostgreSQL.
pub async fn open(location: &str) -> Result<Arc<dyn Store>> {
    if location.starts_with("postgres://") || location.starts_with("postgresql://") {
        Ok(Arc::new(PostgresStore::connect(location).await?))
    } else {
        let dir = location.strip_prefix("embedded:").unwrap_or(location);
        if dir.is_empty() {
            return Err(StoreError::Location(location.to_string()));
        }
        Ok(Arc::new(EmbeddedStore::open(std::path::Path::new(dir))?))
    }
}
