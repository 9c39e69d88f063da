//! The visitor's own filters: search words and a chip (a category or a source), and the articles they match.

use std::rc::Rc;

use yew::prelude::*;

use crate::config::Config;
use crate::feed::Feed;
use crate::filter::{chip_names, matching};

/// A feed compared by identity, so memos keyed on it do not compare every article.
#[derive(Clone, Debug)]
pub struct SameFeed(pub Option<Rc<Feed>>);

impl PartialEq for SameFeed {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

/// The search box, the chosen chip, and what they let through.
#[derive(Clone, Debug, PartialEq)]
pub struct VisitorFilters {
    /// What the search box holds.
    pub query: UseStateHandle<String>,
    /// The chip that is on, if any.
    pub section: UseStateHandle<Option<String>>,
    /// Indices (into the feed) of the matching articles, in order.
    pub matching: Rc<Vec<usize>>,
    /// The chips to offer (none unless `chips` is set).
    pub sections: Rc<Vec<String>>,
}

impl VisitorFilters {
    /// Whether the visitor is narrowing the list.
    pub fn searching(&self) -> bool {
        !self.query.is_empty() || self.section.is_some()
    }
}

/// The visitor's filters over the loaded feed.
#[hook]
pub fn use_visitor_filters(feed: &SameFeed, config: &Config) -> VisitorFilters {
    let chips = config.chips;
    let query = use_state(String::new);
    let section = use_state(|| None::<String>);
    let matching = use_memo(
        (feed.clone(), (*query).clone(), (*section).clone(), chips),
        |(feed, query, section, chips)| {
            let chips = *chips;
            let articles = feed.0.as_ref().map(|f| f.articles.as_slice());
            matching(
                articles.unwrap_or_default(),
                query,
                section.as_deref(),
                chips,
            )
        },
    );
    let feeds = config.feed.clone().unwrap_or_default();
    let sections = use_memo((feed.clone(), chips, feeds), |(feed, chips, feeds)| {
        feed.0
            .as_ref()
            .map(|feed| chip_names(&feed.articles, *chips, feeds))
            .unwrap_or_default()
    });
    VisitorFilters {
        query,
        section,
        matching,
        sections,
    }
}
