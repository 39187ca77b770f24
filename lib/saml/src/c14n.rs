//! Inclusive Canonical XML 1.0 (with or without comments) over a roxmltree subtree.
//!
//! The node-sets XML-DSig needs here are "an element and its descendants, minus one excluded
//! subtree" (the enveloped Signature, or nothing for SignedInfo), so the general XPath machinery
//! reduces to a tree walk: the apex element renders every in-scope namespace (and, being a subset
//! apex, the `xml:*` attributes it inherits), descendants render only declarations that differ
//! from their parent's. Prefixes are recovered from the source text because roxmltree keeps only
//! expanded names, and C14N must keep the prefixes as written.

use std::borrow::Cow;

use roxmltree::{Namespace, Node, NodeId, NodeType};

use crate::xml::{escape_attr, escape_text};
use crate::{Result, SamlError};

const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// More in-scope namespaces than this on one element is refused: a SAML report has a handful,
/// and the limit keeps the per-element namespace comparison cheap on hostile input.
pub(crate) const MAX_IN_SCOPE_NAMESPACES: usize = 64;

/// Canonicalizes the whole document element of `xml` (inclusive C14N 1.0); a test and
/// debugging aid that uses exactly the code the verifier uses.
pub fn canonicalize_document(xml: &str, with_comments: bool) -> Result<String> {
    let doc = crate::xml::parse(xml)?;
    canonicalize(doc.root_element(), None, with_comments)
}

/// Canonical form of `apex` and its descendants, leaving out the subtree rooted at `exclude`.
pub(crate) fn canonicalize(
    apex: Node<'_, '_>,
    exclude: Option<NodeId>,
    with_comments: bool,
) -> Result<String> {
    if !apex.is_element() {
        return Err(SamlError::malformed(
            "canonicalization apex is not an element",
        ));
    }
    enum Step<'a, 'i> {
        Enter(Node<'a, 'i>),
        Leave(Node<'a, 'i>),
    }
    let mut out = String::with_capacity(apex.range().len() + 256);
    // Explicit stack: nesting depth comes from the input and must not reach the call stack.
    let mut stack = vec![Step::Enter(apex)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(node) => match node.node_type() {
                NodeType::Element => {
                    if Some(node.id()) == exclude {
                        continue;
                    }
                    start_tag(node, node == apex, &mut out)?;
                    stack.push(Step::Leave(node));
                    stack.extend(node.children().rev().map(Step::Enter));
                }
                NodeType::Text => escape_text(node.text().unwrap_or(""), &mut out),
                NodeType::Comment => {
                    if with_comments {
                        out.push_str("<!--");
                        out.push_str(node.text().unwrap_or(""));
                        out.push_str("-->");
                    }
                }
                NodeType::PI => {
                    if let Some(pi) = node.pi() {
                        out.push_str("<?");
                        out.push_str(pi.target);
                        if let Some(v) = pi.value.filter(|v| !v.is_empty()) {
                            out.push(' ');
                            out.push_str(v);
                        }
                        out.push_str("?>");
                    }
                }
                NodeType::Root => {}
            },
            Step::Leave(node) => {
                out.push_str("</");
                out.push_str(element_qname(node)?);
                out.push('>');
            }
        }
    }
    Ok(out)
}

fn start_tag(node: Node<'_, '_>, is_apex: bool, out: &mut String) -> Result<()> {
    out.push('<');
    out.push_str(element_qname(node)?);

    for (prefix, uri) in namespace_declarations(node, is_apex)? {
        if prefix.is_empty() {
            out.push_str(" xmlns=\"");
        } else {
            out.push_str(" xmlns:");
            out.push_str(prefix);
            out.push_str("=\"");
        }
        escape_attr(uri, out);
        out.push('"');
    }

    // (namespace URI, local name, qualified name, value); no-namespace attributes sort first.
    let mut attrs: Vec<(&str, &str, Cow<'_, str>, &str)> = Vec::new();
    for a in node.attributes() {
        let qname = attribute_qname(node, &a)?;
        attrs.push((
            a.namespace().unwrap_or(""),
            a.name(),
            Cow::Borrowed(qname),
            a.value(),
        ));
    }
    if is_apex {
        // A subset apex carries the xml:* attributes it inherits; the nearest ancestor wins.
        for anc in node.ancestors().skip(1).filter(|n| n.is_element()) {
            for a in anc.attributes().filter(|a| a.namespace() == Some(XML_NS)) {
                if !attrs.iter().any(|x| x.0 == XML_NS && x.1 == a.name()) {
                    attrs.push((
                        XML_NS,
                        a.name(),
                        Cow::Owned(format!("xml:{}", a.name())),
                        a.value(),
                    ));
                }
            }
        }
    }
    attrs.sort_by(|x, y| (x.0, x.1).cmp(&(y.0, y.1)));
    for (_, _, qname, value) in &attrs {
        out.push(' ');
        out.push_str(qname);
        out.push_str("=\"");
        escape_attr(value, out);
        out.push('"');
    }
    out.push('>');
    Ok(())
}

/// The namespace declarations C14N renders on `node`, default namespace first, then by prefix.
fn namespace_declarations<'a>(
    node: Node<'a, '_>,
    is_apex: bool,
) -> Result<Vec<(&'a str, &'a str)>> {
    let parent_node = node.parent_element().filter(|_| !is_apex);
    // roxmltree shares (and deduplicates) namespace entries: identical lists mean nothing new.
    // Checked on the iterators first, so the common case (no declaration) allocates nothing.
    if let Some(p) = parent_node {
        let (own, parent) = (node.namespaces(), p.namespaces());
        if own.len() <= MAX_IN_SCOPE_NAMESPACES
            && own.len() == parent.len()
            && own.zip(parent).all(|(a, b)| std::ptr::eq(a, b))
        {
            return Ok(Vec::new());
        }
    }
    let own = in_scope(node)?;
    let parent = match parent_node {
        Some(p) => in_scope(p)?,
        None => Vec::new(),
    };
    let mut decls = Vec::new();
    let own_default = default_ns(&own);
    if own_default != default_ns(&parent) {
        // An undeclaration (xmlns="") only when the output parent had a non-empty default.
        decls.push(("", own_default.unwrap_or("")));
    }
    for ns in &own {
        if let Some(prefix) = ns.name() {
            let inherited = parent
                .iter()
                .find(|p| p.name() == Some(prefix))
                .map(|p| p.uri());
            if inherited != Some(ns.uri()) {
                decls.push((prefix, ns.uri()));
            }
        }
    }
    decls.sort();
    Ok(decls)
}

/// The non-empty default namespace of an in-scope list (`xmlns=""` means none).
fn default_ns<'a>(list: &[&'a Namespace<'_>]) -> Option<&'a str> {
    list.iter()
        .find(|ns| ns.name().is_none())
        .map(|ns| ns.uri())
        .filter(|u| !u.is_empty())
}

fn in_scope<'a, 'i>(node: Node<'a, 'i>) -> Result<Vec<&'a Namespace<'i>>> {
    let iter = node.namespaces();
    if iter.len() > MAX_IN_SCOPE_NAMESPACES {
        return Err(SamlError::malformed("too many namespace declarations"));
    }
    Ok(iter.collect())
}

/// The element's qualified name as written (roxmltree keeps only the expanded name, C14N keeps
/// prefixes); checked against the parsed name so a position mix-up cannot go unnoticed.
pub(crate) fn element_qname<'i>(node: Node<'_, 'i>) -> Result<&'i str> {
    let bad = || SamlError::malformed("cannot recover an element name");
    let text = node.document().input_text();
    let rest = text
        .get(node.range().start..)
        .and_then(|s| s.strip_prefix('<'))
        .ok_or_else(bad)?;
    let end = rest
        .find([' ', '\t', '\n', '\r', '/', '>'])
        .unwrap_or(rest.len());
    let qname = &rest[..end];
    let tag = node.tag_name();
    // roxmltree reports an element under `xmlns=""` as in namespace "": the same as none.
    let tag_ns = tag.namespace().filter(|u| !u.is_empty());
    let ok = match qname.split_once(':') {
        Some((p, l)) => l == tag.name() && node.lookup_namespace_uri(Some(p)) == tag_ns,
        None => {
            let default = node.lookup_namespace_uri(None).filter(|u| !u.is_empty());
            qname == tag.name() && default == tag_ns
        }
    };
    if ok { Ok(qname) } else { Err(bad()) }
}

fn attribute_qname<'i>(node: Node<'_, 'i>, a: &roxmltree::Attribute<'_, 'i>) -> Result<&'i str> {
    let bad = || SamlError::malformed("cannot recover an attribute name");
    let text = node.document().input_text();
    let qname = text.get(a.range_qname()).ok_or_else(bad)?;
    let ok = match qname.split_once(':') {
        Some(("xml", l)) => l == a.name() && a.namespace() == Some(XML_NS),
        Some((p, l)) => l == a.name() && node.lookup_namespace_uri(Some(p)) == a.namespace(),
        None => qname == a.name() && a.namespace().is_none(),
    };
    if ok { Ok(qname) } else { Err(bad()) }
}

#[cfg(test)]
mod tests {
    use super::canonicalize_document as c14n;

    /// W3C C14N 1.0 example 3.2 (whitespace in content is kept as is).
    #[test]
    fn w3c_whitespace_in_content() {
        let doc = "<doc>\n   <clean>   </clean>\n   <dirty>   A   B   </dirty>\n   <mixed>\n      A\n      <clean>   </clean>\n      B\n      <dirty>   A   B   </dirty>\n      C\n   </mixed>\n</doc>";
        assert_eq!(c14n(doc, true).unwrap(), doc);
    }

    /// W3C example 3.3 (start and end tags), minus its DTD-defaulted attribute.
    #[test]
    fn w3c_start_and_end_tags() {
        let input = r#"<doc>
   <e1   />
   <e2   ></e2>
   <e3   name = "elem3"   id="elem3"   />
   <e4   name="elem4"   id="elem4"   ></e4>
   <e5 a:attr="out" b:attr="sorted" attr2="all" attr="I'm"
      xmlns:b="http://www.ietf.org"
      xmlns:a="http://www.w3.org"
      xmlns="http://example.org"/>
   <e6 xmlns="" xmlns:a="http://www.w3.org">
      <e7 xmlns="http://www.ietf.org">
         <e8 xmlns="" xmlns:a="http://www.w3.org">
            <e9 xmlns="" xmlns:a="http://www.ietf.org"/>
         </e8>
      </e7>
   </e6>
</doc>"#;
        let expected = r#"<doc>
   <e1></e1>
   <e2></e2>
   <e3 id="elem3" name="elem3"></e3>
   <e4 id="elem4" name="elem4"></e4>
   <e5 xmlns="http://example.org" xmlns:a="http://www.w3.org" xmlns:b="http://www.ietf.org" attr="I'm" attr2="all" b:attr="sorted" a:attr="out"></e5>
   <e6 xmlns:a="http://www.w3.org">
      <e7 xmlns="http://www.ietf.org">
         <e8 xmlns="">
            <e9 xmlns:a="http://www.ietf.org"></e9>
         </e8>
      </e7>
   </e6>
</doc>"#;
        assert_eq!(c14n(input, true).unwrap(), expected);
    }

    /// W3C example 3.4 (character modifications and references), attributes as CDATA.
    #[test]
    fn w3c_character_modifications() {
        let input = "<doc>\n   <text>First line&#x0d;&#10;Second line</text>\n   <value>&#x32;</value>\n   <compute><![CDATA[value>\"0\" && value<\"10\" ?\"valid\":\"error\"]]></compute>\n   <compute expr='value>\"0\" &amp;&amp; value&lt;\"10\" ?\"valid\":\"error\"'>valid</compute>\n   <norm attr=' &apos;   &#x20;&#13;&#xa;&#9;   &apos; '/>\n</doc>";
        let expected = "<doc>\n   <text>First line&#xD;\nSecond line</text>\n   <value>2</value>\n   <compute>value&gt;\"0\" &amp;&amp; value&lt;\"10\" ?\"valid\":\"error\"</compute>\n   <compute expr=\"value>&quot;0&quot; &amp;&amp; value&lt;&quot;10&quot; ?&quot;valid&quot;:&quot;error&quot;\">valid</compute>\n   <norm attr=\" '    &#xD;&#xA;&#x9;   ' \"></norm>\n</doc>";
        assert_eq!(c14n(input, true).unwrap(), expected);
    }

    #[test]
    fn comments_pis_and_line_ends() {
        let input = "<doc>\r\n<?pi   data  ?><!-- c -->x\ry<e attr=\"a\r\nb\"/></doc>";
        assert_eq!(
            c14n(input, true).unwrap(),
            "<doc>\n<?pi data  ?><!-- c -->x\ny<e attr=\"a b\"></e></doc>"
        );
        assert_eq!(
            c14n(input, false).unwrap(),
            "<doc>\n<?pi data  ?>x\ny<e attr=\"a b\"></e></doc>"
        );
    }

    #[test]
    fn superfluous_declarations_are_dropped_and_prefixes_kept() {
        let input =
            r#"<p:a xmlns:p="urn:p" xmlns:q="urn:p"><q:b xmlns:p="urn:p" q:x="1" p:y="2"/></p:a>"#;
        // Same URI under two prefixes: names keep their own prefix; attributes sort by URI
        // then local name.
        assert_eq!(
            c14n(input, true).unwrap(),
            r#"<p:a xmlns:p="urn:p" xmlns:q="urn:p"><q:b q:x="1" p:y="2"></q:b></p:a>"#
        );
    }
}
