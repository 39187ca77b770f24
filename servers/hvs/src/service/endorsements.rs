//! SecL's EK registry (`/tpm-endorsements`): EK certificates an operator vouches for one by
//! one. The PrivacyCA accepts a registered, not revoked EK certificate even when it does not
//! chain to a configured EK CA, refuses a revoked one even when it does, and, with
//! `--require-ek-registration`, accepts registered ones only ([`Hvs::check_ek_certificate`]).

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use serde::Deserialize;
use sha2::{Digest, Sha384};
use uuid::Uuid;

use super::{EK_NOT_TRUSTED, Hvs, from_json, json};
use crate::error::{HvsError, Result, bad};

/// A stored registration: SecL's TpmEndorsement.
pub type EndorsementRecord = secl_api::hvs::TpmEndorsement;

const KIND_ENDORSEMENT: &str = "hvs-tpm-endorsement";
/// Longest issuer or comment accepted: enough for any real DN, small enough to show.
const MAX_TEXT: usize = 1024;

pub const ENDORSEMENT_NOT_FOUND: &str = "TpmEndorsement with given ID does not exist";
/// SecL's prefix for a request field that does not validate; the reason follows it.
const INVALID_INPUT: &str = "Invalid input provided in request";

/// The body of `POST /tpm-endorsements` and `PUT /tpm-endorsements/{id}`: SecL's
/// TpmEndorsement. `id` and `certificate_digest` are accepted, as SecL's own clients send
/// them, and ignored: the HVS assigns the one and computes the other.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EndorsementInput {
    #[serde(default)]
    pub id: Option<serde_json::Value>,
    #[serde(default)]
    pub hardware_uuid: Option<String>,
    #[serde(default)]
    pub issuer: Option<String>,
    #[serde(default)]
    pub revoked: Option<bool>,
    #[serde(default)]
    pub certificate: Option<String>,
    #[serde(default)]
    pub comment: Option<String>,
    #[serde(default)]
    pub certificate_digest: Option<serde_json::Value>,
}

/// `GET /tpm-endorsements` criteria (SecL's query parameters, parsed by the route).
#[derive(Debug, Clone, Default)]
pub struct EndorsementFilter {
    pub id: Option<Uuid>,
    pub hardware_uuid: Option<Uuid>,
    pub issuer_equal_to: Option<String>,
    pub issuer_contains: Option<String>,
    pub revoked: Option<bool>,
    pub comment_equal_to: Option<String>,
    pub comment_contains: Option<String>,
    /// Lowercase hex.
    pub certificate_digest: Option<String>,
    /// Only records whose id sorts after this one (records are listed by id).
    pub after_id: Option<Uuid>,
    pub limit: Option<usize>,
}

fn invalid(why: impl std::fmt::Display) -> HvsError {
    bad(format!("{INVALID_INPUT}: {why}"))
}

/// SHA-384 of the DER certificate, hex: SecL's `certificate_digest`, and what the PrivacyCA
/// looks a presented EK certificate up by.
pub fn certificate_digest(der: &[u8]) -> String {
    hex::encode(Sha384::digest(der))
}

/// The DER certificate in `certificate`: base64 of DER, or base64 of PEM as SecL's own
/// clients send it; anything else is refused, so only a real certificate is ever registered.
/// Padding after the DER (0x00 or 0xff, as an EK certificate read whole from a generously
/// sized NV index has) is cut, since the TPM side presents the certificate without it.
fn certificate_der(certificate: &str) -> Result<(Vec<u8>, String)> {
    let raw = B64
        .decode(certificate.trim())
        .map_err(|_| invalid("certificate is not valid base64"))?;
    let der = if raw.starts_with(b"-----BEGIN") {
        let certs =
            secl_saml::certs_from_pem(&raw).map_err(|e| invalid(format!("certificate: {e}")))?;
        match certs.as_slice() {
            [one] => one.clone(),
            _ => return Err(invalid("certificate must hold exactly one PEM certificate")),
        }
    } else {
        raw
    };
    let (len, issuer) = match x509_parser::parse_x509_certificate(&der) {
        Ok((rest, cert)) if rest.iter().all(|b| *b == 0 || *b == 0xff) => {
            (der.len() - rest.len(), cert.issuer().to_string())
        }
        _ => return Err(invalid("certificate is not a DER X.509 certificate")),
    };
    Ok((der[..len].to_vec(), issuer))
}

/// A hardware UUID as given: the nil UUID (or an empty string) means none.
fn hardware_uuid(v: &str) -> Result<Uuid> {
    if v.trim().is_empty() {
        return Ok(Uuid::nil());
    }
    Uuid::try_parse(v.trim()).map_err(|_| invalid("hardware_uuid is not a UUID"))
}

/// Issuers and comments are shown in tables and logs: bounded, no control characters.
fn text(field: &str, v: &str) -> Result<String> {
    if v.len() > MAX_TEXT || v.chars().any(char::is_control) {
        return Err(invalid(format!(
            "{field} must be at most {MAX_TEXT} bytes without control characters"
        )));
    }
    Ok(v.to_string())
}

impl Hvs {
    /// SecL's `POST /tpm-endorsements`. Unlike SecL, the issuer defaults to the certificate's
    /// and the hardware UUID may be left out; a certificate or (non-nil) hardware UUID that is
    /// registered already is refused, so one EK has one answer.
    pub async fn create_endorsement(&self, req: EndorsementInput) -> Result<EndorsementRecord> {
        let Some(certificate) = req.certificate.as_deref().filter(|c| !c.trim().is_empty()) else {
            return Err(bad("certificate must be specified"));
        };
        let (der, cert_issuer) = certificate_der(certificate)?;
        let hardware_uuid = hardware_uuid(req.hardware_uuid.as_deref().unwrap_or(""))?;
        let issuer = match req.issuer.as_deref().filter(|i| !i.trim().is_empty()) {
            Some(i) => text("issuer", i)?,
            None => cert_issuer,
        };
        let comment = text("comment", req.comment.as_deref().unwrap_or(""))?;
        let record = EndorsementRecord {
            id: Uuid::new_v4(),
            hardware_uuid,
            issuer,
            revoked: req.revoked.unwrap_or(false),
            certificate: B64.encode(&der),
            comment,
            certificate_digest: certificate_digest(&der),
        };
        self.refuse_duplicates(&record).await?;
        self.store
            .insert(KIND_ENDORSEMENT, &record.id.to_string(), &json(&record)?)
            .await?;
        tracing::info!(id = %record.id, revoked = record.revoked, "EK certificate registered");
        Ok(record)
    }

    /// SecL's `PUT /tpm-endorsements/{id}`: the fields given replace the stored ones. Unlike
    /// SecL, a body without `revoked` keeps the state, so an edited comment never un-revokes.
    pub async fn update_endorsement(
        &self,
        id: Uuid,
        req: EndorsementInput,
    ) -> Result<Option<EndorsementRecord>> {
        let Some(mut record) = self.endorsement(id).await? else {
            return Ok(None);
        };
        if let Some(c) = req.certificate.as_deref().filter(|c| !c.trim().is_empty()) {
            let (der, _) = certificate_der(c)?;
            record.certificate = B64.encode(&der);
            record.certificate_digest = certificate_digest(&der);
        }
        if let Some(h) = req
            .hardware_uuid
            .as_deref()
            .filter(|h| !h.trim().is_empty())
        {
            record.hardware_uuid = hardware_uuid(h)?;
        }
        if let Some(i) = req.issuer.as_deref().filter(|i| !i.trim().is_empty()) {
            record.issuer = text("issuer", i)?;
        }
        if let Some(c) = req.comment.as_deref() {
            record.comment = text("comment", c)?;
        }
        if let Some(r) = req.revoked {
            record.revoked = r;
        }
        self.refuse_duplicates(&record).await?;
        self.store
            .put(KIND_ENDORSEMENT, &id.to_string(), &json(&record)?)
            .await?;
        tracing::info!(%id, revoked = record.revoked, "EK registration updated");
        Ok(Some(record))
    }

    /// Another registration of the same certificate or hardware UUID makes `record` 400.
    async fn refuse_duplicates(&self, record: &EndorsementRecord) -> Result<()> {
        for other in self.all_endorsements().await? {
            if other.id == record.id {
                continue;
            }
            if !record.hardware_uuid.is_nil() && other.hardware_uuid == record.hardware_uuid {
                return Err(bad("TpmEndorsement with same hardware_uuid already exist."));
            }
            if other.certificate_digest == record.certificate_digest {
                return Err(bad(format!(
                    "TpmEndorsement with same certificate already exist ({}).",
                    other.id
                )));
            }
        }
        Ok(())
    }

    async fn all_endorsements(&self) -> Result<Vec<EndorsementRecord>> {
        self.store
            .list(KIND_ENDORSEMENT)
            .await?
            .iter()
            .map(|(_, v)| from_json(KIND_ENDORSEMENT, v))
            .collect()
    }

    /// Every registration matching `f`, by id.
    pub async fn endorsements(&self, f: &EndorsementFilter) -> Result<Vec<EndorsementRecord>> {
        let mut all = self.all_endorsements().await?;
        let contains =
            |hay: &str, needle: &str| hay.to_lowercase().contains(&needle.to_lowercase());
        all.retain(|e| {
            f.id.is_none_or(|id| e.id == id)
                && f.hardware_uuid.is_none_or(|h| e.hardware_uuid == h)
                && f.issuer_equal_to.as_deref().is_none_or(|s| e.issuer == s)
                && f.issuer_contains
                    .as_deref()
                    .is_none_or(|s| contains(&e.issuer, s))
                && f.revoked.is_none_or(|r| e.revoked == r)
                && f.comment_equal_to.as_deref().is_none_or(|s| e.comment == s)
                && f.comment_contains
                    .as_deref()
                    .is_none_or(|s| contains(&e.comment, s))
                && f.certificate_digest
                    .as_deref()
                    .is_none_or(|d| e.certificate_digest.eq_ignore_ascii_case(d))
                && f.after_id.is_none_or(|a| e.id > a)
        });
        all.sort_by_key(|e| e.id);
        if let Some(limit) = f.limit {
            all.truncate(limit);
        }
        Ok(all)
    }

    pub async fn endorsement(&self, id: Uuid) -> Result<Option<EndorsementRecord>> {
        match self.store.get(KIND_ENDORSEMENT, &id.to_string()).await? {
            Some(v) => Ok(Some(from_json(KIND_ENDORSEMENT, &v)?)),
            None => Ok(None),
        }
    }

    pub async fn delete_endorsement(&self, id: Uuid) -> Result<bool> {
        let done = self.store.delete(KIND_ENDORSEMENT, &id.to_string()).await?;
        if done {
            tracing::info!(%id, "EK registration deleted");
        }
        Ok(done)
    }

    /// The registrations of exactly this DER certificate (found by digest, then compared byte
    /// for byte, so a digest alone never vouches for anything).
    async fn registrations_of(&self, ek_der: &[u8]) -> Result<Vec<EndorsementRecord>> {
        let digest = certificate_digest(ek_der);
        let mut out = self
            .endorsements(&EndorsementFilter {
                certificate_digest: Some(digest),
                ..EndorsementFilter::default()
            })
            .await?;
        out.retain(|e| B64.decode(&e.certificate).is_ok_and(|c| c == ek_der));
        Ok(out)
    }

    /// The EK check both AIK protocols share. A registration of this very certificate decides
    /// first: revoked refuses (whatever the chain), not revoked accepts. Without one, the
    /// certificate must chain to a configured EK CA, unless registration is required.
    pub async fn check_ek_certificate(&self, ek_der: &[u8]) -> Result<()> {
        let registrations = self.registrations_of(ek_der).await?;
        if let Some(revoked) = registrations.iter().find(|e| e.revoked) {
            return Err(bad(format!(
                "{EK_NOT_TRUSTED}: the EK certificate is registered (TpmEndorsement {}) and revoked",
                revoked.id
            )));
        }
        if !registrations.is_empty() {
            return Ok(());
        }
        if self.require_ek_registration {
            return Err(bad(format!(
                "{EK_NOT_TRUSTED}: the EK certificate is not registered (/tpm-endorsements) and \
                 this HVS requires registration (--require-ek-registration)"
            )));
        }
        self.check_ek_chain(ek_der).map_err(|e| match e {
            HvsError::BadRequest(m) => {
                HvsError::BadRequest(format!("{m}; the EK certificate is not registered either"))
            }
            other => other,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn certificates_are_checked() {
        let ck = rcgen::generate_simple_self_signed(vec!["ek.test".to_string()]).unwrap();
        let der = ck.cert.der().to_vec();
        let (got, issuer) = certificate_der(&B64.encode(&der)).unwrap();
        assert_eq!(got, der);
        assert!(!issuer.is_empty());
        let (from_pem, _) = certificate_der(&B64.encode(ck.cert.pem())).unwrap();
        assert_eq!(from_pem, der);
        for junk in [
            "%%%",
            &B64.encode(b"not a certificate"),
            &B64.encode(&der[..40]),
        ] {
            let err = certificate_der(junk).unwrap_err().to_string();
            assert!(err.starts_with(INVALID_INPUT), "{err}");
        }
        let mut padded = der.clone();
        padded.extend([0, 0xff]);
        assert_eq!(certificate_der(&B64.encode(&padded)).unwrap().0, der);
        padded.push(0x42);
        assert!(certificate_der(&B64.encode(&padded)).is_err());
    }

    #[test]
    fn uuids_and_text_are_checked() {
        assert!(hardware_uuid("").unwrap().is_nil());
        assert!(hardware_uuid("not-a-uuid").is_err());
        assert!(text("comment", "rack 12, bought 2024").is_ok());
        assert!(text("comment", "a\nb").is_err());
        assert!(text("comment", &"x".repeat(MAX_TEXT + 1)).is_err());
    }
}
