//! GitBook: the book's root (SRC, or the `root:` `.gitbook.yaml` names)
//! becomes `content/`; its SUMMARY.md (or `structure.summary`) gives the
//! reading order, titles and drafts as an mdBook's does ([`summary`]), its
//! `structure.readme` the home page. The files GitBook keeps in the hidden
//! `.gitbook/assets/`, which credo would not publish, are copied to a
//! visible folder and links to them follow. GitBook's blocks
//! (`{% hint %}`, `{% tabs %}`, `{% embed %}`, …) become Markdown
//! ([`blocks`]); fenced code is left alone.

use std::path::Path;

use super::body::{alert_block, indent_of, outside_fences, put, step_fence, trimmed};
use super::includes::{self, Include};
use super::mdx::attribute;
use super::{Generator, Plan, SiteInfo, config_text, read_config, summary};

/// The file that marks a GitBook repository.
pub(super) const CONFIG: &str = ".gitbook.yaml";

/// Where GitBook keeps uploaded images and files, below the book's root.
const ASSETS: &str = ".gitbook/assets";

/// The blocks [`blocks`] writes as Markdown, and their closing tags.
const KNOWN: &[&str] = &[
    "hint",
    "endhint",
    "tabs",
    "endtabs",
    "tab",
    "endtab",
    "content-ref",
    "endcontent-ref",
    "embed",
    "endembed",
    "code",
    "endcode",
    "file",
    "endfile",
];

/// A GitBook's plan.
pub(super) fn plan(src: &Path) -> Plan {
    let config = read_config(&src.join(CONFIG)).unwrap_or_default();
    // A root that climbs out of SRC is not followed.
    let root = config_text(&config, "root")
        .and_then(|root| crate::site::refs::normalise(&root))
        .unwrap_or_default();
    let book = src.join(&root);
    let summary_name =
        config_text(&config, "structure.summary").unwrap_or_else(|| "SUMMARY.md".into());
    let readme = config_text(&config, "structure.readme").unwrap_or_else(|| "README.md".into());
    let site = SiteInfo {
        title: super::heading_title(&book),
        ..SiteInfo::default()
    };
    let mut plan = Plan::new(Generator::GitBook, site);
    // `.gitbook` and `.gitbook.yaml` are reported below.
    let gitbook_own = |rel: &str| rel == summary_name || rel == ".gitbook" || rel == CONFIG;
    plan.add_tree(&book, "content", &gitbook_own);
    if src.join(CONFIG).is_file() {
        plan.skipped
            .push(format!("{CONFIG}: read for the book's root and structure"));
    }
    match std::fs::read_to_string(book.join(&summary_name)) {
        Ok(text) => {
            summary::follow(&mut plan, &summary_name, &text);
            summary::move_chapters_into_their_folders(&mut plan);
        }
        Err(_) => plan
            .skipped
            .push(format!("{summary_name}: not found, so no reading order")),
    }
    home_page(&mut plan, &readme);
    copy_assets(&mut plan, src, &book);
    // `{% include %}`s are written out where they stand, read inside SRC.
    plan.include_root = Some(src.to_path_buf());
    plan
}

/// `body`, of the page at `page`, with each `{% include "file" %}` line
/// (GitBook's reusable content, kept in `.gitbook/includes/`) written out
/// where it stands ([`includes::write_out`]).
pub(super) fn expand_includes(
    body: &str,
    page: &Path,
    root: &Path,
) -> (Option<String>, Vec<String>) {
    includes::write_out(body, page, root, |line| {
        let (_, args) = tag(line).filter(|(name, _)| *name == "include")?;
        let target = args.trim_matches(['"', '\'', ' ']);
        Some(Include {
            path: target.to_string(),
            problem: format!(
                "{{% include \"{target}\" %}}: {target} cannot be read inside the book"
            ),
        })
    })
}

/// The page `.gitbook.yaml` names the book's first (`structure.readme`,
/// when not README.md) becomes the home page, `index.md`, unless the top
/// has an `index.md` or `_index.md` already.
fn home_page(plan: &mut Plan, readme: &str) {
    let from = format!("content/{}", readme.trim_start_matches("./"));
    let is_page = |dest: &str| plan.pages.iter().any(|p| p.dest == dest);
    let taken = ["content/index.md", "content/_index.md"]
        .iter()
        .any(|d| is_page(d));
    if readme == "README.md" || !is_page(&from) || taken {
        return;
    }
    plan.rename_page(&from, "content/index.md");
    plan.drafts.remove("content/index.md");
    plan.notes.push(format!(
        "{readme} → content/index.md: {CONFIG} makes it the book's first page, the home page in credo"
    ));
}

/// Copies the files of `.gitbook/assets/` (in the book's root `book`, else
/// at the top of SRC `src`) to a visible folder at the top of `content/`
/// (`assets/`, or `gitbook-assets/` when that is taken), links into it
/// following, and reports what else `.gitbook/` held.
fn copy_assets(plan: &mut Plan, src: &Path, book: &Path) {
    let gitbook = book.join(".gitbook");
    let mut others: Vec<String> = (std::fs::read_dir(&gitbook).into_iter().flatten().flatten())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name != "assets")
        .collect();
    others.sort();
    if !others.is_empty() {
        plan.skipped.push(format!(
            ".gitbook/{}: GitBook's own, hidden, and credo publishes no file or folder whose name starts with `.`",
            others.join(", .gitbook/")
        ));
    }
    // GitBook keeps them at the repository's top even when `root:` names a
    // folder below it, where pages link up to them (`../.gitbook/assets/`).
    let (assets, from) = match (book.join(ASSETS), src.join(ASSETS)) {
        (inside, _) if inside.is_dir() => (inside, ASSETS.to_string()),
        (_, above) if above.is_dir() && book != src => {
            let depth = book.strip_prefix(src).map_or(0, |b| b.components().count());
            (above, format!("{}{ASSETS}", "../".repeat(depth)))
        }
        _ => return,
    };
    let (to, copied) = plan.move_folder(
        &assets,
        format!("content/{from}"),
        &["assets", "gitbook-assets"],
    );
    let files = match copied {
        1 => "1 image or file".to_string(),
        n => format!("{n} images and files"),
    };
    let shown = assets.strip_prefix(src).unwrap_or(&assets);
    let shown = shown.to_string_lossy().replace('\\', "/");
    plan.notes.push(format!(
        "{shown}/ → {to}/: {files} GitBook keeps in a hidden folder, which credo would not publish; links to them follow"
    ));
}

/// The Liquid-like tag a line is (`{% hint style="info" %}`): its name
/// and arguments.
fn tag(line: &str) -> Option<(&str, &str)> {
    let inner = line.trim().strip_prefix("{%")?.strip_suffix("%}")?;
    let inner = inner.trim_matches('-').trim();
    let (name, args) = inner
        .split_once(char::is_whitespace)
        .map_or((inner, ""), |(n, a)| (n, a.trim()));
    (!name.is_empty()).then_some((name, args))
}

/// The names of the `{% … %}` tags in `line`, outside code spans, that
/// [`blocks`] does not write out.
pub(super) fn unknown_tags(line: &str) -> Vec<&str> {
    let mut found = Vec::new();
    for (at, _) in line.match_indices("{%") {
        if line[..at].matches('`').count() % 2 == 1 {
            continue;
        }
        let rest = line[at + 2..].trim_start_matches('-').trim_start();
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '%')
            .unwrap_or(rest.len());
        let name = &rest[..end];
        if !name.is_empty() && !KNOWN.contains(&name) && !found.contains(&name) {
            found.push(name);
        }
    }
    found
}

/// Where the block opened at `lines[start]` by `{% name %}` closes
/// (`{% endname %}`, nested ones of its kind skipped, fenced code
/// ignored). A block whose close is optional (`embed`, `file`) has none
/// when another of its kind opens first.
fn block_end(lines: &[&str], start: usize, name: &str, optional: bool) -> Option<usize> {
    let close = format!("end{name}");
    let mut depth = 0;
    let mut fence = None;
    for (i, line) in lines.iter().enumerate().skip(start + 1) {
        if step_fence(&mut fence, line) || fence.is_some() {
            continue;
        }
        match tag(line) {
            Some((n, _)) if n == name && optional => return None,
            Some((n, _)) if n == name => depth += 1,
            Some((n, _)) if n == close && depth == 0 => return Some(i),
            Some((n, _)) if n == close => depth -= 1,
            _ => {}
        }
    }
    None
}

/// A link's destination as Markdown takes it: in `<…>` when it holds
/// spaces or brackets (GitBook writes `src="../.gitbook/assets/a b.pdf"`).
fn destination(url: &str) -> String {
    match url.contains(|c: char| c.is_whitespace() || "()<>".contains(c)) {
        true => format!("<{}>", url.replace(['<', '>'], "")),
        false => url.to_string(),
    }
}

/// GitBook's blocks as Markdown: `{% hint style="…" %}` … `{% endhint %}`
/// a GitHub alert (info NOTE, success TIP, warning WARNING, danger
/// CAUTION); each `{% tab title="…" %}` a bold line over its text, as
/// MkDocs' tabs are written (`{% tabs %}` goes); `{% content-ref %}` its
/// link; `{% embed url="…" %}` and `{% file src="…" %}` a link (labelled
/// by their caption); `{% code title="…" %}` the fenced block it holds,
/// the title in its info string. Other tags stay as written.
pub(super) fn blocks(lines: &[&str]) -> Vec<String> {
    outside_fences(lines, |i, out| {
        let line = lines[i];
        if let Some((name, args, inner)) = one_line_block(line) {
            // `{% hint style="info" %} Text {% endhint %}` on one line.
            let block = block(name, args, &[inner]);
            put(out, indent_of(line), block, lines.get(i + 1).copied());
            return i + 1;
        }
        let Some((name, args)) = tag(line) else {
            out.push(line.to_string());
            return i + 1;
        };
        let optional = matches!(name, "embed" | "file");
        let end = match name {
            "hint" | "tabs" | "tab" | "content-ref" | "code" | "embed" | "file" => {
                block_end(lines, i, name, optional)
            }
            _ => None,
        };
        let Some(end) = end.or(optional.then_some(i)) else {
            out.push(line.to_string());
            return i + 1;
        };
        // The block's lines, without the indent of its opening tag (a
        // block in a list item stays in it).
        let indent = indent_of(line);
        let inner: Vec<&str> = (lines[i + 1..end.max(i + 1)].iter())
            .map(|l| l.strip_prefix(indent).unwrap_or(l.trim_start()))
            .collect();
        let block = block(name, args, &inner);
        put(out, indent, block, lines.get(end + 1).copied());
        end + 1
    })
}

/// A hint opened and closed on one line (`{% hint %} Text {% endhint %}`):
/// its name, its arguments and its text.
fn one_line_block(line: &str) -> Option<(&str, &str, &str)> {
    let rest = line.trim().strip_prefix("{%")?;
    let (open, rest) = rest.split_once("%}")?;
    let (inner, close) = rest.split_once("{%")?;
    let open = open.trim_matches('-').trim();
    let (name, args) = open.split_once(char::is_whitespace).unwrap_or((open, ""));
    let close = close.trim().strip_suffix("%}")?.trim_matches('-').trim();
    (name == "hint" && close == "endhint" && !inner.trim().is_empty())
        .then(|| (name, args.trim(), inner.trim()))
}

/// The Markdown for one block: the tag `name` with `args`, over `inner`.
fn block(name: &str, args: &str, inner: &[&str]) -> Vec<String> {
    let args = format!(" {args}");
    let caption = || {
        let text = inner.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
        let text = text.trim().to_string();
        let text = Some(text).filter(|t| !t.is_empty());
        text.or_else(|| attribute(&args, "caption").map(str::to_string))
    };
    match name {
        "hint" => {
            let alert = match attribute(&args, "style").unwrap_or("info") {
                "success" => "TIP",
                "warning" => "WARNING",
                "danger" => "CAUTION",
                _ => "NOTE",
            };
            alert_block(alert, None, trimmed(blocks(inner)))
        }
        "tabs" => trimmed(blocks(inner)),
        "tab" => {
            let title = attribute(&args, "title").unwrap_or("Tab");
            let mut block = vec![format!("**{title}**"), String::new()];
            block.extend(trimmed(blocks(inner)));
            block
        }
        "content-ref" => {
            let kept = trimmed(inner.iter().map(|l| l.to_string()).collect());
            match (kept.is_empty(), attribute(&args, "url")) {
                (true, Some(url)) => vec![format!("[{url}]({})", destination(url))],
                _ => kept,
            }
        }
        "embed" => match attribute(&args, "url") {
            Some(url) => {
                let label = caption().unwrap_or_else(|| url.to_string());
                vec![format!("[{label}]({})", destination(url))]
            }
            None => inner.iter().map(|l| l.to_string()).collect(),
        },
        "file" => match attribute(&args, "src") {
            Some(src) => {
                let file = src.rsplit('/').next().unwrap_or(src);
                let file = percent_encoding::percent_decode_str(file).decode_utf8_lossy();
                let label = caption().unwrap_or_else(|| file.into_owned());
                vec![format!("[{label}]({})", destination(src))]
            }
            None => inner.iter().map(|l| l.to_string()).collect(),
        },
        // `code`: the fenced block, titled.
        _ => {
            let title = attribute(&args, "title");
            let mut titled = false;
            let mut block: Vec<String> = Vec::with_capacity(inner.len());
            for line in trimmed(inner.iter().map(|l| l.to_string()).collect()) {
                let fence = line.trim_start();
                let opens = fence.starts_with("```") || fence.starts_with("~~~");
                match title {
                    Some(title) if opens && !titled && !fence.contains("title=") => {
                        titled = true;
                        let title = title.replace('"', "'");
                        // credo reads a fence's first word as its language.
                        let ticks = fence.chars().take_while(|c| matches!(c, '`' | '~'));
                        let bare = fence.trim_end().len() == ticks.count();
                        let text = if bare { "text" } else { "" };
                        block.push(format!("{line}{text} title=\"{title}\""));
                    }
                    _ => block.push(line),
                }
            }
            block
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::body::{convert, hand_work};
    use super::*;

    #[test]
    fn a_hint_on_one_line_is_an_alert() {
        let lines = [
            "{% hint style=\"warning\" %} Check the **account** first. {% endhint %}",
            "Next.",
        ];
        assert_eq!(
            blocks(&lines),
            [
                "> [!WARNING]",
                "> Check the **account** first.",
                "",
                "Next."
            ]
        );
        let kept = ["{% hint style=\"info\" %}{% endhint %} x"];
        assert_eq!(blocks(&kept), kept);
    }

    #[test]
    fn an_include_in_a_list_item_stays_in_the_item() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join(".gitbook/includes")).unwrap();
        std::fs::write(
            root.join(".gitbook/includes/steps.md"),
            "Say hello.\n\nSay your name.\n",
        )
        .unwrap();
        let body = "- Step one\n\n  {% include \".gitbook/includes/steps.md\" %}\n\n- Step two\n";
        let (expanded, problems) = expand_includes(body, &root.join("page.md"), root);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(
            expanded.as_deref(),
            Some("- Step one\n\n  Say hello.\n\n  Say your name.\n\n- Step two\n")
        );
    }

    #[test]
    fn hints_become_alerts_and_tabs_bold_lines() {
        let body = "Intro.\n\n{% hint style=\"warning\" %}\nNever promise a date.\n\nAsk first.\n{% endhint %}\nAfter.\n\n{% tabs %}\n{% tab title=\"Mac\" %}\nPress **Cmd-K**.\n\n{% hint style=\"success\" %}\nSaved.\n{% endhint %}\n{% endtab %}\n\n{% tab title=\"Windows\" %}\nPress Ctrl-K.\n{% endtab %}\n{% endtabs %}\n\n{% hint style=\"danger\" %}\nNo client names.\n{% endhint %}\n\n- Step\n\n  {% hint style=\"info\" %}\n  In a list.\n  {% endhint %}\n";
        assert_eq!(
            convert(body, Generator::GitBook).unwrap(),
            "Intro.\n\n> [!WARNING]\n> Never promise a date.\n>\n> Ask first.\n\nAfter.\n\n**Mac**\n\nPress **Cmd-K**.\n\n> [!TIP]\n> Saved.\n\n**Windows**\n\nPress Ctrl-K.\n\n> [!CAUTION]\n> No client names.\n\n- Step\n\n  > [!NOTE]\n  > In a list.\n"
        );
    }

    #[test]
    fn links_embeds_files_and_code_titles() {
        let body = "{% content-ref url=\"billing/\" %}\n[Billing](billing/)\n{% endcontent-ref %}\n\n{% embed url=\"https://video.example/onboarding\" %}\n\n{% embed url=\"https://maps.example/office\" %}\nHow to find us\n{% endembed %}\n\n{% embed url=\"https://x.example/a\" caption=\"Old style\" %}\n\n{% file src=\"../.gitbook/assets/Client brief.pdf\" %}\n\n{% file src=\".gitbook/assets/rates.xlsx\" %}\nRate card\n{% endfile %}\n\n{% code title=\"greet.sh\" lineNumbers=\"true\" %}\n```bash\necho \"{% hint %}\"\n```\n{% endcode %}\n\n{% swagger method=\"get\" %}\n\n```\n{% hint style=\"info\" %}\n```\n";
        assert_eq!(
            convert(body, Generator::GitBook).unwrap(),
            "[Billing](billing/)\n\n[https://video.example/onboarding](https://video.example/onboarding)\n\n[How to find us](https://maps.example/office)\n\n[Old style](https://x.example/a)\n\n[Client brief.pdf](<../.gitbook/assets/Client brief.pdf>)\n\n[Rate card](.gitbook/assets/rates.xlsx)\n\n```bash title=\"greet.sh\"\necho \"{% hint %}\"\n```\n\n{% swagger method=\"get\" %}\n\n```\n{% hint style=\"info\" %}\n```\n"
        );
        assert_eq!(
            hand_work(body, Generator::GitBook),
            ["GitBook's {% swagger %}, which credo has no form for"]
        );
        // An unclosed hint stays as written.
        assert_eq!(
            convert("{% hint style=\"info\" %}\nOpen.\n", Generator::GitBook),
            None
        );
    }
}
