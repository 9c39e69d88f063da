//! The saved copy of a feed kept in `localStorage`: what is stored and when it is fresh. Pure;
//! the browser layer only reads and writes the string.

use serde_json::{json, Value};

/// Storage keys start with this, then the feed URL; the version changes if the layout does.
pub const KEY_PREFIX: &str = "kabar:v1:";
/// Larger feeds are not saved: writing megabytes to `localStorage` blocks the page.
pub const MAX_SAVED_BYTES: usize = 2 * 1024 * 1024;

/// A feed's text as it was fetched, with what parsing it again needs.
// Read through `serde_json::Value`, not a derived `Deserialize`: typed deserialising links
// serde's float-formatting error messages, about 20 KiB of wasm.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedFeed {
    /// When it was fetched, in milliseconds since 1970.
    pub saved_at: f64,
    /// WordPress's `X-WP-TotalPages`, if it was sent.
    pub total_pages: Option<u32>,
    /// The response body.
    pub text: String,
}

impl SavedFeed {
    /// The storage key for a feed URL.
    pub fn key(feed_url: &str) -> String {
        format!("{KEY_PREFIX}{feed_url}")
    }

    /// The stored form, or `None` when it is too large to be worth saving.
    pub fn encode(&self) -> Option<String> {
        if self.text.len() > MAX_SAVED_BYTES {
            return None;
        }
        let value = json!({
            "saved_at": self.saved_at as u64,
            "total_pages": self.total_pages,
            "text": self.text,
        });
        Some(value.to_string())
    }

    /// Reads a stored value; anything unreadable (another version, a hand edit) is ignored.
    pub fn decode(stored: &str) -> Option<SavedFeed> {
        let value: Value = serde_json::from_str(stored).ok()?;
        Some(SavedFeed {
            saved_at: value.get("saved_at")?.as_u64()? as f64,
            total_pages: value
                .get("total_pages")
                .and_then(Value::as_u64)
                .and_then(|n| u32::try_from(n).ok()),
            text: value.get("text")?.as_str()?.to_string(),
        })
    }

    /// Whether the copy is young enough to show without asking the network.
    pub fn is_fresh(&self, now: f64, max_age_seconds: u32) -> bool {
        let age = now - self.saved_at;
        (0.0..f64::from(max_age_seconds) * 1000.0).contains(&age)
    }
}

/// "10.32" (Indonesian) or "10:32" (English): the local time a copy was saved, for the note.
pub fn clock(hours: u32, minutes: u32, lang: crate::i18n::Lang) -> String {
    match lang {
        crate::i18n::Lang::Id => format!("{hours:02}.{minutes:02}"),
        crate::i18n::Lang::En => format!("{hours:02}:{minutes:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_ages() {
        let saved = SavedFeed {
            saved_at: 1_000_000.0,
            total_pages: Some(3),
            text: "{\"items\":[]}".into(),
        };
        let stored = saved.encode().expect("small");
        assert_eq!(SavedFeed::decode(&stored), Some(saved.clone()));
        assert_eq!(SavedFeed::decode("not json"), None);
        assert!(saved.is_fresh(1_000_000.0 + 299_000.0, 300));
        assert!(!saved.is_fresh(1_000_000.0 + 301_000.0, 300));
        assert!(!saved.is_fresh(1_000_000.0, 0), "cache=0 is never fresh");
        // A clock that went backwards does not make a copy fresh forever.
        assert!(!saved.is_fresh(0.0, 300));
        let huge = SavedFeed {
            text: "x".repeat(MAX_SAVED_BYTES + 1),
            ..saved
        };
        assert_eq!(huge.encode(), None);
        assert_eq!(SavedFeed::key("https://a.id/f"), "kabar:v1:https://a.id/f");
    }

    #[test]
    fn clock_in_each_language() {
        assert_eq!(clock(9, 5, crate::i18n::Lang::Id), "09.05");
        assert_eq!(clock(21, 30, crate::i18n::Lang::En), "21:30");
    }
}
