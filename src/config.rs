//! Attributes in, typed configuration out, with a warning for every value we had to ignore.

use std::fmt;

use crate::color::Rgb;
use crate::contract;
use crate::feed::{FieldMap, Format, Sort};
use crate::filter::{Filters, Since};
use crate::i18n::{Lang, Strings};

mod parse;
mod values;

pub use values::{css_length, parse_ratio};

pub use parse::parse_config;

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
/// Which parts a card shows: a comma list of `image,date,author,category,excerpt,source`.
pub const ATTR_SHOW: &str = "show";
/// Longest excerpt on a card, in characters.
pub const ATTR_EXCERPT: &str = "excerpt";
/// Width/height ratio of card images, e.g. `16/9`.
pub const ATTR_IMAGE_RATIO: &str = "image-ratio";
/// Image for articles that have none.
pub const ATTR_FALLBACK_IMAGE: &str = "fallback-image";
/// A title shown above the cards.
pub const ATTR_HEADING: &str = "heading";
/// The heading level of card titles, 2–6.
pub const ATTR_HEADING_LEVEL: &str = "heading-level";
/// Where links to original articles open: `_blank` or `_self`.
pub const ATTR_TARGET: &str = "target";
/// `light`, `dark` or `auto` (follows the visitor's system).
pub const ATTR_THEME: &str = "theme";
/// The accent colour of buttons, links and labels.
pub const ATTR_ACCENT: &str = "accent";
/// Only these categories (names or slugs, comma list).
pub const ATTR_CATEGORY: &str = "category";
/// Not these categories.
pub const ATTR_EXCLUDE_CATEGORY: &str = "exclude-category";
/// Only articles mentioning one of these words in title or summary.
pub const ATTR_INCLUDE: &str = "include";
/// No articles mentioning these words.
pub const ATTR_EXCLUDE: &str = "exclude";
/// Only articles since a date (`2026-11-01`) or for some days (`7d`).
pub const ATTR_SINCE: &str = "since";
/// A fixed number of grid columns on wide screens.
pub const ATTR_COLUMNS: &str = "columns";
/// The narrowest a grid card gets before columns wrap, e.g. `18rem`.
pub const ATTR_MIN_CARD_WIDTH: &str = "min-card-width";
/// How dates read: `medium`, `relative`, `short`, `long` or `none`.
pub const ATTR_DATE: &str = "date";
/// The IANA time zone dates are shown in, e.g. `Asia/Jakarta`.
pub const ATTR_TIMEZONE: &str = "timezone";
/// The time zone of the feed's dates that give no offset (the site's), e.g. `Asia/Makassar`.
pub const ATTR_FEED_TIMEZONE: &str = "feed-timezone";
/// Shows a search box that filters the loaded articles (a boolean attribute).
pub const ATTR_SEARCH: &str = "search";
/// Shows chips that filter the loaded articles: by category (present, or `category`) or by
/// source (`source`).
pub const ATTR_CHIPS: &str = "chips";
/// The most feeds one widget reads; more are merged ahead of time (`kabar merge`).
pub const MAX_FEEDS: usize = 12;
/// JSON object of visible strings to override, e.g. `{"read_more": "Selengkapnya"}`; each
/// string also has its own `text-…` attribute (see [`Strings::KEYS`]).
pub const ATTR_STRINGS: &str = "strings";
/// Seconds between automatic moves of the carousel (off by default) or the ticker (5).
pub const ATTR_AUTOPLAY: &str = "autoplay";
/// `lazy` (default) or `eager`: whether the widget waits until it nears the viewport.
pub const ATTR_LOADING: &str = "loading";
/// Every attribute the widget reads, for `observedAttributes` (plus one `text-…` per string).
pub const ATTRIBUTES: [&str; contract::COUNT] = contract::NAMES;

/// Cards shown when `limit` is absent or invalid.
pub const DEFAULT_LIMIT: usize = contract::attribute(ATTR_LIMIT).default.number() as usize;
/// The most cards a widget shows; larger limits are lowered to it.
pub const MAX_LIMIT: usize = contract::attribute(ATTR_LIMIT).kind.range().max as usize;
/// Request timeout when `timeout` is absent.
pub const DEFAULT_TIMEOUT_SECONDS: u32 = contract::attribute(ATTR_TIMEOUT).default.number();
/// Longest allowed request timeout.
pub const MAX_TIMEOUT_SECONDS: u32 = contract::attribute(ATTR_TIMEOUT).kind.range().max;
/// How long a cached feed counts as fresh when `cache` is absent.
pub const DEFAULT_CACHE_SECONDS: u32 = contract::attribute(ATTR_CACHE).default.number();
/// Longest cache lifetime (a week).
pub const MAX_CACHE_SECONDS: u32 = contract::attribute(ATTR_CACHE).kind.range().max;
/// Shortest refresh interval, so a typo cannot hammer the agency's server.
pub const MIN_REFRESH_SECONDS: u32 = contract::attribute(ATTR_REFRESH).kind.range().min;
/// Longest refresh interval (a day).
pub const MAX_REFRESH_SECONDS: u32 = contract::attribute(ATTR_REFRESH).kind.range().max;
/// Seconds a ticker shows each headline when `autoplay` is absent.
pub const DEFAULT_TICKER_SECONDS: u32 = 5;
/// Most columns `columns` may force.
pub const MAX_COLUMNS: u8 = contract::attribute(ATTR_COLUMNS).kind.range().max as u8;
/// Card heading level when `heading-level` is absent.
pub const DEFAULT_HEADING_LEVEL: u8 =
    contract::attribute(ATTR_HEADING_LEVEL).default.number() as u8;
/// Longest `excerpt` allowed.
pub const MAX_EXCERPT_CHARS: usize = contract::attribute(ATTR_EXCERPT).kind.range().max as usize;

/// Declares an enum read from a keyword attribute: each variant with the keyword that names it,
/// the first being the default. `KEYWORDS` goes into the contract table; `ALL` lines up with it.
macro_rules! keyword_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $(#[$first_doc:meta])* $first:ident = $first_keyword:literal,
            $( $(#[$doc:meta])* $variant:ident = $keyword:literal, )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
        pub enum $name {
            $(#[$first_doc])*
            #[default]
            $first,
            $( $(#[$doc])* $variant, )*
        }

        impl $name {
            /// The attribute's keywords, the default first.
            pub const KEYWORDS: &'static [&'static str] = &[$first_keyword, $($keyword),*];
            /// Every value, in the order of `KEYWORDS`.
            pub const ALL: &'static [$name] = &[$name::$first, $($name::$variant),*];

            /// The keyword that names this value.
            pub fn keyword(self) -> &'static str {
                match self {
                    $name::$first => $first_keyword,
                    $( $name::$variant => $keyword, )*
                }
            }
        }
    };
}

keyword_enum! {
    /// How the cards are arranged.
    pub enum Layout {
        /// Columns that follow the available width.
        Grid = "grid",
        /// One column, image beside the text.
        List = "list",
        /// Headlines with their dates only, for a sidebar.
        Compact = "compact",
        /// The first article large, the rest in a grid below it.
        Featured = "featured",
        /// One row that scrolls sideways, with previous/next buttons.
        Carousel = "carousel",
        /// One line of rotating headlines with a pause button.
        Ticker = "ticker",
    }
}

impl Layout {
    /// The CSS class of the card list.
    pub fn class(self) -> &'static str {
        self.keyword()
    }
}

keyword_enum! {
    /// What a click on a card does.
    pub enum ReaderMode {
        /// Opens the reader view on the page.
        Inline = "inline",
        /// Goes to the original article in the same tab.
        Link = "link",
        /// Opens the original article in a new tab.
        NewTab = "new-tab",
    }
}

/// The parts of a card that are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Show {
    /// The lead (or fallback) image.
    pub image: bool,
    /// The publication date.
    pub date: bool,
    /// The author names.
    pub author: bool,
    /// The category label above the title.
    pub category: bool,
    /// The excerpt.
    pub excerpt: bool,
    /// The original site's name.
    pub source: bool,
}

impl Default for Show {
    fn default() -> Self {
        Show {
            image: true,
            date: true,
            author: false,
            category: true,
            excerpt: true,
            source: false,
        }
    }
}

impl Show {
    /// Nothing shown; `show="…"` switches parts on.
    const NONE: Show = Show {
        image: false,
        date: false,
        author: false,
        category: false,
        excerpt: false,
        source: false,
    };

    /// The switch for a part named in `show` (see [`contract::SHOW_PARTS`]).
    fn part(&mut self, name: &str) -> Option<&mut bool> {
        match name {
            "image" => Some(&mut self.image),
            "date" => Some(&mut self.date),
            "author" => Some(&mut self.author),
            "category" => Some(&mut self.category),
            "excerpt" => Some(&mut self.excerpt),
            "source" => Some(&mut self.source),
            _ => None,
        }
    }
}

keyword_enum! {
    /// Where links to original articles open.
    pub enum LinkTarget {
        /// A new tab (`target="_blank"`).
        Blank = "_blank",
        /// The same tab.
        SelfTab = "_self",
    }
}

impl LinkTarget {
    /// The `target` attribute value, if any.
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            LinkTarget::Blank => Some("_blank"),
            LinkTarget::SelfTab => None,
        }
    }
}

keyword_enum! {
    /// How dates read.
    pub enum DateStyle {
        /// "26 November 2026".
        Medium = "medium",
        /// "2 jam lalu", "kemarin"; a medium date after a week.
        Relative = "relative",
        /// "26/11/2026".
        Short = "short",
        /// "Kamis, 26 November 2026".
        Long = "long",
        /// No dates.
        None = "none",
    }
}

keyword_enum! {
    /// Light or dark colours.
    pub enum Theme {
        /// Dark text on light cards.
        Light = "light",
        /// Light text on dark cards.
        Dark = "dark",
        /// Follows `prefers-color-scheme`.
        Auto = "auto",
    }
}

impl Theme {
    /// The class on the widget root.
    pub fn class(self) -> &'static str {
        match self {
            Theme::Light => "theme-light",
            Theme::Dark => "theme-dark",
            Theme::Auto => "theme-auto",
        }
    }
}

/// `sort`: the article orders, in the order of [`contract::SORT_KEYWORDS`].
const SORTS: [Sort; 2] = [Sort::Newest, Sort::Feed];

/// The page around the widget, for defaults.
#[derive(Clone, Copy, Debug)]
pub struct Page<'a> {
    /// The page's URL; a relative feed URL resolves against it.
    pub url: &'a str,
    /// The page's `<html lang>`, the default language when it is one the widget speaks.
    pub lang: Option<&'a str>,
}

/// A widget's validated configuration.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// The absolute feed URLs (one to [`MAX_FEEDS`], no repeats, in the webmaster's order), or
    /// the reason there is none.
    pub feed: Result<Vec<String>, FeedUrlProblem>,
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
    /// Which parts a card shows.
    pub show: Show,
    /// Longest excerpt in characters; the feed's summary as it is when `None`.
    pub excerpt_chars: Option<usize>,
    /// Card image width and height ratio.
    pub image_ratio: (u32, u32),
    /// Image for articles without one.
    pub fallback_image: Option<String>,
    /// A title above the cards.
    pub heading: Option<String>,
    /// Heading level of card titles, 2–6.
    pub heading_level: u8,
    /// Where links to originals open.
    pub target: LinkTarget,
    /// Light, dark or following the system.
    pub theme: Theme,
    /// The webmaster's accent colour, if any.
    pub accent: Option<Rgb>,
    /// Which articles are shown.
    pub filters: Filters,
    /// A fixed number of grid columns on wide screens.
    pub columns: Option<u8>,
    /// The narrowest grid card, as a CSS length.
    pub min_card_width: Option<String>,
    /// How dates read.
    pub date_style: DateStyle,
    /// The time zone dates are shown in; the visitor's when `None`.
    pub timezone: Option<String>,
    /// Minutes from UTC of the feed's dates that give no offset.
    pub feed_offset_minutes: i32,
    /// Whether visitors get a search box.
    pub search: bool,
    /// Which chips visitors get, if any.
    pub chips: Chips,
    /// Every visible string: the language's, with the webmaster's overrides.
    pub strings: &'static Strings,
    /// Seconds between automatic moves, if the layout moves by itself.
    pub autoplay: Option<u32>,
}

/// The chips that filter the loaded articles.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Chips {
    /// No chips.
    #[default]
    Off,
    /// One chip per section (first category, else tag).
    Category,
    /// One chip per source feed.
    Source,
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

impl Config {
    /// The per-widget CSS for the attributes that style (`image-ratio`, `columns`,
    /// `min-card-width`, `accent`): custom properties in a rule specific enough to beat the
    /// theme rules. It goes into a stylesheet of the widget's own, so there is no `style`
    /// attribute anywhere, and only validated values reach it.
    pub fn custom_properties(&self) -> String {
        use crate::color::{DARK_SURFACE, LIGHT_SURFACE};
        let mut css = format!(
            "section.kabar.kabar.kabar{{--kabar-image-ratio:{} / {};",
            self.image_ratio.0, self.image_ratio.1
        );
        if let Some(columns) = self.columns {
            css.push_str(&format!("--kabar-columns:{columns};"));
        }
        if let Some(width) = &self.min_card_width {
            css.push_str(&format!("--kabar-min-card-width:{width};"));
        }
        if let Some(accent) = self.accent {
            css.push_str(&format!(
                "--kabar-accent:{};--kabar-on-accent:{};--kabar-accent-light-text:{};--kabar-accent-dark-text:{};",
                accent.hex(),
                accent.text_on().hex(),
                accent.readable_on(LIGHT_SURFACE).hex(),
                accent.readable_on(DARK_SURFACE).hex()
            ));
        }
        css.push('}');
        css
    }
}

/// `parse_config` over name and value pairs on a page without a `lang`, for tests.
#[cfg(test)]
pub(crate) fn parse_pairs(attrs: &[(&str, &str)], page_url: &str) -> (Config, Vec<ConfigWarning>) {
    parse_config(
        |name| {
            attrs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        },
        "",
        Page {
            url: page_url,
            lang: None,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "https://batanghari.go.id/berita/index.html";

    fn config(attrs: &[(&str, &str)]) -> (Config, Vec<ConfigWarning>) {
        parse_pairs(attrs, PAGE)
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
            c.feed,
            Ok(vec!["https://batanghari.go.id/berita/feed.json".to_string()])
        );
        assert_eq!((c.limit, c.layout, c.lang), (4, Layout::List, Lang::En));
    }

    #[test]
    fn the_feeds_zone_defaults_to_jakarta_and_a_bad_one_warns() {
        let zone = |value: Option<&str>| {
            let mut attrs = vec![("feed", "/feed.json")];
            attrs.extend(value.map(|v| ("feed-timezone", v)));
            let (c, w) = config(&attrs);
            (c.feed_offset_minutes, w)
        };
        assert_eq!(zone(None), (420, vec![]));
        assert_eq!(zone(Some("Asia/Makassar")), (480, vec![]));
        assert_eq!(zone(Some(" Asia/Jayapura ")), (540, vec![]));
        assert_eq!(zone(Some("UTC")), (0, vec![]));
        assert_eq!(zone(Some("+08:00")), (480, vec![]));
        let (minutes, warnings) = zone(Some("Asia/Tokyo"));
        assert_eq!(minutes, 420);
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].attribute, "feed-timezone");
        assert!(warnings[0]
            .to_string()
            .contains("Asia/Jakarta (+07:00) is used"));
        // The display zone is another attribute and leaves the feed's alone.
        let (c, _) = config(&[("feed", "/f"), ("timezone", "Asia/Jayapura")]);
        assert_eq!(c.feed_offset_minutes, 420);
    }

    #[test]
    fn opendk_feeds_ask_for_published_articles() {
        let (c, _) = config(&[(
            "feed",
            "https://kec.go.id/api/frontend/v1/artikel?page[size]=6",
        )]);
        assert_eq!(
            c.feed,
            Ok(vec![
                "https://kec.go.id/api/frontend/v1/artikel?page[size]=6&filter[status]=1".into()
            ])
        );
        let (c, w) = config(&[("feed", "/api/frontend/v1/artikel"), ("format", "jsonapi")]);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c.format, Some(Format::JsonApi));
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
            ("loading", "Eager"),
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

        let (_, w) = config(&[("feed", "/f"), ("loading", "soon")]);
        assert_eq!(
            w[0].to_string(),
            "Kabar: attribute loading=\"soon\" is not one of lazy, eager; lazy is used"
        );

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
        let (_, w) = parse_config(
            |n| (n == "limit").then(|| "x".to_string()),
            "data-",
            Page {
                url: PAGE,
                lang: None,
            },
        );
        assert!(w.iter().any(|w| w.attribute == "data-limit"));
        assert!(w.iter().any(|w| w.attribute == "data-feed"));
    }

    #[test]
    fn card_display_attributes() {
        let (c, w) = config(&[
            ("feed", "/f"),
            ("show", " Image, author,source "),
            ("excerpt", "120"),
            ("image-ratio", "4:3"),
            ("fallback-image", "/img/logo.png"),
            ("heading", "  Berita   Terkini "),
            ("heading-level", "2"),
            ("target", "_self"),
        ]);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(
            c.show,
            Show {
                image: true,
                date: false,
                author: true,
                category: false,
                excerpt: false,
                source: true
            }
        );
        assert_eq!((c.excerpt_chars, c.image_ratio), (Some(120), (400, 300)));
        assert_eq!(
            c.fallback_image.as_deref(),
            Some("https://batanghari.go.id/img/logo.png")
        );
        assert_eq!(
            (c.heading.as_deref(), c.heading_level, c.target),
            (Some("Berita Terkini"), 2, LinkTarget::SelfTab)
        );

        let (c, w) = config(&[("feed", "/f")]);
        assert!(w.is_empty());
        assert_eq!(
            (
                c.show,
                c.excerpt_chars,
                c.image_ratio,
                c.heading_level,
                c.target
            ),
            (Show::default(), None, (16, 9), 3, LinkTarget::Blank)
        );

        let (c, w) = config(&[
            ("feed", "/f"),
            ("show", "image,gambar"),
            ("excerpt", "0"),
            ("image-ratio", "lebar"),
            ("fallback-image", "javascript:alert(1)"),
            ("heading-level", "1"),
            ("target", "_top"),
        ]);
        let names: Vec<&str> = w.iter().map(|w| w.attribute.as_str()).collect();
        assert_eq!(
            names,
            [
                "show",
                "excerpt",
                "image-ratio",
                "fallback-image",
                "heading-level",
                "target"
            ]
        );
        assert!(w[0].to_string().contains("\"gambar\""), "{}", w[0]);
        assert!(c.show.image && !c.show.date);
        assert_eq!(
            (
                c.excerpt_chars,
                c.image_ratio,
                c.fallback_image,
                c.heading_level,
                c.target
            ),
            (None, (16, 9), None, 3, LinkTarget::Blank)
        );
    }

    #[test]
    fn every_attribute_in_the_contract_is_read_and_no_other() {
        let asked = std::cell::RefCell::new(Vec::<String>::new());
        parse_config(
            |name| {
                asked.borrow_mut().push(name.to_string());
                None
            },
            "",
            Page {
                url: PAGE,
                lang: None,
            },
        );
        let asked = asked.into_inner();
        let text = |name: &String| name.starts_with("text-");
        for name in contract::NAMES {
            assert!(asked.iter().any(|a| a == name), "{name} is not read");
        }
        for name in asked.iter().filter(|n| !text(n)) {
            assert!(
                contract::NAMES.contains(&name.as_str()),
                "{name} is not in the contract"
            );
        }
        assert_eq!(
            asked.iter().filter(|n| text(n)).count(),
            Strings::KEYS.len()
        );
    }

    #[test]
    fn keyword_lists_match_the_values_they_name() {
        let formats: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
        assert_eq!(formats, contract::FORMAT_KEYWORDS);
        for (keyword, format) in contract::FORMAT_KEYWORDS.iter().zip(Format::ALL) {
            assert_eq!(Format::parse(keyword), Some(format));
        }
        assert_eq!(SORTS.len(), contract::SORT_KEYWORDS.len());
        assert_eq!(SORTS[0], Sort::default());
        assert_eq!(Layout::ALL[0], Layout::default());
        assert_eq!(Layout::Carousel.keyword(), "carousel");
        for name in contract::SHOW_PARTS {
            let mut show = Show::NONE;
            assert!(show.part(name).is_some(), "{name}");
        }
        assert_eq!(
            config(&[("feed", "/f"), ("show", &contract::SHOW_PARTS.join(","))])
                .0
                .show,
            Show {
                image: true,
                date: true,
                author: true,
                category: true,
                excerpt: true,
                source: true
            }
        );
    }

    #[test]
    fn ratios() {
        assert_eq!(parse_ratio("16/9"), Some((1600, 900)));
        assert_eq!(parse_ratio(" 4 : 3 "), Some((400, 300)));
        assert_eq!(parse_ratio("1"), Some((100, 100)));
        assert_eq!(parse_ratio("1.91/1"), Some((191, 100)));
        for bad in ["", "0", "16/0", "-1/2", "a/b", "1.234/1", "1000/1"] {
            assert_eq!(parse_ratio(bad), None, "{bad}");
        }
    }

    #[test]
    fn the_page_language_is_the_default() {
        let get = |name: &str| (name == "feed").then(|| "/f".to_string());
        let page = |lang| Page { url: PAGE, lang };
        assert_eq!(parse_config(get, "", page(Some("en-GB"))).0.lang, Lang::En);
        assert_eq!(parse_config(get, "", page(Some("fr"))).0.lang, Lang::Id);
        assert_eq!(parse_config(get, "", page(None)).0.lang, Lang::Id);
        // An explicit attribute wins; a bad one falls back to the page's language.
        let (c, w) = parse_config(
            |n| match n {
                "feed" => Some("/f".into()),
                "lang" => Some("xx".into()),
                _ => None,
            },
            "",
            page(Some("en")),
        );
        assert_eq!((c.lang, w.len()), (Lang::En, 1));
        assert!(w[0].to_string().ends_with("en is used"), "{}", w[0]);
    }

    #[test]
    fn theme_and_accent() {
        let (c, w) = config(&[("feed", "/f"), ("theme", "Dark"), ("accent", "#c0392b")]);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(
            (c.theme, c.accent),
            (Theme::Dark, Some(Rgb(0xc0, 0x39, 0x2b)))
        );
        let (c, w) = config(&[("feed", "/f"), ("theme", "malam"), ("accent", "merah")]);
        let names: Vec<&str> = w.iter().map(|w| w.attribute.as_str()).collect();
        assert_eq!(names, ["theme", "accent"]);
        assert_eq!((c.theme, c.accent), (Theme::Light, None));
    }

    #[test]
    fn filters_are_read() {
        let (c, w) = config(&[
            ("feed", "/f"),
            ("category", "Kesehatan, Budaya Lokal"),
            ("exclude-category", "ekonomi"),
            ("include", "Pasar"),
            ("exclude", "hoaks"),
            ("since", "7d"),
        ]);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c.filters.categories, ["kesehatan", "budaya-lokal"]);
        assert_eq!(c.filters.exclude_categories, ["ekonomi"]);
        assert_eq!(
            (c.filters.include.as_slice(), c.filters.exclude.as_slice()),
            (&["pasar".to_string()][..], &["hoaks".to_string()][..])
        );
        assert_eq!(c.filters.since, Some(Since::Days(7)));
        let (c, w) = config(&[("feed", "/f"), ("since", "kemarin")]);
        assert_eq!((w[0].attribute.as_str(), c.filters.since), ("since", None));
    }

    #[test]
    fn layouts_columns_and_card_width() {
        let (c, w) = config(&[
            ("feed", "/f"),
            ("layout", "Featured"),
            ("columns", "3"),
            ("min-card-width", "18REM"),
        ]);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(
            (c.layout, c.columns, c.min_card_width.as_deref()),
            (Layout::Featured, Some(3), Some("18rem"))
        );
        assert_eq!(
            config(&[("feed", "/f"), ("layout", "compact")]).0.layout,
            Layout::Compact
        );
        let (c, w) = config(&[
            ("feed", "/f"),
            ("columns", "12"),
            ("min-card-width", "calc(100% - 1px)"),
        ]);
        assert_eq!(w.len(), 2, "{w:?}");
        assert_eq!((c.columns, c.min_card_width), (None, None));
        for bad in [
            "",
            "0px",
            "12",
            "1e3px",
            "10vw",
            "1.2.3rem",
            "-5px",
            "10px;color:red",
        ] {
            assert_eq!(css_length(bad), None, "{bad}");
        }
        assert_eq!(css_length(" 280px ").as_deref(), Some("280px"));
    }

    #[test]
    fn boolean_attributes() {
        assert!(config(&[("feed", "/f"), ("search", "")]).0.search);
        assert!(!config(&[("feed", "/f"), ("search", "false")]).0.search);
    }

    #[test]
    fn chips_by_category_or_by_source() {
        let chips = |value: Option<&str>| {
            let mut attrs = vec![("feed", "/f")];
            attrs.extend(value.map(|v| ("chips", v)));
            let (c, w) = config(&attrs);
            (c.chips, w.len())
        };
        assert_eq!(chips(None), (Chips::Off, 0));
        assert_eq!(chips(Some("")), (Chips::Category, 0));
        assert_eq!(chips(Some("chips")), (Chips::Category, 0));
        assert_eq!(chips(Some(" Category ")), (Chips::Category, 0));
        assert_eq!(chips(Some("source")), (Chips::Source, 0));
        assert_eq!(chips(Some("false")), (Chips::Off, 0));
        assert_eq!(chips(Some("sumber")), (Chips::Category, 1));
    }

    #[test]
    fn several_feeds_separated_by_whitespace_up_to_twelve() {
        let (c, w) = config(&[(
            "feed",
            " /a.json\n https://b.go.id/feed/  javascript:x /a.json ",
        )]);
        assert_eq!(
            c.feed,
            Ok(vec![
                "https://batanghari.go.id/a.json".to_string(),
                "https://b.go.id/feed/".to_string()
            ])
        );
        // The unusable one is named; the repeat is dropped quietly.
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].value.as_deref(), Some("javascript:x"));
        let many: Vec<String> = (1..=15).map(|n| format!("/f{n}.json")).collect();
        let (c, w) = config(&[("feed", &many.join(" "))]);
        assert_eq!(c.feed.as_ref().map(Vec::len), Ok(MAX_FEEDS));
        assert_eq!(
            c.feed
                .as_ref()
                .ok()
                .and_then(|f| f.last())
                .map(String::as_str),
            Some("https://batanghari.go.id/f12.json")
        );
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0]
            .to_string()
            .contains("lists 15 feeds; only the first 12"));
    }

    #[test]
    fn visible_strings_are_overridden() {
        let (c, w) = config(&[
            ("feed", "/f"),
            (
                "strings",
                r#"{"read_more": "Baca", "load-more": "Lagi", "retry": "Ulangi"}"#,
            ),
            ("text-read-more", "Selengkapnya"),
        ]);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(
            (c.strings.read_more, c.strings.load_more, c.strings.retry),
            ("Selengkapnya", "Lagi", "Ulangi")
        );
        assert_eq!(c.strings.close, Lang::Id.strings().close);
        let (c, w) = config(&[
            ("feed", "/f"),
            ("lang", "en"),
            ("strings", r#"{"bacaan": "x", "close": 5}"#),
        ]);
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(w.iter().any(|w| w.to_string().contains("\"bacaan\"")));
        assert_eq!(c.strings.close, "Close");
        let (_, w) = config(&[("feed", "/f"), ("strings", "{broken")]);
        assert_eq!(w[0].attribute, "strings");
    }

    #[test]
    fn carousel_ticker_and_autoplay() {
        let (c, w) = config(&[("feed", "/f"), ("layout", "carousel")]);
        assert!(w.is_empty());
        assert_eq!((c.layout, c.autoplay), (Layout::Carousel, None));
        let (c, _) = config(&[("feed", "/f"), ("layout", "carousel"), ("autoplay", "6")]);
        assert_eq!(c.autoplay, Some(6));
        let (c, _) = config(&[("feed", "/f"), ("layout", "ticker")]);
        assert_eq!(c.autoplay, Some(DEFAULT_TICKER_SECONDS));
        let (c, w) = config(&[("feed", "/f"), ("layout", "ticker"), ("autoplay", "1")]);
        assert_eq!(
            (c.autoplay, w[0].attribute.as_str()),
            (Some(DEFAULT_TICKER_SECONDS), "autoplay")
        );
    }

    #[test]
    fn styling_attributes_become_one_css_rule() {
        let (c, _) = config(&[("feed", "/f")]);
        assert_eq!(
            c.custom_properties(),
            "section.kabar.kabar.kabar{--kabar-image-ratio:16 / 9;}"
        );
        let (c, _) = config(&[
            ("feed", "/f"),
            ("image-ratio", "1"),
            ("columns", "3"),
            ("min-card-width", "12rem"),
            ("accent", "yellow"),
        ]);
        assert_eq!(
            c.custom_properties(),
            "section.kabar.kabar.kabar{--kabar-image-ratio:100 / 100;--kabar-columns:3;--kabar-min-card-width:12rem;\
             --kabar-accent:#ffff00;--kabar-on-accent:#000000;--kabar-accent-light-text:#737300;--kabar-accent-dark-text:#ffff00;}"
        );
    }
}
