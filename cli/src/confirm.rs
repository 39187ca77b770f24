//! Confirmation of destructive commands: asked on a terminal, `--yes` everywhere else.

use std::io::IsTerminal as _;

use anyhow::Context as _;

use crate::error::{Hinted, exit, hinted};

/// Whether a destructive command needs an interactive confirmation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    /// `--yes` was given.
    Given,
    /// Ask on the terminal.
    Ask,
}

/// Refuses a destructive command without `--yes` when nobody can be asked. Runs before any
/// connection is made.
pub fn confirmation_gate(yes: bool) -> anyhow::Result<Confirm> {
    if yes {
        return Ok(Confirm::Given);
    }
    if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
        return Ok(Confirm::Ask);
    }
    Err(hinted(
        "refusing to delete without confirmation: standard input is not a terminal",
        "pass --yes to confirm",
    ))
}

/// Asks `question` (default no) unless `--yes` was given.
pub fn confirm(mode: Confirm, question: &str) -> anyhow::Result<()> {
    if mode == Confirm::Given {
        return Ok(());
    }
    let answer = dialoguer::Confirm::new()
        .with_prompt(crate::error::clean(question))
        .default(false)
        .interact_opt()
        .context("cannot ask for confirmation")?;
    if answer == Some(true) {
        Ok(())
    } else {
        Err(anyhow::Error::new(Hinted {
            message: "aborted; nothing was changed".into(),
            hint: None,
            code: exit::ERROR,
        }))
    }
}
