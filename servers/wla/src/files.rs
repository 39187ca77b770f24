//! The data directory: private (0700), with secrets written atomically as 0600.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result, io};

/// AIK key blobs (TPM2B_PUBLIC ‖ TPM2B_PRIVATE).
pub const AIK_BLOB: &str = "aik.blob";
/// The AIK certificate HVS's PrivacyCA issued, DER.
pub const AIK_CERT: &str = "aik.cer";
/// The binding key's auth value: 32 raw random bytes.
pub const BINDING_AUTH: &str = "binding-key.auth";
/// Binding key blobs.
pub const BINDING_BLOB: &str = "binding-key.blob";
/// The binding-key certificate, PEM.
pub const BINDING_CERT: &str = "binding-key.pem";
/// The name of the persistent storage primary provisioning made (or found) at
/// 0x81000000, hex, one line: what every later call checks the object there against.
pub const SRK_NAME: &str = "srk.name";
/// The host's hardware UUID, one line.
pub const HARDWARE_UUID: &str = "hardware-uuid";

/// Largest file this crate reads from the data directory or as a token/CA file.
const MAX_FILE: u64 = 1 << 20;

/// Creates `dir` if needed and makes it 0700: it holds key blobs and the binding key's auth.
pub fn private_dir(dir: &Path) -> Result<()> {
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(io(dir))?;
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700)).map_err(io(dir))
}

/// Writes `bytes` to `path` atomically (temporary file, fsync, rename) with `mode`.
pub fn write(path: &Path, bytes: &[u8], mode: u32) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(path.file_name().unwrap_or_default());
    tmp_name.push(format!(".tmp{}", std::process::id()));
    let tmp: PathBuf = dir.join(tmp_name);
    let _ = fs::remove_file(&tmp);
    let result = (|| {
        let mut f = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(mode)
            .open(&tmp)?;
        // The umask could only have narrowed the mode; make it exact.
        f.set_permissions(fs::Permissions::from_mode(mode))?;
        f.write_all(bytes)?;
        f.sync_all()?;
        fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(io(path))
}

/// Reads a file of at most 1 MiB (token, CA and certificate files are far smaller).
pub fn read(path: &Path) -> Result<Vec<u8>> {
    let len = fs::metadata(path).map_err(io(path))?.len();
    if len > MAX_FILE {
        return Err(Error::Invalid(format!(
            "{}: {len} bytes is too large for this file",
            path.display()
        )));
    }
    fs::read(path).map_err(io(path))
}

/// Reads a bearer token file: one line, surrounding whitespace ignored, not empty.
pub fn read_token(path: &Path) -> Result<String> {
    let raw = read(path)?;
    let text = String::from_utf8(raw)
        .map_err(|_| Error::Invalid(format!("{}: the token is not UTF-8", path.display())))?;
    let token = text.trim();
    if token.is_empty() || token.contains(char::is_whitespace) {
        return Err(Error::Invalid(format!(
            "{}: expected one token on one line",
            path.display()
        )));
    }
    Ok(token.to_string())
}
