//! The servers' section-8 man pages in `man/`, checked against their clap definitions.

use crate::paths::repo_root;

/// `cmd` and each of its subcommands rendered as a section-8 page: (file name, page). The
/// version in the footer is the workspace's, which every server crate shares.
pub fn server_man_pages(cmd: &clap::Command) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    render(cmd, &mut out);
    out
}

fn render(cmd: &clap::Command, out: &mut Vec<(String, Vec<u8>)>) {
    let man = clap_mangen::Man::new(cmd.clone())
        .section("8")
        .source(concat!("secl ", env!("CARGO_PKG_VERSION")))
        .manual("secl manual");
    let mut page = Vec::new();
    man.render(&mut page).unwrap();
    out.push((man.get_filename(), page));
    for sub in cmd.get_subcommands() {
        render(sub, out);
    }
}

/// Asserts that each page equals its file in `man/`, naming the command that refreshes them;
/// with `SECL_UPDATE_GENERATED=1` it writes the files instead. `package` is the Cargo package
/// whose `man` test made the pages.
pub fn check_man_pages(pages: Vec<(String, Vec<u8>)>, package: &str) {
    let man_dir = repo_root().join("man");
    let update = std::env::var_os("SECL_UPDATE_GENERATED").is_some_and(|v| v == "1");
    for (name, want) in pages {
        let path = man_dir.join(&name);
        if update {
            std::fs::write(&path, &want).unwrap();
            continue;
        }
        let have = std::fs::read(&path).unwrap_or_default();
        assert!(
            have == want,
            "man/{name} is stale: run `SECL_UPDATE_GENERATED=1 cargo test -p {package} --test man`"
        );
    }
}
