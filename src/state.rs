//! Widget state and its reducer. Pure: the UI dispatches actions, effects do the I/O.

use std::fmt;
use std::rc::Rc;

use crate::article::ArticleSource;
use crate::config::FeedUrlProblem;
use crate::feed::{Feed, FeedError, RestError};
use crate::i18n::Strings;

/// Why loading the feed failed.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The feed attribute is missing or unusable.
    Config(FeedUrlProblem),
    /// The server answered with a non-2xx status.
    Http(u16),
    /// No answer within the timeout.
    Timeout(u32),
    /// The request failed (offline, DNS, CORS).
    Network {
        /// The browser's reason.
        cause: String,
        /// The page's origin when the feed is on another one: then CORS is the likely cause.
        cross_origin_from: Option<String>,
    },
    /// The answer was not a readable feed.
    Format(FeedError),
    /// WordPress answered a non-2xx status with its own error object (REST API off, no route).
    WordPress(RestError),
}

impl LoadError {
    /// Whether trying again could help; a bad `feed` attribute needs the webmaster instead.
    pub fn is_retryable(&self) -> bool {
        !matches!(self, LoadError::Config(_))
    }

    /// Whether the request is worth one automatic retry after a pause: the network hiccuped or
    /// the server had a temporary problem.
    pub fn is_transient(&self) -> bool {
        match self {
            LoadError::Network { .. } => true,
            LoadError::Http(status) | LoadError::WordPress(RestError { status, .. }) => {
                *status >= 500 || *status == 429
            }
            _ => false,
        }
    }

    /// The polite sentence a visitor sees under the error heading.
    pub fn visitor_message(&self, strings: &Strings) -> &'static str {
        match self {
            LoadError::Config(_) => strings.error_config,
            LoadError::Http(_) | LoadError::WordPress(_) => strings.error_http,
            LoadError::Timeout(_) => strings.error_timeout,
            LoadError::Network { .. } => strings.error_network,
            LoadError::Format(_) => strings.error_format,
        }
    }
}

impl fmt::Display for LoadError {
    /// The message for the webmaster: what went wrong and what to fix.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Config(FeedUrlProblem::Missing) => {
                write!(f, "no feed URL: add feed=\"https://…/feed.json\" to the element")
            }
            LoadError::Config(FeedUrlProblem::Unusable(raw)) => {
                write!(f, "feed=\"{raw}\" is not an http(s) URL")
            }
            LoadError::Http(404) => write!(
                f,
                "the feed URL answered HTTP 404 Not Found; check the address (for WordPress it is https://your-site/wp-json/wp/v2/posts?_embed, for RSS usually https://your-site/feed/)"
            ),
            LoadError::Http(status @ (401 | 403)) => write!(
                f,
                "the feed URL answered HTTP {status}; the feed must be public, without a login"
            ),
            LoadError::Http(status) if *status >= 500 => write!(
                f,
                "the feed's server answered HTTP {status} (a server error), also when asked again; check the server's error log"
            ),
            LoadError::Http(status) => write!(
                f,
                "the feed URL answered HTTP {status}; check that the address is right and public"
            ),
            LoadError::Timeout(seconds) => write!(
                f,
                "the feed did not answer within {seconds} s; the server may be slow or the feed very large (raise the timeout attribute, or ask for fewer items)"
            ),
            LoadError::Network {
                cause,
                cross_origin_from: Some(origin),
            } => write!(
                f,
                "the feed could not be fetched ({cause}). It is on another site than this page, so the likely cause is CORS: the feed's server must answer with the header \
                 Access-Control-Allow-Origin: {origin} (or *). \
                 nginx: add_header Access-Control-Allow-Origin \"{origin}\" always; \
                 Apache (.htaccess): Header set Access-Control-Allow-Origin \"{origin}\"; \
                 WordPress: the REST API (/wp-json/…) sends it already; for its RSS feed add to the theme's functions.php: \
                 add_action('send_headers', function () {{ header('Access-Control-Allow-Origin: {origin}'); }});"
            ),
            LoadError::Network { cause, .. } => write!(
                f,
                "the feed could not be fetched ({cause}); the visitor may be offline, or the server unreachable"
            ),
            LoadError::Format(cause) => write!(f, "the feed could not be read: {cause}"),
            LoadError::WordPress(RestError {
                status,
                code,
                message,
                rss_url,
            }) => write!(
                f,
                "WordPress answered HTTP {status} with its error {code}: \"{message}\". Its REST API is switched off for visitors \
                 (a security plugin or a setting), or this route does not exist. Allow public reading of /wp-json/wp/v2/posts, \
                 or use the site's RSS feed instead: feed=\"{rss_url}\""
            ),
        }
    }
}

/// Where the feed is in its life.
#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    /// The request is under way.
    Loading,
    /// The feed arrived and parsed.
    Ready(Rc<Feed>),
    /// It failed; the widget offers a retry.
    Failed(LoadError),
}

/// The `data-state` a host element reflects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Loading.
    Loading,
    /// Showing at least one card.
    Ready,
    /// Loaded, but nothing to show.
    Empty,
    /// Failed.
    Error,
}

impl Phase {
    /// The attribute value.
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Loading => "loading",
            Phase::Ready => "ready",
            Phase::Empty => "empty",
            Phase::Error => "error",
        }
    }
}

/// The "load more" control's state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum More {
    /// Nothing in flight.
    #[default]
    Idle,
    /// The next page is being fetched.
    Loading,
    /// The last attempt failed; the button stays, with a message.
    Failed,
}

/// Everything the widget shows, derived from actions only.
#[derive(Clone, Debug, PartialEq)]
pub struct WidgetState {
    /// The feed's load state.
    pub load: Load,
    /// Id of the article open in the reader (an id, so it survives refreshes that add articles).
    pub reader: Option<String>,
    /// Bumped by each retry, so the fetch effect runs again.
    pub attempt: u32,
    /// Bumped whenever a load settles, so "ready"/"error" events fire once per load.
    pub settled: u32,
    /// When the copy on show was saved (ms since 1970), if it came from the cache.
    pub cached_at: Option<f64>,
    /// The network failed while a cached copy was on show; it stays, with a note.
    pub offline: bool,
    /// How many more pages of `limit` cards the visitor asked for.
    pub pages_shown: usize,
    /// The load-more control.
    pub more: More,
    /// A refreshed feed holding articles the visitor has not been shown yet, and how many.
    pub pending: Option<(Rc<Feed>, usize)>,
    /// Index of the card to focus after the visitor asked for more (the first new one).
    pub focus_card: Option<usize>,
    /// A polite announcement for screen readers, with a counter so a repeat is announced again.
    pub announcement: Option<(u32, Announcement)>,
    /// The feeds (of several) that could not be loaded while the others show.
    pub unavailable: Vec<ArticleSource>,
}

/// Something said to screen-reader users through the live region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Announcement {
    /// A refresh found this many new articles.
    NewArticles(usize),
    /// The visitor showed this many new articles.
    NewArticlesShown(usize),
}

impl Default for WidgetState {
    fn default() -> Self {
        WidgetState {
            load: Load::Loading,
            reader: None,
            attempt: 0,
            settled: 0,
            cached_at: None,
            offline: false,
            pages_shown: 0,
            more: More::Idle,
            pending: None,
            focus_card: None,
            announcement: None,
            unavailable: Vec::new(),
        }
    }
}

/// What can happen to a widget.
#[derive(Debug)]
pub enum Action {
    /// The feed arrived from the network (also after a cached copy was shown).
    Loaded(Feed),
    /// A cached copy saved at this time (ms since 1970) is shown while the network is asked.
    Cached(Feed, f64),
    /// Loading failed. A cached copy on show stays, marked as offline.
    Failed(LoadError),
    /// The visitor asked to try again: bumps `attempt`, which starts a new fetch.
    Reload,
    /// A fetch for a new feed URL started.
    Start,
    /// A timed refresh arrived: new articles wait for the visitor, changed ones update in place.
    Refreshed(Feed),
    /// The visitor asked to see the articles a refresh found.
    ShowPending,
    /// The visitor asked for more cards that are already loaded; the argument is how many
    /// cards were visible, which is the index of the first new one.
    ShowMore(usize),
    /// Fetching the next page started.
    MoreLoading,
    /// Further pages arrived: the whole list with them (merged anew when there are several
    /// feeds); the number as for `ShowMore`.
    MoreLoaded(Feed, usize),
    /// These feeds (of several) could not be loaded; the others are on show.
    Unavailable(Vec<ArticleSource>),
    /// The next page failed.
    MoreFailed,
    /// The card to focus was focused.
    Focused,
    /// Open the article at this index in the reader.
    Open(usize),
    /// Close the reader.
    Close,
}

impl WidgetState {
    /// Applies an action.
    pub fn reduce(&self, action: Action) -> WidgetState {
        let mut next = self.clone();
        match action {
            Action::Loaded(feed) => {
                next.load = Load::Ready(Rc::new(feed));
                next.cached_at = None;
                next.offline = false;
                next.pending = None;
                next.more = More::Idle;
                next.keep_reader_if_present();
                next.settled += 1;
            }
            Action::Cached(feed, saved_at) => {
                next.load = Load::Ready(Rc::new(feed));
                // With several feeds, the oldest copy on show.
                next.cached_at = Some(self.cached_at.map_or(saved_at, |at| at.min(saved_at)));
                next.settled += 1;
            }
            Action::Failed(error) => match (&self.load, self.cached_at) {
                (Load::Ready(_), Some(_)) => next.offline = true,
                _ => {
                    next.load = Load::Failed(error);
                    next.reader = None;
                    next.cached_at = None;
                    next.settled += 1;
                }
            },
            Action::Reload => {
                next = WidgetState {
                    attempt: self.attempt + 1,
                    settled: self.settled,
                    ..WidgetState::default()
                };
            }
            Action::Start => {
                next = WidgetState {
                    attempt: self.attempt,
                    settled: self.settled,
                    ..WidgetState::default()
                };
            }
            Action::Refreshed(feed) => {
                if let Load::Ready(current) = &self.load {
                    let known: std::collections::HashSet<&str> =
                        current.articles.iter().map(|a| a.id.as_str()).collect();
                    let new = feed
                        .articles
                        .iter()
                        .filter(|a| !known.contains(a.id.as_str()))
                        .count();
                    if new == 0 {
                        next.load = Load::Ready(Rc::new(feed));
                        next.keep_reader_if_present();
                    } else {
                        next.pending = Some((Rc::new(feed), new));
                        next.announce(Announcement::NewArticles(new));
                    }
                    next.cached_at = None;
                    next.offline = false;
                }
            }
            Action::ShowPending => {
                if let Some((feed, count)) = next.pending.take() {
                    next.load = Load::Ready(feed);
                    next.keep_reader_if_present();
                    next.focus_card = Some(0);
                    next.announce(Announcement::NewArticlesShown(count));
                }
            }
            Action::ShowMore(visible) => {
                next.pages_shown += 1;
                next.focus_card = Some(visible);
            }
            Action::MoreLoading => next.more = More::Loading,
            Action::MoreLoaded(feed, visible) => {
                if let Load::Ready(_) = &self.load {
                    next.load = Load::Ready(Rc::new(feed));
                    next.pages_shown += 1;
                    next.focus_card = Some(visible);
                }
                next.more = More::Idle;
            }
            Action::Unavailable(sources) => next.unavailable = sources,
            Action::MoreFailed => next.more = More::Failed,
            Action::Focused => next.focus_card = None,
            Action::Open(index) => {
                if let Load::Ready(feed) = &self.load {
                    if let Some(article) = feed.articles.get(index) {
                        next.reader = Some(article.id.clone());
                    }
                }
            }
            Action::Close => next.reader = None,
        }
        next
    }

    /// Closes the reader if its article is gone from the feed now on show.
    fn keep_reader_if_present(&mut self) {
        if let (Load::Ready(feed), Some(id)) = (&self.load, &self.reader) {
            if !feed.articles.iter().any(|a| &a.id == id) {
                self.reader = None;
            }
        }
    }

    fn announce(&mut self, announcement: Announcement) {
        let count = self.announcement.map_or(0, |(n, _)| n) + 1;
        self.announcement = Some((count, announcement));
    }

    /// The index of the article open in the reader.
    pub fn reader_index(&self) -> Option<usize> {
        let Load::Ready(feed) = &self.load else {
            return None;
        };
        let id = self.reader.as_ref()?;
        feed.articles.iter().position(|a| &a.id == id)
    }

    /// How many of `available` cards (the articles the visitor's search and chip let through)
    /// are visible for a given `limit`, after the load-more presses so far.
    pub fn visible(&self, available: usize, limit: usize) -> usize {
        match &self.load {
            Load::Ready(_) => available.min(limit.saturating_mul(self.pages_shown + 1)),
            _ => 0,
        }
    }

    /// When the cached copy on show was saved, if the network failed and it stands in.
    pub fn offline_since(&self) -> Option<f64> {
        self.cached_at.filter(|_| self.offline)
    }

    /// The phase to reflect.
    pub fn phase(&self) -> Phase {
        match &self.load {
            Load::Loading => Phase::Loading,
            Load::Failed(_) => Phase::Error,
            Load::Ready(feed) if feed.articles.is_empty() => Phase::Empty,
            Load::Ready(_) => Phase::Ready,
        }
    }
}
