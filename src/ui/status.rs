//! Status views: loading and empty notices, and the error state with a retry.

use yew::prelude::*;

use crate::config::Layout;

/// Props of a notice.
#[derive(Properties, PartialEq, Debug)]
pub struct NoticeProps {
    /// The message.
    pub text: AttrValue,
}

/// A polite status message (the feed is empty, nothing matches).
#[function_component]
pub fn Notice(props: &NoticeProps) -> Html {
    html! {
        <div class="notice" part="status">
            <p role="status" class="notice-text">{ props.text.clone() }</p>
        </div>
    }
}

/// Props of the loading placeholder.
#[derive(Properties, PartialEq, Debug)]
pub struct SkeletonProps {
    /// The loading message, for screen readers.
    pub text: AttrValue,
    /// The layout the cards will have.
    pub layout: Layout,
    /// How many cards will show.
    pub count: usize,
    /// Whether the cards will have images.
    pub image: bool,
}

/// Placeholder cards of the final layout, count and image boxes, so the page does not move when
/// the articles arrive. The loader draws the same markup before the wasm has loaded (see
/// `skeleton` in `src/web/loader.js`): keep the two in step.
#[function_component]
pub fn Skeleton(props: &SkeletonProps) -> Html {
    html! { <>
        <p role="status" class="visually-hidden">{ props.text.clone() }</p>
        <ul class={classes!("cards", props.layout.class(), "skeleton")} aria-hidden="true">
            { for (0..props.count).map(|_| html! {
                <li><div class="card skeleton-card">
                    if props.image { <div class="card-media"></div> }
                    <div class="card-text"></div>
                </div></li>
            }) }
        </ul>
        // Most feeds have more articles than are shown: room for "load more" below.
        if props.layout != Layout::Ticker {
            <div class="more skeleton-more" aria-hidden="true"></div>
        }
    </> }
}

/// Props of the error state.
#[derive(Properties, PartialEq, Debug)]
pub struct ErrorStateProps {
    /// The heading.
    pub title: AttrValue,
    /// What happened, in the visitor's words.
    pub detail: AttrValue,
    /// The retry button's label; no button when retrying cannot help.
    pub retry: Option<AttrValue>,
    /// Fired by the retry button.
    pub on_retry: Callback<()>,
}

/// The error state: a polite message, a retry button and the webmaster's fallback content.
#[function_component]
pub fn ErrorState(props: &ErrorStateProps) -> Html {
    let onclick = props.on_retry.reform(|_: MouseEvent| ());
    html! {
        <div class="error" part="error" role="status">
            <p class="error-title">{ props.title.clone() }</p>
            <p class="error-detail">{ props.detail.clone() }</p>
            if let Some(label) = props.retry.clone() {
                <button type="button" class="button" part="button" {onclick}>{ label }</button>
            }
            // The host's light-DOM children (e.g. a link to the news page) show here.
            <div class="fallback"><slot></slot></div>
        </div>
    }
}
