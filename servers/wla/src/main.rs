#![forbid(unsafe_code)]

use clap::Parser;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = secl_wla_server::cli::Cli::parse();
    match secl_wla_server::run(cli).await.map_err(anyhow::Error::from) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("secl-wla: error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
