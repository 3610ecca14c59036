//! What every request shares: the database (a small pool of open stores, used off the async threads),
//! today's date, a cache of answers, and the writer that commits checked-off sets in groups.
//!
//! The cache holds the adapted plan, reports and whole JSON answers for one state of the database: a
//! count of this server's own writes (bumped after each, so they are seen at once) and SQLite's
//! `data_version` as a handle kept only for asking sees it, which changes with every commit by anyone
//! (a `backbone log` in a terminal too). The pragma takes a file lock, so it is asked at most once a
//! millisecond: another program's write is seen within a millisecond, and a request that finds its
//! answer costs a lookup and a copy. A `next` or a report never replays five years per request.
//!
//! Sets checked off in the app arrive many at a time. One thread owns a store for them and commits
//! whatever has arrived in one transaction, acknowledging each set once the commit (and the disk) has
//! it: one durable write per group rather than per set.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::encoding::Answer;
use backbone_core::adapt::{Adapted, adapt_served};
use backbone_core::analytics::Coaching;
use backbone_core::analytics::report::Report;
use backbone_core::catalog::Catalog;
use backbone_store::{Logged, NewSet, Store, StoredProfile};
use jiff::civil::Date;

use crate::problem::{Problem, Result};

/// The server's shared state.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

struct Inner {
    db: PathBuf,
    today: Option<Date>,
    pool: Mutex<Vec<Store>>,
    /// A handle used only to read `data_version`, and its last answer with when it was read.
    watch: Mutex<Option<Store>>,
    seen: Mutex<Option<(Instant, i64)>>,
    /// This server's writes so far (each handler that may write bumps it when done).
    writes: AtomicU64,
    cache: Mutex<Cache>,
    /// One computation per missing answer, however many requests ask at once.
    filling: tokio::sync::Mutex<()>,
    writer: Mutex<Option<std::sync::mpsc::Sender<Job>>>,
    /// The `Host` values this server answers to (empty: any, in public mode).
    hosts: Vec<String>,
}

/// What is cached for one state of the database and one day.
#[derive(Default)]
struct Cache {
    key: Option<Key>,
    adapted: Option<Arc<Adapted>>,
    reports: Vec<(u32, Arc<Report>)>,
    answers: HashMap<String, Answer>,
}

/// A set for the writer thread, and where to say what became of it.
struct Job {
    set: NewSet,
    today: Date,
    reply: tokio::sync::oneshot::Sender<Result<Logged>>,
}

/// A state of the database and a day: (this server's writes, `data_version`, today).
type Key = (u64, i64, Date);

/// How long a `data_version` answer holds.
const SEEN_FOR: Duration = Duration::from_millis(1);

/// Sets committed together at most.
const GROUP: usize = 512;

impl AppState {
    pub fn new(db: PathBuf, today: Option<Date>, hosts: Vec<String>) -> AppState {
        AppState(Arc::new(Inner {
            db,
            today,
            pool: Mutex::new(Vec::new()),
            watch: Mutex::new(None),
            seen: Mutex::new(None),
            writes: AtomicU64::new(0),
            cache: Mutex::default(),
            filling: tokio::sync::Mutex::new(()),
            writer: Mutex::new(None),
            hosts,
        }))
    }

    /// `--today`, or the local date.
    pub fn today(&self) -> Date {
        self.0.today.unwrap_or_else(|| jiff::Zoned::now().date())
    }

    pub fn hosts(&self) -> &[String] {
        &self.0.hosts
    }

    /// Runs `work` with a store, on a blocking thread: SQLite calls never hold up the async workers.
    /// The work may write, so the cache is not trusted past it.
    pub async fn with_store<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Store) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let done = self.reading(work).await;
        self.0.writes.fetch_add(1, Ordering::SeqCst);
        done
    }

    /// Runs `work`, which only reads (or writes nothing another answer depends on), on a blocking thread.
    pub async fn reading<T: Send + 'static>(
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

    /// The state of the database now, and today.
    fn key(&self) -> Result<Key> {
        let writes = self.0.writes.load(Ordering::SeqCst);
        Ok((writes, self.data_version()?, self.today()))
    }

    /// `data_version`, asked at most once per `SEEN_FOR`.
    fn data_version(&self) -> Result<i64> {
        let mut seen = self.0.seen.lock().map_err(|_| poisoned())?;
        if let Some((at, version)) = *seen
            && at.elapsed() < SEEN_FOR
        {
            return Ok(version);
        }
        let mut watch = self.0.watch.lock().map_err(|_| poisoned())?;
        if watch.is_none() {
            *watch = Some(Store::open(&self.0.db)?);
        }
        let version = watch.as_ref().map(Store::data_version).transpose()?.unwrap_or(0);
        *seen = Some((Instant::now(), version));
        Ok(version)
    }

    /// A whole JSON answer for `name` (a route and its query), from the cache while the database is
    /// unchanged, else made by `make` on a blocking thread (once, however many ask) and kept.
    pub async fn answer(
        &self,
        name: String,
        make: impl FnOnce(&AppState, &mut Store) -> Result<Vec<u8>> + Send + 'static,
    ) -> Result<Answer> {
        let key = self.key()?;
        if let Some(hit) = self.cached(key, |c| c.answers.get(&name).cloned()) {
            return Ok(hit);
        }
        let _one = self.0.filling.lock().await;
        let key = self.key()?;
        if let Some(hit) = self.cached(key, |c| c.answers.get(&name).cloned()) {
            return Ok(hit);
        }
        let state = self.clone();
        let answer = Answer::new(self.reading(move |store| make(&state, store)).await?);
        // Made from the state of `key` or later: kept under the key seen now, which a write made while
        // making it has moved on from.
        let after = self.key()?;
        if after == key {
            self.store_in_cache(key, |c| {
                c.answers.insert(name, answer.clone());
            });
        }
        Ok(answer)
    }

    /// The plan adapted to the log (and what was served), from the cache while the database is unchanged.
    pub fn adapted(&self, store: &Store, profile: &StoredProfile, today: Date) -> Result<Arc<Adapted>> {
        let (writes, version, _) = self.key()?;
        let key = (writes, version, today);
        if let Some(hit) = self.cached(key, |c| c.adapted.clone()) {
            return Ok(hit);
        }
        let adapted = Arc::new(adapt_served(&profile.profile, &store.sessions()?, &store.served()?, today)?);
        self.store_in_cache(key, |c| c.adapted = Some(adapted.clone()));
        Ok(adapted)
    }

    /// The progress report over `weeks`, cached like the plan.
    pub fn report(&self, store: &Store, profile: &StoredProfile, today: Date, weeks: u32) -> Result<Arc<Report>> {
        let (writes, version, _) = self.key()?;
        let key = (writes, version, today);
        if let Some(hit) = self.cached(key, |c| c.reports.iter().find(|(w, _)| *w == weeks).map(|(_, r)| r.clone())) {
            return Ok(hit);
        }
        let adapted = self.adapted(store, profile, today)?;
        let window = backbone_core::analytics::Window::weeks_to(today, weeks);
        let catalog = Catalog::builtin().with_customs(&store.custom_exercises()?);
        let coaching = Coaching { profile: &profile.profile, plan: &adapted.plan };
        let report = Arc::new(backbone_core::analytics::report(Some(coaching), &store.sessions()?, &catalog, window));
        self.store_in_cache(key, |c| c.reports.push((weeks, report.clone())));
        Ok(report)
    }

    fn cached<T>(&self, key: Key, get: impl FnOnce(&Cache) -> Option<T>) -> Option<T> {
        let cache = self.0.cache.lock().ok()?;
        if cache.key == Some(key) { get(&cache) } else { None }
    }

    fn store_in_cache(&self, key: Key, put: impl FnOnce(&mut Cache)) {
        if let Ok(mut cache) = self.0.cache.lock() {
            if cache.key != Some(key) {
                *cache = Cache { key: Some(key), ..Cache::default() };
            }
            put(&mut cache);
        }
    }

    /// Adds a checked-off set through the writer thread; answers once the set is committed.
    pub async fn add_set(&self, set: NewSet) -> Result<Logged> {
        let (reply, answer) = tokio::sync::oneshot::channel();
        let job = Job { set, today: self.today(), reply };
        self.writer()?
            .send(job)
            .map_err(|_| Problem::new(axum::http::StatusCode::SERVICE_UNAVAILABLE, "the writer stopped"))?;
        answer.await.map_err(|_| Problem::new(axum::http::StatusCode::SERVICE_UNAVAILABLE, "the writer stopped"))?
    }

    fn writer(&self) -> Result<std::sync::mpsc::Sender<Job>> {
        let mut writer = self.0.writer.lock().map_err(|_| poisoned())?;
        if let Some(w) = writer.as_ref() {
            return Ok(w.clone());
        }
        let (send, receive) = std::sync::mpsc::channel::<Job>();
        let store = Store::open(&self.0.db)?;
        std::thread::Builder::new()
            .name("backbone-writer".into())
            .spawn(move || write_groups(store, &receive))
            .map_err(|e| {
                Problem::new(axum::http::StatusCode::INTERNAL_SERVER_ERROR, format!("the server failed: {e}"))
            })?;
        *writer = Some(send.clone());
        Ok(send)
    }
}

/// The writer thread: waits for a set, takes every other set already waiting, commits them together.
fn write_groups(mut store: Store, receive: &std::sync::mpsc::Receiver<Job>) {
    while let Ok(first) = receive.recv() {
        let mut group = vec![first];
        while group.len() < GROUP {
            match receive.try_recv() {
                Ok(job) => group.push(job),
                Err(_) => break,
            }
        }
        let today = group[0].today;
        let sets: Vec<NewSet> = group.iter().map(|j| j.set.clone()).collect();
        match store.add_sets(&sets, today) {
            Ok(outcomes) => {
                for (job, outcome) in group.into_iter().zip(outcomes) {
                    let _ = job.reply.send(Ok(outcome));
                }
            }
            // One set the store refuses must not cost the others: each alone, with its own answer.
            Err(_) => {
                for job in group {
                    let outcome = store.add_sets(std::slice::from_ref(&job.set), job.today);
                    let _ = job
                        .reply
                        .send(outcome.map(|mut o| o.pop().unwrap_or(Logged::Duplicate)).map_err(Problem::from));
                }
            }
        }
    }
}

fn poisoned() -> Problem {
    Problem::new(axum::http::StatusCode::INTERNAL_SERVER_ERROR, "the server failed: a lock was poisoned")
}

/// The stored profile, or a 409 saying how to make one.
pub fn profile(store: &Store) -> Result<StoredProfile> {
    store.profile()?.ok_or_else(|| Problem::conflict("no profile yet: make one on /start or PUT /api/v1/profile"))
}
