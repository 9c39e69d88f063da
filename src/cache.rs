//! The saved copy of a feed kept in `localStorage`: what is stored and when it is fresh. Pure;
//! the browser layer only reads and writes the string.

/// Storage keys start with this, then the feed URL; the version changes if the layout does.
/// (v1 kept the text inside a JSON object: escaping and unescaping a large feed blocked the page.)
/// The loader checks for a saved copy under the same prefix.
pub const KEY_PREFIX: &str = "kabar:v2:";
/// Larger feeds are not saved: writing megabytes to `localStorage` blocks the page.
pub const MAX_SAVED_BYTES: usize = 2 * 1024 * 1024;

/// A feed's text as it was fetched, with what parsing it again needs.
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

    /// The stored form, or `None` when it is too large to be worth saving: two header lines (the
    /// time, the page count or nothing) and then the text as it came, so nothing is escaped.
    pub fn encode(&self) -> Option<String> {
        if self.text.len() > MAX_SAVED_BYTES {
            return None;
        }
        let pages = self.total_pages.map(|n| n.to_string()).unwrap_or_default();
        Some(format!("{}\n{pages}\n{}", self.saved_at as u64, self.text))
    }

    /// Reads a stored value; anything unreadable (another version, a hand edit) is ignored.
    pub fn decode(stored: &str) -> Option<SavedFeed> {
        let mut parts = stored.splitn(3, '\n');
        let saved_at = parts.next()?.parse::<u64>().ok()? as f64;
        let pages = parts.next()?;
        let total_pages = if pages.is_empty() {
            None
        } else {
            Some(pages.parse().ok()?)
        };
        Some(SavedFeed {
            saved_at,
            total_pages,
            text: parts.next()?.to_string(),
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
        assert_eq!(SavedFeed::decode("not a saved copy"), None);
        assert_eq!(
            SavedFeed::decode("{\"saved_at\":1}"),
            None,
            "a v1 copy is ignored"
        );
        assert_eq!(
            SavedFeed::decode("1000\nx\n{}"),
            None,
            "a page count that is not one"
        );
        let no_pages = SavedFeed {
            total_pages: None,
            text: "line one\nline two".into(),
            ..saved.clone()
        };
        assert_eq!(
            SavedFeed::decode(&no_pages.encode().expect("small")),
            Some(no_pages)
        );
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
        assert_eq!(SavedFeed::key("https://a.id/f"), "kabar:v2:https://a.id/f");
    }

    #[test]
    fn clock_in_each_language() {
        assert_eq!(clock(9, 5, crate::i18n::Lang::Id), "09.05");
        assert_eq!(clock(21, 30, crate::i18n::Lang::En), "21:30");
    }
}
