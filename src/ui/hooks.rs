//! The App's behaviour, one concern per hook; the App only composes them (as yew's todomvc
//! keeps its components small).

mod control_api;
mod deep_links;
mod feed_load;
mod feed_source;
mod focus_card;
mod host_events;
mod load_more;
mod refresh;
mod visitor_filters;

pub use control_api::register_control_api;
pub use deep_links::{use_deep_links, ReaderLinks};
pub use feed_load::use_feed_load;
pub use feed_source::{use_feed_source, FeedSource};
pub use focus_card::use_focus_card;
pub use host_events::{on_card_click, use_host_events};
pub use load_more::use_load_more;
pub use refresh::use_refresh;
pub use visitor_filters::{use_visitor_filters, SameFeed, VisitorFilters};
