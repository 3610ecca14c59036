//! Files in and out: an import (the same reading as `backbone import`, `backbone_formats::intake`) and
//! the exports of `backbone export`.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use backbone_core::catalog::Catalog;
use backbone_core::vocab::Units;
use backbone_formats::intake::{self, Intake};

use serde::Serialize;
use utoipa::ToSchema;

use crate::problem::{Problem, Result};
use crate::state::{self, AppState};

/// What an import did (`backbone import --json`).
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportSummary {
    pub sessions: usize,
    pub sets: usize,
    pub duplicates: usize,
    pub unmapped_exercises: Vec<String>,
    pub warnings: Vec<ImportWarning>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ImportWarning {
    pub line: u64,
    pub message: String,
}

/// The largest upload read, as for `backbone import`.
pub const MAX_IMPORT_BYTES: usize = 64 * 1024 * 1024;

fn units(word: Option<&str>) -> Result<Option<Units>> {
    word.filter(|w| !w.is_empty())
        .map(|w| Units::parse(w).map_err(|e| Problem::invalid("units", e.to_string())))
        .transpose()
}

/// Reads a whole file and adds it to the log in one transaction, after a backup.
pub async fn import(app: &AppState, bytes: &[u8], format: &str, unit: Option<&str>) -> Result<ImportSummary> {
    if !["auto", "strong", "hevy", "fitnotes", "backbone"].contains(&format) {
        return Err(Problem::invalid("format", "expected auto, strong, hevy, fitnotes or backbone"));
    }
    let today = app.today();
    let read = intake::read(bytes, format, units(unit)?, today).map_err(|e| {
        if e.needs_units() {
            Problem::invalid("units", format!("{e}; say the unit with units=kg or units=lb; nothing was imported"))
        } else {
            Problem::invalid("file", format!("{e}; nothing was imported"))
        }
    })?;
    app.with_store(move |store| {
        if let (Intake::Archive(a), Some(ours)) = (&read, store.profile()?)
            && !a.profiles.is_empty()
            && !backbone_core::profile::same_person(&a.athlete, &ours.profile.name)
        {
            return Err(Problem::conflict(format!(
                "this export is {}'s and this database is {}'s; nothing was imported",
                backbone_core::valid::excerpt(&a.athlete),
                backbone_core::valid::excerpt(&ours.profile.name)
            )));
        }
        store.backup("import")?;
        let (done, warnings, unmapped) = match read {
            Intake::Archive(a) => {
                let done = store.restore(&a, &mut |_| {})?;
                (done, Vec::new(), a.custom_exercises.iter().map(|c| c.name.clone()).collect())
            }
            Intake::Log { sessions, customs, unmapped, warnings, .. } => {
                (store.import(&customs, &sessions, today, &mut |_| {})?, warnings, unmapped)
            }
        };
        Ok(ImportSummary {
            sessions: done.sessions,
            sets: done.sets,
            duplicates: done.duplicates,
            unmapped_exercises: unmapped,
            warnings: warnings.into_iter().map(|w| ImportWarning { line: w.line, message: w.message }).collect(),
        })
    })
    .await
}

/// A file of `backbone export`, as a download.
pub async fn export(app: &AppState, format: &str, unit: Option<&str>) -> Result<Response> {
    let unit = units(unit)?;
    let (kind, name) = match format {
        "json" => ("application/json", "backbone-export.json"),
        "csv" => ("text/csv; charset=utf-8", "backbone-sets.csv"),
        "ics" => ("text/calendar; charset=utf-8", "backbone.ics"),
        _ => return Err(Problem::invalid("format", "expected json, csv or ics")),
    };
    let format = format.to_string();
    let a = app.clone();
    let bytes = app
        .with_store(move |store| {
            let units = unit.or(store.profile()?.map(|p| p.profile.units)).unwrap_or(Units::Kg);
            let mut bytes = Vec::new();
            let fail = |e: String| Problem::new(StatusCode::INTERNAL_SERVER_ERROR, format!("the server failed: {e}"));
            match format.as_str() {
                "json" => {
                    backbone_formats::archive::write(&store.archive()?, &mut bytes).map_err(|e| fail(e.to_string()))?
                }
                "csv" => {
                    let plan = match store.profile()? {
                        Some(p) => Some(a.adapted(store, &p, a.today())?.plan.clone()),
                        None => None,
                    };
                    backbone_formats::sheet::write_log(
                        &store.sessions()?,
                        &store.custom_exercises()?,
                        plan.as_ref(),
                        units,
                        &mut bytes,
                    )
                    .map_err(|e| fail(e.to_string()))?;
                }
                _ => {
                    let profile = state::profile(store)?;
                    let plan = &a.adapted(store, &profile, a.today())?.plan;
                    let (text, entries) = backbone_formats::ics::export(
                        plan,
                        Catalog::builtin(),
                        jiff::Timestamp::now(),
                        units,
                        false,
                        &store.calendar()?,
                    );
                    store.save_calendar(&entries)?;
                    bytes = text.into_bytes();
                }
            }
            Ok(bytes)
        })
        .await?;
    let disposition = format!("attachment; filename=\"{name}\"");
    Ok(([(header::CONTENT_TYPE, kind.to_string()), (header::CONTENT_DISPOSITION, disposition)], bytes).into_response())
}
