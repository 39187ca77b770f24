//! The HVS itself: PrivacyCA RPCs, hosts, flavors and reports over a `secl_store::Store`.
//! Routes parse and authorize; everything that decides lives here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::Arc;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use rand::Rng;
use secl_attest::privacy_ca::{
    PrivacyCa, certificate_public_key, make_credential, verify_binding_certificate, verify_chain,
};
use secl_attest::tpm2::Public;
use secl_attest::verify::{asset_tag_nonce, check_aik_attributes, verify_quote};
use secl_auth::{Principal, TokenStore};
use secl_store::{Store, StoreError};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use uuid::Uuid;

use crate::agent::{Agent, HostInfo, normalize_connection_string};
use crate::error::{HvsError, Result, bad, internal};
use crate::flavor::{
    self, Evaluation, Flavor, FlavorPart, GroupFlavors, PartRules as _, PcrExpectation,
};
use crate::keys::{self, SamlSigner, SealKey};

mod endorsements;
mod groups;
mod identity;
mod tags;
pub use endorsements::{
    ENDORSEMENT_NOT_FOUND, EndorsementFilter, EndorsementInput, EndorsementRecord,
    certificate_digest,
};
pub use groups::{
    FlavorGroup, FlavorGroupCreate, FlavorGroupFilter, FlavorLink, GROUP_EXISTS, GROUP_NOT_FOUND,
    HOST_LINK_EXISTS, HOST_LINK_NO_GROUP, HOST_LINK_NOT_FOUND, HostGroupLink,
};
pub use tags::{TAG_CERT_NOT_FOUND, TagCertCreate, TagCertFilter, TagCertRecord};

const KIND_CHALLENGE: &str = "hvs-aik-challenge";
const KIND_HOST: &str = "hvs-host";
const KIND_HOST_HWID: &str = "hvs-host-hardware-uuid";
const KIND_FLAVOR: &str = "hvs-flavor";
const KIND_REPORT: &str = "hvs-report";
/// The store namespace of HVS tokens: kinds `hvs.token` and `hvs.meta`.
const TOKEN_NAMESPACE: &str = "hvs";
/// How long a credential challenge may wait for its activation.
const CHALLENGE_TTL: time::Duration = time::Duration::minutes(5);
/// Most challenges of one protocol that may wait at once: beyond, new ones are refused until
/// some expire, so a client cannot fill the store.
const MAX_PENDING_CHALLENGES: usize = 1024;
/// Host state when the agent answered the last call.
pub const STATE_CONNECTED: &str = "CONNECTED";
/// Host state when it did not.
pub const STATE_CONNECTION_FAILURE: &str = "CONNECTION_FAILURE";

pub const EK_NOT_TRUSTED: &str = "EK certificate is not issued by a trusted EK CA";
pub const HOST_NOT_FOUND: &str = "Host for given criteria does not exist";
pub const HOST_BY_ID_NOT_FOUND: &str = "Host with given id does not exist";
pub const HOST_NOT_CONNECTED: &str = "Host is not in CONNECTED state";

fn now_str() -> String {
    OffsetDateTime::now_utc()
        .format(&Rfc3339)
        .unwrap_or_default()
}

fn b64(field: &str, v: &str) -> Result<Vec<u8>> {
    if v.trim().is_empty() {
        return Err(bad(format!("{field} is required")));
    }
    B64.decode(v.trim())
        .map_err(|_| bad(format!("{field} is not valid base64")))
}

fn json<T: Serialize>(v: &T) -> Result<Vec<u8>> {
    serde_json::to_vec(v).map_err(internal)
}

fn from_json<T: for<'de> Deserialize<'de>>(kind: &str, b: &[u8]) -> Result<T> {
    serde_json::from_slice(b).map_err(|e| internal(format!("corrupt {kind} record: {e}")))
}

/// `POST rpc/aik-challenge` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AikChallengeRequest {
    pub ek_certificate: String,
    pub aik_public: String,
}

/// `POST rpc/aik-challenge` answer.
#[derive(Debug, Serialize)]
pub struct AikChallenge {
    pub challenge_id: Uuid,
    pub credential_blob: String,
    pub encrypted_secret: String,
}

/// A credential challenge waiting for activation; the secret is kept only as its SHA-256.
#[derive(Debug, Serialize, Deserialize)]
struct PendingChallenge {
    secret_sha256: String,
    aik_public: String,
    ek_certificate: String,
    expires_unix: i64,
}

/// `POST rpc/aik-activate` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AikActivateRequest {
    pub challenge_id: String,
    pub secret: String,
}

/// SecL's RegisterKeyInfo.
#[derive(Debug, Deserialize)]
pub struct RegisterKeyInfo {
    #[serde(default)]
    pub public_key_modulus: String,
    #[serde(default)]
    pub tpm_certify_key: String,
    #[serde(default)]
    pub tpm_certify_key_signature: String,
    #[serde(default)]
    pub aik_der_certificate: String,
    #[serde(default)]
    pub tpm_version: String,
    #[serde(default)]
    pub operating_system: String,
}

/// `POST /hosts` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HostCreate {
    pub connection_string: String,
    pub ta_ca_pem: String,
    pub ta_token: String,
    #[serde(default)]
    pub description: Option<String>,
    /// SecL's field: the flavor groups whose policies the host is verified against (default
    /// `automatic`); unknown names become new groups with the default policies, as in SecL.
    #[serde(default)]
    pub flavorgroup_names: Option<Vec<String>>,
}

/// A registered host as stored; `ta_token_sealed` never leaves the server.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct HostRecord {
    pub id: Uuid,
    pub hardware_uuid: String,
    pub host_name: String,
    #[serde(default)]
    pub description: Option<String>,
    pub connection_string: String,
    pub state: String,
    #[serde(default)]
    pub state_reason: Option<String>,
    pub host_info: HostInfo,
    /// AIK certificate, base64 DER.
    pub aik_der: String,
    /// Binding-key certificate, base64 DER.
    pub binding_der: String,
    pub ta_ca_pem: String,
    pub ta_token_sealed: String,
    pub created: String,
    pub updated: String,
    /// The host's flavor groups; `None` for hosts stored before groups existed (`automatic`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flavorgroup_ids: Option<Vec<Uuid>>,
}

impl HostRecord {
    /// What clients see: everything but the sealed token, with the names of its groups.
    pub fn public(&self, flavorgroup_names: Vec<String>) -> serde_json::Value {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        if let Some(o) = v.as_object_mut() {
            o.remove("ta_token_sealed");
            o.remove("flavorgroup_ids");
            o.insert("flavorgroup_names".into(), flavorgroup_names.into());
        }
        v
    }
}

/// `POST /reports` criteria.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReportCriteria {
    #[serde(default)]
    pub host_id: Option<String>,
    #[serde(default)]
    pub hardware_uuid: Option<String>,
    #[serde(default)]
    pub host_name: Option<String>,
}

/// A stored report.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    pub id: Uuid,
    pub host_id: Uuid,
    pub hardware_uuid: String,
    pub host_name: String,
    pub trust_report: Evaluation,
    pub created: String,
    pub expiration: String,
    pub saml: String,
}

/// The service.
pub struct Hvs {
    store: Arc<dyn Store>,
    tokens: TokenStore,
    ca: PrivacyCa,
    /// Signs asset-tag certificates (SecL's Tag CA).
    tag_ca: PrivacyCa,
    saml: SamlSigner,
    seal: SealKey,
    ek_cas: Vec<Vec<u8>>,
    /// `--require-ek-registration`: a chain to an EK CA alone does not admit an EK.
    require_ek_registration: bool,
    saml_validity: time::Duration,
    saml_issuer: String,
}

impl std::fmt::Debug for Hvs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hvs")
            .field("store", &self.store.describe())
            .finish_non_exhaustive()
    }
}

/// Every CERTIFICATE in the given PEM files, DER.
pub fn load_ek_cas(files: &[std::path::PathBuf]) -> Result<Vec<Vec<u8>>> {
    let mut out = Vec::new();
    for f in files {
        let pem = std::fs::read(f).map_err(|e| {
            HvsError::Config(format!("cannot read EK CA file {}: {e}", f.display()))
        })?;
        let certs = secl_saml::certs_from_pem(&pem)
            .map_err(|e| HvsError::Config(format!("EK CA file {}: {e}", f.display())))?;
        if certs.is_empty() {
            return Err(HvsError::Config(format!(
                "EK CA file {} holds no certificate",
                f.display()
            )));
        }
        out.extend(certs);
    }
    Ok(out)
}

impl Hvs {
    /// Opens (creating on first start) the key material in `data_dir` over `store`.
    pub fn open(
        store: Arc<dyn Store>,
        data_dir: &Path,
        ek_cas: Vec<Vec<u8>>,
        saml_validity_seconds: u64,
        saml_issuer: String,
    ) -> Result<Self> {
        Ok(Self {
            tokens: TokenStore::new(store.clone(), TOKEN_NAMESPACE, "reports:create:*"),
            store,
            ca: keys::privacy_ca(data_dir)?,
            tag_ca: keys::tag_ca(data_dir)?,
            saml: keys::saml_signer(data_dir)?,
            seal: SealKey::load_or_create(data_dir)?,
            ek_cas,
            require_ek_registration: false,
            saml_validity: time::Duration::seconds(
                i64::try_from(saml_validity_seconds).unwrap_or(86_400),
            ),
            saml_issuer,
        })
    }

    /// Makes EK registration mandatory (`--require-ek-registration`).
    pub fn require_ek_registration(mut self, required: bool) -> Self {
        self.require_ek_registration = required;
        self
    }

    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    pub fn privacy_ca_der(&self) -> &[u8] {
        self.ca.certificate_der()
    }

    pub fn tag_ca_der(&self) -> &[u8] {
        self.tag_ca.certificate_der()
    }

    pub fn saml_cert_der(&self) -> &[u8] {
        &self.saml.cert_der
    }

    pub fn ek_cas(&self) -> &[Vec<u8>] {
        &self.ek_cas
    }

    // ----- tokens ------------------------------------------------------------------------

    /// The bearer tokens (namespace `hvs`).
    pub fn tokens(&self) -> &TokenStore {
        &self.tokens
    }

    /// First start: writes a new admin token (`*:*:*`) to `file` (0600). Later starts, and other
    /// instances sharing the store, do nothing. Returns true when a token was written.
    pub async fn bootstrap_admin(&self, file: &Path) -> Result<bool> {
        Ok(self.tokens.bootstrap_admin(file).await?)
    }

    /// A new admin token written to `file` (0600): the recovery path when the file is lost.
    pub async fn write_admin_token(&self, file: &Path) -> Result<Uuid> {
        Ok(self.tokens.write_admin_token(file).await?)
    }

    /// Resolves a bearer string to a principal: unknown, revoked and expired tokens are refused.
    pub async fn authenticate(&self, bearer: &str) -> Result<Principal> {
        Ok(self.tokens.authenticate(bearer).await?)
    }

    // ----- PrivacyCA -----------------------------------------------------------------------

    /// The chain half of [`Hvs::check_ek_certificate`]: the EK certificate must chain, leaf →
    /// intermediates → a self-signed root, to the configured EK CAs, every link valid now.
    fn check_ek_chain(&self, ek_der: &[u8]) -> Result<()> {
        let untrusted = |why: String| bad(format!("{EK_NOT_TRUSTED}: {why}"));
        if self.ek_cas.is_empty() {
            return Err(untrusted("no EK CA is configured (--ek-ca)".into()));
        }
        let mut current = ek_der.to_vec();
        for _ in 0..4 {
            verify_chain(&current, &self.ek_cas).map_err(|e| untrusted(e.to_string()))?;
            let issuer_raw = issuer_of(&current).map_err(untrusted)?;
            let Some(issuer) = self.ek_cas.iter().find(|c| {
                subject_of(c).is_ok_and(|s| s == issuer_raw)
                    && verify_chain(&current, &[(*c).clone()]).is_ok()
            }) else {
                return Err(untrusted("issuer not found".into()));
            };
            if subject_of(issuer).map_err(untrusted)? == issuer_of(issuer).map_err(untrusted)? {
                // Self-signed: check the root's own signature and validity too.
                verify_chain(issuer, std::slice::from_ref(issuer))
                    .map_err(|e| untrusted(format!("root: {e}")))?;
                return Ok(());
            }
            current = issuer.clone();
        }
        Err(untrusted("chain longer than 4 certificates".into()))
    }

    pub async fn aik_challenge(&self, req: AikChallengeRequest) -> Result<AikChallenge> {
        let ek_der = b64("ek_certificate", &req.ek_certificate)?;
        let aik_tpm2b = b64("aik_public", &req.aik_public)?;
        self.check_ek_certificate(&ek_der).await?;
        let aik =
            Public::parse_tpm2b(&aik_tpm2b).map_err(|e| bad(format!("Invalid aik_public: {e}")))?;
        check_aik_attributes(&aik).map_err(|e| bad(format!("Invalid aik_public: {e}")))?;
        let name = aik
            .name()
            .map_err(|e| bad(format!("Invalid aik_public: {e}")))?;
        let ek_key = certificate_public_key(&ek_der)
            .map_err(|e| bad(format!("Invalid ek_certificate: {e}")))?;
        let mut secret = zeroize::Zeroizing::new([0u8; 32]);
        rand::rng().fill_bytes(secret.as_mut());
        let (blob, enc_secret) = make_credential(&ek_key, &name, secret.as_ref())
            .map_err(|e| bad(format!("Cannot make a credential for this EK and AIK: {e}")))?;
        self.make_room(KIND_CHALLENGE).await?;
        let id = Uuid::new_v4();
        let pending = PendingChallenge {
            secret_sha256: hex::encode(Sha256::digest(secret.as_ref())),
            aik_public: B64.encode(&aik_tpm2b),
            ek_certificate: B64.encode(&ek_der),
            expires_unix: (OffsetDateTime::now_utc() + CHALLENGE_TTL).unix_timestamp(),
        };
        self.store
            .insert(KIND_CHALLENGE, &id.to_string(), &json(&pending)?)
            .await?;
        Ok(AikChallenge {
            challenge_id: id,
            credential_blob: B64.encode(blob),
            encrypted_secret: B64.encode(enc_secret),
        })
    }

    /// Drops expired challenges of `kind` (failures only delay the clean-up), then refuses
    /// when [`MAX_PENDING_CHALLENGES`] are still waiting.
    async fn make_room(&self, kind: &str) -> Result<()> {
        /// The one field every pending-challenge record has.
        #[derive(Deserialize)]
        struct Expiry {
            expires_unix: i64,
        }
        let now = OffsetDateTime::now_utc().unix_timestamp();
        let mut waiting = 0usize;
        if let Ok(all) = self.store.list(kind).await {
            for (id, v) in all {
                let expired = serde_json::from_slice::<Expiry>(&v)
                    .map(|p| p.expires_unix < now)
                    .unwrap_or(true);
                if expired {
                    let _ = self.store.delete(kind, &id).await;
                } else {
                    waiting += 1;
                }
            }
        }
        if waiting >= MAX_PENDING_CHALLENGES {
            return Err(HvsError::TooMany(format!(
                "{waiting} AIK challenges are pending: try again when they have expired"
            )));
        }
        Ok(())
    }

    /// Single use: the challenge is claimed (deleted) before the secret is compared.
    pub async fn aik_activate(&self, req: AikActivateRequest) -> Result<Vec<u8>> {
        let unknown = || bad("Unknown or already used AIK challenge");
        let id = Uuid::try_parse(req.challenge_id.trim()).map_err(|_| unknown())?;
        let secret = b64("secret", &req.secret)?;
        let Some(raw) = self.store.get(KIND_CHALLENGE, &id.to_string()).await? else {
            return Err(unknown());
        };
        if !self.store.delete(KIND_CHALLENGE, &id.to_string()).await? {
            return Err(unknown());
        }
        let pending: PendingChallenge = from_json(KIND_CHALLENGE, &raw)?;
        if pending.expires_unix < OffsetDateTime::now_utc().unix_timestamp() {
            return Err(bad("AIK challenge expired: start again"));
        }
        let got = hex::encode(Sha256::digest(&secret));
        if !keys::ct_eq(got.as_bytes(), pending.secret_sha256.as_bytes()) {
            return Err(bad(
                "AIK activation failed: the secret does not match the challenge",
            ));
        }
        let aik = Public::parse_tpm2b(&B64.decode(&pending.aik_public).map_err(internal)?)
            .map_err(internal)?;
        let key = aik.rsa_public_key().map_err(internal)?;
        let name = aik.name().map_err(internal)?;
        self.ca.issue_aik_certificate(&key, &name).map_err(internal)
    }

    pub fn certify_binding_key(&self, req: RegisterKeyInfo) -> Result<Vec<u8>> {
        let public = b64("public_key_modulus", &req.public_key_modulus)?;
        let attest = b64("tpm_certify_key", &req.tpm_certify_key)?;
        let sig = b64("tpm_certify_key_signature", &req.tpm_certify_key_signature)?;
        let aik = b64("aik_der_certificate", &req.aik_der_certificate)?;
        if req.tpm_version.trim().is_empty() {
            return Err(bad("tpm_version is required"));
        }
        if !req.operating_system.trim().eq_ignore_ascii_case("linux") {
            return Err(bad(
                "operating_system must be linux (the only one supported)",
            ));
        }
        // public_key_modulus is a TPM2B_PUBLIC; the PrivacyCA takes the TPMT_PUBLIC inside.
        let tpmt = match public.get(..2) {
            Some(n) if usize::from(u16::from_be_bytes([n[0], n[1]])) == public.len() - 2 => {
                &public[2..]
            }
            _ => &public[..],
        };
        self.ca
            .certify_binding_key(&aik, tpmt, &attest, &sig)
            .map_err(|e| bad(format!("Binding key certification refused: {e}")))
    }

    // ----- hosts ---------------------------------------------------------------------------

    fn agent_for(&self, host: &HostRecord) -> Result<Agent> {
        let sealed = B64.decode(&host.ta_token_sealed).map_err(internal)?;
        let token = self.seal.open(host.id.as_bytes(), &sealed)?;
        let token = std::str::from_utf8(&token).map_err(internal)?;
        Agent::new(&host.connection_string, &host.ta_ca_pem, token).map_err(internal)
    }

    /// Checks an AIK certificate an agent presented: ours and valid now.
    fn check_aik(&self, aik_der: &[u8]) -> Result<()> {
        verify_chain(aik_der, &[self.ca.certificate_der().to_vec()])
            .map_err(|e| bad(format!("The host's AIK certificate is not trusted: {e}")))
    }

    pub async fn create_host(&self, req: HostCreate) -> Result<HostRecord> {
        let base = normalize_connection_string(&req.connection_string).map_err(|e| bad(e.0))?;
        if req.ta_token.trim().is_empty() {
            return Err(bad("ta_token is required"));
        }
        if let Some(d) = &req.description
            && d.len() > 1024
        {
            return Err(bad("description is longer than 1024 bytes"));
        }
        let group_names = host_group_names(req.flavorgroup_names.as_deref())?;
        let agent = Agent::new(&base, &req.ta_ca_pem, req.ta_token.trim()).map_err(|e| bad(e.0))?;
        let unreachable = |e: crate::agent::AgentError| bad(format!("Cannot register host: {e}"));
        let info = agent.host_info().await.map_err(unreachable)?;
        let hardware_uuid = Uuid::try_parse(info.hardware_uuid.trim())
            .map_err(|_| bad("Cannot register host: the agent's hardware_uuid is not a UUID"))?
            .to_string();
        let aik_der = agent.aik().await.map_err(unreachable)?;
        self.check_aik(&aik_der)?;
        let binding_der = agent.binding_key_certificate().await.map_err(unreachable)?;
        verify_binding_certificate(
            &binding_der,
            &aik_der,
            &[self.ca.certificate_der().to_vec()],
        )
        .map_err(|e| {
            bad(format!(
                "The host's binding key certificate is not trusted: {e}"
            ))
        })?;

        let groups = self.groups_for_names(&group_names).await?;
        let id = Uuid::new_v4();
        let now = now_str();
        let host = HostRecord {
            id,
            hardware_uuid: hardware_uuid.clone(),
            host_name: info.host_name.clone(),
            description: req.description,
            connection_string: base,
            state: STATE_CONNECTED.into(),
            state_reason: None,
            host_info: info,
            aik_der: B64.encode(&aik_der),
            binding_der: B64.encode(&binding_der),
            ta_ca_pem: req.ta_ca_pem,
            ta_token_sealed: B64.encode(
                self.seal
                    .seal(id.as_bytes(), req.ta_token.trim().as_bytes())?,
            ),
            created: now.clone(),
            updated: now,
            flavorgroup_ids: Some(groups.iter().map(|g| g.id).collect()),
        };
        // The hardware-UUID index is the uniqueness check, atomic in every backend.
        match self
            .store
            .insert(KIND_HOST_HWID, &hardware_uuid, id.to_string().as_bytes())
            .await
        {
            Err(StoreError::Conflict { .. }) => {
                return Err(HvsError::Conflict(format!(
                    "A host with hardware_uuid {hardware_uuid} is already registered"
                )));
            }
            other => other?,
        }
        if let Err(e) = self
            .store
            .insert(KIND_HOST, &id.to_string(), &json(&host)?)
            .await
        {
            let _ = self.store.delete(KIND_HOST_HWID, &hardware_uuid).await;
            return Err(e.into());
        }
        Ok(host)
    }

    pub async fn hosts(&self) -> Result<Vec<HostRecord>> {
        self.store
            .list(KIND_HOST)
            .await?
            .iter()
            .map(|(_, v)| from_json(KIND_HOST, v))
            .collect()
    }

    /// Hosts as clients see them (see [`HostRecord::public`]).
    pub async fn host_views(&self, hosts: &[HostRecord]) -> Result<Vec<serde_json::Value>> {
        let names: BTreeMap<Uuid, String> = self
            .flavorgroups(&FlavorGroupFilter::default())
            .await?
            .into_iter()
            .map(|g| (g.id, g.name))
            .collect();
        let automatic = self
            .flavorgroup_by_name(flavor::GROUP_AUTOMATIC)
            .await?
            .map(|g| g.id);
        Ok(hosts
            .iter()
            .map(|h| {
                let groups = groups::host_group_ids(h, automatic)
                    .iter()
                    .filter_map(|id| names.get(id).cloned())
                    .collect();
                h.public(groups)
            })
            .collect())
    }

    pub async fn host(&self, id: Uuid) -> Result<Option<HostRecord>> {
        match self.store.get(KIND_HOST, &id.to_string()).await? {
            Some(v) => Ok(Some(from_json(KIND_HOST, &v)?)),
            None => Ok(None),
        }
    }

    pub async fn delete_host(&self, id: Uuid) -> Result<bool> {
        let Some(host) = self.host(id).await? else {
            return Ok(false);
        };
        let deleted = self.store.delete(KIND_HOST, &id.to_string()).await?;
        self.store
            .delete(KIND_HOST_HWID, &host.hardware_uuid)
            .await?;
        Ok(deleted)
    }

    /// A fresh, fully verified quote of `pcrs`; marks the host's state by whether the agent
    /// answered.
    async fn fresh_quote(&self, host: &mut HostRecord, pcrs: &[u8]) -> Result<Quoted> {
        let agent = self.agent_for(host)?;
        let mut nonce = [0u8; 32];
        rand::rng().fill_bytes(&mut nonce);
        let quote = match agent.quote(&nonce, pcrs).await {
            Ok(q) => q,
            Err(e) => {
                tracing::warn!(host = %host.id, "trust agent unreachable: {e}");
                self.set_state(host, STATE_CONNECTION_FAILURE, Some(e.0.clone()))
                    .await?;
                return Err(bad(format!("{HOST_NOT_CONNECTED}: {e}")));
            }
        };
        if host.state != STATE_CONNECTED {
            self.set_state(host, STATE_CONNECTED, None).await?;
        }
        let aik_der = B64.decode(&host.aik_der).map_err(internal)?;
        self.check_aik(&aik_der)?;
        let aik = certificate_public_key(&aik_der).map_err(internal)?;
        let returned: BTreeSet<u8> = quote.pcrs.iter().map(|(i, _)| *i).collect();
        if returned.iter().copied().collect::<Vec<_>>() != pcrs
            || returned.len() != quote.pcrs.len()
        {
            return Err(bad("The host's quote does not cover the PCRs asked for"));
        }
        // A host with an asset tag quotes over SHA-256(nonce ‖ tag): the tag is bound.
        let qualifying = match &quote.asset_tag {
            Some(tag) => asset_tag_nonce(&nonce, tag),
            None => nonce.to_vec(),
        };
        verify_quote(
            &aik,
            &quote.attest,
            &quote.signature,
            &qualifying,
            &quote.pcrs,
        )
        .map_err(|e| bad(format!("The host's quote does not verify: {e}")))?;
        Ok(Quoted {
            pcrs: quote.pcrs.into_iter().collect(),
            asset_tag: quote.asset_tag,
        })
    }

    async fn set_state(
        &self,
        host: &mut HostRecord,
        state: &str,
        reason: Option<String>,
    ) -> Result<()> {
        host.state = state.into();
        host.state_reason = reason;
        self.put_host(host).await
    }

    /// Stores a changed host record, stamping `updated`.
    async fn put_host(&self, host: &mut HostRecord) -> Result<()> {
        host.updated = now_str();
        self.store
            .put(KIND_HOST, &host.id.to_string(), &json(host)?)
            .await?;
        Ok(())
    }

    // ----- flavors -------------------------------------------------------------------------

    /// Flavors of `parts` from a fresh verified quote of the host.
    /// PLATFORM and OS flavors join the groups named (default `automatic`, missing ones are
    /// created with the default policies as in SecL), HOST_UNIQUE flavors `host_unique`.
    pub async fn flavors_from_host(
        &self,
        host_id: Uuid,
        parts: &[FlavorPart],
        group_names: Vec<String>,
    ) -> Result<Vec<Flavor>> {
        if parts.is_empty() {
            return Err(bad("flavor_parts must name at least one part"));
        }
        if parts.contains(&FlavorPart::AssetTag) {
            return Err(bad(
                "ASSET_TAG flavors are made by deploying a tag certificate \
                 (rpc/deploy-tag-certificate)",
            ));
        }
        let parts: BTreeSet<FlavorPart> = parts.iter().copied().collect();
        let shared = flavor::groups_for_part(FlavorPart::Platform, group_names)?;
        let Some(mut host) = self.host(host_id).await? else {
            return Err(bad(HOST_NOT_FOUND));
        };
        let pcrs: Vec<u8> = parts
            .iter()
            .flat_map(|p| p.pcrs())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let values = self.fresh_quote(&mut host, &pcrs).await?.pcrs;
        let now = now_str();
        let mut out = Vec::new();
        for part in parts {
            let names = if part == FlavorPart::HostUnique {
                vec![flavor::GROUP_HOST_UNIQUE.to_string()]
            } else {
                shared.clone()
            };
            let f = Flavor {
                id: Uuid::new_v4(),
                label: format!("{}_{}_{}", host.host_name, part.name(), now),
                flavor_part: part,
                flavor_group: names[0].clone(),
                hardware_uuid: (part == FlavorPart::HostUnique).then(|| host.hardware_uuid.clone()),
                pcr_bank: "SHA256".into(),
                pcrs: part
                    .pcrs()
                    .filter_map(|i| {
                        values.get(&i).map(|v| PcrExpectation {
                            index: i,
                            value: hex::encode(v),
                        })
                    })
                    .collect(),
                created: now.clone(),
                asset_tag: None,
            };
            self.store_flavor(&f, &names).await?;
            out.push(f);
        }
        Ok(out)
    }

    pub async fn import_flavor(&self, f: flavor::FlavorImport) -> Result<Flavor> {
        let (f, names) = f.into_flavor(&now_str())?;
        self.store_flavor(&f, &names).await?;
        Ok(f)
    }

    /// Stores a new flavor and links it to the groups called `names` (created when missing).
    async fn store_flavor(&self, f: &Flavor, names: &[String]) -> Result<()> {
        let groups = self.groups_for_names(names).await?;
        self.store
            .insert(KIND_FLAVOR, &f.id.to_string(), &json(f)?)
            .await?;
        for g in groups {
            self.insert_link(g.id, f.id).await?;
        }
        Ok(())
    }

    /// Flavors as clients see them: with `flavorgroup_names`, the groups they are linked to.
    pub async fn flavor_views(&self, flavors: &[Flavor]) -> Result<Vec<serde_json::Value>> {
        let names: BTreeMap<Uuid, String> = self
            .flavorgroups(&FlavorGroupFilter::default())
            .await?
            .into_iter()
            .map(|g| (g.id, g.name))
            .collect();
        let mut of_flavor: BTreeMap<Uuid, Vec<String>> = BTreeMap::new();
        for l in self.links().await? {
            if let Some(n) = names.get(&l.flavorgroup_id) {
                of_flavor.entry(l.flavor_id).or_default().push(n.clone());
            }
        }
        flavors
            .iter()
            .map(|f| {
                let mut v = serde_json::to_value(f).map_err(internal)?;
                let mut groups = of_flavor.remove(&f.id).unwrap_or_default();
                groups.sort();
                if let Some(o) = v.as_object_mut() {
                    o.insert("flavorgroup_names".into(), groups.into());
                }
                Ok(v)
            })
            .collect()
    }

    pub async fn flavors(&self) -> Result<Vec<Flavor>> {
        self.store
            .list(KIND_FLAVOR)
            .await?
            .iter()
            .map(|(_, v)| from_json(KIND_FLAVOR, v))
            .collect()
    }

    pub async fn flavor(&self, id: Uuid) -> Result<Option<Flavor>> {
        match self.store.get(KIND_FLAVOR, &id.to_string()).await? {
            Some(v) => Ok(Some(from_json(KIND_FLAVOR, &v)?)),
            None => Ok(None),
        }
    }

    /// One stored report.
    pub async fn report(&self, id: Uuid) -> Result<Option<Report>> {
        match self.store.get(KIND_REPORT, &id.to_string()).await? {
            Some(v) => Ok(Some(from_json(KIND_REPORT, &v)?)),
            None => Ok(None),
        }
    }

    pub async fn delete_flavor(&self, id: Uuid) -> Result<bool> {
        let deleted = self.store.delete(KIND_FLAVOR, &id.to_string()).await?;
        self.unlink_flavor_everywhere(id).await?;
        Ok(deleted)
    }

    // ----- reports -------------------------------------------------------------------------

    async fn find_host(&self, c: &ReportCriteria) -> Result<HostRecord> {
        let nonempty = |o: &Option<String>| {
            o.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
        };
        let (id, hw, name) = (
            nonempty(&c.host_id),
            nonempty(&c.hardware_uuid),
            nonempty(&c.host_name),
        );
        if id.is_none() && hw.is_none() && name.is_none() {
            return Err(bad(
                "At least one of host_id, hardware_uuid and host_name is required",
            ));
        }
        let id = id
            .map(|s| Uuid::try_parse(&s).map_err(|_| bad("host_id must be a UUID")))
            .transpose()?;
        self.hosts()
            .await?
            .into_iter()
            .find(|h| {
                id.is_none_or(|i| h.id == i)
                    && hw
                        .as_deref()
                        .is_none_or(|x| h.hardware_uuid.eq_ignore_ascii_case(x))
                    && name.as_deref().is_none_or(|x| h.host_name == x)
            })
            .ok_or_else(|| bad(HOST_NOT_FOUND))
    }

    /// A fresh verification of the host, signed as SAML and stored.
    pub async fn create_report(&self, c: &ReportCriteria) -> Result<Report> {
        let mut host = self.find_host(c).await?;
        let groups = self.host_groups(&host).await?;
        let all: BTreeMap<Uuid, Flavor> = self
            .flavors()
            .await?
            .into_iter()
            .map(|f| (f.id, f))
            .collect();
        let by_group = self.flavors_by_group().await?;
        // HOST_UNIQUE and ASSET_TAG flavors apply to their own host only, under each group's
        // policy for their part; the other parts come from the group's links.
        let unique: Vec<&Flavor> = all
            .values()
            .filter(|f| {
                matches!(f.flavor_part, FlavorPart::HostUnique | FlavorPart::AssetTag)
                    && f.hardware_uuid
                        .as_deref()
                        .is_some_and(|h| h.eq_ignore_ascii_case(&host.hardware_uuid))
            })
            .collect();
        let inputs: Vec<GroupFlavors<'_>> = groups
            .iter()
            .map(|g| {
                let mut flavors: Vec<&Flavor> = by_group
                    .get(&g.id)
                    .into_iter()
                    .flatten()
                    .filter_map(|id| all.get(id))
                    .filter(|f| {
                        !matches!(f.flavor_part, FlavorPart::HostUnique | FlavorPart::AssetTag)
                    })
                    .collect();
                flavors.extend(unique.iter().copied());
                GroupFlavors {
                    name: &g.name,
                    policies: g.policies(),
                    flavors,
                }
            })
            .collect();
        let considered: Vec<&Flavor> = inputs.iter().flat_map(|g| g.flavors.clone()).collect();
        let mut pcrs = flavor::pcrs_named(&considered);
        if pcrs.is_empty() {
            // Nothing to compare; the quote still proves the host is alive and ours.
            pcrs = (0..flavor::PCR_COUNT).collect();
        }
        let quoted = self.fresh_quote(&mut host, &pcrs).await?;
        let evaluation = flavor::evaluate_groups(
            &inputs,
            flavor::Measured {
                pcrs: &quoted.pcrs,
                asset_tag: quoted.asset_tag.as_deref(),
            },
        );
        let tags = passed_asset_tags(&evaluation, &all, quoted.asset_tag.as_deref());

        let now = OffsetDateTime::now_utc();
        let now = now.replace_nanosecond(0).unwrap_or(now);
        let part_named = |name: &str| {
            evaluation
                .parts
                .get(name)
                .map(|r| r.saml_value())
                .unwrap_or("NA")
                .to_string()
        };
        let part = |p: FlavorPart| part_named(p.name());
        let i = &host.host_info;
        let attributes: Vec<(String, String)> = [
            ("TRUST_OVERALL", evaluation.overall.to_string()),
            ("TRUST_PLATFORM", part(FlavorPart::Platform)),
            ("TRUST_OS", part(FlavorPart::Os)),
            ("TRUST_HOST_UNIQUE", part(FlavorPart::HostUnique)),
            ("TRUST_SOFTWARE", part_named("SOFTWARE")),
            ("TRUST_ASSET_TAG", part_named("ASSET_TAG")),
            ("OSName", i.os_name.clone()),
            ("OSVersion", i.os_version.clone()),
            ("BiosName", i.bios_name.clone()),
            ("BiosVersion", i.bios_version.clone()),
            ("ProcessorInfo", i.processor_info.clone()),
            ("HostName", host.host_name.clone()),
            ("HardwareUUID", host.hardware_uuid.clone()),
            ("FEATURE_TPM", "true".into()),
            ("TPMVersion", "2.0".into()),
            ("AIK_Certificate", host.aik_der.clone()),
            ("Binding_Key_Certificate", host.binding_der.clone()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .chain(tags)
        .collect();
        let report =
            secl_saml::TrustReport::new(&self.saml_issuer, now, self.saml_validity, attributes);
        let saml = report
            .sign(
                secl_saml::DEFAULT_ASSERTION_ID,
                &self.saml.key,
                &self.saml.cert_der,
            )
            .map_err(internal)?;
        let r = Report {
            id: Uuid::new_v4(),
            host_id: host.id,
            hardware_uuid: host.hardware_uuid.clone(),
            host_name: host.host_name.clone(),
            trust_report: evaluation,
            created: now_str(),
            expiration: report.not_on_or_after.format(&Rfc3339).unwrap_or_default(),
            saml,
        };
        self.store
            .insert(KIND_REPORT, &r.id.to_string(), &json(&r)?)
            .await?;
        Ok(r)
    }

    /// Stored reports, newest first, filtered as SecL does: host criteria and the creation
    /// window first, then (with `latest_per_host`) each host's newest, then the report id, the
    /// `after_id` cursor and the limit.
    pub async fn reports(&self, f: &ReportFilter) -> Result<Vec<Report>> {
        let mut all: Vec<Report> = self
            .store
            .list(KIND_REPORT)
            .await?
            .iter()
            .map(|(_, v)| from_json(KIND_REPORT, v))
            .collect::<Result<_>>()?;
        let states: BTreeMap<Uuid, String> = match &f.host_status {
            Some(_) => self
                .hosts()
                .await?
                .into_iter()
                .map(|h| (h.id, h.state))
                .collect(),
            None => BTreeMap::new(),
        };
        let at = |r: &Report| OffsetDateTime::parse(&r.created, &Rfc3339).ok();
        all.retain(|r| {
            let created = at(r);
            f.host_id.is_none_or(|h| r.host_id == h)
                && f.hardware_uuid
                    .is_none_or(|h| r.hardware_uuid.eq_ignore_ascii_case(&h.to_string()))
                && f.host_name.as_deref().is_none_or(|n| r.host_name == n)
                && f.host_status.as_deref().is_none_or(|s| {
                    states
                        .get(&r.host_id)
                        .is_some_and(|st| st.eq_ignore_ascii_case(s))
                })
                && f.from.is_none_or(|from| created.is_some_and(|c| c >= from))
                && f.to.is_none_or(|to| created.is_some_and(|c| c < to))
        });
        all.sort_by_key(|r| std::cmp::Reverse(at(r)));
        if f.latest_per_host {
            let mut seen = BTreeSet::new();
            all.retain(|r| seen.insert(r.host_id));
        }
        if let Some(id) = f.id {
            all.retain(|r| r.id == id);
        }
        if let Some(after) = f.after_id {
            match all.iter().position(|r| r.id == after) {
                Some(i) => {
                    all.drain(..=i);
                }
                None => all.clear(),
            }
        }
        all.truncate(f.limit);
        Ok(all)
    }
}

/// A fresh verified quote: PCR values and the asset tag bound into it.
#[derive(Debug, Clone)]
pub struct Quoted {
    pub pcrs: BTreeMap<u8, Vec<u8>>,
    pub asset_tag: Option<Vec<u8>>,
}

/// `TAG_<name>` attributes (SecL's `TAG_` + the tag name as written), one per tag of the
/// ASSET_TAG flavors the evaluation compared, when the AssetTagMatches rule ran and passed.
/// Only flavors whose digest is the one the host reported count: under ANY_OF an older,
/// replaced certificate must not lend its tags.
fn passed_asset_tags(
    e: &Evaluation,
    flavors: &BTreeMap<Uuid, Flavor>,
    reported: Option<&[u8]>,
) -> Vec<(String, String)> {
    let (Some(part), Some(reported)) = (e.parts.get(FlavorPart::AssetTag.name()), reported) else {
        return Vec::new();
    };
    if part.trusted != Some(true) {
        return Vec::new();
    }
    let reported = B64.encode(reported);
    let mut out: Vec<(String, String)> = Vec::new();
    for id in &part.flavor_ids {
        let Some(tag) = flavors
            .get(id)
            .and_then(|f| f.asset_tag.as_ref())
            .filter(|t| t.digest == reported)
        else {
            continue;
        };
        for kv in &tag.tags {
            let attr = (format!("TAG_{}", kv.name), kv.value.clone());
            if !out.contains(&attr) {
                out.push(attr);
            }
        }
    }
    out
}

/// SecL's default and largest `limit` of a report search.
pub const REPORT_SEARCH_LIMIT: usize = 10_000;
/// SecL's largest `numberOfDays`.
pub const MAX_NUMBER_OF_DAYS: u32 = 365;

/// `GET /reports` search criteria (SecL's query parameters, parsed by the route).
#[derive(Debug, Clone)]
pub struct ReportFilter {
    pub id: Option<Uuid>,
    pub host_id: Option<Uuid>,
    pub hardware_uuid: Option<Uuid>,
    pub host_name: Option<String>,
    /// Current host state, e.g. `CONNECTED`, compared case-insensitively.
    pub host_status: Option<String>,
    /// Created at or after.
    pub from: Option<OffsetDateTime>,
    /// Created before.
    pub to: Option<OffsetDateTime>,
    pub latest_per_host: bool,
    /// Only reports listed after this one (paging).
    pub after_id: Option<Uuid>,
    pub limit: usize,
}

impl Default for ReportFilter {
    fn default() -> Self {
        Self {
            id: None,
            host_id: None,
            hardware_uuid: None,
            host_name: None,
            host_status: None,
            from: None,
            to: None,
            latest_per_host: true,
            after_id: None,
            limit: REPORT_SEARCH_LIMIT,
        }
    }
}

/// The host states a `hostStatus` search may name (this HVS's two and the rest of SecL's).
pub const HOST_STATES: &[&str] = &[
    STATE_CONNECTED,
    STATE_CONNECTION_FAILURE,
    "QUEUE",
    "UNKNOWN",
    "UNAUTHORIZED",
    "AIK_NOT_PROVISIONED",
    "EC_NOT_PRESENT",
    "MEASURED_LAUNCH_FAILURE",
    "TPM_OWNERSHIP_FAILURE",
    "TPM_NOT_PRESENT",
    "UNSUPPORTED_TPM",
];

/// The groups a new host joins: the names given (checked), or `automatic`. `host_unique` has
/// no policies and is refused.
fn host_group_names(names: Option<&[String]>) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for n in names.unwrap_or_default() {
        let n = n.trim();
        flavor::check_group_name(n)?;
        if n == flavor::GROUP_HOST_UNIQUE {
            return Err(bad(format!(
                "Hosts cannot join flavor group {}: it holds HOST_UNIQUE flavors, which apply \
                 through the HOST_UNIQUE policy of the host's other groups",
                flavor::GROUP_HOST_UNIQUE
            )));
        }
        if !out.iter().any(|o| o == n) {
            out.push(n.to_string());
        }
    }
    if out.is_empty() {
        out.push(flavor::GROUP_AUTOMATIC.into());
    }
    Ok(out)
}

fn parse(der: &[u8]) -> std::result::Result<x509_parser::certificate::X509Certificate<'_>, String> {
    x509_parser::parse_x509_certificate(der)
        .map(|(_, c)| c)
        .map_err(|e| format!("certificate: {e}"))
}

fn subject_of(der: &[u8]) -> std::result::Result<Vec<u8>, String> {
    parse(der).map(|c| c.subject().as_raw().to_vec())
}

fn issuer_of(der: &[u8]) -> std::result::Result<Vec<u8>, String> {
    parse(der).map(|c| c.issuer().as_raw().to_vec())
}
