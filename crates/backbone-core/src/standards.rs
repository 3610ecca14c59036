//! TEMPORARY placeholder until the sourced standards land.
use crate::vocab::{Experience, Sex};
pub struct Estimate {
    pub kg: f64,
}
pub fn start_e1rm(id: &str, bw: f64, sex: Sex, _age: u32, level: Experience) -> Option<Estimate> {
    let ex = crate::catalog::Catalog::builtin().get(id)?;
    let s = match sex {
        Sex::Male => 1.0,
        Sex::Female => 0.65,
    };
    let l = match level {
        Experience::Beginner => 0.6,
        Experience::Intermediate => 1.0,
        Experience::Advanced => 1.25,
    };
    Some(Estimate { kg: bw * s * l * ex.start_e1rm_bw? })
}
