//! Bearer tokens issued by a secl service itself. The secret is shown once; the store keeps only its
//! SHA-256, so a copy of the database does not hand out credentials.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::Rng;
use secl_api::Rule;
use secl_api::kbs::TokenResponse;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use time::OffsetDateTime;
use uuid::Uuid;

const PREFIX: &str = "secl";

/// What the store keeps about a token.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct TokenRecord {
    pub id: Uuid,
    pub name: String,
    pub permissions: Vec<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub expires_at: Option<OffsetDateTime>,
    pub revoked: bool,
    /// Hex SHA-256 of the secret part.
    pub secret_sha256: String,
}

impl TokenRecord {
    pub fn to_response(&self) -> TokenResponse {
        TokenResponse {
            id: self.id,
            name: self.name.clone(),
            permissions: self.permissions.clone(),
            created_at: self.created_at,
            expires_at: self.expires_at,
            revoked: self.revoked,
            token: None,
        }
    }

    /// Parsed rules; a rule that no longer parses grants nothing.
    pub fn rules(&self) -> Vec<Rule> {
        self.permissions
            .iter()
            .filter_map(|p| p.parse().ok())
            .collect()
    }
}

/// A fresh token: the record to store and the bearer string to hand out once.
pub fn mint(
    name: &str,
    permissions: Vec<String>,
    expires_at: Option<OffsetDateTime>,
) -> (TokenRecord, String) {
    let id = Uuid::new_v4();
    let mut secret = [0u8; 32];
    rand::rng().fill_bytes(&mut secret);
    let secret = URL_SAFE_NO_PAD.encode(secret);
    let record = TokenRecord {
        id,
        name: name.to_string(),
        permissions,
        created_at: OffsetDateTime::now_utc(),
        expires_at,
        revoked: false,
        secret_sha256: hex::encode(Sha256::digest(secret.as_bytes())),
    };
    let bearer = format!("{PREFIX}.{}.{secret}", id.simple());
    (record, bearer)
}

/// Splits a bearer string into its id and secret; None when it is not one of ours.
pub fn split(bearer: &str) -> Option<(Uuid, &str)> {
    let mut parts = bearer.splitn(3, '.');
    if parts.next()? != PREFIX {
        return None;
    }
    let id = Uuid::try_parse(parts.next()?).ok()?;
    let secret = parts.next()?;
    (secret.len() == 43).then_some((id, secret))
}

/// Constant-time check of a presented secret against the stored digest.
pub fn secret_matches(record: &TokenRecord, secret: &str) -> bool {
    let want = hex::encode(Sha256::digest(secret.as_bytes()));
    let (a, b) = (want.as_bytes(), record.secret_sha256.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minted_token_verifies_and_others_do_not() {
        let (rec, bearer) = mint("ci", vec!["keys:create:*".into()], None);
        let (id, secret) = split(&bearer).unwrap();
        assert_eq!(id, rec.id);
        assert!(secret_matches(&rec, secret));
        let (other, other_bearer) = mint("x", vec![], None);
        let (_, other_secret) = split(&other_bearer).unwrap();
        assert!(!secret_matches(&rec, other_secret));
        assert!(!secret_matches(&other, secret));
    }

    #[test]
    fn foreign_strings_are_not_tokens() {
        for s in [
            "",
            "secl",
            "secl.x.y",
            "jwt.header.sig",
            "secl.00000000000000000000000000000000.short",
        ] {
            assert!(split(s).is_none(), "{s}");
        }
    }
}
