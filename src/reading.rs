//! What the reader view derives from an article: reading time, deep-link slugs and hashes, and
//! share links. Pure, so it is tested natively.

use std::collections::HashSet;

use crate::article::{Article, Content};
use crate::text::html_to_text;

/// Words a reader gets through in a minute; Indonesian news prose reads at about this pace.
const WORDS_PER_MINUTE: usize = 200;
/// Longest slug in a deep link.
const MAX_SLUG_CHARS: usize = 60;

/// Estimated minutes to read the article, at least 1.
pub fn reading_minutes(article: &Article) -> usize {
    let words = match &article.content {
        Content::Html(html) => html_to_text(html).split_whitespace().count(),
        Content::Text(text) => text.split_whitespace().count(),
        Content::Protected => article.summary.split_whitespace().count(),
    };
    words.div_ceil(WORDS_PER_MINUTE).max(1)
}

/// A URL-safe slug for each article, unique within the list: from the id's last path segment
/// (ids are often URLs), else the title; repeats get `-2`, `-3`.
pub fn slugs(articles: &[Article]) -> Vec<String> {
    let mut seen = HashSet::new();
    articles
        .iter()
        .map(|article| {
            let from_id = article
                .id
                .trim_end_matches('/')
                .rsplit(['/', '?', '=', '#'])
                .next()
                .map(slugify)
                .unwrap_or_default();
            let base = if from_id.is_empty() {
                slugify(&article.title)
            } else {
                from_id
            };
            let base = if base.is_empty() {
                "artikel".to_string()
            } else {
                base
            };
            let mut slug = base.clone();
            let mut n = 2;
            while !seen.insert(slug.clone()) {
                slug = format!("{base}-{n}");
                n += 1;
            }
            slug
        })
        .collect()
}

/// Lower-case ASCII letters and digits, words joined by single hyphens.
pub fn slugify(text: &str) -> String {
    let mut slug = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if slug.len() >= MAX_SLUG_CHARS {
                break;
            }
            slug.push(c.to_ascii_lowercase());
        } else if c.is_ascii() && !slug.is_empty() && !slug.ends_with('-') {
            // Letters outside ASCII are left out rather than split the word.
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// The hash prefix of the widget at `position` (0-based, in document order): `kabar-` for the
/// first, `kabar2-` for the second… so two widgets on one page never claim the same hash.
pub fn hash_prefix(position: usize) -> String {
    match position {
        0 => "kabar-".to_string(),
        n => format!("kabar{}-", n + 1),
    }
}

/// The slug a location hash (`#kabar-…`) names for the widget with this prefix.
pub fn slug_in_hash<'a>(hash: &'a str, prefix: &str) -> Option<&'a str> {
    hash.strip_prefix('#')?
        .strip_prefix(prefix)
        .filter(|slug| !slug.is_empty())
}

/// Percent-encodes everything but unreserved characters (RFC 3986), for query values.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Where an article can be shared to by a plain link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ShareTarget {
    /// The most used channel in Indonesia.
    WhatsApp,
    /// Facebook's sharer.
    Facebook,
    /// X (Twitter).
    X,
    /// An e-mail.
    Email,
}

impl ShareTarget {
    /// Every target, in the order shown.
    pub const ALL: [ShareTarget; 4] = [
        ShareTarget::WhatsApp,
        ShareTarget::Facebook,
        ShareTarget::X,
        ShareTarget::Email,
    ];

    /// The visible name.
    pub fn name(self) -> &'static str {
        match self {
            ShareTarget::WhatsApp => "WhatsApp",
            ShareTarget::Facebook => "Facebook",
            ShareTarget::X => "X",
            ShareTarget::Email => "Email",
        }
    }

    /// The link that shares `url` with `title`.
    pub fn link(self, url: &str, title: &str) -> String {
        let (url, title) = (percent_encode(url), percent_encode(title));
        match self {
            ShareTarget::WhatsApp => format!("https://wa.me/?text={title}%20{url}"),
            ShareTarget::Facebook => format!("https://www.facebook.com/sharer/sharer.php?u={url}"),
            ShareTarget::X => format!("https://x.com/intent/post?text={title}&url={url}"),
            ShareTarget::Email => format!("mailto:?subject={title}&body={url}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::{parse, ParseOptions};

    fn articles(json_items: &str) -> Vec<Article> {
        let json =
            format!(r#"{{"version":"https://jsonfeed.org/version/1.1","items":[{json_items}]}}"#);
        let options = ParseOptions {
            sort: crate::feed::Sort::Feed,
            ..ParseOptions::new("https://kab.go.id/feed.json")
        };
        parse(&json, &options).expect("valid").articles
    }

    #[test]
    fn reading_time_rounds_up_and_is_at_least_a_minute() {
        let long = "kata ".repeat(401);
        let list = articles(&format!(
            r#"{{"id":"a","title":"A","content_text":"{long}"}},{{"id":"b","title":"B","content_html":"<p>dua kata</p>"}}"#
        ));
        assert_eq!(reading_minutes(&list[0]), 3);
        assert_eq!(reading_minutes(&list[1]), 1);
    }

    #[test]
    fn slugs_are_readable_and_unique() {
        let list = articles(
            r#"{"id":"https://kab.go.id/berita/rakor-forkopimda-2026/","title":"x","content_text":"x"},
               {"id":"123","title":"Bupati Resmikan Jembatan!","content_text":"x"},
               {"id":"https://kab.go.id/?p=123","title":"y","content_text":"x"},
               {"id":"%%%","title":"Ünïcode — Judul","content_text":"x"},
               {"id":"///","title":"!!!","content_text":"x"}"#,
        );
        assert_eq!(
            slugs(&list),
            [
                "rakor-forkopimda-2026",
                "123",
                "123-2",
                "ncode-judul",
                "artikel"
            ]
        );
        assert_eq!(
            slugify("  Rapat — Paripurna  DPRD "),
            "rapat-paripurna-dprd"
        );
    }

    #[test]
    fn hashes_per_widget() {
        assert_eq!(hash_prefix(0), "kabar-");
        assert_eq!(hash_prefix(1), "kabar2-");
        assert_eq!(slug_in_hash("#kabar-rakor", "kabar-"), Some("rakor"));
        assert_eq!(slug_in_hash("#kabar2-rakor", "kabar-"), None);
        assert_eq!(slug_in_hash("#kabar2-rakor", "kabar2-"), Some("rakor"));
        assert_eq!(slug_in_hash("#kabar-", "kabar-"), None);
        assert_eq!(slug_in_hash("", "kabar-"), None);
    }

    #[test]
    fn share_links_encode_their_values() {
        let url = "https://kab.go.id/berita?x=1#kabar-rakor";
        let title = "Rakor & Apel: 100%";
        assert_eq!(
            ShareTarget::WhatsApp.link(url, title),
            "https://wa.me/?text=Rakor%20%26%20Apel%3A%20100%25%20https%3A%2F%2Fkab.go.id%2Fberita%3Fx%3D1%23kabar-rakor"
        );
        assert!(ShareTarget::Facebook
            .link(url, title)
            .ends_with("?u=https%3A%2F%2Fkab.go.id%2Fberita%3Fx%3D1%23kabar-rakor"));
        assert!(ShareTarget::X
            .link(url, title)
            .starts_with("https://x.com/intent/post?text=Rakor%20%26"));
        assert!(ShareTarget::Email
            .link(url, title)
            .starts_with("mailto:?subject=Rakor"));
        assert_eq!(percent_encode("é"), "%C3%A9");
    }
}
