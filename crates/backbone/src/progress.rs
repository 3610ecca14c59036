//! Progress on long work, on standard error and only when it is a terminal: a script's output and a
//! test's captured stderr stay clean. Short work shows nothing.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressStyle};

/// Below these, work ends before a bar would be read.
const MIN_BYTES_FOR_SPINNER: usize = 1 << 20;
const MIN_ITEMS_FOR_BAR: u64 = 200;

/// Whether progress is shown.
pub struct Progress {
    shown: bool,
}

impl Progress {
    pub fn on_terminal() -> Progress {
        Progress { shown: std::io::stderr().is_terminal() }
    }

    /// A spinner while a file of `bytes` is read; cleared when the guard is dropped.
    pub fn spinner(&self, bytes: usize, message: String) -> Bar {
        if !self.shown || bytes < MIN_BYTES_FOR_SPINNER {
            return Bar(None);
        }
        let bar = ProgressBar::new_spinner().with_message(message);
        bar.enable_steady_tick(Duration::from_millis(100));
        Bar(Some(bar))
    }

    /// A bar over `len` items; cleared when dropped.
    pub fn bar(&self, len: u64, message: &'static str) -> Bar {
        if !self.shown || len < MIN_ITEMS_FOR_BAR {
            return Bar(None);
        }
        let style = ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} ({eta})")
            .map(|s| s.progress_chars("=> "))
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        Bar(Some(ProgressBar::new(len).with_style(style).with_message(message)))
    }
}

/// A shown spinner or bar, or nothing.
pub struct Bar(Option<ProgressBar>);

impl Bar {
    pub fn set(&mut self, position: u64) {
        if let Some(bar) = &self.0 {
            bar.set_position(position);
        }
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}
