//! The theme's templates, loaded once into Tera, with what each includes,
//! extends or imports (for the memo of unchanged outputs).
//!
//! An HTML template is compiled without the indentation of its lines
//! ([`unindent`]): a browser shows a run of spaces after a line break as
//! that line break, so the pages look the same, and every page of a large
//! handbook is a few kilobytes lighter. Lines stay where they were, so
//! diagnostics still point into the template as written.

use super::*;

/// Compiled templates, with their sources kept for diagnostics.
pub struct Templates {
    pub(super) tera: Tera,
    pub(super) sources: BTreeMap<String, TemplateSource>,
    pub(super) fingerprints: BTreeMap<String, u64>,
    /// Per template, the indentation taken from each line (line 1 first).
    indents: BTreeMap<String, Vec<usize>>,
}

/// `text` without the spaces and tabs that start its lines after the
/// first, and how many each line lost. Lines inside `<pre>`, `<textarea>` and `<script>` keep
/// theirs (there whitespace is shown, or is code).
pub(super) fn unindent(text: &str) -> (String, Vec<usize>) {
    const KEEP: [&str; 3] = ["pre", "textarea", "script"];
    let mut out = String::with_capacity(text.len());
    let mut indents = Vec::new();
    let mut open: Option<&str> = None;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        // The first line follows no line break: its spaces may be all the
        // space there is (a partial included mid-tag, ` data-x="..."`).
        let kept = match open {
            None if i > 0 => line.trim_start_matches([' ', '\t']),
            _ => line,
        };
        indents.push(line.len() - kept.len());
        out.push_str(kept);
        // Where the line leaves us: inside one of KEEP or not.
        let lower = line.to_ascii_lowercase();
        let mut at = 0;
        loop {
            let next = match open {
                Some(tag) => lower[at..]
                    .find(&format!("</{tag}"))
                    .map(|i| (at + i, None)),
                None => KEEP
                    .iter()
                    .filter_map(|tag| {
                        let i = lower[at..].find(&format!("<{tag}"))?;
                        // `<pre>` or `<pre class=..>`, not `<prefix>`.
                        let after = lower[at + i + 1 + tag.len()..].chars().next();
                        after
                            .is_none_or(|c| c == '>' || c.is_ascii_whitespace())
                            .then_some((at + i, Some(*tag)))
                    })
                    .min(),
            };
            let Some((i, tag)) = next else { break };
            open = tag;
            at = i + 2;
        }
    }
    (out, indents)
}

impl Templates {
    /// Compiles every template of `theme`.
    pub(crate) fn compile(theme: &Theme) -> Result<Templates, Diagnostics> {
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        super::filters::register(&mut tera);
        let mut indents = BTreeMap::new();
        let texts: Vec<(&str, std::borrow::Cow<'_, str>)> = theme
            .templates
            .iter()
            .map(|(name, t)| {
                if !name.ends_with(".html") {
                    return (name.as_str(), std::borrow::Cow::Borrowed(t.text.as_str()));
                }
                let (text, lost) = unindent(&t.text);
                indents.insert(name.clone(), lost);
                (name.as_str(), std::borrow::Cow::Owned(text))
            })
            .collect();
        let result = tera.add_raw_templates(texts.iter().map(|(n, t)| (*n, t.as_ref())));
        let templates = Templates {
            tera,
            fingerprints: memo::template_fingerprints(&theme.templates),
            sources: theme.templates.clone(),
            indents,
        };
        match result {
            Ok(()) => Ok(templates),
            Err(e) => Err(std::iter::once(templates.diagnostic(&e)).collect()),
        }
    }

    /// The column in the template as written of `col` (1-based) on `line`
    /// of the template as compiled.
    fn column(&self, name: &str, line: usize, col: usize) -> usize {
        let lost = self
            .indents
            .get(name)
            .and_then(|lines| lines.get(line.checked_sub(1)?));
        col + lost.copied().unwrap_or(0)
    }

    /// Whether a template of that name exists.
    pub(crate) fn has(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    /// Renders template `name` with `context` into `out`.
    pub(crate) fn render_to(
        &self,
        name: &str,
        context: &Context,
        out: impl std::io::Write,
    ) -> Result<(), Diagnostic> {
        self.tera
            .render_to(name, context, out)
            .map_err(|e| self.diagnostic(&e))
    }

    /// Renders template `name` with `context`.
    pub(crate) fn render(&self, name: &str, context: &Context) -> Result<String, Diagnostic> {
        self.tera
            .render(name, context)
            .map_err(|e| self.diagnostic(&e))
    }

    /// Tera's other errors (a block missing from a parent, a circular
    /// extend) carry their place as text, `--> name:line:col`: read it so the
    /// diagnostic still names the template file and line.
    fn located(&self, message: &str) -> Diagnostic {
        let first = message
            .lines()
            .next()
            .unwrap_or(message)
            .trim_start_matches("error: ")
            .to_string();
        let place = message
            .lines()
            .find_map(|l| l.trim().strip_prefix("--> "))
            .and_then(|p| {
                let mut parts = p.rsplitn(3, ':');
                let col: usize = parts.next()?.trim().parse().ok()?;
                let line: usize = parts.next()?.trim().parse().ok()?;
                Some((parts.next()?.to_string(), line, col))
            });
        match place {
            Some((name, line, col)) => {
                let col = self.column(&name, line, col);
                let hint = self.overridden_below(&name);
                let (file, text) = match self.sources.get(&name) {
                    Some(t) => (t.display.clone(), t.text.as_str()),
                    None => (name, ""),
                };
                let d = Diagnostic::error(file, line, col, Code::Template, first).with_source(text);
                match hint {
                    Some(hint) => d.with_hint(hint),
                    None => d,
                }
            }
            None => Diagnostic::error("templates", 0, 0, Code::Template, first),
        }
    }

    /// For an error in a built-in template (no file the author can open):
    /// the site's own templates it extends, includes or imports, which are
    /// where the author can act.
    fn overridden_below(&self, name: &str) -> Option<String> {
        if !self.sources.get(name)?.builtin {
            return None;
        }
        let mut seen = std::collections::BTreeSet::new();
        let mut stack = vec![name.to_string()];
        let mut overrides = Vec::new();
        while let Some(t) = stack.pop() {
            let Some(source) = self.sources.get(&t) else {
                continue;
            };
            if !seen.insert(t.clone()) {
                continue;
            }
            if !source.builtin {
                overrides.push(format!("`{}`", source.display));
            }
            stack.extend(super::memo::references(&source.text));
        }
        (!overrides.is_empty()).then(|| {
            format!(
                "`{name}` is the built-in theme's own; it uses {} of this site: make that agree with it, or override `{name}` in templates/ too",
                overrides.join(", ")
            )
        })
    }

    fn diagnostic(&self, e: &tera::Error) -> Diagnostic {
        let report = match e.kind() {
            tera::ErrorKind::SyntaxError(r) | tera::ErrorKind::RenderingError(r) => Some(r),
            _ => None,
        };
        let Some(report) = report else {
            let mut message = e.to_string();
            let mut source = std::error::Error::source(e);
            while let Some(s) = source {
                message.push_str(&format!(": {s}"));
                source = s.source();
            }
            return self.located(&message);
        };
        let (file, text) = match self.sources.get(report.filename()) {
            Some(t) => (t.display.clone(), t.text.as_str()),
            None => (report.filename().to_string(), ""),
        };
        let span = report.span();
        let d = Diagnostic::error(
            file,
            span.start_line,
            self.column(report.filename(), span.start_line, span.start_col + 1),
            Code::Template,
            report.message().to_string(),
        );
        d.with_source(text)
    }
}

#[cfg(test)]
mod tests {
    use super::unindent;

    #[test]
    fn indentation_goes_except_where_whitespace_shows() {
        let (text, lost) = unindent(" data-x=\"1\"\n  y");
        assert_eq!((text.as_str(), lost), (" data-x=\"1\"\ny", vec![0, 2]));
        let (text, lost) = unindent(
            "<ul>\n  <li>{{ a }}\n\t</li>\n  <pre class=\"x\">\n    kept\n  </pre>\n  <prefix>\n    <script>\n  if (x) {\n  }</script>\n    <p>\n",
        );
        assert_eq!(
            text,
            "<ul>\n<li>{{ a }}\n</li>\n<pre class=\"x\">\n    kept\n  </pre>\n<prefix>\n<script>\n  if (x) {\n  }</script>\n<p>\n"
        );
        assert_eq!(lost, [0, 2, 1, 2, 0, 0, 2, 4, 0, 0, 4]);
    }
}
