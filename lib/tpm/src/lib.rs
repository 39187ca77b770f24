//! The host side over tss-esapi: EK and its certificate, AIK with credential activation, binding key, quote, certify, RSA decrypt.
#![forbid(unsafe_code)]
