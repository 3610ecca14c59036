//! The JSON API under `/api/v1`: everything the pages do, for scripts and other apps. The shapes are the
//! CLI's `--json` shapes (CONTRACT.md), so the two give the same answers for the same database; errors
//! are `application/problem+json`. The OpenAPI 3.1 document is generated from these handlers
//! (`/api/openapi.json`).

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use backbone_core::catalog::Catalog;
use backbone_core::log::{SessionLog, parse_session};
use backbone_core::profile::Profile;
use backbone_store::Logged;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, OpenApi, ToSchema};

use crate::encoding::AcceptsGzip;
use crate::problem::{Problem, Result};
use crate::state::{self, AppState};
pub use crate::transfer::{ImportSummary, ImportWarning};

/// The OpenAPI document of the API.
#[derive(OpenApi)]
#[openapi(
    info(title = "backbone", description = "A training coach for the upper back: plan, log, adapt, report."),
    paths(
        health,
        get_profile,
        put_profile,
        plan,
        next,
        list_sessions,
        post_session,
        get_session,
        put_session,
        delete_session,
        post_set,
        post_checkin,
        post_assessment,
        report,
        exercises,
        exercise,
        import,
        export
    ),
    components(schemas(Problem, SetIn, Written, Saved, ImportSummary, ImportWarning))
)]
pub struct ApiDoc;

/// Any JSON value (the shapes of CONTRACT.md).
type Any = serde_json::Value;

/// A query string read into `T`, or a 400 problem naming what could not be read.
pub struct Q<T>(pub T);

impl<T: serde::de::DeserializeOwned, S: Send + Sync> axum::extract::FromRequestParts<S> for Q<T> {
    type Rejection = Problem;

    async fn from_request_parts(parts: &mut axum::http::request::Parts, state: &S) -> Result<Q<T>> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(value)) => Ok(Q(value)),
            Err(e) => Err(Problem::bad(format!("the query string: {}", e.body_text()))),
        }
    }
}

/// A cached JSON answer as a response.
/// A value as JSON bytes for the cache.
fn encoded<T: Serialize>(value: &T) -> Result<Vec<u8>> {
    serde_json::to_vec(value)
        .map_err(|e| Problem::new(StatusCode::INTERNAL_SERVER_ERROR, format!("the server failed to encode: {e}")))
}

fn json<T: Serialize>(value: &T) -> Result<Json<Any>> {
    serde_json::to_value(value)
        .map(Json)
        .map_err(|e| Problem::new(StatusCode::INTERNAL_SERVER_ERROR, format!("the server failed to encode: {e}")))
}

/// The server is up.
#[utoipa::path(get, path = "/api/v1/health", responses((status = 200, description = "Up", body = Object)))]
pub async fn health() -> Json<Any> {
    Json(serde_json::json!({"status": "ok"}))
}

/// The latest profile with its version.
#[utoipa::path(get, path = "/api/v1/profile", responses(
    (status = 200, description = "The profile, its version and the day it was made", body = Object),
    (status = 409, description = "No profile yet", body = Problem, content_type = "application/problem+json"),
))]
pub async fn get_profile(State(app): State<AppState>) -> Result<Json<Any>> {
    app.reading(|store| {
        let p = state::profile(store)?;
        json(&serde_json::json!({"profile": p.profile, "version": p.version, "made_on": p.made_on}))
    })
    .await
}

/// What saving a profile did.
#[derive(Debug, Serialize, ToSchema)]
pub struct Saved {
    pub athlete: String,
    pub profile_version: u32,
    pub weeks: usize,
}

/// Stores a profile (the TOML of CONTRACT.md "Profile file") as a new version, with its plan.
#[utoipa::path(put, path = "/api/v1/profile", request_body(content = String, content_type = "text/plain", description = "The profile file (TOML, CONTRACT \"Profile file\")"),
    responses(
        (status = 200, description = "Saved", body = Saved),
        (status = 422, description = "A field is not allowed", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn put_profile(State(app): State<AppState>, body: Bytes) -> Result<Json<Saved>> {
    let text = std::str::from_utf8(&body).map_err(|_| Problem::bad("the profile is not UTF-8 text"))?;
    let profile = Profile::parse(text.trim_start_matches('\u{feff}'), "profile")
        .map_err(|e| Problem::invalid("profile", e.to_string()))?;
    save_profile(&app, profile).await.map(Json)
}

/// Saves a profile as the CLI's `init` does: a start near today, the same person as the log's.
pub async fn save_profile(app: &AppState, profile: Profile) -> Result<Saved> {
    let today = app.today();
    backbone_core::valid::check_start(profile.start, today).map_err(|e| Problem::invalid("start", e))?;
    app.with_store(move |store| {
        if let Some(stored) = store.profile()? {
            if !backbone_core::profile::same_person(&stored.profile.name, &profile.name) {
                return Err(Problem::conflict(format!(
                    "this database holds {}'s log; a profile named {} is another person's",
                    backbone_core::valid::excerpt(&stored.profile.name),
                    backbone_core::valid::excerpt(&profile.name)
                )));
            }
            store.backup("profile")?;
        }
        let plan = backbone_core::adapt::adapt_served(
            &profile,
            &store.sessions()?,
            &store.served()?,
            today.max(profile.start),
        )?
        .plan;
        let version = store.save_profile(&profile, &plan, today)?;
        Ok(Saved { athlete: profile.name.clone(), profile_version: version, weeks: plan.weeks.len() })
    })
    .await
}

/// The plan adapted to everything logged (`backbone plan --json`).
#[utoipa::path(get, path = "/api/v1/plan", responses(
    (status = 200, description = "The plan", body = Object),
    (status = 409, description = "No profile yet", body = Problem, content_type = "application/problem+json"),
))]
pub async fn plan(State(app): State<AppState>, gzip: AcceptsGzip) -> Result<Response> {
    let body = app
        .answer("plan".into(), |a, store| {
            let profile = state::profile(store)?;
            encoded(&a.adapted(store, &profile, a.today())?.plan)
        })
        .await?;
    Ok(body.respond(gzip))
}

/// The next session with what changed and why (`backbone next --json`); what is shown is kept.
#[utoipa::path(get, path = "/api/v1/next", responses(
    (status = 200, description = "The next session and its notices", body = Object),
    (status = 409, description = "No profile yet, or nothing planned", body = Problem, content_type = "application/problem+json"),
))]
pub async fn next(State(app): State<AppState>, gzip: AcceptsGzip) -> Result<Response> {
    // Made once per state of the database: serving it again would record nothing new.
    let body = app.answer("next".into(), |a, store| encoded(&serve_next(a, store)?)).await?;
    Ok(body.respond(gzip))
}

/// The next session, recorded as served (METHOD P1: the day's log is judged against what was shown).
pub fn serve_next(app: &AppState, store: &mut backbone_store::Store) -> Result<backbone_core::adapt::NextSession> {
    let profile = state::profile(store)?;
    let today = app.today();
    let adapted = app.adapted(store, &profile, today)?;
    let next = adapted.next.clone().ok_or_else(|| Problem::conflict("no session is planned on or after today"))?;
    let deload = adapted.plan.sessions().any(|(w, s)| s.date == next.session.date && w.deload);
    store.serve(&next.session, deload, today)?;
    Ok(next)
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Limit {
    /// How many sessions, the latest training date first (default 20).
    #[param(minimum = 1, maximum = 1000)]
    pub limit: Option<usize>,
}

/// The latest sessions by training date, latest first (`backbone history --json`): a day logged late
/// or imported takes its place by date.
#[utoipa::path(get, path = "/api/v1/sessions", params(Limit), responses(
    (status = 200, description = "Sessions", body = Object),
    (status = 422, description = "A bad limit", body = Problem, content_type = "application/problem+json"),
))]
pub async fn list_sessions(State(app): State<AppState>, gzip: AcceptsGzip, Q(q): Q<Limit>) -> Result<Response> {
    let limit = q.limit.unwrap_or(20);
    if !(1..=1000).contains(&limit) {
        return Err(Problem::invalid("limit", format!("limit is {limit}, expected 1 to 1000")));
    }
    let body =
        app.answer(format!("sessions?limit={limit}"), move |_, store| encoded(&store.latest_dated(limit)?)).await?;
    Ok(body.respond(gzip))
}

/// What a write did.
#[derive(Debug, Serialize, ToSchema)]
pub struct Written {
    pub id: String,
    /// False when it was already there (a retry): nothing changed.
    pub logged: bool,
}

/// Parses a session file's JSON (CONTRACT "Keeping a log") as `log --file` does.
fn session_from(body: &[u8], today: jiff::civil::Date) -> Result<SessionLog> {
    let text = std::str::from_utf8(body).map_err(|_| Problem::bad("the session is not UTF-8 text"))?;
    let session = parse_session(text, "session", today, Catalog::builtin()).map_err(|e| match &e {
        backbone_core::log::LogError::BadValue { field, .. } | backbone_core::log::LogError::Missing { field, .. } => {
            Problem::invalid(field, e.to_string())
        }
        backbone_core::log::LogError::Nothing { .. } => Problem::invalid("session", e.to_string()),
        backbone_core::log::LogError::NotJson { .. } => Problem::bad(e.to_string()),
    })?;
    backbone_core::log::check_session(&session, today).map_err(|e| Problem::invalid("session", e))?;
    Ok(session)
}

/// Logs a session (the JSON of CONTRACT "Keeping a log"); a session id already logged changes nothing.
#[utoipa::path(post, path = "/api/v1/sessions", request_body(content = Object, description = "A session file's JSON"),
    responses(
        (status = 201, description = "Logged", body = Written),
        (status = 200, description = "Already logged", body = Written),
        (status = 400, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is not allowed", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn post_session(State(app): State<AppState>, body: Bytes) -> Result<Response> {
    let today = app.today();
    let session = session_from(&body, today)?;
    app.with_store(move |store| {
        let logged = store.log_session(&session, today)? == Logged::Inserted;
        Ok(written(session.id, logged))
    })
    .await
}

fn written(id: String, logged: bool) -> Response {
    let status = if logged { StatusCode::CREATED } else { StatusCode::OK };
    (status, Json(Written { id, logged })).into_response()
}

/// One session.
#[utoipa::path(get, path = "/api/v1/sessions/{id}", params(("id" = String, Path, description = "The session's id")),
    responses(
        (status = 200, description = "The session", body = Object),
        (status = 404, description = "No such session", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn get_session(State(app): State<AppState>, Path(id): Path<String>) -> Result<Json<Any>> {
    app.reading(move |store| match store.session(&id)? {
        Some(s) => json(&s),
        None => Err(Problem::not_found(format!("no session {}", backbone_core::valid::excerpt(&id)))),
    })
    .await
}

/// Replaces a session (an edit); the body is a session file's JSON and keeps the id of the path.
#[utoipa::path(put, path = "/api/v1/sessions/{id}", params(("id" = String, Path, description = "The session's id")),
    request_body(content = Object, description = "A session file's JSON"),
    responses(
        (status = 200, description = "Replaced", body = Written),
        (status = 400, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such session", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is not allowed", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn put_session(State(app): State<AppState>, Path(id): Path<String>, body: Bytes) -> Result<Json<Written>> {
    let today = app.today();
    let mut session = session_from(&body, today)?;
    session.id = id.clone();
    app.with_store(move |store| {
        if store.edit_session(&id, Some(&session), today)? {
            Ok(Json(Written { id, logged: true }))
        } else {
            Err(Problem::not_found(format!("no session {}", backbone_core::valid::excerpt(&id))))
        }
    })
    .await
}

/// Removes a session.
#[utoipa::path(delete, path = "/api/v1/sessions/{id}", params(("id" = String, Path, description = "The session's id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 404, description = "No such session", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn delete_session(State(app): State<AppState>, Path(id): Path<String>) -> Result<StatusCode> {
    let today = app.today();
    app.with_store(move |store| {
        if store.edit_session(&id, None, today)? {
            Ok(StatusCode::NO_CONTENT)
        } else {
            Err(Problem::not_found(format!("no session {}", backbone_core::valid::excerpt(&id))))
        }
    })
    .await
}

/// One set checked off today, with the key its page made up (a retry or a replay with the same key is one
/// set). It goes into today's session: the day it was done.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SetIn {
    /// Made up by the client, unique per set (1-100 characters).
    pub key: String,
    /// A catalog exercise id or name.
    pub exercise: String,
    #[serde(default)]
    pub reps: Option<u32>,
    #[serde(default)]
    pub seconds: Option<u32>,
    #[serde(default)]
    pub load_kg: Option<f64>,
    #[serde(default)]
    pub rpe: Option<f64>,
    #[serde(default)]
    pub quality: Option<u8>,
    #[serde(default)]
    pub pain: Option<u8>,
}

/// Logs one set into the day's session, once per key.
#[utoipa::path(post, path = "/api/v1/sets", request_body = SetIn, responses(
    (status = 201, description = "Logged", body = Written),
    (status = 200, description = "Already logged (same key)", body = Written),
    (status = 400, description = "Not JSON of this shape", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "A field is not allowed", body = Problem, content_type = "application/problem+json"),
))]
pub async fn post_set(State(app): State<AppState>, body: Bytes) -> Result<Response> {
    let value: Any = serde_json::from_slice(&body).map_err(|e| Problem::bad(format!("not JSON: {e}")))?;
    let object = value.as_object().ok_or_else(|| Problem::invalid("set", "expected a JSON object"))?;
    const FIELDS: [&str; 8] = ["key", "exercise", "reps", "seconds", "load_kg", "rpe", "quality", "pain"];
    if let Some(unknown) = object.keys().find(|k| !FIELDS.contains(&k.as_str())) {
        return Err(Problem::invalid(
            unknown,
            format!(
                "{} is not a field of a set; expected {}",
                backbone_core::valid::excerpt(unknown),
                FIELDS.join(", ")
            ),
        ));
    }
    let text = |k: &str| object.get(k).and_then(Any::as_str).unwrap_or_default().to_string();
    let set = SetIn {
        key: text("key"),
        exercise: text("exercise"),
        reps: None,
        seconds: None,
        load_kg: None,
        rpe: None,
        quality: None,
        pain: None,
    };
    // The numbers go to the session checker as they came (it names a bad one with its range).
    log_values(&app, set, object).await
}

/// Checks and logs one set (the Today page's way in).
pub async fn log_set(app: &AppState, set: SetIn) -> Result<Response> {
    let values = serde_json::json!({
        "reps": set.reps, "seconds": set.seconds, "load_kg": set.load_kg, "rpe": set.rpe, "quality": set.quality,
        "pain": set.pain,
    });
    let values = values.as_object().cloned().unwrap_or_default();
    log_values(app, set, &values).await
}

/// Logs a set whose key and exercise are in `set` and whose numbers are in `values`, as they came.
async fn log_values(app: &AppState, set: SetIn, values: &serde_json::Map<String, Any>) -> Result<Response> {
    let today = app.today();
    if set.key.is_empty() || set.key.chars().count() > 100 || set.key.chars().any(char::is_control) {
        return Err(Problem::invalid("key", "expected 1 to 100 characters of plain text, unique per set"));
    }
    let mut one = serde_json::Map::new();
    one.insert("exercise".into(), set.exercise.clone().into());
    for k in ["reps", "seconds", "load_kg", "rpe", "quality", "pain"] {
        if let Some(v) = values.get(k) {
            one.insert(k.into(), v.clone());
        }
    }
    let file = serde_json::json!({"date": today.to_string(), "sets": [one]});
    let session = session_from(file.to_string().as_bytes(), today)
        .map_err(|p| Problem { field: p.field.map(|f| f.trim_start_matches("sets[0].").to_string()), ..p })?;
    let id = format!("web-{}", session.date);
    let new = backbone_store::NewSet {
        key: set.key,
        session_id: id.clone(),
        date: session.date,
        set: session.sets[0].clone(),
    };
    let logged = app.add_set(new).await? == Logged::Inserted;
    Ok(written(id, logged))
}

/// Logs today's check-in (the `checkin` object of a session file).
#[utoipa::path(post, path = "/api/v1/checkins", request_body(content = Object, description = "soreness, sleep_hours, stress, energy, ache"),
    responses(
        (status = 201, description = "Logged", body = Written),
        (status = 400, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is not allowed", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn post_checkin(State(app): State<AppState>, body: Bytes) -> Result<Response> {
    wrapped(&app, "checkin", &body).await
}

/// Logs an assessment (the `measurements` object of a session file).
#[utoipa::path(post, path = "/api/v1/assessments", request_body(content = Object, description = "grip_kg, dead_hang_seconds, wall_angel, scapular_winging, thoracic_rotation_deg, bench_grip"),
    responses(
        (status = 201, description = "Logged", body = Written),
        (status = 400, description = "Not JSON", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is not allowed", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn post_assessment(State(app): State<AppState>, body: Bytes) -> Result<Response> {
    wrapped(&app, "measurements", &body).await
}

/// A check-in or an assessment as today's session of its own.
async fn wrapped(app: &AppState, field: &str, body: &[u8]) -> Result<Response> {
    let today = app.today();
    let inner: Any = serde_json::from_slice(body).map_err(|e| Problem::bad(format!("not JSON: {e}")))?;
    let id = format!("{}-{today}-{}", &field[..1], unique());
    let file = serde_json::json!({"id": id, "date": today.to_string(), field: inner});
    let session = session_from(file.to_string().as_bytes(), today)?;
    app.with_store(move |store| {
        let logged = store.log_session(&session, today)? == Logged::Inserted;
        Ok(written(session.id, logged))
    })
    .await
}

/// A suffix no other entry has.
fn unique() -> String {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    format!("{nanos:x}")
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Weeks {
    /// Whole ISO weeks up to today (default 12).
    #[param(minimum = 1, maximum = 520)]
    pub weeks: Option<u32>,
}

/// The progress report (`backbone report --json`).
#[utoipa::path(get, path = "/api/v1/report", params(Weeks), responses(
    (status = 200, description = "backbone.report/1", body = Object),
    (status = 409, description = "No profile yet", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "A bad number of weeks", body = Problem, content_type = "application/problem+json"),
))]
pub async fn report(State(app): State<AppState>, gzip: AcceptsGzip, Q(q): Q<Weeks>) -> Result<Response> {
    let weeks = q.weeks.unwrap_or(12);
    if !(1..=520).contains(&weeks) {
        return Err(Problem::invalid("weeks", format!("weeks is {weeks}, expected 1 to 520")));
    }
    let body = app
        .answer(format!("report?weeks={weeks}"), move |a, store| {
            let profile = state::profile(store)?;
            encoded(&*a.report(store, &profile, a.today(), weeks)?)
        })
        .await?;
    Ok(body.respond(gzip))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Filter {
    /// Only exercises with this movement pattern.
    #[param(value_type = Option<String>)]
    pub pattern: Option<String>,
    /// Only exercises that use this equipment.
    #[param(value_type = Option<String>)]
    pub equipment: Option<String>,
}

/// The exercise catalog, filtered (`backbone exercises --json`).
#[utoipa::path(get, path = "/api/v1/exercises", params(Filter), responses(
    (status = 200, description = "Exercises", body = Object),
    (status = 422, description = "An unknown word", body = Problem, content_type = "application/problem+json"),
))]
pub async fn exercises(Q(f): Q<Filter>) -> Result<Json<Any>> {
    // An empty word is no word of the vocabulary (the Exercises page, not the API, reads it as "any").
    for (name, word) in [("pattern", &f.pattern), ("equipment", &f.equipment)] {
        if word.as_deref() == Some("") {
            return Err(Problem::invalid(name, format!("{name} is empty; leave it out for any")));
        }
    }
    json(&crate::catalog::filtered(f.pattern.as_deref(), f.equipment.as_deref())?)
}

/// One exercise.
#[utoipa::path(get, path = "/api/v1/exercises/{id}", params(("id" = String, Path, description = "An exercise id")),
    responses(
        (status = 200, description = "The exercise", body = Object),
        (status = 404, description = "No such exercise", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn exercise(Path(id): Path<String>) -> Result<Json<Any>> {
    let e = Catalog::builtin()
        .get(&id)
        .ok_or_else(|| Problem::not_found(format!("no exercise {}", backbone_core::valid::excerpt(&id))))?;
    json(&serde_json::json!({"exercise": e, "rules": e.rule_ids()}))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ImportQuery {
    /// Which app wrote the file (default auto: told from its header).
    #[param(value_type = Option<String>)]
    pub format: Option<String>,
    /// The unit of weights the file leaves unlabelled.
    #[param(value_type = Option<String>)]
    pub units: Option<String>,
}

/// Imports a file from Strong, Hevy, FitNotes or backbone (the body is the file).
#[utoipa::path(post, path = "/api/v1/import", params(ImportQuery), request_body(content = String, content_type = "text/plain", description = "The exported file, as it is"),
    responses(
        (status = 200, description = "Imported", body = ImportSummary),
        (status = 409, description = "Another athlete's backbone export", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The file cannot be read", body = Problem, content_type = "application/problem+json"),
    ))]
pub async fn import(State(app): State<AppState>, Q(q): Q<ImportQuery>, body: Bytes) -> Result<Json<ImportSummary>> {
    crate::transfer::import(&app, &body, q.format.as_deref().unwrap_or("auto"), q.units.as_deref()).await.map(Json)
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// json (the whole database), csv (every set) or ics (the plan).
    #[param(value_type = String)]
    pub format: String,
    /// Units for the csv and ics [default: the profile's].
    #[param(value_type = Option<String>)]
    pub units: Option<String>,
}

/// Exports the database (json), the sets (csv) or the plan (ics), as `backbone export` writes them.
#[utoipa::path(get, path = "/api/v1/export", params(ExportQuery), responses(
    (status = 200, description = "The file", content_type = "application/octet-stream"),
    (status = 409, description = "No profile yet (ics)", body = Problem, content_type = "application/problem+json"),
    (status = 422, description = "An unknown format", body = Problem, content_type = "application/problem+json"),
))]
pub async fn export(State(app): State<AppState>, Q(q): Q<ExportQuery>) -> Result<Response> {
    crate::transfer::export(&app, &q.format, q.units.as_deref()).await
}
