//! JSON Feed 1.0 and 1.1 (jsonfeed.org). Keys starting with `_` are extensions and ignored,
//! except Kabar's own `_kabar` (written by `kabar merge`): the item's source, and what JSON Feed
//! has no field for (categories, image alt text, size and srcset, a protected body).

use serde_json::{Map, Value};

use super::{plain, Draft, FeedError, Source, Text, MAX_ITEMS};
use crate::article::{ArticleSource, Attachment, Content, Image, ImageSource};
use crate::date::parse_date_in;

pub(super) fn read(root: &Value, zone: i32) -> Result<Source, FeedError> {
    let Some(Value::Array(items)) = root.get("items") else {
        return Err(FeedError::WrongFormat {
            expected: super::Format::JsonFeed,
            found: "JSON without an \"items\" list".into(),
        });
    };
    Ok(Source {
        title: root.get("title").and_then(text),
        language: root.get("language").and_then(text),
        next_page: root.get("next_url").and_then(text),
        total: items.len(),
        items: items
            .iter()
            .take(MAX_ITEMS)
            .map(|i| read_item(i, zone))
            .collect(),
        warnings: Vec::new(),
    })
}

fn read_item(item: &Value, zone: i32) -> Result<Draft, String> {
    let Value::Object(item) = item else {
        return Err("is not an object".into());
    };
    let kabar = item.get("_kabar").and_then(Value::as_object);
    // Kabar writes a body as it was, even empty; from other writers a blank body is none.
    let body = |key| match kabar {
        Some(_) => item.get(key).and_then(Value::as_str).map(str::to_string),
        None => field(item, key),
    };
    let content = match (body("content_html"), body("content_text")) {
        _ if kabar.and_then(|k| k.get("protected")) == Some(&Value::Bool(true)) => {
            Content::Protected
        }
        (Some(html), _) => Content::Html(html),
        (None, Some(text)) => Content::Text(text),
        (None, None) => return Err("has neither content_html nor content_text".into()),
    };
    let mut images: Vec<Image> = ["image", "banner_image"]
        .iter()
        .filter_map(|key| url_field(item, key))
        .map(|url| Image {
            url,
            ..Image::default()
        })
        .collect();
    let details = kabar
        .and_then(|k| k.get("image"))
        .and_then(Value::as_object);
    if let (Some(image), Some(details)) = (images.first_mut(), details) {
        image_details(image, details);
    }
    let categories: Vec<String> = strings(kabar.and_then(|k| k.get("categories")))
        .iter()
        .map(|c| plain(c))
        .collect();
    // Kabar writes plain text; other writers put entities and markup in titles and summaries.
    let text_of = |key| {
        field(item, key).map(|value| match kabar {
            Some(_) => Text::Plain(value),
            None => Text::Html(value),
        })
    };
    let id = item.get("id").and_then(text);
    let url = url_field(item, "url").or_else(|| url_field(item, "external_url"));
    // JSON Feed requires an id, so an item with neither is broken, not an announcement.
    if id.is_none() && url.is_none() {
        return Err("has neither an id nor a link".into());
    }
    Ok(Draft {
        id,
        url,
        // Plain text by the spec, but feeds put entities and markup in them: taken as HTML,
        // where a `<` that starts no tag (`3 < 5`) stays text.
        title: text_of("title"),
        summary: text_of("summary"),
        content: Some(content),
        images,
        published: field(item, "date_published").and_then(|s| parse_date_in(&s, zone)),
        modified: field(item, "date_modified").and_then(|s| parse_date_in(&s, zone)),
        authors: authors(item),
        category_terms: Vec::new(),
        // Categories are listed in `tags` too, for readers without the extension.
        tags: strings(item.get("tags"))
            .iter()
            .map(|t| plain(t))
            .filter(|t| !categories.contains(t))
            .collect(),
        categories,
        attachments: attachments(item),
        source: kabar.and_then(source),
    })
}

/// `_kabar.source`: the feed an item of a merged feed came from.
fn source(kabar: &Map<String, Value>) -> Option<ArticleSource> {
    let source = kabar.get("source")?.as_object()?;
    let feed = field(source, "feed")?;
    Some(ArticleSource::new(&feed, field(source, "name").as_deref()))
}

/// `_kabar.image`: alt text, size and other sizes of the item's `image`.
fn image_details(image: &mut Image, details: &Map<String, Value>) {
    let number = |value: Option<&Value>| value?.as_u64()?.try_into().ok();
    image.alt = field(details, "alt").unwrap_or_default();
    image.width = number(details.get("width"));
    image.height = number(details.get("height"));
    if let Some(Value::Array(sizes)) = details.get("srcset") {
        image.sources = sizes
            .iter()
            .filter_map(|size| {
                Some(ImageSource {
                    url: size.get("url")?.as_str()?.to_string(),
                    width: number(size.get("width"))?,
                })
            })
            .collect();
    }
}

/// A non-blank string, or a number written as one (ids often are).
pub(super) fn text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn field(object: &Map<String, Value>, key: &str) -> Option<String> {
    object.get(key).and_then(text)
}

/// URLs must be strings: a number there is a broken feed, not a relative path.
fn url_field(object: &Map<String, Value>, key: &str) -> Option<String> {
    object.get(key).and_then(Value::as_str).map(str::to_string)
}

fn strings(value: Option<&Value>) -> Vec<String> {
    match value {
        Some(Value::Array(list)) => list.iter().filter_map(text).collect(),
        Some(single) => text(single).into_iter().collect(),
        None => Vec::new(),
    }
}

/// `authors` (1.1) or the deprecated single `author` (1.0).
fn authors(item: &Map<String, Value>) -> Vec<String> {
    let list: Vec<&Value> = match (item.get("authors"), item.get("author")) {
        (Some(Value::Array(list)), _) => list.iter().collect(),
        (_, Some(single)) => vec![single],
        _ => Vec::new(),
    };
    list.into_iter()
        .filter_map(|author| match author {
            Value::Object(author) => field(author, "name").map(|name| plain(&name)),
            _ => None,
        })
        .collect()
}

fn attachments(item: &Map<String, Value>) -> Vec<Attachment> {
    let Some(Value::Array(list)) = item.get("attachments") else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|attachment| {
            let attachment = attachment.as_object()?;
            Some(Attachment {
                url: url_field(attachment, "url")?,
                title: field(attachment, "title"),
                mime: field(attachment, "mime_type"),
                size: field(attachment, "size_in_bytes").and_then(|s| s.parse().ok()),
            })
        })
        .collect()
}
