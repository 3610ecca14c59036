//! The pages: server-rendered from `templates/` (askama checks them at compile time), each a plain form
//! flow that `static/app.js` enhances. Views hold display strings in the person's units and date style
//! (`Accept-Language`), so the templates only lay them out.

mod forms;
mod views;

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use backbone_core::catalog::Catalog;
use backbone_formats::locale::DateStyle;

use crate::problem::Problem;
use crate::state::AppState;

pub use views::*;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(home))
        .route("/today", get(today))
        .route("/today/set", post(forms::set))
        .route("/today/checkin", post(forms::checkin))
        .route("/today/cleared", post(forms::cleared))
        .route("/start", get(start).post(forms::start))
        .route("/plan", get(plan))
        .route("/plan/{date}", get(plan_day))
        .route("/progress", get(progress))
        .route("/history", get(history))
        .route("/history/{id}/delete", post(forms::delete))
        .route("/history/{id}/edit", get(edit).post(forms::edit))
        .route("/exercises", get(exercises))
        .route("/exercises/{id}", get(exercise))
        .route("/rules", get(rules))
        .route("/settings", get(settings))
        .route(
            "/settings/import",
            post(forms::import).layer(axum::extract::DefaultBodyLimit::max(crate::transfer::MAX_IMPORT_BYTES)),
        )
        .route("/calendar.ics", get(calendar))
        .route("/static/style.css", get(|| asset("text/css", include_str!("../static/style.css"))))
        .route("/static/app.js", get(|| asset("text/javascript", include_str!("../static/app.js"))))
        .route("/sw.js", get(|| asset("text/javascript", include_str!("../static/sw.js"))))
        .route(
            "/manifest.webmanifest",
            get(|| asset("application/manifest+json", include_str!("../static/manifest.webmanifest"))),
        )
        .route("/static/icon.svg", get(|| asset("image/svg+xml", include_str!("../static/icon.svg"))))
}

async fn asset(kind: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, kind), (header::CACHE_CONTROL, "no-cache")], body).into_response()
}

/// A page as HTML, or a plain error page.
pub fn page(t: &impl Template) -> Response {
    match t.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, format!("the page could not be rendered: {e}")).into_response(),
    }
}

/// The date style of the browser's first language.
pub fn dates(headers: &HeaderMap) -> DateStyle {
    let lang = headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let first = lang.split([',', ';']).next().unwrap_or("").trim().replace('-', "_");
    DateStyle::for_locale(&first)
}

/// A problem shown as a page (a person, not a script, is reading).
pub fn problem_page(p: Problem) -> Response {
    let status = p.status();
    let t = MessagePage { title: "Something is not right".into(), nav: "", message: p.detail, back: "/today".into() };
    (status, page(&t)).into_response()
}

async fn home(State(app): State<AppState>) -> Response {
    match app.reading(|store| Ok(store.profile()?.is_some())).await {
        Ok(true) => Redirect::to("/today").into_response(),
        Ok(false) => Redirect::to("/start").into_response(),
        Err(p) => problem_page(p),
    }
}

async fn today(State(app): State<AppState>, headers: HeaderMap, Query(q): Query<Msg>) -> Response {
    let style = dates(&headers);
    let a = app.clone();
    let built = app
        .with_store(move |store| {
            let Some(profile) = store.profile()? else { return Ok(None) };
            let next = crate::api::serve_next(&a, store)?;
            let today = a.today();
            let logged: Vec<_> = store.sessions_between(today, today)?;
            Ok(Some(views::today(&next, &profile.profile, &logged, today, style)))
        })
        .await;
    match built {
        Ok(Some(mut t)) => {
            t.message = q.msg;
            page(&t)
        }
        Ok(None) => Redirect::to("/start").into_response(),
        Err(p) => problem_page(p),
    }
}

/// A message carried back after a form (`?msg=...`).
#[derive(Debug, serde::Deserialize)]
pub struct Msg {
    pub msg: Option<String>,
}

async fn start(State(app): State<AppState>) -> Response {
    let has = app.reading(|store| Ok(store.profile()?.map(|p| p.profile))).await;
    match has {
        Ok(profile) => page(&views::start(profile.as_ref(), app.today(), None)),
        Err(p) => problem_page(p),
    }
}

async fn plan(State(app): State<AppState>, headers: HeaderMap) -> Response {
    let style = dates(&headers);
    let a = app.clone();
    let built = app
        .reading(move |store| {
            let profile = crate::state::profile(store)?;
            let adapted = a.adapted(store, &profile, a.today())?;
            Ok(views::plan(&adapted.plan, a.today(), style))
        })
        .await;
    match built {
        Ok(t) => page(&t),
        Err(p) if p.status == 409 => Redirect::to("/start").into_response(),
        Err(p) => problem_page(p),
    }
}

async fn plan_day(State(app): State<AppState>, headers: HeaderMap, Path(date): Path<String>) -> Response {
    let style = dates(&headers);
    let Some(day) = backbone_core::profile::parse_date(&date) else {
        return problem_page(Problem::not_found(format!(
            "{} is not a date (YYYY-MM-DD)",
            backbone_core::valid::excerpt(&date)
        )));
    };
    let a = app.clone();
    let built = app
        .reading(move |store| {
            let profile = crate::state::profile(store)?;
            let adapted = a.adapted(store, &profile, a.today())?;
            let found = adapted.plan.sessions().find(|(_, s)| s.date == day);
            match found {
                Some((week, session)) => Ok(views::session_page(week, session, &profile.profile, style)),
                None => Err(Problem::not_found(format!("no session is planned on {day}"))),
            }
        })
        .await;
    match built {
        Ok(t) => page(&t),
        Err(p) => problem_page(p),
    }
}

async fn progress(State(app): State<AppState>, headers: HeaderMap) -> Response {
    let style = dates(&headers);
    let a = app.clone();
    let built = app
        .reading(move |store| {
            let profile = crate::state::profile(store)?;
            let today = a.today();
            let report = a.report(store, &profile, today, 12)?;
            let adapted = a.adapted(store, &profile, today)?;
            let calendar = backbone_core::analytics::calendar(
                &adapted.plan,
                backbone_core::analytics::Window::weeks_to(today, 12),
            );
            Ok(views::progress(&report, &calendar, &profile.profile, style))
        })
        .await;
    match built {
        Ok(t) => page(&t),
        Err(p) if p.status == 409 => Redirect::to("/start").into_response(),
        Err(p) => problem_page(p),
    }
}

async fn history(State(app): State<AppState>, headers: HeaderMap, Query(q): Query<Msg>) -> Response {
    let style = dates(&headers);
    let built = app
        .reading(move |store| {
            let units = store.profile()?.map_or(backbone_core::vocab::Units::Kg, |p| p.profile.units);
            let customs = store.custom_exercises()?;
            Ok(views::history(&store.latest_dated(50)?, &customs, units, style))
        })
        .await;
    match built {
        Ok(mut t) => {
            t.message = q.msg;
            page(&t)
        }
        Err(p) => problem_page(p),
    }
}

/// A logged session as its file's JSON, to change and save.
async fn edit(State(app): State<AppState>, Path(id): Path<String>) -> Response {
    let found = app.reading(move |store| Ok(store.session(&id)?)).await;
    match found {
        Ok(Some(s)) => page(&views::edit(&s, None)),
        Ok(None) => problem_page(Problem::not_found("that session is not in the log")),
        Err(p) => problem_page(p),
    }
}

#[derive(Debug, serde::Deserialize)]
pub struct ExerciseFilter {
    pub pattern: Option<String>,
    pub equipment: Option<String>,
}

async fn exercises(Query(f): Query<ExerciseFilter>) -> Response {
    match crate::catalog::filtered(f.pattern.as_deref(), f.equipment.as_deref()) {
        Ok(list) => page(&views::exercises(&list, f.pattern.as_deref(), f.equipment.as_deref())),
        Err(p) => problem_page(p),
    }
}

async fn exercise(Path(id): Path<String>) -> Response {
    match Catalog::builtin().get(&id) {
        Some(e) => page(&views::exercise_card(e)),
        None => problem_page(Problem::not_found(format!("no exercise {}", backbone_core::valid::excerpt(&id)))),
    }
}

async fn rules() -> Response {
    page(&views::rules())
}

async fn settings(State(app): State<AppState>, headers: HeaderMap, Query(q): Query<Msg>) -> Response {
    let style = dates(&headers);
    match app.reading(|store| Ok((store.profile()?, store.profile_versions()?))).await {
        Ok((profile, versions)) => {
            let mut t = views::settings(profile.as_ref(), &versions, style);
            t.message = q.msg;
            page(&t)
        }
        Err(p) => problem_page(p),
    }
}

/// The plan as a calendar to subscribe to (the `.ics` of `backbone export --format ics`).
async fn calendar(State(app): State<AppState>) -> Response {
    match crate::transfer::export(&app, "ics", None).await {
        Ok(r) => r,
        Err(p) => p.into_response(),
    }
}
