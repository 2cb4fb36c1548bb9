//! `survey`: the command line of the anonymous employee survey platform.
//!
//! Exit status: 0 on success, 2 when a template has problems or the input is wrong, 1 when the
//! command could not run (a file that cannot be read or written).

mod cli;
mod error;
mod generate;
mod plan;
mod report;
mod server;
mod tally;
mod template;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    // Not locked: the server logs to stdout from other threads while it runs.
    let mut out = std::io::stdout();
    let config = args.config.as_deref();
    let result = match args.command.unwrap_or(cli::Command::Serve) {
        cli::Command::Serve => {
            server::logging();
            server::serve(config, &mut out)
        }
        cli::Command::Migrate => server::migrate(config, &mut out),
        cli::Command::Admin {
            command: cli::AdminCommand::Create { email, name, role },
        } => server::create_admin(config, &email, &name, &role, &mut out),
        cli::Command::Keys {
            command: cli::KeysCommand::Reseal,
        } => server::reseal_keys(config, &mut out),
        cli::Command::Roster {
            command: cli::RosterCommand::Purge { survey },
        } => server::purge_roster(config, survey, &mut out),
        cli::Command::Template { command } => template::run(command, &mut out),
        cli::Command::Plan(plan) => plan::run(&plan, &mut out),
        cli::Command::Report(args) => report::run(&args, config, &mut out),
        cli::Command::Generate(args) => generate::run(&args, &mut out),
        cli::Command::Tally {
            command: cli::TallyCommand::Verify { file, root },
        } => tally::verify(&file, root.as_deref(), &mut out),
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
