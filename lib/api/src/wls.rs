//! Wire types of the secl Workload Service (`/wls/v1`, `/wls/v2`), the bytes an image-flavor
//! signature covers, and a typed async HTTPS client.
//!
//! The client is a thin wrapper over [`ServiceClient`] like [`crate::client::KbsClient`]: it
//! trusts exactly the CA certificates of one PEM file, refuses plain `http://`, has connect and
//! request timeouts and never shows the bearer token in `Debug`.
//!
//! # What an image-flavor signature covers
//!
//! SecL's WPM signs (RSA PKCS#1 v1.5, SHA-384) the bytes of Go's `json.Marshal` of
//! `{"flavor": ...}`. Re-serialising on the verifier's side would make verification depend on
//! field order, number formatting and string escapes, so the signed bytes are defined on the
//! text as received instead: [`signed_bytes`] is `{"flavor":` + the `flavor` member's JSON text
//! with insignificant whitespace removed + `}`. Go's compact output has no such whitespace, so
//! for a WPM-made flavor these are exactly the bytes WPM signed; a flavor file that was
//! pretty-printed afterwards still verifies; any other change (a reordered key, a re-escaped
//! string) does not.

use std::fmt;
use std::path::Path;

use reqwest::header::CONTENT_TYPE;
use reqwest::{Method, RequestBuilder, Url};
use rustls_pki_types::CertificateDer;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use crate::http::{Error, Result};
use crate::http::{Service, ServiceClient};
use crate::kbs::{TokenRequest, TokenResponse};
use crate::media;

/// The v5 API path (keys); every route is served under [`BASE_PATH_V1`] too.
pub const BASE_PATH: &str = "/wls/v2";
/// The v4 API path (image flavors, keys answering 200).
pub const BASE_PATH_V1: &str = "/wls/v1";

// ----- wire types -------------------------------------------------------------------------

/// `POST /keys`: a host asks for the key of an encrypted image.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyRequest {
    pub hardware_uuid: String,
    /// The layer annotation's `key_url`, e.g. `https://kbs:9443/kbs/v1/keys/<id>/transfer`.
    pub key_url: String,
}

/// `POST /keys` answer: base64 of the KBS's raw SAML-transfer answer (the key wrapped to the
/// host's TPM binding key).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyResponse {
    pub key: String,
}

impl fmt::Debug for KeyResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyResponse").finish_non_exhaustive()
    }
}

/// `flavor_part` values SecL's WLS accepted.
pub const FLAVOR_PARTS: [&str; 2] = ["IMAGE", "CONTAINER_IMAGE"];

/// `meta.description` of an image flavor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlavorDescription {
    /// `CONTAINER_IMAGE` (or `IMAGE` for VM images).
    pub flavor_part: String,
    /// Unique among the WLS's flavors, e.g. `app:1.0`.
    pub label: String,
}

/// `meta` of an image flavor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlavorMeta {
    pub id: Uuid,
    pub description: FlavorDescription,
}

/// `encryption` of an image flavor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlavorEncryption {
    /// The KBS transfer URL of the image's key.
    pub key_url: String,
    /// Digest of the encrypted image (for container images: its manifest), `sha256:<hex>`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
}

/// `integrity` of an image flavor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlavorIntegrity {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notary_url: Option<String>,
}

/// SecL's image flavor (v3 WPM, v4 WLS), fields in WPM's order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImageFlavor {
    pub meta: FlavorMeta,
    pub encryption_required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encryption: Option<FlavorEncryption>,
    #[serde(default)]
    pub integrity_enforced: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integrity: Option<FlavorIntegrity>,
}

/// `{"flavor": ..., "signature": "<base64>"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignedImageFlavor {
    pub flavor: ImageFlavor,
    pub signature: String,
}

/// JSON text with every whitespace character outside strings removed; strings, escapes,
/// numbers and key order are kept byte for byte. The input must be valid JSON (callers parse it
/// first); this only drops RFC 8259 insignificant whitespace.
pub fn minify_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            out.push(c);
        }
    }
    out
}

/// The bytes an image-flavor signature covers, given the `flavor` member's JSON text (see the
/// module documentation).
pub fn signed_bytes(flavor_json: &str) -> Vec<u8> {
    let mut v = b"{\"flavor\":".to_vec();
    v.extend_from_slice(minify_json(flavor_json).as_bytes());
    v.push(b'}');
    v
}

/// The first UUIDv4 in `text` (any case), by SecL's rule
/// `[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}`: its byte offset and
/// value.
pub fn find_uuid_v4(text: &str) -> Option<(usize, Uuid)> {
    let b = text.as_bytes();
    if b.len() < 36 {
        return None;
    }
    (0..=b.len() - 36).find_map(|i| {
        let w = &b[i..i + 36];
        let ok = w.iter().enumerate().all(|(j, c)| match j {
            8 | 13 | 18 | 23 => *c == b'-',
            14 => *c == b'4',
            19 => matches!(c.to_ascii_uppercase(), b'8' | b'9' | b'A' | b'B'),
            _ => c.is_ascii_hexdigit(),
        });
        if !ok {
            return None;
        }
        // Checked ASCII above, so this slice is on character boundaries.
        Uuid::try_parse(&text[i..i + 36]).ok().map(|u| (i, u))
    })
}

// ----- client -----------------------------------------------------------------------------

/// Typed WLS client.
#[derive(Clone, Debug)]
pub struct WlsClient {
    http: ServiceClient,
}

impl WlsClient {
    /// A client for the WLS at `url` (`https://host:5000`, or with `/wls/v1` or `/wls/v2`) that
    /// trusts exactly the CA certificates in the PEM file `ca_pem`.
    pub fn new(url: &str, ca_pem: &Path, token: Option<&str>) -> Result<Self> {
        let http = ServiceClient::with_ca_file(
            Service::Wls,
            url,
            &[BASE_PATH, BASE_PATH_V1],
            ca_pem,
            token,
        )?;
        Ok(Self { http })
    }

    /// Like [`WlsClient::new`] with the CA certificates already parsed.
    pub fn with_ca_certs(
        url: &str,
        certs: Vec<CertificateDer<'static>>,
        what: &str,
        token: Option<&str>,
    ) -> Result<Self> {
        let apis = &[BASE_PATH, BASE_PATH_V1];
        let http = ServiceClient::new(Service::Wls, url, apis, certs, what, token)?;
        Ok(Self { http })
    }

    /// The server's base URL as normalised.
    pub fn base_url(&self) -> &str {
        self.http.base_url()
    }

    fn url(&self, api: &str, segments: &[&str], query: &[(&str, String)]) -> Url {
        self.http.url(api, segments, query)
    }

    /// An authenticated request to `<api>/<segments...>` that accepts JSON.
    fn call(&self, method: Method, api: &str, segments: &[&str]) -> RequestBuilder {
        self.http
            .request(method, self.url(api, segments, &[]), media::JSON)
    }

    /// `GET /wls/v2/version` (no authentication).
    pub async fn version(&self) -> Result<String> {
        let url = self.url(BASE_PATH, &["version"], &[]);
        let rb = self.http.anonymous(Method::GET, url, media::TEXT);
        Ok(self.http.text(rb, "version").await?.trim().to_string())
    }

    /// `POST /wls/v1/flavors` with a signed flavor document sent exactly as given (its
    /// signature covers the text).
    pub async fn upload_flavor(&self, signed_flavor_json: &[u8]) -> Result<SignedImageFlavor> {
        let rb = self
            .call(Method::POST, BASE_PATH_V1, &["flavors"])
            .header(CONTENT_TYPE, media::JSON)
            .body(signed_flavor_json.to_vec());
        self.http.json(rb).await
    }

    /// `GET /wls/v1/flavors?id=&label=`.
    pub async fn list_flavors(
        &self,
        id: Option<Uuid>,
        label: Option<&str>,
    ) -> Result<Vec<SignedImageFlavor>> {
        let mut q = Vec::new();
        if let Some(id) = id {
            q.push(("id", id.to_string()));
        }
        if let Some(l) = label {
            q.push(("label", l.to_string()));
        }
        let url = self.url(BASE_PATH_V1, &["flavors"], &q);
        self.http
            .json(self.http.request(Method::GET, url, media::JSON))
            .await
    }

    /// `GET /wls/v1/flavors/{id}`.
    pub async fn get_flavor(&self, id: Uuid) -> Result<SignedImageFlavor> {
        let rb = self.call(Method::GET, BASE_PATH_V1, &["flavors", &id.to_string()]);
        self.http.json(rb).await
    }

    /// `DELETE /wls/v1/flavors/{id}`.
    pub async fn delete_flavor(&self, id: Uuid) -> Result<()> {
        let rb = self.call(Method::DELETE, BASE_PATH_V1, &["flavors", &id.to_string()]);
        self.http.empty(rb).await
    }

    /// `POST /wls/v2/keys`: the image key wrapped for the host's TPM (base64).
    pub async fn key(&self, req: &KeyRequest) -> Result<KeyResponse> {
        let rb = self.call(Method::POST, BASE_PATH, &["keys"]);
        self.http.json(self.http.with_json(rb, req)?).await
    }

    /// `POST /wls/v2/tokens`; the answer carries the token itself, this once.
    pub async fn create_token(&self, req: &TokenRequest) -> Result<TokenResponse> {
        let rb = self.call(Method::POST, BASE_PATH, &["tokens"]);
        self.http.json(self.http.with_json(rb, req)?).await
    }

    /// `GET /wls/v2/tokens`.
    pub async fn list_tokens(&self) -> Result<Vec<TokenResponse>> {
        self.http
            .json(self.call(Method::GET, BASE_PATH, &["tokens"]))
            .await
    }

    /// `DELETE /wls/v2/tokens/{id}`.
    pub async fn revoke_token(&self, id: Uuid) -> Result<()> {
        let rb = self.call(Method::DELETE, BASE_PATH, &["tokens", &id.to_string()]);
        self.http.empty(rb).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minify_keeps_strings_and_order() {
        let pretty = "{\n  \"b\" : 1,\n  \"a\": \"x y\\\" \\\\\" ,\n \"c\":[ 1 , 2 ]\n}";
        assert_eq!(minify_json(pretty), r#"{"b":1,"a":"x y\" \\","c":[1,2]}"#);
        assert_eq!(
            signed_bytes(" {\"meta\" : {}} "),
            br#"{"flavor":{"meta":{}}}"#.to_vec()
        );
    }

    #[test]
    fn compact_serialisation_is_already_minified() {
        let f = ImageFlavor {
            meta: FlavorMeta {
                id: Uuid::nil(),
                description: FlavorDescription {
                    flavor_part: "CONTAINER_IMAGE".into(),
                    label: "app: 1 ".into(),
                },
            },
            encryption_required: true,
            encryption: Some(FlavorEncryption {
                key_url: "https://kbs/kbs/v1/keys/x/transfer".into(),
                digest: None,
            }),
            integrity_enforced: false,
            integrity: None,
        };
        let text = serde_json::to_string(&f).unwrap();
        assert_eq!(minify_json(&text), text);
        assert!(text.starts_with(r#"{"meta":{"id":"#), "{text}");
    }

    #[test]
    fn uuid_v4_search_follows_secl() {
        let id = "fc0cc779-22b6-4741-b0d9-e2e69635ad1e";
        let url = format!("https://kbs:9443/kbs/v1/keys/{id}/transfer");
        let (at, u) = find_uuid_v4(&url).unwrap();
        assert_eq!(u.to_string(), id);
        assert_eq!(&url[..at], "https://kbs:9443/kbs/v1/keys/");
        // Upper case is found; version 1 and bad variants are not.
        assert!(find_uuid_v4(&id.to_uppercase()).is_some());
        assert!(find_uuid_v4("fc0cc779-22b6-1741-b0d9-e2e69635ad1e").is_none());
        assert!(find_uuid_v4("fc0cc779-22b6-4741-c0d9-e2e69635ad1e").is_none());
        assert!(find_uuid_v4("short").is_none());
        // Multibyte text around it does not trip the search.
        let (_, u) = find_uuid_v4(&format!("ééé/{id}")).unwrap();
        assert_eq!(u.to_string(), id);
    }

    #[test]
    fn client_urls_and_base_forms() {
        for base in [
            "https://wls:5000",
            "https://wls:5000/wls/v2/",
            "https://wls:5000/wls/v1",
        ] {
            let c = WlsClient::with_ca_certs(base, Vec::new(), "x", None);
            // An empty root store is refused by rustls only at handshake time.
            let c = c.unwrap();
            assert_eq!(c.base_url(), "https://wls:5000/");
            assert_eq!(
                c.url(BASE_PATH_V1, &["flavors"], &[("label", "a b".into())])
                    .as_str(),
                "https://wls:5000/wls/v1/flavors?label=a+b"
            );
            assert_eq!(
                c.url(BASE_PATH, &["keys"], &[]).as_str(),
                "https://wls:5000/wls/v2/keys"
            );
        }
        assert!(matches!(
            WlsClient::with_ca_certs("http://wls", Vec::new(), "x", None),
            Err(Error::Config(_))
        ));
    }

    #[test]
    fn debug_hides_token_and_key() {
        let c = WlsClient::with_ca_certs("https://wls", Vec::new(), "x", Some("sekrit")).unwrap();
        assert!(!format!("{c:?}").contains("sekrit"));
        let k = KeyResponse {
            key: "c2VrcmV0".into(),
        };
        assert!(!format!("{k:?}").contains("c2Vr"));
    }
}
