//! `backbone undo`: remove the last logged entry (a session, a check-in or an assessment).

use std::io::Write;

use super::{Globals, context, print_json};

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_: Args, globals: &Globals) -> anyhow::Result<()> {
    let mut store = context::open(globals)?;
    let removed = store.undo_last()?;
    if globals.json {
        return print_json(&serde_json::json!({"removed": removed}));
    }
    let mut out = crate::output::buffered();
    match removed {
        Some(s) => writeln!(out, "Removed the entry of {} ({} sets, id {}).", s.date, s.sets.len(), s.id)?,
        None => writeln!(out, "Nothing to undo: the log is empty.")?,
    }
    out.flush()?;
    Ok(())
}
