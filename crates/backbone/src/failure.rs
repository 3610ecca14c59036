//! Exit codes: 2 for bad input (a file, a flag, a value), 1 for anything else (CONTRACT "Exit codes").

use std::fmt;

/// An error caused by what the user gave us; the message names the file or field, the value and what
/// was expected.
#[derive(Debug)]
pub struct BadInput(pub String);

impl fmt::Display for BadInput {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadInput {}

/// Shorthand for returning a bad-input error.
pub fn bad(message: impl Into<String>) -> anyhow::Error {
    anyhow::Error::new(BadInput(message.into()))
}

/// 2 when any error in the chain is the user's input, else 1.
pub fn exit_code(err: &anyhow::Error) -> u8 {
    let input = err.chain().any(|e| {
        e.is::<BadInput>()
            || e.is::<backbone_core::profile::ProfileError>()
            || e.is::<backbone_core::planner::PlanError>()
            // A set the log cannot keep comes from the user's file (an import), never from the log.
            || matches!(e.downcast_ref::<backbone_store::StoreError>(), Some(backbone_store::StoreError::Refused { .. }))
    });
    if input { 2 } else { 1 }
}

/// Writing to a closed pipe (`backbone plan | head`) is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        let io = e.downcast_ref::<std::io::Error>().map(|io| io.kind());
        let json = e.downcast_ref::<serde_json::Error>().and_then(|j| j.io_error_kind());
        io.or(json) == Some(std::io::ErrorKind::BrokenPipe)
    })
}
