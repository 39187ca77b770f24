//! What a verifier needs without a TPM: TPM 2.0 structures, quote and certify verification,
//! MakeCredential, and the PrivacyCA that issues AIK and binding-key certificates (and the
//! checks a KBS makes on them). Pure Rust; nothing here talks to a TPM.
//!
//! * [`tpm2`]: TPMS_ATTEST, TPMT_SIGNATURE, TPMT_PUBLIC parsers and TPM names.
//! * [`verify`]: TPM2_Quote and TPM2_Certify verification.
//! * [`privacy_ca`]: MakeCredential, the PrivacyCA, certificate chain and binding checks.
#![forbid(unsafe_code)]

mod der;
pub mod error;
pub mod privacy_ca;
pub mod tpm2;
pub mod verify;

pub use error::{ChainError, Error, Result};
