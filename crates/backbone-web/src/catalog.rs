//! The exercise library as the API and the Exercises page filter it.

use backbone_core::catalog::{Catalog, Exercise};
use backbone_core::vocab::{Equipment, Pattern};

use crate::problem::{Problem, Result};

/// The catalog's exercises with a pattern and a piece of equipment, when given.
pub fn filtered(pattern: Option<&str>, equipment: Option<&str>) -> Result<Vec<&'static Exercise>> {
    let pattern = pattern
        .filter(|p| !p.is_empty())
        .map(|p| Pattern::parse(p).map_err(|e| Problem::invalid("pattern", e.to_string())))
        .transpose()?;
    let equipment = equipment
        .filter(|e| !e.is_empty())
        .map(|e| Equipment::parse(e).map_err(|e| Problem::invalid("equipment", e.to_string())))
        .transpose()?;
    Ok(Catalog::builtin()
        .all()
        .iter()
        .filter(|e| pattern.is_none_or(|p| e.patterns.contains(&p)))
        .filter(|e| equipment.is_none_or(|q| e.equipment.contains(&q)))
        .collect())
}
