//! Runs the real `secl` binary; needs no KBS (nothing listens on 127.0.0.1:1).

use std::path::{Path, PathBuf};
use std::process::Output;

use secl_testkit::{secl_command, stderr};

const UNREACHABLE: &str = "https://127.0.0.1:1";
const KEY_ID: &str = "1b4e28ba-2fa1-41d2-883f-0016d3cca427";

fn ca() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/test-ca.pem")
}

/// `secl` with a clean environment: no SECL_* variables, HOME and XDG_CONFIG_HOME pointing at
/// an empty directory, stdin from /dev/null.
fn secl(home: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    secl_command(home)
        .envs(env.iter().copied())
        .args(args)
        .output()
        .expect("run secl")
}

fn home() -> tempfile::TempDir {
    tempfile::tempdir().expect("tempdir")
}

#[test]
fn help_mentions_exit_codes() {
    let h = home();
    let o = secl(h.path(), &["--help"], &[]);
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("Exit status"), "{out}");
    for code in [
        "0  success",
        "3  not authorized",
        "5  cannot reach",
        "6  conflict",
    ] {
        assert!(out.contains(code), "{code:?} missing:\n{out}");
    }
}

#[test]
fn usage_errors_exit_2() {
    let h = home();
    let o = secl(h.path(), &["kbs", "key", "show", "not-a-uuid"], &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = secl(h.path(), &["kbs", "token", "create", "--name", "x"], &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let o = secl(
        h.path(),
        &[
            "kbs",
            "token",
            "create",
            "--name",
            "x",
            "--permission",
            "keys:create",
            "--expires-in",
            "3 weeks",
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
fn delete_without_yes_is_refused_before_connecting() {
    let h = home();
    let ca = ca();
    let ca = ca.to_str().expect("utf-8 path");
    for args in [
        &["kbs", "key", "delete", KEY_ID][..],
        &["kbs", "cert", "delete", KEY_ID],
        &["kbs", "policy", "delete", KEY_ID],
        &["kbs", "token", "revoke", KEY_ID],
        &["--output", "json", "kbs", "key", "delete", KEY_ID],
    ] {
        let mut all = args.to_vec();
        all.extend(["--kbs-url", UNREACHABLE, "--ca-cert", ca]);
        let o = secl(h.path(), &all, &[("SECL_KBS_TOKEN", "t0k3n")]);
        let err = stderr(&o);
        assert!(!o.status.success(), "{args:?} succeeded");
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains("error: refusing"), "{args:?}: {err}");
        assert!(err.contains("hint: pass --yes"), "{args:?}: {err}");
        assert!(!err.contains("cannot reach"), "{args:?} connected: {err}");
        assert!(!err.contains("t0k3n"), "token leaked: {err}");
    }
}

#[test]
fn delete_with_yes_goes_on_to_connect() {
    let h = home();
    let ca = ca();
    let o = secl(
        h.path(),
        &[
            "kbs",
            "key",
            "delete",
            KEY_ID,
            "--yes",
            "--kbs-url",
            UNREACHABLE,
            "--ca-cert",
            ca.to_str().expect("utf-8 path"),
        ],
        &[("SECL_KBS_TOKEN", "t0k3n")],
    );
    assert_eq!(o.status.code(), Some(5), "{}", stderr(&o));
}

#[test]
fn missing_url_names_every_way_to_set_it() {
    let h = home();
    let o = secl(
        h.path(),
        &["kbs", "key", "list"],
        &[("SECL_KBS_TOKEN", "x")],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("error: no KBS URL configured"), "{err}");
    for way in ["--kbs-url", "SECL_KBS_URL", "url under [kbs]"] {
        assert!(err.contains(way), "{way} missing: {err}");
    }
}

#[test]
fn missing_ca_cert_names_every_way_to_set_it() {
    let h = home();
    let o = secl(
        h.path(),
        &["kbs", "version"],
        &[("SECL_KBS_URL", UNREACHABLE)],
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for way in ["--ca-cert", "SECL_CA_CERT", "ca_cert under [kbs]"] {
        assert!(err.contains(way), "{way} missing: {err}");
    }
}

#[test]
fn unreachable_server_exits_5_with_hint() {
    let h = home();
    let ca = ca();
    let o = secl(
        h.path(),
        &["kbs", "key", "list"],
        &[
            ("SECL_KBS_URL", UNREACHABLE),
            ("SECL_CA_CERT", ca.to_str().expect("utf-8 path")),
            ("SECL_KBS_TOKEN", "t0k3n"),
        ],
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(5), "{err}");
    assert!(
        err.contains("error: cannot reach the KBS at https://127.0.0.1:1/"),
        "{err}"
    );
    assert!(err.contains("hint:") && err.contains("--kbs-url"), "{err}");
    assert!(!err.contains("t0k3n"), "token leaked: {err}");
    assert!(o.stdout.is_empty());
}

#[test]
fn version_needs_no_token() {
    let h = home();
    let ca = ca();
    let o = secl(
        h.path(),
        &[
            "kbs",
            "version",
            "--kbs-url",
            UNREACHABLE,
            "--ca-cert",
            ca.to_str().expect("utf-8 path"),
        ],
        &[],
    );
    assert_eq!(o.status.code(), Some(5), "{}", stderr(&o));
}

#[test]
fn missing_token_is_reported_before_connecting() {
    let h = home();
    let ca = ca();
    let o = secl(
        h.path(),
        &[
            "kbs",
            "key",
            "list",
            "--kbs-url",
            UNREACHABLE,
            "--ca-cert",
            ca.to_str().expect("utf-8 path"),
        ],
        &[],
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("no bearer token"), "{err}");
    assert!(err.contains("SECL_KBS_TOKEN"), "{err}");
}

#[test]
fn config_file_is_read_and_flags_win() {
    let h = home();
    let dir = h.path().join("config").join("secl");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::copy(ca(), dir.join("ca.pem")).expect("copy ca");
    std::fs::write(dir.join("token"), "t0k3n\n").expect("token");
    std::fs::write(
        dir.join("config.toml"),
        "[kbs]\nurl = \"https://127.0.0.1:1\"\nca_cert = \"ca.pem\"\ntoken_file = \"token\"\n",
    )
    .expect("config");
    // Everything from the default config file (relative paths are relative to it).
    let o = secl(h.path(), &["kbs", "key", "list"], &[]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(5), "{err}");
    assert!(err.contains("127.0.0.1:1"), "{err}");
    // The environment beats the file ...
    let o = secl(
        h.path(),
        &["kbs", "key", "list"],
        &[("SECL_KBS_URL", "http://127.0.0.1:1")],
    );
    assert!(stderr(&o).contains("must use https://"), "{}", stderr(&o));
    // ... and the flag beats both.
    let o = secl(
        h.path(),
        &[
            "kbs",
            "key",
            "list",
            "--kbs-url",
            "https://127.0.0.1:1/kbs/v1/",
        ],
        &[("SECL_KBS_URL", "http://127.0.0.1:1")],
    );
    assert_eq!(o.status.code(), Some(5), "{}", stderr(&o));
    // A config named by --config must exist.
    let o = secl(
        h.path(),
        &["--config", "/nonexistent/secl.toml", "kbs", "version"],
        &[],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("cannot read config file"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn import_refuses_non_pem_before_connecting() {
    let h = home();
    let ca = ca();
    let junk = h.path().join("junk.pem");
    std::fs::write(&junk, "hello").expect("write");
    let o = secl(
        h.path(),
        &[
            "kbs",
            "import-saml",
            junk.to_str().expect("utf-8 path"),
            "--kbs-url",
            UNREACHABLE,
            "--ca-cert",
            ca.to_str().expect("utf-8 path"),
        ],
        &[("SECL_KBS_TOKEN", "t0k3n")],
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("holds no PEM certificate"), "{err}");
}

#[test]
fn completions_are_printed() {
    let h = home();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = secl(h.path(), &["completions", shell], &[]);
        assert!(o.status.success(), "{shell}: {}", stderr(&o));
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains("secl"), "{shell}");
        assert!(out.contains("import-tpm-identity"), "{shell}");
    }
}
