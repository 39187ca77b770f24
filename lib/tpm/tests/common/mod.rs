//! A real swtpm per test, started by scripts/swtpm.sh on free loopback ports in a temporary
//! directory and stopped when the guard drops (also when the test panics).
#![allow(dead_code)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rand::Rng;

pub fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/swtpm.sh")
}

/// Fails (not skips) when a tool is missing: these tests are the proof that the TPM side works.
pub fn require_tool(tool: &str, package: &str) {
    let found = std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).any(|d| d.join(tool).is_file()))
        .unwrap_or(false);
    assert!(
        found,
        "{tool} is not installed (Debian package {package}): run scripts/install-deps.sh"
    );
}

/// Runs a command, panicking with its stderr when it fails.
pub fn run(cmd: &mut Command) -> Output {
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    assert!(
        out.status.success(),
        "{cmd:?} failed: {}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// A port P such that P and P+1 were both free on 127.0.0.1 a moment ago.
fn free_port_pair() -> u16 {
    loop {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        if port < 65534 && TcpListener::bind(("127.0.0.1", port + 1)).is_ok() {
            return port;
        }
    }
}

pub struct SwTpm {
    pub dir: tempfile::TempDir,
    pub port: u16,
    pub tcti: String,
}

impl SwTpm {
    pub fn start() -> SwTpm {
        require_tool("swtpm", "swtpm");
        require_tool("swtpm_setup", "swtpm-tools");
        let dir = tempfile::tempdir().unwrap();
        // Another test may grab the same free port between our probe and swtpm's bind: retry.
        let mut last = String::new();
        for _ in 0..5 {
            let port = free_port_pair();
            let out = Command::new("bash")
                .arg(script())
                .arg("start")
                .arg(dir.path())
                .arg(port.to_string())
                .output()
                .expect("run scripts/swtpm.sh");
            if out.status.success() {
                let tcti = String::from_utf8(out.stdout).unwrap().trim().to_string();
                assert_eq!(tcti, format!("swtpm:host=127.0.0.1,port={port}"));
                return SwTpm { dir, port, tcti };
            }
            last = String::from_utf8_lossy(&out.stderr).into_owned();
        }
        panic!("scripts/swtpm.sh start failed: {last}");
    }

    pub fn stop(&self) {
        run(Command::new("bash")
            .arg(script())
            .arg("stop")
            .arg(self.dir.path()));
    }

    /// Stops and starts swtpm on the same state: a TPM Reset, as after a reboot.
    pub fn restart(&self) {
        self.stop();
        let out = run(Command::new("bash")
            .arg(script())
            .arg("start")
            .arg(self.dir.path())
            .arg(self.port.to_string()));
        assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), self.tcti);
    }

    pub fn root_ca(&self) -> PathBuf {
        self.dir.path().join("ca/swtpm-localca-rootca-cert.pem")
    }

    pub fn issuer_ca(&self) -> PathBuf {
        self.dir.path().join("ca/issuercert.pem")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

impl Drop for SwTpm {
    fn drop(&mut self) {
        let _ = Command::new("bash")
            .arg(script())
            .arg("stop")
            .arg(self.dir.path())
            .output();
    }
}

pub fn random<const N: usize>() -> [u8; N] {
    let mut b = [0u8; N];
    rand::rng().fill_bytes(&mut b);
    b
}

/// Reads a TPM2B off the front: (body, rest).
pub fn tpm2b(b: &[u8]) -> (&[u8], &[u8]) {
    let n = u16::from_be_bytes([b[0], b[1]]) as usize;
    (&b[2..2 + n], &b[2 + n..])
}

/// The fields of a TPMS_ATTEST the tests look at, parsed by hand (independently of
/// tss-esapi, as a verifier would).
#[derive(Debug)]
pub struct Attest {
    pub magic: u32,
    pub kind: u16,
    pub extra_data: Vec<u8>,
    /// Certify: certified name. Quote: the raw TPML_PCR_SELECTION.
    pub first: Vec<u8>,
    /// Certify: qualified name. Quote: pcrDigest.
    pub second: Vec<u8>,
}

pub fn parse_attest(b: &[u8]) -> Attest {
    let magic = u32::from_be_bytes(b[0..4].try_into().unwrap());
    let kind = u16::from_be_bytes([b[4], b[5]]);
    let (_signer, rest) = tpm2b(&b[6..]);
    let (extra, rest) = tpm2b(rest);
    // clockInfo (clock u64, resetCount u32, restartCount u32, safe u8) + firmwareVersion u64
    let rest = &rest[17 + 8..];
    match kind {
        0x8017 => {
            let (name, rest) = tpm2b(rest);
            let (qname, rest) = tpm2b(rest);
            assert!(rest.is_empty());
            Attest {
                magic,
                kind,
                extra_data: extra.to_vec(),
                first: name.to_vec(),
                second: qname.to_vec(),
            }
        }
        0x8018 => {
            let count = u32::from_be_bytes(rest[0..4].try_into().unwrap()) as usize;
            let mut off = 4;
            for _ in 0..count {
                off += 3 + rest[off + 2] as usize;
            }
            let selection = rest[..off].to_vec();
            let (digest, tail) = tpm2b(&rest[off..]);
            assert!(tail.is_empty());
            Attest {
                magic,
                kind,
                extra_data: extra.to_vec(),
                first: selection,
                second: digest.to_vec(),
            }
        }
        other => panic!("unexpected attestation type {other:#x}"),
    }
}

/// Checks a TPMT_SIGNATURE is RSASSA-SHA256 over `message` by the RSA key in `spki_der`, with
/// the rsa crate and, independently, with openssl.
pub fn verify_signature(spki_der: &[u8], message: &[u8], tpmt_signature: &[u8], work: &Path) {
    use rsa::pkcs8::DecodePublicKey;
    use sha2::{Digest, Sha256};

    assert_eq!(&tpmt_signature[0..2], &[0x00, 0x14], "sigAlg RSASSA");
    assert_eq!(&tpmt_signature[2..4], &[0x00, 0x0b], "hash SHA-256");
    let (sig, rest) = tpm2b(&tpmt_signature[4..]);
    assert!(rest.is_empty());
    assert_eq!(sig.len(), 256);
    let key = rsa::PublicKey::from_public_key_der(spki_der).unwrap();
    key.verify(
        rsa::Pkcs1v15Sign::new::<Sha256>(),
        &Sha256::digest(message),
        sig,
    )
    .expect("signature verifies under the AIK (rsa crate)");

    let (k, m, s) = (
        work.join("aik.der"),
        work.join("msg.bin"),
        work.join("sig.bin"),
    );
    std::fs::write(&k, spki_der).unwrap();
    std::fs::write(&m, message).unwrap();
    std::fs::write(&s, sig).unwrap();
    run(Command::new("openssl")
        .args(["dgst", "-sha256", "-keyform", "DER", "-verify"])
        .arg(&k)
        .arg("-signature")
        .arg(&s)
        .arg(&m));
}
