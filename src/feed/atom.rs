//! Atom 1.0 (RFC 4287).

use super::rss::{add_enclosure, media_images};
use super::wordpress::tidy_excerpt;
use super::{absolute, first_html_image, xml_base, Draft, Source, Text, MAX_ITEMS};
use crate::article::Content;
use crate::date::parse_date_in;
use crate::xml::XmlElement;

pub(super) fn read(root: &XmlElement, feed_url: &str, zone: i32) -> Source {
    let entries: Vec<&XmlElement> = root.all("entry").collect();
    let base = xml_base(feed_url, root);
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
            .map(|entry| read_entry(entry, &feed_authors, &base, zone))
            .collect(),
        warnings: Vec::new(),
    }
}

fn read_entry(
    entry: &XmlElement,
    feed_authors: &[String],
    outer_base: &str,
    zone: i32,
) -> Result<Draft, String> {
    let base = xml_base(outer_base, entry);
    let link = |rel: &str| {
        entry
            .all("link")
            .find(|l| l.attr("rel").unwrap_or("alternate") == rel)
            .and_then(|l| Some(absolute(&xml_base(&base, l), l.attr("href")?)))
    };
    let content_element = entry.child("content");
    let content_base = content_element.map_or(base.clone(), |c| xml_base(&base, c));
    let content = content_element.and_then(|content| {
        if content.attr("src").is_some() {
            return None;
        }
        let kind = content.attr("type").unwrap_or("text");
        // Atom 0.3 could carry content in base64.
        if content.attr("mode") == Some("base64") {
            let decoded = decode_base64(&content.text())?;
            let (text, _) = crate::charset::decode_utf8(&decoded);
            return Some(if kind.contains("html") {
                Content::Html(text)
            } else {
                Content::Text(text)
            });
        }
        match kind {
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
    for image in &mut images {
        image.url = absolute(&base, &image.url);
    }
    for attachment in &mut attachments {
        attachment.url = absolute(&base, &attachment.url);
    }
    if let Some(Content::Html(html)) = &content {
        images.extend(first_html_image(html).map(|mut image| {
            image.url = absolute(&content_base, &image.url);
            image
        }));
    }
    let (categories, category_terms) = categories(entry);
    let entry_authors = authors(entry);
    // `issued`, `created` and `modified` are Atom 0.3's names.
    let date = |names: &[&str]| {
        names
            .iter()
            .find_map(|name| parse_date_in(&entry.child_text(name)?, zone))
    };
    let published = date(&["published", "issued", "created"]);
    let updated = date(&["updated", "modified"]);
    Ok(Draft {
        id: entry.child_text("id"),
        url: link("alternate"),
        title: entry.child("title").map(text_construct),
        summary: entry
            .child("summary")
            .map(|summary| Text::Plain(tidy_excerpt(&text_construct(summary).to_plain()))),
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
        source: None,
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

/// Decodes standard base64 (Atom 0.3 `mode="base64"`), ignoring whitespace; `None` if malformed.
fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let (mut buffer, mut bits) = (0u32, 0u32);
    for byte in text
        .bytes()
        .filter(|b| !b.is_ascii_whitespace() && *b != b'=')
    {
        let value = match byte {
            b'A'..=b'Z' => byte - b'A',
            b'a'..=b'z' => byte - b'a' + 26,
            b'0'..=b'9' => byte - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            _ => return None,
        };
        buffer = (buffer << 6) | u32::from(value);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
            buffer &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::decode_base64;

    #[test]
    fn base64_decodes_with_and_without_padding() {
        assert_eq!(
            decode_base64("PHA+SGFpPC9wPg==").as_deref(),
            Some(&b"<p>Hai</p>"[..])
        );
        assert_eq!(decode_base64("SGFp\nIQ").as_deref(), Some(&b"Hai!"[..]));
        assert_eq!(decode_base64("not*base64"), None);
    }
}
