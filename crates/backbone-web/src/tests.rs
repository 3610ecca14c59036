//! The handlers through the whole router (`oneshot`), on a real database in a temp folder.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use tower::ServiceExt;

use crate::{AppState, app};

const HOST: &str = "127.0.0.1:8080";

struct Fixture {
    _dir: tempfile::TempDir,
    state: AppState,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().expect("a temp dir");
    let db = dir.path().join("b.db");
    let hosts = crate::hosts_for(HOST.parse().expect("an address"));
    let state = AppState::new(db, Some(jiff::civil::date(2026, 11, 23)), hosts);
    Fixture { _dir: dir, state }
}

fn request(method: &str, uri: &str, body: impl Into<Body>) -> Request<Body> {
    Request::builder().method(method).uri(uri).header(header::HOST, HOST).body(body.into()).expect("a request")
}

async fn send(f: &Fixture, req: Request<Body>) -> (StatusCode, String, String) {
    let response = app(f.state.clone()).oneshot(req).await.expect("a response");
    let status = response.status();
    let kind = response.headers().get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    let body = response.into_body().collect().await.expect("a body").to_bytes();
    (status, kind, String::from_utf8_lossy(&body).into_owned())
}

async fn with_profile() -> Fixture {
    let f = fixture();
    let toml = include_str!("../../../examples/contract-example.toml");
    let (status, _, body) = send(&f, request("PUT", "/api/v1/profile", toml)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    f
}

#[tokio::test]
async fn the_openapi_document_is_3_1_and_names_every_route() {
    let f = fixture();
    let (status, _, body) = send(&f, request("GET", "/api/openapi.json", Body::empty())).await;
    assert_eq!(status, StatusCode::OK);
    let doc: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert!(doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.1")), "{}", doc["openapi"]);
    for path in ["/api/v1/next", "/api/v1/sets", "/api/v1/sessions/{id}", "/api/v1/report", "/api/v1/import"] {
        assert!(doc["paths"].get(path).is_some(), "{path} is not documented");
    }
}

#[tokio::test]
async fn another_host_name_and_a_cross_site_write_are_refused() {
    let f = with_profile().await;
    let rebinding = Request::builder()
        .uri("/api/v1/sessions")
        .header(header::HOST, "attacker.example:8080")
        .body(Body::empty())
        .expect("a request");
    assert_eq!(send(&f, rebinding).await.0, StatusCode::MISDIRECTED_REQUEST);
    let mut csrf = request("POST", "/api/v1/sets", r#"{"key":"k","exercise":"band-row","reps":10}"#);
    csrf.headers_mut().insert(header::ORIGIN, "https://attacker.example".parse().expect("a header"));
    let (status, kind, _) = send(&f, csrf).await;
    assert_eq!((status, kind.as_str()), (StatusCode::FORBIDDEN, "application/problem+json"));
    let mut same = request("POST", "/api/v1/sets", r#"{"key":"k","exercise":"band-row","reps":10}"#);
    same.headers_mut().insert(header::ORIGIN, format!("http://{HOST}").parse().expect("a header"));
    assert_eq!(send(&f, same).await.0, StatusCode::CREATED);
}

#[tokio::test]
async fn a_set_sent_twice_with_one_key_is_logged_once() {
    let f = with_profile().await;
    let set = r#"{"key":"tap-1","exercise":"band-row","reps":12,"rpe":7}"#;
    assert_eq!(send(&f, request("POST", "/api/v1/sets", set)).await.0, StatusCode::CREATED);
    let (status, _, body) = send(&f, request("POST", "/api/v1/sets", set)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains("\"logged\":false"));
    let (_, _, list) = send(&f, request("GET", "/api/v1/sessions", Body::empty())).await;
    let sessions: Vec<serde_json::Value> = serde_json::from_str(&list).expect("json");
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0]["sets"].as_array().map(Vec::len), Some(1));
}

#[tokio::test]
async fn bad_input_is_a_4xx_problem_naming_the_field() {
    let f = with_profile().await;
    let cases = [
        ("POST", "/api/v1/sets", r#"{"key":"a","exercise":"band-row","reps":0}"#, 422, "reps"),
        ("POST", "/api/v1/sets", r#"{"key":"a","exercise":"moon-row","reps":5}"#, 422, "exercise"),
        ("POST", "/api/v1/sets", r#"{"key":"a","exercise":"band-row","reps":5,"load_kg":1e3}"#, 422, "load_kg"),
        ("POST", "/api/v1/sets", "not json", 400, ""),
        ("POST", "/api/v1/sessions", r#"{"date":"2026-11-23"}"#, 422, "session"),
        ("POST", "/api/v1/sessions", r#"{"date":"2099-01-01","sets":[{"exercise":"band-row","reps":5}]}"#, 422, "date"),
        ("GET", "/api/v1/report?weeks=0", "", 422, "weeks"),
        ("GET", "/api/v1/report?weeks=abc", "", 400, ""),
        ("GET", "/api/v1/sessions?limit=0", "", 422, "limit"),
        ("GET", "/api/v1/exercises?pattern=moon", "", 422, "pattern"),
        ("GET", "/api/v1/export?format=xml", "", 422, "format"),
        ("GET", "/api/v1/sessions/nope", "", 404, ""),
        ("DELETE", "/api/v1/sessions/nope", "", 404, ""),
        ("PUT", "/api/v1/profile", "name = 3", 422, "profile"),
        ("GET", "/api/v1/nothing-here", "", 404, ""),
    ];
    for (method, uri, body, expected, field) in cases {
        let (status, kind, text) = send(&f, request(method, uri, body.to_string())).await;
        assert_eq!(status.as_u16(), expected, "{method} {uri}: {text}");
        if expected == 422 || kind.starts_with("application/problem") {
            let p: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|_| panic!("{method} {uri}: {text}"));
            assert_eq!(p["status"], expected, "{text}");
            if !field.is_empty() {
                assert_eq!(p["field"], field, "{method} {uri}: {text}");
            }
        }
    }
}

#[tokio::test]
async fn bodies_and_addresses_are_capped() {
    let f = with_profile().await;
    let long = format!("/api/v1/exercises?pattern={}", "x".repeat(3000));
    assert_eq!(send(&f, request("GET", &long, Body::empty())).await.0, StatusCode::URI_TOO_LONG);
    let big = vec![b'{'; crate::MAX_BODY + 1];
    assert_eq!(send(&f, request("POST", "/api/v1/sessions", big)).await.0, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn without_a_profile_the_app_starts_at_onboarding() {
    let f = fixture();
    let (status, _, _) = send(&f, request("GET", "/api/v1/next", Body::empty())).await;
    assert_eq!(status, StatusCode::CONFLICT);
    let response = app(f.state.clone()).oneshot(request("GET", "/today", Body::empty())).await.expect("a response");
    assert_eq!(response.headers().get(header::LOCATION).and_then(|v| v.to_str().ok()), Some("/start"));
}

#[tokio::test]
async fn every_page_renders_with_a_profile_and_a_log() {
    let f = with_profile().await;
    send(&f, request("POST", "/api/v1/sets", r#"{"key":"a","exercise":"band-row","reps":12}"#)).await;
    for page in [
        "/today",
        "/plan",
        "/plan/2026-11-23",
        "/progress",
        "/history",
        "/exercises",
        "/exercises/band-row",
        "/rules",
        "/settings",
        "/start",
    ] {
        let (status, kind, body) = send(&f, request("GET", page, Body::empty())).await;
        assert_eq!(status, StatusCode::OK, "{page}: {body}");
        assert!(kind.starts_with("text/html"), "{page}: {kind}");
        assert!(body.contains("<main id=\"main\">") && body.contains("not medical advice"), "{page}");
    }
    let (_, _, rules) = send(&f, request("GET", "/rules", Body::empty())).await;
    assert!(rules.contains("id=\"P5\"") && rules.contains("id=\"R3\""));
}

#[tokio::test]
async fn a_form_post_saves_a_set_and_a_pain_report_substitutes_the_exercise() {
    let f = with_profile().await;
    let (_, _, next) = send(&f, request("GET", "/api/v1/next", Body::empty())).await;
    let next: serde_json::Value = serde_json::from_str(&next).expect("json");
    let first = next["main"][0]["exercise"].as_str().expect("an exercise").to_string();
    let form = format!("key=p1&exercise={first}&date=2026-11-23&reps=8&pain=6");
    let mut post = request("POST", "/today/set", form);
    post.headers_mut().insert(header::CONTENT_TYPE, "application/x-www-form-urlencoded".parse().expect("a header"));
    let response = app(f.state.clone()).oneshot(post).await.expect("a response");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let location = response.headers().get(header::LOCATION).and_then(|v| v.to_str().ok()).unwrap_or("");
    assert!(location.contains("R3"), "{location}");
    // The plan after the pain report no longer prescribes the exercise in the next two weeks (R3).
    let (_, _, plan) = send(&f, request("GET", "/api/v1/plan", Body::empty())).await;
    let plan: serde_json::Value = serde_json::from_str(&plan).expect("json");
    let later: Vec<&str> = plan["weeks"]
        .as_array()
        .expect("weeks")
        .iter()
        .flat_map(|w| w["sessions"].as_array().into_iter().flatten())
        .filter(|s| s["date"].as_str().is_some_and(|d| d > "2026-11-23" && d < "2026-12-07"))
        .flat_map(|s| s["main"].as_array().into_iter().flatten())
        .filter_map(|m| m["exercise"].as_str())
        .collect();
    assert!(!later.is_empty() && !later.contains(&first.as_str()), "{first} still in {later:?}");
}

#[tokio::test]
async fn a_session_is_edited_from_its_page() {
    let f = with_profile().await;
    send(&f, request("POST", "/api/v1/sets", r#"{"key":"e1","exercise":"band-row","reps":12}"#)).await;
    let (status, _, page) = send(&f, request("GET", "/history/web-2026-11-23/edit", Body::empty())).await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<textarea") && page.contains("band-row"), "{page}");
    let edited = r#"{"date": "2026-11-23", "sets": [{"exercise": "band-row", "reps": 15}]}"#;
    let form = serde_urlencoded::to_string([("session", edited)]).expect("a form");
    let mut post = request("POST", "/history/web-2026-11-23/edit", form);
    post.headers_mut().insert(header::CONTENT_TYPE, "application/x-www-form-urlencoded".parse().expect("a header"));
    let response = app(f.state.clone()).oneshot(post).await.expect("a response");
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    let (_, _, session) = send(&f, request("GET", "/api/v1/sessions/web-2026-11-23", Body::empty())).await;
    assert!(session.contains("\"reps\":15"), "{session}");
    let bad = serde_urlencoded::to_string([(
        "session",
        r#"{"date": "2026-11-23", "sets": [{"exercise": "band-row", "reps": 0}]}"#,
    )])
    .expect("a form");
    let mut post = request("POST", "/history/web-2026-11-23/edit", bad);
    post.headers_mut().insert(header::CONTENT_TYPE, "application/x-www-form-urlencoded".parse().expect("a header"));
    let (status, _, page) = send(&f, post).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.contains("sets[0].reps"), "{page}");
}

#[tokio::test]
async fn a_large_answer_is_sent_gzipped_to_a_client_that_takes_gzip_and_plain_to_one_that_does_not() {
    use std::io::Read;
    let f = with_profile().await;
    let (_, _, plain) = send(&f, request("GET", "/api/v1/plan", Body::empty())).await;
    assert!(plain.len() >= 1024, "the plan is large enough to compress: {} bytes", plain.len());
    let mut req = request("GET", "/api/v1/plan", Body::empty());
    req.headers_mut().insert(header::ACCEPT_ENCODING, "gzip, deflate, br".parse().expect("a header"));
    let response = app(f.state.clone()).oneshot(req).await.expect("a response");
    assert_eq!(response.headers()[header::CONTENT_ENCODING], "gzip");
    assert_eq!(response.headers()[header::VARY], "accept-encoding");
    let gzip = response.into_body().collect().await.expect("a body").to_bytes();
    let mut unzipped = String::new();
    flate2::read::GzDecoder::new(&gzip[..]).read_to_string(&mut unzipped).expect("gzip");
    assert_eq!(unzipped, plain, "the gzipped answer is the plain one");
    assert!(gzip.len() < plain.len() / 2, "{} bytes gzipped from {}", gzip.len(), plain.len());
}

#[tokio::test]
async fn k10_a_planned_session_says_each_beside_a_dumbbell_load() {
    let f = with_profile().await;
    let set = r#"{"key":"d1","exercise":"chest-supported-row","reps":10,"load_kg":20,"rpe":6}"#;
    let (status, _, body) = send(&f, request("POST", "/api/v1/sets", set)).await;
    assert!(status.is_success(), "{body}");
    let (_, _, plan) = send(&f, request("GET", "/api/v1/plan", Body::empty())).await;
    let plan: serde_json::Value = serde_json::from_str(&plan).expect("json");
    // The first later day that prescribes the row with a load.
    let (day, item) = plan["weeks"]
        .as_array()
        .expect("weeks")
        .iter()
        .flat_map(|w| w["sessions"].as_array().into_iter().flatten())
        .filter(|s| s["date"].as_str().is_some_and(|d| d > "2026-11-23"))
        .flat_map(|s| s["main"].as_array().into_iter().flatten().map(move |m| (s["date"].clone(), m)))
        .find(|(_, m)| m["exercise"] == "chest-supported-row" && m["load_kg"].is_number())
        .expect("a row with a load");
    assert_eq!(item["load_per"], "each");
    let kg = item["load_kg"].as_f64().expect("a load");
    let (_, _, page) =
        send(&f, request("GET", &format!("/plan/{}", day.as_str().expect("a day")), Body::empty())).await;
    let shown = format!("{} kg each", backbone_core::load::shown(kg, backbone_core::vocab::Units::Kg));
    assert!(page.contains(&shown), "{shown} not in the session page");
}

/// R3 through the API: pain of 6 on the first set of the day's first exercise cuts it to that set in
/// `next` at once, its remaining sets on its substitute; and a session may say an exercise is cleared.
#[tokio::test]
async fn r3_pain_on_a_set_replaces_the_rest_of_the_exercise_at_once_and_cleared_is_taken() {
    let f = with_profile().await;
    let (_, _, next) = send(&f, request("GET", "/api/v1/next", Body::empty())).await;
    let next: serde_json::Value = serde_json::from_str(&next).expect("json");
    let first = next["main"][0].clone();
    let id = first["exercise"].as_str().expect("an exercise").to_string();
    let set = serde_json::json!({"key": "k1", "exercise": id, "reps": 8, "pain": 6});
    let (status, _, body) = send(&f, request("POST", "/api/v1/sets", set.to_string())).await;
    assert!(status.is_success(), "{status} {body}");
    let (_, _, after) = send(&f, request("GET", "/api/v1/next", Body::empty())).await;
    let after: serde_json::Value = serde_json::from_str(&after).expect("json");
    let main = after["main"].as_array().expect("main");
    assert_eq!(main[0]["exercise"], first["exercise"], "{after}");
    assert_eq!(main[0]["sets"], 1, "cut to the set done: {after}");
    assert!(main[0]["why"].as_array().is_some_and(|w| w.iter().any(|r| r == "R3")), "{after}");
    assert!(main.get(1).is_some_and(|m| m["why"].as_array().is_some_and(|w| w.iter().any(|r| r == "R3"))), "{after}");
    let cleared = serde_json::json!({"date": "2026-11-23", "cleared": [id]});
    let (status, _, body) = send(&f, request("POST", "/api/v1/sessions", cleared.to_string())).await;
    assert!(status.is_success(), "{status} {body}");
    let unknown = serde_json::json!({"date": "2026-11-23", "cleared": ["no-such-exercise"]});
    let (status, _, body) = send(&f, request("POST", "/api/v1/sessions", unknown.to_string())).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(body.contains("cleared[0]"), "{body}");
}
