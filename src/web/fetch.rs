//! Fetching feed text: HTTP status checked, a timeout per attempt, one retry after a pause for
//! transient failures, and abort on drop.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo_net::http::{Request, Response};
use gloo_timers::callback::Timeout;
use wasm_bindgen::prelude::*;
use web_sys::{AbortController, AbortSignal};

use crate::charset;
use crate::state::LoadError;

/// Pause before the one automatic retry, in milliseconds (plus up to half again, at random, so
/// many visitors do not retry in step against a struggling server).
const RETRY_PAUSE_MS: f64 = 1200.0;

/// A fetched feed body and the response headers that matter.
#[derive(Debug, Clone)]
pub struct Fetched {
    /// The body.
    pub text: String,
    /// WordPress's `X-WP-TotalPages`.
    pub total_pages: Option<u32>,
}

#[derive(Debug, Default)]
struct Inflight {
    controller: Option<AbortController>,
    timer: Option<Timeout>,
    cancelled: bool,
}

/// A feed request in flight. Dropping it aborts the request and clears its timer, so a widget
/// that goes away (or asks for another feed) leaves nothing running.
#[derive(Debug)]
#[must_use = "dropping a FeedRequest aborts it"]
pub struct FeedRequest {
    inflight: Rc<RefCell<Inflight>>,
}

impl FeedRequest {
    /// Starts fetching `url`; `on_done` gets the text or the reason it failed, unless the
    /// request was dropped first.
    pub fn start(
        url: String,
        timeout_seconds: u32,
        on_done: impl FnOnce(Result<Fetched, LoadError>) + 'static,
    ) -> FeedRequest {
        // One copy of the request's state machine, whichever caller (load, refresh, more).
        FeedRequest::start_boxed(url, timeout_seconds, Box::new(on_done))
    }

    fn start_boxed(
        url: String,
        timeout_seconds: u32,
        on_done: Box<dyn FnOnce(Result<Fetched, LoadError>)>,
    ) -> FeedRequest {
        let inflight = Rc::new(RefCell::new(Inflight::default()));
        let shared = inflight.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let mut outcome = attempt(&url, timeout_seconds, &shared).await;
            if matches!(&outcome, Err(Failure::Failed(error)) if error.is_transient()) {
                sleep(RETRY_PAUSE_MS * (1.0 + js_sys::Math::random() / 2.0)).await;
                if shared.borrow().cancelled {
                    return;
                }
                outcome = attempt(&url, timeout_seconds, &shared).await;
            }
            shared.borrow_mut().timer = None;
            match outcome {
                Ok(fetched) => on_done(Ok(fetched)),
                Err(Failure::Failed(error)) => on_done(Err(error)),
                // Dropped by teardown or a newer request: nobody is waiting.
                Err(Failure::Cancelled) => {}
            }
        });
        FeedRequest { inflight }
    }
}

impl Drop for FeedRequest {
    fn drop(&mut self) {
        let mut inflight = self.inflight.borrow_mut();
        inflight.cancelled = true;
        inflight.timer = None;
        if let Some(controller) = inflight.controller.take() {
            controller.abort();
        }
    }
}

/// How an attempt ended when it did not produce text.
enum Failure {
    /// The request was dropped.
    Cancelled,
    /// A real failure to report (a timeout included).
    Failed(LoadError),
}

/// One request with its own controller and timeout.
async fn attempt(
    url: &str,
    timeout_seconds: u32,
    inflight: &Rc<RefCell<Inflight>>,
) -> Result<Fetched, Failure> {
    let controller = AbortController::new().map_err(|_| {
        Failure::Failed(LoadError::Network {
            cause: "this browser has no AbortController".into(),
            cross_origin_from: None,
        })
    })?;
    let timed_out = Rc::new(Cell::new(false));
    {
        let mut state = inflight.borrow_mut();
        if state.cancelled {
            return Err(Failure::Cancelled);
        }
        let on_timeout = {
            let controller = controller.clone();
            let timed_out = timed_out.clone();
            move || {
                timed_out.set(true);
                controller.abort();
            }
        };
        state.timer = Some(Timeout::new(timeout_seconds * 1000, on_timeout));
        state.controller = Some(controller.clone());
    }
    let signal = controller.signal();
    let result = fetch_text(url, &signal).await;
    match result {
        Err(_) if timed_out.get() => Err(Failure::Failed(LoadError::Timeout(timeout_seconds))),
        Err(_) if signal.aborted() => Err(Failure::Cancelled),
        Err(error) => Err(Failure::Failed(error)),
        Ok(fetched) => Ok(fetched),
    }
}

#[wasm_bindgen]
extern "C" {
    /// The loader's request for `url`, started while the wasm was still downloading (a promise
    /// of its `Response`, aborted with `signal`), handed over once; null if none.
    /// Throws where there is no loader (the component tests), which means the same.
    #[wasm_bindgen(catch, js_namespace = Kabar, js_name = takeFeed)]
    fn take_feed(url: &str, signal: &AbortSignal) -> Result<Option<js_sys::Promise>, JsValue>;
}

/// Fetches `url` and returns the body of a 2xx answer.
async fn fetch_text(url: &str, signal: &AbortSignal) -> Result<Fetched, LoadError> {
    let response = match take_feed(url, signal).ok().flatten() {
        Some(started) => wasm_bindgen_futures::JsFuture::from(started)
            .await
            .map(|raw| Response::from(web_sys::Response::from(raw)))
            .map_err(|e| {
                let message = e.dyn_ref::<js_sys::Error>().map(js_sys::Error::message);
                gloo_net::Error::GlooError(message.map(String::from).unwrap_or_default())
            }),
        None => Request::get(url).abort_signal(Some(signal)).send().await,
    }
    .map_err(|e| network_error(url, e))?;
    // gloo-net's send() is Ok for any status: a 404 page must not be parsed as a feed.
    let content_type = response.headers().get("Content-Type");
    if !response.ok() {
        let status = response.status();
        // WordPress explains a closed REST API in a JSON body; quote it to the webmaster.
        let body = match response.binary().await {
            Ok(bytes) => decode_body(&bytes, content_type.as_deref()),
            Err(_) => String::new(),
        };
        return Err(match crate::feed::rest_error(status, &body, url) {
            Some(error) => LoadError::WordPress(error),
            None => LoadError::Http(status),
        });
    }
    let total_pages = response
        .headers()
        .get("X-WP-TotalPages")
        .and_then(|v| v.trim().parse().ok());
    // Bytes, not `text()`: that is always UTF-8, and feeds come in windows-1252 and UTF-16 too.
    let bytes = response.binary().await.map_err(|e| network_error(url, e))?;
    let text = decode_body(&bytes, content_type.as_deref());
    Ok(Fetched { text, total_pages })
}

/// Decodes a body by its declared or detected charset with the browser's `TextDecoder`, or in
/// Rust for UTF-32 (which `TextDecoder` lacks) and for labels it does not know (as UTF-8).
fn decode_body(bytes: &[u8], content_type: Option<&str>) -> String {
    let charset = charset::detect(bytes, content_type);
    if charset.is_utf32() {
        let little_endian = charset == charset::Charset::Utf32Le;
        return charset::decode_utf32(charset::without_bom(bytes), little_endian);
    }
    web_sys::TextDecoder::new_with_label(charset.label())
        .or_else(|_| web_sys::TextDecoder::new())
        .and_then(|decoder| decoder.decode_with_u8_array(bytes))
        .unwrap_or_default()
}

/// A failed fetch; when the feed is on another origin, CORS is the likely cause and the message
/// says how to fix it.
fn network_error(url: &str, error: gloo_net::Error) -> LoadError {
    let page_origin = web_sys::window().and_then(|w| w.location().origin().ok());
    let cross_origin_from =
        page_origin.filter(|page| crate::url::origin(url).as_ref() != Some(page));
    // Not `error.to_string()`: gloo-net's error also wraps serde_json's, whose messages (and
    // std's I/O error texts) would come along into the wasm; Kabar never asks it for JSON.
    let cause = match error {
        gloo_net::Error::JsError(js) => js.to_string(),
        gloo_net::Error::GlooError(message) => message,
        _ => String::new(),
    };
    LoadError::Network {
        cause,
        cross_origin_from,
    }
}

/// Resolves after `ms` milliseconds.
async fn sleep(ms: f64) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            let _ =
                window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms as i32);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
