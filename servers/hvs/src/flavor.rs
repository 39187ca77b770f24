//! Flavors (expected PCR values per part), flavor groups with their match policies, and trust
//! evaluation, pure so it is tested without a TPM.
//!
//! PCR mapping used when a flavor is created from a host (SHA-256 bank). SecL's real mapping
//! differs per vendor and event log; this one is deliberately simple:
//! * `PLATFORM` = PCRs 0-7 (firmware, option ROMs, boot loader, Secure Boot policy);
//! * `OS` = PCRs 8-9 (kernel command line and files measured by the boot loader);
//! * `HOST_UNIQUE` = PCRs 11-15 (left free for host-specific measurements; PCR 10 is skipped
//!   because IMA extends it continuously at run time).
//!
//! As in SecL, PLATFORM and OS flavors belong to the flavor groups they were created in
//! (`automatic` by default) and apply to the hosts linked to those groups; HOST_UNIQUE flavors
//! belong to group `host_unique` and apply only to the host with their hardware UUID, under the
//! HOST_UNIQUE policy of the host's groups. Each group's match policies decide, per part, which
//! flavors must match ([`evaluate_groups`]).

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use time::format_description::well_known::Rfc3339;
use uuid::Uuid;

use crate::error::{Result, bad};

/// Number of PCRs of a TPM 2.0 bank.
pub const PCR_COUNT: u8 = 24;
/// The default flavor group: hosts and flavors created without a group join it.
pub const GROUP_AUTOMATIC: &str = "automatic";
/// Flavor group of host-unique flavors.
pub const GROUP_HOST_UNIQUE: &str = "host_unique";

/// The flavor parts this HVS evaluates: the wire type, so server and clients cannot drift.
pub use secl_api::hvs::FlavorPart;

/// What the HVS alone knows about a flavor part.
pub trait PartRules {
    /// PCRs recorded when a flavor of this part is created from a host (see module docs).
    fn pcrs(self) -> std::ops::RangeInclusive<u8>;
    /// The group a flavor of this part joins by default.
    fn group(self) -> &'static str;
}

impl PartRules for FlavorPart {
    fn pcrs(self) -> std::ops::RangeInclusive<u8> {
        match self {
            Self::Platform => 0..=7,
            Self::Os => 8..=9,
            Self::HostUnique => 11..=15,
            // Compares the TPM's asset-tag NV index, no PCR.
            #[allow(clippy::reversed_empty_ranges)]
            Self::AssetTag => 1..=0,
        }
    }

    fn group(self) -> &'static str {
        match self {
            Self::HostUnique | Self::AssetTag => GROUP_HOST_UNIQUE,
            _ => GROUP_AUTOMATIC,
        }
    }
}

/// One expected PCR value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PcrExpectation {
    pub index: u8,
    /// SHA-256 PCR value, lower-case hex.
    pub value: String,
}

/// A stored flavor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flavor {
    pub id: Uuid,
    pub label: String,
    pub flavor_part: FlavorPart,
    pub flavor_group: String,
    /// The host a HOST_UNIQUE flavor belongs to; absent for the other parts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hardware_uuid: Option<String>,
    pub pcr_bank: String,
    pub pcrs: Vec<PcrExpectation>,
    pub created: String,
    /// ASSET_TAG flavors: the deployed tag certificate's digest and tags (absent in records of
    /// earlier versions, which had no such flavors).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub asset_tag: Option<AssetTagExpectation>,
}

pub use secl_api::hvs::{AssetTagExpectation, TagKvAttribute};

/// A flavor as an admin imports it (`POST /flavors` without `host_id`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlavorImport {
    #[serde(default)]
    pub id: Option<Uuid>,
    #[serde(default)]
    pub label: Option<String>,
    pub flavor_part: FlavorPart,
    /// The group it was shown in (`secl hvs flavor show --output json`); used when
    /// `flavorgroup_names` is absent.
    #[serde(default)]
    pub flavor_group: Option<String>,
    /// SecL's field: the groups the flavor joins (default `automatic`).
    #[serde(default)]
    pub flavorgroup_names: Option<Vec<String>>,
    #[serde(default)]
    pub hardware_uuid: Option<String>,
    #[serde(default)]
    pub pcr_bank: Option<String>,
    pub pcrs: Vec<PcrExpectation>,
    #[serde(default)]
    pub created: Option<String>,
}

impl FlavorImport {
    /// Checks the import and turns it into a flavor with a fresh id, plus the names of the
    /// groups it joins (unchecked: the service resolves them).
    pub fn into_flavor(self, now: &str) -> Result<(Flavor, Vec<String>)> {
        if self.flavor_part == FlavorPart::AssetTag {
            return Err(bad(
                "Invalid flavor: ASSET_TAG flavors are made by deploying a tag certificate \
                 (rpc/deploy-tag-certificate)",
            ));
        }
        if let Some(bank) = &self.pcr_bank
            && !bank.eq_ignore_ascii_case("SHA256")
        {
            return Err(bad(format!(
                "Invalid flavor: PCR bank {bank:?} (only SHA256)"
            )));
        }
        let groups = match (self.flavorgroup_names, self.flavor_group) {
            (Some(names), _) => names,
            (None, Some(one)) => vec![one],
            (None, None) => Vec::new(),
        };
        let groups = groups_for_part(self.flavor_part, groups)?;
        let hardware_uuid = match (self.flavor_part, self.hardware_uuid) {
            (FlavorPart::HostUnique, Some(h)) => Some(
                Uuid::try_parse(&h)
                    .map_err(|_| bad("Invalid flavor: hardware_uuid must be a UUID"))?
                    .to_string(),
            ),
            (FlavorPart::HostUnique, None) => {
                return Err(bad(
                    "Invalid flavor: a HOST_UNIQUE flavor needs the hardware_uuid of its host",
                ));
            }
            (_, Some(_)) => {
                return Err(bad(
                    "Invalid flavor: only HOST_UNIQUE flavors name a hardware_uuid",
                ));
            }
            (_, None) => None,
        };
        let pcrs = check_pcrs(self.pcrs)?;
        let label = self
            .label
            .unwrap_or_else(|| format!("imported_{}", self.flavor_part.name()));
        if label.is_empty() || label.len() > 255 {
            return Err(bad("Invalid flavor: label must be 1 to 255 bytes"));
        }
        let flavor = Flavor {
            id: Uuid::new_v4(),
            label,
            flavor_part: self.flavor_part,
            flavor_group: groups.first().cloned().unwrap_or_default(),
            hardware_uuid,
            pcr_bank: "SHA256".into(),
            pcrs,
            created: now.into(),
            asset_tag: None,
        };
        Ok((flavor, groups))
    }
}

/// The groups a flavor of `part` joins, given the names asked for: HOST_UNIQUE flavors always
/// join `host_unique` (as in SecL), the others the named groups (default `automatic`), never
/// `host_unique`. Names are de-duplicated, order kept.
pub fn groups_for_part(part: FlavorPart, names: Vec<String>) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for n in names {
        let n = n.trim().to_string();
        check_group_name(&n)?;
        if !out.contains(&n) {
            out.push(n);
        }
    }
    if matches!(part, FlavorPart::HostUnique | FlavorPart::AssetTag) {
        if out.iter().any(|n| n != GROUP_HOST_UNIQUE) {
            return Err(bad(format!(
                "Invalid flavor: {} flavors belong to flavor group {GROUP_HOST_UNIQUE} only",
                part.name()
            )));
        }
        return Ok(vec![GROUP_HOST_UNIQUE.into()]);
    }
    if out.iter().any(|n| n == GROUP_HOST_UNIQUE) {
        return Err(bad(format!(
            "Invalid flavor: only HOST_UNIQUE flavors belong to flavor group {GROUP_HOST_UNIQUE}"
        )));
    }
    if out.is_empty() {
        out.push(GROUP_AUTOMATIC.into());
    }
    Ok(out)
}

/// Flavor group names: 1 to 255 bytes of letters, digits and `_ - . : @`.
pub fn check_group_name(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name.len() <= 255
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_-.:@".contains(&b));
    if ok {
        Ok(())
    } else {
        Err(bad(format!(
            "Invalid flavor group name {name:?}: use 1 to 255 letters, digits and _ - . : @"
        )))
    }
}

/// PCR expectations must name distinct PCRs 0-23 with 32-byte hex values; sorted by index.
pub fn check_pcrs(mut pcrs: Vec<PcrExpectation>) -> Result<Vec<PcrExpectation>> {
    if pcrs.is_empty() {
        return Err(bad("Invalid flavor: no PCRs"));
    }
    let mut seen = BTreeSet::new();
    for p in &mut pcrs {
        if p.index >= PCR_COUNT {
            return Err(bad(format!(
                "Invalid flavor: PCR {} (PCRs are 0 to 23)",
                p.index
            )));
        }
        if !seen.insert(p.index) {
            return Err(bad(format!("Invalid flavor: PCR {} given twice", p.index)));
        }
        p.value = p.value.to_ascii_lowercase();
        if p.value.len() != 64 || hex::decode(&p.value).is_err() {
            return Err(bad(format!(
                "Invalid flavor: PCR {} value must be 64 hex digits (SHA-256)",
                p.index
            )));
        }
    }
    pcrs.sort_by_key(|p| p.index);
    Ok(pcrs)
}

// ----- flavor groups and match policies ---------------------------------------------------

// The enums are the wire crate's; the structs below are this server's strict copies: requests
// with unknown fields are refused (400), while clients stay lenient towards newer servers.
pub use secl_api::hvs::{MatchType, PolicyPart, Requirement};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchPolicy {
    pub match_type: MatchType,
    pub required: Requirement,
}

/// One part's policy, SecL's `{"flavor_part", "match_policy": {"match_type", "required"}}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlavorMatchPolicy {
    pub flavor_part: PolicyPart,
    pub match_policy: MatchPolicy,
}

impl FlavorMatchPolicy {
    pub const fn new(part: PolicyPart, match_type: MatchType, required: Requirement) -> Self {
        Self {
            flavor_part: part,
            match_policy: MatchPolicy {
                match_type,
                required,
            },
        }
    }
}

/// SecL's `flavor_match_policy_collection`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatchPolicyCollection {
    #[serde(default)]
    pub flavor_match_policies: Vec<FlavorMatchPolicy>,
}

/// The policies of SecL's default group `automatic` (also given to groups SecL creates on the
/// fly for unknown `flavorgroup_names`).
pub fn automatic_policies() -> Vec<FlavorMatchPolicy> {
    use MatchType::*;
    use Requirement::*;
    vec![
        FlavorMatchPolicy::new(PolicyPart::Platform, AnyOf, Required),
        FlavorMatchPolicy::new(PolicyPart::Os, AnyOf, Required),
        FlavorMatchPolicy::new(PolicyPart::Software, AllOf, RequiredIfDefined),
        FlavorMatchPolicy::new(PolicyPart::AssetTag, Latest, RequiredIfDefined),
        FlavorMatchPolicy::new(PolicyPart::HostUnique, Latest, RequiredIfDefined),
    ]
}

/// A created group needs at least one policy and at most one per part.
pub fn check_policies(policies: &[FlavorMatchPolicy]) -> Result<()> {
    if policies.is_empty() {
        return Err(bad("Flavor Type Match Policy Collection must be specified"));
    }
    let mut seen = BTreeSet::new();
    for p in policies {
        if !seen.insert(p.flavor_part) {
            return Err(bad(format!(
                "Flavor part {} has more than one match policy",
                p.flavor_part.name()
            )));
        }
    }
    Ok(())
}

/// Every PCR the given flavors name, ascending.
pub fn pcrs_named(flavors: &[&Flavor]) -> Vec<u8> {
    flavors
        .iter()
        .flat_map(|f| f.pcrs.iter().map(|p| p.index))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// SecL's fault name for a PCR that differs.
pub const FAULT_PCR_MISMATCH: &str = "PcrValueMismatch";
/// SecL's fault name for a PCR the quote did not hold.
pub const FAULT_PCR_MISSING: &str = "PcrValueMissing";
/// SecL's fault name for a REQUIRED part without any flavor.
pub const FAULT_FLAVOR_MISSING: &str = "RequiredFlavorTypeMissing";
/// SecL's fault name for a host whose asset-tag NV index holds another digest.
pub const FAULT_ASSET_TAG_MISMATCH: &str = "AssetTagMismatch";
/// SecL's fault name for a host that reported no asset tag.
pub const FAULT_ASSET_TAG_MISSING: &str = "AssetTagMissing";
/// SecL's fault name for an ASSET_TAG flavor that names no digest.
pub const FAULT_ASSET_TAG_NOT_PROVISIONED: &str = "AssetTagNotProvisioned";

/// What a fresh quote showed: the quoted PCR values (index → SHA-256 value) and the asset tag
/// the agent read from its TPM and bound into the quote (None when the index is undefined).
#[derive(Debug, Clone, Copy)]
pub struct Measured<'a> {
    pub pcrs: &'a BTreeMap<u8, Vec<u8>>,
    pub asset_tag: Option<&'a [u8]>,
}

/// SecL's AssetTagMatches rule: the reported digest equals the flavor's.
fn asset_tag_faults(flavor: &Flavor, group: &str, reported: Option<&[u8]>) -> Vec<Fault> {
    use base64::Engine as _;
    let b64 = |b: &[u8]| base64::engine::general_purpose::STANDARD.encode(b);
    let expected = flavor.asset_tag.as_ref().map(|a| a.digest.clone());
    let fault = |name: &str, description: &str, expected: String, actual: String| Fault {
        name: name.into(),
        flavor_id: Some(flavor.id),
        pcr_index: None,
        expected,
        actual,
        description: description.into(),
        flavorgroup: Some(group.to_string()),
    };
    match (expected, reported) {
        (_, None) => vec![fault(
            FAULT_ASSET_TAG_MISSING,
            "Asset tag reported is null: the host's TPM holds no asset tag (NV index 0x01c10110)",
            String::new(),
            String::new(),
        )],
        (None, Some(r)) => vec![fault(
            FAULT_ASSET_TAG_NOT_PROVISIONED,
            "Asset tag is not provisioned by the management: the flavor names no digest",
            String::new(),
            b64(r),
        )],
        (Some(e), Some(r)) if e == b64(r) => Vec::new(),
        (Some(e), Some(r)) => vec![fault(
            FAULT_ASSET_TAG_MISMATCH,
            "Asset tag provisioned does not match asset tag reported",
            e,
            b64(r),
        )],
    }
}

/// Why a part is not trusted: a PCR that did not have the value a flavor expects, or no flavor
/// at all for a REQUIRED part (then `flavor_id` and `pcr_index` are absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fault {
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
    pub description: String,
    /// The group whose policy produced the fault.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flavorgroup: Option<String>,
}

/// One part's outcome; `trusted` is `None` (NA) when no policy applied to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartResult {
    pub trusted: Option<bool>,
    /// The flavors that were compared.
    pub flavor_ids: Vec<Uuid>,
    pub faults: Vec<Fault>,
}

impl PartResult {
    fn na() -> Self {
        Self {
            trusted: None,
            flavor_ids: Vec::new(),
            faults: Vec::new(),
        }
    }

    /// The SAML attribute value: `true`, `false` or `NA`.
    pub fn saml_value(&self) -> &'static str {
        match self.trusted {
            Some(true) => "true",
            Some(false) => "false",
            None => "NA",
        }
    }

    /// Folds another group's result for the same part in: untrusted anywhere is untrusted.
    fn merge(&mut self, other: PartResult) {
        self.trusted = match (self.trusted, other.trusted) {
            (Some(false), _) | (_, Some(false)) => Some(false),
            (Some(true), _) | (_, Some(true)) => Some(true),
            (None, None) => None,
        };
        for id in other.flavor_ids {
            if !self.flavor_ids.contains(&id) {
                self.flavor_ids.push(id);
            }
        }
        self.faults.extend(other.faults);
    }
}

/// A host's evaluation against the flavor groups it is linked to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    pub overall: bool,
    /// By part name; PLATFORM, OS and HOST_UNIQUE are always present, other parts only when a
    /// policy made them count.
    pub parts: BTreeMap<String, PartResult>,
    /// The groups evaluated (reports stored before flavor groups have none).
    #[serde(default)]
    pub flavorgroups: Vec<String>,
}

/// One of the host's flavor groups with the flavors that may apply to the host: the group's
/// own and the host's HOST_UNIQUE flavors.
#[derive(Debug, Clone)]
pub struct GroupFlavors<'a> {
    pub name: &'a str,
    pub policies: &'a [FlavorMatchPolicy],
    pub flavors: Vec<&'a Flavor>,
}

/// Faults of one flavor against what the quote showed; empty = it matches.
fn flavor_faults(flavor: &Flavor, group: &str, measured: Measured<'_>) -> Vec<Fault> {
    if flavor.flavor_part == FlavorPart::AssetTag {
        return asset_tag_faults(flavor, group, measured.asset_tag);
    }
    let actual = measured.pcrs;
    flavor
        .pcrs
        .iter()
        .filter_map(|p| {
            let got = actual.get(&p.index).map(hex::encode).unwrap_or_default();
            (got != p.value).then(|| Fault {
                name: if got.is_empty() {
                    FAULT_PCR_MISSING
                } else {
                    FAULT_PCR_MISMATCH
                }
                .into(),
                flavor_id: Some(flavor.id),
                pcr_index: Some(p.index),
                expected: p.value.clone(),
                description: if got.is_empty() {
                    format!("PCR {} was not quoted", p.index)
                } else {
                    format!(
                        "PCR {} value mismatch: expected {}, actual {got}",
                        p.index, p.value
                    )
                },
                actual: got,
                flavorgroup: Some(group.to_string()),
            })
        })
        .collect()
}

/// Newest by creation time (RFC 3339), ties broken by id so the choice is stable.
fn newest<'a>(flavors: &[&'a Flavor]) -> Option<&'a Flavor> {
    let at = |f: &Flavor| time::OffsetDateTime::parse(&f.created, &Rfc3339).ok();
    flavors
        .iter()
        .copied()
        .max_by(|a, b| at(a).cmp(&at(b)).then(a.id.cmp(&b.id)))
}

/// One policy of one group against the candidate flavors of its part.
pub fn evaluate_policy(
    group: &str,
    policy: &FlavorMatchPolicy,
    candidates: &[&Flavor],
    actual: Measured<'_>,
) -> PartResult {
    let part = policy.flavor_part.name();
    if candidates.is_empty() {
        return match policy.match_policy.required {
            Requirement::RequiredIfDefined => PartResult::na(),
            Requirement::Required => PartResult {
                trusted: Some(false),
                flavor_ids: Vec::new(),
                faults: vec![Fault {
                    name: FAULT_FLAVOR_MISSING.into(),
                    flavor_id: None,
                    pcr_index: None,
                    expected: String::new(),
                    actual: String::new(),
                    description: format!(
                        "Required flavor type missing: {part} (no flavor of this part in \
                         flavor group {group})"
                    ),
                    flavorgroup: Some(group.to_string()),
                }],
            },
        };
    }
    let chosen: Vec<&Flavor> = match policy.match_policy.match_type {
        MatchType::Latest => newest(candidates).into_iter().collect(),
        _ => candidates.to_vec(),
    };
    let per_flavor: Vec<Vec<Fault>> = chosen
        .iter()
        .map(|f| flavor_faults(f, group, actual))
        .collect();
    let trusted = match policy.match_policy.match_type {
        MatchType::AnyOf | MatchType::Latest => per_flavor.iter().any(Vec::is_empty),
        MatchType::AllOf => per_flavor.iter().all(Vec::is_empty),
    };
    PartResult {
        trusted: Some(trusted),
        flavor_ids: chosen.iter().map(|f| f.id).collect(),
        // Once the policy is met, other flavors' mismatches are not faults.
        faults: if trusted {
            Vec::new()
        } else {
            per_flavor.into_iter().flatten().collect()
        },
    }
}

/// Evaluates quoted PCR values against every group's policies (SecL's per-group verification,
/// results joined): a part is untrusted if any group's policy for it fails, NA if no policy
/// applied, and the host is trusted only when something was evaluated and no part failed.
/// Flavors of a part the group has no policy for are not looked at.
pub fn evaluate_groups(groups: &[GroupFlavors<'_>], actual: Measured<'_>) -> Evaluation {
    let mut parts: BTreeMap<String, PartResult> = FlavorPart::ALL
        .iter()
        .map(|p| (p.name().to_string(), PartResult::na()))
        .collect();
    for g in groups {
        for policy in g.policies {
            let candidates: Vec<&Flavor> = g
                .flavors
                .iter()
                .copied()
                .filter(|f| PolicyPart::from(f.flavor_part) == policy.flavor_part)
                .collect();
            let r = evaluate_policy(g.name, policy, &candidates, actual);
            let name = policy.flavor_part.name();
            match parts.get_mut(name) {
                Some(existing) => existing.merge(r),
                None if r.trusted.is_some() => {
                    parts.insert(name.to_string(), r);
                }
                None => {}
            }
        }
    }
    let applied = parts.values().any(|p| p.trusted.is_some());
    let overall = applied && parts.values().all(|p| p.trusted != Some(false));
    Evaluation {
        overall,
        parts,
        flavorgroups: groups.iter().map(|g| g.name.to_string()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flavor(part: FlavorPart, hw: Option<&str>, pcrs: &[(u8, u8)]) -> Flavor {
        Flavor {
            id: Uuid::new_v4(),
            label: "t".into(),
            flavor_part: part,
            flavor_group: part.group().into(),
            hardware_uuid: hw.map(str::to_string),
            pcr_bank: "SHA256".into(),
            pcrs: pcrs
                .iter()
                .map(|(i, b)| PcrExpectation {
                    index: *i,
                    value: hex::encode([*b; 32]),
                })
                .collect(),
            created: time::OffsetDateTime::now_utc().format(&Rfc3339).unwrap(),
            asset_tag: None,
        }
    }

    /// PCR values alone, no asset tag.
    fn m(pcrs: &BTreeMap<u8, Vec<u8>>) -> Measured<'_> {
        Measured {
            pcrs,
            asset_tag: None,
        }
    }

    fn actual(v: &[(u8, u8)]) -> BTreeMap<u8, Vec<u8>> {
        v.iter().map(|(i, b)| (*i, vec![*b; 32])).collect()
    }

    fn automatic<'a>(policies: &'a [FlavorMatchPolicy], flavors: &[&'a Flavor]) -> Evaluation {
        evaluate_groups(
            &[GroupFlavors {
                name: GROUP_AUTOMATIC,
                policies,
                flavors: flavors.to_vec(),
            }],
            m(&actual(&[(0, 0), (7, 0), (8, 1), (11, 2)])),
        )
    }

    #[test]
    fn default_policies_trusted_untrusted_and_na() {
        let pol = automatic_policies();
        let p = flavor(FlavorPart::Platform, None, &[(0, 0), (7, 0)]);
        let o = flavor(FlavorPart::Os, None, &[(8, 1)]);
        let e = automatic(&pol, &[&p, &o]);
        assert!(e.overall);
        assert_eq!(e.parts["PLATFORM"].trusted, Some(true));
        assert_eq!(e.parts["HOST_UNIQUE"].saml_value(), "NA");
        assert!(!e.parts.contains_key("SOFTWARE"), "{e:?}");
        assert_eq!(e.flavorgroups, vec![GROUP_AUTOMATIC.to_string()]);

        let bad_p = flavor(FlavorPart::Platform, None, &[(0, 0), (7, 9)]);
        let e = automatic(&pol, &[&bad_p, &o]);
        assert!(!e.overall);
        let f = &e.parts["PLATFORM"].faults;
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].pcr_index, Some(7));
        assert_eq!(f[0].name, FAULT_PCR_MISMATCH);
        assert!(f[0].description.contains("PCR 7"));
        assert_eq!(e.parts["OS"].trusted, Some(true));

        // PLATFORM and OS are REQUIRED in `automatic`: OS alone is not enough.
        let e = automatic(&pol, &[&o]);
        assert!(!e.overall);
        let f = &e.parts["PLATFORM"].faults;
        assert_eq!(f[0].name, FAULT_FLAVOR_MISSING);
        assert!(f[0].description.contains("no flavor"), "{f:?}");
        assert_eq!(f[0].flavor_id, None);
    }

    #[test]
    fn no_flavor_and_no_group_are_not_trusted() {
        let pol = automatic_policies();
        assert!(!automatic(&pol, &[]).overall);
        assert!(!evaluate_groups(&[], m(&actual(&[(0, 0)]))).overall);
    }

    /// The allow/deny matrix: match type × requirement × which flavors match.
    #[test]
    fn policy_matrix() {
        use MatchType::*;
        use Requirement::*;
        let host = actual(&[(0, 0)]);
        let good = flavor(FlavorPart::Platform, None, &[(0, 0)]);
        let bad1 = flavor(FlavorPart::Platform, None, &[(0, 1)]);
        // Created later than `good` and `bad1`.
        std::thread::sleep(std::time::Duration::from_millis(2));
        let newest_bad = flavor(FlavorPart::Platform, None, &[(0, 2)]);
        std::thread::sleep(std::time::Duration::from_millis(2));
        let newest_good = flavor(FlavorPart::Platform, None, &[(0, 0)]);
        // (match type, required, flavors, expected trusted)
        let cases: Vec<(MatchType, Requirement, Vec<&Flavor>, Option<bool>)> = vec![
            (AnyOf, Required, vec![], Some(false)),
            (AnyOf, RequiredIfDefined, vec![], None),
            (AllOf, Required, vec![], Some(false)),
            (AllOf, RequiredIfDefined, vec![], None),
            (Latest, Required, vec![], Some(false)),
            (Latest, RequiredIfDefined, vec![], None),
            (AnyOf, Required, vec![&good], Some(true)),
            (AnyOf, Required, vec![&bad1], Some(false)),
            (AnyOf, Required, vec![&good, &bad1], Some(true)),
            (AnyOf, RequiredIfDefined, vec![&good, &bad1], Some(true)),
            (AnyOf, RequiredIfDefined, vec![&bad1], Some(false)),
            (AllOf, Required, vec![&good], Some(true)),
            (AllOf, Required, vec![&good, &bad1], Some(false)),
            (AllOf, RequiredIfDefined, vec![&good, &bad1], Some(false)),
            (AllOf, Required, vec![&good, &newest_good], Some(true)),
            (Latest, Required, vec![&bad1, &newest_good], Some(true)),
            (Latest, Required, vec![&good, &newest_bad], Some(false)),
            (
                Latest,
                RequiredIfDefined,
                vec![&newest_good, &bad1],
                Some(true),
            ),
            (
                Latest,
                RequiredIfDefined,
                vec![&newest_bad, &good],
                Some(false),
            ),
        ];
        for (i, (mt, req, flavors, want)) in cases.into_iter().enumerate() {
            let policy = FlavorMatchPolicy::new(PolicyPart::Platform, mt, req);
            let r = evaluate_policy("g", &policy, &flavors, m(&host));
            assert_eq!(r.trusted, want, "case {i}: {mt:?} {req:?}: {r:?}");
            assert_eq!(r.faults.is_empty(), want != Some(false), "case {i}: {r:?}");
            if mt == Latest && !flavors.is_empty() {
                assert_eq!(r.flavor_ids.len(), 1, "case {i}: only the newest counts");
            }
        }
        // ALL_OF names the flavor that differs and its PCR.
        let policy = FlavorMatchPolicy::new(PolicyPart::Platform, AllOf, Required);
        let r = evaluate_policy("g", &policy, &[&good, &bad1], m(&host));
        assert_eq!(r.faults.len(), 1);
        assert_eq!(r.faults[0].flavor_id, Some(bad1.id));
        assert_eq!(r.faults[0].pcr_index, Some(0));
        assert_eq!(r.faults[0].flavorgroup.as_deref(), Some("g"));
    }

    #[test]
    fn groups_are_joined_and_unknown_parts_only_count_when_required() {
        use MatchType::*;
        use Requirement::*;
        let p = flavor(FlavorPart::Platform, None, &[(0, 0)]);
        let bad = flavor(FlavorPart::Platform, None, &[(0, 5)]);
        let any = [FlavorMatchPolicy::new(
            PolicyPart::Platform,
            AnyOf,
            Required,
        )];
        let all = [FlavorMatchPolicy::new(
            PolicyPart::Platform,
            AllOf,
            Required,
        )];
        let host = actual(&[(0, 0)]);
        let g1 = GroupFlavors {
            name: "one",
            policies: &any,
            flavors: vec![&p, &bad],
        };
        let g2 = GroupFlavors {
            name: "two",
            policies: &all,
            flavors: vec![&p, &bad],
        };
        assert!(evaluate_groups(std::slice::from_ref(&g1), m(&host)).overall);
        let e = evaluate_groups(&[g1.clone(), g2], m(&host));
        assert!(!e.overall);
        assert_eq!(
            e.parts["PLATFORM"].faults[0].flavorgroup.as_deref(),
            Some("two")
        );

        let sw = [
            FlavorMatchPolicy::new(PolicyPart::Platform, AnyOf, Required),
            FlavorMatchPolicy::new(PolicyPart::Software, AllOf, Required),
        ];
        let e = evaluate_groups(
            &[GroupFlavors {
                name: "sw",
                policies: &sw,
                flavors: vec![&p],
            }],
            m(&host),
        );
        assert!(!e.overall);
        assert_eq!(e.parts["SOFTWARE"].trusted, Some(false));
        // A part without a policy is not looked at.
        let os_only = [FlavorMatchPolicy::new(
            PolicyPart::Os,
            AnyOf,
            RequiredIfDefined,
        )];
        let e = evaluate_groups(
            &[GroupFlavors {
                name: "os",
                policies: &os_only,
                flavors: vec![&bad],
            }],
            m(&host),
        );
        assert!(!e.overall, "nothing evaluated is not trusted");
        assert_eq!(e.parts["PLATFORM"].trusted, None);
    }

    #[test]
    fn asset_tag_flavors_compare_the_reported_digest() {
        use base64::Engine as _;
        let digest = [5u8; 48];
        let mut tag = flavor(FlavorPart::AssetTag, Some("hw"), &[]);
        tag.asset_tag = Some(AssetTagExpectation {
            certificate_id: Uuid::new_v4(),
            digest: base64::engine::general_purpose::STANDARD.encode(digest),
            tags: vec![TagKvAttribute {
                name: "country".into(),
                value: "US".into(),
            }],
        });
        let policy = FlavorMatchPolicy::new(
            PolicyPart::AssetTag,
            MatchType::Latest,
            Requirement::RequiredIfDefined,
        );
        let pcrs = actual(&[]);
        let run = |reported: Option<&[u8]>| {
            evaluate_policy(
                "g",
                &policy,
                &[&tag],
                Measured {
                    pcrs: &pcrs,
                    asset_tag: reported,
                },
            )
        };
        assert_eq!(run(Some(&digest)).trusted, Some(true));
        let r = run(Some(&[6u8; 48]));
        assert_eq!(r.trusted, Some(false));
        assert_eq!(r.faults[0].name, FAULT_ASSET_TAG_MISMATCH);
        let r = run(None);
        assert_eq!(r.faults[0].name, FAULT_ASSET_TAG_MISSING);
        // No ASSET_TAG flavor under REQUIRED_IF_DEFINED: NA.
        let none = evaluate_policy("g", &policy, &[], m(&pcrs));
        assert_eq!(none.trusted, None);
        assert!(FlavorPart::AssetTag.pcrs().next().is_none());
    }

    #[test]
    fn policies_are_checked_and_parse_as_secl_writes_them() {
        let c: MatchPolicyCollection = serde_json::from_value(serde_json::json!({
            "flavor_match_policies": [
                {"flavor_part": "PLATFORM", "match_policy": {"match_type": "ANY_OF", "required": "REQUIRED"}},
                {"flavor_part": "SOFTWARE", "match_policy": {"match_type": "ALL_OF", "required": "REQUIRED_IF_DEFINED"}},
                {"flavor_part": "HOST_UNIQUE", "match_policy": {"match_type": "LATEST", "required": "REQUIRED_IF_DEFINED"}}
            ]
        }))
        .unwrap();
        check_policies(&c.flavor_match_policies).unwrap();
        assert!(check_policies(&[]).is_err());
        let dup = [c.flavor_match_policies[0], c.flavor_match_policies[0]];
        assert!(check_policies(&dup).is_err());
        for bad in [
            serde_json::json!({"flavor_part": "PLATFORM", "match_policy": {"match_type": "SOME_OF", "required": "REQUIRED"}}),
            serde_json::json!({"flavor_part": "BIOS", "match_policy": {"match_type": "ANY_OF", "required": "REQUIRED"}}),
            serde_json::json!({"flavor_part": "OS", "match_policy": {"match_type": "ANY_OF"}}),
            serde_json::json!({"flavor_part": "OS", "match_policy": {"match_type": "ANY_OF", "required": "REQUIRED", "x": 1}}),
        ] {
            assert!(serde_json::from_value::<FlavorMatchPolicy>(bad).is_err());
        }
        assert_eq!(
            serde_json::to_value(automatic_policies()[0]).unwrap(),
            serde_json::json!({"flavor_part": "PLATFORM", "match_policy": {"match_type": "ANY_OF", "required": "REQUIRED"}})
        );
    }

    #[test]
    fn import_is_validated() {
        let ok: FlavorImport = serde_json::from_value(serde_json::json!({
            "flavor_part": "OS",
            "pcrs": [{"index": 9, "value": "AA".repeat(32)}, {"index": 8, "value": "00".repeat(32)}]
        }))
        .unwrap();
        let (f, groups) = ok.into_flavor("now").unwrap();
        assert_eq!(f.pcrs[0].index, 8);
        assert_eq!(f.pcrs[1].value, "aa".repeat(32));
        assert_eq!(f.flavor_group, GROUP_AUTOMATIC);
        assert_eq!(groups, vec![GROUP_AUTOMATIC.to_string()]);
        let named: FlavorImport = serde_json::from_value(serde_json::json!({
            "flavor_part": "OS", "flavorgroup_names": ["g1", "g2", "g1"],
            "pcrs": [{"index": 8, "value": "00".repeat(32)}]
        }))
        .unwrap();
        assert_eq!(named.into_flavor("now").unwrap().1, vec!["g1", "g2"]);
        for bad in [
            serde_json::json!({"flavor_part": "OS", "pcrs": []}),
            serde_json::json!({"flavor_part": "OS", "pcrs": [{"index": 24, "value": "00".repeat(32)}]}),
            serde_json::json!({"flavor_part": "OS", "pcrs": [{"index": 1, "value": "00"}]}),
            serde_json::json!({"flavor_part": "HOST_UNIQUE", "pcrs": [{"index": 11, "value": "00".repeat(32)}]}),
            serde_json::json!({"flavor_part": "OS", "hardware_uuid": "x", "pcrs": [{"index": 8, "value": "00".repeat(32)}]}),
            serde_json::json!({"flavor_part": "OS", "flavor_group": "host_unique", "pcrs": [{"index": 8, "value": "00".repeat(32)}]}),
            serde_json::json!({"flavor_part": "OS", "flavorgroup_names": ["bad name"], "pcrs": [{"index": 8, "value": "00".repeat(32)}]}),
            serde_json::json!({"flavor_part": "HOST_UNIQUE", "flavorgroup_names": ["automatic"], "hardware_uuid": "6a4a3a8e-0000-4000-8000-000000000001", "pcrs": [{"index": 11, "value": "00".repeat(32)}]}),
        ] {
            let imp: FlavorImport = serde_json::from_value(bad.clone()).unwrap();
            assert!(imp.into_flavor("now").is_err(), "{bad}");
        }
    }
}
