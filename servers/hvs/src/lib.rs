//! The secl Host Verification Service server: configuration, key material, the PrivacyCA,
//! host registration, flavors and SAML trust reports. The binary `secl-hvs` is a thin wrapper
//! over [`run`].
#![forbid(unsafe_code)]

pub mod agent;
pub mod config;
pub mod error;
pub mod flavor;
pub mod keys;
pub mod routes;
pub mod service;

use std::sync::Arc;

use anyhow::Context;
use clap::CommandFactory;
use config::{Cli, Command, ServeArgs, Settings};
use secl_service::server::{Launch, create_private_dir};
use service::Hvs;

/// The clap definition, for generated man pages.
pub fn command() -> clap::Command {
    Cli::command()
}

/// Runs a parsed command line to completion.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve(args) => serve(*args).await,
        Command::ResetAdminToken(common) => {
            let settings = Settings::resolve(&ServeArgs {
                common,
                ..Default::default()
            })?;
            let hvs = open_hvs(&settings).await?;
            hvs.write_admin_token(&settings.server.admin_token_file())
                .await
                .context("writing the new admin token")?;
            println!(
                "new admin token written to {}",
                settings.server.admin_token_file().display()
            );
            Ok(())
        }
    }
}

async fn open_hvs(settings: &Settings) -> anyhow::Result<Hvs> {
    create_private_dir(&settings.server.data_dir)?;
    let store = secl_store::open(&settings.server.store)
        .await
        .context("opening the store")?;
    let ek_cas = service::load_ek_cas(&settings.ek_ca)?;
    // RSA-3072 generation on first start takes a while; keep it off the async workers.
    let dir = settings.server.data_dir.clone();
    let (validity, issuer) = (settings.saml_validity_seconds, settings.saml_issuer.clone());
    let hvs = tokio::task::spawn_blocking(move || Hvs::open(store, &dir, ek_cas, validity, issuer))
        .await
        .context("key set-up task")??
        .require_ek_registration(settings.require_ek_registration);
    hvs.init_flavorgroups()
        .await
        .context("creating the default flavor groups")?;
    Ok(hvs)
}

/// How the HVS names itself while it starts and runs.
const LAUNCH: Launch = Launch {
    name: "secl-hvs",
    short: "HVS",
    base_path: "/hvs/v2",
};

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let mut settings = Settings::resolve(&args)?;
    let listener = LAUNCH.bind(&mut settings.server).await?;
    let hvs = Arc::new(open_hvs(&settings).await?);
    if settings.require_ek_registration {
        tracing::info!("--require-ek-registration: only registered EK certificates are accepted");
    } else if settings.ek_ca.is_empty() {
        tracing::warn!(
            "no --ek-ca given: only registered EK certificates (/tpm-endorsements) are accepted"
        );
    }
    let first_start = hvs
        .bootstrap_admin(&settings.server.admin_token_file())
        .await?;
    let app = routes::router(hvs.clone(), settings.server.max_body_bytes);
    let ready = || tracing::info!(store = %hvs.store().describe(), "HVS ready");
    LAUNCH
        .serve(listener, &settings.server, first_start, app, ready)
        .await?;
    Ok(())
}
