//! One handbook, several languages (SPEC §9): a translation sits beside its
//! original as `name.LANG.md` (`_index.LANG.md`), LANG being a language of
//! credo.yaml's `languages:`. [`split`] turns the loaded files into the
//! default language's sources and one set per other language, in which each
//! translated file takes its original's place and every other file stands
//! in for itself, marked `untranslated` (its page shows a "not translated
//! yet" note). Each set is resolved and rendered as a site of its own, under
//! `/LANG/`.

use std::collections::{BTreeMap, HashMap};

use super::{Loaded, Meta, Sources, make_section_page};
use crate::config::Config;
use crate::diagnostic::{Code, Diagnostic, Diagnostics};

/// ISO 639-1 codes: a file suffix that is one of these, but not a language
/// of credo.yaml, is a translation for a language the site does not have.
const ISO_639_1: &str = "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu";

/// Languages written right to left.
const RIGHT_TO_LEFT: [&str; 8] = ["ar", "he", "fa", "ur", "yi", "ps", "dv", "ug"];

/// `dir` of a language: `rtl` or `ltr`.
pub(crate) fn direction(lang: &str) -> &'static str {
    let primary = lang.split('-').next().unwrap_or(lang);
    if RIGHT_TO_LEFT.contains(&primary) {
        "rtl"
    } else {
        "ltr"
    }
}

/// `de`, `pt-BR`, `zh-Hant`: two or three letters, then parts of letters
/// and digits (a BCP 47 tag, in whatever case it is written).
pub(crate) fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()))
        && parts.all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Why `code`, a key of credo.yaml's `languages:`, cannot name one of the
/// site's other languages, whose site is written to the folder `code/`:
/// a message and a hint. It must be a language tag (a `../` or a `/` would
/// write the site elsewhere), not the default language (served at the
/// root already), and not a folder where credo writes a page of its own
/// (read from the table of outputs).
pub(crate) fn code_problem(code: &str, default: &str) -> Option<(String, String)> {
    const TAG: &str = "a language code is a BCP 47 tag such as `de`, `pt-BR` or `zh-Hant`; the language's name goes in `name:` (`de: {name: Deutsch}`)";
    if let Some(output) = crate::outputs::taken_by(&format!("{code}/"), true) {
        return Some((
            format!(
                "`{code}` cannot be a language: /{code}/ is where credo writes {}",
                output.what
            ),
            TAG.to_string(),
        ));
    }
    if code.eq_ignore_ascii_case(default) {
        return Some((
            format!("`{code}` is the default language (`language: {default}`), whose site is the root"),
            "`languages:` lists only the other languages: remove this entry (the default language's title and description are credo.yaml's own)".to_string(),
        ));
    }
    (!is_language_code(code)).then(|| (format!("`{code}` is not a language code"), TAG.to_string()))
}

/// `gifts.de` → (`gifts`, `de`); `gifts.pt-BR` → (`gifts`, `pt-BR`); a stem
/// whose last dot-part does not look like a language code stays as it is.
pub(crate) fn strip_suffix(ref_path: &str) -> (String, Option<String>) {
    let (dir, stem) = match ref_path.rsplit_once('/') {
        Some((dir, stem)) => (Some(dir), stem),
        None => (None, ref_path),
    };
    let Some((name, suffix)) = stem.rsplit_once('.') else {
        return (ref_path.to_string(), None);
    };
    let (primary, region) = match suffix.split_once('-') {
        Some((p, r)) => (p, Some(r)),
        None => (suffix, None),
    };
    let looks_like = (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && region.is_none_or(|r| {
            (2..=8).contains(&r.len()) && r.bytes().all(|b| b.is_ascii_alphanumeric())
        });
    if name.is_empty() || !looks_like {
        return (ref_path.to_string(), None);
    }
    let stripped = match dir {
        Some(dir) => format!("{dir}/{name}"),
        None => name.to_string(),
    };
    (stripped, Some(suffix.to_string()))
}

/// The sources of one other language.
pub(crate) struct Language {
    /// Its code (`de`).
    pub code: String,
    /// Its sources: every default file, translated where a translation is.
    pub sources: Sources,
    /// Default pages without a translation, by display path (for the
    /// `missing-translation` lint).
    pub missing: Vec<String>,
}

/// The default language's sources, and those of every other language of
/// `config`; translations for languages the site does not have, or without
/// an original, are reported.
pub(crate) fn split(
    sources: Sources,
    config: &Config,
    drafts: bool,
) -> (Sources, Vec<Language>, Diagnostics) {
    let mut diagnostics = Diagnostics::new();
    let mut default = Vec::with_capacity(sources.files.len());
    let mut translations: HashMap<String, Vec<Loaded>> = HashMap::new();
    let mut renamed = false;
    let mut took_default_suffix = false;
    let mut unreadable = sources.unreadable;
    for mut file in sources.files {
        if take_default_language_suffix(&mut file, config) {
            default.push(file);
            renamed = true;
            took_default_suffix = true;
            continue;
        }
        let Some(lang) = file.source.lang.clone() else {
            let suffix = file.source.ref_path.rsplit_once('.').map(|(_, s)| s);
            if let Some(d) = suffix.and_then(|s| language_in_another_case(&file, s, config)) {
                diagnostics.push(d);
            }
            default.push(file);
            continue;
        };
        let a_language = is_iso_639_1(&lang) || lang == config.language;
        let other_case = language_in_another_case(&file, &lang, config);
        if config.languages.contains_key(&lang) {
            translations.entry(lang).or_default().push(file);
        } else if let Some(d) = other_case {
            // `a.pt-br.md` on a site with `pt-BR`: a page, as `a.DE.md` is.
            diagnostics.push(d);
            file.source.ref_path = format!("{}.{lang}", file.source.ref_path);
            file.source.lang = None;
            default.push(file);
            renamed = true;
        } else if a_language && !config.languages.is_empty() {
            diagnostics.push(unknown_language(&file, &lang, config));
            // Links to it are not reported a second time.
            unreadable.push(super::content_path(&file.source.file).to_string());
        } else {
            // `README.es.md` in a repository of one language: a page, as
            // GitHub shows it; `notes.old.md`: a dot in a name.
            if a_language {
                diagnostics.push(language_suffix(&file, &lang));
            }
            file.source.ref_path = format!("{}.{lang}", file.source.ref_path);
            file.source.lang = None;
            default.push(file);
            renamed = true;
        }
    }
    let mut folders = sources.folders;
    if renamed {
        // Folders' pages were placed without the files taken for
        // translations: a page alone in `guide/` (`guide/README.es.md`)
        // makes it a section. Placing again finds what placing found (its
        // findings were reported), with these pages; except what a page
        // named in the default language finds, now a folder's page
        // (`guide/README.en.md` beside `guide/_index.md`): exact repeats of
        // the first findings are dropped where diagnostics are sorted.
        let mut again = Diagnostics::new();
        folders = super::place_folder_pages(&mut default, &mut again);
        if took_default_suffix {
            diagnostics.extend(again.into_vec());
        }
        default.sort_by(|a, b| a.source.ref_path.cmp(&b.source.ref_path));
    }
    // A link to a translation leads to its language's site, from any
    // language (from its own, the translation is the page itself).
    let draft_originals: std::collections::HashSet<std::borrow::Cow<'_, str>> = (default.iter())
        .filter(|f| is_draft(f))
        .map(|f| as_original(&f.source.file, &config.language))
        .collect();
    let translation_files: BTreeMap<String, super::Translation> = (translations.iter())
        .flat_map(|(code, files)| {
            let draft_originals = &draft_originals;
            files.iter().map(move |t| {
                let original = original_file(&t.source.file, code);
                let stood_in =
                    !drafts && is_draft(t) && !draft_originals.contains(original.as_str());
                let translation = super::Translation {
                    code: code.clone(),
                    original: super::content_path(&original).to_string(),
                    anchors: (!stood_in).then(|| t.scan.anchor_ids().map(str::to_string).collect()),
                };
                (super::content_path(&t.source.file).to_string(), translation)
            })
        })
        .collect();
    let mut languages = Vec::new();
    for code in config.languages.keys() {
        let mut by_original: HashMap<String, Loaded> = translations
            .remove(code)
            .unwrap_or_default()
            .into_iter()
            .map(|t| (original_file(&t.source.file, code), t))
            .collect();
        let mut missing = Vec::new();
        let mut files: Vec<Loaded> = default
            .iter()
            .map(|original| {
                match by_original.remove(&*as_original(&original.source.file, &config.language)) {
                    // A translation still in draft: the original stands in.
                    Some(translation)
                        if drafts || !is_draft(&translation) || is_draft(original) =>
                    {
                        take_place(translation, original)
                    }
                    _ => {
                        missing.push(original.source.file.clone());
                        let mut stand_in = original.clone();
                        stand_in.source.untranslated = true;
                        stand_in
                    }
                }
            })
            .collect();
        for (_, mut orphan) in by_original {
            // `_index.de.md` of a section without an `_index.md` (the home
            // page, a folder of pages): the section is there all the same,
            // titled by its folder, and this is its page in German, as Hugo
            // reads it.
            let folder = super::nfc(orphan.source.folder());
            let stem = orphan.source.file.rsplit('/').next().unwrap_or_default();
            if stem == format!("_index.{code}.md") && folders.contains(&folder) {
                make_section_page(&mut orphan, &folder);
                files.push(orphan);
                continue;
            }
            diagnostics.push(
                Diagnostic::error(
                    &orphan.source.file,
                    0,
                    0,
                    Code::UnknownLanguage,
                    format!(
                        "translation without an original: there is no {}",
                        original_file(&orphan.source.file, code)
                    ),
                )
                .with_hint("a translation sits beside its original, named `name.LANG.md`"),
            );
        }
        files.sort_by(|a, b| a.source.ref_path.cmp(&b.source.ref_path));
        languages.push(Language {
            code: code.clone(),
            sources: Sources {
                files,
                folders: folders.clone(),
                statics: sources.statics.clone(),
                unreadable: unreadable.clone(),
                translations: translation_files.clone(),
            },
            missing,
        });
    }
    let default = Sources {
        files: default,
        folders,
        statics: sources.statics,
        unreadable,
        translations: translation_files,
    };
    (default, languages, diagnostics)
}

/// Whether a file name's suffix (`gifts.fr.md`) is an ISO 639-1 code.
pub(crate) fn is_iso_639_1(suffix: &str) -> bool {
    ISO_639_1.split(' ').any(|c| c == suffix)
}

/// Whether `file` is a page marked `draft: true`.
fn is_draft(file: &Loaded) -> bool {
    matches!(&file.meta, Meta::Page(meta) if meta.draft)
}

/// The stem of a file named in the default language (`b` of `b.en.md`,
/// or `b.EN.md`, on a site in `en`); `None` for any other name. The
/// default language's pages need no suffix, but may have one.
fn default_language_stem<'a>(name: &'a str, default: &str) -> Option<&'a str> {
    let (stem, suffix) = name.strip_suffix(".md")?.rsplit_once('.')?;
    (!stem.is_empty() && !stem.ends_with('/') && suffix.eq_ignore_ascii_case(default))
        .then_some(stem)
}

/// Whether `file` is named in the default language `default` (`b.en.md`).
pub(crate) fn names_default_language(file: &str, default: &str) -> bool {
    let name = file.rsplit('/').next().unwrap_or(file);
    default_language_stem(name, default).is_some()
}

/// A default page's file as its translations name their original:
/// `content/a/gifts.en.md` (on a site in `en`, in any case) is
/// `content/a/gifts.md`, as [`take_default_language_suffix`] reads it.
pub(crate) fn as_original<'a>(file: &'a str, default: &str) -> std::borrow::Cow<'a, str> {
    match default_language_stem(file, default) {
        Some(stem) if names_default_language(file, default) => format!("{stem}.md").into(),
        _ => file.into(),
    }
}

/// `content/a/gifts.de.md` → `content/a/gifts.md`.
fn original_file(file: &str, code: &str) -> String {
    let suffix = format!(".{code}.md");
    match file.strip_suffix(&suffix) {
        Some(stem) => format!("{stem}.md"),
        None => file.to_string(),
    }
}

/// A translation in its original's place: the same ref (so links and refs
/// resolve within the language), read as a section's page where the
/// original is one, and in the same place in the handbook.
fn take_place(mut translation: Loaded, original: &Loaded) -> Loaded {
    translation
        .source
        .ref_path
        .clone_from(&original.source.ref_path);
    if let (Meta::Section(_), Meta::Page(_)) = (&original.meta, &translation.meta) {
        let folder = super::nfc(original.source.folder());
        make_section_page(&mut translation, &folder);
    }
    keep_structure(&mut translation.meta, &original.meta);
    translation
}

/// What places a page in the handbook (its kind, number and weight; a
/// section's page kind, order and weight) is the original's where the
/// translation leaves it out: a translator translates words, and a German
/// principle that forgot `kind:` would otherwise be a plain page on /de/.
/// A draft's translation is a draft too.
fn keep_structure(translation: &mut Meta, original: &Meta) {
    match (translation, original) {
        (Meta::Page(t), Meta::Page(o)) => {
            t.kind = t.kind.or(o.kind);
            t.number = t.number.or(o.number);
            t.weight = t.weight.or(o.weight);
            // Published without its original, it would link a missing page
            // in the switcher, hreflang and sitemap.
            t.draft |= o.draft;
        }
        (Meta::Section(t), Meta::Section(o)) => {
            t.page_kind = t.page_kind.or(o.page_kind);
            t.sort_by = t.sort_by.or(o.sort_by);
            t.weight = t.weight.or(o.weight);
        }
        _ => {}
    }
}

fn language_suffix(file: &Loaded, lang: &str) -> Diagnostic {
    Diagnostic::warning(
        &file.source.file,
        0,
        0,
        Code::LanguageSuffix,
        format!("`{lang}` is a language code, but this site has one language: this file is published as a page of its own, not as a translation"),
    )
    .with_hint(format!(
        "to make it a translation, add `languages: {{{lang}: {{name: ...}}}}` to credo.yaml; to keep it a page, rename it or set `lints: {{language-suffix: allow}}`"
    ))
}

/// Makes `b.en.md` (or `b.EN.md`) on a site whose default language is
/// `en` the page `b` in that language, as Hugo and Zola read it (the
/// default language's pages need no suffix, but may have one); `false`,
/// and `file` untouched, for any other file. Beside a `b.md` it is the
/// same page twice, which placing the pages reports.
fn take_default_language_suffix(file: &mut Loaded, config: &Config) -> bool {
    if !names_default_language(&file.source.file, &config.language) {
        return false;
    }
    // A suffix read as a language is not part of the ref path; one in
    // another case (`EN`) is, and goes.
    if file.source.lang.take().is_none()
        && let Some((path, _)) = file.source.ref_path.rsplit_once('.')
    {
        file.source.ref_path = path.to_string();
    }
    true
}

/// `a.DE.md` on a site with `de`, `a.pt-br.md` on one with `pt-BR`: a
/// page of its own (suffixes are matched as written), which its author
/// meant as the translation.
fn language_in_another_case(file: &Loaded, suffix: &str, config: &Config) -> Option<Diagnostic> {
    let code = (config.languages.keys())
        .find(|code| *code != suffix && code.eq_ignore_ascii_case(suffix))?;
    let name = file.source.file.rsplit('/').next()?;
    let stem = name
        .strip_suffix(".md")?
        .strip_suffix(suffix)?
        .strip_suffix('.')?;
    Some(
        Diagnostic::warning(
            &file.source.file,
            0,
            0,
            Code::LanguageSuffix,
            format!("`{suffix}` is language `{code}` in another case: this file is published as a page of its own, not as a translation"),
        )
        .with_hint(format!("rename it `{stem}.{code}.md` to make it the `{code}` translation")),
    )
}

fn unknown_language(file: &Loaded, lang: &str, config: &Config) -> Diagnostic {
    let known: Vec<&str> = config.languages.keys().map(String::as_str).collect();
    let hint = if known.is_empty() {
        format!("add `languages: {{{lang}: {{name: ...}}}}` to credo.yaml, or rename the file")
    } else {
        format!(
            "credo.yaml's `languages:` has {}; add `{lang}` there, or rename the file",
            known.join(", ")
        )
    };
    Diagnostic::error(
        &file.source.file,
        0,
        0,
        Code::UnknownLanguage,
        format!("`{lang}` is not a language of this site (credo.yaml `languages:`), so this translation has no place"),
    )
    .with_hint(hint)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_suffixes_are_recognised() {
        assert_eq!(
            strip_suffix("a/gifts.de"),
            ("a/gifts".into(), Some("de".into()))
        );
        assert_eq!(
            strip_suffix("_index.pt-BR"),
            ("_index".into(), Some("pt-BR".into()))
        );
        assert_eq!(strip_suffix("a/v1.2"), ("a/v1.2".into(), None));
        assert_eq!(
            strip_suffix("a/notes.draft"),
            ("a/notes.draft".into(), None)
        );
        assert_eq!(strip_suffix("a/.de"), ("a/.de".into(), None));
        assert_eq!(direction("ar"), "rtl");
        assert_eq!(direction("de"), "ltr");
    }

    #[test]
    fn a_language_code_is_a_tag_and_no_folder_credo_writes() {
        for code in ["de", "pt-BR", "zh-Hant", "DE", "es-419"] {
            assert_eq!(code_problem(code, "en"), None, "{code}");
        }
        let message = |code| code_problem(code, "en").map(|(m, _)| m);
        assert_eq!(
            message("tags").as_deref(),
            Some("`tags` cannot be a language: /tags/ is where credo writes the tag index")
        );
        assert_eq!(
            message("search").as_deref(),
            Some(
                "`search` cannot be a language: /search/ is where credo writes the search page and index"
            )
        );
        assert_eq!(
            message("en").as_deref(),
            Some("`en` is the default language (`language: en`), whose site is the root")
        );
        for code in ["../../escape", "de/x", "Deutsch", "", "d", "de-", "de_AT"] {
            assert_eq!(
                message(code),
                Some(format!("`{code}` is not a language code")),
                "{code}"
            );
        }
    }
}
