//! SecL's PrivacyCA routes (`privacyca/identity-challenge-request` and
//! `privacyca/identity-challenge-response`) with real processes and a real TPM (swtpm).
//!
//! `secl-wla provision --aik-protocol privacyca` certifies its AIK through them and the host
//! is then attested as trusted. An agent inside the test, driving the same swtpm through
//! `secl-tpm` and sealing its payloads with `secl-attest` as Intel's trust agent does, gets
//! each refusal with its reason: an EK certificate from an unknown CA, a wrong or replayed
//! challenge answer, an AIK name that is not the announced modulus's, malformed blobs
//! (truncated, wrong lengths, bad base64, unknown fields), a wrong Content-Type, and a missing
//! or insufficient token.
//!
//! Needs `cargo build --workspace --bins` first, swtpm, swtpm_setup and certtool
//! (scripts/install-deps.sh).

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use secl_attest::privacy_ca::identity::{
    IdentityChallengePayload, IdentityProofRequest, IdentityRequest, open_proof, proof_credential,
    seal_payload,
};
use secl_attest::privacy_ca::{certificate_public_key, verify_chain};
use secl_attest::tpm2::Public;
use secl_testkit::{
    Client, Resp, Swtpm, TpmHvs, admin_token, provision_wla_ok, serve_agent, start_hvs,
};
use secl_tpm::{KeyBlobs, Tpm};
use serde_json::{Value, json};

const REQUEST: &str = "/privacyca/identity-challenge-request";
const RESPONSE: &str = "/privacyca/identity-challenge-response";

fn post(c: &Client, path: &str, token: Option<&str>, content_type: &str, body: Vec<u8>) -> Resp {
    c.send(
        "POST",
        path,
        token,
        &[
            ("Accept", "application/json"),
            ("Content-Type", content_type),
        ],
        Some(body),
    )
}

fn post_payload(c: &Client, path: &str, token: &str, payload: &IdentityChallengePayload) -> Resp {
    post(
        c,
        path,
        Some(token),
        "application/json",
        serde_json::to_vec(payload).unwrap(),
    )
}

/// A refusal: `status`, SecL's fixed message, and the reason after it.
fn refused(r: &Resp, status: u16, message: &str, reason: &str) {
    assert_eq!(r.status, status, "{}", r.text());
    let text = r.text();
    assert!(text.starts_with(message), "want {message:?}: {text}");
    assert!(text.contains(reason), "want {reason:?}: {text}");
}

/// The agent inside the test: the swtpm's EK certificate and an AIK made in it, the HVS
/// PrivacyCA's key, and the TPM opened only while it is needed (swtpm serves one client).
struct Agent<'a> {
    tpm: &'a Swtpm,
    ek_cert: Vec<u8>,
    aik: KeyBlobs,
    request: IdentityRequest,
    ca: rsa::PublicKey,
}

/// The PrivacyCA key of the HVS behind `c`, as an agent fetches it.
fn privacy_ca_key(c: &Client) -> rsa::PublicKey {
    let r = c.send(
        "GET",
        "/ca-certificates/privacy",
        None,
        &[("Accept", "application/json")],
        None,
    );
    assert_eq!(r.status, 200, "{}", r.text());
    let der = B64
        .decode(r.json()["certificate"].as_str().unwrap())
        .unwrap();
    certificate_public_key(&der).unwrap()
}

impl<'a> Agent<'a> {
    fn new(tpm: &'a Swtpm, c: &Client) -> Self {
        let (ek_cert, aik) = {
            let mut t = Tpm::open(&tpm.tcti).unwrap();
            (t.require_ek_certificate().unwrap(), t.create_aik().unwrap())
        };
        let public = Public::parse_tpm2b(&aik.public).unwrap();
        let request = IdentityRequest {
            tpm_version: "2.0".into(),
            aik_modulus: Some(public.modulus.clone()),
            aik_name: Some(aik.name().unwrap()),
            ..Default::default()
        };
        Self {
            tpm,
            ek_cert,
            aik,
            request,
            ca: privacy_ca_key(c),
        }
    }

    fn seal(&self, plaintext: &[u8]) -> IdentityChallengePayload {
        seal_payload(&self.ca, plaintext, self.request.clone()).unwrap()
    }

    /// What the TPM releases from an answer, opened: ActivateCredential, then the blob.
    fn open(&self, answer: &Resp) -> Vec<u8> {
        assert_eq!(answer.status, 200, "{}", answer.text());
        let proof: IdentityProofRequest = serde_json::from_slice(&answer.body).unwrap();
        let (credential, secret) = proof_credential(&proof).unwrap();
        let mut t = Tpm::open(&self.tpm.tcti).unwrap();
        let key = t
            .activate_credential(&self.aik, credential, secret)
            .unwrap();
        open_proof(&proof, &key).unwrap().to_vec()
    }
}

#[test]
fn secl_protocol_provisions_a_trusted_host() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let site = TpmHvs::start(root);
    let (tpm, hvs, hvs_data, admin) = (&site.tpm, &site.hvs, &site.hvs_data, site.admin.clone());
    let c = site.client();

    // The real agent, SecL's protocol.
    let wla_data = root.join("wla");
    let out = provision_wla_ok(
        tpm,
        &wla_data,
        hvs,
        hvs_data,
        &["--aik-protocol", "privacyca"],
    );
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        said.contains("AIK certified by HVS") && said.contains("privacyca/identity-challenge"),
        "{said}"
    );
    let logs = hvs.logs();
    let aik_cert = std::fs::read(wla_data.join("aik.cer")).unwrap();
    let privacy_pem = std::fs::read_to_string(hvs_data.join("privacy-ca-cert.pem")).unwrap();
    let privacy_der = secl_attest::privacy_ca::pem_certificate(&privacy_pem).unwrap();
    verify_chain(&aik_cert, std::slice::from_ref(&privacy_der)).unwrap();
    let aik = KeyBlobs::read_file(&wla_data.join("aik.blob")).unwrap();
    assert_certifies(&aik_cert, &aik.public);
    assert!(!logs.contains("panicked"), "{logs}");

    // The host then attests as trusted with that AIK certificate.
    let agent = serve_agent(tpm, root, "ta-token-privacyca-0123456789");
    let host_id = site.register(&agent)["id"].as_str().unwrap().to_string();
    site.flavors_from_host(&host_id, &["PLATFORM", "OS", "HOST_UNIQUE"]);
    let r = c.post_json("/reports", &admin, json!({"host_id": host_id}));
    assert_eq!(r.status, 201, "{}", r.text());
    let report = r.json();
    assert_eq!(report["trust_report"]["overall"], true, "{report}");
    // The signed report names that AIK certificate.
    let r = c.send(
        "POST",
        "/reports",
        Some(&admin),
        &[
            ("Accept", "application/samlassertion+xml"),
            ("Content-Type", "application/json"),
        ],
        Some(json!({"host_id": host_id}).to_string().into_bytes()),
    );
    assert_eq!(r.status, 201, "{}", r.text());
    assert!(r.text().contains(&B64.encode(&aik_cert)), "{}", r.text());

    // Control: a PCR change makes the same host untrusted.
    tpm.extend_pcr(8, &"ab".repeat(32));
    let r = c.post_json("/reports", &admin, json!({"host_id": host_id}));
    assert_eq!(r.status, 201, "{}", r.text());
    assert_eq!(r.json()["trust_report"]["overall"], false);
}

/// The certificate is for the key in this TPM2B_PUBLIC.
fn assert_certifies(cert: &[u8], tpm2b_public: &[u8]) {
    let key = Public::parse_tpm2b(tpm2b_public)
        .unwrap()
        .rsa_public_key()
        .unwrap();
    assert_eq!(certificate_public_key(cert).unwrap(), key);
}

#[test]
fn secl_protocol_refusals() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let site = TpmHvs::start(root);
    let (tpm, hvs, hvs_data, admin) = (&site.tpm, &site.hvs, &site.hvs_data, site.admin.clone());
    let c = site.client();
    let agent = Agent::new(tpm, &c);
    let good = agent.seal(&agent.ek_cert);

    // Tokens: none, unknown, or one without host_aiks:certify.
    let reporter = c.token(&admin, &["reports:create:*"]);
    let certifier = c.token(&admin, &["host_aiks:certify:*"]);
    let body = serde_json::to_vec(&good).unwrap();
    for path in [REQUEST, RESPONSE] {
        for tok in [None, Some("wrong"), Some(reporter.as_str())] {
            let r = post(&c, path, tok, "application/json", body.clone());
            assert_eq!(r.status, 401, "{path} with {tok:?}: {}", r.text());
        }
        let r = post(&c, path, Some(&reporter), "application/json", body.clone());
        assert!(r.text().contains("host_aiks:certify"), "{}", r.text());

        // Content-Type and JSON, SecL's messages.
        let r = post(&c, path, Some(&certifier), "text/plain", body.clone());
        refused(&r, 415, "Invalid Content-Type", "");
        let mut bad_base64: Value = serde_json::to_value(&good).unwrap();
        bad_base64["identity_request"]["aik_name"] = json!("not*base64");
        let mut surplus: Value = serde_json::to_value(&good).unwrap();
        surplus["surplus"] = json!(1);
        for (json, detail) in [
            (b"{".to_vec(), ""),
            (Vec::new(), ""),
            (bad_base64.to_string().into_bytes(), "base64"),
            (surplus.to_string().into_bytes(), "unknown field"),
        ] {
            let r = post(&c, path, Some(&certifier), "application/json", json);
            refused(&r, 400, "Error marshaling json data", detail);
        }
    }

    const REQ_ERR: &str = "Error while getting IdentityProofRequest: ";
    const RESP_ERR: &str = "Error while getting IdentityProofRequestResponse: ";

    // Malformed blobs.
    let mut p = good.clone();
    p.asymblob.as_mut().unwrap().truncate(200);
    refused(
        &post_payload(&c, REQUEST, &certifier, &p),
        400,
        REQ_ERR,
        "asymblob of 200 bytes",
    );
    let mut p = good.clone();
    p.asymblob = None;
    refused(
        &post_payload(&c, REQUEST, &certifier, &p),
        400,
        REQ_ERR,
        "asymblob is missing",
    );
    let mut p = good.clone();
    p.symblob.as_mut().unwrap().truncate(40);
    refused(
        &post_payload(&c, REQUEST, &certifier, &p),
        400,
        REQ_ERR,
        "symmetric blob of 40 bytes",
    );
    let mut p = good.clone();
    let n = p.symblob.as_ref().unwrap().len();
    p.symblob.as_mut().unwrap().truncate(n - 16);
    refused(
        &post_payload(&c, REQUEST, &certifier, &p),
        400,
        REQ_ERR,
        "EK",
    );
    let mut p = good.clone();
    p.tpm_symmetric_params.iv = Some(vec![0; 8]);
    refused(
        &post_payload(&c, REQUEST, &certifier, &p),
        400,
        REQ_ERR,
        "IV of 8 bytes",
    );
    let mut p = good.clone();
    p.tpm_asymmetric_params.enc_scheme = 2;
    refused(
        &post_payload(&c, REQUEST, &certifier, &p),
        400,
        REQ_ERR,
        "asymmetric scheme",
    );
    let mut p = good.clone();
    p.asymblob.as_mut().unwrap()[5] ^= 0x40;
    refused(
        &post_payload(&c, REQUEST, &certifier, &p),
        400,
        REQ_ERR,
        "does not decrypt",
    );
    let mut p = good.clone();
    p.identity_request
        .aik_modulus
        .as_mut()
        .unwrap()
        .truncate(255);
    refused(
        &post_payload(&c, REQUEST, &certifier, &p),
        400,
        REQ_ERR,
        "aik_modulus of 255 bytes",
    );
    let mut p = good.clone();
    p.identity_request.tpm_version = "1.2".into();
    refused(
        &post_payload(&c, REQUEST, &certifier, &p),
        400,
        REQ_ERR,
        "tpm_version",
    );

    // An AIK name that is not the name of the announced modulus (here: of another key).
    let mut p = good.clone();
    p.identity_request.aik_modulus.as_mut().unwrap()[100] ^= 1;
    refused(
        &post_payload(&c, REQUEST, &certifier, &p),
        400,
        REQ_ERR,
        "is not the name of",
    );

    // Something other than a certificate sealed as the EK certificate.
    let p = agent.seal(b"not a certificate");
    refused(
        &post_payload(&c, REQUEST, &certifier, &p),
        400,
        REQ_ERR,
        "Invalid EK certificate",
    );

    // An HVS that trusts another EK CA refuses this TPM's EK certificate.
    let other_data = root.join("hvs-other");
    let other = start_hvs(&other_data, &hvs_data.join("privacy-ca-cert.pem"));
    let oc = Client::new(&other.url, &other_data.join("tls-ca.pem"));
    let other_agent = Agent {
        tpm,
        ek_cert: agent.ek_cert.clone(),
        aik: agent.aik.clone(),
        request: agent.request.clone(),
        ca: privacy_ca_key(&oc),
    };
    let p = other_agent.seal(&other_agent.ek_cert);
    refused(
        &post_payload(&oc, REQUEST, &admin_token(&other_data), &p),
        400,
        REQ_ERR,
        "EK certificate is not issued by a trusted EK CA",
    );
    drop(other);

    // The genuine exchange, step by step, with refusals of the second call.
    let r = post_payload(&c, REQUEST, &certifier, &good);
    let challenge = agent.open(&r);
    assert_eq!(challenge.len(), 32);

    // A payload sealed to another key (the other HVS's PrivacyCA) does not open here.
    let p = other_agent.seal(&challenge);
    refused(
        &post_payload(&c, RESPONSE, &certifier, &p),
        400,
        RESP_ERR,
        "does not decrypt",
    );
    // A wrong challenge.
    let p = agent.seal(&[0x5a; 32]);
    refused(
        &post_payload(&c, RESPONSE, &certifier, &p),
        400,
        RESP_ERR,
        "no pending challenge",
    );
    let p = agent.seal(&challenge[..31]);
    refused(
        &post_payload(&c, RESPONSE, &certifier, &p),
        400,
        RESP_ERR,
        "no pending challenge",
    );

    // The right one: the AIK certificate, for this AIK, from this PrivacyCA.
    let answer = agent.seal(&challenge);
    let r = post_payload(&c, RESPONSE, &certifier, &answer);
    let aik_cert = agent.open(&r);
    let privacy_pem = std::fs::read_to_string(hvs_data.join("privacy-ca-cert.pem")).unwrap();
    let privacy_der = secl_attest::privacy_ca::pem_certificate(&privacy_pem).unwrap();
    verify_chain(&aik_cert, std::slice::from_ref(&privacy_der)).unwrap();
    assert_certifies(&aik_cert, &agent.aik.public);

    // Replayed: the challenge answered once.
    refused(
        &post_payload(&c, RESPONSE, &certifier, &answer),
        400,
        RESP_ERR,
        "no pending challenge",
    );

    // An answer for a challenge made for another AIK name is refused.
    let r = post_payload(&c, REQUEST, &certifier, &good);
    let challenge = agent.open(&r);
    let mut p = agent.seal(&challenge);
    let mut name = p.identity_request.aik_name.clone().unwrap();
    name[5] ^= 1;
    p.identity_request.aik_name = Some(name);
    refused(
        &post_payload(&c, RESPONSE, &certifier, &p),
        400,
        RESP_ERR,
        "aik_name is not the AIK",
    );

    let logs = hvs.logs();
    assert!(!logs.contains("panicked"), "{logs}");
}
