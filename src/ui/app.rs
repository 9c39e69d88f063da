//! The root component: composes the hooks that load, refresh and page through the feed, keep
//! deep links and the host element in step, and switches between the views of each state.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::config::{Config, Layout};
use crate::i18n::Strings;
use crate::state::{Action, Announcement, Load, WidgetState};
use crate::ui::hooks::{
    on_card_click, register_control_api, use_deep_links, use_feed_load, use_feed_source,
    use_focus_card, use_host_events, use_load_more, use_refresh, use_visitor_filters, SameFeed,
};
use crate::ui::{ready, ErrorState, Notice, Reader, ReadyProps, Skeleton};
use crate::web::ControlHandle;

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

/// The widget.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let AppProps { config, host, .. } = props;
    let strings = config.strings;
    let state = use_reducer(WidgetState::default);
    let source = use_feed_source(config);
    let ready_feed = SameFeed(match &state.load {
        Load::Ready(feed) => Some(feed.clone()),
        _ => None,
    });
    let filters = use_visitor_filters(&ready_feed, config);
    let visible = state.visible(filters.matching.len(), config.limit);
    use_feed_load(&state, config, &source);
    let refresh_now = use_refresh(&state, config, &source);
    use_host_events(&state, host, config);
    let links = use_deep_links(&state, host, config, &ready_feed);
    use_focus_card(&state, host);
    let on_more = use_load_more(&state, &source, &filters, visible);
    let on_click = on_card_click(host, &state, &filters.matching);
    register_control_api(&props.control, &state, &links, refresh_now);

    let dispatcher = state.dispatcher();
    let body = match &state.load {
        Load::Loading => html! {
            <Skeleton text={strings.loading} layout={config.layout} count={skeleton_cards(config)}
                image={config.show.image && !matches!(config.layout, Layout::Compact | Layout::Ticker)} />
        },
        Load::Failed(error) => html! {
            <ErrorState title={strings.error} detail={error.visitor_message(strings)}
                retry={error.is_retryable().then_some(strings.retry)}
                on_retry={Callback::from(move |_| dispatcher.dispatch(Action::Reload))} />
        },
        Load::Ready(feed) if feed.articles.is_empty() => {
            html! { <Notice text={strings.empty} /> }
        }
        Load::Ready(feed) => ready(&ReadyProps {
            feed: feed.clone(),
            config: config.clone(),
            filters: filters.clone(),
            visible,
            pending: state.pending.as_ref().map(|(_, count)| *count),
            offline_since: state.offline_since(),
            unavailable: state.unavailable.clone(),
            on_retry_sources: {
                let (source, dispatcher) = (source.clone(), dispatcher.clone());
                Callback::from(move |_: MouseEvent| source.retry_unavailable(&dispatcher))
            },
            more: state.more,
            on_open: links.on_open.clone(),
            on_click,
            on_more,
            on_show_pending: Callback::from(move |_: MouseEvent| {
                dispatcher.dispatch(Action::ShowPending)
            }),
        }),
    };
    let reader = match (&state.load, state.reader_index()) {
        (Load::Ready(feed), Some(index)) => feed
            .articles
            .get(index)
            .map(|article| {
                let feeds = config.feed.as_deref().unwrap_or_default();
                html! {
                    <Reader feed={feed.clone()} index={index} lang={config.lang} strings={config.strings}
                        base_url={article.source.as_ref().map(|s| s.feed.clone()).unwrap_or_default()}
                        source={article.named_source(feeds).map(|s| AttrValue::from(s.name.clone()))}
                        target={config.target}
                        time_zone={config.timezone.clone().map(AttrValue::from)}
                        share_url={links.share_url(index)}
                        on_close={links.on_close.clone()} on_navigate={links.on_navigate.clone()} />
                }
            })
            .unwrap_or_default(),
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

/// Placeholder cards while loading: as many as will show (a ticker shows one headline).
fn skeleton_cards(config: &Config) -> usize {
    if config.layout == Layout::Ticker {
        1
    } else {
        config.limit
    }
}
