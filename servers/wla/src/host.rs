//! What the agent tells HVS about its host (`GET /v2/host`) and the host's identity.

use std::path::Path;

use serde::Serialize;

use crate::error::{Error, Result};
use crate::files;

const UNKNOWN: &str = "unknown";
const DMI: &str = "/sys/class/dmi/id";

/// `GET /v2/host`. Fields that cannot be read are `"unknown"`.
#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct HostInfo {
    pub hardware_uuid: String,
    pub host_name: String,
    pub os_name: String,
    pub os_version: String,
    pub tpm_version: String,
    pub bios_name: String,
    pub bios_version: String,
    pub processor_info: String,
}

impl HostInfo {
    /// Collects what /etc/os-release, /sys/class/dmi/id and /proc/cpuinfo say.
    pub fn collect(hardware_uuid: uuid::Uuid) -> HostInfo {
        HostInfo {
            hardware_uuid: hardware_uuid.to_string(),
            host_name: first_line("/proc/sys/kernel/hostname")
                .or_else(|| first_line("/etc/hostname"))
                .unwrap_or_else(|| UNKNOWN.into()),
            os_name: "Linux".into(),
            os_version: std::fs::read_to_string("/etc/os-release")
                .ok()
                .and_then(|t| os_release_value(&t, "VERSION_ID"))
                .unwrap_or_else(|| UNKNOWN.into()),
            tpm_version: "2.0".into(),
            bios_name: first_line(&format!("{DMI}/bios_vendor")).unwrap_or_else(|| UNKNOWN.into()),
            bios_version: first_line(&format!("{DMI}/bios_version"))
                .unwrap_or_else(|| UNKNOWN.into()),
            processor_info: std::fs::read_to_string("/proc/cpuinfo")
                .ok()
                .and_then(|t| cpu_model(&t))
                .unwrap_or_else(|| UNKNOWN.into()),
        }
    }
}

fn first_line(path: &str) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    let line = text.lines().next()?.trim();
    (!line.is_empty()).then(|| line.to_string())
}

/// A value of /etc/os-release (`KEY=value` or `KEY="value"`).
fn os_release_value(text: &str, key: &str) -> Option<String> {
    text.lines().find_map(|l| {
        let (k, v) = l.split_once('=')?;
        let v = v.trim().trim_matches('"').trim_matches('\'');
        (k.trim() == key && !v.is_empty()).then(|| v.to_string())
    })
}

/// The first `model name` of /proc/cpuinfo.
fn cpu_model(text: &str) -> Option<String> {
    text.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        let v = v.trim();
        (k.trim() == "model name" && !v.is_empty()).then(|| v.to_string())
    })
}

/// The host's hardware UUID for provisioning: `given`, else the DMI product UUID when readable,
/// else the one kept in DIR/hardware-uuid, else a new random one. The choice is written to
/// DIR/hardware-uuid so that `serve` reports the same one.
pub fn resolve_hardware_uuid(dir: &Path, given: Option<uuid::Uuid>) -> Result<uuid::Uuid> {
    let path = dir.join(files::HARDWARE_UUID);
    let chosen = match given {
        Some(u) => u,
        None => match first_line(&format!("{DMI}/product_uuid")).and_then(|s| s.parse().ok()) {
            Some(u) => u,
            None if path.exists() => read_hardware_uuid(dir)?,
            None => uuid::Uuid::new_v4(),
        },
    };
    files::write(&path, format!("{chosen}\n").as_bytes(), 0o644)?;
    Ok(chosen)
}

/// The UUID `provision` stored in DIR/hardware-uuid.
pub fn read_hardware_uuid(dir: &Path) -> Result<uuid::Uuid> {
    let path = dir.join(files::HARDWARE_UUID);
    let raw = files::read(&path)?;
    String::from_utf8_lossy(&raw)
        .trim()
        .parse()
        .map_err(|_| Error::Invalid(format!("{}: not a UUID", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_os_release_and_cpuinfo() {
        let os = "NAME=\"Debian GNU/Linux\"\nVERSION_ID=\"13\"\nID=debian\n";
        assert_eq!(os_release_value(os, "VERSION_ID").as_deref(), Some("13"));
        assert_eq!(os_release_value(os, "ID").as_deref(), Some("debian"));
        assert_eq!(os_release_value(os, "MISSING"), None);
        let cpu = "processor\t: 0\nmodel name\t: Example CPU @ 2.0GHz\nflags\t: fpu\n";
        assert_eq!(cpu_model(cpu).as_deref(), Some("Example CPU @ 2.0GHz"));
        assert_eq!(cpu_model("processor : 0\n"), None);
    }

    #[test]
    fn hardware_uuid_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let given = uuid::Uuid::new_v4();
        assert_eq!(
            resolve_hardware_uuid(dir.path(), Some(given)).unwrap(),
            given
        );
        assert_eq!(read_hardware_uuid(dir.path()).unwrap(), given);
    }
}
