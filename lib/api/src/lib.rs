//! Wire types shared by the secl servers and the `secl` CLI, the SecL permission model and
//! typed HTTPS clients for the KBS, HVS and WLS.
//!
//! The JSON shapes follow Intel SecL-DC v5.1 so that SecL clients and servers interoperate with
//! ours; where SecL is silent (tokens, audit) the shapes are this project's own.
#![forbid(unsafe_code)]

pub mod client;
pub mod http;
pub mod hvs;
pub mod kbs;
pub mod media;
pub mod permission;
pub mod wls;

pub use http::{Error, Message, Service, ServiceClient};
pub use permission::{Permission, Rule};
