//! SecL permission rules: a token carries rules like `keys:create:*` or `*:*:*`; a route requires
//! a permission `resource:action`.
//!
//! A rule `a:b[:c]` grants `x:y` when `a` is `*` or `x`, `b` is `*` or `y`, and the optional third
//! part (SecL's context) is `*`. Context-restricted rules are refused rather than guessed at.

use std::fmt;
use std::str::FromStr;

/// What a route requires: `resource:action`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Permission {
    pub resource: &'static str,
    pub action: &'static str,
}

impl Permission {
    pub const fn new(resource: &'static str, action: &'static str) -> Self {
        Self { resource, action }
    }
}

impl fmt::Display for Permission {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.resource, self.action)
    }
}

/// One granted rule, parsed and validated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    resource: String,
    action: String,
    context: Option<String>,
}

/// Why a rule string was refused.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum RuleError {
    #[error("permission rule {0:?} must have the form resource:action[:context]")]
    Shape(String),
    #[error("permission rule {0:?} may only use letters, digits, '_', '-' and '*'")]
    Characters(String),
}

impl FromStr for Rule {
    type Err = RuleError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let parts: Vec<&str> = s.split(':').collect();
        if !(2..=3).contains(&parts.len()) || parts.iter().any(|p| p.is_empty()) {
            return Err(RuleError::Shape(s.to_string()));
        }
        let ok = |p: &str| {
            p == "*"
                || p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        };
        if !parts.iter().all(|p| ok(p)) {
            return Err(RuleError::Characters(s.to_string()));
        }
        Ok(Rule {
            resource: parts[0].to_string(),
            action: parts[1].to_string(),
            context: parts.get(2).map(|c| c.to_string()),
        })
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.resource, self.action)?;
        if let Some(c) = &self.context {
            write!(f, ":{c}")?;
        }
        Ok(())
    }
}

impl Rule {
    /// Does this rule grant `want`?
    pub fn grants(&self, want: Permission) -> bool {
        (self.resource == "*" || self.resource == want.resource)
            && (self.action == "*" || self.action == want.action)
            && self.context.as_deref().is_none_or(|c| c == "*")
    }
}

/// True when any of `rules` grants `want`.
pub fn any_grants<'a>(rules: impl IntoIterator<Item = &'a Rule>, want: Permission) -> bool {
    rules.into_iter().any(|r| r.grants(want))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str) -> Rule {
        s.parse().unwrap()
    }

    const CREATE: Permission = Permission::new("keys", "create");

    #[test]
    fn allow_deny_matrix() {
        let cases = [
            ("*:*:*", true),
            ("*:*", true),
            ("keys:*", true),
            ("keys:create", true),
            ("keys:create:*", true),
            ("*:create:*", true),
            ("keys:transfer:*", false),
            ("saml_certificates:create:*", false),
            ("keys:create:tenant1", false),
            ("keys_x:create", false),
        ];
        for (rule, want) in cases {
            assert_eq!(r(rule).grants(CREATE), want, "{rule}");
        }
    }

    #[test]
    fn malformed_rules_are_refused() {
        for bad in [
            "",
            "keys",
            "keys:",
            ":create",
            "a:b:c:d",
            "keys:cre ate",
            "k$:x",
        ] {
            assert!(bad.parse::<Rule>().is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn display_round_trips() {
        for s in ["keys:create", "*:*:*", "audit:search:*"] {
            assert_eq!(r(s).to_string(), s);
        }
    }
}
