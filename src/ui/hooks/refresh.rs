//! Fetching the feeds again: on a timer (`refresh`) while the page is visible, and when the JS
//! API's `refresh()` asks. Both keep the articles on show if the request fails.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Interval;
use yew::prelude::*;

use super::feed_source::FeedSource;
use crate::config::Config;
use crate::state::{Action, WidgetState};
use crate::web::{browser, FeedRequest};

/// Runs the background refresh and returns the callback for `refresh()`. One request at a time:
/// a new one replaces (and so aborts) the one before.
#[hook]
pub fn use_refresh(
    state: &UseReducerHandle<WidgetState>,
    config: &Rc<Config>,
    source: &FeedSource,
) -> Callback<()> {
    let slot: Rc<RefCell<Vec<FeedRequest>>> = use_mut_ref(Vec::new);
    {
        let dispatcher = state.dispatcher();
        let config = config.clone();
        let (slot, source) = (slot.clone(), source.clone());
        use_effect_with((config.feed.clone(), config.refresh_seconds), move |_| {
            let interval = config.refresh_seconds.map(|seconds| {
                let slot = slot.clone();
                Interval::new(seconds * 1000, move || {
                    if browser::tab_hidden() {
                        return;
                    }
                    // New articles wait for the visitor once every feed has answered.
                    *slot.borrow_mut() = fetch_all(
                        &source,
                        |source, dispatcher| {
                            if let (true, Some(Ok(feed))) = (source.settled(), source.outcome()) {
                                dispatcher.dispatch(Action::Refreshed(feed));
                            }
                        },
                        &dispatcher,
                    );
                })
            });
            move || {
                drop(interval);
                slot.borrow_mut().clear();
            }
        });
    }
    let dispatcher = state.dispatcher();
    let source = source.clone();
    Callback::from(move |()| {
        // The articles on show stay through failures; the webmaster hears why.
        *slot.borrow_mut() = fetch_all(&source, FeedSource::dispatch_arrival, &dispatcher);
    })
}

/// Asks every feed again; `on_arrival` runs after each answer.
fn fetch_all(
    source: &FeedSource,
    on_arrival: fn(&FeedSource, &UseReducerDispatcher<WidgetState>),
    dispatcher: &UseReducerDispatcher<WidgetState>,
) -> Vec<FeedRequest> {
    (0..source.count())
        .filter_map(|index| {
            let (source_now, dispatcher) = (source.clone(), dispatcher.clone());
            source.fetch(index, move || on_arrival(&source_now, &dispatcher))
        })
        .collect()
}
