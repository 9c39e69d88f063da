//! Attributes in, typed configuration out, with a warning for every value we had to ignore.

use std::fmt;

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
/// Every attribute the widget reads, for `observedAttributes`.
pub const ATTRIBUTES: [&str; 4] = [ATTR_FEED, ATTR_LIMIT, ATTR_LAYOUT, ATTR_LANG];

/// Cards shown when `limit` is absent or invalid.
pub const DEFAULT_LIMIT: usize = 6;
/// The most cards a widget shows; larger limits are lowered to it.
pub const MAX_LIMIT: usize = 100;

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
                "set it to the URL of a JSON Feed, e.g. feed=\"/feed.json\"".into(),
            );
            Err(FeedUrlProblem::Missing)
        }
        Some(raw) => match safe_url(page_url, &raw, UrlUse::Feed) {
            Some(url) => Ok(url),
            None => {
                warn(
                    ATTR_FEED,
                    Some(&raw),
                    "is not an http(s) URL; set it to the address of a JSON Feed".into(),
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

    let layout = match get(ATTR_LAYOUT).map(|v| v.trim().to_ascii_lowercase()) {
        None => Layout::default(),
        Some(v) if v == "grid" => Layout::Grid,
        Some(v) if v == "list" => Layout::List,
        Some(v) => {
            warn(
                ATTR_LAYOUT,
                Some(&v),
                "is not one of grid, list; grid is used".into(),
            );
            Layout::default()
        }
    };

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

    (
        Config {
            feed,
            limit,
            layout,
            lang,
        },
        warnings,
    )
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
