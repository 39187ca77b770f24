//! `secl hvs ...`: runs one command against the Host Verification Service.

use anyhow::{Context as _, anyhow};
use secl_api::hvs::{
    CaDomain, CaType, Flavor, FlavorGroup, FlavorGroupCreateRequest, FlavorGroupFilter,
    FlavorMatchPolicy, FlavorPart, Host, HostCreateRequest, HvsClient, MatchPolicy,
    MatchPolicyCollection, MatchType, PcrExpectation, PolicyPart, Report, ReportCriteria,
    ReportFilter, Requirement, TagCertificate, TagCertificateCreateRequest, TagCertificateFilter,
    TagKvAttribute, TpmEndorsement, TpmEndorsementFilter, TpmEndorsementRequest,
};
use serde_json::json;
use uuid::Uuid;

use crate::args::{
    CaDomainArg, CaTypeArg, FlavorPartArg, HvsCaCertCommand, HvsCommand, HvsEkCommand,
    HvsFlavorCommand, HvsFlavorgroupCommand, HvsHostCommand, HvsHostFlavorgroupCommand,
    HvsReportCommand, HvsTagCommand, TokenCommand,
};
use crate::config::HvsSettings;
use crate::confirm::{Confirm, Removal, confirmation_gate, remove};
use crate::error::{clean, hinted};
use crate::input::read_nonblank;
use crate::output::{self, Ctx, fields, out, table};

fn destructive_yes(cmd: &HvsCommand) -> Option<bool> {
    match cmd {
        HvsCommand::Host(HvsHostCommand::Delete(d))
        | HvsCommand::Flavor(HvsFlavorCommand::Delete(d))
        | HvsCommand::Flavorgroup(HvsFlavorgroupCommand::Delete(d))
        | HvsCommand::Tag(HvsTagCommand::Delete(d))
        | HvsCommand::Ek(HvsEkCommand::Delete(d))
        | HvsCommand::Token(TokenCommand::Revoke(d)) => Some(d.yes),
        _ => None,
    }
}

/// Runs `secl hvs <cmd>`.
pub fn run(ctx: Ctx, settings: &HvsSettings, cmd: HvsCommand) -> anyhow::Result<()> {
    let mode = confirmation_gate(destructive_yes(&cmd))?;
    let with_token = !matches!(cmd, HvsCommand::Version | HvsCommand::CaCert(_));
    let client = settings.connect(with_token, HvsClient::new)?;
    crate::block_on(exec(ctx, &client, mode, cmd))
}

async fn exec(ctx: Ctx, c: &HvsClient, mode: Confirm, cmd: HvsCommand) -> anyhow::Result<()> {
    match cmd {
        HvsCommand::Host(h) => host(ctx, c, mode, h).await,
        HvsCommand::Flavor(f) => flavor(ctx, c, mode, f).await,
        HvsCommand::Flavorgroup(g) => flavorgroup(ctx, c, mode, g).await,
        HvsCommand::Report(r) => report(ctx, c, r).await,
        HvsCommand::Tag(t) => tag(ctx, c, mode, t).await,
        HvsCommand::Ek(e) => ek(ctx, c, mode, e).await,
        HvsCommand::Token(t) => crate::token::run(ctx, c, mode, t).await,
        HvsCommand::CaCert(HvsCaCertCommand::Get { domain, kind }) => {
            ca_cert(ctx, c, domain, kind).await
        }
        HvsCommand::Version => {
            let v = c.version().await?;
            if ctx.json() {
                out(&output::json(&json!({ "version": v }))?)?;
            } else {
                out(&format!("{}\n", clean(&v)))?;
            }
            Ok(())
        }
    }
}

// ---- hosts ----

async fn host(ctx: Ctx, c: &HvsClient, mode: Confirm, cmd: HvsHostCommand) -> anyhow::Result<()> {
    match cmd {
        HvsHostCommand::Add(a) => {
            let ta_ca = read_nonblank(&a.ta_ca)?;
            secl_api::client::ca_certs_from_pem(&ta_ca, &a.ta_ca.display().to_string())?;
            let ta_ca_pem = String::from_utf8(ta_ca)
                .map_err(|_| anyhow!("{} is not PEM text", a.ta_ca.display()))?;
            let token_bytes = read_nonblank(&a.ta_token_file)?;
            let ta_token = String::from_utf8(token_bytes)
                .map_err(|_| anyhow!("{} is not text", a.ta_token_file.display()))?
                .trim()
                .to_string();
            let req = HostCreateRequest {
                connection_string: a.connection_string,
                ta_ca_pem,
                ta_token,
                description: a.description,
                flavorgroup_names: a.flavorgroups,
            };
            let h = c.create_host(&req).await.context("registering the host")?;
            if ctx.quiet && !ctx.json() {
                return Ok(out(&format!("{}\n", h.id))?);
            }
            ctx.say(&format!("Registered host {}", h.id));
            print_host(ctx, &h)
        }
        HvsHostCommand::List => {
            let hosts = c.list_hosts().await?;
            if ctx.json() {
                return Ok(out(&output::json(&hosts)?)?);
            }
            let rows: Vec<Vec<String>> = hosts
                .iter()
                .map(|h| {
                    vec![
                        h.id.to_string(),
                        h.host_name.clone(),
                        h.hardware_uuid.clone(),
                        h.state.clone(),
                        h.connection_string.clone(),
                    ]
                })
                .collect();
            out(&table(
                &["ID", "HOST NAME", "HARDWARE UUID", "STATE", "CONNECTION"],
                &rows,
            ))?;
            Ok(())
        }
        HvsHostCommand::Show { id } => {
            let h = c.get_host(id).await?;
            print_host(ctx, &h)
        }
        HvsHostCommand::Delete(d) => {
            remove(
                ctx,
                mode,
                (Removal::Delete, "host"),
                d.id,
                c.delete_host(d.id),
            )
            .await
        }
        HvsHostCommand::Flavorgroup(g) => host_flavorgroup(ctx, c, g).await,
    }
}

/// `secl hvs host flavorgroup ...`: the host's links to the groups it is verified against.
async fn host_flavorgroup(
    ctx: Ctx,
    c: &HvsClient,
    cmd: HvsHostFlavorgroupCommand,
) -> anyhow::Result<()> {
    match cmd {
        HvsHostFlavorgroupCommand::List { host } => {
            // The HVS answers an empty list for an unknown host (as SecL); say so instead.
            c.get_host(host).await?;
            let links = c.list_host_flavorgroups(host).await?;
            if ctx.json() {
                return Ok(out(&output::json(&links)?)?);
            }
            let groups = c.list_flavorgroups(&FlavorGroupFilter::default()).await?;
            let rows: Vec<Vec<String>> = links
                .iter()
                .map(|l| {
                    let name = groups
                        .iter()
                        .find(|g| g.id == l.flavorgroup_id)
                        .map(|g| g.name.clone())
                        .unwrap_or_default();
                    vec![l.flavorgroup_id.to_string(), name]
                })
                .collect();
            out(&table(&["FLAVOR GROUP ID", "NAME"], &rows))?;
            Ok(())
        }
        HvsHostFlavorgroupCommand::Add { host, group } => {
            let g = find_group(c, &group).await?;
            let link = c
                .link_host_flavorgroup(host, g.id)
                .await
                .context("linking the host to the flavor group")?;
            if ctx.json() {
                return Ok(out(&output::json(&link)?)?);
            }
            ctx.say(&format!("Linked host {host} to flavor group {}", g.name));
            Ok(())
        }
        HvsHostFlavorgroupCommand::Show { host, group } => {
            let g = find_group(c, &group).await?;
            let link = c.get_host_flavorgroup(host, g.id).await?;
            if ctx.json() {
                return Ok(out(&output::json(&link)?)?);
            }
            out(&fields(&[
                ("Host", link.host_id.to_string()),
                (
                    "Flavor group",
                    format!("{} ({})", g.name, link.flavorgroup_id),
                ),
            ]))?;
            Ok(())
        }
        HvsHostFlavorgroupCommand::Remove { host, group } => {
            let g = find_group(c, &group).await?;
            c.unlink_host_flavorgroup(host, g.id).await?;
            if ctx.json() {
                return Ok(out(&output::json(
                    &json!({ "host_id": host, "flavorgroup_id": g.id, "unlinked": true }),
                )?)?);
            }
            ctx.say(&format!(
                "Unlinked host {host} from flavor group {}",
                g.name
            ));
            Ok(())
        }
    }
}

fn info(h: &Host, key: &str) -> String {
    h.host_info
        .get(key)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_string()
}

fn print_host(ctx: Ctx, h: &Host) -> anyhow::Result<()> {
    if ctx.json() {
        return Ok(out(&output::json(h)?)?);
    }
    let os = format!("{} {}", info(h, "os_name"), info(h, "os_version"));
    out(&fields(&[
        ("ID", h.id.to_string()),
        ("Host name", h.host_name.clone()),
        ("Hardware UUID", h.hardware_uuid.clone()),
        ("Connection", h.connection_string.clone()),
        ("State", h.state.clone()),
        ("State reason", h.state_reason.clone().unwrap_or_default()),
        ("Description", h.description.clone().unwrap_or_default()),
        ("Flavor groups", h.flavorgroup_names.join(", ")),
        ("OS", os.trim().to_string()),
        ("TPM", info(h, "tpm_version")),
        ("Created", h.created.clone()),
        ("Updated", h.updated.clone()),
    ]))?;
    Ok(())
}

// ---- flavors ----

fn part(p: FlavorPartArg) -> FlavorPart {
    match p {
        FlavorPartArg::Platform => FlavorPart::Platform,
        FlavorPartArg::Os => FlavorPart::Os,
        FlavorPartArg::HostUnique => FlavorPart::HostUnique,
    }
}

async fn flavor(
    ctx: Ctx,
    c: &HvsClient,
    mode: Confirm,
    cmd: HvsFlavorCommand,
) -> anyhow::Result<()> {
    match cmd {
        HvsFlavorCommand::Create(a) => {
            let mut parts: Vec<FlavorPart> = a.parts.into_iter().map(part).collect();
            if parts.is_empty() {
                parts = FlavorPart::ALL.to_vec();
            }
            parts.sort();
            parts.dedup();
            let flavors = c
                .create_flavors_from_host(a.from_host, &parts, &a.flavorgroups)
                .await
                .context("creating flavors from the host")?;
            print_created_flavors(ctx, &flavors)
        }
        HvsFlavorCommand::Import(a) => {
            let bytes = read_nonblank(&a.file)?;
            let mut value: serde_json::Value = serde_json::from_slice(&bytes).map_err(|e| {
                hinted(
                    format!("{} is not valid JSON: {e}", a.file.display()),
                    "a flavor is {\"flavor_part\": \"OS\", \"pcrs\": [{\"index\": 8, \
                     \"value\": \"<sha256 hex>\"}]} (as `secl hvs flavor show --output json` \
                     prints)",
                )
            })?;
            if !a.flavorgroups.is_empty() {
                let Some(obj) = value.as_object_mut() else {
                    return Err(anyhow!("{} does not hold a JSON object", a.file.display()));
                };
                // The command line wins over what the file says.
                obj.remove("flavor_group");
                obj.insert("flavorgroup_names".into(), json!(a.flavorgroups));
            }
            // What `flavor show --output json` prints carries fields an import does not take.
            if let Some(obj) = value.as_object_mut()
                && obj.contains_key("flavorgroup_names")
            {
                obj.remove("flavor_group");
            }
            let flavors = c.import_flavor(&value).await?;
            print_created_flavors(ctx, &flavors)
        }
        HvsFlavorCommand::List => {
            let flavors = c.list_flavors().await?;
            if ctx.json() {
                return Ok(out(&output::json(&flavors)?)?);
            }
            out(&flavor_table(&flavors))?;
            Ok(())
        }
        HvsFlavorCommand::Show { id } => {
            let f = c.get_flavor(id).await?;
            if ctx.json() {
                return Ok(out(&output::json(&f)?)?);
            }
            out(&fields(&[
                ("ID", f.id.to_string()),
                ("Label", f.label.clone()),
                ("Part", f.flavor_part.to_string()),
                ("Groups", groups_of(&f)),
                ("Hardware UUID", f.hardware_uuid.clone().unwrap_or_default()),
                ("PCR bank", f.pcr_bank.clone()),
                ("Created", f.created.clone()),
            ]))?;
            out("\n")?;
            let rows: Vec<Vec<String>> = f
                .pcrs
                .iter()
                .map(|p| vec![p.index.to_string(), p.value.clone()])
                .collect();
            out(&table(&["PCR", "VALUE"], &rows))?;
            Ok(())
        }
        HvsFlavorCommand::Delete(d) => {
            remove(
                ctx,
                mode,
                (Removal::Delete, "flavor"),
                d.id,
                c.delete_flavor(d.id),
            )
            .await
        }
    }
}

fn print_created_flavors(ctx: Ctx, flavors: &[Flavor]) -> anyhow::Result<()> {
    if ctx.json() {
        return Ok(out(&output::json(flavors)?)?);
    }
    if ctx.quiet {
        let ids: String = flavors.iter().map(|f| format!("{}\n", f.id)).collect();
        return Ok(out(&ids)?);
    }
    ctx.say(&format!("Created {} flavor(s)", flavors.len()));
    out(&flavor_table(flavors))?;
    Ok(())
}

/// `0-7`, `8,9`: the PCR indices of a flavor, runs collapsed.
fn pcr_list(pcrs: &[PcrExpectation]) -> String {
    let mut idx: Vec<u8> = pcrs.iter().map(|p| p.index).collect();
    idx.sort_unstable();
    idx.dedup();
    let mut runs: Vec<(u8, u8)> = Vec::new();
    for i in idx {
        match runs.last_mut() {
            Some((_, end)) if end.checked_add(1) == Some(i) => *end = i,
            _ => runs.push((i, i)),
        }
    }
    runs.iter()
        .map(|(a, b)| match b - a {
            0 => a.to_string(),
            1 => format!("{a},{b}"),
            _ => format!("{a}-{b}"),
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn flavor_table(flavors: &[Flavor]) -> String {
    let rows: Vec<Vec<String>> = flavors
        .iter()
        .map(|f| {
            vec![
                f.id.to_string(),
                f.flavor_part.to_string(),
                groups_of(f),
                pcr_list(&f.pcrs),
                f.hardware_uuid.clone().unwrap_or_default(),
                f.label.clone(),
            ]
        })
        .collect();
    table(
        &["ID", "PART", "GROUPS", "PCRS", "HARDWARE UUID", "LABEL"],
        &rows,
    )
}

/// The flavor's groups; older servers only name the one it was created in.
fn groups_of(f: &Flavor) -> String {
    if f.flavorgroup_names.is_empty() {
        f.flavor_group.clone()
    } else {
        f.flavorgroup_names.join(",")
    }
}

// ---- flavor groups ----

/// `PART:MATCH_TYPE:REQUIRED`, case-insensitive.
fn parse_policy(text: &str) -> anyhow::Result<FlavorMatchPolicy> {
    let usage = || {
        hinted(
            format!("invalid policy {text:?}"),
            "write PART:MATCH_TYPE:REQUIRED, e.g. PLATFORM:ALL_OF:REQUIRED (PART: PLATFORM, OS, \
             HOST_UNIQUE, SOFTWARE, ASSET_TAG; MATCH_TYPE: ANY_OF, ALL_OF, LATEST; REQUIRED: \
             REQUIRED, REQUIRED_IF_DEFINED)",
        )
    };
    let fields: Vec<String> = text
        .split(':')
        .map(|f| f.trim().to_ascii_uppercase())
        .collect();
    let [part, match_type, required] = fields.as_slice() else {
        return Err(usage());
    };
    let part = PolicyPart::ALL
        .into_iter()
        .find(|p| p.name() == part)
        .ok_or_else(usage)?;
    let match_type = [MatchType::AnyOf, MatchType::AllOf, MatchType::Latest]
        .into_iter()
        .find(|m| m.name() == match_type)
        .ok_or_else(usage)?;
    let required = [Requirement::Required, Requirement::RequiredIfDefined]
        .into_iter()
        .find(|r| r.name() == required)
        .ok_or_else(usage)?;
    Ok(FlavorMatchPolicy {
        flavor_part: part,
        match_policy: MatchPolicy {
            match_type,
            required,
        },
    })
}

/// SecL's `automatic` policies, for `create` without `--policy`.
fn default_policies() -> Vec<FlavorMatchPolicy> {
    let p = |part, match_type, required| FlavorMatchPolicy {
        flavor_part: part,
        match_policy: MatchPolicy {
            match_type,
            required,
        },
    };
    vec![
        p(
            PolicyPart::Platform,
            MatchType::AnyOf,
            Requirement::Required,
        ),
        p(PolicyPart::Os, MatchType::AnyOf, Requirement::Required),
        p(
            PolicyPart::Software,
            MatchType::AllOf,
            Requirement::RequiredIfDefined,
        ),
        p(
            PolicyPart::AssetTag,
            MatchType::Latest,
            Requirement::RequiredIfDefined,
        ),
        p(
            PolicyPart::HostUnique,
            MatchType::Latest,
            Requirement::RequiredIfDefined,
        ),
    ]
}

/// A group named by its ID or its name.
async fn find_group(c: &HvsClient, group: &str) -> anyhow::Result<FlavorGroup> {
    match Uuid::try_parse(group) {
        Ok(id) => Ok(c.get_flavorgroup(id).await?),
        Err(_) => Ok(c.flavorgroup_by_name(group).await?),
    }
}

async fn flavorgroup(
    ctx: Ctx,
    c: &HvsClient,
    mode: Confirm,
    cmd: HvsFlavorgroupCommand,
) -> anyhow::Result<()> {
    match cmd {
        HvsFlavorgroupCommand::Create(a) => {
            let policies = if a.policies.is_empty() {
                default_policies()
            } else {
                a.policies
                    .iter()
                    .map(|p| parse_policy(p))
                    .collect::<anyhow::Result<_>>()?
            };
            let req = FlavorGroupCreateRequest {
                name: a.name,
                flavor_match_policy_collection: MatchPolicyCollection {
                    flavor_match_policies: policies,
                },
            };
            let g = c.create_flavorgroup(&req).await?;
            if ctx.quiet && !ctx.json() {
                return Ok(out(&format!("{}\n", g.id))?);
            }
            ctx.say(&format!("Created flavor group {} ({})", g.name, g.id));
            print_group(ctx, &g)
        }
        HvsFlavorgroupCommand::List {
            name,
            name_contains,
        } => {
            let filter = FlavorGroupFilter {
                name_equal_to: name,
                name_contains,
                ..FlavorGroupFilter::default()
            };
            let groups = c.list_flavorgroups(&filter).await?;
            if ctx.json() {
                return Ok(out(&output::json(&groups)?)?);
            }
            let rows: Vec<Vec<String>> = groups
                .iter()
                .map(|g| {
                    vec![
                        g.id.to_string(),
                        g.name.clone(),
                        g.flavor_ids.len().to_string(),
                        policy_summary(g),
                    ]
                })
                .collect();
            out(&table(&["ID", "NAME", "FLAVORS", "POLICIES"], &rows))?;
            Ok(())
        }
        HvsFlavorgroupCommand::Show { group } => {
            let g = find_group(c, &group).await?;
            print_group(ctx, &g)
        }
        HvsFlavorgroupCommand::Delete(d) => {
            let call = c.delete_flavorgroup(d.id);
            remove(ctx, mode, (Removal::Delete, "flavor group"), d.id, call).await
        }
        HvsFlavorgroupCommand::AddFlavor { group, flavor } => {
            let g = find_group(c, &group).await?;
            let link = c.link_flavor(g.id, flavor).await?;
            if ctx.json() {
                return Ok(out(&output::json(&link)?)?);
            }
            ctx.say(&format!(
                "Linked flavor {flavor} to flavor group {}",
                g.name
            ));
            Ok(())
        }
        HvsFlavorgroupCommand::RemoveFlavor { group, flavor } => {
            let g = find_group(c, &group).await?;
            c.unlink_flavor(g.id, flavor).await?;
            if ctx.json() {
                return Ok(out(&output::json(
                    &json!({ "flavorgroup_id": g.id, "flavor_id": flavor, "unlinked": true }),
                )?)?);
            }
            ctx.say(&format!(
                "Unlinked flavor {flavor} from flavor group {}",
                g.name
            ));
            Ok(())
        }
    }
}

/// `PLATFORM:ANY_OF:REQUIRED, ...`.
fn policy_summary(g: &FlavorGroup) -> String {
    g.flavor_match_policy_collection
        .flavor_match_policies
        .iter()
        .map(|p| {
            format!(
                "{}:{}:{}",
                p.flavor_part.name(),
                p.match_policy.match_type.name(),
                p.match_policy.required.name()
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn print_group(ctx: Ctx, g: &FlavorGroup) -> anyhow::Result<()> {
    if ctx.json() {
        return Ok(out(&output::json(g)?)?);
    }
    out(&fields(&[
        ("ID", g.id.to_string()),
        ("Name", g.name.clone()),
        ("Flavors", g.flavor_ids.len().to_string()),
    ]))?;
    out("\n")?;
    let rows: Vec<Vec<String>> = g
        .flavor_match_policy_collection
        .flavor_match_policies
        .iter()
        .map(|p| {
            vec![
                p.flavor_part.name().to_string(),
                p.match_policy.match_type.name().to_string(),
                p.match_policy.required.name().to_string(),
            ]
        })
        .collect();
    out(&table(&["PART", "MATCH TYPE", "REQUIRED"], &rows))?;
    if !g.flavor_ids.is_empty() {
        out("\n")?;
        let ids: String = g.flavor_ids.iter().map(|id| format!("{id}\n")).collect();
        out(&format!("Flavor IDs:\n{ids}"))?;
    }
    Ok(())
}

// ---- reports ----

async fn report(ctx: Ctx, c: &HvsClient, cmd: HvsReportCommand) -> anyhow::Result<()> {
    match cmd {
        HvsReportCommand::Create(a) => {
            let criteria = ReportCriteria {
                host_id: a.host,
                hardware_uuid: a.hardware_uuid,
                host_name: None,
            };
            if a.saml {
                let xml = c
                    .create_report_saml(&criteria)
                    .await
                    .context("attesting the host")?;
                return print_saml(xml);
            }
            let r = c
                .create_report(&criteria)
                .await
                .context("attesting the host")?;
            print_report(ctx, &r)
        }
        HvsReportCommand::Show { id, saml: true } => print_saml(c.get_report_saml(id).await?),
        HvsReportCommand::Show { id, saml: false } => print_report(ctx, &c.get_report(id).await?),
        HvsReportCommand::List(a) => {
            let filter = ReportFilter {
                id: None,
                host_id: a.host,
                hardware_uuid: a.hardware_uuid.map(|u| u.to_string()),
                host_name: a.host_name,
                host_status: a.host_status,
                from_date: a.from,
                to_date: a.to,
                number_of_days: a.days,
                latest_per_host: a.all.then_some(false),
                limit: a.limit,
                after_id: a.after,
            };
            let reports = c.list_reports(&filter).await?;
            if ctx.json() {
                return Ok(out(&output::json(&reports)?)?);
            }
            let rows: Vec<Vec<String>> = reports
                .iter()
                .map(|r| {
                    vec![
                        r.id.to_string(),
                        r.host_id.to_string(),
                        r.host_name.clone(),
                        trusted(Some(r.trust_report.overall)).into(),
                        r.created.clone(),
                        r.expiration.clone(),
                    ]
                })
                .collect();
            out(&table(
                &["ID", "HOST", "HOST NAME", "TRUSTED", "CREATED", "EXPIRES"],
                &rows,
            ))?;
            Ok(())
        }
    }
}

/// Prints a SAML assertion with a final newline.
fn print_saml(mut xml: String) -> anyhow::Result<()> {
    if !xml.ends_with('\n') {
        xml.push('\n');
    }
    Ok(out(&xml)?)
}

fn trusted(t: Option<bool>) -> &'static str {
    match t {
        Some(true) => "yes",
        Some(false) => "NO",
        None => "NA",
    }
}

fn print_report(ctx: Ctx, r: &Report) -> anyhow::Result<()> {
    if ctx.json() {
        return Ok(out(&output::json(r)?)?);
    }
    out(&fields(&[
        ("Report", r.id.to_string()),
        ("Host", format!("{} ({})", r.host_id, r.host_name)),
        ("Hardware UUID", r.hardware_uuid.clone()),
        ("Trusted", trusted(Some(r.trust_report.overall)).into()),
        ("Flavor groups", r.trust_report.flavorgroups.join(", ")),
        ("Created", r.created.clone()),
        ("Expires", r.expiration.clone()),
    ]))?;
    out("\n")?;
    let rows: Vec<Vec<String>> = r
        .trust_report
        .parts
        .iter()
        .map(|(name, p)| {
            let faults = p
                .faults
                .iter()
                .map(|f| match (f.pcr_index, f.description.is_empty()) {
                    (Some(i), true) => {
                        format!("PCR {i}: expected {}, got {}", f.expected, f.actual)
                    }
                    (Some(i), false) => format!("PCR {i}: {}", f.description),
                    (None, _) => f.description.clone(),
                })
                .collect::<Vec<_>>()
                .join("; ");
            vec![
                name.clone(),
                trusted(p.trusted).into(),
                p.flavor_ids.len().to_string(),
                faults,
            ]
        })
        .collect();
    out(&table(&["PART", "TRUSTED", "FLAVORS", "FAULTS"], &rows))?;
    Ok(())
}

// ---- asset tags ----

/// `NAME=VALUE`.
fn parse_tag(text: &str) -> anyhow::Result<TagKvAttribute> {
    match text.split_once('=') {
        Some((name, value)) if !name.trim().is_empty() && !value.trim().is_empty() => {
            Ok(TagKvAttribute {
                name: name.trim().to_string(),
                value: value.trim().to_string(),
            })
        }
        _ => Err(hinted(
            format!("invalid tag {text:?}"),
            "write NAME=VALUE, e.g. --tag country=US",
        )),
    }
}

fn tag_list(c: &TagCertificate) -> String {
    c.selection_content
        .iter()
        .map(|kv| format!("{}={}", kv.name, kv.value))
        .collect::<Vec<_>>()
        .join(", ")
}

fn print_tag_cert(ctx: Ctx, c: &TagCertificate) -> anyhow::Result<()> {
    if ctx.json() {
        return Ok(out(&output::json(c)?)?);
    }
    out(&fields(&[
        ("ID", c.id.to_string()),
        ("Hardware UUID", c.hardware_uuid.to_string()),
        ("Tags", tag_list(c)),
        ("Issuer", c.issuer.clone()),
        ("Not before", c.not_before.clone()),
        ("Not after", c.not_after.clone()),
        ("Digest (SHA-384)", c.asset_tag_digest.clone()),
    ]))?;
    Ok(())
}

async fn tag(ctx: Ctx, c: &HvsClient, mode: Confirm, cmd: HvsTagCommand) -> anyhow::Result<()> {
    match cmd {
        HvsTagCommand::Create(a) => {
            let selection_content = a
                .tags
                .iter()
                .map(|t| parse_tag(t))
                .collect::<anyhow::Result<Vec<_>>>()?;
            let hardware_uuid = match (a.host, a.hardware_uuid) {
                (_, Some(hw)) => hw,
                (Some(host), None) => {
                    let h = c.get_host(host).await?;
                    Uuid::try_parse(&h.hardware_uuid).map_err(|_| {
                        anyhow!(
                            "host {host} has no usable hardware UUID ({})",
                            h.hardware_uuid
                        )
                    })?
                }
                (None, None) => return Err(hinted("no host", "pass --host or --hardware-uuid")),
            };
            let req = TagCertificateCreateRequest {
                hardware_uuid,
                selection_content,
            };
            let cert = c
                .create_tag_certificate(&req)
                .await
                .context("creating the tag certificate")?;
            if ctx.quiet && !ctx.json() {
                return Ok(out(&format!("{}\n", cert.id))?);
            }
            ctx.say(&format!(
                "Created tag certificate {} (deploy it with `secl hvs tag deploy {}`)",
                cert.id, cert.id
            ));
            print_tag_cert(ctx, &cert)
        }
        HvsTagCommand::List {
            host,
            hardware_uuid,
            valid_on,
        } => {
            let hardware_uuid = match (host, hardware_uuid) {
                (Some(h), _) => {
                    let host = c.get_host(h).await?;
                    Some(Uuid::try_parse(&host.hardware_uuid).map_err(|_| {
                        anyhow!(
                            "host {h} has no usable hardware UUID ({})",
                            host.hardware_uuid
                        )
                    })?)
                }
                (None, hw) => hw,
            };
            let filter = TagCertificateFilter {
                hardware_uuid,
                valid_on,
                ..TagCertificateFilter::default()
            };
            let certs = c.list_tag_certificates(&filter).await?;
            if ctx.json() {
                return Ok(out(&output::json(&certs)?)?);
            }
            let rows: Vec<Vec<String>> = certs
                .iter()
                .map(|t| {
                    vec![
                        t.id.to_string(),
                        t.hardware_uuid.to_string(),
                        tag_list(t),
                        t.not_after.clone(),
                    ]
                })
                .collect();
            out(&table(&["ID", "HARDWARE UUID", "TAGS", "NOT AFTER"], &rows))?;
            Ok(())
        }
        HvsTagCommand::Show { id } => print_tag_cert(ctx, &c.get_tag_certificate(id).await?),
        HvsTagCommand::Delete(d) => {
            let call = c.delete_tag_certificate(d.id);
            remove(ctx, mode, (Removal::Delete, "tag certificate"), d.id, call).await
        }
        HvsTagCommand::Deploy { id } => {
            let f = c
                .deploy_tag_certificate(id)
                .await
                .context("deploying the tag certificate")?;
            if ctx.json() {
                return Ok(out(&output::json(&f)?)?);
            }
            ctx.say(&format!(
                "Deployed tag certificate {id} to host {}; ASSET_TAG flavor {}",
                f.hardware_uuid.clone().unwrap_or_default(),
                f.id
            ));
            Ok(())
        }
    }
}

// ---- EK registry ----

fn hardware_uuid_text(e: &TpmEndorsement) -> String {
    if e.hardware_uuid.is_nil() {
        "-".into()
    } else {
        e.hardware_uuid.to_string()
    }
}

fn print_endorsement(ctx: Ctx, e: &TpmEndorsement) -> anyhow::Result<()> {
    if ctx.json() {
        return Ok(out(&output::json(e)?)?);
    }
    out(&fields(&[
        ("ID", e.id.to_string()),
        ("Hardware UUID", hardware_uuid_text(e)),
        ("Issuer", clean(&e.issuer)),
        ("Revoked", e.revoked.to_string()),
        ("Comment", clean(&e.comment)),
        ("Digest (SHA-384)", e.certificate_digest.clone()),
        ("Certificate (DER, base64)", e.certificate.clone()),
    ]))?;
    Ok(())
}

/// Sets the revoked mark and says what changed.
async fn set_revoked(ctx: Ctx, c: &HvsClient, id: Uuid, revoked: bool) -> anyhow::Result<()> {
    let req = TpmEndorsementRequest {
        revoked: Some(revoked),
        ..TpmEndorsementRequest::default()
    };
    let e = c.update_tpm_endorsement(id, &req).await?;
    if ctx.json() {
        return Ok(out(&output::json(&e)?)?);
    }
    let what = if revoked {
        "revoked: its EK is refused from now on"
    } else {
        "no longer revoked"
    };
    ctx.say(&format!("EK registration {id} {what}"));
    Ok(())
}

async fn ek(ctx: Ctx, c: &HvsClient, mode: Confirm, cmd: HvsEkCommand) -> anyhow::Result<()> {
    use base64::Engine as _;
    match cmd {
        HvsEkCommand::Register(a) => {
            let cert = crate::input::read_nonblank(&a.certificate)?;
            let req = TpmEndorsementRequest {
                hardware_uuid: a.hardware_uuid,
                issuer: a.issuer,
                revoked: None,
                certificate: Some(base64::engine::general_purpose::STANDARD.encode(cert)),
                comment: a.comment,
            };
            let e = c
                .create_tpm_endorsement(&req)
                .await
                .context("registering the EK certificate")?;
            if ctx.quiet && !ctx.json() {
                return Ok(out(&format!("{}\n", e.id))?);
            }
            ctx.say(&format!("Registered EK certificate {}", e.id));
            print_endorsement(ctx, &e)
        }
        HvsEkCommand::List {
            hardware_uuid,
            revoked,
        } => {
            let filter = TpmEndorsementFilter {
                hardware_uuid,
                revoked,
                ..TpmEndorsementFilter::default()
            };
            let list = c.list_tpm_endorsements(&filter).await?;
            if ctx.json() {
                return Ok(out(&output::json(&list)?)?);
            }
            let rows: Vec<Vec<String>> = list
                .iter()
                .map(|e| {
                    vec![
                        e.id.to_string(),
                        hardware_uuid_text(e),
                        e.revoked.to_string(),
                        clean(&e.issuer),
                        clean(&e.comment),
                    ]
                })
                .collect();
            out(&table(
                &["ID", "HARDWARE UUID", "REVOKED", "ISSUER", "COMMENT"],
                &rows,
            ))?;
            Ok(())
        }
        HvsEkCommand::Show { id } => print_endorsement(ctx, &c.get_tpm_endorsement(id).await?),
        HvsEkCommand::Revoke { id } => set_revoked(ctx, c, id, true).await,
        HvsEkCommand::Unrevoke { id } => set_revoked(ctx, c, id, false).await,
        HvsEkCommand::Delete(d) => {
            let call = c.delete_tpm_endorsement(d.id);
            remove(ctx, mode, (Removal::Delete, "EK registration"), d.id, call).await
        }
    }
}

// ---- CA certificates ----

async fn ca_cert(
    ctx: Ctx,
    c: &HvsClient,
    domain: Option<CaDomainArg>,
    kind: Option<CaTypeArg>,
) -> anyhow::Result<()> {
    match (domain, kind) {
        (Some(d), _) => {
            let d = match d {
                CaDomainArg::Saml => CaDomain::Saml,
                CaDomainArg::Root => CaDomain::Root,
                CaDomainArg::Ek => CaDomain::Ek,
            };
            if ctx.json() {
                let certs = c.ca_certificates(d).await?;
                return Ok(out(&output::json(&json!({ "ca_certificate": certs }))?)?);
            }
            Ok(out(&c.ca_certificates_pem(d).await?)?)
        }
        (None, Some(k)) => {
            let k = match k {
                CaTypeArg::Privacy => CaType::Privacy,
                CaTypeArg::Saml => CaType::Saml,
                CaTypeArg::Ek => CaType::Ek,
                CaTypeArg::Tag => CaType::Tag,
            };
            if ctx.json() {
                let cert = c.ca_certificate(k).await?;
                return Ok(out(&output::json(&cert)?)?);
            }
            Ok(out(&c.ca_certificate_pem(k).await?)?)
        }
        (None, None) => Err(hinted(
            "nothing to get",
            "pass --domain saml|root|ek or --type privacy|saml|ek|tag",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pcrs(idx: &[u8]) -> Vec<PcrExpectation> {
        idx.iter()
            .map(|&index| PcrExpectation {
                index,
                value: String::new(),
            })
            .collect()
    }

    #[test]
    fn policies_parse_from_the_command_line() {
        let p = parse_policy("platform:all_of:REQUIRED").unwrap();
        assert_eq!(p.flavor_part, PolicyPart::Platform);
        assert_eq!(p.match_policy.match_type, MatchType::AllOf);
        assert_eq!(p.match_policy.required, Requirement::Required);
        let p = parse_policy("HOST_UNIQUE:LATEST:REQUIRED_IF_DEFINED").unwrap();
        assert_eq!(p.match_policy.required, Requirement::RequiredIfDefined);
        for bad in [
            "",
            "PLATFORM",
            "PLATFORM:ANY_OF",
            "PLATFORM:SOME:REQUIRED",
            "BIOS:ANY_OF:REQUIRED",
            "OS:ANY_OF:REQUIRED:x",
        ] {
            assert!(parse_policy(bad).is_err(), "{bad}");
        }
        assert_eq!(default_policies().len(), 5);
    }

    #[test]
    fn pcr_runs_are_collapsed() {
        assert_eq!(pcr_list(&pcrs(&[0, 1, 2, 3, 4, 5, 6, 7])), "0-7");
        assert_eq!(pcr_list(&pcrs(&[9, 8])), "8,9");
        assert_eq!(pcr_list(&pcrs(&[11, 12, 13, 15, 255])), "11-13,15,255");
        assert_eq!(pcr_list(&[]), "");
    }
}
