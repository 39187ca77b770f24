//! Media types used on the wire (SecL's names).

pub const JSON: &str = "application/json";
pub const TEXT: &str = "text/plain";
pub const PEM_FILE: &str = "application/x-pem-file";
pub const SAML: &str = "application/samlassertion+xml";
pub const OCTET_STREAM: &str = "application/octet-stream";
