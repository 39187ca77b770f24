//! Several KBS instances sharing one PostgreSQL database (and one master key): what one writes,
//! the other serves; revocation is seen everywhere; acknowledged writes survive kill -9.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use secl_testkit::{KbsProcess, TestDb, rsa_pair};

#[test]
fn two_instances_share_one_database() {
    let Some(db) = TestDb::create() else { return };
    let dir = tempfile::tempdir().unwrap();
    let master = dir.path().join("master.key");
    let master_arg = master.to_str().unwrap();
    let args = ["--store", db.url.as_str(), "--master-key-file", master_arg];
    let a = KbsProcess::start(&dir.path().join("a"), &args);
    let b = KbsProcess::start(&dir.path().join("b"), &args);
    assert!(
        !b.data_dir.join("admin.token").exists(),
        "the second instance must not mint a second admin token"
    );
    let admin = a.admin_token();
    let (ca, cb) = (a.client(), b.client());

    let key = ca.create_key(&admin);
    assert_eq!(cb.get(&format!("/keys/{key}"), &admin).status, 200);

    let (private, public) = rsa_pair(2048);
    let open = |c: &secl_testkit::Client| {
        let r = c.send(
            "POST",
            &format!("/keys/{key}"),
            Some(&admin),
            &[("Content-Type", "text/plain")],
            Some(public.clone().into_bytes()),
        );
        assert_eq!(r.status, 200, "{}", r.text());
        let w = STANDARD
            .decode(r.json()["wrapped_key"].as_str().unwrap())
            .unwrap();
        private.oaep_decrypt::<sha2::Sha384>(&w).unwrap()
    };
    assert_eq!(
        open(&ca),
        open(&cb),
        "both instances must release the same key"
    );

    // One default policy, whichever instance asks.
    let pa = ca.get("/key-transfer-policies", &admin).json();
    let pb = cb.get("/key-transfer-policies", &admin).json();
    assert_eq!(pa, pb);
    assert_eq!(pa.as_array().unwrap().len(), 1);

    // Revocation on A is honoured by B.
    let r = ca.post_json(
        "/tokens",
        &admin,
        serde_json::json!({"name":"ci","permissions":["keys:search"]}),
    );
    let t = r.json();
    let ci = t["token"].as_str().unwrap();
    assert_eq!(cb.get("/keys", ci).status, 200);
    assert_eq!(
        ca.delete(&format!("/tokens/{}", t["id"].as_str().unwrap()), &admin)
            .status,
        204
    );
    assert_eq!(cb.get("/keys", ci).status, 401);

    // Audit sequence numbers stay unique across instances.
    for i in 0..10 {
        let c = if i % 2 == 0 { &ca } else { &cb };
        c.create_key(&admin);
    }
    let audit = cb.get("/audit", &admin).json();
    let seqs: Vec<u64> = audit
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["seq"].as_u64().unwrap())
        .collect();
    assert!(seqs.windows(2).all(|w| w[0] < w[1]), "{seqs:?}");

    // kill -9 of A right after its 201: B still has the key.
    let last = ca.create_key(&admin);
    a.kill9();
    assert_eq!(cb.get(&format!("/keys/{last}"), &admin).status, 200);
    assert_eq!(cb.count("/keys", &admin), 12);
    b.stop();
}
