//! Images in an OCI distribution registry (`docker://HOST[:PORT]/REPO[:TAG]`), streamed.
//!
//! Built on `oci-client`: [`RegistrySource`] pulls manifests and blobs, [`RegistryDest`] pushes
//! them. Blobs go straight between files and the network (never whole in memory), every byte
//! pulled is checked against its descriptor, and every call is bounded in time: connecting
//! takes at most [`CONNECT_TIMEOUT`], and a call that makes no progress for
//! [`RegistryOptions::stall_timeout`] is abandoned.
//!
//! Security defaults: verified HTTPS and anonymous access. Plain HTTP, unverified TLS and
//! credentials are used only when the caller sets them in [`RegistryOptions`]; credentials never
//! appear in errors, logs or `Debug` output.

use std::error::Error as StdError;
use std::fmt;
use std::future::Future;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use oci_client::client::{
    BlobResponse, Certificate, CertificateEncoding, ClientConfig, ClientProtocol, LayerDescriptor,
};
use oci_client::errors::{OciDistributionError, OciEnvelope, OciErrorCode};
use oci_client::secrets::RegistryAuth;
use oci_client::{Client, Reference};
use oci_spec::image::{Arch, DigestAlgorithm, ImageIndex, MediaType, Os};
use sha2::Digest as _;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::{Descriptor, Error, ImageDest, ImageManifest, ImageSource, Result};

/// Connecting (TCP and TLS handshake) to a registry must finish within this.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default for [`RegistryOptions::stall_timeout`].
pub const DEFAULT_STALL_TIMEOUT: Duration = Duration::from_secs(60);
/// Environment variables the CLI may read credentials from, via
/// [`RegistryOptions::with_env_credentials`].
pub const ENV_USER: &str = "SECL_REGISTRY_USER";
pub const ENV_PASSWORD: &str = "SECL_REGISTRY_PASSWORD";

const OCI_MANIFEST: &str = "application/vnd.oci.image.manifest.v1+json";
const OCI_INDEX: &str = "application/vnd.oci.image.index.v1+json";
const DOCKER_MANIFEST: &str = "application/vnd.docker.distribution.manifest.v2+json";
const DOCKER_LIST: &str = "application/vnd.docker.distribution.manifest.list.v2+json";
/// What we ask for: image manifests and indexes, OCI and Docker v2s2 (never v2s1).
const ACCEPTED_MANIFESTS: &[&str] = &[OCI_MANIFEST, DOCKER_MANIFEST, OCI_INDEX, DOCKER_LIST];
/// Upload read size: large enough for few syscalls, small enough to keep memory bounded.
const UPLOAD_READ: usize = 256 * 1024;
/// Download write buffer.
const DOWNLOAD_BUFFER: usize = 1024 * 1024;
const USER_AGENT: &str = concat!("secl/", env!("CARGO_PKG_VERSION"));

/// How to reach a registry. The default is verified HTTPS, anonymous.
#[derive(Clone)]
pub struct RegistryOptions {
    /// Speak plain HTTP (no TLS at all). Only for registries on a trusted network, e.g. a test
    /// registry on 127.0.0.1; credentials would travel in the clear.
    pub plain_http: bool,
    /// Use TLS but accept any certificate. Defeats server authentication: testing only.
    pub insecure_skip_tls_verify: bool,
    /// A PEM file of extra CA certificates to trust (for registries with a private CA).
    pub extra_ca: Option<PathBuf>,
    /// HTTP basic credentials `(user, password)`; `None` is anonymous access.
    pub auth: Option<(String, String)>,
    /// A call that makes no progress (no byte sent or received, no answer) for this long is
    /// abandoned, so a stalled registry cannot hang a pipeline forever.
    pub stall_timeout: Duration,
}

impl Default for RegistryOptions {
    fn default() -> Self {
        RegistryOptions {
            plain_http: false,
            insecure_skip_tls_verify: false,
            extra_ca: None,
            auth: None,
            stall_timeout: DEFAULT_STALL_TIMEOUT,
        }
    }
}

impl fmt::Debug for RegistryOptions {
    // Hand-written so the password can never end up in a log.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RegistryOptions")
            .field("plain_http", &self.plain_http)
            .field("insecure_skip_tls_verify", &self.insecure_skip_tls_verify)
            .field("extra_ca", &self.extra_ca)
            .field(
                "auth",
                &self
                    .auth
                    .as_ref()
                    .map(|(user, _)| format!("{user}:<redacted>")),
            )
            .field("stall_timeout", &self.stall_timeout)
            .finish()
    }
}

impl RegistryOptions {
    /// Fills [`auth`](Self::auth), if still unset, from `SECL_REGISTRY_USER` and
    /// `SECL_REGISTRY_PASSWORD`. Explicit so that a library caller never picks up credentials by
    /// surprise. One variable without the other is an error rather than a silent anonymous pull.
    pub fn with_env_credentials(mut self) -> Result<Self> {
        if self.auth.is_some() {
            return Ok(self);
        }
        let user = std::env::var(ENV_USER).ok().filter(|v| !v.is_empty());
        let password = std::env::var(ENV_PASSWORD).ok().filter(|v| !v.is_empty());
        self.auth = match (user, password) {
            (Some(u), Some(p)) => Some((u, p)),
            (None, None) => None,
            (Some(_), None) => return Err(half_credentials(ENV_USER, ENV_PASSWORD)),
            (None, Some(_)) => return Err(half_credentials(ENV_PASSWORD, ENV_USER)),
        };
        Ok(self)
    }
}

fn half_credentials(set: &str, unset: &str) -> Error {
    Error::Malformed {
        what: "registry credentials",
        detail: format!(
            "{set} is set but {unset} is not: set both, or neither for anonymous access"
        ),
    }
}

/// Which side of a copy a registry is on; only used to name the right CLI flag in hints.
#[derive(Clone, Copy, Debug)]
enum Role {
    Source,
    Dest,
}

impl Role {
    fn flag(self) -> &'static str {
        match self {
            Role::Source => "src",
            Role::Dest => "dest",
        }
    }
}

/// What a failed call was doing, for the error message.
#[derive(Clone, Copy)]
enum Op<'a> {
    PullManifest,
    PullBlob(&'a str),
    BlobExists(&'a str),
    PushBlob(&'a str),
    PushManifest,
}

/// One repository of one registry, and a client configured for it.
struct Remote {
    /// `host[:port]` as given: the `registry` of every [`Error::Registry`].
    registry: String,
    reference: Reference,
    client: Client,
    auth: RegistryAuth,
    stall: Duration,
    plain_http: bool,
    role: Role,
}

impl Remote {
    fn new(
        registry: &str,
        reference: Reference,
        opts: &RegistryOptions,
        role: Role,
    ) -> Result<Self> {
        // oci-client is built without a rustls provider; reqwest panics without one. Another
        // component may have installed one already, which is fine.
        let _ = rustls::crypto::ring::default_provider().install_default();

        let mut extra_root_certificates = Vec::new();
        if let Some(path) = &opts.extra_ca {
            let data = std::fs::read(path).map_err(|e| Error::io(path, e))?;
            extra_root_certificates.push(Certificate {
                encoding: CertificateEncoding::Pem,
                data,
            });
        }
        let config = ClientConfig {
            protocol: if opts.plain_http {
                ClientProtocol::Http
            } else {
                ClientProtocol::Https
            },
            accept_invalid_certificates: opts.insecure_skip_tls_verify,
            extra_root_certificates,
            // Indexes are resolved here (linux/amd64, clear error otherwise).
            platform_resolver: None,
            // One POST and one streamed PUT per blob: the widest-supported upload, and the
            // request body is a file stream so memory stays bounded.
            use_monolithic_push: true,
            connect_timeout: Some(CONNECT_TIMEOUT),
            // No reqwest read timeout: in reqwest it is a fixed deadline for the response
            // headers, which would cut off large uploads. Stalls are caught by `guarded` instead.
            read_timeout: None,
            user_agent: USER_AGENT,
            ..Default::default()
        };
        // `try_from`, not `new`: `new` silently falls back to a default client on error.
        let client = Client::try_from(config).map_err(|e| Error::Registry {
            registry: registry.to_string(),
            detail: format!("cannot set up the HTTP client: {}", error_text(&e)),
        })?;
        let auth = match &opts.auth {
            Some((user, password)) => RegistryAuth::Basic(user.clone(), password.clone()),
            None => RegistryAuth::Anonymous,
        };
        Ok(Remote {
            registry: registry.to_string(),
            reference,
            client,
            auth,
            stall: opts.stall_timeout,
            plain_http: opts.plain_http,
            role,
        })
    }

    async fn ensure_auth(&self) {
        self.client
            .store_auth_if_needed(self.reference.resolve_registry(), &self.auth)
            .await;
    }

    /// `repo:tag` or `repo@digest`.
    fn image(&self) -> String {
        match (self.reference.digest(), self.reference.tag()) {
            (Some(d), _) => format!("{}@{d}", self.reference.repository()),
            (None, Some(t)) => format!("{}:{t}", self.reference.repository()),
            (None, None) => self.reference.repository().to_string(),
        }
    }

    fn describe(&self) -> String {
        format!("docker://{}/{}", self.registry, self.image())
    }

    fn registry_error(&self, op: Op<'_>, detail: impl fmt::Display) -> Error {
        Error::Registry {
            registry: self.registry.clone(),
            detail: format!("{}: {detail}", self.op_text(op)),
        }
    }

    fn op_text(&self, op: Op<'_>) -> String {
        match op {
            Op::PullManifest => format!("fetching the manifest of {}", self.image()),
            Op::PullBlob(d) => format!("fetching blob {d} of {}", self.reference.repository()),
            Op::BlobExists(d) => {
                format!("checking for blob {d} in {}", self.reference.repository())
            }
            Op::PushBlob(d) => format!("uploading blob {d} to {}", self.reference.repository()),
            Op::PushManifest => format!("pushing the manifest of {}", self.image()),
        }
    }

    fn stalled(&self, op: Op<'_>) -> Error {
        self.registry_error(
            op,
            format!(
                "no progress for {} s: the registry or the network is stalled",
                self.stall.as_secs_f32()
            ),
        )
    }

    /// Runs a call that reports no progress of its own (manifests, HEAD) within the stall timeout.
    async fn bounded<T>(
        &self,
        op: Op<'_>,
        call: impl Future<Output = std::result::Result<T, OciDistributionError>>,
    ) -> Result<T> {
        match tokio::time::timeout(self.stall, call).await {
            Ok(Ok(v)) => Ok(v),
            Ok(Err(e)) => Err(self.map_error(e, op)),
            Err(_) => Err(self.stalled(op)),
        }
    }

    /// Turns an oci-client failure into an [`Error`] whose detail says what to do about it.
    fn map_error(&self, err: OciDistributionError, op: Op<'_>) -> Error {
        use OciDistributionError as E;
        match err {
            E::DigestError(e) => self.digest_error(op, error_text(&e)),
            E::UnauthorizedError { .. } => self.registry_error(op, self.status_text(401, op)),
            E::AuthenticationFailure(_) => self.registry_error(
                op,
                format!(
                    "the registry's token service refused to authenticate us; {}",
                    self.credentials_hint()
                ),
            ),
            E::ImageManifestNotFoundError(_) => self.registry_error(op, self.status_text(404, op)),
            E::RegistryError { envelope, .. } => self.envelope_error(op, &envelope, None),
            E::ServerError { code, message, .. } => {
                // Upload and push answers arrive here unparsed; they carry the OCI envelope.
                match serde_json::from_str::<OciEnvelope>(&message) {
                    Ok(envelope) if !envelope.errors.is_empty() => {
                        self.envelope_error(op, &envelope, Some(code))
                    }
                    _ if code == 400 && message.contains("HTTP request to an HTTPS server") => self
                        .registry_error(
                            op,
                            format!(
                                "the registry speaks HTTPS, not plain HTTP: drop --{}-plain-http",
                                self.role.flag()
                            ),
                        ),
                    _ => match self.known_status(code, op) {
                        Some(text) => self.registry_error(op, text),
                        None => self.registry_error(op, format!("HTTP {code}: {}", clip(&message))),
                    },
                }
            }
            E::RequestError(e) => {
                if let Some(status) = e.status() {
                    let code = status.as_u16();
                    return self.registry_error(op, self.status_text(code, op));
                }
                self.registry_error(op, self.transport_text(&e, e.is_timeout(), e.is_connect()))
            }
            E::IoError(e) => self.registry_error(op, self.transport_text(&e, false, false)),
            E::UnsupportedSchemaVersionError(v) => Error::Unsupported(format!(
                "{} is a schema version {v} manifest; only schema 2 (OCI or Docker v2s2) is supported",
                self.describe()
            )),
            E::UnsupportedMediaTypeError(t) => Error::Unsupported(format!(
                "{} has a manifest of media type {t}, which is not an image manifest or index",
                self.describe()
            )),
            other => self.registry_error(op, error_text(&other)),
        }
    }

    fn digest_error(&self, op: Op<'_>, detail: String) -> Error {
        let expected = match op {
            Op::PullBlob(d) | Op::BlobExists(d) | Op::PushBlob(d) => d.to_string(),
            Op::PullManifest | Op::PushManifest => match self.reference.digest() {
                Some(d) => d.to_string(),
                None => format!("manifest of {}", self.describe()),
            },
        };
        Error::Digest { expected, detail }
    }

    fn envelope_error(&self, op: Op<'_>, envelope: &OciEnvelope, code: Option<u16>) -> Error {
        let Some(first) = envelope.errors.first() else {
            return self.registry_error(op, "the registry answered with an empty error list");
        };
        let message = clip(&first.message);
        match &first.code {
            OciErrorCode::DigestInvalid | OciErrorCode::SizeInvalid => {
                self.digest_error(op, format!("the registry refused the content: {message}"))
            }
            OciErrorCode::Unauthorized => self.registry_error(op, self.status_text(401, op)),
            OciErrorCode::Denied => self.registry_error(op, self.status_text(403, op)),
            OciErrorCode::NameUnknown
            | OciErrorCode::ManifestUnknown
            | OciErrorCode::BlobUnknown
            | OciErrorCode::NotFound => self.registry_error(op, self.status_text(404, op)),
            OciErrorCode::ManifestBlobUnknown => self.registry_error(
                op,
                format!("the manifest references a blob the registry does not hold ({message})"),
            ),
            OciErrorCode::Toomanyrequests => self.registry_error(op, self.status_text(429, op)),
            other => {
                let status = code.map(|c| format!("HTTP {c}, ")).unwrap_or_default();
                self.registry_error(op, format!("{status}{other:?}: {message}"))
            }
        }
    }

    fn credentials_hint(&self) -> String {
        match self.auth {
            RegistryAuth::Anonymous => format!(
                "no credentials were given (anonymous access): set them, e.g. with {ENV_USER} \
                 and {ENV_PASSWORD}"
            ),
            _ => "the credentials given were rejected: check the user name and password".into(),
        }
    }

    fn known_status(&self, code: u16, op: Op<'_>) -> Option<String> {
        let right = match op {
            Op::PushBlob(_) | Op::PushManifest => "push to",
            _ => "pull from",
        };
        Some(match code {
            401 => format!(
                "the registry requires authentication (HTTP 401): {}",
                self.credentials_hint()
            ),
            403 => format!(
                "access denied (HTTP 403): these credentials may not {right} {}",
                self.reference.repository()
            ),
            404 => match op {
                Op::PullManifest | Op::PushManifest => format!(
                    "not found (HTTP 404): no such image {} in this registry",
                    self.image()
                ),
                Op::PullBlob(d) | Op::BlobExists(d) | Op::PushBlob(d) => format!(
                    "not found (HTTP 404): no blob {d} in repository {}",
                    self.reference.repository()
                ),
            },
            429 => {
                "too many requests (HTTP 429): the registry is rate limiting; retry later".into()
            }
            _ => return None,
        })
    }

    fn status_text(&self, code: u16, op: Op<'_>) -> String {
        self.known_status(code, op)
            .unwrap_or_else(|| format!("HTTP {code}"))
    }

    /// Explains a failure below HTTP: cannot connect, TLS trouble, timeouts.
    fn transport_text(
        &self,
        err: &(dyn StdError + 'static),
        is_timeout: bool,
        is_connect: bool,
    ) -> String {
        let chain = error_chain(err);
        let root = chain
            .last()
            .map(|e| e.to_string())
            .unwrap_or_else(|| err.to_string());
        let flag = self.role.flag();
        if let Some(tls) = chain.iter().find_map(|e| e.downcast_ref::<rustls::Error>()) {
            return match tls {
                rustls::Error::InvalidCertificate(_) => format!(
                    "the registry's TLS certificate is not trusted ({tls}): give its CA \
                     certificate, or pass --{flag}-tls-verify=false to skip verification (insecure)"
                ),
                rustls::Error::InvalidMessage(_)
                | rustls::Error::InappropriateMessage { .. }
                | rustls::Error::InappropriateHandshakeMessage { .. } => format!(
                    "TLS handshake failed ({tls}): the registry does not seem to speak TLS; if it \
                     serves plain HTTP, pass --{flag}-plain-http"
                ),
                _ => format!(
                    "TLS handshake failed ({tls}): if the registry serves plain HTTP, pass \
                     --{flag}-plain-http; if its certificate is self-signed, give its CA \
                     certificate or pass --{flag}-tls-verify=false"
                ),
            };
        }
        let io_kind = chain
            .iter()
            .find_map(|e| e.downcast_ref::<std::io::Error>())
            .map(|e| e.kind());
        if is_timeout || io_kind == Some(std::io::ErrorKind::TimedOut) {
            return format!(
                "no answer in time ({root}): the registry or the network is stalled or unreachable"
            );
        }
        let refused = matches!(
            io_kind,
            Some(
                std::io::ErrorKind::ConnectionRefused
                    | std::io::ErrorKind::ConnectionReset
                    | std::io::ErrorKind::NotFound
                    | std::io::ErrorKind::AddrNotAvailable
            )
        );
        if is_connect || refused {
            let plain = if self.plain_http {
                String::new()
            } else {
                format!(" (for a registry that serves plain HTTP, pass --{flag}-plain-http)")
            };
            return format!(
                "cannot connect ({root}): is the registry running and reachable?{plain}"
            );
        }
        format!("transfer failed: {root}")
    }
}

/// The error and its causes, looking inside `io::Error`s (whose `source()` skips the error they
/// wrap, which is where rustls puts its own).
fn error_chain<'a>(err: &'a (dyn StdError + 'static)) -> Vec<&'a (dyn StdError + 'static)> {
    let mut out = Vec::new();
    let mut next = Some(err);
    while let Some(e) = next {
        out.push(e);
        if out.len() > 32 {
            break;
        }
        next = match e
            .downcast_ref::<std::io::Error>()
            .and_then(|io| io.get_ref())
        {
            Some(inner) => Some(inner as &(dyn StdError + 'static)),
            None => e.source(),
        };
    }
    out
}

/// `err` and its causes on one line, without repeating a cause already part of the message.
fn error_text(err: &(dyn StdError + 'static)) -> String {
    let mut text = String::new();
    for e in error_chain(err) {
        let s = e.to_string();
        if text.contains(&s) {
            continue;
        }
        if !text.is_empty() {
            text.push_str(": ");
        }
        text.push_str(&s);
    }
    text
}

/// Registry-supplied text, made safe and short for a one-line message.
fn clip(s: &str) -> String {
    const MAX: usize = 300;
    let mut out: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(MAX)
        .collect();
    if s.chars().count() > MAX {
        out.push('…');
    }
    out.trim().to_string()
}

/// Time of the last byte moved, for stall detection of long transfers.
struct Activity {
    origin: Instant,
    last_ms: AtomicU64,
}

impl Activity {
    fn new() -> Self {
        Activity {
            origin: Instant::now(),
            last_ms: AtomicU64::new(0),
        }
    }

    fn touch(&self) {
        let now = u64::try_from(self.origin.elapsed().as_millis()).unwrap_or(u64::MAX);
        self.last_ms.fetch_max(now, Ordering::Relaxed);
    }

    fn idle(&self) -> Duration {
        self.origin
            .elapsed()
            .saturating_sub(Duration::from_millis(self.last_ms.load(Ordering::Relaxed)))
    }
}

/// Runs `fut` until it finishes, or `None` once `activity` has seen no progress for `limit`.
/// Unlike a total timeout this lets a large blob take as long as it needs while it moves.
async fn guarded<T>(
    fut: impl Future<Output = T>,
    activity: &Activity,
    limit: Duration,
) -> Option<T> {
    let mut fut = std::pin::pin!(fut);
    loop {
        let left = limit.saturating_sub(activity.idle());
        if left.is_zero() {
            return None;
        }
        tokio::select! {
            biased;
            out = &mut fut => return Some(out),
            _ = tokio::time::sleep(left) => {}
        }
    }
}

/// Streaming hash for the digest algorithms OCI defines.
enum Hasher {
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
}

impl Hasher {
    fn for_descriptor(desc: &Descriptor) -> Result<Self> {
        Ok(match desc.digest().algorithm() {
            DigestAlgorithm::Sha256 => Hasher::Sha256(sha2::Sha256::new()),
            DigestAlgorithm::Sha384 => Hasher::Sha384(sha2::Sha384::new()),
            DigestAlgorithm::Sha512 => Hasher::Sha512(sha2::Sha512::new()),
            other => {
                return Err(Error::Unsupported(format!(
                    "blob {}: digest algorithm {other} is not supported",
                    desc.digest()
                )));
            }
        })
    }

    fn update(&mut self, data: &[u8]) {
        match self {
            Hasher::Sha256(h) => h.update(data),
            Hasher::Sha384(h) => h.update(data),
            Hasher::Sha512(h) => h.update(data),
        }
    }

    fn finish(self) -> String {
        match self {
            Hasher::Sha256(h) => format!("sha256:{}", hex::encode(h.finalize())),
            Hasher::Sha384(h) => format!("sha384:{}", hex::encode(h.finalize())),
            Hasher::Sha512(h) => format!("sha512:{}", hex::encode(h.finalize())),
        }
    }
}

/// Reads an image from a registry.
pub struct RegistrySource {
    remote: Remote,
}

impl fmt::Debug for RegistrySource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("RegistrySource")
            .field(&self.remote.describe())
            .finish()
    }
}

impl RegistrySource {
    /// `registry` is `host[:port]`; `reference` a tag, or a digest (`@sha256:…` or `sha256:…`).
    pub fn new(
        registry: &str,
        repository: &str,
        reference: &str,
        opts: RegistryOptions,
    ) -> Result<Self> {
        check_registry(registry)?;
        check_repository(registry, repository)?;
        let whole = || format!("{registry}/{repository}:{reference}");
        let digest_form = reference.strip_prefix('@').unwrap_or(reference);
        let reference = if digest_form.contains(':') {
            let digest =
                oci_spec::image::Digest::try_from(digest_form).map_err(|e| Error::Reference {
                    reference: whole(),
                    detail: format!("bad digest: {e}"),
                })?;
            if digest.algorithm().digest_hexlen().is_none() {
                return Err(Error::Reference {
                    reference: whole(),
                    detail: format!("unsupported digest algorithm {}", digest.algorithm()),
                });
            }
            Reference::with_digest(registry.into(), repository.into(), digest.to_string())
        } else {
            check_tag(&whole(), reference)?;
            Reference::with_tag(registry.into(), repository.into(), reference.into())
        };
        Ok(RegistrySource {
            remote: Remote::new(registry, reference, &opts, Role::Source)?,
        })
    }

    async fn pull_manifest_bytes(&self, reference: &Reference) -> Result<Vec<u8>> {
        let r = &self.remote;
        r.ensure_auth().await;
        let (bytes, _digest) = r
            .bounded(
                Op::PullManifest,
                r.client
                    .pull_manifest_raw(reference, &r.auth, ACCEPTED_MANIFESTS),
            )
            .await?;
        Ok(bytes.to_vec())
    }
}

/// What a manifest document is, judged by its `mediaType` and, if absent, by its shape.
#[derive(Debug, PartialEq)]
enum ManifestKind {
    Image,
    Index,
}

fn manifest_kind(body: &[u8], describe: &str) -> Result<ManifestKind> {
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Probe {
        schema_version: Option<u64>,
        media_type: Option<String>,
        manifests: Option<serde::de::IgnoredAny>,
        layers: Option<serde::de::IgnoredAny>,
    }
    let probe: Probe = serde_json::from_slice(body).map_err(|e| Error::Malformed {
        what: "image manifest",
        detail: format!("{describe}: {e}"),
    })?;
    match probe.schema_version {
        Some(2) => {}
        Some(v) => {
            return Err(Error::Unsupported(format!(
                "{describe} is a schema version {v} manifest; only schema 2 (OCI or Docker v2s2) \
                 is supported"
            )));
        }
        None => {
            return Err(Error::Malformed {
                what: "image manifest",
                detail: format!("{describe}: no schemaVersion"),
            });
        }
    }
    match probe.media_type.as_deref() {
        Some(OCI_MANIFEST | DOCKER_MANIFEST) => Ok(ManifestKind::Image),
        Some(OCI_INDEX | DOCKER_LIST) => Ok(ManifestKind::Index),
        Some(other) => Err(Error::Unsupported(format!(
            "{describe} has a manifest of media type {other}, which is not an image manifest or \
             index"
        ))),
        None if probe.manifests.is_some() => Ok(ManifestKind::Index),
        None if probe.layers.is_some() => Ok(ManifestKind::Image),
        None => Err(Error::Malformed {
            what: "image manifest",
            detail: format!("{describe}: neither layers nor manifests"),
        }),
    }
}

fn parse_image_manifest(body: &[u8], describe: &str) -> Result<ImageManifest> {
    serde_json::from_slice(body).map_err(|e| Error::Malformed {
        what: "image manifest",
        detail: format!("{describe}: {e}"),
    })
}

#[async_trait::async_trait]
impl ImageSource for RegistrySource {
    /// Docker v2s2 manifests are returned as they are (media types unchanged; ocicrypt accepts
    /// Docker layer types). An index or manifest list resolves to its linux/amd64 image.
    async fn manifest(&self) -> Result<ImageManifest> {
        let describe = self.remote.describe();
        let body = self.pull_manifest_bytes(&self.remote.reference).await?;
        if manifest_kind(&body, &describe)? == ManifestKind::Image {
            return parse_image_manifest(&body, &describe);
        }
        let index: ImageIndex = serde_json::from_slice(&body).map_err(|e| Error::Malformed {
            what: "image index",
            detail: format!("{describe}: {e}"),
        })?;
        let is_linux_amd64 = |d: &&Descriptor| {
            d.platform()
                .as_ref()
                .is_some_and(|p| *p.os() == Os::Linux && *p.architecture() == Arch::Amd64)
        };
        let Some(entry) = index.manifests().iter().find(is_linux_amd64) else {
            let platforms: Vec<String> = index
                .manifests()
                .iter()
                .filter_map(|d| d.platform().as_ref())
                .map(|p| format!("{}/{}", p.os(), p.architecture()))
                .collect();
            return Err(Error::Unsupported(format!(
                "{describe} is a multi-platform index without a linux/amd64 image (it has: {}); \
                 name the wanted image by its digest instead",
                if platforms.is_empty() {
                    "no platform information".to_string()
                } else {
                    platforms.join(", ")
                }
            )));
        };
        // Pulled by digest, so oci-client checks the body against the index's digest.
        let child_ref = self
            .remote
            .reference
            .clone_with_digest(entry.digest().to_string());
        let child_describe = format!("{describe} (linux/amd64 {})", entry.digest());
        let body = self.pull_manifest_bytes(&child_ref).await?;
        match manifest_kind(&body, &child_describe)? {
            ManifestKind::Image => parse_image_manifest(&body, &child_describe),
            ManifestKind::Index => Err(Error::Unsupported(format!(
                "{child_describe} is a nested index; only an index of image manifests is supported"
            ))),
        }
    }

    fn local_blob(&self, _desc: &Descriptor) -> Option<PathBuf> {
        None
    }

    /// Streams the blob into `to` (created 0600), hashing as it goes; a size or digest mismatch
    /// is [`Error::Digest`]. On any failure `to` is removed, so no unverified bytes are left.
    async fn fetch_blob(&self, desc: &Descriptor, to: &Path) -> Result<()> {
        let result = self.fetch_blob_inner(desc, to).await;
        if result.is_err() {
            let _ = tokio::fs::remove_file(to).await;
        }
        result
    }

    fn describe(&self) -> String {
        self.remote.describe()
    }
}

impl RegistrySource {
    async fn fetch_blob_inner(&self, desc: &Descriptor, to: &Path) -> Result<()> {
        let r = &self.remote;
        let digest = desc.digest().to_string();
        let op = Op::PullBlob(&digest);
        let size = desc.size();
        let mut hasher = Hasher::for_descriptor(desc)?;
        let file = tokio::fs::OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .mode(0o600)
            .open(to)
            .await
            .map_err(|e| Error::io(to, e))?;
        // `mode` only applies to a file we create; a pre-existing one is made private too.
        file.set_permissions(std::fs::Permissions::from_mode(0o600))
            .await
            .map_err(|e| Error::io(to, e))?;
        let mut out = tokio::io::BufWriter::with_capacity(DOWNLOAD_BUFFER, file);
        r.ensure_auth().await;

        let activity = Activity::new();
        let transfer = async {
            // No `urls`: foreign layers are fetched from this registry only, never from hosts a
            // manifest names.
            let layer = LayerDescriptor {
                digest: &digest,
                urls: &None,
            };
            // `bytes=0-` (any non-empty blob): a registry that honours it answers 206, which
            // oci-client passes through without hashing it a second time; `hasher` is the one
            // check either way. A registry that ignores ranges answers 200, hashed by both.
            let mut stream = if size == 0 {
                r.client.pull_blob_stream(&r.reference, &layer).await
            } else {
                match r
                    .client
                    .pull_blob_stream_partial(&r.reference, &layer, 0, None)
                    .await
                {
                    Ok(BlobResponse::Full(s) | BlobResponse::Partial(s)) => Ok(s),
                    Err(e) => Err(e),
                }
            }
            .map_err(|e| r.map_error(e, op))?;
            activity.touch();
            if let Some(announced) = stream.content_length
                && announced != size
            {
                return Err(Error::Digest {
                    expected: digest.clone(),
                    detail: format!(
                        "the registry announces {announced} bytes, the descriptor says {size}"
                    ),
                });
            }
            let mut received: u64 = 0;
            while let Some(chunk) = stream.next().await {
                activity.touch();
                let chunk = match chunk {
                    Ok(c) => c,
                    // oci-client's own end-of-stream digest check: report ours below instead.
                    Err(e) if is_digest_error(&e) => break,
                    Err(e) => return Err(r.registry_error(op, r.transport_text(&e, false, false))),
                };
                received = received.saturating_add(chunk.len() as u64);
                if received > size {
                    return Err(Error::Digest {
                        expected: digest.clone(),
                        detail: format!("the registry sent more than the {size} bytes described"),
                    });
                }
                hasher.update(&chunk);
                out.write_all(&chunk).await.map_err(|e| Error::io(to, e))?;
            }
            out.flush().await.map_err(|e| Error::io(to, e))?;
            Ok(received)
        };
        let received = guarded(transfer, &activity, r.stall)
            .await
            .ok_or_else(|| r.stalled(op))??;
        if received != size {
            return Err(Error::Digest {
                expected: digest,
                detail: format!("received {received} bytes, the descriptor says {size}"),
            });
        }
        let actual = hasher.finish();
        if actual != digest {
            return Err(Error::Digest {
                expected: digest,
                detail: format!("the registry sent content whose digest is {actual}"),
            });
        }
        Ok(())
    }
}

fn is_digest_error(e: &std::io::Error) -> bool {
    e.get_ref()
        .is_some_and(|inner| inner.is::<oci_client::errors::DigestError>())
}

/// Writes an image to a registry.
///
/// Blobs are uploaded as they are staged; the manifest goes last and is what makes the image
/// visible under its tag. [`abort`](ImageDest::abort) cannot take back blobs already uploaded:
/// without a manifest referencing them they are invisible, and the registry's garbage collector
/// removes such unreferenced blobs.
pub struct RegistryDest {
    remote: Remote,
    staging: PathBuf,
}

impl fmt::Debug for RegistryDest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RegistryDest")
            .field("image", &self.remote.describe())
            .field("staging", &self.staging)
            .finish()
    }
}

impl RegistryDest {
    /// `registry` is `host[:port]`. A private (0700) staging directory is created inside
    /// `staging_parent` (which must exist) and removed when this value is dropped or aborted.
    pub fn new(
        registry: &str,
        repository: &str,
        tag: &str,
        opts: RegistryOptions,
        staging_parent: PathBuf,
    ) -> Result<Self> {
        check_registry(registry)?;
        check_repository(registry, repository)?;
        check_tag(&format!("{registry}/{repository}:{tag}"), tag)?;
        let reference = Reference::with_tag(registry.into(), repository.into(), tag.into());
        let remote = Remote::new(registry, reference, &opts, Role::Dest)?;
        let staging = make_private_dir(&staging_parent)?;
        Ok(RegistryDest { remote, staging })
    }
}

impl Drop for RegistryDest {
    fn drop(&mut self) {
        // Staged files are only ever temporary copies of what was (or failed to be) uploaded.
        let _ = std::fs::remove_dir_all(&self.staging);
    }
}

/// Creates a fresh directory only we can enter. `mkdir` fails on an existing name, so a
/// guessable name in a shared directory cannot be hijacked.
fn make_private_dir(parent: &Path) -> Result<PathBuf> {
    use std::os::unix::fs::DirBuilderExt;
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let mut last_err = None;
    for _ in 0..64 {
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let path = parent.join(format!(".secl-push-{}-{nanos:08x}-{n}", std::process::id()));
        match std::fs::DirBuilder::new().mode(0o700).create(&path) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last_err = Some(e),
            Err(e) => return Err(Error::io(&path, e)),
        }
    }
    Err(Error::io(
        parent,
        last_err.unwrap_or_else(|| std::io::Error::other("cannot create a staging directory")),
    ))
}

#[async_trait::async_trait]
impl ImageDest for RegistryDest {
    fn staging_dir(&self) -> &Path {
        &self.staging
    }

    /// Streams `staged` up (one POST, one PUT whose body is the file) and removes it once the
    /// registry has accepted it. The registry checks the digest; a mismatch is
    /// [`Error::Digest`]. On failure the staged file stays for a retry or for `abort`.
    async fn put_blob(&self, desc: &Descriptor, staged: &Path) -> Result<()> {
        let r = &self.remote;
        let digest = desc.digest().to_string();
        let op = Op::PushBlob(&digest);
        let size = desc.size();
        let file = tokio::fs::File::open(staged)
            .await
            .map_err(|e| Error::io(staged, e))?;
        let len = file
            .metadata()
            .await
            .map_err(|e| Error::io(staged, e))?
            .len();
        if len != size {
            return Err(Error::Digest {
                expected: digest,
                detail: format!("the staged file holds {len} bytes, the descriptor says {size}"),
            });
        }
        r.ensure_auth().await;
        let activity = Arc::new(Activity::new());
        let seen = Arc::clone(&activity);
        let body = tokio_util::io::ReaderStream::with_capacity(file.take(size), UPLOAD_READ).map(
            move |chunk| {
                seen.touch();
                chunk.map_err(OciDistributionError::IoError)
            },
        );
        let push = r
            .client
            .push_blob_stream(&r.reference, body, &digest, Some(size));
        match guarded(push, &activity, r.stall).await {
            None => Err(r.stalled(op)),
            Some(Err(e)) => Err(r.map_error(e, op)),
            Some(Ok(_location)) => match tokio::fs::remove_file(staged).await {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
                Err(e) => Err(Error::io(staged, e)),
            },
        }
    }

    async fn has_blob(&self, desc: &Descriptor) -> Result<bool> {
        let r = &self.remote;
        let digest = desc.digest().to_string();
        r.ensure_auth().await;
        r.bounded(
            Op::BlobExists(&digest),
            r.client.blob_exists(&r.reference, &digest),
        )
        .await
    }

    /// Pushes the manifest under the tag, with its own media type as Content-Type (OCI image
    /// manifest if it has none; OCI 1.1 says it should be present, so it is set in the body too).
    async fn put_manifest(&self, manifest: &ImageManifest) -> Result<()> {
        let r = &self.remote;
        let mut manifest = manifest.clone();
        if manifest.media_type().is_none() {
            manifest.set_media_type(Some(MediaType::ImageManifest));
        }
        let media_type = manifest
            .media_type()
            .as_ref()
            .map(|m| m.to_string())
            .unwrap_or_else(|| OCI_MANIFEST.to_string());
        let content_type = media_type.parse().map_err(|_| Error::Malformed {
            what: "image manifest",
            detail: format!("media type {media_type:?} is not a valid Content-Type"),
        })?;
        let body = serde_json::to_vec(&manifest).map_err(|e| Error::Malformed {
            what: "image manifest",
            detail: e.to_string(),
        })?;
        r.ensure_auth().await;
        r.bounded(
            Op::PushManifest,
            r.client.push_manifest_raw(&r.reference, body, content_type),
        )
        .await?;
        Ok(())
    }

    /// Removes the staging directory and what is staged in it. Blobs already uploaded stay in
    /// the registry, invisible without a manifest, until its garbage collector removes them.
    async fn abort(&self) {
        if let Err(e) = tokio::fs::remove_dir_all(&self.staging).await
            && e.kind() != std::io::ErrorKind::NotFound
        {
            tracing::warn!(dir = %self.staging.display(), error = %e, "cannot remove staging directory");
        }
    }

    fn describe(&self) -> String {
        self.remote.describe()
    }
}

fn bad_reference(reference: &str, detail: impl Into<String>) -> Error {
    Error::Reference {
        reference: reference.to_string(),
        detail: detail.into(),
    }
}

/// `host[:port]`, or `[v6]:port`: nothing that could smuggle a path, user info or query into URLs.
fn check_registry(registry: &str) -> Result<()> {
    let ok = !registry.is_empty()
        && registry.len() <= 255
        && !registry.starts_with(['-', '.', ':'])
        && registry
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']'));
    if ok {
        Ok(())
    } else {
        Err(bad_reference(
            registry,
            "the registry must be HOST or HOST:PORT (letters, digits, '.', '-')",
        ))
    }
}

/// Distribution's repository grammar: lowercase path components separated by `/`, each made of
/// `[a-z0-9]` runs joined by `.`, `_`, `__` or dashes.
fn check_repository(registry: &str, repository: &str) -> Result<()> {
    let component_ok = |c: &str| {
        let bytes = c.as_bytes();
        !bytes.is_empty()
            && bytes
                .first()
                .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            && bytes
                .last()
                .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            && bytes.iter().all(|b| {
                b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'.' | b'_' | b'-')
            })
            && !c.contains("..")
            && !c.contains("___")
    };
    if !repository.is_empty() && repository.len() <= 255 && repository.split('/').all(component_ok)
    {
        Ok(())
    } else {
        Err(bad_reference(
            &format!("{registry}/{repository}"),
            "the repository must be lowercase path components ([a-z0-9] joined by '.', '_' or '-') \
             separated by '/'",
        ))
    }
}

/// `[A-Za-z0-9_][A-Za-z0-9._-]{0,127}`.
fn check_tag(whole: &str, tag: &str) -> Result<()> {
    let ok = tag.len() <= 128
        && tag
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
        && tag
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'));
    if ok {
        Ok(())
    } else {
        Err(bad_reference(
            whole,
            "the tag must be 1-128 of [A-Za-z0-9_.-], not starting with '.' or '-'",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked() {
        assert!(check_registry("127.0.0.1:5000").is_ok());
        assert!(check_registry("[::1]:5000").is_ok());
        assert!(check_registry("registry.example.com").is_ok());
        for bad in ["", "a/b", "user@host", "host?x", "-host", "host name"] {
            assert!(check_registry(bad).is_err(), "{bad}");
        }
        for good in ["a", "library/alpine", "a-b/c.d/e__f", "x9/y--z"] {
            assert!(check_repository("r", good).is_ok(), "{good}");
        }
        for bad in [
            "", "A", "a//b", "/a", "a/", "a/../b", "a?b", "-a", "a_", "a b",
        ] {
            assert!(check_repository("r", bad).is_err(), "{bad}");
        }
        for good in ["latest", "v1.2.3", "_x", "A-b_c.d"] {
            assert!(check_tag("w", good).is_ok(), "{good}");
        }
        let long = "a".repeat(129);
        for bad in ["", ".x", "-x", "a/b", "a:b", long.as_str()] {
            assert!(check_tag("w", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn source_reference_forms() {
        let d = format!("sha256:{}", "a".repeat(64));
        for r in [d.clone(), format!("@{d}"), "latest".into()] {
            let s = RegistrySource::new("127.0.0.1:1", "x/y", &r, RegistryOptions::default());
            assert!(s.is_ok(), "{r}: {s:?}");
        }
        for r in ["sha256:abc", "@md5:abcd", "@", "bad/tag"] {
            let s = RegistrySource::new("127.0.0.1:1", "x/y", r, RegistryOptions::default());
            assert!(matches!(s, Err(Error::Reference { .. })), "{r}: {s:?}");
        }
    }

    #[test]
    fn debug_hides_password() {
        let opts = RegistryOptions {
            auth: Some(("alice".into(), "hunter2".into())),
            ..Default::default()
        };
        let text = format!("{opts:?}");
        assert!(
            text.contains("alice") && !text.contains("hunter2"),
            "{text}"
        );
    }

    #[test]
    fn manifest_kinds() {
        let k = |s: &str| manifest_kind(s.as_bytes(), "t");
        assert_eq!(
            k(r#"{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json"}"#)
                .ok(),
            Some(ManifestKind::Image)
        );
        assert_eq!(
            k(r#"{"schemaVersion":2,"manifests":[]}"#).ok(),
            Some(ManifestKind::Index)
        );
        assert_eq!(
            k(r#"{"schemaVersion":2,"layers":[]}"#).ok(),
            Some(ManifestKind::Image)
        );
        assert!(matches!(
            k(r#"{"schemaVersion":1,"fsLayers":[]}"#),
            Err(Error::Unsupported(_))
        ));
        assert!(matches!(k("not json"), Err(Error::Malformed { .. })));
    }

    #[tokio::test]
    async fn stall_guard_fires_without_progress_only() {
        let activity = Activity::new();
        let limit = Duration::from_millis(200);
        let slow = guarded(tokio::time::sleep(Duration::from_secs(5)), &activity, limit).await;
        assert!(slow.is_none());
        let activity = Activity::new();
        let moving = async {
            for _ in 0..6 {
                tokio::time::sleep(Duration::from_millis(100)).await;
                activity.touch();
            }
            7
        };
        assert_eq!(guarded(moving, &activity, limit).await, Some(7));
    }
}
