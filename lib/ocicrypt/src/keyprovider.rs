//! The ocicrypt key-provider protocol: one JSON document in, one out, for both the command
//! variant (stdin/stdout) and the gRPC variant (field 1 of `KeyProviderService` messages).
//!
//! Requests carry *every* parameter of the skopeo run, including other schemes' private keys
//! and `null` passwords, so the types here tolerate nulls anywhere and their `Debug` output shows
//! only parameter names and counts.

use std::collections::HashMap;
use std::fmt;

use base64::Engine;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::options::{B64, GoBytes, redacted_json_error};
use crate::{Error, KeyWrapper, Result};

/// `op` of a wrap request.
pub const OP_KEYWRAP: &str = "keywrap";
/// `op` of an unwrap request.
pub const OP_KEYUNWRAP: &str = "keyunwrap";

/// Go's `map[string][][]byte` of encrypt/decrypt parameters; `null` lists and `null` entries
/// allowed (Go sends `"privkeys-passwords":[null]`).
#[derive(Default, Clone, Deserialize)]
#[serde(transparent)]
pub struct Parameters(HashMap<String, Option<Vec<GoBytes>>>);

impl Parameters {
    /// The values of `name` (an empty list if absent); `null` entries come back empty.
    pub fn get(&self, name: &str) -> Vec<Vec<u8>> {
        self.0
            .get(name)
            .and_then(Option::as_ref)
            .map(|l| l.iter().map(|b| b.0.to_vec()).collect())
            .unwrap_or_default()
    }

    /// True if the run named `name` (ocicrypt calls a provider for wrapping only then).
    pub fn contains(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }

    /// Parameter names, sorted (safe to show).
    pub fn names(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.0.keys().map(String::as_str).collect();
        v.sort_unstable();
        v
    }
}

impl fmt::Debug for Parameters {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut m = f.debug_map();
        for name in self.names() {
            let n = self
                .0
                .get(name)
                .and_then(Option::as_ref)
                .map_or(0, Vec::len);
            m.entry(&name, &format_args!("<{n} value(s) redacted>"));
        }
        m.finish()
    }
}

/// Go's `config.DecryptConfig` (no JSON tags, hence `Parameters`).
#[derive(Default, Clone, Debug, Deserialize)]
pub struct DecryptConfig {
    #[serde(rename = "Parameters", alias = "parameters", default)]
    pub parameters: Option<Parameters>,
}

/// Go's `config.EncryptConfig`.
#[derive(Default, Clone, Debug, Deserialize)]
pub struct EncryptConfig {
    #[serde(rename = "Parameters", alias = "parameters", default)]
    pub parameters: Option<Parameters>,
    #[serde(rename = "DecryptConfig", alias = "decryptconfig", default)]
    pub decrypt_config: Option<DecryptConfig>,
}

#[derive(Default, Clone, Deserialize)]
pub struct KeyWrapParams {
    #[serde(default)]
    pub ec: Option<EncryptConfig>,
    /// The private layer options to wrap (base64 on the wire).
    #[serde(default, deserialize_with = "opt_go_bytes")]
    pub optsdata: Option<Zeroizing<Vec<u8>>>,
}

impl fmt::Debug for KeyWrapParams {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyWrapParams")
            .field("ec", &self.ec)
            .field(
                "optsdata",
                &self
                    .optsdata
                    .as_ref()
                    .map(|o| format!("<{} bytes redacted>", o.len())),
            )
            .finish()
    }
}

#[derive(Default, Clone, Debug, Deserialize)]
pub struct KeyUnwrapParams {
    #[serde(default)]
    pub dc: Option<DecryptConfig>,
    /// One annotation entry (base64 on the wire); not secret.
    #[serde(default, deserialize_with = "opt_go_bytes_plain")]
    pub annotation: Option<Vec<u8>>,
}

/// `KeyProviderKeyWrapProtocolInput`.
#[derive(Default, Clone, Debug, Deserialize)]
pub struct KeyProviderInput {
    #[serde(default)]
    pub op: Option<String>,
    #[serde(default)]
    pub keywrapparams: Option<KeyWrapParams>,
    #[serde(default)]
    pub keyunwrapparams: Option<KeyUnwrapParams>,
}

fn opt_go_bytes<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<Zeroizing<Vec<u8>>>, D::Error> {
    Option::<GoBytes>::deserialize(d).map(|o| o.map(|b| b.0).filter(|b| !b.is_empty()))
}

fn opt_go_bytes_plain<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> std::result::Result<Option<Vec<u8>>, D::Error> {
    opt_go_bytes(d).map(|o| o.map(|b| b.to_vec()))
}

impl KeyProviderInput {
    /// Parses a request; the error never quotes the document (it may hold private keys).
    pub fn from_json(json: &[u8]) -> Result<Self> {
        serde_json::from_slice(json).map_err(|e| Error::Malformed {
            what: "keyprovider request",
            detail: redacted_json_error(&e),
        })
    }

    pub fn op(&self) -> &str {
        self.op.as_deref().unwrap_or("")
    }

    /// The parameters relevant to the operation: `ec.Parameters` for keywrap,
    /// `dc.Parameters` for keyunwrap.
    pub fn parameters(&self) -> Option<&Parameters> {
        match self.op() {
            OP_KEYWRAP => self
                .keywrapparams
                .as_ref()?
                .ec
                .as_ref()?
                .parameters
                .as_ref(),
            OP_KEYUNWRAP => self
                .keyunwrapparams
                .as_ref()?
                .dc
                .as_ref()?
                .parameters
                .as_ref(),
            _ => None,
        }
    }

    /// Only this provider's values (`Parameters[name]`), never the other schemes' keys.
    pub fn params_for(&self, name: &str) -> Vec<Vec<u8>> {
        self.parameters().map(|p| p.get(name)).unwrap_or_default()
    }
}

#[derive(Serialize)]
struct WrapResults<'a> {
    annotation: &'a str,
}

#[derive(Serialize)]
struct UnwrapResults<'a> {
    optsdata: &'a str,
}

#[derive(Serialize)]
struct Output<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    keywrapresults: Option<WrapResults<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    keyunwrapresults: Option<UnwrapResults<'a>>,
}

/// `{"keywrapresults":{"annotation":"<b64>"}}`.
pub fn keywrap_response(annotation: &[u8]) -> Vec<u8> {
    let b64 = B64.encode(annotation);
    let out = Output {
        keywrapresults: Some(WrapResults { annotation: &b64 }),
        keyunwrapresults: None,
    };
    serde_json::to_vec(&out).unwrap_or_default()
}

/// `{"keyunwrapresults":{"optsdata":"<b64>"}}`. Holds the layer key: zeroized on drop.
pub fn keyunwrap_response(optsdata: &[u8]) -> Zeroizing<Vec<u8>> {
    let b64 = Zeroizing::new(B64.encode(optsdata));
    let mut buf = Zeroizing::new(Vec::with_capacity(b64.len() + 40));
    let out = Output {
        keywrapresults: None,
        keyunwrapresults: Some(UnwrapResults { optsdata: &b64 }),
    };
    // Writing into a pre-sized Vec cannot fail and does not reallocate.
    let _ = serde_json::to_writer(&mut *buf, &out);
    buf
}

/// Builds a keywrap request the way ocicrypt 1.1 does (`dc` and `annotation` as nulls), for
/// running an external provider.
pub fn keywrap_request(parameters: &[(&str, &[&[u8]])], optsdata: &[u8]) -> Zeroizing<Vec<u8>> {
    let params: serde_json::Map<String, serde_json::Value> = parameters
        .iter()
        .map(|(k, vs)| {
            let list = vs.iter().map(|v| B64.encode(v).into()).collect();
            (k.to_string(), serde_json::Value::Array(list))
        })
        .collect();
    let optsdata = Zeroizing::new(B64.encode(optsdata));
    let doc = serde_json::json!({
        "op": OP_KEYWRAP,
        "keywrapparams": {
            "ec": {"Parameters": params, "DecryptConfig": {"Parameters": {}}},
            "optsdata": *optsdata,
        },
        "keyunwrapparams": {"dc": null, "annotation": null},
    });
    Zeroizing::new(serde_json::to_vec(&doc).unwrap_or_default())
}

/// Builds a keyunwrap request like ocicrypt 1.1's.
pub fn keyunwrap_request(parameters: &[(&str, &[&[u8]])], annotation: &[u8]) -> Vec<u8> {
    let params: serde_json::Map<String, serde_json::Value> = parameters
        .iter()
        .map(|(k, vs)| {
            let list = vs.iter().map(|v| B64.encode(v).into()).collect();
            (k.to_string(), serde_json::Value::Array(list))
        })
        .collect();
    let doc = serde_json::json!({
        "op": OP_KEYUNWRAP,
        "keywrapparams": {"ec": null, "optsdata": null},
        "keyunwrapparams": {"dc": {"Parameters": params}, "annotation": B64.encode(annotation)},
    });
    serde_json::to_vec(&doc).unwrap_or_default()
}

#[derive(Deserialize)]
struct OutputIn {
    #[serde(default)]
    keywrapresults: Option<ResultsIn>,
    #[serde(default)]
    keyunwrapresults: Option<ResultsIn>,
}

#[derive(Deserialize)]
struct ResultsIn {
    #[serde(default, deserialize_with = "opt_go_bytes")]
    annotation: Option<Zeroizing<Vec<u8>>>,
    #[serde(default, deserialize_with = "opt_go_bytes")]
    optsdata: Option<Zeroizing<Vec<u8>>>,
}

/// Parses a provider's keywrap answer into the annotation bytes (before base64).
pub fn parse_keywrap_response(json: &[u8]) -> Result<Vec<u8>> {
    let o: OutputIn = serde_json::from_slice(json).map_err(|e| Error::Malformed {
        what: "keyprovider response",
        detail: e.to_string(),
    })?;
    o.keywrapresults
        .and_then(|r| r.annotation)
        .map(|a| a.to_vec())
        .ok_or_else(|| Error::Wrap("the key provider returned no annotation".into()))
}

/// Parses a provider's keyunwrap answer into the private options JSON.
pub fn parse_keyunwrap_response(json: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
    let o: OutputIn = serde_json::from_slice(json).map_err(|e| Error::Malformed {
        what: "keyprovider response",
        detail: redacted_json_error(&e),
    })?;
    o.keyunwrapresults
        .and_then(|r| r.optsdata)
        .ok_or_else(|| Error::Unwrap("the key provider returned no optsdata".into()))
}

/// Serves one key-provider request for the provider `name` with `wrapper`; returns the response
/// JSON. An error means "exit non-zero" (command) or "return a gRPC error", which makes ocicrypt
/// try its next provider. The unwrap response holds the layer key: callers should write it out
/// and zeroize it.
pub async fn handle(request_json: &[u8], name: &str, wrapper: &dyn KeyWrapper) -> Result<Vec<u8>> {
    let req = KeyProviderInput::from_json(request_json)?;
    match req.op() {
        OP_KEYWRAP => {
            let params = req
                .keywrapparams
                .as_ref()
                .ok_or_else(|| Error::Wrap("keywrap request without keywrapparams".into()))?;
            let named = params
                .ec
                .as_ref()
                .and_then(|ec| ec.parameters.as_ref())
                .is_some_and(|p| p.contains(name));
            if !named {
                return Err(Error::Wrap(format!(
                    "provider {name:?} was not requested (no ec.Parameters[{name:?}])"
                )));
            }
            let optsdata = params
                .optsdata
                .as_ref()
                .ok_or_else(|| Error::Wrap("keywrap request without optsdata".into()))?;
            let annotation = wrapper.wrap(optsdata).await?;
            Ok(keywrap_response(&annotation))
        }
        OP_KEYUNWRAP => {
            let annotation = req
                .keyunwrapparams
                .as_ref()
                .and_then(|p| p.annotation.as_deref())
                .ok_or_else(|| Error::Unwrap("keyunwrap request without annotation".into()))?;
            let optsdata = wrapper.unwrap(annotation).await?;
            Ok(keyunwrap_response(&optsdata).to_vec())
        }
        other => Err(Error::Unsupported(format!(
            "key-provider operation {other:?}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Shape of skopeo 1.18's keywrap request (section 3.2 of the reference), full length.
    const WRAP_REQ: &str = r#"{"op":"keywrap","keywrapparams":{"ec":{"Parameters":{"toy":["YW55"]},"DecryptConfig":{"Parameters":{}}},"optsdata":"eyJzeW1rZXkiOiJkS3pkY2FlYU9YaEdMK1ZFam1BT082czMrY251bEJ3YjhMaEtGTGRmNkswPSIsImRpZ2VzdCI6InNoYTI1NjpjMTU3OWNhZjM4ZWFlZjc4YzYwZTliMTlmOWViY2NkMTRmZWM4N2E1MWE0OWNjZWM2MmIxMzIyY2JhMzBmNmU4IiwiY2lwaGVyb3B0aW9ucyI6eyJub25jZSI6IndRRDZOL0o4cXk3TzFxTDhHbis2ekE9PSJ9fQ=="},"keyunwrapparams":{"dc":null,"annotation":null}}"#;

    /// Shape of the keyunwrap request with another scheme's private key and a null password.
    const UNWRAP_REQ: &str = r#"{"op":"keyunwrap","keywrapparams":{"ec":null,"optsdata":null},"keyunwrapparams":{"dc":{"Parameters":{"privkeys":["LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tClNFQ1JFVAo="],"privkeys-passwords":[null],"toy":["RW5hYmxlZA=="]}},"annotation":"eyJraWQiOiJsYWIifQ=="}}"#;

    const OPTS: &str = r#"{"symkey":"dKzdcaeaOXhGL+VEjmAOO6s3+cnulBwb8LhKFLdf6K0=","digest":"sha256:c1579caf38eaef78c60e9b19f9ebccd14fec87a51a49ccec62b1322cba30f6e8","cipheroptions":{"nonce":"wQD6N/J8qy7O1qL8Gn+6zA=="}}"#;

    #[test]
    fn parses_captured_requests() {
        let w = KeyProviderInput::from_json(WRAP_REQ.as_bytes()).unwrap();
        assert_eq!(w.op(), OP_KEYWRAP);
        assert_eq!(w.params_for("toy"), vec![b"any".to_vec()]);
        assert!(w.params_for("other").is_empty());
        let opts = w.keywrapparams.as_ref().unwrap().optsdata.as_ref().unwrap();
        assert_eq!(opts.as_slice(), OPTS.as_bytes());

        let u = KeyProviderInput::from_json(UNWRAP_REQ.as_bytes()).unwrap();
        assert_eq!(u.op(), OP_KEYUNWRAP);
        assert_eq!(u.params_for("toy"), vec![b"Enabled".to_vec()]);
        assert_eq!(u.params_for("privkeys-passwords"), vec![Vec::<u8>::new()]);
        assert_eq!(
            u.keyunwrapparams.as_ref().unwrap().annotation.as_deref(),
            Some(&b"{\"kid\":\"lab\"}"[..])
        );
        let dbg = format!("{u:?} {w:?}");
        assert!(
            !dbg.contains("LS0t") && !dbg.contains("SECRET") && !dbg.contains("symkey"),
            "{dbg}"
        );
        assert!(dbg.contains("privkeys"));
    }

    #[test]
    fn tolerates_nulls() {
        for doc in [
            r#"{"op":"keywrap","keywrapparams":{"ec":{"Parameters":{"isecl":["RW5hYmxlZA=="]},"DecryptConfig":{"Parameters":null}},"optsdata":"e30="},"keyunwrapparams":{"dc":null,"annotation":null}}"#,
            r#"{"op":"keywrap","keywrapparams":{"ec":{"Parameters":{"isecl":null,"x":[null]},"DecryptConfig":null},"optsdata":null},"keyunwrapparams":null}"#,
            r#"{"op":"keyunwrap","keywrapparams":null,"keyunwrapparams":{"dc":{"Parameters":null},"annotation":null}}"#,
            r#"{"op":"keyunwrap"}"#,
            r#"{"op":null,"keywrapparams":{"ec":{"Parameters":{"a":[[1,2,3]]}}}}"#,
        ] {
            KeyProviderInput::from_json(doc.as_bytes()).unwrap_or_else(|e| panic!("{doc}: {e}"));
        }
        assert!(
            KeyProviderInput::from_json(
                b"{\"op\":\"keywrap\",\"keywrapparams\":{\"optsdata\":\"abc\"}}"
            )
            .is_err()
        );
        assert!(KeyProviderInput::from_json(b"not json").is_err());
        let e = KeyProviderInput::from_json(
            br#"{"op":"keyunwrap","keyunwrapparams":{"dc":{"Parameters":{"privkeys":"PRIVATEKEY"}}}}"#,
        )
        .unwrap_err()
        .to_string();
        assert!(!e.contains("PRIVATEKEY"), "{e}");
    }

    #[test]
    fn responses() {
        assert_eq!(
            keywrap_response(b"{\"kid\":\"lab\"}"),
            br#"{"keywrapresults":{"annotation":"eyJraWQiOiJsYWIifQ=="}}"#
        );
        assert_eq!(
            keyunwrap_response(b"{}").as_slice(),
            br#"{"keyunwrapresults":{"optsdata":"e30="}}"#
        );
        assert_eq!(
            parse_keywrap_response(br#"{"keywrapresults":{"annotation":"eyJraWQiOiJsYWIifQ=="},"keyunwrapresults":{"optsdata":null}}"#)
                .unwrap(),
            b"{\"kid\":\"lab\"}"
        );
        assert!(parse_keyunwrap_response(br#"{"keyunwrapresults":{"optsdata":null}}"#).is_err());
        let req = keywrap_request(&[("isecl", &[b"Enabled"])], b"{}");
        let parsed = KeyProviderInput::from_json(&req).unwrap();
        assert_eq!(parsed.params_for("isecl"), vec![b"Enabled".to_vec()]);
        let req = keyunwrap_request(&[("isecl", &[b"Enabled"])], b"ann");
        let parsed = KeyProviderInput::from_json(&req).unwrap();
        assert_eq!(parsed.keyunwrapparams.unwrap().annotation.unwrap(), b"ann");
    }

    /// Wraps by prefixing "W:" so tests can see what happened.
    struct Toy;
    #[async_trait::async_trait]
    impl KeyWrapper for Toy {
        fn scheme(&self) -> &str {
            "provider.toy"
        }
        async fn wrap(&self, p: &[u8]) -> Result<Vec<u8>> {
            Ok([b"W:".as_slice(), p].concat())
        }
        async fn unwrap(&self, a: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
            a.strip_prefix(b"W:")
                .map(|p| Zeroizing::new(p.to_vec()))
                .ok_or_else(|| Error::Unwrap("not mine".into()))
        }
    }

    #[tokio::test]
    async fn handle_round_trip() {
        let resp = handle(WRAP_REQ.as_bytes(), "toy", &Toy).await.unwrap();
        let ann = parse_keywrap_response(&resp).unwrap();
        assert_eq!(ann, [b"W:".as_slice(), OPTS.as_bytes()].concat());

        // Not named in ec.Parameters: refuse.
        assert!(matches!(
            handle(WRAP_REQ.as_bytes(), "isecl", &Toy).await,
            Err(Error::Wrap(_))
        ));

        let req = keyunwrap_request(&[("toy", &[b"Enabled"])], &ann);
        let resp = handle(&req, "toy", &Toy).await.unwrap();
        assert_eq!(
            parse_keyunwrap_response(&resp).unwrap().as_slice(),
            OPTS.as_bytes()
        );

        // A foreign annotation must fail so ocicrypt tries the next provider.
        assert!(handle(UNWRAP_REQ.as_bytes(), "toy", &Toy).await.is_err());
        assert!(matches!(
            handle(br#"{"op":"frobnicate"}"#, "toy", &Toy).await,
            Err(Error::Unsupported(_))
        ));
    }
}
