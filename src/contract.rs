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
//! To add an attribute: add one [`Attribute`] to [`ATTRIBUTES`] (`src/contract/table.rs`), read it in
//! `config::parse_config` (a keyword list goes on its enum as `KEYWORDS`), and let the failing
//! tests in `tests/contract.rs` say which line of `kabar.d.ts` and the README to add.

mod table;

pub use table::*;

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
    /// One or more such URLs separated by whitespace (an array in `Kabar.mount`).
    Urls,
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
            Kind::Urls => "string | string[]".into(),
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
