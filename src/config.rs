//! Attributes in, typed configuration out, with a warning for every value we had to ignore.

use std::fmt;

use crate::feed::{parse_fields, FieldMap, Format, Sort};
use crate::i18n::Lang;
use crate::url::{safe_url, UrlUse};

/// The feed address attribute (required).
pub const ATTR_FEED: &str = "feed";
/// How many cards to show.
pub const ATTR_LIMIT: &str = "limit";
/// `grid` or `list`.
pub const ATTR_LAYOUT: &str = "layout";
/// `id` or `en`.
pub const ATTR_LANG: &str = "lang";
/// Forces a feed format instead of detecting it.
pub const ATTR_FORMAT: &str = "format";
/// The mapping for custom JSON.
pub const ATTR_FIELDS: &str = "fields";
/// `newest` (default) or `feed`.
pub const ATTR_SORT: &str = "sort";
/// Seconds before a request is given up.
pub const ATTR_TIMEOUT: &str = "timeout";
/// Seconds a cached copy counts as fresh; `0` turns the cache off.
pub const ATTR_CACHE: &str = "cache";
/// Seconds between background refreshes; absent or `0` means never.
pub const ATTR_REFRESH: &str = "refresh";
/// How a card opens its article: `inline`, `link` or `new-tab`.
pub const ATTR_READER: &str = "reader";
/// Every attribute the widget reads, for `observedAttributes`.
pub const ATTRIBUTES: [&str; 11] = [
    ATTR_FEED,
    ATTR_LIMIT,
    ATTR_LAYOUT,
    ATTR_LANG,
    ATTR_FORMAT,
    ATTR_FIELDS,
    ATTR_SORT,
    ATTR_TIMEOUT,
    ATTR_CACHE,
    ATTR_REFRESH,
    ATTR_READER,
];

/// Cards shown when `limit` is absent or invalid.
pub const DEFAULT_LIMIT: usize = 6;
/// The most cards a widget shows; larger limits are lowered to it.
pub const MAX_LIMIT: usize = 100;
/// Request timeout when `timeout` is absent.
pub const DEFAULT_TIMEOUT_SECONDS: u32 = 10;
/// Longest allowed request timeout.
pub const MAX_TIMEOUT_SECONDS: u32 = 120;
/// How long a cached feed counts as fresh when `cache` is absent.
pub const DEFAULT_CACHE_SECONDS: u32 = 300;
/// Longest cache lifetime (a week).
pub const MAX_CACHE_SECONDS: u32 = 7 * 24 * 3600;
/// Shortest refresh interval, so a typo cannot hammer the agency's server.
pub const MIN_REFRESH_SECONDS: u32 = 30;
/// Longest refresh interval (a day).
pub const MAX_REFRESH_SECONDS: u32 = 24 * 3600;

/// How the cards are arranged.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    /// Columns that follow the available width.
    #[default]
    Grid,
    /// One column, image beside the text.
    List,
}

impl Layout {
    /// The CSS class of the card list.
    pub fn class(self) -> &'static str {
        match self {
            Layout::Grid => "grid",
            Layout::List => "list",
        }
    }
}

/// What a click on a card does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ReaderMode {
    /// Opens the reader view on the page.
    #[default]
    Inline,
    /// Goes to the original article in the same tab.
    Link,
    /// Opens the original article in a new tab.
    NewTab,
}

/// A widget's validated configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// The absolute feed URL, or the reason there is none.
    pub feed: Result<String, FeedUrlProblem>,
    /// Cards to show, 1..=MAX_LIMIT.
    pub limit: usize,
    /// Card arrangement.
    pub layout: Layout,
    /// Language of every visible string and date.
    pub lang: Lang,
    /// A forced format, or `None` to detect it.
    pub format: Option<Format>,
    /// The mapping for custom JSON, if given.
    pub fields: Option<FieldMap>,
    /// Article order.
    pub sort: Sort,
    /// Request timeout in seconds.
    pub timeout_seconds: u32,
    /// Seconds a cached copy counts as fresh; 0 means no cache.
    pub cache_seconds: u32,
    /// Seconds between background refreshes, if any.
    pub refresh_seconds: Option<u32>,
    /// What a click on a card does.
    pub reader: ReaderMode,
}

/// Why the widget has no usable feed address.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeedUrlProblem {
    /// The attribute is absent or blank.
    Missing,
    /// The value is not an http(s) URL.
    Unusable(String),
}

/// An attribute value that was ignored, and what was used instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigWarning {
    /// The attribute's name as the webmaster wrote it (e.g. `data-limit` on a div).
    pub attribute: String,
    /// The value found, if any.
    pub value: Option<String>,
    /// What to do about it.
    pub advice: String,
}

impl fmt::Display for ConfigWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.value {
            Some(value) => write!(
                f,
                "Kabar: attribute {}=\"{}\" {}",
                self.attribute, value, self.advice
            ),
            None => write!(
                f,
                "Kabar: attribute {} is missing; {}",
                self.attribute, self.advice
            ),
        }
    }
}

/// Reads the configuration. `get` returns an attribute by its base name (the caller adds any
/// `data-` prefix), `prefix` is that prefix for messages, `page_url` resolves a relative feed URL.
pub fn parse_config(
    get: impl Fn(&str) -> Option<String>,
    prefix: &str,
    page_url: &str,
) -> (Config, Vec<ConfigWarning>) {
    let mut warnings = Vec::new();
    let mut warn = |name: &str, value: Option<&str>, advice: String| {
        warnings.push(ConfigWarning {
            attribute: format!("{prefix}{name}"),
            value: value.map(str::to_string),
            advice,
        });
    };

    let feed = match get(ATTR_FEED).filter(|v| !v.trim().is_empty()) {
        None => {
            warn(
                ATTR_FEED,
                None,
                "set it to the URL of a feed (JSON Feed, WordPress posts, RSS or Atom), e.g. feed=\"/wp-json/wp/v2/posts?_embed\"".into(),
            );
            Err(FeedUrlProblem::Missing)
        }
        Some(raw) => match safe_url(page_url, &raw, UrlUse::Feed) {
            Some(url) => Ok(url),
            None => {
                warn(
                    ATTR_FEED,
                    Some(&raw),
                    "is not an http(s) URL; set it to the address of a feed".into(),
                );
                Err(FeedUrlProblem::Unusable(raw))
            }
        },
    };

    let limit = match get(ATTR_LIMIT) {
        None => DEFAULT_LIMIT,
        Some(raw) => match raw.trim().parse::<usize>() {
            Ok(n) if (1..=MAX_LIMIT).contains(&n) => n,
            Ok(n) if n > MAX_LIMIT => {
                warn(
                    ATTR_LIMIT,
                    Some(&raw),
                    format!("is above the maximum; {MAX_LIMIT} is used"),
                );
                MAX_LIMIT
            }
            _ => {
                warn(
                    ATTR_LIMIT,
                    Some(&raw),
                    format!("is not a whole number from 1 to {MAX_LIMIT}; the default {DEFAULT_LIMIT} is used"),
                );
                DEFAULT_LIMIT
            }
        },
    };

    let layout = keyword(
        &get,
        ATTR_LAYOUT,
        &[("grid", Layout::Grid), ("list", Layout::List)],
        &mut warn,
    );

    let lang = match get(ATTR_LANG) {
        None => Lang::default(),
        Some(raw) => Lang::parse(&raw).unwrap_or_else(|| {
            warn(
                ATTR_LANG,
                Some(&raw),
                "is not one of id, en; id is used".into(),
            );
            Lang::default()
        }),
    };

    let format = get(ATTR_FORMAT).and_then(|raw| {
        let format = Format::parse(&raw);
        if format.is_none() {
            warn(
                ATTR_FORMAT,
                Some(&raw),
                "is not one of jsonfeed, wordpress, rss, atom, custom; the format is detected from the feed".into(),
            );
        }
        format
    });

    if format == Some(Format::Custom) && get(ATTR_FIELDS).is_none() {
        warn(
            ATTR_FORMAT,
            Some("custom"),
            "needs a fields attribute that says where the title, link and so on are, e.g. fields=\"items: data.posts; title: headline; url: link\"".into(),
        );
    }

    let fields = get(ATTR_FIELDS).map(|raw| {
        let (map, problems) = parse_fields(&raw);
        for problem in problems {
            warn(
                ATTR_FIELDS,
                Some(&raw),
                format!("is partly unusable: {problem}"),
            );
        }
        map
    });

    let sort = keyword(
        &get,
        ATTR_SORT,
        &[("newest", Sort::Newest), ("feed", Sort::Feed)],
        &mut warn,
    );

    let mut seconds = |name: &str, range: std::ops::RangeInclusive<u32>, default: u32| {
        let raw = get(name)?;
        match raw.trim().parse::<u32>() {
            Ok(n) if range.contains(&n) => Some(n),
            _ => {
                warn(
                    name,
                    Some(&raw),
                    format!(
                        "is not a whole number of seconds from {} to {}; {default} is used",
                        range.start(),
                        range.end()
                    ),
                );
                None
            }
        }
    };
    let timeout_seconds = seconds(
        ATTR_TIMEOUT,
        1..=MAX_TIMEOUT_SECONDS,
        DEFAULT_TIMEOUT_SECONDS,
    )
    .unwrap_or(DEFAULT_TIMEOUT_SECONDS);
    let cache_seconds = seconds(ATTR_CACHE, 0..=MAX_CACHE_SECONDS, DEFAULT_CACHE_SECONDS)
        .unwrap_or(DEFAULT_CACHE_SECONDS);
    // 0 is the documented "off"; anything else must be a sane interval.
    let refresh_seconds = match get(ATTR_REFRESH).map(|v| v.trim().to_string()) {
        Some(v) if v == "0" => None,
        Some(_) => seconds(ATTR_REFRESH, MIN_REFRESH_SECONDS..=MAX_REFRESH_SECONDS, 0),
        None => None,
    };

    let reader = keyword(
        &get,
        ATTR_READER,
        &[
            ("inline", ReaderMode::Inline),
            ("link", ReaderMode::Link),
            ("new-tab", ReaderMode::NewTab),
        ],
        &mut warn,
    );

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
        },
        warnings,
    )
}

/// A keyword attribute: one of `choices` (case-insensitive), else a warning and the first
/// choice, which is the default.
fn keyword<T: Copy>(
    get: &impl Fn(&str) -> Option<String>,
    name: &str,
    choices: &[(&str, T)],
    warn: &mut impl FnMut(&str, Option<&str>, String),
) -> T {
    let (default_name, default) = choices[0];
    let Some(raw) = get(name) else {
        return default;
    };
    let value = raw.trim().to_ascii_lowercase();
    match choices.iter().find(|(keyword, _)| *keyword == value) {
        Some((_, choice)) => *choice,
        None => {
            let names: Vec<&str> = choices.iter().map(|(keyword, _)| *keyword).collect();
            warn(
                name,
                Some(&value),
                format!("is not one of {}; {default_name} is used", names.join(", ")),
            );
            default
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "https://batanghari.go.id/berita/index.html";

    fn config(attrs: &[(&str, &str)]) -> (Config, Vec<ConfigWarning>) {
        parse_config(
            |name| {
                attrs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            },
            "",
            PAGE,
        )
    }

    #[test]
    fn valid_attributes_give_no_warnings() {
        let (c, w) = config(&[
            ("feed", "feed.json"),
            ("limit", "4"),
            ("layout", "list"),
            ("lang", "en"),
        ]);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(
            c.feed.as_deref(),
            Ok("https://batanghari.go.id/berita/feed.json")
        );
        assert_eq!((c.limit, c.layout, c.lang), (4, Layout::List, Lang::En));
    }

    #[test]
    fn defaults_when_optional_attributes_are_absent() {
        let (c, w) = config(&[("feed", "/feed.json")]);
        assert!(w.is_empty());
        assert_eq!(
            (c.limit, c.layout, c.lang),
            (DEFAULT_LIMIT, Layout::Grid, Lang::Id)
        );
    }

    #[test]
    fn each_invalid_value_warns_once_by_name_and_falls_back() {
        let (c, w) = config(&[
            ("feed", "/f.json"),
            ("limit", "banyak"),
            ("layout", "masonry"),
            ("lang", "fr"),
        ]);
        assert_eq!(
            (c.limit, c.layout, c.lang),
            (DEFAULT_LIMIT, Layout::Grid, Lang::Id)
        );
        let names: Vec<&str> = w.iter().map(|w| w.attribute.as_str()).collect();
        assert_eq!(names, ["limit", "layout", "lang"]);
        assert!(w[0].to_string().contains("limit=\"banyak\""), "{}", w[0]);
        for bad in ["0", "-3", "2.5", ""] {
            let (c, w) = config(&[("feed", "/f.json"), ("limit", bad)]);
            assert_eq!(c.limit, DEFAULT_LIMIT, "{bad}");
            assert_eq!(w.len(), 1, "{bad}");
        }
        let (c, w) = config(&[("feed", "/f.json"), ("limit", "5000")]);
        assert_eq!((c.limit, w.len()), (MAX_LIMIT, 1));
    }

    #[test]
    fn loading_attributes_are_read_and_checked() {
        let (c, w) = config(&[
            ("feed", "/f"),
            ("format", "WordPress"),
            ("sort", "feed"),
            ("timeout", "25"),
            ("cache", "0"),
            ("refresh", "60"),
            ("fields", "items: data; title: headline"),
            ("reader", "New-Tab"),
        ]);
        assert_eq!(c.reader, ReaderMode::NewTab);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c.format, Some(Format::WordPress));
        assert_eq!(c.sort, Sort::Feed);
        assert_eq!(
            (c.timeout_seconds, c.cache_seconds, c.refresh_seconds),
            (25, 0, Some(60))
        );
        assert_eq!(c.fields.and_then(|f| f.items).as_deref(), Some("data"));

        let (_, w) = config(&[("feed", "/f"), ("format", "custom")]);
        assert!(
            w[0].to_string().contains("needs a fields attribute"),
            "{w:?}"
        );

        let (c, w) = config(&[("feed", "/f")]);
        assert!(w.is_empty());
        assert_eq!(
            (
                c.format,
                c.sort,
                c.timeout_seconds,
                c.cache_seconds,
                c.refresh_seconds
            ),
            (
                None,
                Sort::Newest,
                DEFAULT_TIMEOUT_SECONDS,
                DEFAULT_CACHE_SECONDS,
                None
            )
        );
        assert_eq!(
            config(&[("feed", "/f"), ("refresh", "0")])
                .0
                .refresh_seconds,
            None
        );

        let (c, w) = config(&[
            ("feed", "/f"),
            ("format", "xml"),
            ("sort", "oldest"),
            ("timeout", "0"),
            ("cache", "-1"),
            ("refresh", "5"),
            ("fields", "judul: headline"),
            ("reader", "popup"),
        ]);
        let names: Vec<&str> = w.iter().map(|w| w.attribute.as_str()).collect();
        assert_eq!(
            names,
            ["format", "fields", "sort", "timeout", "cache", "refresh", "reader"]
        );
        assert_eq!(c.reader, ReaderMode::Inline);
        assert!(
            w[1].to_string().contains("\"judul\" is not a field"),
            "{}",
            w[1]
        );
        assert_eq!(
            (
                c.format,
                c.timeout_seconds,
                c.cache_seconds,
                c.refresh_seconds
            ),
            (None, DEFAULT_TIMEOUT_SECONDS, DEFAULT_CACHE_SECONDS, None)
        );
    }

    #[test]
    fn feed_problems_are_reported() {
        let (c, w) = config(&[]);
        assert_eq!(c.feed, Err(FeedUrlProblem::Missing));
        assert!(w[0].to_string().contains("feed is missing"));
        let (c, w) = config(&[("feed", "javascript:alert(1)")]);
        assert!(matches!(c.feed, Err(FeedUrlProblem::Unusable(_))));
        assert_eq!(w[0].attribute, "feed");
    }

    #[test]
    fn data_prefix_appears_in_warnings() {
        let (_, w) = parse_config(|n| (n == "limit").then(|| "x".to_string()), "data-", PAGE);
        assert!(w.iter().any(|w| w.attribute == "data-limit"));
        assert!(w.iter().any(|w| w.attribute == "data-feed"));
    }
}
