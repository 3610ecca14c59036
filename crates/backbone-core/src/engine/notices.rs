//! The plan's notices: what the assessment found, what the week looks like and why, substitutions for
//! sensitive joints, and the safety notes (METHOD A, W, T, R4, N, X).

use crate::plan::{Notice, Week};
use crate::vocab::{Emphasis, Goal};
use jiff::ToSpan;

use super::Planner;

/// The not-medical-advice note that goes with every pain-related piece of advice (METHOD X3).
pub const NOT_MEDICAL_ADVICE: &str = "backbone gives training guidance, not medical advice.";

pub fn collect(p: &Planner, weeks: &[Week], substitutions: &[(&str, &str, bool)], trimmed: u32) -> Vec<Notice> {
    let mut out = Vec::new();
    assessment(p, weeks, &mut out);
    week_shape(p, weeks, &mut out);
    tiers(p, &mut out);
    joints(p, substitutions, &mut out);
    if trimmed > 0 {
        out.push(Notice::new(
            "S5",
            format!(
                "{trimmed} session(s) were trimmed to fit {} minutes: extra hinge, carry or core work and \
                 accessories go first; the five-minute warm-up stays.",
                p.profile.session_minutes
            ),
        ));
    }
    if let Some(bw) = p.profile.body_weight_kg {
        out.push(Notice::new(
            "N1",
            format!(
                "Eat about {:.0} g of protein a day (1.6 g per kg of body weight; up to 2.2 g/kg), enough \
                 calories and water, and sleep 7-9 hours.",
                bw * 1.6
            ),
        ));
    }
    out.push(Notice::new(
        "X1",
        format!(
            "Sharp or worsening pain: stop the exercise and see a doctor or physical therapist before going on. \
             {NOT_MEDICAL_ADVICE}"
        ),
    ));
    out.push(Notice::new(
        "X2",
        "Start light and own the technique first: lighter with control beats heavy with strain.",
    ));
    out
}

fn assessment(p: &Planner, weeks: &[Week], out: &mut Vec<Notice>) {
    let f = &p.findings;
    if f.unassessed {
        out.push(Notice::new(
            "A1",
            "No assessment yet: run `backbone assess` (grip, wall angel, thoracic rotation, grip width) so the plan \
             can target your weak links.",
        ));
    }
    if f.wall_angel_failed {
        out.push(Notice::new(
            "A5",
            "Wall angel test failed: every session adds foundational scapular work (face pulls, scapular squeezes, \
             supported rows, wall angels), and heavy compounds (T3) stay locked until a re-assessment passes.",
        ));
    }
    if f.winging {
        out.push(Notice::new(
            "A2",
            "Visible shoulder-blade winging noted: keep the scapular work slow and controlled and re-check it each block.",
        ));
    }
    if let (true, Some(t)) = (f.thoracic_limited, f.thoracic) {
        out.push(Notice::new(
            "A5",
            format!(
                "Thoracic rotation is under 45 degrees (left {:.0}, right {:.0}): a thoracic extension or rotation \
                 drill opens every warm-up.",
                t.left, t.right
            ),
        ));
    }
    if f.grip_weak {
        out.push(Notice::new(
            "A5",
            format!(
                "Grip needs work ({}): carries or dead hangs and a one-arm row or a carry every week.",
                f.grip_reasons.join("; ")
            ),
        ));
    }
    if f.wide_grip_flag {
        out.push(Notice::new(
            "A4",
            "A wide bench grip with a sensitive shoulder is a flag: try a shoulder-width grip on presses and rows.",
        ));
    }
    let ends: Vec<String> = weeks
        .iter()
        .filter(|w| w.deload)
        .map(|w| w.start.saturating_add(jiff::Span::new().days(6)).to_string())
        .collect();
    if !ends.is_empty() {
        out.push(Notice::new(
            "A6",
            format!(
                "Re-assess at the end of every block ({}): `backbone assess`; the results shape the next block.",
                ends.join(", ")
            ),
        ));
    }
}

fn week_shape(p: &Planner, weeks: &[Week], out: &mut Vec<Notice>) {
    let profile = p.profile;
    let mut order: Vec<&str> = Vec::new();
    let mut last_block = 0;
    for w in weeks.iter().filter(|w| !w.deload) {
        if w.block.index != last_block {
            order.push(w.block.emphasis.as_str());
            last_block = w.block.index;
        }
    }
    let first = weeks.first().map(|w| w.block.emphasis);
    out.push(Notice::new(
        "B1",
        format!(
            "Four-week blocks: {}; {}",
            order.join(" -> "),
            if first == Some(Emphasis::Technique) {
                "you start with technique."
            } else {
                "lifters start with hypertrophy."
            }
        ),
    ));
    out.push(Notice::new(
        "B2",
        "Every 4th week is a deload: the same movements and days with about half the sets at RPE 5-6.",
    ));
    if profile.is_beginner() && profile.days_per_week > 2 {
        out.push(Notice::new(
            "W1",
            format!(
                "Beginners start with 2 sessions a week for the first block, then up to 3 (you asked for {}).",
                profile.days_per_week
            ),
        ));
    }
    if profile.days_per_week == 1 {
        out.push(Notice::new(
            "W1",
            "One session a week is a minimum dose: a second day, when you can, doubles the practice.",
        ));
    }
    // Said only when it is true: two training days really follow each other and the second was kept light.
    let back_to_back = weeks
        .iter()
        .flat_map(|w| w.sessions.windows(2))
        .any(|pair| pair[1].date == pair[0].date.saturating_add(1.days()) && pair[0].heavy && !pair[1].heavy);
    if back_to_back {
        out.push(Notice::new(
            "W3",
            "Two of your training days are back to back, so the second of them is kept light: no heavy upper-back \
             days in a row.",
        ));
    }
    out.push(Notice::new(
        "W4",
        "Optional daily mobility, 5-10 minutes: thoracic extension, shoulder flexion, lat stretches and breathing drills.",
    ));
    if profile.goal == Goal::Posture {
        out.push(Notice::new(
            "W5",
            "Posture micro-breaks: a few times across the working day, 1-2 minutes of chin tucks, band pull-aparts \
             or shoulder-blade squeezes.",
        ));
    }
    if profile.is_lifter() {
        out.push(Notice::new(
            "W6",
            "Keep weekly pulling sets at least equal to your pressing sets, and aim for more pulling.",
        ));
    }
}

fn tiers(p: &Planner, out: &mut Vec<Notice>) {
    let gate =
        "after at least 2 weeks (4 sessions) of T2 work with movement quality 4/5 or better, no pain and RPE 8 or less";
    let text = if p.findings.wall_angel_failed {
        format!(
            "Heavy compounds (T3) stay locked until a re-assessment passes the wall angel test, and then open {gate}."
        )
    } else if let Some(date) = p.t3_opened {
        format!("Heavy compounds (T3) open {gate}; this plan assumes you get there and uses them from {date}.")
    } else {
        format!("Heavy compounds (T3) open {gate}.")
    };
    out.push(Notice::new("T4", text));
}

fn joints(p: &Planner, substitutions: &[(&str, &str, bool)], out: &mut Vec<Notice>) {
    let sensitive: Vec<&str> = p.profile.sensitive_joints.iter().map(|j| j.as_str()).collect();
    if sensitive.is_empty() {
        return;
    }
    let name = |id: &str| p.catalog.get(id).map_or(id.to_string(), |e| e.name.clone());
    for (instead, chosen, forced) in substitutions {
        let text = if *forced {
            format!(
                "Every option here loads a sensitive joint ({}); {} loads the fewest: go gently and stop if it hurts. {}",
                sensitive.join(", "),
                name(chosen),
                NOT_MEDICAL_ADVICE
            )
        } else {
            format!("{} instead of {}, to spare your {}.", name(chosen), name(instead), sensitive.join(", "))
        };
        out.push(Notice::new("R4", text));
    }
    out.push(Notice::new(
        "X3",
        format!(
            "With a sensitive {}, exercises that load it are left out. Pain during a set means stop that exercise; \
             {NOT_MEDICAL_ADVICE}",
            sensitive.join(" and ")
        ),
    ));
}
