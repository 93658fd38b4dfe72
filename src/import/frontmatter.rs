//! Another generator's front matter → credo's.
//!
//! A page is split into its block (YAML between `---` lines, TOML between
//! `+++` lines) and its body, which is never touched. The block is read as a
//! YAML mapping (TOML is converted value by value); [`convert`] then maps the
//! keys every generator shares onto credo's (`description` → `summary`,
//! `categories` → `tags`, `nav_order` → `weight`, ...) and moves every other
//! key under `extra:`, so nothing is lost and credo's strict key check passes.

use serde_yaml::{Mapping, Value};

/// How a page's front matter is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// No front matter (or an unclosed block, which is left for credo to report).
    None,
    /// `---` … `---`.
    Yaml,
    /// `+++` … `+++` (Hugo, Zola).
    Toml,
}

/// A page cut into its front-matter block and its body.
#[derive(Debug)]
pub struct Parts<'a> {
    /// How the block is written.
    pub format: Format,
    /// The block's text, without its delimiter lines.
    pub block: &'a str,
    /// Everything after the closing delimiter line, byte for byte.
    pub body: &'a str,
}

/// Cuts `text` into front matter and body. A block that is never closed is
/// treated as body: credo's own check then points at it.
pub fn split(text: &str) -> Parts<'_> {
    let none = Parts {
        format: Format::None,
        block: "",
        body: text,
    };
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let format = match first.trim_start_matches('\u{feff}').trim_end() {
        "---" => Format::Yaml,
        "+++" => Format::Toml,
        _ => return none,
    };
    let delimiter = if format == Format::Yaml { "---" } else { "+++" };
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == delimiter {
            return Parts {
                format,
                block: &rest[..offset],
                body: &rest[offset + line.len()..],
            };
        }
        offset += line.len();
    }
    none
}

/// Reads a front-matter block as a mapping with string keys.
pub fn parse_block(format: Format, block: &str) -> Result<Mapping, String> {
    let value = match format {
        Format::None => return Ok(Mapping::new()),
        Format::Yaml => serde_yaml::from_str::<Value>(block).map_err(|e| e.to_string())?,
        Format::Toml => {
            let table: toml::Table = block
                .parse()
                .map_err(|e: toml::de::Error| e.message().to_string())?;
            toml_to_yaml(toml::Value::Table(table))
        }
    };
    match normalise(value) {
        Value::Mapping(map) => Ok(map),
        Value::Null => Ok(Mapping::new()),
        _ => Err("the front matter is not a list of `key: value` lines".to_string()),
    }
}

/// A TOML value as the YAML value that means the same. Dates and times have
/// no YAML type credo reads, so they become their TOML text.
pub(crate) fn toml_to_yaml(value: toml::Value) -> Value {
    match value {
        toml::Value::String(s) => Value::String(s),
        toml::Value::Integer(i) => Value::from(i),
        toml::Value::Float(f) => Value::from(f),
        toml::Value::Boolean(b) => Value::Bool(b),
        toml::Value::Datetime(d) => Value::String(d.to_string()),
        toml::Value::Array(items) => Value::Sequence(items.into_iter().map(toml_to_yaml).collect()),
        toml::Value::Table(table) => Value::Mapping(
            table
                .into_iter()
                .map(|(k, v)| (Value::String(k), toml_to_yaml(v)))
                .collect(),
        ),
    }
}

/// Drops YAML tags and turns every mapping key into a string, so any value
/// can live under credo's `extra:` (a JSON map). A tag with no value of its
/// own (MkDocs' `!!python/name:x`) is kept as its text.
pub(crate) fn normalise(value: Value) -> Value {
    match value {
        Value::Tagged(tagged) => match tagged.value {
            Value::Null => Value::String(tagged.tag.to_string()),
            Value::String(s) if s.is_empty() => Value::String(tagged.tag.to_string()),
            inner => normalise(inner),
        },
        Value::Sequence(items) => Value::Sequence(items.into_iter().map(normalise).collect()),
        Value::Mapping(map) => Value::Mapping(
            map.into_iter()
                .map(|(k, v)| (Value::String(key_name(&k)), normalise(v)))
                .collect(),
        ),
        other => other,
    }
}

/// A mapping key as text.
pub(crate) fn key_name(key: &Value) -> String {
    match key {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Null => "null".to_string(),
        other => serde_yaml::to_string(other)
            .map(|s| s.trim_end().to_string())
            .unwrap_or_default(),
    }
}

/// Which front-matter keys credo accepts in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// An ordinary page.
    Page,
    /// A folder's own page (`_index.md`, or `index.md`/`README.md` of a
    /// section): only `title`, `summary`, `weight` and `extra` carry over.
    Section,
}

/// A converted block and what the conversion did.
#[derive(Debug, Default, PartialEq)]
pub struct Converted {
    /// The credo front matter.
    pub meta: Mapping,
    /// Foreign keys mapped onto a credo key: (`description`, `summary`).
    pub mapped: Vec<(String, &'static str)>,
    /// Keys moved under `extra:`.
    pub moved: Vec<String>,
    /// The page's position as its generator orders it (`weight`,
    /// `nav_order`, `sidebar_position`), fractions included.
    pub position: Option<f64>,
}

/// The credo keys a conversion fills, gathered before they are written in
/// credo's usual order.
#[derive(Default)]
struct Slots {
    title: Option<String>,
    summary: Option<String>,
    weight: Option<i64>,
    sort_by: Option<String>,
    tags: Vec<String>,
    draft: Option<bool>,
    aliases: Vec<String>,
    /// credo's own keys the source already wrote, with values credo reads
    /// (`owner: People team`, `reviewed: 2024-01-01`): kept as they are.
    own: Vec<(&'static str, Value)>,
    extra: Mapping,
}

/// Maps a foreign front matter onto credo's keys; see the module doc.
pub fn convert(raw: Mapping, role: Role) -> Converted {
    let mut slots = Slots::default();
    let mut out = Converted::default();
    for (key, value) in raw {
        let key = key_name(&key);
        let taken = match role {
            Role::Page => take_page_key(&key, &value, &mut slots, &mut out),
            Role::Section => take_section_key(&key, &value, &mut slots, &mut out),
        };
        if !taken {
            move_to_extra(key, value, &mut slots.extra, &mut out);
        }
    }
    out.meta = slots.into_mapping();
    out
}

/// Keys both pages and sections have; `true` when `key` was taken.
fn take_shared_key(key: &str, value: &Value, slots: &mut Slots, out: &mut Converted) -> bool {
    match key {
        "title" if slots.title.is_none() => scalar_text(value).is_some_and(|t| {
            slots.title = Some(t);
            true
        }),
        // An archetype's `description: ""` says nothing: it stays under
        // `extra`, with what else the source wrote.
        "summary" | "description" if slots.summary.is_none() => scalar_text(value)
            .filter(|s| !s.trim().is_empty())
            .is_some_and(|s| {
                slots.summary = Some(s);
                note_mapped(key, "summary", out);
                true
            }),
        "weight" | "nav_order" | "sidebar_position" if slots.weight.is_none() => {
            // `weight: "3"`, quoted as some editors and generators write it,
            // is the number its source reads.
            let quoted = || value.as_str()?.trim().parse::<f64>().ok();
            let Some(position) = value.as_f64().or_else(quoted).filter(|p| p.is_finite()) else {
                return false;
            };
            out.position = Some(position);
            // A fraction (Docusaurus allows 2.5) has no integer weight of its
            // own; the importer ranks positions into weights instead.
            if position.fract() != 0.0 || position.abs() > 1e15 {
                return false;
            }
            slots.weight = Some(position as i64);
            note_mapped(key, "weight", out);
            true
        }
        // Zola's `[extra]` and Hugo's `[params]` are credo's `extra`.
        "extra" | "params" => match value {
            Value::Mapping(map) => {
                for (k, v) in map {
                    insert_extra(&mut slots.extra, key_name(k), v.clone());
                }
                true
            }
            _ => false,
        },
        _ => false,
    }
}

/// Keys of a folder's own page; `true` when `key` was taken.
fn take_section_key(key: &str, value: &Value, slots: &mut Slots, out: &mut Converted) -> bool {
    match (key, value.as_str()) {
        // Zola's orders that credo knows too; `date` and the rest it does not.
        ("sort_by", Some(order @ ("weight" | "title"))) => {
            slots.sort_by = Some(order.to_string());
            true
        }
        _ => take_shared_key(key, value, slots, out),
    }
}

/// Keys of an ordinary page; `true` when `key` was taken.
fn take_page_key(key: &str, value: &Value, slots: &mut Slots, out: &mut Converted) -> bool {
    match key {
        "tags" | "categories" => add_strings(&comma_list(value), &mut slots.tags).then(|| {
            note_mapped(key, "tags", out);
        }),
        "aliases" | "redirect_from" => add_strings(value, &mut slots.aliases).then(|| {
            note_mapped(key, "aliases", out);
        }),
        "draft" => value.as_bool().map(|b| slots.draft = Some(b)),
        // Jekyll's `published: false` is a page kept out of the site.
        "published" => value.as_bool().map(|b| {
            slots.draft = Some(!b);
            note_mapped(key, "draft", out);
        }),
        "taxonomies" => return take_taxonomies(value, slots, out),
        // credo's own keys, where the source wrote them as credo reads them.
        "owner" => scalar_text(value)
            .filter(|o| !o.trim().is_empty())
            .map(|owner| slots.own.push(("owner", Value::String(owner)))),
        "reviewed" => scalar_text(value)
            .filter(|d| crate::load::frontmatter::Date::parse(d).is_some())
            .map(|date| slots.own.push(("reviewed", Value::String(date)))),
        "acknowledge" => value
            .as_bool()
            .map(|ack| slots.own.push(("acknowledge", Value::Bool(ack)))),
        "checklist" => crate::load::frontmatter::is_checklist(value)
            .then(|| slots.own.push(("checklist", value.clone()))),
        _ => return take_shared_key(key, value, slots, out),
    }
    .is_some()
}

/// Zola's `[taxonomies]`: its tags and categories become credo tags; any
/// other taxonomy stays under `extra.taxonomies`.
fn take_taxonomies(value: &Value, slots: &mut Slots, out: &mut Converted) -> bool {
    let Value::Mapping(map) = value else {
        return false;
    };
    let mut rest = Mapping::new();
    for (k, v) in map {
        let name = key_name(k);
        let is_tags = name == "tags" || name == "categories";
        if is_tags && add_strings(v, &mut slots.tags) {
            note_mapped(&format!("taxonomies.{name}"), "tags", out);
        } else {
            rest.insert(Value::String(name), v.clone());
        }
    }
    if !rest.is_empty() {
        move_to_extra(
            "taxonomies".into(),
            Value::Mapping(rest),
            &mut slots.extra,
            out,
        );
    }
    true
}

fn note_mapped(from: &str, to: &'static str, out: &mut Converted) {
    if from != to {
        out.mapped.push((from.to_string(), to));
    }
}

fn move_to_extra(key: String, value: Value, extra: &mut Mapping, out: &mut Converted) {
    out.moved.push(key.clone());
    insert_extra(extra, key, value);
}

/// Inserts without overwriting: a second value for a key already under
/// `extra` (a top-level key that is also in Zola's `[extra]`) keeps both.
fn insert_extra(extra: &mut Mapping, key: String, value: Value) {
    let mut name = key.clone();
    let mut n = 2;
    while extra.contains_key(name.as_str()) {
        name = format!("{key}_{n}");
        n += 1;
    }
    extra.insert(Value::String(name), value);
}

/// A string, number or boolean as text; `None` for lists, maps and null.
fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// `tags: billing, refunds` written as one text: the list it means (a tag
/// never holds a comma: credo's tag pages would be named after both).
fn comma_list(value: &Value) -> Value {
    match value {
        Value::String(text) if text.contains(',') => Value::Sequence(
            (text.split(','))
                .map(|t| Value::String(t.trim().to_string()))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// Appends a string or a list of scalars to `list`, skipping repeats;
/// `false` (nothing added) when the value has another shape.
fn add_strings(value: &Value, list: &mut Vec<String>) -> bool {
    let items: Vec<String> = match value {
        Value::Null => Vec::new(),
        Value::Sequence(items) => match items.iter().map(scalar_text).collect() {
            Some(items) => items,
            None => return false,
        },
        other => match scalar_text(other) {
            Some(text) => vec![text],
            None => return false,
        },
    };
    for item in items {
        if !item.is_empty() && !list.contains(&item) {
            list.push(item);
        }
    }
    true
}

impl Slots {
    fn into_mapping(self) -> Mapping {
        let mut map = Mapping::new();
        let mut put = |key: &str, value: Value| {
            map.insert(Value::String(key.to_string()), value);
        };
        if let Some(title) = self.title {
            put("title", Value::String(title));
        }
        if let Some(summary) = self.summary {
            put("summary", Value::String(summary));
        }
        if let Some(weight) = self.weight {
            put("weight", Value::from(weight));
        }
        if let Some(sort_by) = self.sort_by {
            put("sort_by", Value::String(sort_by));
        }
        let strings =
            |items: Vec<String>| Value::Sequence(items.into_iter().map(Value::String).collect());
        if !self.tags.is_empty() {
            put("tags", strings(self.tags));
        }
        if let Some(draft) = self.draft {
            put("draft", Value::Bool(draft));
        }
        if !self.aliases.is_empty() {
            put("aliases", strings(self.aliases));
        }
        for (key, value) in self.own {
            put(key, value);
        }
        if !self.extra.is_empty() {
            put("extra", Value::Mapping(self.extra));
        }
        map
    }
}

/// The order credo's own pages write their keys in; [`convert`] writes
/// them so, and [`in_key_order`] restores it after keys are added.
const KEY_ORDER: &[&str] = &[
    "title",
    "summary",
    "weight",
    "sort_by",
    "tags",
    "draft",
    "aliases",
    "owner",
    "reviewed",
    "acknowledge",
    "checklist",
    "extra",
];

/// `meta` with its keys in [`KEY_ORDER`] (any other key last, as it was).
pub(crate) fn in_key_order(meta: Mapping) -> Mapping {
    let rank = |key: &Value| {
        KEY_ORDER
            .iter()
            .position(|k| key.as_str() == Some(k))
            .unwrap_or(KEY_ORDER.len())
    };
    let mut entries: Vec<(Value, Value)> = meta.into_iter().collect();
    entries.sort_by_key(|(key, _)| rank(key));
    entries.into_iter().collect()
}

/// A page's text with `meta` as its YAML front matter and `body` unchanged;
/// just the body when `meta` is empty.
pub fn render(meta: &Mapping, body: &str) -> String {
    if meta.is_empty() {
        return body.to_string();
    }
    // serde quotes what needs it (`title: "Step 1: call"`).
    let yaml = serde_yaml::to_string(meta).unwrap_or_default();
    let head = format!("---\n{yaml}---\n");
    // A file of CRLF lines keeps them throughout.
    match body.contains("\r\n") {
        true => format!("{}{body}", head.replace('\n', "\r\n")),
        false => format!("{head}{body}"),
    }
}

/// `true` when the body has a level-1 heading, which credo takes as the
/// page's title when front matter gives none.
pub(crate) fn has_h1(body: &str) -> bool {
    use pulldown_cmark::{Event, HeadingLevel, Parser, Tag};
    Parser::new(body).any(|event| {
        matches!(
            event,
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            })
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(text: &str) -> Mapping {
        parse_block(Format::Yaml, text).unwrap()
    }

    #[test]
    fn split_finds_toml_and_yaml_blocks_and_keeps_the_body() {
        let parts = split("+++\ntitle = \"A\"\n+++\n\nBody\n");
        assert_eq!(parts.format, Format::Toml);
        assert_eq!(parts.block, "title = \"A\"\n");
        assert_eq!(parts.body, "\nBody\n");
        let parts = split("---\r\ntitle: A\r\n---\r\nBody");
        assert_eq!(parts.format, Format::Yaml);
        assert_eq!(parts.body, "Body");
        assert_eq!(split("# Just text\n").format, Format::None);
        assert_eq!(split("---\ntitle: never closed\n").format, Format::None);
    }

    #[test]
    fn toml_dates_tables_and_arrays_become_yaml() {
        let map = parse_block(
            Format::Toml,
            "title = \"T\"\ndate = 2021-03-04T05:06:07Z\ntags = [\"a\", \"b\"]\n[params]\nn = 1.5\n",
        )
        .unwrap();
        assert_eq!(map["date"], Value::String("2021-03-04T05:06:07Z".into()));
        assert_eq!(map["tags"][1], Value::String("b".into()));
        assert_eq!(map["params"]["n"], Value::from(1.5));
        assert!(parse_block(Format::Toml, "title = \n").is_err());
    }

    #[test]
    fn front_matter_takes_the_bodys_line_ends() {
        let meta = yaml("title: Hi\n");
        assert_eq!(
            render(&meta, "One\r\nTwo\r\n"),
            "---\r\ntitle: Hi\r\n---\r\nOne\r\nTwo\r\n"
        );
        assert_eq!(render(&meta, "One\n"), "---\ntitle: Hi\n---\nOne\n");
    }

    #[test]
    fn a_quoted_weight_is_the_number_it_says() {
        let converted = convert(yaml("title: Hi\nweight: \"3\"\n"), Role::Page);
        assert_eq!(converted.meta, yaml("title: Hi\nweight: 3\n"));
        let converted = convert(yaml("title: Hi\nnav_order: ' 2.5 '\n"), Role::Page);
        assert_eq!(converted.position, Some(2.5));
        // Words stay what they were, under `extra`.
        let converted = convert(yaml("title: Hi\nweight: heavy\n"), Role::Page);
        assert_eq!(converted.meta, yaml("title: Hi\nextra: {weight: heavy}\n"));
    }

    #[test]
    fn an_empty_description_or_owner_is_no_summary_or_owner() {
        // A Hugo archetype writes `description: ""`; an empty `summary` or
        // `owner` says nothing, so neither is made of it.
        let converted = convert(
            yaml("title: Hi\ndescription: \"\"\nowner: ''\n"),
            Role::Page,
        );
        assert_eq!(
            converted.meta,
            yaml("title: Hi\nextra: {description: '', owner: ''}\n")
        );
    }

    #[test]
    fn credos_own_keys_written_as_credo_reads_them_are_kept() {
        let converted = convert(
            yaml("title: Hi\nowner: People team\nreviewed: 2024-01-01\nacknowledge: true\n"),
            Role::Page,
        );
        assert_eq!(
            converted.meta,
            yaml("title: Hi\nowner: People team\nreviewed: 2024-01-01\nacknowledge: true\n")
        );
        // Not as credo reads them: moved under `extra`, as any other key.
        let converted = convert(yaml("title: Hi\nreviewed: last spring\n"), Role::Page);
        assert_eq!(
            converted.meta,
            yaml("title: Hi\nextra: {reviewed: last spring}\n")
        );
        let section = convert(yaml("title: S\nowner: Ops\n"), Role::Section);
        assert_eq!(section.meta, yaml("title: S\nextra: {owner: Ops}\n"));
        // A checklist in any of credo's shapes is kept; one credo cannot
        // read (a map, an item without `text`) goes under `extra`.
        let list = "checklist:\n  - Call back\n  - {text: Confirm, detail: In writing}\n  - {group: After, items: [File notes]}\n";
        let converted = convert(yaml(&format!("title: Hi\n{list}")), Role::Page);
        assert_eq!(converted.meta, yaml(&format!("title: Hi\n{list}")));
        let converted = convert(yaml("title: Hi\nchecklist: [{note: x}]\n"), Role::Page);
        assert_eq!(
            converted.meta,
            yaml("title: Hi\nextra: {checklist: [{note: x}]}\n")
        );
    }

    #[test]
    fn tags_written_as_one_text_with_commas_are_a_list() {
        let converted = convert(
            yaml("title: Hi\ntags: billing, refunds ,\ncategories: ops\n"),
            Role::Page,
        );
        assert_eq!(
            converted.meta,
            yaml("title: Hi\ntags: [billing, refunds, ops]\n")
        );
    }

    #[test]
    fn known_keys_are_mapped_and_the_rest_moved_to_extra() {
        let converted = convert(
            yaml(
                "title: Hi\ndescription: One line\ncategories: [ops]\ntags: [ops, people]\nnav_order: 3\nredirect_from: /old/\nlayout: page\ndate: 2020-01-01\n",
            ),
            Role::Page,
        );
        let expected = yaml(
            "title: Hi\nsummary: One line\nweight: 3\ntags: [ops, people]\naliases: [/old/]\nextra: {layout: page, date: 2020-01-01}\n",
        );
        assert_eq!(converted.meta, expected);
        assert_eq!(converted.moved, ["layout", "date"]);
        let mapped: Vec<_> = converted
            .mapped
            .iter()
            .map(|(f, t)| format!("{f}→{t}"))
            .collect();
        assert_eq!(
            mapped,
            [
                "description→summary",
                "categories→tags",
                "nav_order→weight",
                "redirect_from→aliases"
            ]
        );
        assert_eq!(converted.position, Some(3.0));
    }

    #[test]
    fn section_pages_keep_only_section_keys() {
        let converted = convert(
            yaml("title: Guides\ntags: [a]\nweight: 2\nsort_by: date\n"),
            Role::Section,
        );
        assert_eq!(
            converted.meta,
            yaml("title: Guides\nweight: 2\nextra: {tags: [a], sort_by: date}\n")
        );
    }

    #[test]
    fn zola_taxonomies_and_extra_merge() {
        let map = parse_block(
            Format::Toml,
            "title = \"Z\"\nauthor = \"me\"\n[taxonomies]\ntags = [\"x\"]\nauthors = [\"y\"]\n[extra]\nauthor = \"other\"\ntoc = true\n",
        )
        .unwrap();
        let converted = convert(map, Role::Page);
        assert_eq!(
            converted.meta,
            yaml(
                "title: Z\ntags: [x]\nextra: {author: me, taxonomies: {authors: [y]}, author_2: other, toc: true}\n"
            )
        );
    }

    #[test]
    fn odd_values_are_kept_not_dropped() {
        // A fractional position, a mapping as title, a string tag.
        let converted = convert(
            yaml("title: {a: 1}\nsidebar_position: 2.5\ntags: solo\npublished: false\n"),
            Role::Page,
        );
        assert_eq!(
            converted.meta,
            yaml("tags: [solo]\ndraft: true\nextra: {title: {a: 1}, sidebar_position: 2.5}\n")
        );
        assert_eq!(converted.position, Some(2.5));
    }

    #[test]
    fn yaml_tags_and_odd_keys_are_normalised() {
        // MkDocs configs carry Python tags; they must not stop the read.
        let map = yaml(
            "emoji: !!python/name:material.twemoji\nicon: !fa x\nnone: !py/x\nn: !int '3'\n1: one\n",
        );
        assert!(map["emoji"].is_string());
        assert_eq!(map["icon"], Value::String("x".into()));
        assert_eq!(map["none"], Value::String("!py/x".into()));
        assert_eq!(map["n"], Value::String("3".into()));
        assert_eq!(map["1"], Value::String("one".into()));
    }

    #[test]
    fn rendered_titles_with_colons_are_quoted_and_read_back() {
        let converted = convert(
            parse_block(Format::Toml, "title = \"Step 1: call\"\n").unwrap(),
            Role::Page,
        );
        let text = render(&converted.meta, "Body\n");
        let parts = split(&text);
        assert_eq!(parts.body, "Body\n");
        assert_eq!(
            yaml(parts.block)["title"],
            Value::String("Step 1: call".into())
        );
        assert_eq!(render(&Mapping::new(), "Body\n"), "Body\n");
    }

    #[test]
    fn h1_is_found_in_atx_and_setext_form() {
        assert!(has_h1("\n# Title\n"));
        assert!(has_h1("Title\n=====\n"));
        assert!(!has_h1("## Sub\ntext\n"));
    }
}
