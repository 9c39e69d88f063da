//! The reader: a native modal dialog with the whole article, moving to the previous and next
//! articles, and sharing.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlDialogElement, HtmlElement, KeyboardEvent};
use yew::prelude::*;

use crate::article::Article;
use crate::config::{DateStyle, LinkTarget};
use crate::feed::Feed;
use crate::i18n::{Lang, Strings};
use crate::reading::reading_minutes;
use crate::ui::article_body;
use crate::ui::share::{share, Copied, ShareProps};
use crate::web::intl::display_date;

/// Props of the reader.
#[derive(Properties, PartialEq, Debug)]
pub struct ReaderProps {
    /// The loaded feed.
    pub feed: Rc<Feed>,
    /// The article shown.
    pub index: usize,
    /// Language for dates and numbers.
    pub lang: Lang,
    /// Labels, with the webmaster's overrides.
    pub strings: &'static Strings,
    /// The feed URL, against which relative links in the body resolve.
    pub base_url: AttrValue,
    /// The address that opens this article on this page (page URL with the deep-link hash).
    pub share_url: AttrValue,
    /// Fired once the dialog has closed (button, Escape or the browser).
    pub on_close: Callback<()>,
    /// Shows another article (previous / next) in the same dialog.
    pub on_navigate: Callback<usize>,
    /// Where links to the original and to attachments open.
    pub target: LinkTarget,
    /// The time zone dates are shown in; the visitor's when `None`.
    pub time_zone: Option<AttrValue>,
    /// The name of the feed the article came from, when the widget names sources.
    pub source: Option<AttrValue>,
}

/// Host name of a URL, to tell the visitor where the original link goes.
fn host_name(url: &str) -> &str {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    after_scheme
        .split(['/', '?', '#'])
        .next()
        .unwrap_or(after_scheme)
}

/// Tab on the dialog's last control goes to its first, Shift+Tab on the first (or on the title,
/// focused when the dialog opens) to the last: focus stays in the dialog rather than leaving for
/// the browser's toolbar.
fn keep_tab_inside(dialog: &NodeRef, event: &KeyboardEvent) {
    let Some(controls) = dialog
        .cast::<Element>()
        .and_then(|d| d.query_selector_all("a[href],button,input,iframe").ok())
    else {
        return;
    };
    let control = |i: u32| {
        controls
            .item(i)
            .and_then(|n| n.dyn_into::<HtmlElement>().ok())
    };
    let (Some(first), Some(last)) = (control(0), control(controls.length().saturating_sub(1)))
    else {
        return;
    };
    let Some(from) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let (edge, to) = if event.shift_key() {
        (from == *first || from.id() == "kabar-reader-title", last)
    } else {
        (from == *last, first)
    };
    if edge {
        event.prevent_default();
        let _ = to.focus();
    }
}

/// Opens the dialog as a modal once it is in the page; for each article shown (the first, or
/// another in the same dialog) goes back to its top, focuses and reads out its title, and drops
/// the copy confirmation of the previous one.
#[hook]
fn use_modal(dialog: &NodeRef, title_ref: &NodeRef, index: usize, copied: &UseStateHandle<Copied>) {
    {
        let dialog = dialog.clone();
        use_effect_with((), move |_| {
            if let Some(dialog) = dialog.cast::<HtmlDialogElement>() {
                if !dialog.open() {
                    let _ = dialog.show_modal();
                }
            }
        });
    }
    {
        let dialog = dialog.clone();
        let title_ref = title_ref.clone();
        let copied = copied.clone();
        use_effect_with(index, move |_| {
            copied.set(Copied::Not);
            if let Some(dialog) = dialog.cast::<HtmlElement>() {
                dialog.set_scroll_top(0);
            }
            if let Some(title) = title_ref.cast::<HtmlElement>() {
                if title
                    .owner_document()
                    .and_then(|d| d.active_element())
                    .is_some()
                {
                    let _ = title.focus();
                }
            }
        });
    }
}

/// The modal reader. `showModal()` gives focus trapping and Escape; the dialog is named by the title.
#[function_component]
pub fn Reader(props: &ReaderProps) -> Html {
    let dialog = use_node_ref();
    let title_ref = use_node_ref();
    let large = use_state(|| false);
    let copied = use_state(|| Copied::Not);
    use_modal(&dialog, &title_ref, props.index, &copied);
    let body = use_memo((props.feed.clone(), props.index), |(feed, index)| {
        feed.articles
            .get(*index)
            .map(|article| article_body(article, &props.base_url, props.strings))
            .unwrap_or_default()
    });
    let Some(article) = props.feed.articles.get(props.index) else {
        return Html::default();
    };
    let strings = props.strings;
    let count = props.feed.articles.len();
    let previous = props.index.checked_sub(1);
    let next = (props.index + 1 < count).then_some(props.index + 1);

    let onclose = props.on_close.reform(|_: Event| ());
    let close_click = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            // Closing fires the dialog's `close` event, the one path every way of closing takes.
            if let Some(dialog) = dialog.cast::<HtmlDialogElement>() {
                dialog.close();
            }
        })
    };
    // A click on the backdrop targets the dialog itself (its content covers the whole box).
    let backdrop_click = {
        let dialog = dialog.clone();
        Callback::from(move |event: MouseEvent| {
            if let Some(dialog) = dialog.cast::<HtmlDialogElement>() {
                let on_backdrop = event
                    .target()
                    .is_some_and(|target| &target == dialog.as_ref());
                if on_backdrop {
                    dialog.close();
                }
            }
        })
    };
    let onkeydown = {
        let on_navigate = props.on_navigate.clone();
        let dialog = dialog.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Tab" {
                return keep_tab_inside(&dialog, &event);
            }
            if event.alt_key() || event.ctrl_key() || event.meta_key() || event.shift_key() {
                return;
            }
            let target = match event.key().as_str() {
                "ArrowLeft" => previous,
                "ArrowRight" => next,
                _ => return,
            };
            if let Some(index) = target {
                event.prevent_default();
                on_navigate.emit(index);
            }
        })
    };
    let toggle_large = {
        let large = large.clone();
        Callback::from(move |_: MouseEvent| large.set(!*large))
    };
    html! {
        <dialog ref={dialog} class={classes!("reader", large.then_some("large"))} part="reader"
            aria-labelledby="kabar-reader-title" {onclose} onclick={backdrop_click} {onkeydown}>
            <div class="reader-bar">
                <p class="card-category">{ article.section().unwrap_or_default().to_string() }</p>
                <div class="reader-tools">
                    <button type="button" class="button button-quiet text-size" part="button"
                        aria-pressed={if *large { "true" } else { "false" }} onclick={toggle_large}>
                        // Short on screen so the bar fits a 320 px phone; named in full.
                        <span aria-hidden="true">{ "A+" }</span>
                        <span class="visually-hidden">{ strings.larger_text }</span>
                    </button>
                    <button type="button" class="button reader-close" part="button" onclick={close_click}>
                        <span aria-hidden="true">{ "✕ " }</span>{ strings.close }
                    </button>
                </div>
            </div>
            <article class="reader-article">
                <h2 ref={title_ref} id="kabar-reader-title" class="reader-title" part="reader-title"
                    tabindex="-1">{ article.title.clone() }</h2>
                <p class="reader-meta">
                    if let Some(published) = &article.published {
                        // The reader always shows the full date, in the chosen time zone.
                        if let Some(text) = display_date(published, DateStyle::Long, props.lang, props.time_zone.as_deref()) {
                            <time datetime={published.iso_date()}>{ text }</time>
                        }
                    }
                    if !article.authors.is_empty() {
                        <span class="reader-author">{ format!("{} {}", strings.by, article.authors.join(", ")) }</span>
                    }
                    if let Some(source) = props.source.clone() {
                        <span class="reader-source-name">{ source }</span>
                    }
                    <span class="reading-time">{ Strings::count(strings.reading_time, reading_minutes(article)) }</span>
                </p>
                if let Some(image) = &article.image {
                    <img class="reader-image" src={image.url.clone()} alt={image.alt.clone()}
                        srcset={image.srcset()} sizes={image.srcset().map(|_| "(max-width: 48rem) 100vw, 48rem")}
                        decoding="async" referrerpolicy="no-referrer"
                        width={image.width.unwrap_or(640).to_string()} height={image.height.unwrap_or(360).to_string()} />
                }
                <div class="reader-body" part="reader-body" lang={props.feed.language.clone()}>{ (*body).clone() }</div>
                { attachments(article, props) }
                if let Some(url) = &article.url {
                    <p class="reader-source">
                        <a class="reader-original" href={url.clone()} target={props.target.attribute()} rel="noopener noreferrer">
                            { strings.original }{ " (" }{ host_name(url) }{ ")" }<span aria-hidden="true">{ " ↗" }</span>
                        </a>
                    </p>
                }
                { share(&ShareProps {
                    strings,
                    share_url: props.share_url.clone(),
                    title: AttrValue::from(article.title.clone()),
                    copied: copied.clone(),
                }) }
                { reader_nav(props, previous, next) }
            </article>
        </dialog>
    }
}

/// The article's attachments (PDFs and the like), if it has any.
fn attachments(article: &Article, props: &ReaderProps) -> Html {
    if article.attachments.is_empty() {
        return Html::default();
    }
    let strings = props.strings;
    html! {
        <section class="reader-attachments" aria-labelledby="kabar-reader-attachments">
            <h3 id="kabar-reader-attachments">{ strings.attachments }</h3>
            <ul>
                { for article.attachments.iter().map(|attachment| html! {
                    <li>
                        <a href={attachment.url.clone()} target={props.target.attribute()} rel="noopener noreferrer">
                            { attachment.label() }
                        </a>
                        if let Some(details) = attachment.details(props.lang == Lang::Id) {
                            <span class="attachment-details">{ format!(" ({details})") }</span>
                        }
                    </li>
                }) }
            </ul>
        </section>
    }
}

/// Buttons to the previous and next articles, when there are others.
fn reader_nav(props: &ReaderProps, previous: Option<usize>, next: Option<usize>) -> Html {
    if props.feed.articles.len() < 2 {
        return Html::default();
    }
    let strings = props.strings;
    let navigate = |index: usize| props.on_navigate.reform(move |_: MouseEvent| index);
    let title_of = |index: usize| {
        props
            .feed
            .articles
            .get(index)
            .map(|a| a.title.clone())
            .unwrap_or_default()
    };
    html! {
        <nav class="reader-nav" aria-label={strings.other_articles}>
            if let Some(index) = previous {
                <button type="button" class="reader-prev" part="button" onclick={navigate(index)}>
                    <span class="reader-nav-label"><span aria-hidden="true">{ "‹ " }</span>{ strings.previous }</span>
                    <span class="reader-nav-title">{ title_of(index) }</span>
                </button>
            }
            if let Some(index) = next {
                <button type="button" class="reader-next" part="button" onclick={navigate(index)}>
                    <span class="reader-nav-label">{ strings.next }<span aria-hidden="true">{ " ›" }</span></span>
                    <span class="reader-nav-title">{ title_of(index) }</span>
                </button>
            }
        </nav>
    }
}
