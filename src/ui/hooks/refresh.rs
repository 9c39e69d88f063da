//! Fetching the feed again: on a timer (`refresh`) while the page is visible, and when the JS
//! API's `refresh()` asks. Both keep the articles on show if the request fails.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::Interval;
use yew::prelude::*;

use super::feed_source::{warn_webmaster, FeedSource};
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
    let slot: Rc<RefCell<Option<FeedRequest>>> = use_mut_ref(|| None);
    {
        let dispatcher = state.dispatcher();
        let config = config.clone();
        let (slot, source) = (slot.clone(), source.clone());
        use_effect_with((config.feed.clone(), config.refresh_seconds), move |_| {
            let interval = match (config.feed.clone(), config.refresh_seconds) {
                (Ok(url), Some(seconds)) => {
                    let slot = slot.clone();
                    Some(Interval::new(seconds * 1000, move || {
                        if browser::tab_hidden() {
                            return;
                        }
                        let dispatcher = dispatcher.clone();
                        let request = source.fetch(url.clone(), move |outcome| match outcome {
                            Ok(feed) => dispatcher.dispatch(Action::Refreshed(feed)),
                            Err(error) => warn_webmaster(&error),
                        });
                        *slot.borrow_mut() = Some(request);
                    }))
                }
                _ => None,
            };
            move || {
                drop(interval);
                slot.borrow_mut().take();
            }
        });
    }
    let dispatcher = state.dispatcher();
    let source = source.clone();
    Callback::from(move |()| {
        let Ok(url) = source.config().feed.clone() else {
            return;
        };
        let dispatcher = dispatcher.clone();
        let request = source.fetch(url, move |outcome| match outcome {
            Ok(feed) => dispatcher.dispatch(Action::Loaded(feed)),
            // The articles on show stay; the webmaster hears why.
            Err(error) => warn_webmaster(&error),
        });
        *slot.borrow_mut() = Some(request);
    })
}
