//! What the person was served for a day (METHOD P1: a log is judged against what was served).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::plan::Session;

/// A session as it was served, with whether it belonged to a deload week and the day it was served.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Served {
    pub session: Session,
    pub deload: bool,
    pub served_on: Date,
}
