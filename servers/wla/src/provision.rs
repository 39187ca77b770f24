//! `secl-wla provision`: flow 2 of the design. The AIK is certified by HVS's PrivacyCA through
//! credential activation (proof that it lives in the TPM whose EK certificate was shown), by
//! this project's RPC or by SecL's identity-challenge protocol, then the binding key is
//! certified by the AIK and HVS issues its certificate.

use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as B64;
use rand::Rng;
use secl_tpm::{KeyBlobs, SECL_CERTIFY_QUALIFYING_DATA, Tpm, Zeroizing};
use serde::{Deserialize, Serialize};
use x509_parser::prelude::FromDer;

use secl_attest::privacy_ca::identity::{
    IdentityProofRequest, IdentityRequest, TPM_VERSION_2, open_proof, proof_credential,
    seal_payload,
};
use secl_attest::privacy_ca::{certificate_public_key, verify_chain};
use secl_attest::tpm2::Public;

use crate::cli::{AikProtocol, ProvisionArgs};
use crate::error::{Error, Result, tpm as tpm_err};
use crate::files;
use crate::host;
use crate::hvs::Hvs;
use crate::storage_primary::{self, TpmAccess};

/// `POST rpc/aik-challenge` request.
#[derive(Debug, Serialize, Deserialize)]
pub struct AikChallengeRequest {
    /// DER EK certificate, base64.
    pub ek_certificate: String,
    /// TPM2B_PUBLIC of the AIK, base64.
    pub aik_public: String,
}

/// `POST rpc/aik-challenge` answer: a credential only this TPM's EK can release for this AIK.
#[derive(Debug, Serialize, Deserialize)]
pub struct AikChallenge {
    pub challenge_id: uuid::Uuid,
    /// TPM2B_ID_OBJECT, base64.
    pub credential_blob: String,
    /// TPM2B_ENCRYPTED_SECRET, base64.
    pub encrypted_secret: String,
}

/// `POST rpc/aik-activate` request.
#[derive(Debug, Serialize, Deserialize)]
pub struct AikActivateRequest {
    pub challenge_id: uuid::Uuid,
    /// The released secret, base64.
    pub secret: String,
}

/// `GET ca-certificates/privacy` answer (the fields used).
#[derive(Debug, Deserialize)]
struct CaCertificate {
    /// DER certificate, base64.
    certificate: String,
}

/// `POST rpc/aik-activate` answer.
#[derive(Debug, Serialize, Deserialize)]
pub struct AikActivated {
    /// DER AIK certificate, base64.
    pub aik_certificate: String,
}

/// SecL's RegisterKeyInfo, `POST rpc/certify-host-binding-key` request.
#[derive(Debug, Serialize, Deserialize)]
pub struct RegisterKeyInfo {
    /// TPM2B_PUBLIC of the binding key (SecL's historical name), base64.
    pub public_key_modulus: String,
    /// TPMS_ATTEST of TPM2_Certify, base64.
    pub tpm_certify_key: String,
    /// TPMT_SIGNATURE over it by the AIK, base64.
    pub tpm_certify_key_signature: String,
    /// DER AIK certificate, base64.
    pub aik_der_certificate: String,
    pub tpm_version: String,
    pub operating_system: String,
}

/// `POST rpc/certify-host-binding-key` answer.
#[derive(Debug, Serialize, Deserialize)]
pub struct BindingKeyCertificate {
    /// DER binding-key certificate, base64.
    pub binding_key_der_certificate: String,
}

/// What provisioning produced, for the summary line.
#[derive(Debug)]
pub struct Provisioned {
    pub hardware_uuid: uuid::Uuid,
}

const STEP_EK: &str = "step 1 (reading the EK and its certificate)";
const STEP_SRK: &str = "step 2 (the persistent storage primary at 0x81000000)";
const STEP_AIK: &str = "step 2 (creating the AIK)";
const STEP_CHALLENGE: &str = "step 3 (AIK challenge from HVS)";
const STEP_ACTIVATE: &str = "step 4 (AIK credential activation)";
const STEP_BINDING: &str = "step 5 (binding key)";
const STEP_HOST: &str = "step 6 (host identity)";

/// Runs all six steps; the files of earlier steps stay when a later one fails.
pub async fn provision(args: &ProvisionArgs) -> Result<Provisioned> {
    let dir = args.data_dir.as_path();
    files::private_dir(dir)?;
    // Set up HVS first so a bad URL, CA or token fails before any TPM work.
    let hvs = Hvs::new(&args.hvs_url, &args.hvs_ca, &args.hvs_token_file)?;

    // Steps 1 and 2. The storage primary is made persistent (or the one there checked) so
    // that later calls load keys under it instead of re-deriving it each time.
    let tcti = args.tpm.clone();
    let (ek_cert, srk_name, aik) = blocking(move || {
        let mut tpm = Tpm::open(&tcti).map_err(tpm_err(STEP_EK))?;
        tpm.ek_public().map_err(tpm_err(STEP_EK))?;
        let ek_cert = tpm.require_ek_certificate().map_err(tpm_err(STEP_EK))?;
        let srk_name = tpm.persist_storage_primary().map_err(tpm_err(STEP_SRK))?;
        let aik = tpm.create_aik().map_err(tpm_err(STEP_AIK))?;
        Ok((ek_cert, srk_name, aik))
    })
    .await?;
    storage_primary::write_name(dir, &srk_name)?;
    let tpm = TpmAccess::provisioned(&args.tpm, srk_name);
    aik.write_file(&dir.join(files::AIK_BLOB))
        .map_err(tpm_err(STEP_AIK))?;
    tracing::info!("AIK created");

    // Steps 3 and 4.
    let aik_cert = match args.aik_protocol {
        AikProtocol::Rpc => certify_aik_rpc(&hvs, &tpm, &aik, &ek_cert).await?,
        AikProtocol::Privacyca => certify_aik_privacyca(&hvs, &tpm, &aik, &ek_cert).await?,
    };
    check_certificate(STEP_ACTIVATE, "AIK certificate", &aik_cert, &aik)?;
    files::write(&dir.join(files::AIK_CERT), &aik_cert, 0o644)?;
    let protocol = match args.aik_protocol {
        AikProtocol::Rpc => "rpc/aik-challenge",
        AikProtocol::Privacyca => "privacyca/identity-challenge",
    };
    tracing::info!(protocol, "AIK certified by HVS");

    // Step 5.
    let mut auth = Zeroizing::new([0u8; 32]);
    rand::rng().fill_bytes(auth.as_mut());
    files::write(&dir.join(files::BINDING_AUTH), auth.as_ref(), 0o600)?;
    let aik_for_tpm = aik.clone();
    let (binding, attest, signature) = blocking(move || {
        let mut tpm = tpm.open().map_err(tpm_err(STEP_BINDING))?;
        let binding = tpm
            .create_binding_key(auth.as_ref())
            .map_err(tpm_err(STEP_BINDING))?;
        let (attest, signature) = tpm
            .certify(
                &binding,
                auth.as_ref(),
                &aik_for_tpm,
                &SECL_CERTIFY_QUALIFYING_DATA,
            )
            .map_err(tpm_err(STEP_BINDING))?;
        Ok((binding, attest, signature))
    })
    .await?;
    binding
        .write_file(&dir.join(files::BINDING_BLOB))
        .map_err(tpm_err(STEP_BINDING))?;
    let issued: BindingKeyCertificate = hvs
        .post(
            STEP_BINDING,
            "rpc/certify-host-binding-key",
            &RegisterKeyInfo {
                public_key_modulus: B64.encode(&binding.public),
                tpm_certify_key: B64.encode(&attest),
                tpm_certify_key_signature: B64.encode(&signature),
                aik_der_certificate: B64.encode(&aik_cert),
                tpm_version: "2.0".into(),
                operating_system: "Linux".into(),
            },
        )
        .await?;
    let binding_cert = decode(
        STEP_BINDING,
        "binding_key_der_certificate",
        &issued.binding_key_der_certificate,
    )?;
    check_certificate(
        STEP_BINDING,
        "binding-key certificate",
        &binding_cert,
        &binding,
    )?;
    files::write(
        &dir.join(files::BINDING_CERT),
        pem("CERTIFICATE", &binding_cert).as_bytes(),
        0o644,
    )?;
    tracing::info!("binding key certified by HVS");

    // Step 6.
    let hardware_uuid = host::resolve_hardware_uuid(dir, args.hardware_uuid)
        .map_err(|e| Error::Invalid(format!("{STEP_HOST}: {e}")))?;
    Ok(Provisioned { hardware_uuid })
}

/// Steps 3 and 4 over `rpc/aik-challenge` and `rpc/aik-activate`: the EK certificate and the
/// AIK's public area in clear, the released secret back. Returns the AIK certificate (DER).
async fn certify_aik_rpc(
    hvs: &Hvs,
    tpm: &TpmAccess,
    aik: &KeyBlobs,
    ek_cert: &[u8],
) -> Result<Vec<u8>> {
    let challenge: AikChallenge = hvs
        .post(
            STEP_CHALLENGE,
            "rpc/aik-challenge",
            &AikChallengeRequest {
                ek_certificate: B64.encode(ek_cert),
                aik_public: B64.encode(&aik.public),
            },
        )
        .await?;
    let credential_blob = decode(
        STEP_CHALLENGE,
        "credential_blob",
        &challenge.credential_blob,
    )?;
    let encrypted_secret = decode(
        STEP_CHALLENGE,
        "encrypted_secret",
        &challenge.encrypted_secret,
    )?;
    let secret = activate(tpm, aik, credential_blob, encrypted_secret).await?;
    let activated: AikActivated = hvs
        .post(
            STEP_ACTIVATE,
            "rpc/aik-activate",
            &AikActivateRequest {
                challenge_id: challenge.challenge_id,
                secret: B64.encode(secret.as_slice()),
            },
        )
        .await?;
    drop(secret);
    decode(STEP_ACTIVATE, "aik_certificate", &activated.aik_certificate)
}

/// Steps 3 and 4 over SecL's `privacyca/identity-challenge-request` and `-response`, as
/// Intel's trust agent runs them: the EK certificate, then the released challenge, each sealed
/// to the PrivacyCA (whose certificate comes from HVS over the verified TLS connection); each
/// answer is opened with TPM2_ActivateCredential. Returns the AIK certificate (DER).
async fn certify_aik_privacyca(
    hvs: &Hvs,
    tpm: &TpmAccess,
    aik: &KeyBlobs,
    ek_cert: &[u8],
) -> Result<Vec<u8>> {
    let ca: CaCertificate = hvs.get(STEP_CHALLENGE, "ca-certificates/privacy").await?;
    let ca_der = decode(STEP_CHALLENGE, "certificate", &ca.certificate)?;
    let ca_key = certificate_public_key(&ca_der).map_err(|e| Error::Hvs {
        step: STEP_CHALLENGE,
        reason: format!("the PrivacyCA certificate HVS sent is unusable: {e}"),
    })?;
    let public = Public::parse_tpm2b(&aik.public).map_err(|e| {
        Error::Invalid(format!(
            "{STEP_AIK}: the AIK's public area does not parse: {e}"
        ))
    })?;
    let request = IdentityRequest {
        tpm_version: TPM_VERSION_2.into(),
        aik_modulus: Some(public.modulus.clone()),
        aik_name: Some(aik.name().map_err(tpm_err(STEP_AIK))?),
        ..Default::default()
    };
    let seal = |step: &'static str, plaintext: &[u8]| {
        seal_payload(&ca_key, plaintext, request.clone()).map_err(|e| Error::Hvs {
            step,
            reason: format!("sealing to the PrivacyCA: {e}"),
        })
    };

    let proof: IdentityProofRequest = hvs
        .post(
            STEP_CHALLENGE,
            "privacyca/identity-challenge-request",
            &seal(STEP_CHALLENGE, ek_cert)?,
        )
        .await?;
    let challenge = open_proof_with_tpm(STEP_CHALLENGE, tpm, aik, &proof).await?;

    let proof: IdentityProofRequest = hvs
        .post(
            STEP_ACTIVATE,
            "privacyca/identity-challenge-response",
            &seal(STEP_ACTIVATE, &challenge)?,
        )
        .await?;
    drop(challenge);
    let aik_cert = open_proof_with_tpm(STEP_ACTIVATE, tpm, aik, &proof).await?;
    verify_chain(&aik_cert, &[ca_der]).map_err(|e| Error::Hvs {
        step: STEP_ACTIVATE,
        reason: format!("the AIK certificate HVS issued is not its PrivacyCA's: {e}"),
    })?;
    Ok(aik_cert.to_vec())
}

/// An IdentityProofRequest's payload: the TPM releases the key (ActivateCredential), which
/// opens the symmetric blob.
async fn open_proof_with_tpm(
    step: &'static str,
    tpm: &TpmAccess,
    aik: &KeyBlobs,
    proof: &IdentityProofRequest,
) -> Result<Zeroizing<Vec<u8>>> {
    let unusable = |e: secl_attest::Error| Error::Hvs {
        step,
        reason: format!("HVS sent an unusable IdentityProofRequest: {e}"),
    };
    let (credential, secret) = proof_credential(proof).map_err(unusable)?;
    let key = activate(tpm, aik, credential.to_vec(), secret.to_vec()).await?;
    open_proof(proof, &key).map_err(unusable)
}

/// TPM2_ActivateCredential of `aik` under this TPM's EK (step 4).
async fn activate(
    tpm: &TpmAccess,
    aik: &KeyBlobs,
    credential_blob: Vec<u8>,
    encrypted_secret: Vec<u8>,
) -> Result<Zeroizing<Vec<u8>>> {
    let access = tpm.clone();
    let aik = aik.clone();
    blocking(move || {
        let mut tpm = access.open().map_err(tpm_err(STEP_ACTIVATE))?;
        tpm.activate_credential(&aik, &credential_blob, &encrypted_secret)
            .map_err(tpm_err(STEP_ACTIVATE))
    })
    .await
}

/// Runs TPM work off the async threads (libtss2 blocks on the socket).
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Result<T> + Send + 'static) -> Result<T> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| Error::Invalid(format!("TPM task failed: {e}")))?
}

fn decode(step: &'static str, field: &str, value: &str) -> Result<Vec<u8>> {
    let bytes = B64.decode(value.trim()).map_err(|e| Error::Hvs {
        step,
        reason: format!("HVS sent `{field}` that is not base64: {e}"),
    })?;
    if bytes.is_empty() {
        return Err(Error::Hvs {
            step,
            reason: format!("HVS sent an empty `{field}`"),
        });
    }
    Ok(bytes)
}

/// The certificate HVS issued must parse and carry our key: a mix-up would otherwise surface
/// only much later, as an untrusted host.
fn check_certificate(step: &'static str, what: &str, der: &[u8], key: &KeyBlobs) -> Result<()> {
    let fail = |reason: String| Error::Hvs {
        step,
        reason: format!("the {what} HVS issued {reason}"),
    };
    let (rest, cert) = x509_parser::parse_x509_certificate(der)
        .map_err(|e| fail(format!("does not parse: {e}")))?;
    if !rest.is_empty() {
        return Err(fail("has trailing bytes".into()));
    }
    let ours = key.public_key_der().map_err(tpm_err(step))?;
    let (_, ours) = x509_parser::x509::SubjectPublicKeyInfo::from_der(&ours)
        .map_err(|e| fail(format!("cannot be compared: {e}")))?;
    if rsa_key(cert.public_key()).is_none() || rsa_key(cert.public_key()) != rsa_key(&ours) {
        return Err(fail("is for another key".into()));
    }
    Ok(())
}

/// (modulus, exponent) without leading zeros, whatever DER spelling the issuer chose.
fn rsa_key(spki: &x509_parser::x509::SubjectPublicKeyInfo<'_>) -> Option<(Vec<u8>, Vec<u8>)> {
    let strip = |b: &[u8]| {
        let start = b.iter().position(|x| *x != 0).unwrap_or(b.len());
        b[start..].to_vec()
    };
    match spki.parsed().ok()? {
        x509_parser::public_key::PublicKey::RSA(k) => Some((strip(k.modulus), strip(k.exponent))),
        _ => None,
    }
}

/// PEM armour, 64 columns.
pub fn pem(label: &str, der: &[u8]) -> String {
    let b64 = B64.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for chunk in b64.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

/// Loads key blobs written by provisioning, with a hint when they are missing.
pub fn load_blobs(dir: &Path, name: &str) -> Result<KeyBlobs> {
    let path = dir.join(name);
    if !path.exists() {
        return Err(Error::Invalid(format!(
            "{} is missing: run `secl-wla provision` first",
            path.display()
        )));
    }
    KeyBlobs::read_file(&path).map_err(tpm_err("loading key blobs"))
}
