//! Helpers shared by the pipeline tests: hand-made tar layers, OCI layouts built on disk,
//! a toy key wrapper and a recording progress.
#![allow(dead_code)]

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use oci_spec::image::{Descriptor, Digest, ImageManifest, MediaType};
use secl_ocicrypt::layout::{LayoutSource, REF_NAME_ANNOTATION, canonical_manifest_json};
use secl_ocicrypt::{Error, ImageSource, KeyWrapper, Progress, Result};
use sha2::{Digest as _, Sha256};
use zeroize::Zeroizing;

pub const TAR: &str = "application/vnd.oci.image.layer.v1.tar";
pub const TAR_GZ: &str = "application/vnd.oci.image.layer.v1.tar+gzip";
pub const DOCKER_GZ: &str = "application/vnd.docker.image.rootfs.diff.tar.gzip";
pub const FOREIGN: &str = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";

pub fn sha256(b: &[u8]) -> String {
    format!("sha256:{}", hex::encode(Sha256::digest(b)))
}

/// A minimal ustar archive of regular files.
pub fn tar(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    for (name, data) in files {
        let mut h = [0u8; 512];
        h[..name.len()].copy_from_slice(name.as_bytes());
        h[100..108].copy_from_slice(b"0000644\0");
        h[108..116].copy_from_slice(b"0000000\0");
        h[116..124].copy_from_slice(b"0000000\0");
        h[124..136].copy_from_slice(format!("{:011o}\0", data.len()).as_bytes());
        h[136..148].copy_from_slice(b"00000000000\0");
        h[148..156].copy_from_slice(b"        ");
        h[156] = b'0';
        h[257..263].copy_from_slice(b"ustar\0");
        h[263..265].copy_from_slice(b"00");
        let sum: u32 = h.iter().map(|&b| u32::from(b)).sum();
        h[148..156].copy_from_slice(format!("{sum:06o}\0 ").as_bytes());
        out.extend_from_slice(&h);
        out.extend_from_slice(data);
        out.resize(out.len().div_ceil(512) * 512, 0);
    }
    out.resize(out.len() + 1024, 0);
    out
}

/// Pseudo-random bytes (a stand-in for compressed layer content).
pub fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut s = seed.wrapping_mul(0x9e3779b97f4a7c15) | 1;
    (0..len)
        .map(|_| {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s as u8
        })
        .collect()
}

pub fn write_blob(dir: &Path, bytes: &[u8]) -> String {
    let d = sha256(bytes);
    let p = dir.join("blobs/sha256").join(&d[7..]);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, bytes).unwrap();
    d
}

pub fn blob_path(dir: &Path, digest: &str) -> PathBuf {
    dir.join("blobs/sha256")
        .join(digest.strip_prefix("sha256:").unwrap())
}

pub fn read_blob(dir: &Path, digest: &str) -> Vec<u8> {
    std::fs::read(blob_path(dir, digest)).unwrap()
}

pub fn desc(media_type: &str, digest: &str, size: usize) -> Descriptor {
    Descriptor::new(
        MediaType::from(media_type),
        size as u64,
        Digest::try_from(digest).unwrap(),
    )
}

/// A layer to build: media type, blob bytes, annotations.
pub type Layer = (String, Vec<u8>, Option<HashMap<String, String>>);

/// The three layers most tests use: plain tar (with an annotation that must survive), a
/// "gzip" layer of 300 KiB noise, and a Docker gzip layer.
pub fn standard_layers() -> Vec<Layer> {
    let mut keep = HashMap::new();
    keep.insert("org.example.keep".to_string(), "me".to_string());
    vec![
        (
            TAR.into(),
            tar(&[("etc/hello", b"hello world\n"), ("bin/x", &noise(3000, 1))]),
            Some(keep),
        ),
        // Over 4 MiB: written with direct I/O where the filesystem allows (see `blobfile`).
        (TAR_GZ.into(), noise(5 * 1024 * 1024 + 7, 2), None),
        (DOCKER_GZ.into(), noise(1000, 3), None),
    ]
}

/// Writes an OCI layout at `dir` with one image tagged `tag` (adds to an existing layout).
pub fn build_layout(dir: &Path, tag: &str, layers: &[Layer]) -> ImageManifest {
    std::fs::create_dir_all(dir.join("blobs/sha256")).unwrap();
    std::fs::write(dir.join("oci-layout"), br#"{"imageLayoutVersion":"1.0.0"}"#).unwrap();
    let mut descs = Vec::new();
    let mut diff_ids = Vec::new();
    for (mt, bytes, ann) in layers {
        let d = write_blob(dir, bytes);
        diff_ids.push(format!("\"{}\"", sha256(bytes)));
        let mut de = desc(mt, &d, bytes.len());
        de.set_annotations(ann.clone());
        descs.push(de);
    }
    let config = format!(
        r#"{{"architecture":"amd64","os":"linux","config":{{}},"rootfs":{{"type":"layers","diff_ids":[{}]}}}}"#,
        diff_ids.join(",")
    );
    let cd = write_blob(dir, config.as_bytes());
    let manifest: ImageManifest = serde_json::from_value(serde_json::json!({
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": cd, "size": config.len()},
        "layers": descs,
    }))
    .unwrap();
    set_manifest(dir, tag, &manifest);
    manifest
}

/// Writes `manifest` as a blob and points `tag` at it in index.json (replacing the old entry).
pub fn set_manifest(dir: &Path, tag: &str, manifest: &ImageManifest) {
    let bytes = canonical_manifest_json(manifest).unwrap();
    let d = write_blob(dir, &bytes);
    let index_path = dir.join("index.json");
    let mut index: serde_json::Value = std::fs::read(&index_path)
        .ok()
        .map(|b| serde_json::from_slice(&b).unwrap())
        .unwrap_or_else(|| serde_json::json!({"schemaVersion": 2, "manifests": []}));
    let list = index["manifests"].as_array_mut().unwrap();
    list.retain(|m| m["annotations"][REF_NAME_ANNOTATION] != tag);
    list.push(serde_json::json!({
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "digest": d,
        "size": bytes.len(),
        "annotations": {REF_NAME_ANNOTATION: tag},
    }));
    std::fs::write(index_path, serde_json::to_vec(&index).unwrap()).unwrap();
}

pub async fn manifest_of(dir: &Path, tag: &str) -> ImageManifest {
    LayoutSource::open(dir, tag)
        .await
        .unwrap()
        .manifest()
        .await
        .unwrap()
}

/// Every file under `dir`, relative, sorted (to prove a failed run changed nothing).
pub fn tree(dir: &Path) -> BTreeSet<String> {
    fn walk(base: &Path, d: &Path, out: &mut BTreeSet<String>) {
        for e in std::fs::read_dir(d).unwrap() {
            let e = e.unwrap();
            let p = e.path();
            out.insert(p.strip_prefix(base).unwrap().display().to_string());
            if e.file_type().unwrap().is_dir() {
                walk(base, &p, out);
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(dir, dir, &mut out);
    out
}

/// Copies a layout directory (blobs included) for tamper tests.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dst = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dst);
        } else {
            std::fs::copy(e.path(), dst).unwrap();
        }
    }
}

/// A toy key wrapper: "TOY:" + the options XORed with a one-byte secret. Unit-level stand-in
/// for the KBS-backed wrapper.
pub struct Toy {
    pub scheme: String,
    pub secret: u8,
    pub wraps: AtomicUsize,
    pub unwraps: AtomicUsize,
}

impl Toy {
    pub fn new(scheme: &str, secret: u8) -> Self {
        Toy {
            scheme: scheme.to_string(),
            secret,
            wraps: AtomicUsize::new(0),
            unwraps: AtomicUsize::new(0),
        }
    }
}

#[async_trait::async_trait]
impl KeyWrapper for Toy {
    fn scheme(&self) -> &str {
        &self.scheme
    }
    async fn wrap(&self, opts: &[u8]) -> Result<Vec<u8>> {
        self.wraps.fetch_add(1, Ordering::SeqCst);
        let mut out = b"TOY:".to_vec();
        out.push(self.secret);
        out.extend(opts.iter().map(|b| b ^ self.secret));
        Ok(out)
    }
    async fn unwrap(&self, ann: &[u8]) -> Result<Zeroizing<Vec<u8>>> {
        self.unwraps.fetch_add(1, Ordering::SeqCst);
        match ann.strip_prefix(b"TOY:") {
            Some([s, rest @ ..]) if *s == self.secret => Ok(Zeroizing::new(
                rest.iter().map(|b| b ^ self.secret).collect(),
            )),
            Some(_) => Err(Error::Unwrap("toy: wrong secret".into())),
            None => Err(Error::Malformed {
                what: "toy annotation",
                detail: "not a toy annotation".into(),
            }),
        }
    }
}

/// Records progress calls.
#[derive(Default)]
pub struct Recorder {
    pub started: Mutex<HashMap<usize, u64>>,
    pub bytes: Mutex<HashMap<usize, u64>>,
    pub finished: Mutex<Vec<usize>>,
}

impl Progress for Recorder {
    fn start(&self, index: usize, _digest: &str, total: u64) {
        self.started.lock().unwrap().insert(index, total);
    }
    fn advance(&self, index: usize, bytes: u64) {
        *self.bytes.lock().unwrap().entry(index).or_default() += bytes;
    }
    fn finish(&self, index: usize) {
        self.finished.lock().unwrap().push(index);
    }
}

/// An image source that has no local files, so the pipeline must fetch into staging (like a
/// registry).
pub struct FetchOnly(pub LayoutSource);

#[async_trait::async_trait]
impl ImageSource for FetchOnly {
    async fn manifest(&self) -> Result<ImageManifest> {
        self.0.manifest().await
    }
    fn local_blob(&self, _: &Descriptor) -> Option<PathBuf> {
        None
    }
    async fn fetch_blob(&self, desc: &Descriptor, to: &Path) -> Result<()> {
        self.0.fetch_blob(desc, to).await
    }
    fn describe(&self) -> String {
        format!("fetch-only {}", self.0.describe())
    }
}
