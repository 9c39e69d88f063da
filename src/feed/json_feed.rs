//! JSON Feed 1.0 and 1.1 (jsonfeed.org), read tolerantly item by item.

use std::collections::HashSet;

use serde_json::{Map, Value};

use super::{Feed, FeedError};
use crate::article::{Article, Content, Image};
use crate::date::parse_rfc3339;
use crate::text::{collapse_whitespace, excerpt, html_to_text};
use crate::url::{safe_url, UrlUse};

/// Longest summary derived from a body when the feed gives none.
const DERIVED_SUMMARY_CHARS: usize = 220;
/// Longest title derived from a body for title-less (microblog) items.
const DERIVED_TITLE_CHARS: usize = 90;

pub(super) fn parse(text: &str, feed_url: &str) -> Result<Feed, FeedError> {
    let root: Value = serde_json::from_str(text).map_err(|e| FeedError::NotJson(e.to_string()))?;
    let Value::Object(root) = root else {
        return Err(FeedError::NotAFeed("the top level is not an object".into()));
    };
    let Some(Value::Array(items)) = root.get("items") else {
        return Err(FeedError::NotAFeed("there is no \"items\" array".into()));
    };
    let mut feed = Feed {
        title: string(&root, "title"),
        ..Feed::default()
    };
    let mut seen = HashSet::new();
    for (index, item) in items.iter().enumerate() {
        match parse_item(item, feed_url) {
            Ok(article) if seen.insert(article.id.clone()) => feed.articles.push(article),
            Ok(article) => feed.skip(format!("item {index} repeats id {:?}", article.id)),
            Err(reason) => feed.skip(format!("item {index} {reason}")),
        }
    }
    Ok(feed)
}

fn parse_item(item: &Value, feed_url: &str) -> Result<Article, &'static str> {
    let Value::Object(item) = item else {
        return Err("is not an object");
    };
    let id = match item.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.trim().to_string(),
        Some(Value::Number(n)) => n.to_string(),
        _ => return Err("has no id"),
    };
    let content = match (string(item, "content_html"), string(item, "content_text")) {
        (Some(html), _) => Content::Html(html),
        (None, Some(text)) => Content::Text(text),
        (None, None) => return Err("has neither content_html nor content_text"),
    };
    let body_text = match &content {
        Content::Html(html) => html_to_text(html),
        Content::Text(text) => collapse_whitespace(text),
    };
    let summary = string(item, "summary")
        .map(|s| collapse_whitespace(&s))
        .unwrap_or_else(|| excerpt(&body_text, DERIVED_SUMMARY_CHARS));
    let title = string(item, "title")
        .map(|s| collapse_whitespace(&s))
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| excerpt(&body_text, DERIVED_TITLE_CHARS));
    if title.is_empty() {
        return Err("has no title and no readable content");
    }
    let url = ["url", "external_url"]
        .iter()
        .filter_map(|key| string(item, key))
        .find_map(|raw| safe_url(feed_url, &raw, UrlUse::Web));
    let image = ["image", "banner_image"]
        .iter()
        .filter_map(|key| string(item, key))
        .find_map(|raw| safe_url(feed_url, &raw, UrlUse::Web))
        // The title sits next to the image, so the image is decorative for assistive technology.
        .map(|url| Image {
            url,
            alt: String::new(),
        });
    Ok(Article {
        id,
        url,
        title,
        summary,
        content,
        image,
        published: string(item, "date_published").and_then(|s| parse_rfc3339(&s)),
        modified: string(item, "date_modified").and_then(|s| parse_rfc3339(&s)),
        authors: authors(item),
        tags: match item.get("tags") {
            Some(Value::Array(tags)) => tags
                .iter()
                .filter_map(Value::as_str)
                .map(collapse_whitespace)
                .filter(|t| !t.is_empty())
                .collect(),
            _ => Vec::new(),
        },
    })
}

/// A non-empty string field; other types and blank strings count as absent.
fn string(object: &Map<String, Value>, key: &str) -> Option<String> {
    match object.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        _ => None,
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
            Value::Object(author) => string(author, "name"),
            _ => None,
        })
        .map(|name| collapse_whitespace(&name))
        .collect()
}
