//! RSA-OAEP wrapping to a host's binding key, prepared once per key.
//!
//! The `rsa` crate raises to the public exponent with a fixed-window method meant for secret
//! exponents (14 multiplications of table set-up, then 4 squarings and a multiplication per
//! window), which made the wrap about a quarter of a transfer's CPU time. The exponent is
//! public, so plain square-and-multiply over its bits is safe and needs about half the
//! operations (16 squarings and 1 multiplication for 65537); the Montgomery constants are
//! computed once per binding key, which the KBS caches. The data (the padded key) is only ever
//! touched by constant-time Montgomery multiplication: no branch or index depends on it.
//!
//! Encoding is EME-OAEP (RFC 8017 §7.1.1) with SHA-256 and MGF1-SHA-256, what the TPM's
//! TPM2_RSA_Decrypt expects for a binding key; the tests decrypt with the `rsa` crate.

use rand::Rng;
use rsa::traits::PublicKeyParts;
use sha2::{Digest, Sha256};

const H_LEN: usize = 32;

/// Why a key cannot be prepared or a message cannot be wrapped.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum WrapError {
    /// The modulus is even, too small for OAEP-SHA256, or the exponent is unusable.
    #[error("unsupported RSA public key for OAEP wrapping")]
    UnsupportedKey,
    /// The message does not fit (at most modulus bytes - 66).
    #[error("message too long for RSA-OAEP with this key")]
    MessageTooLong,
}

/// An RSA public key with its Montgomery constants, ready to wrap many messages.
#[derive(Clone, Debug)]
pub struct WrapKey {
    /// Modulus, little-endian 64-bit limbs.
    n: Vec<u64>,
    /// -n^-1 mod 2^64.
    n0_inv: u64,
    /// R^2 mod n, R = 2^(64 * limbs), little-endian limbs.
    rr: Vec<u64>,
    /// Public exponent bits, most significant first (the leading 1 included).
    e_bits: Vec<bool>,
    /// Modulus length in bytes (the ciphertext length).
    k: usize,
}

impl WrapKey {
    /// Prepares `key` (an odd modulus of at least 1024 bits, an exponent of at most 64 bits).
    pub fn new(key: &rsa::PublicKey) -> Result<Self, WrapError> {
        Self::from_be(&key.n_bytes(), &key.e_bytes())
    }

    /// Prepares the key from big-endian modulus and exponent.
    pub fn from_be(n: &[u8], e: &[u8]) -> Result<Self, WrapError> {
        let n = trim(n);
        let e = trim(e);
        let k = n.len();
        if k < 128 || n.last().is_none_or(|b| b & 1 == 0) || e.is_empty() || e.len() > 8 {
            return Err(WrapError::UnsupportedKey);
        }
        let mut e_val = 0u64;
        for b in e {
            e_val = (e_val << 8) | u64::from(*b);
        }
        if e_val < 3 {
            return Err(WrapError::UnsupportedKey);
        }
        let top = 63 - e_val.leading_zeros();
        let e_bits = (0..=top).rev().map(|i| (e_val >> i) & 1 == 1).collect();
        let limbs = limbs_from_be(n, k.div_ceil(8));
        let n0_inv = neg_inverse(limbs[0]);
        // R^2 mod n by doubling 1 modulo n, 2 * 64 * limbs times (public data, once per key).
        let mut rr = vec![0u64; limbs.len()];
        rr[0] = 1;
        for _ in 0..2 * 64 * limbs.len() {
            double_mod(&mut rr, &limbs);
        }
        Ok(Self {
            n: limbs,
            n0_inv,
            rr,
            e_bits,
            k,
        })
    }

    /// Modulus length in bytes.
    pub fn size(&self) -> usize {
        self.k
    }

    /// RSAES-OAEP-ENCRYPT with SHA-256, MGF1-SHA-256 and `label`.
    pub fn oaep_sha256(&self, msg: &[u8], label: &[u8]) -> Result<Vec<u8>, WrapError> {
        let mut seed = [0u8; H_LEN];
        rand::rng().fill_bytes(&mut seed);
        let em = oaep_encode(self.k, msg, label, &seed)?;
        Ok(self.public_op(&em))
    }

    /// em^e mod n for em < n (guaranteed by OAEP's leading zero byte), as k bytes.
    fn public_op(&self, em: &[u8]) -> Vec<u8> {
        let l = self.n.len();
        let m = limbs_from_be(em, l);
        let mut t = vec![0u64; l + 2];
        let mut base = vec![0u64; l];
        self.mont_mul(&m, &self.rr, &mut base, &mut t);
        let mut acc = base.clone();
        let mut tmp = vec![0u64; l];
        for bit in &self.e_bits[1..] {
            self.mont_mul(&acc, &acc, &mut tmp, &mut t);
            std::mem::swap(&mut acc, &mut tmp);
            if *bit {
                self.mont_mul(&acc, &base, &mut tmp, &mut t);
                std::mem::swap(&mut acc, &mut tmp);
            }
        }
        let mut one = vec![0u64; l];
        one[0] = 1;
        self.mont_mul(&acc, &one, &mut tmp, &mut t);
        let mut out = vec![0u8; l * 8];
        for (i, limb) in tmp.iter().enumerate() {
            out[(l - 1 - i) * 8..(l - i) * 8].copy_from_slice(&limb.to_be_bytes());
        }
        out.split_off(l * 8 - self.k)
    }

    /// out = a * b / R mod n (CIOS), fully reduced; a, b < n. Constant time in a and b.
    fn mont_mul(&self, a: &[u64], b: &[u64], out: &mut [u64], t: &mut [u64]) {
        let n = self.n.as_slice();
        let l = n.len();
        let (a, b, out, t) = (&a[..l], &b[..l], &mut out[..l], &mut t[..l + 2]);
        t.fill(0);
        for &ai in a {
            let mut carry = 0u64;
            for (tj, &bj) in t[..l].iter_mut().zip(b) {
                let s = u128::from(*tj) + u128::from(ai) * u128::from(bj) + u128::from(carry);
                *tj = s as u64;
                carry = (s >> 64) as u64;
            }
            let s = u128::from(t[l]) + u128::from(carry);
            t[l] = s as u64;
            t[l + 1] = (s >> 64) as u64;
            let m = t[0].wrapping_mul(self.n0_inv);
            let s = u128::from(t[0]) + u128::from(m) * u128::from(n[0]);
            let mut carry = (s >> 64) as u64;
            for j in 1..l {
                let s = u128::from(t[j]) + u128::from(m) * u128::from(n[j]) + u128::from(carry);
                t[j - 1] = s as u64;
                carry = (s >> 64) as u64;
            }
            let s = u128::from(t[l]) + u128::from(carry);
            t[l - 1] = s as u64;
            t[l] = t[l + 1] + (s >> 64) as u64;
        }
        // t < 2n: subtract n, keep the difference unless it borrowed (and t had no top carry).
        let mut borrow = 0u64;
        for ((o, &tj), &nj) in out.iter_mut().zip(t.iter()).zip(n) {
            let (d1, b1) = tj.overflowing_sub(nj);
            let (d2, b2) = d1.overflowing_sub(borrow);
            *o = d2;
            borrow = u64::from(b1 | b2);
        }
        // keep_t is all ones when t < n, i.e. the subtraction borrowed beyond t's top limb.
        let (_, final_borrow) = t[l].overflowing_sub(borrow);
        let keep_t = 0u64.wrapping_sub(u64::from(final_borrow));
        for (o, &tj) in out.iter_mut().zip(t.iter()) {
            *o = (tj & keep_t) | (*o & !keep_t);
        }
    }
}

fn trim(b: &[u8]) -> &[u8] {
    let skip = b.iter().take_while(|x| **x == 0).count();
    &b[skip..]
}

/// Big-endian bytes to `l` little-endian limbs (bytes must fit).
fn limbs_from_be(b: &[u8], l: usize) -> Vec<u64> {
    let mut out = vec![0u64; l];
    for (i, byte) in b.iter().rev().enumerate() {
        out[i / 8] |= u64::from(*byte) << (8 * (i % 8));
    }
    out
}

/// -n0^-1 mod 2^64 for odd n0 (Newton's iteration).
fn neg_inverse(n0: u64) -> u64 {
    let mut inv = 1u64;
    for _ in 0..6 {
        inv = inv.wrapping_mul(2u64.wrapping_sub(n0.wrapping_mul(inv)));
    }
    inv.wrapping_neg()
}

/// x = 2x mod n for x < n (public values only: branches on them).
fn double_mod(x: &mut [u64], n: &[u64]) {
    let mut carry = 0u64;
    for limb in x.iter_mut() {
        let next = *limb >> 63;
        *limb = (*limb << 1) | carry;
        carry = next;
    }
    let ge = carry == 1 || !less_than(x, n);
    if ge {
        let mut borrow = 0u64;
        for (xi, ni) in x.iter_mut().zip(n) {
            let (d1, b1) = xi.overflowing_sub(*ni);
            let (d2, b2) = d1.overflowing_sub(borrow);
            *xi = d2;
            borrow = u64::from(b1 | b2);
        }
    }
}

fn less_than(a: &[u64], b: &[u64]) -> bool {
    for (x, y) in a.iter().rev().zip(b.iter().rev()) {
        if x != y {
            return x < y;
        }
    }
    false
}

/// EME-OAEP encoding (RFC 8017 §7.1.1 step 2) into `k` bytes.
fn oaep_encode(
    k: usize,
    msg: &[u8],
    label: &[u8],
    seed: &[u8; H_LEN],
) -> Result<Vec<u8>, WrapError> {
    if msg.len() + 2 * H_LEN + 2 > k {
        return Err(WrapError::MessageTooLong);
    }
    let db_len = k - H_LEN - 1;
    let mut db = Vec::with_capacity(db_len);
    db.extend_from_slice(&Sha256::digest(label));
    db.resize(db_len - msg.len() - 1, 0);
    db.push(1);
    db.extend_from_slice(msg);
    mgf1_xor(seed, &mut db);
    let mut masked_seed = *seed;
    mgf1_xor(&db, &mut masked_seed);
    let mut em = Vec::with_capacity(k);
    em.push(0);
    em.extend_from_slice(&masked_seed);
    em.extend_from_slice(&db);
    Ok(em)
}

/// out ^= MGF1-SHA256(seed, out.len()).
fn mgf1_xor(seed: &[u8], out: &mut [u8]) {
    for (counter, chunk) in out.chunks_mut(H_LEN).enumerate() {
        let mut h = Sha256::new();
        h.update(seed);
        h.update((counter as u32).to_be_bytes());
        for (o, m) in chunk.iter_mut().zip(h.finalize()) {
            *o ^= m;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decrypt(key: &rsa::PrivateKey, c: &[u8], label: &[u8]) -> Vec<u8> {
        key.decrypt(rsa::Oaep::<Sha256>::new_with_label(label.to_vec()), c)
            .expect("OAEP decrypt")
    }

    #[test]
    fn wraps_decrypt_with_the_rsa_crate() {
        for bits in [1024usize, 1536, 2048] {
            let key = rsa::PrivateKey::new(&mut rand::rng(), bits).expect("key");
            let w = WrapKey::new(&key.to_public_key()).expect("prepare");
            assert_eq!(w.size(), bits / 8);
            for len in [0usize, 1, 16, 32, 64, bits / 8 - 66].map(|l| l.min(bits / 8 - 66)) {
                let mut msg = vec![0u8; len];
                rand::rng().fill_bytes(&mut msg);
                let c = w.oaep_sha256(&msg, b"TPM2\0").expect("wrap");
                assert_eq!(c.len(), bits / 8);
                assert_eq!(
                    decrypt(&key, &c, b"TPM2\0"),
                    msg,
                    "{bits} bits, {len} bytes"
                );
            }
            assert_eq!(
                w.oaep_sha256(&vec![0u8; bits / 8 - 65], b""),
                Err(WrapError::MessageTooLong)
            );
        }
    }

    #[test]
    fn raw_public_op_recovers_pkcs1_signature_padding() {
        // s^e mod n of a PKCS#1 v1.5 signature is the padded DigestInfo: a deterministic
        // check of the modular exponentiation against the rsa crate's private operation.
        const SHA256_INFO: [u8; 19] = [
            0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
            0x01, 0x05, 0x00, 0x04, 0x20,
        ];
        for bits in [2048usize, 2056] {
            let key = rsa::PrivateKey::new(&mut rand::rng(), bits).expect("key");
            let w = WrapKey::new(&key.to_public_key()).expect("prepare");
            let k = w.size();
            for i in 0..10u8 {
                let h = Sha256::digest([i]);
                let sig = key
                    .sign(rsa::Pkcs1v15Sign::new::<Sha256>(), &h)
                    .expect("sign");
                let mut em = vec![0u8, 1];
                em.resize(k - SHA256_INFO.len() - h.len() - 1, 0xff);
                em.push(0);
                em.extend_from_slice(&SHA256_INFO);
                em.extend_from_slice(&h);
                assert_eq!(w.public_op(&sig), em, "{bits} bits");
            }
        }
    }

    #[test]
    fn bad_keys_are_refused() {
        assert_eq!(
            WrapKey::from_be(&[0xff; 64], &[1, 0, 1]).unwrap_err(),
            WrapError::UnsupportedKey
        );
        let mut even = vec![0xffu8; 256];
        even[255] = 0xfe;
        assert_eq!(
            WrapKey::from_be(&even, &[1, 0, 1]).unwrap_err(),
            WrapError::UnsupportedKey
        );
        assert_eq!(
            WrapKey::from_be(&[0xff; 256], &[1]).unwrap_err(),
            WrapError::UnsupportedKey
        );
        assert_eq!(
            WrapKey::from_be(&[0xff; 256], &[1; 9]).unwrap_err(),
            WrapError::UnsupportedKey
        );
    }
}
