//! `secl kbs|hvs|wls token ...`: the same token commands against any of the three services.

use secl_api::client::{KbsClient, Result};
use secl_api::hvs::HvsClient;
use secl_api::kbs::{TokenRequest, TokenResponse};
use secl_api::wls::WlsClient;
use secl_api::{Error as ApiError, Message, Service};

use crate::args::TokenCommand;
use crate::confirm::{Confirm, Removal, remove};
use crate::output::{self, Ctx, opt_time, out, table, time};

/// A client of a service that issues, lists and revokes bearer tokens.
pub(crate) trait TokenApi {
    const SERVICE: Service;
    async fn create_token(&self, req: &TokenRequest) -> Result<TokenResponse>;
    async fn list_tokens(&self) -> Result<Vec<TokenResponse>>;
    async fn revoke_token(&self, id: uuid::Uuid) -> Result<()>;
}

macro_rules! token_api {
    ($client:ty, $service:expr) => {
        impl TokenApi for $client {
            const SERVICE: Service = $service;
            async fn create_token(&self, req: &TokenRequest) -> Result<TokenResponse> {
                <$client>::create_token(self, req).await
            }
            async fn list_tokens(&self) -> Result<Vec<TokenResponse>> {
                <$client>::list_tokens(self).await
            }
            async fn revoke_token(&self, id: uuid::Uuid) -> Result<()> {
                <$client>::revoke_token(self, id).await
            }
        }
    };
}

token_api!(KbsClient, Service::Kbs);
token_api!(HvsClient, Service::Hvs);
token_api!(WlsClient, Service::Wls);

/// Runs `secl <service> token <cmd>`.
pub(crate) async fn run<C: TokenApi>(
    ctx: Ctx,
    c: &C,
    mode: Confirm,
    cmd: TokenCommand,
) -> anyhow::Result<()> {
    match cmd {
        TokenCommand::Create(a) => {
            let req = TokenRequest {
                name: a.name,
                permissions: a.permissions,
                expires_in_seconds: a.expires_in,
            };
            let t = c.create_token(&req).await?;
            if t.token.is_none() {
                let msg = format!("the {} did not return the new token", C::SERVICE);
                return Err(ApiError::Decode(Message::new(C::SERVICE, msg)).into());
            }
            print_created_token(ctx, &t)
        }
        TokenCommand::List => print_tokens(ctx, c.list_tokens().await?),
        TokenCommand::Revoke(d) => {
            let call = c.revoke_token(d.id);
            remove(ctx, mode, (Removal::Revoke, "token"), d.id, call).await
        }
    }
}

/// Prints a token just created: its secret on stdout, the rest as a note (or all as JSON).
pub(crate) fn print_created_token(ctx: Ctx, t: &TokenResponse) -> anyhow::Result<()> {
    if ctx.json() {
        return Ok(out(&output::json(t)?)?);
    }
    ctx.say(&format!(
        "Created token {} ({}), permissions {}, expires {}.\n\
         Store it now: it cannot be shown again.",
        crate::error::clean(&t.name),
        t.id,
        crate::error::clean(&t.permissions.join(",")),
        opt_time(t.expires_at, "never"),
    ));
    out(&format!(
        "{}\n",
        crate::error::clean(t.token.as_deref().unwrap_or_default())
    ))?;
    Ok(())
}

/// Prints a token listing; never a secret, even if a server sent one.
pub(crate) fn print_tokens(ctx: Ctx, tokens: Vec<TokenResponse>) -> anyhow::Result<()> {
    let tokens: Vec<TokenResponse> = tokens
        .into_iter()
        .map(|mut t| {
            t.token = None;
            t
        })
        .collect();
    if ctx.json() {
        return Ok(out(&output::json(&tokens)?)?);
    }
    if tokens.is_empty() {
        ctx.say("No tokens.");
        return Ok(());
    }
    let rows: Vec<Vec<String>> = tokens
        .iter()
        .map(|t| {
            vec![
                t.id.to_string(),
                t.name.clone(),
                t.permissions.join(","),
                time(t.created_at),
                opt_time(t.expires_at, "never"),
                if t.revoked { "yes" } else { "no" }.to_string(),
            ]
        })
        .collect();
    out(&table(
        &["ID", "NAME", "PERMISSIONS", "CREATED", "EXPIRES", "REVOKED"],
        &rows,
    ))?;
    Ok(())
}
