//! A WordPress whose REST API is closed answers 401/404 with its own error object: the webmaster
//! reads WordPress's code and message and the RSS URL to use instead; visitors the usual sentence.

use kabar::feed::{rest_error, rss_url};
use kabar::i18n::Lang;
use kabar::state::LoadError;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn login_required_is_quoted_with_the_rss_feed_to_use() {
    let feed = "https://desa-sukamaju.example/wp-json/wp/v2/posts?_embed&per_page=6";
    let error = rest_error(401, &fixture("wp-rest-login-required.json"), feed).unwrap();
    assert_eq!(error.code, "rest_login_required");
    let message = LoadError::WordPress(error).to_string();
    assert!(message.contains("HTTP 401"), "{message}");
    assert!(message.contains("rest_login_required"), "{message}");
    assert!(
        message.contains("\"API REST hanya dapat diakses oleh pengguna yang sudah masuk.\""),
        "{message}"
    );
    assert!(
        message.contains("feed=\"https://desa-sukamaju.example/feed/\""),
        "{message}"
    );
}

#[test]
fn no_route_is_quoted_and_visitors_see_the_polite_error() {
    let feed = "https://kab.example/index.php/wp-json/wp/v2/posts";
    let error =
        LoadError::WordPress(rest_error(404, &fixture("wp-rest-no-route.json"), feed).unwrap());
    assert!(error.to_string().contains("rest_no_route"));
    assert!(error.to_string().contains("Tidak ditemukan rute"));
    assert!(!error.is_transient());
    let visitor = Lang::Id.strings();
    assert_eq!(
        error.visitor_message(visitor),
        LoadError::Http(404).visitor_message(visitor)
    );
}

#[test]
fn other_error_bodies_stay_plain_http_errors() {
    let feed = "https://kab.example/wp-json/wp/v2/posts";
    assert_eq!(
        rest_error(404, "<!doctype html><h1>Not Found</h1>", feed),
        None
    );
    assert_eq!(
        rest_error(500, r#"{"code":"internal","message":"x"}"#, feed),
        None
    );
    assert_eq!(rest_error(404, "{not json", feed), None);
}

#[test]
fn the_rss_feed_is_next_to_the_rest_api() {
    for (rest, rss) in [
        (
            "https://kab.example/wp-json/wp/v2/posts?_embed",
            "https://kab.example/feed/",
        ),
        (
            "https://kab.example/berita/wp-json/wp/v2/posts",
            "https://kab.example/berita/feed/",
        ),
        (
            "https://kab.example/index.php/wp-json/wp/v2/posts",
            "https://kab.example/feed/",
        ),
        (
            "https://kab.example/?rest_route=/wp/v2/posts&_embed",
            "https://kab.example/feed/",
        ),
        (
            "https://kab.example/index.php?rest_route=/wp/v2/posts",
            "https://kab.example/feed/",
        ),
    ] {
        assert_eq!(rss_url(rest), rss, "{rest}");
    }
}
