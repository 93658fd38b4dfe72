//! The theme's templates, loaded once into Tera, with what each includes,
//! extends or imports (for the memo of unchanged outputs).

use super::*;

/// Compiled templates, with their sources kept for diagnostics.
pub struct Templates {
    pub(super) tera: Tera,
    pub(super) sources: BTreeMap<String, TemplateSource>,
    pub(super) fingerprints: BTreeMap<String, u64>,
}

impl Templates {
    /// Compiles every template of `theme`.
    pub fn compile(theme: &Theme) -> Result<Templates, Diagnostics> {
        let mut tera = Tera::new();
        tera.autoescape_on(vec![".html", ".xml"]);
        super::filters::register(&mut tera);
        let result = tera.add_raw_templates(
            theme
                .templates
                .iter()
                .map(|(name, t)| (name.as_str(), t.text.as_str())),
        );
        let templates = Templates {
            tera,
            fingerprints: memo::template_fingerprints(&theme.templates),
            sources: theme.templates.clone(),
        };
        match result {
            Ok(()) => Ok(templates),
            Err(e) => Err(std::iter::once(templates.diagnostic(&e)).collect()),
        }
    }

    /// Whether a template of that name exists.
    pub fn has(&self, name: &str) -> bool {
        self.tera.contains_template(name)
    }

    /// Renders template `name` with `context` into `out`.
    pub fn render_to(
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
    pub fn render(&self, name: &str, context: &Context) -> Result<String, Diagnostic> {
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
                let (file, text) = match self.sources.get(&name) {
                    Some(t) => (t.display.clone(), t.text.as_str()),
                    None => (name, ""),
                };
                Diagnostic::error(file, line, col, Code::Template, first).with_source(text)
            }
            None => Diagnostic::error("templates", 0, 0, Code::Template, first),
        }
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
            span.start_col + 1,
            Code::Template,
            report.message().to_string(),
        );
        d.with_source(text)
    }
}
