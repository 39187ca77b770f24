//! WLS configuration: a TOML file, then `SECL_WLS_*` environment variables, then flags, each
//! overriding the one before.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use secl_service::config::{self, HttpsArgs, ListenArgs, ServerNames, ServerSettings, SharedArgs};
use serde::Deserialize;

/// Where a fresh server keeps its data when nothing else is said.
pub const DEFAULT_DATA_DIR: &str = "/var/lib/secl/wls";
/// SecL's `DefaultWLSListenerPort`, on loopback until told otherwise.
pub const DEFAULT_LISTEN: SocketAddr = SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 5000);
/// SecL's `DefaultKeyCacheSeconds`.
pub const DEFAULT_KEY_CACHE_SECONDS: u64 = 300;

#[derive(Debug, Parser)]
#[command(
    name = "secl-wls",
    version,
    about = "The secl Workload Service: hands image keys to hosts the HVS attests as trusted",
    long_about = "The secl Workload Service (WLS), SecL v5.1-compatible under /wls/v2 (and v4 \
        under /wls/v1).\n\n\
        A host's workload agent asks POST /keys for the key of an encrypted image \
        ({\"hardware_uuid\", \"key_url\"}). The WLS has the HVS attest the host now (a fresh \
        TPM quote, returned as a signed SAML report), checks the report's signature, host and \
        overall trust, and forwards the report to the KBS named by the key URL. The KBS answers \
        with the key wrapped to the host's TPM binding key, which only that host can unwrap; \
        the WLS passes it on and keeps it in memory for --key-cache-seconds.\n\n\
        It also keeps signed image flavors (SecL v4 /wls/v1/flavors): with \
        --require-image-flavor only keys that an uploaded flavor names are handed out.\n\n\
        Configuration comes from a TOML file (--config), then SECL_WLS_* environment variables, \
        then flags; later ones win.",
    after_help = "Examples:\n  \
        secl-wls serve --data-dir ./wls-data --hvs-url https://hvs:8443/hvs/v2 \
        --hvs-ca hvs-ca.pem --hvs-token-file wls-hvs.token --kbs-ca kbs-ca.pem\n  \
        secl-wls reset-admin-token --data-dir ./wls-data\n\n\
        The HVS token needs reports:create (secl hvs token create ... --permission \
        reports:create:*). A host's agent needs a WLS token with keys:create (secl wls token \
        create --name host1 --permission keys:create:*).\n\n\
        On first start the server writes an admin token to DATA_DIR/admin.token (mode 0600) and, \
        unless --tls-cert is given, a private TLS CA and certificate (tls-ca.pem, tls-cert.pem).\n\n\
        TLS to a KBS is always verified against --kbs-ca; with none given, key requests are \
        refused rather than sent unverified.\n\n\
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

/// The WLS's names for the options every secl server shares.
#[derive(Debug, Clone, Copy, Default)]
pub struct WlsNames;

impl ServerNames for WlsNames {
    const ENV_PREFIX: &'static str = "SECL_WLS";
    const DATA_DIR_HELP: &'static str =
        "Directory for the embedded store, admin token and TLS files";
    const LOG_HELP: &'static str = "Log filter, e.g. info or secl_wls_server=debug";
    const DEFAULT_DATA_DIR: &'static str = DEFAULT_DATA_DIR;
    const DEFAULT_LISTEN: SocketAddr = DEFAULT_LISTEN;
}

/// Options every subcommand shares.
pub type CommonArgs = SharedArgs<WlsNames>;

#[derive(Debug, Args, Clone, Default)]
pub struct ServeArgs {
    #[command(flatten)]
    pub common: CommonArgs,
    #[command(flatten)]
    pub listen: ListenArgs<WlsNames>,
    /// The HVS base URL, e.g. https://hvs.example:8443/hvs/v2.
    #[arg(long, env = "SECL_WLS_HVS_URL", value_name = "URL")]
    pub hvs_url: Option<String>,
    /// PEM file of the CA that issued the HVS TLS certificate (only it is trusted).
    #[arg(long, env = "SECL_WLS_HVS_CA", value_name = "FILE")]
    pub hvs_ca: Option<PathBuf>,
    /// File holding an HVS bearer token with reports:create.
    #[arg(long, env = "SECL_WLS_HVS_TOKEN_FILE", value_name = "FILE")]
    pub hvs_token_file: Option<PathBuf>,
    /// PEM file(s) of the HVS SAML signing certificate; repeatable. Without it the certificate
    /// is downloaded once at start from the HVS (ca-certificates?domain=saml) over verified TLS.
    #[arg(
        long = "saml-cert",
        env = "SECL_WLS_SAML_CERT",
        value_delimiter = ',',
        value_name = "FILE"
    )]
    pub saml_cert: Vec<PathBuf>,
    /// PEM file of CA certificates trusted for KBS TLS; repeatable. Without any, no KBS is
    /// contacted (TLS is never left unverified).
    #[arg(
        long = "kbs-ca",
        env = "SECL_WLS_KBS_CA",
        value_delimiter = ',',
        value_name = "FILE"
    )]
    pub kbs_ca: Vec<PathBuf>,
    /// How long a host's wrapped key is kept in memory, in seconds (0: no cache).
    #[arg(long, env = "SECL_WLS_KEY_CACHE_SECONDS", value_name = "SECONDS")]
    pub key_cache_seconds: Option<u64>,
    /// PEM certificate whose key may sign image flavors; repeatable.
    #[arg(
        long = "flavor-signing-cert",
        env = "SECL_WLS_FLAVOR_SIGNING_CERT",
        value_delimiter = ',',
        value_name = "FILE"
    )]
    pub flavor_signing_cert: Vec<PathBuf>,
    /// Refuse keys that no uploaded image flavor names (by the key id in its key URL).
    #[arg(long, env = "SECL_WLS_REQUIRE_IMAGE_FLAVOR")]
    pub require_image_flavor: bool,
    #[command(flatten)]
    pub https: HttpsArgs<WlsNames>,
}

/// The TOML file's shape (the shared keys are read by [`secl_service::config::resolve`]).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct FileConfig {
    pub data_dir: Option<PathBuf>,
    pub store: Option<String>,
    pub listen: Option<SocketAddr>,
    pub hvs_url: Option<String>,
    pub hvs_ca: Option<PathBuf>,
    pub hvs_token_file: Option<PathBuf>,
    pub saml_cert: Option<Vec<PathBuf>>,
    pub kbs_ca: Option<Vec<PathBuf>>,
    pub key_cache_seconds: Option<u64>,
    pub flavor_signing_cert: Option<Vec<PathBuf>>,
    pub require_image_flavor: Option<bool>,
    pub tls_cert: Option<PathBuf>,
    pub tls_key: Option<PathBuf>,
    pub tls_san: Option<Vec<String>>,
    pub max_body_bytes: Option<usize>,
    pub log: Option<String>,
}

/// How to reach the HVS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HvsSettings {
    pub url: String,
    pub ca: PathBuf,
    pub token_file: PathBuf,
}

/// Everything resolved.
#[derive(Debug, Clone)]
pub struct Settings {
    pub server: ServerSettings,
    /// None when no HVS is configured: flavors work, keys are refused.
    pub hvs: Option<HvsSettings>,
    pub saml_cert: Vec<PathBuf>,
    pub kbs_ca: Vec<PathBuf>,
    pub key_cache_seconds: u64,
    pub flavor_signing_cert: Vec<PathBuf>,
    pub require_image_flavor: bool,
}

/// The flag's list when given, else the file's.
fn list<T: Clone>(flag: &[T], file: Option<Vec<T>>) -> Vec<T> {
    config::list_or(flag, file, Vec::new)
}

impl Settings {
    /// Flags and environment (already merged by clap) over the file, over defaults.
    pub fn resolve(args: &ServeArgs) -> anyhow::Result<Self> {
        let (server, file) =
            config::resolve::<_, FileConfig>(&args.common, &args.listen, &args.https)?;
        let hvs = match (
            args.hvs_url.clone().or(file.hvs_url),
            args.hvs_ca.clone().or(file.hvs_ca),
            args.hvs_token_file.clone().or(file.hvs_token_file),
        ) {
            (Some(url), Some(ca), Some(token_file)) => Some(HvsSettings {
                url,
                ca,
                token_file,
            }),
            (None, None, None) => None,
            _ => anyhow::bail!("hvs-url, hvs-ca and hvs-token-file must be given together"),
        };
        let key_cache_seconds = args
            .key_cache_seconds
            .or(file.key_cache_seconds)
            .unwrap_or(DEFAULT_KEY_CACHE_SECONDS);
        if key_cache_seconds > 86_400 {
            anyhow::bail!("key-cache-seconds must be at most 86400 (one day)");
        }
        Ok(Self {
            server,
            hvs,
            saml_cert: list(&args.saml_cert, file.saml_cert),
            kbs_ca: list(&args.kbs_ca, file.kbs_ca),
            key_cache_seconds,
            flavor_signing_cert: list(&args.flavor_signing_cert, file.flavor_signing_cert),
            require_image_flavor: args.require_image_flavor
                || file.require_image_flavor.unwrap_or(false),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_override_file_override_defaults() {
        let dir = tempfile::tempdir().unwrap();
        let cfg = dir.path().join("wls.toml");
        std::fs::write(
            &cfg,
            "data-dir = \"/from/file\"\nkbs-ca = [\"/a.pem\"]\nhvs-url = \"https://h/hvs/v2\"\n\
             hvs-ca = \"/h.pem\"\nhvs-token-file = \"/h.token\"\nrequire-image-flavor = true\n",
        )
        .unwrap();
        let mut args = ServeArgs::default();
        args.common.config = Some(cfg);
        let s = Settings::resolve(&args).unwrap();
        assert_eq!(s.server.data_dir, PathBuf::from("/from/file"));
        assert_eq!(s.server.listen.port(), 5000);
        assert_eq!(s.kbs_ca, vec![PathBuf::from("/a.pem")]);
        assert_eq!(s.key_cache_seconds, 300);
        assert!(s.require_image_flavor);
        assert_eq!(s.hvs.as_ref().unwrap().url, "https://h/hvs/v2");
        args.kbs_ca = vec![PathBuf::from("/b.pem"), PathBuf::from("/c.pem")];
        args.key_cache_seconds = Some(0);
        args.listen.listen = Some("127.0.0.1:0".parse().unwrap());
        let s = Settings::resolve(&args).unwrap();
        assert_eq!(s.kbs_ca.len(), 2);
        assert_eq!(s.key_cache_seconds, 0);
        assert_eq!(s.server.listen.port(), 0);
        args.key_cache_seconds = Some(86_401);
        assert!(Settings::resolve(&args).is_err());
    }

    #[test]
    fn partial_hvs_settings_and_unknown_keys_are_refused() {
        let args = ServeArgs {
            hvs_url: Some("https://h".into()),
            ..Default::default()
        };
        let err = Settings::resolve(&args).unwrap_err().to_string();
        assert!(err.contains("together"), "{err}");
        let dir = tempfile::tempdir().unwrap();
        let cfg = dir.path().join("wls.toml");
        std::fs::write(&cfg, "kbs_caa = \"/x\"\n").unwrap();
        let mut args = ServeArgs::default();
        args.common.config = Some(cfg);
        let err = Settings::resolve(&args).unwrap_err().to_string();
        assert!(err.contains("invalid"), "{err}");
    }
}
