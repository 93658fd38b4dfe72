//! The little of JavaScript that reading an Astro configuration needs:
//! comments dropped, an object literal found by the call it is passed to
//! (`starlight({ … })`), its top-level `key: value` entries, plain quoted
//! strings. Values built by code (`process.env.TITLE`, `${…}`) are not
//! read: the import falls back as if they were not there.

/// `js` without its `//` and `/* */` comments; strings are kept whole (a
/// URL's `//` is no comment).
pub(super) fn without_comments(js: &str) -> String {
    let mut out = String::with_capacity(js.len());
    let mut chars = js.chars().peekable();
    let mut quote: Option<char> = None;
    while let Some(c) = chars.next() {
        if let Some(q) = quote {
            out.push(c);
            if c == '\\' {
                out.extend(chars.next());
            } else if c == q {
                quote = None;
            }
            continue;
        }
        match (c, chars.peek()) {
            ('/', Some('/')) => while chars.next_if(|&n| n != '\n').is_some() {},
            ('/', Some('*')) => {
                chars.next();
                let mut before = ' ';
                for n in chars.by_ref() {
                    if before == '*' && n == '/' {
                        break;
                    }
                    before = n;
                }
                out.push(' ');
            }
            ('"' | '\'' | '`', _) => {
                quote = Some(c);
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// The characters of `text` outside its string literals, with their byte
/// offsets (the quotes themselves left out too): what the bracket and
/// entry scans below look at.
fn outside_strings(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    let mut quote = None;
    let mut escaped = false;
    text.char_indices().filter(move |&(_, c)| {
        if let Some(q) = quote {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                c if c == q => quote = None,
                _ => {}
            }
            return false;
        }
        if matches!(c, '"' | '\'' | '`') {
            quote = Some(c);
            return false;
        }
        true
    })
}

/// Where the bracket opened at `text`'s start closes, outside strings.
fn closing(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in outside_strings(text) {
        match c {
            '{' | '(' | '[' => depth += 1,
            '}' | ')' | ']' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// The inside of the object literal passed to `name(`: `starlight({ … })`.
pub(super) fn call_object<'a>(js: &'a str, name: &str) -> Option<&'a str> {
    let pattern = format!("{name}(");
    js.match_indices(&pattern).find_map(|(at, _)| {
        // `mystarlight(` and `x.starlight(` are other functions.
        let before = js[..at].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '.') {
            return None;
        }
        object_inner(&js[at + pattern.len()..])
    })
}

/// The inside of the object literal `value` starts with.
pub(super) fn object_inner(value: &str) -> Option<&str> {
    let value = value.trim_start();
    if !value.starts_with('{') {
        return None;
    }
    Some(&value[1..closing(value)?])
}

/// The `key: value` entries at the top level of an object's inside: keys
/// unquoted, values as written. A shorthand (`title,`) or a spread
/// (`...rest`) names no value and is skipped.
pub(super) fn entries(inner: &str) -> Vec<(String, &str)> {
    let mut pieces = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let mut colon = None;
    for (i, c) in outside_strings(inner) {
        match c {
            '{' | '(' | '[' => depth += 1,
            '}' | ')' | ']' => depth -= 1,
            ':' if depth == 0 && colon.is_none() => colon = Some(i),
            ',' if depth == 0 => {
                pieces.push((start, colon.take(), i));
                start = i + 1;
            }
            _ => {}
        }
    }
    pieces.push((start, colon, inner.len()));
    pieces
        .into_iter()
        .filter_map(|(start, colon, end)| {
            let colon = colon?;
            let key = inner[start..colon].trim();
            let key = unquote(key).unwrap_or_else(|| key.to_string());
            Some((key, inner[colon + 1..end].trim()))
        })
        .filter(|(key, _)| !key.is_empty())
        .collect()
}

/// A plain quoted string's text (no template literal with `${…}` in it).
pub(super) fn unquote(value: &str) -> Option<String> {
    let value = value.trim();
    let quote = value
        .chars()
        .next()
        .filter(|c| matches!(c, '\'' | '"' | '`'))?;
    let inner = value.strip_prefix(quote)?.strip_suffix(quote)?;
    if quote == '`' && inner.contains("${") {
        return None;
    }
    Some(inner.replace(&format!("\\{quote}"), &quote.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_go_but_strings_stay_whole() {
        let js = "a: 'https://x.example', // gone\n/* gone\ntoo */ b: \"it's // kept\"";
        assert_eq!(
            without_comments(js),
            "a: 'https://x.example', \n  b: \"it's // kept\""
        );
    }

    #[test]
    fn entries_of_the_object_passed_to_a_call() {
        let js = "x.starlight({ no: 1 }); starlight({ title: 'A, b', nested: { c: [1, 2] }, shorthand, 'zh-cn': `Z` })";
        let inner = call_object(js, "starlight").unwrap();
        let found = entries(inner);
        assert_eq!(
            found,
            [
                ("title".to_string(), "'A, b'"),
                ("nested".to_string(), "{ c: [1, 2] }"),
                ("zh-cn".to_string(), "`Z`"),
            ]
        );
        assert_eq!(unquote(found[0].1).as_deref(), Some("A, b"));
        assert_eq!(unquote("`${name} docs`"), None);
        assert_eq!(unquote("process.env.TITLE"), None);
        assert_eq!(unquote(r"'Don\'t wait'").as_deref(), Some("Don't wait"));
        assert_eq!(call_object("starlight()", "starlight"), None);
    }
}
