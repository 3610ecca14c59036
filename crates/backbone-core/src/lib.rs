//! The method as code: the exercise catalog, the profile, the planner. Pure: no I/O, no clock.
//!
//! Every function here takes what it needs as arguments (today included) and returns values, so the CLI,
//! the store and the web app can share it and the tests can pin it down byte for byte.

pub mod adapt;
pub mod analytics;
pub mod archive;
pub mod catalog;
pub mod custom;
pub mod engine;
pub mod history;
pub mod load;
pub mod log;
pub mod method_doc;
pub mod norms;
pub mod plan;
pub mod profile;
pub mod served;
pub mod standards;
pub mod valid;
pub mod vocab;
