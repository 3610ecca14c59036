//! The `backbone` command line: parses flags, reads files, calls the core and prints the result.

mod cli;
mod failure;
mod interview;
mod output;
mod progress;
mod render;
mod settings;

use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

fn main() -> ExitCode {
    // Decided before parsing, so that clap's help and errors follow --color and NO_COLOR too.
    let colour = output::decide_colour(output::colour_flag(std::env::args_os()));
    let choice = if colour { clap::ColorChoice::Always } else { clap::ColorChoice::Never };
    let parsed = cli::Cli::command()
        .color(choice)
        .try_get_matches()
        .and_then(|matches| cli::Cli::from_arg_matches(&matches).map(|args| (args, matches)));
    let (args, matches) = match parsed {
        Ok(parsed) => parsed,
        Err(e) => return failure::usage(&e),
    };
    match cli::run(args, &matches) {
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
