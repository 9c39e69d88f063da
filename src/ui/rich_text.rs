//! Turning sanitised nodes into Yew elements, without ever using `innerHTML`.

use yew::prelude::*;
use yew::virtual_dom::VTag;

use crate::article::{Article, Content};
use crate::i18n::Strings;
use crate::sanitize::{sanitize, SafeNode};
use crate::web::parse_html;

/// The article body as safe Yew nodes: HTML goes through `DOMParser` and the sanitiser, plain
/// text becomes paragraphs. Relative URLs in the body resolve against the feed's URL, like the
/// lead image's, because agencies host feed, pages and uploads on one site.
pub fn article_body(article: &Article, base_url: &str, strings: &Strings) -> Html {
    match &article.content {
        Content::Html(html) => {
            let nodes = sanitize(&parse_html(html), base_url);
            nodes.iter().map(to_html).collect::<Html>()
        }
        Content::Protected => html! { <p class="reader-protected">{ strings.protected }</p> },
        Content::Text(text) => Content::text_paragraphs(text)
            .into_iter()
            .map(|p| html! { <p>{ p }</p> })
            .collect::<Html>(),
    }
}

fn to_html(node: &SafeNode) -> Html {
    match node {
        SafeNode::Text(text) => html! { { text.clone() } },
        SafeNode::Element {
            tag,
            attrs,
            children,
        } => {
            let mut element = VTag::new(*tag);
            for (name, value) in attrs {
                element.add_attribute(name, value.clone());
            }
            element.add_children(children.iter().map(to_html));
            element.into()
        }
    }
}
