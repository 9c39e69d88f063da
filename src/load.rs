//! Fetched text to the articles a widget shows: parsed with the widget's reading settings
//! (`format`, `fields`, `sort`), then kept to what the webmaster's filters allow. The same step
//! serves the first load, a saved copy, a refresh, new reading settings and the next page.

use crate::config::Config;
use crate::feed::{self, Feed, ParseOptions};
use crate::state::LoadError;

/// What reading fetched text needs besides the widget's settings.
#[derive(Clone, Copy, Debug)]
pub struct Fetch<'a> {
    /// The URL the text came from; relative links resolve against it.
    pub url: &'a str,
    /// The text.
    pub text: &'a str,
    /// WordPress's `X-WP-TotalPages`, if the server sent it.
    pub total_pages: Option<u32>,
    /// Whether the page is on https, so feed images are asked for over https too.
    pub page_is_https: bool,
    /// The page's host name, if known.
    pub page_host: Option<&'a str>,
    /// Now, in seconds since 1970, for `since`.
    pub now_unix: i64,
}

/// Parses the text and applies the webmaster's filters.
pub fn read(config: &Config, fetch: Fetch) -> Result<Feed, LoadError> {
    let options = ParseOptions {
        page_host: fetch.page_host,
        format: config.format,
        fields: config.fields.as_ref(),
        sort: config.sort,
        upgrade_images: fetch.page_is_https,
        total_pages: fetch.total_pages,
        site_offset_minutes: config.feed_offset_minutes,
        ..ParseOptions::new(fetch.url)
    };
    let mut feed = feed::parse(fetch.text, &options).map_err(LoadError::Format)?;
    if config.filters.is_active() {
        feed.articles
            .retain(|article| config.filters.allows(article, fetch.now_unix));
    }
    Ok(feed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::parse_pairs;

    const FEED: &str = r#"{
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Kabar Desa Sukamaju",
        "items": [
            {"id": "1", "url": "https://sukamaju.desa.id/panen", "title": "Panen raya padi dimulai", "content_text": "Petani mulai memanen.",
             "image": "http://sukamaju.desa.id/panen.jpg", "date_published": "2026-11-20T08:00:00+07:00",
             "tags": ["Pertanian"]},
            {"id": "2", "url": "https://sukamaju.desa.id/posyandu", "title": "Jadwal posyandu bulan ini", "content_text": "Posyandu buka Sabtu.",
             "date_published": "2026-11-28T08:00:00+07:00", "tags": ["Kesehatan"]},
            {"id": "3", "url": "https://sukamaju.desa.id/jalan", "title": "Perbaikan jalan desa selesai", "content_text": "Jalan sudah mulus.",
             "date_published": "2026-10-01T08:00:00+07:00", "tags": ["Pembangunan"]}
        ]
    }"#;

    /// 2026-12-01T00:00:00Z.
    const NOW: i64 = 1_796_083_200;

    fn config(attrs: &[(&str, &str)]) -> Config {
        parse_pairs(attrs, "https://sukamaju.desa.id/").0
    }

    fn fetch(text: &str, page_is_https: bool) -> Fetch<'_> {
        Fetch {
            url: "https://sukamaju.desa.id/feed.json",
            text,
            total_pages: None,
            page_is_https,
            page_host: None,
            now_unix: NOW,
        }
    }

    fn titles(feed: &Feed) -> Vec<&str> {
        feed.articles.iter().map(|a| a.title.as_str()).collect()
    }

    #[test]
    fn reads_with_the_widget_settings() {
        let feed = read(&config(&[("feed", "/f")]), fetch(FEED, false)).expect("a feed");
        // Newest first by default; in feed order when asked.
        assert_eq!(
            titles(&feed),
            [
                "Jadwal posyandu bulan ini",
                "Panen raya padi dimulai",
                "Perbaikan jalan desa selesai"
            ]
        );
        let feed = read(
            &config(&[("feed", "/f"), ("sort", "feed")]),
            fetch(FEED, false),
        )
        .expect("a feed");
        assert_eq!(titles(&feed)[0], "Panen raya padi dimulai");
    }

    #[test]
    fn keeps_what_the_filters_allow_as_of_now() {
        let only = config(&[("feed", "/f"), ("category", "kesehatan, pertanian")]);
        let feed = read(&only, fetch(FEED, false)).expect("a feed");
        assert_eq!(feed.articles.len(), 2);
        let recent = config(&[("feed", "/f"), ("since", "7d")]);
        let feed = read(&recent, fetch(FEED, false)).expect("a feed");
        assert_eq!(titles(&feed), ["Jadwal posyandu bulan ini"]);
    }

    #[test]
    fn images_follow_the_page_to_https() {
        let config = config(&[("feed", "/f"), ("sort", "feed")]);
        let image = |https| {
            read(&config, fetch(FEED, https))
                .ok()
                .and_then(|feed| feed.articles[0].image.clone())
                .map(|image| image.url)
        };
        assert_eq!(
            image(false).as_deref(),
            Some("http://sukamaju.desa.id/panen.jpg")
        );
        assert_eq!(
            image(true).as_deref(),
            Some("https://sukamaju.desa.id/panen.jpg")
        );
    }

    #[test]
    fn text_that_is_no_feed_is_a_format_error() {
        let error = read(
            &config(&[("feed", "/f")]),
            fetch("<html>Beranda</html>", false),
        );
        assert!(matches!(error, Err(LoadError::Format(_))), "{error:?}");
    }
}
