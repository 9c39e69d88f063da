//! One headline card.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::config::ReaderMode;
use crate::date::format_date;
use crate::feed::Feed;
use crate::i18n::Lang;

/// Props of a card.
#[derive(Properties, PartialEq, Debug)]
pub struct CardProps {
    /// The feed the article belongs to (shared, compared by pointer).
    pub feed: Rc<Feed>,
    /// Index of the article in the feed.
    pub index: usize,
    /// Language for the date and labels.
    pub lang: Lang,
    /// What a click does: open the reader, or go to the original.
    pub reader: ReaderMode,
    /// Opens the reader: the article index and the control that asked, to return focus to.
    pub on_open: Callback<(usize, Option<HtmlElement>)>,
}

/// A headline card: image, category, title (the control that opens the reader), date, excerpt.
#[function_component]
pub fn Card(props: &CardProps) -> Html {
    let Some(article) = props.feed.articles.get(props.index) else {
        return Html::default();
    };
    let strings = props.lang.strings();
    let onclick = {
        let on_open = props.on_open.clone();
        let index = props.index;
        Callback::from(move |event: MouseEvent| {
            on_open.emit((
                index,
                event
                    .current_target()
                    .and_then(|t| wasm_bindgen::JsCast::dyn_into(t).ok()),
            ));
        })
    };
    let image = article.image.as_ref().map(|image| {
        html! {
            <div class="card-media" part="card-image">
                // The box has a fixed ratio in CSS, so nothing jumps when the image arrives. The
                // title sits next to the image, so the image is decorative here.
                <img src={image.url.clone()} alt="" loading="lazy" srcset={image.srcset()}
                    sizes={image.srcset().map(|_| "(max-width: 40rem) 100vw, 22rem")}
                    decoding="async" referrerpolicy="no-referrer" width="640" height="360" />
            </div>
        }
    });
    html! {
        <article class="card" part="card">
            { image }
            <div class="card-text">
                if let Some(section) = article.section() {
                    <p class="card-category" part="card-category">{ section.to_string() }</p>
                }
                <h3 class="card-title" part="card-title">
                    { match (props.reader, &article.url) {
                        (ReaderMode::Link, Some(url)) => html! {
                            <a class="card-open" href={url.clone()}>{ article.title.clone() }</a>
                        },
                        (ReaderMode::NewTab, Some(url)) => html! {
                            <a class="card-open" href={url.clone()} target="_blank" rel="noopener noreferrer">
                                { article.title.clone() }
                            </a>
                        },
                        // Articles without an original page open in the reader whatever the mode.
                        _ => html! {
                            <button type="button" class="card-open" {onclick}>{ article.title.clone() }</button>
                        },
                    } }
                </h3>
                if let Some(published) = &article.published {
                    <p class="card-meta" part="card-meta">
                        <time datetime={published.iso_date()}>{ format_date(published, props.lang) }</time>
                    </p>
                }
                if !article.summary.is_empty() {
                    <p class="card-excerpt" part="card-excerpt">{ article.summary.clone() }</p>
                }
                <span class="card-more" aria-hidden="true">{ strings.read_more }{ " →" }</span>
            </div>
        </article>
    }
}
