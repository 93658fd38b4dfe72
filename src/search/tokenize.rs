//! Tokenising and folding, shared in spirit with `search.js` (which must stay
//! identical in behaviour):
//!
//! 1. Unicode NFKD, then combining marks are dropped and everything is
//!    lowercased, so "Beständigkeit" and "bestandigkeit" are one term.
//! 2. A word is a maximal run of alphabetic or numeric characters (Rust's
//!    `char::is_alphanumeric`, JavaScript's `[\p{Alphabetic}\p{N}]`): a rule
//!    both sides implement exactly. (UAX #29 segmentation would differ between
//!    this crate and the browser's `Intl.Segmenter`, which splits Chinese by
//!    dictionary, and a query must fold to the very terms the index holds.)
//! 3. A run in a script written without spaces (Han, Hiragana, Katakana,
//!    Hangul) is indexed as its single characters and their overlapping pairs,
//!    so a query of any length finds it.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Case- and diacritic-folded text.
pub(crate) fn fold(text: &str) -> String {
    // Most handbook text is ASCII, where folding is lower-casing.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether `c` belongs to a script written without spaces between words.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK extension A
        | 0x4E00..=0x9FFF    // CJK unified ideographs
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0x20000..=0x2FA1F) // CJK extensions B–F
}

/// Calls `emit` with every term of `text`, in order.
pub(crate) fn terms(text: &str, mut emit: impl FnMut(&str)) {
    if text.is_ascii() {
        return ascii_terms(text, emit);
    }
    let folded = fold(text);
    for word in folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        // A run mixing scripts splits where CJK starts or stops.
        let mut start = 0;
        let mut cjk = None;
        for (i, c) in word.char_indices() {
            let this = is_cjk(c);
            if cjk.is_some_and(|was| was != this) {
                emit_run(&word[start..i], cjk == Some(true), &mut emit);
                start = i;
            }
            cjk = Some(this);
        }
        emit_run(&word[start..], cjk == Some(true), &mut emit);
    }
}

/// [`terms`] for ASCII text (most of a handbook), without folding a copy of
/// the whole text first: the same terms, lower-cased word by word, found by
/// bytes (every byte of ASCII text is a character).
fn ascii_terms(text: &str, mut emit: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let mut lower = String::new();
    let mut at = 0;
    while at < bytes.len() {
        let start = at
            + bytes[at..]
                .iter()
                .position(u8::is_ascii_alphanumeric)
                .unwrap_or(bytes.len() - at);
        let len = bytes[start..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .unwrap_or(bytes.len() - start);
        at = start + len;
        if len == 0 {
            continue;
        }
        let word = &text[start..at];
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            lower.clear();
            lower.push_str(word);
            lower.make_ascii_lowercase();
            emit(&lower);
        } else {
            emit(word);
        }
    }
}

fn emit_run(run: &str, cjk: bool, emit: &mut impl FnMut(&str)) {
    if cjk {
        cjk_terms(run, emit);
    } else if !run.is_empty() {
        emit(run);
    }
}

fn cjk_terms(word: &str, emit: &mut impl FnMut(&str)) {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    for (i, &(start, c)) in chars.iter().enumerate() {
        let end = start + c.len_utf8();
        emit(&word[start..end]);
        if let Some(&(next, d)) = chars.get(i + 1) {
            emit(&word[start..next + d.len_utf8()]);
        }
    }
}

/// The terms of `text` as owned strings (for tests and queries).
pub(crate) fn term_list(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    terms(text, |t| out.push(t.to_string()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_diacritics_are_folded() {
        assert_eq!(term_list("Beständigkeit"), ["bestandigkeit"]);
        assert_eq!(term_list("CAFÉ déjà-vu"), ["cafe", "deja", "vu"]);
        assert_eq!(term_list("client's"), ["client", "s"]);
        assert_eq!(
            term_list("Competence, competent!"),
            ["competence", "competent"]
        );
    }

    #[test]
    fn ascii_text_gives_the_terms_of_the_general_path() {
        for text in [
            "Never keep a CLIENT waiting: arrive 10 minutes early, use_the time!",
            "",
            "x",
            "  ..Edge.. ",
            "--",
            "tail",
        ] {
            let general: Vec<String> = fold(text)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect();
            assert_eq!(term_list(text), general, "{text:?}");
        }
        assert_eq!(
            term_list("Don't PANIC"),
            ["don", "t", "panic"],
            "apostrophes split, capitals fold"
        );
    }

    #[test]
    fn punctuation_is_not_a_term() {
        assert_eq!(term_list("— a/b: 42 % ;"), ["a", "b", "42"]);
    }

    #[test]
    fn cjk_is_indexed_as_characters_and_pairs() {
        assert_eq!(
            term_list("服务原则"),
            ["服", "服务", "务", "务原", "原", "原则", "则"]
        );
        assert!(term_list("お客様の声").contains(&"客様".to_string()));
        assert_eq!(term_list("abc服务"), ["abc", "服", "服务", "务"]);
    }
}
