//! The host side over tss-esapi: EK and its certificate, AIK with credential activation, binding key, quote, certify, RSA decrypt.
//!
//! Flow 2 of the design (host provisioning) and the unwrap step of flow 5 run through here:
//! read the EK and its certificate, create an AIK and activate the PrivacyCA's credential for
//! it, create the binding key and certify it with the AIK, quote PCRs, and finally unwrap the
//! KBS's key with TPM2_RSA_Decrypt.
//!
//! Keys live as [`KeyBlobs`] (TPM2B_PUBLIC and the TPM2B_PRIVATE the TPM encrypted under the
//! storage primary) and are loaded under that primary. The primary itself is made persistent
//! once, at [`SRK_HANDLE`] ([`Tpm::persist_storage_primary`]), because deriving it
//! (TPM2_CreatePrimary, an RSA key generation) costs tens of milliseconds per call on swtpm;
//! [`Tpm::open_with_storage_primary`] then uses it after checking its name. Plain
//! [`Tpm::open`] still re-derives it from the TCG SRK template (the same key after any
//! restart), for callers that have no recorded name.
//!
//! Binding key scheme: the key carries OAEP-SHA256 (SecL's carries NULL and picks OAEP at
//! decrypt time). Both decrypt the KBS's wrap alike; with the scheme in the key, the TPM
//! refuses every other padding, so the key cannot serve as a raw-RSA or PKCS#1 v1.5 oracle.
#![forbid(unsafe_code)]

mod blobs;
mod error;
mod tcti;
mod templates;
mod tpm;

pub use blobs::{EkPublic, KeyBlobs, TPM_ALG_SHA256, name, public_area, public_key_der};
pub use error::{Error, Result};
pub use tpm::{
    ASSET_TAG_NV_INDEX, EK_CERT_NV_INDEX, EK_HANDLE, MAX_AUTH_LEN, MAX_NV_WRITE, OAEP_LABEL,
    PCR_COUNT, PcrBank, Quote, SECL_CERTIFY_QUALIFYING_DATA, SRK_HANDLE, Tpm,
};
pub use zeroize::Zeroizing;
