//! Calibration (METHOD P5): a logged exposure read against what was served moves the working load (or
//! the target reps, where the implement's steps are coarse or there is no load) toward the effort asked.

use super::estimate::{
    Asked, COARSE_STEP, Judged, Loading, MAX_RISE, Prior, bound_to_prior, easy_reps, reps_for, working_load,
};
use super::outcome::{Claim, Outcome};
use super::state::State;
use crate::catalog::Exercise;
use crate::load;
use crate::plan::LoadPer;
use crate::vocab::Units;

/// METHOD P5: a load serves its target reps at its target RPE. When the log shows the effort a point or
/// more off, reps missed, RPE 10, or another load than the one served, the next load comes from the
/// estimate, rounded down, and rises at most about 10% over the load lifted.
pub(super) fn calibrate(
    state: &mut State,
    ex: &'static Exercise,
    j: &Judged,
    served: Option<Asked>,
    units: Units,
    loading: Loading,
    out: &mut Outcome,
) {
    let Some(top) = j.top_load else {
        calibrate_reps(state, ex, j, served, out);
        return;
    };
    if ex.timed {
        state.timed_load = Some(top);
        return;
    }
    let Some(reps) = served.and_then(|s| s.reps).or(state.range.map(|(min, max)| super::reps(min, max, min))) else {
        return;
    };
    let rpe = served.map_or(8.0, |s| s.rpe);
    state.last_load = Some(((reps.min, reps.max), top));
    let other_load = served.is_none_or(|s| s.load_kg.is_none_or(|l| (l - top).abs() > 0.01));
    if !(j.off_target || other_load) {
        return;
    }
    let Some(e1rm) = state.e1rm else { return };
    let Some(derived) = working_load(ex, e1rm, reps.target, rpe, units, loading) else { return };
    // Reps missed or a set at RPE 10: the load comes down to what the estimate says, however far (X2);
    // any other change moves at most about 10%.
    let failed = j.short || j.strained || j.top_rpe.is_some_and(|r| r >= 10.0);
    let prior = state.prior.map(|p| Prior { may_fall: failed, ..p });
    let mut kg = bound_to_prior(ex, derived, reps.target, rpe, prior, units, loading);
    let step = ex.load.map_or(0.0, |i| load::step_kg(i, units));
    // Where one step is about 10% of the load or more (2 kg on 18 kg), no load lands near the RPE asked and
    // two loads would alternate: the load stays and the target reps move instead, within the range
    // (double progression's other axis).
    let under = j.mean_rpe.map_or(0.0, |r| rpe - r);
    let clearly_easy = j.met && under >= 1.5;
    // Against the whole load moved: 2 kg on a weighted pull-up is a small step for body and load.
    if step >= loading.total(top) * COARSE_STEP
        && state.reps_floor.is_none()
        && state.range_shift == 0
        && state.range == Some((reps.min, reps.max))
        // A load clearly too light climbs the range at once, then steps up to its bottom (double
        // progression): an easy set's estimate is only a floor, so fitting reps to it would crawl.
        && let Some(r) = if clearly_easy { easy_reps(j, reps, rpe) } else { reps_for(e1rm, loading.total(top), rpe, reps.min, reps.max) }
    {
        if clearly_easy
            && reps.target == reps.max
            && let Some(implement) = ex.load
        {
            let kg = load::round_down(top + step, implement, units);
            state.load = Some(((reps.min, reps.max, (rpe * 2.0) as u32), kg));
            state.reps_bonus = 0;
            state.calibrated = true;
            let claim = Claim { exercise: ex.id.as_str(), load_kg: Some(kg), reps: Some(reps.min) };
            out.tell_claim(j.date, "P5", claim, || {
                format!(
                    "{}: {} for {} reps was clearly easy at the top of the range: the load moves to {}, back at the \
                     bottom of the range.",
                    ex.name,
                    LoadPer::say(ex, top, units),
                    j.best_reps,
                    LoadPer::say(ex, kg, units)
                )
            });
            return;
        }
        state.load = Some(((reps.min, reps.max, (rpe * 2.0) as u32), top));
        state.reps_bonus = r - reps.min;
        state.calibrated = true;
        if r != reps.target {
            let claim = Claim { exercise: ex.id.as_str(), load_kg: Some(top), reps: Some(r) };
            out.tell_claim(j.date, "P5", claim, || {
                format!(
                    "{}: {} is as near as the implement's steps allow, so the reps move to {r} to land near RPE \
                     {rpe}.",
                    ex.name,
                    LoadPer::say(ex, top, units)
                )
            });
        }
        return;
    }
    // Clearly too easy (every rep done, effort a point and a half or more under): one step up, even where
    // rounding down would give the same load back.
    if clearly_easy
        && kg <= top
        && step > 0.0
        && let Some(implement) = ex.load
    {
        // Two points or more under: as far as the 10% bound allows; otherwise one step.
        let far = if under >= 2.0 {
            load::round_down(loading.added(loading.total(top) * MAX_RISE), implement, units)
        } else {
            0.0
        };
        kg = far.max(load::round_down(top + step, implement, units));
    }
    if let Some(implement) = ex.load.filter(|_| step > 0.0) {
        // Reps missed or RPE 10: a lighter load, never the one just failed (P5).
        if failed && kg >= top {
            kg = load::round_down(top - step, implement, units).min(top);
        }
        // A load lowered after a failure comes back up only when clearly too light (two RPE points or
        // more under), for three weeks: otherwise it would swing between the failed load and the one under.
        let recent = state.lowered_on.filter(|(d, _)| j.date <= d.saturating_add(jiff::ToSpan::days(21)));
        if let Some((_, failed_kg)) = recent
            && kg > top
        {
            // Clearly light: up, but never back to the load that failed; otherwise it holds.
            kg = if under >= 2.0 { kg.min(load::round_down(failed_kg - step, implement, units)).max(top) } else { top };
        }
        if failed && kg < top {
            state.lowered_on = Some((j.date, top));
        }
    }
    state.load = Some(((reps.min, reps.max, (rpe * 2.0) as u32), kg));
    state.calibrated = true;
    state.just_raised |= kg > top + 0.01;
    // A load calibrated down is the reference of the next bound, so a block start does not lift it back;
    // a rise stays bounded from what was last served, so two rises never stack before one is lifted.
    let served_kg = served.and_then(|s| s.load_kg).unwrap_or(top);
    if kg < served_kg
        && let Some(pct) = load::rts_percent(reps.target, rpe)
    {
        state.prior = Some(Prior { implied: loading.total(kg) / pct, may_fall: false });
    }
    if (kg - top).abs() > 0.01 && served.is_some() {
        let claim = Claim { exercise: ex.id.as_str(), load_kg: Some(kg), reps: None };
        out.tell_claim(j.date, "P5", claim, || {
            let effort =
                j.mean_rpe.map_or(String::new(), |r| format!(" at RPE {:.1} on average", (r * 2.0).round() / 2.0));
            format!(
                "{}: {} for {} reps{effort} on {} where RPE {rpe} was asked: the load moves to {}.",
                ex.name,
                LoadPer::say(ex, top, units),
                j.best_reps,
                j.date,
                LoadPer::say(ex, kg, units)
            )
        });
    }
}

/// METHOD P5 without a load (bodyweight, bands): the reps are what can be calibrated. When the effort
/// was a point or more off, the target becomes the reps the hardest set was worth less the reps the RPE
/// asked to leave, inside the range; reps far under it are P7's business.
fn calibrate_reps(state: &mut State, ex: &'static Exercise, j: &Judged, served: Option<Asked>, out: &mut Outcome) {
    let (Some(asked), Some(worth)) = (served, j.rep_max) else { return };
    let Some(r) = asked.reps.filter(|r| state.range == Some((r.min, r.max))) else { return };
    if !j.off_target || j.far_short || state.reps_floor.is_some() || state.range_shift > 0 {
        return;
    }
    let fits = (worth - (10.0 - asked.rpe)).floor().max(0.0) as u32;
    let target = fits.clamp(r.min, r.max);
    if target != r.target {
        state.reps_bonus = target - r.min;
        state.calibrated = true;
        let claim = Claim { exercise: ex.id.as_str(), load_kg: None, reps: Some(target) };
        out.tell_claim(j.date, "P5", claim, || {
            format!("{}: the reps move to {target}, what the last session says lands near RPE {}.", ex.name, asked.rpe)
        });
    }
}
