//! Embedded backend over redb: one file, one process, no server to run.
//!
//! Every write transaction commits with [`Durability::Immediate`] (fsync before the call
//! returns), so an acknowledged write survives `kill -9` and power loss. redb is blocking, so all
//! database work runs on tokio's blocking pool and never stalls the async workers.

use std::fmt::Display;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use redb::{Database, Durability, ReadableDatabase, ReadableTable, TableDefinition};

use crate::{Result, Store, StoreError};

/// Records keyed by (kind, id). Tuple keys compare element by element and `&str` compares by
/// bytes, so a kind's records are contiguous and ordered by id exactly like Rust's `str` order.
const RECORDS: TableDefinition<(&str, &str), &[u8]> = TableDefinition::new("secl_records");
/// Log entries keyed by (log, seq); a log's entries are contiguous and ordered by seq.
const LOGS: TableDefinition<(&str, u64), &[u8]> = TableDefinition::new("secl_log");

/// Name of the database file inside the store directory.
const FILE_NAME: &str = "secl.redb";

/// A store in a single redb file, `DIR/secl.redb`. Cheap to clone handles via `Arc` inside;
/// only one process (and one `EmbeddedStore`) may have the file open at a time.
#[derive(Clone)]
pub struct EmbeddedStore {
    db: Arc<Database>,
    path: PathBuf,
}

impl std::fmt::Debug for EmbeddedStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EmbeddedStore")
            .field("path", &self.path)
            .finish()
    }
}

fn embedded_err(context: &str, e: impl Display) -> StoreError {
    StoreError::Embedded(format!("{context}: {e}"))
}

impl EmbeddedStore {
    /// Opens (creating if needed) the store in `dir`. The directory is created with mode 0700
    /// and the file with mode 0600, since records hold secrets; existing permissions are kept.
    ///
    /// Fails with `StoreError::Embedded` if another process or store already has the file open.
    pub fn open(dir: &Path) -> Result<Self> {
        create_private_dir(dir)?;
        let path = dir.join(FILE_NAME);
        create_private_file(&path)?;
        let db = Database::create(&path).map_err(|e| match e {
            redb::DatabaseError::DatabaseAlreadyOpen => StoreError::Embedded(format!(
                "{} is already open (by another process or another store in this one)",
                path.display()
            )),
            e => embedded_err(&format!("opening {}", path.display()), e),
        })?;
        // Create both tables up front so read transactions never meet a missing table.
        let mut txn = db
            .begin_write()
            .map_err(|e| embedded_err("begin write", e))?;
        txn.set_durability(Durability::Immediate)
            .map_err(|e| embedded_err("set durability", e))?;
        txn.open_table(RECORDS)
            .map_err(|e| embedded_err("open records table", e))?;
        txn.open_table(LOGS)
            .map_err(|e| embedded_err("open log table", e))?;
        txn.commit().map_err(|e| embedded_err("commit", e))?;
        Ok(Self {
            db: Arc::new(db),
            path,
        })
    }

    /// Runs blocking database work on the blocking pool.
    async fn blocking<T, F>(&self, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&Database) -> Result<T> + Send + 'static,
    {
        let db = Arc::clone(&self.db);
        tokio::task::spawn_blocking(move || f(&db))
            .await
            .map_err(|e| embedded_err("background task failed", e))?
    }

    /// Runs `f` in one write transaction committed with fsync; nothing is written if `f` fails.
    async fn write<T, F>(&self, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&redb::WriteTransaction) -> Result<T> + Send + 'static,
    {
        self.blocking(move |db| {
            let mut txn = db
                .begin_write()
                .map_err(|e| embedded_err("begin write", e))?;
            txn.set_durability(Durability::Immediate)
                .map_err(|e| embedded_err("set durability", e))?;
            // On error the transaction is dropped, which aborts it.
            let out = f(&txn)?;
            txn.commit().map_err(|e| embedded_err("commit", e))?;
            Ok(out)
        })
        .await
    }

    /// Runs `f` in a read transaction (a consistent snapshot).
    async fn read<T, F>(&self, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&redb::ReadTransaction) -> Result<T> + Send + 'static,
    {
        self.blocking(move |db| {
            let txn = db.begin_read().map_err(|e| embedded_err("begin read", e))?;
            f(&txn)
        })
        .await
    }
}

#[cfg(unix)]
fn create_private_dir(dir: &Path) -> Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    if dir.is_dir() {
        return Ok(());
    }
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)?;
    Ok(())
}

#[cfg(not(unix))]
fn create_private_dir(dir: &Path) -> Result<()> {
    std::fs::create_dir_all(dir)?;
    Ok(())
}

#[cfg(unix)]
fn create_private_file(path: &Path) -> Result<()> {
    use std::os::unix::fs::OpenOptionsExt;
    if path.exists() {
        return Ok(());
    }
    // redb initialises an empty file in place; creating it ourselves sets the mode.
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
    {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(unix))]
fn create_private_file(_path: &Path) -> Result<()> {
    Ok(())
}

#[async_trait::async_trait]
impl Store for EmbeddedStore {
    async fn insert(&self, kind: &str, id: &str, value: &[u8]) -> Result<()> {
        let (kind, id, value) = (kind.to_owned(), id.to_owned(), value.to_vec());
        self.write(move |txn| {
            let mut table = txn
                .open_table(RECORDS)
                .map_err(|e| embedded_err("open records table", e))?;
            // Check and write in the same write transaction: writers are serialised, so no
            // other insert can slip in between.
            let exists = table
                .get((kind.as_str(), id.as_str()))
                .map_err(|e| embedded_err("get", e))?
                .is_some();
            if exists {
                return Err(StoreError::Conflict { kind, id });
            }
            table
                .insert((kind.as_str(), id.as_str()), value.as_slice())
                .map_err(|e| embedded_err("insert", e))?;
            Ok(())
        })
        .await
    }

    async fn put(&self, kind: &str, id: &str, value: &[u8]) -> Result<()> {
        let (kind, id, value) = (kind.to_owned(), id.to_owned(), value.to_vec());
        self.write(move |txn| {
            let mut table = txn
                .open_table(RECORDS)
                .map_err(|e| embedded_err("open records table", e))?;
            table
                .insert((kind.as_str(), id.as_str()), value.as_slice())
                .map_err(|e| embedded_err("insert", e))?;
            Ok(())
        })
        .await
    }

    async fn get(&self, kind: &str, id: &str) -> Result<Option<Vec<u8>>> {
        let (kind, id) = (kind.to_owned(), id.to_owned());
        self.read(move |txn| {
            let table = txn
                .open_table(RECORDS)
                .map_err(|e| embedded_err("open records table", e))?;
            let value = table
                .get((kind.as_str(), id.as_str()))
                .map_err(|e| embedded_err("get", e))?;
            Ok(value.map(|v| v.value().to_vec()))
        })
        .await
    }

    async fn list(&self, kind: &str) -> Result<Vec<(String, Vec<u8>)>> {
        let kind = kind.to_owned();
        self.read(move |txn| {
            let table = txn
                .open_table(RECORDS)
                .map_err(|e| embedded_err("open records table", e))?;
            // ("kind", "") is the smallest key of the kind; stop at the first other kind.
            let range = table
                .range((kind.as_str(), "")..)
                .map_err(|e| embedded_err("range", e))?;
            let mut out = Vec::new();
            for entry in range {
                let (key, value) = entry.map_err(|e| embedded_err("range", e))?;
                let (k, id) = key.value();
                if k != kind {
                    break;
                }
                out.push((id.to_owned(), value.value().to_vec()));
            }
            Ok(out)
        })
        .await
    }

    async fn delete(&self, kind: &str, id: &str) -> Result<bool> {
        let (kind, id) = (kind.to_owned(), id.to_owned());
        self.write(move |txn| {
            let mut table = txn
                .open_table(RECORDS)
                .map_err(|e| embedded_err("open records table", e))?;
            let old = table
                .remove((kind.as_str(), id.as_str()))
                .map_err(|e| embedded_err("remove", e))?;
            Ok(old.is_some())
        })
        .await
    }

    async fn append(&self, log: &str, value: &[u8]) -> Result<u64> {
        let (log, value) = (log.to_owned(), value.to_vec());
        self.write(move |txn| {
            let mut table = txn
                .open_table(LOGS)
                .map_err(|e| embedded_err("open log table", e))?;
            // Entries are never deleted, so the last key of the log is the highest seq handed
            // out; the write lock keeps the read-then-insert atomic.
            let last = table
                .range((log.as_str(), 0u64)..=(log.as_str(), u64::MAX))
                .map_err(|e| embedded_err("range", e))?
                .next_back()
                .transpose()
                .map_err(|e| embedded_err("range", e))?
                .map_or(0, |(key, _)| key.value().1);
            let seq = last
                .checked_add(1)
                .ok_or_else(|| StoreError::Embedded(format!("log {log} is full")))?;
            table
                .insert((log.as_str(), seq), value.as_slice())
                .map_err(|e| embedded_err("insert", e))?;
            Ok(seq)
        })
        .await
    }

    async fn read_log(&self, log: &str, after: u64, limit: usize) -> Result<Vec<(u64, Vec<u8>)>> {
        let Some(first) = after.checked_add(1) else {
            return Ok(Vec::new());
        };
        if limit == 0 {
            return Ok(Vec::new());
        }
        let log = log.to_owned();
        self.read(move |txn| {
            let table = txn
                .open_table(LOGS)
                .map_err(|e| embedded_err("open log table", e))?;
            let range = table
                .range((log.as_str(), first)..=(log.as_str(), u64::MAX))
                .map_err(|e| embedded_err("range", e))?;
            let mut out = Vec::new();
            for entry in range.take(limit) {
                let (key, value) = entry.map_err(|e| embedded_err("range", e))?;
                out.push((key.value().1, value.value().to_vec()));
            }
            Ok(out)
        })
        .await
    }

    fn describe(&self) -> String {
        format!("embedded redb store at {}", self.path.display())
    }
}
