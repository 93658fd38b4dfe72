//! A synthetic playbook site for benchmarks, shared by the `gen_corpus` and
//! `bench` examples.
//!
//! Input: a page count and a seed. Output: a site folder (`credo.yaml`,
//! `content/`) that passes `credo check` with no errors: principles in numbered
//! sections, values, scenarios that apply every principle, checklists with
//! groups, tracks, attitude pages and guides, in nested sections of tens to a
//! few hundred pages each. Every page carries three body links (`[[ref]]`,
//! `[[ref#anchor]]` to a heading that exists, a relative `.md` link), and some
//! carry tables, fenced code (rust, yaml, text), lists and alerts.
//!
//! The same (pages, seed) always gives byte-identical files: the generator
//! draws from its own splitmix64, never from the system. Its tests run with
//! `cargo test --example gen_corpus`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

/// The file that marks a folder as a generated corpus, so that it may be replaced.
pub const MARKER: &str = ".credo-corpus";

/// What to generate.
#[derive(Debug, Clone)]
pub struct CorpusOptions {
    /// Content pages (sections come on top).
    pub pages: usize,
    /// The PRNG seed.
    pub seed: u64,
    /// The `search:` value written into `credo.yaml`.
    pub search: bool,
}

/// What was generated.
#[derive(Debug, Clone, Copy)]
pub struct CorpusStats {
    /// Content pages.
    pub pages: usize,
    /// Sections (`_index.md` files, the home page included).
    pub sections: usize,
    /// Bytes of Markdown written.
    pub bytes: u64,
}

/// splitmix64: tiny, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`); the modulo bias is irrelevant here.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// `k` distinct indices of `0..n`, in drawing order.
    fn distinct(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::with_capacity(k);
        while out.len() < k.min(n) {
            let i = self.below(n);
            if !out.contains(&i) {
                out.push(i);
            }
        }
        out
    }
}

const WORDS_LIST: &str = "\
    client account meeting promise answer question team owner call email deadline agenda \
    summary contract renewal invoice budget feedback complaint request proposal review \
    handover escalation risk issue priority detail note record context history trust respect \
    patience clarity honesty care follow-up outcome plan step goal partner colleague manager \
    lead sponsor stakeholder decision change delay problem solution option choice price \
    value quality service promptly calmly plainly early always never often rarely carefully \
    openly kindly firmly quickly together first again later today listen explain confirm \
    write share ask check decide agree prepare deliver measure learn improve admit apologise \
    thank remind schedule document escalate resolve protect respond the a every each our \
    their this that clear honest simple small large new long short late busy quiet difficult \
    good useful known shared written open fair steady direct and but so when before after \
    with without for to of in on by from is are was will can should must may not only more \
    less what who how why";
static WORDS: LazyLock<Vec<&str>> = LazyLock::new(|| WORDS_LIST.split_whitespace().collect());

const HEADINGS: &[&str] = &[
    "Why it matters",
    "In practice",
    "Common pitfalls",
    "What good looks like",
    "Before the meeting",
    "After the call",
    "When to escalate",
    "Examples",
    "Questions to ask",
    "Signals to watch",
    "When to say no",
    "Following up",
    "Working with sales",
    "Measuring it",
    "Edge cases",
    "Tools we use",
    "Background",
    "Notes for new staff",
    "Who to involve",
    "What to write down",
];

const TAGS_LIST: &str = "\
    meetings email calls escalation onboarding renewals pricing contracts feedback \
    complaints handover deadlines quality reporting travel workshops proposals invoicing \
    support incidents planning reviews training security privacy tone writing listening \
    negotiation follow-up stakeholders sponsors scope delivery risk budget kickoff closing \
    remote on-site first-week leadership partners tools records ethics";
static TAGS: LazyLock<Vec<&str>> = LazyLock::new(|| TAGS_LIST.split_whitespace().collect());

const OWNERS: &[&str] = &[
    "Client Services",
    "Account Management",
    "Operations",
    "Delivery",
    "Quality Office",
    "People Team",
];

const ACTIONS: &[&str] = &[
    "Confirm the agenda",
    "Read the last notes",
    "Check the contract terms",
    "Name one owner",
    "Send a written summary",
    "Log the follow-up date",
    "Thank the client",
    "Share the next steps",
    "Ask what success looks like",
    "Book the review call",
    "Update the account record",
    "Tell the team lead",
    "Check open invoices",
    "Prepare two options",
    "Write down the decision",
    "Agree on a deadline",
    "Confirm who attends",
    "Test the dial-in",
    "Print the handout",
    "Archive the thread",
];

/// One category of pages: where they live and what kind they are.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Cat {
    Principle,
    Value,
    Scenario,
    Checklist,
    Track,
    Attitude,
    Guide,
}

impl Cat {
    fn base(self) -> &'static str {
        match self {
            Cat::Principle => "principles",
            Cat::Value => "values",
            Cat::Scenario => "scenarios",
            Cat::Checklist => "checklists",
            Cat::Track => "tracks",
            Cat::Attitude => "attitude",
            Cat::Guide => "guides",
        }
    }

    /// (leaf size, fan-out, first-level name, second-level name).
    fn layout(self) -> (usize, usize, &'static str, &'static str) {
        match self {
            Cat::Principle => (80, 20, "part", "chapter"),
            Cat::Value => (100, 20, "group", "set"),
            Cat::Scenario => (80, 10, "market", "area"),
            Cat::Checklist => (80, 10, "unit", "team"),
            Cat::Track | Cat::Attitude => (100, 10, "part", "set"),
            Cat::Guide => (60, 8, "region", "team"),
        }
    }

    fn kind(self) -> &'static str {
        match self {
            Cat::Principle => "principle",
            Cat::Value => "value",
            Cat::Scenario => "scenario",
            Cat::Checklist => "checklist",
            Cat::Track => "track",
            Cat::Attitude => "attitude",
            Cat::Guide => "page",
        }
    }
}

/// A page decided before any body is written, so links can name its headings.
struct Spec {
    cat: Cat,
    /// Index within its category.
    index: usize,
    /// Folder under `content/`.
    folder: String,
    stem: String,
    title: String,
    headings: Vec<usize>,
    /// Position within its leaf section (principle number - 1, guide weight).
    position: usize,
}

impl Spec {
    fn ref_path(&self) -> String {
        format!("{}/{}", self.folder, self.stem)
    }
}

/// The folder of item `i` of `count` in a category: flat, one level or two.
fn folder_of(cat: Cat, i: usize, count: usize) -> (String, usize) {
    let (leaf, fanout, l1, l2) = cat.layout();
    let leaves = count.div_ceil(leaf).max(1);
    let k = i % leaves;
    let position = i / leaves;
    let folder = if leaves == 1 {
        cat.base().to_string()
    } else if leaves <= fanout {
        format!("{}/{l1}-{}", cat.base(), k + 1)
    } else {
        format!(
            "{}/{l1}-{}/{l2}-{}",
            cat.base(),
            k / fanout + 1,
            k % fanout + 1
        )
    };
    (folder, position)
}

fn counts(pages: usize) -> Result<Vec<(Cat, usize)>, String> {
    let tracks = (pages / 1000).max(1);
    let attitudes = 1 + pages / 5000;
    let principles = (pages / 20).max(1);
    let values = (pages / 50).max(1);
    let scenarios = (pages * 2 / 5).max(principles);
    let checklists = pages * 13 / 100;
    let fixed = tracks + attitudes + principles + values + scenarios + checklists;
    let guides = pages
        .checked_sub(fixed)
        .ok_or_else(|| format!("--pages must be at least {fixed}"))?;
    Ok(vec![
        (Cat::Principle, principles),
        (Cat::Value, values),
        (Cat::Attitude, attitudes),
        (Cat::Scenario, scenarios),
        (Cat::Checklist, checklists),
        (Cat::Track, tracks),
        (Cat::Guide, guides),
    ])
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn phrase(rng: &mut Rng, lo: usize, hi: usize) -> String {
    let n = rng.range(lo, hi);
    let words: Vec<&str> = (0..n).map(|_| rng.pick(&WORDS)).collect();
    capitalise(&words.join(" "))
}

fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The relative path from folder `from` to file `to` (both under `content/`).
fn relative(from: &str, to: &str) -> String {
    let a: Vec<&str> = from.split('/').collect();
    let b: Vec<&str> = to.split('/').collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<&str> = vec![".."; a.len() - common];
    parts.extend(&b[common..]);
    parts.join("/")
}

fn plan(options: &CorpusOptions, rng: &mut Rng) -> Result<Vec<Spec>, String> {
    let mut specs = Vec::with_capacity(options.pages);
    for (cat, count) in counts(options.pages)? {
        for index in 0..count {
            let (folder, position) = folder_of(cat, index, count);
            let title = phrase(rng, 3, 6);
            let stem = format!("{}-{:05}-{}", cat.kind(), index + 1, slug(&title));
            let stem: String = stem.chars().take(48).collect();
            let stem = stem.trim_end_matches('-').to_string();
            let k = rng.range(3, 4);
            let mut headings = rng.distinct(HEADINGS.len(), k);
            headings.sort_unstable();
            specs.push(Spec {
                cat,
                index,
                folder,
                stem,
                title,
                headings,
                position,
            });
        }
    }
    Ok(specs)
}

/// Writes the corpus into `out`, replacing a previous corpus there.
pub fn generate(options: &CorpusOptions, out: &Path) -> Result<CorpusStats, String> {
    prepare_out(out)?;
    let mut rng = Rng(options.seed);
    let specs = plan(options, &mut rng)?;
    let mut writer = Writer {
        out: out.to_path_buf(),
        bytes: 0,
        sections: 0,
    };
    writer.file(
        "credo.yaml",
        &format!(
            "title: \"Synthetic Handbook ({} pages)\"\nbase_url: \"https://handbook.example/\"\ndescription: \"A generated playbook for benchmarks.\"\nlanguage: en\nsections: [principles, values, attitude, scenarios, checklists, tracks, guides]\nreview_after_days: 3650\nsearch: {}\n",
            options.pages, options.search
        ),
    )?;
    // The marker says "ours, may be replaced" at once, and what it holds only
    // at the end, so an interrupted run is never mistaken for a finished one.
    writer.file(MARKER, "incomplete\n")?;
    writer.sections(&specs)?;
    let by_cat =
        |cat: Cat| -> Vec<usize> { (0..specs.len()).filter(|&i| specs[i].cat == cat).collect() };
    let principles = by_cat(Cat::Principle);
    let values = by_cat(Cat::Value);
    let body_pages: Vec<usize> = (0..specs.len())
        .filter(|&i| specs[i].cat != Cat::Track)
        .collect();
    let mut ring = vec![0; specs.len()];
    for (at, &id) in body_pages.iter().enumerate() {
        ring[id] = at;
    }
    let ctx = Ctx {
        specs: &specs,
        principles: &principles,
        values: &values,
        body_pages: &body_pages,
        ring: &ring,
    };
    for (id, spec) in specs.iter().enumerate() {
        let text = ctx.page(id, &mut rng);
        writer.file(&format!("content/{}.md", spec.ref_path()), &text)?;
    }
    writer.file(
        MARKER,
        &format!("pages={} seed={}\n", options.pages, options.seed),
    )?;
    Ok(CorpusStats {
        pages: specs.len(),
        sections: writer.sections,
        bytes: writer.bytes,
    })
}

fn prepare_out(out: &Path) -> Result<(), String> {
    let shown = out.display();
    if out.exists() {
        let empty = std::fs::read_dir(out)
            .map_err(|e| format!("{shown}: {e}"))?
            .next()
            .is_none();
        if !empty && !out.join(MARKER).is_file() {
            return Err(format!(
                "refusing to replace {shown}: it is not empty and not a generated corpus (no {MARKER})"
            ));
        }
        std::fs::remove_dir_all(out).map_err(|e| format!("{shown}: {e}"))?;
    }
    std::fs::create_dir_all(out).map_err(|e| format!("{shown}: {e}"))
}

struct Writer {
    out: PathBuf,
    bytes: u64,
    sections: usize,
}

impl Writer {
    fn file(&mut self, path: &str, text: &str) -> Result<(), String> {
        let path = self.out.join(path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        std::fs::write(&path, text).map_err(|e: io::Error| format!("{}: {e}", path.display()))?;
        self.bytes += text.len() as u64;
        Ok(())
    }

    /// An `_index.md` for the home page and for every folder that holds pages.
    fn sections(&mut self, specs: &[Spec]) -> Result<(), String> {
        let mut folders: BTreeMap<&str, Cat> = BTreeMap::new();
        for s in specs {
            let mut f = s.folder.as_str();
            while folders.insert(f, s.cat).is_none() {
                match f.rsplit_once('/') {
                    Some((parent, _)) => f = parent,
                    None => break,
                }
            }
        }
        self.file(
            "content/_index.md",
            "---\ntitle: \"Synthetic Handbook\"\nsummary: \"How we serve our clients, generated.\"\n---\nThis handbook is generated for benchmarks. Start with the principles, then read the scenarios that apply them.\n",
        )?;
        self.sections += 1;
        for (folder, cat) in folders {
            let name = folder
                .rsplit('/')
                .next()
                .unwrap_or(folder)
                .replace('-', " ");
            let sort_by = if cat == Cat::Principle {
                "number"
            } else {
                "weight"
            };
            let text = format!(
                "---\ntitle: \"{}\"\nsummary: \"The {} of {name}.\"\npage_kind: {}\nsort_by: {sort_by}\n---\nThis section collects {} pages. Read them in order; each one links to the next.\n",
                capitalise(&name),
                cat.base(),
                cat.kind(),
                cat.kind(),
            );
            self.file(&format!("content/{folder}/_index.md"), &text)?;
            self.sections += 1;
        }
        Ok(())
    }
}

struct Ctx<'a> {
    specs: &'a [Spec],
    principles: &'a [usize],
    values: &'a [usize],
    /// Pages that other bodies may link to.
    body_pages: &'a [usize],
    /// Each page's index in `body_pages`.
    ring: &'a [usize],
}

impl Ctx<'_> {
    /// A ref to page `id`: the full path or, every other time, the unique stem.
    fn reference(&self, id: usize, rng: &mut Rng) -> String {
        let s = &self.specs[id];
        if rng.chance(2) {
            s.ref_path()
        } else {
            s.stem.clone()
        }
    }

    fn refs(&self, ids: &[usize], rng: &mut Rng) -> String {
        let refs: Vec<String> = ids.iter().map(|&i| self.reference(i, rng)).collect();
        format!("[{}]", refs.join(", "))
    }

    fn page(&self, id: usize, rng: &mut Rng) -> String {
        let spec = &self.specs[id];
        let mut t = String::with_capacity(4096);
        t.push_str("---\n");
        let _ = writeln!(t, "title: \"{}\"", spec.title);
        let _ = writeln!(t, "summary: \"{}.\"", phrase(rng, 8, 14));
        let k = rng.range(1, 3);
        let tags: Vec<&str> = rng
            .distinct(TAGS.len(), k)
            .into_iter()
            .map(|i| TAGS[i])
            .collect();
        let _ = writeln!(t, "tags: [{}]", tags.join(", "));
        let _ = writeln!(t, "owner: \"{}\"", rng.pick(OWNERS));
        if !rng.chance(4) {
            let _ = writeln!(
                t,
                "reviewed: {}-{:02}-{:02}",
                rng.range(2024, 2026),
                rng.range(1, 10),
                rng.range(1, 28)
            );
        }
        match spec.cat {
            Cat::Principle => {
                let _ = writeln!(t, "number: {}", spec.position + 1);
                let v = self.values[rng.below(self.values.len())];
                let _ = writeln!(t, "values: {}", self.refs(&[v], rng));
            }
            Cat::Scenario => {
                // Scenario i applies principle i mod P: every principle is applied.
                let mut ps = vec![self.principles[spec.index % self.principles.len()]];
                for _ in 0..rng.below(3) {
                    let p = self.principles[rng.below(self.principles.len())];
                    if !ps.contains(&p) {
                        ps.push(p);
                    }
                }
                let _ = writeln!(t, "principles: {}", self.refs(&ps, rng));
                let k = rng.range(1, 2);
                let vs: Vec<usize> = rng
                    .distinct(self.values.len(), k)
                    .into_iter()
                    .map(|i| self.values[i])
                    .collect();
                let _ = writeln!(t, "values: {}", self.refs(&vs, rng));
            }
            Cat::Checklist => self.checklist(&mut t, rng),
            Cat::Track => self.steps(&mut t, rng),
            Cat::Attitude => contrast(&mut t, rng),
            Cat::Guide => {
                let _ = writeln!(t, "weight: {}", spec.position + 1);
            }
            Cat::Value => {}
        }
        if rng.chance(5) {
            let other = self.body_pages[rng.below(self.body_pages.len())];
            if other != id {
                let _ = writeln!(t, "related: {}", self.refs(&[other], rng));
            }
        }
        if rng.chance(100) {
            let _ = writeln!(t, "aliases: [\"/old/{}/\"]", spec.stem);
        }
        t.push_str("---\n");
        if spec.cat != Cat::Track {
            self.body(id, &mut t, rng);
        } else {
            t.push_str("Read these pages in order. Tick each one off as you go.\n");
        }
        t
    }

    fn checklist(&self, t: &mut String, rng: &mut Rng) {
        let k = rng.range(4, 8);
        let picks = rng.distinct(ACTIONS.len(), k);
        t.push_str("checklist:\n");
        let split = picks.len() / 2;
        for (n, &a) in picks[..split].iter().enumerate() {
            if n == 0 {
                let _ = writeln!(
                    t,
                    "  - {{text: \"{}\", detail: \"{}.\", id: \"item-{}\"}}",
                    ACTIONS[a],
                    phrase(rng, 4, 8),
                    a
                );
            } else {
                let _ = writeln!(t, "  - \"{}\"", ACTIONS[a]);
            }
        }
        let _ = writeln!(t, "  - group: \"{}\"", HEADINGS[rng.below(HEADINGS.len())]);
        t.push_str("    items:\n");
        for &a in &picks[split..] {
            let _ = writeln!(t, "      - \"{}\"", ACTIONS[a]);
        }
    }

    fn steps(&self, t: &mut String, rng: &mut Rng) {
        let n = rng.range(5, 10);
        let picks = rng.distinct(self.body_pages.len(), n);
        t.push_str("steps:\n");
        for (k, &i) in picks.iter().enumerate() {
            let target = self.reference(self.body_pages[i], rng);
            if k % 3 == 0 {
                let _ = writeln!(
                    t,
                    "  - {{ref: \"{target}\", note: \"{}.\"}}",
                    phrase(rng, 3, 7)
                );
            } else {
                let _ = writeln!(t, "  - \"{target}\"");
            }
        }
    }

    /// The Markdown body: prose under the page's headings, three links, and
    /// now and then a table, code, a list or an alert.
    fn body(&self, id: usize, t: &mut String, rng: &mut Rng) {
        let spec = &self.specs[id];
        let n = self.body_pages.len();
        // Link 1 follows a ring over all pages, so every page is linked to.
        let next = self.body_pages[(self.ring[id] + 1) % n];
        let anchored = self.body_pages[rng.below(n)];
        let relative_to = self.body_pages[rng.below(n)];
        let target_words = rng.range(300, 600);
        let mut words = 0;
        let first = self.wiki(next, rng);
        paragraph(t, rng, &mut words, Some(&first));
        let sections = spec.headings.len();
        for (k, &h) in spec.headings.iter().enumerate() {
            let _ = writeln!(t, "\n## {}", HEADINGS[h]);
            let link = match k {
                0 => Some(self.anchored(anchored, rng)),
                1 => Some(self.relative(spec, relative_to, rng)),
                _ => None,
            };
            paragraph(t, rng, &mut words, link.as_deref());
            let budget = target_words.saturating_sub(words) / (sections - k);
            let mut used = 0;
            while used + 40 < budget {
                let before = words;
                paragraph(t, rng, &mut words, None);
                used += words - before;
            }
            match rng.below(8) {
                0 | 1 => table(t, rng),
                2 => code(t, rng),
                3 | 4 => list(t, rng),
                5 => alert(t, rng),
                _ => {}
            }
        }
    }

    fn wiki(&self, target: usize, rng: &mut Rng) -> String {
        let r = self.reference(target, rng);
        if rng.chance(3) {
            format!("[[{r}|{}]]", phrase(rng, 2, 4).to_lowercase())
        } else {
            format!("[[{r}]]")
        }
    }

    fn anchored(&self, target: usize, rng: &mut Rng) -> String {
        let s = &self.specs[target];
        let h = s.headings[rng.below(s.headings.len())];
        format!("[[{}#{}]]", self.reference(target, rng), slug(HEADINGS[h]))
    }

    fn relative(&self, from: &Spec, target: usize, rng: &mut Rng) -> String {
        let s = &self.specs[target];
        let path = relative(&from.folder, &format!("{}.md", s.ref_path()));
        if rng.chance(2) {
            let h = s.headings[rng.below(s.headings.len())];
            format!("[{}]({path}#{})", s.title.to_lowercase(), slug(HEADINGS[h]))
        } else {
            format!("[{}]({path})", s.title.to_lowercase())
        }
    }
}

fn contrast(t: &mut String, rng: &mut Rng) {
    t.push_str("contrast:\n");
    for (side, title) in [("left", "Service attitude"), ("right", "Sales attitude")] {
        let _ = writeln!(t, "  {side}:\n    title: \"{title}\"\n    points:");
        for _ in 0..rng.range(3, 5) {
            let _ = writeln!(t, "      - \"{}\"", phrase(rng, 4, 9));
        }
    }
}

/// A paragraph of 3–6 sentences; `link` goes into one of them.
fn paragraph(t: &mut String, rng: &mut Rng, words: &mut usize, link: Option<&str>) {
    let sentences = rng.range(3, 6);
    let link_at = rng.below(sentences);
    t.push('\n');
    for s in 0..sentences {
        let n = rng.range(7, 15);
        *words += n;
        for w in 0..n {
            let word = rng.pick(&WORDS);
            if w == 0 {
                t.push_str(&capitalise(word));
            } else {
                t.push(' ');
                match rng.below(40) {
                    0 => {
                        let _ = write!(t, "**{word}**");
                    }
                    1 => {
                        let _ = write!(t, "`{word}`");
                    }
                    2 => {
                        let _ = write!(t, "*{word}*");
                    }
                    _ => t.push_str(word),
                }
            }
        }
        if s == link_at
            && let Some(link) = link
        {
            let _ = write!(t, " (see {link})");
        }
        t.push_str(if rng.chance(8) { "?" } else { "." });
        t.push(if s + 1 == sentences { '\n' } else { ' ' });
    }
}

fn table(t: &mut String, rng: &mut Rng) {
    t.push_str("\n| Step | Owner | When |\n|------|-------|------|\n");
    for _ in 0..rng.range(3, 6) {
        let _ = writeln!(
            t,
            "| {} | {} | {} |",
            ACTIONS[rng.below(ACTIONS.len())],
            rng.pick(OWNERS),
            phrase(rng, 2, 4)
        );
    }
}

fn code(t: &mut String, rng: &mut Rng) {
    let name = slug(&phrase(rng, 2, 3)).replace('-', "_");
    match rng.below(3) {
        0 => {
            let _ = write!(
                t,
                "\n```rust\n/// {}.\nfn {name}(client: &Client) -> Result<Summary, Error> {{\n    let notes = client.notes().last().ok_or(Error::NoNotes)?;\n    let due = notes.date + Duration::days({});\n    Ok(Summary {{ owner: \"{}\".into(), due, items: vec![] }})\n}}\n```\n",
                phrase(rng, 4, 8),
                rng.range(1, 14),
                rng.pick(OWNERS)
            );
        }
        1 => {
            let _ = write!(
                t,
                "\n```yaml\n{name}:\n  owner: \"{}\"\n  due_days: {}\n  steps:\n    - {}\n    - {}\n  notify: [{}, {}]\n```\n",
                rng.pick(OWNERS),
                rng.range(1, 30),
                ACTIONS[rng.below(ACTIONS.len())],
                ACTIONS[rng.below(ACTIONS.len())],
                rng.pick(&TAGS),
                rng.pick(&TAGS)
            );
        }
        _ => {
            let _ = write!(
                t,
                "\n```text\nSubject: {}\n\nDear client,\n\n{}.\n\nKind regards,\n{}\n```\n",
                phrase(rng, 3, 6),
                phrase(rng, 10, 20),
                rng.pick(OWNERS)
            );
        }
    }
}

fn list(t: &mut String, rng: &mut Rng) {
    t.push('\n');
    for _ in 0..rng.range(3, 6) {
        let _ = writeln!(t, "- {}.", phrase(rng, 4, 10));
    }
}

fn alert(t: &mut String, rng: &mut Rng) {
    let kind = ["NOTE", "TIP", "WARNING"][rng.below(3)];
    let _ = writeln!(t, "\n> [!{kind}]\n> {}.", phrase(rng, 8, 16));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_climb_and_descend() {
        assert_eq!(relative("a/b", "a/c/x.md"), "../c/x.md");
        assert_eq!(relative("a", "a/x.md"), "x.md");
        assert_eq!(relative("g/r-1/t-2", "p/x.md"), "../../../p/x.md");
    }

    fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
        walkdir::WalkDir::new(dir)
            .into_iter()
            .map(|e| e.expect("walk the corpus"))
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let bytes = std::fs::read(e.path()).expect("read a corpus file");
                (e.path().strip_prefix(dir).unwrap().to_path_buf(), bytes)
            })
            .collect()
    }

    #[test]
    fn the_corpus_is_deterministic_and_passes_check() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let options = CorpusOptions {
            pages: 300,
            seed: 7,
            search: true,
        };
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        generate(&options, &a).expect("generate a");
        generate(&options, &b).expect("generate b");
        assert_eq!(files(&a), files(&b));
        let diagnostics = credo::pipeline::check(&credo::pipeline::BuildOptions {
            root: a,
            ..Default::default()
        })
        .expect("check runs");
        assert_eq!(diagnostics.render_human(), "");
    }

    #[test]
    fn sections_stay_small() {
        let (f, _) = folder_of(Cat::Guide, 5, 4000);
        assert!(f.starts_with("guides/region-"), "{f}");
        assert_eq!(folder_of(Cat::Value, 3, 20).0, "values");
    }
}
