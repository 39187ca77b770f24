//! [`Tpm`]: one ESAPI context on one TPM, and every command the host side needs.

use std::collections::BTreeMap;

use sha2::{Digest as _, Sha256, Sha384};
use tss_esapi::Context;
use tss_esapi::abstraction::nv;
use tss_esapi::abstraction::{AsymmetricAlgorithmSelection, ek};
use tss_esapi::attributes::NvIndexAttributesBuilder;
use tss_esapi::attributes::SessionAttributesBuilder;
use tss_esapi::constants::{CapabilityType, SessionType};
use tss_esapi::handles::{
    AuthHandle, KeyHandle, NvIndexTpmHandle, ObjectHandle, PcrHandle, PersistentTpmHandle,
    SessionHandle, TpmHandle,
};
use tss_esapi::interface_types::algorithm::HashingAlgorithm;
use tss_esapi::interface_types::dynamic_handles::Persistent;
use tss_esapi::interface_types::key_bits::RsaKeyBits;
use tss_esapi::interface_types::resource_handles::{Hierarchy, NvAuth, Provision};
use tss_esapi::interface_types::session_handles::{AuthSession, PolicySession};
use tss_esapi::structures::{AttestInfo, RsaScheme};
use tss_esapi::structures::{
    Auth, CapabilityData, Data, Digest, DigestValues, EncryptedSecret, HashScheme, IdObject,
    MaxNvBuffer, Nonce, NvPublicBuilder, PcrSelectionList, PcrSelectionListBuilder, PcrSlot,
    Public, PublicKeyRsa, RsaDecryptionScheme, SignatureScheme, SymmetricDefinition,
};
use tss_esapi::traits::Marshall;
use zeroize::Zeroizing;

use crate::blobs::{
    EkPublic, KeyBlobs, der_len, public_to_tpm2b, rsa_public_key, tpm2b, tpm2b_body,
};
use crate::error::{Error, Result, malformed, tpm};
use crate::{tcti, templates};

/// Persistent handle of the storage primary: SecL's TPM_HANDLE_PRIMARY, the first handle of
/// the owner's persistent range (TCG Handle Registry: SRKs).
pub const SRK_HANDLE: u32 = 0x8100_0000;
/// Persistent handle of the RSA-2048 EK (TCG EK Credential Profile; where swtpm_setup puts it).
pub const EK_HANDLE: u32 = 0x8101_0001;
/// NV index of the RSA-2048 EK certificate (TCG EK Credential Profile, low range).
pub const EK_CERT_NV_INDEX: u32 = 0x01c0_0002;
/// NV index SecL's trust agent keeps the asset tag in: the SHA-384 digest of the host's tag
/// certificate, written when the HVS deploys it.
pub const ASSET_TAG_NV_INDEX: u32 = 0x01c1_0110;
/// Largest NV contents [`Tpm::nv_replace`] writes in one TPM2_NV_Write (every TPM takes 512).
pub const MAX_NV_WRITE: usize = 512;
/// The qualifyingData SecL's WLA passes to TPM2_Certify for the binding key.
pub const SECL_CERTIFY_QUALIFYING_DATA: [u8; 4] = [0x00, 0xff, 0x55, 0xaa];
/// The OAEP label of the KBS → binding key wrap, NUL included: the TPM requires a label that
/// ends in exactly one NUL and hashes all of it, so the software side must use these 5 bytes.
pub const OAEP_LABEL: &[u8; 5] = b"TPM2\0";
/// PCRs 0..23: what a PC-client TPM has and what a three-octet selection can name.
pub const PCR_COUNT: u8 = 24;
/// Largest auth value accepted: the digest size of the SHA-256 name algorithm (the TPM rejects
/// longer ones).
pub const MAX_AUTH_LEN: usize = 32;

/// A PCR bank. Only banks whose digest this crate can recompute (to check a quote against the
/// values read beside it) are offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PcrBank {
    Sha256,
    Sha384,
}

impl PcrBank {
    fn algorithm(self) -> HashingAlgorithm {
        match self {
            PcrBank::Sha256 => HashingAlgorithm::Sha256,
            PcrBank::Sha384 => HashingAlgorithm::Sha384,
        }
    }

    /// Size of one PCR value in this bank.
    pub fn digest_len(self) -> usize {
        match self {
            PcrBank::Sha256 => 32,
            PcrBank::Sha384 => 48,
        }
    }

    fn digest(self, data: &[u8]) -> Vec<u8> {
        match self {
            PcrBank::Sha256 => Sha256::digest(data).to_vec(),
            PcrBank::Sha384 => Sha384::digest(data).to_vec(),
        }
    }
}

/// A TPM2_Quote and the PCR values it covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Marshalled TPMS_ATTEST (type TPM_ST_ATTEST_QUOTE), the signed bytes.
    pub attest: Vec<u8>,
    /// Marshalled TPMT_SIGNATURE (RSASSA, SHA-256) over `attest`.
    pub signature: Vec<u8>,
    /// The quoted PCRs, ascending by index; their digest equals the quote's pcrDigest.
    pub pcr_values: Vec<(u8, Vec<u8>)>,
}

/// One ESAPI context on one TPM.
///
/// swtpm serves one client connection at a time, so one process (the agent) should own the
/// `Tpm` and serialise use of it. Keys are created under the TCG-template storage primary in
/// the owner hierarchy: the persistent one at [`SRK_HANDLE`] when opened with
/// [`Tpm::open_with_storage_primary`], else derived once per `Tpm` (the same key after every
/// restart) and flushed on drop. Everything else is loaded per call and flushed before the
/// call returns.
///
/// libtss2 prints `ERROR:esys:...` lines to stderr for failing commands (including expected
/// ones, like a decryption with the wrong key). Set `TSS2_LOG=all+none` in the environment of
/// the process to silence them: this crate cannot set it itself, because changing the
/// environment of a running process is `unsafe` in Rust 2024 and the workspace forbids unsafe.
pub struct Tpm {
    ctx: Context,
    srk_source: SrkSource,
    /// The storage primary once it is in use: transient when derived, an ESYS handle on the
    /// persistent object otherwise (see `srk_source`).
    srk: Option<KeyHandle>,
}

/// Where the storage primary comes from.
#[derive(Clone, PartialEq, Eq)]
enum SrkSource {
    /// TPM2_CreatePrimary with the TCG template, once per `Tpm`.
    Derive,
    /// The persistent object at [`SRK_HANDLE`], which must have this name.
    Persistent(Vec<u8>),
}

impl std::fmt::Debug for Tpm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tpm").finish_non_exhaustive()
    }
}

/// The EK for one command: a persistent object's ESYS handle (closed afterwards), or a
/// primary derived from the template (flushed afterwards).
struct EkHandle {
    handle: KeyHandle,
    transient: bool,
    public: Public,
}

/// Returns `value`, unless cleanup failed after a success (then the cleanup error counts).
fn finish<T>(value: Result<T>, cleanup: Result<()>) -> Result<T> {
    let v = value?;
    cleanup?;
    Ok(v)
}

fn auth_value(auth: &[u8]) -> Result<Auth> {
    if auth.len() > MAX_AUTH_LEN {
        return Err(Error::InvalidArgument(format!(
            "auth value of {} bytes (at most {MAX_AUTH_LEN})",
            auth.len()
        )));
    }
    Auth::try_from(auth).map_err(|e| Error::InvalidArgument(format!("auth value: {e}")))
}

/// An NV index handle; only the NV range (0x01xxxxxx) is accepted.
fn nv_index(index: u32) -> Result<NvIndexTpmHandle> {
    NvIndexTpmHandle::new(index)
        .map_err(|_| Error::InvalidArgument(format!("{index:#010x} is not an NV index")))
}

fn pcr_index(slot: PcrSlot) -> u8 {
    // PcrSlot values are one-bit masks; the bit number is the PCR index (< 32).
    u32::from(slot).trailing_zeros() as u8
}

/// Sorted, deduplicated, range-checked PCR indices.
fn pcr_indices(pcrs: &[u8]) -> Result<Vec<u8>> {
    if pcrs.is_empty() {
        return Err(Error::InvalidArgument("no PCRs selected".into()));
    }
    if let Some(bad) = pcrs.iter().find(|i| **i >= PCR_COUNT) {
        return Err(Error::InvalidArgument(format!(
            "PCR {bad} (PCRs are 0..{})",
            PCR_COUNT - 1
        )));
    }
    let mut v = pcrs.to_vec();
    v.sort_unstable();
    v.dedup();
    Ok(v)
}

fn pcr_selection(bank: PcrBank, indices: &[u8]) -> Result<PcrSelectionList> {
    let slots = indices
        .iter()
        .map(|i| PcrSlot::try_from(1u32 << i))
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| Error::InvalidArgument(format!("PCR selection: {e}")))?;
    PcrSelectionListBuilder::new()
        .with_selection(bank.algorithm(), &slots)
        .build()
        .map_err(|e| Error::InvalidArgument(format!("PCR selection: {e}")))
}

impl Tpm {
    /// Opens the TPM at `tcti`: `swtpm:host=H,port=P`, `mssim:host=H,port=P` or
    /// `device:/dev/tpmrm0` (`device` alone means /dev/tpmrm0).
    ///
    /// On a TPM without a resource manager (swtpm, mssim, /dev/tpm0) transient objects left by
    /// a client that died stay loaded and would exhaust the TPM's few object slots, so they are
    /// flushed here; such a TPM serves one client at a time, so none of them is in use.
    pub fn open(tcti: &str) -> Result<Tpm> {
        let parsed = tcti::parse(tcti)?;
        let ctx = Context::new(parsed.conf).map_err(|e| Error::Open {
            tcti: tcti.to_string(),
            reason: e.to_string(),
        })?;
        let mut tpm = Tpm {
            ctx,
            srk_source: SrkSource::Derive,
            srk: None,
        };
        if parsed.raw_tpm {
            tpm.flush_stale_objects()?;
        }
        Ok(tpm)
    }

    /// Like [`Tpm::open`], but keys load under (and sessions are salted with) the persistent
    /// storage primary at [`SRK_HANDLE`] instead of a freshly derived one. `name` is what
    /// [`Tpm::persist_storage_primary`] returned; the object found at the handle must carry it,
    /// else every command that needs the primary fails with [`Error::StoragePrimary`].
    pub fn open_with_storage_primary(tcti: &str, name: &[u8]) -> Result<Tpm> {
        if name.len() != 34 || name[..2] != [0x00, 0x0b] {
            return Err(Error::InvalidArgument(format!(
                "a storage primary name is 34 bytes starting 000b (SHA-256), not {}",
                hex(name)
            )));
        }
        let mut tpm = Tpm::open(tcti)?;
        tpm.srk_source = SrkSource::Persistent(name.to_vec());
        Ok(tpm)
    }

    /// Makes the TCG-template storage primary persistent at [`SRK_HANDLE`] (TPM2_EvictControl,
    /// owner authorisation; empty owner auth assumed), or, when an object is already there,
    /// checks that it is exactly that key: its name must equal the name of the primary the
    /// template derives now. Anything else there is refused with [`Error::StoragePrimary`],
    /// never used. Returns the name (34 bytes) to record and pass to
    /// [`Tpm::open_with_storage_primary`]; from then on this `Tpm` uses the persistent object.
    pub fn persist_storage_primary(&mut self) -> Result<Vec<u8>> {
        self.release_srk();
        let derived = self.create_srk()?;
        let result = self.persist_derived(derived);
        let flushed = self
            .ctx
            .flush_context(derived.into())
            .map_err(tpm("FlushContext"));
        let (handle, name) = finish(result, flushed)?;
        self.srk = Some(handle);
        self.srk_source = SrkSource::Persistent(name.clone());
        Ok(name)
    }

    /// The RSA-2048 EK: the object at persistent handle 0x81010001 if there is one, else the
    /// primary the standard EK template (TCG EK Credential Profile, template L-1) derives.
    pub fn ek_public(&mut self) -> Result<EkPublic> {
        let ek = self.ek()?;
        let public = public_to_tpm2b(&ek.public);
        let persistent = !ek.transient;
        finish(public, self.release_ek(ek)).map(|public| EkPublic { public, persistent })
    }

    /// The EK derived from the standard template, ignoring any persistent EK: on a genuine TPM
    /// both are the same key, which is what makes the EK certificate apply to either.
    pub fn ek_public_from_template(&mut self) -> Result<EkPublic> {
        let ek = self.ek_from_template()?;
        let public = public_to_tpm2b(&ek.public);
        finish(public, self.release_ek(ek)).map(|public| EkPublic {
            public,
            persistent: false,
        })
    }

    /// The DER EK certificate from NV index 0x01c00002, or `None` when the index is not
    /// defined. Padding after the DER certificate (some TPMs size the index generously) is cut.
    pub fn ek_certificate(&mut self) -> Result<Option<Vec<u8>>> {
        if !self.handle_present(EK_CERT_NV_INDEX)? {
            return Ok(None);
        }
        let raw = ek::retrieve_ek_pubcert(
            &mut self.ctx,
            AsymmetricAlgorithmSelection::Rsa(RsaKeyBits::Rsa2048),
        )
        .map_err(tpm("NV_Read"))?;
        let len = der_len(&raw).ok_or_else(|| {
            malformed(
                "EK certificate",
                "NV index 0x01c00002 does not start with a DER SEQUENCE",
            )
        })?;
        Ok(Some(raw[..len].to_vec()))
    }

    /// The contents of NV index `index` (read with owner authorisation, empty owner auth
    /// assumed), or `None` when the index is not defined.
    pub fn nv_read(&mut self, index: u32) -> Result<Option<Vec<u8>>> {
        let handle = nv_index(index)?;
        if !self.handle_present(index)? {
            return Ok(None);
        }
        self.ctx
            .execute_with_nullauth_session(|c| nv::read_full(c, NvAuth::Owner, handle))
            .map(Some)
            .map_err(tpm("NV_Read"))
    }

    /// Replaces NV index `index` with exactly `data` (1 to [`MAX_NV_WRITE`] bytes): an index
    /// already there is undefined first (its size may differ), then it is defined with owner
    /// read/write and written. Owner authorisation, empty owner auth assumed (as for
    /// TPM2_EvictControl).
    pub fn nv_replace(&mut self, index: u32, data: &[u8]) -> Result<()> {
        let handle = nv_index(index)?;
        if data.is_empty() || data.len() > MAX_NV_WRITE {
            return Err(Error::InvalidArgument(format!(
                "NV data of {} bytes (1 to {MAX_NV_WRITE})",
                data.len()
            )));
        }
        let size = u16::try_from(data.len())
            .map_err(|_| Error::InvalidArgument("NV data too large".into()))?;
        let buffer = MaxNvBuffer::try_from(data.to_vec())
            .map_err(|e| Error::InvalidArgument(format!("NV data: {e}")))?;
        let attributes = NvIndexAttributesBuilder::new()
            .with_owner_write(true)
            .with_owner_read(true)
            .with_auth_read(true)
            .with_no_da(true)
            .build()
            .map_err(tpm("NV_DefineSpace"))?;
        let public = NvPublicBuilder::new()
            .with_nv_index(handle)
            .with_index_name_algorithm(HashingAlgorithm::Sha256)
            .with_index_attributes(attributes)
            .with_data_area_size(size.into())
            .build()
            .map_err(tpm("NV_DefineSpace"))?;
        if self.handle_present(index)? {
            let existing = self
                .ctx
                .execute_without_session(|c| c.tr_from_tpm_public(TpmHandle::NvIndex(handle)))
                .map_err(tpm("NV_ReadPublic"))?;
            self.ctx
                .execute_with_session(Some(AuthSession::Password), |c| {
                    c.nv_undefine_space(Provision::Owner, existing.into())
                })
                .map_err(tpm("NV_UndefineSpace"))?;
        }
        let defined = self
            .ctx
            .execute_with_session(Some(AuthSession::Password), |c| {
                c.nv_define_space(Provision::Owner, None, public)
            })
            .map_err(tpm("NV_DefineSpace"))?;
        let written = self
            .ctx
            .execute_with_session(Some(AuthSession::Password), |c| {
                c.nv_write(NvAuth::Owner, defined, buffer, 0)
            })
            .map_err(tpm("NV_Write"));
        let closed = self
            .ctx
            .tr_close(&mut defined.into())
            .map_err(tpm("NV_Write"));
        finish(written, closed)
    }

    /// Like [`Tpm::ek_certificate`], but a missing certificate is [`Error::NoEkCertificate`].
    pub fn require_ek_certificate(&mut self) -> Result<Vec<u8>> {
        self.ek_certificate()?.ok_or(Error::NoEkCertificate)
    }

    /// Creates an AIK: restricted RSA-2048 RSASSA-SHA256 signing key, empty auth, under the
    /// storage primary.
    pub fn create_aik(&mut self) -> Result<KeyBlobs> {
        self.create_key(templates::aik()?, None)
    }

    /// Creates the binding key (RSA-2048, decrypt only, OAEP-SHA256; see the crate docs) with
    /// `auth` as its auth value (at most 32 bytes; use 32 random bytes). The auth travels to the
    /// TPM encrypted, in a salted session.
    pub fn create_binding_key(&mut self, auth: &[u8]) -> Result<KeyBlobs> {
        let auth = auth_value(auth)?;
        self.create_key(templates::binding_key()?, Some(auth))
    }

    /// TPM2_ActivateCredential: releases the secret a PrivacyCA's MakeCredential sealed to this
    /// TPM's EK and the AIK's name. `credential_blob` is a marshalled TPM2B_ID_OBJECT and
    /// `encrypted_secret` a marshalled TPM2B_ENCRYPTED_SECRET. Any failure of the command itself
    /// is [`Error::Credential`].
    pub fn activate_credential(
        &mut self,
        aik: &KeyBlobs,
        credential_blob: &[u8],
        encrypted_secret: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>> {
        const ID: &str = "credential blob (TPM2B_ID_OBJECT)";
        const SECRET: &str = "encrypted secret (TPM2B_ENCRYPTED_SECRET)";
        let id = tpm2b_body(ID, credential_blob)?;
        let secret = tpm2b_body(SECRET, encrypted_secret)?;
        if id.is_empty() || secret.is_empty() {
            return Err(malformed(ID, "empty"));
        }
        let id = IdObject::try_from(id).map_err(|e| malformed(ID, e.to_string()))?;
        let secret =
            EncryptedSecret::try_from(secret).map_err(|e| malformed(SECRET, e.to_string()))?;
        self.with_key(aik, None, |this, aik| {
            let ek = this.ek()?;
            let result = this.activate_with(aik, ek.handle, id, secret);
            finish(result, this.release_ek(ek))
        })
    }

    /// TPM2_Certify of `object` (authorised by `object_auth`) by the AIK, RSASSA-SHA256.
    /// Returns the marshalled TPMS_ATTEST and TPMT_SIGNATURE. SecL uses
    /// [`SECL_CERTIFY_QUALIFYING_DATA`] as `qualifying_data` (at most 64 bytes).
    pub fn certify(
        &mut self,
        object: &KeyBlobs,
        object_auth: &[u8],
        aik: &KeyBlobs,
        qualifying_data: &[u8],
    ) -> Result<(Vec<u8>, Vec<u8>)> {
        let auth = auth_value(object_auth)?;
        let qualifying_data = Data::try_from(qualifying_data).map_err(|_| {
            Error::InvalidArgument(format!(
                "qualifying data of {} bytes (at most {})",
                qualifying_data.len(),
                Data::MAX_SIZE
            ))
        })?;
        self.with_key(object, Some(auth), |this, object| {
            this.with_key(aik, None, |this, aik| {
                // HMAC (not password) for the object, so its auth never crosses the bus.
                let session = this.salted_session()?;
                this.with_session(session, |this, session| {
                    let (attest, signature) = this
                        .ctx
                        .execute_with_sessions(
                            (Some(session), Some(AuthSession::Password), None),
                            |c| {
                                c.certify(
                                    ObjectHandle::from(object),
                                    aik,
                                    qualifying_data,
                                    SignatureScheme::Null,
                                )
                            },
                        )
                        .map_err(tpm("Certify"))?;
                    Ok((
                        attest.marshall().map_err(tpm("Certify"))?,
                        signature.marshall().map_err(tpm("Certify"))?,
                    ))
                })
            })
        })
    }

    /// TPM2_Quote over `pcrs` of `bank` with `nonce` as extraData (at most 64 bytes), signed by
    /// the AIK (RSASSA-SHA256), with the PCR values read right after. If a PCR changed in
    /// between (the values would not match the quote's digest) it quotes again, up to 3 times.
    pub fn quote(
        &mut self,
        aik: &KeyBlobs,
        pcrs: &[u8],
        bank: PcrBank,
        nonce: &[u8],
    ) -> Result<Quote> {
        let indices = pcr_indices(pcrs)?;
        let nonce = Data::try_from(nonce).map_err(|_| {
            Error::InvalidArgument(format!(
                "nonce of {} bytes (at most {})",
                nonce.len(),
                Data::MAX_SIZE
            ))
        })?;
        self.with_key(aik, None, |this, aik| {
            for _ in 0..3 {
                let selection = pcr_selection(bank, &indices)?;
                let nonce = nonce.clone();
                let (attest, signature) = this
                    .ctx
                    .execute_with_session(Some(AuthSession::Password), |c| {
                        c.quote(aik, nonce, SignatureScheme::Null, selection)
                    })
                    .map_err(tpm("Quote"))?;
                let AttestInfo::Quote { info } = attest.attested() else {
                    return Err(Error::Tpm {
                        command: "Quote",
                        reason: "the TPM returned an attestation that is not a quote".into(),
                    });
                };
                let pcr_values = this.pcr_read(&indices, bank)?;
                let concatenated: Vec<u8> = pcr_values
                    .iter()
                    .flat_map(|(_, v)| v.iter().copied())
                    .collect();
                if info.pcr_digest().value() == bank.digest(&concatenated).as_slice() {
                    return Ok(Quote {
                        attest: attest.marshall().map_err(tpm("Quote"))?,
                        signature: signature.marshall().map_err(tpm("Quote"))?,
                        pcr_values,
                    });
                }
            }
            Err(Error::Tpm {
                command: "Quote",
                reason: "PCRs kept changing while quoting".into(),
            })
        })
    }

    /// Current values of `pcrs` in `bank`, ascending by index.
    pub fn pcr_read(&mut self, pcrs: &[u8], bank: PcrBank) -> Result<Vec<(u8, Vec<u8>)>> {
        let mut remaining = pcr_indices(pcrs)?;
        let mut values = BTreeMap::new();
        // The TPM answers at most 8 digests per call and says which ones it did.
        while !remaining.is_empty() {
            let selection = pcr_selection(bank, &remaining)?;
            let (_, selected, digests) = self
                .ctx
                .execute_without_session(|c| c.pcr_read(selection))
                .map_err(tpm("PCR_Read"))?;
            let mut read: Vec<u8> = selected
                .get_selections()
                .iter()
                .filter(|s| s.hashing_algorithm() == bank.algorithm())
                .flat_map(|s| s.selected())
                .map(pcr_index)
                .filter(|i| remaining.contains(i))
                .collect();
            read.sort_unstable();
            read.dedup();
            if read.is_empty() {
                return Err(Error::Unsupported(format!(
                    "the TPM reads none of PCRs {remaining:?} in bank {bank:?} (is the bank active?)"
                )));
            }
            if digests.len() != read.len()
                || digests
                    .value()
                    .iter()
                    .any(|d| d.value().len() != bank.digest_len())
            {
                return Err(Error::Tpm {
                    command: "PCR_Read",
                    reason: "digests do not match the selection".into(),
                });
            }
            for (i, d) in read.iter().zip(digests.value()) {
                values.insert(*i, d.value().to_vec());
            }
            remaining.retain(|i| !read.contains(i));
        }
        Ok(values.into_iter().collect())
    }

    /// TPM2_PCR_Extend of PCR `index` in `bank` with `digest`, as a measured boot would (PCRs
    /// 0..15 are extendable at locality 0). For tests and demos.
    pub fn pcr_extend(&mut self, index: u8, bank: PcrBank, digest: &[u8]) -> Result<()> {
        pcr_indices(&[index])?;
        if digest.len() != bank.digest_len() {
            return Err(Error::InvalidArgument(format!(
                "{bank:?} digest of {} bytes (expected {})",
                digest.len(),
                bank.digest_len()
            )));
        }
        let handle = PcrHandle::try_from(u32::from(index))
            .map_err(|e| Error::InvalidArgument(format!("PCR {index}: {e}")))?;
        let digest = Digest::try_from(digest)
            .map_err(|e| Error::InvalidArgument(format!("PCR digest: {e}")))?;
        let mut values = DigestValues::new();
        values.set(bank.algorithm(), digest);
        self.ctx
            .execute_with_session(Some(AuthSession::Password), |c| {
                c.pcr_extend(handle, values)
            })
            .map_err(tpm("PCR_Extend"))
    }

    /// TPM2_RSA_Decrypt with the binding key: OAEP, SHA-256 (and MGF1-SHA-256), label
    /// `"TPM2\0"` ([`OAEP_LABEL`]), the KBS's wrap. Runs in a salted session, so neither the
    /// auth nor the plaintext crosses the bus in clear. Every failure of the decryption itself
    /// is [`Error::Decrypt`]; a blob this TPM cannot load is [`Error::Tpm`] (`Load`).
    pub fn rsa_decrypt(
        &mut self,
        key: &KeyBlobs,
        auth: &[u8],
        ciphertext: &[u8],
    ) -> Result<Zeroizing<Vec<u8>>> {
        let auth = auth_value(auth)?;
        let ciphertext = PublicKeyRsa::try_from(ciphertext).map_err(|_| Error::Decrypt)?;
        let label = Data::try_from(&OAEP_LABEL[..]).map_err(|_| Error::Decrypt)?;
        self.with_key(key, Some(auth), |this, key| {
            let session = this.salted_session()?;
            this.with_session(session, |this, session| {
                this.ctx
                    .execute_with_session(Some(session), |c| {
                        c.rsa_decrypt(
                            key,
                            ciphertext,
                            RsaDecryptionScheme::Oaep(HashScheme::new(HashingAlgorithm::Sha256)),
                            label,
                        )
                    })
                    .map(|m| Zeroizing::new(m.value().to_vec()))
                    .map_err(|_| Error::Decrypt)
            })
        })
    }

    // ---- internals ----

    /// The persistent storage primary for `derived` (the template's key, loaded): the object
    /// already at [`SRK_HANDLE`] if it has the same name, else a new persistent copy of it.
    fn persist_derived(&mut self, derived: KeyHandle) -> Result<(KeyHandle, Vec<u8>)> {
        let name = self
            .ctx
            .tr_get_name(derived.into())
            .map_err(tpm("CreatePrimary"))?
            .value()
            .to_vec();
        if self.handle_present(SRK_HANDLE)? {
            let handle = self.persistent_srk(&name)?;
            return Ok((handle, name));
        }
        let persistent = PersistentTpmHandle::new(SRK_HANDLE).map_err(tpm("EvictControl"))?;
        let handle = self
            .ctx
            .execute_with_session(Some(AuthSession::Password), |c| {
                c.evict_control(
                    Provision::Owner,
                    derived.into(),
                    Persistent::Persistent(persistent),
                )
            })
            .map_err(tpm("EvictControl"))?;
        Ok((KeyHandle::from(handle), name))
    }

    /// An ESYS handle on the object at [`SRK_HANDLE`], checked to have `expected` as its name
    /// (ESAPI computes the name from the public area the TPM returns).
    fn persistent_srk(&mut self, expected: &[u8]) -> Result<KeyHandle> {
        let persistent = PersistentTpmHandle::new(SRK_HANDLE).map_err(tpm("ReadPublic"))?;
        let mut object = match self
            .ctx
            .execute_without_session(|c| c.tr_from_tpm_public(TpmHandle::Persistent(persistent)))
        {
            Ok(object) => object,
            Err(e) => {
                // Asked only now, so the common path costs one command, not two.
                return Err(if let Ok(false) = self.handle_present(SRK_HANDLE) {
                    Error::StoragePrimary(format!(
                        "no object at {SRK_HANDLE:#010x} (the TPM was cleared or the handle \
                         evicted since provisioning): provision again"
                    ))
                } else {
                    tpm("ReadPublic")(e)
                });
            }
        };
        let found = match self.ctx.tr_get_name(object) {
            Ok(n) => n.value().to_vec(),
            Err(e) => {
                let _ = self.ctx.tr_close(&mut object);
                return Err(tpm("ReadPublic")(e));
            }
        };
        if found != expected {
            let _ = self.ctx.tr_close(&mut object);
            return Err(Error::StoragePrimary(format!(
                "the object at {SRK_HANDLE:#010x} has name {} but the storage primary this \
                 host uses has name {}: it is someone else's key and will not be used (free \
                 the handle only if nothing else relies on it, then provision again)",
                hex(&found),
                hex(expected)
            )));
        }
        Ok(KeyHandle::from(object))
    }

    /// Forgets the storage primary in use: flushed when derived, only closed (ESAPI
    /// bookkeeping) when persistent.
    fn release_srk(&mut self) {
        if let Some(srk) = self.srk.take() {
            let mut object = ObjectHandle::from(srk);
            let _ = match self.srk_source {
                SrkSource::Derive => self.ctx.flush_context(object),
                SrkSource::Persistent(_) => self.ctx.tr_close(&mut object),
            };
        }
    }

    /// TPM2_CreatePrimary of the TCG SRK template in the owner hierarchy (transient).
    fn create_srk(&mut self) -> Result<KeyHandle> {
        let template = templates::srk()?;
        Ok(self
            .ctx
            .execute_with_session(Some(AuthSession::Password), |c| {
                c.create_primary(Hierarchy::Owner, template, None, None, None, None)
            })
            .map_err(tpm("CreatePrimary"))?
            .key_handle)
    }

    fn activate_with(
        &mut self,
        aik: KeyHandle,
        ek: KeyHandle,
        id: IdObject,
        secret: EncryptedSecret,
    ) -> Result<Zeroizing<Vec<u8>>> {
        // The EK is usable only through its policy: PolicySecret(TPM_RH_ENDORSEMENT).
        let policy = self
            .ctx
            .start_auth_session(
                None,
                None,
                None,
                SessionType::Policy,
                SymmetricDefinition::AES_128_CFB,
                HashingAlgorithm::Sha256,
            )
            .map_err(tpm("StartAuthSession"))?
            .ok_or_else(|| Error::Tpm {
                command: "StartAuthSession",
                reason: "no session handle".into(),
            })?;
        self.with_session(policy, |this, policy| {
            let policy_session = PolicySession::try_from(policy).map_err(tpm("PolicySecret"))?;
            this.ctx
                .execute_with_session(Some(AuthSession::Password), |c| {
                    c.policy_secret(
                        policy_session,
                        AuthHandle::Endorsement,
                        Nonce::default(),
                        Digest::default(),
                        Nonce::default(),
                        None,
                    )
                })
                .map_err(tpm("PolicySecret"))?;
            // Salted session for the AIK, with response encryption for the released secret.
            let session = this.salted_session()?;
            this.with_session(session, |this, session| {
                this.ctx
                    .execute_with_sessions((Some(session), Some(policy), None), |c| {
                        c.activate_credential(aik, ek, id, secret)
                    })
                    .map(|d| Zeroizing::new(d.value().to_vec()))
                    .map_err(|_| Error::Credential)
            })
        })
    }

    fn create_key(&mut self, template: Public, auth: Option<Auth>) -> Result<KeyBlobs> {
        let srk = self.srk()?;
        // Salted, so an auth value in inSensitive is encrypted on the bus.
        let session = self.salted_session()?;
        self.with_session(session, |this, session| {
            let created = this
                .ctx
                .execute_with_session(Some(session), |c| {
                    c.create(srk, template, auth, None, None, None)
                })
                .map_err(tpm("Create"))?;
            Ok(KeyBlobs {
                public: public_to_tpm2b(&created.out_public)?,
                private: tpm2b(created.out_private.value())?,
            })
        })
    }

    /// Loads `blobs` under the storage primary, sets `auth`, runs `f`, and flushes the key
    /// whatever `f` returned (a TPM without resource manager has only ~3 object slots).
    fn with_key<T>(
        &mut self,
        blobs: &KeyBlobs,
        auth: Option<Auth>,
        f: impl FnOnce(&mut Self, KeyHandle) -> Result<T>,
    ) -> Result<T> {
        let (public, private) = blobs.parse()?;
        let srk = self.srk()?;
        let key = self
            .ctx
            .execute_with_session(Some(AuthSession::Password), |c| {
                c.load(srk, private, public)
            })
            .map_err(tpm("Load"))?;
        let result = match auth {
            Some(auth) => self
                .ctx
                .tr_set_auth(key.into(), auth)
                .map_err(tpm("Load"))
                .and_then(|()| f(self, key)),
            None => f(self, key),
        };
        let flushed = self
            .ctx
            .flush_context(key.into())
            .map_err(tpm("FlushContext"));
        finish(result, flushed)
    }

    /// Runs `f` with `session` and flushes the session afterwards, whatever happened.
    fn with_session<T>(
        &mut self,
        session: AuthSession,
        f: impl FnOnce(&mut Self, AuthSession) -> Result<T>,
    ) -> Result<T> {
        let result = f(self, session);
        let flushed = self
            .ctx
            .flush_context(SessionHandle::from(session).into())
            .map_err(tpm("FlushContext"));
        finish(result, flushed)
    }

    /// An HMAC session salted with the storage primary, with command and response parameter
    /// encryption (AES-128-CFB): unlike a null-auth session, its key is unknown to anyone on
    /// the bus, so the encrypted secrets stay secret.
    fn salted_session(&mut self) -> Result<AuthSession> {
        let srk = self.srk()?;
        let session = self
            .ctx
            .start_auth_session(
                Some(srk),
                None,
                None,
                SessionType::Hmac,
                SymmetricDefinition::AES_128_CFB,
                HashingAlgorithm::Sha256,
            )
            .map_err(tpm("StartAuthSession"))?
            .ok_or_else(|| Error::Tpm {
                command: "StartAuthSession",
                reason: "no session handle".into(),
            })?;
        let (attributes, mask) = SessionAttributesBuilder::new()
            .with_decrypt(true)
            .with_encrypt(true)
            .with_continue_session(true)
            .build();
        if let Err(e) = self.ctx.tr_sess_set_attributes(session, attributes, mask) {
            let _ = self.ctx.flush_context(SessionHandle::from(session).into());
            return Err(tpm("StartAuthSession")(e));
        }
        Ok(session)
    }

    /// The storage primary, found (persistent) or derived on first use and kept for the life
    /// of this `Tpm`.
    fn srk(&mut self) -> Result<KeyHandle> {
        if let Some(srk) = self.srk {
            return Ok(srk);
        }
        let srk = match &self.srk_source {
            SrkSource::Derive => self.create_srk()?,
            SrkSource::Persistent(name) => {
                let name = name.clone();
                self.persistent_srk(&name)?
            }
        };
        self.srk = Some(srk);
        Ok(srk)
    }

    fn ek(&mut self) -> Result<EkHandle> {
        if !self.handle_present(EK_HANDLE)? {
            return self.ek_from_template();
        }
        let persistent = PersistentTpmHandle::new(EK_HANDLE).map_err(tpm("ReadPublic"))?;
        let object = self
            .ctx
            .execute_without_session(|c| c.tr_from_tpm_public(TpmHandle::Persistent(persistent)))
            .map_err(tpm("ReadPublic"))?;
        let handle = KeyHandle::from(object);
        let public = match self.ctx.read_public(handle) {
            Ok((public, _, _)) => public,
            Err(e) => {
                let mut object = object;
                let _ = self.ctx.tr_close(&mut object);
                return Err(tpm("ReadPublic")(e));
            }
        };
        let ek = EkHandle {
            handle,
            transient: false,
            public,
        };
        if let Err(e) = check_ek(&ek.public) {
            let _ = self.release_ek(ek);
            return Err(e);
        }
        Ok(ek)
    }

    fn ek_from_template(&mut self) -> Result<EkHandle> {
        let template = ek::create_ek_public_from_default_template_2(
            AsymmetricAlgorithmSelection::Rsa(RsaKeyBits::Rsa2048),
            None,
        )
        .map_err(|e| Error::Unsupported(format!("EK template: {e}")))?;
        let created = self
            .ctx
            .execute_with_session(Some(AuthSession::Password), |c| {
                c.create_primary(Hierarchy::Endorsement, template, None, None, None, None)
            })
            .map_err(tpm("CreatePrimary"))?;
        Ok(EkHandle {
            handle: created.key_handle,
            transient: true,
            public: created.out_public,
        })
    }

    fn release_ek(&mut self, ek: EkHandle) -> Result<()> {
        let mut object = ObjectHandle::from(ek.handle);
        if ek.transient {
            self.ctx.flush_context(object).map_err(tpm("FlushContext"))
        } else {
            // Only ESAPI's bookkeeping: the persistent object stays in the TPM.
            self.ctx.tr_close(&mut object).map_err(tpm("FlushContext"))
        }
    }

    /// Whether a persistent object or NV index exists, asked without provoking an error.
    fn handle_present(&mut self, handle: u32) -> Result<bool> {
        let (data, _) = self
            .ctx
            .get_capability(CapabilityType::Handles, handle, 1)
            .map_err(tpm("GetCapability"))?;
        Ok(match data {
            CapabilityData::Handles(list) => list.iter().any(|h| u32::from(*h) == handle),
            _ => false,
        })
    }

    fn flush_stale_objects(&mut self) -> Result<()> {
        let (data, _) = self
            .ctx
            .get_capability(CapabilityType::Handles, 0x8000_0000, 64)
            .map_err(tpm("GetCapability"))?;
        let CapabilityData::Handles(list) = data else {
            return Ok(());
        };
        for handle in list.iter() {
            if let TpmHandle::Transient(_) = handle {
                let object = self
                    .ctx
                    .execute_without_session(|c| c.tr_from_tpm_public(*handle))
                    .map_err(tpm("ReadPublic"))?;
                self.ctx
                    .flush_context(object)
                    .map_err(tpm("FlushContext"))?;
            }
        }
        Ok(())
    }
}

/// The persistent object must look like the RSA-2048 EK this crate knows how to use.
fn check_ek(public: &Public) -> Result<()> {
    let attributes = public.object_attributes();
    let rsa = rsa_public_key(public)?;
    let is_rsa_2048 = matches!(public, Public::Rsa { parameters, .. }
        if parameters.key_bits() == RsaKeyBits::Rsa2048 && parameters.rsa_scheme() == RsaScheme::Null);
    if !is_rsa_2048
        || rsa::traits::PublicKeyParts::size(&rsa) != 256
        || !attributes.restricted()
        || !attributes.decrypt()
        || attributes.sign_encrypt()
    {
        return Err(Error::Unsupported(format!(
            "the object at {EK_HANDLE:#010x} is not an RSA-2048 restricted decryption EK"
        )));
    }
    Ok(())
}

/// Lower-case hex, for names in messages (names are public).
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Drop for Tpm {
    fn drop(&mut self) {
        self.release_srk();
    }
}
