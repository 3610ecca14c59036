//! `backbone completions SHELL` and `backbone man`: shell completions (clap_complete) and the manual
//! page (clap_mangen), made from the same definition as `--help`, so they never drift from it.

use clap::CommandFactory;

use super::{Cli, Globals};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  backbone completions bash > ~/.local/share/bash-completion/completions/backbone\n  \
                        backbone completions zsh > ~/.zfunc/_backbone\n  \
                        backbone completions fish > ~/.config/fish/completions/backbone.fish"
)]
pub struct Args {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

pub fn run(args: Args, _: &Globals) -> anyhow::Result<()> {
    let mut command = Cli::command();
    crate::output::stdout(|out| {
        clap_complete::generate(args.shell, &mut command, "backbone", out);
        Ok(())
    })
}

#[derive(Debug, clap::Args)]
#[command(after_help = "Example:\n  backbone man > ~/.local/share/man/man1/backbone.1")]
pub struct ManArgs {}

/// The manual page, in roff, on standard output.
pub fn man(_: ManArgs, _: &Globals) -> anyhow::Result<()> {
    let page = clap_mangen::Man::new(Cli::command());
    crate::output::stdout(|out| Ok(page.render(out)?))
}
