//! Writes a synthetic playbook site for benchmarks.
//!
//! ```sh
//! cargo run --release --example gen_corpus -- --pages 10000 --out /dev/shm/corpus [--seed 42]
//! ```
//!
//! The same pages and seed always give the same files (see `corpus/mod.rs`).
//! The site passes `credo check` with no errors.

mod corpus;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::Parser;

/// Generate a synthetic credo site.
#[derive(Parser)]
struct Args {
    /// Content pages to write (sections come on top).
    #[arg(long, default_value_t = 1000)]
    pages: usize,
    /// The folder to write; replaced if it holds an earlier corpus.
    #[arg(long)]
    out: PathBuf,
    /// The seed of the pseudo-random generator.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Write `search: false` into credo.yaml.
    #[arg(long)]
    search_off: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let start = Instant::now();
    let options = corpus::CorpusOptions {
        pages: args.pages,
        seed: args.seed,
        search: !args.search_off,
    };
    match corpus::generate(&options, &args.out) {
        Ok(stats) => {
            println!(
                "wrote {} pages and {} sections ({:.1} MB of Markdown) into {} in {} ms",
                stats.pages,
                stats.sections,
                stats.bytes as f64 / 1e6,
                args.out.display(),
                start.elapsed().as_millis()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
