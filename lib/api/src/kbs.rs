//! KBS wire types (SecL v5.1 shapes, plus this project's tokens and audit records).

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use uuid::Uuid;

/// Base path of every KBS route.
pub const BASE_PATH: &str = "/kbs/v1";

/// `key_information` of a key create request or response.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct KeyInformation {
    /// SecL clients send the zero UUID when they mean "none".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<Uuid>,
    #[serde(default)]
    pub algorithm: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_length: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub curve_type: Option<String>,
    /// Registering existing key material (SecL `keys:register`); not serialised back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_string: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kmip_key_id: Option<String>,
}

/// `POST /kbs/v1/keys` body.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct KeyRequest {
    pub key_information: KeyInformation,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer_policy_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Asset-tag usage policy, `k1:v1,k2:v2`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<String>,
}

/// A key as the KBS describes it (never its material).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct KeyResponse {
    pub key_information: KeyInformation,
    pub transfer_policy_id: Uuid,
    pub transfer_link: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usage: Option<String>,
}

/// v5 envelope transfer answer.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct KeyTransferResponse {
    /// Base64 of RSA-OAEP-SHA384 ciphertext of the key.
    pub wrapped_key: String,
}

/// v4 envelope transfer answer (`POST /keys/{id}/transfer`, `Content-Type: text/plain`).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct KeyTransferV4Response {
    pub id: Uuid,
    pub payload: String,
}

/// An imported SAML or TPM-identity certificate.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Certificate {
    pub id: Uuid,
    /// Base64 DER of the first certificate in the imported chain.
    pub certificate: String,
    pub subject: String,
    pub issuer: String,
    #[serde(with = "time::serde::rfc3339")]
    pub not_before: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub not_after: OffsetDateTime,
    pub revoked: bool,
    /// Hex SHA-384 of the first certificate's DER.
    pub digest: String,
    /// How many certificates the imported PEM held (the whole chain is kept).
    #[serde(default)]
    pub chain_length: usize,
}

/// The two certificate stores of a KBS.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CertKind {
    Saml,
    TpmIdentity,
}

impl CertKind {
    pub const ALL: [CertKind; 2] = [CertKind::Saml, CertKind::TpmIdentity];

    /// Route segment, e.g. `saml-certificates`.
    pub fn path(self) -> &'static str {
        match self {
            CertKind::Saml => "saml-certificates",
            CertKind::TpmIdentity => "tpm-identity-certificates",
        }
    }

    /// Permission resource, e.g. `saml_certificates`.
    pub fn resource(self) -> &'static str {
        match self {
            CertKind::Saml => "saml_certificates",
            CertKind::TpmIdentity => "tpm_identity_certificates",
        }
    }
}

/// Attestation types a transfer policy can name. SecL also knows SGX and TDX; this KBS refuses
/// them rather than store a policy it cannot enforce.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AttestationType {
    #[serde(rename = "TPM")]
    Tpm,
    #[serde(rename = "SGX")]
    Sgx,
    #[serde(rename = "TDX")]
    Tdx,
}

/// What a TPM-attested release must satisfy beyond the fixed release checks.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct TpmPolicy {
    /// A SAML report older than this (by its IssueInstant) is refused.
    pub max_report_age_seconds: u32,
}

impl Default for TpmPolicy {
    fn default() -> Self {
        Self {
            max_report_age_seconds: 300,
        }
    }
}

/// Create or update body of a key transfer policy.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct KeyTransferPolicyRequest {
    pub attestation_type: Vec<AttestationType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tpm: Option<TpmPolicy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sgx: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tdx: Option<serde_json::Value>,
}

/// A stored key transfer policy.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct KeyTransferPolicy {
    pub id: Uuid,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
    pub attestation_type: Vec<AttestationType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tpm: Option<TpmPolicy>,
    /// True for the policy keys get when they name none.
    #[serde(default)]
    pub default: bool,
}

/// `POST /kbs/v1/tokens` body.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct TokenRequest {
    pub name: String,
    /// SecL rules, e.g. `keys:create:*`.
    pub permissions: Vec<String>,
    /// Lifetime; none means the token lives until revoked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_in_seconds: Option<u64>,
}

/// A bearer token as listed. `token` is present only in the answer that created it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct TokenResponse {
    pub id: Uuid,
    pub name: String,
    pub permissions: Vec<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(default, with = "time::serde::rfc3339::option")]
    pub expires_at: Option<OffsetDateTime>,
    pub revoked: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
}

/// One line of the KBS audit trail.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct AuditRecord {
    /// Increasing sequence number.
    pub seq: u64,
    #[serde(with = "time::serde::rfc3339")]
    pub time: OffsetDateTime,
    /// `key.create`, `key.transfer`, `key.delete`, ...
    pub action: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_id: Option<Uuid>,
    /// `granted`, `denied` or `done`.
    pub outcome: String,
    /// Who asked: a token's name and id, or `saml`.
    pub actor: String,
    /// For denials, which check failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}
