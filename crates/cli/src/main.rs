//! `survey`: the command line of the anonymous employee survey platform. One module per command;
//! [`cli`] holds the arguments of them all.
//!
//! Exit status: 0 on success; 2 when the input is wrong (a template with problems, a bad argument,
//! a survey the database does not hold); 1 when the command could not run (a file that cannot be
//! read or written, a database out of reach). Errors go to stderr as one line with their causes,
//! `error: cannot open the database: <cause>: <its cause>`.

mod admin;
mod cli;
mod client;
mod data;
mod database;
mod error;
mod generate;
mod keys;
mod migrate;
mod plan;
mod report;
mod roster;
mod serve;
mod tally;
mod template;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::cli::Command;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    // Not locked: the server logs to stdout from other threads while it runs.
    let mut out = std::io::stdout();
    let config = args.config.as_deref();
    let result = match args.command.unwrap_or(Command::Serve) {
        Command::Serve => serve::run(config, &mut out),
        Command::Migrate => migrate::run(config, &mut out),
        Command::Admin { command } => admin::run(command, config, &mut out),
        Command::Keys { command } => keys::run(command, config, &mut out),
        Command::Roster { command } => roster::run(command, config, &mut out),
        Command::Template { command } => template::run(command, &mut out),
        Command::Plan(plan) => plan::run(&plan, &mut out),
        Command::Report(args) => report::run(&args, config, &mut out),
        Command::Data { command } => data::run(command, config, &mut out),
        Command::Generate(args) => generate::run(&args, &mut out),
        Command::Tally { command } => tally::run(command, &mut out),
        Command::Client { command } => client::run(command, &mut out),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            let _ = out.flush();
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "{}", e.report());
            ExitCode::from(e.exit_code())
        }
    }
}
