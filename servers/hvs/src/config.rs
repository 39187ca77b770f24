//! HVS configuration: a TOML file, then `SECL_HVS_*` environment variables, then flags, each
//! overriding the one before.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use secl_service::config::{self, HttpsArgs, ListenArgs, ServerNames, ServerSettings, SharedArgs};
use serde::Deserialize;

/// Where a fresh server keeps its data when nothing else is said.
pub const DEFAULT_DATA_DIR: &str = "/var/lib/secl/hvs";
pub const DEFAULT_LISTEN: SocketAddr = SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 8443);
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
        certificate chains to a configured EK CA or is registered (/tpm-endorsements) and not \
        revoked, registers hosts (their trust agents), records \
        expected PCR values as flavors, and answers report requests with a fresh TPM quote \
        evaluated against the flavors, as a signed SAML assertion.\n\n\
        Configuration comes from a TOML file (--config), then SECL_HVS_* environment variables, \
        then flags; later ones win.",
    after_help = "Examples:\n  \
        secl-hvs serve --data-dir ./hvs-data --ek-ca ./ek-ca.pem --listen 127.0.0.1:8443\n  \
        secl-hvs reset-admin-token --data-dir ./hvs-data\n\n\
        On first start the server writes an admin token to DATA_DIR/admin.token (mode 0600), \
        the PrivacyCA (privacy-ca-cert.pem, privacy-ca-key.pem), the SAML signing certificate \
        and key (saml-cert.pem, saml-key.pem), the Tag CA that signs asset-tag certificates \
        (tag-ca-cert.pem, tag-ca-key.pem), the key that seals trust-agent tokens at rest \
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

/// The HVS's names for the options every secl server shares.
#[derive(Debug, Clone, Copy, Default)]
pub struct HvsNames;

impl ServerNames for HvsNames {
    const ENV_PREFIX: &'static str = "SECL_HVS";
    const DATA_DIR_HELP: &'static str =
        "Directory for the embedded store, CA and SAML keys, admin token and TLS files";
    const LOG_HELP: &'static str = "Log filter, e.g. info or secl_hvs_server=debug";
    const DEFAULT_DATA_DIR: &'static str = DEFAULT_DATA_DIR;
    const DEFAULT_LISTEN: SocketAddr = DEFAULT_LISTEN;
}

/// Options every subcommand shares.
pub type CommonArgs = SharedArgs<HvsNames>;

#[derive(Debug, Args, Clone, Default)]
pub struct ServeArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub listen: ListenArgs<HvsNames>,
    /// PEM file of trusted EK CA certificates (root and intermediates); repeatable. Hosts
    /// whose EK certificate does not chain to a root in these files get no AIK certificate.
    #[arg(
        long = "ek-ca",
        env = "SECL_HVS_EK_CA",
        value_delimiter = ',',
        value_name = "FILE"
    )]
    pub ek_ca: Vec<PathBuf>,
    /// Accept only EK certificates registered at /tpm-endorsements (and not revoked); a chain
    /// to an --ek-ca alone is no longer enough (SecL's require-ek-cert-for-host-provision).
    #[arg(long, env = "SECL_HVS_REQUIRE_EK_REGISTRATION")]
    pub require_ek_registration: bool,
    /// How long a SAML report stays valid, in seconds.
    #[arg(long, env = "SECL_HVS_SAML_VALIDITY_SECONDS", value_name = "SECONDS")]
    pub saml_validity_seconds: Option<u64>,
    /// The SAML assertion's Issuer.
    #[arg(long, env = "SECL_HVS_SAML_ISSUER", value_name = "NAME")]
    pub saml_issuer: Option<String>,
    #[command(flatten)]
    pub https: HttpsArgs<HvsNames>,
}

/// The TOML file's shape (the shared keys are read by [`secl_service::config::resolve`]).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FileConfig {
    pub data_dir: Option<PathBuf>,
    pub store: Option<String>,
    pub listen: Option<SocketAddr>,
    pub ek_ca: Option<Vec<PathBuf>>,
    pub require_ek_registration: Option<bool>,
    pub saml_validity_seconds: Option<u64>,
    pub saml_issuer: Option<String>,
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
    pub ek_ca: Vec<PathBuf>,
    pub require_ek_registration: bool,
    pub saml_validity_seconds: u64,
    pub saml_issuer: String,
}

impl Settings {
    /// Flags and environment (already merged by clap) over the file, over defaults.
    pub fn resolve(args: &ServeArgs) -> anyhow::Result<Self> {
        let (server, file) =
            config::resolve::<_, FileConfig>(&args.common, &args.listen, &args.https)?;
        let saml_validity_seconds = args
            .saml_validity_seconds
            .or(file.saml_validity_seconds)
            .unwrap_or(DEFAULT_SAML_VALIDITY_SECONDS);
        if saml_validity_seconds == 0 || saml_validity_seconds > 366 * 86_400 {
            anyhow::bail!("saml-validity-seconds must be 1 to 31622400");
        }
        Ok(Self {
            server,
            ek_ca: config::list_or(&args.ek_ca, file.ek_ca, Vec::new),
            // A flag can only switch it on; the file's setting holds otherwise.
            require_ek_registration: args.require_ek_registration
                || file.require_ek_registration.unwrap_or(false),
            saml_validity_seconds,
            saml_issuer: args
                .saml_issuer
                .clone()
                .or(file.saml_issuer)
                .unwrap_or_else(|| DEFAULT_SAML_ISSUER.into()),
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
        args.common.config = Some(cfg.clone());
        let s = Settings::resolve(&args).unwrap();
        assert_eq!(s.server.data_dir, PathBuf::from("/from/file"));
        assert_eq!(s.server.store, "/from/file");
        assert_eq!(s.server.listen.port(), 1000);
        assert_eq!(s.ek_ca, vec![PathBuf::from("/a.pem")]);
        assert_eq!(s.saml_validity_seconds, DEFAULT_SAML_VALIDITY_SECONDS);
        assert_eq!(s.saml_issuer, "AttestationService");
        assert!(!s.require_ek_registration);
        std::fs::write(&cfg, "require-ek-registration = true\n").unwrap();
        assert!(Settings::resolve(&args).unwrap().require_ek_registration);
        std::fs::write(
            &cfg,
            "data-dir = \"/from/file\"\nlisten = \"127.0.0.1:1000\"\nek-ca = [\"/a.pem\"]\n",
        )
        .unwrap();
        args.listen.listen = Some("127.0.0.1:2000".parse().unwrap());
        args.ek_ca = vec![PathBuf::from("/b.pem")];
        let s = Settings::resolve(&args).unwrap();
        assert_eq!(s.server.listen.port(), 2000);
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
