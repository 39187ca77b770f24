//! Helpers shared by the integration tests: fixtures, keys, and a software "TPM" that signs
//! attestations with an AIK the way TPM2_Quote and TPM2_Certify do.
#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use secl_attest::privacy_ca::PrivacyCa;
use secl_attest::privacy_ca::identity::secl_aik_public;
use secl_attest::tpm2::{Attest, Attested, ClockInfo, HashAlg, Public, SigScheme, Signature};
use sha2::Sha256;

pub fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub fn fixture_pem(name: &str) -> String {
    std::fs::read_to_string(fixture_path(name)).expect("fixture")
}

pub fn fixture_der(name: &str) -> Vec<u8> {
    secl_attest::privacy_ca::pem_certificate(&fixture_pem(name)).expect("PEM certificate")
}

pub fn rsa_key() -> rsa::PrivateKey {
    rsa::PrivateKey::new(&mut rand::rng(), 2048).expect("RSA key")
}

/// One PrivacyCA per test binary (RSA-3072 generation is the slow part), in the profile that
/// writes the project's extensions; tests of the Intel-compatible default say so.
pub fn shared_ca() -> &'static PrivacyCa {
    static CA: OnceLock<PrivacyCa> = OnceLock::new();
    CA.get_or_init(|| {
        PrivacyCa::generate("HVS Privacy Certificate")
            .expect("CA")
            .with_profile(secl_attest::privacy_ca::CertProfile::Secl)
    })
}

/// A software stand-in for a TPM's AIK: a restricted RSASSA-SHA256 signing key.
pub struct FakeTpm {
    pub aik: rsa::PrivateKey,
    pub aik_public_area: Public,
}

impl FakeTpm {
    pub fn new() -> Self {
        Self::with_key(rsa_key())
    }

    pub fn with_key(aik: rsa::PrivateKey) -> Self {
        use rsa::traits::PublicKeyParts;
        let modulus = aik.n().to_be_bytes().to_vec();
        let aik_public_area = secl_aik_public(&modulus);
        Self {
            aik,
            aik_public_area,
        }
    }

    pub fn aik_public(&self) -> rsa::PublicKey {
        self.aik.to_public_key()
    }

    pub fn aik_name(&self) -> Vec<u8> {
        self.aik_public_area.name().expect("name")
    }

    /// TPMT_SIGNATURE (RSASSA-SHA256) over `attest`.
    pub fn sign(&self, attest: &[u8]) -> Vec<u8> {
        Signature {
            scheme: SigScheme::RsaSsa,
            hash: HashAlg::Sha256,
            sig: self.aik.pkcs1v15_sign::<Sha256>(attest).expect("sign"),
        }
        .to_bytes()
    }

    /// TPM2_Certify of `public` with `extra_data`: (TPMS_ATTEST, TPMT_SIGNATURE).
    pub fn certify(&self, public: &Public, extra_data: &[u8]) -> (Vec<u8>, Vec<u8>) {
        let attest = Attest {
            qualified_signer: self.aik_name(),
            extra_data: extra_data.to_vec(),
            clock_info: ClockInfo {
                clock: 98_353_756,
                reset_count: 3,
                restart_count: 0,
                safe: true,
            },
            firmware_version: 0x0005_0032_0007_e600,
            attested: Attested::Certify {
                name: public.name().expect("name"),
                qualified_name: public.name().expect("name"),
            },
        }
        .to_bytes();
        let sig = self.sign(&attest);
        (attest, sig)
    }
}

/// A SecL binding-key public area for a fresh RSA-2048 key.
pub fn binding_public() -> Public {
    use rsa::traits::PublicKeyParts;
    let key = rsa_key();
    Public::secl_binding_key(&key.n().to_be_bytes())
}

/// Whether an external tool runs here. Tests that need one skip (loudly) without it, unless
/// SECL_REQUIRE_TOOLS=1 says the environment must have it.
pub fn tool_available(tool: &str, probe_arg: &str) -> bool {
    let ok = std::process::Command::new(tool)
        .arg(probe_arg)
        .output()
        .is_ok();
    if !ok {
        assert!(
            std::env::var("SECL_REQUIRE_TOOLS").as_deref() != Ok("1"),
            "{tool} is required (SECL_REQUIRE_TOOLS=1) but not installed"
        );
        eprintln!("SKIPPED: {tool} is not installed");
    }
    ok
}
