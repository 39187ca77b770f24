//! Whole-image encrypt/decrypt over OCI layouts built in the test: round trips, layer
//! selection, refusals, tampering, and all-or-nothing destinations.

mod common;

use std::path::Path;
use std::sync::atomic::Ordering;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use common::*;
use oci_spec::image::ImageManifest;
use secl_ocicrypt::layout::{LayoutDest, LayoutSource};
use secl_ocicrypt::media::{PUBOPTS_ANNOTATION, keys_annotation};
use secl_ocicrypt::options::PublicLayerBlockCipherOptions;
use secl_ocicrypt::pipeline::{
    DecryptOptions, EncryptOptions, LayerAction, LayerSelection, Report, decrypt_image,
    encrypt_image, inspect,
};
use secl_ocicrypt::{Error, KeyWrapper, NoProgress, Result};

fn opts(layers: LayerSelection) -> EncryptOptions {
    EncryptOptions {
        layers,
        ..Default::default()
    }
}

async fn encrypt(
    src: &Path,
    src_tag: &str,
    dst: &Path,
    dst_tag: &str,
    w: &dyn KeyWrapper,
    o: &EncryptOptions,
) -> Result<Report> {
    let s = LayoutSource::open(src, src_tag).await?;
    let d = LayoutDest::create(dst, dst_tag).await?;
    encrypt_image(&s, &d, w, o, &NoProgress).await
}

async fn decrypt(
    src: &Path,
    src_tag: &str,
    dst: &Path,
    dst_tag: &str,
    ws: &[&dyn KeyWrapper],
) -> Result<Report> {
    let s = LayoutSource::open(src, src_tag).await?;
    let d = LayoutDest::create(dst, dst_tag).await?;
    decrypt_image(&s, &d, ws, &DecryptOptions::default(), &NoProgress).await
}

/// Asserts the layers of `dir:tag` are exactly those of `orig` and byte-identical on disk.
async fn assert_same_image(orig_dir: &Path, orig: &ImageManifest, dir: &Path, tag: &str) {
    let m = manifest_of(dir, tag).await;
    assert_eq!(m.layers(), orig.layers());
    assert_eq!(m.config(), orig.config());
    for l in orig.layers() {
        let d = l.digest().to_string();
        assert_eq!(read_blob(dir, &d), read_blob(orig_dir, &d));
    }
    assert_eq!(
        read_blob(dir, orig.config().digest().as_ref()),
        read_blob(orig_dir, orig.config().digest().as_ref())
    );
}

/// Nothing named like `dst` (the layout itself or a hidden temp sibling) exists.
fn assert_no_output(dst: &Path) {
    assert!(!dst.exists(), "{} exists after a failed run", dst.display());
    let name = dst.file_name().unwrap().to_string_lossy().to_string();
    let leftovers: Vec<_> = std::fs::read_dir(dst.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.contains(&name))
        .collect();
    assert!(leftovers.is_empty(), "leftovers: {leftovers:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn encrypt_then_decrypt_round_trips() {
    let t = tempfile::tempdir().unwrap();
    let (src, enc, plain) = (
        t.path().join("src"),
        t.path().join("enc"),
        t.path().join("plain"),
    );
    let orig = build_layout(&src, "latest", &standard_layers());
    let toy = Toy::new("provider.toy", 0x5a);

    let s = LayoutSource::open(&src, "latest").await.unwrap();
    let d = LayoutDest::create(&enc, "enc").await.unwrap();
    let rec = Recorder::default();
    let report = encrypt_image(&s, &d, &toy, &EncryptOptions::default(), &rec)
        .await
        .unwrap();
    assert_eq!(toy.wraps.load(Ordering::SeqCst), 3);
    assert!(
        report
            .layers
            .iter()
            .all(|l| l.action == LayerAction::Encrypted)
    );
    assert_eq!(report.config_digest, orig.config().digest().to_string());
    for (i, l) in orig.layers().iter().enumerate() {
        assert_eq!(rec.started.lock().unwrap()[&i], l.size());
        assert_eq!(rec.bytes.lock().unwrap()[&i], l.size());
    }
    assert_eq!(rec.finished.lock().unwrap().len(), 3);

    let m = manifest_of(&enc, "enc").await;
    assert_eq!(m.config(), orig.config(), "config unchanged");
    for (i, (e, o)) in m.layers().iter().zip(orig.layers()).enumerate() {
        assert_eq!(
            e.media_type().to_string(),
            format!("{}+encrypted", o.media_type())
        );
        assert_eq!(e.size(), o.size(), "CTR keeps the size");
        assert_ne!(e.digest(), o.digest());
        let blob = read_blob(&enc, e.digest().as_ref());
        assert_eq!(sha256(&blob), e.digest().to_string());
        assert_ne!(blob, read_blob(&src, o.digest().as_ref()));
        let ann = e.annotations().as_ref().unwrap();
        let pubopts =
            PublicLayerBlockCipherOptions::from_annotation(&ann[PUBOPTS_ANNOTATION]).unwrap();
        assert_eq!(pubopts.cipher, "AES_256_CTR_HMAC_SHA256");
        assert_eq!(pubopts.hmac.len(), 32);
        let wrapped = B64.decode(&ann[&keys_annotation("provider.toy")]).unwrap();
        assert!(wrapped.starts_with(b"TOY:"));
        assert_eq!(report.layers[i].digest_before, o.digest().to_string());
        assert_eq!(report.layers[i].digest_after, e.digest().to_string());
    }
    assert_eq!(
        m.layers()[0].annotations().as_ref().unwrap()["org.example.keep"],
        "me",
        "existing annotations kept"
    );

    let info = inspect(&LayoutSource::open(&enc, "enc").await.unwrap())
        .await
        .unwrap();
    assert!(info.iter().all(|l| l.encrypted
        && l.cipher.as_deref() == Some("AES_256_CTR_HMAC_SHA256")
        && l.schemes == vec!["provider.toy".to_string()]
        && l.key_urls.is_empty()));

    let report = decrypt(&enc, "enc", &plain, "latest", &[&toy])
        .await
        .unwrap();
    assert!(
        report
            .layers
            .iter()
            .all(|l| l.action == LayerAction::Decrypted)
    );
    assert_same_image(&src, &orig, &plain, "latest").await;
    let info = inspect(&LayoutSource::open(&plain, "latest").await.unwrap())
        .await
        .unwrap();
    assert!(
        info.iter()
            .all(|l| !l.encrypted && l.schemes.is_empty() && l.cipher.is_none())
    );
    // No staging directories or temp files left in the outputs.
    for dir in [&enc, &plain] {
        assert!(
            tree(dir)
                .iter()
                .all(|p| !p.contains(".staging") && !p.contains("tmp")),
            "{:?}",
            tree(dir)
        );
    }
}

#[tokio::test]
async fn fetch_path_and_concurrency_one() {
    let t = tempfile::tempdir().unwrap();
    let (src, enc, plain) = (
        t.path().join("src"),
        t.path().join("enc"),
        t.path().join("plain"),
    );
    let orig = build_layout(&src, "v1", &standard_layers());
    let toy = Toy::new("provider.toy", 1);
    let s = FetchOnly(LayoutSource::open(&src, "v1").await.unwrap());
    let d = LayoutDest::create(&enc, "v1").await.unwrap();
    let o = EncryptOptions {
        layers: LayerSelection::All,
        concurrency: 1,
        ..Default::default()
    };
    encrypt_image(&s, &d, &toy, &o, &NoProgress).await.unwrap();
    let s = FetchOnly(LayoutSource::open(&enc, "v1").await.unwrap());
    let d = LayoutDest::create(&plain, "v1").await.unwrap();
    decrypt_image(
        &s,
        &d,
        &[&toy],
        &DecryptOptions { concurrency: 1 },
        &NoProgress,
    )
    .await
    .unwrap();
    assert_same_image(&src, &orig, &plain, "v1").await;
    // Fetched copies in staging are cleaned up.
    assert!(tree(&plain).iter().all(|p| !p.contains(".staging")));
}

#[tokio::test]
async fn selected_layers_only() {
    let t = tempfile::tempdir().unwrap();
    let (src, enc, plain) = (
        t.path().join("src"),
        t.path().join("enc"),
        t.path().join("plain"),
    );
    let orig = build_layout(&src, "latest", &standard_layers());
    let toy = Toy::new("provider.toy", 2);
    let report = encrypt(
        &src,
        "latest",
        &enc,
        "latest",
        &toy,
        &opts(LayerSelection::Indices(vec![0, -1])),
    )
    .await
    .unwrap();
    let actions: Vec<_> = report.layers.iter().map(|l| l.action).collect();
    assert_eq!(
        actions,
        vec![
            LayerAction::Encrypted,
            LayerAction::Copied,
            LayerAction::Encrypted
        ]
    );
    let m = manifest_of(&enc, "latest").await;
    assert_eq!(
        m.layers()[1],
        orig.layers()[1],
        "unselected layer untouched"
    );
    assert!(
        m.layers()[2]
            .media_type()
            .to_string()
            .ends_with("+encrypted")
    );
    assert_eq!(
        read_blob(&enc, orig.layers()[1].digest().as_ref()),
        read_blob(&src, orig.layers()[1].digest().as_ref())
    );

    let report = decrypt(&enc, "latest", &plain, "latest", &[&toy])
        .await
        .unwrap();
    let actions: Vec<_> = report.layers.iter().map(|l| l.action).collect();
    assert_eq!(
        actions,
        vec![
            LayerAction::Decrypted,
            LayerAction::Copied,
            LayerAction::Decrypted
        ]
    );
    assert_same_image(&src, &orig, &plain, "latest").await;

    // -3 is the first layer of three.
    let enc2 = t.path().join("enc2");
    let report = encrypt(
        &src,
        "latest",
        &enc2,
        "x",
        &toy,
        &opts(LayerSelection::Indices(vec![-3])),
    )
    .await
    .unwrap();
    assert_eq!(report.layers[0].action, LayerAction::Encrypted);
    assert_eq!(report.layers[2].action, LayerAction::Copied);
}

#[tokio::test]
async fn already_encrypted_layers_are_skipped() {
    let t = tempfile::tempdir().unwrap();
    let (src, once, twice, plain) = (
        t.path().join("src"),
        t.path().join("once"),
        t.path().join("twice"),
        t.path().join("plain"),
    );
    let orig = build_layout(&src, "latest", &standard_layers());
    let a = Toy::new("provider.a", 3);
    let b = Toy::new("provider.b", 4);
    encrypt(
        &src,
        "latest",
        &once,
        "latest",
        &a,
        &opts(LayerSelection::Indices(vec![1])),
    )
    .await
    .unwrap();
    let first = manifest_of(&once, "latest").await;
    let report = encrypt(
        &once,
        "latest",
        &twice,
        "latest",
        &b,
        &EncryptOptions::default(),
    )
    .await
    .unwrap();
    let actions: Vec<_> = report.layers.iter().map(|l| l.action).collect();
    assert_eq!(
        actions,
        vec![
            LayerAction::Encrypted,
            LayerAction::SkippedAlreadyEncrypted,
            LayerAction::Encrypted
        ]
    );
    let m = manifest_of(&twice, "latest").await;
    assert_eq!(m.layers()[1], first.layers()[1], "left exactly as it was");
    assert_eq!(b.wraps.load(Ordering::SeqCst), 2);

    decrypt(&twice, "latest", &plain, "latest", &[&a, &b])
        .await
        .unwrap();
    assert_same_image(&src, &orig, &plain, "latest").await;

    // With only wrapper b, layer 1 cannot be opened: the error names the scheme it has.
    let plain2 = t.path().join("plain2");
    let err = decrypt(&twice, "latest", &plain2, "latest", &[&b])
        .await
        .unwrap_err();
    match &err {
        Error::MissingAnnotation { scheme, found, .. } => {
            assert_eq!(scheme, "provider.b");
            assert!(found.contains("provider.a"), "{err}");
        }
        other => panic!("{other:?}"),
    }
    assert_no_output(&plain2);
}

#[tokio::test]
async fn unsupported_media_type_writes_nothing() {
    let t = tempfile::tempdir().unwrap();
    let (src, dst) = (t.path().join("src"), t.path().join("dst"));
    let mut layers = standard_layers();
    layers.push((FOREIGN.into(), noise(100, 9), None));
    let orig = build_layout(&src, "latest", &layers);
    let toy = Toy::new("provider.toy", 5);
    let err = encrypt(
        &src,
        "latest",
        &dst,
        "latest",
        &toy,
        &EncryptOptions::default(),
    )
    .await
    .unwrap_err();
    match &err {
        Error::UnsupportedMediaType { media_type, digest } => {
            assert_eq!(media_type, FOREIGN);
            assert_eq!(digest, &orig.layers()[3].digest().to_string());
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(toy.wraps.load(Ordering::SeqCst), 0);
    assert_no_output(&dst);

    // Leaving that layer out of the selection works; it is copied as is.
    let report = encrypt(
        &src,
        "latest",
        &dst,
        "latest",
        &toy,
        &opts(LayerSelection::Indices(vec![0, 1, 2])),
    )
    .await
    .unwrap();
    assert_eq!(report.layers[3].action, LayerAction::Copied);
}

#[tokio::test]
async fn out_of_range_index() {
    let t = tempfile::tempdir().unwrap();
    let (src, dst) = (t.path().join("src"), t.path().join("dst"));
    build_layout(&src, "latest", &standard_layers());
    let toy = Toy::new("provider.toy", 6);
    for bad in [3, -4] {
        let err = encrypt(
            &src,
            "latest",
            &dst,
            "latest",
            &toy,
            &opts(LayerSelection::Indices(vec![0, bad])),
        )
        .await
        .unwrap_err();
        assert!(
            matches!(err, Error::LayerIndex { index, count: 3 } if index == bad),
            "{err:?}"
        );
        assert_no_output(&dst);
    }
}

/// Builds `src` and its encrypted form `enc:enc`.
async fn encrypted_fixture(root: &Path, toy: &Toy) -> (ImageManifest, std::path::PathBuf) {
    let src = root.join("src");
    let enc = root.join("enc");
    let orig = build_layout(&src, "latest", &standard_layers());
    encrypt(&src, "latest", &enc, "enc", toy, &EncryptOptions::default())
        .await
        .unwrap();
    (orig, enc)
}

/// Copies `enc`, lets `f` tamper with the copy, decrypts it and returns the error; the
/// destination must not exist afterwards.
async fn tampered(
    root: &Path,
    enc: &Path,
    name: &str,
    toy: &Toy,
    f: impl FnOnce(&Path, &mut ImageManifest),
) -> Error {
    let dir = root.join(format!("tamper-{name}"));
    copy_dir(enc, &dir);
    let mut m = manifest_of(&dir, "enc").await;
    f(&dir, &mut m);
    set_manifest(&dir, "enc", &m);
    let out = root.join(format!("out-{name}"));
    let err = decrypt(&dir, "enc", &out, "latest", &[toy])
        .await
        .unwrap_err();
    assert_no_output(&out);
    err
}

#[tokio::test]
async fn tampering_is_detected() {
    let t = tempfile::tempdir().unwrap();
    let toy = Toy::new("provider.toy", 7);
    let (_, enc) = encrypted_fixture(t.path(), &toy).await;
    let root = t.path();

    // One flipped bit in the big layer's blob (written in place, digest left as it was).
    let err = tampered(root, &enc, "bit", &toy, |dir, m| {
        let p = blob_path(dir, m.layers()[1].digest().as_ref());
        let mut b = std::fs::read(&p).unwrap();
        b[200_000] ^= 0x10;
        std::fs::write(&p, b).unwrap();
    })
    .await;
    assert!(matches!(err, Error::Authentication { .. }), "{err:?}");
    assert!(err.to_string().contains("HMAC"), "{err}");

    // A wrong HMAC in pubopts.
    let err = tampered(root, &enc, "hmac", &toy, |_, m| {
        let mut layers = m.layers().clone();
        let ann = layers[2].annotations().clone().unwrap();
        let mut p =
            PublicLayerBlockCipherOptions::from_annotation(&ann[PUBOPTS_ANNOTATION]).unwrap();
        p.hmac[31] ^= 1;
        let mut ann = ann.clone();
        ann.insert(PUBOPTS_ANNOTATION.into(), p.to_annotation());
        layers[2].set_annotations(Some(ann));
        m.set_layers(layers);
    })
    .await;
    assert!(matches!(err, Error::Authentication { .. }), "{err:?}");

    // A truncated blob (descriptor unchanged).
    let err = tampered(root, &enc, "trunc", &toy, |dir, m| {
        let p = blob_path(dir, m.layers()[0].digest().as_ref());
        let b = std::fs::read(&p).unwrap();
        std::fs::write(&p, &b[..b.len() - 100]).unwrap();
    })
    .await;
    assert!(
        matches!(err, Error::Authentication { .. } | Error::Digest { .. }),
        "{err:?}"
    );

    // A truncated blob whose descriptor was adjusted to match: still the HMAC.
    let err = tampered(root, &enc, "trunc2", &toy, |dir, m| {
        let mut layers = m.layers().clone();
        let p = blob_path(dir, layers[1].digest().as_ref());
        let b = std::fs::read(&p).unwrap();
        let short = &b[..b.len() / 2];
        let d = write_blob(dir, short);
        layers[1].set_digest(d.as_str().try_into().unwrap());
        layers[1].set_size(short.len() as u64);
        m.set_layers(layers);
    })
    .await;
    assert!(matches!(err, Error::Authentication { .. }), "{err:?}");

    // No key annotation at all.
    let err = tampered(root, &enc, "nokey", &toy, |_, m| {
        let mut layers = m.layers().clone();
        let mut ann = layers[0].annotations().clone().unwrap();
        ann.remove(&keys_annotation("provider.toy"));
        layers[0].set_annotations(Some(ann));
        m.set_layers(layers);
    })
    .await;
    match &err {
        Error::MissingAnnotation { found, .. } => {
            assert!(found.contains("no key annotations"), "{err}")
        }
        other => panic!("{other:?}"),
    }

    // Only a foreign scheme's annotation.
    let err = tampered(root, &enc, "foreign", &toy, |_, m| {
        let mut layers = m.layers().clone();
        let mut ann = layers[2].annotations().clone().unwrap();
        let v = ann.remove(&keys_annotation("provider.toy")).unwrap();
        ann.insert(keys_annotation("jwe"), v);
        layers[2].set_annotations(Some(ann));
        m.set_layers(layers);
    })
    .await;
    match &err {
        Error::MissingAnnotation { scheme, found, .. } => {
            assert_eq!(scheme, "provider.toy");
            assert!(found.contains("jwe"), "{err}");
        }
        other => panic!("{other:?}"),
    }

    // Wrapped with another secret: the wrapper's own error comes through.
    let other = Toy::new("provider.toy", 8);
    let out = root.join("out-secret");
    let err = decrypt(&enc, "enc", &out, "latest", &[&other])
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Unwrap(_)), "{err:?}");
    assert_no_output(&out);

    // Missing pubopts.
    let err = tampered(root, &enc, "nopub", &toy, |_, m| {
        let mut layers = m.layers().clone();
        let mut ann = layers[1].annotations().clone().unwrap();
        ann.remove(PUBOPTS_ANNOTATION);
        layers[1].set_annotations(Some(ann));
        m.set_layers(layers);
    })
    .await;
    assert!(matches!(err, Error::Malformed { .. }), "{err:?}");
}

#[tokio::test]
async fn several_entries_are_tried_in_turn() {
    let t = tempfile::tempdir().unwrap();
    let toy = Toy::new("provider.toy", 11);
    let (orig, enc) = encrypted_fixture(t.path(), &toy).await;
    let dir = t.path().join("multi");
    copy_dir(&enc, &dir);
    let mut m = manifest_of(&dir, "enc").await;
    let mut layers = m.layers().clone();
    for l in &mut layers {
        let mut ann = l.annotations().clone().unwrap();
        let key = keys_annotation("provider.toy");
        let other = B64.encode(b"TOY:\x01garbage");
        ann.insert(key.clone(), format!("{other},{}", ann[&key]));
        l.set_annotations(Some(ann));
    }
    m.set_layers(layers);
    set_manifest(&dir, "enc", &m);
    let before = toy.unwraps.load(Ordering::SeqCst);
    let out = t.path().join("out");
    decrypt(&dir, "enc", &out, "latest", &[&toy]).await.unwrap();
    assert_eq!(toy.unwraps.load(Ordering::SeqCst) - before, 6);
    assert_same_image(&t.path().join("src"), &orig, &out, "latest").await;
}

#[tokio::test]
async fn failed_run_into_existing_layout_keeps_old_tag() {
    let t = tempfile::tempdir().unwrap();
    let toy = Toy::new("provider.toy", 12);
    let (orig, enc) = encrypted_fixture(t.path(), &toy).await;
    let src = t.path().join("src");

    // An existing layout holding another image as "old" (so a failed run's blobs are all new)
    // and a third one as "other".
    let out = t.path().join("out");
    let old_layers = vec![(TAR.into(), tar(&[("old", b"old image")]), None)];
    let old = build_layout(&out, "old", &old_layers);
    build_layout(&out, "other", &[(TAR.into(), tar(&[("a", b"b")]), None)]);
    let before_tree = tree(&out);
    let before_index = std::fs::read(out.join("index.json")).unwrap();

    // A tampered encrypted image fails to decrypt into "new" in the same layout.
    let bad = t.path().join("bad");
    copy_dir(&enc, &bad);
    let m = manifest_of(&bad, "enc").await;
    let p = blob_path(&bad, m.layers()[2].digest().as_ref());
    let mut b = std::fs::read(&p).unwrap();
    b[0] ^= 1;
    std::fs::write(&p, b).unwrap();
    let err = decrypt(&bad, "enc", &out, "new", &[&toy])
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Authentication { .. }), "{err:?}");

    assert_eq!(
        tree(&out),
        before_tree,
        "no blob or staging file left behind"
    );
    assert_eq!(std::fs::read(out.join("index.json")).unwrap(), before_index);
    assert_eq!(manifest_of(&out, "old").await, old);
    assert_eq!(
        read_blob(&out, old.layers()[0].digest().as_ref()),
        old_layers[0].1
    );
    assert!(LayoutSource::open(&out, "new").await.is_err());

    // A successful run adds the tag and keeps the others.
    decrypt(&enc, "enc", &out, "new", &[&toy]).await.unwrap();
    assert_same_image(&src, &orig, &out, "new").await;
    assert_eq!(manifest_of(&out, "old").await, old);
    manifest_of(&out, "other").await;

    // Re-running into an existing tag replaces it (one index entry per tag).
    decrypt(&enc, "enc", &out, "new", &[&toy]).await.unwrap();
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("index.json")).unwrap()).unwrap();
    assert_eq!(index["manifests"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn source_digest_mismatch_is_refused() {
    let t = tempfile::tempdir().unwrap();
    let (src, dst) = (t.path().join("src"), t.path().join("dst"));
    let orig = build_layout(&src, "latest", &standard_layers());
    let p = blob_path(&src, orig.layers()[1].digest().as_ref());
    let mut b = std::fs::read(&p).unwrap();
    b[5] ^= 1;
    std::fs::write(&p, b).unwrap();
    let toy = Toy::new("provider.toy", 13);
    let err = encrypt(
        &src,
        "latest",
        &dst,
        "latest",
        &toy,
        &EncryptOptions::default(),
    )
    .await
    .unwrap_err();
    assert!(matches!(err, Error::Digest { .. }), "{err:?}");
    assert_no_output(&dst);

    // Trusting the layout: the same-size corruption goes through encryption (the private
    // options name the manifest's digest), and decryption refuses it.
    let trusting = EncryptOptions {
        verify_source: false,
        ..Default::default()
    };
    encrypt(&src, "latest", &dst, "latest", &toy, &trusting)
        .await
        .unwrap();
    let out = t.path().join("out");
    let err = decrypt(&dst, "latest", &out, "latest", &[&toy])
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Digest { .. }), "{err:?}");
    assert_no_output(&out);

    // A truncated blob is refused even when trusted: its size is always checked.
    let p = blob_path(&src, orig.layers()[0].digest().as_ref());
    let b = std::fs::read(&p).unwrap();
    std::fs::write(&p, &b[..b.len() - 1]).unwrap();
    let dst2 = t.path().join("dst2");
    let err = encrypt(&src, "latest", &dst2, "latest", &toy, &trusting)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Digest { .. }), "{err:?}");
    assert_no_output(&dst2);
}

#[tokio::test]
async fn layout_errors_are_clear() {
    let t = tempfile::tempdir().unwrap();
    let src = t.path().join("src");
    build_layout(&src, "v1", &standard_layers());
    let e = LayoutSource::open(&src, "v2").await.err().unwrap();
    assert!(e.to_string().contains("v1"), "{e}");
    assert!(
        LayoutSource::open(t.path().join("nope"), "v1")
            .await
            .is_err()
    );
    // A non-empty directory that is not a layout is refused as a destination.
    let junk = t.path().join("junk");
    std::fs::create_dir(&junk).unwrap();
    std::fs::write(junk.join("file"), b"x").unwrap();
    assert!(LayoutDest::create(&junk, "x").await.is_err());
    // An empty directory is fine and becomes a layout.
    let empty = t.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let toy = Toy::new("provider.toy", 14);
    encrypt(&src, "v1", &empty, "e", &toy, &EncryptOptions::default())
        .await
        .unwrap();
    manifest_of(&empty, "e").await;
    // Dropping an unfinished destination cleans up like abort.
    let never = t.path().join("never");
    drop(LayoutDest::create(&never, "x").await.unwrap());
    assert_no_output(&never);
}
