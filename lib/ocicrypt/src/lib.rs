//! ocicrypt-compatible image encryption.
//!
//! * [`cipher`]: the layer cipher `AES_256_CTR_HMAC_SHA256`, streaming, verify-before-publish.
//! * [`options`]: the private and public layer option documents, byte-compatible with Go.
//! * [`media`]: encryptable media types, `+encrypted`, the `org.opencontainers.image.enc.*`
//!   annotations.
//! * [`isecl`]: Intel's key wrapper (`AesPacket`, `AnnotationPacket`), KEK from a KBS.
//! * [`keyprovider`]: the ocicrypt key-provider protocol documents (command and gRPC payloads).
//! * [`reference`]: `oci:DIR[:TAG]` and `docker://HOST[:PORT]/REPO[:TAG]`.
//! * [`layout`], [`registry`]: image sources and destinations, streamed.
//! * [`pipeline`]: encrypt and decrypt whole images over a [`KeyWrapper`], layers in parallel.
#![forbid(unsafe_code)]

pub mod blobfile;
pub mod cipher;
pub mod isecl;
pub mod keyprovider;
pub mod layout;
pub mod media;
pub mod options;
pub mod pipeline;
pub mod reference;
pub mod registry;
pub mod transport;

use std::path::Path;

pub use oci_spec::image::{Descriptor, ImageManifest};

/// Everything that can go wrong, matchable by callers.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The layer's HMAC did not match: the ciphertext was altered or the key is wrong.
    #[error(
        "layer {digest}: authentication failed (HMAC mismatch): the blob was altered or the key is wrong"
    )]
    Authentication { digest: String },
    /// A blob's content does not match the digest or size that names it.
    #[error("blob {expected}: content does not match its digest or size ({detail})")]
    Digest { expected: String, detail: String },
    /// The media type cannot be encrypted by ocicrypt.
    #[error("layer {digest} has media type {media_type}, which ocicrypt cannot encrypt")]
    UnsupportedMediaType { digest: String, media_type: String },
    /// An encrypted layer has no annotation this wrapper can open.
    #[error("layer {digest}: no {scheme} key annotation found{found}")]
    MissingAnnotation {
        digest: String,
        scheme: String,
        /// Other schemes present, for the message.
        found: String,
    },
    /// A key annotation or option document is malformed.
    #[error("malformed {what}: {detail}")]
    Malformed { what: &'static str, detail: String },
    /// Unwrapping the layer key failed (wrong KEK, tampered packet, KBS refused).
    #[error("cannot unwrap the layer key: {0}")]
    Unwrap(String),
    /// Wrapping the layer key failed.
    #[error("cannot wrap the layer key: {0}")]
    Wrap(String),
    /// An image reference could not be parsed.
    #[error("invalid image reference {reference:?}: {detail}")]
    Reference { reference: String, detail: String },
    /// Layer selection (`--layer`) names layers that do not exist.
    #[error("layer index {index} is out of range: the image has {count} layers")]
    LayerIndex { index: i64, count: usize },
    /// The image is not something this tool handles (an index, a v2s1 manifest, ...).
    #[error("unsupported image: {0}")]
    Unsupported(String),
    /// The registry failed or refused.
    #[error("registry {registry}: {detail}")]
    Registry { registry: String, detail: String },
    /// Local file trouble.
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

impl Error {
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        Error::Io {
            path: path.display().to_string(),
            source,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Where an image is read from. Implementations stream: nothing holds a whole blob in memory.
#[async_trait::async_trait]
pub trait ImageSource: Send + Sync {
    /// The image manifest (an OCI image manifest; Docker v2s2 is converted by the source).
    async fn manifest(&self) -> Result<ImageManifest>;
    /// A local file that already holds the blob (an OCI layout does), to read in place.
    fn local_blob(&self, desc: &Descriptor) -> Option<std::path::PathBuf>;
    /// Copies the blob into `to`, checking its digest and size.
    async fn fetch_blob(&self, desc: &Descriptor, to: &Path) -> Result<()>;
    /// Human description for messages.
    fn describe(&self) -> String;
}

/// Where an image is written to.
#[async_trait::async_trait]
pub trait ImageDest: Send + Sync {
    /// A directory on the destination's filesystem for staging blobs (so a layout can rename
    /// a finished file into place instead of copying it). Files staged there are private
    /// (0600) and never visible under their final name until `put_blob`.
    fn staging_dir(&self) -> &Path;
    /// Stores the staged file as the blob `desc` (may move the file).
    async fn put_blob(&self, desc: &Descriptor, staged: &Path) -> Result<()>;
    /// True if the destination already holds this blob (skip the upload).
    async fn has_blob(&self, desc: &Descriptor) -> Result<bool>;
    /// Writes the manifest last, making the image visible (for layouts: index.json, tag).
    async fn put_manifest(&self, manifest: &ImageManifest) -> Result<()>;
    /// Called when the operation failed before `put_manifest`: removes everything this
    /// destination wrote (a new layout directory disappears entirely), so a failure leaves no
    /// output behind.
    async fn abort(&self);
    fn describe(&self) -> String;
}

/// Progress of a long operation, per layer. Implementations must be cheap and thread-safe; the
/// CLI draws progress bars with it.
pub trait Progress: Send + Sync {
    /// Work on layer `index` (manifest order) begins; `total` bytes will pass.
    fn start(&self, index: usize, digest: &str, total: u64);
    /// `bytes` more bytes of layer `index` were processed.
    fn advance(&self, index: usize, bytes: u64);
    /// Layer `index` is finished (successfully or not).
    fn finish(&self, index: usize);
}

/// A [`Progress`] that ignores everything.
pub struct NoProgress;

impl Progress for NoProgress {
    fn start(&self, _: usize, _: &str, _: u64) {}
    fn advance(&self, _: usize, _: u64) {}
    fn finish(&self, _: usize) {}
}

/// Wraps and unwraps the private layer options (ocicrypt's key-wrap schemes).
#[async_trait::async_trait]
pub trait KeyWrapper: Send + Sync {
    /// The scheme, e.g. `provider.isecl`: the annotation is
    /// `org.opencontainers.image.enc.keys.<scheme>`.
    fn scheme(&self) -> &str;
    /// Wraps the private options JSON; the result is base64-encoded into the annotation.
    async fn wrap(&self, private_options: &[u8]) -> Result<Vec<u8>>;
    /// Unwraps one (base64-decoded) annotation entry back to the private options JSON.
    async fn unwrap(&self, annotation: &[u8]) -> Result<zeroize::Zeroizing<Vec<u8>>>;
}

pub use isecl::{IseclWrapper, KekMode, KekSource};
pub use layout::{LayoutDest, LayoutSource};
pub use pipeline::{
    DecryptOptions, EncryptOptions, LayerAction, LayerInfo, LayerReport, LayerSelection, Report,
    decrypt_image, encrypt_image, inspect,
};
pub use reference::{ImageRef, TagOrDigest};
