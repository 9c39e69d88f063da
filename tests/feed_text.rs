//! Text fields in every format: `<` and `>` as text, tags ended where HTML ends them, HTML's full
//! list of named entities, one decoding per level of escaping; Atom category labels and terms.

use kabar::article::Article;
use kabar::feed::{parse, parse_fields, Feed, Format, ParseOptions, Sort};
use kabar::filter::{in_section, sections, Filters};

const FEED_URL: &str = "https://contoh.go.id/feed";

fn read(name: &str, options: &ParseOptions) -> Feed {
    let path = format!("{}/tests/fixtures/text/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse(&text, options).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn in_feed_order(name: &str) -> Feed {
    read(
        name,
        &ParseOptions {
            sort: Sort::Feed,
            ..ParseOptions::new(FEED_URL)
        },
    )
}

/// `(title, summary)` of each article.
fn texts(feed: &Feed) -> Vec<(&str, &str)> {
    feed.articles
        .iter()
        .map(|a| (a.title.as_str(), a.summary.as_str()))
        .collect()
}

#[test]
fn rss_titles_and_descriptions_are_html_decoded_once() {
    let feed = in_feed_order("rss.xml");
    assert_eq!(feed.format, Format::Rss);
    assert_eq!(
        texts(&feed),
        [
            (
                "3 < 5 dan 7 > 2: soal matematika lomba SD",
                "Jawaban lomba: harga cabai < Rp50.000 dan bawang > Rp30.000 per kilo."
            ),
            ("Harga cabai turun < Rp50.000", "Foto pasar induk pagi ini."),
            // `&amp;lt;` in the XML is an escaped `&lt;`: a `<` to the reader.
            (
                "Harga bawang turun < Rp30.000 & stabil",
                "Tabel <harga> diperbarui"
            ),
            (
                "Kafé desa raih €5.000 & sertifikat™ ½ hari",
                "Luas kebun 2 m², suhu 30°C, rapat 1–3 Desember, – selesai\u{fffd}"
            ),
        ]
    );
    let cabai = &feed.articles[1];
    let image = cabai.image.as_ref().expect("image from the description");
    assert_eq!(
        (image.url.as_str(), image.alt.as_str()),
        ("https://contoh.go.id/cabai.jpg", "harga > kemarin")
    );
    let kafe = &feed.articles[3];
    assert_eq!(kafe.categories, ["Ekonomi & UMKM"]);
    // A legacy name running into `=` in a URL is not a reference.
    assert_eq!(
        kafe.attachments[0].url,
        "https://contoh.go.id/unduh.pdf?id=1&copy=2&v=3"
    );
}

#[test]
fn atom_text_constructs_by_their_type() {
    let feed = in_feed_order("atom.xml");
    assert_eq!(feed.format, Format::Atom);
    assert_eq!(feed.title.as_deref(), Some("Warta <Desa> Contoh"));
    assert_eq!(
        texts(&feed),
        [
            // type="text": decoded once by XML, nothing is a tag.
            (
                "Sejarah tag <blink> di peramban lama",
                "Memakai elemen <div> &amp; lainnya, 3 < 5."
            ),
            // type="html": tags removed, then entities decoded once.
            (
                "Harga cabai turun < Rp50.000 hari ini",
                "Foto café &lt;div&gt;"
            ),
            // type="xhtml": markup inline.
            ("Café < Rp50.000 laris", ""),
        ]
    );
}

#[test]
fn json_feed_titles_and_summaries() {
    let feed = in_feed_order("jsonfeed.json");
    assert_eq!(feed.format, Format::JsonFeed);
    assert_eq!(
        texts(&feed),
        [
            (
                "3 < 5 dan 7 > 2: soal lomba cerdas cermat",
                "Foto juara <satu> &amp; dua"
            ),
            ("Harga cabai turun < Rp50.000", "Isi."),
            ("Kafé desa – omzet €5.000™", "Luas 2 m² ½ hektar"),
        ]
    );
    // Names are decoded too.
    assert_eq!(feed.articles[2].tags, ["Kuliner & Kafé"]);
    assert_eq!(feed.articles[2].authors, ["Dinas Koperasi & UKM"]);
}

#[test]
fn wordpress_rendered_titles_and_excerpts() {
    let feed = in_feed_order("wordpress.json");
    assert_eq!(feed.format, Format::WordPress);
    assert_eq!(
        texts(&feed),
        [
            (
                "Kafé desa – omzet naik < 10% & stabil",
                "Foto pasar über ½ hari…"
            ),
            ("Cara memakai <b> di situs desa", "3 < 5 dan 7 > 2"),
        ]
    );
}

#[test]
fn custom_json_titles_and_summaries() {
    let (fields, problems) = parse_fields(
        "items: data; id: slug; title: judul; summary: ringkasan; url: tautan; \
         category: kategori; author: penulis; image: foto; image-alt: keterangan",
    );
    assert!(problems.is_empty(), "{problems:?}");
    let options = ParseOptions {
        fields: Some(&fields),
        sort: Sort::Feed,
        ..ParseOptions::new(FEED_URL)
    };
    let feed = read("custom.json", &options);
    assert_eq!(
        texts(&feed),
        [
            ("3 < 5 dan 7 > 2: hasil ujian paket", "Foto peserta <ujian>"),
            ("Kafé & kedai ²", "Harga cabai turun < Rp50.000"),
        ]
    );
    let kafe = &feed.articles[1];
    assert_eq!(kafe.categories, ["Kuliner & Kafé"]);
    assert_eq!(kafe.authors, ["Dinas Koperasi & UKM"]);
    assert_eq!(
        kafe.image.as_ref().map(|i| i.alt.as_str()),
        Some("Kafé <baru>")
    );
}

fn ids(articles: &[Article], keep: impl Fn(&Article) -> bool) -> Vec<&str> {
    articles
        .iter()
        .filter(|a| keep(a))
        .map(|a| a.id.as_str())
        .collect()
}

#[test]
fn atom_categories_show_the_label_and_match_the_term_too() {
    let feed = in_feed_order("atom.xml");
    let articles = &feed.articles;
    assert_eq!(
        articles[0].categories,
        ["Kesehatan Masyarakat", "posyandu", "Tanpa Istilah"]
    );
    assert_eq!(articles[1].categories, ["Ekonomi & Pasar"]);
    assert_eq!(articles[2].categories, ["kesehatan"]);
    assert_eq!(
        articles[0].category_term("Kesehatan Masyarakat"),
        Some("kesehatan")
    );

    // The `category` attribute: by term or by label.
    let only = |value: &str| Filters {
        categories: Filters::category_list(value),
        ..Filters::default()
    };
    let allowed = |filters: Filters| ids(articles, |a| filters.allows(a, 0));
    assert_eq!(
        allowed(only("kesehatan")),
        ["urn:contoh:blink", "urn:contoh:xhtml"]
    );
    assert_eq!(allowed(only("Kesehatan Masyarakat")), ["urn:contoh:blink"]);
    assert_eq!(allowed(only("ekonomi")), ["urn:contoh:html"]);
    let without = Filters {
        exclude_categories: Filters::category_list("kesehatan"),
        ..Filters::default()
    };
    assert_eq!(allowed(without), ["urn:contoh:html"]);

    // Chips show labels and take in articles by label or term.
    assert_eq!(
        sections(articles),
        ["Kesehatan Masyarakat", "Ekonomi & Pasar", "kesehatan"]
    );
    assert_eq!(
        ids(articles, |a| in_section(a, "kesehatan")),
        ["urn:contoh:blink", "urn:contoh:xhtml"]
    );
    assert_eq!(
        ids(articles, |a| in_section(a, "Kesehatan Masyarakat")),
        ["urn:contoh:blink"]
    );
    assert_eq!(
        ids(articles, |a| in_section(a, "Ekonomi & Pasar")),
        ["urn:contoh:html"]
    );
}
