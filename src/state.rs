//! Widget state and its reducer. Pure: the UI dispatches actions, effects do the I/O.

use std::fmt;
use std::rc::Rc;

use crate::config::FeedUrlProblem;
use crate::feed::{Feed, FeedError};
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
    Network(String),
    /// The answer was not a readable feed.
    Format(FeedError),
}

impl LoadError {
    /// Whether trying again could help; a bad `feed` attribute needs the webmaster instead.
    pub fn is_retryable(&self) -> bool {
        !matches!(self, LoadError::Config(_))
    }

    /// The polite sentence a visitor sees under the error heading.
    pub fn visitor_message(&self, strings: &Strings) -> &'static str {
        match self {
            LoadError::Config(_) => strings.error_config,
            LoadError::Http(_) => strings.error_http,
            LoadError::Timeout(_) => strings.error_timeout,
            LoadError::Network(_) => strings.error_network,
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
            LoadError::Http(status) => write!(
                f,
                "the feed URL answered HTTP {status}; check that the address is right and public"
            ),
            LoadError::Timeout(seconds) => {
                write!(f, "the feed did not answer within {seconds} s")
            }
            LoadError::Network(cause) => write!(
                f,
                "the feed could not be fetched ({cause}); if it is on another domain, it must send Access-Control-Allow-Origin"
            ),
            LoadError::Format(cause) => write!(f, "the feed could not be read: {cause}"),
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

/// Everything the widget shows, derived from actions only.
#[derive(Clone, Debug, PartialEq)]
pub struct WidgetState {
    /// The feed's load state.
    pub load: Load,
    /// Index of the article open in the reader.
    pub reader: Option<usize>,
    /// Bumped by each retry, so the fetch effect runs again.
    pub attempt: u32,
    /// Bumped whenever a load settles, so "ready"/"error" events fire once per load.
    pub settled: u32,
}

impl Default for WidgetState {
    fn default() -> Self {
        WidgetState {
            load: Load::Loading,
            reader: None,
            attempt: 0,
            settled: 0,
        }
    }
}

/// What can happen to a widget.
#[derive(Debug)]
pub enum Action {
    /// The feed arrived.
    Loaded(Feed),
    /// Loading failed.
    Failed(LoadError),
    /// The visitor asked to try again: bumps `attempt`, which starts a new fetch.
    Reload,
    /// A fetch for a new feed URL started.
    Start,
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
                next.settled += 1;
            }
            Action::Failed(error) => {
                next.load = Load::Failed(error);
                next.reader = None;
                next.settled += 1;
            }
            Action::Reload => {
                next.load = Load::Loading;
                next.reader = None;
                next.attempt += 1;
            }
            Action::Start => {
                next.load = Load::Loading;
                next.reader = None;
            }
            Action::Open(index) => {
                if let Load::Ready(feed) = &self.load {
                    if index < feed.articles.len() {
                        next.reader = Some(index);
                    }
                }
            }
            Action::Close => next.reader = None,
        }
        next
    }

    /// The phase to reflect, given how many cards the widget may show.
    pub fn phase(&self) -> Phase {
        match &self.load {
            Load::Loading => Phase::Loading,
            Load::Failed(_) => Phase::Error,
            Load::Ready(feed) if feed.articles.is_empty() => Phase::Empty,
            Load::Ready(_) => Phase::Ready,
        }
    }
}
