//! KBS configuration: a TOML file, then `SECL_KBS_*` environment variables, then flags, each
//! overriding the one before.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand};
use serde::Deserialize;

/// Where a fresh server keeps its data when nothing else is said.
pub const DEFAULT_DATA_DIR: &str = "/var/lib/secl/kbs";
pub const DEFAULT_LISTEN: &str = "127.0.0.1:9443";
pub const DEFAULT_MAX_BODY: usize = 1 << 20;

#[derive(Debug, Parser)]
#[command(
    name = "secl-kbs",
    version,
    about = "The secl Key Broker Service: keeps image keys sealed and releases them only wrapped",
    long_about = "The secl Key Broker Service (KBS), SecL v5.1-compatible under /kbs/v1.\n\n\
        It generates and stores AES keys sealed under a master key, hands them out only wrapped \
        (to an owner's RSA envelope key, or later to an attested host's TPM binding key), keeps \
        imported SAML and TPM-identity certificates, key transfer policies, bearer tokens and an \
        audit trail.\n\n\
        Configuration comes from a TOML file (--config), then SECL_KBS_* environment variables, \
        then flags; later ones win.",
    after_help = "Examples:\n  \
        secl-kbs serve --data-dir ./kbs-data --listen 127.0.0.1:9443\n  \
        secl-kbs reset-admin-token --data-dir ./kbs-data\n\n\
        On first start the server writes an admin token (permission *:*:*) to \
        DATA_DIR/admin.token (mode 0600) and, unless --tls-cert is given, a private CA and \
        certificate to DATA_DIR/tls-ca.pem and DATA_DIR/tls-cert.pem. Give clients tls-ca.pem \
        (secl --ca-cert) and the token (SECL_KBS_TOKEN_FILE).\n\n\
        Exit codes: 0 clean shutdown, 1 start-up or runtime error, 2 usage error."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the server until SIGINT or SIGTERM.
    Serve(ServeArgs),
    /// Create a new admin token and rewrite DATA_DIR/admin.token (recovery when it was lost).
    ResetAdminToken(CommonArgs),
}

/// Options every subcommand shares.
#[derive(Debug, Args, Clone, Default)]
pub struct CommonArgs {
    /// TOML configuration file.
    #[arg(long, env = "SECL_KBS_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Directory for the embedded store, master key, admin token and TLS files.
    #[arg(long, env = "SECL_KBS_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Store location: a directory (embedded) or postgres://USER@HOST:PORT/DB. Default: DATA_DIR.
    #[arg(long, env = "SECL_KBS_STORE", value_name = "LOCATION")]
    pub store: Option<String>,
    /// File with the 32-byte master key that seals keys at rest (created 0600 if missing).
    /// Several instances sharing one PostgreSQL store must share this file's content.
    #[arg(long, env = "SECL_KBS_MASTER_KEY_FILE", value_name = "FILE")]
    pub master_key_file: Option<PathBuf>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct ServeArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, env = "SECL_KBS_LISTEN", value_name = "ADDR:PORT")]
    pub listen: Option<SocketAddr>,
    /// Public base URL used in transfer links, e.g. https://kbs.example:9443/kbs/v1/.
    #[arg(long, env = "SECL_KBS_ENDPOINT_URL", value_name = "URL")]
    pub endpoint_url: Option<String>,
    /// TLS certificate chain (PEM). Without it a private CA and certificate are made.
    #[arg(
        long,
        env = "SECL_KBS_TLS_CERT",
        value_name = "FILE",
        requires = "tls_key"
    )]
    pub tls_cert: Option<PathBuf>,
    /// TLS private key (PEM).
    #[arg(
        long,
        env = "SECL_KBS_TLS_KEY",
        value_name = "FILE",
        requires = "tls_cert"
    )]
    pub tls_key: Option<PathBuf>,
    /// Names for the self-made certificate (DNS names or IPs), comma separated.
    #[arg(
        long,
        env = "SECL_KBS_TLS_SAN",
        value_delimiter = ',',
        value_name = "NAMES"
    )]
    pub tls_san: Vec<String>,
    /// Largest request body accepted, in bytes (larger ones get 413).
    #[arg(long, env = "SECL_KBS_MAX_BODY_BYTES", value_name = "BYTES")]
    pub max_body_bytes: Option<usize>,
    /// Log filter, e.g. info or secl_kbs=debug.
    #[arg(long, env = "SECL_KBS_LOG", value_name = "FILTER")]
    pub log: Option<String>,
}

/// The TOML file's shape.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FileConfig {
    pub data_dir: Option<PathBuf>,
    pub store: Option<String>,
    pub master_key_file: Option<PathBuf>,
    pub listen: Option<SocketAddr>,
    pub endpoint_url: Option<String>,
    pub tls_cert: Option<PathBuf>,
    pub tls_key: Option<PathBuf>,
    pub tls_san: Option<Vec<String>>,
    pub max_body_bytes: Option<usize>,
    pub log: Option<String>,
}

impl FileConfig {
    pub fn load(path: Option<&Path>) -> anyhow::Result<Self> {
        let Some(path) = path else {
            return Ok(Self::default());
        };
        let text = std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!("cannot read config file {}: {e}", path.display()))?;
        toml::from_str(&text)
            .map_err(|e| anyhow::anyhow!("config file {} is invalid: {e}", path.display()))
    }
}

/// Everything resolved.
#[derive(Debug, Clone)]
pub struct Settings {
    pub data_dir: PathBuf,
    pub store: String,
    pub master_key_file: PathBuf,
    pub listen: SocketAddr,
    pub endpoint_url: Option<String>,
    pub tls: Option<(PathBuf, PathBuf)>,
    pub tls_san: Vec<String>,
    pub max_body_bytes: usize,
    pub log: String,
}

impl Settings {
    pub fn admin_token_file(&self) -> PathBuf {
        self.data_dir.join("admin.token")
    }

    /// Flags and environment (already merged by clap) over the file, over defaults.
    pub fn resolve(args: &ServeArgs) -> anyhow::Result<Self> {
        let file = FileConfig::load(args.common.config.as_deref())?;
        let data_dir = args
            .common
            .data_dir
            .clone()
            .or(file.data_dir)
            .unwrap_or_else(|| PathBuf::from(DEFAULT_DATA_DIR));
        let store = args
            .common
            .store
            .clone()
            .or(file.store)
            .unwrap_or_else(|| data_dir.display().to_string());
        let master_key_file = args
            .common
            .master_key_file
            .clone()
            .or(file.master_key_file)
            .unwrap_or_else(|| data_dir.join("master.key"));
        let listen = match args.listen.or(file.listen) {
            Some(l) => l,
            None => DEFAULT_LISTEN.parse()?,
        };
        let tls = match (
            args.tls_cert.clone().or(file.tls_cert),
            args.tls_key.clone().or(file.tls_key),
        ) {
            (Some(c), Some(k)) => Some((c, k)),
            (None, None) => None,
            _ => anyhow::bail!("tls-cert and tls-key must be given together"),
        };
        let tls_san = if !args.tls_san.is_empty() {
            args.tls_san.clone()
        } else {
            file.tls_san
                .unwrap_or_else(|| vec!["localhost".into(), "127.0.0.1".into(), "::1".into()])
        };
        Ok(Self {
            data_dir,
            store,
            master_key_file,
            listen,
            endpoint_url: args.endpoint_url.clone().or(file.endpoint_url),
            tls,
            tls_san,
            max_body_bytes: args
                .max_body_bytes
                .or(file.max_body_bytes)
                .unwrap_or(DEFAULT_MAX_BODY),
            log: args
                .log
                .clone()
                .or(file.log)
                .unwrap_or_else(|| "info".into()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_override_file_override_defaults() {
        let dir = tempfile_dir();
        let cfg = dir.join("kbs.toml");
        std::fs::write(
            &cfg,
            "data-dir = \"/from/file\"\nlisten = \"127.0.0.1:1000\"\nlog = \"debug\"\n",
        )
        .unwrap();
        let mut args = ServeArgs::default();
        args.common.config = Some(cfg.clone());
        let s = Settings::resolve(&args).unwrap();
        assert_eq!(s.data_dir, PathBuf::from("/from/file"));
        assert_eq!(s.listen.port(), 1000);
        assert_eq!(s.log, "debug");
        assert_eq!(s.store, "/from/file");
        assert_eq!(s.max_body_bytes, DEFAULT_MAX_BODY);
        args.listen = Some("127.0.0.1:2000".parse().unwrap());
        let s = Settings::resolve(&args).unwrap();
        assert_eq!(s.listen.port(), 2000);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn unknown_file_keys_are_refused() {
        let dir = tempfile_dir();
        let cfg = dir.join("kbs.toml");
        std::fs::write(&cfg, "data_dirr = \"/x\"\n").unwrap();
        let mut args = ServeArgs::default();
        args.common.config = Some(cfg);
        let err = Settings::resolve(&args).unwrap_err().to_string();
        assert!(err.contains("invalid"), "{err}");
        let _ = std::fs::remove_dir_all(dir);
    }

    fn tempfile_dir() -> PathBuf {
        let d = std::env::temp_dir().join(format!("secl-kbs-cfg-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }
}
