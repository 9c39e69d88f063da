//! WordPress's REST error objects on a non-2xx answer (`{"code":"rest_login_required",
//! "message":"…","data":{"status":401}}`): the REST API is switched off for visitors (a security
//! plugin, or a setting), or the route does not exist. Its RSS feed usually still works.

use serde_json::Value;

/// A WordPress REST error as the server sent it, with where its RSS feed should be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RestError {
    /// The HTTP status of the answer.
    pub status: u16,
    /// WordPress's `code`, e.g. `rest_login_required`.
    pub code: String,
    /// WordPress's `message`, in the site's language.
    pub message: String,
    /// The site's RSS feed, derived from the REST URL asked for.
    pub rss_url: String,
}

/// The error object in `body`, if it is one WordPress wrote (a `code` that starts with `rest_`).
pub fn rest_error(status: u16, body: &str, feed_url: &str) -> Option<RestError> {
    // Only a JSON object can be one: skip parsing an HTML error page.
    if !body.trim_start().starts_with('{') {
        return None;
    }
    let value: Value = serde_json::from_str(body).ok()?;
    let code = value.get("code")?.as_str()?;
    if !code.starts_with("rest_") {
        return None;
    }
    let message = value
        .get("message")
        .and_then(Value::as_str)
        .unwrap_or_default();
    Some(RestError {
        status,
        code: crate::text::collapse_whitespace(code),
        message: crate::text::collapse_whitespace(message),
        rss_url: rss_url(feed_url),
    })
}

/// The RSS feed of the WordPress whose REST URL is `feed_url`: its home (the part before
/// `/wp-json`, `/index.php` or `?rest_route=`) plus `/feed/`.
pub fn rss_url(feed_url: &str) -> String {
    let without_query = feed_url.split(['?', '#']).next().unwrap_or_default();
    let home = without_query
        .find("/wp-json")
        .map_or(without_query, |at| &without_query[..at]);
    let home = home.trim_end_matches('/');
    let home = home.strip_suffix("/index.php").unwrap_or(home);
    format!("{}/feed/", home.trim_end_matches('/'))
}
