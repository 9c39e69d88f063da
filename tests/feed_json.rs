//! JSON Feed parsing against fixture files: valid, partly broken, empty, not a feed, hostile.

use kabar::article::Content;
use kabar::feed::{parse as parse_with, FeedError, ParseOptions};

const FEED_URL: &str = "https://contoh.go.id/feeds/berita.json";

fn parse(text: &str, feed_url: &str) -> Result<kabar::feed::Feed, FeedError> {
    parse_with(text, &ParseOptions::new(feed_url))
}

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn json_feed_1_1_is_read_in_full() {
    let feed = parse(&fixture("jsonfeed-1.1.json"), FEED_URL).expect("valid feed");
    assert_eq!(feed.title.as_deref(), Some("Berita Kabupaten Contoh"));
    assert_eq!(feed.articles.len(), 2);
    assert_eq!(feed.skipped, 0);

    let first = &feed.articles[0];
    assert_eq!(first.id, "musrenbang-2027");
    assert_eq!(first.title, "Musrenbang Kecamatan Dimulai");
    assert_eq!(
        first.url.as_deref(),
        Some("https://contoh.go.id/berita/musrenbang-2027")
    );
    let image = first.image.as_ref().expect("image");
    assert_eq!(image.url, "https://contoh.go.id/feeds/foto/musrenbang.jpg");
    assert_eq!(first.authors, ["Humas Setda", "Dinas Kominfo"]);
    assert_eq!(first.tags, ["Pemerintahan", "Perencanaan"]);
    assert_eq!(
        first.published.map(|d| d.iso_date()).as_deref(),
        Some("2026-11-20")
    );
    assert!(first.modified > first.published);
    assert!(matches!(&first.content, Content::Html(h) if h.contains("<strong>")));

    // A number id, no title (derived from the text), external_url and content_text.
    let second = &feed.articles[1];
    assert_eq!(second.id, "42");
    assert_eq!(
        second.url.as_deref(),
        Some("https://mitra.example.id/artikel/42")
    );
    assert!(
        second.title.starts_with("Posyandu keliling"),
        "{}",
        second.title
    );
    assert!(second.summary.contains("120 balita"));
    assert!(matches!(&second.content, Content::Text(_)));
}

#[test]
fn json_feed_1_0_author_and_banner_image() {
    let feed = parse(&fixture("jsonfeed-1.0.json"), FEED_URL).expect("valid feed");
    let article = &feed.articles[0];
    assert_eq!(article.authors, ["Bagian Perekonomian"]);
    assert_eq!(
        article.image.as_ref().map(|i| i.url.as_str()),
        Some("https://contoh.go.id/banner.jpg")
    );
    assert_eq!(
        article.summary,
        "Pasar murah digelar di halaman kantor camat."
    );
    assert_eq!(article.published, None);
}

#[test]
fn bad_items_are_skipped_and_good_ones_kept() {
    let feed = parse(&fixture("partial.json"), FEED_URL).expect("feed with some bad items");
    let ids: Vec<&str> = feed.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["baik-1", "baik-2", "baik-3"]);
    assert_eq!(feed.skipped, 6);
    assert_eq!(
        feed.first_skip_reason.as_deref(),
        Some("item 1 has neither an id nor a link")
    );
    assert_eq!(
        feed.skip_summary("/f.json").as_deref(),
        Some("skipped 6 of 9 items in /f.json; the first: item 1 has neither an id nor a link")
    );

    // Numbers written where strings belong are read as their text; a lone tag as a list of one.
    let wrong_types = &feed.articles[1];
    assert_eq!(wrong_types.title, "12345");
    assert_eq!(wrong_types.tags, ["bukan-array"]);
    assert!(wrong_types.authors.is_empty());
    assert_eq!((wrong_types.published, &wrong_types.image), (None, &None));

    let hostile_urls = &feed.articles[2];
    assert_eq!(hostile_urls.url, None);
    assert_eq!(hostile_urls.image, None);
}

#[test]
fn an_empty_feed_is_a_feed() {
    let feed = parse(&fixture("empty-items.json"), FEED_URL).expect("empty but valid");
    assert!(feed.articles.is_empty());
    assert_eq!(feed.skipped, 0);
    assert_eq!(feed.skip_summary("/f.json"), None);
}

#[test]
fn non_feeds_are_errors_that_say_what_to_fix() {
    let html = parse(&fixture("not-json.html"), FEED_URL).expect_err("HTML is not a feed");
    assert!(matches!(html, FeedError::Unreadable { .. }));
    // The webmaster sees what came back instead of a feed.
    assert!(html.to_string().contains("<!doctype html>"), "{html}");
    let other = parse(&fixture("not-a-feed.json"), FEED_URL).expect_err("no items");
    assert_eq!(
        other.to_string(),
        "the feed is a JSON object with the keys data, status, which is not a JSON Feed, WordPress posts, RSS or Atom; for another JSON API, map it with the fields attribute"
    );
    assert!(matches!(
        parse("[1,2]", FEED_URL),
        Err(FeedError::UnknownFormat { .. })
    ));
    assert!(matches!(
        parse("", FEED_URL),
        Err(FeedError::Unreadable { .. })
    ));
    assert!(matches!(
        parse("{\"items\": [", FEED_URL),
        Err(FeedError::InvalidJson(_))
    ));
}

#[test]
fn a_byte_order_mark_is_tolerated() {
    let text = format!("\u{feff}{}", fixture("jsonfeed-1.0.json"));
    assert_eq!(parse(&text, FEED_URL).map(|f| f.articles.len()), Ok(1));
}

#[test]
fn hostile_plain_text_fields_stay_plain_text_and_script_urls_vanish() {
    let feed = parse(&fixture("hostile.json"), FEED_URL).expect("hostile but well-formed");
    assert_eq!(feed.articles.len(), 2);
    for article in &feed.articles {
        assert_eq!(article.url, None, "{}", article.id);
        assert_eq!(article.image, None, "{}", article.id);
    }
    // Markup in titles is reduced to its text (the UI renders titles as text nodes anyway).
    assert_eq!(feed.articles[0].title, "Judul Berbahaya");
    assert_eq!(feed.articles[0].summary, "ringkasan");
}

#[test]
fn lead_images_must_be_http_urls() {
    let json = r#"{"items":[{"id":"a","title":"T","content_text":"x","image":"data:image/png;base64,iVBORw0KGgo="},
        {"id":"b","title":"T","content_text":"x","image":"//cdn.contoh.go.id/b.jpg"}]}"#;
    let feed = parse(json, FEED_URL).expect("valid");
    assert_eq!(feed.articles[0].image, None);
    assert_eq!(
        feed.articles[1].image.as_ref().map(|i| i.url.as_str()),
        Some("https://cdn.contoh.go.id/b.jpg")
    );
}

#[test]
fn the_kabar_extension_is_read_and_its_bad_values_are_dropped() {
    let text = r#"{
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Berita se-Kabupaten",
        "items": [
            {"id": "1", "url": "https://a.go.id/1", "title": "Harga <beras> & gula", "content_html": "<p>Isi</p>",
             "image": "https://a.go.id/1.jpg", "tags": ["Ekonomi", "pasar"],
             "_kabar": {"source": {"feed": "https://a.go.id/feed/", "name": " Desa  A "},
                        "categories": ["Ekonomi"],
                        "image": {"alt": "Pedagang", "width": 800, "height": -1,
                                  "srcset": [{"url": "javascript:alert(1)", "width": 300},
                                             {"url": "/1-600.jpg", "width": 600}, {"url": 5}]}}},
            {"id": "2", "title": "Rapat", "content_text": "", "_kabar": {"source": "a.go.id", "image": [], "categories": {"a": 1}}},
            {"id": "3", "title": "Tertutup", "summary": "Ringkas.", "content_text": "Ringkas.", "_kabar": {"protected": true}},
            {"id": "4", "title": "Lain &amp; lagi", "content_text": "Tanpa ekstensi.", "_other": {"source": {"feed": "x", "name": "y"}}}
        ]
    }"#;
    let feed = parse(text, FEED_URL).expect("a feed");
    let [first, second, third, fourth] = feed.articles.as_slice() else {
        panic!("{:?}", feed.articles);
    };
    let source = first.source.as_ref().expect("a source");
    assert_eq!(
        (source.feed.as_str(), source.name.as_str()),
        ("https://a.go.id/feed/", "Desa A")
    );
    // Written by Kabar, so plain text: "<beras>" is not a tag.
    assert_eq!(first.title, "Harga <beras> & gula");
    assert_eq!(
        (first.categories.as_slice(), first.tags.as_slice()),
        (&["Ekonomi".to_string()][..], &["pasar".to_string()][..])
    );
    let image = first.image.as_ref().expect("an image");
    assert_eq!(
        (image.alt.as_str(), image.width, image.height),
        ("Pedagang", Some(800), None)
    );
    // Only http(s) sizes survive, resolved against the feed.
    let sizes: Vec<&str> = image.sources.iter().map(|s| s.url.as_str()).collect();
    assert_eq!(sizes, ["https://contoh.go.id/1-600.jpg"]);
    // Wrong shapes are ignored; an empty body written by Kabar stays an (empty) item.
    assert_eq!((second.source.clone(), second.categories.len()), (None, 0));
    assert_eq!(second.content, Content::Text(String::new()));
    assert_eq!(third.content, Content::Protected);
    // Without _kabar: no source, and titles are read as HTML as before.
    assert_eq!(
        (fourth.source.clone(), fourth.title.as_str()),
        (None, "Lain & lagi")
    );
}
