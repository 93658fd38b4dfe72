//! credo: a static-site generator for client-service playbooks.
//!
//! The pipeline reads top to bottom: [`load`] (files → [`load::Sources`]),
//! [`site`] (sources → the resolved [`site::Site`]), [`render`] (site + theme →
//! output files), [`output`] (files → a folder or memory). [`pipeline`] runs
//! them; [`run`] maps a command line onto them.

#![forbid(unsafe_code)]
#![warn(missing_docs, unreachable_pub)]
// A `Diagnostic` is the error value of most fallible steps; it is returned on
// the cold path only, so boxing it would buy nothing but noise.
#![allow(clippy::result_large_err)]

pub(crate) mod bug;
pub mod cli;
pub(crate) mod config;
pub mod diagnostic;
mod error;
pub mod import;
pub mod load;
pub mod markdown;
pub mod output;
pub(crate) mod outputs;
pub mod pipeline;
pub mod render;
pub(crate) mod scaffold;
pub mod search;
pub mod serve;
pub mod site;

use std::io::Write as _;
use std::process::ExitCode;

use cli::{Cli, Command, Format};
use diagnostic::Diagnostics;
pub use error::Error;

/// Runs a parsed command line; returns the process exit code. A panic is
/// caught and reported as a bug (exit 2), never a silent crash.
pub fn run(cli: Cli) -> ExitCode {
    bug::install_hook();
    match std::panic::catch_unwind(|| run_command(cli)) {
        Ok(code) => code,
        Err(_) => ExitCode::from(2),
    }
}

fn run_command(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
        } => pipeline::build(&pipeline::BuildOptions {
            root,
            output,
            base_url,
            drafts,
        })
        .map(|report| {
            println!("{}", report.summary());
            0
        })
        .map_err(|e| match e {
            // A failed build shows what stopped it; `credo check` shows warnings.
            Error::Content(mut diagnostics) => {
                diagnostics.retain_errors();
                Error::Content(diagnostics)
            }
            other => other,
        }),
        Command::Check {
            root,
            format,
            deny_warnings,
            drafts,
            against,
        } => run_check(
            &pipeline::BuildOptions {
                root,
                drafts,
                ..Default::default()
            },
            format,
            deny_warnings,
            against.as_deref(),
        ),
        Command::Init {
            dir, bare: true, ..
        } => {
            let dir = dir.unwrap_or_else(|| ".".into());
            scaffold::init_bare(&dir).map(|title| {
                if dir.join("content").is_dir() || load::layout::is_flat(&dir) {
                    println!(
                        "Wrote {} (title \"{title}\") beside the Markdown in {}. Next: {}",
                        config::CONFIG_FILE,
                        folder_named(&dir),
                        serve_command(&dir)
                    );
                } else {
                    // No page to serve yet: say what comes first.
                    println!(
                        "Wrote {} (title \"{title}\") into {}. Next: move the Markdown into {} (credo reads pages from there), \
                         or leave it where it is and make a new site of it with `credo import {} NEW_DIR`",
                        config::CONFIG_FILE,
                        folder_named(&dir),
                        dir.join("content").display(),
                        dir.display()
                    );
                }
                0
            })
        }
        Command::Init { dir, example, .. } => {
            let dir = dir.unwrap_or_else(|| ".".into());
            scaffold::init(&dir, example).map(|files| {
                println!(
                    "Wrote a new playbook ({} files) into {}. Next: {}",
                    files.len(),
                    folder_named(&dir),
                    serve_command(&dir)
                );
                0
            })
        }
        Command::New {
            kind,
            title,
            root,
            lang,
        } => {
            let made = match &lang {
                Some(lang) => scaffold::new_translation(&root, &kind, &title, lang),
                None => scaffold::new_page(&root, &kind, &title).map(|made| {
                    warn_now_ambiguous(&made);
                    made.path
                }),
            };
            made.map(|path| {
                println!("Wrote {}", path.display());
                0
            })
        }
        Command::Import { src, dir } => import::command(&src, &dir),
        Command::Completions { shell } => {
            use clap::CommandFactory as _;
            clap_complete::generate(shell, &mut Cli::command(), "credo", &mut std::io::stdout());
            Ok(0)
        }
        Command::Serve {
            root,
            bind,
            port,
            open,
            drafts,
        } => serve::serve(serve::ServeOptions {
            build: pipeline::BuildOptions {
                root,
                drafts,
                ..Default::default()
            },
            bind,
            port,
            open,
        })
        .map(|()| 0),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(Error::Content(diagnostics)) => {
            report_stopped(&diagnostics);
            ExitCode::from(1)
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}

pub(crate) fn run_check(
    options: &pipeline::BuildOptions,
    format: Format,
    deny_warnings: bool,
    against: Option<&std::path::Path>,
) -> Result<u8, Error> {
    let diagnostics = check_and_print(options, format, deny_warnings, against)?;
    Ok(u8::from(diagnostics.has_errors()))
}

/// `credo check`'s work: checks the site, prints what it found, and
/// returns it (for `credo import`, which says where each finding comes from).
pub(crate) fn check_and_print(
    options: &pipeline::BuildOptions,
    format: Format,
    deny_warnings: bool,
    against: Option<&std::path::Path>,
) -> Result<Diagnostics, Error> {
    let old = against.map(read_old_handbook).transpose()?;
    let (mut diagnostics, resolved) = pipeline::check_site(options)?;
    let mut listed = Vec::new();
    if let (Some(old), Some(resolved)) = (&old, &resolved) {
        let site = resolved.site();
        let comparison = site::against::compare(site, old);
        let mut found: Diagnostics = comparison.warnings.into_iter().collect();
        found.apply_lints(&site.config.lint_levels());
        diagnostics.extend(found);
        diagnostics.sort();
        listed.extend(comparison.added.iter().map(|k| format!("added: {k}")));
        listed.extend(comparison.removed.iter().map(|k| format!("removed: {k}")));
    }
    if deny_warnings {
        diagnostics.deny_warnings();
    }
    match format {
        Format::Json => println!("{}", diagnostics.render_json()),
        Format::Human => {
            report(&diagnostics);
            for line in &listed {
                eprintln!("{line}");
            }
            eprintln!(
                "checked {}: {} error(s), {} warning(s)",
                options.root.display(),
                diagnostics.error_count(),
                diagnostics.warning_count()
            );
        }
    }
    Ok(diagnostics)
}

/// The handbook.json of an earlier build, for `check --against`.
fn read_old_handbook(path: &std::path::Path) -> Result<serde_json::Value, Error> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.display().to_string(),
        source,
    })?;
    let old: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| Error::Usage(format!("{} is not a handbook.json: {e}", path.display())))?;
    // Anything else would compare as a handbook without pages: every page
    // "added", and a check that passes.
    match old.get("schema").and_then(|s| s.as_str()) {
        Some(schema) if schema.starts_with("credo-handbook/") => Ok(old),
        _ => Err(Error::Usage(format!(
            "{} is not a handbook.json of credo (it has no `\"schema\": \"credo-handbook/1\"`); pass the handbook.json an earlier `credo build` wrote",
            path.display()
        ))),
    }
}

/// Prints every finding, then a line for each code found many times.
fn report(diagnostics: &Diagnostics) {
    let mut stderr = std::io::stderr().lock();
    let _ = stderr.write_all(diagnostics.render_human().as_bytes());
    for line in diagnostics.frequent_codes() {
        let _ = writeln!(stderr, "{line}");
    }
}

/// The findings that stopped a build or a serve, and the count.
fn report_stopped(diagnostics: &Diagnostics) {
    report(diagnostics);
    if diagnostics.error_count() > 0 {
        eprintln!(
            "error: {} error(s), build stopped",
            diagnostics.error_count()
        );
    }
}

/// `credo new` wrote a page whose name other pages' bare refs already used:
/// they now name two pages, and the next build stops on them.
fn warn_now_ambiguous(made: &scaffold::NewPage) {
    if made.now_ambiguous.is_empty() {
        return;
    }
    let name = made
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(
        stderr,
        "warning: another page is also named `{name}`: {} ref(s) that named it now name two pages, and `credo build` will stop on them:",
        made.now_ambiguous.len(),
    );
    for d in &made.now_ambiguous {
        let _ = writeln!(stderr, "  {}:{}:{}", d.file, d.line.max(1), d.column.max(1));
    }
    let full = made.namesake.as_deref().unwrap_or("folder/name");
    let _ = writeln!(
        stderr,
        "  = help: write those refs with the folder (`[[{full}]]`), or give {} another name",
        made.path.display()
    );
}

/// A folder as a sentence names it: "the current folder" for `.`.
fn folder_named(dir: &std::path::Path) -> String {
    if dir == std::path::Path::new(".") {
        "the current folder".to_string()
    } else {
        dir.display().to_string()
    }
}

/// The command that serves the site in `dir`, `-r` only where needed.
fn serve_command(dir: &std::path::Path) -> String {
    if dir == std::path::Path::new(".") {
        "`credo serve`".to_string()
    } else {
        format!("`credo serve -r {}`", dir.display())
    }
}
