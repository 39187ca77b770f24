//! `secl`: parse the command line, then run it.
#![forbid(unsafe_code)]

use clap::Parser as _;

fn main() -> std::process::ExitCode {
    secl_cli::run(secl_cli::Cli::parse())
}
