//! "Load more": the next `limit` articles already loaded, then the next page of every feed
//! that has one.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use super::feed_source::{read, FeedSource};
use super::visitor_filters::VisitorFilters;
use crate::state::{Action, Load, WidgetState};
use crate::web::FeedRequest;

/// The "load more" button's callback; `visible` is how many cards show now.
#[hook]
pub fn use_load_more(
    state: &UseReducerHandle<WidgetState>,
    source: &FeedSource,
    filters: &VisitorFilters,
    visible: usize,
) -> Callback<MouseEvent> {
    let slot: Rc<RefCell<Vec<FeedRequest>>> = use_mut_ref(Vec::new);
    let dispatcher = state.dispatcher();
    let state = state.clone();
    let source = source.clone();
    let total = filters.matching.len();
    let searching = filters.searching();
    Callback::from(move |_: MouseEvent| {
        let Load::Ready(_) = &state.load else {
            return;
        };
        if visible < total {
            dispatcher.dispatch(Action::ShowMore(visible));
            return;
        }
        // Further pages are fetched for the whole feed, not for a search.
        let next_pages = source.next_pages();
        if searching || next_pages.is_empty() {
            return;
        }
        dispatcher.dispatch(Action::MoreLoading);
        // Every feed that has more gives its next page; the list is merged again once all
        // have answered, so the merged order holds.
        let waiting = Rc::new(Cell::new(next_pages.len()));
        let added = Rc::new(Cell::new(false));
        let config = source.config();
        *slot.borrow_mut() = next_pages
            .into_iter()
            .map(|(index, next)| {
                let (source, dispatcher) = (source.clone(), dispatcher.clone());
                let (waiting, added, config) = (waiting.clone(), added.clone(), config.clone());
                FeedRequest::start(next.clone(), config.timeout_seconds, move |result| {
                    let page = result.and_then(|fetched| read(&config, &next, &fetched));
                    added.set(added.get() || page.is_ok());
                    source.add_page(index, page);
                    waiting.set(waiting.get() - 1);
                    if waiting.get() > 0 {
                        return;
                    }
                    match source.outcome() {
                        Some(Ok(feed)) if added.get() => {
                            dispatcher.dispatch(Action::MoreLoaded(feed, visible))
                        }
                        _ => dispatcher.dispatch(Action::MoreFailed),
                    }
                })
            })
            .collect();
    })
}
