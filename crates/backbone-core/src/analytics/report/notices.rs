//! The report's notices: what the engine will do about what the log shows, or what the person can do
//! where the engine cannot see it, each with its METHOD rule (B5, W6, W2, A5, K5, K7), and the engine's own
//! responses to the log (R1, R2, R3, R6) passed on from the adapted plan.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::analytics::volume::{self, WeekVolume};
use crate::analytics::{Log, Window, adherence, assessments, monday};
use crate::catalog::rule_order;
use crate::load::kg_to_lb;
use crate::plan::{Notice, Plan};
use crate::profile::Profile;
use crate::vocab::Units;

/// The plan's notices that come from responding to the log (METHOD R1 plateau, R2 soreness, R3 pain,
/// R6 early deload); the report passes them on.
const ENGINE_RULES: &[&str] = &["R1", "R2", "R3", "R6"];

/// Adherence under this share of planned sessions over the last four weeks gets a notice (K7). Our own
/// design value: the engine's B2 stretch asks for three in four sessions logged, the same bar.
pub const LOW_ADHERENCE: f64 = 0.75;

/// Weeks the balance and adherence notices look back over.
const RECENT_WEEKS: usize = 4;

/// A mass in the person's units, for notice texts.
fn mass(kg: f64, units: Units) -> String {
    let (v, unit) = match units {
        Units::Kg => (kg, "kg"),
        Units::Lb => (kg_to_lb(kg), "lb"),
    };
    format!("{} {unit}", trim((v * 10.0).round() / 10.0))
}

/// At most one decimal, none when whole.
fn trim(x: f64) -> String {
    let s = format!("{x:.1}");
    s.strip_suffix(".0").map_or(s.clone(), str::to_string)
}

/// The one notice of a report made from the log alone: what a profile would add (METHOD K9: every
/// measure as a trend, which adherence and the targets need a plan for).
pub fn without_profile() -> Notice {
    Notice::new(
        "K9",
        "This report comes from your log alone. A profile (`backbone init`) adds your weekly set targets (B5), \
         sessions done against a plan (K7), your first assessment as the baseline (K8), session load, and what \
         the engine will change about what the report shows.",
    )
}

/// METHOD K5 for the lifts that add their load to the body (a weighted pull-up) when the body weight is
/// not known: they have no e1RM in the report, and this says why and what brings it. `profile`: the
/// person has one (to add the weight to) or not (to make).
pub fn unweighed(lifts: &[&str], catalog: &crate::catalog::Catalog, profile: bool) -> Option<Notice> {
    let names: Vec<String> =
        lifts.iter().map(|id| catalog.get(id).map_or_else(|| (*id).to_string(), |e| e.name.clone())).collect();
    let first = names.first()?;
    let (these, has) = if names.len() == 1 { (first.clone(), "has") } else { (names.join(", "), "have") };
    let how = if profile {
        "Add body_weight_kg to your profile (`backbone init --profile FILE`, or Settings in the web app)"
    } else {
        "A profile with body_weight_kg (`backbone init`)"
    };
    Some(Notice::new(
        "K5",
        format!(
            "{these} {has} no e1RM here: the load you log is added to your body, so the estimate needs your body \
             weight. {how} and it shows the e1RM of body plus load."
        ),
    ))
}

/// What the engine will do about what the report shows (or what the person can do, where the engine
/// cannot see it), each with its METHOD rule, in METHOD order.
pub fn notices(
    profile: &Profile,
    plan: &Plan,
    log: &Log,
    w: Window,
    volume: &[WeekVolume],
    adherence: &[adherence::WeekAdherence],
    unweighed: Option<Notice>,
) -> Vec<Notice> {
    let mut out: Vec<Notice> =
        plan.notices.iter().filter(|n| ENGINE_RULES.contains(&n.rule.as_ref())).cloned().collect();
    out.extend(unweighed);

    // METHOD B5 on the last finished week that was not a deload. Under the target only counts when the
    // week's planned sessions were all done: sets missed with their sessions are adherence (K7) instead.
    let all_done = |m: Date| adherence.iter().find(|a| a.monday == m).is_none_or(|a| a.done >= a.planned);
    let deload = |m: Date| {
        let mid = m.saturating_add(3.days());
        plan.weeks.iter().any(|wk| wk.deload && wk.start <= mid && mid < wk.start.saturating_add(7.days()))
    };
    let target = volume::upper_back_target(profile.experience);
    let judged = volume
        .iter()
        .rev()
        .find(|v| w.week_complete(v.monday) && !deload(v.monday) && v.monday >= monday(profile.start));
    if let Some(v) = judged {
        let sets = trim(v.upper_back);
        if v.upper_back > target.cap {
            out.push(Notice::new(
                "B5",
                format!(
                    "{sets} hard upper-back sets in the week of {}: over the cap of {} a week. The plan adds no \
                     sets while the week is this full (progress comes as reps or load); sets beyond the plan add \
                     fatigue faster than progress.",
                    v.monday, target.cap
                ),
            ));
        } else if v.upper_back > 0.0 && v.upper_back < target.low && all_done(v.monday) {
            out.push(Notice::new(
                "B5",
                format!(
                    "{sets} hard upper-back sets in the week of {}, under the {}-{} a week to work in: the plan \
                     adds them through progression, one rep or one set at a time (P1), not in jumps. Log every \
                     planned session so the steps can happen.",
                    v.monday, target.low, target.high
                ),
            ));
        }
    }

    // METHOD W6 and W2 over the last four weeks.
    let recent = volume::total(&volume[volume.len().saturating_sub(RECENT_WEEKS)..]);
    if let Some(ratio) = recent.pull_push().filter(|r| *r < 1.0) {
        out.push(Notice::new(
            "W6",
            format!(
                "Pull:push is {ratio:.2} over the last {RECENT_WEEKS} weeks ({} pulling against {} pressing sets): \
                 pulling sets should at least equal pressing sets. The plan's pulling stays as it is, so trim \
                 pressing sets or add a row to your other training.",
                trim(recent.pull),
                trim(recent.push)
            ),
        ));
    }
    if recent.vertical > recent.horizontal {
        out.push(Notice::new(
            "W2",
            format!(
                "More vertical than horizontal pulling over the last {RECENT_WEEKS} weeks ({} against {} sets): \
                 the plan keeps a row-emphasis day every week; do its rows first.",
                trim(recent.vertical),
                trim(recent.horizontal)
            ),
        ));
    }

    // METHOD A5 on the latest grip reading.
    if let Some(g) = assessments::grip_status(profile, log, w.to) {
        let action = "the plan adds carries or dead hangs and a one-arm row or a carry every week (A5) until a \
                      re-assessment shows it";
        if let (Some(true), Some(norm), Some(sex), Some(age)) =
            (g.finding.below_norm, g.finding.norm, profile.sex, profile.age)
        {
            out.push(Notice::new(
                "A5",
                format!(
                    "Grip {} (stronger hand, {}) is under the median of {} for a {age}-year-old {} ({}): {action}.",
                    mass(g.left.max(g.right), profile.units),
                    g.date,
                    mass(norm.p50, profile.units),
                    if sex == crate::vocab::Sex::Male { "man" } else { "woman" },
                    g.source
                ),
            ));
        }
        if g.finding.asymmetric {
            out.push(Notice::new(
                "A5",
                format!(
                    "Grip left {}, right {} ({}): a gap of {:.0}% of the stronger hand, over 10%: {action}.",
                    mass(g.left, profile.units),
                    mass(g.right, profile.units),
                    g.date,
                    g.finding.asymmetry * 100.0
                ),
            ));
        }
    }

    // METHOD K7 over the last four weeks with sessions planned.
    let planned: Vec<&adherence::WeekAdherence> = adherence.iter().filter(|a| a.planned > 0).collect();
    let recent = &planned[planned.len().saturating_sub(RECENT_WEEKS)..];
    // An extra day in one week does not make up for a missed one in another.
    let done: u32 = recent.iter().map(|a| a.done.min(a.planned)).sum();
    let due: u32 = recent.iter().map(|a| a.planned).sum();
    if due >= 2 && f64::from(done) < LOW_ADHERENCE * f64::from(due) {
        out.push(Notice::new(
            "K7",
            format!(
                "{done} of {due} planned sessions logged in the last {} weeks: progression steps only after a \
                 logged success (P1), so loads hold where they are. If the schedule is too much, lower \
                 days_per_week in your profile.",
                recent.len()
            ),
        ));
    }

    out.sort_by(|a, b| rule_order(&a.rule).cmp(&rule_order(&b.rule)).then_with(|| a.text.cmp(&b.text)));
    out.dedup();
    out
}
