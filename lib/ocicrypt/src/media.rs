//! Media types and annotations of encrypted layers, as ocicrypt and containers/image use them.
//!
//! The `+encrypted` suffix is the only switch skopeo looks at; the key material travels in
//! `org.opencontainers.image.enc.keys.<scheme>` and the cipher parameters in
//! `org.opencontainers.image.enc.pubopts`.

use std::collections::HashMap;

/// Suffix ocicrypt appends to an encrypted layer's media type.
pub const ENCRYPTED_SUFFIX: &str = "+encrypted";
/// Every ocicrypt annotation starts with this; decryption removes all of them.
pub const ENC_ANNOTATION_PREFIX: &str = "org.opencontainers.image.enc";
/// Prefix of the per-scheme wrapped-key annotations.
pub const KEYS_ANNOTATION_PREFIX: &str = "org.opencontainers.image.enc.keys.";
/// The public cipher options (base64 JSON).
pub const PUBOPTS_ANNOTATION: &str = "org.opencontainers.image.enc.pubopts";

/// Media types (the part before the first `+`) that ocicrypt's `getEncryptedMediaType` accepts.
const ENCRYPTABLE_BASES: [&str; 3] = [
    "application/vnd.oci.image.layer.v1.tar",
    "application/vnd.oci.image.layer.nondistributable.v1.tar",
    "application/vnd.docker.image.rootfs.diff.tar.gzip",
];

/// True if the layer is encrypted (containers/image's `isOciEncrypted`: the suffix alone).
pub fn is_encrypted(media_type: &str) -> bool {
    media_type.ends_with(ENCRYPTED_SUFFIX)
}

/// True if ocicrypt can encrypt a layer of this media type (and it is not encrypted yet).
pub fn is_encryptable(media_type: &str) -> bool {
    encrypted_media_type(media_type).is_some()
}

/// `media_type + "+encrypted"`, or `None` if ocicrypt refuses this media type.
pub fn encrypted_media_type(media_type: &str) -> Option<String> {
    if media_type.contains(ENCRYPTED_SUFFIX) {
        return None;
    }
    let base = media_type.split('+').next().unwrap_or(media_type);
    ENCRYPTABLE_BASES
        .contains(&base)
        .then(|| format!("{media_type}{ENCRYPTED_SUFFIX}"))
}

/// The media type without its `+encrypted` suffix, or `None` if it has none.
pub fn decrypted_media_type(media_type: &str) -> Option<String> {
    media_type
        .strip_suffix(ENCRYPTED_SUFFIX)
        .map(ToString::to_string)
}

/// `org.opencontainers.image.enc.keys.<scheme>`.
pub fn keys_annotation(scheme: &str) -> String {
    format!("{KEYS_ANNOTATION_PREFIX}{scheme}")
}

/// The comma-separated base64 entries of `scheme`'s key annotation (empty entries skipped).
pub fn key_entries<'a>(
    annotations: Option<&'a HashMap<String, String>>,
    scheme: &str,
) -> Vec<&'a str> {
    annotations
        .and_then(|a| a.get(&keys_annotation(scheme)))
        .map(|v| {
            v.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// The key-wrap schemes that have an annotation on this layer, sorted.
pub fn key_schemes(annotations: Option<&HashMap<String, String>>) -> Vec<String> {
    let mut v: Vec<String> = annotations
        .into_iter()
        .flat_map(|a| a.keys())
        .filter_map(|k| k.strip_prefix(KEYS_ANNOTATION_PREFIX))
        .map(ToString::to_string)
        .collect();
    v.sort();
    v
}

/// Annotations with every `org.opencontainers.image.enc*` entry removed; `None` if nothing is
/// left (so a decrypted descriptor has no empty `annotations` object).
pub fn strip_enc_annotations(
    annotations: Option<&HashMap<String, String>>,
) -> Option<HashMap<String, String>> {
    let kept: HashMap<String, String> = annotations?
        .iter()
        .filter(|(k, _)| !k.starts_with(ENC_ANNOTATION_PREFIX))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    (!kept.is_empty()).then_some(kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types() {
        for (mt, ok) in [
            ("application/vnd.oci.image.layer.v1.tar", true),
            ("application/vnd.oci.image.layer.v1.tar+gzip", true),
            ("application/vnd.oci.image.layer.v1.tar+zstd", true),
            (
                "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip",
                true,
            ),
            ("application/vnd.docker.image.rootfs.diff.tar.gzip", true),
            (
                "application/vnd.oci.image.layer.v1.tar+gzip+encrypted",
                false,
            ),
            ("application/vnd.oci.image.config.v1+json", false),
            (
                "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip",
                false,
            ),
            ("application/octet-stream", false),
        ] {
            assert_eq!(is_encryptable(mt), ok, "{mt}");
        }
        let e = encrypted_media_type("application/vnd.oci.image.layer.v1.tar+gzip").unwrap();
        assert_eq!(e, "application/vnd.oci.image.layer.v1.tar+gzip+encrypted");
        assert!(is_encrypted(&e));
        assert_eq!(
            decrypted_media_type(&e).as_deref(),
            Some("application/vnd.oci.image.layer.v1.tar+gzip")
        );
        assert_eq!(
            decrypted_media_type("application/vnd.oci.image.layer.v1.tar"),
            None
        );
    }

    #[test]
    fn annotations() {
        let mut a = HashMap::new();
        a.insert(keys_annotation("provider.isecl"), "QQ==, Qg==,".to_string());
        a.insert(keys_annotation("jwe"), "x".to_string());
        a.insert(PUBOPTS_ANNOTATION.to_string(), "p".to_string());
        a.insert("org.opencontainers.image.encx".to_string(), "p".to_string());
        a.insert("keep".to_string(), "v".to_string());
        assert_eq!(
            key_entries(Some(&a), "provider.isecl"),
            vec!["QQ==", "Qg=="]
        );
        assert!(key_entries(Some(&a), "pgp").is_empty());
        assert_eq!(key_schemes(Some(&a)), vec!["jwe", "provider.isecl"]);
        let s = strip_enc_annotations(Some(&a)).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s["keep"], "v");
        a.remove("keep");
        assert!(strip_enc_annotations(Some(&a)).is_none());
    }
}
