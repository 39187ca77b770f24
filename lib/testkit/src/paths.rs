//! Where things are: the repository, the workspace's binaries, fixtures, skopeo.

use std::path::{Path, PathBuf};

/// The repository root (this crate lives in `lib/testkit`).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("repository root")
}

/// A binary of this workspace, from the target directory of the running test.
///
/// Tests of one package only get their own binaries built by Cargo, so the others must be
/// built first: `cargo build --workspace --bins` (scripts/test.sh does that). A missing binary
/// fails with that advice instead of a bare "No such file".
pub fn bin(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    // target/<profile>/deps/<test> -> target/<profile>/<name>
    let dir = exe.parent().and_then(Path::parent).expect("target dir");
    let path = dir.join(name);
    assert!(
        path.exists(),
        "{} is missing: run `cargo build --workspace --bins` before the tests",
        path.display()
    );
    path
}

/// A file under `tests/fixtures` (Intel SecL samples and other recorded inputs).
pub fn fixture(name: &str) -> PathBuf {
    repo_root().join("tests/fixtures").join(name)
}

/// skopeo with keyprovider support and its permissive policy file: `$SECL_SKOPEO_DIR`, or what
/// `scripts/install-skopeo.sh` (run by scripts/test.sh) unpacked into `.tools/skopeo`. Debian's
/// own skopeo is too old for key providers, so it is never taken from PATH.
pub fn skopeo() -> (PathBuf, PathBuf) {
    let dir = std::env::var_os("SECL_SKOPEO_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join(".tools/skopeo"));
    let bin = dir.join("skopeo");
    assert!(
        bin.exists(),
        "{} is missing: run scripts/install-skopeo.sh (scripts/test.sh does)",
        bin.display()
    );
    (bin, dir.join("policy.json"))
}
