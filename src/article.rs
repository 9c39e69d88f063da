//! The one article model every feed format is normalised into.

use crate::date::Timestamp;

/// One news article, normalised and with every URL already checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// Unique within the feed.
    pub id: String,
    /// The original page (http or https), if the feed gave a usable one.
    pub url: Option<String>,
    /// Plain text; never rendered as markup.
    pub title: String,
    /// Plain text excerpt.
    pub summary: String,
    /// The body, still raw: HTML is sanitised when it is rendered.
    pub content: Content,
    /// The lead image.
    pub image: Option<Image>,
    /// When it was published.
    pub published: Option<Timestamp>,
    /// When it was last changed.
    pub modified: Option<Timestamp>,
    /// Author names, plain text.
    pub authors: Vec<String>,
    /// Categories and tags, plain text.
    pub tags: Vec<String>,
}

/// An article body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Content {
    /// Untrusted HTML from the feed, to be sanitised before it reaches the DOM.
    Html(String),
    /// Plain text, shown as paragraphs.
    Text(String),
}

/// An image with a checked URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Image {
    /// http(s) or raster `data:` URL.
    pub url: String,
    /// Alternative text; empty when the image only decorates text that is next to it.
    pub alt: String,
}

impl Content {
    /// Paragraphs of a plain-text body, split on blank lines (or single newlines).
    pub fn text_paragraphs(text: &str) -> Vec<String> {
        text.split('\n')
            .map(crate::text::collapse_whitespace)
            .filter(|p| !p.is_empty())
            .collect()
    }
}
