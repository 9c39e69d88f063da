//! The reader: a native modal dialog with the whole article.

use std::rc::Rc;

use web_sys::HtmlDialogElement;
use yew::prelude::*;

use crate::date::format_date;
use crate::feed::Feed;
use crate::i18n::Lang;
use crate::ui::article_body;

/// Props of the reader.
#[derive(Properties, PartialEq, Debug)]
pub struct ReaderProps {
    /// The loaded feed.
    pub feed: Rc<Feed>,
    /// The article shown.
    pub index: usize,
    /// Language for labels and dates.
    pub lang: Lang,
    /// The feed URL, against which relative links in the body resolve.
    pub base_url: AttrValue,
    /// Fired once the dialog has closed (button, Escape or the browser).
    pub on_close: Callback<()>,
}

/// Host name of a URL, to tell the visitor where the original link goes.
fn host_name(url: &str) -> &str {
    let after_scheme = url.split_once("://").map_or(url, |(_, rest)| rest);
    after_scheme
        .split(['/', '?', '#'])
        .next()
        .unwrap_or(after_scheme)
}

/// The modal reader. `showModal()` gives focus trapping and Escape; the dialog is named by the title.
#[function_component]
pub fn Reader(props: &ReaderProps) -> Html {
    let dialog = use_node_ref();
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
    let body = use_memo((props.feed.clone(), props.index), |(feed, index)| {
        feed.articles
            .get(*index)
            .map(|article| article_body(article, &props.base_url, props.lang.strings()))
            .unwrap_or_default()
    });
    let Some(article) = props.feed.articles.get(props.index) else {
        return Html::default();
    };
    let strings = props.lang.strings();
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
    html! {
        <dialog ref={dialog} class="reader" part="reader" aria-labelledby="kabar-reader-title"
            {onclose} onclick={backdrop_click}>
            <div class="reader-bar">
                <p class="card-category">{ article.section().unwrap_or_default().to_string() }</p>
                <button type="button" class="button reader-close" part="button" onclick={close_click}>
                    <span aria-hidden="true">{ "✕ " }</span>{ strings.close }
                </button>
            </div>
            <article class="reader-article">
                <h2 id="kabar-reader-title" class="reader-title" part="reader-title">{ article.title.clone() }</h2>
                <p class="reader-meta">
                    if let Some(published) = &article.published {
                        <time datetime={published.iso_date()}>{ format_date(published, props.lang) }</time>
                    }
                    if !article.authors.is_empty() {
                        <span class="reader-author">{ format!("{} {}", strings.by, article.authors.join(", ")) }</span>
                    }
                </p>
                if let Some(image) = &article.image {
                    <img class="reader-image" src={image.url.clone()} alt={image.alt.clone()}
                        srcset={image.srcset()} sizes={image.srcset().map(|_| "(max-width: 48rem) 100vw, 48rem")}
                        decoding="async" referrerpolicy="no-referrer"
                        width={image.width.unwrap_or(640).to_string()} height={image.height.unwrap_or(360).to_string()} />
                }
                <div class="reader-body" part="reader-body" lang={props.feed.language.clone()}>{ (*body).clone() }</div>
                if !article.attachments.is_empty() {
                    <section class="reader-attachments" aria-labelledby="kabar-reader-attachments">
                        <h3 id="kabar-reader-attachments">{ strings.attachments }</h3>
                        <ul>
                            { for article.attachments.iter().map(|attachment| html! {
                                <li>
                                    <a href={attachment.url.clone()} target="_blank" rel="noopener noreferrer">
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
                if let Some(url) = &article.url {
                    <p class="reader-source">
                        <a class="reader-original" href={url.clone()} target="_blank" rel="noopener noreferrer">
                            { strings.original }{ " (" }{ host_name(url) }{ ") ↗" }
                        </a>
                    </p>
                }
            </article>
        </dialog>
    }
}
