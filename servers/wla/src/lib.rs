//! The secl workload agent, host side: provisioning the TPM with HVS (AIK and binding key,
//! flow 2 of the design), the trust-agent HTTPS API HVS reads quotes from, and the ocicrypt
//! gRPC key provider that unwraps image keys inside the TPM (flow 5). The binary `secl-wla` is
//! a thin wrapper over [`run`].
#![forbid(unsafe_code)]

pub mod cli;
pub mod error;
pub mod files;
pub mod host;
pub mod hvs;
pub mod keyprovider;
pub mod provision;
pub mod routes;
pub mod storage_primary;
pub mod wls;

use std::sync::Arc;

use clap::CommandFactory;
use cli::{Cli, Command, KeyProviderArgs, PcrExtendArgs, ServeArgs};
use keyprovider::{KeyProvider, TpmLock};
use secl_tpm::{PcrBank, Tpm};
use storage_primary::TpmAccess;

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
        Command::Keyprovider(args) => serve_keyprovider(args).await,
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
    let tpm = TpmAccess::load(dir, &args.tpm)?;
    let tpm_lock = TpmLock::default();
    // Everything the key provider needs is checked before anything listens.
    let keyprovider = match &args.keyprovider.keyprovider_socket {
        None => None,
        Some(socket) => {
            let kp = &args.keyprovider;
            let (Some(url), Some(ca), Some(token)) = (&kp.wls_url, &kp.wls_ca, &kp.wls_token_file)
            else {
                return Err(Error::Invalid(
                    "--keyprovider-socket needs --wls-url, --wls-ca and --wls-token-file".into(),
                ));
            };
            let wls = wls::Wls::new(url, ca, token)?;
            let provider = KeyProvider::load(dir, tpm.clone(), wls, tpm_lock.clone())?;
            Some((socket.clone(), Arc::new(provider)))
        }
    };

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
        tpm,
        aik,
        aik_cert_der,
        binding_cert_pem,
        host: host::HostInfo::collect(hardware_uuid),
        tpm_lock,
    });
    let grpc = match keyprovider {
        Some((path, provider)) => Some((
            keyprovider::bind_socket(&path, args.keyprovider.socket_group.as_deref())?,
            provider,
        )),
        None => None,
    };
    tracing::info!(
        ca = %tls_files.ca.as_ref().map(|c| c.display().to_string()).unwrap_or_default(),
        "trust agent ready"
    );
    // One line on stdout that scripts can wait for (two with the key provider).
    println!("secl-wla listening on https://{addr}");
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    let https = secl_service::serve_tls(
        listener,
        tls,
        routes::router(state),
        stopped(stop_rx.clone()),
    );
    let https = async {
        https.await.map_err(|source| Error::Io {
            path: addr.to_string().into(),
            source,
        })
    };
    let grpc = async move {
        match grpc {
            None => Ok(()),
            Some(((listener, socket), provider)) => {
                println!("secl-wla key provider on unix:{}", socket.path.display());
                tracing::info!(socket = %socket.path.display(), "key provider ready");
                let served = keyprovider::serve(provider, listener, stopped(stop_rx)).await;
                drop(socket);
                served
            }
        }
    };
    let signal = async move {
        secl_service::shutdown_signal().await;
        let _ = stop_tx.send(true);
    };
    tokio::pin!(https, grpc);
    tokio::spawn(signal);
    // Either server failing stops the process; a signal stops both.
    tokio::select! {
        r = &mut https => { r?; grpc.await?; }
        r = &mut grpc => { r?; https.await?; }
    }
    tracing::info!("trust agent stopped");
    Ok(())
}

/// Completes once the watched flag turns true (or its sender is gone).
async fn stopped(mut rx: tokio::sync::watch::Receiver<bool>) {
    let _ = rx.wait_for(|stop| *stop).await;
}

/// `secl-wla keyprovider`: only the gRPC key provider, for hosts whose trust agent runs
/// elsewhere.
async fn serve_keyprovider(args: KeyProviderArgs) -> Result<()> {
    secl_service::init_logging(&args.log);
    secl_service::install_crypto_provider();
    let wls = wls::Wls::new(&args.wls_url, &args.wls_ca, &args.wls_token_file)?;
    let tpm = TpmAccess::load(&args.data_dir, &args.tpm)?;
    let provider = KeyProvider::load(&args.data_dir, tpm, wls, TpmLock::default())?;
    let (listener, socket) =
        keyprovider::bind_socket(&args.keyprovider_socket, args.socket_group.as_deref())?;
    println!("secl-wla key provider on unix:{}", socket.path.display());
    tracing::info!(socket = %socket.path.display(), "key provider ready");
    keyprovider::serve(
        Arc::new(provider),
        listener,
        secl_service::shutdown_signal(),
    )
    .await?;
    drop(socket);
    tracing::info!("key provider stopped");
    Ok(())
}
