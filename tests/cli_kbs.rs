//! The real `secl` binary against the real `secl-kbs` over HTTPS: what an admin and a CI script
//! do, with JSON output parsed back, exit codes, config precedence and confirmations.

use secl_testkit::{KbsProcess, bin, fixture};
use serde_json::Value;
use std::process::{Command, Output, Stdio};

struct Env<'a> {
    kbs: &'a KbsProcess,
    token_file: std::path::PathBuf,
}

impl Env<'_> {
    fn secl(&self, args: &[&str]) -> Output {
        self.secl_with(args, &[])
    }

    fn secl_with(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut cmd = Command::new(bin("secl"));
        cmd.args(args)
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("HOME", self.kbs.data_dir.parent().unwrap())
            .env("SECL_KBS_URL", &self.kbs.url)
            .env("SECL_CA_CERT", self.kbs.ca_file())
            .env("SECL_KBS_TOKEN_FILE", &self.token_file)
            .stdin(Stdio::null());
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().unwrap()
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--output", "json"];
        all.extend_from_slice(args);
        let out = self.secl(&all);
        assert!(
            out.status.success(),
            "secl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "secl {args:?} printed no JSON ({e}): {}",
                String::from_utf8_lossy(&out.stdout)
            )
        })
    }
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

#[test]
fn admin_story_with_json_output() {
    let dir = tempfile::tempdir().unwrap();
    let kbs = KbsProcess::start(&dir.path().join("kbs"), &[]);
    let env = Env {
        kbs: &kbs,
        token_file: kbs.data_dir.join("admin.token"),
    };

    let key = env.json(&[
        "kbs",
        "key",
        "create",
        "--label",
        "nginx",
        "--usage",
        "country:US",
    ]);
    let id = key["key_information"]["id"].as_str().unwrap().to_string();
    assert_eq!(key["usage"], "country:US");
    let list = env.json(&["kbs", "key", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(env.json(&["kbs", "key", "show", &id]), key);

    let saml = fixture("intel-secl/saml_cert.pem");
    let cert = env.json(&["kbs", "import-saml", saml.to_str().unwrap()]);
    assert_eq!(cert["subject"], "CN=HVS SAML Certificate");
    // From stdin, as a pipeline would.
    let out = Command::new(bin("secl"))
        .args(["--output", "json", "kbs", "import-tpm-identity", "-"])
        .env("SECL_KBS_URL", &kbs.url)
        .env("SECL_CA_CERT", kbs.ca_file())
        .env("SECL_KBS_TOKEN_FILE", &env.token_file)
        .stdin(std::fs::File::open(fixture("intel-secl/privacyca_cert.pem")).unwrap())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let certs = env.json(&["kbs", "cert", "list"]);
    assert_eq!(certs.as_array().unwrap().len(), 2);

    let policy = env.json(&["kbs", "policy", "create", "--max-report-age", "90"]);
    let pid = policy["id"].as_str().unwrap().to_string();
    assert_eq!(policy["tpm"]["max_report_age_seconds"], 90);
    let updated = env.json(&["kbs", "policy", "update", &pid, "--max-report-age", "30"]);
    assert_eq!(updated["tpm"]["max_report_age_seconds"], 30);

    // A CI token, used by a script through SECL_KBS_TOKEN.
    let t = env.json(&[
        "kbs",
        "token",
        "create",
        "--name",
        "ci",
        "--permission",
        "keys:create:*",
        "--expires-in",
        "1h",
    ]);
    let ci = t["token"].as_str().unwrap().to_string();
    let out = env.secl_with(
        &["--output", "json", "kbs", "key", "create"],
        &[("SECL_KBS_TOKEN", &ci), ("SECL_KBS_TOKEN_FILE", "")],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = env.secl_with(
        &["kbs", "key", "list"],
        &[("SECL_KBS_TOKEN", &ci), ("SECL_KBS_TOKEN_FILE", "")],
    );
    assert_eq!(
        code(&out),
        3,
        "listing needs keys:search: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("hint:"));
    let tokens = env.json(&["kbs", "token", "list"]);
    assert!(
        !serde_json::to_string(&tokens)
            .unwrap()
            .contains(&ci[ci.len() - 16..])
    );

    // Deletes: refused without --yes off a terminal, done with it.
    let out = env.secl(&["kbs", "key", "delete", &id]);
    assert_ne!(code(&out), 0);
    assert!(String::from_utf8_lossy(&out.stderr).contains("--yes"));
    assert_eq!(
        env.json(&["kbs", "key", "list"]).as_array().unwrap().len(),
        2
    );
    let out = env.secl(&["kbs", "key", "delete", &id, "--yes"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = env.secl(&["kbs", "key", "show", &id]);
    assert_eq!(code(&out), 4);
    let out = env.secl(&["kbs", "token", "revoke", t["id"].as_str().unwrap(), "--yes"]);
    assert!(out.status.success());
    let out = env.secl_with(
        &["kbs", "key", "create"],
        &[("SECL_KBS_TOKEN", &ci), ("SECL_KBS_TOKEN_FILE", "")],
    );
    assert_eq!(code(&out), 3);

    // The audit trail names the delete.
    let audit = env.json(&["kbs", "audit", "--action", "key.delete"]);
    assert_eq!(audit[0]["key_id"], id.as_str());

    // Refused input: exit 6 with the server's reason.
    let out = env.secl(&["kbs", "key", "create", "--length", "100"]);
    assert_eq!(code(&out), 6, "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("key_length is not supported"));

    // Table output for people.
    let out = env.secl(&["kbs", "cert", "list"]);
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.contains("HVS SAML Certificate") && table.contains("tpm-identity"),
        "{table}"
    );
    kbs.stop();
}

#[test]
fn config_file_env_and_flags_in_that_order() {
    let dir = tempfile::tempdir().unwrap();
    let kbs = KbsProcess::start(&dir.path().join("kbs"), &[]);
    let cfg = dir.path().join("config.toml");
    std::fs::write(
        &cfg,
        format!(
            "[kbs]\nurl = \"https://127.0.0.1:1\"\nca_cert = \"{}\"\ntoken_file = \"{}\"\n",
            kbs.ca_file().display(),
            kbs.data_dir.join("admin.token").display()
        ),
    )
    .unwrap();
    let run = |args: &[&str], env: &[(&str, &str)]| {
        let mut c = Command::new(bin("secl"));
        c.args(args)
            .env_clear()
            .env("HOME", dir.path())
            .stdin(Stdio::null());
        for (k, v) in env {
            c.env(k, v);
        }
        c.output().unwrap()
    };
    let cfg_s = cfg.to_str().unwrap();
    // The file alone points at a dead port: exit 5.
    let out = run(&["--config", cfg_s, "kbs", "key", "list"], &[]);
    assert_eq!(code(&out), 5, "{}", String::from_utf8_lossy(&out.stderr));
    // The environment overrides the file.
    let out = run(
        &["--config", cfg_s, "kbs", "key", "list"],
        &[("SECL_KBS_URL", &kbs.url)],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // A flag overrides the environment.
    let out = run(
        &[
            "--config",
            cfg_s,
            "kbs",
            "--kbs-url",
            "https://127.0.0.1:1",
            "key",
            "list",
        ],
        &[("SECL_KBS_URL", &kbs.url)],
    );
    assert_eq!(code(&out), 5);
    // A wrong CA is a TLS failure, exit 5, never a silent fallback.
    let other_ca = fixture("intel-secl/cms_root.pem");
    let out = run(
        &[
            "--config",
            cfg_s,
            "kbs",
            "--ca-cert",
            other_ca.to_str().unwrap(),
            "key",
            "list",
        ],
        &[("SECL_KBS_URL", &kbs.url)],
    );
    assert_eq!(code(&out), 5, "{}", String::from_utf8_lossy(&out.stderr));
    kbs.stop();
}
