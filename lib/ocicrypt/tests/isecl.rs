//! The isecl key wrapper through the whole pipeline, with a fake KBS as KEK source.

mod common;

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use common::*;
use rand::Rng;
use secl_ocicrypt::isecl::{IseclWrapper, KekMode, KekSource, parse_annotation};
use secl_ocicrypt::keyprovider;
use secl_ocicrypt::layout::{LayoutDest, LayoutSource};
use secl_ocicrypt::media::keys_annotation;
use secl_ocicrypt::pipeline::{
    DecryptOptions, EncryptOptions, decrypt_image, encrypt_image, inspect,
};
use secl_ocicrypt::{Error, KeyWrapper, NoProgress, Result};
use zeroize::Zeroizing;

/// A KBS stand-in: random KEKs under made-up transfer URLs.
#[derive(Default)]
struct FakeKbs {
    keys: Mutex<HashMap<String, [u8; 32]>>,
    created: AtomicUsize,
    transferred: AtomicUsize,
}

#[async_trait::async_trait]
impl KekSource for FakeKbs {
    async fn new_kek(&self) -> Result<(String, Zeroizing<[u8; 32]>)> {
        let n = self.created.fetch_add(1, Ordering::SeqCst);
        let mut k = [0u8; 32];
        rand::rng().fill_bytes(&mut k);
        let url = format!(
            "https://kbs.example.com:9443/kbs/v1/keys/00000000-0000-4000-8000-{n:012}/transfer"
        );
        self.keys.lock().unwrap().insert(url.clone(), k);
        Ok((url, Zeroizing::new(k)))
    }
    async fn kek_for(&self, key_url: &str) -> Result<Zeroizing<[u8; 32]>> {
        self.transferred.fetch_add(1, Ordering::SeqCst);
        self.keys
            .lock()
            .unwrap()
            .get(key_url)
            .map(|k| Zeroizing::new(*k))
            .ok_or_else(|| Error::Unwrap(format!("KBS: no key {key_url}")))
    }
}

#[tokio::test]
async fn isecl_round_trip_one_key_per_image() {
    let t = tempfile::tempdir().unwrap();
    let (src, enc, plain) = (
        t.path().join("src"),
        t.path().join("enc"),
        t.path().join("plain"),
    );
    let orig = build_layout(&src, "latest", &standard_layers());
    let kbs = Arc::new(FakeKbs::default());
    let w = IseclWrapper::new(kbs.clone());

    let s = LayoutSource::open(&src, "latest").await.unwrap();
    let d = LayoutDest::create(&enc, "latest").await.unwrap();
    encrypt_image(&s, &d, &w, &EncryptOptions::default(), &NoProgress)
        .await
        .unwrap();
    assert_eq!(
        kbs.created.load(Ordering::SeqCst),
        1,
        "one KBS key per image"
    );
    let url = w.wrap_key_url().unwrap().to_string();

    let m = manifest_of(&enc, "latest").await;
    for l in m.layers() {
        let ann = &l.annotations().as_ref().unwrap()[&keys_annotation("provider.isecl")];
        let packet = parse_annotation(&B64.decode(ann).unwrap()).unwrap();
        assert_eq!(packet.key_url, url);
        assert_eq!(packet.wrap_type, "AES");
        assert_eq!(packet.aes_packet().unwrap().nonce.len(), 12);
    }
    let info = inspect(&LayoutSource::open(&enc, "latest").await.unwrap())
        .await
        .unwrap();
    assert!(info.iter().all(
        |l| l.key_urls == vec![url.clone()] && l.schemes == vec!["provider.isecl".to_string()]
    ));

    // A different wrapper instance (another host) fetches the KEK once for all layers.
    let reader = IseclWrapper::new(kbs.clone());
    let s = LayoutSource::open(&enc, "latest").await.unwrap();
    let d = LayoutDest::create(&plain, "latest").await.unwrap();
    decrypt_image(&s, &d, &[&reader], &DecryptOptions::default(), &NoProgress)
        .await
        .unwrap();
    assert_eq!(kbs.transferred.load(Ordering::SeqCst), 1);
    let m = manifest_of(&plain, "latest").await;
    assert_eq!(m.layers(), orig.layers());
    for l in orig.layers() {
        assert_eq!(
            read_blob(&plain, l.digest().as_ref()),
            read_blob(&src, l.digest().as_ref())
        );
    }
}

#[tokio::test]
async fn isecl_per_call_mode_and_unknown_key() {
    let t = tempfile::tempdir().unwrap();
    let (src, enc) = (t.path().join("src"), t.path().join("enc"));
    build_layout(&src, "latest", &standard_layers());
    let kbs = Arc::new(FakeKbs::default());
    let w = IseclWrapper::with_mode(kbs.clone(), KekMode::PerCall);
    let s = LayoutSource::open(&src, "latest").await.unwrap();
    let d = LayoutDest::create(&enc, "latest").await.unwrap();
    encrypt_image(&s, &d, &w, &EncryptOptions::default(), &NoProgress)
        .await
        .unwrap();
    assert_eq!(
        kbs.created.load(Ordering::SeqCst),
        3,
        "WPM: a new key per layer"
    );
    let info = inspect(&LayoutSource::open(&enc, "latest").await.unwrap())
        .await
        .unwrap();
    let mut urls: Vec<_> = info.iter().flat_map(|l| l.key_urls.clone()).collect();
    urls.dedup();
    assert_eq!(urls.len(), 3);

    // A KBS that does not know the keys: a clear unwrap error and no output.
    let other = IseclWrapper::new(Arc::new(FakeKbs::default()));
    let plain = t.path().join("plain");
    let s = LayoutSource::open(&enc, "latest").await.unwrap();
    let d = LayoutDest::create(&plain, "latest").await.unwrap();
    let err = decrypt_image(&s, &d, &[&other], &DecryptOptions::default(), &NoProgress)
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Unwrap(ref m) if m.contains("no key")),
        "{err:?}"
    );
    assert!(!plain.exists());
}

/// The keyprovider `handle` with an isecl wrapper gives what WPM's `get-ocicrypt-wrappedkey`
/// gives: the annotation is base64 of the AnnotationPacket, and unwrap returns the optsdata.
#[tokio::test]
async fn isecl_through_the_keyprovider_protocol() {
    let kbs = Arc::new(FakeKbs::default());
    let w = IseclWrapper::new(kbs.clone());
    let optsdata = br#"{"symkey":"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=","digest":"sha256:0e28fe4c51e52c724c4e4fa0569513ad54d1ec73792ab0ee481e90c11f8b79c0","cipheroptions":{"nonce":"AAECAwQFBgcICQoLDA0ODw=="}}"#;
    let req =
        keyprovider::keywrap_request(&[("isecl", &[b"Enabled"]), ("pubkeys", &[b"x"])], optsdata);
    let resp = keyprovider::handle(&req, "isecl", &w).await.unwrap();
    let v: serde_json::Value = serde_json::from_slice(&resp).unwrap();
    let ann_b64 = v["keywrapresults"]["annotation"].as_str().unwrap();
    let packet = parse_annotation(&B64.decode(ann_b64).unwrap()).unwrap();
    assert_eq!(Some(packet.key_url.as_str()), w.wrap_key_url());

    let req =
        keyprovider::keyunwrap_request(&[("isecl", &[b"Enabled"])], &B64.decode(ann_b64).unwrap());
    let resp = keyprovider::handle(&req, "isecl", &IseclWrapper::new(kbs))
        .await
        .unwrap();
    assert_eq!(
        keyprovider::parse_keyunwrap_response(&resp)
            .unwrap()
            .as_slice(),
        optsdata
    );
    // A toy annotation is not ours: error, so ocicrypt moves on to the next provider.
    let req = keyprovider::keyunwrap_request(&[("isecl", &[b"Enabled"])], b"TOY:\x01abc");
    assert!(keyprovider::handle(&req, "isecl", &w).await.is_err());
    assert_eq!(w.scheme(), "provider.isecl");
}
