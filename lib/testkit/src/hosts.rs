//! The set-up most HVS tests start from: a swtpm host, an HVS that trusts its EK CA, and the
//! host's agent provisioned against that HVS and serving the trust-agent API.

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::{Value, json};

use crate::http::Client;
use crate::process::{ServerProc, stderr, stdout};
use crate::servers::{admin_token, provision_wla_with, start_hvs, start_wla};
use crate::swtpm::Swtpm;

/// A swtpm and an HVS trusting its EK CA, below one directory: `swtpm/`, `ek-ca.pem` and
/// `hvs/` (the HVS's data directory).
pub struct TpmHvs {
    pub hvs: ServerProc,
    pub hvs_data: PathBuf,
    /// The HVS's admin token.
    pub admin: String,
    pub ek_ca: PathBuf,
    pub tpm: Swtpm,
}

impl TpmHvs {
    pub fn start(root: &Path) -> Self {
        let tpm = Swtpm::start(&root.join("swtpm"));
        let ek_ca = root.join("ek-ca.pem");
        tpm.write_ek_ca(&ek_ca);
        let hvs_data = root.join("hvs");
        let hvs = start_hvs(&hvs_data, &ek_ca);
        Self {
            admin: admin_token(&hvs_data),
            hvs,
            hvs_data,
            ek_ca,
            tpm,
        }
    }

    /// A client for the HVS that trusts its TLS CA.
    pub fn client(&self) -> Client {
        Client::new(&self.hvs.url, &self.hvs_data.join("tls-ca.pem"))
    }

    /// The swtpm's agent provisioned against this HVS and serving, in `dir` (see
    /// [`provisioned_agent`]).
    pub fn agent(&self, dir: &Path, ta_token: &str) -> Agent {
        provisioned_agent(&self.tpm, dir, &self.hvs, &self.hvs_data, ta_token)
    }

    /// Registers `agent` as a host; returns the created host (201, or panics with the HVS log).
    pub fn register(&self, agent: &Agent) -> Value {
        let r = self
            .client()
            .post_json("/hosts", &self.admin, agent.registration());
        assert_eq!(r.status, 201, "{}\nHVS: {}", r.text(), self.hvs.logs());
        r.json()
    }

    /// `POST /flavors` from the host `host_id` for `parts`; returns the created flavors.
    pub fn flavors_from_host(&self, host_id: &str, parts: &[&str]) -> Value {
        let r = self.client().post_json(
            "/flavors",
            &self.admin,
            json!({"host_id": host_id, "flavor_parts": parts}),
        );
        assert_eq!(r.status, 201, "{}", r.text());
        r.json()
    }
}

/// A host agent serving the trust-agent API.
pub struct Agent {
    pub proc: ServerProc,
    /// Its data directory (`tls-ca.pem`, `aik.cer`, ...).
    pub data: PathBuf,
    /// The bearer token it accepts, and the file it reads it from.
    pub token: String,
    pub token_file: PathBuf,
    /// Its TLS CA (PEM), which the HVS must trust to reach it.
    pub ca_pem: String,
}

impl Agent {
    /// The body of `POST /hosts` that registers this agent.
    pub fn registration(&self) -> Value {
        json!({"connection_string": self.proc.url, "ta_ca_pem": self.ca_pem, "ta_token": self.token})
    }
}

/// [`provision_wla_with`] that must succeed: panics with the agent's output and the HVS log.
pub fn provision_wla_ok(
    tpm: &Swtpm,
    wla_data: &Path,
    hvs: &ServerProc,
    hvs_data: &Path,
    extra: &[&str],
) -> Output {
    let out = provision_wla_with(tpm, wla_data, hvs, hvs_data, extra);
    assert!(
        out.status.success(),
        "provision: {}{}\nHVS: {}",
        stdout(&out),
        stderr(&out),
        hvs.logs()
    );
    out
}

/// `secl-wla serve` of the agent provisioned in `dir/wla`, with `ta_token` in `dir/ta.token`
/// and its log in `dir/wla.log`.
pub fn serve_agent(tpm: &Swtpm, dir: &Path, ta_token: &str) -> Agent {
    let data = dir.join("wla");
    let token_file = dir.join("ta.token");
    std::fs::write(&token_file, format!("{ta_token}\n")).unwrap();
    let proc = start_wla(tpm, &data, &token_file, &dir.join("wla.log"));
    let ca_pem = std::fs::read_to_string(data.join("tls-ca.pem")).unwrap();
    Agent {
        proc,
        data,
        token: ta_token.to_string(),
        token_file,
        ca_pem,
    }
}

/// The agent over `tpm` provisioned in `dir/wla` against the HVS, then served (see
/// [`serve_agent`]).
pub fn provisioned_agent(
    tpm: &Swtpm,
    dir: &Path,
    hvs: &ServerProc,
    hvs_data: &Path,
    ta_token: &str,
) -> Agent {
    provision_wla_ok(tpm, &dir.join("wla"), hvs, hvs_data, &[]);
    serve_agent(tpm, dir, ta_token)
}
