//! The theme's own words (buttons, headings, labels, the words of its
//! scripts, month names and date formats) in the page's language.
//!
//! One table per language ships in `strings/LANG.yaml` (en, de, fr, es, it,
//! nl, pt, ja, zh, ar), embedded in the binary; `en.yaml` declares the keys and a
//! test holds every other table to exactly them. Layers, lowest first: the
//! shipped table of the page's language (English for a language without
//! one), the theme's `theme.yaml` `strings:`, then credo.yaml's `strings:`;
//! each layer gives `{LANG: {KEY: text}}` and replaces only the keys it names.
//! A `{name}` in a text is filled in by the template (the `fill` filter) or
//! by the script.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use serde::Serialize;

use crate::diagnostic::{Code, Diagnostic, did_you_mean};
use crate::load::yaml::YamlBlock;

/// Overrides as credo.yaml and theme.yaml write them: language → key → text.
pub(crate) type Overrides = BTreeMap<String, BTreeMap<String, String>>;

/// The shipped tables: code, the language's name in itself, the YAML.
const SHIPPED: [(&str, &str, &str); 10] = [
    ("en", "English", include_str!("strings/en.yaml")),
    ("de", "Deutsch", include_str!("strings/de.yaml")),
    ("fr", "Français", include_str!("strings/fr.yaml")),
    ("es", "Español", include_str!("strings/es.yaml")),
    ("it", "Italiano", include_str!("strings/it.yaml")),
    ("nl", "Nederlands", include_str!("strings/nl.yaml")),
    ("pt", "Português", include_str!("strings/pt.yaml")),
    ("ja", "日本語", include_str!("strings/ja.yaml")),
    ("zh", "中文", include_str!("strings/zh.yaml")),
    ("ar", "العربية", include_str!("strings/ar.yaml")),
];

/// The keys the theme's scripts read (credo.js, search.js), which
/// [`script_json`] hands them; a test holds this list to the scripts.
pub(crate) const SCRIPT_KEYS: &[&str] = &[
    "ack_done",
    "ack_not_sent",
    "ack_receipt",
    "ack_redo",
    "ack_status_done",
    "ack_to_do",
    "ack_to_redo",
    "all_results",
    "changed_count",
    "changed_count_one",
    "changed_mark",
    "changed_since",
    "changed_since_plain",
    "close_menu",
    "code_copied",
    "code_not_copied",
    "copied",
    "copy",
    "copy_code",
    "copy_failed",
    "ctrl_k",
    "date_format",
    "dismiss",
    "import_failed",
    "kind_attitude_short",
    "kind_checklist_short",
    "kind_page_short",
    "kind_principle_short",
    "kind_scenario_short",
    "kind_section_short",
    "kind_track_short",
    "kind_value_short",
    "mark_as_read",
    "marked_as_read",
    "month_1",
    "month_10",
    "month_11",
    "month_12",
    "month_2",
    "month_3",
    "month_4",
    "month_5",
    "month_6",
    "month_7",
    "month_8",
    "month_9",
    "more_results",
    "no_match",
    "not_progress_file",
    "results",
    "results_one",
    "search_results",
    "search_unavailable",
    "stale",
    "table_scrolls",
    "theme_dark",
    "theme_light",
    "theme_system",
    "theme_title",
];

/// A shipped table, parsed: its keys in file order and its texts.
struct Table {
    code: &'static str,
    name: &'static str,
    keys: Vec<String>,
    texts: BTreeMap<String, String>,
}

fn parse(code: &'static str, name: &'static str, yaml: &str) -> Table {
    // The tables are the binary's own (a unit test parses each): a broken
    // one is empty rather than a panic.
    let mapping: serde_yaml::Mapping = serde_yaml::from_str(yaml).unwrap_or_default();
    let mut keys = Vec::new();
    let mut texts = BTreeMap::new();
    for (k, v) in mapping {
        if let (Some(k), Some(v)) = (k.as_str(), v.as_str()) {
            keys.push(k.to_string());
            texts.insert(k.to_string(), v.to_string());
        }
    }
    Table {
        code,
        name,
        keys,
        texts,
    }
}

static TABLES: LazyLock<Vec<Table>> = LazyLock::new(|| {
    SHIPPED
        .iter()
        .map(|&(code, name, yaml)| parse(code, name, yaml))
        .collect()
});

/// Every key, in the order of `en.yaml`.
pub(crate) fn keys() -> &'static [String] {
    &TABLES[0].keys
}

/// `pt` of `pt-BR`.
fn primary(lang: &str) -> &str {
    lang.split('-').next().unwrap_or(lang)
}

fn table(lang: &str) -> Option<&'static Table> {
    let primary = primary(lang);
    TABLES.iter().find(|t| t.code == primary)
}

/// The theme's words in one language, available to templates as
/// `site.strings` (`{{ site.strings.mark_as_read }}`).
#[derive(Debug, Clone, Default, Serialize)]
#[serde(transparent)]
pub(crate) struct Strings(BTreeMap<String, String>);

impl Strings {
    /// The text of `key` (empty for a key the table lacks).
    pub(crate) fn get(&self, key: &str) -> &str {
        self.0.get(key).map_or("", String::as_str)
    }

    /// The date `YYYY-MM-DD` as the language writes it (`4 December 2026`).
    #[cfg(test)]
    pub(crate) fn date(&self, year: i32, month: u32, day: u32) -> String {
        self.fill_date(self.get("date_format"), year, month, day)
    }

    /// The month as the language names it in a heading (`December 2026`),
    /// its first letter a capital (`Décembre 2026`).
    pub(crate) fn month(&self, year: i32, month: u32) -> String {
        let text = self.fill_date(self.get("month_format"), year, month, 1);
        let mut chars = text.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => text,
        }
    }

    fn fill_date(&self, format: &str, year: i32, month: u32, day: u32) -> String {
        date_text(
            format,
            self.get(&format!("month_{month}")),
            (year, month, day),
        )
    }
}

/// A date written by `format`, whose places are `{day}`, `{month}` (its
/// name, `month_name`), `{month_number}` and `{year}`.
pub(crate) fn date_text(
    format: &str,
    month_name: &str,
    (year, month, day): (i32, u32, u32),
) -> String {
    format
        .replace("{day}", &day.to_string())
        .replace("{month_number}", &month.to_string())
        .replace("{month}", month_name)
        .replace("{year}", &year.to_string())
}

/// The strings for a page in `lang`: the shipped table of its language
/// (`pt-BR` uses `pt`; English when none ships), then the theme's
/// overrides, then the site's, each for the primary language and then for
/// the exact code.
pub(crate) fn strings(lang: &str, theme: &Overrides, site: &Overrides) -> Strings {
    let mut texts = table(lang).unwrap_or(&TABLES[0]).texts.clone();
    let codes = [primary(lang), lang];
    for layer in [theme, site] {
        for code in codes.iter().take(if codes[0] == codes[1] { 1 } else { 2 }) {
            if let Some(given) = layer.get(*code) {
                texts.extend(given.iter().map(|(k, v)| (k.clone(), v.clone())));
            }
        }
    }
    Strings(texts)
}

/// The strings the scripts read, as a JSON object safe inside a
/// `<script>` element (`<` is written `\u003c`).
pub(crate) fn script_json(strings: &Strings) -> String {
    let subset: BTreeMap<&str, &str> = SCRIPT_KEYS.iter().map(|k| (*k, strings.get(k))).collect();
    serde_json::to_string(&subset)
        .unwrap_or_else(|_| "{}".to_string())
        .replace('<', "\\u003c")
}

/// A language's name in itself, for the default language (other languages
/// name themselves in credo.yaml); the code when unknown.
pub(crate) fn native_name(lang: &str) -> String {
    table(lang).map_or_else(|| lang.to_string(), |t| t.name.to_string())
}

/// An error for each language and key of a `strings:` block (credo.yaml's or
/// theme.yaml's, in `block`) that names nothing: a key not in the table, or
/// a language not among `languages` (the site's), or for a theme, which may
/// speak any language, a code that is not one.
pub(crate) fn check_overrides(
    overrides: &Overrides,
    block: &YamlBlock<'_>,
    languages: Option<&[&str]>,
) -> Vec<Diagnostic> {
    let known: Vec<&str> = keys().iter().map(String::as_str).collect();
    let mut errors = Vec::new();
    for (lang, texts) in overrides {
        let (line, col) = block.locate_path("strings", &[lang]);
        let error = |message: String, hint: String| {
            Diagnostic::error(block.file, line, col, Code::UnknownString, message).with_hint(hint)
        };
        match languages {
            Some(languages) if !languages.contains(&lang.as_str()) => {
                let list = languages.join(", ");
                errors.push(error(
                    format!("`strings` names the language `{lang}`, which the site does not have"),
                    match did_you_mean(lang, languages) {
                        Some(best) => {
                            format!("did you mean `{best}`? the site's languages: {list}")
                        }
                        None => {
                            format!("the site's languages (`language:` and `languages:`): {list}")
                        }
                    },
                ));
                continue;
            }
            None if !crate::load::languages::is_language_code(lang) => {
                errors.push(error(
                    format!("`strings` names `{lang}`, which is not a language code"),
                    "a language code such as `de` or `pt-BR`".to_string(),
                ));
                continue;
            }
            _ => {}
        }
        for key in texts.keys() {
            if known.contains(&key.as_str()) {
                continue;
            }
            let (line, col) = block.locate_path("strings", &[lang, key]);
            let hint = match did_you_mean(key, &known) {
                Some(best) => {
                    format!("did you mean `{best}`? docs/templates.md lists every key")
                }
                None => "docs/templates.md lists every key".to_string(),
            };
            errors.push(
                Diagnostic::error(
                    block.file,
                    line,
                    col,
                    Code::UnknownString,
                    format!("`strings: {{{lang}: {{{key}}}}}`: `{key}` is not one of the theme's strings"),
                )
                .with_hint(hint),
            );
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_key_and_nothing_else() {
        let keys = keys();
        assert!(keys.len() > 150, "en.yaml parsed: {} keys", keys.len());
        for (code, _, yaml) in SHIPPED {
            let table = parse(code, "", yaml);
            assert_eq!(
                &table.keys, keys,
                "{code}.yaml has en.yaml's keys, in order"
            );
            for (key, text) in &table.texts {
                assert!(!text.trim().is_empty(), "{code}.yaml: {key} is empty");
                // A placeholder of the English text is kept: the template fills it.
                let english = &TABLES[0].texts[key];
                for name in placeholders(english) {
                    assert!(
                        text.contains(&format!("{{{name}}}"))
                            || key == "date_format"
                            || key == "month_format",
                        "{code}.yaml: {key} lacks {{{name}}}"
                    );
                }
            }
        }
    }

    fn placeholders(text: &str) -> Vec<&str> {
        text.split('{')
            .skip(1)
            .filter_map(|s| s.split_once('}').map(|(name, _)| name))
            .collect()
    }

    #[test]
    fn the_scripts_read_exactly_the_script_keys() {
        let scripts = concat!(
            include_str!("../../themes/default/static/credo.js"),
            include_str!("../../themes/default/static/search.js")
        );
        // Every call `t("key"`, not `.split("` or `createElement("`.
        let mut used: Vec<&str> = scripts
            .match_indices("t(\"")
            .filter(|(at, _)| {
                !scripts[..*at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '.')
            })
            .filter_map(|(at, _)| scripts[at + 3..].split_once('"').map(|(k, _)| k))
            // `t("month_" + month)`: the start of keys named below.
            .filter(|k| !k.ends_with('_'))
            .collect();
        // Kinds are looked up by name ("kind_" + kind + "_short"), months
        // by number ("month_" + month).
        used.extend(keys().iter().map(String::as_str).filter(|k| {
            let month = k
                .strip_prefix("month_")
                .is_some_and(|n| n.parse::<u32>().is_ok());
            (k.starts_with("kind_") && k.ends_with("_short")) || month
        }));
        used.sort_unstable();
        used.dedup();
        assert_eq!(used, SCRIPT_KEYS, "credo.js and search.js read these keys");
        for key in SCRIPT_KEYS {
            assert!(keys().iter().any(|k| k == key), "{key} is not in en.yaml");
        }
    }

    /// The keys are the theme author's contract: docs/templates.md lists them.
    #[test]
    fn docs_templates_lists_every_key() {
        let docs = include_str!("../../docs/templates.md");
        let missing: Vec<&String> = keys()
            .iter()
            .filter(|k| !docs.contains(&format!("| `{k}` |")))
            .collect();
        assert!(
            missing.is_empty(),
            "docs/templates.md does not list {missing:?}"
        );
    }

    #[test]
    fn site_over_theme_over_shipped_and_english_for_the_rest() {
        let mut theme = Overrides::new();
        theme.entry("de".into()).or_default().extend([
            ("mark_as_read".to_string(), "Gelesen (Thema)".to_string()),
            ("menu".to_string(), "Navigation".to_string()),
        ]);
        let mut site = Overrides::new();
        site.entry("de".into())
            .or_default()
            .insert("mark_as_read".into(), "Gelesen (Website)".into());
        site.entry("de-AT".into())
            .or_default()
            .insert("menu".into(), "Menü (AT)".into());
        let de = strings("de", &theme, &site);
        assert_eq!(de.get("mark_as_read"), "Gelesen (Website)");
        assert_eq!(de.get("menu"), "Navigation");
        assert_eq!(de.get("search"), "Suchen");
        let at = strings("de-AT", &theme, &site);
        assert_eq!(at.get("menu"), "Menü (AT)");
        assert_eq!(at.get("search"), "Suchen");
        let none = Overrides::new();
        assert_eq!(strings("sv", &none, &none).get("search"), "Search");
        let mut swedish = Overrides::new();
        swedish
            .entry("sv".into())
            .or_default()
            .insert("search".into(), "Sök".into());
        let sv = strings("sv", &none, &swedish);
        assert_eq!((sv.get("search"), sv.get("menu")), ("Sök", "Menu"));
    }

    #[test]
    fn dates_in_each_language() {
        let none = Overrides::new();
        let date = |lang| strings(lang, &none, &none).date(2026, 12, 4);
        assert_eq!(date("en"), "4 December 2026");
        assert_eq!(date("de"), "4. Dezember 2026");
        assert_eq!(date("fr"), "4 décembre 2026");
        assert_eq!(date("es"), "4 de diciembre de 2026");
        assert_eq!(date("it"), "4 dicembre 2026");
        assert_eq!(date("nl"), "4 december 2026");
        assert_eq!(date("pt-BR"), "4 de dezembro de 2026");
        assert_eq!(date("ja"), "2026年12月4日");
        assert_eq!(date("zh"), "2026年12月4日");
        assert_eq!(date("ar"), "4 ديسمبر 2026");
        let month = |lang| strings(lang, &none, &none).month(2026, 3);
        assert_eq!(month("en"), "March 2026");
        assert_eq!(month("fr"), "Mars 2026");
        assert_eq!(month("es"), "Marzo de 2026");
        assert_eq!(month("ja"), "2026年3月");
        assert_eq!(month("ar"), "مارس 2026");
    }

    #[test]
    fn unknown_keys_and_languages_are_errors_at_their_lines() {
        let text = "title: t\nlanguage: en\nstrings:\n  de:\n    mark_as_raed: x\n  en:\n    menu: Nav\n    zzz_qqq: y\n";
        let block = YamlBlock::new(text, "credo.yaml", 1);
        let mut overrides = Overrides::new();
        overrides
            .entry("de".into())
            .or_default()
            .insert("mark_as_raed".into(), "x".into());
        overrides
            .entry("en".into())
            .or_default()
            .insert("menu".into(), "Nav".into());
        overrides
            .entry("en".into())
            .or_default()
            .insert("zzz_qqq".into(), "y".into());
        let errors = check_overrides(&overrides, &block, Some(&["en", "fr"]));
        let found: Vec<(usize, usize, &str, Option<&str>)> = errors
            .iter()
            .map(|d| (d.line, d.column, d.message.as_str(), d.hint.as_deref()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    4,
                    3,
                    "`strings` names the language `de`, which the site does not have",
                    Some("the site's languages (`language:` and `languages:`): en, fr")
                ),
                (
                    8,
                    5,
                    "`strings: {en: {zzz_qqq}}`: `zzz_qqq` is not one of the theme's strings",
                    Some("docs/templates.md lists every key")
                ),
            ]
        );
        let errors = check_overrides(&overrides, &block, None);
        assert_eq!(errors[0].line, 5);
        assert_eq!(
            errors[0].hint.as_deref(),
            Some("did you mean `mark_as_read`? docs/templates.md lists every key")
        );
        assert!(
            crate::load::languages::is_language_code("pt-BR")
                && !crate::load::languages::is_language_code("Deutsch")
        );
    }
}
