//! Peak memory of encrypting and decrypting a 1 GiB two-layer image. Ignored by default (it
//! writes 3 GiB to disk and wants an optimised build):
//!
//! `cargo test -p secl-ocicrypt --release --test memory -- --ignored --nocapture`

mod common;

use std::io::Write;
use std::path::Path;

use common::*;
use secl_ocicrypt::NoProgress;
use secl_ocicrypt::layout::{LayoutDest, LayoutSource};
use secl_ocicrypt::pipeline::{DecryptOptions, EncryptOptions, decrypt_image, encrypt_image};
use sha2::{Digest as _, Sha256};

/// Peak resident set size of this process, in KiB.
fn vm_hwm_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

/// Writes `size` bytes of a repeating pseudo-random pattern without holding them in memory.
fn write_layer(dir: &Path, size: u64, seed: u64) -> (String, u64) {
    let pattern = noise(1 << 20, seed);
    let tmp = dir.join("blobs/sha256/tmp");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&tmp).unwrap());
    let mut h = Sha256::new();
    let mut left = size;
    while left > 0 {
        let n = left.min(pattern.len() as u64) as usize;
        f.write_all(&pattern[..n]).unwrap();
        h.update(&pattern[..n]);
        left -= n as u64;
    }
    f.flush().unwrap();
    let d = format!("sha256:{}", hex::encode(h.finalize()));
    std::fs::rename(&tmp, blob_path(dir, &d)).unwrap();
    (d, size)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "writes 3 GiB; run with --release --ignored"]
async fn one_gib_two_layers_stays_small() {
    let t = tempfile::tempdir().unwrap();
    let (src, enc, plain) = (
        t.path().join("src"),
        t.path().join("enc"),
        t.path().join("plain"),
    );
    // Build a tiny layout, then swap in two 512 MiB layers.
    build_layout(&src, "latest", &[]);
    let layers: Vec<_> = [1u64, 2]
        .iter()
        .map(|&seed| write_layer(&src, 512 << 20, seed))
        .map(|(d, s)| desc(TAR_GZ, &d, s as usize))
        .collect();
    let mut m = manifest_of(&src, "latest").await;
    m.set_layers(layers.clone());
    set_manifest(&src, "latest", &m);

    let before = vm_hwm_kib();
    let start = std::time::Instant::now();
    let w = Toy::new("provider.toy", 1);
    let s = LayoutSource::open(&src, "latest").await.unwrap();
    let d = LayoutDest::create(&enc, "latest").await.unwrap();
    encrypt_image(&s, &d, &w, &EncryptOptions::default(), &NoProgress)
        .await
        .unwrap();
    let s = LayoutSource::open(&enc, "latest").await.unwrap();
    let d = LayoutDest::create(&plain, "latest").await.unwrap();
    decrypt_image(&s, &d, &[&w], &DecryptOptions::default(), &NoProgress)
        .await
        .unwrap();
    let peak = vm_hwm_kib();
    println!(
        "1 GiB image encrypted and decrypted in {:.1?}; peak RSS {} MiB (before: {} MiB)",
        start.elapsed(),
        peak / 1024,
        before / 1024
    );
    assert_eq!(manifest_of(&plain, "latest").await.layers(), &layers);
    assert!(peak < 64 * 1024, "peak RSS {peak} KiB");
}
