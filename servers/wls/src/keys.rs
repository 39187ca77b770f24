//! Key requests: where a key URL points (SecL's rule) and the in-memory cache of wrapped keys.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use reqwest::Url;
use secl_api::wls::find_uuid_v4;
use uuid::Uuid;
use zeroize::Zeroizing;

/// The KBS and key a `key_url` names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyTarget {
    pub key_id: Uuid,
    /// The KBS API base, ending in `/` (e.g. `https://kbs:9443/kbs/v1/`).
    pub kbs_base: String,
    /// `<kbs_base>keys/<id>/transfer`, where the SAML report is posted.
    pub transfer_url: Url,
}

impl KeyTarget {
    /// SecL's rule: the key id is the first UUIDv4 in the URL path, the KBS base is everything
    /// before it minus a trailing `keys/`. Stricter than SecL: https only, no credentials, and
    /// the id must start a path segment; what follows the id (usually `/transfer`), the query
    /// and the fragment are ignored.
    pub fn parse(key_url: &str) -> Result<Self, String> {
        let url = Url::parse(key_url.trim()).map_err(|e| format!("not a URL: {e}"))?;
        if url.scheme() != "https" {
            return Err("the KBS must be reached over https".into());
        }
        if !url.username().is_empty() || url.password().is_some() {
            return Err("the URL must not carry credentials".into());
        }
        let host = url
            .host_str()
            .filter(|h| !h.is_empty())
            .ok_or("the URL has no host")?;
        let path = url.path();
        let (at, key_id) = find_uuid_v4(path).ok_or("the URL path holds no key id (a UUIDv4)")?;
        let before = &path[..at];
        if !before.ends_with('/') {
            return Err("the key id must start a path segment".into());
        }
        let prefix = before.strip_suffix("keys/").unwrap_or(before);
        let port = url.port().map(|p| format!(":{p}")).unwrap_or_default();
        let host = if host.contains(':') && !host.starts_with('[') {
            format!("[{host}]")
        } else {
            host.to_string()
        };
        let kbs_base = format!("https://{host}{port}{prefix}");
        let transfer_url = Url::parse(&format!("{kbs_base}keys/{key_id}/transfer"))
            .map_err(|e| format!("cannot build the transfer URL: {e}"))?;
        Ok(Self {
            key_id,
            kbs_base,
            transfer_url,
        })
    }
}

/// Most entries kept; beyond it the entry closest to expiry goes.
const MAX_ENTRIES: usize = 4096;

struct Entry {
    key: Zeroizing<Vec<u8>>,
    /// SHA-256 of the binding-key certificate the key was wrapped to (None: the report had
    /// none).
    binding: Option<[u8; 32]>,
    expires: Instant,
}

/// Wrapped keys per (hardware UUID, key id), kept for a fixed time. The bytes are useless
/// without the host's TPM, but are still dropped when the host stops being trusted or its
/// binding key changes, so a stale answer never outlives the trust it was given for.
pub struct KeyCache {
    ttl: Duration,
    entries: Mutex<HashMap<(Uuid, Uuid), Entry>>,
}

impl KeyCache {
    /// A cache keeping entries for `ttl`; a zero `ttl` keeps nothing.
    pub fn new(ttl: Duration) -> Self {
        Self {
            ttl,
            entries: Mutex::new(HashMap::new()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(Uuid, Uuid), Entry>> {
        // A panic while holding the lock cannot leave the map inconsistent: take it back.
        self.entries
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The cached key for `(hw, key_id)` if it has not expired and was made for the same
    /// binding key. A different binding key purges every entry of the host.
    pub fn get(
        &self,
        hw: Uuid,
        key_id: Uuid,
        binding: Option<[u8; 32]>,
        now: Instant,
    ) -> Option<Zeroizing<Vec<u8>>> {
        let mut map = self.lock();
        let e = map.get(&(hw, key_id))?;
        if e.binding != binding {
            map.retain(|(h, _), _| *h != hw);
            return None;
        }
        if now >= e.expires {
            map.remove(&(hw, key_id));
            return None;
        }
        Some(e.key.clone())
    }

    /// Keeps `key` for `(hw, key_id)`.
    pub fn put(&self, hw: Uuid, key_id: Uuid, binding: Option<[u8; 32]>, key: &[u8], now: Instant) {
        if self.ttl.is_zero() {
            return;
        }
        let mut map = self.lock();
        if map.len() >= MAX_ENTRIES {
            map.retain(|_, e| e.expires > now);
        }
        if map.len() >= MAX_ENTRIES
            && let Some(k) = map.iter().min_by_key(|(_, e)| e.expires).map(|(k, _)| *k)
        {
            map.remove(&k);
        }
        map.insert(
            (hw, key_id),
            Entry {
                key: Zeroizing::new(key.to_vec()),
                binding,
                expires: now + self.ttl,
            },
        );
    }

    /// Drops every entry of a host (it was reported untrusted).
    pub fn purge_host(&self, hw: Uuid) {
        self.lock().retain(|(h, _), _| *h != hw);
    }

    /// Entries held, expired ones included.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "fc0cc779-22b6-4741-b0d9-e2e69635ad1e";

    #[test]
    fn key_urls_follow_secl() {
        let t = KeyTarget::parse(&format!("https://kbs:9443/kbs/v1/keys/{ID}/transfer")).unwrap();
        assert_eq!(t.key_id.to_string(), ID);
        assert_eq!(t.kbs_base, "https://kbs:9443/kbs/v1/");
        assert_eq!(
            t.transfer_url.as_str(),
            format!("https://kbs:9443/kbs/v1/keys/{ID}/transfer")
        );
        // Without `keys/`, without `/transfer`, upper case, a query: same key, same KBS.
        for url in [
            format!("https://kbs:9443/kbs/v1/{ID}"),
            format!("https://kbs:9443/kbs/v1/keys/{}", ID.to_uppercase()),
            format!("https://kbs:9443/kbs/v1/keys/{ID}/transfer?x=1#f"),
        ] {
            let t = KeyTarget::parse(&url).unwrap();
            assert_eq!(t.key_id.to_string(), ID, "{url}");
            assert_eq!(t.kbs_base, "https://kbs:9443/kbs/v1/", "{url}");
        }
        // The first UUIDv4 in the path wins; one in the host does not count.
        let other = "0f5d2bd6-8f4e-4a4e-9b5a-2b1e6a3c7d10";
        let t = KeyTarget::parse(&format!("https://gw/{other}/keys/{ID}")).unwrap();
        assert_eq!(t.key_id.to_string(), other);
        assert_eq!(t.kbs_base, "https://gw/");
        let t = KeyTarget::parse(&format!("https://[::1]:9443/kbs/v1/keys/{ID}")).unwrap();
        assert_eq!(t.kbs_base, "https://[::1]:9443/kbs/v1/");
    }

    #[test]
    fn bad_key_urls_are_refused() {
        for (url, why) in [
            (format!("http://kbs/kbs/v1/keys/{ID}"), "https"),
            (format!("https://u:p@kbs/kbs/v1/keys/{ID}"), "credentials"),
            ("https://kbs/kbs/v1/keys/".to_string(), "key id"),
            (
                "https://kbs/keys/fc0cc779-22b6-1741-b0d9-e2e69635ad1e".to_string(),
                "key id",
            ),
            (format!("https://kbs/kbs/v1/keys-{ID}"), "segment"),
            ("not a url".to_string(), "URL"),
            (format!("https://kbs/x?{ID}"), "key id"),
        ] {
            let e = KeyTarget::parse(&url).unwrap_err();
            assert!(e.contains(why), "{url}: {e}");
        }
    }

    #[test]
    fn cache_expires_after_its_ttl() {
        let c = KeyCache::new(Duration::from_secs(300));
        let (hw, k) = (Uuid::new_v4(), Uuid::new_v4());
        let t0 = Instant::now();
        let b = Some([1u8; 32]);
        assert!(c.get(hw, k, b, t0).is_none());
        c.put(hw, k, b, b"wrapped", t0);
        assert_eq!(
            c.get(hw, k, b, t0 + Duration::from_secs(299))
                .unwrap()
                .as_slice(),
            b"wrapped"
        );
        assert!(c.get(hw, Uuid::new_v4(), b, t0).is_none(), "other key");
        assert!(c.get(Uuid::new_v4(), k, b, t0).is_none(), "other host");
        assert!(c.get(hw, k, b, t0 + Duration::from_secs(300)).is_none());
        assert!(c.is_empty(), "expired entries are dropped when met");
    }

    #[test]
    fn zero_ttl_disables_the_cache() {
        let c = KeyCache::new(Duration::ZERO);
        let (hw, k, t0) = (Uuid::new_v4(), Uuid::new_v4(), Instant::now());
        c.put(hw, k, None, b"x", t0);
        assert!(c.get(hw, k, None, t0).is_none());
    }

    #[test]
    fn trust_and_binding_changes_purge_the_host() {
        let c = KeyCache::new(Duration::from_secs(300));
        let (hw, other) = (Uuid::new_v4(), Uuid::new_v4());
        let (k1, k2) = (Uuid::new_v4(), Uuid::new_v4());
        let t0 = Instant::now();
        let b = Some([1u8; 32]);
        c.put(hw, k1, b, b"a", t0);
        c.put(hw, k2, b, b"b", t0);
        c.put(other, k1, b, b"c", t0);
        // A new binding key: nothing of the host is served, all of it is gone.
        assert!(c.get(hw, k1, Some([2u8; 32]), t0).is_none());
        assert!(c.get(hw, k2, b, t0).is_none());
        assert!(c.get(other, k1, b, t0).is_some());
        // Untrusted: purged.
        c.put(hw, k1, b, b"a", t0);
        c.purge_host(hw);
        assert!(c.get(hw, k1, b, t0).is_none());
        assert_eq!(c.len(), 1);
    }

    #[test]
    fn cache_is_bounded() {
        let c = KeyCache::new(Duration::from_secs(300));
        let t0 = Instant::now();
        for i in 0..MAX_ENTRIES + 10 {
            c.put(
                Uuid::new_v4(),
                Uuid::new_v4(),
                None,
                b"x",
                t0 + Duration::from_millis(i as u64),
            );
        }
        assert_eq!(c.len(), MAX_ENTRIES);
    }
}
