//! The SAML key transfer (reference §3.5, DESIGN "KBS release checks"): a host's trust report,
//! signed by an imported HVS SAML certificate, releases a key wrapped to the host's TPM binding
//! key. Every check that can fail has a stable reason code for the audit trail.
//!
//! Speed without weakening a check:
//! * imported SAML and TPM-identity certificates are parsed once and cached; the cache is
//!   dropped on every import or delete in this process and re-validated against the store at
//!   most [`ANCHOR_TTL`] later, so an import or delete made by another instance sharing the
//!   PostgreSQL store takes effect here within that time;
//! * the outcome of the expensive, key-independent verification (XML signature, certificate
//!   chains, TPM2_Certify) is cached by the SHA-256 of the exact body, for the set of anchors
//!   it was made under; the time checks (report window, certificate validity) and every
//!   key-specific check (key, policy, report age, usage tags) are made again on each request.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration as StdDuration, Instant};

use secl_api::kbs::{AttestationType, KeyTransferPolicy};
use secl_saml::{SAML_NS, SamlError};
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};
use uuid::Uuid;

/// How long a verified view of the imported certificates is used before it is compared with
/// the store again (imports and deletes in this process take effect at once).
pub const ANCHOR_TTL: StdDuration = StdDuration::from_secs(1);

/// Report age allowed when a key's policy carries no TPM section: SecL's HVS issues a fresh
/// report for every WLS key request, and WLS caches keys for 300 s, so 5 minutes.
pub const DEFAULT_MAX_REPORT_AGE: Duration = Duration::seconds(300);

/// Largest SAML body accepted (a SecL report is about 20 KiB).
pub const MAX_SAML_BYTES: usize = 256 * 1024;

/// Verified reports kept at most; beyond this, expired entries go first, then all.
const REPORT_CACHE_CAPACITY: usize = 8192;

/// The label SecL's KBS wraps with and TPM2_RSA_Decrypt expects.
pub const OAEP_LABEL: &[u8; 5] = b"TPM2\0";

/// Which release check refused a transfer: stable codes for audit records and monitoring.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DenyCode {
    /// The XML signature (structure, digest or value) does not verify.
    SamlSignature,
    /// The signer certificate is not an imported SAML certificate or is outside its validity.
    SamlSigner,
    /// The signed assertion lacks a required field or has an unreadable one.
    SamlMalformed,
    /// NotBefore is still in the future.
    SamlNotYetValid,
    /// NotOnOrAfter has passed.
    SamlExpired,
    /// IssueInstant is older than the key's transfer policy allows.
    ReportTooOld,
    /// `TRUST_OVERALL` is not `true`.
    TrustOverall,
    /// The AIK certificate is missing or does not chain to an imported TPM-identity cert.
    AikChain,
    /// The binding-key certificate is missing or does not chain to one.
    BindingChain,
    /// The TPM2_Certify of the binding key does not verify under the AIK or names another key.
    BindingCertify,
    /// A usage (asset tag) of the key is not matched by the report.
    UsageTags,
    /// The key's transfer policy is missing or not a TPM policy.
    TransferPolicy,
    /// No such key (never created, or deleted).
    KeyNotFound,
}

impl DenyCode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::SamlSignature => "saml-signature",
            Self::SamlSigner => "saml-signer",
            Self::SamlMalformed => "saml-malformed",
            Self::SamlNotYetValid => "saml-not-yet-valid",
            Self::SamlExpired => "saml-expired",
            Self::ReportTooOld => "report-too-old",
            Self::TrustOverall => "trust-overall",
            Self::AikChain => "aik-chain",
            Self::BindingChain => "binding-chain",
            Self::BindingCertify => "binding-certify",
            Self::UsageTags => "usage-tags",
            Self::TransferPolicy => "transfer-policy",
            Self::KeyNotFound => "key-not-found",
        }
    }
}

/// A refused transfer: the check and a short detail (never key material or the body).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Denial {
    pub code: DenyCode,
    pub detail: String,
}

impl Denial {
    pub fn new(code: DenyCode, detail: impl Into<String>) -> Self {
        let mut detail: String = detail
            .into()
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect();
        if detail.len() > 240 {
            let mut cut = 240;
            while !detail.is_char_boundary(cut) {
                cut -= 1;
            }
            detail.truncate(cut);
        }
        Self { code, detail }
    }

    /// `code: detail`, what the audit record's reason says.
    pub fn reason(&self) -> String {
        format!("{}: {}", self.code.as_str(), self.detail)
    }
}

/// Whether `xml` is well-formed XML whose document element is a `saml2:Assertion`: SecL's
/// "unmarshal" step, whose failure is a 400 rather than a trust refusal.
pub fn is_saml_assertion(xml: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(xml) else {
        return false;
    };
    match roxmltree::Document::parse(text) {
        Ok(doc) => {
            let root = doc.root_element();
            root.tag_name().namespace() == Some(SAML_NS) && root.tag_name().name() == "Assertion"
        }
        Err(_) => false,
    }
}

/// The denial for a report that `secl_saml::verify` refused.
pub fn saml_denial(e: &SamlError) -> Denial {
    let code = match e {
        SamlError::UntrustedSigner
        | SamlError::CertificateExpired
        | SamlError::CertificateNotYetValid => DenyCode::SamlSigner,
        SamlError::NotYetValid => DenyCode::SamlNotYetValid,
        SamlError::Expired => DenyCode::SamlExpired,
        SamlError::TooOld => DenyCode::ReportTooOld,
        SamlError::Malformed(_) | SamlError::MissingAttribute(_) => DenyCode::SamlMalformed,
        _ => DenyCode::SamlSignature,
    };
    Denial::new(code, e.to_string())
}

/// The denial for a binding-key verification failure.
pub fn binding_denial(e: &secl_attest::Error) -> Denial {
    let code = match e {
        secl_attest::Error::Untrusted { cert: "AIK", .. } => DenyCode::AikChain,
        secl_attest::Error::Untrusted { .. } => DenyCode::BindingChain,
        _ => DenyCode::BindingCertify,
    };
    Denial::new(code, e.to_string())
}

/// The imported certificates, parsed: SAML signers (the first certificate of each imported
/// chain, which is what must equal a report's KeyInfo certificate) and TPM-identity roots.
#[derive(Debug)]
pub(crate) struct Anchors {
    generation: u64,
    /// Sorted record ids of both kinds: what the store listing is compared with.
    ids: Vec<String>,
    /// The SAML signers, parsed once (keys and validity), for every report verified under them.
    saml_signers: secl_saml::TrustedSigners,
    pub(crate) tpm: Vec<Vec<u8>>,
    /// Raw subject name of each TPM root (`None` if unparsable), parallel to `tpm`.
    tpm_subjects: Vec<Option<Vec<u8>>>,
}

/// What the key-independent verification of one report established.
#[derive(Debug)]
pub(crate) struct CheckedReport {
    generation: u64,
    pub(crate) issue_instant: OffsetDateTime,
    not_before: OffsetDateTime,
    not_on_or_after: OffsetDateTime,
    /// Intersection of the validity of every certificate the verification relied on.
    certs_from: OffsetDateTime,
    certs_until: OffsetDateTime,
    pub(crate) hardware_uuid: Option<Uuid>,
    trust_overall: bool,
    /// `TRUST_ASSET_TAG` as written, if present once.
    trust_asset_tag: Option<String>,
    /// `TAG_*` attributes: (name without prefix, values).
    tags: Vec<(String, Vec<String>)>,
    /// The binding key to wrap to, or why the TPM certificates were refused.
    binding: Result<Arc<BindingKey>, Denial>,
}

/// A verified binding key, parsed once per host and kept in the binding cache (the parsed
/// key carries its Montgomery parameters, so a wrap does no per-request set-up).
///
/// The wrap stays with the `rsa` crate on purpose: a hand-rolled public-key operation saved
/// about 40 µs per transfer, not worth owning big-number code in the one place a key leaves.
#[derive(Debug)]
pub(crate) struct BindingKey {
    key: rsa::PublicKey,
}

impl BindingKey {
    fn new(key: rsa::PublicKey) -> Self {
        Self { key }
    }

    /// RSA-OAEP (SHA-256, MGF1-SHA-256, label [`OAEP_LABEL`]) of `material` to this key.
    pub(crate) fn wrap(&self, material: &[u8]) -> Result<Vec<u8>, String> {
        let padding = rsa::Oaep::<Sha256>::new_with_label(OAEP_LABEL.to_vec());
        self.key
            .encrypt(&mut rand::rng(), padding, material)
            .map_err(|e| e.to_string())
    }
}

impl CheckedReport {
    /// The time- and trust-dependent checks, made on every request (cached or not). The
    /// validity of the certificates relied on is checked by [`TrustCache::lookup`]: outside it
    /// an entry is not used and the report is verified afresh.
    pub(crate) fn decide(&self, now: OffsetDateTime) -> Result<&BindingKey, Denial> {
        if now < self.not_before {
            return Err(Denial::new(
                DenyCode::SamlNotYetValid,
                "SAML report is not yet valid",
            ));
        }
        if now >= self.not_on_or_after {
            return Err(Denial::new(
                DenyCode::SamlExpired,
                "SAML report has expired",
            ));
        }
        if !self.trust_overall {
            return Err(Denial::new(
                DenyCode::TrustOverall,
                "TRUST_OVERALL is not true",
            ));
        }
        self.binding.as_deref().map_err(Clone::clone)
    }

    /// The key-specific checks on the report: age under the policy and usage tags.
    pub(crate) fn check_key(
        &self,
        now: OffsetDateTime,
        policy: Option<&KeyTransferPolicy>,
        usage: Option<&str>,
    ) -> Result<(), Denial> {
        let max_age = check_policy(policy)?;
        if now - self.issue_instant > max_age {
            return Err(Denial::new(
                DenyCode::ReportTooOld,
                format!(
                    "report issued {} s ago, the key's policy allows {} s",
                    (now - self.issue_instant).whole_seconds(),
                    max_age.whole_seconds()
                ),
            ));
        }
        check_usage(usage, self.trust_asset_tag.as_deref(), &self.tags)
    }
}

/// The report age a key's policy allows; a missing or non-TPM policy refuses the transfer.
pub fn check_policy(policy: Option<&KeyTransferPolicy>) -> Result<Duration, Denial> {
    let Some(p) = policy else {
        return Err(Denial::new(
            DenyCode::TransferPolicy,
            "the key's transfer policy does not exist",
        ));
    };
    if p.attestation_type.as_slice() != [AttestationType::Tpm] {
        return Err(Denial::new(
            DenyCode::TransferPolicy,
            "the key's transfer policy does not allow TPM attestation",
        ));
    }
    Ok(p.tpm.as_ref().map_or(DEFAULT_MAX_REPORT_AGE, |t| {
        Duration::seconds(i64::from(t.max_report_age_seconds))
    }))
}

/// The key's usage `k1:v1,k2:v2` against the report's `TAG_*` attributes: every pair needs a
/// tag of that name (any case) whose values all equal `v` (any case); a report that carries
/// `TRUST_ASSET_TAG` must say `true`.
pub fn check_usage(
    usage: Option<&str>,
    trust_asset_tag: Option<&str>,
    tags: &[(String, Vec<String>)],
) -> Result<(), Denial> {
    let Some(usage) = usage.filter(|u| !u.is_empty()) else {
        return Ok(());
    };
    if let Some(t) = trust_asset_tag
        && t != "true"
    {
        return Err(Denial::new(
            DenyCode::UsageTags,
            format!("the key requires asset tags and TRUST_ASSET_TAG is {t}"),
        ));
    }
    for pair in usage.split(',') {
        let (k, v) = pair.split_once(':').unwrap_or((pair, ""));
        let values: Vec<&String> = tags
            .iter()
            .filter(|(name, _)| name.eq_ignore_ascii_case(k))
            .flat_map(|(_, vs)| vs.iter())
            .collect();
        if values.is_empty() {
            return Err(Denial::new(
                DenyCode::UsageTags,
                format!("the report has no asset tag {k}"),
            ));
        }
        if !values.iter().all(|x| x.eq_ignore_ascii_case(v)) {
            return Err(Denial::new(
                DenyCode::UsageTags,
                format!("asset tag {k} does not have the value the key requires"),
            ));
        }
    }
    Ok(())
}

/// Validity window of a DER certificate.
fn cert_window(der: &[u8]) -> Option<(OffsetDateTime, OffsetDateTime)> {
    let (_, c) = x509_parser::parse_x509_certificate(der).ok()?;
    let v = c.validity();
    Some((v.not_before.to_datetime(), v.not_after.to_datetime()))
}

/// Raw subject and issuer names of a DER certificate.
fn cert_names(der: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    let (_, c) = x509_parser::parse_x509_certificate(der).ok()?;
    Some((c.subject().as_raw().to_vec(), c.issuer().as_raw().to_vec()))
}

/// Runs the key-independent verification of `xml` under `anchors` at `now`. `Err(None)` means
/// the body is not a SAML assertion at all (a 400, not a refusal). A host's AIK and binding
/// certificates stay the same across its reports, so their verification is cached apart (by
/// the SHA-256 of both certificates, for these anchors, within their validity).
pub(crate) fn check_report(
    xml: &[u8],
    anchors: &Anchors,
    cache: &TrustCache,
    now: OffsetDateTime,
) -> Result<CheckedReport, Option<Denial>> {
    let report = match secl_saml::verify_with(xml, &anchors.saml_signers, now, None) {
        Ok(r) => r,
        Err(e) => {
            if !is_saml_assertion(xml) {
                return Err(None);
            }
            return Err(Some(saml_denial(&e)));
        }
    };
    let window = |ders: &[&[u8]]| {
        let mut from = OffsetDateTime::UNIX_EPOCH;
        let mut until = time::macros::datetime!(9999-12-31 0:00 UTC);
        for der in ders {
            if let Some((nb, na)) = cert_window(der) {
                from = from.max(nb);
                until = until.min(na);
            }
        }
        (from, until)
    };
    let (mut from, mut until) = match anchors.saml_signers.validity(&report.signer_cert_der) {
        Some(w) => w,
        None => window(&[&report.signer_cert_der]),
    };
    let aik = report.aik_certificate_der();
    let binding_der = report.binding_key_certificate_der();
    let binding = match (&aik, &binding_der) {
        (Err(_), _) => Err(Denial::new(
            DenyCode::AikChain,
            "the report carries no usable AIK_Certificate",
        )),
        (_, Err(_)) => Err(Denial::new(
            DenyCode::BindingChain,
            "the report carries no usable Binding_Key_Certificate",
        )),
        (Ok(aik), Ok(b)) => {
            let key = binding_digest(aik, b);
            match cache.binding(&key, anchors, now) {
                // Verified before under these anchors, and `now` is within the validity of
                // every certificate that verification relied on.
                Some((k, bfrom, buntil)) => {
                    from = from.max(bfrom);
                    until = until.min(buntil);
                    Ok(k)
                }
                None => {
                    // The certificates and the roots that could have issued them (one level
                    // deep).
                    let issuers: Vec<Vec<u8>> = [aik, b]
                        .into_iter()
                        .filter_map(|d| cert_names(d).map(|n| n.1))
                        .collect();
                    let mut relied: Vec<&[u8]> = vec![aik, b];
                    for (root, subject) in anchors.tpm.iter().zip(&anchors.tpm_subjects) {
                        if subject.as_ref().is_some_and(|s| issuers.contains(s)) {
                            relied.push(root);
                        }
                    }
                    let (bfrom, buntil) = window(&relied);
                    from = from.max(bfrom);
                    until = until.min(buntil);
                    let r = secl_attest::privacy_ca::verify_binding_certificate_at(
                        b,
                        aik,
                        &anchors.tpm,
                        now,
                    )
                    .map(|v| Arc::new(BindingKey::new(v.public_key)))
                    .map_err(|e| binding_denial(&e));
                    if let Ok(k) = &r {
                        cache.remember_binding(key, anchors, bfrom, buntil, k.clone());
                    }
                    r
                }
            }
        }
    };
    let tags = report
        .attributes
        .iter()
        .filter_map(|(k, v)| Some((k.strip_prefix("TAG_")?.to_string(), v.clone())))
        .collect();
    Ok(CheckedReport {
        generation: anchors.generation,
        issue_instant: report.issue_instant,
        not_before: report.not_before,
        not_on_or_after: report.not_on_or_after,
        certs_from: from,
        certs_until: until,
        hardware_uuid: report.hardware_uuid().and_then(|u| Uuid::try_parse(u).ok()),
        trust_overall: report.trust_overall(),
        trust_asset_tag: report
            .attributes
            .get("TRUST_ASSET_TAG")
            .map(|v| v.join(",")),
        tags,
        binding,
    })
}

struct AnchorSlot {
    fresh_until: Option<Instant>,
    anchors: Option<Arc<Anchors>>,
}

/// Cached anchors and verified reports.
pub(crate) struct TrustCache {
    slot: RwLock<AnchorSlot>,
    refresh: tokio::sync::Mutex<()>,
    generation: AtomicU64,
    reports: Mutex<HashMap<[u8; 32], Arc<CheckedReport>>>,
    bindings: Mutex<HashMap<[u8; 32], CachedBinding>>,
}

/// A verified (AIK certificate, binding certificate) pair.
struct CachedBinding {
    generation: u64,
    from: OffsetDateTime,
    until: OffsetDateTime,
    key: Arc<BindingKey>,
}

impl TrustCache {
    pub(crate) fn new() -> Self {
        Self {
            slot: RwLock::new(AnchorSlot {
                fresh_until: None,
                anchors: None,
            }),
            refresh: tokio::sync::Mutex::new(()),
            generation: AtomicU64::new(1),
            reports: Mutex::new(HashMap::new()),
            bindings: Mutex::new(HashMap::new()),
        }
    }

    fn fresh(&self) -> Option<Arc<Anchors>> {
        let slot = self.slot.read().unwrap_or_else(|p| p.into_inner());
        match (slot.fresh_until, &slot.anchors) {
            (Some(t), Some(a)) if Instant::now() < t => Some(a.clone()),
            _ => None,
        }
    }

    /// Forget the anchors: an import or delete happened here.
    pub(crate) fn invalidate(&self) {
        let mut slot = self.slot.write().unwrap_or_else(|p| p.into_inner());
        slot.fresh_until = None;
        slot.anchors = None;
    }

    /// The current anchors; `load` lists the store as `(sorted ids, saml PEMs, tpm PEMs)`.
    pub(crate) async fn anchors<F, Fut, E>(&self, load: F) -> Result<Arc<Anchors>, E>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<(Vec<String>, Vec<String>, Vec<String>), E>>,
    {
        if let Some(a) = self.fresh() {
            return Ok(a);
        }
        let _g = self.refresh.lock().await;
        if let Some(a) = self.fresh() {
            return Ok(a);
        }
        let (ids, saml_pems, tpm_pems) = load().await?;
        let current = self
            .slot
            .read()
            .unwrap_or_else(|p| p.into_inner())
            .anchors
            .clone();
        let anchors = match current {
            Some(a) if a.ids == ids => a,
            _ => {
                let mut saml = Vec::new();
                for pem in &saml_pems {
                    // Validated at import; an unreadable record trusts nothing.
                    if let Some(first) = secl_saml::certs_from_pem(pem.as_bytes())
                        .ok()
                        .and_then(|c| c.into_iter().next())
                    {
                        saml.push(first);
                    }
                }
                let mut tpm = Vec::new();
                for pem in &tpm_pems {
                    if let Ok(c) = secl_saml::certs_from_pem(pem.as_bytes()) {
                        tpm.extend(c);
                    }
                }
                let tpm_subjects = tpm
                    .iter()
                    .map(|der| cert_names(der).map(|(subject, _)| subject))
                    .collect();
                Arc::new(Anchors {
                    generation: self.generation.fetch_add(1, Ordering::Relaxed),
                    ids,
                    saml_signers: secl_saml::TrustedSigners::new(&saml),
                    tpm,
                    tpm_subjects,
                })
            }
        };
        let mut slot = self.slot.write().unwrap_or_else(|p| p.into_inner());
        slot.fresh_until = Some(Instant::now() + ANCHOR_TTL);
        slot.anchors = Some(anchors.clone());
        Ok(anchors)
    }

    /// A cached verification of `digest` made under `anchors` and still within the validity
    /// of every certificate it relied on, if any.
    pub(crate) fn lookup(
        &self,
        digest: &[u8; 32],
        anchors: &Anchors,
        now: OffsetDateTime,
    ) -> Option<Arc<CheckedReport>> {
        let reports = self.reports.lock().unwrap_or_else(|p| p.into_inner());
        reports
            .get(digest)
            .filter(|r| {
                r.generation == anchors.generation && r.certs_from <= now && now <= r.certs_until
            })
            .cloned()
    }

    /// Keeps a verification whose TPM certificates were accepted (refusals are not cached:
    /// they are cheap to repeat and must not crowd out good entries).
    pub(crate) fn remember(
        &self,
        digest: [u8; 32],
        report: Arc<CheckedReport>,
        now: OffsetDateTime,
    ) {
        if report.binding.is_err() {
            return;
        }
        let mut reports = self.reports.lock().unwrap_or_else(|p| p.into_inner());
        if reports.len() >= REPORT_CACHE_CAPACITY {
            reports.retain(|_, r| r.not_on_or_after > now && r.certs_until >= now);
            if reports.len() >= REPORT_CACHE_CAPACITY {
                reports.clear();
            }
        }
        reports.insert(digest, report);
    }
}

impl TrustCache {
    fn binding(
        &self,
        digest: &[u8; 32],
        anchors: &Anchors,
        now: OffsetDateTime,
    ) -> Option<(Arc<BindingKey>, OffsetDateTime, OffsetDateTime)> {
        let b = self.bindings.lock().unwrap_or_else(|p| p.into_inner());
        b.get(digest)
            .filter(|c| c.generation == anchors.generation && c.from <= now && now <= c.until)
            .map(|c| (c.key.clone(), c.from, c.until))
    }

    fn remember_binding(
        &self,
        digest: [u8; 32],
        anchors: &Anchors,
        from: OffsetDateTime,
        until: OffsetDateTime,
        key: Arc<BindingKey>,
    ) {
        let mut b = self.bindings.lock().unwrap_or_else(|p| p.into_inner());
        if b.len() >= REPORT_CACHE_CAPACITY {
            b.clear();
        }
        b.insert(
            digest,
            CachedBinding {
                generation: anchors.generation,
                from,
                until,
                key,
            },
        );
    }
}

/// SHA-256 over both certificates (length-prefixed): the binding cache key.
fn binding_digest(aik: &[u8], binding: &[u8]) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update((aik.len() as u64).to_be_bytes());
    h.update(aik);
    h.update(binding);
    h.finalize().into()
}

/// SHA-256 of the body: the report cache key.
pub(crate) fn body_digest(body: &[u8]) -> [u8; 32] {
    Sha256::digest(body).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use secl_api::kbs::TpmPolicy;

    fn tags(pairs: &[(&str, &str)]) -> Vec<(String, Vec<String>)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), vec![v.to_string()]))
            .collect()
    }

    #[test]
    fn usage_tags_match_case_insensitively_and_all_pairs_are_needed() {
        let t = tags(&[("Country", "us"), ("State", "CA")]);
        assert!(check_usage(None, None, &[]).is_ok());
        assert!(check_usage(Some("country:US"), Some("true"), &t).is_ok());
        assert!(check_usage(Some("country:US,state:ca"), None, &t).is_ok());
        let e = check_usage(Some("country:US,city:SF"), Some("true"), &t).unwrap_err();
        assert_eq!(e.code, DenyCode::UsageTags);
        let e = check_usage(Some("country:DE"), Some("true"), &t).unwrap_err();
        assert_eq!(e.code, DenyCode::UsageTags);
        let e = check_usage(Some("country:US"), Some("false"), &t).unwrap_err();
        assert_eq!(e.code, DenyCode::UsageTags);
        let e = check_usage(Some("country:US"), Some("NA"), &t).unwrap_err();
        assert_eq!(e.code, DenyCode::UsageTags);
        // Two spellings of one tag that disagree are ambiguous.
        let t2 = tags(&[("country", "US"), ("COUNTRY", "DE")]);
        assert!(check_usage(Some("country:US"), None, &t2).is_err());
        let t3 = vec![("country".to_string(), vec!["US".into(), "DE".into()])];
        assert!(check_usage(Some("country:US"), None, &t3).is_err());
    }

    fn policy(types: Vec<AttestationType>, tpm: Option<TpmPolicy>) -> KeyTransferPolicy {
        KeyTransferPolicy {
            id: Uuid::new_v4(),
            created_at: OffsetDateTime::now_utc(),
            updated_at: OffsetDateTime::now_utc(),
            attestation_type: types,
            tpm,
            default: false,
        }
    }

    #[test]
    fn policy_gives_the_report_age_and_refuses_non_tpm() {
        assert_eq!(
            check_policy(None).unwrap_err().code,
            DenyCode::TransferPolicy
        );
        let p = policy(vec![AttestationType::Tpm], None);
        assert_eq!(check_policy(Some(&p)).unwrap(), DEFAULT_MAX_REPORT_AGE);
        let p = policy(
            vec![AttestationType::Tpm],
            Some(TpmPolicy {
                max_report_age_seconds: 7,
            }),
        );
        assert_eq!(check_policy(Some(&p)).unwrap(), Duration::seconds(7));
        let p = policy(vec![], None);
        assert_eq!(
            check_policy(Some(&p)).unwrap_err().code,
            DenyCode::TransferPolicy
        );
    }

    fn checked(now: OffsetDateTime) -> CheckedReport {
        CheckedReport {
            generation: 1,
            issue_instant: now - Duration::seconds(10),
            not_before: now - Duration::seconds(10),
            not_on_or_after: now + Duration::seconds(100),
            certs_from: now - Duration::days(1),
            certs_until: now + Duration::days(1),
            hardware_uuid: None,
            trust_overall: true,
            trust_asset_tag: None,
            tags: tags(&[("country", "US")]),
            binding: Err(Denial::new(DenyCode::BindingCertify, "x")),
        }
    }

    #[test]
    fn decide_rechecks_time_and_trust_in_order() {
        let now = OffsetDateTime::now_utc();
        let r = checked(now);
        assert_eq!(r.decide(now).unwrap_err().code, DenyCode::BindingCertify);
        assert_eq!(
            r.decide(now + Duration::seconds(200)).unwrap_err().code,
            DenyCode::SamlExpired
        );
        assert_eq!(
            r.decide(now - Duration::seconds(20)).unwrap_err().code,
            DenyCode::SamlNotYetValid
        );
        let r = CheckedReport {
            trust_overall: false,
            ..checked(now)
        };
        assert_eq!(r.decide(now).unwrap_err().code, DenyCode::TrustOverall);
    }

    #[test]
    fn key_checks_apply_the_policy_age_and_usage() {
        let now = OffsetDateTime::now_utc();
        let r = checked(now);
        let p = policy(
            vec![AttestationType::Tpm],
            Some(TpmPolicy {
                max_report_age_seconds: 5,
            }),
        );
        assert_eq!(
            r.check_key(now, Some(&p), None).unwrap_err().code,
            DenyCode::ReportTooOld
        );
        let p = policy(vec![AttestationType::Tpm], None);
        assert!(r.check_key(now, Some(&p), Some("country:us")).is_ok());
        assert_eq!(
            r.check_key(now, Some(&p), Some("country:de"))
                .unwrap_err()
                .code,
            DenyCode::UsageTags
        );
    }

    #[test]
    fn unmarshal_classification() {
        assert!(!is_saml_assertion(b""));
        assert!(!is_saml_assertion(b"not xml"));
        assert!(!is_saml_assertion(b"<a/>"));
        assert!(!is_saml_assertion(b"<Assertion xmlns=\"urn:other\"/>"));
        assert!(!is_saml_assertion(
            b"<!DOCTYPE x [<!ENTITY a \"b\">]><saml2:Assertion xmlns:saml2=\"urn:oasis:names:tc:SAML:2.0:assertion\"/>"
        ));
        assert!(is_saml_assertion(
            b"<saml2:Assertion xmlns:saml2=\"urn:oasis:names:tc:SAML:2.0:assertion\"/>"
        ));
    }

    #[test]
    fn saml_errors_map_to_codes() {
        assert_eq!(
            saml_denial(&SamlError::BadSignature).code,
            DenyCode::SamlSignature
        );
        assert_eq!(
            saml_denial(&SamlError::DigestMismatch).code,
            DenyCode::SamlSignature
        );
        assert_eq!(
            saml_denial(&SamlError::UntrustedSigner).code,
            DenyCode::SamlSigner
        );
        assert_eq!(saml_denial(&SamlError::Expired).code, DenyCode::SamlExpired);
        assert_eq!(
            saml_denial(&SamlError::NotYetValid).code,
            DenyCode::SamlNotYetValid
        );
        let long = Denial::new(DenyCode::SamlMalformed, "x\n".repeat(400));
        assert!(long.detail.len() <= 240 && !long.detail.contains('\n'));
    }
}
