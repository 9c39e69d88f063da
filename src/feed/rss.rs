//! RSS 2.0 (and RSS 1.0/RDF, whose items sit beside the channel), with the `content`, `dc` and
//! `media` extensions WordPress and most CMSs emit.

use super::{first_html_image, plain, Draft, Source, Text, MAX_ITEMS};
use crate::article::{Attachment, Content, Image};
use crate::date::parse_date_in;
use crate::xml::XmlElement;

pub(super) fn read(root: &XmlElement, zone: i32) -> Source {
    let channel = root.child("channel");
    let items: Vec<&XmlElement> = match channel {
        Some(channel) if channel.child("item").is_some() => channel.all("item").collect(),
        _ => root.all("item").collect(),
    };
    Source {
        title: channel
            .and_then(|c| c.child_text("title"))
            .map(|t| plain(&t)),
        language: channel.and_then(|c| {
            c.child_text("language")
                .or_else(|| c.child_text("dc:language"))
        }),
        next_page: None,
        total: items.len(),
        items: items
            .into_iter()
            .take(MAX_ITEMS)
            .map(|i| read_item(i, zone))
            .collect(),
        warnings: Vec::new(),
    }
}

fn read_item(item: &XmlElement, zone: i32) -> Result<Draft, String> {
    // `<link>` holds text in RSS; an `atom:link` beside it (normalised to `link`) has an href.
    let link = item.child_text("link").or_else(|| {
        item.all("link")
            .find_map(|l| l.attr("href"))
            .map(str::to_string)
    });
    let guid = item.child("guid");
    let guid_is_link = guid.is_some_and(|g| g.attr("isPermaLink") != Some("false"))
        && guid.is_some_and(|g| g.text().starts_with("http"));
    let url = link.or_else(|| guid.filter(|_| guid_is_link).map(XmlElement::text));
    let description = item.child_text("description");
    let content = item
        .child_text("content:encoded")
        .or_else(|| description.clone())
        .map(Content::Html);
    let mut images = media_images(item);
    let mut attachments = Vec::new();
    for enclosure in item.all("enclosure") {
        add_enclosure(enclosure, "url", &mut images, &mut attachments);
    }
    if let Some(Content::Html(html)) = &content {
        images.extend(first_html_image(html));
    }
    let authors = item
        .all("dc:creator")
        .map(XmlElement::text)
        .chain(item.child_text("author").map(|a| author_name(&a)))
        .collect();
    Ok(Draft {
        id: guid
            .map(XmlElement::text)
            .filter(|g| !g.is_empty())
            .or(url.clone()),
        url,
        // Both are HTML once the XML is decoded, as mature feed readers take them: markup is
        // removed, `&amp;lt;` (an escaped `&lt;`) is a `<`.
        title: item.child_text("title").map(Text::Html),
        summary: description.map(Text::Html),
        content,
        images,
        published: item
            .child_text("pubDate")
            .or_else(|| item.child_text("dc:date"))
            .and_then(|d| parse_date_in(&d, zone)),
        modified: None,
        authors,
        categories: item.all("category").map(|c| plain(&c.text())).collect(),
        category_terms: Vec::new(),
        tags: Vec::new(),
        attachments,
    })
}

/// RSS `<author>` is an e-mail address, often `humas@kab.go.id (Humas Setda)`: keep the name.
fn author_name(author: &str) -> String {
    match (author.find('('), author.rfind(')')) {
        (Some(open), Some(close)) if open < close => author[open + 1..close].trim().to_string(),
        _ => author.to_string(),
    }
}

/// Images from Media RSS: `media:content` (alone or in a `media:group`) and `media:thumbnail`.
pub(super) fn media_images(item: &XmlElement) -> Vec<Image> {
    let groups = std::iter::once(item).chain(item.all("media:group"));
    let mut images = Vec::new();
    for parent in groups {
        for media in parent.all("media:content") {
            let Some(url) = media.attr("url") else {
                continue;
            };
            let is_image = match (media.attr("medium"), media.attr("type")) {
                (Some(medium), _) => medium == "image",
                (None, Some(mime)) => mime.starts_with("image/"),
                (None, None) => is_image_path(url),
            };
            if is_image {
                images.push(Image {
                    url: url.to_string(),
                    alt: media
                        .child_text("media:description")
                        .or_else(|| media.child_text("media:title"))
                        .map(|t| plain(&t))
                        .unwrap_or_default(),
                    width: dimension(media.attr("width")),
                    height: dimension(media.attr("height")),
                    sources: Vec::new(),
                });
            }
        }
        for thumbnail in parent.all("media:thumbnail") {
            if let Some(url) = thumbnail.attr("url") {
                images.push(Image {
                    url: url.to_string(),
                    width: dimension(thumbnail.attr("width")),
                    height: dimension(thumbnail.attr("height")),
                    ..Image::default()
                });
            }
        }
    }
    images
}

/// An enclosure (RSS `<enclosure url>`, Atom `<link rel="enclosure" href>`): an image is a lead
/// image candidate, anything else a download.
pub(super) fn add_enclosure(
    enclosure: &XmlElement,
    url_attribute: &str,
    images: &mut Vec<Image>,
    attachments: &mut Vec<Attachment>,
) {
    let Some(href) = enclosure.attr(url_attribute) else {
        return;
    };
    let mime = enclosure.attr("type").map(str::to_string);
    if mime.as_deref().is_some_and(|m| m.starts_with("image/")) || is_image_path(href) {
        images.push(Image {
            url: href.to_string(),
            ..Image::default()
        });
    } else {
        attachments.push(Attachment {
            url: href.to_string(),
            title: enclosure.attr("title").map(str::to_string),
            mime,
            size: enclosure.attr("length").and_then(|l| l.trim().parse().ok()),
        });
    }
}

pub(super) fn dimension(value: Option<&str>) -> Option<u32> {
    value.and_then(|v| v.trim().parse().ok())
}

pub(super) fn is_image_path(url: &str) -> bool {
    let path = url
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"]
        .iter()
        .any(|ext| path.ends_with(ext))
}
