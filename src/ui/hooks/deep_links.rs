//! Deep links: the article open in the reader is in the page's hash (`#kabar-…`), a page loaded
//! with one opens it, Back and Forward open and close the reader, and closing it leaves history
//! as it was before it opened.

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use super::visitor_filters::SameFeed;
use crate::config::{Config, ReaderMode};
use crate::history::{HistoryCommand, PopState, ReaderHistory};
use crate::reading::{slug_in_hash, slugs};
use crate::state::{Action, Phase, WidgetState};
use crate::web::page::{self, PopStateListener};
use crate::web::{dispatch, host, WidgetEvent};

/// What the `popstate` listener needs to know about the latest render.
#[derive(Debug, Default)]
struct DeepLinks {
    /// This widget's hash prefix (`kabar-`, `kabar2-`…).
    prefix: String,
    /// The slug of each article on show, by index.
    slugs: Rc<Vec<String>>,
    /// The article open in the reader.
    open: Option<usize>,
    /// Where the reader stands in the page's history (pushed entry, pending Back).
    history: ReaderHistory,
    /// Whether the hash the page was loaded with has been looked at.
    initial_hash_done: bool,
}

impl DeepLinks {
    fn hash_for(&self, index: usize) -> Option<String> {
        self.slugs
            .get(index)
            .map(|slug| format!("#{}{slug}", self.prefix))
    }

    /// Whether the page's hash is this widget's (`#kabar-…`), whether or not it names an article.
    fn hash_is_ours(&self) -> bool {
        slug_in_hash(&page::hash(), &self.prefix).is_some()
    }

    fn index_in_hash(&self) -> Option<usize> {
        let hash = page::hash();
        let slug = slug_in_hash(&hash, &self.prefix)?;
        self.slugs.iter().position(|s| s == slug)
    }
}

/// The reader's callbacks, which keep the hash and history in step.
#[derive(Clone, Debug)]
pub struct ReaderLinks {
    links: Rc<RefCell<DeepLinks>>,
    /// Opens an article (from the card control that asked, which gets focus back on close).
    pub on_open: Callback<(usize, Option<HtmlElement>)>,
    /// The reader closed.
    pub on_close: Callback<()>,
    /// Closes the reader now, in the widget's state, if it is open (the JS API's `close()`).
    pub close_now: Callback<()>,
    /// Previous / next in the reader.
    pub on_navigate: Callback<usize>,
}

impl ReaderLinks {
    /// The address that opens this article on this page.
    pub fn share_url(&self, index: usize) -> String {
        let hash = self.links.borrow().hash_for(index).unwrap_or_default();
        format!("{}{hash}", page::url_without_hash())
    }
}

/// Keeps the reader and the page's hash and history in step.
#[hook]
pub fn use_deep_links(
    state: &UseReducerHandle<WidgetState>,
    host: &HtmlElement,
    config: &Rc<Config>,
    feed: &SameFeed,
) -> ReaderLinks {
    let article_slugs = use_memo(feed.clone(), |feed| {
        Rc::new(
            feed.0
                .as_ref()
                .map(|f| slugs(&f.articles))
                .unwrap_or_default(),
        )
    });
    let links = use_mut_ref(|| DeepLinks {
        prefix: page::widget_hash_prefix(host),
        ..DeepLinks::default()
    });
    {
        let mut links = links.borrow_mut();
        links.slugs = (*article_slugs).clone();
        links.open = state.reader_index();
    }

    // A page loaded with this widget's hash opens that article once the feed is in.
    {
        let dispatcher = state.dispatcher();
        let links = links.clone();
        let inline = config.reader == ReaderMode::Inline;
        use_effect_with((state.settled, state.phase()), move |(_, phase)| {
            if *phase == Phase::Ready && inline {
                let index = {
                    let mut links = links.borrow_mut();
                    let first = !links.initial_hash_done;
                    links.initial_hash_done = true;
                    let index = first.then(|| links.index_in_hash()).flatten();
                    if index.is_some() {
                        links.history.opened_from_location(page::entry_is_ours());
                    }
                    index
                };
                if let Some(index) = index {
                    dispatcher.dispatch(Action::Open(index));
                }
            }
        });
    }

    // Back and Forward: the hash decides whether the reader is open, and on which article.
    {
        let dispatcher = state.dispatcher();
        let links = links.clone();
        let host = host.clone();
        use_effect_with((), move |_| {
            let listener = PopStateListener::new(move || {
                let (wanted, open, popstate) = {
                    let mut links = links.borrow_mut();
                    let hash_is_ours = links.hash_is_ours();
                    let popstate = links.history.popstate(page::entry_is_ours(), hash_is_ours);
                    (links.index_in_hash(), links.open, popstate)
                };
                if let PopState::Ours(command) = popstate {
                    // The end of a Back we asked for: the reader stays as the visitor left it.
                    apply_history(command);
                    return;
                }
                match (wanted, open) {
                    (Some(index), open) if open != Some(index) => {
                        dispatcher.dispatch(Action::Open(index));
                    }
                    // Closing the dialog takes the usual path (its close event), which
                    // returns focus once the page behind it is no longer inert.
                    (None, Some(_)) if !host::close_dialog(&host) => {
                        dispatcher.dispatch(Action::Close);
                    }
                    _ => {}
                }
            });
            move || drop(listener)
        });
    }

    // Focus returns to the card that opened the reader once the reader has gone (the page behind
    // a modal dialog is inert until then), however it was closed.
    let opener = use_mut_ref(|| None::<HtmlElement>);
    {
        let opener = opener.clone();
        use_effect_with(state.reader.is_some(), move |open| {
            if !*open {
                if let Some(control) = opener.borrow_mut().take() {
                    let _ = control.focus();
                }
            }
        });
    }

    let on_open = {
        let dispatcher = state.dispatcher();
        let (opener, links) = (opener.clone(), links.clone());
        Callback::from(move |(index, control): (usize, Option<HtmlElement>)| {
            *opener.borrow_mut() = control;
            dispatcher.dispatch(Action::Open(index));
            let mut links = links.borrow_mut();
            links.open = Some(index);
            if let Some(hash) = links.hash_for(index) {
                apply_history(links.history.open(&hash));
            }
        })
    };
    let on_close = {
        let dispatcher = state.dispatcher();
        let host = host.clone();
        let links = links.clone();
        Callback::from(move |_| {
            dispatcher.dispatch(Action::Close);
            dispatch(&host, WidgetEvent::Close);
            // Leave history as it was before the reader opened.
            let mut links = links.borrow_mut();
            links.open = None;
            let hash_is_ours = links.hash_is_ours();
            apply_history(links.history.close(hash_is_ours));
        })
    };
    let on_navigate = {
        let dispatcher = state.dispatcher();
        let links = links.clone();
        Callback::from(move |index: usize| {
            dispatcher.dispatch(Action::Open(index));
            let mut links = links.borrow_mut();
            if let Some(hash) = links.hash_for(index) {
                apply_history(links.history.open(&hash));
            }
        })
    };
    let close_now = {
        let (on_close, links) = (on_close.clone(), links.clone());
        Callback::from(move |()| {
            let open = links.borrow().open.is_some();
            if open {
                on_close.emit(());
            }
        })
    };
    ReaderLinks {
        links,
        on_open,
        on_close,
        close_now,
        on_navigate,
    }
}

/// Carries out what the reader's history asks of the browser.
fn apply_history(command: Option<HistoryCommand>) {
    match command {
        Some(HistoryCommand::Push(hash)) => page::push_hash(&hash),
        Some(HistoryCommand::Replace(hash)) => page::replace_hash(&hash),
        Some(HistoryCommand::Back) => page::back(),
        None => {}
    }
}
