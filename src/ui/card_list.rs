//! The list of cards in a layout.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::config::Config;
use crate::feed::Feed;
use crate::ui::Card;

/// Props of the card list.
#[derive(Properties, PartialEq, Debug)]
pub struct CardListProps {
    /// The loaded feed.
    pub feed: Rc<Feed>,
    /// Indices (into the feed) of the articles to show, in order.
    pub indices: Rc<Vec<usize>>,
    /// Layout, what a card shows, language, link behaviour.
    pub config: Rc<Config>,
    /// Opens the reader for an article index.
    pub on_open: Callback<(usize, Option<HtmlElement>)>,
    /// A click on a card's title control, by article index.
    pub on_click: Callback<usize>,
}

/// The cards, as a list of articles so screen readers announce how many there are.
#[function_component]
pub fn CardList(props: &CardListProps) -> Html {
    html! {
        <ul class={classes!("cards", props.config.layout.class(), props.config.columns.map(|_| "fixed-columns"))}
            part="list" role="list">
            { for props.indices.iter().copied().filter(|i| *i < props.feed.articles.len()).map(|index| html! {
                <li key={props.feed.articles[index].id.clone()}>
                    <Card feed={props.feed.clone()} index={index} config={props.config.clone()}
                        on_open={props.on_open.clone()} on_click={props.on_click.clone()} />
                </li>
            }) }
        </ul>
    }
}
