//! Public-area templates for the keys this crate creates.

use tss_esapi::attributes::ObjectAttributesBuilder;
use tss_esapi::interface_types::algorithm::{HashingAlgorithm, PublicAlgorithm};
use tss_esapi::interface_types::key_bits::RsaKeyBits;
use tss_esapi::structures::{
    HashScheme, Public, PublicBuilder, PublicKeyRsa, PublicRsaParametersBuilder, RsaExponent,
    RsaScheme, SymmetricDefinitionObject,
};

use crate::error::{Error, Result};

fn build_err(e: tss_esapi::Error) -> Error {
    Error::Unsupported(format!("key template: {e}"))
}

/// The TCG storage root key template (TCG TPM v2.0 Provisioning Guidance, RSA-2048 SRK):
/// restricted decryption, AES-128-CFB, noDA, empty auth and policy, unique = 256 zero bytes.
/// Being a primary, it is re-derived identically after any restart; that is how an object at
/// the persistent handle is recognised as this key.
pub(crate) fn srk() -> Result<Public> {
    let attributes = ObjectAttributesBuilder::new()
        .with_fixed_tpm(true)
        .with_fixed_parent(true)
        .with_sensitive_data_origin(true)
        .with_user_with_auth(true)
        .with_no_da(true)
        .with_restricted(true)
        .with_decrypt(true)
        .build()
        .map_err(build_err)?;
    PublicBuilder::new()
        .with_public_algorithm(PublicAlgorithm::Rsa)
        .with_name_hashing_algorithm(HashingAlgorithm::Sha256)
        .with_object_attributes(attributes)
        .with_rsa_parameters(
            PublicRsaParametersBuilder::new_restricted_decryption_key(
                SymmetricDefinitionObject::AES_128_CFB,
                RsaKeyBits::Rsa2048,
                RsaExponent::default(),
            )
            .build()
            .map_err(build_err)?,
        )
        .with_rsa_unique_identifier(PublicKeyRsa::new_empty_with_size(RsaKeyBits::Rsa2048))
        .build()
        .map_err(build_err)
}

/// The AIK: restricted RSA-2048 signing key, RSASSA-SHA256 (what HVS verifies quotes and
/// certifications with). Restricted, so it signs only TPM-generated attestations, never an
/// outside digest that could mimic one. Attributes as SecL's AIK.
pub(crate) fn aik() -> Result<Public> {
    let attributes = ObjectAttributesBuilder::new()
        .with_fixed_tpm(true)
        .with_fixed_parent(true)
        .with_sensitive_data_origin(true)
        .with_user_with_auth(true)
        .with_restricted(true)
        .with_sign_encrypt(true)
        .build()
        .map_err(build_err)?;
    PublicBuilder::new()
        .with_public_algorithm(PublicAlgorithm::Rsa)
        .with_name_hashing_algorithm(HashingAlgorithm::Sha256)
        .with_object_attributes(attributes)
        .with_rsa_parameters(
            PublicRsaParametersBuilder::new()
                .with_symmetric(SymmetricDefinitionObject::Null)
                .with_scheme(RsaScheme::RsaSsa(HashScheme::new(HashingAlgorithm::Sha256)))
                .with_key_bits(RsaKeyBits::Rsa2048)
                .with_exponent(RsaExponent::default())
                .with_is_signing_key(true)
                .with_restricted(true)
                .build()
                .map_err(build_err)?,
        )
        .with_rsa_unique_identifier(PublicKeyRsa::default())
        .build()
        .map_err(build_err)
}

/// The binding key: RSA-2048, decrypt only, not restricted, nameAlg SHA-256, attributes
/// fixedTPM|fixedParent|sensitiveDataOrigin|userWithAuth|decrypt as SecL's.
///
/// Scheme: OAEP-SHA256 rather than SecL's NULL. The KBS wraps with exactly OAEP-SHA256, and a
/// key that carries the scheme makes the TPM refuse any other padding (RSAES, or raw RSA with
/// a NULL scheme), so a process that learns the auth still cannot use the TPM as a raw-RSA or
/// PKCS#1 v1.5 decryption oracle. Nothing downstream reads the scheme: HVS hashes the public
/// area and the KBS uses only the modulus.
pub(crate) fn binding_key() -> Result<Public> {
    let attributes = ObjectAttributesBuilder::new()
        .with_fixed_tpm(true)
        .with_fixed_parent(true)
        .with_sensitive_data_origin(true)
        .with_user_with_auth(true)
        .with_decrypt(true)
        .build()
        .map_err(build_err)?;
    PublicBuilder::new()
        .with_public_algorithm(PublicAlgorithm::Rsa)
        .with_name_hashing_algorithm(HashingAlgorithm::Sha256)
        .with_object_attributes(attributes)
        .with_rsa_parameters(
            PublicRsaParametersBuilder::new()
                .with_symmetric(SymmetricDefinitionObject::Null)
                .with_scheme(RsaScheme::Oaep(HashScheme::new(HashingAlgorithm::Sha256)))
                .with_key_bits(RsaKeyBits::Rsa2048)
                .with_exponent(RsaExponent::default())
                .with_is_decryption_key(true)
                .build()
                .map_err(build_err)?,
        )
        .with_rsa_unique_identifier(PublicKeyRsa::default())
        .build()
        .map_err(build_err)
}
