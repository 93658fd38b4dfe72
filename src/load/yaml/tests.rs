//! Tests of reading YAML blocks and saying what is wrong in them.

use super::*;

#[test]
fn top_level_keys_are_found_with_their_lines() {
    let b = YamlBlock::new("title: x\n  nested: y\ntags: [a, b]\n", "f.md", 2);
    assert_eq!(b.locate("tags", None), (4, 1));
    assert_eq!(b.locate("tags", Some("b")), (4, 11));
    assert_eq!(b.locate("title", None), (2, 1));
}

#[test]
fn a_value_is_found_written_whole_before_as_part_of_another() {
    let b = YamlBlock::new(
        "related:\n  - team\n  - tea\n  - te\nprinciples: [principles/p1, principles]\nx: \"quoted te\"\n",
        "f.md",
        2,
    );
    assert_eq!(b.locate("related", Some("team")), (3, 5));
    assert_eq!(b.locate("related", Some("tea")), (4, 5));
    assert_eq!(b.locate("related", Some("te")), (5, 5));
    assert_eq!(b.locate("principles", Some("principles")), (6, 29));
    // Only inside a longer text: found there.
    assert_eq!(b.locate("x", Some("te")), (7, 12));
}

#[test]
fn unknown_keys_get_a_hint_each() {
    let b = YamlBlock::new("titel: x\nsumary: y\n", "f.md", 2);
    let d = b.unknown_keys(&["title", "summary"], "front matter");
    assert_eq!(d.len(), 2);
    assert_eq!((d[0].line, d[0].column), (2, 1));
    assert_eq!(d[0].hint.as_deref(), Some("did you mean `title`?"));
    assert_eq!(d[1].line, 3);
}

#[test]
fn foreign_keys_name_the_credo_key() {
    let b = YamlBlock::new("categories: [a]\ndescription: d\nlayout: x\n", "f.md", 2);
    let d = b.unknown_keys(&["title", "summary", "tags", "contrast"], "front matter");
    assert_eq!(
        d[0].hint.as_deref(),
        Some("credo's taxonomy is `tags`: write `tags:` instead")
    );
    assert_eq!(
        d[1].hint.as_deref(),
        Some("credo calls a page's one-line statement `summary`: write `summary:` instead")
    );
    assert!(d[2].hint.as_deref().unwrap_or_default().contains("`kind`"));
}

#[test]
fn an_unquoted_colon_gets_the_quoting_hint() {
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct T {
        title: String,
    }
    let b = YamlBlock::new("title: Step 1: notify your manager\n", "f.md", 2);
    let e = b.parse::<T>().unwrap_err();
    assert_eq!(e.line, 2);
    assert!(
        e.hint
            .as_deref()
            .unwrap_or_default()
            .contains("must be quoted"),
        "{e:?}"
    );
}

#[derive(serde::Deserialize, Debug, Default)]
#[serde(default)]
#[allow(dead_code)]
struct Meta {
    title: String,
    weight: i64,
    tags: Vec<String>,
    extra: std::collections::BTreeMap<String, serde_json::Value>,
    items: Vec<serde_yaml::Value>,
}

const META_KEYS: &[&str] = &["title", "weight", "tags", "extra", "items"];

/// Each error as `line:col: message`, and its hint.
fn said(yaml: &str, file: &str, first_line: usize) -> Vec<(String, Option<String>)> {
    let b = YamlBlock::new(yaml, file, first_line);
    let (_, errors): (Meta, _) = b.parse_keys(META_KEYS, "front matter");
    (errors.into_iter())
        .map(|d| (format!("{}:{}: {}", d.line, d.column, d.message), d.hint))
        .collect()
}

#[test]
fn a_key_written_twice_is_reported_at_the_second_and_the_rest_read_on() {
    let b = YamlBlock::new(
        "title: dup
title: again
weight: x
",
        "f.md",
        2,
    );
    let (meta, errors): (Meta, _) = b.parse_keys(META_KEYS, "front matter");
    let shown: Vec<String> = (errors.iter())
        .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
        .collect();
    assert_eq!(
        shown,
        [
            "3:1: `title` is written twice, on line 2 and here; a key holds one value",
            "4:9: weight: expected a whole number, found the text \"x\"",
        ]
    );
    assert_eq!(
        errors[0].hint.as_deref(),
        Some("keep one `title:` and delete the other, or merge their values into one")
    );
    // The first is the one read on.
    assert_eq!(meta.title, "dup");
    // A file that is all YAML, read whole (a theme's theme.yaml).
    let b = YamlBlock::new("name: a\nname: b\n", "theme.yaml", 1);
    let e = b.parse::<serde_yaml::Mapping>().unwrap_err();
    assert_eq!((e.line, e.column), (2, 1));
}

#[test]
fn a_nested_key_written_twice_is_reported_at_the_second() {
    for (yaml, at) in [
        ("title: t\nitems:\n  - text: a\n    text: b\n", "5:5"),
        ("title: t\nitems:\n  - {text: a, id: x, text: c}\n", "4:22"),
        (
            "title: t\nitems:\n  - x: {a: 1}\n    y: 2\n    x: 3\n",
            "6:5",
        ),
    ] {
        let e = said(yaml, "f.md", 2);
        let first = e[0].0.split_once(": ").map(|(p, _)| p);
        assert_eq!(first, Some(at), "{yaml:?}: {e:?}");
        assert!(
            e[0].0
                .ends_with("is written twice, on line 4 and here; a key holds one value"),
            "{e:?}"
        );
    }
}

#[test]
fn a_block_that_is_no_mapping_is_said_in_words_at_its_first_line() {
    assert_eq!(
        said("- a\n", "f.md", 2),
        [(
            "2:1: front matter must be keys and values (`title: …`), not a list".to_string(),
            Some("write one `key: value` per line, each key at the start of its line".to_string())
        )]
    );
    assert_eq!(
        said("just words\n", "credo.yaml", 1)[0].0,
        "1:1: credo.yaml must be keys and values (`title: …`), not the text \"just words\""
    );
    assert!(!YamlBlock::new("- a\n", "f.md", 2).holds_keys());
    assert!(YamlBlock::new("", "f.md", 2).holds_keys());
    let e = said("title: t\nextra: [a]\n", "f.md", 2);
    assert_eq!(
        e,
        [(
            "3:8: extra: expected keys and values, found a list".to_string(),
            Some("write one `name: value` per line below `extra:`, indented".to_string())
        )]
    );
}

#[test]
fn a_bracket_never_closed_is_reported_where_it_opens() {
    let hint = Some("end the list with `]`, as in `[a, b]`".to_string());
    // At the block's end, before the next key, at the file's end.
    for (yaml, first_line, at) in [
        ("title: x\nweight: [1\n", 2, "3:9"),
        ("title: x\ntags: [a,\n  b\nweight: 2\n", 2, "3:7"),
        ("title: [x", 1, "1:8"),
    ] {
        assert_eq!(
            said(yaml, "f.md", first_line),
            [(format!("{at}: this `[` is never closed"), hint.clone())],
            "{yaml:?}"
        );
    }
    assert_eq!(
        said("title: x\nextra: {a: 1\n", "f.md", 2)[0].0,
        "3:8: this `{` is never closed"
    );
    // A mistake on the bracket's own line stays where YAML found it.
    let e = said("title: x\ntags: [a, b c: d]\n", "f.md", 2);
    assert!(!e[0].0.contains("never closed"), "{e:?}");
}

#[test]
fn serde_positions_are_shifted_to_file_lines() {
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct T {
        n: i64,
    }
    let b = YamlBlock::new("n: [1]\n", "f.md", 2);
    let e = b.parse::<T>().unwrap_err();
    assert_eq!(e.line, 2);
}

#[test]
fn a_tab_in_the_indentation_is_named_where_it_is() {
    for (yaml, at) in [
        ("title: t\nsteps:\n\t- ref: a\n", (4, 1)),
        ("title: t\nextra:\n  x: 1\n  y:\n  \t- 1\n", (6, 3)),
        ("\ttitle: t\n", (2, 1)),
    ] {
        let b = YamlBlock::new(yaml, "f.md", 2);
        let e = b.parse::<serde_yaml::Mapping>().unwrap_err();
        assert_eq!((e.line, e.column), at, "{yaml}");
        assert_eq!(
            e.hint,
            Some(format!(
                "YAML indents with spaces, not tabs: replace the tab at line {}",
                at.0
            )),
            "{yaml}"
        );
    }
    // A tab between a key and its value is allowed, and no error.
    assert!(
        YamlBlock::new("title:\tt\n", "f.md", 2)
            .parse::<serde_yaml::Mapping>()
            .is_ok()
    );
}

/// An alias naming another key's anchor (`contact: *o` after `owner: &o
/// Ops`) is valid YAML: a mistake elsewhere in the block (an unknown key)
/// gave it a second error, "unknown anchor", and lost every key it read.
#[test]
fn an_alias_to_another_keys_anchor_is_no_error_beside_an_unknown_key() {
    let yaml =
        "base: &b\n  owner: Ops\ntitle: &t Refunds\nextra:\n  <<: *b\n  heading: *t\ntags: [*t]\n";
    let b = YamlBlock::new(yaml, "f.md", 2);
    let (meta, errors): (Meta, _) = b.parse_keys(META_KEYS, "front matter");
    let shown: Vec<String> = (errors.iter())
        .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
        .collect();
    assert_eq!(shown, ["2:1: unknown key `base` in front matter"]);
    assert_eq!(meta.title, "Refunds");
    assert_eq!(meta.tags, ["Refunds"]);
    assert_eq!(meta.extra["heading"], "Refunds");
    // A value of the wrong type is still reported at its line, alias or not.
    let said = said("base: &n 1.5\nweight: *n\ntitle: x\n", "f.md", 2);
    assert_eq!(
        said[1].0,
        "3:9: weight: expected a whole number, found the number 1.5"
    );
}

/// The keys that fit are kept beside a mistake elsewhere in the block,
/// whatever their values look like: `title: 1984` and `tags: [2024]` are
/// text, and were lost with every other key once the block had an error.
#[test]
fn keys_that_fit_are_kept_beside_an_error_whatever_their_values_look_like() {
    let yaml = "title: 1984\ntags: [2024, a]\nbogus: 1\n";
    let b = YamlBlock::new(yaml, "f.md", 2);
    let (meta, errors): (Meta, _) = b.parse_keys(META_KEYS, "front matter");
    assert_eq!(errors.len(), 1);
    assert_eq!(meta.title, "1984");
    assert_eq!(meta.tags, ["2024", "a"]);
    // With an alias to a bad key's anchor too.
    let yaml = "bogus: &t 1984\ntitle: *t\ntags: [2024]\n";
    let b = YamlBlock::new(yaml, "f.md", 2);
    let (meta, _): (Meta, _) = b.parse_keys(META_KEYS, "front matter");
    assert_eq!(meta.title, "1984");
    assert_eq!(meta.tags, ["2024"]);
}
