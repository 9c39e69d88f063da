//! Feed text in, articles out. Pure: the browser only fetches the text.

mod json_feed;

use std::fmt;

use crate::article::Article;

/// A parsed feed: the articles that were usable and a count of the ones that were not.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Feed {
    /// The feed's own title, if any.
    pub title: Option<String>,
    /// Usable articles, in feed order.
    pub articles: Vec<Article>,
    /// How many items were skipped.
    pub skipped: usize,
    /// Why the first skipped item was skipped, for the webmaster's console.
    pub first_skip_reason: Option<String>,
}

impl Feed {
    /// One line for the webmaster when items were skipped: how many, and the first reason.
    pub fn skip_summary(&self, feed_url: &str) -> Option<String> {
        (self.skipped > 0).then(|| {
            format!(
                "skipped {} of {} items in {feed_url}; the first: {}",
                self.skipped,
                self.skipped + self.articles.len(),
                self.first_skip_reason.as_deref().unwrap_or("unknown"),
            )
        })
    }

    pub(crate) fn skip(&mut self, reason: String) {
        self.skipped += 1;
        if self.first_skip_reason.is_none() {
            self.first_skip_reason = Some(reason);
        }
    }
}

/// Why a whole feed could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FeedError {
    /// The text is not JSON at all (an HTML error page, say).
    NotJson(String),
    /// JSON, but not shaped like a JSON Feed.
    NotAFeed(String),
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FeedError::NotJson(cause) => write!(
                f,
                "the answer is not JSON ({cause}); check that the feed URL points at a JSON Feed, not a web page"
            ),
            FeedError::NotAFeed(cause) => write!(f, "the JSON is not a JSON Feed ({cause})"),
        }
    }
}

/// Parses feed text fetched from `feed_url` (absolute), against which relative URLs resolve.
pub fn parse(text: &str, feed_url: &str) -> Result<Feed, FeedError> {
    // PHP sites often send a UTF-8 byte order mark before the JSON.
    let text = text.trim_start_matches('\u{feff}');
    json_feed::parse(text, feed_url)
}
