//! The query algorithm of `search.js`, in Rust: the reference the browser code
//! follows, and what the tests use to query a written index the way a reader's
//! browser does.
//!
//! Every query word is a prefix ("compet" finds "competence"); an exact term
//! counts fully, a longer one four fifths. A document must match every word;
//! its score is the sum of its best match per word.

use std::collections::HashMap;

use super::tokenize::term_list;

/// How many neighbouring chunks a prefix may span before the search stops
/// widening (a one-letter prefix would otherwise fetch the whole dictionary).
pub const MAX_CHUNKS_PER_WORD: usize = 3;

/// Runs `query` against an index whose files `fetch` returns by path
/// (`search/manifest.json`...). Returns `(doc, score)`, best first.
pub fn search(fetch: &dyn Fn(&str) -> Option<String>, query: &str) -> Vec<(u32, u32)> {
    let Some(manifest) = fetch("search/manifest.json")
        .and_then(|m| serde_json::from_str::<serde_json::Value>(&m).ok())
    else {
        return Vec::new();
    };
    let firsts: Vec<&str> = manifest["chunks"]
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_str()).collect())
        .unwrap_or_default();
    let mut words = term_list(query);
    words.dedup();
    let mut total: Option<HashMap<u32, u32>> = None;
    for word in &words {
        let mut best: HashMap<u32, u32> = HashMap::new();
        let start = firsts
            .partition_point(|f| *f <= word.as_str())
            .saturating_sub(1);
        for (i, _) in firsts
            .iter()
            .enumerate()
            .skip(start)
            .take(MAX_CHUNKS_PER_WORD)
        {
            if i > start && !firsts[i].starts_with(word.as_str()) {
                break;
            }
            let Some(chunk) = fetch(&format!("search/c{i}.json")).and_then(|c| {
                serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&c).ok()
            }) else {
                continue;
            };
            for (term, list) in chunk.iter().filter(|(t, _)| t.starts_with(word.as_str())) {
                let factor = if term == word { 5 } else { 4 };
                let numbers: Vec<u32> = list
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|v| v.as_u64())
                            .map(|v| u32::try_from(v).unwrap_or(u32::MAX))
                            .collect()
                    })
                    .unwrap_or_default();
                let mut doc = 0;
                for pair in numbers.chunks(2) {
                    if let [delta, score] = pair {
                        doc += delta;
                        let s = score * factor;
                        let e = best.entry(doc).or_default();
                        *e = (*e).max(s);
                    }
                }
            }
        }
        total = Some(match total {
            None => best,
            Some(sofar) => sofar
                .into_iter()
                .filter_map(|(doc, s)| best.get(&doc).map(|b| (doc, s + b)))
                .collect(),
        });
    }
    let mut ranked: Vec<(u32, u32)> = total.unwrap_or_default().into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked
}
