//! HVS configuration: a TOML file, then `SECL_HVS_*` environment variables, then flags, each
//! overriding the one before.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand};
use serde::Deserialize;

/// Where a fresh server keeps its data when nothing else is said.
pub const DEFAULT_DATA_DIR: &str = "/var/lib/secl/hvs";
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8443";
pub const DEFAULT_MAX_BODY: usize = 1 << 20;
/// SecL's `saml.validity-seconds` default.
pub const DEFAULT_SAML_VALIDITY_SECONDS: u64 = 86_400;
/// SecL's `saml.issuer` default.
pub const DEFAULT_SAML_ISSUER: &str = "AttestationService";

#[derive(Debug, Parser)]
#[command(
    name = "secl-hvs",
    version,
    about = "The secl Host Verification Service: attests hosts with their TPM and signs SAML trust reports",
    long_about = "The secl Host Verification Service (HVS), SecL v5.1-compatible under /hvs/v2.\n\n\
        It runs the PrivacyCA that issues AIK and binding-key certificates to hosts whose EK \
        certificate chains to a configured EK CA, registers hosts (their trust agents), records \
        expected PCR values as flavors, and answers report requests with a fresh TPM quote \
        evaluated against the flavors, as a signed SAML assertion.\n\n\
        Configuration comes from a TOML file (--config), then SECL_HVS_* environment variables, \
        then flags; later ones win.",
    after_help = "Examples:\n  \
        secl-hvs serve --data-dir ./hvs-data --ek-ca ./ek-ca.pem --listen 127.0.0.1:8443\n  \
        secl-hvs reset-admin-token --data-dir ./hvs-data\n\n\
        On first start the server writes an admin token to DATA_DIR/admin.token (mode 0600), \
        the PrivacyCA (privacy-ca-cert.pem, privacy-ca-key.pem), the SAML signing certificate \
        and key (saml-cert.pem, saml-key.pem), the key that seals trust-agent tokens at rest \
        (seal.key) and, unless --tls-cert is given, a private TLS CA and certificate \
        (tls-ca.pem, tls-cert.pem). Several instances sharing one PostgreSQL store must share \
        these files.\n\n\
        PCR mapping of flavor parts (SHA-256 bank): PLATFORM 0-7, OS 8-9, HOST_UNIQUE 11-15.\n\n\
        Exit codes: 0 clean shutdown, 1 start-up or runtime error, 2 usage error."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the server until SIGINT or SIGTERM.
    Serve(Box<ServeArgs>),
    /// Create a new admin token and rewrite DATA_DIR/admin.token (recovery when it was lost).
    ResetAdminToken(CommonArgs),
}

/// Options every subcommand shares.
#[derive(Debug, Args, Clone, Default)]
pub struct CommonArgs {
    /// TOML configuration file.
    #[arg(long, env = "SECL_HVS_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Directory for the embedded store, CA and SAML keys, admin token and TLS files.
    #[arg(long, env = "SECL_HVS_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Store location: a directory (embedded) or postgres://USER@HOST:PORT/DB. Default: DATA_DIR.
    #[arg(long, env = "SECL_HVS_STORE", value_name = "LOCATION")]
    pub store: Option<String>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct ServeArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, env = "SECL_HVS_LISTEN", value_name = "ADDR:PORT")]
    pub listen: Option<SocketAddr>,
    /// PEM file of trusted EK CA certificates (root and intermediates); repeatable. Hosts
    /// whose EK certificate does not chain to a root in these files get no AIK certificate.
    #[arg(
        long = "ek-ca",
        env = "SECL_HVS_EK_CA",
        value_delimiter = ',',
        value_name = "FILE"
    )]
    pub ek_ca: Vec<PathBuf>,
    /// How long a SAML report stays valid, in seconds.
    #[arg(long, env = "SECL_HVS_SAML_VALIDITY_SECONDS", value_name = "SECONDS")]
    pub saml_validity_seconds: Option<u64>,
    /// The SAML assertion's Issuer.
    #[arg(long, env = "SECL_HVS_SAML_ISSUER", value_name = "NAME")]
    pub saml_issuer: Option<String>,
    /// TLS certificate chain (PEM). Without it a private CA and certificate are made.
    #[arg(
        long,
        env = "SECL_HVS_TLS_CERT",
        value_name = "FILE",
        requires = "tls_key"
    )]
    pub tls_cert: Option<PathBuf>,
    /// TLS private key (PEM).
    #[arg(
        long,
        env = "SECL_HVS_TLS_KEY",
        value_name = "FILE",
        requires = "tls_cert"
    )]
    pub tls_key: Option<PathBuf>,
    /// Names for the self-made certificate (DNS names or IPs), comma separated.
    #[arg(
        long,
        env = "SECL_HVS_TLS_SAN",
        value_delimiter = ',',
        value_name = "NAMES"
    )]
    pub tls_san: Vec<String>,
    /// Largest request body accepted, in bytes (larger ones get 413).
    #[arg(long, env = "SECL_HVS_MAX_BODY_BYTES", value_name = "BYTES")]
    pub max_body_bytes: Option<usize>,
    /// Log filter, e.g. info or secl_hvs_server=debug.
    #[arg(long, env = "SECL_HVS_LOG", value_name = "FILTER")]
    pub log: Option<String>,
}

/// The TOML file's shape.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FileConfig {
    pub data_dir: Option<PathBuf>,
    pub store: Option<String>,
    pub listen: Option<SocketAddr>,
    pub ek_ca: Option<Vec<PathBuf>>,
    pub saml_validity_seconds: Option<u64>,
    pub saml_issuer: Option<String>,
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
    pub listen: SocketAddr,
    pub ek_ca: Vec<PathBuf>,
    pub saml_validity_seconds: u64,
    pub saml_issuer: String,
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
        let ek_ca = if !args.ek_ca.is_empty() {
            args.ek_ca.clone()
        } else {
            file.ek_ca.unwrap_or_default()
        };
        let saml_validity_seconds = args
            .saml_validity_seconds
            .or(file.saml_validity_seconds)
            .unwrap_or(DEFAULT_SAML_VALIDITY_SECONDS);
        if saml_validity_seconds == 0 || saml_validity_seconds > 366 * 86_400 {
            anyhow::bail!("saml-validity-seconds must be 1 to 31622400");
        }
        Ok(Self {
            data_dir,
            store,
            listen,
            ek_ca,
            saml_validity_seconds,
            saml_issuer: args
                .saml_issuer
                .clone()
                .or(file.saml_issuer)
                .unwrap_or_else(|| DEFAULT_SAML_ISSUER.into()),
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
        let dir = tempdir();
        let cfg = dir.join("hvs.toml");
        std::fs::write(
            &cfg,
            "data-dir = \"/from/file\"\nlisten = \"127.0.0.1:1000\"\nek-ca = [\"/a.pem\"]\n",
        )
        .unwrap();
        let mut args = ServeArgs::default();
        args.common.config = Some(cfg);
        let s = Settings::resolve(&args).unwrap();
        assert_eq!(s.data_dir, PathBuf::from("/from/file"));
        assert_eq!(s.store, "/from/file");
        assert_eq!(s.listen.port(), 1000);
        assert_eq!(s.ek_ca, vec![PathBuf::from("/a.pem")]);
        assert_eq!(s.saml_validity_seconds, DEFAULT_SAML_VALIDITY_SECONDS);
        assert_eq!(s.saml_issuer, "AttestationService");
        args.listen = Some("127.0.0.1:2000".parse().unwrap());
        args.ek_ca = vec![PathBuf::from("/b.pem")];
        let s = Settings::resolve(&args).unwrap();
        assert_eq!(s.listen.port(), 2000);
        assert_eq!(s.ek_ca, vec![PathBuf::from("/b.pem")]);
        args.saml_validity_seconds = Some(0);
        assert!(Settings::resolve(&args).is_err());
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn unknown_file_keys_are_refused() {
        let dir = tempdir();
        let cfg = dir.join("hvs.toml");
        std::fs::write(&cfg, "ek_caa = \"/x\"\n").unwrap();
        let mut args = ServeArgs::default();
        args.common.config = Some(cfg);
        let err = Settings::resolve(&args).unwrap_err().to_string();
        assert!(err.contains("invalid"), "{err}");
        let _ = std::fs::remove_dir_all(dir);
    }

    fn tempdir() -> PathBuf {
        let d = std::env::temp_dir().join(format!("secl-hvs-cfg-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&d).unwrap();
        d
    }
}
