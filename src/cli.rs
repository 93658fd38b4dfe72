//! Command-line definitions (clap): one subcommand per variant.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// credo: a static-site generator for client-service playbooks.
#[derive(Debug, Parser)]
#[command(name = "credo", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a new playbook (minimal, or the full example with --example).
    Init {
        /// Where to write it (default: the current folder).
        dir: Option<PathBuf>,
        /// Write the full example handbook instead of a minimal one.
        #[arg(long)]
        example: bool,
    },
    /// Build the site into the output folder.
    Build {
        /// The site root, holding credo.yaml.
        #[arg(short, long, default_value = ".")]
        root: PathBuf,
        /// The output folder (default: ROOT/public).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Override base_url from credo.yaml.
        #[arg(long)]
        base_url: Option<String>,
        /// Include draft pages.
        #[arg(long)]
        drafts: bool,
    },
    /// Build, serve and rebuild on every change, reloading open pages.
    Serve {
        /// The site root, holding credo.yaml.
        #[arg(short, long, default_value = ".")]
        root: PathBuf,
        /// The address to listen on.
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// The port to listen on (the next free one if taken).
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Open the site in a browser.
        #[arg(long)]
        open: bool,
        /// Include draft pages.
        #[arg(long)]
        drafts: bool,
    },
    /// Validate everything build validates, without writing.
    Check {
        /// The site root, holding credo.yaml.
        #[arg(short, long, default_value = ".")]
        root: PathBuf,
        /// Output format of the diagnostics.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Treat warnings as errors.
        #[arg(long)]
        deny_warnings: bool,
        /// Include draft pages.
        #[arg(long)]
        drafts: bool,
    },
    /// Write a new page with the right front matter.
    New {
        /// principle, value, attitude, scenario, checklist, track or page.
        kind: String,
        /// The page title.
        title: String,
        /// The site root, holding credo.yaml.
        #[arg(short, long, default_value = ".")]
        root: PathBuf,
    },
}

/// How `check` prints diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// `path:line:col: error: message` with the source line.
    Human,
    /// A JSON array on stdout.
    Json,
}
