//! Input named on the command line: a file, or standard input for `-`.

use std::io::Read as _;
use std::path::Path;

use anyhow::{Context as _, anyhow};

/// Largest flavor, policy, PEM or token input read.
const MAX_INPUT: u64 = 1024 * 1024;

/// Reads a file, or stdin for `-`, refusing more than [`MAX_INPUT`] bytes and empty input.
pub(crate) fn read(path: &Path) -> anyhow::Result<Vec<u8>> {
    let mut buf = Vec::new();
    if path == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(MAX_INPUT + 1)
            .read_to_end(&mut buf)
            .context("cannot read standard input")?;
    } else {
        std::fs::File::open(path)
            .and_then(|f| f.take(MAX_INPUT + 1).read_to_end(&mut buf))
            .with_context(|| format!("cannot read {}", path.display()))?;
    }
    if buf.len() as u64 > MAX_INPUT {
        return Err(anyhow!("{} is larger than {MAX_INPUT} bytes", name(path)));
    }
    if buf.is_empty() {
        return Err(anyhow!("{} is empty", name(path)));
    }
    Ok(buf)
}

/// Like [`read`], also refusing input that is only white space.
pub(crate) fn read_nonblank(path: &Path) -> anyhow::Result<Vec<u8>> {
    let buf = read(path)?;
    if buf.iter().all(u8::is_ascii_whitespace) {
        return Err(anyhow!("{} is empty", name(path)));
    }
    Ok(buf)
}

/// What `path` is called in messages.
fn name(path: &Path) -> String {
    if path == Path::new("-") {
        "standard input".to_string()
    } else {
        path.display().to_string()
    }
}
