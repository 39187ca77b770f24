#![forbid(unsafe_code)]

use clap::Parser;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = secl_hvs_server::config::Cli::parse();
    match secl_hvs_server::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("secl-hvs: error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
