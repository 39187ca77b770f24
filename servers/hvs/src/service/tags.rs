//! Asset tags (SecL's `/tag-certificates` and `rpc/deploy-tag-certificate`): tag certificates
//! signed by the HVS Tag CA for a host's hardware UUID, and their deployment, which writes the
//! certificate's SHA-384 digest into the host's TPM (through its trust agent) and gives the
//! host an ASSET_TAG flavor expecting that digest.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use secl_attest::privacy_ca::{parse_tag_certificate, tag_digest};
use serde::Deserialize;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use uuid::Uuid;

use super::{Hvs, from_json, json, now_str};
use crate::error::{HvsError, Result, bad, internal};
use crate::flavor::{AssetTagExpectation, Flavor, FlavorPart, GROUP_HOST_UNIQUE, TagKvAttribute};

/// A stored tag certificate: SecL's TagCertificate, with its tags.
pub type TagCertRecord = secl_api::hvs::TagCertificate;

const KIND_TAG_CERT: &str = "hvs-tag-certificate";
/// SecL's tag certificate validity: one year.
const TAG_CERT_VALIDITY: time::Duration = time::Duration::days(365);
/// Most tags one certificate may state.
const MAX_TAGS: usize = 64;

pub const TAG_CERT_NOT_FOUND: &str = "TagCertificate with given ID does not exist";
const DEPLOY_FAILURE: &str = "Tag Certificate Deploy failure";

/// SecL's TagCertificateCreateCriteria, as the route decoded it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TagCertCreate {
    pub hardware_uuid: String,
    #[serde(default)]
    pub selection_content: Option<Vec<TagKvAttribute>>,
}

/// `GET /tag-certificates` criteria (SecL's query parameters, parsed by the route).
#[derive(Debug, Clone, Default)]
pub struct TagCertFilter {
    pub id: Option<Uuid>,
    pub hardware_uuid: Option<Uuid>,
    pub subject_equal_to: Option<String>,
    pub subject_contains: Option<String>,
    pub issuer_equal_to: Option<String>,
    pub issuer_contains: Option<String>,
    /// not_before <= t <= not_after.
    pub valid_on: Option<OffsetDateTime>,
    /// not_after >= t (SecL's reading).
    pub valid_before: Option<OffsetDateTime>,
    /// not_before <= t (SecL's reading).
    pub valid_after: Option<OffsetDateTime>,
}

/// A tag name or value: 1 to 255 bytes of letters, digits, space and `_ - . , : ; @ / + =`
/// (the characters SecL's text validation lets through, no markup or control characters).
fn valid_text(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 255
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b" _-.,:;@/+=".contains(&b))
}

fn create_error(m: &str) -> HvsError {
    bad(format!("Error during Tag Certificate creation - {m}"))
}

fn time_of(s: &str) -> Option<OffsetDateTime> {
    OffsetDateTime::parse(s, &Rfc3339).ok()
}

impl Hvs {
    /// SecL's `POST /tag-certificates`: a certificate stating the tags for the hardware UUID.
    /// The host need not be registered yet (as in SecL); deployment needs it.
    pub async fn create_tag_certificate(&self, req: TagCertCreate) -> Result<TagCertRecord> {
        let hw = Uuid::try_parse(req.hardware_uuid.trim())
            .ok()
            .filter(|u| !u.is_nil())
            .ok_or_else(|| create_error("Hardware UUID must be specified"))?;
        let selections = req
            .selection_content
            .filter(|s| !s.is_empty())
            .ok_or_else(|| create_error("Tag Selection Content must be specified"))?;
        if selections.len() > MAX_TAGS {
            return Err(create_error(&format!(
                "At most {MAX_TAGS} tags are allowed"
            )));
        }
        let mut tags: Vec<(String, String)> = Vec::with_capacity(selections.len());
        for kv in &selections {
            if !valid_text(&kv.name) {
                return Err(create_error("Valid contents for Key must be specified"));
            }
            if !valid_text(&kv.value) {
                return Err(create_error("Valid contents for Value must be specified"));
            }
            if tags.iter().any(|(n, _)| n.eq_ignore_ascii_case(&kv.name)) {
                return Err(create_error(&format!("Tag {} is given twice", kv.name)));
            }
            tags.push((kv.name.clone(), kv.value.clone()));
        }
        let der = self
            .tag_ca
            .issue_tag_certificate(&hw.to_string(), &tags, TAG_CERT_VALIDITY)
            .map_err(internal)?;
        let info = parse_tag_certificate(&der).map_err(internal)?;
        let record = TagCertRecord {
            id: Uuid::new_v4(),
            certificate: B64.encode(&der),
            subject: info.subject,
            issuer: info.issuer,
            not_before: info.not_before.format(&Rfc3339).map_err(internal)?,
            not_after: info.not_after.format(&Rfc3339).map_err(internal)?,
            hardware_uuid: hw,
            asset_tag_digest: B64.encode(tag_digest(&der)),
            selection_content: selections,
        };
        self.store
            .insert(KIND_TAG_CERT, &record.id.to_string(), &json(&record)?)
            .await?;
        tracing::info!(id = %record.id, hardware_uuid = %hw, "tag certificate created");
        Ok(record)
    }

    /// Every stored tag certificate matching `f`, ordered by subject as SecL does.
    pub async fn tag_certificates(&self, f: &TagCertFilter) -> Result<Vec<TagCertRecord>> {
        let mut all: Vec<TagCertRecord> = self
            .store
            .list(KIND_TAG_CERT)
            .await?
            .iter()
            .map(|(_, v)| from_json(KIND_TAG_CERT, v))
            .collect::<Result<_>>()?;
        all.retain(|c| {
            let (nb, na) = (time_of(&c.not_before), time_of(&c.not_after));
            f.id.is_none_or(|id| c.id == id)
                && f.hardware_uuid.is_none_or(|h| c.hardware_uuid == h)
                && f.subject_equal_to
                    .as_deref()
                    .is_none_or(|s| c.subject.eq_ignore_ascii_case(s))
                && f.subject_contains
                    .as_deref()
                    .is_none_or(|s| c.subject.to_lowercase().contains(&s.to_lowercase()))
                && f.issuer_equal_to
                    .as_deref()
                    .is_none_or(|s| c.issuer.eq_ignore_ascii_case(s))
                && f.issuer_contains
                    .as_deref()
                    .is_none_or(|s| c.issuer.to_lowercase().contains(&s.to_lowercase()))
                && f.valid_on
                    .is_none_or(|t| nb.is_some_and(|nb| nb <= t) && na.is_some_and(|na| t <= na))
                && f.valid_before.is_none_or(|t| na.is_some_and(|na| na >= t))
                && f.valid_after.is_none_or(|t| nb.is_some_and(|nb| nb <= t))
        });
        all.sort_by(|a, b| a.subject.cmp(&b.subject).then(a.id.cmp(&b.id)));
        Ok(all)
    }

    pub async fn tag_certificate(&self, id: Uuid) -> Result<Option<TagCertRecord>> {
        match self.store.get(KIND_TAG_CERT, &id.to_string()).await? {
            Some(v) => Ok(Some(from_json(KIND_TAG_CERT, &v)?)),
            None => Ok(None),
        }
    }

    /// Deletes a tag certificate; flavors made from it stay (as in SecL).
    pub async fn delete_tag_certificate(&self, id: Uuid) -> Result<bool> {
        Ok(self.store.delete(KIND_TAG_CERT, &id.to_string()).await?)
    }

    /// SecL's `rpc/deploy-tag-certificate`: the certificate must be valid now and its host
    /// registered; the host's agent writes the digest into its TPM, then the host gets an
    /// ASSET_TAG flavor (group `host_unique`) expecting that digest and naming the tags.
    pub async fn deploy_tag_certificate(&self, id: Uuid) -> Result<Flavor> {
        let Some(cert) = self.tag_certificate(id).await? else {
            return Err(bad("Tag Certificate does not exist"));
        };
        let now = OffsetDateTime::now_utc();
        let valid = time_of(&cert.not_before).is_some_and(|nb| nb <= now)
            && time_of(&cert.not_after).is_some_and(|na| now <= na);
        if !valid {
            return Err(bad(format!(
                "{DEPLOY_FAILURE}: the certificate is not valid now"
            )));
        }
        let der = B64.decode(&cert.certificate).map_err(internal)?;
        let digest = tag_digest(&der);
        let hw = cert.hardware_uuid.to_string();
        let Some(host) = self
            .hosts()
            .await?
            .into_iter()
            .find(|h| h.hardware_uuid.eq_ignore_ascii_case(&hw))
        else {
            return Err(bad(format!("{DEPLOY_FAILURE}: Target Host lookup failed")));
        };
        let agent = self.agent_for(&host)?;
        if let Err(e) = agent.write_tag(&digest, &host.hardware_uuid).await {
            tracing::warn!(host = %host.id, "asset tag deployment failed: {e}");
            return Err(HvsError::Failed(format!("{DEPLOY_FAILURE}: {e}")));
        }
        let created = now_str();
        let flavor = Flavor {
            id: Uuid::new_v4(),
            label: format!(
                "{}_{}_{created}",
                host.host_name,
                FlavorPart::AssetTag.name()
            ),
            flavor_part: FlavorPart::AssetTag,
            flavor_group: GROUP_HOST_UNIQUE.into(),
            hardware_uuid: Some(host.hardware_uuid.clone()),
            pcr_bank: "SHA256".into(),
            pcrs: Vec::new(),
            created,
            asset_tag: Some(AssetTagExpectation {
                certificate_id: cert.id,
                digest: cert.asset_tag_digest.clone(),
                tags: cert.selection_content.clone(),
            }),
        };
        self.store_flavor(&flavor, &[GROUP_HOST_UNIQUE.to_string()])
            .await?;
        tracing::info!(host = %host.id, certificate = %cert.id, "asset tag deployed");
        Ok(flavor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_text_is_checked() {
        for ok in ["country", "US", "New York", "a_b-c.d,e:f;g@h/i+j=k"] {
            assert!(valid_text(ok), "{ok}");
        }
        for bad in ["", "<x>", "a\nb", "\"q\"", &"x".repeat(256)] {
            assert!(!valid_text(bad), "{bad}");
        }
    }
}
