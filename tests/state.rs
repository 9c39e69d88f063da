//! The widget reducer: every action's effect, and the phase each state reflects.

use kabar::article::ArticleSource;
use kabar::config::FeedUrlProblem;
use kabar::feed::{parse, Feed, ParseOptions};
use kabar::state::{Action, Announcement, Load, LoadError, More, Phase, WidgetState};

fn feed(items: usize) -> Feed {
    feed_of(0..items)
}

/// A feed of the given article numbers; higher numbers are newer.
fn feed_of(numbers: impl Iterator<Item = usize>) -> Feed {
    let items: Vec<String> = numbers
        .map(|i| {
            format!(
                r#"{{"id":"{i}","title":"Berita {i}","content_text":"Isi {i}","date_published":"2026-11-{:02}T08:00:00+07:00"}}"#,
                i + 1
            )
        })
        .collect();
    let json = format!(
        r#"{{"version":"https://jsonfeed.org/version/1.1","items":[{}]}}"#,
        items.join(",")
    );
    parse(&json, &ParseOptions::new("https://contoh.go.id/feed.json")).expect("valid")
}

#[test]
fn a_load_settles_into_ready_or_empty() {
    let start = WidgetState::default();
    assert_eq!(start.phase(), Phase::Loading);
    let ready = start.reduce(Action::Loaded(feed(3)));
    assert_eq!((ready.phase(), ready.settled), (Phase::Ready, 1));
    let empty = start.reduce(Action::Loaded(feed(0)));
    assert_eq!(empty.phase(), Phase::Empty);
}

#[test]
fn the_reader_opens_only_existing_articles_and_closes() {
    let ready = WidgetState::default().reduce(Action::Loaded(feed(2)));
    assert_eq!(ready.reduce(Action::Open(5)).reader, None);
    let open = ready.reduce(Action::Open(1));
    // Newest first: index 1 is article "0".
    assert_eq!(open.reader.as_deref(), Some("0"));
    assert_eq!(open.reader_index(), Some(1));
    assert_eq!(open.reduce(Action::Close).reader, None);
    // Nothing to open while loading.
    assert_eq!(WidgetState::default().reduce(Action::Open(0)).reader, None);
}

#[test]
fn failure_and_retry() {
    let failed = WidgetState::default().reduce(Action::Failed(LoadError::Http(404)));
    assert_eq!((failed.phase(), failed.settled), (Phase::Error, 1));
    let retry = failed.reduce(Action::Reload);
    assert_eq!((retry.phase(), retry.attempt), (Phase::Loading, 1));
    // A new feed URL resets to loading and closes the reader without counting as a retry.
    let open = WidgetState::default()
        .reduce(Action::Loaded(feed(1)))
        .reduce(Action::Open(0));
    let restarted = open.reduce(Action::Start);
    assert_eq!(
        (restarted.phase(), restarted.reader, restarted.attempt),
        (Phase::Loading, None, 0)
    );
    assert!(matches!(restarted.load, Load::Loading));
}

#[test]
fn error_messages_tell_the_webmaster_what_to_fix() {
    assert!(LoadError::Http(404).to_string().contains("HTTP 404"));
    assert!(LoadError::Config(FeedUrlProblem::Missing)
        .to_string()
        .contains("feed="));
    let cors = LoadError::Network {
        cause: "TypeError: Failed to fetch".into(),
        cross_origin_from: Some("https://kab.go.id".into()),
    }
    .to_string();
    for needle in [
        "CORS",
        "Access-Control-Allow-Origin: https://kab.go.id",
        "nginx: add_header",
        "Apache (.htaccess): Header set",
        "functions.php",
    ] {
        assert!(cors.contains(needle), "{needle} missing from {cors}");
    }
    let offline = LoadError::Network {
        cause: "TypeError".into(),
        cross_origin_from: None,
    };
    assert!(!offline.to_string().contains("CORS"));
    assert!(LoadError::Http(404)
        .to_string()
        .contains("check the address"));
    assert!(offline.is_transient() && LoadError::Http(503).is_transient());
    assert!(!LoadError::Http(404).is_transient() && !LoadError::Timeout(10).is_transient());
    assert!(LoadError::Timeout(10).is_retryable() && LoadError::Http(503).is_retryable());
    assert!(!LoadError::Config(FeedUrlProblem::Missing).is_retryable());
    let strings = kabar::i18n::Lang::En.strings();
    assert_eq!(
        LoadError::Timeout(10).visitor_message(strings),
        strings.error_timeout
    );
}

#[test]
fn a_cached_copy_shows_at_once_and_stays_when_the_network_fails() {
    let cached = WidgetState::default().reduce(Action::Cached(feed(2), 1_000.0));
    assert_eq!(
        (cached.phase(), cached.offline_since()),
        (Phase::Ready, None)
    );
    let offline = cached.reduce(Action::Failed(LoadError::Timeout(10)));
    assert_eq!(
        (offline.phase(), offline.offline_since()),
        (Phase::Ready, Some(1_000.0))
    );
    assert_eq!(
        offline.settled, 1,
        "a failure behind a cached copy is not a new load"
    );
    let fresh = cached.reduce(Action::Loaded(feed(3)));
    assert_eq!((fresh.offline_since(), fresh.cached_at), (None, None));
    assert_eq!(fresh.settled, 2);
}

#[test]
fn a_refresh_holds_new_articles_for_the_visitor_and_keeps_the_reader() {
    let reading = WidgetState::default()
        .reduce(Action::Loaded(feed_of(0..3)))
        .reduce(Action::Open(0));
    assert_eq!(reading.reader.as_deref(), Some("2"));
    // Nothing new: the feed is replaced in place.
    let same = reading.reduce(Action::Refreshed(feed_of(0..3)));
    assert_eq!((same.pending.is_none(), same.announcement), (true, None));
    // Two new articles wait behind a button; what is on screen does not move.
    let refreshed = reading.reduce(Action::Refreshed(feed_of(0..5)));
    assert_eq!(refreshed.pending.as_ref().map(|(_, n)| *n), Some(2));
    assert_eq!(
        refreshed.announcement,
        Some((1, Announcement::NewArticles(2)))
    );
    assert_eq!(refreshed.reader_index(), Some(0));
    let shown = refreshed.reduce(Action::ShowPending);
    assert!(shown.pending.is_none());
    assert_eq!(
        shown.announcement,
        Some((2, Announcement::NewArticlesShown(2)))
    );
    // The open article is still the same one, now further down.
    assert_eq!(
        (shown.reader.as_deref(), shown.reader_index()),
        (Some("2"), Some(2))
    );
    assert_eq!(shown.focus_card, Some(0));
    // An article that disappears closes the reader.
    let gone = shown.reduce(Action::Loaded(feed_of(3..5)));
    assert_eq!(gone.reader, None);
}

#[test]
fn load_more_pages_through_loaded_articles_then_fetches() {
    let ready = WidgetState::default().reduce(Action::Loaded(feed(5)));
    assert_eq!(ready.visible(5, 2), 2);
    let more = ready.reduce(Action::ShowMore(2));
    assert_eq!((more.visible(5, 2), more.focus_card), (4, Some(2)));
    assert_eq!(more.reduce(Action::Focused).focus_card, None);
    let last = more.reduce(Action::ShowMore(4));
    // A search that lets 3 through shows at most those.
    assert_eq!(last.visible(3, 2), 3);
    assert_eq!(last.visible(5, 2), 5);

    let fetching = last.reduce(Action::MoreLoading);
    assert_eq!(fetching.more, More::Loading);
    assert_eq!(fetching.reduce(Action::MoreFailed).more, More::Failed);
    let with_page = feed_of((0..5).chain(10..12));
    let appended = fetching.reduce(Action::MoreLoaded(with_page, 5));
    assert_eq!(
        (appended.more, appended.visible(7, 2), appended.focus_card),
        (More::Idle, 7, Some(5))
    );
    let Load::Ready(merged) = &appended.load else {
        panic!("ready");
    };
    assert_eq!(merged.articles.len(), 7);
}

#[test]
fn feeds_that_failed_beside_others_are_named_until_they_load() {
    let ready = WidgetState::default().reduce(Action::Loaded(feed(2)));
    let source = ArticleSource::new("https://kec.go.id/feed/", None);
    let partial = ready.reduce(Action::Unavailable(vec![source.clone()]));
    assert_eq!(
        (partial.phase(), &partial.unavailable),
        (Phase::Ready, &vec![source])
    );
    let whole = partial.reduce(Action::Unavailable(Vec::new()));
    assert!(whole.unavailable.is_empty());
}
