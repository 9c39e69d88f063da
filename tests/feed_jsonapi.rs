//! JSON:API feeds from OpenDK and OpenSID, read without a `fields` mapping, and dates without an
//! offset read in the site's zone in every format.

use kabar::article::Content;
use kabar::date::{parse_rfc3339, Timestamp};
use kabar::feed::{parse, parse_fields, request_url, Feed, FeedError, Format, ParseOptions};

const OPENDK: &str = "https://kec-sukamaju.go.id/api/frontend/v1/artikel";
const OPENSID: &str = "https://sukamaju.desa.id/index.php/internal_api/arsip";

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read(name: &str, options: &ParseOptions) -> Feed {
    parse(&fixture(name), options).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn at(rfc3339: &str) -> Option<Timestamp> {
    parse_rfc3339(rfc3339)
}

#[test]
fn opendk_articles_without_fields() {
    let url = request_url(OPENDK);
    assert_eq!(url, format!("{OPENDK}?filter[status]=1"));
    let feed = read("opendk-artikel.json", &ParseOptions::new(&url));
    assert_eq!(feed.format, Format::JsonApi);
    let titles: Vec<&str> = feed.articles.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Posyandu Remaja Dibuka di Desa Sukamaju",
            "Jadwal Pelayanan Administrasi Kependudukan Keliling",
            "Lomba Desa Tingkat Kecamatan Diikuti 12 Desa",
        ]
    );
    // The draft is left out even when the server ignores filter[status].
    assert_eq!(feed.skipped, 1);
    assert!(feed
        .first_skip_reason
        .as_deref()
        .is_some_and(|r| r.contains("draft")));

    let first = &feed.articles[0];
    assert_eq!(first.id, "41");
    assert_eq!(
        first.url.as_deref(),
        Some("https://kec-sukamaju.go.id/berita/posyandu-remaja-dibuka-di-desa-sukamaju")
    );
    assert_eq!(
        first.image.as_ref().map(|i| i.url.as_str()),
        Some("https://kec-sukamaju.go.id/storage/artikel/posyandu-remaja.jpg")
    );
    assert!(matches!(&first.content, Content::Html(h) if h.contains("<strong>Posyandu Remaja")));
    assert!(first.summary.starts_with("Puluhan remaja mengikuti"));
    // tanggal_terbit is a bare day; created_at (02:30Z) falls on it in Jakarta and gives the time.
    assert_eq!(first.published, at("2026-11-24T09:30:00+07:00"));
    assert_eq!(
        first.modified.map(|t| t.unix_seconds),
        at("2026-11-24T04:00:00Z").map(|t| t.unix_seconds)
    );

    // No picture: the no-image placeholder is not a lead image.
    let second = &feed.articles[1];
    assert_eq!(second.image, None);
    // created_at is another day, so the publication day stands, at midnight in Jakarta.
    assert_eq!(second.published, at("2026-11-20T00:00:00+07:00"));

    // An older release: no link and no tanggal_terbit, only a slug and "17 Agustus 2026".
    let third = &feed.articles[2];
    assert_eq!(
        third.url.as_deref(),
        Some("https://kec-sukamaju.go.id/berita/lomba-desa-tingkat-kecamatan")
    );
    assert_eq!(third.published, at("2026-08-17T00:00:00+07:00"));

    // links.next lacks the filter; the next request asks for it again.
    assert_eq!(
        feed.next_page.as_deref(),
        Some("https://kec-sukamaju.go.id/api/frontend/v1/artikel?page[number]=2&filter[status]=1")
    );
}

#[test]
fn opendk_in_a_subfolder_links_under_it() {
    let url = request_url("https://pemda.go.id/kecamatan/api/frontend/v1/artikel");
    let feed = read("opendk-artikel.json", &ParseOptions::new(&url));
    assert_eq!(
        feed.articles[0].url.as_deref(),
        Some("https://pemda.go.id/kecamatan/berita/posyandu-remaja-dibuka-di-desa-sukamaju")
    );
    assert_eq!(
        feed.articles[2].url.as_deref(),
        Some("https://pemda.go.id/kecamatan/berita/lomba-desa-tingkat-kecamatan")
    );
}

#[test]
fn opensid_arsip_without_fields() {
    let feed = read("opensid-arsip.json", &ParseOptions::new(OPENSID));
    assert_eq!(feed.format, Format::JsonApi);
    assert_eq!(feed.articles.len(), 2);
    assert_eq!(feed.skipped, 1, "the disabled article is left out");

    let first = &feed.articles[0];
    assert_eq!(first.id, "112");
    assert_eq!(first.title, "Kerja Bakti Membersihkan Saluran Irigasi");
    assert_eq!(
        first.url.as_deref(),
        Some(
            "https://sukamaju.desa.id/artikel/2026/11/24/kerja-bakti-membersihkan-saluran-irigasi"
        )
    );
    // A bare file name is OpenSID's upload folder, in its 880-pixel copy.
    assert_eq!(
        first.image.as_ref().map(|i| i.url.as_str()),
        Some("https://sukamaju.desa.id/desa/upload/artikel/sedang_1732432811_kerja-bakti.jpg")
    );
    assert_eq!(first.published, at("2026-11-24T10:00:00+07:00"));
    assert_eq!(first.authors, ["Operator Desa"]);
    assert_eq!(first.categories, ["Berita Desa"]);

    // Without url_slug the link is built as OpenSID builds it: /artikel/Y/m/d/slug.
    let second = &feed.articles[1];
    assert_eq!(
        second.url.as_deref(),
        Some("https://sukamaju.desa.id/artikel/2026/11/03/penyaluran-blt-dana-desa-tahap-iv")
    );
    assert_eq!(second.image, None);
    assert_eq!(second.published, at("2026-11-03T14:05:00+07:00"));
    assert!(second.categories.is_empty());

    // No links.next: meta.pagination says there are more pages.
    assert_eq!(
        feed.next_page.as_deref(),
        Some("https://sukamaju.desa.id/index.php/internal_api/arsip?page[number]=2")
    );
}

#[test]
fn opensid_in_another_zone() {
    let options = ParseOptions {
        site_offset_minutes: 9 * 60,
        ..ParseOptions::new("https://kampung.desa.id/internal_api/arsip?page[number]=8")
    };
    let feed = read("opensid-arsip.json", &options);
    assert_eq!(feed.articles[0].published, at("2026-11-24T10:00:00+09:00"));
    assert_eq!(
        feed.articles[0].image.as_ref().map(|i| i.url.as_str()),
        Some("https://kampung.desa.id/desa/upload/artikel/sedang_1732432811_kerja-bakti.jpg")
    );
    assert_eq!(
        feed.next_page.as_deref(),
        Some("https://kampung.desa.id/internal_api/arsip?page[number]=2")
    );
}

#[test]
fn jsonapi_detection_and_forcing() {
    let empty = r#"{"data": [], "meta": {"pagination": {"total": 0, "current_page": 1, "total_pages": 1}}, "links": {}}"#;
    let feed = parse(empty, &ParseOptions::new(OPENDK)).expect("an empty list of articles");
    assert_eq!(
        (feed.format, feed.articles.len(), feed.next_page),
        (Format::JsonApi, 0, None)
    );

    // Elsewhere, plain field names: title, content, url, date.
    let generic = r#"{"data": [{"type": "posts", "id": 7, "attributes": {
        "title": "Pengumuman Seleksi Perangkat Desa", "content": "<p>Isi</p>",
        "url": "/pengumuman/7", "date": "Senin, 23 November 2026"}}]}"#;
    let feed = parse(generic, &ParseOptions::new("https://desa.id/api/posts")).expect("valid");
    let article = &feed.articles[0];
    assert_eq!(
        (article.id.as_str(), article.url.as_deref()),
        ("7", Some("https://desa.id/pengumuman/7"))
    );
    assert_eq!(article.published, at("2026-11-23T00:00:00+07:00"));

    let forced = ParseOptions {
        format: Some(Format::JsonApi),
        ..ParseOptions::new(OPENDK)
    };
    assert_eq!(
        parse(&fixture("opendk-artikel.json"), &forced).map(|f| f.articles.len()),
        Ok(3)
    );
    assert!(matches!(
        parse(r#"{"items": []}"#, &forced),
        Err(FeedError::WrongFormat {
            expected: Format::JsonApi,
            ..
        })
    ));
    // A data list of plain records is not JSON:API; it still needs fields.
    assert!(matches!(
        parse(r#"{"data": [{"judul": "x"}]}"#, &ParseOptions::new(OPENDK)),
        Err(FeedError::UnknownFormat { .. })
    ));
    assert_eq!(Format::parse("JSONAPI"), Some(Format::JsonApi));
    assert_eq!(Format::JsonApi.name(), "jsonapi");
}

/// The same local time written without an offset in each format reads as the site's time.
#[test]
fn dates_without_an_offset_are_the_sites_time_in_every_format() {
    let rss = r#"<rss version="2.0"><channel><item><title>Rapat</title><link>https://desa.id/a</link>
        <pubDate>Selasa, 24 Nov 2026 10:00:00</pubDate></item></channel></rss>"#;
    let atom = r#"<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>a</id><title>Rapat</title>
        <updated>2026-11-24T10:00:00</updated></entry></feed>"#;
    let json_feed = r#"{"version": "https://jsonfeed.org/version/1.1", "items": [
        {"id": "a", "title": "Rapat", "content_text": "Rapat desa.", "date_published": "2026-11-24 10:00:00"}]}"#;
    let custom = r#"[{"judul": "Rapat", "tgl": "24-11-2026 10:00:00", "slug": "a"}]"#;
    let (fields, _) = parse_fields("id: slug; title: judul; date: tgl");
    for (zone, expected) in [
        (7 * 60, "2026-11-24T10:00:00+07:00"),
        (8 * 60, "2026-11-24T10:00:00+08:00"),
    ] {
        for (name, text, fields) in [
            ("rss", rss, None),
            ("atom", atom, None),
            ("json feed", json_feed, None),
            ("custom", custom, Some(&fields)),
        ] {
            let options = ParseOptions {
                fields,
                site_offset_minutes: zone,
                ..ParseOptions::new("https://desa.id/feed")
            };
            let feed = parse(text, &options).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(feed.skipped, 0, "{name}: {:?}", feed.first_skip_reason);
            assert_eq!(feed.articles[0].date(), at(expected), "{name} at {zone}");
        }
    }
    // Jakarta unless told otherwise.
    let feed = parse(rss, &ParseOptions::new("https://desa.id/feed")).expect("valid");
    assert_eq!(feed.articles[0].date(), at("2026-11-24T10:00:00+07:00"));
}

#[test]
fn undated_articles_follow_the_dated_ones() {
    let text = r#"{"data": [
        {"type": "artikel", "id": "1", "attributes": {"judul": "Tanpa tanggal", "isi": "a"}},
        {"type": "artikel", "id": "2", "attributes": {"judul": "Lama", "isi": "b", "tgl_upload": "01-01-2025 08:00:00"}},
        {"type": "artikel", "id": "3", "attributes": {"judul": "Baru", "isi": "c", "tgl_upload": "02/01/2025"}}
    ]}"#;
    let feed = parse(text, &ParseOptions::new(OPENSID)).expect("valid");
    let ids: Vec<&str> = feed.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["3", "2", "1"]);
}
