//! Theme resolution: which template and which static file wins.
//!
//! Layers, lowest first: the built-in `default` theme (embedded in the binary),
//! the chosen theme (a site's `themes/NAME/`, else a built-in theme of that
//! name), then the site's own `templates/`. A later layer replaces a file of
//! the same name, so a theme or a site overrides only what it needs. Nothing is
//! read from outside the site root: theme files behind a symlink that leaves the
//! root are skipped by the walk.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::diagnostic::Code;
use crate::diagnostic::{Diagnostic, Diagnostics, display_path};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

/// The flagship handbook, for `credo init --example`.
pub(crate) fn example_files() -> &'static [(&'static str, &'static [u8])] {
    embedded::EXAMPLE
}

/// The files the built-in themes put at the top of a site (`style.css`,
/// `credo.js`, …), sorted: a site's own static file of that name replaces
/// them. Listed once per run (links from the root ask for each).
pub(crate) fn builtin_static_names() -> &'static [&'static str] {
    static NAMES: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names: Vec<&str> = (embedded::THEMES.iter())
            .filter_map(|(path, _)| path.split_once("/static/").map(|(_, name)| name))
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    })
}

/// Where a theme file's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Asset {
    /// Embedded in the binary.
    Embedded(&'static [u8]),
    /// A file under the site root.
    File(PathBuf),
}

/// A template: its source and where it came from, for diagnostics.
#[derive(Debug, Clone)]
pub struct TemplateSource {
    /// The template text.
    pub text: String,
    /// The path shown in diagnostics (`templates/page.html`, or the built-in
    /// theme's path such as `themes/default/templates/page.html`).
    pub display: String,
    /// It is the built-in theme's, embedded in credo: not a file on disk.
    pub builtin: bool,
}

/// The resolved theme: every template by name, every static file by path.
#[derive(Debug, Clone, Default)]
pub struct Theme {
    /// Template name (`page.html`, `partials/footer.html`) → source.
    pub templates: BTreeMap<String, TemplateSource>,
    /// Output path → bytes.
    pub statics: BTreeMap<String, Asset>,
    /// The chosen theme's `theme.yaml` (free-form: name, description, and
    /// whatever its templates read), available to templates as `theme`.
    pub meta: BTreeMap<String, serde_json::Value>,
    /// The theme's own `strings:` in `theme.yaml`: language → key → text,
    /// over the shipped tables (see [`super::strings`]).
    pub strings: super::strings::Overrides,
}

/// The folders of the site's `themes/`, sorted: the local themes.
fn local_theme_names(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root.join("themes"))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().into_string().ok())
        .collect();
    names.sort();
    names
}

fn builtin_names() -> Vec<&'static str> {
    let mut names: Vec<&str> = embedded::THEMES
        .iter()
        .filter_map(|(path, _)| path.split('/').next())
        .collect();
    names.dedup();
    names
}

impl Theme {
    /// Resolves the theme `name` for the site at `root`.
    /// `highlight_theme` is checked here too: it names a syntect theme.
    pub(crate) fn resolve(
        root: &Path,
        name: &str,
        highlight_theme: &str,
    ) -> Result<Theme, Diagnostics> {
        let mut theme = Theme::default();
        let mut diagnostics = Diagnostics::new();
        let highlight_themes = crate::markdown::highlight::theme_names();
        if !highlight_themes.iter().any(|t| t == highlight_theme) {
            let names: Vec<&str> = highlight_themes.iter().map(String::as_str).collect();
            let d = Config::key_error(
                root,
                "highlight_theme",
                Code::UnknownHighlightTheme,
                format!("highlight_theme `{highlight_theme}` is not a syntect theme"),
            );
            diagnostics.push(
                match crate::diagnostic::did_you_mean(highlight_theme, &names) {
                    Some(best) => d.with_hint(format!("did you mean `{best}`?")),
                    None => d.with_hint(format!("known themes: {}", names.join(", "))),
                },
            );
        }
        theme.add_builtin("default", &mut diagnostics);
        let local = root.join("themes").join(name);
        if let Some(link) = crate::load::link_leaving_root(root, &local) {
            diagnostics.push(crate::load::escaping_link_error(root, &link));
        } else if local.is_dir() {
            theme.add_dir(
                root,
                &local.join("templates"),
                &local.join("static"),
                &mut diagnostics,
            );
            theme.read_meta(root, &local.join("theme.yaml"), &mut diagnostics);
        } else if builtin_names().contains(&name) {
            theme.add_builtin(name, &mut diagnostics);
        } else {
            let mut d = Config::key_error(
                root,
                "theme",
                Code::UnknownTheme,
                format!("theme `{name}` is neither a folder themes/{name}/ nor a built-in theme"),
            );
            let local = local_theme_names(root);
            let known: Vec<&str> = (builtin_names().into_iter())
                .chain(local.iter().map(String::as_str))
                .collect();
            d = d.with_hint(match crate::diagnostic::did_you_mean(name, &known) {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!("the themes here: {}", known.join(", ")),
            });
            diagnostics.push(d);
        }
        theme.add_dir(
            root,
            &root.join("templates"),
            Path::new(""),
            &mut diagnostics,
        );
        if diagnostics.has_errors() {
            Err(diagnostics)
        } else {
            Ok(theme)
        }
    }

    fn read_meta(&mut self, root: &Path, path: &Path, diagnostics: &mut Diagnostics) {
        let Ok(text) = std::fs::read_to_string(path) else {
            return;
        };
        let display = display_path(root, path);
        let text = crate::load::normalise_text(&text);
        let block = crate::load::yaml::YamlBlock::new(&text, &display, 1);
        match block.parse() {
            Ok(meta) => self.meta = meta,
            Err(d) => diagnostics.push(d.with_source(&text)),
        }
        self.strings = Default::default();
        if let Some(strings) = self.meta.get("strings") {
            match serde_json::from_value(strings.clone()) {
                Ok(strings) => self.strings = strings,
                Err(_) => {
                    let (line, col) = block.locate("strings", None);
                    diagnostics.push(
                        Diagnostic::error(
                            display.as_str(),
                            line,
                            col,
                            Code::InvalidYaml,
                            "`strings` must map language codes to keys and texts",
                        )
                        .with_hint("one language per line, its words indented below it as `key: text`, or `de: {mark_as_read: Gelesen}`")
                        .with_source(&text),
                    );
                }
            }
        }
        for d in super::strings::check_overrides(&self.strings, &block, None) {
            diagnostics.push(d.with_source(&text));
        }
    }

    fn add_builtin(&mut self, name: &str, diagnostics: &mut Diagnostics) {
        let prefix = format!("{name}/");
        for (path, bytes) in embedded::THEMES {
            let Some(rel) = path.strip_prefix(&prefix) else {
                continue;
            };
            if let Some(template) = rel.strip_prefix("templates/") {
                match std::str::from_utf8(bytes) {
                    Ok(text) => {
                        self.templates.insert(
                            template.to_string(),
                            TemplateSource {
                                text: text.to_string(),
                                display: format!("themes/{path}"),
                                builtin: true,
                            },
                        );
                    }
                    Err(_) => diagnostics.push(Diagnostic::error(
                        format!("themes/{path}"),
                        0,
                        0,
                        Code::NotUtf8,
                        "template is not valid UTF-8",
                    )),
                }
            } else if let Some(asset) = rel.strip_prefix("static/") {
                self.statics
                    .insert(asset.to_string(), Asset::Embedded(bytes));
            } else if rel == "theme.yaml" {
                self.meta = std::str::from_utf8(bytes)
                    .ok()
                    .and_then(|t| serde_yaml::from_str(t).ok())
                    .unwrap_or_default();
                self.strings = self
                    .meta
                    .get("strings")
                    .and_then(|s| serde_json::from_value(s.clone()).ok())
                    .unwrap_or_default();
            }
        }
    }

    fn add_dir(
        &mut self,
        root: &Path,
        templates: &Path,
        statics: &Path,
        diagnostics: &mut Diagnostics,
    ) {
        if templates.is_dir() {
            for file in
                crate::load::load_statics(root, templates, crate::load::Hidden::Skip, diagnostics)
            {
                let display = display_path(root, &file.source);
                match std::fs::read(&file.source).map(String::from_utf8) {
                    Ok(Ok(text)) => {
                        self.templates.insert(
                            file.output_path,
                            TemplateSource {
                                text: crate::load::normalise_text(&text),
                                display,
                                builtin: false,
                            },
                        );
                    }
                    Ok(Err(_)) => diagnostics.push(Diagnostic::error(
                        display,
                        0,
                        0,
                        Code::NotUtf8,
                        "template is not valid UTF-8",
                    )),
                    Err(e) => diagnostics.push(Diagnostic::error(
                        display,
                        0,
                        0,
                        Code::Io,
                        format!("cannot read: {e}"),
                    )),
                }
            }
        }
        if !statics.as_os_str().is_empty() && statics.is_dir() {
            for file in
                crate::load::load_statics(root, statics, crate::load::Hidden::Keep, diagnostics)
            {
                self.statics
                    .insert(file.output_path, Asset::File(file.source));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::embedded;

    /// A heading never takes an id the built-in themes' layout uses.
    #[test]
    fn every_id_the_themes_write_is_reserved_from_headings() {
        let mut found = 0;
        for (path, bytes) in embedded::THEMES {
            if !path.contains("/templates/") {
                continue;
            }
            let text = String::from_utf8_lossy(bytes);
            for (at, _) in text.match_indices(" id=\"") {
                let rest = &text[at + 5..];
                let id = &rest[..rest.find('"').unwrap_or(0)];
                if id.contains('{') {
                    continue; // made from the page's data, not fixed
                }
                found += 1;
                assert!(
                    crate::markdown::RESERVED_IDS.contains(&id),
                    "{path} writes id=\"{id}\", which a heading could take"
                );
            }
        }
        assert!(found > 10, "only {found} ids found");
    }
}
