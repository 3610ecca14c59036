//! What prescribing found (METHOD K10): counts for the block's decisions, the changes to tell with the
//! numbers they name, and the variations P7 asks for.

use jiff::civil::Date;

use crate::catalog::Exercise;
use crate::plan::Notice;

/// What prescribing a session's exercises found, for the engine's notices and block decisions.
#[derive(Debug, Default)]
pub struct Outcome {
    pub successes: u32,
    pub setbacks: u32,
    pub plateaus: u32,
    pub changes: Vec<(Date, Notice)>,
    /// METHOD P7: exercises to regress to an easier variation, with the best reps done.
    pub regress: Vec<(&'static Exercise, u32)>,
    /// METHOD P7: bodyweight exercises that became too easy, for their loaded variation.
    pub load_up: Vec<&'static Exercise>,
    /// Changes that stop applying after a day (METHOD K10: nothing expired is shown).
    pub expiring: Vec<(String, Date)>,
    /// Reading old logs: their changes are never shown, so their texts are not even written.
    pub quiet: bool,
    /// What a change's text says the next sessions serve (METHOD K10): checked against the session it is
    /// shown under.
    pub claims: Vec<(String, Claim)>,
}

/// The numbers a notice names for an exercise's next sessions (METHOD K10).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Claim {
    pub exercise: &'static str,
    pub load_kg: Option<f64>,
    pub reps: Option<u32>,
}

impl Outcome {
    /// A change that names the load or reps the next sessions serve.
    pub fn tell_claim(&mut self, date: Date, rule: &'static str, claim: Claim, text: impl FnOnce() -> String) {
        if !self.quiet {
            let text = text();
            self.claims.push((text.clone(), claim));
            self.change(date, rule, text);
        }
    }

    pub fn change(&mut self, date: Date, rule: &'static str, text: String) {
        let notice = Notice::new(rule, text);
        if !self.changes.iter().any(|(_, n)| *n == notice) {
            self.changes.push((date, notice));
        }
    }
}
