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
    /// Categories (sections such as "Kesehatan"), plain text, most important first.
    pub categories: Vec<String>,
    /// `(name, term)` for a category filed under an identity other than the name shown (Atom's
    /// `term` beside its `label`): filters and chips match either, only the name is shown.
    pub category_terms: Vec<(String, String)>,
    /// Tags, plain text.
    pub tags: Vec<String>,
    /// Files attached to the article (JSON Feed attachments, RSS/Atom enclosures).
    pub attachments: Vec<Attachment>,
    /// The feed it came from, when that is known: set when several feeds are merged, or read
    /// from a merged feed's `_kabar` extension.
    pub source: Option<ArticleSource>,
}

/// The feed an article came from; `{feed, name}` in the JS API and events.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize)]
pub struct ArticleSource {
    /// The feed's URL.
    pub feed: String,
    /// The name shown for it: the feed's title, else its site's host.
    pub name: String,
}

impl ArticleSource {
    /// The source for a feed at `feed_url` whose title is `title` (blank titles don't count).
    pub fn new(feed_url: &str, title: Option<&str>) -> Self {
        let name = title
            .map(crate::text::collapse_whitespace)
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| host_of(feed_url).to_string());
        ArticleSource {
            feed: feed_url.to_string(),
            name,
        }
    }
}

/// The host of a URL without `www.`, or the URL itself when it has none.
pub fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or(rest);
    let host = authority.rsplit('@').next().unwrap_or(authority);
    let host = host.strip_prefix("www.").unwrap_or(host);
    if host.is_empty() {
        url
    } else {
        host
    }
}

impl Article {
    /// The label shown above the title: the first category, else the first tag.
    pub fn section(&self) -> Option<&str> {
        self.categories
            .first()
            .or_else(|| self.tags.first())
            .map(String::as_str)
    }

    /// The identity of the category shown as `name`, when it has one besides its name.
    pub fn category_term(&self, name: &str) -> Option<&str> {
        self.category_terms
            .iter()
            .find(|(shown, _)| shown == name)
            .map(|(_, term)| term.as_str())
    }

    /// What `show="source"` names: the feed's name when the article came from a feed other than
    /// the widget's only one (it reads several, or a merged feed named it), else its link's host.
    pub fn source_label(&self, widget_feeds: &[String]) -> Option<&str> {
        match self.named_source(widget_feeds) {
            Some(source) => Some(&source.name),
            None => self.url.as_deref().map(host_of),
        }
    }

    /// The article's source when it is worth naming: the widget reads several feeds, or a
    /// merged feed named a source other than the widget's feed.
    pub fn named_source(&self, widget_feeds: &[String]) -> Option<&ArticleSource> {
        self.source
            .as_ref()
            .filter(|source| widget_feeds.len() > 1 || !widget_feeds.contains(&source.feed))
    }

    /// When the article last happened: published, else modified. Used for sorting.
    pub fn date(&self) -> Option<Timestamp> {
        self.published.or(self.modified)
    }
}

/// An article body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Content {
    /// Untrusted HTML from the feed, to be sanitised before it reaches the DOM.
    Html(String),
    /// Plain text, shown as paragraphs.
    Text(String),
    /// The body is password-protected at the source: show the summary and link to the original.
    Protected,
}

/// An image with checked URLs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Image {
    /// http(s) URL.
    pub url: String,
    /// Alternative text; empty when the image only decorates text that is next to it.
    pub alt: String,
    /// Intrinsic width in pixels, when the feed says.
    pub width: Option<u32>,
    /// Intrinsic height in pixels, when the feed says.
    pub height: Option<u32>,
    /// Other sizes of the same image (WordPress media sizes), for `srcset`.
    pub sources: Vec<ImageSource>,
}

/// One candidate of a `srcset`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageSource {
    /// http(s) URL.
    pub url: String,
    /// Width in pixels.
    pub width: u32,
}

impl Image {
    /// The `srcset` attribute value, or `None` when there are no alternative sizes. URLs with
    /// commas or spaces are left out because they would split the list.
    pub fn srcset(&self) -> Option<String> {
        let candidates: Vec<String> = self
            .sources
            .iter()
            .filter(|s| !s.url.contains([',', ' ']))
            .map(|s| format!("{} {}w", s.url, s.width))
            .collect();
        (candidates.len() > 1).then(|| candidates.join(", "))
    }
}

/// A file attached to an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attachment {
    /// http(s) URL.
    pub url: String,
    /// A name for the link; the file name is used when absent.
    pub title: Option<String>,
    /// MIME type, e.g. `application/pdf`.
    pub mime: Option<String>,
    /// Size in bytes.
    pub size: Option<u64>,
}

impl Attachment {
    /// The link text: the title, else the last path segment of the URL.
    pub fn label(&self) -> String {
        if let Some(title) = &self.title {
            return title.clone();
        }
        let path = self.url.split(['?', '#']).next().unwrap_or_default();
        match path.rsplit('/').next() {
            Some(name) if !name.is_empty() => name.to_string(),
            _ => self.url.clone(),
        }
    }

    /// "PDF, 1.2 MB" style details, with the decimal separator of the language.
    pub fn details(&self, decimal_comma: bool) -> Option<String> {
        let kind = self.mime.as_deref().map(|mime| {
            let subtype = mime.rsplit('/').next().unwrap_or(mime);
            let subtype = subtype.split(';').next().unwrap_or(subtype).trim();
            match subtype {
                "vnd.openxmlformats-officedocument.wordprocessingml.document" | "msword" => {
                    "DOC".to_string()
                }
                "vnd.openxmlformats-officedocument.spreadsheetml.sheet" | "vnd.ms-excel" => {
                    "XLS".to_string()
                }
                "mpeg" if mime.starts_with("audio") => "MP3".to_string(),
                other => other.to_ascii_uppercase(),
            }
        });
        // Integer arithmetic only: float formatting would add kilobytes of wasm.
        let size = self.size.filter(|s| *s > 0).map(|bytes| {
            let (unit_bytes, unit) = match bytes {
                b if b >= 1_000_000 => (1_000_000, "MB"),
                b if b >= 1_000 => (1_000, "KB"),
                _ => (1, "B"),
            };
            let tenths = (bytes * 10 + unit_bytes / 2) / unit_bytes;
            let separator = if decimal_comma { ',' } else { '.' };
            if tenths < 100 && unit != "B" {
                format!("{}{separator}{} {unit}", tenths / 10, tenths % 10)
            } else {
                format!("{} {unit}", (tenths + 5) / 10)
            }
        });
        match (kind, size) {
            (Some(kind), Some(size)) => Some(format!("{kind}, {size}")),
            (Some(one), None) | (None, Some(one)) => Some(one),
            (None, None) => None,
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attachment_labels_and_details() {
        let pdf = Attachment {
            url: "https://a.go.id/files/perda-2026.pdf?v=2".into(),
            title: None,
            mime: Some("application/pdf".into()),
            size: Some(1_234_567),
        };
        assert_eq!(pdf.label(), "perda-2026.pdf");
        assert_eq!(pdf.details(true).as_deref(), Some("PDF, 1,2 MB"));
        assert_eq!(pdf.details(false).as_deref(), Some("PDF, 1.2 MB"));
        let bare = Attachment {
            url: "https://a.go.id/".into(),
            title: Some("Lampiran".into()),
            mime: None,
            size: Some(0),
        };
        assert_eq!(
            (bare.label().as_str(), bare.details(true)),
            ("Lampiran", None)
        );
    }

    #[test]
    fn the_source_shown_is_the_link_host_for_one_feed_else_the_feeds_name() {
        let widget = ["https://kab.go.id/feed.json".to_string()];
        let mut article = Article {
            id: "1".into(),
            url: Some("https://www.kab.go.id/berita/1".into()),
            title: "Judul".into(),
            summary: String::new(),
            content: Content::Text(String::new()),
            image: None,
            published: None,
            modified: None,
            authors: Vec::new(),
            categories: Vec::new(),
            category_terms: Vec::new(),
            tags: Vec::new(),
            attachments: Vec::new(),
            source: Some(ArticleSource::new(&widget[0], Some("Kabupaten"))),
        };
        assert_eq!(article.source_label(&widget), Some("kab.go.id"));
        let two = [widget[0].clone(), "https://kec.go.id/feed/".to_string()];
        assert_eq!(article.source_label(&two), Some("Kabupaten"));
        // Named by a merged feed's `_kabar`: that name, even with one feed.
        article.source = Some(ArticleSource::new(
            "https://kec.go.id/feed/",
            Some("Kecamatan"),
        ));
        assert_eq!(article.source_label(&widget), Some("Kecamatan"));
        article.source = None;
        assert_eq!(article.source_label(&two), Some("kab.go.id"));
    }

    #[test]
    fn a_source_is_named_by_its_title_else_its_host() {
        let titled = ArticleSource::new("https://dinkes.go.id/feed/", Some("  Dinas  Kesehatan "));
        assert_eq!(titled.name, "Dinas Kesehatan");
        let untitled = ArticleSource::new("https://www.bappeda.go.id:8443/feed.json", Some(" "));
        assert_eq!(untitled.name, "bappeda.go.id:8443");
        assert_eq!(ArticleSource::new("/lokal.json", None).name, "/lokal.json");
    }

    #[test]
    fn srcset_needs_two_clean_candidates() {
        let mut image = Image {
            url: "https://a.id/full.jpg".into(),
            sources: vec![ImageSource {
                url: "https://a.id/m.jpg".into(),
                width: 300,
            }],
            ..Image::default()
        };
        assert_eq!(image.srcset(), None);
        image.sources.push(ImageSource {
            url: "https://a.id/l.jpg".into(),
            width: 1024,
        });
        image.sources.push(ImageSource {
            url: "https://a.id/x,y.jpg".into(),
            width: 2048,
        });
        assert_eq!(
            image.srcset().as_deref(),
            Some("https://a.id/m.jpg 300w, https://a.id/l.jpg 1024w")
        );
    }
}
