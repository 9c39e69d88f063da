//! Articles out as JSON Feed 1.1, with Kabar's `_kabar` extension on each item.
//!
//! Native only: the widget reads JSON Feed but never writes it, so this serialisation code stays
//! out of its wasm. What JSON Feed has no field for travels in `_kabar` (JSON Feed 1.1 lets an
//! extension key start with `_`; readers that do not know it ignore it), so a file written here
//! and read back by `kabar::feed::parse` gives the same articles:
//!
//! ```json
//! "_kabar": {
//!   "source": { "feed": "https://dinkes.example.go.id/feed/", "name": "Dinas Kesehatan" },
//!   "categories": ["Kesehatan"],
//!   "image": { "alt": "…", "width": 1200, "height": 800, "srcset": [{ "url": "…", "width": 300 }] },
//!   "protected": true
//! }
//! ```
//! Only `source` is always there; the other keys appear when the article has them. Categories
//! are also listed first in `tags`, for readers without the extension.

use kabar::article::{Article, ArticleSource, Attachment, Content, Image};
use kabar::date::Timestamp;
use serde::Serialize;

/// The JSON Feed version this module writes.
pub const VERSION: &str = "https://jsonfeed.org/version/1.1";

/// What a written feed says about itself.
#[derive(Clone, Debug, Default)]
pub struct FeedInfo {
    /// The feed's title (required by JSON Feed).
    pub title: String,
    /// The site the feed is for, if known.
    pub home_page_url: Option<String>,
    /// Where the written file will be published, if known.
    pub feed_url: Option<String>,
    /// A line about the feed.
    pub description: Option<String>,
    /// The language of its articles (BCP 47).
    pub language: Option<String>,
}

#[derive(Serialize)]
struct Document<'a> {
    version: &'static str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    home_page_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    feed_url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
    items: Vec<Item<'a>>,
}

#[derive(Serialize)]
struct Item<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    title: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    summary: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    content_html: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    content_text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_modified: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<Author<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    tags: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    attachments: Vec<AttachmentOut<'a>>,
    #[serde(rename = "_kabar")]
    kabar: Extension<'a>,
}

#[derive(Serialize)]
struct Author<'a> {
    name: &'a str,
}

#[derive(Serialize)]
struct AttachmentOut<'a> {
    url: &'a str,
    /// Required by JSON Feed; an unknown type is sent as bytes.
    mime_type: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    size_in_bytes: Option<u64>,
}

#[derive(Serialize)]
struct Extension<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<SourceOut<'a>>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    categories: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<ImageDetails<'a>>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    protected: bool,
}

#[derive(Serialize)]
struct SourceOut<'a> {
    feed: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct ImageDetails<'a> {
    #[serde(skip_serializing_if = "str::is_empty")]
    alt: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    height: Option<u32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    srcset: Vec<SrcsetEntry<'a>>,
}

#[derive(Serialize)]
struct SrcsetEntry<'a> {
    url: &'a str,
    width: u32,
}

/// The JSON Feed 1.1 text of `articles`, in their order: pretty-printed, ending in a newline,
/// and the same bytes for the same input (no clock, no hash map order).
pub fn write(info: &FeedInfo, articles: &[Article]) -> String {
    let document = Document {
        version: VERSION,
        title: &info.title,
        home_page_url: info.home_page_url.as_deref(),
        feed_url: info.feed_url.as_deref(),
        description: info.description.as_deref(),
        language: info.language.as_deref(),
        items: articles.iter().map(item).collect(),
    };
    // Serialising borrowed strings, numbers and lists into memory cannot fail.
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

fn item(article: &Article) -> Item<'_> {
    let (content_html, content_text) = match &article.content {
        Content::Html(html) => (Some(html.as_str()), None),
        Content::Text(text) => (None, Some(text.as_str())),
        // JSON Feed needs a body: the summary stands in, `_kabar.protected` says why.
        Content::Protected => (None, Some(article.summary.as_str())),
    };
    let mut tags: Vec<&str> = article.categories.iter().map(String::as_str).collect();
    for tag in &article.tags {
        if !tags.contains(&tag.as_str()) {
            tags.push(tag);
        }
    }
    Item {
        id: &article.id,
        url: article.url.as_deref(),
        title: &article.title,
        summary: &article.summary,
        content_html,
        content_text,
        image: article.image.as_ref().map(|image| image.url.as_str()),
        date_published: article.published.as_ref().map(rfc3339),
        date_modified: article.modified.as_ref().map(rfc3339),
        authors: article.authors.iter().map(|name| Author { name }).collect(),
        tags,
        attachments: article.attachments.iter().map(attachment).collect(),
        kabar: Extension {
            source: article.source.as_ref().map(source),
            categories: &article.categories,
            image: article.image.as_ref().and_then(image_details),
            protected: article.content == Content::Protected,
        },
    }
}

fn source(source: &ArticleSource) -> SourceOut<'_> {
    SourceOut {
        feed: &source.feed,
        name: &source.name,
    }
}

fn attachment(attachment: &Attachment) -> AttachmentOut<'_> {
    AttachmentOut {
        url: &attachment.url,
        mime_type: attachment
            .mime
            .as_deref()
            .unwrap_or("application/octet-stream"),
        title: attachment.title.as_deref(),
        size_in_bytes: attachment.size,
    }
}

/// What JSON Feed's `image` (a URL) cannot say, if there is any.
fn image_details(image: &Image) -> Option<ImageDetails<'_>> {
    let details = ImageDetails {
        alt: &image.alt,
        width: image.width,
        height: image.height,
        srcset: image
            .sources
            .iter()
            .map(|source| SrcsetEntry {
                url: &source.url,
                width: source.width,
            })
            .collect(),
    };
    let empty = details.alt.is_empty()
        && details.width.is_none()
        && details.height.is_none()
        && details.srcset.is_empty();
    (!empty).then_some(details)
}

/// RFC 3339 in the offset the feed wrote (`2026-11-26T09:15:00+07:00`), so it reads back as the
/// same instant in the same zone.
pub fn rfc3339(timestamp: &Timestamp) -> String {
    let local = Timestamp {
        unix_seconds: timestamp.unix_seconds + i64::from(timestamp.offset_minutes) * 60,
        offset_minutes: 0,
    }
    .rfc3339_utc();
    let offset = timestamp.offset_minutes;
    if offset == 0 {
        return local;
    }
    let sign = if offset < 0 { '-' } else { '+' };
    let minutes = offset.unsigned_abs();
    format!(
        "{}{sign}{:02}:{:02}",
        local.trim_end_matches('Z'),
        minutes / 60,
        minutes % 60
    )
}
