//! After "load more" or "show new articles", focus moves to the first new card.

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::state::{Action, WidgetState};
use crate::web::host::focus_in_shadow;

/// Focuses the card the state asks for, once, then tells the state it is done.
#[hook]
pub fn use_focus_card(state: &UseReducerHandle<WidgetState>, host: &HtmlElement) {
    let host = host.clone();
    let dispatcher = state.dispatcher();
    use_effect_with(state.focus_card, move |focus| {
        if let Some(index) = focus {
            let selector = format!(".cards > li:nth-child({}) .card-open", index + 1);
            focus_in_shadow(&host, &selector);
            dispatcher.dispatch(Action::Focused);
        }
    });
}
