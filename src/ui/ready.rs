//! What a loaded, non-empty feed looks like: the visitor's filters, the "new articles" button,
//! the offline note, the feeds that could not be loaded, the cards in their layout and "load more".

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::article::ArticleSource;
use crate::cache::clock;
use crate::config::{Chips, Config, Layout};
use crate::feed::Feed;
use crate::i18n::Strings;
use crate::state::More;
use crate::ui::hooks::VisitorFilters;
use crate::ui::{CardList, Carousel, Ticker, Toolbar};
use crate::web::cache;

/// What the ready view shows.
#[derive(Debug)]
pub struct ReadyProps {
    /// The loaded feed.
    pub feed: Rc<Feed>,
    /// Layout, strings and display settings.
    pub config: Rc<Config>,
    /// The visitor's search and chip, and what they match.
    pub filters: VisitorFilters,
    /// How many of the matching articles show.
    pub visible: usize,
    /// New articles waiting behind the "show new articles" button.
    pub pending: Option<usize>,
    /// When the saved copy on show was saved, while the network is out.
    pub offline_since: Option<f64>,
    /// The feeds (of several) that could not be loaded.
    pub unavailable: Vec<ArticleSource>,
    /// Asks those feeds again.
    pub on_retry_sources: Callback<MouseEvent>,
    /// The "load more" control's state.
    pub more: More,
    /// Opens the reader.
    pub on_open: Callback<(usize, Option<HtmlElement>)>,
    /// A click on a card, for `kabar:click`.
    pub on_click: Callback<usize>,
    /// "Load more".
    pub on_more: Callback<MouseEvent>,
    /// "Show new articles".
    pub on_show_pending: Callback<MouseEvent>,
}

/// The articles, with everything around them. A view function rather than a component: it
/// has no state of its own, and a component boundary costs the bundle about 450 brotli bytes.
pub fn ready(props: &ReadyProps) -> Html {
    let ReadyProps {
        feed,
        config,
        filters,
        visible,
        ..
    } = props;
    let strings = config.strings;
    let matching = &filters.matching;
    let searching = filters.searching();
    // A ticker rotates through what it has; "load more" belongs to the other layouts.
    let has_more = config.layout != Layout::Ticker
        && (*visible < matching.len() || (feed.next_page.is_some() && !searching));
    let shown = Rc::new(matching.iter().copied().take(*visible).collect::<Vec<_>>());
    let on_query = {
        let query = filters.query.clone();
        Callback::from(move |text: String| query.set(text))
    };
    let on_section = {
        let section = filters.section.clone();
        Callback::from(move |chosen: Option<String>| section.set(chosen))
    };
    let (on_open, on_click) = (props.on_open.clone(), props.on_click.clone());
    html! { <>
        if config.search || config.chips != Chips::Off {
            <Toolbar strings={config.strings} search={config.search} sections={filters.sections.clone()}
                by_source={config.chips == Chips::Source}
                section={(*filters.section).clone()} query={AttrValue::from((*filters.query).clone())}
                {on_query} {on_section} />
            <p class="search-count" role="status">
                if searching {
                    { if matching.is_empty() { strings.no_results.to_string() } else { Strings::count(strings.results, matching.len()) } }
                }
            </p>
        }
        if let Some(count) = props.pending {
            <button type="button" class="button new-articles" part="button new-articles"
                onclick={props.on_show_pending.clone()}>{ Strings::count(strings.new_articles, count) }</button>
        }
        if !props.unavailable.is_empty() {
            <div class="saved-note" part="source-error">
                <span role="status">
                    { strings.error_sources }{ " " }
                    { props.unavailable.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join(", ") }
                </span>{ " " }
                <button type="button" class="button-quiet button" part="button" onclick={props.on_retry_sources.clone()}>{ strings.retry }</button>
            </div>
        }
        if let Some(saved_at) = props.offline_since {
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
                    if props.more == More::Failed { { strings.error_more } }
                </p>
                <button type="button" class="button more-button" part="button load-more"
                    onclick={props.on_more.clone()} disabled={props.more == More::Loading}>
                    { if props.more == More::Loading { strings.loading_more } else { strings.load_more } }
                </button>
            </div>
        }
    </> }
}

/// The wall-clock time a copy was saved, as the widget's language writes it.
fn saved_clock(saved_at: f64, config: &Config) -> String {
    let (hours, minutes) = cache::local_time(saved_at);
    clock(hours, minutes, config.lang)
}
