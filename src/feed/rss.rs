//! RSS 2.0 (and RSS 1.0/RDF, whose items sit beside the channel), with the `content`, `dc` and
//! `media` extensions WordPress and most CMSs emit.

use super::wordpress::tidy_excerpt;
use super::{absolute, first_html_image, plain, xml_base, Draft, Source, Text, MAX_ITEMS};
use crate::article::{Attachment, Content, Image};
use crate::date::parse_date_in;
use crate::xml::XmlElement;

pub(super) fn read(root: &XmlElement, feed_url: &str, zone: i32) -> Source {
    let channel = root.child("channel");
    let root_base = xml_base(feed_url, root);
    let channel_base = channel.map_or(root_base.clone(), |c| xml_base(&root_base, c));
    // RSS 1.0 puts items beside the channel; old OpenSID releases did that in RSS 2.0 too.
    let items: Vec<(&XmlElement, &str)> = channel
        .into_iter()
        .flat_map(|c| c.all("item"))
        .map(|item| (item, channel_base.as_str()))
        .chain(root.all("item").map(|item| (item, root_base.as_str())))
        .collect();
    Source {
        title: channel
            .and_then(|c| c.child_text("title").or_else(|| c.child_text("dc:title")))
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
            .map(|(item, base)| read_item(item, base, zone))
            .collect(),
        warnings: Vec::new(),
    }
}

/// The first non-blank text among these children, in this order.
fn first_text(item: &XmlElement, names: &[&str]) -> Option<String> {
    names.iter().find_map(|name| item.child_text(name))
}

/// A `guid` usable as the item's link: absolute http(s), not marked `isPermaLink="false"`
/// (Drupal's guid is `123 at https://site`, which is no URL).
fn permalink(guid: &XmlElement) -> Option<String> {
    let text = guid.text();
    let lower = text.to_ascii_lowercase();
    let is_url = (lower.starts_with("http://") || lower.starts_with("https://"))
        && !text.contains(char::is_whitespace);
    (is_url && guid.attr("isPermaLink") != Some("false")).then_some(text)
}

fn read_item(item: &XmlElement, outer_base: &str, zone: i32) -> Result<Draft, String> {
    let base = xml_base(outer_base, item);
    // `<link>` holds text in RSS; an `atom:link` beside it (normalised to `link`) has an href.
    let link = item
        .all("link")
        .filter(|l| l.attr("rel").is_none_or(|rel| rel == "alternate"))
        .find_map(|l| {
            let text = l.text();
            let href = if text.is_empty() {
                l.attr("href")?
            } else {
                &text
            };
            Some(absolute(&xml_base(&base, l), href))
        })
        .or_else(|| item.child("guid").and_then(permalink));
    let guid = item.child("guid");
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
    // The description's own image (OpenSID puts the thumbnail there), then the body's first.
    images.extend(description.as_deref().and_then(first_html_image));
    if let Some(Content::Html(html)) = &content {
        images.extend(first_html_image(html));
    }
    for image in &mut images {
        image.url = absolute(&base, &image.url);
    }
    for attachment in &mut attachments {
        attachment.url = absolute(&base, &attachment.url);
    }
    let authors = item
        .all("dc:creator")
        .map(XmlElement::text)
        .chain(item.child_text("author").map(|a| author_name(&a)))
        .collect();
    let date = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| parse_date_in(&item.child_text(n)?, zone))
    };
    Ok(Draft {
        id: guid.map(XmlElement::text).filter(|g| !g.is_empty()),
        url: link,
        // Both are HTML once the XML is decoded, as mature feed readers take them: markup is
        // removed, `&amp;lt;` (an escaped `&lt;`) is a `<`.
        title: first_text(item, &["title", "dc:title"]).map(Text::Html),
        summary: description.map(|d| Text::Plain(tidy_excerpt(&Text::Html(d).to_plain()))),
        content,
        images,
        // `pubdate` in lower case: old OpenSID releases wrote it so.
        published: date(&[
            "pubDate",
            "pubdate",
            "dc:date",
            "dcterms:issued",
            "dcterms:created",
        ]),
        modified: date(&["dcterms:modified"]),
        authors,
        categories: item
            .all("category")
            .chain(item.all("dc:subject"))
            .map(|c| plain(&c.text()))
            .collect(),
        category_terms: Vec::new(),
        tags: Vec::new(),
        attachments,
        source: None,
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
