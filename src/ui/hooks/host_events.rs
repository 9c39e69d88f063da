//! What the host element shows the page: its own stylesheet for the styling attributes,
//! `data-state`, and the `kabar:ready`, `kabar:error`, `kabar:open` and `kabar:click` events.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::config::Config;
use crate::state::{Load, WidgetState};
use crate::web::{browser, dispatch, set_state, set_widget_css, WidgetEvent};

/// Keeps the host element in step with the widget: its stylesheet, `data-state`, and the
/// `kabar:ready`, `kabar:error` and `kabar:open` events. (One hook rather than three: each hook
/// costs the bundle about 170 brotli bytes.)
#[hook]
pub fn use_host_events(
    state: &UseReducerHandle<WidgetState>,
    host: &HtmlElement,
    config: &Rc<Config>,
) {
    // Attributes that style the widget (image-ratio, columns, min-card-width, accent) go into a
    // stylesheet of the widget's own: no style attribute, nothing a strict CSP would refuse.
    {
        let host = host.clone();
        use_effect_with(config.custom_properties(), move |css| {
            set_widget_css(&host, css)
        });
    }

    // Reflect the phase, and tell the page how each load ended.
    {
        let host = host.clone();
        let state = state.clone();
        let config = config.clone();
        use_effect_with((state.settled, state.phase()), move |(settled, phase)| {
            set_state(&host, *phase);
            if *settled > 0 {
                announce(&host, &state.load, &config);
            }
        });
    }

    // kabar:open for every article the reader shows, however it was opened (card, hash,
    // previous/next).
    {
        let host = host.clone();
        let state = state.clone();
        use_effect_with(state.reader.clone(), move |reader| {
            let article = match (&state.load, reader) {
                (Load::Ready(feed), Some(id)) => feed.articles.iter().find(|a| &a.id == id),
                _ => None,
            };
            if let Some(article) = article {
                dispatch(
                    &host,
                    WidgetEvent::Open {
                        id: &article.id,
                        url: article.url.as_deref(),
                        title: &article.title,
                        source: article.source.as_ref(),
                    },
                );
            }
        });
    }
}

/// `kabar:click` for analytics: which article, at which position among the cards shown.
pub fn on_card_click(
    host: &HtmlElement,
    state: &UseReducerHandle<WidgetState>,
    matching: &Rc<Vec<usize>>,
) -> Callback<usize> {
    let host = host.clone();
    let state = state.clone();
    let matching = matching.clone();
    Callback::from(move |index: usize| {
        if let Load::Ready(feed) = &state.load {
            if let Some(article) = feed.articles.get(index) {
                let position = matching
                    .iter()
                    .position(|i| *i == index)
                    .map_or(0, |p| p + 1);
                dispatch(
                    &host,
                    WidgetEvent::Click {
                        id: &article.id,
                        url: article.url.as_deref(),
                        position,
                        source: article.source.as_ref(),
                    },
                );
            }
        }
    })
}

/// Tells the page (event) and the webmaster (console) how a load ended.
fn announce(host: &HtmlElement, load: &Load, config: &Config) {
    match load {
        Load::Ready(feed) => {
            // With several feeds, each one's notes are among the warnings, naming it.
            let url = config.feed.as_deref().unwrap_or_default().first();
            let skipped = url.and_then(|url| feed.skip_summary(url));
            for line in skipped.iter().chain(&feed.warnings) {
                browser::warn(&format!("Kabar: {line}"));
            }
            let count = feed.articles.len().min(config.limit);
            dispatch(
                host,
                WidgetEvent::Ready {
                    count,
                    format: feed.format.name(),
                },
            );
        }
        Load::Failed(error) => {
            dispatch(
                host,
                WidgetEvent::Error {
                    message: format!("Kabar: {error}"),
                },
            );
        }
        Load::Loading => {}
    }
}
