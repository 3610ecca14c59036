//! Local safety. The server runs on the person's machine with no accounts, and any web page they visit
//! can send requests to `localhost`; so it answers only requests addressed to it by name (`Host`, against
//! DNS rebinding), refuses writes sent from another site (`Origin` / `Sec-Fetch-Site`, against CSRF), and
//! refuses overlong addresses. Bodies are capped by the router (`limits`).

use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::problem::Problem;
use crate::state::AppState;

/// The longest request target (path and query) answered: every route of the app fits in far less.
pub const MAX_URI: usize = 2048;

/// Checks every request before it reaches a handler, and adds the headers every response carries.
pub async fn guard(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if let Err(problem) = check(&state, request.method(), request.headers(), request.uri()) {
        return problem.into_response();
    }
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, header::HeaderValue::from_static("nosniff"));
    headers.insert(header::X_FRAME_OPTIONS, header::HeaderValue::from_static("DENY"));
    headers.insert(header::REFERRER_POLICY, header::HeaderValue::from_static("same-origin"));
    headers.entry(header::CONTENT_SECURITY_POLICY).or_insert(header::HeaderValue::from_static(
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'",
    ));
    response
}

fn check(state: &AppState, method: &Method, headers: &HeaderMap, uri: &axum::http::Uri) -> Result<(), Problem> {
    let target = uri.path().len() + uri.query().map_or(0, |q| q.len() + 1);
    if target > MAX_URI {
        return Err(Problem::new(StatusCode::URI_TOO_LONG, format!("the address is longer than {MAX_URI} characters")));
    }
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or("");
    if !state.hosts().is_empty() && !state.hosts().iter().any(|h| h.eq_ignore_ascii_case(host)) {
        return Err(Problem::new(
            StatusCode::MISDIRECTED_REQUEST,
            format!("this server answers requests for {} only, not {host:?}", state.hosts().join(", ")),
        ));
    }
    if method == Method::GET || method == Method::HEAD || method == Method::OPTIONS {
        return Ok(());
    }
    let cross_site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) == Some("cross-site");
    let origin = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok());
    let foreign = origin.is_some_and(|o| {
        let o = o.trim_start_matches("http://").trim_start_matches("https://");
        o != host && !state.hosts().iter().any(|h| h.eq_ignore_ascii_case(o))
    });
    if cross_site || foreign {
        return Err(Problem::new(
            StatusCode::FORBIDDEN,
            format!("a write from another site ({}) is refused", origin.unwrap_or("cross-site")),
        ));
    }
    Ok(())
}
