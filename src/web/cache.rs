//! Reading and writing saved feeds in `localStorage`. Every failure (privacy mode, a full quota,
//! storage switched off) just means no cache.

use crate::cache::SavedFeed;

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The saved copy of a feed, if there is a readable one.
pub fn load(feed_url: &str) -> Option<SavedFeed> {
    let stored = storage()?.get_item(&SavedFeed::key(feed_url)).ok()??;
    SavedFeed::decode(&stored)
}

/// Saves a copy of a feed; silently does nothing when it cannot.
pub fn save(feed_url: &str, saved: &SavedFeed) {
    if let (Some(storage), Some(encoded)) = (storage(), saved.encode()) {
        let _ = storage.set_item(&SavedFeed::key(feed_url), &encoded);
    }
}

/// Milliseconds since 1970.
pub fn now() -> f64 {
    js_sys::Date::now()
}

/// The local wall-clock time of a moment, as hours and minutes.
pub fn local_time(ms: f64) -> (u32, u32) {
    let date = js_sys::Date::new(&ms.into());
    (date.get_hours(), date.get_minutes())
}
