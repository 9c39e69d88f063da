//! Atom 1.0 (RFC 4287).

use super::rss::{add_enclosure, media_images};
use super::{first_html_image, Draft, Source, Text, MAX_ITEMS};
use crate::article::Content;
use crate::date::parse_date_in;
use crate::xml::XmlElement;

pub(super) fn read(root: &XmlElement, zone: i32) -> Source {
    let entries: Vec<&XmlElement> = root.all("entry").collect();
    let feed_authors = authors(root);
    let next_page = root
        .all("link")
        .find(|l| l.attr("rel") == Some("next"))
        .and_then(|l| l.attr("href"))
        .map(str::to_string);
    Source {
        title: root.child("title").map(|t| text_construct(t).to_plain()),
        language: root.attr("xml:lang").map(str::to_string),
        next_page,
        total: entries.len(),
        items: entries
            .into_iter()
            .take(MAX_ITEMS)
            .map(|entry| read_entry(entry, &feed_authors, zone))
            .collect(),
        warnings: Vec::new(),
    }
}

fn read_entry(entry: &XmlElement, feed_authors: &[String], zone: i32) -> Result<Draft, String> {
    let link = |rel: &str| {
        entry
            .all("link")
            .find(|l| l.attr("rel").unwrap_or("alternate") == rel)
            .and_then(|l| l.attr("href"))
            .map(str::to_string)
    };
    let content = entry.child("content").and_then(|content| {
        if content.attr("src").is_some() {
            return None;
        }
        match content.attr("type").unwrap_or("text") {
            "html" | "text/html" => Some(Content::Html(content.text())),
            "xhtml" | "application/xhtml+xml" => Some(Content::Html(xhtml(content))),
            _ => Some(Content::Text(content.text())),
        }
    });
    let mut images = Vec::new();
    let mut attachments = Vec::new();
    for enclosure in entry
        .all("link")
        .filter(|l| l.attr("rel") == Some("enclosure"))
    {
        add_enclosure(enclosure, "href", &mut images, &mut attachments);
    }
    images.extend(media_images(entry));
    if let Some(Content::Html(html)) = &content {
        images.extend(first_html_image(html));
    }
    let (categories, category_terms) = categories(entry);
    let entry_authors = authors(entry);
    let published = entry
        .child_text("published")
        .and_then(|d| parse_date_in(&d, zone));
    let updated = entry
        .child_text("updated")
        .and_then(|d| parse_date_in(&d, zone));
    Ok(Draft {
        id: entry.child_text("id"),
        url: link("alternate"),
        title: entry.child("title").map(text_construct),
        summary: entry.child("summary").map(text_construct),
        content,
        images,
        published: published.or(updated),
        modified: updated,
        authors: if entry_authors.is_empty() {
            feed_authors.to_vec()
        } else {
            entry_authors
        },
        categories,
        category_terms,
        tags: Vec::new(),
        attachments,
    })
}

/// Category names shown (the `label`, else the `term`), and `(label, term)` where they differ:
/// the term is the category's identity, which filters match too. Both are plain text.
fn categories(entry: &XmlElement) -> (Vec<String>, Vec<(String, String)>) {
    let mut names = Vec::new();
    let mut terms = Vec::new();
    for category in entry.all("category") {
        let clean = |value: Option<&str>| {
            value
                .map(crate::text::collapse_whitespace)
                .filter(|v| !v.is_empty())
        };
        let (label, term) = (clean(category.attr("label")), clean(category.attr("term")));
        match (label, term) {
            (Some(label), Some(term)) => {
                if label != term {
                    terms.push((label.clone(), term));
                }
                names.push(label);
            }
            (Some(name), None) | (None, Some(name)) => names.push(name),
            (None, None) => {}
        }
    }
    (names, terms)
}

fn authors(parent: &XmlElement) -> Vec<String> {
    parent
        .all("author")
        .filter_map(|a| a.child_text("name"))
        .collect()
}

/// The markup of `type="xhtml"` content: the children of its wrapping `<div>`.
fn xhtml(content: &XmlElement) -> String {
    match content.child("div") {
        Some(div) => div.inner_markup(),
        None => content.inner_markup(),
    }
}

/// An Atom text construct: `type="text"` (the default) is plain text, decoded once by the XML
/// reader; `html` is escaped HTML, and `xhtml` inline markup.
fn text_construct(element: &XmlElement) -> Text {
    match element.attr("type") {
        Some("html") => Text::Html(element.text()),
        Some("xhtml") => Text::Html(xhtml(element)),
        _ => Text::Plain(element.text()),
    }
}
