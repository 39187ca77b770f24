//! Key-encryption keys from the owner's KBS, for the isecl key wrapper.

use std::sync::Arc;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use secl_api::client::KbsClient;
use secl_api::kbs::{KeyInformation, KeyRequest};
use secl_ocicrypt::isecl::KekSource;
use secl_ocicrypt::{Error, Result};
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::EnvelopeKey;

/// Which KBS key the layers are sealed under.
#[derive(Clone, Debug)]
pub enum KeyChoice {
    /// A new AES-256 key, optionally with an asset-tag usage policy (`k:v[,k:v]`) and a label.
    New {
        usage: Option<String>,
        label: Option<String>,
    },
    /// An existing key, by id (needs only `keys:transfer`).
    Existing(Uuid),
}

/// Gets KEKs from a KBS by envelope transfer to the owner's envelope key.
pub struct KbsKekSource {
    client: KbsClient,
    envelope: Arc<EnvelopeKey>,
    choice: KeyChoice,
}

impl KbsKekSource {
    pub fn new(client: KbsClient, envelope: Arc<EnvelopeKey>, choice: KeyChoice) -> Self {
        Self {
            client,
            envelope,
            choice,
        }
    }

    async fn transfer(
        &self,
        id: Uuid,
        what: &str,
    ) -> std::result::Result<Zeroizing<[u8; 32]>, String> {
        let answer = self
            .client
            .transfer_key(id, self.envelope.public_pem())
            .await
            .map_err(|e| match e.hint() {
                Some(h) => format!("KBS envelope transfer of key {id} ({what}): {e} ({h})"),
                None => format!("KBS envelope transfer of key {id} ({what}): {e}"),
            })?;
        let wrapped = STANDARD
            .decode(answer.wrapped_key.as_bytes())
            .map_err(|_| "the KBS answered a wrapped key that is not base64".to_string())?;
        let kek = self.envelope.unwrap(&wrapped).map_err(|e| e.to_string())?;
        let kek: [u8; 32] = kek.as_slice().try_into().map_err(|_| {
            format!(
                "key {id} is {} bytes long; the isecl wrapper needs an AES-256 key",
                kek.len()
            )
        })?;
        Ok(Zeroizing::new(kek))
    }

    fn transfer_link(&self, id: Uuid) -> String {
        format!(
            "{}/kbs/v1/keys/{id}/transfer",
            self.client.base_url().trim_end_matches('/')
        )
    }
}

#[async_trait::async_trait]
impl KekSource for KbsKekSource {
    async fn new_kek(&self) -> Result<(String, Zeroizing<[u8; 32]>)> {
        let (id, url) = match &self.choice {
            KeyChoice::Existing(id) => (*id, self.transfer_link(*id)),
            KeyChoice::New { usage, label } => {
                let req = KeyRequest {
                    key_information: KeyInformation {
                        algorithm: "AES".into(),
                        key_length: Some(256),
                        ..Default::default()
                    },
                    usage: usage.clone(),
                    label: label.clone(),
                    ..Default::default()
                };
                let key = self.client.create_key(&req).await.map_err(|e| {
                    Error::Wrap(match e.hint() {
                        Some(h) => format!("creating a key in the KBS: {e} ({h})"),
                        None => format!("creating a key in the KBS: {e}"),
                    })
                })?;
                let id = key
                    .key_information
                    .id
                    .ok_or_else(|| Error::Wrap("the KBS answered a key without an id".into()))?;
                (id, key.transfer_link)
            }
        };
        let kek = self
            .transfer(id, "new layer key")
            .await
            .map_err(Error::Wrap)?;
        Ok((url, kek))
    }

    async fn kek_for(&self, key_url: &str) -> Result<Zeroizing<[u8; 32]>> {
        let id = key_id_from_url(key_url)
            .ok_or_else(|| Error::Unwrap(format!("the key URL {key_url:?} names no key id")))?;
        self.transfer(id, key_url).await.map_err(Error::Unwrap)
    }
}

/// The key id in a SecL transfer link: the first UUID v4 in it (as SecL's WLS finds it).
pub fn key_id_from_url(url: &str) -> Option<Uuid> {
    let bytes = url.as_bytes();
    (0..bytes.len().saturating_sub(35)).find_map(|i| {
        let candidate = url.get(i..i + 36)?;
        Uuid::try_parse(candidate)
            .ok()
            .filter(|u| u.get_version_num() == 4 && candidate.as_bytes()[8] == b'-')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_ids_from_transfer_links() {
        let id = "fc0cc779-22b6-4741-b0d9-e2e69635ad1e";
        for url in [
            format!("https://kbs.example.com:9443/kbs/v1/keys/{id}/transfer"),
            format!(
                "https://kbs:9443/kbs/v1//keys/{}/transfer",
                id.to_uppercase()
            ),
            id.to_string(),
        ] {
            assert_eq!(key_id_from_url(&url).unwrap().to_string(), id, "{url}");
        }
        for url in [
            "https://kbs/kbs/v1/keys/transfer",
            "https://kbs/kbs/v1/keys/6ba7b810-9dad-11d1-80b4-00c04fd430c8/transfer",
            "",
        ] {
            assert!(key_id_from_url(url).is_none(), "{url}");
        }
    }
}
