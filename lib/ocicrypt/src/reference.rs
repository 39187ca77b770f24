//! Image references in skopeo's syntax: `oci:DIR[:TAG]` and
//! `docker://[HOST[:PORT]/]REPO[:TAG|@DIGEST]`.
//!
//! Only parsing lives here; the registry transport builds its source and destination from
//! [`ImageRef::Registry`].

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

use crate::{Error, Result};

/// Tag used when a reference names none.
pub const DEFAULT_TAG: &str = "latest";
/// Registry used when a `docker://` reference names no host (Docker's normalisation).
pub const DEFAULT_REGISTRY: &str = "docker.io";

/// A tag or a content digest (`sha256:…`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagOrDigest {
    Tag(String),
    Digest(String),
}

impl fmt::Display for TagOrDigest {
    /// `:tag` or `@digest`, as it follows the repository in a reference.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TagOrDigest::Tag(t) => write!(f, ":{t}"),
            TagOrDigest::Digest(d) => write!(f, "@{d}"),
        }
    }
}

/// A parsed image reference.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageRef {
    /// `oci:DIR[:TAG]`: an OCI image layout directory and the tag inside its `index.json`.
    Layout { dir: PathBuf, tag: String },
    /// `docker://…`: a registry (`host[:port]`), repository path and tag or digest.
    Registry {
        registry: String,
        repository: String,
        tag_or_digest: TagOrDigest,
    },
}

impl fmt::Display for ImageRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImageRef::Layout { dir, tag } => write!(f, "oci:{}:{tag}", dir.display()),
            ImageRef::Registry {
                registry,
                repository,
                tag_or_digest,
            } => write!(f, "docker://{registry}/{repository}{tag_or_digest}"),
        }
    }
}

impl FromStr for ImageRef {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        ImageRef::parse(s)
    }
}

fn err(reference: &str, detail: impl Into<String>) -> Error {
    Error::Reference {
        reference: reference.to_string(),
        detail: detail.into(),
    }
}

/// Docker's tag grammar: `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`.
pub fn is_valid_tag(tag: &str) -> bool {
    let b = tag.as_bytes();
    !b.is_empty()
        && b.len() <= 128
        && (b[0].is_ascii_alphanumeric() || b[0] == b'_')
        && b.iter()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'))
}

/// One repository path component: `[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*`.
fn is_valid_path_component(c: &str) -> bool {
    let b = c.as_bytes();
    let (Some(first), Some(last)) = (b.first(), b.last()) else {
        return false;
    };
    let alnum = |x: &u8| x.is_ascii_lowercase() || x.is_ascii_digit();
    if !alnum(first) || !alnum(last) {
        return false;
    }
    let mut i = 0;
    while i < b.len() {
        if alnum(&b[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && !alnum(&b[i]) {
            i += 1;
        }
        let sep = &c[start..i];
        let ok = sep == "." || sep == "_" || sep == "__" || sep.bytes().all(|x| x == b'-');
        if !ok {
            return false;
        }
    }
    true
}

fn is_valid_host(host: &str) -> bool {
    if let Some(inner) = host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        return inner.parse::<std::net::Ipv6Addr>().is_ok();
    }
    !host.is_empty()
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label
                    .bytes()
                    .all(|c| c.is_ascii_alphanumeric() || c == b'-')
                && !label.starts_with('-')
                && !label.ends_with('-')
        })
}

fn validate_registry(reference: &str, registry: &str) -> Result<()> {
    let (host, port) = if registry.starts_with('[') {
        match registry.rfind("]:") {
            Some(i) => (&registry[..=i], Some(&registry[i + 2..])),
            None => (registry, None),
        }
    } else {
        match registry.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (registry, None),
        }
    };
    if !is_valid_host(host) {
        return Err(err(reference, format!("invalid registry host {host:?}")));
    }
    if let Some(p) = port
        && !matches!(p.parse::<u16>(), Ok(n) if n > 0)
    {
        return Err(err(reference, format!("invalid registry port {p:?}")));
    }
    Ok(())
}

fn validate_digest(reference: &str, d: &str) -> Result<()> {
    let Some((alg, hex)) = d.split_once(':') else {
        return Err(err(reference, format!("invalid digest {d:?}")));
    };
    let want = match alg {
        "sha256" => 64,
        "sha512" => 128,
        _ => {
            return Err(err(
                reference,
                format!("unsupported digest algorithm {alg:?} (use sha256)"),
            ));
        }
    };
    if hex.len() != want
        || !hex
            .bytes()
            .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c))
    {
        return Err(err(
            reference,
            format!("invalid {alg} digest: expected {want} lowercase hex characters"),
        ));
    }
    Ok(())
}

impl ImageRef {
    /// Parses `oci:DIR[:TAG]` or `docker://…`.
    pub fn parse(s: &str) -> Result<Self> {
        if let Some(rest) = s.strip_prefix("oci:") {
            Self::parse_layout(s, rest)
        } else if let Some(rest) = s.strip_prefix("docker://") {
            Self::parse_registry(s, rest)
        } else {
            let transport = s.split(':').next().unwrap_or_default();
            Err(err(
                s,
                if s.contains(':') && !transport.is_empty() {
                    format!(
                        "unsupported transport {transport:?}: use oci:DIR[:TAG] or docker://HOST/REPO[:TAG]"
                    )
                } else {
                    "missing transport: use oci:DIR[:TAG] or docker://HOST/REPO[:TAG]".into()
                },
            ))
        }
    }

    /// `DIR[:TAG]`: the tag is what follows the last `:` if it is a valid tag (so directories
    /// containing `:` still work when the tag is given explicitly).
    fn parse_layout(reference: &str, rest: &str) -> Result<Self> {
        if rest.is_empty() {
            return Err(err(reference, "missing directory: use oci:DIR[:TAG]"));
        }
        if rest.ends_with(':') {
            return Err(err(reference, "empty tag after ':'"));
        }
        let (dir, tag) = match rest.rsplit_once(':') {
            Some((dir, tag)) if !dir.is_empty() && is_valid_tag(tag) => (dir, tag),
            Some(("", _)) => return Err(err(reference, "missing directory before the tag")),
            _ => (rest, DEFAULT_TAG),
        };
        Ok(ImageRef::Layout {
            dir: PathBuf::from(dir),
            tag: tag.to_string(),
        })
    }

    fn parse_registry(reference: &str, rest: &str) -> Result<Self> {
        if rest.is_empty() {
            return Err(err(reference, "missing repository after docker://"));
        }
        let (name, digest) = match rest.split_once('@') {
            Some((n, d)) => (n, Some(d)),
            None => (rest, None),
        };
        // A tag is after the last ':' that comes after the last '/' (a ':' before it is a port).
        let last_slash = name.rfind('/').map_or(0, |i| i + 1);
        let (name, tag) = match name[last_slash..].rfind(':') {
            Some(i) => (&name[..last_slash + i], Some(&name[last_slash + i + 1..])),
            None => (name, None),
        };
        let (registry, repository) = match name.split_once('/') {
            Some((first, repo))
                if first.contains('.')
                    || first.contains(':')
                    || first == "localhost"
                    || first.starts_with('[') =>
            {
                (first.to_string(), repo.to_string())
            }
            Some(_) => (DEFAULT_REGISTRY.to_string(), name.to_string()),
            None => (DEFAULT_REGISTRY.to_string(), format!("library/{name}")),
        };
        validate_registry(reference, &registry)?;
        if repository.is_empty() {
            return Err(err(reference, "missing repository"));
        }
        if repository.len() > 255 {
            return Err(err(reference, "repository name longer than 255 characters"));
        }
        if let Some(bad) = repository.split('/').find(|c| !is_valid_path_component(c)) {
            return Err(err(
                reference,
                format!(
                    "invalid repository component {bad:?}: lowercase letters, digits and single separators (. _ __ -) only"
                ),
            ));
        }
        let tag_or_digest = match (tag, digest) {
            (Some(_), Some(_)) => {
                return Err(err(
                    reference,
                    "a reference with both a tag and a digest is not supported",
                ));
            }
            (Some(t), None) if is_valid_tag(t) => TagOrDigest::Tag(t.to_string()),
            (Some(t), None) => return Err(err(reference, format!("invalid tag {t:?}"))),
            (None, Some(d)) => {
                validate_digest(reference, d)?;
                TagOrDigest::Digest(d.to_string())
            }
            (None, None) => TagOrDigest::Tag(DEFAULT_TAG.to_string()),
        };
        Ok(ImageRef::Registry {
            registry,
            repository,
            tag_or_digest,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(dir: &str, tag: &str) -> ImageRef {
        ImageRef::Layout {
            dir: dir.into(),
            tag: tag.into(),
        }
    }

    fn reg(r: &str, repo: &str, t: TagOrDigest) -> ImageRef {
        ImageRef::Registry {
            registry: r.into(),
            repository: repo.into(),
            tag_or_digest: t,
        }
    }

    #[test]
    fn layouts() {
        let ok = [
            ("oci:img", layout("img", "latest")),
            ("oci:img:v1", layout("img", "v1")),
            (
                "oci:/abs/path/img:enc-1.0",
                layout("/abs/path/img", "enc-1.0"),
            ),
            ("oci:dir:with:colon:tag", layout("dir:with:colon", "tag")),
            ("oci:/a/b:c/d", layout("/a/b:c/d", "latest")),
            ("oci:./x", layout("./x", "latest")),
        ];
        for (s, want) in ok {
            assert_eq!(ImageRef::parse(s).unwrap(), want, "{s}");
        }
        for s in ["oci:", "oci::tag", "oci:img:"] {
            assert!(
                matches!(ImageRef::parse(s), Err(Error::Reference { .. })),
                "{s}"
            );
        }
        assert_eq!(layout("img", "v1").to_string(), "oci:img:v1");
    }

    #[test]
    fn registries() {
        let d = format!("sha256:{}", "ab".repeat(32));
        let ok = [
            (
                "docker://127.0.0.1:5000/demo:enc",
                reg("127.0.0.1:5000", "demo", TagOrDigest::Tag("enc".into())),
            ),
            (
                "docker://localhost/a/b",
                reg("localhost", "a/b", TagOrDigest::Tag("latest".into())),
            ),
            (
                "docker://registry.example.com/team/app:1.2",
                reg(
                    "registry.example.com",
                    "team/app",
                    TagOrDigest::Tag("1.2".into()),
                ),
            ),
            (
                "docker://alpine",
                reg(
                    "docker.io",
                    "library/alpine",
                    TagOrDigest::Tag("latest".into()),
                ),
            ),
            (
                "docker://user/app:v",
                reg("docker.io", "user/app", TagOrDigest::Tag("v".into())),
            ),
            (
                "docker://[::1]:5000/x",
                reg("[::1]:5000", "x", TagOrDigest::Tag("latest".into())),
            ),
        ];
        for (s, want) in ok {
            assert_eq!(ImageRef::parse(s).unwrap(), want, "{s}");
        }
        let by_digest = format!("docker://h.io:443/r@{d}");
        assert_eq!(
            ImageRef::parse(&by_digest).unwrap(),
            reg("h.io:443", "r", TagOrDigest::Digest(d.clone()))
        );
        assert_eq!(ImageRef::parse(&by_digest).unwrap().to_string(), by_digest);
        for s in [
            "docker://",
            "docker://h.io/Upper",
            "docker://h.io/r:bad tag",
            "docker://h.io:99999/r",
            "docker://h.io/r@sha256:abc",
            "docker://h.io/r@md5:abc",
            &format!("docker://h.io/r:t@{d}"),
            "docker://h.io/a//b",
            "docker://h.io/",
            "dir:foo",
            "img",
        ] {
            assert!(
                matches!(ImageRef::parse(s), Err(Error::Reference { .. })),
                "{s}"
            );
        }
    }
}
