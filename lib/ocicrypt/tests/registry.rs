//! `RegistrySource` / `RegistryDest` against a real registry (Debian's `docker-registry`, run by
//! `scripts/registry.sh` on 127.0.0.1, one per test, stopped on drop even when a test panics).

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use secl_ocicrypt::registry::{RegistryDest, RegistryOptions, RegistrySource};
use secl_ocicrypt::{Descriptor, Error, ImageDest, ImageManifest, ImageSource};
use sha2::Digest as _;

const LAYER_TYPE: &str = "application/vnd.oci.image.layer.v1.tar+gzip";
const ENC_LAYER_TYPE: &str = "application/vnd.oci.image.layer.v1.tar+gzip+encrypted";
const CONFIG_TYPE: &str = "application/vnd.oci.image.config.v1+json";
const HTPASSWD_USER: &str = "secl";
const HTPASSWD_PASSWORD: &str = "s3cret-test";
/// bcrypt (cost 4, to keep the registry fast) of `HTPASSWD_PASSWORD`.
const HTPASSWD_HASH: &str = "$2b$04$p923fX5mTTVmYcH6kUxn3.rhoIWyNNH9EH49tx65pE0vM4V5V7UQu";

fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/registry.sh")
}

fn free_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind an ephemeral port");
    l.local_addr().expect("local address").port()
}

/// A running registry; stopped when dropped.
struct TestRegistry {
    dir: tempfile::TempDir,
    addr: String,
}

impl TestRegistry {
    fn start() -> Self {
        Self::start_with(&[])
    }

    fn start_with(extra: &[&str]) -> Self {
        let found = std::env::var_os("PATH").is_some_and(|paths| {
            std::env::split_paths(&paths).any(|p| p.join("docker-registry").is_file())
        });
        assert!(
            found,
            "the docker-registry binary is missing: run scripts/install-deps.sh \
             (it installs the Debian package docker-registry)"
        );
        let dir = tempfile::tempdir().expect("tempdir");
        let mut last = String::new();
        // A free port may be taken between picking and binding; try a few.
        for _ in 0..5 {
            let port = free_port().to_string();
            let out = Command::new("bash")
                .arg(script())
                .arg("start")
                .arg(dir.path())
                .arg(&port)
                .args(extra)
                .output()
                .expect("run scripts/registry.sh");
            if out.status.success() {
                let addr = String::from_utf8_lossy(&out.stdout).trim().to_string();
                assert_eq!(addr, format!("127.0.0.1:{port}"));
                return TestRegistry { dir, addr };
            }
            last = String::from_utf8_lossy(&out.stderr).into_owned();
        }
        panic!("scripts/registry.sh start failed: {last}");
    }

    fn storage(&self) -> PathBuf {
        self.dir.path().join("storage")
    }
}

impl Drop for TestRegistry {
    fn drop(&mut self) {
        let _ = Command::new("bash")
            .arg(script())
            .arg("stop")
            .arg(self.dir.path())
            .output();
    }
}

fn plain() -> RegistryOptions {
    RegistryOptions {
        plain_http: true,
        ..Default::default()
    }
}

fn sha256(data: &[u8]) -> String {
    format!("sha256:{}", hex::encode(sha2::Sha256::digest(data)))
}

fn descriptor(media_type: &str, data: &[u8]) -> Descriptor {
    Descriptor::new(
        media_type.into(),
        data.len() as u64,
        oci_spec::image::Digest::try_from(sha256(data)).expect("digest"),
    )
}

/// Deterministic pseudo-random bytes (xorshift), different per seed.
fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut out = Vec::with_capacity(len + 8);
    while out.len() < len {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        out.extend_from_slice(&x.to_le_bytes());
    }
    out.truncate(len);
    out
}

/// Writes `data` into the destination's staging directory, as the pipeline would.
fn stage(dest: &RegistryDest, name: &str, data: &[u8]) -> PathBuf {
    let path = dest.staging_dir().join(name);
    std::fs::write(&path, data).expect("stage");
    path
}

fn config_json(arch: &str) -> Vec<u8> {
    format!(
        r#"{{"architecture":"{arch}","os":"linux","rootfs":{{"type":"layers","diff_ids":[]}}}}"#
    )
    .into_bytes()
}

fn manifest(config: &Descriptor, layers: &[Descriptor]) -> ImageManifest {
    serde_json::from_value(serde_json::json!({
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.manifest.v1+json",
        "config": config,
        "layers": layers,
        "annotations": {"org.example.test": "yes"},
    }))
    .expect("manifest")
}

/// Pushes config and layers (returning their descriptors) and the manifest under `tag`.
async fn push_image(
    reg: &TestRegistry,
    repo: &str,
    tag: &str,
    layers: &[(&str, Vec<u8>)],
) -> (ImageManifest, Vec<(Descriptor, Vec<u8>)>) {
    let dest = RegistryDest::new(&reg.addr, repo, tag, plain(), std::env::temp_dir()).unwrap();
    let mut blobs = Vec::new();
    let config = config_json("amd64");
    let config_desc = descriptor(CONFIG_TYPE, &config);
    blobs.push((config_desc.clone(), config));
    for (media_type, data) in layers {
        blobs.push((descriptor(media_type, data), data.clone()));
    }
    for (i, (desc, data)) in blobs.iter().enumerate() {
        if !dest.has_blob(desc).await.unwrap() {
            let staged = stage(&dest, &format!("blob{i}"), data);
            dest.put_blob(desc, &staged).await.unwrap();
            assert!(!staged.exists(), "put_blob removes the staged file");
        }
    }
    let layer_descs: Vec<Descriptor> = blobs[1..].iter().map(|(d, _)| d.clone()).collect();
    let m = manifest(&config_desc, &layer_descs);
    dest.put_manifest(&m).await.unwrap();
    (m, blobs)
}

/// PUTs a manifest document as is (plain HTTP), for shapes `RegistryDest` does not write.
fn put_raw_manifest(addr: &str, repo: &str, reference: &str, media_type: &str, body: &[u8]) {
    let mut s = TcpStream::connect(addr).expect("connect");
    write!(
        s,
        "PUT /v2/{repo}/manifests/{reference} HTTP/1.1\r\nHost: {addr}\r\n\
         Content-Type: {media_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .unwrap();
    s.write_all(body).unwrap();
    let mut answer = String::new();
    s.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 201"), "PUT manifest: {answer}");
}

fn registry_detail(e: &Error) -> &str {
    match e {
        Error::Registry { detail, .. } => detail,
        other => panic!("expected Error::Registry, got {other:?}"),
    }
}

async fn fetch(src: &RegistrySource, desc: &Descriptor, dir: &Path, name: &str) -> Vec<u8> {
    let to = dir.join(name);
    // A stale, world-readable file in the way is truncated and made private.
    std::fs::write(&to, vec![b'x'; 200_000]).unwrap();
    std::fs::set_permissions(&to, std::fs::Permissions::from_mode(0o644)).unwrap();
    src.fetch_blob(desc, &to).await.unwrap();
    let mode = std::fs::metadata(&to).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "fetched blobs are private");
    std::fs::read(&to).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn push_then_pull_round_trip() {
    let reg = TestRegistry::start();
    let layers = vec![
        (LAYER_TYPE, noise(1, 100_000)),
        (ENC_LAYER_TYPE, noise(2, 3_000)),
        (LAYER_TYPE, Vec::new()),
    ];
    let dest =
        RegistryDest::new(&reg.addr, "demo/app", "v1", plain(), std::env::temp_dir()).unwrap();
    let staging = dest.staging_dir().to_path_buf();
    let mode = std::fs::metadata(&staging).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o700, "staging directory is private");
    let probe = descriptor(LAYER_TYPE, &layers[0].1);
    assert!(!dest.has_blob(&probe).await.unwrap());
    drop(dest);
    assert!(
        !staging.exists(),
        "dropping the destination removes its staging directory"
    );

    let (mut pushed, blobs) = push_image(&reg, "demo/app", "v1", &layers).await;
    let dest =
        RegistryDest::new(&reg.addr, "demo/app", "v1", plain(), std::env::temp_dir()).unwrap();
    for (desc, _) in &blobs {
        assert!(dest.has_blob(desc).await.unwrap());
    }
    assert!(
        !dest
            .has_blob(&descriptor(LAYER_TYPE, b"absent"))
            .await
            .unwrap()
    );
    assert_eq!(
        dest.describe(),
        format!("docker://{}/demo/app:v1", reg.addr)
    );

    let src = RegistrySource::new(&reg.addr, "demo/app", "v1", plain()).unwrap();
    assert!(src.local_blob(&blobs[0].0).is_none());
    let pulled = src.manifest().await.unwrap();
    assert_eq!(pulled, pushed);
    let out = tempfile::tempdir().unwrap();
    for (i, (desc, data)) in blobs.iter().enumerate() {
        assert_eq!(&fetch(&src, desc, out.path(), &format!("b{i}")).await, data);
    }

    // By digest, with or without '@': the same manifest, checked against that digest.
    pushed.set_media_type(Some(oci_spec::image::MediaType::ImageManifest));
    let digest = sha256(&serde_json::to_vec(&pushed).unwrap());
    for r in [digest.clone(), format!("@{digest}")] {
        let src = RegistrySource::new(&reg.addr, "demo/app", &r, plain()).unwrap();
        assert_eq!(src.manifest().await.unwrap(), pushed);
    }

    // A manifest without mediaType gets the OCI one.
    let mut bare = pushed.clone();
    bare.set_media_type(None);
    dest.put_manifest(&bare).await.unwrap();
    let again = RegistrySource::new(&reg.addr, "demo/app", "v1", plain()).unwrap();
    assert_eq!(again.manifest().await.unwrap(), pushed);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn corrupt_or_mismatching_blobs_are_refused() {
    let reg = TestRegistry::start();
    let data = noise(3, 50_000);
    let (_, blobs) = push_image(&reg, "demo/bad", "v1", &[(LAYER_TYPE, data.clone())]).await;
    let desc = &blobs[1].0;
    let src = RegistrySource::new(&reg.addr, "demo/bad", "v1", plain()).unwrap();
    let out = tempfile::tempdir().unwrap();

    // A descriptor claiming another size.
    let mut wrong_size = desc.clone();
    wrong_size.set_size(data.len() as u64 + 1);
    let to = out.path().join("size");
    let e = src.fetch_blob(&wrong_size, &to).await.unwrap_err();
    assert!(matches!(e, Error::Digest { .. }), "{e:?}");
    assert!(!to.exists(), "a refused blob leaves no file");

    // Flip one byte in the registry's own storage: same size, wrong content.
    let hex = desc.digest().digest().to_string();
    let file = reg
        .storage()
        .join("docker/registry/v2/blobs/sha256")
        .join(&hex[..2])
        .join(&hex)
        .join("data");
    let mut bytes = std::fs::read(&file).expect("registry blob file");
    bytes[1234] ^= 0x55;
    std::fs::write(&file, &bytes).unwrap();
    let to = out.path().join("corrupt");
    let e = src.fetch_blob(desc, &to).await.unwrap_err();
    match &e {
        Error::Digest { expected, .. } => assert_eq!(expected, &desc.digest().to_string()),
        other => panic!("expected Error::Digest, got {other:?}"),
    }
    assert!(!to.exists(), "a corrupt blob leaves no file");

    // Uploads: content that is not what the descriptor names is refused by the registry.
    let dest =
        RegistryDest::new(&reg.addr, "demo/bad", "v2", plain(), std::env::temp_dir()).unwrap();
    let claimed = descriptor(LAYER_TYPE, &noise(4, 1000));
    let staged = stage(&dest, "liar", &noise(5, 1000));
    let e = dest.put_blob(&claimed, &staged).await.unwrap_err();
    assert!(matches!(e, Error::Digest { .. }), "{e:?}");
    assert!(!dest.has_blob(&claimed).await.unwrap());
    // A staged file of the wrong size is refused before anything is sent.
    let staged = stage(&dest, "short", &noise(4, 999));
    let e = dest.put_blob(&claimed, &staged).await.unwrap_err();
    assert!(matches!(e, Error::Digest { .. }), "{e:?}");

    // abort() removes what is staged.
    assert!(staged.exists());
    dest.abort().await;
    assert!(!staged.exists() && !dest.staging_dir().exists());
}

/// Peak resident memory of this process (VmHWM), in bytes.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn large_blob_round_trips_in_bounded_memory() {
    const SIZE: usize = 64 << 20;
    let reg = TestRegistry::start();
    let dest =
        RegistryDest::new(&reg.addr, "demo/big", "v1", plain(), std::env::temp_dir()).unwrap();
    let staged = dest.staging_dir().join("big");
    let mut hasher = sha2::Sha256::new();
    {
        let mut f = std::fs::File::create(&staged).unwrap();
        for i in 0..(SIZE >> 20) {
            let chunk = noise(100 + i as u64, 1 << 20);
            hasher.update(&chunk);
            f.write_all(&chunk).unwrap();
        }
    }
    let digest = format!("sha256:{}", hex::encode(hasher.finalize()));
    let desc = Descriptor::new(
        LAYER_TYPE.into(),
        SIZE as u64,
        oci_spec::image::Digest::try_from(digest.clone()).unwrap(),
    );

    // Resetting the peak is allowed on Linux >= 4.0; without it the check is merely weaker.
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let before = peak_rss();
    dest.put_blob(&desc, &staged).await.unwrap();
    assert!(dest.has_blob(&desc).await.unwrap());
    let src = RegistrySource::new(&reg.addr, "demo/big", "v1", plain()).unwrap();
    let out = tempfile::tempdir().unwrap();
    let to = out.path().join("big");
    src.fetch_blob(&desc, &to).await.unwrap();
    if let (Some(before), Some(after)) = (before, peak_rss()) {
        let grown = after.saturating_sub(before);
        assert!(
            grown < 40 << 20,
            "peak memory grew by {} MiB moving a 64 MiB blob: it is being buffered",
            grown >> 20
        );
    }

    let mut check = sha2::Sha256::new();
    let mut f = std::fs::File::open(&to).unwrap();
    let mut buf = vec![0u8; 1 << 20];
    let mut total = 0;
    loop {
        let n = f.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        total += n;
        check.update(&buf[..n]);
    }
    assert_eq!(total, SIZE);
    assert_eq!(format!("sha256:{}", hex::encode(check.finalize())), digest);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_images_and_blobs_are_not_found() {
    let reg = TestRegistry::start();
    let (_, blobs) = push_image(&reg, "demo/here", "v1", &[(LAYER_TYPE, noise(6, 10))]).await;

    for (repo, tag) in [("no/such-repo", "latest"), ("demo/here", "nope")] {
        let src = RegistrySource::new(&reg.addr, repo, tag, plain()).unwrap();
        let e = src.manifest().await.unwrap_err();
        let detail = registry_detail(&e);
        assert!(detail.contains("not found"), "{detail}");
        assert!(detail.contains(&format!("{repo}:{tag}")), "{detail}");
    }
    // A blob the registry does not have, and one that lives in another repository.
    let src = RegistrySource::new(&reg.addr, "demo/here", "v1", plain()).unwrap();
    let out = tempfile::tempdir().unwrap();
    let e = src
        .fetch_blob(&descriptor(LAYER_TYPE, b"absent"), &out.path().join("x"))
        .await
        .unwrap_err();
    assert!(registry_detail(&e).contains("not found"), "{e}");
    let other = RegistrySource::new(&reg.addr, "demo/elsewhere", "v1", plain()).unwrap();
    let e = other
        .fetch_blob(&blobs[1].0, &out.path().join("y"))
        .await
        .unwrap_err();
    assert!(registry_detail(&e).contains("not found"), "{e}");
    assert!(!out.path().join("x").exists() && !out.path().join("y").exists());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn plain_http_only_when_asked() {
    let reg = TestRegistry::start();
    push_image(&reg, "demo/tls", "v1", &[(LAYER_TYPE, noise(7, 10))]).await;

    let src = RegistrySource::new(&reg.addr, "demo/tls", "v1", RegistryOptions::default()).unwrap();
    let e = src.manifest().await.unwrap_err();
    let detail = registry_detail(&e);
    assert!(detail.contains("TLS"), "{detail}");
    assert!(detail.contains("--src-plain-http"), "{detail}");

    let dest = RegistryDest::new(
        &reg.addr,
        "demo/tls",
        "v2",
        RegistryOptions::default(),
        std::env::temp_dir(),
    )
    .unwrap();
    let e = dest
        .has_blob(&descriptor(LAYER_TYPE, b"x"))
        .await
        .unwrap_err();
    assert!(registry_detail(&e).contains("--dest-plain-http"), "{e}");
    // Unverified TLS is still TLS: no downgrade to plain HTTP either.
    let lax = RegistryOptions {
        insecure_skip_tls_verify: true,
        ..Default::default()
    };
    let src = RegistrySource::new(&reg.addr, "demo/tls", "v1", lax).unwrap();
    let e = src.manifest().await.unwrap_err();
    assert!(registry_detail(&e).contains("TLS"), "{e}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_transfers() {
    let reg = TestRegistry::start();
    let dest =
        RegistryDest::new(&reg.addr, "demo/many", "v1", plain(), std::env::temp_dir()).unwrap();
    let blobs: Vec<(Descriptor, Vec<u8>)> = (0..4)
        .map(|i| {
            let data = noise(200 + i, 1 << 20);
            (descriptor(LAYER_TYPE, &data), data)
        })
        .collect();
    let staged: Vec<PathBuf> = blobs
        .iter()
        .enumerate()
        .map(|(i, (_, data))| stage(&dest, &format!("b{i}"), data))
        .collect();
    futures_util::future::try_join_all(
        blobs
            .iter()
            .zip(&staged)
            .map(|((desc, _), path)| dest.put_blob(desc, path)),
    )
    .await
    .unwrap();

    let src = RegistrySource::new(&reg.addr, "demo/many", "v1", plain()).unwrap();
    let out = tempfile::tempdir().unwrap();
    let paths: Vec<PathBuf> = (0..4).map(|i| out.path().join(format!("o{i}"))).collect();
    futures_util::future::try_join_all(
        blobs
            .iter()
            .zip(&paths)
            .map(|((desc, _), to)| src.fetch_blob(desc, to)),
    )
    .await
    .unwrap();
    for ((_, data), path) in blobs.iter().zip(&paths) {
        assert_eq!(&std::fs::read(path).unwrap(), data);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn docker_v2s2_and_indexes() {
    let reg = TestRegistry::start();
    let (_, blobs) = push_image(&reg, "demo/multi", "base", &[(LAYER_TYPE, noise(8, 500))]).await;
    let layer = &blobs[1];

    // Docker v2s2: parsed as is, Docker media types kept.
    let dest =
        RegistryDest::new(&reg.addr, "demo/multi", "x", plain(), std::env::temp_dir()).unwrap();
    let docker_config = config_json("amd64");
    let docker_config_desc = descriptor(
        "application/vnd.docker.container.image.v1+json",
        &docker_config,
    );
    let docker_layer = descriptor(
        "application/vnd.docker.image.rootfs.diff.tar.gzip",
        &layer.1,
    );
    let staged = stage(&dest, "dc", &docker_config);
    dest.put_blob(&docker_config_desc, &staged).await.unwrap();
    let v2s2 = serde_json::to_vec(&serde_json::json!({
        "schemaVersion": 2,
        "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
        "config": docker_config_desc,
        "layers": [docker_layer],
    }))
    .unwrap();
    put_raw_manifest(
        &reg.addr,
        "demo/multi",
        "docker",
        "application/vnd.docker.distribution.manifest.v2+json",
        &v2s2,
    );
    let src = RegistrySource::new(&reg.addr, "demo/multi", "docker", plain()).unwrap();
    let m = src.manifest().await.unwrap();
    assert_eq!(m, serde_json::from_slice::<ImageManifest>(&v2s2).unwrap());
    assert_eq!(
        m.layers()[0].media_type().to_string(),
        "application/vnd.docker.image.rootfs.diff.tar.gzip"
    );
    assert_eq!(
        m.media_type().as_ref().map(|t| t.to_string()).as_deref(),
        Some("application/vnd.docker.distribution.manifest.v2+json")
    );

    // Two platform images, then indexes over them.
    let mut platform_manifests = Vec::new();
    for arch in ["arm64", "amd64"] {
        let config = config_json(arch);
        let config_desc = descriptor(CONFIG_TYPE, &config);
        let staged = stage(&dest, arch, &config);
        dest.put_blob(&config_desc, &staged).await.unwrap();
        let body =
            serde_json::to_vec(&manifest(&config_desc, std::slice::from_ref(&layer.0))).unwrap();
        put_raw_manifest(
            &reg.addr,
            "demo/multi",
            arch,
            "application/vnd.oci.image.manifest.v1+json",
            &body,
        );
        platform_manifests.push((arch, body));
    }
    let entry = |arch: &str, body: &[u8], media_type: &str| {
        serde_json::json!({
            "mediaType": media_type,
            "size": body.len(),
            "digest": sha256(body),
            "platform": {"architecture": arch, "os": "linux"},
        })
    };
    for (tag, index_type, entry_type) in [
        (
            "oci-index",
            "application/vnd.oci.image.index.v1+json",
            "application/vnd.oci.image.manifest.v1+json",
        ),
        (
            "docker-list",
            "application/vnd.docker.distribution.manifest.list.v2+json",
            "application/vnd.oci.image.manifest.v1+json",
        ),
    ] {
        let index = serde_json::to_vec(&serde_json::json!({
            "schemaVersion": 2,
            "mediaType": index_type,
            "manifests": platform_manifests
                .iter()
                .map(|(arch, body)| entry(arch, body, entry_type))
                .collect::<Vec<_>>(),
        }))
        .unwrap();
        put_raw_manifest(&reg.addr, "demo/multi", tag, index_type, &index);
        let src = RegistrySource::new(&reg.addr, "demo/multi", tag, plain()).unwrap();
        let m = src.manifest().await.unwrap();
        let amd64: ImageManifest = serde_json::from_slice(&platform_manifests[1].1).unwrap();
        assert_eq!(m, amd64, "{tag} resolves to linux/amd64");
    }

    // No linux/amd64 entry: a clear Unsupported naming what there is.
    let (arch, body) = &platform_manifests[0];
    let index = serde_json::to_vec(&serde_json::json!({
        "schemaVersion": 2,
        "mediaType": "application/vnd.oci.image.index.v1+json",
        "manifests": [entry(arch, body, "application/vnd.oci.image.manifest.v1+json")],
    }))
    .unwrap();
    put_raw_manifest(
        &reg.addr,
        "demo/multi",
        "arm-only",
        "application/vnd.oci.image.index.v1+json",
        &index,
    );
    let src = RegistrySource::new(&reg.addr, "demo/multi", "arm-only", plain()).unwrap();
    match src.manifest().await.unwrap_err() {
        Error::Unsupported(text) => assert!(text.contains("linux/arm64"), "{text}"),
        other => panic!("expected Unsupported, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn basic_auth() {
    let auth_dir = tempfile::tempdir().unwrap();
    let htpasswd = auth_dir.path().join("htpasswd");
    std::fs::write(&htpasswd, format!("{HTPASSWD_USER}:{HTPASSWD_HASH}\n")).unwrap();
    let reg = TestRegistry::start_with(&["--htpasswd", htpasswd.to_str().unwrap()]);
    let with = |user: &str, password: &str| RegistryOptions {
        auth: Some((user.into(), password.into())),
        ..plain()
    };

    let src = RegistrySource::new(&reg.addr, "demo/auth", "v1", plain()).unwrap();
    let e = src.manifest().await.unwrap_err();
    let detail = registry_detail(&e);
    assert!(
        detail.contains("401") && detail.contains("no credentials"),
        "{detail}"
    );

    let src = RegistrySource::new(
        &reg.addr,
        "demo/auth",
        "v1",
        with(HTPASSWD_USER, "wrong-pw-xyz"),
    )
    .unwrap();
    let e = src.manifest().await.unwrap_err();
    let text = format!("{e} {e:?} {src:?}");
    assert!(text.contains("rejected"), "{text}");
    assert!(
        !text.contains("wrong-pw-xyz"),
        "the password leaked: {text}"
    );

    let good = with(HTPASSWD_USER, HTPASSWD_PASSWORD);
    let dest = RegistryDest::new(
        &reg.addr,
        "demo/auth",
        "v1",
        good.clone(),
        std::env::temp_dir(),
    )
    .unwrap();
    let data = noise(9, 2000);
    let desc = descriptor(LAYER_TYPE, &data);
    let staged = stage(&dest, "l", &data);
    dest.put_blob(&desc, &staged).await.unwrap();
    let config = config_json("amd64");
    let config_desc = descriptor(CONFIG_TYPE, &config);
    let staged = stage(&dest, "c", &config);
    dest.put_blob(&config_desc, &staged).await.unwrap();
    let m = manifest(&config_desc, std::slice::from_ref(&desc));
    dest.put_manifest(&m).await.unwrap();
    let src = RegistrySource::new(&reg.addr, "demo/auth", "v1", good).unwrap();
    assert_eq!(src.manifest().await.unwrap(), m);
    let out = tempfile::tempdir().unwrap();
    assert_eq!(fetch(&src, &desc, out.path(), "l").await, data);
}

/// Makes a CA and a certificate for 127.0.0.1 with the openssl CLI, in `dir`.
fn make_tls_files(dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let run = |args: &[&str]| {
        let out = Command::new("openssl")
            .args(args)
            .current_dir(dir)
            .output()
            .expect("openssl (run scripts/install-deps.sh)");
        assert!(
            out.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:P-256",
        "-nodes",
    ];
    let mut ca = vec!["req", "-x509"];
    ca.extend(ec);
    ca.extend([
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=secl test CA",
    ]);
    run(&ca);
    let mut csr = vec!["req"];
    csr.extend(ec);
    csr.extend([
        "-keyout",
        "key.pem",
        "-out",
        "leaf.csr",
        "-subj",
        "/CN=127.0.0.1",
    ]);
    run(&csr);
    std::fs::write(
        dir.join("leaf.ext"),
        "subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n",
    )
    .unwrap();
    run(&[
        "x509",
        "-req",
        "-in",
        "leaf.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "cert.pem",
        "-days",
        "2",
        "-extfile",
        "leaf.ext",
    ]);
    (
        dir.join("ca.pem"),
        dir.join("cert.pem"),
        dir.join("key.pem"),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tls_verification() {
    let tls_dir = tempfile::tempdir().unwrap();
    let (ca, cert, key) = make_tls_files(tls_dir.path());
    let reg = TestRegistry::start_with(&["--tls", cert.to_str().unwrap(), key.to_str().unwrap()]);

    // Default: verified against the system roots, which do not know our CA.
    let src = RegistrySource::new(&reg.addr, "demo/tls", "v1", RegistryOptions::default()).unwrap();
    let e = src.manifest().await.unwrap_err();
    let detail = registry_detail(&e);
    assert!(
        detail.contains("not trusted") && detail.contains("--src-tls-verify=false"),
        "{detail}"
    );

    // Plain HTTP to a TLS registry: told to drop the flag.
    let src = RegistrySource::new(&reg.addr, "demo/tls", "v1", plain()).unwrap();
    let e = src.manifest().await.unwrap_err();
    assert!(registry_detail(&e).contains("speaks HTTPS"), "{e}");

    // Trusting the CA works end to end; so does skipping verification.
    let trusted = RegistryOptions {
        extra_ca: Some(ca),
        ..Default::default()
    };
    let dest = RegistryDest::new(
        &reg.addr,
        "demo/tls",
        "v1",
        trusted.clone(),
        std::env::temp_dir(),
    )
    .unwrap();
    let config = config_json("amd64");
    let config_desc = descriptor(CONFIG_TYPE, &config);
    let staged = stage(&dest, "c", &config);
    dest.put_blob(&config_desc, &staged).await.unwrap();
    let m = manifest(&config_desc, &[]);
    dest.put_manifest(&m).await.unwrap();
    let src = RegistrySource::new(&reg.addr, "demo/tls", "v1", trusted).unwrap();
    assert_eq!(src.manifest().await.unwrap(), m);
    let lax = RegistryOptions {
        insecure_skip_tls_verify: true,
        ..Default::default()
    };
    let src = RegistrySource::new(&reg.addr, "demo/tls", "v1", lax).unwrap();
    assert_eq!(src.manifest().await.unwrap(), m);

    let missing = RegistryOptions {
        extra_ca: Some(tls_dir.path().join("nope.pem")),
        ..Default::default()
    };
    let e = RegistrySource::new(&reg.addr, "demo/tls", "v1", missing).unwrap_err();
    assert!(matches!(e, Error::Io { .. }), "{e:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn refused_and_stalled_connections_fail_fast() {
    // Nothing listens: told to check the registry is running.
    let addr = format!("127.0.0.1:{}", free_port());
    let src = RegistrySource::new(&addr, "demo/x", "v1", plain()).unwrap();
    let e = src.manifest().await.unwrap_err();
    let detail = registry_detail(&e);
    assert!(
        detail.contains("cannot connect") && detail.contains("running"),
        "{detail}"
    );

    // A server that accepts but never answers: abandoned after the stall timeout.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for conn in listener.incoming().flatten() {
            held.push(conn);
        }
    });
    let opts = RegistryOptions {
        stall_timeout: Duration::from_secs(1),
        ..plain()
    };
    let started = Instant::now();
    let src = RegistrySource::new(&addr, "demo/x", "v1", opts.clone()).unwrap();
    let e = src.manifest().await.unwrap_err();
    assert!(registry_detail(&e).contains("no progress"), "{e}");
    let out = tempfile::tempdir().unwrap();
    let desc = descriptor(LAYER_TYPE, b"data");
    let e = src
        .fetch_blob(&desc, &out.path().join("x"))
        .await
        .unwrap_err();
    assert!(registry_detail(&e).contains("no progress"), "{e}");
    let dest = RegistryDest::new(&addr, "demo/x", "v1", opts, std::env::temp_dir()).unwrap();
    let staged = stage(&dest, "b", b"data");
    let e = dest.put_blob(&desc, &staged).await.unwrap_err();
    assert!(registry_detail(&e).contains("no progress"), "{e}");
    let e = dest.has_blob(&desc).await.unwrap_err();
    assert!(registry_detail(&e).contains("no progress"), "{e}");
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{:?}",
        started.elapsed()
    );
}
