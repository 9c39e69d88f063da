//! Attributes in, typed configuration out, with a warning for every value we had to ignore.

use std::fmt;

use crate::color::Rgb;
use crate::date::{parse_zone, DEFAULT_SITE_OFFSET_MINUTES};
use crate::feed::{parse_fields, request_url, FieldMap, Format, Sort};
use crate::filter::{Filters, Since};
use crate::i18n::{Lang, Strings};
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
/// Shows category chips that filter the loaded articles (a boolean attribute).
pub const ATTR_CHIPS: &str = "chips";
/// JSON object of visible strings to override, e.g. `{"read_more": "Selengkapnya"}`; each
/// string also has its own `text-…` attribute (see [`Strings::KEYS`]).
pub const ATTR_STRINGS: &str = "strings";
/// Seconds between automatic moves of the carousel (off by default) or the ticker (5).
pub const ATTR_AUTOPLAY: &str = "autoplay";
/// `lazy` (default) or `eager`: whether the widget waits until it nears the viewport.
pub const ATTR_LOADING: &str = "loading";
/// Every attribute the widget reads, for `observedAttributes` (plus one `text-…` per string).
pub const ATTRIBUTES: [&str; 35] = [
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
    ATTR_SHOW,
    ATTR_EXCERPT,
    ATTR_IMAGE_RATIO,
    ATTR_FALLBACK_IMAGE,
    ATTR_HEADING,
    ATTR_HEADING_LEVEL,
    ATTR_TARGET,
    ATTR_THEME,
    ATTR_ACCENT,
    ATTR_CATEGORY,
    ATTR_EXCLUDE_CATEGORY,
    ATTR_INCLUDE,
    ATTR_EXCLUDE,
    ATTR_SINCE,
    ATTR_COLUMNS,
    ATTR_MIN_CARD_WIDTH,
    ATTR_DATE,
    ATTR_TIMEZONE,
    ATTR_FEED_TIMEZONE,
    ATTR_SEARCH,
    ATTR_CHIPS,
    ATTR_STRINGS,
    ATTR_AUTOPLAY,
    ATTR_LOADING,
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
    /// Headlines with their dates only, for a sidebar.
    Compact,
    /// The first article large, the rest in a grid below it.
    Featured,
    /// One row that scrolls sideways, with previous/next buttons.
    Carousel,
    /// One line of rotating headlines with a pause button.
    Ticker,
}

impl Layout {
    /// The CSS class of the card list.
    pub fn class(self) -> &'static str {
        match self {
            Layout::Grid => "grid",
            Layout::List => "list",
            Layout::Compact => "compact",
            Layout::Featured => "featured",
            Layout::Carousel => "carousel",
            Layout::Ticker => "ticker",
        }
    }
}

/// Seconds a ticker shows each headline when `autoplay` is absent.
pub const DEFAULT_TICKER_SECONDS: u32 = 5;
/// Most columns `columns` may force.
pub const MAX_COLUMNS: u8 = 6;

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

/// Where links to original articles open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LinkTarget {
    /// A new tab (`target="_blank"`).
    #[default]
    Blank,
    /// The same tab.
    SelfTab,
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

/// How dates read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DateStyle {
    /// "26 November 2026".
    #[default]
    Medium,
    /// "2 jam lalu", "kemarin"; a medium date after a week.
    Relative,
    /// "26/11/2026".
    Short,
    /// "Kamis, 26 November 2026".
    Long,
    /// No dates.
    None,
}

/// Light or dark colours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Dark text on light cards.
    #[default]
    Light,
    /// Light text on dark cards.
    Dark,
    /// Follows `prefers-color-scheme`.
    Auto,
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

/// Card heading level when `heading-level` is absent.
pub const DEFAULT_HEADING_LEVEL: u8 = 3;
/// Longest `excerpt` allowed.
pub const MAX_EXCERPT_CHARS: usize = 1000;

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
    /// Whether visitors get category chips.
    pub chips: bool,
    /// Every visible string: the language's, with the webmaster's overrides.
    pub strings: &'static Strings,
    /// Seconds between automatic moves, if the layout moves by itself.
    pub autoplay: Option<u32>,
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
/// `data-` prefix), `prefix` is that prefix for messages, `page` gives the defaults that depend on
/// the host page.
pub fn parse_config(
    get: impl Fn(&str) -> Option<String>,
    prefix: &str,
    page: Page,
) -> (Config, Vec<ConfigWarning>) {
    let page_url = page.url;
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
            Some(url) => Ok(request_url(&url)),
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
        &[
            ("grid", Layout::Grid),
            ("list", Layout::List),
            ("compact", Layout::Compact),
            ("featured", Layout::Featured),
            ("carousel", Layout::Carousel),
            ("ticker", Layout::Ticker),
        ],
        &mut warn,
    );

    // Without a lang attribute the widget speaks the page's language when it knows it.
    let page_lang = page.lang.and_then(Lang::parse).unwrap_or_default();
    let lang = match get(ATTR_LANG) {
        None => page_lang,
        Some(raw) => Lang::parse(&raw).unwrap_or_else(|| {
            warn(
                ATTR_LANG,
                Some(&raw),
                format!("is not one of id, en; {} is used", page_lang.tag()),
            );
            page_lang
        }),
    };

    let format = parsed(&get, ATTR_FORMAT, Format::parse, "is not one of jsonfeed, wordpress, rss, atom, custom, jsonapi; the format is detected from the feed", &mut warn);

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

    // The loader schedules by this attribute; it is read here only to warn about a bad value.
    keyword(
        &get,
        ATTR_LOADING,
        &[("lazy", ()), ("eager", ())],
        &mut warn,
    );

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

    let autoplay_attribute = seconds(ATTR_AUTOPLAY, 2..=60, 0);
    // The ticker rotates by nature; the carousel only when asked.
    let autoplay = match layout {
        Layout::Ticker => Some(autoplay_attribute.unwrap_or(DEFAULT_TICKER_SECONDS)),
        _ => autoplay_attribute,
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

    let show = match get(ATTR_SHOW) {
        None => Show::default(),
        Some(raw) => {
            let mut show = Show {
                image: false,
                date: false,
                author: false,
                category: false,
                excerpt: false,
                source: false,
            };
            for part in raw.split(',').map(|p| p.trim().to_ascii_lowercase()) {
                match part.as_str() {
                    "image" => show.image = true,
                    "date" => show.date = true,
                    "author" => show.author = true,
                    "category" => show.category = true,
                    "excerpt" => show.excerpt = true,
                    "source" => show.source = true,
                    "" => {}
                    unknown => warn(
                        ATTR_SHOW,
                        Some(&raw),
                        format!("names \"{unknown}\", which is not one of image, date, author, category, excerpt, source; it is ignored"),
                    ),
                }
            }
            show
        }
    };

    let excerpt_chars = get(ATTR_EXCERPT).and_then(|raw| match raw.trim().parse::<usize>() {
        Ok(n) if (1..=MAX_EXCERPT_CHARS).contains(&n) => Some(n),
        _ => {
            warn(
                ATTR_EXCERPT,
                Some(&raw),
                format!("is not a number of characters from 1 to {MAX_EXCERPT_CHARS}; the feed's summary is shown as it is"),
            );
            None
        }
    });

    let image_ratio = get(ATTR_IMAGE_RATIO).map_or((16, 9), |raw| {
        parse_ratio(&raw).unwrap_or_else(|| {
            warn(
                ATTR_IMAGE_RATIO,
                Some(&raw),
                "is not a ratio such as 16/9, 4:3 or 1; 16/9 is used".into(),
            );
            (16, 9)
        })
    });

    let fallback_image = parsed(
        &get,
        ATTR_FALLBACK_IMAGE,
        |raw| safe_url(page_url, raw, UrlUse::Web),
        "is not an http(s) image URL; articles without an image show none",
        &mut warn,
    );

    let heading = get(ATTR_HEADING)
        .map(|h| crate::text::collapse_whitespace(&h))
        .filter(|h| !h.is_empty());

    let heading_level = match get(ATTR_HEADING_LEVEL) {
        None => DEFAULT_HEADING_LEVEL,
        Some(raw) => match raw.trim().parse::<u8>() {
            Ok(n) if (2..=6).contains(&n) => n,
            _ => {
                warn(
                    ATTR_HEADING_LEVEL,
                    Some(&raw),
                    format!("is not a heading level from 2 to 6; {DEFAULT_HEADING_LEVEL} is used"),
                );
                DEFAULT_HEADING_LEVEL
            }
        },
    };

    let target = keyword(
        &get,
        ATTR_TARGET,
        &[
            ("_blank", LinkTarget::Blank),
            ("_self", LinkTarget::SelfTab),
        ],
        &mut warn,
    );

    let theme = keyword(
        &get,
        ATTR_THEME,
        &[
            ("light", Theme::Light),
            ("dark", Theme::Dark),
            ("auto", Theme::Auto),
        ],
        &mut warn,
    );

    let accent = parsed(&get, ATTR_ACCENT, Rgb::parse, "is not a colour Kabar reads (#rgb, #rrggbb, rgb(r, g, b) or a common name such as teal); the default accent is used", &mut warn);

    let since = parsed(
        &get,
        ATTR_SINCE,
        Since::parse,
        "is neither a date (2026-11-01) nor a number of days (7d); articles of any age are shown",
        &mut warn,
    );
    let filters = Filters {
        categories: get(ATTR_CATEGORY).map_or_else(Vec::new, |v| Filters::category_list(&v)),
        exclude_categories: get(ATTR_EXCLUDE_CATEGORY)
            .map_or_else(Vec::new, |v| Filters::category_list(&v)),
        include: get(ATTR_INCLUDE).map_or_else(Vec::new, |v| Filters::keyword_list(&v)),
        exclude: get(ATTR_EXCLUDE).map_or_else(Vec::new, |v| Filters::keyword_list(&v)),
        since,
    };

    let columns = get(ATTR_COLUMNS).and_then(|raw| match raw.trim().parse::<u8>() {
        Ok(n) if (1..=MAX_COLUMNS).contains(&n) => Some(n),
        _ => {
            warn(
                ATTR_COLUMNS,
                Some(&raw),
                format!(
                    "is not a number of columns from 1 to {MAX_COLUMNS}; columns follow the width"
                ),
            );
            None
        }
    });
    let min_card_width = parsed(
        &get,
        ATTR_MIN_CARD_WIDTH,
        css_length,
        "is not a length such as 18rem, 16em or 280px; 15.5rem is used",
        &mut warn,
    );

    let date_style = keyword(
        &get,
        ATTR_DATE,
        &[
            ("medium", DateStyle::Medium),
            ("relative", DateStyle::Relative),
            ("short", DateStyle::Short),
            ("long", DateStyle::Long),
            ("none", DateStyle::None),
        ],
        &mut warn,
    );
    // The browser checks the zone itself; this only keeps out what cannot be one.
    let timezone = get(ATTR_TIMEZONE).and_then(|raw| {
        let zone = raw.trim();
        let plausible = !zone.is_empty()
            && zone.len() <= 40
            && zone
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '-' | '+'));
        if !plausible {
            warn(
                ATTR_TIMEZONE,
                Some(&raw),
                "is not a time zone such as Asia/Jakarta, Asia/Makassar or Asia/Jayapura; the visitor's is used".into(),
            );
        }
        plausible.then(|| zone.to_string())
    });

    let feed_offset_minutes = match get(ATTR_FEED_TIMEZONE) {
        None => DEFAULT_SITE_OFFSET_MINUTES,
        Some(raw) => parse_zone(&raw).unwrap_or_else(|| {
            warn(
                ATTR_FEED_TIMEZONE,
                Some(&raw),
                "is not Asia/Jakarta, Asia/Pontianak, Asia/Makassar, Asia/Jayapura, UTC or an offset such as +08:00; Asia/Jakarta (+07:00) is used".into(),
            );
            DEFAULT_SITE_OFFSET_MINUTES
        }),
    };

    // Boolean attributes: present means on, unless the value is "false" (as some CMSs write).
    let flag = |name: &str| get(name).is_some_and(|v| !v.trim().eq_ignore_ascii_case("false"));
    let search = flag(ATTR_SEARCH);
    let chips = flag(ATTR_CHIPS);

    // `strings` JSON first, so a specific text-… attribute wins over it.
    let mut overrides: Vec<(String, String)> = Vec::new();
    if let Some(raw) = get(ATTR_STRINGS) {
        match serde_json::from_str::<serde_json::Value>(&raw) {
            Ok(serde_json::Value::Object(map)) => {
                for (key, value) in map {
                    match value {
                        serde_json::Value::String(text) => overrides.push((key, text)),
                        _ => warn(
                            ATTR_STRINGS,
                            Some(&raw),
                            format!("gives \"{key}\" a value that is not a string; it is ignored"),
                        ),
                    }
                }
            }
            _ => warn(
                ATTR_STRINGS,
                Some(&raw),
                "is not a JSON object such as {\"read_more\": \"Selengkapnya\"}; the built-in strings are used".into(),
            ),
        }
    }
    for key in Strings::KEYS {
        if let Some(text) = get(&Strings::attribute_name(key)) {
            overrides.push((key.to_string(), text));
        }
    }
    let (strings, unknown) = lang.strings().with_overrides(&overrides);
    for key in unknown {
        warn(
            ATTR_STRINGS,
            get(ATTR_STRINGS).as_deref(),
            format!(
                "names \"{key}\", which is not a string Kabar shows; the README lists the keys"
            ),
        );
    }

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
        warnings,
    )
}

/// `16/9`, `4:3`, `1.5` or `1`: a width/height ratio with both sides from 1 to 100 (decimals
/// are scaled to whole numbers).
pub fn parse_ratio(raw: &str) -> Option<(u32, u32)> {
    let raw = raw.trim();
    let (w, h) = raw
        .split_once(['/', ':'])
        .map_or((raw, "1"), |(w, h)| (w.trim(), h.trim()));
    let scaled = |v: &str| -> Option<u32> {
        let (whole, fraction) = v.split_once('.').unwrap_or((v, ""));
        if whole.is_empty()
            || fraction.len() > 2
            || !whole
                .bytes()
                .chain(fraction.bytes())
                .all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let digits = format!("{whole}{fraction:0<2}");
        digits
            .parse::<u32>()
            .ok()
            .filter(|n| (100..=10_000).contains(n))
    };
    Some((scaled(w)?, scaled(h)?))
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

/// A positive CSS length in `px`, `rem`, `em` or `ch` (nothing else can reach the stylesheet).
pub fn css_length(raw: &str) -> Option<String> {
    let raw = raw.trim().to_ascii_lowercase();
    let unit_start = raw.find(|c: char| c.is_ascii_alphabetic())?;
    let (number, unit) = raw.split_at(unit_start);
    let valid_number = !number.is_empty()
        && number.len() <= 6
        && number.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && number.bytes().filter(|b| *b == b'.').count() <= 1
        && number.bytes().any(|b| b != b'0' && b != b'.');
    (valid_number && matches!(unit, "px" | "rem" | "em" | "ch")).then_some(raw)
}

/// An attribute read by `parse`; a value it rejects gets a warning with `advice` (which says
/// what is used instead) and counts as absent.
fn parsed<T>(
    get: &impl Fn(&str) -> Option<String>,
    name: &str,
    parse: impl Fn(&str) -> Option<T>,
    advice: &str,
    warn: &mut impl FnMut(&str, Option<&str>, String),
) -> Option<T> {
    let raw = get(name)?;
    let value = parse(&raw);
    if value.is_none() {
        warn(name, Some(&raw), advice.to_string());
    }
    value
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
            Page {
                url: PAGE,
                lang: None,
            },
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
            c.feed.as_deref(),
            Ok("https://kec.go.id/api/frontend/v1/artikel?page[size]=6&filter[status]=1")
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
        assert!(config(&[("feed", "/f"), ("chips", "chips")]).0.chips);
        assert!(!config(&[("feed", "/f"), ("search", "false")]).0.search);
        assert!(!config(&[("feed", "/f")]).0.chips);
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
