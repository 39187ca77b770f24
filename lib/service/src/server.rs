//! Start-up and run loop every secl server shares: logging, the crypto provider, the listening
//! socket, the private data directory, TLS (the operator's files or self-made ones), the ready
//! line and serving until SIGINT or SIGTERM.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use tokio::net::TcpListener;

use crate::config::ServerSettings;
use crate::tls::{self, TlsError};

/// Why a server could not start, or stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    // The causes are part of the messages (as they always were), not error sources, so that
    // `{:#}` does not print them twice.
    #[error("cannot listen on {addr}: {error}")]
    Listen {
        addr: SocketAddr,
        error: std::io::Error,
    },
    #[error("creating data directory {}: {error}", path.display())]
    DataDir {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error(transparent)]
    Tls(#[from] TlsError),
    /// The listening socket failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Creates `dir` (and its parents) readable only by its owner, unless it exists.
pub fn create_private_dir(dir: &Path) -> Result<(), StartError> {
    use std::os::unix::fs::DirBuilderExt;
    if !dir.exists() {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(|error| StartError::DataDir {
                path: dir.to_path_buf(),
                error,
            })?;
    }
    Ok(())
}

/// How a server names itself while it starts and runs.
#[derive(Debug, Clone, Copy)]
pub struct Launch {
    /// The binary, e.g. `secl-kbs`: starts the ready line.
    pub name: &'static str,
    /// The short name, e.g. `KBS`: log lines and the self-made certificate (`secl KBS`).
    pub short: &'static str,
    /// Where the API is, e.g. `/kbs/v1`: the URL in the ready line.
    pub base_path: &'static str,
}

impl Launch {
    /// Sets up logging and the crypto provider and binds the listening socket. With port 0
    /// the OS picks one: `settings.listen` names the real port afterwards.
    pub async fn bind(&self, settings: &mut ServerSettings) -> Result<TcpListener, StartError> {
        crate::init_logging(&settings.log);
        crate::install_crypto_provider();
        let listener =
            TcpListener::bind(settings.listen)
                .await
                .map_err(|error| StartError::Listen {
                    addr: settings.listen,
                    error,
                })?;
        settings.listen = listener.local_addr()?;
        Ok(listener)
    }

    /// Serves `app` on `listener` until SIGINT or SIGTERM. `first_start` says whether the
    /// admin token was just written (logged with its file). TLS is set up before `ready` (the
    /// server's own log line) and the ready line on stdout.
    pub async fn serve(
        &self,
        listener: TcpListener,
        settings: &ServerSettings,
        first_start: bool,
        app: axum::Router,
        ready: impl FnOnce(),
    ) -> Result<(), StartError> {
        if first_start {
            tracing::info!(
                "first start: admin token written to {}",
                settings.admin_token_file().display()
            );
        }
        let tls_files = tls::files_or_self_signed(
            settings.tls.as_ref(),
            &settings.data_dir,
            &format!("secl {}", self.short),
            &settings.tls_san,
        )?;
        let tls = tls::server_config(&tls_files)?;
        ready();
        crate::print_ready(
            self.name,
            &format!("https://{}{}", settings.listen, self.base_path),
            &settings.data_dir,
            &tls_files,
        );
        crate::serve_tls(listener, tls, app, crate::shutdown_signal()).await?;
        tracing::info!("{} stopped", self.short);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_dir_is_made_once_0700() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("a/b");
        create_private_dir(&data).unwrap();
        let mode = std::fs::metadata(&data).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o700);
        create_private_dir(&data).unwrap();
        std::fs::write(dir.path().join("file"), "").unwrap();
        let err = create_private_dir(&dir.path().join("file/sub")).unwrap_err();
        assert!(
            err.to_string().starts_with("creating data directory "),
            "{err}"
        );
    }
}
