//! "Edit this page", "Ask the owner" and "Was this helpful?": the links a
//! page carries when credo.yaml configures them (`edit_url`, `owners`,
//! `feedback`). None of them needs a server or analytics: each is a plain
//! link to the site's repository, the owner's address, or a mail or issue
//! form filled in with the page.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

use crate::config::Config;

/// What a query value keeps unescaped (RFC 3986 unreserved characters).
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// A path keeps its slashes.
const PATH: &AsciiSet = &QUERY_VALUE.remove(b'/');

/// A page's reader links, available as `page.actions` and `section.actions`;
/// each is absent when credo.yaml does not configure it.
#[derive(Debug, Default, Serialize)]
pub(crate) struct PageActions {
    /// "Edit this page": `edit_url` with `{path}` replaced by the page's
    /// file (`content/principles/a.md`).
    pub edit: Option<String>,
    /// "Ask the owner": the page owner's contact from `owners` (`mailto:`
    /// for an email address, else the URL as written).
    pub ask_owner: Option<String>,
    /// "Was this helpful?": the `feedback` address or form, prefilled with
    /// "helpful", the page's title, address, owner and review date.
    pub helpful: Option<String>,
    /// The same, prefilled with "not helpful".
    pub not_helpful: Option<String>,
}

/// What [`PageActions::new`] needs to know about a page.
pub(crate) struct About<'a> {
    /// Its file from the site root, if it has one.
    pub file: Option<&'a str>,
    /// Its title.
    pub title: &'a str,
    /// Its absolute URL.
    pub permalink: &'a str,
    /// Its owner.
    pub owner: Option<&'a str>,
    /// When it was last reviewed.
    pub reviewed: Option<&'a str>,
}

impl PageActions {
    /// The links of the page described by `about`.
    pub(crate) fn new(config: &Config, about: &About<'_>) -> PageActions {
        let edit = config
            .edit_url
            .as_deref()
            .zip(about.file)
            .map(|(pattern, file)| {
                pattern.replace("{path}", &utf8_percent_encode(file, PATH).to_string())
            });
        let ask_owner = about
            .owner
            .and_then(|o| config.owners.get(o))
            .map(|contact| contact_href(contact));
        let feedback = |verdict: &str| {
            config
                .feedback
                .as_deref()
                .map(|to| feedback_href(to, verdict, about))
        };
        PageActions {
            edit,
            ask_owner,
            helpful: feedback("Helpful"),
            not_helpful: feedback("Not helpful"),
        }
    }
}

/// An email address becomes a `mailto:` link; anything else is a URL.
fn contact_href(contact: &str) -> String {
    let contact = contact.trim();
    if contact.contains('@') && !contact.contains(':') {
        format!("mailto:{contact}")
    } else {
        contact.to_string()
    }
}

/// `to` (a `mailto:` address or an issue form) with a subject (`title` for a
/// form) and a body that name the page.
fn feedback_href(to: &str, verdict: &str, about: &About<'_>) -> String {
    let subject_key = if to.starts_with("mailto:") {
        "subject"
    } else {
        "title"
    };
    let mut body = format!("{verdict}: {}\nPage: {}\n", about.title, about.permalink);
    if let Some(owner) = about.owner {
        body.push_str(&format!("Owner: {owner}\n"));
    }
    if let Some(date) = about.reviewed {
        body.push_str(&format!("Last reviewed: {date}\n"));
    }
    body.push_str("\nWhat would make it better?\n");
    let subject = format!("{verdict}: {}", about.title);
    format!(
        "{to}{}{subject_key}={}&body={}",
        if to.contains('?') { '&' } else { '?' },
        utf8_percent_encode(&subject, QUERY_VALUE),
        utf8_percent_encode(&body, QUERY_VALUE)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn about() -> About<'static> {
        About {
            file: Some("content/a b/é.md"),
            title: "Be on time",
            permalink: "https://x.example/a/",
            owner: Some("Ops"),
            reviewed: Some("2026-01-02"),
        }
    }

    #[test]
    fn nothing_configured_means_no_links() {
        let a = PageActions::new(&Config::default(), &about());
        assert!(a.edit.is_none() && a.ask_owner.is_none() && a.helpful.is_none());
    }

    #[test]
    fn every_link_is_filled_in() {
        let mut config = Config {
            edit_url: Some("https://git.example/r/edit/main/{path}".into()),
            feedback: Some("mailto:hb@x.example".into()),
            ..Config::default()
        };
        config.owners.insert("Ops".into(), "ops@x.example".into());
        let a = PageActions::new(&config, &about());
        assert_eq!(
            a.edit.as_deref(),
            Some("https://git.example/r/edit/main/content/a%20b/%C3%A9.md")
        );
        assert_eq!(a.ask_owner.as_deref(), Some("mailto:ops@x.example"));
        assert_eq!(
            a.helpful.as_deref(),
            Some(
                "mailto:hb@x.example?subject=Helpful%3A%20Be%20on%20time&body=Helpful%3A%20Be%20on%20time%0APage%3A%20https%3A%2F%2Fx.example%2Fa%2F%0AOwner%3A%20Ops%0ALast%20reviewed%3A%202026-01-02%0A%0AWhat%20would%20make%20it%20better%3F%0A"
            )
        );
        config.feedback = Some("https://git.example/r/issues/new?labels=handbook".into());
        config
            .owners
            .insert("Ops".into(), "https://chat.example/ops".into());
        let a = PageActions::new(&config, &about());
        assert!(a.not_helpful.unwrap().starts_with(
            "https://git.example/r/issues/new?labels=handbook&title=Not%20helpful%3A%20Be%20on%20time&body="
        ));
        assert_eq!(a.ask_owner.as_deref(), Some("https://chat.example/ops"));
    }
}
