//! Fetching and parsing a feed, with the HTTP status checked, a timeout, and abort on drop.

use std::cell::Cell;
use std::rc::Rc;

use gloo_net::http::Request;
use gloo_timers::callback::Timeout;
use web_sys::{AbortController, AbortSignal};

use crate::feed::{self, Feed};
use crate::state::LoadError;

/// Seconds before a feed request is given up.
pub const TIMEOUT_SECONDS: u32 = 10;

/// A feed request in flight. Dropping it aborts the request and clears its timer, so a widget
/// that goes away (or asks for another feed) leaves nothing running.
#[derive(Debug)]
pub struct FeedRequest {
    controller: AbortController,
    _timer: Timeout,
}

impl FeedRequest {
    /// Starts fetching `url`; `on_done` gets the parsed feed or the reason it failed, unless the
    /// request was dropped first.
    pub fn start(
        url: String,
        on_done: impl FnOnce(Result<Feed, LoadError>) + 'static,
    ) -> Result<FeedRequest, LoadError> {
        let controller = AbortController::new()
            .map_err(|_| LoadError::Network("this browser has no AbortController".into()))?;
        let timed_out = Rc::new(Cell::new(false));
        let timer = {
            let controller = controller.clone();
            let timed_out = timed_out.clone();
            Timeout::new(TIMEOUT_SECONDS * 1000, move || {
                timed_out.set(true);
                controller.abort();
            })
        };
        let signal = controller.signal();
        wasm_bindgen_futures::spawn_local(async move {
            let result = match fetch_text(&url, &signal).await {
                Ok(text) => feed::parse(&text, &url).map_err(LoadError::Format),
                Err(Failure::Failed(error)) => Err(error),
                Err(Failure::Aborted) if timed_out.get() => {
                    Err(LoadError::Timeout(TIMEOUT_SECONDS))
                }
                // Dropped by teardown or a newer request: nobody is waiting.
                Err(Failure::Aborted) => return,
            };
            on_done(result);
        });
        Ok(FeedRequest {
            controller,
            _timer: timer,
        })
    }
}

impl Drop for FeedRequest {
    fn drop(&mut self) {
        self.controller.abort();
    }
}

/// How fetching ended when it did not produce text.
enum Failure {
    /// Aborted by us (timeout or drop); the caller knows which.
    Aborted,
    /// A real failure to report.
    Failed(LoadError),
}

/// Fetches `url` and returns the body text of a 2xx answer.
async fn fetch_text(url: &str, signal: &AbortSignal) -> Result<String, Failure> {
    let response = Request::get(url)
        .abort_signal(Some(signal))
        .send()
        .await
        .map_err(|e| failure(signal, e))?;
    // gloo-net's send() is Ok for any status: a 404 page must not be parsed as a feed.
    if !response.ok() {
        return Err(Failure::Failed(LoadError::Http(response.status())));
    }
    response.text().await.map_err(|e| failure(signal, e))
}

fn failure(signal: &AbortSignal, error: gloo_net::Error) -> Failure {
    if signal.aborted() {
        Failure::Aborted
    } else {
        Failure::Failed(LoadError::Network(error.to_string()))
    }
}
