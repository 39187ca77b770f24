//! How the agent opens its TPM: per call (swtpm serves one client at a time, and
//! `secl-wla pcr-extend` or tpm2-tools must get a turn between calls), under the persistent
//! storage primary provisioning recorded, so no call pays for a TPM2_CreatePrimary.

use std::path::Path;

use secl_tpm::Tpm;

use crate::error::{Error, Result};
use crate::files;

/// The TCTI and, for data directories provisioned with a persistent storage primary, its name.
#[derive(Clone)]
pub struct TpmAccess {
    tcti: String,
    /// `None` for data directories provisioned before the primary was persistent: every call
    /// then re-derives it (slow but correct, the same key).
    srk_name: Option<Vec<u8>>,
}

impl std::fmt::Debug for TpmAccess {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TpmAccess")
            .field("tcti", &self.tcti)
            .field("persistent_srk", &self.srk_name.is_some())
            .finish()
    }
}

impl TpmAccess {
    /// Reads the storage primary's name from the provisioned data directory `dir`.
    pub fn load(dir: &Path, tcti: &str) -> Result<TpmAccess> {
        let path = dir.join(files::SRK_NAME);
        let srk_name = if path.exists() {
            Some(read_name(&path)?)
        } else {
            tracing::warn!(
                "{} is missing (provisioned by an older secl-wla): every TPM call re-derives \
                 the storage primary; run `secl-wla provision` again to make it persistent",
                path.display()
            );
            None
        };
        Ok(TpmAccess {
            tcti: tcti.to_string(),
            srk_name,
        })
    }

    /// A TPM whose storage primary was just made persistent, with its recorded name.
    pub fn provisioned(tcti: &str, srk_name: Vec<u8>) -> TpmAccess {
        TpmAccess {
            tcti: tcti.to_string(),
            srk_name: Some(srk_name),
        }
    }

    /// A fresh connection for one call (closed when dropped).
    pub fn open(&self) -> secl_tpm::Result<Tpm> {
        match &self.srk_name {
            Some(name) => Tpm::open_with_storage_primary(&self.tcti, name),
            None => Tpm::open(&self.tcti),
        }
    }
}

/// Writes the name as one line of hex (as `tpm2_readpublic -c 0x81000000` shows it).
pub fn write_name(dir: &Path, name: &[u8]) -> Result<()> {
    files::write(
        &dir.join(files::SRK_NAME),
        format!("{}\n", hex::encode(name)).as_bytes(),
        0o644,
    )
}

fn read_name(path: &Path) -> Result<Vec<u8>> {
    let text = String::from_utf8(files::read(path)?).map_err(|_| bad(path))?;
    let name = hex::decode(text.trim()).map_err(|_| bad(path))?;
    if name.len() != 34 || name[..2] != [0x00, 0x0b] {
        return Err(bad(path));
    }
    Ok(name)
}

fn bad(path: &Path) -> Error {
    Error::Invalid(format!(
        "{}: expected the storage primary's name, 68 hex digits starting 000b; run `secl-wla \
         provision` again",
        path.display()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_file_round_trip_and_refusals() {
        let dir = tempfile::tempdir().unwrap();
        let mut name = vec![0x00, 0x0b];
        name.extend([0xab; 32]);
        write_name(dir.path(), &name).unwrap();
        let access = TpmAccess::load(dir.path(), "swtpm:host=127.0.0.1,port=1").unwrap();
        assert_eq!(access.srk_name.as_deref(), Some(&name[..]));
        for bad in ["", "zz", "000b", &hex::encode(&name[1..]), &"00".repeat(34)] {
            std::fs::write(dir.path().join(files::SRK_NAME), bad).unwrap();
            assert!(TpmAccess::load(dir.path(), "device").is_err(), "{bad:?}");
        }
        std::fs::remove_file(dir.path().join(files::SRK_NAME)).unwrap();
        assert!(
            TpmAccess::load(dir.path(), "device")
                .unwrap()
                .srk_name
                .is_none()
        );
    }
}
