//! Status views: loading and empty notices, and the error state with a retry.

use yew::prelude::*;

/// Props of a notice.
#[derive(Properties, PartialEq, Debug)]
pub struct NoticeProps {
    /// The message.
    pub text: AttrValue,
    /// Whether the widget is loading (shows placeholder cards).
    pub busy: bool,
}

/// A polite status message, with placeholder cards while loading.
#[function_component]
pub fn Notice(props: &NoticeProps) -> Html {
    html! {
        <div class="notice" part="status">
            <p role="status" class="notice-text">{ props.text.clone() }</p>
            if props.busy {
                <div class="skeleton" aria-hidden="true">
                    { for (0..3).map(|_| html! { <div class="skeleton-card"></div> }) }
                </div>
            }
        </div>
    }
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
