//! The root component: loads the feed (cache first), refreshes it, pages through it, reflects
//! state on the host and switches views.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_timers::callback::{Interval, Timeout};
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::cache::{clock, SavedFeed};
use crate::config::{Config, Layout, ReaderMode};
use crate::feed::{self, Feed, ParseOptions};
use crate::filter::{in_section, search_matches, search_words, sections};
use crate::history::{HistoryCommand, PopState, ReaderHistory};
use crate::i18n::Strings;
use crate::reading::{slug_in_hash, slugs};
use crate::state::{Action, Announcement, Load, LoadError, More, Phase, WidgetState};
use crate::ui::{CardList, Carousel, ErrorState, Notice, Reader, Skeleton, Ticker, Toolbar};
use crate::web::page::{self, PopStateListener};
use crate::web::{
    cache, dispatch, set_state, set_widget_css, ControlHandle, FeedRequest, Fetched, WidgetEvent,
};

/// Props of the widget root.
#[derive(Properties, PartialEq, Debug)]
pub struct AppProps {
    /// Validated attributes.
    pub config: Rc<Config>,
    /// The element the widget lives in (for events and `data-state`).
    pub host: HtmlElement,
    /// What the element's JS API can ask of the widget.
    pub control: ControlHandle,
}

impl Reducible for WidgetState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(WidgetState::reduce(&self, action))
    }
}

/// A request kept alive while it runs; replacing or clearing it aborts the old one.
type RequestSlot = Rc<RefCell<Option<FeedRequest>>>;

/// A feed compared by identity, so memos keyed on it do not compare every article.
#[derive(Clone, Debug)]
struct SameFeed(Option<Rc<Feed>>);

impl PartialEq for SameFeed {
    fn eq(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (None, None) => true,
            _ => false,
        }
    }
}

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

/// The widget.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(WidgetState::default);
    let opener = use_mut_ref(|| None::<HtmlElement>);
    let refresh_request: RequestSlot = use_mut_ref(|| None);
    let more_request: RequestSlot = use_mut_ref(|| None);
    let config = &props.config;
    let strings = config.strings;
    // The settings of the latest render, for requests that finish later.
    let latest_config = use_mut_ref(|| config.clone());
    *latest_config.borrow_mut() = config.clone();
    // The text behind the articles on show, so new reading settings need no request.
    let last_fetched = use_mut_ref(|| None::<Fetched>);

    // Attributes that style the widget (image-ratio, columns, min-card-width, accent) go into a
    // stylesheet of the widget's own: no style attribute, nothing a strict CSP would refuse.
    {
        let host = props.host.clone();
        use_effect_with(config.custom_properties(), move |css| {
            set_widget_css(&host, css)
        });
    }

    // Deep links: the article open in the reader is in the page's hash, Back closes it.
    let ready_feed = SameFeed(match &state.load {
        Load::Ready(feed) => Some(feed.clone()),
        _ => None,
    });
    // The visitor's own filters: search words and a category chip.
    let query = use_state(String::new);
    let section = use_state(|| None::<String>);
    let matching = use_memo(
        (ready_feed.clone(), (*query).clone(), (*section).clone()),
        |(feed, query, section)| {
            let words = search_words(query);
            let articles = feed
                .0
                .as_ref()
                .map(|f| f.articles.as_slice())
                .unwrap_or_default();
            articles
                .iter()
                .enumerate()
                .filter(|(_, a)| search_matches(a, &words))
                .filter(|(_, a)| section.as_deref().is_none_or(|chip| in_section(a, chip)))
                .map(|(index, _)| index)
                .collect::<Vec<_>>()
        },
    );
    let chip_sections = use_memo((ready_feed.clone(), config.chips), |(feed, chips)| {
        match (&feed.0, chips) {
            (Some(feed), true) => sections(&feed.articles),
            _ => Vec::new(),
        }
    });
    let searching = !query.is_empty() || section.is_some();
    let visible = state.visible(matching.len(), config.limit);
    let article_slugs = use_memo(ready_feed, |feed| {
        Rc::new(
            feed.0
                .as_ref()
                .map(|f| slugs(&f.articles))
                .unwrap_or_default(),
        )
    });
    let links = use_mut_ref(|| DeepLinks {
        prefix: page::widget_hash_prefix(&props.host),
        ..DeepLinks::default()
    });
    {
        let mut links = links.borrow_mut();
        links.slugs = (*article_slugs).clone();
        links.open = state.reader_index();
    }

    // Load whenever the feed or how it is read changes, or the visitor retries. A saved copy
    // shows at once; the network is asked unless that copy is still fresh. The effect's cleanup
    // drops the request, which aborts it and clears its timer.
    {
        let dispatcher = state.dispatcher();
        let needs_reset = state.phase() != Phase::Loading;
        let config = config.clone();
        let latest = latest_config.clone();
        let last = last_fetched.clone();
        let key = (
            config.feed.clone(),
            state.attempt,
            (config.timeout_seconds, config.cache_seconds),
        );
        use_effect_with(key, move |_| {
            last.borrow_mut().take();
            let request = match config.feed.clone() {
                Err(problem) => {
                    dispatcher.dispatch(Action::Failed(LoadError::Config(problem)));
                    None
                }
                Ok(url) => {
                    if needs_reset {
                        dispatcher.dispatch(Action::Start);
                    }
                    let fresh = show_saved_copy(&config, &url, &dispatcher, &last);
                    (!fresh).then(|| {
                        FeedRequest::start(url.clone(), config.timeout_seconds, move |result| {
                            // Read with the settings current now, not when the request started.
                            let config = latest.borrow().clone();
                            let outcome = result.and_then(|fetched| {
                                *last.borrow_mut() = Some(fetched.clone());
                                read_and_save(&config, &url, fetched)
                            });
                            let action = match outcome {
                                Ok(feed) => Action::Loaded(feed),
                                Err(error) => {
                                    warn_webmaster(&error);
                                    Action::Failed(error)
                                }
                            };
                            // Drawing the cards is a task of its own: parsing a large feed and
                            // rendering in one would block the page for longer than either.
                            Timeout::new(0, move || dispatcher.dispatch(action)).forget();
                        })
                    })
                }
            };
            move || drop(request)
        });
    }

    // New reading settings (format, fields, sort, filters) re-read the text already fetched: no
    // request.
    {
        let dispatcher = state.dispatcher();
        let config = config.clone();
        let last = last_fetched.clone();
        let key = (
            config.format,
            config.fields.clone(),
            config.sort,
            config.filters.clone(),
        );
        let mounted = use_mut_ref(|| false);
        use_effect_with(key, move |_| {
            // On mount the load effect reads the feed itself.
            if !std::mem::replace(&mut *mounted.borrow_mut(), true) {
                return;
            }
            let fetched = last.borrow().clone();
            if let (Some(fetched), Ok(url)) = (fetched, &config.feed) {
                dispatcher.dispatch(match read(&config, url, &fetched) {
                    Ok(feed) => Action::Loaded(feed),
                    Err(error) => {
                        warn_webmaster(&error);
                        Action::Failed(error)
                    }
                });
            }
        });
    }

    // Background refresh while the page is visible.
    {
        let dispatcher = state.dispatcher();
        let config = config.clone();
        let slot = refresh_request.clone();
        let (latest, last) = (latest_config.clone(), last_fetched.clone());
        use_effect_with((config.feed.clone(), config.refresh_seconds), move |_| {
            let interval = match (config.feed.clone(), config.refresh_seconds) {
                (Ok(url), Some(seconds)) => {
                    let slot = slot.clone();
                    Some(Interval::new(seconds * 1000, move || {
                        let hidden = web_sys::window()
                            .and_then(|w| w.document())
                            .is_some_and(|d| d.hidden());
                        if hidden {
                            return;
                        }
                        let (latest, last) = (latest.clone(), last.clone());
                        let (url, dispatcher) = (url.clone(), dispatcher.clone());
                        let timeout = latest.borrow().timeout_seconds;
                        let request = FeedRequest::start(url.clone(), timeout, move |result| {
                            let config = latest.borrow().clone();
                            let outcome = result.and_then(|fetched| {
                                *last.borrow_mut() = Some(fetched.clone());
                                read_and_save(&config, &url, fetched)
                            });
                            match outcome {
                                Ok(feed) => dispatcher.dispatch(Action::Refreshed(feed)),
                                Err(error) => warn_webmaster(&error),
                            }
                        });
                        *slot.borrow_mut() = Some(request);
                    }))
                }
                _ => None,
            };
            move || {
                drop(interval);
                slot.borrow_mut().take();
            }
        });
    }

    // Reflect the phase, and tell the page how each load ended.
    {
        let host = props.host.clone();
        let state = state.clone();
        let config = config.clone();
        let dispatcher = state.dispatcher();
        let links = links.clone();
        use_effect_with((state.settled, state.phase()), move |(settled, phase)| {
            set_state(&host, *phase);
            if *settled > 0 {
                announce(&host, &state.load, &config);
            }
            // A page loaded with this widget's hash opens that article once the feed is in.
            if *phase == Phase::Ready && config.reader == ReaderMode::Inline {
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
        let host = props.host.clone();
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
                    (None, Some(_)) => {
                        // Closing the dialog takes the usual path (its close event), which
                        // returns focus once the page behind it is no longer inert.
                        let dialog = host
                            .shadow_root()
                            .and_then(|root| root.query_selector("dialog").ok().flatten())
                            .and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok());
                        match dialog {
                            Some(dialog) => dialog.close(),
                            None => dispatcher.dispatch(Action::Close),
                        }
                    }
                    _ => {}
                }
            });
            move || drop(listener)
        });
    }

    // After "load more" or "show new articles", focus moves to the first new card.
    {
        let host = props.host.clone();
        let dispatcher = state.dispatcher();
        use_effect_with(state.focus_card, move |focus| {
            if let Some(index) = focus {
                let selector = format!(".cards > li:nth-child({}) .card-open", index + 1);
                let card = host
                    .shadow_root()
                    .and_then(|root| root.query_selector(&selector).ok().flatten())
                    .and_then(|element| element.dyn_into::<HtmlElement>().ok());
                if let Some(card) = card {
                    let _ = card.focus();
                }
                dispatcher.dispatch(Action::Focused);
            }
        });
    }

    // kabar:open for every article the reader shows, however it was opened (card, hash,
    // previous/next).
    {
        let host = props.host.clone();
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
                    },
                );
            }
        });
    }

    // Focus returns to the card that opened the reader once the reader has gone (the page behind
    // a modal dialog is inert until then), however it was closed.
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

    let on_retry = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_| dispatcher.dispatch(Action::Reload))
    };
    let on_open = {
        let dispatcher = state.dispatcher();
        let opener = opener.clone();
        let links = links.clone();
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
        let host = props.host.clone();
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
    let on_more =
        {
            let dispatcher = state.dispatcher();
            let state = state.clone();
            let config = config.clone();
            let total = matching.len();
            Callback::from(move |_: MouseEvent| {
                let Load::Ready(feed) = &state.load else {
                    return;
                };
                if visible < total {
                    dispatcher.dispatch(Action::ShowMore(visible));
                    return;
                }
                // Further pages are fetched for the whole feed, not for a search.
                let Some(next) = feed.next_page.clone().filter(|_| !searching) else {
                    return;
                };
                dispatcher.dispatch(Action::MoreLoading);
                let (dispatcher, config) = (dispatcher.clone(), config.clone());
                let request =
                    FeedRequest::start(next.clone(), config.timeout_seconds, move |result| {
                        match result.and_then(|fetched| read(&config, &next, &fetched)) {
                            Ok(page) => {
                                dispatcher.dispatch(Action::MoreLoaded(page, config.sort, visible))
                            }
                            Err(error) => {
                                warn_webmaster(&error);
                                dispatcher.dispatch(Action::MoreFailed);
                            }
                        }
                    });
                *more_request.borrow_mut() = Some(request);
            })
        };
    // kabar:click for analytics: which article, at which position among the cards shown.
    let on_click = {
        let host = props.host.clone();
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
                        },
                    );
                }
            }
        })
    };

    // What the element's JS API can ask for, as of this render.
    {
        let control = &props.control.0;
        *control.feed.borrow_mut() = match &state.load {
            Load::Ready(feed) => Some(feed.clone()),
            _ => None,
        };
        let open_by_id = {
            let on_open = on_open.clone();
            let state = state.clone();
            Callback::from(move |id: String| {
                if let Load::Ready(feed) = &state.load {
                    if let Some(index) = feed.articles.iter().position(|a| a.id == id) {
                        on_open.emit((index, None));
                    }
                }
            })
        };
        *control.open.borrow_mut() = Some(open_by_id);
        let close_now = {
            let (on_close, links) = (on_close.clone(), links.clone());
            Callback::from(move |()| {
                let open = links.borrow().open.is_some();
                if open {
                    on_close.emit(());
                }
            })
        };
        *control.close.borrow_mut() = Some(close_now);
        let refresh_now = {
            let dispatcher = state.dispatcher();
            let (latest, last, slot) = (
                latest_config.clone(),
                last_fetched.clone(),
                refresh_request.clone(),
            );
            Callback::from(move |()| {
                let config = latest.borrow().clone();
                let Ok(url) = config.feed.clone() else {
                    return;
                };
                let (dispatcher, latest, last) = (dispatcher.clone(), latest.clone(), last.clone());
                let request =
                    FeedRequest::start(url.clone(), config.timeout_seconds, move |result| {
                        let config = latest.borrow().clone();
                        let outcome = result.and_then(|fetched| {
                            *last.borrow_mut() = Some(fetched.clone());
                            read_and_save(&config, &url, fetched)
                        });
                        match outcome {
                            Ok(feed) => dispatcher.dispatch(Action::Loaded(feed)),
                            // The articles on show stay; the webmaster hears why.
                            Err(error) => warn_webmaster(&error),
                        }
                    });
                *slot.borrow_mut() = Some(request);
            })
        };
        *control.refresh.borrow_mut() = Some(refresh_now);
    }

    let on_show_pending = {
        let dispatcher = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatcher.dispatch(Action::ShowPending))
    };

    let body = match &state.load {
        Load::Loading => html! {
            <Skeleton text={strings.loading} layout={config.layout} count={skeleton_cards(config)}
                image={config.show.image && !matches!(config.layout, Layout::Compact | Layout::Ticker)} />
        },
        Load::Failed(error) => html! {
            <ErrorState title={strings.error} detail={error.visitor_message(strings)}
                retry={error.is_retryable().then_some(strings.retry)} on_retry={on_retry} />
        },
        Load::Ready(feed) if feed.articles.is_empty() => {
            html! { <Notice text={strings.empty} /> }
        }
        Load::Ready(feed) => {
            // A ticker rotates through what it has; "load more" belongs to the other layouts.
            let has_more = config.layout != Layout::Ticker
                && (visible < matching.len() || (feed.next_page.is_some() && !searching));
            let shown = Rc::new(matching.iter().copied().take(visible).collect::<Vec<_>>());
            let on_query = {
                let query = query.clone();
                Callback::from(move |text: String| query.set(text))
            };
            let on_section = {
                let section = section.clone();
                Callback::from(move |chosen: Option<String>| section.set(chosen))
            };
            html! { <>
                if config.search || config.chips {
                    <Toolbar strings={config.strings} search={config.search} sections={chip_sections.clone()}
                        section={(*section).clone()} query={AttrValue::from((*query).clone())}
                        {on_query} {on_section} />
                    <p class="search-count" role="status">
                        if searching {
                            { if matching.is_empty() { strings.no_results.to_string() } else { Strings::count(strings.results, matching.len()) } }
                        }
                    </p>
                }
                if let Some((_, count)) = &state.pending {
                    <button type="button" class="button new-articles" part="button new-articles"
                        onclick={on_show_pending}>{ Strings::count(strings.new_articles, *count) }</button>
                }
                if let Some(saved_at) = state.offline_since() {
                    <p class="saved-note" part="saved-note" role="status">
                        { strings.saved_at }{ " " }{ saved_clock(saved_at, config) }
                    </p>
                }
                { match config.layout {
                    Layout::Carousel => html! {
                        <Carousel feed={feed.clone()} indices={shown} config={config.clone()} {on_open} {on_click} />
                    },
                    Layout::Ticker => html! {
                        <Ticker feed={feed.clone()} indices={shown} config={config.clone()} {on_open} {on_click} />
                    },
                    _ => html! {
                        <CardList feed={feed.clone()} indices={shown} config={config.clone()} {on_open} {on_click} />
                    },
                } }
                if has_more {
                    <div class="more">
                        // A live region that waits, empty, until a page fails to load.
                        <p class="more-error" role="status">
                            if state.more == More::Failed { { strings.error_more } }
                        </p>
                        <button type="button" class="button more-button" part="button load-more"
                            onclick={on_more} disabled={state.more == More::Loading}>
                            { if state.more == More::Loading { strings.loading_more } else { strings.load_more } }
                        </button>
                    </div>
                }
            </> }
        }
    };
    let reader = match (&state.load, state.reader_index()) {
        (Load::Ready(feed), Some(index)) => html! {
            <Reader feed={feed.clone()} index={index} lang={config.lang} strings={config.strings}
                base_url={config.feed.clone().unwrap_or_default()} target={config.target}
                time_zone={config.timezone.clone().map(AttrValue::from)}
                share_url={format!("{}{}", page::url_without_hash(), links.borrow().hash_for(index).unwrap_or_default())}
                on_close={on_close} on_navigate={on_navigate} />
        },
        _ => Html::default(),
    };
    let announcement = state
        .announcement
        .map(|(_, announcement)| match announcement {
            Announcement::NewArticles(n) => Strings::count(strings.new_articles, n),
            Announcement::NewArticlesShown(n) => Strings::count(strings.new_articles_shown, n),
        });
    // The widget is a region named by its heading when it has one.
    let heading = config.heading.clone().map(|text| {
        let tag = format!("h{}", (config.heading_level - 1).max(2));
        html! { <@{tag} id="kabar-heading" class="kabar-heading" part="heading">{ text }</@> }
    });
    html! {
        <section class={classes!("kabar", config.theme.class())} part="root" lang={config.lang.tag()}
            aria-labelledby={heading.is_some().then_some("kabar-heading")}
            aria-label={heading.is_none().then_some(strings.region)}>
            { heading }
            { body }
            <p class="visually-hidden" role="status">{ announcement.unwrap_or_default() }</p>
            { reader }
        </section>
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

/// Placeholder cards while loading: as many as will show (a ticker shows one headline).
fn skeleton_cards(config: &Config) -> usize {
    if config.layout == Layout::Ticker {
        1
    } else {
        config.limit
    }
}

/// Shows the saved copy of the feed, if there is a readable one; returns whether it is fresh
/// enough that the network need not be asked.
fn show_saved_copy(
    config: &Config,
    url: &str,
    dispatcher: &UseReducerDispatcher<WidgetState>,
    last: &RefCell<Option<Fetched>>,
) -> bool {
    if config.cache_seconds == 0 {
        return false;
    }
    let Some(saved) = cache::load(url) else {
        return false;
    };
    let fetched = Fetched {
        text: saved.text.clone(),
        total_pages: saved.total_pages,
    };
    match read(config, url, &fetched) {
        Ok(feed) => {
            *last.borrow_mut() = Some(fetched);
            dispatcher.dispatch(Action::Cached(feed, saved.saved_at));
            saved.is_fresh(cache::now(), config.cache_seconds)
        }
        Err(_) => false,
    }
}

/// Parses fetched text with the widget's settings.
fn read(config: &Config, url: &str, fetched: &Fetched) -> Result<Feed, LoadError> {
    let location = web_sys::window().map(|w| w.location());
    let page_is_https = location
        .as_ref()
        .and_then(|l| l.protocol().ok())
        .is_some_and(|p| p == "https:");
    let page_host = location.and_then(|l| l.hostname().ok());
    let options = ParseOptions {
        page_host: page_host.as_deref(),
        format: config.format,
        fields: config.fields.as_ref(),
        sort: config.sort,
        upgrade_images: page_is_https,
        total_pages: fetched.total_pages,
        site_offset_minutes: config.feed_offset_minutes,
        ..ParseOptions::new(url)
    };
    let mut feed = feed::parse(&fetched.text, &options).map_err(LoadError::Format)?;
    if config.filters.is_active() {
        let now = (cache::now() / 1000.0) as i64;
        feed.articles
            .retain(|article| config.filters.allows(article, now));
    }
    Ok(feed)
}

/// Parses fetched text and, when it is a usable feed, saves it for the next visit.
fn read_and_save(config: &Config, url: &str, fetched: Fetched) -> Result<Feed, LoadError> {
    let feed = read(config, url, &fetched)?;
    if config.cache_seconds > 0 {
        let saved = SavedFeed {
            saved_at: cache::now(),
            total_pages: fetched.total_pages,
            text: fetched.text,
        };
        // Writing to localStorage blocks; it waits until the cards are drawn.
        let url = url.to_string();
        Timeout::new(SAVE_DELAY_MS, move || cache::save(&url, &saved)).forget();
    }
    Ok(feed)
}

/// How long after a feed arrives its copy is saved.
const SAVE_DELAY_MS: u32 = 20;

fn saved_clock(saved_at: f64, config: &Config) -> String {
    let (hours, minutes) = cache::local_time(saved_at);
    clock(hours, minutes, config.lang)
}

/// One console line for the webmaster with what went wrong and what to fix.
fn warn_webmaster(error: &LoadError) {
    // A bad feed attribute was already reported by name when it was read.
    if error.is_retryable() {
        web_sys::console::warn_1(&format!("Kabar: {error}").into());
    }
}

/// Tells the page (event) and the webmaster (console) how a load ended.
fn announce(host: &HtmlElement, load: &Load, config: &Config) {
    match load {
        Load::Ready(feed) => {
            let url = config.feed.as_deref().unwrap_or_default();
            for line in feed.skip_summary(url).iter().chain(&feed.warnings) {
                web_sys::console::warn_1(&format!("Kabar: {line}").into());
            }
            let count = feed.articles.len().min(config.limit);
            dispatch(host, WidgetEvent::Ready { count });
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
