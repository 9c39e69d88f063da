//! Feed text in, articles out. Pure: the browser only fetches the text.
//!
//! Each format is an adapter that turns its items into [`Draft`]s; everything they have in
//! common (URL checks, derived titles and summaries, tracking pixels, duplicates, sorting and
//! caps) happens once, in `finish.rs`.

mod atom;
mod custom;
mod detect;
mod finish;
mod json_feed;
mod jsonapi;
mod local_links;
mod merge;
mod rest_error;
mod rss;
mod wordpress;

use detect::{describe, detect, is_rss, looks_like_html, unreadable};

use std::collections::HashSet;
use std::fmt;

pub use custom::{parse_fields, Field, FieldMap};
pub use jsonapi::request_url;
pub use local_links::is_local_host;
pub use merge::merge;
pub use rest_error::{rest_error, rss_url, RestError};

pub(crate) use finish::{absolute, first_html_image, plain, xml_base};
use finish::{finish_feed, is_new, sort_articles};

use crate::article::{Article, ArticleSource, Attachment, Content, Image};
use crate::date::Timestamp;
use crate::text::{collapse_whitespace, html_to_text};

/// Feeds longer than this many bytes are refused (JSON) or cut (XML) instead of freezing a phone.
pub const MAX_FEED_BYTES: usize = 5 * 1024 * 1024;
/// Items after this many are ignored, with a warning.
pub const MAX_ITEMS: usize = 1000;
/// Longest summary derived from a body when the feed gives none.
const DERIVED_SUMMARY_CHARS: usize = 220;
/// Longest title derived from a body for title-less (microblog) items.
const DERIVED_TITLE_CHARS: usize = 90;

/// The feed formats Kabar reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// JSON Feed 1.0 or 1.1.
    JsonFeed,
    /// WordPress REST API v2 posts.
    WordPress,
    /// RSS 2.0 (and RSS 1.0 / RDF).
    Rss,
    /// Atom 1.0.
    Atom,
    /// Any JSON, mapped by the `fields` attribute.
    Custom,
    /// JSON:API articles (OpenDK, OpenSID's `internal_api`).
    JsonApi,
}

impl Format {
    /// Every format, in the order the `format` attribute documents them.
    pub const ALL: [Format; 6] = [
        Format::JsonFeed,
        Format::WordPress,
        Format::Rss,
        Format::Atom,
        Format::Custom,
        Format::JsonApi,
    ];

    /// The attribute value naming this format.
    pub fn name(self) -> &'static str {
        match self {
            Format::JsonFeed => "jsonfeed",
            Format::WordPress => "wordpress",
            Format::Rss => "rss",
            Format::Atom => "atom",
            Format::Custom => "custom",
            Format::JsonApi => "jsonapi",
        }
    }

    /// Reads an attribute value (`json-feed` and `wp` are accepted too).
    pub fn parse(value: &str) -> Option<Format> {
        match value.trim().to_ascii_lowercase().as_str() {
            "jsonfeed" | "json-feed" | "json_feed" => Some(Format::JsonFeed),
            "wordpress" | "wp" => Some(Format::WordPress),
            "rss" => Some(Format::Rss),
            "atom" => Some(Format::Atom),
            "custom" => Some(Format::Custom),
            "jsonapi" | "json-api" | "json_api" => Some(Format::JsonApi),
            _ => None,
        }
    }
}

/// How articles are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Sort {
    /// Newest first; undated articles last, in feed order.
    #[default]
    Newest,
    /// As the feed lists them.
    Feed,
}

/// Everything parsing needs besides the text.
#[derive(Clone, Copy, Debug)]
pub struct ParseOptions<'a> {
    /// The absolute feed URL; relative URLs resolve against it.
    pub feed_url: &'a str,
    /// A format forced by the `format` attribute; detected from the content when `None`.
    pub format: Option<Format>,
    /// The `fields` mapping for custom JSON.
    pub fields: Option<&'a FieldMap>,
    /// Article order.
    pub sort: Sort,
    /// Rewrite `http:` image URLs to `https:` (the page is https, so http images would be blocked
    /// as mixed content).
    pub upgrade_images: bool,
    /// WordPress's `X-WP-TotalPages` response header, for paging.
    pub total_pages: Option<u32>,
    /// Minutes from UTC of the site's local time, for dates written without an offset (the
    /// `feed-timezone` attribute; Asia/Jakarta by default).
    pub site_offset_minutes: i32,
    /// The host of the page the widget is on: links to a private address are reported unless
    /// the page is on one too.
    pub page_host: Option<&'a str>,
}

impl<'a> ParseOptions<'a> {
    /// Options with defaults for everything but the URL.
    pub fn new(feed_url: &'a str) -> Self {
        ParseOptions {
            feed_url,
            format: None,
            fields: None,
            sort: Sort::Newest,
            upgrade_images: false,
            total_pages: None,
            site_offset_minutes: crate::date::DEFAULT_SITE_OFFSET_MINUTES,
            page_host: None,
        }
    }
}

/// A parsed feed: the articles that were usable and a count of the ones that were not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Feed {
    /// The format it was read as.
    pub format: Format,
    /// The feed's own title, if any.
    pub title: Option<String>,
    /// The language of its articles (a BCP 47 tag such as `id` or `en-US`), if it says.
    pub language: Option<String>,
    /// Usable articles, sorted as asked.
    pub articles: Vec<Article>,
    /// How many items were skipped.
    pub skipped: usize,
    /// Why the first skipped item was skipped, for the webmaster's console.
    pub first_skip_reason: Option<String>,
    /// The next page of the feed (JSON Feed `next_url`, WordPress `page=N+1`), if there is one.
    pub next_page: Option<String>,
    /// Other things the webmaster should know (cut feeds, mapping paths that matched nothing).
    pub warnings: Vec<String>,
}

impl Feed {
    /// An empty feed of the given format.
    pub fn empty(format: Format) -> Self {
        Feed {
            format,
            title: None,
            language: None,
            articles: Vec::new(),
            skipped: 0,
            first_skip_reason: None,
            next_page: None,
            warnings: Vec::new(),
        }
    }

    /// One line for the webmaster when items were skipped: how many, and the first reason.
    pub fn skip_summary(&self, feed_url: &str) -> Option<String> {
        (self.skipped > 0).then(|| {
            format!(
                "skipped {} of {} items in {feed_url}; the first: {}",
                self.skipped,
                self.skipped + self.articles.len(),
                self.first_skip_reason.as_deref().unwrap_or("unknown"),
            )
        })
    }

    fn skip(&mut self, reason: String) {
        self.skipped += 1;
        if self.first_skip_reason.is_none() {
            self.first_skip_reason = Some(reason);
        }
    }

    /// Adds the articles of a further page, dropping ones already present, and re-sorts.
    pub fn append_page(&mut self, page: Feed, sort: Sort) {
        let mut ids: HashSet<String> = self.articles.iter().map(|a| a.id.clone()).collect();
        let mut urls: HashSet<String> =
            self.articles.iter().filter_map(|a| a.url.clone()).collect();
        for article in page.articles {
            if is_new(&article, &mut ids, &mut urls) {
                self.articles.push(article);
            }
        }
        self.next_page = page.next_page;
        self.skipped += page.skipped;
        sort_articles(&mut self.articles, sort);
    }
}

/// Why a whole feed could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeedError {
    /// Neither JSON nor XML: usually an HTML page (a login wall, a 200 "not found" page).
    Unreadable {
        /// The start of the answer, to show the webmaster what came back.
        first_bytes: String,
    },
    /// It starts like JSON but does not parse.
    InvalidJson(String),
    /// JSON or XML, but no format Kabar knows.
    UnknownFormat {
        /// What was found instead, e.g. `a JSON object with the keys status, data`.
        found: String,
    },
    /// `format=` names a format the content is not.
    WrongFormat {
        /// The format the attribute asked for.
        expected: Format,
        /// What the content looks like.
        found: String,
    },
    /// Larger than [`MAX_FEED_BYTES`].
    TooLarge(usize),
    /// The `fields` mapping's `items` path does not lead to a list.
    Fields(String),
    /// WordPress answered with an error object instead of posts.
    WordPressError {
        /// WordPress's error code, e.g. `rest_no_route`.
        code: String,
        /// Its message.
        message: String,
    },
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FeedError::Unreadable { first_bytes } => write!(
                f,
                "the answer is neither JSON nor XML; it starts with \"{first_bytes}\". Check that the feed URL points at a feed (JSON Feed, WordPress /wp-json/wp/v2/posts, RSS or Atom), not a web page"
            ),
            FeedError::InvalidJson(cause) => write!(f, "the JSON does not parse ({cause})"),
            FeedError::UnknownFormat { found } => write!(
                f,
                "the feed is {found}, which is not a JSON Feed, WordPress posts, RSS or Atom; for another JSON API, map it with the fields attribute"
            ),
            FeedError::WrongFormat { expected, found } => write!(
                f,
                "format=\"{}\" was set, but the feed is {found}; remove the format attribute to detect it",
                expected.name()
            ),
            FeedError::TooLarge(bytes) => write!(
                f,
                "the feed is {} MB, more than the {} MB Kabar reads; ask the server for fewer items (e.g. per_page=20)",
                bytes.div_ceil(1_048_576),
                MAX_FEED_BYTES / 1_048_576
            ),
            FeedError::Fields(problem) => write!(f, "fields: {problem}"),
            FeedError::WordPressError { code, message } => write!(
                f,
                "WordPress answered with the error {code} (\"{message}\"); the posts URL is /wp-json/wp/v2/posts?_embed"
            ),
        }
    }
}

/// One item as an adapter read it, before the checks every format shares.
#[derive(Debug, Default)]
pub(crate) struct Draft {
    id: Option<String>,
    /// Raw link, checked in [`finish`].
    url: Option<String>,
    title: Option<Text>,
    summary: Option<Text>,
    content: Option<Content>,
    /// Candidates with raw URLs; the first usable one wins.
    images: Vec<Image>,
    published: Option<Timestamp>,
    modified: Option<Timestamp>,
    authors: Vec<String>,
    /// Names shown.
    categories: Vec<String>,
    /// `(name, term)` for a category filed under an identity other than its name (Atom).
    category_terms: Vec<(String, String)>,
    tags: Vec<String>,
    /// Raw URLs, checked in [`finish`].
    attachments: Vec<Attachment>,
    /// The feed the item came from, when the document says (a merged feed's `_kabar`).
    source: Option<ArticleSource>,
}

/// A title or summary as the format defines it, so that it is decoded exactly once.
#[derive(Debug)]
pub(crate) enum Text {
    /// Plain text whose entities the format already decoded (Atom `type="text"`).
    Plain(String),
    /// HTML: tags are removed first, then entities decoded; a `<` that starts no tag is text.
    Html(String),
}

impl Text {
    /// The text a reader sees, whitespace collapsed.
    pub(crate) fn to_plain(&self) -> String {
        match self {
            Text::Plain(text) => collapse_whitespace(text),
            Text::Html(html) => html_to_text(html),
        }
    }
}

/// What an adapter found in a feed.
#[derive(Debug, Default)]
pub(crate) struct Source {
    title: Option<String>,
    /// Language tag, checked in [`finish_feed`].
    language: Option<String>,
    /// Raw next page URL.
    next_page: Option<String>,
    /// Items, or why each one could not be read.
    items: Vec<Result<Draft, String>>,
    /// How many items the feed had (more than `items` when it was cut at [`MAX_ITEMS`]).
    total: usize,
    warnings: Vec<String>,
}

/// The parsed document, so detection and reading parse only once.
enum Document {
    Json(serde_json::Value),
    Xml(crate::xml::XmlElement),
}

/// Parses feed text; see [`ParseOptions`].
pub fn parse(text: &str, options: &ParseOptions) -> Result<Feed, FeedError> {
    // PHP sites often send a UTF-8 byte order mark before the JSON.
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let mut warnings = Vec::new();
    let document = if text.starts_with(['{', '[']) {
        if text.len() > MAX_FEED_BYTES {
            return Err(FeedError::TooLarge(text.len()));
        }
        Document::Json(
            serde_json::from_str(text).map_err(|e| FeedError::InvalidJson(e.to_string()))?,
        )
    } else if text.starts_with('<') && !looks_like_html(text) {
        let text = if text.len() > MAX_FEED_BYTES {
            warnings.push(format!(
                "the feed is {} bytes; only the first {MAX_FEED_BYTES} were read",
                text.len()
            ));
            let mut cut = MAX_FEED_BYTES;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            &text[..cut]
        } else {
            text
        };
        match crate::xml::parse(text) {
            Ok(root) => Document::Xml(root),
            Err(_) => return Err(unreadable(text)),
        }
    } else {
        return Err(unreadable(text));
    };

    let format = match options.format {
        Some(format) => format,
        None if options.fields.is_some() => Format::Custom,
        None => detect(&document)?,
    };
    let zone = options.site_offset_minutes;
    let mut source = match (format, &document) {
        (Format::JsonFeed, Document::Json(value)) => json_feed::read(value, zone)?,
        (Format::WordPress, Document::Json(value)) => wordpress::read(value, options)?,
        (Format::Custom, Document::Json(value)) => {
            let empty = FieldMap::default();
            custom::read(value, options.fields.unwrap_or(&empty), zone)?
        }
        (Format::JsonApi, Document::Json(value)) => jsonapi::read(value, options)?,
        (Format::Rss, Document::Xml(root)) if is_rss(root) => {
            rss::read(root, options.feed_url, zone)
        }
        (Format::Atom, Document::Xml(root)) if root.name == "feed" => {
            atom::read(root, options.feed_url, zone)
        }
        (expected, document) => {
            return Err(FeedError::WrongFormat {
                expected,
                found: describe(document),
            })
        }
    };
    warnings.append(&mut source.warnings);
    Ok(finish_feed(format, source, warnings, options))
}

/// Up to twelve keys of an object, for messages.
pub(crate) fn key_list(object: &serde_json::Map<String, serde_json::Value>) -> String {
    let mut keys: Vec<&str> = object.keys().map(String::as_str).take(12).collect();
    if object.len() > 12 {
        keys.push("…");
    }
    if keys.is_empty() {
        "(none)".into()
    } else {
        keys.join(", ")
    }
}
