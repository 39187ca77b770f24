//! Flavors (expected PCR values per part) and trust evaluation, pure so it is tested without a
//! TPM.
//!
//! PCR mapping used when a flavor is created from a host (SHA-256 bank). SecL's real mapping
//! differs per vendor and event log; this one is deliberately simple:
//! * `PLATFORM` = PCRs 0-7 (firmware, option ROMs, boot loader, Secure Boot policy);
//! * `OS` = PCRs 8-9 (kernel command line and files measured by the boot loader);
//! * `HOST_UNIQUE` = PCRs 11-15 (left free for host-specific measurements; PCR 10 is skipped
//!   because IMA extends it continuously at run time).
//!
//! PLATFORM and OS flavors belong to flavor group `automatic` and apply to every host;
//! HOST_UNIQUE flavors belong to group `host_unique` and apply only to the host with their
//! hardware UUID. A part is trusted when at least one of its applicable flavors matches every
//! PCR it names; it is NA when none applies. Overall trust needs at least one applicable flavor
//! and every part with flavors trusted.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::error::{Result, bad};

/// Number of PCRs of a TPM 2.0 bank.
pub const PCR_COUNT: u8 = 24;
/// Flavor group of flavors that apply to every host.
pub const GROUP_AUTOMATIC: &str = "automatic";
/// Flavor group of host-unique flavors.
pub const GROUP_HOST_UNIQUE: &str = "host_unique";

/// The flavor parts this HVS evaluates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum FlavorPart {
    Platform,
    Os,
    HostUnique,
}

impl FlavorPart {
    pub const ALL: [FlavorPart; 3] = [Self::Platform, Self::Os, Self::HostUnique];

    /// SecL's name (`PLATFORM`, `OS`, `HOST_UNIQUE`).
    pub fn name(self) -> &'static str {
        match self {
            Self::Platform => "PLATFORM",
            Self::Os => "OS",
            Self::HostUnique => "HOST_UNIQUE",
        }
    }

    /// PCRs recorded when a flavor of this part is created from a host (see module docs).
    pub fn pcrs(self) -> std::ops::RangeInclusive<u8> {
        match self {
            Self::Platform => 0..=7,
            Self::Os => 8..=9,
            Self::HostUnique => 11..=15,
        }
    }

    pub fn group(self) -> &'static str {
        match self {
            Self::HostUnique => GROUP_HOST_UNIQUE,
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
}

/// A flavor as an admin imports it (`POST /flavors` without `host_id`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlavorImport {
    #[serde(default)]
    pub id: Option<Uuid>,
    #[serde(default)]
    pub label: Option<String>,
    pub flavor_part: FlavorPart,
    #[serde(default)]
    pub flavor_group: Option<String>,
    #[serde(default)]
    pub hardware_uuid: Option<String>,
    #[serde(default)]
    pub pcr_bank: Option<String>,
    pub pcrs: Vec<PcrExpectation>,
    #[serde(default)]
    pub created: Option<String>,
}

impl FlavorImport {
    /// Checks the import and turns it into a flavor with a fresh id.
    pub fn into_flavor(self, now: &str) -> Result<Flavor> {
        if let Some(bank) = &self.pcr_bank
            && !bank.eq_ignore_ascii_case("SHA256")
        {
            return Err(bad(format!(
                "Invalid flavor: PCR bank {bank:?} (only SHA256)"
            )));
        }
        if let Some(group) = &self.flavor_group
            && group != self.flavor_part.group()
        {
            return Err(bad(format!(
                "Invalid flavor: a {} flavor belongs to flavor group {}",
                self.flavor_part.name(),
                self.flavor_part.group()
            )));
        }
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
        Ok(Flavor {
            id: Uuid::new_v4(),
            label,
            flavor_part: self.flavor_part,
            flavor_group: self.flavor_part.group().into(),
            hardware_uuid,
            pcr_bank: "SHA256".into(),
            pcrs,
            created: now.into(),
        })
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

/// Flavors that apply to the host with `hardware_uuid`.
pub fn applicable<'a>(flavors: &'a [Flavor], hardware_uuid: &str) -> Vec<&'a Flavor> {
    flavors
        .iter()
        .filter(|f| match f.flavor_part {
            FlavorPart::HostUnique => f
                .hardware_uuid
                .as_deref()
                .is_some_and(|h| h.eq_ignore_ascii_case(hardware_uuid)),
            _ => true,
        })
        .collect()
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

/// A PCR that did not have the value a flavor expects.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fault {
    pub flavor_id: Uuid,
    pub pcr_index: u8,
    pub expected: String,
    /// Empty when the PCR was not quoted.
    pub actual: String,
    pub description: String,
}

/// One part's outcome; `trusted` is `None` (NA) when no flavor of the part applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartResult {
    pub trusted: Option<bool>,
    pub flavor_ids: Vec<Uuid>,
    pub faults: Vec<Fault>,
}

impl PartResult {
    /// The SAML attribute value: `true`, `false` or `NA`.
    pub fn saml_value(&self) -> &'static str {
        match self.trusted {
            Some(true) => "true",
            Some(false) => "false",
            None => "NA",
        }
    }
}

/// A host's evaluation against its applicable flavors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    pub overall: bool,
    pub parts: BTreeMap<String, PartResult>,
}

/// Evaluates quoted PCR values (index → SHA-256 value) against `flavors`.
pub fn evaluate(flavors: &[&Flavor], actual: &BTreeMap<u8, Vec<u8>>) -> Evaluation {
    let mut parts = BTreeMap::new();
    for part in FlavorPart::ALL {
        let of_part: Vec<&&Flavor> = flavors.iter().filter(|f| f.flavor_part == part).collect();
        if of_part.is_empty() {
            parts.insert(
                part.name().to_string(),
                PartResult {
                    trusted: None,
                    flavor_ids: Vec::new(),
                    faults: Vec::new(),
                },
            );
            continue;
        }
        let mut faults = Vec::new();
        let mut any_match = false;
        for flavor in &of_part {
            let mine: Vec<Fault> = flavor
                .pcrs
                .iter()
                .filter_map(|p| {
                    let got = actual.get(&p.index).map(hex::encode).unwrap_or_default();
                    (got != p.value).then(|| Fault {
                        flavor_id: flavor.id,
                        pcr_index: p.index,
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
                    })
                })
                .collect();
            any_match |= mine.is_empty();
            faults.extend(mine);
        }
        parts.insert(
            part.name().to_string(),
            PartResult {
                trusted: Some(any_match),
                flavor_ids: of_part.iter().map(|f| f.id).collect(),
                // Once one flavor matched, the others' mismatches are not faults.
                faults: if any_match { Vec::new() } else { faults },
            },
        );
    }
    let applied = parts.values().any(|p| p.trusted.is_some());
    let overall = applied && parts.values().all(|p| p.trusted != Some(false));
    Evaluation { overall, parts }
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
            created: String::new(),
        }
    }

    fn actual(v: &[(u8, u8)]) -> BTreeMap<u8, Vec<u8>> {
        v.iter().map(|(i, b)| (*i, vec![*b; 32])).collect()
    }

    #[test]
    fn trusted_untrusted_and_na() {
        let p = flavor(FlavorPart::Platform, None, &[(0, 0), (7, 0)]);
        let o = flavor(FlavorPart::Os, None, &[(8, 1)]);
        let e = evaluate(&[&p, &o], &actual(&[(0, 0), (7, 0), (8, 1)]));
        assert!(e.overall);
        assert_eq!(e.parts["PLATFORM"].trusted, Some(true));
        assert_eq!(e.parts["HOST_UNIQUE"].saml_value(), "NA");

        let e = evaluate(&[&p, &o], &actual(&[(0, 0), (7, 9), (8, 1)]));
        assert!(!e.overall);
        let f = &e.parts["PLATFORM"].faults;
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].pcr_index, 7);
        assert_eq!(f[0].actual, hex::encode([9u8; 32]));
        assert!(f[0].description.contains("PCR 7"));
        assert_eq!(e.parts["OS"].trusted, Some(true));
    }

    #[test]
    fn any_matching_flavor_of_a_part_suffices() {
        let a = flavor(FlavorPart::Platform, None, &[(0, 1)]);
        let b = flavor(FlavorPart::Platform, None, &[(0, 2)]);
        let e = evaluate(&[&a, &b], &actual(&[(0, 2)]));
        assert!(e.overall);
        assert!(e.parts["PLATFORM"].faults.is_empty());
    }

    #[test]
    fn no_flavor_is_not_trusted() {
        let e = evaluate(&[], &actual(&[(0, 0)]));
        assert!(!e.overall);
    }

    #[test]
    fn host_unique_applies_to_its_host_only() {
        let hw = "6a4a3a8e-0000-4000-8000-000000000001";
        let all = vec![
            flavor(FlavorPart::Platform, None, &[(0, 0)]),
            flavor(FlavorPart::HostUnique, Some(hw), &[(11, 0)]),
        ];
        assert_eq!(applicable(&all, hw).len(), 2);
        assert_eq!(
            applicable(&all, "6a4a3a8e-0000-4000-8000-000000000002").len(),
            1
        );
        assert_eq!(pcrs_named(&applicable(&all, hw)), vec![0, 11]);
    }

    #[test]
    fn import_is_validated() {
        let ok: FlavorImport = serde_json::from_value(serde_json::json!({
            "flavor_part": "OS",
            "pcrs": [{"index": 9, "value": "AA".repeat(32)}, {"index": 8, "value": "00".repeat(32)}]
        }))
        .unwrap();
        let f = ok.into_flavor("now").unwrap();
        assert_eq!(f.pcrs[0].index, 8);
        assert_eq!(f.pcrs[1].value, "aa".repeat(32));
        assert_eq!(f.flavor_group, GROUP_AUTOMATIC);
        for bad in [
            serde_json::json!({"flavor_part": "OS", "pcrs": []}),
            serde_json::json!({"flavor_part": "OS", "pcrs": [{"index": 24, "value": "00".repeat(32)}]}),
            serde_json::json!({"flavor_part": "OS", "pcrs": [{"index": 1, "value": "00"}]}),
            serde_json::json!({"flavor_part": "HOST_UNIQUE", "pcrs": [{"index": 11, "value": "00".repeat(32)}]}),
            serde_json::json!({"flavor_part": "OS", "hardware_uuid": "x", "pcrs": [{"index": 8, "value": "00".repeat(32)}]}),
        ] {
            let imp: FlavorImport = serde_json::from_value(bad).unwrap();
            assert!(imp.into_flavor("now").is_err());
        }
    }
}
