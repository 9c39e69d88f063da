//! The channel from the element's JS API (`refresh()`, `open(id)`, `articles`) to the running
//! widget: the App registers what it can do on every render; the `Widget` calls it.

use std::cell::RefCell;
use std::rc::Rc;

use serde::Serialize;
use wasm_bindgen::JsValue;
use yew::Callback;

use crate::article::{Article, ArticleSource};
use crate::feed::Feed;

/// What the widget offers its JS API, refreshed by every render.
#[derive(Debug, Default)]
pub struct Control {
    /// Fetches the feed again now, bypassing the cache.
    pub refresh: RefCell<Option<Callback<()>>>,
    /// Opens the article with this id in the reader.
    pub open: RefCell<Option<Callback<String>>>,
    /// Closes the reader now, in the widget's state, rather than after the dialog's `close`
    /// event: a script's `close()` then `open(id)` in one task ends with that article open.
    pub close: RefCell<Option<Callback<()>>>,
    /// The articles on show (after the webmaster's filters).
    pub feed: RefCell<Option<Rc<Feed>>>,
}

/// A shared `Control`, compared by identity so it never causes a re-render.
#[derive(Clone, Debug, Default)]
pub struct ControlHandle(pub Rc<Control>);

impl PartialEq for ControlHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// An article as the JS API hands it out: plain data, dates in UTC RFC 3339.
#[derive(Serialize)]
struct PublicArticle<'a> {
    id: &'a str,
    url: Option<&'a str>,
    title: &'a str,
    summary: &'a str,
    image: Option<&'a str>,
    published: Option<String>,
    modified: Option<String>,
    authors: &'a [String],
    categories: &'a [String],
    tags: &'a [String],
    source: Option<&'a ArticleSource>,
}

impl<'a> From<&'a Article> for PublicArticle<'a> {
    fn from(article: &'a Article) -> Self {
        PublicArticle {
            id: &article.id,
            url: article.url.as_deref(),
            title: &article.title,
            summary: &article.summary,
            image: article.image.as_ref().map(|i| i.url.as_str()),
            published: article.published.map(|d| d.rfc3339_utc()),
            modified: article.modified.map(|d| d.rfc3339_utc()),
            authors: &article.authors,
            categories: &article.categories,
            tags: &article.tags,
            source: article.source.as_ref(),
        }
    }
}

impl Control {
    /// The articles as an array of plain objects (empty until the feed is in).
    pub fn articles(&self) -> JsValue {
        let feed = self.feed.borrow();
        let list: Vec<PublicArticle> = feed
            .iter()
            .flat_map(|feed| feed.articles.iter())
            .map(PublicArticle::from)
            .collect();
        serde_wasm_bindgen::to_value(&list).unwrap_or_else(|_| js_sys::Array::new().into())
    }
}
