//! An exercise by the words a person types: its id or a forgiving name, and on a miss the ids it may
//! have meant (`exercises show`, `exercises map`).

use backbone_core::catalog::{Catalog, Exercise};

use crate::failure::bad;

/// An exercise by id or forgiving name; an unknown one is bad input with suggestions.
pub fn find<'c>(catalog: &'c Catalog, query: &str) -> anyhow::Result<&'c Exercise> {
    if let Some(e) = catalog.find(query) {
        return Ok(e);
    }
    let key = backbone_core::catalog::loose_key(query);
    let mut close: Vec<String> = backbone_core::log::closest(catalog, query);
    let contained = catalog
        .all()
        .iter()
        .filter(|e| {
            let id = backbone_core::catalog::loose_key(&e.id);
            key.split_whitespace().next().is_some_and(|_| id.contains(&key) || key.contains(&id))
                || e.name.to_lowercase().contains(&query.to_lowercase())
        })
        .map(|e| e.id.clone())
        .filter(|id| !close.contains(id))
        .take(8 - close.len())
        .collect::<Vec<_>>();
    close.extend(contained);
    let hint = if close.is_empty() {
        "see `backbone exercises` for the list".to_string()
    } else {
        format!("did you mean: {}?", close.join(", "))
    };
    Err(bad(format!("exercise {query:?} is not in the catalog; {hint}")))
}
