//! The host page around a widget: its URL hash and history (deep links), the clipboard and the
//! device's share sheet. Each function does nothing (or reports failure) when the browser lacks
//! the feature.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, EventTarget};

use crate::reading::hash_prefix;

/// The page's current hash, `#…` or empty.
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The page URL without its hash.
pub fn url_without_hash() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// The `history.state` of the entries the widget pushes, so it knows them again after a
/// reload or when the visitor comes Forward to one.
const OUR_ENTRY: &str = "kabar-reader";

fn history() -> Option<web_sys::History> {
    web_sys::window().and_then(|w| w.history().ok())
}

/// Adds a history entry whose hash is `hash` (`#kabar-…`), so Back closes the reader.
pub fn push_hash(hash: &str) {
    if let Some(history) = history() {
        let _ = history.push_state_with_url(&OUR_ENTRY.into(), "", Some(hash));
    }
}

/// Replaces the current entry's hash (`""` removes it) without a new history entry, keeping the
/// entry's state (ours, or the host page's router's).
pub fn replace_hash(hash: &str) {
    if let Some(history) = history() {
        let state = history.state().unwrap_or(JsValue::NULL);
        let url = format!("{}{hash}", url_without_hash());
        let _ = history.replace_state_with_url(&state, "", Some(&url));
    }
}

/// Whether the current history entry is one the widget pushed.
pub fn entry_is_ours() -> bool {
    history()
        .and_then(|h| h.state().ok())
        .and_then(|state| state.as_string())
        .is_some_and(|state| state == OUR_ENTRY)
}

/// Goes back one history entry.
pub fn back() {
    if let Some(history) = history() {
        let _ = history.back();
    }
}

/// The hash prefix of this widget, from its position among the page's widgets.
pub fn widget_hash_prefix(host: &Element) -> String {
    let position = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all("kabar-news, [data-kabar-news]").ok())
        .and_then(|list| {
            (0..list.length()).position(|i| list.item(i).is_some_and(|n| &n == host.as_ref()))
        })
        .unwrap_or(0);
    hash_prefix(position)
}

/// Listens to `popstate` on the window until dropped.
#[derive(Debug)]
#[must_use = "dropping a PopStateListener stops listening"]
pub struct PopStateListener {
    callback: Closure<dyn FnMut()>,
}

impl PopStateListener {
    /// Calls `on_change` whenever the visitor moves through history.
    pub fn new(on_change: impl FnMut() + 'static) -> Option<PopStateListener> {
        let callback = Closure::<dyn FnMut()>::new(on_change);
        let window: EventTarget = web_sys::window()?.unchecked_into();
        window
            .add_event_listener_with_callback("popstate", callback.as_ref().unchecked_ref())
            .ok()?;
        Some(PopStateListener { callback })
    }
}

impl Drop for PopStateListener {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback(
                "popstate",
                self.callback.as_ref().unchecked_ref(),
            );
        }
    }
}

/// `window.navigator`, read by name so no extra web-sys feature is compiled in.
fn navigator() -> Option<JsValue> {
    js_sys::Reflect::get(web_sys::window()?.as_ref(), &"navigator".into()).ok()
}

/// `navigator[name]`, if the browser has it.
fn navigator_member(name: &str) -> Option<JsValue> {
    let navigator = navigator()?;
    js_sys::Reflect::get(&navigator, &name.into())
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Copies text to the clipboard; `on_done` learns whether it worked.
pub fn copy_text(text: &str, on_done: impl FnOnce(bool) + 'static) {
    let promise = navigator_member("clipboard").and_then(|clipboard| {
        let write: js_sys::Function = js_sys::Reflect::get(&clipboard, &"writeText".into())
            .ok()?
            .dyn_into()
            .ok()?;
        write
            .call1(&clipboard, &text.into())
            .ok()?
            .dyn_into::<js_sys::Promise>()
            .ok()
    });
    match promise {
        Some(promise) => wasm_bindgen_futures::spawn_local(async move {
            on_done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
        }),
        None => on_done(false),
    }
}

/// Whether the device has its own share sheet (`navigator.share`).
pub fn can_share() -> bool {
    navigator_member("share").is_some()
}

/// Opens the device's share sheet for a title and URL; a cancelled share is not an error.
pub fn share(title: &str, url: &str) {
    let Some(navigator) = navigator() else {
        return;
    };
    let Some(share) = navigator_member("share").and_then(|f| f.dyn_into::<js_sys::Function>().ok())
    else {
        return;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    if let Ok(result) = share.call1(&navigator, &data) {
        if let Ok(promise) = result.dyn_into::<js_sys::Promise>() {
            // Swallow the rejection when the visitor cancels, so nothing reaches the console.
            let ignore = Closure::<dyn FnMut(JsValue)>::new(|_: JsValue| {});
            let _ = promise.catch(&ignore);
            // Lives until the promise settles; one tiny closure per share.
            ignore.forget();
        }
    }
}
