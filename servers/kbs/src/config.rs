//! KBS configuration: a TOML file, then `SECL_KBS_*` environment variables, then flags, each
//! overriding the one before.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use secl_service::config::{
    self, ConfigError, HttpsArgs, ListenArgs, ServerNames, ServerSettings, SharedArgs,
};
use serde::Deserialize;

/// Where a fresh server keeps its data when nothing else is said.
pub const DEFAULT_DATA_DIR: &str = "/var/lib/secl/kbs";
pub const DEFAULT_LISTEN: SocketAddr = SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 9443);

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

/// The KBS's names for the options every secl server shares.
#[derive(Debug, Clone, Copy, Default)]
pub struct KbsNames;

impl ServerNames for KbsNames {
    const ENV_PREFIX: &'static str = "SECL_KBS";
    const DATA_DIR_HELP: &'static str =
        "Directory for the embedded store, master key, admin token and TLS files";
    const LOG_HELP: &'static str = "Log filter, e.g. info or secl_kbs=debug";
    const DEFAULT_DATA_DIR: &'static str = DEFAULT_DATA_DIR;
    const DEFAULT_LISTEN: SocketAddr = DEFAULT_LISTEN;
}

/// Options every subcommand shares.
#[derive(Debug, Args, Clone, Default)]
pub struct CommonArgs {
    #[command(flatten)]
    pub shared: SharedArgs<KbsNames>,
    /// File with the 32-byte master key that seals keys at rest (created 0600 if missing).
    /// Several instances sharing one PostgreSQL store must share this file's content.
    #[arg(long, env = "SECL_KBS_MASTER_KEY_FILE", value_name = "FILE")]
    pub master_key_file: Option<PathBuf>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct ServeArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub listen: ListenArgs<KbsNames>,
    /// Public base URL used in transfer links, e.g. https://kbs.example:9443/kbs/v1/.
    #[arg(long, env = "SECL_KBS_ENDPOINT_URL", value_name = "URL")]
    pub endpoint_url: Option<String>,
    #[command(flatten)]
    pub https: HttpsArgs<KbsNames>,
}

/// The TOML file's shape (the shared keys are read by [`secl_service::config::resolve`]).
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

/// Everything resolved.
#[derive(Debug, Clone)]
pub struct Settings {
    pub server: ServerSettings,
    pub master_key_file: PathBuf,
    pub endpoint_url: Option<String>,
}

impl Settings {
    /// Flags and environment (already merged by clap) over the file, over defaults.
    pub fn resolve(args: &ServeArgs) -> Result<Self, ConfigError> {
        let (server, file) =
            config::resolve::<_, FileConfig>(&args.common.shared, &args.listen, &args.https)?;
        let master_key_file = args
            .common
            .master_key_file
            .clone()
            .or(file.master_key_file)
            .unwrap_or_else(|| server.data_dir.join("master.key"));
        Ok(Self {
            master_key_file,
            endpoint_url: args.endpoint_url.clone().or(file.endpoint_url),
            server,
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
        args.common.shared.config = Some(cfg.clone());
        let s = Settings::resolve(&args).unwrap();
        assert_eq!(s.server.data_dir, PathBuf::from("/from/file"));
        assert_eq!(s.server.listen.port(), 1000);
        assert_eq!(s.server.log, "debug");
        assert_eq!(s.server.store, "/from/file");
        assert_eq!(s.server.max_body_bytes, config::DEFAULT_MAX_BODY_BYTES);
        assert_eq!(s.master_key_file, PathBuf::from("/from/file/master.key"));
        args.listen.listen = Some("127.0.0.1:2000".parse().unwrap());
        let s = Settings::resolve(&args).unwrap();
        assert_eq!(s.server.listen.port(), 2000);
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn unknown_file_keys_are_refused() {
        let dir = tempfile_dir();
        let cfg = dir.join("kbs.toml");
        std::fs::write(&cfg, "data_dirr = \"/x\"\n").unwrap();
        let mut args = ServeArgs::default();
        args.common.shared.config = Some(cfg);
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
