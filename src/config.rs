//! `credo.yaml` → [`Config`].
//!
//! The site configuration is typed and strict: an unknown key is an error with a
//! "did you mean" hint, except under `extra`, which is free-form and passed to
//! templates. `base_url` is split once into its path (`/handbook/`), which every
//! internal URL carries.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Code, Diagnostic, Level};
use crate::load::yaml::YamlBlock;

/// The name of the configuration file at the site root.
pub(crate) const CONFIG_FILE: &str = "credo.yaml";

const KNOWN_KEYS: &[&str] = &[
    "title",
    "base_url",
    "description",
    "language",
    "theme",
    "highlight_theme",
    "sections",
    "review_after_days",
    "require_owner",
    "search",
    "lints",
    "edit_url",
    "owners",
    "feedback",
    "acknowledge",
    "acknowledge_endpoint",
    "languages",
    "strings",
    "extra",
];

/// The site configuration, as written in `credo.yaml`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// The handbook's title (required).
    pub title: String,
    /// Where the site is published, e.g. `https://x.example/handbook/`.
    pub base_url: String,
    /// One sentence about the handbook, used in `<meta name=description>`.
    pub description: String,
    /// The `lang` of every page.
    pub language: String,
    /// The theme: a folder under `themes/`, or the built-in `default`.
    pub theme: String,
    /// The syntect theme whose colours the highlighting CSS uses.
    pub highlight_theme: String,
    /// The order of sections on the home page (folder names under `content/`).
    pub sections: Vec<String>,
    /// `credo check` warns about pages reviewed longer ago than this.
    pub review_after_days: Option<u32>,
    /// `credo check` warns about pages without an `owner`.
    pub require_owner: bool,
    /// Whether to build the search index and `/search/` page.
    pub search: bool,
    /// Diagnostic code → `error`, `warning` or `allow` (checked when parsed).
    pub lints: BTreeMap<String, String>,
    /// "Edit this page": a URL pattern in which `{path}` stands for the
    /// page's file from the site root (`content/principles/a.md`).
    pub edit_url: Option<String>,
    /// "Ask the owner": an `owner` name → an email address or a chat URL.
    pub owners: BTreeMap<String, String>,
    /// "Was this helpful?": a `mailto:` address or an issue form URL, which
    /// the page's links fill in with the page and its owner.
    pub feedback: Option<String>,
    /// The kinds of page every reader must acknowledge (`[value, principle]`);
    /// a page's own `acknowledge:` wins.
    pub acknowledge: Vec<crate::load::frontmatter::Kind>,
    /// A URL the firm runs: each acknowledgement receipt is also POSTed
    /// there as JSON. Unset, nothing leaves the browser.
    pub acknowledge_endpoint: Option<String>,
    /// The site's other languages: code → name and overrides (each entry
    /// checked by [`language_errors`], so that every one is reported).
    #[serde(deserialize_with = "well_formed_languages")]
    pub languages: BTreeMap<String, LanguageConfig>,
    /// The theme's words replaced: language → key → text (`strings: {de:
    /// {mark_as_read: Gelesen}}`), over the theme's and the shipped ones.
    pub strings: crate::render::strings::Overrides,
    /// (a language's site) The path of the default language's root, where
    /// the shared files (stylesheets, scripts, images) are.
    #[serde(skip)]
    pub root_path: Option<String>,
    /// (a language's site) The default language's code.
    #[serde(skip)]
    pub default_language: String,
    /// (a site in several languages) Each language's tag pages (code →
    /// `tags/x/` paths): tags are the only pages one language may have and
    /// another not, and the switcher leads from such a page to that
    /// language's home.
    #[serde(skip)]
    pub tag_pages: BTreeMap<String, std::collections::BTreeSet<String>>,
    /// How the site root shows its content files: `content/`, or nothing
    /// in a flat site (see [`crate::load::layout`]), for messages.
    #[serde(skip)]
    pub content_prefix: &'static str,
    /// Free-form values for templates.
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// One of the site's other languages (`de: {name: Deutsch, title: ...}`).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageConfig {
    /// Its name, in itself (`Deutsch`), for the language switcher.
    pub name: String,
    /// The handbook's title in it.
    pub title: Option<String>,
    /// The handbook's description in it.
    pub description: Option<String>,
}

/// What a key left out of `credo.yaml` means (the required `title` is
/// checked by [`Config::parse`]).
impl Default for Config {
    fn default() -> Self {
        Config {
            title: String::new(),
            base_url: "/".to_string(),
            description: String::new(),
            language: "en".to_string(),
            theme: "default".to_string(),
            highlight_theme: "InspiredGitHub".to_string(),
            sections: Vec::new(),
            review_after_days: None,
            require_owner: false,
            search: true,
            lints: BTreeMap::new(),
            edit_url: None,
            owners: BTreeMap::new(),
            feedback: None,
            acknowledge: Vec::new(),
            acknowledge_endpoint: None,
            languages: BTreeMap::new(),
            strings: BTreeMap::new(),
            root_path: None,
            default_language: String::new(),
            tag_pages: BTreeMap::new(),
            content_prefix: "content/",
            extra: BTreeMap::new(),
        }
    }
}

impl Config {
    /// Parses the text of `credo.yaml`; `file` is its display path.
    #[cfg(test)]
    pub(crate) fn parse(text: &str, file: &str) -> Result<Config, Vec<Diagnostic>> {
        match Config::parse_all(text, file) {
            (config, errors) if errors.is_empty() => Ok(config),
            (_, errors) => Err(errors),
        }
    }

    /// [`Config::parse`], and when its errors leave a configuration the
    /// content can be read with (an unknown key such as `descripton:`, a
    /// `base_url` that is no URL, a `lints:` or `strings:` entry that
    /// names nothing, a missing `title`, a value of the wrong type left at
    /// its default), that configuration too, without them: the run goes on
    /// to report the content's errors with them, as every error of a run is
    /// said at once. YAML that cannot be read and a wrong language code (or
    /// `languages:`, `lints:`) stop it there: read without them, every page
    /// of that language would be an error of its own.
    pub(crate) fn parse_past_unknown_keys(
        text: &str,
        file: &str,
    ) -> Result<Config, (Vec<Diagnostic>, Option<Config>)> {
        match Config::parse_all(text, file) {
            (config, errors) if errors.is_empty() => Ok(config),
            (config, errors) => {
                let readable = errors.iter().all(|d| match d.code {
                    Code::UnknownKey
                    | Code::InvalidBaseUrl
                    | Code::UnknownLint
                    | Code::UnknownString
                    | Code::MissingKey => true,
                    Code::InvalidYaml => read_past_wrong_type(text, file, d.line),
                    _ => false,
                });
                Err((errors, readable.then_some(config)))
            }
        }
    }

    /// The configuration the block's keys that fit make, and every error
    /// of the block, sorted.
    fn parse_all(text: &str, file: &str) -> (Config, Vec<Diagnostic>) {
        let block = YamlBlock::new(text, file, 1);
        let (mut config, mut errors): (Config, _) = block.parse_keys(KNOWN_KEYS, "credo.yaml");
        // A file that is no mapping is one error, not a missing title too.
        if config.title.is_empty() && !block.has_key("title") && block.holds_keys() {
            errors.push(block.missing("title"));
        }
        if let Some(problem) = base_url_problem(&config.base_url) {
            let (line, col) = block.locate("base_url", None);
            errors.push(Diagnostic::error(
                file,
                line,
                col,
                Code::InvalidBaseUrl,
                problem,
            ));
            // Read on as if it were not written, to report the content's
            // errors with it.
            config.base_url = "/".to_string();
        }
        errors.extend(lint_errors(&config.lints, &block));
        errors.extend(language_errors(&block, &config.language));
        let languages: Vec<&str> = std::iter::once(config.language.as_str())
            .chain(config.languages.keys().map(String::as_str))
            .collect();
        errors.extend(crate::render::strings::check_overrides(
            &config.strings,
            &block,
            Some(&languages),
        ));
        errors.sort_by_key(|d| (d.line, d.column));
        let errors = errors.into_iter().map(|d| d.with_source(text)).collect();
        config.base_url = normalise_base_url(&config.base_url);
        (config, errors)
    }

    /// Reads and parses `credo.yaml` under `root`.
    pub(crate) fn load(root: &Path) -> Result<Config, ConfigError> {
        let path = root.join(CONFIG_FILE);
        let text = std::fs::read_to_string(&path).map_err(|e| ConfigError::Missing {
            path: path.display().to_string(),
            source: e,
        })?;
        let text = crate::load::normalise_text(&text);
        Config::parse_past_unknown_keys(&text, CONFIG_FILE)
            .map_err(|(errors, known)| ConfigError::Invalid(errors, known.map(Box::new)))
    }

    /// A diagnostic about the value of `key` in `credo.yaml` under `root`,
    /// pointing at that key's line.
    pub(crate) fn key_error(root: &Path, key: &str, code: Code, message: String) -> Diagnostic {
        Self::error_at(root, code, message, |block| block.locate(key, None))
    }

    /// An error about entry `at` of the list under `key` of credo.yaml (at
    /// `root`), which reads `entry`: at that entry, in a block or an inline
    /// list.
    pub(crate) fn entry_error(
        root: &Path,
        (key, at, entry): (&str, usize, &str),
        code: Code,
        message: String,
    ) -> Diagnostic {
        Self::error_at(root, code, message, |block| {
            block.locate_entry(key, &[at], Some(entry))
        })
    }

    fn error_at(
        root: &Path,
        code: Code,
        message: String,
        place: impl FnOnce(&YamlBlock) -> (usize, usize),
    ) -> Diagnostic {
        let text = std::fs::read_to_string(root.join(CONFIG_FILE))
            .map(|t| crate::load::normalise_text(&t))
            .unwrap_or_default();
        let (line, col) = place(&YamlBlock::new(&text, CONFIG_FILE, 1));
        Diagnostic::error(CONFIG_FILE, line, col, code, message).with_source(&text)
    }

    /// The level of each code that `lints:` sets (validated by [`Config::parse`]).
    pub(crate) fn lint_levels(&self) -> std::collections::HashMap<Code, Level> {
        self.lints
            .iter()
            .filter_map(|(code, level)| Some((Code::parse(code)?, Level::parse(level)?)))
            .collect()
    }

    /// The configuration of the site in language `code`: its title and
    /// description, and its pages under `/code/`.
    pub(crate) fn for_language(&self, code: &str) -> Config {
        let mut config = self.clone();
        if let Some(lang) = self.languages.get(code) {
            config.title = lang.title.clone().unwrap_or_else(|| self.title.clone());
            config.description = lang
                .description
                .clone()
                .unwrap_or_else(|| self.description.clone());
        }
        config.root_path = Some(self.base_path());
        config.default_language.clone_from(&self.language);
        config.language = code.to_string();
        config.base_url = format!("{}{code}/", self.base_url);
        config
    }

    /// The languages (codes) that have no page at `path` (`tags/x/`, from a
    /// language's root): those of the tags some language lacks; none for
    /// any other path.
    pub(crate) fn languages_without(&self, path: &str) -> Vec<String> {
        if !path.starts_with("tags/") || path == "tags/" {
            return Vec::new();
        }
        (self.tag_pages.iter())
            .filter(|(_, paths)| !paths.contains(path))
            .map(|(code, _)| code.clone())
            .collect()
    }

    /// The path of the site's root: shared files live there, whatever the
    /// language of the page.
    pub(crate) fn root_path(&self) -> String {
        self.root_path.clone().unwrap_or_else(|| self.base_path())
    }

    /// Overrides `base_url` (the `--base-url` option).
    pub(crate) fn set_base_url(&mut self, url: &str) {
        self.base_url = normalise_base_url(url);
    }

    /// The path part of `base_url`, always starting and ending with `/`.
    pub(crate) fn base_path(&self) -> String {
        let without_scheme = match self.base_url.find("://") {
            Some(i) => &self.base_url[i + 3..],
            None => self.base_url.as_str(),
        };
        let path = if self.base_url.contains("://") {
            without_scheme
                .find('/')
                .map_or("/", |i| &without_scheme[i..])
        } else {
            without_scheme
        };
        let trimmed = path.trim_matches('/');
        if trimmed.is_empty() {
            "/".to_string()
        } else {
            format!("/{trimmed}/")
        }
    }

    /// `base_url` up to (not including) its path: `https://x.example`, or
    /// empty when `base_url` is only a path.
    pub(crate) fn origin(&self) -> &str {
        match self.base_url.find("://") {
            Some(i) => {
                let after = &self.base_url[i + 3..];
                let end = after.find('/').map_or(self.base_url.len(), |j| i + 3 + j);
                &self.base_url[..end]
            }
            None => "",
        }
    }
}

/// Whether the `invalid-yaml` error at `line` of credo.yaml is a value of
/// the wrong type (`review_after_days: soon`), left at its default, under
/// a key the content can be read without: the file is keys and values, and
/// the key is none of `language`, `languages` and `lints`, which say how
/// every page is read and reported.
fn read_past_wrong_type(text: &str, file: &str, line: usize) -> bool {
    if !matches!(serde_yaml::from_str::<serde_yaml::Value>(text), Ok(v) if v.is_mapping()) {
        return false;
    }
    let block = YamlBlock::new(text, file, 1);
    let key = (KNOWN_KEYS.iter())
        .filter(|k| block.has_key(k))
        .map(|k| (block.locate(k, None).0, *k))
        .filter(|&(at, _)| at <= line)
        .max_by_key(|&(at, _)| at);
    key.is_some_and(|(_, k)| !matches!(k, "language" | "languages" | "lints"))
}

/// Why `url` cannot be a `base_url`: it must be an absolute URL
/// (`https://x.example/handbook/`) or a path from the host's root
/// (`/handbook/`), with nothing a browser would need escaped.
pub(crate) fn base_url_problem(url: &str) -> Option<String> {
    let url = url.trim();
    let shaped = url.is_empty() || url.starts_with('/') || url.contains("://");
    let clean = !url
        .chars()
        .any(|c| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '\\' | '#' | '?'));
    (!(shaped && clean)).then(|| {
        format!("`base_url` must be a URL such as `https://x.example/handbook/` or a path such as `/handbook/`, not `{url}`")
    })
}

/// An error for each `lints:` entry naming no code or no level.
fn lint_errors(lints: &BTreeMap<String, String>, block: &YamlBlock<'_>) -> Vec<Diagnostic> {
    let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
    let mut errors = Vec::new();
    for (code, level) in lints {
        let (line, col) = block.locate("lints", Some(code));
        if Code::parse(code).is_none() {
            let hint = match crate::diagnostic::did_you_mean(code, &codes) {
                Some(best) => {
                    format!("did you mean `{best}`? docs/diagnostics.md lists every code")
                }
                None => "docs/diagnostics.md lists every code".to_string(),
            };
            errors.push(
                Diagnostic::error(
                    block.file,
                    line,
                    col,
                    Code::UnknownLint,
                    format!("`lints` names `{code}`, which is not a diagnostic code"),
                )
                .with_hint(hint),
            );
        } else if Level::parse(level).is_none() {
            errors.push(Diagnostic::error(
                block.file,
                line,
                col,
                Code::UnknownLint,
                format!("`lints: {{{code}: {level}}}`: a level is `error`, `warning` or `allow`"),
            ));
        }
    }
    errors
}

/// The entries of `languages:` that are well formed: serde would stop at
/// the first bad one, with a Rust type's name, where [`language_errors`]
/// reports each in words.
fn well_formed_languages<'de, D>(d: D) -> Result<BTreeMap<String, LanguageConfig>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let serde_yaml::Value::Mapping(entries) = serde_yaml::Value::deserialize(d)? else {
        return Ok(BTreeMap::new());
    };
    Ok(entries
        .into_iter()
        .filter_map(|(code, language)| {
            Some((
                code.as_str()?.to_string(),
                serde_yaml::from_value(language).ok()?,
            ))
        })
        .collect())
}

/// An error for each entry of `languages:` whose code cannot name a
/// language's folder (see [`crate::load::languages::code_problem`]) or
/// whose value is not `{name, title?, description?}`, at the entry's key.
fn language_errors(block: &YamlBlock<'_>, default: &str) -> Vec<Diagnostic> {
    use serde_yaml::Value;
    const SHAPE: &str = "a language is `CODE: {name: NAME}`, its name written in itself, with `title` and `description` where its handbook's differ: `de: {name: Deutsch, title: Handbuch}`";
    let Ok(Value::Mapping(top)) = serde_yaml::from_str::<Value>(block.text) else {
        // Broken YAML is reported as such.
        return Vec::new();
    };
    let entries = match top.get("languages") {
        None | Some(Value::Null) => return Vec::new(),
        Some(Value::Mapping(entries)) => entries,
        Some(_) => {
            let (line, col) = block.locate("languages", None);
            return vec![
                Diagnostic::error(
                    block.file,
                    line,
                    col,
                    Code::InvalidYaml,
                    "`languages` must be a map like `{de: {name: Deutsch}}`",
                )
                .with_hint(SHAPE),
            ];
        }
    };
    let mut errors = Vec::new();
    for (key, value) in entries {
        let code = match key.as_str() {
            Some(code) => code.to_string(),
            None => serde_yaml::to_string(key)
                .unwrap_or_default()
                .trim()
                .to_string(),
        };
        let (line, col) = block.locate_path("languages", &[&code]);
        let error = |code: Code, message: String, hint: String| {
            Diagnostic::error(block.file, line, col, code, message).with_hint(hint)
        };
        if let Some((message, hint)) = crate::load::languages::code_problem(&code, default) {
            errors.push(error(Code::InvalidLanguage, message, hint));
        }
        let problem = match value {
            Value::Mapping(_) => match serde_yaml::from_value::<LanguageConfig>(value.clone()) {
                Ok(_) => None,
                Err(e) => {
                    let message = e.to_string();
                    let hint =
                        crate::load::yaml::hint_for(&message).unwrap_or_else(|| SHAPE.to_string());
                    let message = match message.strip_prefix("missing field ") {
                        Some(field) => format!("`languages: {{{code}}}` has no {field}"),
                        None => format!("`languages: {{{code}}}`: {message}"),
                    };
                    Some((message, hint))
                }
            },
            other => {
                let name = match other {
                    Value::String(name) => name.as_str(),
                    _ => "...",
                };
                Some((
                    format!("`{code}` must be a map like `{{name: {name}}}`"),
                    SHAPE.to_string(),
                ))
            }
        };
        if let Some((message, hint)) = problem {
            errors.push(error(Code::InvalidYaml, message, hint));
        }
    }
    errors
}

fn normalise_base_url(url: &str) -> String {
    let mut url = url.trim().to_string();
    if !url.ends_with('/') {
        url.push('/');
    }
    url
}

/// Why the configuration could not be read.
#[derive(Debug, thiserror::Error)]
pub(crate) enum ConfigError {
    /// `credo.yaml` is missing or unreadable: an environment problem.
    #[error("cannot read {path}: {source} (is this a credo site? `credo init` makes one)")]
    Missing {
        /// The path tried.
        path: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// `credo.yaml` is there but wrong: a content problem; with the
    /// configuration its known keys make, when the rest are only unknown.
    #[error("credo.yaml is invalid")]
    Invalid(Vec<Diagnostic>, Option<Box<Config>>),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_path_comes_from_the_url() {
        let mut c = Config::parse("title: t\nbase_url: https://x.example/handbook", "c").unwrap();
        assert_eq!(c.base_path(), "/handbook/");
        assert_eq!(c.origin(), "https://x.example");
        c.set_base_url("https://y.example");
        assert_eq!(c.base_path(), "/");
        c.set_base_url("/sub/dir/");
        assert_eq!(c.base_path(), "/sub/dir/");
        assert_eq!(c.origin(), "");
    }

    #[test]
    fn lints_name_codes_and_levels() {
        let c = Config::parse(
            "title: t\nlints:\n  orphan-page: allow\n  broken-anchor: warning\n",
            "c",
        )
        .unwrap();
        let levels = c.lint_levels();
        assert_eq!(levels.get(&Code::OrphanPage), Some(&Level::Allow));
        assert_eq!(levels.get(&Code::BrokenAnchor), Some(&Level::Warning));
        let e = Config::parse(
            "title: t\nlints:\n  broken-ancor: warning\n  orphan-page: never\n",
            "credo.yaml",
        )
        .unwrap_err();
        assert_eq!(e.len(), 2);
        assert_eq!((e[0].line, e[0].code), (3, Code::UnknownLint));
        assert_eq!(
            e[0].hint.as_deref(),
            Some("did you mean `broken-anchor`? docs/diagnostics.md lists every code")
        );
        assert_eq!(e[1].line, 4);
    }

    #[test]
    fn every_language_entry_is_checked_at_its_key() {
        let e = Config::parse(
            "title: t\nlanguages:\n  de: {name: Deutsch}\n  \"../../escape\": {name: Evil}\n  es: Español\n  fr: {nmae: Français}\n  it:\n    title: Manuale\n",
            "credo.yaml",
        )
        .unwrap_err();
        let found: Vec<(usize, usize, Code, &str)> = e
            .iter()
            .map(|d| (d.line, d.column, d.code, d.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    4,
                    3,
                    Code::InvalidLanguage,
                    "`../../escape` is not a language code"
                ),
                (
                    5,
                    3,
                    Code::InvalidYaml,
                    "`es` must be a map like `{name: Español}`"
                ),
                (
                    6,
                    3,
                    Code::InvalidYaml,
                    "`languages: {fr}`: unknown field `nmae`, expected one of `name`, `title`, `description`"
                ),
                (7, 3, Code::InvalidYaml, "`languages: {it}` has no `name`"),
            ]
        );
        assert_eq!(e[2].hint.as_deref(), Some("did you mean `name`?"));
        let e = Config::parse("title: t\nlanguages: [de]\n", "credo.yaml").unwrap_err();
        assert_eq!(
            (e[0].line, e[0].message.as_str()),
            (2, "`languages` must be a map like `{de: {name: Deutsch}}`")
        );
    }

    #[test]
    fn unknown_keys_are_errors_with_hints() {
        let e = Config::parse("title: t\nbase_ulr: x\n", "credo.yaml").unwrap_err();
        assert_eq!(e[0].line, 2);
        assert_eq!(e[0].hint.as_deref(), Some("did you mean `base_url`?"));
    }
}
