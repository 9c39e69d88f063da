//! The `kabar` binary against feeds served on loopback by the test itself.

mod server;

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;
use server::{Answer, Server};

const PORTAL: &str = "https://portal.example.go.id";

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn kabar(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kabar"))
        .args(args)
        .output()
        .expect("the kabar binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("kabar-cli-tests");
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir.join(name)
}

/// An RSS feed in windows-1252 bytes: “smart quotes”, é and an en dash are single bytes there.
fn windows_1252_rss() -> Vec<u8> {
    let text = "<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n<rss version=\"2.0\"><channel><title>Kecamatan Caf\u{e9}</title>\
        <item><title>\u{201c}Gotong royong\u{201d} di Desa Caf\u{e9} \u{2013} 2026</title><link>https://kec.example.go.id/berita/gotong-royong</link>\
        <description>Warga berkumpul sejak pagi.</description><pubDate>Tue, 24 Nov 2026 08:00:00 +0700</pubDate></item>\
        </channel></rss>";
    text.chars()
        .map(|c| match c {
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            '\u{2013}' => 0x96,
            c => u8::try_from(u32::from(c)).expect("a Latin-1 character"),
        })
        .collect()
}

#[test]
fn check_refuses_a_feed_without_cors_and_says_why() {
    let server = Server::start(vec![(
        "/feed/",
        Answer::ok("application/rss+xml; charset=UTF-8", fixture("rss.xml")),
    )]);
    let output = kabar(&["check", &server.url("/feed/")]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    let said = stderr(&output);
    assert!(said.contains("Access-Control-Allow-Origin"), "{said}");
    // The rest of the pre-flight still ran: the feed itself is fine.
    let report = stdout(&output);
    assert!(
        report.contains("CORS: blocked: no Access-Control-Allow-Origin header"),
        "{report}"
    );
    assert!(report.contains("Format: RSS"), "{report}");
    assert!(report.contains("NOT OK"), "{report}");
    // Without --origin, a neutral other site is sent, as a browser elsewhere would.
    let requests = server.requests.lock().expect("requests").clone();
    assert_eq!(
        requests[0].1.as_deref(),
        Some("https://kabar-check.invalid")
    );
}

#[test]
fn check_passes_a_feed_restricted_to_the_given_origin() {
    let server = Server::start(vec![(
        "/feed.json",
        Answer::ok("application/feed+json", fixture("jsonfeed-1.1.json"))
            .with("Access-Control-Allow-Origin", PORTAL),
    )]);
    let url = server.url("/feed.json");
    let output = kabar(&["check", &url, "--origin", PORTAL]);
    let report = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{report}{}", stderr(&output));
    assert!(report.contains("Format: JSON Feed"), "{report}");
    assert!(report.contains("First titles:\n  1. "), "{report}");
    assert!(
        report.contains(&format!("OK: a widget on {PORTAL} can show")),
        "{report}"
    );
    let requests = server.requests.lock().expect("requests").clone();
    assert_eq!(requests[0].1.as_deref(), Some(PORTAL));
    // Another site may not read it.
    let elsewhere = kabar(&["check", &url, "--origin", "https://other.example.go.id"]);
    assert_eq!(elsewhere.status.code(), Some(1));
    assert!(
        stderr(&elsewhere).contains(&format!("is \"{PORTAL}\", not https://other.example.go.id")),
        "{}",
        stderr(&elsewhere)
    );
}

#[test]
fn check_quotes_wordpress_when_its_rest_api_is_closed() {
    let server = Server::start(vec![(
        "/wp-json/wp/v2/posts?_embed",
        Answer::ok(
            "application/json; charset=UTF-8",
            fixture("wp-rest-login-required.json"),
        )
        .status(401)
        .with("Access-Control-Allow-Origin", "*"),
    )]);
    let output = kabar(&["check", &server.url("/wp-json/wp/v2/posts?_embed")]);
    assert_eq!(output.status.code(), Some(1));
    let report = stdout(&output);
    assert!(report.contains("HTTP status: 401"), "{report}");
    assert!(
        report.contains("WordPress says: rest_login_required"),
        "{report}"
    );
    // The way out: the site's RSS feed.
    assert!(
        stderr(&output).contains(&server.url("/feed/")),
        "{}",
        stderr(&output)
    );
}

/// The three sources of the merge tests: JSON Feed, WordPress REST and RSS.
fn three_sources() -> Server {
    Server::start(vec![
        (
            "/feed.json",
            Answer::ok("application/feed+json", fixture("jsonfeed-1.1.json")),
        ),
        (
            "/wp-json/wp/v2/posts?_embed",
            Answer::ok(
                "application/json; charset=UTF-8",
                fixture("wordpress-embed.json"),
            )
            .with("X-WP-TotalPages", "1"),
        ),
        (
            "/feed/",
            Answer::ok("application/rss+xml; charset=UTF-8", fixture("rss.xml")),
        ),
        (
            "/down.json",
            Answer::ok("text/plain", "Internal Server Error").status(500),
        ),
    ])
}

/// Checks the fields JSON Feed 1.1 requires, and what `merge` promises on top.
fn assert_valid_json_feed(text: &str, feeds: &[String]) -> Value {
    let feed: Value = serde_json::from_str(text).expect("JSON");
    assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
    assert!(
        feed["title"].as_str().is_some_and(|t| !t.is_empty()),
        "title"
    );
    let items = feed["items"].as_array().expect("items");
    assert!(!items.is_empty());
    let mut ids = std::collections::HashSet::new();
    let mut previous: Option<String> = None;
    for item in items {
        let id = item["id"].as_str().expect("a string id");
        assert!(
            !id.is_empty() && ids.insert(id.to_string()),
            "unique id {id}"
        );
        assert!(
            item["content_html"].is_string() || item["content_text"].is_string(),
            "{item}"
        );
        if let Some(url) = item["url"].as_str() {
            assert!(
                url.starts_with("http://") || url.starts_with("https://"),
                "{url}"
            );
        }
        if let Some(image) = item["image"].as_str() {
            assert!(image.starts_with("http"), "{image}");
        }
        let source = &item["_kabar"]["source"];
        assert!(
            feeds.iter().any(|f| source["feed"] == f.as_str()),
            "{source}"
        );
        assert!(source["name"].as_str().is_some_and(|n| !n.is_empty()));
        // Newest first: RFC 3339 instants in UTC compare as text once normalised.
        if let Some(date) = item["date_published"].as_str() {
            let instant = kabar::date::parse_rfc3339(date)
                .expect("an RFC 3339 date")
                .rfc3339_utc();
            if let Some(previous) = &previous {
                assert!(previous >= &instant, "{previous} before {instant}");
            }
            previous = Some(instant);
        }
    }
    feed
}

#[test]
fn merge_writes_one_json_feed_the_same_bytes_every_time() {
    let server = three_sources();
    let feeds = [
        server.url("/feed.json"),
        server.url("/wp-json/wp/v2/posts?_embed"),
        server.url("/feed/"),
    ];
    let (first, second) = (scratch("merged-1.json"), scratch("merged-2.json"));
    for out in [&first, &second] {
        let mut args = vec!["merge"];
        args.extend(feeds.iter().map(String::as_str));
        args.extend(["-o", out.to_str().expect("a path")]);
        let output = kabar(&args);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    }
    let text = std::fs::read_to_string(&first).expect("the merged file");
    assert_eq!(
        text.as_bytes(),
        std::fs::read(&second).expect("again").as_slice()
    );
    let merged = assert_valid_json_feed(&text, &feeds);
    // Every source is in it, named by its title.
    let names: std::collections::BTreeSet<&str> = merged["items"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(|item| item["_kabar"]["source"]["name"].as_str())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(names.contains("Berita Kabupaten Contoh"), "{names:?}");
    assert!(names.contains("Kanal Berita & Pengumuman"), "{names:?}");
}

#[test]
fn merge_skips_a_failed_source_says_so_and_exits_non_zero() {
    let server = three_sources();
    let out = scratch("merged-partial.json");
    let down = server.url("/down.json");
    let output = kabar(&[
        "merge",
        &server.url("/feed.json"),
        &down,
        &server.url("/feed/"),
        "-o",
        out.to_str().expect("a path"),
        "--limit",
        "4",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let said = stderr(&output);
    assert!(
        said.contains(&format!("skipped {down}: ")) && said.contains("500"),
        "{said}"
    );
    let text = std::fs::read_to_string(&out).expect("written from the others");
    let merged = assert_valid_json_feed(&text, &[server.url("/feed.json"), server.url("/feed/")]);
    assert_eq!(merged["items"].as_array().map(Vec::len), Some(4));
}

#[test]
fn merge_with_nothing_readable_writes_nothing() {
    let server = three_sources();
    let out = scratch("merged-none.json");
    let _ = std::fs::remove_file(&out);
    let output = kabar(&[
        "merge",
        &server.url("/down.json"),
        "-o",
        out.to_str().expect("a path"),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(!out.exists());
    // A command line that cannot be understood is status 2.
    assert_eq!(
        kabar(&["merge", &server.url("/feed/")]).status.code(),
        Some(2)
    );
    assert_eq!(
        kabar(&["merge", "-o", "x.json", "--since", "soon", "u"])
            .status
            .code(),
        Some(2)
    );
}

/// `kabar convert` of what `server` serves at `path`, parsed.
fn convert(server: &Server, path: &str) -> Value {
    let url = server.url(path);
    let output = kabar(&["convert", &url]);
    assert_eq!(output.status.code(), Some(0), "{path}: {}", stderr(&output));
    assert_valid_json_feed(&stdout(&output), &[url])
}

#[test]
fn convert_reads_every_format_into_json_feed() {
    let server = Server::start(vec![
        (
            "/rss.xml",
            Answer::ok("application/rss+xml", fixture("rss.xml")),
        ),
        (
            "/atom.xml",
            Answer::ok("application/atom+xml", fixture("atom.xml")),
        ),
        (
            "/feed.json",
            Answer::ok("application/feed+json", fixture("jsonfeed-1.1.json")),
        ),
        (
            "/posts",
            Answer::ok("application/json", fixture("wordpress-embed.json")),
        ),
        (
            "/api/artikel",
            Answer::ok("application/vnd.api+json", fixture("opendk-artikel.json")),
        ),
        (
            "/1252.xml",
            Answer::ok("application/rss+xml", windows_1252_rss()),
        ),
        (
            "/latin1-header.xml",
            Answer::ok("text/xml; charset=ISO-8859-1", windows_1252_rss()),
        ),
    ]);
    let first_title = |feed: &Value| {
        feed["items"][0]["title"]
            .as_str()
            .unwrap_or_default()
            .to_string()
    };
    for path in [
        "/rss.xml",
        "/atom.xml",
        "/feed.json",
        "/posts",
        "/api/artikel",
    ] {
        let feed = convert(&server, path);
        assert!(!first_title(&feed).is_empty(), "{path}");
    }
    // Relative links come out absolute, against the feed's URL.
    let json_feed = convert(&server, "/feed.json");
    let musrenbang = json_feed["items"]
        .as_array()
        .and_then(|items| items.iter().find(|i| i["id"] == "musrenbang-2027"))
        .expect("the musrenbang item");
    assert_eq!(musrenbang["url"], server.url("/berita/musrenbang-2027"));
    assert_eq!(musrenbang["title"], "Musrenbang Kecamatan Dimulai");
    // windows-1252, by its declaration and by the HTTP header alike.
    for path in ["/1252.xml", "/latin1-header.xml"] {
        let feed = convert(&server, path);
        assert_eq!(
            first_title(&feed),
            "\u{201c}Gotong royong\u{201d} di Desa Caf\u{e9} \u{2013} 2026",
            "{path}"
        );
        assert_eq!(feed["title"], "Kecamatan Caf\u{e9}");
        assert_eq!(
            feed["items"][0]["date_published"],
            "2026-11-24T08:00:00+07:00"
        );
    }
}

#[test]
fn convert_reads_a_file_with_a_base_for_its_links() {
    let path = scratch("1252.xml");
    std::fs::write(&path, windows_1252_rss()).expect("a file");
    let output = kabar(&["convert", path.to_str().expect("a path")]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let feed: Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(
        feed["items"][0]["title"],
        "\u{201c}Gotong royong\u{201d} di Desa Caf\u{e9} \u{2013} 2026"
    );
    assert_eq!(
        feed["items"][0]["url"],
        "https://kec.example.go.id/berita/gotong-royong"
    );
    let missing = kabar(&["convert", "/nonexistent/feed.xml"]);
    assert_eq!(missing.status.code(), Some(1));
}
