//! A throw-away database on the test PostgreSQL server (`SECL_TEST_POSTGRES_URL`, started by
//! scripts/test.sh), for tests of several KBS instances sharing one store.

use std::process::Command;

/// A fresh database on the test server, dropped when this goes away.
pub struct TestDb {
    admin_url: String,
    name: String,
    /// The `postgres://` URL of the new database, for `--store`.
    pub url: String,
}

impl TestDb {
    /// A new database, or `None` (the test skips) when `SECL_SKIP_POSTGRES=1` and no server is
    /// given; without either, panics with how to run it.
    pub fn create() -> Option<Self> {
        let Ok(admin_url) = std::env::var("SECL_TEST_POSTGRES_URL") else {
            if std::env::var("SECL_SKIP_POSTGRES").as_deref() == Ok("1") {
                eprintln!("SKIP: SECL_SKIP_POSTGRES=1");
                return None;
            }
            panic!(
                "SECL_TEST_POSTGRES_URL is not set: run scripts/test.sh, which starts PostgreSQL, \
                 or set SECL_SKIP_POSTGRES=1 to skip"
            );
        };
        let name = format!("secl_kbs_{:032x}", rand::random::<u128>());
        psql(&admin_url, &format!("CREATE DATABASE {name}"));
        let base = admin_url.rsplit_once('/').map(|(b, _)| b).unwrap();
        let url = format!("{base}/{name}");
        Some(Self {
            admin_url,
            name,
            url,
        })
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let _ = Command::new("psql")
            .args([&self.admin_url, "-qc"])
            .arg(format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ))
            .status();
    }
}

fn psql(url: &str, sql: &str) {
    let out = Command::new("psql")
        .args([url, "-qc", sql])
        .output()
        .expect("psql (package postgresql-client) is needed");
    assert!(
        out.status.success(),
        "{sql}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
