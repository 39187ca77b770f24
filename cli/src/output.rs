//! Printing: aligned tables, key/value blocks and pretty JSON.

use std::io::{self, Write};

use serde::Serialize;
use time::OffsetDateTime;
use time::macros::format_description;

use crate::args::OutputFormat;
use crate::error::clean;

/// How a command prints: the global `--output` and `--quiet`.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    pub format: OutputFormat,
    pub quiet: bool,
}

impl Ctx {
    pub fn json(&self) -> bool {
        self.format == OutputFormat::Json
    }

    /// A message for people; not shown with `--quiet` or `--output json`.
    pub fn say(&self, text: &str) {
        if !self.quiet && !self.json() {
            note(text);
        }
    }
}

/// Writes `text` to stdout. A closed pipe (`secl ... | head`) is not an error.
pub fn out(text: &str) -> io::Result<()> {
    let mut stdout = io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        r => r,
    }
}

/// Writes a line to stderr, ignoring failures (there is nowhere else to report them).
pub fn note(text: &str) {
    let _ = writeln!(io::stderr().lock(), "{text}");
}

/// Pretty JSON of `value`, with a final newline.
pub fn json<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<String> {
    let mut s = serde_json::to_string_pretty(value)?;
    s.push('\n');
    Ok(s)
}

/// Columns aligned with two spaces between them; every cell is cleaned of control characters.
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| clean(c)).collect())
        .collect();
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
    for row in &rows {
        for (i, cell) in row.iter().enumerate() {
            if let Some(w) = widths.get_mut(i) {
                *w = (*w).max(cell.chars().count());
            }
        }
    }
    let mut text = String::new();
    let header: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
    for row in std::iter::once(&header).chain(rows.iter()) {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate().take(widths.len()) {
            if i > 0 {
                line.push_str("  ");
            }
            line.push_str(cell);
            let pad = widths[i].saturating_sub(cell.chars().count());
            line.extend(std::iter::repeat_n(' ', pad));
        }
        text.push_str(line.trim_end());
        text.push('\n');
    }
    text
}

/// `Label:  value` lines with the values aligned; empty values are left out.
pub fn fields(pairs: &[(&str, String)]) -> String {
    let width = pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, _)| k.chars().count() + 1)
        .max()
        .unwrap_or(0);
    let mut text = String::new();
    for (k, v) in pairs.iter().filter(|(_, v)| !v.is_empty()) {
        let label = format!("{k}:");
        text.push_str(&format!("{label:<width$}  {}\n", clean(v)));
    }
    text
}

/// `2025-01-31 12:00:00Z` (UTC, whole seconds).
pub fn time(t: OffsetDateTime) -> String {
    let fmt = format_description!("[year]-[month]-[day] [hour]:[minute]:[second]Z");
    t.to_offset(time::UtcOffset::UTC)
        .format(fmt)
        .unwrap_or_else(|_| t.to_string())
}

/// `time` of an optional date, or `default`.
pub fn opt_time(t: Option<OffsetDateTime>, default: &str) -> String {
    t.map(time).unwrap_or_else(|| default.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align() {
        let t = table(
            &["ID", "NAME", "X"],
            &[
                vec!["1".into(), "long name".into(), "".into()],
                vec!["22".into(), "n\x1b".into(), "y".into()],
            ],
        );
        assert_eq!(t, "ID  NAME       X\n1   long name\n22  n          y\n");
    }

    #[test]
    fn fields_align_and_skip_empty() {
        let f = fields(&[
            ("ID", "1".into()),
            ("Label", String::new()),
            ("Long label", "v".into()),
        ]);
        assert_eq!(f, "ID:          1\nLong label:  v\n");
    }

    #[test]
    fn times_are_utc_seconds() {
        let t = time::macros::datetime!(2025-01-31 13:00:00.123 +01:00);
        assert_eq!(super::time(t), "2025-01-31 12:00:00Z");
    }
}
