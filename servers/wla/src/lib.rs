//! The secl workload agent, host side: provisioning the TPM with HVS (AIK and binding key,
//! flow 2 of the design) and the trust-agent HTTPS API HVS reads quotes from. The binary
//! `secl-wla` is a thin wrapper over [`run`].
#![forbid(unsafe_code)]

pub mod cli;
pub mod error;
pub mod files;
pub mod host;
pub mod hvs;
pub mod provision;
pub mod routes;

use std::sync::Arc;

use clap::CommandFactory;
use cli::{Cli, Command, PcrExtendArgs, ServeArgs};
use secl_tpm::{PcrBank, Tpm};

pub use error::{Error, Result};

/// The clap definition, for generated man pages.
pub fn command() -> clap::Command {
    Cli::command()
}

/// Runs a parsed command line to completion.
pub async fn run(cli: Cli) -> Result<()> {
    match cli.command {
        Command::Provision(args) => {
            secl_service::init_logging("info");
            secl_service::install_crypto_provider();
            let done = provision::provision(&args).await?;
            println!(
                "secl-wla provisioned {} (hardware UUID {})",
                args.data_dir.display(),
                done.hardware_uuid
            );
            Ok(())
        }
        Command::Serve(args) => serve(args).await,
        Command::PcrExtend(args) => pcr_extend(args).await,
    }
}

async fn pcr_extend(args: PcrExtendArgs) -> Result<()> {
    let digest = hex::decode(args.data.trim())
        .ok()
        .filter(|d| d.len() == 32)
        .ok_or_else(|| Error::Invalid("--data must be 64 hex digits (a SHA-256 digest)".into()))?;
    let index = args.index;
    tokio::task::spawn_blocking(move || {
        let mut tpm = Tpm::open(&args.tpm).map_err(error::tpm("opening the TPM"))?;
        tpm.pcr_extend(index, PcrBank::Sha256, &digest)
            .map_err(error::tpm("extending the PCR"))
    })
    .await
    .map_err(|e| Error::Invalid(format!("TPM task failed: {e}")))?
}

async fn serve(args: ServeArgs) -> Result<()> {
    secl_service::init_logging(&args.log);
    secl_service::install_crypto_provider();
    let dir = args.data_dir.as_path();
    files::private_dir(dir)?;
    let token = files::read_token(&args.token_file)?;
    let aik = provision::load_blobs(dir, files::AIK_BLOB)?;
    let aik_cert_der = files::read(&dir.join(files::AIK_CERT))?;
    let binding_cert_pem = files::read(&dir.join(files::BINDING_CERT))?;
    let hardware_uuid = host::read_hardware_uuid(dir)?;

    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .map_err(error::io(std::path::Path::new(&args.listen.to_string())))?;
    // With port 0 the OS picked one: the ready line must name the real port.
    let addr = listener.local_addr().map_err(|source| Error::Io {
        path: args.listen.to_string().into(),
        source,
    })?;
    let mut names = vec!["localhost".to_string(), "127.0.0.1".to_string()];
    if !addr.ip().is_unspecified() {
        names.push(addr.ip().to_string());
    }
    names.extend(args.tls_san.iter().cloned());
    names.sort();
    names.dedup();
    let tls_files = secl_service::tls::self_signed(dir, "secl WLA", &names)?;
    let tls = secl_service::tls::server_config(&tls_files)?;

    let state = Arc::new(routes::AgentState {
        token,
        tcti: args.tpm.clone(),
        aik,
        aik_cert_der,
        binding_cert_pem,
        host: host::HostInfo::collect(hardware_uuid),
        tpm_lock: tokio::sync::Mutex::new(()),
    });
    tracing::info!(
        ca = %tls_files.ca.as_ref().map(|c| c.display().to_string()).unwrap_or_default(),
        "trust agent ready"
    );
    // One line on stdout that scripts can wait for.
    println!("secl-wla listening on https://{addr}");
    secl_service::serve_tls(
        listener,
        tls,
        routes::router(state),
        secl_service::shutdown_signal(),
    )
    .await
    .map_err(|source| Error::Io {
        path: addr.to_string().into(),
        source,
    })?;
    tracing::info!("trust agent stopped");
    Ok(())
}
