//! Where every request for the widget's feeds starts, and what it does with the answer: read it
//! with the settings of the latest render, keep the text for new reading settings, save a copy,
//! and record it among the widget's feeds, which merge into the one list it shows.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::article::ArticleSource;
use crate::cache::SavedFeed;
use crate::config::Config;
use crate::feed::Feed;
use crate::load::{self, Fetch};
use crate::sources::Sources;
use crate::state::{Action, LoadError, WidgetState};
use crate::web::{browser, cache, FeedRequest, Fetched};

/// How long after a feed arrives its copy is saved.
const SAVE_DELAY_MS: u32 = 20;

/// The widget's settings as of the latest render (requests that finish later read with these,
/// not with the ones they started under), each feed's text and articles, and the requests a
/// visitor's retry started.
#[derive(Clone, Debug)]
pub struct FeedSource {
    latest: Rc<RefCell<Rc<Config>>>,
    texts: Rc<RefCell<Vec<Option<Fetched>>>>,
    sources: Rc<RefCell<Sources>>,
    retries: Rc<RefCell<Vec<FeedRequest>>>,
    /// A merge and render is queued; arrivals before it runs join it.
    queued: Rc<RefCell<bool>>,
}

/// The widget's `FeedSource`, brought up to date with this render's settings.
#[hook]
pub fn use_feed_source(config: &Rc<Config>) -> FeedSource {
    let latest = use_mut_ref(|| config.clone());
    *latest.borrow_mut() = config.clone();
    FeedSource {
        latest,
        texts: use_mut_ref(Vec::new),
        sources: use_mut_ref(Sources::default),
        retries: use_mut_ref(Vec::new),
        queued: use_mut_ref(|| false),
    }
}

impl FeedSource {
    /// The settings of the latest render.
    pub fn config(&self) -> Rc<Config> {
        self.latest.borrow().clone()
    }

    /// Starts over for these feeds: their texts and articles are forgotten, retries aborted.
    pub fn reset(&self, urls: &[String]) {
        *self.texts.borrow_mut() = vec![None; urls.len()];
        *self.sources.borrow_mut() = Sources::new(urls);
        self.retries.borrow_mut().clear();
    }

    /// How many feeds the widget reads.
    pub fn count(&self) -> usize {
        self.texts.borrow().len()
    }

    /// What the widget shows now (see [`Sources::outcome`]), merged once per call.
    pub fn outcome(&self) -> Option<Result<Feed, LoadError>> {
        self.sources.borrow().outcome(self.config().sort)
    }

    /// Whether no request of the widget's is under way.
    pub fn settled(&self) -> bool {
        self.sources.borrow().settled()
    }

    /// The feeds that failed with nothing to show.
    pub fn unavailable(&self) -> Vec<(usize, ArticleSource)> {
        self.sources.borrow().failed()
    }

    /// The next page of each feed that has one.
    pub fn next_pages(&self) -> Vec<(usize, String)> {
        self.sources.borrow().next_pages()
    }

    /// Records a further page of feed `index`, or why it failed.
    pub fn add_page(&self, index: usize, page: Result<Feed, LoadError>) {
        match page {
            Ok(page) => {
                let sort = self.config().sort;
                self.sources.borrow_mut().append_page(index, page, sort);
            }
            Err(error) => self.warn(index, &error),
        }
    }

    /// Starts a request for feed `index`; when it ends, its articles (read with the settings
    /// current then, and saved for the next visit) or its failure are recorded, then `on_arrival`
    /// runs. Dropping the request aborts it.
    pub fn fetch(&self, index: usize, on_arrival: impl FnOnce() + 'static) -> Option<FeedRequest> {
        let url = self.sources.borrow().urls().nth(index)?.to_string();
        self.sources.borrow_mut().start(index);
        let timeout = self.config().timeout_seconds;
        let source = self.clone();
        Some(FeedRequest::start(url.clone(), timeout, move |result| {
            if source.count() > 1 {
                // Answers that land together are read one task each, not all in one.
                Timeout::new(0, move || source.record(index, &url, result, on_arrival)).forget();
            } else {
                source.record(index, &url, result, on_arrival);
            }
        }))
    }

    /// Reads an answer for feed `index` (or records why there is none), then runs `on_arrival`.
    fn record(
        &self,
        index: usize,
        url: &str,
        result: Result<Fetched, LoadError>,
        on_arrival: impl FnOnce(),
    ) {
        // The widget may have moved on to other feeds meanwhile.
        if self.sources.borrow().urls().nth(index) != Some(url) {
            return;
        }
        let config = self.config();
        let outcome = result.and_then(|fetched| {
            if let Some(text) = self.texts.borrow_mut().get_mut(index) {
                *text = Some(fetched.clone());
            }
            read_and_save(&config, url, fetched)
        });
        match &outcome {
            Err(error) => self.warn(index, error),
            // With several feeds, each one's notes are said once, naming it, as it arrives.
            Ok(feed) if self.count() > 1 => {
                let notes = feed.warnings.iter().map(|w| format!("{url}: {w}"));
                for line in feed.skip_summary(url).into_iter().chain(notes) {
                    browser::warn(&format!("Kabar: {line}"));
                }
            }
            Ok(_) => {}
        }
        self.sources.borrow_mut().set(index, outcome);
        on_arrival();
    }

    /// Asks again for the feeds that failed; each arrival updates the widget.
    pub fn retry_unavailable(&self, dispatcher: &UseReducerDispatcher<WidgetState>) {
        for (index, _) in self.unavailable() {
            let (source, dispatcher) = (self.clone(), dispatcher.clone());
            let request = self.fetch(index, move || source.queue_arrival(dispatcher));
            self.retries.borrow_mut().extend(request);
        }
    }

    /// Shows what has arrived in a task of its own: parsing a large feed and drawing the cards
    /// in one would block the page for longer than either. Feeds that arrive before it runs
    /// join it, so the list is merged once for them all.
    pub fn queue_arrival(&self, dispatcher: UseReducerDispatcher<WidgetState>) {
        if std::mem::replace(&mut *self.queued.borrow_mut(), true) {
            return;
        }
        let source = self.clone();
        Timeout::new(0, move || {
            *source.queued.borrow_mut() = false;
            source.dispatch_arrival(&dispatcher);
        })
        .forget();
    }

    /// Shows what has arrived so far: the merged articles and the feeds that failed, or the
    /// error once every feed failed.
    pub fn dispatch_arrival(&self, dispatcher: &UseReducerDispatcher<WidgetState>) {
        let offline = self.sources.borrow().offline();
        match (self.outcome(), offline) {
            // Saved copies on show and the network failing: they stay, marked offline.
            (Some(Ok(_)), Some(error)) => dispatcher.dispatch(Action::Failed(error)),
            (Some(Ok(feed)), None) => {
                dispatcher.dispatch(Action::Loaded(feed));
                let failed = self.unavailable().into_iter().map(|(_, s)| s).collect();
                dispatcher.dispatch(Action::Unavailable(failed));
            }
            (Some(Err(error)), _) => dispatcher.dispatch(Action::Failed(error)),
            (None, _) => {}
        }
    }

    /// Shows the saved copy of each feed that has one and asks the network for the others;
    /// returns the requests started. One feed's copy is read at once, so a repeat visit shows its
    /// cards in the first render. With several feeds, each copy is read, and its request started
    /// when the copy is missing or old, in a task of its own: reading twelve copies in the task
    /// that mounts the widget blocked the page for over 50 ms.
    pub fn start_feeds(
        &self,
        config: &Rc<Config>,
        dispatcher: &UseReducerDispatcher<WidgetState>,
    ) -> Vec<FeedRequest> {
        let urls: Vec<String> = self.sources.borrow().urls().map(String::from).collect();
        let count = urls.len();
        let mut requests = Vec::new();
        for (index, url) in urls.into_iter().enumerate() {
            let at_once = (index == 0 && count == 1) || config.cache_seconds == 0;
            let (source, config, dispatcher) = (self.clone(), config.clone(), dispatcher.clone());
            let start = move || source.start_feed(index, &url, &config, dispatcher);
            if at_once {
                requests.extend(start());
            } else {
                let source = self.clone();
                Timeout::new(0, move || source.retries.borrow_mut().extend(start())).forget();
            }
        }
        requests
    }

    /// Shows feed `index`'s saved copy, if it has one, and asks the network unless the copy is
    /// fresh.
    fn start_feed(
        &self,
        index: usize,
        url: &str,
        config: &Rc<Config>,
        dispatcher: UseReducerDispatcher<WidgetState>,
    ) -> Option<FeedRequest> {
        // The widget may have moved on to other feeds meanwhile.
        if self.sources.borrow().urls().nth(index) != Some(url) {
            return None;
        }
        let saved = (config.cache_seconds > 0)
            .then(|| cache::load(url))
            .flatten();
        if let Some(saved) = saved {
            let fresh = saved.is_fresh(cache::now(), config.cache_seconds);
            // A fresh copy that no longer reads is fetched instead.
            if self.show_saved(index, url, saved, fresh, config, &dispatcher) && fresh {
                return None;
            }
        }
        let source = self.clone();
        self.fetch(index, move || source.queue_arrival(dispatcher))
    }

    /// Reads one saved copy and shows it; returns whether it could be read.
    fn show_saved(
        &self,
        index: usize,
        url: &str,
        saved: SavedFeed,
        fresh: bool,
        config: &Config,
        dispatcher: &UseReducerDispatcher<WidgetState>,
    ) -> bool {
        let fetched = Fetched {
            text: saved.text,
            total_pages: saved.total_pages,
        };
        let Ok(feed) = read(config, url, &fetched) else {
            return false;
        };
        self.texts.borrow_mut()[index] = Some(fetched);
        if fresh {
            // Fresh enough: this feed will not be asked, so it counts as arrived.
            self.sources.borrow_mut().set(index, Ok(feed));
        } else {
            self.sources.borrow_mut().set_saved(index, feed);
        }
        if let Some(Ok(feed)) = self.outcome() {
            dispatcher.dispatch(Action::Cached(feed, saved.saved_at));
        }
        true
    }

    /// Reads every feed's text again with new reading settings; no request.
    pub fn reread(&self, config: &Config) -> Option<Result<Feed, LoadError>> {
        let urls: Vec<String> = self.sources.borrow().urls().map(String::from).collect();
        for (index, url) in urls.iter().enumerate() {
            let text = self.texts.borrow().get(index).cloned().flatten();
            if let Some(fetched) = text {
                let outcome = read(config, url, &fetched);
                self.sources.borrow_mut().set(index, outcome);
            }
        }
        self.sources.borrow().outcome(config.sort)
    }

    /// One console line for the webmaster, naming the feed when there are several.
    fn warn(&self, index: usize, error: &LoadError) {
        if self.count() > 1 {
            let url = self.sources.borrow().urls().nth(index).map(String::from);
            browser::warn(&format!("Kabar: {}: {error}", url.unwrap_or_default()));
        } else {
            warn_webmaster(error);
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
