//! Which format a feed is in, and how to describe a document that is none of them.

use super::*;

/// Whether the text starts like an HTML page (a site's page where the feed should be).
pub(super) fn looks_like_html(text: &str) -> bool {
    let start: String = text
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    start.starts_with("<!doctype html") || start.starts_with("<html") || start.starts_with("<head")
}

/// The error for text that is neither XML nor JSON, quoting its first characters.
pub(super) fn unreadable(text: &str) -> FeedError {
    let first: String = text.chars().take(80).collect();
    FeedError::Unreadable {
        first_bytes: collapse_whitespace(&first),
    }
}

/// Whether an XML root is RSS (0.9x, 1.0 as RDF, or 2.0).
pub(super) fn is_rss(root: &crate::xml::XmlElement) -> bool {
    matches!(root.name.as_str(), "rss" | "rdf:RDF" | "RDF")
}

/// The format of a parsed document, from its root element or its JSON keys.
pub(super) fn detect(document: &Document) -> Result<Format, FeedError> {
    use serde_json::Value;
    match document {
        Document::Xml(root) if is_rss(root) => Ok(Format::Rss),
        Document::Xml(root) if root.name == "feed" => Ok(Format::Atom),
        Document::Json(Value::Object(object)) => {
            let versioned = object
                .get("version")
                .and_then(Value::as_str)
                .is_some_and(|v| v.contains("jsonfeed.org"));
            if versioned || matches!(object.get("items"), Some(Value::Array(_))) {
                Ok(Format::JsonFeed)
            } else if jsonapi::looks_like_articles(object) {
                Ok(Format::JsonApi)
            } else if let (Some(Value::String(code)), Some(message)) =
                (object.get("code"), object.get("message"))
            {
                Err(FeedError::WordPressError {
                    code: code.clone(),
                    message: message.as_str().unwrap_or_default().to_string(),
                })
            } else {
                Err(FeedError::UnknownFormat {
                    found: describe(document),
                })
            }
        }
        Document::Json(Value::Array(items)) if wordpress::looks_like_posts(items) => {
            Ok(Format::WordPress)
        }
        _ => Err(FeedError::UnknownFormat {
            found: describe(document),
        }),
    }
}

/// A short description of a document for messages: its top-level keys or root element.
pub(super) fn describe(document: &Document) -> String {
    use serde_json::Value;
    match document {
        Document::Json(Value::Object(object)) => {
            format!("a JSON object with the keys {}", key_list(object))
        }
        Document::Json(Value::Array(items)) => match items.first() {
            Some(Value::Object(first)) => format!(
                "a JSON list whose first item has the keys {}",
                key_list(first)
            ),
            Some(_) => "a JSON list of plain values".into(),
            None => "an empty JSON list".into(),
        },
        Document::Json(_) => "a single JSON value".into(),
        Document::Xml(root) => format!("XML whose root element is <{}>", root.name),
    }
}
