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
use crate::markdown::HEADING_MARK;

/// Bytes of body text a document file keeps, at most: a snippet can be cut
/// anywhere within them, and one long page cannot make a result cost more
/// than about this many bytes.
pub(super) const MAX_TEXT_BYTES: usize = 10_000;

/// The path of document `id`'s file.
pub(crate) fn doc_path(id: usize) -> String {
    format!("{INDEX_FOLDER}d{id}.json")
}

/// One document file per doc, named by its id.
pub(super) fn doc_files(docs: &[SearchDoc<'_>]) -> Vec<IndexFile> {
    docs.par_iter()
        .enumerate()
        .map(|(id, d)| IndexFile {
            path: doc_path(id),
            bytes: doc_bytes(d),
        })
        .collect()
}

/// The bytes of `doc`'s file: the JSON of `[url, kind, title, summary,
/// sections]` written in one pass, straight from the body's lines (a test
/// holds the bytes equal to serialising the row whole).
pub(crate) fn doc_bytes(doc: &SearchDoc<'_>) -> Vec<u8> {
    let mut out = Vec::with_capacity(doc.body.len().min(MAX_TEXT_BYTES) + 256);
    out.push(b'[');
    for field in [doc.url, doc.kind, doc.title, doc.summary] {
        json_string(&mut out, &[field]);
        out.push(b',');
    }
    out.push(b'[');
    let mut first = true;
    cut_sections(doc, |id, heading, pieces| {
        if !first {
            out.push(b',');
        }
        first = false;
        out.push(b'[');
        json_string(&mut out, &[id]);
        out.push(b',');
        json_string(&mut out, &[heading]);
        out.push(b',');
        json_string(&mut out, pieces);
        out.push(b']');
    });
    out.extend_from_slice(b"]]");
    out
}

/// `pieces` joined by single spaces, as a JSON string (serde_json's
/// escaping; writing into memory cannot fail).
fn json_string(out: &mut Vec<u8>, pieces: &[&str]) {
    let _ = match pieces {
        [one] => serde_json::to_writer(&mut *out, one),
        _ => serde_json::to_writer(&mut *out, &pieces.join(" ")),
    };
}

/// The body of `doc` cut at its h2 and h3 headings: `(id, heading, text)`,
/// the text on one line, the whole under [`MAX_TEXT_BYTES`] (what
/// [`doc_bytes`] writes, as strings: for tests).
#[cfg(test)]
pub(super) fn sections<'a>(doc: &SearchDoc<'a>) -> Vec<(&'a str, &'a str, String)> {
    let mut out = Vec::new();
    cut_sections(doc, |id, heading, pieces| {
        out.push((id, heading, pieces.join(" ")));
    });
    out
}

/// Calls `emit(id, heading, pieces)` for each section of `doc`'s body cut
/// at its h2 and h3 headings, lines starting with [`HEADING_MARK`] (the
/// first section, before any of them, with an empty id and heading, and
/// the text shown before the body; the part after the body last); a
/// section's text is its pieces joined by spaces, on one line, the whole
/// body's under [`MAX_TEXT_BYTES`]. Work per
/// line, not per word: this runs over every byte of a large handbook's text.
fn cut_sections<'a>(doc: &SearchDoc<'a>, mut emit: impl FnMut(&'a str, &'a str, &[&str])) {
    let cuts: Vec<_> = doc
        .headings
        .iter()
        .filter(|h| matches!(h.level, 2 | 3))
        .collect();
    let mut current: (&str, &str) = ("", "");
    // The pieces of the current section; a piece whose whitespace must be
    // made single spaces is split into its words.
    let mut pieces: Vec<&'a str> = Vec::new();
    let mut next = 0;
    let mut budget = MAX_TEXT_BYTES;
    let lines = (doc.before.iter().copied()).chain(doc.body.lines());
    for line in lines {
        let is_heading = line.starts_with(HEADING_MARK);
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        // A heading's text is a marked line of the body; headings are
        // matched in order, one skipped when its text never appears so.
        if let Some(k) = (cuts[next..].iter())
            .position(|h| is_heading && h.text.trim() == line)
            .map(|k| next + k)
        {
            emit(current.0, current.1, &pieces);
            pieces.clear();
            current = (cuts[k].id, cuts[k].text);
            next = k + 1;
            continue;
        }
        push_piece(line, &mut budget, &mut pieces);
    }
    if let Some(after) = &doc.after {
        emit(current.0, current.1, &pieces);
        pieces.clear();
        current = (after.id, after.heading);
        for text in &after.texts {
            push_piece(text.trim(), &mut budget, &mut pieces);
        }
    }
    emit(current.0, current.1, &pieces);
}

/// Adds the line `line` (trimmed, not empty) to `pieces`, cut to what is
/// left of `budget` at a whole word.
fn push_piece<'a>(line: &'a str, budget: &mut usize, pieces: &mut Vec<&'a str>) {
    if *budget <= 1 || line.is_empty() {
        return;
    }
    *budget -= 1;
    let mut piece = line;
    if piece.len() > *budget {
        // Cut at the last whole word that fits.
        let mut end = *budget;
        while !piece.is_char_boundary(end) {
            end -= 1;
        }
        piece = piece[..end]
            .rsplit_once(char::is_whitespace)
            .map_or("", |(w, _)| w);
        *budget = 0;
    } else {
        *budget -= piece.len();
    }
    if piece.contains(['\t', '\r', '\n']) || piece.contains("  ") {
        pieces.extend(piece.split_whitespace());
    } else {
        pieces.push(piece);
    }
}
