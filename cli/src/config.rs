//! Connection settings: config file, then environment, then flags (later ones win).

use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::Context as _;
use serde::Deserialize;

use crate::args::{ConnOpts, HvsConnOpts, WlsConnOpts};
use crate::error::hinted;

pub const ENV_CONFIG: &str = "SECL_CONFIG";
pub const ENV_URL: &str = "SECL_KBS_URL";
pub const ENV_CA_CERT: &str = "SECL_CA_CERT";
pub const ENV_TOKEN_FILE: &str = "SECL_KBS_TOKEN_FILE";
pub const ENV_TOKEN: &str = "SECL_KBS_TOKEN";
pub const ENV_HVS_URL: &str = "SECL_HVS_URL";
pub const ENV_HVS_CA_CERT: &str = "SECL_HVS_CA_CERT";
pub const ENV_HVS_TOKEN_FILE: &str = "SECL_HVS_TOKEN_FILE";
pub const ENV_HVS_TOKEN: &str = "SECL_HVS_TOKEN";
pub const ENV_WLS_URL: &str = "SECL_WLS_URL";
pub const ENV_WLS_CA_CERT: &str = "SECL_WLS_CA_CERT";
pub const ENV_WLS_TOKEN_FILE: &str = "SECL_WLS_TOKEN_FILE";
pub const ENV_WLS_TOKEN: &str = "SECL_WLS_TOKEN";

/// Largest config or token file read.
const MAX_SMALL_FILE: u64 = 64 * 1024;

/// The config file (TOML).
#[derive(Debug, Default, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    #[serde(default)]
    pub kbs: FileKbs,
    #[serde(default)]
    pub hvs: FileKbs,
    #[serde(default)]
    pub wls: FileKbs,
}

/// `[kbs]` (or `[hvs]`, `[wls]`, same keys) of the config file.
#[derive(Debug, Default, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileKbs {
    pub url: Option<String>,
    pub ca_cert: Option<PathBuf>,
    pub token_file: Option<PathBuf>,
}

/// A config file as loaded: where from (if anywhere) and what it said.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct LoadedConfig {
    /// The file that was read, or the default path that was looked for.
    pub path: Option<PathBuf>,
    pub kbs: FileKbs,
    /// `[hvs]`.
    pub hvs: FileKbs,
    /// `[wls]`.
    pub wls: FileKbs,
}

/// Where the bearer token comes from.
#[derive(Clone, PartialEq, Eq)]
pub enum TokenSource {
    /// The token itself, from `SECL_KBS_TOKEN`.
    Value(String),
    /// A file holding the token.
    File(PathBuf),
    None,
}

impl fmt::Debug for TokenSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TokenSource::Value(_) => f.write_str("Value(<redacted>)"),
            TokenSource::File(p) => f.debug_tuple("File").field(p).finish(),
            TokenSource::None => f.write_str("None"),
        }
    }
}

/// Looks up an environment variable; empty counts as unset.
pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// The default config file: `$XDG_CONFIG_HOME/secl/config.toml` or
/// `~/.config/secl/config.toml`.
pub fn default_config_path(env: &dyn Fn(&str) -> Option<String>) -> Option<PathBuf> {
    if let Some(xdg) = env("XDG_CONFIG_HOME").map(PathBuf::from)
        && xdg.is_absolute()
    {
        return Some(xdg.join("secl").join("config.toml"));
    }
    env("HOME").map(|h| {
        PathBuf::from(h)
            .join(".config")
            .join("secl")
            .join("config.toml")
    })
}

/// Reads the config file named by `--config`, else `SECL_CONFIG`, else the default path. A
/// named file must exist; the default one may be missing.
pub fn load_config(
    flag: Option<&Path>,
    env: &dyn Fn(&str) -> Option<String>,
) -> anyhow::Result<LoadedConfig> {
    let (path, explicit) = match flag {
        Some(p) => (Some(p.to_path_buf()), true),
        None => match env(ENV_CONFIG) {
            Some(p) => (Some(PathBuf::from(p)), true),
            None => (default_config_path(env), false),
        },
    };
    let Some(path) = path else {
        return Ok(LoadedConfig::default());
    };
    let text = match read_small_file(&path) {
        Ok(t) => t,
        Err(e) if !explicit && e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(LoadedConfig {
                path: Some(path),
                ..LoadedConfig::default()
            });
        }
        Err(e) => {
            return Err(e).with_context(|| format!("cannot read config file {}", path.display()));
        }
    };
    let mut config: FileConfig = toml::from_str(&text).map_err(|e| {
        hinted(
            format!("invalid config file {}: {e}", path.display()),
            "the config file is TOML with [kbs], [hvs] and [wls] tables holding url, ca_cert \
             and token_file",
        )
    })?;
    // Relative paths in the file are relative to the file.
    let dir = path.parent().unwrap_or(Path::new("."));
    for p in [
        &mut config.kbs.ca_cert,
        &mut config.kbs.token_file,
        &mut config.hvs.ca_cert,
        &mut config.hvs.token_file,
        &mut config.wls.ca_cert,
        &mut config.wls.token_file,
    ]
    .into_iter()
    .flatten()
    {
        if p.is_relative() {
            *p = dir.join(&*p);
        }
    }
    Ok(LoadedConfig {
        path: Some(path),
        kbs: config.kbs,
        hvs: config.hvs,
        wls: config.wls,
    })
}

/// The names one service's settings go by, for lookups and messages.
#[derive(Debug, PartialEq, Eq)]
pub struct ServiceNames {
    /// `HVS`, `WLS`.
    pub name: &'static str,
    /// The config file table, `hvs`.
    pub section: &'static str,
    pub url_flag: &'static str,
    pub url_example: &'static str,
    pub ca_flag: &'static str,
    pub token_flag: &'static str,
    pub env_url: &'static str,
    pub env_ca: &'static str,
    pub env_token_file: &'static str,
    pub env_token: &'static str,
    /// What the token is called in messages: `bearer` (the KBS's) or the service's name.
    pub token_noun: &'static str,
    /// What to do about a token that is empty.
    pub empty_token_hint: &'static str,
}

pub static KBS: ServiceNames = ServiceNames {
    name: "KBS",
    section: "kbs",
    url_flag: "--kbs-url",
    url_example: "https://HOST:9443",
    ca_flag: "--ca-cert",
    token_flag: "--token-file",
    env_url: ENV_URL,
    env_ca: ENV_CA_CERT,
    env_token_file: ENV_TOKEN_FILE,
    env_token: ENV_TOKEN,
    token_noun: "bearer",
    empty_token_hint: "put the token printed by `secl kbs token create` there",
};

pub static HVS: ServiceNames = ServiceNames {
    name: "HVS",
    section: "hvs",
    url_flag: "--hvs-url",
    url_example: "https://HOST:8443",
    ca_flag: "--hvs-ca-cert",
    token_flag: "--hvs-token-file",
    env_url: ENV_HVS_URL,
    env_ca: ENV_HVS_CA_CERT,
    env_token_file: ENV_HVS_TOKEN_FILE,
    env_token: ENV_HVS_TOKEN,
    token_noun: "HVS",
    empty_token_hint: "use the admin token the HVS wrote to admin.token in its data directory, or \
                       a token it issued",
};

pub static WLS: ServiceNames = ServiceNames {
    name: "WLS",
    section: "wls",
    url_flag: "--wls-url",
    url_example: "https://HOST:5000",
    ca_flag: "--wls-ca-cert",
    token_flag: "--wls-token-file",
    env_url: ENV_WLS_URL,
    env_ca: ENV_WLS_CA_CERT,
    env_token_file: ENV_WLS_TOKEN_FILE,
    env_token: ENV_WLS_TOKEN,
    token_noun: "WLS",
    empty_token_hint: "use the admin token the WLS wrote to admin.token in its data directory, or \
                       a token it issued",
};

/// One service's settings: its table of the config file, then its environment variables, then
/// its flags (later ones win). The token comes from, most important first: the token-file
/// flag, the token variable, the token-file variable, the table's `token_file`.
fn resolve_service(
    names: &'static ServiceNames,
    file: &FileKbs,
    config_path: Option<PathBuf>,
    env: &dyn Fn(&str) -> Option<String>,
    flags: (&Option<String>, &Option<PathBuf>, &Option<PathBuf>),
) -> ServiceSettings {
    let (url_flag, ca_flag, token_flag) = flags;
    let url = url_flag
        .clone()
        .filter(|u| !u.is_empty())
        .or_else(|| env(names.env_url))
        .or_else(|| file.url.clone().filter(|u| !u.is_empty()));
    let ca_cert = ca_flag
        .clone()
        .or_else(|| env(names.env_ca).map(PathBuf::from))
        .or_else(|| file.ca_cert.clone());
    let token = if let Some(f) = token_flag {
        TokenSource::File(f.clone())
    } else if let Some(t) = env(names.env_token) {
        TokenSource::Value(t)
    } else if let Some(f) = env(names.env_token_file) {
        TokenSource::File(PathBuf::from(f))
    } else if let Some(f) = &file.token_file {
        TokenSource::File(f.clone())
    } else {
        TokenSource::None
    };
    ServiceSettings {
        names,
        url,
        ca_cert,
        token,
        config_path,
    }
}

/// KBS connection settings: `[kbs]`, `SECL_KBS_*` and `SECL_CA_CERT`, `--kbs-url`,
/// `--ca-cert` and `--token-file`.
pub fn resolve(
    file: &LoadedConfig,
    env: &dyn Fn(&str) -> Option<String>,
    flags: &ConnOpts,
) -> Settings {
    resolve_service(
        &KBS,
        &file.kbs,
        file.path.clone(),
        env,
        (&flags.kbs_url, &flags.ca_cert, &flags.token_file),
    )
}

/// HVS connection settings: `[hvs]`, `SECL_HVS_*`, `--hvs-*`.
pub fn resolve_hvs(
    file: &LoadedConfig,
    env: &dyn Fn(&str) -> Option<String>,
    flags: &HvsConnOpts,
) -> HvsSettings {
    resolve_service(
        &HVS,
        &file.hvs,
        file.path.clone(),
        env,
        (&flags.hvs_url, &flags.hvs_ca_cert, &flags.hvs_token_file),
    )
}

/// WLS connection settings: `[wls]`, `SECL_WLS_*`, `--wls-*`.
pub fn resolve_wls(
    file: &LoadedConfig,
    env: &dyn Fn(&str) -> Option<String>,
    flags: &WlsConnOpts,
) -> WlsSettings {
    resolve_service(
        &WLS,
        &file.wls,
        file.path.clone(),
        env,
        (&flags.wls_url, &flags.wls_ca_cert, &flags.wls_token_file),
    )
}

/// Resolved connection settings of the KBS, the HVS or the WLS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceSettings {
    pub names: &'static ServiceNames,
    pub url: Option<String>,
    pub ca_cert: Option<PathBuf>,
    pub token: TokenSource,
    pub config_path: Option<PathBuf>,
}

pub type Settings = ServiceSettings;
pub type HvsSettings = ServiceSettings;
pub type WlsSettings = ServiceSettings;

impl ServiceSettings {
    fn config_name(&self) -> String {
        match &self.config_path {
            Some(p) => format!("the config file ({})", p.display()),
            None => "the config file (--config)".to_string(),
        }
    }

    /// A client made by `new` from the URL, the CA certificate and, if `with_token`, the token;
    /// each is checked in that order and a missing one named with every way to set it.
    pub fn connect<C>(
        &self,
        with_token: bool,
        new: impl FnOnce(&str, &Path, Option<&str>) -> secl_api::client::Result<C>,
    ) -> anyhow::Result<C> {
        let url = self.require_url()?;
        let ca = self.require_ca_cert()?;
        let token = with_token.then(|| self.require_token()).transpose()?;
        Ok(new(url, ca, token.as_deref())?)
    }

    /// The URL, or an error naming every way to set it.
    pub fn require_url(&self) -> anyhow::Result<&str> {
        let n = self.names;
        self.url.as_deref().ok_or_else(|| {
            hinted(
                format!("no {} URL configured", n.name),
                format!(
                    "pass {} {}, set {}, or set url under [{}] in {}",
                    n.url_flag,
                    n.url_example,
                    n.env_url,
                    n.section,
                    self.config_name()
                ),
            )
        })
    }

    /// The CA certificate file, or an error naming every way to set it.
    pub fn require_ca_cert(&self) -> anyhow::Result<&Path> {
        let n = self.names;
        self.ca_cert.as_deref().ok_or_else(|| {
            hinted(
                format!(
                    "no CA certificate configured to verify the {} TLS certificate",
                    n.name
                ),
                format!(
                    "pass {} FILE.pem, set {}, or set ca_cert under [{}] in {}",
                    n.ca_flag,
                    n.env_ca,
                    n.section,
                    self.config_name()
                ),
            )
        })
    }

    /// The token (trimmed), or an error naming every way to set it.
    pub fn require_token(&self) -> anyhow::Result<String> {
        let n = self.names;
        let token = match &self.token {
            TokenSource::Value(v) => v.trim().to_string(),
            TokenSource::File(p) => read_small_file(p)
                .with_context(|| format!("cannot read token file {}", p.display()))?
                .trim()
                .to_string(),
            TokenSource::None => {
                return Err(hinted(
                    format!("no {} token configured", n.token_noun),
                    format!(
                        "pass {} FILE, set {} (the token) or {}, or set token_file under [{}] \
                         in {}",
                        n.token_flag,
                        n.env_token,
                        n.env_token_file,
                        n.section,
                        self.config_name()
                    ),
                ));
            }
        };
        if token.is_empty() {
            let from = match &self.token {
                TokenSource::File(p) => format!("token file {}", p.display()),
                _ => n.env_token.to_string(),
            };
            return Err(hinted(
                format!("the {} token from {from} is empty", n.token_noun),
                n.empty_token_hint,
            ));
        }
        Ok(token)
    }
}

/// Reads a small text file, refusing large ones.
fn read_small_file(path: &Path) -> std::io::Result<String> {
    use std::io::Read as _;
    let file = std::fs::File::open(path)?;
    let mut text = String::new();
    file.take(MAX_SMALL_FILE + 1).read_to_string(&mut text)?;
    if text.len() as u64 > MAX_SMALL_FILE {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("file is larger than {MAX_SMALL_FILE} bytes"),
        ));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::error::classify;

    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> + use<> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k| map.get(k).cloned().filter(|v| !v.is_empty())
    }

    fn file() -> LoadedConfig {
        LoadedConfig {
            path: Some("/cfg/config.toml".into()),
            kbs: FileKbs {
                url: Some("https://file".into()),
                ca_cert: Some("/file/ca.pem".into()),
                token_file: Some("/file/token".into()),
            },
            hvs: FileKbs::default(),
            wls: FileKbs::default(),
        }
    }

    fn flags() -> ConnOpts {
        ConnOpts {
            kbs_url: Some("https://flag".into()),
            ca_cert: Some("/flag/ca.pem".into()),
            token_file: Some("/flag/token".into()),
        }
    }

    const ENV_ALL: &[(&str, &str)] = &[
        (ENV_URL, "https://env"),
        (ENV_CA_CERT, "/env/ca.pem"),
        (ENV_TOKEN_FILE, "/env/token"),
    ];

    #[test]
    fn file_alone() {
        let s = resolve(&file(), &env_of(&[]), &ConnOpts::default());
        assert_eq!(s.url.as_deref(), Some("https://file"));
        assert_eq!(s.ca_cert.as_deref(), Some(Path::new("/file/ca.pem")));
        assert_eq!(s.token, TokenSource::File("/file/token".into()));
    }

    #[test]
    fn env_beats_file() {
        let s = resolve(&file(), &env_of(ENV_ALL), &ConnOpts::default());
        assert_eq!(s.url.as_deref(), Some("https://env"));
        assert_eq!(s.ca_cert.as_deref(), Some(Path::new("/env/ca.pem")));
        assert_eq!(s.token, TokenSource::File("/env/token".into()));
    }

    #[test]
    fn flags_beat_env_and_file() {
        let mut env = ENV_ALL.to_vec();
        env.push((ENV_TOKEN, "tok"));
        let s = resolve(&file(), &env_of(&env), &flags());
        assert_eq!(s.url.as_deref(), Some("https://flag"));
        assert_eq!(s.ca_cert.as_deref(), Some(Path::new("/flag/ca.pem")));
        assert_eq!(s.token, TokenSource::File("/flag/token".into()));
    }

    #[test]
    fn token_value_beats_token_file_env() {
        let mut env = ENV_ALL.to_vec();
        env.push((ENV_TOKEN, "  s3cr3t\n"));
        let s = resolve(&file(), &env_of(&env), &ConnOpts::default());
        assert_eq!(s.token, TokenSource::Value("  s3cr3t\n".into()));
        assert_eq!(s.require_token().unwrap(), "s3cr3t");
        assert!(!format!("{s:?}").contains("s3cr3t"));
    }

    #[test]
    fn layers_mix_per_setting() {
        let env = env_of(&[(ENV_CA_CERT, "/env/ca.pem")]);
        let flags = ConnOpts {
            kbs_url: Some("https://flag".into()),
            ..ConnOpts::default()
        };
        let s = resolve(&file(), &env, &flags);
        assert_eq!(s.url.as_deref(), Some("https://flag"));
        assert_eq!(s.ca_cert.as_deref(), Some(Path::new("/env/ca.pem")));
        assert_eq!(s.token, TokenSource::File("/file/token".into()));
    }

    #[test]
    fn empty_env_counts_as_unset() {
        let env = env_of(&[(ENV_URL, "")]);
        let s = resolve(&file(), &env, &ConnOpts::default());
        assert_eq!(s.url.as_deref(), Some("https://file"));
    }

    #[test]
    fn missing_url_names_all_three_ways() {
        let s = resolve(&LoadedConfig::default(), &env_of(&[]), &ConnOpts::default());
        let err = s.require_url().unwrap_err();
        let (_, hint) = classify(&err);
        let text = format!("{err} {}", hint.unwrap_or_default());
        assert!(text.contains("no KBS URL"), "{text}");
        for way in ["--kbs-url", ENV_URL, "[kbs]", "config file"] {
            assert!(text.contains(way), "{way} missing from {text}");
        }
    }

    #[test]
    fn missing_token_names_all_ways() {
        let s = resolve(&LoadedConfig::default(), &env_of(&[]), &ConnOpts::default());
        let err = s.require_token().unwrap_err();
        let hint = classify(&err).1.unwrap_or_default();
        for way in ["--token-file", ENV_TOKEN, ENV_TOKEN_FILE, "token_file"] {
            assert!(hint.contains(way), "{way} missing from {hint}");
        }
    }

    #[test]
    fn token_file_is_trimmed_and_empty_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("token");
        std::fs::write(&p, "  abc.def \n\n").unwrap();
        let s = Settings {
            names: &KBS,
            url: None,
            ca_cert: None,
            token: TokenSource::File(p.clone()),
            config_path: None,
        };
        assert_eq!(s.require_token().unwrap(), "abc.def");
        std::fs::write(&p, " \n").unwrap();
        assert!(s.require_token().is_err());
    }

    #[test]
    fn config_file_loading() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("config.toml");
        std::fs::write(
            &p,
            "[kbs]\nurl = \"https://kbs:9443\"\nca_cert = \"ca.pem\"\ntoken_file = \"/abs/token\"\n",
        )
        .unwrap();
        let c = load_config(Some(&p), &env_of(&[])).unwrap();
        assert_eq!(c.kbs.url.as_deref(), Some("https://kbs:9443"));
        assert_eq!(c.kbs.ca_cert, Some(dir.path().join("ca.pem")));
        assert_eq!(c.kbs.token_file.as_deref(), Some(Path::new("/abs/token")));

        // SECL_CONFIG names it too.
        let ps = p.to_string_lossy().into_owned();
        let c2 = load_config(None, &env_of(&[(ENV_CONFIG, &ps)])).unwrap();
        assert_eq!(c2, c);

        // Unknown keys are refused.
        std::fs::write(&p, "[kbs]\nurll = \"x\"\n").unwrap();
        assert!(load_config(Some(&p), &env_of(&[])).is_err());

        // A named file must exist; the default may be missing.
        let missing = dir.path().join("nope.toml");
        assert!(load_config(Some(&missing), &env_of(&[])).is_err());
        let home = dir.path().to_string_lossy().into_owned();
        let c3 = load_config(None, &env_of(&[("HOME", &home)])).unwrap();
        assert_eq!(c3.kbs, FileKbs::default());
        assert_eq!(
            c3.path,
            Some(dir.path().join(".config").join("secl").join("config.toml"))
        );
    }

    #[test]
    fn hvs_section_is_loaded_and_layered() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("config.toml");
        std::fs::write(
            &p,
            "[kbs]\nurl = \"https://kbs\"\n[hvs]\nurl = \"https://hvs:8443\"\n\
             ca_cert = \"hvs-ca.pem\"\ntoken_file = \"hvs.token\"\n",
        )
        .unwrap();
        let c = load_config(Some(&p), &env_of(&[])).unwrap();
        assert_eq!(c.kbs.url.as_deref(), Some("https://kbs"));
        assert_eq!(c.hvs.ca_cert, Some(dir.path().join("hvs-ca.pem")));
        let s = resolve_hvs(&c, &env_of(&[]), &HvsConnOpts::default());
        assert_eq!(s.url.as_deref(), Some("https://hvs:8443"));
        assert_eq!(s.token, TokenSource::File(dir.path().join("hvs.token")));
        // KBS settings do not leak into the HVS ones and vice versa.
        let env = env_of(&[(ENV_URL, "https://kbs-env"), (ENV_HVS_TOKEN, "t0k")]);
        let s = resolve_hvs(&c, &env, &HvsConnOpts::default());
        assert_eq!(s.url.as_deref(), Some("https://hvs:8443"));
        assert_eq!(s.require_token().unwrap(), "t0k");
        assert!(!format!("{s:?}").contains("t0k"));
        let env = env_of(&[(ENV_HVS_URL, "https://hvs-env")]);
        let flags = HvsConnOpts {
            hvs_ca_cert: Some("/flag/ca.pem".into()),
            ..HvsConnOpts::default()
        };
        let s = resolve_hvs(&c, &env, &flags);
        assert_eq!(s.url.as_deref(), Some("https://hvs-env"));
        assert_eq!(s.ca_cert.as_deref(), Some(Path::new("/flag/ca.pem")));
        let none = resolve_hvs(
            &LoadedConfig::default(),
            &env_of(&[]),
            &HvsConnOpts::default(),
        );
        let hint = classify(&none.require_url().unwrap_err())
            .1
            .unwrap_or_default();
        for way in ["--hvs-url", ENV_HVS_URL, "[hvs]"] {
            assert!(hint.contains(way), "{way} missing from {hint}");
        }
    }

    #[test]
    fn wls_section_is_loaded_and_layered() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("config.toml");
        std::fs::write(
            &p,
            "[wls]\nurl = \"https://wls:5000\"\nca_cert = \"wls-ca.pem\"\n\
             token_file = \"wls.token\"\n",
        )
        .unwrap();
        let c = load_config(Some(&p), &env_of(&[])).unwrap();
        let s = resolve_wls(&c, &env_of(&[]), &WlsConnOpts::default());
        assert_eq!(s.url.as_deref(), Some("https://wls:5000"));
        assert_eq!(s.ca_cert, Some(dir.path().join("wls-ca.pem")));
        assert_eq!(s.token, TokenSource::File(dir.path().join("wls.token")));
        let env = env_of(&[(ENV_WLS_URL, "https://env"), (ENV_HVS_TOKEN, "hvs-t0k")]);
        let flags = WlsConnOpts {
            wls_token_file: Some("/flag/token".into()),
            ..WlsConnOpts::default()
        };
        let s = resolve_wls(&c, &env, &flags);
        assert_eq!(s.url.as_deref(), Some("https://env"));
        assert_eq!(s.token, TokenSource::File("/flag/token".into()));
        let none = resolve_wls(
            &LoadedConfig::default(),
            &env_of(&[(ENV_HVS_TOKEN, "hvs-t0k")]),
            &WlsConnOpts::default(),
        );
        let hint = classify(&none.require_token().unwrap_err())
            .1
            .unwrap_or_default();
        for way in [
            "--wls-token-file",
            ENV_WLS_TOKEN,
            ENV_WLS_TOKEN_FILE,
            "[wls]",
        ] {
            assert!(hint.contains(way), "{way} missing from {hint}");
        }
        let hint = classify(&none.require_ca_cert().unwrap_err())
            .1
            .unwrap_or_default();
        assert!(hint.contains("--wls-ca-cert") && hint.contains(ENV_WLS_CA_CERT));
    }

    #[test]
    fn xdg_config_home_wins_over_home() {
        let env = env_of(&[("XDG_CONFIG_HOME", "/xdg"), ("HOME", "/home/u")]);
        assert_eq!(
            default_config_path(&env),
            Some(PathBuf::from("/xdg/secl/config.toml"))
        );
        let env = env_of(&[("XDG_CONFIG_HOME", "relative"), ("HOME", "/home/u")]);
        assert_eq!(
            default_config_path(&env),
            Some(PathBuf::from("/home/u/.config/secl/config.toml"))
        );
    }
}
