//! The `oxenon` command line: one subcommand per tool.

mod check;
mod fuzz;
mod info;
mod linux;
mod ppctest;
mod run;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "oxenon",
    version,
    about = "Oxenon, an Xbox 360 emulator",
    long_about = "Oxenon, an Xbox 360 emulator.\n\nSet RUST_LOG (e.g. RUST_LOG=debug) for more \
                  detailed logs on stderr.",
    propagate_version = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    PpcTest(ppctest::PpcTestArgs),
    Fuzz(fuzz::FuzzArgs),
    Run(run::RunArgs),
    Check(check::CheckArgs),
    Info(info::InfoArgs),
    ExecElf(linux::ExecElfArgs),
}

/// Status for errors that are not results: a malformed input file, a missing tool. Distinct
/// from 1, which `ppc-test` uses for failing tests.
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    init_logging();
    let cli = Cli::parse();
    // Each subcommand maps its own results to a status; errors share one path below.
    let result = match cli.command {
        Command::PpcTest(args) => ppctest::run(&args).map(|totals| {
            if totals.failed > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }),
        Command::Fuzz(args) => fuzz::run(&args).map(|report| {
            if report.mismatches > 0 {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }),
        Command::Run(args) => run::run(&args),
        Command::Check(args) => check::run(&args),
        Command::Info(args) => info::run(&args).map(|()| ExitCode::SUCCESS),
        Command::ExecElf(args) => linux::run(&args),
    };
    result.unwrap_or_else(|e| report_error(&e))
}

fn report_error(e: &anyhow::Error) -> ExitCode {
    eprintln!("error: {e}");
    for cause in e.chain().skip(1) {
        eprintln!("  caused by: {cause}");
    }
    ExitCode::from(EXIT_ERROR)
}

fn init_logging() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("warn"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .without_time()
        .init();
}
