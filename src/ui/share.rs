//! The reader's share controls: copy the article's link, the device's share sheet, and links to
//! the usual services.

use yew::prelude::*;

use crate::i18n::Strings;
use crate::reading::ShareTarget;
use crate::web::page;

/// What the copy-link button last did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Copied {
    /// Nothing yet (or another article since).
    Not,
    /// The link is on the clipboard.
    Done,
    /// The clipboard refused; the link is shown to copy by hand.
    Failed,
}

/// What the share controls need.
#[derive(Debug)]
pub struct ShareProps {
    /// Labels, with the webmaster's overrides.
    pub strings: &'static Strings,
    /// The address that opens the article on this page.
    pub share_url: AttrValue,
    /// The article's title.
    pub title: AttrValue,
    /// What the copy-link button last did; the reader resets it for each article.
    pub copied: UseStateHandle<Copied>,
}

/// Copy link, share sheet, service links and a status line (a view function of the Reader:
/// its state lives there).
pub fn share(props: &ShareProps) -> Html {
    let strings = props.strings;
    let copy_click = {
        let copied = props.copied.clone();
        let url = props.share_url.to_string();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            page::copy_text(&url, move |ok| {
                copied.set(if ok { Copied::Done } else { Copied::Failed })
            });
        })
    };
    let share_click = {
        let (title, url) = (props.title.to_string(), props.share_url.to_string());
        Callback::from(move |_: MouseEvent| page::share(&title, &url))
    };
    html! {
        <section class="share" part="share" aria-label={strings.share}>
            <p class="share-label" aria-hidden="true">{ strings.share }</p>
            <div class="share-buttons">
                <button type="button" class="button button-quiet share-copy" part="button" onclick={copy_click}>
                    { strings.copy_link }
                </button>
                if page::can_share() {
                    <button type="button" class="button button-quiet share-device" part="button" onclick={share_click}>
                        { strings.share_device }
                    </button>
                }
                { for ShareTarget::ALL.iter().map(|target| html! {
                    <a class={classes!("share-link", format!("share-{}", target.name().to_ascii_lowercase()))}
                        href={target.link(&props.share_url, &props.title)}
                        target="_blank" rel="noopener noreferrer">{ target.name() }</a>
                }) }
            </div>
            <p class="share-status" role="status">
                { match *props.copied {
                    Copied::Not => Html::default(),
                    Copied::Done => html! { { strings.link_copied } },
                    Copied::Failed => html! { <>{ strings.copy_failed }{ " " }<span class="share-url">{ props.share_url.clone() }</span></> },
                } }
            </p>
        </section>
    }
}
