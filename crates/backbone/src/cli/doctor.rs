//! `backbone doctor`: what state the database is in, and a way out when it is damaged.
//!
//! The file is opened read-only and never changed. SQLite's integrity check runs, each table is counted
//! as far as it can be read, and `--salvage FILE` writes every row that can still be read as backbone's
//! JSON export, which `backbone --db NEW.db import FILE` restores into a fresh database.

use std::io::Write;
use std::path::PathBuf;

use backbone_store::{Doctor, Health};

use super::{Globals, context, print_json};

#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  backbone doctor\n  backbone doctor --salvage rescued.json\n  \
                        backbone --db fresh.db import rescued.json\n\n\
                        backbone refuses to write into a database SQLite reports damaged. It also keeps the last \
                        three automatic backups in backups/ beside the database, taken before every import, \
                        restore, migration and profile change.")]
pub struct Args {
    /// Write every row that can still be read to FILE, as backbone's JSON export.
    #[arg(long, value_name = "FILE")]
    pub salvage: Option<PathBuf>,
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let path = context::db_path(globals)?;
    let doctor = Doctor::open(&path)?;
    let health = doctor.health();
    let salvage = match &args.salvage {
        Some(to) => {
            super::export::refuse_database_target(to, &path)?;
            let salvage = doctor.salvage();
            let mut bytes = Vec::new();
            backbone_formats::archive::write(&salvage.archive, &mut bytes)?;
            super::export::write_whole(to, &bytes)?;
            Some((to, salvage))
        }
        None => None,
    };
    if globals.json {
        let tables: serde_json::Map<String, serde_json::Value> = health
            .tables
            .iter()
            .map(|(t, n)| (t.clone(), n.as_ref().map_or_else(|e| serde_json::json!({"error": e}), |n| (*n).into())))
            .collect();
        return print_json(&serde_json::json!({
            "path": health.path,
            "sound": health.is_sound(),
            "integrity": health.integrity,
            "tables": tables,
            "salvage": salvage.as_ref().map(|(to, s)| serde_json::json!({
                "out": to,
                "sessions": s.archive.sessions.len(),
                "sessions_lost": s.sessions_lost,
                "problems": s.problems,
            })),
        }));
    }
    crate::output::stdout(|out| {
        print_health(&health, out)?;
        if let Some((to, s)) = &salvage {
            writeln!(out, "Saved {} sessions to {}.", s.archive.sessions.len(), to.display())?;
            if s.sessions_lost > 0 {
                writeln!(out, "{} session rows could not be read.", s.sessions_lost)?;
            }
            for p in &s.problems {
                writeln!(out, "  not saved: {p}")?;
            }
            writeln!(out, "Restore them into a new database: backbone --db NEW.db import {}", to.display())?;
        } else if !health.is_sound() {
            writeln!(out, "Save what can be read: backbone doctor --salvage rescued.json")?;
        }
        Ok(())
    })
}

fn print_health(health: &Health, out: &mut dyn Write) -> anyhow::Result<()> {
    let verdict = if health.is_sound() { "sound" } else { "DAMAGED" };
    writeln!(out, "{}: {verdict}", health.path.display())?;
    let shown = health.integrity.iter().take(5);
    for line in shown {
        writeln!(out, "  integrity: {}", backbone_core::valid::clean_text(line, false))?;
    }
    if health.integrity.len() > 5 {
        writeln!(out, "  ... and {} more problems", health.integrity.len() - 5)?;
    }
    for (table, count) in &health.tables {
        match count {
            Ok(n) => writeln!(out, "  {table:<18} {n} rows")?,
            Err(e) => writeln!(out, "  {table:<18} unreadable: {e}")?,
        }
    }
    Ok(())
}
