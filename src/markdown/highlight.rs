//! Code highlighting with syntect, through CSS classes (no inline styles).
//!
//! The syntax set is loaded the first time a code block asks for it and then
//! shared: a site without code never pays for it. An unknown or absent language
//! renders as plain escaped code.

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::{Arc, Mutex, OnceLock, mpsc};
use std::time::Duration;

use syntect::highlighting::{Color, ThemeSet};
use syntect::html::{ClassStyle, css_for_theme_with_class_style, line_tokens_to_classed_spans};
use syntect::parsing::{
    ParseState, ParsingError, ScopeStack, ScopeStackOp, SyntaxReference, SyntaxSet,
};
use syntect::util::LinesWithEndings;

/// The prefix of every highlighting class, so theme CSS cannot clash with it.
const CLASS_STYLE: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

/// bat's syntax set (through `two-face`): syntect's own lacks TypeScript,
/// TOML, Dockerfile, GraphQL, HCL and more that handbooks show.
fn syntaxes() -> &'static SyntaxSet {
    static SYNTAXES: OnceLock<SyntaxSet> = OnceLock::new();
    SYNTAXES.get_or_init(two_face::syntax::extra_newlines)
}

/// Fence names people write that the syntax set knows by another name.
const ALIASES: &[(&str, &str)] = &[
    ("console", "bash"),
    ("shell", "bash"),
    ("shell-session", "bash"),
    ("sh-session", "bash"),
    ("zsh", "bash"),
    ("terraform", "hcl"),
    ("tf", "hcl"),
    ("jsonc", "json"),
    ("json5", "json"),
    ("yml", "yaml"),
    ("docker", "dockerfile"),
    ("gql", "graphql"),
    ("patch", "diff"),
    ("py", "python"),
    ("rs", "rust"),
    ("golang", "go"),
    ("text", ""),
    ("plaintext", ""),
];

/// How long one code block may take to highlight. A grammar that loops
/// (two rules handing one position back and forth with non-consuming
/// `set`s, a known class of syntect bug) would otherwise hang the build.
const TIME_LIMIT: Duration = Duration::from_secs(2);

/// Renders a fenced code block of language `lang`, under its title (a
/// file name, usually) when it has one.
pub fn code_block(lang: &str, title: Option<&str>, code: &str) -> String {
    let pre = pre(lang, code);
    match title {
        Some(title) => format!(
            "<figure class=\"code-figure\"><figcaption class=\"code-title\">{}</figcaption>{}</figure>\n",
            escape(title),
            pre.trim_end()
        ),
        None => pre,
    }
}

/// The `<pre>` of a code block.
fn pre(lang: &str, code: &str) -> String {
    let lang_attr = if lang.is_empty() {
        String::new()
    } else {
        format!(" class=\"language-{}\"", escape(lang))
    };
    if !lang.is_empty()
        && let Some(html) = highlighted(lang, code)
    {
        return format!(
            "<pre class=\"code hl-code\" data-lang=\"{}\" tabindex=\"0\"><code{lang_attr}>{html}</code></pre>\n",
            escape(lang)
        );
    }
    format!(
        "<pre class=\"code hl-code\" tabindex=\"0\"><code{lang_attr}>{}</code></pre>\n",
        escape(code)
    )
}

/// Every fence language the bundled syntaxes answer to (their first file
/// extension each), for tests and fuzzing.
pub fn languages() -> Vec<String> {
    syntaxes()
        .syntaxes()
        .iter()
        .filter_map(|s| s.file_extensions.first().cloned())
        .collect()
}

/// The syntax a fence's language names, if the set has one.
fn syntax_for(lang: &str) -> Option<&'static SyntaxReference> {
    let set = syntaxes();
    let lower = lang.to_ascii_lowercase();
    let name = ALIASES
        .iter()
        .find(|(alias, _)| *alias == lower)
        .map_or(lower.as_str(), |(_, name)| name);
    if name.is_empty() {
        return None;
    }
    set.find_syntax_by_token(name)
        .or_else(|| set.find_syntax_by_name(lang))
}

fn highlighted(lang: &str, code: &str) -> Option<String> {
    let syntax = syntax_for(lang)?;
    match bounded(syntax, code) {
        Bounded::Done(html) => html,
        Bounded::TimedOut => None,
    }
}

/// Whether any block has failed to highlight in time in this process.
pub(crate) fn any_hung() -> bool {
    hung().lock().is_ok_and(|h| !h.is_empty())
}

/// Whether the block `code` of language `lang` failed to highlight in time
/// (and was shown as plain text): what `credo check` warns about.
pub(crate) fn hung_block(lang: &str, code: &str) -> bool {
    syntax_for(lang).is_some_and(|s| {
        hung()
            .lock()
            .is_ok_and(|h| h.contains(&block_key(&s.name, code)))
    })
}

/// Highlights `code` as syntect's `ClassedHTMLGenerator` does, line by
/// line, each line's parse taken from this thread's [`LineMemo`] when it
/// has one.
fn highlight_now(syntax: &SyntaxReference, code: &str) -> Option<String> {
    let set = syntaxes();
    MEMO.with_borrow_mut(|memo| {
        let mut state = memo.start(syntax);
        let mut scopes = ScopeStack::new();
        let mut html = String::with_capacity(code.len() * 4);
        let mut open_spans = 0;
        for line in LinesWithEndings::from(code) {
            let ops = memo.parse(&mut state, line, set).ok()?;
            let (spans, delta) =
                line_tokens_to_classed_spans(line, ops, CLASS_STYLE, &mut scopes).ok()?;
            open_spans += delta;
            html.push_str(&spans);
        }
        for _ in 0..open_spans {
            html.push_str("</span>");
        }
        Some(html)
    })
}

thread_local! {
    static MEMO: RefCell<LineMemo> = RefCell::default();
}

/// The lines this thread has parsed: for each, the parser state it began
/// in, the scope changes found and the state it left. Syntect's parse of a
/// line is a pure function of those two inputs, and code repeats its lines
/// across a handbook's blocks (`}`, `  owner: Delivery`, a blank line): half
/// to three quarters of the lines of code snippets and YAML files were seen
/// before. Matching them again (Oniguruma) is most of the highlighting time.
#[derive(Default)]
struct LineMemo {
    /// The distinct parser states met, named by their index.
    states: Vec<ParseState>,
    /// Each state's [`fingerprint`] → the indices of the states with it.
    by_print: ahash::AHashMap<u64, Vec<usize>>,
    /// Line → its parses from each state it was met in.
    lines: ahash::AHashMap<Box<str>, Vec<Parsed>>,
    entries: usize,
    /// The scope changes of the last line too long to keep.
    uncached: Vec<(usize, ScopeStackOp)>,
}

struct Parsed {
    before: usize,
    ops: Vec<(usize, ScopeStackOp)>,
    after: usize,
}

impl LineMemo {
    /// Past this many parses (a few MiB) the memo forgets them all, before
    /// the next block.
    const CAPACITY: usize = 1 << 15;
    /// Past this many distinct parser states, likewise.
    const STATES: usize = 512;
    /// Longer lines (minified JSON) rarely repeat: parsed, not kept.
    const LONGEST: usize = 256;

    /// The state a block of `syntax` starts in.
    fn start(&mut self, syntax: &SyntaxReference) -> usize {
        // States that capture text (a heredoc's delimiter) never equal
        // another (syntect compares their captures' buffers by address), so
        // each is new: forget them before they fill memory.
        if self.entries >= Self::CAPACITY || self.states.len() >= Self::STATES {
            *self = LineMemo::default();
        }
        self.intern(ParseState::new(syntax))
    }

    fn intern(&mut self, state: ParseState) -> usize {
        let same = self.by_print.entry(fingerprint(&state)).or_default();
        if let Some(&at) = same.iter().find(|&&at| self.states[at] == state) {
            return at;
        }
        same.push(self.states.len());
        self.states.push(state);
        self.states.len() - 1
    }

    /// The scope changes of `line` parsed from `state`, which is moved past it.
    fn parse(
        &mut self,
        state: &mut usize,
        line: &str,
        set: &SyntaxSet,
    ) -> Result<&[(usize, ScopeStackOp)], ParsingError> {
        let before = *state;
        let known = self
            .lines
            .get(line)
            .and_then(|parses| parses.iter().position(|p| p.before == before));
        let at = match known {
            Some(at) => at,
            None => {
                let mut parser = self.states[before].clone();
                let ops = parser.parse_line(line, set)?;
                // Most lines leave the state as they found it.
                let after = if parser == self.states[before] {
                    before
                } else {
                    self.intern(parser)
                };
                if line.len() > Self::LONGEST {
                    *state = after;
                    self.uncached = ops;
                    return Ok(&self.uncached);
                }
                let parses = self.lines.entry(line.into()).or_default();
                parses.push(Parsed { before, ops, after });
                self.entries += 1;
                parses.len() - 1
            }
        };
        let parsed = &self.lines[line][at];
        *state = parsed.after;
        Ok(&parsed.ops)
    }
}

/// A hash of everything `==` compares in a parser state, which syntect
/// does not hash: its `Debug` form, fed to a hasher unbuilt.
fn fingerprint(state: &ParseState) -> u64 {
    use std::fmt::Write;
    use std::hash::Hasher;
    struct Feed(ahash::AHasher);
    impl Write for Feed {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0.write(s.as_bytes());
            Ok(())
        }
    }
    let mut feed = Feed(ahash::AHasher::default());
    // Writing to a hasher cannot fail.
    let _ = write!(feed, "{state:?}");
    feed.0.finish()
}

enum Bounded {
    Done(Option<String>),
    TimedOut,
}

/// A block to highlight on a worker, and where to send the result.
struct Job {
    syntax: &'static SyntaxReference,
    code: String,
    reply: mpsc::SyncSender<Option<String>>,
}

/// Highlights on a worker thread and waits at most [`TIME_LIMIT`]. A
/// worker that does not answer in time is left behind (its loop cannot be
/// interrupted) and replaced; the block is remembered, so a rebuild of the
/// same block never starts another such loop.
fn bounded(syntax: &'static SyntaxReference, code: &str) -> Bounded {
    let key = block_key(&syntax.name, code);
    if hung().lock().is_ok_and(|h| h.contains(&key)) {
        return Bounded::TimedOut;
    }
    let (reply, answer) = mpsc::sync_channel(1);
    let job = Job {
        syntax,
        code: code.to_string(),
        reply,
    };
    let sent = workers().lock().is_ok_and(|w| w.send(job).is_ok());
    if !sent {
        return Bounded::Done(highlight_now(syntax, code));
    }
    match answer.recv_timeout(TIME_LIMIT) {
        Ok(html) => Bounded::Done(html),
        Err(_) => {
            if let Ok(mut h) = hung().lock() {
                h.insert(key);
            }
            spawn_worker();
            Bounded::TimedOut
        }
    }
}

fn block_key(lang: &str, code: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (lang, code).hash(&mut h);
    h.finish()
}

fn hung() -> &'static Mutex<HashSet<u64>> {
    static HUNG: OnceLock<Mutex<HashSet<u64>>> = OnceLock::new();
    HUNG.get_or_init(Mutex::default)
}

type Queue = Arc<Mutex<mpsc::Receiver<Job>>>;

fn queue() -> &'static (Mutex<mpsc::Sender<Job>>, Queue) {
    static QUEUE: OnceLock<(Mutex<mpsc::Sender<Job>>, Queue)> = OnceLock::new();
    QUEUE.get_or_init(|| {
        let (send, receive) = mpsc::channel();
        (Mutex::new(send), Arc::new(Mutex::new(receive)))
    })
}

/// Runs `work`, which renders bodies (the build's load stage), on a thread
/// pool with two threads per core. A thread that renders a body waits for each code block to come
/// back highlighted from a worker (the time limit needs another thread);
/// with one thread per core, its core would idle meanwhile. A build loads
/// 10 000 pages in 870 ms instead of 1 060 ms this way, for 16 MiB more at
/// the peak; three threads per core gain 30 ms more for 5 MiB. (`serve`,
/// which renders bodies in its render stage, started no faster with it.)
pub(crate) fn two_per_core<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    let cores = std::thread::available_parallelism().map_or(2, usize::from);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(cores * 2)
        .thread_name(|i| format!("credo-bodies-{i}"))
        .build();
    match pool {
        Ok(pool) => pool.install(work),
        Err(_) => work(),
    }
}

/// The job queue, with one worker per core started the first time.
fn workers() -> &'static Mutex<mpsc::Sender<Job>> {
    static STARTED: OnceLock<()> = OnceLock::new();
    STARTED.get_or_init(|| {
        let n = std::thread::available_parallelism().map_or(2, usize::from);
        for _ in 0..n {
            spawn_worker();
        }
    });
    &queue().0
}

fn spawn_worker() {
    let jobs = Arc::clone(&queue().1);
    let _ = std::thread::Builder::new()
        .name("credo-highlight".into())
        .spawn(move || {
            loop {
                let job = match jobs.lock() {
                    Ok(jobs) => jobs.recv(),
                    Err(_) => return,
                };
                let Ok(job) = job else { return };
                let _ = job.reply.send(highlight_now(job.syntax, &job.code));
            }
        });
}

/// The names of syntect's built-in themes.
pub(crate) fn theme_names() -> Vec<String> {
    ThemeSet::load_defaults().themes.into_keys().collect()
}

/// The CSS for the highlighting classes in the colours of `theme`, or `None`
/// when syntect has no theme of that name. Token colours that would fall
/// short of WCAG AA contrast (4.5:1) on the theme's background are darkened
/// (or, on a dark background, lightened) until they reach it.
pub(crate) fn theme_css(theme: &str) -> Option<String> {
    let themes = ThemeSet::load_defaults();
    let mut theme = themes.themes.get(theme)?.clone();
    let background = theme.settings.background.unwrap_or(WHITE);
    if let Some(fg) = theme.settings.foreground.as_mut() {
        *fg = readable(*fg, background);
    }
    for item in &mut theme.scopes {
        if let Some(fg) = item.style.foreground.as_mut() {
            let on = item.style.background.unwrap_or(background);
            *fg = readable(*fg, on);
        }
    }
    css_for_theme_with_class_style(&theme, CLASS_STYLE).ok()
}

/// The syntect theme code blocks take in dark mode when `highlight_theme`
/// is a light one.
const DARK_COMPANION: &str = "base16-ocean.dark";

/// `highlight.css`: the CSS of `theme` and, when `theme` is light, a dark
/// companion that applies where the page is dark (the reader's system in
/// dark mode, unless the theme toggle chose light, or the toggle chose dark),
/// following the default theme's `data-theme` convention.
pub(crate) fn site_css(theme: &str) -> Option<String> {
    let mut css = theme_css(theme)?;
    let themes = ThemeSet::load_defaults();
    let background = themes
        .themes
        .get(theme)?
        .settings
        .background
        .unwrap_or(WHITE);
    if luminance(background) > 0.18
        && let Some(dark) = theme_css(DARK_COMPANION)
    {
        css.push_str("\n/* In dark mode: ");
        css.push_str(DARK_COMPANION);
        // On screen only: paper is white, whatever the reader's scheme.
        css.push_str(" */\n@media screen and (prefers-color-scheme: dark) {\n");
        css.push_str(&scoped(&dark, ":root:not([data-theme=\"light\"])"));
        css.push_str("}\n@media screen {\n");
        css.push_str(&scoped(&dark, ":root[data-theme=\"dark\"]"));
        css.push_str("}\n");
    }
    Some(css)
}

/// `css` (plain rules, no at-rules) with every selector put under `scope`.
fn scoped(css: &str, scope: &str) -> String {
    let mut plain = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        plain.push_str(&rest[..start]);
        rest = rest[start..]
            .find("*/")
            .map_or("", |end| &rest[start + end + 2..]);
    }
    plain.push_str(rest);
    let mut out = String::with_capacity(plain.len() * 2);
    for rule in plain.split('}') {
        let Some((selectors, body)) = rule.split_once('{') else {
            continue;
        };
        let selectors: Vec<String> = selectors
            .split(',')
            .map(|s| format!("{scope} {}", s.trim()))
            .collect();
        out.push_str(&selectors.join(", "));
        out.push_str(" {");
        out.push_str(body);
        out.push_str("}\n");
    }
    out
}

const WHITE: Color = Color {
    r: 255,
    g: 255,
    b: 255,
    a: 255,
};

fn luminance(c: Color) -> f64 {
    let channel = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b)
}

/// The WCAG contrast ratio of two colours.
pub(crate) fn contrast(a: Color, b: Color) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// `fg`, moved towards black (on a light background) or white (on a dark
/// one) in small steps until it reads at 4.5:1 against `bg`.
fn readable(fg: Color, bg: Color) -> Color {
    let target = if luminance(bg) > 0.18 { 0.0 } else { 255.0 };
    let mut c = fg;
    for step in 1..=20 {
        if contrast(c, bg) >= 4.6 {
            break;
        }
        let t = f64::from(step) / 20.0;
        let mix = |v: u8| {
            (f64::from(v) + (target - f64::from(v)) * t)
                .round()
                .clamp(0.0, 255.0) as u8
        };
        c = Color {
            r: mix(fg.r),
            g: mix(fg.g),
            b: mix(fg.b),
            a: fg.a,
        };
    }
    c
}

/// Escapes text for HTML element content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What syntect's own generator makes of `code`, without the memo.
    fn unmemoized(lang: &str, code: &str) -> String {
        let syntax = syntax_for(lang).expect("a known language");
        let mut generator = syntect::html::ClassedHTMLGenerator::new_with_class_style(
            syntax,
            syntaxes(),
            CLASS_STYLE,
        );
        for line in LinesWithEndings::from(code) {
            generator
                .parse_html_for_line_which_includes_newline(line)
                .expect("parses");
        }
        generator.finalize()
    }

    #[test]
    fn a_remembered_line_is_parsed_from_the_state_it_is_met_in() {
        // `}` and `x: 1` recur inside comments, strings and block scalars,
        // where they mean something else.
        let blocks = [
            ("rust", "fn a() {\n    let x = 1;\n}\n"),
            ("rust", "/*\n    let x = 1;\n}\n*/\nfn b() {}\n"),
            ("rust", "let s = \"\n}\n    let x = 1;\n\";\n}\n"),
            ("yaml", "a:\n  x: 1\n"),
            ("yaml", "b: |\n  x: 1\n  # not a comment\nx: 1\n"),
            ("yaml", "# x: 1\nx: 1"),
            ("python", "x = 1\n'''\nx = 1\n'''\n"),
            // States holding a heredoc's delimiter never equal another.
            ("bash", "cat <<A\n}\nA\ncat <<B\n}\nA\nB\n}\n"),
        ];
        for _ in 0..2 {
            for (lang, code) in blocks {
                let syntax = syntax_for(lang).expect("a known language");
                assert_eq!(
                    highlight_now(syntax, code).as_deref(),
                    Some(unmemoized(lang, code).as_str()),
                    "{lang}: {code:?}"
                );
            }
        }
        MEMO.with_borrow(|memo| assert!(memo.entries > 0 && memo.states.len() > 3));
    }

    #[test]
    fn a_state_met_again_is_found_by_its_fingerprint() {
        let syntax = syntax_for("rust").expect("rust");
        let code = "fn a() {\n    /* x\n    */\n}\n";
        highlight_now(syntax, code);
        let known = MEMO.with_borrow(|memo| memo.states.len());
        // New lines, the same states.
        highlight_now(syntax, "fn b() {\n    /* y\n    */\n}\n");
        MEMO.with_borrow(|memo| {
            assert_eq!(memo.states.len(), known);
            let indexed: usize = memo.by_print.values().map(Vec::len).sum();
            assert_eq!(indexed, known);
            // Different states, different fingerprints.
            assert_eq!(memo.by_print.len(), known);
        });
    }

    #[test]
    fn a_full_memo_is_forgotten_before_the_next_block() {
        let syntax = syntax_for("rust").expect("rust");
        highlight_now(syntax, "fn a() {}\n");
        MEMO.with_borrow_mut(|memo| memo.entries = LineMemo::CAPACITY);
        highlight_now(syntax, "fn b() {}\n");
        MEMO.with_borrow(|memo| assert_eq!(memo.entries, 1));
        // So is one that has met too many parser states.
        MEMO.with_borrow_mut(|memo| {
            let state = memo.states[0].clone();
            memo.states.resize(LineMemo::STATES, state);
        });
        highlight_now(syntax, "fn c() {}\n");
        MEMO.with_borrow(|memo| assert!(memo.states.len() < 10, "{}", memo.states.len()));
    }

    #[test]
    fn a_long_line_is_highlighted_but_not_kept() {
        let syntax = syntax_for("json").expect("json");
        let long = format!("{{\"a\": [{}1]}}\n", "1, ".repeat(LineMemo::LONGEST));
        let code = format!("{long}{{}}\n{long}");
        assert_eq!(
            highlight_now(syntax, &code).as_deref(),
            Some(unmemoized("json", &code).as_str())
        );
        MEMO.with_borrow(|memo| {
            assert!(memo.lines.contains_key("{}\n"));
            assert!(!memo.lines.contains_key(long.as_str()));
        });
    }

    #[test]
    fn known_languages_get_classes() {
        let html = code_block("rust", None, "fn main() {}\n");
        assert!(html.contains("class=\"hl-"), "{html}");
        assert!(!html.contains("style="));
    }

    #[test]
    fn unknown_languages_are_escaped_plain_code() {
        assert_eq!(
            code_block("nosuchlang", None, "<b>\n"),
            "<pre class=\"code hl-code\" tabindex=\"0\"><code class=\"language-nosuchlang\">&lt;b&gt;\n</code></pre>\n"
        );
    }

    #[test]
    fn every_token_colour_reaches_aa_contrast() {
        for name in theme_names() {
            let themes = ThemeSet::load_defaults();
            let bg = themes.themes[&name].settings.background.unwrap_or(WHITE);
            let css = theme_css(&name).unwrap();
            let colour = |block: &str, prop: &str| {
                let hex = block.split(prop).nth(1)?.get(..6)?;
                let v = u32::from_str_radix(hex, 16).ok()?;
                Some(Color {
                    r: (v >> 16) as u8,
                    g: (v >> 8) as u8,
                    b: v as u8,
                    a: 255,
                })
            };
            for block in css.split('}') {
                let Some(fg) = colour(block, "\n color: #") else {
                    continue;
                };
                let on = colour(block, "background-color: #").unwrap_or(bg);
                assert!(contrast(fg, on) >= 4.5, "{name}: {fg:?} on {on:?}");
            }
        }
    }

    #[test]
    fn a_light_theme_gets_a_dark_companion_under_both_dark_switches() {
        let css = site_css("InspiredGitHub").unwrap();
        assert!(css.starts_with(&theme_css("InspiredGitHub").unwrap()));
        assert!(css.contains(
            "@media screen and (prefers-color-scheme: dark) {\n:root:not([data-theme=\"light\"]) .hl-code {"
        ));
        assert!(css.contains("@media screen {\n:root[data-theme=\"dark\"] .hl-code {"));
        // A dark theme is used as it is.
        assert_eq!(
            site_css("base16-ocean.dark"),
            theme_css("base16-ocean.dark")
        );
        assert_eq!(
            scoped("/* c */\n.a, .b .c {\n x: 1;\n}\n", "S"),
            "S .a, S .b .c {\n x: 1;\n}\n"
        );
    }

    #[test]
    fn theme_css_exists_for_the_default() {
        assert!(theme_css("InspiredGitHub").is_some_and(|c| c.contains(".hl-")));
        assert!(theme_css("nope").is_none());
    }
}
