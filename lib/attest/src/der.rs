//! The little DER this crate writes: enough for a TBSCertificate. Hand-written because the
//! certificate extension OIDs minted under `2.25` have a 128-bit arc, which neither rcgen
//! (u64 arcs) nor const-oid (u32 arcs) can encode.

use time::OffsetDateTime;

pub(crate) const TAG_BOOLEAN: u8 = 0x01;
pub(crate) const TAG_INTEGER: u8 = 0x02;
pub(crate) const TAG_BIT_STRING: u8 = 0x03;
pub(crate) const TAG_OCTET_STRING: u8 = 0x04;
pub(crate) const TAG_NULL: u8 = 0x05;
pub(crate) const TAG_OID: u8 = 0x06;
pub(crate) const TAG_UTF8_STRING: u8 = 0x0c;
pub(crate) const TAG_PRINTABLE_STRING: u8 = 0x13;
pub(crate) const TAG_UTC_TIME: u8 = 0x17;
pub(crate) const TAG_GENERALIZED_TIME: u8 = 0x18;
pub(crate) const TAG_SEQUENCE: u8 = 0x30;
pub(crate) const TAG_SET: u8 = 0x31;

/// Tag, definite length, content.
pub(crate) fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(content.len() + 6);
    out.push(tag);
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes = len.to_be_bytes();
        let skip = bytes.iter().take_while(|b| **b == 0).count();
        let n = bytes.len() - skip;
        out.push(0x80 | n as u8);
        out.extend_from_slice(&bytes[skip..]);
    }
    out.extend_from_slice(content);
    out
}

pub(crate) fn seq(parts: &[&[u8]]) -> Vec<u8> {
    tlv(TAG_SEQUENCE, &parts.concat())
}

pub(crate) fn set(parts: &[&[u8]]) -> Vec<u8> {
    tlv(TAG_SET, &parts.concat())
}

/// `[n] EXPLICIT`.
pub(crate) fn explicit(n: u8, content: &[u8]) -> Vec<u8> {
    tlv(0xa0 | (n & 0x1f), content)
}

/// A non-negative INTEGER from its big-endian magnitude.
pub(crate) fn uint(magnitude: &[u8]) -> Vec<u8> {
    let start = magnitude
        .iter()
        .position(|b| *b != 0)
        .unwrap_or(magnitude.len());
    let m = &magnitude[start..];
    let mut content = Vec::with_capacity(m.len() + 1);
    if m.first().is_none_or(|b| b & 0x80 != 0) {
        content.push(0);
    }
    content.extend_from_slice(m);
    tlv(TAG_INTEGER, &content)
}

pub(crate) fn small_uint(v: u8) -> Vec<u8> {
    uint(&[v])
}

pub(crate) fn boolean_true() -> Vec<u8> {
    tlv(TAG_BOOLEAN, &[0xff])
}

pub(crate) fn null() -> Vec<u8> {
    tlv(TAG_NULL, &[])
}

pub(crate) fn octet_string(content: &[u8]) -> Vec<u8> {
    tlv(TAG_OCTET_STRING, content)
}

/// A BIT STRING of whole bytes.
pub(crate) fn bit_string(bytes: &[u8]) -> Vec<u8> {
    let mut content = Vec::with_capacity(bytes.len() + 1);
    content.push(0);
    content.extend_from_slice(bytes);
    tlv(TAG_BIT_STRING, &content)
}

/// A BIT STRING of named bits (bit 0 first, as KeyUsage counts), trailing zero bits dropped
/// as DER requires.
pub(crate) fn named_bits(bits: &[u8]) -> Vec<u8> {
    let Some(&max) = bits.iter().max() else {
        return tlv(TAG_BIT_STRING, &[0]);
    };
    let nbytes = usize::from(max / 8) + 1;
    let mut bytes = vec![0u8; nbytes];
    for &b in bits {
        bytes[usize::from(b / 8)] |= 0x80 >> (b % 8);
    }
    let unused = 7 - (max % 8);
    let mut content = vec![unused];
    content.extend_from_slice(&bytes);
    tlv(TAG_BIT_STRING, &content)
}

/// The content octets of an OBJECT IDENTIFIER (what x509-parser's `Oid::as_bytes` returns).
pub(crate) fn oid_content(arcs: &[u128]) -> Vec<u8> {
    let mut out = Vec::new();
    let (first, rest) = match arcs {
        [a, b, rest @ ..] => (a * 40 + b, rest),
        [a] => (a * 40, &[][..]),
        [] => return out,
    };
    for arc in std::iter::once(first).chain(rest.iter().copied()) {
        let mut groups = Vec::new();
        let mut v = arc;
        loop {
            groups.push((v & 0x7f) as u8);
            v >>= 7;
            if v == 0 {
                break;
            }
        }
        for (i, g) in groups.iter().enumerate().rev() {
            out.push(if i == 0 { *g } else { g | 0x80 });
        }
    }
    out
}

pub(crate) fn oid(arcs: &[u128]) -> Vec<u8> {
    tlv(TAG_OID, &oid_content(arcs))
}

/// Dotted form of OID content octets, for messages; arcs of any size.
pub(crate) fn oid_to_string(content: &[u8]) -> String {
    let mut arcs: Vec<u128> = Vec::new();
    let mut v: u128 = 0;
    for &b in content {
        if v > (u128::MAX >> 7) {
            return format!("<oid {}>", hex::encode(content));
        }
        v = (v << 7) | u128::from(b & 0x7f);
        if b & 0x80 == 0 {
            if arcs.is_empty() {
                let first = if v < 80 { v / 40 } else { 2 };
                arcs.push(first);
                arcs.push(v - first * 40);
            } else {
                arcs.push(v);
            }
            v = 0;
        }
    }
    arcs.iter()
        .map(u128::to_string)
        .collect::<Vec<_>>()
        .join(".")
}

/// A string the way Go's crypto/x509 writes a name attribute: PrintableString when every
/// character allows it, UTF8String otherwise.
pub(crate) fn directory_string(s: &str) -> Vec<u8> {
    let printable = s
        .bytes()
        .all(|c| c.is_ascii_alphanumeric() || b" '()+,-./:=?".contains(&c));
    tlv(
        if printable {
            TAG_PRINTABLE_STRING
        } else {
            TAG_UTF8_STRING
        },
        s.as_bytes(),
    )
}

/// `Name` with a single common name.
pub(crate) fn name_cn(cn: &str) -> Vec<u8> {
    let atv = seq(&[&oid(&[2, 5, 4, 3]), &directory_string(cn)]);
    seq(&[&set(&[&atv])])
}

/// UTCTime through 2049, GeneralizedTime after (RFC 5280 §4.1.2.5), whole seconds, UTC.
pub(crate) fn time(t: OffsetDateTime) -> Vec<u8> {
    let t = t.to_offset(time::UtcOffset::UTC);
    let (y, mo, d, h, mi, s) = (
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second(),
    );
    if (1950..2050).contains(&y) {
        let text = format!("{:02}{mo:02}{d:02}{h:02}{mi:02}{s:02}Z", y % 100);
        tlv(TAG_UTC_TIME, text.as_bytes())
    } else {
        let text = format!("{y:04}{mo:02}{d:02}{h:02}{mi:02}{s:02}Z");
        tlv(TAG_GENERALIZED_TIME, text.as_bytes())
    }
}

/// One `Extension`: OID, critical flag (omitted when false, as DER requires), value.
pub(crate) fn extension(oid_tlv: &[u8], critical: bool, value: &[u8]) -> Vec<u8> {
    if critical {
        seq(&[oid_tlv, &boolean_true(), &octet_string(value)])
    } else {
        seq(&[oid_tlv, &octet_string(value)])
    }
}

/// The content of a DER OCTET STRING that makes up all of `der`, or None.
pub(crate) fn read_octet_string(der: &[u8]) -> Option<&[u8]> {
    let (&tag, rest) = der.split_first()?;
    if tag != TAG_OCTET_STRING {
        return None;
    }
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let n = usize::from(first & 0x7f);
        if n == 0 || n > 4 || rest.len() < n {
            return None;
        }
        let (len_bytes, rest) = rest.split_at(n);
        if len_bytes[0] == 0 {
            return None;
        }
        let len = len_bytes
            .iter()
            .fold(0usize, |acc, b| (acc << 8) | usize::from(*b));
        if len < 0x80 {
            return None;
        }
        (len, rest)
    };
    (rest.len() == len).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn oids_encode_like_openssl() {
        // sha256WithRSAEncryption
        assert_eq!(
            oid(&[1, 2, 840, 113_549, 1, 1, 11]),
            [
                0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b
            ]
        );
        // Intel's 2.5.4.133.3.2.41: 133 needs two base-128 groups.
        assert_eq!(
            oid_content(&[2, 5, 4, 133, 3, 2, 41]),
            [0x55, 0x04, 0x81, 0x05, 0x03, 0x02, 0x29]
        );
        let big = [2, 25, 99_067_498_249_544_570_000_084_251_540_401_827_991, 1];
        let content = oid_content(&big);
        assert_eq!(content[0], 0x69); // 2*40 + 25
        assert_eq!(
            oid_to_string(&content),
            "2.25.99067498249544570000084251540401827991.1"
        );
        assert_eq!(oid_to_string(&[0x55, 0x1d, 0x0f]), "2.5.29.15");
    }

    #[test]
    fn integers_bits_and_lengths() {
        assert_eq!(uint(&[0x00, 0x80]), [0x02, 0x02, 0x00, 0x80]);
        assert_eq!(uint(&[0x00, 0x7f]), [0x02, 0x01, 0x7f]);
        assert_eq!(uint(&[]), [0x02, 0x01, 0x00]);
        // KeyUsage digitalSignature + keyEncipherment, as in Intel's binding certificate.
        assert_eq!(named_bits(&[0, 2]), [0x03, 0x02, 0x05, 0xa0]);
        // keyCertSign + cRLSign, as in Intel's PrivacyCA.
        assert_eq!(named_bits(&[5, 6]), [0x03, 0x02, 0x01, 0x06]);
        let long = tlv(0x04, &[0u8; 300]);
        assert_eq!(long[..4], [0x04, 0x82, 0x01, 0x2c]);
        assert_eq!(read_octet_string(&long), Some(&[0u8; 300][..]));
        assert_eq!(read_octet_string(&long[..long.len() - 1]), None);
        // Non-minimal length encodings are not DER.
        assert_eq!(read_octet_string(&[0x04, 0x81, 0x01, 0xaa]), None);
        assert_eq!(read_octet_string(&[0x04, 0x01, 0xaa]), Some(&[0xaa][..]));
        assert_eq!(read_octet_string(&[0x05, 0x00]), None);
    }

    #[test]
    fn names_and_times_follow_go() {
        // Intel's CA name is a PrintableString, "Binding_Key_Certificate" a UTF8String.
        assert_eq!(
            directory_string("HVS Privacy Certificate")[0],
            TAG_PRINTABLE_STRING
        );
        assert_eq!(
            directory_string("Binding_Key_Certificate")[0],
            TAG_UTF8_STRING
        );
        let t = time::macros::datetime!(2032-11-23 11:23:34 UTC);
        assert_eq!(time(t)[2..], *b"321123112334Z");
        let t = time::macros::datetime!(2050-01-01 00:00:00 UTC);
        assert_eq!(time(t)[0], TAG_GENERALIZED_TIME);
        assert_eq!(time(t)[2..], *b"20500101000000Z");
    }
}
