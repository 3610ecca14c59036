//! `backbone exercises`: the catalog, filtered, or one exercise in full.

use backbone_core::catalog::{Catalog, Exercise};
use backbone_core::vocab::{Category, Equipment, Pattern};

use super::{Globals, print_json};
use crate::render;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  backbone exercises --equipment bands\n  backbone exercises --kit dumbbells,bench \
                        --pattern horizontal_pull\n  backbone exercises show chest-supported-row"
)]
pub struct Args {
    /// Only exercises that use this equipment (barbell, dumbbells, kettlebell, bands, cable, bench,
    /// pullup_bar, foam_roller).
    #[arg(long, value_name = "W", value_parser = Equipment::parse)]
    pub equipment: Option<Equipment>,
    /// Only exercises you can do with this kit and nothing more (comma-separated; `none` for a wall, a
    /// chair and the floor).
    #[arg(long, value_name = "W,W", value_delimiter = ',', value_parser = parse_kit)]
    pub kit: Option<Vec<Option<Equipment>>>,
    /// Only exercises with this movement pattern (e.g. horizontal_pull, vertical_pull, scapular, hinge).
    #[arg(long, value_name = "P", value_parser = Pattern::parse)]
    pub pattern: Option<Pattern>,
    /// Only exercises of this category (warmup, mobility, strength, posture, hinge, carry, core, grip,
    /// stretch, breathing).
    #[arg(long, value_name = "C", value_parser = Category::parse)]
    pub category: Option<Category>,
    #[command(subcommand)]
    pub show: Option<Show>,
}

#[derive(Debug, clap::Subcommand)]
pub enum Show {
    /// One exercise: cues, muscles, joints, substitutes and the rules that use it.
    Show {
        /// The exercise id or name (forgiving: "face pulls" finds cable-face-pull's family).
        id: String,
    },
    /// Say what an exercise the catalog does not hold counts as (imported "T Bar Row" -> barbell-row), or
    /// list your custom exercises and what each counts as.
    Map(super::map::Args),
}

impl Args {
    /// Only `map` reads or writes the database; the catalog is compiled in.
    pub fn needs_database(&self) -> bool {
        matches!(self.show, Some(Show::Map(_)))
    }
}

fn parse_kit(word: &str) -> Result<Option<Equipment>, String> {
    if word == "none" { Ok(None) } else { Equipment::parse(word).map(Some).map_err(|e| e.to_string()) }
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    let catalog = Catalog::builtin();
    if let Some(Show::Map(map)) = args.show {
        return super::map::run(map, globals);
    }
    if let Some(Show::Show { id }) = &args.show {
        let ex = super::lookup::find(catalog, id)?;
        return if globals.json {
            print_json(&ShowJson { exercise: ex, rules: ex.rule_ids() })
        } else {
            crate::output::stdout(|out| render::exercise(ex, catalog, &mut { out }))
        };
    }
    let kit: Option<Vec<Equipment>> = args.kit.as_ref().map(|k| k.iter().flatten().copied().collect());
    let list: Vec<&Exercise> = catalog
        .all()
        .iter()
        .filter(|e| args.equipment.is_none_or(|w| e.equipment.contains(&w)))
        .filter(|e| kit.as_ref().is_none_or(|k| e.fits(k)))
        .filter(|e| args.pattern.is_none_or(|p| e.patterns.contains(&p)))
        .filter(|e| args.category.is_none_or(|c| e.category == c))
        .collect();
    if globals.json {
        print_json(&list)
    } else {
        crate::output::stdout(|out| render::exercise_table(&list, &mut { out }))
    }
}

#[derive(serde::Serialize)]
struct ShowJson<'a> {
    #[serde(flatten)]
    exercise: &'a Exercise,
    rules: Vec<String>,
}
