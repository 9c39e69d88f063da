//! The JSON Feed writer: what it writes, and that the widget's parser reads it back whole.

use std::path::PathBuf;

use kabar::article::{Article, ArticleSource, Content, Image, ImageSource};
use kabar::date::Timestamp;
use kabar::feed::{self, Format, ParseOptions};
use kabar_cli::json_feed::{rfc3339, write, FeedInfo};
use kabar_cli::sources::{self, Keep, Loaded};
use serde_json::Value;

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn loaded(url: &str, fixture_name: &str) -> Loaded {
    let feed = feed::parse(&fixture(fixture_name), &ParseOptions::new(url)).expect("a feed");
    Loaded {
        source: ArticleSource::new(url, feed.title.as_deref()),
        feed,
    }
}

fn three() -> Vec<Loaded> {
    vec![
        loaded("https://contoh.go.id/feed.json", "jsonfeed-1.1.json"),
        loaded(
            "https://dinkes.contoh.go.id/wp-json/wp/v2/posts?_embed",
            "wordpress-embed.json",
        ),
        loaded("https://kec.contoh.go.id/feed/", "rss.xml"),
    ]
}

fn info() -> FeedInfo {
    FeedInfo {
        title: "Berita se-Kabupaten".into(),
        ..FeedInfo::default()
    }
}

#[test]
fn a_merged_file_reads_back_as_the_same_articles_and_sources() {
    let articles = sources::merge(&three(), Keep::default());
    assert!(articles.len() > 6, "{}", articles.len());
    let text = write(&info(), &articles);
    let back = feed::parse(
        &text,
        &ParseOptions::new("https://cdn.contoh.go.id/merged.json"),
    )
    .expect("the written file parses");
    assert_eq!(back.format, Format::JsonFeed);
    assert_eq!(back.title.as_deref(), Some("Berita se-Kabupaten"));
    assert_eq!(back.skipped, 0, "{:?}", back.first_skip_reason);
    assert_eq!(back.articles.len(), articles.len());
    for (read, written) in back.articles.iter().zip(&articles) {
        // Atom's category terms have no place in JSON Feed (none of these formats has them).
        assert!(written.category_terms.is_empty());
        assert_eq!(read, written, "{}", written.id);
    }
    // The sources travel with the articles.
    let names: std::collections::BTreeSet<&str> = back
        .articles
        .iter()
        .filter_map(|a| a.source.as_ref().map(|s| s.name.as_str()))
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    // Read back and merged again (a merged feed among the sources), they keep their sources.
    let relayed = Loaded {
        source: ArticleSource::new("https://cdn.contoh.go.id/merged.json", None),
        feed: back,
    };
    let again = sources::merge(&[relayed], Keep::default());
    assert_eq!(again, articles);
    assert_eq!(write(&info(), &again), text);
}

#[test]
fn html_goes_through_unchanged_and_the_extension_is_written() {
    let hostile = "<p onclick=\"x()\">Isi <script>alert(1)</script><img src=x onerror=y></p>";
    let article = Article {
        id: "1".into(),
        url: Some("https://a.go.id/1".into()),
        title: "Judul \"kutip\" & <tanda>".into(),
        summary: "Ringkas.".into(),
        content: Content::Html(hostile.into()),
        image: Some(Image {
            url: "https://a.go.id/1.jpg".into(),
            alt: "Warga".into(),
            width: Some(1200),
            height: Some(800),
            sources: vec![
                ImageSource {
                    url: "https://a.go.id/1-300.jpg".into(),
                    width: 300,
                },
                ImageSource {
                    url: "https://a.go.id/1.jpg".into(),
                    width: 1200,
                },
            ],
        }),
        published: Some(Timestamp {
            unix_seconds: 1_796_083_200,
            offset_minutes: 8 * 60,
        }),
        modified: None,
        authors: vec!["Humas".into()],
        categories: vec!["Kesehatan".into()],
        category_terms: Vec::new(),
        tags: vec!["posyandu".into(), "Kesehatan".into()],
        attachments: Vec::new(),
        source: Some(ArticleSource::new("https://a.go.id/feed/", Some("Desa A"))),
    };
    let text = write(&info(), std::slice::from_ref(&article));
    assert!(text.ends_with("}\n"));
    let json: Value = serde_json::from_str(&text).expect("JSON");
    let item = &json["items"][0];
    assert_eq!(item["content_html"], hostile);
    assert_eq!(item["title"], "Judul \"kutip\" & <tanda>");
    assert_eq!(item["date_published"], "2026-12-01T08:00:00+08:00");
    assert_eq!(item["tags"], serde_json::json!(["Kesehatan", "posyandu"]));
    assert_eq!(item["authors"], serde_json::json!([{ "name": "Humas" }]));
    assert_eq!(
        item["_kabar"],
        serde_json::json!({
            "source": { "feed": "https://a.go.id/feed/", "name": "Desa A" },
            "categories": ["Kesehatan"],
            "image": { "alt": "Warga", "width": 1200, "height": 800, "srcset": [
                { "url": "https://a.go.id/1-300.jpg", "width": 300 },
                { "url": "https://a.go.id/1.jpg", "width": 1200 }
            ] }
        })
    );
    // A password-protected body keeps JSON Feed valid with the summary, and says so.
    let protected = Article {
        content: Content::Protected,
        ..article
    };
    let text = write(&info(), std::slice::from_ref(&protected));
    let json: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(json["items"][0]["content_text"], "Ringkas.");
    assert_eq!(json["items"][0]["_kabar"]["protected"], true);
    let back = feed::parse(&text, &ParseOptions::new("https://x.go.id/m.json")).expect("parses");
    assert_eq!(back.articles[0].content, Content::Protected);
}

#[test]
fn dates_keep_their_offset() {
    let at = |offset_minutes| Timestamp {
        unix_seconds: 1_796_083_200,
        offset_minutes,
    };
    assert_eq!(rfc3339(&at(0)), "2026-12-01T00:00:00Z");
    assert_eq!(rfc3339(&at(7 * 60)), "2026-12-01T07:00:00+07:00");
    assert_eq!(rfc3339(&at(-(3 * 60 + 30))), "2026-11-30T20:30:00-03:30");
}

#[test]
fn the_same_sources_give_the_same_bytes_and_limit_keeps_the_newest() {
    let all = sources::merge(&three(), Keep::default());
    assert_eq!(
        write(&info(), &all),
        write(&info(), &sources::merge(&three(), Keep::default()))
    );
    let four = sources::merge(
        &three(),
        Keep {
            limit: Some(4),
            ..Keep::default()
        },
    );
    assert_eq!(four.as_slice(), &all[..4]);
}
