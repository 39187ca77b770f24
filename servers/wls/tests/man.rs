//! `man/secl-wls*.8` must match the server's clap definition.
//!
//! To refresh them: `SECL_UPDATE_GENERATED=1 cargo test -p secl-wls-server --test man`.

#[test]
fn man_pages_are_up_to_date() {
    let mut cmd = secl_wls_server::command().disable_help_subcommand(true);
    cmd.build();
    let pages = secl_testkit::server_man_pages(&cmd);
    assert!(pages.len() >= 3, "secl-wls, serve, reset-admin-token");
    secl_testkit::check_man_pages(pages, "secl-wls-server");
}
