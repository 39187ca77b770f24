//! The Workload Service: tokens, image flavors, and the key broker between a host, the HVS
//! and the KBS.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use secl_api::hvs::{CaDomain, HvsClient, ReportCriteria};
use secl_api::wls::KeyRequest;
use secl_auth::{Principal, TokenStore};
use secl_store::Store;
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::config::{HvsSettings, Settings};
use crate::error::{Result, WlsError, bad};
use crate::flavor::{self, FlavorRecord, Flavors, Signer, Upload};
use crate::keys::{KeyCache, KeyTarget};

/// Time allowed to open a connection to the KBS (TLS handshake included).
const KBS_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Time allowed for a whole KBS transfer.
const KBS_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Largest KBS answer read; a wrapped key is 256 bytes for an RSA-2048 binding key.
const MAX_KBS_ANSWER: usize = 64 * 1024;
/// Longest upstream error text passed on.
const MAX_UPSTREAM_MESSAGE: usize = 512;

/// SecL's prefixes, so that operators' searches for them keep working.
const HVS_FAIL: &str = "Failed to retrieve Key for Image";
const KBS_FAIL: &str = "Failed to retrieve key :";

/// The HVS side: a client with the WLS's `reports:create` token.
struct HvsLink {
    client: HvsClient,
}

/// Everything a request needs.
pub struct Wls {
    store: Arc<dyn Store>,
    tokens: TokenStore,
    flavors: Flavors,
    signers: Vec<Signer>,
    hvs: Option<HvsLink>,
    saml_certs: Vec<Vec<u8>>,
    /// None when no KBS CA is configured: no KBS is contacted at all.
    kbs: Option<reqwest::Client>,
    cache: KeyCache,
    require_image_flavor: bool,
}

impl std::fmt::Debug for Wls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Wls")
            .field("store", &self.store.describe())
            .finish_non_exhaustive()
    }
}

/// Reads a small text file holding a secret, trimmed.
fn read_token(path: &Path) -> Result<Zeroizing<String>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| WlsError::Config(format!("cannot read {}: {e}", path.display())))?;
    let t = Zeroizing::new(text.trim().to_string());
    if t.is_empty() {
        return Err(WlsError::Config(format!("{} is empty", path.display())));
    }
    Ok(t)
}

/// An HTTPS client that trusts exactly the CA certificates in `paths`.
fn kbs_client(paths: &[std::path::PathBuf]) -> Result<Option<reqwest::Client>> {
    if paths.is_empty() {
        return Ok(None);
    }
    let mut roots = rustls::RootCertStore::empty();
    for p in paths {
        let pem = std::fs::read(p)
            .map_err(|e| WlsError::Config(format!("cannot read {}: {e}", p.display())))?;
        let certs = secl_api::client::ca_certs_from_pem(&pem, &p.display().to_string())
            .map_err(|e| WlsError::Config(e.to_string()))?;
        for c in certs {
            roots.add(c).map_err(|e| {
                WlsError::Config(format!("{}: unusable CA certificate: {e}", p.display()))
            })?;
        }
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let mut tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| WlsError::Config(format!("TLS setup failed: {e}")))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    tls.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
    let http = reqwest::Client::builder()
        .tls_backend_preconfigured(tls)
        .https_only(true)
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(KBS_CONNECT_TIMEOUT)
        .timeout(KBS_REQUEST_TIMEOUT)
        .user_agent(concat!("secl-wls/", env!("CARGO_PKG_VERSION")))
        .build()
        .map_err(|e| WlsError::Config(format!("cannot set up the KBS client: {e}")))?;
    Ok(Some(http))
}

/// Loads the SAML certificates from files, or downloads them from the HVS.
async fn saml_certs(settings: &Settings, hvs: Option<&HvsLink>) -> Result<Vec<Vec<u8>>> {
    let mut certs = Vec::new();
    for p in &settings.saml_cert {
        let pem = std::fs::read(p)
            .map_err(|e| WlsError::Config(format!("cannot read {}: {e}", p.display())))?;
        certs.extend(
            secl_saml::certs_from_pem(&pem)
                .map_err(|e| WlsError::Config(format!("{}: {e}", p.display())))?,
        );
    }
    if !certs.is_empty() {
        return Ok(certs);
    }
    let (Some(hvs), Some(hs)) = (hvs, settings.hvs.as_ref()) else {
        return Ok(certs);
    };
    // SecL's `download-saml-ca-cert` setup task, done at each start over verified TLS.
    let pem = hvs
        .client
        .ca_certificates_pem(CaDomain::Saml)
        .await
        .map_err(|e| {
            WlsError::Config(format!(
                "no --saml-cert given and the HVS SAML certificate could not be downloaded: {e}"
            ))
        })?;
    let certs = secl_saml::certs_from_pem(pem.as_bytes()).map_err(|e| {
        WlsError::Config(format!(
            "the HVS sent an unusable SAML certificate (ca-certificates?domain=saml): {e}"
        ))
    })?;
    let fingerprints: Vec<String> = certs
        .iter()
        .map(|c| hex(&Sha256::digest(c))[..16].to_string())
        .collect();
    tracing::info!(
        hvs = %hs.url,
        sha256 = %fingerprints.join(","),
        "no --saml-cert given: downloaded the HVS SAML signing certificate(s) from ca-certificates?domain=saml"
    );
    Ok(certs)
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Printable, bounded text of an upstream answer.
fn sanitize(text: &str) -> String {
    let t: String = text
        .trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(MAX_UPSTREAM_MESSAGE)
        .collect();
    t
}

/// Whether a transport failure was TLS, and what it was: the rustls error, else the chain
/// as `a: b: c`.
fn describe_transport(e: &reqwest::Error) -> (bool, String) {
    if let Some(tls) = secl_api::http::find_tls_error(e) {
        return (true, tls);
    }
    if e.is_timeout() {
        return (false, "timed out".into());
    }
    let mut parts: Vec<String> = Vec::new();
    let mut cur: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(err) = cur {
        let s = err.to_string();
        if !parts.iter().any(|p| p.contains(&s)) {
            parts.push(s);
        }
        cur = err.source();
    }
    let text = parts.join(": ");
    // Some connectors wrap the rustls error as text only.
    let tls = text.contains("invalid peer certificate") || text.contains("TLS");
    (tls, text)
}

impl Wls {
    /// Opens the service: tokens and flavors in `store`, HVS and KBS clients, SAML and
    /// flavor-signing certificates (downloading the SAML certificate when none is given).
    pub async fn open(store: Arc<dyn Store>, settings: &Settings) -> Result<Self> {
        let hvs = match &settings.hvs {
            Some(HvsSettings {
                url,
                ca,
                token_file,
            }) => {
                let token = read_token(token_file)?;
                let client = HvsClient::new(url, ca, Some(&token))
                    .map_err(|e| WlsError::Config(format!("HVS: {e}")))?;
                Some(HvsLink { client })
            }
            None => None,
        };
        let saml_certs = saml_certs(settings, hvs.as_ref()).await?;
        let signers = flavor::load_signers(&settings.flavor_signing_cert)?;
        Ok(Self {
            tokens: TokenStore::new(store.clone(), "wls", "keys:create:*"),
            flavors: Flavors::new(store.clone()),
            store,
            signers,
            hvs,
            saml_certs,
            kbs: kbs_client(&settings.kbs_ca)?,
            cache: KeyCache::new(Duration::from_secs(settings.key_cache_seconds)),
            require_image_flavor: settings.require_image_flavor,
        })
    }

    /// Tokens only (for `reset-admin-token`): no HVS, KBS or certificates needed.
    pub fn tokens_only(store: Arc<dyn Store>) -> TokenStore {
        TokenStore::new(store, "wls", "keys:create:*")
    }

    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    pub fn tokens(&self) -> &TokenStore {
        &self.tokens
    }

    pub fn has_hvs(&self) -> bool {
        self.hvs.is_some()
    }

    pub fn has_kbs_ca(&self) -> bool {
        self.kbs.is_some()
    }

    pub fn signer_count(&self) -> usize {
        self.signers.len()
    }

    pub async fn authenticate(&self, bearer: &str) -> Result<Principal> {
        Ok(self.tokens.authenticate(bearer).await?)
    }

    pub async fn bootstrap_admin(&self, file: &Path) -> Result<bool> {
        Ok(self.tokens.bootstrap_admin(file).await?)
    }

    // ----- flavors ----------------------------------------------------------------------

    /// Verifies and stores an uploaded flavor.
    pub async fn create_flavor(&self, u: Upload) -> Result<FlavorRecord> {
        let signer = flavor::verify(&u, &self.signers, OffsetDateTime::now_utc())?;
        let r = self.flavors.create(&u, signer).await?;
        tracing::info!(id = %r.id, label = %r.label, signer = %r.signer, "image flavor stored");
        Ok(r)
    }

    pub async fn flavors(
        &self,
        id: Option<Uuid>,
        label: Option<&str>,
    ) -> Result<Vec<FlavorRecord>> {
        self.flavors.list(id, label).await
    }

    pub async fn flavor(&self, id: Uuid) -> Result<Option<FlavorRecord>> {
        self.flavors.get(id).await
    }

    pub async fn delete_flavor(&self, id: Uuid) -> Result<bool> {
        self.flavors.delete(id).await
    }

    // ----- keys -------------------------------------------------------------------------

    /// The key of `req.key_url` wrapped to the host's TPM binding key, after a fresh
    /// attestation of the host. Never logs the key or the report.
    pub async fn transfer_key(&self, req: &KeyRequest) -> Result<Zeroizing<Vec<u8>>> {
        let hw = Uuid::try_parse(req.hardware_uuid.trim())
            .map_err(|_| bad("Invalid hardware UUID format"))?;
        if req.key_url.trim().is_empty() {
            return Err(bad("keyUrl is empty"));
        }
        let target =
            KeyTarget::parse(&req.key_url).map_err(|m| bad(format!("Invalid key_url: {m}")))?;
        let key_id = target.key_id;
        if self.require_image_flavor && !self.flavors.names_key(key_id).await? {
            tracing::warn!(%hw, %key_id, "key refused: no image flavor names it");
            return Err(WlsError::Forbidden(format!(
                "{KBS_FAIL} no image flavor names key {key_id}, and this WLS hands out only keys \
                 named by an uploaded image flavor (--require-image-flavor)"
            )));
        }
        // Checked before the host is attested: a report is never sent where it cannot go.
        let Some(kbs) = &self.kbs else {
            tracing::error!(kbs = %target.kbs_base, "key refused: no --kbs-ca configured");
            return Err(WlsError::Upstream(format!(
                "{KBS_FAIL} no KBS CA certificate is configured (--kbs-ca), so the TLS \
                 certificate of the KBS at {} cannot be verified; refusing to contact it",
                target.kbs_base
            )));
        };
        let Some(hvs) = &self.hvs else {
            return Err(WlsError::Upstream(format!(
                "{HVS_FAIL} - no HVS is configured (--hvs-url)"
            )));
        };

        let saml = hvs
            .client
            .create_report_saml(&ReportCriteria {
                hardware_uuid: Some(hw.to_string()),
                ..ReportCriteria::default()
            })
            .await
            .map_err(|e| {
                tracing::warn!(%hw, "HVS report failed: {e}");
                WlsError::Upstream(format!("{HVS_FAIL} - Failed to read HVS response: {e}"))
            })?;
        let report = secl_saml::verify(
            saml.as_bytes(),
            &self.saml_certs,
            OffsetDateTime::now_utc(),
            None,
        )
        .map_err(|e| {
            tracing::warn!(%hw, "HVS report refused: {e}");
            WlsError::Upstream(format!(
                "{HVS_FAIL} - SAML signature or certificate chain verification failed: {e}"
            ))
        })?;
        let reported = report
            .hardware_uuid()
            .and_then(|h| Uuid::try_parse(h.trim()).ok());
        if reported != Some(hw) {
            tracing::warn!(%hw, "HVS report names another host");
            return Err(WlsError::Upstream(format!(
                "{HVS_FAIL} - the HVS report is about host {}, not {hw}",
                report.hardware_uuid().map(sanitize).unwrap_or_default()
            )));
        }
        if !report.trust_overall() {
            self.cache.purge_host(hw);
            tracing::warn!(%hw, %key_id, "key refused: host is untrusted");
            return Err(WlsError::Upstream(format!(
                "{HVS_FAIL} - Host is untrusted"
            )));
        }
        let binding = report
            .binding_key_certificate_der()
            .ok()
            .map(|d| <[u8; 32]>::from(Sha256::digest(d)));

        if let Some(k) = self.cache.get(hw, key_id, binding, Instant::now()) {
            tracing::info!(%hw, %key_id, "key handed out from the cache");
            return Ok(k);
        }
        let key = self.kbs_transfer(kbs, &target, saml).await?;
        self.cache.put(hw, key_id, binding, &key, Instant::now());
        tracing::info!(%hw, %key_id, kbs = %target.kbs_base, "key handed out");
        Ok(key)
    }

    async fn kbs_transfer(
        &self,
        kbs: &reqwest::Client,
        target: &KeyTarget,
        saml: String,
    ) -> Result<Zeroizing<Vec<u8>>> {
        let resp = kbs
            .post(target.transfer_url.clone())
            .header(reqwest::header::CONTENT_TYPE, secl_api::media::SAML)
            .header(reqwest::header::ACCEPT, secl_api::media::OCTET_STREAM)
            .body(saml)
            .send()
            .await
            .map_err(|e| {
                let (tls, why) = describe_transport(&e);
                let msg = if tls {
                    format!(
                        "{KBS_FAIL} TLS failure talking to the KBS at {}: {why} (is the KBS CA \
                         among --kbs-ca?)",
                        target.kbs_base
                    )
                } else {
                    format!(
                        "{KBS_FAIL} cannot reach the KBS at {}: {why}",
                        target.kbs_base
                    )
                };
                tracing::warn!("{msg}");
                WlsError::Upstream(msg)
            })?;
        let status = resp.status();
        let mut body = Zeroizing::new(Vec::new());
        let mut resp = resp;
        loop {
            match resp.chunk().await {
                Ok(Some(c)) => {
                    if body.len() + c.len() > MAX_KBS_ANSWER {
                        return Err(WlsError::Upstream(format!(
                            "{KBS_FAIL} the KBS answer is larger than {MAX_KBS_ANSWER} bytes"
                        )));
                    }
                    body.extend_from_slice(&c);
                }
                Ok(None) => break,
                Err(e) => {
                    return Err(WlsError::Upstream(format!(
                        "{KBS_FAIL} reading the KBS answer failed: {}",
                        describe_transport(&e).1
                    )));
                }
            }
        }
        if !status.is_success() {
            let msg = format!(
                "{KBS_FAIL} KBS refused the transfer: {} {}",
                status.as_u16(),
                sanitize(&String::from_utf8_lossy(&body))
            );
            tracing::warn!(key_id = %target.key_id, "{msg}");
            return Err(WlsError::Upstream(msg.trim_end().to_string()));
        }
        if body.is_empty() {
            return Err(WlsError::Upstream(format!(
                "{KBS_FAIL} the KBS answered with an empty key"
            )));
        }
        Ok(body)
    }
}
