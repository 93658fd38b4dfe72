//! Warnings about a resolved site: things that build but deserve the author's
//! attention (SPEC §3, `credo check`).
//!
//! Errors are found while resolving; these run over the finished model. The
//! review-date check needs today's date, which the caller passes in so that the
//! check stays a pure function.

use rayon::prelude::*;

use crate::diagnostic::Code;
use crate::diagnostic::Diagnostic;
use crate::load::frontmatter::{Date, Kind};

use super::{RespelledTag, Site, Target};

/// Every warning about `site`, as of `today`.
pub(crate) fn warnings(site: &Site, today: Date) -> Vec<Diagnostic> {
    let mut out = unhighlightable_code(site);
    out.extend(layout_ids_in_bodies(site));
    let home_lists = |t: Target| match t {
        Target::Page(p) => site.pages[p].section == 0,
        Target::Section(s) => site.sections[s].parent == Some(0),
    };
    for RespelledTag {
        page,
        spelling,
        name: shown,
    } in &site.respelled_tags
    {
        let src = &site.pages[*page].source;
        let url = site.tag_url(spelling);
        let (line, col) = src.yaml().locate("tags", Some(spelling));
        out.push(
            Diagnostic::warning(
                &src.file,
                line,
                col,
                Code::TagSpelling,
                format!("tag `{spelling}` shares the page /{url} with `{shown}`, and is listed as `{shown}`"),
            )
            .with_source(&src.text)
            .with_hint("write a tag the same way on every page"),
        );
    }
    // Every body is searched for a placeholder and template code: on
    // every core.
    let placeholders: Vec<Vec<Diagnostic>> = site.pages.par_iter().map(placeholders).collect();
    out.extend(placeholders.into_iter().flatten());
    let sources = (site.pages.iter().map(|p| &p.source))
        .chain(site.sections.iter().filter_map(|s| s.source.as_ref()));
    let sources: Vec<&crate::load::SourceFile> = sources.collect();
    out.extend(
        sources
            .par_iter()
            .filter_map(|src| template_code(src))
            .collect::<Vec<_>>(),
    );
    for (id, page) in site.pages.iter().enumerate() {
        let src = &page.source;
        // Every page warning points at a front-matter key's line, or at the
        // file's first line when the key is not written.
        let warn = |key: &str, code: Code, message: String| {
            let yaml = src.yaml();
            let (line, col) = if yaml.has_key(key) {
                yaml.locate(key, None)
            } else {
                (1, 1)
            };
            Diagnostic::warning(&src.file, line, col, code, message).with_source(&src.text)
        };
        if page.kind == Kind::Principle && page.applied_by.is_empty() {
            out.push(
                warn(
                    "title",
                    Code::UnappliedPrinciple,
                    format!("no scenario applies principle `{}`", page.meta.title),
                )
                .with_hint("name it in a scenario's `principles:`"),
            );
        }
        if page.linked_from.is_empty() && !home_lists(Target::Page(id)) && page.kind != Kind::Track
        {
            out.push(warn(
                "title",
                Code::OrphanPage,
                format!("nothing links to `{}`", page.meta.title),
            ));
        }
        if let (Some(days), Some(reviewed)) = (site.config.review_after_days, page.meta.reviewed) {
            let age = today.days_since_epoch() - reviewed.days_since_epoch();
            if age > i64::from(days) {
                let owner = page.meta.owner.as_deref().map_or_else(
                    || "no owner is named".to_string(),
                    |o| format!("owner: {o}"),
                );
                out.push(warn(
                    "reviewed",
                    Code::StaleReview,
                    format!("last reviewed {reviewed}, {age} days ago ({owner}); review_after_days is {days}"),
                ));
            }
        }
        if site.config.require_owner && page.meta.owner.is_none() {
            out.push(warn(
                "title",
                Code::MissingOwner,
                "page has no `owner`, and credo.yaml sets `require_owner: true`".to_string(),
            ));
        }
    }
    for section in site.sections.iter().skip(1) {
        if section.pages.is_empty() && section.subsections.is_empty() {
            let file = section.source.as_ref().map_or_else(
                || format!("{}{}", site.config.content_prefix, section.folder),
                |s| s.file.clone(),
            );
            out.push(Diagnostic::warning(
                file,
                0,
                0,
                Code::EmptySection,
                format!("section `{}` has no pages", section.title),
            ));
        }
    }
    out
}

/// The `placeholder` warnings of a language's site other than the
/// default's: its translations' own (a page standing in is the original,
/// already checked).
pub(crate) fn translation_placeholders(site: &Site) -> Vec<Diagnostic> {
    let found: Vec<Vec<Diagnostic>> = (site.pages.par_iter())
        .filter(|p| !p.source.untranslated)
        .map(placeholders)
        .collect();
    found.into_iter().flatten().collect()
}

/// Where `page` still holds the words `credo new` wrote for its author to
/// replace (a placeholder summary, body line or checklist item), or an
/// empty contrast point: each would be published as it stands.
fn placeholders(page: &super::Page) -> Vec<Diagnostic> {
    use crate::scaffold::placeholder;
    let src = &page.source;
    // Most pages hold none: the front matter is read again only for one.
    let yaml = || src.yaml();
    let mut found = Vec::new();
    let mut push = |(line, col): (usize, usize), message: String| {
        found.push(
            Diagnostic::warning(&src.file, line, col, Code::Placeholder, message)
                .with_source(&src.text)
                .with_hint("write what readers should read here, or delete it"),
        );
    };
    let left_as_written = |what: &str| format!("{what} is still the placeholder `credo new` wrote");
    let summary = placeholder::summary(page.kind);
    if !summary.is_empty() && page.meta.summary.as_deref() == Some(summary) {
        push(
            yaml().locate("summary", Some(summary)),
            left_as_written("the summary"),
        );
    }
    let mut items = page.meta.checklist.iter().flat_map(|g| &g.items);
    if items.any(|i| i.text == placeholder::CHECKLIST_ITEM) {
        push(
            yaml().locate("checklist", Some(placeholder::CHECKLIST_ITEM)),
            left_as_written("a checklist item"),
        );
    }
    if let Some(contrast) = &page.meta.contrast {
        for (side, column) in [("left", &contrast.left), ("right", &contrast.right)] {
            if column.points.iter().any(|p| p.trim().is_empty()) {
                push(
                    yaml().locate_path("contrast", &[side, "points"]),
                    format!(
                        "an empty point in the contrast's {side} column, `{}`",
                        column.title
                    ),
                );
            }
        }
    }
    let body = src.body();
    if memchr::memmem::find(body.as_bytes(), placeholder::BODY.as_bytes()).is_some() {
        let body_line = src.text[..src.body_start].lines().count() + 1;
        for (i, line) in body.lines().enumerate() {
            if line.trim() == placeholder::BODY {
                push((body_line + i, 1), left_as_written("the text"));
            }
        }
    }
    found
}

/// The first template code in a page's body, which readers would see as
/// written: most often an imported page's shortcode or Liquid tag.
fn template_code(src: &crate::load::SourceFile) -> Option<Diagnostic> {
    let (offset, code) = crate::markdown::template_code(src.body())?;
    let (line, col) = src.body_position(offset);
    Some(
        Diagnostic::warning(
            &src.file,
            line,
            col,
            Code::TemplateCode,
            format!("`{code}` is template code, which credo shows as written"),
        )
        .with_source(&src.text)
        .with_hint("write it as Markdown (a link, an image, a callout), or in backticks if readers should see it"),
    )
}

/// Today's date from the system clock (UTC).
pub fn today() -> Date {
    let days = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    date_from_days(i64::try_from(days).unwrap_or(0))
}

/// The civil date of a day count since 1970-01-01.
pub(crate) fn date_from_days(days: i64) -> Date {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date {
        year: i32::try_from(year).unwrap_or(1970),
        month: u32::try_from(month).unwrap_or(1),
        day: u32::try_from(day).unwrap_or(1),
    }
}

/// Code blocks whose grammar could not highlight them in time (they were
/// shown as plain text). Only looked for when the render met one.
fn unhighlightable_code(site: &Site) -> Vec<Diagnostic> {
    use crate::markdown::highlight;
    if !highlight::any_hung() {
        return Vec::new();
    }
    let sources = (site.pages.iter().map(|p| &p.source))
        .chain(site.sections.iter().filter_map(|s| s.source.as_ref()));
    let mut out = Vec::new();
    for src in sources {
        for block in crate::markdown::code_blocks(src.body()) {
            if highlight::hung_block(&block.lang, &block.code) {
                let (line, col) = src.body_position(block.offset);
                out.push(
                    Diagnostic::warning(
                        &src.file,
                        line,
                        col,
                        Code::UnhighlightableCode,
                        format!(
                            "this `{}` code block could not be highlighted in time; it is shown as plain text",
                            block.lang
                        ),
                    )
                    .with_source(&src.text)
                    .with_hint("the language's grammar loops on this text; another fence language, or none, avoids it"),
                );
            }
        }
    }
    out
}

/// Ids a page would hold twice but for a rename, or holds twice: a
/// heading's `{#id}` taken already, which the heading cannot keep; an id
/// that raw HTML in a body gives an element, which the layout gives one of
/// its own (a heading never takes them, [`RESERVED_IDS`], but an author's
/// `<a id="main">` is kept as written).
///
/// [`RESERVED_IDS`]: crate::markdown::RESERVED_IDS
fn layout_ids_in_bodies(site: &Site) -> Vec<Diagnostic> {
    let sources = (site.pages.iter().map(|p| (&p.source, &p.scan))).chain(
        site.sections
            .iter()
            .filter_map(|s| Some((s.source.as_ref()?, &s.scan))),
    );
    let mut out = Vec::new();
    for (src, scan) in sources {
        for renamed in &scan.renamed_ids {
            let (line, col) = src.body_position(renamed.offset);
            let (asked, given) = (&renamed.asked, &renamed.given);
            out.push(
                Diagnostic::warning(
                    &src.file,
                    line,
                    col,
                    Code::DuplicateId,
                    format!("this heading's id `{asked}` is taken on the page already: it is `{given}`"),
                )
                .with_source(&src.text)
                .with_hint(format!("give the heading an id of its own; a link to `#{asked}` leads to the element that has it")),
            );
        }
        let reserved = |a: &&String| crate::markdown::RESERVED_IDS.contains(&a.as_str());
        for id in scan.anchors.iter().filter(reserved) {
            // Where it is written as an `id` (an `<a name="main">` is none).
            let body = src.body().to_ascii_lowercase();
            let written = ["\"", "'", ""].iter().find_map(|q| {
                let attribute = format!("id={q}{id}{q}");
                (body.match_indices(&attribute))
                    .map(|(at, _)| at)
                    .find(|&at| at > 0 && body.as_bytes()[at - 1].is_ascii_whitespace())
            });
            let Some(written) = written else {
                continue;
            };
            let (line, col) = src.body_position(written);
            out.push(
                Diagnostic::warning(
                    &src.file,
                    line,
                    col,
                    Code::ReservedId,
                    format!("the id `{id}` is one the theme's layout uses: the page would have two elements with it"),
                )
                .with_source(&src.text)
                .with_hint("rename the id; a link to it then names the new one"),
            );
        }
    }
    out
}

/// `sections:` entries in credo.yaml (at `root`) that name no section folder.
pub(crate) fn unknown_sections(site: &Site, root: &std::path::Path) -> Vec<Diagnostic> {
    let folders: Vec<&str> = site.sections.iter().map(|s| s.folder.as_str()).collect();
    site.config
        .sections
        .iter()
        .enumerate()
        .filter(|(_, name)| !folders.contains(&name.trim_matches('/')))
        // A folder of drafts alone is there, left out of this build.
        .filter(|(_, name)| !site.refs.is_draft_folder(name.trim_matches('/')))
        .map(|(at, name)| {
            let mut d = crate::config::Config::entry_error(
                root,
                ("sections", at, name),
                Code::UnknownSection,
                format!(
                    "`sections` names `{name}`, but content/ has no section folder of that name"
                ),
            );
            d.severity = crate::diagnostic::Severity::Warning;
            if let Some(best) = crate::diagnostic::did_you_mean(name, &folders) {
                d = d.with_hint(format!("did you mean `{best}`?"));
            }
            d
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_through_day_counts() {
        for s in ["1970-01-01", "2000-02-29", "2026-11-22", "2100-03-01"] {
            let d = Date::parse(s).unwrap();
            assert_eq!(date_from_days(d.days_since_epoch()), d, "{s}");
        }
    }
}
