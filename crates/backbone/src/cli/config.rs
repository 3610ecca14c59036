//! `backbone config`: each setting in effect and where it came from (built-in default, the config
//! file and its line, a `BACKBONE_*` variable, a flag). Reads nothing else and creates nothing.

use std::io::Write;

use serde_json::{Value, json};

use super::{Globals, context, print_json};
use crate::settings::{Setting, Source};

#[derive(Debug, clap::Args)]
#[command(after_help = "Each later layer wins: built-in defaults, then the config file, then BACKBONE_DB, \
                        BACKBONE_UNITS and BACKBONE_WEEKS, then flags.\n\n\
                        The config file ($XDG_CONFIG_HOME/backbone/config.toml, by default \
                        ~/.config/backbone/config.toml) may set:\n  \
                        db = \"~/training/backbone.db\"   the database (relative paths start at the file's folder)\n  \
                        units = \"lb\"                     kg or lb, where no profile says (a profile's units are its person's)\n  \
                        weeks = 26                       --weeks of `plan --profile` and `report`, 1 to 52")]
pub struct Args {}

pub fn run(_args: Args, globals: &Globals) -> anyhow::Result<()> {
    let s = &globals.settings;
    // The platform default is worked out here only to show it; nothing is created.
    let db = context::db_path(globals).ok().map(|p| p.display().to_string());
    let db = Setting { value: db, source: s.db.source.clone() };
    let units = Setting { value: s.units.value.as_str().to_string(), source: s.units.source.clone() };
    let weeks = Setting { value: s.weeks.value.to_string(), source: s.weeks.source.clone() };
    let file = s.file.as_ref().map(|p| p.display().to_string());
    let exists = s.file.as_ref().is_some_and(|p| p.is_file());
    if globals.json {
        return print_json(&json!({
            "config_file": {"path": file, "exists": exists},
            "db": entry(json!(db.value), &db.source),
            "units": entry(json!(s.units.value.as_str()), &s.units.source),
            "weeks": entry(json!(s.weeks.value), &s.weeks.source),
        }));
    }
    let mut out = crate::output::buffered();
    let state = if exists { "" } else { " (none there: built-in defaults)" };
    writeln!(out, "config file  {}{state}", file.as_deref().unwrap_or("(no home folder)"))?;
    for (name, value, source) in [
        ("db", db.value.unwrap_or_else(|| "(no data folder: give --db)".into()), &db.source),
        ("units", units.value, &units.source),
        ("weeks", weeks.value, &weeks.source),
    ] {
        writeln!(out, "{name:<12} {value}  ({})", shown(source))?;
    }
    out.flush()?;
    Ok(())
}

/// One setting as JSON: its value, the kind of source and which file line, variable or flag.
fn entry(value: Value, source: &Source) -> Value {
    json!({"value": value, "source": source.kind(), "origin": source.origin()})
}

/// "default", "file PATH:LINE", "env NAME" or "flag --NAME".
fn shown(source: &Source) -> String {
    match source.origin() {
        Some(origin) => format!("{} {origin}", source.kind()),
        None => source.kind().to_string(),
    }
}
