//! Signed image flavors (SecL v4 `/wls/v1/flavors`): parsing, signature verification against
//! the configured flavor-signing certificates, and storage.
//!
//! The signature is RSA PKCS#1 v1.5 with SHA-384 over [`secl_api::wls::signed_bytes`] of the
//! `flavor` member's text as received, so verification does not depend on how this server
//! would serialise the flavor. The text is stored as received (minus insignificant
//! whitespace) and served back unchanged, so a downloaded flavor verifies again.

use std::path::Path;
use std::sync::Arc;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use rsa::pkcs8::DecodePublicKey;
use rsa::{Pkcs1v15Sign, PublicKey};
use secl_api::wls::{FLAVOR_PARTS, ImageFlavor, find_uuid_v4, minify_json, signed_bytes};
use secl_store::{Store, StoreError};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use sha2::{Digest, Sha256, Sha384};
use time::OffsetDateTime;
use uuid::Uuid;

use crate::error::{Result, WlsError, bad, internal};

const KIND_FLAVOR: &str = "wls.flavor";
/// Label → flavor id, so that a duplicate label is refused atomically by the store.
const KIND_LABEL: &str = "wls.flavor_label";
/// Longest label accepted.
const MAX_LABEL: usize = 255;
/// Longest signature (base64) accepted: RSA-16384 is 2731 characters.
const MAX_SIGNATURE: usize = 4096;

/// A certificate whose key may sign flavors.
#[derive(Debug, Clone)]
pub struct Signer {
    pub subject: String,
    key: PublicKey,
    not_before: OffsetDateTime,
    not_after: OffsetDateTime,
}

/// Loads every certificate of the PEM files; each must hold an RSA key.
pub fn load_signers(paths: &[std::path::PathBuf]) -> Result<Vec<Signer>> {
    let mut out = Vec::new();
    for path in paths {
        let pem = std::fs::read(path)
            .map_err(|e| WlsError::Config(format!("cannot read {}: {e}", path.display())))?;
        for der in secl_saml::certs_from_pem(&pem)
            .map_err(|e| WlsError::Config(format!("{}: {e}", path.display())))?
        {
            out.push(signer(&der, path)?);
        }
    }
    Ok(out)
}

fn signer(der: &[u8], path: &Path) -> Result<Signer> {
    let cfg = |m: &str| WlsError::Config(format!("{}: {m}", path.display()));
    let (_, cert) =
        x509_parser::parse_x509_certificate(der).map_err(|_| cfg("not an X.509 certificate"))?;
    let key = PublicKey::from_public_key_der(cert.public_key().raw)
        .map_err(|_| cfg("the certificate does not hold an RSA key"))?;
    let time = |t: x509_parser::time::ASN1Time| {
        OffsetDateTime::from_unix_timestamp(t.timestamp()).map_err(|_| cfg("bad validity"))
    };
    Ok(Signer {
        subject: cert.subject().to_string(),
        key,
        not_before: time(cert.validity().not_before)?,
        not_after: time(cert.validity().not_after)?,
    })
}

/// A flavor upload, parsed and checked but not yet verified.
#[derive(Debug)]
pub struct Upload {
    pub flavor: ImageFlavor,
    /// The `flavor` member's text, minus insignificant whitespace.
    pub raw: String,
    pub signature: Vec<u8>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UploadBody<'a> {
    #[serde(borrow)]
    flavor: &'a RawValue,
    signature: String,
}

/// Parses `{"flavor": {...}, "signature": "<base64>"}` and checks the flavor's shape.
pub fn parse_upload(body: &[u8]) -> Result<Upload> {
    let text = std::str::from_utf8(body).map_err(|_| bad("The request body is not UTF-8"))?;
    let b: UploadBody<'_> =
        serde_json::from_str(text).map_err(|e| bad(format!("Invalid signed flavor: {e}")))?;
    let flavor: ImageFlavor =
        serde_json::from_str(b.flavor.get()).map_err(|e| bad(format!("Invalid flavor: {e}")))?;
    let sig = b.signature.trim();
    if sig.is_empty() {
        return Err(bad("Flavor signature is missing"));
    }
    if sig.len() > MAX_SIGNATURE {
        return Err(bad("Flavor signature is too long"));
    }
    let signature = B64
        .decode(sig)
        .map_err(|_| bad("Flavor signature is not base64"))?;
    check_flavor(&flavor)?;
    Ok(Upload {
        flavor,
        raw: minify_json(b.flavor.get()),
        signature,
    })
}

fn check_flavor(f: &ImageFlavor) -> Result<()> {
    let d = &f.meta.description;
    if !FLAVOR_PARTS.contains(&d.flavor_part.as_str()) {
        return Err(bad(format!(
            "Invalid flavor part {:?}: must be IMAGE or CONTAINER_IMAGE",
            d.flavor_part
        )));
    }
    if d.label.trim().is_empty()
        || d.label.len() > MAX_LABEL
        || d.label.chars().any(char::is_control)
    {
        return Err(bad(format!(
            "Invalid flavor label: 1 to {MAX_LABEL} bytes without control characters"
        )));
    }
    if f.meta.id.is_nil() {
        return Err(bad("Invalid flavor id: the nil UUID"));
    }
    match (&f.encryption, f.encryption_required) {
        (Some(e), _) => {
            crate::keys::KeyTarget::parse(&e.key_url)
                .map_err(|m| bad(format!("Invalid flavor key_url: {m}")))?;
        }
        (None, true) => {
            return Err(bad(
                "Flavor requires encryption but has no encryption.key_url",
            ));
        }
        (None, false) => {}
    }
    Ok(())
}

/// Verifies `u`'s signature under the first signer certificate that is valid `now` and whose
/// key verifies it; returns that signer's subject.
pub fn verify(u: &Upload, signers: &[Signer], now: OffsetDateTime) -> Result<String> {
    if signers.is_empty() {
        return Err(WlsError::Unauthorized(
            "Flavor signature cannot be verified: no flavor-signing certificate is configured \
             (--flavor-signing-cert)"
                .into(),
        ));
    }
    let hashed = Sha384::digest(signed_bytes(&u.raw));
    let scheme = || Pkcs1v15Sign::new::<Sha384>();
    let valid = signers
        .iter()
        .filter(|s| s.not_before <= now && now <= s.not_after);
    for s in valid {
        if s.key.verify(scheme(), &hashed, &u.signature).is_ok() {
            return Ok(s.subject.clone());
        }
    }
    Err(WlsError::Unauthorized(format!(
        "Flavor signature does not verify under any of the {} trusted flavor-signing \
         certificate(s) that are valid now",
        signers.len()
    )))
}

/// What the store keeps per flavor.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FlavorRecord {
    pub id: Uuid,
    pub label: String,
    /// The key id of `encryption.key_url`, for `--require-image-flavor`.
    #[serde(default)]
    pub key_id: Option<Uuid>,
    /// The flavor's text as received (minus insignificant whitespace).
    pub flavor: String,
    /// Base64.
    pub signature: String,
    /// Subject of the certificate that verified the signature.
    pub signer: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

#[derive(Serialize)]
struct SignedOut<'a> {
    flavor: &'a RawValue,
    signature: &'a str,
}

impl FlavorRecord {
    /// `{"flavor": <as received>, "signature": "..."}`.
    pub fn to_json(&self) -> Result<Box<RawValue>> {
        let flavor = RawValue::from_string(self.flavor.clone()).map_err(internal)?;
        let text = serde_json::to_string(&SignedOut {
            flavor: &flavor,
            signature: &self.signature,
        })
        .map_err(internal)?;
        RawValue::from_string(text).map_err(internal)
    }

    fn image_flavor(&self) -> Option<ImageFlavor> {
        serde_json::from_str(&self.flavor).ok()
    }
}

fn label_key(label: &str) -> String {
    hex_lower(&Sha256::digest(label.as_bytes()))
}

fn hex_lower(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

fn decode(bytes: &[u8]) -> Result<FlavorRecord> {
    serde_json::from_slice(bytes).map_err(|e| internal(format!("stored flavor unreadable: {e}")))
}

/// Flavors in a shared store.
#[derive(Clone)]
pub struct Flavors {
    store: Arc<dyn Store>,
}

impl Flavors {
    pub fn new(store: Arc<dyn Store>) -> Self {
        Self { store }
    }

    /// Stores a verified upload; 409 on a duplicate id or label.
    pub async fn create(&self, u: &Upload, signer: String) -> Result<FlavorRecord> {
        let id = u.flavor.meta.id;
        let label = u.flavor.meta.description.label.clone();
        let key_id = u
            .flavor
            .encryption
            .as_ref()
            .and_then(|e| find_uuid_v4(&e.key_url))
            .map(|(_, k)| k);
        let record = FlavorRecord {
            id,
            label: label.clone(),
            key_id,
            flavor: u.raw.clone(),
            signature: B64.encode(&u.signature),
            signer,
            created_at: OffsetDateTime::now_utc(),
        };
        let dup_label = || WlsError::Conflict(format!("Flavor with Label {label} already exists"));
        let lk = label_key(&label);
        match self
            .store
            .insert(KIND_LABEL, &lk, id.to_string().as_bytes())
            .await
        {
            Ok(()) => {}
            Err(StoreError::Conflict { .. }) => {
                // A label left behind by a crash between the two writes may be taken over.
                let owner = self.store.get(KIND_LABEL, &lk).await?;
                let owner = owner
                    .and_then(|b| String::from_utf8(b).ok())
                    .and_then(|s| Uuid::try_parse(&s).ok());
                match owner {
                    Some(o) if self.get(o).await?.is_some() => return Err(dup_label()),
                    _ => {
                        self.store
                            .put(KIND_LABEL, &lk, id.to_string().as_bytes())
                            .await?
                    }
                }
            }
            Err(e) => return Err(e.into()),
        }
        let bytes = serde_json::to_vec(&record).map_err(internal)?;
        match self
            .store
            .insert(KIND_FLAVOR, &id.to_string(), &bytes)
            .await
        {
            Ok(()) => Ok(record),
            Err(StoreError::Conflict { .. }) => {
                self.store.delete(KIND_LABEL, &lk).await?;
                Err(WlsError::Conflict(format!(
                    "Flavor with UUID {id} already exists"
                )))
            }
            Err(e) => {
                let _ = self.store.delete(KIND_LABEL, &lk).await;
                Err(e.into())
            }
        }
    }

    pub async fn get(&self, id: Uuid) -> Result<Option<FlavorRecord>> {
        match self.store.get(KIND_FLAVOR, &id.to_string()).await? {
            Some(b) => Ok(Some(decode(&b)?)),
            None => Ok(None),
        }
    }

    /// Every flavor, oldest first, filtered by id and label when given.
    pub async fn list(&self, id: Option<Uuid>, label: Option<&str>) -> Result<Vec<FlavorRecord>> {
        let mut out = Vec::new();
        for (_, b) in self.store.list(KIND_FLAVOR).await? {
            let r = decode(&b)?;
            if id.is_some_and(|i| i != r.id) || label.is_some_and(|l| l != r.label) {
                continue;
            }
            out.push(r);
        }
        out.sort_by_key(|r| (r.created_at, r.id));
        Ok(out)
    }

    /// Removes a flavor and its label; false if there was none.
    pub async fn delete(&self, id: Uuid) -> Result<bool> {
        let Some(r) = self.get(id).await? else {
            return Ok(false);
        };
        let gone = self.store.delete(KIND_FLAVOR, &id.to_string()).await?;
        self.store.delete(KIND_LABEL, &label_key(&r.label)).await?;
        Ok(gone)
    }

    /// Whether some flavor's key URL names `key_id`.
    pub async fn names_key(&self, key_id: Uuid) -> Result<bool> {
        Ok(self.list(None, None).await?.iter().any(|r| {
            r.key_id == Some(key_id)
                || r.image_flavor()
                    .and_then(|f| f.encryption)
                    .and_then(|e| find_uuid_v4(&e.key_url))
                    .is_some_and(|(_, k)| k == key_id)
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body(flavor: &str, sig: &str) -> Vec<u8> {
        format!("{{\"flavor\": {flavor}, \"signature\": \"{sig}\"}}").into_bytes()
    }

    const FLAVOR: &str = r#"{"meta":{"id":"1b4e28ba-2fa1-41d2-883f-0016d3cca427","description":{"flavor_part":"CONTAINER_IMAGE","label":"app:1"}},"encryption_required":true,"encryption":{"key_url":"https://kbs:9443/kbs/v1/keys/fc0cc779-22b6-4741-b0d9-e2e69635ad1e/transfer"},"integrity_enforced":false}"#;

    #[test]
    fn uploads_are_checked() {
        let ok = parse_upload(&body(FLAVOR, "AAAA")).unwrap();
        assert_eq!(ok.raw, FLAVOR);
        let cases = [
            (body(FLAVOR, ""), "missing"),
            (body(FLAVOR, "!!"), "base64"),
            (
                body(&FLAVOR.replace("CONTAINER_IMAGE", "VM"), "AAAA"),
                "part",
            ),
            (body(&FLAVOR.replace("app:1", " "), "AAAA"), "label"),
            (
                body(
                    &FLAVOR.replace("fc0cc779-22b6-4741", "fc0cc779-22b6-1741"),
                    "AAAA",
                ),
                "key_url",
            ),
            (
                body(&FLAVOR.replace("\"meta\"", "\"extra\":1,\"meta\""), "AAAA"),
                "unknown",
            ),
            (b"{\"flavor\":{}}".to_vec(), "Invalid"),
            (b"not json".to_vec(), "Invalid"),
            (
                format!("{{\"flavor\":{FLAVOR},\"signature\":\"AAAA\",\"x\":1}}").into_bytes(),
                "unknown field",
            ),
        ];
        for (b, want) in cases {
            let e = parse_upload(&b).unwrap_err();
            assert!(
                matches!(e, WlsError::BadRequest(ref m) if m.contains(want)),
                "{want}: {e}"
            );
        }
    }
}
