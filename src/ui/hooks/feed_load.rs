//! Loading the feeds: cache first, then the network, again when the feed or how it is fetched
//! changes or the visitor retries; new reading settings re-read the text already fetched.

use std::rc::Rc;

use yew::prelude::*;

use super::feed_source::FeedSource;
use crate::config::Config;
use crate::state::{Action, LoadError, Phase, WidgetState};
use crate::web::FeedRequest;

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
            let requests: Vec<FeedRequest> = match config.feed.clone() {
                Err(problem) => {
                    source.reset(&[]);
                    dispatcher.dispatch(Action::Failed(LoadError::Config(problem)));
                    Vec::new()
                }
                Ok(urls) => {
                    source.reset(&urls);
                    if needs_reset {
                        dispatcher.dispatch(Action::Start);
                    }
                    // Every feed, each with its own timeout, retry and saved copy.
                    source.start_feeds(&config, &dispatcher)
                }
            };
            move || drop(requests)
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
            if source.reread(&config).is_some() {
                source.dispatch_arrival(&dispatcher);
            }
        });
    }
}
