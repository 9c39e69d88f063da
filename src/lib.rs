//! Kabar: an embeddable news widget. Pure modules (config, feed, dates, sanitiser rules, state)
//! compile and test natively; the browser layer exists only on wasm32: `web` (thin wrappers over
//! web-sys, a leaf), `ui` (Yew components and hooks) and `widget` (the entry points, joining them).
#![deny(missing_docs, missing_debug_implementations)]

pub mod article;
pub mod cache;
pub mod charset;
pub mod color;
pub mod config;
pub mod contract;
pub mod date;
mod entities;
pub mod feed;
pub mod filter;
pub mod history;
pub mod i18n;
pub mod load;
pub mod order;
pub mod reading;
pub mod references;
pub mod sanitize;
pub mod sources;
pub mod state;
pub mod text;
pub mod url;
pub mod xml;

#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
#[cfg(target_arch = "wasm32")]
pub mod widget;
