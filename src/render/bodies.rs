//! Markdown bodies, rendered once per page and section: their links
//! resolved (through [`PageLinks`]), with a memo of unchanged bodies for serve.

use super::*;

/// Resolves body links of one page at render time.
pub(super) struct PageLinks<'a> {
    pub(super) site: &'a Site,
    pub(super) from: Target,
}

impl LinkResolver for PageLinks<'_> {
    fn resolve(&self, link: &LinkRef) -> Option<Resolved> {
        let (mut href, title, anchor) = match self.site.destination(self.from, link)? {
            Destination::Page { target, anchor } => {
                let href = if target == self.from && anchor.is_some() {
                    String::new()
                } else {
                    self.site.href(self.site.url(target))
                };
                (href, self.site.title(target).to_string(), anchor)
            }
            Destination::Asset(path) | Destination::Folder(path) => {
                let name = path.rsplit('/').next().unwrap_or(&path).to_string();
                (self.site.asset_href(&path), name, link.anchor.clone())
            }
        };
        if let Some(query) = &link.query {
            href.push('?');
            href.push_str(query);
        }
        if let Some(anchor) = anchor {
            // Written encoded (`#caf%C3%A9`) or not (`#café`), it is encoded
            // once: as written it would be twice (`%25C3`), and lead nowhere.
            let decoded = percent_encoding::percent_decode_str(&anchor).decode_utf8_lossy();
            href.push('#');
            href.push_str(&crate::site::encode_path(&decoded));
        }
        Some(Resolved { href, title })
    }
}

/// A body's links, already resolved: a body rendered late reads them here
/// instead of resolving each again.
struct Listed<'a> {
    links: &'a [LinkRef],
    resolved: &'a [Option<Resolved>],
}

impl LinkResolver for Listed<'_> {
    fn resolve(&self, link: &LinkRef) -> Option<Resolved> {
        // Mostly in body order, so by offset; but a reference-style link is
        // placed at its definition, which may come anywhere.
        let i = match self.links.binary_search_by_key(&link.offset, |l| l.offset) {
            Ok(i) if self.links[i] == *link => i,
            _ => self.links.iter().position(|l| l == link)?,
        };
        self.resolved.get(i).cloned().flatten()
    }
}

/// The Markdown bodies of every page and section, rendered.
pub(crate) struct Bodies {
    /// Per page, in [`Site::pages`] order.
    pub pages: Vec<markdown::Rendered>,
    /// Per section, in [`Site::sections`] order.
    pub sections: Vec<markdown::Rendered>,
}

/// The bodies the load stage rendered with their links left open (see
/// [`markdown::scan_unlinked`]), taken out of the site so that each is freed
/// as soon as its links are filled in.
#[derive(Default)]
pub struct UnlinkedBodies {
    pages: Vec<Option<markdown::Unlinked>>,
    sections: Vec<Option<markdown::Unlinked>>,
}

impl UnlinkedBodies {
    /// Takes every unlinked body out of `site`.
    pub(crate) fn take(site: &mut Site) -> UnlinkedBodies {
        UnlinkedBodies {
            pages: site
                .pages
                .iter_mut()
                .map(|p| p.scan.unlinked.take())
                .collect(),
            sections: site
                .sections
                .iter_mut()
                .map(|s| s.scan.unlinked.take())
                .collect(),
        }
    }

    /// How many bodies it holds.
    pub fn count(&self) -> usize {
        let held = |all: &[Option<markdown::Unlinked>]| all.iter().flatten().count();
        held(&self.pages) + held(&self.sections)
    }
}

/// The HTML of every body, taken out of [`Bodies`] once only `/print/` still
/// needs it.
pub(crate) struct BodyHtml {
    pub pages: Vec<String>,
    pub sections: Vec<String>,
}

impl Bodies {
    pub(super) fn take_html(&mut self) -> BodyHtml {
        let take = |all: &mut Vec<markdown::Rendered>| {
            all.iter_mut()
                .map(|r| std::mem::take(&mut r.html))
                .collect()
        };
        BodyHtml {
            pages: take(&mut self.pages),
            sections: take(&mut self.sections),
        }
    }
}

/// Renders every body in parallel; with a memo, only bodies whose text or
/// link targets changed, and returns what the next pass needs.
pub(super) fn render_bodies_with(
    site: &Site,
    mut unlinked: UnlinkedBodies,
    memo: Option<&Memo>,
    stopped: &(dyn Fn() -> bool + Sync),
) -> (Bodies, HashMap<String, (u64, markdown::Rendered)>) {
    let body = |key: &str,
                target: Target,
                src: &SourceFile,
                scan: &markdown::Scan,
                unlinked: Option<markdown::Unlinked>| {
        if stopped() {
            return (0, markdown::Rendered::default());
        }
        // Each link's href and title, made once for the memo's fingerprint
        // and the body alike.
        let links = PageLinks { site, from: target };
        let resolved: Vec<Option<Resolved>> = scan.links.iter().map(|l| links.resolve(l)).collect();
        let render = || match unlinked {
            Some(unlinked) => unlinked.fill(&resolved),
            None => markdown::render(
                src.body(),
                src.drops_title(),
                &Listed {
                    links: &scan.links,
                    resolved: &resolved,
                },
            ),
        };
        let Some(memo) = memo else {
            return (0, render());
        };
        let fingerprint = memo::body_fingerprint(src.body(), src.drops_title(), &resolved);
        match memo.bodies.get(key) {
            Some((fp, rendered)) if *fp == fingerprint => (fingerprint, rendered.clone()),
            _ => (fingerprint, render()),
        }
    };
    unlinked.pages.resize_with(site.pages.len(), || None);
    unlinked.sections.resize_with(site.sections.len(), || None);
    let pages: Vec<(u64, markdown::Rendered)> = site
        .pages
        .par_iter()
        .zip(unlinked.pages)
        .enumerate()
        .map(|(id, (p, unlinked))| {
            crate::bug::processing(&p.source.file, || {
                body(
                    &p.source.ref_path,
                    Target::Page(id),
                    &p.source,
                    &p.scan,
                    unlinked,
                )
            })
        })
        .collect();
    let sections: Vec<(u64, markdown::Rendered)> = site
        .sections
        .par_iter()
        .zip(unlinked.sections)
        .enumerate()
        .map(|(id, (s, unlinked))| match &s.source {
            Some(src) => body(&s.key, Target::Section(id), src, &s.scan, unlinked),
            None => (0, markdown::Rendered::default()),
        })
        .collect();
    let mut keep = HashMap::new();
    if memo.is_some() {
        let keys = site
            .pages
            .iter()
            .map(|p| &p.source.ref_path)
            .zip(&pages)
            .chain(site.sections.iter().map(|s| &s.key).zip(&sections));
        for (key, (fp, rendered)) in keys {
            if stopped() {
                break;
            }
            keep.insert(key.clone(), (*fp, rendered.clone()));
        }
    }
    let bodies = Bodies {
        pages: pages.into_iter().map(|(_, r)| r).collect(),
        sections: sections.into_iter().map(|(_, r)| r).collect(),
    };
    (bodies, keep)
}
