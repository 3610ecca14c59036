//! `backbone exercises map`: what an exercise the catalog does not hold counts as, so that imported
//! back work ("T Bar Row", "Lat Pulldown (Machine)") counts in the weekly sets and balances (METHOD K6,
//! W6), and so that `log` takes it by name.

use backbone_core::archive::{CustomExercise, custom_id};
use backbone_core::catalog::{Catalog, Exercise};
use backbone_core::custom::{Counts, Reading};
use backbone_core::vocab::{Muscle, Pattern};
use backbone_store::Store;
use serde::Serialize;

use super::{Globals, context, print_json};
use crate::failure::bad;

#[derive(Debug, clap::Args)]
#[command(after_help = "Without a name, lists your custom exercises and what each counts as.\n\n\
                        Examples:\n  backbone exercises map\n  backbone exercises map \"T Bar Row\" barbell-row\n  \
                        backbone exercises map \"Iso-Lateral Row\" --pattern horizontal_pull\n  \
                        backbone exercises map \"Meadows Row\" --pattern horizontal_pull --muscles latissimus_dorsi,rhomboids\n  \
                        backbone exercises map \"Shrug (Dumbbell)\" --none\n\n\
                        A name backbone has not seen yet is added, so `backbone log \"Meadows Row\" 3x10@30` takes it.")]
pub struct Args {
    /// The exercise as you or your app name it ("T Bar Row"), or its id (custom-t-bar-row).
    pub name: Option<String>,
    /// The catalog exercise it counts like: its movement pattern and muscles (see `backbone exercises`).
    #[arg(conflicts_with_all = ["pattern", "none", "auto"])]
    pub like: Option<String>,
    /// Counts as this movement pattern (horizontal_pull, vertical_pull, scapular, external_rotation,
    /// hinge, carry, ...), with the muscles the pattern usually works unless --muscles says.
    #[arg(long, value_name = "P", value_parser = Pattern::parse, conflicts_with_all = ["none", "auto"])]
    pub pattern: Option<Pattern>,
    /// With --pattern: the muscles it works (comma-separated, e.g. latissimus_dorsi,rhomboids).
    #[arg(long, value_name = "M,M", value_delimiter = ',', value_parser = Muscle::parse, requires = "pattern")]
    pub muscles: Vec<Muscle>,
    /// Counts for nothing (not back work, or not work you want counted).
    #[arg(long, conflicts_with = "auto")]
    pub none: bool,
    /// Forget what you said: count it as its name reads again.
    #[arg(long)]
    pub auto: bool,
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let Some(name) = args.name.as_deref() else {
        let store = context::open(globals)?;
        return list(&store.custom_exercises()?, globals);
    };
    let catalog = Catalog::builtin();
    let counts = wanted(&args, catalog)?;
    // A name an import would map to the catalog is the catalog's exercise, not a custom one.
    if let Some(e) = catalog.find(name).or_else(|| backbone_formats::import::map_exercise(name, catalog)) {
        return Err(bad(format!(
            "{name:?} is the catalog's {} ({}): it counts already; map names the catalog does not hold",
            e.name, e.id
        )));
    }
    let mut store = context::open(globals)?;
    let custom = target(&store, name, counts)?;
    let made = store.map_custom(&custom)?;
    if globals.json {
        return print_json(&Listed::of(&custom));
    }
    crate::output::stdout(|out| {
        let verb = if made { "Added" } else { "Mapped" };
        writeln!(out, "{verb} {} ({}): {}.", custom.name, custom.id, describe(&custom))?;
        writeln!(out, "It counts that way in `backbone report` and on the Progress page from now on (METHOD K6, W6).")?;
        Ok(())
    })
}

/// What the flags ask for: `None` to count as the name reads.
fn wanted(args: &Args, catalog: &Catalog) -> anyhow::Result<Option<Counts>> {
    if args.auto {
        return Ok(None);
    }
    if args.none {
        return Ok(Some(Counts::default()));
    }
    if let Some(pattern) = args.pattern {
        return Ok(Some(Counts { like: None, pattern: Some(pattern), muscles: args.muscles.clone() }));
    }
    let Some(like) = args.like.as_deref() else {
        return Err(bad("say what it counts as: a catalog exercise id, --pattern P, --none or --auto; \
                        see `backbone exercises map --help`"));
    };
    let model = super::lookup::find(catalog, like)?;
    Ok(Some(Counts { like: Some(model.id.clone()), ..Counts::default() }))
}

/// The custom exercise `name` means (by name or id), or a new one for it.
fn target(store: &Store, name: &str, counts: Option<Counts>) -> anyhow::Result<CustomExercise> {
    let key = backbone_core::catalog::loose_key(name);
    let known = store.custom_exercises()?.into_iter().find(|c| {
        c.id == name
            || backbone_core::catalog::loose_key(&c.name) == key
            || backbone_core::catalog::loose_key(&c.id) == key
    });
    let mut custom = match known {
        Some(c) => c,
        None => {
            backbone_core::valid::check_name(name).map_err(|e| bad(format!("exercise name: {e}")))?;
            let id = custom_id(name).ok_or_else(|| bad(format!("{name:?} has no letter or digit to name it by")))?;
            CustomExercise::new(id, name.trim())
        }
    };
    custom.counts = counts;
    Ok(custom)
}

fn list(customs: &[CustomExercise], globals: &Globals) -> anyhow::Result<()> {
    if globals.json {
        return print_json(&customs.iter().map(Listed::of).collect::<Vec<_>>());
    }
    crate::output::stdout(|out| {
        if customs.is_empty() {
            writeln!(out, "No custom exercises: every exercise you logged or imported is in the catalog.")?;
            return Ok(());
        }
        for c in customs {
            let name = backbone_core::valid::clean_text(&c.name, false);
            writeln!(out, "{name} ({}): {}", c.id, describe(c))?;
        }
        writeln!(out, "\nChange one with `backbone exercises map NAME ID` or `--pattern P` (see --help).")?;
        Ok(())
    })
}

/// "counts like Barbell row (you said)", "counts for nothing (its name says nothing clear)".
fn describe(c: &CustomExercise) -> String {
    let catalog = Catalog::builtin();
    let reading = c.reading();
    let like = reading.like().and_then(|id| catalog.get(id)).map(|e| e.name.as_str());
    match (&reading, c.as_exercise(catalog), like) {
        (Reading::Unknown, _, _) => "counts for nothing: its name does not say what it is; map it to count it".into(),
        (Reading::Named(_), Some(e), Some(like)) => format!("counts like {like} (from its name): {}", worked(&e)),
        (_, Some(e), Some(like)) => format!("counts like {like} (you said): {}", worked(&e)),
        (_, Some(e), None) => format!("counts as {} (you said)", worked(&e)),
        (_, None, _) => "counts for nothing (you said)".into(),
    }
}

/// "horizontal pull: latissimus dorsi, rhomboids, trapezius".
fn worked(e: &Exercise) -> String {
    let pattern = e.patterns.first().map_or("no pattern", |p| p.as_str()).replace('_', " ");
    let muscles: Vec<String> = e.muscles.primary.iter().map(|m| m.as_str().replace('_', " ")).collect();
    format!("{pattern}: {}", muscles.join(", "))
}

/// One custom exercise as `--json` shows it.
#[derive(Serialize)]
struct Listed<'a> {
    id: &'a str,
    name: &'a str,
    /// `set` (the person said), `name` (read from its name) or `none` (counts for nothing).
    source: &'static str,
    like: Option<String>,
    pattern: Option<Pattern>,
    muscles: Vec<Muscle>,
}

impl<'a> Listed<'a> {
    fn of(c: &'a CustomExercise) -> Listed<'a> {
        let reading = c.reading();
        let source = match reading {
            Reading::Set(_) => "set",
            Reading::Named(_) => "name",
            Reading::Unknown => "none",
        };
        let counted = c.as_exercise(Catalog::builtin());
        Listed {
            id: &c.id,
            name: &c.name,
            source,
            like: reading.like().map(str::to_string),
            pattern: counted.as_ref().and_then(|e| e.patterns.first().copied()),
            muscles: counted.map(|e| e.muscles.primary).unwrap_or_default(),
        }
    }
}
