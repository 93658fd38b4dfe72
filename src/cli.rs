//! Command-line definitions (clap): one subcommand per variant.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// credo: a static-site generator for client-service playbooks.
#[derive(Debug, Parser)]
#[command(
    name = "credo",
    version,
    about,
    after_help = "Examples:\n  credo init handbook && credo serve -r handbook\n  credo import ../old-wiki handbook\n  credo check --deny-warnings"
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a new playbook (minimal, or the full example with --example).
    #[command(
        after_help = "Examples:\n  credo init handbook\n  credo init --example demo\n  credo init --bare .      (credo.yaml only, beside Markdown you have)"
    )]
    Init {
        /// Where to write it (default: the current folder).
        dir: Option<PathBuf>,
        /// Write the full example handbook instead of a minimal one.
        #[arg(long, conflicts_with = "bare")]
        example: bool,
        /// Write only credo.yaml, beside Markdown that is already there.
        #[arg(long)]
        bare: bool,
    },
    /// Build the site into the output folder.
    #[command(
        after_help = "Examples:\n  credo build\n  credo build -r handbook -o /tmp/site\n  credo build --base-url https://intranet.example/handbook/"
    )]
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
    #[command(
        after_help = "Examples:\n  credo serve --open\n  credo serve -r handbook --port 8080\n  credo serve --bind 0.0.0.0 --drafts"
    )]
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
    #[command(
        after_help = "Examples:\n  credo check\n  credo check -r handbook --deny-warnings\n  credo check --format json > diagnostics.json"
    )]
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
        /// A previous build's handbook.json: warn about pages changed with
        /// no new `changes:` entry, and list pages added and removed.
        #[arg(long, value_name = "OLD_HANDBOOK_JSON")]
        against: Option<PathBuf>,
    },
    /// Write a new page with the right front matter.
    #[command(
        after_help = "Examples:\n  credo new principle \"Answer within a day\"\n  credo new scenario \"The client calls at night\" -r handbook\n  credo new principle \"Answer within a day\" --lang de   (a translation stub)"
    )]
    New {
        /// principle, value, attitude, scenario, checklist, track or page.
        kind: String,
        /// The page title.
        title: String,
        /// The site root, holding credo.yaml.
        #[arg(short, long, default_value = ".")]
        root: PathBuf,
        /// Write a translation stub into this language (of credo.yaml's
        /// `languages:`) beside the page TITLE names, instead of a new page.
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
    },
    /// Make a new site from a Markdown folder or another generator's site
    /// (Hugo, Zola, Jekyll, MkDocs, Docusaurus, mdBook, GitBook, VitePress,
    /// VuePress, Starlight, Docsify); SRC is never changed.
    #[command(
        after_help = "Examples:\n  credo import ~/src/handbook handbook     (a GitHub folder of Markdown)\n  credo import ../hugo-site handbook\n  credo import ../book handbook && credo serve -r handbook"
    )]
    Import {
        /// The site or folder to import.
        src: PathBuf,
        /// The new site's folder (must not exist, or be empty).
        dir: PathBuf,
    },
    /// Print shell completions for credo.
    #[command(
        after_help = "Examples:\n  credo completions bash > ~/.local/share/bash-completion/completions/credo\n  credo completions zsh > ~/.zfunc/_credo\n  credo completions fish > ~/.config/fish/completions/credo.fish"
    )]
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
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
