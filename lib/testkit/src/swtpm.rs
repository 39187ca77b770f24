//! A software TPM per test, through scripts/swtpm.sh (which also makes its EK certificate with
//! a local EK CA, as a TPM vendor would).

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::paths::repo_root;

/// A running swtpm, stopped on drop (also when the test panics).
pub struct Swtpm {
    /// Its state directory; `ca/` in it holds the EK CA.
    pub dir: PathBuf,
    /// The TCTI string (`swtpm:host=127.0.0.1,port=N`) for tpm2-tools and secl-wla.
    pub tcti: String,
    port: u16,
    /// The directory when [`Swtpm::start_temp`] made it; removed after the stop.
    _temp: Option<tempfile::TempDir>,
}

fn script(args: &[&str], dir: &Path) -> Output {
    Command::new(repo_root().join("scripts/swtpm.sh"))
        .arg(args[0])
        .arg(dir)
        .args(&args[1..])
        .output()
        .expect("run scripts/swtpm.sh")
}

/// A port whose successor is free too: swtpm listens on PORT (TPM) and PORT+1 (control).
fn free_port_pair() -> u16 {
    loop {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let p = l.local_addr().unwrap().port();
        if p < 65000 && TcpListener::bind(("127.0.0.1", p + 1)).is_ok() {
            return p;
        }
    }
}

impl Swtpm {
    /// Starts a swtpm with its state in `dir`.
    pub fn start(dir: &Path) -> Self {
        let mut last = String::new();
        // Another test may take the probed ports before swtpm binds them: retry.
        for _ in 0..5 {
            let port = free_port_pair();
            let out = script(&["start", &port.to_string()], dir);
            if out.status.success() {
                return Self {
                    dir: dir.to_path_buf(),
                    tcti: String::from_utf8_lossy(&out.stdout).trim().to_string(),
                    port,
                    _temp: None,
                };
            }
            last = String::from_utf8_lossy(&out.stderr).into_owned();
        }
        panic!("swtpm did not start: {last}");
    }

    /// Starts a swtpm in a temporary directory of its own.
    pub fn start_temp() -> Self {
        let temp = tempfile::tempdir().unwrap();
        let mut tpm = Self::start(temp.path());
        tpm._temp = Some(temp);
        tpm
    }

    /// Writes the swtpm EK CA chain (root, then issuer) to `path`, for `secl-hvs --ek-ca`.
    pub fn write_ek_ca(&self, path: &Path) {
        let mut pem = std::fs::read(self.dir.join("ca/swtpm-localca-rootca-cert.pem")).unwrap();
        pem.extend(std::fs::read(self.dir.join("ca/issuercert.pem")).unwrap());
        std::fs::write(path, pem).unwrap();
    }

    /// Extends PCR `index` with the SHA-256 digest `hex` through `secl-wla pcr-extend` (what
    /// a changed boot component would do) and asserts that it worked.
    pub fn extend_pcr(&self, index: u8, hex: &str) {
        let out = crate::process::run_bin(
            "secl-wla",
            &[
                "pcr-extend",
                "--tpm",
                &self.tcti,
                "--index",
                &index.to_string(),
                "--data",
                hex,
            ],
        );
        assert!(
            out.status.success(),
            "secl-wla pcr-extend: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// Stops and starts swtpm on the same state and port: a TPM Reset, as after a reboot.
    pub fn restart(&self) {
        let sh = |args: &[&str]| {
            let out = script(args, &self.dir);
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            String::from_utf8_lossy(&out.stdout).trim().to_string()
        };
        sh(&["stop"]);
        assert_eq!(sh(&["start", &self.port.to_string()]), self.tcti);
    }
}

impl Drop for Swtpm {
    fn drop(&mut self) {
        let _ = script(&["stop"], &self.dir);
    }
}
