//! Every internal URL of a built site, in every file that holds URLs (pages,
//! the sitemap and feed, handbook.json, the search index, the Markdown
//! copies): it carries the path of `base_url` (SPEC §5) and leads to a file
//! the build wrote. The flagship, in two languages, built for a sub-path.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::harness::snapshot;

const ORIGIN: &str = "https://x.example";
const BASE: &str = "/handbook/";

/// The attribute values of `html` that are root-relative URLs (`="/…"`), by
/// attribute name; each URL of a `srcset` on its own.
fn html_urls(html: &str) -> Vec<(String, String)> {
    let mut urls = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find("=\"/") {
        let name_start = rest[..at]
            .rfind(|c: char| c.is_whitespace())
            .map_or(0, |i| i + 1);
        let name = rest[name_start..at].to_string();
        let value_start = at + 2;
        let Some(len) = rest[value_start..].find('"') else {
            break;
        };
        let value = &rest[value_start..value_start + len];
        if name == "srcset" {
            for candidate in value.split(',') {
                let url = candidate.split_whitespace().next().unwrap_or_default();
                urls.push((name.clone(), url.to_string()));
            }
        } else {
            urls.push((name, value.to_string()));
        }
        rest = &rest[value_start + len..];
    }
    urls
}

/// The URLs written after `key` in `text` up to `end`, each as it stands.
fn urls_after(text: &str, key: &str, end: char) -> Vec<String> {
    text.match_indices(key)
        .filter_map(|(at, _)| {
            let value = &text[at + key.len()..];
            value.find(end).map(|len| value[..len].to_string())
        })
        .collect()
}

/// The output file a root-relative `url` leads to, if the build wrote it.
fn leads_to_a_file(files: &BTreeMap<PathBuf, Vec<u8>>, url: &str) -> bool {
    let path = url.split(['#', '?']).next().unwrap_or_default();
    let Some(rel) = path.strip_prefix(BASE) else {
        return false;
    };
    let rel = percent_encoding::percent_decode_str(rel).decode_utf8_lossy();
    let rel = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.into_owned()
    };
    files.contains_key(Path::new(&rel))
}

#[test]
fn every_internal_url_carries_the_base_path_and_leads_to_a_file() {
    let out = tempfile::tempdir().unwrap();
    let built = std::process::Command::new(env!("CARGO_BIN_EXE_credo"))
        .args(["build", "--base-url", &format!("{ORIGIN}{BASE}"), "-r"])
        .arg(env!("CARGO_MANIFEST_DIR"))
        .arg("-o")
        .arg(out.path())
        .output()
        .unwrap();
    assert!(
        built.status.success(),
        "{}",
        String::from_utf8_lossy(&built.stderr)
    );
    let files = snapshot(out.path());
    let mut checked = 0;
    let mut wrong = Vec::new();
    for (path, bytes) in &files {
        let text = String::from_utf8_lossy(bytes);
        let name = path.to_string_lossy();
        let urls: Vec<String> = match path.extension().and_then(|e| e.to_str()) {
            Some("html") => html_urls(&text).into_iter().map(|(_, u)| u).collect(),
            Some("xml") => [
                urls_after(&text, "<loc>", '<'),
                urls_after(&text, "href=\"", '"'),
                urls_after(&text, "<id>", '<'),
            ]
            .concat()
            .into_iter()
            .filter_map(|u| u.strip_prefix(ORIGIN).map(str::to_string))
            .collect(),
            Some("json") => urls_after(&text, "\"url\":\"", '"'),
            Some("md") => urls_after(&text, "](/", ')')
                .into_iter()
                .map(|u| format!("/{u}"))
                .collect(),
            _ => continue,
        };
        for url in urls {
            // `//host/x` is another host, as a browser reads it.
            if url.starts_with("//") {
                continue;
            }
            checked += 1;
            if !leads_to_a_file(&files, &url) {
                wrong.push(format!("{name}: {url}"));
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    assert!(
        wrong.is_empty(),
        "{} internal URLs lack {BASE} or lead to no file:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    // The flagship links a great deal; a scan that found little is broken.
    assert!(checked > 5_000, "only {checked} URLs found");
    assert!(files.contains_key(Path::new("de/index.html")));
}

#[test]
fn the_url_scanner_finds_attribute_values_and_srcset_entries() {
    let html = r#"<a href="/x/">X</a><img src="/a.png" srcset="/a.png 1x, /b.png 2x" alt="y"><a href="https://o.example/">o</a>"#;
    let urls: Vec<String> = html_urls(html).into_iter().map(|(_, u)| u).collect();
    assert_eq!(urls, ["/x/", "/a.png", "/a.png", "/b.png"]);
}
