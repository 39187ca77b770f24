//! Typed async HTTPS client for the KBS (`/kbs/v1`), a thin wrapper over
//! [`ServiceClient`](crate::http::ServiceClient).
//!
//! The client trusts exactly the CA certificates of one PEM file the caller names; there is no way
//! to turn certificate verification off. Plain `http://` URLs are refused so that a bearer token
//! never travels in clear text.
//!
//! Call [`install_crypto_provider`] once at process start (the client itself does not depend on a
//! process-wide provider, but other rustls users in the process may).

use std::path::Path;

use reqwest::header::CONTENT_TYPE;
use reqwest::{Method, RequestBuilder, Url};
use rustls_pki_types::CertificateDer;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use uuid::Uuid;

use crate::http::ServiceClient;
pub use crate::http::{
    CONNECT_TIMEOUT, Error, Message, REQUEST_TIMEOUT, Result, Service, ca_certs_from_pem,
    install_crypto_provider,
};
use crate::kbs::{
    AuditRecord, BASE_PATH, CertKind, Certificate, KeyRequest, KeyResponse, KeyTransferPolicy,
    KeyTransferPolicyRequest, KeyTransferResponse, TokenRequest, TokenResponse,
};
use crate::media;

/// Filters of `GET /kbs/v1/keys`; only set fields are sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeyFilter {
    pub algorithm: Option<String>,
    pub key_length: Option<u32>,
    pub curve_type: Option<String>,
    pub transfer_policy_id: Option<Uuid>,
}

/// Filters of a certificate search; only set fields are sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CertFilter {
    pub subject_equal_to: Option<String>,
    pub subject_contains: Option<String>,
    pub issuer_equal_to: Option<String>,
    pub issuer_contains: Option<String>,
    pub valid_on: Option<OffsetDateTime>,
    pub valid_before: Option<OffsetDateTime>,
    pub valid_after: Option<OffsetDateTime>,
}

/// Filters of `GET /kbs/v1/audit`; only set fields are sent.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Only records with a sequence number greater than this.
    pub after: Option<u64>,
    pub limit: Option<usize>,
    pub key_id: Option<Uuid>,
    pub action: Option<String>,
}

/// Typed KBS client.
#[derive(Clone, Debug)]
pub struct KbsClient {
    http: ServiceClient,
}

impl KbsClient {
    /// A client for the KBS at `url` that trusts exactly the CA certificates in the PEM file
    /// `ca_pem`. `token` is the bearer token, if any (only `version` works without one).
    pub fn new(url: &str, ca_pem: &Path, token: Option<&str>) -> Result<Self> {
        let http = ServiceClient::with_ca_file(Service::Kbs, url, &[BASE_PATH], ca_pem, token)?;
        Ok(Self { http })
    }

    /// Like [`KbsClient::new`] with the CA certificates already parsed; `what` names them in
    /// errors.
    pub fn with_ca_certs(
        url: &str,
        certs: Vec<CertificateDer<'static>>,
        what: &str,
        token: Option<&str>,
    ) -> Result<Self> {
        let http = ServiceClient::new(Service::Kbs, url, &[BASE_PATH], certs, what, token)?;
        Ok(Self { http })
    }

    /// The server's base URL as normalised (without `/kbs/v1`).
    pub fn base_url(&self) -> &str {
        self.http.base_url()
    }

    /// URL of `/kbs/v1/<segments...>` with the given query pairs.
    fn url(&self, segments: &[&str], query: &[(&str, String)]) -> Url {
        self.http.url(BASE_PATH, segments, query)
    }

    /// An authenticated request to `/kbs/v1/<segments...>` that accepts JSON.
    fn call(&self, method: Method, segments: &[&str], query: &[(&str, String)]) -> RequestBuilder {
        self.http
            .request(method, self.url(segments, query), media::JSON)
    }

    /// `GET /kbs/v1/version` (no authentication).
    pub async fn version(&self) -> Result<String> {
        let rb = self
            .http
            .anonymous(Method::GET, self.url(&["version"], &[]), media::TEXT);
        Ok(self.http.text(rb, "version").await?.trim().to_string())
    }

    /// `POST /kbs/v1/keys`.
    pub async fn create_key(&self, req: &KeyRequest) -> Result<KeyResponse> {
        let rb = self.call(Method::POST, &["keys"], &[]);
        self.http.json(self.http.with_json(rb, req)?).await
    }

    /// `GET /kbs/v1/keys?...`.
    pub async fn list_keys(&self, filter: &KeyFilter) -> Result<Vec<KeyResponse>> {
        let mut q = Vec::new();
        if let Some(a) = &filter.algorithm {
            q.push(("algorithm", a.clone()));
        }
        if let Some(l) = filter.key_length {
            q.push(("keyLength", l.to_string()));
        }
        if let Some(c) = &filter.curve_type {
            q.push(("curveType", c.clone()));
        }
        if let Some(p) = filter.transfer_policy_id {
            q.push(("transferPolicyId", p.to_string()));
        }
        self.http.json(self.call(Method::GET, &["keys"], &q)).await
    }

    /// `GET /kbs/v1/keys/{id}`.
    pub async fn get_key(&self, id: Uuid) -> Result<KeyResponse> {
        let rb = self.call(Method::GET, &["keys", &id.to_string()], &[]);
        self.http.json(rb).await
    }

    /// `DELETE /kbs/v1/keys/{id}`.
    pub async fn delete_key(&self, id: Uuid) -> Result<()> {
        let rb = self.call(Method::DELETE, &["keys", &id.to_string()], &[]);
        self.http.empty(rb).await
    }

    /// `POST /kbs/v1/keys/{id}` with a PEM `PUBLIC KEY`: the key wrapped for that public key.
    pub async fn transfer_key(
        &self,
        id: Uuid,
        public_key_pem: &str,
    ) -> Result<KeyTransferResponse> {
        let rb = self
            .call(Method::POST, &["keys", &id.to_string()], &[])
            .header(CONTENT_TYPE, media::TEXT)
            .body(public_key_pem.to_string());
        self.http.json(rb).await
    }

    /// `POST /kbs/v1/{saml,tpm-identity}-certificates` with a PEM chain.
    pub async fn import_cert(&self, kind: CertKind, pem: &[u8]) -> Result<Certificate> {
        let rb = self
            .call(Method::POST, &[kind.path()], &[])
            .header(CONTENT_TYPE, media::PEM_FILE)
            .body(pem.to_vec());
        self.http.json(rb).await
    }

    /// `GET /kbs/v1/{saml,tpm-identity}-certificates?...`.
    pub async fn list_certs(
        &self,
        kind: CertKind,
        filter: &CertFilter,
    ) -> Result<Vec<Certificate>> {
        let mut q = Vec::new();
        let strings = [
            ("subjectEqualTo", &filter.subject_equal_to),
            ("subjectContains", &filter.subject_contains),
            ("issuerEqualTo", &filter.issuer_equal_to),
            ("issuerContains", &filter.issuer_contains),
        ];
        for (name, value) in strings {
            if let Some(v) = value {
                q.push((name, v.clone()));
            }
        }
        let times = [
            ("validOn", filter.valid_on),
            ("validBefore", filter.valid_before),
            ("validAfter", filter.valid_after),
        ];
        for (name, value) in times {
            if let Some(t) = value {
                let t = t
                    .format(&Rfc3339)
                    .map_err(|e| Error::Config(format!("cannot format {name}: {e}")))?;
                q.push((name, t));
            }
        }
        self.http
            .json(self.call(Method::GET, &[kind.path()], &q))
            .await
    }

    /// `GET /kbs/v1/{saml,tpm-identity}-certificates/{id}`.
    pub async fn get_cert(&self, kind: CertKind, id: Uuid) -> Result<Certificate> {
        let rb = self.call(Method::GET, &[kind.path(), &id.to_string()], &[]);
        self.http.json(rb).await
    }

    /// `DELETE /kbs/v1/{saml,tpm-identity}-certificates/{id}`.
    pub async fn delete_cert(&self, kind: CertKind, id: Uuid) -> Result<()> {
        let rb = self.call(Method::DELETE, &[kind.path(), &id.to_string()], &[]);
        self.http.empty(rb).await
    }

    /// `POST /kbs/v1/key-transfer-policies`.
    pub async fn create_policy(&self, req: &KeyTransferPolicyRequest) -> Result<KeyTransferPolicy> {
        let rb = self.call(Method::POST, &["key-transfer-policies"], &[]);
        self.http.json(self.http.with_json(rb, req)?).await
    }

    /// `GET /kbs/v1/key-transfer-policies`.
    pub async fn list_policies(&self) -> Result<Vec<KeyTransferPolicy>> {
        let rb = self.call(Method::GET, &["key-transfer-policies"], &[]);
        self.http.json(rb).await
    }

    /// `GET /kbs/v1/key-transfer-policies/{id}`.
    pub async fn get_policy(&self, id: Uuid) -> Result<KeyTransferPolicy> {
        let rb = self.call(
            Method::GET,
            &["key-transfer-policies", &id.to_string()],
            &[],
        );
        self.http.json(rb).await
    }

    /// `PUT /kbs/v1/key-transfer-policies/{id}`.
    pub async fn update_policy(
        &self,
        id: Uuid,
        req: &KeyTransferPolicyRequest,
    ) -> Result<KeyTransferPolicy> {
        let rb = self.call(
            Method::PUT,
            &["key-transfer-policies", &id.to_string()],
            &[],
        );
        self.http.json(self.http.with_json(rb, req)?).await
    }

    /// `DELETE /kbs/v1/key-transfer-policies/{id}`.
    pub async fn delete_policy(&self, id: Uuid) -> Result<()> {
        let rb = self.call(
            Method::DELETE,
            &["key-transfer-policies", &id.to_string()],
            &[],
        );
        self.http.empty(rb).await
    }

    /// `POST /kbs/v1/tokens`; the answer carries the token itself, this once.
    pub async fn create_token(&self, req: &TokenRequest) -> Result<TokenResponse> {
        let rb = self.call(Method::POST, &["tokens"], &[]);
        self.http.json(self.http.with_json(rb, req)?).await
    }

    /// `GET /kbs/v1/tokens`.
    pub async fn list_tokens(&self) -> Result<Vec<TokenResponse>> {
        self.http
            .json(self.call(Method::GET, &["tokens"], &[]))
            .await
    }

    /// `DELETE /kbs/v1/tokens/{id}`.
    pub async fn revoke_token(&self, id: Uuid) -> Result<()> {
        let rb = self.call(Method::DELETE, &["tokens", &id.to_string()], &[]);
        self.http.empty(rb).await
    }

    /// `GET /kbs/v1/audit?...`.
    pub async fn audit(&self, filter: &AuditFilter) -> Result<Vec<AuditRecord>> {
        let mut q = Vec::new();
        if let Some(a) = filter.after {
            q.push(("after", a.to_string()));
        }
        if let Some(l) = filter.limit {
            q.push(("limit", l.to_string()));
        }
        if let Some(k) = filter.key_id {
            q.push(("keyId", k.to_string()));
        }
        if let Some(a) = &filter.action {
            q.push(("action", a.clone()));
        }
        self.http.json(self.call(Method::GET, &["audit"], &q)).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(url: &str) -> KbsClient {
        KbsClient::with_ca_certs(url, Vec::new(), "test", None).unwrap()
    }

    #[test]
    fn urls_are_built_with_encoded_queries() {
        let c = client("https://kbs:9443/kbs/v1/");
        assert_eq!(c.base_url(), "https://kbs:9443/");
        assert_eq!(
            c.url(&["keys"], &[]).as_str(),
            "https://kbs:9443/kbs/v1/keys"
        );
        assert_eq!(
            c.url(
                &["saml-certificates"],
                &[("subjectContains", "a b&c".into())]
            )
            .as_str(),
            "https://kbs:9443/kbs/v1/saml-certificates?subjectContains=a+b%26c"
        );
        let c = client("https://gw/prefix");
        assert_eq!(
            c.url(&["version"], &[]).as_str(),
            "https://gw/prefix/kbs/v1/version"
        );
    }

    #[test]
    fn debug_redacts_the_token() {
        let c =
            KbsClient::with_ca_certs("https://kbs", Vec::new(), "t", Some("sekrit-token")).unwrap();
        let dbg = format!("{c:?}");
        assert!(!dbg.contains("sekrit"), "{dbg}");
        assert!(dbg.contains("redacted"), "{dbg}");
    }

    #[test]
    fn plain_http_is_refused() {
        assert!(matches!(
            KbsClient::with_ca_certs("http://kbs:9443", Vec::new(), "t", None),
            Err(Error::Config(_))
        ));
    }
}
