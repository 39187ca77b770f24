//! The command line of `secl-wla`.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "secl-wla",
    version,
    about = "The secl workload agent, host side: provisions the TPM with HVS, serves the trust-agent API and the ocicrypt key provider",
    long_about = "The secl workload agent (host side of SecL-DC workload confidentiality).\n\n\
        `provision` reads the TPM's EK and EK certificate, makes the storage primary persistent \
        at 0x81000000 (or checks that the key already there is exactly it, and refuses any \
        other), creates an AIK and has HVS's PrivacyCA certify it (credential activation, by this project's \
        RPC or, with --aik-protocol privacyca, by SecL's identity-challenge protocol), then creates a TPM binding key, certifies it with the \
        AIK and has HVS issue the binding-key certificate. `serve` runs the trust-agent HTTPS API \
        HVS uses to read host information and to get TPM quotes, and with --keyprovider-socket \
        also the ocicrypt gRPC key provider CRI-O, skopeo and podman call to decrypt images: it \
        asks WLS for each image key wrapped to this host's binding key and unwraps it inside the \
        TPM. `keyprovider` serves only the key provider.",
    after_help = "Examples:\n  \
        secl-wla provision --data-dir ./wla --tpm swtpm:host=127.0.0.1,port=2321 \\\n    \
          --hvs-url https://127.0.0.1:8443/hvs/v2 --hvs-ca hvs-ca.pem --hvs-token-file hvs.token\n  \
        secl-wla serve --data-dir ./wla --tpm swtpm:host=127.0.0.1,port=2321 \\\n    \
          --listen 127.0.0.1:1443 --token-file ta.token \\\n    \
          --keyprovider-socket /run/secl-wla/keyprovider.sock --wls-url https://127.0.0.1:5000/wls/v1 \\\n    \
          --wls-ca wls-ca.pem --wls-token-file wls.token\n\n\
        ocicrypt configuration for the key provider:\n  \
        {\"key-providers\":{\"isecl\":{\"grpc\":\"unix:///run/secl-wla/keyprovider.sock\"}}}\n\n\
        DATA_DIR (mode 0700) holds aik.blob, binding-key.blob and binding-key.auth (0600), \
        aik.cer, binding-key.pem, hardware-uuid, srk.name (the storage primary's name, checked \
        before each use) and, once served, tls-ca.pem: the CA HVS must \
        trust to reach this agent.\n\n\
        Exit codes: 0 success, 1 error, 2 usage error."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Make the storage primary persistent, create the AIK and binding key and have HVS certify
    /// both.
    Provision(ProvisionArgs),
    /// Run the trust-agent HTTPS API (and the key provider) until SIGINT or SIGTERM.
    Serve(ServeArgs),
    /// Run only the ocicrypt gRPC key provider on a unix socket until SIGINT or SIGTERM.
    ///
    /// For hosts whose trust agent runs elsewhere. It does not share `serve`'s TPM lock: beside
    /// a `serve` on the same TPM, use a resource manager (device:/dev/tpmrm0), or give `serve`
    /// --keyprovider-socket instead.
    Keyprovider(KeyProviderArgs),
    /// Extend a SHA-256 PCR, as a measured boot would (for tests and demos).
    PcrExtend(PcrExtendArgs),
}

#[derive(Debug, Args, Clone)]
pub struct ProvisionArgs {
    /// Directory for the key blobs, certificates and host identity (created 0700).
    #[arg(long, env = "SECL_WLA_DATA_DIR", value_name = "DIR")]
    pub data_dir: PathBuf,
    /// The TPM: swtpm:host=H,port=P, mssim:host=H,port=P or device:/dev/tpmrm0.
    #[arg(long, env = "SECL_WLA_TPM", value_name = "TCTI")]
    pub tpm: String,
    /// HVS base URL, e.g. https://hvs.example:8443/hvs/v2.
    #[arg(long, env = "SECL_WLA_HVS_URL", value_name = "URL")]
    pub hvs_url: String,
    /// PEM file with the CA certificate(s) HVS's TLS certificate must chain to (the only ones
    /// trusted).
    #[arg(long, env = "SECL_WLA_HVS_CA", value_name = "FILE")]
    pub hvs_ca: PathBuf,
    /// File with the bearer token for HVS.
    #[arg(long, env = "SECL_WLA_HVS_TOKEN_FILE", value_name = "FILE")]
    pub hvs_token_file: PathBuf,
    /// Hardware UUID to report instead of /sys/class/dmi/id/product_uuid (several test hosts
    /// on one machine).
    #[arg(long, env = "SECL_WLA_HARDWARE_UUID", value_name = "UUID")]
    pub hardware_uuid: Option<uuid::Uuid>,
    /// How HVS certifies the AIK: `rpc` (rpc/aik-challenge and rpc/aik-activate: EK
    /// certificate and AIK public area in clear) or `privacyca` (SecL's
    /// privacyca/identity-challenge-request and -response, as Intel's trust agent uses them:
    /// EK certificate and challenge answer encrypted to the PrivacyCA, whose certificate is
    /// fetched from HVS's ca-certificates/privacy).
    #[arg(
        long,
        env = "SECL_WLA_AIK_PROTOCOL",
        value_name = "PROTOCOL",
        value_enum,
        default_value_t = AikProtocol::Rpc
    )]
    pub aik_protocol: AikProtocol,
}

/// The two ways HVS's PrivacyCA certifies an AIK; both end with the same certificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AikProtocol {
    /// This project's rpc/aik-challenge and rpc/aik-activate.
    Rpc,
    /// SecL's privacyca/identity-challenge-request and identity-challenge-response.
    Privacyca,
}

#[derive(Debug, Args, Clone)]
pub struct ServeArgs {
    /// The provisioned data directory.
    #[arg(long, env = "SECL_WLA_DATA_DIR", value_name = "DIR")]
    pub data_dir: PathBuf,
    /// The TPM, as for `provision`.
    #[arg(long, env = "SECL_WLA_TPM", value_name = "TCTI")]
    pub tpm: String,
    /// Address to listen on (port 0 picks a free port).
    #[arg(
        long,
        env = "SECL_WLA_LISTEN",
        value_name = "ADDR:PORT",
        default_value = "127.0.0.1:1443"
    )]
    pub listen: SocketAddr,
    /// File with the bearer token every request must carry.
    #[arg(long, env = "SECL_WLA_TOKEN_FILE", value_name = "FILE")]
    pub token_file: PathBuf,
    /// Extra names for the self-made TLS certificate (DNS names or IPs), comma separated.
    #[arg(
        long,
        env = "SECL_WLA_TLS_SAN",
        value_delimiter = ',',
        value_name = "NAMES"
    )]
    pub tls_san: Vec<String>,
    #[command(flatten)]
    pub keyprovider: KeyProviderOpts,
    /// Log filter, e.g. info or secl_wla_server=debug.
    #[arg(
        long,
        env = "SECL_WLA_LOG",
        value_name = "FILTER",
        default_value = "info"
    )]
    pub log: String,
}

/// The key provider's socket and its WLS.
#[derive(Debug, Args, Clone)]
pub struct KeyProviderOpts {
    /// Also serve the ocicrypt gRPC key provider (keyprovider.KeyProviderService) on this unix
    /// socket; a stale socket there is replaced, a missing directory created 0700.
    #[arg(
        long,
        env = "SECL_WLA_KEYPROVIDER_SOCKET",
        value_name = "PATH",
        requires_all = ["wls_url", "wls_ca", "wls_token_file"]
    )]
    pub keyprovider_socket: Option<PathBuf>,
    /// Make the socket 0660 with this group (name or gid) instead of 0600, for a runtime that
    /// does not run as this user.
    #[arg(long, env = "SECL_WLA_SOCKET_GROUP", value_name = "GROUP")]
    pub socket_group: Option<String>,
    /// WLS base URL, e.g. https://wls.example:5000/wls/v1.
    #[arg(long, env = "SECL_WLA_WLS_URL", value_name = "URL")]
    pub wls_url: Option<String>,
    /// PEM file with the CA certificate(s) WLS's TLS certificate must chain to (the only ones
    /// trusted).
    #[arg(long, env = "SECL_WLA_WLS_CA", value_name = "FILE")]
    pub wls_ca: Option<PathBuf>,
    /// File with the bearer token for WLS (permission keys:create).
    #[arg(long, env = "SECL_WLA_WLS_TOKEN_FILE", value_name = "FILE")]
    pub wls_token_file: Option<PathBuf>,
}

#[derive(Debug, Args, Clone)]
pub struct KeyProviderArgs {
    /// The provisioned data directory.
    #[arg(long, env = "SECL_WLA_DATA_DIR", value_name = "DIR")]
    pub data_dir: PathBuf,
    /// The TPM, as for `provision`.
    #[arg(long, env = "SECL_WLA_TPM", value_name = "TCTI")]
    pub tpm: String,
    /// The unix socket to serve on; a stale socket there is replaced, a missing directory
    /// created 0700.
    #[arg(long, env = "SECL_WLA_KEYPROVIDER_SOCKET", value_name = "PATH")]
    pub keyprovider_socket: PathBuf,
    /// Make the socket 0660 with this group (name or gid) instead of 0600.
    #[arg(long, env = "SECL_WLA_SOCKET_GROUP", value_name = "GROUP")]
    pub socket_group: Option<String>,
    /// WLS base URL, e.g. https://wls.example:5000/wls/v1.
    #[arg(long, env = "SECL_WLA_WLS_URL", value_name = "URL")]
    pub wls_url: String,
    /// PEM file with the CA certificate(s) WLS's TLS certificate must chain to.
    #[arg(long, env = "SECL_WLA_WLS_CA", value_name = "FILE")]
    pub wls_ca: PathBuf,
    /// File with the bearer token for WLS (permission keys:create).
    #[arg(long, env = "SECL_WLA_WLS_TOKEN_FILE", value_name = "FILE")]
    pub wls_token_file: PathBuf,
    /// Log filter, e.g. info or secl_wla_server=debug.
    #[arg(
        long,
        env = "SECL_WLA_LOG",
        value_name = "FILTER",
        default_value = "info"
    )]
    pub log: String,
}

#[derive(Debug, Args, Clone)]
pub struct PcrExtendArgs {
    /// The TPM, as for `provision`.
    #[arg(long, env = "SECL_WLA_TPM", value_name = "TCTI")]
    pub tpm: String,
    /// PCR index (0..=15 are extendable at locality 0).
    #[arg(long, value_name = "N")]
    pub index: u8,
    /// The SHA-256 digest to extend with, 64 hex digits.
    #[arg(long, value_name = "HEX32")]
    pub data: String,
}
