//! The image owner's side of key handling.
//!
//! Keys stay in the owner's KBS. To encrypt (or, as the owner, decrypt) an image, `secl` asks the
//! KBS for the key by envelope transfer: the KBS wraps it with RSA-OAEP-SHA384 to the owner's
//! local envelope key (RSA-3072, made on first use, private part 0600), and only this process
//! unwraps it. The unwrapped key is the KEK that seals each layer's private options (Intel's
//! isecl key wrapper).
#![forbid(unsafe_code)]

mod envelope;
mod kek;

pub use envelope::{EnvelopeError, EnvelopeKey};
pub use kek::{KbsKekSource, KeyChoice, key_id_from_url};
