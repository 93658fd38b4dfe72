//! Zola and Hugo on the same corpus, with minimal templates (a page's title
//! and content; a section's list of links), for `--peers`. Each gets a copy
//! of the corpus beside it (`corpus-N-sS-hugo`, `corpus-N-sS-zola`, and
//! `-hl` for the copy that highlights code), made once per corpus
//! (`corpus_copy` in bench.rs): Hugo reads the corpus's YAML front matter as
//! it is (bodies hard-linked); Zola takes only the fields it knows, so each
//! file is written again with its title in TOML front matter and the same
//! body.
//!
//! Each generator runs twice: as it comes (Zola does not highlight code by
//! default; Hugo's highlighting is turned off to match), and with code
//! highlighting on, as credo always does. Neither builds a search index,
//! feeds or a sitemap: they do less than credo's full theme, not more.

use std::path::Path;
use std::process::Command;

/// A static-site generator to time beside credo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Peer {
    Zola,
    Hugo,
}

/// One way to run a peer: as it comes, or highlighting code as credo does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PeerRun {
    pub peer: Peer,
    pub highlight: bool,
}

impl PeerRun {
    pub const ALL: [PeerRun; 4] = [
        PeerRun::new(Peer::Zola, false),
        PeerRun::new(Peer::Zola, true),
        PeerRun::new(Peer::Hugo, false),
        PeerRun::new(Peer::Hugo, true),
    ];

    const fn new(peer: Peer, highlight: bool) -> PeerRun {
        PeerRun { peer, highlight }
    }

    /// Its name in the bench's report.
    pub fn name(self) -> String {
        match self.highlight {
            false => self.peer.program().to_string(),
            true => format!("{}, highlighting", self.peer.program()),
        }
    }

    /// The suffix of its corpus copy's folder.
    pub fn suffix(self) -> String {
        match self.highlight {
            false => format!("-{}", self.peer.program()),
            true => format!("-{}-hl", self.peer.program()),
        }
    }

    /// Its configuration and minimal templates.
    pub fn files(self) -> Vec<(&'static str, &'static str)> {
        let config = match (self.peer, self.highlight) {
            (Peer::Zola, false) => ("config.toml", ZOLA_CONFIG),
            (Peer::Zola, true) => ("config.toml", ZOLA_CONFIG_HIGHLIGHT),
            (Peer::Hugo, false) => ("hugo.toml", HUGO_CONFIG),
            (Peer::Hugo, true) => ("hugo.toml", HUGO_CONFIG_HIGHLIGHT),
        };
        let templates = match self.peer {
            Peer::Zola => [
                ("templates/page.html", ZOLA_PAGE),
                ("templates/section.html", ZOLA_SECTION),
                ("templates/index.html", ZOLA_SECTION),
            ],
            Peer::Hugo => [
                ("layouts/_default/single.html", HUGO_PAGE),
                ("layouts/_default/list.html", HUGO_LIST),
                ("layouts/index.html", HUGO_LIST),
            ],
        };
        std::iter::once(config).chain(templates).collect()
    }
}

impl Peer {
    pub const ALL: [Peer; 2] = [Peer::Zola, Peer::Hugo];

    pub fn program(self) -> &'static str {
        match self {
            Peer::Zola => "zola",
            Peer::Hugo => "hugo",
        }
    }

    /// Whether its executable answers on PATH.
    pub fn installed(self) -> bool {
        Command::new(self.program())
            .arg(match self {
                Peer::Zola => "--version",
                Peer::Hugo => "version",
            })
            .output()
            .is_ok_and(|o| o.status.success())
    }

    /// The command that builds `site` into `out`.
    pub fn build(self, mut command: Command, site: &Path, out: &Path) -> Command {
        match self {
            Peer::Zola => command
                .arg("--root")
                .arg(site)
                .arg("build")
                .arg("--output-dir")
                .arg(out),
            Peer::Hugo => command
                .arg("--quiet")
                .arg("--source")
                .arg(site)
                .arg("--destination")
                .arg(out),
        };
        command
    }

    /// A corpus file's text as it gives it this generator, if not as it is:
    /// Zola takes only the front matter fields it knows.
    pub fn rewrite(self, text: &str) -> Option<String> {
        (self == Peer::Zola).then(|| zola_page(text))
    }
}

const ZOLA_CONFIG: &str = "base_url = \"http://localhost\"\ntitle = \"Bench\"\ncompile_sass = false\nbuild_search_index = false\n";
/// Zola 0.22's highlighting (`giallo`) with one of its bundled themes.
const ZOLA_CONFIG_HIGHLIGHT: &str = "base_url = \"http://localhost\"\ntitle = \"Bench\"\ncompile_sass = false\nbuild_search_index = false\n[markdown.highlighting]\ntheme = \"github-light\"\n";
const HUGO_CONFIG: &str = "baseURL = \"http://localhost/\"\ntitle = \"Bench\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\", \"robotsTXT\"]\n[markup.highlight]\ncodeFences = false\n";
/// Hugo's default: fenced code highlighted by Chroma.
const HUGO_CONFIG_HIGHLIGHT: &str = "baseURL = \"http://localhost/\"\ntitle = \"Bench\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\", \"robotsTXT\"]\n";
const ZOLA_PAGE: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ page.title }}</title></head><body><main><h1>{{ page.title }}</h1>{{ page.content | safe }}</main></body></html>\n";
const ZOLA_SECTION: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ section.title }}</title></head><body><main><h1>{{ section.title }}</h1>{{ section.content | safe }}<ul>{% for p in section.pages %}<li><a href=\"{{ p.permalink }}\">{{ p.title }}</a></li>{% endfor %}{% for s in section.subsections %}{% set sub = get_section(path=s) %}<li><a href=\"{{ sub.permalink }}\">{{ sub.title }}</a></li>{% endfor %}</ul></main></body></html>\n";
const HUGO_PAGE: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>\n";
const HUGO_LIST: &str = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{{ .Title }}</title></head><body><main><h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>\n";

/// A corpus file for Zola: its title as TOML front matter, then its body.
fn zola_page(text: &str) -> String {
    let (front, body) = text
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .unwrap_or(("", text));
    let title = serde_yaml::from_str::<serde_yaml::Value>(front)
        .ok()
        .and_then(|v| v.get("title").and_then(|t| t.as_str()).map(str::to_string))
        .unwrap_or_default();
    let title = toml::Value::String(title).to_string();
    format!("+++\ntitle = {title}\n+++\n{body}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zola_page_keeps_its_title_and_body() {
        let page =
            zola_page("---\ntitle: \"Say \\\"no\\\" early\"\nnumber: 3\n---\nBody [[a-ref]].\n");
        let (front, body) = (page.strip_prefix("+++\n"))
            .and_then(|rest| rest.split_once("+++\n"))
            .expect("TOML front matter");
        let front: toml::Table = front.parse().expect("valid TOML");
        assert_eq!(front["title"].as_str(), Some("Say \"no\" early"));
        assert_eq!(front.len(), 1, "Zola is given only the title");
        assert_eq!(body, "Body [[a-ref]].\n");
    }

    #[test]
    fn each_run_has_its_own_copy_and_only_highlighting_runs_highlight() {
        let suffixes: std::collections::HashSet<String> =
            PeerRun::ALL.iter().map(|r| r.suffix()).collect();
        assert_eq!(suffixes.len(), PeerRun::ALL.len());
        for run in PeerRun::ALL {
            let files = run.files();
            let config = files[0].1;
            let highlights = match run.peer {
                Peer::Zola => config.contains("[markdown.highlighting]"),
                Peer::Hugo => !config.contains("codeFences = false"),
            };
            assert_eq!(highlights, run.highlight, "{}", run.name());
        }
    }
}
