//! `backbone rules [ID...]`: the method's rules in our own words, so that an id on screen can be looked up.

use std::io::Write;

use super::{Globals, print_json};
use crate::failure::bad;
use backbone_core::method_doc::{self, Entry};

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  backbone rules              every rule, by section\n  \
                        backbone rules P5           what [P5] means (calibration of loads)\n  \
                        backbone rules R3 X3        pain, and why it is not medical advice\n  \
                        backbone rules rpe          what RPE means (also: tempo, e1rm, hard-set, deload)\n  \
                        backbone rules P5 --json    [{\"id\": \"P5\", \"title\": ..., \"text\": ...}]")]
pub struct Args {
    /// Rule ids (P5, r1: any case) or terms (rpe, tempo, e1rm, hard-set, deload); none lists them all.
    #[arg(value_name = "ID")]
    pub ids: Vec<String>,
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let chosen: Vec<&'static Entry> = if args.ids.is_empty() {
        method_doc::entries().iter().collect()
    } else {
        args.ids.iter().map(|id| lookup(id)).collect::<anyhow::Result<_>>()?
    };
    if globals.json {
        return print_json(&chosen);
    }
    let mut out = crate::output::buffered();
    if args.ids.is_empty() {
        list(&chosen, &mut out)?;
    } else {
        for (i, e) in chosen.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            show(e, &mut out)?;
        }
    }
    out.flush()?;
    Ok(())
}

fn lookup(id: &str) -> anyhow::Result<&'static Entry> {
    method_doc::find(id).ok_or_else(|| {
        let shown: String = id.chars().take(20).collect();
        bad(format!(
            "rules: {shown:?} is not a rule id or term; expected one of A1-A6, S1-S6, S2a, W1-W6, W1a, B1-B5, T1-T4, \
             P1-P7, R1-R6, K1-K10, N1-N3, X1-X3, or a term: rpe, tempo, e1rm, hard-set, deload"
        ))
    })
}

/// Every entry's id and title under its section.
fn list(entries: &[&Entry], out: &mut impl Write) -> anyhow::Result<()> {
    let mut section = "";
    for e in entries {
        if e.section != section {
            section = e.section;
            writeln!(out, "{}{section}", if e.id == entries[0].id { "" } else { "\n" })?;
        }
        writeln!(out, "  {:<7} {}", e.id, e.title)?;
    }
    writeln!(out, "\n`backbone rules ID` prints one in full. Training guidance, not medical advice.")?;
    Ok(())
}

/// One entry with its text wrapped to 80 columns.
fn show(e: &Entry, out: &mut impl Write) -> anyhow::Result<()> {
    writeln!(out, "{} {}", e.id, e.title)?;
    let mut line = String::new();
    for word in e.text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > 78 {
            writeln!(out, "  {line}")?;
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        writeln!(out, "  {line}")?;
    }
    Ok(())
}
