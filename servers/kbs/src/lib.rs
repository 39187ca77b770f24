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
    // With port 0 the OS picked one: links and the ready line must name the real port.
    settings.server.listen = listener.local_addr()?;
    let kbs = Arc::new(open_kbs(&settings).await?);
    kbs.default_policy_id()
        .await
        .context("creating the default key transfer policy")?;
    let admin_file = settings.server.admin_token_file();
    if kbs.bootstrap_admin(&admin_file).await? {
        tracing::info!(
            "first start: admin token written to {}",
            admin_file.display()
        );
    }
    let tls_files = secl_service::tls::files_or_self_signed(
        settings.server.tls.as_ref(),
        &settings.server.data_dir,
        "secl KBS",
        &settings.server.tls_san,
    )?;
    let tls = secl_service::tls::server_config(&tls_files)?;
    let app = routes::router(kbs.clone(), settings.server.max_body_bytes);
    tracing::info!(store = %kbs.store().describe(), "KBS ready");
    secl_service::print_ready(
        "secl-kbs",
        &format!("https://{}/kbs/v1", settings.server.listen),
        &settings.server.data_dir,
        &tls_files,
    );
    secl_service::serve_tls(listener, tls, app, secl_service::shutdown_signal()).await?;
    tracing::info!("KBS stopped");
    Ok(())
}
