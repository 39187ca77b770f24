//! secl-tpm against a real TPM 2.0 (swtpm with an EK certificate from a CA of the test's own).
//! Each test starts its own swtpm via scripts/swtpm.sh and stops it when done.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::process::Command;

use common::{SwTpm, parse_attest, random, require_tool, run, tpm2b, verify_signature};
use rsa::pkcs8::DecodePublicKey;
use secl_tpm::{
    Error, KeyBlobs, OAEP_LABEL, PcrBank, SECL_CERTIFY_QUALIFYING_DATA, SRK_HANDLE, Tpm,
};
use sha2::{Digest, Sha256};

const TPM_GENERATED_VALUE: u32 = 0xff54_4347;

fn oaep_wrap(key: &KeyBlobs, label: &[u8], secret: &[u8]) -> Vec<u8> {
    let pk = rsa::PublicKey::from_public_key_der(&key.public_key_der().unwrap()).unwrap();
    pk.encrypt(
        &mut rand::rng(),
        rsa::Oaep::<Sha256>::new_with_label(label.to_vec()),
        secret,
    )
    .unwrap()
}

/// The TPMA_OBJECT of a key, read from its TPMT_PUBLIC (type, nameAlg, objectAttributes).
fn object_attributes(key: &KeyBlobs) -> (u16, u16, u32) {
    let area = key.public_area().unwrap();
    (
        u16::from_be_bytes([area[0], area[1]]),
        u16::from_be_bytes([area[2], area[3]]),
        u32::from_be_bytes(area[4..8].try_into().unwrap()),
    )
}

#[test]
fn ek_certificate_chains_to_the_tpm_makers_ca() {
    let sw = SwTpm::start();
    let mut tpm = Tpm::open(&sw.tcti).unwrap();

    let der = tpm
        .ek_certificate()
        .unwrap()
        .expect("swtpm_setup wrote an EK certificate");
    assert_eq!(tpm.require_ek_certificate().unwrap(), der);
    let (der_path, pem_path) = (sw.path("ek.der"), sw.path("ek.pem"));
    std::fs::write(&der_path, &der).unwrap();
    run(Command::new("openssl")
        .args(["x509", "-inform", "DER", "-in"])
        .arg(&der_path)
        .arg("-out")
        .arg(&pem_path));
    let out = run(Command::new("openssl")
        .arg("verify")
        .arg("-CAfile")
        .arg(sw.root_ca())
        .arg("-untrusted")
        .arg(sw.issuer_ca())
        .arg(&pem_path));
    assert!(String::from_utf8_lossy(&out.stdout).contains(": OK"));

    // The certificate certifies this very EK.
    let ek = tpm.ek_public().unwrap();
    assert!(ek.persistent);
    let cert_key = run(Command::new("sh").arg("-c").arg(format!(
        "openssl x509 -inform DER -in {} -noout -pubkey | openssl pkey -pubin -outform DER",
        der_path.display()
    )))
    .stdout;
    assert_eq!(ek.public_key_der().unwrap(), cert_key);
    assert_eq!(ek.name().unwrap().len(), 34);

    // The persistent EK is the one the standard template derives (the fallback path).
    let derived = tpm.ek_public_from_template().unwrap();
    assert!(!derived.persistent);
    assert_eq!(derived.public, ek.public);
}

#[test]
fn aik_activates_a_credential_made_by_tpm2_makecredential() {
    require_tool("tpm2_makecredential", "tpm2-tools");
    let sw = SwTpm::start();
    let mut tpm = Tpm::open(&sw.tcti).unwrap();
    let aik = tpm.create_aik().unwrap();
    // restricted | sign | fixedTPM | fixedParent | sensitiveDataOrigin | userWithAuth
    assert_eq!(object_attributes(&aik), (0x0001, 0x000b, 0x0005_0072));
    assert_eq!(aik.name().unwrap()[..2], [0x00, 0x0b]);

    let ek = tpm.ek_public().unwrap();
    std::fs::write(sw.path("ek.pub"), &ek.public).unwrap();
    let secret: [u8; 32] = random();
    std::fs::write(sw.path("secret.bin"), secret).unwrap();

    // Offline MakeCredential, as a PrivacyCA would do it; returns (TPM2B_ID_OBJECT,
    // TPM2B_ENCRYPTED_SECRET) from tpm2-tools' file: magic BADCC0DE, version 1, then both.
    let make_credential = |name: &[u8]| -> (Vec<u8>, Vec<u8>) {
        let out = sw.path("cred.out");
        let _ = std::fs::remove_file(&out);
        run(Command::new("tpm2_makecredential")
            .args(["-T", "none", "-u"])
            .arg(sw.path("ek.pub"))
            .arg("-s")
            .arg(sw.path("secret.bin"))
            .arg("-n")
            .arg(hex::encode(name))
            .arg("-o")
            .arg(&out)
            .env("TSS2_LOG", "all+none"));
        let file = std::fs::read(&out).unwrap();
        assert_eq!(&file[..8], &[0xba, 0xdc, 0xc0, 0xde, 0, 0, 0, 1]);
        let (_, rest) = tpm2b(&file[8..]);
        let id_len = file.len() - 8 - rest.len();
        let (_, tail) = tpm2b(rest);
        assert!(tail.is_empty());
        (file[8..8 + id_len].to_vec(), rest.to_vec())
    };

    let (blob, enc_secret) = make_credential(&aik.name().unwrap());
    let got = tpm.activate_credential(&aik, &blob, &enc_secret).unwrap();
    assert_eq!(got.as_slice(), &secret);

    // A credential for another AIK's name is refused.
    let other = tpm.create_aik().unwrap();
    let (blob, enc_secret) = make_credential(&other.name().unwrap());
    assert!(matches!(
        tpm.activate_credential(&aik, &blob, &enc_secret),
        Err(Error::Credential)
    ));
    // ... but works for that AIK.
    let got = tpm.activate_credential(&other, &blob, &enc_secret).unwrap();
    assert_eq!(got.as_slice(), &secret);

    // Tampered and malformed inputs.
    let mut tampered = blob.clone();
    tampered[10] ^= 1;
    assert!(matches!(
        tpm.activate_credential(&other, &tampered, &enc_secret),
        Err(Error::Credential)
    ));
    assert!(matches!(
        tpm.activate_credential(&other, &blob[..blob.len() - 1], &enc_secret),
        Err(Error::Malformed { .. })
    ));
    assert!(matches!(
        tpm.activate_credential(&other, &blob, &[]),
        Err(Error::Malformed { .. })
    ));
}

#[test]
fn binding_key_certified_by_the_aik() {
    let sw = SwTpm::start();
    let mut tpm = Tpm::open(&sw.tcti).unwrap();
    let aik = tpm.create_aik().unwrap();
    let auth: [u8; 32] = random();
    let bk = tpm.create_binding_key(&auth).unwrap();
    // fixedTPM | fixedParent | sensitiveDataOrigin | userWithAuth | decrypt; not sign, not
    // restricted; RSA, nameAlg SHA-256.
    assert_eq!(object_attributes(&bk), (0x0001, 0x000b, 0x0002_0072));

    let (attest, signature) = tpm
        .certify(&bk, &auth, &aik, &SECL_CERTIFY_QUALIFYING_DATA)
        .unwrap();
    let a = parse_attest(&attest);
    assert_eq!(a.magic, TPM_GENERATED_VALUE);
    assert_eq!(a.kind, 0x8017);
    assert_eq!(a.extra_data, [0x00, 0xff, 0x55, 0xaa]);
    assert_eq!(a.first, bk.name().unwrap());
    // HVS's check: SHA-256(TPM2B_PUBLIC[2:]) is the attested name's digest.
    assert_eq!(a.first[2..], Sha256::digest(&bk.public[2..])[..]);
    verify_signature(
        &aik.public_key_der().unwrap(),
        &attest,
        &signature,
        sw.dir.path(),
    );

    // The object's auth is checked.
    assert!(matches!(
        tpm.certify(&bk, b"wrong", &aik, &SECL_CERTIFY_QUALIFYING_DATA),
        Err(Error::Tpm {
            command: "Certify",
            ..
        })
    ));
    assert!(matches!(
        tpm.certify(&bk, &auth, &aik, &[0u8; 65]),
        Err(Error::InvalidArgument(_))
    ));

    // Blobs come from disk: every single-byte corruption of a real one is an error or a
    // different (still well-formed) key, never a panic.
    let bytes = bk.to_bytes();
    for i in 0..bytes.len() {
        for x in [0x01, 0x80, 0xff] {
            let mut b = bytes.clone();
            b[i] ^= x;
            if let Ok(k) = KeyBlobs::from_bytes(&b) {
                let _ = (k.name(), k.public_key_der(), k.public_area());
            }
            let _ = secl_tpm::name(&b[..bk.public.len()]);
        }
    }
}

#[test]
fn quote_verifies_and_follows_pcr_extend() {
    let sw = SwTpm::start();
    let mut tpm = Tpm::open(&sw.tcti).unwrap();
    let aik = tpm.create_aik().unwrap();
    let aik_key = aik.public_key_der().unwrap();
    let pcrs: Vec<u8> = (0..8).collect();

    let nonce: [u8; 20] = random();
    let q1 = tpm.quote(&aik, &pcrs, PcrBank::Sha256, &nonce).unwrap();
    let a1 = parse_attest(&q1.attest);
    assert_eq!(a1.magic, TPM_GENERATED_VALUE);
    assert_eq!(a1.kind, 0x8018);
    assert_eq!(a1.extra_data, nonce);
    // One selection: SHA-256, three octets, PCRs 0-7.
    assert_eq!(a1.first, [0, 0, 0, 1, 0x00, 0x0b, 3, 0xff, 0, 0]);
    assert_eq!(q1.pcr_values.len(), 8);
    assert!(
        q1.pcr_values
            .iter()
            .enumerate()
            .all(|(i, (idx, v))| *idx as usize == i && v == &[0u8; 32])
    );
    let concat: Vec<u8> = q1.pcr_values.iter().flat_map(|(_, v)| v.clone()).collect();
    assert_eq!(a1.second, Sha256::digest(&concat)[..]);
    verify_signature(&aik_key, &q1.attest, &q1.signature, sw.dir.path());

    // A measured-boot event in PCR 7 changes the quoted digest.
    let event = Sha256::digest(b"secure boot policy changed");
    tpm.pcr_extend(7, PcrBank::Sha256, &event).unwrap();
    let expected7 = Sha256::digest([[0u8; 32].as_slice(), event.as_slice()].concat());
    assert_eq!(
        tpm.pcr_read(&[7], PcrBank::Sha256).unwrap(),
        vec![(7, expected7.to_vec())]
    );
    let nonce2: [u8; 32] = random();
    let q2 = tpm.quote(&aik, &pcrs, PcrBank::Sha256, &nonce2).unwrap();
    let a2 = parse_attest(&q2.attest);
    assert_eq!(a2.extra_data, nonce2);
    assert_ne!(a2.second, a1.second);
    assert_eq!(q2.pcr_values[7].1, expected7[..]);
    let concat: Vec<u8> = q2.pcr_values.iter().flat_map(|(_, v)| v.clone()).collect();
    assert_eq!(a2.second, Sha256::digest(&concat)[..]);
    verify_signature(&aik_key, &q2.attest, &q2.signature, sw.dir.path());

    // More than 8 PCRs (several PCR_Read rounds), unsorted with duplicates.
    let all: Vec<u8> = (0..24).rev().chain([7, 7]).collect();
    let q3 = tpm.quote(&aik, &all, PcrBank::Sha256, b"n").unwrap();
    assert_eq!(q3.pcr_values.len(), 24);
    assert_eq!(q3.pcr_values[7].1, expected7[..]);

    // Bad arguments and an inactive bank.
    for (pcrs, nonce) in [(&[24u8][..], &[0u8; 1][..]), (&[], &[0]), (&[0], &[0; 65])] {
        assert!(matches!(
            tpm.quote(&aik, pcrs, PcrBank::Sha256, nonce),
            Err(Error::InvalidArgument(_))
        ));
    }
    assert!(matches!(
        tpm.pcr_extend(7, PcrBank::Sha256, &[0; 20]),
        Err(Error::InvalidArgument(_))
    ));
    assert!(tpm.pcr_read(&[0], PcrBank::Sha384).is_err());
}

#[test]
fn rsa_decrypt_unwraps_the_kbs_wrap_and_nothing_else() {
    let sw = SwTpm::start();
    let mut tpm = Tpm::open(&sw.tcti).unwrap();
    let auth: [u8; 32] = random();
    let bk = tpm.create_binding_key(&auth).unwrap();
    let secret: [u8; 32] = random();

    // Software wrap exactly as the KBS does it: OAEP, SHA-256, label "TPM2\0" (5 bytes).
    assert_eq!(OAEP_LABEL, &[0x54, 0x50, 0x4d, 0x32, 0x00]);
    let ct = oaep_wrap(&bk, OAEP_LABEL, &secret);
    assert_eq!(ct.len(), 256);
    assert_eq!(
        tpm.rsa_decrypt(&bk, &auth, &ct).unwrap().as_slice(),
        &secret
    );

    // And as openssl does it.
    let (pem, msg, out) = (sw.path("bk.der"), sw.path("secret.bin"), sw.path("ct.bin"));
    std::fs::write(&pem, bk.public_key_der().unwrap()).unwrap();
    std::fs::write(&msg, secret).unwrap();
    run(Command::new("openssl")
        .args(["pkeyutl", "-encrypt", "-keyform", "DER", "-pubin", "-inkey"])
        .arg(&pem)
        .arg("-in")
        .arg(&msg)
        .arg("-out")
        .arg(&out)
        .args([
            "-pkeyopt",
            "rsa_padding_mode:oaep",
            "-pkeyopt",
            "rsa_oaep_md:sha256",
            "-pkeyopt",
            "rsa_mgf1_md:sha256",
            "-pkeyopt",
            "rsa_oaep_label:54504d3200",
        ]));
    let ct_openssl = std::fs::read(&out).unwrap();
    assert_eq!(
        tpm.rsa_decrypt(&bk, &auth, &ct_openssl).unwrap().as_slice(),
        &secret
    );

    // Wrong label (without the NUL, or none), another key's ciphertext, garbage, wrong auth:
    // all the same single error.
    let other = tpm.create_binding_key(&auth).unwrap();
    for bad in [
        oaep_wrap(&bk, b"TPM2", &secret),
        oaep_wrap(&bk, b"", &secret),
        oaep_wrap(&other, OAEP_LABEL, &secret),
        vec![0x42; 256],
        vec![1, 2, 3],
        vec![],
    ] {
        assert!(matches!(
            tpm.rsa_decrypt(&bk, &auth, &bad),
            Err(Error::Decrypt)
        ));
    }
    assert!(matches!(
        tpm.rsa_decrypt(&bk, b"not the auth", &ct),
        Err(Error::Decrypt)
    ));
    // The TPM keeps working after all those failures.
    assert_eq!(
        tpm.rsa_decrypt(&bk, &auth, &ct).unwrap().as_slice(),
        &secret
    );
    assert!(matches!(
        tpm.rsa_decrypt(&bk, &[0; 33], &ct),
        Err(Error::InvalidArgument(_))
    ));
}

#[test]
fn keys_reload_after_the_tpm_restarts() {
    let sw = SwTpm::start();
    let auth: [u8; 32] = random();
    let secret: [u8; 32] = random();
    let (bk_path, aik_path) = (sw.path("bindingkey.blob"), sw.path("aik.blob"));
    let (ct, ek_before) = {
        let mut tpm = Tpm::open(&sw.tcti).unwrap();
        let bk = tpm.create_binding_key(&auth).unwrap();
        bk.write_file(&bk_path).unwrap();
        tpm.create_aik().unwrap().write_file(&aik_path).unwrap();
        (
            oaep_wrap(&bk, OAEP_LABEL, &secret),
            tpm.ek_public().unwrap(),
        )
    };
    for p in [&bk_path, &aik_path] {
        let mode = std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "{}", p.display());
    }

    sw.restart();

    let mut tpm = Tpm::open(&sw.tcti).unwrap();
    let bk = KeyBlobs::read_file(&bk_path).unwrap();
    assert_eq!(
        tpm.rsa_decrypt(&bk, &auth, &ct).unwrap().as_slice(),
        &secret
    );
    let aik = KeyBlobs::read_file(&aik_path).unwrap();
    let q = tpm
        .quote(&aik, &[0, 7], PcrBank::Sha256, b"after reboot")
        .unwrap();
    verify_signature(
        &aik.public_key_der().unwrap(),
        &q.attest,
        &q.signature,
        sw.dir.path(),
    );
    assert_eq!(tpm.ek_public().unwrap(), ek_before);

    // Overwriting keeps the mode; a damaged blob is an error, not a panic.
    bk.write_file(&bk_path).unwrap();
    assert_eq!(
        std::fs::metadata(&bk_path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let mut damaged = bk.clone();
    let last = damaged.private.len() - 1;
    damaged.private[last] ^= 0x80;
    assert!(matches!(
        tpm.rsa_decrypt(&damaged, &auth, &ct),
        Err(Error::Tpm {
            command: "Load",
            ..
        })
    ));
    let bytes = bk.to_bytes();
    std::fs::write(&bk_path, &bytes[..bytes.len() - 1]).unwrap();
    assert!(matches!(
        KeyBlobs::read_file(&bk_path),
        Err(Error::Malformed { .. })
    ));
    let truncated = KeyBlobs {
        public: bk.public[..bk.public.len() - 3].to_vec(),
        private: bk.private.clone(),
    };
    assert!(matches!(
        tpm.rsa_decrypt(&truncated, &auth, &ct),
        Err(Error::Malformed { .. })
    ));
    // Still fine after all that (every loaded object was flushed).
    assert_eq!(
        tpm.rsa_decrypt(&bk, &auth, &ct).unwrap().as_slice(),
        &secret
    );
}

/// The handles of `kind` (`handles-persistent`, `handles-transient`) tpm2_getcap lists.
fn handles(tcti: &str, kind: &str) -> Vec<u32> {
    let out = run(Command::new("tpm2_getcap")
        .arg(kind)
        .env("TPM2TOOLS_TCTI", tcti)
        .env("TSS2_LOG", "all+none"));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.trim().trim_start_matches("- ").strip_prefix("0x"))
        .map(|h| u32::from_str_radix(h, 16).unwrap())
        .collect()
}

/// Median wall time of `n` runs of `f`.
fn median_time(n: usize, mut f: impl FnMut()) -> std::time::Duration {
    let mut t: Vec<_> = (0..n)
        .map(|_| {
            let start = std::time::Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    t.sort();
    t[n / 2]
}

#[test]
fn persistent_storage_primary_is_made_once_reused_and_checked() {
    require_tool("tpm2_getcap", "tpm2-tools");
    let sw = SwTpm::start();
    let auth: [u8; 32] = random();
    let secret: [u8; 32] = random();

    // Keys made before the primary was persistent (the re-derived one) ...
    let mut tpm = Tpm::open(&sw.tcti).unwrap();
    let old_bk = tpm.create_binding_key(&auth).unwrap();
    drop(tpm);
    assert!(!handles(&sw.tcti, "handles-persistent").contains(&SRK_HANDLE));

    let mut tpm = Tpm::open(&sw.tcti).unwrap();
    let name = tpm.persist_storage_primary().unwrap();
    assert_eq!(name.len(), 34);
    assert_eq!(name[..2], [0x00, 0x0b]);
    // ... and keys made under the persistent one are the same thing: same parent key.
    let bk = tpm.create_binding_key(&auth).unwrap();
    let aik = tpm.create_aik().unwrap();
    drop(tpm);
    // Provisioning again finds it and keeps it: one object at the handle, same name.
    let mut tpm = Tpm::open(&sw.tcti).unwrap();
    assert_eq!(tpm.persist_storage_primary().unwrap(), name);
    drop(tpm);
    let persistent = handles(&sw.tcti, "handles-persistent");
    assert_eq!(
        persistent.iter().filter(|h| **h == SRK_HANDLE).count(),
        1,
        "{persistent:x?}"
    );

    let (ct, old_ct) = (
        oaep_wrap(&bk, OAEP_LABEL, &secret),
        oaep_wrap(&old_bk, OAEP_LABEL, &secret),
    );
    let use_keys = |tpm: &mut Tpm| {
        assert_eq!(
            tpm.rsa_decrypt(&bk, &auth, &ct).unwrap().as_slice(),
            &secret
        );
        assert_eq!(
            tpm.rsa_decrypt(&old_bk, &auth, &old_ct).unwrap().as_slice(),
            &secret
        );
        let q = tpm.quote(&aik, &[0, 7], PcrBank::Sha256, b"n").unwrap();
        verify_signature(
            &aik.public_key_der().unwrap(),
            &q.attest,
            &q.signature,
            sw.dir.path(),
        );
    };
    // Per-call opens, as the agent does, then the same after a TPM Reset.
    for _ in 0..3 {
        use_keys(&mut Tpm::open_with_storage_primary(&sw.tcti, &name).unwrap());
    }
    sw.restart();
    use_keys(&mut Tpm::open_with_storage_primary(&sw.tcti, &name).unwrap());
    use_keys(&mut Tpm::open(&sw.tcti).unwrap());
    // Nothing piled up: the same persistent objects, no transient one left.
    assert_eq!(handles(&sw.tcti, "handles-persistent"), persistent);
    assert!(handles(&sw.tcti, "handles-transient").is_empty());

    // The point of it: no CreatePrimary per call.
    let unwrap_with = |persistent: bool| {
        median_time(5, || {
            let mut tpm = if persistent {
                Tpm::open_with_storage_primary(&sw.tcti, &name).unwrap()
            } else {
                Tpm::open(&sw.tcti).unwrap()
            };
            tpm.rsa_decrypt(&bk, &auth, &ct).unwrap();
        })
    };
    eprintln!(
        "open + RSA decrypt, median of 5: derived primary {:?}, persistent primary {:?}",
        unwrap_with(false),
        unwrap_with(true)
    );

    // A name that is not the object's: refused, never used.
    let mut wrong = name.clone();
    wrong[33] ^= 1;
    let mut tpm = Tpm::open_with_storage_primary(&sw.tcti, &wrong).unwrap();
    assert!(matches!(
        tpm.rsa_decrypt(&bk, &auth, &ct),
        Err(Error::StoragePrimary(m)) if m.contains("someone else's")
    ));
    assert!(matches!(
        Tpm::open_with_storage_primary(&sw.tcti, &name[..20]),
        Err(Error::InvalidArgument(_))
    ));

    // Evicted: a clear error, not a silent CreatePrimary (this is what shows the persistent
    // object, not a derived copy, is what the calls above used).
    let evict = |what: &str| {
        run(Command::new("tpm2_evictcontrol")
            .args(["-C", "o", "-c", what])
            .arg(format!("{SRK_HANDLE:#010x}"))
            .env("TPM2TOOLS_TCTI", &sw.tcti)
            .env("TSS2_LOG", "all+none"));
    };
    evict(&format!("{SRK_HANDLE:#010x}"));
    let mut tpm = Tpm::open_with_storage_primary(&sw.tcti, &name).unwrap();
    assert!(matches!(
        tpm.rsa_decrypt(&bk, &auth, &ct),
        Err(Error::StoragePrimary(m)) if m.contains("no object")
    ));
    drop(tpm);

    // Someone else's key at the handle: provisioning refuses it and leaves it alone.
    let ctx = sw.path("other.ctx");
    run(Command::new("tpm2_createprimary")
        .args(["-Q", "-C", "o", "-G", "ecc", "-c"])
        .arg(&ctx)
        .env("TPM2TOOLS_TCTI", &sw.tcti)
        .env("TSS2_LOG", "all+none"));
    evict(&ctx.display().to_string());
    let mut tpm = Tpm::open(&sw.tcti).unwrap();
    assert!(matches!(
        tpm.persist_storage_primary(),
        Err(Error::StoragePrimary(m)) if m.contains("someone else's")
    ));
    drop(tpm);
    let mut tpm = Tpm::open_with_storage_primary(&sw.tcti, &name).unwrap();
    assert!(matches!(
        tpm.rsa_decrypt(&bk, &auth, &ct),
        Err(Error::StoragePrimary(_))
    ));
    // Derived-primary use still works beside it.
    assert_eq!(
        Tpm::open(&sw.tcti)
            .unwrap()
            .rsa_decrypt(&bk, &auth, &ct)
            .unwrap()
            .as_slice(),
        &secret
    );
}

#[test]
fn open_reports_bad_tcti_and_absent_tpm() {
    assert!(matches!(
        Tpm::open("swtpm:path=/tmp/swtpm.sock"),
        Err(Error::Tcti { .. })
    ));
    // A port nobody listens on.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    assert!(matches!(
        Tpm::open(&format!("swtpm:host=127.0.0.1,port={port}")),
        Err(Error::Open { .. })
    ));
}

#[test]
fn tpm_handle_can_move_to_another_thread() {
    fn assert_send<T: Send>() {}
    assert_send::<Tpm>();
}

#[test]
fn open_flushes_objects_a_dead_client_left_loaded() {
    require_tool("tpm2_createprimary", "tpm2-tools");
    let sw = SwTpm::start();
    // tpm2-tools on a TPM without resource manager leaves its primaries loaded: three fill
    // all of swtpm's object slots, so nothing could be created or loaded after them.
    for i in 0..3 {
        run(Command::new("tpm2_createprimary")
            .args(["-Q", "-C", "o", "-c"])
            .arg(sw.path(&format!("p{i}.ctx")))
            .env("TPM2TOOLS_TCTI", &sw.tcti)
            .env("TSS2_LOG", "all+none"));
    }
    let mut tpm = Tpm::open(&sw.tcti).unwrap();
    let aik = tpm.create_aik().unwrap();
    let auth: [u8; 32] = random();
    let bk = tpm.create_binding_key(&auth).unwrap();
    tpm.certify(&bk, &auth, &aik, &SECL_CERTIFY_QUALIFYING_DATA)
        .unwrap();
    drop(tpm);
    let out = run(Command::new("tpm2_getcap")
        .arg("handles-transient")
        .env("TPM2TOOLS_TCTI", &sw.tcti)
        .env("TSS2_LOG", "all+none"));
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}
