//! `backbone serve`: the web app and the JSON API, over the same SQLite database as the command line.
//!
//! Pages are rendered on the server from compile-time-checked templates (askama, `templates/`) and work
//! as plain forms; `static/app.js` enhances them (a set saved the moment it is checked, the rest timer,
//! offline logging through the service worker `static/sw.js`). The API (`api.rs`) serves the CLI's JSON
//! shapes under `/api/v1` with an OpenAPI 3.1 document; errors are problem+json (`problem.rs`). The store
//! is called on blocking threads (`state.rs`), and `guard.rs` keeps other web pages from using the local
//! server (Host and Origin checks).

pub mod api;
mod catalog;
mod encoding;
mod guard;
mod openapi;
mod pages;
pub mod problem;
pub mod state;
mod transfer;

#[cfg(test)]
mod tests;

use std::net::SocketAddr;
use std::path::PathBuf;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use jiff::civil::Date;

pub use state::AppState;

/// The largest request body, but for imports: a session or a profile is a few kilobytes.
pub const MAX_BODY: usize = 1024 * 1024;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct Config {
    pub db: PathBuf,
    pub addr: SocketAddr,
    /// The date to treat as today (tests); the local date when absent.
    pub today: Option<Date>,
    /// Serve any `Host` (another address than loopback was asked for explicitly).
    pub public: bool,
}

/// The whole app: pages, API, static files, behind the local-safety guard.
pub fn app(state: AppState) -> Router {
    let api = Router::new()
        .route("/health", get(api::health))
        .route("/profile", get(api::get_profile).put(api::put_profile))
        .route("/plan", get(api::plan))
        .route("/next", get(api::next))
        .route("/sessions", get(api::list_sessions).post(api::post_session))
        .route("/sessions/{id}", get(api::get_session).put(api::put_session).delete(api::delete_session))
        .route("/sets", post(api::post_set))
        .route("/checkins", post(api::post_checkin))
        .route("/assessments", post(api::post_assessment))
        .route("/report", get(api::report))
        .route("/exercises", get(api::exercises))
        .route("/exercises/{id}", get(api::exercise))
        .route("/import", post(api::import).layer(DefaultBodyLimit::max(transfer::MAX_IMPORT_BYTES)))
        .route("/export", get(api::export))
        .fallback(api_not_found);
    Router::new()
        .nest("/api/v1", api)
        .route("/api/openapi.json", get(openapi::openapi))
        .merge(pages::routes())
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(axum::middleware::from_fn_with_state(state.clone(), guard::guard))
        .with_state(state)
}

async fn api_not_found(uri: axum::http::Uri) -> problem::Problem {
    problem::Problem::not_found(format!("no such route: {}", backbone_core::valid::excerpt(uri.path())))
}

/// The `Host` values a server on `addr` answers to: the address itself, and `localhost` for loopback.
pub fn hosts_for(addr: SocketAddr) -> Vec<String> {
    let port = addr.port();
    let mut hosts = vec![addr.to_string()];
    if addr.ip().is_loopback() {
        for host in [format!("localhost:{port}"), format!("127.0.0.1:{port}"), format!("[::1]:{port}")] {
            if !hosts.contains(&host) {
                hosts.push(host);
            }
        }
    }
    hosts
}

/// Binds, tells `ready` the address it got (port 0 picks a free one), and serves until Ctrl-C.
pub async fn serve(config: Config, ready: impl FnOnce(SocketAddr)) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", config.addr))?;
    let addr = listener.local_addr()?;
    let hosts = if config.public { Vec::new() } else { hosts_for(addr) };
    // Open (and migrate) the database before the first request, so that a bad --db fails now.
    drop(backbone_store::Store::open(&config.db)?);
    let state = AppState::new(config.db, config.today, hosts);
    ready(addr);
    axum::serve(listener, app(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await?;
    Ok(())
}
