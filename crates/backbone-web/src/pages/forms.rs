//! The pages' forms, for a browser without JavaScript (or before it loads): each posts, the server does
//! what the API would, and redirects back with a message (post/redirect/get, so a reload never posts
//! twice).

use axum::body::Bytes;
use axum::extract::{Multipart, Path, State};
use axum::response::{IntoResponse, Redirect, Response};
use backbone_core::load::lb_to_kg;
use backbone_core::profile::Profile;

use super::{page, problem_page};
use crate::api::SetIn;
use crate::problem::Problem;
use crate::state::AppState;

/// The fields of a posted form, in order (a checkbox group repeats its name).
fn fields(body: &[u8]) -> Result<Vec<(String, String)>, Problem> {
    serde_urlencoded::from_bytes(body).map_err(|e| Problem::bad(format!("not a form: {e}")))
}

fn one<'f>(fields: &'f [(String, String)], name: &str) -> Option<&'f str> {
    fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim()).filter(|v| !v.is_empty())
}

fn number<T: std::str::FromStr>(fields: &[(String, String)], name: &str) -> Result<Option<T>, Problem> {
    one(fields, name)
        .map(|v| v.replace(',', ".").parse().map_err(|_| Problem::invalid(name, format!("{v:?} is not a number"))))
        .transpose()
}

fn back(to: &str, message: &str) -> Response {
    let query = serde_urlencoded::to_string([("msg", message)]).unwrap_or_default();
    Redirect::to(&format!("{to}?{query}")).into_response()
}

/// A set checked off on the Today page (also the pain button: the same set with a pain score).
pub async fn set(State(app): State<AppState>, body: Bytes) -> Response {
    let done = async {
        let f = fields(&body)?;
        let lb = one(&f, "units") == Some("lb");
        let load: Option<f64> = number(&f, "load")?;
        let set = SetIn {
            key: one(&f, "key").unwrap_or_default().to_string(),
            exercise: one(&f, "exercise").unwrap_or_default().to_string(),
            reps: number(&f, "reps")?,
            seconds: number(&f, "seconds")?,
            load_kg: load.map(|v| if lb { lb_to_kg(v) } else { v }),
            rpe: number(&f, "rpe")?,
            quality: number(&f, "quality")?,
            pain: number(&f, "pain")?,
        };
        let pain = set.pain.unwrap_or(0);
        crate::api::log_set(&app, set).await?;
        Ok::<_, Problem>(pain)
    }
    .await;
    match done {
        Ok(pain) if pain >= 4 => back(
            "/today",
            "Pain of 4/10 or more: stop this exercise for today; the session below shows its replacement (METHOD R3). \
             Sharp or worsening pain: see a doctor or physical therapist. backbone gives training guidance, not medical advice.",
        ),
        Ok(_) => back("/today", "Set saved."),
        Err(p) => problem_page(p),
    }
}

/// The daily check-in.
pub async fn checkin(State(app): State<AppState>, body: Bytes) -> Response {
    let done = async {
        let f = fields(&body)?;
        let mut inner = serde_json::Map::new();
        for key in ["soreness", "stress", "energy", "ache"] {
            if let Some(v) = number::<u64>(&f, key)? {
                inner.insert(key.into(), v.into());
            }
        }
        if let Some(v) = number::<f64>(&f, "sleep_hours")? {
            inner.insert("sleep_hours".into(), v.into());
        }
        if inner.is_empty() {
            return Err(Problem::invalid("checkin", "give at least one answer"));
        }
        let body = serde_json::Value::Object(inner).to_string();
        crate::api::post_checkin(State(app), Bytes::from(body)).await
    }
    .await;
    match done {
        Ok(_) => back("/today", "Check-in saved."),
        Err(p) => problem_page(p),
    }
}

/// METHOD R3's answer on Today: an exercise kept out after a referral is pain-free now, or cleared.
pub async fn cleared(State(app): State<AppState>, body: Bytes) -> Response {
    let done = async {
        let f = fields(&body)?;
        let exercise = f.iter().find(|(k, _)| k == "exercise").map(|(_, v)| v.trim()).filter(|e| !e.is_empty());
        let exercise =
            exercise.ok_or_else(|| Problem::invalid("exercise", "say which exercise is pain-free or cleared"))?;
        let day = app.today();
        let body = serde_json::json!({"id": format!("cleared-{day}-{exercise}"), "date": day, "cleared": [exercise]});
        crate::api::post_session(State(app), Bytes::from(body.to_string())).await
    }
    .await;
    match done {
        Ok(_) => back("/today", "Noted: it returns gently, at most 2 sets at RPE 7 (R3)."),
        Err(p) => problem_page(p),
    }
}

/// Onboarding: the answers become a profile file, checked as `init` checks one.
pub async fn start(State(app): State<AppState>, body: Bytes) -> Response {
    let f = match fields(&body) {
        Ok(f) => f,
        Err(p) => return problem_page(p),
    };
    let toml = profile_toml(&f);
    let saved = match Profile::parse(&toml, "the form") {
        Ok(profile) => crate::api::save_profile(&app, profile).await,
        Err(e) => Err(Problem::invalid("profile", e.to_string())),
    };
    match saved {
        Ok(s) => back(
            "/today",
            &format!("Saved {}'s profile (version {}) and a plan of {} weeks.", s.athlete, s.profile_version, s.weeks),
        ),
        Err(p) => {
            let again = Profile::parse(&toml, "the form").ok();
            let status = p.status();
            let t = super::views::start(again.as_ref(), app.today(), Some(p.detail));
            (status, page(&t)).into_response()
        }
    }
}

/// The form as the TOML of CONTRACT "Profile file", so that one parser checks every way in.
fn profile_toml(f: &[(String, String)]) -> String {
    let mut t = toml::Table::new();
    let text = |k: &str| one(f, k).map(|v| toml::Value::String(v.to_string()));
    let int = |k: &str| one(f, k).and_then(|v| v.parse::<i64>().ok()).map(toml::Value::Integer);
    let real = |k: &str| one(f, k).and_then(|v| v.replace(',', ".").parse::<f64>().ok()).map(toml::Value::Float);
    let list = |k: &str| {
        toml::Value::Array(f.iter().filter(|(n, _)| n == k).map(|(_, v)| toml::Value::String(v.clone())).collect())
    };
    for (key, value) in [
        ("name", text("name")),
        ("experience", text("experience")),
        ("goal", text("goal")),
        ("days_per_week", int("days_per_week")),
        ("session_minutes", int("session_minutes")),
        ("start", text("start")),
        ("units", text("units")),
        ("body_weight_kg", real("body_weight_kg")),
        ("sex", text("sex")),
        ("age", int("age")),
    ] {
        if let Some(v) = value {
            t.insert(key.into(), v);
        }
    }
    t.insert("equipment".into(), list("equipment"));
    t.insert("sensitive_joints".into(), list("sensitive_joints"));
    if f.iter().any(|(n, _)| n == "training_days") {
        t.insert("training_days".into(), list("training_days"));
    }
    let mut assessment = toml::Table::new();
    if let (Some(l), Some(r)) = (real("grip_left"), real("grip_right")) {
        assessment.insert(
            "grip_kg".into(),
            toml::Value::Table(toml::Table::from_iter([("left".into(), l), ("right".into(), r)])),
        );
    }
    if let (Some(l), Some(r)) = (real("thoracic_left"), real("thoracic_right")) {
        let t2 = toml::Table::from_iter([("left".into(), l), ("right".into(), r)]);
        assessment.insert("thoracic_rotation_deg".into(), toml::Value::Table(t2));
    }
    for key in ["wall_angel", "bench_grip"] {
        if let Some(v) = text(key) {
            assessment.insert(key.into(), v);
        }
    }
    if !assessment.is_empty() {
        t.insert("assessment".into(), toml::Value::Table(assessment));
    }
    toml::to_string(&t).unwrap_or_default()
}

/// Removes a session from History.
pub async fn delete(State(app): State<AppState>, Path(id): Path<String>) -> Response {
    let today = app.today();
    let done = app.with_store(move |store| Ok(store.edit_session(&id, None, today)?)).await;
    match done {
        Ok(true) => back("/history", "Session removed."),
        Ok(false) => back("/history", "That session was already gone."),
        Err(p) => problem_page(p),
    }
}

/// An uploaded export from Strong, Hevy, FitNotes or backbone.
pub async fn import(State(app): State<AppState>, mut form: Multipart) -> Response {
    let mut file: Option<Vec<u8>> = None;
    let mut units: Option<String> = None;
    while let Ok(Some(field)) = form.next_field().await {
        match field.name() {
            Some("file") => file = field.bytes().await.ok().map(|b| b.to_vec()),
            Some("units") => units = field.text().await.ok().filter(|u| !u.is_empty()),
            _ => {}
        }
    }
    let Some(file) = file.filter(|f| !f.is_empty()) else {
        return problem_page(Problem::invalid("file", "choose a file to import"));
    };
    match crate::transfer::import(&app, &file, "auto", units.as_deref()).await {
        Ok(s) => {
            let mut message = format!("Imported {} sessions ({} sets).", s.sessions, s.sets);
            if s.duplicates > 0 {
                message.push_str(&format!(" {} were already in the log.", s.duplicates));
            }
            if !s.unmapped_exercises.is_empty() {
                message.push_str(&format!(" Kept as your own exercises: {}.", s.unmapped_exercises.join(", ")));
            }
            if !s.warnings.is_empty() {
                let first: Vec<String> =
                    s.warnings.iter().take(5).map(|w| format!("line {}: {}", w.line, w.message)).collect();
                message.push_str(&format!(" {} warnings: {}", s.warnings.len(), first.join("; ")));
            }
            back("/settings", &message)
        }
        Err(p) => problem_page(p),
    }
}

/// Saves an edited session (its file's JSON, checked as `log --file` checks one).
pub async fn edit(State(app): State<AppState>, Path(id): Path<String>, body: Bytes) -> Response {
    let f = match fields(&body) {
        Ok(f) => f,
        Err(p) => return problem_page(p),
    };
    let json = one(&f, "session").unwrap_or_default().to_string();
    let today = app.today();
    let parsed =
        backbone_core::log::parse_session(&json, "the session", today, backbone_core::catalog::Catalog::builtin())
            .map_err(|e| e.to_string())
            .and_then(|s| backbone_core::log::check_session(&s, today).map(|()| s));
    let mut session = match parsed {
        Ok(s) => s,
        Err(e) => {
            let t = super::views::EditPage {
                title: "Edit a session".into(),
                nav: "history",
                id,
                json,
                editable: true,
                error: Some(e),
            };
            return (axum::http::StatusCode::UNPROCESSABLE_ENTITY, page(&t)).into_response();
        }
    };
    session.id = id.clone();
    match app.with_store(move |store| Ok(store.edit_session(&id, Some(&session), today)?)).await {
        Ok(true) => back("/history", "Session saved."),
        Ok(false) => back("/history", "That session was gone; nothing was saved."),
        Err(p) => problem_page(p),
    }
}
