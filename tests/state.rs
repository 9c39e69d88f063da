//! The widget reducer: every action's effect, and the phase each state reflects.

use kabar::config::FeedUrlProblem;
use kabar::feed::parse;
use kabar::state::{Action, Load, LoadError, Phase, WidgetState};

fn feed(items: usize) -> kabar::feed::Feed {
    let items: Vec<String> = (0..items)
        .map(|i| format!(r#"{{"id":"{i}","title":"Berita {i}","content_text":"Isi {i}"}}"#))
        .collect();
    let json = format!(
        r#"{{"version":"https://jsonfeed.org/version/1.1","items":[{}]}}"#,
        items.join(",")
    );
    parse(&json, "https://contoh.go.id/feed.json").expect("valid")
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
    assert_eq!(open.reader, Some(1));
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
    assert!(LoadError::Network("TypeError".into())
        .to_string()
        .contains("Access-Control-Allow-Origin"));
    assert!(LoadError::Timeout(10).is_retryable() && LoadError::Http(503).is_retryable());
    assert!(!LoadError::Config(FeedUrlProblem::Missing).is_retryable());
    let strings = kabar::i18n::Lang::En.strings();
    assert_eq!(
        LoadError::Timeout(10).visitor_message(strings),
        strings.error_timeout
    );
}
