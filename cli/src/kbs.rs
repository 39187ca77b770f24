//! `secl kbs ...`: runs one command against the KBS.

use std::path::Path;

use anyhow::{Context as _, anyhow};
use secl_api::client::{AuditFilter, CertFilter, KbsClient, KeyFilter};
use secl_api::hvs::{CaType, HvsClient};
use secl_api::kbs::{
    AttestationType, AuditRecord, CertKind, Certificate, KeyInformation, KeyRequest, KeyResponse,
    KeyTransferPolicy, KeyTransferPolicyRequest, TpmPolicy,
};
use secl_api::{Error as ApiError, Message, Service};
use serde_json::json;
use uuid::Uuid;

use crate::args::{
    CertCommand, CertListArgs, KbsCommand, KeyCommand, KeyCreateArgs, KindArg, OneKindArg,
    PolicyCommand, TokenCommand,
};
use crate::config::{HvsSettings, Settings};
use crate::confirm::{Confirm, Removal, confirm, confirmation_gate, remove};
use crate::error::hinted;
use crate::input;
use crate::output::{self, Ctx, fields, out, table, time};

/// The `--yes` of a destructive command, if this is one.
fn destructive_yes(cmd: &KbsCommand) -> Option<bool> {
    match cmd {
        KbsCommand::Key(KeyCommand::Delete(d))
        | KbsCommand::Policy(PolicyCommand::Delete(d))
        | KbsCommand::Token(TokenCommand::Revoke(d))
        | KbsCommand::Cert(CertCommand::Delete { delete: d, .. }) => Some(d.yes),
        _ => None,
    }
}

/// Runs `secl kbs <cmd>`; `hvs` is where `trust-hvs` fetches certificates from.
pub fn run(
    ctx: Ctx,
    settings: &Settings,
    cmd: KbsCommand,
    hvs: Option<&HvsSettings>,
) -> anyhow::Result<()> {
    let mode = confirmation_gate(destructive_yes(&cmd))?;
    let client = settings.connect(!matches!(cmd, KbsCommand::Version), KbsClient::new)?;
    if let (KbsCommand::TrustHvs(_), Some(hvs)) = (&cmd, hvs) {
        let hvs_client = hvs.connect(false, HvsClient::new)?;
        return crate::block_on(trust_hvs(ctx, &client, &hvs_client));
    }
    crate::block_on(exec(ctx, &client, mode, cmd))
}

/// Imports the HVS's SAML signing certificate and PrivacyCA unless the KBS already holds
/// them (same first certificate), so running it again changes nothing.
async fn trust_hvs(ctx: Ctx, kbs: &KbsClient, hvs: &HvsClient) -> anyhow::Result<()> {
    let mut results = Vec::new();
    for (kind, ca) in [
        (CertKind::Saml, CaType::Saml),
        (CertKind::TpmIdentity, CaType::Privacy),
    ] {
        let pem = hvs
            .ca_certificate_pem(ca)
            .await
            .with_context(|| format!("cannot fetch the HVS {} certificate", ca.as_str()))?;
        let first = first_cert_b64(&pem)
            .ok_or_else(|| anyhow!("the HVS answered no PEM certificate for {}", ca.as_str()))?;
        let existing = kbs.list_certs(kind, &CertFilter::default()).await?;
        let (cert, imported) = match existing.into_iter().find(|c| c.certificate == first) {
            Some(c) => (c, false),
            None => (kbs.import_cert(kind, pem.as_bytes()).await?, true),
        };
        results.push((kind, cert, imported));
    }
    if ctx.json() {
        let v: Vec<serde_json::Value> = results
            .iter()
            .map(|(kind, cert, imported)| {
                let mut v = cert_json(*kind, cert)?;
                v["imported"] = json!(imported);
                Ok(v)
            })
            .collect::<anyhow::Result<_>>()?;
        return Ok(out(&output::json(&serde_json::Value::Array(v))?)?);
    }
    let rows: Vec<Vec<String>> = results
        .iter()
        .map(|(kind, cert, imported)| {
            vec![
                kind_name(*kind).to_string(),
                cert.id.to_string(),
                if *imported {
                    "imported"
                } else {
                    "already trusted"
                }
                .to_string(),
                cert.subject.clone(),
                time(cert.not_after),
            ]
        })
        .collect();
    if ctx.quiet {
        for (_, cert, _) in &results {
            out(&format!("{}\n", cert.id))?;
        }
        return Ok(());
    }
    out(&table(
        &["KIND", "ID", "STATUS", "SUBJECT", "NOT AFTER"],
        &rows,
    ))?;
    Ok(())
}

/// The base64 body of the first CERTIFICATE block of `pem`, as the KBS reports it.
fn first_cert_b64(pem: &str) -> Option<String> {
    use base64::Engine as _;
    use rustls_pki_types::CertificateDer;
    use rustls_pki_types::pem::PemObject as _;
    let der = CertificateDer::pem_slice_iter(pem.as_bytes())
        .next()?
        .ok()?;
    Some(base64::engine::general_purpose::STANDARD.encode(der.as_ref()))
}

async fn exec(ctx: Ctx, c: &KbsClient, mode: Confirm, cmd: KbsCommand) -> anyhow::Result<()> {
    match cmd {
        KbsCommand::Key(k) => key(ctx, c, mode, k).await,
        KbsCommand::ImportSaml(a) => import(ctx, c, CertKind::Saml, &a.file).await,
        KbsCommand::ImportTpmIdentity(a) => import(ctx, c, CertKind::TpmIdentity, &a.file).await,
        KbsCommand::Cert(cc) => cert(ctx, c, mode, cc).await,
        KbsCommand::TrustHvs(_) => Err(anyhow!("trust-hvs needs the HVS settings")),
        KbsCommand::Policy(p) => policy(ctx, c, mode, p).await,
        KbsCommand::Token(t) => crate::token::run(ctx, c, mode, t).await,
        KbsCommand::Audit(a) => {
            let filter = AuditFilter {
                after: a.after,
                limit: a.limit,
                key_id: a.key_id,
                action: a.action,
            };
            let records = c.audit(&filter).await?;
            print_audit(ctx, &records)
        }
        KbsCommand::Version => {
            let v = c.version().await?;
            if ctx.json() {
                out(&output::json(&json!({ "version": v }))?)?;
            } else {
                out(&format!("{}\n", crate::error::clean(&v)))?;
            }
            Ok(())
        }
    }
}

// ---- keys ----

/// Drops key material should a server ever send it.
fn scrub_key(mut k: KeyResponse) -> KeyResponse {
    k.key_information.key_string = None;
    k
}

async fn key(ctx: Ctx, c: &KbsClient, mode: Confirm, cmd: KeyCommand) -> anyhow::Result<()> {
    match cmd {
        KeyCommand::Create(a) => {
            let req = key_request(a);
            let k = scrub_key(c.create_key(&req).await?);
            print_key(ctx, &k)
        }
        KeyCommand::List(a) => {
            let filter = KeyFilter {
                algorithm: a.algorithm,
                key_length: a.length,
                curve_type: a.curve,
                transfer_policy_id: a.policy,
            };
            let keys: Vec<KeyResponse> = c
                .list_keys(&filter)
                .await?
                .into_iter()
                .map(scrub_key)
                .collect();
            if ctx.json() {
                return Ok(out(&output::json(&keys)?)?);
            }
            if keys.is_empty() {
                ctx.say("No keys.");
                return Ok(());
            }
            let rows: Vec<Vec<String>> = keys
                .iter()
                .map(|k| {
                    vec![
                        key_id(k),
                        k.key_information.algorithm.clone(),
                        key_size(&k.key_information),
                        k.transfer_policy_id.to_string(),
                        time(k.created_at),
                        k.label.clone().unwrap_or_default(),
                        k.usage.clone().unwrap_or_default(),
                    ]
                })
                .collect();
            out(&table(
                &[
                    "ID",
                    "ALGORITHM",
                    "SIZE",
                    "TRANSFER POLICY",
                    "CREATED",
                    "LABEL",
                    "USAGE",
                ],
                &rows,
            ))?;
            Ok(())
        }
        KeyCommand::Show { id } => {
            let k = scrub_key(c.get_key(id).await?);
            print_key(ctx, &k)
        }
        KeyCommand::Delete(d) => {
            remove(
                ctx,
                mode,
                (Removal::Delete, "key"),
                d.id,
                c.delete_key(d.id),
            )
            .await
        }
    }
}

/// The request of `key create`, with per-algorithm default lengths.
fn key_request(a: KeyCreateArgs) -> KeyRequest {
    let key_length = a.length.or(match a.algorithm.as_str() {
        "AES" => Some(256),
        "RSA" => Some(3072),
        _ => None,
    });
    KeyRequest {
        key_information: KeyInformation {
            algorithm: a.algorithm,
            key_length,
            curve_type: a.curve,
            ..KeyInformation::default()
        },
        transfer_policy_id: a.policy,
        label: a.label,
        usage: a.usage,
    }
}

fn key_id(k: &KeyResponse) -> String {
    k.key_information
        .id
        .map(|i| i.to_string())
        .unwrap_or_else(|| "-".into())
}

fn key_size(i: &KeyInformation) -> String {
    match (&i.curve_type, i.key_length) {
        (Some(c), _) => c.clone(),
        (None, Some(l)) => l.to_string(),
        (None, None) => "-".into(),
    }
}

fn print_key(ctx: Ctx, k: &KeyResponse) -> anyhow::Result<()> {
    if ctx.json() {
        return Ok(out(&output::json(k)?)?);
    }
    if ctx.quiet {
        return Ok(out(&format!("{}\n", key_id(k)))?);
    }
    let i = &k.key_information;
    out(&fields(&[
        ("ID", key_id(k)),
        ("Algorithm", i.algorithm.clone()),
        (
            "Length",
            i.key_length.map(|l| l.to_string()).unwrap_or_default(),
        ),
        ("Curve", i.curve_type.clone().unwrap_or_default()),
        ("KMIP key ID", i.kmip_key_id.clone().unwrap_or_default()),
        ("Transfer policy", k.transfer_policy_id.to_string()),
        ("Transfer link", k.transfer_link.clone()),
        ("Created", time(k.created_at)),
        ("Label", k.label.clone().unwrap_or_default()),
        ("Usage", k.usage.clone().unwrap_or_default()),
    ]))?;
    Ok(())
}

// ---- certificates ----

async fn import(ctx: Ctx, c: &KbsClient, kind: CertKind, file: &Path) -> anyhow::Result<()> {
    let pem = input::read(file)?;
    if !pem
        .windows(b"-----BEGIN CERTIFICATE-----".len())
        .any(|w| w == b"-----BEGIN CERTIFICATE-----")
    {
        return Err(hinted(
            format!("{} holds no PEM certificate", file.display()),
            "give a PEM file with -----BEGIN CERTIFICATE----- blocks, the signing certificate first",
        ));
    }
    let cert = c.import_cert(kind, &pem).await?;
    print_cert(ctx, kind, &cert)
}

fn kind_name(kind: CertKind) -> &'static str {
    match kind {
        CertKind::Saml => "saml",
        CertKind::TpmIdentity => "tpm-identity",
    }
}

fn one_kind(k: OneKindArg) -> CertKind {
    match k {
        OneKindArg::Saml => CertKind::Saml,
        OneKindArg::TpmIdentity => CertKind::TpmIdentity,
    }
}

/// The certificate's wire object plus its `kind`.
fn cert_json(kind: CertKind, cert: &Certificate) -> anyhow::Result<serde_json::Value> {
    let mut v = serde_json::to_value(cert)?;
    if let Some(map) = v.as_object_mut() {
        map.insert("kind".into(), json!(kind_name(kind)));
    }
    Ok(v)
}

fn print_cert(ctx: Ctx, kind: CertKind, cert: &Certificate) -> anyhow::Result<()> {
    if ctx.json() {
        return Ok(out(&output::json(&cert_json(kind, cert)?)?)?);
    }
    if ctx.quiet {
        return Ok(out(&format!("{}\n", cert.id))?);
    }
    out(&fields(&[
        ("ID", cert.id.to_string()),
        ("Kind", kind_name(kind).to_string()),
        ("Subject", cert.subject.clone()),
        ("Issuer", cert.issuer.clone()),
        ("Not before", time(cert.not_before)),
        ("Not after", time(cert.not_after)),
        ("Revoked", cert.revoked.to_string()),
        ("SHA-384", cert.digest.clone()),
        ("Chain length", cert.chain_length.to_string()),
    ]))?;
    Ok(())
}

/// Finds a certificate in the named store, or in saml then tpm-identity.
async fn find_cert(
    c: &KbsClient,
    id: Uuid,
    kind: Option<OneKindArg>,
) -> anyhow::Result<(CertKind, Certificate)> {
    if let Some(k) = kind {
        let k = one_kind(k);
        return Ok((k, c.get_cert(k, id).await?));
    }
    for k in CertKind::ALL {
        match c.get_cert(k, id).await {
            Ok(cert) => return Ok((k, cert)),
            Err(ApiError::NotFound(_)) => continue,
            Err(e) => return Err(e.into()),
        }
    }
    Err(ApiError::NotFound(Message::new(
        Service::Kbs,
        format!("no certificate {id} in the saml or tpm-identity store"),
    ))
    .into())
}

async fn cert(ctx: Ctx, c: &KbsClient, mode: Confirm, cmd: CertCommand) -> anyhow::Result<()> {
    match cmd {
        CertCommand::List(a) => list_certs(ctx, c, a).await,
        CertCommand::Show { id, kind } => {
            let (k, cert) = find_cert(c, id, kind).await?;
            print_cert(ctx, k, &cert)
        }
        CertCommand::Delete { delete, kind } => {
            let (k, cert) = find_cert(c, delete.id, kind).await?;
            confirm(
                mode,
                &format!(
                    "Delete {} certificate {} ({})?",
                    kind_name(k),
                    cert.id,
                    cert.subject
                ),
            )?;
            let call = c.delete_cert(k, delete.id);
            let what = (Removal::Delete, "certificate");
            remove(ctx, Confirm::Given, what, delete.id, call).await
        }
    }
}

async fn list_certs(ctx: Ctx, c: &KbsClient, a: CertListArgs) -> anyhow::Result<()> {
    let kinds: &[CertKind] = match a.kind {
        KindArg::Saml => &[CertKind::Saml],
        KindArg::TpmIdentity => &[CertKind::TpmIdentity],
        KindArg::All => &CertKind::ALL,
    };
    let filter = CertFilter {
        subject_contains: a.subject_contains,
        issuer_contains: a.issuer_contains,
        valid_on: a.valid_on,
        ..CertFilter::default()
    };
    let mut all = Vec::new();
    for &k in kinds {
        for cert in c.list_certs(k, &filter).await? {
            all.push((k, cert));
        }
    }
    if ctx.json() {
        let values = all
            .iter()
            .map(|(k, cert)| cert_json(*k, cert))
            .collect::<anyhow::Result<Vec<_>>>()?;
        return Ok(out(&output::json(&values)?)?);
    }
    if all.is_empty() {
        ctx.say("No certificates.");
        return Ok(());
    }
    let rows: Vec<Vec<String>> = all
        .iter()
        .map(|(k, cert)| {
            vec![
                cert.id.to_string(),
                kind_name(*k).to_string(),
                cert.subject.clone(),
                cert.issuer.clone(),
                time(cert.not_after),
                if cert.revoked { "yes" } else { "no" }.to_string(),
            ]
        })
        .collect();
    out(&table(
        &["ID", "KIND", "SUBJECT", "ISSUER", "NOT AFTER", "REVOKED"],
        &rows,
    ))?;
    Ok(())
}

// ---- key transfer policies ----

fn tpm_policy(max_report_age: u32) -> KeyTransferPolicyRequest {
    KeyTransferPolicyRequest {
        attestation_type: vec![AttestationType::Tpm],
        tpm: Some(TpmPolicy {
            max_report_age_seconds: max_report_age,
        }),
        sgx: None,
        tdx: None,
    }
}

/// The policy from `--file`, or a TPM policy with `--max-report-age` (default 300 s).
fn policy_request(
    max_report_age: Option<u32>,
    file: Option<&Path>,
) -> anyhow::Result<KeyTransferPolicyRequest> {
    match file {
        Some(f) => {
            let bytes = input::read(f)?;
            serde_json::from_slice(&bytes).map_err(|e| {
                hinted(
                    format!("{} is not a valid key transfer policy: {e}", f.display()),
                    r#"expected e.g. {"attestation_type":["TPM"],"tpm":{"max_report_age_seconds":300}}"#,
                )
            })
        }
        None => Ok(tpm_policy(
            max_report_age.unwrap_or(TpmPolicy::default().max_report_age_seconds),
        )),
    }
}

fn attestation_names(p: &KeyTransferPolicy) -> String {
    p.attestation_type
        .iter()
        .map(|a| match a {
            AttestationType::Tpm => "TPM",
            AttestationType::Sgx => "SGX",
            AttestationType::Tdx => "TDX",
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn print_policy(ctx: Ctx, p: &KeyTransferPolicy) -> anyhow::Result<()> {
    if ctx.json() {
        return Ok(out(&output::json(p)?)?);
    }
    if ctx.quiet {
        return Ok(out(&format!("{}\n", p.id))?);
    }
    out(&fields(&[
        ("ID", p.id.to_string()),
        ("Attestation", attestation_names(p)),
        (
            "Max report age",
            p.tpm
                .as_ref()
                .map(|t| format!("{} s", t.max_report_age_seconds))
                .unwrap_or_default(),
        ),
        ("Default", if p.default { "yes" } else { "no" }.to_string()),
        ("Created", time(p.created_at)),
        ("Updated", time(p.updated_at)),
    ]))?;
    Ok(())
}

async fn policy(ctx: Ctx, c: &KbsClient, mode: Confirm, cmd: PolicyCommand) -> anyhow::Result<()> {
    match cmd {
        PolicyCommand::Create(spec) => {
            let req = policy_request(spec.max_report_age, spec.file.as_deref())?;
            let p = c.create_policy(&req).await?;
            print_policy(ctx, &p)
        }
        PolicyCommand::List => {
            let policies = c.list_policies().await?;
            if ctx.json() {
                return Ok(out(&output::json(&policies)?)?);
            }
            if policies.is_empty() {
                ctx.say("No key transfer policies.");
                return Ok(());
            }
            let rows: Vec<Vec<String>> = policies
                .iter()
                .map(|p| {
                    vec![
                        p.id.to_string(),
                        attestation_names(p),
                        p.tpm
                            .as_ref()
                            .map(|t| t.max_report_age_seconds.to_string())
                            .unwrap_or_else(|| "-".into()),
                        if p.default { "yes" } else { "" }.to_string(),
                        time(p.created_at),
                        time(p.updated_at),
                    ]
                })
                .collect();
            out(&table(
                &[
                    "ID",
                    "ATTESTATION",
                    "MAX REPORT AGE (S)",
                    "DEFAULT",
                    "CREATED",
                    "UPDATED",
                ],
                &rows,
            ))?;
            Ok(())
        }
        PolicyCommand::Show { id } => {
            let p = c.get_policy(id).await?;
            print_policy(ctx, &p)
        }
        PolicyCommand::Update { id, spec } => {
            let req = policy_request(spec.max_report_age, spec.file.as_deref())?;
            let p = c.update_policy(id, &req).await?;
            print_policy(ctx, &p)
        }
        PolicyCommand::Delete(d) => {
            let what = (Removal::Delete, "key transfer policy");
            remove(ctx, mode, what, d.id, c.delete_policy(d.id)).await
        }
    }
}

// ---- audit ----

fn print_audit(ctx: Ctx, records: &[AuditRecord]) -> anyhow::Result<()> {
    if ctx.json() {
        return Ok(out(&output::json(records)?)?);
    }
    if records.is_empty() {
        ctx.say("No audit records.");
        return Ok(());
    }
    let rows: Vec<Vec<String>> = records
        .iter()
        .map(|r| {
            vec![
                r.seq.to_string(),
                time(r.time),
                r.action.clone(),
                r.key_id.map(|k| k.to_string()).unwrap_or_default(),
                r.outcome.clone(),
                r.actor.clone(),
                r.reason.clone().unwrap_or_default(),
            ]
        })
        .collect();
    out(&table(
        &["SEQ", "TIME", "ACTION", "KEY", "OUTCOME", "ACTOR", "REASON"],
        &rows,
    ))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn create_args(alg: &str, length: Option<u32>) -> KeyCreateArgs {
        KeyCreateArgs {
            algorithm: alg.into(),
            length,
            curve: None,
            label: None,
            usage: None,
            policy: None,
        }
    }

    #[test]
    fn key_lengths_default_per_algorithm() {
        let len = |a, l| key_request(create_args(a, l)).key_information.key_length;
        assert_eq!(len("AES", None), Some(256));
        assert_eq!(len("RSA", None), Some(3072));
        assert_eq!(len("EC", None), None);
        assert_eq!(len("AES", Some(128)), Some(128));
    }

    #[test]
    fn policy_defaults_to_tpm_300s() {
        let p = policy_request(None, None).unwrap();
        assert_eq!(p.attestation_type, vec![AttestationType::Tpm]);
        assert_eq!(p.tpm.unwrap().max_report_age_seconds, 300);
        assert_eq!(
            policy_request(Some(60), None)
                .unwrap()
                .tpm
                .unwrap()
                .max_report_age_seconds,
            60
        );
    }

    #[test]
    fn policy_file_is_parsed_strictly() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("p.json");
        std::fs::write(
            &f,
            r#"{"attestation_type":["TPM"],"tpm":{"max_report_age_seconds":42}}"#,
        )
        .unwrap();
        let p = policy_request(None, Some(&f)).unwrap();
        assert_eq!(p.tpm.unwrap().max_report_age_seconds, 42);
        std::fs::write(&f, r#"{"attestation_type":["TPM"],"bogus":1}"#).unwrap();
        assert!(policy_request(None, Some(&f)).is_err());
    }

    #[test]
    fn key_material_is_scrubbed() {
        let k = KeyResponse {
            key_information: KeyInformation {
                key_string: Some("SECRET".into()),
                ..KeyInformation::default()
            },
            transfer_policy_id: Uuid::nil(),
            transfer_link: String::new(),
            created_at: time::OffsetDateTime::UNIX_EPOCH,
            label: None,
            usage: None,
        };
        let s = serde_json::to_string(&scrub_key(k)).unwrap();
        assert!(!s.contains("SECRET"));
    }
}
