//! The trust report model and SecL's unsigned assertion shape.

use std::collections::BTreeMap;

use roxmltree::Node;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::xml::{element_children, escape_attr, escape_text, is, leaf_text};
use crate::{Result, SAML_NS, SamlError};

const NAMEID_UNSPECIFIED: &str = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";
const CM_SENDER_VOUCHES: &str = "urn:oasis:names:tc:SAML:2.0:cm:sender-vouches";

/// A host trust report as HVS issues it; attribute order is kept as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustReport {
    /// `saml2:Issuer` (SecL's default: `AttestationService`).
    pub issuer: String,
    /// The Subject NameID (SecL: the service name, `HVS`).
    pub subject_name: String,
    /// `IssueInstant` of the Assertion.
    pub issue_instant: OffsetDateTime,
    /// `SubjectConfirmationData/@NotBefore`.
    pub not_before: OffsetDateTime,
    /// `SubjectConfirmationData/@NotOnOrAfter`.
    pub not_on_or_after: OffsetDateTime,
    /// `(Name, value)` pairs: TRUST_OVERALL, TRUST_PLATFORM, ..., AIK_Certificate (base64 DER),
    /// Binding_Key_Certificate, TPMVersion, HardwareUUID, host info, TAG_*. A name may repeat.
    pub attributes: Vec<(String, String)>,
}

impl TrustReport {
    /// A report by `issuer` about the HVS subject, valid from `issue_instant` for `validity`
    /// (an out-of-range end fails closed: the report is then valid for no time at all).
    pub fn new(
        issuer: impl Into<String>,
        issue_instant: OffsetDateTime,
        validity: time::Duration,
        attributes: Vec<(String, String)>,
    ) -> Self {
        TrustReport {
            issuer: issuer.into(),
            subject_name: "HVS".to_owned(),
            issue_instant,
            not_before: issue_instant,
            not_on_or_after: issue_instant.checked_add(validity).unwrap_or(issue_instant),
            attributes,
        }
    }

    /// SecL's unsigned assertion with the given `ID` (HVS always uses
    /// [`crate::DEFAULT_ASSERTION_ID`]; a unique one is better for audit trails).
    /// No indentation and no XML declaration, as SecL's etree writes it.
    pub fn to_unsigned_xml(&self, id: &str) -> String {
        let mut x = String::with_capacity(1024 + self.attributes.len() * 256);
        x.push_str("<saml2:Assertion ID=\"");
        escape_attr(id, &mut x);
        x.push_str("\" IssueInstant=\"");
        x.push_str(&format_instant(self.issue_instant));
        x.push_str("\" Version=\"2.0\" xmlns:saml2=\"");
        x.push_str(SAML_NS);
        x.push_str("\"><saml2:Issuer>");
        escape_text(&self.issuer, &mut x);
        x.push_str("</saml2:Issuer><saml2:Subject><saml2:NameID Format=\"");
        x.push_str(NAMEID_UNSPECIFIED);
        x.push_str("\">");
        escape_text(&self.subject_name, &mut x);
        x.push_str("</saml2:NameID><saml2:SubjectConfirmation Method=\"");
        x.push_str(CM_SENDER_VOUCHES);
        x.push_str("\"><saml2:NameID Format=\"");
        x.push_str(NAMEID_UNSPECIFIED);
        x.push_str("\"/><saml2:SubjectConfirmationData NotBefore=\"");
        x.push_str(&format_instant(self.not_before));
        x.push_str("\" NotOnOrAfter=\"");
        x.push_str(&format_instant(self.not_on_or_after));
        x.push_str("\"/></saml2:SubjectConfirmation></saml2:Subject><saml2:AttributeStatement>");
        for (name, value) in &self.attributes {
            x.push_str("<saml2:Attribute Name=\"");
            escape_attr(name, &mut x);
            x.push_str(
                "\"><saml2:AttributeValue xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" \
                 xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"xsd:string\">",
            );
            escape_text(value, &mut x);
            x.push_str("</saml2:AttributeValue></saml2:Attribute>");
        }
        x.push_str("</saml2:AttributeStatement></saml2:Assertion>");
        x
    }

    /// Reads a report WITHOUT checking its signature or validity, for display and diagnostics
    /// only; never base a trust decision on it (use [`crate::verify`]).
    pub fn parse_unverified(xml: &[u8]) -> Result<TrustReport> {
        let text = crate::verify::as_text(xml)?;
        let doc = crate::xml::parse(text)?;
        let fields = read_assertion(doc.root_element())?;
        Ok(TrustReport {
            issuer: fields.issuer,
            subject_name: fields.subject_name,
            issue_instant: fields.issue_instant,
            not_before: fields.not_before,
            not_on_or_after: fields.not_on_or_after,
            attributes: fields.attribute_list,
        })
    }
}

/// RFC 3339 in UTC with milliseconds, trailing zeros trimmed, like HVS (`2022-11-24T10:11:25.86Z`).
pub fn format_instant(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    let mut s = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    );
    let ms = t.millisecond();
    if ms != 0 {
        let frac = format!("{ms:03}");
        s.push('.');
        s.push_str(frac.trim_end_matches('0'));
    }
    s.push('Z');
    s
}

pub(crate) fn parse_instant(s: &str, what: &str) -> Result<OffsetDateTime> {
    OffsetDateTime::parse(s, &Rfc3339)
        .map_err(|_| SamlError::malformed(format!("{what} is not an RFC 3339 time: {s:?}")))
}

/// What a SecL assertion says, read from the root Assertion element only.
pub(crate) struct AssertionFields {
    pub id: String,
    pub issuer: String,
    pub subject_name: String,
    pub issue_instant: OffsetDateTime,
    pub not_before: OffsetDateTime,
    pub not_on_or_after: OffsetDateTime,
    /// Conditions/@NotBefore and @NotOnOrAfter when a Conditions element is present.
    pub conditions: (Option<OffsetDateTime>, Option<OffsetDateTime>),
    pub attribute_list: Vec<(String, String)>,
    pub attributes: BTreeMap<String, Vec<String>>,
}

/// Reads the root Assertion's own children; nothing outside `root` is consulted.
pub(crate) fn read_assertion(root: Node<'_, '_>) -> Result<AssertionFields> {
    if !is(root, SAML_NS, "Assertion") {
        return Err(SamlError::malformed(
            "document element is not a saml2:Assertion",
        ));
    }
    let id = root
        .attribute("ID")
        .filter(|v| !v.is_empty())
        .ok_or_else(|| SamlError::malformed("Assertion has no ID"))?
        .to_owned();
    if root.attribute("Version") != Some("2.0") {
        return Err(SamlError::malformed("Assertion Version is not 2.0"));
    }
    let issue_instant = parse_instant(
        root.attribute("IssueInstant")
            .ok_or_else(|| SamlError::malformed("Assertion has no IssueInstant"))?,
        "IssueInstant",
    )?;

    let children = element_children(root)?;
    let only = |local: &str| -> Result<Option<Node<'_, '_>>> {
        let mut it = children.iter().filter(|n| is(**n, SAML_NS, local));
        let first = it.next().copied();
        if it.next().is_some() {
            return Err(SamlError::malformed(format!("more than one saml2:{local}")));
        }
        Ok(first)
    };
    let issuer = leaf_text(only("Issuer")?.ok_or_else(|| SamlError::malformed("no Issuer"))?)?;
    let subject = only("Subject")?.ok_or_else(|| SamlError::malformed("no Subject"))?;
    let (subject_name, not_before, not_on_or_after) = read_subject(subject)?;

    let conditions = match only("Conditions")? {
        None => (None, None),
        Some(c) => (
            c.attribute("NotBefore")
                .map(|v| parse_instant(v, "Conditions/@NotBefore"))
                .transpose()?,
            c.attribute("NotOnOrAfter")
                .map(|v| parse_instant(v, "Conditions/@NotOnOrAfter"))
                .transpose()?,
        ),
    };

    let mut attribute_list = Vec::new();
    let mut attributes: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for statement in children
        .iter()
        .filter(|n| is(**n, SAML_NS, "AttributeStatement"))
    {
        for attr in element_children(*statement)? {
            if !is(attr, SAML_NS, "Attribute") {
                continue;
            }
            let name = attr
                .attribute("Name")
                .ok_or_else(|| SamlError::malformed("Attribute without Name"))?;
            let values = attributes.entry(name.to_owned()).or_default();
            for value in element_children(attr)? {
                if is(value, SAML_NS, "AttributeValue") {
                    let v = leaf_text(value)?;
                    attribute_list.push((name.to_owned(), v.clone()));
                    values.push(v);
                }
            }
        }
    }
    Ok(AssertionFields {
        id,
        issuer,
        subject_name,
        issue_instant,
        not_before,
        not_on_or_after,
        conditions,
        attribute_list,
        attributes,
    })
}

fn read_subject(subject: Node<'_, '_>) -> Result<(String, OffsetDateTime, OffsetDateTime)> {
    let children = element_children(subject)?;
    let name_id = children
        .iter()
        .find(|n| is(**n, SAML_NS, "NameID"))
        .map(|n| leaf_text(*n))
        .transpose()?
        .unwrap_or_default();
    let mut confirmations = children
        .iter()
        .filter(|n| is(**n, SAML_NS, "SubjectConfirmation"));
    let confirmation = confirmations
        .next()
        .ok_or_else(|| SamlError::malformed("no SubjectConfirmation"))?;
    if confirmations.next().is_some() {
        return Err(SamlError::malformed("more than one SubjectConfirmation"));
    }
    let data: Vec<_> = element_children(*confirmation)?
        .into_iter()
        .filter(|n| is(*n, SAML_NS, "SubjectConfirmationData"))
        .collect();
    let [data] = data.as_slice() else {
        return Err(SamlError::malformed(
            "expected exactly one SubjectConfirmationData",
        ));
    };
    let get = |attr: &str| -> Result<OffsetDateTime> {
        let v = data.attribute(attr).ok_or_else(|| {
            SamlError::malformed(format!("SubjectConfirmationData has no {attr}"))
        })?;
        parse_instant(v, attr)
    };
    Ok((name_id, get("NotBefore")?, get("NotOnOrAfter")?))
}
