//! Fetching the feed as text, with the HTTP status checked.

use gloo_net::http::Request;
use web_sys::AbortSignal;

use crate::state::LoadError;

/// How fetching ended when it did not produce text.
#[derive(Debug)]
pub enum FetchFailure {
    /// Aborted by us (timeout or teardown); the caller knows which.
    Aborted,
    /// A real failure to report.
    Failed(LoadError),
}

/// Fetches `url` and returns the body text of a 2xx answer.
pub async fn fetch_text(url: &str, signal: &AbortSignal) -> Result<String, FetchFailure> {
    let response = Request::get(url)
        .abort_signal(Some(signal))
        .send()
        .await
        .map_err(|e| failure(signal, e))?;
    // gloo-net's send() is Ok for any status: a 404 page must not be parsed as a feed.
    if !response.ok() {
        return Err(FetchFailure::Failed(LoadError::Http(response.status())));
    }
    response.text().await.map_err(|e| failure(signal, e))
}

fn failure(signal: &AbortSignal, error: gloo_net::Error) -> FetchFailure {
    if signal.aborted() {
        FetchFailure::Aborted
    } else {
        FetchFailure::Failed(LoadError::Network(error.to_string()))
    }
}
