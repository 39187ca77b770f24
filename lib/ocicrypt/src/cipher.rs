//! The layer cipher `AES_256_CTR_HMAC_SHA256`, streamed in bounded chunks.
//!
//! AES-256-CTR with the IV as the full 128-bit big-endian counter block, and HMAC-SHA256 with the
//! same key over the ciphertext only; the blob keeps its size (no header, no trailer).
//!
//! Decryption publishes nothing before the HMAC has been checked: plaintext goes to a private
//! staging file that is deleted unless every check passes (ocicrypt itself only holds back the
//! last 10 KiB).

use std::fs::File;
use std::io::{ErrorKind, Read, Write};
use std::path::Path;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use aes::Aes256;
use ctr::cipher::{KeyIvInit, StreamCipher};
use hmac::{Hmac, KeyInit, Mac};
use rand::Rng;
use sha2::{Digest as _, Sha256};
use zeroize::Zeroizing;

use crate::blobfile::BlobWriter;
use crate::options::{
    CIPHER_AES_256_CTR_HMAC_SHA256, PrivateLayerBlockCipherOptions, PublicLayerBlockCipherOptions,
    nonce,
};
use crate::{Error, Result};

type Aes256Ctr = ctr::Ctr128BE<Aes256>;
type HmacSha256 = Hmac<Sha256>;

/// Read/write granularity: memory per layer in flight stays at this size whatever the layer size.
pub const CHUNK_SIZE: usize = 1 << 20;

/// A progress callback: bytes processed since the last call. Returning an error stops the work
/// (the pipeline uses this to cancel layers once another one failed).
pub type ProgressFn<'a> = &'a mut dyn FnMut(u64) -> Result<()>;

/// `sha256:<hex>` of a finished hasher.
pub fn sha256_string(h: Sha256) -> String {
    format!("sha256:{}", hex::encode(h.finalize()))
}

/// The random key and IV of one layer.
pub struct LayerKey {
    key: Zeroizing<[u8; 32]>,
    iv: [u8; 16],
}

impl std::fmt::Debug for LayerKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LayerKey(<redacted>)")
    }
}

impl LayerKey {
    /// A fresh random key and IV (ocicrypt: new for every layer).
    pub fn generate() -> Self {
        let mut key = Zeroizing::new([0u8; 32]);
        let mut iv = [0u8; 16];
        let mut rng = rand::rng();
        rng.fill_bytes(key.as_mut_slice());
        rng.fill_bytes(&mut iv);
        LayerKey { key, iv }
    }

    /// A given key and IV (test vectors).
    pub fn from_parts(key: [u8; 32], iv: [u8; 16]) -> Self {
        LayerKey {
            key: Zeroizing::new(key),
            iv,
        }
    }
}

/// What encrypting one layer produced.
#[derive(Debug)]
pub struct EncryptedLayer {
    /// Key, IV and plaintext digest: to be wrapped.
    pub private: PrivateLayerBlockCipherOptions,
    /// Cipher name and HMAC: the `pubopts` annotation.
    pub public: PublicLayerBlockCipherOptions,
    /// `sha256:` of the plaintext blob.
    pub plain_digest: String,
    /// `sha256:` of the ciphertext blob: the new descriptor digest.
    pub cipher_digest: String,
    /// Bytes processed (plaintext and ciphertext have the same size).
    pub size: u64,
}

/// What decrypting one layer produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecryptedLayer {
    /// `sha256:` of the plaintext blob now in the staging file.
    pub digest: String,
    pub size: u64,
}

fn read_chunk(r: &mut dyn Read, buf: &mut [u8], name: &Path) -> Result<usize> {
    loop {
        match r.read(buf) {
            Ok(n) => return Ok(n),
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(Error::io(name, e)),
        }
    }
}

/// Layers being encrypted or decrypted in this process right now.
static BUSY: AtomicUsize = AtomicUsize::new(0);

/// Counts one layer as busy while it lives.
struct Busy;

impl Busy {
    fn enter() -> Self {
        BUSY.fetch_add(1, Ordering::Relaxed);
        Busy
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        BUSY.fetch_sub(1, Ordering::Relaxed);
    }
}

/// Whether a layer may hand half of a chunk's hashing to a second thread: only while fewer
/// layers are in work than there are CPUs (a one-layer image, or the last big layer of an
/// uneven one). With a layer per CPU already, splitting would only add thread hand-offs.
fn spare_cpu() -> bool {
    static CPUS: OnceLock<usize> = OnceLock::new();
    let cpus = *CPUS.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    BUSY.load(Ordering::Relaxed) < cpus
}

/// Runs `a` on a helper thread while `b` runs here, when `parallel`; one after the other
/// otherwise, or when no thread can be started. A chunk's hashes cost about a millisecond, so
/// a fresh scoped thread per chunk (tens of microseconds) is cheap enough and borrows the
/// chunk without copying it.
fn join2(parallel: bool, a: &mut (dyn FnMut() + Send), b: &mut dyn FnMut()) {
    if parallel {
        let ran = std::thread::scope(|s| {
            let Ok(helper) = std::thread::Builder::new().spawn_scoped(s, &mut *a) else {
                return false;
            };
            b();
            if let Err(panic) = helper.join() {
                std::panic::resume_unwind(panic);
            }
            true
        });
        if ran {
            return;
        }
    }
    a();
    b();
}

/// Where the plaintext digest recorded in the private options comes from.
#[derive(Debug, Clone, Copy)]
pub enum SourceDigest<'a> {
    /// Hash the plaintext while encrypting; the caller compares it with what it expected.
    Compute,
    /// Not hashed again: already verified (a registry blob is checked while it downloads) or
    /// trusted by the caller, as ocicrypt itself trusts the descriptor. Recomputing it costs a
    /// third of the CPU of encryption. A wrong value is caught by decryptors that check the
    /// plaintext against it (this crate, containerd's imgcrypt), not by all (skopeo into an
    /// OCI layout does not).
    Known(&'a str),
}

/// The running state of one layer's encryption: the cipher, the HMAC, the digests, the size.
struct Encryptor<'a> {
    key: &'a LayerKey,
    ctr: Aes256Ctr,
    mac: HmacSha256,
    plain_hash: Option<Sha256>,
    cipher_hash: Sha256,
    source: SourceDigest<'a>,
    size: u64,
}

impl<'a> Encryptor<'a> {
    fn new(key: &'a LayerKey, source: SourceDigest<'a>) -> Result<Self> {
        Ok(Encryptor {
            key,
            ctr: Aes256Ctr::new(&(*key.key).into(), &key.iv.into()),
            mac: <HmacSha256 as KeyInit>::new_from_slice(key.key.as_slice())
                .map_err(|_| Error::Wrap("HMAC key setup failed".into()))?,
            plain_hash: match source {
                SourceDigest::Compute => Some(Sha256::new()),
                SourceDigest::Known(_) => None,
            },
            cipher_hash: Sha256::new(),
            source,
            size: 0,
        })
    }

    /// Encrypts `chunk` in place, feeding every hash; the two ciphertext hashes side by side
    /// when `split`.
    fn process(&mut self, chunk: &mut [u8], split: bool) {
        if let Some(h) = self.plain_hash.as_mut() {
            h.update(&*chunk);
        }
        self.ctr.apply_keystream(chunk);
        self.hash_ciphertext(chunk, split);
    }

    /// Encrypts `plain` into `out` (same length) with the plaintext hash on a second thread
    /// meanwhile, then the two ciphertext hashes side by side.
    fn process_split(&mut self, plain: &[u8], out: &mut [u8]) {
        let ctr = &mut self.ctr;
        let mut encrypt = || {
            out.copy_from_slice(plain);
            ctr.apply_keystream(out);
        };
        match self.plain_hash.as_mut() {
            Some(h) => join2(true, &mut || h.update(plain), &mut encrypt),
            None => encrypt(),
        }
        self.hash_ciphertext(out, true);
    }

    fn hash_ciphertext(&mut self, chunk: &[u8], split: bool) {
        let (mac, hash) = (&mut self.mac, &mut self.cipher_hash);
        join2(split, &mut || mac.update(chunk), &mut || hash.update(chunk));
        self.size += chunk.len() as u64;
    }

    fn finish(self) -> EncryptedLayer {
        let tag = self.mac.finalize().into_bytes();
        let plain_digest = match self.source {
            SourceDigest::Known(d) => d.to_string(),
            SourceDigest::Compute => self.plain_hash.map(sha256_string).unwrap_or_default(),
        };
        EncryptedLayer {
            private: PrivateLayerBlockCipherOptions::new(
                &self.key.key,
                &self.key.iv,
                plain_digest.clone(),
            ),
            public: PublicLayerBlockCipherOptions::new(&tag),
            plain_digest,
            cipher_digest: sha256_string(self.cipher_hash),
            size: self.size,
        }
    }
}

/// Encrypts `input` into `output` in one pass, computing the HMAC, the ciphertext digest, the
/// size and, unless `source` gives it, the plaintext digest. `input_name`/`output_name` only
/// label I/O errors.
pub fn encrypt_stream(
    key: &LayerKey,
    input: &mut dyn Read,
    input_name: &Path,
    output: &mut dyn Write,
    output_name: &Path,
    source: SourceDigest<'_>,
    progress: ProgressFn<'_>,
) -> Result<EncryptedLayer> {
    let _busy = Busy::enter();
    let mut enc = Encryptor::new(key, source)?;
    let mut buf = Zeroizing::new(vec![0u8; CHUNK_SIZE]);
    loop {
        let n = read_chunk(input, &mut buf, input_name)?;
        if n == 0 {
            break;
        }
        enc.process(&mut buf[..n], spare_cpu());
        output
            .write_all(&buf[..n])
            .map_err(|e| Error::io(output_name, e))?;
        progress(n as u64)?;
    }
    output.flush().map_err(|e| Error::io(output_name, e))?;
    Ok(enc.finish())
}

/// Encrypts the file `input` into a new private (0600) file `output` with a fresh key. The output
/// file is removed on failure. Blobs are not fsync'ed: an image written by a crashed run is
/// never referenced by index.json, and every reader checks digests (as containers/image does);
/// the fsync of a 1 GiB layer cost a quarter of the run.
pub fn encrypt_file(
    input: &Path,
    output: &Path,
    source: SourceDigest<'_>,
    progress: ProgressFn<'_>,
) -> Result<EncryptedLayer> {
    let _busy = Busy::enter();
    let mut src = File::open(input).map_err(|e| Error::io(input, e))?;
    let size_hint = src.metadata().map(|m| m.len()).unwrap_or(0);
    let mut dst = crate::blobfile::create(output, size_hint)?;
    let files = (&mut src, input, &mut dst, output);
    let res = encrypt_file_into(&LayerKey::generate(), files, source, spare_cpu, progress);
    if res.is_err() {
        drop(dst);
        let _ = std::fs::remove_file(output);
    }
    res
}

/// [`encrypt_stream`] reading straight into the writer's buffers (no copy between them), or,
/// when `split` says a CPU is spare and the plaintext must be hashed, into a buffer of its own
/// so that hashing it and encrypting it can run side by side.
fn encrypt_file_into(
    key: &LayerKey,
    (src, input, dst, output): (&mut File, &Path, &mut BlobWriter, &Path),
    source: SourceDigest<'_>,
    split: fn() -> bool,
    progress: ProgressFn<'_>,
) -> Result<EncryptedLayer> {
    let mut enc = Encryptor::new(key, source)?;
    let mut plain: Option<Zeroizing<Vec<u8>>> = None;
    loop {
        let split = split();
        let buf = dst.buffer();
        let n = if split && enc.plain_hash.is_some() {
            let p = plain.get_or_insert_with(|| Zeroizing::new(vec![0u8; CHUNK_SIZE]));
            let len = buf.len().min(p.len());
            let n = read_chunk(src, &mut p[..len], input)?;
            if n == 0 {
                break;
            }
            enc.process_split(&p[..n], &mut buf[..n]);
            n
        } else {
            let n = read_chunk(src, buf, input)?;
            if n == 0 {
                break;
            }
            enc.process(&mut buf[..n], split);
            n
        };
        dst.commit(n).map_err(|e| Error::io(output, e))?;
        progress(n as u64)?;
    }
    dst.flush().map_err(|e| Error::io(output, e))?;
    Ok(enc.finish())
}

/// The ciphertext blob as its descriptor names it.
#[derive(Debug, Clone, Copy)]
pub struct Expected<'a> {
    /// `sha256:<hex>` of the ciphertext.
    pub digest: &'a str,
    pub size: u64,
}

fn check_key_material(
    private: &PrivateLayerBlockCipherOptions,
    public: &PublicLayerBlockCipherOptions,
) -> Result<([u8; 16], Zeroizing<[u8; 32]>)> {
    if public.cipher.is_empty() {
        return Err(Error::Malformed {
            what: "pubopts annotation",
            detail: "no cipher type provided".into(),
        });
    }
    if public.cipher != CIPHER_AES_256_CTR_HMAC_SHA256 {
        return Err(Error::Unsupported(format!(
            "layer cipher {:?} (only {CIPHER_AES_256_CTR_HMAC_SHA256} exists)",
            public.cipher
        )));
    }
    if public.hmac.is_empty() {
        return Err(Error::Malformed {
            what: "pubopts annotation",
            detail: "HMAC is not provided for decryption".into(),
        });
    }
    let key: [u8; 32] = private.symkey().try_into().map_err(|_| Error::Malformed {
        what: "private layer options",
        detail: format!("symkey is {} bytes, expected 32", private.symkey().len()),
    })?;
    Ok((nonce(public, private)?, Zeroizing::new(key)))
}

/// Decrypts `input` (the ciphertext blob) into a new private (0600) `staging` file.
///
/// Success means all of: the HMAC over the ciphertext matches `public.hmac` (constant-time
/// compare, else [`Error::Authentication`]), the ciphertext has the expected digest and size,
/// and the plaintext matches the digest in the private options if one is given (else
/// [`Error::Digest`]). On any failure the staging file is removed, so unauthenticated plaintext
/// is never left behind under any name.
pub fn decrypt_to_file(
    input: &mut dyn Read,
    input_name: &Path,
    expected: Expected<'_>,
    private: &PrivateLayerBlockCipherOptions,
    public: &PublicLayerBlockCipherOptions,
    staging: &Path,
    progress: ProgressFn<'_>,
) -> Result<DecryptedLayer> {
    let _busy = Busy::enter();
    let (iv, key) = check_key_material(private, public)?;
    let mut out = crate::blobfile::create(staging, expected.size)?;
    let res = decrypt_into(
        input, input_name, expected, private, public, &iv, &key, &mut out, staging, spare_cpu,
        progress,
    );
    if res.is_err() {
        drop(out);
        let _ = std::fs::remove_file(staging);
    }
    res
}

#[allow(clippy::too_many_arguments)]
fn decrypt_into(
    input: &mut dyn Read,
    input_name: &Path,
    expected: Expected<'_>,
    private: &PrivateLayerBlockCipherOptions,
    public: &PublicLayerBlockCipherOptions,
    iv: &[u8; 16],
    key: &[u8; 32],
    out: &mut BlobWriter,
    out_name: &Path,
    split: fn() -> bool,
    progress: ProgressFn<'_>,
) -> Result<DecryptedLayer> {
    let mut ctr = Aes256Ctr::new(&(*key).into(), &(*iv).into());
    let mut mac = <HmacSha256 as KeyInit>::new_from_slice(key)
        .map_err(|_| Error::Unwrap("HMAC key setup failed".into()))?;
    let mut plain_hash = Sha256::new();
    let mut size = 0u64;
    // Ciphertext read aside when a CPU is spare, so that the HMAC over it runs on a second
    // thread while it is decrypted and the plaintext hashed.
    let mut aside: Option<Vec<u8>> = None;
    loop {
        let split = split();
        // Otherwise read straight into the writer's buffer: decrypted in place, no copy.
        let buf = out.buffer();
        let mut side = split.then(|| {
            let c = aside.get_or_insert_with(|| vec![0u8; CHUNK_SIZE]);
            let len = buf.len().min(c.len());
            &mut c[..len]
        });
        let n = match side.as_deref_mut() {
            Some(c) => read_chunk(input, c, input_name)?,
            None => read_chunk(input, buf, input_name)?,
        };
        if n == 0 {
            break;
        }
        size += n as u64;
        if size > expected.size {
            // Stop early: an oversized blob can never match, and might be endless.
            return Err(Error::Digest {
                expected: expected.digest.to_string(),
                detail: format!(
                    "blob is larger than the {} bytes its descriptor says",
                    expected.size
                ),
            });
        }
        let chunk = &mut buf[..n];
        match side {
            Some(c) => {
                let ct = &c[..n];
                join2(true, &mut || mac.update(ct), &mut || {
                    chunk.copy_from_slice(ct);
                    ctr.apply_keystream(chunk);
                    plain_hash.update(&*chunk);
                });
            }
            None => {
                mac.update(chunk);
                ctr.apply_keystream(chunk);
                plain_hash.update(&*chunk);
            }
        }
        out.commit(n).map_err(|e| Error::io(out_name, e))?;
        progress(n as u64)?;
    }
    // Every queued write lands (and reports its error) before the file is judged or read.
    out.flush().map_err(|e| Error::io(out_name, e))?;
    // The HMAC first: it is the authenticity check, and a tampered or truncated blob should be
    // reported as such rather than as a mere digest mismatch.
    mac.verify_slice(&public.hmac)
        .map_err(|_| Error::Authentication {
            digest: expected.digest.to_string(),
        })?;
    // No separate SHA-256 of the ciphertext: the HMAC, keyed with this layer's secret key,
    // already proves the bytes are the ones the key holder wrote (a third hash pass would cost a
    // third of the run). Registry sources were digest-checked while downloading.
    if size != expected.size {
        return Err(Error::Digest {
            expected: expected.digest.to_string(),
            detail: format!("got {size} bytes; descriptor says {} bytes", expected.size),
        });
    }
    let plain_digest = sha256_string(plain_hash);
    let want = private.digest();
    if !want.is_empty() {
        if !want.starts_with("sha256:") {
            return Err(Error::Malformed {
                what: "private layer options",
                detail: format!("unsupported digest algorithm in {want:?}"),
            });
        }
        if want != plain_digest && gunzipped_digest(out_name)?.as_deref() != Some(want) {
            return Err(Error::Digest {
                expected: want.to_string(),
                detail: format!(
                    "decrypted layer is {plain_digest}, and not a gzip stream of that digest either"
                ),
            });
        }
    }
    Ok(DecryptedLayer {
        digest: plain_digest,
        size,
    })
}

/// containers/image compresses an uncompressed layer before encrypting it and records the
/// digest of the uncompressed source in the private options. For such a layer the plaintext is a
/// gzip stream whose content carries that digest; None when the file is not gzip.
fn gunzipped_digest(path: &Path) -> Result<Option<String>> {
    let mut f = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut magic = [0u8; 2];
    if f.read_exact(&mut magic).is_err() || magic != [0x1f, 0x8b] {
        return Ok(None);
    }
    let f = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut gz =
        flate2::read::MultiGzDecoder::new(std::io::BufReader::with_capacity(CHUNK_SIZE, f));
    let mut hash = Sha256::new();
    let mut buf = vec![0u8; CHUNK_SIZE];
    loop {
        match gz.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => hash.update(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            // Not valid gzip after all: there is no such digest.
            Err(_) => return Ok(None),
        }
    }
    Ok(Some(sha256_string(hash)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::options::B64;
    use base64::Engine;

    const PT: &[u8] = b"The quick brown fox jumps over the lazy dog. ocicrypt AES-CTR vector!";
    const PT_SHA: &str = "sha256:0e28fe4c51e52c724c4e4fa0569513ad54d1ec73792ab0ee481e90c11f8b79c0";

    fn key() -> [u8; 32] {
        std::array::from_fn(|i| i as u8)
    }

    fn unhex<const N: usize>(s: &str) -> [u8; N] {
        hex::decode(s).unwrap().try_into().unwrap()
    }

    fn no_progress() -> impl FnMut(u64) -> Result<()> {
        |_| Ok(())
    }

    fn encrypt_vec(k: LayerKey, pt: &[u8]) -> (EncryptedLayer, Vec<u8>) {
        let mut out = Vec::new();
        let r = encrypt_stream(
            &k,
            &mut &pt[..],
            Path::new("in"),
            &mut out,
            Path::new("out"),
            SourceDigest::Compute,
            &mut no_progress(),
        )
        .unwrap();
        (r, out)
    }

    fn sha(b: &[u8]) -> String {
        let mut h = Sha256::new();
        h.update(b);
        sha256_string(h)
    }

    #[test]
    fn known_source_digest_is_recorded_not_recomputed() {
        let pt = b"layer bytes".repeat(1000);
        let (computed, ct1) = encrypt_vec(LayerKey::from_parts(key(), [3; 16]), &pt);
        let mut ct2 = Vec::new();
        let known = encrypt_stream(
            &LayerKey::from_parts(key(), [3; 16]),
            &mut &pt[..],
            Path::new("in"),
            &mut ct2,
            Path::new("out"),
            SourceDigest::Known("sha256:given"),
            &mut no_progress(),
        )
        .unwrap();
        assert_eq!(computed.plain_digest, sha(&pt));
        assert_eq!(known.plain_digest, "sha256:given");
        assert_eq!(known.private.digest(), "sha256:given");
        assert_eq!(ct1, ct2);
        assert_eq!(known.cipher_digest, computed.cipher_digest);
        assert_eq!(known.public.hmac, computed.public.hmac);
        assert_eq!(known.size, pt.len() as u64);
    }

    #[test]
    fn vector_iv_zero_based() {
        assert_eq!(PT.len(), 69);
        let iv = unhex::<16>("000102030405060708090a0b0c0d0e0f");
        let (r, ct) = encrypt_vec(LayerKey::from_parts(key(), iv), PT);
        assert_eq!(
            hex::encode(&ct),
            "0e066177798e18f59b0e374f6db4c8b2069c68f5a9f0352d26369427179700bb740057375bbfb584df8e6c8bc57ea4fbf5b97e025cb0e6aa3a6d1e44ab449b386d3f4d5cd9"
        );
        assert_eq!(
            hex::encode(&r.public.hmac),
            "dbf9a76999af4e7c304ddefd630510b6b518948c95656a1b97e0c8a9dbb4e724"
        );
        assert_eq!(r.plain_digest, PT_SHA);
        assert_eq!(r.cipher_digest, sha(&ct));
        assert_eq!(r.size, 69);
        assert_eq!(
            std::str::from_utf8(&r.private.to_json()).unwrap(),
            r#"{"symkey":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=","digest":"sha256:0e28fe4c51e52c724c4e4fa0569513ad54d1ec73792ab0ee481e90c11f8b79c0","cipheroptions":{"nonce":"AAECAwQFBgcICQoLDA0ODw=="}}"#
        );
        assert_eq!(
            String::from_utf8(r.public.to_json()).unwrap(),
            r#"{"cipher":"AES_256_CTR_HMAC_SHA256","hmac":"2/mnaZmvTnwwTd79YwUQtrUYlIyVZWobl+DIqdu05yQ=","cipheroptions":{}}"#
        );
    }

    #[test]
    fn vector_counter_carry() {
        let iv = unhex::<16>("0000000000000000fffffffffffffffe");
        let (r, ct) = encrypt_vec(LayerKey::from_parts(key(), iv), PT);
        assert_eq!(
            hex::encode(&ct),
            "b9d5f30ba8f2d59e9d3db44ec75afc99c094a37c9795106b2bdd595712cedfab3978f583fb12525dc0f0f6e64c2019aa23b7459fe6cf6c216c4ec8d670fb68e0527f0b0f10"
        );
        assert_eq!(
            B64.encode(&r.public.hmac),
            "gPfgtL7pspzr13FW1S8zbOEoM1we57RfofKOqvjwU4s="
        );
        assert_eq!(
            String::from_utf8(r.public.to_json()).unwrap(),
            r#"{"cipher":"AES_256_CTR_HMAC_SHA256","hmac":"gPfgtL7pspzr13FW1S8zbOEoM1we57RfofKOqvjwU4s=","cipheroptions":{}}"#
        );
        assert_eq!(
            std::str::from_utf8(&r.private.to_json()).unwrap(),
            r#"{"symkey":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=","digest":"sha256:0e28fe4c51e52c724c4e4fa0569513ad54d1ec73792ab0ee481e90c11f8b79c0","cipheroptions":{"nonce":"AAAAAAAAAAD//////////g=="}}"#
        );
    }

    fn decrypt(
        ct: &[u8],
        exp: Expected<'_>,
        private: &PrivateLayerBlockCipherOptions,
        public: &PublicLayerBlockCipherOptions,
    ) -> (
        Result<DecryptedLayer>,
        std::path::PathBuf,
        tempfile::TempDir,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let staging = dir.path().join("plain");
        let r = decrypt_to_file(
            &mut &ct[..],
            Path::new("ct"),
            exp,
            private,
            public,
            &staging,
            &mut no_progress(),
        );
        (r, staging, dir)
    }

    #[test]
    fn round_trip_and_tamper() {
        let (r, ct) = encrypt_vec(LayerKey::generate(), PT);
        let d = sha(&ct);
        let exp = Expected {
            digest: &d,
            size: ct.len() as u64,
        };
        let (ok, staging, _dir) = decrypt(&ct, exp, &r.private, &r.public);
        assert_eq!(
            ok.unwrap(),
            DecryptedLayer {
                digest: PT_SHA.into(),
                size: 69
            }
        );
        assert_eq!(std::fs::read(&staging).unwrap(), PT);
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            std::fs::metadata(&staging).unwrap().permissions().mode() & 0o777,
            0o600
        );

        // One flipped bit: HMAC fails first, staging file gone.
        let mut bad = ct.clone();
        bad[10] ^= 1;
        let (res, staging, _dir) = decrypt(&bad, exp, &r.private, &r.public);
        assert!(matches!(res, Err(Error::Authentication { .. })), "{res:?}");
        assert!(!staging.exists());

        // Truncated.
        let (res, staging, _dir) = decrypt(&ct[..ct.len() - 1], exp, &r.private, &r.public);
        assert!(matches!(res, Err(Error::Authentication { .. })), "{res:?}");
        assert!(!staging.exists());

        // Longer than the descriptor.
        let mut long = ct.clone();
        long.push(0);
        let (res, staging, _dir) = decrypt(&long, exp, &r.private, &r.public);
        assert!(matches!(res, Err(Error::Digest { .. })), "{res:?}");
        assert!(!staging.exists());

        // Wrong HMAC.
        let mut public = r.public.clone();
        public.hmac[0] ^= 0x80;
        let (res, _, _dir) = decrypt(&ct, exp, &r.private, &public);
        assert!(matches!(res, Err(Error::Authentication { .. })), "{res:?}");
        public.hmac.clear();
        let (res, _, _dir) = decrypt(&ct, exp, &r.private, &public);
        assert!(matches!(res, Err(Error::Malformed { .. })), "{res:?}");

        // Right blob, wrong descriptor size.
        let (res, staging, _dir) = decrypt(
            &ct,
            Expected {
                digest: &d,
                size: exp.size + 1,
            },
            &r.private,
            &r.public,
        );
        assert!(matches!(res, Err(Error::Digest { .. })), "{res:?}");
        assert!(!staging.exists());

        // Wrong plaintext digest in the private options.
        let mut k = [0u8; 32];
        k.copy_from_slice(r.private.symkey());
        let n: [u8; 16] = r
            .private
            .cipher_option("nonce")
            .unwrap()
            .try_into()
            .unwrap();
        let wrong = PrivateLayerBlockCipherOptions::new(&k, &n, sha(b"other"));
        let (res, _, _dir) = decrypt(&ct, exp, &wrong, &r.public);
        assert!(matches!(res, Err(Error::Digest { .. })), "{res:?}");

        // Wrong key.
        let wrong = PrivateLayerBlockCipherOptions::new(&[7; 32], &n, PT_SHA);
        let (res, _, _dir) = decrypt(&ct, exp, &wrong, &r.public);
        assert!(matches!(res, Err(Error::Authentication { .. })), "{res:?}");

        // Unknown cipher.
        let mut public = r.public.clone();
        public.cipher = "AES_128_GCM".into();
        let (res, _, _dir) = decrypt(&ct, exp, &r.private, &public);
        assert!(matches!(res, Err(Error::Unsupported(_))), "{res:?}");
    }

    /// containers/image gzips an uncompressed layer before encrypting it and records the
    /// uncompressed digest: that digest is accepted for the gzip stream, no other.
    #[test]
    fn private_digest_may_name_the_uncompressed_layer() {
        use std::io::Write as _;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(PT).unwrap();
        let gzipped = gz.finish().unwrap();
        let (r, ct) = encrypt_vec(LayerKey::generate(), &gzipped);
        let d = sha(&ct);
        let exp = Expected {
            digest: &d,
            size: ct.len() as u64,
        };
        let mut k = [0u8; 32];
        k.copy_from_slice(r.private.symkey());
        let n: [u8; 16] = r
            .private
            .cipher_option("nonce")
            .unwrap()
            .try_into()
            .unwrap();
        let as_skopeo = PrivateLayerBlockCipherOptions::new(&k, &n, PT_SHA);
        let (ok, staging, _dir) = decrypt(&ct, exp, &as_skopeo, &r.public);
        assert_eq!(ok.unwrap().digest, sha(&gzipped));
        assert_eq!(std::fs::read(staging).unwrap(), gzipped);
        let wrong = PrivateLayerBlockCipherOptions::new(&k, &n, sha(b"other"));
        let (res, staging, _dir) = decrypt(&ct, exp, &wrong, &r.public);
        assert!(matches!(res, Err(Error::Digest { .. })), "{res:?}");
        assert!(!staging.exists());
    }

    #[test]
    fn empty_layer() {
        let (r, ct) = encrypt_vec(LayerKey::generate(), b"");
        assert!(ct.is_empty());
        assert_eq!(
            r.plain_digest,
            "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        let d = sha(b"");
        let (res, staging, _dir) = decrypt(
            b"",
            Expected {
                digest: &d,
                size: 0,
            },
            &r.private,
            &r.public,
        );
        assert_eq!(res.unwrap().size, 0);
        assert_eq!(std::fs::read(staging).unwrap(), b"");
    }

    /// Deterministic bytes generated on the fly (a 65 537-byte pseudo-random pattern, so chunk
    /// and block boundaries never line up), so the test holds no 64 MiB buffer.
    struct Gen {
        left: u64,
        pos: usize,
        pattern: Vec<u8>,
    }
    impl Gen {
        fn new(left: u64) -> Self {
            let mut state = 1u64;
            let pattern = (0..65_537)
                .map(|_| {
                    state = state
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    (state >> 56) as u8
                })
                .collect();
            Gen {
                left,
                pos: 0,
                pattern,
            }
        }
    }
    impl Read for Gen {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = buf
                .len()
                .min(self.left as usize)
                .min(self.pattern.len() - self.pos);
            buf[..n].copy_from_slice(&self.pattern[self.pos..self.pos + n]);
            self.pos = (self.pos + n) % self.pattern.len();
            self.left -= n as u64;
            Ok(n)
        }
    }

    #[test]
    fn stream_64_mib() {
        const SIZE: u64 = 64 << 20;
        let dir = tempfile::tempdir().unwrap();
        let ct_path = dir.path().join("ct");
        let mut ct_file = File::create(&ct_path).unwrap();
        let mut seen = 0u64;
        let r = encrypt_stream(
            &LayerKey::generate(),
            &mut Gen::new(SIZE),
            Path::new("gen"),
            &mut ct_file,
            &ct_path,
            SourceDigest::Compute,
            &mut |n| {
                seen += n;
                Ok(())
            },
        )
        .unwrap();
        drop(ct_file);
        assert_eq!(seen, SIZE);
        assert_eq!(r.size, SIZE);
        let mut plain_hash = Sha256::new();
        let mut g = Gen::new(SIZE);
        let mut buf = vec![0u8; 1 << 16];
        loop {
            let n = g.read(&mut buf).unwrap();
            if n == 0 {
                break;
            }
            plain_hash.update(&buf[..n]);
        }
        assert_eq!(r.plain_digest, sha256_string(plain_hash));

        let staging = dir.path().join("plain");
        let out = decrypt_to_file(
            &mut File::open(&ct_path).unwrap(),
            &ct_path,
            Expected {
                digest: &r.cipher_digest,
                size: SIZE,
            },
            &r.private,
            &r.public,
            &staging,
            &mut no_progress(),
        )
        .unwrap();
        assert_eq!(out.digest, r.plain_digest);
        assert_eq!(std::fs::metadata(&staging).unwrap().len(), SIZE);
    }

    fn decrypt_with(
        split: fn() -> bool,
        ct: &[u8],
        r: &EncryptedLayer,
        dir: &Path,
    ) -> Result<(DecryptedLayer, Vec<u8>)> {
        let (iv, key) = check_key_material(&r.private, &r.public)?;
        let out = dir.join(format!("plain-{}", split()));
        let _ = std::fs::remove_file(&out);
        let mut w = crate::blobfile::create(&out, ct.len() as u64)?;
        let exp = Expected {
            digest: &r.cipher_digest,
            size: ct.len() as u64,
        };
        let d = decrypt_into(
            &mut &ct[..],
            Path::new("ct"),
            exp,
            &r.private,
            &r.public,
            &iv,
            &key,
            &mut w,
            &out,
            split,
            &mut no_progress(),
        )?;
        drop(w);
        Ok((d, std::fs::read(&out).unwrap()))
    }

    /// With a spare CPU (hashes side by side on two threads) the output, HMAC and digests are
    /// the same as on one thread, in both source modes and across chunk boundaries and a
    /// counter wrap; split decryption gives the plaintext back and refuses a flipped bit.
    #[test]
    fn split_and_sequential_paths_agree() {
        const SIZE: u64 = 5 * CHUNK_SIZE as u64 + 12_345;
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("src");
        std::io::copy(&mut Gen::new(SIZE), &mut File::create(&src).unwrap()).unwrap();
        let plain = std::fs::read(&src).unwrap();
        let plain_digest = sha(&plain);
        let mut iv = [0xff; 16];
        iv[15] = 0x00;
        let key = LayerKey::from_parts(key(), iv);
        fn never() -> bool {
            false
        }
        fn always() -> bool {
            true
        }
        let mut outputs = Vec::new();
        let mut last = None;
        for (name, split) in [("one", never as fn() -> bool), ("two", always)] {
            for verify in [true, false] {
                let out = dir.path().join(format!("{name}-{verify}"));
                let mut dst = crate::blobfile::create(&out, SIZE).unwrap();
                let mut f = File::open(&src).unwrap();
                let source = match verify {
                    true => SourceDigest::Compute,
                    false => SourceDigest::Known(&plain_digest),
                };
                let files = (&mut f, src.as_path(), &mut dst, out.as_path());
                let r = encrypt_file_into(&key, files, source, split, &mut no_progress()).unwrap();
                drop(dst);
                let ct = std::fs::read(&out).unwrap();
                assert_eq!(r.plain_digest, plain_digest, "{name} {verify}");
                assert_eq!(r.cipher_digest, sha(&ct), "{name} {verify}");
                assert_eq!(r.size, SIZE);
                outputs.push((r.public.hmac.clone(), r.cipher_digest.clone(), ct));
                last = Some(r);
            }
        }
        assert!(outputs.windows(2).all(|w| w[0] == w[1]));
        let r = last.unwrap();
        let mut ct = outputs.pop().unwrap().2;
        assert_ne!(ct, plain);
        for split in [never as fn() -> bool, always] {
            let (d, got) = decrypt_with(split, &ct, &r, dir.path()).unwrap();
            assert_eq!(d.digest, plain_digest);
            assert!(got == plain, "split {}", split());
        }
        ct[3 * CHUNK_SIZE + 7] ^= 0x10;
        for split in [never as fn() -> bool, always] {
            let err = decrypt_with(split, &ct, &r, dir.path()).unwrap_err();
            assert!(matches!(err, Error::Authentication { .. }), "{err:?}");
        }
    }
}
