//! Feeds in other encodings than UTF-8 (issue 18): which charset the bytes are in (BOM, HTTP
//! header, XML declaration, byte pattern) and native decoding, end to end through the parser.

use kabar::charset::{decode, decode_detected, detect, Charset};
use kabar::feed::{parse, Feed, Format, ParseOptions};

const FEED_URL: &str = "https://contoh.go.id/rss.xml";

/// A small RSS feed whose title and item use `£ “ ”` and an Indonesian é (as in "kafé").
fn rss(declaration: &str) -> String {
    format!(
        "{declaration}<rss version=\"2.0\"><channel><title>Pasar Kafé</title>\
         <item><title>“Harga Kopi” naik £2</title><link>https://contoh.go.id/kopi</link>\
         <description>Harga kopi di kafé desa naik.</description></item></channel></rss>"
    )
}

fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '“' => 0x93,
            '”' => 0x94,
            '€' => 0x80,
            c if (c as u32) < 0x100 => c as u8,
            _ => b'?',
        })
        .collect()
}

fn utf16(text: &str, little_endian: bool, bom: bool) -> Vec<u8> {
    let bom = bom.then_some('\u{feff}');
    bom.into_iter()
        .chain(text.chars())
        .collect::<String>()
        .encode_utf16()
        .flat_map(|unit| {
            if little_endian {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            }
        })
        .collect()
}

fn utf32(text: &str, little_endian: bool, bom: bool) -> Vec<u8> {
    let bom = bom.then_some('\u{feff}');
    bom.into_iter()
        .chain(text.chars())
        .flat_map(|c| {
            let code = c as u32;
            if little_endian {
                code.to_le_bytes()
            } else {
                code.to_be_bytes()
            }
        })
        .collect()
}

fn read(bytes: &[u8], content_type: Option<&str>) -> Feed {
    let text = decode_detected(bytes, content_type);
    parse(&text, &ParseOptions::new(FEED_URL)).unwrap_or_else(|e| panic!("{e}"))
}

fn assert_reads_right(feed: &Feed) {
    assert_eq!(feed.format, Format::Rss);
    assert_eq!(feed.title.as_deref(), Some("Pasar Kafé"));
    assert_eq!(feed.articles.len(), 1);
    assert_eq!(feed.articles[0].title, "“Harga Kopi” naik £2");
}

#[test]
fn labels_are_normalised_as_browsers_do() {
    for label in [
        "ISO-8859-1",
        "latin1",
        "us-ascii",
        "\"windows-1252\"",
        " cp1252 ",
    ] {
        assert_eq!(
            Charset::from_label(label),
            Some(Charset::Windows1252),
            "{label}"
        );
    }
    assert_eq!(Charset::from_label("UTF8"), Some(Charset::Utf8));
    assert_eq!(Charset::from_label("utf-16"), Some(Charset::Utf16Le));
    assert_eq!(Charset::from_label("UTF-16BE"), Some(Charset::Utf16Be));
    assert_eq!(Charset::from_label("utf-32"), Some(Charset::Utf32Le));
    assert_eq!(
        Charset::from_label("Shift_JIS"),
        Some(Charset::Other("shift_jis".into()))
    );
    assert_eq!(Charset::from_label("  "), None);
    assert_eq!(Charset::Windows1252.label(), "windows-1252");
}

#[test]
fn the_byte_order_mark_wins_over_everything() {
    let mut utf8 = vec![0xEF, 0xBB, 0xBF];
    utf8.extend(rss("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>").bytes());
    assert_eq!(
        detect(&utf8, Some("text/xml; charset=iso-8859-1")),
        Charset::Utf8
    );
    let le = utf16(&rss(""), true, true);
    assert_eq!(
        detect(&le, Some("text/xml; charset=utf-8")),
        Charset::Utf16Le
    );
    let be = utf16(&rss(""), false, true);
    assert_eq!(detect(&be, None), Charset::Utf16Be);
    assert_eq!(detect(&utf32(&rss(""), true, true), None), Charset::Utf32Le);
    assert_eq!(
        detect(&utf32(&rss(""), false, true), None),
        Charset::Utf32Be
    );
}

#[test]
fn then_the_http_header_then_the_xml_declaration_then_utf8() {
    let declared = windows_1252(&rss("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"));
    assert_eq!(detect(&declared, None), Charset::Windows1252);
    assert_eq!(
        detect(
            &declared,
            Some("application/rss+xml; Charset=\"windows-1252\"")
        ),
        Charset::Windows1252
    );
    // The header is above the declaration.
    let undeclared = windows_1252(&rss("<?xml version='1.0' encoding='utf-8'?>"));
    assert_eq!(
        detect(&undeclared, Some("text/xml;charset=ISO-8859-1")),
        Charset::Windows1252
    );
    assert_eq!(detect(b"<rss/>", Some("text/xml")), Charset::Utf8);
    assert_eq!(detect(b"{\"items\": []}", None), Charset::Utf8);
    // An ASCII-readable declaration cannot be UTF-16.
    assert_eq!(
        detect(b"<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss/>", None),
        Charset::Utf8
    );
}

#[test]
fn utf16_and_utf32_without_a_mark_are_recognised_by_their_bytes() {
    let declaration = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>";
    assert_eq!(
        detect(&utf16(&rss(declaration), true, false), None),
        Charset::Utf16Le
    );
    assert_eq!(
        detect(&utf16(&rss(declaration), false, false), None),
        Charset::Utf16Be
    );
    // A header saying only "utf-16" takes the order from the bytes.
    assert_eq!(
        detect(
            &utf16(&rss(""), false, false),
            Some("text/xml; charset=utf-16")
        ),
        Charset::Utf16Be
    );
    assert_eq!(
        detect(&utf32(&rss(""), true, false), None),
        Charset::Utf32Le
    );
    assert_eq!(
        detect(&utf32(&rss(""), false, false), None),
        Charset::Utf32Be
    );
}

#[test]
fn a_utf8_body_under_a_latin1_header_is_read_as_utf8() {
    // Old OpenSID and other PHP sites sent `charset=ISO-8859-1` over UTF-8 text.
    let body = rss("");
    assert_eq!(
        detect(body.as_bytes(), Some("text/xml; charset=ISO-8859-1")),
        Charset::Utf8
    );
    assert_reads_right(&read(body.as_bytes(), Some("text/xml; charset=ISO-8859-1")));
}

#[test]
fn windows_1252_and_iso_8859_1_feeds_read_right() {
    let declared = windows_1252(&rss("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"));
    assert_reads_right(&read(&declared, None));
    let in_header = windows_1252(&rss(""));
    assert_reads_right(&read(
        &in_header,
        Some("application/xml; charset=windows-1252"),
    ));
    // Without any declaration the bytes are not UTF-8: replaced, never a panic.
    assert!(read(&in_header, None).articles[0]
        .title
        .contains('\u{fffd}'));
}

#[test]
fn utf16_feeds_read_right() {
    let declaration = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>";
    assert_reads_right(&read(&utf16(&rss(declaration), true, true), None));
    assert_reads_right(&read(&utf16(&rss(declaration), false, false), None));
    assert_reads_right(&read(
        &utf16(&rss(""), false, false),
        Some("application/rss+xml; charset=UTF-16BE"),
    ));
}

#[test]
fn utf32_feeds_read_right() {
    let declaration = "<?xml version=\"1.0\" encoding=\"UTF-32\"?>";
    assert_reads_right(&read(&utf32(&rss(declaration), true, true), None));
    assert_reads_right(&read(&utf32(&rss(declaration), false, false), None));
    assert_reads_right(&read(&utf32(&rss(""), false, true), None));
}

#[test]
fn malformed_bytes_become_replacement_characters() {
    assert_eq!(
        decode(&[0x3C, 0x00, 0x00, 0xD8], &Charset::Utf16Le).as_deref(),
        Some("<\u{fffd}")
    );
    assert_eq!(
        decode(
            &[0x3C, 0, 0, 0, 0xFF, 0xFF, 0x11, 0x00, 0x41],
            &Charset::Utf32Le
        )
        .as_deref(),
        Some("<\u{fffd}\u{fffd}")
    );
    assert_eq!(
        decode(&[0x80, 0x81, 0x9F, 0xE9], &Charset::Windows1252).as_deref(),
        Some("€\u{81}Ÿé")
    );
    assert_eq!(decode(b"x", &Charset::Other("koi8-r".into())), None);
}

#[test]
fn opensid_under_an_iso_8859_1_header_keeps_its_utf8_text() {
    let path = format!(
        "{}/tests/fixtures/quirks/opensid.xml",
        env!("CARGO_MANIFEST_DIR")
    );
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let feed = read(&bytes, Some("text/xml; charset=ISO-8859-1"));
    let article = feed
        .articles
        .iter()
        .find(|a| a.title == "Bersih Desa & Kirab Budaya 2026")
        .expect("the kirab article");
    assert!(
        matches!(&article.content, kabar::article::Content::Html(html) if html.contains("balai desa — dipimpin modin")),
        "{:?}",
        article.content
    );
}

#[test]
fn utf8_is_decoded_by_hand_like_std() {
    use kabar::charset::decode_utf8;
    for text in ["", "Pasar Kafé", "“Harga” £2 — 😀 中文"] {
        assert_eq!(decode_utf8(text.as_bytes()), (text.to_string(), true));
    }
    // Overlong, surrogate, truncated and stray bytes each become U+FFFD.
    for (bytes, expected) in [
        (&[0xC0, 0x80][..], "\u{fffd}\u{fffd}"),
        (&[0xED, 0xA0, 0x80][..], "\u{fffd}\u{fffd}\u{fffd}"),
        (&[b'a', 0xE2, 0x80][..], "a\u{fffd}\u{fffd}"),
        (&[0x80, b'b'][..], "\u{fffd}b"),
    ] {
        assert_eq!(
            decode_utf8(bytes),
            (expected.to_string(), false),
            "{bytes:?}"
        );
    }
}
