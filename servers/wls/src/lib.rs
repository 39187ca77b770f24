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
    let admin_file = settings.server.admin_token_file();
    if wls.bootstrap_admin(&admin_file).await? {
        tracing::info!(
            "first start: admin token written to {}",
            admin_file.display()
        );
    }
    let tls_files = secl_service::tls::files_or_self_signed(
        settings.server.tls.as_ref(),
        &settings.server.data_dir,
        "secl WLS",
        &settings.server.tls_san,
    )?;
    let tls = secl_service::tls::server_config(&tls_files)?;
    let app = routes::router(wls.clone(), settings.server.max_body_bytes);
    tracing::info!(
        store = %wls.store().describe(),
        key_cache_seconds = settings.key_cache_seconds,
        require_image_flavor = settings.require_image_flavor,
        "WLS ready"
    );
    secl_service::print_ready(
        "secl-wls",
        &format!("https://{}/wls/v2", settings.server.listen),
        &settings.server.data_dir,
        &tls_files,
    );
    secl_service::serve_tls(listener, tls, app, secl_service::shutdown_signal()).await?;
    tracing::info!("WLS stopped");
    Ok(())
}
