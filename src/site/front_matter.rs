//! Refs in front matter: `principles`, `values`, `related` and a track's
//! `steps` resolved to pages, each one that names nothing, or a page of the
//! wrong kind, reported at its line and column.

use super::refs::RefError;
use super::{PageId, Site, Target, TrackStep};
use crate::diagnostic::{Code, Diagnostic, Diagnostics};
use crate::load::SourceFile;
use crate::load::frontmatter::Kind;

/// The error for a ref that does not resolve; none for one naming a file
/// that could not be read, whose own error is reported.
fn ref_error(src: &SourceFile, key: &str, name: &str, e: &RefError) -> Option<Diagnostic> {
    if matches!(e, RefError::Unreadable) {
        return None;
    }
    let (line, col) = src.yaml().locate(key, Some(name));
    let mut d = Diagnostic::error(&src.file, line, col, e.code(), e.message(name));
    if let Some(hint) = e.hint() {
        d = d.with_hint(hint);
    }
    Some(d.with_source(&src.text))
}

/// Each page's `principles`, `values`, `related` and track `steps`
/// resolved, each broken or misdirected ref reported at its line.
pub(super) fn resolve_front_matter(site: &mut Site, diagnostics: &mut Diagnostics) {
    let kinds: Vec<Kind> = site.pages.iter().map(|p| p.kind).collect();
    for page in &mut site.pages {
        let src = &page.source;
        // A key of another kind's pages: its page would not show it (and
        // steps there make no track: see `edges::build_tracks`). It stays
        // in handbook.json, which holds the front matter as written.
        let kind = page.kind;
        let mut read_on = |key: &str, set: bool, want: Kind| {
            if !set || kind == want {
                return;
            }
            let (line, col) = src.yaml().locate(key, None);
            diagnostics.push(
                Diagnostic::warning(
                    &src.file,
                    line,
                    col,
                    Code::KindKey,
                    format!(
                        "`{key}` is read on {} pages, and this page is a {}: it is not shown",
                        want.as_str(),
                        kind.as_str()
                    ),
                )
                .with_hint(format!(
                    "give the page `kind: {}` if it is one, or remove `{key}`",
                    want.as_str()
                ))
                .with_source(&src.text),
            );
        };
        read_on(
            "principles",
            !page.meta.principles.is_empty(),
            Kind::Scenario,
        );
        read_on("steps", !page.meta.steps.is_empty(), Kind::Track);
        read_on("contrast", page.meta.contrast.is_some(), Kind::Attitude);
        let mut typed = |key: &str, names: &[String], want: Kind, out: &mut Vec<PageId>| {
            for name in names {
                match site.refs.lookup(name) {
                    Ok(Target::Page(id)) if kinds[id] == want => out.push(id),
                    Ok(Target::Page(id)) if kinds[id] == Kind::Page => {
                        // A page of no particular kind is most likely one whose
                        // `kind:` (or its section's `page_kind`) was left out:
                        // link it as asked, and say how to make it right.
                        out.push(id);
                        let (line, col) = src.yaml().locate(key, Some(name));
                        diagnostics.push(
                            Diagnostic::warning(
                                &src.file,
                                line,
                                col,
                                Code::WrongKind,
                                format!(
                                    "`{key}` names `{name}`, which is a page of no kind, not a {}",
                                    want.as_str()
                                ),
                            )
                            .with_hint(format!(
                                "give it `kind: {}`, or set `page_kind: {}` in its section's _index.md",
                                want.as_str(),
                                want.as_str()
                            ))
                            .with_source(&src.text),
                        );
                    }
                    Ok(other) => {
                        let (line, col) = src.yaml().locate(key, Some(name));
                        let got = match other {
                            Target::Page(id) => format!("a {}", kinds[id].as_str()),
                            Target::Section(_) => "a section".to_string(),
                        };
                        diagnostics.push(
                            Diagnostic::error(
                                &src.file,
                                line,
                                col,
                                Code::WrongKind,
                                format!(
                                    "`{key}` must name {} pages, but `{name}` is {got}",
                                    want.as_str()
                                ),
                            )
                            .with_source(&src.text),
                        );
                    }
                    Err(e) => diagnostics.extend(ref_error(src, key, name, &e)),
                }
            }
        };
        let mut principles = Vec::new();
        let mut values = Vec::new();
        typed(
            "principles",
            &page.meta.principles,
            Kind::Principle,
            &mut principles,
        );
        typed("values", &page.meta.values, Kind::Value, &mut values);
        let mut related = Vec::new();
        for name in &page.meta.related {
            match site.refs.lookup(name) {
                Ok(t) => related.push(t),
                Err(e) => diagnostics.extend(ref_error(src, "related", name, &e)),
            }
        }
        let mut steps = Vec::new();
        for step in &page.meta.steps {
            match site.refs.lookup(&step.target) {
                Ok(target) => steps.push(TrackStep {
                    target,
                    note: step.note.clone(),
                }),
                Err(RefError::Draft) => {
                    let (line, col) = src.yaml().locate("steps", Some(&step.target));
                    diagnostics.push(
                        Diagnostic::warning(
                            &src.file,
                            line,
                            col,
                            Code::DraftStep,
                            format!(
                                "track step `{}` is a draft; readers will not see it",
                                step.target
                            ),
                        )
                        .with_source(&src.text),
                    );
                }
                Err(e) => diagnostics.extend(ref_error(src, "steps", &step.target, &e)),
            }
        }
        principles.dedup();
        values.dedup();
        page.principles = principles;
        page.values = values;
        page.related = related;
        page.steps = steps;
    }
}

#[cfg(test)]
mod tests {
    use crate::site::testing::{lines, page, resolve};

    #[test]
    fn refs_resolve_to_pages_of_the_kind_the_key_asks_for() {
        let (site, diagnostics) = resolve(&[
            ("care.md", "---\ntitle: Care\nkind: value\n---\n"),
            ("listen.md", "---\ntitle: Listen\nkind: principle\n---\n"),
            ("loose.md", "---\ntitle: Loose\n---\n"),
            (
                "visit.md",
                "---\ntitle: Visit\nkind: scenario\nprinciples:\n  - listen\n  - care\n  - loose\n  - gone\nvalues:\n  - care\n---\n",
            ),
        ]);
        let visit = &site.pages[page(&site, "visit")];
        assert_eq!(
            visit.principles,
            [page(&site, "listen"), page(&site, "loose")]
        );
        assert_eq!(visit.values, [page(&site, "care")]);
        assert_eq!(
            lines(&diagnostics),
            [
                "content/visit.md:6:5 wrong-kind: `principles` must name principle pages, but `care` is a value",
                "content/visit.md:7:5 wrong-kind: `principles` names `loose`, which is a page of no kind, not a principle",
                "content/visit.md:8:5 broken-ref: unresolved ref `gone`: no page has that path or name",
            ]
        );
    }

    #[test]
    fn a_track_step_on_a_draft_is_left_out_with_a_warning() {
        let (site, diagnostics) = resolve(&[
            ("a.md", "---\ntitle: A\n---\n"),
            (
                "tour.md",
                "---\ntitle: Tour\nkind: track\nsteps:\n  - a\n  - wip\n---\n",
            ),
            ("wip.md", "---\ntitle: WIP\ndraft: true\n---\n"),
        ]);
        let steps = &site.pages[page(&site, "tour")].steps;
        let targets: Vec<_> = steps.iter().map(|s| s.target).collect();
        assert_eq!(targets, [crate::site::Target::Page(page(&site, "a"))]);
        assert_eq!(
            lines(&diagnostics),
            [
                "content/tour.md:6:5 draft-step: track step `wip` is a draft; readers will not see it"
            ]
        );
    }
}
