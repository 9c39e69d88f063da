//! Component tests in headless Chromium (wasm-bindgen-test): the real mount path, the real
//! DOMParser, the real dialog.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use kabar::sanitize::{sanitize, SafeNode};
use kabar::web::{parse_html, report_panic};
use kabar::widget::{mount, Widget};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Blob, BlobPropertyBag, Document, HtmlElement, ShadowRoot, Url};

wasm_bindgen_test_configure!(run_in_browser);

const FEED: &str = include_str!("../www/feeds/berita.json");
const HOSTILE: &str = include_str!("fixtures/hostile.json");

fn document() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// A same-origin URL for feed text, so the real fetch path runs without a server.
fn blob_url(text: &str) -> String {
    let parts = js_sys::Array::of1(&text.into());
    let options = BlobPropertyBag::new();
    options.set_type("application/feed+json");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).expect("blob");
    Url::create_object_url_with_blob(&blob).expect("blob URL")
}

fn host_with(attrs: &[(&str, &str)]) -> HtmlElement {
    let host: HtmlElement = document()
        .create_element("kabar-news")
        .expect("element")
        .unchecked_into();
    for (name, value) in attrs {
        host.set_attribute(name, value).expect("attribute");
    }
    document()
        .body()
        .expect("body")
        .append_child(&host)
        .expect("append");
    host
}

/// Waits (without a fixed sleep) until `check` holds, for at most five seconds.
async fn until(what: &str, check: impl Fn() -> bool) {
    for _ in 0..250 {
        if check() {
            return;
        }
        yew::platform::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("timed out waiting for {what}");
}

fn shadow(host: &HtmlElement) -> ShadowRoot {
    host.shadow_root().expect("an open shadow root")
}

fn count(root: &ShadowRoot, selector: &str) -> u32 {
    root.query_selector_all(selector)
        .map(|l| l.length())
        .unwrap_or(0)
}

async fn mounted(attrs: &[(&str, &str)]) -> (HtmlElement, Widget) {
    let host = host_with(attrs);
    let widget = mount(host.clone()).expect("mounts");
    let watched = host.clone();
    until("a settled state", move || {
        matches!(
            watched.get_attribute("data-state").as_deref(),
            Some("ready" | "error" | "empty")
        )
    })
    .await;
    (host, widget)
}

#[wasm_bindgen_test]
async fn mounts_and_shows_exactly_limit_cards() {
    let feed = blob_url(FEED);
    let (host, mut widget) = mounted(&[("feed", &feed), ("limit", "3")]).await;
    assert_eq!(host.get_attribute("data-state").as_deref(), Some("ready"));
    let root = shadow(&host);
    assert_eq!(count(&root, "article"), 3);
    assert_eq!(count(&root, "article h3 button"), 3);

    host.set_attribute("limit", "5").expect("attribute");
    widget.update();
    until("five cards", || count(&root, "article") == 5).await;

    widget.destroy();
    assert_eq!(count(&root, "*"), 0, "destroy empties the shadow root");
    host.remove();
}

#[wasm_bindgen_test]
async fn invalid_limit_falls_back_to_the_default() {
    let feed = blob_url(FEED);
    let (host, mut widget) = mounted(&[("feed", &feed), ("limit", "banyak")]).await;
    assert_eq!(count(&shadow(&host), "article"), 6);
    widget.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn opening_a_card_shows_a_modal_dialog_named_by_the_title() {
    let feed = blob_url(FEED);
    let (host, mut widget) = mounted(&[("feed", &feed)]).await;
    let root = shadow(&host);
    let button: HtmlElement = root
        .query_selector("article h3 button")
        .ok()
        .flatten()
        .expect("a card button")
        .unchecked_into();
    let title = button.text_content().unwrap_or_default();
    button.click();
    until("an open dialog", || count(&root, "dialog[open]") == 1).await;
    let dialog = root
        .query_selector("dialog[open]")
        .ok()
        .flatten()
        .expect("dialog");
    let label_id = dialog.get_attribute("aria-labelledby").expect("labelled");
    let label = root.get_element_by_id(&label_id).expect("label element");
    assert_eq!(label.text_content().unwrap_or_default(), title);
    assert!(
        dialog
            .query_selector(".reader-body p")
            .ok()
            .flatten()
            .is_some(),
        "the body is shown"
    );

    let close: HtmlElement = dialog
        .query_selector(".reader-close")
        .ok()
        .flatten()
        .expect("close button")
        .unchecked_into();
    close.click();
    until("the dialog to close", || count(&root, "dialog") == 0).await;
    widget.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn a_missing_feed_shows_the_error_state_without_a_useless_retry() {
    let (host, mut widget) = mounted(&[]).await;
    assert_eq!(host.get_attribute("data-state").as_deref(), Some("error"));
    let root = shadow(&host);
    // Retrying cannot fix a missing attribute, so no retry button is offered.
    assert_eq!(count(&root, ".error button"), 0);
    assert_eq!(
        count(&root, ".error slot"),
        1,
        "the webmaster's fallback content shows"
    );
    let detail = root
        .query_selector(".error-detail")
        .ok()
        .flatten()
        .and_then(|e| e.text_content());
    assert_eq!(
        detail.as_deref(),
        Some("Alamat sumber berita belum diatur dengan benar.")
    );
    widget.destroy();
    host.remove();
}

fn collect(
    nodes: &[SafeNode],
    tags: &mut Vec<&'static str>,
    attrs: &mut Vec<(&'static str, String)>,
) {
    for node in nodes {
        if let SafeNode::Element {
            tag,
            attrs: a,
            children,
        } = node
        {
            tags.push(tag);
            attrs.extend(a.iter().cloned());
            collect(children, tags, attrs);
        }
    }
}

#[wasm_bindgen_test]
fn the_browser_parser_and_the_allowlist_remove_every_script_vector() {
    let feed: serde_json::Value = serde_json::from_str(HOSTILE).expect("fixture is JSON");
    let html = feed["items"][0]["content_html"]
        .as_str()
        .expect("content_html");
    let nodes = sanitize(
        &parse_html(html).expect("DOMParser runs"),
        "https://contoh.go.id/feed.json",
    );
    let (mut tags, mut attrs) = (Vec::new(), Vec::new());
    collect(&nodes, &mut tags, &mut attrs);
    for tag in &tags {
        assert!(
            ![
                "script", "iframe", "svg", "math", "style", "form", "button", "object", "embed",
                "base", "meta", "template", "noscript"
            ]
            .contains(tag),
            "{tag} survived"
        );
    }
    for (name, value) in &attrs {
        let value = value.to_ascii_lowercase();
        assert!(
            !name.starts_with("on") && *name != "style" && *name != "srcdoc",
            "{name} survived"
        );
        assert!(
            !value.contains("javascript:")
                && !value.starts_with("data:text")
                && !value.contains("vbscript:"),
            "{name}={value}"
        );
    }
    assert!(
        tags.contains(&"p") && tags.contains(&"a"),
        "harmless structure stays: {tags:?}"
    );
    let text = format!("{nodes:?}");
    assert!(text.contains("Paragraf aman") && text.contains("Akhir yang aman"));
}

#[wasm_bindgen_test]
fn a_panic_is_reported_once_for_the_loader_to_contain() {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;

    let heard = Rc::new(Cell::new(0));
    let counter = heard.clone();
    let listener = Closure::<dyn Fn()>::new(move || counter.set(counter.get() + 1));
    let window = web_sys::window().expect("window");
    window
        .add_event_listener_with_callback("kabar:panic", listener.as_ref().unchecked_ref())
        .expect("listener");
    report_panic("first");
    report_panic("second");
    assert_eq!(heard.get(), 1);
    let _ = window
        .remove_event_listener_with_callback("kabar:panic", listener.as_ref().unchecked_ref());
}

#[wasm_bindgen_test]
fn the_default_date_without_intl_reads_as_intl_writes_it() {
    use kabar::config::DateStyle;
    use kabar::date::Timestamp;
    use kabar::i18n::Lang;
    use kabar::web::intl::display_date;
    // What the browser's Intl writes for the default date, in the visitor's own time zone.
    let intl = js_sys::Function::new_with_args(
        "ms, locale",
        "return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(ms)",
    );
    for month in 0..12i64 {
        // Late in the UTC day and near midnight, so a visitor's offset can change the date; the
        // feed's own offset (+09:00) differs from most visitors'.
        for seconds_into_day in [60, 16 * 3600 + 59 * 60, 23 * 3600 + 59 * 60] {
            let unix_seconds = 1_767_225_600 + month * 31 * 86_400 + seconds_into_day;
            let ts = Timestamp {
                unix_seconds,
                offset_minutes: 540,
            };
            for (lang, locale) in [(Lang::Id, "id-ID"), (Lang::En, "en-US")] {
                let expected = intl
                    .call2(
                        &wasm_bindgen::JsValue::NULL,
                        &((unix_seconds * 1000) as f64).into(),
                        &locale.into(),
                    )
                    .ok()
                    .and_then(|v| v.as_string());
                assert_eq!(
                    display_date(&ts, DateStyle::Medium, lang, None),
                    expected,
                    "{unix_seconds} in {locale}"
                );
            }
        }
    }
}
