//! Wire types of the secl Host Verification Service (`/hvs/v2`) and a typed async HTTPS client
//! for it.
//!
//! The client is a thin wrapper over [`ServiceClient`] like [`crate::client::KbsClient`]: it
//! trusts exactly the CA certificates of one PEM file, refuses plain `http://`, has connect and
//! request timeouts and never shows the bearer token (the HVS admin token) in `Debug`.

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use reqwest::{Method, RequestBuilder, Url};
use rustls_pki_types::CertificateDer;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use crate::http::{Error, Result};
use crate::http::{Message, Service, ServiceClient};
use crate::media;

/// Path of the HVS API under the server's base URL.
pub const BASE_PATH: &str = "/hvs/v2";

// ----- wire types -------------------------------------------------------------------------

/// `POST /hosts`: register a host running a trust agent. `Debug` hides the agent token.
#[derive(Clone, Serialize, Deserialize)]
pub struct HostCreateRequest {
    /// The agent's URL, e.g. `https://host:1443`.
    pub connection_string: String,
    /// PEM of the CA that issued the agent's TLS certificate.
    pub ta_ca_pem: String,
    /// The agent's bearer token; the HVS stores it sealed and never returns it.
    pub ta_token: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The flavor groups whose policies the host is verified against; empty means the
    /// server's default (`automatic`). Unknown names become new groups with the default
    /// policies, as in SecL.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flavorgroup_names: Vec<String>,
}

impl fmt::Debug for HostCreateRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HostCreateRequest")
            .field("connection_string", &self.connection_string)
            .field("ta_token", &"<redacted>")
            .field("description", &self.description)
            .field("flavorgroup_names", &self.flavorgroup_names)
            .finish_non_exhaustive()
    }
}

/// A registered host as the HVS shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Host {
    pub id: Uuid,
    pub hardware_uuid: String,
    #[serde(default)]
    pub host_name: String,
    #[serde(default)]
    pub description: Option<String>,
    pub connection_string: String,
    /// `CONNECTED`, `CONNECTION_FAILURE`, ...
    pub state: String,
    #[serde(default)]
    pub state_reason: Option<String>,
    /// What the agent reported about the platform (OS, BIOS, TPM, ...); open-ended.
    #[serde(default)]
    pub host_info: serde_json::Value,
    /// AIK certificate, base64 DER.
    #[serde(default)]
    pub aik_der: String,
    /// Binding-key certificate, base64 DER.
    #[serde(default)]
    pub binding_der: String,
    #[serde(default)]
    pub ta_ca_pem: String,
    #[serde(default)]
    pub created: String,
    #[serde(default)]
    pub updated: String,
    /// The flavor groups the host is verified against.
    #[serde(default)]
    pub flavorgroup_names: Vec<String>,
}

/// A flavor part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum FlavorPart {
    Platform,
    Os,
    HostUnique,
    /// Made by deploying a tag certificate (`rpc/deploy-tag-certificate`), never from PCRs.
    AssetTag,
}

impl FlavorPart {
    /// The parts made from a host's PCRs.
    pub const ALL: [FlavorPart; 3] = [Self::Platform, Self::Os, Self::HostUnique];

    /// SecL's name (`PLATFORM`, `OS`, `HOST_UNIQUE`, `ASSET_TAG`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Platform => "PLATFORM",
            Self::Os => "OS",
            Self::HostUnique => "HOST_UNIQUE",
            Self::AssetTag => "ASSET_TAG",
        }
    }
}

/// One asset tag, SecL's TagKvAttribute `{"name", "value"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagKvAttribute {
    pub name: String,
    pub value: String,
}

/// What an ASSET_TAG flavor expects of its host: the digest of the deployed tag certificate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssetTagExpectation {
    /// The tag certificate deployed.
    pub certificate_id: Uuid,
    /// SHA-384 of the certificate, base64: what the host's TPM NV index must hold.
    pub digest: String,
    /// The certificate's tags, named as `TAG_<name>` in reports that pass.
    #[serde(default)]
    pub tags: Vec<TagKvAttribute>,
}

/// `POST /tag-certificates`: SecL's TagCertificateCreateCriteria.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagCertificateCreateRequest {
    pub hardware_uuid: Uuid,
    pub selection_content: Vec<TagKvAttribute>,
}

/// A tag certificate as the HVS shows it (SecL's TagCertificate, plus `selection_content`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagCertificate {
    pub id: Uuid,
    /// DER, base64.
    pub certificate: String,
    #[serde(default)]
    pub subject: String,
    #[serde(default)]
    pub issuer: String,
    #[serde(default)]
    pub not_before: String,
    #[serde(default)]
    pub not_after: String,
    pub hardware_uuid: Uuid,
    /// SHA-384 of the certificate, base64.
    #[serde(default)]
    pub asset_tag_digest: String,
    /// The tags the certificate states.
    #[serde(default)]
    pub selection_content: Vec<TagKvAttribute>,
}

/// `{"certificates": [...]}`, SecL's TagCertificateCollection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TagCertificateCollection {
    #[serde(default)]
    pub certificates: Vec<TagCertificate>,
}

/// Filters of `GET /tag-certificates` (SecL's names); only set fields are sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TagCertificateFilter {
    pub id: Option<Uuid>,
    pub hardware_uuid: Option<Uuid>,
    pub subject_equal_to: Option<String>,
    pub subject_contains: Option<String>,
    pub issuer_equal_to: Option<String>,
    pub issuer_contains: Option<String>,
    /// `validOn`, `validBefore`, `validAfter`: `YYYY-MM-DD`, `YYYY-MM-DD hh:mm:ss` or RFC 3339.
    pub valid_on: Option<String>,
    pub valid_before: Option<String>,
    pub valid_after: Option<String>,
}

/// The query pairs whose value is set, in the order given.
fn set_pairs<const N: usize>(
    pairs: [(&'static str, Option<String>); N],
) -> Vec<(&'static str, String)> {
    pairs
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect()
}

impl TagCertificateFilter {
    /// The query pairs, in SecL's names.
    pub fn query(&self) -> Vec<(&'static str, String)> {
        set_pairs([
            ("id", self.id.map(|v| v.to_string())),
            ("hardwareUuid", self.hardware_uuid.map(|v| v.to_string())),
            ("subjectEqualTo", self.subject_equal_to.clone()),
            ("subjectContains", self.subject_contains.clone()),
            ("issuerEqualTo", self.issuer_equal_to.clone()),
            ("issuerContains", self.issuer_contains.clone()),
            ("validOn", self.valid_on.clone()),
            ("validBefore", self.valid_before.clone()),
            ("validAfter", self.valid_after.clone()),
        ])
    }
}

/// A registered EK certificate, SecL's TpmEndorsement (`/tpm-endorsements`). The PrivacyCA
/// certifies AIKs of a TPM whose EK certificate is registered and not revoked even when it
/// does not chain to a configured EK CA, and refuses it while revoked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TpmEndorsement {
    pub id: Uuid,
    /// The host's hardware UUID; the nil UUID when it was not given.
    #[serde(default)]
    pub hardware_uuid: Uuid,
    /// The certificate's issuer (as given, else as the certificate states it).
    #[serde(default)]
    pub issuer: String,
    #[serde(default)]
    pub revoked: bool,
    /// The EK certificate, DER, base64.
    pub certificate: String,
    #[serde(default)]
    pub comment: String,
    /// SHA-384 of the DER certificate, hex.
    #[serde(default)]
    pub certificate_digest: String,
}

/// `POST /tpm-endorsements` and `PUT /tpm-endorsements/{id}`: only set fields are sent; a
/// `PUT` changes those and keeps the others.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TpmEndorsementRequest {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hardware_uuid: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked: Option<bool>,
    /// DER (or PEM), base64.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// `{"tpmendorsements": [...]}`, SecL's TpmEndorsementCollection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TpmEndorsementCollection {
    #[serde(default)]
    pub tpmendorsements: Vec<TpmEndorsement>,
}

/// Filters of `GET /tpm-endorsements` (SecL's names); only set fields are sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TpmEndorsementFilter {
    pub id: Option<Uuid>,
    pub hardware_uuid: Option<Uuid>,
    pub issuer_equal_to: Option<String>,
    pub issuer_contains: Option<String>,
    pub revoked: Option<bool>,
    pub comment_equal_to: Option<String>,
    pub comment_contains: Option<String>,
    /// SHA-384 of the DER certificate, hex.
    pub certificate_digest: Option<String>,
}

impl TpmEndorsementFilter {
    /// The query pairs, in SecL's names.
    pub fn query(&self) -> Vec<(&'static str, String)> {
        set_pairs([
            ("id", self.id.map(|v| v.to_string())),
            (
                "hardwareUuidEqualTo",
                self.hardware_uuid.map(|v| v.to_string()),
            ),
            ("issuerEqualTo", self.issuer_equal_to.clone()),
            ("issuerContains", self.issuer_contains.clone()),
            ("revokedEqualTo", self.revoked.map(|v| v.to_string())),
            ("commentEqualTo", self.comment_equal_to.clone()),
            ("commentContains", self.comment_contains.clone()),
            ("certificateDigestEqualTo", self.certificate_digest.clone()),
        ])
    }
}

impl fmt::Display for FlavorPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// `POST /flavors` from a registered host.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlavorsFromHostRequest {
    pub host_id: Uuid,
    pub flavor_parts: Vec<FlavorPart>,
    /// Groups the PLATFORM and OS flavors join (empty: `automatic`); HOST_UNIQUE flavors
    /// always join `host_unique`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flavorgroup_names: Vec<String>,
}

/// One expected PCR value of a flavor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PcrExpectation {
    pub index: u8,
    /// SHA-256 PCR value, lower-case hex.
    pub value: String,
}

/// A stored flavor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flavor {
    pub id: Uuid,
    #[serde(default)]
    pub label: String,
    pub flavor_part: FlavorPart,
    #[serde(default)]
    pub flavor_group: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hardware_uuid: Option<String>,
    #[serde(default)]
    pub pcr_bank: String,
    #[serde(default)]
    pub pcrs: Vec<PcrExpectation>,
    #[serde(default)]
    pub created: String,
    /// The groups the flavor is linked to.
    #[serde(default)]
    pub flavorgroup_names: Vec<String>,
    /// ASSET_TAG flavors only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asset_tag: Option<AssetTagExpectation>,
}

/// `{"flavors": [...]}`, the answer of `GET` and `POST /flavors`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlavorCollection {
    pub flavors: Vec<Flavor>,
}

/// `POST /reports` criteria: exactly one should be set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportCriteria {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hardware_uuid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub host_name: Option<String>,
}

/// Why a part is not trusted: a PCR that did not have the value a flavor expects
/// (`PcrValueMismatch`, `PcrValueMissing`), or no flavor at all for a REQUIRED part
/// (`RequiredFlavorTypeMissing`, without flavor and PCR).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fault {
    /// SecL's fault name; empty in reports stored before it was recorded.
    #[serde(default)]
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flavor_id: Option<Uuid>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pcr_index: Option<u8>,
    #[serde(default)]
    pub expected: String,
    /// Empty when the PCR was not quoted.
    #[serde(default)]
    pub actual: String,
    #[serde(default)]
    pub description: String,
    /// The flavor group whose policy produced the fault.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flavorgroup: Option<String>,
}

/// One part's outcome; `trusted` is `None` (NA) when no flavor of the part applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartResult {
    pub trusted: Option<bool>,
    #[serde(default)]
    pub flavor_ids: Vec<Uuid>,
    #[serde(default)]
    pub faults: Vec<Fault>,
}

/// A host's evaluation against its applicable flavors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrustReport {
    pub overall: bool,
    /// By part name (`PLATFORM`, `OS`, `HOST_UNIQUE`; `SOFTWARE`, `ASSET_TAG` only when a
    /// policy made them count).
    pub parts: BTreeMap<String, PartResult>,
    /// The flavor groups evaluated.
    #[serde(default)]
    pub flavorgroups: Vec<String>,
}

/// A stored report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub id: Uuid,
    pub host_id: Uuid,
    #[serde(default)]
    pub hardware_uuid: String,
    #[serde(default)]
    pub host_name: String,
    pub trust_report: TrustReport,
    #[serde(default)]
    pub created: String,
    #[serde(default)]
    pub expiration: String,
    /// The signed SAML assertion.
    #[serde(default)]
    pub saml: String,
}

/// Filters of `GET /reports` (SecL's search parameters); only set fields are sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportFilter {
    /// `id`: one report.
    pub id: Option<Uuid>,
    /// `hostId`.
    pub host_id: Option<Uuid>,
    /// `hostHardwareId` (a UUID).
    pub hardware_uuid: Option<String>,
    /// `hostName`.
    pub host_name: Option<String>,
    /// `hostStatus`: the host's current state, e.g. `CONNECTED`.
    pub host_status: Option<String>,
    /// `fromDate`: `YYYY-MM-DD`, `YYYY-MM-DD hh:mm:ss` or RFC 3339 (inclusive).
    pub from_date: Option<String>,
    /// `toDate`: same formats (exclusive).
    pub to_date: Option<String>,
    /// `numberOfDays` (0 to 365): the last N days; replaces the dates.
    pub number_of_days: Option<u32>,
    /// `None` leaves the server default (latest report per host only).
    pub latest_per_host: Option<bool>,
    /// `limit`: at most this many (server default 10000).
    pub limit: Option<u32>,
    /// `afterId`: only the reports listed after this one.
    pub after_id: Option<Uuid>,
}

impl ReportFilter {
    /// The query pairs, in SecL's names.
    pub fn query(&self) -> Vec<(&'static str, String)> {
        set_pairs([
            ("id", self.id.map(|v| v.to_string())),
            ("hostId", self.host_id.map(|v| v.to_string())),
            ("hostHardwareId", self.hardware_uuid.clone()),
            ("hostName", self.host_name.clone()),
            ("hostStatus", self.host_status.clone()),
            ("fromDate", self.from_date.clone()),
            ("toDate", self.to_date.clone()),
            ("numberOfDays", self.number_of_days.map(|v| v.to_string())),
            ("latestPerHost", self.latest_per_host.map(|v| v.to_string())),
            ("limit", self.limit.map(|v| v.to_string())),
            ("afterId", self.after_id.map(|v| v.to_string())),
        ])
    }
}

// ----- flavor groups ----------------------------------------------------------------------

/// The flavor parts a match policy may name: the [`FlavorPart`]s plus SecL's SOFTWARE, accepted
/// so SecL's own policy documents load (this HVS has no SOFTWARE flavors, so that part is NA when
/// REQUIRED_IF_DEFINED and untrusted when REQUIRED).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum PolicyPart {
    Platform,
    Os,
    HostUnique,
    Software,
    AssetTag,
}

impl PolicyPart {
    pub const ALL: [PolicyPart; 5] = [
        Self::Platform,
        Self::Os,
        Self::HostUnique,
        Self::Software,
        Self::AssetTag,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::Platform => "PLATFORM",
            Self::Os => "OS",
            Self::HostUnique => "HOST_UNIQUE",
            Self::Software => "SOFTWARE",
            Self::AssetTag => "ASSET_TAG",
        }
    }
}

impl From<FlavorPart> for PolicyPart {
    fn from(p: FlavorPart) -> Self {
        match p {
            FlavorPart::Platform => Self::Platform,
            FlavorPart::Os => Self::Os,
            FlavorPart::HostUnique => Self::HostUnique,
            FlavorPart::AssetTag => Self::AssetTag,
        }
    }
}

/// Which flavors of a part must match.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum MatchType {
    /// At least one.
    AnyOf,
    /// Every one.
    AllOf,
    /// Only the newest.
    Latest,
}

impl MatchType {
    pub fn name(self) -> &'static str {
        match self {
            Self::AnyOf => "ANY_OF",
            Self::AllOf => "ALL_OF",
            Self::Latest => "LATEST",
        }
    }
}

/// Whether a part without flavors fails the host.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Requirement {
    /// No flavor: untrusted.
    Required,
    /// No flavor: NA.
    RequiredIfDefined,
}

impl Requirement {
    pub fn name(self) -> &'static str {
        match self {
            Self::Required => "REQUIRED",
            Self::RequiredIfDefined => "REQUIRED_IF_DEFINED",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchPolicy {
    pub match_type: MatchType,
    pub required: Requirement,
}

/// `{"flavor_part", "match_policy": {"match_type", "required"}}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlavorMatchPolicy {
    pub flavor_part: PolicyPart,
    pub match_policy: MatchPolicy,
}

/// `{"flavor_match_policies": [...]}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatchPolicyCollection {
    #[serde(default)]
    pub flavor_match_policies: Vec<FlavorMatchPolicy>,
}

/// `POST /flavorgroups`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlavorGroupCreateRequest {
    pub name: String,
    pub flavor_match_policy_collection: MatchPolicyCollection,
}

/// A flavor group as the HVS shows it (SecL's JSON, `flavorIds` included).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FlavorGroup {
    pub id: Uuid,
    pub name: String,
    #[serde(default, rename = "flavorIds")]
    pub flavor_ids: Vec<Uuid>,
    #[serde(default)]
    pub flavor_match_policy_collection: MatchPolicyCollection,
    /// With `includeFlavorContent=true` only.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub flavors: Vec<Flavor>,
}

/// `{"flavorgroups": [...]}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FlavorGroupCollection {
    pub flavorgroups: Vec<FlavorGroup>,
}

/// Filters of `GET /flavorgroups`; only set fields are sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FlavorGroupFilter {
    pub id: Option<Uuid>,
    pub name_equal_to: Option<String>,
    pub name_contains: Option<String>,
    pub include_flavor_content: bool,
}

/// A flavor-group link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlavorLink {
    pub flavorgroup_id: Uuid,
    pub flavor_id: Uuid,
}

/// `{"flavor_flavorgroup_links": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlavorLinkCollection {
    #[serde(default)]
    pub flavor_flavorgroup_links: Vec<FlavorLink>,
}

/// A host's link to a flavor group it is verified against (`/hosts/{id}/flavorgroups`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostFlavorgroupLink {
    pub host_id: Uuid,
    pub flavorgroup_id: Uuid,
}

/// `{"flavorgroup_host_links": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostFlavorgroupLinkCollection {
    #[serde(default)]
    pub flavorgroup_host_links: Vec<HostFlavorgroupLink>,
}

/// `GET /ca-certificates?domain=...`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaDomain {
    /// The SAML signing certificate.
    Saml,
    /// The PrivacyCA (AIK issuer).
    Root,
    /// The configured EK CAs.
    Ek,
}

impl CaDomain {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Saml => "saml",
            Self::Root => "root",
            Self::Ek => "ek",
        }
    }
}

/// `GET /ca-certificates/{type}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaType {
    Privacy,
    Saml,
    Ek,
    /// The Tag CA that signs asset-tag certificates.
    Tag,
}

impl CaType {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Privacy => "privacy",
            Self::Saml => "saml",
            Self::Ek => "ek",
            Self::Tag => "tag",
        }
    }
}

/// One CA certificate in JSON form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaCertificate {
    pub name: String,
    /// `privacy`, `saml` or `ek`, in the single-certificate form only.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Base64 DER.
    pub certificate: String,
}

/// `{"ca_certificate": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaCertificates {
    pub ca_certificate: Vec<CaCertificate>,
}

// ----- client -----------------------------------------------------------------------------

/// Typed HVS client.
#[derive(Clone, Debug)]
pub struct HvsClient {
    http: ServiceClient,
}

impl HvsClient {
    /// A client for the HVS at `url` that trusts exactly the CA certificates in the PEM file
    /// `ca_pem`. `token` is the admin bearer token, if any (`version` and the CA certificates
    /// need none).
    pub fn new(url: &str, ca_pem: &Path, token: Option<&str>) -> Result<Self> {
        let http = ServiceClient::with_ca_file(Service::Hvs, url, &[BASE_PATH], ca_pem, token)?;
        Ok(Self { http })
    }

    /// Like [`HvsClient::new`] with the CA certificates already parsed; `what` names them in
    /// errors.
    pub fn with_ca_certs(
        url: &str,
        certs: Vec<CertificateDer<'static>>,
        what: &str,
        token: Option<&str>,
    ) -> Result<Self> {
        let http = ServiceClient::new(Service::Hvs, url, &[BASE_PATH], certs, what, token)?;
        Ok(Self { http })
    }

    /// The server's base URL as normalised (without `/hvs/v2`).
    pub fn base_url(&self) -> &str {
        self.http.base_url()
    }

    /// URL of `/hvs/v2/<segments...>` with the given query pairs.
    fn url(&self, segments: &[&str], query: &[(&str, String)]) -> Url {
        self.http.url(BASE_PATH, segments, query)
    }

    /// An authenticated request to `/hvs/v2/<segments...>` that accepts JSON.
    fn call(&self, method: Method, segments: &[&str], query: &[(&str, String)]) -> RequestBuilder {
        self.http
            .request(method, self.url(segments, query), media::JSON)
    }

    /// An unauthenticated `GET` of `/hvs/v2/<segments...>` that accepts `accept`.
    fn public(&self, segments: &[&str], query: &[(&str, String)], accept: &str) -> RequestBuilder {
        self.http
            .anonymous(Method::GET, self.url(segments, query), accept)
    }

    /// `GET /hvs/v2/version` (no authentication).
    pub async fn version(&self) -> Result<String> {
        let rb = self.public(&["version"], &[], media::TEXT);
        Ok(self.http.text(rb, "version").await?.trim().to_string())
    }

    /// `GET /ca-certificates?domain=...` as PEM (no authentication).
    pub async fn ca_certificates_pem(&self, domain: CaDomain) -> Result<String> {
        let q = [("domain", domain.as_str().into())];
        let rb = self.public(&["ca-certificates"], &q, media::PEM_FILE);
        self.http.text(rb, "the certificate").await
    }

    /// `GET /ca-certificates?domain=...` as JSON (no authentication).
    pub async fn ca_certificates(&self, domain: CaDomain) -> Result<Vec<CaCertificate>> {
        let q = [("domain", domain.as_str().into())];
        let rb = self.public(&["ca-certificates"], &q, media::JSON);
        let certs: CaCertificates = self.http.json(rb).await?;
        Ok(certs.ca_certificate)
    }

    /// `GET /ca-certificates/{type}` as PEM (no authentication).
    pub async fn ca_certificate_pem(&self, kind: CaType) -> Result<String> {
        let rb = self.public(&["ca-certificates", kind.as_str()], &[], media::PEM_FILE);
        self.http.text(rb, "the certificate").await
    }

    /// `GET /ca-certificates/{type}` as JSON (no authentication).
    pub async fn ca_certificate(&self, kind: CaType) -> Result<CaCertificate> {
        let rb = self.public(&["ca-certificates", kind.as_str()], &[], media::JSON);
        self.http.json(rb).await
    }

    /// `POST /hosts`.
    pub async fn create_host(&self, req: &HostCreateRequest) -> Result<Host> {
        let rb = self.call(Method::POST, &["hosts"], &[]);
        self.http.json(self.http.with_json(rb, req)?).await
    }

    /// `POST /tokens`: a scoped bearer token (shown once, in the answer).
    pub async fn create_token(
        &self,
        req: &crate::kbs::TokenRequest,
    ) -> Result<crate::kbs::TokenResponse> {
        let rb = self.call(Method::POST, &["tokens"], &[]);
        self.http.json(self.http.with_json(rb, req)?).await
    }

    /// `GET /tokens`: every token, without its secret.
    pub async fn list_tokens(&self) -> Result<Vec<crate::kbs::TokenResponse>> {
        self.http
            .json(self.call(Method::GET, &["tokens"], &[]))
            .await
    }

    /// `DELETE /tokens/{id}`.
    pub async fn revoke_token(&self, id: Uuid) -> Result<()> {
        let rb = self.call(Method::DELETE, &["tokens", &id.to_string()], &[]);
        self.http.empty(rb).await
    }

    /// `GET /hosts`.
    pub async fn list_hosts(&self) -> Result<Vec<Host>> {
        self.http
            .json(self.call(Method::GET, &["hosts"], &[]))
            .await
    }

    /// `GET /hosts/{id}`.
    pub async fn get_host(&self, id: Uuid) -> Result<Host> {
        let rb = self.call(Method::GET, &["hosts", &id.to_string()], &[]);
        self.http.json(rb).await
    }

    /// `DELETE /hosts/{id}`.
    pub async fn delete_host(&self, id: Uuid) -> Result<()> {
        let rb = self.call(Method::DELETE, &["hosts", &id.to_string()], &[]);
        self.http.empty(rb).await
    }

    /// `POST /flavors` with `{host_id, flavor_parts}`: flavors from the host's current PCRs.
    pub async fn create_flavors_from_host(
        &self,
        host_id: Uuid,
        parts: &[FlavorPart],
        flavorgroup_names: &[String],
    ) -> Result<Vec<Flavor>> {
        let req = FlavorsFromHostRequest {
            host_id,
            flavor_parts: parts.to_vec(),
            flavorgroup_names: flavorgroup_names.to_vec(),
        };
        let rb = self.call(Method::POST, &["flavors"], &[]);
        let c: FlavorCollection = self.http.json(self.http.with_json(rb, &req)?).await?;
        Ok(c.flavors)
    }

    /// `POST /flavors` with one flavor (`flavor_part`, `pcrs`, optionally `id`, `label`,
    /// `flavor_group`, `hardware_uuid`, `pcr_bank`): imports it.
    pub async fn import_flavor(&self, flavor: &serde_json::Value) -> Result<Vec<Flavor>> {
        if !flavor.is_object() {
            return Err(Error::Config("a flavor must be a JSON object".into()));
        }
        if flavor.get("host_id").is_some() {
            return Err(Error::Config(
                "the flavor has a host_id field; use flavor creation from a host instead".into(),
            ));
        }
        let rb = self.call(Method::POST, &["flavors"], &[]);
        let c: FlavorCollection = self.http.json(self.http.with_json(rb, flavor)?).await?;
        Ok(c.flavors)
    }

    /// `GET /flavors`.
    pub async fn list_flavors(&self) -> Result<Vec<Flavor>> {
        let c: FlavorCollection = self
            .http
            .json(self.call(Method::GET, &["flavors"], &[]))
            .await?;
        Ok(c.flavors)
    }

    /// `GET /flavors/{id}`.
    pub async fn get_flavor(&self, id: Uuid) -> Result<Flavor> {
        let rb = self.call(Method::GET, &["flavors", &id.to_string()], &[]);
        self.http.json(rb).await
    }

    /// `DELETE /flavors/{id}`.
    pub async fn delete_flavor(&self, id: Uuid) -> Result<()> {
        let rb = self.call(Method::DELETE, &["flavors", &id.to_string()], &[]);
        self.http.empty(rb).await
    }

    /// `POST /reports` (JSON): attests the host now.
    pub async fn create_report(&self, criteria: &ReportCriteria) -> Result<Report> {
        let rb = self.call(Method::POST, &["reports"], &[]);
        self.http.json(self.http.with_json(rb, criteria)?).await
    }

    /// `POST /reports` asking for the signed SAML assertion.
    pub async fn create_report_saml(&self, criteria: &ReportCriteria) -> Result<String> {
        let url = self.url(&["reports"], &[]);
        let rb = self.http.request(Method::POST, url, media::SAML);
        let rb = self.http.with_json(rb, criteria)?;
        self.http.text(rb, "the SAML assertion").await
    }

    /// `GET /reports/{id}`.
    pub async fn get_report(&self, id: Uuid) -> Result<Report> {
        let rb = self.call(Method::GET, &["reports", &id.to_string()], &[]);
        self.http.json(rb).await
    }

    /// `GET /reports/{id}` as the signed SAML assertion.
    pub async fn get_report_saml(&self, id: Uuid) -> Result<String> {
        let url = self.url(&["reports", &id.to_string()], &[]);
        let rb = self.http.request(Method::GET, url, media::SAML);
        self.http.text(rb, "the SAML assertion").await
    }

    /// `GET /reports?...`.
    pub async fn list_reports(&self, filter: &ReportFilter) -> Result<Vec<Report>> {
        let q = filter.query();
        self.http
            .json(self.call(Method::GET, &["reports"], &q))
            .await
    }

    /// `POST /flavorgroups`.
    pub async fn create_flavorgroup(&self, req: &FlavorGroupCreateRequest) -> Result<FlavorGroup> {
        let rb = self.call(Method::POST, &["flavorgroups"], &[]);
        self.http.json(self.http.with_json(rb, req)?).await
    }

    /// `GET /flavorgroups?...`.
    pub async fn list_flavorgroups(&self, filter: &FlavorGroupFilter) -> Result<Vec<FlavorGroup>> {
        let mut q = Vec::new();
        if let Some(id) = filter.id {
            q.push(("id", id.to_string()));
        }
        if let Some(n) = &filter.name_equal_to {
            q.push(("nameEqualTo", n.clone()));
        }
        if let Some(n) = &filter.name_contains {
            q.push(("nameContains", n.clone()));
        }
        if filter.include_flavor_content {
            q.push(("includeFlavorContent", "true".into()));
        }
        let rb = self.call(Method::GET, &["flavorgroups"], &q);
        let c: FlavorGroupCollection = self.http.json(rb).await?;
        Ok(c.flavorgroups)
    }

    /// `GET /flavorgroups/{id}`.
    pub async fn get_flavorgroup(&self, id: Uuid) -> Result<FlavorGroup> {
        let rb = self.call(Method::GET, &["flavorgroups", &id.to_string()], &[]);
        self.http.json(rb).await
    }

    /// The group called `name` (`GET /flavorgroups?nameEqualTo=`); `NotFound` when none.
    pub async fn flavorgroup_by_name(&self, name: &str) -> Result<FlavorGroup> {
        let filter = FlavorGroupFilter {
            name_equal_to: Some(name.to_string()),
            ..FlavorGroupFilter::default()
        };
        self.list_flavorgroups(&filter)
            .await?
            .into_iter()
            .find(|g| g.name == name)
            .ok_or_else(|| {
                Error::NotFound(Message::new(
                    Service::Hvs,
                    format!("no flavor group is called {name}"),
                ))
            })
    }

    /// `DELETE /flavorgroups/{id}`.
    pub async fn delete_flavorgroup(&self, id: Uuid) -> Result<()> {
        let rb = self.call(Method::DELETE, &["flavorgroups", &id.to_string()], &[]);
        self.http.empty(rb).await
    }

    /// `POST /flavorgroups/{id}/flavors`.
    pub async fn link_flavor(&self, group: Uuid, flavor: Uuid) -> Result<FlavorLink> {
        let rb = self.call(
            Method::POST,
            &["flavorgroups", &group.to_string(), "flavors"],
            &[],
        );
        let body = serde_json::json!({ "flavor_id": flavor });
        self.http.json(self.http.with_json(rb, &body)?).await
    }

    /// `GET /flavorgroups/{id}/flavors`.
    pub async fn list_flavor_links(&self, group: Uuid) -> Result<Vec<FlavorLink>> {
        let rb = self.call(
            Method::GET,
            &["flavorgroups", &group.to_string(), "flavors"],
            &[],
        );
        let c: FlavorLinkCollection = self.http.json(rb).await?;
        Ok(c.flavor_flavorgroup_links)
    }

    /// `DELETE /flavorgroups/{id}/flavors/{flavor}`.
    pub async fn unlink_flavor(&self, group: Uuid, flavor: Uuid) -> Result<()> {
        let (group, flavor) = (group.to_string(), flavor.to_string());
        let rb = self.call(
            Method::DELETE,
            &["flavorgroups", &group, "flavors", &flavor],
            &[],
        );
        self.http.empty(rb).await
    }

    /// `POST /tag-certificates`: a tag certificate for a host's hardware UUID.
    pub async fn create_tag_certificate(
        &self,
        req: &TagCertificateCreateRequest,
    ) -> Result<TagCertificate> {
        let rb = self.call(Method::POST, &["tag-certificates"], &[]);
        self.http.json(self.http.with_json(rb, req)?).await
    }

    /// `GET /tag-certificates?...`.
    pub async fn list_tag_certificates(
        &self,
        filter: &TagCertificateFilter,
    ) -> Result<Vec<TagCertificate>> {
        let q = filter.query();
        let rb = self.call(Method::GET, &["tag-certificates"], &q);
        let c: TagCertificateCollection = self.http.json(rb).await?;
        Ok(c.certificates)
    }

    /// `GET /tag-certificates/{id}`.
    pub async fn get_tag_certificate(&self, id: Uuid) -> Result<TagCertificate> {
        let rb = self.call(Method::GET, &["tag-certificates", &id.to_string()], &[]);
        self.http.json(rb).await
    }

    /// `DELETE /tag-certificates/{id}`.
    pub async fn delete_tag_certificate(&self, id: Uuid) -> Result<()> {
        let rb = self.call(Method::DELETE, &["tag-certificates", &id.to_string()], &[]);
        self.http.empty(rb).await
    }

    /// `POST /rpc/deploy-tag-certificate`: the HVS writes the certificate's digest into its
    /// host's TPM and answers the host's new ASSET_TAG flavor.
    pub async fn deploy_tag_certificate(&self, id: Uuid) -> Result<Flavor> {
        let rb = self.call(Method::POST, &["rpc", "deploy-tag-certificate"], &[]);
        let body = serde_json::json!({ "certificate_id": id });
        self.http.json(self.http.with_json(rb, &body)?).await
    }

    /// `POST /tpm-endorsements`: registers an EK certificate.
    pub async fn create_tpm_endorsement(
        &self,
        req: &TpmEndorsementRequest,
    ) -> Result<TpmEndorsement> {
        let rb = self.call(Method::POST, &["tpm-endorsements"], &[]);
        self.http.json(self.http.with_json(rb, req)?).await
    }

    /// `GET /tpm-endorsements?...`.
    pub async fn list_tpm_endorsements(
        &self,
        filter: &TpmEndorsementFilter,
    ) -> Result<Vec<TpmEndorsement>> {
        let q = filter.query();
        let rb = self.call(Method::GET, &["tpm-endorsements"], &q);
        let c: TpmEndorsementCollection = self.http.json(rb).await?;
        Ok(c.tpmendorsements)
    }

    /// `GET /tpm-endorsements/{id}`.
    pub async fn get_tpm_endorsement(&self, id: Uuid) -> Result<TpmEndorsement> {
        let rb = self.call(Method::GET, &["tpm-endorsements", &id.to_string()], &[]);
        self.http.json(rb).await
    }

    /// `PUT /tpm-endorsements/{id}`: changes the fields set in `req`.
    pub async fn update_tpm_endorsement(
        &self,
        id: Uuid,
        req: &TpmEndorsementRequest,
    ) -> Result<TpmEndorsement> {
        let rb = self.call(Method::PUT, &["tpm-endorsements", &id.to_string()], &[]);
        self.http.json(self.http.with_json(rb, req)?).await
    }

    /// `DELETE /tpm-endorsements/{id}`.
    pub async fn delete_tpm_endorsement(&self, id: Uuid) -> Result<()> {
        let rb = self.call(Method::DELETE, &["tpm-endorsements", &id.to_string()], &[]);
        self.http.empty(rb).await
    }

    /// `GET /hosts/{id}/flavorgroups`: the groups the host is verified against.
    pub async fn list_host_flavorgroups(&self, host: Uuid) -> Result<Vec<HostFlavorgroupLink>> {
        let rb = self.call(
            Method::GET,
            &["hosts", &host.to_string(), "flavorgroups"],
            &[],
        );
        let c: HostFlavorgroupLinkCollection = self.http.json(rb).await?;
        Ok(c.flavorgroup_host_links)
    }

    /// `POST /hosts/{id}/flavorgroups`: the next report also verifies the host against `group`.
    pub async fn link_host_flavorgroup(
        &self,
        host: Uuid,
        group: Uuid,
    ) -> Result<HostFlavorgroupLink> {
        let rb = self.call(
            Method::POST,
            &["hosts", &host.to_string(), "flavorgroups"],
            &[],
        );
        let body = serde_json::json!({ "flavorgroup_id": group });
        self.http.json(self.http.with_json(rb, &body)?).await
    }

    /// `GET /hosts/{id}/flavorgroups/{fgId}`; `NotFound` when the host is not linked to it.
    pub async fn get_host_flavorgroup(
        &self,
        host: Uuid,
        group: Uuid,
    ) -> Result<HostFlavorgroupLink> {
        let (host, group) = (host.to_string(), group.to_string());
        let rb = self.call(Method::GET, &["hosts", &host, "flavorgroups", &group], &[]);
        self.http.json(rb).await
    }

    /// `DELETE /hosts/{id}/flavorgroups/{fgId}`.
    pub async fn unlink_host_flavorgroup(&self, host: Uuid, group: Uuid) -> Result<()> {
        let (host, group) = (host.to_string(), group.to_string());
        let rb = self.call(
            Method::DELETE,
            &["hosts", &host, "flavorgroups", &group],
            &[],
        );
        self.http.empty(rb).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(url: &str, token: Option<&str>) -> HvsClient {
        HvsClient::with_ca_certs(url, Vec::new(), "test", token).unwrap()
    }

    #[test]
    fn urls_are_built_under_hvs_v2() {
        for base in ["https://hvs:8443", "https://hvs:8443/hvs/v2/"] {
            let c = client(base, None);
            assert_eq!(
                c.url(&["hosts", "x"], &[]).as_str(),
                "https://hvs:8443/hvs/v2/hosts/x"
            );
        }
        let c = client("https://gw/p", None);
        assert_eq!(
            c.url(&["reports"], &[("hostHardwareId", "a b".into())])
                .as_str(),
            "https://gw/p/hvs/v2/reports?hostHardwareId=a+b"
        );
    }

    #[test]
    fn plain_http_and_bad_urls_are_refused() {
        for bad in ["http://hvs:8443", "hvs", "https://u:p@hvs/", ""] {
            let e = HvsClient::with_ca_certs(bad, Vec::new(), "x", None).unwrap_err();
            assert!(matches!(e, Error::Config(_)), "{bad:?}: {e}");
        }
    }

    #[test]
    fn debug_redacts_tokens() {
        let c = client("https://hvs", Some("sekrit-token"));
        let dbg = format!("{c:?}");
        assert!(!dbg.contains("sekrit") && dbg.contains("redacted"), "{dbg}");
        let r = HostCreateRequest {
            connection_string: "https://h".into(),
            ta_ca_pem: String::new(),
            ta_token: "agent-sekrit".into(),
            description: None,
            flavorgroup_names: Vec::new(),
        };
        assert!(!format!("{r:?}").contains("agent-sekrit"));
    }

    #[test]
    fn errors_mention_the_hvs() {
        let status = |s, body: &[u8]| crate::http::status_error(Service::Hvs, s, body);
        let e = status(
            reqwest::StatusCode::UNAUTHORIZED,
            b"Unauthorized: invalid token",
        );
        assert!(matches!(e, Error::Unauthorized(_)));
        assert!(e.hint().unwrap().contains("SECL_HVS_TOKEN"));
        let e = status(reqwest::StatusCode::BAD_REQUEST, b"");
        assert!(e.to_string().contains("HVS"), "{e}");
    }

    #[test]
    fn wire_types_match_the_server() {
        let report: Report = serde_json::from_value(serde_json::json!({
            "id": "1b4e28ba-2fa1-41d2-883f-0016d3cca427",
            "host_id": "1b4e28ba-2fa1-41d2-883f-0016d3cca428",
            "hardware_uuid": "hw", "host_name": "h",
            "trust_report": {"overall": false, "parts": {
                "PLATFORM": {"trusted": false, "flavor_ids": [], "faults": [{
                    "flavor_id": "1b4e28ba-2fa1-41d2-883f-0016d3cca429", "pcr_index": 7,
                    "expected": "aa", "actual": "bb", "description": "PCR 7 differs"}]},
                "OS": {"trusted": null, "flavor_ids": [], "faults": []}}},
            "created": "c", "expiration": "e", "saml": "<x/>"
        }))
        .unwrap();
        assert_eq!(
            report.trust_report.parts["PLATFORM"].faults[0].pcr_index,
            Some(7)
        );
        assert_eq!(report.trust_report.parts["OS"].trusted, None);
        let req = FlavorsFromHostRequest {
            host_id: report.host_id,
            flavor_parts: FlavorPart::ALL.to_vec(),
            flavorgroup_names: Vec::new(),
        };
        assert_eq!(
            serde_json::to_value(&req).unwrap()["flavor_parts"],
            serde_json::json!(["PLATFORM", "OS", "HOST_UNIQUE"])
        );
        let crit = ReportCriteria {
            hardware_uuid: Some("hw".into()),
            ..ReportCriteria::default()
        };
        assert_eq!(
            serde_json::to_value(&crit).unwrap(),
            serde_json::json!({"hardware_uuid": "hw"})
        );
    }

    #[test]
    fn flavorgroup_wire_is_secls() {
        let g: FlavorGroup = serde_json::from_value(serde_json::json!({
            "id": "1b4e28ba-2fa1-41d2-883f-0016d3cca427", "name": "automatic",
            "flavorIds": ["1b4e28ba-2fa1-41d2-883f-0016d3cca428"],
            "flavor_match_policy_collection": {"flavor_match_policies": [
                {"flavor_part": "PLATFORM", "match_policy": {"match_type": "ANY_OF", "required": "REQUIRED"}},
                {"flavor_part": "ASSET_TAG", "match_policy": {"match_type": "LATEST", "required": "REQUIRED_IF_DEFINED"}}
            ]}
        }))
        .unwrap();
        assert_eq!(g.flavor_ids.len(), 1);
        let p = &g.flavor_match_policy_collection.flavor_match_policies;
        assert_eq!(p[1].flavor_part, PolicyPart::AssetTag);
        assert_eq!(p[1].match_policy.match_type, MatchType::Latest);
        // A no-flavor fault has no flavor and no PCR; old reports have both.
        let f: Fault = serde_json::from_value(serde_json::json!({
            "name": "RequiredFlavorTypeMissing", "expected": "", "description": "no flavor"
        }))
        .unwrap();
        assert_eq!((f.flavor_id, f.pcr_index), (None, None));
        let q = ReportFilter {
            host_status: Some("CONNECTED".into()),
            number_of_days: Some(3),
            limit: Some(5),
            ..ReportFilter::default()
        }
        .query();
        assert_eq!(
            q,
            vec![
                ("hostStatus", "CONNECTED".to_string()),
                ("numberOfDays", "3".into()),
                ("limit", "5".into())
            ]
        );
    }
}
