//! Image encryption against real peers: skopeo (with keyprovider support) through `secl
//! keyprovider`, a real docker-registry on 127.0.0.1, and the real KBS. Tampering and missing
//! keys must fail clearly and leave nothing behind.

use secl_testkit::{
    KbsProcess, Registry, bin, blob, layout_layers, layout_manifest, make_image, skopeo,
};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

struct World {
    dir: tempfile::TempDir,
    kbs: KbsProcess,
}

impl World {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let kbs = KbsProcess::start(&dir.path().join("kbs"), &[]);
        let w = Self { dir, kbs };
        std::fs::write(
            w.path("ocicrypt.json"),
            format!(
                r#"{{"key-providers":{{"isecl":{{"cmd":{{"path":"{}","args":["keyprovider"]}}}}}}}}"#,
                bin("secl").display()
            ),
        )
        .unwrap();
        w
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn envs(&self) -> Vec<(&'static str, String)> {
        vec![
            ("SECL_KBS_URL", self.kbs.url.clone()),
            ("SECL_CA_CERT", self.kbs.ca_file().display().to_string()),
            (
                "SECL_KBS_TOKEN_FILE",
                self.kbs.data_dir.join("admin.token").display().to_string(),
            ),
            (
                "SECL_ENVELOPE_KEY",
                self.path("owner/envelope.pem").display().to_string(),
            ),
            ("HOME", self.dir.path().display().to_string()),
        ]
    }

    fn secl(&self, args: &[&str]) -> Output {
        let mut c = Command::new(bin("secl"));
        c.args(args).stdin(Stdio::null());
        for (k, v) in self.envs() {
            c.env(k, v);
        }
        c.output().unwrap()
    }

    fn secl_ok(&self, args: &[&str]) -> String {
        let out = self.secl(args);
        assert!(
            out.status.success(),
            "secl {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn skopeo(&self, args: &[&str]) -> Output {
        let (skopeo, policy) = skopeo();
        let mut c = Command::new(skopeo);
        c.arg("--policy")
            .arg(policy)
            .args(args)
            .stdin(Stdio::null());
        c.env("OCICRYPT_KEYPROVIDER_CONFIG", self.path("ocicrypt.json"));
        for (k, v) in self.envs() {
            c.env(k, v);
        }
        c.output().unwrap()
    }

    fn skopeo_ok(&self, args: &[&str]) {
        let out = self.skopeo(args);
        assert!(
            out.status.success(),
            "skopeo {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn oci(&self, name: &str) -> String {
        format!("oci:{}:latest", self.path(name).display())
    }
}

/// SHA-256 of each layer blob of a layout, in manifest order, computed from the files.
fn layer_bytes(dir: &Path) -> Vec<String> {
    use sha2::Digest;
    layout_layers(dir, "latest")
        .iter()
        .map(|l| {
            let bytes = std::fs::read(blob(dir, l["digest"].as_str().unwrap())).unwrap();
            hex::encode(sha2::Sha256::digest(&bytes))
        })
        .collect()
}

fn media_types(dir: &Path) -> Vec<String> {
    layout_layers(dir, "latest")
        .iter()
        .map(|l| l["mediaType"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn skopeo_decrypts_what_secl_encrypts() {
    let w = World::new();
    make_image(
        &w.path("img"),
        &["text:a.txt=alpha\n", "random:300K", "text:b.txt=beta\n"],
    );
    let json = w.secl_ok(&[
        "--output",
        "json",
        "image",
        "encrypt",
        &w.oci("img"),
        &w.oci("enc"),
    ]);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["layers"].as_array().unwrap().len(), 3);
    for mt in media_types(&w.path("enc")) {
        assert!(mt.ends_with("+encrypted"), "{mt}");
    }
    // One KBS key for the whole image.
    let keys = w.secl_ok(&["--output", "json", "kbs", "key", "list"]);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&keys)
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let enc_layers = layout_layers(&w.path("enc"), "latest");
    let ann = enc_layers[0]["annotations"]["org.opencontainers.image.enc.keys.provider.isecl"]
        .as_str()
        .unwrap();
    assert!(!ann.is_empty());
    // No plaintext in the encrypted blobs.
    for (plain, enc) in layer_bytes(&w.path("img"))
        .iter()
        .zip(layer_bytes(&w.path("enc")))
    {
        assert_ne!(plain, &enc);
        assert_eq!(plain.len(), enc.len());
    }

    w.skopeo_ok(&[
        "copy",
        "--decryption-key",
        "provider:isecl",
        &w.oci("enc"),
        &w.oci("dec"),
    ]);
    assert_eq!(layer_bytes(&w.path("img")), layer_bytes(&w.path("dec")));
    assert_eq!(
        layout_layers(&w.path("img"), "latest"),
        layout_layers(&w.path("dec"), "latest")
    );
    // The config travels unchanged.
    assert_eq!(
        layout_manifest(&w.path("img"), "latest")["config"],
        layout_manifest(&w.path("enc"), "latest")["config"]
    );
}

#[test]
fn secl_decrypts_what_skopeo_encrypts_through_secl_keyprovider() {
    let w = World::new();
    // skopeo gzips uncompressed layers on the way, so give it compressed ones to compare bytes.
    make_image(&w.path("img"), &["text:a.txt=alpha\n", "gzrandom:200K"]);
    w.skopeo_ok(&[
        "copy",
        "--encryption-key",
        "provider:isecl:any",
        &w.oci("img"),
        &w.oci("enc"),
    ]);
    assert!(
        media_types(&w.path("enc"))
            .iter()
            .all(|m| m.ends_with("+encrypted"))
    );
    // WPM's behaviour: a new KBS key per layer.
    let keys = w.secl_ok(&["--output", "json", "kbs", "key", "list"]);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&keys)
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        2
    );
    w.secl_ok(&["image", "decrypt", &w.oci("enc"), &w.oci("dec")]);
    assert_eq!(layer_bytes(&w.path("img")), layer_bytes(&w.path("dec")));
    assert_eq!(media_types(&w.path("img")), media_types(&w.path("dec")));
    // skopeo gzips an uncompressed layer before encrypting it; its private options then name
    // the uncompressed digest, which secl checks against the decompressed plaintext.
    make_image(&w.path("raw"), &["random:150K"]);
    w.skopeo_ok(&[
        "copy",
        "--encryption-key",
        "provider:isecl:any",
        &w.oci("raw"),
        &w.oci("raw-enc"),
    ]);
    w.secl_ok(&["image", "decrypt", &w.oci("raw-enc"), &w.oci("raw-dec")]);
    let gz = std::fs::read(blob(
        &w.path("raw-dec"),
        layout_layers(&w.path("raw-dec"), "latest")[0]["digest"]
            .as_str()
            .unwrap(),
    ))
    .unwrap();
    let mut tar = Vec::new();
    use std::io::Read;
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_end(&mut tar)
        .unwrap();
    use sha2::Digest;
    assert_eq!(
        format!("sha256:{}", hex::encode(sha2::Sha256::digest(&tar))),
        layout_layers(&w.path("raw"), "latest")[0]["digest"]
            .as_str()
            .unwrap()
    );

    // And skopeo decrypts its own output through us too.
    w.skopeo_ok(&[
        "copy",
        "--decryption-key",
        "provider:isecl",
        &w.oci("enc"),
        &w.oci("dec2"),
    ]);
    assert_eq!(layer_bytes(&w.path("img")), layer_bytes(&w.path("dec2")));

    // key-id: reuses one key; asset-tag: sets the usage of a new key.
    let key = w.secl_ok(&["--output", "json", "kbs", "key", "create"]);
    let id = serde_json::from_str::<serde_json::Value>(&key).unwrap()["key_information"]["id"]
        .as_str()
        .unwrap()
        .to_string();
    w.skopeo_ok(&[
        "copy",
        "--encryption-key",
        &format!("provider:isecl:key-id:{id}"),
        &w.oci("img"),
        &w.oci("enc-kid"),
    ]);
    let inspect = w.secl_ok(&["--output", "json", "image", "inspect", &w.oci("enc-kid")]);
    let inspect: serde_json::Value = serde_json::from_str(&inspect).unwrap();
    for l in inspect.as_array().unwrap() {
        assert!(l["key_urls"][0].as_str().unwrap().contains(&id), "{l}");
    }
    w.skopeo_ok(&[
        "copy",
        "--encryption-key",
        "provider:isecl:asset-tag:country:US",
        "--encrypt-layer",
        "-1",
        &w.oci("img"),
        &w.oci("enc-tag"),
    ]);
    let keys: serde_json::Value =
        serde_json::from_str(&w.secl_ok(&["--output", "json", "kbs", "key", "list"])).unwrap();
    assert!(
        keys.as_array()
            .unwrap()
            .iter()
            .any(|k| k["usage"] == "country:US")
    );
    let mts = media_types(&w.path("enc-tag"));
    assert!(
        !mts[0].ends_with("+encrypted") && mts[1].ends_with("+encrypted"),
        "{mts:?}"
    );
}

#[test]
fn registry_push_and_pull_decrypting_on_pull() {
    let w = World::new();
    let reg = Registry::start(&w.path("registry"));
    make_image(&w.path("img"), &["text:a.txt=alpha\n", "random:1M"]);
    let remote = format!("docker://{}/secl/demo:enc", reg.addr);
    // Without the explicit flag, no plain HTTP.
    let out = w.secl(&["image", "encrypt", &w.oci("img"), &remote]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("plain-http"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    w.secl_ok(&[
        "image",
        "encrypt",
        "--dest-plain-http",
        &w.oci("img"),
        &remote,
    ]);
    let inspect = w.secl_ok(&[
        "--output",
        "json",
        "image",
        "inspect",
        "--src-plain-http",
        &remote,
    ]);
    let inspect: serde_json::Value = serde_json::from_str(&inspect).unwrap();
    assert!(
        inspect
            .as_array()
            .unwrap()
            .iter()
            .all(|l| l["encrypted"] == true)
    );

    w.secl_ok(&[
        "image",
        "decrypt",
        "--src-plain-http",
        &remote,
        &w.oci("pulled"),
    ]);
    assert_eq!(layer_bytes(&w.path("img")), layer_bytes(&w.path("pulled")));

    // skopeo pulls it from the registry and decrypts on the way (as CRI-O would).
    w.skopeo_ok(&[
        "copy",
        "--src-tls-verify=false",
        "--decryption-key",
        "provider:isecl",
        &remote,
        &w.oci("skopeo-pulled"),
    ]);
    assert_eq!(
        layer_bytes(&w.path("img")),
        layer_bytes(&w.path("skopeo-pulled"))
    );

    // Registry to registry, decrypting.
    let plain_remote = format!("docker://{}/secl/demo:plain", reg.addr);
    w.secl_ok(&[
        "image",
        "decrypt",
        "--src-plain-http",
        "--dest-plain-http",
        &remote,
        &plain_remote,
    ]);
    w.secl_ok(&[
        "image",
        "decrypt",
        "--src-plain-http",
        &plain_remote,
        &w.oci("plain-pulled"),
    ]);
    assert_eq!(
        layer_bytes(&w.path("img")),
        layer_bytes(&w.path("plain-pulled"))
    );
}

/// Rewrites the manifest of `oci:dir:latest` through `edit`, keeping the layout consistent.
fn edit_manifest(dir: &Path, edit: impl FnOnce(&mut serde_json::Value)) {
    use sha2::Digest;
    let mut m = layout_manifest(dir, "latest");
    edit(&mut m);
    let bytes = serde_json::to_vec(&m).unwrap();
    let digest = hex::encode(sha2::Sha256::digest(&bytes));
    std::fs::write(dir.join("blobs/sha256").join(&digest), &bytes).unwrap();
    let mut index: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("index.json")).unwrap()).unwrap();
    index["manifests"][0]["digest"] = format!("sha256:{digest}").into();
    index["manifests"][0]["size"] = bytes.len().into();
    std::fs::write(dir.join("index.json"), serde_json::to_vec(&index).unwrap()).unwrap();
}

fn copy_dir(from: &Path, to: &Path) {
    let st = Command::new("cp")
        .arg("-a")
        .arg(from)
        .arg(to)
        .status()
        .unwrap();
    assert!(st.success());
}

#[test]
fn tampering_and_missing_keys_fail_clearly_and_leave_nothing() {
    let w = World::new();
    make_image(&w.path("img"), &["random:100K", "text:b.txt=beta\n"]);
    w.secl_ok(&["image", "encrypt", &w.oci("img"), &w.oci("enc")]);
    let layers = layout_layers(&w.path("enc"), "latest");
    let first = blob(&w.path("enc"), layers[0]["digest"].as_str().unwrap());

    type Tamper = Box<dyn Fn(&Path)>;
    let cases: Vec<(&str, Tamper, &str)> = vec![
        (
            "flipped bit",
            Box::new(|d: &Path| {
                let p = blob(d, layout_layers(d, "latest")[0]["digest"].as_str().unwrap());
                let mut b = std::fs::read(&p).unwrap();
                b[1000] ^= 0x01;
                std::fs::write(&p, b).unwrap();
            }),
            "authentication failed",
        ),
        (
            "wrong HMAC",
            Box::new(|d: &Path| {
                edit_manifest(d, |m| {
                    let pubopts = r#"{"cipher":"AES_256_CTR_HMAC_SHA256","hmac":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=","cipheroptions":{}}"#;
                    use base64::Engine;
                    m["layers"][0]["annotations"]["org.opencontainers.image.enc.pubopts"] =
                        base64::engine::general_purpose::STANDARD
                            .encode(pubopts)
                            .into();
                })
            }),
            "HMAC",
        ),
        (
            "truncated blob",
            Box::new(|d: &Path| {
                let p = blob(d, layout_layers(d, "latest")[0]["digest"].as_str().unwrap());
                let b = std::fs::read(&p).unwrap();
                std::fs::write(&p, &b[..b.len() / 2]).unwrap();
            }),
            "",
        ),
        (
            "missing annotation",
            Box::new(|d: &Path| {
                edit_manifest(d, |m| {
                    m["layers"][0]["annotations"]
                        .as_object_mut()
                        .unwrap()
                        .remove("org.opencontainers.image.enc.keys.provider.isecl");
                })
            }),
            "no provider.isecl key annotation",
        ),
        (
            "foreign annotation",
            Box::new(|d: &Path| {
                edit_manifest(d, |m| {
                    let a = m["layers"][0]["annotations"].as_object_mut().unwrap();
                    let v = a
                        .remove("org.opencontainers.image.enc.keys.provider.isecl")
                        .unwrap();
                    a.insert("org.opencontainers.image.enc.keys.provider.other".into(), v);
                })
            }),
            "provider.other",
        ),
    ];
    for (name, tamper, want) in cases {
        let copy = w.path(&format!("enc-{}", name.replace(' ', "-")));
        copy_dir(&w.path("enc"), &copy);
        tamper(&copy);
        let out_dir = w.path(&format!("out-{}", name.replace(' ', "-")));
        let out = w.secl(&[
            "image",
            "decrypt",
            &format!("oci:{}:latest", copy.display()),
            &format!("oci:{}:latest", out_dir.display()),
        ]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{name}: decrypt succeeded");
        assert!(err.contains("error:"), "{name}: {err}");
        assert!(err.contains(want), "{name}: expected {want:?} in {err}");
        assert!(!out_dir.exists(), "{name}: output left behind");
        let leftovers: Vec<_> = std::fs::read_dir(w.dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with('.'))
            .collect();
        assert!(leftovers.is_empty(), "{name}: {leftovers:?}");
        // skopeo refuses it too (an independent check that the tamper is real).
        if name != "missing annotation" && name != "foreign annotation" {
            let out = w.skopeo(&[
                "copy",
                "--decryption-key",
                "provider:isecl",
                &format!("oci:{}:latest", copy.display()),
                &format!(
                    "oci:{}:latest",
                    w.path(&format!("sk-{}", name.replace(' ', "-"))).display()
                ),
            ]);
            assert!(!out.status.success(), "{name}: skopeo accepted it");
        }
    }
    assert!(first.exists());

    // The KBS key deleted: the owner can no longer decrypt.
    let key_url = serde_json::from_str::<serde_json::Value>(&w.secl_ok(&[
        "--output",
        "json",
        "image",
        "inspect",
        &w.oci("enc"),
    ]))
    .unwrap()[0]["key_urls"][0]
        .as_str()
        .unwrap()
        .to_string();
    let id = key_url.split('/').rev().nth(1).unwrap().to_string();
    w.secl_ok(&["kbs", "key", "delete", &id, "--yes"]);
    let out = w.secl(&["image", "decrypt", &w.oci("enc"), &w.oci("gone")]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        err.contains("does not exist") || err.contains("not found"),
        "{err}"
    );
    assert!(!w.path("gone").exists());
    let out = w.skopeo(&[
        "copy",
        "--decryption-key",
        "provider:isecl",
        &w.oci("enc"),
        &w.oci("gone2"),
    ]);
    assert!(!out.status.success());
}

/// A layout layer that does not match its digest: `--verify-source` refuses it while encrypting;
/// the default trusts the layout (as imgcrypt trusts a content store), so the layer is encrypted
/// as it is and refused at decryption, where the private options' digest is checked. A wrong
/// size is refused either way. Nothing is left behind by any refusal.
#[test]
fn source_digests_trusted_by_default_and_verified_on_request() {
    let w = World::new();
    make_image(&w.path("img"), &["random:200K", "text:b.txt=beta\n"]);
    copy_dir(&w.path("img"), &w.path("bad"));
    let layer = layout_layers(&w.path("bad"), "latest")[0]["digest"]
        .as_str()
        .unwrap()
        .to_string();
    let p = blob(&w.path("bad"), &layer);
    let mut b = std::fs::read(&p).unwrap();
    let mid = b.len() / 2;
    b[mid] ^= 0x01;
    std::fs::write(&p, &b).unwrap();

    let refused = |args: &[&str], out: &str, want: &str| {
        let o = w.secl(args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(!o.status.success(), "{args:?} succeeded");
        assert!(err.contains(want), "{args:?}: expected {want:?} in {err}");
        assert!(!w.path(out).exists(), "{args:?}: output left behind");
    };
    let want = format!("blob {layer}: content does not match its digest");
    // --verify-source refuses it; of the two flags, the last one given wins.
    let verifying: [&[&str]; 2] = [
        &["--verify-source"],
        &["--no-verify-source", "--verify-source"],
    ];
    for (i, flags) in verifying.into_iter().enumerate() {
        let out = format!("enc-v{i}");
        let (src, dst) = (w.oci("bad"), w.oci(&out));
        let args: Vec<&str> = [&["image", "encrypt"], flags, &[&src, &dst]].concat();
        refused(&args, &out, &want);
    }
    w.secl_ok(&["image", "encrypt", &w.oci("bad"), &w.oci("enc-t")]);
    refused(
        &["image", "decrypt", &w.oci("enc-t"), &w.oci("dec-t")],
        "dec-t",
        &want,
    );
    // The intact image goes through both modes and decrypts to the same bytes.
    for flag in ["--verify-source", "--no-verify-source"] {
        let (enc, dec) = (format!("enc{flag}"), format!("dec{flag}"));
        w.secl_ok(&["image", "encrypt", flag, &w.oci("img"), &w.oci(&enc)]);
        w.secl_ok(&["image", "decrypt", &w.oci(&enc), &w.oci(&dec)]);
        assert_eq!(layer_bytes(&w.path("img")), layer_bytes(&w.path(&dec)));
    }

    // A short blob is refused by default too: sizes are always checked.
    std::fs::write(&p, &b[..b.len() - 1]).unwrap();
    refused(
        &["image", "encrypt", &w.oci("bad"), &w.oci("enc-short")],
        "enc-short",
        &want,
    );
}

#[test]
fn keyprovider_protocol_edges() {
    let w = World::new();
    let run = |input: &str| {
        let mut c = Command::new(bin("secl"));
        c.arg("keyprovider")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in w.envs() {
            c.env(k, v);
        }
        let mut child = c.spawn().unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    };
    // An annotation that is not ours: exit non-zero so ocicrypt tries the next provider.
    let foreign = r#"{"op":"keyunwrap","keywrapparams":{"ec":null,"optsdata":null},"keyunwrapparams":{"dc":{"Parameters":{"privkeys":["LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tU0VDUkVU"],"privkeys-passwords":[null],"isecl":["RW5hYmxlZA=="]}},"annotation":"eyJraWQiOiJsYWIifQ=="}}"#;
    let out = run(foreign);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !err.contains("LS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tU0VDUkVU"),
        "the request leaked: {err}"
    );
    // Garbage and unknown operations.
    for bad in ["", "{", "[]", r#"{"op":"explode"}"#] {
        let out = run(bad);
        assert!(!out.status.success(), "{bad:?}");
        assert!(out.stdout.is_empty());
    }
    // keywrap without our name in the parameters.
    let unnamed = r#"{"op":"keywrap","keywrapparams":{"ec":{"Parameters":{"other":["YW55"]},"DecryptConfig":{"Parameters":{}}},"optsdata":"e30="},"keyunwrapparams":{"dc":null,"annotation":null}}"#;
    assert!(!run(unnamed).status.success());

    // A proper wrap, then the unwrap of its answer, run 6 at once.
    let wrap = r#"{"op":"keywrap","keywrapparams":{"ec":{"Parameters":{"isecl":["YW55"]},"DecryptConfig":{"Parameters":{}}},"optsdata":"eyJzeW1rZXkiOiJBQUVDIn0="},"keyunwrapparams":{"dc":null,"annotation":null}}"#;
    let answers: Vec<Output> = std::thread::scope(|s| {
        let hs: Vec<_> = (0..6).map(|_| s.spawn(|| run(wrap))).collect();
        hs.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for out in answers {
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let ann = v["keywrapresults"]["annotation"].as_str().unwrap();
        let unwrap = format!(
            r#"{{"op":"keyunwrap","keywrapparams":{{"ec":null,"optsdata":null}},"keyunwrapparams":{{"dc":{{"Parameters":{{"isecl":["RW5hYmxlZA=="]}}}},"annotation":"{ann}"}}}}"#
        );
        let out = run(&unwrap);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            v["keyunwrapresults"]["optsdata"],
            "eyJzeW1rZXkiOiJBQUVDIn0="
        );
    }
    // The envelope key was made once, private.
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(w.path("owner/envelope.pem"))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o077, 0);
}
