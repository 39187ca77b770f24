//! `secl wls ...`: runs one command against the Workload Service.

use anyhow::Context as _;
use secl_api::kbs::TokenRequest;
use secl_api::wls::{SignedImageFlavor, WlsClient};
use secl_api::{Error as ApiError, Message, Service};
use serde_json::json;
use uuid::Uuid;

use crate::args::{DeleteArgs, TokenCommand, WlsCommand, WlsFlavorCommand};
use crate::config::WlsSettings;
use crate::confirm::{Confirm, confirm, confirmation_gate};
use crate::error::{clean, hinted};
use crate::hvs::read_input;
use crate::kbs::{print_created_token, print_tokens};
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
    let mode = match destructive_yes(&cmd) {
        Some(yes) => confirmation_gate(yes)?,
        None => Confirm::Given,
    };
    let url = settings.require_url()?;
    let ca = settings.require_ca_cert()?;
    let token = match cmd {
        WlsCommand::Version => None,
        _ => Some(settings.require_token()?),
    };
    let client = WlsClient::new(url, ca, token.as_deref())?;
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    rt.block_on(exec(ctx, &client, mode, cmd))
}

async fn exec(ctx: Ctx, c: &WlsClient, mode: Confirm, cmd: WlsCommand) -> anyhow::Result<()> {
    match cmd {
        WlsCommand::Flavor(f) => flavor(ctx, c, mode, f).await,
        WlsCommand::Token(t) => token(ctx, c, mode, t).await,
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

async fn delete<F, Fut>(
    ctx: Ctx,
    mode: Confirm,
    (verb, what): (&str, &str),
    d: DeleteArgs,
    call: F,
) -> anyhow::Result<()>
where
    F: FnOnce(Uuid) -> Fut,
    Fut: std::future::Future<Output = Result<(), ApiError>>,
{
    let title = |s: &str| {
        let mut c = s.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    confirm(mode, &format!("{} {what} {}?", title(verb), d.id))?;
    call(d.id).await?;
    if ctx.json() {
        out(&output::json(&json!({ verb.to_string() + "d": d.id }))?)?;
    } else if !ctx.quiet {
        out(&format!("{}d {what} {}\n", title(verb), d.id))?;
    }
    Ok(())
}

async fn flavor(
    ctx: Ctx,
    c: &WlsClient,
    mode: Confirm,
    cmd: WlsFlavorCommand,
) -> anyhow::Result<()> {
    match cmd {
        WlsFlavorCommand::Upload(a) => {
            let bytes = read_input(&a.file)?;
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
            delete(ctx, mode, ("delete", "flavor"), d, |id| c.delete_flavor(id)).await
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

async fn token(ctx: Ctx, c: &WlsClient, mode: Confirm, cmd: TokenCommand) -> anyhow::Result<()> {
    match cmd {
        TokenCommand::Create(a) => {
            let req = TokenRequest {
                name: a.name,
                permissions: a.permissions,
                expires_in_seconds: a.expires_in,
            };
            let t = c.create_token(&req).await?;
            if t.token.is_none() {
                return Err(ApiError::Decode(Message::new(
                    Service::Wls,
                    "the WLS did not return the new token",
                ))
                .into());
            }
            print_created_token(ctx, &t)
        }
        TokenCommand::List => print_tokens(ctx, c.list_tokens().await?),
        TokenCommand::Revoke(d) => {
            delete(ctx, mode, ("revoke", "token"), d, |id| c.revoke_token(id)).await
        }
    }
}

