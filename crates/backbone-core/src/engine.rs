//! The engine: profile (and log) in, plan out (METHOD A, S, W, B, T, P, R, K10, X).
//!
//! `plan` walks the weeks in order. Each week gets its block and emphasis, its training days, and for each
//! day a list of exercises; each exercise then gets its dose and, every two weeks, one progression step,
//! as if every step succeeded. Deload weeks repeat the week before at about half the sets. With a log
//! (`plan_adapted`, behind `adapt`), the same walk reads what was done up to today.
//!
//! Its rooms, as a coach would name them:
//! - the week and the session: `schedule` (blocks, days), `compose` (exercises), `select` (slots),
//!   `dose` (reps, RPE, sets), `timing` (minutes), `findings` (the assessment), `blocks` (deloads, T3);
//! - the estimate and calibration: `estimate` (a logged exposure judged, the max it shows, P5's bounds),
//!   `calibrate` (what a reading does to the working load), `state` (where one exercise stands);
//! - progression: `progression` (steps, regressions, R1's stages), `plateau` (when R1 calls one);
//! - pain and readiness: `body` (R2, R3, R5, P3), `log_view` (the log as the engine reads it);
//! - the served session's life: `today` (served, derived again, trained, kept);
//! - what the person is told: `outcome` (changes found), `next` (the next session's notices), `agree`
//!   (every number a notice names is the one served), `notices` (the plan's notices).

mod agree;
mod blocks;
mod body;
mod calibrate;
mod compose;
mod dose;
mod estimate;
mod findings;
mod log_view;
mod next;
mod notices;
mod outcome;
mod plateau;
mod progression;
mod schedule;
mod select;
mod state;
mod timing;
mod today;

use std::borrow::Cow;

use jiff::ToSpan;
use jiff::civil::Date;

use crate::catalog::{Catalog, Exercise, rule_order};
use crate::plan::{
    Athlete, BlockRef, CooldownItem, MainItem, Notice, Plan, Reps, SCHEMA, Session, WarmupItem, Week, Why,
};
use crate::profile::Profile;
use crate::vocab::{Emphasis, Focus, Pattern};

pub use body::{hold_reason, pain_substitute};
pub use findings::Findings;
pub use log_view::{LogView, PAIN_DAYS, PainEvent};
pub use next::MAX_NOTICES;
pub use select::Slots;

use compose::{Composer, Pick};
use dose::DoseContext;
use progression::{Outcome, Progress};
use schedule::Kind;
use select::Chooser;

/// The adapted plan and the session due next.
#[derive(Debug, Clone)]
pub struct Adapted {
    pub plan: Plan,
    /// The next planned session on or after today, with what changed and why.
    pub next: Option<NextSession>,
}

/// The next session with its notices (CONTRACT `next --json`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct NextSession {
    #[serde(flatten)]
    pub session: Session,
    pub notices: Vec<Notice>,
    /// Exercises kept out after a referral that wait for the person to say they are pain-free or
    /// cleared (METHOD R3): `log --cleared ID`, or the API's `cleared` field of a session.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ask_cleared: Vec<String>,
    /// Work sets already logged today, per exercise of the session (the served session's life: what is
    /// trained is kept, and a screen can say so).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub done: std::collections::BTreeMap<String, u32>,
}

/// The longest plan `plan` makes, in weeks.
pub const MAX_WEEKS: u32 = 52;

/// A request the planner cannot honour.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("weeks: {0} is not allowed; expected a whole number from 1 to {MAX_WEEKS}")]
    Weeks(u32),
}

/// Plans `weeks` weeks for a profile from its start date, with the shipped catalog.
pub fn plan(profile: &Profile, weeks: u32) -> Result<Plan, PlanError> {
    plan_with(profile, weeks, Catalog::builtin())
}

/// Plans with a given catalog.
pub fn plan_with(profile: &Profile, weeks: u32, catalog: &'static Catalog) -> Result<Plan, PlanError> {
    if !(1..=MAX_WEEKS).contains(&weeks) {
        return Err(PlanError::Weeks(weeks));
    }
    Ok(run(profile, weeks, catalog, None).plan)
}

/// Plans `weeks` weeks replayed over a log (the adaptation engine, `adapt::adapt`).
pub fn plan_adapted(profile: &Profile, weeks: u32, log: &LogView) -> Result<Adapted, PlanError> {
    if weeks == 0 {
        return Err(PlanError::Weeks(weeks));
    }
    Ok(run(profile, weeks, Catalog::builtin(), Some(log)))
}

fn run(profile: &Profile, weeks: u32, catalog: &'static Catalog, log: Option<&LogView>) -> Adapted {
    let mut planner = Planner::new(profile, catalog, log);
    let mut out: Vec<Week> = Vec::with_capacity(weeks as usize);
    for index in 1..=weeks {
        let week = planner.week(index, out.last());
        out.push(week);
    }
    let notices = planner.notices(&out);
    let next = log.and_then(|l| planner.next(&out, l));
    let plan = Plan {
        schema: Cow::Borrowed(SCHEMA),
        athlete: Athlete { name: profile.name.clone(), experience: profile.experience, goal: profile.goal },
        start: profile.start,
        weeks: out,
        notices,
    };
    Adapted { plan, next }
}

/// Everything the planner knows while it walks the weeks.
pub struct Planner<'c> {
    pub profile: &'c Profile,
    pub catalog: &'static Catalog,
    pub slots: &'c Slots,
    pub chooser: Chooser<'c>,
    pub findings: Findings,
    pub(crate) progress: Progress,
    /// T2 sessions so far and the date of the first, for the T3 gate (METHOD T4).
    t2_sessions: u32,
    first_t2: Option<Date>,
    /// The date T3 first appeared in the plan.
    pub t3_opened: Option<Date>,
    /// Substitutions made for sensitive joints: (instead of, chosen, forced).
    substitutions: Vec<(&'static str, &'static str, bool)>,
    /// Sessions trimmed to fit the time budget.
    trimmed: u32,
    warmup: Vec<WarmupItem>,
    cooldown: Vec<CooldownItem>,
    /// Sessions composed so far: the same week shape gives the same exercises, so they are chosen once.
    composed: Vec<(ComposeKey, Vec<Pick>)>,
    /// The log, when adapting; `None` plans a pure forecast.
    log: Option<&'c LogView<'c>>,
    /// The current block, its hard weeks so far, and whether R6 or R2 brought its deload forward (B2).
    block: u32,
    hard_weeks: u32,
    deload_next: bool,
    block_successes: u32,
    block_setbacks: u32,
    week_plateaus: u32,
    week_sore: bool,
    /// Bumped when a re-assessment changes the findings, so cached sessions are chosen again.
    findings_version: u32,
    /// METHOD A5: a failed wall angel test at the start locks T3 for the whole first block.
    first_wall_angel_failed: bool,
    /// What the log changed, dated (for `next` and the plan's notices).
    pub(crate) changes: Vec<(Date, Notice)>,
    /// The last day a dated change still applies (an R2 cut, an R3 stop), by its text (METHOD K10).
    pub(crate) expiring: Vec<(String, Date)>,
    /// The texts of `changes`, to keep each once without scanning years of them.
    change_texts: rustc_hash::FxHashSet<String>,
    /// The first day of each deload week, when re-assessment is due (METHOD A6).
    deloads: Vec<Date>,
    /// Exercises stopped by pain today, and where their remaining sets go (METHOD R3).
    same_day: Vec<today::SameDayStop>,
    /// What each change's text claims the next sessions serve, by its text (METHOD K10).
    claims: rustc_hash::FxHashMap<String, progression::Claim>,
    /// Why each deload week came when it did, by its first day (METHOD B2, R6, K10).
    deload_reasons: Vec<(Date, String)>,
    /// The block whose deload R6 has already announced (said once, METHOD K10).
    r6_told: Option<u32>,
    /// What brought the current block's deload forward, if anything (R6, R2).
    deload_cause: Option<&'static str>,
    /// R3's variations for each exercise that hurt, the gentlest first, worked out once.
    sparing: rustc_hash::FxHashMap<&'static str, Vec<&'static Exercise>>,
}

/// What a session's exercise choice depends on besides the profile.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ComposeKey {
    slots: Vec<schedule::Slot>,
    index: usize,
    t3_open: bool,
    swaps: usize,
    findings: u32,
}

impl<'c> Planner<'c> {
    fn new(profile: &'c Profile, catalog: &'static Catalog, log: Option<&'c LogView<'c>>) -> Self {
        let slots = Slots::builtin();
        let chooser = Chooser { catalog, owned: &profile.equipment, sensitive: &profile.sensitive_joints };
        let findings = Findings::of(profile);
        let mut planner = Planner {
            profile,
            catalog,
            slots,
            chooser,
            findings,
            progress: Progress::new(profile),
            t2_sessions: 0,
            first_t2: None,
            t3_opened: None,
            substitutions: Vec::new(),
            trimmed: 0,
            warmup: Vec::new(),
            cooldown: Vec::new(),
            composed: Vec::new(),
            log,
            block: 1,
            hard_weeks: 0,
            deload_next: false,
            block_successes: 0,
            block_setbacks: 0,
            week_plateaus: 0,
            week_sore: false,
            findings_version: 0,
            first_wall_angel_failed: profile.assessment.wall_angel == Some(crate::vocab::PassFail::Fail),
            changes: Vec::new(),
            expiring: Vec::new(),
            change_texts: Default::default(),
            deloads: Vec::new(),
            same_day: Vec::new(),
            claims: Default::default(),
            deload_reasons: Vec::new(),
            r6_told: None,
            deload_cause: None,
            sparing: Default::default(),
        };
        planner.warmup = planner.warmup_items();
        planner.cooldown = planner.cooldown_items();
        planner
    }

    /// One week: a deload repeats the week before at lower dose (METHOD B2); other weeks are built fresh.
    fn week(&mut self, index: u32, before: Option<&Week>) -> Week {
        let start = self.profile.start.saturating_add((7 * (index as i64 - 1)).days());
        if self.hard_weeks == 0 {
            self.begin_block(start);
        }
        // A week already served keeps its kind; otherwise the block decides (B2, R6).
        let served = self.log.and_then(|l| l.served_week_deload(start));
        let deload = match served {
            Some(deload) => deload && self.hard_weeks > 0,
            None => self.deload_due(start),
        };
        if let Some(before) = before.filter(|_| deload) {
            self.progress.deloads.push(start);
            let sessions = before.sessions.iter().map(|s| self.deload_session(s)).collect();
            let week = Week {
                index,
                start,
                block: BlockRef { index: self.block, emphasis: Emphasis::Deload },
                deload: true,
                sessions,
            };
            self.deloads.push(start);
            self.deload_reasons.push((start, self.deload_reason()));
            self.block += 1;
            self.hard_weeks = 0;
            self.deload_next = false;
            self.deload_cause = None;
            return week;
        }
        self.hard_weeks += 1;
        self.week_plateaus = 0;
        self.week_sore = false;
        let block = self.block;
        let emphasis = schedule::emphasis_of(self.profile, block);
        let ctx = DoseContext {
            emphasis,
            week_in_block: self.hard_weeks.min(3),
            gentle: self.profile.is_beginner() || !self.profile.is_lifter(),
            advanced_lifter: self.profile.is_lifter() && self.profile.experience == crate::vocab::Experience::Advanced,
            minutes: self.profile.session_minutes,
        };
        let slots = schedule::week_slots(self.profile, block);
        let single = slots.len() == 1;
        let has_vertical = slots.iter().any(|s| s.kind == Kind::Vertical);
        let mut week_used: Vec<&'static str> = Vec::new();
        let mut sessions = Vec::with_capacity(slots.len());
        for (i, slot) in slots.iter().enumerate() {
            let date = start.saturating_add(slot.offset.days());
            let t3_open = self.t3_open(date, block);
            let key = ComposeKey {
                slots: slots.clone(),
                index: i,
                t3_open,
                swaps: self.progress.swaps.len() + self.progress.variations.len() + self.progress.regressions.len(),
                findings: self.findings_version,
            };
            let picks = match self.composed.iter().find(|(k, _)| *k == key) {
                Some((_, picks)) => picks.clone(),
                None => {
                    let picks = Composer::new(self, &week_used).day(*slot, t3_open, single, has_vertical);
                    self.composed.push((key, picks.clone()));
                    picks
                }
            };
            week_used.extend(picks.iter().map(|p| p.exercise.id.as_str()));
            let session = self.session(date, &picks, &ctx);
            self.count_tiers(&session);
            sessions.push(session);
        }
        self.early_deload(start);
        let target = crate::analytics::volume::upper_back_target(self.profile.experience);
        self.progress.volume_full = upper_back_hard_sets(&sessions, self.catalog) >= target.high;
        Week { index, start, block: BlockRef { index: block, emphasis }, deload: false, sessions }
    }

    /// A session from its exercises: doses, progression, warm-up, cool-down, fitted to the time budget,
    /// then what the log says about the day (METHOD R2, R3, R5).
    fn session(&mut self, date: Date, picks: &[Pick], ctx: &DoseContext) -> Session {
        let picks = self.spare_pain(date, picks);
        let picks = self.apply_regressions(date, picks, ctx);
        for p in &picks {
            if let Some(instead) = p.instead_of {
                self.note_substitution(instead.id.as_str(), p.exercise.id.as_str(), false);
            } else if p.forced {
                self.note_substitution(p.exercise.id.as_str(), p.exercise.id.as_str(), true);
            }
        }
        let budget = u32::from(self.profile.session_minutes) * 60;
        let cooldown = self.cooldown.clone();
        let fixed = timing::warmup_seconds(&self.warmup) + timing::cooldown_seconds(&cooldown, self.catalog);
        let mut main: Vec<MainItem> = Vec::with_capacity(picks.len());
        // The whole session is sized first, so that a step on an early exercise cannot crowd out a later one.
        // Most sessions have no step due; sizing them would be wasted work.
        let any_due = picks.iter().any(|p| self.progress.due(p, date));
        let sizes: Vec<u32> = picks
            .iter()
            .map(|p| if any_due { timing::item_seconds(&self.progress.peek(p, ctx), p.exercise) } else { 0 })
            .collect();
        let mut spent = fixed + sizes.iter().sum::<u32>();
        let mut outcome = Outcome::default();
        for (p, size) in picks.iter().zip(sizes) {
            let item = self.progress.prescribe(p, date, ctx, budget.saturating_sub(spent), self.log, &mut outcome);
            spent = (spent + timing::item_seconds(&item, p.exercise)).saturating_sub(size);
            main.push(item);
        }
        self.absorb(date, outcome);
        let mut session =
            Session { date, focus: Focus::Full, heavy: false, minutes: 0, warmup: self.warmup.clone(), main, cooldown };
        self.soreness(&mut session);
        self.readiness(&mut session);
        if timing::fit(&mut session, budget, self.catalog) {
            self.trimmed += 1;
        }
        finish(&mut session, self.catalog);
        self.keep_served(session, false)
    }

    /// METHOD P7 acts at once: the log read up to this day may put an easier (or a loaded) variation in
    /// place of an exercise, in this very session rather than from the next week's on.
    fn apply_regressions(&mut self, date: Date, picks: Vec<Pick>, ctx: &DoseContext) -> Vec<Pick> {
        // Only a day up to today has a new log to read; later days take what earlier ones decided.
        let reading = self.log.is_some_and(|l| date <= l.today.saturating_add(1.days()));
        if reading {
            let mut outcome = Outcome::default();
            for p in &picks {
                self.progress.prepare(p, date, ctx, self.log, &mut outcome);
            }
            self.absorb(date, outcome);
        }
        let before: Vec<&str> = picks.iter().map(|p| p.exercise.id.as_str()).collect();
        let picks = self.replaced(picks);
        if reading {
            // A replacement's own log is read up to the day too, before it is prescribed.
            for (p, old) in picks.iter().zip(before) {
                if p.exercise.id != old {
                    let mut outcome = Outcome::default();
                    self.progress.prepare(p, date, ctx, self.log, &mut outcome);
                    self.absorb(date, outcome);
                }
            }
        }
        picks
    }

    /// The picks with P7's replacements in place.
    fn replaced(&self, picks: Vec<Pick>) -> Vec<Pick> {
        picks
            .into_iter()
            .map(|p| match self.progress.replacement(p.exercise) {
                Some(to) if self.chooser.allows(to) => {
                    let mut why = p.why.clone();
                    why.push("P7");
                    Pick { exercise: to, why, instead_of: None, forced: false, ..p }
                }
                _ => p,
            })
            .collect()
    }

    /// The served session's life (`today.rs`): a past day keeps what the person was last served for it,
    /// and its log is judged against that (METHOD P1); today keeps what was trained as served and takes
    /// the rest from the derivation just made (R3, R5). A day up to today without a served record keeps
    /// the engine's own prescription for judging. A deload day's prescription is not recorded: its log is
    /// never judged (B2), and its load must not become the working load of the hard weeks after it.
    fn keep_served(&mut self, session: Session, deload: bool) -> Session {
        let Some(log) = self.log.filter(|l| session.date <= l.today) else { return session };
        let kept = match log.served_on(session.date) {
            Some(served) if session.date == log.today => {
                let day = session.date;
                let done = |id: &str| log.sets_done(id, day);
                // Every exercise that hurt today stops, whether or not the new derivation still held it.
                for id in log.stopped_today() {
                    if let Some(ex) = self.catalog.get(id)
                        && !self.same_day.iter().any(|s| s.from == ex.id)
                    {
                        self.same_day.push(today::SameDayStop { from: ex.id.as_str(), to: None });
                    }
                }
                let mut merged = today::merge(served, session, done, &self.same_day);
                finish(&mut merged, self.catalog);
                merged
            }
            Some(served) => served.clone(),
            None => session,
        };
        if !deload {
            for item in &kept.main {
                self.progress.record(kept.date, item);
            }
        }
        kept
    }

    /// METHOD B2: the same movements and frequency, at most 60% of the sets, RPE 5-6; pain stops hold
    /// here too (R3).
    fn deload_session(&mut self, before: &Session) -> Session {
        let date = before.date.saturating_add(7.days());
        let main: Vec<MainItem> = before
            .main
            .iter()
            .map(|m| {
                let ex = self.catalog.get(&m.exercise);
                self.progress.deload(m, ex)
            })
            .collect();
        let main = self.spare_pain_in_deload(date, main);
        let mut session =
            Session { date, main, warmup: before.warmup.clone(), cooldown: before.cooldown.clone(), ..before.clone() };
        finish(&mut session, self.catalog);
        self.keep_served(session, true)
    }

    /// Records a change once (by its text); returns whether it was new.
    pub(crate) fn note_change(&mut self, date: Date, notice: Notice) -> bool {
        let new = self.change_texts.insert(notice.text.clone());
        if new {
            self.changes.push((date, notice));
        }
        new
    }

    fn note_substitution(&mut self, instead: &'static str, chosen: &'static str, forced: bool) {
        if !self.substitutions.iter().any(|(i, c, _)| *i == instead && *c == chosen) {
            self.substitutions.push((instead, chosen, forced));
        }
    }

    /// At least five minutes of dynamic warm-up (METHOD S1): a thoracic drill first when rotation is
    /// limited (A5), activation for lifters, then general drills.
    fn warmup_items(&self) -> Vec<WarmupItem> {
        let s = self.slots;
        let mut chosen: Vec<(&'static Exercise, Vec<&'static str>)> = Vec::new();
        let take = |list: &[String],
                    n: usize,
                    why: &[&'static str],
                    chosen: &mut Vec<(&'static Exercise, Vec<&'static str>)>| {
            let mut added = 0;
            for id in list {
                if added == n {
                    break;
                }
                let Some(ex) = self.catalog.get(id) else { continue };
                if self.chooser.allows(ex) && !chosen.iter().any(|(c, _)| c.id == ex.id) {
                    chosen.push((ex, why.to_vec()));
                    added += 1;
                }
            }
        };
        if self.findings.thoracic_limited {
            take(&s.warmup_thoracic, 1, &["S1", "A5"], &mut chosen);
        }
        let general: usize = if self.profile.is_lifter() { 4 } else { 5 };
        let need = general.saturating_sub(chosen.len());
        take(&s.warmup, need, &["S1"], &mut chosen);
        if self.profile.is_lifter() {
            take(&s.activation, 2, &["S1"], &mut chosen);
        }
        // With many sensitive joints few drills remain; the ones left get longer so the warm-up still
        // lasts five minutes.
        let each = if chosen.is_empty() { 60 } else { (300 / chosen.len() as u32).max(60) };
        chosen
            .into_iter()
            .map(|(ex, why)| WarmupItem { exercise: Cow::Borrowed(ex.id.as_str()), seconds: each, why: why_of(&why) })
            .collect()
    }

    /// Three to five static stretches after the work (METHOD S3): four, or three in short sessions.
    fn cooldown_items(&self) -> Vec<CooldownItem> {
        let n = if self.profile.session_minutes <= 30 { 3 } else { 4 };
        let sets = if !self.profile.is_lifter() && self.profile.session_minutes >= 45 { 3 } else { 2 };
        let stretches: Vec<&Exercise> = self.slots.stretch.iter().filter_map(|id| self.catalog.get(id)).collect();
        let mut chosen: Vec<&Exercise> = stretches.iter().copied().filter(|e| self.chooser.allows(e)).take(n).collect();
        // METHOD S3 wants at least three; when sensitive joints leave fewer, the gentlest of the rest fill in.
        for ex in &stretches {
            if chosen.len() >= 3 {
                break;
            }
            if ex.fits(self.chooser.owned) && !chosen.iter().any(|c| c.id == ex.id) {
                chosen.push(ex);
            }
        }
        chosen
            .into_iter()
            .map(|ex| CooldownItem {
                exercise: Cow::Borrowed(ex.id.as_str()),
                hold_seconds: 20,
                sets,
                why: why_of(&["S3"]),
            })
            .collect()
    }

    fn notices(&self, weeks: &[Week]) -> Vec<Notice> {
        let mut notices = notices::collect(self, weeks, &self.substitutions, self.trimmed);
        if let Some(log) = self.log {
            // The plan carries what the log changed lately; `next` carries what concerns the next session.
            let from = log.today.saturating_sub(28.days());
            let to = log.today.saturating_add(14.days());
            notices.extend(self.dated_changes(from, to));
            notices.extend(self.referrals(from));
        }
        sort_notices(&mut notices);
        notices
    }
}

/// Notices in METHOD order, then by text, without repeats.
fn sort_notices(notices: &mut Vec<Notice>) {
    notices.sort_by(|a, b| rule_order(&a.rule).cmp(&rule_order(&b.rule)).then_with(|| a.text.cmp(&b.text)));
    notices.dedup();
}

/// Sets `focus`, `heavy` and `minutes` from the session's contents (CONTRACT definitions).
fn finish(session: &mut Session, catalog: &Catalog) {
    let main = session.main.first();
    let ex = main.and_then(|m| catalog.get(&m.exercise));
    session.focus = ex.map(focus_of).unwrap_or(Focus::Full);
    session.heavy = main.is_some_and(is_heavy);
    session.minutes = timing::session_minutes(session, catalog);
}

/// METHOD B5's weekly count over a planned week, as the report counts logged sets: a hard set (RPE 7 or
/// more) counts 1 when an upper-back muscle is a prime mover, 0.5 when one is a secondary muscle.
fn upper_back_hard_sets(sessions: &[Session], catalog: &Catalog) -> f64 {
    use crate::analytics::volume::UPPER_BACK;
    let weight = |ex: &Exercise| {
        let back = |ms: &[crate::vocab::Muscle]| ms.iter().any(|m| UPPER_BACK.contains(m));
        if back(&ex.muscles.primary) {
            1.0
        } else if back(&ex.muscles.secondary) {
            0.5
        } else {
            0.0
        }
    };
    let items = sessions.iter().flat_map(|s| &s.main).filter(|m| m.rpe >= 7.0);
    items.filter_map(|m| catalog.get(&m.exercise).map(|ex| weight(ex) * f64::from(m.sets))).sum()
}

/// CONTRACT: heavy when the main lift is at RPE 8 or more, or at 6 reps or fewer.
pub fn is_heavy(item: &MainItem) -> bool {
    item.rpe >= 8.0 || item.reps.is_some_and(|r| r.target <= 6)
}

/// The focus a main lift gives its session.
fn focus_of(ex: &Exercise) -> Focus {
    let first = ex.patterns.iter().find(|p| {
        matches!(
            p,
            Pattern::HorizontalPull
                | Pattern::VerticalPull
                | Pattern::Hinge
                | Pattern::Scapular
                | Pattern::ExternalRotation
        )
    });
    match first {
        Some(Pattern::HorizontalPull) => Focus::HorizontalPull,
        Some(Pattern::VerticalPull) => Focus::VerticalPull,
        Some(Pattern::Hinge) => Focus::Hinge,
        Some(_) => Focus::Posture,
        None => Focus::Full,
    }
}

/// Rule ids sorted in METHOD order without repeats.
pub(crate) fn why_of(ids: &[&'static str]) -> Why {
    let mut why: Why = ids.iter().map(|id| Cow::Borrowed(*id)).collect();
    sort_why(&mut why);
    why
}

/// Sorts rule ids in METHOD order and drops repeats.
pub(crate) fn sort_why(why: &mut Why) {
    why.sort_by(|a, b| rule_order(a).cmp(&rule_order(b)));
    why.dedup();
}

/// Reps with a target inside the range.
pub(crate) fn reps(min: u32, max: u32, target: u32) -> Reps {
    Reps { min, max, target: target.clamp(min, max) }
}

#[cfg(test)]
mod tests;
