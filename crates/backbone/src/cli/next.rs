//! `backbone next`: the next planned session on or after today, adapted to the log, with what changed.

use std::io::Write;

use super::{Globals, context, print_json};
use crate::failure::bad;
use crate::render;
use backbone_formats::locale::DateStyle;

/// What is shown is kept: the day's log is judged against it, and replaying the log later never changes
/// what a past day was (METHOD P1, K10).
#[derive(Debug, clap::Args)]
#[command(after_help = "Reading a session:\n  \
                        3 x 8 (8-15) @ RPE 7   3 sets of 8 reps (the range is 8 to 15), stopping with about 3 reps \
                        left\n  \
                        RPE                   effort from 1 to 10: RPE 8 leaves about 2 reps in the tank, 10 none\n  \
                        tempo 3-1-1-0         seconds lowering, pausing at the bottom, lifting, pausing at the top\n  \
                        no load shown         choose one you can lift for the reps at that RPE; log it and the next \
                        load is set from your e1RM (the one-rep max your sets imply)\n  \
                        [P5]                  the rule behind a change: `backbone rules P5`\n\n\
                        Examples:\n  backbone next\n  backbone next --today 2026-12-07 --json")]
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
    let mut out = crate::output::buffered();
    // Terms are explained until a few sessions are logged (METHOD K10).
    let explain = store.counts()?.0 < 4;
    render::next(&next, &profile, DateStyle::from_env(), explain, &mut out)?;
    out.flush()?;
    Ok(())
}
