#![forbid(unsafe_code)]

use clap::Parser;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = secl_wls_server::config::Cli::parse();
    match secl_wls_server::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("secl-wls: error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
