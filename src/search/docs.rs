//! The document files of the index: `search/d{id}.json`, one per page, read
//! by `search.js` only for the results it shows.
//!
//! A document is `[url, kind, title, summary, sections]`, where `sections`
//! is `[[heading id, heading text, text], ...]`: the body cut at its h2 and
//! h3 headings, the first section (before any of them) with an empty id and
//! heading. The reader's browser finds the section that holds the query's
//! words and cuts the snippet around them; nothing here depends on a query.

use rayon::prelude::*;

use super::{INDEX_FOLDER, IndexFile, SearchDoc};

/// Bytes of body text a document file keeps, at most: a snippet can be cut
/// anywhere within them, and one long page cannot make a result cost more
/// than about this many bytes.
pub(super) const MAX_TEXT_BYTES: usize = 10_000;

/// One document file per doc, named by its id.
pub(super) fn doc_files(docs: &[SearchDoc<'_>]) -> Vec<IndexFile> {
    docs.par_iter()
        .enumerate()
        .map(|(id, d)| {
            let row = (d.url, d.kind, d.title, d.summary, sections(d));
            IndexFile {
                path: format!("{INDEX_FOLDER}d{id}.json"),
                bytes: serde_json::to_vec(&row).unwrap_or_default(),
            }
        })
        .collect()
}

/// The body of `doc` cut at its h2 and h3 headings: `(id, heading, text)`,
/// the text on one line, the whole under [`MAX_TEXT_BYTES`]. Work per line,
/// not per word: this runs over every byte of a large handbook's text.
pub(super) fn sections<'a>(doc: &SearchDoc<'a>) -> Vec<(&'a str, &'a str, String)> {
    let cuts: Vec<_> = doc
        .headings
        .iter()
        .filter(|h| matches!(h.level, 2 | 3))
        .collect();
    let mut out = vec![("", "", String::new())];
    let mut next = 0;
    let mut budget = MAX_TEXT_BYTES;
    for line in doc.body.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        // A heading's text is a line of the body; headings are matched in
        // order, one skipped when its text never appears as a line.
        if let Some(k) = cuts[next..]
            .iter()
            .position(|h| h.text.trim() == line)
            .map(|k| next + k)
        {
            out.push((cuts[k].id, cuts[k].text, String::new()));
            next = k + 1;
            continue;
        }
        let Some(last) = out.last_mut() else { continue };
        if budget <= 1 {
            continue;
        }
        budget -= 1;
        let mut piece = line;
        if piece.len() > budget {
            // Cut at the last whole word that fits.
            let mut end = budget;
            while !piece.is_char_boundary(end) {
                end -= 1;
            }
            piece = piece[..end]
                .rsplit_once(char::is_whitespace)
                .map_or("", |(w, _)| w);
            budget = 0;
        } else {
            budget -= piece.len();
        }
        if !last.2.is_empty() {
            last.2.push(' ');
        }
        if piece.contains(['\t', '\r']) || piece.contains("  ") {
            let words: Vec<&str> = piece.split_whitespace().collect();
            last.2.push_str(&words.join(" "));
        } else {
            last.2.push_str(piece);
        }
    }
    out
}
