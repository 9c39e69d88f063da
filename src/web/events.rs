//! The host element's public events and `data-state`.

use serde::Serialize;
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

use crate::article::ArticleSource;
use crate::state::Phase;

/// An event the widget dispatches on its host element.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum WidgetEvent<'a> {
    /// `kabar:ready` with the number of cards shown and the feed's format.
    Ready {
        /// Cards shown.
        count: usize,
        /// The format the feed was read as (the `format` attribute's keyword), for the
        /// configurator's pre-flight check.
        format: &'static str,
    },
    /// `kabar:error` with a message for the webmaster.
    Error {
        /// What went wrong and what to fix.
        message: String,
    },
    /// `kabar:open` when the reader opens an article.
    Open {
        /// The article's feed id.
        id: &'a str,
        /// The original URL, or null.
        url: Option<&'a str>,
        /// The plain-text title.
        title: &'a str,
        /// The feed it came from.
        source: Option<&'a ArticleSource>,
    },
    /// `kabar:close` when the reader closes.
    Close,
    /// `kabar:click` when a visitor clicks a card (for analytics).
    Click {
        /// The article's feed id.
        id: &'a str,
        /// The original URL, or null.
        url: Option<&'a str>,
        /// 1-based position of the card among those shown.
        position: usize,
        /// The feed it came from.
        source: Option<&'a ArticleSource>,
    },
}

impl WidgetEvent<'_> {
    fn name(&self) -> &'static str {
        match self {
            WidgetEvent::Ready { .. } => "kabar:ready",
            WidgetEvent::Error { .. } => "kabar:error",
            WidgetEvent::Open { .. } => "kabar:open",
            WidgetEvent::Close => "kabar:close",
            WidgetEvent::Click { .. } => "kabar:click",
        }
    }
}

/// Dispatches a bubbling, composed `CustomEvent` on the host.
pub fn dispatch(host: &HtmlElement, event: WidgetEvent<'_>) {
    let detail = match event {
        WidgetEvent::Close => JsValue::NULL,
        ref other => serde_wasm_bindgen::to_value(other).unwrap_or(JsValue::NULL),
    };
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(custom) = CustomEvent::new_with_event_init_dict(event.name(), &init) {
        let _ = host.dispatch_event(&custom);
    }
}

/// Reflects the widget's phase as `data-state` on the host.
pub fn set_state(host: &HtmlElement, phase: Phase) {
    let _ = host.set_attribute("data-state", phase.as_str());
}
