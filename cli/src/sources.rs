//! Reading feeds (from the network or a file) into articles, and merging several into one list
//! with the widget's own merge (`kabar::feed::merge`), so the command and the widget agree.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use kabar::article::{Article, ArticleSource};
use kabar::feed::{self, Feed, ParseOptions, Sort};
use kabar::filter::{Filters, Since};
use kabar::state::LoadError;

use crate::fetch::{decode, fetch};

/// One feed read: where from, under what name, and what it held.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// The feed as its articles will name it (URL as given, title or host).
    pub source: ArticleSource,
    /// The parsed feed.
    pub feed: Feed,
}

/// Fetches and parses `url` as the widget would (a non-2xx answer is an error, with WordPress's
/// explanation when it sent one). The message names the feed.
pub fn load_url(url: &str) -> Result<Loaded, String> {
    let fetched = fetch(url, None)?;
    let last = fetched.last();
    let content_type = last.header("content-type");
    let (text, _) = decode(&fetched.body, content_type);
    let final_url = fetched.final_url();
    if !(200..300).contains(&last.status) {
        let error = match feed::rest_error(last.status, &text, final_url) {
            Some(rest) => LoadError::WordPress(rest),
            None => LoadError::Http(last.status),
        };
        return Err(format!("{url}: {error}"));
    }
    let total_pages = last
        .header("x-wp-totalpages")
        .and_then(|v| v.trim().parse().ok());
    let options = ParseOptions {
        total_pages,
        ..ParseOptions::new(final_url)
    };
    parsed(url, &text, &options)
}

/// How many feeds are fetched at once by [`load_all`].
const PARALLEL_FETCHES: usize = 8;

/// [`load_url`] for every URL, a few at a time, results in the order of `urls` (so the merge
/// does not depend on which server answered first).
pub fn load_all(urls: &[String]) -> Vec<Result<Loaded, String>> {
    let next = AtomicUsize::new(0);
    let results: Vec<Mutex<Option<Result<Loaded, String>>>> =
        urls.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..PARALLEL_FETCHES.min(urls.len()) {
            scope.spawn(|| loop {
                let index = next.fetch_add(1, Ordering::Relaxed);
                let Some(url) = urls.get(index) else { break };
                let result = load_url(url);
                if let Ok(mut slot) = results[index].lock() {
                    *slot = Some(result);
                }
            });
        }
    });
    results
        .into_iter()
        .zip(urls)
        .map(|(slot, url)| {
            slot.into_inner()
                .ok()
                .flatten()
                .unwrap_or_else(|| Err(format!("{url}: not fetched")))
        })
        .collect()
}

/// Reads a feed file; its relative links resolve against `base` (else the file's own URL, which
/// leaves them out: only http(s) links are kept).
pub fn load_file(path: &str, base: Option<&str>) -> Result<Loaded, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let (text, _) = decode(&bytes, None);
    let file_url = std::fs::canonicalize(path)
        .map(|p| format!("file://{}", p.display()))
        .unwrap_or_else(|_| path.to_string());
    let feed_url = base.map_or(file_url, str::to_string);
    parsed(&feed_url, &text, &ParseOptions::new(&feed_url))
}

fn parsed(name: &str, text: &str, options: &ParseOptions) -> Result<Loaded, String> {
    let feed =
        feed::parse(text, options).map_err(|e| format!("{name}: {}", LoadError::Format(e)))?;
    Ok(Loaded {
        source: ArticleSource::new(name, feed.title.as_deref()),
        feed,
    })
}

/// What to keep of the merged list.
#[derive(Clone, Copy, Debug, Default)]
pub struct Keep {
    /// At most this many articles (the newest).
    pub limit: Option<usize>,
    /// Only articles published since then (undated ones go, as in the widget).
    pub since: Option<Since>,
    /// Now, in Unix seconds, for `since`.
    pub now_unix: i64,
}

/// The sources' articles as one list: the widget's merge (newest first, ties by source order
/// then position, duplicates dropped, ids unique, each article naming its source), then `keep`.
pub fn merge(loaded: &[Loaded], keep: Keep) -> Vec<Article> {
    let lists: Vec<(&ArticleSource, &[Article])> = loaded
        .iter()
        .map(|l| (&l.source, l.feed.articles.as_slice()))
        .collect();
    let mut articles = feed::merge(&lists, Sort::Newest);
    if keep.since.is_some() {
        let filters = Filters {
            since: keep.since,
            ..Filters::default()
        };
        articles.retain(|article| filters.allows(article, keep.now_unix));
    }
    if let Some(limit) = keep.limit {
        articles.truncate(limit);
    }
    articles
}
