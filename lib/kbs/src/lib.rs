//! The Key Broker Service: keys sealed at rest, envelope transfer to an owner's RSA key,
//! imported SAML and TPM-identity certificates, transfer policies, bearer tokens and the audit
//! trail. Everything here works on a [`secl_store::Store`]; the HTTP layer lives in
//! `servers/kbs` and only maps requests onto these calls.
#![forbid(unsafe_code)]

mod audit;
pub mod certs;
pub mod seal;
pub mod transfer;

use std::path::Path;
use std::sync::Arc;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use rand::Rng;
use rsa::pkcs8::DecodePublicKey;
use rsa::traits::PublicKeyParts;
use rustls_pki_types::pem::SectionKind;
use secl_api::kbs::{
    AttestationType, AuditRecord, CertKind, Certificate, KeyInformation, KeyRequest, KeyResponse,
    KeyTransferPolicy, KeyTransferPolicyRequest, TokenRequest, TokenResponse, TpmPolicy,
};
use secl_auth::{AuthError, TokenStore};
use secl_store::{Store, StoreError};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;
use zeroize::Zeroizing;

pub use certs::CertFilter;
pub use seal::MasterKey;
pub use secl_auth::{Principal, tokens};
pub use transfer::{Denial, DenyCode};

/// The store namespace of KBS tokens: kinds `kbs.token` and `kbs.meta` (`admin-bootstrap`).
const TOKEN_NAMESPACE: &str = "kbs";

const KIND_KEY: &str = "kbs.key";
const KIND_POLICY: &str = "kbs.policy";
const KIND_META: &str = "kbs.meta";
const LOG_AUDIT: &str = "kbs.audit";
const META_DEFAULT_POLICY: &str = "default-policy";

/// Longest label, usage string or token name accepted.
const MAX_TEXT: usize = 256;

/// Errors a caller can match on; the server maps each to one HTTP status.
#[derive(Debug, thiserror::Error)]
pub enum KbsError {
    /// The request is malformed or names something invalid (400).
    #[error("{0}")]
    BadRequest(String),
    /// No such key, certificate, policy or token (404).
    #[error("{0}")]
    NotFound(String),
    /// The id is taken, or the thing is still in use (409).
    #[error("{0}")]
    Conflict(String),
    /// No valid credential, or not enough permission (401).
    #[error("{0}")]
    Unauthorized(String),
    /// Configuration or start-up files are wrong.
    #[error("{0}")]
    Config(String),
    /// A sealed record did not open: wrong master key or tampered data.
    #[error("sealed key material could not be opened (wrong master key or tampered record)")]
    Sealed,
    /// The store failed.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A bug or an impossible state; details are logged, not sent.
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<AuthError> for KbsError {
    fn from(e: AuthError) -> Self {
        match e {
            AuthError::BadRequest(m) => KbsError::BadRequest(m),
            AuthError::NotFound(m) => KbsError::NotFound(m),
            AuthError::Unauthorized(m) => KbsError::Unauthorized(m),
            AuthError::File(m) => KbsError::Config(m),
            AuthError::Store(e) => KbsError::Store(e),
            AuthError::Internal(m) => KbsError::Internal(m),
        }
    }
}

type Result<T, E = KbsError> = std::result::Result<T, E>;

/// A key as stored: its description plus sealed material.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct KeyRecord {
    id: Uuid,
    algorithm: String,
    key_length: u32,
    transfer_policy_id: Uuid,
    #[serde(with = "time::serde::rfc3339")]
    created_at: OffsetDateTime,
    #[serde(default)]
    label: Option<String>,
    #[serde(default)]
    usage: Option<String>,
    /// Base64 of `MasterKey::seal(id, material)`.
    sealed: String,
}

/// A certificate as stored: its description plus the PEM body exactly as imported.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct CertRecord {
    meta: Certificate,
    pem: String,
}

/// SecL's key search parameters.
#[derive(Debug, Default, Clone)]
pub struct KeyFilter {
    pub algorithm: Option<String>,
    pub key_length: Option<u32>,
    pub curve_type: Option<String>,
    pub transfer_policy_id: Option<Uuid>,
}

/// Audit search parameters.
#[derive(Debug, Default, Clone)]
pub struct AuditFilter {
    pub after: u64,
    pub limit: usize,
    pub key_id: Option<Uuid>,
    pub action: Option<String>,
}

/// Why a SAML transfer did not release the key.
#[derive(Debug, thiserror::Error)]
pub enum SamlTransferError {
    /// The body is not a well-formed `saml2:Assertion` (400).
    #[error("Failed to unmarshal SAML report")]
    Unmarshal,
    /// A release check failed (401, SecL's text); the audit record says which.
    #[error("Client not trusted by HVS")]
    Denied(Denial),
    /// The store or the audit trail failed (500).
    #[error(transparent)]
    Kbs(#[from] KbsError),
}

/// The service. Cheap to share behind an `Arc`.
pub struct Kbs {
    store: Arc<dyn Store>,
    tokens: TokenStore,
    master: MasterKey,
    /// Ends with `/`, e.g. `https://kbs.example:9443/kbs/v1/`.
    endpoint: String,
    audit_log: audit::AuditLog,
    trust: transfer::TrustCache,
}

impl std::fmt::Debug for Kbs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Kbs")
            .field("store", &self.store.describe())
            .field("endpoint", &self.endpoint)
            .finish_non_exhaustive()
    }
}

fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

fn to_json<T: Serialize>(v: &T) -> Result<Vec<u8>> {
    serde_json::to_vec(v).map_err(|e| KbsError::Internal(format!("encoding a record: {e}")))
}

fn from_json<T: for<'de> Deserialize<'de>>(what: &str, bytes: &[u8]) -> Result<T> {
    serde_json::from_slice(bytes)
        .map_err(|e| KbsError::Internal(format!("stored {what} record is unreadable: {e}")))
}

/// A fresh TPM transfer policy.
fn new_policy(tpm: TpmPolicy, default: bool) -> KeyTransferPolicy {
    let t = now();
    KeyTransferPolicy {
        id: Uuid::new_v4(),
        created_at: t,
        updated_at: t,
        attestation_type: vec![AttestationType::Tpm],
        tpm: Some(tpm),
        default,
    }
}

fn cert_kind_name(kind: CertKind) -> &'static str {
    match kind {
        CertKind::Saml => "kbs.cert.saml",
        CertKind::TpmIdentity => "kbs.cert.tpm-identity",
    }
}

/// `k1:v1,k2:v2` with alphanumeric keys and values (SecL's asset-tag syntax).
fn validate_usage(usage: &str) -> Result<()> {
    let ok = !usage.is_empty()
        && usage.len() <= MAX_TEXT
        && usage.split(',').all(|pair| {
            let mut kv = pair.splitn(2, ':');
            let alnum = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric());
            matches!((kv.next(), kv.next()), (Some(k), Some(v)) if alnum(k) && alnum(v))
        });
    if ok {
        Ok(())
    } else {
        Err(KbsError::BadRequest(
            "usage must be key:value pairs of letters and digits, separated by commas".into(),
        ))
    }
}

fn validate_text(field: &str, value: &str) -> Result<()> {
    if value.len() > MAX_TEXT || value.chars().any(char::is_control) {
        return Err(KbsError::BadRequest(format!(
            "{field} must be at most {MAX_TEXT} bytes without control characters"
        )));
    }
    Ok(())
}

impl Kbs {
    /// A KBS over `store`, sealing under `master`, building transfer links from `endpoint_url`
    /// (SecL's `endpoint-url`, e.g. `https://kbs.example:9443/kbs/v1/`).
    pub fn new(store: Arc<dyn Store>, master: MasterKey, endpoint_url: &str) -> Self {
        let mut endpoint = endpoint_url.to_string();
        if !endpoint.ends_with('/') {
            endpoint.push('/');
        }
        Self {
            tokens: TokenStore::new(store.clone(), TOKEN_NAMESPACE, "keys:create:*"),
            audit_log: audit::AuditLog::new(store.clone(), LOG_AUDIT),
            trust: transfer::TrustCache::new(),
            store,
            master,
            endpoint,
        }
    }

    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    // ----- start-up -------------------------------------------------------------------------

    /// First start: creates the admin token (`*:*:*`) and writes it to `admin_token_file`
    /// (mode 0600). Later starts, and other instances sharing the store, do nothing. Returns
    /// true when a token was written.
    pub async fn bootstrap_admin(&self, admin_token_file: &Path) -> Result<bool> {
        Ok(self.tokens.bootstrap_admin(admin_token_file).await?)
    }

    /// Creates a fresh admin token and (re)writes `admin_token_file`: the recovery path when the
    /// file is lost.
    pub async fn write_admin_token(&self, admin_token_file: &Path) -> Result<Uuid> {
        Ok(self.tokens.write_admin_token(admin_token_file).await?)
    }

    /// The id of the default transfer policy, creating it on first use. Safe when several
    /// instances start at once on one database.
    pub async fn default_policy_id(&self) -> Result<Uuid> {
        if let Some(bytes) = self.store.get(KIND_META, META_DEFAULT_POLICY).await? {
            return Uuid::try_parse_ascii(&bytes)
                .map_err(|_| KbsError::Internal("default policy id is unreadable".into()));
        }
        let policy = new_policy(TpmPolicy::default(), true);
        self.store
            .insert(KIND_POLICY, &policy.id.to_string(), &to_json(&policy)?)
            .await?;
        match self
            .store
            .insert(
                KIND_META,
                META_DEFAULT_POLICY,
                policy.id.to_string().as_bytes(),
            )
            .await
        {
            Ok(()) => Ok(policy.id),
            Err(StoreError::Conflict { .. }) => {
                self.store
                    .delete(KIND_POLICY, &policy.id.to_string())
                    .await?;
                Box::pin(self.default_policy_id()).await
            }
            Err(e) => Err(e.into()),
        }
    }

    // ----- authentication -------------------------------------------------------------------

    /// Resolves a bearer string to a principal: unknown, revoked and expired tokens are refused.
    pub async fn authenticate(&self, bearer: &str) -> Result<Principal> {
        Ok(self.tokens.authenticate(bearer).await?)
    }

    // ----- keys -----------------------------------------------------------------------------

    pub async fn create_key(&self, req: KeyRequest, who: &Principal) -> Result<KeyResponse> {
        let info = &req.key_information;
        if info.key_string.is_some() || info.kmip_key_id.is_some() {
            return Err(KbsError::BadRequest(
                "registering existing key material is not supported; let the KBS generate the key"
                    .into(),
            ));
        }
        if info.algorithm.is_empty() {
            return Err(KbsError::BadRequest("key algorithm is missing".into()));
        }
        if !info.algorithm.eq_ignore_ascii_case("AES") {
            return Err(KbsError::BadRequest(
                "key algorithm is not supported".into(),
            ));
        }
        let key_length = info
            .key_length
            .ok_or_else(|| KbsError::BadRequest("Key length is missing".into()))?;
        if ![128, 192, 256].contains(&key_length) {
            return Err(KbsError::BadRequest("key_length is not supported".into()));
        }
        if info.curve_type.is_some() {
            return Err(KbsError::BadRequest(
                "curve_type is only for EC keys".into(),
            ));
        }
        if let Some(u) = &req.usage {
            validate_usage(u)?;
        }
        if let Some(l) = &req.label {
            validate_text("label", l)?;
        }
        let policy_id = match req.transfer_policy_id.filter(|id| !id.is_nil()) {
            None => self.default_policy_id().await?,
            Some(id) => {
                if self
                    .store
                    .get(KIND_POLICY, &id.to_string())
                    .await?
                    .is_none()
                {
                    return Err(KbsError::BadRequest(
                        "Unknown key transfer policy requested".into(),
                    ));
                }
                id
            }
        };
        let id = match info.id.filter(|id| !id.is_nil()) {
            None => Uuid::new_v4(),
            Some(id) if id.get_version_num() == 4 => id,
            Some(_) => return Err(KbsError::BadRequest("key id must be a UUID v4".into())),
        };
        let mut material = Zeroizing::new(vec![0u8; key_length as usize / 8]);
        rand::rng().fill_bytes(&mut material);
        let record = KeyRecord {
            id,
            algorithm: "AES".into(),
            key_length,
            transfer_policy_id: policy_id,
            created_at: now(),
            label: req.label.clone(),
            usage: req.usage.clone(),
            sealed: STANDARD.encode(self.master.seal(id.as_bytes(), &material)?),
        };
        match self
            .store
            .insert(KIND_KEY, &id.to_string(), &to_json(&record)?)
            .await
        {
            Ok(()) => {}
            Err(StoreError::Conflict { .. }) => {
                return Err(KbsError::Conflict(
                    "Key with specified id already exists".into(),
                ));
            }
            Err(e) => return Err(e.into()),
        }
        if let Err(e) = self
            .audit("key.create", Some(id), "done", &who.actor(), None)
            .await
        {
            // No key without its audit record.
            let _ = self.store.delete(KIND_KEY, &id.to_string()).await;
            return Err(e);
        }
        Ok(self.key_response(&record))
    }

    fn key_response(&self, r: &KeyRecord) -> KeyResponse {
        KeyResponse {
            key_information: KeyInformation {
                id: Some(r.id),
                algorithm: r.algorithm.clone(),
                key_length: Some(r.key_length),
                ..Default::default()
            },
            transfer_policy_id: r.transfer_policy_id,
            transfer_link: format!("{}keys/{}/transfer", self.endpoint, r.id),
            created_at: r.created_at,
            label: r.label.clone(),
            usage: r.usage.clone(),
        }
    }

    async fn key_record(&self, id: Uuid) -> Result<KeyRecord> {
        let bytes = self
            .store
            .get(KIND_KEY, &id.to_string())
            .await?
            .ok_or_else(|| KbsError::NotFound("Key with specified id does not exist".into()))?;
        from_json("key", &bytes)
    }

    pub async fn get_key(&self, id: Uuid) -> Result<KeyResponse> {
        Ok(self.key_response(&self.key_record(id).await?))
    }

    pub async fn search_keys(&self, f: &KeyFilter) -> Result<Vec<KeyResponse>> {
        let mut out = Vec::new();
        for (_, bytes) in self.store.list(KIND_KEY).await? {
            let r: KeyRecord = from_json("key", &bytes)?;
            let keep = f
                .algorithm
                .as_ref()
                .is_none_or(|a| a.eq_ignore_ascii_case(&r.algorithm))
                && f.key_length.is_none_or(|l| l == r.key_length)
                && f.curve_type.is_none()
                && f.transfer_policy_id
                    .is_none_or(|p| p == r.transfer_policy_id);
            if keep {
                out.push(self.key_response(&r));
            }
        }
        out.sort_by_key(|k| k.created_at);
        Ok(out)
    }

    pub async fn delete_key(&self, id: Uuid, who: &Principal) -> Result<()> {
        if !self.store.delete(KIND_KEY, &id.to_string()).await? {
            return Err(KbsError::NotFound(
                "Key with specified id does not exist".into(),
            ));
        }
        self.audit("key.delete", Some(id), "done", &who.actor(), None)
            .await
    }

    /// Envelope transfer: the key wrapped with RSA-OAEP-SHA384 (empty label) to the caller's RSA
    /// public key (PEM `PUBLIC KEY`). Every outcome is audited.
    pub async fn envelope_transfer(
        &self,
        id: Uuid,
        public_key_pem: &[u8],
        who: &Principal,
    ) -> Result<Vec<u8>> {
        let result = self.envelope_transfer_inner(id, public_key_pem).await;
        let (outcome, reason) = match &result {
            Ok(_) => ("granted", None),
            Err(e) => ("denied", Some(e.to_string())),
        };
        self.audit("key.transfer", Some(id), outcome, &who.actor(), reason)
            .await?;
        result
    }

    async fn envelope_transfer_inner(&self, id: Uuid, public_key_pem: &[u8]) -> Result<Vec<u8>> {
        let public = parse_rsa_public_pem(public_key_pem)?;
        let record = self.key_record(id).await?;
        let sealed = STANDARD
            .decode(&record.sealed)
            .map_err(|_| KbsError::Sealed)?;
        let material = self.master.open(id.as_bytes(), &sealed)?;
        public
            .oaep_encrypt::<sha2::Sha384>(&material)
            .map_err(|e| KbsError::Internal(format!("RSA-OAEP wrap failed: {e}")))
    }

    /// SAML transfer (SecL's `TransferWithSaml`, made stricter; see [`transfer`]): every
    /// release check must pass, then the key is wrapped with RSA-OAEP (SHA-256, MGF1-SHA-256,
    /// label `TPM2\0`) to the report's binding key. Granted and denied outcomes are both
    /// audited, with the failed check's code and the host's hardware UUID when known, before
    /// the answer is given.
    pub async fn saml_transfer(
        &self,
        id: Uuid,
        body: &[u8],
    ) -> std::result::Result<Vec<u8>, SamlTransferError> {
        let mut hardware_uuid = None;
        let result = self.saml_transfer_inner(id, body, &mut hardware_uuid).await;
        let actor = match hardware_uuid {
            Some(h) => format!("saml host {h}"),
            None => "saml".to_string(),
        };
        let (outcome, reason) = match &result {
            Ok(_) => ("granted", None),
            Err(SamlTransferError::Denied(d)) => ("denied", Some(d.reason())),
            Err(SamlTransferError::Unmarshal) => (
                "denied",
                Some("saml-unmarshal: not a SAML assertion".into()),
            ),
            Err(SamlTransferError::Kbs(_)) => ("denied", Some("internal: see server log".into())),
        };
        self.audit("key.transfer", Some(id), outcome, &actor, reason)
            .await?;
        result
    }

    async fn saml_transfer_inner(
        &self,
        id: Uuid,
        body: &[u8],
        hardware_uuid: &mut Option<Uuid>,
    ) -> std::result::Result<Vec<u8>, SamlTransferError> {
        use transfer::DenyCode;
        if body.is_empty() || body.len() > transfer::MAX_SAML_BYTES {
            return Err(SamlTransferError::Unmarshal);
        }
        let anchors = self.trust.anchors(|| self.load_anchors()).await?;
        let now = now();
        let digest = transfer::body_digest(body);
        let checked = match self.trust.lookup(&digest, &anchors, now) {
            Some(c) => c,
            None => {
                let c = match transfer::check_report(body, &anchors, &self.trust, now) {
                    Ok(c) => Arc::new(c),
                    Err(None) => return Err(SamlTransferError::Unmarshal),
                    Err(Some(d)) => return Err(SamlTransferError::Denied(d)),
                };
                self.trust.remember(digest, c.clone(), now);
                c
            }
        };
        *hardware_uuid = checked.hardware_uuid;
        let binding_key = checked.decide(now).map_err(SamlTransferError::Denied)?;
        let record = match self.key_record(id).await {
            Ok(r) => r,
            Err(KbsError::NotFound(_)) => {
                return Err(SamlTransferError::Denied(Denial::new(
                    DenyCode::KeyNotFound,
                    "no such key",
                )));
            }
            Err(e) => return Err(e.into()),
        };
        let policy = match self.get_policy(record.transfer_policy_id).await {
            Ok(p) => Some(p),
            Err(KbsError::NotFound(_)) => None,
            Err(e) => return Err(e.into()),
        };
        checked
            .check_key(now, policy.as_ref(), record.usage.as_deref())
            .map_err(SamlTransferError::Denied)?;
        let sealed = STANDARD
            .decode(&record.sealed)
            .map_err(|_| KbsError::Sealed)?;
        let material = self.master.open(id.as_bytes(), &sealed)?;
        let wrapped = binding_key
            .wrap(&material)
            .map_err(|e| KbsError::Internal(format!("RSA-OAEP wrap failed: {e}")))?;
        Ok(wrapped)
    }

    /// Lists the imported certificates for the trust cache: sorted ids, SAML PEMs, TPM PEMs.
    async fn load_anchors(&self) -> Result<(Vec<String>, Vec<String>, Vec<String>)> {
        let mut ids = Vec::new();
        let mut pems = [Vec::new(), Vec::new()];
        for (i, kind) in [CertKind::Saml, CertKind::TpmIdentity]
            .into_iter()
            .enumerate()
        {
            for (id, bytes) in self.store.list(cert_kind_name(kind)).await? {
                let r: CertRecord = from_json("certificate", &bytes)?;
                ids.push(format!("{i}:{id}"));
                pems[i].push(r.pem);
            }
        }
        ids.sort();
        let [saml, tpm] = pems;
        Ok((ids, saml, tpm))
    }

    /// Records a denied request that never reached the key (for example a missing permission).
    pub async fn audit_denied(
        &self,
        action: &str,
        key_id: Option<Uuid>,
        actor: &str,
        reason: &str,
    ) -> Result<()> {
        self.audit(action, key_id, "denied", actor, Some(reason.to_string()))
            .await
    }

    async fn audit(
        &self,
        action: &str,
        key_id: Option<Uuid>,
        outcome: &str,
        actor: &str,
        reason: Option<String>,
    ) -> Result<()> {
        let record = AuditRecord {
            seq: 0,
            time: now(),
            action: action.to_string(),
            key_id,
            outcome: outcome.to_string(),
            actor: actor.to_string(),
            reason,
        };
        self.audit_log.append(to_json(&record)?).await?;
        if outcome == "denied" {
            tracing::warn!(action, ?key_id, actor, reason = ?record.reason, "request denied");
        } else {
            tracing::info!(action, ?key_id, actor, outcome, "audit");
        }
        Ok(())
    }

    pub async fn read_audit(&self, f: &AuditFilter) -> Result<Vec<AuditRecord>> {
        let limit = if f.limit == 0 {
            1000
        } else {
            f.limit.min(10_000)
        };
        let mut out = Vec::new();
        // Public sequence numbers are entry * SEQ_STRIDE + index within the entry.
        let mut after_entry = (f.after / audit::SEQ_STRIDE).saturating_sub(1);
        // Filters apply after reading, so read in pages until enough matches are found.
        loop {
            let page = self.store.read_log(LOG_AUDIT, after_entry, 1000).await?;
            let Some((last, _)) = page.last() else { break };
            after_entry = *last;
            for (seq, bytes) in &page {
                for r in audit::decode_entry(*seq, bytes)? {
                    if r.seq > f.after
                        && f.key_id.is_none_or(|k| r.key_id == Some(k))
                        && f.action.as_ref().is_none_or(|a| &r.action == a)
                    {
                        out.push(r);
                        if out.len() == limit {
                            return Ok(out);
                        }
                    }
                }
            }
        }
        Ok(out)
    }

    // ----- certificates ---------------------------------------------------------------------

    pub async fn import_cert(&self, kind: CertKind, pem: &[u8]) -> Result<Certificate> {
        let text = std::str::from_utf8(pem)
            .map_err(|_| KbsError::BadRequest("Failed to decode certificate: not text".into()))?;
        let parsed = certs::parse_pem_chain(Uuid::new_v4(), pem)?;
        let record = CertRecord {
            meta: parsed.meta,
            pem: text.to_string(),
        };
        self.store
            .insert(
                cert_kind_name(kind),
                &record.meta.id.to_string(),
                &to_json(&record)?,
            )
            .await?;
        self.trust.invalidate();
        Ok(record.meta)
    }

    pub async fn list_certs(&self, kind: CertKind, f: &CertFilter) -> Result<Vec<Certificate>> {
        let mut out = Vec::new();
        for (_, bytes) in self.store.list(cert_kind_name(kind)).await? {
            let r: CertRecord = from_json("certificate", &bytes)?;
            if f.matches(&r.meta) {
                out.push(r.meta);
            }
        }
        Ok(out)
    }

    pub async fn get_cert(&self, kind: CertKind, id: Uuid) -> Result<Certificate> {
        Ok(self.cert_record(kind, id).await?.meta)
    }

    /// The PEM body of an imported certificate (the whole chain as imported).
    pub async fn cert_pem(&self, kind: CertKind, id: Uuid) -> Result<String> {
        Ok(self.cert_record(kind, id).await?.pem)
    }

    async fn cert_record(&self, kind: CertKind, id: Uuid) -> Result<CertRecord> {
        let bytes = self
            .store
            .get(cert_kind_name(kind), &id.to_string())
            .await?
            .ok_or_else(|| {
                KbsError::NotFound("Certificate with specified id does not exist".into())
            })?;
        from_json("certificate", &bytes)
    }

    pub async fn delete_cert(&self, kind: CertKind, id: Uuid) -> Result<()> {
        if self
            .store
            .delete(cert_kind_name(kind), &id.to_string())
            .await?
        {
            self.trust.invalidate();
            Ok(())
        } else {
            Err(KbsError::NotFound(
                "Certificate with specified id does not exist".into(),
            ))
        }
    }

    // ----- key transfer policies ------------------------------------------------------------

    fn validate_policy(req: &KeyTransferPolicyRequest) -> Result<TpmPolicy> {
        match req.attestation_type.as_slice() {
            [AttestationType::Tpm] => {}
            [] => {
                return Err(KbsError::BadRequest(
                    "attestation_type must name exactly one type".into(),
                ));
            }
            [AttestationType::Tpm, ..] | [_, _, ..] => {
                return Err(KbsError::BadRequest(
                    "attestation_type must name exactly one type".into(),
                ));
            }
            [other] => {
                return Err(KbsError::BadRequest(format!(
                    "attestation type {other:?} is not supported by this KBS; use TPM"
                )));
            }
        }
        if req.sgx.is_some() || req.tdx.is_some() {
            return Err(KbsError::BadRequest(
                "sgx and tdx policies are not supported by this KBS".into(),
            ));
        }
        let tpm = req.tpm.clone().unwrap_or_default();
        if !(1..=604_800).contains(&tpm.max_report_age_seconds) {
            return Err(KbsError::BadRequest(
                "tpm.max_report_age_seconds must be between 1 and 604800".into(),
            ));
        }
        Ok(tpm)
    }

    pub async fn create_policy(&self, req: &KeyTransferPolicyRequest) -> Result<KeyTransferPolicy> {
        let tpm = Self::validate_policy(req)?;
        // Make sure the default exists first, so a fresh KBS's first policy is never mistaken
        // for it.
        self.default_policy_id().await?;
        let policy = new_policy(tpm, false);
        self.store
            .insert(KIND_POLICY, &policy.id.to_string(), &to_json(&policy)?)
            .await?;
        Ok(policy)
    }

    pub async fn get_policy(&self, id: Uuid) -> Result<KeyTransferPolicy> {
        let bytes = self
            .store
            .get(KIND_POLICY, &id.to_string())
            .await?
            .ok_or_else(|| {
                KbsError::NotFound("Key transfer policy with specified id does not exist".into())
            })?;
        from_json("policy", &bytes)
    }

    pub async fn list_policies(&self) -> Result<Vec<KeyTransferPolicy>> {
        self.default_policy_id().await?;
        let mut out = Vec::new();
        for (_, bytes) in self.store.list(KIND_POLICY).await? {
            out.push(from_json::<KeyTransferPolicy>("policy", &bytes)?);
        }
        out.sort_by_key(|p| p.created_at);
        Ok(out)
    }

    pub async fn update_policy(
        &self,
        id: Uuid,
        req: &KeyTransferPolicyRequest,
    ) -> Result<KeyTransferPolicy> {
        let tpm = Self::validate_policy(req)?;
        let mut policy = self.get_policy(id).await?;
        policy.tpm = Some(tpm);
        policy.updated_at = now();
        self.store
            .put(KIND_POLICY, &id.to_string(), &to_json(&policy)?)
            .await?;
        Ok(policy)
    }

    pub async fn delete_policy(&self, id: Uuid) -> Result<()> {
        let policy = self.get_policy(id).await?;
        if policy.default {
            return Err(KbsError::Conflict(
                "the default key transfer policy cannot be deleted".into(),
            ));
        }
        let in_use = self
            .search_keys(&KeyFilter {
                transfer_policy_id: Some(id),
                ..Default::default()
            })
            .await?;
        if let Some(k) = in_use.first() {
            return Err(KbsError::Conflict(format!(
                "key transfer policy is used by {} key(s), e.g. {}; delete or re-key them first",
                in_use.len(),
                k.key_information.id.unwrap_or_default()
            )));
        }
        self.store.delete(KIND_POLICY, &id.to_string()).await?;
        Ok(())
    }

    // ----- tokens ---------------------------------------------------------------------------

    pub async fn create_token(&self, req: &TokenRequest) -> Result<TokenResponse> {
        Ok(self.tokens.create(req).await?)
    }

    pub async fn list_tokens(&self) -> Result<Vec<TokenResponse>> {
        Ok(self.tokens.list().await?)
    }

    pub async fn revoke_token(&self, id: Uuid) -> Result<()> {
        Ok(self.tokens.revoke(id).await?)
    }

    /// The token machinery itself (namespace `kbs`).
    pub fn tokens(&self) -> &TokenStore {
        &self.tokens
    }
}

/// Parses a PEM `PUBLIC KEY` (SPKI) holding an RSA key of at least 2048 bits.
pub fn parse_rsa_public_pem(pem: &[u8]) -> Result<rsa::PublicKey> {
    let bad = || KbsError::BadRequest("Failed to decode public key".into());
    let mut rd: &[u8] = pem;
    let der = match rustls_pki_types::pem::from_buf(&mut rd) {
        Ok(Some((SectionKind::PublicKey, der))) => der,
        _ => return Err(bad()),
    };
    let key = rsa::PublicKey::from_public_key_der(&der).map_err(|_| bad())?;
    if key.size() < 256 {
        return Err(KbsError::BadRequest(
            "Failed to decode public key: RSA keys must have at least 2048 bits".into(),
        ));
    }
    Ok(key)
}
