//! What the element's JS API (`refresh()`, `open(id)`, `articles`) can ask of the widget,
//! registered afresh on every render.

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::state::{Load, WidgetState};
use crate::web::ControlHandle;

/// Hands the JS API the feed on show and the callbacks for `open(id)` and `refresh()`; called
/// on every render (a plain function, not a hook: it keeps no state).
pub fn register_control_api(
    control: &ControlHandle,
    state: &UseReducerHandle<WidgetState>,
    on_open: &Callback<(usize, Option<HtmlElement>)>,
    refresh_now: Callback<()>,
) {
    let control = &control.0;
    *control.feed.borrow_mut() = match &state.load {
        Load::Ready(feed) => Some(feed.clone()),
        _ => None,
    };
    let open_by_id = {
        let on_open = on_open.clone();
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
    *control.refresh.borrow_mut() = Some(refresh_now);
}
