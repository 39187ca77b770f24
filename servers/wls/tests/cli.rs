//! The owner's and admin's path through the real `secl` binary: a flavor-signing key, an image
//! encrypted under a KBS key, its signed flavor, uploaded to the real `secl-wls`, listed,
//! shown and deleted; tokens; refusals with the documented exit codes.
//!
//! Needs `cargo build -p secl-cli -p secl-kbs-server` first.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use secl_testkit::{KbsProcess, Wls, bin, make_image};

fn secl(home: &Path, wls: &Wls, args: &[&str]) -> Output {
    Command::new(bin("secl"))
        .args(args)
        .env_clear()
        .env("HOME", home)
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("SECL_WLS_URL", wls.proc.url.trim_end_matches("/wls/v2"))
        .env("SECL_WLS_CA_CERT", wls.data.join("tls-ca.pem"))
        .env("SECL_WLS_TOKEN_FILE", wls.data.join("admin.token"))
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn ok(o: &Output) -> String {
    assert!(
        o.status.success(),
        "exit {:?}\nstdout: {}\nstderr: {}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn secl_wls_and_image_flavor_commands() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let home = root.join("home");
    std::fs::create_dir_all(&home).unwrap();

    // A flavor-signing key made by secl, trusted by the WLS.
    let key = root.join("flavor-key.pem");
    let cert = root.join("flavor-cert.pem");
    let o = Command::new(bin("secl"))
        .args(["image", "flavor", "keygen", "--key"])
        .arg(&key)
        .arg("--cert")
        .arg(&cert)
        .env("HOME", &home)
        .output()
        .unwrap();
    ok(&o);
    let kbs_data = root.join("kbs");
    let kbs = KbsProcess::start(&kbs_data, &[]);
    let wls = Wls::start(
        &root.join("wls"),
        &["--flavor-signing-cert", cert.to_str().unwrap()],
    );
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // keygen never overwrites.
    let o = secl(
        &home,
        &wls,
        &[
            "image",
            "flavor",
            "keygen",
            "--key",
            key.to_str().unwrap(),
            "--cert",
            root.join("x.pem").to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));

    // An image encrypted under one KBS key.
    let img = root.join("img");
    make_image(&img, &["text:a.txt=alpha\n", "text:b.txt=beta\n"]);
    let enc = root.join("img-enc");
    let src = format!("oci:{}:latest", img.display());
    let dst = format!("oci:{}:latest", enc.display());
    let o = Command::new(bin("secl"))
        .args(["image", "encrypt", &src, &dst])
        .env("HOME", &home)
        .env("SECL_KBS_URL", &kbs.url)
        .env("SECL_CA_CERT", kbs_data.join("tls-ca.pem"))
        .env("SECL_KBS_TOKEN_FILE", kbs_data.join("admin.token"))
        .env("SECL_ENVELOPE_KEY", root.join("envelope.pem"))
        .output()
        .unwrap();
    ok(&o);

    // Its flavor: the key URL of its layers and its manifest digest, signed.
    let flavor_file = root.join("app.flavor.json");
    let o = secl(
        &home,
        &wls,
        &[
            "image",
            "flavor",
            "create",
            &dst,
            "--signing-key",
            key.to_str().unwrap(),
            "--label",
            "app:1",
            "-o",
            flavor_file.to_str().unwrap(),
        ],
    );
    ok(&o);
    let doc: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&flavor_file).unwrap()).unwrap();
    let f = &doc["flavor"];
    assert_eq!(f["meta"]["description"]["flavor_part"], "CONTAINER_IMAGE");
    assert_eq!(f["meta"]["description"]["label"], "app:1");
    assert!(
        f["encryption"]["key_url"]
            .as_str()
            .unwrap()
            .starts_with(&kbs.url),
        "{doc}"
    );
    let index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(enc.join("index.json")).unwrap()).unwrap();
    assert_eq!(f["encryption"]["digest"], index["manifests"][0]["digest"]);
    // A plain image has no key URL to name.
    let o = secl(
        &home,
        &wls,
        &[
            "image",
            "flavor",
            "create",
            &src,
            "--signing-key",
            key.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("no encrypted layer"));

    // Upload, list, show, delete.
    let id = f["meta"]["id"].as_str().unwrap().to_string();
    let out = ok(&secl(
        &home,
        &wls,
        &[
            "wls",
            "flavor",
            "upload",
            flavor_file.to_str().unwrap(),
            "--quiet",
        ],
    ));
    assert_eq!(out.trim(), id);
    let o = secl(
        &home,
        &wls,
        &["wls", "flavor", "upload", flavor_file.to_str().unwrap()],
    );
    assert_eq!(
        o.status.code(),
        Some(6),
        "duplicate: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = ok(&secl(&home, &wls, &["wls", "flavor", "list"]));
    assert!(out.contains(&id) && out.contains("app:1"), "{out}");
    let out = ok(&secl(
        &home,
        &wls,
        &["wls", "flavor", "list", "--output", "json"],
    ));
    let list: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(list[0]["flavor"], *f);
    let out = ok(&secl(
        &home,
        &wls,
        &["wls", "flavor", "show", &id, "--output", "json"],
    ));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out).unwrap()["flavor"],
        *f
    );
    let out = ok(&secl(&home, &wls, &["wls", "flavor", "show", &id]));
    assert!(out.contains("Key URL:"), "{out}");
    // A tampered file is refused by the server (exit 3: the signature is not trusted).
    let tampered = root.join("tampered.json");
    std::fs::write(
        &tampered,
        std::fs::read_to_string(&flavor_file)
            .unwrap()
            .replace("app:1", "app:2")
            .replace(&id, "00000000-0000-4000-8000-000000000009"),
    )
    .unwrap();
    let o = secl(
        &home,
        &wls,
        &["wls", "flavor", "upload", tampered.to_str().unwrap()],
    );
    assert_eq!(
        o.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    // Delete needs --yes without a terminal.
    let o = secl(&home, &wls, &["wls", "flavor", "delete", &id]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--yes"));
    let out = ok(&secl(
        &home,
        &wls,
        &["wls", "flavor", "delete", &id, "--yes", "--output", "json"],
    ));
    assert!(out.contains("\"deleted\""), "{out}");
    let o = secl(&home, &wls, &["wls", "flavor", "show", &id]);
    assert_eq!(o.status.code(), Some(4));

    // Tokens for workload agents; version needs no token.
    let t = ok(&secl(
        &home,
        &wls,
        &[
            "wls",
            "token",
            "create",
            "--name",
            "host1",
            "--permission",
            "keys:create:*",
        ],
    ));
    assert!(t.trim().starts_with("secl."), "{t}");
    let out = ok(&secl(
        &home,
        &wls,
        &["wls", "token", "list", "--output", "json"],
    ));
    let tokens: serde_json::Value = serde_json::from_str(&out).unwrap();
    let host1 = tokens
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["name"] == "host1")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(!out.contains(t.trim()));
    ok(&secl(
        &home,
        &wls,
        &["wls", "token", "revoke", &host1, "--yes"],
    ));
    let out = ok(&secl(&home, &wls, &["wls", "version"]));
    assert!(out.starts_with("secl-wls "), "{out}");

    // Unreachable and unconfigured.
    let o = Command::new(bin("secl"))
        .args(["wls", "flavor", "list"])
        .env_clear()
        .env("HOME", &home)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("SECL_WLS_URL"));
    drop(wls);
    let wls_dir = root.join("wls");
    let o = Command::new(bin("secl"))
        .args([
            "wls",
            "version",
            "--wls-url",
            "https://127.0.0.1:1",
            "--wls-ca",
        ])
        .arg(wls_dir.join("tls-ca.pem"))
        .env_clear()
        .env("HOME", &home)
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(5),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}
