//! Strict TCTI parsing: tss-esapi 7's own parser silently ignores options it does not know
//! (`swtpm:path=/x.sock` quietly means localhost:2321), which once sent commands to the wrong
//! TPM. Here every option must be known and host and port must both be given.

use std::str::FromStr;

use tss_esapi::TctiNameConf;

use crate::error::{Error, Result};

/// A parsed TCTI and whether the TPM behind it lacks a resource manager (so objects left
/// loaded by a dead client stay there until someone flushes them).
pub(crate) struct Tcti {
    pub(crate) conf: TctiNameConf,
    pub(crate) raw_tpm: bool,
}

pub(crate) fn parse(tcti: &str) -> Result<Tcti> {
    let bad = |reason: &str| Error::Tcti {
        tcti: tcti.to_string(),
        reason: reason.to_string(),
    };
    let (kind, config) = tcti.split_once(':').unwrap_or((tcti, ""));
    match kind {
        "device" => {
            let path = if config.is_empty() {
                "/dev/tpmrm0"
            } else {
                config
            };
            if !path.starts_with('/') || path.contains(',') || path.contains('=') {
                return Err(bad(
                    "device takes an absolute path, e.g. device:/dev/tpmrm0",
                ));
            }
            let conf = TctiNameConf::from_str(&format!("device:{path}"))
                .map_err(|e| bad(&e.to_string()))?;
            Ok(Tcti {
                conf,
                raw_tpm: !path.contains("tpmrm"),
            })
        }
        "swtpm" | "mssim" => {
            let (mut host, mut port) = (None, None);
            for option in config.split(',') {
                match option.split_once('=') {
                    Some(("host", v)) if host.is_none() && !v.is_empty() => host = Some(v),
                    Some(("port", v)) if port.is_none() => {
                        port = Some(
                            v.parse::<u16>()
                                .ok()
                                .filter(|p| *p != 0)
                                .ok_or_else(|| bad("port must be a number from 1 to 65535"))?,
                        )
                    }
                    _ => {
                        return Err(bad(
                            "options must be exactly host=HOST,port=PORT (no path=: this TCTI \
                             speaks TCP only)",
                        ));
                    }
                }
            }
            let (Some(host), Some(port)) = (host, port) else {
                return Err(bad("both host= and port= are required"));
            };
            let conf = TctiNameConf::from_str(&format!("{kind}:host={host},port={port}"))
                .map_err(|e| bad(&e.to_string()))?;
            Ok(Tcti {
                conf,
                raw_tpm: true,
            })
        }
        _ => Err(bad(
            "expected swtpm:host=H,port=P, mssim:host=H,port=P or device:/dev/tpmrm0",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_known_forms() {
        assert!(parse("swtpm:host=127.0.0.1,port=2321").unwrap().raw_tpm);
        assert!(parse("swtpm:port=2321,host=localhost").is_ok());
        assert!(parse("mssim:host=127.0.0.1,port=2321").is_ok());
        assert!(!parse("device:/dev/tpmrm0").unwrap().raw_tpm);
        assert!(!parse("device").unwrap().raw_tpm);
        assert!(parse("device:/dev/tpm0").unwrap().raw_tpm);
    }

    #[test]
    fn rejects_what_tss_esapi_would_silently_misread() {
        for t in [
            "swtpm:path=/tmp/x.sock",
            "swtpm:host=127.0.0.1",
            "swtpm:port=2321",
            "swtpm",
            "swtpm:host=127.0.0.1,port=2321,path=/x",
            "swtpm:host=127.0.0.1,port=99999",
            "swtpm:host=127.0.0.1,port=0",
            "swtpm:host=a,host=b,port=1",
            "tabrmd",
            "device:dev/tpm0",
            "",
        ] {
            assert!(matches!(parse(t), Err(Error::Tcti { .. })), "{t}");
        }
    }
}
