//! One headline card.

use std::rc::Rc;

use web_sys::HtmlElement;
use yew::prelude::*;

use crate::config::{Config, Layout, ReaderMode, Show};
use crate::feed::Feed;
use crate::text::{excerpt, has_visible_text};
use crate::web::intl::display_date;

/// Props of a card.
#[derive(Properties, PartialEq, Debug)]
pub struct CardProps {
    /// The feed the article belongs to (shared, compared by pointer).
    pub feed: Rc<Feed>,
    /// Index of the article in the feed.
    pub index: usize,
    /// What the card shows and how it links.
    pub config: Rc<Config>,
    /// Opens the reader: the article index and the control that asked, to return focus to.
    pub on_open: Callback<(usize, Option<HtmlElement>)>,
    /// Any click on the card's title control, for the `kabar:click` event.
    pub on_click: Callback<usize>,
}

/// Longest excerpt without an `excerpt` attribute: about four lines of a grid card. Cut by
/// characters, not clamped by lines in CSS, so a narrow screen or larger text shows the same text.
const DEFAULT_EXCERPT_CHARS: usize = 160;

/// A headline card: image, category, title (the control that opens the reader or the link to
/// the original), date, author, source, excerpt — as `show` asks.
#[function_component]
pub fn Card(props: &CardProps) -> Html {
    let Some(article) = props.feed.articles.get(props.index) else {
        return Html::default();
    };
    let config = &props.config;
    // Compact cards are headlines with dates: nothing else is rendered (or downloaded).
    let show = match config.layout {
        Layout::Compact | Layout::Ticker => Show {
            image: false,
            category: false,
            excerpt: false,
            ..config.show
        },
        _ => config.show,
    };
    let strings = config.strings;
    let follow = props.on_click.reform({
        let index = props.index;
        move |_: MouseEvent| index
    });
    let onclick = {
        let on_open = props.on_open.clone();
        let on_click = props.on_click.clone();
        let index = props.index;
        Callback::from(move |event: MouseEvent| {
            on_click.emit(index);
            on_open.emit((
                index,
                event
                    .current_target()
                    .and_then(|t| wasm_bindgen::JsCast::dyn_into(t).ok()),
            ));
        })
    };
    let image_url = article
        .image
        .as_ref()
        .map(|image| (image.url.clone(), image.srcset()))
        .or_else(|| config.fallback_image.clone().map(|url| (url, None)));
    let image = image_url.filter(|_| show.image).map(|(url, srcset)| {
        html! {
            <div class="card-media" part="card-image">
                // The box has a fixed ratio in CSS, so nothing jumps when the image arrives. The
                // title sits next to the image, so the image is decorative here.
                <img src={url} alt="" loading="lazy" sizes={srcset.as_ref().map(|_| "(max-width: 40rem) 100vw, 22rem")}
                    srcset={srcset} decoding="async" referrerpolicy="no-referrer" width="640" height="360" />
            </div>
        }
    });
    // The feed layer drops titles that draw nothing; should one still arrive, the control keeps
    // a name rather than render as an empty, nameless button.
    let name = if has_visible_text(&article.title) {
        article.title.clone()
    } else {
        strings.read_more.to_string()
    };
    let title = match (config.reader, &article.url) {
        (ReaderMode::Link, Some(url)) => html! {
            <a class="card-open" href={url.clone()} onclick={follow}>{ name }</a>
        },
        (ReaderMode::NewTab, Some(url)) => html! {
            <a class="card-open" href={url.clone()} target="_blank" rel="noopener noreferrer" onclick={follow}>
                { name }
            </a>
        },
        // Articles without an original page open in the reader whatever the mode.
        _ => html! {
            <button type="button" class="card-open" {onclick}>{ name }</button>
        },
    };
    let heading = format!("h{}", config.heading_level);
    let date = article
        .published
        .filter(|_| show.date)
        .and_then(|published| {
            display_date(
                &published,
                config.date_style,
                config.lang,
                config.timezone.as_deref(),
            )
            .map(|text| (published, text))
        });
    let authors = (show.author && !article.authors.is_empty()).then(|| article.authors.join(", "));
    let feeds = config.feed.as_deref().unwrap_or_default();
    let source = article.source_label(feeds).filter(|_| show.source);
    let summary = excerpt(
        &article.summary,
        config.excerpt_chars.unwrap_or(DEFAULT_EXCERPT_CHARS),
    );
    html! {
        <article class="card" part="card">
            { image }
            <div class="card-text">
                if let Some(section) = article.section().filter(|_| show.category) {
                    <p class="card-category" part="card-category">{ section.to_string() }</p>
                }
                <@{heading} class="card-title" part="card-title">{ title }</@>
                if date.is_some() || authors.is_some() || source.is_some() {
                    <p class="card-meta" part="card-meta">
                        if let Some((published, text)) = date {
                            <time datetime={published.iso_date()}>{ text }</time>
                        }
                        if let Some(authors) = authors {
                            <span class="card-author">{ format!("{} {authors}", strings.by) }</span>
                        }
                        if let Some(source) = source {
                            <span class="card-source">{ source }</span>
                        }
                    </p>
                }
                if show.excerpt && !summary.is_empty() {
                    <p class="card-excerpt" part="card-excerpt">{ summary }</p>
                }
                <span class="card-more" aria-hidden="true">{ strings.read_more }{ " →" }</span>
            </div>
        </article>
    }
}
