//! `credo import`'s front-matter conversion: a TOML block read, mapped onto
//! credo's keys for a page and for a section, and written as YAML. Any input
//! must give a value or an error, never a panic, and whatever is written
//! must read back as YAML.
#![no_main]

use credo::import::frontmatter::{Format, Role, convert, parse_block, render, split};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(block) = std::str::from_utf8(data) else { return };
    let page = format!("+++\n{block}\n+++\nBody\n");
    let parts = split(&page);
    let Ok(raw) = parse_block(parts.format, parts.block) else { return };
    for role in [Role::Page, Role::Section] {
        let converted = convert(raw.clone(), role);
        let text = render(&converted.meta, parts.body);
        let written = split(&text);
        if !converted.meta.is_empty() {
            assert_eq!(written.format, Format::Yaml);
            assert!(parse_block(Format::Yaml, written.block).is_ok(), "{text}");
        }
    }
});
