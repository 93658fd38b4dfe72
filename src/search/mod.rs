//! The search index: small to fetch, cheap to build, found by prefix, by word
//! form and despite a typo.
//!
//! Input: one [`SearchDoc`] per page, from text the render stage already has,
//! and the site's language. Output: files under `search/` that `search.js`
//! reads with no server code:
//!
//! - `search/manifest.json`: `{v, docs, lang, chunks: [first term of each chunk]}`;
//!   a few kilobytes even for 10 000 pages.
//! - `search/c{i}.json`: chunk `i` of the sorted term dictionary, an object
//!   `{term: [stem?, doc delta, value, doc delta, value, ...]}`, each chunk
//!   under [`CHUNK_BYTES`]. A prefix lives in one chunk, or a few neighbours.
//!   `stem` (a string) is the term's Snowball stem in the site's language when
//!   it differs from the term: the forms of a word are the terms sharing a
//!   stem, and they sort next to it. `value` is `score * 4 + fields`, where
//!   `fields` has 2 when the term is in the document's title and 1 when it is
//!   in its summary: ranking puts title hits for every query word first.
//! - `search/d{id}.json`: one document, fetched only for a result shown:
//!   `[url, kind, title, summary, [[heading id, heading, text], ...]]`, its
//!   body cut at its h2 and h3 headings (the first section has no heading),
//!   so a snippet can be cut around a match anywhere and a result can open at
//!   a section.
//!
//! Scores are BM25 with field weights (title over summary and headings over
//! tags and kind over body), quantised to integers; a term keeps its
//! [`MAX_POSTINGS`] best documents, which bounds every chunk and the work per
//! query on large sites. Output is deterministic: terms are sorted, ties broken
//! by document order.

mod docs;
pub(crate) use docs::{doc_bytes, doc_path};
pub mod query;
pub mod show;
pub(crate) mod tokenize;

use std::fmt::Write as _;

use ahash::AHashMap;
use rayon::prelude::*;

/// One page as the index sees it.
#[derive(Debug, Clone)]
pub(crate) struct SearchDoc<'a> {
    /// Site-relative URL path without the base path (`scenarios/late/`, `""` for home).
    pub url: &'a str,
    /// The page kind (`principle`, `scenario`, ..., `section`).
    pub kind: &'a str,
    /// Title.
    pub title: &'a str,
    /// Summary (may be empty).
    pub summary: &'a str,
    /// Tags.
    pub tags: &'a [String],
    /// Headings of the body, in order.
    pub headings: Vec<SearchHeading<'a>>,
    /// Plain text of the body, a heading's text on a line of its own that
    /// starts with [`HEADING_MARK`](crate::markdown::HEADING_MARK).
    pub body: &'a str,
    /// Text the page shows before its body, from its front matter (an
    /// attitude's contrast): searched as body text, in the first section.
    pub before: Vec<&'a str>,
    /// A part the page shows after its body, from its front matter (a
    /// checklist): searched as body text, a section of its own.
    pub after: Option<SearchPart<'a>>,
}

/// A part of a page after its body, under a heading (see
/// [`SearchDoc::after`]).
#[derive(Debug, Clone)]
pub(crate) struct SearchPart<'a> {
    /// The heading's id on the page.
    pub id: &'a str,
    /// The heading.
    pub heading: &'a str,
    /// Its texts, each a line.
    pub texts: Vec<&'a str>,
}

/// A heading of a [`SearchDoc`]'s body.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SearchHeading<'a> {
    /// 1–6.
    pub level: u8,
    /// The heading's id on the page.
    pub id: &'a str,
    /// Its plain text.
    pub text: &'a str,
}

/// A file of the index, its path relative to the output root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct IndexFile {
    /// `search/manifest.json`, `search/c0.json`, ...
    pub path: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// Where the index files go, relative to the output root.
pub(crate) const INDEX_FOLDER: &str = "search/";
/// A chunk of the dictionary is cut before it grows past this many bytes:
/// small, because a query word fetches one or two of them, as a reader types.
pub(crate) const CHUNK_BYTES: usize = 5 * 1024;
/// A small handbook's dictionary is cut into at most this many chunks (see
/// `chunk_starts`).
const TARGET_CHUNKS: usize = 64;
/// A term keeps at most this many documents, its best-scoring ones.
pub(crate) const MAX_POSTINGS: usize = 200;
/// Field flags of a posting's value (see the module doc).
pub(crate) const IN_TITLE: u32 = 2;
/// See [`IN_TITLE`].
pub(crate) const IN_SUMMARY: u32 = 1;

/// Field weights: title, summary, headings, tags and kind, body.
const WEIGHTS: [f32; 5] = [10.0, 5.0, 4.0, 3.0, 1.0];
const K1: f32 = 1.2;
const B: f32 = 0.75;

/// Each term's postings: the documents holding it, in document order, with
/// their per-field term frequencies.
type Postings = AHashMap<Box<str>, Vec<Posting>>;

/// A document holding a term, with the term's count in each field.
type Posting = (u32, [u16; 5]);

/// A term, its stem when it differs, and its documents, each with a value.
type Scored = (Box<str>, Option<String>, Vec<(u32, u32)>);

/// Adds the terms of `docs` (numbered from `first`) to `postings`; returns
/// each document's body length in terms. A term's text is stored once per
/// run of documents, not once per document that holds it: on a large site
/// the index stays a small part of the build's memory.
fn add_docs(
    postings: &mut Postings,
    first: usize,
    docs: &[SearchDoc<'_>],
    stopped: &(dyn Fn() -> bool + Sync),
) -> Vec<usize> {
    let mut body_lens = Vec::with_capacity(docs.len());
    for (i, doc) in docs.iter().enumerate() {
        if stopped() {
            break;
        }
        let id = u32::try_from(first + i).unwrap_or(u32::MAX);
        let mut add = |field: usize, text: &str| {
            let mut count = 0;
            tokenize::terms(text, |t| {
                count += 1;
                let list = match postings.get_mut(t) {
                    Some(list) => list,
                    None => postings.entry(t.into()).or_default(),
                };
                match list.last_mut() {
                    Some((doc, tf)) if *doc == id => tf[field] = tf[field].saturating_add(1),
                    _ => {
                        let mut tf = [0; 5];
                        tf[field] = 1;
                        list.push((id, tf));
                    }
                }
            });
            count
        };
        add(0, doc.title);
        add(1, doc.summary);
        for h in &doc.headings {
            add(2, h.text);
        }
        for t in doc.tags {
            add(3, t);
        }
        add(3, doc.kind);
        let mut body_len = add(4, doc.body);
        for text in doc
            .before
            .iter()
            .chain(doc.after.iter().flat_map(|a| &a.texts))
        {
            body_len += add(4, text);
        }
        body_lens.push(body_len);
    }
    body_lens
}

/// A posting's value: its score and whether the term is in the title or
/// the summary (see the module doc).
fn score(tf: &[u16; 5], body_len: usize, avg_body: f32, idf: f32) -> u32 {
    let mut s = 0.0;
    for (field, &n) in tf.iter().enumerate() {
        if n == 0 {
            continue;
        }
        let n = f32::from(n);
        let norm = if field == 4 {
            1.0 - B + B * body_len as f32 / avg_body.max(1.0)
        } else {
            1.0
        };
        s += WEIGHTS[field] * n * (K1 + 1.0) / (n + K1 * norm);
    }
    let fields = if tf[0] > 0 { IN_TITLE } else { 0 } | if tf[1] > 0 { IN_SUMMARY } else { 0 };
    ((s * idf * 10.0).round() as u32).max(1) * 4 + fields
}

/// Builds the index files for `docs` (document ids are their positions), in
/// a site whose `language` is a code such as `en` or `de-CH`.
#[cfg(test)]
pub(crate) fn build_index(docs: &[SearchDoc<'_>], language: &str) -> Vec<IndexFile> {
    build_index_until(docs, language, &|| false).unwrap_or_default()
}

/// The Snowball stemmer of a language code, when there is one.
pub(crate) fn stemmer(language: &str) -> Option<rust_stemmers::Stemmer> {
    use rust_stemmers::Algorithm as A;
    let code = language.split(['-', '_']).next().unwrap_or_default();
    let algorithm = match code.to_ascii_lowercase().as_str() {
        "ar" => A::Arabic,
        "da" => A::Danish,
        "nl" => A::Dutch,
        "en" => A::English,
        "fi" => A::Finnish,
        "fr" => A::French,
        "de" => A::German,
        "el" => A::Greek,
        "hu" => A::Hungarian,
        "it" => A::Italian,
        "no" | "nb" | "nn" => A::Norwegian,
        "pt" => A::Portuguese,
        "ro" => A::Romanian,
        "ru" => A::Russian,
        "es" => A::Spanish,
        "sv" => A::Swedish,
        "ta" => A::Tamil,
        "tr" => A::Turkish,
        _ => return None,
    };
    Some(rust_stemmers::Stemmer::create(algorithm))
}

/// The stem `term` is listed under, when it differs from the term. Words of
/// one or two letters and CJK terms have none: stemming them finds nothing
/// a prefix does not.
fn stem_of(stemmer: Option<&rust_stemmers::Stemmer>, term: &str) -> Option<String> {
    let stemmer = stemmer?;
    if term.chars().count() < 3 || term.chars().any(tokenize::is_cjk) {
        return None;
    }
    let stem = stemmer.stem(term);
    (stem != term && !stem.is_empty()).then(|| stem.into_owned())
}

/// [`build_index`], given up (`None`) soon after `stopped` turns true:
/// `serve` drops a rebuild that a newer change made moot, and on a large
/// site the index is a tenth of a second of work that nothing would read.
pub(crate) fn build_index_until(
    docs: &[SearchDoc<'_>],
    language: &str,
    stopped: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<IndexFile>> {
    let mut files = build_dictionary_until(docs, language, stopped)?;
    files.extend(docs::doc_files(docs));
    Some(files)
}

/// The index less its document files: the dictionary's chunks and the
/// manifest. A build writes each document file ([`doc_path`],
/// [`doc_bytes`]) straight to its output folder instead, alongside.
pub(crate) fn build_dictionary_until(
    docs: &[SearchDoc<'_>],
    language: &str,
    stopped: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<IndexFile>> {
    // Runs of consecutive documents are indexed in parallel and combined in
    // document order, so every posting list stays sorted by document.
    let run = docs.len().div_ceil(rayon::current_num_threads() * 4).max(1);
    let runs: Vec<(Postings, Vec<usize>)> = docs
        .par_chunks(run)
        .enumerate()
        .map(|(r, chunk)| {
            let mut postings = Postings::new();
            let lens = add_docs(&mut postings, r * run, chunk, stopped);
            (postings, lens)
        })
        .collect();
    if stopped() {
        return None;
    }
    let mut body_lens = Vec::with_capacity(docs.len());
    let mut lists: Vec<(Box<str>, Vec<Posting>)> = Vec::new();
    for (postings, lens) in runs {
        body_lens.extend(lens);
        lists.extend(postings);
    }
    let avg_body = body_lens.iter().sum::<usize>() as f32 / body_lens.len().max(1) as f32;

    // Sorted once here: the dictionary's order makes the chunks and the bytes.
    // The sort is stable, so a term's lists stay in run order, which is
    // document order; they are scored where they lie rather than joined
    // first (joining doubled the index's memory on large sites).
    lists.par_sort_by(|a, b| a.0.cmp(&b.0));
    let terms: Vec<&[(Box<str>, Vec<Posting>)]> = lists.chunk_by(|a, b| a.0 == b.0).collect();
    let n = docs.len() as f32;
    let stemmer = stemmer(language);
    let scored: Vec<Scored> = terms
        .into_par_iter()
        .map(|group| {
            if stopped() {
                return (Box::default(), None, Vec::new());
            }
            let df = group.iter().map(|(_, l)| l.len()).sum::<usize>() as f32;
            let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
            let mut list: Vec<(u32, u32)> = group
                .iter()
                .flat_map(|(_, l)| l)
                .map(|&(doc, tf)| (doc, score(&tf, body_lens[doc as usize], avg_body, idf)))
                .collect();
            if list.len() > MAX_POSTINGS {
                // Best first, ties by document: the same documents a full
                // sort would keep, without sorting the rest.
                list.select_nth_unstable_by(MAX_POSTINGS - 1, |a, b| {
                    b.1.cmp(&a.1).then(a.0.cmp(&b.0))
                });
                list.truncate(MAX_POSTINGS);
                list.shrink_to_fit();
            }
            list.sort_unstable();
            // Stemmed once per distinct term, not per word of the text.
            let stem = stem_of(stemmer.as_ref(), &group[0].0);
            (group[0].0.clone(), stem, list)
        })
        .collect();
    // Freed before the chunks are written.
    drop(lists);
    if stopped() {
        return None;
    }
    let entries: Vec<String> = scored
        .par_iter()
        .map(|(term, stem, list)| posting_entry(term, stem.as_deref(), list))
        .collect();
    let mut files = Vec::new();
    let mut firsts: Vec<&str> = Vec::new();
    let mut chunk = String::new();
    let starts = chunk_starts(&entries, docs.len());
    for (i, ((term, _, _), entry)) in scored.iter().zip(entries).enumerate() {
        if !chunk.is_empty() && starts.contains(&i) {
            files.push(finish_chunk(files.len(), &mut chunk));
        }
        if chunk.is_empty() {
            firsts.push(term);
            chunk.push('{');
        } else {
            chunk.push(',');
        }
        chunk.push_str(&entry);
    }
    if !chunk.is_empty() {
        files.push(finish_chunk(files.len(), &mut chunk));
    }
    let manifest = serde_json::json!({
        "v": 2,
        "docs": docs.len(),
        "lang": language,
        "chunks": firsts,
    });
    files.push(IndexFile {
        path: format!("{INDEX_FOLDER}manifest.json"),
        bytes: manifest.to_string().into_bytes(),
    });
    Some(files)
}

/// Where the dictionary's chunks start, as indices of `entries`.
///
/// A small handbook's dictionary is cut finer, so a query word fetches less:
/// into one chunk per two documents (at most [`TARGET_CHUNKS`]), balanced by
/// bytes, when those chunks stay under half of [`CHUNK_BYTES`]. Their number
/// then depends on the documents alone, not on their words: an edit of one
/// body, which `serve` previews before the index is rebuilt, never adds or
/// removes a chunk file. Larger dictionaries are cut before a chunk would pass
/// [`CHUNK_BYTES`].
fn chunk_starts(entries: &[String], docs: usize) -> std::collections::BTreeSet<usize> {
    let sizes: Vec<usize> = entries.iter().map(|e| e.len() + 1).collect();
    let total: usize = sizes.iter().sum();
    let n = docs
        .div_ceil(2)
        .clamp(1, TARGET_CHUNKS)
        .min(entries.len().max(1));
    let mut starts = std::collections::BTreeSet::from([0]);
    if total / n <= CHUNK_BYTES / 2 {
        // Chunk k starts at the first entry past k/n of the bytes, or where
        // the entries left are just enough for one per chunk left.
        let mut before = 0;
        for i in 1..sizes.len() {
            before += sizes[i - 1];
            let k = starts.len();
            if k >= n {
                break;
            }
            if before * n >= k * total || entries.len() - i == n - k {
                starts.insert(i);
            }
        }
    } else {
        let mut len = 0;
        for (i, size) in sizes.iter().enumerate() {
            if len > 0 && len + size + 1 > CHUNK_BYTES {
                starts.insert(i);
                len = 0;
            }
            len += size;
        }
    }
    starts
}

fn posting_entry(term: &str, stem: Option<&str>, list: &[(u32, u32)]) -> String {
    let mut entry = serde_json::to_string(term).unwrap_or_default();
    entry.push_str(":[");
    if let Some(stem) = stem {
        entry.push_str(&serde_json::to_string(stem).unwrap_or_default());
        entry.push(',');
    }
    let mut last = 0;
    for (i, (doc, score)) in list.iter().enumerate() {
        if i > 0 {
            entry.push(',');
        }
        let _ = write!(entry, "{},{score}", doc - last);
        last = *doc;
    }
    entry.push(']');
    entry
}

fn finish_chunk(index: usize, chunk: &mut String) -> IndexFile {
    chunk.push('}');
    IndexFile {
        path: format!("{INDEX_FOLDER}c{index}.json"),
        bytes: std::mem::take(chunk).into_bytes(),
    }
}

#[cfg(test)]
mod tests;
