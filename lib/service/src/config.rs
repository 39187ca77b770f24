//! The configuration every secl server shares: a TOML file (`--config`), then
//! `SECL_<SERVER>_*` environment variables, then flags, each overriding the one before.
//!
//! A server flattens [`SharedArgs`], [`ListenArgs`] and [`HttpsArgs`] into its own clap
//! structs (in that order around its own options, so its help lists them where it always
//! did), names itself with a [`ServerNames`] type, and calls [`resolve`] with the shape of its
//! own TOML file. [`ServerSettings`] is what comes out for the shared options.

use std::fmt::Debug;
use std::marker::PhantomData;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use clap::Args;
use serde::Deserialize;
use serde::de::DeserializeOwned;

/// Largest request body accepted unless configured otherwise.
pub const DEFAULT_MAX_BODY_BYTES: usize = 1 << 20;
/// Log filter unless configured otherwise.
pub const DEFAULT_LOG: &str = "info";

/// What tells one server's shared options apart from another's.
pub trait ServerNames: Debug + Clone + Default + Send + Sync + 'static {
    /// Prefix of the environment variables, e.g. `SECL_KBS` for `SECL_KBS_LISTEN`.
    const ENV_PREFIX: &'static str;
    /// `--data-dir`'s help: what the server keeps there (one sentence, no final period, as
    /// clap shows doc comments).
    const DATA_DIR_HELP: &'static str;
    /// `--log`'s help, with an example filter (no final period).
    const LOG_HELP: &'static str;
    /// Where a fresh server keeps its data when nothing else is said.
    const DEFAULT_DATA_DIR: &'static str;
    /// The address to listen on when nothing else is said.
    const DEFAULT_LISTEN: SocketAddr;
}

/// The environment variable for option `name` of server `S`, e.g. `SECL_KBS_LISTEN`.
pub fn env_var<S: ServerNames>(name: &str) -> String {
    format!("{}_{name}", S::ENV_PREFIX)
}

/// Options every subcommand of a server shares.
#[derive(Debug, Args, Clone, Default)]
pub struct SharedArgs<S: ServerNames> {
    /// TOML configuration file.
    #[arg(long, env = env_var::<S>("CONFIG"), value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[arg(long, env = env_var::<S>("DATA_DIR"), value_name = "DIR", help = S::DATA_DIR_HELP)]
    pub data_dir: Option<PathBuf>,
    /// Store location: a directory (embedded) or postgres://USER@HOST:PORT/DB. Default: DATA_DIR.
    #[arg(long, env = env_var::<S>("STORE"), value_name = "LOCATION")]
    pub store: Option<String>,
    #[arg(skip)]
    server: PhantomData<S>,
}

/// The listening address (first of `serve`'s own options).
#[derive(Debug, Args, Clone, Default)]
pub struct ListenArgs<S: ServerNames> {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, env = env_var::<S>("LISTEN"), value_name = "ADDR:PORT")]
    pub listen: Option<SocketAddr>,
    #[arg(skip)]
    server: PhantomData<S>,
}

/// TLS files and names, the body limit and the log filter (last of `serve`'s options).
#[derive(Debug, Args, Clone, Default)]
pub struct HttpsArgs<S: ServerNames> {
    /// TLS certificate chain (PEM). Without it a private CA and certificate are made.
    #[arg(
        long,
        env = env_var::<S>("TLS_CERT"),
        value_name = "FILE",
        requires = "tls_key"
    )]
    pub tls_cert: Option<PathBuf>,
    /// TLS private key (PEM).
    #[arg(
        long,
        env = env_var::<S>("TLS_KEY"),
        value_name = "FILE",
        requires = "tls_cert"
    )]
    pub tls_key: Option<PathBuf>,
    /// Names for the self-made certificate (DNS names or IPs), comma separated.
    #[arg(
        long,
        env = env_var::<S>("TLS_SAN"),
        value_delimiter = ',',
        value_name = "NAMES"
    )]
    pub tls_san: Vec<String>,
    /// Largest request body accepted, in bytes (larger ones get 413).
    #[arg(long, env = env_var::<S>("MAX_BODY_BYTES"), value_name = "BYTES")]
    pub max_body_bytes: Option<usize>,
    #[arg(long, env = env_var::<S>("LOG"), value_name = "FILTER", help = S::LOG_HELP)]
    pub log: Option<String>,
    #[arg(skip)]
    server: PhantomData<S>,
}

/// The shared keys of a server's TOML file. Each server's own file shape lists them too (so
/// that it can refuse unknown keys with the full list in the message); this one reads them.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
struct FileShared {
    data_dir: Option<PathBuf>,
    store: Option<String>,
    listen: Option<SocketAddr>,
    tls_cert: Option<PathBuf>,
    tls_key: Option<PathBuf>,
    tls_san: Option<Vec<String>>,
    max_body_bytes: Option<usize>,
    log: Option<String>,
}

/// What can be wrong with a server's configuration.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    // The causes are part of the messages (as they always were), not error sources, so that
    // `{:#}` does not print them twice.
    #[error("cannot read config file {}: {error}", path.display())]
    Read {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("config file {} is invalid: {error}", path.display())]
    Invalid {
        path: PathBuf,
        error: toml::de::Error,
    },
    #[error("tls-cert and tls-key must be given together")]
    TlsPair,
}

/// The shared options, resolved.
#[derive(Debug, Clone)]
pub struct ServerSettings {
    pub data_dir: PathBuf,
    pub store: String,
    pub listen: SocketAddr,
    /// The operator's certificate chain and key; None for the self-made ones.
    pub tls: Option<(PathBuf, PathBuf)>,
    pub tls_san: Vec<String>,
    pub max_body_bytes: usize,
    pub log: String,
}

impl ServerSettings {
    /// Where the admin token is written.
    pub fn admin_token_file(&self) -> PathBuf {
        self.data_dir.join("admin.token")
    }
}

/// The flag's list when given, else the file's, else `default`.
pub fn list_or<T: Clone>(
    flag: &[T],
    file: Option<Vec<T>>,
    default: impl FnOnce() -> Vec<T>,
) -> Vec<T> {
    if flag.is_empty() {
        file.unwrap_or_else(default)
    } else {
        flag.to_vec()
    }
}

/// Reads the config file (when `--config` names one) as the server's own shape `F`, and
/// resolves the shared options: flags and environment (already merged by clap) over the file,
/// over defaults. `F` should refuse unknown keys.
pub fn resolve<S: ServerNames, F: DeserializeOwned + Default>(
    shared: &SharedArgs<S>,
    listen: &ListenArgs<S>,
    https: &HttpsArgs<S>,
) -> Result<(ServerSettings, F), ConfigError> {
    let (own, file) = match shared.config.as_deref() {
        None => (F::default(), FileShared::default()),
        Some(path) => load(path)?,
    };
    let data_dir = shared
        .data_dir
        .clone()
        .or(file.data_dir)
        .unwrap_or_else(|| PathBuf::from(S::DEFAULT_DATA_DIR));
    let store = shared
        .store
        .clone()
        .or(file.store)
        .unwrap_or_else(|| data_dir.display().to_string());
    let tls = match (
        https.tls_cert.clone().or(file.tls_cert),
        https.tls_key.clone().or(file.tls_key),
    ) {
        (Some(c), Some(k)) => Some((c, k)),
        (None, None) => None,
        _ => return Err(ConfigError::TlsPair),
    };
    let settings = ServerSettings {
        data_dir,
        store,
        listen: listen.listen.or(file.listen).unwrap_or(S::DEFAULT_LISTEN),
        tls,
        tls_san: list_or(&https.tls_san, file.tls_san, || {
            vec!["localhost".into(), "127.0.0.1".into(), "::1".into()]
        }),
        max_body_bytes: https
            .max_body_bytes
            .or(file.max_body_bytes)
            .unwrap_or(DEFAULT_MAX_BODY_BYTES),
        log: https
            .log
            .clone()
            .or(file.log)
            .unwrap_or_else(|| DEFAULT_LOG.into()),
    };
    Ok((settings, own))
}

/// The file as the server's shape (which checks every key) and as the shared keys.
fn load<F: DeserializeOwned>(path: &Path) -> Result<(F, FileShared), ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|error| ConfigError::Read {
        path: path.to_path_buf(),
        error,
    })?;
    let invalid = |error| ConfigError::Invalid {
        path: path.to_path_buf(),
        error,
    };
    let own = toml::from_str(&text).map_err(invalid)?;
    let shared = toml::from_str(&text).map_err(invalid)?;
    Ok((own, shared))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::{IpAddr, Ipv4Addr};

    #[derive(Debug, Clone, Default)]
    struct Test;

    impl ServerNames for Test {
        const ENV_PREFIX: &'static str = "SECL_TEST";
        const DATA_DIR_HELP: &'static str = "Data";
        const LOG_HELP: &'static str = "Log";
        const DEFAULT_DATA_DIR: &'static str = "/default";
        const DEFAULT_LISTEN: SocketAddr = SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 7);
    }

    #[derive(Debug, Default, Deserialize)]
    #[serde(deny_unknown_fields, rename_all = "kebab-case")]
    #[allow(dead_code)]
    struct File {
        data_dir: Option<PathBuf>,
        listen: Option<SocketAddr>,
        log: Option<String>,
        tls_cert: Option<PathBuf>,
        own: Option<u32>,
    }

    #[test]
    fn flags_override_file_override_defaults() {
        let (s, f) = resolve::<Test, File>(
            &SharedArgs::default(),
            &ListenArgs::default(),
            &HttpsArgs::default(),
        )
        .unwrap();
        assert_eq!(s.data_dir, PathBuf::from("/default"));
        assert_eq!(s.store, "/default");
        assert_eq!(s.listen, Test::DEFAULT_LISTEN);
        assert_eq!(s.max_body_bytes, DEFAULT_MAX_BODY_BYTES);
        assert_eq!(s.log, "info");
        assert_eq!(s.tls_san, ["localhost", "127.0.0.1", "::1"]);
        assert!(s.tls.is_none() && f.own.is_none());
        assert_eq!(s.admin_token_file(), PathBuf::from("/default/admin.token"));

        let dir = tempfile::tempdir().unwrap();
        let cfg = dir.path().join("test.toml");
        std::fs::write(
            &cfg,
            "data-dir = \"/from/file\"\nlisten = \"127.0.0.1:1000\"\nlog = \"debug\"\nown = 3\n",
        )
        .unwrap();
        let mut shared = SharedArgs::<Test> {
            config: Some(cfg),
            ..Default::default()
        };
        let mut listen = ListenArgs::default();
        let (s, f) = resolve::<Test, File>(&shared, &listen, &HttpsArgs::default()).unwrap();
        assert_eq!(s.data_dir, PathBuf::from("/from/file"));
        assert_eq!(s.store, "/from/file");
        assert_eq!(
            (s.listen.port(), s.log.as_str(), f.own),
            (1000, "debug", Some(3))
        );

        shared.store = Some("/store".into());
        listen.listen = Some("127.0.0.1:2000".parse().unwrap());
        let (s, _) = resolve::<Test, File>(&shared, &listen, &HttpsArgs::default()).unwrap();
        assert_eq!((s.listen.port(), s.store.as_str()), (2000, "/store"));
    }

    #[test]
    fn bad_files_and_half_tls_pairs_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let cfg = dir.path().join("test.toml");
        let shared = SharedArgs::<Test> {
            config: Some(cfg.clone()),
            ..Default::default()
        };
        let run = || {
            resolve::<Test, File>(&shared, &ListenArgs::default(), &HttpsArgs::default())
                .map(|_| ())
        };
        let err = run().unwrap_err().to_string();
        assert!(err.starts_with("cannot read config file "), "{err}");
        std::fs::write(&cfg, "data_dirr = \"/x\"\n").unwrap();
        let err = run().unwrap_err().to_string();
        assert!(
            err.contains("is invalid: ") && err.contains("data_dirr"),
            "{err}"
        );
        std::fs::write(&cfg, "tls-cert = \"/c.pem\"\n").unwrap();
        assert!(matches!(run(), Err(ConfigError::TlsPair)));
    }

    #[test]
    fn options_are_named_after_the_server() {
        use clap::CommandFactory;
        #[derive(Debug, clap::Parser)]
        struct Cli {
            #[command(flatten)]
            shared: SharedArgs<Test>,
            #[command(flatten)]
            https: HttpsArgs<Test>,
        }
        let cmd = Cli::command();
        let arg = |id: &str| cmd.get_arguments().find(|a| a.get_id() == id).unwrap();
        assert_eq!(arg("data_dir").get_env().unwrap(), "SECL_TEST_DATA_DIR");
        assert_eq!(arg("data_dir").get_help().unwrap().to_string(), "Data");
        assert_eq!(arg("log").get_env().unwrap(), "SECL_TEST_LOG");
        assert_eq!(arg("tls_san").get_env().unwrap(), "SECL_TEST_TLS_SAN");
    }
}
