//! What the element's JS API (`refresh()`, `open(id)`, `close()`, `articles`) can ask of the widget,
//! registered afresh on every render.

use yew::prelude::*;

use super::deep_links::ReaderLinks;
use crate::state::{Load, WidgetState};
use crate::web::ControlHandle;

/// Hands the JS API the feed on show and the callbacks for `open(id)`, `close()` and `refresh()`; called
/// on every render (a plain function, not a hook: it keeps no state).
pub fn register_control_api(
    control: &ControlHandle,
    state: &UseReducerHandle<WidgetState>,
    links: &ReaderLinks,
    refresh_now: Callback<()>,
) {
    let control = &control.0;
    *control.feed.borrow_mut() = match &state.load {
        Load::Ready(feed) => Some(feed.clone()),
        _ => None,
    };
    let open_by_id = {
        let on_open = links.on_open.clone();
        let state = state.clone();
        Callback::from(move |id: String| {
            if let Load::Ready(feed) = &state.load {
                if let Some(index) = feed.articles.iter().position(|a| a.id == id) {
                    on_open.emit((index, None));
                }
            }
        })
    };
    *control.open.borrow_mut() = Some(open_by_id);
    *control.close.borrow_mut() = Some(links.close_now.clone());
    *control.refresh.borrow_mut() = Some(refresh_now);
}
