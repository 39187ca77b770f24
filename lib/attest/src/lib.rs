//! What a verifier needs without a TPM: TPM2 structures, quote and certify verification, MakeCredential, the PrivacyCA, flavors and trust evaluation.
#![forbid(unsafe_code)]
