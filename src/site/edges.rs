//! The cross-link graph both ways: every forward edge (links, `principles`,
//! `values`, `related`, track `steps`) pushed once onto the page it points
//! to, then the reverse lists put in the order readers scan them.

use super::{PageId, Site, Target, TrackPosition};
use crate::load::frontmatter::Kind;

/// Each forward edge pushed onto its target once: `linked_from`,
/// `applied_by` (scenarios linking a principle), `expressed_by` (principles
/// and scenarios naming a value) and `related_all` (`related` both ways).
pub(super) fn build_reverse_edges(site: &mut Site) {
    let mut linked_from: Vec<(Target, Target)> = Vec::new();
    for (id, p) in site.pages.iter().enumerate() {
        linked_from.extend(p.links_out.iter().map(|&t| (t, Target::Page(id))));
    }
    for (id, s) in site.sections.iter().enumerate() {
        linked_from.extend(s.links_out.iter().map(|&t| (t, Target::Section(id))));
    }
    linked_from.sort();
    linked_from.dedup();
    for (to, from) in linked_from {
        match to {
            Target::Page(p) => site.pages[p].linked_from.push(from),
            Target::Section(s) => site.sections[s].linked_from.push(from),
        }
    }
    let mut applied: Vec<(PageId, PageId)> = Vec::new();
    let mut expressed: Vec<(PageId, PageId)> = Vec::new();
    let mut related: Vec<(PageId, Target)> = Vec::new();
    for (id, p) in site.pages.iter().enumerate() {
        if p.kind == Kind::Scenario {
            for &t in &p.links_out {
                if let Target::Page(q) = t
                    && site.pages[q].kind == Kind::Principle
                {
                    applied.push((q, id));
                }
            }
        }
        if matches!(p.kind, Kind::Scenario | Kind::Principle) {
            expressed.extend(p.values.iter().map(|&v| (v, id)));
        }
        for &r in &p.related {
            if let Target::Page(q) = r {
                related.push((q, Target::Page(id)));
            }
            related.push((id, r));
        }
    }
    applied.sort();
    applied.dedup();
    expressed.sort();
    expressed.dedup();
    related.sort();
    related.dedup();
    for (principle, scenario) in applied {
        site.pages[principle].applied_by.push(scenario);
    }
    for (value, page) in expressed {
        site.pages[value].expressed_by.push(page);
    }
    for (page, other) in related {
        if other != Target::Page(page) {
            site.pages[page].related_all.push(other);
        }
    }
}

/// The reverse of a track's `steps`: each page or section a step names
/// learns the track, its index and its neighbours. Steps written on a page
/// of another kind (a `kind-key` warning) make no track: its page shows none.
pub(super) fn build_tracks(site: &mut Site) {
    let mut positions: Vec<(Target, TrackPosition)> = Vec::new();
    let tracks = (site.pages.iter().enumerate()).filter(|(_, p)| p.kind == Kind::Track);
    for (track, p) in tracks {
        for (index, step) in p.steps.iter().enumerate() {
            positions.push((
                step.target,
                TrackPosition {
                    track,
                    index,
                    prev: index.checked_sub(1).map(|i| p.steps[i].target),
                    next: p.steps.get(index + 1).map(|s| s.target),
                },
            ));
        }
    }
    for (target, position) in positions {
        match target {
            Target::Page(page) => site.pages[page].tracks.push(position),
            Target::Section(section) => site.sections[section].tracks.push(position),
        }
    }
}

/// Lists of other pages (who applies, expresses, links here) read best grouped
/// by kind (principles before scenarios), each group in reading order.
pub(super) fn sort_reverse_edges(site: &mut Site) {
    let mut position = vec![0; site.pages.len()];
    let mut section_position = vec![0; site.sections.len()];
    for (i, t) in site.reading_order.iter().enumerate() {
        match *t {
            Target::Page(p) => position[p] = i,
            Target::Section(s) => section_position[s] = i,
        }
    }
    let kinds: Vec<Kind> = site.pages.iter().map(|p| p.kind).collect();
    let page_key = |p: &PageId| (kinds[*p], position[*p]);
    let target_key = |t: &Target| match *t {
        Target::Page(p) => (0, kinds[p], position[p]),
        Target::Section(s) => (1, Kind::Page, section_position[s]),
    };
    for page in &mut site.pages {
        page.applied_by.sort_by_key(page_key);
        page.expressed_by.sort_by_key(page_key);
        page.related_all.sort_by_key(target_key);
    }
}

#[cfg(test)]
mod tests {
    use crate::site::Target;
    use crate::site::testing::{page, resolve};

    #[test]
    fn forward_edges_are_pushed_onto_their_targets() {
        let (site, _) = resolve(&[
            ("p/_index.md", "---\ntitle: P\npage_kind: principle\n---\n"),
            ("p/listen.md", "---\ntitle: Listen\nvalues: [care]\n---\n"),
            (
                "s/call.md",
                "---\ntitle: Call\nkind: scenario\n---\n\nAs [[listen]] says.\n",
            ),
            (
                "s/visit.md",
                "---\ntitle: Visit\nkind: scenario\nprinciples: [listen]\nrelated: [call]\n---\n",
            ),
            ("v/care.md", "---\ntitle: Care\nkind: value\n---\n"),
        ]);
        let [listen, call, visit, care] =
            ["p/listen", "s/call", "s/visit", "v/care"].map(|p| page(&site, p));
        assert_eq!(site.pages[listen].applied_by, [call, visit]);
        assert_eq!(
            site.pages[listen].linked_from,
            [Target::Page(call), Target::Page(visit)]
        );
        assert_eq!(site.pages[care].expressed_by, [listen]);
        assert_eq!(site.pages[call].related_all, [Target::Page(visit)]);
        assert_eq!(site.pages[visit].related_all, [Target::Page(call)]);
    }

    #[test]
    fn reverse_lists_are_grouped_by_kind_in_reading_order() {
        // By path, `a/x` comes before `a/y`, and the scenario in `a/` before
        // the principle in `b/`; by reading order and kind, the other way.
        let (site, _) = resolve(&[
            (
                "a/x.md",
                "---\ntitle: X\nkind: scenario\nweight: 2\nprinciples: [listen]\nvalues: [care]\n---\n",
            ),
            (
                "a/y.md",
                "---\ntitle: Y\nkind: scenario\nweight: 1\nprinciples: [listen]\n---\n",
            ),
            (
                "b/listen.md",
                "---\ntitle: Listen\nkind: principle\nvalues: [care]\n---\n",
            ),
            ("c/care.md", "---\ntitle: Care\nkind: value\n---\n"),
        ]);
        let [x, y, listen, care] = ["a/x", "a/y", "b/listen", "c/care"].map(|p| page(&site, p));
        assert_eq!(site.pages[listen].applied_by, [y, x]);
        assert_eq!(site.pages[care].expressed_by, [listen, x]);
    }

    #[test]
    fn a_tracks_steps_know_the_track_and_their_neighbours() {
        let (site, _) = resolve(&[
            ("a.md", "---\ntitle: A\n---\n"),
            ("b/_index.md", "---\ntitle: B\n---\n"),
            (
                "tour.md",
                "---\ntitle: Tour\nkind: track\nsteps:\n  - a\n  - ref: b\n    note: Then this\n---\n",
            ),
        ]);
        let (a, tour) = (page(&site, "a"), page(&site, "tour"));
        let b = crate::site::testing::section(&site, "b");
        let at = |t: &crate::site::TrackPosition| (t.track, t.index, t.prev, t.next);
        let a_tracks: Vec<_> = site.pages[a].tracks.iter().map(at).collect();
        assert_eq!(a_tracks, [(tour, 0, None, Some(Target::Section(b)))]);
        let b_tracks: Vec<_> = site.sections[b].tracks.iter().map(at).collect();
        assert_eq!(b_tracks, [(tour, 1, Some(Target::Page(a)), None)]);
    }
}
