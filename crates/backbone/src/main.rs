//! The `backbone` command line: parses flags, reads files, calls the core and prints the result.

mod cli;
mod failure;
mod interview;
mod output;
mod progress;
mod render;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = match cli::Cli::try_parse() {
        Ok(args) => args,
        Err(e) => return failure::usage(&e),
    };
    match cli::run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            if failure::is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            let code = failure::exit_code(&err);
            let mut stderr = std::io::stderr().lock();
            let _ = writeln!(stderr, "backbone: {}", failure::one_line(&format!("{err:#}")));
            ExitCode::from(code)
        }
    }
}
