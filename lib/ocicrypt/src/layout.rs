//! OCI image layouts (`oci-layout`, `index.json`, `blobs/sha256/…`) as image source and
//! destination.
//!
//! The destination never shows a half-written image: blobs are staged privately and renamed
//! into place, `index.json` is replaced atomically, and a layout that did not exist before is
//! built in a hidden sibling directory that only gets its real name in
//! [`ImageDest::put_manifest`]. [`ImageDest::abort`] (and dropping an unfinished destination)
//! removes whatever this run added.

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Read, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use oci_spec::image::{Descriptor, DigestAlgorithm, ImageManifest, MediaType};
use rand::Rng;
use serde_json::Value;
use sha2::{Digest as _, Sha256};

use crate::cipher::{CHUNK_SIZE, ProgressFn, sha256_string};
use crate::{Error, ImageDest, ImageSource, Result};

/// Annotation that names a manifest in `index.json` (skopeo's `oci:DIR:TAG`).
pub const REF_NAME_ANNOTATION: &str = "org.opencontainers.image.ref.name";
const OCI_LAYOUT_FILE: &str = "oci-layout";
const INDEX_FILE: &str = "index.json";
const LAYOUT_VERSION_JSON: &[u8] = b"{\"imageLayoutVersion\":\"1.0.0\"}";
/// Manifests and index files are small; refuse to read absurd ones into memory.
const MAX_METADATA_SIZE: u64 = 8 << 20;

/// 16 random hex characters for temporary names.
pub fn unique_suffix() -> String {
    let mut b = [0u8; 8];
    rand::rng().fill_bytes(&mut b);
    hex::encode(b)
}

/// Creates a new file readable only by its owner (0600); fails if it exists. Staged plaintext
/// must never be readable by others, not even briefly.
pub fn create_private_file(path: &Path) -> Result<File> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| Error::io(path, e))
}

fn create_private_dir(path: &Path) -> Result<()> {
    fs::DirBuilder::new()
        .mode(0o700)
        .create(path)
        .map_err(|e| Error::io(path, e))
}

/// Runs blocking file work off the async threads.
pub(crate) async fn blocking<T, F>(f: F) -> Result<T>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T> + Send + 'static,
{
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| Error::Io {
            path: "<worker thread>".into(),
            source: std::io::Error::other(e.to_string()),
        })?
}

/// Copies `input` to `output` while checking that it is exactly the blob `digest`/`size` names.
pub fn copy_verified(
    input: &mut dyn Read,
    input_name: &Path,
    output: &mut dyn Write,
    output_name: &Path,
    digest: &str,
    size: u64,
    progress: ProgressFn<'_>,
) -> Result<()> {
    if !digest.starts_with("sha256:") {
        return Err(Error::Unsupported(format!(
            "blob {digest}: only sha256 digests can be verified"
        )));
    }
    let mut buf = vec![0u8; CHUNK_SIZE.min(usize::try_from(size).unwrap_or(CHUNK_SIZE).max(4096))];
    let mut hash = Sha256::new();
    let mut total = 0u64;
    loop {
        let n = match input.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(Error::io(input_name, e)),
        };
        total += n as u64;
        if total > size {
            return Err(Error::Digest {
                expected: digest.to_string(),
                detail: format!("blob is larger than the {size} bytes its descriptor says"),
            });
        }
        hash.update(&buf[..n]);
        output
            .write_all(&buf[..n])
            .map_err(|e| Error::io(output_name, e))?;
        progress(n as u64)?;
    }
    output.flush().map_err(|e| Error::io(output_name, e))?;
    let got = sha256_string(hash);
    if total != size || got != digest {
        return Err(Error::Digest {
            expected: digest.to_string(),
            detail: format!("got {got}, {total} bytes; descriptor says {size} bytes"),
        });
    }
    Ok(())
}

/// Copies the file `src` into a new private file `dst`, verifying digest and size; `dst` is
/// removed on failure.
pub fn copy_file_verified(
    src: &Path,
    dst: &Path,
    digest: &str,
    size: u64,
    progress: ProgressFn<'_>,
) -> Result<()> {
    let mut input = File::open(src).map_err(|e| Error::io(src, e))?;
    let mut output = create_private_file(dst)?;
    // Not fsync'ed, like layer blobs: see `cipher::encrypt_file`.
    let res = copy_verified(&mut input, src, &mut output, dst, digest, size, progress);
    if res.is_err() {
        drop(output);
        let _ = fs::remove_file(dst);
    }
    res
}

/// `root/blobs/<alg>/<hex>` for the digests a layout can hold (sha256, sha512); the digest
/// syntax was validated by oci-spec, so the path cannot escape `root`.
pub fn blob_path(root: &Path, desc: &Descriptor) -> Option<PathBuf> {
    let d = desc.digest();
    let alg = match d.algorithm() {
        DigestAlgorithm::Sha256 => "sha256",
        DigestAlgorithm::Sha512 => "sha512",
        _ => return None,
    };
    let hex = d.digest();
    if hex.is_empty() || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    Some(root.join("blobs").join(alg).join(hex))
}

fn sort_annotation_maps(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for (k, child) in map.iter_mut() {
                if k == "annotations"
                    && let Value::Object(a) = child
                {
                    a.sort_keys();
                }
                sort_annotation_maps(child);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(sort_annotation_maps),
        _ => {}
    }
}

/// Deterministic JSON for a manifest (annotation maps sorted like Go sorts maps), so the same
/// image always gets the same manifest digest.
pub fn canonical_manifest_json(manifest: &ImageManifest) -> Result<Vec<u8>> {
    let malformed = |e: serde_json::Error| Error::Malformed {
        what: "manifest",
        detail: e.to_string(),
    };
    let mut v = serde_json::to_value(manifest).map_err(malformed)?;
    sort_annotation_maps(&mut v);
    serde_json::to_vec(&v).map_err(malformed)
}

fn read_small(path: &Path) -> Result<Vec<u8>> {
    let meta = fs::metadata(path).map_err(|e| Error::io(path, e))?;
    if meta.len() > MAX_METADATA_SIZE {
        return Err(Error::Unsupported(format!(
            "{}: {} bytes is too large for image metadata",
            path.display(),
            meta.len()
        )));
    }
    fs::read(path).map_err(|e| Error::io(path, e))
}

fn check_layout_marker(dir: &Path) -> Result<()> {
    let path = dir.join(OCI_LAYOUT_FILE);
    let bytes = read_small(&path)?;
    let v: Value = serde_json::from_slice(&bytes).map_err(|e| Error::Malformed {
        what: "oci-layout file",
        detail: e.to_string(),
    })?;
    match v.get("imageLayoutVersion").and_then(Value::as_str) {
        Some("1.0.0") => Ok(()),
        other => Err(Error::Unsupported(format!(
            "{}: image layout version {other:?}, expected \"1.0.0\"",
            path.display()
        ))),
    }
}

fn read_index(dir: &Path) -> Result<Value> {
    let bytes = read_small(&dir.join(INDEX_FILE))?;
    let v: Value = serde_json::from_slice(&bytes).map_err(|e| Error::Malformed {
        what: "index.json",
        detail: e.to_string(),
    })?;
    if !v.get("manifests").is_none_or(Value::is_array) || !v.is_object() {
        return Err(Error::Malformed {
            what: "index.json",
            detail: "\"manifests\" is not an array".into(),
        });
    }
    Ok(v)
}

fn ref_name(entry: &Value) -> Option<&str> {
    entry.get("annotations")?.get(REF_NAME_ANNOTATION)?.as_str()
}

/// An image in an OCI layout directory, read in place.
pub struct LayoutSource {
    dir: PathBuf,
    tag: String,
    manifest_desc: Descriptor,
}

impl LayoutSource {
    /// Opens `dir` and resolves `tag` through the `org.opencontainers.image.ref.name` annotations
    /// of `index.json`. A layout with a single untagged manifest also answers to `latest`.
    pub async fn open(dir: impl Into<PathBuf>, tag: &str) -> Result<Self> {
        let dir = dir.into();
        let tag = tag.to_string();
        blocking(move || Self::open_sync(dir, tag)).await
    }

    fn open_sync(dir: PathBuf, tag: String) -> Result<Self> {
        check_layout_marker(&dir)?;
        let index = read_index(&dir)?;
        let manifests = index
            .get("manifests")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let mut found = manifests
            .iter()
            .filter(|m| ref_name(m) == Some(tag.as_str()));
        let entry = match (found.next(), found.next()) {
            (Some(e), None) => e,
            (Some(_), Some(_)) => {
                return Err(Error::Unsupported(format!(
                    "{}: index.json names more than one manifest {tag:?}",
                    dir.display()
                )));
            }
            (None, _)
                if tag == "latest" && manifests.len() == 1 && ref_name(&manifests[0]).is_none() =>
            {
                &manifests[0]
            }
            (None, _) => {
                let mut tags: Vec<&str> = manifests.iter().filter_map(ref_name).collect();
                tags.sort_unstable();
                return Err(Error::Reference {
                    reference: format!("oci:{}:{tag}", dir.display()),
                    detail: if tags.is_empty() {
                        "the layout has no tagged image".into()
                    } else {
                        format!("no image tagged {tag:?}; tags present: {}", tags.join(", "))
                    },
                });
            }
        };
        let manifest_desc: Descriptor =
            serde_json::from_value(entry.clone()).map_err(|e| Error::Malformed {
                what: "index.json manifest descriptor",
                detail: e.to_string(),
            })?;
        match manifest_desc.media_type() {
            MediaType::ImageManifest => {}
            MediaType::ImageIndex => {
                return Err(Error::Unsupported(format!(
                    "oci:{}:{tag} is an image index (multi-platform image); copy one platform first",
                    dir.display()
                )));
            }
            other => {
                return Err(Error::Unsupported(format!(
                    "oci:{}:{tag} has manifest media type {other}",
                    dir.display()
                )));
            }
        }
        Ok(LayoutSource {
            dir,
            tag,
            manifest_desc,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The `index.json` entry of the image.
    pub fn manifest_descriptor(&self) -> &Descriptor {
        &self.manifest_desc
    }
}

fn unsupported_digest(desc: &Descriptor) -> Error {
    Error::Unsupported(format!(
        "blob digest {}: only sha256 and sha512 blobs are supported",
        desc.digest()
    ))
}

#[async_trait::async_trait]
impl ImageSource for LayoutSource {
    async fn manifest(&self) -> Result<ImageManifest> {
        let desc = self.manifest_desc.clone();
        let path = blob_path(&self.dir, &desc).ok_or_else(|| unsupported_digest(&desc))?;
        blocking(move || {
            if desc.size() > MAX_METADATA_SIZE {
                return Err(Error::Unsupported(format!(
                    "manifest {} is {} bytes",
                    desc.digest(),
                    desc.size()
                )));
            }
            let bytes = read_small(&path)?;
            let mut sink = Vec::with_capacity(bytes.len());
            copy_verified(
                &mut bytes.as_slice(),
                &path,
                &mut sink,
                &path,
                desc.digest().as_ref(),
                desc.size(),
                &mut |_| Ok(()),
            )?;
            serde_json::from_slice(&bytes).map_err(|e| Error::Malformed {
                what: "image manifest",
                detail: e.to_string(),
            })
        })
        .await
    }

    fn local_blob(&self, desc: &Descriptor) -> Option<PathBuf> {
        blob_path(&self.dir, desc)
    }

    async fn fetch_blob(&self, desc: &Descriptor, to: &Path) -> Result<()> {
        let src = blob_path(&self.dir, desc).ok_or_else(|| unsupported_digest(desc))?;
        let to = to.to_path_buf();
        let digest = desc.digest().to_string();
        let size = desc.size();
        blocking(move || copy_file_verified(&src, &to, &digest, size, &mut |_| Ok(()))).await
    }

    fn describe(&self) -> String {
        format!("oci:{}:{}", self.dir.display(), self.tag)
    }
}

#[derive(Default)]
struct DestState {
    /// Blob files this run created that did not exist before (removed by `abort`).
    added: Vec<PathBuf>,
    /// Committed or aborted: nothing left to clean up.
    finished: bool,
}

/// Writes an image into an OCI layout directory under a tag, all-or-nothing.
pub struct LayoutDest {
    /// The directory the user named.
    dir: PathBuf,
    /// Where files are written: `dir` for an existing layout, else a hidden sibling.
    root: PathBuf,
    /// `dir` did not exist (or was empty): `root` is renamed to `dir` on commit.
    fresh: bool,
    tag: String,
    staging: PathBuf,
    state: Mutex<DestState>,
}

impl LayoutDest {
    /// Prepares writing `tag` into the layout `dir`. An existing layout keeps its other tags;
    /// a missing (or empty) directory is created only when the manifest is written.
    pub async fn create(dir: impl Into<PathBuf>, tag: &str) -> Result<Self> {
        let dir = dir.into();
        let tag = tag.to_string();
        blocking(move || Self::create_sync(dir, tag)).await
    }

    fn create_sync(dir: PathBuf, tag: String) -> Result<Self> {
        if tag.is_empty() {
            return Err(Error::Reference {
                reference: format!("oci:{}:", dir.display()),
                detail: "empty tag".into(),
            });
        }
        let fresh = match fs::metadata(&dir) {
            Err(e) if e.kind() == ErrorKind::NotFound => true,
            Err(e) => return Err(Error::io(&dir, e)),
            Ok(m) if !m.is_dir() => {
                return Err(Error::Unsupported(format!(
                    "{} exists and is not a directory",
                    dir.display()
                )));
            }
            Ok(_) if dir.join(OCI_LAYOUT_FILE).exists() => {
                check_layout_marker(&dir)?;
                if dir.join(INDEX_FILE).exists() {
                    read_index(&dir)?;
                }
                false
            }
            Ok(_) => {
                let mut entries = fs::read_dir(&dir).map_err(|e| Error::io(&dir, e))?;
                if entries.next().is_some() {
                    return Err(Error::Unsupported(format!(
                        "{} is not empty and is not an OCI image layout (no oci-layout file)",
                        dir.display()
                    )));
                }
                true
            }
        };
        let root = if fresh {
            let name = dir.file_name().ok_or_else(|| Error::Reference {
                reference: format!("oci:{}", dir.display()),
                detail: "cannot create a layout at this path; name a directory".into(),
            })?;
            let parent = match dir.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
            let root = parent.join(format!(
                ".{}.secl-tmp-{}",
                name.to_string_lossy(),
                unique_suffix()
            ));
            fs::create_dir(&root).map_err(|e| Error::io(&root, e))?;
            let marker = root.join(OCI_LAYOUT_FILE);
            if let Err(e) = fs::write(&marker, LAYOUT_VERSION_JSON) {
                let _ = fs::remove_dir_all(&root);
                return Err(Error::io(&marker, e));
            }
            root
        } else {
            dir.clone()
        };
        let blobs = root.join("blobs");
        let staging = blobs.join(format!(".staging-{}", unique_suffix()));
        let res = fs::create_dir_all(blobs.join("sha256"))
            .map_err(|e| Error::io(&blobs, e))
            .and_then(|()| create_private_dir(&staging));
        if let Err(e) = res {
            if fresh {
                let _ = fs::remove_dir_all(&root);
            }
            return Err(e);
        }
        Ok(LayoutDest {
            dir,
            root,
            fresh,
            tag,
            staging,
            state: Mutex::new(DestState::default()),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn record_added(&self, path: PathBuf) {
        if let Ok(mut s) = self.state.lock() {
            s.added.push(path);
        }
    }

    /// Moves `staged` to `target` unless it is already there; returns whether it was added.
    fn install_blob(&self, staged: &Path, target: &Path) -> Result<bool> {
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        if target.exists() {
            let _ = fs::remove_file(staged);
            return Ok(false);
        }
        match fs::rename(staged, target) {
            Ok(()) => {}
            Err(e) if e.kind() == ErrorKind::CrossesDevices => {
                // Staged elsewhere: copy onto our filesystem first, then rename atomically.
                let tmp = self.staging.join(format!("xdev-{}", unique_suffix()));
                let res = (|| {
                    let mut out = create_private_file(&tmp)?;
                    let mut input = File::open(staged).map_err(|e| Error::io(staged, e))?;
                    std::io::copy(&mut input, &mut out).map_err(|e| Error::io(&tmp, e))?;
                    out.sync_all().map_err(|e| Error::io(&tmp, e))?;
                    fs::rename(&tmp, target).map_err(|e| Error::io(target, e))
                })();
                if res.is_err() {
                    let _ = fs::remove_file(&tmp);
                }
                res?;
                let _ = fs::remove_file(staged);
            }
            Err(e) => return Err(Error::io(target, e)),
        }
        self.record_added(target.to_path_buf());
        Ok(true)
    }

    fn commit(&self, manifest: &ImageManifest) -> Result<()> {
        let mut manifest = manifest.clone();
        if manifest.media_type().is_none() {
            manifest.set_media_type(Some(MediaType::ImageManifest));
        }
        let bytes = canonical_manifest_json(&manifest)?;
        let mut h = Sha256::new();
        h.update(&bytes);
        let digest = sha256_string(h);
        let desc: Descriptor = Descriptor::new(
            MediaType::ImageManifest,
            bytes.len() as u64,
            oci_spec::image::Digest::try_from(digest.as_str()).map_err(|e| Error::Malformed {
                what: "manifest digest",
                detail: e.to_string(),
            })?,
        );
        let target = blob_path(&self.root, &desc).ok_or_else(|| unsupported_digest(&desc))?;
        let staged = self.staging.join(format!("manifest-{}", unique_suffix()));
        write_file_synced(&staged, &bytes)?;
        self.install_blob(&staged, &target)?;

        let mut index = if !self.fresh && self.root.join(INDEX_FILE).exists() {
            read_index(&self.root)?
        } else {
            serde_json::json!({
                "schemaVersion": 2,
                "mediaType": "application/vnd.oci.image.index.v1+json",
                "manifests": [],
            })
        };
        let mut annotations = HashMap::new();
        annotations.insert(REF_NAME_ANNOTATION.to_string(), self.tag.clone());
        let mut entry_desc = desc;
        entry_desc.set_annotations(Some(annotations));
        let entry = serde_json::to_value(&entry_desc).map_err(|e| Error::Malformed {
            what: "index.json",
            detail: e.to_string(),
        })?;
        if let Some(obj) = index.as_object_mut() {
            let list = obj
                .entry("manifests")
                .or_insert_with(|| Value::Array(Vec::new()));
            if !list.is_array() {
                *list = Value::Array(Vec::new());
            }
            if let Value::Array(items) = list {
                items.retain(|m| ref_name(m) != Some(self.tag.as_str()));
                items.push(entry);
            }
        }
        let index_bytes = serde_json::to_vec(&index).map_err(|e| Error::Malformed {
            what: "index.json",
            detail: e.to_string(),
        })?;
        let _ = fs::remove_dir_all(&self.staging);
        sync_dir(&self.root.join("blobs").join("sha256"));
        let tmp_index = self
            .root
            .join(format!(".index.json.tmp-{}", unique_suffix()));
        write_file_synced(&tmp_index, &index_bytes)?;
        let index_path = self.root.join(INDEX_FILE);
        if let Err(e) = fs::rename(&tmp_index, &index_path) {
            let _ = fs::remove_file(&tmp_index);
            return Err(Error::io(&index_path, e));
        }
        sync_dir(&self.root);
        if self.fresh {
            // An empty directory at `dir` is replaced by rename(2); anything else makes it fail.
            fs::rename(&self.root, &self.dir).map_err(|e| Error::io(&self.dir, e))?;
            if let Some(p) = self.dir.parent() {
                sync_dir(if p.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    p
                });
            }
        }
        if let Ok(mut s) = self.state.lock() {
            s.finished = true;
        }
        Ok(())
    }

    fn rollback(&self) {
        let added = match self.state.lock() {
            Ok(mut s) if !s.finished => {
                s.finished = true;
                std::mem::take(&mut s.added)
            }
            _ => return,
        };
        if self.fresh {
            let _ = fs::remove_dir_all(&self.root);
        } else {
            for p in added {
                let _ = fs::remove_file(p);
            }
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

fn write_file_synced(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o644)
        .open(path)
        .map_err(|e| Error::io(path, e))?;
    let res = f
        .write_all(bytes)
        .and_then(|()| f.sync_all())
        .map_err(|e| Error::io(path, e));
    if res.is_err() {
        let _ = fs::remove_file(path);
    }
    res
}

/// Makes renames in `dir` durable; best effort (some filesystems refuse fsync on directories).
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

impl Drop for LayoutDest {
    /// A destination dropped without `put_manifest` (a panic, a cancelled future) cleans up
    /// like `abort`.
    fn drop(&mut self) {
        self.rollback();
    }
}

#[async_trait::async_trait]
impl ImageDest for LayoutDest {
    fn staging_dir(&self) -> &Path {
        &self.staging
    }

    async fn put_blob(&self, desc: &Descriptor, staged: &Path) -> Result<()> {
        let target = blob_path(&self.root, desc).ok_or_else(|| unsupported_digest(desc))?;
        // Short filesystem operations (rename, mkdir); not worth a thread hop.
        self.install_blob(staged, &target).map(|_| ())
    }

    async fn has_blob(&self, desc: &Descriptor) -> Result<bool> {
        let Some(path) = blob_path(&self.root, desc) else {
            return Ok(false);
        };
        match fs::metadata(&path) {
            Ok(m) => Ok(m.is_file() && m.len() == desc.size()),
            Err(e) if e.kind() == ErrorKind::NotFound => Ok(false),
            Err(e) => Err(Error::io(&path, e)),
        }
    }

    // Small files, a few renames and fsyncs: done inline rather than moving `self` to a thread.
    async fn put_manifest(&self, manifest: &ImageManifest) -> Result<()> {
        self.commit(manifest)
    }

    async fn abort(&self) {
        self.rollback();
    }

    fn describe(&self) -> String {
        format!("oci:{}:{}", self.dir.display(), self.tag)
    }
}
