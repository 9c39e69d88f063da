//! Browser glue, a leaf: thin wrappers over web-sys for the host element, fetching, storage,
//! dates, history and events. Nothing here imports the components (`ui`); `crate::widget` joins
//! the two.

pub mod browser;
pub mod cache;
mod control;
mod dom;
mod events;
mod fetch;
pub mod host;
pub mod intl;
pub mod page;

use std::cell::Cell;

use wasm_bindgen::prelude::*;

pub use control::{Control, ControlHandle};
pub use dom::parse_html;
pub use events::{dispatch, set_state, WidgetEvent};
pub use fetch::{FeedRequest, Fetched};
pub use host::set_widget_css;

thread_local! {
    static PANICKED: Cell<bool> = const { Cell::new(false) };
}

/// Installs the panic hook once the module is instantiated.
#[wasm_bindgen(start)]
pub fn start() {
    yew::set_custom_panic_hook(Box::new(|info| report_panic(&info.to_string())));
}

/// Reports a panic once: one console error, and `kabar:panic` on `window`, which the loader
/// answers by showing every widget's fallback and never calling into the module again.
pub fn report_panic(message: &str) {
    if PANICKED.with(|p| p.replace(true)) {
        return;
    }
    web_sys::console::error_1(&format!("Kabar stopped after an internal error: {message}").into());
    if let Some(window) = web_sys::window() {
        if let Ok(event) = web_sys::Event::new("kabar:panic") {
            let _ = window.dispatch_event(&event);
        }
    }
}
