//! The public contract in one place: every attribute the widget reads (name, kind, keywords or
//! range, default, one-line description), and the CSS parts, custom properties, events and JS
//! members of the element.
//!
//! Everything else follows this table or is checked against it: `parse_config` takes its
//! ranges and keyword lists from here, `observedAttributes` is [`NAMES`], `cargo xtask dist`
//! writes `custom-elements.json` and `contract.json` from it (the configurator and the WordPress
//! plugin read the latter), and `tests/contract.rs` checks `kabar.d.ts`, the README's tables,
//! the loader's defaults, the stylesheet and the `part=` names in the components against it.
//!
//! To add an attribute: add one [`Attribute`] to [`ATTRIBUTES`], read it in
//! `config::parse_config` (a keyword list goes on its enum as `KEYWORDS`), and let the failing
//! tests in `tests/contract.rs` say which line of `kabar.d.ts` and the README to add.

use crate::config::{DateStyle, Layout, LinkTarget, ReaderMode, Theme};
use crate::i18n::Lang;

/// The custom element's tag.
pub const ELEMENT: &str = "kabar-news";
/// The attribute that marks a `<div>` (or other element) as a widget.
pub const DATA_MARKER: &str = "data-kabar-news";
/// What attribute names get on an element that is not `<kabar-news>`.
pub const DATA_PREFIX: &str = "data-";

/// The prefix of every attribute on an element with this local name: none on `<kabar-news>`,
/// `data-` on anything else (CMS editors strip unknown tags and attributes).
pub fn attribute_prefix(local_name: &str) -> &'static str {
    if local_name == ELEMENT {
        ""
    } else {
        DATA_PREFIX
    }
}

/// One attribute of the widget.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attribute {
    /// Its name on `<kabar-news>` (kebab case; `data-` prefixed on a div).
    pub name: &'static str,
    /// What values it takes.
    pub kind: Kind,
    /// What applies when it is absent or unusable.
    pub default: Default,
    /// One line for people: what it does.
    pub description: &'static str,
}

/// The values an attribute takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An http(s) URL, absolute or relative to the page.
    Url,
    /// Free text with a format of its own (a ratio, a colour, a length, a date…), checked when read.
    Text,
    /// A comma list of free words (category names, search words).
    List,
    /// One of these keywords, case-insensitive.
    Keyword(&'static [&'static str]),
    /// A comma list of some of these keywords.
    Parts(&'static [&'static str]),
    /// A whole number in a range.
    Number(Range),
    /// Present means on (unless the value is `false`).
    Boolean,
    /// A JSON object.
    Json,
}

/// The range of a number attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    /// Smallest allowed value.
    pub min: u32,
    /// Largest allowed value.
    pub max: u32,
    /// What the number counts, for warnings ("whole number of seconds").
    pub unit: &'static str,
    /// Larger values are lowered to `max` (with a warning) instead of ignored.
    pub lowered_above: bool,
    /// The typings list each value (a short closed set, such as heading levels).
    pub literal: bool,
}

/// What applies when an attribute is absent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Default {
    /// The widget cannot work without it.
    Required,
    /// A number.
    Number(u32),
    /// A value as the webmaster would write it (for a keyword, its first keyword).
    Value(&'static str),
    /// A sentence, where the default depends on something else or is "none".
    Sentence(&'static str),
}

impl Default {
    /// The number, for a number default (a compile-time error elsewhere).
    pub const fn number(self) -> u32 {
        match self {
            Default::Number(n) => n,
            _ => panic!("this attribute's default is not a number"),
        }
    }
}

impl Kind {
    /// The range, for a number attribute (a compile-time error elsewhere).
    pub const fn range(self) -> Range {
        match self {
            Kind::Number(range) => range,
            _ => panic!("this attribute is not a number"),
        }
    }

    /// The keywords, for a keyword or parts attribute (a compile-time error elsewhere).
    pub const fn keywords(self) -> &'static [&'static str] {
        match self {
            Kind::Keyword(keywords) | Kind::Parts(keywords) => keywords,
            _ => panic!("this attribute has no keywords"),
        }
    }
}

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
pub const FORMAT_KEYWORDS: &[&str] = &["jsonfeed", "wordpress", "rss", "atom", "custom"];
/// `sort`: the article orders.
pub const SORT_KEYWORDS: &[&str] = &["newest", "feed"];
/// `show`: the parts of a card.
pub const SHOW_PARTS: &[&str] = &["image", "date", "author", "category", "excerpt", "source"];

/// Every attribute, in the order the README documents them. The `text-…` attributes, one per
/// visible string, come from `crate::i18n::Strings::KEYS`.
pub const ATTRIBUTES: &[Attribute] = &[
    Attribute {
        name: "feed",
        kind: Kind::Url,
        default: Default::Required,
        description: "URL of a feed (JSON Feed, WordPress posts, RSS, Atom or custom JSON), relative to the page or absolute.",
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
        kind: Kind::Boolean,
        default: Default::Sentence("off"),
        description: "Category chips that filter the loaded articles.",
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

/// How many attributes there are (without the `text-…` ones).
pub const COUNT: usize = ATTRIBUTES.len();

/// Every attribute name, for `observedAttributes` (only the names reach the wasm).
pub const NAMES: [&str; COUNT] = {
    let mut names = [""; COUNT];
    let mut i = 0;
    while i < COUNT {
        names[i] = ATTRIBUTES[i].name;
        i += 1;
    }
    names
};

/// The attribute with this name; used in constants, so a name missing from the table is a
/// compile-time error.
pub const fn attribute(name: &str) -> &'static Attribute {
    let mut i = 0;
    while i < COUNT {
        if same(ATTRIBUTES[i].name, name) {
            return &ATTRIBUTES[i];
        }
        i += 1;
    }
    panic!("an attribute is missing from contract::ATTRIBUTES")
}

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// `minCardWidth` for `min-card-width`: the name of a `Kabar.mount` option.
pub fn option_name(attribute: &str) -> String {
    let mut out = String::with_capacity(attribute.len());
    let mut upper = false;
    for c in attribute.chars() {
        if c == '-' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

impl Attribute {
    /// The attribute's TypeScript type, as `kabar.d.ts` and the manifest write it.
    pub fn type_text(&self) -> String {
        match self.kind {
            Kind::Keyword(keywords) => keywords
                .iter()
                .map(|k| format!("'{k}'"))
                .collect::<Vec<_>>()
                .join(" | "),
            Kind::Number(range) if range.literal => (range.min..=range.max)
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(" | "),
            Kind::Number(_) => "number".into(),
            Kind::Boolean => "boolean".into(),
            Kind::Url | Kind::Text | Kind::List | Kind::Parts(_) | Kind::Json => "string".into(),
        }
    }

    /// The default as the README's table writes it: `` `6` ``, or the sentence.
    pub fn default_text(&self) -> String {
        match self.default {
            Default::Required => "required".into(),
            Default::Number(n) => format!("`{n}`"),
            Default::Value(value) => format!("`{value}`"),
            Default::Sentence(sentence) => sentence.into(),
        }
    }
}

/// A `part=` name, for `::part()` styling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Part {
    /// The name.
    pub name: &'static str,
    /// What it is.
    pub description: &'static str,
}

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
    part("reader", "The reader dialog."),
    part("reader-title", "The reader's title."),
    part("reader-body", "The article body in the reader."),
    part("share", "The reader's share controls."),
];

const fn part(name: &'static str, description: &'static str) -> Part {
    Part { name, description }
}

/// A public `--kabar-*` custom property.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CssProperty {
    /// The name, with its `--`.
    pub name: &'static str,
    /// Its default, as the README writes it.
    pub default: &'static str,
    /// What it styles.
    pub description: &'static str,
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

/// An event the widget dispatches on its host (bubbling, composed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Event {
    /// The event type.
    pub name: &'static str,
    /// The TypeScript type of its `detail`.
    pub detail: &'static str,
    /// When it fires.
    pub description: &'static str,
}

/// Every event (a test finds each in `src/web/events.rs` and `kabar.d.ts`).
pub const EVENTS: &[Event] = &[
    Event {
        name: "kabar:ready",
        detail: "{ count: number }",
        description: "The articles are shown (again after a refresh or a new feed); `count` cards.",
    },
    Event {
        name: "kabar:error",
        detail: "{ message: string }",
        description: "Loading failed; `message` says what went wrong and what to fix.",
    },
    Event {
        name: "kabar:open",
        detail: "{ id: string; url: string | null; title: string }",
        description: "The reader shows an article.",
    },
    Event {
        name: "kabar:close",
        detail: "null",
        description: "The reader closed.",
    },
    Event {
        name: "kabar:click",
        detail: "{ id: string; url: string | null; position: number }",
        description:
            "A visitor clicked a card (1-based `position` among those shown), for analytics.",
    },
];

/// A property or method of the element's JS API.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Member {
    /// The name.
    pub name: &'static str,
    /// `method` or `field`.
    pub kind: &'static str,
    /// Its TypeScript type (a method's signature).
    pub type_text: &'static str,
    /// What it does.
    pub description: &'static str,
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_kebab_case() {
        for (i, a) in ATTRIBUTES.iter().enumerate() {
            assert!(
                a.name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{}",
                a.name
            );
            assert!(
                ATTRIBUTES[..i].iter().all(|b| b.name != a.name),
                "{} twice",
                a.name
            );
            assert_eq!(NAMES[i], a.name);
        }
    }

    #[test]
    fn keyword_defaults_are_the_first_keyword() {
        // `config::keyword` falls back to the first keyword; the documented default must agree.
        for a in ATTRIBUTES {
            if let Kind::Keyword(keywords) = a.kind {
                if let Default::Value(value) = a.default {
                    assert_eq!(keywords[0], value, "{}", a.name);
                }
            }
            if let (Kind::Number(range), Default::Number(n)) = (a.kind, a.default) {
                assert!((range.min..=range.max).contains(&n), "{}", a.name);
            }
        }
    }

    #[test]
    fn lookups_and_names() {
        assert_eq!(attribute("limit").default, Default::Number(6));
        assert_eq!(option_name("exclude-category"), "excludeCategory");
        assert_eq!(attribute_prefix("kabar-news"), "");
        assert_eq!(attribute_prefix("div"), "data-");
        assert_eq!(
            attribute("layout").type_text(),
            "'grid' | 'list' | 'compact' | 'featured' | 'carousel' | 'ticker'"
        );
        assert_eq!(attribute("heading-level").type_text(), "2 | 3 | 4 | 5 | 6");
    }
}
