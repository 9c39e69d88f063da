//! Several sources' articles as one list: newest first, each article named by its source,
//! duplicates across sources dropped. Pure and deterministic: the same lists in the same source
//! order always give the same list, so a widget and the `kabar merge` command agree.

use std::collections::HashSet;

use super::{sort_articles, Sort};
use crate::article::{Article, ArticleSource};

/// Merges the articles of several sources, given in the webmaster's order, each list in its
/// own order.
///
/// - Every article carries its source: the one it already had (read from a merged feed's
///   `_kabar`) or else the one it is listed under.
/// - An article whose link, or whose id within the same source, was already seen is dropped;
///   earlier sources win, then earlier positions, so which copy stays does not depend on dates.
/// - An id already used by an earlier source gets the suffix `~N` (N = 1-based source number,
///   repeated while still taken), so ids stay unique for the reader, deep links and `open(id)`.
/// - [`Sort::Newest`]: newest first, undated last; ties by source order, then position.
///   [`Sort::Feed`]: the sources one after the other.
///
/// A source that failed is simply not passed: the others merge as if it had no articles.
pub fn merge(sources: &[(&ArticleSource, &[Article])], sort: Sort) -> Vec<Article> {
    // Sets of strings and the stable sort the parser already uses: no new code in the bundle.
    let mut links: HashSet<String> = HashSet::new();
    let mut source_ids: HashSet<String> = HashSet::new();
    let mut ids: HashSet<String> = HashSet::new();
    let mut merged: Vec<Article> = Vec::new();
    for (number, (source, articles)) in (1..).zip(sources) {
        for article in articles.iter() {
            let link_seen = article.url.as_ref().is_some_and(|url| links.contains(url));
            if link_seen || !source_ids.insert(format!("{number} {}", article.id)) {
                continue;
            }
            links.extend(article.url.clone());
            let mut article = article.clone();
            while ids.contains(&article.id) {
                article.id = format!("{}~{number}", article.id);
            }
            ids.insert(article.id.clone());
            if article.source.is_none() {
                article.source = Some((*source).clone());
            }
            merged.push(article);
        }
    }
    // Stable: in source order, then position, so ties keep that order.
    sort_articles(&mut merged, sort);
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Content;
    use crate::date::Timestamp;

    fn article(id: &str, url: Option<&str>, unix: Option<i64>) -> Article {
        Article {
            id: id.into(),
            url: url.map(str::to_string),
            title: format!("Judul {id}"),
            summary: String::new(),
            content: Content::Text(String::new()),
            image: None,
            published: unix.map(|unix_seconds| Timestamp {
                unix_seconds,
                offset_minutes: 0,
            }),
            modified: None,
            authors: Vec::new(),
            categories: Vec::new(),
            category_terms: Vec::new(),
            tags: Vec::new(),
            attachments: Vec::new(),
            source: None,
        }
    }

    fn source(host: &str) -> ArticleSource {
        ArticleSource::new(&format!("https://{host}/feed"), None)
    }

    fn ids(articles: &[Article]) -> Vec<&str> {
        articles.iter().map(|a| a.id.as_str()).collect()
    }

    #[test]
    fn newest_first_across_sources_ties_by_source_then_position() {
        let (a, b) = (source("a.go.id"), source("b.go.id"));
        let from_a = [
            article("a1", Some("https://a.go.id/1"), Some(300)),
            article("a2", Some("https://a.go.id/2"), Some(100)),
            article("a3", None, None),
            article("a4", Some("https://a.go.id/4"), Some(200)),
        ];
        let from_b = [
            article("b1", Some("https://b.go.id/1"), Some(200)),
            article("b2", None, None),
            article("b3", Some("https://b.go.id/3"), Some(400)),
        ];
        let merged = merge(&[(&a, &from_a), (&b, &from_b)], Sort::Newest);
        assert_eq!(ids(&merged), ["b3", "a1", "a4", "b1", "a2", "a3", "b2"]);
        // Deterministic: the same input gives the same output.
        assert_eq!(merged, merge(&[(&a, &from_a), (&b, &from_b)], Sort::Newest));
        let in_order = merge(&[(&a, &from_a), (&b, &from_b)], Sort::Feed);
        assert_eq!(ids(&in_order), ["a1", "a2", "a3", "a4", "b1", "b2", "b3"]);
    }

    #[test]
    fn every_article_carries_its_source_and_a_kabar_source_is_kept() {
        let (a, b) = (source("a.go.id"), source("b.go.id"));
        let mut relayed = article("r", Some("https://c.go.id/r"), Some(5));
        relayed.source = Some(ArticleSource::new(
            "https://c.go.id/feed",
            Some("Kecamatan C"),
        ));
        let from_a = [article("a1", Some("https://a.go.id/1"), Some(1)), relayed];
        let from_b = [article("b1", Some("https://b.go.id/1"), Some(2))];
        let merged = merge(&[(&a, &from_a), (&b, &from_b)], Sort::Newest);
        let names: Vec<&str> = merged
            .iter()
            .filter_map(|x| x.source.as_ref())
            .map(|s| s.name.as_str())
            .collect();
        assert_eq!(names, ["Kecamatan C", "b.go.id", "a.go.id"]);
        assert_eq!(
            merged[1].source.as_ref().map(|s| s.feed.as_str()),
            Some("https://b.go.id/feed")
        );
    }

    #[test]
    fn the_same_link_in_two_sources_shows_once_from_the_earlier_source() {
        let (a, b) = (source("prov.go.id"), source("kab.go.id"));
        let shared = "https://prov.go.id/berita/banjir";
        // The later source's copy is newer, but the earlier source wins all the same.
        let from_a = [article("p1", Some(shared), Some(100))];
        let from_b = [
            article("k1", Some(shared), Some(900)),
            article("k2", Some("https://kab.go.id/2"), Some(50)),
        ];
        let merged = merge(&[(&a, &from_a), (&b, &from_b)], Sort::Newest);
        assert_eq!(ids(&merged), ["p1", "k2"]);
        assert_eq!(
            merged[0].source.as_ref().map(|s| s.name.as_str()),
            Some("prov.go.id")
        );
    }

    #[test]
    fn the_same_id_repeats_only_within_a_source() {
        let (a, b) = (source("a.go.id"), source("b.go.id"));
        // Within one source (a page fetched twice) the repeat goes.
        let from_a = [
            article("42", Some("https://a.go.id/42"), Some(10)),
            article("42", Some("https://a.go.id/42?utm=x"), Some(9)),
        ];
        // In another source "42" is another article: it stays, under an id of its own.
        let from_b = [
            article("42", Some("https://b.go.id/42"), Some(8)),
            article("42~2", Some("https://b.go.id/x"), Some(7)),
        ];
        let merged = merge(&[(&a, &from_a), (&b, &from_b)], Sort::Newest);
        assert_eq!(ids(&merged), ["42", "42~2", "42~2~2"]);
        let unique: HashSet<&str> = ids(&merged).into_iter().collect();
        assert_eq!(unique.len(), merged.len());
    }

    #[test]
    fn a_failed_source_leaves_the_others_whole() {
        let (a, b, c) = (source("a.go.id"), source("b.go.id"), source("c.go.id"));
        let from_a = [article("a1", Some("https://a.go.id/1"), Some(3))];
        let from_c = [article("c1", Some("https://c.go.id/1"), Some(4))];
        // b failed: it is not passed at all, or passed with no articles.
        let without = merge(&[(&a, &from_a), (&c, &from_c)], Sort::Newest);
        let empty = merge(&[(&a, &from_a), (&b, &[]), (&c, &from_c)], Sort::Newest);
        assert_eq!(ids(&without), ["c1", "a1"]);
        assert_eq!(without, empty);
        assert!(merge(&[], Sort::Newest).is_empty());
    }
}
