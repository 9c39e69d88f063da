//! Well-formed feeds that real sites publish and Kabar used to refuse or misread (issue 18):
//! items without links, Dublin Core, `xml:base`, Atom 0.3, a prefixed RSS root, OpenSID's RSS
//! in its releases, the choice between `link` and `guid`, and links to a developer's machine.

use kabar::article::{Article, Content};
use kabar::feed::{is_local_host, parse, parse_fields, Feed, Format, ParseOptions};

const FEED_URL: &str = "https://contoh.go.id/feeds/index";

fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/quirks/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read(name: &str) -> Feed {
    parse(&fixture(name), &ParseOptions::new(FEED_URL)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn titles(feed: &Feed) -> Vec<&str> {
    feed.articles.iter().map(|a| a.title.as_str()).collect()
}

fn find<'a>(feed: &'a Feed, title: &str) -> &'a Article {
    feed.articles
        .iter()
        .find(|a| a.title == title)
        .unwrap_or_else(|| panic!("no article titled {title:?} in {:?}", titles(feed)))
}

fn rfc3339(article: &Article) -> Option<String> {
    article.published.map(|d| d.rfc3339_utc())
}

#[test]
fn rss_items_without_link_or_guid_are_kept_with_stable_content_ids() {
    let feed = read("rss-no-links.xml");
    assert_eq!(feed.skipped, 0, "{:?}", feed.first_skip_reason);
    assert_eq!(feed.articles.len(), 3);
    for article in &feed.articles {
        assert_eq!(article.url, None, "{}", article.title);
        assert!(article.id.starts_with("item-"), "{}", article.id);
    }
    // The title-less item is titled from its description.
    assert!(feed.articles[1]
        .title
        .starts_with("Kerja bakti membersihkan saluran air"));
    // Ids are distinct and the same on every read, so deep links survive a reload.
    let again = read("rss-no-links.xml");
    let ids: Vec<&str> = feed.articles.iter().map(|a| a.id.as_str()).collect();
    let ids_again: Vec<&str> = again.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ids_again);
    assert_eq!(
        ids.iter().collect::<std::collections::HashSet<_>>().len(),
        3
    );
    // Pinned: a change of hash would break every saved deep link.
    assert_eq!(ids[0].len(), "item-".len() + 16);
}

#[test]
fn atom_entries_without_id_or_link_are_kept() {
    let feed = read("atom-no-id.xml");
    assert_eq!(feed.skipped, 0, "{:?}", feed.first_skip_reason);
    assert_eq!(
        titles(&feed),
        [
            "Pelayanan KTP Keliling di Desa Mekarsari",
            "Jadwal Vaksinasi Hewan Ternak"
        ]
    );
    assert!(feed
        .articles
        .iter()
        .all(|a| a.url.is_none() && a.id.starts_with("item-")));
}

#[test]
fn custom_json_items_known_only_by_their_content_are_kept() {
    let (fields, problems) =
        parse_fields("items: pengumuman; title: judul; content-text: isi; date: tanggal");
    assert!(problems.is_empty(), "{problems:?}");
    let options = ParseOptions {
        fields: Some(&fields),
        ..ParseOptions::new(FEED_URL)
    };
    let feed = parse(&fixture("custom-no-links.json"), &options).expect("parses");
    assert_eq!(feed.skipped, 0, "{:?}", feed.first_skip_reason);
    assert_eq!(
        titles(&feed),
        ["Pemadaman Listrik Bergilir", "Lomba Kebersihan Antar-RT"]
    );
    assert!(feed.articles.iter().all(|a| a.id.starts_with("item-")));
}

#[test]
fn rss_1_0_dublin_core_titles_subjects_dates_and_creators() {
    let feed = read("rdf-dc.xml");
    assert_eq!(feed.format, Format::Rss);
    assert_eq!(feed.title.as_deref(), Some("Perpustakaan Daerah"));
    assert_eq!(
        titles(&feed),
        [
            "Koleksi Baru: Sejarah Pelabuhan Sunda Kelapa",
            "Jam Layanan Baru Ruang Baca Anak"
        ]
    );
    let first = &feed.articles[0];
    assert_eq!(first.categories, ["Sejarah", "Koleksi Baru"]);
    assert_eq!(first.authors, ["Tim Katalog"]);
    assert_eq!(rfc3339(first).as_deref(), Some("2026-11-18T03:00:00Z"));
    assert_eq!(
        first.modified.map(|d| d.rfc3339_utc()).as_deref(),
        Some("2026-11-19T04:30:00Z")
    );
    // `dcterms:created` (under another prefix) is a publication date when nothing else is.
    assert_eq!(
        rfc3339(&feed.articles[1]).as_deref(),
        Some("2026-11-17T01:00:00Z")
    );
}

#[test]
fn rss_2_0_dublin_core_only_title_is_not_dropped() {
    let feed = read("rss-dc.xml");
    assert_eq!(feed.skipped, 0);
    let article = find(&feed, "Harga Gabah Kering Panen Naik");
    assert_eq!(article.categories, ["Harga Pangan"]);
    assert_eq!(article.authors, ["Seksi Informasi"]);
    assert_eq!(rfc3339(article).as_deref(), Some("2026-11-16T02:00:00Z"));
    assert_eq!(
        article.modified.map(|d| d.rfc3339_utc()).as_deref(),
        Some("2026-11-16T08:00:00Z")
    );
}

#[test]
fn atom_0_3_base64_content_is_decoded_with_its_dates() {
    let feed = read("atom03-base64.xml");
    assert_eq!(feed.format, Format::Atom);
    let article = find(&feed, "Pupuk Bersubsidi Tersedia");
    match &article.content {
        Content::Html(html) => assert!(
            html.starts_with("<p>Bantuan <b>pupuk bersubsidi</b>"),
            "{html}"
        ),
        other => panic!("{other:?}"),
    }
    assert!(article
        .summary
        .starts_with("Bantuan pupuk bersubsidi sudah bisa diambil"));
    assert_eq!(rfc3339(article).as_deref(), Some("2026-11-15T01:00:00Z"));
    assert_eq!(
        article.modified.map(|d| d.rfc3339_utc()).as_deref(),
        Some("2026-11-15T05:00:00Z")
    );
    // The feed's xml:base anchors the link and the body's image.
    assert_eq!(
        article.url.as_deref(),
        Some("https://tani.contoh.id/berita/pupuk")
    );
    assert_eq!(
        article.image.as_ref().map(|i| i.url.as_str()),
        Some("https://tani.contoh.id/gambar/pupuk.jpg")
    );
}

#[test]
fn rss_xml_base_is_scoped_inner_over_outer() {
    let feed = parse(
        &fixture("rss-xml-base.xml"),
        &ParseOptions {
            sort: kabar::feed::Sort::Feed,
            ..ParseOptions::new(FEED_URL)
        },
    )
    .expect("parses");
    let first = find(&feed, "Pameran Arsip Foto Kota Lama");
    // The channel's relative base resolves against the root's.
    assert_eq!(
        first.url.as_deref(),
        Some("https://arsip.contoh.id/warta/2026/pameran-foto")
    );
    assert_eq!(
        first.image.as_ref().map(|i| i.url.as_str()),
        Some("https://arsip.contoh.id/warta/gambar/pameran.jpg")
    );
    // The item's base replaces the path; the link's own base adds to it.
    let second = find(&feed, "Layanan Digitalisasi Dokumen Keluarga");
    assert_eq!(
        second.url.as_deref(),
        Some("https://arsip.contoh.id/khusus/layanan/digitalisasi")
    );
}

#[test]
fn atom_xml_base_is_scoped_inner_over_outer() {
    let feed = read("atom-xml-base.xml");
    let keris = find(&feed, "Koleksi Keris Dipamerkan Kembali");
    assert_eq!(
        keris.url.as_deref(),
        Some("https://museum.contoh.id/kabar/2026/keris")
    );
    // The content's own base anchors the image inside it.
    assert_eq!(
        keris.image.as_ref().map(|i| i.url.as_str()),
        Some("https://museum.contoh.id/media/keris.jpg")
    );
    let hours = find(&feed, "Jam Buka Libur Nasional");
    assert_eq!(
        hours.url.as_deref(),
        Some("https://lain.contoh.id/info/jam-buka")
    );
}

#[test]
fn an_rss_root_with_a_namespace_prefix_is_rss() {
    let feed = read("rss-prefixed-root.xml");
    assert_eq!(feed.format, Format::Rss);
    assert_eq!(feed.title.as_deref(), Some("Radio Komunitas"));
    let article = find(&feed, "Siaran Langsung Musyawarah Desa");
    assert_eq!(
        article.url.as_deref(),
        Some("https://radio.contoh.id/siaran/musdes")
    );
    assert_eq!(rfc3339(article).as_deref(), Some("2026-11-13T12:00:00Z"));
}

#[test]
fn opensid_current_rss_without_an_xml_declaration() {
    let feed = read("opensid.xml");
    assert_eq!(feed.format, Format::Rss);
    assert_eq!(feed.skipped, 0);
    let kirab = find(&feed, "Bersih Desa & Kirab Budaya 2026");
    assert_eq!(
        kirab.id,
        "https://sumberrejo.desa.id/index.php/artikel/2026/11/20/bersih-desa-kirab-budaya-2026"
    );
    // The description's excerpt, entities decoded once, without OpenSID's trailing "[...]".
    assert_eq!(
        kirab.summary,
        "Warga Desa Sumberrejo menggelar \"Bersih Desa\" dan kirab budaya mengelilingi empat \
         dusun & diikuti kelompok seni…"
    );
    // The card image is the description's thumbnail, not the body's first image.
    assert_eq!(
        kirab.image.as_ref().map(|i| i.url.as_str()),
        Some("https://sumberrejo.desa.id/desa/upload/artikel/sedang_kirab.jpg")
    );
    // The reader shows content:encoded.
    assert!(matches!(&kirab.content, Content::Html(html) if html.contains("doa bersama")));
    let blt = find(&feed, "Penyaluran BLT Dana Desa Tahap IV");
    assert!(
        blt.summary.ends_with("aula kantor desa…"),
        "{}",
        blt.summary
    );
}

#[test]
fn opensid_old_releases_items_after_the_channel_lowercase_pubdate_no_guid_no_date() {
    let feed = read("opensid-old.xml");
    assert_eq!(feed.skipped, 0);
    // Dated items newest first, the undated one after them.
    assert_eq!(
        titles(&feed),
        [
            "Musyawarah Perencanaan Pembangunan Desa",
            "Pelatihan Kader Posyandu",
            "Jadwal Piket Ronda Malam"
        ]
    );
    let first = &feed.articles[0];
    assert_eq!(rfc3339(first).as_deref(), Some("2026-11-10T03:00:00Z"));
    assert_eq!(first.id, "http://karanganyar.desa.id/first/artikel/77");
    assert_eq!(
        first.image.as_ref().map(|i| i.url.as_str()),
        Some("http://karanganyar.desa.id/desa/upload/artikel/kecil_musrenbang.jpg")
    );
    assert!(
        first.summary.ends_with("jalan usaha tani dan talud…"),
        "{}",
        first.summary
    );
    assert_eq!(feed.articles[2].published, None);
}

#[test]
fn opensid_items_also_after_the_channel_when_it_has_some() {
    let text = fixture("opensid-old.xml").replacen(
        "</channel>",
        "<item><title>Di Dalam Channel</title><link>http://karanganyar.desa.id/first/artikel/78</link></item></channel>",
        1,
    );
    let feed = parse(&text, &ParseOptions::new(FEED_URL)).expect("parses");
    assert_eq!(feed.articles.len(), 4, "{:?}", titles(&feed));
}

#[test]
fn link_first_then_guid_only_when_it_is_a_permalink_url() {
    let feed = read("rss-link-choice.xml");
    assert_eq!(feed.skipped, 0);
    let drupal = find(&feed, "Rapat Koordinasi Camat dan Kepala Desa");
    assert_eq!(
        drupal.url.as_deref(),
        Some("https://kecamatan.contoh.id/berita/rakor-camat")
    );
    assert_eq!(drupal.id, "123 at https://kecamatan.contoh.id");
    // Drupal's guid is not a URL: no link, but the guid still identifies the item.
    let no_link = find(&feed, "Pengumuman Seleksi Perangkat Desa");
    assert_eq!(no_link.url, None);
    assert_eq!(no_link.id, "124 at https://kecamatan.contoh.id");
    let permalink = find(&feed, "Lomba Desa Tingkat Kecamatan");
    assert_eq!(
        permalink.url.as_deref(),
        Some("https://kecamatan.contoh.id/berita/lomba-desa")
    );
    // isPermaLink="false" says the guid is not the item's address, even when it looks like one.
    let not_permalink = find(&feed, "Arsip Notulen Rapat");
    assert_eq!(not_permalink.url, None);
    // A guid that only starts like a URL (a server path) is no link either.
    let path = find(&feed, "Berkas Lama dari Server Plesk");
    assert_eq!(path.url, None);
    assert_eq!(path.id, "httpdocs/berita/88");
}

#[test]
fn links_to_a_private_host_are_reported_once_unless_the_page_is_on_one() {
    let public = ParseOptions {
        page_host: Some("www.desawisata.id"),
        ..ParseOptions::new("https://www.desawisata.id/rss.xml")
    };
    let feed = parse(&fixture("rss-localhost.xml"), &public).expect("parses");
    let local: Vec<&String> = feed
        .warnings
        .iter()
        .filter(|w| w.contains("local or private address"))
        .collect();
    assert_eq!(local.len(), 1, "{:?}", feed.warnings);
    assert!(
        local[0].contains("https://www.desawisata.id/rss.xml"),
        "{}",
        local[0]
    );
    assert!(local[0].contains("localhost"), "{}", local[0]);

    for page_host in ["localhost", "127.0.0.1", "192.168.1.5", "desa.local"] {
        let on_local = ParseOptions {
            page_host: Some(page_host),
            ..ParseOptions::new("https://www.desawisata.id/rss.xml")
        };
        let feed = parse(&fixture("rss-localhost.xml"), &on_local).expect("parses");
        assert!(feed.warnings.is_empty(), "{page_host}: {:?}", feed.warnings);
    }
    // Public links raise nothing.
    assert!(read("opensid.xml").warnings.is_empty());
}

#[test]
fn local_hosts_are_recognised() {
    for host in [
        "localhost",
        "LOCALHOST",
        "app.localhost",
        "printer.local",
        "127.0.0.1",
        "127.8.9.10",
        "10.1.2.3",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.0.10",
        "::1",
        "[::1]",
        "fd12:3456::1",
        "fe80::1",
        "0:0:0:0:0:0:0:1",
        "::ffff:192.168.1.1",
        "169.254.10.1",
    ] {
        assert!(is_local_host(host), "{host}");
    }
    for host in [
        "contoh.go.id",
        "172.32.0.1",
        "172.15.0.1",
        "11.0.0.1",
        "8.8.8.8",
        "2001:db8::1",
        "localhost.example.id",
        "::ffff:8.8.8.8",
        "fc.contoh.id",
        "192.168.1",
        "1.2.3.4.5",
    ] {
        assert!(!is_local_host(host), "{host}");
    }
}

#[test]
fn microsoft_cdf_is_not_claimed_and_says_what_it_found() {
    let cdf = r#"<?xml version="1.0"?><CHANNEL HREF="https://contoh.go.id/" BASE="https://contoh.go.id/">
        <TITLE>Saluran Berita</TITLE><ITEM HREF="berita.htm"><TITLE>Berita</TITLE></ITEM></CHANNEL>"#;
    match parse(cdf, &ParseOptions::new(FEED_URL)) {
        Err(kabar::feed::FeedError::UnknownFormat { found }) => {
            assert!(found.contains("<CHANNEL>"), "{found}")
        }
        other => panic!("{other:?}"),
    }
}
