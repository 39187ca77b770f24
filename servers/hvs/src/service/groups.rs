//! Flavor groups (SecL's `/flavorgroups`): records with their match policies, a name index that
//! keeps names unique in every backend, flavor links, the default groups, and the one-time
//! migration of stores written before groups existed.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::{HostRecord, Hvs, from_json, json};
use crate::error::{HvsError, Result, bad};
use crate::flavor::{
    self, FlavorMatchPolicy, FlavorPart, GROUP_AUTOMATIC, GROUP_HOST_UNIQUE, MatchPolicyCollection,
};
use secl_store::StoreError;

const KIND_GROUP: &str = "hvs-flavorgroup";
const KIND_GROUP_NAME: &str = "hvs-flavorgroup-name";
const KIND_LINK: &str = "hvs-flavorgroup-flavor";
const KIND_META: &str = "hvs-meta";
/// Set once existing flavors were linked to their groups.
const MIGRATED: &str = "flavorgroups-v1";

pub const GROUP_NOT_FOUND: &str = "FlavorGroup with given ID does not exist";
pub const GROUP_EXISTS: &str = "FlavorGroup with same name already exist";

/// A stored flavor group, in SecL's JSON form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlavorGroup {
    pub id: Uuid,
    pub name: String,
    pub flavor_match_policy_collection: MatchPolicyCollection,
}

impl FlavorGroup {
    pub fn policies(&self) -> &[FlavorMatchPolicy] {
        &self.flavor_match_policy_collection.flavor_match_policies
    }

    /// SecL's system groups, which cannot be deleted.
    pub fn is_default(&self) -> bool {
        self.name == GROUP_AUTOMATIC || self.name == GROUP_HOST_UNIQUE
    }
}

/// `POST /flavorgroups` body.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlavorGroupCreate {
    pub name: String,
    #[serde(default)]
    pub flavor_match_policy_collection: Option<MatchPolicyCollection>,
}

/// `GET /flavorgroups` filters (SecL's `id`, `nameEqualTo`, `nameContains`).
#[derive(Debug, Default)]
pub struct FlavorGroupFilter {
    pub id: Option<Uuid>,
    pub name_equal_to: Option<String>,
    pub name_contains: Option<String>,
}

/// A flavor-group link, SecL's `{"flavorgroup_id", "flavor_id"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlavorLink {
    pub flavorgroup_id: Uuid,
    pub flavor_id: Uuid,
}

fn link_key(group: Uuid, flavor: Uuid) -> String {
    format!("{group}:{flavor}")
}

impl Hvs {
    /// Creates the default groups when missing (`automatic` with SecL's default policies,
    /// `host_unique` without any), then links flavors stored before groups existed to the
    /// group they name. Safe to run on every start and from several instances.
    pub async fn init_flavorgroups(&self) -> Result<()> {
        self.ensure_group(GROUP_AUTOMATIC, flavor::automatic_policies())
            .await?;
        self.ensure_group(GROUP_HOST_UNIQUE, Vec::new()).await?;
        if self.store.get(KIND_META, MIGRATED).await?.is_some() {
            return Ok(());
        }
        let linked: BTreeSet<Uuid> = self.links().await?.iter().map(|l| l.flavor_id).collect();
        for f in self.flavors().await? {
            if linked.contains(&f.id) {
                continue;
            }
            let name = if f.flavor_part == FlavorPart::HostUnique {
                GROUP_HOST_UNIQUE
            } else {
                GROUP_AUTOMATIC
            };
            let g = self.ensure_group(name, Vec::new()).await?;
            self.insert_link(g.id, f.id).await?;
        }
        self.store.put(KIND_META, MIGRATED, b"{}").await?;
        Ok(())
    }

    /// The group called `name`, created with `policies` when there is none.
    async fn ensure_group(
        &self,
        name: &str,
        policies: Vec<FlavorMatchPolicy>,
    ) -> Result<FlavorGroup> {
        for _ in 0..3 {
            if let Some(g) = self.flavorgroup_by_name(name).await? {
                return Ok(g);
            }
            match self.insert_group(name, policies.clone()).await {
                Ok(g) => return Ok(g),
                // Another request created it meanwhile: read it.
                Err(HvsError::BadRequest(m)) if m == GROUP_EXISTS => {}
                Err(e) => return Err(e),
            }
        }
        Err(HvsError::Internal(format!(
            "flavor group {name} keeps changing"
        )))
    }

    /// The name index entry is claimed first: it is the uniqueness check in every backend.
    async fn insert_group(
        &self,
        name: &str,
        policies: Vec<FlavorMatchPolicy>,
    ) -> Result<FlavorGroup> {
        let g = FlavorGroup {
            id: Uuid::new_v4(),
            name: name.to_string(),
            flavor_match_policy_collection: MatchPolicyCollection {
                flavor_match_policies: policies,
            },
        };
        match self
            .store
            .insert(KIND_GROUP_NAME, name, g.id.to_string().as_bytes())
            .await
        {
            Err(StoreError::Conflict { .. }) => return Err(bad(GROUP_EXISTS)),
            other => other?,
        }
        if let Err(e) = self
            .store
            .insert(KIND_GROUP, &g.id.to_string(), &json(&g)?)
            .await
        {
            let _ = self.store.delete(KIND_GROUP_NAME, name).await;
            return Err(e.into());
        }
        Ok(g)
    }

    /// `POST /flavorgroups`.
    pub async fn create_flavorgroup(&self, req: FlavorGroupCreate) -> Result<FlavorGroup> {
        let name = req.name.trim();
        if name.is_empty() {
            return Err(bad("FlavorGroup Name must be specified"));
        }
        flavor::check_group_name(name)?;
        let policies = req
            .flavor_match_policy_collection
            .map(|c| c.flavor_match_policies)
            .unwrap_or_default();
        flavor::check_policies(&policies)?;
        self.insert_group(name, policies).await
    }

    pub async fn flavorgroup(&self, id: Uuid) -> Result<Option<FlavorGroup>> {
        match self.store.get(KIND_GROUP, &id.to_string()).await? {
            Some(v) => Ok(Some(from_json(KIND_GROUP, &v)?)),
            None => Ok(None),
        }
    }

    pub async fn flavorgroup_by_name(&self, name: &str) -> Result<Option<FlavorGroup>> {
        let Some(id) = self.store.get(KIND_GROUP_NAME, name).await? else {
            return Ok(None);
        };
        let id = std::str::from_utf8(&id)
            .ok()
            .and_then(|s| Uuid::try_parse(s).ok())
            .ok_or_else(|| HvsError::Internal(format!("corrupt flavor group index for {name}")))?;
        self.flavorgroup(id).await
    }

    /// Every group, by name.
    pub async fn flavorgroups(&self, filter: &FlavorGroupFilter) -> Result<Vec<FlavorGroup>> {
        let mut all: Vec<FlavorGroup> = self
            .store
            .list(KIND_GROUP)
            .await?
            .iter()
            .map(|(_, v)| from_json(KIND_GROUP, v))
            .collect::<Result<_>>()?;
        all.retain(|g| {
            filter.id.is_none_or(|id| g.id == id)
                && filter.name_equal_to.as_deref().is_none_or(|n| g.name == n)
                && filter
                    .name_contains
                    .as_deref()
                    .is_none_or(|n| g.name.contains(n))
        });
        all.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(all)
    }

    /// The groups called `names`; as in SecL, a name without a group gets a new group with the
    /// default (`automatic`) policies. Names must be valid; `host_unique` is not for hosts.
    pub async fn groups_for_names(&self, names: &[String]) -> Result<Vec<FlavorGroup>> {
        let mut out: Vec<FlavorGroup> = Vec::new();
        for n in names {
            let g = self.ensure_group(n, flavor::automatic_policies()).await?;
            if !out.iter().any(|o| o.id == g.id) {
                out.push(g);
            }
        }
        Ok(out)
    }

    /// `DELETE /flavorgroups/{id}`: refused for the default groups (as SecL) and for groups
    /// hosts are linked to; the group's flavor links go with it (the flavors stay).
    pub async fn delete_flavorgroup(&self, id: Uuid) -> Result<bool> {
        let Some(g) = self.flavorgroup(id).await? else {
            return Ok(false);
        };
        if g.is_default() {
            return Err(bad(format!(
                "{} is a system generated default flavorgroup which is protected and cannot be \
                 deleted",
                g.name
            )));
        }
        let automatic = self
            .flavorgroup_by_name(GROUP_AUTOMATIC)
            .await?
            .map(|a| a.id);
        let users = self
            .hosts()
            .await?
            .iter()
            .filter(|h| host_group_ids(h, automatic).contains(&id))
            .count();
        if users > 0 {
            return Err(HvsError::Conflict(format!(
                "FlavorGroup {} is in use by {users} host(s); delete or re-register them first",
                g.name
            )));
        }
        for l in self
            .links()
            .await?
            .into_iter()
            .filter(|l| l.flavorgroup_id == id)
        {
            self.store
                .delete(KIND_LINK, &link_key(l.flavorgroup_id, l.flavor_id))
                .await?;
        }
        let deleted = self.store.delete(KIND_GROUP, &id.to_string()).await?;
        self.store.delete(KIND_GROUP_NAME, &g.name).await?;
        Ok(deleted)
    }

    // ----- flavor links ---------------------------------------------------------------------

    /// Every flavor-group link.
    pub async fn links(&self) -> Result<Vec<FlavorLink>> {
        self.store
            .list(KIND_LINK)
            .await?
            .iter()
            .map(|(_, v)| from_json(KIND_LINK, v))
            .collect()
    }

    /// Adds a link; false if it was there already.
    pub(super) async fn insert_link(&self, group: Uuid, flavor: Uuid) -> Result<bool> {
        let l = FlavorLink {
            flavorgroup_id: group,
            flavor_id: flavor,
        };
        match self
            .store
            .insert(KIND_LINK, &link_key(group, flavor), &json(&l)?)
            .await
        {
            Ok(()) => Ok(true),
            Err(StoreError::Conflict { .. }) => Ok(false),
            Err(e) => Err(e.into()),
        }
    }

    /// `POST /flavorgroups/{id}/flavors`: HOST_UNIQUE flavors only into `host_unique`, the
    /// others anywhere else.
    pub async fn link_flavor(&self, group: Uuid, flavor_id: Uuid) -> Result<FlavorLink> {
        let Some(g) = self.flavorgroup(group).await? else {
            return Err(HvsError::NotFound("FlavorGroup does not exist".into()));
        };
        let Some(f) = self.flavor(flavor_id).await? else {
            return Err(bad("Flavor does not exist"));
        };
        let unique_group = g.name == GROUP_HOST_UNIQUE;
        if unique_group != (f.flavor_part == FlavorPart::HostUnique) {
            return Err(bad(format!(
                "A {} flavor cannot join flavor group {}: HOST_UNIQUE flavors belong to \
                 {GROUP_HOST_UNIQUE} only",
                f.flavor_part.name(),
                g.name
            )));
        }
        if !self.insert_link(group, flavor_id).await? {
            return Err(bad("FlavorGroup-Flavor link already exists"));
        }
        Ok(FlavorLink {
            flavorgroup_id: group,
            flavor_id,
        })
    }

    pub async fn flavor_link(&self, group: Uuid, flavor: Uuid) -> Result<Option<FlavorLink>> {
        match self.store.get(KIND_LINK, &link_key(group, flavor)).await? {
            Some(v) => Ok(Some(from_json(KIND_LINK, &v)?)),
            None => Ok(None),
        }
    }

    pub async fn unlink_flavor(&self, group: Uuid, flavor: Uuid) -> Result<bool> {
        Ok(self
            .store
            .delete(KIND_LINK, &link_key(group, flavor))
            .await?)
    }

    /// Removes every link of a deleted flavor.
    pub(super) async fn unlink_flavor_everywhere(&self, flavor: Uuid) -> Result<()> {
        for l in self
            .links()
            .await?
            .into_iter()
            .filter(|l| l.flavor_id == flavor)
        {
            self.store
                .delete(KIND_LINK, &link_key(l.flavorgroup_id, l.flavor_id))
                .await?;
        }
        Ok(())
    }

    /// Group id → ids of its flavors.
    pub async fn flavors_by_group(&self) -> Result<BTreeMap<Uuid, Vec<Uuid>>> {
        let mut out: BTreeMap<Uuid, Vec<Uuid>> = BTreeMap::new();
        for l in self.links().await? {
            out.entry(l.flavorgroup_id).or_default().push(l.flavor_id);
        }
        Ok(out)
    }

    /// The ids of the groups a host is linked to (hosts stored before groups: `automatic`).
    pub async fn host_groups(&self, host: &HostRecord) -> Result<Vec<FlavorGroup>> {
        let automatic = self
            .flavorgroup_by_name(GROUP_AUTOMATIC)
            .await?
            .map(|a| a.id);
        let mut out = Vec::new();
        for id in host_group_ids(host, automatic) {
            match self.flavorgroup(id).await? {
                Some(g) => out.push(g),
                None => {
                    tracing::warn!(host = %host.id, group = %id, "host names a missing flavor group")
                }
            }
        }
        Ok(out)
    }
}

/// SecL's HostFlavorgroup: one link between a host and a flavor group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HostGroupLink {
    pub host_id: Uuid,
    pub flavorgroup_id: Uuid,
}

pub const HOST_LINK_NOT_FOUND: &str = "Host Flavorgroup link with specified ids does not exist";
pub const HOST_LINK_EXISTS: &str = "Host Flavorgroup link with specified ids already exist";
pub const HOST_LINK_NO_GROUP: &str = "Flavorgroup with specified id does not exist";

impl Hvs {
    /// The groups `host` is verified against, as ids (stored before groups: `automatic`).
    async fn host_group_id_list(&self, host: &HostRecord) -> Result<Vec<Uuid>> {
        let automatic = self
            .flavorgroup_by_name(GROUP_AUTOMATIC)
            .await?
            .map(|a| a.id);
        Ok(host_group_ids(host, automatic))
    }

    /// SecL's `GET /hosts/{id}/flavorgroups`: the host's links; none for an unknown host, as
    /// in SecL.
    pub async fn host_group_links(&self, host_id: Uuid) -> Result<Vec<HostGroupLink>> {
        let Some(host) = self.host(host_id).await? else {
            return Ok(Vec::new());
        };
        Ok(self
            .host_group_id_list(&host)
            .await?
            .into_iter()
            .map(|flavorgroup_id| HostGroupLink {
                host_id,
                flavorgroup_id,
            })
            .collect())
    }

    /// One link, if the host is linked to the group.
    pub async fn host_group_link(
        &self,
        host_id: Uuid,
        group: Uuid,
    ) -> Result<Option<HostGroupLink>> {
        Ok(self
            .host_group_links(host_id)
            .await?
            .into_iter()
            .find(|l| l.flavorgroup_id == group))
    }

    /// SecL's `POST /hosts/{id}/flavorgroups`: the host is verified against `group` from its
    /// next report on. The host must exist (404), the group too (400), and not be linked yet
    /// (400, SecL's codes).
    pub async fn link_host(&self, host_id: Uuid, group: Uuid) -> Result<HostGroupLink> {
        let Some(mut host) = self.host(host_id).await? else {
            return Err(HvsError::NotFound(super::HOST_BY_ID_NOT_FOUND.into()));
        };
        if self.flavorgroup(group).await?.is_none() {
            return Err(bad(HOST_LINK_NO_GROUP));
        }
        let mut ids = self.host_group_id_list(&host).await?;
        if ids.contains(&group) {
            return Err(bad(HOST_LINK_EXISTS));
        }
        ids.push(group);
        host.flavorgroup_ids = Some(ids);
        self.put_host(&mut host).await?;
        Ok(HostGroupLink {
            host_id,
            flavorgroup_id: group,
        })
    }

    /// SecL's `DELETE /hosts/{id}/flavorgroups/{fgId}`; false when there is no such link.
    pub async fn unlink_host(&self, host_id: Uuid, group: Uuid) -> Result<bool> {
        let Some(mut host) = self.host(host_id).await? else {
            return Ok(false);
        };
        let mut ids = self.host_group_id_list(&host).await?;
        let before = ids.len();
        ids.retain(|id| *id != group);
        if ids.len() == before {
            return Ok(false);
        }
        host.flavorgroup_ids = Some(ids);
        self.put_host(&mut host).await?;
        Ok(true)
    }
}

/// A host's group ids; hosts stored before groups existed belong to `automatic`.
pub(super) fn host_group_ids(host: &HostRecord, automatic: Option<Uuid>) -> Vec<Uuid> {
    match &host.flavorgroup_ids {
        Some(ids) => ids.clone(),
        None => automatic.into_iter().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::flavor::{Flavor, PartRules as _, PcrExpectation};

    fn legacy_flavor(part: FlavorPart) -> Flavor {
        Flavor {
            id: Uuid::new_v4(),
            label: "legacy".into(),
            flavor_part: part,
            flavor_group: part.group().into(),
            hardware_uuid: (part == FlavorPart::HostUnique)
                .then(|| "6a4a3a8e-0000-4000-8000-000000000001".into()),
            pcr_bank: "SHA256".into(),
            pcrs: vec![PcrExpectation {
                index: 8,
                value: "00".repeat(32),
            }],
            created: "2024-01-01T00:00:00Z".into(),
            asset_tag: None,
        }
    }

    /// Flavors and hosts stored by a version without groups load as members of `automatic`
    /// (HOST_UNIQUE flavors: `host_unique`), once: a link removed later stays removed.
    #[tokio::test]
    async fn records_from_before_groups_join_the_default_groups() {
        let dir = std::env::temp_dir().join(format!("secl-hvs-groups-{}", Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let store = secl_store::open(dir.to_str().unwrap()).await.unwrap();
        let os = legacy_flavor(FlavorPart::Os);
        let unique = legacy_flavor(FlavorPart::HostUnique);
        for f in [&os, &unique] {
            store
                .insert(
                    "hvs-flavor",
                    &f.id.to_string(),
                    &serde_json::to_vec(f).unwrap(),
                )
                .await
                .unwrap();
        }
        // A host record as the previous version wrote it: no flavorgroup_ids.
        let host: HostRecord = serde_json::from_value(serde_json::json!({
            "id": Uuid::new_v4(), "hardware_uuid": "6a4a3a8e-0000-4000-8000-000000000001",
            "host_name": "old", "connection_string": "https://old:1443", "state": "CONNECTED",
            "host_info": {"hardware_uuid": "6a4a3a8e-0000-4000-8000-000000000001"},
            "aik_der": "", "binding_der": "", "ta_ca_pem": "", "ta_token_sealed": "",
            "created": "c", "updated": "u"
        }))
        .unwrap();
        assert_eq!(host.flavorgroup_ids, None);
        store
            .insert(
                "hvs-host",
                &host.id.to_string(),
                &serde_json::to_vec(&host).unwrap(),
            )
            .await
            .unwrap();

        let hvs = Hvs::open(store, &dir, Vec::new(), 60, "test".into()).unwrap();
        hvs.init_flavorgroups().await.unwrap();
        hvs.init_flavorgroups().await.unwrap();
        let automatic = hvs
            .flavorgroup_by_name(GROUP_AUTOMATIC)
            .await
            .unwrap()
            .unwrap();
        let host_unique = hvs
            .flavorgroup_by_name(GROUP_HOST_UNIQUE)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            automatic.policies(),
            flavor::automatic_policies().as_slice()
        );
        assert!(host_unique.policies().is_empty());
        let by_group = hvs.flavors_by_group().await.unwrap();
        assert_eq!(by_group[&automatic.id], vec![os.id]);
        assert_eq!(by_group[&host_unique.id], vec![unique.id]);
        assert_eq!(hvs.links().await.unwrap().len(), 2);
        let groups = hvs.host_groups(&host).await.unwrap();
        assert_eq!(groups, vec![automatic.clone()]);
        let view = hvs.host_views(std::slice::from_ref(&host)).await.unwrap();
        assert_eq!(
            view[0]["flavorgroup_names"],
            serde_json::json!(["automatic"])
        );
        assert!(view[0].get("ta_token_sealed").is_none());
        // The default group is protected; an unlinked flavor is not linked again on restart.
        assert!(hvs.delete_flavorgroup(automatic.id).await.is_err());
        assert!(hvs.unlink_flavor(automatic.id, os.id).await.unwrap());
        hvs.init_flavorgroups().await.unwrap();
        assert_eq!(hvs.links().await.unwrap().len(), 1);
        drop(hvs);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
