//! Placing pages: a section for every content folder, each page in its
//! folder's section with its kind and URL, each `_index` page given to its
//! section; then every name a ref can reach them by.
//!
//! Drafts are left out here (unless the build keeps them), but their names
//! are remembered, so a ref to one says why it does not resolve.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::refs::RefIndex;
use super::{Page, Section, SectionId, Site, Target};
use crate::config::Config;
use crate::load::frontmatter::{Kind, SectionMeta};
use crate::load::{Loaded, Meta, Sources};
use crate::markdown::Scan;

/// The site with its sections and pages placed, and nothing resolved yet.
/// `drafts` keeps draft pages.
pub(super) fn place_pages(config: Config, sources: Sources, drafts: bool) -> Site {
    let mut refs = RefIndex::default();
    for path in &sources.unreadable {
        refs.insert_unreadable(path);
    }
    let (shown, drafts_alone) = shown_folders(&sources, drafts);
    // A folder of drafts alone is left out as its drafts are.
    for folder in drafts_alone {
        refs.insert_draft_folder(&folder);
    }
    let mut sections = make_sections(&config, &shown);
    let folder_ids: HashMap<String, SectionId> = sections
        .iter()
        .enumerate()
        .map(|(i, s)| (s.folder.clone(), i))
        .collect();
    // A page is a large value: growing the list by doubling would copy
    // every page several times over on a large site.
    let mut pages = Vec::with_capacity(sources.files.len());
    for Loaded {
        source, meta, scan, ..
    } in sources.files
    {
        if matches!(&meta, Meta::Page(meta) if meta.draft && !drafts) {
            refs.insert_draft(&source.ref_path);
            continue;
        }
        let folder = parent_folder(&source.ref_path).to_string();
        let Some(&section) = folder_ids.get(&folder) else {
            continue;
        };
        match meta {
            Meta::Section(meta) => {
                let s = &mut sections[section];
                if let Some(title) = &meta.title {
                    s.title = title.clone();
                }
                s.meta = meta;
                s.source = Some(source);
                s.scan = scan;
            }
            Meta::Page(meta) => {
                let kind = meta
                    .kind
                    .or(sections[section].meta.page_kind)
                    .unwrap_or(Kind::Page);
                pages.push(Page {
                    url: format!("{}/", source.ref_path),
                    href: String::new(),
                    source,
                    meta: *meta,
                    kind,
                    section,
                    scan,
                    principles: Vec::new(),
                    values: Vec::new(),
                    related: Vec::new(),
                    steps: Vec::new(),
                    destinations: Vec::new(),
                    links_out: Vec::new(),
                    linked_from: Vec::new(),
                    applied_by: Vec::new(),
                    expressed_by: Vec::new(),
                    related_all: Vec::new(),
                    position: 0,
                    prev: None,
                    next: None,
                    tracks: Vec::new(),
                });
            }
        }
    }
    let assets: HashSet<String> = (sources.statics.iter())
        .map(|s| s.output_path.clone())
        .collect();
    Site {
        config,
        pages,
        sections,
        tags: BTreeMap::new(),
        tag_urls: BTreeMap::new(),
        respelled_tags: Vec::new(),
        statics: sources.statics,
        reading_order: Vec::new(),
        aliases: BTreeMap::new(),
        refs,
        assets,
        translations: sources.translations,
    }
}

/// The sections' folders that hold something this build shows: all of
/// them when it keeps drafts; else a folder with its own page, or with a
/// page that is no draft in it or below it. A folder of drafts alone (work
/// in progress) would show as an empty section, as it does in neither
/// Hugo nor Zola. Returns them, and the folders of drafts alone.
fn shown_folders(sources: &Sources, drafts: bool) -> (Vec<String>, Vec<String>) {
    if drafts {
        return (sources.folders.clone(), Vec::new());
    }
    let mut shown: HashSet<&str> = HashSet::from([""]);
    for Loaded { source, meta, .. } in &sources.files {
        if matches!(meta, Meta::Page(meta) if meta.draft) {
            continue;
        }
        let mut folder = parent_folder(&source.ref_path);
        while shown.insert(folder) {
            folder = parent_folder(folder);
        }
    }
    (sources.folders.iter())
        .cloned()
        .partition(|f| shown.contains(f.as_str()))
}

/// Every page and section under its ref path (and bare stem), and a
/// folder's own page also under the file it came from.
pub(super) fn index_refs(site: &mut Site) {
    let refs = &mut site.refs;
    for (id, page) in site.pages.iter().enumerate() {
        refs.insert(&page.source.ref_path, Target::Page(id));
    }
    for (id, section) in site.sections.iter().enumerate() {
        refs.insert(&section.key, Target::Section(id));
    }
    let own_pages = (site.pages.iter().enumerate())
        .map(|(id, p)| (&p.source, Target::Page(id)))
        .chain(
            (site.sections.iter().enumerate())
                .filter_map(|(id, s)| Some((s.source.as_ref()?, Target::Section(id)))),
        );
    for (source, target) in own_pages {
        let path = crate::load::content_path(&source.file);
        if path != source.ref_path {
            refs.insert_path(path, target);
        }
    }
}

fn make_sections(config: &Config, folders: &[String]) -> Vec<Section> {
    let mut folders: Vec<String> = folders.to_vec();
    if !folders.iter().any(String::is_empty) {
        folders.push(String::new());
    }
    folders.sort();
    folders.dedup();
    let ids: HashMap<&str, SectionId> = folders
        .iter()
        .enumerate()
        .map(|(i, f)| (f.as_str(), i))
        .collect();
    folders
        .iter()
        .map(|folder| Section {
            source: None,
            meta: SectionMeta::default(),
            href: String::new(),
            url: if folder.is_empty() {
                String::new()
            } else {
                format!("{folder}/")
            },
            title: if folder.is_empty() {
                config.title.clone()
            } else {
                folder_title(folder)
            },
            parent: (!folder.is_empty())
                .then(|| ids.get(parent_folder(folder)).copied().unwrap_or(0)),
            key: if folder.is_empty() {
                "_index".to_string()
            } else {
                format!("{folder}/_index")
            },
            folder: folder.clone(),
            pages: Vec::new(),
            subsections: Vec::new(),
            children: Vec::new(),
            scan: Scan::default(),
            destinations: Vec::new(),
            links_out: Vec::new(),
            linked_from: Vec::new(),
            tracks: Vec::new(),
        })
        .collect()
}

fn parent_folder(ref_path: &str) -> &str {
    ref_path.rsplit_once('/').map_or("", |(dir, _)| dir)
}

fn folder_title(folder: &str) -> String {
    crate::load::readable(folder.rsplit('/').next().unwrap_or(folder))
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::load::frontmatter::Kind;
    use crate::site::refs::RefError;
    use crate::site::testing::{page, resolve, section, sources};
    use crate::site::{Site, Target};

    #[test]
    fn pages_take_their_folders_section_its_kind_and_a_url() {
        let (site, _) = resolve(&[
            (
                "field-notes/visit.md",
                "---\ntitle: Visit\nkind: scenario\n---\n",
            ),
            (
                "principles/_index.md",
                "---\ntitle: Our principles\npage_kind: principle\n---\n",
            ),
            ("principles/listen.md", "---\ntitle: Listen\n---\n"),
        ]);
        let (notes, principles) = (section(&site, "field-notes"), section(&site, "principles"));
        let listen = &site.pages[page(&site, "principles/listen")];
        assert_eq!(
            (listen.section, listen.kind, listen.url.as_str()),
            (principles, Kind::Principle, "principles/listen/")
        );
        assert_eq!(site.sections[principles].title, "Our principles");
        assert_eq!(site.sections[notes].title, "Field notes");
        assert_eq!(site.sections[notes].parent, Some(0));
        let visit = &site.pages[page(&site, "field-notes/visit")];
        assert_eq!((visit.section, visit.kind), (notes, Kind::Scenario));
    }

    #[test]
    fn a_draft_is_left_out_and_a_ref_to_it_says_so() {
        let (site, _) = resolve(&[
            ("a.md", "---\ntitle: A\n---\n"),
            ("wip.md", "---\ntitle: WIP\ndraft: true\n---\n"),
        ]);
        assert_eq!(site.pages.len(), 1);
        assert_eq!(site.refs.lookup("wip"), Err(RefError::Draft));
    }

    #[test]
    fn a_folder_of_drafts_alone_is_no_section_unless_drafts_are_kept() {
        let files = [
            ("care/calls.md", "---\ntitle: Calls\n---\n"),
            ("wip/later.md", "---\ntitle: Later\ndraft: true\n---\n"),
            ("wip/deeper/soon.md", "---\ntitle: Soon\ndraft: true\n---\n"),
            ("mixed/deep/done.md", "---\ntitle: Done\n---\n"),
            ("mixed/open.md", "---\ntitle: Open\ndraft: true\n---\n"),
            ("planned/_index.md", "---\ntitle: Planned\n---\n"),
            ("planned/one.md", "---\ntitle: One\ndraft: true\n---\n"),
        ];
        let folders = |site: &Site| -> Vec<String> {
            site.sections.iter().map(|s| s.folder.clone()).collect()
        };
        let (site, _) = resolve(&files);
        // `planned` has a page of its own: a section still (warned empty).
        assert_eq!(
            folders(&site),
            ["", "care", "mixed", "mixed/deep", "planned"]
        );
        let site = crate::site::resolve(Config::default(), sources(&files), true).0;
        assert_eq!(
            folders(&site),
            [
                "",
                "care",
                "mixed",
                "mixed/deep",
                "planned",
                "wip",
                "wip/deeper"
            ]
        );
    }

    #[test]
    fn a_folders_own_page_is_also_named_by_its_file() {
        let (site, _) = resolve(&[
            ("guide/README.md", "---\ntitle: Guide\n---\n"),
            ("guide/start.md", "---\ntitle: Start\n---\n"),
        ]);
        let guide = Target::Section(section(&site, "guide"));
        assert_eq!(site.refs.lookup_path("guide/README"), Some(guide));
        assert_eq!(site.refs.lookup("guide"), Ok(guide));
        let start = Target::Page(page(&site, "guide/start"));
        assert_eq!(site.refs.lookup("start"), Ok(start));
    }
}
