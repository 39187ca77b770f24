//! Support for secl's end-to-end tests, shared by the `secl-tests` crate and the servers' and
//! CLI's own integration tests, so that each helper exists once.
//!
//! The tests drive the real binaries of this workspace as child processes (built beforehand by
//! `cargo build --workspace --bins`), real peers (swtpm, a docker registry, skopeo) and talk to
//! the servers over real HTTPS that trusts exactly one CA file.
//!
//! Every process or peer a helper starts is stopped when its handle is dropped, also when the
//! test panics, so a failing test leaves nothing running.
#![forbid(unsafe_code)]

#[cfg(feature = "fuzzing")]
pub mod fuzzing;
mod hosts;
mod http;
mod image;
mod kbs;
mod man;
mod paths;
mod postgres;
mod process;
mod servers;
mod swtpm;

pub use hosts::{Agent, TpmHvs, provision_wla_ok, provisioned_agent, serve_agent};
pub use http::{Client, Resp, async_client, install_provider, tls_config};
pub use image::{Registry, blob, layout_layers, layout_manifest, make_image};
pub use kbs::KbsProcess;
pub use man::{check_man_pages, server_man_pages};
pub use paths::{bin, fixture, repo_root, skopeo};
pub use postgres::TestDb;
pub use process::{ServerProc, run_bin, secl_json, secl_ok, stderr, stdout, xmlsec_verify};
pub use servers::{
    Wls, admin_token, provision_wla, provision_wla_with, rsa_pair, secl_command, start_hvs,
    start_hvs_with, start_wla, start_wla_with,
};
pub use swtpm::Swtpm;
