//! JSON Feed 1.0 and 1.1 (jsonfeed.org). Keys starting with `_` are extensions and ignored.

use serde_json::{Map, Value};

use super::{plain, Draft, FeedError, Source, Text, MAX_ITEMS};
use crate::article::{Attachment, Content, Image};
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
    let content = match (field(item, "content_html"), field(item, "content_text")) {
        (Some(html), _) => Content::Html(html),
        (None, Some(text)) => Content::Text(text),
        (None, None) => return Err("has neither content_html nor content_text".into()),
    };
    let images = ["image", "banner_image"]
        .iter()
        .filter_map(|key| url_field(item, key))
        .map(|url| Image {
            url,
            ..Image::default()
        })
        .collect();
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
        title: field(item, "title").map(Text::Html),
        summary: field(item, "summary").map(Text::Html),
        content: Some(content),
        images,
        published: field(item, "date_published").and_then(|s| parse_date_in(&s, zone)),
        modified: field(item, "date_modified").and_then(|s| parse_date_in(&s, zone)),
        authors: authors(item),
        categories: Vec::new(),
        category_terms: Vec::new(),
        tags: strings(item.get("tags")).iter().map(|t| plain(t)).collect(),
        attachments: attachments(item),
        source: None,
    })
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
