//! JSON:API articles: `{"data": [{"type", "id", "attributes": {…}}], "links", "meta"}`, as
//! OpenDK (`/api/frontend/v1/artikel`) and OpenSID (`/internal_api/arsip`) send them, read with
//! their attribute names so that no `fields` mapping is needed.

use serde_json::{Map, Value};

use super::json_feed::text;
use super::{Draft, FeedError, Format, ParseOptions, Source, Text, MAX_ITEMS};
use crate::article::{Content, Image};
use crate::date::{parse_date_in, Timestamp};
use crate::url::{query_param, with_query_param};

/// OpenDK's article list; it lists drafts too unless asked for `filter[status]=1`.
const OPENDK_ARTICLES: &str = "/api/frontend/v1/artikel";
/// Where OpenSID's JSON API lives, under the site root (or under `index.php/`).
const OPENSID_API: &str = "/internal_api/";
/// Where OpenSID keeps article images, under the site root; `sedang_` is its 880-pixel copy.
const OPENSID_IMAGES: &str = "/desa/upload/artikel/sedang_";

/// Attribute names, most telling first: OpenDK's and OpenSID's, then common English ones.
const TITLE: &[&str] = &["judul", "title", "name", "nama"];
const CONTENT: &[&str] = &["isi", "content", "body", "konten"];
const SUMMARY: &[&str] = &[
    "ringkasan",
    "excerpt",
    "summary",
    "deskripsi",
    "description",
];
const IMAGE: &[&str] = &["gambar", "image", "thumbnail", "gambar_src", "url_gambar"];
const LINK: &[&str] = &["link", "url_slug", "url", "permalink"];
/// OpenDK's `tanggal_terbit` (`2026-11-24`) and `tanggal` (`24 November 2026`), OpenSID's
/// `tgl_upload` (`24-11-2026 10:00:00`).
const PUBLISHED: &[&str] = &[
    "tanggal_terbit",
    "tgl_upload",
    "published_at",
    "tanggal",
    "tgl_upload_local",
    "date",
    "created_at",
];
const MODIFIED: &[&str] = &["updated_at", "tgl_update", "modified"];
const AUTHOR: &[&str] = &["author", "penulis", "user"];
const CATEGORY: &[&str] = &["category", "kategori"];
/// Names a category or author object gives its display name under.
const NAME: &[&str] = &["kategori", "nama_kategori", "nama", "name", "title"];

/// Whether a JSON object is a JSON:API document of resources: a `data` list whose objects have
/// `type`, `id` and `attributes`, or an empty one beside `links` or `meta`.
pub(super) fn looks_like_articles(object: &Map<String, Value>) -> bool {
    match object.get("data") {
        Some(Value::Array(data)) => match data.first() {
            None => object.contains_key("links") || object.contains_key("meta"),
            Some(first) => {
                first.get("attributes").is_some_and(Value::is_object)
                    && first.get("id").is_some()
                    && first.get("type").is_some()
            }
        },
        _ => false,
    }
}

/// The URL to request for a feed: OpenDK's article list gets `filter[status]=1` unless it
/// already asks for a status, so that drafts stay unpublished. Other URLs are unchanged.
pub fn request_url(feed_url: &str) -> String {
    let path = feed_url.split(['?', '#']).next().unwrap_or_default();
    let asks_status = ["filter[status]", "filter%5Bstatus%5D", "filter%5bstatus%5d"]
        .iter()
        .any(|name| query_param(feed_url, name).is_some());
    if path.trim_end_matches('/').ends_with(OPENDK_ARTICLES) && !asks_status {
        with_query_param(feed_url, "filter[status]", "1")
    } else {
        feed_url.to_string()
    }
}

/// The site's root URL, for the systems whose feed path is known: what comes before
/// `/api/frontend/` (OpenDK) or `/index.php/` and `/internal_api/` (OpenSID).
fn site_root(feed_url: &str) -> Option<(&str, System)> {
    let path = feed_url.split(['?', '#']).next().unwrap_or_default();
    if let Some(at) = path.find("/api/frontend/") {
        return Some((&path[..at], System::OpenDk));
    }
    let at = path
        .find("/index.php/")
        .or_else(|| path.find(OPENSID_API))?;
    Some((&path[..at], System::OpenSid))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum System {
    OpenDk,
    OpenSid,
}

pub(super) fn read(root: &Value, options: &ParseOptions) -> Result<Source, FeedError> {
    let Some(Value::Array(data)) = root.get("data") else {
        return Err(FeedError::WrongFormat {
            expected: Format::JsonApi,
            found: "JSON without a \"data\" list".into(),
        });
    };
    let site = site_root(options.feed_url);
    Ok(Source {
        title: None,
        language: None,
        next_page: next_page(root, options.feed_url).map(|url| request_url(&url)),
        total: data.len(),
        items: data
            .iter()
            .take(MAX_ITEMS)
            .map(|item| read_item(item, site, options.site_offset_minutes))
            .collect(),
        warnings: Vec::new(),
    })
}

/// `links.next`, or else `page[number]=N+1` while `meta.pagination` says there are more pages.
fn next_page(root: &Value, feed_url: &str) -> Option<String> {
    if let Some(next) = root.pointer("/links/next").and_then(text) {
        return Some(next);
    }
    let pagination = root.pointer("/meta/pagination")?;
    let number = |key: &str| pagination.get(key).and_then(Value::as_u64);
    let current = number("current_page")?;
    (current < number("total_pages")?)
        .then(|| with_query_param(feed_url, "page[number]", &(current + 1).to_string()))
}

fn read_item(item: &Value, site: Option<(&str, System)>, zone: i32) -> Result<Draft, String> {
    let Some(Value::Object(attributes)) = item.get("attributes") else {
        return Err("has no \"attributes\" object".into());
    };
    let first = |names: &[&str]| {
        names
            .iter()
            .find_map(|name| attributes.get(*name).and_then(text))
    };
    // OpenDK's `status` and OpenSID's `enabled` are 0 for a draft.
    let draft = ["status", "enabled"]
        .iter()
        .any(|key| attributes.get(*key).and_then(text).as_deref() == Some("0"));
    if draft {
        return Err("is a draft (its status is 0)".into());
    }
    let published = published(attributes, zone);
    let slug = attributes.get("slug").and_then(text);
    let url = match (first(LINK), site) {
        // OpenDK's `link` is relative to the site root, which may be a subfolder.
        (Some(link), Some((root, System::OpenDk)))
            if link.starts_with('/') && !link.starts_with("//") =>
        {
            Some(format!("{root}{link}"))
        }
        (Some(link), _) => Some(link),
        (None, Some((root, System::OpenDk))) => slug.map(|slug| format!("{root}/berita/{slug}")),
        (None, Some((root, System::OpenSid))) => slug.zip(published).map(|(slug, date)| {
            let day = date.local_date();
            format!(
                "{root}/artikel/{}/{:02}/{:02}/{slug}",
                day.year, day.month, day.day
            )
        }),
        (None, None) => None,
    };
    let images = IMAGE
        .iter()
        .filter_map(|name| attributes.get(*name).and_then(Value::as_str))
        .map(str::trim)
        .filter(|src| !src.is_empty() && !src.ends_with("/no-image.png"))
        .map(|src| match site {
            // OpenSID gives a bare file name.
            Some((root, System::OpenSid)) if !src.contains(['/', ':']) => {
                format!("{root}{OPENSID_IMAGES}{src}")
            }
            _ => src.to_string(),
        })
        .map(|url| Image {
            url,
            ..Image::default()
        })
        .collect();
    let content = first(CONTENT).map(Content::Html);
    Ok(Draft {
        id: item.get("id").and_then(text),
        url,
        title: first(TITLE).map(Text::Html),
        summary: first(SUMMARY).map(Text::Html),
        content,
        images,
        published,
        modified: MODIFIED
            .iter()
            .filter_map(|name| attributes.get(*name).and_then(Value::as_str))
            .find_map(|date| parse_date_in(date, zone)),
        authors: names(attributes, AUTHOR),
        categories: names(attributes, CATEGORY),
        category_terms: Vec::new(),
        tags: Vec::new(),
        attachments: Vec::new(),
        source: None,
    })
}

/// The publication date. OpenDK's `tanggal_terbit` is a bare day; when `created_at` falls on
/// that day in the site's zone, it gives the time as well.
fn published(attributes: &Map<String, Value>, zone: i32) -> Option<Timestamp> {
    let date = |name: &str| {
        attributes
            .get(name)
            .and_then(Value::as_str)
            .and_then(|value| parse_date_in(value, zone))
    };
    let found = PUBLISHED.iter().find_map(|name| date(name))?;
    let midnight =
        (found.unix_seconds + i64::from(found.offset_minutes) * 60).rem_euclid(86_400) == 0;
    let created = date("created_at").map(|created| Timestamp {
        offset_minutes: zone,
        ..created
    });
    Some(match created {
        Some(created) if midnight && created.local_date() == found.local_date() => created,
        _ => found,
    })
}

/// Display names from string, object (`{"nama": …}`) or list values.
fn names(attributes: &Map<String, Value>, keys: &[&str]) -> Vec<String> {
    let name = |value: &Value| match value {
        Value::Object(object) => NAME.iter().find_map(|key| object.get(*key).and_then(text)),
        other => text(other),
    };
    keys.iter()
        .filter_map(|key| attributes.get(*key))
        .flat_map(|value| match value {
            Value::Array(list) => list.iter().filter_map(name).collect(),
            other => name(other).into_iter().collect::<Vec<_>>(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asks_opendk_for_published_articles_only() {
        for (feed, request) in [
            (
                "https://kec-sukamaju.go.id/api/frontend/v1/artikel",
                "https://kec-sukamaju.go.id/api/frontend/v1/artikel?filter[status]=1",
            ),
            (
                "https://kec-sukamaju.go.id/api/frontend/v1/artikel?page[size]=6",
                "https://kec-sukamaju.go.id/api/frontend/v1/artikel?page[size]=6&filter[status]=1",
            ),
            (
                "https://a.id/opendk/api/frontend/v1/artikel/?page[number]=2",
                "https://a.id/opendk/api/frontend/v1/artikel/?page[number]=2&filter[status]=1",
            ),
            (
                "https://a.id/api/frontend/v1/artikel?filter[status]=0",
                "https://a.id/api/frontend/v1/artikel?filter[status]=0",
            ),
            (
                "https://a.id/api/frontend/v1/artikel?filter%5Bstatus%5D=1",
                "https://a.id/api/frontend/v1/artikel?filter%5Bstatus%5D=1",
            ),
            (
                "https://desa.id/internal_api/arsip",
                "https://desa.id/internal_api/arsip",
            ),
            (
                "https://a.id/api/frontend/v1/artikel/5",
                "https://a.id/api/frontend/v1/artikel/5",
            ),
            ("https://a.id/feed.json", "https://a.id/feed.json"),
        ] {
            assert_eq!(request_url(feed), request, "{feed}");
        }
    }

    #[test]
    fn finds_the_site_root() {
        assert!(site_root("https://a.id/x/api/frontend/v1/artikel")
            .is_some_and(|(root, system)| root == "https://a.id/x" && system == System::OpenDk));
        assert!(site_root("https://desa.id/index.php/internal_api/arsip")
            .is_some_and(|(root, system)| root == "https://desa.id" && system == System::OpenSid));
        assert!(site_root("https://desa.id/internal_api/arsip")
            .is_some_and(|(root, system)| root == "https://desa.id" && system == System::OpenSid));
        assert!(site_root("https://a.id/api/posts").is_none());
    }
}
