//! The `secl` command line: administers a secl (or Intel SecL-DC) Key Broker Service, Host
//! Verification Service and Workload Service, and encrypts container images.
//!
//! `main.rs` only parses the arguments and calls [`run`]; [`command`] gives the full clap
//! definition for documentation generation ([`docs`]).
#![forbid(unsafe_code)]

pub mod args;
pub mod config;
mod confirm;
pub mod docs;
pub mod error;
mod hvs;
mod image;
mod image_flavor;
mod input;
mod kbs;
mod output;
mod token;
mod wls;

use std::process::ExitCode;

use clap::CommandFactory as _;

pub use args::Cli;

use crate::args::Command;
use crate::error::{classify, clean};

/// The full clap definition of `secl`.
pub fn command() -> clap::Command {
    Cli::command()
}

/// Runs a parsed command line; prints `error:` and `hint:` lines on failure and returns the
/// documented exit code.
pub fn run(cli: Cli) -> ExitCode {
    secl_api::client::install_crypto_provider();
    match dispatch(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let (code, hint) = classify(&err);
            output::note(&format!("error: {}", clean(&format!("{err:#}"))));
            if let Some(hint) = hint {
                output::note(&format!("hint: {}", clean(&hint)));
            }
            ExitCode::from(code)
        }
    }
}

/// Runs `fut` to completion on a single-threaded runtime (one command talks to one server at a
/// time).
fn block_on<T>(fut: impl std::future::Future<Output = anyhow::Result<T>>) -> anyhow::Result<T> {
    use anyhow::Context as _;
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?
        .block_on(fut)
}

/// Runs the command; each service's settings come from the config file, then the environment,
/// then the flags.
fn dispatch(cli: Cli) -> anyhow::Result<()> {
    let ctx = output::Ctx {
        format: cli.global.output,
        quiet: cli.global.quiet,
    };
    let env = config::process_env;
    let load = || config::load_config(cli.global.config.as_deref(), &env);
    match cli.command {
        Command::Completions { shell } => {
            let mut cmd = command();
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut cmd, "secl", &mut buf);
            output::out(&String::from_utf8_lossy(&buf))?;
            Ok(())
        }
        Command::Kbs(kbs) => {
            let loaded = load()?;
            let settings = config::resolve(&loaded, &env, &kbs.conn);
            // `trust-hvs` also reaches the HVS: its settings resolve like `secl hvs`'s.
            let hvs = match &kbs.command {
                args::KbsCommand::TrustHvs(t) => {
                    let flags = args::HvsConnOpts {
                        hvs_url: t.hvs_url.clone(),
                        hvs_ca_cert: t.hvs_ca_cert.clone(),
                        hvs_token_file: None,
                    };
                    Some(config::resolve_hvs(&loaded, &env, &flags))
                }
                _ => None,
            };
            kbs::run(ctx, &settings, kbs.command, hvs.as_ref())
        }
        Command::Hvs(h) => {
            let settings = config::resolve_hvs(&load()?, &env, &h.conn);
            hvs::run(ctx, &settings, h.command)
        }
        Command::Wls(w) => {
            let settings = config::resolve_wls(&load()?, &env, &w.conn);
            wls::run(ctx, &settings, w.command)
        }
        Command::Image(img) => {
            let settings = config::resolve(&load()?, &env, &img.conn);
            image::run(ctx, &settings, img.command)
        }
        Command::Keyprovider(kp) => {
            let settings = config::resolve(&load()?, &env, &kp.conn);
            image::keyprovider(&settings, kp)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clap_definition_is_valid() {
        command().debug_assert();
    }

    #[test]
    fn help_documents_exit_codes() {
        let help = command().render_long_help().to_string();
        for line in [
            "0  success",
            "1  error",
            "2  usage error",
            "3  not authorized",
            "4  not found",
            "5  cannot reach the server",
            "6  conflict or refused input",
        ] {
            assert!(help.contains(line), "{line:?} missing from --help:\n{help}");
        }
    }
}
