//! `backbone next`: the next planned session on or after today, adapted to the log, with what changed.

use std::io::Write;

use super::{Globals, context, print_json};
use crate::failure::bad;
use crate::locale::DateStyle;
use crate::render;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_: Args, globals: &Globals) -> anyhow::Result<()> {
    let mut store = context::open(globals)?;
    let profile = context::stored(&store)?;
    let today = context::today(globals);
    let adapted = context::adapted(&store, &profile, today)?;
    let next = adapted.next.ok_or_else(|| bad("no session is planned on or after today"))?;
    // What is shown is kept: the day's log will be judged against it (METHOD P1).
    let deload = adapted.plan.sessions().any(|(w, s)| s.date == next.session.date && w.deload);
    store.serve(&next.session, deload, today)?;
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
