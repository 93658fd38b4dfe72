//! Static files (the theme's, the site's, content assets) and the check
//! that none lands on a page or generated file.

use super::*;

/// A static file that would overwrite a page or a generated file is an
/// error: which one wins must never depend on the order of parallel writes.
/// Another language's edition writes under its folder (`prefix`, `de/`),
/// where the static files all languages share (`static/de/index.html`) land
/// too.
pub(super) fn collisions(
    made: &[OutputFile],
    elsewhere: &[String],
    statics: &[OutputFile],
    (site, prefix): (&Site, &str),
) -> Vec<Diagnostic> {
    let made: std::collections::HashSet<&str> = made
        .iter()
        .map(|f| f.path.as_str())
        .chain(elsewhere.iter().map(String::as_str))
        .collect();
    // Every folder credo's outputs are in: a file there (`content/x`
    // beside `content/x.md`, whose page is `x/index.html`) cannot be.
    let folders: std::collections::HashSet<&str> = made
        .iter()
        .flat_map(|path| path.match_indices('/').map(|(at, _)| &path[..at]))
        .collect();
    statics
        .iter()
        .filter_map(|s| {
            let path = s.path.strip_prefix(prefix)?;
            if made.contains(path) {
                let message = format!(
                    "this static file and a page credo generates both write /{}",
                    s.path
                );
                Some((s, message, "rename or remove the file: credo writes that page itself".to_string()))
            } else if folders.contains(path) {
                let message = format!(
                    "this file and the folder /{}/ that credo writes pages into are both at /{}",
                    s.path, s.path
                );
                Some((s, message, "rename the file (a file without an extension beside `x.md` is taken for the folder of x's page)".to_string()))
            } else if let Some(file) = made_ancestor(path, &made) {
                let message = format!(
                    "this file would be inside /{prefix}{file}, which credo writes as a file: both cannot be at /{}",
                    s.path
                );
                Some((s, message, "move the file to a folder of its own".to_string()))
            } else if prefix.is_empty() && other_language(site, path) {
                let message = format!(
                    "this file and the folder /{path}/ where credo writes the `{path}` edition are both at /{path}",
                );
                let hint = format!("rename the file; files for that edition go in static/{path}/");
                Some((s, message, hint))
            } else {
                None
            }
        })
        .map(|(s, message, hint)| {
            let file = match &s.content {
                Content::Copy(p) => site
                    .statics
                    .iter()
                    .find(|st| &st.source == p)
                    .map_or_else(|| s.path.clone(), |st| st.display.clone()),

                _ => s.path.clone(),
            };
            Diagnostic::error(
                file,
                0,
                0,
                Code::DuplicateUrl,
                message,
            )
            .with_hint(hint)
        })
        .collect()
}

/// The file credo makes that `path` would be inside (`handbook.json` for
/// `handbook.json/a.txt`).
fn made_ancestor<'a>(path: &str, made: &std::collections::HashSet<&'a str>) -> Option<&'a str> {
    path.match_indices('/')
        .find_map(|(at, _)| made.get(&path[..at]).copied())
}

/// Whether `path` is the folder of another language's edition, which the
/// default language's site holds (`de`).
fn other_language(site: &Site, path: &str) -> bool {
    site.config.root_path.is_none() && site.config.languages.contains_key(path)
}

/// Theme static files, then the site's own (which win), then content assets.
pub(super) fn static_files(site: &Site, theme: &Theme) -> Vec<OutputFile> {
    let mut by_path: BTreeMap<String, Content> = theme
        .statics
        .iter()
        .map(|(path, asset)| {
            let content = match asset {
                Asset::Embedded(bytes) => Content::Embedded(bytes),
                Asset::File(p) => Content::Copy(p.clone()),
            };
            (path.clone(), content)
        })
        .collect();
    for s in &site.statics {
        by_path.insert(s.output_path.clone(), Content::Copy(s.source.clone()));
    }
    by_path
        .into_iter()
        .map(|(path, content)| OutputFile { path, content })
        .collect()
}
