//! The query algorithm of `search.js`, in Rust: the reference the browser code
//! follows, and what the tests use to query a written index the way a reader's
//! browser does.
//!
//! Each query word matches terms four ways, in the chunks of the dictionary
//! its own letters lead to:
//!
//! - **exact** (the word itself) and **prefix** ("compet" finds "competence");
//! - **word form**: terms sharing its Snowball stem, which the index lists
//!   beside every term whose stem differs ("waits" finds "waiting"). When the
//!   typed form is not in the handbook at all, [`light_stems`] guesses the
//!   forms to look up, by a few English suffix rules ("waited" finds
//!   "waiting" too, ranked with typos);
//! - **typo**: a word of [`TYPO_MIN_CHARS`] letters or more also matches the
//!   terms one edit away (a letter added, dropped, changed, or two swapped)
//!   among the terms sharing its first three letters: "waitng" finds
//!   "waiting". A typo in the first three letters is not found, nor, on a
//!   large handbook, one whose three letters begin more terms than
//!   [`MAX_CHUNKS_PER_WORD`] chunks hold.
//!
//! A document must match every word. Documents matching every word without a
//! typo come first; then those holding more of the words in their titles,
//! then in their summaries; then by score (the sum, over the words, of the
//! best posting's score times 5 for an exact term, 4 for a prefix or form, 3
//! for a typo or a guessed form). [`show`] then picks the section and snippet a result shows.

use std::collections::{BTreeSet, HashMap};

use serde_json::Value;

use super::tokenize::{is_cjk, term_list};
use super::{IN_SUMMARY, IN_TITLE};

/// How many neighbouring chunks a prefix may span before the search stops
/// widening (a one-letter prefix would otherwise fetch the whole dictionary).
pub(crate) const MAX_CHUNKS_PER_WORD: usize = 2;
/// Words at least this long also match terms one typo away.
pub(crate) const TYPO_MIN_CHARS: usize = 5;
/// Words of a snippet before its first match, and in all.
pub(crate) const SNIPPET_BEFORE: usize = 8;
/// See [`SNIPPET_BEFORE`].
pub(crate) const SNIPPET_WORDS: usize = 28;

/// A document matching the query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The document id.
    pub doc: u32,
    /// Words matched without a typo.
    pub exact: usize,
    /// Words found in the title (not by a typo).
    pub title: usize,
    /// Words found in the summary (not by a typo).
    pub summary: usize,
    /// The score, for ties of the above.
    pub score: u32,
}

/// What a query found.
#[derive(Debug, Default)]
pub struct Found {
    /// Documents, best first.
    pub hits: Vec<Hit>,
    /// Per query word, the terms it matched: what a result highlights.
    pub terms: Vec<BTreeSet<String>>,
}

/// The strength of a match, the factor of its score.
#[derive(Clone, Copy, PartialEq, Eq)]
enum How {
    Exact = 5,
    Prefix = 4,
    Typo = 3,
}

/// A chunk's entry for a term: its stem when it differs, and its postings.
struct Entry {
    stem: Option<String>,
    values: Vec<u32>,
}

/// The index as `fetch` returns it, chunks parsed once.
struct Index<'f> {
    fetch: &'f dyn Fn(&str) -> Option<String>,
    firsts: Vec<String>,
    chunks: HashMap<usize, Vec<(String, Entry)>>,
}

impl Index<'_> {
    /// The chunks a prefix `p` can lie in.
    fn covering(&self, p: &str) -> Vec<usize> {
        let start = self
            .firsts
            .partition_point(|f| f.as_str() <= p)
            .saturating_sub(1);
        (start..self.firsts.len().min(start + MAX_CHUNKS_PER_WORD))
            .take_while(|&i| i == start || self.firsts[i].starts_with(p))
            .collect()
    }

    fn chunk(&mut self, i: usize) -> &[(String, Entry)] {
        let fetch = self.fetch;
        self.chunks.entry(i).or_insert_with(|| {
            let parsed = fetch(&format!("search/c{i}.json"))
                .and_then(|c| serde_json::from_str::<serde_json::Map<String, Value>>(&c).ok())
                .unwrap_or_default();
            parsed
                .into_iter()
                .map(|(term, list)| {
                    let list = list.as_array().cloned().unwrap_or_default();
                    let stem = list.first().and_then(Value::as_str).map(str::to_string);
                    let values = list
                        .iter()
                        .filter_map(Value::as_u64)
                        .map(|v| u32::try_from(v).unwrap_or(u32::MAX))
                        .collect();
                    (term, Entry { stem, values })
                })
                .collect()
        })
    }

    /// The entry of `term`, from the one chunk it would be in.
    fn stem_of(&mut self, term: &str) -> Option<Option<String>> {
        let i = *self.covering(term).first()?;
        self.chunk(i)
            .iter()
            .find(|(t, _)| t == term)
            .map(|(_, e)| e.stem.clone())
    }
}

/// One word's best match in a document.
#[derive(Default, Clone, Copy)]
struct WordHit {
    score: u32,
    exact: bool,
    title: bool,
    summary: bool,
}

/// Runs `query` against an index whose files `fetch` returns by path
/// (`search/manifest.json`...).
pub fn search(fetch: &dyn Fn(&str) -> Option<String>, query: &str) -> Found {
    let Some(manifest) =
        fetch("search/manifest.json").and_then(|m| serde_json::from_str::<Value>(&m).ok())
    else {
        return Found::default();
    };
    let firsts = manifest["chunks"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let english = manifest["lang"]
        .as_str()
        .unwrap_or_default()
        .starts_with("en");
    let mut index = Index {
        fetch,
        firsts,
        chunks: HashMap::new(),
    };
    let mut words = term_list(query);
    let mut seen = BTreeSet::new();
    words.retain(|w| seen.insert(w.clone()));
    let mut found = Found::default();
    let mut total: Option<HashMap<u32, Hit>> = None;
    for word in &words {
        let (best, terms) = match_word(&mut index, word, english);
        found.terms.push(terms);
        let add = |hit: &mut Hit, w: &WordHit| {
            hit.exact += usize::from(w.exact);
            hit.title += usize::from(w.title);
            hit.summary += usize::from(w.summary);
            hit.score += w.score;
        };
        total = Some(match total {
            None => best
                .iter()
                .map(|(&doc, w)| {
                    let mut hit = Hit {
                        doc,
                        exact: 0,
                        title: 0,
                        summary: 0,
                        score: 0,
                    };
                    add(&mut hit, w);
                    (doc, hit)
                })
                .collect(),
            Some(sofar) => sofar
                .into_iter()
                .filter_map(|(doc, mut hit)| {
                    let w = best.get(&doc)?;
                    add(&mut hit, w);
                    Some((doc, hit))
                })
                .collect(),
        });
    }
    found.hits = total.unwrap_or_default().into_values().collect();
    found.hits.sort_by(|a, b| {
        (b.exact, b.title, b.summary, b.score, a.doc)
            .cmp(&(a.exact, a.title, a.summary, a.score, b.doc))
    });
    found
}

/// The documents `word` matches, and the terms it matched.
fn match_word(
    index: &mut Index<'_>,
    word: &str,
    english: bool,
) -> (HashMap<u32, WordHit>, BTreeSet<String>) {
    let mut best: HashMap<u32, WordHit> = HashMap::new();
    let mut terms = BTreeSet::new();
    let mut take = |term: &str, entry: &Entry, how: How| {
        terms.insert(term.to_string());
        let mut doc = 0;
        for pair in entry.values.chunks(2) {
            if let [delta, value] = pair {
                doc += delta;
                let w = best.entry(doc).or_default();
                w.score = w.score.max(value / 4 * how as u32);
                if how != How::Typo {
                    w.exact = true;
                    w.title |= value & IN_TITLE != 0;
                    w.summary |= value & IN_SUMMARY != 0;
                }
            }
        }
    };
    let mut near = index.covering(word);
    let typos = word.chars().count() >= TYPO_MIN_CHARS && !word.chars().any(is_cjk);
    if typos {
        // The term meant may sort before or after the typo: look among the
        // terms sharing its first three letters.
        let three = word
            .char_indices()
            .nth(3)
            .map_or(word, |(at, _)| &word[..at]);
        for i in index.covering(three) {
            if !near.contains(&i) {
                near.push(i);
            }
        }
    }
    for &i in &near {
        for (term, entry) in index.chunk(i) {
            if term.starts_with(word) {
                take(
                    term,
                    entry,
                    if term == word {
                        How::Exact
                    } else {
                        How::Prefix
                    },
                );
            } else if typos && one_edit(word, term) {
                take(term, entry, How::Typo);
            }
        }
    }
    // The word's stem: listed beside it when the handbook has this form;
    // else the stem of the first form the light rules guess that it has;
    // else those guesses themselves, as stems of the forms it has.
    let mut how = How::Prefix;
    let stems = match index.stem_of(word) {
        Some(stem) => vec![stem.unwrap_or_else(|| word.to_string())],
        None if english => {
            let guesses = light_stems(word);
            // A guess ranks with typos, below what the word itself finds.
            how = How::Typo;
            match guesses
                .iter()
                .find_map(|g| index.stem_of(g).map(|s| s.unwrap_or_else(|| g.clone())))
            {
                Some(stem) => vec![stem],
                None => guesses,
            }
        }
        None => Vec::new(),
    };
    for stem in stems {
        // Every form of a word starts with its stem, but for a final y
        // stemmed to i ("policy", "polici").
        let from = stem.strip_suffix('i').unwrap_or(&stem);
        let mut forms = 0;
        for i in index.covering(from) {
            for (term, entry) in index.chunk(i) {
                let same = entry.stem.as_deref().map_or(term == &stem, |s| s == stem);
                if same && term.starts_with(from) {
                    take(term, entry, how);
                    forms += 1;
                }
            }
        }
        if forms > 0 {
            break;
        }
    }
    (best, terms)
}

/// Whether `a` and `b` are one edit apart: a character added, dropped or
/// changed, or two neighbours swapped.
pub(crate) fn one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let common = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if common == short.len() {
        return long.len() != short.len();
    }
    let i = common;
    if short.len() == long.len() {
        short[i + 1..] == long[i + 1..]
            || (i + 1 < short.len()
                && short[i] == long[i + 1]
                && short[i + 1] == long[i]
                && short[i + 2..] == long[i + 2..])
    } else {
        short[i..] == long[i + 1..]
    }
}

/// The forms an English word not in the handbook may share a stem with, by a
/// few suffix rules, in order: "policies" → "policy", "polici"; "policy" →
/// "polici"; "noted", "noting" → "note", "not"; "stopped" → "stoppe",
/// "stopp", "stop"; "boxes" → "boxe", "box"; "waits" → "wait"; "quickly" →
/// "quick"; then the word less its last one, two or three letters, down to
/// four ("escalate" → "escal", the stem of "escalation"). The first that is
/// a term of the index gives the stem; else the first that is the stem of
/// some terms. `light_stems.txt` lists the cases both this and `search.js`
/// are tested on.
pub(crate) fn light_stems(word: &str) -> Vec<String> {
    let mut out = Vec::new();
    let base = |suffix: &str| word.strip_suffix(suffix).filter(|b| b.chars().count() >= 3);
    if let Some(b) = base("ies").or_else(|| base("ied")) {
        out.push(format!("{b}y"));
        out.push(format!("{b}i"));
    } else if let Some(b) = base("ing").or_else(|| base("ed")) {
        out.push(format!("{b}e"));
        out.push(b.to_string());
        let mut chars = b.chars().rev();
        if let (Some(x), Some(y)) = (chars.next(), chars.next())
            && x == y
            && !"aeiouls".contains(x)
        {
            out.push(b[..b.len() - x.len_utf8()].to_string());
        }
    } else if let Some(b) = base("es") {
        out.push(format!("{b}e"));
        out.push(b.to_string());
    } else if let Some(b) = base("ly") {
        out.push(b.to_string());
    } else if let Some(b) = base("y") {
        // The stem of "policy" and "policies" is "polici".
        out.push(format!("{b}i"));
    } else if let Some(b) =
        base("s").filter(|_| !["ss", "us", "is"].iter().any(|s| word.ends_with(s)))
    {
        out.push(b.to_string());
    }
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    for cut in 1..=3 {
        if chars.len() >= 4 + cut {
            let shorter = &word[..chars[chars.len() - cut].0];
            if !out.iter().any(|o| o == shorter) {
                out.push(shorter.to_string());
            }
        }
    }
    out
}
