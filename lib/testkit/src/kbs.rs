//! The real `secl-kbs`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::http::{Client, Resp};
use crate::paths::bin;
use crate::process::ServerProc;

/// A running `secl-kbs serve` on a free loopback port, with the files it wrote on first start
/// (admin token, TLS CA) in `data_dir`.
pub struct KbsProcess {
    proc: ServerProc,
    pub url: String,
    pub data_dir: PathBuf,
    pub stderr_log: PathBuf,
}

impl KbsProcess {
    /// Starts `secl-kbs serve` with `data_dir` and extra flags; waits for its ready line.
    pub fn start(data_dir: &Path, extra: &[&str]) -> Self {
        Self::start_with_env(data_dir, extra, &[])
    }

    /// Like [`KbsProcess::start`] with extra environment variables (`SECL_KBS_*`).
    pub fn start_with_env(data_dir: &Path, extra: &[&str], env: &[(&str, &str)]) -> Self {
        std::fs::create_dir_all(data_dir).unwrap();
        let stderr_log = data_dir.with_extension("stderr.log");
        let mut cmd = Command::new(bin("secl-kbs"));
        cmd.arg("serve")
            .arg("--data-dir")
            .arg(data_dir)
            .args(["--listen", "127.0.0.1:0", "--log", "info"])
            .args(extra)
            .envs(env.iter().copied());
        let proc = ServerProc::spawn(cmd, &["secl-kbs listening on "], &stderr_log)
            .unwrap_or_else(|e| panic!("{e}"));
        Self {
            url: proc.url.clone(),
            proc,
            data_dir: data_dir.to_path_buf(),
            stderr_log,
        }
    }

    /// The admin token the KBS wrote on first start.
    pub fn admin_token(&self) -> String {
        crate::servers::admin_token(&self.data_dir)
    }

    pub fn ca_file(&self) -> PathBuf {
        self.data_dir.join("tls-ca.pem")
    }

    pub fn client(&self) -> Client {
        Client::new(&self.url, &self.ca_file())
    }

    /// POSTs a SAML report to the transfer endpoint of `key`, as WLS does.
    pub fn transfer_saml(&self, key: &str, saml: &[u8]) -> Resp {
        self.client().send(
            "POST",
            &format!("/keys/{key}/transfer"),
            None,
            &[
                ("Content-Type", "application/samlassertion+xml"),
                ("Accept", "application/octet-stream"),
            ],
            Some(saml.to_vec()),
        )
    }

    /// The last `key.transfer` audit record of `key` (null if there is none).
    pub fn last_transfer(&self, key: &str) -> serde_json::Value {
        let r = self
            .client()
            .get("/audit?action=key.transfer", &self.admin_token());
        assert_eq!(r.status, 200, "{}", r.text());
        r.json()
            .as_array()
            .unwrap()
            .iter()
            .rev()
            .find(|a| a["key_id"] == key)
            .cloned()
            .unwrap_or(serde_json::Value::Null)
    }

    /// SIGTERM and wait: a clean stop.
    pub fn stop(self) {
        let _ = self.proc.stop();
    }

    /// SIGKILL: a crash.
    pub fn kill9(self) {
        self.proc.kill9();
    }

    /// The KBS's stderr so far.
    pub fn logs(&self) -> String {
        self.proc.logs()
    }
}
