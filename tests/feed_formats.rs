//! WordPress, RSS, Atom and custom JSON against fixture files with the quirks real agency feeds
//! have; detection, forced formats, duplicates, sorting and caps.

use kabar::article::Content;
use kabar::feed::{parse, parse_fields, Feed, FeedError, Format, ParseOptions, Sort, MAX_ITEMS};

const FEED_URL: &str = "https://contoh.go.id/feeds/index";

fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read(name: &str) -> Feed {
    parse(&fixture(name), &ParseOptions::new(FEED_URL)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn ids(feed: &Feed) -> Vec<&str> {
    feed.articles.iter().map(|a| a.id.as_str()).collect()
}

#[test]
fn wordpress_posts_with_embed() {
    let options = ParseOptions {
        upgrade_images: true,
        ..ParseOptions::new("https://contoh.go.id/wp-json/wp/v2/posts?_embed&per_page=4")
    };
    let feed = parse(&fixture("wordpress-embed.json"), &options).expect("valid");
    assert_eq!(feed.format, Format::WordPress);
    // Newest first; the post repeating another's link and the malformed one are skipped.
    assert_eq!(ids(&feed), ["1202", "1201", "1150"]);
    assert_eq!(feed.skipped, 2);

    let post = &feed.articles[1];
    assert_eq!(
        post.title,
        "“Sekolah Ramah Anak” Dicanangkan – UMKM & Koperasi Ikut Serta"
    );
    assert_eq!(
        post.summary,
        "Bupati mencanangkan program Sekolah Ramah Anak di 40 sekolah dasar…"
    );
    assert!(matches!(&post.content, Content::Html(h) if h.contains("<strong>")));
    // date_gmt is UTC: 02:15Z is 09:15 in Jakarta on the same day.
    let published = post.published.expect("date");
    assert_eq!(
        (published.unix_seconds, published.iso_date().as_str()),
        (1_795_659_300, "2026-11-26")
    );
    assert!(post.modified > post.published);
    assert_eq!(post.authors, ["Humas & Protokol"]);
    assert_eq!(post.categories, ["Pendidikan"]);
    assert_eq!(post.tags, ["Anak", "Sekolah & Guru"]);
    let image = post.image.as_ref().expect("featured image");
    // http: images are upgraded on an https page, every size too.
    assert_eq!(
        image.url,
        "https://contoh.go.id/wp-content/uploads/2026/11/sekolah.jpg"
    );
    assert_eq!((image.width, image.height), (Some(1600), Some(900)));
    assert_eq!(image.alt, "Siswa berbaris di halaman sekolah");
    let srcset = image.srcset().expect("srcset");
    assert!(srcset
        .starts_with("https://contoh.go.id/wp-content/uploads/2026/11/sekolah-150x150.jpg 150w, "));
    assert!(srcset.ends_with("sekolah.jpg 1600w"), "{srcset}");
    assert_eq!(srcset.matches("w,").count(), 3);

    let protected = &feed.articles[0];
    assert_eq!(protected.content, Content::Protected);
    assert_eq!(protected.summary, "Ringkasan rapat internal bagian umum.");
    assert!(
        protected.categories.is_empty(),
        "Uncategorized says nothing"
    );

    // A forbidden featured image embeds as an error object: no image, and the relative link
    // resolves against the feed URL; an empty date_gmt falls back to the local date.
    let private = &feed.articles[2];
    assert_eq!(private.image, None);
    assert_eq!(
        private.url.as_deref(),
        Some("https://contoh.go.id/2026/11/18/gambar-privat/")
    );
    assert!(private.published.is_some());
}

#[test]
fn wordpress_without_embed_and_its_paging() {
    let url = "https://contoh.go.id/wp-json/wp/v2/posts?per_page=2";
    let options = ParseOptions {
        total_pages: Some(3),
        ..ParseOptions::new(url)
    };
    let feed = parse(&fixture("wordpress-plain.json"), &options).expect("valid");
    assert_eq!(ids(&feed), ["8", "7"]);
    assert!(feed
        .articles
        .iter()
        .all(|a| a.image.is_none() && a.categories.is_empty()));
    assert_eq!(
        feed.next_page.as_deref(),
        Some("https://contoh.go.id/wp-json/wp/v2/posts?per_page=2&page=2")
    );
    let last = ParseOptions {
        total_pages: Some(3),
        ..ParseOptions::new("https://contoh.go.id/wp-json/wp/v2/posts?per_page=2&page=3")
    };
    let feed = parse(&fixture("wordpress-plain.json"), &last).expect("valid");
    assert_eq!(feed.next_page, None);
}

#[test]
fn rss_2_with_extensions_and_quirks() {
    let feed = read("rss.xml");
    assert_eq!(feed.format, Format::Rss);
    assert_eq!(feed.title.as_deref(), Some("Kanal Berita & Pengumuman"));
    assert_eq!(feed.language.as_deref(), Some("id"));
    // The item with no title, link, guid or text is skipped; the rest show newest first, and
    // the one whose date cannot be read goes last.
    assert_eq!(feed.skipped, 1);
    assert_eq!(feed.articles.len(), 4);
    let first = &feed.articles[0];
    assert_eq!(first.title, "Jembatan Desa Selesai Dibangun");
    assert_eq!(first.id, "https://contoh.go.id/?p=301");
    // A bare & in the link does not stop the parser.
    assert_eq!(
        first.url.as_deref(),
        Some("https://contoh.go.id/berita/jembatan?utm_source=rss&utm_medium=feed")
    );
    assert_eq!(first.authors, ["Dinas PUPR"]);
    assert_eq!(first.categories, ["Infrastruktur", "Desa"]);
    assert_eq!(
        first.published.map(|d| (d.unix_seconds, d.offset_minutes)),
        Some((1_795_663_800, 420))
    );
    assert!(matches!(&first.content, Content::Html(h) if h.contains("<b>60 meter</b>")));
    assert_eq!(
        first.summary,
        "Jembatan gantung sepanjang 60 meter kini menghubungkan dua desa."
    );
    let image = first.image.as_ref().expect("media:content");
    assert_eq!(image.url, "https://contoh.go.id/img/jembatan.jpg");
    assert_eq!(
        (image.width, image.alt.as_str()),
        (Some(1200), "Jembatan gantung di atas sungai")
    );

    let second = &feed.articles[1];
    assert_eq!(second.authors, ["Humas Setda"]);
    assert_eq!(second.published.map(|d| d.offset_minutes), Some(420));
    assert_eq!(
        second.summary,
        "Seleksi dibuka hingga 10 Desember & berkas dikirim ke kantor camat."
    );
    assert_eq!(
        second.image.as_ref().map(|i| i.url.as_str()),
        Some("https://contoh.go.id/img/seleksi.jpg")
    );
    assert_eq!(second.attachments.len(), 1);
    assert_eq!(second.attachments[0].label(), "pengumuman.pdf");
    assert_eq!(
        second.attachments[0].details(true).as_deref(),
        Some("PDF, 246 KB")
    );

    // Tracking pixels are passed over for the first real image in the description.
    let third = &feed.articles[2];
    assert_eq!(
        third.url.as_deref(),
        Some("https://contoh.go.id/feeds/posyandu-desember")
    );
    assert_eq!(
        third.image.as_ref().map(|i| i.url.as_str()),
        Some("https://contoh.go.id/img/posyandu.jpg")
    );

    let undated = &feed.articles[3];
    assert_eq!(
        (undated.title.as_str(), undated.published),
        ("Tanggal Rusak Tetap Tampil", None)
    );
    assert_eq!(
        undated.url.as_deref(),
        Some("https://contoh.go.id/berita/tanggal-rusak")
    );
    // Not upgraded: this page is not https in the default options.
    assert_eq!(
        undated.image.as_ref().map(|i| i.url.as_str()),
        Some("http://contoh.go.id/img/thumb.jpg")
    );
}

#[test]
fn atom_1_0_in_its_three_content_types() {
    let feed = read("atom.xml");
    assert_eq!(feed.format, Format::Atom);
    assert_eq!(feed.title.as_deref(), Some("Warta Dinas Kesehatan & KB"));
    assert_eq!(feed.language, None, "a tag with spaces is not used");
    assert_eq!(
        feed.next_page.as_deref(),
        Some("https://contoh.go.id/feeds/atom.xml?page=2")
    );
    assert_eq!(
        ids(&feed),
        [
            "tag:contoh.go.id,2026:dbd",
            "tag:contoh.go.id,2026:vaksin",
            "https://contoh.go.id/warta/tanpa-id",
        ]
    );
    let dbd = &feed.articles[0];
    assert_eq!(dbd.authors, ["dr. Sari"]);
    assert_eq!(dbd.categories, ["pencegahan"]);
    assert_eq!(
        dbd.published, dbd.modified,
        "updated stands in for published"
    );
    assert!(
        matches!(&dbd.content, Content::Html(h) if h == "<p>Lakukan <b>3M Plus</b> &amp; periksa jentik.</p>")
    );
    assert_eq!(dbd.image.as_ref().map(|i| i.width), Some(Some(640)));

    let vaksin = &feed.articles[1];
    assert_eq!(vaksin.title, "Imunisasi Kejar – Bulan Ini");
    assert_eq!(
        vaksin.authors,
        ["Dinas Kesehatan"],
        "the feed's author is inherited"
    );
    assert_eq!(vaksin.categories, ["Kesehatan"]);
    assert!(
        matches!(&vaksin.content, Content::Html(h) if h.contains("<strong>12 puskesmas</strong>"))
    );
    assert_eq!(
        vaksin.image.as_ref().map(|i| i.url.as_str()),
        Some("https://contoh.go.id/img/imunisasi.jpg")
    );
    assert_eq!(vaksin.attachments[0].label(), "Jadwal imunisasi");

    let plain = &feed.articles[2];
    assert!(matches!(&plain.content, Content::Text(t) if Content::text_paragraphs(t).len() == 2));
}

#[test]
fn custom_json_mapped_by_fields() {
    let (fields, problems) = parse_fields(
        "items: data.posts; id: slug; title: headline; url: link; image: thumb.url; date: published_at; \
         summary: lead; content: body_html; category: section.name; author: writer",
    );
    assert!(problems.is_empty(), "{problems:?}");
    let options = ParseOptions {
        fields: Some(&fields),
        ..ParseOptions::new(FEED_URL)
    };
    let text = fixture("custom-api.json");
    assert!(
        text.starts_with('\u{feff}'),
        "the fixture keeps its byte order mark"
    );
    let feed = parse(&text, &options).expect("valid");
    assert_eq!(feed.format, Format::Custom);
    assert!(feed.warnings.is_empty(), "{:?}", feed.warnings);
    // Unix milliseconds sort before a date without an offset; the item with nothing readable
    // (empty title, lead and body) is skipped.
    assert_eq!(ids(&feed), ["1002", "festival-sungai"]);
    assert_eq!(
        feed.first_skip_reason.as_deref(),
        Some("item 2 has no title and no readable content")
    );
    let festival = &feed.articles[1];
    assert_eq!(festival.title, "Festival Sungai & Perahu Hias");
    assert_eq!(
        festival.image.as_ref().map(|i| i.url.as_str()),
        Some("https://contoh.go.id/img/perahu.jpg")
    );
    assert_eq!(festival.categories, ["Pariwisata"]);
    assert_eq!(festival.authors, ["Disparbud"]);
    assert_eq!(
        festival.published.map(|d| d.iso_date()).as_deref(),
        Some("2026-11-25")
    );
    // Empty strings count as absent: no image, the summary comes from the body.
    let cabai = &feed.articles[0];
    assert_eq!(
        (cabai.image.as_ref(), cabai.summary.as_str()),
        (None, "Harga cabai merah turun.")
    );
    assert_eq!(cabai.categories, ["Ekonomi", "Pasar"]);
    assert!(cabai.authors.is_empty());
}

#[test]
fn custom_paths_that_match_nothing_are_named() {
    let (fields, _) = parse_fields("items: data.posts; title: judul; url: link");
    let options = ParseOptions {
        fields: Some(&fields),
        ..ParseOptions::new(FEED_URL)
    };
    let feed = parse(&fixture("custom-api.json"), &options).expect("valid");
    assert_eq!(feed.warnings.len(), 1, "{:?}", feed.warnings);
    assert!(feed.warnings[0].starts_with("fields: \"title: judul\" matched nothing in any of the 3 items; the first item has the keys body_html, headline"), "{}", feed.warnings[0]);

    let (wrong_items, _) = parse_fields("items: data.artikel");
    let options = ParseOptions {
        fields: Some(&wrong_items),
        ..ParseOptions::new(FEED_URL)
    };
    let error = parse(&fixture("custom-api.json"), &options).expect_err("no such list");
    assert_eq!(
        error.to_string(),
        "fields: \"items: data.artikel\" leads nowhere; the top level has the keys data, status"
    );
}

#[test]
fn detection_and_forced_formats() {
    for (name, format) in [
        ("wordpress-embed.json", Format::WordPress),
        ("rss.xml", Format::Rss),
        ("atom.xml", Format::Atom),
        ("jsonfeed-1.1.json", Format::JsonFeed),
    ] {
        assert_eq!(read(name).format, format, "{name}");
    }
    let forced = ParseOptions {
        format: Some(Format::Atom),
        ..ParseOptions::new(FEED_URL)
    };
    let error = parse(&fixture("rss.xml"), &forced).expect_err("RSS is not Atom");
    assert_eq!(
        error.to_string(),
        "format=\"atom\" was set, but the feed is XML whose root element is <rss>; remove the format attribute to detect it"
    );
    let unknown = parse(
        "<?xml version=\"1.0\"?><urlset><url/></urlset>",
        &ParseOptions::new(FEED_URL),
    )
    .expect_err("a sitemap");
    assert!(matches!(unknown, FeedError::UnknownFormat { .. }));
    let wp_error = parse(
        r#"{"code":"rest_no_route","message":"Tidak ada rute","data":{"status":404}}"#,
        &ParseOptions::new(FEED_URL),
    )
    .expect_err("a WordPress error");
    assert!(wp_error.to_string().contains("rest_no_route"));
    assert_eq!(read("wordpress-plain.json").format, Format::WordPress);
    assert_eq!(
        parse("[]", &ParseOptions::new(FEED_URL)).map(|f| f.articles.len()),
        Ok(0)
    );
}

fn numbered_feed(count: usize, dated: bool) -> String {
    let items: Vec<String> = (0..count)
        .map(|i| {
            let date = if dated {
                format!(
                    r#","date_published":"2026-01-01T00:{:02}:{:02}Z""#,
                    (i / 60) % 60,
                    i % 60
                )
            } else {
                String::new()
            };
            format!(r#"{{"id":"{i}","title":"Berita {i}","content_text":"Isi"{date}}}"#)
        })
        .collect();
    format!(
        r#"{{"version":"https://jsonfeed.org/version/1.1","items":[{}]}}"#,
        items.join(",")
    )
}

#[test]
fn sort_order_and_feed_order() {
    let text = numbered_feed(5, true);
    assert_eq!(
        ids(&parse(&text, &ParseOptions::new(FEED_URL)).expect("valid")),
        ["4", "3", "2", "1", "0"]
    );
    let as_written = ParseOptions {
        sort: Sort::Feed,
        ..ParseOptions::new(FEED_URL)
    };
    assert_eq!(
        ids(&parse(&text, &as_written).expect("valid")),
        ["0", "1", "2", "3", "4"]
    );
    // Undated items keep feed order under "newest".
    assert_eq!(
        ids(&parse(&numbered_feed(3, false), &ParseOptions::new(FEED_URL)).expect("valid")),
        ["0", "1", "2"]
    );
}

#[test]
fn huge_feeds_are_capped_with_a_warning() {
    let feed = parse(
        &numbered_feed(MAX_ITEMS + 200, false),
        &ParseOptions::new(FEED_URL),
    )
    .expect("valid");
    assert_eq!(feed.articles.len(), MAX_ITEMS);
    assert_eq!(
        feed.warnings,
        [format!(
            "the feed has {} items; only the first {MAX_ITEMS} were read",
            MAX_ITEMS + 200
        )]
    );

    let padding = " ".repeat(kabar::feed::MAX_FEED_BYTES);
    let too_big = format!(r#"{{"items":[]{padding}}}"#);
    assert!(matches!(
        parse(&too_big, &ParseOptions::new(FEED_URL)),
        Err(FeedError::TooLarge(_))
    ));

    // XML is cut at the cap and read up to there: the items before the cut still show.
    let item = "<item><title>Berita</title><link>https://contoh.go.id/x</link></item>";
    let mut rss = String::from("<rss><channel>");
    let mut n = 0;
    while rss.len() < kabar::feed::MAX_FEED_BYTES + 1000 {
        rss.push_str(&item.replace("/x<", &format!("/{n}<")));
        n += 1;
    }
    let feed = parse(&rss, &ParseOptions::new(FEED_URL)).expect("cut, not refused");
    assert_eq!(feed.articles.len(), MAX_ITEMS);
    assert!(
        feed.warnings.iter().any(|w| w.contains("only the first")),
        "{:?}",
        feed.warnings
    );
}

#[test]
fn a_further_page_appends_without_duplicates() {
    let mut feed = parse(&numbered_feed(3, true), &ParseOptions::new(FEED_URL)).expect("valid");
    let mut more = parse(&numbered_feed(5, true), &ParseOptions::new(FEED_URL)).expect("valid");
    more.next_page = None;
    feed.append_page(more, Sort::Newest);
    assert_eq!(ids(&feed), ["4", "3", "2", "1", "0"]);
}
