//! A tab in a block's indentation. YAML indents with spaces only, and the
//! parser's message for a tab ("found character that cannot start any
//! token") does not say that the character is a tab, which is invisible in
//! most editors and in the diagnostic's excerpt.

use super::YamlBlock;
use crate::diagnostic::{Code, Diagnostic};

impl YamlBlock<'_> {
    /// The error for the parser's `message` at file `line`, 1-based `col`,
    /// when the character it stopped at (or else one in that line's
    /// indentation) is a tab: at the tab, with a hint to replace it.
    pub(super) fn tab_in_indentation(
        &self,
        message: &str,
        line: usize,
        col: usize,
    ) -> Option<Diagnostic> {
        if !message.starts_with("found character that cannot start any token") {
            return None;
        }
        let text = self.text.lines().nth(line.checked_sub(self.first_line)?)?;
        let at = if text.chars().nth(col.checked_sub(1)?) == Some('\t') {
            col
        } else {
            (text.chars())
                .take_while(|c| c.is_whitespace())
                .position(|c| c == '\t')?
                + 1
        };
        Some(
            Diagnostic::error(self.file, line, at, Code::InvalidYaml, message).with_hint(format!(
                "YAML indents with spaces, not tabs: replace the tab at line {line}"
            )),
        )
    }
}
