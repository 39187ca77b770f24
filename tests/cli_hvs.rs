//! `secl hvs` end to end with real processes: swtpm, `secl-hvs serve`, `secl-wla provision` and
//! `secl-wla serve`, driven only through the `secl` binary: host registration, flavors from the
//! host, trusted and untrusted reports (JSON parsed back, SAML checked by xmlsec1 under the
//! certificate `secl hvs ca-cert get` prints), deletion and refusals.
//!
//! Needs `cargo build --workspace --bins` first, swtpm, swtpm_setup, certtool, tpm2-tools and
//! xmlsec1 (scripts/install-deps.sh).

use std::path::Path;
use std::process::Output;

use secl_testkit::{TpmHvs, secl_command, secl_json, secl_ok, stderr, stdout, xmlsec_verify};

/// `secl` with no SECL_* variables from the outside, HOME in `home`, stdin from /dev/null.
fn secl(home: &Path, env: &[(&str, &str)], args: &[&str]) -> Output {
    secl_command(home)
        .envs(env.iter().copied())
        .args(args)
        .output()
        .expect("run secl")
}

#[test]
fn secl_hvs_drives_a_real_tpm_host() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let home = root.join("home");
    std::fs::create_dir_all(&home).unwrap();
    let site = TpmHvs::start(root);
    let (tpm, hvs, hvs_data) = (&site.tpm, &site.hvs, &site.hvs_data);
    let hvs_ca = hvs_data.join("tls-ca.pem");
    let admin_file = hvs_data.join("admin.token");
    let admin = site.admin.as_str();

    let ta_token = "ta-token-cli-0123456789abcdef";
    let agent = site.agent(root, ta_token);
    let (wla, wla_data, ta_token_file) = (&agent.proc, &agent.data, &agent.token_file);

    let env: Vec<(&str, &str)> = vec![
        ("SECL_HVS_URL", &hvs.url),
        ("SECL_HVS_CA_CERT", hvs_ca.to_str().unwrap()),
        ("SECL_HVS_TOKEN_FILE", admin_file.to_str().unwrap()),
    ];
    let run = |args: &[&str]| secl(&home, &env, args);

    // Register the host.
    let o = run(&[
        "hvs",
        "--output",
        "json",
        "host",
        "add",
        &wla.url,
        "--ta-ca",
        wla_data.join("tls-ca.pem").to_str().unwrap(),
        "--ta-token-file",
        ta_token_file.to_str().unwrap(),
        "--description",
        "cli test host",
    ]);
    let host = secl_json(&o);
    assert!(!stdout(&o).contains(ta_token) && !stderr(&o).contains(ta_token));
    assert_eq!(host["state"], "CONNECTED", "{host}");
    assert_eq!(host["description"], "cli test host");
    let host_id = host["id"].as_str().unwrap().to_string();
    let hw = host["hardware_uuid"].as_str().unwrap().to_string();

    // It is listed (table and JSON), also with settings from the config file alone.
    let table = secl_ok(&run(&["hvs", "host", "list"]));
    assert!(
        table.contains(&host_id) && table.contains("CONNECTED"),
        "{table}"
    );
    let cfg = root.join("config.toml");
    std::fs::write(
        &cfg,
        format!(
            "[hvs]\nurl = \"{}\"\nca_cert = \"{}\"\ntoken_file = \"{}\"\n",
            hvs.url,
            hvs_ca.display(),
            admin_file.display()
        ),
    )
    .unwrap();
    let list = secl_json(&secl(
        &home,
        &[],
        &[
            "--config",
            cfg.to_str().unwrap(),
            "--output",
            "json",
            "hvs",
            "host",
            "list",
        ],
    ));
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    assert_eq!(list[0]["id"], host_id.as_str());
    assert!(secl_ok(&run(&["hvs", "host", "show", &host_id])).contains(&hw));

    // Flavors from the host: all three parts by default.
    let flavors = secl_json(&run(&[
        "hvs",
        "flavor",
        "create",
        "--from-host",
        &host_id,
        "--output",
        "json",
    ]));
    let flavors = flavors.as_array().unwrap();
    assert_eq!(flavors.len(), 3, "{flavors:?}");
    let parts: Vec<&str> = flavors
        .iter()
        .map(|f| f["flavor_part"].as_str().unwrap())
        .collect();
    for p in ["PLATFORM", "OS", "HOST_UNIQUE"] {
        assert!(parts.contains(&p), "{parts:?}");
    }
    let table = secl_ok(&run(&["hvs", "flavor", "list"]));
    assert!(
        table.contains("PLATFORM") && table.contains("0-7"),
        "{table}"
    );

    // Trusted report (JSON parsed back, then the table).
    let report = secl_json(&run(&[
        "hvs", "report", "create", "--host", &host_id, "--output", "json",
    ]));
    assert_eq!(report["trust_report"]["overall"], true, "{report}");
    assert_eq!(report["host_id"], host_id.as_str());
    let table = secl_ok(&run(&["hvs", "report", "create", "--hardware-uuid", &hw]));
    assert!(
        table.contains("Trusted:") && table.contains("PLATFORM"),
        "{table}"
    );

    // SAML, verified by xmlsec1 under the certificate `ca-cert get` prints.
    let saml = secl_ok(&run(&[
        "hvs",
        "report",
        "create",
        "--hardware-uuid",
        &hw,
        "--saml",
    ]));
    assert!(saml.contains("Assertion"), "{saml}");
    let saml_pem = secl_ok(&run(&["hvs", "ca-cert", "get", "--domain", "saml"]));
    assert!(
        saml_pem.starts_with("-----BEGIN CERTIFICATE-----"),
        "{saml_pem}"
    );
    let single = secl_ok(&run(&["hvs", "ca-cert", "get", "--type", "saml"]));
    assert_eq!(single.trim(), saml_pem.trim());
    let (ok, why) = xmlsec_verify(root, saml.as_bytes(), &saml_pem);
    assert!(ok, "xmlsec1: {why}");
    let tampered = saml.replacen(">true<", ">false<", 1);
    assert!(!xmlsec_verify(root, tampered.as_bytes(), &saml_pem).0);
    let ek = secl_json(&run(&[
        "hvs", "ca-cert", "get", "--domain", "ek", "--output", "json",
    ]));
    assert_eq!(ek["ca_certificate"].as_array().unwrap().len(), 2, "{ek}");

    // PCR 7 changes: untrusted, with a PCR 7 fault.
    tpm.extend_pcr(7, &"ab".repeat(32));
    let report = secl_json(&run(&[
        "hvs", "report", "create", "--host", &host_id, "--output", "json",
    ]));
    let tr = &report["trust_report"];
    assert_eq!(tr["overall"], false, "{report}");
    assert_eq!(tr["parts"]["PLATFORM"]["trusted"], false);
    assert_eq!(tr["parts"]["OS"]["trusted"], true);
    let faults = tr["parts"]["PLATFORM"]["faults"].as_array().unwrap();
    assert_eq!(faults.len(), 1, "{faults:?}");
    assert_eq!(faults[0]["pcr_index"], 7);
    let table = secl_ok(&run(&["hvs", "report", "create", "--host", &host_id]));
    assert!(table.contains("NO") && table.contains("PCR 7"), "{table}");

    // Stored reports: the latest per host, or all.
    let latest = secl_json(&run(&[
        "hvs", "report", "list", "--host", &host_id, "--output", "json",
    ]));
    assert_eq!(latest.as_array().unwrap().len(), 1);
    assert_eq!(latest[0]["trust_report"]["overall"], false);
    let all = secl_json(&run(&[
        "hvs", "report", "list", "--host", &host_id, "--all", "--output", "json",
    ]));
    assert_eq!(all.as_array().unwrap().len(), 5, "{all}");

    // One stored report, as JSON and as its SAML assertion.
    let id = latest[0]["id"].as_str().unwrap();
    let shown = secl_json(&run(&["hvs", "report", "show", id, "--output", "json"]));
    assert_eq!(shown, latest[0]);
    let saml = secl_ok(&run(&["hvs", "report", "show", id, "--saml"]));
    assert!(
        saml.contains("TRUST_OVERALL") && saml.contains("<Signature"),
        "{saml}"
    );
    let missing = run(&[
        "hvs",
        "report",
        "show",
        "0f8fad5b-d9cb-469f-a165-70867728950e",
    ]);
    assert_eq!(missing.status.code(), Some(4));

    // Flavor import from stdin-less file, then delete it.
    let flavor_file = root.join("flavor.json");
    std::fs::write(
        &flavor_file,
        serde_json::json!({"flavor_part": "OS", "label": "imported",
                           "pcrs": [{"index": 8, "value": "00".repeat(32)}]})
        .to_string(),
    )
    .unwrap();
    let imported = secl_json(&run(&[
        "hvs",
        "flavor",
        "import",
        flavor_file.to_str().unwrap(),
        "--output",
        "json",
    ]));
    let fid = imported[0]["id"].as_str().unwrap().to_string();
    secl_ok(&run(&["hvs", "flavor", "delete", &fid, "--yes"]));
    let o = run(&["hvs", "flavor", "show", &fid]);
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));

    // The host's flavor groups: linked to a new group by name, listed, shown, unlinked.
    let strict = secl_json(&run(&[
        "hvs",
        "flavorgroup",
        "create",
        "--name",
        "strict",
        "--output",
        "json",
    ]));
    let strict_id = strict["id"].as_str().unwrap().to_string();
    let list_links = || {
        secl_json(&run(&[
            "hvs",
            "host",
            "flavorgroup",
            "list",
            &host_id,
            "--output",
            "json",
        ]))
    };
    let links = list_links();
    assert_eq!(links.as_array().unwrap().len(), 1, "{links}");
    let link = secl_json(&run(&[
        "hvs",
        "host",
        "flavorgroup",
        "add",
        &host_id,
        "strict",
        "--output",
        "json",
    ]));
    assert_eq!(link["host_id"], host_id.as_str(), "{link}");
    assert_eq!(link["flavorgroup_id"], strict_id.as_str(), "{link}");
    let table = secl_ok(&run(&["hvs", "host", "flavorgroup", "list", &host_id]));
    assert!(
        table.contains("automatic") && table.contains("strict") && table.contains(&strict_id),
        "{table}"
    );
    let shown = secl_json(&run(&[
        "hvs",
        "host",
        "flavorgroup",
        "show",
        &host_id,
        &strict_id,
        "--output",
        "json",
    ]));
    assert_eq!(shown, link);
    // Linked twice: refused; unknown group name: not found.
    let o = run(&["hvs", "host", "flavorgroup", "add", &host_id, "strict"]);
    assert_eq!(o.status.code(), Some(6), "{}", stderr(&o));
    assert!(stderr(&o).contains("already exist"), "{}", stderr(&o));
    let o = run(&[
        "hvs",
        "host",
        "flavorgroup",
        "add",
        &host_id,
        "no-such-group",
    ]);
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    // strict has no PLATFORM flavors and requires them: the host is now untrusted.
    let report = secl_json(&run(&[
        "hvs", "report", "create", "--host", &host_id, "--output", "json",
    ]));
    assert_eq!(report["trust_report"]["overall"], false, "{report}");
    let groups = report["trust_report"]["flavorgroups"].to_string();
    assert!(groups.contains("strict"), "{report}");
    secl_ok(&run(&[
        "hvs",
        "host",
        "flavorgroup",
        "remove",
        &host_id,
        "strict",
    ]));
    let links = list_links();
    assert_eq!(links.as_array().unwrap().len(), 1, "{links}");
    assert_ne!(links[0]["flavorgroup_id"], strict_id.as_str());
    let o = run(&["hvs", "host", "flavorgroup", "show", &host_id, "strict"]);
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    let o = run(&["hvs", "host", "flavorgroup", "remove", &host_id, "strict"]);
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));
    let o = run(&[
        "hvs",
        "host",
        "flavorgroup",
        "list",
        "0f8fad5b-d9cb-469f-a165-70867728950e",
    ]);
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));

    // Refusals: delete without --yes off a terminal, wrong token, bogus domain.
    let o = run(&["hvs", "host", "delete", &host_id]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("--yes"), "{}", stderr(&o));
    secl_ok(&run(&["hvs", "host", "show", &host_id]));

    let wrong = root.join("wrong.token");
    std::fs::write(&wrong, "not-the-admin-token\n").unwrap();
    let o = run(&[
        "hvs",
        "host",
        "list",
        "--hvs-token-file",
        wrong.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(stderr(&o).contains("hint:"), "{}", stderr(&o));
    assert!(!stderr(&o).contains("not-the-admin-token"));

    let o = run(&["hvs", "ca-cert", "get", "--domain", "bogus"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("possible values"), "{}", stderr(&o));

    // Delete the host.
    secl_ok(&run(&["hvs", "host", "delete", &host_id, "--yes"]));
    let o = run(&["hvs", "host", "show", &host_id]);
    assert_eq!(o.status.code(), Some(4), "{}", stderr(&o));

    // No token leaked anywhere in the HVS log.
    assert!(!hvs.logs().contains(ta_token));
    assert!(!hvs.logs().contains(admin));
    drop(agent);
}
