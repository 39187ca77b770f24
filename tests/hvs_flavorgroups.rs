//! HVS flavor groups end to end with real processes (`secl-hvs serve`, and for trust decisions
//! swtpm with `secl-wla provision`/`serve`): match policies deciding trust (ALL_OF, ANY_OF,
//! LATEST, REQUIRED, REQUIRED_IF_DEFINED), the default group, groups in use, the permission
//! matrix of the `/flavorgroups` routes, malformed input, report search parameters, the
//! `secl hvs flavorgroup` commands, and host/flavor-group links (`/hosts/{id}/flavorgroups`).
//!
//! Needs `cargo build --workspace --bins` first, swtpm, swtpm_setup, certtool and tpm2-tools
//! (scripts/install-deps.sh).

use std::path::Path;
use std::process::{Command, Output, Stdio};

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use secl_testkit::{Agent, Client, Resp, TpmHvs, admin_token, bin, start_hvs};
use serde_json::{Value, json};

fn policy(part: &str, match_type: &str, required: &str) -> Value {
    json!({"flavor_part": part, "match_policy": {"match_type": match_type, "required": required}})
}

fn group_body(name: &str, policies: &[Value]) -> Value {
    json!({"name": name, "flavor_match_policy_collection": {"flavor_match_policies": policies}})
}

#[track_caller]
fn created(r: &Resp) -> Value {
    assert_eq!(r.status, 201, "{}", r.text());
    r.json()
}

fn create_group(c: &Client, admin: &str, name: &str, policies: &[Value]) -> String {
    let g = created(&c.post_json("/flavorgroups", admin, group_body(name, policies)));
    assert_eq!(g["name"], name);
    g["id"].as_str().unwrap().to_string()
}

/// Everything the flavor group routes can change, for "nothing changed" checks.
fn snapshot(c: &Client, admin: &str) -> Value {
    let r = c.get("/flavorgroups?includeFlavorContent=true", admin);
    assert_eq!(r.status, 200, "{}", r.text());
    let flavors = c.get("/flavors", admin);
    assert_eq!(flavors.status, 200, "{}", flavors.text());
    json!({"groups": r.json(), "flavors": flavors.json()})
}

/// Registers `agent` in `groups` (none: the HVS's default).
fn register(c: &Client, admin: &str, agent: &Agent, groups: &[&str]) -> Value {
    let mut body = agent.registration();
    if !groups.is_empty() {
        body["flavorgroup_names"] = json!(groups);
    }
    created(&c.post_json("/hosts", admin, body))
}

fn report(c: &Client, admin: &str, host_id: &str) -> Value {
    created(&c.post_json("/reports", admin, json!({"host_id": host_id})))
}

const TA_TOKEN: &str = "ta-token-flavorgroups-0123456789";

/// Checks the SAML assertion of a JSON report and returns TRUST_* values.
fn saml_flags(report: &Value, saml_der: &[u8]) -> secl_saml::VerifiedReport {
    secl_saml::verify(
        report["saml"].as_str().unwrap().as_bytes(),
        &[saml_der.to_vec()],
        time::OffsetDateTime::now_utc(),
        None,
    )
    .unwrap()
}

#[test]
fn match_policies_decide_trust() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let site = TpmHvs::start(root);
    let admin = site.admin.clone();
    let c = site.client();
    let r = c.send(
        "GET",
        "/ca-certificates/saml",
        None,
        &[("Accept", "application/json")],
        None,
    );
    let saml_der = B64
        .decode(r.json()["certificate"].as_str().unwrap())
        .unwrap();

    // The default groups exist from the first start, with SecL's policies.
    let groups = c.get("/flavorgroups", &admin).json()["flavorgroups"].clone();
    let names: Vec<&str> = groups
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["automatic", "host_unique"], "{groups}");
    let automatic = &groups[0];
    let policies = automatic["flavor_match_policy_collection"]["flavor_match_policies"]
        .as_array()
        .unwrap();
    for want in [
        policy("PLATFORM", "ANY_OF", "REQUIRED"),
        policy("OS", "ANY_OF", "REQUIRED"),
        policy("HOST_UNIQUE", "LATEST", "REQUIRED_IF_DEFINED"),
    ] {
        assert!(policies.contains(&want), "{want} not in {policies:?}");
    }
    let automatic_id = automatic["id"].as_str().unwrap().to_string();

    // A provisioned host registered without groups: `automatic`, behaving as before.
    let agent = site.agent(root, TA_TOKEN);
    let host = register(&c, &admin, &agent, &[]);
    assert_eq!(host["flavorgroup_names"], json!(["automatic"]));
    let host_id = host["id"].as_str().unwrap().to_string();
    let r = report(&c, &admin, &host_id);
    assert_eq!(r["trust_report"]["overall"], false);
    let faults = &r["trust_report"]["parts"]["PLATFORM"]["faults"];
    assert_eq!(faults[0]["name"], "RequiredFlavorTypeMissing", "{faults}");

    let flavors = created(&c.post_json(
        "/flavors",
        &admin,
        json!({"host_id": host_id, "flavor_parts": ["PLATFORM", "OS", "HOST_UNIQUE"]}),
    ))["flavors"]
        .clone();
    let by_part = |p: &str| {
        flavors
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["flavor_part"] == p)
            .unwrap()
            .clone()
    };
    let platform = by_part("PLATFORM");
    assert_eq!(platform["flavorgroup_names"], json!(["automatic"]));
    assert_eq!(
        by_part("HOST_UNIQUE")["flavorgroup_names"],
        json!(["host_unique"])
    );
    let r = report(&c, &admin, &host_id);
    assert_eq!(r["trust_report"]["overall"], true, "{r}");
    assert_eq!(r["trust_report"]["flavorgroups"], json!(["automatic"]));
    let v = saml_flags(&r, &saml_der);
    assert!(v.trust_overall());
    assert_eq!(v.trust_flag("HOST_UNIQUE"), Some(true));
    assert_eq!(v.single("TRUST_SOFTWARE"), Some("NA"));
    let g = c
        .get(&format!("/flavorgroups/{automatic_id}"), &admin)
        .json();
    assert_eq!(g["flavorIds"].as_array().unwrap().len(), 2, "{g}");

    // Groups with one PLATFORM policy each, and two PLATFORM flavors: the host's own values
    // (created from the host) and an import that differs in PCR 7.
    let allof = create_group(
        &c,
        &admin,
        "allof",
        &[policy("PLATFORM", "ALL_OF", "REQUIRED")],
    );
    create_group(
        &c,
        &admin,
        "anyof",
        &[policy("PLATFORM", "ANY_OF", "REQUIRED")],
    );
    let latest = create_group(
        &c,
        &admin,
        "latest",
        &[policy("PLATFORM", "LATEST", "REQUIRED")],
    );
    let good = created(&c.post_json(
        "/flavors",
        &admin,
        json!({"host_id": host_id, "flavor_parts": ["PLATFORM"],
               "flavorgroup_names": ["allof", "anyof", "latest"]}),
    ))["flavors"][0]
        .clone();
    let good_id = good["id"].as_str().unwrap().to_string();
    let mut pcrs = good["pcrs"].as_array().unwrap().clone();
    for p in &mut pcrs {
        if p["index"] == 7 {
            p["value"] = json!("ab".repeat(32));
        }
    }
    let bad = created(&c.post_json(
        "/flavors",
        &admin,
        json!({"flavor_part": "PLATFORM", "label": "pcr7-differs", "pcrs": pcrs,
               "flavorgroup_names": ["allof", "anyof", "latest"]}),
    ))["flavors"][0]
        .clone();
    let bad_id = bad["id"].as_str().unwrap().to_string();
    let mut names = bad["flavorgroup_names"].as_array().unwrap().clone();
    names.sort_by_key(|n| n.as_str().unwrap().to_string());
    assert_eq!(names, [json!("allof"), json!("anyof"), json!("latest")]);

    // Moves the host into `groups` (re-registration) and attests it.
    let mut host_id = host_id;
    let mut attest_in = |groups: &[&str]| {
        // The previous host may be gone already.
        let gone = c.delete(&format!("/hosts/{host_id}"), &admin).status;
        assert!(gone == 204 || gone == 404, "{gone}");
        let h = register(&c, &admin, &agent, groups);
        assert_eq!(h["flavorgroup_names"], json!(groups));
        host_id = h["id"].as_str().unwrap().to_string();
        (report(&c, &admin, &host_id), host_id.clone())
    };

    // ALL_OF: the differing flavor makes the host untrusted, named with its PCR.
    let (r, _) = attest_in(&["allof"]);
    let tr = &r["trust_report"];
    assert_eq!(tr["overall"], false, "{tr}");
    assert_eq!(tr["parts"]["PLATFORM"]["trusted"], false);
    let faults = tr["parts"]["PLATFORM"]["faults"].as_array().unwrap();
    assert_eq!(faults.len(), 1, "{faults:?}");
    assert_eq!(faults[0]["flavor_id"], bad_id.as_str());
    assert_eq!(faults[0]["pcr_index"], 7);
    assert_eq!(faults[0]["flavorgroup"], "allof");
    assert_eq!(tr["parts"]["OS"]["trusted"], Value::Null);
    assert_eq!(
        saml_flags(&r, &saml_der).trust_flag("PLATFORM"),
        Some(false)
    );

    // ANY_OF with the same two: trusted.
    let (r, _) = attest_in(&["anyof"]);
    assert_eq!(r["trust_report"]["overall"], true, "{r}");
    assert!(saml_flags(&r, &saml_der).trust_overall());

    // LATEST: only the newest (the differing import) counts, then a newer good one.
    let (r, latest_host) = attest_in(&["latest"]);
    let tr = &r["trust_report"];
    assert_eq!(tr["overall"], false, "{tr}");
    assert_eq!(tr["parts"]["PLATFORM"]["flavor_ids"], json!([bad_id]));
    assert_eq!(tr["parts"]["PLATFORM"]["faults"][0]["pcr_index"], 7);
    let newer = created(&c.post_json(
        "/flavors",
        &admin,
        json!({"flavor_part": "PLATFORM", "label": "good-again", "pcrs": good["pcrs"],
               "flavorgroup_names": ["latest"]}),
    ))["flavors"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let r = report(&c, &admin, &latest_host);
    assert_eq!(r["trust_report"]["overall"], true, "{r}");
    assert_eq!(
        r["trust_report"]["parts"]["PLATFORM"]["flavor_ids"],
        json!([newer])
    );

    // REQUIRED OS without an OS flavor: untrusted with a "no flavor" fault. The PLATFORM
    // flavor joins through the link API.
    let needos = create_group(
        &c,
        &admin,
        "needos",
        &[
            policy("PLATFORM", "ANY_OF", "REQUIRED"),
            policy("OS", "ANY_OF", "REQUIRED"),
        ],
    );
    let link = created(&c.post_json(
        &format!("/flavorgroups/{needos}/flavors"),
        &admin,
        json!({"flavor_id": good_id}),
    ));
    assert_eq!(
        link,
        json!({"flavorgroup_id": needos, "flavor_id": good_id})
    );
    let r = c.post_json(
        &format!("/flavorgroups/{needos}/flavors"),
        &admin,
        json!({"flavor_id": good_id}),
    );
    assert_eq!(r.status, 400, "a link twice: {}", r.text());
    let (r, _) = attest_in(&["needos"]);
    let tr = &r["trust_report"];
    assert_eq!(tr["overall"], false, "{tr}");
    assert_eq!(tr["parts"]["PLATFORM"]["trusted"], true);
    assert_eq!(tr["parts"]["OS"]["trusted"], false);
    let fault = &tr["parts"]["OS"]["faults"][0];
    assert_eq!(fault["name"], "RequiredFlavorTypeMissing");
    assert!(
        fault["description"].as_str().unwrap().contains("no flavor"),
        "{fault}"
    );
    assert!(fault.get("pcr_index").is_none());
    let v = saml_flags(&r, &saml_der);
    assert!(!v.trust_overall());
    assert_eq!(v.trust_flag("OS"), Some(false));

    // REQUIRED_IF_DEFINED OS without an OS flavor: NA, and the host is trusted.
    let osifdef = create_group(
        &c,
        &admin,
        "osifdef",
        &[
            policy("PLATFORM", "ANY_OF", "REQUIRED"),
            policy("OS", "ANY_OF", "REQUIRED_IF_DEFINED"),
        ],
    );
    created(&c.post_json(
        &format!("/flavorgroups/{osifdef}/flavors"),
        &admin,
        json!({"flavor_id": good_id}),
    ));
    let (r, osifdef_host) = attest_in(&["osifdef"]);
    let tr = &r["trust_report"];
    assert_eq!(tr["overall"], true, "{tr}");
    assert_eq!(tr["parts"]["OS"]["trusted"], Value::Null);
    let v = saml_flags(&r, &saml_der);
    assert!(v.trust_overall());
    assert_eq!(v.single("TRUST_OS"), Some("NA"));

    // A group hosts use is not deleted; the default groups never are.
    let before = snapshot(&c, &admin);
    let r = c.delete(&format!("/flavorgroups/{osifdef}"), &admin);
    assert_eq!(r.status, 409, "{}", r.text());
    assert!(r.text().contains("in use"), "{}", r.text());
    let r = c.delete(&format!("/flavorgroups/{automatic_id}"), &admin);
    assert_eq!(r.status, 400, "{}", r.text());
    assert!(r.text().contains("protected"), "{}", r.text());
    assert_eq!(snapshot(&c, &admin), before);
    // Once its host is gone it is, with its links (the flavors stay).
    assert_eq!(
        c.delete(&format!("/hosts/{osifdef_host}"), &admin).status,
        204
    );
    assert_eq!(
        c.delete(&format!("/flavorgroups/{osifdef}"), &admin).status,
        204
    );
    assert_eq!(
        c.get(&format!("/flavorgroups/{osifdef}"), &admin).status,
        404
    );
    assert_eq!(c.get(&format!("/flavors/{good_id}"), &admin).status, 200);

    // Unlinking: ALL_OF without the differing flavor is trusted again.
    assert_eq!(
        c.delete(&format!("/flavorgroups/{allof}/flavors/{bad_id}"), &admin)
            .status,
        204
    );
    assert_eq!(
        c.get(&format!("/flavorgroups/{allof}/flavors/{bad_id}"), &admin)
            .status,
        404
    );
    let links = c
        .get(&format!("/flavorgroups/{allof}/flavors"), &admin)
        .json();
    assert_eq!(
        links,
        json!({"flavor_flavorgroup_links": [{"flavorgroup_id": allof, "flavor_id": good_id}]})
    );
    let (r, host_id) = attest_in(&["allof", "latest"]);
    assert_eq!(r["trust_report"]["overall"], true, "{r}");
    assert_eq!(
        r["trust_report"]["flavorgroups"],
        json!(["allof", "latest"])
    );
    // Deleting a flavor removes its links.
    assert_eq!(c.delete(&format!("/flavors/{newer}"), &admin).status, 204);
    let g = c.get(&format!("/flavorgroups/{latest}"), &admin).json();
    assert!(!g["flavorIds"].to_string().contains(&newer), "{g}");

    // Report search parameters over the reports made above.
    let count = |q: &str| {
        let r = c.get(&format!("/reports{q}"), &admin);
        assert_eq!(r.status, 200, "{q}: {}", r.text());
        r.json().as_array().unwrap().len()
    };
    let listed = c.get("/reports?latestPerHost=false", &admin).json();
    let listed = listed.as_array().unwrap();
    let all = listed.len();
    assert_eq!(all, 9, "every report made above");
    // Every re-registration made a new host id.
    let mut seen = std::collections::BTreeSet::new();
    let mut not_latest = None;
    for r in listed {
        if !seen.insert(r["host_id"].as_str().unwrap()) && not_latest.is_none() {
            not_latest = Some(r["id"].as_str().unwrap());
        }
    }
    assert_eq!(count(""), seen.len(), "latest per host");
    assert_eq!(count("?latestPerHost=false&limit=2"), 2);
    assert_eq!(count(&format!("?hostId={host_id}&latestPerHost=false")), 1);
    let hw = host["hardware_uuid"].as_str().unwrap();
    assert_eq!(
        count(&format!("?hostHardwareId={hw}&latestPerHost=false")),
        all
    );
    let name = host["host_name"].as_str().unwrap();
    assert_eq!(count(&format!("?hostName={name}&latestPerHost=false")), all);
    assert_eq!(count("?hostName=nobody&latestPerHost=false"), 0);
    assert_eq!(count("?hostStatus=connected"), 1);
    assert_eq!(count("?hostStatus=CONNECTION_FAILURE"), 0);
    assert_eq!(count("?numberOfDays=1&latestPerHost=false"), all);
    assert_eq!(
        count("?fromDate=2000-01-01&toDate=2000-01-02&latestPerHost=false"),
        0
    );
    let tomorrow = (time::OffsetDateTime::now_utc() + time::Duration::days(1)).date();
    assert_eq!(count(&format!("?fromDate={tomorrow}")), 0);
    assert_eq!(
        count(&format!(
            "?toDate={tomorrow}%2000:00:00&latestPerHost=false"
        )),
        all
    );
    let newest = listed[0]["id"].as_str().unwrap();
    let older = not_latest.expect("a host with two reports");
    assert_eq!(count(&format!("?id={newest}")), 1);
    assert_eq!(
        count(&format!("?id={older}")),
        0,
        "not the latest of its host"
    );
    assert_eq!(count(&format!("?id={older}&latestPerHost=false")), 1);
    assert_eq!(
        count(&format!("?afterId={newest}&latestPerHost=false")),
        all - 1
    );
    drop(agent);
}

/// A self-signed certificate for `--ek-ca` when no TPM is involved.
fn dummy_ek_ca(path: &Path) {
    let ck = rcgen::generate_simple_self_signed(vec!["ek-ca.test".to_string()]).unwrap();
    std::fs::write(path, ck.cert.pem()).unwrap();
}

#[test]
fn flavorgroup_routes_check_permissions_and_input() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let ek_ca = root.join("ek-ca.pem");
    dummy_ek_ca(&ek_ca);
    let hvs_data = root.join("hvs");
    let hvs = start_hvs(&hvs_data, &ek_ca);
    let admin = admin_token(&hvs_data);
    let c = Client::new(&hvs.url, &hvs_data.join("tls-ca.pem"));

    // A flavor in a group that does not exist yet: the group is made with the default
    // policies (SecL's behaviour).
    let os = created(&c.post_json(
        "/flavors",
        &admin,
        json!({"flavor_part": "OS", "pcrs": [{"index": 8, "value": "00".repeat(32)}],
               "flavorgroup_names": ["fresh"]}),
    ))["flavors"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let fresh = c.get("/flavorgroups?nameEqualTo=fresh", &admin).json()["flavorgroups"][0].clone();
    assert_eq!(
        fresh["flavor_match_policy_collection"]["flavor_match_policies"]
            .as_array()
            .unwrap()
            .len(),
        5
    );
    assert_eq!(fresh["flavorIds"], json!([os]));
    let fresh_id = fresh["id"].as_str().unwrap().to_string();

    // Malformed group bodies: 400 (415 for the wrong type), nothing stored.
    let before = snapshot(&c, &admin);
    let plat = policy("PLATFORM", "ANY_OF", "REQUIRED");
    for (body, why) in [
        (json!({}), "no name"),
        (group_body("", std::slice::from_ref(&plat)), "empty name"),
        (
            group_body("bad name", std::slice::from_ref(&plat)),
            "space in the name",
        ),
        (
            group_body("x/y", std::slice::from_ref(&plat)),
            "slash in the name",
        ),
        (
            group_body(&"n".repeat(256), std::slice::from_ref(&plat)),
            "name too long",
        ),
        (json!({"name": "nopol"}), "no policies"),
        (group_body("empty", &[]), "empty policies"),
        (
            group_body("dup", &[plat.clone(), plat.clone()]),
            "a part twice",
        ),
        (
            group_body("mt", &[policy("PLATFORM", "SOME_OF", "REQUIRED")]),
            "bad match type",
        ),
        (
            group_body("rq", &[policy("PLATFORM", "ANY_OF", "MAYBE")]),
            "bad requirement",
        ),
        (
            group_body("pt", &[policy("BIOS", "ANY_OF", "REQUIRED")]),
            "unknown part",
        ),
        (
            json!({"name": "extra", "flavor_match_policy_collection": {"flavor_match_policies": [plat]}, "x": 1}),
            "unknown field",
        ),
        (json!({"name": 5}), "name not a string"),
        (
            group_body("fresh", std::slice::from_ref(&plat)),
            "the name exists",
        ),
        (
            group_body("automatic", std::slice::from_ref(&plat)),
            "a default name",
        ),
    ] {
        let r = c.post_json("/flavorgroups", &admin, body);
        assert_eq!(r.status, 400, "{why}: {}", r.text());
    }
    for raw in [&b""[..], b"{", b"[]", b"null"] {
        let r = c.send(
            "POST",
            "/flavorgroups",
            Some(&admin),
            &[
                ("Content-Type", "application/json"),
                ("Accept", "application/json"),
            ],
            Some(raw.to_vec()),
        );
        assert_eq!(r.status, 400, "{raw:?}: {}", r.text());
    }
    let r = c.send(
        "POST",
        "/flavorgroups",
        Some(&admin),
        &[
            ("Content-Type", "text/plain"),
            ("Accept", "application/json"),
        ],
        Some(serde_json::to_vec(&group_body("typed", std::slice::from_ref(&plat))).unwrap()),
    );
    assert_eq!(r.status, 415, "{}", r.text());
    // Bad links, bad flavor groups on flavors and hosts.
    for (path, body) in [
        (format!("/flavorgroups/{fresh_id}/flavors"), json!({})),
        (
            format!("/flavorgroups/{fresh_id}/flavors"),
            json!({"flavor_id": "x"}),
        ),
        (
            format!("/flavorgroups/{fresh_id}/flavors"),
            json!({"flavor_id": uuid::Uuid::new_v4()}),
        ),
        (
            format!("/flavorgroups/{fresh_id}/flavors"),
            json!({"flavor_id": os}),
        ),
        (
            "/flavors".to_string(),
            json!({"flavor_part": "OS", "pcrs": [{"index": 8, "value": "00".repeat(32)}],
                   "flavorgroup_names": ["host_unique"]}),
        ),
        (
            "/flavors".to_string(),
            json!({"flavor_part": "OS", "pcrs": [{"index": 8, "value": "00".repeat(32)}],
                   "flavorgroup_names": ["no spaces"]}),
        ),
        (
            "/hosts".to_string(),
            json!({"connection_string": "https://127.0.0.1:1", "ta_ca_pem": "", "ta_token": "t",
                   "flavorgroup_names": ["host_unique"]}),
        ),
    ] {
        let r = c.post_json(&path, &admin, body.clone());
        assert_eq!(r.status, 400, "{path} {body}: {}", r.text());
    }
    let r = c.post_json(
        &format!("/flavorgroups/{}/flavors", uuid::Uuid::new_v4()),
        &admin,
        json!({"flavor_id": os}),
    );
    assert_eq!(r.status, 404, "{}", r.text());
    for q in ["?name=x", "?id=nope", "?nameContains=a&bogus=1"] {
        assert_eq!(
            c.get(&format!("/flavorgroups{q}"), &admin).status,
            400,
            "{q}"
        );
    }
    assert_eq!(snapshot(&c, &admin), before);
    assert_eq!(
        c.get("/flavorgroups?nameContains=res", &admin).json()["flavorgroups"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let content = c.get(
        &format!("/flavorgroups?id={fresh_id}&includeFlavorContent=true"),
        &admin,
    );
    assert_eq!(
        content.json()["flavorgroups"][0]["flavors"][0]["id"],
        os.as_str()
    );

    // Report search: unknown parameters and bad values are 400.
    for q in [
        "bogus=1",
        "hostId=x",
        "id=x",
        "hostHardwareId=not-a-uuid",
        "hostStatus=SLEEPING",
        "fromDate=yesterday",
        "toDate=2024-13-01",
        "numberOfDays=366",
        "numberOfDays=-1",
        "limit=0",
        "limit=x",
        "latestPerHost=maybe",
        "afterId=x",
    ] {
        let r = c.get(&format!("/reports?{q}"), &admin);
        assert_eq!(r.status, 400, "{q}: {}", r.text());
    }
    let r = c.get(
        "/reports?fromDate=2024-01-01%2010:00:00&toDate=2030-01-01T00:00:00Z&numberOfDays=0&limit=5",
        &admin,
    );
    assert_eq!(r.status, 200, "{}", r.text());

    // The permission matrix. A second group, a flavor to link and links to delete.
    let other = create_group(&c, &admin, "other", &[policy("OS", "ANY_OF", "REQUIRED")]);
    let all = [
        "flavorgroups:create:*",
        "flavorgroups:search:*",
        "flavorgroups:retrieve:*",
        "flavorgroups:delete:*",
    ];
    let token_with = |rules: &[&str]| c.token(&admin, rules);
    // (method, path, body, permission, the status an allowed call gets)
    let mut n = 0;
    let mut route = |perm: &str| -> (String, String, Option<Value>, u16) {
        n += 1;
        match perm {
            "create-group" => (
                "POST".into(),
                "/flavorgroups".into(),
                Some(group_body(
                    &format!("made-{n}"),
                    &[policy("OS", "ANY_OF", "REQUIRED")],
                )),
                201,
            ),
            "search-groups" => ("GET".into(), "/flavorgroups".into(), None, 200),
            "retrieve-group" => ("GET".into(), format!("/flavorgroups/{other}"), None, 200),
            "delete-group" => {
                let id = create_group(
                    &c,
                    &admin,
                    &format!("doomed-{n}"),
                    &[policy("OS", "ANY_OF", "REQUIRED")],
                );
                ("DELETE".into(), format!("/flavorgroups/{id}"), None, 204)
            }
            "create-link" => (
                "POST".into(),
                format!("/flavorgroups/{other}/flavors"),
                Some(json!({"flavor_id": os})),
                201,
            ),
            "search-links" => (
                "GET".into(),
                format!("/flavorgroups/{other}/flavors"),
                None,
                200,
            ),
            "retrieve-link" => (
                "GET".into(),
                format!("/flavorgroups/{fresh_id}/flavors/{os}"),
                None,
                200,
            ),
            "delete-link" => {
                let r = c.post_json(
                    &format!("/flavorgroups/{other}/flavors"),
                    &admin,
                    json!({"flavor_id": os}),
                );
                assert!(r.status == 201 || r.status == 400, "{}", r.text());
                (
                    "DELETE".into(),
                    format!("/flavorgroups/{other}/flavors/{os}"),
                    None,
                    204,
                )
            }
            _ => unreachable!(),
        }
    };
    for (kind, perm) in [
        ("create-group", "flavorgroups:create:*"),
        ("search-groups", "flavorgroups:search:*"),
        ("retrieve-group", "flavorgroups:retrieve:*"),
        ("delete-group", "flavorgroups:delete:*"),
        ("create-link", "flavorgroups:create:*"),
        ("search-links", "flavorgroups:search:*"),
        ("retrieve-link", "flavorgroups:retrieve:*"),
        ("delete-link", "flavorgroups:delete:*"),
    ] {
        let lacking: Vec<&str> = all
            .iter()
            .copied()
            .filter(|p| *p != perm)
            .chain(["flavors:*:*", "hosts:*:*", "reports:*:*"])
            .collect();
        let lacking = token_with(&lacking);
        let exactly = token_with(&[perm]);
        let (method, path, body, ok_status) = route(kind);
        let send = |token: Option<&str>| {
            c.send(
                &method,
                &path,
                token,
                &[
                    ("Content-Type", "application/json"),
                    ("Accept", "application/json"),
                ],
                body.as_ref().map(|b| serde_json::to_vec(b).unwrap()),
            )
        };
        let before = snapshot(&c, &admin);
        for (token, who) in [
            (None, "no token"),
            (Some("garbage-token"), "garbage"),
            (Some(lacking.as_str()), "lacking the permission"),
        ] {
            let r = send(token);
            assert_eq!(r.status, 401, "{kind} with {who}: {}", r.text());
        }
        assert_eq!(
            snapshot(&c, &admin),
            before,
            "{kind}: a refused call changed something"
        );
        let r = send(Some(&exactly));
        assert_eq!(
            r.status,
            ok_status,
            "{kind} with exactly {perm}: {}",
            r.text()
        );
    }

    // The CLI: create with policies, list, show by name, link, unlink, delete; JSON output.
    let home = root.join("home");
    std::fs::create_dir_all(&home).unwrap();
    let hvs_ca = hvs_data.join("tls-ca.pem");
    let admin_file = hvs_data.join("admin.token");
    let secl = |args: &[&str]| -> Output {
        let mut cmd = Command::new(bin("secl"));
        for (k, _) in std::env::vars() {
            if k.starts_with("SECL_") {
                cmd.env_remove(k);
            }
        }
        cmd.env("HOME", &home)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("SECL_HVS_URL", &hvs.url)
            .env("SECL_HVS_CA_CERT", &hvs_ca)
            .env("SECL_HVS_TOKEN_FILE", &admin_file)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    };
    let json_of = |o: &Output| -> Value {
        assert!(
            o.status.success(),
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        serde_json::from_slice(&o.stdout).unwrap()
    };
    let g = json_of(&secl(&[
        "hvs",
        "flavorgroup",
        "create",
        "--name",
        "cli-group",
        "--policy",
        "PLATFORM:ALL_OF:REQUIRED",
        "--policy",
        "os:latest:required_if_defined",
        "--output",
        "json",
    ]));
    assert_eq!(
        g["flavor_match_policy_collection"]["flavor_match_policies"],
        json!([
            policy("PLATFORM", "ALL_OF", "REQUIRED"),
            policy("OS", "LATEST", "REQUIRED_IF_DEFINED")
        ])
    );
    let gid = g["id"].as_str().unwrap().to_string();
    let o = secl(&[
        "hvs",
        "flavorgroup",
        "create",
        "--name",
        "x",
        "--policy",
        "PLATFORM:ANY",
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("PART:MATCH_TYPE:REQUIRED"));
    let o = secl(&["hvs", "flavorgroup", "create", "--name", "cli-group"]);
    assert_eq!(
        o.status.code(),
        Some(6),
        "a duplicate name is refused input"
    );
    let listed = json_of(&secl(&[
        "hvs",
        "flavorgroup",
        "list",
        "--name-contains",
        "cli",
        "--output",
        "json",
    ]));
    assert_eq!(listed.as_array().unwrap().len(), 1, "{listed}");
    let table = secl(&["hvs", "flavorgroup", "list"]);
    assert!(String::from_utf8_lossy(&table.stdout).contains("PLATFORM:ALL_OF:REQUIRED"));
    json_of(&secl(&[
        "hvs",
        "flavorgroup",
        "add-flavor",
        "cli-group",
        &os,
        "--output",
        "json",
    ]));
    let shown = json_of(&secl(&[
        "hvs",
        "flavorgroup",
        "show",
        "cli-group",
        "--output",
        "json",
    ]));
    assert_eq!(shown["flavorIds"], json!([os]));
    let o = secl(&["hvs", "flavorgroup", "show", "no-such-group"]);
    assert_eq!(o.status.code(), Some(4));
    json_of(&secl(&[
        "hvs",
        "flavorgroup",
        "remove-flavor",
        &gid,
        &os,
        "--output",
        "json",
    ]));
    let o = secl(&["hvs", "flavorgroup", "delete", &gid]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "a delete without --yes off a terminal"
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("--yes"));
    let d = json_of(&secl(&[
        "hvs",
        "flavorgroup",
        "delete",
        &gid,
        "--yes",
        "--output",
        "json",
    ]));
    assert_eq!(d["deleted"], gid.as_str());
    let automatic = c.get("/flavorgroups?nameEqualTo=automatic", &admin).json()["flavorgroups"][0]
        ["id"]
        .as_str()
        .unwrap()
        .to_string();
    let o = secl(&["hvs", "flavorgroup", "delete", &automatic, "--yes"]);
    assert_eq!(
        o.status.code(),
        Some(6),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("protected"));
    // Flavor import and report listing with the new flags.
    let flavor_file = root.join("flavor.json");
    std::fs::write(
        &flavor_file,
        json!({"flavor_part": "OS", "pcrs": [{"index": 9, "value": "11".repeat(32)}]}).to_string(),
    )
    .unwrap();
    let imported = json_of(&secl(&[
        "hvs",
        "flavor",
        "import",
        flavor_file.to_str().unwrap(),
        "--flavorgroup",
        "other",
        "--output",
        "json",
    ]));
    assert_eq!(imported[0]["flavorgroup_names"], json!(["other"]));
    let reports = json_of(&secl(&[
        "hvs",
        "report",
        "list",
        "--host-status",
        "CONNECTED",
        "--days",
        "7",
        "--limit",
        "3",
        "--output",
        "json",
    ]));
    assert_eq!(reports, json!([]));
    let o = secl(&["hvs", "report", "list", "--from", "yesterday"]);
    assert_eq!(
        o.status.code(),
        Some(6),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}

/// SecL's host/flavor-group links (`/hosts/{id}/flavorgroups[/{fgId}]`): linking a group makes
/// the next report verify the host against it too, unlinking stops that; permissions
/// `hosts:search|create|retrieve|delete`; SecL's messages for malformed bodies and missing
/// records.
#[test]
fn host_flavorgroup_links() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let site = TpmHvs::start(root);
    let admin = site.admin.clone();
    let c = site.client();
    let agent = site.agent(root, TA_TOKEN);
    let host = register(&c, &admin, &agent, &[]);
    let host_id = host["id"].as_str().unwrap().to_string();
    created(&c.post_json(
        "/flavors",
        &admin,
        json!({"host_id": host_id, "flavor_parts": ["PLATFORM", "OS"]}),
    ));
    let automatic = c.get("/flavorgroups?nameEqualTo=automatic", &admin).json()["flavorgroups"][0]
        ["id"]
        .as_str()
        .unwrap()
        .to_string();
    // A group that requires a PLATFORM flavor and has none.
    let strict = create_group(
        &c,
        &admin,
        "strict-empty",
        &[policy("PLATFORM", "ANY_OF", "REQUIRED")],
    );
    let links = format!("/hosts/{host_id}/flavorgroups");
    let link = |g: &str| format!("{links}/{g}");

    // Listed as SecL lists them: the default group of a host registered without groups.
    let r = c.get(&links, &admin);
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(
        r.json(),
        json!({"flavorgroup_host_links": [{"host_id": host_id, "flavorgroup_id": automatic}]})
    );
    assert_eq!(
        report(&c, &admin, &host_id)["trust_report"]["overall"],
        true
    );

    // Permissions: none, an unknown token, and a token for other routes are refused.
    let other = c.token(&admin, &["flavorgroups:*:*", "reports:*:*"]);
    let body = serde_json::to_vec(&json!({"flavorgroup_id": strict})).unwrap();
    for (method, path, perm) in [
        ("GET", links.clone(), "hosts:search:*"),
        ("POST", links.clone(), "hosts:create:*"),
        ("GET", link(&automatic), "hosts:retrieve:*"),
        // (A link that does not exist: 404 once authorized.)
        (
            "DELETE",
            link(&uuid::Uuid::new_v4().to_string()),
            "hosts:delete:*",
        ),
    ] {
        for tok in [None, Some("wrong"), Some(other.as_str())] {
            let r = c.send(
                method,
                &path,
                tok,
                &[("Content-Type", "application/json")],
                Some(body.clone()),
            );
            assert_eq!(r.status, 401, "{method} {path} with {tok:?}: {}", r.text());
        }
        // The route's own permission alone is enough to get past authorization.
        let only = c.token(&admin, &[perm]);
        let r = c.send(
            method,
            &path,
            Some(&only),
            &[
                ("Content-Type", "application/json"),
                ("Accept", "application/json"),
            ],
            Some(body.clone()),
        );
        assert_ne!(r.status, 401, "{method} {path} with {perm}: {}", r.text());
        if method == "POST" {
            assert_eq!(r.status, 201, "{}", r.text());
            assert_eq!(
                r.json(),
                json!({"host_id": host_id, "flavorgroup_id": strict})
            );
        }
    }

    // Linked to the empty strict group, the host is untrusted: PLATFORM is required there.
    let r = c.get(&link(&strict), &admin);
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(
        r.json(),
        json!({"host_id": host_id, "flavorgroup_id": strict})
    );
    let rep = report(&c, &admin, &host_id);
    assert_eq!(rep["trust_report"]["overall"], false, "{rep}");
    assert_eq!(
        c.get(&format!("/hosts/{host_id}"), &admin).json()["flavorgroup_names"],
        json!(["automatic", "strict-empty"])
    );
    // A group a host uses cannot be deleted; once unlinked it can.
    assert_eq!(
        c.delete(&format!("/flavorgroups/{strict}"), &admin).status,
        409
    );

    // Malformed bodies and missing records, with SecL's messages.
    let post = |ct: &str, body: &[u8]| {
        c.send(
            "POST",
            &links,
            Some(&admin),
            &[("Content-Type", ct), ("Accept", "application/json")],
            Some(body.to_vec()),
        )
    };
    let expect = |r: Resp, status: u16, text: &str| {
        assert_eq!(r.status, status, "{}", r.text());
        assert!(r.text().contains(text), "want {text:?}: {}", r.text());
    };
    expect(post("text/plain", &body), 415, "Invalid Content-Type");
    expect(
        post("application/json", b""),
        400,
        "The request body was not provided",
    );
    expect(
        post("application/json", b"{"),
        400,
        "Unable to decode JSON request body",
    );
    expect(
        post("application/json", br#"{"flavorgroup_id":"not-a-uuid"}"#),
        400,
        "Unable to decode JSON request body",
    );
    expect(
        post("application/json", br#"{"flavorgroup_id":null,"extra":1}"#),
        400,
        "Unable to decode JSON request body",
    );
    expect(
        post("application/json", b"{}"),
        400,
        "Invalid Flavorgroup Id specified in request",
    );
    expect(
        post(
            "application/json",
            br#"{"flavorgroup_id":"00000000-0000-0000-0000-000000000000"}"#,
        ),
        400,
        "Invalid Flavorgroup Id specified in request",
    );
    let nobody = uuid::Uuid::new_v4();
    expect(
        post(
            "application/json",
            json!({"flavorgroup_id": nobody}).to_string().as_bytes(),
        ),
        400,
        "Flavorgroup with specified id does not exist",
    );
    expect(
        post("application/json", &body),
        400,
        "Host Flavorgroup link with specified ids already exist",
    );
    expect(
        c.post_json(
            &format!("/hosts/{nobody}/flavorgroups"),
            &admin,
            json!({"flavorgroup_id": strict}),
        ),
        404,
        "Host with given id does not exist",
    );
    expect(
        c.get(&link(&nobody.to_string()), &admin),
        404,
        "Host Flavorgroup link with specified ids does not exist",
    );
    expect(
        c.delete(&link(&nobody.to_string()), &admin),
        404,
        "Host Flavorgroup link with specified ids does not exist",
    );
    expect(c.get("/hosts/not-a-uuid/flavorgroups", &admin), 400, "UUID");
    let r = c.get(&format!("/hosts/{nobody}/flavorgroups"), &admin);
    assert_eq!(r.json(), json!({"flavorgroup_host_links": []}));

    // Unlinked (once: the second time there is nothing to unlink), the host is trusted again.
    assert_eq!(c.delete(&link(&strict), &admin).status, 204);
    assert_eq!(c.delete(&link(&strict), &admin).status, 404);
    assert_eq!(
        report(&c, &admin, &host_id)["trust_report"]["overall"],
        true
    );
    assert_eq!(
        c.delete(&format!("/flavorgroups/{strict}"), &admin).status,
        204
    );
    drop(agent);
}
