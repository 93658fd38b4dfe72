//! The `credo` binary: parse arguments, call the library, exit 0/1/2.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    credo::run(credo::cli::Cli::parse())
}
