//! The private and public layer option documents of ocicrypt's `AES_256_CTR_HMAC_SHA256`.
//!
//! Serialisation reproduces Go's `encoding/json` byte for byte (compact, struct fields in
//! declaration order, map keys sorted, `[]byte` as padded standard base64) so our images look
//! exactly like skopeo's. Parsing is lenient the way Go is: any field order, unknown fields,
//! `null` for empty, byte fields as base64 strings or arrays of numbers.

use std::collections::BTreeMap;
use std::fmt;

use base64::Engine;
use base64::alphabet;
use base64::engine::{GeneralPurpose, GeneralPurposeConfig};
use serde::Deserialize;
use zeroize::{Zeroize, Zeroizing};

use crate::{Error, Result};

/// The only layer cipher ocicrypt registers.
pub const CIPHER_AES_256_CTR_HMAC_SHA256: &str = "AES_256_CTR_HMAC_SHA256";

/// Name of the IV in `cipheroptions`.
pub const NONCE_OPTION: &str = "nonce";

/// Go's `base64.StdEncoding` for output: padded standard alphabet.
pub(crate) const B64: GeneralPurpose = base64::engine::general_purpose::STANDARD;

/// Go's `base64.StdEncoding` for input: padding required, non-zero trailing bits tolerated.
const B64_GO_DECODE: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_allow_trailing_bits(true),
);

/// Decodes base64 the way Go's `encoding/json` does for `[]byte` (it skips `\r` and `\n`).
pub(crate) fn b64_decode_go(s: &str) -> std::result::Result<Vec<u8>, base64::DecodeError> {
    if s.contains(['\r', '\n']) {
        let cleaned: Zeroizing<String> =
            Zeroizing::new(s.chars().filter(|c| *c != '\r' && *c != '\n').collect());
        B64_GO_DECODE.decode(cleaned.as_bytes())
    } else {
        B64_GO_DECODE.decode(s.as_bytes())
    }
}

/// Appends `s` as a JSON string literal escaped exactly like Go's `encoding/json` (which also
/// escapes `<`, `>`, `&`, U+2028 and U+2029).
pub(crate) fn go_json_string(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c if (c as u32) < 0x20 || c == '<' || c == '>' || c == '&' => {
                let b = c as u32 as u8;
                out.push_str("\\u00");
                out.push(HEX[usize::from(b >> 4)] as char);
                out.push(HEX[usize::from(b & 0xf)] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A Go `[]byte` on input: base64 string, array of numbers or `null` (= empty). Zeroized on
/// drop because these carry keys.
#[derive(Default, Clone)]
pub(crate) struct GoBytes(pub(crate) Zeroizing<Vec<u8>>);

impl<'de> Deserialize<'de> for GoBytes {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = GoBytes;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a base64 string, an array of bytes or null")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> std::result::Result<GoBytes, E> {
                b64_decode_go(v)
                    .map(|b| GoBytes(Zeroizing::new(b)))
                    .map_err(|e| E::custom(format!("invalid base64: {e}")))
            }
            fn visit_unit<E: serde::de::Error>(self) -> std::result::Result<GoBytes, E> {
                Ok(GoBytes::default())
            }
            fn visit_none<E: serde::de::Error>(self) -> std::result::Result<GoBytes, E> {
                Ok(GoBytes::default())
            }
            fn visit_some<D: serde::Deserializer<'de>>(
                self,
                d: D,
            ) -> std::result::Result<GoBytes, D::Error> {
                GoBytes::deserialize(d)
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> std::result::Result<GoBytes, A::Error> {
                let mut out = Zeroizing::new(Vec::with_capacity(seq.size_hint().unwrap_or(0)));
                while let Some(b) = seq.next_element::<u8>()? {
                    out.push(b);
                }
                Ok(GoBytes(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// Wire shape shared by both documents; every field optional like Go's decoder.
#[derive(Deserialize)]
struct Wire {
    #[serde(default)]
    symkey: GoBytes,
    #[serde(default)]
    digest: Option<String>,
    #[serde(default)]
    cipher: Option<String>,
    #[serde(default)]
    hmac: GoBytes,
    #[serde(default)]
    cipheroptions: Option<BTreeMap<String, GoBytes>>,
}

/// A serde_json error without its message: messages can quote input values ("invalid type:
/// string \"…\""), and these documents carry keys.
pub(crate) fn redacted_json_error(e: &serde_json::Error) -> String {
    let kind = match e.classify() {
        serde_json::error::Category::Io => "I/O error",
        serde_json::error::Category::Syntax => "invalid JSON",
        serde_json::error::Category::Data => "unexpected structure or value",
        serde_json::error::Category::Eof => "truncated JSON",
    };
    format!("{kind} at line {} column {}", e.line(), e.column())
}

fn parse_wire(json: &[u8], what: &'static str) -> Result<Wire> {
    serde_json::from_slice(json).map_err(|e| Error::Malformed {
        what,
        detail: redacted_json_error(&e),
    })
}

fn options_into_map(m: Option<BTreeMap<String, GoBytes>>) -> BTreeMap<String, Vec<u8>> {
    m.unwrap_or_default()
        .into_iter()
        .map(|(k, v)| (k, v.0.to_vec()))
        .collect()
}

fn write_options_map(map: &BTreeMap<String, Vec<u8>>, out: &mut String) {
    out.push('{');
    for (i, (k, v)) in map.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        go_json_string(k, out);
        out.push_str(":\"");
        B64.encode_string(v, out);
        out.push('"');
    }
    out.push('}');
}

/// ocicrypt's `PrivateLayerBlockCipherOptions`: the layer key, IV and plaintext digest. This is
/// what key wrappers protect; never stored in clear.
#[derive(Clone, PartialEq, Eq)]
pub struct PrivateLayerBlockCipherOptions {
    symkey: Vec<u8>,
    digest: String,
    cipher_options: BTreeMap<String, Vec<u8>>,
}

impl Drop for PrivateLayerBlockCipherOptions {
    fn drop(&mut self) {
        self.symkey.zeroize();
        for v in self.cipher_options.values_mut() {
            v.zeroize();
        }
    }
}

impl fmt::Debug for PrivateLayerBlockCipherOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PrivateLayerBlockCipherOptions")
            .field("symkey", &"<redacted>")
            .field("digest", &self.digest)
            .field(
                "cipheroptions",
                &self.cipher_options.keys().collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl PrivateLayerBlockCipherOptions {
    /// Options as ocicrypt writes them for a new layer: key, digest of the plaintext blob and
    /// the IV under `cipheroptions.nonce`.
    pub fn new(symkey: &[u8; 32], nonce: &[u8; 16], digest: impl Into<String>) -> Self {
        let mut cipher_options = BTreeMap::new();
        cipher_options.insert(NONCE_OPTION.to_string(), nonce.to_vec());
        PrivateLayerBlockCipherOptions {
            symkey: symkey.to_vec(),
            digest: digest.into(),
            cipher_options,
        }
    }

    pub fn symkey(&self) -> &[u8] {
        &self.symkey
    }

    /// The descriptor digest of the plaintext layer (may be empty if the producer left it out).
    pub fn digest(&self) -> &str {
        &self.digest
    }

    pub fn cipher_option(&self, name: &str) -> Option<&[u8]> {
        self.cipher_options.get(name).map(Vec::as_slice)
    }

    /// Go's `json.Marshal` output: `{"symkey":…,"digest":…,"cipheroptions":{…}}`.
    pub fn to_json(&self) -> Zeroizing<Vec<u8>> {
        let mut cap = 64 + self.symkey.len() * 2 + self.digest.len() * 6;
        for (k, v) in &self.cipher_options {
            cap += 8 + k.len() * 6 + v.len() * 2;
        }
        // Sized up front so the buffer never reallocates and leaves key copies behind.
        let mut s = Zeroizing::new(String::with_capacity(cap));
        s.push_str("{\"symkey\":\"");
        B64.encode_string(&self.symkey, &mut s);
        s.push_str("\",\"digest\":");
        go_json_string(&self.digest, &mut s);
        s.push_str(",\"cipheroptions\":");
        write_options_map(&self.cipher_options, &mut s);
        s.push('}');
        Zeroizing::new(std::mem::take(&mut *s).into_bytes())
    }

    /// Parses the document leniently (any order, unknown fields, nulls), as Go does.
    pub fn from_json(json: &[u8]) -> Result<Self> {
        let w = parse_wire(json, "private layer options")?;
        Ok(PrivateLayerBlockCipherOptions {
            symkey: w.symkey.0.to_vec(),
            digest: w.digest.unwrap_or_default(),
            cipher_options: options_into_map(w.cipheroptions),
        })
    }
}

/// ocicrypt's `PublicLayerBlockCipherOptions`: cipher name and HMAC, stored in clear in the
/// `org.opencontainers.image.enc.pubopts` annotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicLayerBlockCipherOptions {
    pub cipher: String,
    pub hmac: Vec<u8>,
    pub cipher_options: BTreeMap<String, Vec<u8>>,
}

impl PublicLayerBlockCipherOptions {
    /// Options as ocicrypt writes them: our cipher, the HMAC, empty `cipheroptions`.
    pub fn new(hmac: &[u8]) -> Self {
        PublicLayerBlockCipherOptions {
            cipher: CIPHER_AES_256_CTR_HMAC_SHA256.to_string(),
            hmac: hmac.to_vec(),
            cipher_options: BTreeMap::new(),
        }
    }

    /// Go's `json.Marshal` output: `{"cipher":…,"hmac":…,"cipheroptions":{…}}`.
    pub fn to_json(&self) -> Vec<u8> {
        let mut s = String::with_capacity(128);
        s.push_str("{\"cipher\":");
        go_json_string(&self.cipher, &mut s);
        s.push_str(",\"hmac\":\"");
        B64.encode_string(&self.hmac, &mut s);
        s.push_str("\",\"cipheroptions\":");
        write_options_map(&self.cipher_options, &mut s);
        s.push('}');
        s.into_bytes()
    }

    pub fn from_json(json: &[u8]) -> Result<Self> {
        let w = parse_wire(json, "public layer options")?;
        Ok(PublicLayerBlockCipherOptions {
            cipher: w.cipher.unwrap_or_default(),
            hmac: w.hmac.0.to_vec(),
            cipher_options: options_into_map(w.cipheroptions),
        })
    }

    /// The annotation value: base64 of the JSON.
    pub fn to_annotation(&self) -> String {
        B64.encode(self.to_json())
    }

    pub fn from_annotation(value: &str) -> Result<Self> {
        let json = b64_decode_go(value).map_err(|e| Error::Malformed {
            what: "pubopts annotation",
            detail: format!("invalid base64: {e}"),
        })?;
        Self::from_json(&json)
    }
}

/// Looks up a cipher option the way ocicrypt's `GetOpt` does: public options first, then
/// private ones.
pub fn cipher_option<'a>(
    public: &'a PublicLayerBlockCipherOptions,
    private: &'a PrivateLayerBlockCipherOptions,
    name: &str,
) -> Option<&'a [u8]> {
    public
        .cipher_options
        .get(name)
        .map(Vec::as_slice)
        .or_else(|| private.cipher_option(name))
}

/// The 16-byte IV of a layer, from public or private options.
pub fn nonce(
    public: &PublicLayerBlockCipherOptions,
    private: &PrivateLayerBlockCipherOptions,
) -> Result<[u8; 16]> {
    let n = cipher_option(public, private, NONCE_OPTION).ok_or_else(|| Error::Malformed {
        what: "layer options",
        detail: "no nonce in cipheroptions".into(),
    })?;
    <[u8; 16]>::try_from(n).map_err(|_| Error::Malformed {
        what: "layer options",
        detail: format!("nonce is {} bytes, expected 16", n.len()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const PRIV: &str = r#"{"symkey":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=","digest":"sha256:0e28fe4c51e52c724c4e4fa0569513ad54d1ec73792ab0ee481e90c11f8b79c0","cipheroptions":{"nonce":"AAECAwQFBgcICQoLDA0ODw=="}}"#;
    const PUB: &str = r#"{"cipher":"AES_256_CTR_HMAC_SHA256","hmac":"2/mnaZmvTnwwTd79YwUQtrUYlIyVZWobl+DIqdu05yQ=","cipheroptions":{}}"#;

    fn key() -> [u8; 32] {
        std::array::from_fn(|i| i as u8)
    }

    #[test]
    fn private_matches_go_bytes() {
        let iv: [u8; 16] = std::array::from_fn(|i| i as u8);
        let p = PrivateLayerBlockCipherOptions::new(
            &key(),
            &iv,
            "sha256:0e28fe4c51e52c724c4e4fa0569513ad54d1ec73792ab0ee481e90c11f8b79c0",
        );
        assert_eq!(std::str::from_utf8(&p.to_json()).ok(), Some(PRIV));
        let back = PrivateLayerBlockCipherOptions::from_json(PRIV.as_bytes()).unwrap();
        assert_eq!(back, p);
    }

    #[test]
    fn public_matches_go_bytes() {
        let hmac = B64
            .decode("2/mnaZmvTnwwTd79YwUQtrUYlIyVZWobl+DIqdu05yQ=")
            .unwrap();
        let p = PublicLayerBlockCipherOptions::new(&hmac);
        assert_eq!(String::from_utf8(p.to_json()).unwrap(), PUB);
        assert_eq!(
            PublicLayerBlockCipherOptions::from_annotation(&p.to_annotation()).unwrap(),
            p
        );
    }

    #[test]
    fn lenient_parse() {
        let doc = r#"{"cipheroptions":{"nonce":[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15]},"extra":1,
                     "digest":null,"symkey":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="}"#;
        let p = PrivateLayerBlockCipherOptions::from_json(doc.as_bytes()).unwrap();
        assert_eq!(p.symkey(), &key());
        assert_eq!(p.digest(), "");
        let public = PublicLayerBlockCipherOptions::from_json(b"{\"cipheroptions\":null}").unwrap();
        assert_eq!(nonce(&public, &p).unwrap()[15], 15);
    }

    #[test]
    fn nonce_public_first() {
        let p = PrivateLayerBlockCipherOptions::from_json(PRIV.as_bytes()).unwrap();
        let mut public = PublicLayerBlockCipherOptions::new(&[1; 32]);
        public.cipher_options.insert("nonce".into(), vec![0xaa; 16]);
        assert_eq!(nonce(&public, &p).unwrap(), [0xaa; 16]);
        public.cipher_options.insert("nonce".into(), vec![0xaa; 3]);
        assert!(matches!(nonce(&public, &p), Err(Error::Malformed { .. })));
    }

    #[test]
    fn debug_redacts_key() {
        let p = PrivateLayerBlockCipherOptions::from_json(PRIV.as_bytes()).unwrap();
        let s = format!("{p:?}");
        assert!(!s.contains("AAECAwQF"));
        assert!(s.contains("redacted"));
    }

    #[test]
    fn go_escaping() {
        let mut s = String::new();
        go_json_string("a<b>&\"\\\n\u{1}\u{2028}é", &mut s);
        assert_eq!(s, r#""a\u003cb\u003e\u0026\"\\\n\u0001\u2028é""#);
    }

    #[test]
    fn errors_do_not_quote_input() {
        let e = PrivateLayerBlockCipherOptions::from_json(br#"{"cipheroptions":"SECRETSECRET"}"#)
            .unwrap_err()
            .to_string();
        assert!(!e.contains("SECRET"), "{e}");
        assert!(e.contains("column"), "{e}");
    }

    #[test]
    fn rejects_garbage() {
        assert!(matches!(
            PrivateLayerBlockCipherOptions::from_json(b"{\"symkey\":\"not base64!\"}"),
            Err(Error::Malformed { .. })
        ));
        assert!(PublicLayerBlockCipherOptions::from_annotation("%%%").is_err());
    }
}
