//! Parsing with the limits every entry point shares, and small tree helpers.

use roxmltree::{Document, Node, ParsingOptions};

use crate::{Result, SamlError};

/// Caps the node count so hostile input cannot make the tree (or the canonical form) huge.
const NODES_LIMIT: u32 = 100_000;

/// Parses `text` as XML, refusing any DOCTYPE before and during parsing.
pub(crate) fn parse(text: &str) -> Result<Document<'_>> {
    if contains_doctype(text) {
        return Err(SamlError::Doctype);
    }
    check_declared_encoding(text)?;
    let opts = ParsingOptions {
        allow_dtd: false,
        nodes_limit: NODES_LIMIT,
        ..ParsingOptions::default()
    };
    Document::parse_with_options(text, opts).map_err(|e| match e {
        roxmltree::Error::DtdDetected => SamlError::Doctype,
        e => SamlError::Malformed(format!("not well-formed XML: {e}")),
    })
}

/// The input is decoded as UTF-8; a declaration claiming another encoding would make other
/// parsers (the signer's) see different characters, so it is refused rather than ignored.
fn check_declared_encoding(text: &str) -> Result<()> {
    let Some(decl) = text
        .strip_prefix("<?xml")
        .and_then(|r| r.split_once("?>"))
        .map(|(d, _)| d)
    else {
        return Ok(());
    };
    let Some((_, rest)) = decl.split_once("encoding") else {
        return Ok(());
    };
    let value = rest
        .trim_start_matches(|c: char| is_xml_space(c) || c == '=')
        .trim_start_matches(['"', '\''])
        .split(['"', '\''])
        .next()
        .unwrap_or("");
    if value.eq_ignore_ascii_case("utf-8") || value.eq_ignore_ascii_case("utf8") {
        Ok(())
    } else {
        Err(SamlError::malformed(format!(
            "unsupported encoding {value:?}"
        )))
    }
}

/// True if a `<!DOCTYPE` appears anywhere (any case): refused even where the parser might cope.
fn contains_doctype(text: &str) -> bool {
    const NEEDLE: &[u8] = b"<!doctype";
    let bytes = text.as_bytes();
    // Only a `<` can start the needle: skip to each one instead of comparing every window.
    bytes.iter().enumerate().any(|(i, b)| {
        *b == b'<'
            && bytes
                .get(i..i + NEEDLE.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(NEEDLE))
    })
}

/// True if `node` is an element named `local` in namespace `ns`.
pub(crate) fn is(node: Node<'_, '_>, ns: &str, local: &str) -> bool {
    node.is_element() && node.tag_name().namespace() == Some(ns) && node.tag_name().name() == local
}

/// The element children of `node`, refusing non-whitespace text and processing instructions
/// between them (comments are tolerated: canonicalization keeps or drops them consistently).
pub(crate) fn element_children<'a, 'i>(node: Node<'a, 'i>) -> Result<Vec<Node<'a, 'i>>> {
    let mut out = Vec::new();
    for child in node.children() {
        match child.node_type() {
            roxmltree::NodeType::Element => out.push(child),
            roxmltree::NodeType::Text => {
                if !child.text().unwrap_or("").chars().all(is_xml_space) {
                    return Err(SamlError::malformed(format!(
                        "unexpected text inside <{}>",
                        node.tag_name().name()
                    )));
                }
            }
            roxmltree::NodeType::Comment => {}
            _ => {
                return Err(SamlError::malformed(format!(
                    "unexpected node inside <{}>",
                    node.tag_name().name()
                )));
            }
        }
    }
    Ok(out)
}

/// The character content of a leaf element: text only, no child elements, comments or PIs.
pub(crate) fn leaf_text(node: Node<'_, '_>) -> Result<String> {
    let mut out = String::new();
    for child in node.children() {
        match child.node_type() {
            roxmltree::NodeType::Text => out.push_str(child.text().unwrap_or("")),
            _ => {
                return Err(SamlError::malformed(format!(
                    "<{}> must contain text only",
                    node.tag_name().name()
                )));
            }
        }
    }
    Ok(out)
}

pub(crate) fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

fn is_xml_space_byte(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// Escapes character data for element content.
pub(crate) fn escape_text(s: &str, out: &mut String) {
    escape_with(s, out, |b| match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'\r' => Some("&#xD;"),
        _ => None,
    });
}

/// Escapes an attribute value for a double-quoted attribute (also the C14N attribute rules).
pub(crate) fn escape_attr(s: &str, out: &mut String) {
    escape_with(s, out, |b| match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'"' => Some("&quot;"),
        b'\t' => Some("&#x9;"),
        b'\n' => Some("&#xA;"),
        b'\r' => Some("&#xD;"),
        _ => None,
    });
}

/// Copies `s` to `out`, replacing the ASCII bytes `escape` names; runs without any are copied
/// whole (every escaped byte is ASCII, so the cuts fall on character boundaries).
fn escape_with(s: &str, out: &mut String, escape: impl Fn(u8) -> Option<&'static str>) {
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        if let Some(rep) = escape(b) {
            out.push_str(&s[start..i]);
            out.push_str(rep);
            start = i + 1;
        }
    }
    out.push_str(&s[start..]);
}

/// Decodes base64 that may be wrapped over lines (xmlsec1 wraps at 64 columns).
pub(crate) fn decode_b64(s: &str, what: &str) -> Result<Vec<u8>> {
    use base64::Engine;
    let bytes = s.as_bytes();
    let compact: std::borrow::Cow<'_, [u8]> = if bytes.iter().any(|b| is_xml_space_byte(*b)) {
        bytes
            .iter()
            .copied()
            .filter(|b| !is_xml_space_byte(*b))
            .collect::<Vec<u8>>()
            .into()
    } else {
        bytes.into()
    };
    base64::engine::general_purpose::STANDARD
        .decode(&compact)
        .map_err(|_| SamlError::malformed(format!("{what} is not valid base64")))
}

pub(crate) fn encode_b64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}
