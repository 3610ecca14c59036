//! `backbone next`: the next planned session on or after today, adapted to the log, with what changed.

use std::io::Write;

use backbone_core::adapt::adapt;

use super::{Globals, context, print_json};
use crate::failure::bad;
use crate::locale::DateStyle;
use crate::render;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_: Args, globals: &Globals) -> anyhow::Result<()> {
    let store = context::open(globals)?;
    let profile = context::stored(&store)?;
    let today = context::today(globals);
    let adapted = adapt(&profile, &store.sessions()?, today)?;
    let next = adapted.next.ok_or_else(|| bad("no session is planned on or after today"))?;
    if globals.json {
        return print_json(&next);
    }
    let mut out = std::io::stdout().lock();
    // Terms are explained until a few sessions are logged (METHOD K10).
    let explain = store.counts()?.0 < 4;
    render::next(&next, &profile, DateStyle::from_env(), explain, &mut out)?;
    out.flush()?;
    Ok(())
}
