//! PostgreSQL backend over tokio-postgres, for several server instances sharing one database.
//!
//! Connections are made **without TLS**: the database must be on loopback or a trusted private
//! network (for example a sidecar or a dedicated VLAN). Do not point this at a server across an
//! untrusted network.
//!
//! Every write commits with `synchronous_commit = on`, so an acknowledged write is on the
//! server's disk. Log sequence numbers come from a counter row per log that is incremented in the
//! same transaction as the entry's insert: the row lock serialises appenders across all
//! processes, so numbers never collide, have no gaps, and become visible in increasing order.

use std::error::Error as _;
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

use tokio::sync::{Semaphore, SemaphorePermit};
use tokio_postgres::error::SqlState;
use tokio_postgres::{Client, Config, NoTls};

use crate::{Result, Store, StoreError};

/// Connections kept per store; enough for concurrency, small enough for many instances.
const POOL_SIZE: usize = 4;
/// Used when the URL sets no `connect_timeout`, so an unreachable server fails instead of hanging.
const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Advisory lock key ("SECLSTOR") serialising schema creation across processes starting at once.
const SCHEMA_LOCK: i64 = 0x5345_434c_5354_4f52;

/// `COLLATE "C"` makes ids order by bytes, the same order as the embedded backend and Rust's
/// `str`, whatever the database's locale.
const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS secl_records (
    kind  text COLLATE "C" NOT NULL,
    id    text COLLATE "C" NOT NULL,
    value bytea NOT NULL,
    PRIMARY KEY (kind, id)
);
CREATE TABLE IF NOT EXISTS secl_log (
    log   text COLLATE "C" NOT NULL,
    seq   bigint NOT NULL,
    value bytea NOT NULL,
    PRIMARY KEY (log, seq)
);
CREATE TABLE IF NOT EXISTS secl_log_seq (
    log  text COLLATE "C" PRIMARY KEY,
    last bigint NOT NULL
);
"#;

/// Takes the next sequence number of a log. The row lock taken here is held until commit, so a
/// concurrent appender waits and then gets the following number. A log without a counter row
/// starts after its highest existing entry.
const NEXT_SEQ: &str = "INSERT INTO secl_log_seq (log, last) \
     VALUES ($1, (SELECT coalesce(max(seq), 0) + 1 FROM secl_log WHERE log = $1)) \
     ON CONFLICT (log) DO UPDATE SET last = secl_log_seq.last + 1 \
     RETURNING last";

/// A store in PostgreSQL tables `secl_records`, `secl_log` and `secl_log_seq`, created on
/// connect. Holds a small pool of connections and reconnects when one has failed.
pub struct PostgresStore {
    config: Config,
    /// Connections not in use; a connection is only returned here after its operation ran to
    /// completion, so it never carries a half-done transaction.
    idle: Mutex<Vec<Client>>,
    permits: Semaphore,
    description: String,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStore")
            .field("server", &self.description)
            .finish()
    }
}

/// A connection checked out of the pool, with the permit that counts it.
struct Lease<'a> {
    client: Client,
    _permit: SemaphorePermit<'a>,
}

/// Formats a tokio-postgres error with its cause; `Display` alone only says e.g. "db error".
/// Neither includes connection parameters, so no password can leak through here.
fn pg_err(context: &str, e: &tokio_postgres::Error) -> StoreError {
    if let Some(db) = e.as_db_error() {
        return StoreError::Postgres(format!(
            "{context}: {}: {} (SQLSTATE {})",
            db.severity(),
            db.message(),
            db.code().code()
        ));
    }
    let mut msg = format!("{context}: {e}");
    let mut source = e.source();
    while let Some(s) = source {
        msg.push_str(": ");
        msg.push_str(&s.to_string());
        source = s.source();
    }
    StoreError::Postgres(msg)
}

/// Replaces the password in a `postgres://user:password@host/...` URL (and any `password=`
/// query parameter) with `***`, for error messages about URLs that did not parse.
fn redact_url(url: &str) -> String {
    let Some(i) = url.find("://") else {
        // A key=value connection string: too many ways to spell a password, show none of it.
        return "(key=value connection string, not shown)".to_owned();
    };
    let (scheme, rest) = url.split_at(i + 3);
    // The userinfo ends at the last '@' anywhere, so a password holding an unencoded '/', '?'
    // or '@' is still covered (at worst a bit too much is hidden).
    let (authority, tail) = match rest.rfind('@') {
        Some(at) => {
            let (userinfo, tail) = rest.split_at(at);
            match userinfo.find(':') {
                Some(colon) => (format!("{}:***", &userinfo[..colon]), tail),
                None => (userinfo.to_owned(), tail),
            }
        }
        None => (String::new(), rest),
    };
    let tail = match tail.split_once('?') {
        Some((path, query)) => {
            let params: Vec<String> = query
                .split('&')
                .map(|p| match p.split_once('=') {
                    Some((k, _)) if k.eq_ignore_ascii_case("password") => format!("{k}=***"),
                    _ => p.to_owned(),
                })
                .collect();
            format!("{path}?{}", params.join("&"))
        }
        None => tail.to_owned(),
    };
    format!("{scheme}{authority}{tail}")
}

/// `postgres://user@host:port/dbname` built from the parsed config, never from the URL text.
fn describe_config(config: &Config) -> String {
    let ports = config.get_ports();
    let hosts: Vec<String> = config
        .get_hosts()
        .iter()
        .enumerate()
        .map(|(i, host)| {
            let port = ports.get(i).or(ports.first()).copied().unwrap_or(5432);
            match host {
                tokio_postgres::config::Host::Tcp(name) => format!("{name}:{port}"),
                #[cfg(unix)]
                tokio_postgres::config::Host::Unix(path) => format!("[{}]:{port}", path.display()),
            }
        })
        .collect();
    let user = config
        .get_user()
        .map(|u| format!("{u}@"))
        .unwrap_or_default();
    let db = config.get_dbname().unwrap_or("");
    format!("postgres://{user}{}/{db}", hosts.join(","))
}

impl PostgresStore {
    /// Connects to `url` (`postgres://user[:password]@host[:port]/dbname[?options]`) and creates
    /// the tables if missing. Fails early if the server cannot be reached.
    pub async fn connect(url: &str) -> Result<Self> {
        let mut config: Config = url.parse().map_err(|e: tokio_postgres::Error| {
            pg_err(&format!("cannot parse URL {}", redact_url(url)), &e)
        })?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(DEFAULT_CONNECT_TIMEOUT);
        }
        let store = Self {
            description: describe_config(&config),
            config,
            idle: Mutex::new(Vec::new()),
            permits: Semaphore::new(POOL_SIZE),
        };
        let mut lease = store.acquire().await?;
        let result = store.create_schema(&mut lease.client).await;
        store.release(lease);
        result?;
        Ok(store)
    }

    /// Idempotent, and safe when several processes start at once: the advisory lock makes the
    /// `CREATE TABLE IF NOT EXISTS` statements run one process at a time (on their own they can
    /// fail with a unique violation when racing).
    async fn create_schema(&self, client: &mut Client) -> Result<()> {
        let tx = client
            .transaction()
            .await
            .map_err(|e| pg_err("begin schema transaction", &e))?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&SCHEMA_LOCK])
            .await
            .map_err(|e| pg_err("lock schema", &e))?;
        tx.batch_execute(SCHEMA)
            .await
            .map_err(|e| pg_err("create tables", &e))?;
        tx.commit().await.map_err(|e| pg_err("commit schema", &e))
    }

    async fn open_connection(&self) -> Result<Client> {
        let (client, connection) = self
            .config
            .connect(NoTls)
            .await
            .map_err(|e| pg_err(&format!("connecting to {}", self.description), &e))?;
        // The connection future drives the socket; the client is dead once it ends.
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                tracing::warn!(error = %e, "postgres store connection ended");
            }
        });
        // Guard the durability promise against a server configured with it off.
        client
            .batch_execute("SET synchronous_commit TO on")
            .await
            .map_err(|e| pg_err("set synchronous_commit", &e))?;
        Ok(client)
    }

    /// Checks out a live connection, opening a new one if none is idle.
    async fn acquire(&self) -> Result<Lease<'_>> {
        let permit = self
            .permits
            .acquire()
            .await
            .map_err(|e| StoreError::Postgres(format!("connection pool closed: {e}")))?;
        let reused = loop {
            let next = self
                .idle
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .pop();
            match next {
                Some(client) if client.is_closed() => continue,
                other => break other,
            }
        };
        let client = match reused {
            Some(client) => client,
            None => self.open_connection().await?,
        };
        Ok(Lease {
            client,
            _permit: permit,
        })
    }

    /// Returns a connection whose operation completed; a failed (closed) one is dropped so the
    /// next operation reconnects. A lease dropped without this (a cancelled operation) closes its
    /// connection, since it may be mid-transaction.
    fn release(&self, lease: Lease<'_>) {
        if !lease.client.is_closed() {
            self.idle
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(lease.client);
        }
    }
}

fn seq_to_u64(seq: i64) -> Result<u64> {
    u64::try_from(seq).map_err(|_| StoreError::Postgres(format!("invalid sequence number {seq}")))
}

#[async_trait::async_trait]
impl Store for PostgresStore {
    async fn insert(&self, kind: &str, id: &str, value: &[u8]) -> Result<()> {
        let lease = self.acquire().await?;
        let result = lease
            .client
            .execute(
                "INSERT INTO secl_records (kind, id, value) VALUES ($1, $2, $3) \
                 ON CONFLICT (kind, id) DO NOTHING",
                &[&kind, &id, &value],
            )
            .await;
        self.release(lease);
        let conflict = || StoreError::Conflict {
            kind: kind.to_owned(),
            id: id.to_owned(),
        };
        match result {
            Ok(0) => Err(conflict()),
            Ok(_) => Ok(()),
            Err(e) if e.code() == Some(&SqlState::UNIQUE_VIOLATION) => Err(conflict()),
            Err(e) => Err(pg_err("insert", &e)),
        }
    }

    async fn put(&self, kind: &str, id: &str, value: &[u8]) -> Result<()> {
        let lease = self.acquire().await?;
        let result = lease
            .client
            .execute(
                "INSERT INTO secl_records (kind, id, value) VALUES ($1, $2, $3) \
                 ON CONFLICT (kind, id) DO UPDATE SET value = excluded.value",
                &[&kind, &id, &value],
            )
            .await;
        self.release(lease);
        result.map(drop).map_err(|e| pg_err("put", &e))
    }

    async fn get(&self, kind: &str, id: &str) -> Result<Option<Vec<u8>>> {
        let lease = self.acquire().await?;
        let result = lease
            .client
            .query_opt(
                "SELECT value FROM secl_records WHERE kind = $1 AND id = $2",
                &[&kind, &id],
            )
            .await;
        self.release(lease);
        match result.map_err(|e| pg_err("get", &e))? {
            Some(row) => Ok(Some(row.try_get(0).map_err(|e| pg_err("get", &e))?)),
            None => Ok(None),
        }
    }

    async fn list(&self, kind: &str) -> Result<Vec<(String, Vec<u8>)>> {
        let lease = self.acquire().await?;
        let result = lease
            .client
            .query(
                "SELECT id, value FROM secl_records WHERE kind = $1 ORDER BY id",
                &[&kind],
            )
            .await;
        self.release(lease);
        result
            .map_err(|e| pg_err("list", &e))?
            .iter()
            .map(|row| Ok((row.try_get(0)?, row.try_get(1)?)))
            .collect::<Result<_, tokio_postgres::Error>>()
            .map_err(|e| pg_err("list", &e))
    }

    async fn delete(&self, kind: &str, id: &str) -> Result<bool> {
        let lease = self.acquire().await?;
        let result = lease
            .client
            .execute(
                "DELETE FROM secl_records WHERE kind = $1 AND id = $2",
                &[&kind, &id],
            )
            .await;
        self.release(lease);
        Ok(result.map_err(|e| pg_err("delete", &e))? > 0)
    }

    async fn append(&self, log: &str, value: &[u8]) -> Result<u64> {
        let mut lease = self.acquire().await?;
        let result = async {
            let tx = lease.client.transaction().await?;
            let seq: i64 = tx.query_one(NEXT_SEQ, &[&log]).await?.try_get(0)?;
            tx.execute(
                "INSERT INTO secl_log (log, seq, value) VALUES ($1, $2, $3)",
                &[&log, &seq, &value],
            )
            .await?;
            tx.commit().await?;
            Ok::<_, tokio_postgres::Error>(seq)
        }
        .await;
        self.release(lease);
        seq_to_u64(result.map_err(|e| pg_err("append", &e))?)
    }

    async fn read_log(&self, log: &str, after: u64, limit: usize) -> Result<Vec<(u64, Vec<u8>)>> {
        // Sequence numbers are bigint: nothing lies after i64::MAX.
        let Ok(after) = i64::try_from(after) else {
            return Ok(Vec::new());
        };
        if limit == 0 {
            return Ok(Vec::new());
        }
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let lease = self.acquire().await?;
        let result = lease
            .client
            .query(
                "SELECT seq, value FROM secl_log WHERE log = $1 AND seq > $2 \
                 ORDER BY seq LIMIT $3",
                &[&log, &after, &limit],
            )
            .await;
        self.release(lease);
        let rows = result.map_err(|e| pg_err("read log", &e))?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let seq: i64 = row.try_get(0).map_err(|e| pg_err("read log", &e))?;
            let value: Vec<u8> = row.try_get(1).map_err(|e| pg_err("read log", &e))?;
            out.push((seq_to_u64(seq)?, value));
        }
        Ok(out)
    }

    fn describe(&self) -> String {
        format!("postgres store at {}", self.description)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_passwords() {
        assert_eq!(
            redact_url("postgres://secl:hunter2@db:5432/x?sslmode=disable&password=hunter3"),
            "postgres://secl:***@db:5432/x?sslmode=disable&password=***"
        );
        assert_eq!(
            redact_url("postgresql://u:p@ss:w@h/d"),
            "postgresql://u:***@h/d"
        );
        assert_eq!(redact_url("postgres://u:a/b?c@h/d"), "postgres://u:***@h/d");
        assert_eq!(redact_url("postgres://h/d"), "postgres://h/d");
        assert!(!redact_url("host=h password=p").contains('p'));
        assert_eq!(redact_url("postgres://u@h"), "postgres://u@h");
    }

    #[test]
    fn description_has_no_password() {
        let config: Config = "postgres://secl:hunter2@127.0.0.1:5433/kbs"
            .parse()
            .unwrap();
        assert_eq!(
            describe_config(&config),
            "postgres://secl@127.0.0.1:5433/kbs"
        );
    }

    #[tokio::test]
    async fn connect_errors_have_no_password() {
        // Port 1 on loopback: nothing listens, so the connection is refused at once.
        let err = PostgresStore::connect("postgres://secl:hunter2@127.0.0.1:1/kbs")
            .await
            .unwrap_err();
        let msg = err.to_string();
        assert!(matches!(err, StoreError::Postgres(_)), "{msg}");
        assert!(!msg.contains("hunter2"), "{msg}");
        assert!(msg.contains("127.0.0.1:1"), "{msg}");

        let err = PostgresStore::connect("postgres://secl:hunter2@127.0.0.1:1/kbs?bogus=1")
            .await
            .unwrap_err();
        assert!(!err.to_string().contains("hunter2"), "{err}");
    }
}
