//! Shell completions and man pages generated from the clap definition.

use std::collections::BTreeMap;
use std::io;
use std::path::Path;

use clap_complete::Shell;

/// Completion scripts checked in under `completions/`.
const COMPLETIONS: [(Shell, &str); 3] = [
    (Shell::Bash, "secl.bash"),
    (Shell::Zsh, "_secl"),
    (Shell::Fish, "secl.fish"),
];

/// Every generated file, keyed by its path relative to the repository root
/// (`completions/...`, `man/...`). Deterministic: no dates, no environment.
pub fn generated_docs() -> io::Result<BTreeMap<String, Vec<u8>>> {
    let mut files = BTreeMap::new();
    for (shell, name) in COMPLETIONS {
        let mut cmd = crate::command();
        let mut buf = Vec::new();
        clap_complete::generate(shell, &mut cmd, "secl", &mut buf);
        files.insert(format!("completions/{name}"), buf);
    }
    let mut cmd = crate::command().disable_help_subcommand(true);
    cmd.build();
    man_pages(&cmd, &mut files)?;
    Ok(files)
}

/// The man page of `cmd` and of each of its visible subcommands, recursively.
fn man_pages(cmd: &clap::Command, files: &mut BTreeMap<String, Vec<u8>>) -> io::Result<()> {
    let man = clap_mangen::Man::new(cmd.clone())
        .source(concat!("secl ", env!("CARGO_PKG_VERSION")))
        .manual("secl manual");
    let mut buf = Vec::new();
    man.render(&mut buf)?;
    files.insert(format!("man/{}", man.get_filename()), buf);
    for sub in cmd.get_subcommands() {
        if sub.is_hide_set() || sub.get_name() == "help" {
            continue;
        }
        man_pages(sub, files)?;
    }
    Ok(())
}

/// Writes [`generated_docs`] under `root` (the repository root).
pub fn write_generated_docs(root: &Path) -> io::Result<()> {
    for (rel, bytes) in generated_docs()? {
        let path = root.join(rel);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(path, bytes)?;
    }
    Ok(())
}
