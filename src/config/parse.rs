//! `parse_config`: the host's attributes, read by the rules of the contract table
//! (`crate::contract`), into a typed `Config` and a warning for every value that was ignored.

use std::fmt;

use super::*;
use crate::contract::{self, Range};
use crate::date::{parse_zone, DEFAULT_SITE_OFFSET_MINUTES};
use crate::feed::{parse_fields, request_url};
use crate::url::{safe_url, UrlUse};

/// A number attribute's name and range, taken from the contract table at compile time (so a
/// name missing from the table does not build, and only the name and range reach the wasm).
#[derive(Clone, Copy, Debug)]
struct Numeric {
    name: &'static str,
    range: Range,
}

impl Numeric {
    const fn of(name: &'static str) -> Numeric {
        Numeric {
            name,
            range: contract::attribute(name).kind.range(),
        }
    }
}

const LIMIT: Numeric = Numeric::of(ATTR_LIMIT);
const TIMEOUT: Numeric = Numeric::of(ATTR_TIMEOUT);
const CACHE: Numeric = Numeric::of(ATTR_CACHE);
const REFRESH: Numeric = Numeric::of(ATTR_REFRESH);
const AUTOPLAY: Numeric = Numeric::of(ATTR_AUTOPLAY);
const EXCERPT: Numeric = Numeric::of(ATTR_EXCERPT);
const HEADING_LEVEL: Numeric = Numeric::of(ATTR_HEADING_LEVEL);
const COLUMNS: Numeric = Numeric::of(ATTR_COLUMNS);

/// Reads the configuration. `get` returns an attribute by its base name (the caller adds any
/// `data-` prefix), `prefix` is that prefix for messages, `page` gives the defaults that depend on
/// the host page.
pub fn parse_config(
    get: impl Fn(&str) -> Option<String>,
    prefix: &str,
    page: Page,
) -> (Config, Vec<ConfigWarning>) {
    let mut attrs = Attributes {
        get,
        prefix,
        warnings: Vec::new(),
    };
    let feed = read_feed(&mut attrs, page.url);
    let limit = attrs
        .number(LIMIT, &format_args!("the default {DEFAULT_LIMIT} is used"))
        .map_or(DEFAULT_LIMIT, |n| n as usize);
    let layout = attrs.keyword(ATTR_LAYOUT, Layout::KEYWORDS, Layout::ALL);
    let lang = read_lang(&mut attrs, page.lang);
    let (format, fields) = read_format(&mut attrs);
    // The loader schedules by this attribute; it is read here only to warn about a bad value.
    attrs.keyword(ATTR_LOADING, contract::LOADING_KEYWORDS, &[(), ()]);
    let sort = attrs.keyword(ATTR_SORT, contract::SORT_KEYWORDS, &SORTS);
    let used = |default: u32| format!("{default} is used");
    let timeout_seconds = attrs
        .number(TIMEOUT, &used(DEFAULT_TIMEOUT_SECONDS))
        .unwrap_or(DEFAULT_TIMEOUT_SECONDS);
    let cache_seconds = attrs
        .number(CACHE, &used(DEFAULT_CACHE_SECONDS))
        .unwrap_or(DEFAULT_CACHE_SECONDS);
    // 0 is the documented "off"; anything else must be a sane interval.
    let refresh_seconds = match attrs.raw(ATTR_REFRESH) {
        Some(v) if v.trim() == "0" => None,
        _ => attrs.number(REFRESH, &used(0)),
    };
    let autoplay_attribute = attrs.number(AUTOPLAY, &used(0));
    // The ticker rotates by nature; the carousel only when asked.
    let autoplay = match layout {
        Layout::Ticker => Some(autoplay_attribute.unwrap_or(DEFAULT_TICKER_SECONDS)),
        _ => autoplay_attribute,
    };
    let reader = attrs.keyword(ATTR_READER, ReaderMode::KEYWORDS, ReaderMode::ALL);
    let show = read_show(&mut attrs);
    let excerpt_chars = attrs
        .number(EXCERPT, &"the feed's summary is shown as it is")
        .map(|n| n as usize);
    let image_ratio = attrs
        .parsed(
            ATTR_IMAGE_RATIO,
            parse_ratio,
            "is not a ratio such as 16/9, 4:3 or 1; 16/9 is used",
        )
        .unwrap_or((16, 9));
    let fallback_image = attrs.parsed(
        ATTR_FALLBACK_IMAGE,
        |raw| safe_url(page.url, raw, UrlUse::Web),
        "is not an http(s) image URL; articles without an image show none",
    );
    let heading = attrs
        .raw(ATTR_HEADING)
        .map(|h| crate::text::collapse_whitespace(&h))
        .filter(|h| !h.is_empty());
    let heading_level = attrs
        .number(HEADING_LEVEL, &used(u32::from(DEFAULT_HEADING_LEVEL)))
        .map_or(DEFAULT_HEADING_LEVEL, |n| n as u8);
    let target = attrs.keyword(ATTR_TARGET, LinkTarget::KEYWORDS, LinkTarget::ALL);
    let theme = attrs.keyword(ATTR_THEME, Theme::KEYWORDS, Theme::ALL);
    let accent = attrs.parsed(ATTR_ACCENT, Rgb::parse, "is not a colour Kabar reads (#rgb, #rrggbb, rgb(r, g, b) or a common name such as teal); the default accent is used");
    let filters = read_filters(&mut attrs);
    let columns = attrs
        .number(COLUMNS, &"columns follow the width")
        .map(|n| n as u8);
    let min_card_width = attrs.parsed(
        ATTR_MIN_CARD_WIDTH,
        css_length,
        "is not a length such as 18rem, 16em or 280px; 15.5rem is used",
    );
    let date_style = attrs.keyword(ATTR_DATE, DateStyle::KEYWORDS, DateStyle::ALL);
    let timezone = read_timezone(&mut attrs);
    let feed_offset_minutes = read_feed_timezone(&mut attrs);
    let search = attrs.flag(ATTR_SEARCH);
    let chips = read_chips(&mut attrs);
    let strings = read_strings(&mut attrs, lang);

    (
        Config {
            feed,
            limit,
            layout,
            lang,
            format,
            fields,
            sort,
            timeout_seconds,
            cache_seconds,
            refresh_seconds,
            reader,
            show,
            excerpt_chars,
            image_ratio,
            fallback_image,
            heading,
            heading_level,
            target,
            theme,
            accent,
            filters,
            columns,
            min_card_width,
            date_style,
            timezone,
            feed_offset_minutes,
            search,
            chips,
            strings,
            autoplay,
        },
        attrs.warnings,
    )
}

/// The host's attributes as `parse_config` reads them, and the warnings so far.
struct Attributes<'p, G> {
    get: G,
    prefix: &'p str,
    warnings: Vec<ConfigWarning>,
}

impl<G: Fn(&str) -> Option<String>> Attributes<'_, G> {
    /// The value as written, if present.
    fn raw(&self, name: &str) -> Option<String> {
        (self.get)(name)
    }

    fn warn(&mut self, name: &str, value: Option<&str>, advice: String) {
        self.warnings.push(ConfigWarning {
            attribute: format!("{}{name}", self.prefix),
            value: value.map(str::to_string),
            advice,
        });
    }

    /// An attribute read by `parse`; a value it rejects gets a warning with `advice` (which says
    /// what is used instead) and counts as absent.
    fn parsed<T>(
        &mut self,
        name: &str,
        parse: impl Fn(&str) -> Option<T>,
        advice: &str,
    ) -> Option<T> {
        let raw = self.raw(name)?;
        let value = parse(&raw);
        if value.is_none() {
            self.warn(name, Some(&raw), advice.to_string());
        }
        value
    }

    /// A keyword attribute: one of `keywords` (case-insensitive) for the value at the same
    /// place in `values`, else a warning and the first, which is the default.
    fn keyword<T: Copy>(&mut self, name: &str, keywords: &[&str], values: &[T]) -> T {
        let default = values[0];
        let Some(raw) = self.raw(name) else {
            return default;
        };
        let value = raw.trim().to_ascii_lowercase();
        match keywords.iter().position(|keyword| *keyword == value) {
            Some(index) => values.get(index).copied().unwrap_or(default),
            None => {
                let advice = format!(
                    "is not one of {}; {} is used",
                    keywords.join(", "),
                    keywords[0]
                );
                self.warn(name, Some(&value), advice);
                default
            }
        }
    }

    /// A whole number in the attribute's range; anything else warns with what is used instead
    /// (`fallback`) and counts as absent. Where the table says so, larger numbers are lowered
    /// to the maximum.
    fn number(&mut self, attribute: Numeric, fallback: &dyn fmt::Display) -> Option<u32> {
        let Range {
            min,
            max,
            unit,
            lowered_above,
            ..
        } = attribute.range;
        let raw = self.raw(attribute.name)?;
        match raw.trim().parse::<u32>() {
            Ok(n) if (min..=max).contains(&n) => Some(n),
            Ok(n) if lowered_above && n > max => {
                let advice = format!("is above the maximum; {max} is used");
                self.warn(attribute.name, Some(&raw), advice);
                Some(max)
            }
            _ => {
                let advice = format!("is not a {unit} from {min} to {max}; {fallback}");
                self.warn(attribute.name, Some(&raw), advice);
                None
            }
        }
    }

    /// A boolean attribute: present means on, unless the value is "false" (as some CMSs write).
    fn flag(&self, name: &str) -> bool {
        self.raw(name)
            .is_some_and(|v| !v.trim().eq_ignore_ascii_case("false"))
    }
}

/// `feed`: one or more http(s) URLs separated by whitespace, each resolved against the page.
/// Unusable ones are skipped with a warning; more than [`MAX_FEEDS`] are cut with one.
fn read_feed(
    attrs: &mut Attributes<'_, impl Fn(&str) -> Option<String>>,
    page_url: &str,
) -> Result<Vec<String>, FeedUrlProblem> {
    let Some(raw) = attrs.raw(ATTR_FEED).filter(|v| !v.trim().is_empty()) else {
        attrs.warn(
            ATTR_FEED,
            None,
            "set it to the URL of a feed (JSON Feed, WordPress posts, RSS or Atom), e.g. feed=\"/wp-json/wp/v2/posts?_embed\"".into(),
        );
        return Err(FeedUrlProblem::Missing);
    };
    let written: Vec<&str> = raw.split_whitespace().collect();
    if written.len() > MAX_FEEDS {
        attrs.warn(
            ATTR_FEED,
            Some(&raw),
            format!(
                "lists {} feeds; only the first {MAX_FEEDS} are read (merge more ahead of time with `kabar merge`)",
                written.len()
            ),
        );
    }
    let mut urls: Vec<String> = Vec::new();
    for one in written.into_iter().take(MAX_FEEDS) {
        match safe_url(page_url, one, UrlUse::Feed) {
            Some(url) => {
                let url = request_url(&url);
                if !urls.contains(&url) {
                    urls.push(url);
                }
            }
            None => attrs.warn(
                ATTR_FEED,
                Some(one),
                "is not an http(s) URL; set it to the address of a feed".into(),
            ),
        }
    }
    if urls.is_empty() {
        Err(FeedUrlProblem::Unusable(raw))
    } else {
        Ok(urls)
    }
}

/// `chips`: present (or `category`) for category chips, `source` for one chip per feed.
fn read_chips(attrs: &mut Attributes<'_, impl Fn(&str) -> Option<String>>) -> Chips {
    let Some(raw) = attrs.raw(ATTR_CHIPS) else {
        return Chips::Off;
    };
    match raw.trim().to_ascii_lowercase().as_str() {
        "false" => Chips::Off,
        "" | "true" | "chips" | "category" => Chips::Category,
        "source" => Chips::Source,
        _ => {
            attrs.warn(
                ATTR_CHIPS,
                Some(&raw),
                "is not category or source; category chips are shown".into(),
            );
            Chips::Category
        }
    }
}

/// `lang`: without the attribute the widget speaks the page's language when it knows it.
fn read_lang(
    attrs: &mut Attributes<'_, impl Fn(&str) -> Option<String>>,
    page_lang: Option<&str>,
) -> Lang {
    let page_lang = page_lang.and_then(Lang::parse).unwrap_or_default();
    let Some(raw) = attrs.raw(ATTR_LANG) else {
        return page_lang;
    };
    Lang::parse(&raw).unwrap_or_else(|| {
        let advice = format!(
            "is not one of {}; {} is used",
            Lang::KEYWORDS.join(", "),
            page_lang.tag()
        );
        attrs.warn(ATTR_LANG, Some(&raw), advice);
        page_lang
    })
}

/// `format` and `fields` (which `format="custom"` needs).
fn read_format(
    attrs: &mut Attributes<'_, impl Fn(&str) -> Option<String>>,
) -> (Option<Format>, Option<FieldMap>) {
    let names: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
    let advice = format!(
        "is not one of {}; the format is detected from the feed",
        names.join(", ")
    );
    let format = attrs.parsed(ATTR_FORMAT, Format::parse, &advice);
    if format == Some(Format::Custom) && attrs.raw(ATTR_FIELDS).is_none() {
        attrs.warn(
            ATTR_FORMAT,
            Some("custom"),
            "needs a fields attribute that says where the title, link and so on are, e.g. fields=\"items: data.posts; title: headline; url: link\"".into(),
        );
    }
    let fields = attrs.raw(ATTR_FIELDS).map(|raw| {
        let (map, problems) = parse_fields(&raw);
        for problem in problems {
            attrs.warn(
                ATTR_FIELDS,
                Some(&raw),
                format!("is partly unusable: {problem}"),
            );
        }
        map
    });
    (format, fields)
}

/// `show`: a comma list of card parts; unknown names warn and are ignored.
fn read_show(attrs: &mut Attributes<'_, impl Fn(&str) -> Option<String>>) -> Show {
    let Some(raw) = attrs.raw(ATTR_SHOW) else {
        return Show::default();
    };
    let mut show = Show::NONE;
    for part in raw.split(',').map(|p| p.trim().to_ascii_lowercase()) {
        if part.is_empty() {
            continue;
        }
        match show.part(&part) {
            Some(on) => *on = true,
            None => {
                let advice = format!(
                    "names \"{part}\", which is not one of {}; it is ignored",
                    contract::SHOW_PARTS.join(", ")
                );
                attrs.warn(ATTR_SHOW, Some(&raw), advice);
            }
        }
    }
    show
}

/// The filters: categories, words and `since`.
fn read_filters(attrs: &mut Attributes<'_, impl Fn(&str) -> Option<String>>) -> Filters {
    let since = attrs.parsed(
        ATTR_SINCE,
        Since::parse,
        "is neither a date (2026-11-01) nor a number of days (7d); articles of any age are shown",
    );
    let categories = |name| {
        attrs
            .raw(name)
            .map_or_else(Vec::new, |v| Filters::category_list(&v))
    };
    let (categories, exclude_categories) =
        (categories(ATTR_CATEGORY), categories(ATTR_EXCLUDE_CATEGORY));
    let words = |name| {
        attrs
            .raw(name)
            .map_or_else(Vec::new, |v| Filters::keyword_list(&v))
    };
    Filters {
        categories,
        exclude_categories,
        include: words(ATTR_INCLUDE),
        exclude: words(ATTR_EXCLUDE),
        since,
    }
}

/// `timezone`: the browser checks the zone itself; this only keeps out what cannot be one.
fn read_timezone(attrs: &mut Attributes<'_, impl Fn(&str) -> Option<String>>) -> Option<String> {
    let raw = attrs.raw(ATTR_TIMEZONE)?;
    let zone = raw.trim();
    let plausible = !zone.is_empty()
        && zone.len() <= 40
        && zone
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '-' | '+'));
    if !plausible {
        attrs.warn(
            ATTR_TIMEZONE,
            Some(&raw),
            "is not a time zone such as Asia/Jakarta, Asia/Makassar or Asia/Jayapura; the visitor's is used".into(),
        );
    }
    plausible.then(|| zone.to_string())
}

/// `feed-timezone`: minutes from UTC of the feed's dates that give no offset (the site's zone).
fn read_feed_timezone(attrs: &mut Attributes<'_, impl Fn(&str) -> Option<String>>) -> i32 {
    attrs
        .parsed(
            ATTR_FEED_TIMEZONE,
            parse_zone,
            "is not Asia/Jakarta, Asia/Pontianak, Asia/Makassar, Asia/Jayapura, UTC or an offset such as +08:00; Asia/Jakarta (+07:00) is used",
        )
        .unwrap_or(DEFAULT_SITE_OFFSET_MINUTES)
}

/// `strings` JSON and the `text-…` attributes, over the language's strings. The JSON comes
/// first, so a specific `text-…` attribute wins over it.
fn read_strings(
    attrs: &mut Attributes<'_, impl Fn(&str) -> Option<String>>,
    lang: Lang,
) -> &'static Strings {
    let mut overrides: Vec<(String, String)> = Vec::new();
    let json = attrs.raw(ATTR_STRINGS);
    if let Some(raw) = &json {
        match serde_json::from_str::<serde_json::Value>(raw) {
            Ok(serde_json::Value::Object(map)) => {
                for (key, value) in map {
                    match value {
                        serde_json::Value::String(text) => overrides.push((key, text)),
                        _ => attrs.warn(
                            ATTR_STRINGS,
                            Some(raw),
                            format!("gives \"{key}\" a value that is not a string; it is ignored"),
                        ),
                    }
                }
            }
            _ => attrs.warn(
                ATTR_STRINGS,
                Some(raw),
                "is not a JSON object such as {\"read_more\": \"Selengkapnya\"}; the built-in strings are used".into(),
            ),
        }
    }
    for key in Strings::KEYS {
        if let Some(text) = attrs.raw(&Strings::attribute_name(key)) {
            overrides.push((key.to_string(), text));
        }
    }
    let (strings, unknown) = lang.strings().with_overrides(&overrides);
    for key in unknown {
        attrs.warn(
            ATTR_STRINGS,
            json.as_deref(),
            format!(
                "names \"{key}\", which is not a string Kabar shows; the README lists the keys"
            ),
        );
    }
    strings
}
