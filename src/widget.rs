//! The entry points the loader calls: `mount` a widget on a host element, then `update`,
//! `refresh`, `open`, `close`, `articles` and `destroy` it. The one module that depends on both
//! the browser layer (`web`) and the components (`ui`); neither of those imports the other.

use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;
use yew::AppHandle;

use crate::config::{ConfigWarning, ATTRIBUTES, ATTR_TIMEZONE};
use crate::i18n::Strings;
use crate::ui::{App, AppProps};
use crate::web::{browser, host, intl, ControlHandle};

/// The attribute names the widget reads, for the custom element's `observedAttributes`.
#[wasm_bindgen]
pub fn attributes() -> Vec<String> {
    ATTRIBUTES
        .iter()
        .map(|a| a.to_string())
        .chain(Strings::KEYS.iter().map(|key| Strings::attribute_name(key)))
        .collect()
}

/// One widget mounted on a host element; the loader keeps it until the element leaves the page.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Widget {
    host: HtmlElement,
    app: Option<AppHandle<App>>,
    warnings: Vec<ConfigWarning>,
    control: ControlHandle,
}

/// Mounts a widget into `host`'s open shadow root.
#[wasm_bindgen]
pub fn mount(host: HtmlElement) -> Result<Widget, JsValue> {
    let root = host::prepare_shadow_root(&host)?;
    let mut widget = Widget {
        host: host.clone(),
        app: None,
        warnings: Vec::new(),
        control: ControlHandle::default(),
    };
    let props = widget.read_props();
    widget.app = Some(yew::Renderer::<App>::with_root_and_props(root, props).render());
    Ok(widget)
}

#[wasm_bindgen]
impl Widget {
    /// Re-reads the attributes after one changed and re-renders.
    pub fn update(&mut self) {
        let props = self.read_props();
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
    }

    /// Fetches the feed again now, bypassing the cache; the articles are replaced in place.
    pub fn refresh(&self) {
        if let Some(refresh) = self.control.0.refresh.borrow().as_ref() {
            refresh.emit(());
        }
    }

    /// Opens the article with this id in the reader; `false` if there is no such article (yet).
    pub fn open(&self, id: &str) -> bool {
        let known = self
            .control
            .0
            .feed
            .borrow()
            .as_ref()
            .is_some_and(|feed| feed.articles.iter().any(|a| a.id == id));
        let open = self.control.0.open.borrow().clone();
        match open {
            Some(open) if known => {
                open.emit(id.to_string());
                true
            }
            _ => false,
        }
    }

    /// Closes the reader, if it is open.
    pub fn close(&self) {
        // Cloned first: the callback may render, and a render registers a new one.
        let close = self.control.0.close.borrow().clone();
        if let Some(close) = close {
            close.emit(());
        }
    }

    /// The articles on show, as plain objects.
    pub fn articles(&self) -> JsValue {
        self.control.0.articles()
    }

    /// Tears the widget down: effects clean up (requests aborted, timers cleared) and the shadow
    /// root is emptied so the light-DOM fallback would show again if the element came back.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        host::clear_shadow_root(&self.host);
    }
}

impl Widget {
    fn read_props(&mut self) -> AppProps {
        let (mut config, mut warnings) = host::read_config(&self.host);
        // Only the browser knows its time zones.
        if let Some(zone) = config.timezone.take() {
            if intl::time_zone_works(&zone) {
                config.timezone = Some(zone);
            } else {
                let prefix = host::attribute_prefix(&self.host);
                warnings.push(ConfigWarning {
                    attribute: format!("{prefix}{ATTR_TIMEZONE}"),
                    value: Some(zone),
                    advice: "is not a time zone this browser knows (e.g. Asia/Jakarta); the visitor's is used".into(),
                });
            }
        }
        // One console line per distinct problem, not one per re-render.
        for warning in &warnings {
            if !self.warnings.contains(warning) {
                browser::warn(&warning.to_string());
            }
        }
        self.warnings = warnings;
        AppProps {
            config: Rc::new(config),
            host: self.host.clone(),
            control: self.control.clone(),
        }
    }
}
