//! The vocabulary of a playbook: what a page is ([`Kind`]), how a section
//! orders its pages ([`SortBy`]), checklists, contrasts, track steps and
//! dates. The front-matter parser ([`super::frontmatter`]) produces them;
//! every later stage reads them.

use serde::{Deserialize, Serialize};

/// What a page is; decides its template and how the model links it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A numbered rule of the credo.
    Principle,
    /// A core value.
    Value,
    /// Two attitudes set side by side (`contrast`).
    Attitude,
    /// A situation that applies principles.
    Scenario,
    /// A page whose point is its checklist.
    Checklist,
    /// An ordered reading path.
    Track,
    /// Anything else.
    Page,
}

impl Kind {
    /// Every kind, in the order used for listings.
    pub(crate) const ALL: [Kind; 7] = [
        Kind::Principle,
        Kind::Value,
        Kind::Attitude,
        Kind::Scenario,
        Kind::Checklist,
        Kind::Track,
        Kind::Page,
    ];

    /// The lowercase name used in front matter and templates.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Kind::Principle => "principle",
            Kind::Value => "value",
            Kind::Attitude => "attitude",
            Kind::Scenario => "scenario",
            Kind::Checklist => "checklist",
            Kind::Track => "track",
            Kind::Page => "page",
        }
    }

    /// Parses a kind name.
    pub(crate) fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

/// How a section orders its pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SortBy {
    /// By `weight`, then number, then title.
    #[default]
    Weight,
    /// By `number`, then weight, then title.
    Number,
    /// By title.
    Title,
}

/// A group of checklist items (items outside any group form an untitled group).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ChecklistGroup {
    /// The group's heading, if any.
    pub group: Option<String>,
    /// The items.
    pub items: Vec<ChecklistItem>,
}

/// One checklist item.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ChecklistItem {
    /// What to do.
    pub text: String,
    /// More about it.
    pub detail: Option<String>,
    /// A stable id: the explicit `id`, else derived from the text.
    pub id: String,
}

/// Both columns of a contrast, validated (by `contrast.rs`, before serde
/// reads it).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Contrast {
    /// The left column (e.g. the service attitude).
    pub left: Column,
    /// The right column (e.g. the sales attitude).
    pub right: Column,
}

/// One column of a contrast.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Column {
    /// The column heading.
    pub title: String,
    /// Its points, compared row by row with the other column's.
    #[serde(default)]
    pub points: Vec<String>,
}

/// One step of a track.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The page to read.
    pub target: String,
    /// Why, or what to look for.
    pub note: Option<String>,
}

/// A calendar date (`YYYY-MM-DD`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day, 1–31.
    pub day: u32,
}

impl Date {
    /// Parses `YYYY-MM-DD`, checking the day exists.
    pub(crate) fn parse(s: &str) -> Option<Date> {
        let mut parts = s.trim().splitn(3, '-');
        let year: i32 = parts.next()?.parse().ok()?;
        let month: u32 = parts.next()?.parse().ok()?;
        let day: u32 = parts.next()?.parse().ok()?;
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
            2 => 28,
            _ => return None,
        };
        (s.trim().len() == 10 && (1..=days_in_month).contains(&day)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// Days since 1970-01-01 (the civil-from-days algorithm, inverted).
    pub(crate) fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}
