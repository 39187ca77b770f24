//! One store test suite, run with the same assertions against every backend.
//!
//! PostgreSQL tests need a server: `scripts/postgres.sh start DIR PORT` prints a URL; export it
//! as `SECL_TEST_POSTGRES_URL`. Each test creates (and finally drops) its own database there, so
//! runs never see each other's data. Without the variable the PostgreSQL tests fail, unless
//! `SECL_SKIP_POSTGRES=1` is set, which skips them.

use std::io::Write as _;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use secl_store::{Store, StoreError};
use tokio_postgres::NoTls;

const URL_VAR: &str = "SECL_TEST_POSTGRES_URL";
const SKIP_VAR: &str = "SECL_SKIP_POSTGRES";

/// Where a test's store lives; dropping it removes the data.
enum Fixture {
    Embedded(tempfile::TempDir),
    Postgres(TestDb),
}

impl Fixture {
    fn embedded() -> Self {
        Fixture::Embedded(tempfile::tempdir().expect("temp dir"))
    }

    /// A fresh database, or `None` when PostgreSQL tests are skipped on purpose.
    async fn postgres() -> Option<Self> {
        let admin_url = postgres_url()?;
        Some(Fixture::Postgres(TestDb::create(&admin_url).await))
    }

    /// The location string for `secl_store::open`, so `open` is exercised too.
    fn location(&self) -> String {
        match self {
            Fixture::Embedded(dir) => format!("embedded:{}", dir.path().join("store").display()),
            Fixture::Postgres(db) => db.url.clone(),
        }
    }

    async fn open(&self) -> Arc<dyn Store> {
        let location = self.location();
        secl_store::open(&location)
            .await
            .unwrap_or_else(|e| panic!("opening store at {location}: {e}"))
    }
}

fn postgres_url() -> Option<String> {
    match std::env::var(URL_VAR) {
        Ok(url) if !url.is_empty() => Some(url),
        _ if std::env::var(SKIP_VAR).as_deref() == Ok("1") => {
            // Straight to stderr, past the test harness's capture, so the skip is visible.
            let _ = writeln!(
                std::io::stderr(),
                "SKIP postgres store test: {SKIP_VAR}=1 and {URL_VAR} unset"
            );
            None
        }
        _ => panic!(
            "{URL_VAR} is not set: start a server with `scripts/postgres.sh start DIR PORT` and \
             export the URL it prints as {URL_VAR}, or set {SKIP_VAR}=1 to skip PostgreSQL tests"
        ),
    }
}

/// A database created for one test on the server of `SECL_TEST_POSTGRES_URL`, dropped on drop
/// (also when the test panics).
struct TestDb {
    admin_url: String,
    name: String,
    url: String,
}

impl TestDb {
    async fn create(admin_url: &str) -> Self {
        static COUNTER: AtomicU32 = AtomicU32::new(0);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let name = format!(
            "secl_test_{}_{}_{}",
            std::process::id(),
            nanos,
            COUNTER.fetch_add(1, Ordering::Relaxed)
        );
        let (client, connection) = tokio_postgres::connect(admin_url, NoTls)
            .await
            .unwrap_or_else(|e| panic!("connecting to {URL_VAR}: {e:?}"));
        tokio::spawn(connection);
        // A natural-language collation where the server has ICU, so a backend relying on the
        // database's default order (instead of byte order) fails the ordering checks.
        let icu = format!(
            "CREATE DATABASE {name} TEMPLATE template0 ENCODING 'UTF8' \
             LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C'"
        );
        if client.batch_execute(&icu).await.is_err() {
            client
                .batch_execute(&format!("CREATE DATABASE {name}"))
                .await
                .unwrap_or_else(|e| panic!("CREATE DATABASE {name}: {e:?}"));
        }
        TestDb {
            admin_url: admin_url.to_owned(),
            url: with_dbname(admin_url, &name),
            name,
        }
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let (admin_url, name) = (self.admin_url.clone(), self.name.clone());
        // Drop may run inside the test's runtime, which cannot be blocked on: use a thread.
        let dropped = std::thread::spawn(move || -> Result<(), String> {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| e.to_string())?;
            rt.block_on(async {
                let (client, connection) = tokio_postgres::connect(&admin_url, NoTls)
                    .await
                    .map_err(|e| format!("{e:?}"))?;
                tokio::spawn(connection);
                client
                    .batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .await
                    .map_err(|e| format!("{e:?}"))
            })
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            eprintln!(
                "warning: could not drop test database {}: {dropped:?}",
                self.name
            );
        }
    }
}

/// Replaces the database name in a `postgres://...` URL, keeping any query options.
fn with_dbname(url: &str, db: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let host_start = base[scheme_end..]
        .rfind('@')
        .map_or(scheme_end, |i| scheme_end + i + 1);
    let host_end = base[host_start..]
        .find('/')
        .map_or(base.len(), |i| host_start + i);
    let mut out = format!("{}/{db}", &base[..host_end]);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

/// Generates `NAME::embedded` and `NAME::postgres` tests running `async fn NAME(&Fixture)`.
macro_rules! suite {
    ($($name:ident),* $(,)?) => {$(
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn embedded() {
                super::$name(&super::Fixture::embedded()).await;
            }

            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                if let Some(fixture) = super::Fixture::postgres().await {
                    super::$name(&fixture).await;
                }
            }
        }
    )*};
}

suite!(
    records_crud,
    insert_conflict,
    concurrent_inserts_have_one_winner,
    kinds_are_separate,
    empty_and_binary_values,
    large_values,
    log_sequence_and_read_log,
    logs_are_separate,
    concurrent_appends,
    reopen_keeps_everything,
);

fn owned(entries: &[(&str, &[u8])]) -> Vec<(String, Vec<u8>)> {
    entries
        .iter()
        .map(|(id, v)| (id.to_string(), v.to_vec()))
        .collect()
}

async fn records_crud(fx: &Fixture) {
    let s = fx.open().await;
    assert_eq!(s.get("key", "a").await.unwrap(), None);
    assert!(s.list("key").await.unwrap().is_empty());

    s.insert("key", "b", b"2").await.unwrap();
    s.insert("key", "a", b"1").await.unwrap();
    s.put("key", "c", b"3").await.unwrap();
    assert_eq!(s.get("key", "a").await.unwrap().as_deref(), Some(&b"1"[..]));
    assert_eq!(s.get("key", "c").await.unwrap().as_deref(), Some(&b"3"[..]));

    // put replaces.
    s.put("key", "a", b"one").await.unwrap();
    assert_eq!(
        s.get("key", "a").await.unwrap().as_deref(),
        Some(&b"one"[..])
    );

    // Ordered by id in byte order, whatever the insertion order or database locale.
    for id in ["b2", "B", "a/b", "10", "9", "é", "_", "a b"] {
        s.put("key", id, id.as_bytes()).await.unwrap();
    }
    let ids: Vec<String> = s
        .list("key")
        .await
        .unwrap()
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let mut expected = ids.clone();
    expected.sort();
    assert_eq!(ids, expected);
    assert_eq!(
        ids,
        ["10", "9", "B", "_", "a", "a b", "a/b", "b", "b2", "c", "é"]
    );
    let listed = s.list("key").await.unwrap();
    assert_eq!(listed[4], ("a".to_string(), b"one".to_vec()));

    assert!(s.delete("key", "a").await.unwrap());
    assert!(!s.delete("key", "a").await.unwrap());
    assert!(!s.delete("key", "never").await.unwrap());
    assert_eq!(s.get("key", "a").await.unwrap(), None);
    assert_eq!(s.list("key").await.unwrap().len(), 10);
    // A deleted id can be inserted again.
    s.insert("key", "a", b"again").await.unwrap();
    assert_eq!(
        s.get("key", "a").await.unwrap().as_deref(),
        Some(&b"again"[..])
    );
}

async fn insert_conflict(fx: &Fixture) {
    let s = fx.open().await;
    s.insert("key", "k1", b"first").await.unwrap();
    match s.insert("key", "k1", b"second").await {
        Err(StoreError::Conflict { kind, id }) => {
            assert_eq!((kind.as_str(), id.as_str()), ("key", "k1"));
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    // The losing insert changed nothing; put still overwrites.
    assert_eq!(
        s.get("key", "k1").await.unwrap().as_deref(),
        Some(&b"first"[..])
    );
    s.put("key", "k1", b"third").await.unwrap();
    assert_eq!(
        s.get("key", "k1").await.unwrap().as_deref(),
        Some(&b"third"[..])
    );
    assert!(matches!(
        s.insert("key", "k1", b"x").await,
        Err(StoreError::Conflict { .. })
    ));
}

async fn concurrent_inserts_have_one_winner(fx: &Fixture) {
    let s = fx.open().await;
    let tasks: Vec<_> = (0..8u8)
        .map(|i| {
            let s = Arc::clone(&s);
            tokio::spawn(async move { s.insert("lock", "the-one", &[i]).await })
        })
        .collect();
    let mut winners = Vec::new();
    for (i, task) in tasks.into_iter().enumerate() {
        match task.await.unwrap() {
            Ok(()) => winners.push(i as u8),
            Err(StoreError::Conflict { .. }) => {}
            Err(e) => panic!("unexpected error: {e}"),
        }
    }
    assert_eq!(winners.len(), 1, "exactly one insert must win: {winners:?}");
    assert_eq!(s.get("lock", "the-one").await.unwrap(), Some(winners));
}

async fn kinds_are_separate(fx: &Fixture) {
    let s = fx.open().await;
    s.insert("a", "x", b"a-x").await.unwrap();
    s.insert("ab", "x", b"ab-x").await.unwrap();
    s.insert("b", "x", b"b-x").await.unwrap();
    s.insert("a", "y", b"a-y").await.unwrap();
    // Same id in another kind is no conflict, and a kind that is a prefix of another stays apart.
    assert_eq!(
        s.list("a").await.unwrap(),
        owned(&[("x", b"a-x"), ("y", b"a-y")])
    );
    assert_eq!(s.list("ab").await.unwrap(), owned(&[("x", b"ab-x")]));
    assert_eq!(s.list("").await.unwrap(), Vec::new());
    assert_eq!(s.get("b", "y").await.unwrap(), None);
    assert!(s.delete("a", "x").await.unwrap());
    assert_eq!(
        s.get("ab", "x").await.unwrap().as_deref(),
        Some(&b"ab-x"[..])
    );
    assert_eq!(s.get("b", "x").await.unwrap().as_deref(), Some(&b"b-x"[..]));
}

async fn empty_and_binary_values(fx: &Fixture) {
    let s = fx.open().await;
    let all_bytes: Vec<u8> = (0..=255u8).chain((0..=255u8).rev()).collect();
    s.insert("bin", "empty", b"").await.unwrap();
    s.insert("bin", "all", &all_bytes).await.unwrap();
    s.insert("bin", "zeros", &[0, 0, 0]).await.unwrap();
    s.insert("bin", "", b"empty id").await.unwrap();
    assert_eq!(s.get("bin", "empty").await.unwrap(), Some(Vec::new()));
    assert_eq!(s.get("bin", "all").await.unwrap(), Some(all_bytes.clone()));
    assert_eq!(s.get("bin", "zeros").await.unwrap(), Some(vec![0, 0, 0]));
    assert_eq!(s.get("bin", "").await.unwrap(), Some(b"empty id".to_vec()));
    assert_eq!(
        s.list("bin").await.unwrap(),
        owned(&[
            ("", b"empty id"),
            ("all", &all_bytes),
            ("empty", b""),
            ("zeros", &[0, 0, 0]),
        ])
    );

    assert_eq!(s.append("blog", b"").await.unwrap(), 1);
    assert_eq!(s.append("blog", &all_bytes).await.unwrap(), 2);
    assert_eq!(
        s.read_log("blog", 0, 10).await.unwrap(),
        vec![(1, Vec::new()), (2, all_bytes)]
    );
}

/// Deterministic noise, so compression or text handling anywhere would show.
fn noise(len: usize, mut state: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect()
}

async fn large_values(fx: &Fixture) {
    let s = fx.open().await;
    let big = noise(1 << 20, 0x9e37_79b9_7f4a_7c15);
    let big2 = noise(1 << 20, 42);
    s.insert("blob", "big", &big).await.unwrap();
    assert_eq!(
        s.get("blob", "big").await.unwrap().as_deref(),
        Some(&big[..])
    );
    s.put("blob", "big", &big2).await.unwrap();
    assert_eq!(
        s.get("blob", "big").await.unwrap().as_deref(),
        Some(&big2[..])
    );
    assert_eq!(
        s.list("blob").await.unwrap(),
        vec![("big".to_string(), big2)]
    );
    assert_eq!(s.append("blobs", &big).await.unwrap(), 1);
    assert_eq!(s.read_log("blobs", 0, 1).await.unwrap(), vec![(1, big)]);
}

async fn log_sequence_and_read_log(fx: &Fixture) {
    let s = fx.open().await;
    assert!(s.read_log("audit", 0, 100).await.unwrap().is_empty());
    for i in 1..=5u64 {
        assert_eq!(
            s.append("audit", format!("e{i}").as_bytes()).await.unwrap(),
            i
        );
    }
    let entry = |i: u64| (i, format!("e{i}").into_bytes());
    assert_eq!(
        s.read_log("audit", 0, 100).await.unwrap(),
        (1..=5).map(entry).collect::<Vec<_>>()
    );
    assert_eq!(
        s.read_log("audit", 2, 2).await.unwrap(),
        vec![entry(3), entry(4)]
    );
    assert_eq!(s.read_log("audit", 4, 100).await.unwrap(), vec![entry(5)]);
    assert!(s.read_log("audit", 5, 100).await.unwrap().is_empty());
    assert!(s.read_log("audit", 0, 0).await.unwrap().is_empty());
    assert!(s.read_log("audit", u64::MAX, 10).await.unwrap().is_empty());
    assert!(
        s.read_log("audit", u64::MAX - 1, 10)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(s.read_log("audit", 0, usize::MAX).await.unwrap().len(), 5);
    // Paging with `after` = last seen seq walks the whole log.
    let (mut after, mut seen) = (0, Vec::new());
    loop {
        let page = s.read_log("audit", after, 2).await.unwrap();
        let Some(last) = page.last() else { break };
        after = last.0;
        seen.extend(page);
    }
    assert_eq!(seen, (1..=5).map(entry).collect::<Vec<_>>());
    // Logs and records do not share a namespace.
    assert!(s.list("audit").await.unwrap().is_empty());
}

async fn logs_are_separate(fx: &Fixture) {
    let s = fx.open().await;
    for i in 1..=3u64 {
        assert_eq!(s.append("a", b"a").await.unwrap(), i);
        assert_eq!(s.append("b", b"b").await.unwrap(), i);
        assert_eq!(s.append("ab", b"ab").await.unwrap(), i);
    }
    assert_eq!(s.append("a", b"a").await.unwrap(), 4);
    let a = s.read_log("a", 0, 100).await.unwrap();
    assert_eq!(a.len(), 4);
    assert!(a.iter().all(|(_, v)| v == b"a"));
    let ab = s.read_log("ab", 0, 100).await.unwrap();
    assert_eq!(
        ab.iter().map(|(seq, _)| *seq).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    assert!(ab.iter().all(|(_, v)| v == b"ab"));
}

/// Appends from `tasks` tasks × `per_task` each to `log` on the given stores (round robin);
/// returns (seq, value) of every append, as reported to the appender.
async fn append_concurrently(
    stores: &[Arc<dyn Store>],
    log: &'static str,
    tasks: usize,
    per_task: usize,
) -> Vec<(u64, Vec<u8>)> {
    let handles: Vec<_> = (0..tasks)
        .map(|t| {
            let s = Arc::clone(&stores[t % stores.len()]);
            tokio::spawn(async move {
                let mut got = Vec::new();
                for i in 0..per_task {
                    let value = format!("task{t}-{i}").into_bytes();
                    let seq = s.append(log, &value).await.unwrap();
                    got.push((seq, value));
                }
                got
            })
        })
        .collect();
    let mut all = Vec::new();
    for h in handles {
        let got = h.await.unwrap();
        // One task's appends happen one after another, so its seqs increase.
        assert!(got.windows(2).all(|w| w[0].0 < w[1].0), "{got:?}");
        all.extend(got);
    }
    all.sort();
    all
}

/// Every seq handed out once, no gaps, and the log reads back exactly what each appender got.
async fn check_log(s: &dyn Store, log: &str, appended: &[(u64, Vec<u8>)]) {
    let seqs: Vec<u64> = appended.iter().map(|(seq, _)| *seq).collect();
    let expected: Vec<u64> = (1..=appended.len() as u64).collect();
    assert_eq!(seqs, expected, "sequence numbers must be unique and dense");
    assert_eq!(s.read_log(log, 0, usize::MAX).await.unwrap(), appended);
}

async fn concurrent_appends(fx: &Fixture) {
    let s = fx.open().await;
    let stores = [Arc::clone(&s)];
    let (x, y) = tokio::join!(
        append_concurrently(&stores, "x", 8, 25),
        append_concurrently(&stores, "y", 4, 10),
    );
    check_log(&*s, "x", &x).await;
    check_log(&*s, "y", &y).await;
}

async fn reopen_keeps_everything(fx: &Fixture) {
    let big = noise(1 << 20, 7);
    {
        let s = fx.open().await;
        s.insert("key", "k1", b"v1").await.unwrap();
        s.put("key", "k2", &big).await.unwrap();
        s.insert("key", "gone", b"x").await.unwrap();
        assert!(s.delete("key", "gone").await.unwrap());
        for _ in 0..3 {
            s.append("audit", b"entry").await.unwrap();
        }
    }
    let s = fx.open().await;
    assert_eq!(
        s.list("key").await.unwrap(),
        vec![("k1".to_string(), b"v1".to_vec()), ("k2".to_string(), big)]
    );
    assert!(matches!(
        s.insert("key", "k1", b"again").await,
        Err(StoreError::Conflict { .. })
    ));
    // Sequence numbers continue where they were.
    assert_eq!(s.append("audit", b"entry").await.unwrap(), 4);
    assert_eq!(s.read_log("audit", 0, 100).await.unwrap().len(), 4);
    drop(s);
    // And opening again, a third time, still works (nothing left locked).
    let s = fx.open().await;
    assert_eq!(s.read_log("audit", 3, 100).await.unwrap().len(), 1);
}

/// Several KBS instances on one database: each sees the others' writes and log numbers are
/// shared without collisions. Both instances also create the schema at the same moment.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_instances_share_one_database() {
    let Some(fx) = Fixture::postgres().await else {
        return;
    };
    let (a, b, c) = tokio::join!(fx.open(), fx.open(), fx.open());
    a.insert("client", "c1", b"from a").await.unwrap();
    assert_eq!(
        b.get("client", "c1").await.unwrap().as_deref(),
        Some(&b"from a"[..])
    );
    assert!(matches!(
        b.insert("client", "c1", b"from b").await,
        Err(StoreError::Conflict { .. })
    ));
    b.put("client", "c2", b"from b").await.unwrap();
    assert_eq!(c.list("client").await.unwrap().len(), 2);
    assert!(c.delete("client", "c1").await.unwrap());
    assert_eq!(a.get("client", "c1").await.unwrap(), None);

    assert_eq!(a.append("audit", b"a").await.unwrap(), 1);
    assert_eq!(b.append("audit", b"b").await.unwrap(), 2);
    let stores = [a, b, c];
    let appended = append_concurrently(&stores, "shared", 12, 20).await;
    for s in &stores {
        check_log(&**s, "shared", &appended).await;
        assert_eq!(s.read_log("audit", 0, 10).await.unwrap().len(), 2);
    }
}

#[tokio::test]
async fn postgres_describe_hides_password() {
    let Some(fx) = Fixture::postgres().await else {
        return;
    };
    let url = fx.location();
    let Some((scheme, rest)) = url.split_once("://") else {
        panic!("{URL_VAR} must be a postgres:// URL");
    };
    // The test server trusts local users, so any password is accepted; skip if one is set.
    let (userinfo, _) = rest.split_once('@').unwrap_or(("", rest));
    if userinfo.contains(':') {
        return;
    }
    let with_password = if userinfo.is_empty() {
        format!("{scheme}://secl:hunter2@{rest}")
    } else {
        format!(
            "{scheme}://{userinfo}:hunter2@{}",
            &rest[userinfo.len() + 1..]
        )
    };
    let s = secl_store::open(&with_password).await.unwrap();
    let description = s.describe();
    assert!(description.contains("postgres"), "{description}");
    assert!(!description.contains("hunter2"), "{description}");
}

#[cfg(unix)]
#[tokio::test]
async fn embedded_is_private_and_exclusive() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("nested").join("store");
    let s = secl_store::EmbeddedStore::open(&dir).unwrap();
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(mode(&dir.join("secl.redb")), 0o600);
    assert!(s.describe().contains("secl.redb"), "{}", s.describe());

    // A second open of the same file is refused rather than corrupting it.
    let err = secl_store::EmbeddedStore::open(&dir).unwrap_err();
    assert!(matches!(err, StoreError::Embedded(_)), "{err}");
    s.put("k", "i", b"v").await.unwrap();
    drop(s);

    // The plain directory form of `open` reaches the same store.
    let s = secl_store::open(dir.to_str().unwrap()).await.unwrap();
    assert_eq!(s.get("k", "i").await.unwrap().as_deref(), Some(&b"v"[..]));
}

#[tokio::test]
async fn open_rejects_empty_location() {
    for location in ["", "embedded:"] {
        assert!(matches!(
            secl_store::open(location).await,
            Err(StoreError::Location(_))
        ));
    }
}

#[test]
fn with_dbname_replaces_only_the_database() {
    assert_eq!(
        with_dbname("postgres://secl@127.0.0.1:5432/postgres", "t"),
        "postgres://secl@127.0.0.1:5432/t"
    );
    assert_eq!(
        with_dbname("postgres://u:p/w@h/postgres?sslmode=disable", "t"),
        "postgres://u:p/w@h/t?sslmode=disable"
    );
    assert_eq!(with_dbname("postgres://h:1", "t"), "postgres://h:1/t");
}

const CRASH_DIR_VAR: &str = "SECL_STORE_CRASH_CHILD_DIR";

/// Child half of `embedded_survives_kill_9`: appends until killed, reporting each acknowledged
/// seq on stdout. Does nothing when run as a normal test.
#[tokio::test]
async fn crash_child() {
    let Ok(dir) = std::env::var(CRASH_DIR_VAR) else {
        return;
    };
    let s = secl_store::EmbeddedStore::open(std::path::Path::new(&dir)).unwrap();
    for i in 0..10_000u32 {
        let seq = s.append("crash", &i.to_be_bytes()).await.unwrap();
        s.put("crash", &seq.to_string(), b"acked").await.unwrap();
        println!("acked {seq}");
    }
}

/// An acknowledged write survives `kill -9` of the writing process: the child is killed while
/// it keeps writing, and every write it reported must be there when the store is reopened.
#[cfg(unix)]
#[tokio::test]
async fn embedded_survives_kill_9() {
    use std::io::BufRead as _;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("store");
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "crash_child", "--nocapture", "--test-threads=1"])
        .env(CRASH_DIR_VAR, &dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut acked = 0u64;
    for line in std::io::BufReader::new(stdout).lines() {
        if let Some(seq) = line.unwrap().strip_prefix("acked ") {
            acked = seq.parse().unwrap();
            if acked >= 30 {
                break;
            }
        }
    }
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert!(acked >= 30, "child stopped early after {acked} writes");

    let s = secl_store::EmbeddedStore::open(&dir).unwrap();
    let log = s.read_log("crash", 0, usize::MAX).await.unwrap();
    assert!(log.len() as u64 >= acked, "{} < {acked}", log.len());
    for seq in 1..=acked {
        assert_eq!(log[seq as usize - 1].0, seq);
        let record = s.get("crash", &seq.to_string()).await.unwrap();
        assert_eq!(record.as_deref(), Some(&b"acked"[..]), "seq {seq}");
    }
}

/// Connections the server drops (restart, failover, idle kill) are replaced, not reused.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_reconnects_after_connection_loss() {
    let Some(fx) = Fixture::postgres().await else {
        return;
    };
    let s = fx.open().await;
    s.put("k", "before", b"1").await.unwrap();
    s.append("log", b"1").await.unwrap();

    let (admin, connection) = tokio_postgres::connect(&fx.location(), NoTls)
        .await
        .unwrap();
    tokio::spawn(connection);
    let killed = admin
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
             WHERE datname = current_database() AND pid <> pg_backend_pid()",
            &[],
        )
        .await
        .unwrap();
    assert!(killed >= 1, "the store had no connection to terminate");
    // Let the client side see the termination message.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;

    s.put("k", "after", b"2").await.unwrap();
    assert_eq!(s.list("k").await.unwrap().len(), 2);
    assert_eq!(s.append("log", b"2").await.unwrap(), 2);
}
