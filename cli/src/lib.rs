//! The `kabar` command's parts: fetching as a browser would, the pre-flight check, reading and
//! merging feeds with the widget's own parser and merge, and writing JSON Feed 1.1.
#![deny(missing_docs, missing_debug_implementations)]

pub mod check;
pub mod fetch;
pub mod json_feed;
pub mod sources;
