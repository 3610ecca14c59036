//! What every request shares: the database (a small pool of open stores, used off the async threads),
//! today's date, and the per-athlete cache of the adapted plan and the report.
//!
//! The cache is keyed by a fingerprint of the database (sessions, sets, the last logging order, profile
//! versions, served days) read in one cheap query, so that any write, the server's own or a `backbone
//! log` in a terminal, invalidates it, and a `next` or a report never replays five years per request.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use backbone_core::adapt::{Adapted, adapt_served};
use backbone_core::analytics::report::Report;
use backbone_store::{Store, StoredProfile};
use jiff::civil::Date;

use crate::problem::{Problem, Result};

/// The server's shared state.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

struct Inner {
    db: PathBuf,
    today: Option<Date>,
    pool: Mutex<Vec<Store>>,
    cache: Mutex<Cache>,
    /// The `Host` values this server answers to (empty: any, in public mode).
    hosts: Vec<String>,
}

/// The adapted plan and reports of one state of the database.
#[derive(Default)]
struct Cache {
    key: Option<(Fingerprint, Date)>,
    adapted: Option<Arc<Adapted>>,
    reports: Vec<(u32, Arc<Report>)>,
}

/// What changes with every write: compared, not interpreted.
pub type Fingerprint = [i64; 5];

impl AppState {
    pub fn new(db: PathBuf, today: Option<Date>, hosts: Vec<String>) -> AppState {
        AppState(Arc::new(Inner { db, today, pool: Mutex::new(Vec::new()), cache: Mutex::default(), hosts }))
    }

    /// `--today`, or the local date.
    pub fn today(&self) -> Date {
        self.0.today.unwrap_or_else(|| jiff::Zoned::now().date())
    }

    pub fn hosts(&self) -> &[String] {
        &self.0.hosts
    }

    /// Runs `work` with a store, on a blocking thread: SQLite calls never hold up the async workers.
    pub async fn with_store<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Store) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let state = self.clone();
        tokio::task::spawn_blocking(move || {
            let mut store = state.checkout()?;
            let result = work(&mut store);
            state.0.pool.lock().map(|mut pool| pool.push(store)).ok();
            result
        })
        .await
        .map_err(|e| Problem::new(axum::http::StatusCode::INTERNAL_SERVER_ERROR, format!("the server failed: {e}")))?
    }

    fn checkout(&self) -> Result<Store> {
        if let Some(store) = self.0.pool.lock().ok().and_then(|mut pool| pool.pop()) {
            return Ok(store);
        }
        Ok(Store::open(&self.0.db)?)
    }

    /// The plan adapted to the log (and what was served), from the cache while the database is unchanged.
    pub fn adapted(&self, store: &Store, profile: &StoredProfile, today: Date) -> Result<Arc<Adapted>> {
        let key = (store.fingerprint()?, today);
        if let Some(hit) = self.cached(key, |c| c.adapted.clone()) {
            return Ok(hit);
        }
        let adapted = Arc::new(adapt_served(&profile.profile, &store.sessions()?, &store.served()?, today)?);
        self.store_in_cache(key, |c| c.adapted = Some(adapted.clone()));
        Ok(adapted)
    }

    /// The progress report over `weeks`, cached like the plan.
    pub fn report(&self, store: &Store, profile: &StoredProfile, today: Date, weeks: u32) -> Result<Arc<Report>> {
        let key = (store.fingerprint()?, today);
        if let Some(hit) = self.cached(key, |c| c.reports.iter().find(|(w, _)| *w == weeks).map(|(_, r)| r.clone())) {
            return Ok(hit);
        }
        let adapted = self.adapted(store, profile, today)?;
        let window = backbone_core::analytics::Window::weeks_to(today, weeks);
        let report =
            Arc::new(backbone_core::analytics::report(&profile.profile, &store.sessions()?, &adapted.plan, window));
        self.store_in_cache(key, |c| c.reports.push((weeks, report.clone())));
        Ok(report)
    }

    fn cached<T>(&self, key: (Fingerprint, Date), get: impl FnOnce(&Cache) -> Option<T>) -> Option<T> {
        let cache = self.0.cache.lock().ok()?;
        if cache.key == Some(key) { get(&cache) } else { None }
    }

    fn store_in_cache(&self, key: (Fingerprint, Date), put: impl FnOnce(&mut Cache)) {
        if let Ok(mut cache) = self.0.cache.lock() {
            if cache.key != Some(key) {
                *cache = Cache { key: Some(key), ..Cache::default() };
            }
            put(&mut cache);
        }
    }
}

/// The stored profile, or a 409 saying how to make one.
pub fn profile(store: &Store) -> Result<StoredProfile> {
    store.profile()?.ok_or_else(|| Problem::conflict("no profile yet: make one on /start or PUT /api/v1/profile"))
}
