//! TPM 2.0 structures a verifier receives from a host: TPMS_ATTEST (quote, certify),
//! TPMT_SIGNATURE and TPMT_PUBLIC for RSA keys (TPM 2.0 Library Part 2).
//!
//! The parsers take bytes from the network, so every read is bounds-checked, every size field
//! is checked against what follows, trailing bytes are rejected and nothing panics; each has a
//! `to_bytes` that marshals the value back byte-for-byte, which is what names are computed
//! over.

use sha2::{Digest, Sha256, Sha384, Sha512};

use crate::error::{Error, Result, malformed, unsupported};

/// `TPM_GENERATED_VALUE`: the TPM puts this in front of everything it signs as an attestation.
pub const TPM_GENERATED_VALUE: u32 = 0xff54_4347;
/// `TPM_ST_ATTEST_CERTIFY`.
pub const TPM_ST_ATTEST_CERTIFY: u16 = 0x8017;
/// `TPM_ST_ATTEST_QUOTE`.
pub const TPM_ST_ATTEST_QUOTE: u16 = 0x8018;

/// `TPM_ALG_RSA`.
pub const TPM_ALG_RSA: u16 = 0x0001;
/// `TPM_ALG_SHA1`.
pub const TPM_ALG_SHA1: u16 = 0x0004;
/// `TPM_ALG_AES`.
pub const TPM_ALG_AES: u16 = 0x0006;
/// `TPM_ALG_SHA256`.
pub const TPM_ALG_SHA256: u16 = 0x000b;
/// `TPM_ALG_SHA384`.
pub const TPM_ALG_SHA384: u16 = 0x000c;
/// `TPM_ALG_SHA512`.
pub const TPM_ALG_SHA512: u16 = 0x000d;
/// `TPM_ALG_NULL`.
pub const TPM_ALG_NULL: u16 = 0x0010;
/// `TPM_ALG_SM4`.
pub const TPM_ALG_SM4: u16 = 0x0013;
/// `TPM_ALG_RSASSA` (PKCS#1 v1.5 signatures).
pub const TPM_ALG_RSASSA: u16 = 0x0014;
/// `TPM_ALG_RSAES` (PKCS#1 v1.5 encryption).
pub const TPM_ALG_RSAES: u16 = 0x0015;
/// `TPM_ALG_RSAPSS`.
pub const TPM_ALG_RSAPSS: u16 = 0x0016;
/// `TPM_ALG_OAEP`.
pub const TPM_ALG_OAEP: u16 = 0x0017;
/// `TPM_ALG_CAMELLIA`.
pub const TPM_ALG_CAMELLIA: u16 = 0x0026;
/// `TPM_ALG_CFB`.
pub const TPM_ALG_CFB: u16 = 0x0043;

/// Qualifying data SecL's workload agent passes to TPM2_Certify for the binding key
/// (reference §6.4). Not a nonce: the binding certificate is issued once.
pub const SECL_CERTIFY_QUALIFYING_DATA: [u8; 4] = [0x00, 0xff, 0x55, 0xaa];

/// Largest buffer any TPM2B here may hold; real ones are far smaller, so anything larger is
/// garbage and is refused before it is copied.
const MAX_TPM2B: usize = 1024;
/// Most PCR banks a selection may list (TPM_ALG ids of hashes; real TPMs have at most a few).
const MAX_BANKS: usize = 16;
/// Longest pcrSelect bitmap accepted (`PCR_SELECT_MAX` is 3 or 4 on real TPMs).
const MAX_PCR_SELECT: usize = 8;

/// A hash algorithm a TPM names things with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HashAlg {
    /// SHA-1: parsed, but never trusted for names or signatures here.
    Sha1,
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
}

impl HashAlg {
    /// From a `TPM_ALG_ID`.
    pub fn from_id(id: u16) -> Option<Self> {
        match id {
            TPM_ALG_SHA1 => Some(Self::Sha1),
            TPM_ALG_SHA256 => Some(Self::Sha256),
            TPM_ALG_SHA384 => Some(Self::Sha384),
            TPM_ALG_SHA512 => Some(Self::Sha512),
            _ => None,
        }
    }

    /// The `TPM_ALG_ID`.
    pub fn id(self) -> u16 {
        match self {
            Self::Sha1 => TPM_ALG_SHA1,
            Self::Sha256 => TPM_ALG_SHA256,
            Self::Sha384 => TPM_ALG_SHA384,
            Self::Sha512 => TPM_ALG_SHA512,
        }
    }

    /// Digest size in bytes.
    pub fn size(self) -> usize {
        match self {
            Self::Sha1 => 20,
            Self::Sha256 => 32,
            Self::Sha384 => 48,
            Self::Sha512 => 64,
        }
    }

    /// Hash `data`. SHA-1 is refused: nothing here may rest on it.
    pub fn digest(self, data: &[u8]) -> Result<Vec<u8>> {
        match self {
            Self::Sha1 => Err(unsupported("SHA-1 digest")),
            Self::Sha256 => Ok(Sha256::digest(data).to_vec()),
            Self::Sha384 => Ok(Sha384::digest(data).to_vec()),
            Self::Sha512 => Ok(Sha512::digest(data).to_vec()),
        }
    }
}

/// A cursor over untrusted bytes; every read checks the remaining length.
struct Reader<'a> {
    buf: &'a [u8],
    what: &'static str,
}

impl<'a> Reader<'a> {
    fn new(buf: &'a [u8], what: &'static str) -> Self {
        Self { buf, what }
    }

    fn take(&mut self, n: usize, field: &str) -> Result<&'a [u8]> {
        if self.buf.len() < n {
            return Err(malformed(format!(
                "{}: truncated in {field} (need {n} bytes, {} left)",
                self.what,
                self.buf.len()
            )));
        }
        let (head, tail) = self.buf.split_at(n);
        self.buf = tail;
        Ok(head)
    }

    fn u8(&mut self, field: &str) -> Result<u8> {
        Ok(self.take(1, field)?[0])
    }

    fn u16(&mut self, field: &str) -> Result<u16> {
        let b = self.take(2, field)?;
        Ok(u16::from_be_bytes([b[0], b[1]]))
    }

    fn u32(&mut self, field: &str) -> Result<u32> {
        let b = self.take(4, field)?;
        Ok(u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    }

    fn u64(&mut self, field: &str) -> Result<u64> {
        let b = self.take(8, field)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_be_bytes(a))
    }

    /// A TPM2B: u16 size, then that many bytes.
    fn tpm2b(&mut self, field: &str) -> Result<Vec<u8>> {
        let n = usize::from(self.u16(field)?);
        if n > MAX_TPM2B {
            return Err(malformed(format!(
                "{}: {field} size {n} too large",
                self.what
            )));
        }
        Ok(self.take(n, field)?.to_vec())
    }

    fn finish(self) -> Result<()> {
        if self.buf.is_empty() {
            Ok(())
        } else {
            Err(malformed(format!(
                "{}: {} trailing bytes",
                self.what,
                self.buf.len()
            )))
        }
    }
}

fn put_u16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_be_bytes());
}

fn put_u32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_be_bytes());
}

/// Marshal a TPM2B. Sizes come from parsed or self-built values, all far below 64 KiB; a
/// larger one is clamped rather than allowed to wrap.
fn put_tpm2b(out: &mut Vec<u8>, data: &[u8]) {
    let n = u16::try_from(data.len()).unwrap_or(u16::MAX);
    put_u16(out, n);
    out.extend_from_slice(&data[..usize::from(n)]);
}

/// `TPMS_CLOCK_INFO`: when, in TPM time, the attestation was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClockInfo {
    /// Milliseconds the TPM has been powered since it was last cleared.
    pub clock: u64,
    /// TPM resets (reboots) since clear.
    pub reset_count: u32,
    /// TPM restarts (resume from hibernate) since the last reset.
    pub restart_count: u32,
    /// Whether `clock` is known not to have gone backwards.
    pub safe: bool,
}

/// One `TPMS_PCR_SELECTION`: a bank and a bitmap of PCR indices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PcrSelection {
    /// The bank's hash `TPM_ALG_ID`.
    pub hash: u16,
    /// `pcrSelect`: bit `i` of byte `j` selects PCR `8*j + i`.
    pub bitmap: Vec<u8>,
}

impl PcrSelection {
    /// A selection of `indices` (each < 8 * `size_of_select`) in bank `hash`; the bitmap is
    /// 3 bytes (24 PCRs) unless an index needs more.
    pub fn new(hash: u16, indices: &[u8]) -> Self {
        let needed = indices
            .iter()
            .map(|i| usize::from(*i) / 8 + 1)
            .max()
            .unwrap_or(0);
        let mut bitmap = vec![0u8; needed.max(3)];
        for &i in indices {
            bitmap[usize::from(i) / 8] |= 1 << (i % 8);
        }
        Self { hash, bitmap }
    }

    /// The selected PCR indices in ascending order, which is the order the TPM hashes them.
    pub fn indices(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for (j, byte) in self.bitmap.iter().enumerate() {
            for bit in 0..8u8 {
                if byte & (1 << bit) != 0 {
                    // The bitmap is at most MAX_PCR_SELECT bytes, so 8*j+bit < 256.
                    if let Ok(j) = u8::try_from(j) {
                        out.push(j.saturating_mul(8).saturating_add(bit));
                    }
                }
            }
        }
        out
    }
}

/// The type-specific part of a TPMS_ATTEST.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Attested {
    /// `TPMS_QUOTE_INFO`.
    Quote {
        /// `pcrSelect`: the banks and PCRs quoted.
        pcr_select: Vec<PcrSelection>,
        /// `pcrDigest`: hash (with the signing scheme's hash) of the selected PCR values.
        pcr_digest: Vec<u8>,
    },
    /// `TPMS_CERTIFY_INFO`.
    Certify {
        /// `name`: the TPM name of the certified object (nameAlg ‖ H(TPMT_PUBLIC)).
        name: Vec<u8>,
        /// `qualifiedName`: the name qualified by its parents' names.
        qualified_name: Vec<u8>,
    },
}

/// `TPMS_ATTEST`: what TPM2_Quote and TPM2_Certify sign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attest {
    /// `qualifiedSigner`: the qualified name of the signing key (the AIK).
    pub qualified_signer: Vec<u8>,
    /// `extraData`: the caller's nonce / qualifying data.
    pub extra_data: Vec<u8>,
    /// `clockInfo`.
    pub clock_info: ClockInfo,
    /// `firmwareVersion`: vendor-specific TPM firmware version.
    pub firmware_version: u64,
    /// `attested`, by type.
    pub attested: Attested,
}

impl Attest {
    /// Parse a marshalled TPMS_ATTEST (no TPM2B size in front). Refuses a wrong magic, types
    /// other than quote and certify, and trailing bytes.
    pub fn parse(bytes: &[u8]) -> Result<Self> {
        let mut r = Reader::new(bytes, "TPMS_ATTEST");
        let magic = r.u32("magic")?;
        if magic != TPM_GENERATED_VALUE {
            return Err(Error::BadMagic { found: magic });
        }
        let tag = r.u16("type")?;
        if tag != TPM_ST_ATTEST_QUOTE && tag != TPM_ST_ATTEST_CERTIFY {
            return Err(unsupported(format!("TPMS_ATTEST type {tag:#06x}")));
        }
        let qualified_signer = r.tpm2b("qualifiedSigner")?;
        let extra_data = r.tpm2b("extraData")?;
        let clock_info = ClockInfo {
            clock: r.u64("clockInfo.clock")?,
            reset_count: r.u32("clockInfo.resetCount")?,
            restart_count: r.u32("clockInfo.restartCount")?,
            safe: match r.u8("clockInfo.safe")? {
                0 => false,
                1 => true,
                v => return Err(malformed(format!("TPMS_ATTEST: clockInfo.safe is {v}"))),
            },
        };
        let firmware_version = r.u64("firmwareVersion")?;
        let attested = if tag == TPM_ST_ATTEST_QUOTE {
            let count = usize::try_from(r.u32("pcrSelect.count")?).unwrap_or(usize::MAX);
            if count > MAX_BANKS {
                return Err(malformed(format!("TPMS_ATTEST: {count} PCR banks")));
            }
            let mut pcr_select = Vec::with_capacity(count);
            for _ in 0..count {
                let hash = r.u16("pcrSelections.hash")?;
                let size = usize::from(r.u8("pcrSelections.sizeofSelect")?);
                if size > MAX_PCR_SELECT {
                    return Err(malformed(format!("TPMS_ATTEST: sizeofSelect {size}")));
                }
                let bitmap = r.take(size, "pcrSelections.pcrSelect")?.to_vec();
                pcr_select.push(PcrSelection { hash, bitmap });
            }
            let pcr_digest = r.tpm2b("pcrDigest")?;
            Attested::Quote {
                pcr_select,
                pcr_digest,
            }
        } else {
            let name = r.tpm2b("name")?;
            let qualified_name = r.tpm2b("qualifiedName")?;
            Attested::Certify {
                name,
                qualified_name,
            }
        };
        r.finish()?;
        Ok(Self {
            qualified_signer,
            extra_data,
            clock_info,
            firmware_version,
            attested,
        })
    }

    /// The `TPMI_ST_ATTEST` tag for this attestation.
    pub fn tag(&self) -> u16 {
        match self.attested {
            Attested::Quote { .. } => TPM_ST_ATTEST_QUOTE,
            Attested::Certify { .. } => TPM_ST_ATTEST_CERTIFY,
        }
    }

    /// Marshal as the TPM does (the bytes a signature covers).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(160);
        put_u32(&mut out, TPM_GENERATED_VALUE);
        put_u16(&mut out, self.tag());
        put_tpm2b(&mut out, &self.qualified_signer);
        put_tpm2b(&mut out, &self.extra_data);
        out.extend_from_slice(&self.clock_info.clock.to_be_bytes());
        put_u32(&mut out, self.clock_info.reset_count);
        put_u32(&mut out, self.clock_info.restart_count);
        out.push(u8::from(self.clock_info.safe));
        out.extend_from_slice(&self.firmware_version.to_be_bytes());
        match &self.attested {
            Attested::Quote {
                pcr_select,
                pcr_digest,
            } => {
                put_u32(&mut out, u32::try_from(pcr_select.len()).unwrap_or(0));
                for sel in pcr_select {
                    put_u16(&mut out, sel.hash);
                    // sizeofSelect is a u8; a longer bitmap (never parsed) is cut, not wrapped.
                    let n = sel.bitmap.len().min(usize::from(u8::MAX));
                    out.push(n as u8);
                    out.extend_from_slice(&sel.bitmap[..n]);
                }
                put_tpm2b(&mut out, pcr_digest);
            }
            Attested::Certify {
                name,
                qualified_name,
            } => {
                put_tpm2b(&mut out, name);
                put_tpm2b(&mut out, qualified_name);
            }
        }
        out
    }
}

/// The padding of an RSA signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SigScheme {
    /// `TPM_ALG_RSASSA`: PKCS#1 v1.5.
    RsaSsa,
    /// `TPM_ALG_RSAPSS`.
    RsaPss,
}

/// `TPMT_SIGNATURE` for RSA keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature {
    /// `sigAlg`.
    pub scheme: SigScheme,
    /// `hash` of the signature scheme.
    pub hash: HashAlg,
    /// The raw RSA signature (as long as the key's modulus).
    pub sig: Vec<u8>,
}

impl Signature {
    /// Parse a marshalled TPMT_SIGNATURE. Intel's verifiers take "the last 256 bytes" of the
    /// blob; for a well-formed RSA-2048 TPMT_SIGNATURE that is exactly `sig`, so both agree on
    /// every blob a TPM produces, and this one also handles other key sizes.
    pub fn parse(bytes: &[u8]) -> Result<Self> {
        let mut r = Reader::new(bytes, "TPMT_SIGNATURE");
        let alg = r.u16("sigAlg")?;
        let scheme = match alg {
            TPM_ALG_RSASSA => SigScheme::RsaSsa,
            TPM_ALG_RSAPSS => SigScheme::RsaPss,
            other => return Err(unsupported(format!("signature algorithm {other:#06x}"))),
        };
        let hash_id = r.u16("hash")?;
        let hash = HashAlg::from_id(hash_id)
            .ok_or_else(|| unsupported(format!("signature hash {hash_id:#06x}")))?;
        let sig = r.tpm2b("sig")?;
        r.finish()?;
        if sig.is_empty() {
            return Err(malformed("TPMT_SIGNATURE: empty signature"));
        }
        Ok(Self { scheme, hash, sig })
    }

    /// Marshal as the TPM does.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(6 + self.sig.len());
        put_u16(
            &mut out,
            match self.scheme {
                SigScheme::RsaSsa => TPM_ALG_RSASSA,
                SigScheme::RsaPss => TPM_ALG_RSAPSS,
            },
        );
        put_u16(&mut out, self.hash.id());
        put_tpm2b(&mut out, &self.sig);
        out
    }
}

/// `TPMA_OBJECT`: the attribute bits of a TPM object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ObjectAttributes(pub u32);

impl ObjectAttributes {
    /// The object cannot be duplicated at all: its private part never leaves this TPM.
    pub const FIXED_TPM: u32 = 1 << 1;
    /// Cleared on TPM Reset or Restart.
    pub const ST_CLEAR: u32 = 1 << 2;
    /// The object cannot be moved to another parent.
    pub const FIXED_PARENT: u32 = 1 << 4;
    /// The TPM generated the sensitive part itself.
    pub const SENSITIVE_DATA_ORIGIN: u32 = 1 << 5;
    /// The auth value may be used for user-role actions.
    pub const USER_WITH_AUTH: u32 = 1 << 6;
    /// Admin actions need a policy session.
    pub const ADMIN_WITH_POLICY: u32 = 1 << 7;
    /// Not subject to dictionary-attack protection.
    pub const NO_DA: u32 = 1 << 10;
    /// Duplication needs an inner wrapper.
    pub const ENCRYPTED_DUPLICATION: u32 = 1 << 11;
    /// Only operates on TPM-formatted data (storage parents, AIKs).
    pub const RESTRICTED: u32 = 1 << 16;
    /// May decrypt.
    pub const DECRYPT: u32 = 1 << 17;
    /// May sign (`sign` / `encrypt`).
    pub const SIGN: u32 = 1 << 18;
    /// May sign X.509 TBS data (TPM 2.0 rev 1.59+).
    pub const X509_SIGN: u32 = 1 << 19;

    /// Whether every bit of `mask` is set.
    pub fn has(self, mask: u32) -> bool {
        self.0 & mask == mask
    }

    /// `fixedTPM`.
    pub fn fixed_tpm(self) -> bool {
        self.has(Self::FIXED_TPM)
    }
    /// `fixedParent`.
    pub fn fixed_parent(self) -> bool {
        self.has(Self::FIXED_PARENT)
    }
    /// `sensitiveDataOrigin`.
    pub fn sensitive_data_origin(self) -> bool {
        self.has(Self::SENSITIVE_DATA_ORIGIN)
    }
    /// `userWithAuth`.
    pub fn user_with_auth(self) -> bool {
        self.has(Self::USER_WITH_AUTH)
    }
    /// `restricted`.
    pub fn restricted(self) -> bool {
        self.has(Self::RESTRICTED)
    }
    /// `decrypt`.
    pub fn decrypt(self) -> bool {
        self.has(Self::DECRYPT)
    }
    /// `sign`.
    pub fn sign(self) -> bool {
        self.has(Self::SIGN)
    }
}

/// `TPMT_SYM_DEF_OBJECT` when not NULL: the symmetric algorithm of a storage key (an EK's is
/// AES-128-CFB).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SymDef {
    /// `algorithm`: AES, SM4 or CAMELLIA.
    pub alg: u16,
    /// `keyBits`.
    pub key_bits: u16,
    /// `mode`, e.g. CFB.
    pub mode: u16,
}

/// `TPMT_RSA_SCHEME` when not NULL.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RsaScheme {
    /// `scheme`: RSASSA, RSAPSS, RSAES or OAEP.
    pub scheme: u16,
    /// The scheme's hash (none for RSAES).
    pub hash: Option<u16>,
}

/// `TPMT_PUBLIC` of an RSA key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Public {
    /// `nameAlg`: the hash the object's name is computed with.
    pub name_alg: u16,
    /// `objectAttributes`.
    pub attributes: ObjectAttributes,
    /// `authPolicy` (empty when none).
    pub auth_policy: Vec<u8>,
    /// `parameters.symmetric` (None = TPM_ALG_NULL).
    pub symmetric: Option<SymDef>,
    /// `parameters.scheme` (None = TPM_ALG_NULL).
    pub scheme: Option<RsaScheme>,
    /// `parameters.keyBits`.
    pub key_bits: u16,
    /// `parameters.exponent`; 0 means the default 65537.
    pub exponent: u32,
    /// `unique.rsa`: the modulus, big-endian.
    pub modulus: Vec<u8>,
}

impl Public {
    /// Parse a marshalled TPMT_PUBLIC (no size in front). Only RSA keys.
    pub fn parse(bytes: &[u8]) -> Result<Self> {
        let mut r = Reader::new(bytes, "TPMT_PUBLIC");
        let public = Self::read(&mut r)?;
        r.finish()?;
        Ok(public)
    }

    /// Parse a TPM2B_PUBLIC (u16 size, then a TPMT_PUBLIC of exactly that size), the form
    /// `TPM2_ReadPublic` returns and SecL's WLA sends as `public_key_modulus`.
    pub fn parse_tpm2b(bytes: &[u8]) -> Result<Self> {
        let mut r = Reader::new(bytes, "TPM2B_PUBLIC");
        let size = usize::from(r.u16("size")?);
        let inner = r.take(size, "publicArea")?;
        r.finish()?;
        Self::parse(inner)
    }

    fn read(r: &mut Reader<'_>) -> Result<Self> {
        let ty = r.u16("type")?;
        if ty != TPM_ALG_RSA {
            return Err(unsupported(format!("public key type {ty:#06x} (only RSA)")));
        }
        let name_alg = r.u16("nameAlg")?;
        let attributes = ObjectAttributes(r.u32("objectAttributes")?);
        let auth_policy = r.tpm2b("authPolicy")?;
        let sym_alg = r.u16("symmetric.algorithm")?;
        let symmetric = match sym_alg {
            TPM_ALG_NULL => None,
            TPM_ALG_AES | TPM_ALG_SM4 | TPM_ALG_CAMELLIA => Some(SymDef {
                alg: sym_alg,
                key_bits: r.u16("symmetric.keyBits")?,
                mode: r.u16("symmetric.mode")?,
            }),
            other => {
                return Err(malformed(format!(
                    "TPMT_PUBLIC: symmetric algorithm {other:#06x}"
                )));
            }
        };
        let scheme_alg = r.u16("scheme.scheme")?;
        let scheme = match scheme_alg {
            TPM_ALG_NULL => None,
            TPM_ALG_RSAES => Some(RsaScheme {
                scheme: scheme_alg,
                hash: None,
            }),
            TPM_ALG_RSASSA | TPM_ALG_RSAPSS | TPM_ALG_OAEP => Some(RsaScheme {
                scheme: scheme_alg,
                hash: Some(r.u16("scheme.hashAlg")?),
            }),
            other => {
                return Err(malformed(format!("TPMT_PUBLIC: RSA scheme {other:#06x}")));
            }
        };
        let key_bits = r.u16("keyBits")?;
        let exponent = r.u32("exponent")?;
        let modulus = r.tpm2b("unique")?;
        Ok(Self {
            name_alg,
            attributes,
            auth_policy,
            symmetric,
            scheme,
            key_bits,
            exponent,
            modulus,
        })
    }

    /// The public area SecL's workload agent creates for its binding key (reference §6.4):
    /// RSA, nameAlg SHA-256, `fixedTPM|fixedParent|sensitiveDataOrigin|userWithAuth|decrypt`,
    /// no policy, symmetric and scheme NULL, default exponent. A verifier rebuilds it from a
    /// certificate's modulus to check the certified name when nothing else carries the public
    /// area (Intel's binding certificates reproduce their certified name this way).
    pub fn secl_binding_key(modulus: &[u8]) -> Self {
        Self {
            name_alg: TPM_ALG_SHA256,
            attributes: ObjectAttributes(
                ObjectAttributes::FIXED_TPM
                    | ObjectAttributes::FIXED_PARENT
                    | ObjectAttributes::SENSITIVE_DATA_ORIGIN
                    | ObjectAttributes::USER_WITH_AUTH
                    | ObjectAttributes::DECRYPT,
            ),
            auth_policy: Vec::new(),
            symmetric: None,
            scheme: None,
            key_bits: u16::try_from(modulus.len().saturating_mul(8)).unwrap_or(0),
            exponent: 0,
            modulus: modulus.to_vec(),
        }
    }

    /// The binding-key public areas a verifier accepts when it has only the modulus: SecL's
    /// ([`Public::secl_binding_key`], scheme NULL) and the same with scheme OAEP-SHA-256 (as
    /// this project's `secl-tpm` creates it, fixing the key to the KBS's wrapping). Both are
    /// TPM-bound and decrypt-only, so a name matching either proves the same thing.
    pub fn binding_key_templates(modulus: &[u8]) -> [Self; 2] {
        let secl = Self::secl_binding_key(modulus);
        let oaep = Self {
            scheme: Some(RsaScheme {
                scheme: TPM_ALG_OAEP,
                hash: Some(TPM_ALG_SHA256),
            }),
            ..secl.clone()
        };
        [secl, oaep]
    }

    /// Marshal as the TPM does: the bytes the name is computed over.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(32 + self.modulus.len());
        put_u16(&mut out, TPM_ALG_RSA);
        put_u16(&mut out, self.name_alg);
        put_u32(&mut out, self.attributes.0);
        put_tpm2b(&mut out, &self.auth_policy);
        match self.symmetric {
            None => put_u16(&mut out, TPM_ALG_NULL),
            Some(s) => {
                put_u16(&mut out, s.alg);
                put_u16(&mut out, s.key_bits);
                put_u16(&mut out, s.mode);
            }
        }
        match self.scheme {
            None => put_u16(&mut out, TPM_ALG_NULL),
            Some(s) => {
                put_u16(&mut out, s.scheme);
                if let Some(h) = s.hash {
                    put_u16(&mut out, h);
                }
            }
        }
        put_u16(&mut out, self.key_bits);
        put_u32(&mut out, self.exponent);
        put_tpm2b(&mut out, &self.modulus);
        out
    }

    /// Marshal as a TPM2B_PUBLIC.
    pub fn to_tpm2b_bytes(&self) -> Vec<u8> {
        let inner = self.to_bytes();
        let mut out = Vec::with_capacity(2 + inner.len());
        put_tpm2b(&mut out, &inner);
        out
    }

    /// The TPM name: `nameAlg ‖ H_nameAlg(TPMT_PUBLIC)`. SHA-256/384/512 only.
    pub fn name(&self) -> Result<Vec<u8>> {
        let alg = HashAlg::from_id(self.name_alg)
            .ok_or_else(|| unsupported(format!("nameAlg {:#06x}", self.name_alg)))?;
        let digest = alg.digest(&self.to_bytes())?;
        let mut name = Vec::with_capacity(2 + digest.len());
        put_u16(&mut name, self.name_alg);
        name.extend_from_slice(&digest);
        Ok(name)
    }

    /// The RSA public key (exponent 0 means 65537). Refuses a modulus whose length disagrees
    /// with `keyBits`.
    pub fn rsa_public_key(&self) -> Result<rsa::PublicKey> {
        if self.modulus.len().saturating_mul(8) != usize::from(self.key_bits) {
            return Err(malformed(format!(
                "TPMT_PUBLIC: {}-byte modulus for keyBits {}",
                self.modulus.len(),
                self.key_bits
            )));
        }
        let e = if self.exponent == 0 {
            65537
        } else {
            self.exponent
        };
        rsa_key_from_parts(&self.modulus, &e.to_be_bytes())
    }
}

/// An RSA public key from big-endian modulus and exponent (leading zeros allowed).
pub(crate) fn rsa_key_from_parts(n: &[u8], e: &[u8]) -> Result<rsa::PublicKey> {
    let n = rsa::BoxedUint::from_be_slice_vartime(strip_zeros(n));
    let e = rsa::BoxedUint::from_be_slice_vartime(strip_zeros(e));
    rsa::PublicKey::new(n, e).map_err(|e| malformed(format!("RSA public key: {e}")))
}

/// Big-endian bytes without leading zeros (one zero byte for the value 0).
pub(crate) fn strip_zeros(b: &[u8]) -> &[u8] {
    let start = b
        .iter()
        .position(|x| *x != 0)
        .unwrap_or(b.len().saturating_sub(1));
    &b[start..]
}

/// Modulus and exponent of an RSA key, big-endian without leading zeros: a comparison that
/// does not depend on how a big integer was sized internally.
pub(crate) fn rsa_key_bytes(key: &rsa::PublicKey) -> (Vec<u8>, Vec<u8>) {
    use rsa::traits::PublicKeyParts;
    let n = key.n().to_be_bytes();
    let e = key.e().to_be_bytes();
    (strip_zeros(&n).to_vec(), strip_zeros(&e).to_vec())
}
