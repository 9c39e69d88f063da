//! The contract's data: every attribute, part, custom property, event and JS member. Adding
//! one is adding an entry here (see `crate::contract` for what follows from it).

use super::*;
use crate::config::{DateStyle, Layout, LinkTarget, ReaderMode, Theme};
use crate::i18n::Lang;

const fn range(min: u32, max: u32, unit: &'static str) -> Range {
    Range {
        min,
        max,
        unit,
        lowered_above: false,
        literal: false,
    }
}

const SECONDS: &str = "whole number of seconds";

/// `loading`: how the loader schedules a widget.
pub const LOADING_KEYWORDS: &[&str] = &["lazy", "eager"];
/// `format`: the feed formats (`crate::feed::Format::ALL` by name; a test keeps them equal).
pub const FORMAT_KEYWORDS: &[&str] = &["jsonfeed", "wordpress", "rss", "atom", "custom", "jsonapi"];
/// `sort`: the article orders.
pub const SORT_KEYWORDS: &[&str] = &["newest", "feed"];
/// `chips`: what the chips filter by.
pub const CHIPS_KEYWORDS: &[&str] = &["category", "source"];
/// `show`: the parts of a card.
pub const SHOW_PARTS: &[&str] = &["image", "date", "author", "category", "excerpt", "source"];

/// Every attribute, in the order the README documents them. The `text-…` attributes, one per
/// visible string, come from `crate::i18n::Strings::KEYS`.
pub const ATTRIBUTES: &[Attribute] = &[
    Attribute {
        name: "feed",
        kind: Kind::Urls,
        default: Default::Required,
        description: "URL of a feed (JSON Feed, WordPress posts, RSS, Atom or custom JSON), relative to the page or absolute; up to 12, separated by spaces, are merged into one list.",
    },
    Attribute {
        name: "limit",
        kind: Kind::Number(Range {
            lowered_above: true,
            ..range(1, 100, "whole number")
        }),
        default: Default::Number(6),
        description: "Cards shown, and the page size of \"load more\".",
    },
    Attribute {
        name: "layout",
        kind: Kind::Keyword(Layout::KEYWORDS),
        default: Default::Value("grid"),
        description: "How the cards are arranged.",
    },
    Attribute {
        name: "autoplay",
        kind: Kind::Number(range(2, 60, SECONDS)),
        default: Default::Sentence("carousel off, ticker `5`"),
        description: "Seconds between automatic moves of the carousel or the ticker.",
    },
    Attribute {
        name: "loading",
        kind: Kind::Keyword(LOADING_KEYWORDS),
        default: Default::Value("lazy"),
        description: "`lazy` waits until the widget nears the viewport; `eager` starts at once.",
    },
    Attribute {
        name: "columns",
        kind: Kind::Number(range(1, 6, "number of columns")),
        default: Default::Sentence("follow the width"),
        description: "A fixed number of grid columns on wide screens.",
    },
    Attribute {
        name: "min-card-width",
        kind: Kind::Text,
        default: Default::Value("15.5rem"),
        description: "The narrowest grid card before columns wrap, in px, rem, em or ch.",
    },
    Attribute {
        name: "lang",
        kind: Kind::Keyword(Lang::KEYWORDS),
        default: Default::Sentence("the page's `<html lang>` if it is `id` or `en`, else `id`"),
        description: "Language of every visible string and date.",
    },
    Attribute {
        name: "format",
        kind: Kind::Keyword(FORMAT_KEYWORDS),
        default: Default::Sentence("detected"),
        description: "Forces a feed format instead of detecting it.",
    },
    Attribute {
        name: "fields",
        kind: Kind::Text,
        default: Default::Sentence("none"),
        description: "Where the title, link and so on are in custom JSON, e.g. `items: data.posts; title: headline`.",
    },
    Attribute {
        name: "sort",
        kind: Kind::Keyword(SORT_KEYWORDS),
        default: Default::Value("newest"),
        description: "Article order: newest first, or as the feed lists them.",
    },
    Attribute {
        name: "timeout",
        kind: Kind::Number(range(1, 120, SECONDS)),
        default: Default::Number(10),
        description: "Seconds before a request is given up.",
    },
    Attribute {
        name: "cache",
        kind: Kind::Number(range(0, 7 * 24 * 3600, SECONDS)),
        default: Default::Number(300),
        description: "Seconds a saved copy counts as fresh; `0` turns the cache off.",
    },
    Attribute {
        name: "refresh",
        kind: Kind::Number(range(30, 24 * 3600, SECONDS)),
        default: Default::Sentence("off"),
        description: "Seconds between background refreshes; `0` or absent is off.",
    },
    Attribute {
        name: "reader",
        kind: Kind::Keyword(ReaderMode::KEYWORDS),
        default: Default::Value("inline"),
        description: "What a card opens: the reader on the page, the original, or the original in a new tab.",
    },
    Attribute {
        name: "show",
        kind: Kind::Parts(SHOW_PARTS),
        default: Default::Value("image,date,category,excerpt"),
        description: "What a card shows, a comma list.",
    },
    Attribute {
        name: "excerpt",
        kind: Kind::Number(range(1, 1000, "number of characters")),
        default: Default::Sentence("the feed's summary, cut the same way at 160 characters"),
        description: "Longest excerpt in characters, cut at a word boundary.",
    },
    Attribute {
        name: "image-ratio",
        kind: Kind::Text,
        default: Default::Value("16/9"),
        description: "Card image box, e.g. `16/9`, `4:3`, `1`.",
    },
    Attribute {
        name: "fallback-image",
        kind: Kind::Url,
        default: Default::Sentence("none"),
        description: "Image for articles that have none.",
    },
    Attribute {
        name: "heading",
        kind: Kind::Text,
        default: Default::Sentence("none"),
        description: "A title above the cards; the widget's region is named by it.",
    },
    Attribute {
        name: "heading-level",
        kind: Kind::Number(Range {
            literal: true,
            ..range(2, 6, "heading level")
        }),
        default: Default::Number(3),
        description: "Level of card titles; the heading is one level above.",
    },
    Attribute {
        name: "target",
        kind: Kind::Keyword(LinkTarget::KEYWORDS),
        default: Default::Value("_blank"),
        description: "Where links to originals and attachments open.",
    },
    Attribute {
        name: "date",
        kind: Kind::Keyword(DateStyle::KEYWORDS),
        default: Default::Value("medium"),
        description: "How card dates read.",
    },
    Attribute {
        name: "timezone",
        kind: Kind::Text,
        default: Default::Sentence("the visitor's"),
        description: "The IANA time zone dates are shown in, e.g. `Asia/Jakarta`.",
    },
    Attribute {
        name: "feed-timezone",
        kind: Kind::Text,
        default: Default::Value("Asia/Jakarta"),
        description: "The zone of the feed's dates that give no offset (the site's): an Indonesian IANA zone, `UTC` or an offset such as `+08:00`.",
    },
    Attribute {
        name: "category",
        kind: Kind::List,
        default: Default::Sentence("all"),
        description: "Only articles in these categories or tags (names or slugs).",
    },
    Attribute {
        name: "exclude-category",
        kind: Kind::List,
        default: Default::Sentence("none"),
        description: "No articles in these categories or tags.",
    },
    Attribute {
        name: "include",
        kind: Kind::List,
        default: Default::Sentence("all"),
        description: "Only articles whose title or summary has one of these words.",
    },
    Attribute {
        name: "exclude",
        kind: Kind::List,
        default: Default::Sentence("none"),
        description: "No articles whose title or summary has one of these words.",
    },
    Attribute {
        name: "since",
        kind: Kind::Text,
        default: Default::Sentence("all"),
        description: "Only articles since a date (`2026-11-01`) or in the last days (`7d`).",
    },
    Attribute {
        name: "search",
        kind: Kind::Boolean,
        default: Default::Sentence("off"),
        description: "A search box that filters the loaded articles.",
    },
    Attribute {
        name: "chips",
        kind: Kind::Keyword(CHIPS_KEYWORDS),
        default: Default::Sentence("off; present without a value: `category`"),
        description: "Chips that filter the loaded articles: one per category, or one per source feed.",
    },
    Attribute {
        name: "strings",
        kind: Kind::Json,
        default: Default::Sentence("the language's"),
        description: "Visible strings to override, e.g. `{\"read_more\": \"Selengkapnya\"}`; each also has its own `text-…` attribute.",
    },
    Attribute {
        name: "theme",
        kind: Kind::Keyword(Theme::KEYWORDS),
        default: Default::Value("light"),
        description: "Light or dark colours, or `auto` to follow the visitor's system.",
    },
    Attribute {
        name: "accent",
        kind: Kind::Text,
        default: Default::Sentence("the theme's accent"),
        description: "Colour of buttons, links and labels: `#rgb`, `#rrggbb`, `rgb(r, g, b)` or a common name.",
    },
];

/// Every `part=` name the widget renders (a test finds each in the components and the loader).
pub const PARTS: &[Part] = &[
    part("root", "The widget's region."),
    part("heading", "The `heading` above the cards."),
    part("list", "The list of cards."),
    part("card", "A card."),
    part("card-image", "A card's image."),
    part("card-category", "A card's category label."),
    part("card-title", "A card's title."),
    part("card-meta", "A card's date, author and source."),
    part("card-excerpt", "A card's excerpt."),
    part("search", "The search box."),
    part("chip", "A category chip."),
    part("ticker", "The ticker's line."),
    part("button", "Every button."),
    part("load-more", "The \"load more\" button."),
    part("new-articles", "The \"show new articles\" button."),
    part("status", "The loading and empty notices."),
    part("error", "The error state."),
    part(
        "saved-note",
        "The note that a saved copy is shown while offline.",
    ),
    part(
        "source-error",
        "The note naming the feeds (of several) that could not be loaded, with a retry button.",
    ),
    part("reader", "The reader dialog."),
    part("reader-title", "The reader's title."),
    part("reader-body", "The article body in the reader."),
    part("share", "The reader's share controls."),
];

const fn part(name: &'static str, description: &'static str) -> Part {
    Part { name, description }
}

/// Every public custom property (a test finds each in `styles/kabar.css` and the README).
pub const CSS_PROPERTIES: &[CssProperty] = &[
    css(
        "--kabar-font-family",
        "the host page's font (inherited)",
        "All text.",
    ),
    css(
        "--kabar-font-size",
        "1rem",
        "Base size; everything scales from it.",
    ),
    css("--kabar-text", "#1b2430", "Text."),
    css(
        "--kabar-muted",
        "#4b5563",
        "Dates, captions, secondary text.",
    ),
    css("--kabar-background", "transparent", "Behind the widget."),
    css("--kabar-surface", "#ffffff", "Cards, reader."),
    css("--kabar-border", "#d5dbe3", "Card and table borders."),
    css(
        "--kabar-accent",
        "#0b5cad",
        "Categories, links, buttons, focus ring.",
    ),
    css("--kabar-on-accent", "#ffffff", "Text on accent buttons."),
    css("--kabar-radius", "0.75rem", "Card and reader corners."),
    css("--kabar-gap", "1rem", "Space between cards."),
    css("--kabar-shadow", "soft two-layer shadow", "Cards."),
    css("--kabar-image-radius", "0", "Card image corners."),
    css(
        "--kabar-image-ratio",
        "16 / 9 (or image-ratio)",
        "Card image box.",
    ),
    css(
        "--kabar-link",
        "the accent (made readable when accent is set)",
        "Links, category labels, \"Baca selengkapnya\".",
    ),
    css("--kabar-dark-text", "#e6edf5", "Text in the dark theme."),
    css(
        "--kabar-dark-muted",
        "#aab6c5",
        "Secondary text in the dark theme.",
    ),
    css(
        "--kabar-dark-surface",
        "#16202c",
        "Cards and reader in the dark theme.",
    ),
    css(
        "--kabar-dark-border",
        "#334357",
        "Borders in the dark theme.",
    ),
    css(
        "--kabar-dark-background",
        "#0e1620",
        "Behind the widget in the dark theme.",
    ),
    css(
        "--kabar-dark-accent",
        "#7db9ff",
        "The accent in the dark theme.",
    ),
    css(
        "--kabar-dark-on-accent",
        "#0b1520",
        "Text on accent buttons in the dark theme.",
    ),
];

/// Custom properties the widget sets itself from attributes (`Config::custom_properties`); not
/// for webmasters, so not in the manifest.
pub const INTERNAL_CSS_PROPERTIES: &[&str] = &[
    "--kabar-columns",
    "--kabar-min-card-width",
    "--kabar-accent-light-text",
    "--kabar-accent-dark-text",
];

const fn css(name: &'static str, default: &'static str, description: &'static str) -> CssProperty {
    CssProperty {
        name,
        default,
        description,
    }
}

/// Every event (a test finds each in `src/web/events.rs` and `kabar.d.ts`).
pub const EVENTS: &[Event] = &[
    Event {
        name: "kabar:ready",
        detail: "{ count: number; format: string }",
        description: "The articles are shown (again after a refresh or a new feed); `count` cards, `format` the feed format it was read as.",
    },
    Event {
        name: "kabar:error",
        detail: "{ message: string }",
        description: "Loading failed; `message` says what went wrong and what to fix.",
    },
    Event {
        name: "kabar:open",
        detail: "{ id: string; url: string | null; title: string; source: KabarSource | null }",
        description: "The reader shows an article; `source` is the feed it came from (`feed` URL and `name`).",
    },
    Event {
        name: "kabar:close",
        detail: "null",
        description: "The reader closed.",
    },
    Event {
        name: "kabar:click",
        detail: "{ id: string; url: string | null; position: number; source: KabarSource | null }",
        description:
            "A visitor clicked a card (1-based `position` among those shown), for analytics.",
    },
];

/// The element's JS API (the same object `Kabar.mount` resolves to).
pub const MEMBERS: &[Member] = &[
    Member {
        name: "refresh",
        kind: "method",
        type_text: "() => void",
        description: "Fetches the feed again now, bypassing the cache.",
    },
    Member {
        name: "open",
        kind: "method",
        type_text: "(id: string) => boolean",
        description: "Opens the article with this id in the reader; false if there is none (yet).",
    },
    Member {
        name: "close",
        kind: "method",
        type_text: "() => void",
        description: "Closes the reader.",
    },
    Member {
        name: "articles",
        kind: "field",
        type_text: "KabarArticle[]",
        description: "The articles on show, as plain copies; dates in UTC RFC 3339.",
    },
    Member {
        name: "state",
        kind: "field",
        type_text: "'loading' | 'ready' | 'empty' | 'error'",
        description: "The widget's state, also reflected as `data-state`.",
    },
];
