//! credo's own Tera filters, for the theme's words and dates.
//!
//! - `fill`: a text of `site.strings` with its `{name}` places filled from the
//!   arguments: `{{ site.strings.steps_done | fill(done=n, total=m) }}`. The
//!   text is escaped; an argument is escaped unless marked `| safe`, which
//!   lets a place hold markup (a link, a `<time>`).
//! - `local_date`: a `YYYY-MM-DD` date as the page's language writes it
//!   (`site.strings.date_format` and the month names): `4 December 2026`,
//!   `4. Dezember 2026`, `2026年12月4日`. Anything else is left as it is.

use tera::{Kwargs, State, Value};

/// Registers the filters on `tera`.
pub(super) fn register(tera: &mut tera::Tera) {
    tera.register_filter("fill", fill);
    tera.register_filter("local_date", local_date);
}

fn escaped(state: &State, value: &Value) -> tera::TeraResult<String> {
    if value.is_undefined() || value.is_none() {
        return Ok(String::new());
    }
    if value.as_str().is_some() && value.is_safe() {
        return Ok(value.as_str().unwrap_or_default().to_string());
    }
    state.escape_if_needed(value)
}

fn fill(text: Value, kwargs: Kwargs, state: &State) -> tera::TeraResult<Value> {
    let mut out = escaped(state, &text)?;
    for (name, value) in kwargs.iter() {
        let place = format!("{{{name}}}");
        if out.contains(&place) {
            out = out.replace(&place, &escaped(state, value)?);
        }
    }
    Ok(Value::safe_string(&out))
}

fn local_date(date: Value, _: Kwargs, state: &State) -> tera::TeraResult<Value> {
    let text = match date.as_str() {
        Some(s) => s.to_string(),
        None => return Ok(date),
    };
    let Some(parsed) = text
        .get(..10)
        .and_then(crate::load::vocabulary::Date::parse)
    else {
        return Ok(date);
    };
    let site: Option<Value> = state.get("site")?;
    let format = |key: &str| -> Option<String> {
        let path = format!("strings.{key}");
        Some(site.as_ref()?.get_from_path(&path)?.as_str()?.to_string())
    };
    let (Some(pattern), Some(month)) = (
        format("date_format"),
        format(&format!("month_{}", parsed.month)),
    ) else {
        return Ok(date);
    };
    Ok(Value::from(super::strings::date_text(
        &pattern,
        &month,
        (parsed.year, parsed.month, parsed.day),
    )))
}
