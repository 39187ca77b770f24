//! Container images for the interop tests: a throw-away registry, OCI layouts built by an
//! independent tool, and reading layouts back from their files (not through secl's own code).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::paths::repo_root;

/// A throw-away docker-registry on 127.0.0.1 (scripts/registry.sh), stopped on drop.
pub struct Registry {
    pub dir: PathBuf,
    /// `127.0.0.1:PORT`.
    pub addr: String,
}

impl Registry {
    pub fn start(dir: &Path) -> Self {
        std::fs::create_dir_all(dir).unwrap();
        // The registry binds the port itself, after this process let go of it; another process
        // may take it in between, so a taken port is retried with a fresh one.
        let mut attempts = 0;
        let out = loop {
            attempts += 1;
            let port = std::net::TcpListener::bind("127.0.0.1:0")
                .unwrap()
                .local_addr()
                .unwrap()
                .port();
            let out = Command::new(repo_root().join("scripts/registry.sh"))
                .arg("start")
                .arg(dir)
                .arg(port.to_string())
                .output()
                .unwrap();
            let port_taken = String::from_utf8_lossy(&out.stderr).contains("in use?");
            if out.status.success() || !port_taken || attempts == 3 {
                break out;
            }
        };
        assert!(
            out.status.success(),
            "registry did not start (run scripts/install-deps.sh): {}",
            String::from_utf8_lossy(&out.stderr)
        );
        Self {
            dir: dir.to_path_buf(),
            addr: String::from_utf8_lossy(&out.stdout).trim().to_string(),
        }
    }
}

impl Drop for Registry {
    fn drop(&mut self) {
        let _ = Command::new(repo_root().join("scripts/registry.sh"))
            .arg("stop")
            .arg(&self.dir)
            .output();
    }
}

/// Builds an OCI layout with `scripts/mkimage.py` (an independent builder), one layer per
/// entry of `layers`.
pub fn make_image(dir: &Path, layers: &[&str]) {
    let mut cmd = Command::new(repo_root().join("scripts/mkimage.py"));
    cmd.arg(dir);
    for l in layers {
        cmd.arg("--layer").arg(l);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The layer descriptors (media type, digest, size) of `oci:dir:tag`.
pub fn layout_layers(dir: &Path, tag: &str) -> Vec<Value> {
    let manifest = layout_manifest(dir, tag);
    manifest["layers"].as_array().unwrap().clone()
}

/// The manifest of `oci:dir:tag`, found through index.json.
pub fn layout_manifest(dir: &Path, tag: &str) -> Value {
    let index: Value =
        serde_json::from_slice(&std::fs::read(dir.join("index.json")).unwrap()).unwrap();
    let entry = index["manifests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["annotations"]["org.opencontainers.image.ref.name"] == tag)
        .unwrap_or_else(|| panic!("no tag {tag} in {}", dir.display()))
        .clone();
    serde_json::from_slice(&std::fs::read(blob(dir, entry["digest"].as_str().unwrap())).unwrap())
        .unwrap()
}

/// The file of blob `digest` (`sha256:...`) in the layout at `dir`.
pub fn blob(dir: &Path, digest: &str) -> PathBuf {
    dir.join("blobs/sha256")
        .join(digest.trim_start_matches("sha256:"))
}
