//! The theme's own words that depend on the page's language: the names of
//! languages in the switcher and the "not translated yet" note, shipped for
//! en, de, fr, es, it, nl, pt, ja and zh (English for any other).

use serde::Serialize;

/// The strings of one language, available to templates as `site.strings`.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Strings {
    /// The note on a page shown in the default language because it has no
    /// translation yet.
    pub not_translated: &'static str,
    /// The label of the language switcher.
    pub languages: &'static str,
}

const TABLE: &[(&str, &str, Strings)] = &[
    (
        "en",
        "English",
        Strings {
            not_translated: "This page is not translated yet; it is shown in the original language.",
            languages: "Languages",
        },
    ),
    (
        "de",
        "Deutsch",
        Strings {
            not_translated: "Diese Seite ist noch nicht übersetzt; sie erscheint in der Originalsprache.",
            languages: "Sprachen",
        },
    ),
    (
        "fr",
        "Français",
        Strings {
            not_translated: "Cette page n’est pas encore traduite ; elle est affichée dans la langue d’origine.",
            languages: "Langues",
        },
    ),
    (
        "es",
        "Español",
        Strings {
            not_translated: "Esta página aún no está traducida; se muestra en el idioma original.",
            languages: "Idiomas",
        },
    ),
    (
        "it",
        "Italiano",
        Strings {
            not_translated: "Questa pagina non è ancora tradotta; è mostrata nella lingua originale.",
            languages: "Lingue",
        },
    ),
    (
        "nl",
        "Nederlands",
        Strings {
            not_translated: "Deze pagina is nog niet vertaald; ze staat hier in de oorspronkelijke taal.",
            languages: "Talen",
        },
    ),
    (
        "pt",
        "Português",
        Strings {
            not_translated: "Esta página ainda não foi traduzida; aparece no idioma original.",
            languages: "Idiomas",
        },
    ),
    (
        "ja",
        "日本語",
        Strings {
            not_translated: "このページはまだ翻訳されていません。原文のまま表示しています。",
            languages: "言語",
        },
    ),
    (
        "zh",
        "中文",
        Strings {
            not_translated: "本页尚未翻译，以原文显示。",
            languages: "语言",
        },
    ),
];

/// The strings for `lang` (`pt-BR` uses `pt`), English when none are shipped.
pub fn strings(lang: &str) -> Strings {
    let primary = lang.split('-').next().unwrap_or(lang);
    TABLE
        .iter()
        .find(|(code, ..)| *code == primary)
        .map_or(TABLE[0].2, |(_, _, s)| *s)
}

/// A language's name in itself, for the default language (other languages
/// name themselves in credo.yaml); the code when unknown.
pub fn native_name(lang: &str) -> String {
    let primary = lang.split('-').next().unwrap_or(lang);
    TABLE
        .iter()
        .find(|(code, ..)| *code == primary)
        .map_or_else(|| lang.to_string(), |(_, name, _)| (*name).to_string())
}
