//! Front matter: split a file and parse its YAML as a page and as a section.
//! Any input must give a value or diagnostics, never a panic.
#![no_main]

use credo::load::frontmatter::{parse_page, parse_section, split};
use credo::load::normalise_text;
use credo::load::yaml::YamlBlock;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let text = normalise_text(text);
    if let Ok(parts) = split(&text, "content/fuzz.md") {
        let block = YamlBlock::new(parts.yaml, "content/fuzz.md", 2);
        let _ = parse_page(&block);
        let _ = parse_section(&block);
        for key in ["title", "checklist", "steps", "tags"] {
            let _ = block.locate(key, Some("x"));
        }
    }
});
