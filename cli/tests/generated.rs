//! The checked-in completions and man pages must match what the clap definition generates.
//!
//! To refresh them: `SECL_UPDATE_GENERATED=1 cargo test -p secl-cli --test generated`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const UPDATE: &str = "SECL_UPDATE_GENERATED=1 cargo test -p secl-cli --test generated";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("cli has a parent")
        .to_path_buf()
}

/// Files on disk that look generated: everything in completions/ and man/ except the servers'
/// section-8 pages, which their own crates generate and check.
fn on_disk(root: &Path) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for dir in ["completions", "man"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if !name.starts_with('.') && !name.ends_with(".8") {
                found.insert(format!("{dir}/{name}"));
            }
        }
    }
    found
}

#[test]
fn generated_files_are_up_to_date() {
    let root = root();
    let files = secl_cli::docs::generated_docs().expect("generate docs");
    assert!(files.contains_key("man/secl.1"));
    assert!(files.contains_key("man/secl-kbs-key-create.1"));
    assert!(files.contains_key("completions/_secl"));

    if std::env::var_os("SECL_UPDATE_GENERATED").is_some_and(|v| v == "1") {
        for stale in on_disk(&root) {
            if !files.contains_key(&stale) {
                std::fs::remove_file(root.join(&stale)).expect("remove stale file");
            }
        }
        secl_cli::docs::write_generated_docs(&root).expect("write docs");
        return;
    }

    let mut problems = Vec::new();
    for (rel, want) in &files {
        match std::fs::read(root.join(rel)) {
            Ok(have) if &have == want => {}
            Ok(_) => problems.push(format!("{rel} is out of date")),
            Err(_) => problems.push(format!("{rel} is missing")),
        }
    }
    for extra in on_disk(&root) {
        if !files.contains_key(&extra) {
            problems.push(format!("{extra} is not generated any more"));
        }
    }
    assert!(
        problems.is_empty(),
        "generated documentation differs from the clap definition:\n  {}\nrun `{UPDATE}` to \
         rewrite completions/ and man/",
        problems.join("\n  ")
    );
}

#[test]
fn generation_is_deterministic() {
    let a = secl_cli::docs::generated_docs().expect("generate docs");
    let b = secl_cli::docs::generated_docs().expect("generate docs");
    assert_eq!(a, b);
    // The title line has an empty date field: `.TH secl 1  "secl <version>" ...`.
    for (name, page) in a.iter().filter(|(k, _)| k.starts_with("man/")) {
        let page = String::from_utf8_lossy(page);
        let th = page
            .lines()
            .find(|l| l.starts_with(".TH "))
            .unwrap_or_else(|| panic!("{name} has no title line"));
        assert!(th.contains(" 1  \"secl "), "{name}: {th}");
    }
}
