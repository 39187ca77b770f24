//! Confirmation of destructive commands: asked on a terminal, `--yes` everywhere else.

use std::future::Future;
use std::io::IsTerminal as _;

use anyhow::Context as _;
use serde_json::json;
use uuid::Uuid;

use crate::error::{Hinted, exit, hinted};
use crate::output::{self, Ctx, out};

/// Whether a destructive command needs an interactive confirmation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Confirm {
    /// `--yes` was given.
    Given,
    /// Ask on the terminal.
    Ask,
}

/// Refuses a destructive command without `--yes` when nobody can be asked; `yes` is the
/// command's `--yes`, `None` for a command that destroys nothing. Runs before any connection is
/// made.
pub fn confirmation_gate(yes: Option<bool>) -> anyhow::Result<Confirm> {
    if yes != Some(false) {
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

/// What a destructive command does to the thing it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Removal {
    Delete,
    Revoke,
}

impl Removal {
    fn verb(self) -> &'static str {
        match self {
            Removal::Delete => "Delete",
            Removal::Revoke => "Revoke",
        }
    }

    fn done(self) -> &'static str {
        match self {
            Removal::Delete => "deleted",
            Removal::Revoke => "revoked",
        }
    }
}

/// Asks `<Verb> <what> <id>?` (unless `--yes`), then runs `call` (which does nothing before it is
/// awaited) and reports `{"deleted": "<id>"}` or `Deleted <what> <id>` (`revoked` alike).
pub async fn remove(
    ctx: Ctx,
    mode: Confirm,
    (action, what): (Removal, &str),
    id: Uuid,
    call: impl Future<Output = secl_api::client::Result<()>>,
) -> anyhow::Result<()> {
    confirm(mode, &format!("{} {what} {id}?", action.verb()))?;
    call.await?;
    if ctx.json() {
        out(&output::json(&json!({ action.done(): id }))?)?;
    } else if !ctx.quiet {
        out(&format!("{}d {what} {id}\n", action.verb()))?;
    }
    Ok(())
}
