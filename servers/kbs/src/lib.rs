//! The secl Key Broker Service server: configuration, wiring and the HTTP routes over
//! `secl_kbs`. The binary `secl-kbs` is a thin wrapper over [`run`].
#![forbid(unsafe_code)]

pub mod config;
pub mod routes;

use std::sync::Arc;

use anyhow::Context;
use clap::CommandFactory;
use config::{Cli, Command, ServeArgs, Settings};
use secl_kbs::{Kbs, MasterKey};
use secl_service::server::{Launch, create_private_dir};

/// The clap definition, for generated man pages.
pub fn command() -> clap::Command {
    Cli::command()
}

/// Runs a parsed command line to completion.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve(args) => serve(args).await,
        Command::ResetAdminToken(common) => {
            let settings = Settings::resolve(&ServeArgs {
                common,
                ..Default::default()
            })?;
            let kbs = open_kbs(&settings).await?;
            let id = kbs
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

async fn open_kbs(settings: &Settings) -> anyhow::Result<Kbs> {
    create_private_dir(&settings.server.data_dir)?;
    let store = secl_store::open(&settings.server.store)
        .await
        .with_context(|| "opening the store")?;
    let master = MasterKey::load_or_create(&settings.master_key_file)?;
    let endpoint = settings.endpoint_url.clone().unwrap_or_else(|| {
        let host = if settings.server.listen.ip().is_unspecified() {
            "localhost".to_string()
        } else {
            settings.server.listen.ip().to_string()
        };
        let host = if host.contains(':') {
            format!("[{host}]")
        } else {
            host
        };
        format!("https://{host}:{}/kbs/v1/", settings.server.listen.port())
    });
    Ok(Kbs::new(store, master, &endpoint))
}

/// How the KBS names itself while it starts and runs.
const LAUNCH: Launch = Launch {
    name: "secl-kbs",
    short: "KBS",
    base_path: "/kbs/v1",
};

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let mut settings = Settings::resolve(&args)?;
    // With port 0 the OS picks one: links and the ready line name the real port.
    let listener = LAUNCH.bind(&mut settings.server).await?;
    let kbs = Arc::new(open_kbs(&settings).await?);
    kbs.default_policy_id()
        .await
        .context("creating the default key transfer policy")?;
    let first_start = kbs
        .bootstrap_admin(&settings.server.admin_token_file())
        .await?;
    let app = routes::router(kbs.clone(), settings.server.max_body_bytes);
    let ready = || tracing::info!(store = %kbs.store().describe(), "KBS ready");
    LAUNCH
        .serve(listener, &settings.server, first_start, app, ready)
        .await?;
    Ok(())
}
