//! The root component: fetches the feed, reflects state on the host, switches views.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::config::Config;
use crate::state::{Action, Load, LoadError, Phase, WidgetState};
use crate::ui::{CardList, ErrorState, Notice, Reader};
use crate::web::{dispatch, set_state, FeedRequest, WidgetEvent};

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

    // Fetch whenever the feed URL changes or the visitor retries. The effect's cleanup drops the
    // request, which aborts it and clears its timer (on a new URL and on teardown alike).
    {
        let dispatcher = state.dispatcher();
        let needs_reset = state.phase() != Phase::Loading;
        use_effect_with((config.feed.clone(), state.attempt), move |(feed, _)| {
            let request = match feed.clone() {
                Err(problem) => {
                    dispatcher.dispatch(Action::Failed(LoadError::Config(problem)));
                    None
                }
                Ok(url) => {
                    if needs_reset {
                        dispatcher.dispatch(Action::Start);
                    }
                    let on_done = {
                        let dispatcher = dispatcher.clone();
                        move |result: Result<_, LoadError>| {
                            dispatcher.dispatch(match result {
                                Ok(feed) => Action::Loaded(feed),
                                Err(error) => Action::Failed(error),
                            })
                        }
                    };
                    FeedRequest::start(url, on_done)
                        .map_err(|error| dispatcher.dispatch(Action::Failed(error)))
                        .ok()
                }
            };
            move || drop(request)
        });
    }

    // Reflect the phase, and announce each settled load once.
    {
        let host = props.host.clone();
        let state = state.clone();
        let config = config.clone();
        use_effect_with((state.settled, state.phase()), move |(settled, phase)| {
            set_state(&host, *phase);
            if *settled > 0 {
                announce(&host, &state.load, &config);
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

/// Tells the page (event) and the webmaster (console) how a load ended.
fn announce(host: &HtmlElement, load: &Load, config: &Config) {
    match load {
        Load::Ready(feed) => {
            if let Some(summary) = feed.skip_summary(config.feed.as_deref().unwrap_or_default()) {
                web_sys::console::warn_1(&format!("Kabar: {summary}").into());
            }
            let count = feed.articles.len().min(config.limit);
            dispatch(host, WidgetEvent::Ready { count });
        }
        Load::Failed(error) => {
            let message = format!("Kabar: {error}");
            // A bad feed attribute was already reported by name when it was read.
            if error.is_retryable() {
                web_sys::console::warn_1(&message.clone().into());
            }
            dispatch(host, WidgetEvent::Error { message });
        }
        Load::Loading => {}
    }
}
