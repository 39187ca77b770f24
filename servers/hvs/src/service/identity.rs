//! SecL's PrivacyCA routes (`privacyca/identity-challenge-request` and
//! `privacyca/identity-challenge-response`), as Intel's trust agent uses them: the same EK
//! check and the same AIK certificate as `rpc/aik-challenge`, with SecL's encrypted payloads.
//!
//! Unlike SecL, the pending challenge lives in the store (keyed by the SHA-256 of the
//! challenge, never the challenge itself), expires after [`CHALLENGE_TTL`], is claimed before
//! use so it answers once, and the AIK's name must be that of a restricted signing key with the
//! announced modulus ([`requested_aik`]), since the protocol carries no public area.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use rand::Rng;
use secl_attest::privacy_ca::certificate_public_key;
use secl_attest::privacy_ca::identity::{
    IdentityChallengePayload, IdentityProofRequest, proof_request, requested_aik,
    split_der_certificates,
};
use secl_attest::tpm2::Public;
use secl_attest::verify::check_aik_attributes;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;

use super::{CHALLENGE_TTL, Hvs, from_json, issuer_of, json, subject_of};
use crate::error::{Result, bad, internal};

const KIND_IDENTITY: &str = "hvs-identity-challenge";
/// Size of the challenge HVS encrypts to the host (SecL's is 32 random bytes as well).
const CHALLENGE_LEN: usize = 32;

/// What the second call needs from the first; kept in the store until claimed or expired.
#[derive(Debug, Serialize, Deserialize)]
struct PendingIdentity {
    aik_modulus: String,
    aik_name: String,
    ek_certificate: String,
    expires_unix: i64,
}

fn challenge_key(challenge: &[u8]) -> String {
    hex::encode(Sha256::digest(challenge))
}

/// The leaf of a DER blob of one or more certificates: the one that issued none of the others.
fn leaf_certificate(blob: &[u8]) -> Result<Vec<u8>> {
    let certs =
        split_der_certificates(blob).map_err(|e| bad(format!("Invalid EK certificate: {e}")))?;
    let mut names = Vec::with_capacity(certs.len());
    for c in &certs {
        let subject = subject_of(c).map_err(|e| bad(format!("Invalid EK certificate: {e}")))?;
        let issuer = issuer_of(c).map_err(|e| bad(format!("Invalid EK certificate: {e}")))?;
        names.push((subject, issuer));
    }
    let leaf = names.iter().position(|(subject, _)| {
        !names
            .iter()
            .any(|(other_subject, issuer)| issuer == subject && other_subject != subject)
    });
    let leaf = leaf.ok_or_else(|| bad("Invalid EK certificate: no leaf in the chain"))?;
    Ok(certs[leaf].to_vec())
}

impl Hvs {
    /// First call: the EK certificate, sealed to the PrivacyCA, must pass the EK check (a
    /// configured EK CA or the EK registry, [`Hvs::check_ek_certificate`]); the answer is a fresh challenge only that TPM, with that AIK, can read.
    pub async fn identity_challenge_request(
        &self,
        payload: IdentityChallengePayload,
    ) -> Result<IdentityProofRequest> {
        let aik = self.requested_aik(&payload)?;
        let ek_blob = self
            .ca
            .open_identity_payload(&payload)
            .map_err(|e| bad(format!("Cannot read the EK certificate: {e}")))?;
        let ek_der = leaf_certificate(&ek_blob)?;
        self.check_ek_certificate(&ek_der).await?;
        let ek_key = certificate_public_key(&ek_der)
            .map_err(|e| bad(format!("Invalid EK certificate: {e}")))?;
        let name = aik.name().map_err(internal)?;

        let mut challenge = zeroize::Zeroizing::new([0u8; CHALLENGE_LEN]);
        rand::rng().fill_bytes(challenge.as_mut());
        let proof = proof_request(&ek_key, &name, challenge.as_ref())
            .map_err(|e| bad(format!("Cannot make a credential for this EK and AIK: {e}")))?;
        self.make_room(KIND_IDENTITY).await?;
        let pending = PendingIdentity {
            aik_modulus: B64.encode(&aik.modulus),
            aik_name: B64.encode(&name),
            ek_certificate: B64.encode(&ek_der),
            expires_unix: (OffsetDateTime::now_utc() + CHALLENGE_TTL).unix_timestamp(),
        };
        self.store
            .insert(
                KIND_IDENTITY,
                &challenge_key(challenge.as_ref()),
                &json(&pending)?,
            )
            .await?;
        Ok(proof)
    }

    /// Second call: the released challenge, sealed to the PrivacyCA, must be a pending one
    /// (claimed here, so it answers once); the answer is the AIK certificate, readable again
    /// only by that TPM with that AIK.
    pub async fn identity_challenge_response(
        &self,
        payload: IdentityChallengePayload,
    ) -> Result<IdentityProofRequest> {
        let unknown = || {
            bad(
                "The challenge answer matches no pending challenge (wrong, already used or expired)",
            )
        };
        let challenge = self
            .ca
            .open_identity_payload(&payload)
            .map_err(|e| bad(format!("Cannot read the challenge answer: {e}")))?;
        if challenge.len() != CHALLENGE_LEN {
            return Err(unknown());
        }
        let id = challenge_key(&challenge);
        let Some(raw) = self.store.get(KIND_IDENTITY, &id).await? else {
            return Err(unknown());
        };
        if !self.store.delete(KIND_IDENTITY, &id).await? {
            return Err(unknown());
        }
        let pending: PendingIdentity = from_json(KIND_IDENTITY, &raw)?;
        if pending.expires_unix < OffsetDateTime::now_utc().unix_timestamp() {
            return Err(bad("The challenge expired: start again"));
        }
        let name = B64.decode(&pending.aik_name).map_err(internal)?;
        if let Some(sent) = payload.identity_request.aik_name.as_deref()
            && !sent.is_empty()
            && sent != name.as_slice()
        {
            return Err(bad("aik_name is not the AIK the challenge was made for"));
        }
        let modulus = B64.decode(&pending.aik_modulus).map_err(internal)?;
        let aik = secl_attest::privacy_ca::identity::secl_aik_public(&modulus);
        let key = aik.rsa_public_key().map_err(internal)?;
        let aik_cert = self
            .ca
            .issue_aik_certificate(&key, &name)
            .map_err(internal)?;
        let ek_der = B64.decode(&pending.ek_certificate).map_err(internal)?;
        let ek_key = certificate_public_key(&ek_der).map_err(internal)?;
        proof_request(&ek_key, &name, &aik_cert).map_err(internal)
    }

    /// The AIK of a first call: TPM 2.0, a 2048-bit modulus, and a name that is the name of
    /// a restricted signing key with that modulus.
    fn requested_aik(&self, payload: &IdentityChallengePayload) -> Result<Public> {
        let aik = requested_aik(&payload.identity_request)
            .map_err(|e| bad(format!("Invalid identity_request: {e}")))?;
        check_aik_attributes(&aik).map_err(|e| bad(format!("Invalid identity_request: {e}")))?;
        Ok(aik)
    }
}

#[cfg(test)]
mod tests {
    use secl_attest::privacy_ca::identity::{IdentityRequest, seal_payload};
    use uuid::Uuid;

    use super::*;
    use crate::error::HvsError;

    async fn hvs() -> (Hvs, std::path::PathBuf) {
        let dir = std::env::temp_dir().join(format!("secl-hvs-identity-{}", Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let store = secl_store::open(dir.to_str().unwrap()).await.unwrap();
        let hvs = Hvs::open(store, &dir, Vec::new(), 60, "test".into()).unwrap();
        (hvs, dir)
    }

    fn pending(expires_unix: i64) -> Vec<u8> {
        json(&PendingIdentity {
            aik_modulus: B64.encode([0xc5u8; 256]),
            aik_name: B64.encode([0u8; 34]),
            ek_certificate: String::new(),
            expires_unix,
        })
        .unwrap()
    }

    /// An expired challenge is refused as such, and claimed all the same: a second answer
    /// finds nothing.
    #[tokio::test]
    async fn expired_challenges_are_refused_and_used_up() {
        let (hvs, dir) = hvs().await;
        let challenge = [7u8; CHALLENGE_LEN];
        let past = OffsetDateTime::now_utc().unix_timestamp() - 1;
        hvs.store
            .insert(KIND_IDENTITY, &challenge_key(&challenge), &pending(past))
            .await
            .unwrap();
        let ca = certificate_public_key(hvs.privacy_ca_der()).unwrap();
        let answer = seal_payload(&ca, &challenge, IdentityRequest::default()).unwrap();
        let err = hvs
            .identity_challenge_response(answer.clone())
            .await
            .unwrap_err();
        assert!(err.to_string().contains("expired"), "{err}");
        let err = hvs.identity_challenge_response(answer).await.unwrap_err();
        assert!(err.to_string().contains("no pending challenge"), "{err}");
        drop(hvs);
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// Pending challenges are bounded: expired ones are swept, live ones count.
    #[tokio::test]
    async fn pending_challenges_are_bounded() {
        let (hvs, dir) = hvs().await;
        let now = OffsetDateTime::now_utc().unix_timestamp();
        for i in 0..super::super::MAX_PENDING_CHALLENGES {
            hvs.store
                .insert(KIND_IDENTITY, &format!("live-{i}"), &pending(now + 300))
                .await
                .unwrap();
        }
        hvs.store
            .insert(KIND_IDENTITY, "old", &pending(now - 1))
            .await
            .unwrap();
        let err = hvs.make_room(KIND_IDENTITY).await.unwrap_err();
        assert!(matches!(err, HvsError::TooMany(_)), "{err}");
        assert!(hvs.store.get(KIND_IDENTITY, "old").await.unwrap().is_none());
        hvs.store.delete(KIND_IDENTITY, "live-0").await.unwrap();
        hvs.make_room(KIND_IDENTITY).await.unwrap();
        drop(hvs);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
