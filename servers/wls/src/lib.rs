//! The secl Workload Service server: configuration, the key broker between hosts, the HVS and
//! the KBS, signed image flavors and tokens. The binary `secl-wls` is a thin wrapper over
//! [`run`].
#![forbid(unsafe_code)]

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
use service::Wls;

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
            create_private_dir(&settings.server.data_dir)?;
            let store = secl_store::open(&settings.server.store)
                .await
                .context("opening the store")?;
            let id = Wls::tokens_only(store)
                .write_admin_token(&settings.server.admin_token_file())
                .await
                .context("writing the new admin token")?;
            println!(
                "new admin token {id} written to {}",
                settings.server.admin_token_file().display()
            );
            Ok(())
        }
    }
}

/// How the WLS names itself while it starts and runs.
const LAUNCH: Launch = Launch {
    name: "secl-wls",
    short: "WLS",
    base_path: "/wls/v2",
};

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let mut settings = Settings::resolve(&args)?;
    let listener = LAUNCH.bind(&mut settings.server).await?;
    create_private_dir(&settings.server.data_dir)?;
    let store = secl_store::open(&settings.server.store)
        .await
        .context("opening the store")?;
    let wls = Arc::new(Wls::open(store, &settings).await?);
    if !wls.has_hvs() {
        tracing::warn!(
            "no --hvs-url/--hvs-ca/--hvs-token-file given: key requests will be refused"
        );
    }
    if !wls.has_kbs_ca() {
        tracing::warn!("no --kbs-ca given: no KBS will be contacted, key requests will be refused");
    }
    if wls.signer_count() == 0 {
        tracing::warn!("no --flavor-signing-cert given: image flavor uploads will be refused");
    }
    let first_start = wls
        .bootstrap_admin(&settings.server.admin_token_file())
        .await?;
    let app = routes::router(wls.clone(), settings.server.max_body_bytes);
    let ready = || {
        tracing::info!(
            store = %wls.store().describe(),
            key_cache_seconds = settings.key_cache_seconds,
            require_image_flavor = settings.require_image_flavor,
            "WLS ready"
        );
    };
    LAUNCH
        .serve(listener, &settings.server, first_start, app, ready)
        .await?;
    Ok(())
}
