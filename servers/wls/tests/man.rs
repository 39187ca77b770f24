//! `man/secl-wls*.8` must match the server's clap definition.
//!
//! To refresh them: `SECL_UPDATE_GENERATED=1 cargo test -p secl-wls-server --test man`.

use std::path::Path;

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

#[test]
fn man_pages_are_up_to_date() {
    let mut cmd = secl_wls_server::command().disable_help_subcommand(true);
    cmd.build();
    let mut pages = Vec::new();
    render(&cmd, &mut pages);
    assert!(pages.len() >= 3, "secl-wls, serve, reset-admin-token");
    let man_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../man");
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
            "man/{name} is stale: run `SECL_UPDATE_GENERATED=1 cargo test -p secl-wls-server --test man`"
        );
    }
}
