//! The clap definition of `secl`.

use std::path::PathBuf;

use clap::{ArgGroup, Args, Parser, Subcommand, ValueEnum};
use uuid::Uuid;

const AFTER_HELP: &str = "\
Exit status:
  0  success
  1  error
  2  usage error (bad arguments)
  3  not authorized (HTTP 401/403): check the token and its permissions
  4  not found (HTTP 404)
  5  cannot reach the server, or TLS failure
  6  conflict or refused input (HTTP 400/409/413/415/422)

Configuration is read from the config file (TOML; $XDG_CONFIG_HOME/secl/config.toml or
~/.config/secl/config.toml, or --config / SECL_CONFIG), then the environment, then flags; later
ones win. Example config:

  [kbs]
  url = \"https://kbs.example:9443\"
  ca_cert = \"/etc/secl/kbs-ca.pem\"
  token_file = \"/etc/secl/admin.token\"

  [hvs]
  url = \"https://hvs.example:8443\"
  ca_cert = \"/etc/secl/hvs-ca.pem\"
  token_file = \"/etc/secl/hvs-admin.token\"

  [wls]
  url = \"https://wls.example:5000\"
  ca_cert = \"/etc/secl/wls-ca.pem\"
  token_file = \"/etc/secl/wls-admin.token\"";

/// Administer secl (or Intel SecL-DC) services and encrypt container images.
#[derive(Debug, Parser)]
#[command(
    name = "secl",
    bin_name = "secl",
    version,
    about = "Administer the secl KBS, HVS and WLS, and encrypt container images",
    after_help = AFTER_HELP,
    propagate_version = true,
    subcommand_required = true,
    arg_required_else_help = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalOpts,

    #[command(subcommand)]
    pub command: Command,
}

/// Options every command accepts.
#[derive(Debug, Clone, Args)]
pub struct GlobalOpts {
    /// Output format
    #[arg(long, global = true, value_enum, default_value_t = OutputFormat::Table, display_order = 90)]
    pub output: OutputFormat,

    /// Print only what scripts need (IDs, the token), no messages
    #[arg(short, long, global = true, display_order = 91)]
    pub quiet: bool,

    /// Config file (TOML) [env: SECL_CONFIG]
    #[arg(long, global = true, value_name = "FILE", display_order = 92)]
    pub config: Option<PathBuf>,
}

/// `--output` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// Aligned columns for people
    Table,
    /// Pretty JSON of the wire objects
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Administer a Key Broker Service
    Kbs(KbsArgs),
    /// Administer a Host Verification Service: hosts, flavors, trust reports
    Hvs(HvsArgs),
    /// Administer a Workload Service: signed image flavors, tokens for workload agents
    Wls(WlsArgs),
    /// Encrypt, decrypt and inspect container images (keys held in the KBS)
    Image(ImageArgs),
    /// ocicrypt key-provider command: skopeo/podman run `secl keyprovider` to wrap and unwrap
    /// layer keys (one JSON request on stdin, one answer on stdout)
    #[command(
        name = "keyprovider",
        after_help = KEYPROVIDER_HELP
    )]
    Keyprovider(KeyproviderArgs),
    /// Print a shell completion script to stdout
    Completions {
        /// Shell to complete for
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

/// `secl kbs`.
#[derive(Debug, Args)]
pub struct KbsArgs {
    #[command(flatten)]
    pub conn: ConnOpts,

    #[command(subcommand)]
    pub command: KbsCommand,
}

/// How to reach and authenticate to the KBS. The token itself can only come from a file or the
/// SECL_KBS_TOKEN environment variable, never from the command line.
#[derive(Debug, Clone, Default, Args)]
pub struct ConnOpts {
    /// KBS base URL, e.g. https://kbs.example:9443 [env: SECL_KBS_URL]
    #[arg(long, global = true, value_name = "URL", display_order = 80)]
    pub kbs_url: Option<String>,

    /// PEM file with the CA certificate(s) that issued the KBS TLS certificate; only these are
    /// trusted [env: SECL_CA_CERT]
    #[arg(long, global = true, value_name = "FILE", display_order = 81)]
    pub ca_cert: Option<PathBuf>,

    /// File holding the bearer token [env: SECL_KBS_TOKEN_FILE; or the token itself in
    /// SECL_KBS_TOKEN]
    #[arg(long, global = true, value_name = "FILE", display_order = 82)]
    pub token_file: Option<PathBuf>,
}

/// Where the HVS is; its CA certificates need no token.
#[derive(Debug, Clone, Args)]
pub struct TrustHvsArgs {
    /// HVS base URL, e.g. https://hvs.example:8443/hvs/v2 [env: SECL_HVS_URL]
    #[arg(long, value_name = "URL")]
    pub hvs_url: Option<String>,

    /// PEM file with the CA certificate(s) that issued the HVS TLS certificate [env:
    /// SECL_HVS_CA_CERT]
    #[arg(long, value_name = "FILE")]
    pub hvs_ca_cert: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum KbsCommand {
    /// Create, list, show and delete keys
    #[command(subcommand)]
    Key(KeyCommand),
    /// Import a SAML signing certificate (chain) of the attestation service
    #[command(name = "import-saml")]
    ImportSaml(ImportArgs),
    /// Import a TPM identity (Privacy CA) certificate (chain)
    #[command(name = "import-tpm-identity")]
    ImportTpmIdentity(ImportArgs),
    /// Trust an HVS in one step: fetch its SAML signing certificate and its PrivacyCA over
    /// verified TLS and import both (certificates already imported are kept, not duplicated)
    #[command(
        name = "trust-hvs",
        after_help = "Examples:\n  secl kbs trust-hvs --hvs-url https://hvs.example:8443/hvs/v2 --hvs-ca-cert hvs-ca.pem\n  \
                      SECL_HVS_URL=... SECL_HVS_CA_CERT=... secl kbs trust-hvs --output json"
    )]
    TrustHvs(TrustHvsArgs),
    /// List, show and delete imported certificates
    #[command(subcommand)]
    Cert(CertCommand),
    /// Manage key transfer policies
    #[command(subcommand)]
    Policy(PolicyCommand),
    /// Manage bearer tokens
    #[command(subcommand)]
    Token(TokenCommand),
    /// Show the audit trail
    Audit(AuditArgs),
    /// Show the KBS version (needs no token)
    Version,
}

#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// Create a key in the KBS
    Create(KeyCreateArgs),
    /// List keys
    List(KeyListArgs),
    /// Show one key
    Show {
        /// Key ID
        id: Uuid,
    },
    /// Delete a key
    Delete(DeleteArgs),
}

#[derive(Debug, Args)]
pub struct KeyCreateArgs {
    /// Key algorithm: AES, RSA or EC
    #[arg(long, default_value = "AES", value_parser = parse_algorithm)]
    pub algorithm: String,

    /// Key length in bits [default: 256 for AES, 3072 for RSA; not used for EC]
    #[arg(long, value_name = "BITS")]
    pub length: Option<u32>,

    /// Elliptic curve for EC keys, e.g. secp384r1
    #[arg(long, value_name = "CURVE")]
    pub curve: Option<String>,

    /// Free-form label
    #[arg(long, value_name = "LABEL")]
    pub label: Option<String>,

    /// Asset-tag usage policy: the key is released only to hosts tagged with all these
    /// key:value pairs
    #[arg(long, value_name = "K:V[,K:V]", value_parser = parse_usage)]
    pub usage: Option<String>,

    /// Key transfer policy ID (default: the KBS default policy)
    #[arg(long, value_name = "UUID")]
    pub policy: Option<Uuid>,
}

#[derive(Debug, Args)]
pub struct KeyListArgs {
    /// Only keys of this algorithm
    #[arg(long, value_parser = parse_algorithm)]
    pub algorithm: Option<String>,

    /// Only keys of this length
    #[arg(long, value_name = "BITS")]
    pub length: Option<u32>,

    /// Only EC keys on this curve
    #[arg(long, value_name = "CURVE")]
    pub curve: Option<String>,

    /// Only keys with this transfer policy
    #[arg(long, value_name = "UUID")]
    pub policy: Option<Uuid>,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// ID to delete
    pub id: Uuid,

    /// Do not ask for confirmation (required when stdin is not a terminal)
    #[arg(short, long)]
    pub yes: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// PEM file holding the certificate chain, or '-' for stdin
    #[arg(value_name = "FILE|-")]
    pub file: PathBuf,
}

/// `--kind` of certificate commands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// SAML signing certificates
    Saml,
    /// TPM identity (Privacy CA) certificates
    TpmIdentity,
    /// Both stores
    All,
}

/// `--kind` where one store must be named, if any.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OneKindArg {
    /// SAML signing certificates
    Saml,
    /// TPM identity (Privacy CA) certificates
    TpmIdentity,
}

#[derive(Debug, Subcommand)]
pub enum CertCommand {
    /// List imported certificates
    List(CertListArgs),
    /// Show one certificate
    Show {
        /// Certificate ID
        id: Uuid,
        /// Which store (default: look in saml, then tpm-identity)
        #[arg(long, value_enum)]
        kind: Option<OneKindArg>,
    },
    /// Delete a certificate
    Delete {
        #[command(flatten)]
        delete: DeleteArgs,
        /// Which store (default: look in saml, then tpm-identity)
        #[arg(long, value_enum)]
        kind: Option<OneKindArg>,
    },
}

#[derive(Debug, Args)]
pub struct CertListArgs {
    /// Which store
    #[arg(long, value_enum, default_value_t = KindArg::All)]
    pub kind: KindArg,

    /// Only certificates whose subject contains this text
    #[arg(long, value_name = "TEXT")]
    pub subject_contains: Option<String>,

    /// Only certificates whose issuer contains this text
    #[arg(long, value_name = "TEXT")]
    pub issuer_contains: Option<String>,

    /// Only certificates valid at this time (RFC 3339, e.g. 2025-01-31T00:00:00Z)
    #[arg(long, value_name = "RFC3339", value_parser = parse_rfc3339)]
    pub valid_on: Option<time::OffsetDateTime>,
}

#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// Create a key transfer policy
    Create(PolicySpec),
    /// List key transfer policies
    List,
    /// Show one key transfer policy
    Show {
        /// Policy ID
        id: Uuid,
    },
    /// Replace a key transfer policy
    Update {
        /// Policy ID
        id: Uuid,
        #[command(flatten)]
        spec: PolicyUpdateSpec,
    },
    /// Delete a key transfer policy
    Delete(DeleteArgs),
}

#[derive(Debug, Args)]
pub struct PolicySpec {
    /// Refuse SAML reports older than this many seconds [default: 300]
    #[arg(long, value_name = "SECONDS", conflicts_with = "file")]
    pub max_report_age: Option<u32>,

    /// The whole policy as JSON (a KeyTransferPolicyRequest), or '-' for stdin
    #[arg(long, value_name = "FILE|-")]
    pub file: Option<PathBuf>,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("spec").required(true).args(["max_report_age", "file"])))]
pub struct PolicyUpdateSpec {
    /// Refuse SAML reports older than this many seconds
    #[arg(long, value_name = "SECONDS")]
    pub max_report_age: Option<u32>,

    /// The whole policy as JSON (a KeyTransferPolicyRequest), or '-' for stdin
    #[arg(long, value_name = "FILE|-")]
    pub file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create a bearer token and print it (it is shown this once only)
    Create(TokenCreateArgs),
    /// List tokens (never their secret)
    List,
    /// Revoke a token
    Revoke(DeleteArgs),
}

#[derive(Debug, Args)]
pub struct TokenCreateArgs {
    /// Name that identifies the token in listings and the audit trail
    #[arg(long)]
    pub name: String,

    /// Permission rule resource:action[:context], e.g. keys:create:* (repeatable)
    #[arg(
        long = "permission",
        value_name = "RULE",
        required = true,
        num_args = 1..,
        value_delimiter = ',',
        value_parser = parse_rule
    )]
    pub permissions: Vec<String>,

    /// Lifetime, e.g. 30d, 12h, 90m or 3600s (default: until revoked)
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub expires_in: Option<u64>,
}

#[derive(Debug, Args)]
pub struct AuditArgs {
    /// Only records after this sequence number
    #[arg(long, value_name = "SEQ")]
    pub after: Option<u64>,

    /// At most this many records
    #[arg(long, value_name = "N")]
    pub limit: Option<usize>,

    /// Only records about this key
    #[arg(long = "key", value_name = "ID")]
    pub key_id: Option<Uuid>,

    /// Only records of this action, e.g. key.transfer
    #[arg(long, value_name = "ACTION")]
    pub action: Option<String>,
}

/// `AES`, `RSA` or `EC`, any case; returned upper-case.
fn parse_algorithm(s: &str) -> Result<String, String> {
    let up = s.trim().to_ascii_uppercase();
    match up.as_str() {
        "AES" | "RSA" | "EC" => Ok(up),
        _ => Err("must be AES, RSA or EC".into()),
    }
}

/// `k:v[,k:v]`, each part non-empty.
fn parse_usage(s: &str) -> Result<String, String> {
    let ok = !s.is_empty()
        && s.split(',').all(|pair| {
            matches!(pair.split_once(':'), Some((k, v))
                if !k.trim().is_empty() && !v.trim().is_empty() && !v.contains(':'))
        });
    if ok {
        Ok(s.to_string())
    } else {
        Err("must be key:value pairs separated by commas, e.g. country:US,state:CA".into())
    }
}

fn parse_rule(s: &str) -> Result<String, String> {
    s.parse::<secl_api::Rule>()
        .map(|r| r.to_string())
        .map_err(|e| e.to_string())
}

fn parse_rfc3339(s: &str) -> Result<time::OffsetDateTime, String> {
    time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339)
        .map_err(|e| format!("not an RFC 3339 time (e.g. 2025-01-31T00:00:00Z): {e}"))
}

/// Parses a lifetime like `30d`, `12h`, `90m`, `3600s` or `3600` into seconds.
pub fn parse_duration(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let bad = || format!("invalid duration {s:?}: use a number with unit d, h, m or s, e.g. 30d");
    let (digits, unit) = match s.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => s.split_at(i),
        None => (s, "s"),
    };
    if digits.is_empty() {
        return Err(bad());
    }
    let n: u64 = digits.parse().map_err(|_| bad())?;
    let mult: u64 = match unit {
        "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return Err(bad()),
    };
    let secs = n
        .checked_mul(mult)
        .ok_or_else(|| format!("duration {s:?} is too long"))?;
    if secs == 0 {
        return Err("the duration must be longer than zero".into());
    }
    // Keep expiry representable as a date on any server.
    if secs > 100 * 366 * 86_400 {
        return Err(format!("duration {s:?} is too long (at most 100 years)"));
    }
    Ok(secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(parse_duration("30d"), Ok(30 * 86_400));
        assert_eq!(parse_duration("12h"), Ok(12 * 3600));
        assert_eq!(parse_duration("90m"), Ok(5400));
        assert_eq!(parse_duration("3600s"), Ok(3600));
        assert_eq!(parse_duration("3600"), Ok(3600));
        for bad in [
            "",
            "d",
            "0s",
            "0",
            "-5s",
            "5x",
            "5 d",
            "1.5h",
            "30dd",
            "99999999999999999999d",
            "18446744073709551615d",
            "40000d",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn usage_policies() {
        assert!(parse_usage("country:US").is_ok());
        assert!(parse_usage("country:US,state:CA").is_ok());
        for bad in ["", "country", "country:", ":US", "a:b,", "a:b:c"] {
            assert!(parse_usage(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn algorithms_are_upper_cased() {
        assert_eq!(parse_algorithm("aes").as_deref(), Ok("AES"));
        assert!(parse_algorithm("DES").is_err());
    }

    #[test]
    fn rules_are_checked() {
        assert_eq!(parse_rule("keys:create:*").as_deref(), Ok("keys:create:*"));
        assert!(parse_rule("keys").is_err());
    }
}

const KEYPROVIDER_HELP: &str = "\
Configure it for ocicrypt (skopeo >= 1.3, podman, CRI-O) in a JSON file named by
OCICRYPT_KEYPROVIDER_CONFIG:

  {\"key-providers\": {\"isecl\": {\"cmd\": {\"path\": \"/usr/bin/secl\", \"args\": [\"keyprovider\"]}}}}

then:

  skopeo copy --encryption-key provider:isecl:any oci:img:latest oci:img-enc:latest
  skopeo copy --decryption-key provider:isecl oci:img-enc:latest oci:img-dec:latest

Encryption parameters (after provider:isecl:): any (a new KBS key per layer, as Intel's WPM),
key-id:UUID (an existing key), asset-tag:KEY:VALUE (a new key with that usage policy).
KBS connection settings come from the environment or the config file, as for `secl kbs`.
The request is never logged; errors go to stderr with a non-zero exit.";

/// `secl image`.
#[derive(Debug, Args)]
pub struct ImageArgs {
    #[command(flatten)]
    pub conn: ConnOpts,

    #[command(subcommand)]
    pub command: ImageCommand,
}

#[derive(Debug, Subcommand)]
pub enum ImageCommand {
    /// Encrypt an image's layers under a key held in the KBS
    #[command(after_help = "\
Images: oci:DIR[:TAG] (an OCI image layout) or docker://HOST[:PORT]/REPO[:TAG] (a registry).

The KBS creates one AES-256 key for the image (or --key-id reuses one); secl receives it wrapped
to your local envelope key and seals each layer's key with it. The result decrypts with skopeo or
CRI-O through the isecl key provider, on hosts the KBS releases the key to.

Examples:
  secl image encrypt oci:app:latest oci:app-enc:latest
  secl image encrypt --layer -1 oci:app docker://127.0.0.1:5000/app:enc --dest-plain-http")]
    Encrypt(EncryptArgs),
    /// Decrypt an image as its owner (the key comes from the KBS by envelope transfer)
    Decrypt(DecryptArgs),
    /// Show each layer: encrypted or not, cipher, key URL (needs no key)
    Inspect(InspectArgs),
    /// Make signed image flavors (for `secl wls flavor upload`) and flavor-signing keys
    #[command(subcommand)]
    Flavor(ImageFlavorCommand),
}

#[derive(Debug, Subcommand)]
pub enum ImageFlavorCommand {
    /// Write the signed flavor of an encrypted image (its key URL and manifest digest)
    #[command(after_help = "\
The flavor is SecL's CONTAINER_IMAGE image flavor: {\"flavor\": {\"meta\", \"encryption_required\",
\"encryption\": {\"key_url\", \"digest\"}, ...}, \"signature\"}. The signature is RSA PKCS#1 v1.5 with
SHA-384 over the bytes {\"flavor\":<the flavor JSON without insignificant whitespace>}, as Intel's
WPM signed them; the WLS verifies it against its --flavor-signing-cert certificates.

Every encrypted layer must carry the same isecl key URL. The digest is the manifest digest of
oci: images, and of docker:// images named by digest (docker://HOST/REPO@sha256:...); for a
docker:// tag it is left out (pin the image by digest to include it).

Examples:
  secl image flavor keygen --key flavor-key.pem --cert flavor-cert.pem
  secl image flavor create oci:app-enc:latest --signing-key flavor-key.pem -o app.flavor.json
  secl wls flavor upload app.flavor.json")]
    Create(ImageFlavorCreateArgs),
    /// Make an RSA-3072 flavor-signing key (mode 0600) and a self-signed certificate for it
    Keygen(ImageFlavorKeygenArgs),
}

#[derive(Debug, Args)]
pub struct ImageFlavorCreateArgs {
    /// The encrypted image: oci:DIR[:TAG] or docker://HOST[:PORT]/REPO[:TAG|@DIGEST]
    #[arg(value_name = "IMAGE")]
    pub image: String,
    /// Private key (PEM, PKCS#8 or PKCS#1 RSA) that signs the flavor
    #[arg(long, value_name = "KEY.pem")]
    pub signing_key: PathBuf,
    /// The flavor's label (unique in the WLS) [default: the image name]
    #[arg(long, value_name = "LABEL")]
    pub label: Option<String>,
    /// The flavor's id [default: a new random UUID]
    #[arg(long, value_name = "UUID")]
    pub id: Option<Uuid>,
    /// Write the signed flavor here instead of stdout
    #[arg(short = 'o', long = "out", value_name = "FILE")]
    pub out: Option<PathBuf>,
    #[command(flatten)]
    pub src_transport: SrcTransportOpts,
}

#[derive(Debug, Args)]
pub struct ImageFlavorKeygenArgs {
    /// Where to write the private key (PEM, PKCS#8, mode 0600); must not exist
    #[arg(long, value_name = "KEY.pem")]
    pub key: PathBuf,
    /// Where to write the certificate (PEM); give it to secl-wls --flavor-signing-cert
    #[arg(long, value_name = "CERT.pem")]
    pub cert: PathBuf,
    /// The certificate's common name
    #[arg(
        long,
        value_name = "CN",
        default_value = "secl Flavor Signing Certificate"
    )]
    pub subject: String,
    /// Validity of the certificate in days
    #[arg(long, value_name = "DAYS", default_value_t = 1825,
          value_parser = clap::value_parser!(u32).range(1..=36600))]
    pub days: u32,
}

/// Registry transport switches. Plain HTTP and unverified TLS need an explicit flag.
#[derive(Debug, Clone, Args)]
pub struct SrcTransportOpts {
    /// Talk plain HTTP to the source registry
    #[arg(long)]
    pub src_plain_http: bool,
    /// Verify the source registry's TLS certificate
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set, value_name = "BOOL")]
    pub src_tls_verify: bool,
}

#[derive(Debug, Clone, Args)]
pub struct DestTransportOpts {
    /// Talk plain HTTP to the destination registry
    #[arg(long)]
    pub dest_plain_http: bool,
    /// Verify the destination registry's TLS certificate
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set, value_name = "BOOL")]
    pub dest_tls_verify: bool,
}

/// The owner's envelope key.
#[derive(Debug, Clone, Args)]
pub struct EnvelopeOpts {
    /// Private envelope key (PEM); created (RSA-3072, mode 0600) on first use
    /// [env: SECL_ENVELOPE_KEY] [default: ~/.config/secl/envelope-key.pem]
    #[arg(long, value_name = "FILE")]
    pub envelope_key: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct EncryptArgs {
    /// Source image
    #[arg(value_name = "SRC")]
    pub src: String,
    /// Destination image
    #[arg(value_name = "DST")]
    pub dst: String,
    /// Use this existing KBS key instead of creating one
    #[arg(long, value_name = "UUID", conflicts_with_all = ["usage", "label"])]
    pub key_id: Option<Uuid>,
    /// Asset-tag usage policy of the new key: released only to hosts with these tags
    #[arg(long, value_name = "K:V[,K:V]", value_parser = parse_usage)]
    pub usage: Option<String>,
    /// Label of the new key
    #[arg(long, value_name = "LABEL")]
    pub label: Option<String>,
    /// Encrypt only this layer (0-based; negative counts from the end; repeatable)
    #[arg(long = "layer", value_name = "INDEX", allow_negative_numbers = true)]
    pub layers: Vec<i64>,
    /// Layers processed at once [default: number of CPUs]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub jobs: Option<u16>,
    /// Hash every layer of an oci: source while encrypting it and refuse one that does not
    /// match its digest, as skopeo does.
    ///
    /// By default a layout's layers are trusted by digest, as containerd's imgcrypt trusts its
    /// content store (ocicrypt records the descriptor's digest without hashing the layer), and
    /// only their sizes are checked: re-hashing costs a third more CPU. A layer that does not
    /// match its digest is then encrypted as it is and refused when it is decrypted by `secl
    /// image decrypt` or containerd; skopeo copying into an oci: layout does not check it.
    /// Registry layers are verified while they download either way.
    #[arg(long, overrides_with = "no_verify_source")]
    pub verify_source: bool,
    /// Trust the digests of an oci: source's layers, checking sizes only (the default)
    #[arg(long, overrides_with = "verify_source")]
    pub no_verify_source: bool,
    #[command(flatten)]
    pub src_transport: SrcTransportOpts,
    #[command(flatten)]
    pub dest_transport: DestTransportOpts,
    #[command(flatten)]
    pub envelope: EnvelopeOpts,
}

#[derive(Debug, Args)]
pub struct DecryptArgs {
    /// Source (encrypted) image
    #[arg(value_name = "SRC")]
    pub src: String,
    /// Destination image
    #[arg(value_name = "DST")]
    pub dst: String,
    /// Layers processed at once [default: number of CPUs]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=64))]
    pub jobs: Option<u16>,
    #[command(flatten)]
    pub src_transport: SrcTransportOpts,
    #[command(flatten)]
    pub dest_transport: DestTransportOpts,
    #[command(flatten)]
    pub envelope: EnvelopeOpts,
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// Image to inspect
    #[arg(value_name = "IMAGE")]
    pub image: String,
    #[command(flatten)]
    pub src_transport: SrcTransportOpts,
}

#[derive(Debug, Args)]
pub struct KeyproviderArgs {
    #[command(flatten)]
    pub conn: ConnOpts,
    #[command(flatten)]
    pub envelope: EnvelopeOpts,
    /// Provider name as configured for ocicrypt (the annotation is
    /// org.opencontainers.image.enc.keys.provider.NAME)
    #[arg(long, default_value = "isecl", value_name = "NAME")]
    pub name: String,
    /// Give up after this many seconds (every KBS call is bounded too)
    #[arg(long, default_value_t = 120, value_name = "SECONDS")]
    pub timeout: u64,
}

// ----- secl hvs ---------------------------------------------------------------------------

/// `secl hvs`.
#[derive(Debug, Args)]
pub struct HvsArgs {
    #[command(flatten)]
    pub conn: HvsConnOpts,

    #[command(subcommand)]
    pub command: HvsCommand,
}

/// How to reach and authenticate to the HVS. The admin token itself can only come from a file
/// or the SECL_HVS_TOKEN environment variable, never from the command line.
#[derive(Debug, Clone, Default, Args)]
pub struct HvsConnOpts {
    /// HVS base URL, e.g. https://hvs.example:8443 [env: SECL_HVS_URL]
    #[arg(long, global = true, value_name = "URL", display_order = 80)]
    pub hvs_url: Option<String>,

    /// PEM file with the CA certificate(s) that issued the HVS TLS certificate; only these are
    /// trusted [env: SECL_HVS_CA_CERT]
    #[arg(long, global = true, value_name = "FILE", display_order = 81)]
    pub hvs_ca_cert: Option<PathBuf>,

    /// File holding the HVS admin token [env: SECL_HVS_TOKEN_FILE; or the token itself in
    /// SECL_HVS_TOKEN]
    #[arg(long, global = true, value_name = "FILE", display_order = 82)]
    pub hvs_token_file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum HvsCommand {
    /// Register, list, show and delete hosts (machines running secl-wla)
    #[command(subcommand)]
    Host(HvsHostCommand),
    /// Create, import, list, show and delete flavors (expected PCR values)
    #[command(subcommand)]
    Flavor(HvsFlavorCommand),
    /// Create, list, show and delete flavor groups and their match policies
    #[command(
        subcommand,
        after_help = "\
A host is verified against the flavor groups it was registered with (default: automatic).
For each flavor part a group's policy says which of the group's flavors must match:
ANY_OF (one), ALL_OF (every one) or LATEST (the newest), and whether a part without flavors
fails the host (REQUIRED) or does not count (REQUIRED_IF_DEFINED).

Example:
  secl hvs flavorgroup create --name strict --policy PLATFORM:ALL_OF:REQUIRED \\
      --policy OS:ANY_OF:REQUIRED --policy HOST_UNIQUE:LATEST:REQUIRED_IF_DEFINED
  secl hvs flavor create --from-host HOST_ID --flavorgroup strict"
    )]
    Flavorgroup(HvsFlavorgroupCommand),
    /// Attest a host now, or list stored trust reports
    #[command(subcommand)]
    Report(HvsReportCommand),
    /// Asset tags: create tag certificates for a host, deploy them into its TPM
    #[command(
        subcommand,
        after_help = "\
An asset tag is a set of NAME=VALUE pairs (country=US, rack=r12) certified by the HVS Tag CA
for one host's hardware UUID. Deploying the certificate writes its SHA-384 digest into the
host's TPM (NV index 0x01c10110) and gives the host an ASSET_TAG flavor. From then on its
reports carry TRUST_ASSET_TAG (true while the TPM holds that digest) and, when true, one
TAG_<NAME> attribute per pair, which a KBS key created with --usage NAME:VALUE requires.

Example:
  secl hvs tag create --host HOST_ID --tag country=US --tag rack=r12
  secl hvs tag deploy CERT_ID
  secl hvs report create --host HOST_ID --saml | grep TAG_"
    )]
    Tag(HvsTagCommand),
    /// The EK registry: EK certificates admitted one by one (SecL's tpm-endorsements)
    #[command(
        subcommand,
        after_help = "\
The PrivacyCA gives a host an AIK certificate when its TPM's EK certificate chains to an EK CA
the HVS was started with (--ek-ca) or is registered here and not revoked. A revoked
registration refuses the host even when the chain would pass. An HVS started with
--require-ek-registration accepts registered EK certificates only.

Example:
  tpm2_nvread -C o -o ek.der 0x1c00002        # on the host: its RSA EK certificate
  secl hvs ek register --certificate ek.der --hardware-uuid HW_UUID --comment 'rack 12'
  secl hvs ek revoke ID"
    )]
    Ek(HvsEkCommand),
    /// Manage HVS bearer tokens (the WLS needs reports:create, a provisioning host
    /// aik_certificates:create and host_signing_key_certificates:create)
    #[command(
        subcommand,
        after_help = "\
Example: a token for the Workload Service, which asks for fresh reports

  secl hvs token create --name wls --permission reports:create:*"
    )]
    Token(TokenCommand),
    /// Print the HVS CA certificates (needs no token)
    #[command(name = "ca-cert", subcommand)]
    CaCert(HvsCaCertCommand),
    /// Show the HVS version (needs no token)
    Version,
}

#[derive(Debug, Subcommand)]
pub enum HvsHostCommand {
    /// Register a host: the HVS connects to its trust agent and records its identity
    Add(HvsHostAddArgs),
    /// List hosts
    List,
    /// Show one host
    Show {
        /// Host ID
        id: Uuid,
    },
    /// Delete a host
    Delete(DeleteArgs),
    /// List, add, show and remove the flavor groups a host is verified against
    #[command(
        subcommand,
        after_help = "\
A host is verified against every flavor group it is linked to; the next report uses the new
set. Groups are named by ID or name; a host registered without --flavorgroup starts in
automatic. Linking needs hosts:create, listing hosts:search, showing hosts:retrieve and
unlinking hosts:delete.

Example: also require the flavors of the group strict
  secl hvs host flavorgroup add HOST_ID strict
  secl hvs report create --host HOST_ID"
    )]
    Flavorgroup(HvsHostFlavorgroupCommand),
}

#[derive(Debug, Subcommand)]
pub enum HvsHostFlavorgroupCommand {
    /// List the flavor groups the host is verified against
    List {
        /// Host ID
        host: Uuid,
    },
    /// Link the host to a flavor group
    Add {
        /// Host ID
        host: Uuid,
        /// Flavor group ID or name
        #[arg(value_name = "ID|NAME")]
        group: String,
    },
    /// Show one link (exit code 4 when the host is not linked to the group)
    Show {
        /// Host ID
        host: Uuid,
        /// Flavor group ID or name
        #[arg(value_name = "ID|NAME")]
        group: String,
    },
    /// Unlink the host from a flavor group
    Remove {
        /// Host ID
        host: Uuid,
        /// Flavor group ID or name
        #[arg(value_name = "ID|NAME")]
        group: String,
    },
}

#[derive(Debug, Args)]
pub struct HvsHostAddArgs {
    /// The trust agent's URL, e.g. https://host.example:1443
    #[arg(value_name = "URL")]
    pub connection_string: String,

    /// PEM file with the CA certificate that issued the agent's TLS certificate
    #[arg(long, value_name = "FILE")]
    pub ta_ca: PathBuf,

    /// File holding the agent's bearer token (sent to the HVS, which stores it sealed)
    #[arg(long, value_name = "FILE")]
    pub ta_token_file: PathBuf,

    /// Free-form description
    #[arg(long, value_name = "TEXT")]
    pub description: Option<String>,

    /// Flavor group the host is verified against (repeatable) [default: automatic]; a new
    /// name creates a group with the default policies, as in SecL
    #[arg(long = "flavorgroup", value_name = "NAME")]
    pub flavorgroups: Vec<String>,
}

/// `--part` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum FlavorPartArg {
    /// PCRs 0-7: firmware, option ROMs, boot loader, Secure Boot policy
    Platform,
    /// PCRs 8-9: kernel command line and files measured by the boot loader
    Os,
    /// PCRs 11-15: host-specific measurements; applies to this host only
    HostUnique,
}

#[derive(Debug, Subcommand)]
pub enum HvsFlavorCommand {
    /// Create flavors from a registered host's current PCR values
    Create(HvsFlavorCreateArgs),
    /// Import one flavor from a JSON file ({"flavor_part", "pcrs": [{"index","value"}], ...})
    Import(HvsFlavorImportArgs),
    /// List flavors
    List,
    /// Show one flavor with its PCR values
    Show {
        /// Flavor ID
        id: Uuid,
    },
    /// Delete a flavor
    Delete(DeleteArgs),
}

#[derive(Debug, Args)]
pub struct HvsFlavorCreateArgs {
    /// The host whose PCR values become the flavors
    #[arg(long, value_name = "HOST_ID")]
    pub from_host: Uuid,

    /// Flavor part to create (repeatable) [default: all three]
    #[arg(long = "part", value_enum, value_name = "PART", ignore_case = true)]
    pub parts: Vec<FlavorPartArg>,

    /// Flavor group the PLATFORM and OS flavors join (repeatable) [default: automatic];
    /// HOST_UNIQUE flavors always join host_unique
    #[arg(long = "flavorgroup", value_name = "NAME")]
    pub flavorgroups: Vec<String>,
}

#[derive(Debug, Args)]
pub struct HvsFlavorImportArgs {
    /// JSON file holding the flavor, or '-' for stdin
    #[arg(value_name = "FILE|-")]
    pub file: PathBuf,

    /// Flavor group the flavor joins (repeatable) [default: the file's flavorgroup_names or
    /// flavor_group, else automatic]
    #[arg(long = "flavorgroup", value_name = "NAME")]
    pub flavorgroups: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum HvsFlavorgroupCommand {
    /// Create a flavor group with its match policies
    Create(HvsFlavorgroupCreateArgs),
    /// List flavor groups
    List {
        /// Only the group with exactly this name
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
        /// Only groups whose name contains this text
        #[arg(long, value_name = "TEXT")]
        name_contains: Option<String>,
    },
    /// Show one flavor group (by ID or name) with its policies and flavors
    Show {
        /// Flavor group ID or name
        #[arg(value_name = "ID|NAME")]
        group: String,
    },
    /// Delete a flavor group (refused for automatic, host_unique and groups hosts use)
    Delete(DeleteArgs),
    /// Link a flavor to a flavor group
    AddFlavor {
        /// Flavor group ID or name
        #[arg(value_name = "ID|NAME")]
        group: String,
        /// Flavor ID
        flavor: Uuid,
    },
    /// Unlink a flavor from a flavor group
    RemoveFlavor {
        /// Flavor group ID or name
        #[arg(value_name = "ID|NAME")]
        group: String,
        /// Flavor ID
        flavor: Uuid,
    },
}

#[derive(Debug, Args)]
pub struct HvsFlavorgroupCreateArgs {
    /// Group name: letters, digits and _ - . : @
    #[arg(long, value_name = "NAME")]
    pub name: String,

    /// A match policy PART:MATCH_TYPE:REQUIRED (repeatable), e.g. PLATFORM:ALL_OF:REQUIRED;
    /// PART is PLATFORM, OS, HOST_UNIQUE, SOFTWARE or ASSET_TAG, MATCH_TYPE ANY_OF, ALL_OF or
    /// LATEST, REQUIRED REQUIRED or REQUIRED_IF_DEFINED [default: the automatic group's
    /// policies]
    #[arg(long = "policy", value_name = "PART:MATCH_TYPE:REQUIRED")]
    pub policies: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum HvsTagCommand {
    /// Create a tag certificate for a host (it is not deployed yet)
    Create(HvsTagCreateArgs),
    /// List tag certificates
    List {
        /// Only certificates made for this registered host
        #[arg(long, value_name = "HOST_ID", conflicts_with = "hardware_uuid")]
        host: Option<Uuid>,
        /// Only certificates made for this hardware UUID
        #[arg(long, value_name = "UUID")]
        hardware_uuid: Option<Uuid>,
        /// Only certificates valid at this time: YYYY-MM-DD, "YYYY-MM-DD hh:mm:ss" (UTC) or
        /// RFC 3339
        #[arg(long, value_name = "DATE")]
        valid_on: Option<String>,
    },
    /// Show one tag certificate with its tags
    Show {
        /// Tag certificate ID
        id: Uuid,
    },
    /// Delete a tag certificate (flavors made by deploying it stay)
    Delete(DeleteArgs),
    /// Write a tag certificate's digest into its host's TPM and give the host an ASSET_TAG
    /// flavor (needs tag_certificates:deploy)
    Deploy {
        /// Tag certificate ID
        id: Uuid,
    },
}

#[derive(Debug, Subcommand)]
pub enum HvsEkCommand {
    /// Register a host's EK certificate (needs tpm_endorsements:create)
    Register(HvsEkRegisterArgs),
    /// List registered EK certificates
    List {
        /// Only the registration for this hardware UUID
        #[arg(long, value_name = "UUID")]
        hardware_uuid: Option<Uuid>,
        /// Only revoked (true) or only valid (false) registrations
        #[arg(long, value_name = "BOOL")]
        revoked: Option<bool>,
    },
    /// Show one registration with its certificate
    Show {
        /// Registration ID
        id: Uuid,
    },
    /// Mark a registration revoked: its EK is refused from now on, even with a trusted chain
    /// (needs tpm_endorsements:store)
    Revoke {
        /// Registration ID
        id: Uuid,
    },
    /// Clear a registration's revoked mark (needs tpm_endorsements:store)
    Unrevoke {
        /// Registration ID
        id: Uuid,
    },
    /// Delete a registration (its EK is then judged by its chain alone)
    Delete(DeleteArgs),
}

#[derive(Debug, Args)]
pub struct HvsEkRegisterArgs {
    /// The EK certificate, DER or PEM (one certificate), or '-' for stdin
    #[arg(long, value_name = "FILE|-")]
    pub certificate: PathBuf,

    /// The host's hardware UUID (one registration per hardware UUID)
    #[arg(long, value_name = "UUID")]
    pub hardware_uuid: Option<Uuid>,

    /// A note for operators, e.g. where the machine stands
    #[arg(long, value_name = "TEXT")]
    pub comment: Option<String>,

    /// The issuer to record [default: the certificate's issuer]
    #[arg(long, value_name = "DN")]
    pub issuer: Option<String>,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("which").required(true).args(["host", "hardware_uuid"])))]
pub struct HvsTagCreateArgs {
    /// The registered host the tags are for (its hardware UUID becomes the subject)
    #[arg(long, value_name = "HOST_ID")]
    pub host: Option<Uuid>,

    /// The hardware UUID the tags are for (the host need not be registered yet)
    #[arg(long, value_name = "UUID")]
    pub hardware_uuid: Option<Uuid>,

    /// A tag NAME=VALUE (repeatable, at least one); letters, digits, space and _ - . , : ; @
    /// / + =
    #[arg(long = "tag", value_name = "NAME=VALUE", required = true)]
    pub tags: Vec<String>,
}

#[derive(Debug, Subcommand)]
pub enum HvsReportCommand {
    /// Attest a host now and print its trust report
    Create(HvsReportCreateArgs),
    /// List stored reports (the latest per host unless --all)
    List(HvsReportListArgs),
    /// Show one stored report
    Show {
        /// Report ID
        id: Uuid,
        /// Print its signed SAML assertion (XML) instead
        #[arg(long)]
        saml: bool,
    },
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("which").required(true).args(["host", "hardware_uuid"])))]
pub struct HvsReportCreateArgs {
    /// Host ID
    #[arg(long, value_name = "ID")]
    pub host: Option<Uuid>,

    /// Host hardware UUID
    #[arg(long, value_name = "UUID")]
    pub hardware_uuid: Option<String>,

    /// Print the signed SAML assertion (XML) instead of the report
    #[arg(long)]
    pub saml: bool,
}

#[derive(Debug, Args)]
pub struct HvsReportListArgs {
    /// Only reports of this host
    #[arg(long, value_name = "ID")]
    pub host: Option<Uuid>,

    /// Only reports of the host with this hardware UUID
    #[arg(long, value_name = "UUID")]
    pub hardware_uuid: Option<Uuid>,

    /// Only reports of the host with this name
    #[arg(long, value_name = "NAME")]
    pub host_name: Option<String>,

    /// Only reports of hosts now in this state, e.g. CONNECTED or CONNECTION_FAILURE
    #[arg(long, value_name = "STATE")]
    pub host_status: Option<String>,

    /// Only reports created at or after: YYYY-MM-DD, "YYYY-MM-DD hh:mm:ss" (UTC) or RFC 3339
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,

    /// Only reports created before (same formats as --from)
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,

    /// Only reports of the last N days (0 to 365; replaces --from and --to)
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(0..=365))]
    pub days: Option<u32>,

    /// At most this many reports [server default: 10000]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub limit: Option<u32>,

    /// Only the reports listed after this one (paging)
    #[arg(long, value_name = "REPORT_ID")]
    pub after: Option<Uuid>,

    /// Every stored report, not only the latest per host
    #[arg(long)]
    pub all: bool,
}

/// `--domain` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CaDomainArg {
    /// The SAML signing certificate
    Saml,
    /// The PrivacyCA that issues AIK certificates
    Root,
    /// The EK CAs the HVS trusts
    Ek,
}

/// `--type` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CaTypeArg {
    /// The PrivacyCA certificate
    Privacy,
    /// The SAML signing certificate
    Saml,
    /// The root EK CA
    Ek,
    /// The Tag CA that signs asset-tag certificates
    Tag,
}

#[derive(Debug, Subcommand)]
pub enum HvsCaCertCommand {
    /// Print CA certificates as PEM (or JSON with --output json)
    #[command(group(ArgGroup::new("which").required(true).args(["domain", "kind"])))]
    Get {
        /// Every certificate of a domain
        #[arg(long, value_enum)]
        domain: Option<CaDomainArg>,

        /// One certificate
        #[arg(long = "type", value_enum, value_name = "TYPE")]
        kind: Option<CaTypeArg>,
    },
}

// ----- secl wls ---------------------------------------------------------------------------

/// `secl wls`.
#[derive(Debug, Args)]
pub struct WlsArgs {
    #[command(flatten)]
    pub conn: WlsConnOpts,

    #[command(subcommand)]
    pub command: WlsCommand,
}

/// How to reach and authenticate to the WLS. The token itself can only come from a file or the
/// SECL_WLS_TOKEN environment variable, never from the command line.
#[derive(Debug, Clone, Default, Args)]
pub struct WlsConnOpts {
    /// WLS base URL, e.g. https://wls.example:5000 [env: SECL_WLS_URL]
    #[arg(long, global = true, value_name = "URL", display_order = 80)]
    pub wls_url: Option<String>,

    /// PEM file with the CA certificate(s) that issued the WLS TLS certificate; only these are
    /// trusted [env: SECL_WLS_CA_CERT]
    #[arg(
        long,
        global = true,
        value_name = "FILE",
        display_order = 81,
        visible_alias = "wls-ca"
    )]
    pub wls_ca_cert: Option<PathBuf>,

    /// File holding the WLS token [env: SECL_WLS_TOKEN_FILE; or the token itself in
    /// SECL_WLS_TOKEN]
    #[arg(long, global = true, value_name = "FILE", display_order = 82)]
    pub wls_token_file: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum WlsCommand {
    /// Upload, list, show and delete signed image flavors
    #[command(subcommand)]
    Flavor(WlsFlavorCommand),
    /// Manage WLS bearer tokens (a workload agent needs keys:create)
    #[command(
        subcommand,
        after_help = "\
Example: a token for the workload agent of one host

  secl wls token create --name host1 --permission keys:create:*"
    )]
    Token(TokenCommand),
    /// Show the WLS version (needs no token)
    Version,
}

#[derive(Debug, Subcommand)]
pub enum WlsFlavorCommand {
    /// Upload a signed image flavor (as `secl image flavor create` writes it)
    Upload(ImportArgs),
    /// List image flavors
    List {
        /// Only the flavor with this label
        #[arg(long, value_name = "LABEL")]
        label: Option<String>,
    },
    /// Show one image flavor
    Show {
        /// Flavor ID
        id: Uuid,
    },
    /// Delete an image flavor
    Delete(DeleteArgs),
}
