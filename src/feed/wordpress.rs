//! WordPress REST API v2 posts (`/wp-json/wp/v2/posts?_embed`), with or without `_embed`.

use serde_json::{Map, Value};

use super::json_feed::text;
use super::{Draft, FeedError, Format, ParseOptions, Source, Text, MAX_ITEMS};
use crate::article::{Content, Image, ImageSource};
use crate::date::parse_rfc3339;
use crate::url::with_query_param;

/// Whether a JSON list looks like WordPress posts: empty, or objects with `title.rendered`.
pub(super) fn looks_like_posts(items: &[Value]) -> bool {
    match items.first() {
        None => true,
        Some(first) => first.pointer("/title/rendered").is_some(),
    }
}

pub(super) fn read(root: &Value, options: &ParseOptions) -> Result<Source, FeedError> {
    let Value::Array(posts) = root else {
        return Err(FeedError::WrongFormat {
            expected: Format::WordPress,
            found: "JSON that is not a list of posts".into(),
        });
    };
    Ok(Source {
        title: None,
        language: None,
        next_page: next_page(options),
        total: posts.len(),
        items: posts.iter().take(MAX_ITEMS).map(read_post).collect(),
        warnings: Vec::new(),
    })
}

/// `page=N+1` of the same URL while `X-WP-TotalPages` says there is one.
fn next_page(options: &ParseOptions) -> Option<String> {
    let total = options.total_pages?;
    let current = crate::url::query_param(options.feed_url, "page")
        .and_then(|p| p.parse::<u32>().ok())
        .unwrap_or(1);
    (current < total)
        .then(|| with_query_param(options.feed_url, "page", &(current + 1).to_string()))
}

fn read_post(value: &Value) -> Result<Draft, String> {
    let Value::Object(post) = value else {
        return Err("is not an object".into());
    };
    let protected = value.pointer("/content/protected") == Some(&Value::Bool(true));
    let content = if protected {
        Some(Content::Protected)
    } else {
        rendered(post, "content").map(Content::Html)
    };
    // `date` is the site's local time without an offset; `date_gmt` is the same moment in UTC.
    let date = |gmt: &str, local: &str| {
        [gmt, local]
            .iter()
            .filter_map(|key| post.get(*key).and_then(Value::as_str))
            .find_map(parse_rfc3339)
    };
    let embedded = post.get("_embedded");
    let (categories, tags) = terms(embedded);
    Ok(Draft {
        id: post.get("id").and_then(text),
        url: post.get("link").and_then(text),
        title: rendered(post, "title").map(Text::Html),
        summary: rendered(post, "excerpt")
            .map(|html| Text::Plain(tidy_excerpt(&Text::Html(html).to_plain()))),
        content,
        images: featured_image(embedded).into_iter().collect(),
        published: date("date_gmt", "date"),
        modified: date("modified_gmt", "modified"),
        authors: embedded
            .and_then(|e| e.get("author"))
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|author| author.get("name").and_then(text))
            .map(|name| super::plain(&name))
            .collect(),
        categories,
        category_terms: Vec::new(),
        tags,
        attachments: Vec::new(),
        source: None,
    })
}

/// `title.rendered` and friends: HTML with entities, as WordPress renders them.
fn rendered(post: &Map<String, Value>, key: &str) -> Option<String> {
    post.get(key)?.get("rendered").and_then(text)
}

/// WordPress (and OpenSID) end generated excerpts with ` […]`; an ellipsis reads better.
pub(super) fn tidy_excerpt(excerpt: &str) -> String {
    let trimmed = excerpt.trim_end();
    match trimmed
        .strip_suffix("[…]")
        .or_else(|| trimmed.strip_suffix("[...]"))
        .or_else(|| trimmed.strip_suffix("[&hellip;]"))
    {
        Some(rest) => format!(
            "{}…",
            rest.trim_end().trim_end_matches(['…', '.']).trim_end()
        ),
        None => trimmed.to_string(),
    }
}

fn featured_image(embedded: Option<&Value>) -> Option<Image> {
    let media = embedded?.get("wp:featuredmedia")?.get(0)?;
    // A private or deleted image embeds as an error object without source_url.
    let url = media.get("source_url").and_then(text)?;
    let details = media.get("media_details");
    let number = |value: Option<&Value>| {
        value
            .and_then(text)
            .and_then(|n| n.parse::<u32>().ok())
            .filter(|n| *n > 0)
    };
    let sources = details
        .and_then(|d| d.get("sizes"))
        .and_then(Value::as_object)
        .into_iter()
        .flat_map(|sizes| sizes.values())
        .filter_map(|size| {
            Some(ImageSource {
                url: size.get("source_url").and_then(text)?,
                width: number(size.get("width"))?,
            })
        })
        .collect();
    Some(Image {
        url,
        alt: media
            .get("alt_text")
            .and_then(text)
            .map(|alt| super::plain(&alt))
            .unwrap_or_default(),
        width: number(details.and_then(|d| d.get("width"))),
        height: number(details.and_then(|d| d.get("height"))),
        sources,
    })
}

/// Category and tag names from `_embedded["wp:term"]`, a list of lists of terms.
fn terms(embedded: Option<&Value>) -> (Vec<String>, Vec<String>) {
    let mut categories = Vec::new();
    let mut tags = Vec::new();
    let groups = embedded
        .and_then(|e| e.get("wp:term"))
        .and_then(Value::as_array);
    for term in groups
        .into_iter()
        .flatten()
        .filter_map(Value::as_array)
        .flatten()
    {
        let Some(name) = term.get("name").and_then(text).map(|n| super::plain(&n)) else {
            continue;
        };
        match term.get("taxonomy").and_then(Value::as_str) {
            Some("category") => categories.push(name),
            Some("post_tag") => tags.push(name),
            _ => {}
        }
    }
    // WordPress files uncategorised posts under "Uncategorized"; it says nothing to a reader.
    categories.retain(|c| !matches!(c.as_str(), "Uncategorized" | "Tak Berkategori"));
    (categories, tags)
}
