//! What a result shows, in Rust: the reference `search.js` follows once it
//! has fetched a result's document file (see `docs.rs` for its shape).
//!
//! - The words are the terms each query word matched ([`Found::terms`]): a
//!   word of the text is highlighted when it folds to one of them (a run of
//!   CJK text, when it holds one).
//! - A result is a section (it opens at `url#heading`) when the page title
//!   lacks some query word and a section below an h2 or h3 holds more of the
//!   query's words than any section before it.
//! - The snippet is [`SNIPPET_WORDS`] words of that section around its first
//!   match, [`SNIPPET_BEFORE`] of them before it, wherever it is in the body
//!   (the summary, when only the summary matched or the page has no text).

use crate::markdown::highlight::escape;
use crate::site::encode_path;
use std::collections::BTreeSet;

use serde_json::Value;

use super::query::{Found, SNIPPET_BEFORE, SNIPPET_WORDS};
use super::tokenize::{fold, is_cjk};

/// A result as the reader sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// The URL path under the site's base path, percent-encoded as credo's
    /// hrefs are (`C%23%20guide/`), with `#id` for a section.
    pub url: String,
    /// The page kind.
    pub kind: String,
    /// The page title, HTML with the matches in `<mark>`.
    pub title: String,
    /// The section's heading, when the result is a section, marked alike.
    pub heading: Option<String>,
    /// The snippet, HTML with the matches in `<mark>`.
    pub snippet: String,
}

/// The result for document `doc` of what `found` found.
pub fn show(fetch: &dyn Fn(&str) -> Option<String>, found: &Found, doc: u32) -> Option<Shown> {
    let row: Value = serde_json::from_str(&fetch(&format!("search/d{doc}.json"))?).ok()?;
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    let (url, kind, title, summary) = (text(&row[0]), text(&row[1]), text(&row[2]), text(&row[3]));
    let sections: Vec<(String, String, String)> = row[4]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|s| (text(&s[0]), text(&s[1]), text(&s[2])))
                .collect()
        })
        .unwrap_or_default();
    let sets = &found.terms;
    let mut pick = 0;
    if words_in(&title, sets) < sets.len() {
        let mut most = 0;
        for (i, (_, heading, body)) in sections.iter().enumerate() {
            let n = words_in(&format!("{heading} {body}"), sets);
            if n > most {
                most = n;
                pick = i;
            }
        }
    }
    let (id, heading, body) = sections.get(pick).cloned().unwrap_or_default();
    // The summary when only the summary matched, or the page has no text.
    let body = if pick == 0
        && words_in(&body, sets) == 0
        && (body.is_empty() || words_in(&summary, sets) > 0)
    {
        summary
    } else {
        body
    };
    Some(Shown {
        url: if id.is_empty() {
            encode_path(&url)
        } else {
            format!("{}#{}", encode_path(&url), encode_path(&id))
        },
        kind,
        title: mark(&title, sets),
        heading: (pick > 0).then(|| mark(&heading, sets)),
        snippet: snippet(&body, sets),
    })
}

/// The words of `text` as `(start, end, folded)`: runs of letters and digits.
fn tokens(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i, fold(&text[s..i])));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Whether a folded word of the text is one of the matched `terms`.
fn hit(word: &str, terms: &BTreeSet<String>) -> bool {
    terms.contains(word)
        || (word.chars().any(is_cjk)
            && terms
                .iter()
                .any(|t| t.chars().any(is_cjk) && word.contains(t.as_str())))
}

/// How many of the query's words `text` holds.
fn words_in(text: &str, sets: &[BTreeSet<String>]) -> usize {
    let words = tokens(text);
    sets.iter()
        .filter(|set| words.iter().any(|(_, _, w)| hit(w, set)))
        .count()
}

/// `text` as HTML, its matched words in `<mark>`.
fn mark(text: &str, sets: &[BTreeSet<String>]) -> String {
    let mut out = String::new();
    let mut at = 0;
    for (start, end, word) in tokens(text) {
        if sets.iter().any(|set| hit(&word, set)) {
            out.push_str(&escape(&text[at..start]));
            out.push_str("<mark>");
            out.push_str(&escape(&text[start..end]));
            out.push_str("</mark>");
            at = end;
        }
    }
    out.push_str(&escape(&text[at..]));
    out
}

/// [`SNIPPET_WORDS`] words of `text` around its first match, marked.
fn snippet(text: &str, sets: &[BTreeSet<String>]) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let first = words
        .iter()
        .position(|w| {
            tokens(w)
                .iter()
                .any(|(_, _, t)| sets.iter().any(|s| hit(t, s)))
        })
        .unwrap_or(0);
    let from = first.saturating_sub(SNIPPET_BEFORE);
    let to = words.len().min(from + SNIPPET_WORDS);
    let mut out = String::new();
    if from > 0 {
        out.push_str("… ");
    }
    out.push_str(&mark(&words[from..to].join(" "), sets));
    if to < words.len() {
        out.push_str(" …");
    }
    out
}
