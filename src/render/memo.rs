//! What one render pass remembers so that the next renders only what changed.
//!
//! An output's bytes are a pure function of its template (with every template
//! it extends, includes or imports) and of the values put into its context; a
//! body's HTML is a pure function of its Markdown and of what each of its
//! internal links resolves to. So each output is keyed by a fingerprint of
//! exactly those inputs, and `credo serve` renders again only the outputs whose
//! fingerprint moved. The dependencies are whatever the templates actually
//! read, not a hand-kept list that could drift from them; the incremental
//! tests compare every path with a clean build.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::hash::{DefaultHasher, Hash, Hasher};

use serde::Serialize;
use tera::Context;

use super::theme::TemplateSource;
use crate::markdown;

/// What an earlier render pass knew.
#[derive(Debug, Clone, Default)]
pub struct Memo {
    /// Page or section key → fingerprint of its body and link targets, and the
    /// rendered body.
    pub(super) bodies: HashMap<String, (u64, markdown::Rendered)>,
    /// Output path → fingerprint of its template and context.
    pub(super) outputs: HashMap<String, u64>,
}

impl Memo {
    /// How many outputs the memo knows.
    pub(crate) fn len(&self) -> usize {
        self.outputs.len()
    }
}

/// Feeds written bytes into a hasher (for serde_json's writer).
struct HashWriter<'a>(&'a mut DefaultHasher);

impl std::io::Write for HashWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A template context being filled: either fingerprinted (nothing is built,
/// so an unchanged output costs one serialization into a hasher), or built
/// for rendering.
pub(crate) enum Vars<'a> {
    /// Hashing what goes in, given up once `stopped` (the print page of a
    /// large handbook is tens of megabytes to hash).
    Hash {
        /// The fingerprint so far.
        hasher: DefaultHasher,
        /// Whether the pass was stopped (its result is thrown away).
        stopped: &'a (dyn Fn() -> bool + Sync),
    },
    /// Building the context.
    Build(Context),
}

impl<'a> Vars<'a> {
    /// Fingerprints what is inserted, starting from `seed`.
    pub(super) fn hashing(seed: u64, stopped: &'a (dyn Fn() -> bool + Sync)) -> Self {
        let mut hasher = DefaultHasher::new();
        seed.hash(&mut hasher);
        Vars::Hash { hasher, stopped }
    }

    /// Puts `value` into the context as `key`.
    pub(crate) fn insert<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) {
        match self {
            Vars::Hash { hasher, stopped } => {
                key.hash(hasher);
                hash_serialized_until(hasher, value, *stopped);
            }
            Vars::Build(ctx) => ctx.insert(key, value),
        }
    }

    /// Puts a value made earlier into the context as `key` (no copy: Tera
    /// values share their contents).
    pub(crate) fn insert_value(&mut self, key: &'static str, value: &tera::Value) {
        match self {
            Vars::Hash { hasher, stopped } => {
                key.hash(hasher);
                hash_serialized_until(hasher, value, *stopped);
            }
            Vars::Build(ctx) => ctx.insert_value(key, value.clone()),
        }
    }

    /// The context built (empty when fingerprinting).
    pub(super) fn into_context(self) -> Context {
        match self {
            Vars::Build(ctx) => ctx,
            Vars::Hash { .. } => Context::new(),
        }
    }

    /// The fingerprint, when fingerprinting.
    pub(super) fn fingerprint(&self) -> Option<u64> {
        match self {
            Vars::Hash { hasher, .. } => Some(hasher.finish()),
            Vars::Build(_) => None,
        }
    }
}

/// Hashes a context value through its JSON serialization, a structural
/// encoding. The typed contexts serialize in field order and hold only ordered
/// maps, so equal values hash equally (a `tera::Value` would not do: its maps
/// are hash maps, iterated in a different order in each instance).
pub(super) fn hash_serialized<T: Serialize + ?Sized>(h: &mut DefaultHasher, value: &T) {
    hash_serialized_until(h, value, &|| false);
}

/// [`hash_serialized`], cut short once `stopped` (the hash is then moot).
fn hash_serialized_until<T: Serialize + ?Sized>(
    h: &mut DefaultHasher,
    value: &T,
    stopped: &(dyn Fn() -> bool + Sync),
) {
    // Serializing the contexts to JSON cannot fail (their keys are strings)
    // but for a stop.
    let _ = serde_json::to_writer(super::Until::new(HashWriter(h), stopped), value);
    0xffu8.hash(h);
}

/// The fingerprint of a body: its text and what each of its links resolved to.
pub(super) fn body_fingerprint(
    body: &str,
    drop_title: bool,
    links: &[Option<markdown::Resolved>],
) -> u64 {
    let mut h = DefaultHasher::new();
    body.hash(&mut h);
    drop_title.hash(&mut h);
    for link in links {
        match link {
            Some(r) => (1u8, &r.href, &r.title).hash(&mut h),
            None => 0u8.hash(&mut h),
        }
    }
    h.finish()
}

/// Per template name, a fingerprint of its text and of every template it
/// extends, includes or imports, transitively. A template that uses a feature
/// whose dependencies cannot be read from its tags (components) makes every
/// template depend on every other: correct, if coarse.
pub(super) fn template_fingerprints(
    sources: &BTreeMap<String, TemplateSource>,
) -> BTreeMap<String, u64> {
    let deps: BTreeMap<&str, Vec<String>> = sources
        .iter()
        .map(|(name, t)| (name.as_str(), references(&t.text)))
        .collect();
    let global = sources.values().any(|t| uses_components(&t.text));
    let mut out = BTreeMap::new();
    for name in sources.keys() {
        let mut closure: BTreeSet<&str> = BTreeSet::new();
        if global {
            closure.extend(sources.keys().map(String::as_str));
        } else {
            let mut stack = vec![name.as_str()];
            while let Some(t) = stack.pop() {
                if !closure.insert(t) {
                    continue;
                }
                for d in deps.get(t).into_iter().flatten() {
                    if let Some((key, _)) = sources.get_key_value(d.as_str()) {
                        stack.push(key.as_str());
                    }
                }
            }
        }
        let mut h = DefaultHasher::new();
        name.hash(&mut h);
        for t in closure {
            (t, &sources[t].text).hash(&mut h);
        }
        out.insert(name.clone(), h.finish());
    }
    out
}

/// The `{% ... %}` tags of a template, trimmed of `-` and spaces.
fn tags(text: &str) -> impl Iterator<Item = &str> {
    text.split("{%").skip(1).filter_map(|rest| {
        let end = rest.find("%}")?;
        Some(rest[..end].trim_matches(|c: char| c == '-' || c.is_whitespace()))
    })
}

/// The template names a template's `extends`, `include` and `import` tags name.
pub(super) fn references(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tag in tags(text) {
        let keyword = tag.split_whitespace().next().unwrap_or_default();
        if !matches!(keyword, "extends" | "include" | "import") {
            continue;
        }
        // Every string literal of the tag: one name, or a list of fallbacks.
        let mut rest = &tag[keyword.len()..];
        while let Some(start) = rest.find(['"', '\'', '`']) {
            let quote = rest[start..].chars().next().unwrap_or('"');
            let after = &rest[start + 1..];
            let Some(end) = after.find(quote) else {
                break;
            };
            out.push(after[..end].to_string());
            rest = &after[end + 1..];
        }
    }
    out
}

fn uses_components(text: &str) -> bool {
    tags(text).any(|t| t.starts_with("component"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> TemplateSource {
        TemplateSource {
            text: text.to_string(),
            display: String::new(),
            builtin: false,
        }
    }

    #[test]
    fn references_are_read_from_tags() {
        let text = r#"{% extends "base.html" %}{%- include 'partials/a.html' -%}
{% import "macros.html" as m %}{% if x %}"no.html"{% endif %}"#;
        assert_eq!(
            references(text),
            ["base.html", "partials/a.html", "macros.html"]
        );
    }

    #[test]
    fn a_template_change_moves_only_its_dependents() {
        let mut sources = BTreeMap::new();
        sources.insert(
            "base.html".to_string(),
            source("B {% include \"p.html\" %}"),
        );
        sources.insert("p.html".to_string(), source("P"));
        sources.insert(
            "page.html".to_string(),
            source("{% extends \"base.html\" %}"),
        );
        sources.insert("alone.html".to_string(), source("A"));
        let before = template_fingerprints(&sources);
        sources.insert("p.html".to_string(), source("P2"));
        let after = template_fingerprints(&sources);
        assert_ne!(before["p.html"], after["p.html"]);
        assert_ne!(before["base.html"], after["base.html"]);
        assert_ne!(before["page.html"], after["page.html"]);
        assert_eq!(before["alone.html"], after["alone.html"]);
    }

    #[test]
    fn components_make_every_template_depend_on_all() {
        let mut sources = BTreeMap::new();
        sources.insert(
            "a.html".to_string(),
            source("{% component c() %}x{% endcomponent %}"),
        );
        sources.insert("b.html".to_string(), source("B"));
        let before = template_fingerprints(&sources);
        sources.insert(
            "a.html".to_string(),
            source("{% component c() %}y{% endcomponent %}"),
        );
        assert_ne!(before["b.html"], template_fingerprints(&sources)["b.html"]);
    }

    #[test]
    fn a_stopped_fingerprint_is_cut_short() {
        let big = serde_json::json!({"content": "x".repeat(200_000)});
        let fp = |stopped: &(dyn Fn() -> bool + Sync)| {
            let mut vars = Vars::hashing(7, stopped);
            vars.insert("page", &big);
            vars.fingerprint()
        };
        let looks = std::sync::atomic::AtomicUsize::new(0);
        let stopped = || {
            looks.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            true
        };
        assert_ne!(fp(&stopped), fp(&|| false));
        // It looked at the signal, and gave up at the first look.
        assert_eq!(looks.load(std::sync::atomic::Ordering::Relaxed), 1);
    }

    #[test]
    fn equal_values_give_equal_fingerprints() {
        let fp = |v: &serde_json::Value| {
            let mut vars = Vars::hashing(7, &|| false);
            vars.insert("page", v);
            vars.fingerprint()
        };
        let a = serde_json::json!({"title": "A", "n": [1, 2]});
        let b = serde_json::json!({"title": "B", "n": [1, 2]});
        assert_eq!(fp(&a), fp(&a.clone()));
        assert_ne!(fp(&a), fp(&b));
    }
}
