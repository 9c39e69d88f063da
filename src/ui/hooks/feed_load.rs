//! Loading the feed: cache first, then the network, again when the feed or how it is fetched
//! changes or the visitor retries; new reading settings re-read the text already fetched.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use yew::prelude::*;

use super::feed_source::{read, warn_webmaster, FeedSource};
use crate::config::Config;
use crate::feed::Feed;
use crate::state::{Action, LoadError, Phase, WidgetState};

/// Loads whenever the feed or how it is fetched changes, or the visitor retries. A saved copy
/// shows at once; the network is asked unless that copy is still fresh. The effect's cleanup
/// drops the request, which aborts it and clears its timer.
#[hook]
pub fn use_feed_load(
    state: &UseReducerHandle<WidgetState>,
    config: &Rc<Config>,
    source: &FeedSource,
) {
    {
        let dispatcher = state.dispatcher();
        let needs_reset = state.phase() != Phase::Loading;
        let config = config.clone();
        let source = source.clone();
        let key = (
            config.feed.clone(),
            state.attempt,
            (config.timeout_seconds, config.cache_seconds),
        );
        use_effect_with(key, move |_| {
            source.forget();
            let request = match config.feed.clone() {
                Err(problem) => {
                    dispatcher.dispatch(Action::Failed(LoadError::Config(problem)));
                    None
                }
                Ok(url) => {
                    if needs_reset {
                        dispatcher.dispatch(Action::Start);
                    }
                    let fresh = source.show_saved_copy(&config, &url, &dispatcher);
                    (!fresh).then(|| {
                        source.fetch(url, move |outcome| {
                            let action = loaded_or_failed(outcome);
                            // Drawing the cards is a task of its own: parsing a large feed and
                            // rendering in one would block the page for longer than either.
                            Timeout::new(0, move || dispatcher.dispatch(action)).forget();
                        })
                    })
                }
            };
            move || drop(request)
        });
    }

    // New reading settings (format, fields, sort, filters) re-read the text already fetched: no
    // request.
    {
        let dispatcher = state.dispatcher();
        let config = config.clone();
        let source = source.clone();
        let key = (
            config.format,
            config.fields.clone(),
            config.sort,
            config.filters.clone(),
        );
        let mounted = use_mut_ref(|| false);
        use_effect_with(key, move |_| {
            // On mount the load effect reads the feed itself.
            if !std::mem::replace(&mut *mounted.borrow_mut(), true) {
                return;
            }
            if let (Some(fetched), Ok(url)) = (source.fetched(), &config.feed) {
                dispatcher.dispatch(loaded_or_failed(read(&config, url, &fetched)));
            }
        });
    }
}

/// The action for a finished load; a failure is also explained to the webmaster.
fn loaded_or_failed(outcome: Result<Feed, LoadError>) -> Action {
    match outcome {
        Ok(feed) => Action::Loaded(feed),
        Err(error) => {
            warn_webmaster(&error);
            Action::Failed(error)
        }
    }
}
