//! The feeds of one widget as they arrive: each one pending, read or failed, and the one merged
//! feed the widget shows. Pure: the hooks fetch, this keeps count and merges once per arrival.

use crate::article::ArticleSource;
use crate::feed::{merge, Feed, Sort};
use crate::state::LoadError;

/// One feed of the widget and how far it got.
#[derive(Clone, Debug)]
struct Slot {
    url: String,
    /// The articles last read, kept through a later failure (a refresh, a retry).
    feed: Option<Feed>,
    /// Why the last request failed, until one succeeds.
    error: Option<LoadError>,
    /// A request is under way.
    pending: bool,
    /// The articles came from the network, not only from a saved copy.
    fetched: bool,
}

/// Every feed of a widget, in the webmaster's order.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    slots: Vec<Slot>,
}

impl Sources {
    /// All pending, for these URLs.
    pub fn new(urls: &[String]) -> Self {
        Sources {
            slots: urls
                .iter()
                .map(|url| Slot {
                    url: url.clone(),
                    feed: None,
                    error: None,
                    pending: true,
                    fetched: false,
                })
                .collect(),
        }
    }

    /// The feed URLs, in order.
    pub fn urls(&self) -> impl Iterator<Item = &str> {
        self.slots.iter().map(|slot| slot.url.as_str())
    }

    /// Marks feed `index` as asked for again.
    pub fn start(&mut self, index: usize) {
        if let Some(slot) = self.slots.get_mut(index) {
            slot.pending = true;
        }
    }

    /// Records how the request for feed `index` ended. A failure keeps the articles read before.
    pub fn set(&mut self, index: usize, outcome: Result<Feed, LoadError>) {
        let Some(slot) = self.slots.get_mut(index) else {
            return;
        };
        slot.pending = false;
        match outcome {
            Ok(feed) => {
                slot.feed = Some(feed);
                slot.error = None;
                slot.fetched = true;
            }
            Err(error) => slot.error = Some(error),
        }
    }

    /// Records a saved copy of feed `index`, read while its request (if any) is under way.
    pub fn set_saved(&mut self, index: usize, feed: Feed) {
        if let Some(slot) = self.slots.get_mut(index) {
            slot.feed = Some(feed);
        }
    }

    /// The first error, when nothing came from the network yet: what shows is saved copies at
    /// most, and the widget says it is offline.
    pub fn offline(&self) -> Option<LoadError> {
        if self.slots.iter().any(|slot| slot.fetched) {
            return None;
        }
        self.slots.iter().find_map(|slot| slot.error.clone())
    }

    /// Adds a further page to feed `index` (its own order, its own next page).
    pub fn append_page(&mut self, index: usize, page: Feed, sort: Sort) {
        if let Some(feed) = self.slots.get_mut(index).and_then(|s| s.feed.as_mut()) {
            feed.append_page(page, sort);
        }
    }

    /// Whether no request is under way.
    pub fn settled(&self) -> bool {
        self.slots.iter().all(|slot| !slot.pending)
    }

    /// The feeds that failed and have nothing to show, named by their host, with their indices.
    pub fn failed(&self) -> Vec<(usize, ArticleSource)> {
        self.slots
            .iter()
            .enumerate()
            .filter(|(_, slot)| slot.feed.is_none() && slot.error.is_some())
            .map(|(index, slot)| (index, ArticleSource::new(&slot.url, None)))
            .collect()
    }

    /// The next page of each feed that has one.
    pub fn next_pages(&self) -> Vec<(usize, String)> {
        self.slots
            .iter()
            .enumerate()
            .filter_map(|(index, slot)| Some((index, slot.feed.as_ref()?.next_page.clone()?)))
            .collect()
    }

    /// What the widget shows now: the merged feed once any feed is read; the first error once
    /// every feed failed; `None` while waiting.
    pub fn outcome(&self, sort: Sort) -> Option<Result<Feed, LoadError>> {
        let read: Vec<(&Slot, &Feed)> = self
            .slots
            .iter()
            .filter_map(|slot| Some((slot, slot.feed.as_ref()?)))
            .collect();
        let Some((_, first)) = read.first() else {
            return match self.slots.iter().find_map(|s| s.error.clone()) {
                Some(error) if self.settled() => Some(Err(error)),
                _ => None,
            };
        };
        let sources: Vec<ArticleSource> = read
            .iter()
            .map(|(slot, feed)| ArticleSource::new(&slot.url, feed.title.as_deref()))
            .collect();
        let lists: Vec<(&ArticleSource, &[crate::article::Article])> = sources
            .iter()
            .zip(&read)
            .map(|(source, (_, feed))| (source, feed.articles.as_slice()))
            .collect();
        let mut merged = Feed {
            articles: merge(&lists, sort),
            next_page: read.iter().find_map(|(_, feed)| feed.next_page.clone()),
            ..Feed::empty(first.format)
        };
        if let [(_, only)] = read.as_slice() {
            if self.slots.len() == 1 {
                // One feed: everything about it stays as it was read.
                merged.title.clone_from(&only.title);
                merged.language.clone_from(&only.language);
                merged.skipped = only.skipped;
                merged.first_skip_reason.clone_from(&only.first_skip_reason);
                merged.warnings.clone_from(&only.warnings);
                return Some(Ok(merged));
            }
        }
        // Several: one language only if they agree. Each feed's notes went to the console as it
        // arrived, naming it, so arrivals do not repeat them.
        let language = &first.language;
        if read.iter().all(|(_, feed)| &feed.language == language) {
            merged.language.clone_from(language);
        }
        Some(Ok(merged))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::{parse, ParseOptions};

    fn json_feed(url: &str, title: &str, items: &[(&str, &str)], next: Option<&str>) -> Feed {
        let items: Vec<String> = items
            .iter()
            .map(|(id, date)| {
                format!(
                    r#"{{"id":"{id}","url":"{url}/{id}","title":"{id}","content_text":"x","date_published":"{date}"}}"#
                )
            })
            .collect();
        let next = next.map_or(String::new(), |n| format!(r#","next_url":"{n}""#));
        let text = format!(
            r#"{{"version":"https://jsonfeed.org/version/1.1","title":"{title}","items":[{}]{next}}}"#,
            items.join(",")
        );
        parse(&text, &ParseOptions::new(url)).expect("a feed")
    }

    fn urls() -> Vec<String> {
        [
            "https://a.go.id/f",
            "https://b.go.id/f",
            "https://c.go.id/f",
        ]
        .map(String::from)
        .to_vec()
    }

    fn titles(feed: &Feed) -> Vec<&str> {
        feed.articles.iter().map(|a| a.title.as_str()).collect()
    }

    #[test]
    fn merges_what_arrived_and_names_what_failed() {
        let mut sources = Sources::new(&urls());
        assert!(sources.outcome(Sort::Newest).is_none());
        sources.set(1, Err(LoadError::Http(500)));
        // A failure alone is no answer while others are on their way.
        assert!(sources.outcome(Sort::Newest).is_none());
        let a = json_feed(
            "https://a.go.id/f",
            "Dinas A",
            &[("a1", "2026-11-02T00:00:00Z")],
            None,
        );
        sources.set(0, Ok(a));
        let shown = sources.outcome(Sort::Newest).and_then(Result::ok);
        assert_eq!(shown.as_ref().map(titles), Some(vec!["a1"]));
        let c = json_feed(
            "https://c.go.id/f",
            "",
            &[("c1", "2026-11-03T00:00:00Z")],
            None,
        );
        sources.set(2, Ok(c));
        let shown = sources.outcome(Sort::Newest).and_then(Result::ok);
        assert_eq!(shown.as_ref().map(titles), Some(vec!["c1", "a1"]));
        let names: Vec<Option<&str>> = shown
            .iter()
            .flat_map(|f| &f.articles)
            .map(|a| a.source.as_ref().map(|s| s.name.as_str()))
            .collect();
        assert_eq!(names, [Some("c.go.id"), Some("Dinas A")]);
        assert!(sources.settled());
        let failed: Vec<(usize, String)> = sources
            .failed()
            .into_iter()
            .map(|(i, s)| (i, s.name))
            .collect();
        assert_eq!(failed, [(1, "b.go.id".to_string())]);
        // The retry brings it in.
        sources.start(1);
        let b = json_feed(
            "https://b.go.id/f",
            "Kec B",
            &[("b1", "2026-11-04T00:00:00Z")],
            None,
        );
        sources.set(1, Ok(b));
        let shown = sources.outcome(Sort::Newest).and_then(Result::ok);
        assert_eq!(shown.as_ref().map(titles), Some(vec!["b1", "c1", "a1"]));
        assert!(sources.failed().is_empty());
    }

    #[test]
    fn an_error_only_when_every_feed_failed() {
        let mut sources = Sources::new(&urls());
        sources.set(0, Err(LoadError::Http(404)));
        sources.set(1, Err(LoadError::Timeout(10)));
        assert!(sources.outcome(Sort::Newest).is_none());
        sources.set(2, Err(LoadError::Http(500)));
        assert_eq!(
            sources.outcome(Sort::Newest),
            Some(Err(LoadError::Http(404)))
        );
    }

    #[test]
    fn a_failure_after_a_success_keeps_the_articles() {
        let mut sources = Sources::new(&urls()[..1]);
        let a = json_feed(
            "https://a.go.id/f",
            "A",
            &[("a1", "2026-11-02T00:00:00Z")],
            None,
        );
        sources.set(0, Ok(a.clone()));
        sources.start(0);
        sources.set(0, Err(LoadError::Http(503)));
        assert!(sources.failed().is_empty());
        assert_eq!(sources.offline(), None);
        // Only a saved copy and a failure: offline.
        let mut saved = Sources::new(&urls()[..1]);
        saved.set_saved(0, a.clone());
        assert!(!saved.settled());
        saved.set(0, Err(LoadError::Timeout(8)));
        assert_eq!(saved.offline(), Some(LoadError::Timeout(8)));
        assert!(saved.failed().is_empty());
        let shown = sources.outcome(Sort::Newest).and_then(Result::ok);
        // One feed: read as it was, only with its source on every article.
        assert_eq!(shown.as_ref().map(|f| &f.title), Some(&a.title));
        assert_eq!(shown.map(|f| f.articles.len()), Some(1));
    }

    #[test]
    fn more_pages_continue_every_feed_that_has_one_in_merged_order() {
        let mut sources = Sources::new(&urls()[..2]);
        let a = json_feed(
            "https://a.go.id/f",
            "A",
            &[("a1", "2026-11-05T00:00:00Z")],
            Some("https://a.go.id/f?page=2"),
        );
        let b = json_feed(
            "https://b.go.id/f",
            "B",
            &[("b1", "2026-11-04T00:00:00Z")],
            None,
        );
        sources.set(0, Ok(a));
        sources.set(1, Ok(b));
        assert_eq!(
            sources.next_pages(),
            [(0, "https://a.go.id/f?page=2".to_string())]
        );
        let page = json_feed(
            "https://a.go.id/f",
            "A",
            &[
                ("a2", "2026-11-01T00:00:00Z"),
                ("a3", "2026-11-06T00:00:00Z"),
            ],
            None,
        );
        sources.append_page(0, page, Sort::Newest);
        assert!(sources.next_pages().is_empty());
        let shown = sources.outcome(Sort::Newest).and_then(Result::ok);
        assert_eq!(
            shown.as_ref().map(titles),
            Some(vec!["a3", "a1", "b1", "a2"])
        );
        assert_eq!(shown.and_then(|f| f.next_page), None);
    }
}
