//! The root component: fetches the feed, reflects state on the host, switches views.

use std::cell::Cell;
use std::rc::Rc;

use web_sys::{AbortController, HtmlElement};
use yew::prelude::*;

use crate::config::Config;
use crate::feed;
use crate::state::{Action, Load, LoadError, Phase, WidgetState};
use crate::ui::{CardList, ErrorState, Notice, Reader};
use crate::web::{dispatch, fetch_text, set_state, FetchFailure, WidgetEvent};

/// Seconds before a feed request is given up.
const TIMEOUT_SECONDS: u32 = 10;

/// Props of the widget root.
#[derive(Properties, PartialEq, Debug)]
pub struct AppProps {
    /// Validated attributes.
    pub config: Rc<Config>,
    /// The element the widget lives in (for events and `data-state`).
    pub host: HtmlElement,
}

impl Reducible for WidgetState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(WidgetState::reduce(&self, action))
    }
}

/// The widget.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer(WidgetState::default);
    let opener = use_mut_ref(|| None::<HtmlElement>);
    let config = &props.config;
    let strings = config.lang.strings();

    // Fetch whenever the feed URL changes or the visitor retries; abort on change and teardown.
    {
        let dispatcher = state.dispatcher();
        let needs_reset = state.phase() != Phase::Loading;
        use_effect_with((config.feed.clone(), state.attempt), move |(feed, _)| {
            let controller = AbortController::new().ok();
            let timed_out = Rc::new(Cell::new(false));
            let mut timer = None;
            match (feed.clone(), controller.as_ref()) {
                (Err(problem), _) => {
                    dispatcher.dispatch(Action::Failed(LoadError::Config(problem)))
                }
                (Ok(_), None) => dispatcher.dispatch(Action::Failed(LoadError::Network(
                    "this browser has no AbortController".into(),
                ))),
                (Ok(url), Some(controller)) => {
                    if needs_reset {
                        dispatcher.dispatch(Action::Start);
                    }
                    let signal = controller.signal();
                    let abort = controller.clone();
                    let flag = timed_out.clone();
                    timer = Some(gloo_timers::callback::Timeout::new(
                        TIMEOUT_SECONDS * 1000,
                        move || {
                            flag.set(true);
                            abort.abort();
                        },
                    ));
                    wasm_bindgen_futures::spawn_local(async move {
                        let action = match fetch_text(&url, &signal).await {
                            Ok(text) => match feed::parse(&text, &url) {
                                Ok(feed) => Action::Loaded(feed),
                                Err(error) => Action::Failed(LoadError::Format(error)),
                            },
                            Err(FetchFailure::Failed(error)) => Action::Failed(error),
                            Err(FetchFailure::Aborted) if timed_out.get() => {
                                Action::Failed(LoadError::Timeout(TIMEOUT_SECONDS))
                            }
                            // Aborted by teardown or a newer request: nobody is waiting.
                            Err(FetchFailure::Aborted) => return,
                        };
                        dispatcher.dispatch(action);
                    });
                }
            }
            move || {
                drop(timer);
                if let Some(controller) = controller {
                    controller.abort();
                }
            }
        });
    }

    // Reflect the phase, and announce each settled load once.
    {
        let host = props.host.clone();
        let state = state.clone();
        let feed_url = config.feed.clone().unwrap_or_default();
        let limit = config.limit;
        use_effect_with((state.settled, state.phase()), move |(settled, phase)| {
            set_state(&host, *phase);
            if *settled > 0 {
                match &state.load {
                    Load::Ready(feed) => {
                        if feed.skipped > 0 {
                            web_sys::console::warn_1(
                                &format!(
                                    "Kabar: skipped {} of {} items in {feed_url}; the first: {}",
                                    feed.skipped,
                                    feed.skipped + feed.articles.len(),
                                    feed.first_skip_reason.as_deref().unwrap_or("unknown"),
                                )
                                .into(),
                            );
                        }
                        let count = feed.articles.len().min(limit);
                        dispatch(&host, WidgetEvent::Ready { count });
                    }
                    Load::Failed(error) => {
                        let message = format!("Kabar: {error}");
                        // A bad feed attribute was already reported by name when it was read.
                        if error.is_retryable() {
                            web_sys::console::warn_1(&message.clone().into());
                        }
                        dispatch(&host, WidgetEvent::Error { message });
                    }
                    Load::Loading => {}
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
        let host = props.host.clone();
        let state = state.clone();
        Callback::from(move |(index, control): (usize, Option<HtmlElement>)| {
            *opener.borrow_mut() = control;
            if let Load::Ready(feed) = &state.load {
                if let Some(article) = feed.articles.get(index) {
                    dispatch(
                        &host,
                        WidgetEvent::Open {
                            id: &article.id,
                            url: article.url.as_deref(),
                            title: &article.title,
                        },
                    );
                }
            }
            dispatcher.dispatch(Action::Open(index));
        })
    };
    let on_close = {
        let dispatcher = state.dispatcher();
        let host = props.host.clone();
        Callback::from(move |_| {
            dispatcher.dispatch(Action::Close);
            dispatch(&host, WidgetEvent::Close);
            if let Some(control) = opener.borrow_mut().take() {
                let _ = control.focus();
            }
        })
    };

    let body = match &state.load {
        Load::Loading => html! { <Notice busy=true text={strings.loading} /> },
        Load::Failed(error) => html! {
            <ErrorState title={strings.error} detail={error.visitor_message(strings)}
                retry={error.is_retryable().then_some(strings.retry)} on_retry={on_retry} />
        },
        Load::Ready(feed) if feed.articles.is_empty() => {
            html! { <Notice busy=false text={strings.empty} /> }
        }
        Load::Ready(feed) => html! {
            <CardList feed={feed.clone()} limit={config.limit} layout={config.layout}
                lang={config.lang} on_open={on_open} />
        },
    };
    let reader = match (&state.load, state.reader) {
        (Load::Ready(feed), Some(index)) => html! {
            <Reader feed={feed.clone()} index={index} lang={config.lang}
                base_url={config.feed.clone().unwrap_or_default()} on_close={on_close} />
        },
        _ => Html::default(),
    };
    html! {
        <section class="kabar" part="root" lang={config.lang.tag()} aria-label={strings.region}
            aria-busy={(state.phase() == Phase::Loading).then_some("true")}>
            { body }
            { reader }
        </section>
    }
}
