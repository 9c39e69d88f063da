//! "Load more": the next `limit` articles already loaded, then the feed's next page.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use super::feed_source::{read, warn_webmaster};
use super::visitor_filters::VisitorFilters;
use crate::config::Config;
use crate::state::{Action, Load, WidgetState};
use crate::web::FeedRequest;

/// The "load more" button's callback; `visible` is how many cards show now.
#[hook]
pub fn use_load_more(
    state: &UseReducerHandle<WidgetState>,
    config: &Rc<Config>,
    filters: &VisitorFilters,
    visible: usize,
) -> Callback<MouseEvent> {
    let slot: Rc<RefCell<Option<FeedRequest>>> = use_mut_ref(|| None);
    let dispatcher = state.dispatcher();
    let state = state.clone();
    let config = config.clone();
    let total = filters.matching.len();
    let searching = filters.searching();
    Callback::from(move |_: MouseEvent| {
        let Load::Ready(feed) = &state.load else {
            return;
        };
        if visible < total {
            dispatcher.dispatch(Action::ShowMore(visible));
            return;
        }
        // Further pages are fetched for the whole feed, not for a search.
        let Some(next) = feed.next_page.clone().filter(|_| !searching) else {
            return;
        };
        dispatcher.dispatch(Action::MoreLoading);
        let (dispatcher, config) = (dispatcher.clone(), config.clone());
        let request =
            FeedRequest::start(
                next.clone(),
                config.timeout_seconds,
                move |result| match result.and_then(|fetched| read(&config, &next, &fetched)) {
                    Ok(page) => dispatcher.dispatch(Action::MoreLoaded(page, config.sort, visible)),
                    Err(error) => {
                        warn_webmaster(&error);
                        dispatcher.dispatch(Action::MoreFailed);
                    }
                },
            );
        *slot.borrow_mut() = Some(request);
    })
}
