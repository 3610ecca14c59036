//! How much of each exercise: rep ranges, RPE, sets, rest and tempo by block emphasis and by the role an
//! exercise plays in its session (METHOD B3, B4, B5, S6).

use crate::catalog::Exercise;
use crate::vocab::{Category, Emphasis};

/// The part an exercise plays in a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The first lift of a heavy day (METHOD S4: the heaviest compound while fresh).
    MainHeavy,
    /// The first lift of a light day: T1, never heavy (METHOD W1a, W3).
    MainLight,
    /// A second row or pull.
    Accessory,
    /// Posture-focused work, always at higher reps (METHOD B3).
    Posture,
    /// Hinge, carry, core or grip work on top of the upper-back work (METHOD S2, W2, A5).
    Extra,
}

/// Who the dose is for and where in the block it falls.
#[derive(Debug, Clone, Copy)]
pub struct DoseContext {
    pub emphasis: Emphasis,
    /// 1..=3 for hard weeks.
    pub week_in_block: u32,
    /// Beginners and posture users keep 6-10 reps in a strength block (METHOD B3).
    pub gentle: bool,
    /// Advanced lifters alternate volume and efficiency weeks (METHOD B4).
    pub advanced_lifter: bool,
    /// The person's time budget per session (METHOD S5: use it).
    pub minutes: u16,
}

/// A prescription before progression is applied.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Dose {
    /// Rep range, or `None` for a timed item.
    pub range: Option<(u32, u32)>,
    /// Seconds per set for a timed item.
    pub seconds: u32,
    pub rpe: f64,
    pub sets: u32,
    pub rest: u32,
    pub tempo: Option<&'static str>,
    /// True in an advanced lifter's efficiency week (METHOD B4).
    pub efficiency: bool,
}

impl DoseContext {
    /// Efficiency week of METHOD B4: the 2nd week of a hypertrophy or strength block.
    pub fn efficiency_week(&self) -> bool {
        self.advanced_lifter
            && matches!(self.emphasis, Emphasis::Hypertrophy | Emphasis::Strength)
            && self.week_in_block == 2
    }
}

/// The dose of one exercise in one role.
pub fn dose(ex: &Exercise, role: Role, ctx: &DoseContext) -> Dose {
    let efficiency = role == Role::MainHeavy && ctx.efficiency_week();
    Dose {
        range: if ex.timed { None } else { Some(rep_range(ex, role, ctx, efficiency)) },
        seconds: seconds_for(ex),
        rpe: rpe_for(role, ctx),
        sets: base_sets(role, ctx),
        rest: rest_for(ex, role, ctx),
        tempo: if ex.timed { None } else { Some(tempo_for(ex, role, ctx)) },
        efficiency,
    }
}

/// METHOD B3 rep ranges; posture work stays at 12-20 whatever the block.
fn rep_range(ex: &Exercise, role: Role, ctx: &DoseContext, efficiency: bool) -> (u32, u32) {
    if role == Role::Posture || ex.category == Category::Posture {
        return (12, 20);
    }
    if efficiency {
        return (5, 6);
    }
    // B3's main lift is a T2 or T3 compound; a T1 opener is dosed like the other strength work.
    let main_compound = role == Role::MainHeavy && ex.compound && matches!(ex.tier, Some(2 | 3));
    match (ctx.emphasis, role) {
        (Emphasis::Strength, Role::MainHeavy) if main_compound && ctx.gentle => (6, 10),
        (Emphasis::Strength, Role::MainHeavy) if main_compound => (3, 6),
        // A light day's opener stays above 6 reps so the day is never heavy (CONTRACT `heavy`, METHOD W3).
        (Emphasis::Strength, Role::MainLight) => (8, 12),
        (Emphasis::Strength, _) if ctx.gentle => (8, 12),
        (Emphasis::Strength, _) => (6, 12),
        (Emphasis::Hypertrophy, _) => (8, 15),
        (Emphasis::Technique | Emphasis::Deload, _) => (8, 12),
    }
}

/// METHOD B3 RPE: technique 6-7, hypertrophy and strength 7-9 with the heavy main lift at 8 (9 in the
/// third week for those who are not beginners), light days at 7 so they stay light.
fn rpe_for(role: Role, ctx: &DoseContext) -> f64 {
    match ctx.emphasis {
        Emphasis::Technique => match role {
            Role::MainHeavy | Role::Accessory => 7.0,
            _ => 6.0,
        },
        Emphasis::Hypertrophy | Emphasis::Strength => match role {
            Role::MainHeavy if ctx.week_in_block == 3 && !ctx.gentle => 9.0,
            Role::MainHeavy | Role::Accessory => 8.0,
            _ => 7.0,
        },
        Emphasis::Deload => match role {
            Role::Posture => 5.0,
            _ => 6.0,
        },
    }
}

/// METHOD B5: start near the low end of weekly sets; beginners and posture users with two sets. METHOD S5:
/// a lifter who gives an hour or more gets a third set of the extra work (hinge, carry, core), which uses
/// the time without adding upper-back sets, already in B5's range for a lifter's week.
fn base_sets(role: Role, ctx: &DoseContext) -> u32 {
    match role {
        _ if ctx.gentle => 2,
        Role::MainHeavy => 3,
        Role::Extra if ctx.minutes >= 60 => 3,
        _ => 2,
    }
}

/// The most sets an exercise grows to through progression (METHOD P1: a cap of 4-5).
pub fn set_cap(gentle: bool) -> u32 {
    if gentle { 4 } else { 5 }
}

/// Seconds per set for timed work (holds, hangs, carries); drills and stretches are set elsewhere.
fn seconds_for(ex: &Exercise) -> u32 {
    match ex.category {
        Category::Carry => 30,
        Category::Grip => 20,
        _ => 30,
    }
}

/// The longest a timed set grows to before sets are added instead.
pub fn seconds_cap(ex: &Exercise) -> u32 {
    match ex.category {
        Category::Carry => 60,
        Category::Grip => 45,
        _ => 60,
    }
}

/// Rest between sets (METHOD-SOURCES 5: strength compounds 2-5 min, hypertrophy 2-3, isolation 60-90 s).
/// With an hour or more to spend (METHOD S5), compound accessories rest the 2 minutes hypertrophy work
/// asks for, and from 75 minutes a strength block's main lift rests 4 minutes and extra compounds 2.
fn rest_for(ex: &Exercise, role: Role, ctx: &DoseContext) -> u32 {
    let roomy = ctx.minutes >= 60 && !ctx.gentle;
    let ample = ctx.minutes >= 75 && !ctx.gentle;
    let loaded_block = matches!(ctx.emphasis, Emphasis::Hypertrophy | Emphasis::Strength);
    match role {
        Role::MainHeavy => match ctx.emphasis {
            Emphasis::Strength if ample => 240,
            Emphasis::Strength => 180,
            Emphasis::Hypertrophy => 120,
            _ => 90,
        },
        Role::MainLight | Role::Accessory if roomy && loaded_block && ex.compound => 120,
        Role::MainLight | Role::Accessory => 90,
        Role::Posture => 60,
        Role::Extra if ample && ex.compound => 120,
        Role::Extra if ex.compound => 90,
        Role::Extra => 60,
    }
}

/// Tempo as eccentric-pause-concentric-pause seconds: slow in technique blocks, a 3 s lowering on
/// mid-tier pulls (METHOD S6, B3).
fn tempo_for(ex: &Exercise, role: Role, ctx: &DoseContext) -> &'static str {
    if ctx.emphasis == Emphasis::Technique {
        "3-1-2-0"
    } else if role == Role::Posture || ex.category == Category::Posture {
        "2-1-2-0"
    } else if ex.tier == Some(2) {
        "3-1-1-0"
    } else {
        "2-0-1-0"
    }
}

/// Seconds one rep takes at a tempo.
pub fn seconds_per_rep(tempo: Option<&str>) -> u32 {
    // Tempo phases are single digits ("3-1-1-0"), so summing the digits is enough.
    let total: u32 = tempo.unwrap_or("").bytes().filter(u8::is_ascii_digit).map(|b| u32::from(b - b'0')).sum();
    total.max(3)
}
