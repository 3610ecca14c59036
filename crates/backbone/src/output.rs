//! Standard output through one buffered, locked writer per command: a 52-week plan is thousands of
//! small writes, which unbuffered cost a system call each.

use std::io::{BufWriter, Write};

/// Runs `print` with standard output buffered and locked, then flushes, so that an error writing
/// (a full disk behind a redirection) is reported rather than lost when the buffer is dropped.
pub fn stdout(print: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>) -> anyhow::Result<()> {
    let mut out = BufWriter::with_capacity(64 * 1024, std::io::stdout().lock());
    print(&mut out)?;
    out.flush()?;
    Ok(())
}

/// Standard output buffered and locked, for a command that prints as it goes; it must `flush` at the
/// end (dropping the buffer would flush too, but swallow the error).
pub fn buffered() -> BufWriter<std::io::StdoutLock<'static>> {
    BufWriter::with_capacity(64 * 1024, std::io::stdout().lock())
}
