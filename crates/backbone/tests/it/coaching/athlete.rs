//! The simulated body: a hidden true strength per exercise that grows (or not) week by week, and honest
//! performance of whatever is served, short reps when overloaded.

use backbone_core::catalog::{Catalog, Exercise};
use backbone_core::load::rts_percent;
use jiff::civil::Date;
use serde_json::{Value, json};

/// Who the simulated person is, beyond the profile.
#[derive(Debug, Clone)]
pub struct Body {
    pub body_kg: f64,
    /// Strength relative to the table of ratios (1.0 = the table).
    pub factor: f64,
    /// Weekly growth of every capacity (0.008 = 0.8% a week).
    pub growth: f64,
    /// Bodyweight pull-ups at RPE 10 at the start.
    pub pull_ups: f64,
    /// Pain 6 on the first overhead pull of the first session of this week (1-based), if any.
    pub pain_week: Option<i64>,
    pub start: Date,
    /// How far off the RPE this person logs is (up to 1 either way): +1 logs every set a point harder
    /// than it was, -1 a point easier; `misjudges` alternates the sign by exercise.
    pub rpe_bias: f64,
    pub misjudges: bool,
    /// On the first session of this week (1-based), a poor check-in (5 h sleep, stress 8) comes after
    /// the session was first shown, before training.
    pub late_checkin_week: Option<i64>,
    /// Weeks the simulation runs.
    pub weeks: i64,
    /// Does it their own way: a lighter load (about 10% under what is served) for more reps (METHOD R1).
    pub own_way: bool,
}

/// One-rep max as a share of body weight, per exercise (per hand for dumbbells): a typical trained
/// person's, for the simulation only.
fn ratio(ex: &Exercise) -> f64 {
    match ex.id.as_str() {
        "barbell-row" | "bent-over-row" | "pendlay-row" => 0.9,
        "deadlift" => 1.6,
        "romanian-deadlift" => 1.2,
        "dumbbell-romanian-deadlift" => 0.45,
        "hip-thrust" => 1.4,
        "dumbbell-hip-thrust" => 0.5,
        "one-arm-dumbbell-row" | "dumbbell-bent-over-row" | "kettlebell-row" | "seal-row" => 0.42,
        "lat-pulldown" | "neutral-grip-pulldown" | "cable-row" | "unilateral-cable-row" => 0.8,
        "chest-supported-row" | "incline-bench-pull" => 0.35,
        "farmer-carry" | "suitcase-carry" | "kettlebell-farmer-carry" | "kettlebell-suitcase-carry" => 0.5,
        _ if ex.category.as_str() == "posture" => 0.15,
        _ if ex.category.as_str() == "core" => 0.3,
        _ => 0.4,
    }
}

/// The reps possible at a fraction of the one-rep max (RPE 10): the RTS chart to 12 reps, then Epley's
/// line carried on from the chart's 12-rep value, so that light loads give many reps rather than the fit's
/// floor (a body does not stop at 50% of its max).
fn reps_possible(fraction: f64) -> f64 {
    if fraction > 1.0 {
        return 0.0;
    }
    let at = |r: u32| rts_percent(r, 10.0).unwrap_or(1.0);
    if fraction < at(12) {
        return 12.0 + 30.0 * (at(12) / fraction - 1.0);
    }
    let mut reps = 1u32;
    while reps < 12 && at(reps + 1) >= fraction {
        reps += 1;
    }
    // Between whole reps, interpolate so that RPE moves smoothly with load.
    let (here, next) = (at(reps), at(reps + 1));
    let part = if here > next { ((here - fraction) / (here - next)).clamp(0.0, 1.0) } else { 0.0 };
    f64::from(reps) + part
}

impl Body {
    fn weeks(&self, day: Date) -> f64 {
        f64::from((day - self.start).get_days()) / 7.0
    }

    fn grown(&self, day: Date) -> f64 {
        (1.0 + self.growth).powf(self.weeks(day).floor())
    }

    /// The true one-rep max of the load an exercise takes, that day (for a weighted pull-up: the body
    /// and the load together).
    pub fn one_rep_max(&self, ex: &Exercise, day: Date) -> f64 {
        if ex.adds_to_body {
            return self.body_kg / rts_percent(self.pull_ups.round().max(1.0) as u32, 10.0).unwrap_or(0.6)
                * self.grown(day);
        }
        self.body_kg * ratio(ex) * self.factor * self.grown(day)
    }

    /// The load that gives `reps` at `rpe` for this body that day: what a coach would prescribe.
    pub fn ideal_load(&self, ex: &Exercise, day: Date, reps: u32, rpe: f64) -> Option<f64> {
        let pct = rts_percent(reps, rpe)?;
        let total = self.one_rep_max(ex, day) * pct;
        Some(if ex.adds_to_body { total - self.body_kg } else { total })
    }

    /// Reps at RPE 10 without a load, from a max that grows like any other: pull-ups move the body (a
    /// band takes about a third of it); other bodyweight and band work starts at 20 reps.
    fn rep_capacity(&self, ex: &Exercise, day: Date) -> f64 {
        let pull_max =
            || self.body_kg / rts_percent(self.pull_ups.round().max(1.0) as u32, 10.0).unwrap_or(0.6) * self.grown(day);
        match ex.id.as_str() {
            "pull-up" | "chin-up" => reps_possible(self.body_kg / pull_max()),
            id if id.contains("assisted") => reps_possible(self.body_kg * 0.65 / pull_max()),
            // 20 reps at the start, from a max that grows like the others.
            _ => {
                let at12 = rts_percent(12, 10.0).unwrap_or(0.694);
                reps_possible(at12 / (1.0 + 8.0 / 30.0) / self.grown(day))
            }
        }
    }

    /// Whether this session's overhead pull is the one that hurts.
    fn hurts(&self, ex: &Exercise, day: Date, first_overhead: bool) -> bool {
        let in_week = self.pain_week.is_some_and(|w| self.weeks(day).floor() as i64 == w - 1);
        in_week && first_overhead && ex.patterns.iter().any(|p| p.as_str() == "vertical_pull")
    }

    /// Whether this day is the one the poor check-in comes after the session was shown.
    pub fn late_checkin(&self, day: Date, done: bool) -> bool {
        !done && self.late_checkin_week.is_some_and(|w| self.weeks(day).floor() as i64 == w - 1)
    }

    /// The RPE this person logs for a set felt at `rpe`.
    fn logged_rpe(&self, ex: &Exercise, rpe: f64) -> f64 {
        let sign = if self.misjudges && ex.id.len() % 2 == 1 { -1.0 } else { 1.0 };
        ((rpe + sign * self.rpe_bias).clamp(4.0, 10.0) * 2.0).round() / 2.0
    }

    /// Performs a served session: the sets as the session JSON of CONTRACT "Keeping a log".
    pub fn perform(&self, served: &Value, day: Date, pain_done: &mut bool) -> Value {
        let catalog = Catalog::builtin();
        let mut sets = Vec::new();
        let mut first_overhead = true;
        for item in served["main"].as_array().into_iter().flatten() {
            let Some(ex) = item["exercise"].as_str().and_then(|id| catalog.get(id)) else { continue };
            let hurts = !*pain_done && self.hurts(ex, day, first_overhead);
            if ex.patterns.iter().any(|p| p.as_str() == "vertical_pull") {
                first_overhead = false;
            }
            if hurts {
                *pain_done = true;
            }
            sets.extend(self.item(ex, item, day, hurts));
        }
        json!({
            "date": day.to_string(),
            "checkin": {"soreness": 3, "sleep_hours": 7.5, "stress": 3, "energy": 7},
            "sets": sets,
        })
    }

    fn item(&self, ex: &Exercise, item: &Value, day: Date, hurts: bool) -> Vec<Value> {
        let n = item["sets"].as_u64().unwrap_or(1);
        let served_load = item["load_kg"].as_f64();
        let load = match (ex.load, served_load) {
            (Some(_), Some(kg)) if self.own_way && !ex.adds_to_body => Some(((kg * 0.9) / 2.5).floor().max(1.0) * 2.5),
            (Some(_), Some(kg)) => Some(kg),
            // No load served on a loadable exercise: the person picks a cautious one (60% of the max).
            (Some(_), None) => {
                let step =
                    if matches!(ex.load.map(|e| e.as_str()), Some("dumbbells" | "kettlebell")) { 2.0 } else { 2.5 };
                let pick = if ex.adds_to_body {
                    step
                } else {
                    (self.one_rep_max(ex, day) * 0.6 / step).floor().max(1.0) * step
                };
                Some(pick)
            }
            (None, _) => None,
        };
        let mut out = Vec::new();
        for i in 0..n {
            let fatigue = 1.0 - 0.02 * i as f64;
            let mut set = json!({"exercise": ex.id, "quality": 4, "pain": if hurts { 6 } else { 0 }});
            if let Some(target) = item["reps"]["target"].as_u64() {
                let possible = match load {
                    Some(kg) => {
                        let total = if ex.adds_to_body { kg + self.body_kg } else { kg };
                        reps_possible(total / (self.one_rep_max(ex, day) * fatigue))
                    }
                    None => self.rep_capacity(ex, day) * fatigue,
                };
                let wanted = if self.own_way && load.is_some() { target as f64 + 3.0 } else { target as f64 };
                let reps = wanted.min(possible.floor()).max(1.0);
                let rpe = ((10.0 - (possible - reps)).clamp(4.0, 10.0) * 2.0).round() / 2.0;
                set["reps"] = json!(reps as u64);
                set["rpe"] = json!(self.logged_rpe(ex, rpe));
                if rpe <= 7.0 {
                    set["quality"] = json!(5);
                }
            } else {
                let seconds = item["seconds"].as_u64().unwrap_or(30);
                set["seconds"] = json!(seconds);
                set["rpe"] = json!(item["rpe"].as_f64().unwrap_or(7.0));
            }
            if let Some(kg) = load {
                set["load_kg"] = json!(kg);
            }
            out.push(set);
            // R3: pain stops the exercise after one set.
            if hurts {
                break;
            }
        }
        out
    }
}
