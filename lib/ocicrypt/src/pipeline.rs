//! Encrypting and decrypting whole images: layers in parallel, streamed, all-or-nothing.
//!
//! CPU work runs on blocking threads in 1 MiB chunks, so memory stays flat whatever the layer
//! sizes; any failure cancels the other layers and calls [`ImageDest::abort`], so a failed run
//! leaves no output behind.

use std::fs::File;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use base64::Engine;
use futures_util::stream::{self, StreamExt};
use oci_spec::image::{Descriptor, Digest, ImageManifest, MediaType};
use zeroize::Zeroizing;

use crate::cipher::{Expected, ProgressFn, SourceDigest, decrypt_to_file, encrypt_file};
use crate::layout::{copy_file_verified, unique_suffix};
use crate::media::{
    PUBOPTS_ANNOTATION, decrypted_media_type, encrypted_media_type, is_encrypted, key_entries,
    key_schemes, keys_annotation, strip_enc_annotations,
};
use crate::options::{
    B64, PrivateLayerBlockCipherOptions, PublicLayerBlockCipherOptions, b64_decode_go,
};
use crate::{Error, ImageDest, ImageSource, KeyWrapper, Progress, Result};

/// Which layers `encrypt_image` encrypts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum LayerSelection {
    #[default]
    All,
    /// skopeo's `--encrypt-layer`: 0-based, negative counts from the end (-1 = last). An empty
    /// list means all layers, as in skopeo.
    Indices(Vec<i64>),
}

impl LayerSelection {
    /// One flag per layer; an index outside the image is [`Error::LayerIndex`].
    pub fn resolve(&self, count: usize) -> Result<Vec<bool>> {
        match self {
            LayerSelection::All => Ok(vec![true; count]),
            LayerSelection::Indices(v) if v.is_empty() => Ok(vec![true; count]),
            LayerSelection::Indices(v) => {
                let mut sel = vec![false; count];
                for &i in v {
                    let n = i64::try_from(count).unwrap_or(i64::MAX);
                    let idx = if i < 0 { n.checked_add(i) } else { Some(i) };
                    match idx {
                        Some(k) if (0..n).contains(&k) => sel[k as usize] = true,
                        _ => return Err(Error::LayerIndex { index: i, count }),
                    }
                }
                Ok(sel)
            }
        }
    }
}

fn default_concurrency() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

#[derive(Debug, Clone)]
pub struct EncryptOptions {
    pub layers: LayerSelection,
    /// Layers processed at once (each holds a few 1 MiB buffers); default: number of CPUs.
    pub concurrency: usize,
    /// Hash the layers of a local (OCI layout) source while encrypting them and refuse any
    /// that does not match its digest (default). When false, a layout's blobs are trusted by
    /// digest as a content store's are (only their size is checked): a third less CPU, but a
    /// corrupt layer is then found only by whoever decrypts it. Registry blobs are verified
    /// while they download either way, and never hashed twice.
    pub verify_source: bool,
}

impl Default for EncryptOptions {
    fn default() -> Self {
        EncryptOptions {
            layers: LayerSelection::All,
            concurrency: default_concurrency(),
            verify_source: true,
        }
    }
}

#[derive(Debug, Clone)]
pub struct DecryptOptions {
    /// Layers processed at once; default: number of CPUs.
    pub concurrency: usize,
}

impl Default for DecryptOptions {
    fn default() -> Self {
        DecryptOptions {
            concurrency: default_concurrency(),
        }
    }
}

/// What happened to one layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayerAction {
    Encrypted,
    Decrypted,
    /// Copied unchanged (not selected, or not encrypted when decrypting).
    Copied,
    /// Selected for encryption but already encrypted: copied unchanged.
    SkippedAlreadyEncrypted,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayerReport {
    /// Position in the manifest.
    pub index: usize,
    pub action: LayerAction,
    pub media_type_before: String,
    pub media_type_after: String,
    pub digest_before: String,
    pub digest_after: String,
    pub size_before: u64,
    pub size_after: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub source: String,
    pub destination: String,
    /// The config blob (always copied unchanged).
    pub config_digest: String,
    /// In manifest order.
    pub layers: Vec<LayerReport>,
}

/// One layer as `inspect` sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LayerInfo {
    pub index: usize,
    pub digest: String,
    pub size: u64,
    pub media_type: String,
    pub encrypted: bool,
    /// `cipher` from the pubopts annotation, if present and readable.
    pub cipher: Option<String>,
    /// Key-wrap schemes with an annotation (`provider.isecl`, `jwe`, …).
    pub schemes: Vec<String>,
    /// KBS key URLs of isecl-format key annotations (any `provider.*` scheme).
    pub key_urls: Vec<String>,
}

/// Lists the layers of an image and how they are encrypted, without any key.
pub async fn inspect(src: &dyn ImageSource) -> Result<Vec<LayerInfo>> {
    let manifest = src.manifest().await?;
    Ok(manifest
        .layers()
        .iter()
        .enumerate()
        .map(|(index, d)| {
            let ann = d.annotations().as_ref();
            let schemes = key_schemes(ann);
            let mut key_urls: Vec<String> = Vec::new();
            for s in schemes.iter().filter(|s| s.starts_with("provider.")) {
                for entry in key_entries(ann, s) {
                    let url = b64_decode_go(entry)
                        .ok()
                        .and_then(|b| crate::isecl::parse_annotation(&b).ok())
                        .map(|p| p.key_url);
                    if let Some(u) = url
                        && !key_urls.contains(&u)
                    {
                        key_urls.push(u);
                    }
                }
            }
            LayerInfo {
                index,
                digest: d.digest().to_string(),
                size: d.size(),
                media_type: d.media_type().to_string(),
                encrypted: is_encrypted(d.media_type().as_ref()),
                cipher: ann
                    .and_then(|a| a.get(PUBOPTS_ANNOTATION))
                    .and_then(|p| PublicLayerBlockCipherOptions::from_annotation(p).ok())
                    .map(|p| p.cipher),
                schemes,
                key_urls,
            }
        })
        .collect())
}

/// Shared state of one run.
struct Ctx<'a> {
    src: &'a dyn ImageSource,
    dst: &'a dyn ImageDest,
    progress: &'a dyn Progress,
    cancel: Arc<AtomicBool>,
    /// See [`EncryptOptions::verify_source`].
    verify_source: bool,
}

/// Removes a staged or fetched file when dropped (it is gone already if it was published).
struct TempFile(PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

fn cancelled() -> Error {
    Error::Io {
        path: "<layer>".into(),
        source: std::io::Error::new(
            std::io::ErrorKind::Interrupted,
            "cancelled because another layer failed",
        ),
    }
}

fn to_digest(s: &str) -> Result<Digest> {
    Digest::try_from(s).map_err(|e| Error::Malformed {
        what: "digest",
        detail: e.to_string(),
    })
}

impl Ctx<'_> {
    fn staged_path(&self, what: &str) -> PathBuf {
        self.dst
            .staging_dir()
            .join(format!("{what}-{}", unique_suffix()))
    }

    /// Runs `f` on a blocking thread, forwarding its byte counts to the progress of `index`.
    async fn blocking<T, F>(&self, index: Option<usize>, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(ProgressFn<'_>) -> Result<T> + Send + 'static,
    {
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel::<u64>();
        let cancel = self.cancel.clone();
        let handle = tokio::task::spawn_blocking(move || {
            let mut report = |n: u64| {
                if cancel.load(Ordering::Relaxed) {
                    return Err(cancelled());
                }
                let _ = tx.send(n);
                Ok(())
            };
            f(&mut report)
        });
        while let Some(n) = rx.recv().await {
            if let Some(i) = index {
                self.progress.advance(i, n);
            }
        }
        handle.await.map_err(|e| Error::Io {
            path: "<worker thread>".into(),
            source: std::io::Error::other(e.to_string()),
        })?
    }

    /// A readable file holding the source blob: the source's own file if it has one, else a
    /// verified copy fetched into staging (removed when the guard drops).
    async fn input(&self, desc: &Descriptor) -> Result<(PathBuf, Option<TempFile>)> {
        if let Some(p) = self.src.local_blob(desc) {
            return Ok((p, None));
        }
        let path = self.staged_path("fetch");
        let guard = TempFile(path.clone());
        self.src.fetch_blob(desc, &path).await?;
        Ok((path, Some(guard)))
    }

    /// Copies a blob unchanged unless the destination has it; returns whether bytes moved.
    async fn copy_blob(&self, index: Option<usize>, desc: &Descriptor) -> Result<bool> {
        if self.dst.has_blob(desc).await? {
            return Ok(false);
        }
        let staged = self.staged_path("copy");
        let _guard = TempFile(staged.clone());
        match self.src.local_blob(desc) {
            Some(src) => {
                let digest = desc.digest().to_string();
                let size = desc.size();
                let to = staged.clone();
                self.blocking(index, move |p| {
                    copy_file_verified(&src, &to, &digest, size, p)
                })
                .await?;
            }
            None => {
                self.src.fetch_blob(desc, &staged).await?;
                if let Some(i) = index {
                    self.progress.advance(i, desc.size());
                }
            }
        }
        self.dst.put_blob(desc, &staged).await?;
        Ok(true)
    }

    async fn encrypt_layer(
        &self,
        index: usize,
        desc: &Descriptor,
        wrapper: &dyn KeyWrapper,
    ) -> Result<Descriptor> {
        let media_type = encrypted_media_type(desc.media_type().as_ref()).ok_or_else(|| {
            Error::UnsupportedMediaType {
                digest: desc.digest().to_string(),
                media_type: desc.media_type().to_string(),
            }
        })?;
        let (input, fetched) = self.input(desc).await?;
        // A fetched blob was verified while downloading; a local one only on request.
        let verify = fetched.is_none() && self.verify_source;
        let staged = self.staged_path("enc");
        let _guard = TempFile(staged.clone());
        let (digest, size, out) = (desc.digest().to_string(), desc.size(), staged.clone());
        let enc = self
            .blocking(Some(index), move |p| {
                let source = if verify {
                    SourceDigest::Compute
                } else {
                    SourceDigest::Known(&digest)
                };
                let r = encrypt_file(&input, &out, source, p)?;
                if r.plain_digest != digest || r.size != size {
                    return Err(Error::Digest {
                        expected: digest,
                        detail: format!("source blob is {}, {} bytes", r.plain_digest, r.size),
                    });
                }
                Ok(r)
            })
            .await?;
        let wrapped = wrapper.wrap(&enc.private.to_json()).await?;
        if wrapped.is_empty() {
            return Err(Error::Wrap(format!(
                "the {} key wrapper produced no annotation",
                wrapper.scheme()
            )));
        }
        let mut annotations = desc.annotations().clone().unwrap_or_default();
        annotations.insert(keys_annotation(wrapper.scheme()), B64.encode(&wrapped));
        annotations.insert(PUBOPTS_ANNOTATION.to_string(), enc.public.to_annotation());
        let mut new = desc.clone();
        new.set_media_type(MediaType::from(media_type.as_str()));
        new.set_digest(to_digest(&enc.cipher_digest)?);
        new.set_size(enc.size);
        new.set_annotations(Some(annotations));
        self.dst.put_blob(&new, &staged).await?;
        Ok(new)
    }

    async fn decrypt_layer(
        &self,
        index: usize,
        desc: &Descriptor,
        wrappers: &[&dyn KeyWrapper],
    ) -> Result<Descriptor> {
        let media_type = decrypted_media_type(desc.media_type().as_ref()).unwrap_or_default();
        let public = pubopts(desc)?;
        let private_json = unwrap_layer(desc, wrappers).await?;
        let private = PrivateLayerBlockCipherOptions::from_json(&private_json)?;
        drop(private_json);
        let (input, _fetched) = self.input(desc).await?;
        let staged = self.staged_path("dec");
        let _guard = TempFile(staged.clone());
        let (digest, size, out) = (desc.digest().to_string(), desc.size(), staged.clone());
        let plain = self
            .blocking(Some(index), move |p| {
                let mut f = File::open(&input).map_err(|e| Error::io(&input, e))?;
                let expected = Expected {
                    digest: &digest,
                    size,
                };
                decrypt_to_file(&mut f, &input, expected, &private, &public, &out, p)
            })
            .await?;
        let mut new = desc.clone();
        new.set_media_type(MediaType::from(media_type.as_str()));
        new.set_digest(to_digest(&plain.digest)?);
        new.set_size(plain.size);
        new.set_annotations(strip_enc_annotations(desc.annotations().as_ref()));
        self.dst.put_blob(&new, &staged).await?;
        Ok(new)
    }
}

fn pubopts(desc: &Descriptor) -> Result<PublicLayerBlockCipherOptions> {
    let value = desc
        .annotations()
        .as_ref()
        .and_then(|a| a.get(PUBOPTS_ANNOTATION))
        .ok_or_else(|| Error::Malformed {
            what: "encrypted layer",
            detail: format!(
                "layer {} has no {PUBOPTS_ANNOTATION} annotation",
                desc.digest()
            ),
        })?;
    PublicLayerBlockCipherOptions::from_annotation(value)
}

fn missing_annotation(desc: &Descriptor, wrappers: &[&dyn KeyWrapper]) -> Error {
    let present = key_schemes(desc.annotations().as_ref());
    let scheme = if wrappers.is_empty() {
        "usable".to_string()
    } else {
        wrappers
            .iter()
            .map(|w| w.scheme())
            .collect::<Vec<_>>()
            .join(" or ")
    };
    Error::MissingAnnotation {
        digest: desc.digest().to_string(),
        scheme,
        found: if present.is_empty() {
            "; the layer has no key annotations at all".into()
        } else {
            format!("; the layer has keys for: {}", present.join(", "))
        },
    }
}

/// Tries every entry of every given wrapper's annotation until one opens.
async fn unwrap_layer(
    desc: &Descriptor,
    wrappers: &[&dyn KeyWrapper],
) -> Result<Zeroizing<Vec<u8>>> {
    let ann = desc.annotations().as_ref();
    let mut errors: Vec<(String, Error)> = Vec::new();
    for w in wrappers {
        for entry in key_entries(ann, w.scheme()) {
            let res = match b64_decode_go(entry) {
                Ok(bytes) => w.unwrap(&bytes).await,
                Err(e) => Err(Error::Malformed {
                    what: "key annotation",
                    detail: format!("invalid base64: {e}"),
                }),
            };
            match res {
                Ok(opts) => return Ok(opts),
                Err(e) => errors.push((w.scheme().to_string(), e)),
            }
        }
    }
    match errors.len() {
        0 => Err(missing_annotation(desc, wrappers)),
        1 => Err(errors.remove(0).1),
        _ => Err(Error::Unwrap(format!(
            "layer {}: no key annotation could be opened: {}",
            desc.digest(),
            errors
                .iter()
                .map(|(s, e)| format!("{s}: {e}"))
                .collect::<Vec<_>>()
                .join("; ")
        ))),
    }
}

enum Job {
    Copy,
    SkipEncrypted,
    Encrypt,
    Decrypt,
}

async fn run_layers<'a>(
    ctx: &Ctx<'a>,
    layers: &[Descriptor],
    jobs: Vec<Job>,
    concurrency: usize,
    wrapper: Option<&'a dyn KeyWrapper>,
    wrappers: &[&'a dyn KeyWrapper],
) -> Result<Vec<(Descriptor, LayerAction)>> {
    let first_failed: Mutex<Option<usize>> = Mutex::new(None);
    let futures = jobs.into_iter().enumerate().map(|(i, job)| {
        let desc = &layers[i];
        let first_failed = &first_failed;
        async move {
            if ctx.cancel.load(Ordering::Relaxed) {
                return (i, Err(cancelled()));
            }
            ctx.progress.start(i, desc.digest().as_ref(), desc.size());
            let res = match job {
                Job::Copy => ctx
                    .copy_blob(Some(i), desc)
                    .await
                    .map(|_| (desc.clone(), LayerAction::Copied)),
                Job::SkipEncrypted => ctx
                    .copy_blob(Some(i), desc)
                    .await
                    .map(|_| (desc.clone(), LayerAction::SkippedAlreadyEncrypted)),
                Job::Encrypt => match wrapper {
                    Some(w) => ctx
                        .encrypt_layer(i, desc, w)
                        .await
                        .map(|d| (d, LayerAction::Encrypted)),
                    None => Err(Error::Wrap("no key wrapper".into())),
                },
                Job::Decrypt => ctx
                    .decrypt_layer(i, desc, wrappers)
                    .await
                    .map(|d| (d, LayerAction::Decrypted)),
            };
            ctx.progress.finish(i);
            if res.is_err()
                && !ctx.cancel.swap(true, Ordering::SeqCst)
                && let Ok(mut f) = first_failed.lock()
            {
                *f = Some(i);
            }
            (i, res)
        }
    });
    let mut results: Vec<(usize, Result<(Descriptor, LayerAction)>)> = stream::iter(futures)
        .buffer_unordered(concurrency.max(1))
        .collect()
        .await;
    results.sort_by_key(|(i, _)| *i);
    let failed = first_failed.lock().ok().and_then(|f| *f);
    let mut out = Vec::with_capacity(results.len());
    let mut fallback_err = None;
    for (i, r) in results {
        match r {
            Ok(v) => out.push(v),
            Err(e) if Some(i) == failed => return Err(e),
            Err(e) => {
                fallback_err.get_or_insert(e);
            }
        }
    }
    match fallback_err {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

fn build_report(
    src: &dyn ImageSource,
    dst: &dyn ImageDest,
    manifest: &ImageManifest,
    results: &[(Descriptor, LayerAction)],
) -> Report {
    Report {
        source: src.describe(),
        destination: dst.describe(),
        config_digest: manifest.config().digest().to_string(),
        layers: manifest
            .layers()
            .iter()
            .zip(results)
            .enumerate()
            .map(|(index, (before, (after, action)))| LayerReport {
                index,
                action: *action,
                media_type_before: before.media_type().to_string(),
                media_type_after: after.media_type().to_string(),
                digest_before: before.digest().to_string(),
                digest_after: after.digest().to_string(),
                size_before: before.size(),
                size_after: after.size(),
            })
            .collect(),
    }
}

async fn finish_manifest(
    ctx: &Ctx<'_>,
    manifest: &ImageManifest,
    results: &[(Descriptor, LayerAction)],
) -> Result<()> {
    let mut out = manifest.clone();
    out.set_layers(results.iter().map(|(d, _)| d.clone()).collect());
    out.set_media_type(Some(MediaType::ImageManifest));
    ctx.dst.put_manifest(&out).await
}

/// Encrypts the selected layers of `src` into `dst` with `wrapper` (ocicrypt format, readable
/// by skopeo). On error, `dst` is aborted.
pub async fn encrypt_image(
    src: &dyn ImageSource,
    dst: &dyn ImageDest,
    wrapper: &dyn KeyWrapper,
    opts: &EncryptOptions,
    progress: &dyn Progress,
) -> Result<Report> {
    let res = encrypt_inner(src, dst, wrapper, opts, progress).await;
    if res.is_err() {
        dst.abort().await;
    }
    res
}

async fn encrypt_inner(
    src: &dyn ImageSource,
    dst: &dyn ImageDest,
    wrapper: &dyn KeyWrapper,
    opts: &EncryptOptions,
    progress: &dyn Progress,
) -> Result<Report> {
    let manifest = src.manifest().await?;
    let layers = manifest.layers();
    let selected = opts.layers.resolve(layers.len())?;
    // Decide everything before writing anything, so a refusal leaves no trace.
    let mut jobs = Vec::with_capacity(layers.len());
    for (desc, sel) in layers.iter().zip(&selected) {
        let mt = desc.media_type().as_ref();
        jobs.push(match (*sel, is_encrypted(mt)) {
            (false, _) => Job::Copy,
            (true, true) => Job::SkipEncrypted,
            (true, false) if encrypted_media_type(mt).is_some() => Job::Encrypt,
            (true, false) => {
                return Err(Error::UnsupportedMediaType {
                    digest: desc.digest().to_string(),
                    media_type: mt.to_string(),
                });
            }
        });
    }
    let ctx = Ctx {
        src,
        dst,
        progress,
        cancel: Arc::new(AtomicBool::new(false)),
        verify_source: opts.verify_source,
    };
    ctx.copy_blob(None, manifest.config()).await?;
    let results = run_layers(&ctx, layers, jobs, opts.concurrency, Some(wrapper), &[]).await?;
    finish_manifest(&ctx, &manifest, &results).await?;
    Ok(build_report(src, dst, &manifest, &results))
}

/// Decrypts every encrypted layer of `src` into `dst`, using for each layer the first of
/// `wrappers` whose key annotation opens. The HMAC is verified before any plaintext is
/// published. On error, `dst` is aborted.
pub async fn decrypt_image(
    src: &dyn ImageSource,
    dst: &dyn ImageDest,
    wrappers: &[&dyn KeyWrapper],
    opts: &DecryptOptions,
    progress: &dyn Progress,
) -> Result<Report> {
    let res = decrypt_inner(src, dst, wrappers, opts, progress).await;
    if res.is_err() {
        dst.abort().await;
    }
    res
}

async fn decrypt_inner(
    src: &dyn ImageSource,
    dst: &dyn ImageDest,
    wrappers: &[&dyn KeyWrapper],
    opts: &DecryptOptions,
    progress: &dyn Progress,
) -> Result<Report> {
    let manifest = src.manifest().await?;
    let layers = manifest.layers();
    let mut jobs = Vec::with_capacity(layers.len());
    for desc in layers {
        if !is_encrypted(desc.media_type().as_ref()) {
            jobs.push(Job::Copy);
            continue;
        }
        // Cheap checks first: a layer nobody here can open fails the run before any I/O.
        let ann = desc.annotations().as_ref();
        if !wrappers
            .iter()
            .any(|w| !key_entries(ann, w.scheme()).is_empty())
        {
            return Err(missing_annotation(desc, wrappers));
        }
        pubopts(desc)?;
        jobs.push(Job::Decrypt);
    }
    let ctx = Ctx {
        src,
        dst,
        progress,
        cancel: Arc::new(AtomicBool::new(false)),
        verify_source: true,
    };
    ctx.copy_blob(None, manifest.config()).await?;
    let results = run_layers(&ctx, layers, jobs, opts.concurrency, None, wrappers).await?;
    finish_manifest(&ctx, &manifest, &results).await?;
    Ok(build_report(src, dst, &manifest, &results))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection() {
        let s = LayerSelection::Indices(vec![0, -1]);
        assert_eq!(s.resolve(3).unwrap(), vec![true, false, true]);
        assert_eq!(
            LayerSelection::Indices(vec![-3]).resolve(3).unwrap(),
            vec![true, false, false]
        );
        assert_eq!(
            LayerSelection::Indices(vec![]).resolve(2).unwrap(),
            vec![true, true]
        );
        assert_eq!(LayerSelection::All.resolve(0).unwrap(), Vec::<bool>::new());
        for bad in [3, -4, i64::MIN, i64::MAX] {
            assert!(matches!(
                LayerSelection::Indices(vec![bad]).resolve(3),
                Err(Error::LayerIndex { index, count: 3 }) if index == bad
            ));
        }
    }
}
