//! `backbone serve`: the web app and the JSON API on this machine, over the same database.

use std::net::SocketAddr;

use super::{Globals, context};
use crate::failure::bad;

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  backbone serve                 (then open http://127.0.0.1:8080 on this machine)\n  \
                        backbone serve --addr 127.0.0.1:9000\n  \
                        backbone serve --addr 0.0.0.0:8080 --public   (reachable from your phone on the same network)\n\n\
                        The app has no accounts: on loopback only this machine reaches it, and it refuses requests \
                        addressed to another host name and writes sent from other web sites. --public serves any \
                        address; anyone who can reach it can read and change your log."
)]
pub struct Args {
    /// The address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "IP:PORT")]
    pub addr: SocketAddr,
    /// Allow an address other than loopback (the local mode has no accounts).
    #[arg(long)]
    pub public: bool,
}

pub fn run(args: Args, globals: &Globals) -> anyhow::Result<()> {
    if !args.addr.ip().is_loopback() && !args.public {
        return Err(bad(format!(
            "--addr {}: not a loopback address; the app has no accounts, so serving it to the network needs --public",
            args.addr
        )));
    }
    let db = context::db_path(globals)?;
    let config = backbone_web::Config { db, addr: args.addr, today: globals.today, public: args.public };
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(backbone_web::serve(config, |addr| {
        if args.public {
            eprintln!(
                "warning: serving on {addr} to anyone who can reach it. The local mode has no accounts: they can read \
                 and change your log."
            );
        }
        // The address on standard output, for people and for scripts that start the server.
        println!("backbone is serving on http://{addr}/ (Ctrl-C stops it)");
    }))
}
