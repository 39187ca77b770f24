//! `secl wls ...`: runs one command against the Workload Service.

use anyhow::Context as _;
use secl_api::wls::{SignedImageFlavor, WlsClient};
use serde_json::json;

use crate::args::{TokenCommand, WlsCommand, WlsFlavorCommand};
use crate::config::WlsSettings;
use crate::confirm::{Confirm, Removal, confirmation_gate, remove};
use crate::error::{clean, hinted};
use crate::input::read_nonblank;
use crate::output::{self, Ctx, fields, out, table};

fn destructive_yes(cmd: &WlsCommand) -> Option<bool> {
    match cmd {
        WlsCommand::Flavor(WlsFlavorCommand::Delete(d))
        | WlsCommand::Token(TokenCommand::Revoke(d)) => Some(d.yes),
        _ => None,
    }
}

/// Runs `secl wls <cmd>`.
pub fn run(ctx: Ctx, settings: &WlsSettings, cmd: WlsCommand) -> anyhow::Result<()> {
    let mode = confirmation_gate(destructive_yes(&cmd))?;
    let client = settings.connect(!matches!(cmd, WlsCommand::Version), WlsClient::new)?;
    crate::block_on(exec(ctx, &client, mode, cmd))
}

async fn exec(ctx: Ctx, c: &WlsClient, mode: Confirm, cmd: WlsCommand) -> anyhow::Result<()> {
    match cmd {
        WlsCommand::Flavor(f) => flavor(ctx, c, mode, f).await,
        WlsCommand::Token(t) => crate::token::run(ctx, c, mode, t).await,
        WlsCommand::Version => {
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

async fn flavor(
    ctx: Ctx,
    c: &WlsClient,
    mode: Confirm,
    cmd: WlsFlavorCommand,
) -> anyhow::Result<()> {
    match cmd {
        WlsFlavorCommand::Upload(a) => {
            let bytes = read_nonblank(&a.file)?;
            // Checked here for a clear message; sent as read, since the signature covers it.
            serde_json::from_slice::<SignedImageFlavor>(&bytes).map_err(|e| {
                hinted(
                    format!("{} is not a signed image flavor: {e}", a.file.display()),
                    "make one with `secl image flavor create IMAGE --signing-key KEY.pem`",
                )
            })?;
            let f = c
                .upload_flavor(&bytes)
                .await
                .context("uploading the flavor")?;
            if ctx.quiet && !ctx.json() {
                return Ok(out(&format!("{}\n", f.flavor.meta.id))?);
            }
            ctx.say(&format!("Uploaded flavor {}", f.flavor.meta.id));
            print_flavor(ctx, &f)
        }
        WlsFlavorCommand::List { label } => {
            let flavors = c.list_flavors(None, label.as_deref()).await?;
            if ctx.json() {
                return Ok(out(&output::json(&flavors)?)?);
            }
            if flavors.is_empty() {
                ctx.say("No image flavors.");
                return Ok(());
            }
            let rows: Vec<Vec<String>> = flavors
                .iter()
                .map(|f| {
                    vec![
                        f.flavor.meta.id.to_string(),
                        f.flavor.meta.description.flavor_part.clone(),
                        f.flavor.meta.description.label.clone(),
                        f.flavor
                            .encryption
                            .as_ref()
                            .map(|e| e.key_url.clone())
                            .unwrap_or_else(|| "-".into()),
                    ]
                })
                .collect();
            out(&table(&["ID", "PART", "LABEL", "KEY URL"], &rows))?;
            Ok(())
        }
        WlsFlavorCommand::Show { id } => {
            let f = c.get_flavor(id).await?;
            print_flavor(ctx, &f)
        }
        WlsFlavorCommand::Delete(d) => {
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

fn print_flavor(ctx: Ctx, f: &SignedImageFlavor) -> anyhow::Result<()> {
    if ctx.json() {
        return Ok(out(&output::json(f)?)?);
    }
    let fl = &f.flavor;
    let enc = fl.encryption.as_ref();
    out(&fields(&[
        ("ID", fl.meta.id.to_string()),
        ("Label", fl.meta.description.label.clone()),
        ("Part", fl.meta.description.flavor_part.clone()),
        (
            "Encryption",
            if fl.encryption_required {
                "required"
            } else {
                "not required"
            }
            .into(),
        ),
        (
            "Key URL",
            enc.map(|e| e.key_url.clone()).unwrap_or_default(),
        ),
        (
            "Digest",
            enc.and_then(|e| e.digest.clone()).unwrap_or_default(),
        ),
    ]))?;
    Ok(())
}
