//! The host element: its attributes and its shadow root.

use wasm_bindgen::prelude::*;
use web_sys::{
    CssStyleSheet, Element, HtmlDialogElement, HtmlElement, ShadowRoot, ShadowRootInit,
    ShadowRootMode,
};

use crate::config::{parse_config, Config, ConfigWarning, Page};

/// `<kabar-news feed>` reads plain names; `<div data-kabar-news data-feed>` reads `data-` names.
pub fn attribute_prefix(host: &Element) -> &'static str {
    crate::contract::attribute_prefix(&host.local_name())
}

/// Reads and validates the host's attributes.
pub fn read_config(host: &Element) -> (Config, Vec<ConfigWarning>) {
    let prefix = attribute_prefix(host);
    let page_url = host.base_uri().ok().flatten().unwrap_or_default();
    let page_lang = host
        .owner_document()
        .and_then(|d| d.document_element())
        .and_then(|root| root.get_attribute("lang"));
    parse_config(
        |name| host.get_attribute(&format!("{prefix}{name}")),
        prefix,
        Page {
            url: &page_url,
            lang: page_lang.as_deref(),
        },
    )
}

/// Opens (or reuses) the host's shadow root and returns an empty element to render into. The
/// loader has already opened it with the widget's stylesheet (and placeholder cards).
pub fn prepare_shadow_root(host: &HtmlElement) -> Result<Element, JsValue> {
    let shadow: ShadowRoot = match host.shadow_root() {
        Some(existing) => existing,
        None => host
            .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
            .map_err(|_| {
                // Only some elements may have a shadow root (div, section, article, span, …).
                JsValue::from(format!(
                    "Kabar: a <{}> element cannot hold the widget; use <kabar-news> or <div data-kabar-news>",
                    host.local_name()
                ))
            })?,
    };
    let document = host
        .owner_document()
        .ok_or("the host element has no document")?;
    let root = document.create_element("div")?;
    root.set_class_name("kabar-mount");
    shadow.replace_children_with_node_1(&root);
    Ok(root)
}

/// Puts the widget's own CSS (see `Config::custom_properties`) into a stylesheet adopted after
/// the shared one the loader adopted, creating it the first time.
pub fn set_widget_css(host: &HtmlElement, css: &str) {
    let Some(shadow) = host.shadow_root() else {
        return;
    };
    let sheets = shadow.adopted_style_sheets();
    let own = sheets.get(1).dyn_into::<CssStyleSheet>().ok().or_else(|| {
        let sheet = CssStyleSheet::new().ok()?;
        sheets.push(&sheet);
        shadow.set_adopted_style_sheets(&sheets);
        Some(sheet)
    });
    if let Some(sheet) = own {
        let _ = sheet.replace_sync(css);
    }
}

/// Empties the shadow root after the app is destroyed.
pub fn clear_shadow_root(host: &HtmlElement) {
    if let Some(shadow) = host.shadow_root() {
        shadow.replace_children_with_node_0();
    }
}

/// The first element in the host's shadow root that matches `selector`, as the type asked for.
fn find_in_shadow<T: JsCast>(host: &HtmlElement, selector: &str) -> Option<T> {
    host.shadow_root()?
        .query_selector(selector)
        .ok()
        .flatten()?
        .dyn_into::<T>()
        .ok()
}

/// Closes the reader dialog the usual way (its `close` event follows); `false` if none is open.
pub fn close_dialog(host: &HtmlElement) -> bool {
    match find_in_shadow::<HtmlDialogElement>(host, "dialog") {
        Some(dialog) => {
            dialog.close();
            true
        }
        None => false,
    }
}

/// Moves focus to the element in the host's shadow root that matches `selector`, if any.
pub fn focus_in_shadow(host: &HtmlElement, selector: &str) {
    if let Some(element) = find_in_shadow::<HtmlElement>(host, selector) {
        let _ = element.focus();
    }
}
