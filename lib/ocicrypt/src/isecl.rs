//! Intel SecL-DC's key wrapper, byte-compatible with WPM (`get-ocicrypt-wrappedkey`) and WLA.
//!
//! The private layer options are sealed with AES-256-GCM under a 32-byte KEK held by the KBS
//! (random 12-byte nonce, no AAD, tag appended):
//!
//! * `AesPacket` = `{"cipher_text":b64(ct||tag),"nonce":b64(nonce)}`
//! * `AnnotationPacket` = `{"key_url":…,"wrapped_key":b64(AesPacket JSON),"wrap_type":"AES"}`
//! * layer annotation `org.opencontainers.image.enc.keys.provider.isecl` = b64(AnnotationPacket)
//!
//! The KEK itself never appears in the image; `key_url` tells the decrypting side which KBS key
//! to ask for.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, Mutex};

use aes_gcm::aead::{Aead, KeyInit};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::Engine;
use rand::Rng;
use serde_json::Value;
use tokio::sync::OnceCell;
use zeroize::Zeroizing;

use crate::options::{B64, b64_decode_go, go_json_string};
use crate::{Error, KeyWrapper, Result};

/// WPM's default provider name (`ocicrypt-keyprovider-name`).
pub const DEFAULT_PROVIDER_NAME: &str = "isecl";
/// The only `wrap_type` WPM writes (`KbsEncryptAlgo`).
pub const WRAP_TYPE_AES: &str = "AES";
const NONCE_LEN: usize = 12;
const TAG_LEN: usize = 16;

/// AES-256-GCM output as WPM serialises it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AesPacket {
    /// Ciphertext with the 16-byte GCM tag appended.
    pub cipher_text: Vec<u8>,
    pub nonce: [u8; NONCE_LEN],
}

impl AesPacket {
    /// Go's `json.Marshal`: `{"cipher_text":…,"nonce":…}`.
    pub fn to_json(&self) -> Vec<u8> {
        let mut s = String::with_capacity(40 + self.cipher_text.len() * 4 / 3);
        s.push_str("{\"cipher_text\":\"");
        B64.encode_string(&self.cipher_text, &mut s);
        s.push_str("\",\"nonce\":\"");
        B64.encode_string(self.nonce, &mut s);
        s.push_str("\"}");
        s.into_bytes()
    }

    /// Strict parse: both fields present, valid base64, a 12-byte nonce.
    pub fn from_json(json: &[u8]) -> Result<Self> {
        let obj = json_object(json, "isecl AesPacket")?;
        let cipher_text = b64_field(&obj, "cipher_text", "isecl AesPacket")?;
        let nonce = b64_field(&obj, "nonce", "isecl AesPacket")?;
        let nonce = <[u8; NONCE_LEN]>::try_from(nonce.as_slice()).map_err(|_| {
            malformed(
                "isecl AesPacket",
                format!("nonce is {} bytes, expected {NONCE_LEN}", nonce.len()),
            )
        })?;
        Ok(AesPacket { cipher_text, nonce })
    }
}

/// What WPM stores (base64-encoded) in the layer annotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnotationPacket {
    /// KBS transfer URL of the KEK.
    pub key_url: String,
    /// The `AesPacket` JSON bytes (base64 on the wire).
    pub wrapped_key: Vec<u8>,
    pub wrap_type: String,
}

impl AnnotationPacket {
    /// Go's `json.Marshal`: `{"key_url":…,"wrapped_key":…,"wrap_type":…}`.
    pub fn to_json(&self) -> Vec<u8> {
        let mut s = String::with_capacity(64 + self.key_url.len() + self.wrapped_key.len() * 4 / 3);
        s.push_str("{\"key_url\":");
        go_json_string(&self.key_url, &mut s);
        s.push_str(",\"wrapped_key\":\"");
        B64.encode_string(&self.wrapped_key, &mut s);
        s.push_str("\",\"wrap_type\":");
        go_json_string(&self.wrap_type, &mut s);
        s.push('}');
        s.into_bytes()
    }

    /// The sealed options inside `wrapped_key`.
    pub fn aes_packet(&self) -> Result<AesPacket> {
        AesPacket::from_json(&self.wrapped_key)
    }
}

fn malformed(what: &'static str, detail: impl Into<String>) -> Error {
    Error::Malformed {
        what,
        detail: detail.into(),
    }
}

fn json_object(json: &[u8], what: &'static str) -> Result<serde_json::Map<String, Value>> {
    match serde_json::from_slice::<Value>(json) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(_) => Err(malformed(what, "not a JSON object")),
        Err(e) => Err(malformed(what, format!("not JSON: {e}"))),
    }
}

fn str_field<'a>(
    obj: &'a serde_json::Map<String, Value>,
    name: &str,
    what: &'static str,
) -> Result<&'a str> {
    match obj.get(name) {
        Some(Value::String(s)) => Ok(s),
        Some(Value::Null) | None => Err(malformed(what, format!("missing field {name:?}"))),
        Some(_) => Err(malformed(what, format!("field {name:?} is not a string"))),
    }
}

fn b64_field(
    obj: &serde_json::Map<String, Value>,
    name: &str,
    what: &'static str,
) -> Result<Vec<u8>> {
    b64_decode_go(str_field(obj, name, what)?)
        .map_err(|e| malformed(what, format!("field {name:?} is not base64: {e}")))
}

/// Parses the (base64-decoded) layer annotation strictly: JSON object with `key_url`,
/// `wrapped_key` (base64 of a valid `AesPacket`) and `wrap_type` `"AES"`; any field order.
pub fn parse_annotation(bytes: &[u8]) -> Result<AnnotationPacket> {
    const WHAT: &str = "isecl annotation";
    let obj = json_object(bytes, WHAT)?;
    let key_url = str_field(&obj, "key_url", WHAT)?;
    if key_url.is_empty() {
        return Err(malformed(WHAT, "empty key_url"));
    }
    let wrap_type = str_field(&obj, "wrap_type", WHAT)?;
    if wrap_type != WRAP_TYPE_AES {
        return Err(malformed(
            WHAT,
            format!("wrap_type {wrap_type:?} is not supported (only \"AES\")"),
        ));
    }
    let packet = AnnotationPacket {
        key_url: key_url.to_string(),
        wrapped_key: b64_field(&obj, "wrapped_key", WHAT)?,
        wrap_type: wrap_type.to_string(),
    };
    packet.aes_packet()?;
    Ok(packet)
}

/// Seals `optsdata` under `kek` and returns the `AnnotationPacket` JSON bytes (what the
/// keyprovider returns, before ocicrypt's base64).
pub fn seal(kek: &[u8; 32], key_url: &str, optsdata: &[u8]) -> Result<Vec<u8>> {
    let cipher = Aes256Gcm::new(kek.into());
    let mut nonce = [0u8; NONCE_LEN];
    rand::rng().fill_bytes(&mut nonce);
    let cipher_text = cipher
        .encrypt(&Nonce::from(nonce), optsdata)
        .map_err(|_| Error::Wrap("AES-256-GCM encryption failed".into()))?;
    let packet = AnnotationPacket {
        key_url: key_url.to_string(),
        wrapped_key: AesPacket { cipher_text, nonce }.to_json(),
        wrap_type: WRAP_TYPE_AES.to_string(),
    };
    Ok(packet.to_json())
}

/// Opens a parsed packet with `kek`, giving back the private layer options.
pub fn open(kek: &[u8; 32], packet: &AnnotationPacket) -> Result<Zeroizing<Vec<u8>>> {
    let aes = packet.aes_packet()?;
    if aes.cipher_text.len() < TAG_LEN {
        return Err(malformed(
            "isecl AesPacket",
            "cipher_text is shorter than the GCM tag",
        ));
    }
    let cipher = Aes256Gcm::new(kek.into());
    cipher
        .decrypt(&Nonce::from(aes.nonce), aes.cipher_text.as_slice())
        .map(Zeroizing::new)
        .map_err(|_| {
            Error::Unwrap(format!(
                "AES-256-GCM authentication failed for the key from {}: wrong KEK or altered annotation",
                packet.key_url
            ))
        })
}

/// Where KEKs come from: a KBS (create + envelope transfer when encrypting, attested transfer
/// when decrypting) or a test double.
#[async_trait::async_trait]
pub trait KekSource: Send + Sync {
    /// A new KEK and its KBS transfer URL.
    async fn new_kek(&self) -> Result<(String, Zeroizing<[u8; 32]>)>;
    /// The KEK behind `key_url`.
    async fn kek_for(&self, key_url: &str) -> Result<Zeroizing<[u8; 32]>>;
}

/// How many KBS keys an encryption run creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum KekMode {
    /// One KEK for every layer wrapped by this wrapper ("one KBS key per image").
    #[default]
    PerImage,
    /// A new KEK for every wrap call, like WPM's keyprovider (a new KBS key per layer).
    PerCall,
}

type KekCell = Arc<OnceCell<Zeroizing<[u8; 32]>>>;

/// [`KeyWrapper`] for the `provider.isecl` scheme over a [`KekSource`].
pub struct IseclWrapper {
    source: Arc<dyn KekSource>,
    mode: KekMode,
    scheme: String,
    wrap_kek: OnceCell<(String, Zeroizing<[u8; 32]>)>,
    /// KEKs by key URL, so an image whose layers share a key costs one KBS transfer.
    unwrap_keks: Mutex<HashMap<String, KekCell>>,
}

impl fmt::Debug for IseclWrapper {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("IseclWrapper")
            .field("scheme", &self.scheme)
            .field("mode", &self.mode)
            .field("wrap_key_url", &self.wrap_kek.get().map(|(u, _)| u))
            .finish_non_exhaustive()
    }
}

impl IseclWrapper {
    /// One KEK per wrapper (per image), scheme `provider.isecl`.
    pub fn new(source: Arc<dyn KekSource>) -> Self {
        Self::with_mode(source, KekMode::PerImage)
    }

    pub fn with_mode(source: Arc<dyn KekSource>, mode: KekMode) -> Self {
        IseclWrapper {
            source,
            mode,
            scheme: format!("provider.{DEFAULT_PROVIDER_NAME}"),
            wrap_kek: OnceCell::new(),
            unwrap_keks: Mutex::new(HashMap::new()),
        }
    }

    /// Uses scheme `provider.<name>` (WPM's `ocicrypt-keyprovider-name`).
    pub fn provider_name(mut self, name: &str) -> Self {
        self.scheme = format!("provider.{name}");
        self
    }

    pub fn mode(&self) -> KekMode {
        self.mode
    }

    /// The key URL used for wrapping so far (per-image mode), e.g. for a report.
    pub fn wrap_key_url(&self) -> Option<&str> {
        self.wrap_kek.get().map(|(u, _)| u.as_str())
    }

    async fn unwrap_kek(&self, key_url: &str) -> Result<Zeroizing<[u8; 32]>> {
        let cell = {
            let mut map = self
                .unwrap_keks
                .lock()
                .map_err(|_| Error::Unwrap("KEK cache poisoned".into()))?;
            map.entry(key_url.to_string()).or_default().clone()
        };
        let kek = cell
            .get_or_try_init(|| self.source.kek_for(key_url))
            .await?;
        Ok(kek.clone())
    }
}

#[async_trait::async_trait]
impl KeyWrapper for IseclWrapper {
    fn scheme(&self) -> &str {
        &self.scheme
    }

    async fn wrap(&self, private_options: &[u8]) -> Result<Vec<u8>> {
        match self.mode {
            KekMode::PerImage => {
                let (url, kek) = self
                    .wrap_kek
                    .get_or_try_init(|| self.source.new_kek())
                    .await?;
                seal(kek, url, private_options)
            }
            KekMode::PerCall => {
                let (url, kek) = self.source.new_kek().await?;
                seal(&kek, &url, private_options)
            }
        }
    }

    async fn unwrap(&self, annotation: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
        let packet = parse_annotation(annotation)?;
        let kek = self.unwrap_kek(&packet.key_url).await?;
        open(&kek, &packet)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    const ILLUSTRATIVE_WRAPPED: &str =
        "eyJjaXBoZXJfdGV4dCI6IkVSRVJFUkVSRVJFPSIsIm5vbmNlIjoiSWlJaUlpSWlJaUlpSWlJaSJ9";
    const URL: &str =
        "https://kbs.example.com:9443/kbs/v1/keys/fc0cc779-22b6-4741-b0d9-e2e69635ad1e/transfer";

    #[test]
    fn illustrative_layering() {
        let aes = AesPacket {
            cipher_text: vec![0x11; 8],
            nonce: [0x22; 12],
        };
        let json = aes.to_json();
        assert_eq!(
            std::str::from_utf8(&json).unwrap(),
            r#"{"cipher_text":"ERERERERERE=","nonce":"IiIiIiIiIiIiIiIi"}"#
        );
        assert_eq!(B64.encode(&json), ILLUSTRATIVE_WRAPPED);
        let ann = AnnotationPacket {
            key_url: URL.into(),
            wrapped_key: json,
            wrap_type: "AES".into(),
        };
        let ann_json = ann.to_json();
        assert_eq!(
            String::from_utf8(ann_json.clone()).unwrap(),
            format!(
                r#"{{"key_url":"{URL}","wrapped_key":"{ILLUSTRATIVE_WRAPPED}","wrap_type":"AES"}}"#
            )
        );
        let back = parse_annotation(&ann_json).unwrap();
        assert_eq!(back, ann);
        assert_eq!(back.aes_packet().unwrap(), aes);
        // 8 bytes cannot hold a GCM tag: a clear error, not a panic.
        assert!(matches!(
            open(&[0; 32], &back),
            Err(Error::Malformed { .. })
        ));
    }

    #[test]
    fn other_field_order_parses() {
        let doc = format!(
            r#"{{ "wrap_type": "AES", "wrapped_key": "{ILLUSTRATIVE_WRAPPED}",
                 "key_url": "{URL}", "extra": 1 }}"#
        );
        let p = parse_annotation(doc.as_bytes()).unwrap();
        assert_eq!(p.key_url, URL);
        let aes =
            AesPacket::from_json(br#"{"nonce":"IiIiIiIiIiIiIiIi","cipher_text":"ERERERERERE="}"#)
                .unwrap();
        assert_eq!(aes.nonce, [0x22; 12]);
    }

    #[test]
    fn strict_errors() {
        let cases: Vec<Vec<u8>> = vec![
            b"not json".to_vec(),
            b"[1]".to_vec(),
            format!(r#"{{"wrapped_key":"{ILLUSTRATIVE_WRAPPED}","wrap_type":"AES"}}"#).into_bytes(),
            format!(r#"{{"key_url":"{URL}","wrapped_key":"{ILLUSTRATIVE_WRAPPED}"}}"#).into_bytes(),
            format!(
                r#"{{"key_url":"{URL}","wrapped_key":"{ILLUSTRATIVE_WRAPPED}","wrap_type":"RSA"}}"#
            )
            .into_bytes(),
            format!(r#"{{"key_url":"{URL}","wrapped_key":"!!","wrap_type":"AES"}}"#).into_bytes(),
            format!(r#"{{"key_url":"{URL}","wrapped_key":"e30=","wrap_type":"AES"}}"#).into_bytes(),
            // nonce of 8 bytes
            format!(
                r#"{{"key_url":"{URL}","wrapped_key":"{}","wrap_type":"AES"}}"#,
                B64.encode(br#"{"cipher_text":"ERERERERERE=","nonce":"IiIiIiIiIiI="}"#)
            )
            .into_bytes(),
        ];
        for c in cases {
            let r = parse_annotation(&c);
            assert!(
                matches!(r, Err(Error::Malformed { .. })),
                "{}: {r:?}",
                String::from_utf8_lossy(&c)
            );
        }
    }

    #[test]
    fn seal_open_round_trip() {
        let kek = [9u8; 32];
        let opts = br#"{"symkey":"AAAA","digest":"sha256:x","cipheroptions":{}}"#;
        let ann = seal(&kek, URL, opts).unwrap();
        let p = parse_annotation(&ann).unwrap();
        assert_eq!(p.key_url, URL);
        assert_eq!(p.aes_packet().unwrap().cipher_text.len(), opts.len() + 16);
        assert_eq!(open(&kek, &p).unwrap().as_slice(), opts);
        assert!(matches!(open(&[8; 32], &p), Err(Error::Unwrap(_))));
        // Two seals use different nonces.
        assert_ne!(seal(&kek, URL, opts).unwrap(), ann);
    }

    struct Fake {
        made: AtomicUsize,
        fetched: AtomicUsize,
    }

    #[async_trait::async_trait]
    impl KekSource for Fake {
        async fn new_kek(&self) -> Result<(String, Zeroizing<[u8; 32]>)> {
            let n = self.made.fetch_add(1, Ordering::SeqCst);
            Ok((
                format!("https://kbs/keys/{n}/transfer"),
                Zeroizing::new([n as u8; 32]),
            ))
        }
        async fn kek_for(&self, key_url: &str) -> Result<Zeroizing<[u8; 32]>> {
            self.fetched.fetch_add(1, Ordering::SeqCst);
            let n: u8 = key_url
                .trim_start_matches("https://kbs/keys/")
                .trim_end_matches("/transfer")
                .parse()
                .map_err(|_| Error::Unwrap("unknown key".into()))?;
            Ok(Zeroizing::new([n; 32]))
        }
    }

    #[tokio::test]
    async fn wrapper_modes() {
        let src = Arc::new(Fake {
            made: AtomicUsize::new(0),
            fetched: AtomicUsize::new(0),
        });
        let w = IseclWrapper::new(src.clone());
        assert_eq!(w.scheme(), "provider.isecl");
        let a = w.wrap(b"one").await.unwrap();
        let b = w.wrap(b"two").await.unwrap();
        assert_eq!(src.made.load(Ordering::SeqCst), 1);
        assert_eq!(w.wrap_key_url(), Some("https://kbs/keys/0/transfer"));
        assert_eq!(w.unwrap(&a).await.unwrap().as_slice(), b"one");
        assert_eq!(w.unwrap(&b).await.unwrap().as_slice(), b"two");
        assert_eq!(
            src.fetched.load(Ordering::SeqCst),
            1,
            "KEK cached per key_url"
        );

        let per_call = IseclWrapper::with_mode(src.clone(), KekMode::PerCall).provider_name("wpm");
        assert_eq!(per_call.scheme(), "provider.wpm");
        let c = per_call.wrap(b"three").await.unwrap();
        let d = per_call.wrap(b"four").await.unwrap();
        assert_eq!(src.made.load(Ordering::SeqCst), 3);
        assert_ne!(
            parse_annotation(&c).unwrap().key_url,
            parse_annotation(&d).unwrap().key_url
        );
        assert_eq!(w.unwrap(&d).await.unwrap().as_slice(), b"four");
        assert!(matches!(
            w.unwrap(b"{}").await,
            Err(Error::Malformed { .. })
        ));
        assert!(!format!("{w:?}").contains("[0,"));
    }
}
