//! Titles, summaries, alt texts and names made only of characters that draw nothing (bidi
//! controls, zero-width spaces, soft hyphens, variation selectors, fillers) count as missing in
//! every format: the usual fallback applies, so no card control is left without a name.

use kabar::feed::{parse, parse_fields, Feed, Format, ParseOptions};
use kabar::text::has_visible_text;

const FEED_URL: &str = "https://contoh.go.id/feeds/desa";
const DERIVED_TITLE: &str =
    "Warga Desa Sukamaju bergotong royong membersihkan saluran irigasi sebelum musim tanam.";

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Every fixture holds the same three items: an invisible title over a readable body, an item
/// with nothing visible at all, and a titled item whose summary, alt text and some names are
/// invisible.
fn assert_invisible_is_missing(feed: &Feed, format: Format, has_alt: bool) {
    assert_eq!(feed.format, format);
    let titles: Vec<&str> = feed.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [DERIVED_TITLE, "Pasar Murah Jelang Natal"],
        "{format:?}"
    );
    assert_eq!(feed.skipped, 1, "{format:?}");
    assert!(
        feed.first_skip_reason
            .as_deref()
            .is_some_and(|r| r.ends_with("has no title and no readable content")),
        "{format:?}: {:?}",
        feed.first_skip_reason
    );
    let [derived, pasar] = feed.articles.as_slice() else {
        panic!("{format:?}: {:?}", feed.articles);
    };
    assert_eq!(derived.summary, DERIVED_TITLE, "{format:?}");
    assert_eq!(
        pasar.summary, "Pasar murah digelar di alun-alun selama tiga hari.",
        "{format:?}"
    );
    let names: Vec<&String> = pasar.categories.iter().chain(&pasar.tags).collect();
    assert_eq!(names, ["Ekonomi"], "{format:?}");
    assert!(
        pasar.authors.iter().all(|name| has_visible_text(name)),
        "{format:?}: {:?}",
        pasar.authors
    );
    let image = pasar.image.as_ref().expect("the item's image");
    assert_eq!(
        image.url, "https://contoh.go.id/img/pasar.jpg",
        "{format:?}"
    );
    if has_alt {
        assert_eq!(image.alt, "", "{format:?}: an invisible alt is no alt");
    }
    for article in &feed.articles {
        assert!(has_visible_text(&article.title), "{format:?}");
        assert!(has_visible_text(&article.summary), "{format:?}");
    }
}

#[test]
fn json_feed() {
    let feed = parse(
        &fixture("invisible-jsonfeed.json"),
        &ParseOptions::new(FEED_URL),
    )
    .expect("valid");
    assert_invisible_is_missing(&feed, Format::JsonFeed, false);
    assert_eq!(feed.articles[1].authors, ["Humas"]);
}

#[test]
fn rss() {
    let feed = parse(&fixture("invisible-rss.xml"), &ParseOptions::new(FEED_URL)).expect("valid");
    assert_invisible_is_missing(&feed, Format::Rss, true);
    assert_eq!(feed.articles[1].authors, ["Humas"]);
}

#[test]
fn atom() {
    let feed = parse(&fixture("invisible-atom.xml"), &ParseOptions::new(FEED_URL)).expect("valid");
    assert_invisible_is_missing(&feed, Format::Atom, true);
    assert_eq!(feed.articles[1].authors, ["Humas"]);
}

#[test]
fn wordpress() {
    let feed = parse(
        &fixture("invisible-wordpress.json"),
        &ParseOptions::new(FEED_URL),
    )
    .expect("valid");
    assert_invisible_is_missing(&feed, Format::WordPress, true);
    assert!(feed.articles[1].authors.is_empty());
}

#[test]
fn custom_json() {
    let (fields, problems) = parse_fields(
        "items: data; id: slug; title: judul; date: tanggal; summary: ringkas; content: isi; \
         image: foto; image-alt: foto_alt; category: rubrik; author: penulis",
    );
    assert!(problems.is_empty(), "{problems:?}");
    let options = ParseOptions {
        fields: Some(&fields),
        ..ParseOptions::new(FEED_URL)
    };
    let feed = parse(&fixture("invisible-custom.json"), &options).expect("valid");
    assert_invisible_is_missing(&feed, Format::Custom, true);
    assert_eq!(feed.articles[1].authors, ["Humas"]);
}
