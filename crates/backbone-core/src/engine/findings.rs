//! What the assessment says about a person's weak links (METHOD A1-A5), read once per plan.

use crate::norms;
use crate::profile::{LeftRight, Profile};
use crate::vocab::{GripWidth, Joint, PassFail};

/// Thoracic rotation below this on either side is limited (METHOD A3, A5).
pub const THORACIC_ADEQUATE_DEG: f64 = 45.0;

/// The weak links that change the plan.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Findings {
    /// METHOD A2 failed: more foundational scapular work, T3 locked (A5).
    pub wall_angel_failed: bool,
    pub winging: bool,
    /// METHOD A3 under 45 degrees on a side: a thoracic drill in every warm-up (A5).
    pub thoracic_limited: bool,
    pub thoracic: Option<LeftRight>,
    /// METHOD A1 below the norm, uneven by more than 10%, or a short dead hang: grip work (A5).
    pub grip_weak: bool,
    pub grip_reasons: Vec<String>,
    /// METHOD A4: a wide pressing grip with a sensitive shoulder.
    pub wide_grip_flag: bool,
    /// No assessment at all in the profile.
    pub unassessed: bool,
}

impl Findings {
    pub fn of(profile: &Profile) -> Findings {
        Findings::with(profile, &profile.assessment)
    }

    /// The findings of an assessment (the profile's, or a later one from the log).
    pub fn with(profile: &Profile, a: &crate::profile::Assessment) -> Findings {
        let mut f = Findings {
            wall_angel_failed: a.wall_angel == Some(PassFail::Fail),
            winging: a.scapular_winging == Some(true),
            thoracic: a.thoracic_rotation_deg,
            thoracic_limited: a
                .thoracic_rotation_deg
                .is_some_and(|t| t.left < THORACIC_ADEQUATE_DEG || t.right < THORACIC_ADEQUATE_DEG),
            wide_grip_flag: a.bench_grip == Some(GripWidth::Wide)
                && profile.sensitive_joints.contains(&Joint::Shoulder),
            unassessed: a.is_empty(),
            ..Findings::default()
        };
        if let Some(g) = a.grip_kg {
            let finding = norms::grip_assessment(g.left, g.right, profile.sex, profile.age);
            if finding.below_norm == Some(true) {
                let median = finding.norm.map(|n| n.p50).unwrap_or(0.0);
                f.grip_reasons.push(format!(
                    "grip {:.0} kg (stronger hand) is below the median of {median:.0} kg for your age and sex",
                    g.left.max(g.right)
                ));
            }
            if finding.asymmetric {
                f.grip_reasons.push(format!(
                    "left {:.0} kg and right {:.0} kg differ by {:.1}% of the stronger hand (over 10%)",
                    g.left,
                    g.right,
                    finding.asymmetry * 100.0
                ));
            }
        } else if let Some(s) = a.dead_hang_seconds
            && norms::dead_hang_weak(s)
        {
            f.grip_reasons.push(format!("a dead hang of {s:.0} s is under {:.0} s", norms::DEAD_HANG_WEAK_SECONDS));
        }
        f.grip_weak = !f.grip_reasons.is_empty();
        f
    }
}
