//! Starters for the HVS, the host agent and the WLS, as the deployment runs them: each on a
//! free loopback port with its own data directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::http::Client;
use crate::paths::bin;
use crate::process::{ServerProc, run_bin};
use crate::swtpm::Swtpm;

/// The admin token a server wrote into its data directory on first start.
pub fn admin_token(data: &Path) -> String {
    std::fs::read_to_string(data.join("admin.token"))
        .unwrap_or_else(|e| panic!("{}/admin.token: {e}", data.display()))
        .trim()
        .to_string()
}

/// `secl-hvs serve` with `data` as data directory (admin.token and tls-ca.pem appear there),
/// trusting the EK CAs in `ek_ca`; its log is `data` + `.log`.
pub fn start_hvs(data: &Path, ek_ca: &Path) -> ServerProc {
    let ek_ca = ek_ca.to_str().unwrap();
    start_hvs_with(data, &["--ek-ca", ek_ca], &data.with_extension("log"))
}

/// `secl-hvs serve` on 127.0.0.1 with `data` as data directory, `extra` arguments (e.g.
/// `--store URL`, `--ek-ca FILE`, or none) and `log` as its log.
pub fn start_hvs_with(data: &Path, extra: &[&str], log: &Path) -> ServerProc {
    std::fs::create_dir_all(data).unwrap();
    let mut args = vec![
        "serve",
        "--data-dir",
        data.to_str().unwrap(),
        "--listen",
        "127.0.0.1:0",
    ];
    args.extend_from_slice(extra);
    ServerProc::start(bin("secl-hvs"), &args, "secl-hvs listening on ", log)
}

/// `secl-wla provision` of the agent in `wla_data` over `tpm` against the HVS whose data
/// directory is `hvs_data` (its CA and admin token), run to completion.
pub fn provision_wla(tpm: &Swtpm, wla_data: &Path, hvs: &ServerProc, hvs_data: &Path) -> Output {
    provision_wla_with(tpm, wla_data, hvs, hvs_data, &[])
}

/// [`provision_wla`] with `extra` arguments, e.g. `--aik-protocol privacyca`.
pub fn provision_wla_with(
    tpm: &Swtpm,
    wla_data: &Path,
    hvs: &ServerProc,
    hvs_data: &Path,
    extra: &[&str],
) -> Output {
    let ca = hvs_data.join("tls-ca.pem");
    let token = hvs_data.join("admin.token");
    let mut args = vec![
        "provision",
        "--data-dir",
        wla_data.to_str().unwrap(),
        "--tpm",
        &tpm.tcti,
        "--hvs-url",
        &hvs.url,
        "--hvs-ca",
        ca.to_str().unwrap(),
        "--hvs-token-file",
        token.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    run_bin("secl-wla", &args)
}

/// `secl-wla serve` of a provisioned agent, with `token_file` as its bearer token (made mode
/// 0600 first: the agent refuses a token file others can read).
pub fn start_wla(tpm: &Swtpm, wla_data: &Path, token_file: &Path, log: &Path) -> ServerProc {
    start_wla_with(tpm, wla_data, token_file, log, &[])
}

/// [`start_wla`] with `extra` arguments, e.g. `--keyprovider-socket` and the WLS settings.
pub fn start_wla_with(
    tpm: &Swtpm,
    wla_data: &Path,
    token_file: &Path,
    log: &Path,
    extra: &[&str],
) -> ServerProc {
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(token_file, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let mut args = vec![
        "serve",
        "--data-dir",
        wla_data.to_str().unwrap(),
        "--tpm",
        &tpm.tcti,
        "--listen",
        "127.0.0.1:0",
        "--token-file",
        token_file.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    ServerProc::start(bin("secl-wla"), &args, "secl-wla listening on ", log)
}

/// `secl-wls serve` with `data` as its data directory; its log is `data` + `.log`.
pub struct Wls {
    pub proc: ServerProc,
    pub data: PathBuf,
}

impl Wls {
    /// Starts the WLS with `extra` flags (`--hvs-url`, `--kbs-ca`, ...); panics with the log
    /// if it does not get ready.
    pub fn start(data: &Path, extra: &[&str]) -> Self {
        Self::try_start(data, extra).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Like [`Wls::start`], but returns the log when the WLS refuses to start.
    pub fn try_start(data: &Path, extra: &[&str]) -> Result<Self, String> {
        std::fs::create_dir_all(data).unwrap();
        let mut args = vec![
            "serve",
            "--data-dir",
            data.to_str().unwrap(),
            "--listen",
            "127.0.0.1:0",
        ];
        args.extend_from_slice(extra);
        let proc = ServerProc::try_start(
            bin("secl-wls"),
            &args,
            "secl-wls listening on ",
            &data.with_extension("log"),
        )?;
        Ok(Self {
            proc,
            data: data.to_path_buf(),
        })
    }

    pub fn admin(&self) -> String {
        admin_token(&self.data)
    }

    /// A client for `/wls/<version>` (the ready line names `/wls/v2`).
    pub fn client(&self, version: &str) -> Client {
        let base = self.proc.url.trim_end_matches("/wls/v2").to_string();
        Client::http1(
            &format!("{base}/wls/{version}"),
            &self.data.join("tls-ca.pem"),
        )
    }
}

/// The `secl` CLI isolated from the machine it runs on: no `SECL_*` variables from outside,
/// HOME and XDG_CONFIG_HOME in `home` (so no user config or envelope key is picked up), stdin
/// empty. Arguments and environment are the caller's to add.
pub fn secl_command(home: &Path) -> Command {
    let mut cmd = Command::new(bin("secl"));
    for (k, _) in std::env::vars() {
        if k.starts_with("SECL_") {
            cmd.env_remove(k);
        }
    }
    cmd.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .stdin(Stdio::null());
    cmd
}

/// A fresh RSA key pair: (private key, PEM `PUBLIC KEY`), e.g. an owner's envelope key.
pub fn rsa_pair(bits: usize) -> (rsa::PrivateKey, String) {
    use rsa::pkcs8::{EncodePublicKey, LineEnding};
    let private = rsa::PrivateKey::new(&mut rand::rng(), bits).unwrap();
    let public = private
        .to_public_key()
        .to_public_key_pem(LineEnding::LF)
        .unwrap();
    (private, public)
}
