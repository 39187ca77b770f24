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
        .context("key set-up task")??;
    hvs.init_flavorgroups()
        .await
        .context("creating the default flavor groups")?;
    Ok(hvs)
}

fn create_private_dir(dir: &std::path::Path) -> anyhow::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    if !dir.exists() {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .with_context(|| format!("creating data directory {}", dir.display()))?;
    }
    Ok(())
}

async fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let mut settings = Settings::resolve(&args)?;
    secl_service::init_logging(&settings.server.log);
    secl_service::install_crypto_provider();
    let listener = tokio::net::TcpListener::bind(settings.server.listen)
        .await
        .with_context(|| format!("cannot listen on {}", settings.server.listen))?;
    // With port 0 the OS picked one: the ready line must name the real port.
    settings.server.listen = listener.local_addr()?;
    let hvs = Arc::new(open_hvs(&settings).await?);
    if settings.ek_ca.is_empty() {
        tracing::warn!("no --ek-ca given: every AIK challenge will be refused");
    }
    let admin_file = settings.server.admin_token_file();
    if hvs.bootstrap_admin(&admin_file).await? {
        tracing::info!(
            "first start: admin token written to {}",
            admin_file.display()
        );
    }
    let tls_files = secl_service::tls::files_or_self_signed(
        settings.server.tls.as_ref(),
        &settings.server.data_dir,
        "secl HVS",
        &settings.server.tls_san,
    )?;
    let tls = secl_service::tls::server_config(&tls_files)?;
    let app = routes::router(hvs.clone(), settings.server.max_body_bytes);
    tracing::info!(store = %hvs.store().describe(), "HVS ready");
    secl_service::print_ready(
        "secl-hvs",
        &format!("https://{}/hvs/v2", settings.server.listen),
        &settings.server.data_dir,
        &tls_files,
    );
    secl_service::serve_tls(listener, tls, app, secl_service::shutdown_signal()).await?;
    tracing::info!("HVS stopped");
    Ok(())
}
