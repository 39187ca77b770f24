//! Servers as child processes: started, waited for until they say they are ready, killed on
//! drop.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use crate::paths::bin;

/// How long a server may take to print its ready line. Bounded so that a server that hangs
/// fails the test with its log instead of hanging it; generous because a server may first make
/// RSA keys or a TPM primary key on a loaded machine.
const READY_TIMEOUT: Duration = Duration::from_secs(120);

/// A server child process that printed its ready line(s) on stdout (`secl-kbs listening on
/// URL`, ...); its stderr goes to `log`. Killed (by its own id) and reaped on drop.
pub struct ServerProc {
    child: Child,
    /// What followed the first ready prefix, up to the first blank: the server's URL.
    pub url: String,
    /// The same for every ready prefix, in order (`ready[0] == url`).
    pub ready: Vec<String>,
    pub log: PathBuf,
}

impl ServerProc {
    /// Starts `exe ARGS` and waits for `<ready_prefix><url>`; panics with the log if the server
    /// exits or stays silent.
    pub fn start(exe: impl AsRef<Path>, args: &[&str], ready_prefix: &str, log: &Path) -> Self {
        Self::try_start(exe, args, ready_prefix, log).unwrap_or_else(|e| panic!("{e}"))
    }

    /// Like [`ServerProc::start`], but returns the log when the server exits or never gets
    /// ready (for tests of start-up refusals).
    pub fn try_start(
        exe: impl AsRef<Path>,
        args: &[&str],
        ready_prefix: &str,
        log: &Path,
    ) -> Result<Self, String> {
        let mut cmd = Command::new(exe.as_ref());
        cmd.args(args);
        Self::spawn(cmd, &[ready_prefix], log)
    }

    /// Runs a prepared command (its own environment and arguments) and waits for each of
    /// `ready_prefixes`, in order, at the start of a stdout line; other lines are skipped.
    /// TPM library logging is switched off: it would fill the log with every TPM command.
    pub fn spawn(mut cmd: Command, ready_prefixes: &[&str], log: &Path) -> Result<Self, String> {
        let what = format!("{}", cmd.get_program().to_string_lossy());
        let stderr =
            std::fs::File::create(log).unwrap_or_else(|e| panic!("create {}: {e}", log.display()));
        let mut child = cmd
            .env("TSS2_LOG", "all+none")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .unwrap_or_else(|e| panic!("start {what}: {e}"));
        let rx = ready_lines(
            child.stdout.take().unwrap(),
            ready_prefixes.iter().map(|p| p.to_string()).collect(),
        );
        let deadline = Instant::now() + READY_TIMEOUT;
        let mut ready = Vec::new();
        while ready.len() < ready_prefixes.len() {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok(value) => ready.push(value),
                // Exited (stdout closed) or silent too long.
                Err(_) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    return Err(format!(
                        "{what} did not start: {}",
                        std::fs::read_to_string(log).unwrap_or_default()
                    ));
                }
            }
        }
        Ok(Self {
            child,
            url: ready[0].clone(),
            ready,
            log: log.to_path_buf(),
        })
    }

    /// The server's stderr so far.
    pub fn logs(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    /// SIGTERM, then waits up to 20 s for a clean stop; SIGKILL after that. Returns how the
    /// server ended, for tests that check a clean shutdown.
    pub fn stop(mut self) -> ExitStatus {
        let pid = self.child.id().to_string();
        let _ = Command::new("kill").args(["-TERM", &pid]).status();
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        self.child.wait().expect("reap the server")
    }

    /// SIGKILL and reap: a crash.
    pub fn kill9(self) {
        // Drop kills and reaps.
    }
}

impl Drop for ServerProc {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Reads `stdout` on a thread (the server keeps writing to it) and sends what follows each
/// prefix, in order. Keeps draining afterwards so that the server never blocks on a full pipe.
fn ready_lines(
    stdout: impl std::io::Read + Send + 'static,
    prefixes: Vec<String>,
) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let mut next = prefixes.iter();
        let mut want = next.next();
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if let Some(rest) = want.and_then(|p| line.strip_prefix(p.as_str())) {
                let _ = tx.send(rest.split_whitespace().next().unwrap_or("").to_string());
                want = next.next();
            }
        }
    });
    rx
}

/// Runs a workspace binary to completion, output captured, stdin empty, TPM logging off.
pub fn run_bin(exe: &str, args: &[&str]) -> Output {
    Command::new(bin(exe))
        .args(args)
        .env("TSS2_LOG", "all+none")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// A finished command's stdout as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A finished command's stderr as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The stdout of a `secl` run that must have succeeded; panics with its exit code and output.
#[track_caller]
pub fn secl_ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "secl failed ({:?}):\nstdout: {}\nstderr: {}",
        o.status.code(),
        stdout(o),
        stderr(o)
    );
    stdout(o)
}

/// [`secl_ok`], parsed as JSON (`--output json`).
#[track_caller]
pub fn secl_json(o: &Output) -> serde_json::Value {
    let text = secl_ok(o);
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// Verifies the SAML assertion `xml` with xmlsec1, an independent XML-DSig implementation,
/// against the signer certificate `cert_pem`; the files go into `dir`. Returns whether it
/// verified and xmlsec1's stderr.
pub fn xmlsec_verify(dir: &Path, xml: &[u8], cert_pem: &str) -> (bool, String) {
    static CALLS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let id = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let x = dir.join(format!("report-{id}.xml"));
    let c = dir.join(format!("saml-cert-{id}.pem"));
    std::fs::write(&x, xml).unwrap();
    std::fs::write(&c, cert_pem).unwrap();
    let out = Command::new("xmlsec1")
        .args([
            "--verify",
            "--id-attr:ID",
            "urn:oasis:names:tc:SAML:2.0:assertion:Assertion",
            "--pubkey-cert-pem",
        ])
        .arg(&c)
        .arg(&x)
        .output()
        .expect("xmlsec1 (scripts/install-deps.sh installs it)");
    (out.status.success(), stderr(&out))
}
