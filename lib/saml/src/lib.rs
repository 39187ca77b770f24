//! SAML trust reports: building, signing (enveloped XML-DSig, RSA-SHA256, C14N with comments) and strict verification.
#![forbid(unsafe_code)]
