//! What every format has in common once its items are drafts: URL checks, derived titles and
//! summaries, content ids, tracking pixels, duplicates, sorting and caps.

use std::collections::HashSet;

use super::{
    local_links, Draft, Feed, Format, ParseOptions, Sort, Source, DERIVED_SUMMARY_CHARS,
    DERIVED_TITLE_CHARS, MAX_ITEMS,
};
use crate::article::{Article, Attachment, Content, Image, ImageSource};
use crate::date::Timestamp;
use crate::text::{collapse_whitespace, excerpt, has_visible_text, html_to_text};
use crate::url::{safe_url, UrlUse};

pub(super) fn finish_feed(
    format: Format,
    source: Source,
    warnings: Vec<String>,
    options: &ParseOptions,
) -> Feed {
    let mut feed = Feed {
        format,
        title: source.title,
        language: source.language.filter(|tag| is_language_tag(tag)),
        next_page: source
            .next_page
            .and_then(|raw| safe_url(options.feed_url, &raw, UrlUse::Feed)),
        warnings,
        ..Feed::empty(format)
    };
    if source.total > MAX_ITEMS {
        feed.warnings.push(format!(
            "the feed has {} items; only the first {MAX_ITEMS} were read",
            source.total
        ));
    }
    let mut ids = HashSet::new();
    let mut urls = HashSet::new();
    for (index, item) in source.items.into_iter().enumerate() {
        match item.and_then(|draft| finish(draft, options).map_err(str::to_string)) {
            Ok(article) => {
                if is_new(&article, &mut ids, &mut urls) {
                    feed.articles.push(article);
                } else {
                    feed.skip(format!("item {index} repeats \"{}\"", article.id));
                }
            }
            Err(reason) => feed.skip(format!("item {index} {reason}")),
        }
    }
    feed.warnings.extend(local_links::warning(
        &feed.articles,
        options.feed_url,
        options.page_host,
    ));
    sort_articles(&mut feed.articles, options.sort);
    feed
}

/// A plausible BCP 47 tag (`id`, `en-US`, `zh-Hant-TW`): it becomes a `lang` attribute.
fn is_language_tag(tag: &str) -> bool {
    !tag.is_empty()
        && tag.len() <= 35
        && tag.split('-').all(|part| {
            (1..=8).contains(&part.len()) && part.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

/// Whether an article is neither a repeated id nor a repeated link; records it if new.
pub(super) fn is_new(
    article: &Article,
    ids: &mut HashSet<String>,
    urls: &mut HashSet<String>,
) -> bool {
    if ids.contains(&article.id) || article.url.as_ref().is_some_and(|u| urls.contains(u)) {
        return false;
    }
    ids.insert(article.id.clone());
    if let Some(url) = &article.url {
        urls.insert(url.clone());
    }
    true
}

pub(super) fn sort_articles(articles: &mut [Article], sort: Sort) {
    if sort == Sort::Newest {
        // Stable: equal and undated articles keep feed order; undated ones go last.
        crate::order::sort_by_rank(articles, |a| {
            a.date()
                .map_or(i64::MAX, |d| d.unix_seconds.saturating_neg())
        });
    }
}

/// Applies the checks every format shares and builds the article.
fn finish(draft: Draft, options: &ParseOptions) -> Result<Article, &'static str> {
    let base = options.feed_url;
    let url = draft.url.and_then(|raw| safe_url(base, &raw, UrlUse::Web));
    let id = draft
        .id
        .map(|id| id.trim().to_string())
        .filter(|id| !id.is_empty())
        .or_else(|| url.clone());
    let body_text = match &draft.content {
        Some(Content::Html(html)) => html_to_text(html),
        Some(Content::Text(text)) => collapse_whitespace(text),
        Some(Content::Protected) | None => String::new(),
    };
    // A body that draws nothing cannot stand in for a missing title or summary.
    let body_text = if has_visible_text(&body_text) {
        body_text
    } else {
        String::new()
    };
    let summary = draft
        .summary
        .map(|s| s.to_plain())
        .filter(|s| has_visible_text(s))
        .unwrap_or_else(|| excerpt(&body_text, DERIVED_SUMMARY_CHARS));
    let title = draft
        .title
        .map(|s| s.to_plain())
        .filter(|s| has_visible_text(s))
        .unwrap_or_else(|| excerpt(&body_text, DERIVED_TITLE_CHARS));
    if !has_visible_text(&title) {
        return Err("has no title and no readable content");
    }
    // RSS needs only a title or a description: an item with neither id nor link is known by
    // its content, so deep links and "load more" still find it after a reload.
    let id = id.unwrap_or_else(|| content_id(&title, draft.published, &summary));
    let content = match draft.content {
        Some(Content::Html(html)) if html.trim().is_empty() => Content::Text(summary.clone()),
        Some(content) => content,
        None => Content::Text(summary.clone()),
    };
    let categories = clean_names(draft.categories);
    let image = draft
        .images
        .into_iter()
        .find_map(|image| check_image(image, options));
    let attachments = draft
        .attachments
        .into_iter()
        .filter_map(|attachment| {
            Some(Attachment {
                url: safe_url(base, &attachment.url, UrlUse::Web)?,
                ..attachment
            })
        })
        .collect();
    Ok(Article {
        id,
        url,
        title,
        summary,
        content,
        image,
        published: draft.published,
        modified: draft.modified,
        authors: clean_names(draft.authors),
        category_terms: draft
            .category_terms
            .into_iter()
            .filter(|(name, _)| categories.contains(name))
            .collect(),
        categories,
        tags: clean_names(draft.tags),
        attachments,
        source: draft.source,
    })
}

/// A stable id from what an item says: FNV-1a (64 bits) of its title, date and summary.
fn content_id(title: &str, published: Option<Timestamp>, summary: &str) -> String {
    let date = published
        .map(|d| d.unix_seconds.to_string())
        .unwrap_or_default();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [title, "\n", &date, "\n", summary] {
        for byte in part.bytes() {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("item-{hash:016x}")
}

/// The base URL in scope at `element`: its `xml:base`, resolved against the `outer` base.
pub(crate) fn xml_base(outer: &str, element: &crate::xml::XmlElement) -> String {
    element
        .attr("xml:base")
        .and_then(|base| crate::url::resolve(outer, &crate::url::normalise(base)))
        .unwrap_or_else(|| outer.to_string())
}

/// A URL from a feed made absolute against the base in scope (checked later, in [`finish`]).
pub(crate) fn absolute(base: &str, raw: &str) -> String {
    crate::url::resolve(base, &crate::url::normalise(raw)).unwrap_or_else(|| raw.to_string())
}

/// Checks and upgrades an image URL and its sizes; drops tracking pixels.
fn check_image(image: Image, options: &ParseOptions) -> Option<Image> {
    if image.width.is_some_and(|w| w <= 2) && image.height.is_some_and(|h| h <= 2) {
        return None;
    }
    let check = |raw: &str| {
        let url = safe_url(options.feed_url, raw, UrlUse::Web)?;
        Some(match url.strip_prefix("http://") {
            Some(rest) if options.upgrade_images => format!("https://{rest}"),
            _ => url,
        })
    };
    let url = check(&image.url)?;
    let mut sources: Vec<ImageSource> = image
        .sources
        .iter()
        .filter(|s| s.width > 2)
        .filter_map(|s| {
            Some(ImageSource {
                url: check(&s.url)?,
                width: s.width,
            })
        })
        .collect();
    crate::order::sort_by_rank(&mut sources, |s| i64::from(s.width));
    sources.dedup_by(|a, b| a.url == b.url || a.width == b.width);
    Some(Image {
        url,
        alt: Some(collapse_whitespace(&image.alt))
            .filter(|alt| has_visible_text(alt))
            .unwrap_or_default(),
        sources,
        ..image
    })
}

/// Trims names, drops empty and repeated ones.
fn clean_names(names: Vec<String>) -> Vec<String> {
    let mut seen = HashSet::new();
    names
        .into_iter()
        .map(|n| collapse_whitespace(&n))
        .filter(|n| has_visible_text(n) && seen.insert(n.to_ascii_lowercase()))
        .collect()
}

/// The first `<img>` in article HTML that is not a tracking pixel: a lead image for RSS and Atom
/// items that carry none of their own.
pub(crate) fn first_html_image(html: &str) -> Option<Image> {
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find("<img") {
        let start = from + found + 1;
        from = start;
        let Some((_, attrs, _, _)) = crate::xml::start_tag(&html[start..]) else {
            continue;
        };
        let get = |name: &str| {
            attrs
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone())
        };
        let dimension = |name: &str| get(name).and_then(|v| v.trim().parse::<u32>().ok());
        let image = Image {
            url: get("src").unwrap_or_default(),
            alt: get("alt").unwrap_or_default(),
            width: dimension("width"),
            height: dimension("height"),
            sources: Vec::new(),
        };
        let pixel = image.width.is_some_and(|w| w <= 2) || image.height.is_some_and(|h| h <= 2);
        if !image.url.is_empty() && !pixel {
            return Some(image);
        }
    }
    None
}

/// Plain text from a name that may hold HTML or entities (category and author names, image
/// descriptions): decoded once, tags removed first when there are any.
pub(crate) fn plain(text: &str) -> String {
    if text.contains('<') && text.contains('>') {
        html_to_text(text)
    } else {
        collapse_whitespace(&crate::text::decode_entities(text))
    }
}
