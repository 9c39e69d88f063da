//! Where every request for the feed starts, and what it does with the answer: read it with the
//! settings of the latest render, keep the text for new reading settings, save a copy.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::cache::SavedFeed;
use crate::config::Config;
use crate::feed::Feed;
use crate::load::{self, Fetch};
use crate::state::{Action, LoadError, WidgetState};
use crate::web::{browser, cache, FeedRequest, Fetched};

/// How long after a feed arrives its copy is saved.
const SAVE_DELAY_MS: u32 = 20;

/// The widget's settings as of the latest render (requests that finish later read with these,
/// not with the ones they started under) and the text behind the articles on show.
#[derive(Clone, Debug)]
pub struct FeedSource {
    latest: Rc<RefCell<Rc<Config>>>,
    last: Rc<RefCell<Option<Fetched>>>,
}

/// The widget's `FeedSource`, brought up to date with this render's settings.
#[hook]
pub fn use_feed_source(config: &Rc<Config>) -> FeedSource {
    let latest = use_mut_ref(|| config.clone());
    *latest.borrow_mut() = config.clone();
    let last = use_mut_ref(|| None::<Fetched>);
    FeedSource { latest, last }
}

impl FeedSource {
    /// The settings of the latest render.
    pub fn config(&self) -> Rc<Config> {
        self.latest.borrow().clone()
    }

    /// The text behind the articles on show, if any.
    pub fn fetched(&self) -> Option<Fetched> {
        self.last.borrow().clone()
    }

    /// Forgets the text (a new feed is on its way).
    pub fn forget(&self) {
        self.last.borrow_mut().take();
    }

    /// Starts a request for `url`; `on_feed` gets the feed, read with the settings current when
    /// it arrives (and saved for the next visit), or the reason there is none. Dropping the
    /// request aborts it.
    pub fn fetch(
        &self,
        url: String,
        on_feed: impl FnOnce(Result<Feed, LoadError>) + 'static,
    ) -> FeedRequest {
        let timeout = self.latest.borrow().timeout_seconds;
        let source = self.clone();
        FeedRequest::start(url.clone(), timeout, move |result| {
            let config = source.config();
            let outcome = result.and_then(|fetched| {
                *source.last.borrow_mut() = Some(fetched.clone());
                read_and_save(&config, &url, fetched)
            });
            on_feed(outcome);
        })
    }

    /// Shows the saved copy of the feed, if there is a readable one; returns whether it is
    /// fresh enough that the network need not be asked.
    pub fn show_saved_copy(
        &self,
        config: &Config,
        url: &str,
        dispatcher: &UseReducerDispatcher<WidgetState>,
    ) -> bool {
        if config.cache_seconds == 0 {
            return false;
        }
        let Some(saved) = cache::load(url) else {
            return false;
        };
        let fetched = Fetched {
            text: saved.text.clone(),
            total_pages: saved.total_pages,
        };
        match read(config, url, &fetched) {
            Ok(feed) => {
                *self.last.borrow_mut() = Some(fetched);
                dispatcher.dispatch(Action::Cached(feed, saved.saved_at));
                saved.is_fresh(cache::now(), config.cache_seconds)
            }
            Err(_) => false,
        }
    }
}

/// Parses fetched text with the widget's settings (see `crate::load`).
pub fn read(config: &Config, url: &str, fetched: &Fetched) -> Result<Feed, LoadError> {
    let page_host = browser::page_host();
    load::read(
        config,
        Fetch {
            url,
            text: &fetched.text,
            total_pages: fetched.total_pages,
            page_is_https: browser::page_is_https(),
            page_host: page_host.as_deref(),
            now_unix: (cache::now() / 1000.0) as i64,
        },
    )
}

/// Parses fetched text and, when it is a usable feed, saves it for the next visit.
fn read_and_save(config: &Config, url: &str, fetched: Fetched) -> Result<Feed, LoadError> {
    let feed = read(config, url, &fetched)?;
    if config.cache_seconds > 0 {
        let saved = SavedFeed {
            saved_at: cache::now(),
            total_pages: fetched.total_pages,
            text: fetched.text,
        };
        // Writing to localStorage blocks; it waits until the cards are drawn.
        let url = url.to_string();
        Timeout::new(SAVE_DELAY_MS, move || cache::save(&url, &saved)).forget();
    }
    Ok(feed)
}

/// One console line for the webmaster with what went wrong and what to fix.
pub fn warn_webmaster(error: &LoadError) {
    // A bad feed attribute was already reported by name when it was read.
    if error.is_retryable() {
        browser::warn(&format!("Kabar: {error}"));
    }
}
