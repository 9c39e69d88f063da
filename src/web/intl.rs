//! Dates in the widget's language: the default style formatted here in the visitor's time zone,
//! the others through the browser's `Intl` in the chosen time zone. Falls back to the built-in
//! formatting (the feed's own offset) when `Intl` refuses, e.g. an unknown time zone, which is
//! reported once per widget by the caller.

use js_sys::{Array, Date, Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::config::DateStyle;
use crate::date::{format_date, relative_unit, Timestamp};
use crate::i18n::Lang;

fn locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "id-ID",
        Lang::En => "en-US",
    }
}

thread_local! {
    // Formatters by name, language, options and zone: making one costs about a millisecond, and
    // every card's date asks for the same few.
    static FORMATTERS: std::cell::RefCell<Vec<(String, JsValue)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// `new Intl[name](locale, options)`, made once per distinct set of arguments.
fn intl(
    name: &str,
    lang: Lang,
    pairs: &[(&str, &str)],
    time_zone: Option<&str>,
) -> Option<JsValue> {
    let mut key = format!("{name} {} {}", locale(lang), time_zone.unwrap_or(""));
    for (option, value) in pairs {
        key.push_str(&format!(" {option}={value}"));
    }
    if let Some(found) = FORMATTERS.with(|cache| {
        cache
            .borrow()
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, f)| f.clone())
    }) {
        return Some(found);
    }
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: Function = Reflect::get(&intl, &name.into()).ok()?.dyn_into().ok()?;
    let formatter = Reflect::construct(
        &constructor,
        &Array::of2(&locale(lang).into(), &options(pairs, time_zone)),
    )
    .ok()?;
    FORMATTERS.with(|cache| cache.borrow_mut().push((key, formatter.clone())));
    Some(formatter)
}

/// `object.format(...args)` as a string.
fn call_format(object: &JsValue, args: &Array) -> Option<String> {
    let format: Function = Reflect::get(object, &"format".into())
        .ok()?
        .dyn_into()
        .ok()?;
    format.apply(object, args).ok()?.as_string()
}

fn options(pairs: &[(&str, &str)], time_zone: Option<&str>) -> Object {
    let options = Object::new();
    for (key, value) in pairs
        .iter()
        .copied()
        .chain(time_zone.map(|zone| ("timeZone", zone)))
    {
        let _ = Reflect::set(&options, &key.into(), &value.into());
    }
    options
}

/// Whether `Intl` accepts the time zone.
pub fn time_zone_works(time_zone: &str) -> bool {
    intl("DateTimeFormat", Lang::En, &[], Some(time_zone)).is_some()
}

/// The date as the `date` attribute asks; `None` for `date="none"`.
pub fn display_date(
    ts: &Timestamp,
    style: DateStyle,
    lang: Lang,
    time_zone: Option<&str>,
) -> Option<String> {
    let medium = [("day", "numeric"), ("month", "long"), ("year", "numeric")];
    let pairs: &[(&str, &str)] = match style {
        DateStyle::None => return None,
        DateStyle::Relative => {
            let seconds_ago = (Date::now() / 1000.0) as i64 - ts.unix_seconds;
            if let Some((value, unit)) = relative_unit(seconds_ago) {
                let formatter = intl("RelativeTimeFormat", lang, &[("numeric", "auto")], None);
                let text = formatter.and_then(|f| {
                    call_format(&f, &Array::of2(&(value as f64).into(), &unit.into()))
                });
                if let Some(text) = text {
                    return Some(text);
                }
            }
            &medium
        }
        DateStyle::Medium => &medium,
        DateStyle::Short => &[
            ("day", "2-digit"),
            ("month", "2-digit"),
            ("year", "numeric"),
        ],
        DateStyle::Long => &[
            ("weekday", "long"),
            ("day", "numeric"),
            ("month", "long"),
            ("year", "numeric"),
        ],
    };
    let date = Date::new(&((ts.unix_seconds as f64) * 1000.0).into());
    // The default date needs no Intl: the first `Intl.DateTimeFormat` of a page loads the
    // locale's data, a task of 40–100 ms on a cold start (cargo xtask bench, longest task).
    if pairs == medium.as_slice() && time_zone.is_none() {
        let visitor_offset = -(date.get_timezone_offset() as i32);
        let local = Timestamp {
            offset_minutes: visitor_offset,
            ..*ts
        };
        return Some(format_date(&local, lang));
    }
    intl("DateTimeFormat", lang, pairs, time_zone)
        .and_then(|formatter| call_format(&formatter, &Array::of1(&date)))
        .or_else(|| Some(format_date(ts, lang)))
}
