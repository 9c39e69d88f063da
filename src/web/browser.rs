//! What the browser says about the visit (the tab hidden, the page on https, a wish for less
//! motion) and the console. Each answers safely when the browser lacks the feature.

use js_sys::{Function, Reflect};
use wasm_bindgen::JsCast;

/// Whether the page's tab is hidden (background refreshes wait while it is).
pub fn tab_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

/// Whether the page was served over https (feed images are upgraded to https then).
pub fn page_is_https() -> bool {
    web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "https:")
}

/// The page's host name: links to a private address are reported unless the page is on one too.
pub fn page_host() -> Option<String> {
    web_sys::window().and_then(|w| w.location().hostname().ok())
}

/// Whether the visitor asked for less motion; `true` when there is no window to ask.
pub fn prefers_reduced_motion() -> bool {
    let Some(window) = web_sys::window() else {
        return true;
    };
    // `matchMedia` read by name, so no extra web-sys feature is compiled in.
    let matches = || -> Option<bool> {
        let match_media: Function = Reflect::get(&window, &"matchMedia".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let list = match_media
            .call1(&window, &"(prefers-reduced-motion: reduce)".into())
            .ok()?;
        Reflect::get(&list, &"matches".into()).ok()?.as_bool()
    };
    matches().unwrap_or(false)
}

/// One `console.warn` line for the webmaster.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&message.into());
}
